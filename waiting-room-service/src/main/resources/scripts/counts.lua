-- The internal counts of one event's line (the organizer's sales report), read-only.
-- Returns { known, waiting, admitted }: known 0 for an event the waiting room never heard of (a DRAFT is known);
-- waiting = fans in line and not admitted yet (the pre-queue before T0, then the numbers handed out and not served);
-- admitted = admission tokens issued so far (at least the tokens held now, for lines older than the counter).
if redis.call('HEXISTS', KEYS[1], 'on_sale_at') == 0 then
  return { 0, 0, 0 }
end
local waiting
local frozen = redis.call('GET', KEYS[3])
if not frozen then
  waiting = redis.call('ZCARD', KEYS[2])
else
  local numbers = tonumber(frozen) + tonumber(redis.call('GET', KEYS[4]) or '0')
  waiting = math.max(0, numbers - tonumber(redis.call('HGET', KEYS[6], 'serving') or '0'))
end
local admitted = math.max(tonumber(redis.call('HGET', KEYS[6], 'admitted') or '0'), redis.call('HLEN', KEYS[9]))
return { 1, waiting, admitted }
