//! Raw-text tokenisation consistent with ANERcorp: whitespace splits, punctuation stands alone,
//! numbers keep their decimal separators and a trailing percent sign.

use marsad_text::{fold_char, NormalizeOptions};

fn is_word_char(c: char) -> bool {
    // Chars that normalisation deletes (diacritics, tatweel, zero-width) belong to the word.
    c.is_alphanumeric()
        || ('\u{0300}'..='\u{036F}').contains(&c)
        || (!c.is_whitespace() && fold_char(c, NormalizeOptions::default()).is_none())
}

/// Byte ranges of the tokens of `text`; every range is non-empty and on char boundaries.
pub fn tokenize(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() || c == '\u{00A0}' {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
            prev = None;
            continue;
        }
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
            prev = Some(c);
            continue;
        }
        let next = it.peek().map(|&(_, n)| n);
        let prev_digit = start.is_some() && prev.is_some_and(|p| p.is_numeric());
        let next_digit = next.is_some_and(|n| n.is_numeric());
        let in_number = matches!(c, '.' | ',' | '٫' | '٬') && prev_digit && next_digit;
        let percent = matches!(c, '%' | '٪') && prev_digit;
        if in_number || percent {
            prev = Some(c);
            continue;
        }
        if let Some(s) = start.take() {
            out.push((s, i));
        }
        out.push((i, i + c.len_utf8()));
        prev = None;
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn splits_punctuation_keeps_numbers() {
        assert_eq!(
            toks("قال توكاييف، إن نسبة 2.5% «مرتفعة»."),
            vec![
                "قال",
                "توكاييف",
                "،",
                "إن",
                "نسبة",
                "2.5%",
                "«",
                "مرتفعة",
                "»",
                "."
            ]
        );
    }

    #[test]
    fn diacritics_stay_in_word() {
        assert_eq!(
            toks("كَازَاخِسْتَان (آسيا)"),
            vec!["كَازَاخِسْتَان", "(", "آسيا", ")"]
        );
    }
}
