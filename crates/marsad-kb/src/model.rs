//! The knowledge base: entries, their aliases, and the alias index used by the gazetteer.

use std::collections::HashMap;
use std::sync::OnceLock;

use marsad_picture::EntityType;
use serde::{Deserialize, Serialize};

use crate::text::tokens;
use crate::KbError;

/// What kind of thing an entry is; finer than the contract's entity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// A sovereign state or dependent territory.
    State,
    /// A city or town.
    City,
    /// A region, province or other sub-national area.
    Region,
    /// An organisation.
    Org,
    /// A person.
    Person,
    /// A people / nationality (the Turks), derived from a state's nisba.
    People,
}

impl Class {
    /// The contract entity type of this class.
    pub fn entity_type(self) -> EntityType {
        match self {
            Class::State | Class::City | Class::Region => EntityType::Gpe,
            Class::Org => EntityType::Org,
            Class::Person => EntityType::Per,
            Class::People => EntityType::Norp,
        }
    }

    /// Rank used to order readings of an ambiguous alias (lower wins).
    fn rank(self) -> u8 {
        match self {
            Class::State => 0,
            Class::Org => 1,
            Class::City => 2,
            Class::Person => 3,
            Class::Region => 4,
            Class::People => 5,
        }
    }
}

/// A dated role of a person (`leader_of`, `minister_of`, `official_of`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// Relation type.
    pub rel: String,
    /// Entry id of the object (a state).
    pub of: String,
    /// Arabic title as the source gives it (`رئيس`, `وزير خارجية`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// ISO start date, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// ISO end date, if known (open-ended when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

impl Role {
    /// Whether the role holds on ISO date `date` (`YYYY-MM-DD` or a prefix of it).
    pub fn holds_on(&self, date: &str) -> bool {
        let d = date.get(..10).unwrap_or(date);
        !matches!(self.from.as_deref(), Some(f) if f > d)
            && !matches!(self.to.as_deref(), Some(t) if d > t)
    }
}

/// One knowledge-base entry (one line of `kb/entities.jsonl`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KbEntry {
    /// Stable id: the Wikidata id when a source gives one, else a local id (`L:...`).
    pub id: String,
    /// Wikidata id, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qid: Option<String>,
    /// Class.
    pub class: Class,
    /// Arabic display name.
    pub ar: String,
    /// English display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// Arabic aliases (names), display name excluded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Nisba adjectives (كازاخستاني، الكازاخستانية).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adj: Vec<String>,
    /// Names that always stand for this entry's government (الكرملين).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub metonyms: Vec<String>,
    /// ISO 3166 alpha-3 code of a state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso3: Option<String>,
    /// Entry id of the state a city, region or people belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Entry id of the state this city is the capital of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capital_of: Option<String>,
    /// Population, when known (used to rank ambiguous readings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pop: Option<u64>,
    /// Dated roles of a person.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Sources that contributed to the entry.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub src: Vec<String>,
}

/// How an alias refers to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AliasKind {
    /// A name.
    Name,
    /// A nisba adjective.
    Adjective,
    /// A name that stands for the entry's government.
    Metonym,
}

/// One reading of an alias: which entry, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    /// Index into [`Kb::entries`].
    pub entry: u32,
    /// How the alias refers.
    pub kind: AliasKind,
}

/// The loaded knowledge base with its alias index.
#[derive(Debug, Default)]
pub struct Kb {
    /// All entries.
    pub entries: Vec<KbEntry>,
    index: HashMap<String, Vec<Target>>,
    by_id: HashMap<String, u32>,
    /// First tokens of multi-token aliases, so the matcher only tries long keys where one can start.
    starts: HashMap<String, u8>,
}

/// The KB shipped in the repository (`kb/entities.jsonl`), compiled into the binary.
pub const BUILTIN_JSONL: &str = include_str!("../../../kb/entities.jsonl");

static BUILTIN: OnceLock<Kb> = OnceLock::new();

