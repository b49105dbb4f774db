//! Tests: events and figures extracted by `marsad-events` from real sentences of the sample
//! corpus, told by two documents.

use std::collections::HashMap;

use marsad_events::{extract, DocEvents, DocInput, EntityMention};
use marsad_picture::{Bound, EntityType, Event, Evidence, MentionForm, Mode, Quantity, Relation};

use super::*;

fn ev(doc: &str, text: &str) -> Evidence {
    Evidence {
        doc: doc.into(),
        start: 0,
        end: text.len(),
        text: text.into(),
    }
}

fn event(doc: &str, kind: &str, sources: &[&str], targets: &[&str], loc: Option<&str>) -> Event {
    Event {
        id: String::new(),
        kind: kind.into(),
        subtype: None,
        mode: Mode::Asserted,
        sources: sources.iter().map(|s| s.to_string()).collect(),
        targets: targets.iter().map(|s| s.to_string()).collect(),
        location: loc.map(str::to_string),
        date: None,
        quantities: vec![],
        evidence: vec![ev(doc, kind)],
    }
}

fn quantity(id: &str, doc: &str, value: f64, kind: &str, bound: Bound) -> Quantity {
    Quantity {
        id: id.into(),
        value,
        unit: Some("person".into()),
        kind: kind.into(),
        bound,
        about: vec![],
        evidence: vec![ev(doc, id)],
    }
}

/// Runs the event layer on one real sentence with the given mentions.
fn doc_events(doc: &str, text: &str, ms: &[(&str, &str, EntityType)]) -> DocEvents {
    let mut mentions: Vec<EntityMention> = ms
        .iter()
        .map(|(surface, id, kind)| {
            let start = text.find(surface).unwrap();
            EntityMention {
                entity: id.to_string(),
                kind: *kind,
                form: MentionForm::Name,
                start,
                end: start + surface.len(),
            }
        })
        .collect();
    mentions.sort_by_key(|m| m.start);
    let sents = marsad_text::sentences(text);
    extract(DocInput {
        doc,
        text,
        sentences: &sents,
        mentions: &mentions,
        quantities: &[],
        dates: &[],
    })
    .0
}

#[test]
fn same_request_in_two_documents_merges() {
    let a = doc_events(
        "a",
        "فقد طلب الرئيس توكاييف الدعم والتدخل من منظمة معاهدة الأمن الجماعي.",
        &[
            ("توكاييف", "tok", EntityType::Per),
            ("منظمة معاهدة الأمن الجماعي", "csto", EntityType::Org),
        ],
    );
    let b = doc_events(
        "b",
        "وقد طلب قاسم جومارت توكاييف من منظمة معاهدة الأمن الجماعي المساعدة في استعادة النظام العام.",
        &[("قاسم جومارت توكاييف", "tok", EntityType::Per), ("منظمة معاهدة الأمن الجماعي", "csto", EntityType::Org)],
    );
    let all: Vec<Event> = a.events.into_iter().chain(b.events).collect();
    let merged = merge_events(all, &HashMap::new());
    let req: Vec<&Event> = merged.iter().filter(|e| e.kind == "REQUEST").collect();
    assert_eq!(req.len(), 1);
    let docs: Vec<&str> = req[0].evidence.iter().map(|e| e.doc.as_str()).collect();
    assert_eq!(docs, vec!["a", "b"]);
}

#[test]
fn disjoint_sources_or_other_places_do_not_merge() {
    let e1 = event("a", "SUPPORT", &["tr"], &["kz"], None);
    let e2 = event("b", "SUPPORT", &["ru"], &["kz"], None);
    let e3 = event("c", "PROTEST", &[], &[], Some("kz"));
    let e4 = event("d", "PROTEST", &[], &[], Some("by"));
    let merged = merge_events(vec![e1, e2, e3, e4], &HashMap::new());
    assert_eq!(merged.len(), 4);
    assert_eq!(merged[3].id, "ev4");
}

