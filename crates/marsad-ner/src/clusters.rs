//! Word clusters: a map from normalised word to a fine and a coarse cluster id.

use crate::brown::BrownPaths;
use std::collections::HashMap;

/// Word → cluster ids under several clusterings: `[fine, coarse, extra...]`. Empty when the
/// model was trained without clusters.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    map: HashMap<String, u32>,
    width: usize,
    ids: Vec<u16>,
    /// Trailing columns that hold binarised embedding codes (2 bits per dimension, 8 per id).
    emb_cols: usize,
    /// Whether the neighbours' embedding codes are features too.
    emb_context: bool,
    /// Brown bit strings (model version ≥ 7; empty = no Brown features).
    brown: BrownPaths,
}

/// Equal when every word has the same ids (row order inside is irrelevant).
impl PartialEq for Clusters {
    fn eq(&self, other: &Self) -> bool {
        self.width == other.width
            && self.emb_cols == other.emb_cols
            && self.emb_context == other.emb_context
            && self.brown == other.brown
            && self.sorted_rows() == other.sorted_rows()
    }
}

impl Clusters {
    /// Builds from explicit entries (normalised word, fine id, coarse id).
    pub fn from_entries(entries: impl IntoIterator<Item = (String, u16, u16)>) -> Clusters {
        Clusters::from_rows(2, entries.into_iter().map(|(w, f, c)| (w, vec![f, c])))
    }

    /// Builds from rows of `width` cluster ids per word (shorter rows are padded with 0).
    pub fn from_rows(width: usize, rows: impl IntoIterator<Item = (String, Vec<u16>)>) -> Clusters {
        let mut c = Clusters {
            map: HashMap::new(),
            width,
            ids: Vec::new(),
            emb_cols: 0,
            emb_context: false,
            brown: BrownPaths::default(),
        };
        for (w, mut r) in rows {
            r.resize(width, 0);
            let row = match c.map.get(&w) {
                Some(&row) => row as usize,
                None => {
                    let row = c.ids.len() / width.max(1);
                    c.map.insert(w, row as u32);
                    c.ids.extend(std::iter::repeat_n(0, width));
                    row
                }
            };
            c.ids[row * width..(row + 1) * width].copy_from_slice(&r);
        }
        c
    }

    /// Cluster ids of a normalised word: `[fine, coarse, extra...]`.
    #[inline]
    pub fn get(&self, norm: &str) -> Option<&[u16]> {
        let r = *self.map.get(norm)? as usize;
        self.ids.get(r * self.width..(r + 1) * self.width)
    }

    /// Number of cluster ids per word.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Marks the last `cols` columns as packed embedding codes (clamped to the width) and
    /// whether the neighbours' codes are features too.
    pub fn with_embedding(mut self, cols: usize, context: bool) -> Clusters {
        self.emb_cols = cols.min(self.width.saturating_sub(1)).min(MAX_EMB_COLS);
        self.emb_context = context && self.emb_cols > 0;
        self
    }

    /// Adds Brown bit strings: their prefixes become features.
    pub fn with_brown(mut self, brown: BrownPaths) -> Clusters {
        self.brown = brown;
        self
    }

    /// The Brown bit strings (empty unless the model uses them).
    pub fn brown(&self) -> &BrownPaths {
        &self.brown
    }

    /// Number of trailing columns holding packed embedding codes.
    pub fn embedding_cols(&self) -> usize {
        self.emb_cols
    }

    /// Whether the neighbours' embedding codes are features too.
    pub fn embedding_context(&self) -> bool {
        self.emb_context
    }

    /// Number of leading columns that are cluster ids (not embedding codes).
    pub(crate) fn cluster_cols(&self) -> usize {
        self.width - self.emb_cols
    }

    /// Number of words with a cluster.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no word has a cluster.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Entries sorted by word, so serialisation is deterministic.
    pub fn sorted_rows(&self) -> Vec<(&str, &[u16])> {
        let mut v: Vec<_> = self
            .map
            .iter()
            .map(|(w, &r)| {
                let r = r as usize;
                (w.as_str(), &self.ids[r * self.width..(r + 1) * self.width])
            })
            .collect();
        v.sort_unstable();
        v
    }

