//! The events and entities tables, shared by the CSV and Parquet writers.
//!
//! Multi-valued cells (several actors, documents, outlets) are joined with `;` so that a
//! spreadsheet user sees one row per event, as in GDELT and ACLED exports.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Write;

use marsad_picture::{
    Bound, DateMention, Document, Entity, EntityType, Event, Mode, Picture, Precision, Quantity,
};

use crate::{ExportError, ExportOptions};

/// Value type of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// UTF-8 text (Parquet `BYTE_ARRAY` with the `STRING` logical type).
    Text,
    /// 64-bit signed integer (Parquet `INT64`).
    Int64,
}

/// One column of an exported table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Header name.
    pub name: &'static str,
    /// Value type.
    pub ty: ColumnType,
    /// Whether cells may be empty (CSV) / null (Parquet).
    pub nullable: bool,
}

const fn text(name: &'static str) -> Column {
    Column {
        name,
        ty: ColumnType::Text,
        nullable: true,
    }
}

const fn int(name: &'static str) -> Column {
    Column {
        name,
        ty: ColumnType::Int64,
        nullable: true,
    }
}

const fn required(c: Column) -> Column {
    Column {
        nullable: false,
        ..c
    }
}

/// Columns of `events.csv` / `events.parquet`, in order.
pub const EVENT_COLUMNS: &[Column] = &[
    required(text("event_id")),
    text("date"),
    text("date_precision"),
    text("date_source"),
    required(text("event_type")),
    text("subtype"),
    required(text("mode")),
    text("source_actor"),
    text("source_actor_ids"),
    text("source_actor_kb"),
    text("target_actor"),
    text("target_actor_ids"),
    text("target_actor_kb"),
    text("location"),
    text("location_id"),
    text("location_kb"),
    int("fatalities"),
    int("injured"),
    int("arrested"),
    int("troops"),
    text("figures"),
    text("documents"),
    text("outlets"),
    text("source_url"),
    text("evidence"),
    text("evidence_doc"),
    int("evidence_start"),
    int("evidence_end"),
];

/// Columns of `entities.csv` / `entities.parquet`, in order.
pub const ENTITY_COLUMNS: &[Column] = &[
    required(text("entity_id")),
    text("kb"),
    required(text("type")),
    required(text("name_ar")),
    text("name_en"),
    text("aliases"),
    required(int("mentions")),
    text("documents"),
    text("first_seen"),
    text("last_seen"),
];

/// One cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// Empty in CSV, null in Parquet.
    Null,
    /// Text.
    Text(String),
    /// Integer.
    Int(i64),
}

impl Cell {
    fn text_or_null(s: String) -> Cell {
        if s.is_empty() {
            Cell::Null
        } else {
            Cell::Text(s)
        }
    }

    fn opt(s: Option<&str>) -> Cell {
        match s {
            Some(s) if !s.is_empty() => Cell::Text(s.to_string()),
            _ => Cell::Null,
        }
    }
}

/// A table: fixed columns and rows of cells in the same order.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    /// Column definitions.
    pub columns: &'static [Column],
    /// Rows, each `columns.len()` cells.
    pub rows: Vec<Vec<Cell>>,
}

/// Lookups by id over one picture, built once per export.
struct Index<'a> {
    entities: HashMap<&'a str, &'a Entity>,
    quantities: HashMap<&'a str, &'a Quantity>,
    dates: HashMap<&'a str, &'a DateMention>,
    documents: HashMap<&'a str, &'a Document>,
}

impl<'a> Index<'a> {
    fn new(p: &'a Picture) -> Self {
        Index {
            entities: p.entities.iter().map(|e| (e.id.as_str(), e)).collect(),
            quantities: p.quantities.iter().map(|q| (q.id.as_str(), q)).collect(),
            dates: p.dates.iter().map(|d| (d.id.as_str(), d)).collect(),
            documents: p.documents.iter().map(|d| (d.id.as_str(), d)).collect(),
        }
    }
}

/// The date part of an ISO date or date-time (`2022-01-06T10:00:00Z` → `2022-01-06`).
fn date_part(s: &str) -> &str {
    let s = s.trim();
    match s.find(['T', ' ']) {
        Some(i) => &s[..i],
        None => s,
    }
}

fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
    }
}

fn mode_name(m: Mode) -> &'static str {
    match m {
        Mode::Asserted => "asserted",
        Mode::Reported => "reported",
        Mode::Claimed => "claimed",
        Mode::Hypothetical => "hypothetical",
        Mode::Negated => "negated",
    }
}

