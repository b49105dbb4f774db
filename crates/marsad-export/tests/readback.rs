//! Every format of the sample corpus picture, read back with a real reader: serde_json for JSONL,
//! the csv crate for CSV, roxmltree for GraphML, the parquet crate's reader for Parquet (and
//! pyarrow or DuckDB when installed).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use marsad_core::{analyze, AnalyzeOptions};
use marsad_export::{ExportOptions, Format, ENTITY_COLUMNS, EVENT_COLUMNS};
use marsad_ingest::{read_paths, IngestOptions};
use marsad_picture::Picture;
use parquet::basic::Type as PhysicalType;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::RowAccessor;

struct Sample {
    picture: Picture,
    texts: HashMap<String, String>,
}

/// The picture of the five sample articles, analysed once for all tests.
fn sample() -> &'static Sample {
    static SAMPLE: OnceLock<Sample> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/kazakhstan-2022");
        let (docs, errors) = read_paths(&[dir], &IngestOptions::default());
        assert!(errors.is_empty(), "ingest errors: {errors:?}");
        let texts = docs
            .iter()
            .map(|d| (d.id.clone(), d.text.clone()))
            .collect();
        let (picture, _) = analyze(&docs, &AnalyzeOptions::default());
        assert!(!picture.events.is_empty() && !picture.entities.is_empty());
        Sample { picture, texts }
    })
}

fn export(f: Format) -> Vec<u8> {
    let mut out = Vec::new();
    f.write(&sample().picture, &mut out).unwrap();
    out
}

fn name_of(p: &Picture, id: &str) -> String {
    let e = p.entities.iter().find(|e| e.id == id).unwrap();
    match &e.name.en {
        Some(en) => format!("{} ({en})", e.name.ar),
        None => e.name.ar.clone(),
    }
}

#[test]
fn jsonl_lines_parse_and_counts_match() {
    let p = &sample().picture;
    let out = String::from_utf8(export(Format::Jsonl)).unwrap();
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut lines = out.lines();
    let head: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(head["record"], "schema");
    assert_eq!(head["schema"], marsad_picture::SCHEMA);
    let mut events = Vec::new();
    for line in lines {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let record = v["record"].as_str().unwrap().to_string();
        if record == "event" {
            events.push(serde_json::from_value::<marsad_picture::Event>(v).unwrap());
        }
        *counts.entry(record).or_default() += 1;
    }
    let expected = [
        ("document", "documents", p.documents.len()),
        ("entity", "entities", p.entities.len()),
        ("relation", "relations", p.relations.len()),
        ("event", "events", p.events.len()),
        ("quantity", "quantities", p.quantities.len()),
        ("date", "dates", p.dates.len()),
        ("claim", "claims", p.claims.len()),
        ("disagreement", "disagreements", p.disagreements.len()),
    ];
    for (record, plural, n) in expected {
        assert_eq!(counts.get(record).copied().unwrap_or(0), n, "{record}");
        assert_eq!(head["counts"][plural], n, "{plural}");
    }
    assert_eq!(events, p.events);
}

fn read_csv(bytes: &[u8]) -> (Vec<String>, Vec<csv::StringRecord>) {
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "default CSV has a BOM"
    );
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r.records().map(Result::unwrap).collect();
    (header, rows)
}

