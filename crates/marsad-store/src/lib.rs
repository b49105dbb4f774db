//! The store: documents and the picture built from them, kept durable, queryable and searchable.
//!
//! One interface, [`Store`], two backends: an embedded one under a data directory (the default)
//! and PostgreSQL for a shared deployment. [`open`] picks the backend from a location string.
//!
//! Invariant: a committed document is never lost or half-written; a crash during ingest leaves the
//! store as it was after the last committed batch, and the picture is rebuilt if it is stale.

pub mod analyzer;
mod common;
mod pg;
mod restrict;
mod sqlite;

use marsad_ingest::SourceDocument;
use marsad_picture::{Diagnostic, Document, Evidence, Picture};
use serde::{Deserialize, Serialize};

pub use pg::PgStore;
pub use restrict::restrict_picture;
pub use sqlite::{SqliteStore, DB_FILE};

/// Version of the storage schema this build reads and writes.
pub const SCHEMA_VERSION: i64 = 1;

/// Default data directory of the embedded store.
pub const DEFAULT_DATA_DIR: &str = "./marsad-data";

/// Hits per page when a query asks for none (`limit: 0`).
pub const DEFAULT_LIMIT: usize = 20;

/// Most hits one query returns.
pub const MAX_LIMIT: usize = 1000;

/// Opens (creating if needed) the store at `location`: a `postgres://` or `postgresql://` URL
/// selects PostgreSQL, anything else is a directory holding the embedded SQLite store.
pub fn open(location: &str) -> Result<Box<dyn Store>, StoreError> {
    if location.starts_with("postgres://") || location.starts_with("postgresql://") {
        Ok(Box::new(PgStore::open(location)?))
    } else if location.trim().is_empty() {
        Err(StoreError::BadLocation {
            location: location.to_string(),
            reason: "empty location".to_string(),
        })
    } else {
        Ok(Box::new(SqliteStore::open(std::path::Path::new(location))?))
    }
}

/// Opens an existing embedded store at directory `location` for reading only: nothing is
/// written, not even SQLite's log files (see [`SqliteStore::open_read_only`]). PostgreSQL
/// locations are refused: give the server a role with only `SELECT` rights instead.
pub fn open_read_only(location: &str) -> Result<Box<dyn Store>, StoreError> {
    if location.starts_with("postgres://") || location.starts_with("postgresql://") {
        Err(StoreError::BadLocation {
            location: location.to_string(),
            reason: "read-only opening is for the embedded store; for PostgreSQL, connect as a \
                     role with only SELECT rights"
                .to_string(),
        })
    } else if location.trim().is_empty() {
        Err(StoreError::BadLocation {
            location: location.to_string(),
            reason: "empty location".to_string(),
        })
    } else {
        Ok(Box::new(SqliteStore::open_read_only(
            std::path::Path::new(location),
        )?))
    }
}

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The location string is neither a directory path nor a `postgres://` URL.
    #[error("bad store location {location:?}: {reason}")]
    BadLocation {
        /// The location as given.
        location: String,
        /// Why it was refused.
        reason: String,
    },
    /// The backend failed (I/O, database error); `context` says what was being done.
    #[error("store backend error while {context}: {message}")]
    Backend {
        /// What the store was doing.
        context: String,
        /// The backend's message.
        message: String,
    },
    /// Stored data could not be read back (corruption or a newer schema).
    #[error("stored data unreadable ({what}): {message}")]
    Corrupt {
        /// Which record.
        what: String,
        /// Why.
        message: String,
    },
    /// A query was malformed (bad date, limit out of range, ...).
    #[error("bad query: {0}")]
    BadQuery(String),
    /// The store exists but cannot be written here (permissions, a read-only disk); it can still
    /// be opened with [`open_read_only`].
    #[error("store {location:?} is not writable: {reason}")]
    NotWritable {
        /// The location as given.
        location: String,
        /// Why, and what to do.
        reason: String,
    },
    /// A write (ingest) was asked of a store opened with [`open_read_only`].
    #[error("the store {location} was opened read-only: documents cannot be added to it")]
    ReadOnly {
        /// The store's database.
        location: String,
    },
}

/// What happened to one input document during ingest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IngestOutcome {
    /// New document, stored.
    Added,
    /// Same bytes (sha256) already stored: skipped.
    Unchanged,
    /// Same id, different bytes: the old version was replaced.
    Replaced,
}

