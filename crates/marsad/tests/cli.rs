//! End-to-end tests of the `marsad` binary as a user runs it.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/kazakhstan-2022")
}

fn marsad() -> Command {
    Command::cargo_bin("marsad").expect("binary built")
}

#[test]
fn analyze_sample_prints_a_valid_picture() {
    let out = marsad()
        .args(["analyze", "--format", "json"])
        .arg(sample())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(p["schema"], "marsad.picture/1");
    assert_eq!(p["documents"].as_array().unwrap().len(), 5);
    // Offsets index the .txt file itself.
    let doc = "003_56a20f09cefd383e";
    let raw = std::fs::read(sample().join(format!("{doc}.txt"))).unwrap();
    let mut checked = 0;
    for q in p["quantities"].as_array().unwrap() {
        for e in q["evidence"].as_array().unwrap() {
            if e["doc"] == doc {
                let (s, t) = (
                    e["start"].as_u64().unwrap() as usize,
                    e["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(&raw[s..t], e["text"].as_str().unwrap().as_bytes());
                checked += 1;
            }
        }
    }
    assert!(checked > 3);
}

#[test]
fn text_format_is_a_readable_summary() {
    let out = marsad()
        .args(["analyze", "--format", "text"])
        .arg(sample())
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("Marsad picture: 5 document(s)"), "{s}");
    assert!(s.contains("18 مليونا و600 ألف"));
}

#[test]
fn text_command_prints_the_exact_document_text() {
    let out = marsad()
        .args(["text", "004_81184fc5c9f9c216"])
        .arg(sample())
        .output()
        .unwrap();
    assert!(out.status.success());
    let raw = std::fs::read(sample().join("004_81184fc5c9f9c216.txt")).unwrap();
    assert_eq!(out.stdout, raw);

    let out = marsad()
        .args(["text", "no-such-doc"])
        .arg(sample())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-doc"));
}

#[test]
fn bad_inputs_are_named_and_the_good_ones_still_analysed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        sample().join("003_56a20f09cefd383e.txt"),
        dir.path().join("good.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    std::fs::write(
        dir.path().join("binary.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3, 255, 0],
    )
    .unwrap();
    std::fs::write(
        dir.path().join("feed.jsonl"),
        "{\"id\":\"a\",\"text\":\"قتل 5 أشخاص في عام 2020.\"}\n{not json\n",
    )
    .unwrap();
    let out = marsad()
        .args(["analyze", "--format", "json"])
        .arg(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("empty.txt"), "{err}");
    assert!(err.contains("binary.txt"), "{err}");
    assert!(err.contains("feed.jsonl") && err.contains('2'), "{err}");
    let p: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<_> = p["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, ["a", "good"]);
}

#[test]
fn nothing_readable_is_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("empty.txt");
    std::fs::write(&f, b"").unwrap();
    let out = marsad().arg("analyze").arg(&f).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty.txt"), "{err}");
    let out = marsad()
        .arg("analyze")
        .arg(dir.path().join("missing.txt"))
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[test]
fn out_flag_writes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("p.json");
    let out = marsad()
        .arg("analyze")
        .arg(sample())
        .arg("--out")
        .arg(&f)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let p: serde_json::Value = serde_json::from_slice(&std::fs::read(&f).unwrap()).unwrap();
    assert_eq!(p["schema"], "marsad.picture/1");
}

#[test]
fn every_command_has_help() {
    for args in [
        vec!["--help"],
        vec!["analyze", "--help"],
        vec!["text", "--help"],
        vec!["kb", "--help"],
        vec!["train", "ner", "--help"],
        vec!["eval", "ner", "--help"],
    ] {
        let out = marsad().args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Usage"),
            "{args:?}"
        );
    }
}

/// Regression: `marsad analyze … | head` reported "error: Broken pipe" and failed.
#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::process::{Command as Std, Stdio};
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("marsad"))
        .args(["analyze", "--format", "json"])
        .arg(sample())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The picture is far larger than a pipe buffer, so closing the read end makes writes fail.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Regression (user audit): `marsad export … --format events.csv | head` printed "writing CSV:
