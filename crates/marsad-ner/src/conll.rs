//! Reading CoNLL-style `token TAG` files (ANERcorp, AQMAR).

use crate::tags::{NerLabel, Tag};
use crate::NerError;

/// One gold sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Tokens as written.
    pub tokens: Vec<String>,
    /// Gold tag per token.
    pub tags: Vec<Tag>,
}

/// Parses `token TAG` lines; blank lines separate sentences. The tag is the last field.
///
/// Lines with a single field are a format error (reported with the line number).
pub fn parse_conll(text: &str) -> Result<Vec<Sentence>, NerError> {
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        tags: Vec::new(),
    };
    for (ln, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.tokens.is_empty() {
                out.push(std::mem::replace(
                    &mut cur,
                    Sentence {
                        tokens: Vec::new(),
                        tags: Vec::new(),
                    },
                ));
            }
            continue;
        }
        let (tok, tag) = match line.trim().rsplit_once([' ', '\t']) {
            Some((t, g)) => (t.trim(), g),
            None => {
                return Err(NerError::Format {
                    line: ln + 1,
                    message: format!("expected `token TAG`, got {line:?}"),
                })
            }
        };
        cur.tokens.push(tok.to_string());
        cur.tags.push(Tag::parse(tag));
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Wojood's line-break marker, a token of its own; dropped.
const WOJOOD_BREAK: &str = "$#$";

/// Head nouns ANERcorp leaves outside a place name (مدينة/O القدس/B-LOC): stripped from the
/// front of a mapped LOC span of two or more tokens.
const LOC_HEADS: [&str; 8] = [
    "مدينة",
    "قرية",
    "بلدة",
    "منطقة",
    "محافظة",
    "قضاء",
    "مخيم",
    "ولاية",
];
/// Head nouns ANERcorp leaves outside an organisation's name (صحيفة/O X/B-ORG, حركة/O حماس/B-ORG).
const ORG_HEADS: [&str; 4] = ["حركة", "جريدة", "صحيفة", "مجلة"];
/// Organisation heads whose whole span ANERcorp leaves untagged (وزارة … is O; بلدية/O نابلس/B-LOC):
/// the ORG layer is ignored and the layers inside it show through.
const ORG_DROP: [&str; 2] = ["بلدية", "وزارة"];
/// Generic organisation nouns: a one-token ORG span that is one of these (الهيئة, اللجنة) is ignored.
const ORG_GENERIC: [&str; 10] = [
    "هيئة",
    "لجنة",
    "مجلس",
    "منظمة",
    "حركة",
    "جريدة",
    "صحيفة",
    "مجلة",
    "بلدية",
    "وزارة",
];

/// Whether `tok` is one of `heads` behind optional proclitics (و/ف, ب/ل/ك, ال, لل).
fn is_head(tok: &str, heads: &[&str]) -> bool {
    for p1 in ["", "و", "ف"] {
        for p2 in ["", "ب", "ل", "ك", "ال", "بال", "كال", "لل"] {
            let Some(rest) = tok.strip_prefix(p1).and_then(|t| t.strip_prefix(p2)) else {
                continue;
            };
            if heads.contains(&rest) {
                return true;
            }
        }
    }
    false
}

/// ANERcorp's label for a Wojood type, `None` for the types ANERcorp leaves untagged.
fn wojood_label(ty: &str) -> Option<NerLabel> {
    match ty {
        "PERS" => Some(NerLabel::Per),
        "ORG" => Some(NerLabel::Org),
        "GPE" | "LOC" => Some(NerLabel::Loc),
        "CURR" => Some(NerLabel::Misc),
        _ => None,
    }
}

/// One Wojood sentence: tokens and each token's tags (any number of IOB2 tags).
type Nested = (Vec<String>, Vec<Vec<String>>);

