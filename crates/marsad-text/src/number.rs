//! Figures in Arabic text: digits (ASCII, Arabic-Indic, Persian, with separators), number words
//! with their case forms and proclitics, multipliers (ألف، مليون، مليار), compounds
//! (`18 مليونا و600 ألف`), percentages and hedges (`نحو`, `أكثر من`, `أقل من`).
//!
//! Spans are byte offsets into the text given; a match covers hedge + number + multiplier and
//! percent words. Clock times (`02 : 01`) are not figures and are skipped. Years inside dates are
//! still returned here: the caller decides overlaps with [`crate::date::find_dates`].

use crate::normalize::{NormalizeOptions, Normalized};

/// How a figure is hedged in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// As written.
    Exact,
    /// نحو، حوالي، قرابة، تقريباً.
    About,
    /// أكثر من، ما يزيد على.
    MoreThan,
    /// أقل من، دون.
    LessThan,
}

/// One figure found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMatch {
    /// Byte offset where the figure (including its hedge) starts.
    pub start: usize,
    /// Byte offset one past its end (including multiplier and percent words).
    pub end: usize,
    /// Byte range of the number itself, without hedge or percent words.
    pub number_start: usize,
    /// End of the number itself.
    pub number_end: usize,
    /// The value.
    pub value: f64,
    /// Hedge.
    pub bound: Bound,
    /// Written as a percentage (`%`, `بالمئة`, `في المئة`).
    pub percent: bool,
    /// Byte range of the counted noun right after the figure (`شخصاً`, `دولار`), if any.
    pub noun: Option<(usize, usize)>,
    /// Written with digits only (no number words), e.g. `٢٠١٩`, `2500`.
    pub digits_only: bool,
    /// A vague plural (`آلاف`, `عشرات الآلاف`, `مئات`): `value` is the floor, `bound` is
    /// [`Bound::MoreThan`].
    pub vague: bool,
}

// ---------------------------------------------------------------------------------------------
// Scanner shared with `date`.

/// Kind of a scanned token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits (after folding), possibly with inner `.`/`,` separators.
    Digits,
    /// Any other single non-space char.
    Punct,
}

/// A token: normalised range, original range, kind, and whether it touches the previous token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub ns: usize,
    pub ne: usize,
    pub os: usize,
    pub oe: usize,
    pub kind: TokKind,
    /// No whitespace between the previous token and this one.
    pub glued: bool,
}

/// Normalised text and its tokens.
pub(crate) struct Scan {
    pub norm: Normalized,
    pub toks: Vec<Tok>,
}

impl Scan {
    /// Normalises and tokenises `text`.
    pub(crate) fn new(text: &str) -> Scan {
        let norm = Normalized::new(text, NormalizeOptions::default());
        let t = norm.text.as_str();
        let b = t.as_bytes();
        let mut toks = Vec::with_capacity(t.len() / 5 + 1);
        let mut i = 0;
        let mut glued = false;
        while i < t.len() {
            let c = match t[i..].chars().next() {
                Some(c) => c,
                None => break,
            };
            let cl = c.len_utf8();
            // A line break is a boundary token, not space: a figure or a date never runs across
            // lines (a blanked chrome line between "أكثر من" and "ألف" once made one figure).
            if c.is_whitespace() && c != '\n' {
                glued = false;
                i += cl;
                continue;
            }
            let start = i;
            let kind = if c.is_ascii_digit() {
                i += 1;
                while i < b.len() {
                    if b[i].is_ascii_digit() {
                        i += 1;
                    } else if (b[i] == b'.' || b[i] == b',')
                        && i + 1 < b.len()
                        && b[i + 1].is_ascii_digit()
                        && separator_is_numeric(text, &norm, i)
                    {
                        i += 2;
                    } else {
                        break;
                    }
                }
                TokKind::Digits
            } else if crate::script::is_alphabetic(c) {
                i += cl;
                while let Some(d) = t[i..].chars().next() {
                    if crate::script::is_alphabetic(d) && !d.is_ascii_digit() {
                        i += d.len_utf8();
                    } else {
                        break;
                    }
                }
                TokKind::Word
            } else {
                i += cl;
                TokKind::Punct
            };
            let (os, oe) = norm.to_original(start, i);
            toks.push(Tok {
                ns: start,
                ne: i,
                os,
                oe,
                kind,
                glued,
            });
            glued = true;
        }
        Scan { norm, toks }
    }

    /// Normalised text of token `i` (empty when out of range).
    #[inline]
    pub(crate) fn s(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.norm.text[t.ns..t.ne])
    }

    /// Kind of token `i`.
    #[inline]
    pub(crate) fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Whether token `i` exists and touches the token before it.
    #[inline]
    pub(crate) fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }
}

/// A `.`/`,` between digits counts as part of the number only if it was written as a Latin or
/// Arabic numeric separator, not the Arabic comma (which folds to `,`).
fn separator_is_numeric(orig: &str, norm: &Normalized, pos: usize) -> bool {
    let o = norm.original_start(pos);
    matches!(orig[o..].chars().next(), Some('.' | ',' | '٫' | '٬'))
}

// ---------------------------------------------------------------------------------------------
// Lexicon.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// 1..9 (and the 1/2 forms only used in compounds).
    Unit,
    /// عشر/عشرة: ten alone, or the second half of a teen.
    Ten,
    /// 20..90.
    Tens,
    /// 100..900.
    Hundred,
    /// ألف، مليون، مليار (singular or accusative).
    Mult,
    /// Dual of a multiplier: ألفين = 2000 on its own.
    MultDual,
    /// Plural of a multiplier: آلاف, needs a number before it.
    MultPlural,
}

#[derive(Debug, Clone, Copy)]
struct NumWord {
    value: f64,
    class: Class,
    /// May stand alone as a figure (واحد and أحد only occur inside compounds here).
    alone: bool,
}

