//! Averaged structured perceptron training with Viterbi decoding.

use crate::charnn::{CharNet, CharNetConfig, NetScratch, NetSentence};
use crate::clusters::Clusters;
use crate::conll::Sentence;
use crate::eval::{score, Scores};
use crate::features::{doc_features, doc_infos, features, DocInfo, Scratch, N_LEXICAL};
use crate::lexicon::Lexicon;
use crate::model::{allowed, viterbi, DocStage, Model, Weights, N_TRANS, START};
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
    /// If > 1: add the training data's own entity words to the lexicon (bits per type), computed
    /// jack-knife style with this many folds so a sentence never sees its own entities.
    pub train_entity_folds: usize,
    /// If set, train a linear-chain CRF by L2-regularised SGD with this L2 coefficient `c2`
    /// (the regulariser is `c2/N · ‖w‖²`) instead of the averaged perceptron.
    pub crf_l2: Option<f64>,
    /// Two-stage tagging if > 0: a second perceptron also sees the first pass's labels of the
    /// same word within this many tokens on either side (document consistency).
    pub doc_window: usize,
    /// Second stage also sees the first pass's own tags (stacking).
    pub doc_stack: bool,
    /// Folds of the jack-knife that gives the second stage honest first-pass labels in training.
    pub doc_folds: usize,
    /// O penalty of the first pass when it feeds the second (fixed, so training and tagging agree).
    pub doc_first_bias: f32,
    /// Residual second stage: it adds document-feature weights to the first pass's scores
    /// instead of rescoring every feature (cheaper to tag).
    pub doc_residual: bool,
    /// Raw news documents for the self-trained lexicon (empty = off): the tagger labels them and
    /// each frequent word's majority entity type becomes a feature (jack-knifed in training).
    pub raw_texts: std::sync::Arc<Vec<String>>,
    /// Self-trained lexicon in use (set by training).
    pub auto: Lexicon,
    /// Perceptrons per model, trained with different shuffle seeds; their weights are averaged.
    pub ensemble: usize,
    /// Cost-augmented training (a margin): while learning, every wrong tag of a token gets this
    /// much extra score (`margin_o` times as much for `O` on an entity token), so updates continue until the
    /// gold sequence wins by a margin. 0 = the plain perceptron.
    pub margin: f32,
    /// Factor on the margin of `O` on an entity token (recall over precision when > 1).
    pub margin_o: f32,
    /// Wide-context features: words and coarse clusters at ±3, quotation context.
    pub wide: bool,
    /// Character-level neural scorer whose binned tag scores become features (epochs 0 = off).
    pub char_net: CharNetConfig,
    /// An outside scorer's codes in place of the character scorer's (experimental; the codes of
    /// training sentences must come from a scorer that did not see them).
    pub outside_codes: Option<std::sync::Arc<crate::OutsideCodes>>,
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
            crf_l2: None,
            train_entity_folds: 0,
            doc_window: 0,
            doc_stack: false,
            doc_folds: 5,
            doc_first_bias: 8.0,
            doc_residual: false,
            raw_texts: Default::default(),
            auto: Lexicon::default(),
            ensemble: 1,
            margin: 0.0,
            margin_o: 2.0,
            wide: false,
            char_net: CharNetConfig::default(),
            outside_codes: None,
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
    /// Document keys of the tokens (see `TokInfo::key`).
    keys: Vec<u64>,
    /// Fixed emission scores the features add to (residual second stage); empty = zeros.
    base: Vec<f32>,
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

