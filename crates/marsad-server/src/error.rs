//! The one error shape of the API: `{"error": {"status": 400, "message": "…"}}`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use marsad_store::StoreError;

/// An error answered to the client as JSON with its HTTP status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    /// HTTP status (4xx or 5xx).
    pub status: StatusCode,
    /// Human-readable message naming the problem.
    pub message: String,
}

impl ApiError {
    /// An error with this status and message.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    /// 400 Bad Request.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// 404 Not Found.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    /// 500 Internal Server Error.
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }
}

/// The JSON body of an error response.
pub fn error_body(status: StatusCode, message: &str) -> String {
    serde_json::json!({"error": {"status": status.as_u16(), "message": message}}).to_string()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut res = (self.status, error_body(self.status, &self.message)).into_response();
        res.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        res
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            StoreError::BadQuery(m) => ApiError::bad_request(m),
            StoreError::ReadOnly { .. } => ApiError::new(
                StatusCode::FORBIDDEN,
                "this server's store is read-only (marsad serve --read-only, or a store it cannot \
                 write): documents cannot be added",
            ),
            // The full message names the store's files (a path on the server) and the backend's
            // words: the server log gets it, the client a message that says what kind of failure.
            other => {
                eprintln!("marsad serve: store error: {other}");
                ApiError::internal(client_message(&other))
            }
        }
    }
}

/// What a client is told of a store failure: its kind, not the server's paths.
fn client_message(e: &StoreError) -> String {
    match e {
        StoreError::Corrupt { .. } => {
            "stored data could not be read (details in the server log)".to_string()
        }
        StoreError::Backend { .. } => {
            "the store failed while answering (details in the server log)".to_string()
        }
        StoreError::BadLocation { .. } | StoreError::NotWritable { .. } => {
            "the store is misconfigured (details in the server log)".to_string()
        }
        StoreError::ReadOnly { .. } => "the store is read-only".to_string(),
        StoreError::BadQuery(m) => m.clone(),
    }
}

impl From<tokio::task::JoinError> for ApiError {
    fn from(e: tokio::task::JoinError) -> ApiError {
        ApiError::internal(format!("worker task failed: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_failures_do_not_show_server_paths() {
        let e = StoreError::Corrupt {
            what: "storing documents (/tmp/secret/d6/marsad.sqlite)".to_string(),
            message: "database disk image is malformed".to_string(),
        };
        let api = ApiError::from(e);
        assert_eq!(api.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!api.message.contains("/tmp/secret"), "{}", api.message);
        assert!(api.message.contains("could not be read"), "{}", api.message);
        let q = ApiError::from(StoreError::BadQuery("limit out of range".to_string()));
        assert_eq!(q.status, StatusCode::BAD_REQUEST);
        assert_eq!(q.message, "limit out of range");
    }
}
