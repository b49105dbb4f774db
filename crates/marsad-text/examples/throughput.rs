//! Throughput of normalise, tokenize, sentences and segment over a JSONL corpus with a `text`
//! field, one pass each, by wall clock and by this thread's CPU time (from
//! /proc/thread-self/stat; less disturbed by other jobs on a shared machine). The criterion bench
//! covers the sample corpus:
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
        let c0 = cpu_seconds();
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
        let cpu = cpu_seconds() - c0;
        println!(
            "{name:>18}: {:7.1} MB/s wall, {:7.1} MB/s cpu  (output count {n})",
            bytes as f64 / s / 1e6,
            bytes as f64 / cpu.max(1e-9) / 1e6
        );
    }
    Ok(())
}

/// User + system CPU time of this thread in seconds (Linux; 0 elsewhere), at clock-tick
/// resolution, which is fine for passes of a second or more.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/thread-self/stat") else {
        return 0.0;
    };
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    let rest = stat.rsplit_once(')').map_or("", |r| r.1);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11).and_then(|v| v.parse().ok()).unwrap_or(0.0)
        + f.get(12).and_then(|v| v.parse().ok()).unwrap_or(0.0);
    ticks / 100.0
}