// One call site per training phase; a parameter struct would only rename these.
#[allow(clippy::too_many_arguments)]
fn prepare(
    s: &Sentence,
    cfg: &TrainConfig,
    lexicon: &Lexicon,
    auto: &Lexicon,
    bits: u32,
    gaz: Option<&dyn Gazetteer>,
    sc: &mut Scratch,
    doc: Option<&[DocInfo]>,
    doc_only: bool,
    nn: Option<&[[u64; 2]]>,
) -> Prepared {
    let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
    let g = gaz.map(|g| {
        let mut v = vec![None; toks.len()];
        g.annotate(&toks, &mut v);
        v
    });
    sc.prepare(
        &toks,
        &cfg.clusters,
        lexicon,
        auto,
        g.as_deref(),
        doc,
        cfg.wide,
        nn,
    );
    let mut feats = Vec::with_capacity(toks.len() * 36);
    let mut offs = Vec::with_capacity(toks.len() + 1);
    for i in 0..toks.len() {
        offs.push(feats.len() as u32);
        if !doc_only {
            features(&sc.infos, i, bits, &mut feats);
        }
        doc_features(&sc.infos, i, bits, &mut feats);
    }
    offs.push(feats.len() as u32);
    Prepared {
        feats,
        offs,
        gold: s.tags.iter().map(|t| t.index()).collect(),
        keys: sc.infos.iter().map(|i| i.key).collect(),
        base: Vec::new(),
    }
}

struct Learner {
    w: Vec<i32>,
    acc: Vec<i64>,
    tw: [i32; N_TRANS],
    tacc: [i64; N_TRANS],
    c: i64,
    /// Mean averaged weights of an ensemble of perceptrons (differently shuffled), if trained.
    mean: Option<(Vec<f32>, [f32; N_TRANS])>,
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

    /// Averaged weights as dense floats plus transitions (the ensemble mean if there is one).
    fn averaged_dense(&self) -> (Vec<f32>, [f32; N_TRANS]) {
        if let Some(m) = &self.mean {
            return m.clone();
        }
        let c = self.c as f64;
        let avg = |w: i32, a: i64| (w as f64 - a as f64 / c) as f32;
        let w = self
            .w
            .iter()
            .zip(&self.acc)
            .map(|(&w, &a)| avg(w, a))
            .collect::<Vec<f32>>();
        let mut trans = [0f32; N_TRANS];
        for (k, t) in trans.iter_mut().enumerate() {
            *t = avg(self.tw[k], self.tacc[k]);
        }
        (w, trans)
    }

    fn averaged(
        &self,
        bits: u32,
        cfg: &TrainConfig,
        uses_gazetteer: bool,
        net: Option<&CharNet>,
    ) -> Model {
        let (w, trans) = self.averaged_dense();
        Model {
            bits,
            w: Weights::from_dense(&w),
            trans,
            clusters: cfg.clusters.clone(),
            lexicon: cfg.lexicon.clone(),
            auto: cfg.auto.clone(),
            uses_gazetteer,
            wide: cfg.wide,
            o_bias: cfg.o_bias.unwrap_or(0.0),
            doc: None,
            joint: None,
            charnn: net.map(|n| Box::new(n.clone())),
        }
    }
}

