//! A small character-level neural scorer for words the perceptron has not seen: hashed character
//! n-gram embeddings of a word and its ±1 neighbours → one hidden layer (a rational tanh) → scores
//! of the 9 tags.
//! Its binned output becomes perceptron features (see `features::features`), jack-knifed in
//! training like the first stage, so the perceptron learns how far to trust it on unseen words.

use crate::features::hash_bytes;
use crate::tags::N_TAGS;
use marsad_text::{fold_char, NormalizeOptions};

/// Settings of the scorer (sizes are stored in the model file).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CharNetConfig {
    /// Passes over the training data (0 = no scorer).
    pub epochs: usize,
    /// Embedding table of `2^bits` rows.
    pub bits: u32,
    /// Embedding width.
    pub dim: usize,
    /// Hidden units.
    pub hidden: usize,
    /// Learning rate of the dense layers (the embeddings use `emb_rate` times as much).
    pub rate: f32,
    /// Factor on the learning rate of embedding rows.
    pub emb_rate: f32,
}

impl Default for CharNetConfig {
    fn default() -> Self {
        CharNetConfig {
            epochs: 0,
            bits: 15,
            dim: 24,
            hidden: 32,
            rate: 0.02,
            emb_rate: 8.0,
        }
    }
}

/// Trained parameters.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct CharNet {
    bits: u32,
    dim: usize,
    hidden: usize,
    /// `2^bits × dim` embedding rows.
    emb: Vec<f32>,
    /// `3·dim × hidden`, input-major, so both passes run along contiguous hidden vectors.
    w1: Vec<f32>,
    b1: Vec<f32>,
    /// `N_TAGS × hidden`, row-major.
    w2: Vec<f32>,
    b2: Vec<f32>,
}

/// Reusable buffers of [`CharNet::codes`].
#[derive(Debug, Default)]
pub(crate) struct NetScratch {
    norm: String,
    chars: Vec<char>,
    grams: Vec<u32>,
    offs: Vec<usize>,
    embs: Vec<f32>,
    z: Vec<f32>,
    h: Vec<f32>,
}

/// Width of the contexts the hidden layer sees (the word and its ±1 neighbours).
const CTX: usize = 3;

/// One training sentence: n-gram buckets of every token (with offsets) and gold tag indices.
pub(crate) struct NetSentence {
    grams: Vec<u32>,
    offs: Vec<usize>,
    gold: Vec<usize>,
}

impl NetSentence {
    /// Buckets of the tokens of one sentence.
    pub(crate) fn new(tokens: &[&str], gold: Vec<usize>, bits: u32, sc: &mut NetScratch) -> Self {
        sc.grams.clear();
        sc.offs.clear();
        token_grams(tokens, bits, sc);
        NetSentence {
            grams: sc.grams.clone(),
            offs: sc.offs.clone(),
            gold,
        }
    }
}

