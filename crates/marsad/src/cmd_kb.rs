//! `marsad kb ...`: knowledge-base commands. (Owned by the knowledge-base work.)

use std::path::PathBuf;
use std::time::Instant;

use clap::Subcommand;

/// Knowledge-base subcommands.
#[derive(Subcommand)]
pub enum KbCommand {
    /// Build the knowledge base from public data (prints per-source counts and conflicts dropped).
    Build {
        /// Folder of public data sets (`shared/data`).
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        /// Output folder; `entities.jsonl` is written there and `curated.tsv` read from there.
        #[arg(long, default_value = "kb/")]
        out: PathBuf,
    },
    /// Load the shipped KB and print its size and load time.
    Stats,
    /// Find KB names in a text file and print the matches.
    Find {
        /// A UTF-8 text file.
        path: PathBuf,
    },
}

/// Runs a knowledge-base subcommand.
pub fn run(cmd: KbCommand) -> anyhow::Result<()> {
    match cmd {
        KbCommand::Build { data, out } => {
            let curated = out.join("curated.tsv");
            let curated = curated.exists().then_some(curated.as_path());
            let (entries, report) = marsad_kb::build::build(&data, curated)?;
            for l in &report.lines {
                println!("{l}");
            }
            std::fs::create_dir_all(&out)?;
            let path = out.join("entities.jsonl");
            marsad_kb::build::write_jsonl(&entries, &path)?;
            println!("wrote {} entries to {}", entries.len(), path.display());
            let n = marsad_kb::build::write_common_words(&data, &out)?;
            println!(
                "wrote {n} common words to {}",
                out.join("common_words.txt").display()
            );
            let n = marsad_kb::build::write_standalone_names(&data, &out)?;
            println!(
                "wrote {n} standalone names to {}",
                out.join("standalone_names.txt").display()
            );
            let n = marsad_kb::build::write_name_tokens(&data, &out)?;
            println!(
                "wrote {n} name tokens to {}",
                out.join("name_tokens.tsv").display()
            );
            Ok(())
        }
        KbCommand::Stats => {
            let t = Instant::now();
            let kb = marsad_kb::Kb::from_jsonl(marsad_kb::model::BUILTIN_JSONL)?;
            let dt = t.elapsed();
            println!(
                "{} entries, {} alias keys, loaded in {:.1} ms",
                kb.entries.len(),
                kb.alias_count(),
                dt.as_secs_f64() * 1e3
            );
            Ok(())
        }
        KbCommand::Find { path } => {
            let text = std::fs::read_to_string(&path)?;
            let kb = marsad_kb::Kb::builtin();
            let gaz = marsad_kb::Gazetteer::new(kb);
            for m in gaz.find(&text) {
                let e = &kb.entries[m.targets[0].entry as usize];
                println!(
                    "{}..{}\t{}\t{:?}\t{}\t{}",
                    m.start,
                    m.end,
                    &text[m.start..m.end],
                    m.targets[0].kind,
                    e.id,
                    e.en.as_deref().unwrap_or(&e.ar)
                );
            }
            Ok(())
        }
    }
}