fn type_name(t: EntityType) -> &'static str {
    match t {
        EntityType::Per => "PER",
        EntityType::Org => "ORG",
        EntityType::Gpe => "GPE",
        EntityType::Loc => "LOC",
        EntityType::Norp => "NORP",
        EntityType::Misc => "MISC",
    }
}

/// Display name: Arabic, then English in parentheses when known.
fn display_name(e: &Entity, out: &mut String) {
    out.push_str(&e.name.ar);
    if let Some(en) = e.name.en.as_deref().filter(|en| !en.is_empty()) {
        out.push_str(" (");
        out.push_str(en);
        out.push(')');
    }
}

/// Names, ids and Wikidata ids of a list of actors, each `;`-joined.
fn actor_cells(ids: &[String], ix: &Index<'_>) -> [Cell; 3] {
    let mut names = String::new();
    let mut kbs = String::new();
    for id in ids {
        let Some(e) = ix.entities.get(id.as_str()) else {
            continue;
        };
        if !names.is_empty() {
            names.push(';');
        }
        display_name(e, &mut names);
        if let Some(kb) = e.kb.as_deref() {
            if !kbs.is_empty() {
                kbs.push(';');
            }
            kbs.push_str(kb);
        }
    }
    [
        Cell::text_or_null(names),
        Cell::text_or_null(ids.join(";")),
        Cell::text_or_null(kbs),
    ]
}

/// Formats a figure without a spurious `.0` (`164`, `2.5`).
fn push_number(v: f64, out: &mut String) {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e15 {
        let _ = write!(out, "{}", v as i64);
    } else {
        let _ = write!(out, "{v}");
    }
}

/// Units that count people. A figure of kind `killed` counted in `USD`, `year` or `km` is a
/// mis-typed figure (seen in news corpora: "مليارات الدولارات" next to a killing word), so only
/// these, or no unit at all, go into the fatalities/injured/arrested/troops columns.
pub const PEOPLE_UNITS: &[&str] = &[
    "person",
    "people",
    "soldier",
    "fighter",
    "member",
    "civilian",
    "child",
    "woman",
    "officer",
    "police officer",
    "body",
    "case",
];

fn counts_people(unit: Option<&str>) -> bool {
    unit.is_none_or(|u| PEOPLE_UNITS.contains(&u))
}

fn bound_prefix(b: Bound) -> &'static str {
    match b {
        Bound::Exact => "",
        Bound::About => "~",
        Bound::MoreThan => ">",
        Bound::LessThan => "<",
    }
}

/// Rounds a count to an integer cell; null when there is nothing or it is not a number.
fn count_cell(sum: Option<f64>) -> Cell {
    match sum {
        Some(v) if v.is_finite() && v.abs() < 9.0e15 => Cell::Int(v.round() as i64),
        _ => Cell::Null,
    }
}

/// Distinct non-empty items in first-seen order. Runs of the same item (a document's mentions
/// come together) are skipped without hashing.
fn unique<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut out: Vec<&str> = Vec::new();
    let mut prev: Option<&str> = None;
    for s in items {
        if s.is_empty() || prev == Some(s) {
            continue;
        }
        prev = Some(s);
        if seen.insert(s) {
            out.push(s);
        }
    }
    out
}

fn join_unique<'a>(items: impl Iterator<Item = &'a str>) -> String {
    unique(items).join(";")
}