/// Broken pipe (os error 32): Broken pipe (os error 32)" and failed; the CSV writer's error was
/// not seen as a closed pipe.
#[test]
fn a_csv_reader_that_stops_early_is_not_an_error() {
    use std::process::{Command as Std, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let ingest = marsad()
        .arg("ingest")
        .arg("--data")
        .arg(&data)
        .arg(sample())
        .output()
        .unwrap();
    assert!(ingest.status.success());
    let mut child = Std::new(assert_cmd::cargo::cargo_bin("marsad"))
        .args(["export", "--format", "events.csv", "--data"])
        .arg(&data)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Closed before the store is even open: the first write fails, whatever the export's size.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
}

/// `marsad ingest` with no paths brings a store up to date: nothing to do on a current store;
/// a store whose documents another build analysed is re-analysed.
#[test]
fn ingest_without_paths_reanalyses_a_store_of_another_build() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let run = |extra: &[&std::ffi::OsStr]| {
        let out = marsad()
            .arg("ingest")
            .arg("--data")
            .arg(&data)
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let first = run(&[sample().as_os_str()]);
    assert!(first.contains("5 added"), "{first}");
    let noop = run(&[]);
    assert!(noop.contains("0 added, 0 unchanged, 0 replaced"), "{noop}");
    assert!(!noop.contains("re-analysed"), "{noop}");
    // What a store written by a build with another analyser looks like.
    let c = rusqlite::Connection::open(data.join("marsad.sqlite")).unwrap();
    c.execute("UPDATE meta SET value = 7 WHERE key = 'analysis_fp'", [])
        .unwrap();
    drop(c);
    let redo = run(&[]);
    assert!(redo.contains("5 stored documents re-analysed"), "{redo}");
    assert!(!run(&[]).contains("re-analysed"));
}

/// A copy of a stored document under another name is not stored: ingest says so, and a repeated
/// id among the inputs is an error naming both files (exit 1, the first is stored).
#[test]
fn ingest_names_skipped_copies_and_repeated_ids() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let first = sample().join("000_06c48e6e3a04ee1d.txt");
    let copies = dir.path().join("copies");
    std::fs::create_dir_all(copies.join("a")).unwrap();
    std::fs::create_dir_all(copies.join("b")).unwrap();
    std::fs::copy(&first, copies.join("a/copy.txt")).unwrap();
    std::fs::copy(
        sample().join("001_b869f9608b7549f6.txt"),
        copies.join("b/copy.txt"),
    )
    .unwrap();
    let ok = marsad()
        .args(["ingest", "--data"])
        .arg(&data)
        .arg(&first)
        .output()
        .unwrap();
    assert!(ok.status.success());
    let out = marsad()
        .args(["ingest", "--data"])
        .arg(&data)
        .arg(&copies)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("warning: copy: same bytes as stored document \"000_06c48e6e3a04ee1d\""),
        "{err}"
    );
    assert!(
        err.contains("b/copy.txt: document id \"copy\" is already used by")
            && err.contains("a/copy.txt"),
        "{err}"
    );
}

/// Exporting from a mistyped data directory is an error naming it, and creates nothing there.
#[test]
fn export_from_a_missing_store_is_an_error_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("typo");
    let out = marsad()
        .args(["export", "--format", "events.csv", "--data"])
        .arg(&typo)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("no store in") && err.contains("typo"), "{err}");
    assert!(!typo.exists());
}

/// `marsad export --read-only` reads a store without writing anything beside it (a read-only disk,
/// an archive): the same export as a normal one, and the directory byte for byte as before.
#[test]
fn export_read_only_writes_nothing_to_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let ingest = marsad()
        .arg("ingest")
        .arg("--data")
        .arg(&data)
        .arg(sample())
        .output()
        .unwrap();
    assert!(ingest.status.success());
    let snapshot = || {
        let mut v: Vec<(std::ffi::OsString, Vec<u8>)> = std::fs::read_dir(&data)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (e.file_name(), std::fs::read(e.path()).unwrap())
            })
            .collect();
        v.sort();
        v
    };
    let before = snapshot();
    let export = |extra: &[&str]| {
        let out = marsad()
            .args(["export", "--format", "events.csv", "--data"])
            .arg(&data)
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    let ro = export(&["--read-only"]);
    assert!(
        snapshot() == before,
        "--read-only wrote to the data directory"
    );
    assert!(ro.len() > 1000);
    assert_eq!(ro, export(&[]));
    // Nothing to read: an error naming the directory, and nothing created.
    let typo = dir.path().join("typo");
    let out = marsad()
        .args(["export", "--read-only", "--format", "jsonl", "--data"])
        .arg(&typo)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("typo"), "{err}");
    assert!(!typo.exists());
}
