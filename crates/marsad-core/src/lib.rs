//! The pipeline: documents in, picture out. Pure; no I/O.
