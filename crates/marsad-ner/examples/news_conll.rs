//! Turns raw news (stdin, one paragraph per line) into untagged CoNLL sentences (`token O`), tokenised
//! as the tagger tokenises at analysis time, for tagging by a teacher model (experiments/ner-gemma).
//!
//! `cargo run --release -p marsad-ner --example news_conll [MIN_TOKENS] [MAX_TOKENS] < paragraphs.txt`

use marsad_ner::tokenize;
use std::io::{BufRead, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let min: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(5);
    let max: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(80);
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        for s in marsad_text::sentence::sentences(&line) {
            let text = &line[s.start..s.end];
            let toks = tokenize(text);
            // Sentences without Arabic letters (bylines, URLs) teach nothing.
            let arabic = text.chars().any(|c| ('\u{0621}'..='\u{064A}').contains(&c));
            if toks.len() < min || toks.len() > max || !arabic {
                continue;
            }
            for (a, b) in toks {
                writeln!(out, "{} O", &text[a..b])?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}
