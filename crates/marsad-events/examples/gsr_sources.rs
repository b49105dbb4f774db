//! Source-actor accuracy on OEDA's Arabic event span gold standard
//! (`shared/data/arabic_event_gsr/{protest,assault}_spans.json`, MIT). Measure only.
//!
//! `cargo run --release -p marsad-events --example gsr_sources -- ../shared/data/arabic_event_gsr`
//!
//! Each sentence runs through the whole pipeline (`marsad_core::analyze`, so sources are linked
//! entities). Over sentences whose consensus `source_gold` is not empty and where an event of the
//! gold type is found: a hit when some source of such an event has a mention in the sentence whose
//! normalised text and the normalised gold source contain one another. Gold sources that are
//! common nouns (الناس، الثوار) can never be hit by a coder that only takes named actors as sources;
//! the share of sentences whose gold source is covered by any entity mention is printed beside.

use std::path::Path;

use marsad_core::{analyze, AnalyzeOptions, SourceDocument};
use marsad_text::normalize_str;

fn strip_article(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let w = w
                .strip_prefix('و')
                .filter(|x| x.starts_with("ال"))
                .unwrap_or(w);
            w.strip_prefix("ال")
                .filter(|x| x.chars().count() >= 3)
                .unwrap_or(w)
                .to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn matches(a: &str, b: &str) -> bool {
    let (a, b) = (
        strip_article(&normalize_str(a)),
        strip_article(&normalize_str(b)),
    );
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data/arabic_event_gsr".to_string());
    for (file, kind) in [
        ("protest_spans.json", "PROTEST"),
        ("assault_spans.json", "ASSAULT"),
    ] {
        let raw = std::fs::read_to_string(Path::new(&dir).join(file))?;
        let items: Vec<serde_json::Value> = serde_json::from_str(&raw)?;
        let (mut with_gold, mut detected, mut hit, mut coverable) = (0u32, 0u32, 0u32, 0u32);
        for (n, it) in items.iter().enumerate() {
            let gold = it["source_gold"].as_str().unwrap_or("").trim();
            let text = it["text"].as_str().unwrap_or("");
            if gold.is_empty() || text.is_empty() {
                continue;
            }
            with_gold += 1;
            let doc = SourceDocument {
                id: format!("s{n}"),
                source: file.to_string(),
                title: None,
                outlet: None,
                author: None,
                published: None,
                published_at: None,
                sha256: String::new(),
                bytes: text.len(),
                text: text.to_string(),
                warnings: Vec::new(),
            };
            let (pic, _) = analyze(&[doc], &AnalyzeOptions::default());
            let mention_texts = |id: &str| -> Vec<String> {
                pic.entities
                    .iter()
                    .filter(|e| e.id == id)
                    .flat_map(|e| e.mentions.iter().map(|m| m.evidence.text.clone()))
                    .collect()
            };
            if pic
                .entities
                .iter()
                .flat_map(|e| e.mentions.iter())
                .any(|m| matches(&m.evidence.text, gold))
            {
                coverable += 1;
            }
            let evs: Vec<_> = pic.events.iter().filter(|e| e.kind == kind).collect();
            if evs.is_empty() {
                continue;
            }
            detected += 1;
            if evs
                .iter()
                .flat_map(|e| e.sources.iter())
                .any(|s| mention_texts(s).iter().any(|t| matches(t, gold)))
            {
                hit += 1;
            } else if std::env::var_os("GSR_SOURCES_MISSES").is_some() {
                // Inspection aid: each found event whose sources miss the gold source.
                let got: Vec<String> = evs
                    .iter()
                    .flat_map(|e| e.sources.iter())
                    .flat_map(|s| mention_texts(s))
                    .collect();
                println!("MISS {kind} want {gold} got {got:?} | {text}");
            }
        }
        println!(
            "{kind}: sentences with a gold source {with_gold}; event of the type found (with an actor or place) {detected}; \
             source right {hit} ({:.3} of found, {:.3} of all); gold source covered by some entity mention {coverable} ({:.3})",
            f64::from(hit) / f64::from(detected.max(1)),
            f64::from(hit) / f64::from(with_gold.max(1)),
            f64::from(coverable) / f64::from(with_gold.max(1)),
        );
    }
    Ok(())
}
