//! Compares tagging speed of model files on the sample corpus, interleaving runs so that machine
//! load affects every model alike: `cargo run --release -p marsad-ner --example ner_speed -- A.bin B.bin`.

use marsad_ner::{tokenize, Tagger};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/kazakhstan-2022"
    );
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let docs: Vec<String> = files
        .iter()
        .map(std::fs::read_to_string)
        .collect::<Result<_, _>>()?;
    let tokens: usize = docs.iter().map(|d| tokenize(d).len()).sum();
    let mut taggers = Vec::new();
    for p in std::env::args().skip(1) {
        taggers.push((p.clone(), Tagger::load(&std::fs::read(&p)?)?));
    }
    if taggers.is_empty() {
        taggers.push(("shipped".into(), Tagger::shipped()?));
    }
    let mut best = vec![f64::INFINITY; taggers.len()];
    for _ in 0..30 {
        for (k, (_, t)) in taggers.iter().enumerate() {
            let t0 = Instant::now();
            let n: usize = docs.iter().map(|d| t.entities(d).len()).sum();
            std::hint::black_box(n);
            best[k] = best[k].min(t0.elapsed().as_secs_f64());
        }
    }
    for ((name, _), b) in taggers.iter().zip(&best) {
        println!("{name}: best of 30 {:.0} tokens/s", tokens as f64 / b);
    }
    Ok(())
}
