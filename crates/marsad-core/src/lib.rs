//! The pipeline: documents in, picture out. Pure: it never reads files or the network; the
//! binary (and later the server) feed it documents that `marsad-ingest` produced.
//!
//! Two stages, so callers can show progress and later parallelise: [`analyze_document`] works on
//! one document alone (chrome, figures, dates, mention candidates); [`assemble`] builds the
//! cross-document picture (entity identities, ids, merging) from all of them.
//!
//! Invariant: every evidence in the picture indexes the *original* document text — chrome is
//! blanked to spaces of the same byte length before extraction, and [`assemble`] re-reads each
//! evidence's `text` from the original, dropping (with a diagnostic) any that do not fit.

pub mod ner_gazetteer;
mod provenance;

use std::sync::OnceLock;

pub use marsad_ingest::SourceDocument;
use marsad_kb::{CandidateMention, DocInput, Kb};
use marsad_ner::{NerLabel, Tagger};
use marsad_picture::{
    DateMention, Diagnostic, Document, EntityType, Picture, Quantity, RemovedSpan, Severity,
};
pub use ner_gazetteer::KbNerGazetteer;

/// Whether picture entity ids `a` and `b` are a KB state and its own capital (إيران / طهران): the
/// text names one polity twice, so the two cannot be the sides of an agreement, alliance or
/// membership ("اتفاق تكميلي مع طهران" in a sentence about Iran is not Iran's agreement with Tehran).
fn state_and_own_capital(a: &str, b: &str) -> bool {
    let kb = Kb::builtin();
    let entry = |id: &str| id.strip_prefix("E:").and_then(|k| kb.index_of(k));
    let capital_of = |city: u32, state: u32| {
        kb.entries[city as usize]
            .capital_of
            .as_deref()
            .and_then(|c| kb.index_of(c))
            == Some(state)
    };
    match (entry(a), entry(b)) {
        (Some(x), Some(y)) => capital_of(x, y) || capital_of(y, x),
        _ => false,
    }
}

/// The shipped tagger, loaded once per process; `None` (with the reason) if it cannot load.
fn tagger() -> &'static Result<Tagger, String> {
    static TAGGER: OnceLock<Result<Tagger, String>> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger::shipped().map_err(|e| e.to_string()))
}

/// Revision of what [`analyze_document`] computes (chrome, figures, dates, tagger candidates).
///
/// Stores cache per-document analyses; bumping this makes them re-analyse documents cached by an
/// older build. `tests/analysis_revision.rs` fails when the sample corpus's per-document analyses
/// change while this stays the same.
pub const ANALYSIS_REVISION: u32 = 9;

