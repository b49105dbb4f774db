//! Feature extraction: every feature is a hashed (template, value) pair mapped to a bucket.

use crate::clusters::{Clusters, MAX_EMB_COLS};
use crate::lexicon::Lexicon;
use crate::stem::proclitic_len;
use crate::tags::Tag;
use marsad_text::{fold_char, NormalizeOptions};

/// Per-token precomputed hashes; features of a position combine those of its neighbours.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokInfo {
    raw: u64,
    norm: u64,
    stem: u64,
    procl: u64,
    pre2: u64,
    pre3: u64,
    suf1: u64,
    suf2: u64,
    suf3: u64,
    shape: u64,
    len: u64,
    cl_fine: u64,
    cl_coarse: u64,
    cl_extra: [u64; MAX_EXTRA],
    gaz: u64,
    lex: u64,
    lex_stem: u64,
    pre4: u64,
    suf4: u64,
    tri: [u64; 6],
    /// Self-trained lexicon code (label and share the tagger gives the word in raw news).
    auto: u64,
    /// Key of the word for document-level counts (stem hash; 0 for punctuation/digits).
    pub(crate) key: u64,
    doc_maj: u64,
    doc_ent: u64,
    s1: u64,
    /// Packed binarised embedding codes (2 bits per dimension) of the word.
    emb: [u16; MAX_EMB_COLS],
    /// Number of used `emb` columns.
    emb_n: u8,
    /// Whether the neighbours' embedding codes are features of this token.
    emb_ctx: bool,
    /// Wide-context features are on (see [`Scratch::prepare`]'s `wide`).
    wide: bool,
    /// Quotation context: 1 inside quotes, +2 right after an opening quote, +4 right before a
    /// closing one (0 = none or wide context off).
    quote: u64,
    /// Character scorer's best tag × confidence band (0 = no scorer).
    nn: u64,
    /// Character scorer's entity probability band × likeliest type (0 = no scorer).
    nn_ent: u64,
    /// Hashes of the word's Brown bit-string prefixes of [`BROWN_PREFIXES`] lengths (0 = none).
    brown: [u64; 4],
}

/// Lengths of the Brown bit-string prefixes used as features (Ratinov & Roth 2009); a shorter
/// string is used whole.
pub(crate) const BROWN_PREFIXES: [usize; 4] = [4, 6, 10, 20];

/// Document-level evidence about a token, from the first-pass predictions of the same document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct DocInfo {
    /// 1 + majority label (0 = O, 1.. entity types) of the word's other occurrences nearby,
    /// mixed with how many there are (capped); 0 if none.
    pub(crate) maj: u64,
    /// 1 + majority entity type among those occurrences mixed with the entity share; 0 if none.
    pub(crate) ent: u64,
    /// 1 + the first pass's tag index of this token (0 when stacking is off).
    pub(crate) s1: u64,
}

/// Label index of a tag for document counts: 0 = O, 1 + entity type otherwise.
#[inline]
pub(crate) fn label_slot(tag_index: usize) -> usize {
    if tag_index == 0 || tag_index >= crate::N_TAGS {
        0
    } else {
        1 + (tag_index - 1) / 2
    }
}

