//! Throughput of normalise, tokenize and sentences over the sample corpus.
//!
//! Run: `cargo bench -p marsad-text --bench text`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use marsad_text::{
    segment, sentences, tokenize, CommonWords, NormalizeOptions, Normalized, TokenKind,
};
use std::hint::black_box;

const CORPUS: [&str; 5] = [
    include_str!("../../../examples/kazakhstan-2022/000_06c48e6e3a04ee1d.txt"),
    include_str!("../../../examples/kazakhstan-2022/001_b869f9608b7549f6.txt"),
    include_str!("../../../examples/kazakhstan-2022/002_bcef1e2ff6c2592e.txt"),
    include_str!("../../../examples/kazakhstan-2022/003_56a20f09cefd383e.txt"),
    include_str!("../../../examples/kazakhstan-2022/004_81184fc5c9f9c216.txt"),
];

fn bench(c: &mut Criterion) {
    let bytes: usize = CORPUS.iter().map(|d| d.len()).sum();
    let mut g = c.benchmark_group("sample_corpus");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("normalize", |b| {
        b.iter(|| {
            for d in CORPUS {
                black_box(Normalized::new(black_box(d), NormalizeOptions::default()));
            }
        })
    });
    g.bench_function("tokenize", |b| {
        b.iter(|| {
            for d in CORPUS {
                black_box(tokenize(black_box(d)));
            }
        })
    });
    g.bench_function("sentences", |b| {
        b.iter(|| {
            for d in CORPUS {
                black_box(sentences(black_box(d)));
            }
        })
    });
    g.bench_function("normalize+tokenize+sentences", |b| {
        b.iter(|| {
            for d in CORPUS {
                black_box(Normalized::new(black_box(d), NormalizeOptions::default()));
                black_box(tokenize(d));
                black_box(sentences(d));
            }
        })
    });
    g.bench_function("tokenize+segment(CommonWords)", |b| {
        let lex = CommonWords;
        b.iter(|| {
            let mut n = 0;
            for d in CORPUS {
                for t in tokenize(d) {
                    if t.kind == TokenKind::Word {
                        n += segment(t.text(d), &lex).proclitics.len();
                    }
                }
            }
            black_box(n)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
