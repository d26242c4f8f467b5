//! The report's triage section: the LLM's findings when an LLM answered with a valid one, and
//! always a deterministic summary of the digests (top error templates per container, new
//! templates, bursts), so a report never depends on an LLM being there.
//!
//! Pure: the LLM call itself is in `llm::run`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::prompt::{MAX_EXAMPLE_CHARS, MAX_TEMPLATE_CHARS, Prompt, TemplateRef, clean};
use crate::report::HostLogTriage;

/// Who wrote the triage section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WrittenBy {
    /// An LLM's validated answer.
    Llm,
    /// The deterministic summary of the digests (not LLM-written).
    Deterministic,
}

/// The triage section of a report.
#[derive(Debug, Clone, Serialize)]
pub struct TriageSection {
    /// Who wrote the findings.
    pub written_by: WrittenBy,
    /// Why the section is deterministic, or which model wrote it.
    pub note: String,
    /// Whether an LLM triage is still to come (the report is rewritten when it lands).
    pub llm_pending: bool,
    /// The provider that answered, for LLM-written sections.
    pub provider: Option<String>,
    /// The model that answered.
    pub model: Option<String>,
    /// The LLM's findings; empty for deterministic sections.
    pub findings: Vec<Finding>,
    /// The digests summarised without an LLM; always present.
    pub summary: DigestSummary,
    /// Templates the LLM saw.
    pub templates_sent: u32,
    /// Templates cut from the prompt to fit the token budget.
    pub templates_omitted: u32,
    /// Templates kept from the LLM by the directive or by allowlist entries' `send_to_llm`.
    pub templates_withheld: u32,
}

/// Lines of the deterministic summary.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DigestSummary {
    /// The most frequent error templates of each container.
    pub top_errors: Vec<TemplateRef>,
    /// Templates first seen late in the window read.
    pub new_templates: Vec<TemplateRef>,
    /// Templates whose lines came in a burst.
    pub bursts: Vec<TemplateRef>,
}

/// Error templates listed per container in the summary.
const TOP_ERRORS_PER_CONTAINER: usize = 3;
/// New templates and bursts listed at the most.
const MAX_FLAGGED: usize = 20;

/// Gives every template of the run an id, in report order (hosts, then containers, then
/// templates as the agent ranked them), redacted and cut.
pub fn catalogue(hosts: &[HostLogTriage]) -> Vec<TemplateRef> {
    let mut out = Vec::new();
    for host in hosts {
        for container in &host.containers {
            for t in &container.templates {
                out.push(TemplateRef {
                    id: format!("t{}", out.len() + 1),
                    agent: host.agent.clone(),
                    container: container.name.clone(),
                    image: container.image.clone(),
                    severity: t.severity,
                    count: t.count,
                    template: clean(&t.template, MAX_TEMPLATE_CHARS),
                    example: t.examples.first().map(|e| clean(e, MAX_EXAMPLE_CHARS)),
                    novel: t.novel,
                    burst: t.burst,
                });
            }
        }
    }
    out
}

/// The deterministic summary of a catalogue.
pub fn summarize(templates: &[TemplateRef]) -> DigestSummary {
    let mut per_container: BTreeMap<(&str, &str), Vec<&TemplateRef>> = BTreeMap::new();
    for t in templates
        .iter()
        .filter(|t| t.severity == cyberbrain_tasks::Severity::Error)
    {
        per_container
            .entry((t.agent.as_str(), t.container.as_str()))
            .or_default()
            .push(t);
    }
    let mut top_errors = Vec::new();
    for (_, mut errors) in per_container {
        errors.sort_by_key(|t| std::cmp::Reverse(t.count));
        top_errors.extend(errors.into_iter().take(TOP_ERRORS_PER_CONTAINER).cloned());
    }
    let flagged = |keep: fn(&TemplateRef) -> bool| {
        let mut list: Vec<TemplateRef> = templates.iter().filter(|t| keep(t)).cloned().collect();
        list.sort_by_key(|t| std::cmp::Reverse(t.count));
        list.truncate(MAX_FLAGGED);
        list
    };
    DigestSummary {
        top_errors,
        new_templates: flagged(|t| t.novel),
        bursts: flagged(|t| t.burst),
    }
}

/// A deterministic section with `note` saying why.
pub fn deterministic(hosts: &[HostLogTriage], note: &str) -> TriageSection {
    TriageSection {
        written_by: WrittenBy::Deterministic,
        note: note.to_string(),
        llm_pending: false,
        provider: None,
        model: None,
        findings: Vec::new(),
        summary: summarize(&catalogue(hosts)),
        templates_sent: 0,
        templates_omitted: 0,
        templates_withheld: 0,
    }
}

/// One finding of the LLM's answer, validated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// A one-line title.
    pub title: String,
    /// `critical`, `high`, `medium` or `low`.
    pub severity: String,
    /// Hosts concerned (agent names from the prompt).
    #[serde(default)]
    pub hosts: Vec<String>,
    /// Containers concerned.
    #[serde(default)]
    pub containers: Vec<String>,
    /// Template ids from the prompt that support it.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// What to do next.
    #[serde(default)]
    pub next_steps: Vec<String>,
}

#[derive(Deserialize)]
struct Answer {
    findings: Vec<Finding>,
}

/// Findings in an answer at the most.
const MAX_FINDINGS: usize = 20;
/// The longest title or next step kept.
const MAX_FINDING_TEXT: usize = 300;

