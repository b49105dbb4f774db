//! Tripwire for the per-document analysis cache: stores keep each document's
//! [`marsad_core::analyze_document`] output and re-analyse only when
//! [`marsad_core::analyser_fingerprint`] changes. If the analysis of the sample corpus changes
//! while [`marsad_core::ANALYSIS_REVISION`] stays the same, stores would serve stale analyses, so
//! this test fails and says to bump the revision.
//!
//! After bumping (or on a first run): `MARSAD_UPDATE_REVISION=1 cargo test -p marsad-core --test analysis_revision`.

use std::fmt::Write as _;
use std::path::Path;

use marsad_core::{analyze_document, AnalyzeOptions, ANALYSIS_REVISION};
use marsad_ingest::{read_paths, IngestOptions};

/// FNV-1a over the canonical form of every per-document analysis of the sample corpus.
fn sample_digest() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/kazakhstan-2022");
    let (docs, errors) = read_paths(&[root], &IngestOptions::default());
    assert!(errors.is_empty(), "ingest errors: {errors:?}");
    assert!(!docs.is_empty());
    let mut canon = String::new();
    for d in &docs {
        let (a, _) = analyze_document(d, &AnalyzeOptions::default());
        let mut doc = a.document.clone();
        doc.source = String::new(); // the checkout's path is not part of the analysis
        writeln!(canon, "{}", serde_json::to_string(&doc).unwrap()).unwrap();
        writeln!(canon, "{}", serde_json::to_string(&a.quantities).unwrap()).unwrap();
        writeln!(canon, "{}", serde_json::to_string(&a.dates).unwrap()).unwrap();
        for c in &a.candidates {
            writeln!(canon, "{} {} {:?}", c.start, c.end, c.kind).unwrap();
        }
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in canon.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[test]
fn analysis_changes_bump_the_revision() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/analysis-revision.txt");
    let digest = sample_digest();
    let now = format!("revision {ANALYSIS_REVISION} sample {digest}\n");
    if std::env::var_os("MARSAD_UPDATE_REVISION").is_some() {
        std::fs::write(&file, &now).unwrap();
        return;
    }
    let recorded = std::fs::read_to_string(&file).unwrap_or_default();
    if recorded == now {
        return;
    }
    let recorded_revision = recorded
        .split_whitespace()
        .nth(1)
        .and_then(|r| r.parse::<u32>().ok());
    if recorded_revision == Some(ANALYSIS_REVISION) {
        panic!(
            "the per-document analysis of the sample corpus changed (recorded {recorded:?}, now {now:?}) \
             but ANALYSIS_REVISION is still {ANALYSIS_REVISION}: bump it in crates/marsad-core/src/lib.rs \
             so stores re-analyse, then run with MARSAD_UPDATE_REVISION=1"
        );
    }
    panic!(
        "ANALYSIS_REVISION is {ANALYSIS_REVISION} but {} records {recorded:?}: run with MARSAD_UPDATE_REVISION=1",
        file.display()
    );
}

#[test]
fn fingerprint_is_stable_and_positive() {
    let a = marsad_core::analyser_fingerprint();
    assert_eq!(a, marsad_core::analyser_fingerprint());
    assert!(a >= 0);
}
