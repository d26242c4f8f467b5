//! The top of the report: what needs attention, most severe first, each item naming the section
//! it comes from by an id (`ref`) that is also the Markdown anchor of that section; and the run
//! at a glance (hosts and jobs by status). Container incidents, from the Docker inspect the agent
//! did while reading the logs (or, without `log_triage`, from the service map), live here too.
//!
//! Ids: `j<n>` a row of the jobs table, `c<n>` a container in trouble, `t<n>` a template,
//! `cmd-<n>` a command's section, `log-triage` the log triage section, `l<n>` a container's log
//! section, `gpu-<h>` a host's GPU section, `gpu-<h>-<i>` one GPU of it. Only characters `[a-z0-9-]`:
//! the anchors are made from them, never from text an agent wrote.

use std::collections::BTreeMap;

use chrono::{DateTime, SecondsFormat, Utc};
use cyberbrain_tasks::{ContainerCondition, Severity};
use serde::Serialize;

use crate::triage::{TemplateRef, clean};
use crate::{JobLine, Report};

/// The most template lines (new, then bursts) in the attention list.
const MAX_TEMPLATE_ITEMS: usize = 10;
/// The most `container_errors` lines; the rest are counted in one more line.
const MAX_CONTAINER_ERROR_ITEMS: usize = 5;
/// The id of the log triage section.
pub const LOG_TRIAGE_REF: &str = "log-triage";
/// The longest text of an attention item.
const MAX_TEXT_CHARS: usize = 300;

/// What an attention item is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttentionKind {
    /// No agent took the host's jobs.
    HostUnreachable,
    /// A job failed (or was lost, or cancelled).
    JobFailed,
    /// A command or worker container exited non-zero, was killed or timed out.
    CommandFailed,
    /// The kernel's OOM killer ended the container.
    ContainerOomKilled,
    /// The container restarts (a crash loop when it keeps doing so).
    ContainerRestarting,
    /// Its health check fails.
    ContainerUnhealthy,
    /// It exited with a non-zero code.
    ContainerExited,
    /// A template not in the baseline.
    TemplateNew,
    /// A template far above its baseline rate.
    TemplateBurst,
    /// A container not otherwise in trouble logged error (or worse) lines that are neither new
    /// nor bursting: known errors, still worth a look.
    ContainerErrors,
    /// A GPU runs hot.
    GpuHot,
    /// A GPU's memory is nearly full.
    GpuMemoryFull,
    /// The host has no usable NVML.
    GpuUnavailable,
}

/// How urgent an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttentionSeverity {
    /// Something is broken now.
    Critical,
    /// Worth a look.
    Warning,
}

/// One line of "Needs attention".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attention {
    /// What it is about.
    pub kind: AttentionKind,
    /// How urgent.
    pub severity: AttentionSeverity,
    /// The host (agent name), when one is concerned.
    pub host: Option<String>,
    /// The container, when one is concerned.
    pub container: Option<String>,
    /// One plain line, redacted.
    pub text: String,
    /// The id of the section or object it refers to, also its Markdown anchor.
    #[serde(rename = "ref")]
    pub reference: String,
}

/// The run at a glance.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Overview {
    /// Hosts with jobs in the run.
    pub hosts: u32,
    /// Hosts with a job that did not succeed (failed, unreachable, lost, cancelled).
    pub hosts_with_problems: u32,
    /// Jobs by status.
    pub jobs_by_status: BTreeMap<String, u32>,
}

/// A container in trouble: why, and what Docker said about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContainerIncident {
    /// `c1`, `c2`, … in report order; its anchor.
    pub id: String,
    /// Agent name.
    pub agent: String,
    /// Container name.
    pub container: String,
    /// Image.
    pub image: String,
    /// Why it is in trouble, most severe first.
    pub reasons: Vec<AttentionKind>,
    /// Docker's inspect of it.
    #[serde(flatten)]
    pub condition: ContainerCondition,
}

impl ContainerIncident {
    /// The reasons a container with this condition is in trouble, most severe first; empty for
    /// a healthy one.
    pub fn reasons_of(c: &ContainerCondition) -> Vec<AttentionKind> {
        let mut reasons = Vec::new();
        if c.oom_killed {
            reasons.push(AttentionKind::ContainerOomKilled);
        }
        if c.restarted() {
            reasons.push(AttentionKind::ContainerRestarting);
        }
        if c.health == "unhealthy" {
            reasons.push(AttentionKind::ContainerUnhealthy);
        }
        if c.exited_non_zero() {
            reasons.push(AttentionKind::ContainerExited);
        }
        reasons
    }

