//! Marsad's HTTP API and web page over a [`marsad_store::Store`].
//!
//! [`router`] builds the axum application; [`serve`] runs it on a listener with the defences a
//! public-facing server needs (header-read timeout against slowloris clients, a cap on open
//! connections and on requests in flight, body size limits, request timeouts, JSON errors for
//! every failure). Read endpoints are answered from a [`views::Index`] built once per store
//! version, so entity pages and lists never scan the picture.
//!
//! The API is described in `docs/api.md` and, machine-readably, at `/openapi.json`.

mod api;
pub mod assets;
pub mod error;
pub mod openapi;
pub mod params;
pub mod views;

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use marsad_store::{DocumentSummary, Store, StoredDocument};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

pub use api::ROUTES;
pub use error::ApiError;

/// Limits and timeouts of a server.
#[derive(Debug, Clone)]
pub struct Config {
    /// Largest ingest request body, in bytes (413 beyond).
    pub max_ingest_bytes: usize,
    /// Largest body of any other request, in bytes.
    pub max_body_bytes: usize,
    /// Time a read request may take before it is answered 503.
    pub request_timeout: Duration,
    /// Time an ingest request may take (analysis is slow on large batches).
    pub ingest_timeout: Duration,
    /// Time a client has to send a request's headers before its connection is closed.
    pub header_read_timeout: Duration,
    /// Open connections at most; further clients wait in the listen backlog.
    pub max_connections: usize,
    /// Requests being handled at most; further requests wait (within their timeout).
    pub max_in_flight: usize,
    /// How often the store's version is checked for ingests made by other processes.
    pub version_check_interval: Duration,
    /// Bytes of document text kept in memory for document pages and contexts.
    pub text_cache_bytes: usize,
    /// How long graceful shutdown waits for open requests.
    pub shutdown_grace: Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            max_ingest_bytes: 8 * 1024 * 1024,
            max_body_bytes: 64 * 1024,
            request_timeout: Duration::from_secs(30),
            ingest_timeout: Duration::from_secs(600),
            header_read_timeout: Duration::from_secs(10),
            max_connections: 1024,
            max_in_flight: 256,
            version_check_interval: Duration::from_millis(250),
            text_cache_bytes: 64 * 1024 * 1024,
            shutdown_grace: Duration::from_secs(10),
        }
    }
}

/// A document's text with its sentence spans, cached for document pages and contexts.
#[derive(Debug)]
pub(crate) struct DocText {
    pub(crate) stored: StoredDocument,
    pub(crate) sentences: Vec<marsad_text::Span>,
}

impl DocText {
    fn new(stored: StoredDocument) -> DocText {
        let sentences = stored
            .document
            .text
            .as_deref()
            .map(marsad_text::sentences)
            .unwrap_or_default();
        DocText { stored, sentences }
    }

    pub(crate) fn text(&self) -> &str {
        self.stored.document.text.as_deref().unwrap_or("")
    }
}

/// What is cached for one store version.
pub(crate) struct Snapshot {
    pub(crate) index: views::Index,
    pub(crate) summaries: Vec<DocumentSummary>,
    /// Serialised responses of this version (entity pages), by request key.
    pages: Mutex<PageCache>,
}

#[derive(Default)]
struct PageCache {
    bytes: usize,
    pages: HashMap<String, axum::body::Bytes>,
}

/// Most bytes of serialised pages kept per snapshot.
const PAGE_CACHE_BYTES: usize = 128 * 1024 * 1024;

impl Snapshot {
    /// A cached serialised response for `key`.
    pub(crate) fn page(&self, key: &str) -> Option<axum::body::Bytes> {
        self.pages
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .pages
            .get(key)
            .cloned()
    }

    /// Keeps a serialised response for `key` (an entity page of this version never changes).
    pub(crate) fn keep_page(&self, key: String, body: axum::body::Bytes) {
        let mut c = self.pages.lock().unwrap_or_else(|p| p.into_inner());
        if body.len() > PAGE_CACHE_BYTES / 4 {
            return;
        }
        // Emptied when full rather than tracked for recency: popular pages come right back.
        if c.bytes + body.len() > PAGE_CACHE_BYTES {
            c.pages.clear();
            c.bytes = 0;
        }
        c.bytes += body.len();
        c.pages.insert(key, body);
    }
}

#[derive(Default)]
struct TextCache {
    version: u64,
    bytes: usize,
    docs: HashMap<String, Arc<DocText>>,
}

/// Shared state of the handlers.
pub(crate) struct AppState {
    pub(crate) store: Arc<dyn Store>,
    pub(crate) config: Config,
    snapshot: RwLock<Option<(Arc<Snapshot>, Instant)>>,
    rebuild: Arc<tokio::sync::Mutex<()>>,
    texts: Mutex<TextCache>,
    pub(crate) ingest_lock: tokio::sync::Mutex<()>,
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f).await?
}

impl AppState {
    fn new(store: Arc<dyn Store>, config: Config) -> AppState {
        AppState {
            store,
            config,
            snapshot: RwLock::new(None),
            rebuild: Arc::new(tokio::sync::Mutex::new(())),
            texts: Mutex::new(TextCache::default()),
            ingest_lock: tokio::sync::Mutex::new(()),
        }
    }

