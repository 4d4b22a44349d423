#!/usr/bin/env bash
# PRM OS HTTP benchmark: loads partners through the bulk API, then drives wrk against
# get-by-id, a filtered+sorted page, and create. See tools/bench/README.md.
#
#   tools/bench/run.sh [--build]
#
# Environment: DURATION (15s), WARMUP (5s), PARTNERS (100000), LOAD_CONNECTIONS (4), LOAD_BATCH (1000),
#              START_TIMEOUT (180, seconds), KEEP_DIR (a directory to copy logs and raw wrk output to),
#              ENGINE_JAVA_OPTS (extra JVM options for the engine), CASES ("get list search resolve create"),
#              ENGINE_APP (a quarkus-app directory; default engine/target/quarkus-app),
#              COMPARE_APP (a second quarkus-app: A/B on the same data, alternating), ROUNDS (1).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ENGINE_APP=${ENGINE_APP:-$ROOT/engine/target/quarkus-app}
JAR="$ENGINE_APP/quarkus-run.jar"
COMPARE_APP=${COMPARE_APP:-}
ROUNDS=${ROUNDS:-1}
CASES=${CASES:-get list search resolve create}

DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
PARTNERS=${PARTNERS:-100000}
LOAD_CONNECTIONS=${LOAD_CONNECTIONS:-4}
# 500, not the documented maximum of 1000: a bulk request of more than ~750 creates overflows the
# stack of the engine's event loop (see README, "Known problems") and never answers.
LOAD_BATCH=${LOAD_BATCH:-1000}
START_TIMEOUT=${START_TIMEOUT:-180}
WRK_THREADS=2
WRK_CONNECTIONS=32

BUILD=0
for arg in "$@"; do
  case "$arg" in
    --build) BUILD=1 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: FAILED: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

TMP=""
ENGINE_PID=""
ENGINE_LOG=""

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# One-line reason on stderr, non-zero exit; the EXIT trap cleans up.
die() {
  if [[ -n "$ENGINE_LOG" && -s "$ENGINE_LOG" && "${SHOW_ENGINE_LOG:-0}" == 1 ]]; then
    echo "---- engine log: first errors, then the last lines ----" >&2
    { grep -m 4 -E ' ERROR |^Caused by' "$ENGINE_LOG" || true; echo "  ..."; tail -n 10 "$ENGINE_LOG"; } \
      | cut -c1-300 | sed 's/^/  | /' >&2
  fi
  echo "bench: FAILED: $*" >&2
  exit 1
}

stop_engine() {
  if [[ -n "$ENGINE_PID" ]] && kill -0 "$ENGINE_PID" 2>/dev/null; then
    log "stopping the engine (pid $ENGINE_PID)"
    kill -TERM "$ENGINE_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$ENGINE_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$ENGINE_PID" 2>/dev/null; then
      log "engine did not stop within 30 s; killing it"
      kill -KILL "$ENGINE_PID" 2>/dev/null || true
    fi
    wait "$ENGINE_PID" 2>/dev/null || true
  fi
  ENGINE_PID=""
  # The engine's shutdown hook stops its embedded PostgreSQL. If the JVM died without running
  # it, the postmaster is still up: stop it by the pid in its own pid file (fast shutdown).
  local pidfile="${TMP:+$TMP/data/postmaster.pid}"
  if [[ -n "$pidfile" && -f "$pidfile" ]]; then
    local pg
    pg=$(head -n 1 "$pidfile" 2>/dev/null || true)
    if [[ "$pg" =~ ^[0-9]+$ ]] && kill -0 "$pg" 2>/dev/null; then
      log "stopping the leftover embedded PostgreSQL (pid $pg)"
      kill -INT "$pg" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pg" 2>/dev/null || break; sleep 0.5; done
      kill -0 "$pg" 2>/dev/null && kill -KILL "$pg" 2>/dev/null || true
    fi
  fi
}

