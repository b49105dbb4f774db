//! `marsad train ner` / `marsad eval ner`. (Owned by the tagger work.)

use anyhow::Context;
use clap::Args;
use marsad_ner::{parse_conll, NerLabel, Sentence, Tagger, TrainConfig};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Arguments of `marsad train ner`.
#[derive(Args)]
pub struct TrainNerArgs {
    /// Training data, CoNLL `token TAG` lines (e.g. ANERCorp_CamelLab_train.txt).
    #[arg(long)]
    train: PathBuf,
    /// Dev data scored after every epoch (never trained on).
    #[arg(long)]
    dev: Option<PathBuf>,
    /// Hold out this fraction of the training sentences (taken from the end) as dev instead.
    #[arg(long, conflicts_with = "dev")]
    holdout: Option<f64>,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Training epochs.
    #[arg(long, default_value_t = TrainConfig::default().epochs)]
    epochs: usize,
    /// Feature hash width in bits.
    #[arg(long, default_value_t = TrainConfig::default().hash_bits)]
    hash_bits: u32,
    /// Shuffle seed.
    #[arg(long, default_value_t = TrainConfig::default().seed)]
    seed: u64,
}

/// Arguments of `marsad eval ner`.
#[derive(Args)]
pub struct EvalNerArgs {
    /// Model file; defaults to the shipped model embedded in the binary.
    #[arg(long)]
    model: Option<PathBuf>,
    /// Test data: CoNLL files or folders of `*.txt` CoNLL files (may repeat).
    #[arg(long, required = true)]
    test: Vec<PathBuf>,
    /// Entity types to score (others are mapped to O on both sides), e.g. `PER,LOC,ORG` for AQMAR.
    #[arg(long, value_delimiter = ',')]
    types: Vec<String>,
}

fn read_conll(path: &Path) -> anyhow::Result<Vec<Sentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    parse_conll(&text).with_context(|| format!("parsing {}", path.display()))
}

fn read_many(paths: &[PathBuf]) -> anyhow::Result<Vec<Sentence>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| {
                    f.extension().is_some_and(|x| x == "txt")
                        && !f.file_name().is_some_and(|n| {
                            n.to_string_lossy().to_uppercase().starts_with("SOURCE")
                        })
                })
                .collect();
            files.sort();
            for f in files {
                out.extend(read_conll(&f)?);
            }
        } else {
            out.extend(read_conll(p)?);
        }
    }
    Ok(out)
}

/// Trains the tagger.
pub fn train(args: TrainNerArgs) -> anyhow::Result<()> {
    let t0 = Instant::now();
    let mut data = read_conll(&args.train)?;
    let dev = match (&args.dev, args.holdout) {
        (Some(d), _) => Some(read_conll(d)?),
        (None, Some(f)) => {
            anyhow::ensure!((0.0..1.0).contains(&f), "--holdout must be in [0, 1)");
            let keep = data.len() - (data.len() as f64 * f).round() as usize;
            Some(data.split_off(keep))
        }
        (None, None) => None,
    };
    let cfg = TrainConfig {
        epochs: args.epochs,
        seed: args.seed,
        hash_bits: args.hash_bits,
        ..TrainConfig::default()
    };
    let ntok: usize = data.iter().map(|s| s.tokens.len()).sum();
    eprintln!(
        "training on {} sentences / {} tokens{}",
        data.len(),
        ntok,
        dev.as_ref()
            .map_or(String::new(), |d| format!("; dev {} sentences", d.len()))
    );
    let tagger = marsad_ner::train(&data, dev.as_deref(), &cfg, None, |r| {
        let dev = r.dev.as_ref().map_or(String::new(), |s| {
            let per: Vec<String> = s
                .per_type
                .iter()
                .map(|(l, c)| format!("{} {:.2}", l.as_str(), c.f1()))
                .collect();
            format!("  dev F1 {:.2} ({})", s.overall.f1(), per.join(", "))
        });
        eprintln!(
            "epoch {:>2}: {} token errors{}  [{:.1}s]",
            r.epoch,
            r.train_token_errors,
            dev,
            t0.elapsed().as_secs_f64()
        );
    })?;
    let bytes = tagger.to_bytes();
    std::fs::write(&args.out, &bytes).with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "wrote {} ({:.2} MB) in {:.1}s",
        args.out.display(),
        bytes.len() as f64 / 1e6,
        t0.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Evaluates the tagger.
pub fn eval(args: EvalNerArgs) -> anyhow::Result<()> {
    let tagger = match &args.model {
        Some(p) => {
            Tagger::load(&std::fs::read(p).with_context(|| format!("reading {}", p.display()))?)?
        }
        None => Tagger::shipped()?,
    };
    let keep: Vec<NerLabel> = if args.types.is_empty() {
        NerLabel::ALL.to_vec()
    } else {
        args.types
            .iter()
            .map(|t| NerLabel::parse(t).with_context(|| format!("unknown entity type {t:?}")))
            .collect::<anyhow::Result<_>>()?
    };
    let data = read_many(&args.test)?;
    let t0 = Instant::now();
    let (gold, pred) = marsad_ner::tag_all(&tagger, &data, None);
    let secs = t0.elapsed().as_secs_f64();
    let scores = marsad_ner::score(&gold, &pred, &keep);
    print!("{}", scores.report());
    println!(
        "tagged {} tokens in {:.3}s: {:.0} tokens/s",
        scores.tokens,
        secs,
        scores.tokens as f64 / secs.max(1e-9)
    );
    Ok(())
}
