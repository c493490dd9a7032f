-- wrk script: GETs as if from many clients behind a trusted proxy (a CDN or load balancer), so the gateway's
-- per-IP buckets see a crowd rather than one address.
local n = 0
function request()
  n = n + 1
  local ip = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  return wrk.format("GET", nil, { ["X-Forwarded-For"] = ip })
end
