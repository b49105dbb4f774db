//! Tokeniser for Arabic (and mixed Latin) news text, keeping byte offsets into the input.
//!
//! Every char that is neither whitespace nor an invisible format char (bidi marks, zero-width
//! chars, BOM) belongs to exactly one token; tokens are ordered and do not overlap.

use crate::normalize::normalize_str;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (Arabic, Latin or other scripts) with diacritics and tatweel inside the word; a
    /// non-Arabic word may go on with ASCII digits (`G20`).
    Word,
    /// Digits (ASCII, Arabic-Indic, Persian) with internal separators such as `1,000`, `2.5`, `٢٫٥`.
    Number,
    /// Punctuation; a run of sentence-final marks (`...`, `؟!`) is one token.
    Punct,
    /// Anything else that is visible: `%`, `٪`, `$`, `+`, emoji.
    Symbol,
    /// An e-mail address.
    Email,
    /// A URL starting with a scheme (`http://`, `https://`) or `www.`.
    Url,
}

/// A token: a byte range of the tokenised text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Kind of token.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text; `text` must be the string the token came from.
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// The token's text normalised with [`normalize_str`] (for matching).
    pub fn norm(&self, text: &str) -> String {
        normalize_str(self.text(text))
    }

    /// Length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for a zero-length token (never produced by the tokeniser).
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// True if the token's first char is in the Arabic script (for Words: an Arabic word).
    pub fn is_arabic(&self, text: &str) -> bool {
        self.text(text).chars().next().is_some_and(is_arabic)
    }

    /// True for a Word that is only proclitic letters and belongs to the next token: ending in
    /// tatweel (`الـ` in `الـ75`, `بـ` in `بـ"داعش"`), or written against a number or a Latin
    /// word (`ب` in `ب2500`, `ال` in `الCNN`).
    pub fn is_clitic_marker(&self, text: &str) -> bool {
        if self.kind != TokenKind::Word {
            return false;
        }
        let w = self.text(text);
        if crate::clitic::is_proclitic_marker(w) {
            return true;
        }
        let glued = text
            .get(self.end..)
            .and_then(|r| r.chars().next())
            .is_some_and(|c| is_digit(c) || (c.is_alphabetic() && !is_arabic(c)));
        glued && crate::clitic::is_proclitic_sequence(w)
    }
}

/// Tokenises `text` into a vector of tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    out.extend(Tokens::new(text));
    out
}

/// Iterator over the tokens of a text (allocation-free form of [`tokenize`]).
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Tokens<'a> {
    /// Starts tokenising `text`.
    pub fn new(text: &'a str) -> Tokens<'a> {
        Tokens { text, pos: 0 }
    }
}

/// True for chars that separate tokens and belong to none: whitespace and invisible format chars.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Invisible format chars that normalisation removes (bidi marks, zero-width chars, BOM).
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{061C}'
        | '\u{00AD}')
}

/// Digits the tokeniser reads as numbers: ASCII, Arabic-Indic and Persian (Extended) digits.
#[inline]
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '٠'..='٩' | '۰'..='۹')
}

#[inline]
fn is_number_separator(c: char) -> bool {
    matches!(c, '.' | ',' | '٫' | '٬')
}

/// The share of a text's letters that are Arabic script, and how many letters it has: Marsad
/// reads Arabic, so a text mostly in another script yields next to nothing, and says so.
pub fn arabic_letter_share(text: &str) -> (f64, usize) {
    let (mut arabic, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if is_arabic(c) {
            arabic += 1;
        }
    }
    if letters == 0 {
        return (0.0, 0);
    }
    (arabic as f64 / letters as f64, letters)
}

/// Arabic-script letters and marks (the Arabic blocks, including presentation forms).
#[inline]
pub fn is_arabic(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}')
}

/// Combining marks that belong to the letter before them.
#[inline]
fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}')
}

const TATWEEL: char = '\u{0640}';

/// Chars that may start or continue a word.
#[inline]
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    // Fast path for the basic Arabic letters before the Unicode table lookup.
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
        || c == TATWEEL
        || is_mark(c)
        || (c.is_alphabetic() && !is_digit(c))
}

/// Punctuation (as opposed to symbols).
#[inline]
pub fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation()
            && !matches!(
                c,
                '$' | '%' | '&' | '*' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~' | '#' | '@'
            );
    }
    matches!(c,
        '،' | '؛' | '؟' | '٫' | '٬' | '٭' | '۔' | '؍' | '؞'
        | '¡' | '§' | '«' | '¶' | '·' | '»' | '¿'
        | '\u{2010}'..='\u{2027}'
        | '\u{2032}'..='\u{205E}'
        | '\u{2E00}'..='\u{2E4F}'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{FD3E}' | '\u{FD3F}'
        | '\u{FE10}'..='\u{FE19}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FE50}'..='\u{FE6B}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}')
}

