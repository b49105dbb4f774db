//! `marsad`: the command-line front of the engine. Thin: parses arguments, does I/O, calls the
//! library crates. Each command family lives in its own module.

mod cmd_analyze;
mod cmd_kb;
mod cmd_ner;
mod cmd_serve;
mod cmd_store;
mod summary;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Marsad (مرصد): reads Arabic news and reconstructs the actors, events, figures, dates and claims
/// they describe, every item cited to its exact bytes.
#[derive(Parser)]
#[command(name = "marsad", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles (files or folders of .txt, .html, .jsonl) and print their picture.
    Analyze(cmd_analyze::AnalyzeArgs),
    /// Print the plain text of one document (the text that picture offsets index).
    Text(cmd_analyze::TextArgs),
    /// Knowledge base: build it from public data, inspect it.
    #[command(subcommand)]
    Kb(cmd_kb::KbCommand),
    /// Train a model.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Evaluate a model.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Add documents to a store (embedded by default, or PostgreSQL) and rebuild its picture.
    Ingest(cmd_store::IngestArgs),
    /// Write the stored picture (or a query's part of it) as jsonl, CSV, GraphML or Parquet.
    Export(cmd_store::ExportArgs),
    /// Serve the HTTP API and the web page over a store.
    Serve(cmd_serve::ServeArgs),
}

#[derive(Subcommand)]
enum TrainCommand {
    /// Train the named-entity tagger on CoNLL data.
    Ner(Box<cmd_ner::TrainNerArgs>),
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Evaluate the named-entity tagger on CoNLL data.
    Ner(cmd_ner::EvalNerArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => cmd_analyze::analyze(args),
        Command::Text(args) => cmd_analyze::text(args),
        Command::Kb(cmd) => cmd_kb::run(cmd).map(|()| ExitCode::SUCCESS),
        Command::Train(TrainCommand::Ner(args)) => {
            cmd_ner::train(*args).map(|()| ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::Ner(args)) => cmd_ner::eval(args).map(|()| ExitCode::SUCCESS),
        Command::Ingest(args) => cmd_store::ingest(args),
        Command::Export(args) => cmd_store::export(args),
        Command::Serve(args) => cmd_serve::serve(args).map(|()| ExitCode::SUCCESS),
    };
    match result {
        Ok(code) => code,
        // A reader that stops early (`marsad analyze … | head`) is not an error.
        Err(e)
            if e.chain().any(|c| {
                let kind = c
                    .downcast_ref::<std::io::Error>()
                    .map(std::io::Error::kind)
                    .or_else(|| {
                        c.downcast_ref::<serde_json::Error>()
                            .and_then(serde_json::Error::io_error_kind)
                    })
                    .or_else(|| match c.downcast_ref::<csv::Error>()?.kind() {
                        csv::ErrorKind::Io(e) => Some(e.kind()),
                        _ => None,
                    });
                kind == Some(std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("marsad: error: {}", error_chain(&e));
            ExitCode::FAILURE
        }
    }
}

/// The error and its causes joined by ": ", leaving out a cause whose text its parent already
/// printed (library errors often show their source in their own message too).
fn error_chain(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::error_chain;

    #[test]
    fn a_cause_already_in_its_parents_message_is_printed_once() {
        let io = std::io::Error::new(std::io::ErrorKind::PermissionDenied, "no access");
        let e = anyhow::Error::new(marsad_export::ExportError::Io(io)).context("exporting");
        assert_eq!(error_chain(&e), "exporting: writing export: no access");
        let plain = anyhow::anyhow!("inner").context("outer");
        assert_eq!(error_chain(&plain), "outer: inner");
    }
}
