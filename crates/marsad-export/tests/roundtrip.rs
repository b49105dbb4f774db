//! Property tests: hostile strings (quotes, commas, semicolons, line breaks, Arabic, control
//! characters, markup) in names, ids and evidence survive a CSV round trip exactly and a GraphML
//! round trip up to the characters XML 1.0 cannot carry (see `xml_safe`).

use marsad_export::{xml_safe, Format};
use marsad_picture::{
    Document, Entity, EntityType, Event, Evidence, Mention, MentionForm, Mode, Name, Picture,
    Relation,
};
use proptest::prelude::*;

fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"',;\r\n\t <>&=\u{0}-\u{1f}\u{feff}a-z0-9\u{0621}-\u{064a}\u{0660}-\u{0669}]{0,24}",
        Just("قال \"الرئيس\", ثم\r\nغادر;".to_string()),
    ]
}

fn entity(id: String, ar: String, en: String, doc_text: &str) -> Entity {
    Entity {
        id,
        kb: None,
        kind: EntityType::Per,
        name: Name {
            en: Some(en),
            ar: ar.clone(),
        },
        aliases: vec![ar],
        mentions: vec![Mention {
            evidence: Evidence {
                doc: "d".into(),
                start: 0,
                end: doc_text.len(),
                text: doc_text.to_string(),
            },
            form: MentionForm::Name,
        }],
    }
}

fn picture(a: &[String; 3], b: &[String; 3], evidence: &str) -> Picture {
    let mut p = Picture::new();
    p.documents.push(Document {
        id: "d".into(),
        source: a[2].clone(),
        ..Document::default()
    });
    p.entities.push(entity(
        format!("a{}", a[0]),
        a[1].clone(),
        a[2].clone(),
        evidence,
    ));
    p.entities.push(entity(
        format!("b{}", b[0]),
        b[1].clone(),
        b[2].clone(),
        evidence,
    ));
    let ev = Evidence {
        doc: "d".into(),
        start: 0,
        end: evidence.len(),
        text: evidence.to_string(),
    };
    p.events.push(Event {
        id: "ev1".into(),
        kind: "ASSAULT".into(),
        subtype: None,
        mode: Mode::Asserted,
        sources: vec![p.entities[0].id.clone()],
        targets: vec![p.entities[1].id.clone()],
        location: None,
        date: None,
        quantities: vec![],
        evidence: vec![ev.clone()],
    });
    p.relations.push(Relation {
        id: "r1".into(),
        kind: "ally_of".into(),
        subject: p.entities[1].id.clone(),
        object: p.entities[0].id.clone(),
        valid: None,
        evidence: vec![ev],
    });
    p
}

fn csv_rows(f: Format, p: &Picture) -> Vec<csv::StringRecord> {
    let mut out = Vec::new();
    f.write(p, &mut out).unwrap();
    let mut r = csv::Reader::from_reader(&out[3..]);
    r.records().map(Result::unwrap).collect()
}

proptest! {
    #[test]
    fn hostile_strings_survive_csv(
        a in [hostile(), hostile(), hostile()],
        b in [hostile(), hostile(), hostile()],
        evidence in hostile(),
    ) {
        let p = picture(&a, &b, &evidence);
        let rows = csv_rows(Format::EventsCsv, &p);
        prop_assert_eq!(rows.len(), 1);
        let r = &rows[0];
        let name = |e: &Entity| format!("{} ({})", e.name.ar, e.name.en.as_deref().unwrap());
        let display = |e: &Entity| if e.name.en.as_deref() == Some("") { e.name.ar.clone() } else { name(e) };
        prop_assert_eq!(&r[7], display(&p.entities[0]));
        prop_assert_eq!(&r[8], &p.entities[0].id);
        prop_assert_eq!(&r[10], display(&p.entities[1]));
        prop_assert_eq!(&r[11], &p.entities[1].id);
        prop_assert_eq!(&r[23], &a[2]);
        prop_assert_eq!(&r[24], &evidence);

        let rows = csv_rows(Format::EntitiesCsv, &p);
        prop_assert_eq!(rows.len(), 2);
        for (row, e) in rows.iter().zip(&p.entities) {
            prop_assert_eq!(&row[0], &e.id);
            prop_assert_eq!(&row[3], &e.name.ar);
            prop_assert_eq!(&row[4], e.name.en.as_deref().unwrap());
            prop_assert_eq!(&row[5], &e.name.ar);
        }
    }

    #[test]
    fn hostile_strings_survive_graphml(
        a in [hostile(), hostile(), hostile()],
        b in [hostile(), hostile(), hostile()],
        evidence in hostile(),
    ) {
        let p = picture(&a, &b, &evidence);
        let mut out = Vec::new();
        Format::Graphml.write(&p, &mut out).unwrap();
        let xml = String::from_utf8(out).unwrap();
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let nodes: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("node")).collect();
        prop_assert_eq!(nodes.len(), 2);
        for (n, e) in nodes.iter().zip(&p.entities) {
            prop_assert_eq!(n.attribute("id").unwrap(), xml_safe(&e.id));
            let data = |k: &str| n.children()
                .find(|d| d.attribute("key") == Some(k))
                .map(|d| d.text().unwrap_or("").to_string());
            prop_assert_eq!(data("name_ar").unwrap(), xml_safe(&e.name.ar));
            prop_assert_eq!(data("name_en").unwrap(), xml_safe(e.name.en.as_deref().unwrap()));
        }
        let edges: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("edge")).collect();
        prop_assert_eq!(edges.len(), 2);
        let ids: Vec<&str> = nodes.iter().map(|n| n.attribute("id").unwrap()).collect();
        for e in &edges {
            prop_assert!(ids.contains(&e.attribute("source").unwrap()));
            prop_assert!(ids.contains(&e.attribute("target").unwrap()));
        }
    }
}
