//! A run's report cut to what an assistant asked for: one section, one page of it.
//!
//! Reports of large fleets run to megabytes; a model's context does not. A page is at most
//! [`MAX_PAGE_CHARS`] characters of one section, and says where the next page starts.

use serde_json::{Map, Value, json};

/// Characters in a page when the caller does not say.
pub const DEFAULT_PAGE_CHARS: usize = 16_000;
/// The most characters a page may hold.
pub const MAX_PAGE_CHARS: usize = 64_000;

/// The sections that are not keys of the report's JSON.
pub const SUMMARY: &str = "summary";
/// The whole report as JSON.
pub const ALL: &str = "all";
/// The rendered Markdown.
pub const MARKDOWN: &str = "markdown";

/// The text of `section` of a report whose JSON is `report` and Markdown `markdown`, or the
/// sections there are when `section` is not one of them.
pub fn section_text(
    report: &Map<String, Value>,
    markdown: &str,
    section: &str,
) -> Result<String, Vec<String>> {
    let pretty = |value: &Value| serde_json::to_string_pretty(value).unwrap_or_default();
    match section {
        SUMMARY => Ok(pretty(&summary(report))),
        ALL => Ok(pretty(&Value::Object(report.clone()))),
        MARKDOWN => Ok(markdown.to_string()),
        key => match report.get(key) {
            Some(value) if !is_scalar(value) => Ok(pretty(value)),
            _ => Err(sections(report)),
        },
    }
}

/// Every section name a caller may ask for.
pub fn sections(report: &Map<String, Value>) -> Vec<String> {
    let mut names = vec![SUMMARY.to_string(), MARKDOWN.to_string(), ALL.to_string()];
    names.extend(
        report
            .iter()
            .filter(|(_, value)| !is_scalar(value))
            .map(|(key, _)| key.clone()),
    );
    names
}

fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Array(_) | Value::Object(_))
}

/// The report's scalar fields (status, times, who launched it) and, for every other section,
/// how many characters it has, so a caller knows what to page through.
fn summary(report: &Map<String, Value>) -> Value {
    let mut summary = Map::new();
    let mut sizes = Map::new();
    for (key, value) in report {
        if is_scalar(value) {
            summary.insert(key.clone(), value.clone());
        } else {
            let chars = serde_json::to_string_pretty(value)
                .map(|text| text.chars().count())
                .unwrap_or(0);
            sizes.insert(key.clone(), json!(chars));
        }
    }
    summary.insert("section_chars".to_string(), Value::Object(sizes));
    Value::Object(summary)
}

/// One page of `text`: `max_chars` characters from character `offset`.
#[derive(Debug, PartialEq)]
pub struct Page {
    /// The page's text.
    pub text: String,
    /// Characters in the whole text.
    pub total_chars: usize,
    /// Where the next page starts; `None` on the last page.
    pub next_offset: Option<usize>,
}

/// Cuts a page of `text` at character (not byte) positions, so a page never splits a character.
pub fn page(text: &str, offset: usize, max_chars: usize) -> Page {
    let total_chars = text.chars().count();
    let page: String = text.chars().skip(offset).take(max_chars).collect();
    let end = offset.saturating_add(max_chars);
    Page {
        text: page,
        total_chars,
        next_offset: (end < total_chars).then_some(end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Map<String, Value> {
        match json!({
            "run_id": "r1",
            "status": "succeeded",
            "jobs": [{"agent": "a"}],
            "gpu_fleet": {"idle": []},
        }) {
            Value::Object(map) => map,
            _ => unreachable!(),
        }
    }

    #[test]
    fn the_summary_has_the_scalars_and_the_sizes_of_the_rest() {
        let text = section_text(&report(), "# r1", SUMMARY).expect("summary");
        let summary: Value = serde_json::from_str(&text).expect("json");
        assert_eq!(summary["status"], "succeeded");
        assert!(summary["section_chars"]["jobs"].as_u64().unwrap() > 0);
        assert!(summary.get("jobs").is_none());
    }

    #[test]
    fn sections_are_keys_markdown_or_all_and_others_are_refused_with_the_list() {
        assert_eq!(section_text(&report(), "# r1", MARKDOWN).unwrap(), "# r1");
        assert!(
            section_text(&report(), "", "jobs")
                .unwrap()
                .contains("\"agent\"")
        );
        let refused = section_text(&report(), "", "status").unwrap_err();
        assert!(refused.contains(&"gpu_fleet".to_string()) && !refused.contains(&"status".into()));
        assert!(section_text(&report(), "", "tokens").is_err());
    }

    #[test]
    fn pages_cut_at_characters_and_say_where_the_next_starts() {
        let text = "äöü".repeat(10);
        let first = page(&text, 0, 7);
        assert_eq!(first.text.chars().count(), 7);
        assert_eq!(first.next_offset, Some(7));
        assert_eq!(first.total_chars, 30);
        let last = page(&text, 28, 7);
        assert_eq!(last.text, "öü");
        assert_eq!(last.next_offset, None);
        assert_eq!(page(&text, 100, 7).text, "");
        assert_eq!(page(&text, usize::MAX, 7).next_offset, None);
    }
}
