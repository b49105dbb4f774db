//! Experiment (session 16): a BiLSTM tagger for ANERcorp, trained in Rust with candle, to measure
//! what a neural model learned here (no pretrained encoder) does against the shipped perceptron on
//! the same cross-validation fold. Not part of the engine; README.md has the commands and results.

mod lexbuild;
mod sgns;

use candle_core::{DType, Device, Module, Tensor, D};
use candle_nn::{Optimizer, VarBuilder, VarMap, RNN};
use marsad_ner::{Gazetteer, Sentence, Tag, N_TAGS};
use sgns::{norm_token, Rng};
use std::collections::HashMap;

const MAXC: usize = 20;
const NFEAT: usize = 8 + 10 + 4;

struct Pre {
    idx: HashMap<String, u32>,
    mat: Vec<f32>,
    dim: usize,
}

fn load_vec(path: &str) -> Pre {
    let text = std::fs::read_to_string(path).unwrap();
    let mut idx = HashMap::new();
    let mut mat = vec![0f32; 0];
    let mut dim = 0;
    // row 0 = unknown (zeros)
    for line in text.lines() {
        let mut f = line.split(' ');
        let w = f.next().unwrap().to_string();
        let v: Vec<f32> = f.map(|x| x.parse().unwrap()).collect();
        if dim == 0 {
            dim = v.len();
            mat.extend(std::iter::repeat_n(0.0, dim));
        }
        idx.insert(w, (mat.len() / dim) as u32);
        mat.extend(v);
    }
    // scale to unit-ish norm
    let n = mat.len() / dim;
    for r in 1..n {
        let row = &mut mat[r * dim..(r + 1) * dim];
        let s = row.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
        row.iter_mut().for_each(|x| *x /= s);
    }
    Pre { idx, mat, dim }
}

struct Tok {
    pre: u32,
    pre_stem: u32,
    own: u32,
    chars: [u32; MAXC],
    feat: [f32; NFEAT],
}

struct Enc<'a> {
    pre: &'a Pre,
    own: HashMap<String, u32>,
    chars: HashMap<char, u32>,
    lex: &'a marsad_ner::Lexicon,
    gaz: &'a dyn Gazetteer,
}

impl Enc<'_> {
    fn sent(&self, s: &[String]) -> Vec<Tok> {
        let toks: Vec<&str> = s.iter().map(String::as_str).collect();
        let mut marks = vec![None; toks.len()];
        self.gaz.annotate(&toks, &mut marks);
        toks.iter()
            .zip(&marks)
            .map(|(t, m)| {
                let n = norm_token(t);
                let plain = marsad_text::normalize_str(t);
                let cut = marsad_ner::proclitic_len(&plain);
                let stem_plain = &plain[cut..];
                let stem = norm_token(stem_plain);
                let pre = *self.pre.idx.get(&n).unwrap_or(&0);
                let pre_stem = *self.pre.idx.get(&stem).unwrap_or(&0);
                let own = *self.own.get(&n).unwrap_or(&0);
                let mut chars = [0u32; MAXC];
                let cs: Vec<char> = n.chars().collect();
                // keep first 10 and last 10 chars
                let pick: Vec<char> = if cs.len() <= MAXC {
                    cs.clone()
                } else {
                    cs[..10]
                        .iter()
                        .chain(&cs[cs.len() - 10..])
                        .copied()
                        .collect()
                };
                for (i, c) in pick.iter().enumerate() {
                    chars[i] = *self.chars.get(c).unwrap_or(&1);
                }
                let mut feat = [0f32; NFEAT];
                let lw = self.lex.get(&plain);
                let ls = self.lex.get(stem_plain);
                for b in 0..4 {
                    if lw & (1 << b) != 0 {
                        feat[b] = 1.0;
                    }
                    if ls & (1 << b) != 0 {
                        feat[4 + b] = 1.0;
                    }
                }
                match m {
                    Some(tag) => feat[8 + tag.index()] = 1.0,
                    None => feat[8 + 9] = 1.0,
                }
                let f = 18;
                if cs.iter().any(|c| c.is_ascii_digit()) {
                    feat[f] = 1.0;
                }
                if cs.iter().any(|c| c.is_ascii_alphabetic()) {
                    feat[f + 1] = 1.0;
                }
                if cs.iter().all(|c| !c.is_alphanumeric()) {
                    feat[f + 2] = 1.0;
                }
                if cut > 0 {
                    feat[f + 3] = 1.0;
                }
                Tok {
                    pre,
                    pre_stem,
                    own,
                    chars,
                    feat,
                }
            })
            .collect()
    }
}

