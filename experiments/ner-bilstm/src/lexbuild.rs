//! The perceptron's name lexicon, copied from `crates/marsad/src/cmd_ner.rs` (binary-private there).
use anyhow::Context;
use marsad_ner::*;
use std::path::Path;
fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Builds the name lexicon from the public name lists and gazetteers under `dir`.
pub fn build_lexicon(dir: &Path) -> anyhow::Result<Lexicon> {
    let mut lex = Lexicon::default();
    let read = |rel: &str| -> Option<String> {
        let p = dir.join(rel);
        match std::fs::read_to_string(&p) {
            Ok(t) => Some(t),
            Err(e) => {
                eprintln!("lexicon: skipping {}: {e}", p.display());
                None
            }
        }
    };
    if let Some(t) = read("names_anetac/EN-AR_Named-entities.txt") {
        for line in t.lines() {
            let mut f = line.split_whitespace();
            let class = match f.next() {
                Some("PERSON") => LEX_PER,
                Some("LOCATION") => LEX_LOC,
                Some("ORGANIZATION") => LEX_ORG,
                _ => continue,
            };
            for w in f.filter(|w| is_arabic(w)) {
                lex.add_name(w, class);
            }
        }
    }
    if let Some(t) = read("names_wikidata_translit_ar/wd_arabic.normalized.aligned.tokens") {
        for line in t.lines() {
            if let Some(letters) = line.split('\t').nth(1) {
                lex.add_name(&letters.replace(' ', ""), LEX_PER);
            }
        }
    }
    if let Some(t) = read("gaz_world_cities_ar/world-cities.csv") {
        for line in t.lines().skip(1) {
            for field in line.split(',').filter(|f| is_arabic(f)) {
                lex.add_name(field.trim_matches('"'), LEX_LOC);
            }
        }
    }
    if let Some(t) = read("gaz_country_aliases_wikidata/country_aliases.csv") {
        for line in t.lines() {
            let f: Vec<&str> = line.split(',').collect();
            if f.len() >= 5 && f[2] == "ar" {
                lex.add_name(f[4].trim_matches('"'), LEX_LOC);
            }
        }
    }
    for rel in [
        "gaz_arwikicats_ar_translations/cities_cities_full.json",
        "gaz_arwikicats_ar_translations/geography_P17_2_final_ll.json",
        "gaz_arwikicats_ar_translations/geography_popopo.json",
        "gaz_arwikicats_ar_translations/geography_P17_PP.json",
    ] {
        if let Some(t) = read(rel) {
            let v: serde_json::Value =
                serde_json::from_str(&t).with_context(|| format!("parsing {rel}"))?;
            let mut s = Vec::new();
            collect_strings(&v, &mut s);
            s.iter()
                .filter(|x| is_arabic(x))
                .for_each(|x| lex.add_name(x, LEX_LOC));
        }
    }
    if let Some(t) = read("gaz_arwikicats_ar_translations/nationalities_nationalities_data.json") {
        let v: serde_json::Value = serde_json::from_str(&t).context("parsing nationalities")?;
        if let Some(o) = v.as_object() {
            for entry in o.values().filter_map(|e| e.as_object()) {
                for (k, val) in entry {
                    let Some(s) = val.as_str().filter(|s| is_arabic(s)) else {
                        continue;
                    };
                    lex.add_name(s, if k == "ar" { LEX_LOC } else { LEX_NAT });
                }
            }
        }
    }
    Ok(lex)
}
