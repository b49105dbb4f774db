//! Sentence splitting for Arabic news text.
//!
//! Decisions, from reading the ANT news corpus (`shared/data/ant_news`, 12k articles):
//! - Every line break ends a sentence: news bodies put one paragraph per line and headlines carry
//!   no final stop.
//! - `.` `!` `?` `؟` end a sentence; the Arabic semicolon `؛` does not (162 uses in 3M words, all
//!   joining clauses of one sentence), nor does an ellipsis (`..`, `...`, `…`), which Arabic news
//!   uses mid-sentence as a dash ("قيل لي.. إن تظاهرة خرجت").
//! - A stop followed directly by a letter or digit is not an end (`د.محمد`, `إم.كيو-9`,
//!   `العربية.نت`, `2.5`); nor is a stop after a single letter (`د.` `م.` `ب.` initials and
//!   abbreviations, `U.S.`), nor after a known Latin abbreviation (`Mr.`).
//! - Stops inside a quotation or parenthesis that closes on the same line within
//!   [`MAX_QUOTE_CHARS`] chars do not end the sentence; a stop right before the closing mark ends
//!   it after the mark.

use crate::token::{is_space, Token, TokenKind, Tokens};

/// A byte range of a text, trimmed of surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// The span's text; `text` must be the string the span came from.
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Longest quotation (in chars, marks included) whose inner stops are not sentence ends.
pub const MAX_QUOTE_CHARS: usize = 400;

/// Latin abbreviations that are followed by a stop mid-sentence (lower-cased).
const LATIN_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cpt",
    "gov", "sen", "rep", "rev", "hon", "pres", "inc", "ltd", "co", "corp", "vs", "etc", "no",
    "nos", "vol", "fig", "al", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov",
    "dec", "approx", "dept", "est", "mt", "ft", "op", "pp", "univ",
];

/// Splits `text` into sentences. Spans are ordered, non-overlapping, on char boundaries, trimmed
/// of whitespace, and together cover every char that is not whitespace or an invisible format
/// char.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut toks: Vec<Token> = Vec::new();
    let mut quotes = QuoteScratch::default();
    let mut line_start = 0;
    for (i, c) in text.char_indices() {
        if is_line_break(c) {
            split_line(text, line_start, i, &mut toks, &mut quotes, &mut out);
            line_start = i + c.len_utf8();
        }
    }
    split_line(
        text,
        line_start,
        text.len(),
        &mut toks,
        &mut quotes,
        &mut out,
    );
    out
}

#[inline]
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Pushes the trimmed span `[a, b)` if it has visible text.
fn push_trimmed(text: &str, a: usize, b: usize, out: &mut Vec<Span>) {
    let s = &text[a..b];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trimmed = s.trim_matches(is_space);
    if !trimmed.is_empty() {
        let start = a + lead;
        out.push(Span {
            start,
            end: start + trimmed.len(),
        });
    }
}

#[derive(Default)]
struct QuoteScratch {
    /// Per token: 0 = not a quote mark, otherwise the role.
    role: Vec<Role>,
    /// Open quote marks: (class, token index).
    stack: Vec<(u8, usize)>,
    /// Matched pairs (open token index, close token index) short enough to protect.
    pairs: Vec<(usize, usize)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    None,
    Open,
    Close,
}

const CLASS_DOUBLE: u8 = 1;
const CLASS_GUILLEMET: u8 = 2;
const CLASS_PAREN: u8 = 3;
const CLASS_BRACKET: u8 = 4;

fn quote_class(s: &str) -> u8 {
    match s {
        "\"" | "“" | "”" | "„" | "‟" => CLASS_DOUBLE,
        "«" | "»" => CLASS_GUILLEMET,
        "(" | ")" | "﴾" | "﴿" => CLASS_PAREN,
        "[" | "]" => CLASS_BRACKET,
        _ => 0,
    }
}

