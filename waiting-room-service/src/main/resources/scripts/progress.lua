-- The public progress of one event's queue, the same for every fan. Returns { state, serving, rate, now }
--   state: -1 unknown event (or a DRAFT), 0 PRE_QUEUE (before the sale starts), 1 OPEN, 2 SOLD_OUT (admission
--   paused), 3 CLOSED (cancelled, or the show started)
if not on_sale then
  return { -1, 0, 0, now }
end
if closed then
  return { 3, current_serving(), rate, now }
end
if now < on_sale and redis.call('EXISTS', KEYS[3]) == 0 then
  return { 0, 0, rate, now }
end
freeze()
local serving = advance()
return { sold_out and 2 or 1, serving, rate, now }
