#!/usr/bin/env bash
# Load test of `marsad serve`: ingests a corpus (default: the whole ANT news corpus in ../shared/data)
# into a fresh temporary store, starts the server on a free port, and runs wrk against search and
# entity pages, each request picking at random among many queries / entity ids (scripts/load.lua).
# Prints requests/s and p50/p90/p99 latency per endpoint group, and a Markdown table row for each.
#
# Usage: scripts/load.sh [CORPUS...]
# Environment: MARSAD_BIN (default target/release/marsad, or $CARGO_TARGET_DIR/release/marsad),
#   DURATION (wrk -d, default 30s), CONNECTIONS (wrk -c, default 32), THREADS (wrk -t, default 2),
#   DATA (store directory to use/keep instead of a temporary one; an existing store is reused as is).
# Needs: wrk (Debian package `wrk`), curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${MARSAD_BIN:-${CARGO_TARGET_DIR:-target}/release/marsad}
duration=${DURATION:-30s}
connections=${CONNECTIONS:-32}
threads=${THREADS:-2}
corpus=("$@")
[ ${#corpus[@]} -eq 0 ] && corpus=(../shared/data/ant_news/ant_multisource_politics_2018-02_to_06.jsonl)

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "load.sh: needs $tool (apt-get install $tool)" >&2; exit 2; }
done
[ -x "$bin" ] || { echo "load.sh: no binary $bin (cargo build --release -p marsad)" >&2; exit 2; }

work=$(mktemp -d)
data=${DATA:-$work/store}
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -e "$data" ] && [ -n "${DATA:-}" ]; then
  echo "== reusing the store in $data"
else
  echo "== ingest ${corpus[*]} into $data"
  # Exit status 1 means some inputs were rejected (the ANT file has one empty article); the rest is
  # committed, so the test goes on.
  status=0
  /usr/bin/time -f "ingest: %e s wall, %M KiB peak RSS" \
    "$bin" ingest --data "$data" --max-bytes 200000000 "${corpus[@]}" >"$work/ingest.log" 2>&1 ||
    status=$?
  grep -v '^committed ' "$work/ingest.log" || true
  [ "$status" -le 1 ] || { echo "load.sh: ingest failed ($status)" >&2; exit 1; }
fi
du -sh "$data" | sed 's/^/store size: /'

# The files exist before the server starts: its redirections happen in the child, maybe after our first read.
: >"$work/serve.out"
: >"$work/serve.err"
"$bin" serve --data "$data" --addr 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
base=
for _ in $(seq 1 600); do
  base=$(sed -n 's/^marsad: serving .* at \(http:[^ ]*\)\/$/\1/p' "$work/serve.out" | head -1)
  [ -n "$base" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err" >&2; exit 1; }
  sleep 0.1
done
[ -n "$base" ] || { echo "load.sh: server did not start" >&2; exit 1; }
curl -sf "$base/api/health" >/dev/null
# First requests build the server's view of the store; keep them out of the measurement.
curl -sf "$base/api/stats" >"$work/stats.json"
head -c 300 "$work/stats.json"; echo
python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1]))["documents"] == 0)' "$work/stats.json" ||
  { echo "load.sh: the store holds no documents" >&2; exit 1; }
curl -sf "$base/api/entities?limit=200" >"$work/entities.json"

# Search paths: common words of political news (a mix of one-word and two-word queries, some with
# filters). Entity paths: the 200 entities the API lists first (most mentioned).
python3 - "$work" <<'PY'
import json, sys, urllib.parse
work = sys.argv[1]
words = ["سوريا", "الانتخابات", "مجلس الأمن", "اللاجئين", "النفط", "الحكومة", "روسيا", "الاتفاق النووي",
         "المعارضة", "الجيش", "غزة", "الرئيس الأمريكي", "العقوبات", "البرلمان", "الاحتجاجات", "إيران",
         "القدس", "الاقتصاد", "الأمم المتحدة", "وزير الخارجية", "قتلى", "هجوم", "مفاوضات", "السعودية"]
search = []
for w in words:
    q = urllib.parse.quote(w)
    search.append(f"/api/search?q={q}")
    search.append(f"/api/search?q={q}&limit=10&offset=10")
for w in words[:6]:
    search.append(f"/api/search?q={urllib.parse.quote(w)}&event_type=ASSAULT")
listing = json.load(open(f"{work}/entities.json"))
items = (listing.get("items") or listing.get("entities") or listing.get("results")) if isinstance(listing, dict) else listing
items = items or []
ids = [e["id"] for e in items if isinstance(e, dict) and "id" in e]
if not ids:
    sys.exit(f"load.sh: no entity ids in /api/entities: {str(listing)[:200]}")
entity = [f"/api/entities/{urllib.parse.quote(i, safe=':')}" for i in ids]
open(f"{work}/search.paths", "w").write("\n".join(search) + "\n")
open(f"{work}/entity.paths", "w").write("\n".join(entity) + "\n")
print(f"{len(search)} search paths, {len(entity)} entity paths")
PY

# Check every path answers 200 once (also warms the caches the way a real user would).
for group in search entity; do
  bad=0
  while read -r path; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
    [ "$code" = 200 ] || { bad=$((bad + 1)); echo "  $code $path" >&2; }
  done <"$work/$group.paths"
  echo "$group: warm-up done, $bad non-200"
done

echo "== wrk -t$threads -c$connections -d$duration, machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for group in search entity; do
  MARSAD_LOAD_PATHS="$work/$group.paths" wrk -t"$threads" -c"$connections" -d"$duration" \
    --timeout 10s -s scripts/load.lua "$base" >"$work/$group.wrk"
  result=$(sed -n 's/^RESULT //p' "$work/$group.wrk")
  [ -n "$result" ] || { cat "$work/$group.wrk" >&2; exit 1; }
  python3 - "$group" "$result" <<'PY'
import json, sys
g, r = sys.argv[1], json.loads(sys.argv[2])
print(f"{g}: {r['requests']} requests in {r['seconds']:.1f} s -> {r['rps']:.1f} req/s; "
      f"latency p50 {r['p50_ms']:.1f} ms, p90 {r['p90_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms, max {r['max_ms']:.1f} ms; "
      f"non-2xx {r['non_2xx']}, socket errors {r['socket_errors']}, timeouts {r['timeouts']}")
print(f"| {g} ({r['paths']} paths) | {r['rps']:.1f} | {r['p50_ms']:.1f} | {r['p90_ms']:.1f} | {r['p99_ms']:.1f} | "
      f"{r['max_ms']:.0f} | {r['non_2xx'] + r['socket_errors'] + r['timeouts']} |")
PY
done
grep -c . "$work/serve.err" >/dev/null && { echo "server stderr:"; tail -5 "$work/serve.err"; } || true
