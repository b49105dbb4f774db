//! The embedded backend: one SQLite file (`marsad.sqlite`) in a data directory, in WAL mode with
//! `synchronous=FULL`, so a committed transaction survives `kill -9` and power loss, and readers
//! (other connections, other processes) run while one writer writes.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OpenFlags, OptionalExtension};

use crate::common::{self, Analyses, Engine, Known, PreparedDoc, State, Tag};
use crate::{
    DocumentSummary, IngestProgress, IngestReport, SearchHit, SearchQuery, SearchResults, Store,
    StoreError, StoredDocument, SCHEMA_VERSION,
};
use marsad_ingest::SourceDocument;
use marsad_picture::{Evidence, Picture};

/// File name of the database inside the data directory.
pub const DB_FILE: &str = "marsad.sqlite";

/// Idle read connections kept for reuse.
const MAX_IDLE_READERS: usize = 8;

const SCHEMA: &str = r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE docs (
    id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    source TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    author TEXT,
    published TEXT,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX docs_sha256 ON docs(sha256);
CREATE INDEX docs_published ON docs(published, id);
CREATE INDEX docs_outlet ON docs(outlet);
CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES docs(id),
    b_start INTEGER NOT NULL,
    b_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    ntok INTEGER NOT NULL
);
CREATE INDEX sentences_doc ON sentences(doc, b_start);
CREATE VIRTUAL TABLE sentence_fts USING fts5(terms, content='', contentless_delete=1, tokenize='ascii');
CREATE TABLE sentence_tags (sentence INTEGER NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL);
CREATE INDEX sentence_tags_value ON sentence_tags(kind, value, sentence);
CREATE INDEX sentence_tags_sentence ON sentence_tags(sentence);
CREATE TABLE picture (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL, json TEXT NOT NULL);
"#;

/// The embedded store.
pub struct SqliteStore {
    path: PathBuf,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
    /// Set for a store opened with [`SqliteStore::open_read_only`]: the `file:` URI every
    /// connection opens (immutable, read-only), and every write is refused.
    read_only: Option<String>,
}

fn sql_err(path: &Path, context: &str) -> impl FnOnce(rusqlite::Error) -> StoreError {
    let context = format!("{context} ({})", path.display());
    move |e| {
        if let rusqlite::Error::SqliteFailure(f, _) = &e {
            if matches!(
                f.code,
                rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt
            ) {
                return StoreError::Corrupt {
                    what: context,
                    message: e.to_string(),
                };
            }
        }
        StoreError::Backend {
            context,
            message: e.to_string(),
        }
    }
}

