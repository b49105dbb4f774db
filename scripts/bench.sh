#!/usr/bin/env bash
# Whole-process benchmark: times `marsad analyze` on a real corpus and reports MB/s, documents/s and
# peak memory (max RSS). Usage: scripts/bench.sh [INPUT...]  (default: the ANT news corpus in
# ../shared/data, then the sample corpus). Needs GNU time (/usr/bin/time, Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q --release -p marsad
bin=${CARGO_TARGET_DIR:-target}/release/marsad
inputs=("$@")
if [ ${#inputs[@]} -eq 0 ]; then
  ant=../shared/data/ant_news/ant_multisource_politics_2018-02_to_06.jsonl
  [ -f "$ant" ] && inputs+=("$ant")
  inputs+=(examples/kazakhstan-2022)
fi
for input in "${inputs[@]}"; do
  out=$(mktemp); log=$(mktemp)
  /usr/bin/time -v "$bin" analyze "$input" --format json --out "$out" 2>"$log" || { cat "$log"; exit 1; }
  bytes=$(du -sb --apparent-size "$input" | cut -f1)
  docs=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['documents']))" "$out")
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/{print $2}' "$log")
  python3 - "$input" "$bytes" "$docs" "$secs" "$rss" <<'PY'
import sys
name, b, d, s, rss = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
s = max(s, 1e-3)
print(f"{name}: {b/1e6:.1f} MB, {d} documents in {s:.2f} s -> {b/1e6/s:.2f} MB/s, {d/s:.0f} documents/s, peak RSS {rss/1024:.0f} MiB")
PY
  rm -f "$out" "$log"
done
