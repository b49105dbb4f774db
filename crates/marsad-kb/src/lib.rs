//! Knowledge base of actors (states, cities, organisations, leaders) and the gazetteer that finds them in text.
//!
//! The KB ships as `kb/entities.jsonl` (built by `marsad kb build` from public data, see `kb/SOURCES.md`)
//! and is compiled into the binary; [`Kb::builtin`] parses it once. [`Gazetteer`] finds KB names in
//! text (normalised, clitic-aware, longest match first) and [`link`] turns documents into the picture's
//! entities and relations.

pub mod build;
pub mod gazetteer;
pub mod link;
pub mod model;
pub mod text;

pub use gazetteer::{GazMatch, Gazetteer};
pub use link::{link, CandidateMention, DocInput, LinkOutput};
pub use model::{AliasKind, Class, Kb, KbEntry, Role, Target};

/// Errors of KB loading and building.
#[derive(Debug, thiserror::Error)]
pub enum KbError {
    /// A KB line is not a valid entry.
    #[error("kb line {line}: {source}")]
    Parse {
        /// 1-based line number.
        line: usize,
        /// The JSON error.
        source: serde_json::Error,
    },
    /// A source file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A source file has unexpected content.
    #[error("bad source data: {0}")]
    Data(String),
}
