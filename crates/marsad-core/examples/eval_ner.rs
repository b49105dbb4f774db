//! Mention-level precision/recall per type of the KB linker on CoNLL-style NER data: alone, or with
//! `--tagger` fed the shipped NER tagger's candidates (as `marsad-core` does; the tagger alone is
//! printed too, for reference).
//! Usage: cargo run --release -p marsad-core --example eval_ner -- [--tagger] anercorp ../shared/data/anercorp/ANERCorp_CamelLab_test.txt
//!        cargo run --release -p marsad-core --example eval_ner -- [--tagger] aqmar ../shared/data/aqmar/*.txt
//! A mention counts when its token span and type equal the gold ones. Only `name` and `metonym` forms are
//! scored (nisba adjectives and titles are not names in these annotations). GPE is scored as LOC, NORP as
//! MISC; gold MISC (AQMAR MIS*) is reported but the KB does not aim at it.

use std::collections::{BTreeMap, HashSet};

use marsad_kb::{link, CandidateMention, DocInput, Kb};
use marsad_ner::{NerLabel, Tagger};
use marsad_picture::{EntityType, MentionForm};

fn gold_type(tag: &str) -> Option<&'static str> {
    let t = tag.get(2..)?;
    Some(match t {
        "PERS" | "PER" => "PER",
        "LOC" => "LOC",
        "ORG" => "ORG",
        _ => "MISC",
    })
}

struct Doc {
    text: String,
    /// Token byte spans.
    toks: Vec<(usize, usize)>,
    gold: HashSet<(usize, usize, &'static str)>,
}

fn read_docs(files: &[String], chunk: usize) -> std::io::Result<Vec<Doc>> {
    let mut docs = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f)?;
        let mut doc = Doc {
            text: String::new(),
            toks: Vec::new(),
            gold: HashSet::new(),
        };
        let mut open: Option<(usize, &'static str)> = None;
        let mut sentences = 0;
        let close = |doc: &mut Doc, open: &mut Option<(usize, &'static str)>| {
            if let Some((s, t)) = open.take() {
                doc.gold.insert((s, doc.toks.len(), t));
            }
        };
        for line in text.lines() {
            let mut it = line.split_whitespace();
            let (Some(w), Some(tag)) = (it.next(), it.next()) else {
                close(&mut doc, &mut open);
                doc.text.push('\n');
                sentences += 1;
                if sentences % chunk == 0 {
                    docs.push(std::mem::replace(
                        &mut doc,
                        Doc {
                            text: String::new(),
                            toks: Vec::new(),
                            gold: HashSet::new(),
                        },
                    ));
                }
                continue;
            };
            let ty = gold_type(tag);
            match (tag.as_bytes().first(), ty) {
                (Some(b'B'), Some(t)) => {
                    close(&mut doc, &mut open);
                    open = Some((doc.toks.len(), t));
                }
                (Some(b'I'), Some(t)) if open.map(|o| o.1) == Some(t) => {}
                (Some(b'I'), Some(t)) => {
                    close(&mut doc, &mut open);
                    open = Some((doc.toks.len(), t));
                }
                _ => close(&mut doc, &mut open),
            }
            if !doc.text.is_empty() && !doc.text.ends_with('\n') {
                doc.text.push(' ');
            }
            let s = doc.text.len();
            doc.text.push_str(w);
            doc.toks.push((s, doc.text.len()));
        }
        close(&mut doc, &mut open);
        if !doc.toks.is_empty() {
            docs.push(doc);
        }
    }
    Ok(docs)
}

type Spans = Vec<HashSet<(usize, usize, &'static str)>>;

fn score_type(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Per => "PER",
        EntityType::Org => "ORG",
        EntityType::Gpe | EntityType::Loc => "LOC",
        _ => "MISC",
    }
}

/// Token span of a byte span.
fn token_span(d: &Doc, start: usize, end: usize) -> Option<(usize, usize)> {
    let a = d.toks.iter().position(|t| t.1 > start)?;
    let b = d.toks.iter().rposition(|t| t.0 < end)?;
    (a <= b).then_some((a, b + 1))
}