/// Parses and validates the LLM's answer against what the prompt contained. The error names the
/// field at fault and never quotes the answer.
pub fn validate(answer: &str, prompt: &Prompt) -> Result<Vec<Finding>, String> {
    let text = strip_code_fence(answer.trim());
    let parsed: Answer = serde_json::from_str(text).map_err(|e| {
        format!(
            "answer: not the expected JSON object ({})",
            e.classify_name()
        )
    })?;
    if parsed.findings.len() > MAX_FINDINGS {
        return Err(format!("findings: more than {MAX_FINDINGS}"));
    }
    let mut findings = Vec::with_capacity(parsed.findings.len());
    for (i, mut f) in parsed.findings.into_iter().enumerate() {
        let field = |name: &str| format!("findings[{i}].{name}");
        if f.title.trim().is_empty() {
            return Err(format!("{}: empty", field("title")));
        }
        f.severity = f.severity.trim().to_ascii_lowercase();
        if !matches!(f.severity.as_str(), "critical" | "high" | "medium" | "low") {
            return Err(format!(
                "{}: not critical, high, medium or low",
                field("severity")
            ));
        }
        if f.evidence.is_empty() {
            return Err(format!("{}: empty", field("evidence")));
        }
        if let Some(bad) = f
            .evidence
            .iter()
            .position(|id| !prompt.template_ids.contains(id))
        {
            return Err(format!(
                "{}[{bad}]: not a template id of the prompt",
                field("evidence")
            ));
        }
        if let Some(bad) = f.hosts.iter().position(|h| !prompt.hosts.contains(h)) {
            return Err(format!(
                "{}[{bad}]: not a host of the prompt",
                field("hosts")
            ));
        }
        if let Some(bad) = f
            .containers
            .iter()
            .position(|c| !prompt.containers.contains(c))
        {
            return Err(format!(
                "{}[{bad}]: not a container of the prompt",
                field("containers")
            ));
        }
        // What goes into the report is redacted and bounded like every other quoted text.
        f.title = clean(&f.title, MAX_FINDING_TEXT);
        f.next_steps = f
            .next_steps
            .iter()
            .take(10)
            .map(|s| clean(s, MAX_FINDING_TEXT))
            .collect();
        findings.push(f);
    }
    Ok(findings)
}

trait ClassifyName {
    fn classify_name(&self) -> &'static str;
}

impl ClassifyName for serde_json::Error {
    fn classify_name(&self) -> &'static str {
        match self.classify() {
            serde_json::error::Category::Io => "io",
            serde_json::error::Category::Syntax => "syntax error",
            serde_json::error::Category::Data => "wrong shape",
            serde_json::error::Category::Eof => "cut short",
        }
    }
}

/// Models often wrap JSON in a Markdown code fence despite being told not to.
fn strip_code_fence(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("```") else {
        return text;
    };
    let rest = rest.strip_prefix("json").unwrap_or(rest);
    rest.strip_suffix("```").unwrap_or(rest).trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::llm::prompt::build;
    use cyberbrain_tasks::{ContainerLogDigest, Severity, TemplateCount};

    fn hosts() -> Vec<HostLogTriage> {
        let t = |text: &str, severity, count, novel, burst| TemplateCount {
            template: text.into(),
            count,
            severity,
            examples: vec![format!("{text} token=abcdefabcdefabcdef")],
            first_seen_unix_ms: 0,
            last_seen_unix_ms: 0,
            novel,
            burst,
        };
        vec![HostLogTriage {
            agent: "host-a".into(),
            containers: vec![ContainerLogDigest {
                name: "web".into(),
                image: "nginx".into(),
                templates: vec![
                    t("upstream <*> timed out", Severity::Error, 50, false, true),
                    t("disk full on <*>", Severity::Error, 5, true, false),
                    t("GET <*> 200", Severity::Info, 5000, false, false),
                ],
                ..Default::default()
            }],
            skipped_containers: 0,
        }]
    }

    #[test]
    fn the_summary_lists_errors_new_templates_and_bursts() {
        let s = deterministic(&hosts(), "no LLM configured");
        assert_eq!(s.written_by, WrittenBy::Deterministic);
        assert_eq!(s.summary.top_errors.len(), 2);
        assert_eq!(s.summary.top_errors[0].id, "t1");
        assert_eq!(s.summary.new_templates[0].id, "t2");
        assert_eq!(s.summary.bursts[0].id, "t1");
    }

    #[test]
    fn answers_are_validated_against_the_prompt() {
        let prompt = build(&catalogue(&hosts()), 2000, 3.0);
        assert!(
            !prompt.user.contains("abcdefabcdefabcdef"),
            "examples are redacted"
        );
        let good = r#"```json
        {"findings":[{"title":"Upstream timeouts","severity":"High","hosts":["host-a"],
          "containers":["web"],"evidence":["t1"],"next_steps":["check upstream"]}]}
        ```"#;
        let findings = validate(good, &prompt).expect("valid");
        assert_eq!(findings[0].severity, "high");
        for (bad, field) in [
            ("not json", "answer"),
            (
                r#"{"findings":[{"title":"","severity":"high","evidence":["t1"]}]}"#,
                "findings[0].title",
            ),
            (
                r#"{"findings":[{"title":"x","severity":"meh","evidence":["t1"]}]}"#,
                "findings[0].severity",
            ),
            (
                r#"{"findings":[{"title":"x","severity":"low","evidence":["t99"]}]}"#,
                "findings[0].evidence[0]",
            ),
            (
                r#"{"findings":[{"title":"x","severity":"low","evidence":["t1"],"hosts":["nope"]}]}"#,
                "findings[0].hosts[0]",
            ),
        ] {
            let e = validate(bad, &prompt).expect_err(bad);
            assert!(e.starts_with(field), "{bad}: {e}");
            assert!(
                !e.contains("nope") && !e.contains("meh"),
                "errors never quote the answer: {e}"
            );
        }
        assert_eq!(validate(r#"{"findings":[]}"#, &prompt), Ok(vec![]));
    }
}
