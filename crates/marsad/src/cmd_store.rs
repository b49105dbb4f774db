//! `marsad ingest` and `marsad export`: documents into a store, the stored picture out.

use std::collections::HashSet;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use marsad_ingest::IngestOptions;
use marsad_picture::Severity;
use marsad_store::{IngestOutcome, IngestProgress, SearchQuery, Store};

/// Where the store is.
#[derive(Args, Clone)]
pub struct StoreLocation {
    /// Data directory of the embedded store.
    #[arg(long, default_value = marsad_store::DEFAULT_DATA_DIR, conflicts_with = "store")]
    data: PathBuf,
    /// A PostgreSQL URL (postgres://user@host/db) instead of the embedded store.
    #[arg(long)]
    store: Option<String>,
}

impl StoreLocation {
    /// Opens the store.
    pub fn open(&self) -> anyhow::Result<Box<dyn Store>> {
        let loc = match &self.store {
            Some(url) => url.clone(),
            None => self.data.display().to_string(),
        };
        marsad_store::open(&loc).with_context(|| "cannot open the store".to_string())
    }

    /// Opens a store that must already hold data: reading commands do not create an empty store
    /// in a mistyped directory and then answer with nothing.
    pub fn open_existing(&self) -> anyhow::Result<Box<dyn Store>> {
        if self.store.is_none() && !self.data.join(marsad_store::DB_FILE).is_file() {
            anyhow::bail!(
                "no store in {} (nothing was ingested there): check --data, or run `marsad ingest --data {} PATH…` first",
                self.data.display(),
                self.data.display()
            );
        }
        self.open()
    }

    /// Opens an existing store for a command that only reads it: read-only when asked
    /// (`--read-only`), or when the store cannot be written here (a read-only disk, another
    /// user's files), so an archive can be read without being touched.
    pub fn open_for_reading(&self, read_only: bool) -> anyhow::Result<Box<dyn Store>> {
        let loc = match &self.store {
            Some(url) => url.clone(),
            None => self.data.display().to_string(),
        };
        if read_only {
            return marsad_store::open_read_only(&loc)
                .with_context(|| "cannot open the store read-only".to_string());
        }
        match self.open_existing() {
            Err(e) if is_not_writable(&e) => {
                eprintln!(
                    "marsad: {} cannot be written here: reading it read-only",
                    self.data.display()
                );
                marsad_store::open_read_only(&loc)
                    .with_context(|| "cannot open the store read-only".to_string())
            }
            other => other,
        }
    }
}

/// Whether an error of opening a store says the store exists but cannot be written here.
pub fn is_not_writable(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        matches!(
            c.downcast_ref::<marsad_store::StoreError>(),
            Some(marsad_store::StoreError::NotWritable { .. })
        )
    })
}

/// Arguments of `marsad ingest`.
#[derive(Args)]
pub struct IngestArgs {
    #[command(flatten)]
    location: StoreLocation,
    /// Files or folders (read recursively, in sorted order) of .txt, .html/.htm and .jsonl. With
    /// none, only brings the store up to date: re-analyses documents stored by a build with another
    /// analyser and rebuilds a stale picture.
    paths: Vec<PathBuf>,
    /// Largest input file accepted, in bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    max_bytes: u64,
}

/// Arguments of `marsad export`.
#[derive(Args)]
pub struct ExportArgs {
    #[command(flatten)]
    location: StoreLocation,
    /// jsonl, events.csv, entities.csv, graphml, events.parquet or entities.parquet.
    #[arg(long)]
    format: String,
    /// Write to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Only the items of documents with sentences matching these words.
    #[arg(long)]
    query: Option<String>,
    /// Only documents with a sentence mentioning this entity id.
    #[arg(long)]
    entity: Option<String>,
    /// Only documents with a sentence telling an event of this type.
    #[arg(long)]
    event_type: Option<String>,
    /// Only documents of this outlet.
    #[arg(long)]
    outlet: Option<String>,
    /// Only documents published on or after this date (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Only documents published on or before this date (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Read the store without writing anything to its directory (a read-only disk, an archive).
    /// A store that cannot be written is read this way without asking.
    #[arg(long)]
    read_only: bool,
}

