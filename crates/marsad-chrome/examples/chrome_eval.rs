//! Prints the chrome that `marsad_chrome::detect` removes from a sample of news articles, so
//! anyone can re-check it by eye.
//!
//! Input: JSON Lines files (one article object a line) or JSON arrays of article objects, read in
//! the order given and sampled as one sequence. The
//! text is taken from the field `text` or `content`; the id from `docno`, `id` or `url`.
//!
//! ```text
//! cargo run -p marsad-chrome --example chrome_eval -- FILE... [--sample N] [--offset K] [--edges E] [--full] [--summary]
//! ```
//! - `--sample N`: take N articles at an even stride through the file (default 100; 0 = all).
//! - `--offset K`: shift the stride start by K (another fixed sample).
//! - `--edges E`: also print the first and last E kept lines of every article, to look for
//!   missed chrome.
//! - `--full`: print every non-blank line of every sampled article, removed parts in ⟦…⟧, to
//!   count missed chrome by reading.
//! - `--summary`: only the totals.

use std::collections::BTreeMap;
use std::process::ExitCode;

use serde_json::Value;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut paths = Vec::new();
    let mut sample = 100usize;
    let mut offset = 0usize;
    let mut edges = 0usize;
    let mut summary = false;
    let mut full = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut num = |name: &str| -> Option<usize> {
            let v = it.next().and_then(|v| v.parse().ok());
            if v.is_none() {
                eprintln!("{name} needs a number");
            }
            v
        };
        match a.as_str() {
            "--sample" => match num("--sample") {
                Some(v) => sample = v,
                None => return ExitCode::FAILURE,
            },
            "--offset" => match num("--offset") {
                Some(v) => offset = v,
                None => return ExitCode::FAILURE,
            },
            "--edges" => match num("--edges") {
                Some(v) => edges = v,
                None => return ExitCode::FAILURE,
            },
            "--summary" => summary = true,
            "--full" => full = true,
            _ => paths.push(a.clone()),
        }
    }
    if paths.is_empty() {
        eprintln!(
            "usage: chrome_eval FILE... [--sample N] [--offset K] [--edges E] [--full] [--summary]"
        );
        return ExitCode::FAILURE;
    }
    let mut articles = Vec::new();
    for path in &paths {
        let raw = match std::fs::read_to_string(path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("cannot read {path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        articles.extend(parse(&raw));
    }
    if articles.is_empty() {
        eprintln!("no articles with a text/content field in {paths:?}");
        return ExitCode::FAILURE;
    }
    let picked: Vec<usize> = if sample == 0 || sample >= articles.len() {
        (0..articles.len()).collect()
    } else {
        let stride = articles.len() / sample;
        (0..sample)
            .map(|k| (k * stride + offset) % articles.len())
            .collect()
    };

    let mut lines_total = 0usize;
    let mut removed_lines = 0usize;
    let mut docs_touched = 0usize;
    let mut by_reason: BTreeMap<String, usize> = BTreeMap::new();
    for &i in &picked {
        let (id, text) = &articles[i];
        let spans = marsad_chrome::detect(text);
        let nonblank = text.lines().filter(|l| !l.trim().is_empty()).count();
        lines_total += nonblank;
        removed_lines += spans.len();
        if !spans.is_empty() {
            docs_touched += 1;
        }
        for s in &spans {
            *by_reason.entry(s.reason.clone()).or_default() += 1;
        }
        if summary || (spans.is_empty() && edges == 0 && !full) {
            continue;
        }
        if full {
            println!("=== #{i} {id} ({nonblank} lines, {} removed)", spans.len());
            print_full(text, &spans);
            continue;
        }
        println!("=== #{i} {id} ({nonblank} lines, {} removed)", spans.len());
        for s in &spans {
            println!("  - [{}] {}..{} {}", s.reason, s.start, s.end, s.text);
        }
        if edges > 0 {
            let blanked = marsad_chrome::blank(text, &spans);
            let kept: Vec<&str> = blanked
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            let head = kept.len().min(edges);
            for l in &kept[..head] {
                println!("  > {}", clip(l, 160));
            }
            if kept.len() > head {
                println!("  ...");
                let tail_from = kept.len().saturating_sub(edges).max(head);
                for l in &kept[tail_from..] {
                    println!("  < {}", clip(l, 160));
                }
            }
        }
    }
    println!(
        "articles {}  touched {}  non-blank lines {}  removed spans {}",
        picked.len(),
        docs_touched,
        lines_total,
        removed_lines
    );
    for (r, n) in by_reason {
        println!("  {r}: {n}");
    }
    ExitCode::SUCCESS
}

/// Prints each non-blank line, numbered, with removed parts wrapped in ⟦…⟧.
fn print_full(text: &str, spans: &[marsad_picture::RemovedSpan]) {
    let mut pos = 0;
    let mut n = 0;
    for line in text.split('\n') {
        let (a, b) = (pos, pos + line.len());
        pos = b + 1;
        if line.trim().is_empty() {
            continue;
        }
        n += 1;
        let mut out = String::new();
        let mut at = a;
        let mut mark = ' ';
        for s in spans.iter().filter(|s| s.start < b && s.end > a) {
            out.push_str(&text[at..s.start]);
            out.push_str(&format!("⟦{}⟧<{}>", &text[s.start..s.end], s.reason));
            at = s.end;
            mark = '-';
        }
        out.push_str(&text[at..b]);
        println!("{mark}{n:3}| {}", out.trim_end());
    }
}

fn clip(s: &str, max_chars: usize) -> String {
    match s.char_indices().nth(max_chars) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn parse(raw: &str) -> Vec<(String, String)> {
    let values: Vec<Value> = match serde_json::from_str::<Value>(raw) {
        Ok(Value::Array(a)) => a,
        Ok(v @ Value::Object(_)) => vec![v],
        _ => raw
            .lines()
            .filter_map(|l| serde_json::from_str::<Value>(l).ok())
            .collect(),
    };
    values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let text = v
                .get("text")
                .or_else(|| v.get("content"))?
                .as_str()?
                .to_string();
            let id = ["docno", "id", "url"]
                .iter()
                .find_map(|k| v.get(*k).and_then(Value::as_str))
                .map_or_else(|| i.to_string(), str::to_string);
            Some((id, text))
        })
        .collect()
}
