"""usage: split_folds.py TRAIN.conll F: writes A_F.conll (train minus block F) and B_F.conll (block F)
in the current folder, the blocks as `marsad train ner --cv 5` makes them (contiguous, by sentence)."""
import sys
src, f = sys.argv[1], int(sys.argv[2])
sents, cur = [], []
for line in open(src, encoding="utf-8"):
    if not line.strip():
        if cur:
            sents.append(cur); cur = []
        continue
    cur.append(line.rstrip("\r\n"))
if cur:
    sents.append(cur)
n = len(sents)
a, b = n * f // 5, n * (f + 1) // 5
with open(f"A_{f}.conll", "w") as oa, open(f"B_{f}.conll", "w") as ob:
    for i, s in enumerate(sents):
        (ob if a <= i < b else oa).write("\n".join(s) + "\n\n")
print(n, a, b)
