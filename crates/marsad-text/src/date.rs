//! Dates in Arabic text, normalised to ISO: day dates (`8 كانون الثاني 2022`, `الثاني من يناير`),
//! month dates (`تشرين الثاني 2021`), years in date context (`العام 2021`, `في ٢٠١٩`) and numeric
//! dates (`2022/01/05`, `05-01-2022`). Both the Gregorian month names used in Egypt and the Gulf
//! (يناير…ديسمبر) and the Syriac ones used in the Levant and Iraq (كانون الثاني…كانون الأول) are
//! read, also written together (`يناير (كانون الثاني)`). Hijri day dates (`21 / 10 / 1436هـ`,
//! `21 شوال 1436هـ`) are converted to Gregorian (anchor [`ANCHOR_HIJRI`]); a bare Hijri year is
//! never read as a Gregorian one.
//!
//! A date without a year is completed from an anchor (the publication date) when one is given.

use crate::number::{counted_unit, Scan, TokKind};

/// Precision of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precision {
    /// A day.
    Day,
    /// A month.
    Month,
    /// A year.
    Year,
}

/// Anchor label for dates completed from the publication date.
pub const ANCHOR_PUBLICATION: &str = "publication_date";

/// Anchor label for dates written in the Hijri calendar and converted to Gregorian by the
/// arithmetic (tabular) Islamic calendar, which can differ from the Umm al-Qura calendar Saudi
/// sources use, or from a sighted month, by a day or two.
pub const ANCHOR_HIJRI: &str = "hijri_calendar";

/// One date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// Byte offset where the date expression starts.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// ISO value: `2021-12-22`, `2021-11`, `2019`, or `--01-02` / `--01` without a year.
    pub value: String,
    /// Precision.
    pub precision: Precision,
    /// How a missing year was filled in (`publication_date`), if it was.
    pub anchor: Option<String>,
}

/// Direction word after a month (يناير الماضي / المقبل / الجاري).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Current,
    Past,
    Next,
}

/// Month at token `i`: (month, next token, can stand alone as a date).
fn month_word(sc: &Scan, i: usize) -> Option<(u32, usize, bool)> {
    if sc.kind(i) != Some(TokKind::Word) {
        return None;
    }
    let w = sc.s(i);
    let pair = |second: &str| -> Option<u32> {
        match second {
            "الاول" | "اول" => Some(1),
            "الثاني" | "ثاني" => Some(2),
            _ => None,
        }
    };
    let base = strip_clitic(w);
    match base {
        "كانون" | "تشرين" => {
            let k = pair(sc.s(i + 1))?;
            let m = match (base, k) {
                ("كانون", 1) => 12,
                ("كانون", _) => 1,
                ("تشرين", 1) => 10,
                _ => 11,
            };
            return Some((m, i + 2, true));
        }
        _ => {}
    }
    let (m, strong) = match base {
        "يناير" | "جانفي" => (1, true),
        "فبراير" | "شباط" | "فيفري" => (2, true),
        "مارس" => (3, false),
        "اذار" => (3, true),
        "ابريل" | "افريل" | "نيسان" => (4, true),
        "مايو" | "ايار" => (5, true),
        "ماي" => (5, false),
        "يونيو" | "يونيه" | "حزيران" | "جوان" => (6, true),
        "يوليو" | "يوليه" | "تموز" | "جويليه" | "جويلية" => (7, true),
        "اغسطس" | "اغسطوس" => (8, true),
        "اب" | "اوت" | "غشت" => (8, false),
        "سبتمبر" | "ايلول" | "شتنبر" => (9, true),
        "اكتوبر" => (10, true),
        "نوفمبر" | "نونبر" => (11, true),
        "ديسمبر" | "دجنبر" => (12, true),
        _ => return None,
    };
    // A clitic on an ambiguous name makes it another word (وماي, لاب).
    if base.len() != w.len() && !strong {
        return None;
    }
    Some((m, i + 1, strong))
}

/// Strips one proclitic group (و, ف, ب, ل, وب, ول) from a word when what remains is long enough.
fn strip_clitic(w: &str) -> &str {
    for p in ["وب", "ول", "و", "ف", "ب", "ل"] {
        if let Some(r) = w.strip_prefix(p) {
            if r.chars().count() >= 4 && is_month_stem(r) {
                return r;
            }
        }
    }
    w
}

fn is_month_stem(r: &str) -> bool {
    matches!(
        r,
        "يناير"
            | "فبراير"
            | "شباط"
            | "اذار"
            | "ابريل"
            | "نيسان"
            | "مايو"
            | "ايار"
            | "يونيو"
            | "يونيه"
            | "حزيران"
            | "يوليو"
            | "يوليه"
            | "تموز"
            | "اغسطس"
            | "سبتمبر"
            | "ايلول"
            | "اكتوبر"
            | "نوفمبر"
            | "ديسمبر"
            | "كانون"
            | "تشرين"
    )
}

/// Month with an optional second name for the same month: `يناير (كانون الثاني)`,
/// `يناير/كانون الثاني`.
fn month_at(sc: &Scan, i: usize) -> Option<(u32, usize, bool)> {
    let (m, next, strong) = month_word(sc, i)?;
    let alt = |open: &str, close: Option<&str>| -> Option<usize> {
        if sc.s(next) != open {
            return None;
        }
        let (m2, after, _) = month_word(sc, next + 1)?;
        if m2 != m {
            return None;
        }
        match close {
            Some(c) if sc.s(after) == c => Some(after + 1),
            Some(_) => None,
            None => Some(after),
        }
    };
    if let Some(after) = alt("(", Some(")")).or_else(|| alt("/", None)) {
        return Some((m, after, true));
    }
    Some((m, next, strong))
}

