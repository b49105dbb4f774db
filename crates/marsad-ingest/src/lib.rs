//! Ingest: files, folders, encodings, HTML and JSONL into plain-text documents with metadata.
