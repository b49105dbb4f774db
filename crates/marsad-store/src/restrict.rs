//! A picture cut down to some documents (for exporting a query's result).

use std::collections::HashSet;

use marsad_picture::{Evidence, Picture};

fn any_in(ev: &[Evidence], docs: &HashSet<String>) -> bool {
    ev.iter().any(|e| docs.contains(&e.doc))
}

/// The part of `picture` with evidence in `docs`: those documents; the relations, events, figures,
/// dates, claims and disagreements with at least one evidence there (kept whole); the entities
/// mentioned there or referenced by a kept item (so every id in the result resolves).
pub fn restrict_picture(picture: &Picture, docs: &HashSet<String>) -> Picture {
    let mut out = Picture::new();
    out.schema = picture.schema.clone();
    out.documents = picture
        .documents
        .iter()
        .filter(|d| docs.contains(&d.id))
        .cloned()
        .collect();
    out.relations = picture
        .relations
        .iter()
        .filter(|r| any_in(&r.evidence, docs))
        .cloned()
        .collect();
    out.events = picture
        .events
        .iter()
        .filter(|e| any_in(&e.evidence, docs))
        .cloned()
        .collect();
    out.claims = picture
        .claims
        .iter()
        .filter(|c| any_in(&c.evidence, docs) || docs.contains(&c.content.doc))
        .cloned()
        .collect();
    out.disagreements = picture
        .disagreements
        .iter()
        .filter(|d| {
            d.positions
                .iter()
                .any(|p| p.docs.iter().any(|x| docs.contains(x)) || any_in(&p.evidence, docs))
        })
        .cloned()
        .collect();
    let mut quantities: HashSet<&str> = HashSet::new();
    let mut dates: HashSet<&str> = HashSet::new();
    let mut entities: HashSet<&str> = HashSet::new();
    for e in &out.events {
        quantities.extend(e.quantities.iter().map(String::as_str));
        dates.extend(e.date.as_deref());
        entities.extend(e.sources.iter().chain(&e.targets).map(String::as_str));
        entities.extend(e.location.as_deref());
    }
    for r in &out.relations {
        entities.insert(&r.subject);
        entities.insert(&r.object);
    }
    for c in &out.claims {
        entities.extend(c.speaker.as_deref());
        entities.extend(c.via.as_deref());
        entities.extend(c.about.iter().map(String::as_str));
    }
    for d in &out.disagreements {
        entities.extend(d.about.iter().map(String::as_str));
    }
    out.quantities = picture
        .quantities
        .iter()
        .filter(|q| any_in(&q.evidence, docs) || quantities.contains(q.id.as_str()))
        .cloned()
        .collect();
    for q in &out.quantities {
        entities.extend(q.about.iter().map(String::as_str));
    }
    out.dates = picture
        .dates
        .iter()
        .filter(|d| any_in(&d.evidence, docs) || dates.contains(d.id.as_str()))
        .cloned()
        .collect();
    out.entities = picture
        .entities
        .iter()
        .filter(|e| {
            entities.contains(e.id.as_str())
                || e.mentions.iter().any(|m| docs.contains(&m.evidence.doc))
        })
        .cloned()
        .collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_picture::{Document, Event, Mode};

    #[test]
    fn keeps_only_items_of_the_documents_and_what_they_reference() {
        let mut p = Picture::new();
        for id in ["a", "b"] {
            p.documents.push(Document {
                id: id.into(),
                ..Default::default()
            });
        }
        let ev = |doc: &str| Evidence {
            doc: doc.into(),
            start: 0,
            end: 1,
            text: "x".into(),
        };
        for (i, doc) in ["a", "b"].iter().enumerate() {
            p.events.push(Event {
                id: format!("ev{i}"),
                kind: "PROTEST".into(),
                subtype: None,
                mode: Mode::Asserted,
                sources: vec![format!("E{i}")],
                targets: vec![],
                location: None,
                date: None,
                quantities: vec![],
                evidence: vec![ev(doc)],
            });
            p.entities.push(marsad_picture::Entity {
                id: format!("E{i}"),
                kb: None,
                kind: marsad_picture::EntityType::Per,
                name: Default::default(),
                aliases: vec![],
                mentions: vec![],
            });
        }
        let only_a: HashSet<String> = ["a".to_string()].into();
        let r = restrict_picture(&p, &only_a);
        assert_eq!(r.documents.len(), 1);
        assert_eq!(r.events.len(), 1);
        assert_eq!(r.events[0].id, "ev0");
        assert_eq!(r.entities.len(), 1);
        assert_eq!(r.entities[0].id, "E0");
    }
}
