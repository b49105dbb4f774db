//! `marsad train ner` / `marsad eval ner`. (Owned by the tagger work.)

use clap::Args;

/// Arguments of `marsad train ner`.
#[derive(Args)]
pub struct TrainNerArgs {}

/// Arguments of `marsad eval ner`.
#[derive(Args)]
pub struct EvalNerArgs {}

/// Trains the tagger.
pub fn train(_args: TrainNerArgs) -> anyhow::Result<()> {
    anyhow::bail!("train ner is not implemented yet")
}

/// Evaluates the tagger.
pub fn eval(_args: EvalNerArgs) -> anyhow::Result<()> {
    anyhow::bail!("eval ner is not implemented yet")
}