/// Finds quote marks, decides which open and which close, and pairs them on one line.
fn find_quotes(text: &str, toks: &[Token], q: &mut QuoteScratch) {
    q.role.clear();
    q.role.resize(toks.len(), Role::None);
    q.stack.clear();
    q.pairs.clear();
    for (i, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Punct {
            continue;
        }
        let s = t.text(text);
        let class = quote_class(s);
        if class == 0 {
            continue;
        }
        let role = match s {
            "«" | "(" | "[" | "﴾" => Role::Open,
            "»" | ")" | "]" | "﴿" => Role::Close,
            _ => {
                // Flanking: an opening mark has space (or an opener, or a clitic letter) before
                // it and text after it; a closing mark the reverse.
                let before_open = i == 0 || toks[i - 1].end < t.start || {
                    let p = &toks[i - 1];
                    let ps = p.text(text);
                    matches!(ps, "(" | "[" | "«" | ":" | "،" | ",")
                        || (p.kind == TokenKind::Word && crate::clitic::is_proclitic_marker(ps))
                        || (p.kind == TokenKind::Word && ps.chars().count() == 1)
                };
                let after_closed = i + 1 == toks.len()
                    || toks[i + 1].start > t.end
                    || toks[i + 1].kind == TokenKind::Punct
                        && quote_class(toks[i + 1].text(text)) == 0;
                let open_now = q.stack.iter().any(|&(c, _)| c == CLASS_DOUBLE);
                match (before_open, after_closed) {
                    (true, false) => Role::Open,
                    (false, true) => Role::Close,
                    _ => match s {
                        "“" | "„" if !open_now => Role::Open,
                        _ if open_now => Role::Close,
                        _ => Role::Open,
                    },
                }
            }
        };
        q.role[i] = role;
        match role {
            Role::Open => q.stack.push((class, i)),
            Role::Close => {
                if let Some(k) = q.stack.iter().rposition(|&(c, _)| c == class) {
                    let open = q.stack[k].1;
                    q.stack.truncate(k);
                    let inner = &text[toks[open].end..t.start];
                    if inner.chars().count() <= MAX_QUOTE_CHARS {
                        q.pairs.push((open, i));
                    }
                }
            }
            Role::None => {}
        }
    }
}