/// A four-digit year at token `i` (optionally with a glued `م`); `None` for Hijri years (هـ).
fn year_at(sc: &Scan, i: usize, lo: i32, hi: i32) -> Option<(i32, usize)> {
    if sc.kind(i) != Some(TokKind::Digits) {
        return None;
    }
    let s = sc.s(i);
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    if y < lo || y > hi {
        return None;
    }
    // A Hijri year (1440 هـ) is not a Gregorian one; م / ميلادي marks a Gregorian year.
    let next = sc.s(i + 1);
    if matches!(next, "ه" | "هـ" | "هجري" | "هجريه" | "للهجره") {
        return None;
    }
    if matches!(next, "م" | "ميلادي" | "ميلاديه" | "للميلاد") {
        return Some((y, i + 2));
    }
    Some((y, i + 1))
}

fn rel_at(sc: &Scan, i: usize) -> Option<Rel> {
    match sc.s(i) {
        "الجاري" | "الحالي" => Some(Rel::Current),
        "الماضي" | "المنصرم" | "الفائت" | "السابق" => Some(Rel::Past),
        "المقبل" | "القادم" => Some(Rel::Next),
        _ => None,
    }
}

/// An ordinal day word (الأول … الحادي والثلاثين): (day, next token).
fn ordinal_day_at(sc: &Scan, i: usize) -> Option<(u32, usize)> {
    let unit = |w: &str| -> Option<u32> {
        Some(match w {
            "الاول" => 1,
            "الحادي" => 1,
            "الثاني" => 2,
            "الثالث" => 3,
            "الرابع" => 4,
            "الخامس" => 5,
            "السادس" => 6,
            "السابع" => 7,
            "الثامن" => 8,
            "التاسع" => 9,
            _ => return None,
        })
    };
    let w = sc.s(i);
    match w {
        "العاشر" => return Some((10, i + 1)),
        "العشرين" => return Some((20, i + 1)),
        "الثلاثين" => return Some((30, i + 1)),
        _ => {}
    }
    let u = unit(w)?;
    let next = sc.s(i + 1);
    if next == "عشر" {
        return (u != 1 || w == "الحادي").then_some((10 + u, i + 2));
    }
    if next == "والعشرين" {
        return Some((20 + u, i + 2));
    }
    if next == "والثلاثين" && u == 1 {
        return Some((31, i + 2));
    }
    if w == "الحادي" {
        return None;
    }
    Some((u, i + 1))
}

fn days_in_month(y: Option<i32>, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => match y {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
    }
}

/// Year for a month/day without one, from the anchor: the latest such date at or before the
/// anchor, unless a direction word says otherwise.
fn complete_year(anchor: (i32, u32, u32), m: u32, d: u32, rel: Option<Rel>) -> i32 {
    let (ay, am, ad) = anchor;
    // A month without a day compares by month only.
    let (here, at) = if d == 0 {
        ((m, 0), (am, 0))
    } else {
        ((m, d), (am, ad))
    };
    let (same, other) = match rel {
        Some(Rel::Current) => return ay,
        Some(Rel::Next) => (here > at, ay + 1),
        Some(Rel::Past) => (here < at, ay - 1),
        None => (here <= at || soon_after(anchor, m, d), ay - 1),
    };
    if same {
        ay
    } else {
        other
    }
}

/// Whether month `m` (day `d`, 0 for a whole month) of the anchor's year falls within about two
/// months after the anchor: news announces what comes next more often than it recalls the same
/// date almost a year ago.
fn soon_after(anchor: (i32, u32, u32), m: u32, d: u32) -> bool {
    let (ay, am, ad) = anchor;
    if d == 0 {
        return m > am && m - am <= 2;
    }
    if d > days_in_month(Some(ay), m) {
        return false;
    }
    let ahead = days_from_civil(ay, m, d) - days_from_civil(ay, am, ad);
    (1..=60).contains(&ahead)
}

/// Finds the dates in `text`. `anchor` is the publication date `(year, month, day)`, used to
/// complete dates written without a year.
pub fn find_dates(text: &str, anchor: Option<(i32, u32, u32)>) -> Vec<DateMatch> {
    let sc = Scan::new(text);
    let anchor = anchor.filter(|&(y, m, d)| {
        (1..=12).contains(&m) && d >= 1 && d <= days_in_month(Some(y), m) && (0..=9999).contains(&y)
    });
    let mut out = Vec::new();
    let n = sc.toks.len();
    let mut i = 0;
    while i < n {
        if let Some((d, next)) = match_at(&sc, i, anchor) {
            out.push(d);
            i = next;
        } else {
            i += 1;
        }
    }
    out
}

/// Token `i` marks the number before it as a Hijri year (هـ, هجري, للهجرة).
fn hijri_marker(sc: &Scan, i: usize) -> bool {
    matches!(sc.s(i), "ه" | "هجري" | "هجريه" | "للهجره")
}

/// A Hijri month name at token `i` (one or two words): (month, next token).
fn hijri_month_at(sc: &Scan, i: usize) -> Option<(u32, usize)> {
    if sc.kind(i) != Some(TokKind::Word) {
        return None;
    }
    let w = sc.s(i);
    let w = w.strip_prefix('ب').filter(|_| w.len() > 6).unwrap_or(w);
    let second = sc.s(i + 1);
    let one = match w {
        "محرم" => Some(1),
        "صفر" => Some(2),
        "رجب" => Some(7),
        "شعبان" => Some(8),
        "رمضان" => Some(9),
        "شوال" => Some(10),
        _ => None,
    };
    if let Some(m) = one {
        return Some((m, i + 1));
    }
    let m = match (w, second) {
        ("ربيع", "الاول" | "اول") => 3,
        ("ربيع", "الثاني" | "الاخر" | "ثاني") => 4,
        ("جمادي", "الاولي" | "الاول" | "اولي") => 5,
        ("جمادي", "الاخره" | "الثانيه" | "الاخر" | "الثاني") => 6,
        ("ذو" | "ذي", "القعده") => 11,
        ("ذو" | "ذي", "الحجه") => 12,
        _ => return None,
    };
    Some((m, i + 2))
}

