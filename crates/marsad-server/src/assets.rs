//! The web page, embedded at build time from `web/` (see `build.rs`), served at `/` and
//! `/assets/*` with content types, ETags and a strict Content-Security-Policy.

use std::sync::OnceLock;

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/web_assets.rs"));
}

/// Only our own origin: no CDN, no inline script, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; \
style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Shown at `/` until the web page's files exist.
const PLACEHOLDER: &str = "<!doctype html>\n<html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">\
<title>مرصد Marsad</title></head><body><h1>مرصد — Marsad</h1>\
<p>The web page is not built into this binary yet. The API is at <a href=\"/api/health\">/api/health</a>; \
its description at <a href=\"/openapi.json\">/openapi.json</a>.</p></body></html>\n";

/// One embedded file with its precomputed headers.
struct Asset {
    path: &'static str,
    bytes: &'static [u8],
    etag: String,
    content_type: &'static str,
}

/// The content type of a file by its extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "txt" | "md" => "text/plain; charset=utf-8",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// FNV-1a, 64 bit: a stable content hash for ETags (no security role).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn assets() -> &'static [Asset] {
    static ASSETS: OnceLock<Vec<Asset>> = OnceLock::new();
    ASSETS.get_or_init(|| {
        embedded::FILES
            .iter()
            .map(|&(path, bytes)| Asset {
                path,
                bytes,
                etag: format!("\"{:016x}-{:x}\"", fnv1a(bytes), bytes.len()),
                content_type: content_type(path),
            })
            .collect()
    })
}

/// Paths (relative to `web/`) of the embedded files.
pub fn embedded_paths() -> impl Iterator<Item = &'static str> {
    assets().iter().map(|a| a.path)
}

fn respond(asset: &Asset, req: &HeaderMap) -> Response {
    let etag = HeaderValue::from_str(&asset.etag).unwrap_or(HeaderValue::from_static("\"0\""));
    let matches = req
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim() == asset.etag || t.trim() == "*")
        });
    let mut res = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut r = asset.bytes.into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(asset.content_type),
        );
        r
    };
    let h = res.headers_mut();
    h.insert(header::ETAG, etag);
    // File names carry no hash, so the browser revalidates each time (a 304 when unchanged).
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

/// `GET /`: the page's `index.html`, or a placeholder while the page is not built in.
pub async fn index(headers: HeaderMap) -> Response {
    match assets().iter().find(|a| a.path == "index.html") {
        Some(a) => respond(a, &headers),
        None => {
            let mut r = PLACEHOLDER.into_response();
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            r
        }
    }
}

/// `GET /assets/{*path}`: one embedded file by its path under `web/`.
pub async fn asset(
    axum::extract::Path(path): axum::extract::Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    // The lookup is in a fixed table built at compile time, so no path (`..`, `%2F`, `\\`) can
    // reach the file system: anything not in the table is simply not found.
    assets()
        .iter()
        .find(|a| a.path == path)
        .map(|a| respond(a, &headers))
        .ok_or_else(|| {
            ApiError::not_found(format!(
                "no asset {:?}",
                crate::params::truncate(&path, 100)
            ))
        })
}
