//! Lists the words right after figures that the unit table does not know, most frequent first.
//!
//! `cargo run -p marsad-extract --example nouns --release -- FILE`

use std::collections::HashMap;

use marsad_text::number::{counted_unit, find_numbers};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: nouns FILE");
        std::process::exit(2)
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1)
        }
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    let (mut total, mut known) = (0usize, 0usize);
    for m in find_numbers(&text) {
        total += 1;
        if m.percent {
            known += 1;
            continue;
        }
        match m.noun {
            Some((a, b)) if counted_unit(&text[a..b]).is_none() => {
                *counts
                    .entry(marsad_text::normalize_str(&text[a..b]))
                    .or_default() += 1;
            }
            Some(_) => known += 1,
            None => {}
        }
    }
    println!("figures: {total}, with a known unit: {known}");
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    for (w, c) in v.into_iter().take(120) {
        println!("{c:5} {w}");
    }
}
