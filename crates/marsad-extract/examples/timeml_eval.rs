//! Measures date finding and normalisation against TimeML TIMEX3 annotations (type DATE).
//!
//! `cargo run -p marsad-extract --example timeml_eval --release -- DIR`
//!
//! For measuring only: the files carry no document creation time, so dates without a year are
//! scored on month and day (`--MM-DD` against the gold `YYYY-MM-DD`).

use marsad_text::date::find_dates;

/// One gold TIMEX3: span in the plain text, type, value.
struct Timex {
    start: usize,
    end: usize,
    kind: String,
    value: String,
    text: String,
}

fn attr(tag: &str, name: &str) -> String {
    let key = format!("{name}=\"");
    tag.find(&key)
        .and_then(|p| {
            let rest = &tag[p + key.len()..];
            rest.find('"').map(|q| rest[..q].to_string())
        })
        .unwrap_or_default()
}

fn unescape(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let ents = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ];
        match ents.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((e, c)) => {
                out.push(*c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// Plain text of a .tml file and its TIMEX3 annotations.
fn parse(xml: &str) -> (String, Vec<Timex>) {
    let body = xml
        .find("<TimeML>")
        .map_or(xml, |p| &xml[p + "<TimeML>".len()..]);
    let mut text = String::new();
    let mut out = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        unescape(&rest[..lt], &mut text);
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt..lt + gt + 1];
        if tag.starts_with("<TIMEX3") {
            open = Some((text.len(), attr(tag, "type"), attr(tag, "value")));
        } else if tag.starts_with("</TIMEX3") {
            if let Some((s, kind, value)) = open.take() {
                out.push(Timex {
                    start: s,
                    end: text.len(),
                    kind,
                    value,
                    text: text[s..].to_string(),
                });
            }
        }
        rest = &rest[lt + gt + 1..];
    }
    unescape(rest, &mut text);
    (text, out)
}

fn iso_like(v: &str) -> bool {
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: timeml_eval DIR");
        std::process::exit(2)
    });
    let verbose = std::env::args().any(|a| a == "-v");
    let mut paths: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "tml"))
            .collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(1)
        }
    };
    paths.sort();
    let (mut gold_date, mut gold_iso, mut found, mut exact, mut md_only, mut prec_ok) =
        (0, 0, 0, 0, 0, 0);
    let (mut gold_iso_digits, mut found_digits, mut exact_digits) = (0, 0, 0);
    let (mut pred_n, mut pred_overlap, mut pred_correct) = (0, 0, 0);
    for p in &paths {
        let Ok(xml) = std::fs::read_to_string(p) else {
            continue;
        };
        let (text, gold) = parse(&xml);
        let pred = find_dates(&text, None);
        let overlap = |a: usize, b: usize, c: usize, d: usize| a < d && c < b;
        for g in gold.iter().filter(|g| g.kind == "DATE") {
            gold_date += 1;
            if !iso_like(&g.value) {
                continue;
            }
            gold_iso += 1;
            let has_digit = g.text.chars().any(|c| c.is_numeric());
            if has_digit {
                gold_iso_digits += 1;
            }
            let hit = pred
                .iter()
                .find(|d| overlap(g.start, g.end, d.start, d.end));
            if let Some(d) = hit {
                found += 1;
                if has_digit {
                    found_digits += 1;
                }
                let ok = d.value == g.value;
                let md = d.value.starts_with("--")
                    && g.value.len() >= 4
                    && d.value[2..] == g.value[5.min(g.value.len())..]
                    && g.value.len() > 4;
                if ok {
                    exact += 1;
                    if has_digit {
                        exact_digits += 1;
                    }
                } else if md {
                    md_only += 1;
                }
                if verbose && !ok {
                    println!(
                        "WRONG {} «{}» gold {} got {} «{}»",
                        p.display(),
                        g.text,
                        g.value,
                        d.value,
                        &text[d.start..d.end]
                    );
                }
            } else if verbose {
                println!("MISS  {} «{}» gold {}", p.display(), g.text, g.value);
            }
        }
        for d in &pred {
            pred_n += 1;
            let hits: Vec<&Timex> = gold
                .iter()
                .filter(|g| overlap(g.start, g.end, d.start, d.end))
                .collect();
            if !hits.is_empty() {
                pred_overlap += 1;
            }
            let correct = hits.iter().any(|g| {
                g.value == d.value
                    || (d.value.starts_with("--")
                        && g.value.len() > 5
                        && d.value[2..] == g.value[5..])
            });
            if correct {
                pred_correct += 1;
                prec_ok += 1;
            } else if verbose {
                println!(
                    "EXTRA {} «{}» got {}",
                    p.display(),
                    &text[d.start..d.end],
                    d.value
                );
            }
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!("documents: {}", paths.len());
    println!("gold TIMEX3 DATE: {gold_date}; with a YYYY[-MM[-DD]] value: {gold_iso}");
    println!(
        "  found (span overlap): {found}/{gold_iso} = {:.1}%",
        pct(found, gold_iso)
    );
    println!(
        "  value exact: {exact}/{gold_iso} = {:.1}% (of found: {:.1}%)",
        pct(exact, gold_iso),
        pct(exact, found)
    );
    println!("  month-day right, year not resolvable without a creation date: {md_only}");
    println!(
        "  written with digits ({gold_iso_digits}): found {found_digits} = {:.1}%, value exact {exact_digits} = {:.1}%",
        pct(found_digits, gold_iso_digits),
        pct(exact_digits, gold_iso_digits)
    );
    println!("predicted dates: {pred_n}");
    println!(
        "  overlapping any gold TIMEX3: {pred_overlap} = {:.1}%",
        pct(pred_overlap, pred_n)
    );
    println!(
        "  value right (exact, or month-day for year-less): {pred_correct} = {:.1}%",
        pct(pred_correct, pred_n)
    );
    let _ = prec_ok;
}
