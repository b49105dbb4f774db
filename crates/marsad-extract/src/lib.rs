//! Extraction: figures, dates, and later events, relations and claims, from one document's text.