/// Julian day number of a day of the arithmetic Islamic calendar (epoch 16 July 622 Julian, leap
/// years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle).
fn hijri_jdn(y: i32, m: u32, d: u32) -> i64 {
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    d + (59 * (m - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y).div_euclid(30) + 1_948_439
}

/// Gregorian (year, month, day) of a Julian day number (Richards' algorithm).
fn jdn_to_gregorian(jdn: i64) -> (i32, u32, u32) {
    let f = jdn + 1401 + (((4 * jdn + 274_277) / 146_097) * 3) / 4 - 38;
    let e = 4 * f + 3;
    let g = e.rem_euclid(1461) / 4;
    let h = 5 * g + 2;
    let day = h.rem_euclid(153) / 5 + 1;
    let month = (h / 153 + 2).rem_euclid(12) + 1;
    let year = e.div_euclid(1461) - 4716 + (14 - month) / 12;
    (year as i32, month as u32, day as u32)
}

/// Gregorian (year, month, day) of a day of the arithmetic Islamic calendar.
pub fn hijri_to_gregorian(y: i32, m: u32, d: u32) -> (i32, u32, u32) {
    jdn_to_gregorian(hijri_jdn(y, m, d))
}

/// A Hijri day date: `21 / 10 / 1436هـ` or `21 شوال 1436هـ` (the year from 1300 to 1600, the
/// marker required after digits and optional after a month name), converted to Gregorian.
fn hijri_date(sc: &Scan, i: usize) -> Option<(DateMatch, usize)> {
    let dig = |k: usize| -> Option<u32> {
        let t = sc.s(k);
        (sc.kind(k) == Some(TokKind::Digits)
            && t.len() <= 4
            && t.bytes().all(|b| b.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
    };
    let d = dig(i).filter(|d| (1..=30).contains(d))?;
    let (m, y, after_year, marked) = if let Some((m, j)) = hijri_month_at(sc, i + 1) {
        let y = dig(j)?;
        (m, y, j + 1, hijri_marker(sc, j + 1))
    } else {
        let sep = sc.s(i + 1);
        if !matches!(sep, "/" | "-") || sc.s(i + 3) != sep {
            return None;
        }
        let m = dig(i + 2)?;
        let y = dig(i + 4)?;
        (m, y, i + 5, hijri_marker(sc, i + 5))
    };
    let named_month = hijri_month_at(sc, i + 1).is_some();
    if !(1300..=1600).contains(&y) || !(1..=12).contains(&m) || !(marked || named_month) {
        return None;
    }
    let end = if marked { after_year + 1 } else { after_year };
    let mut jdn = hijri_jdn(y as i32, m, d);
    // A weekday written just before («يوم الخميس الموافق …») settles the day or two by which the
    // arithmetic calendar can miss the one the source used.
    let named_day = (i.saturating_sub(3)..i)
        .rev()
        .find_map(|k| weekday(sc.s(k)));
    if let Some(wd) = named_day {
        if let Some(shift) = [0, -1, 1, -2, 2]
            .into_iter()
            .find(|s| (jdn + s + 1).rem_euclid(7) == wd)
        {
            jdn += shift;
        }
    }
    let (gy, gm, gd) = jdn_to_gregorian(jdn);
    let mut out = mk(
        sc,
        i,
        end,
        format!("{gy:04}-{gm:02}-{gd:02}"),
        Precision::Day,
        false,
    );
    out.anchor = Some(ANCHOR_HIJRI.to_string());
    Some((out, end))
}

/// Builds a match from token range `[a, b)`.
fn mk(
    sc: &Scan,
    a: usize,
    b: usize,
    value: String,
    precision: Precision,
    anchored: bool,
) -> DateMatch {
    let plen = if sc.kind(a) == Some(TokKind::Word) {
        clitic_len(sc.s(a))
    } else {
        0
    };
    DateMatch {
        start: sc.norm.original_start(sc.toks[a].ns + plen),
        end: sc.toks[b - 1].oe,
        value,
        precision,
        anchor: anchored.then(|| ANCHOR_PUBLICATION.to_string()),
    }
}

/// Tries every pattern at token `i`; returns the match and the token after it.
fn match_at(sc: &Scan, i: usize, anchor: Option<(i32, u32, u32)>) -> Option<(DateMatch, usize)> {
    if let Some(r) = hijri_date(sc, i) {
        return Some(r);
    }
    // Day: digits or ordinal (+ من), optional شهر, month, optional year or direction word.
    let day = match sc.kind(i) {
        Some(TokKind::Digits) if sc.s(i).len() <= 2 => sc
            .s(i)
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=31).contains(d))
            .map(|d| {
                let j = if sc.s(i + 1) == "من" { i + 2 } else { i + 1 };
                (d, j)
            }),
        Some(TokKind::Word) => ordinal_day_at(sc, i).and_then(|(d, j)| {
            // An ordinal is a day only when followed by من + month.
            (sc.s(j) == "من").then_some((d, j + 1))
        }),
        _ => None,
    };
    if let Some((d, mut j)) = day {
        if sc.s(j) == "شهر" {
            j += 1;
        }
        if let Some((m, after, _)) = month_at(sc, j) {
            if d <= days_in_month(None, m) {
                if let Some((y, end)) = year_at(sc, after, 1000, 2999) {
                    if d <= days_in_month(Some(y), m) {
                        let v = format!("{y:04}-{m:02}-{d:02}");
                        return Some((mk(sc, i, end, v, Precision::Day, false), end));
                    }
                }
                let rel = rel_at(sc, after);
                let end = if rel.is_some() { after + 1 } else { after };
                return Some(match anchor {
                    Some(a) => {
                        let y = complete_year(a, m, d, rel);
                        let v = format!("{y:04}-{m:02}-{d:02}");
                        (mk(sc, i, end, v, Precision::Day, true), end)
                    }
                    None => {
                        let v = format!("--{m:02}-{d:02}");
                        (mk(sc, i, end, v, Precision::Day, false), end)
                    }
                });
            }
        }
    }
    // Numeric dates: 2022/01/05, 05/01/2022, 05-01-2022.
    if let Some(r) = numeric_date(sc, i) {
        return Some(r);
    }
    // Month (+ year | direction word), optionally after شهر.
    let (has_shahr, j) = if matches!(sc.s(i), "شهر" | "وشهر" | "بشهر" | "لشهر" | "خلال")
    {
        (sc.s(i) != "خلال", i + 1)
    } else {
        (false, i)
    };
    let start = if has_shahr { i } else { j };
    if has_shahr || j == i {
        if let Some((m, after, strong)) = month_at(sc, j) {
            if let Some((y, end)) = year_at(sc, after, 1000, 2999) {
                let v = format!("{y:04}-{m:02}");
                return Some((mk(sc, start, end, v, Precision::Month, false), end));
            }
            let rel = rel_at(sc, after);
            if strong || has_shahr || rel.is_some() {
                let end = if rel.is_some() { after + 1 } else { after };
                return Some(match anchor {
                    Some(a) => {
                        let y = complete_year(a, m, 0, rel);
                        let v = format!("{y:04}-{m:02}");
                        (mk(sc, start, end, v, Precision::Month, true), end)
                    }
                    None => {
                        let v = format!("--{m:02}");
                        (mk(sc, start, end, v, Precision::Month, false), end)
                    }
                });
            }
        }
    }
    if let Some(a) = anchor {
        if let Some(r) = relative_at(sc, i, a) {
            return Some(r);
        }
    }
    year_match(sc, i)
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y.clamp(-9999, 9999) as i32, m, d)
}