    /// Text form (`width` on the first line, then `word<TAB>id id ...`), for caching.
    pub fn to_text(&self) -> String {
        let mut s = if self.emb_cols > 0 {
            format!(
                "{} {} {}\n",
                self.width, self.emb_cols, self.emb_context as u8
            )
        } else {
            format!("{}\n", self.width)
        };
        for (w, ids) in self.sorted_rows() {
            s.push_str(w);
            s.push('\t');
            let ids: Vec<String> = ids.iter().map(u16::to_string).collect();
            s.push_str(&ids.join(" "));
            s.push('\n');
        }
        s
    }

    /// Parses [`Clusters::to_text`]; `None` if malformed.
    pub fn from_text(text: &str) -> Option<Clusters> {
        let mut lines = text.lines();
        let mut head = lines.next()?.split(' ');
        let width: usize = head.next()?.trim().parse().ok()?;
        let emb_cols: usize = head.next().map_or(Some(0), |x| x.trim().parse().ok())?;
        let emb_context = head.next().is_some_and(|x| x.trim() == "1");
        let mut rows = Vec::new();
        for l in lines {
            let (w, ids) = l.split_once('\t')?;
            let ids: Vec<u16> = ids
                .split(' ')
                .map(|x| x.parse().ok())
                .collect::<Option<_>>()?;
            if ids.len() != width {
                return None;
            }
            rows.push((w.to_string(), ids));
        }
        Some(Clusters::from_rows(width, rows).with_embedding(emb_cols, emb_context))
    }
}

/// Settings of [`learn_clusters`].
#[derive(Debug, Clone)]
pub struct ClusterConfig {
    /// Most frequent words that get a cluster.
    pub vocab: usize,
    /// Minimum corpus count of a clustered word.
    pub min_count: u32,
    /// Most frequent words used as context dimensions.
    pub contexts: usize,
    /// Number of fine clusters.
    pub fine: usize,
    /// Number of coarse clusters (groups of fine clusters).
    pub coarse: usize,
    /// k-means iterations.
    pub iterations: usize,
    /// Seed for choosing initial centroids.
    pub seed: u64,
    /// Further independent k-means clusterings (number of clusters each; seeds derived from
    /// `seed`): several granularities give the tagger both broad and sharp word classes.
    pub extra: Vec<usize>,
    /// Dimensions of word embeddings (truncated SVD of the PPMI matrix, binarised per
    /// dimension) stored beside the clusters; 0 = none. At most 64.
    pub embed_dims: usize,
    /// Whether the neighbours' (±1) embedding codes are features too.
    pub embed_context: bool,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            vocab: 60_000,
            min_count: 3,
            contexts: 1500,
            fine: 256,
            coarse: 32,
            iterations: 12,
            seed: 0x636c_7573,
            extra: Vec::new(),
            embed_dims: 0,
            embed_context: false,
        }
    }
}

/// Marks a document boundary in [`Corpus::tokens`].
pub(crate) const GAP: u32 = u32::MAX;

/// Raw text as word ids: the normalised words of [`crate::tokenize`]'s tokens.
pub(crate) struct Corpus {
    /// Distinct normalised words, in order of first occurrence.
    pub(crate) words: Vec<String>,
    /// Occurrences of each word.
    pub(crate) counts: Vec<u32>,
    /// The text as word ids, [`GAP`] after each document.
    pub(crate) tokens: Vec<u32>,
}

impl Corpus {
    /// Word ids by decreasing frequency, ties by spelling, so ranks do not depend on hash order.
    pub(crate) fn ranked(&self) -> Vec<u32> {
        ranked(&self.words, &self.counts)
    }
}

fn ranked(words: &[String], counts: &[u32]) -> Vec<u32> {
    let mut rank: Vec<u32> = (0..words.len() as u32).collect();
    rank.sort_by(|&a, &b| {
        counts[b as usize]
            .cmp(&counts[a as usize])
            .then_with(|| words[a as usize].cmp(&words[b as usize]))
    });
    rank
}

/// Tokenises and normalises raw documents (the same for every clustering).
pub(crate) fn index_corpus<'a>(texts: impl IntoIterator<Item = &'a str>) -> Corpus {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut words: Vec<String> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let mut tokens: Vec<u32> = Vec::new();
    for text in texts {
        for (a, b) in crate::tokenize::tokenize(text) {
            let w = marsad_text::normalize_str(&text[a..b]);
            if w.is_empty() {
                continue;
            }
            let id = match ids.get(&w) {
                Some(&id) => id,
                None => {
                    let id = words.len() as u32;
                    ids.insert(w.clone(), id);
                    words.push(w);
                    counts.push(0);
                    id
                }
            };
            counts[id as usize] += 1;
            tokens.push(id);
        }
        tokens.push(GAP);
    }
    Corpus {
        words,
        counts,
        tokens,
    }
}

