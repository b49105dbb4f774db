//! Statistical Arabic named-entity tagger: an averaged structured perceptron with first-order
//! Viterbi decoding over BIO tags (PER/ORG/LOC/MISC), hashed lexical, clitic, shape, context and
//! word-cluster features, trained on ANERcorp.
//!
//! The shipped model (`models/ner-anercorp.bin`) is embedded in the library, so
//! [`Tagger::shipped`] works from any directory.

mod brown;
mod charnn;
mod clusters;
mod conll;
mod eval;
mod features;
mod lexicon;
mod model;
mod outside;
mod stem;
mod tags;
mod tokenize;
mod train;

pub use brown::{learn_brown, BrownConfig, BrownPaths};
pub use charnn::CharNetConfig;
pub use clusters::{learn_clusters, ClusterConfig, Clusters};
pub use conll::{parse_conll, parse_wojood, Sentence};
pub use eval::{chunks, score, Counts, Scores};
pub use lexicon::{mine_names, Lexicon, LEX_LOC, LEX_NAT, LEX_ORG, LEX_PER, LEX_TRAIN};
pub use outside::OutsideCodes;
pub use stem::proclitic_len;
pub use tags::{NerLabel, Tag, N_TAGS};
pub use tokenize::tokenize;
pub use train::{evaluate, interleave_blocks, tag_all, train, EpochReport, TrainConfig};

use features::Scratch;
use model::{viterbi, Model};

/// The model trained on ANERcorp train, shipped in the repository.
static SHIPPED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../models/ner-anercorp.bin"
));

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    /// Malformed CoNLL input.
    #[error("line {line}: {message}")]
    Format {
        /// 1-based line number.
        line: usize,
        /// What was wrong.
        message: String,
    },
    /// Malformed or incompatible model bytes.
    #[error("bad model: {0}")]
    Model(String),
    /// No usable training sentence.
    #[error("no training data")]
    EmptyTrainingData,
    /// File I/O.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Source of gazetteer knowledge (e.g. the KB): marks tokens that lie inside a known name.
///
/// A model trained with a gazetteer uses its marks as features; pass the same kind of gazetteer
/// when tagging. Without one, those features are simply absent.
pub trait Gazetteer {
    /// Sets `out[i]` to `B(label)`/`I(label)` for tokens inside a known name; leaves others `None`.
    fn annotate(&self, tokens: &[&str], out: &mut [Option<Tag>]);
}

/// An entity found in raw text: byte offsets into the text given to [`Tagger::entities`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NerSpan {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Entity type.
    pub label: NerLabel,
}

/// A trained tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    model: Model,
    /// Codes of an outside scorer, used in place of the character scorer's (experimental).
    outside: Option<std::sync::Arc<OutsideCodes>>,
}

/// The bytes of the shipped model (for fingerprints of what the analysis depends on).
pub fn shipped_model_bytes() -> &'static [u8] {
    SHIPPED
}

impl Tagger {
    /// The tagger shipped with Marsad (trained on ANERcorp train).
    pub fn shipped() -> Result<Tagger, NerError> {
        Tagger::load(SHIPPED)
    }

    /// Loads a model from its binary form.
    pub fn load(bytes: &[u8]) -> Result<Tagger, NerError> {
        Ok(Tagger {
            model: Model::from_bytes(bytes)?,
            outside: None,
        })
    }

    /// Uses an outside scorer's codes as the character scorer's features (experimental: see
    /// [`OutsideCodes`]); a model trained with [`TrainConfig::outside_codes`] needs them.
    pub fn set_outside_codes(&mut self, codes: Option<std::sync::Arc<OutsideCodes>>) {
        self.outside = codes;
    }