/// Appends the n-gram buckets of every token plus the edge padding to `sc.grams`, with
/// `sc.offs` holding `n + 3` offsets: pad, tokens…, pad (end offsets follow each start).
fn token_grams(tokens: &[&str], bits: u32, sc: &mut NetScratch) {
    let shift = 64 - bits;
    let pad = (hash_bytes(b"\x00pad") >> shift) as u32;
    sc.offs.push(sc.grams.len());
    sc.grams.push(pad);
    let opts = NormalizeOptions::default();
    for tok in tokens {
        sc.offs.push(sc.grams.len());
        sc.norm.clear();
        sc.norm
            .extend(tok.chars().filter_map(|c| fold_char(c, opts)));
        sc.chars.clear();
        sc.chars.push('^');
        sc.chars.extend(sc.norm.chars());
        sc.chars.push('$');
        // The whole word is one feature, its character 1–4-grams (with edge marks) the others.
        sc.grams
            .push((hash_bytes(sc.norm.as_bytes()).rotate_left(17) >> shift) as u32);
        let mut buf = [0u8; 16];
        let m = sc.chars.len();
        for n in 1..=4usize {
            if n > m {
                break;
            }
            for s in 0..=m - n {
                if n == 1 && (s == 0 || s == m - 1) {
                    continue;
                }
                let mut len = 0;
                for &c in &sc.chars[s..s + n] {
                    len += c.encode_utf8(&mut buf[len..]).len();
                }
                sc.grams.push((hash_bytes(&buf[..len]) >> shift) as u32);
            }
        }
    }
    sc.offs.push(sc.grams.len());
    sc.grams.push(pad);
    sc.offs.push(sc.grams.len());
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// Uniform in `[-a, a]`.
    fn uniform(&mut self, a: f32) -> f32 {
        ((self.next() >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0) * a
    }
}

/// Activation: the Padé approximant of tanh, `x(27 + x²)/(27 + 9x²)`, clamped at ±3 where it
/// reaches ±1 (a few times cheaper than `tanh` and vectorisable: tagging speed matters).
#[inline]
fn act(z: f32) -> f32 {
    let x = z.clamp(-3.0, 3.0);
    let x2 = x * x;
    x * (27.0 + x2) / (27.0 + 9.0 * x2)
}

/// Derivative of [`act`]: `9(9 − x²)² / (27 + 9x²)²`, 0 beyond ±3.
#[inline]
fn act_grad(z: f32) -> f32 {
    let x = z.clamp(-3.0, 3.0);
    let x2 = x * x;
    let d = 27.0 + 9.0 * x2;
    9.0 * (9.0 - x2) * (9.0 - x2) / (d * d)
}

/// Code of the scorer's best tag and its probability (4 bands); 1..=36.
fn best_code(p: &[f32]) -> u64 {
    let t = (0..N_TAGS).fold(0, |b, i| if p[i] > p[b] { i } else { b });
    let band = match p[t] {
        x if x < 0.5 => 0,
        x if x < 0.7 => 1,
        x if x < 0.9 => 2,
        _ => 3,
    };
    1 + (t as u64) * 4 + band
}

/// Code of the entity probability (5 bands) and, above the lowest band, the likeliest type.
fn entity_code(p: &[f32]) -> u64 {
    let pe = 1.0 - p[0];
    let band = match pe {
        x if x < 0.05 => 0,
        x if x < 0.2 => 1,
        x if x < 0.5 => 2,
        x if x < 0.8 => 3,
        _ => 4,
    };
    if band == 0 {
        return 1;
    }
    let ty = (0..4).fold(0, |b, k| {
        if p[1 + 2 * k] + p[2 + 2 * k] > p[1 + 2 * b] + p[2 + 2 * b] {
            k
        } else {
            b
        }
    });
    2 + (ty as u64) * 4 + (band - 1)
}

impl CharNet {
    fn init(cfg: &CharNetConfig, seed: u64) -> CharNet {
        let mut rng = Rng(seed | 1);
        let fan1 = (6.0 / (CTX * cfg.dim + cfg.hidden) as f32).sqrt();
        let fan2 = (6.0 / (cfg.hidden + N_TAGS) as f32).sqrt();
        CharNet {
            bits: cfg.bits,
            dim: cfg.dim,
            hidden: cfg.hidden,
            // Zero rows: the random first layer carries the gradient into them, and rows never
            // trained stay exactly zero.
            emb: vec![0.0; (1usize << cfg.bits) * cfg.dim],
            w1: {
                // Drawn hidden-major, stored input-major.
                let w = CTX * cfg.dim;
                let drawn: Vec<f32> = (0..cfg.hidden * w).map(|_| rng.uniform(fan1)).collect();
                (0..w * cfg.hidden)
                    .map(|i| drawn[(i % cfg.hidden) * w + i / cfg.hidden])
                    .collect()
            },
            b1: vec![0.0; cfg.hidden],
            w2: (0..N_TAGS * cfg.hidden)
                .map(|_| rng.uniform(fan2))
                .collect(),
            b2: vec![0.0; N_TAGS],
        }
    }

    /// Mean embedding of every padded position (pad, tokens…, pad) into `embs`.
    fn embed_all(&self, grams: &[u32], offs: &[usize], embs: &mut Vec<f32>) {
        let d = self.dim;
        let npos = offs.len() - 1;
        embs.clear();
        embs.resize(npos * d, 0.0);
        for j in 0..npos {
            let g = &grams[offs[j]..offs[j + 1]];
            let e = &mut embs[j * d..(j + 1) * d];
            for &b in g {
                let row = &self.emb[b as usize * d..(b as usize + 1) * d];
                for (x, y) in e.iter_mut().zip(row) {
                    *x += y;
                }
            }
            let inv = 1.0 / g.len().max(1) as f32;
            e.iter_mut().for_each(|x| *x *= inv);
        }
    }

    /// Tag probabilities of token `i` (padded positions `i..i+3`) into `p`; hidden values into
    /// `h`, their inputs into `z`.
    #[inline]
    fn forward(&self, embs: &[f32], i: usize, z: &mut [f32], h: &mut [f32], p: &mut [f32; N_TAGS]) {
        let w = CTX * self.dim;
        let x = &embs[i * self.dim..i * self.dim + w];
        // Blocks of 16 hidden units accumulate in registers; the sum order per unit is the
        // same as a plain loop (bias, then inputs in order), so results do not depend on it.
        let hid = self.hidden;
        let mut kb = 0;
        while kb + 16 <= hid {
            let mut acc = [0f32; 16];
            acc.copy_from_slice(&self.b1[kb..kb + 16]);
            for (j, &xj) in x.iter().enumerate() {
                let col = &self.w1[j * hid + kb..j * hid + kb + 16];
                for (a, c) in acc.iter_mut().zip(col) {
                    *a += xj * c;
                }
            }
            z[kb..kb + 16].copy_from_slice(&acc);
            kb += 16;
        }
        for (k, zk) in z.iter_mut().enumerate().take(hid).skip(kb) {
            let mut a = self.b1[k];
            for (j, &xj) in x.iter().enumerate() {
                a += xj * self.w1[j * hid + k];
            }
            *zk = a;
        }
        for (hk, &zk) in h.iter_mut().zip(z.iter()) {
            *hk = act(zk);
        }
        let mut max = f32::MIN;
        for (t, pt) in p.iter_mut().enumerate() {
            let row = &self.w2[t * self.hidden..(t + 1) * self.hidden];
            *pt = row.iter().zip(h.iter()).map(|(a, b)| a * b).sum::<f32>() + self.b2[t];
            max = max.max(*pt);
        }
        let mut sum = 0.0;
        for pt in p.iter_mut() {
            *pt = (*pt - max).exp();
            sum += *pt;
        }
        p.iter_mut().for_each(|x| *x /= sum);
    }

    /// Feature codes of every token of a sentence: `[best tag × band, entity type × band]`.
    pub(crate) fn codes(&self, tokens: &[&str], sc: &mut NetScratch, out: &mut Vec<[u64; 2]>) {
        out.clear();
        sc.grams.clear();
        sc.offs.clear();
        token_grams(tokens, self.bits, sc);
        let mut embs = std::mem::take(&mut sc.embs);
        self.embed_all(&sc.grams, &sc.offs, &mut embs);
        sc.h.resize(self.hidden, 0.0);
        sc.z.resize(self.hidden, 0.0);
        let mut p = [0f32; N_TAGS];
        for i in 0..tokens.len() {
            self.forward(&embs, i, &mut sc.z, &mut sc.h, &mut p);
            out.push([best_code(&p), entity_code(&p)]);
        }
        sc.embs = embs;
    }

    /// Token accuracy and entity-token recall of the scorer on sentences.
    #[cfg(test)]
    fn accuracy(&self, data: &[&NetSentence]) -> (f64, f64) {
        let (mut ok, mut n, mut ent_ok, mut ent) = (0usize, 0usize, 0usize, 0usize);
        let mut embs = Vec::new();
        let mut h = vec![0.0; self.hidden];
        let mut z = vec![0.0; self.hidden];
        let mut p = [0f32; N_TAGS];
        for s in data {
            self.embed_all(&s.grams, &s.offs, &mut embs);
            for (i, &g) in s.gold.iter().enumerate() {
                self.forward(&embs, i, &mut z, &mut h, &mut p);
                let t = (0..N_TAGS).fold(0, |b, k| if p[k] > p[b] { k } else { b });
                ok += (t == g) as usize;
                n += 1;
                if g != 0 {
                    ent += 1;
                    ent_ok += (t == g) as usize;
                }
            }
        }
        (
            ok as f64 / n.max(1) as f64,
            ent_ok as f64 / ent.max(1) as f64,
        )
    }

    /// Trains by plain SGD on softmax cross-entropy, sentences in a seeded shuffle per epoch
    /// (deterministic: the same data and seed give identical weights).
    pub(crate) fn train(data: &[&NetSentence], cfg: &CharNetConfig, seed: u64) -> CharNet {
        let mut net = CharNet::init(cfg, seed);
        let (d, hid) = (net.dim, net.hidden);
        let w = CTX * d;
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut embs = Vec::new();
        let mut demb: Vec<f32> = Vec::new();
        let mut h = vec![0.0; hid];
        let mut z = vec![0.0; hid];
        let mut dz = vec![0.0; hid];
        let mut p = [0f32; N_TAGS];
        let total = (cfg.epochs * data.len()).max(1) as f32;
        let mut step = 0usize;
        for _ in 0..cfg.epochs {
            for i in (1..order.len()).rev() {
                order.swap(i, (rng.next() % (i as u64 + 1)) as usize);
            }
            for &si in &order {
                let s = data[si];
                // Linear decay to a tenth of the rate over training.
                let lr = cfg.rate * (1.0 - 0.9 * step as f32 / total);
                step += 1;
                net.embed_all(&s.grams, &s.offs, &mut embs);
                demb.clear();
                demb.resize(embs.len(), 0.0);
                for (i, &g) in s.gold.iter().enumerate() {
                    net.forward(&embs, i, &mut z, &mut h, &mut p);
                    p[g] -= 1.0;
                    // Backward through the output layer (before updating it).
                    for (k, dzk) in dz.iter_mut().enumerate() {
                        let mut dh = 0.0;
                        for (t, pt) in p.iter().enumerate() {
                            dh += net.w2[t * hid + k] * pt;
                        }
                        *dzk = dh * act_grad(z[k]);
                    }
                    for (t, pt) in p.iter().enumerate() {
                        let row = &mut net.w2[t * hid..(t + 1) * hid];
                        for (r, hk) in row.iter_mut().zip(&h) {
                            *r -= lr * pt * hk;
                        }
                        net.b2[t] -= lr * pt;
                    }
                    let x0 = i * d;
                    let dx = &mut demb[x0..x0 + w];
                    let x = &embs[x0..x0 + w];
                    for (j, (dxj, &xj)) in dx.iter_mut().zip(x).enumerate() {
                        let col = &mut net.w1[j * hid..(j + 1) * hid];
                        let mut acc = *dxj;
                        for (c, &dzk) in col.iter_mut().zip(dz.iter()) {
                            acc += *c * dzk;
                            *c -= lr * dzk * xj;
                        }
                        *dxj = acc;
                    }
                    for (b, &dzk) in net.b1.iter_mut().zip(dz.iter()) {
                        *b -= lr * dzk;
                    }
                }
                let elr = lr * cfg.emb_rate;
                for j in 0..s.offs.len() - 1 {
                    let g = &s.grams[s.offs[j]..s.offs[j + 1]];
                    let scale = elr / g.len().max(1) as f32;
                    let de = &demb[j * d..(j + 1) * d];
                    for &b in g {
                        let row = &mut net.emb[b as usize * d..(b as usize + 1) * d];
                        for (r, x) in row.iter_mut().zip(de) {
                            *r -= scale * x;
                        }
                    }
                }
            }
        }
        net
    }

    /// Appends the binary form (sizes, then every parameter as little-endian f32).
    pub(crate) fn write(&self, b: &mut Vec<u8>) {
        for v in [self.bits, self.dim as u32, self.hidden as u32] {
            b.extend_from_slice(&v.to_le_bytes());
        }
        for arr in [&self.emb, &self.w1, &self.b1, &self.w2, &self.b2] {
            for x in arr.iter() {
                b.extend_from_slice(&x.to_le_bytes());
            }
        }
    }

    /// Reads what [`CharNet::write`] wrote; `next` yields little-endian words, `None` when
    /// truncated.
    pub(crate) fn read(mut next: impl FnMut() -> Option<u32>) -> Option<CharNet> {
        let bits = next()?;
        let dim = next()? as usize;
        let hidden = next()? as usize;
        if !(4..=20).contains(&bits) || !(1..=128).contains(&dim) || !(1..=256).contains(&hidden) {
            return None;
        }
        let mut arr = |n: usize| -> Option<Vec<f32>> {
            let mut v = Vec::with_capacity(n);
            for _ in 0..n {
                let x = f32::from_bits(next()?);
                if !x.is_finite() {
                    return None;
                }
                v.push(x);
            }
            Some(v)
        };
        Some(CharNet {
            bits,
            dim,
            hidden,
            emb: arr((1usize << bits) * dim)?,
            w1: arr(hidden * CTX * dim)?,
            b1: arr(hidden)?,
            w2: arr(N_TAGS * hidden)?,
            b2: arr(N_TAGS)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_cover_every_token_and_padding() {
        let mut sc = NetScratch::default();
        let toks = ["قال", "الرئيس", "توكاييف"];
        token_grams(&toks, 15, &mut sc);
        assert_eq!(sc.offs.len(), toks.len() + 3);
        // "^قال$": whole word + 3 unigrams + 4 bigrams + 3 trigrams + 2 four-grams.
        assert_eq!(sc.offs[2] - sc.offs[1], 1 + 3 + 4 + 3 + 2);
        assert!(sc.grams.iter().all(|&g| g < 1 << 15));
    }

    #[test]
    fn activation_is_a_tanh_with_its_derivative() {
        for i in -50..=50 {
            let z = i as f32 / 10.0;
            assert!((act(z) - z.tanh()).abs() < 0.03, "{z}");
            let num = (act(z + 1e-3) - act(z - 1e-3)) / 2e-3;
            assert!(
                (act_grad(z) - num).abs() < 1e-2,
                "{z}: {} vs {num}",
                act_grad(z)
            );
        }
        assert_eq!(act(7.0), 1.0);
        assert_eq!(act_grad(-7.0), 0.0);
    }

    #[test]
    fn learns_real_sentences() {
        // Tag indices: 0 O, 1 B-PER, 2 I-PER, 5 B-LOC.
        let data: [(&[&str], Vec<usize>); 2] = [
            (
                &[
                    "قال",
                    "الرئيس",
                    "قاسم",
                    "جومارت",
                    "توكاييف",
                    "إن",
                    "كازاخستان",
                    "تواجه",
                ],
                vec![0, 0, 1, 2, 2, 0, 5, 0],
            ),
            (
                &["وصل", "توكاييف", "إلى", "موسكو", "أمس"],
                vec![0, 1, 0, 5, 0],
            ),
        ];
        let cfg = CharNetConfig {
            epochs: 60,
            bits: 12,
            dim: 8,
            hidden: 16,
            rate: 0.05,
            ..CharNetConfig::default()
        };
        let mut sc = NetScratch::default();
        let sents: Vec<NetSentence> = data
            .iter()
            .map(|(t, g)| NetSentence::new(t, g.clone(), cfg.bits, &mut sc))
            .collect();
        let refs: Vec<&NetSentence> = sents.iter().collect();
        let untrained = CharNet::init(&cfg, 3).accuracy(&refs);
        let (acc, ent) = CharNet::train(&refs, &cfg, 3).accuracy(&refs);
        assert!(
            acc > 0.9 && ent > 0.8,
            "{acc} {ent} (untrained {untrained:?})"
        );
    }

    #[test]
    fn codes_are_in_range() {
        let cfg = CharNetConfig {
            epochs: 1,
            bits: 10,
            dim: 4,
            hidden: 5,
            ..CharNetConfig::default()
        };
        let mut sc = NetScratch::default();
        let s = NetSentence::new(&["قال", "توكاييف"], vec![0, 1], cfg.bits, &mut sc);
        let net = CharNet::train(&[&s], &cfg, 7);
        let mut out = Vec::new();
        net.codes(&["قال", "توكاييف", "."], &mut sc, &mut out);
        assert_eq!(out.len(), 3);
        for [a, b] in out {
            assert!((1..=36).contains(&a));
            assert!((1..=17).contains(&b));
        }
    }
}