#[test]
fn events_csv_rows_carry_actors_dates_and_exact_evidence() {
    let s = sample();
    let p = &s.picture;
    let (header, rows) = read_csv(&export(Format::EventsCsv));
    let names: Vec<&str> = EVENT_COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(header, names);
    assert_eq!(rows.len(), p.events.len());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let mut with_source = 0;
    let mut with_figure = 0;
    for (ev, row) in p.events.iter().zip(&rows) {
        assert_eq!(&row[col("event_id")], ev.id);
        assert_eq!(&row[col("event_type")], ev.kind);
        assert_eq!(&row[col("source_actor_ids")], ev.sources.join(";"));
        let expected: Vec<String> = ev.sources.iter().map(|id| name_of(p, id)).collect();
        assert_eq!(&row[col("source_actor")], expected.join(";"));
        if !ev.sources.is_empty() {
            with_source += 1;
        }
        let targets: Vec<String> = ev.targets.iter().map(|id| name_of(p, id)).collect();
        assert_eq!(&row[col("target_actor")], targets.join(";"));
        // Evidence text is exactly the bytes it points at in the document.
        let first = &ev.evidence[0];
        assert_eq!(&row[col("evidence")], first.text);
        let doc = &row[col("evidence_doc")];
        let start: usize = row[col("evidence_start")].parse().unwrap();
        let end: usize = row[col("evidence_end")].parse().unwrap();
        assert_eq!(&s.texts[doc][start..end], &row[col("evidence")]);
        // Every event has a date: its own, or the publication date of its document.
        let date = &row[col("date")];
        let from_text = ev
            .date
            .as_ref()
            .map(|d| p.dates.iter().find(|m| &m.id == d).unwrap().value.clone());
        match from_text {
            Some(v) => assert_eq!(date, v),
            None => {
                let published = p
                    .documents
                    .iter()
                    .find(|d| d.id == first.doc)
                    .and_then(|d| d.published.clone());
                assert_eq!(published.is_some(), !date.is_empty());
            }
        }
        // Fatalities: killed figures summed per document, the largest document total.
        let mut killed: HashMap<&str, f64> = HashMap::new();
        for q in ev
            .quantities
            .iter()
            .filter_map(|q| p.quantities.iter().find(|x| &x.id == q))
            .filter(|q| q.kind == "killed")
            .filter(|q| {
                q.unit
                    .as_deref()
                    .is_none_or(|u| marsad_export::PEOPLE_UNITS.contains(&u))
            })
        {
            *killed.entry(&q.evidence[0].doc).or_default() += q.value;
        }
        let fatalities = &row[col("fatalities")];
        match killed.values().copied().reduce(f64::max) {
            None => assert_eq!(fatalities, ""),
            Some(k) => assert_eq!(fatalities.parse::<f64>().unwrap(), k.round()),
        }
        if !row[col("figures")].is_empty() {
            with_figure += 1;
        }
    }
    assert!(
        with_source > 0,
        "no event with a source actor in the sample"
    );
    assert!(with_figure > 0, "no event with a figure in the sample");
}

#[test]
fn entities_csv_rows_match_entities() {
    let p = &sample().picture;
    let (header, rows) = read_csv(&export(Format::EntitiesCsv));
    let names: Vec<&str> = ENTITY_COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(header, names);
    assert_eq!(rows.len(), p.entities.len());
    for (e, row) in p.entities.iter().zip(&rows) {
        assert_eq!(&row[0], e.id);
        assert_eq!(&row[1], e.kb.as_deref().unwrap_or(""));
        assert_eq!(&row[3], e.name.ar);
        assert_eq!(&row[4], e.name.en.as_deref().unwrap_or(""));
        assert_eq!(row[6].parse::<usize>().unwrap(), e.mentions.len());
        let first_doc = &e.mentions[0].evidence.doc;
        assert_eq!(row[7].split(';').next().unwrap(), first_doc);
        assert!(row[8] <= row[9], "first_seen after last_seen");
    }
}

#[test]
fn csv_without_bom_on_request() {
    let mut out = Vec::new();
    Format::EntitiesCsv
        .write_with(
            &sample().picture,
            &mut out,
            &ExportOptions { csv_bom: false },
        )
        .unwrap();
    assert!(out.starts_with(b"entity_id,"));
}

#[test]
fn graphml_parses_with_declared_keys_and_closed_edges() {
    let p = &sample().picture;
    let out = String::from_utf8(export(Format::Graphml)).unwrap();
    let doc = roxmltree::Document::parse(&out).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "graphml");
    let keys: HashMap<&str, &str> = root
        .children()
        .filter(|n| n.has_tag_name("key"))
        .map(|k| (k.attribute("id").unwrap(), k.attribute("for").unwrap()))
        .collect();
    let graph = root.children().find(|n| n.has_tag_name("graph")).unwrap();
    assert_eq!(graph.attribute("edgedefault"), Some("directed"));
    let nodes: Vec<_> = graph
        .children()
        .filter(|n| n.has_tag_name("node"))
        .collect();
    let edges: Vec<_> = graph
        .children()
        .filter(|n| n.has_tag_name("edge"))
        .collect();
    assert_eq!(nodes.len(), p.entities.len());
    let ids: HashSet<&str> = nodes.iter().map(|n| n.attribute("id").unwrap()).collect();
    assert_eq!(ids.len(), nodes.len(), "node ids are unique");
    for (n, e) in nodes.iter().zip(&p.entities) {
        let name = n
            .children()
            .find(|d| d.attribute("key") == Some("name_ar"))
            .and_then(|d| d.text());
        assert_eq!(name, Some(e.name.ar.as_str()));
    }
    assert!(!edges.is_empty(), "the sample has relations or events");
    let mut relation_count = 0;
    for e in &edges {
        assert!(ids.contains(e.attribute("source").unwrap()));
        assert!(ids.contains(e.attribute("target").unwrap()));
        let data = |k: &str| {
            e.children()
                .find(|d| d.attribute("key") == Some(k))
                .and_then(|d| d.text())
                .unwrap()
        };
        if data("kind") == "relation" {
            relation_count += data("count").parse::<usize>().unwrap();
        }
    }
    assert_eq!(relation_count, p.relations.len());
    for d in doc.descendants().filter(|n| n.has_tag_name("data")) {
        let key = d.attribute("key").unwrap();
        let parent = d.parent_element().unwrap().tag_name().name();
        assert_eq!(
            keys.get(key),
            Some(&parent),
            "key {key} declared for {parent}"
        );
    }
}

