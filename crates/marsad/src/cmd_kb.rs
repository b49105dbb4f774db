//! `marsad kb ...`: knowledge-base commands. (Owned by the knowledge-base work.)

use clap::Subcommand;

/// Knowledge-base subcommands.
#[derive(Subcommand)]
pub enum KbCommand {
    /// Build the knowledge base from public data.
    Build,
}

/// Runs a knowledge-base subcommand.
pub fn run(cmd: KbCommand) -> anyhow::Result<()> {
    match cmd {
        KbCommand::Build => anyhow::bail!("kb build is not implemented yet"),
    }
}