fn lookup(w: &str) -> Option<NumWord> {
    use Class::*;
    let (value, class, alone) = match w {
        "واحد" | "واحده" | "احد" | "احدي" => (1.0, Unit, false),
        "اثنان" | "اثنين" | "اثنتان" | "اثنتين" => (2.0, Unit, true),
        // Construct forms only occur in twelve (اثنا عشر); alone, اثني is mostly أثنى "praised".
        "اثنا" | "اثني" | "اثنتا" | "اثنتي" => (2.0, Unit, false),
        "ثلاث" | "ثلاثه" => (3.0, Unit, true),
        "اربع" | "اربعه" => (4.0, Unit, true),
        "خمس" | "خمسه" => (5.0, Unit, true),
        "ست" | "سته" => (6.0, Unit, true),
        "سبع" | "سبعه" => (7.0, Unit, true),
        "ثمان" | "ثماني" | "ثمانيه" => (8.0, Unit, true),
        "تسع" | "تسعه" => (9.0, Unit, true),
        "عشر" | "عشره" => (10.0, Ten, true),
        "عشرون" | "عشرين" => (20.0, Tens, true),
        "ثلاثون" | "ثلاثين" => (30.0, Tens, true),
        "اربعون" | "اربعين" => (40.0, Tens, true),
        "خمسون" | "خمسين" => (50.0, Tens, true),
        "ستون" | "ستين" => (60.0, Tens, true),
        "سبعون" | "سبعين" => (70.0, Tens, true),
        "ثمانون" | "ثمانين" => (80.0, Tens, true),
        "تسعون" | "تسعين" => (90.0, Tens, true),
        "مئه" | "مائه" | "ميه" => (100.0, Hundred, true),
        "مئتان" | "مئتين" | "مائتان" | "مائتين" | "مئتا" | "مائتا" | "مئتي" | "مائتي" => {
            (200.0, Hundred, true)
        }
        "ثلاثمئه" | "ثلاثمائه" | "ثلثمائه" => (300.0, Hundred, true),
        "اربعمئه" | "اربعمائه" => (400.0, Hundred, true),
        "خمسمئه" | "خمسمائه" => (500.0, Hundred, true),
        "ستمئه" | "ستمائه" => (600.0, Hundred, true),
        "سبعمئه" | "سبعمائه" => (700.0, Hundred, true),
        "ثمانمئه" | "ثمانمائه" | "ثمانيمائه" | "ثمانيمئه" => {
            (800.0, Hundred, true)
        }
        "تسعمئه" | "تسعمائه" => (900.0, Hundred, true),
        "الف" | "الفا" => (1e3, Mult, true),
        "الفان" | "الفين" | "الفي" => (2e3, MultDual, true),
        "الاف" | "الوف" => (1e3, MultPlural, false),
        "مليون" | "مليونا" => (1e6, Mult, true),
        "مليونان" | "مليونين" | "مليوني" => (2e6, MultDual, true),
        "ملايين" => (1e6, MultPlural, false),
        "مليار" | "مليارا" | "بليون" | "بليونا" => (1e9, Mult, true),
        "ملياران" | "مليارين" | "ملياري" => (2e9, MultDual, true),
        "مليارات" | "بلايين" => (1e9, MultPlural, false),
        "تريليون" | "تريليونا" | "ترليون" | "ترليونا" => {
            (1e12, Mult, true)
        }
        "تريليونات" | "ترليونات" => (1e12, MultPlural, false),
        _ => return None,
    };
    Some(NumWord {
        value,
        class,
        alone,
    })
}

/// Proclitics allowed before a number word, longest first.
const PROCLITICS: [&str; 7] = ["وب", "ول", "فب", "و", "ف", "ب", "ل"];

/// Looks a word up as a number word, allowing one proclitic group; returns the word and the byte
/// length of the proclitic (normalised bytes).
fn lookup_clitic(w: &str) -> Option<(NumWord, usize)> {
    if let Some(n) = lookup(w) {
        return Some((n, 0));
    }
    for p in PROCLITICS {
        if let Some(rest) = w.strip_prefix(p) {
            // Short remainders after a clitic are mostly other words (لست = "I am not").
            if rest.chars().count() >= 3 {
                if let Some(n) = lookup(rest) {
                    return Some((n, p.len()));
                }
            }
        }
    }
    None
}

/// Like [`lookup_clitic`] but the clitic must be exactly the conjunction و (for compounds).
fn lookup_after_wa(w: &str) -> Option<NumWord> {
    w.strip_prefix('و').and_then(lookup)
}

// ---------------------------------------------------------------------------------------------
// Parser.

/// Result of reading one number atom (digits, or a run of small number words).
struct Atom {
    /// Token index one past the atom.
    next: usize,
    value: f64,
    /// Class of the last word read (`None` for digits).
    last: Option<Class>,
    /// Whether the atom may stand alone.
    alone: bool,
}

/// Reads `[digits]` or small number words starting at token `i`. `first_clitic_ok` allows a
/// proclitic on the first word.
fn atom(sc: &Scan, i: usize, first_clitic_ok: bool) -> Option<Atom> {
    match sc.kind(i)? {
        TokKind::Digits => {
            let next_mult = matches!(
                lookup(sc.s(i + 1)).map(|n| n.class),
                Some(Class::Mult | Class::MultPlural)
            );
            let value = parse_digits(sc.s(i), next_mult)?;
            // Digits glued to Latin letters are model names, codes or URLs, not figures.
            if !value.is_finite() || glued_latin(sc, i) {
                return None;
            }
            Some(Atom {
                next: i + 1,
                value,
                last: None,
                alone: true,
            })
        }
        TokKind::Word => {
            // نصف مليون, ربع مليار: a fraction of a multiplier.
            if let Some(f) = fraction_before_multiplier(sc, i, first_clitic_ok) {
                return Some(f);
            }
            let (w, _) = if first_clitic_ok {
                lookup_clitic(sc.s(i))?
            } else {
                (lookup(sc.s(i))?, 0)
            };
            let mut a = Atom {
                next: i + 1,
                value: w.value,
                last: Some(w.class),
                alone: w.alone,
            };
            match w.class {
                Class::Mult | Class::MultDual => {
                    // A bare multiplier: ألف دولار, مليونين.
                    return Some(a);
                }
                Class::MultPlural => return None,
                _ => {}
            }
            loop {
                let j = a.next;
                if sc.kind(j) != Some(TokKind::Word) {
                    break;
                }
                let s = sc.s(j);
                match a.last {
                    Some(Class::Unit) => {
                        if let Some(n) = lookup(s) {
                            match n.class {
                                Class::Ten if a.value < 10.0 => {
                                    a.value += 10.0;
                                    a.last = Some(Class::Ten);
                                    a.alone = true;
                                    a.next = j + 1;
                                    // A teen ends the small part.
                                    break;
                                }
                                Class::Hundred if n.value == 100.0 && a.value < 10.0 => {
                                    a.value *= 100.0;
                                    a.last = Some(Class::Hundred);
                                    a.alone = true;
                                    a.next = j + 1;
                                    continue;
                                }
                                _ => break,
                            }
                        }
                        if let Some(n) = lookup_after_wa(s) {
                            if n.class == Class::Tens && a.value < 10.0 {
                                a.value += n.value;
                                a.last = Some(Class::Tens);
                                a.alone = true;
                                a.next = j + 1;
                            }
                        }
                        break;
                    }
                    Some(Class::Hundred) => {
                        if let Some(n) = lookup_after_wa(s) {
                            if matches!(n.class, Class::Unit | Class::Ten | Class::Tens) {
                                a.value += n.value;
                                a.last = Some(n.class);
                                a.next = j + 1;
                                if n.class == Class::Unit {
                                    // مئة وخمسة وعشرون / مئة وخمسة عشر.
                                    let k = j + 1;
                                    if sc.kind(k) == Some(TokKind::Word) {
                                        let t = sc.s(k);
                                        if let Some(m) = lookup_after_wa(t) {
                                            if m.class == Class::Tens {
                                                a.value += m.value;
                                                a.last = Some(Class::Tens);
                                                a.next = k + 1;
                                            }
                                        } else if let Some(m) = lookup(t) {
                                            if m.class == Class::Ten {
                                                a.value += 10.0;
                                                a.last = Some(Class::Ten);
                                                a.next = k + 1;
                                            }
                                        }
                                    }
                                }
                                a.alone = true;
                            }
                        }
                        break;
                    }
                    _ => break,
                }
            }
            Some(a)
        }
        TokKind::Punct => None,
    }
}

