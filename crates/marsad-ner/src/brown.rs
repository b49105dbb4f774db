//! Brown clustering (Brown et al. 1992, "Class-based n-gram models of natural language"), the
//! windowed exact-merge variant of Liang (2005): keep `C` active clusters; add the next most
//! frequent word as a cluster of its own and merge the pair of clusters whose merge loses the
//! least average mutual information between adjacent clusters; after the last word, merge the
//! `C` clusters down to one. The final `C − 1` merges form a binary tree; a word's bit string is
//! the path from the root to its cluster (`0` = the child with the smaller cluster id).
//!
//! The loss of every pair is kept in a table and updated in O(1) per pair after each merge, so
//! a step costs O(C²) and a run O(V·C²) for `V` words. Single-threaded and deterministic: words
//! are added in order of frequency (ties by spelling) and equal losses go to the pair of lower
//! cluster ids, i.e. more frequent words first.

use crate::clusters::GAP;
use std::collections::HashMap;

/// Settings of [`learn_brown`].
#[derive(Debug, Clone)]
pub struct BrownConfig {
    /// Number of active clusters `C` (leaves of the bit-string tree).
    pub clusters: usize,
    /// Minimum corpus count of a clustered word.
    pub min_count: u32,
    /// Most frequent words clustered.
    pub vocab: usize,
}

impl Default for BrownConfig {
    fn default() -> Self {
        BrownConfig {
            clusters: 256,
            min_count: 5,
            vocab: 30_000,
        }
    }
}

/// Word → Brown bit string (`'0'`/`'1'` characters, root to leaf).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BrownPaths {
    map: HashMap<String, Box<str>>,
}

impl BrownPaths {
    /// Builds from (normalised word, bit string) pairs; strings other than `0`/`1` are skipped.
    pub fn from_entries(entries: impl IntoIterator<Item = (String, String)>) -> BrownPaths {
        BrownPaths {
            map: entries
                .into_iter()
                .filter(|(_, p)| p.bytes().all(|b| b == b'0' || b == b'1'))
                .map(|(w, p)| (w, p.into_boxed_str()))
                .collect(),
        }
    }

    /// The bit string of a normalised word.
    #[inline]
    pub fn get(&self, norm: &str) -> Option<&str> {
        self.map.get(norm).map(|p| &**p)
    }

    /// Number of words with a bit string.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no word has a bit string.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Entries sorted by word, so serialisation is deterministic.
    pub fn sorted(&self) -> Vec<(&str, &str)> {
        let mut v: Vec<(&str, &str)> = self.map.iter().map(|(w, p)| (&**w, &**p)).collect();
        v.sort_unstable();
        v
    }

    /// Text form (`bits<TAB>word` lines, like Liang's `paths` file), for caching.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        for (w, p) in self.sorted() {
            s.push_str(p);
            s.push('\t');
            s.push_str(w);
            s.push('\n');
        }
        s
    }

    /// Parses [`BrownPaths::to_text`] (a third column, e.g. Liang's counts, is ignored); `None`
    /// if a line is malformed.
    pub fn from_text(text: &str) -> Option<BrownPaths> {
        let mut map = HashMap::new();
        for l in text.lines().filter(|l| !l.is_empty()) {
            let mut f = l.split('\t');
            let (p, w) = (f.next()?, f.next()?);
            if !p.bytes().all(|b| b == b'0' || b == b'1') {
                return None;
            }
            map.insert(w.to_string(), p.into());
        }
        Some(BrownPaths { map })
    }
}

/// Learns Brown clusters from raw text, tokenised and normalised exactly like
/// [`crate::learn_clusters`]; bigrams do not cross document boundaries.
pub fn learn_brown<'a>(texts: impl IntoIterator<Item = &'a str>, cfg: &BrownConfig) -> BrownPaths {
    let corpus = crate::clusters::index_corpus(texts);
    let rank = corpus.ranked();
    let n = rank
        .iter()
        .take(cfg.vocab)
        .take_while(|&&w| corpus.counts[w as usize] >= cfg.min_count)
        .count();
    let mut vocab_of = vec![u32::MAX; corpus.words.len()];
    for (r, &w) in rank.iter().take(n).enumerate() {
        vocab_of[w as usize] = r as u32;
    }
    let counts: Vec<u64> = rank[..n]
        .iter()
        .map(|&w| corpus.counts[w as usize] as u64)
        .collect();
    let mut bigrams: HashMap<(u32, u32), u64> = HashMap::new();
    for pair in corpus.tokens.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a == GAP || b == GAP {
            continue;
        }
        let (a, b) = (vocab_of[a as usize], vocab_of[b as usize]);
        if a != u32::MAX && b != u32::MAX {
            *bigrams.entry((a, b)).or_insert(0) += 1;
        }
    }
    let total = corpus.tokens.iter().filter(|&&t| t != GAP).count() as u64;
    let leaf_paths = cluster(&counts, bigrams, total, cfg.clusters, false);
    BrownPaths {
        map: leaf_paths
            .into_iter()
            .enumerate()
            .map(|(r, p)| (corpus.words[rank[r] as usize].clone(), p.into_boxed_str()))
            .collect(),
    }
}

