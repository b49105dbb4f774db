//! Prints the linker's mentions on a fixed sample of ANT articles (every 1200th line), with context, for
//! hand labelling; with `--check LABELS.tsv` prints linking accuracy against the labels.
//! Usage: cargo run --release -p marsad-kb --example sample_ant -- [--check crates/marsad-kb/tests/data/ant_labels.tsv]

use marsad_kb::{link, DocInput, Kb};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = "../shared/data/ant_news/ant_multisource_politics_2018-02_to_06.jsonl";
    let text = std::fs::read_to_string(path)?;
    let mut docs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if i % 1200 != 7 {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)?;
        docs.push((
            v["docno"].as_str().unwrap_or("").to_string(),
            v["text"].as_str().unwrap_or("").to_string(),
        ));
    }
    let inputs: Vec<DocInput> = docs
        .iter()
        .map(|(id, t)| DocInput {
            id,
            text: t,
            published: None,
            extra_mentions: &[],
        })
        .collect();
    let (out, _) = link(Kb::builtin(), &inputs);
    let mut rows = Vec::new();
    for e in &out.entities {
        for m in &e.mentions {
            rows.push((
                m.evidence.doc.clone(),
                m.evidence.start,
                m.evidence.end,
                m.evidence.text.clone(),
                e.id.clone(),
                format!("{:?}", m.form),
            ));
        }
    }
    rows.sort();
    if let Some(labels) = args
        .iter()
        .position(|a| a == "--check")
        .and_then(|i| args.get(i + 1))
    {
        let lab = std::fs::read_to_string(labels)?;
        let (mut n, mut ok) = (0, 0);
        let mut by: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
        for l in lab.lines().filter(|l| !l.starts_with('#')) {
            let f: Vec<&str> = l.split('\t').collect();
            if f.len() < 6 {
                continue;
            }
            let (doc, start, gold, stratum) = (f[0], f[1].parse::<usize>()?, f[4], f[5]);
            let got = rows
                .iter()
                .find(|r| r.0 == doc && r.1 == start)
                .map(|r| r.4.as_str())
                .unwrap_or("NONE");
            n += 1;
            let s = by.entry(stratum.to_string()).or_default();
            s.0 += 1;
            if got == gold {
                ok += 1;
                s.1 += 1;
            } else {
                println!("MISS {doc} {start} {} gold={gold} got={got}", f[3]);
            }
        }
        for (k, (t, c)) in &by {
            println!("{k}: {c}/{t}");
        }
        println!(
            "linking accuracy: {ok}/{n} = {:.3}",
            ok as f64 / n.max(1) as f64
        );
        return Ok(());
    }
    for (doc, s, e, t, id, form) in rows {
        let text = &docs.iter().find(|d| d.0 == doc).unwrap().1;
        let mut a = s.saturating_sub(60);
        while !text.is_char_boundary(a) {
            a -= 1;
        }
        let mut b = (e + 60).min(text.len());
        while !text.is_char_boundary(b) {
            b += 1;
        }
        println!(
            "{doc}\t{s}\t{e}\t{t}\t{id}\t{form}\t{}",
            text[a..b].replace('\n', " ")
        );
    }
    Ok(())
}
