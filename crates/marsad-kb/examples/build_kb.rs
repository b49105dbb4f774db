//! Builds `kb/entities.jsonl` from `shared/data` (same as `marsad kb build`).
//! Usage: cargo run --release -p marsad-kb --example build_kb -- [DATA] [OUT]

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let data = PathBuf::from(args.next().unwrap_or_else(|| "../shared/data".into()));
    let out = PathBuf::from(args.next().unwrap_or_else(|| "kb".into()));
    let curated = out.join("curated.tsv");
    let curated = curated.exists().then_some(curated.as_path());
    let (entries, report) = marsad_kb::build::build(&data, curated)?;
    for l in &report.lines {
        println!("{l}");
    }
    marsad_kb::build::write_jsonl(&entries, &out.join("entities.jsonl"))?;
    println!("wrote {} entries", entries.len());
    let n = marsad_kb::build::write_common_words(&data, &out)?;
    println!("wrote {n} common words");
    let n = marsad_kb::build::write_name_tokens(&data, &out)?;
    println!("wrote {n} name tokens");
    Ok(())
}
