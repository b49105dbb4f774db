//! Ingest: files, folders, encodings, HTML and JSONL into plain-text documents with metadata.
//!
//! Every input becomes a [`SourceDocument`] whose `text` is what all offsets in the picture
//! index. For a UTF-8 `.txt` file without BOM the text is the file's bytes unchanged; otherwise
//! it is the decoded (and, for HTML, extracted) text. Nothing here panics on bad input: each
//! problem is an [`IngestError`] naming the file (and JSONL line), and the other inputs still load.

mod date;
mod decode;
mod error;
mod html;
mod jsonl;

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use date::{normalize_date, normalize_instant};
pub use error::{IngestError, Location};

use decode::{decode, sniff_html_charset, DecodeError};

/// Limits of ingest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestOptions {
    /// Largest single document in bytes: a `.txt`/`.html` file, or one JSONL line (JSONL files
    /// themselves are streamed, so a large corpus file is fine).
    pub max_bytes: u64,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_bytes: 16 * 1024 * 1024,
        }
    }
}

/// One article as read, before analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDocument {
    /// File stem, or the JSONL `id`.
    pub id: String,
    /// The path as given (for JSONL: `path#line`).
    pub source: String,
    /// Title from metadata, or a candidate first line of a `.txt`.
    pub title: Option<String>,
    /// The outlet (site name, JSONL `outlet`/`src`/`source`).
    pub outlet: Option<String>,
    /// The author, when the input names one.
    pub author: Option<String>,
    /// Publication date as `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Publication instant as `YYYY-MM-DDTHH:MM:SSZ` (UTC), when the input gives a time of day
    /// and zone; orders same-day reports for the comparison (never put in the picture).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<String>,
    /// SHA-256 (lower-case hex) of the raw input bytes; for JSONL, of that line's bytes.
    pub sha256: String,
    /// Size of the raw input in bytes (for JSONL, of that line).
    pub bytes: usize,
    /// The text all offsets index.
    pub text: String,
    /// How the input was decoded or extracted, when that was not plain UTF-8.
    pub warnings: Vec<String>,
}

/// The kinds of input ingest reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputKind {
    /// Plain text, one article.
    Txt,
    /// An HTML page, one article.
    Html,
    /// JSON Lines, one article per line.
    Jsonl,
}

impl InputKind {
    /// The kind a path's extension names (case-insensitive), if supported.
    pub fn from_path(path: &Path) -> Option<InputKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(InputKind::Txt),
            "html" | "htm" => Some(InputKind::Html),
            "jsonl" => Some(InputKind::Jsonl),
            _ => None,
        }
    }
}

/// Expands files and folders into the input files, in order: folders recursively, sorted by
/// path, skipping hidden entries and unsupported extensions; a named unsupported file is an error.
pub fn list_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<IngestError>) {
    let mut files = Vec::new();
    let mut errs = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for p in paths {
        let at = || Location::file(&p.display().to_string());
        match std::fs::metadata(p) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errs.push(IngestError::NotFound { at: at() })
            }
            Err(e) => errs.push(IngestError::Unreadable {
                at: at(),
                reason: e.to_string(),
            }),
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                let mut visited = std::collections::HashSet::new();
                walk(p, &mut found, &mut errs, &mut visited);
                found.sort();
                for f in found {
                    if seen.insert(canonical(&f)) {
                        files.push(f);
                    }
                }
            }
            Ok(_) => {
                if InputKind::from_path(p).is_none() {
                    errs.push(IngestError::Unsupported { at: at() });
                } else if seen.insert(canonical(p)) {
                    files.push(p.clone());
                }
            }
        }
    }
    (files, errs)
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

