-- The cluster-wide side of a token bucket: one gateway instance reports the tokens it spent locally since its last
-- report, and learns how many the bucket has left across all instances. Refilled lazily from the elapsed time on
-- Redis' own clock (replicas with skewed clocks agree); atomic because Redis runs a script alone.
-- KEYS[1] bucket hash   ARGV[1] tokens per second   ARGV[2] capacity (burst)   ARGV[3] tokens spent
-- Returns the tokens left, as a string (may be negative: the instances together spent more than the budget).
local rate = tonumber(ARGV[1])
local capacity = tonumber(ARGV[2])
local spent = tonumber(ARGV[3])
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
tokens = math.max(-capacity, tokens - spent)

redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
-- an idle bucket is full again after at most 2 * capacity / rate seconds: keep it no longer than that
redis.call('EXPIRE', KEYS[1], math.ceil(2 * capacity / rate) + 1)
return tostring(tokens)
