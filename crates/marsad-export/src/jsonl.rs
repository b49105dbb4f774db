//! JSONL: one picture object per line.
//!
//! The discriminator key is `"record"`, not `"kind"`: a Quantity already has a `kind` field (what
//! is counted) and a Relation an `object` field, so either name would give duplicate keys.

use std::io::Write;

use marsad_picture::Picture;
use serde::Serialize;

use crate::ExportError;

#[derive(Serialize)]
struct Tagged<'a, T: Serialize> {
    record: &'static str,
    #[serde(flatten)]
    item: &'a T,
}

#[derive(Serialize)]
struct Counts {
    documents: usize,
    entities: usize,
    relations: usize,
    events: usize,
    quantities: usize,
    dates: usize,
    claims: usize,
    disagreements: usize,
}

#[derive(Serialize)]
struct SchemaLine<'a> {
    record: &'static str,
    schema: &'a str,
    counts: Counts,
}

fn lines<T: Serialize>(
    w: &mut dyn Write,
    record: &'static str,
    items: &[T],
) -> Result<(), ExportError> {
    for item in items {
        serde_json::to_writer(&mut *w, &Tagged { record, item })?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes the schema line, then documents, entities, relations, events, quantities, dates, claims
/// and disagreements, one per line.
pub(crate) fn write(p: &Picture, w: &mut dyn Write) -> Result<(), ExportError> {
    // One buffer for the many small writes; the caller's writer may be unbuffered (a socket).
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    let schema = SchemaLine {
        record: "schema",
        schema: if p.schema.is_empty() {
            marsad_picture::SCHEMA
        } else {
            &p.schema
        },
        counts: Counts {
            documents: p.documents.len(),
            entities: p.entities.len(),
            relations: p.relations.len(),
            events: p.events.len(),
            quantities: p.quantities.len(),
            dates: p.dates.len(),
            claims: p.claims.len(),
            disagreements: p.disagreements.len(),
        },
    };
    serde_json::to_writer(&mut w, &schema)?;
    w.write_all(b"\n")?;
    lines(&mut w, "document", &p.documents)?;
    lines(&mut w, "entity", &p.entities)?;
    lines(&mut w, "relation", &p.relations)?;
    lines(&mut w, "event", &p.events)?;
    lines(&mut w, "quantity", &p.quantities)?;
    lines(&mut w, "date", &p.dates)?;
    lines(&mut w, "claim", &p.claims)?;
    lines(&mut w, "disagreement", &p.disagreements)?;
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_picture::{Bound, Evidence, Quantity};

    #[test]
    fn quantity_keeps_its_own_kind_beside_the_record_tag() {
        let text = "قتل 164 شخصاً";
        let start = text.find("164").unwrap();
        let mut p = Picture::new();
        p.quantities.push(Quantity {
            id: "q1".into(),
            value: 164.0,
            unit: Some("person".into()),
            kind: "killed".into(),
            bound: Bound::Exact,
            about: vec![],
            evidence: vec![Evidence::new("d", text, start, start + 3).unwrap()],
        });
        let mut out = Vec::new();
        write(&p, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines.len(), 2);
        let head: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(head["record"], "schema");
        assert_eq!(head["counts"]["quantities"], 1);
        let q: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(q["record"], "quantity");
        assert_eq!(q["kind"], "killed");
        assert_eq!(q["evidence"][0]["text"], "164");
        // The line is the Quantity itself plus the tag: it deserialises back unchanged.
        let back: Quantity = serde_json::from_value(q).unwrap();
        assert_eq!(back, p.quantities[0]);
    }
}
