//! One helper for the integration tests: a source document as ingest would make it.

use marsad_core::SourceDocument;

/// A document with id `id` and text `text`, published on `published` if given.
pub fn doc(id: &str, text: &str, published: Option<&str>) -> SourceDocument {
    SourceDocument {
        id: id.into(),
        source: "test".into(),
        title: None,
        outlet: None,
        author: None,
        published: published.map(str::to_string),
        published_at: None,
        sha256: String::new(),
        bytes: text.len(),
        text: text.into(),
        warnings: vec![],
    }
}
