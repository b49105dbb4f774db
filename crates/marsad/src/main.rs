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
    Ner(cmd_ner::TrainNerArgs),
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
        Command::Train(TrainCommand::Ner(args)) => cmd_ner::train(args).map(|()| ExitCode::SUCCESS),
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
                    });
                kind == Some(std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("marsad: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