fn walk(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    errs: &mut Vec<IngestError>,
    visited: &mut std::collections::HashSet<PathBuf>,
) {
    // Symlinked folders can form cycles.
    if !visited.insert(canonical(dir)) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errs.push(IngestError::Unreadable {
                at: Location::file(&dir.display().to_string()),
                reason: e.to_string(),
            });
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                errs.push(IngestError::Unreadable {
                    at: Location::file(&dir.display().to_string()),
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, out, errs, visited),
            Ok(m) if m.is_file() && InputKind::from_path(&path).is_some() => out.push(path),
            // A dangling or looping link named like an article is an article the user expects
            // read; other unreadable entries (sockets, links to other kinds) are not inputs.
            Err(e) if InputKind::from_path(&path).is_some() => errs.push(IngestError::Unreadable {
                at: Location::file(&path.display().to_string()),
                reason: e.to_string(),
            }),
            _ => {}
        }
    }
}

/// Reads all inputs under `paths` (see [`list_inputs`]); errors do not stop the others.
pub fn read_paths(
    paths: &[PathBuf],
    opts: &IngestOptions,
) -> (Vec<SourceDocument>, Vec<IngestError>) {
    let (files, mut errs) = list_inputs(paths);
    let mut docs: Vec<SourceDocument> = Vec::new();
    let mut ids = UniqueIds::default();
    for f in &files {
        let (d, e) = read_file(f, opts);
        errs.extend(e);
        docs.extend(ids.admit(d, &mut errs));
    }
    (docs, errs)
}

/// The ids read so far in one run, and where each came from: a second document with an id
/// would silently replace the first in a store and mix the two in a picture, so it is refused.
#[derive(Debug, Default)]
pub struct UniqueIds {
    first: std::collections::HashMap<String, String>,
}

impl UniqueIds {
    /// `docs` without those whose id was already read; each one left out becomes an error.
    pub fn admit(
        &mut self,
        docs: Vec<SourceDocument>,
        errs: &mut Vec<IngestError>,
    ) -> Vec<SourceDocument> {
        let mut kept = Vec::with_capacity(docs.len());
        for doc in docs {
            match self.first.get(&doc.id) {
                Some(at) => errs.push(IngestError::DuplicateId {
                    at: source_location(&doc.source),
                    id: shown_id(&doc.id),
                    first: at.clone(),
                }),
                None => {
                    self.first.insert(doc.id.clone(), doc.source.clone());
                    kept.push(doc);
                }
            }
        }
        kept
    }
}

/// The location a document's `source` names: `file#N` is line N of a JSONL file.
fn source_location(source: &str) -> Location {
    match source.rsplit_once('#') {
        Some((file, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            Location::line(file, n.parse().unwrap_or(0))
        }
        _ => Location::file(source),
    }
}

/// Longest document id, in characters.
pub const MAX_ID_CHARS: usize = 200;

/// Whether `id` may name a document (and any picture item): 1–200 characters, none of them a
/// slash, backslash, whitespace or control character, not starting with a dot. So no id can
/// climb a path (`..`, `a/../b`) or smuggle a header or line break, while ids in any script
/// (`E:Q232`, `E:new:توكاييف`) pass.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('.')
        && id.chars().count() <= MAX_ID_CHARS
        && id
            .chars()
            .all(|c| !c.is_control() && !c.is_whitespace() && c != '/' && c != '\\')
}

/// `id` cut to 80 characters, for messages.
pub(crate) fn shown_id(id: &str) -> String {
    id.chars().take(80).collect()
}

