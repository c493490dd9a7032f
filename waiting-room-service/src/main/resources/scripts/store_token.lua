-- Keeps the first admission token of a user (concurrent polls on several replicas agree on one) and counts each
-- admission once. KEYS: as common.lua. ARGV: 1 user  2 token. Returns the token that won.
if redis.call('HSETNX', KEYS[9], ARGV[1], ARGV[2]) == 1 then
  redis.call('HINCRBY', KEYS[6], 'admitted', 1)
  return ARGV[2]
end
return redis.call('HGET', KEYS[9], ARGV[1])