/// Marks that can end a sentence; a run of them is one token.
#[inline]
pub(crate) fn is_final_punct(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '…' | '۔' | '‼' | '⁇' | '⁈' | '⁉')
}

#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let text = self.text;
        let bytes = text.as_bytes();
        // Skip separators.
        let mut start = self.pos;
        loop {
            let c = char_at(text, start)?;
            if !is_space(c) {
                break;
            }
            start += c.len_utf8();
        }
        let c = char_at(text, start)?;
        let (end, kind) = if c.is_ascii_alphanumeric() {
            if let Some(e) = scan_url(text, start) {
                (e, TokenKind::Url)
            } else if let Some(e) = scan_email(bytes, start) {
                (e, TokenKind::Email)
            } else if c.is_ascii_digit() {
                (scan_number(text, start), TokenKind::Number)
            } else {
                (scan_word(text, start), TokenKind::Word)
            }
        } else if is_digit(c) {
            (scan_number(text, start), TokenKind::Number)
        } else if is_letter(c) {
            (scan_word(text, start), TokenKind::Word)
        } else if c.is_numeric() {
            // Other scripts' digits, fractions, superscripts.
            let mut e = start;
            while let Some(d) = char_at(text, e) {
                if !d.is_numeric() || is_digit(d) {
                    break;
                }
                e += d.len_utf8();
            }
            (e, TokenKind::Number)
        } else if is_final_punct(c) {
            let mut e = start;
            while let Some(d) = char_at(text, e) {
                if !is_final_punct(d) {
                    break;
                }
                e += d.len_utf8();
            }
            (e, TokenKind::Punct)
        } else {
            let mut e = start + c.len_utf8();
            // Keep variation selectors and combining marks with their base (emoji, accents).
            while let Some(d) = char_at(text, e) {
                if !is_mark(d) {
                    break;
                }
                e += d.len_utf8();
            }
            let kind = if is_punct(c) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            (e, kind)
        };
        self.pos = end;
        Some(Token { start, end, kind })
    }
}

/// Scans a word: letters, marks and tatweel of one script (Arabic vs. other; a non-Arabic word
/// also takes ASCII digits). Invisible chars inside a word are kept when a letter of the same
/// word follows. A tatweel that is followed by
/// anything but an Arabic letter closes the word (`الـ75`, `بـ"`).
fn scan_word(text: &str, start: usize) -> usize {
    let first = char_at(text, start).unwrap_or(' ');
    let arabic = is_arabic(first);
    let mut end = start + first.len_utf8();
    let mut prev = first;
    while let Some(c) = char_at(text, end) {
        if is_mark(c) {
            end += c.len_utf8();
            continue;
        }
        if prev == TATWEEL && !(is_letter(c) && is_arabic(c)) {
            break;
        }
        if is_letter(c) {
            if c != TATWEEL && is_arabic(c) != arabic {
                break;
            }
            if c == TATWEEL && !arabic {
                break;
            }
            end += c.len_utf8();
            prev = c;
            continue;
        }
        if is_invisible(c) {
            // Look past a run of invisible chars for a continuing letter.
            let mut j = end + c.len_utf8();
            while let Some(d) = char_at(text, j) {
                if !is_invisible(d) {
                    break;
                }
                j += d.len_utf8();
            }
            match char_at(text, j) {
                Some(d) if is_letter(d) && (is_arabic(d) == arabic) && d != TATWEEL => {
                    end = j;
                    continue;
                }
                _ => break,
            }
        }
        // Latin names with digits are one word: G20, F16, A320 (a number never starts a word).
        if !arabic && c.is_ascii_digit() {
            end += 1;
            prev = c;
            continue;
        }
        // Apostrophes inside Latin words: O'Brien, don't.
        if !arabic && matches!(c, '\'' | '’') {
            match char_at(text, end + c.len_utf8()) {
                Some(d) if d.is_alphabetic() && !is_arabic(d) => {
                    end += c.len_utf8();
                    prev = c;
                    continue;
                }
                _ => break,
            }
        }
        break;
    }
    end
}

/// Scans a number: digits with single internal separators between digits.
fn scan_number(text: &str, start: usize) -> usize {
    let mut end = start;
    while let Some(c) = char_at(text, end) {
        if is_digit(c) {
            end += c.len_utf8();
            continue;
        }
        if is_number_separator(c) {
            let after = end + c.len_utf8();
            if matches!(char_at(text, after), Some(d) if is_digit(d)) {
                end = after;
                continue;
            }
        }
        break;
    }
    end
}