/// Every span of every type: a `B-X` and the tokens right after it that continue it. A `B-X`
/// on a token that also carries `m` `I-X` tags starts a span nested in `m` spans of the same
/// type, continued while a token carries more than `m` `I-X` tags (a stray `I-X` starts a span).
fn nested_spans(tags: &[Vec<String>]) -> Vec<(usize, usize, String)> {
    let mut types: Vec<&str> = tags
        .iter()
        .flatten()
        .filter_map(|t| t.get(2..).filter(|_| t.len() > 2))
        .collect();
    types.sort_unstable();
    types.dedup();
    let mut out = Vec::new();
    for ty in types {
        let count = |i: usize, p: &str| {
            tags[i]
                .iter()
                .filter(|t| t.strip_prefix(p) == Some(ty))
                .count()
        };
        for i in 0..tags.len() {
            let m = count(i, "I-");
            let starts = count(i, "B-") > 0
                || (m > 0 && (i == 0 || count(i - 1, "B-") + count(i - 1, "I-") == 0));
            if !starts {
                continue;
            }
            let depth = if count(i, "B-") > 0 { m } else { 0 };
            let mut j = i + 1;
            while j < tags.len() && count(j, "I-") > depth {
                j += 1;
            }
            out.push((i, j, ty.to_string()));
        }
    }
    out
}