struct Net {
    pre: Tensor,
    own: candle_nn::Embedding,
    chr: candle_nn::Embedding,
    conv: candle_nn::Conv1d,
    fwd: candle_nn::LSTM,
    bwd: candle_nn::LSTM,
    out: candle_nn::Linear,
    hidden: usize,
}

struct Batch {
    b: usize,
    l: usize,
    pre: Tensor,
    pre_stem: Tensor,
    own: Tensor,
    chars: Tensor,
    feat: Tensor,
    rev: Tensor,
    real: Tensor,
    gold: Tensor,
    lens: Vec<usize>,
}

fn make_batch(sents: &[&Vec<Tok>], golds: &[&Vec<Tag>], dev: &Device) -> Batch {
    let b = sents.len();
    let l = sents.iter().map(|s| s.len()).max().unwrap();
    let mut pre = vec![0u32; b * l];
    let mut pre_stem = vec![0u32; b * l];
    let mut own = vec![0u32; b * l];
    let mut chars = vec![0u32; b * l * MAXC];
    let mut feat = vec![0f32; b * l * NFEAT];
    let mut rev = vec![0u32; b * l];
    let mut real = Vec::new();
    let mut gold = Vec::new();
    for (i, s) in sents.iter().enumerate() {
        for p in 0..l {
            let r = i * l + p;
            rev[r] = if p < s.len() {
                (i * l + s.len() - 1 - p) as u32
            } else {
                r as u32
            };
            if p < s.len() {
                let t = &s[p];
                pre[r] = t.pre;
                pre_stem[r] = t.pre_stem;
                own[r] = t.own;
                chars[r * MAXC..(r + 1) * MAXC].copy_from_slice(&t.chars);
                feat[r * NFEAT..(r + 1) * NFEAT].copy_from_slice(&t.feat);
                real.push(r as u32);
                gold.push(golds[i][p].index() as u32);
            }
        }
    }
    let n = real.len();
    Batch {
        b,
        l,
        pre: Tensor::from_vec(pre, b * l, dev).unwrap(),
        pre_stem: Tensor::from_vec(pre_stem, b * l, dev).unwrap(),
        own: Tensor::from_vec(own, b * l, dev).unwrap(),
        chars: Tensor::from_vec(chars, (b * l, MAXC), dev).unwrap(),
        feat: Tensor::from_vec(feat, (b * l, NFEAT), dev).unwrap(),
        rev: Tensor::from_vec(rev, b * l, dev).unwrap(),
        real: Tensor::from_vec(real, n, dev).unwrap(),
        gold: Tensor::from_vec(gold, n, dev).unwrap(),
        lens: sents.iter().map(|s| s.len()).collect(),
    }
}

