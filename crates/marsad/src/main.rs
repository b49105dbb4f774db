//! `marsad`: the command-line front of the engine. Thin: parses arguments, does I/O, calls the
//! library crates. Each command family lives in its own module.

mod cmd_kb;
mod cmd_ner;

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
    /// Knowledge base: build it from public data, inspect it.
    #[command(subcommand)]
    Kb(cmd_kb::KbCommand),
    /// Train a model.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Evaluate a model.
    #[command(subcommand)]
    Eval(EvalCommand),
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

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Kb(cmd) => cmd_kb::run(cmd),
        Command::Train(TrainCommand::Ner(args)) => cmd_ner::train(args),
        Command::Eval(EvalCommand::Ner(args)) => cmd_ner::eval(args),
    }
}