/// Weekday number (Sunday = 0) of a weekday word.
fn weekday(w: &str) -> Option<i64> {
    Some(match w {
        "الاحد" => 0,
        "الاثنين" => 1,
        "الثلاثاء" => 2,
        "الاربعاء" => 3,
        "الخميس" => 4,
        "الجمعه" => 5,
        "السبت" => 6,
        _ => return None,
    })
}

/// Dates relative to the publication date: اليوم, أمس, غداً, weekdays (الثلاثاء, يوم الأحد
/// الماضي), العام الماضي, الشهر المقبل.
fn relative_at(sc: &Scan, i: usize, anchor: (i32, u32, u32)) -> Option<(DateMatch, usize)> {
    let (ay, am, ad) = anchor;
    let today = days_from_civil(ay, am, ad);
    let day = |z: i64| {
        let (y, m, d) = civil_from_days(z);
        format!("{y:04}-{m:02}-{d:02}")
    };
    let w = sc.s(i);
    // Deictic day words, optionally followed by the weekday they name (أمس الجمعة).
    let deictic = match w {
        "اليوم" => Some((0, i + 1)),
        "امس" | "الامس" | "بالامس" => Some((-1, i + 1)),
        "غدا" | "الغد" => Some((1, i + 1)),
        "اول" if sc.s(i + 1) == "امس" => Some((-2, i + 2)),
        "اول" if sc.s(i + 1) == "من" && sc.s(i + 2) == "امس" => Some((-2, i + 3)),
        _ => None,
    };
    if let Some((delta, mut end)) = deictic {
        // ذلك اليوم, نفس اليوم: a day already named in the text, not the publication day.
        if i > 0 && matches!(sc.s(i - 1), "ذلك" | "نفس" | "ذات" | "تلك") {
            return None;
        }
        // An outlet's name: «روسيا اليوم» (RT), «عين اليوم», «قناة/صحيفة … X اليوم».
        if w == "اليوم" && i > 0 {
            let media = |t: &str| {
                let t = t.trim_start_matches(['و', 'ل', 'ب']);
                [
                    "قناه",
                    "صحيفه",
                    "جريده",
                    "موقع",
                    "مجله",
                    "شبكه",
                    "وكاله",
                    "اذاعه",
                ]
                .iter()
                .any(|m| t == *m || t.ends_with(m))
            };
            if matches!(sc.s(i - 1), "روسيا" | "عين") || (i > 1 && media(sc.s(i - 2))) {
                return None;
            }
        }
        let next = sc.s(end);
        let mut z = today + delta;
        if let Some(wd) = weekday(next) {
            end += 1;
            // The named weekday wins over a publication timestamp a day off (time zones).
            z = (z - 3..=z + 3)
                .find(|c| (c + 4).rem_euclid(7) == wd)
                .unwrap_or(z);
        } else if w == "اليوم" && next.starts_with("ال") {
            // اليوم الوطني, اليوم التالي: a named or counted day, not today.
            return None;
        }
        let v = day(z);
        return Some((mk(sc, i, end, v, Precision::Day, true), end));
    }
    // Weekdays, with an optional يوم before and a direction word after.
    let (wd_tok, has_yawm) = if w == "يوم" || w == "يومي" {
        (i + 1, true)
    } else {
        (i, false)
    };
    if let Some(wd) = weekday(sc.s(wd_tok)) {
        // الاثنين is also "the two": only with يوم.
        if wd == 1 && !has_yawm {
            return None;
        }
        let rel = rel_at(sc, wd_tok + 1);
        let end = if rel.is_some() {
            wd_tok + 2
        } else {
            wd_tok + 1
        };
        // A scheduled event (المقررة يومي الأحد) points forward.
        let scheduled = (i.saturating_sub(3)..i).any(|k| {
            matches!(
                sc.s(k),
                "المقرر"
                    | "المقرره"
                    | "المرتقب"
                    | "المرتقبه"
                    | "المزمع"
                    | "المزمعه"
                    | "المنتظر"
                    | "المنتظره"
            )
        });
        let rel = if rel.is_none() && scheduled {
            Some(Rel::Next)
        } else {
            rel
        };
        let now = (today + 4).rem_euclid(7);
        let z = match rel {
            Some(Rel::Next) => today + (wd - now - 1).rem_euclid(7) + 1,
            Some(Rel::Past) => today - ((now - wd - 1).rem_euclid(7) + 1),
            _ => today - (now - wd).rem_euclid(7),
        };
        return Some((mk(sc, i, end, day(z), Precision::Day, true), end));
    }
    // العام الماضي, هذا العام, الشهر المقبل.
    let (unit_tok, this) = if w == "هذا" || w == "هذه" {
        (i + 1, true)
    } else {
        (i, false)
    };
    let unit = sc.s(unit_tok);
    let is_year = matches!(unit, "العام" | "السنه");
    let is_month = unit == "الشهر";
    if !is_year && !is_month {
        return None;
    }
    let (offset, end) = if this {
        (0, unit_tok + 1)
    } else {
        let rel_word = sc.s(unit_tok + 1);
        let rel = rel_at(sc, unit_tok + 1).or(match rel_word {
            "الماضيه" | "المنصرمه" | "الفائته" => Some(Rel::Past),
            "المقبله" | "القادمه" => Some(Rel::Next),
            "الجاريه" | "الحاليه" => Some(Rel::Current),
            _ => None,
        })?;
        let o = match rel {
            Rel::Past => -1,
            Rel::Current => 0,
            Rel::Next => 1,
        };
        (o, unit_tok + 2)
    };
    if is_year {
        let v = format!("{:04}", ay + offset);
        Some((mk(sc, i, end, v, Precision::Year, true), end))
    } else {
        let months = i64::from(ay) * 12 + i64::from(am) - 1 + i64::from(offset);
        let (y, m) = (months.div_euclid(12), months.rem_euclid(12) + 1);
        let v = format!("{y:04}-{m:02}");
        Some((mk(sc, i, end, v, Precision::Month, true), end))
    }
}

