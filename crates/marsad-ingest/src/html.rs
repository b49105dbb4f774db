//! HTML to article text and metadata: readability-style extraction (`dom_smoothie`), with a
//! paragraph heuristic as fallback, and metadata from meta tags, JSON-LD and `<time>`.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use crate::date::normalize_date;

/// An article found in an HTML page.
#[derive(Debug, Default)]
pub(crate) struct HtmlArticle {
    /// Plain text, paragraphs separated by blank lines.
    pub text: String,
    pub title: Option<String>,
    pub author: Option<String>,
    /// Already normalised to `YYYY-MM-DD`.
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub warnings: Vec<String>,
}

/// Page chrome that never holds article text; removed before the fallback heuristic.
const CHROME: &str =
    "script, style, noscript, template, nav, header, footer, aside, form, iframe, \
                      svg, button, select, textarea, menu";

/// Bounds readability's work on pathological pages; beyond it the linear fallback is used.
const MAX_ELEMENTS: usize = 100_000;

/// Readability's cost grows with nesting depth times size (5,000 nested `<div>`s take seconds);
/// real news pages nest well under 100 deep, so deeper ones go to the linear fallback.
const MAX_DEPTH: usize = 256;

/// Budget of tags × nesting depth for the HTML5 tree builder, whose scope checks walk the
/// open-element stack on every tag: far above real pages, far below a 16 MiB tag bomb.
const PARSE_BUDGET: usize = 100_000_000;

/// Extracts the article from `html`; `None` when there is no text in it at all.
pub(crate) fn extract(html: &str) -> Option<HtmlArticle> {
    let (tags, depth) = prescan(html);
    if tags.saturating_mul(depth) > PARSE_BUDGET {
        let text = strip_tags(html);
        if text.is_empty() {
            return None;
        }
        return Some(HtmlArticle {
            text,
            warnings: vec![format!(
                "HTML too deeply nested to parse as a page (about {depth} levels); the text is every text run between tags"
            )],
            ..HtmlArticle::default()
        });
    }
    let doc = Document::from(html);
    // Metadata readability does not look at; read before it rewrites the tree.
    let extra = ExtraMeta::read(&doc);
    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut art = HtmlArticle::default();
    let mut readable = None;
    let too_deep = exceeds_depth(&doc, MAX_DEPTH);
    if too_deep {
        art.warnings.push(format!(
            "HTML nested more than {MAX_DEPTH} elements deep; article detection skipped"
        ));
    } else if let Ok(mut r) = Readability::with_document(doc, None, Some(cfg)) {
        if let Ok(a) = r.parse() {
            let text = tidy_text(&a.text_content);
            // A "best block" made only of links is a menu, not an article.
            if !text.is_empty() && link_share(&a.content) < 0.9 {
                readable = Some(text);
            }
            art.title = non_empty(&a.title);
            art.author = a.byline.as_deref().and_then(non_empty);
            art.outlet = a.site_name.as_deref().and_then(non_empty);
            if let Some(p) = a.published_time.as_deref() {
                art.published = normalize_date(p);
            }
        }
    }
    art.text = match readable {
        Some(t) => t,
        None => {
            let t = fallback_text(html);
            if t.is_empty() {
                return None;
            }
            art.warnings.push(
                "no main article block recognised in the HTML; the text is every paragraph outside navigation, header, footer and forms"
                    .to_string(),
            );
            t
        }
    };
    art.title = art.title.or(extra.title);
    art.author = art
        .author
        .filter(|a| !a.starts_with("http"))
        .or(extra.author)
        .map(|a| strip_byline_label(&a));
    art.outlet = art.outlet.or(extra.outlet);
    if art.published.is_none() {
        art.published = extra.published.as_deref().and_then(normalize_date);
    }
    Some(art)
}

