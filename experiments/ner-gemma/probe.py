"""Linear probe (softmax over the 9 BIO tags) on Gemma word states; out-of-fold over the same 5
contiguous blocks as `marsad train ner --cv 5`, scored alone (conlleval-style exact spans).

HIDDEN=N (environment) makes it a one-hidden-layer network of N units.

usage: probe.py TRAIN.conll TRAIN.npz LAYERIDX[,LAYERIDX..] [CTX] [TEST.conll TEST.npz] OUT_PREFIX
writes OUT_PREFIX.train.codes / .test.codes: one line per sentence, "key\tc1,c2 c1,c2 ..."
"""
import os
import sys
import numpy as np
import torch

torch.manual_seed(0)
torch.set_num_threads(2)
TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]


def norm_tag(t):
    if t == "O" or "-" not in t:
        return 0
    bi, ty = t.split("-", 1)
    ty = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC"}.get(ty.upper(), "MISC" if ty.upper().startswith("MIS") else None)
    if ty is None:
        return 0
    return TAGS.index(f"{bi}-{ty}")


def read(path):
    sents, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\r\n")
        if not line.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        t, g = line.strip().rsplit(None, 1)
        cur.append((t.strip(), norm_tag(g)))
    if cur:
        sents.append(cur)
    return sents


def spans(tags):
    out, i = set(), 0
    while i < len(tags):
        t = tags[i]
        if t % 2 == 1 or (t != 0 and (i == 0 or tags[i - 1] not in (t, t - 1))):
            ty = (t - 1) // 2
            j = i + 1
            while j < len(tags) and tags[j] == 2 + 2 * ty:
                j += 1
            out.add((i, j, ty))
            i = j
        else:
            i += 1
    return out


ALLOWED = np.ones((9, 9), bool)  # prev -> cur
for p in range(9):
    for c in range(9):
        if c != 0 and c % 2 == 0 and p not in (c, c - 1):
            ALLOWED[p, c] = False
START = np.array([c == 0 or c % 2 == 1 for c in range(9)])


def viterbi(lp):
    n = lp.shape[0]
    neg = -1e9
    sc = np.where(START, lp[0], neg)
    back = np.zeros((n, 9), int)
    for i in range(1, n):
        cand = sc[:, None] + np.where(ALLOWED, 0, neg)
        back[i] = cand.argmax(0)
        sc = cand.max(0) + lp[i]
    out = [int(sc.argmax())]
    for i in range(n - 1, 0, -1):
        out.append(int(back[i, out[-1]]))
    return out[::-1]


def f1(gold_sents, pred_sents):
    tp = fp = fn = 0
    for g, p in zip(gold_sents, pred_sents):
        gs, ps = spans(g), spans(p)
        tp += len(gs & ps)
        fp += len(ps - gs)
        fn += len(gs - ps)
    P = tp / max(tp + fp, 1)
    R = tp / max(tp + fn, 1)
    return 100 * P, 100 * R, 100 * 2 * P * R / max(P + R, 1e-9)


def feats(npz, layer_idx, ctx, lens):
    X = np.load(npz)["feats"][:, layer_idx, :].astype(np.float32).reshape(-1, len(layer_idx) * 640)
    if ctx:
        parts = [X]
        off = 0
        L = np.zeros_like(X)
        Rr = np.zeros_like(X)
        for n in lens:
            L[off + 1 : off + n] = X[off : off + n - 1]
            Rr[off : off + n - 1] = X[off + 1 : off + n]
            off += n
        X = np.concatenate([X, L, Rr], 1)
    return X


HIDDEN = int(os.environ.get("HIDDEN", "0"))


def train_probe(X, y, epochs=30, wd=1e-4):
    Xt = torch.from_numpy(X)
    yt = torch.from_numpy(y)
    # HIDDEN > 0: one hidden layer (ReLU, dropout 0.2) instead of the linear probe.
    if HIDDEN:
        lin = torch.nn.Sequential(
            torch.nn.Dropout(0.2), torch.nn.Linear(X.shape[1], HIDDEN), torch.nn.ReLU(),
            torch.nn.Dropout(0.2), torch.nn.Linear(HIDDEN, 9))
    else:
        lin = torch.nn.Linear(X.shape[1], 9)
    opt = torch.optim.Adam(lin.parameters(), lr=2e-3, weight_decay=wd)
    n = len(y)
    for ep in range(epochs):
        perm = torch.randperm(n)
        for k in range(0, n, 512):
            idx = perm[k : k + 512]
            opt.zero_grad()
            loss = torch.nn.functional.cross_entropy(lin(Xt[idx]), yt[idx])
            loss.backward()
            opt.step()
    return lin


def predict(lin, X):
    lin.eval()
    with torch.no_grad():
        return torch.log_softmax(lin(torch.from_numpy(X)), -1).numpy()


def codes(lp):
    p = np.exp(lp)
    out = []
    for row in p:
        t = int(row.argmax())
        x = row[t]
        band = 0 if x < 0.5 else 1 if x < 0.7 else 2 if x < 0.9 else 3
        c1 = 1 + t * 4 + band
        pe = 1 - row[0]
        eb = 0 if pe < 0.05 else 1 if pe < 0.2 else 2 if pe < 0.5 else 3 if pe < 0.8 else 4
        if eb == 0:
            c2 = 1
        else:
            ty = int(np.argmax([row[1 + 2 * k] + row[2 + 2 * k] for k in range(4)]))
            c2 = 2 + ty * 4 + (eb - 1)
        out.append(f"{c1},{c2}")
    return out


def main():
    a = sys.argv[1:]
    tr_conll, tr_npz, lay = a[0], a[1], [int(x) for x in a[2].split(",")]
    ctx = int(a[3])
    test = a[4:6] if len(a) > 6 else None
    prefix = a[-1]
    tr = read(tr_conll)
    lens = [len(s) for s in tr]
    X = feats(tr_npz, lay, ctx, lens)
    mu, sd = X.mean(0), X.std(0) + 1e-5
    X = (X - mu) / sd
    y = np.array([t for s in tr for _, t in s])
    starts = np.cumsum([0] + lens)
    K = 5
    n = len(tr)
    lp_all = np.zeros((len(y), 9), np.float32)
    for f in range(K):
        a_, b_ = n * f // K, n * (f + 1) // K
        ta, tb = starts[a_], starts[b_]
        mask = np.ones(len(y), bool)
        mask[ta:tb] = False
        lin = train_probe(X[mask], y[mask])
        lp_all[ta:tb] = predict(lin, X[ta:tb])
        print("fold", f + 1, file=sys.stderr)
    gold = [[t for _, t in s] for s in tr]
    pred = [viterbi(lp_all[starts[i] : starts[i + 1]]) for i in range(n)]
    print("probe out-of-fold P %.2f R %.2f F1 %.2f" % f1(gold, pred))
    with open(prefix + ".train.codes", "w") as fo:
        for i, s in enumerate(tr):
            fo.write(" ".join(w for w, _ in s) + "\t" + " ".join(codes(lp_all[starts[i] : starts[i + 1]])) + "\n")
    if test:
        te = read(test[0])
        tl = [len(s) for s in te]
        Xte = (feats(test[1], lay, ctx, tl) - mu) / sd
        lin = train_probe(X, y)
        lp = predict(lin, Xte)
        ts = np.cumsum([0] + tl)
        with open(prefix + ".test.codes", "w") as fo:
            for i, s in enumerate(te):
                fo.write(" ".join(w for w, _ in s) + "\t" + " ".join(codes(lp[ts[i] : ts[i + 1]])) + "\n")


if __name__ == "__main__":
    main()