/// Reads one file of a supported kind (by extension). JSONL files are streamed line by line.
pub fn read_file(path: &Path, opts: &IngestOptions) -> (Vec<SourceDocument>, Vec<IngestError>) {
    let name = path.display().to_string();
    let at = || Location::file(&name);
    let Some(kind) = InputKind::from_path(path) else {
        return (Vec::new(), vec![IngestError::Unsupported { at: at() }]);
    };
    let io_err = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::NotFound {
            IngestError::NotFound { at: at() }
        } else {
            IngestError::Unreadable {
                at: at(),
                reason: e.to_string(),
            }
        }
    };
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return (Vec::new(), vec![io_err(e)]),
    };
    if kind == InputKind::Jsonl {
        return match read_jsonl_stream(&name, file, opts) {
            Ok(r) => r,
            Err(e) => (Vec::new(), vec![io_err(e)]),
        };
    }
    if let Ok(m) = file.metadata() {
        if m.len() > opts.max_bytes {
            return (
                Vec::new(),
                vec![IngestError::TooLarge {
                    at: at(),
                    size: m.len(),
                    limit: opts.max_bytes,
                }],
            );
        }
    }
    let mut bytes = Vec::new();
    // `take` guards against files that grow, or report no size (pipes, /proc).
    if let Err(e) = file
        .take(opts.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        return (Vec::new(), vec![io_err(e)]);
    }
    parse_bytes(&name, kind, &bytes, opts)
}

/// Streams a JSONL file so that only one line at a time is held, each within `max_bytes`.
fn read_jsonl_stream(
    name: &str,
    file: File,
    opts: &IngestOptions,
) -> std::io::Result<(Vec<SourceDocument>, Vec<IngestError>)> {
    let mut r = BufReader::with_capacity(1 << 16, file);
    let head = r.fill_buf()?;
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        // UTF-16 cannot be split on b'\n': read it whole (bounded) and decode first.
        let mut bytes = Vec::new();
        r.take(opts.max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)?;
        if bytes.len() as u64 > opts.max_bytes {
            return Ok((
                Vec::new(),
                vec![IngestError::TooLarge {
                    at: Location::file(name),
                    size: bytes.len() as u64,
                    limit: opts.max_bytes,
                }],
            ));
        }
        return Ok(jsonl::parse_all(name, &bytes, opts));
    }
    let mut docs = Vec::new();
    let mut errs = Vec::new();
    let mut buf = Vec::new();
    let mut lineno = 0usize;
    loop {
        buf.clear();
        let n = (&mut r)
            .take(opts.max_bytes.saturating_add(2))
            .read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        lineno += 1;
        if !buf.ends_with(b"\n") && n as u64 > opts.max_bytes {
            let size = n as u64 + skip_line(&mut r)?;
            errs.push(IngestError::TooLarge {
                at: Location::line(name, lineno),
                size,
                limit: opts.max_bytes,
            });
            continue;
        }
        let mut line = jsonl::trim_eol(&buf);
        if lineno == 1 {
            line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
        }
        if jsonl::is_blank(line) {
            continue;
        }
        jsonl::push(
            jsonl::parse_line(name, lineno, line, opts),
            &mut docs,
            &mut errs,
            None,
        );
    }
    if docs.is_empty() && errs.is_empty() {
        errs.push(IngestError::Empty {
            at: Location::file(name),
        });
    }
    Ok((docs, errs))
}

/// Discards the rest of the current line; returns how many bytes that was.
fn skip_line(r: &mut impl BufRead) -> std::io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        match buf.iter().position(|b| *b == b'\n') {
            Some(i) => {
                r.consume(i + 1);
                return Ok(skipped + i as u64 + 1);
            }
            None => {
                let len = buf.len();
                r.consume(len);
                skipped += len as u64;
            }
        }
    }
}

/// Parses bytes already in memory; `name` stands for the file in ids, sources and errors.
/// Does no I/O (the HTTP API and the fuzz target call this).
pub fn parse_bytes(
    name: &str,
    kind: InputKind,
    bytes: &[u8],
    opts: &IngestOptions,
) -> (Vec<SourceDocument>, Vec<IngestError>) {
    if kind == InputKind::Jsonl {
        return jsonl::parse_all(name, bytes, opts);
    }
    match parse_single(name, kind, bytes, opts) {
        Ok(d) => (vec![d], Vec::new()),
        Err(e) => (Vec::new(), vec![e]),
    }
}

