//! Site chrome detection: finds comment prompts, share bars, related-news lists and footers in article text.
//!
//! News pages copied as text carry the site's template along with the article. [`detect`] finds
//! those lines (or the tail of a line) and [`blank`] overwrites them with spaces so every later
//! stage works on article text while byte offsets stay valid.
//!
//! Detection uses general features, never one site's layout:
//! - a curated list of common Arabic news-site UI labels (`src/phrases.rs`), matched on whole lines
//!   after Arabic folding (so أ/ا, ة/ه and tanwin variants all match);
//! - shape: short unpunctuated lines, share bars made only of platform names, separator lines;
//! - link lists: a run of headline-like lines after a "related" header ("أخبار مرتبطة");
//! - script mix: short Latin-only lines in the tail of an Arabic article;
//! - position: ambiguous patterns (bare clock times, section labels, form labels, disclaimers
//!   with weak evidence) are only accepted in the top or tail zone, never mid-article.
//!
//! Kept on purpose (article metadata, not chrome): titles, sub-headings, author bylines, date
//! lines, datelines and "المصدر: ..." source lines. They carry facts later stages use (document
//! date, author, outlet) and are not UI.
//!
//! Reasons ([`Reason::as_str`]): `comment_prompt`, `share`, `navigation`, `related_list`,
//! `disclaimer`, `contact_invitation`, `promo`, `latin_ui`, `timestamp`, `section_label`,
//! `separator`.

mod phrases;

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use marsad_picture::RemovedSpan;
use marsad_text::{fold_char, NormalizeOptions};

/// Why a span was judged chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Reason {
    /// Comment form prompts and notices ("اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني").
    CommentPrompt,
    /// Share buttons ("شاركها", "فيسبوك تويتر واتساب").
    Share,
    /// Navigation and page furniture ("زر الذهاب إلى الأعلى", "اضغط هنا", "// انتهى //").
    Navigation,
    /// "Related"/"read also" headers and the other articles' headlines listed under them.
    RelatedList,
    /// Editorial disclaimers ("مقالات الرأي المنشورة ... لا تعبر عن وجهة نظر ...").
    Disclaimer,
    /// Invitations to write in, with an address ("... عبر هذا البريد الإلكتروني: ...").
    ContactInvitation,
    /// Ads, app, newsletter and social-follow promos.
    Promo,
    /// Latin UI strings in an Arabic page ("Exit mobile version").
    LatinUi,
    /// Bare clock times and "time ago" stamps ("02 : 01", "منذ 3 ساعات").
    Timestamp,
    /// Site section labels above the headline ("رأي").
    SectionLabel,
    /// Lines with no letters or digits ("-----", "* * *").
    Separator,
}

impl Reason {
    /// Every reason, in documentation order.
    pub const ALL: [Reason; 11] = [
        Reason::CommentPrompt,
        Reason::Share,
        Reason::Navigation,
        Reason::RelatedList,
        Reason::Disclaimer,
        Reason::ContactInvitation,
        Reason::Promo,
        Reason::LatinUi,
        Reason::Timestamp,
        Reason::SectionLabel,
        Reason::Separator,
    ];

    /// The stable snake_case name used in `RemovedSpan::reason`.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::CommentPrompt => "comment_prompt",
            Reason::Share => "share",
            Reason::Navigation => "navigation",
            Reason::RelatedList => "related_list",
            Reason::Disclaimer => "disclaimer",
            Reason::ContactInvitation => "contact_invitation",
            Reason::Promo => "promo",
            Reason::LatinUi => "latin_ui",
            Reason::Timestamp => "timestamp",
            Reason::SectionLabel => "section_label",
            Reason::Separator => "separator",
        }
    }
}

/// Finds site chrome in `text`.
///
/// Returns sorted, non-overlapping spans; each covers a whole line (without its line break) or
/// the trailing part of a line, and `span.text == text[span.start..span.end]`.
pub fn detect(text: &str) -> Vec<RemovedSpan> {
    let doc = Doc::new(text);
    let mut out = Vec::new();
    for (i, line) in doc.lines.iter().enumerate() {
        if let Some((from, reason)) = doc.labels[i] {
            let start = line.start + from;
            if start < line.end {
                out.push(RemovedSpan {
                    start,
                    end: line.end,
                    text: text[start..line.end].to_string(),
                    reason: reason.as_str().to_string(),
                });
            }
        }
    }
    out
}

