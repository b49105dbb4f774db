//! The picture: Marsad's output contract (`marsad.picture/1`, see `shared/spec/picture.md`).
//!
//! Every type here serialises to exactly the field names of the contract. Fields may be added,
//! never renamed. This crate holds data only: no extraction logic, no I/O.

use serde::{Deserialize, Serialize};

/// Schema tag written at the top of every picture.
pub const SCHEMA: &str = "marsad.picture/1";

/// A span of one document's text: byte offsets into the document text and the exact bytes.
///
/// Invariant: `text == doc_text[start..end]`, and `start..end` lies on char boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    /// Document id.
    pub doc: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The exact bytes `text[start..end]`.
    pub text: String,
}

impl Evidence {
    /// Builds an evidence for `doc_text[start..end]`; `None` if the range is not valid there.
    pub fn new(doc: &str, doc_text: &str, start: usize, end: usize) -> Option<Evidence> {
        let text = doc_text.get(start..end)?;
        Some(Evidence {
            doc: doc.to_string(),
            start,
            end,
            text: text.to_string(),
        })
    }
}

/// The whole picture of a set of documents.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Picture {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The analysed documents.
    pub documents: Vec<Document>,
    /// Real-world actors, each once across all documents.
    pub entities: Vec<Entity>,
    /// Typed links between entities.
    pub relations: Vec<Relation>,
    /// Things that happened (PLOVER types).
    pub events: Vec<Event>,
    /// Figures found in the text.
    pub quantities: Vec<Quantity>,
    /// Dates found in the text.
    pub dates: Vec<DateMention>,
    /// Attributed statements.
    pub claims: Vec<Claim>,
    /// Places where documents contradict each other.
    pub disagreements: Vec<Disagreement>,
}

impl Picture {
    /// An empty picture carrying the schema tag.
    pub fn new() -> Picture {
        Picture {
            schema: SCHEMA.to_string(),
            ..Picture::default()
        }
    }
}

/// A span of a document's text that is site chrome, not article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedSpan {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The exact bytes.
    pub text: String,
    /// Why it was judged chrome (`comment_prompt`, `share`, `related_list`, ...).
    pub reason: String,
}

/// One analysed input document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: file stem or JSONL id.
    pub id: String,
    /// Path or URL it came from.
    pub source: String,
    /// Title, from metadata or the first line.
    pub title: Option<String>,
    /// Publishing outlet.
    pub outlet: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// Publication date, ISO.
    pub published: Option<String>,
    /// sha256 of the raw input bytes, hex.
    pub sha256: String,
    /// Size of the raw input in bytes.
    pub bytes: usize,
    /// Site chrome spans kept out of extraction.
    pub removed: Vec<RemovedSpan>,
    /// Non-fatal problems (encoding guessed, fields missing, ...).
    pub warnings: Vec<String>,
    /// The document text, only with `--with-text`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub text: Option<String>,
}

/// Entity type of the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// Person.
    #[serde(rename = "PER")]
    Per,
    /// Organisation.
    #[serde(rename = "ORG")]
    Org,
    /// State, city or region with a government.
    #[serde(rename = "GPE")]
    Gpe,
    /// Other place.
    #[serde(rename = "LOC")]
    Loc,
    /// Nationality, ethnic or religious group.
    #[serde(rename = "NORP")]
    Norp,
    /// Anything else.
    #[serde(rename = "MISC")]
    Misc,
}

/// How an entity is referred to at one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// A name, with or without clitics.
    Name,
    /// A nisba adjective (الكازاخستانية).
    Adjective,
    /// A title standing for its holder (الرئيس الروسي).
    Title,
    /// A place standing for its government (موسكو, الكرملين).
    Metonym,
}

/// Arabic and English display names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Name {
    /// Arabic name.
    pub ar: String,
    /// English name, when known.
    pub en: Option<String>,
}

/// One occurrence of an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Where it is.
    #[serde(flatten)]
    pub evidence: Evidence,
    /// How it refers.
    pub form: MentionForm,
}

/// One real-world actor across all documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Id, stable within the picture.
    pub id: String,
    /// Wikidata id when the knowledge base knows it.
    pub kb: Option<String>,
    /// Type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Display names.
    pub name: Name,
    /// Every distinct surface form seen, plus KB aliases.
    pub aliases: Vec<String>,
    /// Every occurrence.
    pub mentions: Vec<Mention>,
}

/// Validity interval of a relation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validity {
    /// ISO date it starts, if known.
    pub from: Option<String>,
    /// ISO date it ends, if known.
    pub to: Option<String>,
}

