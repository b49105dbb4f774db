//! Conservative clitic segmentation of Arabic words, checked against a lexicon of stems.
//!
//! Proclitics: conjunctions و ف, prepositions ب ك ل, future س, article ال (ل + ال is written
//! لل); enclitic pronouns ه ها هم هما هن كم كما كن نا ي. A split is proposed only when the
//! remaining stem (normalised with [`normalize_str`](crate::normalize_str)) is in the lexicon, so
//! names like ولاية or بلينكن are left whole unless لاية / لينكن are known words.

use std::collections::{BTreeSet, HashSet};
use std::sync::{Arc, OnceLock};

use crate::normalize::{fold_char, NormalizeOptions};

/// A set of known stems, in normalised form (see [`normalize_str`](crate::normalize_str)).
pub trait Lexicon {
    /// True if `normalised_stem` is a known word or name.
    fn contains(&self, normalised_stem: &str) -> bool;
}

impl<T: Lexicon + ?Sized> Lexicon for &T {
    fn contains(&self, s: &str) -> bool {
        (**self).contains(s)
    }
}

impl<T: Lexicon + ?Sized> Lexicon for Box<T> {
    fn contains(&self, s: &str) -> bool {
        (**self).contains(s)
    }
}

impl<T: Lexicon + ?Sized> Lexicon for Arc<T> {
    fn contains(&self, s: &str) -> bool {
        (**self).contains(s)
    }
}

impl<S: std::hash::BuildHasher> Lexicon for HashSet<String, S> {
    fn contains(&self, s: &str) -> bool {
        HashSet::contains(self, s)
    }
}

impl<S: std::hash::BuildHasher> Lexicon for HashSet<&str, S> {
    fn contains(&self, s: &str) -> bool {
        HashSet::contains(self, s)
    }
}

impl Lexicon for BTreeSet<String> {
    fn contains(&self, s: &str) -> bool {
        BTreeSet::contains(self, s)
    }
}

/// A lexicon that contains what either of its two parts contains; nest it for more parts.
#[derive(Debug, Clone, Default)]
pub struct UnionLexicon<A, B>(pub A, pub B);

impl<A: Lexicon, B: Lexicon> Lexicon for UnionLexicon<A, B> {
    fn contains(&self, s: &str) -> bool {
        self.0.contains(s) || self.1.contains(s)
    }
}

/// An empty lexicon: with it, [`segment`] never splits.
#[derive(Debug, Clone, Copy, Default)]
pub struct EmptyLexicon;

impl Lexicon for EmptyLexicon {
    fn contains(&self, _: &str) -> bool {
        false
    }
}

/// Built-in lexicon of frequent Arabic words (function words and common nouns/verbs), normalised
/// and without clitics, so that frequent forms like والأمن, للحكومة, وقال split.
///
/// The list `data/common_words.txt` is derived from the ANT news corpus (Chouigui, Ben Khiroun &
/// Elayeb 2017/2021; Apache-2.0) by
/// `cargo run -p marsad-text --example gen_common_words -- /work/shared/data/ant_news/ant_multisource_politics_2018-02_to_06.jsonl > crates/marsad-text/data/common_words.txt`.
#[derive(Debug, Clone, Copy, Default)]
pub struct CommonWords;

/// Alias of [`CommonWords`] (the list holds function words too).
pub type FunctionWords = CommonWords;

static COMMON_WORDS_TEXT: &str = include_str!("../data/common_words.txt");

/// FNV-1a: the set's keys are short, trusted words, so SipHash's DoS resistance buys nothing.
#[derive(Default, Clone, Copy)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvSet = HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>;

