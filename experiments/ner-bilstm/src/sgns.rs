//! Skip-gram with negative sampling (word2vec) over the ANT news text.
use std::collections::HashMap;

pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn unif(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

pub fn norm_token(t: &str) -> String {
    let n = marsad_text::normalize_str(t);
    n.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

pub fn corpus_docs(path: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = Vec::new();
    for line in text.lines() {
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(_) => continue,
        };
        let mut s = String::new();
        for k in ["title", "abstract", "text"] {
            if let Some(t) = v.get(k).and_then(|x| x.as_str()) {
                s.push_str(t);
                s.push('\n');
            }
        }
        out.push(s);
    }
    out
}

pub fn train(path: &str, out: &str, dim: usize, epochs: usize) {
    let docs = corpus_docs(path);
    let mut counts: HashMap<String, u64> = HashMap::new();
    let mut toks: Vec<Vec<String>> = Vec::new();
    for d in &docs {
        let t: Vec<String> = marsad_ner::tokenize(d)
            .into_iter()
            .map(|(a, b)| norm_token(&d[a..b]))
            .collect();
        for w in &t {
            *counts.entry(w.clone()).or_default() += 1;
        }
        toks.push(t);
    }
    let mut vocab: Vec<(String, u64)> = counts.into_iter().filter(|(_, c)| *c >= 3).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    vocab.truncate(150_000);
    let idx: HashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (w.as_str(), i as u32))
        .collect();
    let total: u64 = vocab.iter().map(|x| x.1).sum();
    let ids: Vec<Vec<u32>> = toks
        .iter()
        .map(|t| {
            t.iter()
                .filter_map(|w| idx.get(w.as_str()).copied())
                .collect()
        })
        .collect();
    eprintln!("sgns: {} words, {} tokens", vocab.len(), total);
    // Negative table.
    let tsize = 10_000_000usize;
    let pw: Vec<f64> = vocab.iter().map(|x| (x.1 as f64).powf(0.75)).collect();
    let z: f64 = pw.iter().sum();
    let mut table = Vec::with_capacity(tsize);
    let mut acc = 0.0;
    let mut i = 0usize;
    for k in 0..tsize {
        let target = (k as f64 + 0.5) / tsize as f64;
        while acc + pw[i] / z < target && i + 1 < pw.len() {
            acc += pw[i] / z;
            i += 1;
        }
        table.push(i as u32);
    }
    let v = vocab.len();
    let mut rng = Rng(0x9E3779B97F4A7C15);
    let mut win: Vec<f32> = (0..v * dim)
        .map(|_| (rng.unif() - 0.5) / dim as f32)
        .collect();
    let mut wout = vec![0f32; v * dim];
    let keep: Vec<f32> = vocab
        .iter()
        .map(|x| {
            let f = x.1 as f64 / total as f64;
            (((f / 1e-4).sqrt() + 1.0) * 1e-4 / f).min(1.0) as f32
        })
        .collect();
    let lr0 = 0.025f32;
    let steps_total = (total as f64 * epochs as f64) as f32;
    let mut done = 0f32;
    let mut grad = vec![0f32; dim];
    for ep in 0..epochs {
        for doc in &ids {
            done += doc.len() as f32;
            let lr = (lr0 * (1.0 - done / steps_total)).max(lr0 * 1e-4);
            let sent: Vec<u32> = doc
                .iter()
                .copied()
                .filter(|&w| rng.unif() < keep[w as usize])
                .collect();
            for (p, &w) in sent.iter().enumerate() {
                let b = 1 + (rng.next() % 5) as usize;
                let lo = p.saturating_sub(b);
                let hi = (p + b + 1).min(sent.len());
                for (q, &c) in sent.iter().enumerate().take(hi).skip(lo) {
                    if q == p {
                        continue;
                    }
                    // input vector: c (context word), predict w, as word2vec does.
                    let ci = c as usize * dim;
                    grad.iter_mut().for_each(|g| *g = 0.0);
                    for k in 0..6 {
                        let (t, label) = if k == 0 {
                            (w, 1.0f32)
                        } else {
                            let t = table[(rng.next() % tsize as u64) as usize];
                            if t == w {
                                continue;
                            }
                            (t, 0.0)
                        };
                        let ti = t as usize * dim;
                        let mut f = 0f32;
                        for d in 0..dim {
                            f += win[ci + d] * wout[ti + d];
                        }
                        let s = 1.0 / (1.0 + (-f.clamp(-6.0, 6.0)).exp());
                        let g = (label - s) * lr;
                        for d in 0..dim {
                            grad[d] += g * wout[ti + d];
                            wout[ti + d] += g * win[ci + d];
                        }
                    }
                    for d in 0..dim {
                        win[ci + d] += grad[d];
                    }
                }
            }
        }
        eprintln!("sgns epoch {} done", ep + 1);
    }
    let mut s = String::new();
    for (i, (w, _)) in vocab.iter().enumerate() {
        s.push_str(w);
        for d in 0..dim {
            s.push(' ');
            s.push_str(&format!("{:.5}", win[i * dim + d]));
        }
        s.push('\n');
    }
    std::fs::write(out, s).unwrap();
}
