//! Shared test support: a store holding the sample corpus and a real server on 127.0.0.1:0.

#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use marsad_ingest::SourceDocument;
use marsad_store::Store;

/// The sample articles as ingest reads them.
pub fn sample_documents() -> Vec<SourceDocument> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/kazakhstan-2022");
    let (docs, errs) = marsad_ingest::read_paths(&[dir], &marsad_ingest::IngestOptions::default());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 5);
    docs
}

/// A fresh SQLite store in its own directory under the target's test scratch space, holding the
/// sample corpus.
pub fn fresh_sample_store(name: &str) -> Arc<dyn Store> {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("marsad-server-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    let store: Arc<dyn Store> =
        Arc::from(marsad_store::open(dir.to_str().unwrap()).expect("open the SQLite store"));
    let report = store.ingest(sample_documents(), &mut |_| {}).unwrap();
    assert!(report
        .documents
        .iter()
        .all(|(_, o)| *o == marsad_store::IngestOutcome::Added));
    store
}

/// The sample-corpus store shared by the read-only tests of one test binary (ingested once).
pub fn sample_store() -> Arc<dyn Store> {
    static STORE: OnceLock<Arc<dyn Store>> = OnceLock::new();
    STORE.get_or_init(|| fresh_sample_store("shared")).clone()
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
