//! GraphML: entities as nodes, relations and events as directed edges, for Gephi.
//!
//! Edges are aggregated: all relations of one type between the same ordered pair become one
//! edge, and all events of one PLOVER type from the same source to the same target become one
//! edge, with `count` (and Gephi's `weight`) the number of relations/events merged.

use std::collections::{HashMap, HashSet};
use std::io::Write;

use marsad_picture::{Entity, EntityType, Picture};

use crate::ExportError;

/// Keys declared in the header: (id, for, attr.name, attr.type).
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("label", "node", "label", "string"),
    ("name_ar", "node", "name_ar", "string"),
    ("name_en", "node", "name_en", "string"),
    ("type", "node", "type", "string"),
    ("kb", "node", "kb", "string"),
    ("mentions", "node", "mentions", "long"),
    ("edge_label", "edge", "label", "string"),
    ("kind", "edge", "kind", "string"),
    ("edge_type", "edge", "edge_type", "string"),
    ("count", "edge", "count", "long"),
    ("weight", "edge", "weight", "double"),
    ("ids", "edge", "ids", "string"),
];

/// Replaces characters that XML 1.0 cannot carry at all, even escaped (C0 controls other than
/// tab, line feed and carriage return; U+FFFE, U+FFFF), with U+FFFD; everything else is kept.
pub fn xml_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c < '\u{20}' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffe}' || c == '\u{ffff}'
    };
    if s.chars().any(bad) {
        s.chars()
            .map(|c| if bad(c) { '\u{fffd}' } else { c })
            .collect::<String>()
            .into()
    } else {
        s.into()
    }
}

/// Writes `s` escaped for an attribute value or element content. Tab, line feed and carriage
/// return become character references because parsers normalise them away otherwise.
fn escape(s: &str, out: &mut String) {
    for c in xml_safe(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

fn data(key: &str, value: &str, out: &mut String) {
    out.push_str("      <data key=\"");
    out.push_str(key);
    out.push_str("\">");
    escape(value, out);
    out.push_str("</data>\n");
}

fn type_name(t: EntityType) -> &'static str {
    match t {
        EntityType::Per => "PER",
        EntityType::Org => "ORG",
        EntityType::Gpe => "GPE",
        EntityType::Loc => "LOC",
        EntityType::Norp => "NORP",
        EntityType::Misc => "MISC",
    }
}

fn node(e: &Entity, out: &mut String) {
    out.push_str("    <node id=\"");
    escape(&e.id, out);
    out.push_str("\">\n");
    // Gephi shows `label`: the Arabic name, as the rest of Marsad does.
    data("label", &e.name.ar, out);
    data("name_ar", &e.name.ar, out);
    if let Some(en) = e.name.en.as_deref() {
        data("name_en", en, out);
    }
    data("type", type_name(e.kind), out);
    if let Some(kb) = e.kb.as_deref() {
        data("kb", kb, out);
    }
    data("mentions", &e.mentions.len().to_string(), out);
    out.push_str("    </node>\n");
}

/// One aggregated edge.
struct Edge<'a> {
    source: &'a str,
    target: &'a str,
    kind: &'static str,
    ty: &'a str,
    ids: Vec<&'a str>,
}

/// Source, target, `relation`/`event`, relation or PLOVER type.
type EdgeKey<'a> = (&'a str, &'a str, &'static str, &'a str);

/// Adds `id` to the edge of `key`, creating the edge on first sight.
fn add_to<'a>(
    at: &mut HashMap<EdgeKey<'a>, usize>,
    out: &mut Vec<Edge<'a>>,
    key: EdgeKey<'a>,
    id: &'a str,
) {
    let i = *at.entry(key).or_insert_with(|| {
        out.push(Edge {
            source: key.0,
            target: key.1,
            kind: key.2,
            ty: key.3,
            ids: Vec::new(),
        });
        out.len() - 1
    });
    out[i].ids.push(id);
}

/// Relation and event edges whose both ends are nodes, in first-seen order.
fn edges(p: &Picture) -> Vec<Edge<'_>> {
    let nodes: HashSet<&str> = p.entities.iter().map(|e| e.id.as_str()).collect();
    let mut at = HashMap::new();
    let mut out = Vec::new();
    for r in &p.relations {
        if nodes.contains(r.subject.as_str()) && nodes.contains(r.object.as_str()) {
            let key = (
                r.subject.as_str(),
                r.object.as_str(),
                "relation",
                r.kind.as_str(),
            );
            add_to(&mut at, &mut out, key, &r.id);
        }
    }
    for ev in &p.events {
        for s in ev.sources.iter().filter(|s| nodes.contains(s.as_str())) {
            for t in ev.targets.iter().filter(|t| nodes.contains(t.as_str())) {
                let key = (s.as_str(), t.as_str(), "event", ev.kind.as_str());
                add_to(&mut at, &mut out, key, &ev.id);
            }
        }
    }
    out
}

/// Writes the picture as a directed GraphML graph.
pub(crate) fn write(p: &Picture, w: &mut dyn Write) -> Result<(), ExportError> {
    let mut out = String::with_capacity(4096);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, for_, name, ty) in KEYS {
        out.push_str(&format!(
            "  <key id=\"{id}\" for=\"{for_}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>\n"
        ));
    }
    out.push_str("  <graph id=\"marsad\" edgedefault=\"directed\">\n");
    // Flush in chunks so a large picture never needs the whole document in memory.
    const CHUNK: usize = 1 << 16;
    for e in &p.entities {
        node(e, &mut out);
        if out.len() > CHUNK {
            w.write_all(out.as_bytes())?;
            out.clear();
        }
    }
    for (n, e) in edges(p).iter().enumerate() {
        out.push_str(&format!("    <edge id=\"e{n}\" source=\""));
        escape(e.source, &mut out);
        out.push_str("\" target=\"");
        escape(e.target, &mut out);
        out.push_str("\">\n");
        let label = if e.kind == "event" {
            e.ty.to_string()
        } else {
            e.ty.replace('_', " ")
        };
        data("edge_label", &label, &mut out);
        data("kind", e.kind, &mut out);
        data("edge_type", e.ty, &mut out);
        data("count", &e.ids.len().to_string(), &mut out);
        data("weight", &e.ids.len().to_string(), &mut out);
        data("ids", &e.ids.join(";"), &mut out);
        out.push_str("    </edge>\n");
        if out.len() > CHUNK {
            w.write_all(out.as_bytes())?;
            out.clear();
        }
    }
    out.push_str("  </graph>\n</graphml>\n");
    w.write_all(out.as_bytes())?;
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_arabic_and_references_whitespace() {
        let mut s = String::new();
        escape("منظمة \"معاهدة\" <الأمن> & 'الجماعي'\t\n\r\u{1}", &mut s);
        assert_eq!(
            s,
            "منظمة &quot;معاهدة&quot; &lt;الأمن&gt; &amp; &apos;الجماعي&apos;&#9;&#10;&#13;\u{fffd}"
        );
        assert_eq!(xml_safe("ألماتي"), "ألماتي");
    }
}
