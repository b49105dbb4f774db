//! Bytes to text: BOM sniffing, UTF-8, UTF-16 with BOM, and Windows-1256 detection.

use std::borrow::Cow;

use encoding_rs::{Encoding, ISO_8859_6, UTF_8, WINDOWS_1256};

/// Text decoded from bytes, with notes on how.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    /// The decoded text (borrowed when the input was UTF-8 already).
    pub text: Cow<'a, str>,
    /// Notes for the document's `warnings`.
    pub warnings: Vec<String>,
}

/// Why bytes could not be decoded.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// Binary data; the detail says why.
    Binary(String),
    /// Text in an encoding we do not accept; the detail says what was seen.
    Encoding(String),
}

/// Decodes `bytes`; `declared` is a charset the container declared (HTML `<meta charset>`).
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    declared: Option<&'static Encoding>,
) -> Result<Decoded<'a>, DecodeError> {
    let mut warnings = Vec::new();
    let text: Cow<'a, str> = if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        let Some(text) = enc.decode_without_bom_handling_and_without_replacement(body) else {
            return Err(DecodeError::Encoding(format!(
                "starts with a {} byte-order mark but is not valid {}",
                enc.name(),
                enc.name()
            )));
        };
        if enc == UTF_8 {
            warnings.push(
                "a UTF-8 byte-order mark (3 bytes) was removed; offsets index the text after it"
                    .to_string(),
            );
        } else {
            warnings.push(format!(
                "decoded from {} (byte-order mark removed); offsets index the decoded UTF-8 text",
                enc.name()
            ));
        }
        text
    } else if memchr_nul(bytes) {
        return Err(if looks_like_bomless_utf16(bytes) {
            DecodeError::Encoding("looks like UTF-16 without a byte-order mark".to_string())
        } else {
            DecodeError::Binary("contains NUL bytes".to_string())
        });
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => {
                // For pure-ASCII text every ASCII-compatible declaration is equally true.
                if let Some(d) = declared.filter(|d| *d != UTF_8 && !s.is_ascii()) {
                    warnings.push(format!(
                        "declares charset {} but is valid UTF-8; read as UTF-8",
                        d.name()
                    ));
                }
                Cow::Borrowed(s)
            }
            Err(e) => decode_legacy(bytes, declared, e.valid_up_to(), &mut warnings)?,
        }
    };
    check_controls(&text)?;
    Ok(Decoded { text, warnings })
}

/// Non-UTF-8 input without BOM: an Arabic single-byte charset, declared or detected.
fn decode_legacy<'a>(
    bytes: &'a [u8],
    declared: Option<&'static Encoding>,
    bad_at: usize,
    warnings: &mut Vec<String>,
) -> Result<Cow<'a, str>, DecodeError> {
    if let Some(d) = declared.filter(|d| *d == WINDOWS_1256 || *d == ISO_8859_6) {
        if let Some(text) = d.decode_without_bom_handling_and_without_replacement(bytes) {
            warnings.push(format!(
                "decoded as {} as the page declares; offsets index the decoded UTF-8 text",
                d.name().to_ascii_lowercase()
            ));
            return Ok(text);
        }
    }
    let (text, _) = WINDOWS_1256.decode_without_bom_handling(bytes);
    if plausible_arabic(&text) {
        warnings.push(
            "not UTF-8; decoded as windows-1256 (detected: mostly Arabic letters); offsets index the decoded UTF-8 text"
                .to_string(),
        );
        return Ok(text);
    }
    let declared_note = match declared {
        Some(d) if d != UTF_8 => format!(", declares charset {}", d.name()),
        _ => String::new(),
    };
    Err(DecodeError::Encoding(format!(
        "not valid UTF-8 (bad byte at offset {bad_at}){declared_note}, and not recognisable as Windows-1256 Arabic"
    )))
}

/// Whether text decoded as Windows-1256 reads as Arabic: nearly all non-ASCII characters are
/// Arabic. Latin-1 or random bytes decode to a mix of Latin letters, symbols and Arabic.
fn plausible_arabic(text: &str) -> bool {
    let mut arabic_letters = 0usize;
    let mut arabic = 0usize;
    let mut other = 0usize;
    for c in text.chars() {
        if c.is_ascii() {
            continue;
        }
        if ('\u{0600}'..='\u{06FF}').contains(&c) {
            arabic += 1;
            if c.is_alphabetic() {
                arabic_letters += 1;
            }
        } else if c == '\u{00A0}'
            || c == '\u{200C}'
            || c == '\u{200D}'
            || c == '\u{200E}'
            || c == '\u{200F}'
        {
            // Spaces and direction marks are common in Arabic text and say nothing either way.
        } else {
            other += 1;
        }
    }
    arabic_letters >= 2 && arabic >= 9 * other
}

/// Rejects text that is mostly control characters, and any NUL.
fn check_controls(text: &str) -> Result<(), DecodeError> {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            return Err(DecodeError::Binary("contains NUL characters".to_string()));
        }
        if is_bad_control(c) {
            bad += 1;
        }
    }
    // A stray escape or form-feed in a long article is harmless; many of them are not text.
    if bad > 0 && bad * 100 > total {
        return Err(DecodeError::Binary(format!(
            "{bad} control characters in {total} characters"
        )));
    }
    Ok(())
}

