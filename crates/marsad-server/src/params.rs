//! Query-string validation: unknown or repeated parameters, out-of-range numbers and malformed
//! dates or ids are 400 errors that name the parameter.

use std::collections::HashMap;

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;

use crate::error::ApiError;
use crate::views::{valid_id, valid_iso_date};

/// Longest free-text parameter (`q`), in chars.
pub const MAX_TEXT_CHARS: usize = 500;

/// Largest `offset` accepted by paged endpoints.
pub const MAX_OFFSET: usize = 100_000;

/// The query parameters of one request, each at most once.
#[derive(Debug, Default)]
pub struct Params(HashMap<String, String>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Query(pairs) = Query::<Vec<(String, String)>>::from_request_parts(parts, state)
            .await
            .map_err(|e| ApiError::bad_request(format!("malformed query string: {e}")))?;
        let mut map = HashMap::with_capacity(pairs.len());
        for (k, v) in pairs {
            if map.contains_key(&k) {
                return Err(ApiError::bad_request(format!(
                    "query parameter {k:?} given more than once"
                )));
            }
            map.insert(k, v);
        }
        Ok(Params(map))
    }
}

impl Params {
    /// Refuses any parameter not in `allowed`.
    pub fn allow(&self, allowed: &[&str]) -> Result<(), ApiError> {
        let mut unknown: Vec<&str> = self
            .0
            .keys()
            .map(String::as_str)
            .filter(|k| !allowed.contains(k))
            .collect();
        unknown.sort_unstable();
        match unknown.first() {
            None => Ok(()),
            Some(k) if allowed.is_empty() => Err(ApiError::bad_request(format!(
                "unknown query parameter {k:?}: this endpoint takes none"
            ))),
            Some(k) => Err(ApiError::bad_request(format!(
                "unknown query parameter {k:?}; expected one of: {}",
                allowed.join(", ")
            ))),
        }
    }

    /// A free-text parameter, trimmed; empty counts as absent.
    pub fn text(&self, name: &str) -> Result<Option<String>, ApiError> {
        let Some(v) = self.0.get(name) else {
            return Ok(None);
        };
        // The query string decoder writes bytes that are not UTF-8 as U+FFFD: refuse them rather
        // than search for a replacement character (which matches nothing, so everything).
        if v.contains('\u{FFFD}') {
            return Err(ApiError::bad_request(format!(
                "query parameter {name:?} is not valid UTF-8 (percent-encode the UTF-8 bytes of the text)"
            )));
        }
        if v.chars().count() > MAX_TEXT_CHARS {
            return Err(ApiError::bad_request(format!(
                "query parameter {name:?} is longer than {MAX_TEXT_CHARS} characters"
            )));
        }
        // Control characters are noise in a search box, not an attack on anything here.
        let cleaned: String = v
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let t = cleaned.trim();
        Ok((!t.is_empty()).then(|| t.to_string()))
    }

    /// The raw value of a typed parameter; present but empty is an error (the schema says what
    /// the value must be, and "" is none of those).
    fn typed(&self, name: &str) -> Result<Option<&str>, ApiError> {
        match self.0.get(name) {
            None => Ok(None),
            Some(v) if v.is_empty() => Err(ApiError::bad_request(format!(
                "query parameter {name:?} is empty: leave it out or give a value"
            ))),
            Some(v) => Ok(Some(v.as_str())),
        }
    }

    /// An id parameter (entity id): must pass [`valid_id`].
    pub fn id(&self, name: &str) -> Result<Option<String>, ApiError> {
        match self.typed(name)? {
            None => Ok(None),
            Some(v) if valid_id(v) => Ok(Some(v.to_string())),
            Some(v) => Err(ApiError::bad_request(format!(
                "query parameter {name:?} is not a valid id: {:?} (ids are 1-200 characters without slashes, backslashes, spaces or control characters, not starting with '.')",
                truncate(v, 80)
            ))),
        }
    }

