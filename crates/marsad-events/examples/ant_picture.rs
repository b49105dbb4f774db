//! The whole pipeline over news files (what `marsad analyze --format json` does), written as a
//! picture JSON: the events engineer's way to measure cross-outlet merges and disagreements on
//! the ANT corpus without building the CLI and its store.
//!
//! `cargo run --release -p marsad-events --example ant_picture -- <jsonl or dir>... --out p.json`
//!
//! Prints event, multi-document, multi-outlet and disagreement counts on stderr.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use marsad_core::{analyze, AnalyzeOptions};
use marsad_ingest::{read_paths, IngestOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let out = args
        .iter()
        .position(|a| a == "--out")
        .and_then(|p| args.get(p + 1).cloned())
        .unwrap_or_else(|| "picture.json".to_string());
    let paths: Vec<PathBuf> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--out"))
        .map(|(_, a)| PathBuf::from(a))
        .collect();
    let (docs, errs) = read_paths(&paths, &IngestOptions::default());
    if docs.is_empty() {
        return Err(format!("no documents read ({} errors)", errs.len()).into());
    }
    let (pic, _) = analyze(&docs, &AnalyzeOptions::default());
    std::fs::write(&out, serde_json::to_vec(&pic)?)?;
    let outlet: BTreeMap<&str, Option<&str>> = pic
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d.outlet.as_deref()))
        .collect();
    let multi_doc = pic
        .events
        .iter()
        .filter(|e| {
            e.evidence
                .iter()
                .map(|x| &x.doc)
                .collect::<HashSet<_>>()
                .len()
                > 1
        })
        .count();
    let multi_outlet = pic
        .events
        .iter()
        .filter(|e| {
            e.evidence
                .iter()
                .map(|x| outlet.get(x.doc.as_str()).copied().flatten())
                .collect::<HashSet<_>>()
                .len()
                > 1
        })
        .count();
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for d in &pic.disagreements {
        let k = d
            .topic
            .split([':', ' '])
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        *kinds.entry(k).or_default() += 1;
    }
    eprintln!(
        "documents {}  events {}  multi-document {multi_doc}  multi-outlet {multi_outlet}  claims {}  relations {}  disagreements {} {kinds:?}",
        pic.documents.len(),
        pic.events.len(),
        pic.claims.len(),
        pic.relations.len(),
        pic.disagreements.len()
    );
    Ok(())
}