/// Identifies the per-document analyser of this build: [`ANALYSIS_REVISION`], the shipped tagger
/// model and the built-in KB, whose names are the tagger's gazetteer features (FNV-1a, 63 bits so
/// that it fits a signed 64-bit database integer).
pub fn analyser_fingerprint() -> i64 {
    static FP: OnceLock<i64> = OnceLock::new();
    *FP.get_or_init(|| {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        let revision = ANALYSIS_REVISION.to_le_bytes();
        for &b in revision
            .iter()
            .chain(marsad_ner::shipped_model_bytes())
            .chain(marsad_kb::model::BUILTIN_JSONL.as_bytes())
        {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        i64::try_from(h >> 1).unwrap_or(i64::MAX)
    })
}

fn entity_type(label: NerLabel) -> EntityType {
    match label {
        NerLabel::Per => EntityType::Per,
        NerLabel::Org => EntityType::Org,
        NerLabel::Loc => EntityType::Loc,
        NerLabel::Misc => EntityType::Misc,
    }
}

/// Options of an analysis.
#[derive(Debug, Clone, Default)]
pub struct AnalyzeOptions {
    /// Put each document's text into the picture (`documents[].text`).
    pub with_text: bool,
}

/// What one document yields on its own, before the cross-document stage.
#[derive(Debug, Clone)]
pub struct DocAnalysis {
    /// The document as it goes into the picture.
    pub document: Document,
    /// Original text (evidence indexes it).
    pub text: String,
    /// Text with site chrome blanked to spaces (same byte length).
    pub working_text: String,
    /// Figures, with document-local ids.
    pub quantities: Vec<Quantity>,
    /// Dates, with document-local ids.
    pub dates: Vec<DateMention>,
    /// Name mentions proposed by the statistical tagger, for the linker.
    pub candidates: Vec<CandidateMention>,
    /// Publication instant (UTC `YYYY-MM-DDTHH:MM:SSZ`) when the input gave a time of day: the
    /// comparison orders same-day reports by it (a later, higher toll is an update).
    pub published_at: Option<String>,
}

/// Below this share of Arabic-script letters a document gets a "mostly not Arabic" warning.
pub const NOT_ARABIC_SHARE: f64 = 0.5;
/// Texts with fewer letters than this are too short to judge their script by.
pub const NOT_ARABIC_MIN_LETTERS: usize = 20;

/// Analyses one document on its own.
pub fn analyze_document(
    src: &SourceDocument,
    opts: &AnalyzeOptions,
) -> (DocAnalysis, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut removed: Vec<RemovedSpan> = marsad_chrome::detect(&src.text);
    let mut working_text = marsad_chrome::blank(&src.text, &removed);
    let mut warnings = src.warnings.clone();
    let (share, letters) = marsad_text::arabic_letter_share(&working_text);
    let not_arabic = letters >= NOT_ARABIC_MIN_LETTERS && share < NOT_ARABIC_SHARE;
    if not_arabic {
        let message = format!(
            "the text is mostly not Arabic ({:.0} % of its {letters} letters are Arabic script); \
             Marsad reads Arabic, so names, events and claims in other scripts are not found",
            share * 100.0
        );
        diags.push(Diagnostic {
            severity: Severity::Warning,
            subject: src.id.clone(),
            message: message.clone(),
        });
        warnings.push(message);
    }
    let (quantities, d) = marsad_extract::extract_quantities(&src.id, &working_text);
    diags.extend(d);
    let (dates, d) =
        marsad_extract::extract_dates(&src.id, &working_text, src.published.as_deref());
    diags.extend(d);
    let mut candidates: Vec<CandidateMention> = match tagger() {
        // The KB's names are features of a tagger trained with them (ignored otherwise).
        Ok(t) => t
            .entities_with(&working_text, Some(&KbNerGazetteer::builtin()))
            .into_iter()
            // The tagger learned Arabic: in a text mostly in another script its spans without an
            // Arabic letter are noise ("Kazakhstan protests" as an organisation).
            .filter(|s| {
                !not_arabic
                    || working_text
                        .get(s.start..s.end)
                        .is_some_and(|t| t.chars().any(marsad_text::token::is_arabic))
            })
            .map(|s| CandidateMention {
                start: s.start,
                end: s.end,
                kind: entity_type(s.label),
            })
            .collect(),
        Err(e) => {
            diags.push(Diagnostic {
                severity: Severity::Warning,
                subject: src.id.clone(),
                message: format!("named-entity tagger unavailable: {e}"),
            });
            Vec::new()
        }
    };
    // A title guessed from the first line must not be site chrome (a section label such as "رأي").
    let title = match &src.title {
        Some(t) if removed.iter().any(|r| r.text.trim() == t.trim()) => {
            marsad_ingest::candidate_title(&working_text)
        }
        t => t.clone(),
    };
    // Nor a byline: a first line that is one person's name, as the tagger reads it, names the
    // writer, and the headline is the next line («إيمانويل غرينزيان» above «تقارب استراتيجي …»).
    // The byline is the document's metadata, not its story: it is set aside like chrome, so
    // the writer is no actor of the picture.
    let (title, author) = match byline(&working_text, &candidates) {
        // Also when the author was already read from it: a document re-analysed from a store
        // comes back with the headline as title and the byline as author, and must give the
        // same picture.
        Some((start, end, rest))
            if title.as_deref().map(str::trim) == Some(&working_text[start..end])
                || src.author.as_deref().map(str::trim) == Some(&working_text[start..end]) =>
        {
            let title = if title.as_deref().map(str::trim) == Some(&working_text[start..end]) {
                marsad_ingest::candidate_title(&working_text[rest..])
            } else {
                title
            };
            let author = src
                .author
                .clone()
                .or_else(|| Some(working_text[start..end].to_string()));
            removed.push(RemovedSpan {
                start,
                end,
                text: src.text[start..end].to_string(),
                reason: "byline".to_string(),
            });
            removed.sort_by_key(|r| r.start);
            working_text = marsad_chrome::blank(&src.text, &removed);
            candidates.retain(|c| c.end <= start || c.start >= end);
            (title, author)
        }
        _ => (title, src.author.clone()),
    };
    let document = Document {
        id: src.id.clone(),
        source: src.source.clone(),
        title,
        outlet: src.outlet.clone(),
        author,
        published: src.published.clone(),
        sha256: src.sha256.clone(),
        bytes: src.bytes,
        removed,
        warnings,
        text: opts.with_text.then(|| src.text.clone()),
    };
    (
        DocAnalysis {
            document,
            text: src.text.clone(),
            working_text,
            quantities,
            dates,
            candidates,
            published_at: src.published_at.clone(),
        },
        diags,
    )
}

/// The byte span of the first non-empty line of `text` when a person-name candidate covers it
/// exactly, and the byte offset where the rest of the text begins.
fn byline(text: &str, candidates: &[CandidateMention]) -> Option<(usize, usize, usize)> {
    let lead = text.len() - text.trim_start().len();
    let line_end = text[lead..].find('\n').map_or(text.len(), |i| lead + i);
    let line = text[lead..line_end].trim_end();
    let end = lead + line.len();
    let person = candidates
        .iter()
        .any(|c| c.kind == EntityType::Per && c.start == lead && c.end == end);
    // A name, not a sentence: at most four words.
    (person && !line.is_empty() && line.split_whitespace().count() <= 4)
        .then_some((lead, end, line_end))
}

/// Builds the cross-document picture from per-document analyses.
pub fn assemble(docs: Vec<DocAnalysis>) -> (Picture, Vec<Diagnostic>) {
    // Same-day reports are ordered by instant where the input gave one, else by day.
    let published_at: std::collections::HashMap<String, String> = docs
        .iter()
        .filter_map(|d| Some((d.document.id.clone(), d.published_at.clone()?)))
        .collect();
    let mut diags = Vec::new();
    let mut picture = Picture::new();
    let mut texts = std::collections::HashMap::new();
    let mut qn = 0usize;
    let mut dn = 0usize;
    let inputs: Vec<DocInput<'_>> = docs
        .iter()
        .map(|d| DocInput {
            id: &d.document.id,
            text: &d.working_text,
            published: d.document.published.as_deref(),
            extra_mentions: &d.candidates,
        })
        .collect();
    let (linked, ds) = marsad_kb::link(Kb::builtin(), &inputs);
    diags.extend(ds);
    picture.entities = linked.entities;
    picture.relations = linked.relations;
    // Each document's entity mentions, in text order, for the event layer.
    let mut mentions: std::collections::HashMap<&str, Vec<marsad_events::EntityMention>> =
        std::collections::HashMap::new();
    for e in &picture.entities {
        for m in &e.mentions {
            mentions.entry(m.evidence.doc.as_str()).or_default().push(
                marsad_events::EntityMention {
                    entity: e.id.clone(),
                    kind: e.kind,
                    form: m.form,
                    start: m.evidence.start,
                    end: m.evidence.end,
                },
            );
        }
    }
    for v in mentions.values_mut() {
        v.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    }
    let (mut events, mut claims, mut text_relations) = (Vec::new(), Vec::new(), Vec::new());
    let mut described = Vec::new();
    let no_mentions = Vec::new();
    // Figures and dates are numbered in document order first, so that the event layer, which is
    // pure per document and the largest cost of this stage, can run on all cores.
    let mut prepared = Vec::with_capacity(docs.len());
    for mut doc in docs {
        let mut quantities = std::mem::take(&mut doc.quantities);
        for q in &mut quantities {
            qn += 1;
            q.id = format!("q{qn}");
        }
        let mut dates = std::mem::take(&mut doc.dates);
        for d in &mut dates {
            dn += 1;
            d.id = format!("t{dn}");
        }
        prepared.push((doc, quantities, dates));
    }
    let found_all = parallel_map(&prepared, |(doc, quantities, dates)| {
        let sentences = marsad_text::sentences(&doc.working_text);
        marsad_events::extract(marsad_events::DocInput {
            doc: &doc.document.id,
            text: &doc.working_text,
            sentences: &sentences,
            mentions: mentions
                .get(doc.document.id.as_str())
                .unwrap_or(&no_mentions),
            quantities,
            dates,
        })
    });
    for ((doc, _, dates), (found, ds)) in prepared.into_iter().zip(found_all) {
        diags.extend(ds);
        let n = claims.len();
        claims.extend(found.claims.into_iter().enumerate().map(|(i, mut c)| {
            c.id = format!("c{}", n + i + 1);
            c
        }));
        events.extend(found.events);
        // Described actors (المتظاهرون، قوات الأمن) are per-document entities of their own.
        described.extend(found.actors);
        text_relations.extend(found.relations);
        picture.quantities.extend(found.quantities);
        picture.dates.extend(dates);
        texts.insert(doc.document.id.clone(), doc.text);
        picture.documents.push(doc.document);
    }
    // Text relations join the KB's: same (type, subject, object) gains evidence, else a new one.
    let mut rn = 0usize;
    for r in text_relations {
        if state_and_own_capital(&r.subject, &r.object) {
            continue;
        }
        match picture
            .relations
            .iter_mut()
            .find(|x| x.kind == r.kind && x.subject == r.subject && x.object == r.object)
        {
            Some(x) => {
                for e in r.evidence {
                    if !x.evidence.contains(&e) {
                        x.evidence.push(e);
                    }
                }
            }
            None => {
                rn += 1;
                picture.relations.push(marsad_picture::Relation {
                    id: format!("r{rn}"),
                    ..r
                });
            }
        }
    }
    let date_values: std::collections::HashMap<String, String> = picture
        .dates
        .iter()
        .map(|d| (d.id.clone(), d.value.clone()))
        .collect();
    let doc_events = events.clone();
    // Publication dates and outlets: reports far apart in time or from one outlet are updates,
    // not the same happening told twice or a disagreement.
    let published: std::collections::HashMap<String, String> = picture
        .documents
        .iter()
        .filter_map(|d| Some((d.id.clone(), d.published.clone()?)))
        .collect();
    let outlets: std::collections::HashMap<String, String> = picture
        .documents
        .iter()
        .filter_map(|d| Some((d.id.clone(), d.outlet.clone()?)))
        .collect();
    let figures: std::collections::HashMap<String, (f64, String)> = picture
        .quantities
        .iter()
        .map(|q| (q.id.clone(), (q.value, q.kind.clone())))
        .collect();
    // Evidences whose own span names their event's place (احتجاجات كبيرة في الهند), not a place
    // taken from elsewhere in the sentence.
    let mut placed: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    for e in &events {
        let Some(loc) = &e.location else { continue };
        for x in &e.evidence {
            let in_span = mentions.get(x.doc.as_str()).is_some_and(|ms| {
                ms.iter()
                    .any(|m| &m.entity == loc && m.start >= x.start && m.end <= x.end)
            });
            if in_span {
                placed.entry(x.doc.clone()).or_default().push(x.start);
            }
        }
    }
    picture.events = marsad_compare::merge_events_in_context(
        events,
        &marsad_compare::MergeContext {
            dates: &date_values,
            published: &published,
            figures: &figures,
            placed: &placed,
        },
    );
    picture.claims = claims;
    let names: std::collections::HashMap<String, String> = picture
        .entities
        .iter()
        .chain(described.iter())
        .map(|e| {
            (
                e.id.clone(),
                e.name.en.clone().unwrap_or_else(|| e.name.ar.clone()),
            )
        })
        .collect();
    // Each document's places, most mentioned first: the story an accusation belongs to.
    let mut topics: std::collections::HashMap<String, Vec<String>> =
        std::collections::HashMap::new();
    for (doc, ms) in &mentions {
        let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for m in ms
            .iter()
            .filter(|m| m.kind == marsad_picture::EntityType::Gpe)
        {
            *counts.entry(m.entity.as_str()).or_default() += 1;
        }
        let mut v: Vec<(&str, usize)> = counts.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        topics.insert(
            (*doc).to_string(),
            v.into_iter().map(|(e, _)| e.to_string()).collect(),
        );
    }
    drop(mentions);
    picture.entities.extend(described);
    // The comparison orders reports by instant where known, else by day.
    let mut published_when = published.clone();
    published_when.extend(published_at.iter().map(|(d, t)| (d.clone(), t.clone())));
    picture.disagreements = marsad_compare::disagreements(marsad_compare::Inputs {
        events: &picture.events,
        doc_events: &doc_events,
        quantities: &picture.quantities,
        relations: &picture.relations,
        names: &names,
        topics: &topics,
        published: &published_when,
        dates: &date_values,
        outlets: &outlets,
    });
    diags.extend(provenance::enforce(&mut picture, &texts));
    (picture, diags)
}

/// Applies `f` to every item on all available cores (at most 8 threads); results keep the items' order.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
        .min(items.len().max(1));
    if threads <= 1 {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        let mut out = Vec::with_capacity(items.len());
        for h in handles {
            // A panic in `f` is a bug: pass it on as if `f` had run on this thread.
            out.extend(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        }
        out
    })
}

/// Analyses a set of documents: [`analyze_document`] on each, then [`assemble`].
pub fn analyze(docs: &[SourceDocument], opts: &AnalyzeOptions) -> (Picture, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut analyses = Vec::with_capacity(docs.len());
    for (a, ds) in parallel_map(docs, |d| analyze_document(d, opts)) {
        diags.extend(ds);
        analyses.push(a);
    }
    let (picture, ds) = assemble(analyses);
    diags.extend(ds);
    (picture, diags)
}
