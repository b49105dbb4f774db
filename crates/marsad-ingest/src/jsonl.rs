//! JSON Lines: one article per line, with the field names real corpora use.

use serde_json::{Map, Value};

use crate::decode::{decode, DecodeError};
use crate::error::{IngestError, Location};
use crate::{
    date::normalize_date, date::normalize_instant, html, sha256_hex, IngestOptions, SourceDocument,
};

const ID: &[&str] = &["id", "docno", "_id", "doc_id"];
const TEXT: &[&str] = &["text", "content", "body"];
const HTML: &[&str] = &["html"];
const TITLE: &[&str] = &["title", "headline"];
const OUTLET: &[&str] = &["outlet", "src", "source", "site_name"];
const PUBLISHED: &[&str] = &[
    "published",
    "time",
    "date",
    "published_at",
    "datePublished",
    "pubDate",
];
const AUTHOR: &[&str] = &["author", "authors", "byline"];

/// Reads one JSONL line (without its line terminator) into a document.
pub(crate) fn parse_line(
    file: &str,
    lineno: usize,
    line: &[u8],
    opts: &IngestOptions,
) -> Result<SourceDocument, IngestError> {
    let at = || Location::line(file, lineno);
    if line.len() as u64 > opts.max_bytes {
        return Err(IngestError::TooLarge {
            at: at(),
            size: line.len() as u64,
            limit: opts.max_bytes,
        });
    }
    let decoded = decode(line, None).map_err(|e| match e {
        DecodeError::Binary(detail) => IngestError::Binary { at: at(), detail },
        DecodeError::Encoding(detail) => IngestError::Encoding { at: at(), detail },
    })?;
    let mut warnings = decoded.warnings;
    let value: Value = serde_json::from_str(&decoded.text).map_err(|e| IngestError::Json {
        at: at(),
        message: json_message(&e),
    })?;
    let Value::Object(obj) = value else {
        return Err(IngestError::Json {
            at: at(),
            message: format!("expected an object, found {}", kind_of(&value)),
        });
    };
    let id = field(&obj, ID).ok_or(IngestError::MissingField {
        at: at(),
        field: "id",
        accepted: "id, docno, _id, doc_id",
    })?;
    if !crate::valid_id(&id) {
        return Err(IngestError::BadId {
            at: at(),
            id: crate::shown_id(&id),
        });
    }
    let mut title = field(&obj, TITLE);
    let mut outlet = field(&obj, OUTLET);
    let mut author = field(&obj, AUTHOR);
    let mut published = None;
    let mut published_at = None;
    if let Some(raw) = field(&obj, PUBLISHED) {
        published = normalize_date(&raw);
        published_at = normalize_instant(&raw);
        if published.is_none() {
            warnings.push(format!(
                "publication date {raw:?} not understood; left empty"
            ));
        }
    }
    let text = match raw_field(&obj, TEXT) {
        Some(t) if !t.trim().is_empty() => t.to_string(),
        present => match raw_field(&obj, HTML) {
            Some(h) => {
                let art = html::extract(h).ok_or_else(|| IngestError::NoText { at: at() })?;
                title = title.or(art.title);
                outlet = outlet.or(art.outlet);
                author = author.or(art.author);
                published = published.or(art.published);
                warnings.extend(art.warnings);
                art.text
            }
            None if present.is_some() => return Err(IngestError::Empty { at: at() }),
            None => {
                return Err(IngestError::MissingField {
                    at: at(),
                    field: "text",
                    accepted: "text, content, body, or html",
                })
            }
        },
    };
    if text.contains('\0') {
        return Err(IngestError::Binary {
            at: at(),
            detail: "the article text contains NUL characters".to_string(),
        });
    }
    Ok(SourceDocument {
        id,
        source: format!("{file}#{lineno}"),
        title,
        outlet,
        author,
        published,
        published_at,
        sha256: sha256_hex(line),
        bytes: line.len(),
        text,
        warnings,
    })
}

/// Reads every non-blank line of a whole JSONL buffer.
pub(crate) fn parse_all(
    file: &str,
    bytes: &[u8],
    opts: &IngestOptions,
) -> (Vec<SourceDocument>, Vec<IngestError>) {
    let mut docs = Vec::new();
    let mut errs = Vec::new();
    // A UTF-16 file must be decoded whole before it can be split into lines.
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if enc != encoding_rs::UTF_8 {
            match enc.decode_without_bom_handling_and_without_replacement(&bytes[bom_len..]) {
                Some(text) => {
                    let note = format!("the JSONL file was decoded from {}", enc.name());
                    for_each_line(text.as_bytes(), |n, line| {
                        push(
                            parse_line(file, n, line, opts),
                            &mut docs,
                            &mut errs,
                            Some(&note),
                        )
                    });
                }
                None => errs.push(IngestError::Encoding {
                    at: Location::file(file),
                    detail: format!(
                        "starts with a {} byte-order mark but is not valid {}",
                        enc.name(),
                        enc.name()
                    ),
                }),
            }
            finish(file, &docs, &mut errs);
            return (docs, errs);
        }
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    for_each_line(body, |n, line| {
        push(parse_line(file, n, line, opts), &mut docs, &mut errs, None)
    });
    finish(file, &docs, &mut errs);
    (docs, errs)
}

/// A file with no article line at all is reported as empty.
fn finish(file: &str, docs: &[SourceDocument], errs: &mut Vec<IngestError>) {
    if docs.is_empty() && errs.is_empty() {
        errs.push(IngestError::Empty {
            at: Location::file(file),
        });
    }
}

pub(crate) fn push(
    r: Result<SourceDocument, IngestError>,
    docs: &mut Vec<SourceDocument>,
    errs: &mut Vec<IngestError>,
    note: Option<&str>,
) {
    match r {
        Ok(mut d) => {
            if let Some(n) = note {
                d.warnings.push(n.to_string());
            }
            docs.push(d)
        }
        Err(e) => errs.push(e),
    }
}

/// Calls `f(line_number, line)` for each non-blank line, without its `\n` or `\r\n`.
fn for_each_line(bytes: &[u8], mut f: impl FnMut(usize, &[u8])) {
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let line = trim_eol(line);
        if !is_blank(line) {
            f(i + 1, line);
        }
    }
}

pub(crate) fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

pub(crate) fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| b.is_ascii_whitespace())
}

fn raw_field<'a>(obj: &'a Map<String, Value>, names: &[&str]) -> Option<&'a str> {
    names.iter().find_map(|n| obj.get(*n)?.as_str())
}

/// The first of `names` present as a non-empty string, number, or list of strings.
fn field(obj: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| match obj.get(*n)? {
        Value::String(s) => {
            let t = s.trim();
            (!t.is_empty()).then(|| t.to_string())
        }
        Value::Number(x) => Some(x.to_string()),
        Value::Array(items) => {
            let parts: Vec<&str> = items
                .iter()
                .filter_map(|v| v.as_str().map(str::trim).filter(|s| !s.is_empty()))
                .collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    })
}

/// serde_json's message, with its position given as a column: "line 1" would clash with the
/// JSONL line number the error already names.
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match full.strip_suffix(&suffix) {
        Some(msg) if e.line() == 1 => format!("{msg} (column {})", e.column()),
        _ => full,
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
