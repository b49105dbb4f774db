//! Averaged structured perceptron training with Viterbi decoding.

use crate::clusters::Clusters;
use crate::conll::Sentence;
use crate::eval::{score, Scores};
use crate::features::{features, Scratch, N_LEXICAL};
use crate::lexicon::Lexicon;
use crate::model::{viterbi, Model, N_TRANS, START};
use crate::tags::{NerLabel, Tag, N_TAGS};
use crate::{Gazetteer, NerError, Tagger};

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the per-epoch shuffle; the same seed and data give a bit-identical model.
    pub seed: u64,
    /// Feature hash width: `2^hash_bits` buckets.
    pub hash_bits: u32,
    /// Word clusters to use as features (may be empty).
    pub clusters: Clusters,
    /// Name lexicon to use as features (may be empty).
    pub lexicon: Lexicon,
    /// Probability (per token and epoch) of hiding the word-identity features while training, so
    /// the context, cluster, affix and lexicon features learn to recognise unseen names.
    pub word_dropout: f64,
    /// Penalty on the `O` tag at decoding; `None` tunes it on the dev set (0 without dev).
    pub o_bias: Option<f32>,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 12,
            seed: 0x6d61_7273_6164,
            hash_bits: 20,
            clusters: Clusters::default(),
            lexicon: Lexicon::default(),
            word_dropout: 0.0,
            o_bias: Some(0.0),
        }
    }
}

/// What happened in one epoch.
#[derive(Debug, Clone)]
pub struct EpochReport {
    /// 1-based epoch number.
    pub epoch: usize,
    /// Training tokens mis-tagged during the epoch (before each update).
    pub train_token_errors: usize,
    /// Scores of the averaged model on the dev set so far, if a dev set was given.
    pub dev: Option<Scores>,
}

struct Prepared {
    feats: Vec<u32>,
    /// Start offset into `feats` of each token, plus the end.
    offs: Vec<u32>,
    gold: Vec<usize>,
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: tiny, deterministic everywhere.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

fn prepare(
    s: &Sentence,
    cfg: &TrainConfig,
    bits: u32,
    gaz: Option<&dyn Gazetteer>,
    sc: &mut Scratch,
) -> Prepared {
    let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
    let g = gaz.map(|g| {
        let mut v = vec![None; toks.len()];
        g.annotate(&toks, &mut v);
        v
    });
    sc.prepare(&toks, &cfg.clusters, &cfg.lexicon, g.as_deref());
    let mut feats = Vec::with_capacity(toks.len() * 36);
    let mut offs = Vec::with_capacity(toks.len() + 1);
    for i in 0..toks.len() {
        offs.push(feats.len() as u32);
        features(&sc.infos, i, bits, &mut feats);
    }
    offs.push(feats.len() as u32);
    Prepared {
        feats,
        offs,
        gold: s.tags.iter().map(|t| t.index()).collect(),
    }
}

struct Learner {
    w: Vec<i32>,
    acc: Vec<i64>,
    tw: [i32; N_TRANS],
    tacc: [i64; N_TRANS],
    c: i64,
}

impl Learner {
    #[inline]
    fn upd(&mut self, k: usize, d: i32) {
        self.w[k] += d;
        self.acc[k] += self.c * d as i64;
    }
    #[inline]
    fn upd_t(&mut self, k: usize, d: i32) {
        self.tw[k] += d;
        self.tacc[k] += self.c * d as i64;
    }

