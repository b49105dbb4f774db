//! Events the whole pipeline keeps or drops, on real sentences.

mod common;

use marsad_core::{analyze, AnalyzeOptions};

/// Regression (ANT random events, session 19): «فجر» is also "dawn"; «في ساعات الفجر» and «الهجوم
/// الذي وقع قبل الفجر» were attacks of their own, with the nisba's state as their place.
#[test]
fn dawn_is_no_detonation() {
    let a = "وأضاءت سماء العاصمة السورية في ساعات الفجر نتيجة ما قالت وسائل إعلام إسرائيلية إنه قصف تضمن إطلاق نحو 30 صاروخا على مواقع عسكرية لإيران حول دمشق.";
    let b = "وقالت دمشق وموسكو إن إسرائيل هي التي شنت الهجوم، الذي وقع قبل الفجر يوم الاثنين وأسفر عن مقتل 14 شخصا.";
    let docs = [
        common::doc("a", a, Some("2018-05-10")),
        common::doc("b", b, Some("2018-04-10")),
    ];
    let (p, _) = analyze(&docs, &AnalyzeOptions::default());
    let dawn: Vec<&str> = p
        .events
        .iter()
        .flat_map(|e| &e.evidence)
        .map(|x| x.text.as_str())
        .filter(|t| t.contains("الفجر"))
        .collect();
    assert!(dawn.is_empty(), "{dawn:?}");
    // The shelling itself is still told.
    assert!(
        p.events
            .iter()
            .any(|e| e.kind == "ASSAULT" && e.evidence.iter().any(|x| x.text.starts_with("قصف"))),
        "{:?}",
        p.events
    );
}
