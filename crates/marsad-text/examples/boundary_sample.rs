//! Prints a random-ish sample of in-line sentence boundaries (not at line breaks) with context,
//! to estimate the splitter's precision by eye:
//! `cargo run --release -p marsad-text --example boundary_sample -- <ant.jsonl> [every_nth]`

use std::io::{BufRead, BufReader};

use marsad_text::sentences;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: boundary_sample <ant.jsonl> [every_nth]")?;
    let every: usize = args.next().map_or(Ok(997), |s| s.parse())?;
    let mut k = 0usize;
    for line in BufReader::new(std::fs::File::open(path)?).lines() {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        let spans = sentences(text);
        for w in spans.windows(2) {
            let gap = &text[w[0].end..w[1].start];
            if gap.contains('\n') {
                continue;
            }
            k += 1;
            if k.checked_rem(every) == Some(0) {
                let a = text[..w[0].end]
                    .char_indices()
                    .rev()
                    .nth(35)
                    .map_or(0, |x| x.0);
                let b = text[w[1].start..]
                    .char_indices()
                    .nth(25)
                    .map_or(text.len(), |x| w[1].start + x.0);
                println!("{} ‖ {}", &text[a..w[0].end], &text[w[1].start..b]);
            }
        }
    }
    println!("in-line boundaries: {k}");
    Ok(())
}
