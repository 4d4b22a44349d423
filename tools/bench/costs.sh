#!/usr/bin/env bash
# Where a write's cost goes, for one engine build: CPU per record of the engine and of PostgreSQL,
# PostgreSQL's statements (pg_stat_statements) and what its backends wait on (pg_stat_activity sampled
# every 0.1 s), for a bulk load or for single creates. Run it twice to compare two builds.
# See tools/bench/README.md ("Where a write's cost goes").
#
#   tools/bench/costs.sh load|create [APP_DIR]     (APP_DIR: a quarkus-app directory; default the build's)
#
# Environment: PARTNERS (load: 30000 after a 10000 warm-up; create: 20000 loaded first), DURATION (15s),
#              WARMUP (15s), STATEMENTS (1: pg_stat_statements, adds a little overhead), WAITS (1),
#              PROFILE (1: JFR of the measured part, top frames; async: async-profiler's CPU samples of it,
#              fetched from Maven Central, saved as collapsed stacks in PROFILE_OUT), ENGINE_JAVA (default: the
#              java `./prm up` picks, tools/bin/engine-jvm), ENGINE_JAVA_OPTS.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CASE=${1:-}
APP=$(cd "${2:-$ROOT/engine/target/quarkus-app}" && pwd)
[[ "$CASE" == load || "$CASE" == create ]] || { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[[ -f "$APP/quarkus-run.jar" ]] || { echo "costs: FAILED: no quarkus-run.jar in $APP" >&2; exit 2; }
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -x "$PG_BIN/initdb" ]] || { echo "costs: FAILED: needs Debian's postgresql package (initdb)" >&2; exit 2; }
command -v wrk >/dev/null || [[ "$CASE" == load ]] || { echo "costs: FAILED: needs wrk" >&2; exit 2; }
STATEMENTS=${STATEMENTS:-1}
# The JVM `./prm up` runs the engine on (tools/bin/engine-jvm), without its start-up cache; ENGINE_JAVA chooses another.
ENGINE_JAVA=${ENGINE_JAVA:-$(PRM_JVM_CACHE=off "$ROOT/tools/bin/engine-jvm" "$APP" "$ROOT/.prm/jvm" | head -n 1)}
ENGINE_JCMD="$(dirname "$(readlink -f "$(command -v "$ENGINE_JAVA")")")/jcmd"
[[ -x "$ENGINE_JCMD" || "${PROFILE:-0}" == 0 ]] || { echo "costs: FAILED: PROFILE needs jcmd next to $ENGINE_JAVA (a JDK)" >&2; exit 2; }
if [[ "${PROFILE:-0}" == async ]]; then
  ASYNC_JAR="$HOME/.m2/repository/tools/profiler/async-profiler/4.1/async-profiler-4.1-linux-x64.jar"
  [[ -f "$ASYNC_JAR" ]] || "$ROOT/mvnw" -q -B dependency:get -Dartifact=tools.profiler:async-profiler:4.1:jar:linux-x64 -Dtransitive=false \
    || { echo "costs: FAILED: could not fetch async-profiler 4.1 from Maven Central" >&2; exit 2; }
  ASYNC_LIB="${TMPDIR:-/tmp}/prm-async-profiler/linux-x64/libasyncProfiler.so"
  [[ -f "$ASYNC_LIB" ]] || unzip -q -o "$ASYNC_JAR" 'linux-x64/*' -d "${TMPDIR:-/tmp}/prm-async-profiler"
  PROFILE_OUT=$(realpath -m "${PROFILE_OUT:-costs-$CASE.collapsed}")
fi
WAITS=${WAITS:-1}