const NONE: u32 = u32::MAX;

/// `x ln x` (0 at 0).
#[inline]
fn xlnx(x: f64) -> f64 {
    if x > 0.0 {
        x * x.ln()
    } else {
        0.0
    }
}

/// `xlnx(a + b)` given `xlnx(a)` and `xlnx(b)`: no logarithm when either is zero.
#[inline]
fn xl_sum(a: f64, xa: f64, b: f64, xb: f64) -> f64 {
    if a == 0.0 {
        xb
    } else if b == 0.0 {
        xa
    } else {
        xlnx(a + b)
    }
}

/// The state of the clustering: `k = C + 2` slots, each empty or holding one cluster.
///
/// With `p(s)` the share of tokens in cluster `s` and `p(s, t)` the share of bigrams "s then t",
/// the average mutual information is `Σ q(s, t)`, `q(s, t) = p(s, t) ln(p(s, t) / (p(s) p(t)))`,
/// i.e. `q(s, t) = x ln x − x (ln p(s) + ln p(t))` with `x = p(s, t)`. Every pair table is kept
/// with its transpose (`..t`, at `t * k + s`) so that all inner loops read memory in order.
struct State {
    k: usize,
    /// Cluster id of each slot (`NONE` = free). Words are clusters `0..n` (their rank); merges
    /// get ids `n, n + 1, ...`.
    id: Vec<u32>,
    /// Occupied slots, increasing.
    active: Vec<usize>,
    /// Free slots, increasing.
    free: Vec<usize>,
    p1: Vec<f64>,
    lp1: Vec<f64>,
    /// `p(s, t)` at `s * k + t`.
    p2: Vec<f64>,
    p2t: Vec<f64>,
    /// `p(s, t) ln p(s, t)`.
    xl2: Vec<f64>,
    xl2t: Vec<f64>,
    /// `q(s, t)`.
    q2: Vec<f64>,
    q2t: Vec<f64>,
    /// Loss of merging `s < t`, at `s * k + t`.
    l2: Vec<f64>,
    /// `ln(p(s) + p(t))`, symmetric.
    lh: Vec<f64>,
    /// Current mutual information (for checks).
    minfo: f64,
}

impl State {
    fn new(c: usize) -> State {
        let k = c + 2;
        let m = || vec![0.0; k * k];
        State {
            k,
            id: vec![NONE; k],
            active: Vec::with_capacity(k),
            free: (0..k).collect(),
            p1: vec![0.0; k],
            lp1: vec![0.0; k],
            p2: m(),
            p2t: m(),
            xl2: m(),
            xl2t: m(),
            q2: m(),
            q2t: m(),
            l2: m(),
            lh: m(),
            minfo: 0.0,
        }
    }

    #[inline]
    fn up(&self, s: usize, t: usize) -> usize {
        if s < t {
            s * self.k + t
        } else {
            t * self.k + s
        }
    }

    /// `q(s, t) + q(t, s)` (once for `s == t`).
    #[inline]
    fn bi_q2(&self, s: usize, t: usize) -> f64 {
        let i = s * self.k + t;
        if s == t {
            self.q2[i]
        } else {
            self.q2[i] + self.q2t[i]
        }
    }

    /// `q(st, u) + q(u, st)` of the hypothetical merge `st` of `s` and `t` (`u` ≠ `s`, `t`).
    #[inline]
    fn bi_hyp_q2(&self, s: usize, t: usize, u: usize) -> f64 {
        let k = self.k;
        let (su, tu) = (s * k + u, t * k + u);
        let (a1, a2) = (self.p2[su], self.p2[tu]);
        let xa = xl_sum(a1, self.xl2[su], a2, self.xl2[tu]);
        let (b1, b2) = (self.p2t[su], self.p2t[tu]);
        let xb = xl_sum(b1, self.xl2t[su], b2, self.xl2t[tu]);
        xa + xb - (a1 + a2 + b1 + b2) * (self.lh[s * k + t] + self.lp1[u])
    }