/// Whether any node lies more than `limit` levels below the root (iterative: no recursion).
fn exceeds_depth(doc: &Document, limit: usize) -> bool {
    let mut stack = vec![(doc.root(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth > limit {
            return true;
        }
        let mut child = node.first_child();
        while let Some(c) = child {
            child = c.next_sibling();
            stack.push((c, depth + 1));
        }
    }
    false
}

/// Elements that never contain others or that the parser closes implicitly; they do not deepen
/// the open-element stack much, so they are left out of the depth estimate.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "tbody", "thead", "tfoot", "rp",
    "rt", "param", "keygen",
];

/// Counts start tags and estimates the deepest nesting, in one pass over the bytes.
fn prescan(html: &str) -> (usize, usize) {
    let b = html.as_bytes();
    let (mut tags, mut depth, mut max_depth) = (0usize, 0usize, 0usize);
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|c| *c == b'<') {
        i += off + 1;
        let closing = b.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let mut end = start;
        while end < b.len() && b[end].is_ascii_alphanumeric() {
            end += 1;
        }
        if end == start || !b[start].is_ascii_alphabetic() {
            continue;
        }
        let name = &b[start..end];
        if FLAT.iter().any(|f| f.as_bytes().eq_ignore_ascii_case(name)) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            tags += 1;
            depth += 1;
            max_depth = max_depth.max(depth);
        }
    }
    (tags, max_depth)
}

/// Text between tags, without script/style bodies, entities decoded; for pages the tree
/// builder cannot take in reasonable time.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let gt = rest.find('>').map_or(rest.len(), |g| g + 1);
        let tag = rest[1..gt].trim_start_matches('/');
        rest = &rest[gt..];
        let name_len = tag.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let name = &tag[..name_len];
        if ["script", "style", "noscript", "template", "textarea"]
            .iter()
            .any(|r| r.eq_ignore_ascii_case(name))
        {
            rest = &rest[find_close_tag(rest, name)..];
        }
        out.push('\n');
    }
    out.push_str(rest);
    let decoded = html_escape::decode_html_entities(&out);
    let mut text = String::with_capacity(decoded.len());
    for line in decoded.split('\n') {
        let line = collapse_ws(line);
        if !line.is_empty() {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(&line);
        }
    }
    text
}

/// Offset of the first `</name` in `s` (ASCII case-insensitive), or `s.len()`.
fn find_close_tag(s: &str, name: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(off) = b[i..].windows(2).position(|w| w == b"</") {
        let at = i + off;
        let n = &b[at + 2..];
        if n.len() >= name.len() && n[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return at;
        }
        i = at + 2;
    }
    b.len()
}

/// Metadata from tags readability does not read.
#[derive(Default)]
struct ExtraMeta {
    title: Option<String>,
    author: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
}

impl ExtraMeta {
    fn read(doc: &Document) -> ExtraMeta {
        let first_attr = |sels: &[&str], attr: &str| {
            sels.iter()
                .find_map(|s| doc.select(s).attr(attr).and_then(|v| non_empty(&v)))
        };
        ExtraMeta {
            title: non_empty(&doc.select("h1").first().text()),
            author: first_attr(
                &[
                    "meta[name=author]",
                    "meta[property='article:author']",
                    "meta[name='dc.creator']",
                ],
                "content",
            )
            .filter(|a| !a.starts_with("http"))
            .or_else(|| non_empty(&doc.select("[itemprop=author]").first().text())),
            published: first_attr(
                &[
                    "meta[property='article:published_time']",
                    "meta[itemprop=datePublished]",
                    "meta[name=date]",
                    "meta[name=pubdate]",
                    "meta[name=publish-date]",
                    "meta[name='dc.date']",
                    "meta[name='dc.date.issued']",
                ],
                "content",
            )
            .or_else(|| first_attr(&["article time[datetime]", "time[datetime]"], "datetime")),
            outlet: first_attr(
                &[
                    "meta[property='og:site_name']",
                    "meta[name=application-name]",
                ],
                "content",
            ),
        }
    }
}

/// The text of every paragraph outside page chrome; else all remaining body text.
fn fallback_text(html: &str) -> String {
    let doc = Document::from(html);
    doc.select(CHROME).remove();
    let mut out = String::new();
    for p in doc.select("p").iter() {
        let t = collapse_ws(&p.text());
        if !t.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&t);
        }
    }
    if out.is_empty() {
        out = tidy_text(&doc.select("body").formatted_text());
    }
    out
}