/// Returns `text` with every byte inside `spans` replaced by an ASCII space, except `'\n'`.
///
/// The result has the same byte length, so offsets found in it index `text` too. Spans that are
/// out of range or not on char boundaries are clipped to the nearest valid range.
pub fn blank(text: &str, spans: &[RemovedSpan]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for s in spans {
        let (a, b) = clip(text, s.start, s.end);
        for byte in &mut bytes[a..b] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
    }
    // Whole chars were replaced by ASCII, so the bytes stay valid UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn clip(text: &str, start: usize, end: usize) -> (usize, usize) {
    let mut a = start.min(text.len());
    let mut b = end.min(text.len()).max(a);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    while !text.is_char_boundary(b) {
        b += 1;
    }
    (a, b)
}

/// Folds a string for phrase matching: Arabic normalisation, Latin lower-cased, every run of
/// non-alphanumeric chars turned into one space, trimmed.
pub(crate) fn line_key(s: &str) -> String {
    let opts = NormalizeOptions::default();
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        let Some(f) = fold_char(c, opts) else {
            continue;
        };
        if marsad_text::script::is_alphanumeric(f) {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            for l in f.to_lowercase() {
                out.push(l);
            }
        } else {
            gap = true;
        }
    }
    out
}

/// Folded tokens of `raw` with their byte ranges in `raw`.
fn tokens(raw: &str) -> Vec<(usize, usize, String)> {
    let opts = NormalizeOptions::default();
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut cur: Option<(usize, usize, String)> = None;
    for (i, c) in raw.char_indices() {
        let end = i + c.len_utf8();
        match fold_char(c, opts) {
            Some(f) if marsad_text::script::is_alphanumeric(f) => {
                let t = cur.get_or_insert_with(|| (i, end, String::new()));
                t.1 = end;
                t.2.extend(f.to_lowercase());
            }
            // Vanishing marks (diacritics) stay inside the current token.
            None => {
                if let Some(t) = cur.as_mut() {
                    t.1 = end;
                }
            }
            Some(_) => {
                if let Some(t) = cur.take() {
                    out.push(t);
                }
            }
        }
    }
    if let Some(t) = cur.take() {
        out.push(t);
    }
    out
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        && marsad_text::script::is_alphabetic(c)
}

/// Phrase tables folded once.
struct Tables {
    whole: HashMap<String, Reason>,
    tail_only: HashMap<String, Reason>,
    edge_only: HashMap<String, Reason>,
    headers: HashSet<String>,
    inline: Vec<(String, bool)>,
    prefix: Vec<(String, Reason)>,
    click: Vec<String>,
    invitation: Vec<String>,
    promo: Vec<String>,
    disc_core: Vec<String>,
    disc_mark: Vec<String>,
    disc_clause: Vec<String>,
    disc_self: Vec<String>,
    sections: HashSet<String>,
    share_tokens: HashSet<String>,
    share_core: HashSet<String>,
    ago_units: HashSet<String>,
    reading: Vec<String>,
    trailing: Vec<(String, Reason)>,
    strong_disc: Vec<String>,
    connectives: HashSet<String>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let keys = |xs: &[&str]| xs.iter().map(|x| line_key(x)).collect::<Vec<_>>();
        Tables {
            whole: phrases::WHOLE_LINE
                .iter()
                .map(|(p, r)| (line_key(p), *r))
                .collect(),
            edge_only: phrases::EDGE_ONLY
                .iter()
                .map(|(p, r)| (line_key(p), *r))
                .collect(),
            tail_only: phrases::TAIL_ONLY
                .iter()
                .map(|(p, r)| (line_key(p), *r))
                .collect(),
            headers: phrases::RELATED_HEADERS
                .iter()
                .map(|p| line_key(p))
                .collect(),
            inline: phrases::INLINE_RELATED
                .iter()
                .map(|(p, v)| (line_key(p), *v))
                .collect(),
            prefix: phrases::PREFIX_LINE
                .iter()
                .map(|(p, r)| (line_key(p), *r))
                .collect(),
            click: keys(phrases::CLICK_HERE),
            invitation: keys(phrases::INVITATION),
            promo: keys(phrases::PROMO_WORDS),
            disc_core: keys(phrases::DISCLAIMER_CORE),
            disc_mark: keys(phrases::DISCLAIMER_MARK),
            disc_clause: keys(phrases::DISCLAIMER_CLAUSE_START),
            disc_self: keys(phrases::DISCLAIMER_SELF),
            sections: phrases::SECTION_LABELS
                .iter()
                .map(|p| line_key(p))
                .collect(),
            share_tokens: phrases::SHARE_TOKENS.iter().map(|p| line_key(p)).collect(),
            share_core: phrases::SHARE_CORE.iter().map(|p| line_key(p)).collect(),
            ago_units: phrases::AGO_UNITS.iter().map(|p| line_key(p)).collect(),
            reading: keys(phrases::READING_TIME),
            trailing: phrases::TRAILING
                .iter()
                .map(|(p, r)| (line_key(p), *r))
                .collect(),
            strong_disc: keys(&[
                "مقالات الرأي",
                "الآراء الواردة",
                "الآراء المنشورة",
                "المقالات المنشورة",
            ]),
            connectives: phrases::CONNECTIVES.iter().map(|p| line_key(p)).collect(),
        }
    })
}