/// Learns word clusters from raw text by spherical k-means over each word's left/right
/// neighbour distribution (±1 and ±2 positions, log-scaled counts). Deterministic for a given
/// text order and config; single-threaded.
pub fn learn_clusters<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    cfg: &ClusterConfig,
) -> Clusters {
    let Corpus {
        words,
        counts,
        tokens: corpus,
    } = index_corpus(texts);
    let rank = ranked(&words, &counts);
    let n_vocab = rank
        .iter()
        .take(cfg.vocab)
        .take_while(|&&w| counts[w as usize] >= cfg.min_count)
        .count();
    if n_vocab < cfg.fine.max(2) {
        return Clusters::default();
    }
    let n_ctx = cfg.contexts.min(n_vocab);
    let mut vocab_of = vec![u32::MAX; words.len()];
    for (r, &w) in rank.iter().take(n_vocab).enumerate() {
        vocab_of[w as usize] = r as u32;
    }
    let dims = 4 * n_ctx;
    let mut cooc: Vec<HashMap<u32, f32>> = vec![HashMap::new(); n_vocab];
    for i in 0..corpus.len() {
        let w = corpus[i];
        if w == GAP || vocab_of[w as usize] == u32::MAX {
            continue;
        }
        let v = vocab_of[w as usize] as usize;
        for (slot, off) in [-2isize, -1, 1, 2].into_iter().enumerate() {
            let j = i as isize + off;
            if j < 0 || j as usize >= corpus.len() {
                continue;
            }
            // Do not look across document boundaries.
            let (lo, hi) = if off < 0 {
                (j as usize, i)
            } else {
                (i + 1, j as usize + 1)
            };
            if corpus[lo..hi].contains(&GAP) {
                continue;
            }
            let c = corpus[j as usize];
            let cr = vocab_of[c as usize];
            if (cr as usize) < n_ctx {
                *cooc[v].entry((slot * n_ctx) as u32 + cr).or_insert(0.0) += 1.0;
            }
        }
    }
    // Positive PMI with context-distribution smoothing (counts^0.75), so that clusters reflect
    // which contexts are typical of a word rather than how frequent it is.
    let mut ctx_tot = vec![0f64; dims];
    for m in &cooc {
        for (&d, &c) in m {
            ctx_tot[d as usize] += c as f64;
        }
    }
    let ctx_sm: Vec<f64> = ctx_tot.iter().map(|&c| c.powf(0.75)).collect();
    let sm_total: f64 = ctx_sm.iter().sum::<f64>().max(1e-9);
    let vecs: Vec<Vec<(u32, f32)>> = cooc
        .into_iter()
        .map(|m| {
            let w_tot: f64 = m.values().map(|&c| c as f64).sum::<f64>().max(1e-9);
            let mut v: Vec<(u32, f32)> = m
                .into_iter()
                .filter_map(|(d, c)| {
                    let pmi = ((c as f64 / w_tot) / (ctx_sm[d as usize] / sm_total)).ln();
                    (pmi > 0.0).then_some((d, pmi as f32))
                })
                .collect();
            v.sort_unstable_by_key(|e| e.0);
            let norm = v.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt().max(1e-9);
            for e in &mut v {
                e.1 /= norm;
            }
            v
        })
        .collect();
    let (assign, cent, k) = kmeans(&vecs, dims, cfg.fine, cfg.seed, cfg.iterations);
    // Extra clusterings: different k and seeds (a splitmix step of the base seed per clustering).
    let extra: Vec<Vec<u16>> = cfg
        .extra
        .iter()
        .enumerate()
        .map(|(j, &kx)| {
            let seed = cfg
                .seed
                .wrapping_add((j as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            kmeans(&vecs, dims, kx, seed, cfg.iterations).0
        })
        .collect();
    // Coarse clusters: k-means over the fine centroids (dense, small).
    let kc = cfg.coarse.clamp(1, k);
    let centroid = |c: usize| -> Vec<f32> { (0..dims).map(|d| cent[d * k + c]).collect() };
    let fine_c: Vec<Vec<f32>> = (0..k).map(centroid).collect();
    let mut coarse_c: Vec<Vec<f32>> = (0..kc).map(|i| fine_c[i * k / kc].clone()).collect();
    let mut coarse_of = vec![0u16; k];
    for _ in 0..10 {
        for (f, co) in fine_c.iter().zip(coarse_of.iter_mut()) {
            let dot = |c: &Vec<f32>| f.iter().zip(c).map(|(a, b)| a * b).sum::<f32>();
            let mut best = 0;
            let mut bs = f32::NEG_INFINITY;
            for (i, c) in coarse_c.iter().enumerate() {
                let s = dot(c);
                if s > bs {
                    bs = s;
                    best = i;
                }
            }
            *co = best as u16;
        }
        for (i, c) in coarse_c.iter_mut().enumerate() {
            let mut s = vec![0f32; dims];
            let mut any = false;
            for (f, &co) in fine_c.iter().zip(&coarse_of) {
                if co as usize == i {
                    any = true;
                    s.iter_mut().zip(f).for_each(|(a, b)| *a += b);
                }
            }
            if any {
                let n = s.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-9);
                *c = s.into_iter().map(|x| x / n).collect();
            }
        }
    }
    let ed = cfg.embed_dims.min(8 * MAX_EMB_COLS);
    let codes = if ed > 0 {
        binarise(&svd_embed(&vecs, dims, ed, cfg.seed), ed)
    } else {
        Vec::new()
    };
    let emb_cols = ed.div_ceil(8);
    Clusters::from_rows(
        2 + extra.len() + emb_cols,
        rank.iter()
            .take(n_vocab)
            .enumerate()
            .filter(|(r, _)| !vecs[*r].is_empty())
            .map(|(r, &w)| {
                let mut ids = vec![assign[r], coarse_of[assign[r] as usize]];
                ids.extend(extra.iter().map(|e| e[r]));
                ids.extend(codes.get(r * emb_cols..(r + 1) * emb_cols).unwrap_or(&[]));
                (words[w as usize].clone(), ids)
            }),
    )
    .with_embedding(emb_cols, cfg.embed_context)
}

/// Most packed embedding columns per word (64 dimensions).
pub(crate) const MAX_EMB_COLS: usize = 8;

/// Per-dimension binarisation of embeddings (Guo et al. 2014): code 2 above the mean of the
/// dimension's positive values, 1 below the mean of its negative values, else 0; packed 2 bits
/// per dimension, 8 dimensions per `u16`, `ceil(d/8)` ids per word.
fn binarise(emb: &[f64], d: usize) -> Vec<u16> {
    let n = emb.len() / d.max(1);
    let cols = d.div_ceil(8);
    let mut thr = vec![(0f64, 0f64); d];
    for (k, t) in thr.iter_mut().enumerate() {
        let (mut sp, mut np, mut sn, mut nn) = (0f64, 0usize, 0f64, 0usize);
        for i in 0..n {
            let v = emb[i * d + k];
            if v > 0.0 {
                sp += v;
                np += 1;
            } else if v < 0.0 {
                sn += v;
                nn += 1;
            }
        }
        *t = (sp / np.max(1) as f64, sn / nn.max(1) as f64);
    }
    let mut out = vec![0u16; n * cols];
    for i in 0..n {
        for (k, &(pos, neg)) in thr.iter().enumerate() {
            let v = emb[i * d + k];
            let code: u16 = if v > pos && v > 0.0 {
                2
            } else if v < neg && v < 0.0 {
                1
            } else {
                0
            };
            out[i * cols + k / 8] |= code << (2 * (k % 8));
        }
    }
    out
}

/// Word embeddings (`n × d`, row-major): the top `d` left singular vectors of the sparse matrix
/// `vecs` (`n × dims`), by randomised SVD (Halko et al. 2011) with two power iterations; all in
/// f64, single-threaded and seeded, so the result is deterministic.
fn svd_embed(vecs: &[Vec<(u32, f32)>], dims: usize, d: usize, seed: u64) -> Vec<f64> {
    let n = vecs.len();
    let l = (d + 8).min(n).min(dims);
    if n == 0 || l == 0 {
        return vec![0.0; n * d];
    }
    let mut rng = seed ^ 0x5344_5645_6d62_6564 | 1;
    let mut next = || {
        rng ^= rng >> 12;
        rng ^= rng << 25;
        rng ^= rng >> 27;
        (rng.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    };
    // Z: dims × l row-major; Y / Q: l × n (one column of the n × l matrix per row).
    let mut z: Vec<f64> = (0..dims * l).map(|_| next()).collect();
    let mut q = vec![0f64; l * n];
    let a_times = |z: &[f64], q: &mut [f64]| {
        let mut acc = vec![0f64; l];
        for (i, v) in vecs.iter().enumerate() {
            acc.iter_mut().for_each(|x| *x = 0.0);
            for &(j, x) in v {
                let zr = &z[j as usize * l..(j as usize + 1) * l];
                acc.iter_mut()
                    .zip(zr)
                    .for_each(|(a, &b)| *a += x as f64 * b);
            }
            for (c, &a) in acc.iter().enumerate() {
                q[c * n + i] = a;
            }
        }
    };
    let at_times = |q: &[f64], z: &mut [f64]| {
        z.iter_mut().for_each(|x| *x = 0.0);
        let mut qi = vec![0f64; l];
        for (i, v) in vecs.iter().enumerate() {
            for (c, x) in qi.iter_mut().enumerate() {
                *x = q[c * n + i];
            }
            for &(j, x) in v {
                let zr = &mut z[j as usize * l..(j as usize + 1) * l];
                zr.iter_mut()
                    .zip(&qi)
                    .for_each(|(a, &b)| *a += x as f64 * b);
            }
        }
    };
    a_times(&z, &mut q);
    orthonormalise(&mut q, l, n);
    for _ in 0..2 {
        at_times(&q, &mut z);
        a_times(&z, &mut q);
        orthonormalise(&mut q, l, n);
    }
    // B = Qᵀ A (stored as Z = Aᵀ Q), C = B Bᵀ = Zᵀ Z (l × l); its eigenvectors rotate Q onto
    // the left singular vectors.
    at_times(&q, &mut z);
    let mut cm = vec![0f64; l * l];
    for row in z.chunks_exact(l) {
        for a in 0..l {
            for b in a..l {
                cm[a * l + b] += row[a] * row[b];
            }
        }
    }
    for a in 0..l {
        for b in 0..a {
            cm[a * l + b] = cm[b * l + a];
        }
    }
    let (vals, vecs_e) = jacobi_eigen(cm, l);
    let mut order: Vec<usize> = (0..l).collect();
    order.sort_by(|&a, &b| vals[b].total_cmp(&vals[a]).then(a.cmp(&b)));
    let mut out = vec![0f64; n * d];
    for (k, &e) in order.iter().take(d).enumerate() {
        for c in 0..l {
            let w = vecs_e[c * l + e];
            if w == 0.0 {
                continue;
            }
            let qc = &q[c * n..(c + 1) * n];
            for i in 0..n {
                out[i * d + k] += w * qc[i];
            }
        }
    }
    out
}

/// Modified Gram–Schmidt over the `l` rows (length `n`) of `q`; a degenerate row becomes zero.
fn orthonormalise(q: &mut [f64], l: usize, n: usize) {
    for c in 0..l {
        for p in 0..c {
            let (head, tail) = q.split_at_mut(c * n);
            let prev = &head[p * n..(p + 1) * n];
            let cur = &mut tail[..n];
            let dot: f64 = prev.iter().zip(cur.iter()).map(|(a, b)| a * b).sum();
            cur.iter_mut().zip(prev).for_each(|(x, &y)| *x -= dot * y);
        }
        let cur = &mut q[c * n..(c + 1) * n];
        let norm = cur.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm > 1e-12 {
            cur.iter_mut().for_each(|x| *x /= norm);
        } else {
            cur.iter_mut().for_each(|x| *x = 0.0);
        }
    }
}

/// Eigen-decomposition of a symmetric `l × l` matrix by cyclic Jacobi rotations: (eigenvalues,
/// eigenvectors as columns of a row-major `l × l` matrix).
fn jacobi_eigen(mut a: Vec<f64>, l: usize) -> (Vec<f64>, Vec<f64>) {
    let mut v = vec![0f64; l * l];
    for i in 0..l {
        v[i * l + i] = 1.0;
    }
    for _ in 0..60 {
        let off: f64 = (0..l)
            .flat_map(|i| (0..l).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i * l + j] * a[i * l + j])
            .sum();
        let diag: f64 = (0..l).map(|i| a[i * l + i] * a[i * l + i]).sum();
        if off <= 1e-22 * diag.max(1e-300) {
            break;
        }
        for p in 0..l {
            for r in p + 1..l {
                let apr = a[p * l + r];
                if apr.abs() < 1e-300 {
                    continue;
                }
                let theta = (a[r * l + r] - a[p * l + p]) / (2.0 * apr);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..l {
                    let (akp, akr) = (a[k * l + p], a[k * l + r]);
                    a[k * l + p] = c * akp - s * akr;
                    a[k * l + r] = s * akp + c * akr;
                }
                for k in 0..l {
                    let (apk, ark) = (a[p * l + k], a[r * l + k]);
                    a[p * l + k] = c * apk - s * ark;
                    a[r * l + k] = s * apk + c * ark;
                }
                for k in 0..l {
                    let (vkp, vkr) = (v[k * l + p], v[k * l + r]);
                    v[k * l + p] = c * vkp - s * vkr;
                    v[k * l + r] = s * vkp + c * vkr;
                }
            }
        }
    }
    ((0..l).map(|i| a[i * l + i]).collect(), v)
}

/// Spherical k-means over sparse unit vectors: (assignment per vector, centroids dimension-major
/// `dims × k`, k). Initial centroids are distinct non-empty vectors drawn with a seeded generator.
fn kmeans(
    vecs: &[Vec<(u32, f32)>],
    dims: usize,
    k: usize,
    seed: u64,
    iterations: usize,
) -> (Vec<u16>, Vec<f32>, usize) {
    let n_vocab = vecs.len();
    let k = k.min(n_vocab);
    // Initial centroids: k distinct words drawn with a seeded generator.
    let mut rng = seed | 1;
    let mut next = || {
        rng ^= rng >> 12;
        rng ^= rng << 25;
        rng ^= rng >> 27;
        rng.wrapping_mul(0x2545_f491_4f6c_dd1d)
    };
    let mut chosen: Vec<usize> = Vec::with_capacity(k);
    while chosen.len() < k {
        let c = (next() % n_vocab as u64) as usize;
        if !chosen.contains(&c) && !vecs[c].is_empty() {
            chosen.push(c);
        } else if chosen.len() + vecs.iter().filter(|v| v.is_empty()).count() >= n_vocab {
            break;
        }
    }
    let k = chosen.len().max(1);
    // Centroids stored dimension-major so the inner loop over clusters is contiguous.
    let mut cent = vec![0f32; dims * k];
    for (ci, &w) in chosen.iter().enumerate() {
        for &(d, x) in &vecs[w] {
            cent[d as usize * k + ci] = x;
        }
    }
    let mut assign = vec![0u16; n_vocab];
    let mut scores = vec![0f32; k];
    for _ in 0..iterations.max(1) {
        for (v, a) in vecs.iter().zip(assign.iter_mut()) {
            scores.iter_mut().for_each(|s| *s = 0.0);
            for &(d, x) in v {
                let row = &cent[d as usize * k..(d as usize + 1) * k];
                for (s, &c) in scores.iter_mut().zip(row) {
                    *s += x * c;
                }
            }
            let mut best = 0;
            for (i, &s) in scores.iter().enumerate() {
                if s > scores[best] {
                    best = i;
                }
            }
            *a = best as u16;
        }
        let mut sum = vec![0f32; dims * k];
        let mut members = vec![0usize; k];
        for (v, &a) in vecs.iter().zip(&assign) {
            members[a as usize] += 1;
            for &(d, x) in v {
                sum[d as usize * k + a as usize] += x;
            }
        }
        for c in 0..k {
            if members[c] == 0 {
                continue;
            }
            let norm = (0..dims)
                .map(|d| sum[d * k + c].powi(2))
                .sum::<f32>()
                .sqrt()
                .max(1e-9);
            for d in 0..dims {
                cent[d * k + c] = sum[d * k + c] / norm;
            }
        }
    }
    (assign, cent, k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jacobi_finds_eigenpairs() {
        let a = vec![4.0, 1.0, 0.0, 1.0, 3.0, 1.0, 0.0, 1.0, 2.0];
        let (vals, v) = jacobi_eigen(a.clone(), 3);
        for k in 0..3 {
            for i in 0..3 {
                let av: f64 = (0..3).map(|j| a[i * 3 + j] * v[j * 3 + k]).sum();
                assert!((av - vals[k] * v[i * 3 + k]).abs() < 1e-9);
            }
        }
        let mut s = vals.clone();
        s.sort_by(f64::total_cmp);
        assert!((s.iter().sum::<f64>() - 9.0).abs() < 1e-9, "trace kept");
    }

    #[test]
    fn svd_recovers_the_dominant_direction() {
        // Rows 0..3 live on dimensions {0, 1}, rows 3..6 on {2, 3}, with different weights:
        // the top singular vector separates the heavier block.
        let mut vecs = Vec::new();
        for i in 0..3 {
            vecs.push(vec![(0u32, 3.0 + i as f32 * 0.1), (1, 3.0)]);
        }
        for i in 0..3 {
            vecs.push(vec![(2u32, 1.0), (3, 1.0 + i as f32 * 0.1)]);
        }
        let e = svd_embed(&vecs, 4, 2, 7);
        let first: Vec<f64> = (0..6).map(|i| e[i * 2].abs()).collect();
        assert!(first[..3].iter().all(|&x| x > 0.5));
        assert!(first[3..].iter().all(|&x| x < 1e-6));
        let norm: f64 = (0..6).map(|i| e[i * 2 + 1].powi(2)).sum();
        assert!((norm - 1.0).abs() < 1e-9, "unit singular vectors");
        let codes = binarise(&e, 2);
        assert_eq!(codes.len(), 6);
    }

    #[test]
    fn rows_text_round_trip() {
        let c = Clusters::from_rows(
            4,
            [
                ("كازاخستان".to_string(), vec![3, 1, 7, 900]),
                ("توكاييف".to_string(), vec![5, 2, 0, 12]),
                ("قال".to_string(), vec![9, 0]),
            ],
        );
        assert_eq!(c.width(), 4);
        assert_eq!(c.get("كازاخستان"), Some(&[3, 1, 7, 900][..]));
        assert_eq!(c.get("قال"), Some(&[9, 0, 0, 0][..]));
        assert_eq!(c.get("موسكو"), None);
        let back = Clusters::from_text(&c.to_text()).unwrap();
        assert_eq!(back, c);
        assert!(
            Clusters::from_text("2\nكلمة\t1\n").is_none(),
            "row too short"
        );
    }

    #[test]
    fn learns_several_clusterings_from_real_sentences() {
        let texts = [
            "وصل الرئيس الروسي إلى موسكو أمس. وصل الرئيس الفرنسي إلى باريس أمس.",
            "وصل الوزير الروسي إلى موسكو اليوم. وصل الوزير الفرنسي إلى باريس اليوم.",
            "قال الرئيس إن موسكو وباريس تتفقان. قال الوزير إن باريس وموسكو تتفقان.",
        ];
        let cfg = ClusterConfig {
            vocab: 100,
            min_count: 2,
            contexts: 20,
            fine: 4,
            coarse: 2,
            extra: vec![2, 3],
            ..ClusterConfig::default()
        };
        let c = learn_clusters(texts.iter().copied(), &cfg);
        assert_eq!(c.width(), 4);
        let ids = c.get("موسكو").expect("frequent word clustered");
        assert!(ids[2] < 2 && ids[3] < 3);
        assert_eq!(
            learn_clusters(texts.iter().copied(), &cfg),
            c,
            "deterministic"
        );
    }

    #[test]
    fn embedding_columns_are_learned_and_round_trip() {
        let texts = [
            "وصل الرئيس الروسي إلى موسكو أمس. وصل الرئيس الفرنسي إلى باريس أمس.",
            "وصل الوزير الروسي إلى موسكو اليوم. وصل الوزير الفرنسي إلى باريس اليوم.",
            "قال الرئيس إن موسكو وباريس تتفقان. قال الوزير إن باريس وموسكو تتفقان.",
        ];
        let cfg = ClusterConfig {
            vocab: 100,
            min_count: 2,
            contexts: 20,
            fine: 4,
            coarse: 2,
            extra: vec![3],
            embed_dims: 10,
            embed_context: true,
            ..ClusterConfig::default()
        };
        let c = learn_clusters(texts.iter().copied(), &cfg);
        assert_eq!((c.width(), c.embedding_cols(), c.cluster_cols()), (5, 2, 3));
        assert!(c.embedding_context());
        let back = Clusters::from_text(&c.to_text()).unwrap();
        assert_eq!(back, c);
        assert_eq!(learn_clusters(texts.iter().copied(), &cfg), c);
        // Some word gets a non-zero code in some dimension.
        assert!(c
            .sorted_rows()
            .iter()
            .any(|(_, ids)| ids[3] != 0 || ids[4] != 0));
    }
}
