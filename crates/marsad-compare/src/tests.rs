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
        dates: &HashMap::new(),
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
        dates: &HashMap::new(),
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
            dates: &HashMap::new(),
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
    // Real sentences: two documents have the state offer help, two others have accusations head
    // to it.
    let help = "وعلى كل الأحوال قامت تركيا بعرض المساعدة على كازاخستان.";
    let helpers = [
        ("تركيا", "tr", EntityType::Gpe),
        ("كازاخستان", "kz", EntityType::Gpe),
    ];
    let blame = "ما يجعل الاتهامات تتجه نحو تركيا، التي لها باع طويل في تدريب المليشيات.";
    let blamed = [("تركيا", "tr", EntityType::Gpe)];
    let raw: Vec<Event> = [
        doc_events("a", help, &helpers),
        doc_events("a2", help, &helpers),
        doc_events("b", blame, &blamed),
        doc_events("b2", blame, &blamed),
    ]
    .into_iter()
    .flat_map(|d| d.events)
    .collect();
    let mut merged = merge_events(raw.clone(), &HashMap::new());
    let names = HashMap::from([
        ("tr".to_string(), "Türkiye".to_string()),
        ("kz".to_string(), "Kazakhstan".to_string()),
    ]);
    let topics = HashMap::from([
        ("b".to_string(), vec!["kz".to_string()]),
        ("b2".to_string(), vec!["kz".to_string()]),
    ]);
    let run = |events: &[Event],
               raw: &[Event],
               topics: &HashMap<String, Vec<String>>,
               published: &HashMap<String, String>| {
        disagreements(Inputs {
            events,
            doc_events: raw,
            quantities: &[],
            relations: &[],
            names: &names,
            topics,
            published,
            dates: &HashMap::new(),
            outlets: &HashMap::new(),
        })
    };
    // Unrelated stories are never opposed: the documents must tell a common happening.
    assert!(run(&merged, &raw, &topics, &HashMap::new()).is_empty());
    let mut story = event("a", "PROTEST", &[], &[], Some("kz"));
    for d in ["a2", "b", "b2"] {
        story.evidence.push(ev(d, "PROTEST"));
    }
    merged.push(story);
    // Documents b and b2 are about Kazakhstan too: that is the counterpart of the bare
    // accusation.
    let d = run(&merged, &raw, &topics, &HashMap::new());
    let role = d
        .iter()
        .find(|d| d.topic == "role of Türkiye toward Kazakhstan")
        .expect("role disagreement");
    assert_eq!(role.positions[0].docs, vec!["a", "a2"]);
    assert_eq!(role.positions[1].docs, vec!["b", "b2"]);
    // One document on a side is not enough.
    let one: Vec<Event> = raw
        .iter()
        .filter(|e| e.evidence[0].doc != "a2")
        .cloned()
        .collect();
    assert!(run(&merged, &one, &topics, &HashMap::new()).is_empty());
    // … unless both articles are about the pair and the hostile account is an unattributed
    // accusation (the "one source says it stirred the unrest, another that it helped").
    let focused = HashMap::from([
        ("a".to_string(), vec!["tr".to_string(), "kz".to_string()]),
        ("b".to_string(), vec!["kz".to_string(), "tr".to_string()]),
    ]);
    let one_each: Vec<Event> = raw
        .iter()
        .filter(|e| !matches!(e.evidence[0].doc.as_str(), "a2" | "b2"))
        .cloned()
        .collect();
    let d = run(&merged, &one_each, &focused, &HashMap::new());
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].positions[0].docs, vec!["a"]);
    assert_eq!(d[0].positions[1].docs, vec!["b"]);
    // A hostile act on one side (not an accusation of the actor's role) is not enough alone.
    let mut acts = one_each.clone();
    for e in acts.iter_mut().filter(|e| e.kind == "ACCUSE") {
        e.kind = "ASSAULT".to_string();
        e.sources = vec!["tr".to_string()];
        e.targets = vec!["kz".to_string()];
    }
    assert!(run(&merged, &acts, &focused, &HashMap::new()).is_empty());
    // A named accuser is the accused's adversary: its account alone is no role.
    let mut named = raw.clone();
    for e in named.iter_mut().filter(|e| e.kind == "ACCUSE") {
        e.sources = vec!["kz".to_string()];
    }
    assert!(run(&merged, &named, &topics, &HashMap::new()).is_empty());
    // Published a month apart, the two accounts are not opposed.
    let published = HashMap::from([
        ("a".to_string(), "2022-01-06".to_string()),
        ("a2".to_string(), "2022-01-06".to_string()),
        ("b".to_string(), "2022-02-10".to_string()),
        ("b2".to_string(), "2022-02-10".to_string()),
    ]);
    assert!(run(&merged, &raw, &topics, &published).is_empty());
    // Without a shared story there is no counterpart, so no disagreement.
    assert!(run(&merged, &raw, &HashMap::new(), &HashMap::new()).is_empty());
    // Undated documents with no merged happening tell one story when their three main places
    // agree, in whatever order (sample article 000 names Russia once more than Türkiye).
    let unmerged = merge_events(raw.clone(), &HashMap::new());
    let reordered = HashMap::from([
        (
            "a".to_string(),
            vec!["ru".to_string(), "tr".to_string(), "kz".to_string()],
        ),
        (
            "b".to_string(),
            vec!["tr".to_string(), "kz".to_string(), "ru".to_string()],
        ),
    ]);
    let d = run(&unmerged, &one_each, &reordered, &HashMap::new());
    assert_eq!(d.len(), 1, "{d:?}");
    let apart = HashMap::from([
        (
            "a".to_string(),
            vec!["tr".to_string(), "kz".to_string(), "ru".to_string()],
        ),
        (
            "b".to_string(),
            vec!["tr".to_string(), "ua".to_string(), "by".to_string()],
        ),
    ]);
    assert!(run(&unmerged, &one_each, &apart, &HashMap::new()).is_empty());
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
            dates: &HashMap::new(),
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

