//! Sentence-level PROTEST / ASSAULT detection measured on OEDA's Arabic event gold standard
//! (`shared/data/arabic_event_gsr`, MIT). Measure only: never tune on it.
//!
//! `cargo run --release -p marsad-events --example gsr_eval -- ../shared/data/arabic_event_gsr`
//!
//! Gold: label `yes` (unanimous accept) is positive; `easy no` and `difficult no` are negative;
//! `ambiguous` is left out. Predicted positive: the extractor finds an event of that type in the
//! sentence whose mode is not negated or hypothetical.
//!
//! By default each sentence runs through the whole pipeline (`marsad_core::analyze`) and the
//! picture's events count (events with no actor, place or figure are not in the picture). With
//! `--layer` the event layer runs alone with no entity mentions (the first measure taken).
//! `--dump` prints every row's type, number, gold label and prediction to stderr, to compare builds.

use std::path::Path;

use marsad_core::{analyze, AnalyzeOptions, SourceDocument};
use marsad_events::{extract, DocInput};
use marsad_picture::{Event, Mode};

/// Events of one sentence: the picture's, or the bare event layer's (`layer`).
fn events_of(n: usize, text: &str, layer: bool) -> Vec<Event> {
    if layer {
        let sents = marsad_text::sentences(text);
        let (out, _) = extract(DocInput {
            doc: "s",
            text,
            sentences: &sents,
            mentions: &[],
            quantities: &[],
            dates: &[],
        });
        return out.events;
    }
    let doc = SourceDocument {
        id: format!("s{n}"),
        source: "gsr".to_string(),
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
    analyze(&[doc], &AnalyzeOptions::default()).0.events
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let layer = args.iter().any(|a| a == "--layer");
    let dump = args.iter().any(|a| a == "--dump");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .cloned()
        .unwrap_or_else(|| "../shared/data/arabic_event_gsr".to_string());
    for (file, kind) in [
        ("protest_gsr.csv", "PROTEST"),
        ("assault_gsr.csv", "ASSAULT"),
    ] {
        let mut rdr = csv::Reader::from_path(Path::new(&dir).join(file))?;
        let headers = rdr.headers()?.clone();
        let col = |name: &str| headers.iter().position(|h| h == name);
        let (Some(lc), Some(tc)) = (col("label"), col("text")) else {
            return Err(format!("{file}: no label/text columns").into());
        };
        let (mut tp, mut fp, mut fneg, mut tn, mut skipped) = (0u32, 0u32, 0u32, 0u32, 0u32);
        for (n, rec) in rdr.records().enumerate() {
            let rec = rec?;
            let gold = match rec.get(lc).unwrap_or("") {
                "yes" => true,
                "easy no" | "difficult no" => false,
                _ => {
                    skipped += 1;
                    continue;
                }
            };
            let text = rec.get(tc).unwrap_or("");
            let pred = events_of(n, text, layer)
                .iter()
                .any(|e| e.kind == kind && !matches!(e.mode, Mode::Negated | Mode::Hypothetical));
            if dump {
                eprintln!("{kind}\t{n}\t{gold}\t{pred}");
            }
            match (gold, pred) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fneg += 1,
                (false, false) => tn += 1,
            }
        }
        let p = f64::from(tp) / f64::from((tp + fp).max(1));
        let r = f64::from(tp) / f64::from((tp + fneg).max(1));
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        let fpr = f64::from(fp) / f64::from((fp + tn).max(1));
        println!(
            "{kind}: n={} (ambiguous skipped {skipped})  tp={tp} fp={fp} fn={fneg} tn={tn}  P={:.3} R={:.3} F1={:.3}  false-positive rate={:.3}",
            tp + fp + fneg + tn,
            p,
            r,
            f,
            fpr
        );
    }
    Ok(())
}
