//! End-to-end tests of ingest on real Arabic text: files, folders, encodings, HTML, JSONL.

use std::path::{Path, PathBuf};

use marsad_ingest::{
    fuzz_one, list_inputs, parse_bytes, read_file, read_paths, IngestError, IngestOptions,
    InputKind,
};

const SAMPLE: &str = "../../examples/kazakhstan-2022";

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn sample_files() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v
}

fn opts() -> IngestOptions {
    IngestOptions::default()
}

#[test]
fn utf8_txt_text_is_the_file_exactly() {
    for f in sample_files() {
        let raw = std::fs::read(&f).unwrap();
        let (docs, errs) = read_file(&f, &opts());
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(docs.len(), 1);
        let d = &docs[0];
        assert_eq!(d.text.as_bytes(), &raw[..]);
        assert_eq!(d.bytes, raw.len());
        assert_eq!(d.id, f.file_stem().unwrap().to_str().unwrap());
        assert_eq!(d.source, f.display().to_string());
        assert!(d.warnings.is_empty());
        assert_eq!(d.sha256.len(), 64);
    }
}

#[test]
fn txt_candidate_title_is_a_short_first_line() {
    let f = &sample_files()[3];
    let (docs, _) = read_file(f, &opts());
    assert_eq!(
        docs[0].title.as_deref(),
        Some("الدور التركي في احتجاجات كازاخستان الأخيرة")
    );
    // A first line that is a whole long paragraph is not a title.
    let f = &sample_files()[0];
    let (docs, _) = read_file(f, &opts());
    assert_eq!(docs[0].title, None);
}