    /// The binary form (deterministic: the same model always gives the same bytes).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.model.to_bytes()
    }

    /// Whether the model was trained with gazetteer features.
    pub fn uses_gazetteer(&self) -> bool {
        self.model.uses_gazetteer
    }

    /// Number of words with a cluster feature in the model.
    pub fn cluster_words(&self) -> usize {
        self.model.clusters.len()
    }

    /// Penalty on the `O` tag applied at decoding of the final pass (larger = more entities,
    /// higher recall).
    pub fn o_bias(&self) -> f32 {
        self.model
            .doc
            .as_ref()
            .map_or(self.model.o_bias, |d| d.o_bias)
    }

    /// Overrides the `O` penalty of the final pass.
    pub fn set_o_bias(&mut self, bias: f32) {
        if bias.is_finite() {
            match self.model.doc.as_mut() {
                Some(d) => d.o_bias = bias,
                None => self.model.o_bias = bias,
            }
        }
    }

    /// Number of words in the model's name lexicon.
    pub fn lexicon_words(&self) -> usize {
        self.model.lexicon.len()
    }

    /// Tags one sentence of tokens.
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        self.tag_with(tokens, None)
    }

    /// Whether the model has a second, document-level pass.
    pub fn is_two_stage(&self) -> bool {
        self.model.doc.is_some()
    }

    /// Tags one sentence, with gazetteer marks if the model uses them.
    pub fn tag_with(&self, tokens: &[&str], gaz: Option<&dyn Gazetteer>) -> Vec<Tag> {
        let mut st = TagState::default();
        self.tag_document(std::slice::from_ref(&tokens), gaz, &mut st);
        st.paths
            .first()
            .map(|p| p.iter().map(|&i| Tag::from_index(i)).collect())
            .unwrap_or_default()
    }

    /// Tags the sentences of one document, in order: with a two-stage model, a word's label
    /// also depends on the first-pass labels of the same word nearby in the document.
    pub fn tag_sentences<'a, S: AsRef<[&'a str]>>(
        &self,
        sentences: &[S],
        gaz: Option<&dyn Gazetteer>,
    ) -> Vec<Vec<Tag>> {
        let mut st = TagState::default();
        self.tag_document(sentences, gaz, &mut st);
        st.paths
            .iter()
            .map(|p| p.iter().map(|&i| Tag::from_index(i)).collect())
            .collect()
    }

    /// Leaves one tag-index path per sentence in `st.paths`. The first pass keeps every
    /// token's infos and feature buckets, so the second pass only adds document features.
    fn tag_document<'a, S: AsRef<[&'a str]>>(
        &self,
        sentences: &[S],
        gaz: Option<&dyn Gazetteer>,
        st: &mut TagState,
    ) {
        let m = &self.model;
        let residual = m.doc.as_ref().is_some_and(|d| d.residual);
        let joint = m.joint.as_ref();
        let two = m.doc.is_some();
        st.paths.resize_with(sentences.len(), Vec::new);
        st.paths.truncate(sentences.len());
        st.infos.clear();
        st.em_all.clear();
        for (k, s) in sentences.iter().enumerate() {
            self.prepare(s.as_ref(), gaz, None, st);
            let n = st.scratch.infos.len();
            st.em.clear();
            st.em.resize(n * N_TAGS, 0.0);
            for i in 0..n {
                st.feats.clear();
                features::features(&st.scratch.infos, i, m.bits, &mut st.feats);
                let row = &mut st.em[i * N_TAGS..(i + 1) * N_TAGS];
                match joint {
                    Some(j) => {
                        // Second-pass partial sums over the same features, one lookup each.
                        let mut row2 = [0f32; N_TAGS];
                        for &f in st.feats.iter() {
                            if let Some(w) = j.row(f as usize) {
                                let (w1, w2) = w.split_at(N_TAGS);
                                for (r, x) in row.iter_mut().zip(w1) {
                                    *r += x;
                                }
                                for (r, x) in row2.iter_mut().zip(w2) {
                                    *r += x;
                                }
                            }
                        }
                        st.em_all.extend_from_slice(&row2);
                    }
                    None => {
                        model::add_rows(&m.w, &st.feats, row);
                        if residual {
                            st.em_all.extend_from_slice(row);
                        }
                    }
                }
                row[0] -= m.o_bias;
            }
            viterbi(&st.em, &m.trans, &mut st.paths[k], &mut st.back);
            if two {
                st.infos.extend_from_slice(&st.scratch.infos);
            }
        }
        let Some(d) = &m.doc else { return };
        st.flat.clear();
        for p in &st.paths {
            st.flat.extend_from_slice(p);
        }
        st.keys.clear();
        st.keys.extend(st.infos.iter().map(|i| i.key));
        features::doc_infos(&st.keys, &st.flat, d.window as usize, d.stack, &mut st.docs);
        for (info, doc) in st.infos.iter_mut().zip(&st.docs) {
            info.set_doc(doc);
        }
        let mut off = 0;
        for (k, s) in sentences.iter().enumerate() {
            let n = s.as_ref().len();
            let infos = &st.infos[off..off + n];
            st.em.clear();
            st.em
                .extend_from_slice(&st.em_all[off * N_TAGS..(off + n) * N_TAGS]);
            for i in 0..n {
                let row = &mut st.em[i * N_TAGS..(i + 1) * N_TAGS];
                st.feats.clear();
                features::doc_features(infos, i, m.bits, &mut st.feats);
                model::add_rows(&d.w, &st.feats, row);
                row[0] -= d.o_bias;
            }
            viterbi(&st.em, &d.trans, &mut st.paths[k], &mut st.back);
            off += n;
        }
    }

    fn prepare(
        &self,
        tokens: &[&str],
        gaz: Option<&dyn Gazetteer>,
        doc: Option<&[features::DocInfo]>,
        st: &mut TagState,
    ) {
        let marks = match gaz {
            Some(g) if self.model.uses_gazetteer => {
                st.scratch.gaz.clear();
                st.scratch.gaz.resize(tokens.len(), None);
                g.annotate(tokens, &mut st.scratch.gaz);
                Some(std::mem::take(&mut st.scratch.gaz))
            }
            _ => None,
        };
        let nn = match (&self.outside, &self.model.charnn) {
            (Some(o), _) => {
                o.codes_into(tokens, &mut st.codes);
                Some(st.codes.as_slice())
            }
            (None, Some(net)) => {
                net.codes(tokens, &mut st.net, &mut st.codes);
                Some(st.codes.as_slice())
            }
            (None, None) => None,
        };
        st.scratch.prepare(
            tokens,
            &self.model.clusters,
            &self.model.lexicon,
            &self.model.auto,
            marks.as_deref(),
            doc,
            self.model.wide,
            nn,
        );
        if let Some(m) = marks {
            st.scratch.gaz = m;
        }
    }

    /// Finds entities in raw text: tokenises it like ANERcorp, tags sentence by sentence, and
    /// returns byte spans into `text`.
    pub fn entities(&self, text: &str) -> Vec<NerSpan> {
        self.entities_with(text, None)
    }

    /// [`Tagger::entities`] with gazetteer marks.
    pub fn entities_with(&self, text: &str, gaz: Option<&dyn Gazetteer>) -> Vec<NerSpan> {
        let toks = tokenize(text);
        let mut bounds = Vec::new();
        let mut start = 0;
        while start < toks.len() {
            let end = sentence_end(text, &toks, start);
            bounds.push((start, end));
            start = end;
        }
        let sents: Vec<Vec<&str>> = bounds
            .iter()
            .map(|&(a, b)| toks[a..b].iter().map(|&(x, y)| &text[x..y]).collect())
            .collect();
        let mut st = TagState::default();
        self.tag_document(&sents, gaz, &mut st);
        let mut out = Vec::new();
        let mut tags: Vec<Tag> = Vec::new();
        for (&(start, _), path) in bounds.iter().zip(&st.paths) {
            tags.clear();
            tags.extend(path.iter().map(|&i| Tag::from_index(i)));
            for (s, e, label) in chunks(&tags) {
                out.push(NerSpan {
                    start: toks[start + s].0,
                    end: toks[start + e - 1].1,
                    label,
                });
            }
        }
        out
    }
}