/// A `file:` URI for `path` with `immutable=1`: read-only, no locks, no `-wal`/`-shm` files.
fn immutable_uri(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut uri = String::from("file:");
    for b in abs.to_string_lossy().bytes() {
        // Percent-encode what a URI path may not hold as is (SQLite decodes %HH).
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?immutable=1");
    uri
}

fn open_uri(uri: &str, path: &Path) -> Result<Connection, StoreError> {
    Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(sql_err(path, "opening the database read-only"))
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn to_usize(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// Refuses a file that exists, is not empty and is not an SQLite database, before SQLite touches it.
fn check_header(file: &Path) -> Result<(), StoreError> {
    let mut f = match std::fs::File::open(file) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(StoreError::Backend {
                context: format!("opening {}", file.display()),
                message: e.to_string(),
            })
        }
    };
    let mut head = [0u8; 16];
    let mut got = 0;
    while got < head.len() {
        match f.read(&mut head[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) => {
                return Err(StoreError::Backend {
                    context: format!("reading {}", file.display()),
                    message: e.to_string(),
                })
            }
        }
    }
    if got == 0 || &head[..got] == b"SQLite format 3\0" {
        return Ok(());
    }
    Err(StoreError::Corrupt {
        what: file.display().to_string(),
        message: "not an SQLite database (bad header); the file was left untouched".to_string(),
    })
}

impl SqliteStore {
    /// Opens or creates the store in directory `dir`.
    pub fn open(dir: &Path) -> Result<SqliteStore, StoreError> {
        let shown = dir.display().to_string();
        match std::fs::metadata(dir) {
            Ok(m) if !m.is_dir() => {
                return Err(StoreError::BadLocation {
                    location: shown,
                    reason: "exists and is not a directory".to_string(),
                })
            }
            Ok(_) => {}
            Err(_) => std::fs::create_dir_all(dir).map_err(|e| StoreError::BadLocation {
                location: shown.clone(),
                reason: format!("cannot create the data directory: {e}"),
            })?,
        }
        let path = dir.join(DB_FILE);
        check_header(&path)?;
        let conn = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(sql_err(&path, "opening the database"))?;
        conn.busy_timeout(std::time::Duration::from_secs(120))
            .map_err(sql_err(&path, "configuring the database"))?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .map_err(|e| {
                // A store copied read-only or owned by another user (user audit): say what is
                // needed rather than SQLite's "attempt to write a readonly database".
                if e.to_string().contains("readonly") {
                    StoreError::NotWritable {
                        location: shown.clone(),
                        reason: format!(
                            "{} cannot be written: every command, export and serve included, \
                             needs write access to the data directory and its database (SQLite \
                             keeps its write-ahead log and index beside it); \
                             read it with --read-only, or copy the directory somewhere \
                             writable ({e})",
                            path.display()
                        ),
                    }
                } else {
                    sql_err(&path, "switching to WAL mode")(e)
                }
            })?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Backend {
                context: format!("switching to WAL mode ({})", path.display()),
                message: format!("journal mode is {mode}"),
            });
        }
        conn.execute_batch(
            "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA journal_size_limit=67108864;",
        )
        .map_err(sql_err(&path, "configuring the database"))?;
        init_schema(&conn, &path)?;
        Ok(SqliteStore {
            path,
            writer: Mutex::new(conn),
            readers: Mutex::new(Vec::new()),
            read_only: None,
        })
    }

    /// Opens an existing store in directory `dir` for reading only, writing nothing at all (not
    /// even SQLite's write-ahead log or its index): for a store on a read-only disk, copied
    /// without write permission, or kept as an archive. Ingest is refused with
    /// [`StoreError::ReadOnly`].
    ///
    /// SQLite's `immutable` mode reads the database file alone, so a store whose last writer did
    /// not finish (a non-empty `marsad.sqlite-wal` beside it) is refused: its latest changes are in
    /// that log and would be silently missing.
    pub fn open_read_only(dir: &Path) -> Result<SqliteStore, StoreError> {
        let shown = dir.display().to_string();
        let path = dir.join(DB_FILE);
        if !path.is_file() {
            return Err(StoreError::BadLocation {
                location: shown,
                reason: format!("no store to read: {} does not exist", path.display()),
            });
        }
        check_header(&path)?;
        let wal = dir.join(format!("{DB_FILE}-wal"));
        if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
            return Err(StoreError::BadLocation {
                location: shown,
                reason: format!(
                    "{} holds changes not yet folded into the database (its last writer did not \
                     close it); open the store once with write access (any command, e.g. \
                     `marsad ingest --data DIR` with no paths) before reading it read-only",
                    wal.display()
                ),
            });
        }
        let uri = immutable_uri(&path);
        let conn = open_uri(&uri, &path)?;
        init_schema(&conn, &path)?;
        Ok(SqliteStore {
            path,
            writer: Mutex::new(conn),
            readers: Mutex::new(Vec::new()),
            read_only: Some(uri),
        })
    }

    /// Whether the store was opened read-only.
    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    fn refuse_if_read_only(&self) -> Result<(), StoreError> {
        match self.read_only {
            Some(_) => Err(StoreError::ReadOnly {
                location: self.path.display().to_string(),
            }),
            None => Ok(()),
        }
    }

    /// Path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn write<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.refuse_if_read_only()?;
        let conn = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        f(&conn)
    }

    fn read<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let pooled = self.readers.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let conn = match pooled {
            Some(c) => c,
            None if self.read_only.is_some() => {
                open_uri(self.read_only.as_deref().unwrap_or_default(), &self.path)?
            }
            None => {
                let c = Connection::open_with_flags(
                    &self.path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )
                .map_err(sql_err(&self.path, "opening a read connection"))?;
                c.busy_timeout(std::time::Duration::from_secs(30))
                    .map_err(sql_err(&self.path, "configuring a read connection"))?;
                c
            }
        };
        let out = f(&conn);
        let mut pool = self.readers.lock().unwrap_or_else(|e| e.into_inner());
        if pool.len() < MAX_IDLE_READERS {
            pool.push(conn);
        }
        out
    }
}

