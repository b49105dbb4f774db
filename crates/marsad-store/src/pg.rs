//! The PostgreSQL backend, for a shared deployment. Same tables as the embedded store; the
//! full-text index is a `tsvector` column (built from the same analyser's terms, so no PostgreSQL
//! text-search parser or dictionary is involved) with a GIN index, ranked by the same bm25 as
//! SQLite's FTS5 so both backends order hits alike.

use std::collections::HashMap;
use std::sync::Mutex;

use postgres::types::ToSql;
use postgres::{Client, NoTls, Transaction};

use crate::common::{self, Analyses, Engine, Known, PreparedDoc, State, Tag, BM25_B, BM25_K1};
use crate::{
    DocumentSummary, IngestProgress, IngestReport, SearchHit, SearchQuery, SearchResults, Store,
    StoreError, StoredDocument, SCHEMA_VERSION,
};
use marsad_ingest::SourceDocument;
use marsad_picture::{Evidence, Picture};

/// Idle read connections kept for reuse.
const MAX_IDLE_READERS: usize = 8;

/// Highest position a tsvector holds.
const MAX_POSITION: usize = 16383;

const SCHEMA: &str = r#"
CREATE TABLE meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
CREATE TABLE docs (
    id TEXT COLLATE "C" PRIMARY KEY,
    sha256 TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    source TEXT NOT NULL,
    title TEXT,
    outlet TEXT COLLATE "C",
    author TEXT,
    published TEXT COLLATE "C",
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX docs_sha256 ON docs(sha256);
CREATE INDEX docs_published ON docs(published, id);
CREATE INDEX docs_outlet ON docs(outlet);
CREATE TABLE sentences (
    id BIGSERIAL PRIMARY KEY,
    doc TEXT COLLATE "C" NOT NULL REFERENCES docs(id),
    b_start BIGINT NOT NULL,
    b_end BIGINT NOT NULL,
    text TEXT NOT NULL,
    ntok BIGINT NOT NULL,
    tsv TSVECTOR NOT NULL
);
CREATE INDEX sentences_doc ON sentences(doc, b_start);
CREATE INDEX sentences_tsv ON sentences USING GIN (tsv);
CREATE TABLE sentence_tags (sentence BIGINT NOT NULL, kind TEXT NOT NULL, value TEXT COLLATE "C" NOT NULL);
CREATE INDEX sentence_tags_value ON sentence_tags(kind, value, sentence);
CREATE INDEX sentence_tags_sentence ON sentence_tags(sentence);
CREATE TABLE picture (id INT PRIMARY KEY CHECK (id = 1), version BIGINT NOT NULL, json TEXT NOT NULL);
"#;

/// Sentence count and total terms for bm25, computed if missing.
const STATS_INIT: &str = "
INSERT INTO meta(key, value) SELECT 'n_sentences', count(*) FROM sentences ON CONFLICT (key) DO NOTHING;
INSERT INTO meta(key, value) SELECT 'n_tokens', coalesce(sum(ntok), 0) FROM sentences ON CONFLICT (key) DO NOTHING;
";

/// The PostgreSQL store.
pub struct PgStore {
    url: String,
    writer: Mutex<Client>,
    readers: Mutex<Vec<Client>>,
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    // postgres://user:secret@host/db -> postgres://user:***@host/db
    let Some(scheme_end) = url.find("://") else {
        return url.to_string();
    };
    let rest = &url[scheme_end + 3..];
    let Some(at) = rest.find('@') else {
        return url.to_string();
    };
    match rest[..at].find(':') {
        Some(colon) => format!(
            "{}{}:***{}",
            &url[..scheme_end + 3],
            &rest[..colon],
            &rest[at..]
        ),
        None => url.to_string(),
    }
}

fn pg_err(context: &str) -> impl FnOnce(postgres::Error) -> StoreError + '_ {
    move |e| {
        let message = match e.as_db_error() {
            Some(db) => format!("{}: {}", db.code().code(), db.message()),
            None => e.to_string(),
        };
        StoreError::Backend {
            context: context.to_string(),
            message,
        }
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn to_usize(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// A `tsvector` literal of the terms with their positions (terms never hold quotes, backslashes
/// or spaces; see [`crate::analyzer::Term`]).
fn tsvector(terms: &[String]) -> String {
    let mut pos: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for (i, t) in terms.iter().enumerate() {
        let e = pos.entry(t.as_str()).or_default();
        if e.is_empty() {
            order.push(t.as_str());
        }
        // Positions past the cap collapse into one, undercounting tf in sentences of more than
        // 16383 words (none in news text).
        e.push((i + 1).min(MAX_POSITION));
    }
    let mut s = String::new();
    for t in order {
        let mut ps = pos[t].clone();
        ps.dedup();
        if !s.is_empty() {
            s.push(' ');
        }
        s.push('\'');
        s.push_str(t);
        s.push('\'');
        if !ps.is_empty() {
            s.push(':');
            let list: Vec<String> = ps.iter().map(usize::to_string).collect();
            s.push_str(&list.join(","));
        }
    }
    s
}

fn connect(url: &str) -> Result<Client, StoreError> {
    Client::connect(url, NoTls).map_err(|e| StoreError::BadLocation {
        location: redact(url),
        reason: format!("cannot connect to PostgreSQL: {e}"),
    })
}

impl PgStore {
    /// Connects to `url` and creates the schema if needed (in the first schema of the
    /// connection's `search_path`).
    pub fn open(url: &str) -> Result<PgStore, StoreError> {
        let mut client = connect(url)?;
        init_schema(&mut client, url)?;
        Ok(PgStore {
            url: url.to_string(),
            writer: Mutex::new(client),
            readers: Mutex::new(Vec::new()),
        })
    }

    fn write<T>(
        &self,
        f: impl FnOnce(&mut Client) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut c = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        if c.is_closed() {
            *c = connect(&self.url)?;
        }
        f(&mut c)
    }

    fn read<T>(
        &self,
        f: impl FnOnce(&mut Client) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let pooled = self.readers.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let mut c = match pooled {
            Some(c) if !c.is_closed() => c,
            _ => connect(&self.url)?,
        };
        let out = f(&mut c);
        if !c.is_closed() {
            let mut pool = self.readers.lock().unwrap_or_else(|e| e.into_inner());
            if pool.len() < MAX_IDLE_READERS {
                pool.push(c);
            }
        }
        out
    }
}

fn init_schema(c: &mut Client, url: &str) -> Result<(), StoreError> {
    let ctx = "creating the schema";
    let mut tx = c.transaction().map_err(pg_err(ctx))?;
    // Two processes opening a fresh database at once: one creates, the other waits and sees it.
    tx.execute("SELECT pg_advisory_xact_lock(7236481920)", &[])
        .map_err(pg_err(ctx))?;
    let has_meta: bool = tx
        .query_one(
            "SELECT to_regclass('meta') IS NOT NULL AND EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'meta')",
            &[],
        )
        .map_err(pg_err(ctx))?
        .get(0);
    if has_meta {
        let v: Option<i64> = tx
            .query_opt("SELECT value FROM meta WHERE key = 'schema_version'", &[])
            .map_err(pg_err("reading the schema version"))?
            .map(|r| r.get(0));
        return match v {
            Some(SCHEMA_VERSION) => {
                // Stores made before the counts were kept get them once.
                tx.batch_execute(STATS_INIT).map_err(pg_err(ctx))?;
                tx.commit().map_err(pg_err(ctx))
            }
            Some(v) => Err(StoreError::Corrupt {
                what: redact(url),
                message: format!(
                    "schema version {v}, but this build reads version {SCHEMA_VERSION}"
                ),
            }),
            None => Err(StoreError::Corrupt {
                what: redact(url),
                message: "no schema version in table meta".to_string(),
            }),
        };
    }
    let schema: Option<String> = tx
        .query_one("SELECT current_schema()", &[])
        .map_err(pg_err(ctx))?
        .get(0);
    if schema.is_none() {
        return Err(StoreError::BadLocation {
            location: redact(url),
            reason: "no schema to create tables in (search_path names no existing schema)"
                .to_string(),
        });
    }
    tx.batch_execute(SCHEMA).map_err(pg_err(ctx))?;
    tx.batch_execute(STATS_INIT).map_err(pg_err(ctx))?;
    tx.execute(
        "INSERT INTO meta(key, value) VALUES ('schema_version', $1), ('docs_gen', 0), ('picture_gen', 0), ('version', 0)",
        &[&SCHEMA_VERSION],
    )
    .map_err(pg_err(ctx))?;
    tx.commit().map_err(pg_err(ctx))
}

fn read_state(tx: &mut impl postgres::GenericClient) -> Result<State, postgres::Error> {
    let mut st = State {
        docs_gen: 0,
        picture_gen: 0,
        version: 0,
        analysis_fp: None,
    };
    for r in tx.query("SELECT key, value FROM meta", &[])? {
        let k: &str = r.get(0);
        let v: i64 = r.get(1);
        match k {
            "docs_gen" => st.docs_gen = v,
            "picture_gen" => st.picture_gen = v,
            "version" => st.version = v,
            "analysis_fp" => st.analysis_fp = Some(v),
            _ => {}
        }
    }
    Ok(st)
}

fn snapshot(c: &mut Client) -> Result<Transaction<'_>, postgres::Error> {
    c.build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
}

impl Engine for PgStore {
    fn lookup(&self, ids: &[&str], shas: &[&str]) -> Result<Known, StoreError> {
        let ctx = "looking up stored documents";
        self.read(|c| {
            let mut tx = snapshot(c).map_err(pg_err(ctx))?;
            let ids: Vec<&str> = ids.to_vec();
            let shas: Vec<&str> = shas.to_vec();
            let by_id = tx
                .query(
                    "SELECT id, sha256 FROM docs WHERE id = ANY($1)",
                    &[&ids],
                )
                .map_err(pg_err(ctx))?
                .into_iter()
                .map(|r| (r.get::<_, String>(0), r.get::<_, String>(1)))
                .collect();
            let by_sha = tx
                .query(
                    "SELECT DISTINCT ON (sha256) sha256, id FROM docs WHERE sha256 = ANY($1) ORDER BY sha256, id",
                    &[&shas],
                )
                .map_err(pg_err(ctx))?
                .into_iter()
                .map(|r| (r.get::<_, String>(0), r.get::<_, String>(1)))
                .collect();
            tx.commit().map_err(pg_err(ctx))?;
            Ok((by_id, by_sha))
        })
    }

    fn commit_batch(&self, docs: &[PreparedDoc]) -> Result<(), StoreError> {
        let ctx = "storing documents";
        self.write(|c| {
            let mut tx = c.transaction().map_err(pg_err(ctx))?;
            let del_tags = tx
                .prepare("DELETE FROM sentence_tags WHERE sentence IN (SELECT id FROM sentences WHERE doc = $1)")
                .map_err(pg_err(ctx))?;
            // bm25 needs the sentence count and total length: kept in meta, not recounted per query.
            let del_sent = tx
                .prepare(
                    "WITH del AS (DELETE FROM sentences WHERE doc = $1 RETURNING ntok)
                     SELECT count(*)::bigint, coalesce(sum(ntok), 0)::bigint FROM del",
                )
                .map_err(pg_err(ctx))?;
            let (mut n_rows, mut n_tok) = (0i64, 0i64);
            let upsert = tx
                .prepare(
                    "INSERT INTO docs(id, sha256, bytes, source, title, outlet, author, published, text, analysis, ingested_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))
                     ON CONFLICT (id) DO UPDATE SET sha256 = excluded.sha256, bytes = excluded.bytes,
                       source = excluded.source, title = excluded.title, outlet = excluded.outlet,
                       author = excluded.author, published = excluded.published, text = excluded.text,
                       analysis = excluded.analysis, ingested_at = excluded.ingested_at",
                )
                .map_err(pg_err(ctx))?;
            for d in docs {
                tx.execute(&del_tags, &[&d.id]).map_err(pg_err(ctx))?;
                let gone = tx.query_one(&del_sent, &[&d.id]).map_err(pg_err(ctx))?;
                n_rows -= gone.get::<_, i64>(0);
                n_tok -= gone.get::<_, i64>(1);
                tx.execute(
                    &upsert,
                    &[
                        &d.id,
                        &d.sha256,
                        &to_i64(d.bytes),
                        &d.source,
                        &d.title,
                        &d.outlet,
                        &d.author,
                        &d.published,
                        &d.text,
                        &d.analysis,
                    ],
                )
                .map_err(pg_err(ctx))?;
                if d.sentences.is_empty() {
                    continue;
                }
                // One statement per document: arrays unnested server-side.
                let starts: Vec<i64> = d.sentences.iter().map(|s| to_i64(s.start)).collect();
                let ends: Vec<i64> = d.sentences.iter().map(|s| to_i64(s.end)).collect();
                let texts: Vec<&str> = d.sentences.iter().map(|s| s.text.as_str()).collect();
                let ntoks: Vec<i64> = d.sentences.iter().map(|s| to_i64(s.terms.len())).collect();
                let tsvs: Vec<String> = d.sentences.iter().map(|s| tsvector(&s.terms)).collect();
                n_rows += to_i64(d.sentences.len());
                n_tok += ntoks.iter().sum::<i64>();
                tx.execute(
                    "INSERT INTO sentences(doc, b_start, b_end, text, ntok, tsv)
                     SELECT $1, s, e, t, n, v::tsvector FROM unnest($2::bigint[], $3::bigint[], $4::text[], $5::bigint[], $6::text[]) AS u(s, e, t, n, v)",
                    &[&d.id, &starts, &ends, &texts, &ntoks, &tsvs],
                )
                .map_err(pg_err(ctx))?;
            }
            tx.execute(
                "UPDATE meta SET value = value + 1 WHERE key = 'docs_gen'",
                &[],
            )
            .map_err(pg_err(ctx))?;
            tx.execute(
                "UPDATE meta SET value = value + $1 WHERE key = 'n_sentences'",
                &[&n_rows],
            )
            .map_err(pg_err(ctx))?;
            tx.execute(
                "UPDATE meta SET value = value + $1 WHERE key = 'n_tokens'",
                &[&n_tok],
            )
            .map_err(pg_err(ctx))?;
            tx.commit().map_err(pg_err(ctx))
        })
    }

    fn state(&self) -> Result<State, StoreError> {
        self.read(|c| read_state(c).map_err(pg_err("reading the store state")))
    }

    fn load_analyses(&self) -> Result<Analyses, StoreError> {
        let ctx = "loading the stored analyses";
        self.read(|c| {
            let mut tx = snapshot(c).map_err(pg_err(ctx))?;
            let st = read_state(&mut tx).map_err(pg_err(ctx))?;
            let rows = tx
                .query(
                    "SELECT id, analysis, text FROM docs ORDER BY (published IS NULL), published, id",
                    &[],
                )
                .map_err(pg_err(ctx))?
                .into_iter()
                .map(|r| (r.get(0), r.get(1), r.get(2)))
                .collect();
            tx.commit().map_err(pg_err(ctx))?;
            Ok((st.docs_gen, rows))
        })
    }

    fn sentence_spans(&self) -> Result<Vec<(i64, String, usize, usize)>, StoreError> {
        let ctx = "reading sentences";
        self.read(|c| {
            Ok(
                c.query("SELECT id, doc, b_start, b_end FROM sentences", &[])
                    .map_err(pg_err(ctx))?
                    .into_iter()
                    .map(|r| (r.get(0), r.get(1), to_usize(r.get(2)), to_usize(r.get(3))))
                    .collect(),
            )
        })
    }

    fn write_picture(&self, json: &str, docs_gen: i64, tags: &[Tag]) -> Result<i64, StoreError> {
        let ctx = "storing the picture";
        self.write(|c| {
            let mut tx = c.transaction().map_err(pg_err(ctx))?;
            // Serialise picture writers; the row lock is held to commit.
            tx.execute("SELECT 1 FROM meta WHERE key = 'version' FOR UPDATE", &[])
                .map_err(pg_err(ctx))?;
            let st = read_state(&mut tx).map_err(pg_err(ctx))?;
            if st.picture_gen > docs_gen {
                return Ok(st.version);
            }
            tx.execute("DELETE FROM sentence_tags", &[])
                .map_err(pg_err(ctx))?;
            for chunk in tags.chunks(20_000) {
                let s: Vec<i64> = chunk.iter().map(|t| t.0).collect();
                let k: Vec<&str> = chunk.iter().map(|t| t.1).collect();
                let v: Vec<&str> = chunk.iter().map(|t| t.2.as_str()).collect();
                tx.execute(
                    "INSERT INTO sentence_tags(sentence, kind, value) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])",
                    &[&s, &k, &v],
                )
                .map_err(pg_err(ctx))?;
            }
            let version = st.version + 1;
            tx.execute(
                "INSERT INTO picture(id, version, json) VALUES (1, $1, $2)
                 ON CONFLICT (id) DO UPDATE SET version = excluded.version, json = excluded.json",
                &[&version, &json],
            )
            .map_err(pg_err(ctx))?;
            tx.execute(
                "UPDATE meta SET value = $1 WHERE key = 'version'",
                &[&version],
            )
            .map_err(pg_err(ctx))?;
            tx.execute(
                "UPDATE meta SET value = $1 WHERE key = 'picture_gen'",
                &[&docs_gen],
            )
            .map_err(pg_err(ctx))?;
            tx.commit().map_err(pg_err(ctx))?;
            Ok(version)
        })
    }

    fn set_analysis_fp(&self, fingerprint: i64) -> Result<(), StoreError> {
        let ctx = "recording the analyser fingerprint";
        self.write(|c| {
            c.execute(
                "INSERT INTO meta(key, value) VALUES ('analysis_fp', $1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                &[&fingerprint],
            )
            .map_err(pg_err(ctx))?;
            Ok(())
        })
    }
}

/// Parameters of a query, boxed so the list can grow with the filters.
type Params = Vec<Box<dyn ToSql + Sync>>;

fn filters(q: &SearchQuery, args: &mut Params) -> String {
    let mut w = String::new();
    if let Some(e) = &q.entity {
        args.push(Box::new(e.clone()));
        w.push_str(&format!(
            " AND s.id IN (SELECT sentence FROM sentence_tags WHERE kind = 'e' AND value = ${})",
            args.len()
        ));
    }
    if let Some(t) = &q.event_type {
        args.push(Box::new(t.clone()));
        w.push_str(&format!(
            " AND s.id IN (SELECT sentence FROM sentence_tags WHERE kind = 'v' AND value = ${})",
            args.len()
        ));
    }
    if let Some(o) = &q.outlet {
        args.push(Box::new(o.clone()));
        w.push_str(&format!(" AND d.outlet = ${}", args.len()));
    }
    if let Some(f) = &q.from {
        args.push(Box::new(f.clone()));
        w.push_str(&format!(" AND d.published >= ${}", args.len()));
    }
    if let Some(t) = &q.to {
        args.push(Box::new(common::to_bound(t)));
        w.push_str(&format!(" AND d.published <= ${}", args.len()));
    }
    w
}

fn tsquery(terms: &[String]) -> String {
    let q: Vec<String> = terms.iter().map(|t| format!("'{t}'")).collect();
    q.join(" & ")
}

impl Store for PgStore {
    fn ingest(
        &self,
        docs: Vec<SourceDocument>,
        progress: &mut dyn FnMut(IngestProgress),
    ) -> Result<IngestReport, StoreError> {
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
            Ok(c.query_opt("SELECT json FROM picture WHERE id = 1", &[])
                .map_err(pg_err("reading the picture"))?
                .map(|r| r.get(0)))
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
            Ok(c.query(
                "SELECT id, title, outlet, published, bytes, sha256 FROM docs
                 ORDER BY (published IS NULL), published, id",
                &[],
            )
            .map_err(pg_err("listing documents"))?
            .into_iter()
            .map(|r| DocumentSummary {
                id: r.get(0),
                title: r.get(1),
                outlet: r.get(2),
                published: r.get(3),
                bytes: to_usize(r.get(4)),
                sha256: r.get(5),
            })
            .collect())
        })
    }

    fn document(&self, id: &str) -> Result<Option<StoredDocument>, StoreError> {
        let row: Option<(String, String, String)> = self.read(|c| {
            Ok(c.query_opt(
                "SELECT analysis, text, ingested_at FROM docs WHERE id = $1",
                &[&id],
            )
            .map_err(pg_err("reading a document"))?
            .map(|r| (r.get(0), r.get(1), r.get(2))))
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
        let ctx = "searching";
        self.read(|c| {
            let mut tx = snapshot(c).map_err(pg_err(ctx))?;
            let mut args: Params = Vec::new();
            let (from, order, score) = if q.terms.is_empty() {
                (
                    "sentences s JOIN docs d ON d.id = s.doc WHERE TRUE".to_string(),
                    "published IS NULL, published DESC, doc, b_start".to_string(),
                    "0.0::float8".to_string(),
                )
            } else {
                // bm25 exactly as FTS5 computes it: N and avgdl over all sentences, n per term.
                let stats = tx
                    .query_one(
                        "SELECT (SELECT value FROM meta WHERE key = 'n_sentences'), (SELECT value FROM meta WHERE key = 'n_tokens')",
                        &[],
                    )
                    .map_err(pg_err(ctx))?;
                let (n_rows, n_tok): (i64, i64) = (
                    stats.get::<_, Option<i64>>(0).unwrap_or(0),
                    stats.get::<_, Option<i64>>(1).unwrap_or(0),
                );
                let avgdl = if n_rows > 0 {
                    n_tok as f64 / n_rows as f64
                } else {
                    1.0
                };
                let mut idf = Vec::with_capacity(q.terms.len());
                for t in &q.terms {
                    let hit: i64 = tx
                        .query_one(
                            "SELECT count(*) FROM sentences WHERE tsv @@ $1::text::tsquery",
                            &[&format!("'{t}'")],
                        )
                        .map_err(pg_err(ctx))?
                        .get(0);
                    idf.push(common::bm25_idf(n_rows, hit));
                }
                args.push(Box::new(tsquery(&q.terms)));
                args.push(Box::new(q.terms.clone()));
                args.push(Box::new(idf));
                args.push(Box::new(avgdl));
                (
                    "sentences s JOIN docs d ON d.id = s.doc WHERE s.tsv @@ $1::text::tsquery".to_string(),
                    "round(score::numeric, 9) DESC, id".to_string(),
                    format!(
                        "(SELECT coalesce(sum(q.idf * (cardinality(u.positions) * {k1p1}) / (cardinality(u.positions) + {k1} * (1 - {b} + {b} * s.ntok / $4::float8))), 0)
                          FROM unnest(s.tsv) AS u JOIN unnest($2::text[], $3::float8[]) AS q(term, idf) ON q.term = u.lexeme)",
                        k1p1 = BM25_K1 + 1.0,
                        k1 = BM25_K1,
                        b = BM25_B
                    ),
                )
            };
            let w = filters(query, &mut args);
            let n = args.len();
            // The count mentions the score's parameters ($2..$4) only so that their types are known.
            let count_sql = if q.terms.is_empty() {
                format!("SELECT count(*) FROM {from}{w}")
            } else {
                format!("SELECT count(*) FROM {from}{w} AND cardinality($2::text[]) >= 0 AND cardinality($3::float8[]) >= 0 AND $4::float8 >= 0")
            };
            let sql = format!(
                "SELECT id, score FROM (SELECT s.id, s.doc, s.b_start, d.published, {score} AS score
                 FROM {from}{w}) AS s ORDER BY {order} LIMIT ${} OFFSET ${}",
                n + 1,
                n + 2
            );
            let refs: Vec<&(dyn ToSql + Sync)> = args.iter().map(|b| b.as_ref()).collect();
            let total: i64 = tx
                .query_one(&count_sql, &refs)
                .map_err(pg_err(ctx))?
                .get(0);
            let limit = to_i64(q.limit);
            let offset = to_i64(q.offset);
            let mut all = refs.clone();
            all.push(&limit);
            all.push(&offset);
            // Rank on ids and keys only; the page's texts are fetched afterwards.
            let ranked: Vec<(i64, f64)> = tx
                .query(&sql, &all)
                .map_err(pg_err(ctx))?
                .into_iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect();
            let ids: Vec<i64> = ranked.iter().map(|r| r.0).collect();
            let mut rows: HashMap<i64, postgres::Row> = tx
                .query(
                    "SELECT s.id, s.doc, s.b_start, s.b_end, s.text, d.title, d.outlet, d.published
                     FROM sentences s JOIN docs d ON d.id = s.doc WHERE s.id = ANY($1)",
                    &[&ids],
                )
                .map_err(pg_err(ctx))?
                .into_iter()
                .map(|r| (r.get(0), r))
                .collect();
            tx.commit().map_err(pg_err(ctx))?;
            let hits = ranked
                .into_iter()
                .filter_map(|(id, score)| {
                    let r = rows.remove(&id)?;
                    let doc: String = r.get(1);
                    let start = to_usize(r.get(2));
                    let end = to_usize(r.get(3));
                    let text: String = r.get(4);
                    Some(SearchHit {
                        highlights: common::highlights(&text, start, &q.terms),
                        sentence: Evidence {
                            doc,
                            start,
                            end,
                            text,
                        },
                        title: r.get(5),
                        outlet: r.get(6),
                        published: r.get(7),
                        score,
                    })
                })
                .collect();
            Ok(SearchResults {
                total: to_usize(total),
                hits,
            })
        })
    }

    fn check(&self) -> Result<(), StoreError> {
        let ctx = "checking the store";
        self.read(|c| {
            let orphans: i64 = c
                .query_one(
                    "SELECT count(*) FROM sentences s LEFT JOIN docs d ON d.id = s.doc WHERE d.id IS NULL",
                    &[],
                )
                .map_err(pg_err(ctx))?
                .get(0);
            let st = read_state(c).map_err(pg_err(ctx))?;
            let pic: Option<i64> = c
                .query_opt("SELECT version FROM picture WHERE id = 1", &[])
                .map_err(pg_err(ctx))?
                .map(|r| r.get(0));
            let counts = c
                .query_one(
                    "SELECT (SELECT count(*) FROM sentences) = (SELECT value FROM meta WHERE key = 'n_sentences')
                        AND (SELECT coalesce(sum(ntok), 0) FROM sentences) = (SELECT value FROM meta WHERE key = 'n_tokens')",
                    &[],
                )
                .map_err(pg_err(ctx))?
                .get::<_, Option<bool>>(0);
            let mut problems = Vec::new();
            if counts != Some(true) {
                problems.push("sentence counts in meta disagree with the sentences".to_string());
            }
            if orphans > 0 {
                problems.push(format!("{orphans} sentences without their document"));
            }
            if pic.unwrap_or(0) != st.version {
                problems.push(format!(
                    "picture version {} but meta says {}",
                    pic.unwrap_or(0),
                    st.version
                ));
            }
            if st.picture_gen > st.docs_gen {
                problems.push("picture newer than the documents".to_string());
            }
            if problems.is_empty() {
                Ok(())
            } else {
                Err(StoreError::Corrupt {
                    what: redact(&self.url),
                    message: problems.join("; "),
                })
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsvector_literal_counts_each_occurrence() {
        let t: Vec<String> = ["امن", "حكوم", "امن"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(tsvector(&t), "'امن':1,3 'حكوم':2");
        assert_eq!(tsquery(&t[..2]), "'امن' & 'حكوم'");
    }

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            redact("postgres://u:secret@localhost/db"),
            "postgres://u:***@localhost/db"
        );
        assert_eq!(redact("postgres://localhost/db"), "postgres://localhost/db");
    }
}