    /// Crash-looping: restarting now, or restarted three times or more.
    fn crash_looping(&self) -> bool {
        self.condition.status == "restarting" || self.condition.restart_count >= 3
    }

    /// One line: what happened, and since when.
    pub fn describe(&self) -> String {
        let c = &self.condition;
        let mut parts = Vec::new();
        for reason in &self.reasons {
            parts.push(match reason {
                AttentionKind::ContainerOomKilled => "OOM-killed".to_string(),
                AttentionKind::ContainerRestarting => {
                    format!("restarting ({} restarts)", c.restart_count)
                }
                AttentionKind::ContainerUnhealthy => {
                    let mut text = format!("unhealthy ({} failed checks", c.health_failing_streak);
                    if !c.health_output.is_empty() {
                        text.push_str(&format!(", last: {}", c.health_output));
                    }
                    text.push(')');
                    text
                }
                AttentionKind::ContainerExited => "exited".to_string(),
                _ => continue,
            });
        }
        // The engine's events saw the last exit; inspect may have been read mid-restart, when
        // it says exit code 0.
        let (code, at) = match c.exits.last() {
            Some(exit) if exit.at_unix_ms >= c.finished_at_unix_ms => {
                (exit.exit_code, exit.at_unix_ms)
            }
            _ => (c.exit_code, c.finished_at_unix_ms),
        };
        if let Some(code) = code {
            parts.push(format!("last exit code {code}"));
        }
        if let Some(at) = time(at) {
            parts.push(format!("last exit at {at}"));
        }
        parts.join(", ")
    }
}

/// A Unix-ms time as RFC 3339 in seconds, UTC; `None` for 0 (unknown).
pub fn time(unix_ms: i64) -> Option<String> {
    if unix_ms <= 0 {
        return None;
    }
    DateTime::<Utc>::from_timestamp_millis(unix_ms)
        .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
}

/// Whether a job's status is a problem.
fn job_failed(status: &str) -> bool {
    matches!(status, "failed" | "lost" | "cancelled")
}

/// Counts hosts and jobs by status.
pub fn overview(jobs: &[JobLine]) -> Overview {
    let mut hosts: BTreeMap<&str, bool> = BTreeMap::new();
    let mut jobs_by_status = BTreeMap::new();
    for j in jobs {
        *jobs_by_status.entry(j.status.clone()).or_insert(0) += 1;
        let problem = job_failed(&j.status) || j.status == "unreachable";
        *hosts.entry(j.agent.as_str()).or_insert(false) |= problem;
    }
    Overview {
        hosts: hosts.len() as u32,
        hosts_with_problems: hosts.values().filter(|p| **p).count() as u32,
        jobs_by_status,
    }
}

