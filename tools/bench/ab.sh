#!/usr/bin/env bash
# A/B benchmark of two engine builds on the same data: loads partners once, then alternates the
# builds (fresh JVM each time, same data directory) and drives wrk against the chosen cases.
# See tools/bench/README.md, "Comparing two builds".
#
#   tools/bench/ab.sh A_APP_DIR B_APP_DIR     (each a quarkus-app directory, e.g. a copy of
#                                              engine/target/quarkus-app taken before a change)
#
# Environment: ROUNDS (2), CASES ("get list"), DURATION (15s), WARMUP (10s), PARTNERS (100000),
#              PROFILE (1: record a JFR of each measured run and print its top frames), KEEP_DIR,
#              DATA (a directory to keep the loaded database and ids in, reused when it holds them),
#              ENGINE_JAVA (default: the java `./prm up` picks, tools/bin/engine-jvm), ENGINE_JAVA_OPTS,
#              START_TIMEOUT (180).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=${PRM_ROOT:-$(cd "$HERE/../.." && pwd)}
ENGINE_JAVA=${ENGINE_JAVA:-$(PRM_JVM_CACHE=off "$ROOT/tools/bin/engine-jvm" "$ROOT/engine/target/quarkus-app" "$ROOT/.prm/jvm" | head -n 1)}
ENGINE_JCMD="$(dirname "$(readlink -f "$(command -v "$ENGINE_JAVA")")")/jcmd"
[[ -x "$ENGINE_JCMD" || "${PROFILE:-0}" != 1 ]] || { echo "ab: FAILED: PROFILE=1 needs jcmd next to $ENGINE_JAVA (a JDK)" >&2; exit 2; }
[[ $# -eq 2 ]] || { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
declare -A APP=([A]=$(cd "$1" && pwd) [B]=$(cd "$2" && pwd))
for k in A B; do [[ -f "${APP[$k]}/quarkus-run.jar" ]] || { echo "ab: FAILED: no quarkus-run.jar in ${APP[$k]}" >&2; exit 2; }; done

ROUNDS=${ROUNDS:-2}
CASES=${CASES:-get list}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
PARTNERS=${PARTNERS:-100000}
START_TIMEOUT=${START_TIMEOUT:-180}
PROFILE=${PROFILE:-0}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/prm-ab.XXXXXX")
DATA_HOME=${DATA:-$TMP}
mkdir -p "$DATA_HOME"
DATA_HOME=$(cd "$DATA_HOME" && pwd)
ENGINE_PID=""
PORT=""
log() { printf '[ab %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { echo "ab: FAILED: $*" >&2; exit 1; }

stop_engine() {
  if [[ -n "$ENGINE_PID" ]] && kill -0 "$ENGINE_PID" 2>/dev/null; then
    kill -TERM "$ENGINE_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$ENGINE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$ENGINE_PID" 2>/dev/null && kill -KILL "$ENGINE_PID" 2>/dev/null || true
    wait "$ENGINE_PID" 2>/dev/null || true
  fi
  ENGINE_PID=""
  local pg
  pg=$(head -n 1 "$DATA_HOME/data/postmaster.pid" 2>/dev/null || true)
  if [[ "$pg" =~ ^[0-9]+$ ]] && kill -0 "$pg" 2>/dev/null; then
    kill -INT "$pg" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pg" 2>/dev/null || break; sleep 0.5; done
  fi
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_engine
  if [[ -n "${KEEP_DIR:-}" ]]; then mkdir -p "$KEEP_DIR" && cp "$TMP"/*.log "$TMP"/*.txt "$TMP"/*.jfr "$KEEP_DIR"/ 2>/dev/null || true; fi
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

# start_engine LABEL: one JVM of build LABEL on the shared data directory
start_engine() {
  local label=$1
  PORT=$(free_port) || die "found no free port"
  BASE="http://127.0.0.1:$PORT"
  (
    cd "$ROOT"
    export PRM_PORT="$PORT" PRM_DATA_DIR="$DATA_HOME/data" PRM_MODULES_DIR="$ROOT/modules" QUARKUS_HTTP_HOST=127.0.0.1
    export PRM_DEV_IDENTITY_KEY="$DATA_HOME/dev-identity-key"
    unset PRM_DB_URL
    # shellcheck disable=SC2086
    exec setsid "$ENGINE_JAVA" ${ENGINE_JAVA_OPTS:-} -Dquarkus.profile=local -jar "${APP[$label]}/quarkus-run.jar" >>"$TMP/engine-$label.log" 2>&1
  ) &
  ENGINE_PID=$!
  local deadline=$(( $(date +%s) + START_TIMEOUT ))
  until curl -sf -o /dev/null --max-time 2 "$BASE/q/health/ready"; do
    kill -0 "$ENGINE_PID" 2>/dev/null || die "engine $label exited during start-up (see engine-$label.log)"
    (( $(date +%s) < deadline )) || die "engine $label not ready within $START_TIMEOUT s"
    sleep 0.5
  done
  BENCH_TOKEN=$(curl -sf --max-time 10 -X POST "$BASE/api/dev-identity/token" -H 'Content-Type: application/json' \
    -d '{"username":"alice"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/') || die "could not sign in as alice"
  export BENCH_TOKEN
}

proc_ticks() { local p; for p in "$@"; do awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$p/stat" 2>/dev/null || true; done | awk '{s += $1} END {print s + 0}'; }
pg_pids() {
  local pm f line rest ppid
  pm=$(head -n 1 "$DATA_HOME/data/postmaster.pid" 2>/dev/null) || return 0
  echo "$pm"
  for f in /proc/[0-9]*/stat; do
    { read -r line <"$f"; } 2>/dev/null || continue
    rest=${line##*) }; read -r _ ppid _ <<<"$rest"
    [[ "$ppid" == "$pm" ]] && echo "${f//[^0-9]/}"
  done
  return 0
}
cpu_snapshot() {
  # shellcheck disable=SC2046
  echo "$(awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat) $(proc_ticks "$ENGINE_PID") $(proc_ticks $(pg_pids))"
}
cpu_share() {
  awk -v n="$(nproc)" -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " "); wall = (y[2] - x[2]) / n; if (wall <= 0) wall = 1
    e = (y[3] - x[3]) / wall; p = (y[4] - x[4]) / wall; o = (y[1] - x[1]) / wall - e - p; if (o < 0) o = 0
    printf "%.2f %.2f %.2f", e, p, o }'
}

# measure LABEL ROUND CASE: warm-up, then the measured run; appends one line to results.txt
measure() {
  local label=$1 round=$2 name=$3 before after line rss jfr=""
  BENCH_CASE=$name BENCH_IDS="$DATA_HOME/ids.txt" wrk -t2 -c32 -d"$WARMUP" --timeout 10s -s "$HERE/bench.lua" "$BASE" \
    >"$TMP/wrk-$label-$round-$name-warmup.txt" 2>&1 || die "wrk warm-up failed"
  local load1; load1=$(cut -d' ' -f1 /proc/loadavg)
  if [[ $PROFILE == 1 ]]; then
    jfr="$TMP/$label-$round-$name.jfr"
    "$ENGINE_JCMD" "$ENGINE_PID" JFR.start name=ab settings=profile filename="$jfr" >/dev/null
  fi
  before=$(cpu_snapshot)
  BENCH_CASE=$name BENCH_IDS="$DATA_HOME/ids.txt" wrk -t2 -c32 -d"$DURATION" --timeout 10s -s "$HERE/bench.lua" "$BASE" \
    >"$TMP/wrk-$label-$round-$name.txt" 2>&1 || die "wrk run failed"
  after=$(cpu_snapshot)
  rss=$(awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/$ENGINE_PID/status")
  [[ -n "$jfr" ]] && "$ENGINE_JCMD" "$ENGINE_PID" JFR.stop name=ab >/dev/null
  line=$(grep '^BENCH ' "$TMP/wrk-$label-$round-$name.txt" | tail -n 1) || die "no result line"
  f() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $line"; }
  local cores; cores=$(cpu_share "$before" "$after")
  printf '%-5s %-3s %-7s %10s %9s %9s %8s %6s %7s %6s %11s  %s\n' "$label" "$round" "$name" "$(f rps)" "$(f p50_ms)" "$(f p99_ms)" \
    "$(f non2xx)" "$(f sockerr)" "$load1" "$rss" "$(awk -v c="${cores%% *}" -v r="$(f rps)" 'BEGIN{printf "%.3f", (r > 0 ? 1000 * c / r : 0)}')" \
    "$cores" | tee -a "$TMP/results.txt"
  grep '^BENCH_SAMPLE ' "$TMP/wrk-$label-$round-$name.txt" >&2 || true
  if [[ -n "$jfr" ]]; then
    jfr print --events jdk.ExecutionSample "$jfr" | awk '/stackTrace = \[/{getline; sub(/^ +/, ""); sub(/line:.*/, ""); top[$0]++; n++}
      END {for (k in top) printf "%6.1f%%  %s\n", 100 * top[k] / n, k}' | sort -rn | head -n 25 >"$TMP/$label-$round-$name-top.txt" || true
    sed 's/^/    /' "$TMP/$label-$round-$name-top.txt" >&2
  fi
}

# ---- load once, with build A ---------------------------------------------------------------
if [[ -s "$DATA_HOME/ids.txt" ]]; then
  log "reusing the data in $DATA_HOME ($(wc -l <"$DATA_HOME/ids.txt") partners)"
else
  log "loading $PARTNERS partners with build A (${APP[A]})"
  start_engine A
  java "$HERE/Loader.java" "$BASE" "$PARTNERS" "$DATA_HOME/ids.txt.part" 4 500 >&2 || die "loading failed"
  pg_port=$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$TMP/engine-A.log" | awk '{print $NF}' | tail -n 1)
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc 'VACUUM ANALYZE' >/dev/null || die "ANALYZE failed"
  mv "$DATA_HOME/ids.txt.part" "$DATA_HOME/ids.txt"
  stop_engine
fi

echo "A = ${APP[A]}"
echo "B = ${APP[B]}"
printf '%-5s %-3s %-7s %10s %9s %9s %8s %6s %7s %6s %11s  %s\n' build rnd case requests/s p50_ms p99_ms non-2xx sockerr load1 rss_mb jvm_ms/req \
  "cores: jvm pg other" \
  | tee "$TMP/results.txt"
for round in $(seq 1 "$ROUNDS"); do
  for label in A B; do
    start_engine "$label"
    for c in $CASES; do measure "$label" "$round" "$c"; done
    stop_engine
  done
done
