//! Export speed on a real picture: `cargo run --release -p marsad-export --example export_bench --
//! PICTURE.json [OUT_DIR] [--repeat N]`. Each format is written to memory N times (default 3);
//! the fastest run is reported as output MB/s and picture-JSON MB/s. With OUT_DIR the files are
//! also written there (`picture.<extension>`) for opening in other tools. On Linux the process CPU
//! time per run is reported too, which a busy machine distorts less than wall time.

use std::time::{Duration, Instant};

use marsad_export::Format;
use marsad_picture::Picture;

/// CPU time (user + system) of this process so far, from `/proc/self/stat`; `None` elsewhere.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may contain spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // USER_HZ is 100 on every Linux platform Rust supports.
    Some(Duration::from_millis(ticks * 10))
}

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
        "{:<18} {:>8} {:>9} {:>9} {:>9} {:>12} {:>14}",
        "format", "out MB", "best ms", "cpu ms", "out MB/s", "picture MB/s", "cpu picture MB/s"
    );
    for f in Format::ALL {
        let mut best = Duration::MAX;
        let mut out = Vec::new();
        let runs = repeat.max(1);
        let cpu_before = cpu_time();
        for _ in 0..runs {
            out.clear();
            let t = Instant::now();
            f.write(&picture, &mut out)?;
            best = best.min(t.elapsed());
        }
        let cpu = cpu_before
            .zip(cpu_time())
            .map(|(a, b)| (b - a).as_secs_f64() / runs as f64);
        let secs = best.as_secs_f64().max(1e-9);
        let cpu_ms = cpu.map_or("-".to_string(), |c| format!("{:.0}", c * 1e3));
        let cpu_rate = cpu
            .filter(|c| *c > 0.0)
            .map_or("-".to_string(), |c| format!("{:.1}", mb(raw.len()) / c));
        println!(
            "{:<18} {:>8.2} {:>9.1} {:>9} {:>9.1} {:>12.1} {:>14}",
            f.name(),
            mb(out.len()),
            secs * 1e3,
            cpu_ms,
            mb(out.len()) / secs,
            mb(raw.len()) / secs,
            cpu_rate
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