#[test]
fn different_casualty_figures_for_one_event_disagree() {
    let mut a = event("a", "ASSAULT", &[], &[], Some("kz"));
    a.quantities = vec!["q1".into()];
    a.date = Some("t1".into());
    let mut b = event("b", "ASSAULT", &[], &[], Some("kz"));
    b.quantities = vec!["q2".into()];
    b.date = Some("t2".into());
    // A place alone merges across documents only on the same date.
    let undated = merge_events(
        vec![
            event("a", "ASSAULT", &[], &[], Some("kz")),
            event("b", "ASSAULT", &[], &[], Some("kz")),
        ],
        &HashMap::new(),
    );
    assert_eq!(undated.len(), 2);
    let dates = HashMap::from([
        ("t1".to_string(), "2022-01-06".to_string()),
        ("t2".to_string(), "2022-01-06".to_string()),
    ]);
    let merged = merge_events(vec![a, b], &dates);
    assert_eq!(merged.len(), 1);
    let qs = vec![
        quantity("q1", "a", 164.0, "killed", Bound::Exact),
        quantity("q2", "b", 225.0, "killed", Bound::Exact),
    ];
    let names = HashMap::new();
    let d = disagreements(Inputs {
        events: &merged,
        doc_events: &[],
        quantities: &qs,
        relations: &[],
        names: &names,
        topics: &HashMap::new(),
        published: &HashMap::new(),
        outlets: &HashMap::new(),
    });
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].positions.len(), 2);
    // "more than 150" does not contradict 164.
    let qs = vec![
        quantity("q1", "a", 164.0, "killed", Bound::Exact),
        quantity("q2", "b", 150.0, "killed", Bound::MoreThan),
    ];
    let d = disagreements(Inputs {
        events: &merged,
        doc_events: &[],
        quantities: &qs,
        relations: &[],
        names: &names,
        topics: &HashMap::new(),
        published: &HashMap::new(),
        outlets: &HashMap::new(),
    });
    assert!(d.is_empty());
}

fn member(doc: &str, s: &str, o: &str) -> Relation {
    Relation {
        id: String::new(),
        kind: "member_of".into(),
        subject: s.into(),
        object: o.into(),
        valid: None,
        evidence: vec![ev(doc, s)],
    }
}

#[test]
fn member_lists_disagree_only_when_neither_contains_the_other() {
    let names = HashMap::new();
    let run = |rels: &[Relation]| {
        disagreements(Inputs {
            events: &[],
            doc_events: &[],
            quantities: &[],
            relations: rels,
            names: &names,
            topics: &HashMap::new(),
            published: &HashMap::new(),
            outlets: &HashMap::new(),
        })
    };
    // A partial list (…تضم أيضاً) inside a full one: no disagreement.
    let partial = [
        member("a", "am", "o"),
        member("a", "by", "o"),
        member("a", "kz", "o"),
        member("b", "ru", "o"),
        member("b", "am", "o"),
        member("b", "by", "o"),
        member("b", "kz", "o"),
    ];
    assert!(run(&partial).is_empty());
    let clash = [
        member("a", "tr", "o"),
        member("a", "cy", "o"),
        member("a", "kz", "o"),
        member("b", "tr", "o"),
        member("b", "hu", "o"),
        member("b", "kz", "o"),
    ];
    let d = run(&clash);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].id, "x1");
}

