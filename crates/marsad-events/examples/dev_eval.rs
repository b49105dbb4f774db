//! Sentence-level PROTEST / ASSAULT detection and source actors on the hand-labelled ANT dev
//! sample (`tests/data/ant_dev_events.tsv`), the set rules are tuned on. The same measure runs on
//! OEDA's gold standard with `gsr_eval` (measure only).
//!
//! `cargo run --release -p marsad-events --example dev_eval [-- crates/marsad-events/tests/data/ant_dev_events.tsv [-v]]`
//!
//! Each sentence runs through the whole pipeline (`marsad_core::analyze`): predicted positive when
//! the picture holds an event of the type whose mode is not negated or hypothetical. Source right:
//! among positive sentences with a labelled source, some source of such an event has a mention in
//! the sentence whose text and the labelled source contain one another (articles off). `-v`
//! prints every miss; `--sources` every PROTEST / ASSAULT event with its sources and targets.

use marsad_core::{analyze, AnalyzeOptions, SourceDocument};
use marsad_picture::{Mode, Picture};
use marsad_text::normalize_str;

/// Normalised words with the article (and و before it) off, for loose actor matching.
fn strip_article(s: &str) -> String {
    normalize_str(s)
        .split_whitespace()
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

fn actor_matches(a: &str, b: &str) -> bool {
    let (a, b) = (strip_article(a), strip_article(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

/// Picture of one sentence.
fn picture_of(id: usize, text: &str) -> Picture {
    let doc = SourceDocument {
        id: format!("s{id}"),
        source: "dev".to_string(),
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
    analyze(&[doc], &AnalyzeOptions::default()).0
}

/// Sources' mention texts of the events of `kind` that count as detected.
fn detected(pic: &Picture, kind: &str) -> Option<Vec<String>> {
    let evs: Vec<_> = pic
        .events
        .iter()
        .filter(|e| e.kind == kind && !matches!(e.mode, Mode::Negated | Mode::Hypothetical))
        .collect();
    if evs.is_empty() {
        return None;
    }
    Some(
        evs.iter()
            .flat_map(|e| e.sources.iter())
            .flat_map(|s| {
                pic.entities
                    .iter()
                    .filter(move |e| &e.id == s)
                    .flat_map(|e| e.mentions.iter().map(|m| m.evidence.text.clone()))
            })
            .collect(),
    )
}

#[derive(Default)]
struct Score {
    tp: u32,
    fp: u32,
    fneg: u32,
    tn: u32,
    with_src: u32,
    src_found: u32,
    src_right: u32,
}

impl Score {
    fn print(&self, kind: &str) {
        let p = f64::from(self.tp) / f64::from((self.tp + self.fp).max(1));
        let r = f64::from(self.tp) / f64::from((self.tp + self.fneg).max(1));
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        let fpr = f64::from(self.fp) / f64::from((self.fp + self.tn).max(1));
        println!(
            "{kind}: tp={} fp={} fn={} tn={}  P={p:.3} R={r:.3} F1={f:.3} FP-rate={fpr:.3}  source: labelled {} / detected {} / right {}",
            self.tp, self.fp, self.fneg, self.tn, self.with_src, self.src_found, self.src_right
        );
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .unwrap_or_else(|| "crates/marsad-events/tests/data/ant_dev_events.tsv".to_string());
    let rest: Vec<String> = args.collect();
    let verbose = rest.iter().any(|a| a == "-v");
    // `--why`: for every sentence predicted positive, the subtypes of the events that made it so.
    let why = rest.iter().any(|a| a == "--why");
    // `--dump`: every event of every row as a tab-separated line (row, type, subtype, mode,
    // trigger text), for sampling and per-trigger precision on new labelled sets.
    let dump = rest.iter().any(|a| a == "--dump");
    // `--sources`: every PROTEST / ASSAULT event with its sources and targets (row, type, mode,
    // sources, targets, trigger text), to read what the coder reports as who did it.
    let sources = rest.iter().any(|a| a == "--sources");
    // `--show N`: the events of row N, to see why it is missed.
    let show: Option<String> = rest
        .iter()
        .position(|a| a == "--show")
        .and_then(|p| rest.get(p + 1).cloned());
    let raw = std::fs::read_to_string(&path)?;
    let mut scores = [Score::default(), Score::default()];
    for (n, line) in raw.lines().skip(1).enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 8 {
            return Err(format!("{path}: line {} has {} fields", n + 2, f.len()).into());
        }
        let text = f[7];
        let pic = picture_of(n, text);
        if dump {
            for e in &pic.events {
                println!(
                    "EV\t{}\t{}\t{}\t{:?}\t{}",
                    f[0],
                    e.kind,
                    e.subtype.as_deref().unwrap_or("-"),
                    e.mode,
                    e.evidence[0].text
                );
            }
        }
        if sources {
            let name = |id: &str| {
                pic.entities
                    .iter()
                    .find(|e| e.id == id)
                    .map_or(id.to_string(), |e| e.name.ar.clone())
            };
            for e in pic
                .events
                .iter()
                .filter(|e| matches!(e.kind.as_str(), "PROTEST" | "ASSAULT"))
            {
                println!(
                    "SRC\t{}\t{}\t{:?}\t{}\t{}\t{}",
                    f[0],
                    e.kind,
                    e.mode,
                    e.sources
                        .iter()
                        .map(|s| name(s))
                        .collect::<Vec<_>>()
                        .join("|"),
                    e.targets
                        .iter()
                        .map(|s| name(s))
                        .collect::<Vec<_>>()
                        .join("|"),
                    e.evidence[0].text
                );
            }
        }
        if show.as_deref() == Some(f[0]) {
            let name = |id: &str| {
                pic.entities
                    .iter()
                    .find(|e| e.id == id)
                    .map_or(id.to_string(), |e| e.name.ar.clone())
            };
            println!("{text}");
            for e in &pic.entities {
                let ms: Vec<&str> = e
                    .mentions
                    .iter()
                    .map(|m| m.evidence.text.as_str())
                    .collect();
                println!("  entity {} {:?} {ms:?}", e.id, e.kind);
            }
            for e in &pic.events {
                println!(
                    "  {} {:?} {:?} src={:?} tgt={:?} loc={:?} [{}]",
                    e.kind,
                    e.subtype,
                    e.mode,
                    e.sources.iter().map(|s| name(s)).collect::<Vec<_>>(),
                    e.targets.iter().map(|s| name(s)).collect::<Vec<_>>(),
                    e.location.as_deref().map(name),
                    e.evidence[0].text
                );
            }
        }
        for (k, (kind, gold_col, src_col)) in [("PROTEST", 2, 5), ("ASSAULT", 3, 6)]
            .into_iter()
            .enumerate()
        {
            let gold = f[gold_col] == "1";
            let src = f[src_col];
            let found = detected(&pic, kind);
            let s = &mut scores[k];
            match (gold, found.is_some()) {
                (true, true) => s.tp += 1,
                (false, true) => s.fp += 1,
                (true, false) => s.fneg += 1,
                (false, false) => s.tn += 1,
            }
            if why && found.is_some() {
                let subs: Vec<String> = pic
                    .events
                    .iter()
                    .filter(|e| {
                        e.kind == kind && !matches!(e.mode, Mode::Negated | Mode::Hypothetical)
                    })
                    .map(|e| e.subtype.clone().unwrap_or_default())
                    .collect();
                println!(
                    "WHY {} {kind} {} {subs:?}",
                    f[0],
                    if gold { "TP" } else { "FP" }
                );
            }
            if verbose && gold != found.is_some() {
                println!(
                    "{} {kind} {}: {text}",
                    f[0],
                    if gold { "MISS" } else { "FALSE" }
                );
            }
            if gold && src != "-" {
                s.with_src += 1;
                if let Some(srcs) = &found {
                    s.src_found += 1;
                    if srcs.iter().any(|t| actor_matches(t, src)) {
                        s.src_right += 1;
                    } else if verbose {
                        println!("{} {kind} SOURCE want {src}, got {srcs:?}", f[0]);
                    }
                }
            }
        }
    }
    scores[0].print("PROTEST");
    scores[1].print("ASSAULT");
    Ok(())
}