/// True when `hay` contains `needle` as whole tokens.
fn has_phrase(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    let mut from = 0;
    while let Some(pos) = hay[from..].find(needle) {
        let a = from + pos;
        let b = a + needle.len();
        let left_ok = a == 0 || hay.as_bytes()[a - 1] == b' ';
        let right_ok = b == hay.len() || hay.as_bytes()[b] == b' ';
        if left_ok && right_ok {
            return true;
        }
        from = a + 1;
        while !hay.is_char_boundary(from) {
            from += 1;
        }
    }
    false
}

/// True when `hay` starts with the whole tokens of `needle`.
fn starts_with_phrase(hay: &str, needle: &str) -> bool {
    !needle.is_empty()
        && hay.starts_with(needle)
        && (hay.len() == needle.len() || hay.as_bytes()[needle.len()] == b' ')
}

struct Line<'a> {
    start: usize,
    end: usize,
    raw: &'a str,
    key: String,
    words: usize,
    arabic: usize,
    latin: usize,
}

impl Line<'_> {
    fn blank(&self) -> bool {
        self.raw.trim().is_empty()
    }

    /// Last char that is not a space, closing quote or bracket.
    fn last_mark(&self) -> Option<char> {
        self.raw
            .trim_end()
            .chars()
            .rev()
            .find(|c| !matches!(c, '"' | '”' | '»' | ')' | '\'' | '’' | ']' | '*' | ' '))
    }

    fn ends_sentence(&self) -> bool {
        let t = self.raw.trim_end();
        matches!(self.last_mark(), Some('.' | '!' | ':' | '؛' | ';'))
            && !t.ends_with("...")
            && !t.ends_with('…')
    }

    fn commas(&self) -> usize {
        self.raw.chars().filter(|c| matches!(c, '،' | ',')).count()
    }

    /// A paragraph of running text.
    fn is_body(&self) -> bool {
        self.words >= 15 || (self.words >= 8 && (self.ends_sentence() || self.commas() > 0))
    }

    /// Shaped like a headline: a few words, not a finished sentence.
    fn is_headline(&self) -> bool {
        let t = self.raw.trim_end();
        let open = !matches!(self.last_mark(), Some('.' | '،' | ',' | ':' | '؛' | ';'))
            || t.ends_with("...")
            || t.ends_with('…');
        (2..=20).contains(&self.words) && open && self.commas() <= 1
    }

    fn has_email(&self) -> bool {
        if self.key.contains("email protected") {
            return true;
        }
        let b = self.raw.as_bytes();
        b.iter().enumerate().any(|(i, &c)| {
            c == b'@'
                && i > 0
                && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.' || b[i - 1] == b'_')
                && b[i + 1..]
                    .iter()
                    .take_while(|x| x.is_ascii_alphanumeric() || **x == b'.' || **x == b'-')
                    .any(|x| *x == b'.')
        })
    }
}