impl Drop for SqliteStore {
    fn drop(&mut self) {
        // Read-only connections cannot checkpoint: close them first, so the writer closes last
        // and folds the write-ahead log back into the database file.
        self.readers
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

fn init_schema(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let tx = conn
        .unchecked_transaction()
        .map_err(sql_err(path, "reading the schema"))?;
    conn.execute_batch("SELECT 1 FROM sqlite_master LIMIT 1")
        .map_err(sql_err(path, "reading the schema"))?;
    let has_meta: bool = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .map_err(sql_err(path, "reading the schema"))?
        > 0;
    if has_meta {
        let v: Option<i64> = conn
            .query_row(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(sql_err(path, "reading the schema version"))?;
        return match v {
            Some(SCHEMA_VERSION) => Ok(()),
            Some(v) => Err(StoreError::Corrupt {
                what: path.display().to_string(),
                message: format!(
                    "schema version {v}, but this build reads version {SCHEMA_VERSION}"
                ),
            }),
            None => Err(StoreError::Corrupt {
                what: path.display().to_string(),
                message: "no schema version in table meta".to_string(),
            }),
        };
    }
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(sql_err(path, "reading the schema"))?;
    if tables > 0 {
        return Err(StoreError::BadLocation {
            location: path.display().to_string(),
            reason: "an SQLite database that is not a Marsad store".to_string(),
        });
    }
    // A writer elsewhere may be creating the schema at the same moment: take the write lock first.
    drop(tx);
    conn.execute_batch("BEGIN IMMEDIATE")
        .map_err(sql_err(path, "creating the schema"))?;
    let res = (|| {
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if tables == 0 {
            conn.execute_batch(SCHEMA)?;
            conn.execute(
                "INSERT INTO meta(key, value) VALUES ('schema_version', ?1), ('docs_gen', 0), ('picture_gen', 0), ('version', 0)",
                params![SCHEMA_VERSION],
            )?;
        }
        conn.execute_batch("COMMIT")
    })();
    if res.is_err() {
        let _ = conn.execute_batch("ROLLBACK");
    }
    res.map_err(sql_err(path, "creating the schema"))?;
    init_schema_check(conn, path)
}

fn init_schema_check(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let v: i64 = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .map_err(sql_err(path, "reading the schema version"))?;
    if v != SCHEMA_VERSION {
        return Err(StoreError::Corrupt {
            what: path.display().to_string(),
            message: format!("schema version {v}, but this build reads version {SCHEMA_VERSION}"),
        });
    }
    Ok(())
}

fn read_state(conn: &Connection) -> rusqlite::Result<State> {
    let mut st = State {
        docs_gen: 0,
        picture_gen: 0,
        version: 0,
        analysis_fp: None,
    };
    let mut stmt = conn.prepare_cached("SELECT key, value FROM meta")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let k: String = r.get(0)?;
        let v: i64 = r.get(1)?;
        match k.as_str() {
            "docs_gen" => st.docs_gen = v,
            "picture_gen" => st.picture_gen = v,
            "version" => st.version = v,
            "analysis_fp" => st.analysis_fp = Some(v),
            _ => {}
        }
    }
    Ok(st)
}

/// Runs `f` in an IMMEDIATE transaction (the write lock is taken up front, so two writers never
/// deadlock on an upgrade), rolling back on any error.
fn in_write_tx<T>(
    conn: &Connection,
    f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    conn.execute_batch("BEGIN IMMEDIATE")?;
    match f(conn) {
        Ok(v) => {
            if let Err(e) = conn.execute_batch("COMMIT") {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(e);
            }
            Ok(v)
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

/// A read transaction: one consistent snapshot for several statements.
fn in_read_tx<T>(
    conn: &Connection,
    f: impl FnOnce(&Connection) -> rusqlite::Result<T>,
) -> rusqlite::Result<T> {
    conn.execute_batch("BEGIN")?;
    let out = f(conn);
    let _ = conn.execute_batch("COMMIT");
    out
}

impl Engine for SqliteStore {
    fn lookup(&self, ids: &[&str], shas: &[&str]) -> Result<Known, StoreError> {
        let p = &self.path;
        self.read(|c| {
            in_read_tx(c, |c| {
                let mut by_id = HashMap::new();
                let mut by_sha = HashMap::new();
                let mut s = c.prepare_cached("SELECT sha256 FROM docs WHERE id = ?1")?;
                for id in ids {
                    if let Some(sha) = s.query_row([id], |r| r.get::<_, String>(0)).optional()? {
                        by_id.insert((*id).to_string(), sha);
                    }
                }
                let mut s = c.prepare_cached("SELECT id FROM docs WHERE sha256 = ?1 LIMIT 1")?;
                for sha in shas {
                    if let Some(id) = s.query_row([sha], |r| r.get::<_, String>(0)).optional()? {
                        by_sha.insert((*sha).to_string(), id);
                    }
                }
                Ok((by_id, by_sha))
            })
            .map_err(sql_err(p, "looking up stored documents"))
        })
    }

    fn commit_batch(&self, docs: &[PreparedDoc]) -> Result<(), StoreError> {
        let p = &self.path;
        self.write(|c| {
            in_write_tx(c, |c| {
                for d in docs {
                    c.prepare_cached(
                        "DELETE FROM sentence_tags WHERE sentence IN (SELECT id FROM sentences WHERE doc = ?1)",
                    )?
                    .execute([&d.id])?;
                    c.prepare_cached(
                        "DELETE FROM sentence_fts WHERE rowid IN (SELECT id FROM sentences WHERE doc = ?1)",
                    )?
                    .execute([&d.id])?;
                    c.prepare_cached("DELETE FROM sentences WHERE doc = ?1")?
                        .execute([&d.id])?;
                    c.prepare_cached(
                        "INSERT INTO docs(id, sha256, bytes, source, title, outlet, author, published, text, analysis, ingested_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                         ON CONFLICT(id) DO UPDATE SET sha256 = excluded.sha256, bytes = excluded.bytes,
                           source = excluded.source, title = excluded.title, outlet = excluded.outlet,
                           author = excluded.author, published = excluded.published, text = excluded.text,
                           analysis = excluded.analysis, ingested_at = excluded.ingested_at",
                    )?
                    .execute(params![
                        d.id,
                        d.sha256,
                        to_i64(d.bytes),
                        d.source,
                        d.title,
                        d.outlet,
                        d.author,
                        d.published,
                        d.text,
                        d.analysis
                    ])?;
                    let mut ins = c.prepare_cached(
                        "INSERT INTO sentences(doc, b_start, b_end, text, ntok) VALUES (?1, ?2, ?3, ?4, ?5)",
                    )?;
                    let mut fts =
                        c.prepare_cached("INSERT INTO sentence_fts(rowid, terms) VALUES (?1, ?2)")?;
                    for s in &d.sentences {
                        ins.execute(params![
                            d.id,
                            to_i64(s.start),
                            to_i64(s.end),
                            s.text,
                            to_i64(s.terms.len())
                        ])?;
                        let id = c.last_insert_rowid();
                        fts.execute(params![id, s.terms.join(" ")])?;
                    }
                }
                c.execute(
                    "UPDATE meta SET value = value + 1 WHERE key = 'docs_gen'",
                    [],
                )?;
                Ok(())
            })
            .map_err(sql_err(p, "storing documents"))
        })
    }

    fn state(&self) -> Result<State, StoreError> {
        self.read(|c| read_state(c).map_err(sql_err(&self.path, "reading the store state")))
    }

    fn load_analyses(&self) -> Result<Analyses, StoreError> {
        self.read(|c| {
            in_read_tx(c, |c| {
                let st = read_state(c)?;
                let mut s = c.prepare(
                    "SELECT id, analysis, text FROM docs ORDER BY (published IS NULL), published, id",
                )?;
                let rows = s
                    .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok((st.docs_gen, rows))
            })
            .map_err(sql_err(&self.path, "loading the stored analyses"))
        })
    }

    fn sentence_spans(&self) -> Result<Vec<(i64, String, usize, usize)>, StoreError> {
        self.read(|c| {
            (|| {
                let mut s = c.prepare("SELECT id, doc, b_start, b_end FROM sentences")?;
                let rows = s
                    .query_map([], |r| {
                        Ok((
                            r.get(0)?,
                            r.get(1)?,
                            to_usize(r.get(2)?),
                            to_usize(r.get(3)?),
                        ))
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok(rows)
            })()
            .map_err(sql_err(&self.path, "reading sentences"))
        })
    }

    fn write_picture(&self, json: &str, docs_gen: i64, tags: &[Tag]) -> Result<i64, StoreError> {
        let p = &self.path;
        self.write(|c| {
            in_write_tx(c, |c| {
                let st = read_state(c)?;
                if st.picture_gen > docs_gen {
                    return Ok(st.version);
                }
                c.execute("DELETE FROM sentence_tags", [])?;
                let mut ins = c.prepare_cached(
                    "INSERT INTO sentence_tags(sentence, kind, value) VALUES (?1, ?2, ?3)",
                )?;
                for (s, k, v) in tags {
                    ins.execute(params![s, k, v])?;
                }
                let version = st.version + 1;
                c.execute(
                    "INSERT INTO picture(id, version, json) VALUES (1, ?1, ?2)
                     ON CONFLICT(id) DO UPDATE SET version = excluded.version, json = excluded.json",
                    params![version, json],
                )?;
                c.execute(
                    "UPDATE meta SET value = ?1 WHERE key = 'version'",
                    [version],
                )?;
                c.execute(
                    "UPDATE meta SET value = ?1 WHERE key = 'picture_gen'",
                    [docs_gen],
                )?;
                Ok(version)
            })
            .map_err(sql_err(p, "storing the picture"))
            .inspect(|_| {
                // The picture is one large transaction: copy it into the database now (without
                // waiting for readers; journal_size_limit trims the log when it is next reused).
                let _ = c.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
            })
        })
    }

    fn set_analysis_fp(&self, fingerprint: i64) -> Result<(), StoreError> {
        let p = &self.path;
        self.write(|c| {
            in_write_tx(c, |c| {
                c.execute(
                    "INSERT INTO meta(key, value) VALUES ('analysis_fp', ?1)
                     ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [fingerprint],
                )
                .map(|_| ())
            })
            .map_err(sql_err(p, "recording the analyser fingerprint"))
        })
    }
}

/// The WHERE clauses and parameters of a query's filters (`s` = sentences, `d` = docs).
fn filters(q: &SearchQuery, args: &mut Vec<Value>) -> String {
    let mut w = String::new();
    if let Some(e) = &q.entity {
        args.push(Value::Text(e.clone()));
        w.push_str(&format!(
            " AND s.id IN (SELECT sentence FROM sentence_tags WHERE kind = 'e' AND value = ?{})",
            args.len()
        ));
    }
    if let Some(t) = &q.event_type {
        args.push(Value::Text(t.clone()));
        w.push_str(&format!(
            " AND s.id IN (SELECT sentence FROM sentence_tags WHERE kind = 'v' AND value = ?{})",
            args.len()
        ));
    }
    if let Some(o) = &q.outlet {
        args.push(Value::Text(o.clone()));
        w.push_str(&format!(" AND d.outlet = ?{}", args.len()));
    }
    if let Some(f) = &q.from {
        args.push(Value::Text(f.clone()));
        w.push_str(&format!(" AND d.published >= ?{}", args.len()));
    }
    if let Some(t) = &q.to {
        args.push(Value::Text(common::to_bound(t)));
        w.push_str(&format!(" AND d.published <= ?{}", args.len()));
    }
    w
}

impl Store for SqliteStore {
    fn read_only(&self) -> bool {
        self.read_only.is_some()
    }

    fn ingest(
        &self,
        docs: Vec<SourceDocument>,
        progress: &mut dyn FnMut(IngestProgress),
    ) -> Result<IngestReport, StoreError> {
        self.refuse_if_read_only()?;
        common::ingest(self, docs, progress)
    }

    fn version(&self) -> Result<u64, StoreError> {
        Ok(u64::try_from(self.state()?.version).unwrap_or(0))
    }

    fn analyses_current(&self) -> Result<bool, StoreError> {
        let st = self.state()?;
        Ok(st.docs_gen == 0 || st.analysis_fp == Some(marsad_core::analyser_fingerprint()))
    }

    fn picture(&self) -> Result<Picture, StoreError> {
        let json: Option<String> = self.read(|c| {
            c.query_row("SELECT json FROM picture WHERE id = 1", [], |r| r.get(0))
                .optional()
                .map_err(sql_err(&self.path, "reading the picture"))
        })?;
        match json {
            None => Ok(Picture::new()),
            Some(j) => serde_json::from_str(&j).map_err(|e| StoreError::Corrupt {
                what: "picture".to_string(),
                message: e.to_string(),
            }),
        }
    }

    fn documents(&self) -> Result<Vec<DocumentSummary>, StoreError> {
        self.read(|c| {
            (|| {
                let mut s = c.prepare(
                    "SELECT id, title, outlet, published, bytes, sha256 FROM docs
                     ORDER BY (published IS NULL), published, id",
                )?;
                let rows = s
                    .query_map([], |r| {
                        Ok(DocumentSummary {
                            id: r.get(0)?,
                            title: r.get(1)?,
                            outlet: r.get(2)?,
                            published: r.get(3)?,
                            bytes: to_usize(r.get(4)?),
                            sha256: r.get(5)?,
                        })
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok(rows)
            })()
            .map_err(sql_err(&self.path, "listing documents"))
        })
    }

    fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        let row: Option<(String, String, String)> = self.read(|c| {
            c.query_row(
                "SELECT analysis, text, ingested_at FROM docs WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(sql_err(&self.path, "reading a document"))
        })?;
        let Some((analysis, text, ingested_at)) = row else {
            return Ok(None);
        };
        Ok(Some(StoredDocument {
            document: common::stored_document(id, &analysis, text)?,
            ingested_at,
        }))
    }

    fn search(&self, query: &SearchQuery) -> Result<SearchResults, StoreError> {
        let q = common::check_query(query)?;
        let mut args: Vec<Value> = Vec::new();
        let (from, order, score) = if q.terms.is_empty() {
            (
                "sentences s JOIN docs d ON d.id = s.doc WHERE 1 = 1".to_string(),
                "d.published IS NULL, d.published DESC, s.doc, s.b_start",
                "0.0",
            )
        } else {
            let m: Vec<String> = q.terms.iter().map(|t| format!("\"{t}\"")).collect();
            args.push(Value::Text(m.join(" ")));
            (
                "sentence_fts f JOIN sentences s ON s.id = f.rowid JOIN docs d ON d.id = s.doc WHERE sentence_fts MATCH ?1".to_string(),
                "round(score, 9) DESC, s.id",
                "-bm25(sentence_fts)",
            )
        };
        let w = filters(query, &mut args);
        // Text without filters: rank inside the full-text index alone (ties in insertion order,
        // as with filters).
        let (from, order, id) = if w.is_empty() && !q.terms.is_empty() {
            (
                "sentence_fts f WHERE sentence_fts MATCH ?1".to_string(),
                "round(score, 9) DESC, f.rowid",
                "f.rowid",
            )
        } else {
            (from, order, "s.id")
        };
        // Text only: FTS5 counts its matches without touching the tables.
        let count_sql = if w.is_empty() && !q.terms.is_empty() {
            "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH ?1".to_string()
        } else {
            format!("SELECT count(*) FROM {from}{w}")
        };
        let n = args.len();
        // Rank on ids and keys only; the page's texts are fetched afterwards.
        let sql = format!(
            "SELECT {id}, {score} AS score FROM {from}{w} ORDER BY {order} LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        );
        let (total, rows) = self.read(|c| {
            in_read_tx(c, |c| {
                let total: i64 =
                    c.query_row(&count_sql, params_from_iter(args.iter()), |r| r.get(0))?;
                let mut all = args.clone();
                all.push(Value::Integer(to_i64(q.limit)));
                all.push(Value::Integer(to_i64(q.offset)));
                let mut s = c.prepare(&sql)?;
                let ranked = s
                    .query_map(params_from_iter(all.iter()), |r| {
                        Ok((r.get::<_, i64>(0)?, r.get::<_, f64>(1)?))
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                let mut get = c.prepare_cached(
                    "SELECT s.doc, s.b_start, s.b_end, s.text, d.title, d.outlet, d.published
                     FROM sentences s JOIN docs d ON d.id = s.doc WHERE s.id = ?1",
                )?;
                let mut rows = Vec::with_capacity(ranked.len());
                for (id, score) in ranked {
                    rows.push(get.query_row([id], |r| {
                        Ok((
                            r.get::<_, String>(0)?,
                            to_usize(r.get(1)?),
                            to_usize(r.get(2)?),
                            r.get::<_, String>(3)?,
                            r.get::<_, Option<String>>(4)?,
                            r.get::<_, Option<String>>(5)?,
                            r.get::<_, Option<String>>(6)?,
                            score,
                        ))
                    })?);
                }
                Ok((total, rows))
            })
            .map_err(sql_err(&self.path, "searching"))
        })?;
        let hits = rows
            .into_iter()
            .map(
                |(doc, start, end, text, title, outlet, published, score)| SearchHit {
                    highlights: common::highlights(&text, start, &q.terms),
                    sentence: Evidence {
                        doc,
                        start,
                        end,
                        text,
                    },
                    title,
                    outlet,
                    published,
                    score,
                },
            )
            .collect();
        Ok(SearchResults {
            total: to_usize(total),
            hits,
        })
    }

    fn check(&self) -> Result<(), StoreError> {
        self.read(|c| {
            let mut s = c
                .prepare("PRAGMA integrity_check")
                .map_err(sql_err(&self.path, "checking integrity"))?;
            let msgs: Vec<String> = s
                .query_map([], |r| r.get(0))
                .and_then(|r| r.collect())
                .map_err(sql_err(&self.path, "checking integrity"))?;
            if msgs != ["ok"] {
                return Err(StoreError::Corrupt {
                    what: self.path.display().to_string(),
                    message: msgs.join("; "),
                });
            }
            Ok(())
        })?;
        // FTS5's own check is an INSERT: a read-only store checks the rest.
        if self.read_only.is_none() {
            self.write(|c| {
                c.execute(
                    "INSERT INTO sentence_fts(sentence_fts, rank) VALUES ('integrity-check', 0)",
                    [],
                )
                .map(|_| ())
                .map_err(|e| StoreError::Corrupt {
                    what: format!("full-text index of {}", self.path.display()),
                    message: e.to_string(),
                })
            })?;
        }
        self.read(|c| {
            let orphans: i64 = c
                .query_row(
                    "SELECT count(*) FROM sentences s LEFT JOIN docs d ON d.id = s.doc WHERE d.id IS NULL",
                    [],
                    |r| r.get(0),
                )
                .map_err(sql_err(&self.path, "checking sentences"))?;
            if orphans > 0 {
                return Err(StoreError::Corrupt {
                    what: self.path.display().to_string(),
                    message: format!("{orphans} sentences without their document"),
                });
            }
            Ok(())
        })
    }
}
