//! `marsad train ner` / `marsad eval ner`. (Owned by the tagger work.)

use anyhow::Context;
use clap::Args;
use marsad_ner::{
    parse_conll, ClusterConfig, Clusters, Gazetteer, Lexicon, NerLabel, Sentence, Tagger,
    TrainConfig, LEX_LOC, LEX_NAT, LEX_ORG, LEX_PER,
};
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
    /// Extra training data (may repeat), added to the training side only: with `--cv` to the
    /// training part of every fold (never to the held-out fold, which is scored alone), with
    /// `--holdout` to the kept part. Spliced in block by block so the document jack-knife treats
    /// it like the main data (`marsad_ner::interleave_blocks`).
    #[arg(long)]
    extra_train: Vec<PathBuf>,
    /// Format of `--extra-train`: `conll` (`token TAG`) or `wojood` (nested tags, mapped to
    /// ANERcorp's conventions by `marsad_ner::parse_wojood`).
    #[arg(long, default_value = "conll", value_parser = ["conll", "wojood"])]
    extra_format: String,
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
    /// Raw text to learn word clusters from: JSON Lines with `title`/`text` fields (e.g. ant_news)
    /// or plain text, one document per line.
    #[arg(long)]
    clusters_from: Option<PathBuf>,
    /// Folder of public data (`/work/shared/data` layout) to build the name lexicon from:
    /// names_anetac, names_wikidata_translit_ar, gaz_world_cities_ar, gaz_country_aliases_wikidata,
    /// gaz_arwikicats_ar_translations. Missing files are skipped with a note.
    #[arg(long)]
    lexicon_from: Option<PathBuf>,
    /// Probability of hiding a token's word-identity features during training.
    #[arg(long, default_value_t = 0.0)]
    word_dropout: f64,
    /// Penalty on the O tag at decoding; omitted with a dev set, it is tuned on the dev set.
    #[arg(long)]
    o_bias: Option<f32>,
    /// Train a CRF (SGD, this L2 coefficient) instead of the averaged perceptron.
    #[arg(long)]
    crf_l2: Option<f64>,
    /// Add the training data's entity words to the lexicon, jack-knifed over this many folds (0 = off).
    #[arg(long, default_value_t = 0)]
    train_entity_folds: usize,
    /// Also mine organisation/place name words from the `--clusters-from` text (head-noun patterns).
    #[arg(long, requires = "clusters_from")]
    mine_names: bool,
    /// Number of fine word clusters.
    #[arg(long, default_value_t = ClusterConfig::default().fine)]
    clusters: usize,
    /// Further k-means clusterings of the same word vectors (cluster counts), e.g. `64,1024`.
    #[arg(long, value_delimiter = ',')]
    extra_clusters: Vec<usize>,
    /// Word embeddings from the same PPMI vectors (truncated SVD, binarised per dimension) with
    /// this many dimensions (≤ 64, 0 = none), each dimension's code a feature.
    #[arg(long, default_value_t = 0)]
    embed_dims: usize,
    /// The neighbours' (±1) embedding codes are features too.
    #[arg(long)]
    embed_context: bool,
    /// Two-stage tagging: a second pass sees the first pass's labels of the same word within
    /// this many tokens on either side (0 = one pass).
    #[arg(long, default_value_t = 0)]
    doc_window: usize,
    /// The second pass also sees the first pass's own tags (stacking).
    #[arg(long)]
    doc_stack: bool,
    /// Self-trained lexicon: tag the `--clusters-from` text and use each frequent word's
    /// majority entity type there as a feature (jack-knifed over the training folds).
    #[arg(long, requires = "clusters_from")]
    self_train: bool,
    /// Perceptrons per model (different shuffle seeds, weights averaged).
    #[arg(long, default_value_t = 1)]
    ensemble: usize,
    /// Cost-augmented perceptron training: margin added to every wrong tag while learning
    /// (doubled for `O` on an entity token); 0 = plain perceptron.
    #[arg(long, default_value_t = 0.0)]
    margin: f32,
    /// Factor on the margin for `O` on an entity token.
    #[arg(long, default_value_t = TrainConfig::default().margin_o)]
    margin_o: f32,
    /// Wide-context features: words and coarse clusters at ±3, quotation context.
    #[arg(long)]
    wide: bool,
    /// Residual second pass: adds document-feature weights to the first pass's scores.
    #[arg(long)]
    doc_residual: bool,
    /// O penalty of the first pass when it feeds the second.
    #[arg(long, default_value_t = TrainConfig::default().doc_first_bias)]
    doc_first_bias: f32,
    /// K-fold cross-validation on the training file (contiguous blocks) instead of training one
    /// model: prints pooled dev F1 for a range of O penalties; writes no model.
    #[arg(long, conflicts_with_all = ["dev", "holdout"])]
    cv: Option<usize>,
    /// Cache of the learned clusters: read if it exists, else written after learning (speeds up
    /// experiments; the caller must delete it when cluster settings change).
    #[arg(long)]
    clusters_cache: Option<PathBuf>,
    /// Brown clusters (Brown et al. 1992) with this many leaf clusters, learned from the
    /// `--clusters-from` text: the word's bit-string prefixes of lengths 4, 6, 10, 20 and the ±1
    /// neighbours' of lengths 4 and 10 become features (stored in the model, format version 7).
    #[arg(long, requires = "clusters_from")]
    brown: Option<usize>,
    /// Brown clusters: minimum corpus count of a clustered word.
    #[arg(long, default_value_t = marsad_ner::BrownConfig::default().min_count)]
    brown_min_count: u32,
    /// Brown clusters: most frequent words clustered.
    #[arg(long, default_value_t = marsad_ner::BrownConfig::default().vocab)]
    brown_vocab: usize,
    /// Cache of the Brown bit strings (`bits<TAB>word` lines): read if it exists, else written
    /// after learning (the caller must delete it when the Brown settings change).
    #[arg(long, requires = "brown")]
    brown_cache: Option<PathBuf>,
    /// With `--cv`: write the pooled held-out predictions at O penalty 10 (CoNLL: token, gold,
    /// predicted) for error analysis.
    #[arg(long, requires = "cv")]
    cv_predictions: Option<PathBuf>,
    /// Use the built-in KB's gazetteer (multi-token names and their types) as features.
    #[arg(long)]
    kb_gazetteer: bool,
    /// Character-level neural scorer (hashed char n-gram embeddings of the word and its ±1
    /// neighbours, one hidden layer): training epochs, 0 = off. Its binned scores are features.
    #[arg(long, default_value_t = 0)]
    char_net_epochs: usize,
    /// Character scorer: embedding width.
    #[arg(long, default_value_t = marsad_ner::CharNetConfig::default().dim)]
    char_net_dim: usize,
    /// Character scorer: hidden units.
    #[arg(long, default_value_t = marsad_ner::CharNetConfig::default().hidden)]
    char_net_hidden: usize,
    /// Character scorer: learning rate.
    #[arg(long, default_value_t = marsad_ner::CharNetConfig::default().rate)]
    char_net_rate: f32,
    /// Character scorer: factor on the learning rate of embedding rows.
    #[arg(long, default_value_t = marsad_ner::CharNetConfig::default().emb_rate)]
    char_net_emb_rate: f32,
    /// Character scorer: `2^bits` embedding rows.
    #[arg(long, default_value_t = marsad_ner::CharNetConfig::default().bits)]
    char_net_bits: u32,
    /// Experimental: an outside scorer's per-token codes (`tokens<TAB>best,entity …` lines, see
    /// experiments/ner-gemma) in place of the character scorer's. Codes of training sentences must
    /// come from a scorer that did not see them; the model needs the same codes when tagging.
    #[arg(long, conflicts_with = "char_net_epochs")]
    outside_codes: Option<PathBuf>,
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
    /// Write `token gold predicted` lines (CoNLL, blank line between sentences) here.
    #[arg(long)]
    predictions: Option<PathBuf>,
    /// Override the model's O penalty.
    #[arg(long)]
    o_bias: Option<f32>,
    /// Tag without the KB gazetteer even if the model was trained with it (measures what a
    /// library user who calls `Tagger::entities` without one gets).
    #[arg(long)]
    no_kb_gazetteer: bool,
    /// Experimental: the outside scorer's codes for the test sentences, for a model trained with
    /// `train ner --outside-codes`.
    #[arg(long)]
    outside_codes: Option<PathBuf>,
}