fn event_row(ev: &Event, ix: &Index<'_>) -> Vec<Cell> {
    let mut row = Vec::with_capacity(EVENT_COLUMNS.len());
    row.push(Cell::Text(ev.id.clone()));

    // Date: the event's own date mention, else the publication date of its first telling.
    let mention = ev.date.as_deref().and_then(|d| ix.dates.get(d));
    let published = || {
        ev.evidence
            .iter()
            .filter_map(|e| ix.documents.get(e.doc.as_str()))
            .find_map(|d| d.published.as_deref())
            .map(date_part)
            .filter(|s| !s.is_empty())
    };
    match (mention, published()) {
        (Some(d), _) => {
            row.push(Cell::Text(d.value.clone()));
            row.push(Cell::Text(precision_name(d.precision).into()));
            row.push(Cell::Text("text".into()));
        }
        (None, Some(p)) => {
            let precision = match p.len() {
                10 => "day",
                7 => "month",
                4 => "year",
                _ => "",
            };
            row.push(Cell::Text(p.to_string()));
            row.push(Cell::opt(Some(precision)));
            row.push(Cell::Text("published".into()));
        }
        (None, None) => row.extend([Cell::Null, Cell::Null, Cell::Null]),
    }

    row.push(Cell::Text(ev.kind.clone()));
    row.push(Cell::opt(ev.subtype.as_deref()));
    row.push(Cell::Text(mode_name(ev.mode).into()));
    row.extend(actor_cells(&ev.sources, ix));
    row.extend(actor_cells(&ev.targets, ix));

    match ev.location.as_deref() {
        Some(id) => {
            let e = ix.entities.get(id);
            let mut name = String::new();
            if let Some(e) = e {
                display_name(e, &mut name);
            }
            row.push(Cell::text_or_null(name));
            row.push(Cell::Text(id.to_string()));
            row.push(Cell::opt(e.and_then(|e| e.kb.as_deref())));
        }
        None => row.extend([Cell::Null, Cell::Null, Cell::Null]),
    }

    // Counts add up within one document (killed in two cities); across documents they are
    // competing reports of the same toll, so the largest document total is taken, not the sum.
    let mut per_doc: Vec<(usize, &str, f64)> = Vec::new();
    let mut figures = String::new();
    for q in ev
        .quantities
        .iter()
        .filter_map(|q| ix.quantities.get(q.as_str()))
    {
        let slot = match q.kind.as_str() {
            "killed" => Some(0),
            "injured" => Some(1),
            "arrested" => Some(2),
            "troops" => Some(3),
            _ => None,
        };
        if let Some(i) = slot.filter(|_| counts_people(q.unit.as_deref())) {
            let doc = q.evidence.first().map_or("", |e| e.doc.as_str());
            match per_doc.iter_mut().find(|(s, d, _)| *s == i && *d == doc) {
                Some(entry) => entry.2 += q.value,
                None => per_doc.push((i, doc, q.value)),
            }
        }
        if !figures.is_empty() {
            figures.push(';');
        }
        figures.push_str(bound_prefix(q.bound));
        push_number(q.value, &mut figures);
        figures.push(' ');
        figures.push_str(&q.kind);
    }
    let mut totals: [Option<f64>; 4] = [None; 4];
    for (i, _, v) in per_doc {
        totals[i] = Some(totals[i].map_or(v, |t: f64| t.max(v)));
    }
    row.extend(totals.map(count_cell));
    row.push(Cell::text_or_null(figures));

    let docs: Vec<&Document> = {
        let mut seen = HashSet::new();
        ev.evidence
            .iter()
            .filter(|e| seen.insert(e.doc.as_str()))
            .filter_map(|e| ix.documents.get(e.doc.as_str()).copied())
            .collect()
    };
    row.push(Cell::text_or_null(join_unique(
        ev.evidence.iter().map(|e| e.doc.as_str()),
    )));
    row.push(Cell::text_or_null(join_unique(
        docs.iter().filter_map(|d| d.outlet.as_deref()),
    )));
    row.push(Cell::text_or_null(join_unique(
        docs.iter().map(|d| d.source.as_str()),
    )));

    match ev.evidence.first() {
        Some(e) => {
            row.push(Cell::Text(e.text.clone()));
            row.push(Cell::Text(e.doc.clone()));
            row.push(Cell::Int(e.start as i64));
            row.push(Cell::Int(e.end as i64));
        }
        None => row.extend([Cell::Null, Cell::Null, Cell::Null, Cell::Null]),
    }
    debug_assert_eq!(row.len(), EVENT_COLUMNS.len());
    row
}

/// The events table: one row per event, in picture order.
pub(crate) fn events(p: &Picture) -> Table {
    let ix = Index::new(p);
    Table {
        columns: EVENT_COLUMNS,
        rows: p.events.iter().map(|e| event_row(e, &ix)).collect(),
    }
}

fn entity_row(e: &Entity, ix: &Index<'_>) -> Vec<Cell> {
    let mut row = Vec::with_capacity(ENTITY_COLUMNS.len());
    row.push(Cell::Text(e.id.clone()));
    row.push(Cell::opt(e.kb.as_deref()));
    row.push(Cell::Text(type_name(e.kind).into()));
    row.push(Cell::Text(e.name.ar.clone()));
    row.push(Cell::opt(e.name.en.as_deref()));
    row.push(Cell::text_or_null(join_unique(
        e.aliases.iter().map(String::as_str),
    )));
    row.push(Cell::Int(e.mentions.len() as i64));
    let docs = unique(e.mentions.iter().map(|m| m.evidence.doc.as_str()));
    row.push(Cell::text_or_null(docs.join(";")));
    // ISO dates of equal precision compare correctly as strings.
    let mut first: Option<&str> = None;
    let mut last: Option<&str> = None;
    for d in docs.iter().filter_map(|id| {
        ix.documents
            .get(id)
            .and_then(|d| d.published.as_deref())
            .map(date_part)
            .filter(|d| !d.is_empty())
    }) {
        if first.is_none_or(|f| d < f) {
            first = Some(d);
        }
        if last.is_none_or(|l| d > l) {
            last = Some(d);
        }
    }
    row.push(Cell::opt(first));
    row.push(Cell::opt(last));
    debug_assert_eq!(row.len(), ENTITY_COLUMNS.len());
    row
}