/// Digits glued to Latin letters on either side (COVID-19, A320).
fn glued_latin(sc: &Scan, i: usize) -> bool {
    let latin = |k: usize| {
        sc.kind(k) == Some(TokKind::Word) && sc.s(k).chars().all(|c| c.is_ascii_alphabetic())
    };
    let before = i > 0 && sc.glued(i) && latin(i - 1);
    let before_dash = i > 1 && sc.glued(i) && sc.s(i - 1) == "-" && sc.glued(i - 1) && latin(i - 2);
    let after = sc.glued(i + 1) && latin(i + 1);
    before || before_dash || after
}

/// Parses a digit run with optional separators. A single `.` before exactly three digits is a
/// thousands separator (`10.000`) unless a multiplier word follows (`1.250 مليار`).
fn parse_digits(s: &str, next_is_multiplier: bool) -> Option<f64> {
    let seps: Vec<(usize, u8)> = s
        .bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'.' || *b == b',')
        .collect();
    if seps.is_empty() {
        return s.parse::<f64>().ok();
    }
    let groups: Vec<&str> = s.split(['.', ',']).collect();
    let all_same = seps.iter().all(|(_, b)| *b == seps[0].1);
    let tail3 = groups[1..].iter().all(|g| g.len() == 3) && groups[0].len() <= 3;
    let thousands_only = if all_same && tail3 {
        if seps.len() > 1 {
            true
        } else {
            let sep = seps[0].1;
            let leading_zero = groups[0] == "0";
            sep == b',' || (!next_is_multiplier && !leading_zero)
        }
    } else {
        false
    };
    let mut buf = String::with_capacity(s.len());
    if thousands_only {
        for g in &groups {
            buf.push_str(g);
        }
    } else {
        // The last separator is the decimal point; earlier ones group thousands.
        let last = seps[seps.len() - 1].0;
        for (k, b) in s.bytes().enumerate() {
            if b.is_ascii_digit() {
                buf.push(b as char);
            } else if k == last {
                buf.push('.');
            }
        }
    }
    buf.parse::<f64>().ok()
}

/// Hedges that come before a number, as normalised token sequences.
const HEDGES: &[(&[&str], Bound)] = &[
    (&["ما", "لا", "يقل", "عن"], Bound::MoreThan),
    (&["لا", "يقل", "عن"], Bound::MoreThan),
    (&["ما", "يقرب", "من"], Bound::About),
    (&["ما", "يزيد", "علي"], Bound::MoreThan),
    (&["ما", "يزيد", "عن"], Bound::MoreThan),
    (&["ما", "يربو", "علي"], Bound::MoreThan),
    (&["ما", "لا", "يزيد", "عن"], Bound::LessThan),
    (&["ما", "لا", "يزيد", "علي"], Bound::LessThan),
    (&["لا", "يزيد", "عن"], Bound::LessThan),
    (&["لا", "يتجاوز"], Bound::LessThan),
    (&["ما", "يقارب"], Bound::About),
    (&["ما", "يناهز"], Bound::About),
    (&["ما", "دون"], Bound::LessThan),
    (&["في", "حدود"], Bound::About),
    (&["يزيد", "علي"], Bound::MoreThan),
    (&["يزيد", "عن"], Bound::MoreThan),
    (&["يربو", "علي"], Bound::MoreThan),
    (&["اكثر", "من"], Bound::MoreThan),
    (&["ازيد", "من"], Bound::MoreThan),
    (&["اكبر", "من"], Bound::MoreThan),
    (&["اقل", "من"], Bound::LessThan),
    (&["نحو"], Bound::About),
    (&["حوالي"], Bound::About),
    (&["قرابه"], Bound::About),
    (&["زهاء"], Bound::About),
    (&["يقارب"], Bound::About),
    (&["يناهز"], Bound::About),
    (&["تقريبا"], Bound::About),
    (&["دون"], Bound::LessThan),
];

/// Finds a hedge ending right before token `i`; returns its first token index and bound.
/// The third value is the byte length of a proclitic on the hedge's first word (بنحو).
fn hedge_before(sc: &Scan, i: usize) -> Option<(usize, Bound, usize)> {
    for (words, bound) in HEDGES {
        let n = words.len();
        if i < n {
            continue;
        }
        let first = i - n;
        let ok = words.iter().enumerate().all(|(k, w)| {
            let t = first + k;
            if sc.kind(t) != Some(TokKind::Word) {
                return false;
            }
            let s = sc.s(t);
            if k == 0 {
                s == *w || PROCLITICS.iter().any(|p| s.strip_prefix(p) == Some(w))
            } else {
                s == *w
            }
        });
        if ok {
            let s = sc.s(first);
            return Some((first, *bound, s.len() - words[0].len()));
        }
    }
    None
}

/// Words that never count as the counted noun after a figure.
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "في" | "من"
            | "علي"
            | "الي"
            | "عن"
            | "مع"
            | "او"
            | "ام"
            | "ثم"
            | "ان"
            | "انه"
            | "انها"
            | "التي"
            | "الذي"
            | "الذين"
            | "اللذين"
            | "هو"
            | "هي"
            | "هم"
            | "ما"
            | "لا"
            | "لم"
            | "لن"
            | "قد"
            | "كان"
            | "كانت"
            | "هذا"
            | "هذه"
            | "ذلك"
            | "تلك"
            | "بين"
            | "حتي"
            | "منذ"
            | "بعد"
            | "قبل"
            | "خلال"
            | "عند"
            | "بل"
            | "لكن"
            | "كما"
            | "اي"
            | "كل"
            | "تقريبا"
            | "فقط"
            | "بالمئه"
            | "بالمائه"
            | "بالميه"
    )
}

