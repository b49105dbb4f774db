//! Reads inputs and prints counts (documents, errors by kind, warnings) and the time taken.
//! `cargo run --release -p marsad-ingest --example stats -- PATH...`
use std::collections::BTreeMap;

fn main() {
    let paths: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    let t = std::time::Instant::now();
    let (docs, errs) = marsad_ingest::read_paths(&paths, &marsad_ingest::IngestOptions::default());
    let secs = t.elapsed().as_secs_f64();
    let bytes: usize = docs.iter().map(|d| d.bytes).sum();
    let mut kinds = BTreeMap::new();
    for e in &errs {
        let k = format!("{e:?}");
        *kinds
            .entry(k.split([' ', '{']).next().unwrap_or("").to_string())
            .or_insert(0) += 1;
    }
    let with = |f: fn(&marsad_ingest::SourceDocument) -> bool| docs.iter().filter(|d| f(d)).count();
    println!("documents: {}", docs.len());
    println!("errors: {} {:?}", errs.len(), kinds);
    println!(
        "with title {}, outlet {}, author {}, published {}, warnings {}",
        with(|d| d.title.is_some()),
        with(|d| d.outlet.is_some()),
        with(|d| d.author.is_some()),
        with(|d| d.published.is_some()),
        with(|d| !d.warnings.is_empty())
    );
    println!(
        "input bytes: {bytes}; {secs:.2} s; {:.1} MB/s",
        bytes as f64 / 1e6 / secs
    );
    for e in errs.iter().take(5) {
        println!("  {e}");
    }
}
