//! Extraction: figures, dates, and later events, relations and claims, from one document's text.
//!
//! Every function here takes the document text with site chrome already blanked to spaces (same
//! byte length as the real text), so every span indexes the document text itself.

use marsad_picture::{Bound, DateMention, Diagnostic, Evidence, Precision, Quantity, Severity};
use marsad_text::date::{find_dates, DateMatch, Precision as TextPrecision};
use marsad_text::normalize_str;
use marsad_text::number::{counted_unit, find_numbers, Bound as TextBound, NumberMatch};

/// Figures in `text` as picture quantities (local ids `q1`, `q2`, ...), with diagnostics.
///
/// Numbers that are part of a date (`8 كانون الثاني 2022`, `عام 1991`, `في ٢٠١٩`) and clock times
/// are not figures and are left out.
pub fn extract_quantities(doc: &str, text: &str) -> (Vec<Quantity>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let dates = find_dates(text, None);
    let mut out = Vec::new();
    for m in find_numbers(text) {
        if dates
            .iter()
            .any(|d| d.start < m.number_end && m.number_start < d.end)
        {
            continue;
        }
        // «مواليد 1415هـ»: a year of the Hijri calendar, not a count; «القرار 2216», «اللواء 35»:
        // a number that names a thing.
        if hijri_year_marker(text.get(m.number_end..).unwrap_or(""))
            || identifier_noun_before(text, m.start)
        {
            continue;
        }
        let mut unit = None;
        let mut kind = None;
        let mut end = m.end;
        if m.percent {
            unit = Some("percent");
            kind = Some("share");
        } else if let Some((a, b)) = m.noun {
            if let Some(cu) = text.get(a..b).and_then(counted_unit) {
                unit = Some(squared_or_cubed(cu.unit, text.get(b..).unwrap_or("")));
                kind = cu.kind;
                // The counted noun belongs to the cited figure when it follows right after it.
                if text.get(m.end..a).is_some_and(|gap| gap.trim().is_empty()) {
                    end = b;
                }
            }
        }
        // What happened to them decides the kind: killed soldiers are not troops sent
        // («استشهاد ثلاثة من جنودها»), and «12 شخصا قتلوا» puts the verb after the count.
        if matches!(kind, None | Some("troops"))
            && matches!(unit, None | Some("person") | Some("soldier"))
        {
            let said = verb_kind_before(text, m.start).or_else(|| verb_kind_after(text, end));
            if let Some(k) = said {
                kind = Some(k);
                unit.get_or_insert("person");
            }
        }
        let Some(ev) = Evidence::new(doc, text, m.start, end) else {
            diags.push(Diagnostic {
                severity: Severity::Warning,
                subject: doc.to_string(),
                message: format!(
                    "figure span {}..{} is not on char boundaries; skipped",
                    m.start, end
                ),
            });
            continue;
        };
        out.push(Quantity {
            id: format!("q{}", out.len() + 1),
            value: m.value,
            unit: unit.map(str::to_string),
            kind: kind.unwrap_or("count").to_string(),
            bound: bound(&m),
            about: Vec::new(),
            evidence: vec![ev],
        });
    }
    (out, diags)
}

/// `متر مكعب` → m3, `كيلومتر مربع` → km2: the adjective after a length unit.
fn squared_or_cubed(unit: &'static str, after: &str) -> &'static str {
    let next = after.split_whitespace().next().map(normalize_str);
    match (unit, next.as_deref()) {
        ("m", Some("مكعب" | "مكعبه")) => "m3",
        ("m", Some("مربع" | "مربعه")) => "m2",
        ("km", Some("مربع" | "مربعه")) => "km2",
        _ => unit,
    }
}

fn bound(m: &NumberMatch) -> Bound {
    match m.bound {
        TextBound::Exact => Bound::Exact,
        TextBound::About => Bound::About,
        TextBound::MoreThan => Bound::MoreThan,
        TextBound::LessThan => Bound::LessThan,
    }
}

/// What a figure counts when a casualty or arrest verb stands shortly before it in the same
/// clause (`قتل خلال هذه الأحداث 164 شخصاً`, `أصيب 2200`, `القبض على أكثر من 6000`).
fn verb_kind_before(text: &str, start: usize) -> Option<&'static str> {
    let before = text.get(..start)?;
    // The clause: back to the last sentence or clause punctuation.
    let clause_start = before
        .rfind(['.', '،', ',', ';', '؛', ':', '\n', '؟', '!', '(', ')'])
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let clause = &before[clause_start..];
    let words: Vec<&str> = clause.split_whitespace().rev().take(6).collect();
    for (i, w) in words.iter().take(5).enumerate() {
        let n = normalize_str(w);
        let n = n.as_str();
        let stem = n
            .strip_prefix('و')
            .or_else(|| n.strip_prefix('ف'))
            .unwrap_or(n);
        // «مقتل وإصابة 30»: one figure for the killed and the wounded together.
        if stem != n
            && matches!(stem, "اصابه" | "جرح")
            && words
                .get(i + 1)
                .is_some_and(|p| matches!(normalize_str(p).as_str(), "مقتل" | "قتل" | "مصرع"))
        {
            return Some("casualties");
        }
        for cand in [n, stem] {
            let k = match cand {
                "قتل" | "قتلت" | "قتلوا" | "مقتل" | "لقي" | "لقيت" | "لقوا" | "مصرع"
                | "استشهاد" | "استشهد" | "استشهدت" | "استشهدوا" => {
                    Some("killed")
                }
                "اصيب" | "اصيبت" | "اصيبوا" | "جرح" | "جرحت" | "اصابه" => {
                    Some("injured")
                }
                "اعتقل" | "اعتقلت" | "اعتقال" | "احتجز" | "احتجزت" | "احتجاز" | "اوقف"
                | "اوقفت" | "توقيف" | "القبض" => Some("arrested"),
                _ => None,
            };
            if k.is_some() {
                return k;
            }
        }
    }
    None
}

