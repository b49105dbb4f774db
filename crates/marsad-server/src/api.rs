//! Routes, handlers and middleware of the API.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, FromRequestParts, Path, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use marsad_ingest::{IngestOptions, InputKind, SourceDocument};
use marsad_picture::{Document, EntityType};
use marsad_store::{DocumentSummary, SearchQuery};
use serde::{Deserialize, Serialize};
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
use tower_http::compression::{CompressionLayer, CompressionLevel};

use crate::error::{error_body, ApiError};
use crate::params::{truncate, Params, MAX_OFFSET};
use crate::views::{self, valid_id, DocItems, EntityFilter, EventFilter};
use crate::{assets, openapi, AppState};

type St = State<Arc<AppState>>;
type ApiResult<T> = Result<T, ApiError>;

/// Most entity contexts (mentions in their sentences) on an entity page.
pub const MAX_CONTEXTS: usize = 200;

/// Most documents in one ingest request.
pub const MAX_INGEST_DOCUMENTS: usize = 10_000;

/// Every route as (method, path in OpenAPI form); `/openapi.json` must describe each.
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/api/health"),
    ("get", "/api/stats"),
    ("get", "/api/documents"),
    ("get", "/api/documents/{id}"),
    ("get", "/api/entities"),
    ("get", "/api/entities/{id}"),
    ("get", "/api/events"),
    ("get", "/api/timeline"),
    ("get", "/api/graph"),
    ("get", "/api/disagreements"),
    ("get", "/api/search"),
    ("post", "/api/ingest"),
    ("get", "/api/export/{format}"),
    ("get", "/openapi.json"),
    ("get", "/"),
    ("get", "/assets/{path}"),
];

pub(crate) fn router(state: Arc<AppState>) -> Router {
    let cfg = state.config.clone();
    let reads = Router::new()
        .route("/api/health", get(health))
        .route("/api/stats", get(stats))
        .route("/api/documents", get(documents))
        .route("/api/documents/{id}", get(document))
        .route("/api/entities", get(entities))
        .route("/api/entities/{id}", get(entity))
        .route("/api/events", get(events))
        .route("/api/timeline", get(timeline))
        .route("/api/graph", get(graph))
        .route("/api/disagreements", get(disagreements))
        .route("/api/search", get(search))
        .route("/api/export/{format}", get(export))
        .route("/openapi.json", get(openapi_json))
        .route("/", get(assets::index))
        .route("/assets/{*path}", get(assets::asset))
        .layer(DefaultBodyLimit::max(cfg.max_body_bytes))
        .layer(middleware::from_fn_with_state(
            cfg.max_body_bytes,
            declared_body_limit,
        ))
        .layer(middleware::from_fn_with_state(cfg.request_timeout, timeout));
    let writes = Router::new()
        .route("/api/ingest", post(ingest))
        .layer(DefaultBodyLimit::max(cfg.max_ingest_bytes))
        .layer(middleware::from_fn_with_state(cfg.ingest_timeout, timeout));
    Router::new()
        .merge(reads)
        .merge(writes)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
        .layer(GlobalConcurrencyLimitLayer::new(cfg.max_in_flight.max(1)))
        .layer(middleware::from_fn(json_errors))
        .layer(middleware::from_fn(security_headers))
        .layer(compression())
}

/// Gzip for clients that ask for it: the views of a large store are megabytes of JSON (the ANT
/// timeline is 9.5 MB, 2.0 MB gzipped). Small answers and Parquet are sent as they are.
fn compression() -> CompressionLayer<impl Predicate> {
    // The fastest level: on the ANT timeline it keeps most of the gain at a fraction of the CPU.
    CompressionLayer::new()
        .gzip(true)
        .quality(CompressionLevel::Fastest)
        .compress_when(SizeAbove::new(1024).and(NotForContentType::IMAGES).and(
            NotForContentType::const_new("application/vnd.apache.parquet"),
        ))
}

async fn not_found(method: Method, uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!(
        "no route for {method} {}",
        truncate(uri.path(), 200)
    ))
}

async fn method_not_allowed(method: Method, uri: axum::http::Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "method {method} is not allowed on {}",
            truncate(uri.path(), 200)
        ),
    )
}

/// A read route never reads its body, so the body limit alone never fires there: a declared
/// length over the limit is refused up front, as the documentation promises (user audit: a GET
/// with a 100 KB body was answered 200).
async fn declared_body_limit(State(limit): State<usize>, req: Request, next: Next) -> Response {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("request body is larger than the {limit} byte limit"),
        )
        .into_response();
    }
    next.run(req).await
}