/// `main` with `extra` training sentences spliced in block by block: contiguous block `f` of
/// `main` is followed by contiguous block `f` of `extra` (`k` blocks each). With `k` =
/// [`TrainConfig::doc_folds`], the document jack-knife's folds in [`train`] line up (to within a
/// sentence) with these pairs, so every extra sentence gets its first-pass labels from a model
/// trained on the other four fifths of both sets, exactly like the main sentences. Without
/// extra sentences the result is `main` unchanged.
pub fn interleave_blocks(main: &[Sentence], extra: &[Sentence], k: usize) -> Vec<Sentence> {
    let k = k.max(1);
    let (nm, ne) = (main.len(), extra.len());
    let mut out = Vec::with_capacity(nm + ne);
    for f in 0..k {
        out.extend_from_slice(&main[nm * f / k..nm * (f + 1) / k]);
        out.extend_from_slice(&extra[ne * f / k..ne * (f + 1) / k]);
    }
    out
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
    let nc = &cfg.char_net;
    let net_ok = (4..=20).contains(&nc.bits)
        && (1..=128).contains(&nc.dim)
        && (1..=256).contains(&nc.hidden)
        && nc.rate.is_finite()
        && nc.emb_rate.is_finite();
    if nc.epochs > 0 && !net_ok {
        return Err(NerError::Model(
            "character scorer: bits 4..=20, dim 1..=128, hidden 1..=256, finite rates".into(),
        ));
    }
    let bits = cfg.hash_bits;
    let mut sc = Scratch::default();
    let usable: Vec<&Sentence> = data
        .iter()
        .filter(|s| !s.tokens.is_empty() && s.tokens.len() == s.tags.len())
        .collect();
    let (net, nn_codes) = char_net_codes(&usable, cfg);
    let nn_of = |i: usize| nn_codes.get(i).map(Vec::as_slice);
    let net = net.as_ref();
    let k = cfg.train_entity_folds;
    let (prepared, final_lexicon) = if k > 1 {
        let fold_lex: Vec<Lexicon> = (0..k)
            .map(|f| {
                let mut l = cfg.lexicon.clone();
                for (i, s) in usable.iter().enumerate() {
                    if i % k != f {
                        l.add_entities(s);
                    }
                }
                l
            })
            .collect();
        let prepared = usable
            .iter()
            .enumerate()
            .map(|(i, s)| {
                prepare(
                    s,
                    cfg,
                    &fold_lex[i % k],
                    &cfg.auto,
                    bits,
                    gaz,
                    &mut sc,
                    None,
                    false,
                    nn_of(i),
                )
            })
            .collect::<Vec<_>>();
        let mut all = cfg.lexicon.clone();
        usable.iter().for_each(|s| all.add_entities(s));
        (prepared, all)
    } else {
        let prepared = usable
            .iter()
            .enumerate()
            .map(|(i, s)| {
                prepare(
                    s,
                    cfg,
                    &cfg.lexicon,
                    &cfg.auto,
                    bits,
                    gaz,
                    &mut sc,
                    None,
                    false,
                    nn_of(i),
                )
            })
            .collect::<Vec<_>>();
        (prepared, cfg.lexicon.clone())
    };
    let mut cfg = TrainConfig {
        lexicon: final_lexicon,
        ..cfg.clone()
    };
    let size = (1usize << bits) * N_TAGS;
    let n = prepared.len();
    let k_doc = cfg.doc_folds.max(2);
    let fold_of = |i: usize| (0..k_doc).find(|&f| i < n * (f + 1) / k_doc).unwrap_or(0);
    // Self-trained lexicon: fold f's sentences see the lexicon of a model trained without them,
    // so the feature is as reliable in training as on unseen text.
    let mut fold_auto: Vec<Lexicon> = Vec::new();
    let mut prepared = prepared;
    if !cfg.raw_texts.is_empty() {
        let texts = cfg.raw_texts.clone();
        let auto_of = |idx: &[&Prepared]| {
            let l = perceptron(idx, &cfg, size, |_, _, _| {});
            let mut m = l.averaged(bits, &cfg, gaz.is_some(), net);
            m.o_bias = cfg.doc_first_bias;
            crate::self_trained_lexicon(
                &Tagger {
                    model: m,
                    outside: None,
                },
                texts.iter().map(String::as_str),
                3,
            )
        };
        for f in 0..k_doc {
            let (a, b) = (n * f / k_doc, n * (f + 1) / k_doc);
            let rest: Vec<&Prepared> = prepared[..a].iter().chain(&prepared[b..]).collect();
            fold_auto.push(auto_of(&rest));
        }
        let all: Vec<&Prepared> = prepared.iter().collect();
        let full = auto_of(&all);
        prepared = usable
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let a = &fold_auto[fold_of(i)];
                prepare(
                    s,
                    &cfg,
                    &cfg.lexicon,
                    a,
                    bits,
                    gaz,
                    &mut sc,
                    None,
                    false,
                    nn_of(i),
                )
            })
            .collect();
        cfg.auto = full;
    }
    let cfg = &cfg;
    if let Some(c2) = cfg.crf_l2 {
        let mut tagger = train_crf(&prepared, dev, cfg, c2, gaz, &mut on_epoch);
        tagger.model.charnn = net.map(|n| Box::new(n.clone()));
        return Ok(tune_o_bias(tagger, cfg, dev, gaz));
    }
    let all: Vec<&Prepared> = prepared.iter().collect();
    let doc_stage = cfg.doc_window > 0;
    let l = perceptron(&all, cfg, size, |epoch, errors, l| {
        let dev_scores = match dev {
            Some(d) if !doc_stage => {
                let t = Tagger {
                    model: l.averaged(bits, cfg, gaz.is_some(), net),
                    outside: cfg.outside_codes.clone(),
                };
                Some(evaluate(&t, d, gaz, &NerLabel::ALL))
            }
            _ => None,
        };
        on_epoch(&EpochReport {
            epoch,
            train_token_errors: errors,
            dev: dev_scores,
        });
    });
    let mut tagger = Tagger {
        model: l.averaged(bits, cfg, gaz.is_some(), net),
        outside: cfg.outside_codes.clone(),
    };
    if !doc_stage {
        return Ok(tune_o_bias(tagger, cfg, dev, gaz));
    }
    // Jack-knifed first-pass tags of every training sentence (contiguous folds keep stories
    // together), so the second stage learns how far to trust first-pass labels on unseen text.
    let k = k_doc;
    let mut first: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut first_em: Vec<Vec<f32>> = vec![Vec::new(); n];
    let mut em: Vec<f32> = Vec::new();
    let mut back: Vec<u8> = Vec::new();
    for f in 0..k {
        let (a, b) = (n * f / k, n * (f + 1) / k);
        let rest: Vec<&Prepared> = prepared[..a].iter().chain(&prepared[b..]).collect();
        let l = perceptron(&rest, cfg, size, |_, _, _| {});
        let (w, tr) = l.averaged_dense();
        for (si, p) in prepared.iter().enumerate().take(b).skip(a) {
            dense_emissions(p, &w, cfg.doc_first_bias, &mut em);
            viterbi(&em, &tr, &mut first[si], &mut back);
            if cfg.doc_residual {
                dense_emissions(p, &w, 0.0, &mut first_em[si]);
            }
        }
    }
    let keys: Vec<u64> = prepared
        .iter()
        .flat_map(|p| p.keys.iter().copied())
        .collect();
    let flat: Vec<usize> = first.concat();
    let mut docs = Vec::new();
    doc_infos(&keys, &flat, cfg.doc_window, cfg.doc_stack, &mut docs);
    let mut off = 0;
    let lexicon = &cfg.lexicon;
    let prepared2: Vec<Prepared> = usable
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let d = docs.get(off..off + s.tokens.len());
            off += s.tokens.len();
            let auto = fold_auto.get(fold_of(i)).unwrap_or(&cfg.auto);
            prepare(
                s,
                cfg,
                lexicon,
                auto,
                bits,
                gaz,
                &mut sc,
                d,
                cfg.doc_residual,
                nn_of(i),
            )
        })
        .zip(first_em)
        .map(|(mut p, em)| {
            p.base = em;
            p
        })
        .collect();
    let all2: Vec<&Prepared> = prepared2.iter().collect();
    let l2 = perceptron(&all2, cfg, size, |_, _, _| {});
    let (w2, tr2) = l2.averaged_dense();
    tagger.model.o_bias = cfg.doc_first_bias;
    tagger.model.doc = Some(Box::new(DocStage {
        window: cfg.doc_window as u32,
        stack: cfg.doc_stack,
        residual: cfg.doc_residual,
        w: Weights::from_dense(&w2),
        trans: tr2,
        o_bias: cfg.o_bias.unwrap_or(0.0),
    }));
    tagger.model.build_joint();
    let tagger = tune_o_bias(tagger, cfg, dev, gaz);
    if let Some(d) = dev {
        on_epoch(&EpochReport {
            epoch: cfg.epochs.max(1),
            train_token_errors: 0,
            dev: Some(evaluate(&tagger, d, gaz, &NerLabel::ALL)),
        });
    }
    Ok(tagger)
}