impl Net {
    /// Logits for the real tokens, [n, 9].
    fn forward(&self, bt: &Batch, train: bool, word_drop: &Tensor) -> candle_core::Result<Tensor> {
        let wp = self.pre.index_select(&bt.pre, 0)?;
        let ws = self.pre.index_select(&bt.pre_stem, 0)?;
        let own_ids = if train {
            (bt.own.to_dtype(DType::F32)? * word_drop)?.to_dtype(DType::U32)?
        } else {
            bt.own.clone()
        };
        let wo = self.own.forward(&own_ids)?;
        let w = (wp + wo)?;
        let c = self.chr.forward(&bt.chars)?; // [N, MAXC, 25]
        let c = c.transpose(1, 2)?.contiguous()?; // [N, 25, MAXC]
        let c = self.conv.forward(&c)?.max(D::Minus1)?; // [N, 50]
        let x = Tensor::cat(&[&w, &ws, &c, &bt.feat], 1)?;
        let x = if train {
            candle_nn::ops::dropout(&x, 0.5)?
        } else {
            x
        };
        let d = x.dim(1)?;
        let xf = x.reshape((bt.b, bt.l, d))?;
        let xr = x.index_select(&bt.rev, 0)?.reshape((bt.b, bt.l, d))?;
        let hf = self.fwd.states_to_tensor(&self.fwd.seq(&xf)?)?; // [B, L, H]
        let hb = self.bwd.states_to_tensor(&self.bwd.seq(&xr)?)?;
        let hf = hf.reshape((bt.b * bt.l, self.hidden))?;
        let hb = hb
            .reshape((bt.b * bt.l, self.hidden))?
            .index_select(&bt.rev, 0)?;
        let h = Tensor::cat(&[&hf, &hb], 1)?;
        let h = if train {
            candle_nn::ops::dropout(&h, 0.5)?
        } else {
            h
        };
        let h = h.index_select(&bt.real, 0)?;
        self.out.forward(&h)
    }
}

#[allow(clippy::needless_range_loop)] // the lattice reads clearest by index
fn viterbi(lp: &[f32], n: usize) -> Vec<Tag> {
    let mut score = vec![[f32::NEG_INFINITY; N_TAGS]; n];
    let mut back = vec![[0usize; N_TAGS]; n];
    for t in 0..N_TAGS {
        if Tag::from_index(t).may_follow(None) {
            score[0][t] = lp[t];
        }
    }
    for i in 1..n {
        for t in 0..N_TAGS {
            let tt = Tag::from_index(t);
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for p in 0..N_TAGS {
                if tt.may_follow(Some(Tag::from_index(p))) && score[i - 1][p] > best {
                    best = score[i - 1][p];
                    arg = p;
                }
            }
            score[i][t] = best + lp[i * N_TAGS + t];
            back[i][t] = arg;
        }
    }
    let mut t = (0..N_TAGS)
        .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]))
        .unwrap();
    let mut out = vec![Tag::O; n];
    for i in (0..n).rev() {
        out[i] = Tag::from_index(t);
        t = back[i][t];
    }
    out
}

