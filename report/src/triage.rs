//! The report's triage section: the LLM's findings when an LLM answered with a valid one, and
//! always a deterministic summary of the digests (top error templates per container, new
//! templates, bursts), so a report never depends on an LLM being there.
//!
//! Pure: the LLM call itself is driven by the controller's `triage` module through `cyberbrain-llm`.

use std::collections::BTreeMap;

use cyberbrain_tasks::Severity;
use serde::{Deserialize, Serialize};

use crate::HostLogTriage;

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
    for t in templates.iter().filter(|t| t.severity.is_error()) {
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

/// One template of one container on one host, as the prompt and the report name it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TemplateRef {
    /// Stable id within the run, `t1`, `t2`, … in report order.
    pub id: String,
    /// Agent name.
    pub agent: String,
    /// Container name.
    pub container: String,
    /// Image, for matching allowlist rules.
    #[serde(skip)]
    pub image: String,
    /// Severity.
    pub severity: Severity,
    /// Lines that matched it.
    pub count: u64,
    /// The template, redacted and cut to [`MAX_TEMPLATE_CHARS`].
    pub template: String,
    /// One example, redacted and cut, if the agent sent one.
    #[serde(skip)]
    pub example: Option<String>,
    /// First seen late in the window read.
    pub novel: bool,
    /// Its lines came in a burst.
    pub burst: bool,
}

/// The longest template text put in a prompt or summary line.
pub const MAX_TEMPLATE_CHARS: usize = 240;
/// The longest example text put in a prompt line.
pub const MAX_EXAMPLE_CHARS: usize = 160;

/// Redacts secrets (again: the agent did it once) and cuts to `max` characters.
pub fn clean(text: &str, max: usize) -> String {
    let redacted = cyberbrain_logmine::redact::redact(text.as_bytes());
    let mut out: String = redacted
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(max)
        .collect();
    if redacted.chars().count() > max {
        out.push('…');
    }
    out
}

/// Notes shown in a deterministic triage section.
pub mod notes {
    /// No provider is configured.
    pub const NO_LLM: &str = "not LLM-written: no LLM is configured";
    /// The LLM step is still to run.
    pub const PENDING: &str = "not LLM-written yet: LLM triage is pending";
    /// The directive has `llm: off`.
    pub const DIRECTIVE_OFF: &str = "not LLM-written: LLM triage is off for this directive";
    /// Every container's digest is withheld by `send_to_llm`.
    pub const ALL_WITHHELD: &str =
        "not LLM-written: allowlist entries keep every container's digest from LLMs";
    /// Nothing to triage.
    pub const NO_TEMPLATES: &str = "not LLM-written: the digests have no templates";
    /// The budget does not fit the instructions and one template.
    pub const BUDGET_TOO_SMALL: &str =
        "not LLM-written: the prompt token budget is too small for one template";
    /// Every provider failed.
    pub const ALL_FAILED: &str = "not LLM-written: every LLM provider failed";
    /// The answers did not validate.
    pub const INVALID: &str = "not LLM-written: the LLM's answer was invalid twice";
}

#[cfg(test)]
mod tests {
    use super::*;
    use cyberbrain_tasks::{ContainerLogDigest, TemplateCount};

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
}
