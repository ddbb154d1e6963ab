-- Request set-up and result line for bench/load.sh.
-- Environment: WRK_METHOD (GET or POST), WRK_BODY (JSON text for POST), WRK_AUTHORIZATION
-- (the Authorization header value, if any) and WRK_CLOSE=1 to send "Connection: close".

wrk.method = os.getenv("WRK_METHOD") or "GET"

local body = os.getenv("WRK_BODY")
if body ~= nil and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end

local authorization = os.getenv("WRK_AUTHORIZATION")
if authorization ~= nil and authorization ~= "" then
  wrk.headers["Authorization"] = authorization
end

if os.getenv("WRK_CLOSE") == "1" then
  wrk.headers["Connection"] = "close"
end

-- One line that load.sh parses: latency figures are in microseconds in wrk, printed in ms.
-- "status" counts responses with a status of 400 or more, "socket" counts connect, read,
-- write and timeout errors.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f status=%d socket=%d\n",
    summary.requests,
    summary.requests / seconds,
    latency:percentile(50) / 1000,
    latency:percentile(99) / 1000,
    latency.max / 1000,
    errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
