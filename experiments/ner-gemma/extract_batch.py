"""Batched variant of extract.py (always echo): sentences sorted by length, right-padded batches of
at most MAX_BATCH_TOKENS tokens (default 2048; 512 was the fastest here). Attention is causal, so
padding after a sentence never changes its states: on 40 test sentences the states equal
extract.py's up to float16 rounding (largest difference 0.016, mean magnitude 3.2). Same output
layout as extract.py. About 360 tokens/s on 2 cores, twice extract.py's rate.

usage: extract_batch.py MODEL_DIR CONLL OUT.npz [LAYERS] [MAX_BATCH_TOKENS]
MODEL_DIR needs hf/ (the tokenizer extract.py saves on its first run). LIMIT=N takes the first N
sentences only; THREADS=N sets torch's threads (default 2).
"""
import os, sys, time
import numpy as np
import torch
from transformers import AutoTokenizer, AutoModelForCausalLM

torch.set_num_threads(int(os.environ.get("THREADS", "2")))
d, src, out = sys.argv[1], sys.argv[2], sys.argv[3]
layers = [int(x) for x in (sys.argv[4] if len(sys.argv) > 4 else "12").split(",")]
budget = int(sys.argv[5]) if len(sys.argv) > 5 else 2048
g = "gemma-3-270m-q4_k_m.gguf"
tok = AutoTokenizer.from_pretrained(os.path.join(d, "hf"))
model = AutoModelForCausalLM.from_pretrained(d, gguf_file=g, dtype=torch.float32)
model.eval()
base = model.model
base.layers = base.layers[: max(layers)]
pad = tok.pad_token_id if tok.pad_token_id is not None else 0


def sentences(path):
    cur = []
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line:
            if cur:
                yield cur
                cur = []
            continue
        cur.append(line.rsplit(None, 1)[0])
    if cur:
        yield cur


sents = list(sentences(src))
lim = int(os.environ.get("LIMIT", "0"))
if lim:
    sents = sents[:lim]
print(len(sents), "sentences", sum(map(len, sents)), "words", file=sys.stderr)
prep = []
for words in sents:
    text = " ".join(words)
    spans, p = [], 0
    for w in words:
        spans.append((p, p + len(w)))
        p += len(w) + 1
    enc = tok(text + "\n" + text, return_offsets_mapping=True, add_special_tokens=True)
    ids = enc["input_ids"][:1024]
    off2 = len(text) + 1
    last = [len(ids) - 1] * len(words)
    for ti, (a, b) in enumerate(enc["offset_mapping"][: len(ids)]):
        if b <= a or a - off2 < 0:
            continue
        a2, b2 = a - off2, b - off2
        for wi, (x, y) in enumerate(spans):
            if a2 < y and b2 > x:
                last[wi] = ti
    prep.append((ids, last))
order = sorted(range(len(sents)), key=lambda i: len(prep[i][0]))
res = [None] * len(sents)
t0 = time.time()
ntok = 0
k = 0
done = 0
while k < len(order):
    j = k
    while j < len(order) and (j - k + 1) * len(prep[order[j]][0]) <= budget:
        j += 1
    j = max(j, k + 1)
    batch = order[k:j]
    T = max(len(prep[i][0]) for i in batch)
    ids = torch.full((len(batch), T), pad, dtype=torch.long)
    for r, i in enumerate(batch):
        ids[r, : len(prep[i][0])] = torch.tensor(prep[i][0])
        ntok += len(prep[i][0])
    with torch.no_grad():
        hs = base(input_ids=ids, output_hidden_states=True).hidden_states
    for r, i in enumerate(batch):
        last = prep[i][1]
        res[i] = np.stack([hs[l][r, last].numpy() for l in layers], 1).astype(np.float16)
    done += len(batch)
    k = j
    if done % 200 < len(batch):
        el = time.time() - t0
        print(f"{done}/{len(sents)} {ntok} tokens {ntok/max(el,1e-9):.0f} tok/s", file=sys.stderr)
np.savez(out, feats=np.concatenate(res), layers=np.array(layers), lens=np.array([len(s) for s in sents]))
print("done", time.time() - t0, "s", ntok, "tokens", file=sys.stderr)