fn report(title: &str, docs: &[Doc], pred: &Spans) {
    let mut stats: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for (d, p) in docs.iter().zip(pred) {
        for g in &d.gold {
            let s = stats.entry(g.2).or_default();
            s.1 += 1;
            if p.contains(g) {
                s.0 += 1;
            }
        }
        for x in p {
            stats.entry(x.2).or_default().2 += 1;
        }
    }
    println!("-- {title}");
    println!("type\tgold\tpred\tcorrect\tP\tR\tF1");
    let mut tot = (0, 0, 0);
    for (t, (c, g, p)) in &stats {
        let pr = *c as f64 / (*p).max(1) as f64;
        let rc = *c as f64 / (*g).max(1) as f64;
        let f = if pr + rc > 0.0 {
            2.0 * pr * rc / (pr + rc)
        } else {
            0.0
        };
        println!("{t}\t{g}\t{p}\t{c}\t{pr:.3}\t{rc:.3}\t{f:.3}");
        if *t != "MISC" {
            tot = (tot.0 + c, tot.1 + g, tot.2 + p);
        }
    }
    let pr = tot.0 as f64 / tot.2.max(1) as f64;
    let rc = tot.0 as f64 / tot.1.max(1) as f64;
    println!(
        "PER+LOC+ORG\t{}\t{}\t{}\t{pr:.3}\t{rc:.3}\t{:.3}",
        tot.1,
        tot.2,
        tot.0,
        2.0 * pr * rc / (pr + rc).max(1e-12)
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let with_tagger = args.first().is_some_and(|a| a == "--tagger");
    if with_tagger {
        args.remove(0);
    }
    let (name, files) = args
        .split_first()
        .ok_or("usage: eval_ner [--tagger] NAME FILE...")?;
    let chunk = if name == "aqmar" { usize::MAX } else { 20 };
    let docs = read_docs(files, chunk)?;
    let kb = Kb::builtin();
    let ids: Vec<String> = (0..docs.len()).map(|i| format!("d{i}")).collect();
    let cands: Vec<Vec<CandidateMention>> = if with_tagger {
        let tagger = Tagger::shipped()?;
        docs.iter()
            .map(|d| {
                tagger
                    .entities_with(&d.text, Some(&marsad_core::KbNerGazetteer::builtin()))
                    .into_iter()
                    .map(|s| CandidateMention {
                        start: s.start,
                        end: s.end,
                        kind: match s.label {
                            NerLabel::Per => EntityType::Per,
                            NerLabel::Org => EntityType::Org,
                            NerLabel::Loc => EntityType::Loc,
                            NerLabel::Misc => EntityType::Misc,
                        },
                    })
                    .collect()
            })
            .collect()
    } else {
        vec![Vec::new(); docs.len()]
    };
    println!(
        "{name}: {} docs, {} tokens",
        docs.len(),
        docs.iter().map(|d| d.toks.len()).sum::<usize>()
    );
    if with_tagger {
        let pred: Spans = docs
            .iter()
            .zip(&cands)
            .map(|(d, cs)| {
                cs.iter()
                    .filter_map(|c| {
                        let (a, b) = token_span(d, c.start, c.end)?;
                        Some((a, b, score_type(c.kind)))
                    })
                    .collect()
            })
            .collect();
        report("tagger alone", &docs, &pred);
    }
    let inputs: Vec<DocInput> = docs
        .iter()
        .zip(&ids)
        .zip(&cands)
        .map(|((d, id), c)| DocInput {
            id,
            text: &d.text,
            published: None,
            extra_mentions: c,
        })
        .collect();
    let (out, _) = link(kb, &inputs);
    let mut pred: Spans = vec![HashSet::new(); docs.len()];
    for e in &out.entities {
        let ty = score_type(e.kind);
        for m in &e.mentions {
            if !matches!(m.form, MentionForm::Name | MentionForm::Metonym) {
                continue;
            }
            let di: usize = m.evidence.doc[1..].parse()?;
            if let Some((a, b)) = token_span(&docs[di], m.evidence.start, m.evidence.end) {
                pred[di].insert((a, b, ty));
            }
        }
    }
    if std::env::var_os("EVAL_NER_LOST").is_some() {
        // Gold mentions the tagger had right that linking lost (inspection aid).
        for (di, (d, cs)) in docs.iter().zip(&cands).enumerate() {
            for c in cs {
                let Some((a, b)) = token_span(d, c.start, c.end) else {
                    continue;
                };
                let g = (a, b, score_type(c.kind));
                if d.gold.contains(&g) && !pred[di].contains(&g) {
                    let got: Vec<String> = pred[di]
                        .iter()
                        .filter(|p| p.0 < b && a < p.1)
                        .map(|p| format!("{}[{}]", &d.text[d.toks[p.0].0..d.toks[p.1 - 1].1], p.2))
                        .collect();
                    println!(
                        "LOST {}\t{}\tgot {}",
                        g.2,
                        &d.text[c.start..c.end],
                        got.join(" | ")
                    );
                }
            }
        }
    }
    report(
        if with_tagger {
            "KB + tagger candidates (linked)"
        } else {
            "KB alone"
        },
        &docs,
        &pred,
    );
    Ok(())
}
