"""Probe codes for one held-out block of the distillation experiment (see README, "Distillation").

usage: distil_probe.py TRAIN.conll TRAIN.npz TRAIN_LAYER_IDX SILVER.conll SILVER.npz FOLD OUT.codes

FOLD in 0..4: block FOLD of train (the blocks of `marsad train ner --cv 5`) is held out. The other
blocks get out-of-fold codes over five blocks of their own (so the teacher perceptron trained on
them never sees codes from a probe that saw the sentence); a probe trained on all of them codes the
held-out block and the raw-news ("silver") sentences. FOLD -1: nothing held out. SILVER.npz holds
one layer (extract_batch.py with one layer); TRAIN_LAYER_IDX picks the same layer in TRAIN.npz.
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from probe import codes, f1, predict, read, train_probe, viterbi  # noqa: E402

tr_conll, tr_npz, li, si_conll, si_npz, fold, out = sys.argv[1:8]
li, fold = int(li), int(fold)
tr = read(tr_conll)
si = read(si_conll)
X = np.load(tr_npz)["feats"][:, li, :].astype(np.float32)
Xs = np.load(si_npz)["feats"][:, 0, :].astype(np.float32)
lens = [len(s) for s in tr]
starts = np.cumsum([0] + lens)
assert starts[-1] == len(X) and sum(len(s) for s in si) == len(Xs), "npz does not match its CoNLL"
y = np.array([t for s in tr for _, t in s])
n = len(tr)
if fold >= 0:
    a, b = n * fold // 5, n * (fold + 1) // 5
    A = [i for i in range(n) if not a <= i < b]
    B = list(range(a, b))
else:
    A, B = list(range(n)), []


def rows(ids):
    return np.concatenate([np.arange(starts[i], starts[i + 1]) for i in ids])


rA = rows(A)
mu, sd = X[rA].mean(0), X[rA].std(0) + 1e-5
Xn = (X - mu) / sd
Xs = (Xs - mu) / sd
lp = np.zeros((len(y), 9), np.float32)
m = len(A)
for k in range(5):
    held = A[m * k // 5 : m * (k + 1) // 5]
    keep = A[: m * k // 5] + A[m * (k + 1) // 5 :]
    lin = train_probe(Xn[rows(keep)], y[rows(keep)])
    lp[rows(held)] = predict(lin, Xn[rows(held)])
    print("inner fold", k + 1, file=sys.stderr)
lin = train_probe(Xn[rA], y[rA])
lps = predict(lin, Xs)
if B:
    lp[rows(B)] = predict(lin, Xn[rows(B)])
    gold = [[t for _, t in tr[i]] for i in B]
    pred = [viterbi(lp[starts[i] : starts[i + 1]]) for i in B]
    print("probe on held-out block P %.2f R %.2f F1 %.2f" % f1(gold, pred))
with open(out, "w") as fo:
    for i, s in enumerate(tr):
        fo.write(" ".join(w for w, _ in s) + "\t" + " ".join(codes(lp[starts[i] : starts[i + 1]])) + "\n")
    o = 0
    for s in si:
        fo.write(" ".join(w for w, _ in s) + "\t" + " ".join(codes(lps[o : o + len(s)])) + "\n")
        o += len(s)