fn common_words() -> &'static FnvSet {
    static SET: OnceLock<FnvSet> = OnceLock::new();
    SET.get_or_init(|| {
        COMMON_WORDS_TEXT
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

impl CommonWords {
    /// Number of words in the built-in list.
    pub fn len(&self) -> usize {
        common_words().len()
    }

    /// True if the built-in list is empty (it is not).
    pub fn is_empty(&self) -> bool {
        common_words().is_empty()
    }
}

impl Lexicon for CommonWords {
    fn contains(&self, s: &str) -> bool {
        common_words().contains(s)
    }
}

/// Role of a clitic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CliticKind {
    /// و or ف.
    Conjunction,
    /// ب, ك or ل.
    Preposition,
    /// س (future, before an imperfect verb).
    Future,
    /// ال, or the ل of لل after the preposition ل.
    Article,
    /// An attached pronoun: ه ها هم هما هن كم كما كن نا ي.
    Pronoun,
}

/// One clitic: a byte range of the segmented word and its role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Clitic {
    /// Byte offset in the word of the first byte.
    pub start: usize,
    /// Byte offset in the word one past the last byte (covers following diacritics/tatweel).
    pub end: usize,
    /// Role.
    pub kind: CliticKind,
}

/// A word split into proclitics, stem and enclitic; the pieces concatenate to the word.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Segmentation {
    /// Proclitics in order of appearance.
    pub proclitics: Vec<Clitic>,
    /// Byte range of the stem within the word (empty for a clitic marker like `الـ`).
    pub stem: (usize, usize),
    /// Attached pronoun, if any.
    pub enclitic: Option<Clitic>,
}

impl Segmentation {
    /// The unsplit segmentation of a word of `len` bytes.
    pub fn whole(len: usize) -> Segmentation {
        Segmentation {
            proclitics: Vec::new(),
            stem: (0, len),
            enclitic: None,
        }
    }

    /// True if any clitic was split off.
    pub fn is_split(&self) -> bool {
        !self.proclitics.is_empty() || self.enclitic.is_some()
    }

    /// The stem's text; `word` must be the segmented word.
    pub fn stem_str<'a>(&self, word: &'a str) -> &'a str {
        word.get(self.stem.0..self.stem.1).unwrap_or("")
    }

    /// True if the article ال (or the ل of لل) was split off.
    pub fn has_article(&self) -> bool {
        self.proclitics
            .iter()
            .any(|c| c.kind == CliticKind::Article)
    }

    /// The normalised stem with the article spelled out (`الامن` for للأمن, والأمن, الأمن), or
    /// `None` without an article: the form to look up names like الصين that are listed with
    /// their article.
    pub fn article_form(&self, word: &str) -> Option<String> {
        if !self.has_article() {
            return None;
        }
        let mut s = String::from("ال");
        s.push_str(&crate::normalize_str(self.stem_str(word)));
        Some(s)
    }

    /// Byte range of the stem with its article, if any (`الأمن` in `للأمن` is not contiguous, so
    /// for لل this is the article's ل plus the stem).
    pub fn stem_with_article(&self) -> (usize, usize) {
        match self
            .proclitics
            .iter()
            .find(|c| c.kind == CliticKind::Article)
        {
            Some(a) => (a.start, self.stem.1),
            None => self.stem,
        }
    }
}

/// Words that begin with ال where ال is not a separable article (at most 7 letters).
const ARTICLE_EXCEPTIONS: &[&str] = &[
    "الذي",
    "التي",
    "الذين",
    "اللذان",
    "اللذين",
    "اللتان",
    "اللتين",
    "اللاتي",
    "اللواتي",
    "اللائي",
    "الله",
    "اللهم",
    "الا",
    "الي",
    "الان",
    "الف",
    "الفا",
    "الاف",
    "الوف",
    "الم",
    "اله",
    "الهه",
];

/// Function words whose first letters look like a proclitic but are lexicalised (normalised,
/// at most 6 letters).
const NEVER_SPLIT: &[&str] = &[
    "لماذا",
    "ماذا",
    "طالما",
    "كلا",
    "كلاهما",
    "كلتا",
    "كلما",
    "بينما",
    "لكن",
    "لكنما",
    "لدي",
    "لعل",
    "لكي",
    "كي",
    "كان",
    "كانت",
    "كأن",
    "كانما",
    "لولا",
    "لوما",
    "كيف",
    "كيفما",
    "فقط",
    "لذا",
    "فيما",
    "ربما",
    "بل",
    "بلا",
    "كذا",
    "لان",
    "لا",
    "لم",
    "لن",
    "لو",
    "ليس",
    "ليست",
    "بعد",
    "بين",
    "فوق",
    "سوي",
    "سوف",
    "وراء",
    "لدن",
    "بضع",
    "بضعه",
    "سويا",
];

