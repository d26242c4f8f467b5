//! The overview's "needs attention" list: the `attention` lines of the latest reports.
//!
//! A report's JSON may carry a top-level `attention` array of `{kind, severity, host, container,
//! text, ref}` (reports written before it existed have none: they show nothing). It is read
//! tolerantly: anything that is not such an object, or has no text, is skipped; every value is
//! text from agents and containers, so it reaches the page only through maud's escaping, cut to
//! a bounded length, and `ref` becomes a link fragment only when it is a plain identifier.

use maud::{Markup, html};
use serde_json::Value;

use super::super::render::{badge, when};
use cyberbrain_store::RunAttention;

/// Lines shown per run, and in all.
const LINES_PER_RUN: usize = 10;
const LINES_IN_ALL: usize = 40;
/// Characters of a line's text shown at most (longer ones end in "…").
const TEXT_CHARS: usize = 400;
/// Characters of a short field (kind, host, container) shown at most.
const FIELD_CHARS: usize = 120;

/// One line, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// `critical` or `warning` (anything else reads as `warning`).
    pub severity: &'static str,
    /// What kind of finding.
    pub kind: String,
    /// Where.
    pub host: String,
    /// In which container, if any.
    pub container: String,
    /// What.
    pub text: String,
    /// The report anchor to link to, when it is a plain identifier.
    pub anchor: Option<String>,
}

/// The lines of one report's `attention` value; nothing when it is absent or not an array.
pub fn lines(value: Option<&Value>) -> Vec<Line> {
    let Some(Value::Array(items)) = value else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let object = item.as_object()?;
            let field = |name: &str, limit: usize| {
                object
                    .get(name)
                    .and_then(Value::as_str)
                    .map(|s| cut(s, limit))
                    .unwrap_or_default()
            };
            let text = field("text", TEXT_CHARS);
            if text.trim().is_empty() {
                return None;
            }
            let severity = match object.get("severity").and_then(Value::as_str) {
                Some("critical") => "critical",
                _ => "warning",
            };
            let anchor = object
                .get("ref")
                .and_then(Value::as_str)
                .filter(|r| is_plain_anchor(r))
                .map(str::to_string);
            Some(Line {
                severity,
                kind: field("kind", FIELD_CHARS),
                host: field("host", FIELD_CHARS),
                container: field("container", FIELD_CHARS),
                text,
                anchor,
            })
        })
        .take(LINES_PER_RUN)
        .collect()
}

/// Whether `anchor` can go after `#` as it is: letters, digits, `-`, `_`, `.`, `:`, at most 128.
fn is_plain_anchor(anchor: &str) -> bool {
    !anchor.is_empty()
        && anchor.len() <= 128
        && anchor
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c))
}

/// At most `limit` characters, control characters as spaces.
fn cut(text: &str, limit: usize) -> String {
    let mut out: String = text
        .chars()
        .take(limit)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().count() > limit {
        out.push('…');
    }
    out
}

/// The overview's section: the runs' lines, newest run first.
pub fn section(runs: &[RunAttention]) -> Markup {
    let mut shown = 0usize;
    let per_run: Vec<(&RunAttention, Vec<Line>)> = runs
        .iter()
        .filter_map(|run| {
            let mut lines = lines(run.attention.as_ref());
            lines.truncate(LINES_IN_ALL.saturating_sub(shown));
            shown += lines.len();
            (!lines.is_empty()).then_some((run, lines))
        })
        .collect();
    html! {
        section aria-labelledby="attention-h" {
            h2 #attention-h { "Needs attention" }
            @if per_run.is_empty() {
                p.muted { "Nothing in the latest " (runs.len()) " reports." }
            } @else {
                ul.attention {
                    @for (run, lines) in &per_run {
                        @for line in lines {
                            li {
                                (badge(line.severity)) " "
                                @if !line.host.is_empty() { strong { (line.host) } }
                                @if !line.container.is_empty() { " / " code { (line.container) } }
                                @if !line.kind.is_empty() { " " span.muted { "(" (line.kind) ")" } }
                                ": " (line.text) " "
                                a href={ "/runs/" (run.run_id) @if let Some(anchor) = &line.anchor { "#" (anchor) } } {
                                    (run.directive_name.as_deref().unwrap_or("ad-hoc run")) ", "
                                    (when(run.finished_at))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_or_odd_attention_shows_nothing_and_hostile_text_stays_text() {
        assert!(lines(None).is_empty());
        assert!(lines(Some(&serde_json::json!({"text": "not an array"}))).is_empty());
        let value = serde_json::json!([
            "a string",
            {"severity": "critical", "text": ""},
            {"severity": "critical", "host": "h1", "container": "c", "kind": "oom",
             "text": "<script>alert(1)</script>", "ref": "triage"},
            {"severity": "bogus", "text": "x\u{1b}[2J", "ref": "javascript:alert(1)\""},
        ]);
        let got = lines(Some(&value));
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].severity, "critical");
        assert_eq!(got[0].anchor.as_deref(), Some("triage"));
        assert_eq!(got[1].severity, "warning");
        assert_eq!(got[1].anchor, None, "not a plain identifier");
        assert_eq!(got[1].text, "x [2J");
        let run = RunAttention {
            run_id: uuid::Uuid::nil(),
            directive_name: Some("<b>d</b>".into()),
            finished_at: chrono::Utc::now(),
            attention: Some(value),
        };
        let html = section(&[run]).into_string();
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(
            !html.contains("<script>") && !html.contains("<b>d"),
            "{html}"
        );
        assert!(html.contains("href=\"/runs/00000000-0000-0000-0000-000000000000#triage\""));
    }

    #[test]
    fn long_text_is_cut() {
        let long = "a".repeat(TEXT_CHARS + 10);
        let got = lines(Some(&serde_json::json!([{ "text": long }])));
        assert_eq!(got[0].text.chars().count(), TEXT_CHARS + 1);
        assert!(got[0].text.ends_with('…'));
    }
}
