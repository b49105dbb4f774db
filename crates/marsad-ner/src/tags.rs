//! Entity labels and BIO tags.

use serde::{Deserialize, Serialize};

/// Entity type predicted by the tagger (ANERcorp's four classes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum NerLabel {
    /// Person (ANERcorp `PERS`, AQMAR `PER`).
    Per,
    /// Organisation.
    Org,
    /// Location.
    Loc,
    /// Miscellaneous named thing (events, products, nationalities in ANERcorp).
    Misc,
}

impl NerLabel {
    /// All labels, in tag-index order.
    pub const ALL: [NerLabel; 4] = [NerLabel::Per, NerLabel::Org, NerLabel::Loc, NerLabel::Misc];

    /// Short name used in reports (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn as_str(self) -> &'static str {
        match self {
            NerLabel::Per => "PER",
            NerLabel::Org => "ORG",
            NerLabel::Loc => "LOC",
            NerLabel::Misc => "MISC",
        }
    }

    /// Parses a corpus type name leniently: `PERS`/`PER`, `ORG`, `LOC`, `MISC` and AQMAR's `MIS0`..`MIS3`.
    pub fn parse(s: &str) -> Option<NerLabel> {
        let s = s.trim_matches('-');
        let up = s.to_ascii_uppercase();
        match up.as_str() {
            "PER" | "PERS" | "PERSON" => Some(NerLabel::Per),
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Some(NerLabel::Org),
            "LOC" | "LOCATION" | "GPE" => Some(NerLabel::Loc),
            _ if up.starts_with("MIS") => Some(NerLabel::Misc),
            _ => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One BIO tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tag {
    /// Outside any entity.
    O,
    /// First token of an entity.
    B(NerLabel),
    /// Continuation token of an entity.
    I(NerLabel),
}

/// Number of distinct tags (O plus B/I for four labels).
pub const N_TAGS: usize = 9;

impl Tag {
    /// Dense index in `0..N_TAGS`: O=0, then B/I pairs per label.
    #[inline]
    pub fn index(self) -> usize {
        match self {
            Tag::O => 0,
            Tag::B(l) => 1 + 2 * l.index(),
            Tag::I(l) => 2 + 2 * l.index(),
        }
    }

    /// Inverse of [`Tag::index`]; out-of-range indices give `O`.
    #[inline]
    pub fn from_index(i: usize) -> Tag {
        if i == 0 || i >= N_TAGS {
            return Tag::O;
        }
        let l = NerLabel::ALL[(i - 1) / 2];
        if (i - 1) & 1 == 0 {
            Tag::B(l)
        } else {
            Tag::I(l)
        }
    }

    /// The label, if not `O`.
    pub fn label(self) -> Option<NerLabel> {
        match self {
            Tag::O => None,
            Tag::B(l) | Tag::I(l) => Some(l),
        }
    }

    /// Parses a CoNLL tag leniently (`B-PERS`, `I-LOC`, `B-MIS1`, `I--ORG`, `O`); unknown types become `O`.
    pub fn parse(s: &str) -> Tag {
        let s = s.trim();
        let (bi, rest) = match s.split_once('-') {
            Some((bi, rest)) => (bi, rest),
            None => return Tag::O,
        };
        let Some(l) = NerLabel::parse(rest) else {
            return Tag::O;
        };
        match bi {
            "B" | "b" => Tag::B(l),
            "I" | "i" => Tag::I(l),
            _ => Tag::O,
        }
    }

    /// CoNLL spelling using ANERcorp's names (`B-PERS`, `I-ORG`, `O`).
    pub fn conll(self) -> String {
        let name = |l: NerLabel| {
            if l == NerLabel::Per {
                "PERS"
            } else {
                l.as_str()
            }
        };
        match self {
            Tag::O => "O".to_string(),
            Tag::B(l) => format!("B-{}", name(l)),
            Tag::I(l) => format!("I-{}", name(l)),
        }
    }

    /// Whether `self` may follow `prev` (None = sentence start) in a well-formed BIO sequence.
    #[inline]
    pub fn may_follow(self, prev: Option<Tag>) -> bool {
        match self {
            Tag::I(l) => matches!(prev, Some(Tag::B(p)) | Some(Tag::I(p)) if p == l),
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_round_trip() {
        for i in 0..N_TAGS {
            assert_eq!(Tag::from_index(i).index(), i);
        }
    }

    #[test]
    fn parses_corpus_spellings() {
        assert_eq!(Tag::parse("B-PERS"), Tag::B(NerLabel::Per));
        assert_eq!(Tag::parse("I-PER"), Tag::I(NerLabel::Per));
        assert_eq!(Tag::parse("B-MIS2"), Tag::B(NerLabel::Misc));
        assert_eq!(Tag::parse("I--ORG"), Tag::I(NerLabel::Org));
        assert_eq!(Tag::parse("OO"), Tag::O);
        assert_eq!(Tag::parse("B-ENGLISH"), Tag::O);
        assert_eq!(Tag::B(NerLabel::Per).conll(), "B-PERS");
    }

    #[test]
    fn bio_constraint() {
        let ip = Tag::I(NerLabel::Per);
        assert!(!ip.may_follow(None));
        assert!(!ip.may_follow(Some(Tag::O)));
        assert!(!ip.may_follow(Some(Tag::B(NerLabel::Loc))));
        assert!(ip.may_follow(Some(Tag::B(NerLabel::Per))));
    }
}
