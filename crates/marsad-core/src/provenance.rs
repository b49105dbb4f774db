//! Enforces the provenance invariant over a whole picture: every evidence's `text` is exactly
//! the bytes `start..end` of its document's original text.

use std::collections::HashMap;

use marsad_picture::{Diagnostic, Evidence, Picture, Severity};

/// Re-reads every evidence's text from the original document text; evidence that does not fit
/// (unknown document, range out of bounds or off char boundaries) is removed with a diagnostic,
/// and objects left without any evidence are dropped.
pub(crate) fn enforce(picture: &mut Picture, texts: &HashMap<String, String>) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut fix = |ev: &mut Evidence| -> bool {
        match texts.get(&ev.doc).and_then(|t| t.get(ev.start..ev.end)) {
            Some(s) => {
                if ev.text != s {
                    diags.push(Diagnostic {
                        severity: Severity::Warning,
                        subject: ev.doc.clone(),
                        message: format!("repaired evidence text at {}..{}", ev.start, ev.end),
                    });
                    ev.text = s.to_string();
                }
                true
            }
            None => {
                diags.push(Diagnostic {
                    severity: Severity::Warning,
                    subject: ev.doc.clone(),
                    message: format!(
                        "dropped evidence {}..{} that does not index the document text",
                        ev.start, ev.end
                    ),
                });
                false
            }
        }
    };
    for d in &mut picture.documents {
        if let Some(t) = texts.get(&d.id) {
            d.removed.retain_mut(|r| match t.get(r.start..r.end) {
                Some(s) => {
                    r.text = s.to_string();
                    true
                }
                None => false,
            });
        }
    }
    for e in &mut picture.entities {
        e.mentions.retain_mut(|m| fix(&mut m.evidence));
    }
    picture.entities.retain(|e| !e.mentions.is_empty());
    for r in &mut picture.relations {
        r.evidence.retain_mut(&mut fix);
    }
    for e in &mut picture.events {
        e.evidence.retain_mut(&mut fix);
    }
    picture.events.retain(|e| !e.evidence.is_empty());
    for q in &mut picture.quantities {
        q.evidence.retain_mut(&mut fix);
    }
    picture.quantities.retain(|q| !q.evidence.is_empty());
    for d in &mut picture.dates {
        d.evidence.retain_mut(&mut fix);
    }
    picture.dates.retain(|d| !d.evidence.is_empty());
    for c in &mut picture.claims {
        c.evidence.retain_mut(&mut fix);
    }
    picture.claims.retain_mut(|c| fix(&mut c.content));
    for d in &mut picture.disagreements {
        for p in &mut d.positions {
            p.evidence.retain_mut(&mut fix);
        }
    }
    diags
}
