//! Tokens of normalised text, proclitic readings, and the spelling skeleton used for fuzzy merging.

/// Whether `c` belongs to a word; a fast path for ASCII and Arabic letters (the Unicode tables are slow).
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => {
            true
        }
        '\u{0671}'..='\u{06D3}' | '\u{0660}'..='\u{0669}' => true,
        c if c.is_ascii() => false,
        '\u{0600}'..='\u{06FF}' => false,
        c => c.is_alphanumeric(),
    }
}

/// Word tokens of normalised text: maximal runs of alphanumeric chars, as `(byte start, token)`.
pub fn tokens(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = s.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = rest.peek() {
            if is_word_char(c) {
                break;
            }
            rest.next();
        }
        let (start, _) = *rest.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = rest.peek() {
            if !is_word_char(c) {
                break;
            }
            end = i + c.len_utf8();
            rest.next();
        }
        Some((start, &s[start..end]))
    })
}

/// Readings of a normalised token with proclitics stripped: `(bytes of prefix, stem, stem has article)`.
///
/// Conjunction و/ف, then preposition ب/ك/ل, then the article ال (ل+ال is written لل). The token itself
/// is always the first reading, so an exact lexicon entry beats a stripped one (لبنان is not ل+بنان).
/// Stems shorter than two letters are not produced.
pub fn clitic_readings(tok: &str) -> impl Iterator<Item = (usize, &str)> {
    fn push<'a>(out: &mut [(usize, &'a str); 8], n: &mut usize, p: usize, stem: &'a str) {
        if *n < out.len() && stem.chars().count() >= 2 && !out[..*n].iter().any(|o| o.0 == p) {
            out[*n] = (p, stem);
            *n += 1;
        }
    }
    let mut out: [(usize, &str); 8] = [(0, tok); 8];
    let mut n = 1;
    let mut after_conj: [(usize, &str); 2] = [(0, tok); 2];
    let mut m = 1;
    for c in ["و", "ف"] {
        if let Some(r) = tok.strip_prefix(c) {
            after_conj[m] = (c.len(), r);
            m += 1;
            break;
        }
    }
    for &(p0, t0) in &after_conj[..m] {
        if p0 > 0 {
            push(&mut out, &mut n, p0, t0);
        }
        if let Some(r) = t0.strip_prefix("لل") {
            // ل + ال with the alef dropped: the stem stands without its article.
            push(&mut out, &mut n, p0 + "لل".len(), r);
        }
        for prep in ["ب", "ك", "ل"] {
            if let Some(r) = t0.strip_prefix(prep) {
                push(&mut out, &mut n, p0 + prep.len(), r);
                if let Some(r2) = r.strip_prefix("ال") {
                    push(&mut out, &mut n, p0 + prep.len() + "ال".len(), r2);
                }
            }
        }
        if let Some(r) = t0.strip_prefix("ال") {
            push(&mut out, &mut n, p0 + "ال".len(), r);
        }
    }
    (0..n).map(move |i| out[i])
}

/// Spelling skeleton of a normalised name: long vowels (ا و ي), hamza carriers, ه/ة and doubled letters
/// dropped, so that transliteration variants (نزارباييف / نازارباييف) meet.
///
/// The first letter is always kept, since a leading و/ي/ا is usually a consonant or the name's onset.
pub fn skeleton(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last: Option<char> = None;
    for (i, c) in s.chars().enumerate() {
        if !is_word_char(c) {
            last = None;
            continue;
        }
        let c = match c {
            'ى' => 'ي',
            'ة' => 'ه',
            'ؤ' | 'ئ' | 'ء' | 'أ' | 'إ' | 'آ' => 'ا',
            'ظ' => 'ز',
            'ث' => 'س',
            'ذ' => 'ز',
            'ج' => 'غ',
            'ق' => 'ك',
            _ => c,
        };
        let vowelish = matches!(c, 'ا' | 'و' | 'ي' | 'ه');
        if vowelish && i > 0 {
            continue;
        }
        if last == Some(c) {
            continue;
        }
        out.push(c);
        last = Some(c);
    }
    out
}

/// Levenshtein distance over chars, stopping early once it exceeds `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return max + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return max + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Similarity of two names in `[0, 1]`: one minus the skeleton edit distance over the longer skeleton.
pub fn name_similarity(a: &str, b: &str) -> f64 {
    let (sa, sb) = (skeleton(a), skeleton(b));
    let n = sa.chars().count().max(sb.chars().count());
    if n == 0 {
        return 0.0;
    }
    let d = edit_distance(&sa, &sb, n);
    1.0 - d as f64 / n as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_text::normalize_str;

    #[test]
    fn tokens_split_on_punctuation() {
        let s = normalize_str("الرئيس «توكاييف» الدعم، وتركيا");
        let t: Vec<&str> = tokens(&s).map(|t| t.1).collect();
        assert_eq!(
            t,
            ["الرئيس", "توكاييف", "الدعم", "وتركيا"].map(normalize_str)
        );
    }

    #[test]
    fn readings_strip_conjunction_preposition_article() {
        let r: Vec<&str> = clitic_readings("وتركيا").map(|r| r.1).collect();
        assert_eq!(r, ["وتركيا", "تركيا"]);
        let r: Vec<&str> = clitic_readings("لكازاخستان").map(|r| r.1).collect();
        assert!(r.contains(&"كازاخستان"));
        let r: Vec<(usize, &str)> = clitic_readings("للدول").collect();
        assert!(r.contains(&("لل".len(), "دول")));
        let r: Vec<&str> = clitic_readings("بموسكو").map(|r| r.1).collect();
        assert!(r.contains(&"موسكو"));
    }

    #[test]
    fn skeleton_meets_transliteration_variants() {
        let k = |s: &str| skeleton(&normalize_str(s));
        assert_eq!(k("نزارباييف"), k("نازارباييف"));
        assert_eq!(k("قرغيزستان"), k("قيرغيزستان"));
        assert_ne!(k("توكاييف"), k("نزارباييف"));
        assert!(name_similarity(&normalize_str("نزارباييف"), &normalize_str("نازاباييف")) >= 0.75);
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("abc", "abd", 3), 1);
        assert_eq!(edit_distance("abc", "abc", 3), 0);
        assert_eq!(edit_distance("", "abc", 5), 3);
    }
}