/// The attention list of a built report (jobs, incidents, templates and GPU flags filled).
pub fn collect(report: &Report) -> Vec<Attention> {
    let mut items = Vec::new();
    let item =
        |kind, severity, host: &str, container: Option<&str>, text: String, reference| Attention {
            kind,
            severity,
            host: (!host.is_empty()).then(|| host.to_string()),
            container: container.map(str::to_string),
            text: clean(&text, MAX_TEXT_CHARS),
            reference,
        };
    let mut unreachable_hosts = Vec::new();
    for (i, j) in report.jobs.iter().enumerate() {
        let reference = job_ref(i);
        if j.status == "unreachable" {
            if unreachable_hosts.contains(&j.agent.as_str()) {
                continue;
            }
            unreachable_hosts.push(j.agent.as_str());
            items.push(item(
                AttentionKind::HostUnreachable,
                AttentionSeverity::Critical,
                &j.agent,
                None,
                format!(
                    "{} is unreachable: {}",
                    j.agent,
                    j.error.as_deref().unwrap_or("no agent took its jobs")
                ),
                reference,
            ));
        } else if job_failed(&j.status) {
            items.push(item(
                AttentionKind::JobFailed,
                AttentionSeverity::Critical,
                &j.agent,
                None,
                format!(
                    "{} {} {}: {}",
                    j.agent,
                    j.task_type,
                    j.status,
                    j.error.as_deref().unwrap_or("no reason given")
                ),
                reference,
            ));
        }
    }
    for (i, host) in report.commands.iter().enumerate() {
        let r = &host.result;
        if r.succeeded() {
            continue;
        }
        items.push(item(
            AttentionKind::CommandFailed,
            AttentionSeverity::Critical,
            &host.agent,
            None,
            format!("{} command {}: {}", host.agent, r.name, r.outcome()),
            command_ref(i),
        ));
    }
    for incident in &report.incidents {
        let Some(&kind) = incident.reasons.first() else {
            continue;
        };
        let severity = match kind {
            AttentionKind::ContainerExited => AttentionSeverity::Warning,
            AttentionKind::ContainerRestarting if !incident.crash_looping() => {
                AttentionSeverity::Warning
            }
            _ => AttentionSeverity::Critical,
        };
        items.push(item(
            kind,
            severity,
            &incident.agent,
            Some(&incident.container),
            format!(
                "{} on {}: {}",
                incident.container,
                incident.agent,
                incident.describe()
            ),
            incident.id.clone(),
        ));
    }
    let template_line = |t: &TemplateRef, what: &str| {
        let mut text = format!(
            "{} in {} on {}: {} ({} lines",
            what, t.container, t.agent, t.template, t.count
        );
        if let Some(first) = time(t.first_seen_unix_ms) {
            text.push_str(&format!(", first seen {first}"));
        }
        text.push(')');
        text
    };
    let serious = |t: &&TemplateRef| t.severity.rank() <= Severity::Warn.rank();
    for t in report
        .templates
        .iter()
        .filter(|t| t.novel)
        .filter(serious)
        .take(MAX_TEMPLATE_ITEMS)
    {
        let severity = if t.severity.rank() < Severity::Warn.rank() {
            AttentionSeverity::Critical
        } else {
            AttentionSeverity::Warning
        };
        items.push(item(
            AttentionKind::TemplateNew,
            severity,
            &t.agent,
            Some(&t.container),
            template_line(t, &format!("new {}", t.severity.as_str())),
            t.id.clone(),
        ));
    }
    for t in report
        .templates
        .iter()
        .filter(|t| t.burst)
        .filter(serious)
        .take(MAX_TEMPLATE_ITEMS)
    {
        items.push(item(
            AttentionKind::TemplateBurst,
            AttentionSeverity::Warning,
            &t.agent,
            Some(&t.container),
            template_line(t, &format!("burst of {}", t.severity.as_str())),
            t.id.clone(),
        ));
    }
    let erring = container_errors(report);
    let more = erring.len().saturating_sub(MAX_CONTAINER_ERROR_ITEMS);
    for e in erring.into_iter().take(MAX_CONTAINER_ERROR_ITEMS) {
        let mut text = format!(
            "{} on {}: {} in {}, most: {} ({})",
            e.container,
            e.agent,
            count_of(e.lines, "error line"),
            count_of(e.templates as u64, "template"),
            e.top.template,
            count_of(e.top.count, "line")
        );
        if let Some(since) = time(e.since_unix_ms) {
            text.push_str(&format!(", since {since}"));
        }
        items.push(item(
            AttentionKind::ContainerErrors,
            AttentionSeverity::Warning,
            e.agent,
            Some(e.container),
            text,
            e.top.id.clone(),
        ));
    }
    if more > 0 {
        items.push(item(
            AttentionKind::ContainerErrors,
            AttentionSeverity::Warning,
            "",
            None,
            format!(
                "and {more} more {} with error lines",
                if more == 1 { "container" } else { "containers" }
            ),
            LOG_TRIAGE_REF.to_string(),
        ));
    }
    for (h, host) in report.gpu.iter().enumerate() {
        if !host.report.available {
            items.push(item(
                AttentionKind::GpuUnavailable,
                AttentionSeverity::Warning,
                &host.agent,
                None,
                format!(
                    "{}: NVML unavailable: {}",
                    host.agent, host.report.unavailable_reason
                ),
                gpu_host_ref(h),
            ));
        }
    }
    for (kind, flags) in [
        (AttentionKind::GpuHot, &report.gpu_fleet.hot),
        (
            AttentionKind::GpuMemoryFull,
            &report.gpu_fleet.memory_nearly_full,
        ),
    ] {
        for flag in flags {
            let Some(h) = report.gpu.iter().position(|g| g.agent == flag.agent) else {
                continue;
            };
            items.push(item(
                kind,
                AttentionSeverity::Warning,
                &flag.agent,
                None,
                format!("{} GPU {}: {}", flag.agent, flag.gpu_index, flag.detail),
                gpu_ref(h, flag.gpu_index),
            ));
        }
    }
    // Critical first; the order within each severity is the order above.
    items.sort_by_key(|i| i.severity);
    items
}