    /// [`State::bi_hyp_q2`]`(v, w, x)` read along row `x` of the tables, for loops over `w`.
    #[inline]
    fn hyp_with(&self, v: usize, w: usize, x: usize) -> f64 {
        let k = self.k;
        let (xv, xw) = (x * k + v, x * k + w);
        let (a1, a2) = (self.p2t[xv], self.p2t[xw]);
        let xa = xl_sum(a1, self.xl2t[xv], a2, self.xl2t[xw]);
        let (b1, b2) = (self.p2[xv], self.p2[xw]);
        let xb = xl_sum(b1, self.xl2[xv], b2, self.xl2[xw]);
        xa + xb - (a1 + a2 + b1 + b2) * (self.lh[v * k + w] + self.lp1[x])
    }

    /// `q(st, st)` of the hypothetical merge of `s` and `t`.
    #[inline]
    fn hyp_self(&self, s: usize, t: usize) -> f64 {
        let k = self.k;
        let p = self.p2[s * k + s] + self.p2[s * k + t] + self.p2[t * k + s] + self.p2[t * k + t];
        xlnx(p) - 2.0 * p * self.lh[s * k + t]
    }

    /// The loss of merging `s` and `t`, from scratch: O(C).
    fn full_l2(&self, s: usize, t: usize) -> f64 {
        let k = self.k;
        let mut l = 0.0;
        for &u in &self.active {
            let (su, tu) = (s * k + u, t * k + u);
            l += self.q2[su] + self.q2t[su] + self.q2[tu] + self.q2t[tu];
            if u != s && u != t {
                l -= self.bi_hyp_q2(s, t, u);
            }
        }
        l - self.q2[s * k + s] - self.q2[t * k + t] - self.bi_q2(s, t) - self.hyp_self(s, t)
    }

    fn set_p2(&mut self, s: usize, t: usize, p: f64) {
        let (i, j) = (s * self.k + t, t * self.k + s);
        let xl = xlnx(p);
        let q = if p > 0.0 {
            xl - p * (self.lp1[s] + self.lp1[t])
        } else {
            0.0
        };
        (self.p2[i], self.xl2[i], self.q2[i]) = (p, xl, q);
        (self.p2t[j], self.xl2t[j], self.q2t[j]) = (p, xl, q);
    }

    /// Puts cluster `id` of probability `p` into the free slot `s`; its row and column of `p2`
    /// start at zero.
    fn occupy(&mut self, s: usize, id: u32, p: f64) {
        self.free.retain(|&x| x != s);
        self.id[s] = id;
        let pos = self.active.partition_point(|&x| x < s);
        self.active.insert(pos, s);
        self.p1[s] = p;
        self.lp1[s] = p.ln();
        for t in 0..self.k {
            self.set_p2(s, t, 0.0);
            self.set_p2(t, s, 0.0);
        }
        for i in 0..self.active.len() {
            let t = self.active[i];
            let l = (self.p1[s] + self.p1[t]).ln();
            self.lh[s * self.k + t] = l;
            self.lh[t * self.k + s] = l;
        }
    }

    fn release(&mut self, s: usize) {
        self.id[s] = NONE;
        self.active.retain(|&x| x != s);
        let pos = self.free.partition_point(|&x| x < s);
        self.free.insert(pos, s);
    }

    /// After slot `s` got its probabilities: its losses from scratch, and the new terms (pairs
    /// with `s`) of the other pairs' losses. O(C²).
    fn add_slot_losses(&mut self, s: usize) {
        let act = self.active.clone();
        let k = self.k;
        let bq: Vec<f64> = (0..k).map(|t| self.bi_q2(t, s)).collect();
        for (i, &t) in act.iter().enumerate() {
            if t == s {
                continue;
            }
            for &u in &act[i + 1..] {
                if u == s {
                    continue;
                }
                let d = bq[t] + bq[u] - self.hyp_with(t, u, s);
                self.l2[t * k + u] += d;
            }
        }
        for &t in &act {
            if t != s {
                let j = self.up(s, t);
                self.l2[j] = self.full_l2(s, t);
            }
        }
    }

