//! Measures the spelling-variant merge rule (skeleton edit distance <= d for skeletons of >= L letters)
//! on Wikidata English→Arabic name-token pairs: two Arabic spellings of the same English token are a
//! positive pair; spellings of different English tokens are negatives (each token against 30 others
//! with the same first skeleton letter, the hard case).
//! Usage: cargo run --release -p marsad-kb --example measure_threshold -- [../shared/data] [wd_arabic_80|wd_arabic_20]

use std::collections::BTreeMap;

use marsad_kb::text::{edit_distance, skeleton};
use marsad_text::normalize_str;

fn read_pairs(path: &str, tab: bool) -> Result<BTreeMap<String, String>, std::io::Error> {
    let text = std::fs::read_to_string(path)?;
    let mut m = BTreeMap::new();
    for line in text.lines() {
        if tab {
            let mut f = line.split('\t');
            if let (Some(en), Some(ar)) = (f.next(), f.next()) {
                m.insert(
                    en.to_lowercase(),
                    normalize_str(&ar.split(' ').collect::<String>()),
                );
            }
        } else {
            let f: Vec<&str> = line.split(' ').collect();
            if f.len() == 3 {
                m.insert(f[1].to_lowercase(), normalize_str(f[2]));
            }
        }
    }
    Ok(m)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let data = args.next().unwrap_or_else(|| "../shared/data".into());
    let split = args.next().unwrap_or_else(|| "wd_arabic_80".into());
    // The split names which English tokens are in play (80% to choose the rule, 20% to report it).
    let in_split = read_pairs(&format!("{data}/names_wikidata_translit_ar/{split}"), true)?;
    let wd = read_pairs(
        &format!("{data}/names_wikidata_translit_ar/wd_arabic.normalized.aligned.tokens"),
        true,
    )?;
    let an = read_pairs(
        &format!("{data}/names_anetac/EN-AR_Named-entities.txt"),
        false,
    )?;
    // Positives: Wikidata's and ANETAC's Arabic spellings of the same English name token, when they differ.
    let mut pos: Vec<(String, String)> = Vec::new();
    for (en, a) in &wd {
        if !in_split.contains_key(en) {
            continue;
        }
        if let Some(b) = an.get(en) {
            if a != b {
                pos.push((skeleton(a), skeleton(b)));
            }
        }
    }
    // Negatives: spellings of different English tokens sharing the first skeleton letter (the hard case).
    let firsts: Vec<String> = in_split.values().map(|a| skeleton(a)).collect();
    let mut by_letter: BTreeMap<char, Vec<usize>> = BTreeMap::new();
    for (i, s) in firsts.iter().enumerate() {
        if let Some(c) = s.chars().next() {
            by_letter.entry(c).or_default().push(i);
        }
    }
    let mut neg: Vec<(String, String)> = Vec::new();
    for ids in by_letter.values() {
        for (k, &i) in ids.iter().enumerate() {
            for step in 1..=30 {
                let j = ids[(k + step * 7) % ids.len()];
                if j != i {
                    neg.push((firsts[i].clone(), firsts[j].clone()));
                }
            }
        }
    }
    println!(
        "{split}: {} positive pairs, {} negative pairs",
        pos.len(),
        neg.len()
    );
    println!("rule\tmin_len\trecall\tfalse_merge_rate\tprecision@1:100");
    for d in 0..=2usize {
        for min_len in [3usize, 4, 5, 6] {
            let accept = |a: &str, b: &str| {
                let n = a.chars().count().max(b.chars().count());
                let max = if n >= min_len { d } else { 0 };
                a.chars().next() == b.chars().next() && edit_distance(a, b, max) <= max
            };
            let tp = pos.iter().filter(|(a, b)| accept(a, b)).count();
            let fp = neg.iter().filter(|(a, b)| accept(a, b)).count();
            let recall = tp as f64 / pos.len().max(1) as f64;
            let fmr = fp as f64 / neg.len().max(1) as f64;
            // One true variant among a hundred other names with the same first letter.
            let prec = recall / (recall + 100.0 * fmr).max(1e-12);
            println!("d<={d}\t{min_len}\t{recall:.3}\t{fmr:.4}\t{prec:.3}");
        }
    }
    Ok(())
}