/// Document features of every token of a stream from its keys and first-pass tags: counts over
/// the other occurrences of the same key within `window` tokens on either side (sliding, O(n)).
pub(crate) fn doc_infos(
    keys: &[u64],
    tags: &[usize],
    window: usize,
    stack: bool,
    out: &mut Vec<DocInfo>,
) {
    use std::collections::HashMap;
    out.clear();
    let n = keys.len();
    let mut counts: HashMap<u64, [u32; 5], std::hash::BuildHasherDefault<KeyHasher>> =
        HashMap::default();
    let (mut lo, mut hi) = (0usize, 0usize);
    for p in 0..n {
        while hi < n && hi <= p + window {
            if keys[hi] != 0 {
                counts.entry(keys[hi]).or_default()[label_slot(tags[hi])] += 1;
            }
            hi += 1;
        }
        while lo + window < p {
            if keys[lo] != 0 {
                if let Some(c) = counts.get_mut(&keys[lo]) {
                    c[label_slot(tags[lo])] -= 1;
                }
            }
            lo += 1;
        }
        let mut d = DocInfo {
            s1: if stack { 1 + tags[p] as u64 } else { 0 },
            ..DocInfo::default()
        };
        if keys[p] != 0 {
            let mut c = counts.get(&keys[p]).copied().unwrap_or_default();
            c[label_slot(tags[p])] -= 1;
            let total: u32 = c.iter().sum();
            if total > 0 {
                let maj = (0..5).fold(0, |b, i| if c[i] > c[b] { i } else { b });
                d.maj = 1 + (maj as u64) * 8 + total.min(4) as u64;
                let ent: u32 = c[1..].iter().sum();
                if ent > 0 {
                    let e = (1..5).fold(1, |b, i| if c[i] > c[b] { i } else { b });
                    let share = (4 * ent / total).min(3) as u64;
                    d.ent = 1 + (e as u64) * 8 + share;
                }
            }
        }
        out.push(d);
    }
}

/// Extra clusterings used as features (more are ignored).
pub(crate) const MAX_EXTRA: usize = 4;

const BOS: u64 = 0x9e37_79b9_7f4a_7c15;
const EOS: u64 = 0xc2b2_ae3d_27d4_eb4f;

#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let mut z = (a.rotate_left(23) ^ b).wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Stable 64-bit hash of bytes (FNV-1a then a finaliser); stable across platforms and releases.
#[inline]
pub(crate) fn hash_bytes(b: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h, b.len() as u64)
}

/// `char::is_alphabetic` with fast paths for ASCII and the Arabic letter block (all alphabetic),
/// which cover nearly every token; the general lookup is slow.
#[inline]
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if ('\u{0621}'..='\u{064A}').contains(&c) {
        true
    } else {
        c.is_alphabetic()
    }
}

/// Keys are already well-mixed 64-bit hashes: use them as they are instead of SipHash.
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8)) ^ b as u64;
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Character class for word shape.
fn class(c: char) -> u8 {
    if c.is_ascii_digit() {
        b'd'
    } else if c.is_ascii_alphabetic() {
        b'L'
    } else if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) {
        b'a'
    } else if c.is_alphabetic() {
        b'x'
    } else {
        // Punctuation keeps its identity: "." and "(" behave very differently.
        (c as u32 & 0x7f) as u8 | 0x80
    }
}

/// Reusable buffers so tagging does not allocate per token.
#[derive(Default)]
pub(crate) struct Scratch {
    norm: String,
    shape: Vec<u8>,
    pub(crate) infos: Vec<TokInfo>,
    pub(crate) gaz: Vec<Option<Tag>>,
}

