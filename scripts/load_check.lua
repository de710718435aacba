-- wrk script for the load check (tests/resilience/test_load.py): each thread signs in as one
-- of three roles (a session cookie each) and walks that role's pages in turn.
-- Arguments: three groups "sessionid|/path,/path,...", one per role.

local threads = {}
local next_role = 0

function setup(thread)
  next_role = next_role + 1
  thread:set("role", next_role)
  table.insert(threads, thread)
end

function init(args)
  local group = args[((role - 1) % #args) + 1]
  local session, paths = group:match("([^|]+)|(.+)")
  cookie = "sessionid=" .. session
  pages = {}
  for path in paths:gmatch("[^,]+") do table.insert(pages, path) end
  turn = 0
  unexpected = 0
end

function request()
  turn = turn + 1
  return wrk.format("GET", pages[(turn % #pages) + 1], { Cookie = cookie })
end

function response(status, headers, body)
  if status ~= 200 then unexpected = unexpected + 1 end
end

function done(summary, latency, requests)
  local not_200 = 0
  for _, thread in ipairs(threads) do not_200 = not_200 + thread:get("unexpected") end
  local e = summary.errors
  io.write(string.format(
    "LOAD requests=%d duration_s=%.1f rps=%.1f non_2xx_3xx=%d not_200=%d " ..
    "connect=%d read=%d write=%d timeout=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    e.status, not_200, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
