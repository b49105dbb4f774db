//! Property tests of the whole pipeline: for any text, no panic, and every evidence in the picture
//! is exactly its bytes of the original text.

use marsad_core::{analyze, AnalyzeOptions, SourceDocument};
use proptest::prelude::*;

fn doc(text: String) -> SourceDocument {
    SourceDocument {
        id: "p".into(),
        source: "prop".into(),
        title: None,
        outlet: None,
        author: None,
        published: Some("2022-01-08".into()),
        published_at: None,
        sha256: String::new(),
        bytes: text.len(),
        text,
        warnings: vec![],
    }
}

/// Arabic-heavy text: letters, diacritics, digits of three scripts, number and month words, chrome.
fn arabic_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "قتل",
        " ",
        "164",
        "٢٠١٩",
        "۲۰",
        "شخصاً",
        "أكثر من",
        "نحو",
        "ألف",
        "مليونا",
        "و600",
        "ألفاً",
        "كانون الثاني",
        "الثاني من يناير",
        "عام",
        "2022",
        "%",
        "بالمئة",
        "\n",
        "\n\n",
        "اترك تعليقاً",
        "شاركها",
        "Exit mobile version",
        "ـ",
        "\u{064B}",
        "\u{200F}",
        "«",
        "»",
        ".",
        "،",
        "دولار",
        "جندي",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn check(text: String) -> Result<(), TestCaseError> {
    let d = doc(text.clone());
    let (p, diags) = analyze(&[d], &AnalyzeOptions::default());
    // The provenance pass repairs or drops bad evidence; no stage may need it to.
    prop_assert!(
        !diags.iter().any(|d| d.message.contains(" evidence ")),
        "{:?}",
        diags
    );
    for q in &p.quantities {
        for e in &q.evidence {
            prop_assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()));
        }
    }
    for t in &p.dates {
        for e in &t.evidence {
            prop_assert_eq!(text.get(e.start..e.end), Some(e.text.as_str()));
        }
    }
    for ent in &p.entities {
        for m in &ent.mentions {
            prop_assert_eq!(
                text.get(m.evidence.start..m.evidence.end),
                Some(m.evidence.text.as_str())
            );
        }
    }
    for r in &p.documents[0].removed {
        prop_assert_eq!(text.get(r.start..r.end), Some(r.text.as_str()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn any_unicode_keeps_provenance(text in "\\PC{0,200}") {
        check(text)?;
    }

    #[test]
    fn arabic_news_like_text_keeps_provenance(text in arabic_text()) {
        check(text)?;
    }
}