fn split_line(
    text: &str,
    start: usize,
    end: usize,
    toks: &mut Vec<Token>,
    q: &mut QuoteScratch,
    out: &mut Vec<Span>,
) {
    let line = &text[start..end];
    toks.clear();
    toks.extend(Tokens::new(line).map(|t| Token {
        start: t.start + start,
        end: t.end + start,
        kind: t.kind,
    }));
    if toks.is_empty() {
        return;
    }
    find_quotes(text, toks, q);
    let mut cut = start;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if t.kind == TokenKind::Punct {
            if let Some(after) = sentence_end(text, toks, q, i) {
                let at = if after < toks.len() {
                    toks[after - 1].end
                } else {
                    end
                };
                push_trimmed(text, cut, at, out);
                cut = at;
                i = after;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(text, cut, end, out);
}

/// If token `i` ends a sentence, returns the index of the first token of the next sentence
/// (after any closing marks that belong to this one).
fn sentence_end(text: &str, toks: &[Token], q: &QuoteScratch, i: usize) -> Option<usize> {
    let t = toks[i];
    let s = t.text(text);
    let strong = s
        .chars()
        .any(|c| matches!(c, '!' | '?' | '؟' | '‼' | '⁇' | '⁈' | '⁉'));
    let dots = s.chars().filter(|&c| matches!(c, '.' | '۔')).count();
    if !strong && (dots != 1 || s.contains('…')) {
        return None; // not a stop, or an ellipsis
    }
    // Closing marks glued to the stop belong to this sentence, and so does a second stop after
    // them (`؟".` is common: the quote's own mark, then the sentence's).
    let mut after = i + 1;
    while after < toks.len()
        && toks[after].start == toks[after - 1].end
        && (q.role[after] == Role::Close
            || toks[after].kind == TokenKind::Punct
                && toks[after]
                    .text(text)
                    .chars()
                    .all(crate::token::is_final_punct))
        || after < toks.len()
            && toks[after].kind == TokenKind::Punct
            && toks[after]
                .text(text)
                .chars()
                .all(crate::token::is_final_punct)
    {
        after += 1;
    }
    // Inside a protected quotation that does not close right here: not an end.
    for &(open, close) in &q.pairs {
        if open < i && close > i && close >= after {
            return None;
        }
    }
    if let Some(n) = toks.get(after) {
        // Glued to the next word or number: an abbreviation, domain or decimal.
        if n.start == toks[after - 1].end
            && matches!(
                n.kind,
                TokenKind::Word | TokenKind::Number | TokenKind::Url | TokenKind::Email
            )
        {
            return None;
        }
        // A lower-case Latin word after a stop continues the sentence ("approx. five").
        if n.kind == TokenKind::Word
            && n.text(text)
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() && !crate::token::is_arabic(c))
        {
            return None;
        }
    } else {
        return Some(after);
    }
    if !strong && i > 0 {
        let p = toks[i - 1];
        if p.end == t.start {
            let ps = p.text(text);
            if p.kind == TokenKind::Word {
                let letters = ps
                    .chars()
                    .filter(|c| c.is_alphabetic() && *c != '\u{0640}')
                    .count();
                // An era letter written against a year (1439هـ. 2017م.) is not an abbreviation.
                let era =
                    i >= 2 && toks[i - 2].kind == TokenKind::Number && toks[i - 2].end == p.start;
                if letters <= 1 && !era {
                    return None; // initial or one-letter abbreviation: د. م. ب. U.S.
                }
                if ps.len() <= 6
                    && ps.is_ascii()
                    && LATIN_ABBREVIATIONS
                        .iter()
                        .any(|a| a.eq_ignore_ascii_case(ps))
                {
                    return None;
                }
            }
            // "1. " opening a numbered list item.
            if p.kind == TokenKind::Number
                && p.len() <= 2
                && (i == 1 || is_cut_before(toks, i - 1, text))
            {
                return None;
            }
        }
    }
    Some(after)
}

/// True if the token before `j` is a stop (so `j` starts a sentence).
fn is_cut_before(toks: &[Token], j: usize, text: &str) -> bool {
    j > 0 && toks[j - 1].kind == TokenKind::Punct && {
        let s = toks[j - 1].text(text);
        s.chars().all(crate::token::is_final_punct)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn paragraph_from_sample_corpus() {
        // Article 000, paragraph 2.
        let p = "استجابة للاحتجاجات قام الرئيس الكازاخستاني توكاييف بجملة من الإجراءات منها توليه قيادة الأمن القومي بدلاً من نازاباييف (الرئيس السابق الذي ترك السلطة في ٢٠١٩، وولاه توكاييف مجلس الأمن القومي)، ثم قام بعزل بعض أقارب الرئيس السابق نازاباييف من الحكومة، كما قام بالتعهد بتخفيض أسعار الغاز. ولكن بالرغم من هذه الإجراءات استمرت الاحتجاجات وقتل خلال هذه الأحداث 164 شخصاً وأصيب 2200 وتم القبض على أكثر من 6000 شخص.";
        let s = split(p);
        assert_eq!(s.len(), 2);
        assert!(s[0].ends_with("أسعار الغاز."));
        assert!(s[1].starts_with("ولكن بالرغم"));
    }

    #[test]
    fn newline_always_ends_a_sentence() {
        // A headline without a stop, then a body line (article 002).
        let t = "كازاخستان تعتقل قائد الأمن الوطني السابق للاشتباه في “الخيانة”\nمسيرات دامية في كازاخستان والسودان و”عين الأسد” تحت مرمى الصواريخ\n";
        let s = split(t);
        assert_eq!(s.len(), 2);
        assert!(s[0].ends_with("“الخيانة”"));
    }

    #[test]
    fn quote_with_inner_stop_is_one_sentence() {
        // Article 004: a quotation containing a full stop, closed before the final stop.
        let p = "من المتوقع أن يتحول هذا التحالف الاقتصادي مستقبلاً إلى تحالف سياسي وعسكري برأي العالِم السياسي الكازاخستاني دوسيم ساتباييف: \"لقد أثبتت تركيا أنها لاعبة أساسية في صراع ناغورنو كاراباخ في العام 2020، وهي تطرح حججاً مقنعة بنظر أعضاء منظمة الدول التركية. من الآن فصاعداً، يتمحور الوضع كله حول مسألتَين: الاقتصاد والأمن\". ينذر التحالف التركي منذ الآن بإبداء ردود أفعال سريعة.";
        let s = split(p);
        assert_eq!(s.len(), 2, "{s:#?}");
        assert!(s[0].ends_with("والأمن\"."));
    }

    #[test]
    fn stop_before_closing_quote_ends_after_it() {
        let p = "وقال المتحدث: «نحن هنا. وسنبقى.» وأضاف أن الوضع مستقر.";
        let s = split(p);
        assert_eq!(
            s,
            ["وقال المتحدث: «نحن هنا. وسنبقى.»", "وأضاف أن الوضع مستقر."]
        );
    }

    #[test]
    fn curly_quotes_inside_sentence() {
        // Article 002, paragraph 17.
        let p = "يثير هواجس أميركية عبر عنها وزير الخارجية أنتوني بلينكن بوضوح حين قال، إن الولايات المتحدة “لا تزال لديها تساؤلات حول طلب توكاييف تعزيزات عسكرية من تحالف تقوده روسيا”. مستغرباً شعور توكاييف بالحاجة إلى أي مساعدة خارجية.";
        let s = split(p);
        assert_eq!(s.len(), 2);
        assert!(s[0].ends_with("روسيا”."));
    }

    #[test]
    fn unclosed_quote_does_not_swallow_paragraph() {
        // Article 002, paragraph 5: the opening quote never closes on the line.
        let p = "كتب طارق الشامي في “اندبندنت عربية” : “على الرغم من أن الولايات المتحدة نفت أي دور لها في أحداث كازاخستان، فإن الرئيس الروسي بوتين يعتبر أن الاحتجاجات “مؤامرة غربية” تحاول إضعافه. وفتح جبهة أخرى مقلقة على حدود روسيا.";
        assert_eq!(split(p).len(), 2);
    }

    #[test]
    fn abbreviations_and_initials() {
        // Patterns found in ANT news: "الشيخ د.محمد", "ميتشل ب. ريس", "الساعة 20,00 ت.غ السبت".
        assert_eq!(split("والشيخ د.محمد السعيدي، أستاذ جامعي.").len(), 1);
        assert_eq!(
            split("وقال ميتشل ب. ريس، الذي عمل في السابق مبعوثا.").len(),
            1
        );
        assert_eq!(
            split("وهو ما يعادل الساعة 20,00 ت.غ السبت في أقصى الشرق.").len(),
            1
        );
        assert_eq!(split("التقى د. أحمد بالوزير. ثم غادر.").len(), 2);
        assert_eq!(split("He met Mr. Smith in the U.S. yesterday.").len(), 1);
        assert_eq!(split("طائرات من طراز إم.كيو-9 وقاذفات بي-52.").len(), 1);
        // Era letters after a year (ANT news: "من هذا العام 1439هـ.").
        assert_eq!(
            split("من هذا العام 1439هـ. وكانت الحكومة قد أعلنت.").len(),
            2
        );
        assert_eq!(split("خلال الفترة من 2014-2017م. وسقط قتلى.").len(), 2);
    }

    #[test]
    fn decimals_urls_emails_ellipsis_semicolon() {
        assert_eq!(split("ويزن قرابة 8.5 طن. وطوله 12 متراً.").len(), 2);
        assert_eq!(
            split("راجع موقع www.example.com. ثم راسل info@example.org للمزيد.").len(),
            2
        );
        assert_eq!(split("قيل لي.. إن تظاهرة خرجت تحت القصف.").len(), 1);
        assert_eq!(
            split("استخدمن دوما لنشر دعاية التنظيم؛ فكانت مجلات التنظيم كثيرة.").len(),
            1
        );
    }

    #[test]
    fn question_marks() {
        // Article 001, with a space before the question mark.
        let t = "هل قطع التدخل الروسي السريع الطريق على تركيا لإحياء “الربيع التركي”  ؟ لا أحد يعرف!";
        let s = split(t);
        assert_eq!(s.len(), 2);
        assert!(s[0].ends_with('؟'));
    }

    #[test]
    fn stop_after_quoted_question() {
        // ANT news (France24): the quote ends with its own question mark, then a full stop.
        let t = "وقال \"هل هناك خطأ في منظومة قيمكم؟\". وأضاف أن الأمر خطير.";
        assert_eq!(
            split(t),
            [
                "وقال \"هل هناك خطأ في منظومة قيمكم؟\".",
                "وأضاف أن الأمر خطير."
            ]
        );
    }

    #[test]
    fn numbered_list_item() {
        assert_eq!(split("1. النقطة الأولى.").len(), 1);
    }

    fn check(s: &str) -> Result<(), TestCaseError> {
        let spans = sentences(s);
        let mut last = 0;
        for sp in &spans {
            prop_assert!(sp.start < sp.end);
            prop_assert!(sp.start >= last);
            prop_assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
            prop_assert!(s[last..sp.start].chars().all(is_space));
            let t = &s[sp.start..sp.end];
            prop_assert!(!t.starts_with(is_space) && !t.ends_with(is_space));
            last = sp.end;
        }
        prop_assert!(s[last..].chars().all(is_space));
        Ok(())
    }

    fn arabic_mix() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("قال".to_string()),
                Just("د".to_string()),
                Just("الـ".to_string()),
                Just("2.5".to_string()),
                Just(". ".to_string()),
                Just(".".to_string()),
                Just("؟".to_string()),
                Just("…".to_string()),
                Just(" ".to_string()),
                Just("\n".to_string()),
                Just("\r\n".to_string()),
                Just("«".to_string()),
                Just("»".to_string()),
                Just("“".to_string()),
                Just("”".to_string()),
                Just("\"".to_string()),
                Just("(".to_string()),
                Just(")".to_string()),
                Just("\u{200F}".to_string()),
                Just("www.a.b".to_string()),
                "\\PC{0,3}",
            ],
            0..60,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn spans_cover_visible_text(s in "\\PC*") {
            check(&s)?;
        }

        #[test]
        fn spans_cover_arabic_mix(s in arabic_mix()) {
            check(&s)?;
        }
    }
}
