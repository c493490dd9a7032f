-- An admitted session has expired: the entry ends, the user may join again (FIFO). ARGV: 1 user  2 expired token
if redis.call('HGET', KEYS[9], ARGV[1]) == ARGV[2] then
  redis.call('HDEL', KEYS[9], ARGV[1])
  redis.call('HDEL', KEYS[5], ARGV[1])
  redis.call('ZREM', KEYS[8], ARGV[1])
  redis.call('SADD', KEYS[10], ARGV[1])
  return 1
end
return 0