fn is_bad_control(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\x0B' | '\x0C'))
        || c == '\x7F'
        || ('\u{80}'..='\u{9F}').contains(&c)
}

fn memchr_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// UTF-16 text keeps one byte of each pair within a few values: 0x00 for ASCII, the script's
/// block (0x06 for Arabic) for the rest. Only called on input that has NUL bytes.
fn looks_like_bomless_utf16(bytes: &[u8]) -> bool {
    if bytes.len() < 4 {
        return false;
    }
    let mut hist = [[0usize; 256]; 2];
    for (i, b) in bytes.iter().enumerate() {
        hist[i % 2][*b as usize] += 1;
    }
    hist.iter().any(|h| {
        let n: usize = h.iter().sum();
        let top = h[1..].iter().copied().max().unwrap_or(0);
        h[0] > 0 && (h[0] + top) * 10 >= n * 9
    })
}

/// The charset an HTML page declares in its first bytes (`<meta charset>` or `http-equiv`).
pub(crate) fn sniff_html_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let needle = b"charset";
    let mut i = 0;
    while i + needle.len() <= head.len() {
        if head[i..i + needle.len()].eq_ignore_ascii_case(needle) {
            let mut j = i + needle.len();
            while j < head.len() && head[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < head.len() && head[j] == b'=' {
                j += 1;
                while j < head.len()
                    && (head[j].is_ascii_whitespace() || head[j] == b'"' || head[j] == b'\'')
                {
                    j += 1;
                }
                let start = j;
                while j < head.len()
                    && (head[j].is_ascii_alphanumeric()
                        || matches!(head[j], b'-' | b'_' | b':' | b'.'))
                {
                    j += 1;
                }
                if let Some(enc) = Encoding::for_label(&head[start..j]) {
                    // The Encoding Standard maps a declared UTF-16 to UTF-8: without a BOM the
                    // declaration cannot be right for bytes we could read this far as ASCII.
                    return Some(enc.output_encoding());
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const AR: &str = "وقالت وزارة الداخلية الكازاخستانية إن قوات الأمن اعتقلت نحو ثلاثة آلاف شخص، بحسب ما أعلنت السلطات.";

    #[test]
    fn utf8_borrowed_without_warning() {
        let d = decode(AR.as_bytes(), None).unwrap();
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!(d.text, AR);
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn utf8_bom_stripped_with_warning() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(AR.as_bytes());
        let d = decode(&b, None).unwrap();
        assert_eq!(d.text, AR);
        assert!(d.warnings[0].contains("byte-order mark"));
    }

    #[test]
    fn utf16_both_orders_with_bom() {
        for le in [true, false] {
            let mut b: Vec<u8> = if le {
                vec![0xFF, 0xFE]
            } else {
                vec![0xFE, 0xFF]
            };
            for u in AR.encode_utf16() {
                b.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
            }
            let d = decode(&b, None).unwrap();
            assert_eq!(d.text, AR);
            assert!(d.warnings[0].contains(if le { "UTF-16LE" } else { "UTF-16BE" }));
        }
    }

    #[test]
    fn utf16_without_bom_is_an_encoding_error() {
        let b: Vec<u8> = "Kazakhstan protests"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(matches!(decode(&b, None), Err(DecodeError::Encoding(d)) if d.contains("UTF-16")));
    }

    #[test]
    fn windows_1256_detected() {
        let (b, _, unmappable) = WINDOWS_1256.encode(AR);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&b).is_err());
        let d = decode(&b, None).unwrap();
        assert_eq!(d.text, AR);
        assert!(d.warnings[0].contains("windows-1256"));
    }

    #[test]
    fn latin1_is_not_taken_for_arabic() {
        let (b, _, _) = encoding_rs::WINDOWS_1252
            .encode("Le président a déclaré que la réunion était prévue à Genève.");
        assert!(matches!(decode(&b, None), Err(DecodeError::Encoding(_))));
    }

    #[test]
    fn nul_and_controls_are_binary() {
        assert!(matches!(
            decode(b"abc\0\x01\x02\xff\xfe\x03", None),
            Err(DecodeError::Binary(_))
        ));
        assert!(matches!(
            decode(b"\x01\x02\x03\x04abc", None),
            Err(DecodeError::Binary(_))
        ));
        // One stray control character in real text is tolerated.
        let mut s = AR.repeat(3);
        s.push('\x1B');
        assert!(decode(s.as_bytes(), None).is_ok());
    }

    #[test]
    fn sniffs_meta_charset() {
        let h = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">";
        assert_eq!(sniff_html_charset(h), Some(WINDOWS_1256));
        assert_eq!(sniff_html_charset(b"<meta charset='UTF-8'>"), Some(UTF_8));
        assert_eq!(sniff_html_charset(b"<meta charset=utf-16>"), Some(UTF_8));
        assert_eq!(sniff_html_charset(b"<p>no declaration</p>"), None);
    }
}
