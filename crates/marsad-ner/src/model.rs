//! Weights, Viterbi decoding and the binary model format.

use crate::clusters::Clusters;

use crate::lexicon::Lexicon;
use crate::tags::{Tag, N_TAGS};
use crate::NerError;

/// Index of the "sentence start" row in the transition matrix.
pub(crate) const START: usize = N_TAGS;
/// Size of the transition matrix: (N_TAGS + start) × N_TAGS.
pub(crate) const N_TRANS: usize = (N_TAGS + 1) * N_TAGS;

const MAGIC: &[u8; 8] = b"MRSDNER\0";
/// Newest format: 7 adds the Brown bit strings. A model without them is written as version 6,
/// byte-identical to what the previous code wrote.
const VERSION: u32 = 7;
const FLAG_GAZ: u32 = 1;
/// Model uses the wide-context features.
const FLAG_WIDE: u32 = 1 << 17;

/// Allowed (prev, cur) transitions under BIO; `prev == START` is sentence start.
pub(crate) fn allowed(prev: usize, cur: usize) -> bool {
    let p = if prev == START {
        None
    } else {
        Some(Tag::from_index(prev))
    };
    Tag::from_index(cur).may_follow(p)
}

/// Finds the best tag sequence given per-token emission scores (`n × N_TAGS`) and transitions.
///
/// Ties go to the lower tag index so decoding is deterministic.
pub(crate) fn viterbi(
    em: &[f32],
    trans: &[f32; N_TRANS],
    out: &mut Vec<usize>,
    back: &mut Vec<u8>,
) {
    out.clear();
    let n = em.len() / N_TAGS;
    if n == 0 {
        return;
    }
    back.clear();
    back.resize(n * N_TAGS, 0);
    let mut score = [f32::NEG_INFINITY; N_TAGS];
    for (c, s) in score.iter_mut().enumerate() {
        if allowed(START, c) {
            *s = trans[START * N_TAGS + c] + em[c];
        }
    }
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; N_TAGS];
        for (c, nx) in next.iter_mut().enumerate() {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for (p, &sp) in score.iter().enumerate() {
                if sp == f32::NEG_INFINITY || !allowed(p, c) {
                    continue;
                }
                let v = sp + trans[p * N_TAGS + c];
                if v > best {
                    best = v;
                    arg = p as u8;
                }
            }
            back[i * N_TAGS + c] = arg;
            *nx = best + em[i * N_TAGS + c];
        }
        score = next;
    }
    let mut best = 0;
    for c in 1..N_TAGS {
        if score[c] > score[best] {
            best = c;
        }
    }
    out.resize(n, 0);
    out[n - 1] = best;
    for i in (1..n).rev() {
        out[i - 1] = back[i * N_TAGS + out[i]] as usize;
    }
}

/// Emission weights: a bucket → row index plus the packed non-zero rows, so a loaded model takes
/// 4 bytes per bucket plus its used rows instead of `9 × 4` bytes per bucket.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Weights {
    index: Vec<u32>,
    rows: Vec<f32>,
}

const ABSENT: u32 = u32::MAX;

impl Weights {
    /// Packs dense `n_buckets × N_TAGS` weights, dropping all-zero rows.
    pub(crate) fn from_dense(dense: &[f32]) -> Weights {
        let n = dense.len() / N_TAGS;
        let mut index = vec![ABSENT; n];
        let mut rows = Vec::new();
        for (b, slot) in index.iter_mut().enumerate() {
            let r = &dense[b * N_TAGS..(b + 1) * N_TAGS];
            if r.iter().any(|&x| x != 0.0) {
                *slot = (rows.len() / N_TAGS) as u32;
                rows.extend_from_slice(r);
            }
        }
        Weights { index, rows }
    }

    /// The weights of a bucket, if it has any.
    #[inline]
    pub(crate) fn row(&self, bucket: usize) -> Option<&[f32]> {
        match self.index.get(bucket) {
            Some(&r) if r != ABSENT => {
                let s = r as usize * N_TAGS;
                self.rows.get(s..s + N_TAGS)
            }
            _ => None,
        }
    }

    /// Used buckets in increasing order with their rows.
    fn used(&self) -> impl Iterator<Item = (usize, &[f32])> + '_ {
        self.index
            .iter()
            .enumerate()
            .filter_map(|(b, _)| self.row(b).map(|r| (b, r)))
    }
}

