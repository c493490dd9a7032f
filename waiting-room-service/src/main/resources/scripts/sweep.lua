-- Settles the turns that passed more than ARGV[1] ms ago: the numbers served in them whose fans never came to
-- claim their turn give their capacity back (the serving counter moves on by that many more), and those fans, if
-- they come later, queue again at the back (enter.lua). ARGV: 1 claim grace ms  2 max turn windows per call.
-- While the sale is paused (sold out) nothing is settled: a fan told SOLD_OUT cannot claim its turn, and once seats
-- come back every turn served before gets the whole grace again, counted from the resumption. A closed sale is
-- never settled again. Returns { unclaimed, depth }
if not on_sale or closed or (now < on_sale and redis.call('EXISTS', KEYS[3]) == 0) then
  return { 0, 0 }
end
freeze()
local serving = advance()
if sold_out then
  return { 0, math.max(total_numbers() - serving, 0) }
end
local resumed = tonumber(redis.call('HGET', KEYS[11], 'resumed_at') or '0')
local unclaimed = 0
local settled = nil
for _ = 1, tonumber(ARGV[2]) do
  local turn = redis.call('LINDEX', KEYS[7], 0)
  if not turn then break end
  local from, to, at = string.match(turn, '^(%d+):(%d+):(%d+)$')
  from = tonumber(from); to = tonumber(to)
  if math.max(tonumber(at), resumed) > now - tonumber(ARGV[1]) then break end
  redis.call('LPOP', KEYS[7])
  local claimed = redis.call('ZCOUNT', KEYS[8], '(' .. from, to)
  unclaimed = unclaimed + math.max(0, (to - from) - claimed)
  settled = to
end
if settled then
  redis.call('HSET', KEYS[6], 'settled', settled)
end
if unclaimed > 0 then
  redis.call('HINCRBY', KEYS[6], 'credit', unclaimed)
end
return { unclaimed, math.max(total_numbers() - serving, 0) }