    /// The active pair with the least loss; ties go to the lower cluster ids.
    fn best_pair(&self) -> (usize, usize) {
        let mut best = (f64::INFINITY, NONE, NONE);
        let mut arg = (usize::MAX, usize::MAX);
        for (i, &s) in self.active.iter().enumerate() {
            for &t in &self.active[i + 1..] {
                let l = self.l2[s * self.k + t];
                let (a, b) = (self.id[s].min(self.id[t]), self.id[s].max(self.id[t]));
                if l < best.0 || (l == best.0 && (a, b) < (best.1, best.2)) {
                    best = (l, a, b);
                    arg = (s, t);
                }
            }
        }
        arg
    }

    /// Merges the clusters of slots `s` and `t` into a new cluster `id`; returns its slot.
    fn merge(&mut self, s: usize, t: usize, id: u32) -> usize {
        let k = self.k;
        self.minfo -= self.l2[self.up(s, t)];
        let pst = self.p1[s] + self.p1[t];
        self.release(s);
        self.release(t);
        // The new slot is neither `s` nor `t`, whose rows the updates below still read.
        let u = *self
            .free
            .iter()
            .find(|&&x| x != s && x != t)
            .expect("a spare slot");
        self.occupy(u, id, pst);
        let puu = self.p2[s * k + s] + self.p2[s * k + t] + self.p2[t * k + s] + self.p2[t * k + t];
        self.set_p2(u, u, puu);
        let act = self.active.clone();
        for &v in &act {
            if v != u {
                self.set_p2(u, v, self.p2[s * k + v] + self.p2[t * k + v]);
                self.set_p2(v, u, self.p2t[s * k + v] + self.p2t[t * k + v]);
            }
        }
        // Other pairs: replace their terms with s and t by the term with u.
        let bq: Vec<f64> = (0..k)
            .map(|v| self.bi_q2(v, u) - self.bi_q2(v, s) - self.bi_q2(v, t))
            .collect();
        for (i, &v) in act.iter().enumerate() {
            if v == u {
                continue;
            }
            for &w in &act[i + 1..] {
                if w == u {
                    continue;
                }
                let d = bq[v] + bq[w] + self.hyp_with(v, w, s) + self.hyp_with(v, w, t)
                    - self.hyp_with(v, w, u);
                self.l2[v * k + w] += d;
            }
        }
        for &v in &act {
            if v != u {
                let j = self.up(u, v);
                self.l2[j] = self.full_l2(u, v);
            }
        }
        u
    }

    /// Sum of all `q` terms of the active clusters.
    fn total_q(&self) -> f64 {
        let mut m = 0.0;
        for &s in &self.active {
            for &t in &self.active {
                m += self.q2[s * self.k + t];
            }
        }
        m
    }

    /// Test check: every stored loss equals its recomputation, the running mutual information
    /// the sum of the `q` terms.
    fn verify(&self) {
        let tol = 1e-9 * self.total_q().abs().max(1.0);
        assert!(
            (self.minfo - self.total_q()).abs() <= tol,
            "mutual information"
        );
        for (i, &s) in self.active.iter().enumerate() {
            for &t in &self.active[i + 1..] {
                let (a, b) = (self.l2[s * self.k + t], self.full_l2(s, t));
                assert!(
                    (a - b).abs() <= tol,
                    "loss of {s},{t}: kept {a}, recomputed {b}"
                );
            }
        }
    }
}

/// Word → cluster bookkeeping: groups named by a representative word, merged small into large.
struct Groups {
    /// Group of each clustered word.
    of_word: Vec<u32>,
    members: Vec<Vec<u32>>,
    /// Slot of each group.
    slot: Vec<usize>,
    /// Group in each slot.
    in_slot: Vec<u32>,
}

