//! Tagging throughput on one core: `cargo bench -p marsad-ner` (divan prints items = tokens/s).

use divan::counter::ItemsCount;
use divan::Bencher;
use marsad_ner::{tokenize, Tagger};

fn main() {
    divan::main();
}

fn corpus() -> String {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/kazakhstan-2022"
    );
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("sample corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

#[divan::bench]
fn tag_pretokenised_sentences(b: Bencher) {
    let tagger = Tagger::shipped().unwrap();
    let text = corpus();
    let sents: Vec<Vec<&str>> = text
        .split(['.', '\n'])
        .map(|s| {
            tokenize(s)
                .into_iter()
                .map(|(a, e)| &s[a..e])
                .collect::<Vec<_>>()
        })
        .filter(|v: &Vec<&str>| !v.is_empty())
        .collect();
    let n: usize = sents.iter().map(Vec::len).sum();
    b.counter(ItemsCount::new(n)).bench(|| {
        for s in &sents {
            divan::black_box(tagger.tag(s));
        }
    });
}

#[divan::bench]
fn entities_raw_text(b: Bencher) {
    let tagger = Tagger::shipped().unwrap();
    let text = corpus();
    let n = tokenize(&text).len();
    b.counter(ItemsCount::new(n))
        .bench(|| divan::black_box(tagger.entities(&text)));
}
