//! Errors of ingest: each names the file (and the JSONL line) it is about.

use std::fmt;

/// Where an error happened: a file, and for JSONL the 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file as the user named it (or the name given to `parse_bytes`).
    pub file: String,
    /// 1-based line number inside a JSONL file.
    pub line: Option<usize>,
}

impl Location {
    /// A whole file.
    pub fn file(file: &str) -> Location {
        Location {
            file: file.to_string(),
            line: None,
        }
    }

    /// One line of a JSONL file.
    pub fn line(file: &str, line: usize) -> Location {
        Location {
            file: file.to_string(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(n) => write!(f, "{}, line {}", self.file, n),
            None => f.write_str(&self.file),
        }
    }
}

/// Why an input (file or JSONL line) could not be read into a document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    /// The path does not exist.
    #[error("{at}: no such file or folder")]
    NotFound {
        /// The missing path.
        at: Location,
    },
    /// The operating system refused to read it.
    #[error("{at}: could not be read: {reason}")]
    Unreadable {
        /// The file.
        at: Location,
        /// The operating system's message.
        reason: String,
    },
    /// A file named explicitly whose extension is not one ingest reads.
    #[error("{at}: unsupported file type; expected .txt, .html, .htm or .jsonl")]
    Unsupported {
        /// The file.
        at: Location,
    },
    /// Nothing but whitespace (or nothing at all).
    #[error("{at}: has no text (empty or only whitespace)")]
    Empty {
        /// The file or line.
        at: Location,
    },
    /// Bigger than the configured limit.
    #[error("{at}: is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge {
        /// The file or line.
        at: Location,
        /// Its size in bytes (or at least this many, for a line cut short).
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// Looks like binary data rather than text.
    #[error("{at}: looks like binary data, not text ({detail})")]
    Binary {
        /// The file or line.
        at: Location,
        /// What gave it away.
        detail: String,
    },
    /// Not in an encoding ingest accepts.
    #[error(
        "{at}: unsupported text encoding: {detail}; expected UTF-8, UTF-16 with a byte-order mark, or Windows-1256"
    )]
    Encoding {
        /// The file or line.
        at: Location,
        /// What was found.
        detail: String,
    },
    /// A JSONL line that is not a JSON object.
    #[error("{at}: malformed JSON: {message}")]
    Json {
        /// The line.
        at: Location,
        /// The JSON parser's message.
        message: String,
    },
    /// A JSONL line without a required field.
    #[error("{at}: the article has no \"{field}\" field (accepted names: {accepted})")]
    MissingField {
        /// The line.
        at: Location,
        /// The missing field.
        field: &'static str,
        /// The names accepted for it.
        accepted: &'static str,
    },
    /// HTML in which no article text could be found.
    #[error("{at}: no article text could be extracted from the HTML")]
    NoText {
        /// The file or line.
        at: Location,
    },
    /// A document id the store and the API could not address.
    #[error(
        "{at}: document id {id:?} cannot be used: ids are 1-200 characters without slashes, backslashes, spaces or control characters, not starting with '.'"
    )]
    BadId {
        /// The file or line.
        at: Location,
        /// The id as given (cut to 80 characters).
        id: String,
    },
    /// A second document with an id already read in the same run: it would replace the first.
    #[error(
        "{at}: document id {id:?} is already used by {first}; skipped (ids must be unique: rename the file or change the id)"
    )]
    DuplicateId {
        /// The file or line of the second document.
        at: Location,
        /// The shared id.
        id: String,
        /// Where the first document with that id came from.
        first: String,
    },
}

impl IngestError {
    /// The file (and line) the error is about.
    pub fn location(&self) -> &Location {
        match self {
            IngestError::NotFound { at }
            | IngestError::Unreadable { at, .. }
            | IngestError::Unsupported { at }
            | IngestError::Empty { at }
            | IngestError::TooLarge { at, .. }
            | IngestError::Binary { at, .. }
            | IngestError::Encoding { at, .. }
            | IngestError::Json { at, .. }
            | IngestError::MissingField { at, .. }
            | IngestError::NoText { at }
            | IngestError::BadId { at, .. }
            | IngestError::DuplicateId { at, .. } => at,
        }
    }
}
