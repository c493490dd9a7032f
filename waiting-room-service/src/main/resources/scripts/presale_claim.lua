-- A presale join (common.lua, this, then enter.lua, as one script): a place in the presale line costs one use of a
-- valid code, counted in the same atomic step that takes the place, so twenty fans racing on a single-use code give
-- one place. A fan already in the line keeps it and uses nothing. Nothing is counted while the line is unknown or
-- closed (enter.lua answers those).
-- KEYS: 12 codes (hash: hash of a code -> uses left)  13 used (hash: user -> hash of the code used)
-- ARGV: 4 the hash of the code given.  Refusals: -6 unknown code, -7 a code with no use left.
if on_sale and not closed and redis.call('HEXISTS', KEYS[13], ARGV[2]) == 0 then
  local left = redis.call('HGET', KEYS[12], ARGV[4])
  if not left then
    return { -6, 0, 0, rate, now, 0 }
  end
  if tonumber(left) <= 0 then
    return { -7, 0, 0, rate, now, 0 }
  end
  redis.call('HINCRBY', KEYS[12], ARGV[4], -1)
  redis.call('HSET', KEYS[13], ARGV[2], ARGV[4])
  redis.call('HINCRBY', KEYS[1], 'codes_used', 1)
end