impl Scratch {
    /// Computes token infos for a sentence.
    // Two call sites (training, tagging) pass the model's parts; a struct would only rename them.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn prepare(
        &mut self,
        tokens: &[&str],
        clusters: &Clusters,
        lexicon: &Lexicon,
        auto: &Lexicon,
        gaz: Option<&[Option<Tag>]>,
        doc: Option<&[DocInfo]>,
        wide: bool,
        nn: Option<&[[u64; 2]]>,
    ) {
        self.infos.clear();
        let opts = NormalizeOptions::default();
        for (i, tok) in tokens.iter().enumerate() {
            self.norm.clear();
            self.norm
                .extend(tok.chars().filter_map(|c| fold_char(c, opts)));
            let norm = self.norm.as_str();
            let pl = proclitic_len(norm);
            let stem = &norm[pl..];
            let mut info = TokInfo {
                raw: hash_bytes(tok.as_bytes()),
                norm: hash_bytes(norm.as_bytes()),
                stem: hash_bytes(stem.as_bytes()),
                procl: hash_bytes(&norm.as_bytes()[..pl]),
                ..TokInfo::default()
            };
            let prefix = |n: usize| {
                let end = stem.char_indices().nth(n).map_or(stem.len(), |(b, _)| b);
                hash_bytes(&stem.as_bytes()[..end])
            };
            info.pre2 = prefix(2);
            info.pre3 = prefix(3);
            let nchars = norm.chars().count();
            let suffix = |n: usize| {
                let start = if nchars > n {
                    norm.char_indices().nth(nchars - n).map_or(0, |(b, _)| b)
                } else {
                    0
                };
                hash_bytes(&norm.as_bytes()[start..])
            };
            info.suf1 = suffix(1);
            info.suf2 = suffix(2);
            info.suf3 = suffix(3);
            info.suf4 = suffix(4);
            info.pre4 = prefix(4);
            // Character trigrams of the stem (up to six): transliterated names share them.
            let mut starts = [0usize; 3];
            let mut k = 0usize;
            for (ci, (b, c)) in stem.char_indices().enumerate() {
                starts[ci % 3] = b;
                if ci >= 2 && k < info.tri.len() {
                    let from = starts[(ci + 1) % 3];
                    info.tri[k] = hash_bytes(&stem.as_bytes()[from..b + c.len_utf8()]);
                    k += 1;
                }
            }
            self.shape.clear();
            for c in norm.chars() {
                let k = class(c);
                if self.shape.last() != Some(&k) && self.shape.len() < 8 {
                    self.shape.push(k);
                }
            }
            info.shape = hash_bytes(&self.shape);
            info.len = nchars.min(12) as u64;
            // Clitic-attached words are rare in raw text; fall back to the stem's cluster.
            if let Some(ids) = clusters.get(norm).or_else(|| clusters.get(stem)) {
                info.cl_fine = 1 + ids[0] as u64;
                info.cl_coarse = 1 + ids.get(1).copied().unwrap_or(0) as u64;
                let cc = clusters.cluster_cols();
                for (x, &id) in info.cl_extra.iter_mut().zip(ids.iter().take(cc).skip(2)) {
                    *x = 1 + id as u64;
                }
                let ec = &ids[cc.min(ids.len())..];
                info.emb_n = ec.len().min(MAX_EMB_COLS) as u8;
                info.emb[..info.emb_n as usize].copy_from_slice(&ec[..info.emb_n as usize]);
                info.emb_ctx = clusters.embedding_context();
            }
            let br = clusters.brown();
            if !br.is_empty() {
                if let Some(p) = br.get(norm).or_else(|| br.get(stem)) {
                    for (x, &l) in info.brown.iter_mut().zip(&BROWN_PREFIXES) {
                        *x = hash_bytes(&p.as_bytes()[..l.min(p.len())]).max(1);
                    }
                }
            }
            info.lex = lexicon.get(norm) as u64;
            if !auto.is_empty() {
                let a = auto.get(norm);
                info.auto = if a == 0 { auto.get(stem) } else { a } as u64;
            }
            info.lex_stem = if pl > 0 {
                lexicon.get(stem) as u64
            } else {
                info.lex
            };
            if let Some(Some(t)) = gaz.and_then(|g| g.get(i)) {
                info.gaz = 1 + t.index() as u64;
            }
            if stem.chars().count() >= 2 && stem.chars().all(is_letter) {
                info.key = info.stem;
            }
            if let Some(d) = doc.and_then(|d| d.get(i)) {
                info.set_doc(d);
            }
            if let Some(&[a, b]) = nn.and_then(|c| c.get(i)) {
                info.nn = a;
                info.nn_ent = b;
            }
            info.wide = wide;
            self.infos.push(info);
        }
        if wide {
            mark_quotes(tokens, &mut self.infos);
        }
    }
}

/// Quotation marks that open/close a quote: (is opening, kind); symmetric marks toggle.
fn quote_kind(tok: &str) -> Option<(Option<bool>, u8)> {
    match tok {
        "\"" | "''" | "``" => Some((None, 0)),
        "'" => Some((None, 1)),
        "«" | "“" => Some((Some(true), 2)),
        "»" | "”" => Some((Some(false), 2)),
        _ => None,
    }
}