async fn timeout(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(res) => res,
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            format!("request took longer than {} s", limit.as_secs_f64()),
        )
        .into_response(),
    }
}

/// Wraps any error response that is not JSON yet (framework rejections) in the API's shape.
async fn json_errors(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let text = axum::body::to_bytes(body, 16 * 1024)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
        .unwrap_or_default();
    let message = if text.is_empty() {
        status.canonical_reason().unwrap_or("error").to_string()
    } else {
        text
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts.headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Response::from_parts(parts, Body::from(error_body(status, &message)))
}

async fn security_headers(req: Request, next: Next) -> Response {
    let is_api = req.uri().path().starts_with("/api/") || req.uri().path() == "/openapi.json";
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(assets::CONTENT_SECURITY_POLICY),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        "cross-origin-resource-policy",
        HeaderValue::from_static("same-origin"),
    );
    if is_api && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

/// An id taken from the path, checked with [`valid_id`].
struct IdPath(String);

impl<S: Send + Sync> FromRequestParts<S> for IdPath {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(id) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|e| ApiError::bad_request(format!("bad id in path: {e}")))?;
        if valid_id(&id) {
            Ok(IdPath(id))
        } else {
            Err(ApiError::bad_request(format!(
                "not a valid id: {:?} (ids are 1-200 characters without slashes, backslashes, spaces or control characters, not starting with '.')",
                truncate(&id, 80)
            )))
        }
    }
}

#[derive(Serialize)]
struct Health {
    status: &'static str,
    version: u64,
    documents: usize,
    read_only: bool,
}

async fn health(State(st): St, p: Params) -> ApiResult<Json<Health>> {
    p.allow(&[])?;
    let snap = st.snapshot().await?;
    Ok(Json(Health {
        status: "ok",
        version: snap.index.version(),
        documents: snap.summaries.len(),
        read_only: st.store.read_only(),
    }))
}

async fn stats(State(st): St, p: Params) -> ApiResult<Response> {
    p.allow(&[])?;
    let snap = st.snapshot().await?;
    Ok(Json(snap.index.stats()).into_response())
}

#[derive(Serialize)]
struct DocumentList<'a> {
    total: usize,
    documents: &'a [DocumentSummary],
}

async fn documents(State(st): St, p: Params) -> ApiResult<Response> {
    p.allow(&["limit", "offset"])?;
    let limit = p.number("limit", MAX_OFFSET, 1, MAX_OFFSET)?;
    let offset = p.number("offset", 0, 0, MAX_OFFSET)?;
    let snap = st.snapshot().await?;
    let all = &snap.summaries;
    let start = offset.min(all.len());
    let end = (start + limit).min(all.len());
    Ok(Json(DocumentList {
        total: all.len(),
        documents: &all[start..end],
    })
    .into_response())
}

#[derive(Serialize)]
struct DocumentPage<'a> {
    document: &'a Document,
    ingested_at: &'a str,
    #[serde(flatten)]
    items: DocItems<'a>,
}

async fn document(State(st): St, IdPath(id): IdPath, p: Params) -> ApiResult<Response> {
    p.allow(&[])?;
    let snap = st.snapshot().await?;
    let texts = st.texts(snap.index.version(), vec![id.clone()]).await?;
    let Some(doc) = texts.get(&id) else {
        return Err(ApiError::not_found(format!("no document {id:?}")));
    };
    Ok(Json(DocumentPage {
        document: &doc.stored.document,
        ingested_at: &doc.stored.ingested_at,
        items: snap.index.document_items(&id),
    })
    .into_response())
}

fn entity_type(s: &str) -> ApiResult<EntityType> {
    serde_json::from_value(serde_json::Value::String(s.to_string()))
        .map_err(|e| ApiError::internal(format!("entity type {s}: {e}")))
}

async fn entities(State(st): St, p: Params) -> ApiResult<Response> {
    p.allow(&["q", "type", "limit", "offset"])?;
    let filter = EntityFilter {
        q: p.text("q")?,
        kind: p
            .choice("type", &["PER", "ORG", "GPE", "LOC", "NORP", "MISC"])?
            .map(entity_type)
            .transpose()?,
        limit: p.number("limit", 50, 1, 500)?,
        offset: p.number("offset", 0, 0, MAX_OFFSET)?,
    };
    let snap = st.snapshot().await?;
    Ok(Json(snap.index.entities(&filter)).into_response())
}

