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

/// Class bits for entity words seen in the training data: PER, ORG, LOC, MISC.
pub const LEX_TRAIN: [u8; 4] = [16, 32, 64, 128];

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

    /// Adds the entity tokens of a gold sentence (word and clitic-stripped stem) with [`LEX_TRAIN`] bits.
    pub fn add_entities(&mut self, s: &crate::Sentence) {
        for (tok, tag) in s.tokens.iter().zip(&s.tags) {
            let Some(label) = tag.label() else { continue };
            let bit = LEX_TRAIN[crate::NerLabel::ALL
                .iter()
                .position(|l| *l == label)
                .unwrap_or(0)];
            let n = marsad_text::normalize_str(tok);
            if n.chars().count() < 2 {
                continue;
            }
            let stem = &n[crate::stem::proclitic_len(&n)..];
            if stem.chars().count() >= 2 && stem != n {
                *self.map.entry(stem.to_string()).or_insert(0) |= bit;
            }
            *self.map.entry(n).or_insert(0) |= bit;
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

/// Head nouns whose next word is typically a name of that class ("حزب الليكود", "مدينة حلب").
const ORG_TRIGGERS: &[&str] = &[
    "حزب",
    "حركة",
    "شركة",
    "نادي",
    "فريق",
    "منظمة",
    "جماعة",
    "تنظيم",
    "صحيفة",
    "وكالة",
    "جامعة",
    "مجموعة",
    "ميليشيا",
    "جبهة",
    "مصرف",
    "بنك",
    "قناة",
    "مؤسسة",
    "تحالف",
    "ائتلاف",
];
const LOC_TRIGGERS: &[&str] = &[
    "مدينة",
    "بلدة",
    "قرية",
    "محافظة",
    "ولاية",
    "منطقة",
    "إقليم",
    "مقاطعة",
    "جزيرة",
    "عاصمة",
    "مخيم",
    "حي",
];

/// Mines name words from raw text: a word that often follows an organisation or place head noun
/// (and mostly occurs there) gets that class. Returns how many words were added or extended.
pub fn mine_names<'a>(texts: impl IntoIterator<Item = &'a str>, lex: &mut Lexicon) -> usize {
    let norm_set =
        |l: &[&str]| -> Vec<String> { l.iter().map(|w| marsad_text::normalize_str(w)).collect() };
    let (org, loc) = (norm_set(ORG_TRIGGERS), norm_set(LOC_TRIGGERS));
    let mut total: HashMap<String, u32> = HashMap::new();
    let mut after: HashMap<String, [u32; 2]> = HashMap::new();
    for text in texts {
        let mut prev: Option<usize> = None;
        for (a, b) in crate::tokenize::tokenize(text) {
            let n = marsad_text::normalize_str(&text[a..b]);
            *total.entry(n.clone()).or_insert(0) += 1;
            if let Some(class) = prev {
                if n.chars().count() >= 3 && n.chars().all(char::is_alphabetic) {
                    after.entry(n.clone()).or_insert([0, 0])[class] += 1;
                }
            }
            let stem = &n[crate::stem::proclitic_len(&n)..];
            prev = if org.iter().any(|t| t == &n || t == stem) {
                Some(0)
            } else if loc.iter().any(|t| t == &n || t == stem) {
                Some(1)
            } else {
                None
            };
        }
    }
    let mut words: Vec<(&String, &[u32; 2])> = after.iter().collect();
    words.sort();
    let mut added = 0;
    for (w, counts) in words {
        let t = total.get(w).copied().unwrap_or(1).max(1);
        for (class, bit) in [(0, LEX_ORG), (1, LEX_LOC)] {
            let c = counts[class];
            if c >= 3 && c as f64 / t as f64 >= 0.25 {
                let e = lex.map.entry(w.clone()).or_insert(0);
                if *e & bit == 0 {
                    *e |= bit;
                    added += 1;
                }
            }
        }
    }
    added
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

    #[test]
    fn mines_names_after_head_nouns() {
        let texts = [
            "وقال حزب الليكود إن الحكومة ستجتمع في مدينة حلب غدا.",
            "ورفض حزب الليكود المقترح، بينما وصل الوفد إلى مدينة حلب.",
            "وأكد زعيم حزب الليكود أن الحكومة باقية. وتقع مدينة حلب في الشمال.",
            "الحكومة الجديدة تعهدت بالإصلاح.",
        ];
        let mut l = Lexicon::default();
        assert_eq!(mine_names(texts, &mut l), 2);
        assert_eq!(l.get("الليكود"), LEX_ORG);
        assert_eq!(l.get("حلب"), LEX_LOC);
        assert_eq!(l.get("الحكومه"), 0);
    }
}
