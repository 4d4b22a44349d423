#!/usr/bin/env bash
# Side-by-side A/B of two engine builds for a shared, busy machine: both builds run AT THE SAME TIME,
# each on its own copy of the same loaded database, each driven by its own wrk. Whatever else runs on
# the machine slows both alike, so their ratio means something even when absolute figures do not.
# See tools/bench/README.md, "Comparing two builds".
#
#   tools/bench/ab-parallel.sh A_APP_DIR B_APP_DIR
#
# Environment: DATA (required: a directory prepared by ab.sh, holding data/ and ids.txt), ROUNDS (2),
#              CASES ("get list"), DURATION (20s), WARMUP (30s), PRM_ROOT, START_TIMEOUT (240),
#              ENGINE_JAVA (default: the java `./prm up` picks, tools/bin/engine-jvm).
# Each wrk runs -t1 -c16 (half of run.sh's -t2 -c32 per engine, the same in total).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=${PRM_ROOT:-$(cd "$HERE/../.." && pwd)}
ENGINE_JAVA=${ENGINE_JAVA:-$(PRM_JVM_CACHE=off "$ROOT/tools/bin/engine-jvm" "$ROOT/engine/target/quarkus-app" "$ROOT/.prm/jvm" | head -n 1)}
[[ $# -eq 2 && -n "${DATA:-}" && -s "${DATA}/ids.txt" ]] || { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
declare -A APP=([A]=$(cd "$1" && pwd) [B]=$(cd "$2" && pwd)) PID=() URL=() TOKEN=()
ROUNDS=${ROUNDS:-2}; CASES=${CASES:-get list}; DURATION=${DURATION:-20s}; WARMUP=${WARMUP:-30s}
START_TIMEOUT=${START_TIMEOUT:-240}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/prm-abp.XXXXXX")
log() { printf '[ab-parallel %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { echo "ab-parallel: FAILED: $*" >&2; exit 1; }

stop_all() {
  local k pg
  for k in A B; do
    if [[ -n "${PID[$k]:-}" ]] && kill -0 "${PID[$k]}" 2>/dev/null; then
      kill -TERM "${PID[$k]}" 2>/dev/null || true
      for _ in $(seq 1 60); do kill -0 "${PID[$k]}" 2>/dev/null || break; sleep 0.5; done
      kill -0 "${PID[$k]}" 2>/dev/null && kill -KILL "${PID[$k]}" 2>/dev/null || true
    fi
    PID[$k]=""
    pg=$(head -n 1 "$TMP/$k/data/postmaster.pid" 2>/dev/null || true)
    if [[ "$pg" =~ ^[0-9]+$ ]] && kill -0 "$pg" 2>/dev/null; then kill -INT "$pg" 2>/dev/null || true; sleep 2; fi
  done
}
trap 'rc=$?; trap - EXIT; stop_all; rm -rf "$TMP"; exit $rc' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { local p; for _ in $(seq 1 100); do p=$((20000 + RANDOM % 40000)); if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi; done; return 1; }

start() { # start LABEL
  local k=$1 port
  port=$(free_port) || die "no free port"
  URL[$k]="http://127.0.0.1:$port"
  ( cd "$ROOT"
    export PRM_PORT="$port" PRM_DATA_DIR="$TMP/$k/data" PRM_MODULES_DIR="$ROOT/modules" QUARKUS_HTTP_HOST=127.0.0.1
    export PRM_DEV_IDENTITY_KEY="$TMP/$k/dev-identity-key"
    unset PRM_DB_URL
    exec setsid "$ENGINE_JAVA" -Dquarkus.profile=local -jar "${APP[$k]}/quarkus-run.jar" >>"$TMP/engine-$k.log" 2>&1 ) &
  PID[$k]=$!
}
await() { # await LABEL
  local k=$1 deadline=$(( $(date +%s) + START_TIMEOUT ))
  until curl -sf -o /dev/null --max-time 2 "${URL[$k]}/q/health/ready"; do
    kill -0 "${PID[$k]}" 2>/dev/null || die "engine $k exited during start-up"
    (( $(date +%s) < deadline )) || die "engine $k not ready within $START_TIMEOUT s"
    sleep 0.5
  done
  TOKEN[$k]=$(curl -sf --max-time 10 -X POST "${URL[$k]}/api/dev-identity/token" -H 'Content-Type: application/json' \
    -d '{"username":"alice"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/') || die "could not sign in to $k"
}
both() { # both CASE SECONDS PREFIX: drive A and B at the same time (wait for the two wrk runs, not the engines)
  local a b
  drive A "$1" "$2" "$TMP/${3}a" & a=$!
  drive B "$1" "$2" "$TMP/${3}b" & b=$!
  wait "$a" "$b"
}
ticks() { awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$1/stat" 2>/dev/null || echo 0; }
drive() { # drive LABEL CASE SECONDS OUTFILE
  BENCH_TOKEN=${TOKEN[$1]} BENCH_CASE=$2 BENCH_IDS="$DATA/ids.txt" wrk -t1 -c16 -d"$3" --timeout 10s -s "$HERE/bench.lua" "${URL[$1]}" >"$4" 2>&1
}

log "copying the database twice (from $DATA)"
for k in A B; do mkdir -p "$TMP/$k"; cp -a "$DATA/data" "$TMP/$k/data"; rm -f "$TMP/$k/data/postmaster.pid"
  cp "$DATA/dev-identity-key" "$TMP/$k/" 2>/dev/null || true; done
echo "A = ${APP[A]}"; echo "B = ${APP[B]}"
printf '%-5s %-3s %-6s %10s %9s %9s %8s %7s %6s %11s\n' build rnd case requests/s p50_ms p99_ms non-2xx load1 rss_mb jvm_ms/req
for round in $(seq 1 "$ROUNDS"); do
  start A; start B; await A; await B
  for c in $CASES; do
    both "$c" "$WARMUP" w
    load1=$(cut -d' ' -f1 /proc/loadavg)
    declare -A before=([A]=$(ticks "${PID[A]}") [B]=$(ticks "${PID[B]}"))
    both "$c" "$DURATION" r
    for k in A B; do
      out="$TMP/r${k,,}"; line=$(grep '^BENCH ' "$out" | tail -n 1) || die "no result for $k"
      f() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $line"; }
      secs=$(f seconds); cpu=$(( $(ticks "${PID[$k]}") - ${before[$k]} ))
      printf '%-5s %-3s %-6s %10s %9s %9s %8s %7s %6s %11s\n' "$k" "$round" "$c" "$(f rps)" "$(f p50_ms)" "$(f p99_ms)" "$(f non2xx)" \
        "$load1" "$(awk '/VmRSS/{printf "%.0f", $2/1024}' "/proc/${PID[$k]}/status")" \
        "$(awk -v t="$cpu" -v hz="$(getconf CLK_TCK)" -v n="$(f requests)" 'BEGIN{printf "%.3f", (n > 0 ? 1000 * t / hz / n : 0)}')"
      grep '^BENCH_SAMPLE ' "$out" >&2 || true
    done
  done
  stop_all
done
