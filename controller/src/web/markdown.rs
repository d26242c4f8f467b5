//! A report's Markdown as HTML, safe to put in a page.
//!
//! The report escapes the text it quotes (`report::triage::cell`), but the page does not rely on
//! it: raw HTML in the Markdown becomes text, links go only to `http(s)`, relative or `#` targets,
//! images become links (no request leaves the page), and pulldown-cmark escapes all other text.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd, html};

/// `<a id="…">` with an id the report makes (`[a-z0-9-]`, at most 40 characters).
fn is_anchor(html: &str) -> bool {
    html.strip_prefix("<a id=\"")
        .and_then(|rest| rest.strip_suffix("\">"))
        .is_some_and(|id| {
            !id.is_empty()
                && id.len() <= 40
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

/// The HTML of `markdown`, with raw HTML shown as text and unsafe link targets removed.
pub fn to_safe_html(markdown: &str) -> String {
    to_safe_html_with(markdown, None)
}

/// Like [`to_safe_html`], with the Mermaid code block (the service map) replaced by `diagram`,
/// HTML the console drew itself.
pub fn to_safe_html_with(markdown: &str, diagram: Option<&str>) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut in_mermaid = false;
    let mut after_anchor = false;
    // Raw HTML becomes text first; the diagram is inserted after, so it is the only HTML. The
    // one exception: the report's own anchors, `<a id="…"></a>` with an id of `[a-z0-9-]`.
    let events = Parser::new_ext(markdown, options)
        .map(|event| {
            let anchor_open = matches!(&event, Event::InlineHtml(text) if is_anchor(text));
            let anchor_close = after_anchor
                && matches!(&event, Event::InlineHtml(text) if text.as_ref() == "</a>");
            after_anchor = anchor_open;
            (event, anchor_open || anchor_close)
        })
        .map(|(event, kept)| match event {
            Event::InlineHtml(text) if kept => Event::InlineHtml(text),
            Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: safe_target(dest_url),
                title,
                id,
            }),
            Event::Start(Tag::Image {
                dest_url,
                title,
                id,
                ..
            }) => Event::Start(Tag::Link {
                link_type: LinkType::Inline,
                dest_url: safe_target(dest_url),
                title,
                id,
            }),
            Event::End(TagEnd::Image) => Event::End(TagEnd::Link),
            other => other,
        })
        .filter_map(|event| {
            let Some(diagram) = diagram else {
                return Some(event);
            };
            match &event {
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang)))
                    if lang.as_ref() == "mermaid" =>
                {
                    in_mermaid = true;
                    Some(Event::Html(CowStr::Boxed(diagram.into())))
                }
                Event::End(TagEnd::CodeBlock) if in_mermaid => {
                    in_mermaid = false;
                    None
                }
                _ if in_mermaid => None,
                _ => Some(event),
            }
        });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// `url` when it is `http(s)`, relative or a fragment; else `#`.
fn safe_target(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.trim().to_ascii_lowercase();
    let scheme_less = !lower.contains(':')
        || lower
            .find(['/', '?', '#'])
            .is_some_and(|slash| lower.find(':').is_some_and(|colon| slash < colon));
    if lower.starts_with("https://") || lower.starts_with("http://") || scheme_less {
        url
    } else {
        CowStr::Borrowed("#")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_text() {
        let html = to_safe_html("a <script>alert(1)</script> b\n\n<img src=x onerror=alert(1)>\n");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn only_safe_links_survive() {
        let html = to_safe_html("[x](javascript:alert(1)) [y](https://example.com) [z](/runs)");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("href=\"https://example.com\""), "{html}");
        assert!(html.contains("href=\"/runs\""), "{html}");
        let html = to_safe_html("![i](data:text/html;base64,xx)");
        assert!(!html.contains("<img") && !html.contains("data:"), "{html}");
    }

    #[test]
    fn the_mermaid_block_becomes_the_diagram_and_nothing_else_is_html() {
        let markdown = "<svg>raw</svg>\n\n```mermaid\ngraph LR\n  a --> b\n```\n\nafter\n";
        let html = to_safe_html_with(markdown, Some("<svg id=\"drawn\"></svg>"));
        assert!(html.contains("<svg id=\"drawn\"></svg>"), "{html}");
        assert!(!html.contains("graph LR"), "{html}");
        assert!(html.contains("&lt;svg&gt;raw"), "{html}");
        assert!(html.contains("<p>after</p>"), "{html}");
        let plain = to_safe_html(markdown);
        assert!(plain.contains("graph LR"), "{plain}");
    }

    #[test]
    fn only_the_reports_own_anchors_stay_html() {
        let html = to_safe_html(
            "- [x](#c1)\n\n#### <a id=\"c1\"></a>web\n\n<a id=\"X\" onclick=\"y\"></a> </a> <a href=\"#\">z</a>\n",
        );
        assert!(html.contains("<a id=\"c1\"></a>web"), "{html}");
        assert!(html.contains("href=\"#c1\""), "{html}");
        assert!(html.contains("&lt;a id=\"X\" onclick"), "{html}");
        assert!(html.contains("&lt;/a&gt; &lt;a href"), "{html}");
    }

    #[test]
    fn tables_and_code_render() {
        let html = to_safe_html("| a | b |\n|---|---|\n| `<x>` | &amp; |\n");
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<code>&lt;x&gt;</code>"), "{html}");
    }
}