/// Whether token `i` with the next ones form a clock time `hh:mm`.
fn clock_time_at(sc: &Scan, i: usize) -> bool {
    let two = |k: usize| sc.kind(k) == Some(TokKind::Digits) && sc.s(k).len() <= 2;
    two(i) && sc.s(i + 1) == ":" && two(i + 2)
}

/// `الساعة 20.45`, `الساعة 10`: a time of day, not a figure.
fn after_hour_word(sc: &Scan, i: usize) -> bool {
    i > 0 && matches!(sc.s(i - 1), "الساعه" | "والساعه" | "بالساعه")
}

/// An enumeration number at the start of a line (`1- ...`, `2. ...`, `3) ...`).
fn list_marker(sc: &Scan, text: &str, i: usize) -> bool {
    let line_start = !matches!(
        text[..sc.toks[i].os].chars().next_back(),
        Some(c) if c != '\n' && c != '\r'
    );
    line_start && sc.glued(i + 1) && matches!(sc.s(i + 1), "-" | "." | ")" | "–")
}

/// Finds every figure in `text`, left to right, non-overlapping.
pub fn find_numbers(text: &str) -> Vec<NumberMatch> {
    let sc = Scan::new(text);
    let mut out = Vec::new();
    let n = sc.toks.len();
    let mut i = 0;
    while i < n {
        if clock_time_at(&sc, i) {
            i += 3;
            continue;
        }
        if sc.kind(i) == Some(TokKind::Digits)
            && (after_hour_word(&sc, i) || list_marker(&sc, text, i))
        {
            i += 1;
            continue;
        }
        let Some(m) = expression(&sc, i) else {
            if let Some((v, next)) = vague_at(&sc, i) {
                out.push(v);
                i = next;
            } else {
                i += 1;
            }
            continue;
        };
        let (mut last_tok, value, digits_only) = m;
        let first_num = i;
        // الـ75: the article glued to digits belongs to the figure.
        let mut first = i;
        if sc.kind(i) == Some(TokKind::Digits)
            && i > 0
            && sc.glued(i)
            && matches!(sc.s(i - 1), "ال" | "بال" | "وال" | "لل" | "فال")
        {
            first = i - 1;
        }
        // A proclitic on the first word (لثلاثة, بنحو, وما) stays out of the span.
        let mut first_plen = if first == i && sc.kind(i) == Some(TokKind::Word) {
            lookup_clitic(sc.s(i)).map_or(0, |(_, p)| p)
        } else {
            0
        };
        let mut bound = Bound::Exact;
        if let Some((h, b, plen)) = hedge_before(&sc, first) {
            first = h;
            bound = b;
            first_plen = plen;
        }
        let number_start = if first_num == first {
            sc.norm.original_start(sc.toks[first].ns + first_plen)
        } else {
            sc.toks[first_num].os
        };
        let number_end = sc.toks[last_tok - 1].oe;
        let mut percent = false;
        // `%` may also be typed before the digits in right-to-left text: %19.
        if first == first_num
            && sc.kind(i) == Some(TokKind::Digits)
            && i > 0
            && sc.s(i - 1) == "%"
            && sc.glued(i)
            && !(i > 1 && sc.glued(i - 1) && sc.kind(i - 2) == Some(TokKind::Digits))
        {
            first = i - 1;
            first_plen = 0;
            percent = true;
        }
        if !percent {
            match sc.s(last_tok) {
                "%" => {
                    percent = true;
                    last_tok += 1;
                }
                "بالمئه" | "بالمائه" | "بالميه" => {
                    percent = true;
                    last_tok += 1;
                }
                "في" if matches!(sc.s(last_tok + 1), "المئه" | "المائه" | "الميه") =>
                {
                    percent = true;
                    last_tok += 2;
                }
                _ => {}
            }
        }
        if sc.s(last_tok) == "تقريبا" && bound == Bound::Exact {
            bound = Bound::About;
            last_tok += 1;
        }
        let noun = if percent {
            None
        } else {
            counted_noun(&sc, last_tok)
        };
        out.push(NumberMatch {
            start: sc.norm.original_start(sc.toks[first].ns + first_plen),
            end: sc.toks[last_tok - 1].oe,
            number_start,
            number_end,
            value,
            bound,
            percent,
            noun,
            digits_only,
            vague: false,
        });
        i = last_tok;
    }
    share_range_tails(text, &mut out);
    out
}

/// In a range or pair (`بين 1 و2 بالمئة`, `من 10 إلى 15 شخصاً`, `5-7%`) the percent sign or the
/// counted noun written once after the second figure also belongs to the first.
fn share_range_tails(text: &str, out: &mut [NumberMatch]) {
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        if a.percent || a.noun.is_some() || !(b.percent || b.noun.is_some()) {
            continue;
        }
        let Some(gap) = text.get(a.end..b.start) else {
            continue;
        };
        let g = crate::normalize::normalize_str(gap.trim());
        if !matches!(g.as_str(), "و" | "الي" | "-" | "–" | "حتي" | "او") {
            continue;
        }
        let (percent, noun) = (b.percent, b.noun);
        let a = &mut out[k - 1];
        a.percent = percent;
        a.noun = noun;
    }
}

/// Plural stem of a vague amount, with or without the article.
fn vague_stem(w: &str) -> Option<f64> {
    let v = |x: &str| -> Option<f64> {
        Some(match x {
            "عشرات" => 10.0,
            "مئات" => 100.0,
            "الاف" => 1e3,
            "ملايين" => 1e6,
            "مليارات" => 1e9,
            "بضع" | "بضعه" => 0.0,
            _ => return None,
        })
    };
    v(w).or_else(|| w.strip_prefix("ال").and_then(v))
}