/// The id of the jobs table's `i`th row (0-based).
pub fn job_ref(i: usize) -> String {
    format!("j{}", i + 1)
}

/// The id of the `i`th command's section (0-based).
pub fn command_ref(i: usize) -> String {
    format!("cmd-{}", i + 1)
}

/// A container's known errors: error (or worse) templates neither new nor bursting.
struct ContainerErrors<'a> {
    agent: &'a str,
    container: &'a str,
    /// Lines of those templates.
    lines: u64,
    /// How many templates.
    templates: usize,
    /// The one with the most lines (the most severe on a tie).
    top: &'a TemplateRef,
    /// The earliest first line among them, 0 when unknown.
    since_unix_ms: i64,
}

/// The containers not in trouble whose error (or worse) lines are neither new nor bursting, the
/// most lines first: without this line they would not show in the summary at all.
fn container_errors(report: &Report) -> Vec<ContainerErrors<'_>> {
    let mut by_container: BTreeMap<(&str, &str), ContainerErrors<'_>> = BTreeMap::new();
    let in_trouble = |agent: &str, container: &str| {
        report
            .incidents
            .iter()
            .any(|i| i.agent == agent && i.container == container)
    };
    // The catalogue is by severity then count: the first template of a container with the most
    // lines is its top one.
    for t in &report.templates {
        if !t.severity.is_error() || t.novel || t.burst || in_trouble(&t.agent, &t.container) {
            continue;
        }
        let e = by_container
            .entry((t.agent.as_str(), t.container.as_str()))
            .or_insert(ContainerErrors {
                agent: &t.agent,
                container: &t.container,
                lines: 0,
                templates: 0,
                top: t,
                since_unix_ms: 0,
            });
        e.lines += t.count;
        e.templates += 1;
        if t.count > e.top.count {
            e.top = t;
        }
        if t.first_seen_unix_ms > 0
            && (e.since_unix_ms == 0 || t.first_seen_unix_ms < e.since_unix_ms)
        {
            e.since_unix_ms = t.first_seen_unix_ms;
        }
    }
    let mut out: Vec<ContainerErrors<'_>> = by_container.into_values().collect();
    out.sort_by_key(|e| std::cmp::Reverse(e.lines));
    out
}

/// `1 template`, `2 templates`.
fn count_of(n: u64, noun: &str) -> String {
    match n {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

/// The id of the `n`th container log section (0-based, counted across hosts in report order).
pub fn log_section_ref(n: usize) -> String {
    format!("l{}", n + 1)
}

/// The id of the `h`th GPU host's section (0-based).
pub fn gpu_host_ref(h: usize) -> String {
    format!("gpu-{}", h + 1)
}

/// The id of GPU `index` of the `h`th GPU host (0-based).
pub fn gpu_ref(h: usize, index: u32) -> String {
    format!("gpu-{}-{index}", h + 1)
}

/// An anchor for `id` (ours: `[a-z0-9-]` only, never text from outside).
pub fn anchor(id: &str) -> String {
    debug_assert!(
        id.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    );
    format!("<a id=\"{id}\"></a>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_containers_reasons_come_most_severe_first() {
        let oom = ContainerCondition {
            status: "exited".into(),
            oom_killed: true,
            exit_code: Some(137),
            finished_at_unix_ms: 1_700_000_000_000,
            ..Default::default()
        };
        assert_eq!(
            ContainerIncident::reasons_of(&oom),
            vec![
                AttentionKind::ContainerOomKilled,
                AttentionKind::ContainerExited
            ]
        );
        let fine = ContainerCondition {
            status: "exited".into(),
            exit_code: Some(0),
            ..Default::default()
        };
        assert!(ContainerIncident::reasons_of(&fine).is_empty());
        let incident = ContainerIncident {
            id: "c1".into(),
            agent: "a".into(),
            container: "x".into(),
            image: "i".into(),
            reasons: ContainerIncident::reasons_of(&oom),
            condition: oom,
        };
        assert_eq!(
            incident.describe(),
            "OOM-killed, exited, last exit code 137, last exit at 2023-11-14T22:13:20Z"
        );
    }
}