#[test]
fn sha256_of_known_bytes() {
    let (docs, _) = parse_bytes("a.txt", InputKind::Txt, b"abc", &opts());
    assert_eq!(
        docs[0].sha256,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn utf8_bom_is_stripped_and_noted() {
    let text = std::fs::read_to_string(&sample_files()[1]).unwrap();
    let mut b = b"\xEF\xBB\xBF".to_vec();
    b.extend_from_slice(text.as_bytes());
    let (docs, errs) = parse_bytes("x/bom.txt", InputKind::Txt, &b, &opts());
    assert!(errs.is_empty());
    assert_eq!(docs[0].text, text);
    assert_eq!(docs[0].bytes, b.len());
    assert_eq!(docs[0].warnings.len(), 1);
    assert!(docs[0].warnings[0].contains("byte-order mark"));
}

#[test]
fn utf16_with_bom_both_orders() {
    let text = std::fs::read_to_string(&sample_files()[2]).unwrap();
    for (bom, le) in [([0xFFu8, 0xFE], true), ([0xFE, 0xFF], false)] {
        let mut b = bom.to_vec();
        for u in text.encode_utf16() {
            b.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        let (docs, errs) = parse_bytes("u16.txt", InputKind::Txt, &b, &opts());
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(docs[0].text, text);
        assert!(docs[0].warnings[0].contains("UTF-16"));
    }
}

#[test]
fn windows_1256_txt_is_detected_and_reported() {
    let text = std::fs::read_to_string(&sample_files()[3]).unwrap();
    let (b, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&text);
    assert!(
        !unmappable,
        "the sample must be representable in windows-1256"
    );
    let (docs, errs) = parse_bytes("old/1256.txt", InputKind::Txt, &b, &opts());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs[0].text, text);
    assert!(docs[0].warnings.iter().any(|w| w.contains("windows-1256")));
}

#[test]
fn undecodable_inputs_are_errors_naming_the_file() {
    let cases: &[(&[u8], &str)] = &[
        (b"", "empty"),
        (b"  \n\t\n ", "empty"),
        (b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0", "binary"),
        (b"\x01\x02\x03\x04\x05\x06abc", "binary"),
        (
            b"Le pr\xe9sident a d\xe9clar\xe9 que la r\xe9union \xe9tait pr\xe9vue",
            "encoding",
        ),
    ];
    for (bytes, what) in cases {
        let (docs, errs) = parse_bytes("in/bad.txt", InputKind::Txt, bytes, &opts());
        assert!(docs.is_empty());
        let e = &errs[0];
        let msg = e.to_string();
        assert!(msg.starts_with("in/bad.txt: "), "{msg}");
        let ok = match *what {
            "empty" => matches!(e, IngestError::Empty { .. }),
            "binary" => matches!(e, IngestError::Binary { .. }),
            _ => matches!(e, IngestError::Encoding { .. }),
        };
        assert!(ok, "{what}: {msg}");
    }
    let u16_no_bom: Vec<u8> = "وقالت الوزارة إن الوضع مستقر"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    let (_, errs) = parse_bytes("n.txt", InputKind::Txt, &u16_no_bom, &opts());
    assert!(
        matches!(&errs[0], IngestError::Encoding { detail, .. } if detail.contains("UTF-16")),
        "{errs:?}"
    );
}

#[test]
fn too_large_names_the_limit() {
    let small = IngestOptions { max_bytes: 100 };
    let f = &sample_files()[0];
    let (docs, errs) = read_file(f, &small);
    assert!(docs.is_empty());
    match &errs[0] {
        IngestError::TooLarge { size, limit, .. } => {
            assert_eq!(*limit, 100);
            assert_eq!(*size, std::fs::metadata(f).unwrap().len());
        }
        e => panic!("{e}"),
    }
    assert!(errs[0].to_string().contains("limit of 100 bytes"));
}

#[test]
fn html_article_kept_and_chrome_dropped() {
    let f = data("arabic_news_page.html");
    let (docs, errs) = read_file(&f, &opts());
    assert!(errs.is_empty(), "{errs:?}");
    let d = &docs[0];
    let html = std::fs::read_to_string(&f).unwrap();
    let body = &html[html.find("post-body").unwrap()..html.find("class=\"tags\"").unwrap()];
    let paragraphs: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter_map(|l| l.strip_prefix("<p>")?.strip_suffix("</p>"))
        .collect();
    assert_eq!(paragraphs.len(), 5);
    for p in &paragraphs {
        assert!(
            d.text.contains(&format!("{p}\n\n")) || d.text.ends_with(p),
            "missing paragraph: {p}\n---\n{}",
            d.text
        );
    }
    for chrome in [
        "الرئيسية",
        "مقالات الرأي",
        "عاجل",
        "شارك",
        "فيسبوك",
        "واتساب",
        "أخبار ذات صلة",
        "روسيا ترسل قوات",
        "أضف تعليقك",
        "إرسال التعليق",
        "التعليقات تعبر",
        "الأكثر قراءة",
        "اشترك",
        "جميع الحقوق محفوظة",
        "سياسة الخصوصية",
        "dataLayer",
        "font-family",
        "تعليق HTML",
    ] {
        assert!(
            !d.text.contains(chrome),
            "chrome {chrome:?} left in:\n{}",
            d.text
        );
    }
    assert_eq!(
        d.title.as_deref(),
        Some("الدور التركي في احتجاجات كازاخستان الأخيرة")
    );
    assert_eq!(d.outlet.as_deref(), Some("المرصد الإخباري"));
    assert_eq!(d.author.as_deref(), Some("سارة منصور"));
    assert_eq!(d.published.as_deref(), Some("2022-01-12"));
    assert_eq!(d.id, "arabic_news_page");
}

#[test]
fn html_in_windows_1256_with_meta_charset() {
    let html = std::fs::read_to_string(data("arabic_news_page.html"))
        .unwrap()
        .replace(
            "<meta charset=\"utf-8\">",
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">",
        );
    let (b, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&html);
    assert!(!unmappable);
    let (docs, errs) = parse_bytes("old/page.htm", InputKind::Html, &b, &opts());
    assert!(errs.is_empty(), "{errs:?}");
    let (utf8_docs, _) = parse_bytes("page.html", InputKind::Html, html.as_bytes(), &opts());
    assert_eq!(docs[0].text, utf8_docs[0].text);
    assert!(docs[0].warnings.iter().any(|w| w.contains("windows-1256")));
}

#[test]
fn html_without_text_is_an_error() {
    let page = b"<html><head><title>x</title><script>var a = 1;</script></head><body><nav><a href='/'>x</a></nav></body></html>";
    let (docs, errs) = parse_bytes("p.html", InputKind::Html, page, &opts());
    assert!(docs.is_empty());
    assert!(matches!(errs[0], IngestError::NoText { .. }), "{errs:?}");
    assert!(errs[0].to_string().starts_with("p.html: no article text"));
}

#[test]
fn malformed_html_never_fails_hard() {
    for page in [
        "<p>نص <b>غير <i>مغلق",
        "<html><body><div><p>أ</div></p></span></body>",
        "<<<>>><p>كازاخستان</p><!--",
        "<table><tr><td><p>خلية</td></p></table>",
    ] {
        let (docs, errs) = parse_bytes("m.html", InputKind::Html, page.as_bytes(), &opts());
        assert_eq!(docs.len() + errs.len(), 1);
        if let Some(d) = docs.first() {
            assert!(!d.text.is_empty());
        }
    }
}

#[test]
fn ant_news_lines_load_with_their_real_fields() {
    let f = data("ant_news_first3.jsonl");
    let (docs, errs) = read_file(&f, &opts());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs.len(), 3);
    let d = &docs[0];
    assert_eq!(d.id, "BB-internationalNews-39-20180209");
    assert_eq!(d.outlet.as_deref(), Some("BBC"));
    assert_eq!(d.published.as_deref(), Some("2018-02-09"));
    assert_eq!(d.author, None, "an empty author is no author");
    assert_eq!(
        d.title.as_deref(),
        Some("امرأة تفقد حياتها بسبب سيلفي على قضبان القطار في تايلاند")
    );
    assert!(d.text.starts_with("لقت امرأة تايلاندية حتفها"));
    assert_eq!(d.source, format!("{}#1", f.display()));
    let raw = std::fs::read(&f).unwrap();
    let line1 = raw.split(|b| *b == b'\n').next().unwrap();
    assert_eq!(d.bytes, line1.len());
    assert_eq!(docs[2].source, format!("{}#3", f.display()));
    // The in-memory path agrees with the streaming one.
    let (mem, _) = parse_bytes(&f.display().to_string(), InputKind::Jsonl, &raw, &opts());
    assert_eq!(mem, docs);
}

#[test]
fn bad_jsonl_lines_are_errors_the_others_load() {
    let good = std::fs::read_to_string(data("ant_news_first3.jsonl")).unwrap();
    let lines: Vec<&str> = good.lines().collect();
    let body = format!(
        "{}\n{{\"docno\": \"x\", \"text\": \"نص\"\n\n{}\r\n{{\"title\": \"بلا معرف\", \"text\": \"نص\"}}\n{{\"id\": 7, \"title\": \"بلا نص\"}}\n[1,2]\n{{\"_id\": \"h\", \"html\": \"<p>خبر عاجل من ألماتي</p>\", \"date\": \"2022-01-06\", \"source\": \"وكالة\"}}\n{}\n",
        lines[0], lines[1], lines[2]
    );
    let (docs, errs) = parse_bytes("c.jsonl", InputKind::Jsonl, body.as_bytes(), &opts());
    assert_eq!(docs.len(), 4, "{errs:?}");
    assert_eq!(errs.len(), 4);
    let msgs: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
    assert!(
        msgs[0].starts_with("c.jsonl, line 2: malformed JSON: EOF"),
        "{}",
        msgs[0]
    );
    assert!(
        matches!(&errs[1], IngestError::MissingField { field: "id", at, .. } if at.line == Some(5))
    );
    assert!(
        matches!(&errs[2], IngestError::MissingField { field: "text", at, .. } if at.line == Some(6))
    );
    assert!(
        msgs[3].starts_with("c.jsonl, line 7: malformed JSON: expected an object"),
        "{}",
        msgs[3]
    );
    let h = &docs[2];
    assert_eq!(
        (h.id.as_str(), h.text.as_str()),
        ("h", "خبر عاجل من ألماتي")
    );
    assert_eq!(h.published.as_deref(), Some("2022-01-06"));
    assert_eq!(h.outlet.as_deref(), Some("وكالة"));
    assert_eq!(docs[3].source, "c.jsonl#9");
    // The CRLF line hashes without its \r.
    assert_eq!(docs[1].bytes, lines[1].len());
}

#[test]
fn jsonl_line_over_the_limit_is_skipped_in_a_stream() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.jsonl");
    let long = "ك".repeat(300);
    std::fs::write(
        &p,
        format!("{{\"id\":\"a\",\"text\":\"{long}\"}}\n{{\"id\":\"b\",\"text\":\"قصير\"}}\n"),
    )
    .unwrap();
    let (docs, errs) = read_file(&p, &IngestOptions { max_bytes: 100 });
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "b");
    assert!(
        matches!(&errs[0], IngestError::TooLarge { at, size, .. } if at.line == Some(1) && *size > 600)
    );
    assert!(errs[0].to_string().contains(", line 1: is "), "{}", errs[0]);
}