#[test]
fn opposite_roles_of_an_actor_disagree() {
    // Real sentences: one document has the state offer help, another has accusations head to it.
    let a = doc_events(
        "a",
        "وعلى كل الأحوال قامت تركيا بعرض المساعدة على كازاخستان.",
        &[
            ("تركيا", "tr", EntityType::Gpe),
            ("كازاخستان", "kz", EntityType::Gpe),
        ],
    );
    let b = doc_events(
        "b",
        "ما يجعل الاتهامات تتجه نحو تركيا، التي لها باع طويل في تدريب المليشيات.",
        &[("تركيا", "tr", EntityType::Gpe)],
    );
    let raw: Vec<Event> = a.events.into_iter().chain(b.events).collect();
    let mut merged = merge_events(raw.clone(), &HashMap::new());
    let names = HashMap::from([
        ("tr".to_string(), "Türkiye".to_string()),
        ("kz".to_string(), "Kazakhstan".to_string()),
    ]);
    // Unrelated stories are never opposed: the two documents must tell a common happening.
    let alone = disagreements(Inputs {
        events: &merged,
        doc_events: &raw,
        quantities: &[],
        relations: &[],
        names: &names,
        topics: &HashMap::from([("b".to_string(), vec!["kz".to_string()])]),
        published: &HashMap::new(),
        outlets: &HashMap::new(),
    });
    assert!(alone.is_empty());
    let mut story = event("a", "PROTEST", &[], &[], Some("kz"));
    story.evidence.push(ev("b", "PROTEST"));
    merged.push(story);
    // Document b is about Kazakhstan too: that is the counterpart of the bare accusation.
    let topics = HashMap::from([("b".to_string(), vec!["kz".to_string()])]);
    let d = disagreements(Inputs {
        events: &merged,
        doc_events: &raw,
        quantities: &[],
        relations: &[],
        names: &names,
        topics: &topics,
        published: &HashMap::new(),
        outlets: &HashMap::new(),
    });
    let role = d
        .iter()
        .find(|d| d.topic == "role of Türkiye toward Kazakhstan")
        .expect("role disagreement");
    assert_eq!(role.positions[0].docs, vec!["a".to_string()]);
    assert_eq!(role.positions[1].docs, vec!["b".to_string()]);
    // Published a month apart, the two accounts are not opposed.
    let published = HashMap::from([
        ("a".to_string(), "2022-01-06".to_string()),
        ("b".to_string(), "2022-02-10".to_string()),
    ]);
    let far = disagreements(Inputs {
        events: &merged,
        doc_events: &raw,
        quantities: &[],
        relations: &[],
        names: &names,
        topics: &HashMap::from([("b".to_string(), vec!["kz".to_string()])]),
        published: &published,
        outlets: &HashMap::new(),
    });
    assert!(far.is_empty());
    // Without a shared story there is no counterpart, so no disagreement.
    let d = disagreements(Inputs {
        events: &merged,
        doc_events: &raw,
        quantities: &[],
        relations: &[],
        names: &names,
        topics: &HashMap::new(),
        published: &HashMap::new(),
        outlets: &HashMap::new(),
    });
    assert!(d.is_empty());
}

#[test]
fn figures_clash_only_across_outlets_on_one_day_and_merges_stay_in_time() {
    let mut a = event("a", "ASSAULT", &["il"], &[], Some("gaza"));
    a.quantities = vec!["q1".into()];
    let mut b = event("b", "ASSAULT", &["il"], &[], Some("gaza"));
    b.quantities = vec!["q2".into()];
    let qs = vec![
        quantity("q1", "a", 16.0, "killed", Bound::Exact),
        quantity("q2", "b", 20.0, "killed", Bound::Exact),
    ];
    let names = HashMap::new();
    let run = |published: &HashMap<String, String>, outlets: &HashMap<String, String>| {
        let merged = merge_events_in_time(vec![a.clone(), b.clone()], &HashMap::new(), published);
        let d = disagreements(Inputs {
            events: &merged,
            doc_events: &[],
            quantities: &qs,
            relations: &[],
            names: &names,
            topics: &HashMap::new(),
            published,
            outlets,
        });
        (merged.len(), d.len())
    };
    let day = |x: &str, y: &str| {
        HashMap::from([
            ("a".to_string(), x.to_string()),
            ("b".to_string(), y.to_string()),
        ])
    };
    let two = day("alarabia", "BBC");
    // Same day, two outlets: one event, one disagreement.
    assert_eq!(run(&day("2018-04-06", "2018-04-06"), &two), (1, 1));
    // One outlet: an update, not a disagreement.
    assert_eq!(
        run(&day("2018-04-06", "2018-04-06"), &day("BBC", "BBC")),
        (1, 0)
    );
    // A day apart: still one event, but a toll a day later is an update.
    assert_eq!(run(&day("2018-04-06", "2018-04-07"), &two), (1, 0));
    // A week apart: two happenings.
    assert_eq!(run(&day("2018-04-06", "2018-04-13"), &two), (2, 0));
}

#[test]
fn day_numbers_follow_the_calendar() {
    assert_eq!(day_number("1970-01-01"), Some(0));
    assert_eq!(
        day_number("2018-03-01")
            .zip(day_number("2018-02-28"))
            .map(|(a, b)| a - b),
        Some(1)
    );
    assert_eq!(
        day_number("2016-03-01")
            .zip(day_number("2016-02-28"))
            .map(|(a, b)| a - b),
        Some(2)
    );
    assert_eq!(day_number("2018-13-01"), None);
    assert_eq!(day_number("--01-02"), None);
}