fn arg<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> T {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let d: String = arg(&args, "--data", "../shared/data".to_string());
    let d = d.as_str();
    let ant = format!("{d}/ant_news/ant_multisource_politics_2018-02_to_06.jsonl");
    if args[1] == "sgns" {
        sgns::train(
            &ant,
            &args[2],
            arg(&args, "--dim", 100),
            arg(&args, "--epochs", 3),
        );
        return Ok(());
    }
    // tag experiment
    let fold: usize = arg(&args, "--fold", 4);
    let k: usize = arg(&args, "--k", 5);
    let epochs: usize = arg(&args, "--epochs", 20);
    let hidden: usize = arg(&args, "--hidden", 100);
    let lr: f64 = arg(&args, "--lr", 0.002);
    let vecp: String = arg(&args, "--vec", "/tmp/vec100.txt".to_string());
    let outp: String = arg(&args, "--out", "/tmp/nn_pred.txt".to_string());
    let test: String = arg(&args, "--test", String::new());
    let seed: u64 = arg(&args, "--seed", 7);
    let text = std::fs::read_to_string(format!("{d}/anercorp/ANERCorp_CamelLab_train.txt"))?;
    let data = marsad_ner::parse_conll(&text)?;
    let (train, held): (Vec<Sentence>, Vec<Sentence>) = if test.is_empty() {
        let (a, b) = (data.len() * fold / k, data.len() * (fold + 1) / k);
        (
            data[..a].iter().chain(&data[b..]).cloned().collect(),
            data[a..b].to_vec(),
        )
    } else {
        (
            data.clone(),
            marsad_ner::parse_conll(&std::fs::read_to_string(&test)?)?,
        )
    };
    eprintln!("train {} sentences, held {}", train.len(), held.len());
    let pre = load_vec(&vecp);
    eprintln!("pretrained {} x {}", pre.idx.len(), pre.dim);
    let mut lex = lexbuild::build_lexicon(std::path::Path::new(d))?;
    let docs = sgns::corpus_docs(&ant);
    let mined = marsad_ner::mine_names(docs.iter().map(String::as_str), &mut lex);
    eprintln!("lexicon {} (+{mined} mined)", lex.len());
    let gaz = marsad_core::KbNerGazetteer::builtin();
    // own vocabulary: train words seen >= 1 time; id 0 = unknown
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut chars: HashMap<char, u32> = HashMap::new();
    for s in &train {
        for t in &s.tokens {
            let n = norm_token(t);
            for c in n.chars() {
                let l = chars.len() as u32 + 2;
                chars.entry(c).or_insert(l);
            }
            *counts.entry(n).or_default() += 1;
        }
    }
    let mut own = HashMap::new();
    let mut words: Vec<_> = counts.iter().collect();
    words.sort();
    for (w, _) in &words {
        let l = own.len() as u32 + 1;
        own.insert((*w).clone(), l);
    }
    let singleton: Vec<bool> = {
        let mut v = vec![false; own.len() + 1];
        for (w, c) in &counts {
            if *c == 1 {
                v[own[w] as usize] = true;
            }
        }
        v
    };
    let enc = Enc {
        pre: &pre,
        own,
        chars,
        lex: &lex,
        gaz: &gaz,
    };
    let tr: Vec<Vec<Tok>> = train.iter().map(|s| enc.sent(&s.tokens)).collect();
    let he: Vec<Vec<Tok>> = held.iter().map(|s| enc.sent(&s.tokens)).collect();
    let dev = Device::Cpu;
    let varmap = VarMap::new();
    let vb = VarBuilder::from_varmap(&varmap, DType::F32, &dev);
    let pre_t = Tensor::from_vec(pre.mat.clone(), (pre.mat.len() / pre.dim, pre.dim), &dev)?;
    let dim = pre.dim;
    let nown = enc.own.len() + 1;
    let own_e = candle_nn::embedding(nown, dim, vb.pp("own"))?;
    // start own deltas at zero-ish
    let chr = candle_nn::embedding(enc.chars.len() + 2, 25, vb.pp("chr"))?;
    let conv = candle_nn::conv1d(
        25,
        50,
        3,
        candle_nn::Conv1dConfig {
            padding: 1,
            ..Default::default()
        },
        vb.pp("conv"),
    )?;
    let in_dim = dim * 2 + 50 + NFEAT;
    let fwd = candle_nn::lstm(in_dim, hidden, Default::default(), vb.pp("fwd"))?;
    let bwd = candle_nn::lstm(in_dim, hidden, Default::default(), vb.pp("bwd"))?;
    let out = candle_nn::linear(2 * hidden, N_TAGS, vb.pp("out"))?;
    // scale own embedding init down
    for (name, var) in varmap.data().lock().unwrap().iter() {
        if name.starts_with("own") {
            var.set(&(var.as_tensor() * 0.0)?)?;
        }
    }
    let net = Net {
        pre: pre_t,
        own: own_e,
        chr,
        conv,
        fwd,
        bwd,
        out,
        hidden,
    };
    let mut opt = candle_nn::AdamW::new(
        varmap.all_vars(),
        candle_nn::ParamsAdamW {
            lr,
            weight_decay: 0.0,
            ..Default::default()
        },
    )?;
    // batches by length
    let mut order: Vec<usize> = (0..tr.len()).collect();
    order.sort_by_key(|&i| tr[i].len());
    let bs: usize = arg(&args, "--batch", 16);
    let batches: Vec<Vec<usize>> = order.chunks(bs).map(|c| c.to_vec()).collect();
    let mut rng = Rng(seed.wrapping_mul(0x9E3779B97F4A7C15) | 1);
    let hb_order: Vec<usize> = {
        let mut o: Vec<usize> = (0..he.len()).collect();
        o.sort_by_key(|&i| he[i].len());
        o
    };
    let mut best = (0.0, 0usize);
    for ep in 0..epochs {
        let t0 = std::time::Instant::now();
        let mut bo: Vec<usize> = (0..batches.len()).collect();
        for i in (1..bo.len()).rev() {
            let j = (rng.next() % (i as u64 + 1)) as usize;
            bo.swap(i, j);
        }
        let mut tot = 0.0;
        for &bi in &bo {
            let ss: Vec<&Vec<Tok>> = batches[bi].iter().map(|&i| &tr[i]).collect();
            let gs: Vec<&Vec<Tag>> = batches[bi].iter().map(|&i| &train[i].tags).collect();
            let bt = make_batch(&ss, &gs, &dev);
            // word dropout mask for singletons: multiply id by 0 with p 0.5
            let own_ids: Vec<u32> = bt.own.to_vec1()?;
            let mask: Vec<f32> = own_ids
                .iter()
                .map(|&o| {
                    if singleton[o as usize] && rng.unif() < 0.5 {
                        0.0
                    } else {
                        1.0
                    }
                })
                .collect();
            let mask = Tensor::from_vec(mask, own_ids.len(), &dev)?;
            let logits = net.forward(&bt, true, &mask)?;
            let loss = candle_nn::loss::cross_entropy(&logits, &bt.gold)?;
            tot += loss.to_scalar::<f32>()?;
            opt.backward_step(&loss)?;
        }
        // eval
        let mut preds: Vec<Vec<Tag>> = vec![Vec::new(); he.len()];
        let mut lps: Vec<Vec<f32>> = vec![Vec::new(); he.len()];
        let ones = Tensor::ones(1, DType::F32, &dev)?;
        for c in hb_order.chunks(64) {
            let ss: Vec<&Vec<Tok>> = c.iter().map(|&i| &he[i]).collect();
            let gs: Vec<&Vec<Tag>> = c.iter().map(|&i| &held[i].tags).collect();
            let bt = make_batch(&ss, &gs, &dev);
            let lp = candle_nn::ops::log_softmax(&net.forward(&bt, false, &ones)?, 1)?;
            let lp: Vec<f32> = lp.flatten_all()?.to_vec1()?;
            let mut off = 0;
            for (j, &i) in c.iter().enumerate() {
                let n = bt.lens[j];
                let sl = &lp[off * N_TAGS..(off + n) * N_TAGS];
                preds[i] = viterbi(sl, n);
                lps[i] = sl.to_vec();
                off += n;
            }
        }
        let gold: Vec<Vec<Tag>> = held.iter().map(|s| s.tags.clone()).collect();
        let s = marsad_ner::score(&gold, &preds, &marsad_ner::NerLabel::ALL);
        let per: Vec<String> = s
            .per_type
            .iter()
            .map(|(l, c)| format!("{} {:.2}", l.as_str(), c.f1()))
            .collect();
        eprintln!(
            "epoch {} loss {:.4} held F1 {:.2} P {:.2} R {:.2} ({}) {:.1}s",
            ep + 1,
            tot / bo.len() as f32,
            s.overall.f1(),
            s.overall.precision(),
            s.overall.recall(),
            per.join(", "),
            t0.elapsed().as_secs_f32()
        );
        if s.overall.f1() > best.0 {
            best = (s.overall.f1(), ep + 1);
        }
        if ep + 1 == epochs {
            let mut t = String::new();
            for ((s, p), lp) in held.iter().zip(&preds).zip(&lps) {
                for (i, tok) in s.tokens.iter().enumerate() {
                    t += &format!("{tok} {} {}", s.tags[i].conll(), p[i].conll());
                    for x in &lp[i * N_TAGS..(i + 1) * N_TAGS] {
                        t += &format!(" {x:.4}");
                    }
                    t.push('\n');
                }
                t.push('\n');
            }
            std::fs::write(&outp, t)?;
        }
    }
    eprintln!("best {:.2} at epoch {}", best.0, best.1);
    Ok(())
}
