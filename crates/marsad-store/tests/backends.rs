//! The same tests against both backends: the embedded SQLite store, and PostgreSQL when
//! `MARSAD_TEST_PG` holds a server URL (each test gets its own schema). Without it the PostgreSQL
//! half says it is skipped, unless `MARSAD_REQUIRE_PG=1`, which makes a missing server a failure.

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use marsad_ingest::SourceDocument;
use marsad_store::{IngestOutcome, SearchQuery, Store, StoreError};

mod fixture;
use fixture::Backend;

fn sample() -> Vec<SourceDocument> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/kazakhstan-2022");
    let (docs, errs) = marsad_ingest::read_paths(&[dir], &Default::default());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 5);
    // The .txt files carry no metadata; give them what a JSONL feed would.
    docs.into_iter()
        .enumerate()
        .map(|(i, mut d)| {
            d.published
                .get_or_insert_with(|| format!("2022-01-{:02}", 5 + i));
            d.outlet
                .get_or_insert_with(|| ["Outlet A", "Outlet B"][i % 2].to_string());
            d
        })
        .collect()
}

/// `n` distinct documents made from the sample articles (a numbered first line each).
fn generated(n: usize) -> Vec<SourceDocument> {
    let base = sample();
    (0..n)
        .map(|i| {
            let mut d = base[i % base.len()].clone();
            d.id = format!("gen{i:04}");
            d.text = format!("تقرير رقم {i}\n{}", d.text);
            d.sha256 = format!("{:064x}", i + 1);
            d.bytes = d.text.len();
            d
        })
        .collect()
}

/// The picture the plain pipeline builds from the same documents, in the store's order.
fn pipeline_picture(docs: &[SourceDocument]) -> serde_json::Value {
    let mut docs = docs.to_vec();
    docs.sort_by(|a, b| {
        (a.published.is_none(), &a.published, &a.id).cmp(&(
            b.published.is_none(),
            &b.published,
            &b.id,
        ))
    });
    let (p, _) = marsad_core::analyze(&docs, &Default::default());
    serde_json::to_value(p).unwrap()
}

fn no_progress() -> impl FnMut(marsad_store::IngestProgress) {
    |_| {}
}

fn search(store: &dyn Store, text: &str) -> marsad_store::SearchResults {
    store
        .search(&SearchQuery {
            text: text.to_string(),
            limit: 1000,
            ..Default::default()
        })
        .unwrap()
}

fn hit_set(r: &marsad_store::SearchResults) -> BTreeSet<(String, usize)> {
    r.hits
        .iter()
        .map(|h| (h.sentence.doc.clone(), h.sentence.start))
        .collect()
}

fn ingest_outcomes_and_exact_texts(b: &Backend) {
    let store = b.open();
    assert_eq!(store.version().unwrap(), 0);
    assert!(store.picture().unwrap().entities.is_empty());
    let docs = sample();
    let r = store.ingest(docs.clone(), &mut no_progress()).unwrap();
    assert!(r.documents.iter().all(|(_, o)| *o == IngestOutcome::Added));
    assert_eq!(r.version, 1);
    for d in &docs {
        let s = store.document(&d.id).unwrap().expect("stored");
        assert_eq!(s.document.text.as_deref(), Some(d.text.as_str()));
        assert_eq!(s.document.sha256, d.sha256);
        assert!(s.ingested_at.ends_with('Z'));
    }
    assert!(store.document("no-such-doc").unwrap().is_none());
    let list = store.documents().unwrap();
    assert_eq!(list.len(), 5);
    // Same bytes again: nothing to do, the picture keeps its version.
    let r = store.ingest(docs.clone(), &mut no_progress()).unwrap();
    assert!(r
        .documents
        .iter()
        .all(|(_, o)| *o == IngestOutcome::Unchanged));
    assert_eq!(r.version, 1);
    // New bytes under a known id replace the old version.
    let mut changed = docs[0].clone();
    changed.text = changed.text.replacen('\n', "\nسطر جديد.\n", 1);
    changed.sha256 = "f".repeat(64);
    let r = store
        .ingest(vec![changed.clone()], &mut no_progress())
        .unwrap();
    assert_eq!(
        r.documents,
        vec![(changed.id.clone(), IngestOutcome::Replaced)]
    );
    assert_eq!(r.version, 2);
    let s = store.document(&changed.id).unwrap().unwrap();
    assert_eq!(s.document.text.as_deref(), Some(changed.text.as_str()));
    assert_eq!(store.documents().unwrap().len(), 5);
    // Reopening sees the same store.
    drop(store);
    let store = b.reopen();
    assert_eq!(store.version().unwrap(), 2);
    assert_eq!(store.documents().unwrap().len(), 5);
    store.check().unwrap();
}

