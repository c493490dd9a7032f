-- Booking's word on an event's availability (the newest as_of wins; a redelivery or an older state changes nothing).
-- KEYS: 1 cfg  2 state. ARGV: 1 sold out (1|0)  2 as_of epoch ms. Returns 1 when applied, 0 when stale.
-- When seats come back the pause ends now: the counter earns no capacity for the paused time (no burst), and turns
-- served before the pause get their claim grace counted from now (sweep.lua).
local newest = redis.call('HGET', KEYS[1], 'avail_as_of')
if newest and tonumber(newest) >= tonumber(ARGV[2]) then
  return 0
end
local was_sold_out = redis.call('HGET', KEYS[1], 'sold_out') == '1'
redis.call('HSET', KEYS[1], 'sold_out', ARGV[1], 'avail_as_of', ARGV[2])
if was_sold_out and ARGV[1] == '0' then
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  redis.call('HSET', KEYS[1], 'resumed_at', now)
  if redis.call('EXISTS', KEYS[2]) == 1 then
    redis.call('HSET', KEYS[2], 'last', now, 'carry', 0)
  end
end
return 1
