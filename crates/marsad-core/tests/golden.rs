//! Golden tests: the whole picture of a corpus, pinned as a snapshot (reviewed by eye once, then
//! compared on every run), through one helper so that adding a corpus is one line.
//!
//! To accept an intended change: `INSTA_UPDATE=always cargo test -p marsad-core --test golden`,
//! then review the diff of `tests/snapshots/` before committing.

use std::path::{Path, PathBuf};

use marsad_core::{analyze, AnalyzeOptions};
use marsad_ingest::{read_paths, IngestOptions};
use marsad_picture::{Evidence, Picture};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Analyses `dir`, checks the provenance invariant against the original files, and returns the picture.
fn picture_of(dir: &str) -> (Picture, Vec<(String, String)>) {
    let root = repo_root().join(dir);
    let (docs, errors) = read_paths(&[root], &IngestOptions::default());
    assert!(errors.is_empty(), "ingest errors: {errors:?}");
    let texts: Vec<(String, String)> = docs
        .iter()
        .map(|d| (d.id.clone(), d.text.clone()))
        .collect();
    let (mut picture, _diags) = analyze(&docs, &AnalyzeOptions::default());
    // Sources are paths: keep them relative to the checkout so the snapshot holds anywhere.
    for d in &mut picture.documents {
        if let Ok(rel) = Path::new(&d.source).strip_prefix(repo_root()) {
            d.source = rel.to_string_lossy().into_owned();
        }
    }
    (picture, texts)
}

fn all_evidence(p: &Picture) -> Vec<&Evidence> {
    let mut out: Vec<&Evidence> = Vec::new();
    out.extend(
        p.entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(|m| &m.evidence)),
    );
    out.extend(p.relations.iter().flat_map(|r| r.evidence.iter()));
    out.extend(p.events.iter().flat_map(|e| e.evidence.iter()));
    out.extend(p.quantities.iter().flat_map(|q| q.evidence.iter()));
    out.extend(p.dates.iter().flat_map(|d| d.evidence.iter()));
    out.extend(
        p.claims
            .iter()
            .flat_map(|c| c.evidence.iter().chain(std::iter::once(&c.content))),
    );
    out.extend(
        p.disagreements
            .iter()
            .flat_map(|d| d.positions.iter().flat_map(|p| p.evidence.iter())),
    );
    out
}

/// Asserts the provenance invariant: every evidence's text is exactly its bytes in the original
/// document, and every removed span is exactly its bytes too.
fn assert_provenance(p: &Picture, texts: &[(String, String)]) {
    let text_of = |doc: &str| {
        &texts
            .iter()
            .find(|(id, _)| id == doc)
            .unwrap_or_else(|| panic!("evidence names unknown document {doc}"))
            .1
    };
    for ev in all_evidence(p) {
        assert_eq!(
            text_of(&ev.doc).get(ev.start..ev.end),
            Some(ev.text.as_str()),
            "evidence {ev:?} does not match its bytes"
        );
    }
    for d in &p.documents {
        for r in &d.removed {
            assert_eq!(text_of(&d.id).get(r.start..r.end), Some(r.text.as_str()));
        }
    }
}

macro_rules! golden_picture {
    ($name:ident, $dir:expr) => {
        #[test]
        fn $name() {
            let (picture, texts) = picture_of($dir);
            assert_provenance(&picture, &texts);
            insta::assert_json_snapshot!(stringify!($name), picture);
        }
    };
}

golden_picture!(kazakhstan_2022, "examples/kazakhstan-2022");

/// The figures and dates the foundation issue names must all be present, with their evidence.
#[test]
fn sample_corpus_has_every_named_figure_and_date() {
    let (p, _) = picture_of("examples/kazakhstan-2022");
    let has_q = |value: f64, needle: &str| {
        p.quantities
            .iter()
            .any(|q| q.value == value && q.evidence.iter().any(|e| e.text.contains(needle)))
    };
    for (v, needle) in [
        (164.0, "164"),
        (2200.0, "2200"),
        (6000.0, "أكثر من 6000"),
        (2500.0, "2500"),
        (100000.0, "100000"),
        (20000.0, "20 ألف"),
        (18_600_000.0, "18 مليونا و600 ألف"),
        (11000.0, "11 ألف"),
        (1e10, "10 مليارات"),
        (19.0, "19 اتفاقية"),
        (19.0, "19%"),
    ] {
        assert!(has_q(v, needle), "missing figure {v} «{needle}»");
    }
    let has_d = |value: &str, needle: &str| {
        p.dates
            .iter()
            .any(|d| d.value == value && d.evidence.iter().any(|e| e.text.contains(needle)))
    };
    for (v, needle) in [
        ("2019", "٢٠١٩"),
        ("2022-01-08", "8 كانون الثاني 2022"),
        ("--01-02", "الثاني من يناير"),
        ("2021-12-22", "22 كانون الأول 2021"),
        ("2021-11", "تشرين الثاني 2021"),
        ("2001-09-11", "11 سبتمبر 2001"),
    ] {
        assert!(has_d(v, needle), "missing date {v} «{needle}»");
    }
}