fn starts_with_ignore_ascii_case(s: &str, at: usize, prefix: &str) -> bool {
    s.as_bytes()
        .get(at..at + prefix.len())
        .is_some_and(|b| b.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Chars a URL never contains in running text.
#[inline]
fn ends_url(c: char) -> bool {
    is_space(c)
        || matches!(
            c,
            '"' | '<' | '>' | '«' | '»' | '“' | '”' | '،' | '؛' | '؟' | '\u{2018}' | '\u{2019}'
        )
}

/// Scans `http(s)://...` or `www.x.y...` up to whitespace, then gives back trailing punctuation.
fn scan_url(text: &str, start: usize) -> Option<usize> {
    let body = if starts_with_ignore_ascii_case(text, start, "https://") {
        start + 8
    } else if starts_with_ignore_ascii_case(text, start, "http://") {
        start + 7
    } else if starts_with_ignore_ascii_case(text, start, "www.") {
        start + 4
    } else {
        return None;
    };
    let mut end = body;
    while let Some(c) = char_at(text, end) {
        if ends_url(c) {
            break;
        }
        end += c.len_utf8();
    }
    // Trailing punctuation belongs to the sentence, not the URL.
    while end > body {
        let c = text[..end].chars().next_back()?;
        if matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '\''
        ) || !c.is_ascii() && !c.is_alphanumeric()
        {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    // Need at least one host char.
    let host_ok = text[body..end]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric());
    host_ok.then_some(end)
}

/// Scans `local@domain.tld` (ASCII).
fn scan_email(b: &[u8], start: usize) -> Option<usize> {
    let local = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
    let mut i = start;
    while i < b.len() && local(b[i]) {
        i += 1;
    }
    if i == start || i >= b.len() || b[i] != b'@' || b[i - 1] == b'.' {
        return None;
    }
    i += 1;
    let mut labels = 0;
    let mut end = None;
    loop {
        let s = i;
        while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
            i += 1;
        }
        if i == s {
            break;
        }
        labels += 1;
        if labels >= 2 {
            end = Some(i);
        }
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_alphanumeric() {
            i += 1;
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn show(text: &str) -> Vec<(&str, TokenKind)> {
        tokenize(text)
            .iter()
            .map(|t| (t.text(text), t.kind))
            .collect()
    }

    #[test]
    fn real_sentence_words_numbers_punct() {
        // Sample corpus, article 000.
        let s = "وقتل خلال هذه الأحداث 164 شخصاً وأصيب 2200 وتم القبض على أكثر من 6000 شخص.";
        let toks = show(s);
        assert_eq!(toks[4], ("164", TokenKind::Number));
        assert_eq!(toks[5], ("شخصاً", TokenKind::Word));
        assert_eq!(toks.last(), Some(&(".", TokenKind::Punct)));
        assert_eq!(toks.len(), 16);
    }

    #[test]
    fn arabic_indic_digits_and_parentheses() {
        let s = "(الرئيس السابق الذي ترك السلطة في ٢٠١٩، وولاه توكاييف)";
        let toks = show(s);
        assert_eq!(toks[0], ("(", TokenKind::Punct));
        assert_eq!(toks[7], ("٢٠١٩", TokenKind::Number));
        assert_eq!(toks[8], ("،", TokenKind::Punct));
        assert_eq!(tokenize(s)[7].norm(s), "2019");
    }

    #[test]
    fn number_separators() {
        assert_eq!(
            show("بلغت 1,000,000 دولار"),
            [
                ("بلغت", TokenKind::Word),
                ("1,000,000", TokenKind::Number),
                ("دولار", TokenKind::Word)
            ]
        );
        assert_eq!(show("8.5 طن")[0], ("8.5", TokenKind::Number));
        assert_eq!(show("٢٫٥٪")[0], ("٢٫٥", TokenKind::Number));
        assert_eq!(show("٢٫٥٪")[1], ("٪", TokenKind::Symbol));
        assert_eq!(
            show("(19% من السكان)")[1..3],
            [("19", TokenKind::Number), ("%", TokenKind::Symbol)]
        );
        // A separator not followed by a digit is punctuation.
        assert_eq!(
            show("عام 1991، وإقامة")[1..3],
            [("1991", TokenKind::Number), ("،", TokenKind::Punct)]
        );
        assert_eq!(
            show("2021.")[..],
            [("2021", TokenKind::Number), (".", TokenKind::Punct)]
        );
    }

    #[test]
    fn tatweel_clitic_marker_before_digits() {
        let s = "خلال الـ75 عاما الماضية";
        let toks = show(s);
        assert_eq!(toks[1], ("الـ", TokenKind::Word));
        assert_eq!(toks[2], ("75", TokenKind::Number));
        assert!(tokenize(s)[1].is_clitic_marker(s));
        let s = "أرسلت ب2500 جندي و شاركت";
        let t = tokenize(s);
        assert!(t[1].is_clitic_marker(s));
        // A free-standing و is a word here, not a marker.
        assert!(!t[4].is_clitic_marker(s));
        assert!(!t[0].is_clitic_marker(s));
        let s = "تنديد بـ\"داعش\"";
        assert_eq!(show(s)[1], ("بـ", TokenKind::Word));
        // Tatweel inside a word is part of it.
        assert_eq!(
            show("كازاخستـــان")[..],
            [("كازاخستـــان", TokenKind::Word)]
        );
        // Letters glued to digits without tatweel still split.
        assert_eq!(
            show("ب75")[..],
            [("ب", TokenKind::Word), ("75", TokenKind::Number)]
        );
    }

    #[test]
    fn scripts_and_diacritics() {
        let s = "قمّتها بعد BBC’s report، بقوة.";
        let toks = show(s);
        assert_eq!(toks[0], ("قمّتها", TokenKind::Word));
        assert_eq!(toks[2], ("BBC’s", TokenKind::Word));
        assert_eq!(toks[4], ("،", TokenKind::Punct));
        assert!(tokenize(s)[0].is_arabic(s) && !tokenize(s)[2].is_arabic(s));
        assert_eq!(show("قمة G20 في")[1], ("G20", TokenKind::Word));
        assert_eq!(
            show("2022م")[..],
            [("2022", TokenKind::Number), ("م", TokenKind::Word)]
        );
        // Script change splits a word.
        assert_eq!(
            show("بiPhone")[..],
            [("ب", TokenKind::Word), ("iPhone", TokenKind::Word)]
        );
    }

    #[test]
    fn invisible_chars_are_not_tokens() {
        let s = "\u{200F}روسيا\u{200E} و\u{200C}تركيا";
        let toks = show(s);
        assert_eq!(
            toks,
            [
                ("روسيا", TokenKind::Word),
                ("و\u{200C}تركيا", TokenKind::Word)
            ]
        );
    }

    #[test]
    fn urls_and_emails() {
        let s = "راجع https://www.example.com/a?b=1. أو اكتب إلى info@example.org، شكراً";
        let toks = show(s);
        assert_eq!(toks[1], ("https://www.example.com/a?b=1", TokenKind::Url));
        assert_eq!(toks[2], (".", TokenKind::Punct));
        assert_eq!(toks[6], ("info@example.org", TokenKind::Email));
        assert_eq!(toks[7], ("،", TokenKind::Punct));
        assert_eq!(show("www.aljazeera.net")[0].1, TokenKind::Url);
        assert_eq!(show("a@b")[0], ("a", TokenKind::Word));
    }

    #[test]
    fn ellipsis_and_question_runs() {
        let s = "قيل لي.. إن تظاهرة خرجت؟!";
        let toks = show(s);
        assert_eq!(toks[2], ("..", TokenKind::Punct));
        assert_eq!(toks.last(), Some(&("؟!", TokenKind::Punct)));
    }

    fn arabic_mix() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("ال".to_string()),
                Just("ـ".to_string()),
                Just("و".to_string()),
                Just("تركيا".to_string()),
                Just("٢٫٥".to_string()),
                Just("1,0".to_string()),
                Just(".".to_string()),
                Just("؟".to_string()),
                Just(" ".to_string()),
                Just("\n".to_string()),
                Just("«".to_string()),
                Just("”".to_string()),
                Just("\"".to_string()),
                Just("\u{200F}".to_string()),
                Just("َ".to_string()),
                Just("http://".to_string()),
                Just("www.".to_string()),
                Just("a@b.c".to_string()),
                "\\PC{0,3}",
            ],
            0..40,
        )
        .prop_map(|v| v.concat())
    }

    fn check_tokens(s: &str) -> Result<(), TestCaseError> {
        let toks = tokenize(s);
        let mut last = 0;
        for t in &toks {
            prop_assert!(t.start < t.end);
            prop_assert!(t.start >= last);
            prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
            // Gaps hold only separators.
            prop_assert!(s[last..t.start].chars().all(is_space));
            last = t.end;
        }
        prop_assert!(s[last..].chars().all(is_space));
        Ok(())
    }

    proptest! {
        #[test]
        fn tokens_cover_all_visible_text(s in "\\PC*") {
            check_tokens(&s)?;
        }

        #[test]
        fn tokens_cover_arabic_mix(s in arabic_mix()) {
            check_tokens(&s)?;
        }
    }
}
