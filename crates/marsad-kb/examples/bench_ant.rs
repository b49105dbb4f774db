//! KB load time, linking throughput and merge clusters on the ANT news corpus.
//! Usage: cargo run --release -p marsad-kb --example bench_ant -- [../shared/data/ant_news/ant_multisource_politics_2018-02_to_06.jsonl] [MAX_DOCS]
//! Prints: load time (best of 5), MB/s over the article texts, entity counts, and 50 merged new-entity
//! clusters (those with more than one distinct surface form) for checking by hand.

use std::time::Instant;

use marsad_kb::{link, DocInput, Kb};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| {
        "../shared/data/ant_news/ant_multisource_politics_2018-02_to_06.jsonl".into()
    });
    let max: usize = args
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(usize::MAX);
    let mut best = f64::MAX;
    for _ in 0..5 {
        let t = Instant::now();
        let kb = Kb::from_jsonl(marsad_kb::model::BUILTIN_JSONL)?;
        best = best.min(t.elapsed().as_secs_f64());
        std::hint::black_box(kb);
    }
    println!("KB load (parse + index, best of 5): {:.1} ms", best * 1e3);
    let text = std::fs::read_to_string(&path)?;
    let mut docs: Vec<(String, String, Option<String>)> = Vec::new();
    for line in text.lines().take(max) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let id = v["docno"].as_str().unwrap_or("").to_string();
        let body = v["text"].as_str().unwrap_or("").to_string();
        let published = v["time"].as_str().and_then(rfc2822_date);
        docs.push((id, body, published));
    }
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum();
    let inputs: Vec<DocInput> = docs
        .iter()
        .map(|(id, t, p)| DocInput {
            id,
            text: t,
            published: p.as_deref(),
            extra_mentions: &[],
        })
        .collect();
    let kb = Kb::builtin();
    let _ = link(kb, &inputs[..1.min(inputs.len())]);
    let t = Instant::now();
    let (out, diags) = link(kb, &inputs);
    let dt = t.elapsed().as_secs_f64();
    println!(
        "linked {} docs, {:.1} MB in {:.2} s: {:.2} MB/s",
        docs.len(),
        bytes as f64 / 1e6,
        dt,
        bytes as f64 / 1e6 / dt
    );
    let mentions: usize = out.entities.iter().map(|e| e.mentions.len()).sum();
    let new: Vec<_> = out
        .entities
        .iter()
        .filter(|e| e.id.starts_with("E:new:"))
        .collect();
    println!(
        "{} entities ({} with a KB id/entry, {} new), {} mentions, {} relations, {} diagnostics",
        out.entities.len(),
        out.entities.len() - new.len(),
        new.len(),
        mentions,
        out.relations.len(),
        diags.len()
    );
    let merged: Vec<_> = new
        .iter()
        .filter(|e| {
            let mut forms: Vec<&str> = e
                .mentions
                .iter()
                .map(|m| m.evidence.text.as_str())
                .collect();
            forms.sort();
            forms.dedup();
            forms.len() > 1
        })
        .collect();
    println!(
        "new-entity clusters with more than one surface form: {}",
        merged.len()
    );
    for e in merged.iter().take(50) {
        let mut forms: Vec<&str> = e
            .mentions
            .iter()
            .map(|m| m.evidence.text.as_str())
            .collect();
        forms.sort();
        forms.dedup();
        println!("  {}\t{}", e.name.ar, forms.join(" | "));
    }
    Ok(())
}

/// `Fri, 09 Feb 2018 17:35:12 GMT` → `2018-02-09`.
fn rfc2822_date(s: &str) -> Option<String> {
    let f: Vec<&str> = s.split_whitespace().collect();
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let mon = *f.get(2)?;
    let m = months.iter().position(|m| *m == mon)? + 1;
    let d: u32 = f.get(1)?.parse().ok()?;
    let y: u32 = f.get(3)?.parse().ok()?;
    Some(format!("{y:04}-{m:02}-{d:02}"))
}
