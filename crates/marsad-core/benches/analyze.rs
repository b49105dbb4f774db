//! Throughput of the whole pipeline (`analyze`) on real news: the first 500 articles of the ANT
//! corpus when `../shared/data` is present, else the shipped sample corpus. Reports bytes/s;
//! documents/s is that divided by the mean document size printed at start.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use marsad_core::{analyze, AnalyzeOptions, SourceDocument};
use marsad_ingest::{parse_bytes, read_paths, IngestOptions, InputKind};

fn corpus() -> (String, Vec<SourceDocument>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let ant = root.join("../shared/data/ant_news/ant_multisource_politics_2018-02_to_06.jsonl");
    if let Ok(raw) = std::fs::read_to_string(&ant) {
        let head: String = raw.lines().take(500).flat_map(|l| [l, "\n"]).collect();
        let (docs, _) = parse_bytes(
            "ant_news",
            InputKind::Jsonl,
            head.as_bytes(),
            &IngestOptions::default(),
        );
        return ("ant_news[..500]".into(), docs);
    }
    let (docs, _) = read_paths(
        &[root.join("examples/kazakhstan-2022")],
        &IngestOptions::default(),
    );
    ("kazakhstan-2022".into(), docs)
}

fn bench(c: &mut Criterion) {
    let (name, docs) = corpus();
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    eprintln!(
        "{name}: {} documents, {bytes} bytes ({} bytes/document)",
        docs.len(),
        bytes / docs.len().max(1)
    );
    let mut g = c.benchmark_group("analyze");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function(&name, |b| {
        b.iter(|| analyze(&docs, &AnalyzeOptions::default()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
