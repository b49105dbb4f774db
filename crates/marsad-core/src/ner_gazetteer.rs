//! The KB's gazetteer seen through the tagger's [`marsad_ner::Gazetteer`] hook: multi-token KB names
//! become B/I marks of their type on the tagger's tokens.

use marsad_kb::{AliasKind, Class, GazMatch, Kb};
use marsad_ner::{NerLabel, Tag};

/// Marks tokens inside KB names for the NER tagger (states/cities/regions → LOC, organisations →
/// ORG, persons → PER, peoples → MISC; nisba adjectives get the distinct mark `O`).
#[derive(Debug, Clone, Copy)]
pub struct KbNerGazetteer<'k> {
    kb: &'k Kb,
}

impl<'k> KbNerGazetteer<'k> {
    /// A gazetteer hook over `kb`.
    pub fn new(kb: &'k Kb) -> KbNerGazetteer<'k> {
        KbNerGazetteer { kb }
    }

    /// The hook over the built-in KB.
    pub fn builtin() -> KbNerGazetteer<'static> {
        KbNerGazetteer::new(Kb::builtin())
    }

    /// The mark of a match's best reading: its label, or `None` for the adjective mark, or no
    /// mark at all (`Err`) when the match is not safe.
    fn reading(&self, m: &GazMatch<'_>) -> Result<Option<NerLabel>, ()> {
        let t = m.targets.first().ok_or(())?;
        if t.kind == AliasKind::Adjective {
            return Ok(None);
        }
        // Names that take the article carry it in the KB; a stripped article means a common noun.
        if m.article_stripped {
            return Err(());
        }
        let class = self.kb.entries.get(t.entry as usize).ok_or(())?.class;
        Ok(Some(match class {
            Class::State | Class::City | Class::Region => NerLabel::Loc,
            Class::Org => NerLabel::Org,
            Class::Person => NerLabel::Per,
            Class::People => NerLabel::Misc,
        }))
    }
}

impl marsad_ner::Gazetteer for KbNerGazetteer<'_> {
    fn annotate(&self, tokens: &[&str], out: &mut [Option<Tag>]) {
        // The KB matcher works on text; the tokens joined by spaces keep every token's bytes.
        let mut text = String::with_capacity(tokens.iter().map(|t| t.len() + 1).sum());
        let mut starts = Vec::with_capacity(tokens.len());
        for t in tokens {
            if !text.is_empty() {
                text.push(' ');
            }
            starts.push(text.len());
            text.push_str(t);
        }
        let gaz = marsad_kb::Gazetteer::new(self.kb);
        for m in gaz.find(&text) {
            let Ok(label) = self.reading(&m) else {
                continue;
            };
            let first = starts.partition_point(|&s| s <= m.start).saturating_sub(1);
            let last = starts.partition_point(|&s| s < m.end).saturating_sub(1);
            for (i, slot) in out.iter_mut().enumerate().take(last + 1).skip(first) {
                *slot = Some(match label {
                    None => Tag::O,
                    Some(l) if i == first => Tag::B(l),
                    Some(l) => Tag::I(l),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_ner::Gazetteer as _;
    use proptest::prelude::*;

    fn marks(s: &str) -> Vec<(String, Option<Tag>)> {
        let toks: Vec<&str> = s.split_whitespace().collect();
        let mut out = vec![None; toks.len()];
        KbNerGazetteer::builtin().annotate(&toks, &mut out);
        toks.iter().map(|t| t.to_string()).zip(out).collect()
    }

    #[test]
    fn multiword_org_and_clitic_state_are_marked() {
        let m = marks("كما حولت مؤخراً مجلس الدول التركية إلى منظمة الدول التركية .");
        let tags: Vec<Option<Tag>> = m.iter().map(|x| x.1).collect();
        let org = NerLabel::Org;
        assert_eq!(
            &tags[7..10],
            &[Some(Tag::B(org)), Some(Tag::I(org)), Some(Tag::I(org))]
        );
        assert_eq!(tags[10], None);
        let m = marks("التي تضم 7 دول هي : تركيا وأذربيجان وشمال قبرص");
        let t = m.iter().find(|x| x.0 == "وأذربيجان").and_then(|x| x.1);
        assert_eq!(t, Some(Tag::B(NerLabel::Loc)));
    }

    #[test]
    fn person_name_and_adjective_marks() {
        let m = marks("وكان الرئيس نور سلطان نزارباييف قد تنحى");
        let tags: Vec<Option<Tag>> = m.iter().map(|x| x.1).collect();
        let per = NerLabel::Per;
        assert_eq!(
            &tags[2..5],
            &[Some(Tag::B(per)), Some(Tag::I(per)), Some(Tag::I(per))]
        );
        assert_eq!(tags[1], None);
        let m = marks("في الاحتجاجات الكازاخستانية");
        assert_eq!(m[2].1, Some(Tag::O));
    }

    #[test]
    fn shipped_tagger_uses_kb_marks_on_a_sample_article() {
        let tagger = marsad_ner::Tagger::shipped().unwrap();
        assert!(tagger.uses_gazetteer());
        let text = include_str!("../../../examples/kazakhstan-2022/002_bcef1e2ff6c2592e.txt");
        let gaz = KbNerGazetteer::builtin();
        let with = tagger.entities_with(text, Some(&gaz));
        let found = |spans: &[marsad_ner::NerSpan], form: &str, label: NerLabel| {
            spans
                .iter()
                .filter(|s| &text[s.start..s.end] == form && s.label == label)
                .count()
        };
        assert!(found(&with, "توكاييف", NerLabel::Per) >= 2);
        assert!(found(&with, "منظمة معاهدة الأمن الجماعي", NerLabel::Org) >= 1);
        assert!(with.iter().all(|s| text.get(s.start..s.end).is_some()));
    }

    proptest! {
        #[test]
        fn marks_are_well_formed(s in "[ وتركيا روسيا،.كازاخستانيةمنظمةالدولa-z0-9]{0,60}") {
            let toks: Vec<&str> = s.split_whitespace().collect();
            let mut out = vec![None; toks.len()];
            KbNerGazetteer::builtin().annotate(&toks, &mut out);
            for (i, t) in out.iter().enumerate() {
                if let Some(Tag::I(l)) = t {
                    prop_assert!(i > 0);
                    prop_assert!(matches!(out[i - 1], Some(Tag::B(p)) | Some(Tag::I(p)) if p == *l));
                }
            }
        }
    }
}
