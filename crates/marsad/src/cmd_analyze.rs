//! `marsad analyze` and `marsad text`: read inputs, run the pipeline, write the picture.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use marsad_core::{AnalyzeOptions, SourceDocument};
use marsad_ingest::IngestOptions;
use marsad_picture::Severity;

/// Output format of `analyze`.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// The picture as JSON (`marsad.picture/1`).
    Json,
    /// A readable summary for a person.
    Text,
}

/// Arguments of `marsad analyze`.
#[derive(Args)]
pub struct AnalyzeArgs {
    /// Files or folders (read recursively, in sorted order) of .txt, .html/.htm and .jsonl.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: Format,
    /// Include each document's text in the picture.
    #[arg(long)]
    with_text: bool,
    /// Write the output to this file instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Largest input file accepted, in bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    max_bytes: u64,
    /// Print how long reading, per-document analysis and cross-document assembly took (stderr).
    #[arg(long)]
    timings: bool,
}

/// Arguments of `marsad text`.
#[derive(Args)]
pub struct TextArgs {
    /// The document id (file stem, or the JSONL id).
    doc_id: String,
    /// Files or folders to find it in.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Largest input file accepted, in bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    max_bytes: u64,
}

/// An input's error as the user reads it: a file over the size limit says how to raise it.
pub(crate) fn input_error(e: &marsad_ingest::IngestError) -> String {
    match e {
        marsad_ingest::IngestError::TooLarge { .. } => {
            format!("{e} (raise the limit with --max-bytes)")
        }
        _ => e.to_string(),
    }
}

/// Reads every input, reporting unreadable ones on stderr; a progress bar shows for many files.
fn read_inputs(paths: &[PathBuf], max_bytes: u64) -> anyhow::Result<(Vec<SourceDocument>, usize)> {
    let opts = IngestOptions { max_bytes };
    let files = marsad_ingest::list_inputs(paths);
    let (files, list_errors) = files;
    let mut failures = 0usize;
    for e in &list_errors {
        eprintln!("marsad: {e}");
        failures += 1;
    }
    let bar = progress_bar(files.len() as u64, "reading");
    let mut docs = Vec::new();
    let mut ids = marsad_ingest::UniqueIds::default();
    for f in &files {
        bar.set_message(f.display().to_string());
        let (ds, mut errs) = marsad_ingest::read_file(f, &opts);
        let ds = ids.admit(ds, &mut errs);
        for e in &errs {
            bar.suspend(|| eprintln!("marsad: {}", input_error(e)));
        }
        failures += errs.len();
        docs.extend(ds);
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok((docs, failures))
}

fn progress_bar(len: u64, what: &'static str) -> ProgressBar {
    // Only worth drawing for more than a few files, and only for a person at a terminal.
    if len <= 3 || !std::io::stderr().is_terminal() {
        return ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::hidden());
    }
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template("{prefix} [{bar:30}] {pos}/{len} {wide_msg}")
            .expect("static template")
            .progress_chars("=> "),
    );
    bar.set_prefix(what);
    bar
}

/// Runs `marsad analyze`.
pub fn analyze(args: AnalyzeArgs) -> anyhow::Result<ExitCode> {
    let t0 = std::time::Instant::now();
    let (docs, failures) = read_inputs(&args.paths, args.max_bytes)?;
    let t_read = t0.elapsed();
    if docs.is_empty() {
        anyhow::bail!(
            "no document could be read from {} ({failures} error(s) above)",
            args.paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let opts = AnalyzeOptions {
        with_text: args.with_text,
    };
    let bar = progress_bar(docs.len() as u64, "analysing");
    let analyses = marsad_core::parallel_map(&docs, |d| {
        bar.set_message(d.id.clone());
        let (a, diags) = marsad_core::analyze_document(d, &opts);
        for diag in &diags {
            let level = if diag.severity == Severity::Error {
                ""
            } else {
                "warning: "
            };
            bar.suspend(|| eprintln!("marsad: {level}{}: {}", diag.subject, diag.message));
        }
        bar.inc(1);
        a
    });
    bar.finish_and_clear();
    let t_docs = t0.elapsed();
    let (picture, _diags) = marsad_core::assemble(analyses);
    if args.timings {
        let t_all = t0.elapsed();
        eprintln!(
            "timings: read {:.2} s, per-document {:.2} s, cross-document {:.2} s ({} documents)",
            t_read.as_secs_f64(),
            (t_docs - t_read).as_secs_f64(),
            (t_all - t_docs).as_secs_f64(),
            docs.len()
        );
    }

    let mut out: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &picture)?;
            writeln!(out)?;
        }
        Format::Text => crate::summary::write(&mut out, &picture)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Runs `marsad text`.
pub fn text(args: TextArgs) -> anyhow::Result<ExitCode> {
    let (docs, _) = read_inputs(&args.paths, args.max_bytes)?;
    let doc = docs
        .iter()
        .find(|d| d.id == args.doc_id)
        .with_context(|| format!("no document with id {:?} in the given paths", args.doc_id))?;
    let mut out = std::io::stdout().lock();
    out.write_all(doc.text.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
