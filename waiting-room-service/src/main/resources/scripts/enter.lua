-- Join or status of one user, O(log n) at most. ARGV: 1 mode (join|status)  2 user  3 random key (53-bit integer)
-- Returns { outcome, number, serving, rate, now, joined, token, member, presale }
--   outcome: -1 unknown event (or a DRAFT), -2 pre-queue not open yet, -3 not in queue, -4 event cancelled,
--            -5 sale closed (the show started), 0 PRE_QUEUE, 1 QUEUED, 2 ADMITTED, 3 SOLD_OUT (queued, paused)
--   member (closed outcomes only): 1 when the user had an entry
--   presale: 1 when the event has a presale line (a fan's status asks that line too)
local function reply(t)
  t[7] = t[7] or false
  t[8] = t[8] or 0
  t[9] = has_presale and 1 or 0
  return t
end
if not on_sale then
  return reply({ -1, 0, 0, 0, now, 0 })
end
local mode = ARGV[1]
local user = ARGV[2]

if closed then
  -- nobody joins and nobody more is admitted; a fan who was in line learns why (status CLOSED)
  return reply({ cancelled and -4 or -5, 0, current_serving(), rate, now, 0, false, member(user) and 1 or 0 })
end

if now < on_sale and redis.call('EXISTS', KEYS[3]) == 0 then
  -- Before T0: everyone who joins is equal. The random key fixed now decides the place at T0.
  local joined = 0
  if redis.call('ZSCORE', KEYS[2], user) == false then
    if mode ~= 'join' then
      return reply({ -3, 0, 0, rate, now, 0 })
    end
    if now < opens and not presale_started then
      return reply({ -2, 0, 0, rate, now, 0 })
    end
    redis.call('ZADD', KEYS[2], 'NX', ARGV[3], user)
    joined = 1
  end
  return reply({ 0, 0, 0, rate, now, joined })
end

-- At or after T0: the pre-queue is frozen; its order is the rank of each random key.
freeze()
local serving = advance()
-- while sold out a fan keeps (or takes) its place in line, in case seats come back
local waiting = sold_out and 3 or 1
local joined = 0
local number = tonumber(redis.call('HGET', KEYS[5], user))
if not number then
  local gone = redis.call('SISMEMBER', KEYS[10], user) == 1
  local rank = false
  if not gone then
    rank = redis.call('ZRANK', KEYS[2], user)
  end
  if rank then
    number = rank + 1
  elseif mode == 'join' then
    -- after the freeze every arrival (and a user whose session ended, coming back) queues FIFO behind everyone
    if gone then
      redis.call('SREM', KEYS[10], user)
    end
    number = tonumber(redis.call('GET', KEYS[3])) + redis.call('INCR', KEYS[4])
    joined = 1
  else
    return reply({ -3, 0, serving, rate, now, 0 })
  end
  redis.call('HSET', KEYS[5], user, number)
end

if number <= serving then
  if redis.call('ZSCORE', KEYS[8], user) == false then
    local settled = tonumber(redis.call('HGET', KEYS[6], 'settled') or '0')
    if number <= settled then
      -- the turn passed unclaimed and its capacity went to the next fans: queue again, at the back
      number = total_numbers() + 1
      redis.call('INCR', KEYS[4])
      redis.call('HSET', KEYS[5], user, number)
      return reply({ waiting, number, serving, rate, now, joined })
    end
    if sold_out then
      -- served but not come for its turn yet: no admission while nothing is left; the turn stays its own
      return reply({ 3, number, serving, rate, now, joined })
    end
    redis.call('ZADD', KEYS[8], number, user)
  end
  local token = redis.call('HGET', KEYS[9], user)
  return reply({ 2, number, serving, rate, now, joined, token })
end
return reply({ waiting, number, serving, rate, now, joined })
