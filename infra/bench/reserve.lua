-- wrk script: best-available reservations of one seat, each request as the next benchmark fan
-- (user id, admission token and service credential from the file bench.sh writes), straight to booking-service.
local fans = {}
local counter = 0
local statuses = {}

function init(args)
  local file = io.open(args[1], "r")
  for line in file:lines() do
    local user, token, credential = line:match("([^\t]+)\t([^\t]+)\t(.+)")
    fans[#fans + 1] = { user, token, credential }
  end
  file:close()
  event_id = args[2]
  sections = {}
  for s in string.gmatch(args[3], "[^,]+") do sections[#sections + 1] = s end
  -- each thread starts at its own place in the file (seeded by the address of a fresh table: threads differ)
  math.randomseed(tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 2147483647 + os.time())
  counter = math.random(1, #fans)
end

function request()
  counter = counter + 1
  local fan = fans[(counter % #fans) + 1]
  local section = sections[(counter % #sections) + 1]
  local body = '{"event_id":' .. event_id .. ',"section_id":' .. section .. ',"quantity":1}'
  return wrk.format("POST", "/api/v1/bookings/reserve",
    { ["Content-Type"] = "application/json", ["X-User-Id"] = fan[1], ["X-Admission-Token"] = fan[2],
      ["X-Service-Credential"] = fan[3] }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("latency_p50_ms=%.1f latency_p99_ms=%.1f\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
