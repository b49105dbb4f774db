//! The real server on 127.0.0.1:0 over a store holding the sample corpus, hit with a real HTTP
//! client: every endpoint, and the answers to hostile input.

mod common;

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use common::{fresh_sample_store, sample_store, start, TestServer};

async fn server() -> TestServer {
    start(sample_store(), marsad_server::Config::default()).await
}

async fn get(base: &str, path: &str) -> (u16, Value) {
    let res = reqwest::get(format!("{base}{path}")).await.unwrap();
    let status = res.status().as_u16();
    let ctype = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body = res.text().await.unwrap();
    assert!(
        ctype.starts_with("application/json"),
        "{path}: content-type {ctype:?}, body {body:?}"
    );
    (status, serde_json::from_str(&body).unwrap())
}

fn error_message(v: &Value, status: u16) -> String {
    assert_eq!(v["error"]["status"], status, "{v}");
    v["error"]["message"].as_str().unwrap().to_string()
}

/// Byte-offset slice of a document text, as the API's offsets mean it.
fn slice(text: &str, start: &Value, end: &Value) -> String {
    text.get(start.as_u64().unwrap() as usize..end.as_u64().unwrap() as usize)
        .expect("offsets on char boundaries")
        .to_string()
}

async fn doc_text(base: &str, id: &str) -> String {
    let (s, v) = get(base, &format!("/api/documents/{id}")).await;
    assert_eq!(s, 200);
    v["document"]["text"].as_str().unwrap().to_string()
}

