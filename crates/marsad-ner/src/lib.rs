//! Statistical Arabic named-entity tagger: an averaged structured perceptron with first-order
//! Viterbi decoding over BIO tags (PER/ORG/LOC/MISC), hashed lexical, clitic, shape, context and
//! word-cluster features, trained on ANERcorp.
//!
//! The shipped model (`models/ner-anercorp.bin`) is embedded in the library, so
//! [`Tagger::shipped`] works from any directory.

mod clusters;
mod conll;
mod eval;
mod features;
mod lexicon;
mod model;
mod stem;
mod tags;
mod tokenize;
mod train;

pub use clusters::{learn_clusters, ClusterConfig, Clusters};
pub use conll::{parse_conll, Sentence};
pub use eval::{chunks, score, Counts, Scores};
pub use lexicon::{mine_names, Lexicon, LEX_LOC, LEX_NAT, LEX_ORG, LEX_PER, LEX_TRAIN};
pub use stem::proclitic_len;
pub use tags::{NerLabel, Tag, N_TAGS};
pub use tokenize::tokenize;
pub use train::{evaluate, tag_all, train, EpochReport, TrainConfig};

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
        })
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

    /// Penalty on the `O` tag applied at decoding (larger = more entities, higher recall).
    pub fn o_bias(&self) -> f32 {
        self.model.o_bias
    }

    /// Overrides the `O` penalty.
    pub fn set_o_bias(&mut self, bias: f32) {
        if bias.is_finite() {
            self.model.o_bias = bias;
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

    /// Tags one sentence, with gazetteer marks if the model uses them.
    pub fn tag_with(&self, tokens: &[&str], gaz: Option<&dyn Gazetteer>) -> Vec<Tag> {
        let mut st = TagState::default();
        self.tag_into(tokens, gaz, &mut st);
        st.path.iter().map(|&i| Tag::from_index(i)).collect()
    }

    fn tag_into(&self, tokens: &[&str], gaz: Option<&dyn Gazetteer>, st: &mut TagState) {
        let marks = match gaz {
            Some(g) if self.model.uses_gazetteer => {
                st.scratch.gaz.clear();
                st.scratch.gaz.resize(tokens.len(), None);
                g.annotate(tokens, &mut st.scratch.gaz);
                Some(std::mem::take(&mut st.scratch.gaz))
            }
            _ => None,
        };
        st.scratch.prepare(
            tokens,
            &self.model.clusters,
            &self.model.lexicon,
            marks.as_deref(),
        );
        if let Some(m) = marks {
            st.scratch.gaz = m;
        }
        self.model.emissions(&st.scratch, &mut st.feats, &mut st.em);
        viterbi(&st.em, &self.model.trans, &mut st.path, &mut st.back);
    }

    /// Finds entities in raw text: tokenises it like ANERcorp, tags sentence by sentence, and
    /// returns byte spans into `text`.
    pub fn entities(&self, text: &str) -> Vec<NerSpan> {
        self.entities_with(text, None)
    }

    /// [`Tagger::entities`] with gazetteer marks.
    pub fn entities_with(&self, text: &str, gaz: Option<&dyn Gazetteer>) -> Vec<NerSpan> {
        let toks = tokenize(text);
        let mut out = Vec::new();
        let mut st = TagState::default();
        let mut words: Vec<&str> = Vec::new();
        let mut start = 0;
        while start < toks.len() {
            let end = sentence_end(text, &toks, start);
            words.clear();
            words.extend(toks[start..end].iter().map(|&(a, b)| &text[a..b]));
            self.tag_into(&words, gaz, &mut st);
            let tags: Vec<Tag> = st.path.iter().map(|&i| Tag::from_index(i)).collect();
            for (s, e, label) in chunks(&tags) {
                out.push(NerSpan {
                    start: toks[start + s].0,
                    end: toks[start + e - 1].1,
                    label,
                });
            }
            start = end;
        }
        out
    }
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
    em: Vec<f32>,
    path: Vec<usize>,
    back: Vec<u8>,
}
