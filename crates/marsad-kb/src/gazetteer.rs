//! Finds KB names in text: normalised, clitic-aware tokens, longest match first, multiword names.
//!
//! Offsets: a match covers the whole written tokens, proclitics included (`وتركيا`, not `تركيا`);
//! `stem_start` says where the name itself begins.

use marsad_text::{NormalizeOptions, Normalized};

use crate::model::{Kb, Target};
use crate::text::{clitic_readings, tokens};

/// One token of a document: its normalised text and where it sits in the original.
#[derive(Debug, Clone)]
pub struct Tok {
    /// Byte range in the normalised text.
    pub norm: (usize, usize),
    /// Byte range in the original text.
    pub orig: (usize, usize),
}

/// A document's normalised text and tokens.
#[derive(Debug, Clone)]
pub struct DocTokens {
    /// Normalised text with its offset map.
    pub norm: Normalized,
    /// Word tokens in order.
    pub toks: Vec<Tok>,
}

impl DocTokens {
    /// The tokens whose original bytes overlap `start..end`, found by binary search (tokens are in
    /// text order and the offset map is monotonic), so that a long document does not cost
    /// tokens × spans.
    pub fn overlapping(&self, start: usize, end: usize) -> &[Tok] {
        &self.toks[self.overlapping_range(start, end)]
    }

    /// The first token starting at or after byte `pos` of the original text, with its index.
    pub fn first_from(&self, pos: usize) -> Option<(usize, &Tok)> {
        let i = self.toks.partition_point(|t| t.orig.0 < pos);
        self.toks.get(i).map(|t| (i, t))
    }

    /// Indices of [`DocTokens::overlapping`].
    pub fn overlapping_range(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let lo = self.toks.partition_point(|t| t.orig.1 <= start);
        let hi = self.toks.partition_point(|t| t.orig.0 < end).max(lo);
        lo..hi
    }

    /// Normalises and tokenises `text`.
    pub fn new(text: &str) -> DocTokens {
        let norm = Normalized::new(text, NormalizeOptions::default());
        let toks = tokens(&norm.text)
            .map(|(s, t)| {
                let e = s + t.len();
                Tok {
                    norm: (s, e),
                    orig: norm.to_original(s, e),
                }
            })
            .collect();
        DocTokens { norm, toks }
    }

    /// Normalised text of token `i` ("" when out of range).
    pub fn text(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| &self.norm.text[t.norm.0..t.norm.1])
    }

    /// Normalised text between tokens `i` and `i + 1` (punctuation, spaces).
    pub fn gap_after(&self, i: usize) -> &str {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => &self.norm.text[a.norm.1..b.norm.0],
            _ => "",
        }
    }
}

/// One gazetteer hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazMatch<'k> {
    /// Original byte offset of the first written token (proclitics included).
    pub start: usize,
    /// Original byte offset one past the last token.
    pub end: usize,
    /// Original byte offset where the name starts after proclitics.
    pub stem_start: usize,
    /// First token index.
    pub tok_start: usize,
    /// One past the last token index.
    pub tok_end: usize,
    /// Readings, best first (see [`Kb::lookup`]).
    pub targets: &'k [Target],
    /// Normalised key that matched.
    pub key: String,
    /// The written article (ال) was stripped to match: only adjective readings are safe then,
    /// since names that take the article carry it in the KB (الصين), and المشهد is not مشهد.
    pub article_stripped: bool,
}

/// The gazetteer over a KB.
#[derive(Debug, Clone, Copy)]
pub struct Gazetteer<'k> {
    kb: &'k Kb,
}

impl<'k> Gazetteer<'k> {
    /// A gazetteer over `kb`.
    pub fn new(kb: &'k Kb) -> Gazetteer<'k> {
        Gazetteer { kb }
    }

    /// All non-overlapping matches in `text`, left to right, longest first.
    pub fn find(&self, text: &str) -> Vec<GazMatch<'k>> {
        self.find_tokens(&DocTokens::new(text))
    }

