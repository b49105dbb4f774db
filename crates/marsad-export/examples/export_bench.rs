//! Export speed on a real picture: `cargo run --release -p marsad-export --example export_bench --
//! PICTURE.json [OUT_DIR] [--repeat N]`. Each format is written to memory N times (default 3);
//! the fastest run is reported as output MB/s and picture-JSON MB/s. With OUT_DIR the files are
//! also written there (`picture.<extension>`) for opening in other tools.

use std::time::{Duration, Instant};

use marsad_export::Format;
use marsad_picture::Picture;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut input = None;
    let mut out_dir = None;
    let mut repeat = 3usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--repeat" => repeat = args.next().ok_or("--repeat needs a number")?.parse()?,
            _ if input.is_none() => input = Some(a),
            _ => out_dir = Some(a),
        }
    }
    let input = input.ok_or("usage: export_bench PICTURE.json [OUT_DIR] [--repeat N]")?;
    let raw = std::fs::read(&input)?;
    let t = Instant::now();
    let picture: Picture = serde_json::from_slice(&raw)?;
    let mb = |n: usize| n as f64 / 1e6;
    println!(
        "picture {input}: {:.1} MB JSON, {} documents, {} entities, {} events, {} relations (parsed in {:.2} s)",
        mb(raw.len()),
        picture.documents.len(),
        picture.entities.len(),
        picture.events.len(),
        picture.relations.len(),
        t.elapsed().as_secs_f64()
    );
    println!(
        "{:<18} {:>10} {:>9} {:>10} {:>12}",
        "format", "out MB", "best ms", "out MB/s", "picture MB/s"
    );
    for f in Format::ALL {
        let mut best = Duration::MAX;
        let mut out = Vec::new();
        for _ in 0..repeat.max(1) {
            out.clear();
            let t = Instant::now();
            f.write(&picture, &mut out)?;
            best = best.min(t.elapsed());
        }
        let secs = best.as_secs_f64().max(1e-9);
        println!(
            "{:<18} {:>10.2} {:>9.1} {:>10.1} {:>12.1}",
            f.name(),
            mb(out.len()),
            secs * 1e3,
            mb(out.len()) / secs,
            mb(raw.len()) / secs
        );
        if let Some(dir) = &out_dir {
            std::fs::create_dir_all(dir)?;
            std::fs::write(
                std::path::Path::new(dir).join(format!("picture.{}", f.extension())),
                &out,
            )?;
        }
    }
    Ok(())
}
