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

/// Extracts the article from `html`; `None` when there is no text in it at all.
pub(crate) fn extract(html: &str) -> Option<HtmlArticle> {
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
    if let Ok(mut r) = Readability::with_document(doc, None, Some(cfg)) {
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
    fn empty_page_has_no_article() {
        assert!(extract("<html><head><title>x</title></head><body>  </body></html>").is_none());
        assert!(extract("").is_none());
    }
}