/// The word right before a number is a noun the number names (a resolution, a brigade, an
/// article of law, a flight): «القرار 2216»، «اللواء 35»، «رقم 5».
fn identifier_noun_before(text: &str, start: usize) -> bool {
    let Some(w) = text
        .get(..start)
        .and_then(|b| b.split_whitespace().next_back())
    else {
        return false;
    };
    let n = normalize_str(w);
    let n = n.strip_prefix('و').unwrap_or(&n);
    // للقرار is ل + القرار.
    let n = n
        .strip_prefix("لل")
        .or_else(|| n.strip_prefix("بال"))
        .or_else(|| n.strip_prefix("ال"))
        .or_else(|| n.strip_prefix('ب'))
        .or_else(|| n.strip_prefix('ل'))
        .filter(|r| r.chars().count() >= 3)
        .unwrap_or(n);
    matches!(
        n,
        "قرار"
            | "لواء"
            | "ماده"
            | "فقره"
            | "بند"
            | "رقم"
            | "كتيبه"
            | "فرقه"
            | "رحله"
            | "فصل"
            | "مرسوم"
    )
}

/// A passive or intransitive verb of harm right after a counted phrase («12 شخصا قتلوا»,
/// «ثلاثة جنود استشهدوا»): its kind.
fn verb_kind_after(text: &str, end: usize) -> Option<&'static str> {
    let w = text.get(end..)?.split_whitespace().next()?;
    let n = normalize_str(w.trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '،'));
    match n.as_str() {
        "قتلوا" | "قتلا" | "لقوا" | "استشهدوا" | "استشهدا" => {
            Some("killed")
        }
        "اصيبوا" | "اصيبا" | "جرحوا" => Some("injured"),
        "اعتقلوا" | "اعتقلا" => Some("arrested"),
        _ => None,
    }
}

/// The text after a number starts with a Hijri year marker (هـ, هجري, هجرية, للهجرة) as a word.
fn hijri_year_marker(after: &str) -> bool {
    let word: String = after
        .trim_start()
        .chars()
        .take_while(|c| !c.is_whitespace() && !c.is_ascii_punctuation() && *c != '،')
        .filter(|&c| c != '\u{0640}')
        .collect();
    matches!(
        word.as_str(),
        "ه" | "هـ" | "هجري" | "هجرية" | "هجريه" | "للهجرة" | "للهجره"
    )
}

/// Dates in `text` as picture date mentions (local ids `d1`, `d2`, ...), with diagnostics.
///
/// `published` (ISO `YYYY-MM-DD`, optionally followed by a time) completes dates written without a
/// year; an unreadable value is reported and ignored.
pub fn extract_dates(
    doc: &str,
    text: &str,
    published: Option<&str>,
) -> (Vec<DateMention>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let anchor = match published {
        None => None,
        Some(p) => {
            let a = parse_iso_day(p);
            if a.is_none() {
                diags.push(Diagnostic {
                    severity: Severity::Warning,
                    subject: doc.to_string(),
                    message: format!(
                        "publication date {p:?} is not an ISO day; dates without a year stay unanchored"
                    ),
                });
            }
            a
        }
    };
    let mut out = Vec::new();
    for d in find_dates(text, anchor) {
        let Some(ev) = Evidence::new(doc, text, d.start, d.end) else {
            diags.push(Diagnostic {
                severity: Severity::Warning,
                subject: doc.to_string(),
                message: format!(
                    "date span {}..{} is not on char boundaries; skipped",
                    d.start, d.end
                ),
            });
            continue;
        };
        out.push(mention(out.len() + 1, d, ev));
    }
    (out, diags)
}

fn mention(n: usize, d: DateMatch, ev: Evidence) -> DateMention {
    DateMention {
        id: format!("d{n}"),
        value: d.value,
        precision: match d.precision {
            TextPrecision::Day => Precision::Day,
            TextPrecision::Month => Precision::Month,
            TextPrecision::Year => Precision::Year,
        },
        anchor: d.anchor,
        evidence: vec![ev],
    }
}

