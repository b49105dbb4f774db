//! Reading CoNLL-style `token TAG` files (ANERcorp, AQMAR).

use crate::tags::Tag;
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
}