/// Years: after a year noun (عام, العام, سنة), after a preposition (في ٢٠١٩, منذ 2014), or alone
/// when nothing counted follows (ثورة 2014 التي).
fn year_match(sc: &Scan, i: usize) -> Option<(DateMatch, usize)> {
    let w = sc.s(i);
    if sc.kind(i) == Some(TokKind::Word) && is_year_noun(w) {
        // عام (1990): the year may stand in brackets.
        let (y, end) = if sc.s(i + 1) == "(" {
            let (y, e) = year_at(sc, i + 2, 1000, 2200)?;
            if sc.s(e) != ")" {
                return None;
            }
            let e = if matches!(sc.s(e + 1), "ه" | "هـ" | "هجري" | "هجريه" | "للهجره")
            {
                return None;
            } else if matches!(sc.s(e + 1), "م" | "ميلادي" | "ميلاديه" | "للميلاد")
            {
                e + 2
            } else {
                e + 1
            };
            (y, e)
        } else {
            year_at(sc, i + 1, 1000, 2200)?
        };
        let v = format!("{y:04}");
        return Some((mk(sc, i, end, v, Precision::Year, false), end));
    }
    if sc.kind(i) != Some(TokKind::Digits) {
        return None;
    }
    let (y, end) = year_at(sc, i, 1900, 2099)?;
    let prev = if i > 0 { sc.s(i - 1) } else { "" };
    // Part of a numeric expression: 1/2019, 2019-2020 handled by numeric_date or twice here.
    if i > 0
        && sc.glued(i)
        && sc.kind(i - 1) == Some(TokKind::Punct)
        && matches!(prev, "/" | "." | ":")
    {
        return None;
    }
    let after_prep = i > 0
        && sc.kind(i - 1) == Some(TokKind::Word)
        && matches!(
            prev,
            "في" | "منذ"
                | "حتي"
                | "قبل"
                | "بعد"
                | "خلال"
                | "مطلع"
                | "بدايه"
                | "نهايه"
                | "اواخر"
                | "اوائل"
                | "منتصف"
                | "اواسط"
                | "صيف"
                | "شتاء"
                | "ربيع"
                | "خريف"
                | "وفي"
                | "ومنذ"
                | "وحتي"
        );
    // Ranges: عامي 2011 و2014, من 2010 إلى 2011, 2000-2008.
    let prev_year = if i > 1 {
        year_at(sc, i - 2, 1900, 2099)
            .or_else(|| {
                (i > 2 && sc.s(i - 2) == "م")
                    .then(|| year_at(sc, i - 3, 1900, 2099))
                    .flatten()
            })
            .map(|(py, _)| py)
    } else {
        None
    };
    let rising = |a: i32, b: i32| b > a && b - a < 100;
    let after_year =
        prev_year.is_some_and(|py| prev == "و" || (is_range_word(prev) && rising(py, y)));
    let before_year = (is_range_word(sc.s(end)) || sc.s(end) == "و")
        && year_at(sc, end + 1, 1900, 2099).is_some_and(|(y2, _)| rising(y, y2));
    // A year in brackets: أولمبياد ريو (2016).
    let bracketed = prev == "(" && sc.s(end) == ")";
    let after_year = after_year || before_year || bracketed;
    let next_is_count = sc.kind(end) == Some(TokKind::Word) && counted_unit(sc.s(end)).is_some();
    if (after_prep || after_year) && !next_is_count {
        let v = format!("{y:04}");
        return Some((mk(sc, i, end, v, Precision::Year, false), end));
    }
    // Alone: nothing counted may follow, and nothing that makes it an amount before it.
    let next_ok = match sc.kind(end) {
        None | Some(TokKind::Punct) => true,
        Some(TokKind::Word) => {
            let nw = sc.s(end);
            nw.starts_with("ال") || is_clause_word(nw)
        }
        Some(TokKind::Digits) => false,
    };
    let prev_blocks = i > 0
        && (sc.kind(i - 1) != Some(TokKind::Word)
            || matches!(
                prev,
                "من" | "نحو"
                    | "حوالي"
                    | "قرابه"
                    | "زهاء"
                    | "بلغ"
                    | "بلغت"
                    | "يبلغ"
                    | "تبلغ"
                    | "وصل"
                    | "وصلت"
                    | "عدد"
                    | "الي"
                    | "الى"
                    | "يقارب"
                    | "و"
                    | "ال"
            ));
    if next_ok && !prev_blocks && !next_is_count {
        let v = format!("{y:04}");
        return Some((mk(sc, i, end, v, Precision::Year, false), end));
    }
    None
}

