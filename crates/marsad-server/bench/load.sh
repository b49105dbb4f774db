#!/usr/bin/env bash
# Load test of a running `marsad serve`: entity pages and searches, with wrk (Debian: apt-get
# install wrk). The paths come from the server itself: the N most mentioned entities' pages, and
# searches for their Arabic names, so the test follows whatever corpus the store holds.
#
#   bench/load.sh http://127.0.0.1:8080 [seconds=20] [connections=32] [entities=200]
#
# Prints wrk's summary plus p50/p90/p99 and requests/s for each of the two mixes.
set -euo pipefail
base=${1:?usage: load.sh BASE_URL [seconds] [connections] [entities]}
secs=${2:-20}
conns=${3:-32}
n=${4:-200}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

curl -sf "$base/api/entities?limit=$n" > "$work/entities.json"
python3 - "$work" <<'PY'
import json, sys, urllib.parse
work = sys.argv[1]
ents = json.load(open(f"{work}/entities.json"))["entities"]
with open(f"{work}/entity_paths", "w") as f:
    for e in ents:
        f.write("/api/entities/" + urllib.parse.quote(e["id"], safe="") + "\n")
with open(f"{work}/search_paths", "w") as f:
    for e in ents:
        f.write("/api/search?q=" + urllib.parse.quote(e["name"]["ar"]) + "\n")
print(f"{len(ents)} entities", file=sys.stderr)
PY
curl -sf "$base/api/health"; echo
for mix in entity search; do
  echo "== $mix pages: $conns connections, $secs s, 2 threads"
  PATHS="$work/${mix}_paths" wrk -t2 -c"$conns" -d"${secs}s" --timeout 30s -s "$here/paths.lua" "$base"
done