    /// An ISO date parameter (`2022`, `2022-01`, `2022-01-06`).
    pub fn date(&self, name: &str) -> Result<Option<String>, ApiError> {
        match self.typed(name)? {
            None => Ok(None),
            Some(v) if valid_iso_date(v) => Ok(Some(v.to_string())),
            Some(v) => Err(ApiError::bad_request(format!(
                "query parameter {name:?} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {:?}",
                truncate(v, 40)
            ))),
        }
    }

    /// A whole-number parameter in `min..=max`, `default` when absent.
    pub fn number(
        &self,
        name: &str,
        default: usize,
        min: usize,
        max: usize,
    ) -> Result<usize, ApiError> {
        let Some(v) = self.typed(name)? else {
            return Ok(default);
        };
        let n: usize = v.parse().map_err(|_| {
            ApiError::bad_request(format!(
                "query parameter {name:?} must be a whole number from {min} to {max}, got {:?}",
                truncate(v, 40)
            ))
        })?;
        if n < min || n > max {
            return Err(ApiError::bad_request(format!(
                "query parameter {name:?} must be from {min} to {max}, got {n}"
            )));
        }
        Ok(n)
    }

    /// The `from` and `to` dates; a reversed range is not an error, it just matches nothing.
    pub fn date_range(&self) -> Result<(Option<String>, Option<String>), ApiError> {
        Ok((self.date("from")?, self.date("to")?))
    }

    /// A parameter that must be one of `choices` (compared ignoring ASCII case), given back as
    /// spelled in `choices`.
    pub fn choice(
        &self,
        name: &str,
        choices: &[&'static str],
    ) -> Result<Option<&'static str>, ApiError> {
        let Some(v) = self.typed(name)? else {
            return Ok(None);
        };
        choices
            .iter()
            .find(|c| c.eq_ignore_ascii_case(v.trim()))
            .map(|c| Some(*c))
            .ok_or_else(|| {
                ApiError::bad_request(format!(
                    "query parameter {name:?} must be one of {}, got {:?}",
                    choices.join(", "),
                    truncate(v, 40)
                ))
            })
    }
}

/// The first `max` chars of `s`, for echoing bad input back safely.
pub fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Params {
        Params(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn typed_parameters_name_themselves_when_wrong() {
        let p = params(&[("limit", ""), ("from", "2022-13"), ("entity", "../x")]);
        assert!(p
            .number("limit", 5, 1, 10)
            .unwrap_err()
            .message
            .contains("limit"));
        assert!(p.date("from").unwrap_err().message.contains("from"));
        assert!(p.id("entity").unwrap_err().message.contains("entity"));
        assert_eq!(p.number("offset", 7, 0, 10).unwrap(), 7);
        let p = params(&[("limit", "11")]);
        assert!(p.number("limit", 5, 1, 10).is_err());
        assert!(p.allow(&["q"]).unwrap_err().message.contains("limit"));
    }

    #[test]
    fn free_text_is_cleaned_not_refused() {
        let p = params(&[("q", " كازاخستان\u{c}"), ("empty", "  ")]);
        assert_eq!(p.text("q").unwrap().as_deref(), Some("كازاخستان"));
        assert_eq!(p.text("empty").unwrap(), None);
        let p = params(&[("q", &"ب".repeat(MAX_TEXT_CHARS + 1))]);
        assert!(p.text("q").is_err());
        // Bytes that were not UTF-8 (the decoder made them U+FFFD) are refused, naming q.
        let p = params(&[("q", "\u{FFFD}")]);
        assert!(p.text("q").unwrap_err().message.contains("UTF-8"));
    }

    #[test]
    fn choices_ignore_case_and_refuse_the_rest() {
        let p = params(&[("type", "gpe"), ("bad", "ALIEN"), ("empty", "")]);
        let types = &["PER", "GPE"];
        assert_eq!(p.choice("type", types).unwrap(), Some("GPE"));
        assert!(p
            .choice("bad", types)
            .unwrap_err()
            .message
            .contains("PER, GPE"));
        assert!(p.choice("empty", types).is_err());
        assert_eq!(p.choice("absent", types).unwrap(), None);
    }
}
