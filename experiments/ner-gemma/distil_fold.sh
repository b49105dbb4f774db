#!/bin/bash
# Distillation, one held-out block: baseline, teacher (probe codes), silver labels on raw news, student.
# usage: distil_fold.sh F   (F = 0..4; run from the repository root; see README, "Distillation")
# Needs in $W: venv, train.npz (extract.py, layers 4,8,12), silver.conll and silver.npz
# (extract_batch.py, layer 12). Prints the three scores on block F.
set -euo pipefail
f=$1
E=$(dirname "$0"); D=${D:-../shared/data}; W=${W:-/tmp/ner-gemma}; M=${MARSAD:-marsad}
T=$D/anercorp/ANERCorp_CamelLab_train.txt
R="--epochs 10 --o-bias 10 --doc-window 500 --mine-names --lexicon-from $D --margin 40 --kb-gazetteer
  --brown 256 --clusters-from $D/ant_news/ant_multisource_politics_2018-02_to_06.jsonl
  --clusters-cache $W/clusters.txt --brown-cache $W/brown256.txt"
(cd "$W" && python3 "$OLDPWD/$E/split_folds.py" "$OLDPWD/$T" "$f" > /dev/null)
"$W/venv/bin/python" "$E/distil_probe.py" "$T" "$W/train.npz" 2 "$W/silver.conll" "$W/silver.npz" "$f" \
  "$W/codes_$f.txt" 2> /dev/null
$M train ner --train "$W/A_$f.conll" $R --out "$W/base_$f.bin" 2> /dev/null
$M train ner --train "$W/A_$f.conll" $R --outside-codes "$W/codes_$f.txt" --out "$W/teacher_$f.bin" 2> /dev/null
$M eval ner --model "$W/teacher_$f.bin" --test "$W/silver.conll" --outside-codes "$W/codes_$f.txt" \
  --predictions "$W/pred_silver_$f.txt" > /dev/null 2>&1
awk 'NF==0{print; next} {print $1, $NF}' "$W/pred_silver_$f.txt" > "$W/silver_$f.conll"
$M train ner --train "$W/A_$f.conll" $R --extra-train "$W/silver_$f.conll" --out "$W/student_$f.bin" 2> /dev/null
for m in base teacher student; do
  c=(); [ $m = teacher ] && c=(--outside-codes "$W/codes_$f.txt")
  echo "$m block $f: $($M eval ner --model "$W/${m}_$f.bin" --test "$W/B_$f.conll" "${c[@]}" | grep FB1 | head -1)"
done
