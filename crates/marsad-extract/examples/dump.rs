//! Prints the figures and dates found in the given text files, one per line.
//!
//! `cargo run -p marsad-extract --example dump -- FILE... [--published YYYY-MM-DD]`

use marsad_extract::{extract_dates, extract_quantities};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let published = args
        .iter()
        .position(|a| a == "--published")
        .and_then(|i| args.get(i + 1).cloned());
    for path in args
        .iter()
        .filter(|a| a.as_str() != "--published" && Some(*a) != published.as_ref())
    {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        println!("== {path}");
        let (qs, _) = extract_quantities(path, &text);
        for q in qs {
            println!(
                "Q {:>12} {:<10} {:<9} {:?} | {}",
                q.value,
                q.unit.unwrap_or_default(),
                q.kind,
                q.bound,
                q.evidence[0].text
            );
        }
        let (ds, _) = extract_dates(path, &text, published.as_deref());
        for d in ds {
            println!(
                "D {:<12} {:?} {:?} | {}",
                d.value, d.precision, d.anchor, d.evidence[0].text
            );
        }
    }
}