/// Preposition + pronoun words (له, بها, ...): never the stem after another preposition
/// (ك + لها in وكلها is wrong; it is و + كل + ها).
const PREP_PRONOUNS: &[&str] = &[
    "له", "لها", "لهم", "لهما", "لهن", "لك", "لكم", "لكما", "لكن", "لنا", "لي", "به", "بها", "بهم",
    "بهما", "بهن", "بك", "بكم", "بنا", "بي",
];

const ENCLITICS: &[(&str, usize)] = &[
    ("هما", 3),
    ("كما", 3),
    ("هم", 2),
    ("هن", 2),
    ("ها", 2),
    ("كم", 2),
    ("كن", 2),
    ("نا", 2),
    ("ه", 1),
    ("ي", 1),
];

const MAX_CHARS: usize = 48;
const MIN_STEM: usize = 2;
const TATWEEL: char = '\u{0640}';

#[derive(Clone, Copy, Default)]
struct Ch {
    /// Folded char.
    f: char,
    /// Original char.
    o: char,
    start: u32,
    end: u32,
}

/// Letters of the word after folding, with original chars and byte ranges (each widened over the
/// diacritics, tatweel and invisible chars after it).
struct Chars {
    ch: [Ch; MAX_CHARS],
    n: usize,
    /// True if the word ends with a tatweel (a clitic marker like الـ).
    tatweel_end: bool,
}

impl Chars {
    fn new(word: &str) -> Option<Chars> {
        let opts = NormalizeOptions::default();
        let mut ch = [Ch::default(); MAX_CHARS];
        let mut n = 0;
        let mut tatweel_end = false;
        for (i, c) in word.char_indices() {
            let end = (i + c.len_utf8()) as u32;
            match fold_char(c, opts) {
                Some(f) => {
                    if !is_arabic_letter(f) || n == MAX_CHARS {
                        return None;
                    }
                    ch[n] = Ch {
                        f,
                        o: c,
                        start: if n == 0 { 0 } else { i as u32 },
                        end,
                    };
                    n += 1;
                    tatweel_end = false;
                }
                None => {
                    if n > 0 {
                        ch[n - 1].end = end;
                    }
                    tatweel_end = c == TATWEEL;
                }
            }
        }
        if n == 0 {
            return None;
        }
        // Trailing vanished chars belong to the last letter.
        ch[n - 1].end = word.len() as u32;
        Some(Chars { ch, n, tatweel_end })
    }

    fn orig(&self, i: usize) -> char {
        self.ch[i].o
    }

    /// Writes the folded chars `a..b` (with an optional prefix and replaced last char) into `buf`.
    fn write<'b>(
        &self,
        buf: &'b mut [u8; 4 * MAX_CHARS + 8],
        prefix: &str,
        a: usize,
        b: usize,
        last: Option<char>,
    ) -> &'b str {
        let mut len = 0;
        buf[..prefix.len()].copy_from_slice(prefix.as_bytes());
        len += prefix.len();
        for i in a..b {
            let c = if i + 1 == b {
                last.unwrap_or(self.ch[i].f)
            } else {
                self.ch[i].f
            };
            len += c.encode_utf8(&mut buf[len..]).len();
        }
        std::str::from_utf8(&buf[..len]).unwrap_or("")
    }
}

/// Letters (after folding) that can make up an Arabic word.
#[inline]
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}')
}

/// A proclitic sequence: up to three clitics, each `(kind, letters)`.
#[derive(Clone, Copy, Default)]
struct Pro {
    items: [(Option<CliticKind>, usize); 3],
    n: usize,
    len: usize,
    article: bool,
}