/// Words joining the two ends of a year range.
fn is_range_word(w: &str) -> bool {
    matches!(w, "-" | "–" | "الي" | "حتي" | "وحتي" | "والي")
}

/// Byte length of a proclitic on a date's first word (ومايو, والعام, بشهر), kept out of the span.
fn clitic_len(w: &str) -> usize {
    let stripped = strip_clitic(w);
    if stripped.len() != w.len() {
        return w.len() - stripped.len();
    }
    for p in ["و", "ف", "ب", "ل"] {
        if let Some(r) = w.strip_prefix(p) {
            if matches!(r, "عام" | "العام" | "عامي" | "شهر") {
                return p.len();
            }
        }
    }
    0
}

fn is_year_noun(w: &str) -> bool {
    matches!(
        w,
        "عام"
            | "العام"
            | "سنه"
            | "السنه"
            | "لعام"
            | "للعام"
            | "بعام"
            | "وعام"
            | "والعام"
            | "فالعام"
            | "عامي"
    )
}

/// Words that start a new clause or phrase after a year rather than being counted by it.
fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "في" | "من"
            | "علي"
            | "الي"
            | "عن"
            | "مع"
            | "او"
            | "ثم"
            | "حين"
            | "عندما"
            | "حيث"
            | "قبل"
            | "بعد"
            | "حتي"
            | "م"
    ) || (w.starts_with('و') && w.chars().count() > 2)
}

