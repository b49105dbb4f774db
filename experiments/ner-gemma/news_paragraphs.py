"""usage: news_paragraphs.py NEWS.jsonl EVERY > paragraphs.txt

Every EVERY-th article of a JSON Lines news file (`title`, `text`), one paragraph per line, for
`cargo run --release -p marsad-ner --example news_conll`. Whole articles, so that the tagger's
document stage sees each name's other mentions."""
import json
import sys

src, every = sys.argv[1], int(sys.argv[2])
with open(src, encoding="utf-8") as f:
    for i, line in enumerate(f):
        if i % every:
            continue
        d = json.loads(line)
        print(d.get("title", "").replace("\n", " "))
        for p in d.get("text", "").split("\n"):
            if p.strip():
                print(p.strip())