/// Sets `quote` of every token: inside a quotation (symmetric marks pair up by parity within
/// the sentence, «» and “” by nesting), right after the opening mark, right before the closing.
fn mark_quotes(tokens: &[&str], infos: &mut [TokInfo]) {
    let mut open = [false; 3];
    let mut depth = 0u32;
    let mut inside = vec![false; tokens.len()];
    let mut after_open = vec![false; tokens.len()];
    let mut before_close = vec![false; tokens.len()];
    for (i, t) in tokens.iter().enumerate() {
        // ANERcorp writes a double quote as two `'` tokens: the second belongs to the first.
        if *t == "'" && i > 0 && tokens[i - 1] == "'" {
            if after_open[i] {
                after_open[i] = false;
                if let Some(a) = after_open.get_mut(i + 1) {
                    *a = true;
                }
            }
            continue;
        }
        match quote_kind(t) {
            Some((dir, k)) => {
                let opening = match dir {
                    Some(o) => o,
                    None => !open[k as usize],
                };
                if k < 2 {
                    open[k as usize] = opening;
                } else if opening {
                    depth += 1;
                } else {
                    depth = depth.saturating_sub(1);
                }
                if opening {
                    if let Some(a) = after_open.get_mut(i + 1) {
                        *a = true;
                    }
                } else if i > 0 {
                    before_close[i - 1] = true;
                }
            }
            None => inside[i] = open.iter().any(|&o| o) || depth > 0,
        }
    }
    for (i, info) in infos.iter_mut().enumerate() {
        info.quote = inside[i] as u64 | (after_open[i] as u64) << 1 | (before_close[i] as u64) << 2;
    }
}

/// Feature templates; the discriminant seeds the hash so equal values in different templates differ.
#[derive(Clone, Copy)]
#[repr(u64)]
enum T {
    Bias = 1,
    Raw,
    Norm,
    Stem,
    Procl,
    Pre2,
    Pre3,
    Suf1,
    Suf2,
    Suf3,
    Shape,
    Len,
    NormM1,
    NormP1,
    NormM2,
    NormP2,
    StemM1,
    StemP1,
    BiM1,
    BiP1,
    ShapeM1,
    ShapeP1,
    Pos,
    Suf2M1,
    Suf2P1,
    ClF,
    ClC,
    ClCM1,
    ClCP1,
    ClFM1,
    ClFP1,
    Gaz,
    GazM1,
    GazP1,
    ProclStemP1,
    Lex,
    LexStem,
    Pre4,
    Suf4,
    Tri,
    ClBi,
    ClCM2,
    ClCP2,
    LexM2,
    LexP2,
    LexCl,
    LexM1,
    LexP1,
    LexPair,
    LexWord,
    ClX,
    ClXM1,
    ClXP1,
    ClXBi,
    DocMaj,
    DocEnt,
    DocEntM1,
    DocEntP1,
    S1,
    S1M1,
    S1P1,
    DocEntWord,
    Auto,
    AutoM1,
    AutoP1,
    AutoLex,
    Emb,
    EmbM1,
    EmbP1,
    NormM3,
    NormP3,
    Quote,
    QuoteCl,
    QuoteLex,
    ClCM3,
    ClCP3,
    Nn,
    NnEnt,
    Brown,
    BrownM1,
    BrownP1,
    BrownBi,
}

/// Pushes one feature per non-zero binarised embedding dimension of `t`.
#[inline]
fn emb_features(t: &TokInfo, template: T, bits: u32, out: &mut Vec<u32>) {
    let shift = 64 - bits;
    for (c, &word) in t.emb[..t.emb_n as usize].iter().enumerate() {
        let mut w = word;
        let mut k = 8 * c as u64;
        while w != 0 {
            let code = (w & 3) as u64;
            if code != 0 {
                out.push((mix(template as u64, (k << 2) | code) >> shift) as u32);
            }
            w >>= 2;
            k += 1;
        }
    }
}

/// Number of leading word-identity features [`features`] emits for every position.
pub(crate) const N_LEXICAL: usize = 5;