/// The character scorer trained on all of `usable`, and every sentence's feature codes from a
/// scorer trained without its contiguous fold (the folds of the document jack-knife), so the
/// codes in training are as reliable as on unseen text. `(None, [])` when the scorer is off.
fn char_net_codes(
    usable: &[&Sentence],
    cfg: &TrainConfig,
) -> (Option<CharNet>, Vec<Vec<[u64; 2]>>) {
    if let Some(o) = &cfg.outside_codes {
        let codes = usable
            .iter()
            .map(|s| {
                let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
                let mut c = Vec::new();
                o.codes_into(&toks, &mut c);
                c
            })
            .collect();
        return (None, codes);
    }
    let nc = &cfg.char_net;
    if nc.epochs == 0 {
        return (None, Vec::new());
    }
    let mut sc = NetScratch::default();
    let sents: Vec<NetSentence> = usable
        .iter()
        .map(|s| {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            NetSentence::new(
                &toks,
                s.tags.iter().map(|t| t.index()).collect(),
                nc.bits,
                &mut sc,
            )
        })
        .collect();
    let n = sents.len();
    let k = cfg.doc_folds.max(2);
    let seed = cfg.seed ^ 0x6368_6172;
    let mut codes = vec![Vec::new(); n];
    for f in 0..k {
        let (a, b) = (n * f / k, n * (f + 1) / k);
        let rest: Vec<&NetSentence> = sents[..a].iter().chain(&sents[b..]).collect();
        let net = CharNet::train(&rest, nc, seed.wrapping_add(f as u64));
        for (c, s) in codes[a..b].iter_mut().zip(&usable[a..b]) {
            let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
            net.codes(&toks, &mut sc, c);
        }
    }
    let all: Vec<&NetSentence> = sents.iter().collect();
    (
        Some(CharNet::train(&all, nc, seed.wrapping_add(k as u64))),
        codes,
    )
}