#[test]
fn a_later_higher_toll_is_an_update_a_later_lower_one_a_disagreement() {
    let mut a = event("a", "ASSAULT", &["il"], &[], Some("gaza"));
    a.quantities = vec!["q1".into()];
    let mut b = event("b", "ASSAULT", &["il"], &[], Some("gaza"));
    b.quantities = vec!["q2".into()];
    let merged = merge_events(vec![a, b], &HashMap::new());
    assert_eq!(merged.len(), 1);
    let outlets = HashMap::from([
        ("a".to_string(), "skynews".to_string()),
        ("b".to_string(), "alarabia".to_string()),
    ]);
    let names = HashMap::new();
    // a says 16 at `ta`, b says 15 (or 20) at `tb`.
    let run = |later: f64, ta: &str, tb: &str| {
        let qs = vec![
            quantity("q1", "a", 16.0, "killed", Bound::Exact),
            quantity("q2", "b", later, "killed", Bound::Exact),
        ];
        let published = HashMap::from([
            ("a".to_string(), ta.to_string()),
            ("b".to_string(), tb.to_string()),
        ]);
        disagreements(Inputs {
            events: &merged,
            doc_events: &[],
            quantities: &qs,
            relations: &[],
            names: &names,
            topics: &HashMap::new(),
            published: &published,
            dates: &HashMap::new(),
            outlets: &outlets,
        })
        .len()
    };
    // Five hours later and higher: an update.
    assert_eq!(run(20.0, "2018-03-31T09:37:00Z", "2018-03-31T14:38:00Z"), 0);
    // Five hours later and lower: a disagreement.
    assert_eq!(run(15.0, "2018-03-31T09:37:00Z", "2018-03-31T14:38:00Z"), 1);
    // Half an hour apart: simultaneous, whichever is higher.
    assert_eq!(run(20.0, "2018-03-31T09:37:00Z", "2018-03-31T10:07:00Z"), 1);
    // Dates only: the same day is enough.
    assert_eq!(run(20.0, "2018-03-31", "2018-03-31"), 1);
    // A figure more than twice the other is another quantity (a total, a subset).
    assert_eq!(run(60.0, "2018-03-31T09:37:00Z", "2018-03-31T09:40:00Z"), 0);
}

