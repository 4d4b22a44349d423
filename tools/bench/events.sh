#!/usr/bin/env bash
# PRM OS events benchmark: create throughput with and without the transactional outbox, and webhook
# delivery throughput to a local receiver. See tools/bench/README.md ("Events").
#
#   tools/bench/events.sh [--build]
#
# Environment: DURATION (15s), WARMUP (5s), ROUNDS (1: with/without pairs, interleaved), WEBHOOK_EVENTS (5000),
#              START_TIMEOUT (180, seconds),
#              ENGINE_JAVA_OPTS (extra JVM options for the engine).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR="$ROOT/engine/target/quarkus-app/quarkus-run.jar"
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
WEBHOOK_EVENTS=${WEBHOOK_EVENTS:-5000}
ROUNDS=${ROUNDS:-1}
START_TIMEOUT=${START_TIMEOUT:-180}
BUILD=0
[[ "${1:-}" == "--build" ]] && BUILD=1

TMP=$(mktemp -d "${TMPDIR:-/tmp}/prm-bench-events.XXXXXX")
ENGINE_PID=""
RECEIVER_PID=""
log() { printf '[bench-events %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { echo "bench-events: FAILED: $*" >&2; exit 1; }

stop_engine() {
  if [[ -n "$ENGINE_PID" ]] && kill -0 "$ENGINE_PID" 2>/dev/null; then
    kill -TERM "$ENGINE_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$ENGINE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$ENGINE_PID" 2>/dev/null && kill -KILL "$ENGINE_PID" 2>/dev/null || true
    wait "$ENGINE_PID" 2>/dev/null || true
  fi
  ENGINE_PID=""
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_engine
  [[ -n "$RECEIVER_PID" ]] && kill "$RECEIVER_PID" 2>/dev/null || true
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

command -v wrk >/dev/null && command -v curl >/dev/null && command -v node >/dev/null || die "needs wrk, curl and node"
if [[ $BUILD == 1 || ! -f "$JAR" ]]; then
  log "packaging the engine (./mvnw -q -B -pl engine -am package -DskipTests)"
  (cd "$ROOT" && ./mvnw -q -B -pl engine -am package -DskipTests) || die "the build failed"
fi

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# start_engine NAME OUTBOX(true|false): a fresh embedded database each time
start_engine() {
  local name=$1 outbox=$2
  PORT=$(free_port); BASE="http://127.0.0.1:$PORT"
  (
    cd "$ROOT"
    export PRM_PORT="$PORT" PRM_DATA_DIR="$TMP/$name-data" PRM_MODULES_DIR="$ROOT/modules" QUARKUS_HTTP_HOST=127.0.0.1
    export PRM_DEV_IDENTITY_KEY="$TMP/dev-identity-key" PRM_EVENTS_OUTBOX_ENABLED="$outbox"
    unset PRM_DB_URL
    # shellcheck disable=SC2086
    exec setsid java ${ENGINE_JAVA_OPTS:-} -Dquarkus.profile=local -jar "$JAR" >"$TMP/$name.log" 2>&1
  ) &
  ENGINE_PID=$!
  local deadline=$(( $(date +%s) + START_TIMEOUT ))
  until curl -sf -o /dev/null --max-time 2 "$BASE/q/health/ready"; do
    kill -0 "$ENGINE_PID" 2>/dev/null || die "the engine exited during start-up; see $TMP/$name.log"
    (( $(date +%s) < deadline )) || die "the engine was not ready within $START_TIMEOUT s"
    sleep 0.5
  done
  BENCH_TOKEN=$(curl -sf -X POST "$BASE/api/dev-identity/token" -H 'Content-Type: application/json' \
    -d '{"username":"alice"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/') || die "could not sign in"
  export BENCH_TOKEN
}

declare -A RESULT
measure_create() {
  local name=$1
  BENCH_CASE=create wrk -t2 -c32 -d"$WARMUP" --timeout 10s -s "$HERE/bench.lua" "$BASE" >/dev/null 2>&1 || die "wrk warm-up failed"
  local load1; load1=$(cut -d' ' -f1 /proc/loadavg)
  BENCH_CASE=create wrk -t2 -c32 -d"$DURATION" --timeout 10s -s "$HERE/bench.lua" "$BASE" >"$TMP/wrk-$name.txt" 2>&1 || die "wrk failed"
  RESULT[$name]="$(grep '^BENCH ' "$TMP/wrk-$name.txt" | tail -n 1) load1=$load1"
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" ${RESULT[$1]}"; }

CASES=()
for round in $(seq 1 "$ROUNDS"); do
 for kind in with without; do
  mode="$kind-$round"; CASES+=("$mode")
  outbox=true; [[ $kind == without ]] && outbox=false
  log "create throughput $kind the outbox (round $round): starting a fresh engine"
  start_engine "create-$mode" "$outbox"
  measure_create "$mode"
  if [[ $kind == with ]]; then
    events=$(curl -sf -H "Authorization: Bearer $BENCH_TOKEN" "$BASE/api/v1/events?after=0&limit=1" | grep -c '"type"' || true)
    [[ "$events" -ge 1 ]] || die "no events were logged with the outbox on"
  fi
  stop_engine
 done
done

# ---- webhook delivery throughput ----
log "webhook delivery: $WEBHOOK_EVENTS events to a local receiver"
RPORT=$(free_port)
node -e '
  let n = 0, first = 0, last = 0;
  require("http").createServer((q, s) => {
    if (q.method === "GET") { s.end(JSON.stringify({ n, first, last })); return; }
    q.resume(); q.on("end", () => { n++; last = Date.now(); if (!first) first = last; s.writeHead(204).end(); });
  }).listen(Number(process.argv[1]), "127.0.0.1");' "$RPORT" &
RECEIVER_PID=$!
start_engine webhooks true
curl -sf -o /dev/null -X POST "$BASE/api/admin/webhooks" -H "Authorization: Bearer $BENCH_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"name\":\"bench\",\"events\":\"partners.PartnerCreated\",\"url\":\"http://127.0.0.1:$RPORT/\"}" || die "could not register the webhook"
started=$(date +%s%3N)
remaining=$WEBHOOK_EVENTS; batch=0
while (( remaining > 0 )); do
  size=$(( remaining < 500 ? remaining : 500 ))
  node -e 'const [n, b] = process.argv.slice(1).map(Number); const ops = [];
    for (let i = 0; i < n; i++) ops.push({ op: "create", data: { name: `hook-${b}-${i}` } });
    process.stdout.write(JSON.stringify({ operations: ops }));' "$size" "$batch" >"$TMP/bulk.json"
  curl -sf -o /dev/null --max-time 120 -X POST "$BASE/api/v1/partners/partner/bulk" -H "Authorization: Bearer $BENCH_TOKEN" \
    -H 'Content-Type: application/json' --data-binary "@$TMP/bulk.json" || die "bulk create failed"
  remaining=$(( remaining - size )); batch=$(( batch + 1 ))
done
written=$(date +%s%3N)
deadline=$(( $(date +%s) + 600 ))
while :; do
  got=$(curl -sf "http://127.0.0.1:$RPORT/" | sed 's/.*"n":\([0-9]*\).*/\1/')
  (( got >= WEBHOOK_EVENTS )) && break
  (( $(date +%s) < deadline )) || die "only $got of $WEBHOOK_EVENTS deliveries within 600 s"
  sleep 0.2
done
done_at=$(date +%s%3N)
stop_engine

echo
echo "PRM OS events bench  $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores  wrk -t2 -c32 -d$DURATION (warm-up $WARMUP)"
printf '%-28s %10s %9s %9s %9s %8s %7s\n' case requests/s p50_ms p90_ms p99_ms non-2xx load1
for m in "${CASES[@]}"; do
  printf '%-28s %10s %9s %9s %9s %8s %7s\n' "create, ${m%-*} outbox #${m##*-}" "$(field $m rps)" "$(field $m p50_ms)" "$(field $m p90_ms)" \
    "$(field $m p99_ms)" "$(field $m non2xx)" "$(field $m load1)"
done
awk -v n="$WEBHOOK_EVENTS" -v s="$started" -v w="$written" -v d="$done_at" 'BEGIN {
  printf "webhooks: %d events written in %.1f s (bulk); all delivered %.1f s after the first write: %.0f deliveries/s end to end\n",
    n, (w - s) / 1000, (d - s) / 1000, n / ((d - s) / 1000) }'