impl Pro {
    fn push(mut self, kind: CliticKind, letters: usize) -> Pro {
        self.items[self.n] = (Some(kind), letters);
        self.n += 1;
        self.len += letters;
        self.article |= kind == CliticKind::Article;
        self
    }
}

/// All proclitic sequences the start of the word allows (by original letters).
fn proclitic_options(c: &Chars) -> ([Pro; 8], usize) {
    let mut out = [Pro::default(); 8];
    let mut len = 0;
    let mut push = |p: Pro| {
        out[len] = p;
        len += 1;
    };
    let n = c.n;
    let at = |i: usize| if i < n { c.orig(i) } else { '\0' };
    let mut conj = [Pro::default(); 2];
    let mut nconj = 1;
    if matches!(at(0), 'و' | 'ف') {
        conj[1] = Pro::default().push(CliticKind::Conjunction, 1);
        nconj = 2;
    }
    for &base in &conj[..nconj] {
        let p = base.len;
        let mut preps = [base; 2];
        let mut npreps = 1;
        match at(p) {
            'ب' | 'ك' | 'ل' => {
                preps[1] = base.push(CliticKind::Preposition, 1);
                npreps = 2;
            }
            // The future marker only precedes an imperfect verb prefix.
            'س' if matches!(at(p + 1), 'ي' | 'ت' | 'ن' | 'أ') => {
                preps[1] = base.push(CliticKind::Future, 1);
                npreps = 2;
            }
            _ => {}
        }
        for &pre in &preps[..npreps] {
            let q = pre.len;
            push(pre);
            let after_li = pre.n > 0
                && pre.items[pre.n - 1].0 == Some(CliticKind::Preposition)
                && at(q - 1) == 'ل';
            let future = pre.n > 0 && pre.items[pre.n - 1].0 == Some(CliticKind::Future);
            if future {
                continue;
            }
            if after_li {
                // ل + ال is written لل.
                if at(q) == 'ل' {
                    push(pre.push(CliticKind::Article, 1));
                }
            } else if matches!(at(q), 'ا' | 'ٱ') && at(q + 1) == 'ل' {
                push(pre.push(CliticKind::Article, 2));
            }
        }
    }
    (out, len)
}

/// True if `word` is only proclitics followed by tatweel, like `الـ`, `بـ`, `وللـ` (the word
/// goes on in the next token, e.g. a number: `الـ75`).
pub fn is_proclitic_marker(word: &str) -> bool {
    marker_segmentation(word).is_some()
}

/// True if `word` is only proclitic letters, with or without a final tatweel (`ب`, `وال`,
/// `الـ`): such a word written against a number or a Latin word (`ب2500`, `الـCNN`) is a
/// prefix of it.
pub fn is_proclitic_sequence(word: &str) -> bool {
    proclitics_only(word).is_some()
}

fn marker_segmentation(word: &str) -> Option<Segmentation> {
    if !Chars::new(word)?.tatweel_end {
        return None;
    }
    proclitics_only(word)
}

fn proclitics_only(word: &str) -> Option<Segmentation> {
    let c = Chars::new(word)?;
    let (opts, k) = proclitic_options(&c);
    let pro = opts[..k].iter().find(|p| p.n > 0 && p.len == c.n)?;
    Some(build(&c, word, pro, None))
}

fn build(c: &Chars, word: &str, pro: &Pro, enc: Option<usize>) -> Segmentation {
    let mut proclitics = Vec::with_capacity(pro.n);
    let mut i = 0;
    for &(kind, letters) in &pro.items[..pro.n] {
        let start = c.ch[i].start as usize;
        let end = c.ch[i + letters - 1].end as usize;
        proclitics.push(Clitic {
            start,
            end,
            kind: kind.unwrap_or(CliticKind::Conjunction),
        });
        i += letters;
    }
    let stem_start = if pro.len == 0 {
        0
    } else {
        c.ch[pro.len - 1].end as usize
    };
    let (stem_end, enclitic) = match enc {
        Some(e) => {
            let s = c.ch[c.n - e].start as usize;
            (
                s,
                Some(Clitic {
                    start: s,
                    end: word.len(),
                    kind: CliticKind::Pronoun,
                }),
            )
        }
        None => (word.len(), None),
    };
    Segmentation {
        proclitics,
        stem: (stem_start, stem_end.max(stem_start)),
        enclitic,
    }
}

