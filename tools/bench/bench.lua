-- wrk script for tools/bench/run.sh. One script, three cases, chosen by environment:
--   BENCH_CASE=get     GET /api/v1/partners/partner/{id}, id drawn at random from BENCH_IDS (a file, one id a line)
--   BENCH_CASE=list    GET a filtered, sorted page of 50 (tier gold, region emea, sort -score,name)
--   BENCH_CASE=create  POST /api/v1/partners/partner with a fresh partner body per request
--   BENCH_CASE=search  GET /api/v1/search?q=<two word prefixes of loaded names>&limit=10 (type-ahead)
--   BENCH_CASE=resolve POST /api/v1/resolve with 500 URNs of partners drawn at random from BENCH_IDS
-- BENCH_TARGET=peer sends the equivalent requests to Platformatic DB's generated REST API over the
-- same partners table instead (tools/bench/compare.sh): GET /partner/{id}; GET /partner/?where...&orderby...;
-- POST /partner/ (the columns the engine fills itself -- tenant, version, author -- are in the body);
-- search is an ilike filter on the name (Platformatic offers no full-text filter); no token; no resolve case.
-- done() prints one machine-readable line starting with "BENCH " (requests/s, latency percentiles
-- in milliseconds, non-2xx responses, socket errors) and, if any non-2xx arrived, one "BENCH_SAMPLE"
-- line with the status and the start of the first such body.

local case = os.getenv("BENCH_CASE") or "get"
local ids_file = os.getenv("BENCH_IDS")
local peer = os.getenv("BENCH_TARGET") == "peer"

local LIST_PATH = "/api/v1/partners/partner"
    .. "?filter=tier%20eq%20%27gold%27%20and%20region%20eq%20%27emea%27"
    .. "&sort=-score%2Cname&limit=50"
local GET_PREFIX = "/api/v1/partners/partner/"
local CREATE_PATH = "/api/v1/partners/partner"
if peer then
  -- The tenant predicate is the one the engine adds to every query; with it the same (tenant_id, ...) indexes serve both.
  LIST_PATH = "/partner/?where.tenantId.eq=acme&where.tier.eq=gold&where.region.eq=emea"
      .. "&orderby.score=desc&orderby.name=asc&limit=50"
  GET_PREFIX = "/partner/"
  CREATE_PATH = "/partner/"
end

-- main state: remember the threads so done() can collect their counters
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

-- thread state
local ids = {}
local fixed_request = nil
local counter = 0
non2xx = 0
first_err = nil

-- type-ahead queries: a prefix of a company word and of a second name word (URL-encoded space)
local SEARCH = { "acm%20dig", "glob%20clo", "init%20dat", "umbr%20sys", "star%20net", "way%20con", "tyr%20sof",
  "cyber%20lab", "acme", "glo", "networ", "consul%20gm" }

local TIERS = { "registered", "silver", "gold", "platinum" }
local REGIONS = { "emea", "amer", "apac" }
local TYPES = { "reseller", "referral", "system_integrator", "technology" }

function init(args)
  if not peer then
    local token = os.getenv("BENCH_TOKEN")
    assert(token and #token > 0, "BENCH_TOKEN is not set")
    wrk.headers["Authorization"] = "Bearer " .. token
  end
  math.randomseed(os.time() * 100 + (tid or 0))
  if case == "get" or case == "resolve" then
    local f = assert(io.open(assert(ids_file, "BENCH_IDS is not set"), "r"))
    for line in f:lines() do
      if #line == 36 then ids[#ids + 1] = line end
    end
    f:close()
    assert(#ids > 0, "no ids in " .. ids_file)
  elseif case == "list" then
    fixed_request = wrk.format("GET", LIST_PATH, wrk.headers)
  elseif case == "create" or case == "resolve" then
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
  elseif case == "search" then
    -- nothing to prepare
  else
    error("unknown BENCH_CASE " .. case)
  end
end

function request()
  if case == "get" then
    return wrk.format("GET", GET_PREFIX .. ids[math.random(#ids)])
  elseif case == "list" then
    return fixed_request
  elseif case == "search" then
    local q = SEARCH[math.random(#SEARCH)]
    if peer then
      -- "acm%20dig" -> name ilike '%acm%dig%'
      return wrk.format("GET", "/partner/?where.tenantId.eq=acme&limit=10&where.name.ilike=%25" .. q:gsub("%%20", "%%25") .. "%25")
    end
    return wrk.format("GET", "/api/v1/search?limit=10&q=" .. q)
  elseif case == "resolve" then
    local urns = {}
    for i = 1, 500 do
      urns[i] = '"urn:prm:partners:partner:' .. ids[math.random(#ids)] .. '"'
    end
    return wrk.format("POST", "/api/v1/resolve", nil, '{"urns":[' .. table.concat(urns, ",") .. ']}')
  end
  counter = counter + 1
  if peer then
    return wrk.format("POST", CREATE_PATH, nil, string.format(
      '{"tenantId":"acme","version":1,"createdBy":"bench","updatedBy":"bench","name":"Bench Partner %d-%d",'
        .. '"tier":"%s","region":"%s","types":["%s"],"score":%d,"joinedOn":"2024-%02d-%02d","active":%s,'
        .. '"contactEmail":"bench%d-%d@partner.example","annualTargetAmount":%d,"annualTargetCurrency":"EUR"}',
      tid or 0, counter, TIERS[math.random(4)], REGIONS[math.random(3)], TYPES[math.random(4)],
      math.random(0, 100), math.random(1, 12), math.random(1, 28), tostring(math.random(100) <= 85),
      tid or 0, counter, 10000 * math.random(1, 500)))
  end
  local body = string.format(
    '{"name":"Bench Partner %d-%d","tier":"%s","region":"%s","types":["%s"],"score":%d,'
      .. '"joined_on":"2024-%02d-%02d","active":%s,"contact_email":"bench%d-%d@partner.example",'
      .. '"annual_target":{"amount":%d,"currency":"EUR"}}',
    tid or 0, counter, TIERS[math.random(4)], REGIONS[math.random(3)], TYPES[math.random(4)],
    math.random(0, 100), math.random(1, 12), math.random(1, 28), tostring(math.random(100) <= 85),
    tid or 0, counter, 10000 * math.random(1, 500))
  return wrk.format("POST", CREATE_PATH, nil, body)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first_err == nil then
      first_err = tostring(status) .. " " .. string.sub((body or ""):gsub("%s+", " "), 1, 200)
    end
  end
end

function done(summary, latency, requests)
  local bad, sample = 0, nil
  for _, t in ipairs(threads) do
    bad = bad + (tonumber(t:get("non2xx")) or 0)
    sample = sample or t:get("first_err")
  end
  local e = summary.errors
  local sock = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH case=%s requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d sockerr=%d timeouts=%d\n",
    case, summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, bad, sock, e.timeout))
  if sample then
    io.write("BENCH_SAMPLE " .. sample .. "\n")
  end
end
