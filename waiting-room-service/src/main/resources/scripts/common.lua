-- Shared by the waiting-room scripts (prepended to each). All keys of one event share the hash tag {E}, so a
-- Redis Cluster keeps them on one shard and every script stays single-shard and atomic.
-- KEYS: 1 cfg (hash)  2 pre (zset user -> random key)  3 frozen (N_pre)  4 seq (FIFO counter)
--       5 num (hash user -> queue number)  6 state (hash serving/last/carry/credit/settled)
--       7 turns (list "from:to:ms": numbers served by each move of the counter, oldest first)
--       8 claimed (zset user -> number: fans who came for their turn)  9 adm (hash user -> admission token)
--       10 gone (set of users whose admitted session ended: their raffle rank no longer counts)
--       11 the event's cfg (lifecycle and availability; the same key as 1 for the general line, the event's for a
--          presale line, whose own keys are wr:{E}:ps:*)
-- Time is Redis' own clock, so every replica of the service agrees on T0 and on the admission pace.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

-- KEYS[1] is the line's own settings (its start, pre-queue opening, pace and, for a presale, its end); KEYS[11] the
-- event's (lifecycle and availability). For the general line they are the same hash.
local cfg, life
if KEYS[11] == KEYS[1] then
  -- the general line: one read of its one hash (every join, status and progress pays for this)
  local all = redis.call('HMGET', KEYS[1], 'on_sale_at', 'prequeue_opens_at', 'rate', 'ends_at', 'published',
    'cancelled', 'starts_at', 'sold_out', 'presale_starts_at')
  cfg = { all[1], all[2], all[3], all[4] }
  life = { all[5], all[6], all[7], all[8], all[9] }
else
  cfg = redis.call('HMGET', KEYS[1], 'on_sale_at', 'prequeue_opens_at', 'rate', 'ends_at')
  life = redis.call('HMGET', KEYS[11], 'published', 'cancelled', 'starts_at', 'sold_out', 'presale_starts_at')
end
local on_sale = tonumber(cfg[1])
local opens = tonumber(cfg[2])
local rate = tonumber(cfg[3])
local ends_at = tonumber(cfg[4])
-- The event's lifecycle (catalog) and availability (booking). A DRAFT is unknown to fans until it is published; a
-- cancelled event or one whose show has started is CLOSED (nothing more is admitted), and so is a presale line once
-- its window ended; while every seat is held or sold the sale is paused (SOLD_OUT): the counter stands still, and
-- resumes at its pace, without a burst, when seats come back.
if life[1] == '0' or (life[1] == false and KEYS[11] ~= KEYS[1]) then
  on_sale = nil
end
local cancelled = life[2] == '1'
local starts_at = tonumber(life[3])
local closed = cancelled or (starts_at ~= nil and now >= starts_at) or (ends_at ~= nil and now >= ends_at)
local sold_out = life[4] == '1'
-- From a presale's start the general pre-queue is open to everyone, whatever its own opening: a fan without a code
-- takes a place in it while code holders are served
local presale_started = tonumber(life[5]) ~= nil and now >= tonumber(life[5])
-- whether the event has a presale line at all (the status of a fan asks it only then)
local has_presale = life[5] ~= false

-- Freezes the pre-queue at the first access after T0: its size is the number of raffled places.
local function freeze()
  local n = redis.call('GET', KEYS[3])
  if not n then
    n = redis.call('ZCARD', KEYS[2])
    redis.call('SET', KEYS[3], n)
  end
  return tonumber(n)
end

local function total_numbers()
  return tonumber(redis.call('GET', KEYS[3]) or '0') + tonumber(redis.call('GET', KEYS[4]) or '0')
end

-- Moves the global "serving" counter at `rate` per minute since the last move, carrying the fraction, so any
-- replica may call it at any time and the pace stays the same. Turns that passed unclaimed give their capacity back
-- (`credit`, settled by sweep.lua). Serving never runs ahead of the numbers actually handed out, so capacity is not
-- banked during a lull and then released as a burst. Each move is recorded as a turn window for the settling.
-- Paused (sold out or closed), it stands still.
local function advance()
  local s = redis.call('HMGET', KEYS[6], 'serving', 'last', 'carry', 'credit')
  local serving = tonumber(s[1]) or 0
  if sold_out or closed then
    -- paused: nobody is admitted, and the pause earns no capacity to release as a burst later
    redis.call('HSET', KEYS[6], 'serving', serving, 'last', now, 'carry', 0)
    return serving
  end
  local last = tonumber(s[2]) or on_sale
  local carry = tonumber(s[3]) or 0
  local credit = tonumber(s[4]) or 0
  if now <= last then
    return serving
  end
  local tokens = (now - last) * rate / 60000 + carry
  local admit = math.floor(tokens)
  carry = tokens - admit
  local target = serving + admit + credit
  local cap = total_numbers()
  if target >= cap then
    target = math.max(cap, serving)
    carry = 0
  end
  redis.call('HSET', KEYS[6], 'serving', target, 'last', now, 'carry', tostring(carry), 'credit', 0)
  if target > serving then
    redis.call('RPUSH', KEYS[7], serving .. ':' .. target .. ':' .. now)
  end
  return target
end

-- Whether the user has an entry of any kind (pre-queue, a number or an admission token).
local function member(user)
  return redis.call('HEXISTS', KEYS[5], user) == 1 or redis.call('ZSCORE', KEYS[2], user) ~= false
    or redis.call('HEXISTS', KEYS[9], user) == 1
end

local function current_serving()
  return tonumber(redis.call('HGET', KEYS[6], 'serving') or '0')
end
