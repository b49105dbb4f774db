//! Relations the whole pipeline keeps, on real sentences.

mod common;

use marsad_core::{analyze, AnalyzeOptions};

fn doc(id: &str, text: &str) -> marsad_core::SourceDocument {
    common::doc(id, text, Some("2018-02-19"))
}

#[test]
fn a_state_and_its_own_capital_are_never_two_sides_of_an_agreement() {
    // ANT (BBC, Sky News): the capital stands for the state, so "اتفاق مع دمشق" in a sentence that
    // names Syria, or "اتفاق تكميلي مع طهران" after "الإيراني", made a state agree with itself.
    let a = "قالت مصادر في وحدات حماية الشعب الكردية في شمال سوريا إنها توصلت إلى اتفاق مع دمشق لدخول القوات السورية منطقة عفرين للمساعدة في صد الهجوم التركي.";
    let b = "وأضاف أن وزراء خارجية مجموعة السبع ناقشوا الاتفاق النووي الإيراني وجهود إبرام اتفاق تكميلي مع طهران.";
    let (p, _) = analyze(&[doc("a", a), doc("b", b)], &AnalyzeOptions::default());
    let kb_of = |id: &str| {
        p.entities
            .iter()
            .find(|e| e.id == id)
            .and_then(|e| e.kb.clone())
            .unwrap_or_default()
    };
    let pairs: Vec<(String, String, String)> = p
        .relations
        .iter()
        .map(|r| (r.kind.clone(), kb_of(&r.subject), kb_of(&r.object)))
        .collect();
    // Both sentences still name both places.
    for q in ["Q858", "Q3766", "Q794", "Q3616"] {
        assert!(p.entities.iter().any(|e| e.kb.as_deref() == Some(q)), "{q}");
    }
    for (kind, s, o) in &pairs {
        let one_polity = [("Q858", "Q3766"), ("Q794", "Q3616")]
            .iter()
            .any(|(x, y)| (s == x && o == y) || (s == y && o == x));
        assert!(
            !(one_polity && kind != "capital_of"),
            "{kind} {s} {o}: {pairs:?}"
        );
    }
}
