//! A deliberately simple proclitic stripper for normalised Arabic words.
//!
//! Strips conjunction (و ف), preposition (ب ل, and ك before ال) and article (ال) from the front, keeping a stem of
//! at least two or three letters. Not a morphological analyser: names starting with these letters
//! also get "stripped", which is fine for a feature because the full word is a feature too.

/// Byte length of the proclitic prefix of an already-normalised word (0 if none).
pub fn proclitic_len(norm: &str) -> usize {
    let mut rest = norm;
    let mut cut = 0usize;
    let count = |s: &str| s.chars().count();
    // Conjunction.
    for c in ["و", "ف"] {
        if let Some(r) = rest.strip_prefix(c) {
            if count(r) >= 3 {
                cut += c.len();
                rest = r;
            }
            break;
        }
    }
    // "لل" is ل + ال with the alef dropped.
    if let Some(r) = rest.strip_prefix("لل") {
        if count(r) >= 2 {
            return cut + "لل".len();
        }
    }
    // Preposition + article.
    for p in ["بال", "كال", "وال"] {
        if let Some(r) = rest.strip_prefix(p) {
            if count(r) >= 2 {
                return cut + p.len();
            }
        }
    }
    if let Some(r) = rest.strip_prefix("ال") {
        if count(r) >= 2 {
            return cut + "ال".len();
        }
    }
    for c in ["ب", "ل"] {
        if let Some(r) = rest.strip_prefix(c) {
            if count(r) >= 3 {
                return cut + c.len();
            }
        }
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(w: &str) -> &str {
        &w[proclitic_len(w)..]
    }

    #[test]
    fn strips_common_proclitics() {
        assert_eq!(stem("والصادرات"), "صادرات");
        assert_eq!(stem("للامن"), "امن");
        assert_eq!(stem("بالمانيا"), "مانيا");
        assert_eq!(stem("السيارات"), "سيارات");
        assert_eq!(stem("وكازاخستان"), "كازاخستان");
        assert_eq!(stem("في"), "في");
        assert_eq!(stem("ولا"), "ولا");
    }
}