/// Appends the feature buckets of position `i` to `out`.
#[inline]
pub(crate) fn features(infos: &[TokInfo], i: usize, bits: u32, out: &mut Vec<u32>) {
    let n = infos.len();
    let cur = &infos[i];
    let get = |j: isize| -> Option<&TokInfo> {
        if j < 0 || j as usize >= n {
            None
        } else {
            Some(&infos[j as usize])
        }
    };
    let ii = i as isize;
    let m1 = get(ii - 1);
    let p1 = get(ii + 1);
    let m2 = get(ii - 2);
    let p2 = get(ii + 2);
    let shift = 64 - bits;
    let mut push = |t: T, v: u64| out.push((mix(t as u64, v) >> shift) as u32);
    let or = |o: Option<&TokInfo>, f: fn(&TokInfo) -> u64, edge: u64| o.map_or(edge, f);

    // Word-identity features first: training drops exactly the first N_LEXICAL of a token.
    push(T::Raw, cur.raw);
    push(T::Norm, cur.norm);
    push(T::Stem, cur.stem);
    push(T::BiM1, mix(or(m1, |t| t.norm, BOS), cur.norm));
    push(T::BiP1, mix(cur.norm, or(p1, |t| t.norm, EOS)));
    push(T::Bias, 0);
    push(T::Procl, cur.procl);
    push(T::Pre2, cur.pre2);
    push(T::Pre3, cur.pre3);
    push(T::Suf1, cur.suf1);
    push(T::Suf2, cur.suf2);
    push(T::Suf3, cur.suf3);
    push(T::Shape, cur.shape);
    push(T::Len, cur.len);
    push(T::NormM1, or(m1, |t| t.norm, BOS));
    push(T::NormP1, or(p1, |t| t.norm, EOS));
    push(T::NormM2, or(m2, |t| t.norm, BOS));
    push(T::NormP2, or(p2, |t| t.norm, EOS));
    push(T::StemM1, or(m1, |t| t.stem, BOS));
    push(T::StemP1, or(p1, |t| t.stem, EOS));
    push(T::ShapeM1, mix(or(m1, |t| t.shape, BOS), cur.shape));
    push(T::ShapeP1, mix(cur.shape, or(p1, |t| t.shape, EOS)));
    push(T::Pos, (i == 0) as u64 | (((i + 1 == n) as u64) << 1));
    push(T::Suf2M1, or(m1, |t| t.suf2, BOS));
    push(T::Suf2P1, or(p1, |t| t.suf2, EOS));
    push(T::ProclStemP1, mix(cur.procl, or(p1, |t| t.stem, EOS)));
    if cur.cl_fine != 0 {
        push(T::ClF, cur.cl_fine);
        push(T::ClC, cur.cl_coarse);
    }
    push(T::ClCM1, or(m1, |t| t.cl_coarse, BOS));
    push(T::ClCP1, or(p1, |t| t.cl_coarse, EOS));
    push(T::ClFM1, or(m1, |t| t.cl_fine, BOS));
    push(T::ClFP1, or(p1, |t| t.cl_fine, EOS));
    push(T::Pre4, cur.pre4);
    push(T::Suf4, cur.suf4);
    for &t in cur.tri.iter().filter(|&&t| t != 0) {
        push(T::Tri, t);
    }
    push(T::ClBi, mix(or(m1, |t| t.cl_fine, BOS), cur.cl_fine));
    push(T::ClCM2, or(m2, |t| t.cl_coarse, BOS));
    push(T::ClCP2, or(p2, |t| t.cl_coarse, EOS));
    push(T::LexM2, or(m2, |t| t.lex_stem, 99));
    push(T::LexP2, or(p2, |t| t.lex_stem, 99));
    push(T::LexCl, mix(cur.lex_stem, cur.cl_fine));
    if cur.lex != 0 {
        push(T::Lex, cur.lex);
    }
    if cur.lex_stem != 0 {
        push(T::LexStem, cur.lex_stem);
    }
    push(T::LexM1, or(m1, |t| t.lex_stem, 99));
    push(T::LexP1, or(p1, |t| t.lex_stem, 99));
    push(T::LexPair, mix(or(m1, |t| t.lex_stem, 99), cur.lex_stem));
    push(T::LexWord, mix(or(m1, |t| t.norm, BOS), cur.lex_stem));
    if cur.auto != 0 {
        push(T::Auto, cur.auto);
        push(T::AutoLex, mix(cur.auto, cur.lex_stem));
    }
    if let Some(a) = m1.map(|t| t.auto).filter(|&a| a != 0) {
        push(T::AutoM1, a);
    }
    if let Some(a) = p1.map(|t| t.auto).filter(|&a| a != 0) {
        push(T::AutoP1, a);
    }
    for j in 0..MAX_EXTRA {
        let x = cur.cl_extra[j];
        let (xm1, xp1) = (
            m1.map_or(BOS, |t| t.cl_extra[j]),
            p1.map_or(EOS, |t| t.cl_extra[j]),
        );
        if x == 0 && (xm1 == 0 || xm1 == BOS) && (xp1 == 0 || xp1 == EOS) {
            continue;
        }
        let j = j as u64;
        push(T::ClX, mix(j, x));
        push(T::ClXM1, mix(j, xm1));
        push(T::ClXP1, mix(j, xp1));
        push(T::ClXBi, mix(j, mix(xm1, x)));
    }
    if cur.gaz != 0 {
        push(T::Gaz, cur.gaz);
    }
    if let Some(g) = m1.map(|t| t.gaz).filter(|&g| g != 0) {
        push(T::GazM1, g);
    }
    if let Some(g) = p1.map(|t| t.gaz).filter(|&g| g != 0) {
        push(T::GazP1, g);
    }
    if cur.nn != 0 {
        push(T::Nn, cur.nn);
        push(T::NnEnt, cur.nn_ent);
    }
    if cur.wide {
        let m3 = get(ii - 3);
        let p3 = get(ii + 3);
        push(T::NormM3, or(m3, |t| t.norm, BOS));
        push(T::NormP3, or(p3, |t| t.norm, EOS));
        push(T::ClCM3, or(m3, |t| t.cl_coarse, BOS));
        push(T::ClCP3, or(p3, |t| t.cl_coarse, EOS));
        if cur.quote != 0 {
            push(T::Quote, cur.quote);
            push(T::QuoteCl, mix(cur.quote, cur.cl_coarse));
            push(T::QuoteLex, mix(cur.quote, cur.lex_stem));
        }
    }
    // Brown prefixes: the word's at every length, the neighbours' at 4 and 10, a bigram at 4.
    if cur.brown[0] != 0 {
        for (j, &h) in cur.brown.iter().enumerate() {
            push(T::Brown, mix(j as u64, h));
        }
        push(T::BrownBi, mix(or(m1, |t| t.brown[0], BOS), cur.brown[0]));
    }
    for (o, t) in [(m1, T::BrownM1), (p1, T::BrownP1)] {
        if let Some(x) = o.filter(|x| x.brown[0] != 0) {
            push(t, mix(0, x.brown[0]));
            push(t, mix(2, x.brown[2]));
        }
    }
    emb_features(cur, T::Emb, bits, out);
    if cur.emb_ctx {
        if let Some(t) = m1 {
            emb_features(t, T::EmbM1, bits, out);
        }
        if let Some(t) = p1 {
            emb_features(t, T::EmbP1, bits, out);
        }
    }
}