type Label = Option<(usize, Reason)>;

struct Doc<'a> {
    lines: Vec<Line<'a>>,
    labels: Vec<Label>,
}

impl<'a> Doc<'a> {
    fn new(text: &'a str) -> Doc<'a> {
        let mut lines = Vec::new();
        let mut pos = 0;
        for piece in text.split('\n') {
            let start = pos;
            pos += piece.len() + 1;
            let raw = piece.strip_suffix('\r').unwrap_or(piece);
            let key = line_key(raw);
            let words = if key.is_empty() {
                0
            } else {
                key.split(' ').count()
            };
            let arabic = raw.chars().filter(|c| is_arabic_letter(*c)).count();
            let latin = raw.chars().filter(|c| c.is_ascii_alphabetic()).count();
            lines.push(Line {
                start,
                end: start + raw.len(),
                raw,
                key,
                words,
                arabic,
                latin,
            });
        }
        let n = lines.len();
        let mut doc = Doc {
            lines,
            labels: vec![None; n],
        };
        doc.run();
        doc
    }

    fn nonblank(&self) -> Vec<usize> {
        (0..self.lines.len())
            .filter(|&i| !self.lines[i].blank())
            .collect()
    }

    fn run(&mut self) {
        let t = tables();
        let mut headers = Vec::new();
        for i in 0..self.lines.len() {
            let (label, header) = strong(&self.lines[i], t);
            self.labels[i] = label;
            if header {
                headers.push(i);
            }
        }
        let arabic_doc = {
            let a: usize = self.lines.iter().map(|l| l.arabic).sum();
            let l: usize = self.lines.iter().map(|l| l.latin).sum();
            a > l
        };
        // Edge rules can make more lines chrome, which widens the edge zones; a few rounds settle.
        for _ in 0..4 {
            let mut changed = false;
            let nb = self.nonblank();
            let first_body = nb
                .iter()
                .position(|&i| self.labels[i].is_none() && self.lines[i].is_body());
            let last_body = nb
                .iter()
                .rposition(|&i| self.labels[i].is_none() && self.lines[i].is_body());
            for (p, &i) in nb.iter().enumerate() {
                if self.labels[i].is_some() {
                    continue;
                }
                let top = match first_body {
                    Some(f) => p <= f,
                    None => true,
                };
                let tail = match last_body {
                    Some(l) => p >= l,
                    None => true,
                };
                if !(top || tail) {
                    continue;
                }
                // The first and last body paragraphs are in the zones too (a footer disclaimer
                // is often a full sentence), but weak evidence must not take a lede or an ending.
                let outside = match (first_body, last_body) {
                    (Some(f), Some(l)) => p < f || p > l,
                    _ => true,
                };
                let z = Zone {
                    p,
                    top,
                    tail,
                    outside,
                    arabic_doc,
                };
                let label = edge(&self.lines[i], t, z);
                if label.is_some() {
                    self.labels[i] = label;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        for h in headers {
            self.related_run(h);
        }
        for i in 0..self.lines.len() {
            if self.labels[i].is_none() {
                self.labels[i] = trailing(&self.lines[i], t);
            }
        }
        if let Some(&last) = self.nonblank().last() {
            if self.labels[last].is_none() {
                self.labels[last] = tag_tail(&self.lines[last]).map(|at| (at, Reason::Navigation));
            }
        }
    }

    /// Labels the headline-like lines listed under the related header at line `h`.
    fn related_run(&mut self, h: usize) {
        let mut items = Vec::new();
        let mut j = h + 1;
        let mut ended_by_body = false;
        while j < self.lines.len() {
            let l = &self.lines[j];
            if l.blank() {
                j += 1;
                continue;
            }
            if self.labels[j].is_some() {
                // Another header or chrome line: the list (if any) is over.
                break;
            }
            if l.is_headline() && !starts_with_connective(l) {
                items.push(j);
                j += 1;
                continue;
            }
            ended_by_body = true;
            break;
        }
        if ended_by_body {
            // Mid-article: a list long enough to be a list may end with the article's next
            // sub-heading, which is short and sits right before the body it heads.
            if items.len() > 12 {
                return;
            }
            if items.len() >= 2 {
                if let Some(&last) = items.last() {
                    let l = &self.lines[last];
                    if l.words <= 5 && !l.raw.contains(':') {
                        items.pop();
                    }
                }
            }
        }
        for i in items {
            self.labels[i] = Some((0, Reason::RelatedList));
        }
    }
}

/// Labels that open a page's tag list (سمات, الوسوم, كلمات مفتاحية).
const TAG_LABELS: &[&str] = &[
    "سمات",
    "الوسوم",
    "وسوم",
    "كلمات مفتاحية",
    "الكلمات المفتاحية",
    "كلمات دلالية",
    "الكلمات الدالة",
];

/// Where a tag list glued onto the article's last line starts («… في بلاد المسلمين . سمات
/// التفجير الإرهابي العراق مسجد …»): a tag label right after a sentence or clause mark, then to
/// the end only words, no sentence mark and at most 25 of them.
fn tag_tail(l: &Line) -> Option<usize> {
    let raw = l.raw;
    TAG_LABELS.iter().find_map(|label| {
        let mut from = 0;
        while let Some(off) = raw[from..].find(label) {
            let at = from + off;
            from = at + label.len();
            let before = raw[..at].trim_end();
            let after_mark = before.is_empty() || before.ends_with(['.', '،', ',', '!', '؟', '?']);
            let rest = &raw[at + label.len()..];
            let words = rest.split_whitespace().count();
            let no_sentence = !rest.contains(['.', '!', '؟', '?', '،', ',']);
            if after_mark
                && !before.is_empty()
                && rest.starts_with([' ', ':'])
                && (1..=25).contains(&words)
                && no_sentence
            {
                return Some(at);
            }
        }
        None
    })
}

/// A line opening with a discourse connective ("إذاً،", "لكن", "وفي") continues the article: a
/// question sub-heading, not another article's headline.
fn starts_with_connective(l: &Line) -> bool {
    let first = l.key.split(' ').next().unwrap_or("");
    tables().connectives.contains(first)
}

/// Rules safe anywhere in the text. Returns the label and whether the line is a related header.
fn strong(l: &Line, t: &Tables) -> (Label, bool) {
    if l.blank() {
        return (None, false);
    }
    let whole = |r: Reason| (Some((0, r)), false);
    if l.key.is_empty() {
        return whole(Reason::Separator);
    }
    if t.headers.contains(&l.key) {
        return (Some((0, Reason::RelatedList)), true);
    }
    if let Some(r) = t.whole.get(&l.key) {
        return whole(*r);
    }
    if l.words <= 40 {
        if let Some((_, r)) = t.prefix.iter().find(|(p, _)| starts_with_phrase(&l.key, p)) {
            return whole(*r);
        }
    }
    if inline_related(l, t) {
        return whole(Reason::RelatedList);
    }
    if is_share_bar(l, t) {
        return whole(Reason::Share);
    }
    if l.words <= 15 && t.click.iter().any(|p| has_phrase(&l.key, p)) {
        return whole(Reason::Navigation);
    }
    if l.words <= 60
        && t.strong_disc.iter().any(|p| has_phrase(&l.key, p))
        && t.disc_core.iter().any(|p| has_phrase(&l.key, p))
    {
        return (Some((disclaimer_from(l, t), Reason::Disclaimer)), false);
    }
    if l.words <= 40 && l.has_email() && t.invitation.iter().any(|p| has_phrase(&l.key, p)) {
        return whole(Reason::ContactInvitation);
    }
    // A bare address or handle line ("name@site.com", "Twitter:@name") is a contact footer.
    if l.arabic == 0 && l.words <= 6 && (l.has_email() || is_handle(l.raw)) {
        return whole(Reason::ContactInvitation);
    }
    (None, false)
}

/// Where a line sits relative to the article body.
#[derive(Clone, Copy)]
struct Zone {
    /// Index among non-blank lines.
    p: usize,
    /// Before or at the first body paragraph.
    top: bool,
    /// At or after the last body paragraph.
    tail: bool,
    /// Strictly outside the body (not the first or last paragraph itself).
    outside: bool,
    /// The document is mostly Arabic script.
    arabic_doc: bool,
}

/// Rules for the top and tail zones only, where chrome clusters.
fn edge(l: &Line, t: &Tables, z: Zone) -> Label {
    let Zone {
        p,
        top,
        tail,
        outside,
        arabic_doc,
    } = z;
    let whole = |r: Reason| Some((0, r));
    if tail {
        if let Some(r) = t.tail_only.get(&l.key) {
            return whole(*r);
        }
    }
    if let Some(r) = t.edge_only.get(&l.key) {
        return whole(*r);
    }
    if is_clock(l.raw) || is_ago(l, t) {
        return whole(Reason::Timestamp);
    }
    if l.words <= 6 && t.reading.iter().any(|r| has_phrase(&l.key, r)) {
        return whole(Reason::Navigation);
    }
    if tail && glued_header(l, t) {
        return whole(Reason::RelatedList);
    }
    if top && p < 2 && t.sections.contains(&l.key) {
        return whole(Reason::SectionLabel);
    }
    if top && is_breadcrumb(l.raw) {
        return whole(Reason::Navigation);
    }
    if tail && arabic_doc && l.arabic == 0 && l.latin > 0 && l.words <= 6 {
        return whole(Reason::LatinUi);
    }
    if l.words <= 60
        && t.disc_core.iter().any(|c| has_phrase(&l.key, c))
        && t.disc_mark.iter().any(|m| has_phrase(&l.key, m))
        && (outside || t.disc_self.iter().any(|m| has_phrase(&l.key, m)))
    {
        return Some((disclaimer_from(l, t), Reason::Disclaimer));
    }
    let invites = t.invitation.iter().any(|p| has_phrase(&l.key, p));
    if invites && l.words <= 40 {
        let channel = l.has_email()
            || ["البريد الالكتروني", "رساله", "sms", "واتساب", "رقم"]
                .iter()
                .any(|c| has_phrase(&l.key, c));
        if tail && channel {
            return whole(Reason::ContactInvitation);
        }
        if t.promo.iter().any(|p| has_phrase(&l.key, p)) {
            return whole(Reason::Promo);
        }
    }
    None
}

/// A related header run together with the headlines after it ("مقالات أخرى للكاتبعنوان...",
/// as copied from a link list without line breaks). Only multi-word headers, so a header word
/// cannot match the start of an ordinary word.
fn glued_header(l: &Line, t: &Tables) -> bool {
    l.words <= 60
        && t.headers.iter().any(|h| {
            h.contains(' ')
                && l.key.starts_with(h.as_str())
                && l.key[h.len()..].chars().next().is_some_and(|c| c != ' ')
        })
}

/// A line that is a link to another article: "اقرأ أيضاً: عنوان", "للمزيد - عنوان", "شاهد.. عنوان".
fn inline_related(l: &Line, t: &Tables) -> bool {
    let Some((prefix, verb)) = t
        .inline
        .iter()
        .filter(|(p, _)| starts_with_phrase(&l.key, p))
        .max_by_key(|(p, _)| p.len())
    else {
        return false;
    };
    let toks = tokens(l.raw);
    let n = prefix.split(' ').count();
    if toks.len() <= n {
        return false;
    }
    let gap = l.raw[toks[n - 1].1..toks[n].0].trim();
    let hard = gap.starts_with(':') || gap.starts_with("..") || gap.starts_with('…');
    let soft = hard
        || gap.starts_with('-')
        || gap.starts_with('–')
        || gap.starts_with('(')
        || gap.starts_with('|');
    if !(if *verb { hard } else { soft }) {
        return false;
    }
    let rest_words = toks.len() - n;
    let rest = l.raw[toks[n].0..].trim_end();
    let finished = rest.ends_with('.') && !rest.ends_with("...");
    rest_words <= 25 && !finished
}

/// A line made only of share-button words, with at least one platform or share verb.
fn is_share_bar(l: &Line, t: &Tables) -> bool {
    // One word alone is handled by the phrase tables, where position can be taken into account.
    if l.words > 14 || l.words < 2 {
        return false;
    }
    let mut core = false;
    for w in l.key.split(' ') {
        if !t.share_tokens.contains(w) {
            return false;
        }
        core |= t.share_core.contains(w);
    }
    core
}

/// Where a disclaimer starts: after a byline or author note ("مقال بقلم فلان، والآراء الواردة
/// ...") only the clause is chrome; otherwise the whole line.
fn disclaimer_from(l: &Line, t: &Tables) -> usize {
    let toks = tokens(l.raw);
    for tok in toks.iter().skip(1) {
        if t.disc_clause.contains(&tok.2) {
            let before = l.raw[..tok.0].trim_end();
            if before.ends_with('،') || before.ends_with(',') || before.ends_with('.') {
                return tok.0;
            }
        }
    }
    0
}

/// A social handle, alone or after a short label: "@name", "Twitter:@name", "t:@name".
fn is_handle(raw: &str) -> bool {
    let s = raw.trim();
    let Some(at) = s.find('@') else {
        return false;
    };
    let (label, name) = (&s[..at], &s[at + 1..]);
    label.len() <= 10
        && !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
}

/// A bare clock time or duration: "02 : 01", "14:30", "10:45 ص", "17:54 ت م", "09:30 GMT".
///
/// After the digits only a zone or half-day label of at most two short tokens may follow
/// (ص/م, ت م = Mecca time, AM/PM, GMT): anything longer is a sentence about a time.
fn is_clock(raw: &str) -> bool {
    let s = raw.trim();
    let split = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || ('٠'..='٩').contains(c) || *c == ':' || *c == ' '))
        .map_or(s.len(), |(i, _)| i);
    let (clock, label) = s.split_at(split);
    let label_ok = label.is_empty() || {
        let toks: Vec<&str> = label
            .split(|c: char| c.is_whitespace() || c == '.')
            .filter(|t| !t.is_empty())
            .collect();
        toks.len() <= 2
            && toks.iter().all(|t| {
                let t = t.to_ascii_uppercase();
                matches!(t.as_str(), "AM" | "PM" | "GMT" | "UTC")
                    || (t.chars().count() <= 2 && t.chars().all(is_arabic_letter))
            })
    };
    if !label_ok {
        return false;
    }
    let mut groups = 0;
    let mut colons = 0;
    let mut in_digits = false;
    for c in clock.chars() {
        if c == ':' {
            colons += 1;
            in_digits = false;
        } else if c == ' ' {
            in_digits = false;
        } else {
            if !in_digits {
                groups += 1;
            }
            in_digits = true;
        }
    }
    (2..=3).contains(&groups) && colons == groups - 1
}

/// "منذ 3 ساعات", "قبل ساعتين": relative stamps printed by the page, meaningless once copied.
fn is_ago(l: &Line, t: &Tables) -> bool {
    if l.words > 3 {
        return false;
    }
    let mut w = l.key.split(' ');
    let Some(first) = w.next() else {
        return false;
    };
    if first != "منذ" && first != "قبل" {
        return false;
    }
    let rest: Vec<&str> = w.collect();
    match rest.as_slice() {
        [u] => t.ago_units.contains(*u),
        [n, u] => n.chars().all(|c| c.is_ascii_digit()) && t.ago_units.contains(*u),
        _ => false,
    }
}

/// "الرئيسية > أخبار > سياسة": short segments joined by arrows. Guillemets count only when
/// none opens, since «» are ordinary Arabic quotes.
fn is_breadcrumb(raw: &str) -> bool {
    let quotes = raw.contains('«');
    let is_sep = |c: char| matches!(c, '›' | '>') || (c == '»' && !quotes);
    if raw.chars().filter(|c| is_sep(*c)).count() < 2 {
        return false;
    }
    raw.split(is_sep)
        .all(|seg| (1..=4).contains(&seg.split_whitespace().count()))
}

/// A UI phrase glued after the last sentence of a body line ("... الصين. اقرأ المزيد").
fn trailing(l: &Line, t: &Tables) -> Label {
    if l.words < 3 {
        return None;
    }
    for (i, c) in l.raw.char_indices().rev() {
        if matches!(c, '.' | '!' | '؟' | '?' | '»' | '"' | '”') {
            let from = i + c.len_utf8();
            let rest = &l.raw[from..];
            let key = line_key(rest);
            if key.is_empty() {
                continue;
            }
            if let Some((_, r)) = t.trailing.iter().find(|(p, _)| *p == key) {
                let lead = rest.len() - rest.trim_start().len();
                return Some((from + lead, *r));
            }
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests;