fn incremental_picture_equals_the_pipeline(b: &Backend) {
    let store = b.open();
    let docs = sample();
    store
        .ingest(docs[..2].to_vec(), &mut no_progress())
        .unwrap();
    let r = store.ingest(docs.clone(), &mut no_progress()).unwrap();
    assert_eq!(
        r.documents
            .iter()
            .filter(|(_, o)| *o == IngestOutcome::Added)
            .count(),
        3
    );
    let stored = serde_json::to_value(store.picture().unwrap()).unwrap();
    assert_eq!(stored, pipeline_picture(&docs));
}

fn search_finds_spelling_and_clitic_variants(b: &Backend) {
    let store = b.open();
    store.ingest(sample(), &mut no_progress()).unwrap();
    let groups: &[&[&str]] = &[
        &[
            "الاحتجاجات",
            "احتجاجات",
            "والاحتجاجات",
            "بالاحتجاجات",
            "للاحتجاجات",
        ],
        &["الأمن", "الامن", "أمن", "للأمن", "بالأمن", "والامن"],
        &["الحكومة", "الحكومه", "حكومة", "للحكومة", "والحكومة"],
        &["الرئيس", "رئيس", "للرئيس", "والرئيس"],
    ];
    for g in groups {
        let first = search(store.as_ref(), g[0]);
        assert!(first.total > 0, "{} finds nothing", g[0]);
        assert_eq!(first.total, first.hits.len());
        let set = hit_set(&first);
        for v in &g[1..] {
            let r = search(store.as_ref(), v);
            assert_eq!(hit_set(&r), set, "{v} finds other sentences than {}", g[0]);
        }
        for h in &first.hits {
            let doc = store.document(&h.sentence.doc).unwrap().unwrap();
            let text = doc.document.text.unwrap();
            assert_eq!(&text[h.sentence.start..h.sentence.end], h.sentence.text);
            assert!(!h.highlights.is_empty());
            for &(s, e) in &h.highlights {
                assert!(h.sentence.start <= s && e <= h.sentence.end);
                let word = marsad_text::normalize_str(&text[s..e]);
                assert!(
                    g.iter().any(|v| {
                        let v = marsad_text::normalize_str(v);
                        word.contains(v.trim_start_matches("ال").trim_end_matches('ه'))
                    }),
                    "highlight {word} for {}",
                    g[0]
                );
            }
            assert!(h.score > 0.0);
            assert!(h.published.is_some());
        }
        // Best first.
        assert!(first
            .hits
            .windows(2)
            .all(|w| w[0].score >= w[1].score - 1e-9));
    }
    // Two words: both must be there.
    let both = search(store.as_ref(), "الأمن الحكومة");
    let a = hit_set(&search(store.as_ref(), "الأمن"));
    let c = hit_set(&search(store.as_ref(), "الحكومة"));
    assert_eq!(
        hit_set(&both),
        a.intersection(&c).cloned().collect::<BTreeSet<_>>()
    );
    // Paging.
    let all = search(store.as_ref(), "الرئيس");
    let page = store
        .search(&SearchQuery {
            text: "الرئيس".into(),
            limit: 2,
            offset: 1,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.total, all.total);
    assert_eq!(page.hits.len(), 2.min(all.total.saturating_sub(1)));
    assert!(search(store.as_ref(), "كلمةغيرموجودةأبدا").hits.is_empty());
}

fn search_filters(b: &Backend) {
    let store = b.open();
    let docs = sample();
    store.ingest(docs.clone(), &mut no_progress()).unwrap();
    let picture = store.picture().unwrap();
    // Entity: every hit holds one of its mentions.
    let e = picture
        .entities
        .iter()
        .max_by_key(|e| e.mentions.len())
        .unwrap();
    let r = store
        .search(&SearchQuery {
            entity: Some(e.id.clone()),
            limit: 1000,
            ..Default::default()
        })
        .unwrap();
    assert!(r.total > 0);
    for h in &r.hits {
        assert!(e.mentions.iter().any(|m| m.evidence.doc == h.sentence.doc
            && h.sentence.start <= m.evidence.start
            && m.evidence.start < h.sentence.end));
    }
    let docs_of_entity: HashSet<&str> =
        e.mentions.iter().map(|m| m.evidence.doc.as_str()).collect();
    assert!(r
        .hits
        .iter()
        .all(|h| docs_of_entity.contains(h.sentence.doc.as_str())));
    // Event type: every hit overlaps an evidence of an event of that type.
    let ev = picture.events.first().expect("the sample has events");
    let r = store
        .search(&SearchQuery {
            event_type: Some(ev.kind.clone()),
            limit: 1000,
            ..Default::default()
        })
        .unwrap();
    assert!(r.total > 0);
    for h in &r.hits {
        assert!(picture
            .events
            .iter()
            .filter(|x| x.kind == ev.kind)
            .any(|x| x.evidence.iter().any(|v| v.doc == h.sentence.doc
                && v.start < h.sentence.end
                && h.sentence.start < v.end.max(v.start + 1))));
    }
    // Outlet and dates.
    let d0 = &docs[0];
    if let Some(outlet) = &d0.outlet {
        let r = store
            .search(&SearchQuery {
                outlet: Some(outlet.clone()),
                limit: 1000,
                ..Default::default()
            })
            .unwrap();
        assert!(r.total > 0);
        assert!(r.hits.iter().all(|h| h.outlet.as_ref() == Some(outlet)));
    }
    let day = d0.published.clone().expect("sample documents are dated");
    let r = store
        .search(&SearchQuery {
            text: "الأمن".into(),
            from: Some(day.clone()),
            to: Some(day.clone()),
            limit: 1000,
            ..Default::default()
        })
        .unwrap();
    assert!(r.hits.iter().all(|h| h.published.as_ref() == Some(&day)));
    let month = &day[..7];
    let r2 = store
        .search(&SearchQuery {
            text: "الأمن".into(),
            from: Some(month.to_string()),
            to: Some(month.to_string()),
            limit: 1000,
            ..Default::default()
        })
        .unwrap();
    assert!(r2.total >= r.total);
    let none = store
        .search(&SearchQuery {
            from: Some("1990-01-01".into()),
            to: Some("1990-12-31".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(none.total, 0);
    let bad = store.search(&SearchQuery {
        from: Some("next week".into()),
        ..Default::default()
    });
    assert!(matches!(bad, Err(StoreError::BadQuery(_))));
    // Unknown entity: nothing, no error.
    let r = store
        .search(&SearchQuery {
            entity: Some("E999999".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(r.total, 0);
}

fn readers_run_during_ingest(b: &Backend) {
    let store: Arc<dyn Store> = Arc::from(b.open());
    store.ingest(sample(), &mut no_progress()).unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let reads = std::thread::scope(|s| {
        let readers: Vec<_> = (0..2)
            .map(|_| {
                let (store, done) = (store.clone(), done.clone());
                s.spawn(move || {
                    let mut n = 0usize;
                    while !done.load(Ordering::SeqCst) || n == 0 {
                        assert!(store.documents().unwrap().len() >= 5);
                        assert!(search(store.as_ref(), "الأمن").total > 0);
                        assert!(store.version().unwrap() >= 1);
                        n += 1;
                    }
                    n
                })
            })
            .collect();
        let w = {
            let (store, done) = (store.clone(), done.clone());
            s.spawn(move || {
                let r = store.ingest(generated(40), &mut no_progress());
                done.store(true, Ordering::SeqCst);
                r.unwrap()
            })
        };
        let r = w.join().unwrap();
        assert_eq!(r.documents.len(), 40);
        readers
            .into_iter()
            .map(|h| h.join().unwrap())
            .sum::<usize>()
    });
    assert!(reads >= 2);
    assert_eq!(store.documents().unwrap().len(), 45);
    store.check().unwrap();
}

fn failed_ingest_keeps_what_was_stored(b: &Backend) {
    let store = b.open();
    let docs = sample();
    store.ingest(docs.clone(), &mut no_progress()).unwrap();
    let before = serde_json::to_value(store.picture().unwrap()).unwrap();
    // The 36th new document fails to store: the first batch (32) is committed, the rest is not.
    let mut more = generated(40);
    more[35].id = "poison".to_string();
    b.poison("poison");
    let err = store.ingest(more.clone(), &mut no_progress());
    assert!(err.is_err(), "the injected failure must surface");
    b.cure();
    drop(store);
    let store = b.reopen();
    store.check().unwrap();
    for d in &docs {
        let s = store.document(&d.id).unwrap().unwrap();
        assert_eq!(s.document.text.as_deref(), Some(d.text.as_str()));
    }
    for d in &more[..32] {
        let s = store
            .document(&d.id)
            .unwrap()
            .expect("committed batch kept");
        assert_eq!(s.document.text.as_deref(), Some(d.text.as_str()));
    }
    assert!(store.document("poison").unwrap().is_none());
    // The picture is the old one until the next ingest rebuilds it.
    assert_eq!(store.version().unwrap(), 1);
    assert_eq!(
        serde_json::to_value(store.picture().unwrap()).unwrap(),
        before
    );
    let r = store.ingest(Vec::new(), &mut no_progress()).unwrap();
    assert_eq!(
        r.version, 2,
        "a stale picture is rebuilt by the next ingest"
    );
    let p = store.picture().unwrap();
    assert_eq!(p.documents.len(), 5 + 32);
    let r = store.ingest(more, &mut no_progress()).unwrap();
    assert_eq!(r.version, 3);
    assert_eq!(store.documents().unwrap().len(), 45);
    store.check().unwrap();
}

/// Analyses cached by another build (another analyser fingerprint, or none: a store from before
/// fingerprints) are redone from the stored texts by the next ingest, even one with no documents.
fn analyses_from_another_build_are_redone(b: &Backend) {
    let store = b.open();
    let docs = sample();
    store.ingest(docs.clone(), &mut no_progress()).unwrap();
    assert!(store.analyses_current().unwrap());
    let expected = pipeline_picture(&docs);
    for (sqlite, pg) in [
        (
            "UPDATE meta SET value = 1 WHERE key = 'analysis_fp'",
            "UPDATE meta SET value = 1 WHERE key = 'analysis_fp'",
        ),
        (
            "DELETE FROM meta WHERE key = 'analysis_fp'",
            "DELETE FROM meta WHERE key = 'analysis_fp'",
        ),
    ] {
        // An "older build" whose analyses found no figures, and whose fingerprint differs.
        b.exec(
            &format!("UPDATE docs SET analysis = json_set(analysis, '$.quantities', json('[]')); {sqlite}"),
            &format!("UPDATE docs SET analysis = jsonb_set(analysis::jsonb, '{{quantities}}', '[]'::jsonb)::text; {pg}"),
        );
        let store = b.reopen();
        assert!(!store.analyses_current().unwrap());
        let mut seen = Vec::new();
        let r = store
            .ingest(Vec::new(), &mut |p| {
                if let marsad_store::IngestProgress::Reanalysing { done, total } = p {
                    seen.push((done, total));
                }
            })
            .unwrap();
        assert_eq!(seen.last(), Some(&(docs.len(), docs.len())));
        assert!(store.analyses_current().unwrap());
        assert!(r.documents.is_empty());
        let got = serde_json::to_value(store.picture().unwrap()).unwrap();
        assert_eq!(got, expected, "the re-analysed picture is the pipeline's");
        assert!(!store.picture().unwrap().quantities.is_empty());
        store.check().unwrap();
        // Up to date now: the next ingest re-analyses nothing.
        let mut again = 0;
        store
            .ingest(Vec::new(), &mut |p| {
                if matches!(p, marsad_store::IngestProgress::Reanalysing { .. }) {
                    again += 1;
                }
            })
            .unwrap();
        assert_eq!(again, 0);
    }
}

macro_rules! both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[test] fn $name() { super::$name(&super::Backend::sqlite()); })*
        }
        mod postgres {
            $(#[test] fn $name() {
                match super::Backend::postgres(stringify!($name)) {
                    Some(b) => super::$name(&b),
                    None => eprintln!("MARSAD_TEST_PG unset: PostgreSQL test {} skipped", stringify!($name)),
                }
            })*
        }
    };
}

both_backends!(
    ingest_outcomes_and_exact_texts,
    incremental_picture_equals_the_pipeline,
    search_finds_spelling_and_clitic_variants,
    search_filters,
    readers_run_during_ingest,
    failed_ingest_keeps_what_was_stored,
    analyses_from_another_build_are_redone,
);

/// Both backends hold the same picture and answer a query with the same sentences, order and
/// scores (bm25 computed the same way).
#[test]
fn backends_agree() {
    let Some(pg) = Backend::postgres("backends_agree") else {
        eprintln!("MARSAD_TEST_PG unset: PostgreSQL/SQLite agreement test skipped");
        return;
    };
    let lite = Backend::sqlite();
    let (a, b) = (lite.open(), pg.open());
    let docs = sample();
    a.ingest(docs.clone(), &mut no_progress()).unwrap();
    b.ingest(docs, &mut no_progress()).unwrap();
    assert_eq!(
        serde_json::to_value(a.picture().unwrap()).unwrap(),
        serde_json::to_value(b.picture().unwrap()).unwrap()
    );
    let ids = |s: &dyn Store| -> Vec<String> {
        s.documents().unwrap().into_iter().map(|d| d.id).collect()
    };
    assert_eq!(ids(a.as_ref()), ids(b.as_ref()));
    for text in ["الأمن", "الرئيس الكازاخستاني", "للاحتجاجات", "قتل", "روسيا"]
    {
        let (x, y) = (search(a.as_ref(), text), search(b.as_ref(), text));
        assert_eq!(x.total, y.total, "{text}");
        let key = |r: &marsad_store::SearchResults| -> Vec<(String, usize)> {
            r.hits
                .iter()
                .map(|h| (h.sentence.doc.clone(), h.sentence.start))
                .collect()
        };
        assert_eq!(key(&x), key(&y), "{text}: order differs");
        for (h, k) in x.hits.iter().zip(&y.hits) {
            assert!(
                (h.score - k.score).abs() < 1e-6,
                "{text}: {} vs {}",
                h.score,
                k.score
            );
            assert_eq!(h.highlights, k.highlights);
        }
    }
}