/// Reads `YYYY-MM-DD` at the start of an ISO date or date-time.
fn parse_iso_day(s: &str) -> Option<(i32, u32, u32)> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y = s.get(0..4)?.parse().ok()?;
    let m = s.get(5..7)?.parse().ok()?;
    let d = s.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    if b.len() > 10 && !matches!(b[10], b'T' | b' ' | b't') {
        return None;
    }
    Some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn published_date_forms() {
        assert_eq!(parse_iso_day("2022-01-08"), Some((2022, 1, 8)));
        assert_eq!(parse_iso_day("2022-01-08T10:00:00Z"), Some((2022, 1, 8)));
        assert_eq!(parse_iso_day("Sat, 08 Jan 2022"), None);
        assert_eq!(parse_iso_day("2022-13-08"), None);
    }

    /// Regression (Saudi and Yemen news audits): deaths told as martyrdom, a count before its
    /// passive verb and killed soldiers all came out as `count` or `troops`.
    #[test]
    fn what_happened_to_the_counted_decides_the_kind() {
        let kind = |t: &str| {
            let (q, _) = extract_quantities("x", t);
            assert_eq!(q.len(), 1, "{t}: {q:?}");
            (q[0].kind.clone(), q[0].unit.clone().unwrap_or_default())
        };
        assert_eq!(kind("نتج عن التفجير استشهاد 15 مصليا").0, "killed");
        assert_eq!(
            kind("أعلنت وزارة الدفاع استشهاد خمسة من جنودها"),
            ("killed".into(), "soldier".into())
        );
        assert_eq!(kind("وذكر أن 12 شخصا قتلوا في القصف").0, "killed");
        assert_eq!(kind("سقط 20 شهيدا في القصف").0, "killed");
        assert_eq!(
            kind("أرسلت روسيا 2500 جندي إلى كازاخستان"),
            ("troops".into(), "soldier".into())
        );
    }

    /// Regression (Yemen news audit): numbers naming a resolution or a brigade were figures, and
    /// «مقتل وإصابة 30» gave 30 wounded.
    #[test]
    fn numbers_that_name_things_and_joint_tolls() {
        let (q, _) = extract_quantities("x", "استعادت القوات مواقع اللواء 35 تنفيذا للقرار 2216");
        assert!(q.is_empty(), "{q:?}");
        let (q, _) = extract_quantities("x", "أسفر القصف عن مقتل وإصابة أكثر من 30 مسلحا");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].kind, "casualties");
        let (q, _) = extract_quantities("x", "أسفر القصف عن مقتل 30 مسلحا");
        assert_eq!(q[0].kind, "killed");
    }

    /// Regression (Saudi news audit): «مواليد 1415هـ» was a figure 1415 of kind count.
    #[test]
    fn a_hijri_year_is_not_a_figure() {
        for t in ["وهو من مواليد 1415هـ", "في عام 1436 هـ", "سنة 1400 هجرية"]
        {
            let (q, _) = extract_quantities("x", t);
            assert!(q.is_empty(), "{t}: {q:?}");
        }
        let (q, _) = extract_quantities("x", "قتل 1415 هنا");
        assert_eq!(q.len(), 1);
    }

    #[test]
    fn yearless_date_is_anchored_to_publication() {
        let t = "منذ الثاني من يناير (كانون الثاني)، تعود";
        let (d, diags) = extract_dates("x", t, Some("2022-01-08"));
        assert!(diags.is_empty());
        assert_eq!(d[0].value, "2022-01-02");
        assert_eq!(d[0].anchor.as_deref(), Some("publication_date"));
        let (d, diags) = extract_dates("x", t, Some("yesterday"));
        assert_eq!(d[0].value, "--01-02");
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn casualty_verbs_set_kind() {
        let t = "استمرت الاحتجاجات وقتل خلال هذه الأحداث 164 شخصاً وأصيب 2200 وتم القبض على أكثر من 6000 شخص.";
        let (q, _) = extract_quantities("x", t);
        let got: Vec<_> = q
            .iter()
            .map(|q| (q.value, q.kind.as_str(), q.evidence[0].text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (164.0, "killed", "164 شخصاً"),
                (2200.0, "injured", "2200"),
                (6000.0, "arrested", "أكثر من 6000 شخص"),
            ]
        );
    }

    #[test]
    fn area_and_volume_units() {
        let (q, _) = extract_quantities("x", "نحو 238 مليار متر مكعب من الغاز");
        assert_eq!(q[0].unit.as_deref(), Some("m3"));
        let (q, _) = extract_quantities("x", "مساحتها 2.7 مليون كيلومتر مربع");
        assert_eq!(q[0].unit.as_deref(), Some("km2"));
        assert_eq!(q[0].value, 2_700_000.0);
    }

    proptest! {
        #[test]
        fn evidence_is_exact(s in "(\\PC|[،؛ 0-9]|قتل|أصيب){0,60}") {
            let (q, _) = extract_quantities("x", &s);
            for x in q {
                let e = &x.evidence[0];
                prop_assert_eq!(s.get(e.start..e.end), Some(e.text.as_str()));
            }
            let (d, _) = extract_dates("x", &s, Some("2022-01-08"));
            for x in d {
                let e = &x.evidence[0];
                prop_assert_eq!(s.get(e.start..e.end), Some(e.text.as_str()));
            }
        }
    }
}
