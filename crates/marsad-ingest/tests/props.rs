//! Property tests: decoding round-trips keep every character, so offsets into `text` are sound.

use marsad_ingest::{fuzz_one, parse_bytes, IngestOptions, InputKind};
use proptest::prelude::*;

fn utf16(s: &str, le: bool) -> Vec<u8> {
    let mut b = if le {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in s.encode_utf16() {
        b.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    b
}

/// Arabic words with spaces, punctuation and digits, as in news text.
fn arabic_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي]{1,8}",
            Just(" ".to_string()),
            Just("، ".to_string()),
            Just(".\n".to_string()),
            "[0-9]{1,4}",
        ],
        1..40,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn utf8_txt_is_kept_byte_for_byte(s in "\\PC{1,300}") {
        prop_assume!(!s.trim().is_empty());
        let (docs, errs) = parse_bytes("p.txt", InputKind::Txt, s.as_bytes(), &IngestOptions::default());
        prop_assert!(errs.is_empty(), "{:?}", errs);
        prop_assert_eq!(&docs[0].text, &s);
        prop_assert_eq!(docs[0].bytes, s.len());
    }

    #[test]
    fn utf16_with_bom_round_trips(s in "\\PC{1,300}", le in any::<bool>()) {
        prop_assume!(!s.trim().is_empty());
        let (docs, errs) = parse_bytes("p.txt", InputKind::Txt, &utf16(&s, le), &IngestOptions::default());
        prop_assert!(errs.is_empty(), "{:?}", errs);
        prop_assert_eq!(&docs[0].text, &s);
    }

    #[test]
    fn windows_1256_arabic_round_trips(s in arabic_text()) {
        let (b, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&s);
        prop_assert!(!unmappable);
        // One short Arabic word can by chance be valid UTF-8 in 1256; then UTF-8 wins, as it should.
        prop_assume!(std::str::from_utf8(&b).is_err());
        prop_assume!(s.chars().filter(|c| ('ء'..='ي').contains(c)).count() >= 2);
        let (docs, errs) = parse_bytes("p.txt", InputKind::Txt, &b, &IngestOptions::default());
        prop_assert!(errs.is_empty(), "{:?}", errs);
        prop_assert_eq!(&docs[0].text, &s);
    }

    #[test]
    fn jsonl_text_field_is_kept_exactly(texts in proptest::collection::vec("\\PC{1,80}", 1..6)) {
        let mut body = String::new();
        for (i, t) in texts.iter().enumerate() {
            body.push_str(&serde_json::json!({"id": format!("d{i}"), "text": t}).to_string());
            body.push('\n');
        }
        let (docs, errs) = parse_bytes("p.jsonl", InputKind::Jsonl, body.as_bytes(), &IngestOptions::default());
        let kept: Vec<&String> = texts.iter().filter(|t| !t.trim().is_empty()).collect();
        prop_assert_eq!(docs.len(), kept.len());
        prop_assert_eq!(errs.len(), texts.len() - kept.len());
        for (d, t) in docs.iter().zip(kept) {
            prop_assert_eq!(&d.text, t);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A stable-toolchain stand-in for the fuzzer: arbitrary bytes never break an invariant.
    #[test]
    fn arbitrary_bytes_hold_the_invariants(data in proptest::collection::vec(any::<u8>(), 0..512)) {
        fuzz_one(&data);
    }

    #[test]
    fn arbitrary_html_like_text_holds_the_invariants(s in "(<[a-z/!]{0,6}[ =\"a-z]{0,8}>|[ء-ي ]{0,12}|&[a-z#0-9]{0,5};?){0,40}") {
        fuzz_one(s.as_bytes());
    }
}