    fn averaged(&self, bits: u32, cfg: &TrainConfig, uses_gazetteer: bool) -> Model {
        let c = self.c as f64;
        let avg = |w: i32, a: i64| (w as f64 - a as f64 / c) as f32;
        let w = self
            .w
            .iter()
            .zip(&self.acc)
            .map(|(&w, &a)| avg(w, a))
            .collect();
        let mut trans = [0f32; N_TRANS];
        for (k, t) in trans.iter_mut().enumerate() {
            *t = avg(self.tw[k], self.tacc[k]);
        }
        Model {
            bits,
            w,
            trans,
            clusters: cfg.clusters.clone(),
            lexicon: cfg.lexicon.clone(),
            uses_gazetteer,
            o_bias: cfg.o_bias.unwrap_or(0.0),
        }
    }
}

/// Trains a tagger; `on_epoch` is called after every epoch (for progress and dev scores).
pub fn train(
    data: &[Sentence],
    dev: Option<&[Sentence]>,
    cfg: &TrainConfig,
    gaz: Option<&dyn Gazetteer>,
    mut on_epoch: impl FnMut(&EpochReport),
) -> Result<Tagger, NerError> {
    if data.iter().all(|s| s.tokens.is_empty()) {
        return Err(NerError::EmptyTrainingData);
    }
    if !(8..=24).contains(&cfg.hash_bits) {
        return Err(NerError::Model(format!(
            "hash_bits {} outside 8..=24",
            cfg.hash_bits
        )));
    }
    let bits = cfg.hash_bits;
    let mut sc = Scratch::default();
    let prepared: Vec<Prepared> = data
        .iter()
        .filter(|s| !s.tokens.is_empty() && s.tokens.len() == s.tags.len())
        .map(|s| prepare(s, cfg, bits, gaz, &mut sc))
        .collect();
    let size = (1usize << bits) * N_TAGS;
    let mut l = Learner {
        w: vec![0; size],
        acc: vec![0; size],
        tw: [0; N_TRANS],
        tacc: [0; N_TRANS],
        c: 1,
    };
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = Rng(cfg.seed | 1);
    let mut em: Vec<f32> = Vec::new();
    let mut pred: Vec<usize> = Vec::new();
    let mut back: Vec<u8> = Vec::new();
    let mut skip: Vec<u32> = Vec::new();
    let mut trans_f = [0f32; N_TRANS];
    let mut last: Option<Tagger> = None;
    for epoch in 1..=cfg.epochs.max(1) {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut errors = 0usize;
        for &si in &order {
            let p = &prepared[si];
            let n = p.gold.len();
            // Per-token start of the features in use: past the lexical ones when dropped.
            skip.clear();
            skip.extend((0..n).map(|_| {
                let r = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
                if r < cfg.word_dropout {
                    N_LEXICAL as u32
                } else {
                    0
                }
            }));
            em.clear();
            em.resize(n * N_TAGS, 0.0);
            for i in 0..n {
                let row = &mut em[i * N_TAGS..(i + 1) * N_TAGS];
                for &f in &p.feats[(p.offs[i] + skip[i]) as usize..p.offs[i + 1] as usize] {
                    let base = f as usize * N_TAGS;
                    for (r, &w) in row.iter_mut().zip(&l.w[base..base + N_TAGS]) {
                        *r += w as f32;
                    }
                }
            }
            for (k, t) in trans_f.iter_mut().enumerate() {
                *t = l.tw[k] as f32;
            }
            viterbi(&em, &trans_f, &mut pred, &mut back);
            if pred != p.gold {
                for i in 0..n {
                    let (g, y) = (p.gold[i], pred[i]);
                    if g != y {
                        errors += 1;
                        for &f in &p.feats[(p.offs[i] + skip[i]) as usize..p.offs[i + 1] as usize] {
                            let base = f as usize * N_TAGS;
                            l.upd(base + g, 1);
                            l.upd(base + y, -1);
                        }
                    }
                    let pg = if i == 0 { START } else { p.gold[i - 1] };
                    let py = if i == 0 { START } else { pred[i - 1] };
                    if (pg, g) != (py, y) {
                        l.upd_t(pg * N_TAGS + g, 1);
                        l.upd_t(py * N_TAGS + y, -1);
                    }
                }
            }
            l.c += 1;
        }
        let need_model = dev.is_some() || epoch == cfg.epochs.max(1);
        let tagger = need_model.then(|| Tagger {
            model: l.averaged(bits, cfg, gaz.is_some()),
        });
        let dev_scores = match (dev, &tagger) {
            (Some(d), Some(t)) => Some(evaluate(t, d, gaz, &NerLabel::ALL)),
            _ => None,
        };
        on_epoch(&EpochReport {
            epoch,
            train_token_errors: errors,
            dev: dev_scores,
        });
        last = tagger;
    }
    let mut tagger = last.ok_or(NerError::EmptyTrainingData)?;
    if let (None, Some(d)) = (cfg.o_bias, dev) {
        let mut best = (f64::NEG_INFINITY, 0.0f32);
        for k in 0..=24 {
            let b = k as f32;
            tagger.model.o_bias = b;
            let f = evaluate(&tagger, d, gaz, &NerLabel::ALL).overall.f1();
            if f > best.0 + 1e-9 {
                best = (f, b);
            }
        }
        tagger.model.o_bias = best.1;
    }
    Ok(tagger)
}

/// Tags every sentence of `data` and scores it against its gold tags.
pub fn evaluate(
    tagger: &Tagger,
    data: &[Sentence],
    gaz: Option<&dyn Gazetteer>,
    keep: &[NerLabel],
) -> Scores {
    let (gold, pred) = tag_all(tagger, data, gaz);
    score(&gold, &pred, keep)
}

/// Tags every sentence; returns (gold, predicted) tag sequences.
pub fn tag_all(
    tagger: &Tagger,
    data: &[Sentence],
    gaz: Option<&dyn Gazetteer>,
) -> (Vec<Vec<Tag>>, Vec<Vec<Tag>>) {
    let mut gold = Vec::with_capacity(data.len());
    let mut pred = Vec::with_capacity(data.len());
    for s in data {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        pred.push(tagger.tag_with(&toks, gaz));
        gold.push(s.tags.clone());
    }
    (gold, pred)
}