/// Runs `marsad ingest`.
pub fn ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let store = args.location.open()?;
    let opts = IngestOptions {
        max_bytes: args.max_bytes,
    };
    let (files, list_errors) = marsad_ingest::list_inputs(&args.paths);
    let mut failures = list_errors.len();
    for e in &list_errors {
        eprintln!("marsad: {e}");
    }
    let mut docs = Vec::new();
    let mut ids = marsad_ingest::UniqueIds::default();
    for f in &files {
        let (ds, mut errs) = marsad_ingest::read_file(f, &opts);
        let ds = ids.admit(ds, &mut errs);
        for e in &errs {
            eprintln!("marsad: {}", crate::cmd_analyze::input_error(e));
        }
        failures += errs.len();
        docs.extend(ds);
    }
    if docs.is_empty() && failures > 0 {
        anyhow::bail!("no document could be read ({failures} error(s) above)");
    }
    let tty = std::io::stderr().is_terminal();
    let bar = if tty {
        let b = ProgressBar::new(docs.len() as u64);
        b.set_style(
            ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {wide_msg}")
                .expect("static template")
                .progress_chars("=> "),
        );
        b.set_prefix("ingesting");
        b
    } else {
        ProgressBar::with_draw_target(Some(docs.len() as u64), ProgressDrawTarget::hidden())
    };
    // Without a terminal, one line per committed batch: a log (and the crash test) can tell
    // exactly which documents are safely stored.
    let reanalysed = std::cell::Cell::new(0usize);
    let mut progress = |p: IngestProgress| match p {
        IngestProgress::Reanalysing { done, total } => {
            reanalysed.set(done);
            bar.set_message(format!(
                "re-analysing stored documents (this build analyses differently): {done}/{total}"
            ));
            if !tty {
                eprintln!("re-analysed {done}/{total} stored documents");
            }
        }
        IngestProgress::Documents { done, total } => {
            bar.set_position(done as u64);
            if !tty {
                eprintln!("committed {done}/{total}");
            }
        }
        IngestProgress::Assembling => {
            bar.set_message("assembling the picture");
            if !tty {
                eprintln!("assembling the picture");
            }
        }
        IngestProgress::Indexing => {
            bar.set_message("writing the picture");
            if !tty {
                eprintln!("writing the picture");
            }
        }
    };
    let t0 = std::time::Instant::now();
    let report = store
        .ingest(docs, &mut progress)
        .context("ingest failed (documents committed before the failure are kept)")?;
    bar.finish_and_clear();
    // The store's warnings say what happened to a document (a copy of a stored one skipped, NUL
    // characters replaced): without them "unchanged" would hide a document that was not stored.
    for d in &report.diagnostics {
        let level = if d.severity == Severity::Error {
            ""
        } else {
            "warning: "
        };
        eprintln!("marsad: {level}{}: {}", d.subject, d.message);
    }
    let count = |o: IngestOutcome| report.documents.iter().filter(|(_, x)| *x == o).count();
    if reanalysed.get() > 0 {
        println!(
            "{} stored documents re-analysed (they were analysed by another build)",
            reanalysed.get()
        );
    }
    println!(
        "{} added, {} unchanged, {} replaced; picture version {} ({:.1} s)",
        count(IngestOutcome::Added),
        count(IngestOutcome::Unchanged),
        count(IngestOutcome::Replaced),
        report.version,
        t0.elapsed().as_secs_f64()
    );
    Ok(if failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Runs `marsad export`.
pub fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let format: marsad_export::Format = args.format.parse().map_err(|e| anyhow::anyhow!("{e}"))?;
    let store = args.location.open_for_reading(args.read_only)?;
    let mut picture = store.picture().context("cannot read the picture")?;
    let filtered = args.query.is_some()
        || args.entity.is_some()
        || args.event_type.is_some()
        || args.outlet.is_some()
        || args.from.is_some()
        || args.to.is_some();
    if filtered {
        let mut q = SearchQuery {
            text: args.query.clone().unwrap_or_default(),
            entity: args.entity.clone(),
            event_type: args.event_type.clone(),
            outlet: args.outlet.clone(),
            from: args.from.clone(),
            to: args.to.clone(),
            limit: marsad_store::MAX_LIMIT,
            offset: 0,
        };
        let mut docs = HashSet::new();
        loop {
            let r = store.search(&q).context("query failed")?;
            let n = r.hits.len();
            docs.extend(r.hits.into_iter().map(|h| h.sentence.doc));
            q.offset += n;
            if n == 0 || q.offset >= r.total {
                break;
            }
        }
        picture = marsad_store::restrict_picture(&picture, &docs);
        eprintln!("{} matching documents", picture.documents.len());
    }
    let mut out: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => {
            if format.is_binary() && std::io::stdout().is_terminal() {
                anyhow::bail!("{format} is binary: give --out FILE or redirect standard output");
            }
            Box::new(BufWriter::new(std::io::stdout().lock()))
        }
    };
    format.write(&picture, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
