#!/usr/bin/env bash
# Time to publish an additive change to a 20-entity module, through the real pipeline
# (validate → check → diff → plan → apply under an advisory lock → activate), measured over HTTP.
#
#   tools/bench/publish.sh            # ROUNDS (default 10) additive versions after the first install
#
# It starts the packaged engine (building it if missing) on a free loopback port with a fresh
# embedded PostgreSQL, publishes bench20 1.0.0 (20 entities × 8 fields), then ROUNDS versions that
# each add one field to every entity, and prints dry-run and apply times (min, median, max).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
ROUNDS="${ROUNDS:-10}"
JAR="$ROOT/engine/target/quarkus-app/quarkus-run.jar"
TMP="$(mktemp -d)"
ENGINE_PID=""
die() { echo "publish-bench: FAILED: $*" >&2; exit 1; }
cleanup() { [ -n "$ENGINE_PID" ] && kill "$ENGINE_PID" 2>/dev/null && wait "$ENGINE_PID" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT INT TERM

[ -f "$JAR" ] || (cd "$ROOT" && ./mvnw -q -B -pl engine -am package -DskipTests) || die "build failed"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
mkdir -p "$TMP/modules"
cp -r "$ROOT/modules/organizations" "$TMP/modules/"
( export PRM_PORT=$PORT PRM_DATA_DIR="$TMP/data" PRM_MODULES_DIR="$TMP/modules" PRM_DEV_IDENTITY_KEY="$TMP/key" QUARKUS_HTTP_HOST=127.0.0.1
  exec java -Dquarkus.profile=local -Dprm.modules.watch=false -jar "$JAR" >"$TMP/engine.log" 2>&1 ) &
ENGINE_PID=$!
for _ in $(seq 1 360); do curl -sf -o /dev/null "$BASE/q/health/ready" && break; kill -0 "$ENGINE_PID" 2>/dev/null || die "engine exited: $(tail -3 "$TMP/engine.log")"; sleep 0.5; done
curl -sf -o /dev/null "$BASE/q/health/ready" || die "engine not ready"
TOKEN=$(curl -sf -X POST "$BASE/api/dev-identity/token" -H 'Content-Type: application/json' -d '{"username":"alice"}' \
  | sed 's/.*"access_token":"\([^"]*\)".*/\1/')

# manifest VERSION EXTRA_FIELDS — 20 entities with 8 fields each, plus EXTRA_FIELDS added integer fields
manifest() {
  local version=$1 extra=$2
  printf 'apiVersion: prm/v1\nmodule: bench20\nversion: %s\nrequires: { organizations: "^1.0" }\nentities:\n' "$version"
  for e in $(seq -w 1 20); do
    printf '  Thing%s:\n    fields:\n' "$e"
    printf '      name: { type: text, required: true, maxLength: 120, filterable: true, sortable: true }\n'
    printf '      code: { type: text, maxLength: 20, unique: true }\n      amount: { type: money }\n'
    printf '      starts_on: { type: date, sortable: true }\n      active: { type: boolean, default: true }\n'
    printf '      score: { type: integer, min: 0, max: 100 }\n      notes: { type: longtext }\n'
    printf '      owner: { type: reference, to: organizations.Organization }\n'
    for x in $(seq 1 "$extra"); do printf '      extra_%s: { type: integer, filterable: true }\n' "$x"; done
  done
}
publish() { # VERSION EXTRA DRYRUN → "http_code seconds"
  manifest "$1" "$2" > "$TMP/module.yaml"
  python3 -c 'import json,sys; print(json.dumps({"modules":[{"file":"bench20/module.yaml","source":open(sys.argv[1]).read()}]}))' \
    "$TMP/module.yaml" > "$TMP/body.json"
  curl -s -o "$TMP/out.json" -w '%{http_code} %{time_total}\n' -X POST "$BASE/api/admin/modules?dryRun=$3" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary @"$TMP/body.json"
}
read -r code secs < <(publish 1.0.0 0 false); [ "$code" = 200 ] || die "first install answered $code: $(head -c 300 "$TMP/out.json")"
echo "first install of bench20 (20 entities, 160 fields): ${secs}s"
dry=(); apply=()
for r in $(seq 1 "$ROUNDS"); do
  read -r code secs < <(publish "1.$r.0" "$r" true); [ "$code" = 200 ] || die "dry run $r answered $code"; dry+=("$secs")
  read -r code secs < <(publish "1.$r.0" "$r" false); [ "$code" = 200 ] || die "publish $r answered $code: $(head -c 300 "$TMP/out.json")"; apply+=("$secs")
done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "min %.3fs  median %.3fs  max %.3fs  (n=%d)", a[1], a[int((NR+1)/2)], a[NR], NR}'; }
echo "additive change (one new field on each of 20 entities, 40 statements):"
echo "  dry run: $(stats "${dry[@]}")"
echo "  publish: $(stats "${apply[@]}")"
