//! Prints how [`segment`] with the built-in [`CommonWords`] splits the words of text files, for
//! eyeballing errors: `cargo run -p marsad-text --example segment_audit -- examples/kazakhstan-2022/*.txt`

use std::collections::BTreeMap;

use marsad_text::{segment, tokenize, CommonWords, TokenKind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut seen: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let (mut words, mut split) = (0usize, 0usize);
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        for t in tokenize(&text) {
            if t.kind != TokenKind::Word {
                continue;
            }
            words += 1;
            let w = t.text(&text);
            let s = segment(w, &CommonWords);
            if !s.is_split() {
                continue;
            }
            split += 1;
            let mut parts: Vec<&str> = s.proclitics.iter().map(|c| &w[c.start..c.end]).collect();
            parts.push(&w[s.stem.0..s.stem.1]);
            if let Some(e) = s.enclitic {
                parts.push(&w[e.start..e.end]);
            }
            seen.entry(w.to_string()).or_insert((0, parts.join("+"))).0 += 1;
        }
    }
    println!("words {words} split {split} distinct split {}", seen.len());
    for (w, (n, p)) in &seen {
        println!("{n}\t{w}\t{p}");
    }
    Ok(())
}