/// First-pass emissions of a prepared sentence under dense weights (`O` penalised by `o_bias`).
fn dense_emissions(p: &Prepared, w: &[f32], o_bias: f32, em: &mut Vec<f32>) {
    let n = p.gold.len();
    em.clear();
    em.resize(n * N_TAGS, 0.0);
    for i in 0..n {
        let row = &mut em[i * N_TAGS..(i + 1) * N_TAGS];
        row[0] = -o_bias;
        for &f in &p.feats[p.offs[i] as usize..p.offs[i + 1] as usize] {
            let base = f as usize * N_TAGS;
            for (r, &x) in row.iter_mut().zip(&w[base..base + N_TAGS]) {
                *r += x;
            }
        }
    }
}

/// Averaged structured perceptron over `data` (or the mean of `cfg.ensemble` of them, trained
/// with different shuffle seeds); `after_epoch(epoch, token_errors, learner)` for the last one.
fn perceptron(
    data: &[&Prepared],
    cfg: &TrainConfig,
    size: usize,
    mut after_epoch: impl FnMut(usize, usize, &Learner),
) -> Learner {
    let m = cfg.ensemble.max(1);
    if m == 1 {
        return perceptron_one(data, cfg, size, after_epoch);
    }
    let mut sum_w = vec![0f32; size];
    let mut sum_t = [0f32; N_TRANS];
    let mut last = None;
    for j in 0..m {
        let c = TrainConfig {
            seed: cfg.seed.wrapping_add(j as u64 * 0x9e37_79b9),
            ..cfg.clone()
        };
        let l = if j + 1 == m {
            perceptron_one(data, &c, size, &mut after_epoch)
        } else {
            perceptron_one(data, &c, size, |_, _, _| {})
        };
        let (w, t) = l.averaged_dense();
        sum_w
            .iter_mut()
            .zip(&w)
            .for_each(|(a, b)| *a += b / m as f32);
        sum_t
            .iter_mut()
            .zip(&t)
            .for_each(|(a, b)| *a += b / m as f32);
        last = Some(l);
    }
    let mut l = last.expect("at least one member");
    l.mean = Some((sum_w, sum_t));
    l
}

