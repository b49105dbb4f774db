//! Shared test support: a store holding the sample corpus and a real server on 127.0.0.1:0.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use marsad_ingest::SourceDocument;
use marsad_picture::{Evidence, Picture};
use marsad_store::{
    DocumentSummary, IngestOutcome, IngestProgress, IngestReport, SearchHit, SearchQuery,
    SearchResults, Store, StoreError, StoredDocument,
};

/// The sample articles as ingest reads them.
pub fn sample_documents() -> Vec<SourceDocument> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/kazakhstan-2022");
    let (docs, errs) = marsad_ingest::read_paths(&[dir], &marsad_ingest::IngestOptions::default());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 5);
    docs
}

/// A test-only in-memory store over the real pipeline (stands in until the store backend lands).
pub struct MemStore {
    state: RwLock<(u64, Vec<SourceDocument>, Picture)>,
}

impl MemStore {
    pub fn new() -> MemStore {
        MemStore {
            state: RwLock::new((0, Vec::new(), Picture::new())),
        }
    }
}

impl Store for MemStore {
    fn ingest(
        &self,
        docs: Vec<SourceDocument>,
        _progress: &mut dyn FnMut(IngestProgress),
    ) -> Result<IngestReport, StoreError> {
        let mut st = self.state.write().unwrap();
        let mut report = IngestReport::default();
        for d in docs {
            let outcome = match st.1.iter_mut().find(|x| x.id == d.id) {
                Some(old) if old.sha256 == d.sha256 => IngestOutcome::Unchanged,
                Some(old) => {
                    *old = d.clone();
                    IngestOutcome::Replaced
                }
                None => {
                    st.1.push(d.clone());
                    IngestOutcome::Added
                }
            };
            report.documents.push((d.id, outcome));
        }
        let (picture, diags) = marsad_core::analyze(&st.1, &marsad_core::AnalyzeOptions::default());
        st.0 += 1;
        st.2 = picture;
        report.diagnostics = diags;
        report.version = st.0;
        Ok(report)
    }

    fn version(&self) -> Result<u64, StoreError> {
        Ok(self.state.read().unwrap().0)
    }

    fn picture(&self) -> Result<Picture, StoreError> {
        Ok(self.state.read().unwrap().2.clone())
    }

    fn documents(&self) -> Result<Vec<DocumentSummary>, StoreError> {
        Ok(self
            .state
            .read()
            .unwrap()
            .1
            .iter()
            .map(|d| DocumentSummary {
                id: d.id.clone(),
                title: d.title.clone(),
                outlet: d.outlet.clone(),
                published: d.published.clone(),
                bytes: d.bytes,
                sha256: d.sha256.clone(),
            })
            .collect())
    }

    fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        let st = self.state.read().unwrap();
        let Some(src) = st.1.iter().find(|d| d.id == id) else {
            return Ok(None);
        };
        let mut doc =
            st.2.documents
                .iter()
                .find(|d| d.id == id)
                .cloned()
                .unwrap_or_default();
        doc.text = Some(src.text.clone());
        Ok(Some(StoredDocument {
            document: doc,
            ingested_at: "2026-01-01T00:00:00Z".into(),
        }))
    }

    fn search(&self, q: &SearchQuery) -> Result<SearchResults, StoreError> {
        let st = self.state.read().unwrap();
        let needle = marsad_text::normalize_str(&q.text);
        let mut hits = Vec::new();
        for d in &st.1 {
            for s in marsad_text::sentences(&d.text) {
                let text = s.text(&d.text);
                let norm = marsad_text::Normalized::new(text, Default::default());
                if let Some(p) = norm.text.find(&needle) {
                    let (a, b) = norm.to_original(p, p + needle.len());
                    hits.push(SearchHit {
                        sentence: Evidence::new(&d.id, &d.text, s.start, s.end).unwrap(),
                        highlights: vec![(s.start + a, s.start + b)],
                        title: d.title.clone(),
                        outlet: d.outlet.clone(),
                        published: d.published.clone(),
                        score: 1.0,
                    });
                }
            }
        }
        let total = hits.len();
        let hits = hits.into_iter().skip(q.offset).take(q.limit).collect();
        Ok(SearchResults { total, hits })
    }
}

/// A store holding the sample corpus.
pub fn sample_store() -> Arc<dyn Store> {
    let store = MemStore::new();
    store.ingest(sample_documents(), &mut |_| {}).unwrap();
    Arc::new(store)
}

/// A running server; dropping it shuts the server down.
pub struct TestServer {
    pub addr: SocketAddr,
    pub base: String,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Starts the real server on 127.0.0.1:0 (in the current tokio runtime).
pub async fn start(store: Arc<dyn Store>, config: marsad_server::Config) -> TestServer {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(async move {
        marsad_server::serve(listener, store, config, async {
            let _ = rx.await;
        })
        .await
        .unwrap();
    });
    TestServer {
        addr,
        base: format!("http://{addr}"),
        shutdown: Some(tx),
    }
}
