//! What both backends share: the ingest algorithm over a small set of storage primitives
//! ([`Engine`]), the per-document analysis cache, sentence preparation and query checks.

use std::collections::{HashMap, HashSet};

use marsad_core::{AnalyzeOptions, DocAnalysis};
use marsad_ingest::SourceDocument;
use marsad_kb::CandidateMention;
use marsad_picture::{DateMention, Diagnostic, Document, EntityType, Picture, Quantity, Severity};
use serde::{Deserialize, Serialize};

use crate::{
    IngestOutcome, IngestProgress, IngestReport, SearchQuery, StoreError, DEFAULT_LIMIT, MAX_LIMIT,
};

/// Documents analysed and committed per transaction (fewer if they are large).
const BATCH_DOCS: usize = 32;
/// Text bytes per transaction before the batch is cut.
const BATCH_BYTES: usize = 4 << 20;

/// One sentence ready to store: offsets into the document text, its exact text and its terms.
#[derive(Debug, Clone)]
pub(crate) struct PreparedSentence {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Terms in text order (see [`crate::analyzer`]).
    pub terms: Vec<String>,
}

/// One document ready to store.
#[derive(Debug, Clone)]
pub(crate) struct PreparedDoc {
    pub id: String,
    pub sha256: String,
    pub bytes: usize,
    pub source: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub text: String,
    /// [`CachedAnalysis`] as JSON.
    pub analysis: String,
    pub sentences: Vec<PreparedSentence>,
}

/// A name candidate of the tagger, as cached.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Candidate {
    start: usize,
    end: usize,
    kind: EntityType,
}

/// What [`marsad_core::analyze_document`] found in one document, minus the texts (the original
/// text is stored beside it; the working text is rebuilt by blanking the removed spans).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct CachedAnalysis {
    document: Document,
    quantities: Vec<Quantity>,
    dates: Vec<DateMention>,
    candidates: Vec<Candidate>,
    /// Absent in caches written before instants were kept: those compare by day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    published_at: Option<String>,
}

impl CachedAnalysis {
    fn from_analysis(a: &DocAnalysis) -> CachedAnalysis {
        let mut document = a.document.clone();
        document.text = None;
        CachedAnalysis {
            document,
            quantities: a.quantities.clone(),
            dates: a.dates.clone(),
            candidates: a
                .candidates
                .iter()
                .map(|c| Candidate {
                    start: c.start,
                    end: c.end,
                    kind: c.kind,
                })
                .collect(),
            published_at: a.published_at.clone(),
        }
    }

    fn into_analysis(self, text: String) -> DocAnalysis {
        let working_text = marsad_chrome::blank(&text, &self.document.removed);
        DocAnalysis {
            document: self.document,
            text,
            working_text,
            quantities: self.quantities,
            dates: self.dates,
            candidates: self
                .candidates
                .into_iter()
                .map(|c| CandidateMention {
                    start: c.start,
                    end: c.end,
                    kind: c.kind,
                })
                .collect(),
            published_at: self.published_at,
        }
    }
}

/// Parses a cached analysis (`doc` names the document in the error).
pub(crate) fn parse_analysis(doc: &str, json: &str) -> Result<CachedAnalysis, StoreError> {
    serde_json::from_str(json).map_err(|e| StoreError::Corrupt {
        what: format!("analysis of document {doc:?}"),
        message: e.to_string(),
    })
}

/// The stored document of a cached analysis, with its text.
pub(crate) fn stored_document(doc: &str, json: &str, text: String) -> Result<Document, StoreError> {
    let mut d = parse_analysis(doc, json)?.document;
    d.text = Some(text);
    Ok(d)
}

/// Storage state: generations of the documents and of the picture built from them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct State {
    /// Grows by one per committed document batch.
    pub docs_gen: i64,
    /// The `docs_gen` the current picture was built from.
    pub picture_gen: i64,
    /// Picture version.
    pub version: i64,
    /// [`marsad_core::analyser_fingerprint`] of the build that made every stored analysis
    /// (`None` in stores written before fingerprints: treated as stale).
    pub analysis_fp: Option<i64>,
}