/// Reads the nested Wojood format (`token TAG [TAG ...]`, several IOB2 layers per token,
/// 21 types) and maps it to ANERcorp's conventions (docs/ner.md, "Wojood as extra training
/// data"): PERS → PER, ORG → ORG, GPE and LOC → LOC, CURR → MISC; every other type (NORP, FAC,
/// EVENT, OCC, DATE, LAW, …) is transparent — its tokens take the type of a span inside it if
/// one maps, else O. Each token gets the outermost (longest) span that maps. ANERcorp's habits
/// are applied on top: place and organisation head nouns are left outside the name
/// ([`LOC_HEADS`], [`ORG_HEADS`]), ministries and municipalities are not organisations
/// ([`ORG_DROP`]), a one-token generic ORG ([`ORG_GENERIC`]) is O, and an ORG span whose text is
/// tagged GPE elsewhere in the same file (روسيا as a government) is LOC, as ANERcorp tags
/// countries. The `$#$` line-break tokens are dropped.
pub fn parse_wojood(text: &str) -> Result<Vec<Sentence>, NerError> {
    let mut raw: Vec<Nested> = Vec::new();
    let mut cur: Nested = (Vec::new(), Vec::new());
    for (ln, line) in text.lines().enumerate() {
        let mut f = line.split_whitespace();
        let Some(tok) = f.next() else {
            if !cur.0.is_empty() {
                raw.push(std::mem::take(&mut cur));
            }
            continue;
        };
        let tags: Vec<String> = f.map(str::to_string).collect();
        if tags.is_empty() {
            return Err(NerError::Format {
                line: ln + 1,
                message: format!("expected `token TAG [TAG ...]`, got {line:?}"),
            });
        }
        if tok != WOJOOD_BREAK {
            cur.0.push(tok.to_string());
            cur.1.push(tags);
        }
    }
    if !cur.0.is_empty() {
        raw.push(cur);
    }
    let spans: Vec<_> = raw.iter().map(|(_, t)| nested_spans(t)).collect();
    let gpe: std::collections::HashSet<String> = raw
        .iter()
        .zip(&spans)
        .flat_map(|((toks, _), sp)| {
            sp.iter()
                .filter(|s| s.2 == "GPE")
                .map(|&(a, b, _)| toks[a..b].join(" "))
        })
        .collect();
    let mut out = Vec::with_capacity(raw.len());
    for ((toks, _), sp) in raw.iter().zip(spans) {
        // (original start, original end, start after head stripping, label)
        let mut cand: Vec<(usize, usize, usize, NerLabel)> = Vec::new();
        for (a, b, ty) in sp {
            let Some(mut l) = wojood_label(&ty) else {
                continue;
            };
            if l == NerLabel::Org {
                if is_head(&toks[a], &ORG_DROP) || (b - a == 1 && is_head(&toks[a], &ORG_GENERIC)) {
                    continue;
                }
                if gpe.contains(&toks[a..b].join(" ")) {
                    l = NerLabel::Loc;
                }
            }
            let heads: &[&str] = match l {
                NerLabel::Loc => &LOC_HEADS,
                NerLabel::Org => &ORG_HEADS,
                _ => &[],
            };
            let mut s = a;
            while b - s >= 2 && is_head(&toks[s], heads) {
                s += 1;
            }
            cand.push((a, b, s, l));
        }
        cand.sort_by_key(|&(a, b, _, _)| (std::cmp::Reverse(b - a), a));
        let mut taken = vec![false; toks.len()];
        let mut tags = vec![Tag::O; toks.len()];
        for (a, b, s, l) in cand {
            if taken[a..b].iter().any(|&t| t) {
                continue;
            }
            taken[a..b].iter_mut().for_each(|t| *t = true);
            tags[s] = Tag::B(l);
            tags[s + 1..b].iter_mut().for_each(|t| *t = Tag::I(l));
        }
        out.push(Sentence {
            tokens: toks.clone(),
            tags,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::NerLabel;

    #[test]
    fn parses_anercorp_lines() {
        let s = parse_conll("فرانكفورت B-LOC\n(د O\n\nأعلن O\nاتحاد B-ORG\nصناعة I-ORG\n").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, vec!["فرانكفورت", "(د"]);
        assert_eq!(s[1].tags[2], Tag::I(NerLabel::Org));
    }

    #[test]
    fn rejects_tagless_line() {
        assert!(parse_conll("كلمة\n").is_err());
    }

    #[test]
    fn maps_wojood_to_anercorp_conventions() {
        let text = "روسيا B-ORG\nفي O\nمجلس B-ORG\nالأمن I-ORG\nضد I-ORG\nالأسد I-ORG B-PERS\n$#$ O\n\n\
                    روسيا B-GPE\nو O\nبلدية B-ORG\nنابلس I-ORG B-GPE\nو O\nجريدة B-ORG\nفلسطين I-ORG B-GPE\n\n\
                    سكرتير B-OCC\nاللجنة I-OCC B-ORG\nالعربية I-OCC I-ORG\nفي I-OCC\nمدينة I-OCC B-GPE\nالقدس I-OCC I-GPE\n\
                    الهيئة B-ORG\n100 B-MONEY\nدولار I-MONEY B-CURR\nالأمريكي B-NORP\n\n\
                    نقابة B-ORG\nالعاملين I-ORG\nفي I-ORG\nجامعة I-ORG B-ORG\nبيرزيت I-ORG I-ORG B-GPE\n";
        let s = parse_wojood(text).unwrap();
        assert_eq!(s.len(), 4);
        let conll = |s: &Sentence| {
            s.tags
                .iter()
                .map(|t| t.conll())
                .collect::<Vec<_>>()
                .join(" ")
        };
        // Metonymic country → LOC (it is GPE in the second sentence); the outer ORG wins; $#$ dropped.
        assert_eq!(s[0].tokens.len(), 6);
        assert_eq!(conll(&s[0]), "B-LOC O B-ORG I-ORG I-ORG I-ORG");
        // بلدية's ORG layer is ignored (its GPE shows); جريدة is left outside the newspaper's name.
        assert_eq!(conll(&s[1]), "B-LOC O O B-LOC O O B-ORG");
        // OCC is transparent; مدينة is left outside; a lone الهيئة is O; currency → MISC; NORP → O.
        assert_eq!(conll(&s[2]), "O B-ORG I-ORG O O B-LOC O O B-MISC O");
        // A nested span of the same type does not cut the outer one short.
        assert_eq!(conll(&s[3]), "B-ORG I-ORG I-ORG I-ORG I-ORG");
        let mut inner = nested_spans(&[
            vec!["B-ORG".into()],
            vec!["I-ORG".into(), "B-ORG".into()],
            vec!["I-ORG".into(), "I-ORG".into()],
            vec!["I-ORG".into()],
        ]);
        inner.sort();
        assert_eq!(inner, vec![(0, 4, "ORG".into()), (1, 3, "ORG".into())]);
        assert!(parse_wojood("كلمة\n").is_err());
    }
}