/// Appends the document-level feature buckets of position `i` (none unless doc info was set).
#[inline]
pub(crate) fn doc_features(infos: &[TokInfo], i: usize, bits: u32, out: &mut Vec<u32>) {
    let cur = &infos[i];
    let m1 = i.checked_sub(1).map(|j| &infos[j]);
    let p1 = infos.get(i + 1);
    let shift = 64 - bits;
    let mut push = |t: T, v: u64| out.push((mix(t as u64, v) >> shift) as u32);
    let or = |o: Option<&TokInfo>, f: fn(&TokInfo) -> u64, edge: u64| o.map_or(edge, f);
    if cur.doc_maj != 0 {
        push(T::DocMaj, cur.doc_maj);
    }
    if cur.doc_ent != 0 {
        push(T::DocEnt, cur.doc_ent);
        push(T::DocEntWord, mix(cur.doc_ent, cur.lex_stem));
    }
    if let Some(d) = m1.map(|t| t.doc_ent).filter(|&d| d != 0) {
        push(T::DocEntM1, d);
    }
    if let Some(d) = p1.map(|t| t.doc_ent).filter(|&d| d != 0) {
        push(T::DocEntP1, d);
    }
    if cur.s1 != 0 {
        push(T::S1, cur.s1);
        push(T::S1M1, mix(or(m1, |t| t.s1, BOS), cur.s1));
        push(T::S1P1, mix(cur.s1, or(p1, |t| t.s1, EOS)));
    }
}