#[test]
fn unmerged_reports_of_one_place_and_hours_are_compared_by_figure() {
    // Two outlets name the attacker differently, so the events do not merge.
    let mut a = event("a", "ASSAULT", &["isis"], &[], Some("libya"));
    a.quantities = vec!["q1".into()];
    let mut b = event("b", "ASSAULT", &[], &[], Some("libya"));
    b.quantities = vec!["q2".into()];
    let mut c = event("c", "ASSAULT", &["army"], &[], Some("libya"));
    c.quantities = vec!["q3".into()];
    let qs = vec![
        quantity("q1", "a", 12.0, "killed", Bound::MoreThan),
        quantity("q2", "b", 11.0, "killed", Bound::Exact),
        quantity("q3", "c", 9.0, "killed", Bound::Exact),
    ];
    let outlets = HashMap::from([
        ("a".to_string(), "BBC".to_string()),
        ("b".to_string(), "skynews".to_string()),
        ("c".to_string(), "CNN".to_string()),
    ]);
    let published = HashMap::from([
        ("a".to_string(), "2018-05-02T10:00:00Z".to_string()),
        ("b".to_string(), "2018-05-02T10:30:00Z".to_string()),
        ("c".to_string(), "2018-05-02T10:40:00Z".to_string()),
    ]);
    let events = vec![a, b, c];
    let names = HashMap::new();
    let d = disagreements(Inputs {
        events: &events,
        doc_events: &[],
        quantities: &qs,
        relations: &[],
        names: &names,
        topics: &HashMap::new(),
        published: &published,
        dates: &HashMap::new(),
        outlets: &outlets,
    });
    assert_eq!(d.len(), 1, "{d:?}");
    // The army's strike has another source than the ISIS attack, so those two are not compared;
    // both are compared with the report naming no one, and all three clash in one group.
    let docs: Vec<&str> = d[0]
        .positions
        .iter()
        .flat_map(|p| p.docs.iter().map(String::as_str))
        .collect();
    assert!(docs.contains(&"a") && docs.contains(&"b"));
    assert_eq!(d[0].topic, "number killed: assault in libya");
}

#[test]
fn instants_read_as_utc_seconds() {
    assert_eq!(instant("1970-01-02T01:00:30Z"), Some(86_400 + 3_600 + 30));
    assert_eq!(instant("2018-05-14T09:49"), instant("2018-05-14T09:49:00Z"));
    assert_eq!(instant("2018-05-14"), None);
    assert_eq!(instant("2018-05-14T25:00:00Z"), None);
}

#[test]
fn an_outlet_with_several_counts_of_one_place_is_not_compared() {
    // BBC gives 9 (the churches) and 5 (an earlier attack recalled) for one country that day.
    let mk = |doc: &str, q: &str| {
        let mut e = event(doc, "ASSAULT", &[], &[], Some("id"));
        e.quantities = vec![q.into()];
        e
    };
    let events = vec![mk("a", "q1"), mk("a", "q2"), mk("b", "q3")];
    let qs = vec![
        quantity("q1", "a", 9.0, "killed", Bound::MoreThan),
        quantity("q2", "a", 5.0, "killed", Bound::Exact),
        quantity("q3", "b", 6.0, "killed", Bound::Exact),
    ];
    let outlets = HashMap::from([
        ("a".to_string(), "BBC".to_string()),
        ("b".to_string(), "skynews".to_string()),
    ]);
    let published = HashMap::from([
        ("a".to_string(), "2018-05-13T04:39:00Z".to_string()),
        ("b".to_string(), "2018-05-13T04:50:00Z".to_string()),
    ]);
    let names = HashMap::new();
    let run = |qs: &[Quantity]| {
        disagreements(Inputs {
            events: &events,
            doc_events: &[],
            quantities: qs,
            relations: &[],
            names: &names,
            topics: &HashMap::new(),
            published: &published,
            dates: &HashMap::new(),
            outlets: &outlets,
        })
        .len()
    };
    assert_eq!(run(&qs), 0);
    // With one count from each outlet, 9 or more against 6 is a disagreement.
    assert_eq!(run(&[qs[0].clone(), qs[2].clone()]), 1);
}