T=$(mktemp -d "${TMPDIR:-/tmp}/prm-costs.XXXXXX")
chmod 755 "$T"
mkdir "$T/pg"
as_pg() { if [[ $(id -u) == 0 ]]; then chown -R postgres: "$T/pg"; runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() { local p; for _ in $(seq 1 100); do p=$((20000 + RANDOM % 40000)); (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done; return 1; }
ENGINE_PID=""
cleanup() { # every step runs whatever the one before it returned
  set +e
  if [[ -n "$ENGINE_PID" ]]; then kill "$ENGINE_PID" 2>/dev/null; wait "$ENGINE_PID" 2>/dev/null; fi
  if [[ -f "$T/pg/data/postmaster.pid" ]]; then as_pg "$PG_BIN/pg_ctl" -D "$T/pg/data" -m fast -w stop >/dev/null 2>&1; fi
  rm -rf "$T"
}
trap cleanup EXIT

PG_PORT=$(free_port); ENGINE_PORT=$(free_port); PRM="http://127.0.0.1:$ENGINE_PORT"
PRELOAD=""; [[ $STATEMENTS == 1 ]] && PRELOAD="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c pg_stat_statements.track_planning=on"
as_pg "$PG_BIN/initdb" -D "$T/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
# The lock file descriptors of a caller (flock) must not stay open in the server.
as_pg "$PG_BIN/pg_ctl" -D "$T/pg/data" -l "$T/pg/log" -w -o "-p $PG_PORT -k $T/pg -c listen_addresses=127.0.0.1 -c max_connections=200 $PRELOAD" start >/dev/null 3>&- 4>&- 9>&-
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qAt)
"${PSQL[@]}" -d postgres -c 'CREATE DATABASE prm'
[[ $STATEMENTS == 1 ]] && "${PSQL[@]}" -d prm -c 'CREATE EXTENSION pg_stat_statements'
(
  cd "$ROOT"
  export PRM_PORT="$ENGINE_PORT" PRM_DB_URL="postgresql://127.0.0.1:$PG_PORT/prm" PRM_DB_USER=postgres PRM_DB_PASSWORD=unused \
    PRM_MODULES_DIR="$ROOT/modules" PRM_DEV_IDENTITY_KEY="$T/dev-identity-key" QUARKUS_HTTP_HOST=127.0.0.1
  # shellcheck disable=SC2086
  exec setsid "$ENGINE_JAVA" ${ENGINE_JAVA_OPTS:-} -Dquarkus.profile=local -Dprm.modules.watch=false -jar "$APP/quarkus-run.jar" >"$T/engine.log" 2>&1
) 3>&- 4>&- 9>&- &
ENGINE_PID=$!
until curl -sf -o /dev/null --max-time 2 "$PRM/q/health/ready"; do
  kill -0 "$ENGINE_PID" 2>/dev/null || { tail -n 5 "$T/engine.log" >&2; echo "costs: FAILED: the engine exited during start-up" >&2; exit 1; }
  sleep 0.5
done
BENCH_TOKEN=$(curl -sf -X POST "$PRM/api/dev-identity/token" -H 'Content-Type: application/json' -d '{"username":"alice"}' \
  | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
export BENCH_TOKEN

if [[ $CASE == load ]]; then
  java "$HERE/Loader.java" "$PRM" 10000 "$T/warm.txt" 4 1000 | tail -n 1
  sleep 8
else
  java "$HERE/Loader.java" "$PRM" "${PARTNERS:-20000}" "$T/ids.txt" 4 1000 | tail -n 1
  sleep 8
  BENCH_CASE=create BENCH_IDS="$T/ids.txt" wrk -t2 -c32 -d"${WARMUP:-15s}" -s "$HERE/bench.lua" "$PRM" >/dev/null
fi

[[ $STATEMENTS == 1 ]] && "${PSQL[@]}" -d prm -c 'SELECT pg_stat_statements_reset()' >/dev/null
if [[ $WAITS == 1 ]]; then
  ( end=$(( $(date +%s) + 12 )); while (( $(date +%s) < end )); do
      "${PSQL[@]}" -d prm -c "SELECT coalesce(wait_event_type, '-') || ':' || coalesce(wait_event, 'cpu') || ' (' || state || ')'
        FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"; sleep 0.1; done >"$T/waits.txt" ) &
  WAITER=$!
fi
[[ "${PROFILE:-0}" == 1 ]] && "$ENGINE_JCMD" "$ENGINE_PID" JFR.start name=costs settings=profile filename="$T/costs.jfr" >/dev/null
[[ "${PROFILE:-0}" == async ]] && "$ENGINE_JCMD" "$ENGINE_PID" JVMTI.agent_load "$ASYNC_LIB" "\"start,event=itimer,interval=1ms\"" >/dev/null
ticks() { local s=0 p; for p in "$@"; do [[ -r /proc/$p/stat ]] && s=$((s + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$s"; }
pg_pids() { pgrep -u "$(stat -c %U "$T/pg/data")" -x postgres | tr '\n' ' '; }
# Engine CPU by thread kind (JIT compilers, GC, event loops, the relay...), to see where it is spent.
threads() { local t; for t in /proc/"$ENGINE_PID"/task/*; do
  [[ -r $t/stat ]] || continue
  printf '%s\t%s\n' "$(tr ' ' '_' <"$t/comm" | sed -E 's/[-_#]?[0-9]+$//')" "$(awk '{sub(/^.*\) /, ""); print $12 + $13}' "$t/stat")"
done 2>/dev/null; }
# PostgreSQL CPU by process kind (client backends, autovacuum, WAL writer...); exited ones are not counted.
pg_kinds() { local p; for p in $(pg_pids); do
  [[ -r /proc/$p/stat ]] || continue
  printf '%s\t%s\n' "$(tr '\0' ' ' <"/proc/$p/cmdline" | sed -E 's/^postgres: //; s/^(autovacuum worker).*/\1/; s/^[^ ]+ [^ ]+ [0-9.]+\(.*/client backend/; s/ +$//')" "$(awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$p/stat")"
done 2>/dev/null; }
wal() { "${PSQL[@]}" -d prm -F ' ' -c "SELECT wal_records, wal_fpi, wal_bytes FROM pg_stat_wal"; }
threads >"$T/threads0"; pg_kinds >"$T/pg0"; wal >"$T/wal0"
e0=$(ticks "$ENGINE_PID"); p0=$(ticks $(pg_pids)); t0=$(date +%s.%N)
if [[ $CASE == load ]]; then
  # the loader's own CPU (it shares the cores): user and system seconds of the java process, via bash's time
  line=$( { TIMEFORMAT='%U %S'; time java "$HERE/Loader.java" "$PRM" "${PARTNERS:-30000}" "$T/ids.txt" 4 1000 2>/dev/null; } 2>"$T/loader.cpu" | tail -n 1)
  n=${PARTNERS:-30000}
  echo "$line"
  awk -v n="$n" '{ printf "the loader (client) used %.1f s of CPU, %.3f ms per record\n", $1 + $2, ($1 + $2) * 1000 / n }' "$T/loader.cpu"
else
  out=$(BENCH_CASE=create BENCH_IDS="$T/ids.txt" wrk -t2 -c32 -d"${DURATION:-15s}" --latency -s "$HERE/bench.lua" "$PRM")
  echo "$out" | grep -E "Requests/sec|99%|Non-2xx" | sed 's/^ *//'
  n=$(awk '/requests in/{print $1}' <<<"$out")
fi
e1=$(ticks "$ENGINE_PID"); p1=$(ticks $(pg_pids)); t1=$(date +%s.%N)
threads >"$T/threads1"; pg_kinds >"$T/pg1"; wal >"$T/wal1"
awk -v e=$((e1 - e0)) -v p=$((p1 - p0)) -v t0="$t0" -v t1="$t1" -v n="$n" 'BEGIN { d = t1 - t0;
  printf "cores: engine %.2f, PostgreSQL %.2f; CPU ms per record: engine %.3f, PostgreSQL %.3f\n", e/100/d, p/100/d, e*10/n, p*10/n }'
echo "engine CPU by thread kind (ms per record):"
awk -F'\t' -v n="$n" 'FNR == NR { before[$1] += $2; next } { after[$1] += $2 }
  END { for (k in after) if (after[k] - before[k] > 0) printf "  %8.3f  %s\n", (after[k] - before[k]) * 10 / n, k }' \
  "$T/threads0" "$T/threads1" | sort -rn | head -n 8
read -r w0 f0 b0 <"$T/wal0"; read -r w1 f1 b1 <"$T/wal1"
awk -v n="$n" -v w=$((w1 - w0)) -v f=$((f1 - f0)) -v b=$((b1 - b0)) \
  'BEGIN { printf "WAL per record: %.1f records, %.2f full-page images, %.0f bytes\n", w / n, f / n, b / n }'
echo "PostgreSQL CPU by process kind (ms per record):"
awk -F'\t' -v n="$n" 'FNR == NR { before[$1] += $2; next } { after[$1] += $2 }
  END { for (k in after) if (after[k] - before[k] > 0) printf "  %8.3f  %s\n", (after[k] - before[k]) * 10 / n, k }' \
  "$T/pg0" "$T/pg1" | sort -rn | head -n 8
if [[ $WAITS == 1 ]]; then
  wait "$WAITER"
  echo "what client backends were doing (samples):"; sort "$T/waits.txt" | uniq -c | sort -rn | head -n 8
fi
if [[ $STATEMENTS == 1 ]]; then
  echo "statements (calls | total ms | ms per call | plans | planning ms | rows | text):"
  "${PSQL[@]}" -d prm -F " | " -c "SELECT calls, round(total_exec_time::numeric), round((total_exec_time / nullif(calls, 0))::numeric, 3), plans, round(total_plan_time::numeric), rows,
    left(regexp_replace(query, '\s+', ' ', 'g'), 110) FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 16"
fi
if [[ "${PROFILE:-0}" == 1 ]]; then
  "$ENGINE_JCMD" "$ENGINE_PID" JFR.stop name=costs >/dev/null
  "$ENGINE_JAVA" "$HERE/JfrTop.java" "$T/costs.jfr" 30
fi
if [[ "${PROFILE:-0}" == async ]]; then
  "$ENGINE_JCMD" "$ENGINE_PID" JVMTI.agent_load "$ASYNC_LIB" "\"stop,collapsed,file=$PROFILE_OUT\"" >/dev/null
  echo "collapsed stacks of the measured part: $PROFILE_OUT (self time: tools/bench/collapsed-top.sh $PROFILE_OUT)"
fi
