//! Tags stdin lines with a model file (default: shipped) and prints `token/TAG`.
//!
//! `cargo run --release -p marsad-ner --example ner_tag [MODEL] < text.txt`

use marsad_ner::{tokenize, Tag, Tagger};
use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let tagger = match std::env::args().nth(1) {
        Some(p) => Tagger::load(&std::fs::read(p)?)?,
        None => Tagger::shipped()?,
    };
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let toks: Vec<&str> = tokenize(&line)
            .into_iter()
            .map(|(a, b)| &line[a..b])
            .collect();
        let tags = tagger.tag(&toks);
        let out: Vec<String> = toks
            .iter()
            .zip(&tags)
            .map(|(t, g)| {
                if *g == Tag::O {
                    t.to_string()
                } else {
                    format!("{t}/{}", g.conll())
                }
            })
            .collect();
        println!("{}", out.join(" "));
        for s in tagger.entities(&line) {
            println!("  {:?} {}", s.label, &line[s.start..s.end]);
        }
    }
    Ok(())
}