# Stops the engine (and, through its shutdown hook, its PostgreSQL) but keeps the data for the next engine.
stop_engine_only() {
  stop_engine
  local pidfile="$TMP/data/postmaster.pid"
  for _ in $(seq 1 40); do [[ -f "$pidfile" ]] || break; sleep 0.5; done
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_engine
  if [[ -n "$TMP" && -d "$TMP" ]]; then
    if [[ -n "${KEEP_DIR:-}" ]]; then
      mkdir -p "$KEEP_DIR" && cp "$TMP"/*.log "$TMP"/*.txt "$KEEP_DIR"/ 2>/dev/null || true
    fi
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "bench: interrupted" >&2; exit 130' INT
trap 'echo "bench: terminated" >&2; exit 143' TERM

# ---- prerequisites ----------------------------------------------------------------------
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
if ((${#missing[@]})); then
  [[ $(id -u) == 0 ]] || die "missing ${missing[*]}; run as root (to apt-get install them) or install them first"
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them with"
  log "installing ${missing[*]} with apt-get"
  apt-get update -qq >/dev/null || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
fi
java_major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
[[ "${java_major:-0}" =~ ^[0-9]+$ && "$java_major" -ge 17 ]] || die "need Java 17 or newer, found '${java_major:-none}'"

if [[ $BUILD == 1 || ! -f "$JAR" ]]; then
  # package through the reactor (-am builds metadata, hooks-spi and the deals hooks with it): nothing
  # here needs the SNAPSHOT jars installed in ~/.m2
  log "building the engine (./mvnw -q -B -pl engine -am package -DskipTests)"
  (cd "$ROOT" && ./mvnw -q -B -pl engine -am package -DskipTests) || die "the build failed"
fi
[[ -f "$JAR" ]] || die "no $JAR after the build"
[[ -z "$COMPARE_APP" || -f "$COMPARE_APP/quarkus-run.jar" ]] || die "no quarkus-run.jar in COMPARE_APP=$COMPARE_APP"
for c in $CASES; do
  [[ " get list search resolve create " == *" $c "* ]] || { echo "bench: FAILED: unknown case '$c' in CASES" >&2; exit 2; }
done

# ---- engine -----------------------------------------------------------------------------
free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/prm-bench.XXXXXX")
ENGINE_LOG="$TMP/engine.log"
PORT=$(free_port) || die "found no free port on 127.0.0.1"
BASE="http://127.0.0.1:$PORT"

# start_engine JAR: the engine on $PORT over the data directory in $TMP (kept across restarts).
start_engine() {
  local jar=$1
  log "starting the engine $jar on $BASE (data: $TMP/data)"
  started=$(date +%s.%N)
  # setsid: a Ctrl-C in the terminal reaches only this script, which then stops the engine
  # (and the engine its PostgreSQL) in order, instead of both dying at once.
  (
    cd "$ROOT"
    export PRM_PORT="$PORT" PRM_DATA_DIR="$TMP/data" PRM_MODULES_DIR="$ROOT/modules" QUARKUS_HTTP_HOST=127.0.0.1
    export PRM_DEV_IDENTITY_KEY="$TMP/dev-identity-key"
    unset PRM_DB_URL
    # The 'local' profile (as ./prm up) enables the embedded identity provider the bench signs in with.
    # shellcheck disable=SC2086
    exec setsid java ${ENGINE_JAVA_OPTS:-} -Dquarkus.profile=local -jar "$jar" >>"$ENGINE_LOG" 2>&1
  ) &
  ENGINE_PID=$!

  SHOW_ENGINE_LOG=1
  deadline=$(( $(date +%s) + START_TIMEOUT ))
  until curl -sf -o /dev/null --max-time 2 "$BASE/q/health/ready"; do
    if ! kill -0 "$ENGINE_PID" 2>/dev/null; then
      wait "$ENGINE_PID" && rc=0 || rc=$?
      ENGINE_PID=""
      die "the engine exited during start-up (exit code $rc)"
    fi
    (( $(date +%s) < deadline )) || die "the engine was not ready within ${START_TIMEOUT} s"
    sleep 0.5
  done
  log "engine ready in $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s"
}
start_engine "$JAR"

# Every request acts as alice (tenant acme, partner_manager): full rights on partners.
BENCH_TOKEN=$(curl -sf --max-time 10 -X POST "$BASE/api/dev-identity/token" -H 'Content-Type: application/json' \
  -d '{"username":"alice"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/') || die "could not sign in as alice"
export BENCH_TOKEN
AUTH="Authorization: Bearer $BENCH_TOKEN"

# ---- data -------------------------------------------------------------------------------
log "loading $PARTNERS partners through the bulk API ($LOAD_CONNECTIONS connections, batches of $LOAD_BATCH)"
load_started=$(date +%s.%N)
load_line=$(java "$HERE/Loader.java" "$BASE" "$PARTNERS" "$TMP/ids.txt" "$LOAD_CONNECTIONS" "$LOAD_BATCH") \
  || die "loading $PARTNERS partners failed (see the loader's message above)"
load_wall=$(awk -v a="$load_started" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
log "$load_line; wall clock incl. compiling Loader.java: $load_wall s"
[[ $(wc -l <"$TMP/ids.txt") -eq $PARTNERS ]] || die "the loader wrote $(wc -l <"$TMP/ids.txt") ids, expected $PARTNERS"

# PostgreSQL's autovacuum would analyze the new rows within a minute or so; without statistics the
# planner misjudges the list query by 30x. Analyze now (or wait for autovacuum if psql is missing).
pg_port=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$ENGINE_LOG" | awk '{print $NF}' | head -n 1)
if command -v psql >/dev/null 2>&1 && [[ -n "$pg_port" ]]; then
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc 'ANALYZE' >/dev/null || die "ANALYZE failed"
  log "analyzed the tables (as autovacuum would)"
else
  log "psql not found: waiting 70 s for autovacuum to analyze the new rows"; sleep 70
fi

total=$(curl -sf --max-time 60 -H "$AUTH" "$BASE/api/v1/partners/partner?limit=1&total=exact" | grep -o '"total":[0-9]*' | cut -d: -f2) \
  || die "counting the partners failed"
[[ "$total" == "$PARTNERS" ]] || die "the engine holds ${total:-?} partners after loading, expected $PARTNERS"

# One request per case before wrk, so a broken endpoint fails loudly instead of as a fast 4xx run.
first_id=$(head -n 1 "$TMP/ids.txt")
curl -sf -o /dev/null --max-time 30 -H "$AUTH" "$BASE/api/v1/partners/partner/$first_id" || die "GET by id answered an error"
page=$(curl -sf --max-time 30 -H "$AUTH" "$BASE/api/v1/partners/partner?filter=tier%20eq%20%27gold%27%20and%20region%20eq%20%27emea%27&sort=-score%2Cname&limit=50") \
  || die "the filtered list answered an error"
page_items=$(grep -o '"id":"' <<<"$page" | wc -l)
[[ "$page_items" -eq 50 ]] || die "the filtered list returned $page_items items, expected 50"
curl -sf -o /dev/null --max-time 30 -H "$AUTH" "$BASE/api/v1/search?q=acme%20dig&limit=10" || die "search answered an error"
curl -sf -o /dev/null --max-time 30 -H "$AUTH" -H 'Content-Type: application/json' -X POST "$BASE/api/v1/resolve" \
  -d "{\"urns\":[\"urn:prm:partners:partner:$first_id\"]}" || die "resolve answered an error"
SHOW_ENGINE_LOG=0

# ---- wrk --------------------------------------------------------------------------------
declare -A RESULT LOAD1 CPU
# CPU accounting over the measured run, in cores: the engine JVM, its PostgreSQL (postmaster and
# its children), and everything else on the machine (wrk, and any unrelated work).
proc_ticks() { # sum of utime+stime of the given pids
  local p
  for p in "$@"; do awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$p/stat" 2>/dev/null || true; done \
    | awk '{s += $1} END {print s + 0}'
}
pg_pids() {
  local pm
  pm=$(head -n 1 "$TMP/data/postmaster.pid" 2>/dev/null) || return 0
  echo "$pm"
  local f line rest
  for f in /proc/[0-9]*/stat; do
    { read -r line <"$f"; } 2>/dev/null || continue
    rest=${line##*) }
    read -r _ ppid _ <<<"$rest"
    [[ "$ppid" == "$pm" ]] && echo "${f//[^0-9]/}"
  done
  return 0
}
cpu_snapshot() { # total-busy total-all engine postgres
  local busy_all
  busy_all=$(awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)
  # shellcheck disable=SC2046
  echo "$busy_all $(proc_ticks "$ENGINE_PID") $(proc_ticks $(pg_pids))"
}
cpu_share() { # before after -> "engine pg other" in cores
  awk -v n="$(nproc)" -v a="$1" -v b="$2" 'BEGIN {
    split(a, x, " "); split(b, y, " "); wall = (y[2] - x[2]) / n; if (wall <= 0) wall = 1
    e = (y[3] - x[3]) / wall; p = (y[4] - x[4]) / wall; o = (y[1] - x[1]) / wall - e - p; if (o < 0) o = 0
    printf "%.2f %.2f %.2f", e, p, o }'
}
# run_case NAME KEY: warm-up, then the measured run of case NAME; results under KEY (NAME, or NAME@ENGINE#ROUND).
run_case() {
  local name=$1 key=${2:-$1} out line file=${2:-$1}
  file=${file//[@#]/-}
  log "case $key: warm-up $WARMUP"
  BENCH_CASE=$name BENCH_IDS="$TMP/ids.txt" \
    wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WARMUP" --timeout 10s -s "$HERE/bench.lua" "$BASE" \
    >"$TMP/wrk-$file-warmup.txt" 2>&1 || die "wrk warm-up of case $key failed: $(tail -n 1 "$TMP/wrk-$file-warmup.txt")"
  LOAD1[$key]=$(cut -d' ' -f1 /proc/loadavg)
  log "case $key: measuring $DURATION (wrk -t$WRK_THREADS -c$WRK_CONNECTIONS; load average before: ${LOAD1[$key]})"
  local before after
  before=$(cpu_snapshot)
  BENCH_CASE=$name BENCH_IDS="$TMP/ids.txt" \
    wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$DURATION" --timeout 10s -s "$HERE/bench.lua" "$BASE" \
    >"$TMP/wrk-$file.txt" 2>&1 || die "wrk run of case $key failed: $(tail -n 1 "$TMP/wrk-$file.txt")"
  after=$(cpu_snapshot)
  CPU[$key]=$(cpu_share "$before" "$after")
  line=$(grep '^BENCH ' "$TMP/wrk-$file.txt" | tail -n 1) || die "wrk printed no result line for case $key"
  RESULT[$key]=$line
  grep '^BENCH_SAMPLE ' "$TMP/wrk-$file.txt" | sed "s/^BENCH_SAMPLE /  first non-2xx in $key: /" >&2 || true
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" ${RESULT[$1]}"; }

# The cases in order (creates last: they change what the others read). With COMPARE_APP, engine A
# (ENGINE_APP) and engine B (COMPARE_APP) take turns on the same data, ROUNDS times: A, B, A, B, ...
KEYS=()
if [[ -z "$COMPARE_APP" ]]; then
  for c in $CASES; do run_case "$c"; KEYS+=("$c"); done
else
  for r in $(seq 1 "$ROUNDS"); do
    for engine in A B; do
      if [[ "$engine" == B || "$r" -gt 1 ]]; then
        stop_engine_only
        if [[ "$engine" == A ]]; then start_engine "$JAR"; else start_engine "$COMPARE_APP/quarkus-run.jar"; fi
      fi
      for c in $CASES; do run_case "$c" "$c@$engine#$r"; KEYS+=("$c@$engine#$r"); done
    done
  done
fi

partners_after=$(curl -sf --max-time 60 -H "$AUTH" "$BASE/api/v1/partners/partner?limit=1&total=exact" | grep -o '"total":[0-9]*' | cut -d: -f2 || echo "?")
engine_problems=$(grep -cE '^[0-9-]+ [0-9:,]+ +(ERROR|WARN) ' "$ENGINE_LOG" || true)

# ---- summary ----------------------------------------------------------------------------
echo
echo "PRM OS bench  $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo)  wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$DURATION (warm-up $WARMUP)"
echo "load: $load_line"
echo "machine load average before the engine started: $LOAD_AT_START (anything well above 0 means other work shares the cores)"
echo
printf '%-34s %10s %9s %9s %9s %8s %8s %7s  %s\n' case requests/s p50_ms p90_ms p99_ms non-2xx sock-err load1 "cores: jvm pg other"
declare -A LABEL=([get]="get by id (random of ${PARTNERS})" [list]="filter gold+emea, sort, limit 50" [search]="full-text search, grouped" [resolve]="resolve 500 URNs" [create]="create (POST)")
errors=0
for c in "${KEYS[@]}"; do
  label="${LABEL[${c%%@*}]}"; [[ "$c" == *@* ]] && label="$label ${c#*@}"
  printf '%-34s %10s %9s %9s %9s %8s %8s %7s  %s\n' "$label" "$(field $c rps)" "$(field $c p50_ms)" \
    "$(field $c p90_ms)" "$(field $c p99_ms)" "$(field $c non2xx)" "$(field $c sockerr)" "${LOAD1[$c]}" "       ${CPU[$c]}"
  errors=$(( errors + $(field $c non2xx) + $(field $c sockerr) ))
done
echo
echo "partners after the run: $partners_after; WARN/ERROR lines in the engine log: $engine_problems"
if (( errors > 0 )); then
  echo "WARNING: $errors failed requests; the figures above are not clean" >&2
fi
if (( engine_problems > 0 )); then
  grep -E '^[0-9-]+ [0-9:,]+ +(ERROR|WARN) ' "$ENGINE_LOG" | sed -E 's/^[0-9-]+ [0-9:,]+ +//' | cut -c1-200 | sort | uniq -c | sort -rn | head -n 5 | sed 's/^/  /' >&2
fi
