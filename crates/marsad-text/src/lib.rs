//! Arabic text layer. Pure functions from text to structure; every result keeps byte offsets into
//! the original text.
//!
//! Invariant: every span this crate returns indexes the original text it was given, on char
//! boundaries.

pub mod clitic;
pub mod date;
pub mod normalize;
pub mod number;
pub mod script;
pub mod sentence;
pub mod token;

pub use clitic::{
    is_proclitic_marker, is_proclitic_sequence, segment, Clitic, CliticKind, CommonWords,
    EmptyLexicon, FunctionWords, Lexicon, Segmentation, UnionLexicon,
};
pub use date::{find_dates, DateMatch, Precision as DatePrecision};
pub use normalize::{fold_char, normalize_str, NormalizeOptions, Normalized};
pub use number::{counted_unit, find_numbers, Bound, CountedUnit, NumberMatch};
pub use sentence::{sentences, Span};
pub use token::{arabic_letter_share, tokenize, Token, TokenKind, Tokens};