/// Splits `word` into clitics and a stem, only when the stem is in `lexicon`.
///
/// Rules: a word whose whole normalised form is in the lexicon is not split (except that a
/// leading article ال is always separated when the rest is a known stem); the split that strips
/// the fewest letters wins; stems have at least two letters; the article cannot take a pronoun;
/// enclitic ي is only split after ت written for ة (حكومتي) because nisba adjectives (روسي) are
/// far more common in news than "my"; ه must be written ه, not ة. Words with non-Arabic letters
/// or more than 48 letters are left whole.
pub fn segment(word: &str, lexicon: &dyn Lexicon) -> Segmentation {
    let whole = Segmentation::whole(word.len());
    let Some(c) = Chars::new(word) else {
        return whole;
    };
    if c.tatweel_end {
        if let Some(s) = marker_segmentation(word) {
            return s;
        }
    }
    let n = c.n;
    // Most words can have no clitic at all: no proclitic letter first, no pronoun letter last.
    let may_pro = matches!(c.orig(0), 'و' | 'ف' | 'ب' | 'ك' | 'ل' | 'س' | 'ا' | 'ٱ');
    let may_enc = matches!(c.orig(n - 1), 'ه' | 'ا' | 'م' | 'ن' | 'ي');
    if n < 1 + MIN_STEM || !(may_pro || may_enc) {
        return whole;
    }
    let mut buf = [0u8; 4 * MAX_CHARS + 8];
    let full = c.write(&mut buf, "", 0, n, None);
    let article_start = n >= 2 && matches!(c.orig(0), 'ا' | 'ٱ') && c.orig(1) == 'ل';
    if n <= 7 && (ARTICLE_EXCEPTIONS.contains(&full) || NEVER_SPLIT.contains(&full)) {
        return whole;
    }
    if !article_start && lexicon.contains(full) {
        return whole;
    }
    let (pros, npros) = proclitic_options(&c);
    // Candidates (stripped letters, proclitics, enclitic letters), fewest stripped letters first.
    let mut cands = [(0usize, 0usize, 0usize); 8 * (1 + ENCLITICS.len())];
    let mut ncands = 0;
    for (pi, p) in pros[..npros].iter().enumerate() {
        cands[ncands] = (p.len, pi, 0);
        ncands += 1;
        if p.article {
            continue;
        }
        for &(e, el) in ENCLITICS {
            if el + p.len + MIN_STEM > n {
                continue;
            }
            let matches = e.chars().zip(n - el..n).all(|(ec, i)| c.orig(i) == ec);
            if matches {
                cands[ncands] = (p.len + el, pi, el);
                ncands += 1;
            }
        }
    }
    let cands = &mut cands[..ncands];
    cands.sort_by_key(|&(total, _, _)| total);
    for &(total, pi, el) in cands.iter() {
        if total == 0 {
            continue;
        }
        let p = &pros[pi];
        let (a, b) = (p.len, n - el);
        if b < a + MIN_STEM {
            continue;
        }
        // A stem starting with a bare alef after a proclitic is usually a misparse (و+ل+اية in
        // ولاية); real cases (لانتخابات) are long.
        if p.len > 0 && !p.article && c.orig(a) == 'ا' && b - a < 4 {
            continue;
        }
        // ARTICLE_EXCEPTIONS holds words of at most 7 letters.
        if p.article
            && b - a <= 5
            && ARTICLE_EXCEPTIONS.contains(&c.write(&mut buf, "ال", a, b, None))
        {
            continue;
        }
        let after_prep = p.items[..p.n]
            .iter()
            .any(|it| matches!(it.0, Some(CliticKind::Preposition | CliticKind::Future)));
        if after_prep
            && el == 0
            && b - a <= 4
            && PREP_PRONOUNS.contains(&c.write(&mut buf, "", a, b, None))
        {
            continue;
        }
        let ends_teh = c.orig(b - 1) == 'ت';
        // Enclitic ي only where the stem's ت stands for ة (حكومتي); a real final ت takes the
        // nisba ending (الكويتي).
        let yeh = el > 0 && c.orig(n - 1) == 'ي';
        if yeh && !ends_teh {
            continue;
        }
        let mut ok = !yeh && lexicon.contains(c.write(&mut buf, "", a, b, None));
        if !ok && el > 0 && ends_teh {
            ok = lexicon.contains(c.write(&mut buf, "", a, b, Some('ه')));
        }
        if !ok && p.article {
            ok = lexicon.contains(c.write(&mut buf, "ال", a, b, None));
        }
        if ok {
            return build(&c, word, p, (el > 0).then_some(el));
        }
    }
    whole
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn names() -> HashSet<String> {
        ["تركيا", "روسيا", "كازاخستان", "لبنان"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn pieces<'a>(word: &'a str, s: &Segmentation) -> Vec<&'a str> {
        let mut v: Vec<&str> = s.proclitics.iter().map(|c| &word[c.start..c.end]).collect();
        v.push(&word[s.stem.0..s.stem.1]);
        if let Some(e) = s.enclitic {
            v.push(&word[e.start..e.end]);
        }
        v
    }

    #[test]
    fn splits_names_known_to_the_lexicon() {
        let lex = names();
        assert_eq!(pieces("وتركيا", &segment("وتركيا", &lex)), ["و", "تركيا"]);
        assert_eq!(pieces("لروسيا", &segment("لروسيا", &lex)), ["ل", "روسيا"]);
        assert_eq!(
            pieces("بكازاخستان", &segment("بكازاخستان", &lex)),
            ["ب", "كازاخستان"]
        );
        assert_eq!(pieces("وروسيا", &segment("وروسيا", &lex)), ["و", "روسيا"]);
        // Prefer the name over ل + ال when the lexicon knows it.
        assert_eq!(pieces("للبنان", &segment("للبنان", &lex)), ["ل", "لبنان"]);
        let s = segment("وتركيا", &lex);
        assert_eq!(s.proclitics[0].kind, CliticKind::Conjunction);
    }

    #[test]
    fn leaves_unknown_stems_whole() {
        let lex = UnionLexicon(names(), CommonWords);
        for w in [
            "ولاية",
            "بلينكن",
            "كازاخستانية",
            "فلاديمير",
            "سوريا",
            "لماذا",
            "كلاً",
            "طالما",
        ] {
            assert!(
                !segment(w, &lex).is_split(),
                "{w} {:?}",
                pieces(w, &segment(w, &lex))
            );
        }
    }

    #[test]
    fn article_and_li_al() {
        let lex = CommonWords;
        let w = "للأمن";
        let s = segment(w, &lex);
        assert_eq!(pieces(w, &s), ["ل", "ل", "أمن"]);
        assert_eq!(s.proclitics[1].kind, CliticKind::Article);
        assert_eq!(&w[s.stem_with_article().0..s.stem_with_article().1], "لأمن");
        assert_eq!(s.article_form(w).as_deref(), Some("الامن"));
        assert_eq!(segment("وتركيا", &names()).article_form("وتركيا"), None);
        assert_eq!(pieces("والأمن", &segment("والأمن", &lex)), ["و", "ال", "أمن"]);
        assert_eq!(pieces("الأمن", &segment("الأمن", &lex)), ["ال", "أمن"]);
        assert_eq!(
            pieces("بالحكومة", &segment("بالحكومة", &lex)),
            ["ب", "ال", "حكومة"]
        );
        // Hamzated alef is not the article.
        assert!(!segment("آلاف", &lex).is_split());
        assert!(!segment("الذي", &lex).is_split());
        let with_stem: HashSet<String> = ["لواتي".to_string()].into_iter().collect();
        assert!(!segment("واللواتي", &UnionLexicon(lex, with_stem)).has_article());
    }

    #[test]
    fn common_words_from_sample_corpus() {
        // Forms from the sample articles.
        let lex = CommonWords;
        assert_eq!(pieces("وقال", &segment("وقال", &lex)), ["و", "قال"]);
        assert_eq!(
            pieces("للاحتجاجات", &segment("للاحتجاجات", &lex)),
            ["ل", "ل", "احتجاجات"]
        );
        assert_eq!(pieces("حكومته", &segment("حكومته", &lex)), ["حكومت", "ه"]);
        assert_eq!(pieces("قواتها", &segment("قواتها", &lex)), ["قوات", "ها"]);
        assert_eq!(pieces("وكلها", &segment("وكلها", &lex)), ["و", "كل", "ها"]);
        assert_eq!(
            pieces("بالنسبة", &segment("بالنسبة", &lex)),
            ["ب", "ال", "نسبة"]
        );
        // Teh marbuta is not a pronoun.
        assert!(segment("حكومة", &lex).proclitics.is_empty());
        assert!(segment("حكومة", &lex).enclitic.is_none());
        assert_eq!(pieces("حكومتي", &segment("حكومتي", &lex)), ["حكومت", "ي"]);
        // Nisba, not "my Kuwait".
        let kuwait: HashSet<String> = ["الكويت".to_string()].into_iter().collect();
        assert!(!segment("الكويتي", &kuwait).is_split());
    }

    #[test]
    fn diacritics_stay_with_their_letter() {
        let lex = names();
        let w = "وَتُركيا";
        let s = segment(w, &lex);
        assert_eq!(pieces(w, &s), ["وَ", "تُركيا"]);
    }

    #[test]
    fn clitic_markers() {
        let w = "الـ";
        let s = segment(w, &EmptyLexicon);
        assert_eq!(pieces(w, &s), ["الـ", ""]);
        assert_eq!(s.proclitics[0].kind, CliticKind::Article);
        assert!(is_proclitic_marker("بـ"));
        assert!(is_proclitic_marker("وللـ"));
        assert!(!is_proclitic_marker("كازاخستـ"));
        assert!(!is_proclitic_marker("ال"));
        assert!(
            is_proclitic_sequence("ال")
                && is_proclitic_sequence("وب")
                && is_proclitic_sequence("لل")
        );
        assert!(!is_proclitic_sequence("من") && !is_proclitic_sequence("بس"));
    }

    #[test]
    fn common_words_are_normalised_stems() {
        for w in COMMON_WORDS_TEXT.lines().filter(|l| !l.starts_with('#')) {
            assert_eq!(crate::normalize_str(w), w);
            assert!(w.chars().count() >= MIN_STEM, "{w}");
        }
    }

    #[test]
    fn common_words_is_small_and_loaded() {
        assert!(CommonWords.len() > 1000);
        assert!(COMMON_WORDS_TEXT.len() < 200_000);
    }

    fn check(word: &str) -> Result<(), TestCaseError> {
        let lex = UnionLexicon(names(), CommonWords);
        let s = segment(word, &lex);
        let mut at = 0;
        for c in &s.proclitics {
            prop_assert_eq!(c.start, at);
            prop_assert!(c.end > c.start);
            at = c.end;
        }
        prop_assert_eq!(s.stem.0, at);
        prop_assert!(s.stem.1 >= s.stem.0);
        at = s.stem.1;
        if let Some(e) = s.enclitic {
            prop_assert_eq!(e.start, at);
            at = e.end;
        }
        prop_assert_eq!(at, word.len());
        for b in [s.stem.0, s.stem.1] {
            prop_assert!(word.is_char_boundary(b));
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn pieces_concatenate_any(w in "\\PC{0,12}") {
            check(&w)?;
        }

        #[test]
        fn pieces_concatenate_arabic(w in "[وفبكلسالـتركياهمنَُِّ]{0,12}") {
            check(&w)?;
        }
    }
}