async fn entity(State(st): St, IdPath(id): IdPath, p: Params) -> ApiResult<Response> {
    p.allow(&["limit"])?;
    let limit = p.number("limit", 500, 0, 10_000)?;
    let snap = st.snapshot().await?;
    let key = format!("entity\u{0}{id}\u{0}{limit}");
    if let Some(body) = snap.page(&key) {
        return Ok(json_bytes(body));
    }
    let ix = &snap.index;
    let Some(mut page) = ix.entity_page(&id, limit) else {
        return Err(ApiError::not_found(format!("no entity {id:?}")));
    };
    let mentions = ix.mentions_of(&id, MAX_CONTEXTS);
    let mut docs: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for m in mentions {
        if seen.insert(m.evidence.doc.as_str()) {
            docs.push(m.evidence.doc.clone());
        }
    }
    let texts = st.texts(ix.version(), docs).await?;
    for m in mentions {
        let ev = &m.evidence;
        let Some(t) = texts.get(&ev.doc) else {
            continue;
        };
        if let Some(sentence) =
            views::sentence_around(&ev.doc, t.text(), &t.sentences, ev.start, ev.end)
        {
            page.contexts.push(views::Context {
                doc: &ev.doc,
                title: ix.document(&ev.doc).and_then(|d| d.title.as_deref()),
                sentence,
                mention: ev,
            });
        }
    }
    let body = axum::body::Bytes::from(
        serde_json::to_vec(&page).map_err(|e| ApiError::internal(e.to_string()))?,
    );
    snap.keep_page(key, body.clone());
    Ok(json_bytes(body))
}

/// A JSON response from bytes already serialised.
fn json_bytes(body: Bytes) -> Response {
    let mut res = body.into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

async fn events(State(st): St, p: Params) -> ApiResult<Response> {
    p.allow(&["type", "entity", "from", "to", "limit", "offset"])?;
    let (from, to) = p.date_range()?;
    let filter = EventFilter {
        kind: p.text("type")?,
        entity: p.id("entity")?,
        from,
        to,
        limit: p.number("limit", 100, 1, 1000)?,
        offset: p.number("offset", 0, 0, MAX_OFFSET)?,
    };
    let snap = st.snapshot().await?;
    Ok(Json(snap.index.events(&filter)).into_response())
}

async fn timeline(State(st): St, p: Params) -> ApiResult<Response> {
    p.allow(&["from", "to", "per_day"])?;
    let (from, to) = p.date_range()?;
    let per_day = p.number("per_day", 100, 0, 100_000)?;
    let snap = st.snapshot().await?;
    Ok(Json(snap.index.timeline(from.as_deref(), to.as_deref(), per_day)).into_response())
}

async fn graph(State(st): St, p: Params) -> ApiResult<Response> {
    p.allow(&["min_weight", "limit"])?;
    let min_weight = p.number("min_weight", 1, 1, 1_000_000)?;
    let limit = p.number("limit", 500, 1, 5000)?;
    let snap = st.snapshot().await?;
    Ok(Json(snap.index.graph(min_weight, limit)).into_response())
}

async fn disagreements(State(st): St, p: Params) -> ApiResult<Response> {
    p.allow(&[])?;
    let snap = st.snapshot().await?;
    Ok(Json(snap.index.disagreements()).into_response())
}

async fn search(State(st): St, p: Params) -> ApiResult<Response> {
    p.allow(&[
        "q",
        "entity",
        "event_type",
        "outlet",
        "from",
        "to",
        "limit",
        "offset",
    ])?;
    let (from, to) = p.date_range()?;
    let text = p.text("q")?.unwrap_or_default();
    // Punctuation alone searches for nothing; answering with every sentence would read as a match.
    if !text.is_empty() && !text.chars().any(char::is_alphanumeric) {
        return Err(ApiError::bad_request(format!(
            "query parameter \"q\" has no word or number to search for: {:?}",
            crate::params::truncate(&text, 40)
        )));
    }
    let query = SearchQuery {
        text,
        entity: p.id("entity")?,
        event_type: p.text("event_type")?,
        outlet: p.text("outlet")?,
        from,
        to,
        limit: p.number("limit", 20, 1, 100)?,
        offset: p.number("offset", 0, 0, 10_000)?,
    };
    let store = st.store.clone();
    let results =
        tokio::task::spawn_blocking(move || store.search(&query).map_err(ApiError::from)).await??;
    Ok(Json(results).into_response())
}

async fn export(State(st): St, Path(name): Path<String>, p: Params) -> ApiResult<Response> {
    p.allow(&[])?;
    let format: marsad_export::Format = name
        .parse()
        .map_err(|e: marsad_export::UnknownFormat| ApiError::not_found(e.to_string()))?;
    let snap = st.snapshot().await?;
    let version = snap.index.version();
    let bytes = tokio::task::spawn_blocking(move || {
        let mut out = Vec::new();
        format
            .write(snap.index.picture(), &mut out)
            .map(|()| out)
            .map_err(|e| ApiError::internal(e.to_string()))
    })
    .await??;
    let mut res = bytes.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    let disposition = format!(
        "attachment; filename=\"marsad-v{version}.{}\"",
        format.extension()
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(res)
}

async fn openapi_json() -> Response {
    let mut res = openapi::document().to_string().into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    res
}

/// One document of an ingest request.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct IngestDoc {
    id: String,
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    author: Option<String>,
    #[serde(default, skip_serializing)]
    source: Option<String>,
}

/// The JSON body of `POST /api/ingest`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IngestRequest {
    documents: Vec<IngestDoc>,
}

