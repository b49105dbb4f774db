//! Measures date and figure detection (span overlap only; Wojood has no normalised values)
//! against the Wojood public sample's DATE and CARDINAL/MONEY/PERCENT/QUANTITY spans.
//!
//! `cargo run -p marsad-extract --example wojood_eval --release -- /work/shared/data/wojood_sample/test.txt`

use marsad_text::date::find_dates;
use marsad_text::number::find_numbers;

/// Gold spans of one type in the rebuilt sentence text.
type Spans = Vec<(usize, usize)>;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: wojood_eval FILE");
        std::process::exit(2)
    };
    let data = match std::fs::read_to_string(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1)
        }
    };
    let num_types = ["CARDINAL", "MONEY", "PERCENT", "QUANTITY"];
    let (mut gd, mut fd, mut gn, mut fnum) = (0, 0, 0, 0);
    let (mut pd, mut pd_ok, mut pn, mut pn_ok) = (0, 0, 0, 0);
    for sent in data.split("\n\n") {
        let mut text = String::new();
        // Open span start per type, and finished spans per type.
        let mut open: Vec<(String, usize, usize)> = Vec::new();
        let mut spans: Vec<(String, usize, usize)> = Vec::new();
        for line in sent.lines() {
            let mut parts = line.split_whitespace();
            let Some(tok) = parts.next() else { continue };
            if !text.is_empty() {
                text.push(' ');
            }
            let (s, e) = (text.len(), text.len() + tok.len());
            text.push_str(tok);
            let tags: Vec<&str> = parts.collect();
            // Close spans whose type does not continue with I- here.
            open.retain(|(t, os, oe)| {
                let cont = tags.iter().any(|g| *g == format!("I-{t}"));
                if !cont {
                    spans.push((t.clone(), *os, *oe));
                }
                cont
            });
            for o in open.iter_mut() {
                o.2 = e;
            }
            for g in &tags {
                if let Some(t) = g.strip_prefix("B-") {
                    open.push((t.to_string(), s, e));
                }
            }
        }
        spans.append(&mut open);
        let gold = |types: &[&str]| -> Spans {
            spans
                .iter()
                .filter(|(t, _, _)| types.contains(&t.as_str()))
                .map(|(_, s, e)| (*s, *e))
                .collect()
        };
        let dates_g = gold(&["DATE"]);
        let nums_g = gold(&num_types);
        let any_g = gold(&[
            "DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL",
        ]);
        let ov = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        let dates_p: Spans = find_dates(&text, None)
            .iter()
            .map(|d| (d.start, d.end))
            .collect();
        let nums_p: Spans = find_numbers(&text)
            .iter()
            .map(|n| (n.start, n.end))
            .collect();
        gd += dates_g.len();
        fd += dates_g
            .iter()
            .filter(|g| dates_p.iter().any(|p| ov(**g, *p)))
            .count();
        gn += nums_g.len();
        fnum += nums_g
            .iter()
            .filter(|g| nums_p.iter().any(|p| ov(**g, *p)))
            .count();
        pd += dates_p.len();
        pd_ok += dates_p
            .iter()
            .filter(|p| dates_g.iter().any(|g| ov(*g, **p)))
            .count();
        pn += nums_p.len();
        pn_ok += nums_p
            .iter()
            .filter(|p| any_g.iter().any(|g| ov(*g, **p)))
            .count();
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!(
        "gold DATE spans: {gd}; overlapped by a found date: {fd} = {:.1}%",
        pct(fd, gd)
    );
    println!(
        "found dates: {pd}; inside a gold DATE: {pd_ok} = {:.1}%",
        pct(pd_ok, pd)
    );
    println!(
        "gold CARDINAL/MONEY/PERCENT/QUANTITY spans: {gn}; overlapped by a found figure: {fnum} = {:.1}%",
        pct(fnum, gn)
    );
    println!(
        "found figures: {pn}; overlapping any gold numeric/date/ordinal span: {pn_ok} = {:.1}%",
        pct(pn_ok, pn)
    );
}