/// Trained model parameters.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Model {
    pub(crate) bits: u32,
    /// Emission weights of the `2^bits` buckets (sparse: most buckets are never used).
    pub(crate) w: Weights,
    pub(crate) trans: [f32; N_TRANS],
    pub(crate) clusters: Clusters,
    pub(crate) lexicon: Lexicon,
    /// Self-trained lexicon (word → majority entity type and share when tagging raw news).
    pub(crate) auto: Lexicon,
    pub(crate) uses_gazetteer: bool,
    /// Wide-context features (words at ±3, quotation context) are on.
    pub(crate) wide: bool,
    /// Subtracted from every `O` score at decoding: trades precision for recall (tuned on dev).
    pub(crate) o_bias: f32,
    /// Optional second pass that also sees document-level features from this model's output.
    pub(crate) doc: Option<Box<DocStage>>,
    /// Both passes' rows side by side (`2 × N_TAGS` per bucket), derived from `w` and `doc`, so
    /// the first pass also sums the second pass's scores of the shared features in one lookup.
    pub(crate) joint: Option<JointWeights>,
    /// Character-level scorer whose binned outputs are features (model version ≥ 6).
    pub(crate) charnn: Option<Box<crate::charnn::CharNet>>,
}

/// First- and second-pass weights of each used bucket, interleaved.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct JointWeights {
    index: Vec<u32>,
    rows: Vec<f32>,
}

impl JointWeights {
    /// The `2 × N_TAGS` weights of a bucket, if either pass uses it.
    #[inline]
    pub(crate) fn row(&self, bucket: usize) -> Option<&[f32]> {
        match self.index.get(bucket) {
            Some(&r) if r != ABSENT => {
                let s = r as usize * 2 * N_TAGS;
                self.rows.get(s..s + 2 * N_TAGS)
            }
            _ => None,
        }
    }
}

impl Model {
    /// Rebuilds the joint table after the passes' weights changed.
    pub(crate) fn build_joint(&mut self) {
        self.joint = self.doc.as_ref().filter(|d| !d.residual).map(|d| {
            let n = self.w.index.len().max(d.w.index.len());
            let mut index = vec![ABSENT; n];
            let mut rows = Vec::new();
            for (b, slot) in index.iter_mut().enumerate() {
                let (r1, r2) = (self.w.row(b), d.w.row(b));
                if r1.is_none() && r2.is_none() {
                    continue;
                }
                *slot = (rows.len() / (2 * N_TAGS)) as u32;
                rows.extend_from_slice(r1.unwrap_or(&[0.0; N_TAGS]));
                rows.extend_from_slice(r2.unwrap_or(&[0.0; N_TAGS]));
            }
            JointWeights { index, rows }
        });
    }
}

/// The second-pass model of two-stage (document-consistency) tagging.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DocStage {
    /// Tokens on either side whose first-pass labels are counted.
    pub(crate) window: u32,
    /// Whether the first pass's own tags are features (stacking).
    pub(crate) stack: bool,
    /// Whether `w` holds only document-feature weights added to the first pass's scores.
    pub(crate) residual: bool,
    pub(crate) w: Weights,
    pub(crate) trans: [f32; N_TRANS],
    pub(crate) o_bias: f32,
}

/// Adds the weight rows of `feats` to an emission row.
#[inline]
pub(crate) fn add_rows(w: &Weights, feats: &[u32], row: &mut [f32]) {
    for &f in feats {
        if let Some(w) = w.row(f as usize) {
            for (r, x) in row.iter_mut().zip(w) {
                *r += x;
            }
        }
    }
}

fn put_weights(b: &mut Vec<u8>, w: &Weights) {
    // Rows never updated (all zero) are skipped and bucket ids delta-varint coded; weights stay
    // f32 so a loaded model scores exactly like the trained one.
    let used: Vec<(usize, &[f32])> = w.used().collect();
    b.extend_from_slice(&(used.len() as u32).to_le_bytes());
    let mut last = 0usize;
    for (r, row) in used {
        put_varint(b, (r - last) as u64);
        last = r;
        for x in row {
            b.extend_from_slice(&x.to_le_bytes());
        }
    }
}

fn read_weights(r: &mut Reader<'_>, bits: u32, total: usize) -> Result<Weights, NerError> {
    let n_rows = 1usize << bits;
    let mut index = vec![ABSENT; n_rows];
    let count = r.u32()? as usize;
    // Each stored row takes at least 1 + 36 bytes: bound the allocation by the input size.
    let mut rows = Vec::with_capacity(count.min(total / (1 + 4 * N_TAGS)) * N_TAGS);
    let mut row = 0usize;
    for k in 0..count {
        let d = r.varint()? as usize;
        row = row
            .checked_add(d)
            .filter(|&x| x < n_rows && (k == 0 || d > 0))
            .ok_or_else(|| NerError::Model("row index out of range".into()))?;
        index[row] = (rows.len() / N_TAGS) as u32;
        for _ in 0..N_TAGS {
            rows.push(r.f32()?);
        }
    }
    Ok(Weights { index, rows })
}