/// A typed link between two entities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// Id.
    pub id: String,
    /// `member_of`, `observer_of`, `leader_of`, ...
    #[serde(rename = "type")]
    pub kind: String,
    /// Subject entity id.
    pub subject: String,
    /// Object entity id.
    pub object: String,
    /// When it holds, if known.
    pub valid: Option<Validity>,
    /// Where the text supports it.
    pub evidence: Vec<Evidence>,
}

/// Epistemic mode of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Stated as fact by the document.
    Asserted,
    /// Reported on someone else's authority.
    Reported,
    /// Claimed (ادعى، زعم).
    Claimed,
    /// Possible or conditional.
    Hypothetical,
    /// Denied or said not to happen.
    Negated,
}

/// A happening between actors, PLOVER-typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Id.
    pub id: String,
    /// PLOVER event type (`PROTEST`, `COERCE`, ...).
    #[serde(rename = "type")]
    pub kind: String,
    /// Free subtype (`arrest`, `troop deployment`).
    pub subtype: Option<String>,
    /// Epistemic mode.
    pub mode: Mode,
    /// Acting entity ids.
    pub sources: Vec<String>,
    /// Target entity ids.
    pub targets: Vec<String>,
    /// Place entity id.
    pub location: Option<String>,
    /// DateMention id.
    pub date: Option<String>,
    /// Quantity ids.
    pub quantities: Vec<String>,
    /// Every telling of it.
    pub evidence: Vec<Evidence>,
}

impl Event {
    /// Whether it names any actor, place, date or figure: one with none says nothing about who,
    /// where or when (a bare mention of "protests"), and is no happening of its own.
    pub fn has_argument(&self) -> bool {
        !(self.sources.is_empty()
            && self.targets.is_empty()
            && self.location.is_none()
            && self.date.is_none()
            && self.quantities.is_empty())
    }
}

/// Hedge on a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// As written.
    Exact,
    /// نحو, حوالي.
    About,
    /// أكثر من.
    MoreThan,
    /// أقل من.
    LessThan,
}

/// A figure in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// Id.
    pub id: String,
    /// The number.
    pub value: f64,
    /// What unit it is counted in (`person`, `soldier`, `USD`, `percent`).
    pub unit: Option<String>,
    /// What is counted (`killed`, `troops`, `count`).
    pub kind: String,
    /// Hedge.
    pub bound: Bound,
    /// Entity ids it is about.
    pub about: Vec<String>,
    /// Where it is.
    pub evidence: Vec<Evidence>,
}

/// Precision of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// Day.
    Day,
    /// Month.
    Month,
    /// Year.
    Year,
}

/// A date in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// Id.
    pub id: String,
    /// ISO value (`2022-01-08`, `2021-11`, `2019`, `--01-02`).
    pub value: String,
    /// Precision.
    pub precision: Precision,
    /// How an incomplete date was completed, if it was.
    pub anchor: Option<String>,
    /// Where it is.
    pub evidence: Vec<Evidence>,
}

/// An attributed statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Id.
    pub id: String,
    /// Speaker entity id.
    pub speaker: Option<String>,
    /// Reporting outlet or person entity id.
    pub via: Option<String>,
    /// Speech verb as written.
    pub verb: String,
    /// What is claimed.
    pub content: Evidence,
    /// Entity ids it is about.
    pub about: Vec<String>,
    /// The whole attribution.
    pub evidence: Vec<Evidence>,
}

/// One side of a disagreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Position {
    /// Documents holding it.
    pub docs: Vec<String>,
    /// Short summary.
    pub summary: String,
    /// Where they say it.
    pub evidence: Vec<Evidence>,
}

/// Where documents contradict each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    /// Id.
    pub id: String,
    /// Short English label.
    pub topic: String,
    /// Entity ids concerned.
    pub about: Vec<String>,
    /// At least two positions.
    pub positions: Vec<Position>,
}

/// Severity of a diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something was skipped or guessed.
    Warning,
    /// An input could not be used.
    Error,
}

/// A problem met while analysing, reported beside the result rather than failing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Severity.
    pub severity: Severity,
    /// Document id or input path it concerns.
    pub subject: String,
    /// Human-readable message.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_takes_exact_bytes_and_rejects_bad_ranges() {
        let text = "قتل 164 شخصاً";
        let start = text.find("164").unwrap();
        let ev = Evidence::new("d", text, start, start + 3).unwrap();
        assert_eq!(ev.text, "164");
        // Inside a two-byte Arabic letter: not a char boundary.
        assert!(Evidence::new("d", text, 1, 4).is_none());
        assert!(Evidence::new("d", text, 0, text.len() + 1).is_none());
    }

    #[test]
    fn enums_serialise_with_contract_names() {
        let s = serde_json::to_string(&(EntityType::Per, MentionForm::Adjective, Bound::MoreThan))
            .unwrap();
        assert_eq!(s, r#"["PER","adjective","more_than"]"#);
    }
}
