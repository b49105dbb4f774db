//! Tests on real sentences from the sample corpus.