/// Clusters words `0..n` (in order of decreasing frequency) given unigram counts and bigram
/// counts over a text of `total` tokens; returns each word's bit string. `verify` checks the
/// incremental loss table after every step (slow; tests only).
fn cluster(
    counts: &[u64],
    bigrams: HashMap<(u32, u32), u64>,
    total: u64,
    c: usize,
    verify: bool,
) -> Vec<String> {
    let n = counts.len();
    if n == 0 {
        return Vec::new();
    }
    let c = c.clamp(1, n);
    let tot = total.max(1) as f64;
    // Neighbours of each word with counts, sorted (deterministic order of additions).
    let mut right: Vec<Vec<(u32, u64)>> = vec![Vec::new(); n];
    let mut left: Vec<Vec<(u32, u64)>> = vec![Vec::new(); n];
    for (&(a, b), &m) in &bigrams {
        right[a as usize].push((b, m));
        left[b as usize].push((a, m));
    }
    drop(bigrams);
    right.iter_mut().for_each(|v| v.sort_unstable());
    left.iter_mut().for_each(|v| v.sort_unstable());
    let mut g = Groups {
        of_word: vec![NONE; n],
        members: vec![Vec::new(); n],
        slot: vec![usize::MAX; n],
        in_slot: vec![NONE; c + 2],
    };
    let mut st = State::new(c);
    // Children of the final C − 1 merges, which make the tree.
    let mut children: Vec<(u32, u32)> = Vec::new();
    let mut next_id = n as u32;
    // Stage 1 makes n − C merges; the stage-2 merges come after.
    let stage2_first = (2 * n - c) as u32;

    // Adds word `r` as a cluster; its bigrams with the words already clustered become `p2`.
    let add_word = |st: &mut State, g: &mut Groups, r: usize| -> usize {
        let s = st.free[0];
        st.occupy(s, r as u32, counts[r] as f64 / tot);
        g.of_word[r] = r as u32;
        g.members[r] = vec![r as u32];
        g.slot[r] = s;
        g.in_slot[s] = r as u32;
        let mut acc: Vec<((usize, usize), u64)> = Vec::new();
        for &(b, m) in right[r].iter().filter(|e| e.0 as usize <= r) {
            acc.push(((s, g.slot[g.of_word[b as usize] as usize]), m));
        }
        for &(a, m) in left[r].iter().filter(|e| (e.0 as usize) < r) {
            acc.push(((g.slot[g.of_word[a as usize] as usize], s), m));
        }
        acc.sort_unstable();
        let mut i = 0;
        while i < acc.len() {
            let (pair, mut m) = acc[i];
            i += 1;
            while i < acc.len() && acc[i].0 == pair {
                m += acc[i].1;
                i += 1;
            }
            st.set_p2(pair.0, pair.1, m as f64 / tot);
            st.minfo += st.q2[pair.0 * st.k + pair.1];
        }
        s
    };
    let mut do_merge = |st: &mut State, g: &mut Groups, stage2: bool| {
        let (s, t) = st.best_pair();
        let (a, b) = (st.id[s].min(st.id[t]), st.id[s].max(st.id[t]));
        let id = next_id;
        next_id += 1;
        if stage2 {
            children.push((a, b));
        }
        let (gs, gt) = (g.in_slot[s], g.in_slot[t]);
        let (big, small) = if g.members[gs as usize].len() >= g.members[gt as usize].len() {
            (gs, gt)
        } else {
            (gt, gs)
        };
        let moved = std::mem::take(&mut g.members[small as usize]);
        for &w in &moved {
            g.of_word[w as usize] = big;
        }
        g.members[big as usize].extend(moved);
        g.in_slot[s] = NONE;
        g.in_slot[t] = NONE;
        let u = st.merge(s, t, id);
        g.slot[big as usize] = u;
        g.in_slot[u] = big;
        if verify {
            st.verify();
        }
    };

    for r in 0..c {
        add_word(&mut st, &mut g, r);
    }
    let act = st.active.clone();
    for (i, &s) in act.iter().enumerate() {
        for &t in &act[i + 1..] {
            st.l2[s * st.k + t] = st.full_l2(s, t);
        }
    }
    if verify {
        st.verify();
    }
    for r in c..n {
        let s = add_word(&mut st, &mut g, r);
        st.add_slot_losses(s);
        if verify {
            st.verify();
        }
        do_merge(&mut st, &mut g, false);
    }
    // The C clusters left are the leaves of the tree: each word's leaf.
    let mut leaf_of = vec![NONE; n];
    for &s in &st.active {
        for &w in &g.members[g.in_slot[s] as usize] {
            leaf_of[w as usize] = st.id[s];
        }
    }
    let first_leaf = st.id[st.active[0]];
    for _ in 1..c {
        do_merge(&mut st, &mut g, true);
    }
    // Paths from the root down; ids below `stage2_first` are leaves.
    let mut path_of: HashMap<u32, String> = HashMap::new();
    let root = if c > 1 {
        stage2_first + c as u32 - 2
    } else {
        first_leaf
    };
    let mut stack = vec![(root, String::new())];
    while let Some((id, p)) = stack.pop() {
        if id >= stage2_first {
            let (a, b) = children[(id - stage2_first) as usize];
            stack.push((b, format!("{p}1")));
            stack.push((a, format!("{p}0")));
        } else {
            path_of.insert(id, p);
        }
    }
    leaf_of.iter().map(|l| path_of[l].clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Word-id text → (counts of words 0..n in frequency order, bigrams, total).
    fn counts_of(text: &[u32]) -> (Vec<u64>, HashMap<(u32, u32), u64>, u64) {
        let n = *text.iter().max().unwrap() as usize + 1;
        let mut counts = vec![0u64; n];
        text.iter().for_each(|&w| counts[w as usize] += 1);
        let mut bigrams = HashMap::new();
        for p in text.windows(2) {
            *bigrams.entry((p[0], p[1])).or_insert(0) += 1;
        }
        (counts, bigrams, text.len() as u64)
    }

    #[test]
    fn incremental_losses_match_recomputation() {
        // A small class-based text: determiners, nouns, verbs in a pseudo-random order.
        let mut text = Vec::new();
        let mut x = 12345u64;
        for _ in 0..400 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let (d, nn, v) = ((x % 2) as u32, 2 + (x >> 8) % 4, 6 + (x >> 16) % 3);
            text.extend([d, nn as u32, v as u32]);
        }
        // Make the ids frequency-ranked.
        let (counts, _, _) = counts_of(&text);
        let mut order: Vec<u32> = (0..counts.len() as u32).collect();
        order.sort_by_key(|&w| (std::cmp::Reverse(counts[w as usize]), w));
        let mut rank = vec![0u32; order.len()];
        for (r, &w) in order.iter().enumerate() {
            rank[w as usize] = r as u32;
        }
        let text: Vec<u32> = text.iter().map(|&w| rank[w as usize]).collect();
        let (counts, bigrams, total) = counts_of(&text);
        // More clusters than classes: the loss table is checked through more merges.
        cluster(&counts, bigrams.clone(), total, 6, true);
        let paths = cluster(&counts, bigrams, total, 3, true);
        assert_eq!(paths.len(), 9);
        assert!(paths
            .iter()
            .all(|p| p.bytes().all(|b| b == b'0' || b == b'1')));
        // Words of one class share their cluster (the same path); classes differ.
        let of = |w: u32| &paths[rank[w as usize] as usize];
        assert_eq!(of(0), of(1), "determiners");
        assert!([3, 4, 5].iter().all(|&w| of(w) == of(2)), "nouns");
        assert!([7, 8].iter().all(|&w| of(w) == of(6)), "verbs");
        assert_ne!(of(0), of(2));
        assert_ne!(of(2), of(6));
    }

    #[test]
    fn words_with_the_same_contexts_share_a_long_prefix_on_real_sentences() {
        let mut texts = Vec::new();
        for (city, verb) in [
            ("موسكو", "وصل"),
            ("باريس", "وصل"),
            ("لندن", "عاد"),
            ("برلين", "عاد"),
        ] {
            for who in ["الرئيس", "الوزير", "السفير"] {
                texts.push(format!("{verb} {who} إلى {city} أمس ."));
                texts.push(format!("قال {who} في {city} إن المحادثات جيدة ."));
            }
        }
        let cfg = BrownConfig {
            clusters: 6,
            min_count: 1,
            vocab: 1000,
        };
        let b = learn_brown(texts.iter().map(String::as_str), &cfg);
        assert_eq!(
            b,
            learn_brown(texts.iter().map(String::as_str), &cfg),
            "deterministic"
        );
        let p = |w: &str| b.get(w).unwrap_or_else(|| panic!("{w} has a path"));
        let common =
            |x: &str, y: &str| x.bytes().zip(y.bytes()).take_while(|(a, b)| a == b).count();
        // The four cities appear in identical contexts: they share a path (same leaf)...
        let moscow = p("موسكو");
        for c in ["باريس", "لندن", "برلين"] {
            assert_eq!(p(c), moscow, "{c}");
        }
        // ...as do the three titles, in another leaf.
        assert_eq!(p("الرئيس"), p("الوزير"));
        assert_eq!(p("السفير"), p("الوزير"));
        assert_ne!(p("الرئيس"), moscow);
        // A city is closer in the tree to a city than to the full stop.
        assert!(common(moscow, p("باريس")) > common(moscow, p(".")));
        let back = BrownPaths::from_text(&b.to_text()).unwrap();
        assert_eq!(back, b);
        assert!(BrownPaths::from_text("01x\tكلمة\n").is_none());
    }
}
