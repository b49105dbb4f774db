//! Figures and dates over the five sample articles in `examples/kazakhstan-2022`.

use marsad_extract::{extract_dates, extract_quantities};
use marsad_picture::{Bound, DateMention, Precision, Quantity};

const DOCS: [(&str, &str); 5] = [
    (
        "000",
        include_str!("../../../examples/kazakhstan-2022/000_06c48e6e3a04ee1d.txt"),
    ),
    (
        "001",
        include_str!("../../../examples/kazakhstan-2022/001_b869f9608b7549f6.txt"),
    ),
    (
        "002",
        include_str!("../../../examples/kazakhstan-2022/002_bcef1e2ff6c2592e.txt"),
    ),
    (
        "003",
        include_str!("../../../examples/kazakhstan-2022/003_56a20f09cefd383e.txt"),
    ),
    (
        "004",
        include_str!("../../../examples/kazakhstan-2022/004_81184fc5c9f9c216.txt"),
    ),
];

fn all() -> (Vec<Quantity>, Vec<DateMention>) {
    let mut qs = Vec::new();
    let mut ds = Vec::new();
    for (id, text) in DOCS {
        let (q, qd) = extract_quantities(id, text);
        let (d, dd) = extract_dates(id, text, None);
        assert!(qd.is_empty() && dd.is_empty(), "{qd:?} {dd:?}");
        for x in q
            .iter()
            .flat_map(|q| &q.evidence)
            .chain(d.iter().flat_map(|d| &d.evidence))
        {
            assert_eq!(&text[x.start..x.end], x.text, "evidence must be exact");
        }
        qs.extend(q);
        ds.extend(d);
    }
    (qs, ds)
}

fn find_q<'a>(qs: &'a [Quantity], doc: &str, value: f64, ev: &str) -> &'a Quantity {
    qs.iter()
        .find(|q| q.value == value && q.evidence[0].doc == doc && q.evidence[0].text == ev)
        .unwrap_or_else(|| panic!("missing figure {value} «{ev}» in {doc}"))
}

/// (doc, value, evidence, unit, kind, bound).
type FigureCase = (
    &'static str,
    f64,
    &'static str,
    Option<&'static str>,
    &'static str,
    Bound,
);

#[test]
fn required_figures_with_exact_evidence() {
    let (qs, _) = all();
    let cases: &[FigureCase] = &[
        (
            "000",
            164.0,
            "164 شخصاً",
            Some("person"),
            "killed",
            Bound::Exact,
        ),
        (
            "000",
            2200.0,
            "2200",
            Some("person"),
            "injured",
            Bound::Exact,
        ),
        (
            "000",
            6000.0,
            "أكثر من 6000 شخص",
            Some("person"),
            "arrested",
            Bound::MoreThan,
        ),
        (
            "000",
            6.0,
            "أقل من 6 أيام",
            Some("day"),
            "count",
            Bound::LessThan,
        ),
        ("000", 7.0, "7 دول", Some("state"), "count", Bound::Exact),
        (
            "000",
            10_000.0,
            "عشرات الآلاف",
            Some("soldier"),
            "troops",
            Bound::MoreThan,
        ),
        (
            "001",
            1000.0,
            "الآلاف",
            Some("soldier"),
            "troops",
            Bound::MoreThan,
        ),
        (
            "001",
            18_600_000.0,
            "18 مليونا و600 ألف نسمة",
            Some("person"),
            "population",
            Bound::Exact,
        ),
        (
            "001",
            75.0,
            "ما يقارب الـ75 بالمئة",
            Some("percent"),
            "share",
            Bound::About,
        ),
        (
            "001",
            11_000.0,
            "نحو 11 ألف دولار",
            Some("USD"),
            "count",
            Bound::About,
        ),
        (
            "002",
            20_000.0,
            "20 ألفاً",
            Some("person"),
            "count",
            Bound::Exact,
        ),
        (
            "002",
            2500.0,
            "2500 جندي",
            Some("soldier"),
            "troops",
            Bound::Exact,
        ),
        (
            "002",
            100_000.0,
            "نحو 100000 جندي",
            Some("soldier"),
            "troops",
            Bound::About,
        ),
        ("002", 30.0, "30 عاماً", Some("year"), "count", Bound::Exact),
        (
            "002",
            3.0,
            "ما يقرب من ثلاث سنوات",
            Some("year"),
            "count",
            Bound::About,
        ),
        (
            "003",
            19.0,
            "19 اتفاقية",
            Some("agreement"),
            "count",
            Bound::Exact,
        ),
        (
            "003",
            1e10,
            "10 مليارات دولار",
            Some("USD"),
            "count",
            Bound::Exact,
        ),
        (
            "003",
            500.0,
            "أكثر من 500 مشروع",
            Some("project"),
            "count",
            Bound::MoreThan,
        ),
        (
            "003",
            160.0,
            "160 مشروعا",
            Some("project"),
            "count",
            Bound::Exact,
        ),
        (
            "004",
            30.0,
            "ثلاثين عاماً",
            Some("year"),
            "count",
            Bound::Exact,
        ),
        ("004", 19.0, "19%", Some("percent"), "share", Bound::Exact),
    ];
    for &(doc, value, ev, unit, kind, bound) in cases {
        let q = find_q(&qs, doc, value, ev);
        assert_eq!(q.unit.as_deref(), unit, "unit of «{ev}»");
        assert_eq!(q.kind, kind, "kind of «{ev}»");
        assert_eq!(q.bound, bound, "bound of «{ev}»");
    }
    // Both mentions of the 2500-strong force are found.
    let n2500 = qs.iter().filter(|q| q.value == 2500.0).count();
    assert_eq!(n2500, 2);
}

