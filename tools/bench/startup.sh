#!/usr/bin/env bash
# Start-up time and memory of the packaged engine: time from `java -jar` to /q/health/ready answering
# UP, the engine's CPU time and RSS at that moment, with the sample modules and with a generated set of
# MODULES modules × ENTITIES entities, each on a fresh data directory (initdb), then restarted on the
# same one, and against an external PostgreSQL; then RSS under load. See tools/bench/README.md.
#
#   tools/bench/startup.sh [--build]
#
# Environment: MODULES (50), ENTITIES (20), RESTARTS (3 restarts per set and database), EXTERNAL (1: also
#              against a private PostgreSQL cluster of the machine's Debian PostgreSQL), LOAD (1: RSS under
#              wrk load), LOAD_PARTNERS (20000), LOAD_DURATION (10s per case), START_TIMEOUT (600 s),
#              JAR (the quarkus-run.jar to measure), JAVA (java), ENGINE_JAVA_OPTS, JVM_CACHE (1: start as
#              ./prm up does, through tools/bin/engine-jvm: a JDK 25+ when installed unless JAVA is set, and the
#              start-up cache the first start records; 0: plain JAVA), PROFILE (1: a JFR of every start, top
#              frames of the main thread and the event loop), KEEP_DIR (copy logs and recordings there),
#              SETS ("samples generated": which module sets to start with).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=${JAR:-$ROOT/engine/target/quarkus-app/quarkus-run.jar}
JVM_CACHE=${JVM_CACHE:-0}
[[ -n "${JAVA:-}" ]] && export PRM_JAVA="$JAVA"
JAVA=${JAVA:-java}
# An engine that records a start-up cache writes it when it stops (tens of seconds on a busy machine).
STOP_TIMEOUT=${STOP_TIMEOUT:-$([[ "$JVM_CACHE" == 1 ]] && echo 300 || echo 30)}
MODULES=${MODULES:-50}
ENTITIES=${ENTITIES:-20}
RESTARTS=${RESTARTS:-3}
EXTERNAL=${EXTERNAL:-1}
LOAD=${LOAD:-1}
LOAD_PARTNERS=${LOAD_PARTNERS:-20000}
LOAD_DURATION=${LOAD_DURATION:-10s}
START_TIMEOUT=${START_TIMEOUT:-600}
PROFILE=${PROFILE:-0}
SETS=${SETS:-samples generated}

BUILD=0
for arg in "$@"; do
  case "$arg" in
    --build) BUILD=1 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "startup: FAILED: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