#[test]
fn folders_are_read_recursively_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("b/inner")).unwrap();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    let txt = std::fs::read(&sample_files()[4]).unwrap();
    std::fs::write(root.join("b/inner/z.txt"), &txt).unwrap();
    std::fs::write(root.join("b/a.TXT"), &txt).unwrap();
    std::fs::write(
        root.join("c.htm"),
        std::fs::read(data("arabic_news_page.html")).unwrap(),
    )
    .unwrap();
    std::fs::write(root.join("notes.md"), "skip me").unwrap();
    std::fs::write(root.join(".hidden.txt"), "skip me").unwrap();
    std::fs::write(root.join(".git/x.txt"), "skip me").unwrap();
    let (files, errs) = list_inputs(&[root.to_path_buf()]);
    assert!(errs.is_empty());
    let rel: Vec<String> = files
        .iter()
        .map(|f| f.strip_prefix(root).unwrap().display().to_string())
        .collect();
    assert_eq!(rel, ["b/a.TXT", "b/inner/z.txt", "c.htm"]);

    let named = vec![
        root.join("notes.md"),
        root.join("missing.txt"),
        root.join("c.htm"),
    ];
    let (docs, errs) = read_paths(&named, &opts());
    assert_eq!(docs.len(), 1);
    assert!(matches!(errs[0], IngestError::Unsupported { .. }));
    assert!(matches!(errs[1], IngestError::NotFound { .. }));
    assert!(errs[1]
        .to_string()
        .ends_with("missing.txt: no such file or folder"));
}

