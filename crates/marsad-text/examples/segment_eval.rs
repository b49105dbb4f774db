//! Measures clitic segmentation against a gazetteer lexicon on ANERcorp TRAIN tokens:
//! recall = location tokens written with a proclitic (وتركيا, لروسيا) whose stem is a gazetteer
//! name; false splits = non-entity tokens split to a gazetteer stem (a would-be false mention).
//!
//! `cargo run --release -p marsad-text --example segment_eval -- /work/shared/data/anercorp/ANERCorp_CamelLab_train.txt /work/shared/data/gaz_world_cities_ar/world-cities.csv`

use std::collections::{BTreeMap, HashSet};

use marsad_text::{normalize_str, segment, CliticKind, CommonWords, Lexicon, UnionLexicon};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(ner), Some(gaz)) = (args.next(), args.next()) else {
        return Err("usage: segment_eval <anercorp_train.txt> <world-cities.csv>".into());
    };
    // One-word Arabic country and city names from the CSV's first and third columns.
    let mut names: HashSet<String> = HashSet::new();
    for line in std::fs::read_to_string(gaz)?.lines().skip(1) {
        let cols: Vec<&str> = line.split(',').map(|c| c.trim_matches('"')).collect();
        for i in [0, 2] {
            if let Some(n) = cols.get(i) {
                if !n.contains(' ') && n.chars().count() >= 3 {
                    names.insert(normalize_str(n));
                }
            }
        }
    }
    let lex = UnionLexicon(&names, CommonWords);
    let in_gaz = |s: &str| names.contains(s) && !CommonWords.contains(s);
    let (mut loc_pro, mut loc_found, mut o_tokens, mut o_false, mut o_article) = (0, 0, 0, 0, 0);
    let mut misses: BTreeMap<String, usize> = BTreeMap::new();
    let mut false_splits: BTreeMap<String, usize> = BTreeMap::new();
    for line in std::fs::read_to_string(ner)?.lines() {
        let Some((tok, tag)) = line.rsplit_once(' ') else {
            continue;
        };
        let norm = normalize_str(tok);
        let s = segment(tok, &lex);
        let stem = normalize_str(s.stem_str(tok));
        let with_art = s.article_form(tok).unwrap_or_default();
        let hit = s.is_split() && (names.contains(&stem) || names.contains(&with_art));
        if tag.ends_with("LOC") {
            // A location token with a proclitic in front of a known name.
            let pro = ["و", "ف", "ب", "ل", "ك"].iter().any(|p| {
                norm.strip_prefix(p)
                    .is_some_and(|r| names.contains(r) || names.contains(&format!("ال{r}")))
            }) || ["وال", "بال", "لل", "فال", "كال"].iter().any(|p| {
                norm.strip_prefix(p)
                    .is_some_and(|r| names.contains(&format!("ال{r}")) || names.contains(r))
            });
            if pro {
                loc_pro += 1;
                if hit {
                    loc_found += 1;
                } else {
                    *misses.entry(tok.to_string()).or_default() += 1;
                }
            }
        } else if tag == "O" {
            o_tokens += 1;
            if s.is_split() && (in_gaz(&stem) || in_gaz(&with_art)) && !names.contains(&norm) {
                // Splitting off only the article is always right; the risk is the rest.
                let only_article = s.enclitic.is_none()
                    && s.proclitics.iter().all(|c| c.kind == CliticKind::Article);
                if only_article {
                    o_article += 1;
                } else {
                    o_false += 1;
                    *false_splits.entry(tok.to_string()).or_default() += 1;
                }
            }
        }
    }
    println!("gazetteer one-word names: {}", names.len());
    println!(
        "LOC tokens = proclitic + gazetteer name: {loc_pro}, segmented to that name: {loc_found} ({:.1}%)",
        100.0 * loc_found as f64 / loc_pro.max(1) as f64
    );
    println!(
        "O tokens: {o_tokens}; split to a gazetteer-only stem: by clitics other than ال {o_false} ({:.3}%), by ال alone {o_article}",
        100.0 * o_false as f64 / o_tokens.max(1) as f64
    );
    let top = |m: &BTreeMap<String, usize>| {
        let mut v: Vec<_> = m.iter().collect();
        v.sort_by_key(|e| std::cmp::Reverse(*e.1));
        v.iter()
            .take(30)
            .map(|(k, n)| format!("{k}:{n}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    println!("missed: {}", top(&misses));
    println!("false splits: {}", top(&false_splits));
    Ok(())
}