/// One sentence's tag: entity mentioned (`'e'`) or event type told (`'v'`).
pub(crate) type Tag = (i64, &'static str, String);

/// Stored sha256 by document id, and document id by sha256.
pub(crate) type Known = (HashMap<String, String>, HashMap<String, String>);

/// `docs_gen` and every stored `(id, analysis json, text)`.
pub(crate) type Analyses = (i64, Vec<(String, String, String)>);

/// The storage primitives the shared ingest needs; each is one transaction.
pub(crate) trait Engine {
    /// Stored sha256 of each of `ids`, and the id holding each of `shas`.
    fn lookup(&self, ids: &[&str], shas: &[&str]) -> Result<Known, StoreError>;
    /// Stores documents (replacing same ids) and bumps `docs_gen`, atomically.
    fn commit_batch(&self, docs: &[PreparedDoc]) -> Result<(), StoreError>;
    /// The current state.
    fn state(&self) -> Result<State, StoreError>;
    /// In one snapshot: `docs_gen` and every stored `(id, analysis json, text)` ordered by
    /// publication date (missing last), then id.
    fn load_analyses(&self) -> Result<Analyses, StoreError>;
    /// Every stored sentence `(id, doc, start, end)`.
    fn sentence_spans(&self) -> Result<Vec<(i64, String, usize, usize)>, StoreError>;
    /// Stores a picture built from documents at `docs_gen` with its sentence tags, unless a
    /// newer one is stored; returns the current version.
    fn write_picture(&self, json: &str, docs_gen: i64, tags: &[Tag]) -> Result<i64, StoreError>;
    /// Records that every stored analysis was made by the analyser with this fingerprint.
    fn set_analysis_fp(&self, fingerprint: i64) -> Result<(), StoreError>;
}

/// Replaces NUL chars (which PostgreSQL text cannot hold) so both backends store the same text.
fn sanitize(doc: &mut SourceDocument, diags: &mut Vec<Diagnostic>) {
    let mut hit = false;
    for f in [
        Some(&mut doc.text),
        Some(&mut doc.source),
        doc.title.as_mut(),
        doc.outlet.as_mut(),
        doc.author.as_mut(),
        doc.published.as_mut(),
    ]
    .into_iter()
    .flatten()
    {
        if f.contains('\0') {
            *f = f.replace('\0', "\u{FFFD}");
            hit = true;
        }
    }
    if hit {
        diags.push(Diagnostic {
            severity: Severity::Warning,
            subject: doc.id.clone(),
            message: "NUL characters replaced by U+FFFD before storing".to_string(),
        });
    }
}

fn analyze_all(docs: &[SourceDocument]) -> Result<Vec<(DocAnalysis, Vec<Diagnostic>)>, StoreError> {
    let opts = AnalyzeOptions { with_text: false };
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8)
        .min(docs.len().max(1));
    if threads <= 1 {
        return Ok(docs
            .iter()
            .map(|d| marsad_core::analyze_document(d, &opts))
            .collect());
    }
    let chunk = docs.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .map(|part| {
                let opts = &opts;
                s.spawn(move || {
                    part.iter()
                        .map(|d| marsad_core::analyze_document(d, opts))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut out = Vec::with_capacity(docs.len());
        for h in handles {
            out.extend(h.join().map_err(|_| StoreError::Backend {
                context: "analysing documents".to_string(),
                message: "the analysis thread panicked".to_string(),
            })?);
        }
        Ok(out)
    })
}

/// Sentences of a document with their terms; the working text (chrome blanked) decides what is
/// indexed, the original text what is shown.
fn prepare_sentences(text: &str, working: &str) -> Vec<PreparedSentence> {
    marsad_text::sentences(working)
        .into_iter()
        .filter_map(|sp| {
            let terms: Vec<String> = crate::analyzer::terms(working.get(sp.start..sp.end)?)
                .into_iter()
                .map(|t| t.term)
                .collect();
            if terms.is_empty() {
                return None;
            }
            Some(PreparedSentence {
                start: sp.start,
                end: sp.end,
                text: text.get(sp.start..sp.end)?.to_string(),
                terms,
            })
        })
        .collect()
}

fn prepare(src: SourceDocument, a: &DocAnalysis) -> Result<PreparedDoc, StoreError> {
    let analysis = serde_json::to_string(&CachedAnalysis::from_analysis(a)).map_err(|e| {
        StoreError::Backend {
            context: format!("encoding the analysis of {:?}", src.id),
            message: e.to_string(),
        }
    })?;
    let sentences = prepare_sentences(&a.text, &a.working_text);
    Ok(PreparedDoc {
        id: src.id,
        sha256: src.sha256,
        bytes: src.bytes,
        source: src.source,
        title: a.document.title.clone(),
        outlet: src.outlet,
        author: src.author,
        published: src.published,
        text: src.text,
        analysis,
        sentences,
    })
}

/// The shared ingest: classify, analyse and commit in batches, then rebuild the picture if the
/// stored one is stale (this ingest changed documents, or an earlier one died before its picture).
pub(crate) fn ingest(
    engine: &dyn Engine,
    mut docs: Vec<SourceDocument>,
    progress: &mut dyn FnMut(IngestProgress),
) -> Result<IngestReport, StoreError> {
    let mut report = IngestReport::default();
    reanalyse_stale(engine, &mut report, progress)?;
    for d in &mut docs {
        // How the input was read (a date not understood, an encoding guessed) is told to the one
        // who ingests, not only kept on the stored document.
        report
            .diagnostics
            .extend(d.warnings.iter().map(|w| Diagnostic {
                severity: Severity::Warning,
                subject: d.id.clone(),
                message: w.clone(),
            }));
        sanitize(d, &mut report.diagnostics);
    }
    let total = docs.len();
    let (mut by_id, mut by_sha) = {
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        let shas: Vec<&str> = docs.iter().map(|d| d.sha256.as_str()).collect();
        engine.lookup(&ids, &shas)?
    };
    let mut new_ids: HashSet<String> = HashSet::new();
    let mut batch: Vec<SourceDocument> = Vec::new();
    let mut batch_bytes = 0usize;
    let mut done = 0usize;
    let mut pending_done = 0usize;
    for d in docs {
        pending_done += 1;
        let outcome = match by_id.get(&d.id) {
            Some(sha) if *sha == d.sha256 => IngestOutcome::Unchanged,
            Some(_) => IngestOutcome::Replaced,
            None => match by_sha.get(&d.sha256) {
                Some(other) => {
                    report.diagnostics.push(Diagnostic {
                        severity: Severity::Warning,
                        subject: d.id.clone(),
                        message: format!("same bytes as stored document {other:?}; skipped"),
                    });
                    IngestOutcome::Unchanged
                }
                None => IngestOutcome::Added,
            },
        };
        report.documents.push((d.id.clone(), outcome));
        if outcome == IngestOutcome::Unchanged {
            continue;
        }
        by_id.insert(d.id.clone(), d.sha256.clone());
        by_sha.insert(d.sha256.clone(), d.id.clone());
        new_ids.insert(d.id.clone());
        batch_bytes += d.text.len();
        batch.push(d);
        if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
            commit(engine, std::mem::take(&mut batch), &mut report)?;
            batch_bytes = 0;
            done += pending_done;
            pending_done = 0;
            progress(IngestProgress::Documents { done, total });
        }
    }
    if !batch.is_empty() {
        commit(engine, batch, &mut report)?;
    }
    progress(IngestProgress::Documents { done: total, total });
    let state = engine.state()?;
    report.version = u64::try_from(state.version).unwrap_or(0);
    if state.docs_gen != state.picture_gen {
        progress(IngestProgress::Assembling);
        let (gen, picture, diags) = build_picture(engine)?;
        report
            .diagnostics
            .extend(diags.into_iter().filter(|d| new_ids.contains(&d.subject)));
        progress(IngestProgress::Indexing);
        let tags = sentence_tags(&picture, engine.sentence_spans()?);
        let json = serde_json::to_string(&picture).map_err(|e| StoreError::Backend {
            context: "encoding the picture".to_string(),
            message: e.to_string(),
        })?;
        report.version = u64::try_from(engine.write_picture(&json, gen, &tags)?).unwrap_or(0);
    }
    Ok(report)
}

/// Re-analyses every stored document from its stored text when the cached analyses were made by
/// another analyser (an older build, another tagger model), so the picture never mixes analysers.
/// The fingerprint is recorded only after the last batch is committed: a crash midway leaves it
/// stale and the next ingest starts over.
fn reanalyse_stale(
    engine: &dyn Engine,
    report: &mut IngestReport,
    progress: &mut dyn FnMut(IngestProgress),
) -> Result<(), StoreError> {
    let current = marsad_core::analyser_fingerprint();
    let state = engine.state()?;
    if state.analysis_fp == Some(current) {
        return Ok(());
    }
    if state.docs_gen == 0 {
        return engine.set_analysis_fp(current);
    }
    let (_, rows) = engine.load_analyses()?;
    let total = rows.len();
    let mut stored = Vec::with_capacity(total);
    for (id, json, text) in rows {
        stored.push(stored_source(&id, &json, text)?);
    }
    let mut done = 0usize;
    for chunk in chunk_owned(stored, BATCH_DOCS) {
        done += chunk.len();
        commit(engine, chunk, report)?;
        progress(IngestProgress::Reanalysing { done, total });
    }
    engine.set_analysis_fp(current)
}

/// Splits `v` into owned chunks of at most `n` items, in order.
fn chunk_owned<T>(v: Vec<T>, n: usize) -> Vec<Vec<T>> {
    let mut out = Vec::with_capacity(v.len().div_ceil(n.max(1)));
    let mut it = v.into_iter().peekable();
    while it.peek().is_some() {
        out.push(it.by_ref().take(n.max(1)).collect());
    }
    out
}

/// A stored document as ingest handed it over, rebuilt from its cached analysis and text.
fn stored_source(id: &str, json: &str, text: String) -> Result<SourceDocument, StoreError> {
    let cached = parse_analysis(id, json)?;
    let published_at = cached.published_at;
    let d = cached.document;
    Ok(SourceDocument {
        published_at,
        id: d.id,
        source: d.source,
        title: d.title,
        outlet: d.outlet,
        author: d.author,
        published: d.published,
        sha256: d.sha256,
        bytes: d.bytes,
        text,
        warnings: d.warnings,
    })
}

fn commit(
    engine: &dyn Engine,
    batch: Vec<SourceDocument>,
    report: &mut IngestReport,
) -> Result<(), StoreError> {
    let analyses = analyze_all(&batch)?;
    let mut prepared = Vec::with_capacity(batch.len());
    for (src, (a, diags)) in batch.into_iter().zip(analyses) {
        report.diagnostics.extend(diags);
        prepared.push(prepare(src, &a)?);
    }
    engine.commit_batch(&prepared)
}

/// Assembles the picture of every stored document from the cached analyses.
fn build_picture(engine: &dyn Engine) -> Result<(i64, Picture, Vec<Diagnostic>), StoreError> {
    let (gen, rows) = engine.load_analyses()?;
    let mut analyses = Vec::with_capacity(rows.len());
    for (id, json, text) in rows {
        analyses.push(parse_analysis(&id, &json)?.into_analysis(text));
    }
    let (picture, diags) = marsad_core::assemble(analyses);
    Ok((gen, picture, diags))
}

/// Which sentences mention which entity and tell which event type.
pub(crate) fn sentence_tags(
    picture: &Picture,
    spans: Vec<(i64, String, usize, usize)>,
) -> Vec<Tag> {
    let mut by_doc: HashMap<String, Vec<(usize, usize, i64)>> = HashMap::new();
    for (id, doc, s, e) in spans {
        by_doc.entry(doc).or_default().push((s, e, id));
    }
    for v in by_doc.values_mut() {
        v.sort_unstable();
    }
    // Sentences overlapping [start, end) (at least the one holding `start`).
    let find = |doc: &str, start: usize, end: usize| -> Vec<i64> {
        let Some(v) = by_doc.get(doc) else {
            return Vec::new();
        };
        let first = v.partition_point(|&(_, e, _)| e <= start);
        v[first..]
            .iter()
            .take_while(|&&(s, _, _)| s < end.max(start + 1))
            .map(|&(_, _, id)| id)
            .collect()
    };
    let mut tags: HashSet<(i64, &'static str, &str)> = HashSet::new();
    for e in &picture.entities {
        for m in &e.mentions {
            let ev = &m.evidence;
            for s in find(&ev.doc, ev.start, ev.end) {
                tags.insert((s, "e", e.id.as_str()));
            }
        }
    }
    for ev in &picture.events {
        for x in &ev.evidence {
            for s in find(&x.doc, x.start, x.end) {
                tags.insert((s, "v", ev.kind.as_str()));
            }
        }
    }
    let mut out: Vec<Tag> = tags
        .into_iter()
        .map(|(s, k, v)| (s, k, v.to_string()))
        .collect();
    out.sort_unstable();
    out
}

/// A checked query: page bounds and dates validated, text analysed.
pub(crate) struct CheckedQuery {
    pub terms: Vec<String>,
    pub limit: usize,
    pub offset: usize,
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// Validates a query; dates must be `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub(crate) fn check_query(q: &SearchQuery) -> Result<CheckedQuery, StoreError> {
    for (name, d) in [("from", &q.from), ("to", &q.to)] {
        if let Some(d) = d {
            if !is_iso_date(d) {
                return Err(StoreError::BadQuery(format!(
                    "{name} must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), got {d:?}"
                )));
            }
        }
    }
    if q.text.len() > 4096 {
        return Err(StoreError::BadQuery(format!(
            "query text too long ({} bytes, at most 4096)",
            q.text.len()
        )));
    }
    if q.offset > 1_000_000 {
        return Err(StoreError::BadQuery(format!(
            "offset {} too large (at most 1000000)",
            q.offset
        )));
    }
    let terms = crate::analyzer::query_terms(&q.text);
    if terms.len() > 64 {
        return Err(StoreError::BadQuery(format!(
            "too many words in the query ({}, at most 64)",
            terms.len()
        )));
    }
    let limit = match q.limit {
        0 => DEFAULT_LIMIT,
        n => n.min(MAX_LIMIT),
    };
    Ok(CheckedQuery {
        terms,
        limit,
        offset: q.offset,
    })
}

/// Upper bound of a `to` date, so that `to: 2018-03` includes every day of March.
pub(crate) fn to_bound(to: &str) -> String {
    format!("{to}\u{10FFFF}")
}

/// Highlights: byte ranges (in the document) of the sentence's words whose term is queried.
pub(crate) fn highlights(sentence: &str, start: usize, terms: &[String]) -> Vec<(usize, usize)> {
    if terms.is_empty() {
        return Vec::new();
    }
    crate::analyzer::terms(sentence)
        .into_iter()
        .filter(|t| terms.contains(&t.term))
        .map(|t| (start + t.start, start + t.end))
        .collect()
}

/// FTS5's bm25 constants (k1, b), used by both backends so scores agree.
pub(crate) const BM25_K1: f64 = 1.2;
/// See [`BM25_K1`].
pub(crate) const BM25_B: f64 = 0.75;

/// FTS5's idf: `ln((N - n + 0.5) / (n + 0.5))`, floored at 1e-6.
pub(crate) fn bm25_idf(n_rows: i64, n_hit: i64) -> f64 {
    let (n, h) = (n_rows as f64, n_hit as f64);
    let idf = ((n - h + 0.5) / (h + 0.5)).ln();
    if idf <= 0.0 {
        1e-6
    } else {
        idf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert!(is_iso_date("2022-01-06"));
        assert!(is_iso_date("2022-01"));
        assert!(is_iso_date("2022"));
        assert!(!is_iso_date("06/01/2022"));
        assert!(!is_iso_date("2022-1-6"));
        let q = SearchQuery {
            from: Some("yesterday".into()),
            ..Default::default()
        };
        assert!(matches!(check_query(&q), Err(StoreError::BadQuery(_))));
    }

    #[test]
    fn to_bound_includes_the_whole_month() {
        let b = to_bound("2018-03");
        assert!("2018-03-31" <= b.as_str());
        assert!("2018-04-01" > b.as_str());
    }

    #[test]
    fn sentences_index_the_working_text_and_show_the_original() {
        let text = "شارك هذا المقال\nقتل 164 شخصاً في الاحتجاجات. وأعلنت الحكومة حالة الطوارئ.";
        let removed = marsad_chrome::detect(text);
        let working = marsad_chrome::blank(text, &removed);
        let s = prepare_sentences(text, &working);
        assert!(s.len() >= 2);
        for x in &s {
            assert_eq!(x.text, &text[x.start..x.end]);
            assert!(!x.terms.is_empty());
        }
    }

    #[test]
    fn tags_find_the_sentence_of_each_mention() {
        let spans = vec![
            (1, "d".to_string(), 0, 10),
            (2, "d".to_string(), 11, 30),
            (3, "e".to_string(), 0, 30),
        ];
        let mut p = Picture::new();
        p.entities.push(marsad_picture::Entity {
            id: "E1".into(),
            kb: None,
            kind: EntityType::Gpe,
            name: Default::default(),
            aliases: vec![],
            mentions: vec![marsad_picture::Mention {
                evidence: marsad_picture::Evidence {
                    doc: "d".into(),
                    start: 12,
                    end: 15,
                    text: String::new(),
                },
                form: marsad_picture::MentionForm::Name,
            }],
        });
        let tags = sentence_tags(&p, spans);
        assert_eq!(tags, vec![(2, "e", "E1".to_string())]);
    }
}
