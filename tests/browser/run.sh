#!/usr/bin/env bash
# Browser test of the Marsad web page against the real `marsad serve`.
#
#   tests/browser/run.sh                 # uses target/release/marsad
#   MARSAD_BIN=path/to/marsad tests/browser/run.sh
#   ARTIFACTS=dir tests/browser/run.sh   # screenshots (default target/browser-artifacts)
#
# Needs: Debian's chromium (/usr/bin/chromium, or CHROMIUM=...), node >= 18, and
# `npm ci` run in tests/browser (playwright-core). Ingests examples/kazakhstan-2022 into a fresh
# temporary store, serves it on a free local port, drives the page, and always stops the server.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

bin="${MARSAD_BIN:-target/release/marsad}"
artifacts="${ARTIFACTS:-target/browser-artifacts}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
corpus="${CORPUS:-examples/kazakhstan-2022}"

fail() {
  echo "browser test: $*" >&2
  exit 1
}

[ -x "$bin" ] || fail "no marsad binary at $bin (build it with 'cargo build --release -p marsad' or set MARSAD_BIN)"
[ -x "$chromium" ] || fail "no chromium at $chromium (apt-get install -y chromium, or set CHROMIUM)"
command -v node >/dev/null || fail "node is not installed (apt-get install -y nodejs npm)"
[ -d "$here/node_modules/playwright-core" ] || fail "playwright-core is not installed: run 'npm ci' in tests/browser"

mkdir -p "$artifacts"
artifacts="$(cd "$artifacts" && pwd)"
rm -f "$artifacts"/*.png "$artifacts"/server.log "$artifacts"/ingest.log

tmp="$(mktemp -d -t marsad-browser-XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$server_pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "browser test: ingesting $corpus into $tmp/data"
if ! "$bin" ingest --data "$tmp/data" "$corpus" >"$artifacts/ingest.log" 2>&1; then
  cat "$artifacts/ingest.log" >&2
  fail "marsad ingest failed (log: $artifacts/ingest.log)"
fi

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

# A free port can be taken between choosing and binding it, so try a few.
base=""
for attempt in 1 2 3; do
  port="$(free_port)"
  echo "browser test: starting marsad serve on 127.0.0.1:$port (attempt $attempt)"
  "$bin" serve --data "$tmp/data" --addr "127.0.0.1:$port" >>"$artifacts/server.log" 2>&1 &
  server_pid=$!
  if node -e '
    const url = process.argv[1];
    const deadline = Date.now() + 30000;
    (async () => {
      while (Date.now() < deadline) {
        try {
          const r = await fetch(url);
          if (r.ok) {
            const j = await r.json();
            if (j.status === "ok") { console.log("browser test: health", JSON.stringify(j)); process.exit(0); }
          }
        } catch {}
        await new Promise((r) => setTimeout(r, 200));
      }
      process.exit(1);
    })();' "http://127.0.0.1:$port/api/health"; then
    base="http://127.0.0.1:$port"
    break
  fi
  if kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
    fail "marsad serve did not answer /api/health within 30 s (log: $artifacts/server.log)"
  fi
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
done
[ -n "$base" ] || { cat "$artifacts/server.log" >&2; fail "marsad serve did not start (log: $artifacts/server.log)"; }

status=0
BASE_URL="$base" ARTIFACTS="$artifacts" CHROMIUM="$chromium" node "$here/e2e.mjs" || status=$?
if [ "$status" -ne 0 ]; then
  echo "browser test: FAILED (screenshots and server log in $artifacts)" >&2
  exit "$status"
fi
echo "browser test: passed (screenshots in $artifacts)"