/// The entities table: one row per entity, in picture order.
pub(crate) fn entities(p: &Picture) -> Table {
    let ix = Index::new(p);
    Table {
        columns: ENTITY_COLUMNS,
        rows: p.entities.iter().map(|e| entity_row(e, &ix)).collect(),
    }
}

/// Writes a table as RFC 4180 CSV (CRLF line ends, quotes only where needed), header first.
pub(crate) fn write_csv(
    t: &Table,
    w: &mut dyn Write,
    options: &ExportOptions,
) -> Result<(), ExportError> {
    if options.csv_bom {
        w.write_all("\u{feff}".as_bytes())?;
    }
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(w);
    out.write_record(t.columns.iter().map(|c| c.name))?;
    let mut num = String::new();
    for row in &t.rows {
        for cell in row {
            match cell {
                Cell::Null => out.write_field("")?,
                Cell::Text(s) => out.write_field(s)?,
                Cell::Int(i) => {
                    num.clear();
                    let _ = write!(num, "{i}");
                    out.write_field(&num)?;
                }
            }
        }
        out.write_record(None::<&[u8]>)?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_picture::{Evidence, Mention, MentionForm, Name};

    const TEXT: &str = "وأعلن الرئيس الكازاخستاني قاسم جومرت توكاييف اعتقال 4266 شخصاً في ألماتي";

    fn ev(needle: &str) -> Evidence {
        let start = TEXT.find(needle).unwrap();
        Evidence::new("doc1", TEXT, start, start + needle.len()).unwrap()
    }

    fn entity(id: &str, ar: &str, en: Option<&str>, kb: Option<&str>, t: EntityType) -> Entity {
        Entity {
            id: id.into(),
            kb: kb.map(Into::into),
            kind: t,
            name: Name {
                ar: ar.into(),
                en: en.map(Into::into),
            },
            aliases: vec![ar.into()],
            mentions: vec![Mention {
                evidence: ev(ar),
                form: MentionForm::Name,
            }],
        }
    }

    fn picture() -> Picture {
        let mut p = Picture::new();
        p.documents.push(Document {
            id: "doc1".into(),
            source: "https://example.org/a".into(),
            outlet: Some("aljazeera".into()),
            published: Some("2022-01-08T09:30:00Z".into()),
            ..Document::default()
        });
        p.entities.push(entity(
            "e1",
            "قاسم جومرت توكاييف",
            Some("Kassym-Jomart Tokayev"),
            Some("Q1373400"),
            EntityType::Per,
        ));
        p.entities
            .push(entity("e2", "ألماتي", None, None, EntityType::Gpe));
        p.quantities.push(Quantity {
            id: "q1".into(),
            value: 4266.0,
            unit: Some("person".into()),
            kind: "arrested".into(),
            bound: Bound::Exact,
            about: vec![],
            evidence: vec![ev("4266 شخصاً")],
        });
        p.events.push(Event {
            id: "ev1".into(),
            kind: "COERCE".into(),
            subtype: Some("arrest".into()),
            mode: Mode::Reported,
            sources: vec!["e1".into()],
            targets: vec![],
            location: Some("e2".into()),
            date: None,
            quantities: vec!["q1".into()],
            evidence: vec![ev("اعتقال 4266 شخصاً")],
        });
        p
    }

    fn col(t: &Table, name: &str) -> usize {
        t.columns.iter().position(|c| c.name == name).unwrap()
    }

    #[test]
    fn event_row_takes_names_sums_and_publication_date() {
        let p = picture();
        let t = events(&p);
        let r = &t.rows[0];
        assert_eq!(
            r[col(&t, "source_actor")],
            Cell::Text("قاسم جومرت توكاييف (Kassym-Jomart Tokayev)".into())
        );
        assert_eq!(r[col(&t, "source_actor_kb")], Cell::Text("Q1373400".into()));
        assert_eq!(r[col(&t, "target_actor")], Cell::Null);
        assert_eq!(r[col(&t, "location")], Cell::Text("ألماتي".into()));
        assert_eq!(r[col(&t, "location_kb")], Cell::Null);
        assert_eq!(r[col(&t, "arrested")], Cell::Int(4266));
        assert_eq!(r[col(&t, "fatalities")], Cell::Null);
        assert_eq!(r[col(&t, "figures")], Cell::Text("4266 arrested".into()));
        assert_eq!(r[col(&t, "date")], Cell::Text("2022-01-08".into()));
        assert_eq!(r[col(&t, "date_source")], Cell::Text("published".into()));
        assert_eq!(
            r[col(&t, "evidence")],
            Cell::Text("اعتقال 4266 شخصاً".into())
        );
        let start = TEXT.find("اعتقال").unwrap() as i64;
        assert_eq!(r[col(&t, "evidence_start")], Cell::Int(start));
        assert_eq!(
            r[col(&t, "source_url")],
            Cell::Text("https://example.org/a".into())
        );
    }

    #[test]
    fn counts_add_within_a_document_and_take_the_largest_across_documents() {
        let mut p = picture();
        let mut q2 = p.quantities[0].clone();
        q2.id = "q2".into();
        q2.value = 100.0;
        let mut q3 = p.quantities[0].clone();
        q3.id = "q3".into();
        q3.value = 5000.0;
        q3.evidence[0].doc = "doc2".into();
        p.quantities.extend([q2, q3]);
        p.events[0].quantities = vec!["q1".into(), "q2".into(), "q3".into()];
        let t = events(&p);
        // doc1 says 4266 + 100, doc2 says 5000: the larger report wins.
        assert_eq!(t.rows[0][col(&t, "arrested")], Cell::Int(5000));
        p.events[0].quantities.pop();
        let t = events(&p);
        assert_eq!(t.rows[0][col(&t, "arrested")], Cell::Int(4366));
        assert_eq!(
            t.rows[0][col(&t, "figures")],
            Cell::Text("4266 arrested;100 arrested".into())
        );
    }

    #[test]
    fn figures_not_counted_in_people_stay_out_of_the_counts() {
        let mut p = picture();
        let mut money = p.quantities[0].clone();
        money.id = "q2".into();
        money.value = 1e9;
        money.unit = Some("USD".into());
        money.kind = "killed".into();
        p.quantities.push(money);
        p.events[0].quantities.push("q2".into());
        let t = events(&p);
        assert_eq!(t.rows[0][col(&t, "fatalities")], Cell::Null);
        assert_eq!(t.rows[0][col(&t, "arrested")], Cell::Int(4266));
        // Still listed among the figures, for the reader to judge.
        assert_eq!(
            t.rows[0][col(&t, "figures")],
            Cell::Text("4266 arrested;1000000000 killed".into())
        );
    }

    #[test]
    fn event_date_mention_wins_over_publication() {
        let mut p = picture();
        p.dates.push(DateMention {
            id: "d1".into(),
            value: "2022-01-05".into(),
            precision: Precision::Day,
            anchor: None,
            evidence: vec![],
        });
        p.events[0].date = Some("d1".into());
        let t = events(&p);
        assert_eq!(t.rows[0][col(&t, "date")], Cell::Text("2022-01-05".into()));
        assert_eq!(t.rows[0][col(&t, "date_source")], Cell::Text("text".into()));
    }

    #[test]
    fn entity_rows_and_csv_with_bom() {
        let p = picture();
        let t = entities(&p);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(
            t.rows[0][col(&t, "first_seen")],
            Cell::Text("2022-01-08".into())
        );
        assert_eq!(t.rows[0][col(&t, "mentions")], Cell::Int(1));
        let mut out = Vec::new();
        write_csv(&t, &mut out, &ExportOptions { csv_bom: true }).unwrap();
        assert!(out.starts_with("\u{feff}entity_id,kb,type".as_bytes()));
        assert!(out.windows(2).any(|w| w == b"\r\n"));
        let mut out = Vec::new();
        write_csv(&t, &mut out, &ExportOptions { csv_bom: false }).unwrap();
        assert!(out.starts_with(b"entity_id,"));
    }

    #[test]
    fn numbers_have_no_spurious_fraction() {
        let mut s = String::new();
        push_number(18_600_000.0, &mut s);
        s.push(' ');
        push_number(2.5, &mut s);
        assert_eq!(s, "18600000 2.5");
        assert_eq!(count_cell(Some(f64::NAN)), Cell::Null);
        assert_eq!(count_cell(Some(3.0)), Cell::Int(3));
    }
}
