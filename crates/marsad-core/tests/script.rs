//! A text mostly in another script is told to the user, not silently read as Arabic.

mod common;

use common::doc;
use marsad_core::{analyze_document, AnalyzeOptions};
use marsad_picture::Severity;

/// Regression (user audit): English input gave the organisations "Kazakhstan protests" and
/// "Russia sends troops" with no word that the text was not Arabic.
#[test]
fn a_text_mostly_in_another_script_is_warned_about_and_yields_no_latin_names() {
    let en = doc(
        "en",
        "Kazakhstan protests: Russia sends troops to help the government restore order.",
        None,
    );
    let (a, diags) = analyze_document(&en, &AnalyzeOptions::default());
    assert!(
        diags
            .iter()
            .any(|d| d.severity == Severity::Warning && d.message.contains("not Arabic")),
        "{diags:?}"
    );
    assert!(a.document.warnings.iter().any(|w| w.contains("not Arabic")));
    assert!(a.candidates.is_empty(), "{:?}", a.candidates);
    // Arabic news with a Latin acronym or two is Arabic.
    let ar = doc(
        "ar",
        "أرسلت منظمة معاهدة الأمن الجماعي (CSTO) قوات إلى كازاخستان بطلب من الرئيس توكاييف.",
        None,
    );
    let (a, diags) = analyze_document(&ar, &AnalyzeOptions::default());
    assert!(diags.is_empty(), "{diags:?}");
    assert!(a.document.warnings.is_empty());
    assert!(!a.candidates.is_empty());
}