#[test]
fn dates_times_and_ordinals_are_not_figures() {
    let (qs, _) = all();
    for q in &qs {
        let v = q.value;
        assert!(
            !(1900.0..=2100.0).contains(&v),
            "year taken as a figure: «{}»",
            q.evidence[0].text
        );
        // 8 / 22 / 7 (day numbers), 02 : 01 (a clock time), الحادي عشر (an ordinal).
        assert!(
            !matches!(
                q.evidence[0].text.as_str(),
                "8" | "22" | "7" | "02" | "01" | "عشر"
            ),
            "not a figure: «{}»",
            q.evidence[0].text
        );
    }
}

#[test]
fn required_dates_with_exact_evidence() {
    let (_, ds) = all();
    let cases: &[(&str, &str, &str, Precision)] = &[
        ("000", "2019", "٢٠١٩", Precision::Year),
        ("001", "1991", "عام 1991", Precision::Year),
        ("001", "1992", "عام 1992", Precision::Year),
        ("001", "2002", "عام 2002", Precision::Year),
        ("001", "2001-09-11", "11 سبتمبر 2001", Precision::Day),
        (
            "002",
            "--01-02",
            "الثاني من يناير (كانون الثاني)",
            Precision::Day,
        ),
        ("002", "2020", "عام 2020", Precision::Year),
        ("003", "1991", "عام 1991", Precision::Year),
        ("003", "1992", "عام 1992", Precision::Year),
        ("003", "2009", "عام 2009", Precision::Year),
        ("003", "2019", "عام 2019", Precision::Year),
        ("004", "2022-01-08", "8 كانون الثاني 2022", Precision::Day),
        ("004", "2021-12-22", "22 كانون الأول 2021", Precision::Day),
        ("004", "2021-12-07", "7 كانون الأول 2021", Precision::Day),
        ("004", "2021-11", "تشرين الثاني 2021", Precision::Month),
        ("004", "2021-03", "آذار 2021", Precision::Month),
        ("004", "2021", "العام 2021", Precision::Year),
        ("004", "2020", "العام 2020", Precision::Year),
        ("004", "2009", "العام 2009", Precision::Year),
        ("004", "1991", "العام 1991", Precision::Year),
    ];
    for &(doc, value, ev, precision) in cases {
        let found = ds
            .iter()
            .find(|d| d.value == value && d.evidence[0].doc == doc && d.evidence[0].text == ev);
        let d = found.unwrap_or_else(|| panic!("missing date {value} «{ev}» in {doc}"));
        assert_eq!(d.precision, precision, "precision of «{ev}»");
        assert_eq!(d.anchor, None);
    }
    assert_eq!(
        ds.iter()
            .filter(|d| d.evidence[0].doc == "002" && d.value == "2020")
            .count(),
        2
    );
}

#[test]
fn yearless_date_anchors_to_publication() {
    let (_, text) = DOCS[2];
    let (ds, _) = extract_dates("002", text, Some("2022-01-10"));
    let d = ds
        .iter()
        .find(|d| d.evidence[0].text.starts_with("الثاني من يناير"))
        .unwrap();
    assert_eq!(d.value, "2022-01-02");
    assert_eq!(d.anchor.as_deref(), Some("publication_date"));
}