impl TokInfo {
    /// Sets the document-level fields.
    #[inline]
    pub(crate) fn set_doc(&mut self, d: &DocInfo) {
        self.doc_maj = d.maj;
        self.doc_ent = d.ent;
        self.s1 = d.s1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn infos(tokens: &[&str]) -> Vec<TokInfo> {
        let mut sc = Scratch::default();
        sc.prepare(
            tokens,
            &Clusters::default(),
            &Lexicon::default(),
            &Lexicon::default(),
            None,
            None,
            false,
            None,
        );
        sc.infos.clone()
    }

    #[test]
    fn quotation_context_on_real_sentences() {
        // ANERcorp writes a double quote as two `'` tokens.
        let toks = ["نقلت", "صحيفة", "'", "'", "معاريف", "'", "'", "عن", "مصادر"];
        let mut sc = Scratch::default();
        let (cl, lx) = (Clusters::default(), Lexicon::default());
        sc.prepare(&toks, &cl, &lx, &lx, None, None, true, None);
        let q: Vec<u64> = sc.infos.iter().map(|i| i.quote).collect();
        assert_eq!(
            q[4],
            1 | 2 | 4,
            "inside, after the opening, before the closing mark"
        );
        assert_eq!((q[1], q[7], q[8]), (0, 0, 0));
        let toks = ["بعنوان", "«", "حكايات", "الليل", "»", "حيث"];
        sc.prepare(&toks, &cl, &lx, &lx, None, None, true, None);
        let q: Vec<u64> = sc.infos.iter().map(|i| i.quote).collect();
        assert_eq!(q, vec![0, 0, 1 | 2, 1 | 4, 0, 0]);
        // Off unless asked for.
        sc.prepare(&toks, &cl, &lx, &lx, None, None, false, None);
        assert!(sc.infos.iter().all(|i| i.quote == 0));
    }

    #[test]
    fn letter_test_matches_std() {
        for c in "قال توكاييف، إنَّ 2022 Kazakhstan ـ ٱ پ ک ١٢ ۰ ? «".chars()
        {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
        for c in '\u{0600}'..='\u{06FF}' {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn document_counts_see_other_occurrences_only() {
        // "قال توكاييف ... وقال توكاييف": the second mention (with a clitic on the verb) shares
        // the first one's stem key; punctuation has no key.
        let toks = [
            "قال",
            "توكاييف",
            "إن",
            "كازاخستان",
            "آمنة",
            ".",
            "وأكد",
            "توكاييف",
            "ذلك",
        ];
        let inf = infos(&toks);
        let keys: Vec<u64> = inf.iter().map(|i| i.key).collect();
        assert_eq!(keys[1], keys[7]);
        assert_eq!(keys[5], 0);
        // First pass: the first توكاييف is B-PER (index 1), the second was missed (O).
        let mut tags = vec![0usize; toks.len()];
        tags[1] = 1;
        let mut out = Vec::new();
        doc_infos(&keys, &tags, 500, false, &mut out);
        assert_eq!(out.len(), toks.len());
        // The missed mention learns that its other occurrence was a person...
        assert_ne!(out[7].ent, 0);
        assert_eq!(out[7].ent, 1 + 8 + 3);
        // ...the tagged one sees only the missed one (O majority, no entity evidence).
        assert_eq!(out[1].ent, 0);
        assert_eq!(out[1].maj, 1 + 1);
        // A word seen once has no document evidence.
        assert_eq!(out[3], DocInfo::default());
        // A window of 2 tokens no longer connects the two mentions.
        doc_infos(&keys, &tags, 2, false, &mut out);
        assert_eq!(out[7].ent, 0);
    }
}