/// Trims each line and separates lines by exactly one blank line: a `<br>`, list item or caption
/// line is a paragraph of its own, so downstream sentence and paragraph splitting see one rule.
fn tidy_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(line);
    }
    out
}

/// Share of the characters of an HTML fragment that are link text.
fn link_share(fragment: &str) -> f64 {
    let doc = Document::fragment(fragment);
    let count = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let total = count(&doc.root().text());
    if total == 0 {
        return 1.0;
    }
    let links: usize = doc.select("a").iter().map(|a| count(&a.text())).sum();
    links as f64 / total as f64
}

/// Drops a leading "by" label from a byline ("بقلم: فلان" → "فلان").
fn strip_byline_label(byline: &str) -> String {
    const LABELS: &[&str] = &["بقلم", "كتب", "كتبت", "إعداد", "تحرير", "By", "by", "BY"];
    for l in LABELS {
        if let Some(rest) = byline.strip_prefix(l) {
            let rest = rest.trim_start_matches([':', ' ', '\u{a0}', '-', '—', '|']);
            // A label must be followed by a separator, and leave a name behind.
            if rest.len() < byline.len() - l.len() && !rest.is_empty() {
                return rest.to_string();
            }
        }
    }
    byline.to_string()
}

fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn non_empty(s: &str) -> Option<String> {
    let t = collapse_ws(s);
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_text_makes_single_blank_lines() {
        assert_eq!(tidy_text("  a \n\n\n\n b\nc  \n\n"), "a\n\nb\n\nc");
        assert_eq!(tidy_text("\n\n"), "");
    }

    #[test]
    fn byline_labels_are_dropped() {
        assert_eq!(strip_byline_label("بقلم: سارة منصور"), "سارة منصور");
        assert_eq!(strip_byline_label("كتب - طارق الشامي"), "طارق الشامي");
        assert_eq!(strip_byline_label("كتبية الشمال"), "كتبية الشمال");
        assert_eq!(strip_byline_label("By Jane Doe"), "Jane Doe");
        assert_eq!(strip_byline_label("بقلم:"), "بقلم:");
    }

    #[test]
    fn byline_class_without_meta_author() {
        let page = format!(
            "<html><body><article><div class=\"byline\">بقلم: سارة منصور</div>{}</article></body></html>",
            "<p>كما أكدت السلطات في كازاخستان، أن مثيري الشغب يمتلكون خبرات قتالية، ما يجعل الاتهامات تتجه نحو تركيا.</p>".repeat(4)
        );
        let a = extract(&page).unwrap();
        assert_eq!(a.author.as_deref(), Some("سارة منصور"));
        assert!(!a.text.contains("بقلم"));
    }

    #[test]
    fn fallback_drops_chrome() {
        let t =
            fallback_text("<nav><p>الرئيسية</p></nav><p>نص الخبر</p><footer><p>حقوق</p></footer>");
        assert_eq!(t, "نص الخبر");
    }

    #[test]
    fn deep_nesting_uses_the_linear_fallback() {
        let page = format!(
            "{}<p>نص الخبر</p>{}",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        let a = extract(&page).unwrap();
        assert_eq!(a.text, "نص الخبر");
        assert!(a.warnings[0].contains("nested"));
        assert!(!exceeds_depth(&Document::from("<div><p>a</p></div>"), 8));
    }

    #[test]
    fn tag_bombs_are_stripped_not_parsed() {
        let n = 40_000;
        let page = format!(
            "{}<p>نص &amp; خبر</p><script>var x='<div>';</script>{}",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let (tags, depth) = prescan(&page);
        assert!(tags > n && depth >= n);
        let a = extract(&page).unwrap();
        assert_eq!(a.text, "نص & خبر");
        assert!(a.warnings[0].contains("nested"));
        // A sloppy real page (unclosed <p> and <li>) is not mistaken for deep nesting.
        assert_eq!(prescan("<div><p>a<p>b<ul><li>c<li>d</ul></div>").1, 2);
    }

    #[test]
    fn empty_page_has_no_article() {
        assert!(extract("<html><head><title>x</title></head><body>  </body></html>").is_none());
        assert!(extract("").is_none());
    }
}