/// A `.txt` or `.html` file: one document.
fn parse_single(
    name: &str,
    kind: InputKind,
    bytes: &[u8],
    opts: &IngestOptions,
) -> Result<SourceDocument, IngestError> {
    let at = || Location::file(name);
    if bytes.len() as u64 > opts.max_bytes {
        return Err(IngestError::TooLarge {
            at: at(),
            size: bytes.len() as u64,
            limit: opts.max_bytes,
        });
    }
    if bytes.is_empty() {
        return Err(IngestError::Empty { at: at() });
    }
    let declared = match kind {
        InputKind::Html => sniff_html_charset(bytes),
        _ => None,
    };
    let decoded = decode(bytes, declared).map_err(|e| match e {
        DecodeError::Binary(detail) => IngestError::Binary { at: at(), detail },
        DecodeError::Encoding(detail) => IngestError::Encoding { at: at(), detail },
    })?;
    if decoded.text.trim().is_empty() {
        return Err(IngestError::Empty { at: at() });
    }
    let id = file_stem(name);
    if !valid_id(&id) {
        return Err(IngestError::BadId {
            at: at(),
            id: shown_id(&id),
        });
    }
    let mut doc = SourceDocument {
        id,
        source: name.to_string(),
        title: None,
        outlet: None,
        author: None,
        published: None,
        published_at: None,
        sha256: sha256_hex(bytes),
        bytes: bytes.len(),
        text: String::new(),
        warnings: decoded.warnings,
    };
    match kind {
        InputKind::Html => {
            let art =
                html::extract(&decoded.text).ok_or_else(|| IngestError::NoText { at: at() })?;
            doc.text = art.text;
            doc.title = art.title;
            doc.author = art.author;
            doc.outlet = art.outlet;
            doc.published = art.published;
            doc.warnings.extend(art.warnings);
        }
        _ => {
            doc.title = candidate_title(&decoded.text);
            doc.text = decoded.text.into_owned();
        }
    }
    Ok(doc)
}

/// The first non-empty line, if it reads like a headline: short and not ending a sentence.
pub fn candidate_title(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let short = line.chars().take(151).count() <= 150;
    (short && !line.ends_with(['.', ':', '؛', '،', ','])).then(|| line.to_string())
}

/// The document id of a file: its stem, with spaces and control characters written as `_` and
/// a leading dot dropped (`my news.txt` → `my_news`), so that every file gets an id the store and
/// the API can address.
fn file_stem(name: &str) -> String {
    let stem = Path::new(name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| name.to_string());
    stem.trim_start_matches('.')
        .chars()
        .map(|c| {
            if c.is_whitespace() || c.is_control() || c == '\\' {
                '_'
            } else {
                c
            }
        })
        .collect()
}

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        use std::fmt::Write;
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// The fuzz target's body: [`parse_bytes`] as every kind on arbitrary bytes, checking the
/// invariants ingest promises. Panics only when one of them is broken (that is its purpose).
#[doc(hidden)]
pub fn fuzz_one(data: &[u8]) {
    let opts = IngestOptions::default();
    for kind in [InputKind::Txt, InputKind::Html, InputKind::Jsonl] {
        let (docs, errs) = parse_bytes("fuzz/input.bin", kind, data, &opts);
        for e in &errs {
            assert!(
                e.to_string().starts_with("fuzz/input.bin"),
                "error must name the file: {e}"
            );
        }
        for d in &docs {
            assert_eq!(d.sha256.len(), 64);
            assert!(!d.text.trim().is_empty(), "a document must have text");
        }
        if kind != InputKind::Jsonl {
            assert_eq!(
                docs.len() + errs.len(),
                1,
                "one file is one document or one error"
            );
        }
        if kind == InputKind::Txt && !data.starts_with(b"\xEF\xBB\xBF") {
            if let (Ok(s), Some(d)) = (std::str::from_utf8(data), docs.first()) {
                assert_eq!(d.text, s, "UTF-8 text must be kept byte for byte");
            }
        }
    }
}
