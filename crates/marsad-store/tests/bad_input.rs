//! Bad locations and damaged stores give clear errors and never destroy what is there.

use marsad_store::StoreError;

fn open_err(loc: &str) -> StoreError {
    match marsad_store::open(loc) {
        Ok(_) => panic!("{loc} opened"),
        Err(e) => e,
    }
}

#[test]
fn a_file_where_the_data_directory_should_be() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("plain-file");
    std::fs::write(&file, "keep me").unwrap();
    let e = open_err(file.to_str().unwrap());
    let msg = e.to_string();
    assert!(matches!(e, StoreError::BadLocation { .. }), "{e:?}");
    assert!(
        msg.contains("plain-file") && msg.contains("not a directory"),
        "{msg}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
}

#[test]
fn a_directory_that_cannot_be_created() {
    // Not even root can create directories under /proc.
    let e = open_err("/proc/marsad-store-test/data");
    let msg = e.to_string();
    assert!(msg.contains("/proc/marsad-store-test/data"), "{msg}");
    assert!(msg.contains("cannot create"), "{msg}");
    assert!(matches!(open_err("  "), StoreError::BadLocation { .. }));
}

#[test]
fn garbage_in_the_database_file_is_refused_and_left_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("marsad.sqlite");
    let garbage: Vec<u8> = (0..10_000u32).map(|i| (i * 7919 % 251) as u8).collect();
    std::fs::write(&db, &garbage).unwrap();
    let e = open_err(tmp.path().to_str().unwrap());
    assert!(matches!(e, StoreError::Corrupt { .. }), "{e:?}");
    assert!(e.to_string().contains(db.to_str().unwrap()), "{e}");
    assert_eq!(std::fs::read(&db).unwrap(), garbage);

    // A valid header over a damaged body: SQLite's own check refuses it, nothing is written.
    let mut half = b"SQLite format 3\0".to_vec();
    half.extend_from_slice(&garbage);
    std::fs::write(&db, &half).unwrap();
    let e = open_err(tmp.path().to_str().unwrap());
    assert!(e.to_string().contains(db.to_str().unwrap()), "{e}");
    assert_eq!(std::fs::read(&db).unwrap(), half);
}

#[test]
fn unknown_schema_version_and_foreign_databases_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let loc = tmp.path().to_str().unwrap().to_string();
    drop(marsad_store::open(&loc).unwrap());
    let db = tmp.path().join("marsad.sqlite");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute(
            "UPDATE meta SET value = 99 WHERE key = 'schema_version'",
            [],
        )
        .unwrap();
    }
    let e = open_err(&loc);
    assert!(matches!(e, StoreError::Corrupt { .. }), "{e:?}");
    assert!(e.to_string().contains("schema version 99"), "{e}");

    let other = tempfile::tempdir().unwrap();
    {
        let c = rusqlite::Connection::open(other.path().join("marsad.sqlite")).unwrap();
        c.execute_batch("CREATE TABLE customers (id INTEGER)")
            .unwrap();
    }
    let e = open_err(other.path().to_str().unwrap());
    assert!(e.to_string().contains("not a Marsad store"), "{e}");
}

#[test]
fn an_unreachable_postgres_url_is_a_clear_error() {
    let e = open_err("postgres://marsad:secret@127.0.0.1:1/nothing?connect_timeout=2");
    let msg = e.to_string();
    assert!(matches!(e, StoreError::BadLocation { .. }), "{e:?}");
    assert!(msg.contains("cannot connect to PostgreSQL"), "{msg}");
    assert!(!msg.contains("secret"), "password leaked: {msg}");
    let e = open_err("postgresql://[not a host");
    assert!(matches!(e, StoreError::BadLocation { .. }), "{e:?}");
}
