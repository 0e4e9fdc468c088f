-- One benchmark scenario for wrk: rotates through the paths in BENCH_PFADE (separated by "|"),
-- optionally adds a unique query parameter (BENCH_KALT=1: every request misses the page cache),
-- sends BENCH_HEADER ("Name: value" pairs separated by "|"), a POST body from BENCH_BODY,
-- and prints one JSON line with throughput, latency percentiles and errors.
local pfade = {}
for p in string.gmatch(os.getenv("BENCH_PFADE") or "/", "[^|]+") do
  table.insert(pfade, p)
end
local kalt = os.getenv("BENCH_KALT") == "1"
local body = os.getenv("BENCH_BODY")
local headers = {}
for h in string.gmatch(os.getenv("BENCH_HEADER") or "", "[^|]+") do
  local name, value = string.match(h, "^([^:]+):%s*(.*)$")
  if name then headers[name] = value end
end
if body then
  headers["Content-Type"] = "application/x-www-form-urlencoded"
end
local counter = 0
local statuses = {}
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function request()
  counter = counter + 1
  local pfad = pfade[(counter % #pfade) + 1]
  if kalt then
    local sep = string.find(pfad, "?", 1, true) and "&" or "?"
    pfad = pfad .. sep .. "_bench=" .. id .. "-" .. counter
  end
  if body then
    return wrk.format("POST", pfad, headers, body)
  end
  return wrk.format("GET", pfad, headers)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "rps": %.2f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, '
    .. '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d, "status_errors": %d}\n',
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    summary.errors.status))
end