impl Kb {
    /// The shipped KB, parsed once per process.
    pub fn builtin() -> &'static Kb {
        BUILTIN.get_or_init(|| Kb::from_jsonl(BUILTIN_JSONL).unwrap_or_default())
    }

    /// Parses a KB from JSON lines (one [`KbEntry`] a line; blank lines skipped).
    pub fn from_jsonl(s: &str) -> Result<Kb, KbError> {
        let mut entries = Vec::with_capacity(s.len() / 200);
        for (i, line) in s.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let e: KbEntry = serde_json::from_str(line).map_err(|source| KbError::Parse {
                line: i + 1,
                source,
            })?;
            entries.push(e);
        }
        Ok(Kb::from_entries(entries))
    }

    /// Builds the alias index over `entries`.
    pub fn from_entries(entries: Vec<KbEntry>) -> Kb {
        let mut kb = Kb {
            entries,
            ..Kb::default()
        };
        let mut key = String::new();
        for (i, e) in kb.entries.iter().enumerate() {
            kb.by_id.insert(e.id.clone(), i as u32);
            let names = std::iter::once(&e.ar).chain(e.aliases.iter());
            let all = names
                .map(|a| (a, AliasKind::Name))
                .chain(e.adj.iter().map(|a| (a, AliasKind::Adjective)))
                .chain(e.metonyms.iter().map(|a| (a, AliasKind::Metonym)));
            for (alias, kind) in all {
                key.clear();
                let mut first: Option<String> = None;
                let mut n = 0u8;
                for t in tokens(&marsad_text::normalize_str(alias)) {
                    if !key.is_empty() {
                        key.push(' ');
                    }
                    key.push_str(t.1);
                    if first.is_none() {
                        first = Some(t.1.to_string());
                    }
                    n = n.saturating_add(1);
                }
                if key.is_empty() {
                    continue;
                }
                let v = kb.index.entry(key.clone()).or_default();
                let t = Target {
                    entry: i as u32,
                    kind,
                };
                if !v.contains(&t) {
                    v.push(t);
                }
                if let Some(f) = first {
                    let m = kb.starts.entry(f).or_insert(1);
                    *m = (*m).max(n);
                }
            }
        }
        let entries = &kb.entries;
        for v in kb.index.values_mut() {
            v.sort_by_key(|t| {
                let e = &entries[t.entry as usize];
                (
                    t.kind != AliasKind::Name,
                    e.class.rank(),
                    std::cmp::Reverse(e.pop.unwrap_or(0)),
                )
            });
        }
        kb
    }

    /// Readings of a normalised, single-space-joined key.
    pub fn lookup(&self, key: &str) -> &[Target] {
        self.index.get(key).map_or(&[], Vec::as_slice)
    }

    /// Longest alias (in tokens) that starts with normalised token `first`, 0 if none.
    pub fn max_tokens_from(&self, first: &str) -> usize {
        self.starts.get(first).map_or(0, |&n| n as usize)
    }

    /// Entry by id.
    pub fn get(&self, id: &str) -> Option<&KbEntry> {
        self.by_id.get(id).map(|&i| &self.entries[i as usize])
    }

    /// Index of an entry by id.
    pub fn index_of(&self, id: &str) -> Option<u32> {
        self.by_id.get(id).copied()
    }

    /// Number of distinct alias keys.
    pub fn alias_count(&self) -> usize {
        self.index.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_dates_bound_validity() {
        let r = Role {
            rel: "leader_of".into(),
            of: "Q232".into(),
            title: None,
            from: Some("1991-12-16".into()),
            to: Some("2019-03-20".into()),
        };
        assert!(r.holds_on("2000-01-01"));
        assert!(!r.holds_on("2022-01-05"));
        assert!(!r.holds_on("1990-01-01"));
    }

    #[test]
    fn jsonl_round_trip_keeps_entries() {
        let kb = Kb::builtin();
        assert!(kb.entries.len() > 1000, "{}", kb.entries.len());
        let text: String = kb
            .entries
            .iter()
            .map(|e| serde_json::to_string(e).unwrap() + "\n")
            .collect();
        let again = Kb::from_jsonl(&text).unwrap();
        assert_eq!(again.entries, kb.entries);
        assert_eq!(again.alias_count(), kb.alias_count());
    }

    #[test]
    fn bad_line_is_a_typed_error() {
        let err = Kb::from_jsonl("{\"id\":1}\n").unwrap_err();
        assert!(matches!(err, KbError::Parse { line: 1, .. }));
    }
}