TMP=""
ENGINE_PID=""
PG_DATA=""
PG_BIN=""
RSS_SAMPLER=""
log() { printf '[startup %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { echo "startup: FAILED: $*" >&2; exit 1; }
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop_engine() {
  [[ -n "$RSS_SAMPLER" ]] && { kill "$RSS_SAMPLER" 2>/dev/null || true; wait "$RSS_SAMPLER" 2>/dev/null || true; RSS_SAMPLER=""; }
  if [[ -n "$ENGINE_PID" ]] && kill -0 "$ENGINE_PID" 2>/dev/null; then
    kill -TERM "$ENGINE_PID" 2>/dev/null || true
    for _ in $(seq 1 $((STOP_TIMEOUT * 2))); do kill -0 "$ENGINE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$ENGINE_PID" 2>/dev/null && kill -KILL "$ENGINE_PID" 2>/dev/null || true
    wait "$ENGINE_PID" 2>/dev/null || true
  fi
  ENGINE_PID=""
  # The engine's shutdown hook gives its embedded postmaster 5 s to stop; a large or busy cluster can take
  # longer (the shutdown checkpoint). Wait for it, so the next start is not measured stopping it; stop it
  # by its pid file if it does not go away (an engine that died without its shutdown hook).
  local f pm
  for f in "$TMP"/data-*/postmaster.pid; do
    [[ -f "$f" ]] || continue
    pm=$(head -n 1 "$f" 2>/dev/null || true)
    [[ "$pm" =~ ^[0-9]+$ ]] || continue
    for _ in $(seq 1 120); do kill -0 "$pm" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pm" 2>/dev/null; then kill -INT "$pm" 2>/dev/null || true; sleep 5; fi
  done
  return 0
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_engine
  if [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  fi
  if [[ -n "$TMP" && -d "$TMP" ]]; then
    [[ -n "${KEEP_DIR:-}" ]] && mkdir -p "$KEEP_DIR" && cp "$TMP"/*.log "$TMP"/*.jfr "$KEEP_DIR"/ 2>/dev/null || true
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "startup: interrupted" >&2; exit 130' INT
trap 'echo "startup: terminated" >&2; exit 143' TERM

# ---- prerequisites ----------------------------------------------------------------------
pg_bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
[[ "$LOAD" != 1 ]] || command -v wrk >/dev/null 2>&1 || missing+=(wrk)
[[ "$EXTERNAL" != 1 ]] || { [[ -n "$(pg_bin_dir)" ]] && command -v psql >/dev/null 2>&1; } || missing+=(postgresql)
if ((${#missing[@]})); then
  [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]}; run as root to apt-get install them"
  log "installing ${missing[*]} with apt-get"
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
fi
PG_BIN=$(pg_bin_dir)
if [[ $BUILD == 1 || ! -f "$JAR" ]]; then
  log "building the engine (./mvnw -q -B -pl engine -am package -DskipTests)"
  (cd "$ROOT" && ./mvnw -q -B -pl engine -am package -DskipTests) || die "the build failed"
fi
[[ -f "$JAR" ]] || die "no $JAR"

free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/prm-startup.XXXXXX")
chmod 755 "$TMP"
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- the generated module set ------------------------------------------------------------
# MODULES copies of publish.sh's bench20 shape: ENTITIES entities × 8 fields (text, unique code, money,
# date, boolean, integer, longtext, a reference to organizations.Organization).
GEN="$TMP/modules-generated"
mkdir -p "$GEN"
cp -r "$ROOT/modules/organizations" "$GEN/"
for m in $(seq -w 1 "$MODULES"); do
  mkdir -p "$GEN/bench$m"
  {
    printf 'apiVersion: prm/v1\nmodule: bench%s\nversion: 1.0.0\nrequires: { organizations: "^1.0" }\nentities:\n' "$m"
    for e in $(seq -w 1 "$ENTITIES"); do
      printf '  Thing%s:\n    fields:\n' "$e"
      printf '      name: { type: text, required: true, maxLength: 120, filterable: true, sortable: true }\n'
      printf '      code: { type: text, maxLength: 20, unique: true }\n      amount: { type: money }\n'
      printf '      starts_on: { type: date, sortable: true }\n      active: { type: boolean, default: true }\n'
      printf '      score: { type: integer, min: 0, max: 100 }\n      notes: { type: longtext }\n'
      printf '      owner: { type: reference, to: organizations.Organization }\n'
    done
  } >"$GEN/bench$m/module.yaml"
done
GEN_LABEL="$((MODULES))x$ENTITIES"

# ---- external PostgreSQL ---------------------------------------------------------------------
PG_PORT=""
if [[ "$EXTERNAL" == 1 ]]; then
  PG_PORT=$(free_port) || die "found no free port"
  mkdir -p "$TMP/pg" && { [[ $(id -u) != 0 ]] || chown postgres: "$TMP/pg"; }
  PG_DATA="$TMP/pg/data"
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$TMP/pg/initdb.log" 2>&1 \
    || die "initdb failed: $(tail -n 2 "$TMP/pg/initdb.log")"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$TMP/pg/postgresql.log" -w -t 60 \
    -o "-p $PG_PORT -k $TMP/pg -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=200" \
    start >/dev/null || die "PostgreSQL did not start"
fi

# ---- one start ---------------------------------------------------------------------------
declare -a ROWS=()
BASE=""
# jcmd of the JDK the engine runs on (an older jcmd cannot attach to a newer JVM)
engine_jcmd() { local pid=$1; shift; "$(dirname "$(readlink -f "/proc/$pid/exe")")/jcmd" "$pid" "$@"; }
rss_mb() { awk '/^VmRSS/{printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo 0; }
cpu_s() { awk '{sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / 100}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# start SET_LABEL MODULES_DIR DB (embedded:DIR | external:DATABASE) KIND (fresh|restart); leaves the engine running
start_engine() {
  local label=$1 modules=$2 db=$3 kind=$4 port log jfr="" started ready t
  port=$(free_port) || die "found no free port"
  BASE="http://127.0.0.1:$port"
  log="$TMP/engine-$label-${db//[:\/]/_}-$kind-$(date +%s%N).log"
  [[ "$PROFILE" == 1 ]] && jfr="-XX:StartFlightRecording=filename=${log%.log}.jfr,settings=profile"
  local jvm=("$JAVA")
  if [[ "$JVM_CACHE" == 1 ]]; then
    jvm=(); while IFS= read -r t; do jvm+=("$t"); done < <("$ROOT/tools/bin/engine-jvm" "$(dirname "$JAR")" "$TMP/jvm-cache")
  fi
  started=$(date +%s.%N)
  (
    export PRM_PORT="$port" PRM_MODULES_DIR="$modules" PRM_DEV_IDENTITY_KEY="$TMP/dev-identity-key" QUARKUS_HTTP_HOST=127.0.0.1
    unset PRM_DB_URL
    if [[ $db == embedded:* ]]; then export PRM_DATA_DIR="${db#embedded:}"
    else export PRM_DB_URL="postgresql://127.0.0.1:$PG_PORT/${db#external:}" PRM_DB_USER=postgres PRM_DB_PASSWORD=unused; fi
    # shellcheck disable=SC2086
    exec setsid "${jvm[@]}" $jfr ${ENGINE_JAVA_OPTS:-} -Dquarkus.profile=local -Dprm.modules.watch=false -jar "$JAR" >"$log" 2>&1
  ) &
  ENGINE_PID=$!
  local deadline=$(( $(date +%s) + START_TIMEOUT ))
  until curl -s --max-time 2 "$BASE/q/health/ready" 2>/dev/null | grep -q '"status" *: *"UP"'; do
    if ! kill -0 "$ENGINE_PID" 2>/dev/null; then
      grep -m 3 -E ' ERROR |^Caused by' "$log" | cut -c1-300 >&2 || true
      die "the engine exited during start-up ($label, $db, $kind); log: $log"
    fi
    (( $(date +%s) < deadline )) || die "the engine was not ready within $START_TIMEOUT s ($label, $db, $kind)"
    sleep 0.1
  done
  ready=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
  local pg_ms boot_s publish_ms
  pg_ms=$(grep -o 'Embedded PostgreSQL started on port [0-9]* in [0-9]* ms' "$log" | awk '{print $(NF-1)}' | head -n 1 || true)
  publish_ms=$(grep -o 'Active modules ([0-9]* ms)' "$log" | grep -o '[0-9]*' | head -n 1 || true)
  boot_s=$(grep -o 'started in [0-9.]*s' "$log" | grep -o '[0-9.]*' | head -n 1 || true)
  t=$(printf '%-10s %-9s %-8s %7s %7s %7s %9s %11s %9s %6s' "$label" "${db%%:*}" "$kind" "$ready" "$(cpu_s "$ENGINE_PID")" \
    "$(rss_mb "$ENGINE_PID")" "${pg_ms:--}" "${publish_ms:--}" "${boot_s:--}" "$(cut -d' ' -f1 /proc/loadavg)")
  ROWS+=("$t")
  log "$t"
  if [[ "$PROFILE" == 1 ]]; then
    # The engine's own JDK dumps and reads its recording (an older one can neither attach nor parse it).
    local jdk_bin
    jdk_bin=$(dirname "$(readlink -f "/proc/$ENGINE_PID/exe")")
    "$jdk_bin/jcmd" "$ENGINE_PID" JFR.dump filename="${log%.log}.jfr" >"$TMP/jcmd.out" 2>&1 || cat "$TMP/jcmd.out" >>"$TMP/profiles.txt"
    { echo "== $label $db $kind: main thread"; "$jdk_bin/java" "$HERE/JfrTop.java" "${log%.log}.jfr" 12 0 9999999999999 main
      echo "== $label $db $kind: event loop"; "$jdk_bin/java" "$HERE/JfrTop.java" "${log%.log}.jfr" 12 0 9999999999999 eventloop; } >>"$TMP/profiles.txt" 2>&1 || true
  fi
}

measure_set() { # LABEL MODULES_DIR
  local label=$1 modules=$2 dir="$TMP/data-$1" i
  start_engine "$label" "$modules" "embedded:$dir" fresh; stop_engine
  for i in $(seq 1 "$RESTARTS"); do start_engine "$label" "$modules" "embedded:$dir" restart; stop_engine; done
  if [[ "$EXTERNAL" == 1 ]]; then
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qAt -c "CREATE DATABASE db_$label" >/dev/null || die "CREATE DATABASE failed"
    start_engine "$label" "$modules" "external:db_$label" fresh; stop_engine
    for i in $(seq 1 "$RESTARTS"); do start_engine "$label" "$modules" "external:db_$label" restart; stop_engine; done
  fi
}

log "engine: $JAR; generated set: $MODULES modules x $ENTITIES entities (+ organizations) in $GEN"
[[ " $SETS " == *" samples "* ]] && measure_set samples "$ROOT/modules"
[[ " $SETS " == *" generated "* ]] && measure_set "$GEN_LABEL" "$GEN"

# ---- RSS under load ----------------------------------------------------------------------------
LOAD_LINES=()
if [[ "$LOAD" == 1 ]]; then
  start_engine samples "$ROOT/modules" "embedded:$TMP/data-samples" restart
  ( peak=0; while kill -0 "$ENGINE_PID" 2>/dev/null; do r=$(rss_mb "$ENGINE_PID"); (( r > peak )) && { peak=$r; echo "$peak" >"$TMP/rss-peak"; }; sleep 0.5; done ) &
  RSS_SAMPLER=$!
  BENCH_TOKEN=$(curl -sf --max-time 10 -X POST "$BASE/api/dev-identity/token" -H 'Content-Type: application/json' \
    -d '{"username":"alice"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/') || die "could not sign in as alice"
  export BENCH_TOKEN
  log "loading $LOAD_PARTNERS partners, then wrk -t2 -c32 -d$LOAD_DURATION per case"
  load_line=$(java "$HERE/Loader.java" "$BASE" "$LOAD_PARTNERS" "$TMP/ids.txt" 4 500 2>/dev/null) || die "loading failed"
  LOAD_LINES+=("after loading $LOAD_PARTNERS partners ($load_line): RSS $(rss_mb "$ENGINE_PID") MB")
  for c in get list search create; do
    BENCH_CASE=$c BENCH_IDS="$TMP/ids.txt" wrk -t2 -c32 -d"$LOAD_DURATION" --timeout 10s -s "$HERE/bench.lua" "$BASE" \
      >"$TMP/wrk-$c.log" 2>&1 || die "wrk $c failed"
    LOAD_LINES+=("after wrk $c ($(grep -o 'rps=[0-9.]*' "$TMP/wrk-$c.log")): RSS $(rss_mb "$ENGINE_PID") MB")
  done
  LOAD_LINES+=("peak RSS sampled every 0.5 s: $(cat "$TMP/rss-peak" 2>/dev/null || echo ?) MB; VmHWM $(awk '/^VmHWM/{printf "%.0f", $2/1024}' "/proc/$ENGINE_PID/status") MB; heap: $(engine_jcmd "$ENGINE_PID" GC.heap_info 2>/dev/null | grep -m1 -o -E '(total|committed) [0-9]+K, used [0-9]+K' || echo ?)")
  stop_engine
fi

# ---- summary -------------------------------------------------------------------------------------
echo
USED_JAVA=$JAVA
[[ "$JVM_CACHE" == 1 ]] && USED_JAVA=$("$ROOT/tools/bin/engine-jvm" "$(dirname "$JAR")" "$TMP/jvm-cache" | sed -n 1p)
echo "PRM OS start-up  $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), Java $("$USED_JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.version = //p')"
echo "engine: $JAR (ENGINE_JAVA_OPTS: ${ENGINE_JAVA_OPTS:-none}; JVM_CACHE: $JVM_CACHE)"
echo "java: $USED_JAVA$([[ "$JVM_CACHE" == 1 ]] && echo " (the first start records the start-up cache, the next ones use it)")"
echo "load average before: $LOAD_AT_START; at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "ready_s: java -jar until /q/health/ready is UP; cpu_s: the engine's CPU time then (all threads, JIT included);"
echo "rss_mb then; pg_ms: embedded PostgreSQL start (initdb included when fresh); modules_ms: the module bootstrap"
echo "(publish what is new, verify the rest against the database, activate); quarkus_s: Quarkus' own 'started in'."
printf '%-10s %-9s %-8s %7s %7s %7s %9s %11s %9s %6s\n' set database start ready_s cpu_s rss_mb pg_ms modules_ms quarkus_s load1
printf '%s\n' "${ROWS[@]}"
if ((${#LOAD_LINES[@]})); then
  echo
  echo "memory under load (samples, embedded, restarted):"
  printf '  %s\n' "${LOAD_LINES[@]}"
fi
if [[ "$PROFILE" == 1 && -f "$TMP/profiles.txt" ]]; then echo; cat "$TMP/profiles.txt"; fi