/// A vague plural amount at token `i`: `آلاف`, `الآلاف من`, `عشرات الآلاف`, `مئات القتلى`,
/// `بضعة آلاف`. Returns the match and the token after it.
fn vague_at(sc: &Scan, i: usize) -> Option<(NumberMatch, usize)> {
    if sc.kind(i) != Some(TokKind::Word) {
        return None;
    }
    let w = sc.s(i);
    let (base, plen) = vague_stem(w).map(|b| (b, 0)).or_else(|| {
        ["و", "ف", "ب", "ل"].iter().find_map(|p| {
            let r = w.strip_prefix(p)?;
            vague_stem(r).map(|b| (b, p.len()))
        })
    })?;
    let mut value = base;
    let mut next = i + 1;
    if base < 1e3 {
        let mult = (sc.kind(next) == Some(TokKind::Word))
            .then(|| vague_stem(sc.s(next)))
            .flatten()
            .filter(|m| *m >= 1e3);
        match mult {
            Some(m) => {
                // بضعة آلاف: at least three thousand.
                value = if base == 0.0 { 3.0 } else { base } * m;
                next += 1;
            }
            None if base == 0.0 => return None,
            None => {}
        }
    }
    let noun = match sc.kind(next) {
        Some(TokKind::Word) if sc.s(next) == "من" => (sc.kind(next + 1) == Some(TokKind::Word)
            && !is_function_word(sc.s(next + 1)))
        .then(|| (sc.toks[next + 1].os, sc.toks[next + 1].oe)),
        // Construct state: آلاف المتظاهرين.
        Some(TokKind::Word) if sc.s(next).starts_with("ال") && !is_function_word(sc.s(next)) => {
            Some((sc.toks[next].os, sc.toks[next].oe))
        }
        _ => counted_noun(sc, next),
    };
    let start = sc.norm.original_start(sc.toks[i].ns + plen);
    let end = sc.toks[next - 1].oe;
    Some((
        NumberMatch {
            start,
            end,
            number_start: start,
            number_end: end,
            value,
            bound: Bound::MoreThan,
            percent: false,
            noun,
            digits_only: false,
            vague: true,
        },
        next,
    ))
}

/// The counted noun at token `k`: an indefinite content word, or the word after `من` when the
/// figure ends in a multiplier (20 ألفاً من اللصوص).
fn counted_noun(sc: &Scan, k: usize) -> Option<(usize, usize)> {
    if sc.kind(k) != Some(TokKind::Word) {
        return None;
    }
    let w = sc.s(k);
    if w == "من" && k > 0 && lookup(sc.s(k - 1)).is_some() && sc.kind(k + 1) == Some(TokKind::Word)
    {
        let v = sc.s(k + 1);
        if !is_function_word(v) {
            return Some((sc.toks[k + 1].os, sc.toks[k + 1].oe));
        }
        return None;
    }
    if w == "و"
        || is_function_word(w)
        || w.starts_with("ال")
        // A word glued to و after a figure usually opens the next clause (وأصيب), unless it is a
        // known counted noun itself (وزير).
        || (w.starts_with('و') && unit_of(w).is_none() && unit_of(w.trim_end_matches('ا')).is_none())
    {
        return None;
    }
    if w.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some((sc.toks[k].os, sc.toks[k].oe))
}

/// Parses a full figure starting at token `i`: terms joined by و with falling multipliers.
/// Returns (token index past the figure, value, digits only).
fn expression(sc: &Scan, i: usize) -> Option<(usize, f64, bool)> {
    let a = atom(sc, i, true)?;
    let mut digits_only = a.last.is_none();
    // Guard for ordinals: الحادي عشر / التاسع عشر end in a cardinal-looking عشر.
    if a.last == Some(Class::Ten)
        && a.next == i + 1
        && i > 0
        && sc.kind(i - 1) == Some(TokKind::Word)
        && sc.s(i - 1).starts_with("ال")
    {
        return None;
    }
    let mut total = 0.0;
    let (mut cur, mut next, mut alone) = (a.value, a.next, a.alone);
    let mut last_mult = f64::INFINITY;
    let mut had_mult = matches!(a.last, Some(Class::Mult | Class::MultDual));
    if had_mult {
        last_mult = if a.last == Some(Class::MultDual) {
            a.value / 2.0
        } else {
            a.value
        };
    }
    loop {
        // Optional multiplier after the atom.
        if !had_mult {
            if let Some(m) = lookup(sc.s(next)).filter(|m| {
                sc.kind(next) == Some(TokKind::Word)
                    && matches!(m.class, Class::Mult | Class::MultPlural)
            }) {
                if m.value < last_mult {
                    cur *= m.value;
                    last_mult = m.value;
                    next += 1;
                    alone = true;
                    digits_only = false;
                    had_mult = true;
                }
            }
        }
        if !alone {
            return None;
        }
        total += cur;
        if !had_mult {
            break;
        }
        // مليون ونصف (المليون): one and a half.
        let half_tok = if sc.s(next) == "ونصف" {
            Some(next + 1)
        } else if sc.s(next) == "و" && sc.s(next + 1) == "نصف" {
            Some(next + 2)
        } else {
            None
        };
        if let Some(mut k) = half_tok {
            if last_mult.is_finite() {
                total += 0.5 * last_mult;
                if sc
                    .s(k)
                    .strip_prefix("ال")
                    .and_then(lookup)
                    .is_some_and(|m| m.value == last_mult)
                {
                    k += 1;
                }
                next = k;
                digits_only = false;
            }
            break;
        }
        // و + a smaller term continues the figure: 18 مليونا و600 ألف, ألف وخمسمائة.
        let (cont_tok, clitic_word) = if sc.s(next) == "و" {
            (next + 1, false)
        } else if sc.kind(next) == Some(TokKind::Word) && sc.s(next).starts_with('و') {
            (next, true)
        } else {
            break;
        };
        let b = if clitic_word {
            let w = sc.s(cont_tok);
            lookup_after_wa(w).and_then(|_| {
                // Re-read the atom as if the و were not there.
                atom_after_wa(sc, cont_tok)
            })
        } else {
            atom(sc, cont_tok, false)
        };
        let Some(b) = b else { break };
        let b_mult = lookup(sc.s(b.next))
            .filter(|m| {
                sc.kind(b.next) == Some(TokKind::Word)
                    && matches!(m.class, Class::Mult | Class::MultPlural)
            })
            .map(|m| m.value);
        let term_ok = match b_mult {
            Some(m2) => m2 < last_mult,
            None => b.value < last_mult && b.alone,
        };
        if !term_ok {
            break;
        }
        if b.last.is_some() {
            digits_only = false;
        }
        cur = b.value;
        next = b.next;
        alone = b.alone;
        had_mult = matches!(b.last, Some(Class::Mult | Class::MultDual));
        if b_mult.is_none() {
            total += cur;
            break;
        }
    }
    Some((next, total, digits_only))
}

/// `نصف مليون` = 500000, `ربع مليار`: a fraction word right before a singular multiplier.
fn fraction_before_multiplier(sc: &Scan, i: usize, clitic_ok: bool) -> Option<Atom> {
    let w = sc.s(i);
    let frac = |x: &str| match x {
        "نصف" => Some(0.5),
        "ربع" => Some(0.25),
        _ => None,
    };
    let f = frac(w).or_else(|| {
        clitic_ok
            .then(|| {
                PROCLITICS
                    .iter()
                    .find_map(|p| w.strip_prefix(p).and_then(frac))
            })
            .flatten()
    })?;
    let m = lookup(sc.s(i + 1))
        .filter(|m| m.class == Class::Mult && sc.kind(i + 1) == Some(TokKind::Word))?;
    Some(Atom {
        next: i + 2,
        value: f * m.value,
        last: Some(Class::Mult),
        alone: true,
    })
}

