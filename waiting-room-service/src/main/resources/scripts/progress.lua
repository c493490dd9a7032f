-- The public progress of one event's queue, the same for every fan. Returns { state, serving, rate, now }
--   state: -1 unknown event, 0 PRE_QUEUE (before the sale starts), 1 OPEN
if not on_sale then
  return { -1, 0, 0, now }
end
if now < on_sale and redis.call('EXISTS', KEYS[3]) == 0 then
  return { 0, 0, rate, now }
end
freeze()
return { 1, advance(), rate, now }