    fn cached(&self) -> Option<(Arc<Snapshot>, Instant)> {
        self.snapshot
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// Forgets the cached snapshot (after an ingest through this server).
    pub(crate) fn invalidate(&self) {
        *self.snapshot.write().unwrap_or_else(|p| p.into_inner()) = None;
    }

    /// The snapshot of the store's current version, rebuilt when the version moved.
    pub(crate) async fn snapshot(self: &Arc<Self>) -> Result<Arc<Snapshot>, ApiError> {
        let cached = self.cached();
        if let Some((snap, checked)) = &cached {
            if checked.elapsed() < self.config.version_check_interval {
                return Ok(snap.clone());
            }
        }
        let store = self.store.clone();
        let version = blocking(move || Ok(store.version()?)).await?;
        if let Some((snap, _)) = cached {
            if snap.index.version() == version {
                self.put(snap.clone());
                return Ok(snap);
            }
        }
        // One rebuild at a time. While one runs, requests are answered from the previous
        // snapshot if there is one (a change made by another process), else they wait for it.
        let guard = match self.rebuild.clone().try_lock_owned() {
            Ok(g) => g,
            Err(_) => match self.cached() {
                Some((snap, _)) => return Ok(snap),
                None => self.rebuild.clone().lock_owned().await,
            },
        };
        if let Some((snap, _)) = self.cached() {
            if snap.index.version() == version {
                return Ok(snap);
            }
        }
        // The rebuild runs in its own task so a request that times out or disconnects does not
        // throw the half-done work away.
        let this = self.clone();
        tokio::spawn(async move {
            let _guard = guard;
            let store = this.store.clone();
            let snap = blocking(move || {
                let picture = store.picture()?;
                let summaries = store.documents()?;
                Ok(Arc::new(Snapshot {
                    index: views::Index::build(version, picture),
                    summaries,
                    pages: Mutex::new(PageCache::default()),
                }))
            })
            .await?;
            this.put(snap.clone());
            Ok(snap)
        })
        .await?
    }

    fn put(&self, snap: Arc<Snapshot>) {
        *self.snapshot.write().unwrap_or_else(|p| p.into_inner()) = Some((snap, Instant::now()));
    }

    /// Texts of the given documents (those the store has), from the cache or the store.
    pub(crate) async fn texts(
        &self,
        version: u64,
        ids: Vec<String>,
    ) -> Result<HashMap<String, Arc<DocText>>, ApiError> {
        let mut out = HashMap::with_capacity(ids.len());
        let mut missing = Vec::new();
        {
            let mut cache = self.texts.lock().unwrap_or_else(|p| p.into_inner());
            if cache.version != version {
                *cache = TextCache {
                    version,
                    ..TextCache::default()
                };
            }
            for id in ids {
                match cache.docs.get(&id) {
                    Some(t) => {
                        out.insert(id, t.clone());
                    }
                    None => missing.push(id),
                }
            }
        }
        if missing.is_empty() {
            return Ok(out);
        }
        let store = self.store.clone();
        let fetched = blocking(move || {
            let mut got = Vec::with_capacity(missing.len());
            for id in missing {
                if let Some(doc) = store.document(&id)? {
                    got.push((id, Arc::new(DocText::new(doc))));
                }
            }
            Ok(got)
        })
        .await?;
        let mut cache = self.texts.lock().unwrap_or_else(|p| p.into_inner());
        for (id, t) in fetched {
            if cache.version == version {
                let size = t.text().len();
                // A full cache is emptied rather than tracked for recency: simple, and refilled
                // by the documents being read now.
                if cache.bytes + size > self.config.text_cache_bytes {
                    cache.docs.clear();
                    cache.bytes = 0;
                }
                cache.bytes += size;
                cache.docs.insert(id.clone(), t.clone());
            }
            out.insert(id, t);
        }
        Ok(out)
    }
}

/// The application: every route of the API and the page, with limits and JSON errors.
pub fn router(store: Arc<dyn Store>, config: Config) -> Router {
    api::router(Arc::new(AppState::new(store, config)))
}

/// Builds the views of the store's current version in the background, so the first request
/// does not pay for it.
fn warm(state: &Arc<AppState>) {
    let state = state.clone();
    tokio::spawn(async move {
        if let Err(e) = state.snapshot().await {
            eprintln!("marsad serve: could not read the store yet: {}", e.message);
        }
    });
}

/// Serves `router(store, config)` on `listener` until `shutdown` completes, then lets open
/// requests finish (up to [`Config::shutdown_grace`]).
pub async fn serve(
    listener: TcpListener,
    store: Arc<dyn Store>,
    config: Config,
    shutdown: impl Future<Output = ()> + Send,
) -> std::io::Result<()> {
    let state = Arc::new(AppState::new(store, config.clone()));
    warm(&state);
    let app = api::router(state);
    let slots = Arc::new(Semaphore::new(config.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(config.header_read_timeout)
        .max_headers(64);
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            p = slots.clone().acquire_owned() => match p {
                Ok(p) => p,
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            r = listener.accept() => match r {
                Ok((s, _)) => s,
                Err(e) => {
                    // Out of file descriptors or a reset during the handshake: the listener
                    // itself is fine, so pause briefly and keep accepting.
                    eprintln!("marsad serve: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let conn =
            http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            // A client that vanishes or times out is its own problem, not the server's.
            let _ = conn.await;
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(config.shutdown_grace) => {}
    }
    Ok(())
}