fn parquet_reader(f: Format) -> SerializedFileReader<bytes::Bytes> {
    SerializedFileReader::new(bytes::Bytes::from(export(f))).unwrap()
}

#[test]
fn events_parquet_reads_back_with_types() {
    let p = &sample().picture;
    let reader = parquet_reader(Format::EventsParquet);
    let meta = reader.metadata().file_metadata();
    assert_eq!(meta.num_rows() as usize, p.events.len());
    let schema = meta.schema_descr();
    let cols: Vec<(&str, PhysicalType)> = schema
        .columns()
        .iter()
        .map(|c| (c.name(), c.physical_type()))
        .collect();
    assert_eq!(cols.len(), EVENT_COLUMNS.len());
    for ((name, ty), c) in cols.iter().zip(EVENT_COLUMNS) {
        assert_eq!(*name, c.name);
        let expected = match c.ty {
            marsad_export::ColumnType::Text => PhysicalType::BYTE_ARRAY,
            marsad_export::ColumnType::Int64 => PhysicalType::INT64,
        };
        assert_eq!(*ty, expected, "{name}");
    }
    let evidence = EVENT_COLUMNS
        .iter()
        .position(|c| c.name == "evidence")
        .unwrap();
    let start = EVENT_COLUMNS
        .iter()
        .position(|c| c.name == "evidence_start")
        .unwrap();
    let rows: Vec<_> = reader
        .get_row_iter(None)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), p.events.len());
    for (row, ev) in rows.iter().zip(&p.events) {
        assert_eq!(row.get_string(0).unwrap(), &ev.id);
        assert_eq!(row.get_string(evidence).unwrap(), &ev.evidence[0].text);
        assert_eq!(row.get_long(start).unwrap(), ev.evidence[0].start as i64);
    }
}

#[test]
fn entities_parquet_reads_back_with_counts() {
    let p = &sample().picture;
    let reader = parquet_reader(Format::EntitiesParquet);
    assert_eq!(
        reader.metadata().file_metadata().num_rows() as usize,
        p.entities.len()
    );
    let mentions = ENTITY_COLUMNS
        .iter()
        .position(|c| c.name == "mentions")
        .unwrap();
    for (row, e) in reader.get_row_iter(None).unwrap().zip(&p.entities) {
        let row = row.unwrap();
        assert_eq!(row.get_string(3).unwrap(), &e.name.ar);
        assert_eq!(row.get_long(mentions).unwrap(), e.mentions.len() as i64);
    }
}

/// Runs `python3 -c script path`; `None` when python3 or the module is missing.
fn python(module: &str, script: &str, path: &Path) -> Option<String> {
    let ok = std::process::Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .ok()?
        .status
        .success();
    if !ok {
        return None;
    }
    let out = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "{module} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn parquet_opens_in_pyarrow_or_duckdb_when_installed() {
    let p = &sample().picture;
    let dir = std::env::temp_dir().join(format!("marsad-export-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path: PathBuf = dir.join("events.parquet");
    std::fs::write(&path, export(Format::EventsParquet)).unwrap();
    let checks = [
        (
            "pyarrow",
            "import sys, pyarrow.parquet as pq; t = pq.read_table(sys.argv[1]); \
             print(t.num_rows, t.schema.field('fatalities').type, t.column('event_id')[0])",
        ),
        (
            "duckdb",
            "import sys, duckdb; r = duckdb.sql(f\"SELECT count(*), typeof(any_value(fatalities)), \
             first(event_id) FROM '{sys.argv[1]}'\").fetchall()[0]; print(*r)",
        ),
    ];
    let mut ran = 0;
    for (module, script) in checks {
        let Some(out) = python(module, script, &path) else {
            eprintln!("{module} not installed: skipped");
            continue;
        };
        ran += 1;
        let mut fields = out.split_whitespace();
        assert_eq!(
            fields.next().unwrap().parse::<usize>().unwrap(),
            p.events.len()
        );
        assert_eq!(
            fields.next().unwrap().to_ascii_lowercase(),
            if module == "duckdb" {
                "bigint"
            } else {
                "int64"
            }
        );
        assert_eq!(fields.next().unwrap(), p.events[0].id);
    }
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!("external Parquet readers run: {ran}");
}
