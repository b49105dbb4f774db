//! Feature codes from a scorer outside the engine (experiments/ner-gemma: a linear probe on a
//! language model's hidden states), read from a file and used like the character scorer's codes.
//!
//! Experimental: the engine cannot compute these codes itself, so a model trained with them
//! needs the same kind of codes at tagging time; `marsad analyze` never uses them.

use crate::NerError;
use std::collections::HashMap;

/// Largest best-tag code (1 + tag × 4 + confidence band, 9 tags × 4 bands).
const MAX_BEST: u64 = 36;
/// Largest entity code (2 + type × 4 + band − 1, or 1 for "no entity").
const MAX_ENTITY: u64 = 17;

/// Per-token codes `[best tag × confidence, entity probability × type]` by sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutsideCodes {
    by_sentence: HashMap<String, Vec<[u64; 2]>>,
}

impl OutsideCodes {
    /// Parses lines `TOKENS<TAB>B,E B,E …`: the sentence's tokens joined by single spaces, then
    /// one `best,entity` pair per token (codes as the character scorer makes them).
    pub fn parse(text: &str) -> Result<OutsideCodes, NerError> {
        let mut by_sentence = HashMap::new();
        for (ln, line) in text.lines().enumerate() {
            let bad = |message: String| NerError::Format {
                line: ln + 1,
                message,
            };
            if line.trim().is_empty() {
                continue;
            }
            let (key, codes) = line
                .split_once('\t')
                .ok_or_else(|| bad("expected `tokens<TAB>codes`".into()))?;
            let codes = codes
                .split(' ')
                .map(|c| {
                    let pair = c.split_once(',').and_then(|(a, b)| {
                        Some([a.parse::<u64>().ok()?, b.parse::<u64>().ok()?])
                    });
                    match pair {
                        Some([a, b]) if (1..=MAX_BEST).contains(&a) && (1..=MAX_ENTITY).contains(&b) => {
                            Ok([a, b])
                        }
                        _ => Err(bad(format!(
                            "code {c:?} is not `best,entity` with best 1..={MAX_BEST}, entity 1..={MAX_ENTITY}"
                        ))),
                    }
                })
                .collect::<Result<Vec<_>, _>>()?;
            let n = key.split(' ').count();
            if n != codes.len() {
                return Err(bad(format!("{n} tokens but {} codes", codes.len())));
            }
            by_sentence.insert(key.to_string(), codes);
        }
        Ok(OutsideCodes { by_sentence })
    }

    /// Number of sentences with codes.
    pub fn len(&self) -> usize {
        self.by_sentence.len()
    }

    /// Whether no sentence has codes.
    pub fn is_empty(&self) -> bool {
        self.by_sentence.is_empty()
    }

    /// The codes of a sentence, or zeros (no feature) when the file has none for it.
    pub(crate) fn codes_into(&self, tokens: &[&str], out: &mut Vec<[u64; 2]>) {
        out.clear();
        match self.by_sentence.get(&tokens.join(" ")) {
            Some(c) if c.len() == tokens.len() => out.extend_from_slice(c),
            _ => out.resize(tokens.len(), [0, 0]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        // The file comes from outside the engine: any text is codes or a line-numbered error,
        // and every code kept is in range.
        #[test]
        fn any_text_parses_or_is_an_error(text in "(\\PC{0,12}(\t|,| |[0-9]{1,3}|\n)){0,40}") {
            if let Ok(c) = OutsideCodes::parse(&text) {
                for codes in c.by_sentence.values() {
                    for &[a, b] in codes {
                        prop_assert!((1..=MAX_BEST).contains(&a) && (1..=MAX_ENTITY).contains(&b));
                    }
                }
            }
        }
    }

    #[test]
    fn codes_of_a_real_sentence_round_trip_and_unknown_sentences_get_none() {
        let c = OutsideCodes::parse("أعلن اتحاد صناعة السيارات\t1,1 16,4 17,5 17,5\n").unwrap();
        let mut out = Vec::new();
        c.codes_into(&["أعلن", "اتحاد", "صناعة", "السيارات"], &mut out);
        assert_eq!(out, vec![[1, 1], [16, 4], [17, 5], [17, 5]]);
        c.codes_into(&["في", "ألمانيا"], &mut out);
        assert_eq!(out, vec![[0, 0], [0, 0]]);
    }

    #[test]
    fn malformed_lines_are_errors_naming_the_line() {
        for (text, line) in [
            ("في ألمانيا 1,1 5,10\n", 1),
            ("في\t1,1\nفي ألمانيا\t1,1\n", 2),
            ("في ألمانيا\t1,1 99,10\n", 1),
            ("في ألمانيا\t1,1 5;10\n", 1),
        ] {
            match OutsideCodes::parse(text) {
                Err(NerError::Format { line: l, .. }) => assert_eq!(l, line, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }
}