/// Reads a word atom whose first word carries the conjunction و.
fn atom_after_wa(sc: &Scan, i: usize) -> Option<Atom> {
    let w = lookup_after_wa(sc.s(i))?;
    if matches!(w.class, Class::MultPlural) {
        return None;
    }
    let mut a = Atom {
        next: i + 1,
        value: w.value,
        last: Some(w.class),
        alone: w.alone,
    };
    // Only the simple continuations: وخمسمائة, وعشرون, وخمسة وعشرون.
    if w.class == Class::Unit {
        if let Some(m) = lookup_after_wa(sc.s(i + 1)) {
            if m.class == Class::Tens && sc.kind(i + 1) == Some(TokKind::Word) {
                a.value += m.value;
                a.last = Some(Class::Tens);
                a.next = i + 2;
                a.alone = true;
            }
        } else if lookup(sc.s(i + 1)).is_some_and(|m| m.class == Class::Ten) {
            a.value += 10.0;
            a.last = Some(Class::Ten);
            a.next = i + 2;
            a.alone = true;
        }
    }
    Some(a)
}

// ---------------------------------------------------------------------------------------------
// Counted nouns.

/// What a counted noun says about a figure: its unit, and what is counted when the noun itself
/// says it (قتيل → killed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountedUnit {
    /// Unit (`person`, `soldier`, `USD`, `year`, `agreement`, ...).
    pub unit: &'static str,
    /// Kind when the noun makes it obvious (`killed`, `injured`, `population`, `troops`).
    pub kind: Option<&'static str>,
}

/// Looks up the unit of a counted noun as written after a figure (`شخصاً`, `جنود`, `دولار`,
/// `اللصوص`); general vocabulary, not tied to any text.
pub fn counted_unit(noun: &str) -> Option<CountedUnit> {
    let n = crate::normalize::normalize_str(noun);
    // The article after من (من اللصوص), accusative tanwin alif (شخصاً), a possessive suffix
    // (قواتها).
    let bases = [Some(n.as_str()), n.strip_prefix("ال"), n.strip_prefix("لل")];
    for b in bases.into_iter().flatten() {
        let found = unit_of(b)
            .or_else(|| b.strip_suffix('ا').and_then(unit_of))
            .or_else(|| {
                ["ها", "هم", "هن", "ه"]
                    .iter()
                    .find_map(|s| b.strip_suffix(s).and_then(unit_of))
            });
        if found.is_some() {
            return found;
        }
    }
    None
}