/// Numeric dates made of three glued digit groups split by `/` or `-`.
fn numeric_date(sc: &Scan, i: usize) -> Option<(DateMatch, usize)> {
    let dig = |k: usize| (sc.kind(k) == Some(TokKind::Digits)).then(|| sc.s(k));
    let a = dig(i)?;
    let sep = sc.s(i + 1);
    // A hyphen with spaces is a range (5 - 6), a slash with spaces is still a date (5 / 6 / 1948).
    let tight = |k: usize| sep == "/" || sc.glued(k);
    if !matches!(sep, "/" | "-") || !tight(i + 1) || !tight(i + 2) {
        return None;
    }
    let b = dig(i + 2)?;
    if sc.s(i + 3) != sep || !tight(i + 3) || !tight(i + 4) {
        return None;
    }
    let c = dig(i + 4)?;
    let num = |s: &str| -> Option<u32> {
        if s.is_empty() || s.len() > 4 || !s.bytes().all(|x| x.is_ascii_digit()) {
            None
        } else {
            s.parse().ok()
        }
    };
    let (y, m, d) = if a.len() == 4 && b.len() <= 2 && c.len() <= 2 {
        (num(a)?, num(b)?, num(c)?)
    } else if c.len() == 4 && a.len() <= 2 && b.len() <= 2 {
        let (a, b) = (num(a)?, num(b)?);
        // Day first, as written in Arabic; month first only when the day-first reading is
        // impossible (4/22/1948).
        if b > 12 && a <= 12 {
            (num(c)?, a, b)
        } else {
            (num(c)?, b, a)
        }
    } else {
        return None;
    };
    if !(1000..=2999).contains(&y) || !(1..=12).contains(&m) || hijri_marker(sc, i + 5) {
        return None;
    }
    let y = y as i32;
    if d < 1 || d > days_in_month(Some(y), m) {
        return None;
    }
    let v = format!("{y:04}-{m:02}-{d:02}");
    Some((mk(sc, i, i + 5, v, Precision::Day, false), i + 5))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dates(t: &str, anchor: Option<(i32, u32, u32)>) -> Vec<(String, String, Precision)> {
        find_dates(t, anchor)
            .into_iter()
            .map(|d| (t[d.start..d.end].to_string(), d.value, d.precision))
            .collect()
    }

    fn one(t: &str) -> (String, String, Precision) {
        let v = dates(t, None);
        assert_eq!(v.len(), 1, "{t}: {v:?}");
        v.into_iter().next().unwrap()
    }

    #[test]
    fn day_month_year_in_both_month_systems() {
        assert_eq!(
            one("تقارب استراتيجي 8 كانون الثاني 2022 المصدر"),
            (
                "8 كانون الثاني 2022".into(),
                "2022-01-08".into(),
                Precision::Day
            )
        );
        assert_eq!(
            one("قررت كازاخستان في 22 كانون الأول 2021 التوقيع").1,
            "2021-12-22"
        );
        assert_eq!(one("في أعقاب هجمات 11 سبتمبر 2001.").1, "2001-09-11");
        assert_eq!(one("في ٥ أيار ٢٠٢٠").1, "2020-05-05");
    }

    #[test]
    fn ordinal_days_and_double_month_names() {
        let t = "التي شهدتها كازاخستان منذ الثاني من يناير (كانون الثاني)، تعود";
        assert_eq!(
            one(t),
            (
                "الثاني من يناير (كانون الثاني)".into(),
                "--01-02".into(),
                Precision::Day
            )
        );
        let d = find_dates(t, Some((2022, 1, 8)));
        assert_eq!(d[0].value, "2022-01-02");
        assert_eq!(d[0].anchor.as_deref(), Some(ANCHOR_PUBLICATION));
        // Nearest before publication: December of the year before.
        let d = find_dates("في العاشر من ديسمبر", Some((2022, 1, 8)));
        assert_eq!(d[0].value, "2021-12-10");
        assert_eq!(one("في الحادي والعشرين من مارس").1, "--03-21");
        assert_eq!(one("الحادي عشر من سبتمبر").1, "--09-11");
    }

    #[test]
    fn months_and_years() {
        assert_eq!(
            one("اشتكى في تشرين الثاني 2021 من"),
            (
                "تشرين الثاني 2021".into(),
                "2021-11".into(),
                Precision::Month
            )
        );
        assert_eq!(one("خلال قمة في آذار 2021:").1, "2021-03");
        assert_eq!(
            one("في العام 2021، اشترت"),
            ("العام 2021".into(), "2021".into(), Precision::Year)
        );
        assert_eq!(one("بعد سقوط الاتحاد السوفييتي عام 1991،").0, "عام 1991");
        assert_eq!(
            one("الذي ترك السلطة في ٢٠١٩، وولاه"),
            ("٢٠١٩".into(), "2019".into(), Precision::Year)
        );
        assert_eq!(one("منع تكرار ثورة 2014 التي أطاحت").1, "2014");
        let years: Vec<_> = dates("إلى العراق في الفترة من 2010 إلى 2011.", None)
            .into_iter()
            .map(|d| d.1)
            .collect();
        assert_eq!(years, ["2010", "2011"]);
        assert_eq!(dates("في 2000-2008 قبل", None).len(), 2);
        assert_eq!(dates("في معتقلات بين 2011 و2013. بحسب", None).len(), 2);
        assert_eq!(one("وذهبية أولمبياد ريو (2016)").1, "2016");
        assert_eq!(one("وستستضيف في صيف 2018 كأس العالم").1, "2018");
        assert!(dates("بين 2000 و 3000 دولار", None).is_empty());
        assert!(dates("(2000 شخص)", None).is_empty());
        assert_eq!(
            dates("مدتها ست سنوات من 2018 وحتى 2024 ، إنه", None).len(),
            2
        );
        assert_eq!(one("ومايو الماضي").0, "مايو الماضي");
        assert_eq!(one("والعام 2009").0, "العام 2009");
        let d = find_dates("من شهر تشرين الأول، وقعت", Some((2022, 1, 8)));
        assert_eq!(d[0].value, "2021-10");
        assert_eq!(d[0].precision, Precision::Month);
    }

    #[test]
    fn amounts_are_not_years() {
        assert!(dates("أرسلت 2000 جندي", None).is_empty());
        assert!(dates("تم القبض على أكثر من 6000 شخص", None).is_empty());
        assert!(dates("في 2000 حالة", None).is_empty());
        assert!(dates("عام 1436 هـ", None).is_empty());
        assert!(dates("مارس الضغط على الحكومة", None).is_empty());
        assert!(dates("قال الأب إن", None).is_empty());
        assert!(dates("بلغ 1990 دولارا", None).is_empty());
    }

    #[test]
    fn relative_dates_need_an_anchor() {
        // 2022-01-08 was a Saturday.
        let a = Some((2022, 1, 8));
        let v = |t: &str| -> Vec<(String, String)> {
            find_dates(t, a)
                .into_iter()
                .map(|d| (t[d.start..d.end].to_string(), d.value))
                .collect()
        };
        assert_eq!(
            v("قال أمس الجمعة إن"),
            [("أمس الجمعة".into(), "2022-01-07".into())]
        );
        assert_eq!(
            v("اندلعت الأحد الماضي"),
            [("الأحد الماضي".into(), "2022-01-02".into())]
        );
        assert_eq!(
            v("تعقد يوم الاثنين المقبل"),
            [("يوم الاثنين المقبل".into(), "2022-01-10".into())]
        );
        assert_eq!(v("وقعت السبت"), [("السبت".into(), "2022-01-08".into())]);
        // Publication timestamp a day after the local date the text names.
        assert_eq!(
            v("قال اليوم الجمعة"),
            [("اليوم الجمعة".into(), "2022-01-07".into())]
        );
        // A date just ahead of publication stays in the same year; one long past goes back.
        assert_eq!(v("القمة في 12 فبراير")[0].1, "2022-02-12");
        assert_eq!(v("وقعت في 12 يونيو")[0].1, "2021-06-12");
        assert_eq!(
            v("المفاوضات المقررة يومي الأحد والاثنين في جنيف")[0],
            ("يومي الأحد".into(), "2022-01-09".into())
        );
        assert_eq!(
            v("في العام الماضي"),
            [("العام الماضي".into(), "2021".into())]
        );
        assert_eq!(
            v("خلال الشهر المقبل"),
            [("الشهر المقبل".into(), "2022-02".into())]
        );
        assert!(v("احتفل باليوم الوطني و الاثنين معا").is_empty());
        assert!(v("في ذلك اليوم، صادق البرلمان").is_empty());
        assert!(dates("قال أمس الجمعة إن", None).is_empty());
    }

    #[test]
    fn civil_day_arithmetic_round_trips() {
        for z in [-800_000i64, -1, 0, 1, 18_999, 19_000, 2_000_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_from_civil(2022, 1, 8), 19_000);
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(one("نشر في 2022/01/05").1, "2022-01-05");
        assert_eq!(one("نشر في 05-01-2022").1, "2022-01-05");
        assert!(dates("النتيجة 45/13/2022", None).is_empty());
        assert_eq!(one("بتاريخ 20 / 9 / 1947").1, "1947-09-20");
        assert_eq!(one("في 4/22/1948").1, "1948-04-22");
        assert!(dates("بين 5 - 6 - 2000", None).len() <= 1);
        assert_eq!(one("عام (1990) م").0, "عام (1990) م");
        assert_eq!(one("عام 1907 ميلادي").1, "1907");
        assert!(dates("عام (1308) هجري", None).is_empty());
    }

    /// Regression (Saudi news audit): the outlet «عين اليوم» in a byline dated the article's events
    /// "today"; «روسيا اليوم» (RT) and «قناة … اليوم» are outlets too.
    #[test]
    fn an_outlet_named_today_is_no_date() {
        let a = Some((2015, 8, 9));
        for t in [
            "عين اليوم – بغداد",
            "وقال المتحدث لقناة روسيا اليوم إن الهجوم فشل",
            "ونقلت صحيفة مصر اليوم عن مصدر",
        ] {
            assert!(dates(t, a).is_empty(), "{t}: {:?}", dates(t, a));
        }
        assert_eq!(
            dates("وقال إن الهجوم وقع اليوم في بغداد", a)[0].1,
            "2015-08-09"
        );
        assert_eq!(dates("تشهد مصر اليوم احتجاجات", a)[0].1, "2015-08-09");
    }

    /// Regression (Saudi news audit): «21 / 10 / 1436هـ» came out as the ISO date 1436-10-21.
    #[test]
    fn hijri_dates_are_converted_to_gregorian() {
        let t = "فجر نفسه يوم الخميس الموافق 21 / 10 / 1436هـ داخل المسجد";
        let d = find_dates(t, None);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].start..d[0].end], "21 / 10 / 1436هـ");
        assert_eq!(d[0].value, "2015-08-06");
        assert_eq!(d[0].anchor.as_deref(), Some(ANCHOR_HIJRI));
        // Without a weekday the arithmetic calendar is within a day of the Umm al-Qura one
        // (1 Ramadan 1443 = 2 April 2022; 10 Dhu al-Hijja 1444 = 28 June 2023; 12 Rabi' I 1445 =
        // 27 September 2023).
        let within_a_day = |t: &str, jdn_true: i64| {
            let v = one(t).1;
            let (y, m, d) = (
                v[..4].parse().unwrap(),
                v[5..7].parse().unwrap(),
                v[8..].parse().unwrap(),
            );
            assert!((days_from_civil(y, m, d) - jdn_true).abs() <= 1, "{t}: {v}");
        };
        within_a_day("في 1 رمضان 1443 هـ", days_from_civil(2022, 4, 2));
        within_a_day("يوم 10 ذي الحجة 1444هـ", days_from_civil(2023, 6, 28));
        within_a_day("في 12 ربيع الأول 1445", days_from_civil(2023, 9, 27));
        // The weekday settles it: 2 April 2022 was a Saturday.
        assert_eq!(one("يوم السبت 1 رمضان 1443 هـ").1, "2022-04-02");
        // A Gregorian date stays one; a Hijri year without a day is not a date.
        assert_eq!(one("في 21/10/2015").1, "2015-10-21");
        assert!(dates("من مواليد 1415هـ", None).is_empty());
    }

    #[test]
    fn the_arithmetic_calendar_matches_known_days() {
        // 1 Muharram 1 AH = 16 July 622 (Julian) = 19 July 622 (proleptic Gregorian).
        assert_eq!(hijri_to_gregorian(1, 1, 1), (622, 7, 19));
        assert_eq!(hijri_to_gregorian(1400, 1, 1), (1979, 11, 21));
        assert_eq!(hijri_to_gregorian(1436, 10, 21), (2015, 8, 7));
    }

    proptest! {
        #[test]
        fn spans_are_valid(s in "\\PC{0,80}", y in 1i32..3000, m in 0u32..14, d in 0u32..33) {
            for x in find_dates(&s, Some((y, m, d))) {
                prop_assert!(s.get(x.start..x.end).is_some());
                prop_assert!(x.start < x.end);
            }
        }

        #[test]
        fn date_soup_is_safe(s in "[0-9٠-٩/\\- ()منالثانيكونتشريأولعام في يناير]{0,60}") {
            for x in find_dates(&s, None) {
                prop_assert!(s.get(x.start..x.end).is_some());
            }
        }
    }
}
