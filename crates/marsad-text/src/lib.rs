//! Arabic text layer. Pure functions from text to structure; every result keeps byte offsets into
//! the original text.
//!
//! Invariant: every span this crate returns indexes the original text it was given, on char
//! boundaries.

pub mod date;
pub mod normalize;
pub mod number;

pub use date::{find_dates, DateMatch, Precision as DatePrecision};
pub use normalize::{fold_char, normalize_str, Normalized, NormalizeOptions};
pub use number::{counted_unit, find_numbers, Bound, CountedUnit, NumberMatch};