async fn kazakhstan(base: &str) -> String {
    let (s, v) = get(base, "/api/entities?q=Kazakhstan&type=GPE").await;
    assert_eq!(s, 200);
    v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"]["en"] == "Kazakhstan")
        .expect("Kazakhstan is among the entities")["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test]
async fn health_stats_and_document_list() {
    let srv = server().await;
    let (s, h) = get(&srv.base, "/api/health").await;
    assert_eq!(s, 200);
    assert_eq!(h["status"], "ok");
    assert_eq!(h["documents"], 5);
    assert!(h["version"].as_u64().unwrap() >= 1);

    let (s, st) = get(&srv.base, "/api/stats").await;
    assert_eq!(s, 200);
    assert_eq!(st["documents"], 5);
    for k in [
        "entities",
        "relations",
        "events",
        "quantities",
        "dates",
        "claims",
    ] {
        assert!(st[k].as_u64().unwrap() > 0, "{k}: {st}");
    }

    let (s, docs) = get(&srv.base, "/api/documents").await;
    assert_eq!(s, 200);
    let docs = docs["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    for d in docs {
        assert_eq!(d["sha256"].as_str().unwrap().len(), 64);
        assert!(d["bytes"].as_u64().unwrap() > 1000);
    }
}

#[tokio::test]
async fn document_page_offsets_index_its_text() {
    let srv = server().await;
    let (_, docs) = get(&srv.base, "/api/documents").await;
    let mut mentions_seen = 0;
    for d in docs["documents"].as_array().unwrap() {
        let id = d["id"].as_str().unwrap();
        let (s, page) = get(&srv.base, &format!("/api/documents/{id}")).await;
        assert_eq!(s, 200);
        let text = page["document"]["text"].as_str().unwrap();
        assert_eq!(page["document"]["id"], id);
        for m in page["mentions"].as_array().unwrap() {
            assert_eq!(
                slice(text, &m["start"], &m["end"]),
                m["text"].as_str().unwrap()
            );
            assert!(
                page["refs"][m["entity"].as_str().unwrap()].is_object(),
                "{m}"
            );
            mentions_seen += 1;
        }
        for r in page["document"]["removed"].as_array().unwrap() {
            assert_eq!(
                slice(text, &r["start"], &r["end"]),
                r["text"].as_str().unwrap()
            );
        }
        for kind in ["quantities", "dates", "events", "relations"] {
            for item in page[kind].as_array().unwrap() {
                let here: Vec<&Value> = item["evidence"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|e| e["doc"] == id)
                    .collect();
                assert!(!here.is_empty(), "{kind} item without evidence in {id}");
                for e in here {
                    assert_eq!(
                        slice(text, &e["start"], &e["end"]),
                        e["text"].as_str().unwrap()
                    );
                }
            }
        }
    }
    assert!(mentions_seen > 50);
    let (s, v) = get(&srv.base, "/api/documents/no-such-doc").await;
    assert_eq!(s, 404);
    error_message(&v, 404);
}

#[tokio::test]
async fn entity_page_of_kazakhstan() {
    let srv = server().await;
    let id = kazakhstan(&srv.base).await;
    let (s, page) = get(&srv.base, &format!("/api/entities/{id}")).await;
    assert_eq!(s, 200);
    assert_eq!(page["entity"]["id"], id.as_str());
    assert_eq!(page["entity"]["name"]["ar"], "كازاخستان");
    assert!(!page["events"].as_array().unwrap().is_empty());
    assert!(!page["relations"].as_array().unwrap().is_empty());
    for e in page["events"].as_array().unwrap() {
        let involved = e["sources"]
            .as_array()
            .unwrap()
            .iter()
            .chain(e["targets"].as_array().unwrap())
            .chain(std::iter::once(&e["location"]))
            .any(|x| x == id.as_str());
        assert!(involved, "{e}");
        for x in e["sources"].as_array().unwrap() {
            assert!(page["refs"][x.as_str().unwrap()].is_object());
        }
    }
    for r in page["relations"].as_array().unwrap() {
        assert!(r["subject"] == id.as_str() || r["object"] == id.as_str());
    }
    // Each context is the mention inside its sentence, both exact bytes of the document.
    let contexts = page["contexts"].as_array().unwrap();
    assert!(!contexts.is_empty());
    let mut texts: HashMap<String, String> = HashMap::new();
    for c in contexts {
        let doc = c["doc"].as_str().unwrap().to_string();
        if !texts.contains_key(&doc) {
            texts.insert(doc.clone(), doc_text(&srv.base, &doc).await);
        }
        let text = &texts[&doc];
        let (sen, men) = (&c["sentence"], &c["mention"]);
        assert_eq!(
            slice(text, &sen["start"], &sen["end"]),
            sen["text"].as_str().unwrap()
        );
        assert_eq!(
            slice(text, &men["start"], &men["end"]),
            men["text"].as_str().unwrap()
        );
        assert!(sen["start"].as_u64() <= men["start"].as_u64());
        assert!(men["end"].as_u64() <= sen["end"].as_u64());
    }
    assert!(page["refs"][id.as_str()]["name"]["en"] == "Kazakhstan");
    let totals = &page["totals"];
    assert_eq!(
        totals["mentions"].as_u64().unwrap() as usize,
        page["entity"]["mentions"].as_array().unwrap().len()
    );
    let forms: u64 = page["forms"]
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(forms, totals["mentions"].as_u64().unwrap());
    // A second request is answered from the page cache, with the same content.
    let (_, again) = get(&srv.base, &format!("/api/entities/{id}")).await;
    assert_eq!(again, page);
    let (s, cut) = get(&srv.base, &format!("/api/entities/{id}?limit=1")).await;
    assert_eq!(s, 200);
    assert_eq!(cut["events"].as_array().unwrap().len(), 1);
    assert_eq!(
        cut["totals"]["events"].as_u64().unwrap() as usize,
        page["events"].as_array().unwrap().len()
    );
    let (s, v) = get(&srv.base, "/api/entities/E999999").await;
    assert_eq!(s, 404);
    error_message(&v, 404);
}

#[tokio::test]
async fn entity_list_filters_and_pages() {
    let srv = server().await;
    let (_, all) = get(&srv.base, "/api/entities?limit=500").await;
    let total = all["total"].as_u64().unwrap();
    let list = all["entities"].as_array().unwrap();
    assert_eq!(list.len() as u64, total);
    let counts: Vec<u64> = list
        .iter()
        .map(|e| e["mentions"].as_u64().unwrap())
        .collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "sorted by mentions"
    );
    // Arabic query, with a hamza form the text may write bare.
    let (_, ar) = get(&srv.base, "/api/entities?q=كازاخستان").await;
    assert!(ar["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["name"]["en"] == "Kazakhstan"));
    let (_, per) = get(&srv.base, "/api/entities?type=PER&limit=3&offset=1").await;
    assert!(per["entities"].as_array().unwrap().len() <= 3);
    assert!(per["entities"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["type"] == "PER"));
}

#[tokio::test]
async fn search_hits_are_exact_document_bytes() {
    let srv = server().await;
    let (s, res) = get(
        &srv.base,
        "/api/search?q=%D9%83%D8%A7%D8%B2%D8%A7%D8%AE%D8%B3%D8%AA%D8%A7%D9%86",
    )
    .await;
    assert_eq!(s, 200);
    let hits = res["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(res["total"].as_u64().unwrap() >= hits.len() as u64);
    let mut texts: HashMap<String, String> = HashMap::new();
    for h in hits {
        let sen = &h["sentence"];
        let doc = sen["doc"].as_str().unwrap().to_string();
        if !texts.contains_key(&doc) {
            texts.insert(doc.clone(), doc_text(&srv.base, &doc).await);
        }
        let text = &texts[&doc];
        assert_eq!(
            slice(text, &sen["start"], &sen["end"]),
            sen["text"].as_str().unwrap()
        );
        for hl in h["highlights"].as_array().unwrap() {
            assert!(hl[0].as_u64() >= sen["start"].as_u64());
            assert!(hl[1].as_u64() <= sen["end"].as_u64());
            slice(text, &hl[0], &hl[1]);
        }
    }
    let (s, v) = get(&srv.base, "/api/search?q=x&limit=100000").await;
    assert_eq!(s, 400);
    assert!(error_message(&v, 400).contains("limit"));
    let (s, v) = get(&srv.base, "/api/search?q=x&from=2022-13-01").await;
    assert_eq!(s, 400);
    assert!(error_message(&v, 400).contains("from"));
    let (s, v) = get(&srv.base, "/api/search?q=x&entity=..%2Fetc").await;
    assert_eq!(s, 400);
    assert!(error_message(&v, 400).contains("entity"));
    // A cut UTF-8 sequence, punctuation alone and an impossible day are refused, not answered
    // with every sentence or read as a range.
    for bad in [
        "/api/search?q=%D9",
        "/api/search?q=*",
        "/api/search?q=x&from=2022-02-30",
    ] {
        let (s, v) = get(&srv.base, bad).await;
        assert_eq!(s, 400, "{bad}: {v}");
        let msg = error_message(&v, 400);
        assert!(msg.contains("q") || msg.contains("from"), "{bad}: {msg}");
    }
}

#[tokio::test]
async fn events_timeline_graph_disagreements() {
    let srv = server().await;
    let id = kazakhstan(&srv.base).await;
    let (s, ev) = get(&srv.base, &format!("/api/events?entity={id}&limit=1000")).await;
    assert_eq!(s, 200);
    assert!(ev["total"].as_u64().unwrap() > 0);
    for e in ev["events"].as_array().unwrap() {
        for x in e["sources"]
            .as_array()
            .unwrap()
            .iter()
            .chain(e["targets"].as_array().unwrap())
        {
            assert!(ev["refs"][x.as_str().unwrap()].is_object());
        }
    }
    let (_, typed) = get(&srv.base, "/api/events?type=MOBILIZE").await;
    assert!(typed["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["type"] == "MOBILIZE"));

    let (s, tl) = get(&srv.base, "/api/timeline").await;
    assert_eq!(s, 200);
    let days = tl["days"].as_array().unwrap();
    assert!(!days.is_empty());
    let dates: Vec<&str> = days.iter().map(|d| d["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "{dates:?}");
    let placed: usize = days
        .iter()
        .map(|d| d["events"].as_array().unwrap().len())
        .sum();
    assert!(placed > 0);
    let (_, st) = get(&srv.base, "/api/stats").await;
    assert!(placed as u64 <= st["events"].as_u64().unwrap());
    for d in &dates {
        assert!(matches!(d.len(), 4 | 7 | 10), "{d}");
    }
    let (_, jan) = get(&srv.base, "/api/timeline?from=2022-01-01&to=2022-01-31").await;
    for d in jan["days"].as_array().unwrap() {
        assert!(d["date"].as_str().unwrap().starts_with("2022"), "{d}");
    }
    // A reversed range matches nothing.
    let (s, v) = get(&srv.base, "/api/timeline?from=2022-02-01&to=2022-01-01").await;
    assert_eq!(s, 200);
    assert_eq!(v["days"].as_array().unwrap().len(), 0);

    let (s, g) = get(&srv.base, "/api/graph").await;
    assert_eq!(s, 200);
    let nodes: Vec<&str> = g["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    let edges = g["edges"].as_array().unwrap();
    assert!(!edges.is_empty());
    for e in edges {
        assert!(nodes.contains(&e["source"].as_str().unwrap()));
        assert!(nodes.contains(&e["target"].as_str().unwrap()));
        assert_eq!(
            e["weight"].as_u64().unwrap() as usize,
            e["items"].as_array().unwrap().len()
        );
    }
    let (_, g2) = get(&srv.base, "/api/graph?min_weight=2").await;
    assert!(g2["edges"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["weight"].as_u64() >= Some(2)));

    let (s, d) = get(&srv.base, "/api/disagreements").await;
    assert_eq!(s, 200);
    for dis in d["disagreements"].as_array().unwrap() {
        assert!(dis["positions"].as_array().unwrap().len() >= 2);
        for a in dis["about"].as_array().unwrap() {
            assert!(d["refs"][a.as_str().unwrap()].is_object());
        }
    }
}

#[tokio::test]
async fn path_traversal_and_bad_ids_are_400() {
    let srv = server().await;
    // Sent byte for byte (an HTTP client library would normalise `..` away).
    for path in [
        "/api/documents/..",
        "/api/documents/%2e%2e",
        "/api/documents/..%2F..%2Fetc%2Fpasswd",
        "/api/entities/..%5C..%5Cwindows",
    ] {
        let (s, body) = raw_get(srv.addr, path).await;
        assert_eq!(s, 400, "{path}: {body}");
        let v: Value = serde_json::from_str(&body).unwrap();
        assert!(error_message(&v, 400).contains("valid id"), "{v}");
    }
    for path in [
        "/api/documents/..%2F..%2Fetc%2Fpasswd",
        "/api/entities/a%5Cb",
        "/api/entities/a%00b",
        "/api/documents/a%20b",
    ] {
        let (s, v) = get(&srv.base, path).await;
        assert_eq!(s, 400, "{path}: {v}");
        assert!(error_message(&v, 400).contains("valid id"), "{v}");
    }
    let long = "a".repeat(201);
    let (s, _) = get(&srv.base, &format!("/api/entities/{long}")).await;
    assert_eq!(s, 400);
    let (s, _) = get(&srv.base, "/assets/..%2F..%2FCargo.toml").await;
    assert!(s == 400 || s == 404, "{s}");
}

#[tokio::test]
async fn unknown_routes_methods_and_params_are_json_errors() {
    let srv = server().await;
    let (s, v) = get(&srv.base, "/api/nothing-here").await;
    assert_eq!(s, 404);
    assert!(error_message(&v, 404).contains("/api/nothing-here"));
    let client = reqwest::Client::new();
    let res = client
        .delete(format!("{}/api/entities", srv.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 405);
    let v: Value = res.json().await.unwrap();
    error_message(&v, 405);
    let res = client
        .get(format!("{}/api/ingest", srv.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 405);
    let (s, v) = get(&srv.base, "/api/entities?limit=abc").await;
    assert_eq!(s, 400);
    assert!(error_message(&v, 400).contains("limit"));
    let (s, v) = get(&srv.base, "/api/entities?bogus=1").await;
    assert_eq!(s, 400);
    assert!(error_message(&v, 400).contains("bogus"));
    let (s, v) = get(&srv.base, "/api/entities?type=ALIEN").await;
    assert_eq!(s, 400);
    assert!(error_message(&v, 400).contains("type"));
    let (s, _) = get(&srv.base, "/api/entities?limit=1&limit=2").await;
    assert_eq!(s, 400);
}

#[tokio::test]
async fn ingest_rejects_hostile_bodies() {
    let srv = start(
        fresh_sample_store("hostile"),
        marsad_server::Config::default(),
    )
    .await;
    let client = reqwest::Client::new();
    let url = format!("{}/api/ingest", srv.base);

    // 20 MiB: refused with 413 before the body is read.
    let huge = vec![b'a'; 20 * 1024 * 1024];
    let res = client
        .post(&url)
        .header("content-type", "application/json")
        .body(huge)
        .send()
        .await;
    match res {
        Ok(res) => {
            assert_eq!(res.status().as_u16(), 413);
            let v: Value = res.json().await.unwrap();
            assert!(error_message(&v, 413).contains("limit"));
        }
        // The server may close the connection before the client finished sending; the test
        // below proves the server answered 413 in that case too.
        Err(e) => panic!("20 MiB upload failed on the client side: {e}"),
    }

    for (body, needle) in [
        (r#"{"documents": [{"id": "x"}]}"#, "text"),
        (r#"{"documents": [{"id": "x", "text": "نص"}"#, "EOF"),
        (r#"{"docs": []}"#, "docs"),
        (
            "{\"documents\":\n [{\"id\": 7, \"text\": \"t\"}]}",
            "line 2",
        ),
        (r#"{"documents": []}"#, "empty"),
        (r#"{"documents": [{"id": "../x", "text": "نص"}]}"#, "id"),
    ] {
        let res = client
            .post(&url)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 400, "{body}");
        let v: Value = res.json().await.unwrap();
        let msg = error_message(&v, 400);
        assert!(msg.contains(needle), "{body}: {msg}");
    }

    let res = client
        .post(&url)
        .header("content-type", "application/xml")
        .body("<a/>")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 415);
    let res = client
        .post(&url)
        .header("content-type", "text/plain")
        .body("نص بلا معرف")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 400);
    let (_, h) = get(&srv.base, "/api/health").await;
    assert_eq!(h["documents"], 5, "nothing was ingested");
}

#[tokio::test]
async fn ingest_adds_a_document_and_the_views_follow() {
    let srv = start(
        fresh_sample_store("ingest"),
        marsad_server::Config::default(),
    )
    .await;
    let client = reqwest::Client::new();
    let (_, before) = get(&srv.base, "/api/health").await;
    let text = "أعلنت وزارة الداخلية في كازاخستان اليوم اعتقال 50 شخصاً في مدينة ألماتي.";
    let body = serde_json::json!({"documents": [{"id": "api-1", "text": text, "title": "خبر",
        "outlet": "test", "published": "2022-01-09"}]});
    let res = client
        .post(format!("{}/api/ingest", srv.base))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let report: Value = res.json().await.unwrap();
    assert_eq!(
        report["documents"][0],
        serde_json::json!(["api-1", "added"])
    );
    assert!(report["version"].as_u64() > before["version"].as_u64());
    let (_, after) = get(&srv.base, "/api/health").await;
    assert_eq!(after["documents"], 6);
    assert_eq!(after["version"], report["version"]);
    assert_eq!(doc_text(&srv.base, "api-1").await, text);
    // The same bytes again: unchanged.
    let res = client
        .post(format!("{}/api/ingest", srv.base))
        .json(&body)
        .send()
        .await
        .unwrap();
    let report: Value = res.json().await.unwrap();
    assert_eq!(report["documents"][0][1], "unchanged");
    // text/plain with the id in the query.
    let res = client
        .post(format!(
            "{}/api/ingest?id=api-2&published=2022-01-10",
            srv.base
        ))
        .header("content-type", "text/plain; charset=utf-8")
        .body("قالت روسيا إن قواتها ستبقى في كازاخستان.")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let (_, page) = get(&srv.base, "/api/documents/api-2").await;
    assert_eq!(page["document"]["published"], "2022-01-10");
}

/// Regression (user audit): a document's reading warnings (a publication date not understood)
/// were stored on the document but missing from the ingest response's `diagnostics`.
#[tokio::test]
async fn ingest_reports_how_each_document_was_read() {
    let srv = start(
        fresh_sample_store("ingest-warnings"),
        marsad_server::Config::default(),
    )
    .await;
    let body = serde_json::json!({"documents": [{"id": "bd",
        "text": "قالت روسيا إن قواتها ستبقى في كازاخستان.", "published": "yesterday"}]});
    let res = reqwest::Client::new()
        .post(format!("{}/api/ingest", srv.base))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let report: Value = res.json().await.unwrap();
    assert_eq!(report["documents"][0], serde_json::json!(["bd", "added"]));
    let diags = report["diagnostics"].as_array().unwrap();
    assert!(
        diags.iter().any(|d| d["subject"] == "bd"
            && d["severity"] == "warning"
            && d["message"].as_str().unwrap().contains("yesterday")),
        "{diags:?}"
    );
}

/// Regression (user audit): a GET with a 100 KB body was answered 200 although the
/// documentation promises 413 for any non-ingest body over 64 KiB.
#[tokio::test]
async fn a_read_with_an_oversized_body_is_refused() {
    let srv = start(
        fresh_sample_store("read-body"),
        marsad_server::Config::default(),
    )
    .await;
    let client = reqwest::Client::new();
    let res = client
        .get(format!("{}/api/health", srv.base))
        .body(vec![b'a'; 100 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 413);
    let v: Value = res.json().await.unwrap();
    assert!(error_message(&v, 413).contains("limit"));
    // A small body is ignored, as before.
    let res = client
        .get(format!("{}/api/health", srv.base))
        .body("x")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
}

/// One GET over a raw TCP connection with `path` exactly as given; (status, body).
async fn raw_get(addr: std::net::SocketAddr, path: &str) -> (u16, String) {
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    let req = format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    s.write_all(req.as_bytes()).await.unwrap();
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).await.unwrap();
    let text = String::from_utf8(buf).unwrap();
    let status = text[9..12].parse().unwrap();
    let body = text.split_once("\r\n\r\n").unwrap().1.to_string();
    (status, body)
}

/// Reads from `stream` until the server closes it; false if it is still open after `rounds`
/// reads of at most `each` (bounded, so the test always ends).
async fn closed_by_server(
    stream: &mut tokio::net::TcpStream,
    rounds: usize,
    each: Duration,
) -> bool {
    let mut buf = [0u8; 1024];
    for _ in 0..rounds {
        match tokio::time::timeout(each, stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => continue,
            Err(_) => continue,
        }
    }
    false
}

#[tokio::test]
async fn slowloris_client_is_disconnected_while_others_are_served() {
    let config = marsad_server::Config {
        header_read_timeout: Duration::from_secs(2),
        ..marsad_server::Config::default()
    };
    let srv = start(sample_store(), config).await;
    let mut slow = tokio::net::TcpStream::connect(srv.addr).await.unwrap();
    let request = b"GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
    let mut disconnected = false;
    for (i, b) in request.iter().enumerate() {
        if slow.write_all(&[*b]).await.is_err() {
            disconnected = true;
            break;
        }
        // Another client is served normally while the slow one dribbles its headers.
        if i == 3 {
            let (s, _) = get(&srv.base, "/api/health").await;
            assert_eq!(s, 200);
        }
        let mut probe = [0u8; 64];
        match tokio::time::timeout(Duration::from_millis(500), slow.read(&mut probe)).await {
            Ok(Ok(0)) | Ok(Err(_)) => {
                disconnected = true;
                break;
            }
            Ok(Ok(n)) => {
                // The server may answer 408 before closing; it must never answer 200.
                assert!(!String::from_utf8_lossy(&probe[..n]).contains(" 200 "));
            }
            Err(_) => {}
        }
    }
    if !disconnected {
        disconnected = closed_by_server(&mut slow, 20, Duration::from_millis(500)).await;
    }
    assert!(disconnected, "the slow client was never disconnected");
    let (s, _) = get(&srv.base, "/api/health").await;
    assert_eq!(s, 200);

    // A client that connects and says nothing is dropped too.
    let mut idle = tokio::net::TcpStream::connect(srv.addr).await.unwrap();
    assert!(closed_by_server(&mut idle, 40, Duration::from_millis(500)).await);
}

/// Client and server share this process: 1000 connections need about 2000 descriptors, more
/// than a common soft limit of 1024, so lift the soft limit to the hard one.
fn raise_open_file_limit() {
    #[cfg(unix)]
    // SAFETY: getrlimit/setrlimit only read and write the struct passed by pointer.
    unsafe {
        let mut lim = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) == 0 && lim.rlim_cur < lim.rlim_max {
            lim.rlim_cur = lim.rlim_cur.max(lim.rlim_max.min(8192));
            libc::setrlimit(libc::RLIMIT_NOFILE, &lim);
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_requests() {
    raise_open_file_limit();
    let srv = server().await;
    let id = kazakhstan(&srv.base).await;
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(64)
        .build()
        .unwrap();
    let paths: Arc<Vec<String>> = Arc::new(vec![
        "/api/health".into(),
        format!("/api/entities/{id}"),
        "/api/entities?q=روسيا".into(),
        "/api/search?q=%D9%85%D8%B8%D8%A7%D9%87%D8%B1%D8%A7%D8%AA".into(),
        "/api/timeline".into(),
        "/api/documents/..%2F..%2Fetc%2Fpasswd".into(),
    ]);
    let mut tasks = Vec::new();
    for i in 0..1000 {
        let client = client.clone();
        let url = format!("{}{}", srv.base, paths[i % paths.len()]);
        tasks.push(tokio::spawn(async move {
            let res = client.get(&url).send().await?;
            let status = res.status().as_u16();
            res.bytes().await?;
            Ok::<u16, reqwest::Error>(status)
        }));
    }
    let mut by_status: HashMap<u16, usize> = HashMap::new();
    for t in tasks {
        let status = t.await.unwrap().expect("every request is answered");
        *by_status.entry(status).or_default() += 1;
    }
    assert_eq!(by_status.get(&400), Some(&166), "{by_status:?}");
    assert_eq!(by_status.get(&200), Some(&834), "{by_status:?}");
    let (s, _) = get(&srv.base, "/api/health").await;
    assert_eq!(s, 200);
}

#[tokio::test]
async fn openapi_lists_every_route_and_every_route_answers() {
    let srv = server().await;
    let (s, doc) = get(&srv.base, "/openapi.json").await;
    assert_eq!(s, 200);
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    let id = kazakhstan(&srv.base).await;
    let (_, docs) = get(&srv.base, "/api/documents").await;
    let doc_id = docs["documents"][0]["id"].as_str().unwrap().to_string();
    let client = reqwest::Client::new();
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            let concrete = path
                .replace(
                    "{id}",
                    if path.contains("documents") {
                        &doc_id
                    } else {
                        &id
                    },
                )
                .replace("{path}", "none.js")
                .replace("{format}", "jsonl");
            let req = match method.as_str() {
                "get" => client.get(format!("{}{concrete}", srv.base)),
                "post" => client
                    .post(format!("{}{concrete}", srv.base))
                    .header("content-type", "application/json")
                    .body("{}"),
                m => panic!("unexpected method {m}"),
            };
            let res = req.send().await.unwrap();
            let status = res.status().as_u16();
            let expected_missing = path == "/assets/{path}";
            assert!(
                status < 400
                    || (status == 404 && expected_missing)
                    || (method == "post" && status == 400),
                "{method} {path}: {status}"
            );
        }
    }
}

#[tokio::test]
async fn page_is_served_with_strict_headers() {
    let srv = server().await;
    let res = reqwest::get(format!("{}/", srv.base)).await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let h = res.headers().clone();
    assert!(h["content-type"].to_str().unwrap().starts_with("text/html"));
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"));
    assert!(!csp.contains("http"), "no external origin: {csp}");
    assert_eq!(h["x-content-type-options"], "nosniff");
    let body = res.text().await.unwrap();
    assert!(body.contains("<html"));
    for path in marsad_server::assets::embedded_paths() {
        let res = reqwest::get(format!("{}/assets/{path}", srv.base))
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200, "{path}");
        let etag = res.headers()["etag"].to_str().unwrap().to_string();
        assert_eq!(
            res.headers()["content-type"].to_str().unwrap(),
            marsad_server::assets::content_type(path)
        );
        let again = reqwest::Client::new()
            .get(format!("{}/assets/{path}", srv.base))
            .header("if-none-match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(again.status().as_u16(), 304, "{path}");
    }
}

#[tokio::test]
async fn exports_are_attachments_in_their_format() {
    let srv = server().await;
    let (_, st) = get(&srv.base, "/api/stats").await;
    for (format, ctype) in [
        ("jsonl", "application/x-ndjson"),
        ("events.csv", "text/csv"),
        ("entities.csv", "text/csv"),
        ("graphml", "application/graphml+xml"),
        ("events.parquet", "application/vnd.apache.parquet"),
        ("entities.parquet", "application/vnd.apache.parquet"),
    ] {
        let res = reqwest::get(format!("{}/api/export/{format}", srv.base))
            .await
            .unwrap();
        assert_eq!(res.status().as_u16(), 200, "{format}");
        let h = res.headers().clone();
        assert!(
            h["content-type"].to_str().unwrap().starts_with(ctype),
            "{format}"
        );
        let cd = h["content-disposition"].to_str().unwrap();
        assert!(
            cd.starts_with("attachment;") && cd.ends_with(&format!(".{format}\"")),
            "{cd}"
        );
        let body = res.bytes().await.unwrap();
        match format {
            "jsonl" => {
                let lines: Vec<Value> = std::str::from_utf8(&body)
                    .unwrap()
                    .lines()
                    .map(|l| serde_json::from_str(l).unwrap())
                    .collect();
                let events = lines.iter().filter(|l| l["record"] == "event").count();
                assert_eq!(events as u64, st["events"].as_u64().unwrap());
            }
            "events.csv" | "entities.csv" => {
                let text = std::str::from_utf8(&body).unwrap();
                let rows = text.lines().count() as u64;
                let key = format.trim_end_matches(".csv");
                // Header plus at least one row per item (quoted fields may span lines).
                assert!(rows > st[key].as_u64().unwrap(), "{format}: {rows} lines");
            }
            "graphml" => assert!(std::str::from_utf8(&body).unwrap().contains("<graphml")),
            _ => assert!(
                body.starts_with(b"PAR1") && body.ends_with(b"PAR1"),
                "{format}"
            ),
        }
    }
    let (s, v) = get(&srv.base, "/api/export/exe").await;
    assert_eq!(s, 404);
    assert!(error_message(&v, 404).contains("exe"));
}

#[tokio::test]
async fn an_empty_store_answers_with_empty_views() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("marsad-server-empty");
    let _ = std::fs::remove_dir_all(&dir);
    let store: Arc<dyn marsad_store::Store> =
        Arc::from(marsad_store::open(dir.to_str().unwrap()).unwrap());
    let srv = start(store, marsad_server::Config::default()).await;
    let (s, h) = get(&srv.base, "/api/health").await;
    assert_eq!(s, 200);
    assert_eq!(h["documents"], 0);
    for path in [
        "/api/entities",
        "/api/events",
        "/api/timeline",
        "/api/graph",
        "/api/disagreements",
        "/api/documents",
    ] {
        let (s, _) = get(&srv.base, path).await;
        assert_eq!(s, 200, "{path}");
    }
    let (s, _) = get(&srv.base, "/api/entities/E1").await;
    assert_eq!(s, 404);
    let (s, res) = get(&srv.base, "/api/search?q=%D8%B1%D9%88%D8%B3%D9%8A%D8%A7").await;
    assert_eq!(s, 200);
    assert_eq!(res["total"], 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_go_on_during_an_ingest() {
    let srv = start(
        fresh_sample_store("concurrent"),
        marsad_server::Config::default(),
    )
    .await;
    let id = kazakhstan(&srv.base).await;
    let base = srv.base.clone();
    let ingest = tokio::spawn(async move {
        let body = serde_json::json!({"documents": [{"id": "during-1",
            "text": "قالت وزارة الخارجية الروسية إن قوات حفظ السلام ستغادر كازاخستان خلال أيام."}]});
        reqwest::Client::new()
            .post(format!("{base}/api/ingest"))
            .json(&body)
            .send()
            .await
            .unwrap()
            .status()
            .as_u16()
    });
    let mut reads = 0;
    loop {
        let (s, page) = get(&srv.base, &format!("/api/entities/{id}")).await;
        assert_eq!(s, 200);
        assert_eq!(page["entity"]["id"], id.as_str());
        reads += 1;
        if ingest.is_finished() || reads >= 10_000 {
            break;
        }
    }
    assert_eq!(ingest.await.unwrap(), 200);
    let (_, h) = get(&srv.base, "/api/health").await;
    assert_eq!(h["documents"], 6);
}

#[tokio::test]
async fn shutdown_stops_accepting_and_returns() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(marsad_server::serve(
        listener,
        sample_store(),
        marsad_server::Config::default(),
        async {
            let _ = rx.await;
        },
    ));
    let (s, _) = get(&format!("http://{addr}"), "/api/health").await;
    assert_eq!(s, 200);
    tx.send(()).unwrap();
    server.await.unwrap().unwrap();
    assert!(tokio::net::TcpStream::connect(addr).await.is_err());
}

/// A client that accepts gzip gets large answers compressed, and they decompress to exactly the
/// uncompressed answer; a client that does not gets plain bytes.
#[tokio::test]
async fn large_answers_are_gzipped_for_clients_that_ask() {
    use std::io::Read as _;
    let s = server().await;
    let client = reqwest::Client::new();
    let url = format!("{}/api/timeline", s.base);
    let plain = client.get(&url).send().await.unwrap();
    assert!(plain.headers().get("content-encoding").is_none());
    let plain = plain.bytes().await.unwrap();
    assert!(
        plain.len() > 1024,
        "the sample timeline is large enough to compress"
    );
    let gz = client
        .get(&url)
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(gz.status().as_u16(), 200);
    assert_eq!(
        gz.headers()
            .get("content-encoding")
            .map(|v| v.to_str().unwrap()),
        Some("gzip")
    );
    let packed = gz.bytes().await.unwrap();
    assert!(
        packed.len() < plain.len() / 3,
        "{} vs {}",
        packed.len(),
        plain.len()
    );
    let mut unpacked = Vec::new();
    flate2::read::GzDecoder::new(&packed[..])
        .read_to_end(&mut unpacked)
        .unwrap();
    assert_eq!(unpacked, plain.to_vec());
    // Errors stay JSON, compressed or not.
    let (status, v) = get(&s.base, "/api/entities/..%2F..").await;
    assert_eq!(status, 400);
    assert!(v.get("error").is_some());
}

#[tokio::test]
async fn a_read_only_store_serves_reads_and_refuses_ingest_with_403() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("marsad-server-ro");
    let _ = std::fs::remove_dir_all(&dir);
    {
        let store = marsad_store::open(dir.to_str().unwrap()).unwrap();
        store
            .ingest(common::sample_documents(), &mut |_| {})
            .unwrap();
    }
    let store: std::sync::Arc<dyn marsad_store::Store> =
        std::sync::Arc::from(marsad_store::open_read_only(dir.to_str().unwrap()).unwrap());
    let srv = start(store, marsad_server::Config::default()).await;
    let (status, h) = get(&srv.base, "/api/health").await;
    assert_eq!(status, 200);
    assert_eq!(h["read_only"], true, "{h}");
    assert_eq!(h["documents"], 5);
    let (status, _) = get(&srv.base, "/api/events?limit=3").await;
    assert_eq!(status, 200);
    let body = serde_json::json!({"documents": [{"id": "ro-1", "text": "نص قصير عن روسيا."}]});
    let res = reqwest::Client::new()
        .post(format!("{}/api/ingest", srv.base))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    let err: Value = res.json().await.unwrap();
    assert_eq!(err["error"]["status"], 403);
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap()
            .contains("read-only"),
        "{err}"
    );
    let (_, h) = get(&srv.base, "/api/health").await;
    assert_eq!(h["documents"], 5, "nothing was added");
}