/// The first-fit merge as it was written before the type buckets and the time shortcut: the
/// reference the fast one must agree with on any input.
fn merge_reference(events: Vec<Event>, ctx: &MergeContext<'_>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in events {
        if !e.has_argument() {
            continue;
        }
        match out.iter_mut().find(|c| compatible(c, &e, ctx)) {
            Some(c) => absorb(c, e),
            None => out.push(e),
        }
    }
    for (n, e) in out.iter_mut().enumerate() {
        e.id = format!("ev{}", n + 1);
    }
    out
}

mod merge_properties {
    use super::*;
    use proptest::prelude::*;

    const KINDS: [&str; 3] = ["ASSAULT", "PROTEST", "COERCE"];
    const MODES: [Mode; 4] = [
        Mode::Asserted,
        Mode::Reported,
        Mode::Negated,
        Mode::Hypothetical,
    ];

    fn arb_event() -> impl Strategy<Value = Event> {
        (
            (0..3usize, 0..4usize, proptest::option::of(0..2usize)),
            (
                proptest::collection::vec(0..4usize, 0..2),
                proptest::collection::vec(0..4usize, 0..2),
            ),
            (
                proptest::option::of(0..3usize),
                proptest::option::of(0..4usize),
                0..7usize,
            ),
        )
            .prop_map(|((k, m, sub), (src, tgt), (loc, date, doc))| Event {
                id: String::new(),
                kind: KINDS[k].into(),
                subtype: sub.map(|s| ["killing", "cameo 190"][s].to_string()),
                mode: MODES[m],
                sources: src.iter().map(|i| format!("E{i}")).collect(),
                targets: tgt.iter().map(|i| format!("E{i}")).collect(),
                location: loc.map(|i| format!("L{i}")),
                date: date.map(|i| format!("t{i}")),
                quantities: vec![],
                evidence: vec![ev(&format!("d{doc}"), KINDS[k])],
            })
    }

    proptest! {
        /// Invariant: the fast merge gives exactly the reference's events, in the same order.
        #[test]
        fn fast_merge_equals_first_fit_reference(events in proptest::collection::vec(arb_event(), 0..60)) {
            // d6 has no publication date; t3 names no known value.
            let days = ["2018-03-01", "2018-03-02", "2018-03-04", "2018-03-04T10:00:00Z", "2018-03-09", "2019-03-01"];
            let published: HashMap<String, String> =
                days.iter().enumerate().map(|(i, d)| (format!("d{i}"), d.to_string())).collect();
            let dates: HashMap<String, String> = [("t0", "2018-03-01"), ("t1", "2018-03"), ("t2", "2018-03-09")]
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            // The reports of d0–d4 name their place in their own evidence; d5 and d6 do not.
            let placed: HashMap<String, Vec<usize>> =
                (0..5).map(|i| (format!("d{i}"), vec![0])).collect();
            let figures = HashMap::new();
            let ctx = MergeContext { dates: &dates, published: &published, figures: &figures, placed: &placed };
            let fast = merge_events_in_context(events.clone(), &ctx);
            let reference = merge_reference(events, &ctx);
            prop_assert_eq!(fast, reference);
        }
    }
}

