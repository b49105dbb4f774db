//! Writes a spelling dictionary's verdict on every token of a CoNLL file as outside codes
//! (`marsad train ner --outside-codes`), to measure whether "the dictionary knows this Arabic
//! word" helps the tagger (docs/ner.md, "Session 24"; the answer was +0.4 F1 in CV, not shipped).
//!
//! `cargo run --release -p marsad-ner --example hunspell_codes -- /usr/share/hunspell/ar FILE.conll > codes`
//! (Debian `hunspell-ar`: Ayaspell, GPL/LGPL/MPL; nothing of it is stored in the repository.)
//!
//! Codes per token: best = 1 + known as written + 2 × known without a proclitic + 4 × Arabic word;
//! entity = 1 for a non-Arabic token, else 2 + 2 × length band + (known either way).

use std::io::Write;

/// Byte length of a proclitic (و/ف, بال/كال/وال/فال, لل, ال, ب/ل) leaving at least two letters.
fn proclitic_bytes(w: &str) -> usize {
    for p in ["وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل"] {
        if let Some(r) = w.strip_prefix(p) {
            if r.chars().count() >= 2 {
                return p.len();
            }
        }
    }
    0
}

fn codes(d: &spellbook::Dictionary, w: &str) -> (u8, u8) {
    let n = w.chars().count();
    if n < 2 || !w.chars().all(|c| ('\u{0621}'..='\u{064a}').contains(&c)) {
        return (1, 1);
    }
    let whole = d.check(w);
    let pl = proclitic_bytes(w);
    let stem = pl > 0 && d.check(&w[pl..]);
    let band = match n {
        0..=3 => 0,
        4..=5 => 1,
        6..=7 => 2,
        _ => 3,
    };
    (
        1 + whole as u8 + 2 * stem as u8 + 4,
        2 + 2 * band + (whole || stem) as u8,
    )
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [prefix, conll] = args.as_slice() else {
        return Err("usage: hunspell_codes DICT_PREFIX FILE.conll".into());
    };
    let read = |p: String| std::fs::read_to_string(&p).map_err(|e| format!("{p}: {e}"));
    let aff = read(format!("{prefix}.aff"))?;
    let dic = read(format!("{prefix}.dic"))?;
    let d = spellbook::Dictionary::new(&aff, &dic).map_err(|e| format!("{prefix}: {e}"))?;
    let sentences = marsad_ner::parse_conll(&read(conll.clone())?)?;
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    for s in &sentences {
        let c: Vec<String> = s
            .tokens
            .iter()
            .map(|w| {
                let (a, b) = codes(&d, w);
                format!("{a},{b}")
            })
            .collect();
        writeln!(out, "{}\t{}", s.tokens.join(" "), c.join(" "))?;
    }
    Ok(())
}
