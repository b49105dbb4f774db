//! The `--format text` view of a picture: a readable summary for a person.

use std::collections::HashMap;
use std::io::{self, Write};

use marsad_picture::{Bound, Evidence, Picture};

/// Writes a person-readable summary of `p`.
pub fn write(out: &mut dyn Write, p: &Picture) -> io::Result<()> {
    writeln!(out, "Marsad picture: {} document(s)", p.documents.len())?;
    for d in &p.documents {
        writeln!(
            out,
            "  {}  {}  ({} bytes{}{})",
            d.id,
            d.title.as_deref().unwrap_or("(no title)"),
            d.bytes,
            if d.removed.is_empty() {
                String::new()
            } else {
                format!(", {} chrome span(s) removed", d.removed.len())
            },
            d.published
                .as_deref()
                .map(|p| format!(", published {p}"))
                .unwrap_or_default()
        )?;
        for w in &d.warnings {
            writeln!(out, "      warning: {w}")?;
        }
    }

    if !p.entities.is_empty() {
        writeln!(out, "\nActors ({})", p.entities.len())?;
        let mut ents: Vec<_> = p.entities.iter().collect();
        ents.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        for e in ents {
            writeln!(
                out,
                "  [{:?}] {}{}{}  — {} mention(s)",
                e.kind,
                e.name.ar,
                e.name
                    .en
                    .as_deref()
                    .map(|s| format!(" / {s}"))
                    .unwrap_or_default(),
                e.kb.as_deref()
                    .map(|s| format!(" ({s})"))
                    .unwrap_or_default(),
                e.mentions.len()
            )?;
        }
    }
    let names: HashMap<&str, &str> = p
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.ar.as_str()))
        .collect();
    let name = |id: &str| names.get(id).copied().unwrap_or("?").to_string();

    if !p.relations.is_empty() {
        writeln!(out, "\nRelations ({})", p.relations.len())?;
        for r in &p.relations {
            writeln!(
                out,
                "  {} —{}→ {}",
                name(&r.subject),
                r.kind,
                name(&r.object)
            )?;
        }
    }
    if !p.events.is_empty() {
        writeln!(out, "\nEvents ({})", p.events.len())?;
        for e in &p.events {
            let who: Vec<_> = e.sources.iter().map(|s| name(s)).collect();
            let whom: Vec<_> = e.targets.iter().map(|s| name(s)).collect();
            writeln!(
                out,
                "  {} {:?} {} → {}  {}",
                e.kind,
                e.mode,
                who.join(", "),
                whom.join(", "),
                cite(e.evidence.first())
            )?;
        }
    }
    if !p.quantities.is_empty() {
        writeln!(out, "\nFigures ({})", p.quantities.len())?;
        for q in &p.quantities {
            let bound = match q.bound {
                Bound::Exact => "",
                Bound::About => "about ",
                Bound::MoreThan => "more than ",
                Bound::LessThan => "less than ",
            };
            writeln!(
                out,
                "  {bound}{} {} [{}]  {}",
                q.value,
                q.unit.as_deref().unwrap_or(""),
                q.kind,
                cite(q.evidence.first())
            )?;
        }
    }
    if !p.dates.is_empty() {
        writeln!(out, "\nDates ({})", p.dates.len())?;
        for d in &p.dates {
            writeln!(out, "  {}  {}", d.value, cite(d.evidence.first()))?;
        }
    }
    if !p.claims.is_empty() {
        writeln!(out, "\nClaims ({})", p.claims.len())?;
        for c in &p.claims {
            writeln!(
                out,
                "  {} {}: {}",
                c.speaker.as_deref().map(name).unwrap_or_else(|| "?".into()),
                c.verb,
                c.content.text
            )?;
        }
    }
    if !p.disagreements.is_empty() {
        writeln!(out, "\nDisagreements ({})", p.disagreements.len())?;
        for d in &p.disagreements {
            writeln!(out, "  {}", d.topic)?;
            for pos in &d.positions {
                writeln!(out, "    {}: {}", pos.docs.join(", "), pos.summary)?;
            }
        }
    }
    Ok(())
}

/// `«text» (doc@start..end)` for an evidence.
fn cite(e: Option<&Evidence>) -> String {
    e.map(|e| format!("«{}» ({}@{}..{})", e.text, e.doc, e.start, e.end))
        .unwrap_or_default()
}
