//! The report's triage section: the LLM's findings when an LLM answered with a valid one, and
//! always a deterministic summary of the digests (top error templates per container, new
//! templates, bursts), so a report never depends on an LLM being there.
//!
//! Pure: the LLM call itself is driven by the controller's `triage` module through `cyberbrain-llm`.

use std::collections::BTreeMap;

use cyberbrain_model::baseline::{self, Baseline};
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
    /// How the new error templates' refinement went, when an LLM is configured.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refinement: Option<RefinementCounts>,
}

/// The refinement of a run's new error templates by the LLM (which words are variables).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct RefinementCounts {
    /// New error templates that may be sent to an LLM (distinct texts).
    pub candidates: u32,
    /// Of those, answered from the cache (no call).
    pub cached: u32,
    /// Of those, asked of the LLM in this run (bounded by `--llm-refinements-per-run`).
    pub asked: u32,
    /// Templates of the report that got a validated refinement (cached or asked).
    pub refined: u32,
}

/// Lines of the deterministic summary.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DigestSummary {
    /// The most frequent error templates of each container.
    pub top_errors: Vec<TemplateRef>,
    /// Templates new since the baseline.
    pub new_templates: Vec<TemplateRef>,
    /// Templates whose lines came in a burst.
    pub bursts: Vec<TemplateRef>,
}

/// Error templates listed per container in the summary.
const TOP_ERRORS_PER_CONTAINER: usize = 3;
/// New templates and bursts listed at the most.
const MAX_FLAGGED: usize = 20;