    /// All non-overlapping matches over already tokenised text.
    pub fn find_tokens(&self, dt: &DocTokens) -> Vec<GazMatch<'k>> {
        let mut out = Vec::new();
        let mut key = String::new();
        let mut i = 0;
        while i < dt.toks.len() {
            match self.match_at(dt, i, &mut key) {
                Some(m) => {
                    i = m.tok_end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    /// The longest match starting at token `i`, if any.
    pub fn match_at(&self, dt: &DocTokens, i: usize, key: &mut String) -> Option<GazMatch<'k>> {
        let tok = dt.text(i);
        let mut best: Option<(usize, usize, &'k [Target], String, bool)> = None;
        let mut art = String::new();
        for (prefix, stem) in clitic_readings(tok) {
            // After ل+ال (written لل) the KB key may carry its article: للولايات → الولايات.
            let with_article = tok[..prefix].ends_with("لل");
            let article_prefix = tok[..prefix].ends_with("ال") || with_article;
            let stems: [Option<&str>; 2] = [
                Some(stem),
                if with_article {
                    art.clear();
                    art.push_str("ال");
                    art.push_str(stem);
                    Some(art.as_str())
                } else {
                    None
                },
            ];
            for (si, s) in stems
                .into_iter()
                .enumerate()
                .filter_map(|(i, s)| s.map(|s| (i, s)))
            {
                let stripped_article = article_prefix && si == 0;
                let max = self.kb.max_tokens_from(s);
                if max == 0 {
                    continue;
                }
                let letters = s.chars().count();
                let limit = max.min(dt.toks.len() - i);
                for len in (1..=limit).rev() {
                    if best.as_ref().is_some_and(|b| b.1 >= len) {
                        break;
                    }
                    if len == 1 && (letters < 2 || (prefix > 0 && letters < 3)) {
                        continue;
                    }
                    key.clear();
                    key.push_str(s);
                    let mut broken = false;
                    for j in i + 1..i + len {
                        // A name does not run across sentence punctuation.
                        if dt
                            .gap_after(j - 1)
                            .chars()
                            .any(|c| ".,;:!?()\"\n".contains(c))
                        {
                            broken = true;
                            break;
                        }
                        key.push(' ');
                        key.push_str(dt.text(j));
                    }
                    if broken {
                        continue;
                    }
                    let t = self.kb.lookup(key);
                    if !t.is_empty() {
                        best = Some((prefix, len, t, key.clone(), stripped_article));
                        break;
                    }
                }
            }
        }
        let (prefix, len, targets, key, article_stripped) = best?;
        let first = &dt.toks[i];
        let stem_start = dt.norm.to_original(first.norm.0 + prefix, first.norm.1).0;
        Some(GazMatch {
            start: first.orig.0,
            end: dt.toks[i + len - 1].orig.1,
            stem_start,
            tok_start: i,
            tok_end: i + len,
            targets,
            key,
            article_stripped,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AliasKind, Class};
    use proptest::prelude::*;

    fn first<'k>(kb: &'k Kb, text: &str, needle: &str) -> (String, &'k str, AliasKind) {
        let gaz = Gazetteer::new(kb);
        let m = gaz
            .find(text)
            .into_iter()
            .find(|m| text[m.start..m.end].contains(needle))
            .unwrap_or_else(|| panic!("no match for {needle}"));
        let t = m.targets[0];
        (
            text[m.start..m.end].to_string(),
            kb.entries[t.entry as usize].id.as_str(),
            t.kind,
        )
    }

    #[test]
    fn clitic_name_covers_written_token() {
        let kb = Kb::builtin();
        let s = "التي تضم 7 دول هي: تركيا وأذربيجان وشمال قبرص وتركمانستان";
        let (form, id, kind) = first(kb, s, "وأذربيجان");
        assert_eq!(form, "وأذربيجان");
        assert_eq!(id, "Q227");
        assert_eq!(kind, AliasKind::Name);
    }

    #[test]
    fn longest_match_takes_org_over_adjective() {
        let kb = Kb::builtin();
        let s = "كما حولت مؤخراً مجلس الدول التركية إلى منظمة الدول التركية.";
        let (form, id, _) = first(kb, s, "منظمة");
        assert_eq!(form, "منظمة الدول التركية");
        assert_eq!(id, "Q596850");
    }

    #[test]
    fn nisba_is_an_adjective_of_the_state() {
        let kb = Kb::builtin();
        let s = "ومع ذلك لم يكن الدور الخارجي واضحاً في الاحتجاجات الكازاخستانية";
        let (form, id, kind) = first(kb, s, "الكازاخستانية");
        assert_eq!(
            (form.as_str(), id, kind),
            ("الكازاخستانية", "Q232", AliasKind::Adjective)
        );
    }

    #[test]
    fn full_person_name_beats_city_prefix() {
        let kb = Kb::builtin();
        let s = "وكان الرئيس نور سلطان نزارباييف قد تنحى";
        let gaz = Gazetteer::new(kb);
        let ms = gaz.find(s);
        let m = ms
            .iter()
            .find(|m| s[m.start..m.end].starts_with("نور"))
            .unwrap();
        assert_eq!(&s[m.start..m.end], "نور سلطان نزارباييف");
        assert_eq!(kb.entries[m.targets[0].entry as usize].class, Class::Person);
    }

    proptest! {
        #[test]
        fn match_offsets_are_char_boundaries(s in "[ وتركيا روسيا،.كازاخستانيةa-z0-9\u{064B}]{0,60}") {
            let kb = Kb::builtin();
            for m in Gazetteer::new(kb).find(&s) {
                prop_assert!(s.get(m.start..m.end).is_some());
                prop_assert!(m.start <= m.stem_start && m.stem_start < m.end);
            }
        }
    }
}