/// Self-trained lexicon: tags raw documents with `tagger` and keeps, for every normalised word
/// seen at least `min_count` times whose tokens were tagged as entities at least 10% of the
/// time, a code of its majority entity type and entity share (4 bands).
pub(crate) fn self_trained_lexicon<'a>(
    tagger: &Tagger,
    texts: impl IntoIterator<Item = &'a str>,
    min_count: u32,
) -> Lexicon {
    use std::collections::HashMap;
    let mut counts: HashMap<String, [u32; 5]> = HashMap::new();
    let mut st = TagState::default();
    for text in texts {
        let toks = tokenize(text);
        let mut sents: Vec<Vec<&str>> = Vec::new();
        let mut start = 0;
        while start < toks.len() {
            let end = sentence_end(text, &toks, start);
            sents.push(toks[start..end].iter().map(|&(a, b)| &text[a..b]).collect());
            start = end;
        }
        tagger.tag_document(&sents, None, &mut st);
        for (s, p) in sents.iter().zip(&st.paths) {
            for (w, &t) in s.iter().zip(p) {
                let n = marsad_text::normalize_str(w);
                if n.chars().count() >= 2 && n.chars().all(char::is_alphabetic) {
                    counts.entry(n).or_default()[features::label_slot(t)] += 1;
                }
            }
        }
    }
    let mut lex = Lexicon::default();
    for (w, c) in counts {
        let total: u32 = c.iter().sum();
        let ent: u32 = c[1..].iter().sum();
        if total < min_count || ent * 10 < total {
            continue;
        }
        let e = (1..5).fold(1, |b, i| if c[i] > c[b] { i } else { b });
        let share = ent as f64 / total as f64;
        let band = if share < 0.3 {
            0
        } else if share < 0.6 {
            1
        } else if share < 0.9 {
            2
        } else {
            3
        };
        lex.insert_raw(w, (1 + (e - 1) * 4 + band) as u8);
    }
    lex
}

/// End (exclusive token index) of the sentence starting at `start`: after sentence-final
/// punctuation, before a line break, or after at most 200 tokens.
fn sentence_end(text: &str, toks: &[(usize, usize)], start: usize) -> usize {
    let mut i = start;
    while i < toks.len() {
        let (a, b) = toks[i];
        i += 1;
        if matches!(&text[a..b], "." | "!" | "?" | "؟" | "…") || i - start >= 200 {
            break;
        }
        if let Some(&(na, _)) = toks.get(i) {
            if text[b..na].contains('\n') {
                break;
            }
        }
    }
    i
}

#[derive(Default)]
struct TagState {
    scratch: Scratch,
    feats: Vec<u32>,
    infos: Vec<features::TokInfo>,
    /// Second-pass emissions of the shared features (or, for a residual second pass, the
    /// first pass's emissions without the O penalty), for every token of the document.
    em_all: Vec<f32>,
    em: Vec<f32>,
    back: Vec<u8>,
    paths: Vec<Vec<usize>>,
    keys: Vec<u64>,
    flat: Vec<usize>,
    docs: Vec<features::DocInfo>,
    net: charnn::NetScratch,
    codes: Vec<[u64; 2]>,
}
