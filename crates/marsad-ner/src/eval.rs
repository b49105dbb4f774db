//! Exact-match entity scoring with conlleval semantics.

use crate::tags::{NerLabel, Tag};
use std::collections::BTreeMap;

/// Gold/predicted/correct entity counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Entities in the gold annotation.
    pub gold: usize,
    /// Entities predicted.
    pub pred: usize,
    /// Predicted entities with exactly the gold span and type.
    pub correct: usize,
}

impl Counts {
    /// Precision in percent (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        pct(self.correct, self.pred)
    }
    /// Recall in percent.
    pub fn recall(&self) -> f64 {
        pct(self.correct, self.gold)
    }
    /// Balanced F-score in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Scores of a whole evaluation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Per entity type.
    pub per_type: BTreeMap<NerLabel, Counts>,
    /// Over all kept types.
    pub overall: Counts,
    /// Tokens seen.
    pub tokens: usize,
    /// Tokens whose tag was right.
    pub correct_tags: usize,
}

/// Entity chunks `(start, end_exclusive, label)` of a tag sequence, as conlleval reads them:
/// an `I-X` after `O` or after another type starts a new chunk.
pub fn chunks(tags: &[Tag]) -> Vec<(usize, usize, NerLabel)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, NerLabel)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let continues = matches!((t, open), (Tag::I(l), Some((_, o))) if l == o);
        if !continues {
            if let Some((s, l)) = open.take() {
                out.push((s, i, l));
            }
            if let Some(l) = t.label() {
                open = Some((i, l));
            }
        }
    }
    if let Some((s, l)) = open {
        out.push((s, tags.len(), l));
    }
    out
}

/// Scores predicted against gold sentences; labels outside `keep` are treated as `O` on both sides.
pub fn score(gold: &[Vec<Tag>], pred: &[Vec<Tag>], keep: &[NerLabel]) -> Scores {
    let mut s = Scores::default();
    for l in keep {
        s.per_type.insert(*l, Counts::default());
    }
    let filt = |v: &[Tag]| -> Vec<Tag> {
        v.iter()
            .map(|t| match t.label() {
                Some(l) if keep.contains(&l) => *t,
                _ => Tag::O,
            })
            .collect()
    };
    for (g, p) in gold.iter().zip(pred) {
        let (g, p) = (filt(g), filt(p));
        s.tokens += g.len();
        s.correct_tags += g.iter().zip(&p).filter(|(a, b)| a == b).count();
        let gc = chunks(&g);
        let pc = chunks(&p);
        for &(_, _, l) in &gc {
            s.per_type.entry(l).or_default().gold += 1;
            s.overall.gold += 1;
        }
        for c in &pc {
            let e = s.per_type.entry(c.2).or_default();
            e.pred += 1;
            s.overall.pred += 1;
            if gc.binary_search(c).is_ok() {
                e.correct += 1;
                s.overall.correct += 1;
            }
        }
    }
    s
}

impl Scores {
    /// conlleval-style report.
    pub fn report(&self) -> String {
        let mut out = format!(
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.\n",
            self.tokens, self.overall.gold, self.overall.pred, self.overall.correct
        );
        out += &format!(
            "accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}\n",
            pct(self.correct_tags, self.tokens),
            self.overall.precision(),
            self.overall.recall(),
            self.overall.f1()
        );
        for (l, c) in &self.per_type {
            out += &format!(
                "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {}\n",
                l.as_str(),
                c.precision(),
                c.recall(),
                c.f1(),
                c.pred
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conlleval_chunking() {
        let t = |s: &str| s.split(' ').map(Tag::parse).collect::<Vec<_>>();
        assert_eq!(
            chunks(&t("B-ORG I-ORG O I-LOC B-PERS B-PERS I-LOC")),
            vec![
                (0, 2, NerLabel::Org),
                (3, 4, NerLabel::Loc),
                (4, 5, NerLabel::Per),
                (5, 6, NerLabel::Per),
                (6, 7, NerLabel::Loc)
            ]
        );
    }

    #[test]
    fn exact_match_counts() {
        let g = vec![vec![
            Tag::B(NerLabel::Org),
            Tag::I(NerLabel::Org),
            Tag::O,
            Tag::B(NerLabel::Loc),
        ]];
        let p = vec![vec![
            Tag::B(NerLabel::Org),
            Tag::O,
            Tag::O,
            Tag::B(NerLabel::Loc),
        ]];
        let s = score(&g, &p, &NerLabel::ALL);
        assert_eq!(
            s.overall,
            Counts {
                gold: 2,
                pred: 2,
                correct: 1
            }
        );
        assert_eq!(s.per_type[&NerLabel::Loc].correct, 1);
        assert!((s.overall.f1() - 50.0).abs() < 1e-9);
        let only_loc = score(&g, &p, &[NerLabel::Loc]);
        assert_eq!(
            only_loc.overall,
            Counts {
                gold: 1,
                pred: 1,
                correct: 1
            }
        );
    }
}
