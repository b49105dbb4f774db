//! Exports of the picture (`marsad.picture/1`) for analysts' tools: JSONL, CSV tables of events
//! and entities in GDELT/ACLED-like columns, GraphML for Gephi and Parquet for DuckDB/pandas.
//!
//! Pure: every format writes to a `&mut dyn std::io::Write`; nothing here touches the file system.
//! Column lists and how to open each format: `docs/exports.md`.

use std::fmt;
use std::io::Write;
use std::str::FromStr;

use marsad_picture::Picture;

mod graphml;
mod jsonl;
mod parquet_out;
mod tables;

pub use graphml::xml_safe;
pub use tables::{Column, ColumnType, ENTITY_COLUMNS, EVENT_COLUMNS, PEOPLE_UNITS};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One picture object per line, tagged by `"record"`, schema line first.
    Jsonl,
    /// One row per event (CSV, RFC 4180).
    EventsCsv,
    /// One row per entity (CSV, RFC 4180).
    EntitiesCsv,
    /// Actors as nodes, relations and events as edges (GraphML).
    Graphml,
    /// The events table as Parquet.
    EventsParquet,
    /// The entities table as Parquet.
    EntitiesParquet,
}

/// Options of an export; [`Default`] is what [`Format::write`] uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportOptions {
    /// Start CSV output with a UTF-8 byte order mark, which Excel needs to read Arabic correctly.
    pub csv_bom: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions { csv_bom: true }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The output could not be written.
    #[error("writing export: {0}")]
    Io(#[from] std::io::Error),
    /// JSON serialisation failed.
    #[error("serialising JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// CSV writing failed.
    #[error("writing CSV: {0}")]
    Csv(#[from] csv::Error),
    /// Parquet encoding failed.
    #[error("writing Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
}

/// A format name that is not one of [`Format::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown export format {0:?} (expected one of: jsonl, events.csv, entities.csv, graphml, events.parquet, entities.parquet)")]
pub struct UnknownFormat(pub String);

impl Format {
    /// Every format, in documentation order.
    pub const ALL: [Format; 6] = [
        Format::Jsonl,
        Format::EventsCsv,
        Format::EntitiesCsv,
        Format::Graphml,
        Format::EventsParquet,
        Format::EntitiesParquet,
    ];

    /// The name [`FromStr`] accepts, also the file name suffix.
    pub fn name(&self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::EventsCsv => "events.csv",
            Format::EntitiesCsv => "entities.csv",
            Format::Graphml => "graphml",
            Format::EventsParquet => "events.parquet",
            Format::EntitiesParquet => "entities.parquet",
        }
    }

    /// File name extension without the leading dot (`events.csv` for a file `picture.events.csv`).
    pub fn extension(&self) -> &'static str {
        self.name()
    }

    /// MIME type for HTTP responses.
    pub fn content_type(&self) -> &'static str {
        match self {
            Format::Jsonl => "application/x-ndjson; charset=utf-8",
            Format::EventsCsv | Format::EntitiesCsv => "text/csv; charset=utf-8",
            Format::Graphml => "application/graphml+xml; charset=utf-8",
            Format::EventsParquet | Format::EntitiesParquet => "application/vnd.apache.parquet",
        }
    }

    /// Whether the output is binary (Parquet) rather than UTF-8 text.
    pub fn is_binary(&self) -> bool {
        matches!(self, Format::EventsParquet | Format::EntitiesParquet)
    }

    /// Writes `picture` in this format with default options (CSV with BOM).
    pub fn write(&self, picture: &Picture, w: &mut dyn Write) -> Result<(), ExportError> {
        self.write_with(picture, w, &ExportOptions::default())
    }

    /// Writes `picture` in this format.
    pub fn write_with(
        &self,
        picture: &Picture,
        w: &mut dyn Write,
        options: &ExportOptions,
    ) -> Result<(), ExportError> {
        match self {
            Format::Jsonl => jsonl::write(picture, w),
            Format::EventsCsv => tables::write_csv(&tables::events(picture), w, options),
            Format::EntitiesCsv => tables::write_csv(&tables::entities(picture), w, options),
            Format::Graphml => graphml::write(picture, w),
            Format::EventsParquet => parquet_out::write(&tables::events(picture), w),
            Format::EntitiesParquet => parquet_out::write(&tables::entities(picture), w),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().trim_start_matches('.');
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_is_typed() {
        for f in Format::ALL {
            assert_eq!(f.name().parse::<Format>(), Ok(f));
            assert_eq!(f.to_string(), f.name());
        }
        assert_eq!("EVENTS.CSV".parse::<Format>(), Ok(Format::EventsCsv));
        let err = "xlsx".parse::<Format>().unwrap_err();
        assert_eq!(err, UnknownFormat("xlsx".into()));
        assert!(err.to_string().contains("events.parquet"));
    }

    #[test]
    fn empty_picture_exports_in_every_format() {
        let p = Picture::new();
        for f in Format::ALL {
            let mut out = Vec::new();
            f.write(&p, &mut out).unwrap();
            assert!(!out.is_empty(), "{f} wrote nothing for an empty picture");
        }
    }
}
