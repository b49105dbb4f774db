//! Prints sentence-split statistics and samples over the ANT news JSONL, for eyeballing errors:
//! stops (`. ` inside a line) that did not end a sentence, and very short sentences.
//!
//! `cargo run --release -p marsad-text --example sentence_audit -- /work/shared/data/ant_news/ant_multisource_politics_2018-02_to_06.jsonl [max_docs]`

use std::io::{BufRead, BufReader};

use marsad_text::sentences;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: sentence_audit <ant.jsonl> [max_docs]")?;
    let max: usize = args.next().map_or(Ok(usize::MAX), |s| s.parse())?;
    let file = BufReader::new(std::fs::File::open(&path)?);
    let (mut docs, mut sents, mut bytes, mut kept_stops, mut short) =
        (0, 0, 0, Vec::new(), Vec::new());
    let mut long = 0;
    let mut last_words: std::collections::HashMap<String, usize> = Default::default();
    for line in file.lines().take(max) {
        let line = line?;
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        docs += 1;
        bytes += text.len();
        for s in sentences(text) {
            sents += 1;
            let t = s.text(text);
            if let Some(body) = t.strip_suffix('.') {
                let w = body
                    .rsplit(|c: char| c.is_whitespace() || c == '(')
                    .next()
                    .unwrap_or("");
                if (1..=3).contains(&w.chars().count()) {
                    *last_words.entry(w.to_string()).or_default() += 1;
                }
            }
            if t.chars().count() > 600 {
                long += 1;
            }
            if t.chars().count() < 15 && t.ends_with(['.', '؟', '!', '?']) {
                let a = text[..s.start]
                    .char_indices()
                    .rev()
                    .nth(40)
                    .map_or(0, |x| x.0);
                short.push(format!("{t}    <= {}", text[a..s.end].replace('\n', "⏎")));
            }
            // Stops followed by a space inside the sentence (not at its end).
            for (i, c) in t.char_indices() {
                if matches!(c, '.' | '؟' | '!' | '?') && t[i + c.len_utf8()..].starts_with(' ') {
                    let a = t[..i].char_indices().rev().nth(25).map_or(0, |x| x.0);
                    let j = i + c.len_utf8();
                    let b = t[j..].char_indices().nth(25).map_or(t.len(), |x| j + x.0);
                    kept_stops.push(t[a..b].to_string());
                }
            }
        }
    }
    let mut ends: Vec<_> = last_words.into_iter().collect();
    ends.sort_by_key(|b| std::cmp::Reverse(b.1));
    println!("short words before a sentence-final stop:");
    for (w, n) in ends.iter().take(60) {
        print!("{w}:{n} ");
    }
    println!();
    println!("docs {docs} bytes {bytes} sentences {sents} longer-than-600-chars {long}");
    println!("stops inside sentences: {}", kept_stops.len());
    for s in kept_stops
        .iter()
        .step_by((kept_stops.len() / 40).max(1))
        .take(40)
    {
        println!("  KEPT | {s}");
    }
    println!("short sentences ending in a stop: {}", short.len());
    for s in short.iter().step_by((short.len() / 25).max(1)).take(25) {
        println!("  SHORT | {s}");
    }
    Ok(())
}