fn perceptron_one(
    data: &[&Prepared],
    cfg: &TrainConfig,
    size: usize,
    mut after_epoch: impl FnMut(usize, usize, &Learner),
) -> Learner {
    let mut l = Learner {
        w: vec![0; size],
        acc: vec![0; size],
        tw: [0; N_TRANS],
        tacc: [0; N_TRANS],
        c: 1,
        mean: None,
    };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(cfg.seed | 1);
    let mut em: Vec<f32> = Vec::new();
    let mut pred: Vec<usize> = Vec::new();
    let mut back: Vec<u8> = Vec::new();
    let mut skip: Vec<u32> = Vec::new();
    let mut trans_f = [0f32; N_TRANS];
    for epoch in 1..=cfg.epochs.max(1) {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut errors = 0usize;
        for &si in &order {
            let p = data[si];
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
            if p.base.is_empty() {
                em.resize(n * N_TAGS, 0.0);
            } else {
                em.extend_from_slice(&p.base);
            }
            for i in 0..n {
                let row = &mut em[i * N_TAGS..(i + 1) * N_TAGS];
                for &f in &p.feats[(p.offs[i] + skip[i]) as usize..p.offs[i + 1] as usize] {
                    let base = f as usize * N_TAGS;
                    for (r, &w) in row.iter_mut().zip(&l.w[base..base + N_TAGS]) {
                        *r += w as f32;
                    }
                }
            }
            if cfg.margin > 0.0 {
                for (i, &g) in p.gold.iter().enumerate() {
                    for (t, e) in em[i * N_TAGS..(i + 1) * N_TAGS].iter_mut().enumerate() {
                        if t != g {
                            *e += if t == 0 {
                                cfg.margin_o * cfg.margin
                            } else {
                                cfg.margin
                            };
                        }
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
        after_epoch(epoch, errors, &l);
    }
    l
}

fn tune_o_bias(
    mut tagger: Tagger,
    cfg: &TrainConfig,
    dev: Option<&[Sentence]>,
    gaz: Option<&dyn Gazetteer>,
) -> Tagger {
    if let (None, Some(d)) = (cfg.o_bias, dev) {
        let mut best = (f64::NEG_INFINITY, 0.0f32);
        let set = |t: &mut Tagger, b: f32| match t.model.doc.as_mut() {
            Some(doc) => doc.o_bias = b,
            None => t.model.o_bias = b,
        };
        for k in 0..=24 {
            let b = k as f32;
            set(&mut tagger, b);
            let f = evaluate(&tagger, d, gaz, &NerLabel::ALL).overall.f1();
            if f > best.0 + 1e-9 {
                best = (f, b);
            }
        }
        set(&mut tagger, best.1);
    }
    tagger
}

fn log_sum_exp(xs: impl Iterator<Item = f64>) -> f64 {
    let v: [f64; N_TAGS + 1] = {
        let mut a = [f64::NEG_INFINITY; N_TAGS + 1];
        for (slot, x) in a.iter_mut().zip(xs) {
            *slot = x;
        }
        a
    };
    let m = v.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    if m == f64::NEG_INFINITY {
        return m;
    }
    m + v.iter().map(|x| (x - m).exp()).sum::<f64>().ln()
}

/// Linear-chain CRF trained by SGD with lazily applied L2 decay (weights stored divided by a
/// running scale), learning rate `eta0 / (1 + lambda·eta0·t) · 0.75^(epoch-1)`.
fn train_crf(
    prepared: &[Prepared],
    dev: Option<&[Sentence]>,
    cfg: &TrainConfig,
    c2: f64,
    gaz: Option<&dyn Gazetteer>,
    on_epoch: &mut impl FnMut(&EpochReport),
) -> Tagger {
    let bits = cfg.hash_bits;
    let size = (1usize << bits) * N_TAGS;
    let n_sent = prepared.len().max(1) as f64;
    let lambda = 2.0 * c2 / n_sent;
    let eta0 = 0.1f64;
    let mut w = vec![0f32; size];
    let mut scale = 1f64;
    let mut trans = [0f64; N_TRANS];
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = Rng(cfg.seed | 1);
    let mut t = 0f64;
    let mut em: Vec<f64> = Vec::new();
    let mut alpha: Vec<f64> = Vec::new();
    let mut beta: Vec<f64> = Vec::new();
    let tr = |trans: &[f64; N_TRANS], p: usize, c: usize| -> f64 {
        if allowed(p, c) {
            trans[p * N_TAGS + c]
        } else {
            f64::NEG_INFINITY
        }
    };
    let make_model = |w: &[f32], scale: f64, trans: &[f64; N_TRANS]| -> Model {
        let mut tf = [0f32; N_TRANS];
        for (a, b) in tf.iter_mut().zip(trans.iter()) {
            *a = *b as f32;
        }
        Model {
            bits,
            w: Weights::from_dense(
                &w.iter()
                    .map(|&x| (x as f64 * scale) as f32)
                    .collect::<Vec<_>>(),
            ),
            trans: tf,
            clusters: cfg.clusters.clone(),
            lexicon: cfg.lexicon.clone(),
            auto: cfg.auto.clone(),
            uses_gazetteer: gaz.is_some(),
            wide: cfg.wide,
            o_bias: cfg.o_bias.unwrap_or(0.0),
            doc: None,
            joint: None,
            charnn: None,
        }
    };
    let mut last = None;
    for epoch in 1..=cfg.epochs.max(1) {
        for i in (1..order.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let mut loss = 0f64;
        for &si in &order {
            let p = &prepared[si];
            let n = p.gold.len();
            // Per-epoch geometric decay on top of the usual schedule: late epochs fine-tune.
            let eta = eta0 / (1.0 + lambda * eta0 * t) * 0.75f64.powi(epoch as i32 - 1);
            t += 1.0;
            em.clear();
            em.resize(n * N_TAGS, 0.0);
            for i in 0..n {
                let row = &mut em[i * N_TAGS..(i + 1) * N_TAGS];
                for &f in &p.feats[p.offs[i] as usize..p.offs[i + 1] as usize] {
                    let base = f as usize * N_TAGS;
                    for (r, &x) in row.iter_mut().zip(&w[base..base + N_TAGS]) {
                        *r += x as f64;
                    }
                }
                row.iter_mut().for_each(|r| *r *= scale);
            }
            alpha.clear();
            alpha.resize(n * N_TAGS, f64::NEG_INFINITY);
            beta.clear();
            beta.resize(n * N_TAGS, 0.0);
            for c in 0..N_TAGS {
                alpha[c] = tr(&trans, START, c) + em[c];
            }
            for i in 1..n {
                for c in 0..N_TAGS {
                    let s = log_sum_exp(
                        (0..N_TAGS).map(|q| alpha[(i - 1) * N_TAGS + q] + tr(&trans, q, c)),
                    );
                    alpha[i * N_TAGS + c] = s + em[i * N_TAGS + c];
                }
            }
            for i in (0..n - 1).rev() {
                for q in 0..N_TAGS {
                    beta[i * N_TAGS + q] = log_sum_exp((0..N_TAGS).map(|c| {
                        tr(&trans, q, c) + em[(i + 1) * N_TAGS + c] + beta[(i + 1) * N_TAGS + c]
                    }));
                }
            }
            let log_z = log_sum_exp((0..N_TAGS).map(|c| alpha[(n - 1) * N_TAGS + c]));
            let mut gold_score = 0f64;
            for i in 0..n {
                let pg = if i == 0 { START } else { p.gold[i - 1] };
                gold_score += tr(&trans, pg, p.gold[i]) + em[i * N_TAGS + p.gold[i]];
            }
            if !gold_score.is_finite() || !log_z.is_finite() {
                continue;
            }
            loss += log_z - gold_score;
            // L2 decay for all weights at once through the scale.
            scale *= 1.0 - eta * lambda;
            if scale < 1e-9 {
                w.iter_mut().for_each(|x| *x = (*x as f64 * scale) as f32);
                scale = 1.0;
            }
            for x in trans.iter_mut() {
                *x *= 1.0 - eta * lambda;
            }
            let step = (eta / scale) as f32;
            let mut g_trans = [0f64; N_TRANS];
            for i in 0..n {
                let mut grad = [0f32; N_TAGS];
                for (c, g) in grad.iter_mut().enumerate() {
                    let marg = (alpha[i * N_TAGS + c] + beta[i * N_TAGS + c] - log_z).exp();
                    *g = ((c == p.gold[i]) as u8 as f64 - marg) as f32;
                }
                for &f in &p.feats[p.offs[i] as usize..p.offs[i + 1] as usize] {
                    let base = f as usize * N_TAGS;
                    for (x, g) in w[base..base + N_TAGS].iter_mut().zip(&grad) {
                        *x += step * g;
                    }
                }
                let pg = if i == 0 { START } else { p.gold[i - 1] };
                g_trans[pg * N_TAGS + p.gold[i]] += 1.0;
                if i == 0 {
                    for c in 0..N_TAGS {
                        g_trans[START * N_TAGS + c] -= (alpha[c] + beta[c] - log_z).exp();
                    }
                } else {
                    for q in 0..N_TAGS {
                        for c in 0..N_TAGS {
                            let v = alpha[(i - 1) * N_TAGS + q]
                                + tr(&trans, q, c)
                                + em[i * N_TAGS + c]
                                + beta[i * N_TAGS + c]
                                - log_z;
                            if v.is_finite() {
                                g_trans[q * N_TAGS + c] -= v.exp();
                            }
                        }
                    }
                }
            }
            for (x, g) in trans.iter_mut().zip(&g_trans) {
                *x += eta * g;
            }
        }
        let tagger = Tagger {
            model: make_model(&w, scale, &trans),
            outside: cfg.outside_codes.clone(),
        };
        let dev_scores = dev.map(|d| evaluate(&tagger, d, gaz, &NerLabel::ALL));
        on_epoch(&EpochReport {
            epoch,
            train_token_errors: loss.round() as usize,
            dev: dev_scores,
        });
        last = Some(tagger);
    }
    last.unwrap_or_else(|| Tagger {
        model: make_model(&w, scale, &trans),
        outside: cfg.outside_codes.clone(),
    })
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
    let sents: Vec<Vec<&str>> = data
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect();
    let pred = tagger.tag_sentences(&sents, gaz);
    let gold = data.iter().map(|s| s.tags.clone()).collect();
    (gold, pred)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(w: &str) -> Sentence {
        Sentence {
            tokens: vec![w.to_string()],
            tags: vec![Tag::O],
        }
    }

    #[test]
    fn interleave_blocks_pairs_the_folds() {
        let main: Vec<Sentence> = (0..10).map(|i| sent(&format!("m{i}"))).collect();
        let extra: Vec<Sentence> = (0..5).map(|i| sent(&format!("e{i}"))).collect();
        let out = interleave_blocks(&main, &extra, 5);
        let words: Vec<&str> = out.iter().map(|s| s.tokens[0].as_str()).collect();
        assert_eq!(
            words,
            [
                "m0", "m1", "e0", "m2", "m3", "e1", "m4", "m5", "e2", "m6", "m7", "e3", "m8", "m9",
                "e4"
            ]
        );
        assert_eq!(interleave_blocks(&main, &[], 5), main);
    }
}
