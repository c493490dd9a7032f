-- A token bucket in one hash, refilled lazily from the elapsed time (Redis' own clock, so replicas of the
-- gateway with skewed clocks agree). Atomic because Redis runs a script alone.
-- KEYS[1] bucket hash   ARGV[1] tokens per second   ARGV[2] capacity (burst)   ARGV[3] tokens requested
-- Returns { allowed (1/0), retry_after_seconds, tokens_left (floored) }
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local requested = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000

local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = capacity
  ts = now
end
tokens = math.min(capacity, tokens + math.max(0, now - ts) * rate)

local allowed = 0
local retry_after = 0
if tokens >= requested then
  allowed = 1
  tokens = tokens - requested
else
  retry_after = math.ceil((requested - tokens) / rate)
end

redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
-- an idle bucket is full again after capacity/rate seconds: keep it no longer than that
redis.call('EXPIRE', KEYS[1], math.ceil(capacity / rate) + 1)
return { allowed, retry_after, math.floor(tokens) }
