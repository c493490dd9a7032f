-- Drops entries that stopped polling. ARGV: 1 idle ms  2 batch size.  Returns { dropped, depth }
-- Before T0 an idle entry simply leaves the pre-queue (nobody has a place yet). After T0 its number is recorded
-- in `dropped` so the serving counter skips it instead of wasting an admission on it, and the user is marked
-- gone: polling again says NOT_IN_QUEUE, joining again queues FIFO at the back.
if not on_sale then
  return { 0, 0 }
end
local idle = redis.call('ZRANGEBYSCORE', KEYS[7], '-inf', now - tonumber(ARGV[1]), 'LIMIT', 0, tonumber(ARGV[2]))
if now < on_sale and redis.call('EXISTS', KEYS[3]) == 0 then
  for _, user in ipairs(idle) do
    redis.call('ZREM', KEYS[2], user)
    redis.call('ZREM', KEYS[7], user)
  end
  return { #idle, redis.call('ZCARD', KEYS[2]) }
end
freeze()
local serving = advance()
local dropped = 0
for _, user in ipairs(idle) do
  local number = tonumber(redis.call('HGET', KEYS[5], user))
  if not number and redis.call('SISMEMBER', KEYS[8], user) == 0 then
    local rank = redis.call('ZRANK', KEYS[2], user)
    if rank then number = rank + 1 end
  end
  if number and number > serving then
    redis.call('ZADD', KEYS[9], number, user)
    redis.call('SADD', KEYS[8], user)
    redis.call('HDEL', KEYS[5], user)
    redis.call('HDEL', KEYS[10], user)
    dropped = dropped + 1
  end
  redis.call('ZREM', KEYS[7], user)
end
local depth = total_numbers() - serving - redis.call('ZCOUNT', KEYS[9], '(' .. serving, '+inf')
return { dropped, math.max(depth, 0) }