fn ingest_error(e: marsad_ingest::IngestError) -> ApiError {
    ApiError::bad_request(e.to_string())
}

/// One API document as the ingest crate reads it: through its JSONL reader, so dates, sizes and
/// hashes are computed exactly as for files.
fn source_document(doc: IngestDoc) -> ApiResult<SourceDocument> {
    if !valid_id(&doc.id) {
        return Err(ApiError::bad_request(format!(
            "documents: id {:?} is not valid (1-200 characters without slashes, backslashes, spaces or control characters, not starting with '.')",
            truncate(&doc.id, 80)
        )));
    }
    let line = serde_json::to_vec(&doc).map_err(|e| ApiError::internal(e.to_string()))?;
    let (mut docs, errs) =
        marsad_ingest::parse_bytes("api", InputKind::Jsonl, &line, &IngestOptions::default());
    if let Some(e) = errs.into_iter().next() {
        return Err(ApiError::bad_request(format!(
            "document {:?}: {}",
            doc.id,
            ingest_error(e).message
        )));
    }
    let mut d = docs
        .pop()
        .ok_or_else(|| ApiError::bad_request(format!("document {:?} has no text", doc.id)))?;
    d.source = doc.source.unwrap_or_else(|| format!("api:{}", d.id));
    Ok(d)
}

fn parse_ingest(headers: &HeaderMap, p: &Params, body: &[u8]) -> ApiResult<Vec<SourceDocument>> {
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let mime = ctype
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match mime.as_str() {
        "application/json" => {
            p.allow(&[])?;
            let req: IngestRequest = serde_json::from_slice(body)
                .map_err(|e| ApiError::bad_request(format!("malformed JSON body: {e}")))?;
            if req.documents.is_empty() {
                return Err(ApiError::bad_request("documents: the list is empty"));
            }
            if req.documents.len() > MAX_INGEST_DOCUMENTS {
                return Err(ApiError::bad_request(format!(
                    "documents: {} given, at most {MAX_INGEST_DOCUMENTS} per request",
                    req.documents.len()
                )));
            }
            let mut ids = HashSet::new();
            for d in &req.documents {
                if !ids.insert(d.id.as_str()) {
                    return Err(ApiError::bad_request(format!(
                        "documents: id {:?} appears more than once",
                        truncate(&d.id, 80)
                    )));
                }
            }
            req.documents.into_iter().map(source_document).collect()
        }
        "text/plain" => {
            p.allow(&["id", "title", "outlet", "published", "author"])?;
            let id = p.id("id")?.ok_or_else(|| {
                ApiError::bad_request("a text/plain body needs the document id in ?id=")
            })?;
            let text = std::str::from_utf8(body)
                .map_err(|e| ApiError::bad_request(format!("text/plain body is not UTF-8: {e}")))?;
            let doc = IngestDoc {
                id,
                text: text.to_string(),
                title: p.text("title")?,
                outlet: p.text("outlet")?,
                published: p.text("published")?,
                author: p.text("author")?,
                source: None,
            };
            Ok(vec![source_document(doc)?])
        }
        "" => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "missing Content-Type: send application/json or text/plain",
        )),
        other => Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "unsupported Content-Type {:?}: send application/json or text/plain",
                truncate(other, 80)
            ),
        )),
    }
}

async fn ingest(
    State(st): St,
    p: Params,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "request body is larger than the {} byte limit",
                    st.config.max_ingest_bytes
                ),
            )
        } else {
            ApiError::new(e.status(), format!("could not read the request body: {e}"))
        }
    })?;
    let docs = parse_ingest(&headers, &p, &body)?;
    drop(body);
    // One ingest at a time from this server; the store also serialises writers across processes.
    let _writer = st.ingest_lock.lock().await;
    let store = st.store.clone();
    let report = tokio::task::spawn_blocking(move || {
        store.ingest(docs, &mut |_| {}).map_err(ApiError::from)
    })
    .await??;
    st.invalidate();
    Ok(Json(report).into_response())
}
