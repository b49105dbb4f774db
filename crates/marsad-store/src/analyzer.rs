//! The search analyser: text to index terms, the same for documents and queries and for both
//! backends, so a query finds the same sentences whichever store holds them.
//!
//! Per word: normalisation (alef/hamza forms, ى→ي, ة→ه, diacritics and tatweel removed, digits to
//! ASCII, Latin lower-cased), clitic segmentation against the text layer's lexicon of common
//! words, then the Light10 stemmer of Larkey, Ballesteros & Connell (2007) on what is left. Every
//! term keeps the byte range of its word, for highlighting.

use marsad_text::{segment, CommonWords, TokenKind, Tokens};

/// Longest term kept, in bytes (longer words are cut at a char boundary).
const MAX_TERM_BYTES: usize = 120;

/// One index term and the word it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// Byte offset of the word in the analysed text.
    pub start: usize,
    /// Byte offset one past the word.
    pub end: usize,
    /// The term: letters and digits only, never empty, no spaces or ASCII punctuation.
    pub term: String,
}

/// Analyses `text` into terms, in text order.
pub fn terms(text: &str) -> Vec<Term> {
    let mut out = Vec::new();
    for tok in Tokens::new(text) {
        if !matches!(tok.kind, TokenKind::Word | TokenKind::Number) {
            continue;
        }
        let word = tok.text(text);
        let term = if tok.kind == TokenKind::Number {
            number_term(word)
        } else {
            word_term(word)
        };
        if !term.is_empty() {
            out.push(Term {
                start: tok.start,
                end: tok.end,
                term,
            });
        }
    }
    out
}

/// The distinct terms of a query, in first-seen order.
pub fn query_terms(query: &str) -> Vec<String> {
    let mut seen = Vec::new();
    for t in terms(query) {
        if !seen.contains(&t.term) {
            seen.push(t.term);
        }
    }
    seen
}

/// Term of a number token: digits folded to ASCII, thousands separators dropped, the decimal
/// point kept as `d` (the FTS5 `ascii` tokenizer would split on `.`).
fn number_term(word: &str) -> String {
    let norm = marsad_text::normalize_str(word);
    let mut s = String::with_capacity(norm.len());
    for c in norm.chars() {
        match c {
            '0'..='9' => s.push(c),
            '.' => s.push('d'),
            _ => {}
        }
    }
    s
}

/// Term of a word token.
fn word_term(word: &str) -> String {
    let seg = segment(word, &CommonWords);
    let stem = if seg.stem.0 < seg.stem.1 {
        seg.stem_str(word)
    } else {
        word
    };
    let norm = marsad_text::normalize_str(stem);
    let stemmed = light10(&norm);
    let mut s = String::with_capacity(stemmed.len());
    for c in stemmed.chars() {
        // Keep what the FTS5 `ascii` tokenizer and a tsvector literal both take as one token.
        if c.is_ascii() && !c.is_ascii_alphanumeric() {
            continue;
        }
        if c.is_whitespace() || c.is_control() {
            continue;
        }
        if s.len() + c.len_utf8() > MAX_TERM_BYTES {
            break;
        }
        s.push(c);
    }
    s
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// Light10 on a normalised word (ة already folded to ه, so ية and ة are covered by يه and ه).
fn light10(w: &str) -> &str {
    let mut w = w;
    if let Some(r) = w.strip_prefix('و') {
        if chars(r) >= 3 {
            w = r;
        }
    }
    for p in ["وال", "بال", "كال", "فال", "لل", "ال"] {
        if let Some(r) = w.strip_prefix(p) {
            if chars(r) >= 2 {
                w = r;
                break;
            }
        }
    }
    for s in ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"] {
        if let Some(r) = w.strip_suffix(s) {
            if chars(r) >= 2 {
                w = r;
            }
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn one(w: &str) -> String {
        let t = terms(w);
        assert_eq!(t.len(), 1, "{w}: {t:?}");
        t[0].term.clone()
    }

    #[test]
    fn spelling_and_clitic_variants_share_a_term() {
        let base = one("الحكومة");
        for v in [
            "حكومة",
            "حكومه",
            "والحكومة",
            "للحكومة",
            "بالحكومة",
            "الحكومه",
        ] {
            assert_eq!(one(v), base, "{v}");
        }
        let base = one("الأمن");
        for v in ["الامن", "للأمن", "والأمن", "بالأمن", "أمن", "إمن"] {
            assert_eq!(one(v), base, "{v}");
        }
        assert_eq!(one("مصطفى"), one("مصطفي"));
        assert_eq!(one("الاحتجاجات"), one("احتجاجات"));
    }

    #[test]
    fn numbers_fold_digits_and_separators() {
        assert_eq!(one("١٦٤"), "164");
        assert_eq!(one("2,500"), "2500");
        assert_eq!(one("2.5"), "2d5");
    }

    #[test]
    fn terms_point_at_their_words_in_a_real_sentence() {
        let s = "أعلن الرئيس الكازاخستاني قاسم جومارت توكاييف، حالة الطوارئ في العاصمة نور سلطان.";
        let t = terms(s);
        assert!(t.len() >= 10);
        for x in &t {
            assert!(!x.term.is_empty() && !x.term.contains(' '));
            assert!(s.get(x.start..x.end).is_some());
        }
        assert_eq!(t[0].term, one("أعلن"));
        // Punctuation is no term.
        assert!(!t.iter().any(|x| s[x.start..x.end].contains('،')));
    }

    proptest! {
        #[test]
        fn terms_are_well_formed(s in "[ا-ي ،.0-9a-zA-Z\u{064B}-\u{0652}ـ]{0,60}") {
            for t in terms(&s) {
                prop_assert!(s.get(t.start..t.end).is_some());
                prop_assert!(!t.term.is_empty());
                prop_assert!(t.term.chars().all(|c| !c.is_whitespace() && (!c.is_ascii() || c.is_ascii_alphanumeric())));
            }
        }
    }
}