/// Saudi news audit (session 14): four outlets' "33 injured in Asir", with no source and no
/// date of their own, stayed four events; the same place and the same toll on the same day are
/// one happening, another toll is not.
#[test]
fn the_same_place_and_toll_on_one_day_is_one_happening() {
    let mk = |doc: &str, q: &str| {
        let mut e = event(doc, "ASSAULT", &[], &[], Some("asir"));
        e.quantities = vec![q.to_string()];
        e
    };
    let published: HashMap<String, String> = ["a", "b", "c"]
        .iter()
        .map(|d| (d.to_string(), "2015-08-09".to_string()))
        .collect();
    let figures: HashMap<String, (f64, String)> = HashMap::from([
        ("q1".to_string(), (33.0, "injured".to_string())),
        ("q2".to_string(), (33.0, "injured".to_string())),
        ("q3".to_string(), (15.0, "injured".to_string())),
    ]);
    let events = vec![mk("a", "q1"), mk("b", "q2"), mk("c", "q3")];
    let merged = merge_events_with_figures(events.clone(), &HashMap::new(), &published, &figures);
    assert_eq!(merged.len(), 2, "{merged:#?}");
    assert_eq!(merged[0].evidence.len(), 2);
    // Without the figures (or far apart in time) they stay apart.
    let apart = merge_events_in_time(events, &HashMap::new(), &published);
    assert_eq!(apart.len(), 3);
}

/// Sample corpus (session 17): the January protests in Kazakhstan, told by three articles that
/// each name the country in the protest's own evidence and name no protester, stayed three
/// events. Protests that name the same place themselves, in reports at most a day apart, are one
/// wave; a place borrowed from elsewhere in the sentence, or another kind of event, is not enough.
#[test]
fn protests_that_name_the_same_place_in_one_news_cycle_are_one_wave() {
    let published: HashMap<String, String> = [
        ("a", "2022-01-06"),
        ("b", "2022-01-07"),
        ("c", "2022-01-20"),
    ]
    .iter()
    .map(|(d, p)| (d.to_string(), p.to_string()))
    .collect();
    let protest = |doc: &str| event(doc, "PROTEST", &[], &[], Some("kz"));
    let all: HashMap<String, Vec<usize>> = ["a", "b", "c"]
        .iter()
        .map(|d| (d.to_string(), vec![0]))
        .collect();
    let (dates, figures) = (HashMap::new(), HashMap::new());
    let ctx = |placed| MergeContext {
        dates: &dates,
        published: &published,
        figures: &figures,
        placed,
    };
    let merged =
        merge_events_in_context(vec![protest("a"), protest("b"), protest("c")], &ctx(&all));
    assert_eq!(merged.len(), 2, "{merged:#?}");
    assert_eq!(
        merged[0].evidence.len(),
        2,
        "a and b, a day apart; c is two weeks later"
    );
    // Only a's evidence names the place: b's place came from elsewhere.
    let only_a: HashMap<String, Vec<usize>> = HashMap::from([("a".to_string(), vec![0])]);
    let merged = merge_events_in_context(vec![protest("a"), protest("b")], &ctx(&only_a));
    assert_eq!(merged.len(), 2, "{merged:#?}");
    // Arrests "in Kazakhstan" in two reports are not joined by the place alone.
    let arrest = |doc: &str| event(doc, "COERCE", &[], &[], Some("kz"));
    let merged = merge_events_in_context(vec![arrest("a"), arrest("b")], &ctx(&all));
    assert_eq!(merged.len(), 2, "{merged:#?}");
    // «اضطرابات» (unrest) and demonstrations of one place are one wave.
    let mut unrest = protest("b");
    unrest.subtype = Some("unrest".into());
    let mut demo = protest("a");
    demo.subtype = Some("demonstration".into());
    let merged = merge_events_in_context(vec![demo, unrest], &ctx(&all));
    assert_eq!(merged.len(), 1, "{merged:#?}");
}
