-- wrk script of bench/query-latency.sh: GETs a path per request, with {id} replaced by a user drawn at
-- random from a key file (one id a line), counts answers that are not 200 and answers served by another
-- instance than expected, and prints one RESULT line that QueryLatencyBenchmark reads.
--
--   wrk -t2 -c16 -d20s --latency -s query-latency.lua http://localhost:PORT -- PATH KEYS SERVED_BY
--
-- PATH: such as /v1/users/{id} or /v1/leaders?limit=100; KEYS: the key file, or - when PATH has no {id};
-- SERVED_BY: the host:port that must answer (X-Influence-Served-By), or - to accept any.

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local path, keyFile, servedBy = args[1], args[2], args[3]
  before, after = path:match("^(.-){id}(.*)$")
  if before == nil then
    before, after = path, ""
  end
  keys = {}
  if keyFile ~= "-" then
    for line in io.lines(keyFile) do
      if line ~= "" then
        keys[#keys + 1] = line
      end
    end
    if #keys == 0 then
      error("no keys in " .. keyFile)
    end
  end
  expected = servedBy ~= "-" and servedBy or nil
  non200 = 0
  otherServer = 0
  math.randomseed(id * 7919 + os.time())
end

function request()
  if #keys == 0 then
    return wrk.format("GET", before)
  end
  return wrk.format("GET", before .. keys[math.random(#keys)] .. after)
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  end
  if expected ~= nil and servedBy(headers) ~= expected then
    otherServer = otherServer + 1
  end
end

-- Header names are case-insensitive: a forwarded answer relays the owner's headers in lower case.
function servedBy(headers)
  for name, value in pairs(headers) do
    if name:lower() == "x-influence-served-by" then
      return value
    end
  end
  return nil
end

function done(summary, latency, requests)
  local non200s, others = 0, 0
  for _, thread in ipairs(threads) do
    non200s = non200s + thread:get("non200")
    others = others + thread:get("otherServer")
  end
  local errors = summary.errors
  io.write(string.format(
      "RESULT requests=%d seconds=%.3f p50_us=%d p90_us=%d p99_us=%d max_us=%d non200=%d other_server=%d socket_errors=%d\n",
      summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(90), latency:percentile(99),
      latency.max, non200s, others, errors.connect + errors.read + errors.write + errors.timeout))
end
