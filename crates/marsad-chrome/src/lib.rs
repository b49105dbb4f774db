//! Site chrome detection: finds comment prompts, share bars, related-news lists and footers in article text.
