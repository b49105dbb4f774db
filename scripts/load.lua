-- wrk script for scripts/load.sh: each request is a path chosen at random from the file named by
-- MARSAD_LOAD_PATHS (one URL path per line, already percent-encoded), so the server sees many
-- different searches / entity pages rather than one cached answer. At the end it prints one line
-- `RESULT {json}` with requests/s and latency percentiles (milliseconds) for load.sh to collect.

local paths = {}

local function load_paths()
  local name = os.getenv("MARSAD_LOAD_PATHS")
  if not name then
    error("MARSAD_LOAD_PATHS is not set")
  end
  for line in io.lines(name) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  if #paths == 0 then
    error("no paths in " .. name)
  end
end

load_paths()

function setup(thread)
  thread:set("id", math.random(1, 1000000))
end

function init(args)
  math.randomseed(os.time() + (id or 0))
end

function request()
  return wrk.format("GET", paths[math.random(1, #paths)])
end

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.2f,"rps":%.1f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,' ..
    '"max_ms":%.2f,"mean_ms":%.2f,"non_2xx":%d,"socket_errors":%d,"timeouts":%d,"bytes":%d,"paths":%d}\n',
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3,
    latency.max / 1e3, latency.mean / 1e3,
    e.status, e.connect + e.read + e.write, e.timeout, summary.bytes, #paths))
end
