//! Name lexicon embedded in the model: normalised word → bit set of name classes it occurs in
//! (built from public name lists and gazetteers at training time).

use std::collections::HashMap;

/// Class bit: token of a person name.
pub const LEX_PER: u8 = 1;
/// Class bit: token of a place name.
pub const LEX_LOC: u8 = 2;
/// Class bit: token of an organisation name.
pub const LEX_ORG: u8 = 4;
/// Class bit: nationality / demonym.
pub const LEX_NAT: u8 = 8;

/// Normalised word → class bits.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    map: HashMap<String, u8>,
}

impl Lexicon {
    /// Adds every whitespace-separated token (normalised, ≥ 2 letters) of `name` with `class` bits.
    pub fn add_name(&mut self, name: &str, class: u8) {
        for tok in name.split_whitespace() {
            let n = marsad_text::normalize_str(tok);
            let n = n.trim_matches(|c: char| !c.is_alphanumeric());
            if n.chars().count() >= 2 {
                *self.map.entry(n.to_string()).or_insert(0) |= class;
            }
        }
    }

    /// Class bits of a normalised word (0 if unknown).
    #[inline]
    pub fn get(&self, norm: &str) -> u8 {
        self.map.get(norm).copied().unwrap_or(0)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether empty.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Entries sorted by word (deterministic serialisation).
    pub(crate) fn sorted_entries(&self) -> Vec<(&str, u8)> {
        let mut v: Vec<_> = self.map.iter().map(|(w, &b)| (w.as_str(), b)).collect();
        v.sort_unstable();
        v
    }

    pub(crate) fn insert_raw(&mut self, w: String, bits: u8) {
        self.map.insert(w, bits);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_merges_classes() {
        let mut l = Lexicon::default();
        l.add_name("أحمد", LEX_PER);
        l.add_name("ولاية قندهار", LEX_LOC);
        l.add_name("احمد", LEX_LOC);
        assert_eq!(l.get("احمد"), LEX_PER | LEX_LOC);
        assert_eq!(l.get("قندهار"), LEX_LOC);
        assert_eq!(l.get("x"), 0);
    }
}