/// Reads an outside scorer's codes file.
fn read_outside_codes(path: &Path) -> anyhow::Result<std::sync::Arc<marsad_ner::OutsideCodes>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let codes = marsad_ner::OutsideCodes::parse(&text)
        .with_context(|| format!("parsing {}", path.display()))?;
    eprintln!(
        "outside codes for {} sentences from {}",
        codes.len(),
        path.display()
    );
    Ok(std::sync::Arc::new(codes))
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

/// Documents of a JSON Lines file (`title` + `text` fields) or plain text lines, in file order.
fn read_raw_docs(path: &Path) -> anyhow::Result<Vec<String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut docs = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v) if v.is_object() => {
                let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
                docs.push(format!("{}\n{}", field("title"), field("text")));
            }
            _ => docs.push(line.to_string()),
        }
    }
    Ok(docs)
}

fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Builds the name lexicon from the public name lists and gazetteers under `dir`.
fn build_lexicon(dir: &Path) -> anyhow::Result<Lexicon> {
    let mut lex = Lexicon::default();
    let read = |rel: &str| -> Option<String> {
        let p = dir.join(rel);
        match std::fs::read_to_string(&p) {
            Ok(t) => Some(t),
            Err(e) => {
                eprintln!("lexicon: skipping {}: {e}", p.display());
                None
            }
        }
    };
    if let Some(t) = read("names_anetac/EN-AR_Named-entities.txt") {
        for line in t.lines() {
            let mut f = line.split_whitespace();
            let class = match f.next() {
                Some("PERSON") => LEX_PER,
                Some("LOCATION") => LEX_LOC,
                Some("ORGANIZATION") => LEX_ORG,
                _ => continue,
            };
            for w in f.filter(|w| is_arabic(w)) {
                lex.add_name(w, class);
            }
        }
    }
    if let Some(t) = read("names_wikidata_translit_ar/wd_arabic.normalized.aligned.tokens") {
        for line in t.lines() {
            if let Some(letters) = line.split('\t').nth(1) {
                lex.add_name(&letters.replace(' ', ""), LEX_PER);
            }
        }
    }
    if let Some(t) = read("gaz_world_cities_ar/world-cities.csv") {
        for line in t.lines().skip(1) {
            for field in line.split(',').filter(|f| is_arabic(f)) {
                lex.add_name(field.trim_matches('"'), LEX_LOC);
            }
        }
    }
    if let Some(t) = read("gaz_country_aliases_wikidata/country_aliases.csv") {
        for line in t.lines() {
            let f: Vec<&str> = line.split(',').collect();
            if f.len() >= 5 && f[2] == "ar" {
                lex.add_name(f[4].trim_matches('"'), LEX_LOC);
            }
        }
    }
    for rel in [
        "gaz_arwikicats_ar_translations/cities_cities_full.json",
        "gaz_arwikicats_ar_translations/geography_P17_2_final_ll.json",
        "gaz_arwikicats_ar_translations/geography_popopo.json",
        "gaz_arwikicats_ar_translations/geography_P17_PP.json",
    ] {
        if let Some(t) = read(rel) {
            let v: serde_json::Value =
                serde_json::from_str(&t).with_context(|| format!("parsing {rel}"))?;
            let mut s = Vec::new();
            collect_strings(&v, &mut s);
            s.iter()
                .filter(|x| is_arabic(x))
                .for_each(|x| lex.add_name(x, LEX_LOC));
        }
    }
    if let Some(t) = read("gaz_arwikicats_ar_translations/nationalities_nationalities_data.json") {
        let v: serde_json::Value = serde_json::from_str(&t).context("parsing nationalities")?;
        if let Some(o) = v.as_object() {
            for entry in o.values().filter_map(|e| e.as_object()) {
                for (k, val) in entry {
                    let Some(s) = val.as_str().filter(|s| is_arabic(s)) else {
                        continue;
                    };
                    lex.add_name(s, if k == "ar" { LEX_LOC } else { LEX_NAT });
                }
            }
        }
    }
    Ok(lex)
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
    let mut extra = Vec::new();
    for p in &args.extra_train {
        let text =
            std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
        let parsed = match args.extra_format.as_str() {
            "wojood" => marsad_ner::parse_wojood(&text),
            _ => parse_conll(&text),
        };
        extra.extend(parsed.with_context(|| format!("parsing {}", p.display()))?);
    }
    if !extra.is_empty() {
        let ents: usize = extra
            .iter()
            .flat_map(|s| &s.tags)
            .filter(|t| matches!(t, marsad_ner::Tag::B(_)))
            .count();
        let ntok: usize = extra.iter().map(|s| s.tokens.len()).sum();
        eprintln!(
            "extra training data: {} sentences / {ntok} tokens / {ents} entities",
            extra.len()
        );
    }
    let docs = match &args.clusters_from {
        Some(p) => read_raw_docs(p)?,
        None => Vec::new(),
    };
    let cached = args
        .clusters_cache
        .as_ref()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|t| Clusters::from_text(&t));
    let clusters = match (&args.clusters_from, cached) {
        (_, Some(c)) => {
            eprintln!("clusters for {} words read from the cache", c.len());
            c
        }
        (Some(_), None) => {
            let cc = ClusterConfig {
                fine: args.clusters,
                extra: args.extra_clusters.clone(),
                embed_dims: args.embed_dims,
                embed_context: args.embed_context,
                ..ClusterConfig::default()
            };
            let c = marsad_ner::learn_clusters(docs.iter().map(String::as_str), &cc);
            if let Some(p) = &args.clusters_cache {
                std::fs::write(p, c.to_text())
                    .with_context(|| format!("writing {}", p.display()))?;
            }
            eprintln!(
                "learned clusters for {} words from {} documents [{:.1}s]",
                c.len(),
                docs.len(),
                t0.elapsed().as_secs_f64()
            );
            c
        }
        (None, None) => Clusters::default(),
    };
    // A cached table carries its embedding columns; the context switch is the command line's.
    let ecols = clusters.embedding_cols();
    let clusters = clusters.with_embedding(ecols, args.embed_context);
    let clusters = match args.brown {
        Some(c) => clusters.with_brown(brown_paths(&args, c, &docs)?),
        None => clusters,
    };
    let cfg = TrainConfig {
        epochs: args.epochs,
        seed: args.seed,
        hash_bits: args.hash_bits,
        clusters,
        word_dropout: args.word_dropout,
        crf_l2: args.crf_l2,
        train_entity_folds: args.train_entity_folds,
        doc_window: args.doc_window,
        doc_stack: args.doc_stack,
        doc_first_bias: args.doc_first_bias,
        doc_residual: args.doc_residual,
        raw_texts: std::sync::Arc::new(if args.self_train {
            docs.clone()
        } else {
            Vec::new()
        }),
        auto: Lexicon::default(),
        ensemble: args.ensemble,
        margin: args.margin,
        margin_o: args.margin_o,
        wide: args.wide,
        char_net: marsad_ner::CharNetConfig {
            epochs: args.char_net_epochs,
            bits: args.char_net_bits,
            dim: args.char_net_dim,
            hidden: args.char_net_hidden,
            rate: args.char_net_rate,
            emb_rate: args.char_net_emb_rate,
        },
        outside_codes: args
            .outside_codes
            .as_deref()
            .map(read_outside_codes)
            .transpose()?,
        doc_folds: TrainConfig::default().doc_folds,
        o_bias: if dev.is_some() {
            args.o_bias
        } else {
            Some(args.o_bias.unwrap_or(0.0))
        },
        lexicon: match &args.lexicon_from {
            Some(dir) => {
                let l = build_lexicon(dir)?;
                eprintln!("name lexicon: {} words", l.len());
                l
            }
            None => Lexicon::default(),
        },
    };
    let mut cfg = cfg;
    if args.mine_names {
        let n = marsad_ner::mine_names(docs.iter().map(String::as_str), &mut cfg.lexicon);
        eprintln!(
            "mined {n} name words from raw text; lexicon {} words",
            cfg.lexicon.len()
        );
    }
    let cfg = TrainConfig { ..cfg };
    let ntok: usize = data.iter().map(|s| s.tokens.len()).sum();
    eprintln!(
        "training on {} sentences / {} tokens{}",
        data.len(),
        ntok,
        dev.as_ref()
            .map_or(String::new(), |d| format!("; dev {} sentences", d.len()))
    );
    let kb_gaz = marsad_core::KbNerGazetteer::builtin();
    let gaz: Option<&dyn Gazetteer> = if args.kb_gazetteer {
        Some(&kb_gaz)
    } else {
        None
    };
    if let Some(k) = args.cv {
        return cross_validate(&data, &extra, &cfg, k, args.cv_predictions.as_deref(), gaz);
    }
    let data = marsad_ner::interleave_blocks(&data, &extra, cfg.doc_folds);
    let tagger = marsad_ner::train(&data, dev.as_deref(), &cfg, gaz, |r| {
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
    eprintln!("O bias: {}", tagger.o_bias());
    if let Some(d) = &dev {
        let s = marsad_ner::evaluate(&tagger, d, gaz, &NerLabel::ALL);
        eprintln!(
            "final dev P {:.2} R {:.2} F1 {:.2}",
            s.overall.precision(),
            s.overall.recall(),
            s.overall.f1()
        );
    }
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

/// Brown bit strings from the cache or learned from `docs` (and then cached).
fn brown_paths(
    args: &TrainNerArgs,
    c: usize,
    docs: &[String],
) -> anyhow::Result<marsad_ner::BrownPaths> {
    if let Some(p) = &args.brown_cache {
        if let Ok(t) = std::fs::read_to_string(p) {
            let b = marsad_ner::BrownPaths::from_text(&t)
                .with_context(|| format!("malformed Brown cache {}", p.display()))?;
            eprintln!(
                "Brown bit strings for {} words read from the cache",
                b.len()
            );
            return Ok(b);
        }
    }
    let cfg = marsad_ner::BrownConfig {
        clusters: c,
        min_count: args.brown_min_count,
        vocab: args.brown_vocab,
    };
    let t0 = Instant::now();
    let b = marsad_ner::learn_brown(docs.iter().map(String::as_str), &cfg);
    eprintln!(
        "learned Brown clusters (C = {c}) for {} words from {} documents in {:.1}s",
        b.len(),
        docs.len(),
        t0.elapsed().as_secs_f64()
    );
    if let Some(p) = &args.brown_cache {
        std::fs::write(p, b.to_text()).with_context(|| format!("writing {}", p.display()))?;
    }
    Ok(b)
}

/// O penalties scored by [`cross_validate`].
const CV_BIASES: [f32; 7] = [0.0, 4.0, 7.0, 10.0, 13.0, 16.0, 20.0];

/// Trains `k` models, each without one contiguous block of `data` (and with all of `extra`,
/// spliced in by [`marsad_ner::interleave_blocks`]), and scores the pooled predictions on the
/// held-out blocks of `data`.
fn cross_validate(
    data: &[Sentence],
    extra: &[Sentence],
    cfg: &TrainConfig,
    k: usize,
    predictions: Option<&std::path::Path>,
    gaz: Option<&dyn Gazetteer>,
) -> anyhow::Result<()> {
    anyhow::ensure!(k >= 2, "--cv needs at least 2 folds");
    let mut gold = Vec::new();
    let mut preds: Vec<Vec<Vec<marsad_ner::Tag>>> = vec![Vec::new(); CV_BIASES.len()];
    for f in 0..k {
        let (a, b) = (data.len() * f / k, data.len() * (f + 1) / k);
        let train: Vec<Sentence> = data[..a].iter().chain(&data[b..]).cloned().collect();
        let held = &data[a..b];
        let cfg = TrainConfig {
            o_bias: Some(0.0),
            ..cfg.clone()
        };
        let train = marsad_ner::interleave_blocks(&train, extra, cfg.doc_folds);
        let mut t = marsad_ner::train(&train, None, &cfg, gaz, |_| {})?;
        for (bi, &bias) in CV_BIASES.iter().enumerate() {
            t.set_o_bias(bias);
            let (g, p) = marsad_ner::tag_all(&t, held, gaz);
            preds[bi].extend(p);
            if bi == 0 {
                gold.extend(g);
            }
        }
        eprintln!("fold {} done", f + 1);
    }
    if let Some(out) = predictions {
        let bi = CV_BIASES.iter().position(|&b| b == 10.0).unwrap_or(0);
        let mut text = String::new();
        for ((s, g), p) in data.iter().zip(&gold).zip(&preds[bi]) {
            for ((tok, g), p) in s.tokens.iter().zip(g).zip(p) {
                text += &format!("{tok} {} {}\n", g.conll(), p.conll());
            }
            text.push('\n');
        }
        std::fs::write(out, text).with_context(|| format!("writing {}", out.display()))?;
    }
    for (bias, p) in CV_BIASES.iter().zip(&preds) {
        let s = marsad_ner::score(&gold, p, &NerLabel::ALL);
        let per: Vec<String> = s
            .per_type
            .iter()
            .map(|(l, c)| format!("{} {:.2}", l.as_str(), c.f1()))
            .collect();
        println!(
            "cv O bias {bias:>4}: P {:.2} R {:.2} F1 {:.2} ({})",
            s.overall.precision(),
            s.overall.recall(),
            s.overall.f1(),
            per.join(", ")
        );
    }
    Ok(())
}

/// Evaluates the tagger.
pub fn eval(args: EvalNerArgs) -> anyhow::Result<()> {
    let mut tagger = match &args.model {
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
    if let Some(b) = args.o_bias {
        tagger.set_o_bias(b);
    }
    if let Some(p) = &args.outside_codes {
        tagger.set_outside_codes(Some(read_outside_codes(p)?));
    }
    let data = read_many(&args.test)?;
    let t0 = Instant::now();
    // A model trained with the KB gazetteer needs it at tagging time too.
    let kb_gaz = marsad_core::KbNerGazetteer::builtin();
    let gaz: Option<&dyn Gazetteer> = if tagger.uses_gazetteer() && !args.no_kb_gazetteer {
        Some(&kb_gaz)
    } else {
        None
    };
    let (gold, pred) = marsad_ner::tag_all(&tagger, &data, gaz);
    let secs = t0.elapsed().as_secs_f64();
    let scores = marsad_ner::score(&gold, &pred, &keep);
    if let Some(out) = &args.predictions {
        let mut text = String::new();
        for ((s, g), p) in data.iter().zip(&gold).zip(&pred) {
            for ((tok, g), p) in s.tokens.iter().zip(g).zip(p) {
                text += &format!("{tok} {} {}\n", g.conll(), p.conll());
            }
            text.push('\n');
        }
        std::fs::write(out, text).with_context(|| format!("writing {}", out.display()))?;
    }
    print!("{}", scores.report());
    println!(
        "tagged {} tokens in {:.3}s: {:.0} tokens/s",
        scores.tokens,
        secs,
        scores.tokens as f64 / secs.max(1e-9)
    );
    Ok(())
}