/// Progress of a running ingest, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IngestProgress {
    /// `done` of `total` input documents analysed and committed.
    Documents {
        /// Done so far.
        done: usize,
        /// Total.
        total: usize,
    },
    /// `done` of `total` stored documents re-analysed because this build's analyser differs
    /// from the one that analysed them.
    Reanalysing {
        /// Done so far.
        done: usize,
        /// Total.
        total: usize,
    },
    /// Rebuilding the cross-document picture.
    Assembling,
    /// Writing the picture and search index.
    Indexing,
}

/// The result of an ingest.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IngestReport {
    /// Each input document id with its outcome, in input order.
    pub documents: Vec<(String, IngestOutcome)>,
    /// Problems met while analysing (the documents were still stored).
    pub diagnostics: Vec<Diagnostic>,
    /// Picture version after the ingest (grows by one per picture rebuild).
    pub version: u64,
}

/// A stored document with its full text.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredDocument {
    /// The document as in the picture (`text` is `Some`).
    pub document: Document,
    /// When it was stored (RFC 3339, UTC).
    pub ingested_at: String,
}

/// One line of the document list.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocumentSummary {
    /// Id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Size of the raw input in bytes.
    pub bytes: usize,
    /// sha256 of the raw input.
    pub sha256: String,
}

/// A full-text query with filters; every filter is optional.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SearchQuery {
    /// Words to find (Arabic-aware: normalised, clitics and light stemming). Empty: filters only.
    pub text: String,
    /// Only sentences mentioning this entity id.
    pub entity: Option<String>,
    /// Only sentences that tell an event of this PLOVER type.
    pub event_type: Option<String>,
    /// Only documents from this outlet.
    pub outlet: Option<String>,
    /// Only documents published on or after this ISO date.
    pub from: Option<String>,
    /// Only documents published on or before this ISO date.
    pub to: Option<String>,
    /// At most this many hits (the backend caps it).
    pub limit: usize,
    /// Skip this many hits (paging).
    pub offset: usize,
}

/// One sentence that matched.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SearchHit {
    /// The sentence (offsets into its document's text).
    pub sentence: Evidence,
    /// Matched words, as byte ranges into the document text (inside the sentence).
    pub highlights: Vec<(usize, usize)>,
    /// Document title.
    pub title: Option<String>,
    /// Document outlet.
    pub outlet: Option<String>,
    /// Document publication date.
    pub published: Option<String>,
    /// Relevance (higher is better; comparable within one result list only).
    pub score: f64,
}

/// Search results, best first.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SearchResults {
    /// Number of matching sentences in all.
    pub total: usize,
    /// The requested page.
    pub hits: Vec<SearchHit>,
}

/// The storage interface every backend implements. Methods take `&self`: backends handle their own
/// locking, so readers can run while an ingest writes.
pub trait Store: Send + Sync {
    /// Adds documents (skipping stored bytes, replacing changed ids) and rebuilds the picture.
    fn ingest(
        &self,
        docs: Vec<SourceDocument>,
        progress: &mut dyn FnMut(IngestProgress),
    ) -> Result<IngestReport, StoreError>;
    /// The current picture version (0 for an empty store).
    fn version(&self) -> Result<u64, StoreError>;
    /// Whether every stored analysis was made by this build's analyser (false: the next ingest,
    /// even with no documents, re-analyses the stored documents).
    fn analyses_current(&self) -> Result<bool, StoreError>;
    /// The whole current picture (documents without text).
    fn picture(&self) -> Result<Picture, StoreError>;
    /// All stored documents, ordered by publication date then id.
    fn documents(&self) -> Result<Vec<DocumentSummary>, StoreError>;
    /// One document with its text, or `None`.
    fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError>;
    /// Arabic-aware full-text search over sentences.
    fn search(&self, query: &SearchQuery) -> Result<SearchResults, StoreError>;
    /// Verifies the stored data (SQLite: `PRAGMA integrity_check` and the full-text index;
    /// PostgreSQL: cross-table consistency); an error says what is wrong.
    fn check(&self) -> Result<(), StoreError> {
        Ok(())
    }
    /// Whether the store was opened read-only ([`open_read_only`]): every ingest is refused.
    fn read_only(&self) -> bool {
        false
    }
}
