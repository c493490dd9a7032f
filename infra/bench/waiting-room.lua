-- wrk script: the waiting room straight at waiting-room-service, identity as the gateway forwards it (X-User-Id and
-- the service credential for it, from the file bench.sh writes: "user<TAB>credential" lines).
--   mode "join": every request is a new fan joining the event's queue (each thread takes its own half of the file)
--   mode "poll": fans polling their status, drawn from the first 500 of each thread's half (joined in the join run)
-- args: mode event_id fans_file
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local n = 0
local fans = {}
function init(args)
  mode = args[1]
  event_id = args[2]
  local file = io.open(args[3], "r")
  for line in file:lines() do
    local user, credential = line:match("([^\t]+)\t(.+)")
    fans[#fans + 1] = { user, credential }
  end
  file:close()
  per_thread = math.floor(#fans / 2)
  offset = (tid - 1) * per_thread
  math.randomseed(os.time() + tid)
end

function request()
  n = n + 1
  if mode == "join" then
    local fan = fans[offset + ((n - 1) % per_thread) + 1]
    return wrk.format("POST", "/api/v1/waiting-room/" .. event_id .. "/join",
      { ["X-User-Id"] = fan[1], ["X-Service-Credential"] = fan[2] })
  end
  local fan = fans[offset + math.random(1, 500)]
  return wrk.format("GET", "/api/v1/waiting-room/" .. event_id .. "/status",
    { ["X-User-Id"] = fan[1], ["X-Service-Credential"] = fan[2] })
end
