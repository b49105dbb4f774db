//! Builds `data/common_words.txt` (the [`CommonWords`](marsad_text::CommonWords) lexicon) from
//! the ANT news JSONL corpus:
//!
//! `cargo run -p marsad-text --example gen_common_words -- /work/shared/data/ant_news/ant_multisource_politics_2018-02_to_06.jsonl > crates/marsad-text/data/common_words.txt`
//!
//! Counts normalised Arabic words (a leading article ال is stripped, so الأمن counts for أمن),
//! keeps those seen at least `MIN_COUNT` times, then drops forms that are a clitic plus a kept
//! stem at least half as frequent (وقال → قال), so those forms get split rather than listed.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};

use marsad_text::{normalize_str, segment, tokenize, TokenKind};

const MIN_COUNT: usize = 40;
const MAX_WORDS: usize = 12_000;
const BARE_RATIO: usize = 50;
const PREP_ART_RATIO: usize = 100;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: gen_common_words <ant.jsonl>")?;
    let file = BufReader::new(std::fs::File::open(&path)?);
    // normalised form -> (count, count without a stripped article, first original form seen)
    let mut counts: HashMap<String, (usize, usize, String)> = HashMap::new();
    // normalised stem -> times seen after a preposition + article (بال, لل, كال)
    let mut prep_art: HashMap<String, usize> = HashMap::new();
    let mut docs = 0usize;
    for line in file.lines() {
        let line = line?;
        let v: serde_json::Value = serde_json::from_str(&line)?;
        let Some(text) = v.get("text").and_then(|t| t.as_str()) else {
            continue;
        };
        docs += 1;
        for t in tokenize(text) {
            if t.kind != TokenKind::Word {
                continue;
            }
            let w: String = t
                .text(text)
                .chars()
                .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
                .collect();
            if !w.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c)) {
                continue;
            }
            let unconj = w.strip_prefix(['و', 'ف']).unwrap_or(&w);
            if let Some(rest) = ["بال", "كال", "لل"]
                .iter()
                .find_map(|p| unconj.strip_prefix(p))
            {
                if rest.chars().count() >= 2 {
                    *prep_art.entry(normalize_str(rest)).or_default() += 1;
                }
            }
            let (stem, bare) = match w.strip_prefix("ال") {
                Some(rest)
                    if rest.chars().count() >= 2
                        && !matches!(rest, "ذي" | "تي" | "ذين" | "له" | "لهم") =>
                {
                    (rest, 0)
                }
                _ => (&w[..], 1),
            };
            let e = counts
                .entry(normalize_str(stem))
                .or_insert_with(|| (0, 0, stem.to_string()));
            e.0 += 1;
            e.1 += bare;
        }
    }
    let mut kept: Vec<(String, usize, String)> = counts
        .into_iter()
        // A "stem" almost never seen without ال nor after بال/لل is likely a word starting
        // with the letters ال (التقى, التزم), not article + stem.
        .filter(|(k, (n, bare, _))| {
            *n >= MIN_COUNT
                && k.chars().count() >= 2
                && (bare * BARE_RATIO >= *n
                    || prep_art.get(k.as_str()).copied().unwrap_or(0) * PREP_ART_RATIO >= *n)
        })
        .map(|(k, (n, _, o))| (k, n, o))
        .collect();
    kept.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    kept.truncate(MAX_WORDS);
    let count: HashMap<&str, usize> = kept.iter().map(|(k, n, _)| (k.as_str(), *n)).collect();
    let mut set: HashSet<String> = kept.iter().map(|(k, _, _)| k.clone()).collect();
    // Repeat until stable: dropping a form can change which split a longer form gets.
    for _ in 0..5 {
        let mut next = HashSet::new();
        for (k, n, orig) in &kept {
            // Lexicon without the word itself, so segment may split it.
            let without = Without { set: &set, word: k };
            let s = segment(orig, &without);
            let drop = s.is_split() && {
                let stem = normalize_str(s.stem_str(orig));
                let c = count.get(stem.as_str()).copied().unwrap_or_else(|| {
                    // Stem ending in ت restored to ة.
                    stem.strip_suffix('ت').map_or(0, |p| {
                        count.get(format!("{p}ه").as_str()).copied().unwrap_or(0)
                    })
                });
                c * 2 >= *n
            };
            if !drop {
                next.insert(k.clone());
            }
        }
        let stable = next == set;
        set = next;
        if stable {
            break;
        }
    }
    let mut out: Vec<&String> = set.iter().collect();
    out.sort_unstable();
    let mut o = std::io::stdout().lock();
    writeln!(
        o,
        "# Frequent Arabic words, normalised, without clitics (marsad-text CommonWords)."
    )?;
    writeln!(o, "# Derived from ANT Corpus v2.1 (Chouigui, Ben Khiroun & Elayeb; Apache-2.0), {docs} articles,")?;
    writeln!(o, "# by crates/marsad-text/examples/gen_common_words.rs (min count {MIN_COUNT}, top {MAX_WORDS}).")?;
    for w in out {
        writeln!(o, "{w}")?;
    }
    Ok(())
}

struct Without<'a> {
    set: &'a HashSet<String>,
    word: &'a str,
}

impl marsad_text::Lexicon for Without<'_> {
    fn contains(&self, s: &str) -> bool {
        s != self.word && self.set.contains(s)
    }
}
