-- wrk script: the waiting room straight at waiting-room-service, identity as the gateway forwards it (X-User-Id).
--   mode "join": every request is a new fan joining the event's queue (fans wr-<run>-<thread>-<n>)
--   mode "poll": fans polling their status, drawn from the first 500 each thread joined in the join run
-- args: mode event_id run
local thread_id = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local n = 0
function init(args)
  mode = args[1]
  event_id = args[2]
  run = args[3]
  math.randomseed(os.time() + tid)
end

function request()
  n = n + 1
  if mode == "join" then
    return wrk.format("POST", "/api/v1/waiting-room/" .. event_id .. "/join",
      { ["X-User-Id"] = string.format("wr-%s-%d-%d", run, tid, n) })
  end
  local fan = string.format("wr-%s-%d-%d", run, tid, math.random(1, 500))
  return wrk.format("GET", "/api/v1/waiting-room/" .. event_id .. "/status", { ["X-User-Id"] = fan })
end