/// Regression (user audit): looping and dangling `.txt` links inside a folder were skipped in
/// silence, so `ingest` reported success for articles it never read.
#[cfg(unix)]
#[test]
fn broken_links_named_like_articles_inside_a_folder_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("good.txt"),
        std::fs::read(&sample_files()[4]).unwrap(),
    )
    .unwrap();
    std::os::unix::fs::symlink("y.txt", root.join("x.txt")).unwrap();
    std::os::unix::fs::symlink("x.txt", root.join("y.txt")).unwrap();
    std::os::unix::fs::symlink("/nonexistent/z.txt", root.join("dangling.txt")).unwrap();
    // A broken link that is not named like an input is not an input.
    std::os::unix::fs::symlink("/nonexistent/z", root.join("other.md")).unwrap();
    let (files, errs) = list_inputs(&[root.to_path_buf()]);
    assert_eq!(files, [root.join("good.txt")]);
    let mut named: Vec<String> = errs
        .iter()
        .map(|e| {
            assert!(matches!(e, IngestError::Unreadable { .. }), "{e}");
            let msg = e.to_string();
            msg[msg.rfind('/').unwrap() + 1..msg.find(':').unwrap()].to_string()
        })
        .collect();
    named.sort();
    assert_eq!(named, ["dangling.txt", "x.txt", "y.txt"]);
}