/// Gives every template of the run an id, `t1`, `t2`, … in report order: most severe first, then
/// most frequent (then host, container and text, so the order is the same every time), redacted
/// and cut. `novel` and `burst` are judged against `baseline` when there is one (a template of a
/// subject the baseline has not seen is new; a rate far above the baseline's bursts); the first
/// run's (empty baseline) flags nothing new and keeps the agent's own bursts; without a baseline
/// (a partial report) nothing is new either.
pub fn catalogue(hosts: &[HostLogTriage], baseline: Option<&Baseline>) -> Vec<TemplateRef> {
    let mut out = Vec::new();
    for host in hosts {
        for container in &host.containers {
            let subject = baseline::subject_of(container);
            let hours = baseline::covered_hours(container);
            for t in &container.templates {
                let fingerprint = baseline::fingerprint(&t.template);
                let (novel, burst) = match baseline {
                    Some(b) if b.runs > 0 => (
                        b.is_new(&subject, &fingerprint),
                        b.is_burst(&subject, &fingerprint, t.count as f64 / hours, t.count),
                    ),
                    _ => (false, t.burst),
                };
                out.push(TemplateRef {
                    id: String::new(),
                    agent: host.agent.clone(),
                    container: container.name.clone(),
                    image: container.image.clone(),
                    severity: t.severity,
                    count: t.count,
                    template: clean(&t.template, MAX_TEMPLATE_CHARS),
                    example: t.examples.first().map(|e| clean(e, MAX_EXAMPLE_CHARS)),
                    first_seen_unix_ms: t.first_seen_unix_ms,
                    last_seen_unix_ms: t.last_seen_unix_ms,
                    novel,
                    burst,
                    fingerprint,
                    refined_template: None,
                });
            }
        }
    }
    out.sort_by(|a, b| {
        (
            a.severity.rank(),
            std::cmp::Reverse(a.count),
            &a.agent,
            &a.container,
            &a.template,
        )
            .cmp(&(
                b.severity.rank(),
                std::cmp::Reverse(b.count),
                &b.agent,
                &b.container,
                &b.template,
            ))
    });
    for (i, t) in out.iter_mut().enumerate() {
        t.id = format!("t{}", i + 1);
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
    // The catalogue is in report order already (severity, then count): keep it.
    let mut top_errors: Vec<TemplateRef> = per_container
        .into_values()
        .flat_map(|errors| errors.into_iter().take(TOP_ERRORS_PER_CONTAINER).cloned())
        .collect();
    top_errors.sort_by_key(|t| id_number(&t.id));
    let flagged = |keep: fn(&TemplateRef) -> bool| {
        let mut list: Vec<TemplateRef> = templates.iter().filter(|t| keep(t)).cloned().collect();
        list.truncate(MAX_FLAGGED);
        list
    };
    DigestSummary {
        top_errors,
        new_templates: flagged(|t| t.novel),
        bursts: flagged(|t| t.burst),
    }
}

/// `t12` → 12, for ordering by id.
fn id_number(id: &str) -> u64 {
    id.trim_start_matches('t').parse().unwrap_or(u64::MAX)
}

/// A deterministic section of the catalogue `templates` with `note` saying why.
pub fn deterministic(templates: &[TemplateRef], note: &str) -> TriageSection {
    TriageSection {
        written_by: WrittenBy::Deterministic,
        note: note.to_string(),
        llm_pending: false,
        provider: None,
        model: None,
        findings: Vec::new(),
        summary: summarize(templates),
        templates_sent: 0,
        templates_omitted: 0,
        templates_withheld: 0,
        refinement: None,
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
    /// Stable id within the report, `t1`, `t2`, … in report order (severity, then count).
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
    /// Its first line's time (Unix ms), 0 when unknown.
    pub first_seen_unix_ms: i64,
    /// Its last line's time (Unix ms), 0 when unknown.
    pub last_seen_unix_ms: i64,
    /// New since the baseline: its container's image or service never logged it in an earlier
    /// run of the same directive (or ad-hoc target).
    pub novel: bool,
    /// Its rate is far above the baseline's (the first run: its lines came in a burst).
    pub burst: bool,
    /// The fingerprint of the agent's template text (`baseline::fingerprint`), the key of the
    /// refinement cache.
    #[serde(skip)]
    pub fingerprint: String,
    /// The LLM's validated refinement of `template` (more words made `<*>`), when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refined_template: Option<String>,
}

/// The longest template text put in a prompt or summary line.
pub const MAX_TEMPLATE_CHARS: usize = 240;
/// The longest example text put in a prompt line.
pub const MAX_EXAMPLE_CHARS: usize = 160;

/// Redacts secrets (again: the agent did it once), makes control characters visible and cuts to
/// `max` characters.
pub fn clean(text: &str, max: usize) -> String {
    let redacted = cyberbrain_logmine::redact::redact(text.as_bytes());
    // Control characters shown, not obeyed (`␛`), like everywhere in the report; what is left
    // (line breaks, tabs) becomes a space.
    let redacted = crate::controls::neutralise(&redacted);
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
        // Info first in the digest: the catalogue orders by severity, then count.
        let mut hosts = hosts();
        hosts[0].containers[0].templates.rotate_left(2);
        let first = catalogue(&hosts, Some(&Baseline::default()));
        assert_eq!(
            first
                .iter()
                .map(|t| (t.id.as_str(), t.count))
                .collect::<Vec<_>>(),
            [("t1", 50), ("t2", 5), ("t3", 5000)]
        );
        // The first run: no baseline, nothing new; the agent's burst stays.
        assert!(first.iter().all(|t| !t.novel));
        assert!(first[0].burst);
        let mut known = Baseline {
            runs: 1,
            ..Default::default()
        };
        for t in &hosts[0].containers[0].templates {
            if !t.template.starts_with("disk") {
                known.templates.insert(
                    (
                        baseline::subject_of(&hosts[0].containers[0]),
                        baseline::fingerprint(&t.template),
                    ),
                    baseline::BaselineTemplate {
                        lines_per_hour: 1.0,
                        runs: 1,
                    },
                );
            }
        }
        let s = deterministic(&catalogue(&hosts, Some(&known)), "no LLM configured");
        assert_eq!(s.written_by, WrittenBy::Deterministic);
        assert_eq!(s.summary.top_errors.len(), 2);
        assert_eq!(s.summary.top_errors[0].id, "t1");
        assert_eq!(s.summary.new_templates.len(), 1);
        assert_eq!(s.summary.new_templates[0].id, "t2");
        // 50 lines in a minute against 1 an hour.
        assert_eq!(s.summary.bursts[0].id, "t1");
    }
}
