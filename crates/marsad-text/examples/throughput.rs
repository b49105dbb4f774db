//! Throughput of normalise, tokenize, sentences and segment over a JSONL corpus with a `text`
//! field (wall clock, one pass each; the criterion bench covers the sample corpus):
//!
//! `cargo run --release -p marsad-text --example throughput -- /work/shared/data/ant_news/ant_multisource_politics_2018-02_to_06.jsonl`

use std::io::{BufRead, BufReader};
use std::time::Instant;

use marsad_text::{segment, sentences, tokenize, CommonWords, Normalized, TokenKind, Tokens};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: throughput <corpus.jsonl>")?;
    let mut texts = Vec::new();
    for line in BufReader::new(std::fs::File::open(path)?).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
            texts.push(t.to_string());
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    println!("{} texts, {:.1} MB", texts.len(), bytes as f64 / 1e6);
    for name in ["normalize", "tokenize", "sentences", "tokenize+segment"] {
        let t0 = Instant::now();
        let mut n = 0usize;
        for t in &texts {
            n += match name {
                "normalize" => Normalized::new(t, Default::default()).text.len(),
                "tokenize" => tokenize(t).len(),
                "sentences" => sentences(t).len(),
                _ => Tokens::new(t)
                    .filter(|k| k.kind == TokenKind::Word)
                    .map(|k| segment(k.text(t), &CommonWords).proclitics.len())
                    .sum(),
            };
        }
        let s = t0.elapsed().as_secs_f64();
        println!(
            "{name:>18}: {:7.1} MB/s  (output count {n})",
            bytes as f64 / s / 1e6
        );
    }
    Ok(())
}
