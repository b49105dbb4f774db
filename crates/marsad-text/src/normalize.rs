//! Normalisation for matching, with a map from normalised bytes back to original bytes.
//!
//! Folds: diacritics and tatweel removed; alef forms (أ إ آ ٱ) → ا; ى → ي; optionally ة → ه;
//! Arabic-Indic and Persian digits → ASCII; Arabic punctuation → ASCII; invisible bidi and
//! zero-width characters removed; Latin lower-cased.

/// Options for [`Normalized::new`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NormalizeOptions {
    /// Fold teh marbuta (ة) to heh (ه): names are written both ways.
    pub teh_marbuta_to_heh: bool,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            teh_marbuta_to_heh: true,
        }
    }
}

/// What one original char becomes: removed, or one replacement char.
///
/// Returns `None` for chars that vanish (diacritics, tatweel, invisible controls).
#[inline]
pub fn fold_char(c: char, opts: NormalizeOptions) -> Option<char> {
    Some(match c {
        // Harakat, tanwin, shadda, sukun, Quranic marks, superscript alef.
        '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{0610}'..='\u{061A}'
        | '\u{06D6}'..='\u{06ED}' => return None,
        // Tatweel.
        '\u{0640}' => return None,
        // Zero-width, bidi marks and embeddings, BOM, Arabic letter mark, soft hyphen.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{061C}'
        | '\u{00AD}' => return None,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ى' | 'ی' => 'ي',
        'ک' => 'ك',
        'ة' if opts.teh_marbuta_to_heh => 'ه',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        '،' => ',',
        '؛' => ';',
        '؟' => '?',
        '٪' => '%',
        '٫' => '.',
        '٬' => ',',
        '«' | '»' | '“' | '”' | '„' | '‟' | '″' => '"',
        '‘' | '’' | '‚' | '‛' => '\'',
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        'A'..='Z' => c.to_ascii_lowercase(),
        _ => c,
    })
}

/// Normalises a string for matching, without keeping offsets.
pub fn normalize_str(s: &str) -> String {
    let opts = NormalizeOptions::default();
    s.chars().filter_map(|c| fold_char(c, opts)).collect()
}

/// Normalised text with a byte-level map back into the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// For each byte of `text`, the original byte range of the char it came from, widened over
    /// removed chars (diacritics) that follow it so evidence covers whole written words.
    src: Vec<(u32, u32)>,
    orig_len: usize,
}

impl Normalized {
    /// Normalises `original`.
    pub fn new(original: &str, opts: NormalizeOptions) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut src: Vec<(u32, u32)> = Vec::with_capacity(original.len());
        for (i, c) in original.char_indices() {
            let end = (i + c.len_utf8()) as u32;
            match fold_char(c, opts) {
                Some(f) => {
                    let before = text.len();
                    text.push(f);
                    for _ in before..text.len() {
                        src.push((i as u32, end));
                    }
                }
                None => {
                    // Attach a vanished char to the char before it, if that is adjacent.
                    if let Some(last) = src.last().copied() {
                        if last.1 == i as u32 {
                            let from = src.len() - last_char_len(&text);
                            for s in &mut src[from..] {
                                s.1 = end;
                            }
                        }
                    }
                }
            }
        }
        Normalized {
            text,
            src,
            orig_len: original.len(),
        }
    }

    /// Maps a normalised byte range to the original byte range it came from.
    ///
    /// `start`/`end` must be char boundaries of `self.text`; an empty range maps to an empty range.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start <= end && end <= self.text.len());
        if start >= self.src.len() {
            return (self.orig_len, self.orig_len);
        }
        if start == end {
            let s = self.src[start].0 as usize;
            return (s, s);
        }
        (self.src[start].0 as usize, self.src[end - 1].1 as usize)
    }

    /// Original byte offset where the normalised char at `pos` starts.
    pub fn original_start(&self, pos: usize) -> usize {
        self.src.get(pos).map_or(self.orig_len, |s| s.0 as usize)
    }
}

fn last_char_len(s: &str) -> usize {
    s.chars().next_back().map_or(0, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_alef_yeh_digits_diacritics() {
        assert_eq!(normalize_str("أُعلنَ"), "اعلن");
        assert_eq!(normalize_str("مصطفى"), "مصطفي");
        assert_eq!(normalize_str("٢٠١٩"), "2019");
        assert_eq!(normalize_str("۲۰۲۲"), "2022");
        assert_eq!(normalize_str("شخصاً"), "شخصا");
        assert_eq!(normalize_str("كازاخستـــان"), "كازاخستان");
        assert_eq!(normalize_str("«توكاييف»،"), "\"توكاييف\",");
        assert_eq!(normalize_str("\u{200F}روسيا\u{200E}"), "روسيا");
    }

    #[test]
    fn teh_marbuta_is_an_option() {
        let on = Normalized::new("منظمة", NormalizeOptions::default());
        assert_eq!(on.text, "منظمه");
        let off = Normalized::new(
            "منظمة",
            NormalizeOptions {
                teh_marbuta_to_heh: false,
            },
        );
        assert_eq!(off.text, "منظمة");
    }

    #[test]
    fn maps_back_over_removed_diacritics() {
        let orig = "قتل 164 شخصاً أمس";
        let n = Normalized::new(orig, NormalizeOptions::default());
        let s = n.text.find("شخصا").unwrap();
        let (a, b) = n.to_original(s, s + "شخصا".len());
        assert_eq!(&orig[a..b], "شخصاً");
    }

    proptest! {
        #[test]
        fn map_is_monotonic_and_on_boundaries(s in "\\PC{0,64}") {
            let n = Normalized::new(&s, NormalizeOptions::default());
            let mut last = (0usize, 0usize);
            for (i, _) in n.text.char_indices() {
                let (a, b) = n.to_original(i, i + n.text[i..].chars().next().unwrap().len_utf8());
                prop_assert!(s.is_char_boundary(a) && s.is_char_boundary(b));
                prop_assert!(a >= last.0 && a >= last.1.min(a));
                prop_assert!(a < b);
                last = (a, b);
            }
            let (a, b) = n.to_original(0, n.text.len());
            prop_assert!(a <= b && b <= s.len());
        }
    }
}