#[test]
fn fuzz_body_holds_on_seeds() {
    let mut seeds: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"\xEF\xBB\xBF".to_vec(),
        b"\xFF\xFE".to_vec(),
        b"\xFE\xFF\xD8\x00".to_vec(),
        b"{}\n{\"id\":1}\n{\"id\":\"x\",\"html\":\"<p>\"}\n".to_vec(),
        b"<html><meta charset=windows-1256><p>\xe3\xd1\xcd\xc8\xc7</p>".to_vec(),
        b"<p>\x80\x81</p>".to_vec(),
        std::fs::read(data("ant_news_first3.jsonl")).unwrap(),
        std::fs::read(data("arabic_news_page.html")).unwrap(),
    ];
    seeds.extend(sample_files().iter().map(|f| std::fs::read(f).unwrap()));
    for s in &seeds {
        fuzz_one(s);
    }
}

#[test]
fn a_repeated_id_is_an_error_naming_both_inputs_and_the_first_is_kept() {
    // Two folders with a file of the same name, and a JSONL file that repeats an id: each second
    // document would replace the first in a store and mix the two in a picture.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("a")).unwrap();
    std::fs::create_dir_all(root.join("b")).unwrap();
    let sample = sample_files();
    std::fs::write(root.join("a/news.txt"), std::fs::read(&sample[0]).unwrap()).unwrap();
    std::fs::write(root.join("b/news.txt"), std::fs::read(&sample[1]).unwrap()).unwrap();
    std::fs::write(
        root.join("c.jsonl"),
        "{\"id\":\"j1\",\"text\":\"قال لافروف إن روسيا لن تتدخل.\"}\n{\"id\":\"j1\",\"text\":\"أرسلت روسيا جنودا.\"}\n",
    )
    .unwrap();
    let (docs, errs) = read_paths(&[root.to_path_buf()], &opts());
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, vec!["news", "j1"]);
    assert!(docs[0].source.ends_with("a/news.txt"), "{}", docs[0].source);
    assert_eq!(docs[1].text, "قال لافروف إن روسيا لن تتدخل.");
    assert_eq!(errs.len(), 2, "{errs:?}");
    let msgs: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
    assert!(
        msgs.iter().any(|m| m.contains("b/news.txt")
            && m.contains("a/news.txt")
            && m.contains("\"news\"")),
        "{msgs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| matches!(e, IngestError::DuplicateId { at, .. } if at.line == Some(2))),
        "{errs:?}"
    );
}

#[test]
fn ids_are_ones_the_store_and_the_api_can_address() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let sample = std::fs::read(&sample_files()[0]).unwrap();
    // A space in a file name is common: the id writes it as _.
    std::fs::write(root.join("my news.txt"), &sample).unwrap();
    let (docs, errs) = read_paths(&[root.join("my news.txt")], &opts());
    assert!(errs.is_empty(), "{errs:?}");
    assert_eq!(docs[0].id, "my_news");
    // A JSONL id that climbs a path, or one too long, is refused with the line named.
    std::fs::write(
        root.join("x.jsonl"),
        format!(
            "{{\"id\":\"../../etc/passwd\",\"text\":\"نص\"}}\n{{\"id\":\"{}\",\"text\":\"نص\"}}\n{{\"id\":\"ok\",\"text\":\"نص\"}}\n",
            "a".repeat(201)
        ),
    )
    .unwrap();
    let (docs, errs) = read_paths(&[root.join("x.jsonl")], &opts());
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].id, "ok");
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(matches!(&errs[0], IngestError::BadId { at, .. } if at.line == Some(1)));
    assert!(errs[0]
        .to_string()
        .contains("x.jsonl, line 1: document id \"../../etc/passwd\""));
    assert!(matches!(&errs[1], IngestError::BadId { at, .. } if at.line == Some(2)));
}
