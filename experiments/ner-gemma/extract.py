"""Per-word hidden states of Gemma-3-270M for CoNLL sentences (echo: the sentence is fed twice and
the second copy's states are kept, so each word has seen the whole sentence).

usage: extract.py MODEL_DIR CONLL OUT.npz [LAYERS]   (LAYERS default 4,8,12; ECHO=0 turns echo off)

MODEL_DIR holds gemma-3-270m-q4_k_m.gguf (fetch_model.sh). Word i of a sentence gets the states,
after each of LAYERS, of the last sub-word token that overlaps it in the second copy. Layers
above the highest one asked for are not run. One sentence at a time, two threads.
"""
import os, sys, time
import numpy as np
import torch
from transformers import AutoTokenizer, AutoModelForCausalLM

torch.set_num_threads(2)
d, src, out = sys.argv[1], sys.argv[2], sys.argv[3]
layers = [int(x) for x in (sys.argv[4] if len(sys.argv) > 4 else "4,8,12").split(",")]
g = "gemma-3-270m-q4_k_m.gguf"
hf = os.path.join(d, "hf")
if not os.path.exists(os.path.join(hf, "tokenizer.json")):
    # Converting the GGUF vocabulary takes a minute and a half; keep it.
    AutoTokenizer.from_pretrained(d, gguf_file=g).save_pretrained(hf)
tok = AutoTokenizer.from_pretrained(hf)
model = AutoModelForCausalLM.from_pretrained(d, gguf_file=g, dtype=torch.float32)
model.eval()
base = model.model
maxl = max(layers)
base.layers = base.layers[:maxl]
echo = int(os.environ.get("ECHO", "1"))
print("loaded", file=sys.stderr)


def sentences(path):
    cur = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\r\n")
        if not line.strip():
            if cur:
                yield cur
                cur = []
            continue
        t, _tag = line.strip().rsplit(None, 1) if (" " in line.strip() or "\t" in line.strip()) else (None, None)
        cur.append(t.strip())
    if cur:
        yield cur


sents = list(sentences(src))
print(len(sents), "sentences", sum(map(len, sents)), "words", file=sys.stderr)
feats = []  # per word: [len(layers), 640] float16
t0 = time.time()
ntok = 0
for si, words in enumerate(sents):
    # character span of every word in the sentence text
    text = " ".join(words)
    spans = []
    p = 0
    for w in words:
        spans.append((p, p + len(w)))
        p += len(w) + 1
    full = text + "\n" + text if echo else text
    off2 = len(text) + 1 if echo else 0
    enc = tok(full, return_offsets_mapping=True, add_special_tokens=True, return_tensors="pt")
    offs = enc["offset_mapping"][0].tolist()
    ids = enc["input_ids"][:, :1024]
    ntok += ids.shape[1]
    with torch.no_grad():
        o = base(input_ids=ids, output_hidden_states=True)
    hs = o.hidden_states  # tuple of (1, T, 640), index 0 = embeddings
    # last subword token whose span ends inside the word (second copy)
    last = [None] * len(words)
    for ti, (a, b) in enumerate(offs):
        if ti >= ids.shape[1] or b <= a:
            continue
        a2, b2 = a - off2, b - off2
        if a2 < 0:
            continue
        for wi, (x, y) in enumerate(spans):
            if a2 < y and b2 > x:
                last[wi] = ti
    for wi in range(len(words)):
        ti = last[wi]
        if ti is None:
            ti = ids.shape[1] - 1
        feats.append(np.stack([hs[l][0, ti].numpy() for l in layers]).astype(np.float16))
    if si % 200 == 0:
        el = time.time() - t0
        print(f"{si}/{len(sents)} {ntok} tokens {ntok/max(el,1e-9):.0f} tok/s", file=sys.stderr)
np.savez(out, feats=np.stack(feats), layers=np.array(layers), lens=np.array([len(s) for s in sents]))
print("done", time.time() - t0, "s", ntok, "tokens", file=sys.stderr)
