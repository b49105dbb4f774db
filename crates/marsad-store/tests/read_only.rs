//! A store opened read-only answers every read and writes nothing: not the database, not SQLite's
//! `-wal`/`-shm` files. (A store that cannot be written falls back to this in the CLI; the tests run
//! as root, whom permissions do not stop, so that fallback is checked by hand: docs/store.md.)

use std::path::{Path, PathBuf};

use marsad_ingest::SourceDocument;
use marsad_store::{SearchQuery, StoreError};

fn sample() -> Vec<SourceDocument> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/kazakhstan-2022");
    let (docs, errs) = marsad_ingest::read_paths(&[dir], &Default::default());
    assert!(errs.is_empty(), "{errs:?}");
    docs
}

/// Names and bytes of every file in `dir`.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let bytes = std::fs::read(e.path()).unwrap();
            (e.file_name().to_string_lossy().into_owned(), bytes)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_read_only_store_answers_reads_refuses_ingest_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let loc = dir.to_str().unwrap();
    let docs = sample();
    {
        let store = marsad_store::open(loc).unwrap();
        store.ingest(docs.clone(), &mut |_| {}).unwrap();
    }
    let before = files(&dir);
    assert_eq!(before.len(), 1, "a closed store is one file");

    let store = marsad_store::open_read_only(loc).unwrap();
    assert!(store.read_only());
    assert_eq!(store.documents().unwrap().len(), docs.len());
    let picture = store.picture().unwrap();
    assert!(!picture.events.is_empty() && !picture.entities.is_empty());
    let d = store.document(&docs[0].id).unwrap().unwrap();
    assert_eq!(d.document.text.as_deref(), Some(docs[0].text.as_str()));
    let hits = store
        .search(&SearchQuery {
            text: "كازاخستان".to_string(),
            limit: 5,
            ..Default::default()
        })
        .unwrap();
    assert!(hits.total > 0);
    store.check().unwrap();
    assert!(store.analyses_current().unwrap());

    let mut extra = docs[0].clone();
    extra.id = "extra".to_string();
    extra.text = format!("سطر جديد\n{}", extra.text);
    extra.sha256 = format!("{:064x}", 7);
    let err = store.ingest(vec![extra], &mut |_| {}).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
    assert!(err.to_string().contains("read-only"), "{err}");
    drop(store);

    assert!(
        files(&dir) == before,
        "the read-only store wrote to its directory"
    );
    // And the store still opens for writing afterwards, with what it held.
    let store = marsad_store::open(loc).unwrap();
    assert_eq!(store.documents().unwrap().len(), docs.len());
}

#[test]
fn a_store_with_a_pending_write_ahead_log_is_not_read_read_only() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let loc = dir.to_str().unwrap();
    {
        let store = marsad_store::open(loc).unwrap();
        store.ingest(sample(), &mut |_| {}).unwrap();
    }
    // Immutable reading ignores the log: changes still in it would silently be missing.
    let wal = dir.join(format!("{}-wal", marsad_store::DB_FILE));
    std::fs::write(&wal, b"pending frames").unwrap();
    let err = match marsad_store::open_read_only(loc) {
        Ok(_) => panic!("opened despite the pending log"),
        Err(e) => e,
    };
    let msg = err.to_string();
    assert!(
        msg.contains("-wal") && msg.contains("write access"),
        "{msg}"
    );
    assert_eq!(std::fs::read(&wal).unwrap(), b"pending frames");
}

#[test]
fn read_only_needs_an_existing_embedded_store() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nothing-here");
    let err = match marsad_store::open_read_only(missing.to_str().unwrap()) {
        Ok(_) => panic!("opened a missing store"),
        Err(e) => e,
    };
    assert!(err.to_string().contains("no store to read"), "{err}");
    assert!(!missing.exists(), "reading created the directory");
    assert!(matches!(
        marsad_store::open_read_only("postgres://localhost/db"),
        Err(StoreError::BadLocation { .. })
    ));
}

#[test]
fn a_data_directory_with_unusual_characters_opens_read_only() {
    // The read-only store opens through a `file:` URI: its path is percent-encoded.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("أرشيف 2022?#%");
    let loc = dir.to_str().unwrap();
    {
        let store = marsad_store::open(loc).unwrap();
        store.ingest(sample(), &mut |_| {}).unwrap();
    }
    let store = marsad_store::open_read_only(loc).unwrap();
    assert_eq!(store.documents().unwrap().len(), 5);
}