fn unit_of(w: &str) -> Option<CountedUnit> {
    let (unit, kind) = match w {
        "شخص"
        | "اشخاص"
        | "فرد"
        | "افراد"
        | "مواطن"
        | "مواطنين"
        | "مواطنون"
        | "مدني"
        | "مدنيين"
        | "مدنيون"
        | "طفل"
        | "اطفال"
        | "امراه"
        | "نساء"
        | "رجل"
        | "رجال"
        | "عامل"
        | "عمال"
        | "موظف"
        | "موظفين"
        | "طالب"
        | "طلاب"
        | "مهاجر"
        | "مهاجرين"
        | "لص"
        | "لصوص"
        | "مسلح"
        | "مسلحين"
        | "انسان"
        | "عنصر"
        | "عناصر"
        | "ارهابي"
        | "ارهابيين"
        | "دبلوماسي"
        | "دبلوماسيين"
        | "صحفي"
        | "صحفيين"
        | "صحافي"
        | "صحافيين"
        | "راكب"
        | "ركاب"
        | "فتاه"
        | "فتيات"
        | "تلميذ"
        | "تلاميذ"
        | "تلميذه"
        | "ناخب"
        | "ناخبين"
        | "شاب"
        | "شبان"
        | "ضابط"
        | "ضباط"
        | "قائد"
        | "قاده"
        | "وزير"
        | "وزراء"
        | "نائب"
        | "نواب"
        | "مرشح"
        | "مرشحين"
        | "سائق"
        | "بحار"
        | "بحاره"
        | "مستخدم"
        | "مستخدمين"
        | "فلسطيني"
        | "فلسطينيين"
        | "متهم"
        | "متهمين" => ("person", None),
        "جثه" | "جثث" => ("body", None),
        "اسره" | "اسر" | "عائله" | "عائلات" => ("family", None),
        "مره" | "مرات" => ("times", None),
        "نقطه" | "نقاط" => ("point", None),
        "درجه" | "درجات" => ("degree", None),
        "غاره" | "غارات" => ("airstrike", None),
        "ضربه" | "ضربات" => ("strike", None),
        "عمليه" | "عمليات" => ("operation", None),
        "لغم" | "الغام" => ("mine", None),
        "عبوه" | "عبوات" => ("explosive device", None),
        "رصاصه" | "رصاصات" => ("bullet", None),
        "محافظه" | "محافظات" => ("province", None),
        "اقليم" | "اقاليم" => ("region", None),
        "موقع" | "مواقع" => ("site", None),
        "شاحنه" | "شاحنات" => ("truck", None),
        "رحله" | "رحلات" => ("flight", None),
        "مباراه" | "مباريات" => ("match", None),
        "صفحه" | "صفحات" => ("page", None),
        "شيكل" => ("ILS", None),
        "ثانيه" | "ثوان" | "ثواني" => ("second", None),
        "سنتيمتر" | "سم" => ("cm", None),
        "نسمه" => ("person", Some("population")),
        "قتيل" | "قتلي" | "شهيد" | "شهداء" => ("person", Some("killed")),
        "جريح" | "جرحي" | "مصاب" | "مصابين" => ("person", Some("injured")),
        "معتقل" | "معتقلين" | "موقوف" | "موقوفين" => {
            ("person", Some("arrested"))
        }
        "سجين" | "سجناء" | "اسير" | "اسري" | "رهينه" | "رهائن" => {
            ("person", Some("prisoners"))
        }
        "لاجئ" | "لاجئين" | "لاجئون" => ("person", Some("refugees")),
        "نازح" | "نازحين" | "نازحون" => ("person", Some("displaced")),
        "متظاهر" | "متظاهرين" | "محتج" | "محتجين" => {
            ("person", Some("protesters"))
        }
        "ضحيه" | "ضحايا" => ("person", Some("victims")),
        "جندي" | "جنود" | "عسكري" | "عسكريين" | "قوات" => {
            ("soldier", Some("troops"))
        }
        "مقاتل" | "مقاتلين" | "مقاتلون" => ("fighter", None),
        "شرطي" | "شرطيين" => ("police officer", None),
        "دولار" | "دولارات" => ("USD", None),
        "يورو" => ("EUR", None),
        "روبل" => ("RUB", None),
        "يوان" => ("CNY", None),
        "جنيه" => ("pound", None),
        "ريال" | "ريالات" => ("riyal", None),
        "درهم" | "دراهم" => ("dirham", None),
        "دينار" | "دنانير" => ("dinar", None),
        "ليره" | "ليرات" => ("lira", None),
        "تنغي" | "تينغ" | "تنغ" => ("KZT", None),
        "عام" | "اعوام" | "سنه" | "سنوات" | "سنين" => ("year", None),
        "شهر" | "اشهر" | "شهور" => ("month", None),
        "يوم" | "ايام" => ("day", None),
        "اسبوع" | "اسابيع" => ("week", None),
        "ساعه" | "ساعات" => ("hour", None),
        "دقيقه" | "دقائق" => ("minute", None),
        "عقد" | "عقود" => ("decade", None),
        "قرن" | "قرون" => ("century", None),
        "دوله" | "دول" => ("state", None),
        "مدينه" | "مدن" => ("city", None),
        "قريه" | "قري" => ("village", None),
        "اتفاقيه" | "اتفاقيات" | "اتفاق" | "اتفاقات" => {
            ("agreement", None)
        }
        "مشروع" | "مشاريع" | "مشروعات" => ("project", None),
        "شركه" | "شركات" => ("company", None),
        "طائره" | "طائرات" => ("aircraft", None),
        "دبابه" | "دبابات" => ("tank", None),
        "صاروخ" | "صواريخ" => ("missile", None),
        "سياره" | "سيارات" | "مركبه" | "مركبات" => ("vehicle", None),
        "سفينه" | "سفن" => ("ship", None),
        "منزل" | "منازل" | "بيت" | "بيوت" => ("house", None),
        "مدرسه" | "مدارس" => ("school", None),
        "مستشفي" | "مستشفيات" => ("hospital", None),
        "مقعد" | "مقاعد" => ("seat", None),
        "صوت" | "اصوات" => ("vote", None),
        "عضو" | "اعضاء" => ("member", None),
        "حاله" | "حالات" | "اصابه" | "اصابات" => ("case", None),
        "برميل" | "براميل" => ("barrel", None),
        "طن" | "اطنان" => ("tonne", None),
        "كيلومتر" | "كيلومترات" | "كلم" | "كم" => ("km", None),
        "متر" | "امتار" => ("m", None),
        "ميل" | "اميال" => ("mile", None),
        "كيلوغرام" | "كغ" | "كيلوجرام" => ("kg", None),
        "هكتار" => ("ha", None),
        "ميغاواط" | "ميجاوات" => ("MW", None),
        "ضعف" | "اضعاف" => ("times", None),
        _ => return None,
    };
    Some(CountedUnit { unit, kind })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn one(text: &str) -> NumberMatch {
        let v = find_numbers(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.into_iter().next().unwrap()
    }

    fn span(text: &str, m: &NumberMatch) -> String {
        text[m.start..m.end].to_string()
    }

    #[test]
    fn digits_with_hedge_and_noun() {
        let t = "وتم القبض على أكثر من 6000 شخص.";
        let m = one(t);
        assert_eq!(m.value, 6000.0);
        assert_eq!(m.bound, Bound::MoreThan);
        assert_eq!(span(t, &m), "أكثر من 6000");
        let (a, b) = m.noun.unwrap();
        assert_eq!(&t[a..b], "شخص");
    }

    #[test]
    fn compound_with_multipliers() {
        let t = "يبلغ عدد سكانها 18 مليونا و600 ألف نسمة، ما يقارب";
        let m = &find_numbers(t)[0];
        assert_eq!(m.value, 18_600_000.0);
        assert_eq!(span(t, m), "18 مليونا و600 ألف");
        assert_eq!(&t[m.noun.unwrap().0..m.noun.unwrap().1], "نسمة");
        let t = "إلى 10 مليارات دولار سنويًّا";
        assert_eq!(one(t).value, 1e10);
        let t = "من عمل 20 ألفاً من اللصوص";
        let m = one(t);
        assert_eq!(m.value, 20_000.0);
        assert_eq!(span(t, &m), "20 ألفاً");
        assert_eq!(&t[m.noun.unwrap().0..m.noun.unwrap().1], "اللصوص");
        let t = "نحو 11 ألف دولار";
        let m = one(t);
        assert_eq!((m.value, m.bound), (11_000.0, Bound::About));
    }

    #[test]
    fn percentages() {
        let t = "ما يقارب الـ75 بالمئة هم من الأتراك";
        let m = one(t);
        assert_eq!((m.value, m.percent, m.bound), (75.0, true, Bound::About));
        assert_eq!(span(t, &m), "ما يقارب الـ75 بالمئة");
        let t = "الأقلية الروسية (19% من السكان";
        let m = one(t);
        assert_eq!((m.value, m.percent), (19.0, true));
        assert_eq!(span(t, &m), "19%");
        let t = "ارتفع بنسبة ٣٫٥ في المئة";
        let m = one(t);
        assert_eq!((m.value, m.percent), (3.5, true));
        assert_eq!(span(t, &m), "٣٫٥ في المئة");
    }

    #[test]
    fn ranges_share_percent_and_noun() {
        let t = "ضخ نسبة ما بين 1 و2 بالمئة من إجمالي الناتج";
        let v = find_numbers(t);
        assert_eq!(v.len(), 2);
        assert!(v[0].percent && v[1].percent);
        let t = "قتل من 10 إلى 15 شخصاً";
        let v = find_numbers(t);
        let (a, b) = v[0].noun.unwrap();
        assert_eq!(&t[a..b], "شخصاً");
        // Two unrelated figures keep their own tails.
        let v = find_numbers("قتل 3 وأصيب 5 أشخاص");
        assert!(v[0].noun.is_none());
    }

    #[test]
    fn vague_plurals_are_floors() {
        let t = "أرسلت روسيا على الفور الآلاف من قوات الجيش";
        let m = one(t);
        assert_eq!((m.value, m.bound, m.vague), (1e3, Bound::MoreThan, true));
        assert_eq!(span(t, &m), "الآلاف");
        assert_eq!(&t[m.noun.unwrap().0..m.noun.unwrap().1], "قوات");
        let t = "بعد حشد روسيا عشرات الآلاف من قواتها،";
        let m = one(t);
        assert_eq!((m.value, span(t, &m).as_str()), (1e4, "عشرات الآلاف"));
        assert_eq!(counted_unit("قواتها").unwrap().kind, Some("troops"));
        let t = "خرج آلاف المتظاهرين";
        assert_eq!(
            &t[one(t).noun.unwrap().0..one(t).noun.unwrap().1],
            "المتظاهرين"
        );
        assert_eq!(one("وصل بضعة آلاف").value, 3e3);
        assert!(find_numbers("بضعة أيام").is_empty());
        // Digits before a plural multiplier are exact, not vague.
        assert!(!one("3 آلاف جندي").vague);
    }

    #[test]
    fn halves_and_duals() {
        let t = "نزوح نصف مليون شخص";
        let m = one(t);
        assert_eq!((m.value, span(t, &m).as_str()), (500_000.0, "نصف مليون"));
        let t = "فر مليون ونصف المليون لاجئ";
        let m = one(t);
        assert_eq!(
            (m.value, span(t, &m).as_str()),
            (1_500_000.0, "مليون ونصف المليون")
        );
        assert_eq!(one("بلغ 2 مليون ونصف").value, 2_500_000.0);
        assert_eq!(one("قتل ألفي شخص").value, 2000.0);
        // Half of something else is not a figure.
        assert!(find_numbers("نصف السكان").is_empty());
    }

    #[test]
    fn number_words() {
        assert_eq!(one("على مدى ثلاثين عاماً").value, 30.0);
        assert_eq!(one("قبل خمسة وتسعين عاما").value, 95.0);
        assert_eq!(one("اتفاقاً مدته خمس سنوات").value, 5.0);
        assert_eq!(one("قتل ثلاثة آلاف شخص").value, 3000.0);
        assert_eq!(one("بلغ مئة وخمسون ألف دولار").value, 150_000.0);
        assert_eq!(one("أحد عشر لاعبا").value, 11.0);
        assert_eq!(one("لمدة ثلاثمائة يوم").value, 300.0);
        let t = "وبعشرة آلاف دولار";
        let m = one(t);
        assert_eq!((m.value, span(t, &m).as_str()), (10_000.0, "عشرة آلاف"));
        assert_eq!(one("اثنا عشر شهرا").value, 12.0);
        assert!(find_numbers("أثنى الوزير على").is_empty());
        let t = "وما يربو على مئة مصاب";
        assert_eq!(span(t, &one(t)), "ما يربو على مئة");
        let t = "منذ ما يقرب من ثلاث سنوات";
        let m = one(t);
        assert_eq!((m.value, m.bound), (3.0, Bound::About));
        assert_eq!(span(t, &m), "ما يقرب من ثلاث");
    }

    #[test]
    fn not_figures() {
        // Ordinals, "one" as an adjective, clock times, vague plurals.
        assert!(find_numbers("الاجتماع الحادي عشر للجنة").is_empty());
        assert!(find_numbers("في القرن الواحد والعشرين").is_empty());
        assert!(find_numbers("من مركز قيادة واحد").is_empty());
        assert!(find_numbers("02 : 01").is_empty());

        assert!(find_numbers("لست أدري").is_empty());
        assert!(find_numbers("COVID-19").is_empty());
        assert!(find_numbers("الأربعاء عند الساعة 20.45 (توقيت باريس)").is_empty());
        assert!(find_numbers("بيان النيابة.\n1- التواصل والتعاون").is_empty());
    }

    #[test]
    fn digit_systems_and_separators() {
        assert_eq!(one("في ٢٠١٩").value, 2019.0);
        assert_eq!(one("في ۲۰۲۲").value, 2022.0);
        assert_eq!(one("بلغ 1,000 دولار").value, 1000.0);
        assert_eq!(one("بلغ 2.5 مليون دولار").value, 2_500_000.0);
        assert_eq!(one("بلغ 10.000 دولار").value, 10_000.0);
        assert_eq!(one("بلغ 1.250 مليار دولار").value, 1.25e9);
        assert_eq!(one("بلغ 1,234,567").value, 1_234_567.0);
        // Arabic comma between two figures does not join them.
        assert_eq!(find_numbers("عام 2019،19 اتفاقية").len(), 2);
    }

    #[test]
    fn counted_units() {
        assert_eq!(counted_unit("شخصاً").unwrap().unit, "person");
        assert_eq!(counted_unit("جنود").unwrap().kind, Some("troops"));
        assert_eq!(counted_unit("نسمة").unwrap().kind, Some("population"));
        assert_eq!(counted_unit("مشروعا").unwrap().unit, "project");
        assert_eq!(counted_unit("اللصوص").unwrap().unit, "person");
        assert_eq!(counted_unit("دولار").unwrap().unit, "USD");
        assert!(counted_unit("الحكومة").is_none());
    }

    #[test]
    fn hedges() {
        let m = one("بعد أقل من 6 أيام على بدء الأحداث");
        assert_eq!((m.value, m.bound), (6.0, Bound::LessThan));
        let m = one("حشد بوتين على حدودها نحو 100000 جندي");
        assert_eq!((m.value, m.bound), (100_000.0, Bound::About));
        let m = one("ما يزيد على 300 قتيل");
        assert_eq!((m.value, m.bound), (300.0, Bound::MoreThan));
        let m = one("قتل 40 شخصا تقريبا");
        assert_eq!(m.bound, Bound::Exact);
        let t = "قتل 40 تقريبا";
        let m = one(t);
        assert_eq!((m.bound, span(t, &m).as_str()), (Bound::About, "40 تقريبا"));
    }

    proptest! {
        #[test]
        fn spans_are_valid(s in "\\PC{0,80}") {
            for m in find_numbers(&s) {
                prop_assert!(m.start <= m.end && m.end <= s.len());
                prop_assert!(s.get(m.start..m.end).is_some());
                prop_assert!(s.get(m.number_start..m.number_end).is_some());
                if let Some((a, b)) = m.noun {
                    prop_assert!(s.get(a..b).is_some());
                }
            }
        }

        #[test]
        fn arabic_number_soup_is_safe(s in "[0-9٠-٩۰-۹.,٫٬% وبلالفمليونمئةعشرثلاثنحوأكثر من]{0,60}") {
            for m in find_numbers(&s) {
                prop_assert!(s.get(m.start..m.end).is_some());
                prop_assert!(m.value.is_finite());
            }
        }
    }
}

#[cfg(test)]
mod line_break_regression {
    use super::*;

    /// Regression (found by the pipeline property test): a hedge and a multiplier on different
    /// lines, with a blanked chrome line between them, were read as one figure.
    #[test]
    fn figures_never_span_line_breaks() {
        let text = "أكثر من\n            \nألف";
        for m in find_numbers(text) {
            assert!(!text[m.start..m.end].contains('\n'), "{m:?}");
        }
        let m = find_numbers("قتل أكثر من 6000 شخص");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].value, 6000.0);
    }
}
