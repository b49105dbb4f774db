//! Durability of `marsad ingest`: a real ingest process killed with SIGKILL mid-way leaves a sound
//! store holding every document it reported committed; readers work while it runs; the next
//! ingest completes and rebuilds a consistent picture. Also `marsad export` from the store.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;

use marsad_store::{SearchQuery, Store};

fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_marsad"))
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/kazakhstan-2022")
}

/// A JSONL corpus of `n` distinct articles made from the sample's paragraphs (rotated, numbered),
/// dated across a month.
fn corpus(dir: &Path, n: usize) -> PathBuf {
    let (docs, errs) = marsad_ingest::read_paths(&[sample()], &Default::default());
    assert!(errs.is_empty());
    let paras: Vec<&str> = docs
        .iter()
        .flat_map(|d| d.text.split('\n'))
        .map(str::trim)
        .filter(|p| p.chars().count() > 40)
        .collect();
    assert!(paras.len() > 20);
    let path = dir.join("corpus.jsonl");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..n {
        let body: Vec<&str> = (0..8)
            .map(|k| paras[(i * 7 + k * 3) % paras.len()])
            .collect();
        let outlet = ["BBC", "CNN", "France24"][i % 3];
        let line = serde_json::json!({
            "id": format!("doc{i:04}"),
            "title": format!("تقرير رقم {i}"),
            "outlet": outlet,
            "published": format!("2022-01-{:02}", 1 + i % 28),
            "text": format!("تقرير رقم {i}\n{}", body.join("\n")),
        });
        writeln!(f, "{line}").unwrap();
    }
    f.flush().unwrap();
    path
}

fn open(data: &Path) -> Box<dyn Store> {
    marsad_store::open(&data.display().to_string()).unwrap()
}

#[test]
fn sigkill_mid_ingest_loses_nothing_committed() {
    let tmp = tempfile::tempdir().unwrap();
    let input = corpus(tmp.path(), 320);
    let data = tmp.path().join("data");
    let (inputs, _) = marsad_ingest::read_file(&input, &Default::default());
    assert_eq!(inputs.len(), 320);

    let mut child = Command::new(bin())
        .arg("ingest")
        .arg("--data")
        .arg(&data)
        .arg(&input)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    let lines = std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    // Read while the other process writes, then kill it once two batches are committed.
    let mut reported = 0usize;
    let mut reads = 0usize;
    while reported < 64 {
        let line = rx
            .recv_timeout(std::time::Duration::from_secs(600))
            .expect("ingest reports progress");
        if let Some(rest) = line.strip_prefix("committed ") {
            reported = rest.split('/').next().unwrap().parse().unwrap();
            let store = open(&data);
            let listed = store.documents().unwrap().len();
            assert!(listed >= reported, "{listed} listed, {reported} committed");
            store
                .search(&SearchQuery {
                    text: "الأمن".into(),
                    ..Default::default()
                })
                .unwrap();
            reads += 1;
        }
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(9), "killed mid-way, not finished");
    // Lines already printed before the kill may report more.
    lines.join().unwrap();
    while let Ok(line) = rx.try_recv() {
        if let Some(rest) = line.strip_prefix("committed ") {
            reported = reported.max(rest.split('/').next().unwrap().parse().unwrap());
        }
    }
    assert!(reads >= 1);
    assert!(reported < inputs.len());

    let store = open(&data);
    store.check().expect("integrity after SIGKILL");
    for d in &inputs[..reported] {
        let s = store
            .document(&d.id)
            .unwrap()
            .unwrap_or_else(|| panic!("{} was reported committed", d.id));
        assert_eq!(s.document.text.as_deref(), Some(d.text.as_str()));
    }
    // No picture was written yet: the store knows it is stale.
    assert_eq!(store.version().unwrap(), 0);
    drop(store);

    let out = Command::new(bin())
        .arg("ingest")
        .arg("--data")
        .arg(&data)
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("picture version 1"), "{summary}");

    let store = open(&data);
    store.check().unwrap();
    assert_eq!(store.documents().unwrap().len(), inputs.len());
    let picture = store.picture().unwrap();
    assert_eq!(picture.documents.len(), inputs.len());
    assert!(!picture.entities.is_empty());
    // Consistent: every cited span is the stored text's bytes.
    let texts: std::collections::HashMap<String, String> = inputs
        .iter()
        .map(|d| (d.id.clone(), d.text.clone()))
        .collect();
    let evidence = picture
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| &m.evidence))
        .chain(picture.events.iter().flat_map(|e| &e.evidence))
        .chain(picture.quantities.iter().flat_map(|q| &q.evidence));
    let mut n = 0;
    for ev in evidence {
        assert_eq!(&texts[&ev.doc][ev.start..ev.end], ev.text);
        n += 1;
    }
    assert!(n > 100);
}

#[test]
fn ingest_then_export_a_query() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = Command::new(bin())
        .arg("ingest")
        .arg("--data")
        .arg(&data)
        .arg(sample())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("5 added, 0 unchanged, 0 replaced"));
    let again = Command::new(bin())
        .arg("ingest")
        .arg("--data")
        .arg(&data)
        .arg(sample())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&again.stdout).starts_with("0 added, 5 unchanged, 0 replaced"));

    let file = tmp.path().join("all.jsonl");
    let st = Command::new(bin())
        .args(["export", "--format", "jsonl", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&file)
        .status()
        .unwrap();
    assert!(st.success());
    let all = std::fs::read_to_string(&file).unwrap();
    let count = |s: &str, rec: &str| {
        s.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter(|v| v["record"] == rec)
            .count()
    };
    assert_eq!(count(&all, "document"), 5);

    // A query restricts the export to the matching documents.
    let store = open(&data);
    let hits = store
        .search(&SearchQuery {
            text: "الاحتجاجات".into(),
            limit: 1000,
            ..Default::default()
        })
        .unwrap();
    let docs: std::collections::HashSet<_> =
        hits.hits.iter().map(|h| h.sentence.doc.clone()).collect();
    assert!(!docs.is_empty() && docs.len() < 5, "{docs:?}");
    let some = Command::new(bin())
        .args([
            "export",
            "--format",
            "jsonl",
            "--query",
            "احتجاجات",
            "--data",
        ])
        .arg(&data)
        .output()
        .unwrap();
    assert!(some.status.success());
    let some = String::from_utf8_lossy(&some.stdout);
    assert_eq!(count(&some, "document"), docs.len());

    let bad = Command::new(bin())
        .args(["export", "--format", "xlsx", "--data"])
        .arg(&data)
        .output()
        .unwrap();
    assert!(!bad.status.success());
}

#[test]
fn a_store_path_that_is_a_file_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let out = Command::new(bin())
        .arg("ingest")
        .arg("--data")
        .arg(&file)
        .arg(sample())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not-a-dir") && err.contains("not a directory"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
}