impl Model {
    /// Serialises to the versioned binary format (deterministic byte-for-byte).
    pub(crate) fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        let brown = self.clusters.brown();
        let version = if brown.is_empty() { 6 } else { VERSION };
        b.extend_from_slice(&version.to_le_bytes());
        b.extend_from_slice(&self.bits.to_le_bytes());
        // Bits 8..16: packed embedding columns of the cluster table; bit 16: their ±1 context.
        let flags = if self.uses_gazetteer { FLAG_GAZ } else { 0 }
            | ((self.clusters.embedding_cols() as u32) << 8)
            | ((self.clusters.embedding_context() as u32) << 16)
            | if self.wide { FLAG_WIDE } else { 0 };
        b.extend_from_slice(&flags.to_le_bytes());
        b.extend_from_slice(&self.o_bias.to_le_bytes());
        for t in &self.trans {
            b.extend_from_slice(&t.to_le_bytes());
        }
        let entries = self.clusters.sorted_rows();
        b.extend_from_slice(&(self.clusters.width() as u32).to_le_bytes());
        b.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (w, ids) in entries {
            let wb = w.as_bytes();
            b.extend_from_slice(&(wb.len().min(u16::MAX as usize) as u16).to_le_bytes());
            b.extend_from_slice(&wb[..wb.len().min(u16::MAX as usize)]);
            for id in ids {
                b.extend_from_slice(&id.to_le_bytes());
            }
        }
        for l in [&self.lexicon, &self.auto] {
            let lex = l.sorted_entries();
            b.extend_from_slice(&(lex.len() as u32).to_le_bytes());
            for (w, bits) in lex {
                let wb = &w.as_bytes()[..w.len().min(u16::MAX as usize)];
                b.extend_from_slice(&(wb.len() as u16).to_le_bytes());
                b.extend_from_slice(wb);
                b.push(bits);
            }
        }
        put_weights(&mut b, &self.w);
        match &self.doc {
            None => b.push(0),
            Some(d) => {
                b.push(1 + d.stack as u8 + 2 * d.residual as u8);
                b.extend_from_slice(&d.window.to_le_bytes());
                b.extend_from_slice(&d.o_bias.to_le_bytes());
                for t in &d.trans {
                    b.extend_from_slice(&t.to_le_bytes());
                }
                put_weights(&mut b, &d.w);
            }
        }
        match &self.charnn {
            None => b.push(0),
            Some(n) => {
                b.push(1);
                n.write(&mut b);
            }
        }
        if version >= 7 {
            // Brown bit strings: word, length in bits, bits packed 8 per byte (first bit high).
            let entries = brown.sorted();
            b.extend_from_slice(&(entries.len() as u32).to_le_bytes());
            for (w, p) in entries {
                let wb = &w.as_bytes()[..w.len().min(u16::MAX as usize)];
                b.extend_from_slice(&(wb.len() as u16).to_le_bytes());
                b.extend_from_slice(wb);
                let p = &p.as_bytes()[..p.len().min(u16::MAX as usize)];
                b.extend_from_slice(&(p.len() as u16).to_le_bytes());
                for chunk in p.chunks(8) {
                    let byte = chunk
                        .iter()
                        .enumerate()
                        .fold(0u8, |acc, (i, &c)| acc | (((c == b'1') as u8) << (7 - i)));
                    b.push(byte);
                }
            }
        }
        b
    }

    /// Parses the binary format; every malformed input is an error, never a panic.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<Model, NerError> {
        let mut r = Reader { b: bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(NerError::Model("not a marsad NER model (bad magic)".into()));
        }
        let version = r.u32()?;
        if !(3..=VERSION).contains(&version) {
            return Err(NerError::Model(format!(
                "unsupported model version {version}"
            )));
        }
        let bits = r.u32()?;
        if !(8..=24).contains(&bits) {
            return Err(NerError::Model(format!("bad hash width {bits}")));
        }
        let flags = r.u32()?;
        let o_bias = r.f32()?;
        if !o_bias.is_finite() {
            return Err(NerError::Model("non-finite O bias".into()));
        }
        let mut trans = [0f32; N_TRANS];
        for t in trans.iter_mut() {
            *t = r.f32()?;
        }
        // Version 3 stored exactly two cluster ids per word.
        let width = if version == 3 { 2 } else { r.u32()? as usize };
        if width > 64 {
            return Err(NerError::Model(format!("bad cluster width {width}")));
        }
        let n_cl = r.u32()? as usize;
        let mut entries = Vec::with_capacity(n_cl.min(bytes.len() / 2 + 1));
        for _ in 0..n_cl {
            let len = r.u16()? as usize;
            let w = std::str::from_utf8(r.take(len)?)
                .map_err(|_| NerError::Model("cluster word is not UTF-8".into()))?
                .to_string();
            let ids = (0..width)
                .map(|_| r.u16())
                .collect::<Result<Vec<u16>, _>>()?;
            entries.push((w, ids));
        }
        let mut read_lex = || -> Result<Lexicon, NerError> {
            let n_lex = r.u32()? as usize;
            let mut lexicon = Lexicon::default();
            for _ in 0..n_lex {
                let len = r.u16()? as usize;
                let w = std::str::from_utf8(r.take(len)?)
                    .map_err(|_| NerError::Model("lexicon word is not UTF-8".into()))?
                    .to_string();
                let bits = r.take(1)?[0];
                lexicon.insert_raw(w, bits);
            }
            Ok(lexicon)
        };
        let lexicon = read_lex()?;
        // The self-trained lexicon exists from version 5 on.
        let auto = if version >= 5 {
            read_lex()?
        } else {
            Lexicon::default()
        };
        let w = read_weights(&mut r, bits, bytes.len())?;
        let doc = if version == 3 {
            None
        } else {
            match r.take(1)?[0] {
                0 => None,
                k @ 1..=4 => {
                    let window = r.u32()?;
                    let o_bias = r.f32()?;
                    if !o_bias.is_finite() {
                        return Err(NerError::Model("non-finite O bias".into()));
                    }
                    let mut trans = [0f32; N_TRANS];
                    for t in trans.iter_mut() {
                        *t = r.f32()?;
                    }
                    let w = read_weights(&mut r, bits, bytes.len())?;
                    Some(Box::new(DocStage {
                        window,
                        stack: (k - 1) & 1 == 1,
                        residual: (k - 1) & 2 == 2,
                        w,
                        trans,
                        o_bias,
                    }))
                }
                k => return Err(NerError::Model(format!("bad document stage flag {k}"))),
            }
        };
        let charnn = if version >= 6 {
            match r.take(1)?[0] {
                0 => None,
                1 => Some(Box::new(
                    crate::charnn::CharNet::read(|| r.u32().ok())
                        .ok_or_else(|| NerError::Model("bad character scorer".into()))?,
                )),
                k => return Err(NerError::Model(format!("bad character scorer flag {k}"))),
            }
        } else {
            None
        };
        let brown = if version >= 7 {
            let n = r.u32()? as usize;
            let mut entries = Vec::with_capacity(n.min(bytes.len() / 4 + 1));
            for _ in 0..n {
                let len = r.u16()? as usize;
                let w = std::str::from_utf8(r.take(len)?)
                    .map_err(|_| NerError::Model("Brown word is not UTF-8".into()))?
                    .to_string();
                let bits = r.u16()? as usize;
                let packed = r.take(bits.div_ceil(8))?;
                let p: String = (0..bits)
                    .map(|i| {
                        if packed[i / 8] >> (7 - i % 8) & 1 == 1 {
                            '1'
                        } else {
                            '0'
                        }
                    })
                    .collect();
                entries.push((w, p));
            }
            crate::brown::BrownPaths::from_entries(entries)
        } else {
            crate::brown::BrownPaths::default()
        };
        if r.pos != bytes.len() {
            return Err(NerError::Model("trailing bytes after model".into()));
        }
        let mut m = Model {
            bits,
            w,
            trans,
            clusters: Clusters::from_rows(width, entries)
                .with_embedding(((flags >> 8) & 0xff) as usize, flags & (1 << 16) != 0)
                .with_brown(brown),
            lexicon,
            auto,
            uses_gazetteer: flags & FLAG_GAZ != 0,
            wide: flags & FLAG_WIDE != 0,
            o_bias,
            doc,
            joint: None,
            charnn,
        };
        m.build_joint();
        Ok(m)
    }
}

fn put_varint(b: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        b.push((v as u8) | 0x80);
        v >>= 7;
    }
    b.push(v as u8);
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], NerError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or_else(|| NerError::Model("truncated model".into()))?;
        let s = &self.b[self.pos..end];
        self.pos = end;
        Ok(s)
    }
    fn u16(&mut self) -> Result<u16, NerError> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self) -> Result<u32, NerError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, NerError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn varint(&mut self) -> Result<u64, NerError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.take(1)?[0];
            v |= ((byte & 0x7f) as u64) << shift;
            if byte & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(NerError::Model("bad varint".into()))
    }
}
