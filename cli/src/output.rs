//! Printing: tables for people, JSON and YAML for programs. Wire types are turned into plain views
//! here so that JSON and YAML show readable enums and times.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use cyberbrain_proto::v1 as pb;
use serde::Serialize;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns.
    Table,
    /// Pretty JSON.
    Json,
    /// YAML.
    Yaml,
    /// A Mermaid flowchart (`run report --section service-map` only).
    Mermaid,
    /// Graphviz DOT (`run report --section service-map` only).
    Dot,
}

/// Prints views as a table (with `columns` taken from each row) or as JSON / YAML.
pub fn print<T: Serialize>(
    format: Format,
    items: &T,
    header: &[&str],
    rows: Vec<Vec<String>>,
) -> anyhow::Result<()> {
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(items)?),
        Format::Yaml => print!("{}", serde_yaml::to_string(items)?),
        Format::Table => print_table(header, &rows),
        Format::Mermaid | Format::Dot => {
            anyhow::bail!(
                "-o mermaid and -o dot are only for `cbctl run report --section service-map`"
            )
        }
    }
    Ok(())
}

/// Prints one view (`get`, `create`, …) as an object or several (`list`) as an array; a table either
/// way.
pub fn print_views<T: Serialize>(
    format: Format,
    views: &[T],
    single: bool,
    header: &[&str],
    rows: Vec<Vec<String>>,
) -> anyhow::Result<()> {
    match views {
        [one] if single => print(format, one, header, rows),
        _ => print(format, &views, header, rows),
    }
}

/// Prints aligned columns.
pub fn print_table(header: &[&str], rows: &[Vec<String>]) {
    let mut widths: Vec<usize> = header.iter().map(|h| h.len()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    let line = |cells: Vec<String>| {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{:<width$}", c, width = widths.get(i).copied().unwrap_or(0)))
            .collect();
        println!("{}", parts.join("  ").trim_end());
    };
    line(header.iter().map(|h| h.to_string()).collect());
    for row in rows {
        line(row.clone());
    }
}

/// One line for an error: gRPC errors show their code and message, nothing else.
pub fn error_line(error: &anyhow::Error) -> String {
    for cause in error.chain() {
        if let Some(status) = cause.downcast_ref::<tonic::Status>() {
            let code = format!("{:?}", status.code());
            return format!("{} ({})", status.message(), code.to_lowercase());
        }
    }
    format!("{error:#}")
}

pub fn time(t: &Option<prost_types::Timestamp>) -> Option<DateTime<Utc>> {
    t.as_ref().and_then(|t| {
        DateTime::<Utc>::from_timestamp(t.seconds, u32::try_from(t.nanos).unwrap_or(0))
    })
}

/// Short display of a time.
pub fn short_time(t: &Option<DateTime<Utc>>) -> String {
    t.map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_default()
}

fn enum_name(debug: String) -> String {
    // prost enums print as CamelCase variants; show them snake_case.
    let mut out = String::new();
    for (i, c) in debug.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// Run status name.
pub fn run_status(value: i32) -> String {
    pb::RunStatus::try_from(value).map_or_else(
        |_| format!("unknown({value})"),
        |s| enum_name(format!("{s:?}")),
    )
}

/// Job status name.
pub fn job_status(value: i32) -> String {
    pb::JobStatus::try_from(value).map_or_else(
        |_| format!("unknown({value})"),
        |s| enum_name(format!("{s:?}")),
    )
}

fn agent_state(value: i32) -> String {
    pb::AgentState::try_from(value).map_or_else(
        |_| format!("unknown({value})"),
        |s| enum_name(format!("{s:?}")),
    )
}

/// Match kind name.
pub fn match_kind(value: i32) -> String {
    pb::MatchKind::try_from(value).map_or_else(
        |_| format!("unknown({value})"),
        |s| enum_name(format!("{s:?}")),
    )
}

/// Describes a selector in flag syntax.
pub fn selector(s: &Option<pb::TargetSelector>) -> String {
    use pb::target_selector::Selector;
    match s.as_ref().and_then(|s| s.selector.as_ref()) {
        Some(Selector::All(_)) | None => "all".into(),
        Some(Selector::Agents(a)) => format!("agents={}", a.names.join(",")),
        Some(Selector::Labels(l)) => {
            let sorted: BTreeMap<_, _> = l.match_labels.iter().collect();
            format!(
                "labels={}",
                sorted
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join(",")
            )
        }
    }
}

/// Describes a task spec in `--task` syntax, with its limits when it sets any.
pub fn task(t: &pb::TaskSpec) -> String {
    use pb::task_spec::Task;
    let (kind, mut params) = match &t.task {
        Some(Task::LogTriage(l)) => (
            "log_triage",
            vec![
                format!("tail={}", l.tail_lines),
                format!("since={}", l.since_seconds),
                format!("top={}", l.top_messages),
            ],
        ),
        Some(Task::GpuReport(g)) => (
            "gpu_report",
            vec![format!("window_ms={}", g.sample_window_ms)],
        ),
        Some(Task::ServiceMap(_)) => ("service_map", Vec::new()),
        None => ("unknown", Vec::new()),
    };
    if t.max_attempts != 0 {
        params.push(format!("attempts={}", t.max_attempts));
    }
    if t.deadline_seconds != 0 {
        params.push(format!("deadline={}", t.deadline_seconds));
    }
    if params.is_empty() {
        kind.to_string()
    } else {
        format!("{kind}:{}", params.join(","))
    }
}

/// A directive for printing.
#[derive(Debug, Serialize)]
pub struct DirectiveView {
    pub name: String,
    pub version: u32,
    pub description: String,
    pub tasks: Vec<String>,
    pub default_target: String,
    pub created_at: Option<DateTime<Utc>>,
    pub llm: bool,
    /// Its runs' queue timeout; absent: the controller's default.
    #[serde(skip_serializing_if = "is_zero")]
    pub queue_timeout_seconds: u32,
}

impl From<&pb::Directive> for DirectiveView {
    fn from(d: &pb::Directive) -> Self {
        DirectiveView {
            name: d.name.clone(),
            version: d.version,
            description: d.description.clone(),
            tasks: d.tasks.iter().map(task).collect(),
            default_target: selector(&d.default_target),
            created_at: time(&d.created_at),
            llm: d.llm,
            queue_timeout_seconds: d.queue_timeout_seconds,
        }
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A job for printing.
#[derive(Debug, Serialize)]
pub struct JobView {
    pub id: String,
    pub agent: String,
    pub task_type: String,
    pub status: String,
    pub attempt: u32,
    /// Absent when not known (a job from a run event).
    #[serde(skip_serializing_if = "is_zero")]
    pub max_attempts: u32,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub error: String,
    pub finished_at: Option<DateTime<Utc>>,
}

impl From<&pb::Job> for JobView {
    fn from(j: &pb::Job) -> Self {
        JobView {
            id: j.id.clone(),
            agent: j.agent_name.clone(),
            task_type: j.task_type.clone(),
            status: job_status(j.status),
            attempt: j.attempt,
            max_attempts: j.max_attempts,
            error: j.error.clone(),
            finished_at: time(&j.finished_at),
        }
    }
}

/// A run for printing.
#[derive(Debug, Serialize)]
pub struct RunView {
    pub id: String,
    pub directive: String,
    pub directive_version: u32,
    pub status: String,
    pub target: String,
    /// The client's free-text note (unverified).
    pub launched_by: String,
    /// The API token that launched the run, and its role, as the controller verified them.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub launched_by_token: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub launched_by_role: String,
    #[serde(skip_serializing_if = "is_zero")]
    pub queue_timeout_seconds: u32,
    pub tasks: Vec<String>,
    pub created_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub jobs: Vec<JobView>,
}

impl From<&pb::Run> for RunView {
    fn from(r: &pb::Run) -> Self {
        RunView {
            id: r.id.clone(),
            directive: r.directive_name.clone(),
            directive_version: r.directive_version,
            status: run_status(r.status),
            target: selector(&r.target),
            launched_by: r.launched_by.clone(),
            launched_by_token: r.launched_by_token.clone(),
            launched_by_role: r.launched_by_role.clone(),
            queue_timeout_seconds: r.queue_timeout_seconds,
            tasks: r.tasks.iter().map(task).collect(),
            created_at: time(&r.created_at),
            finished_at: time(&r.finished_at),
            jobs: r.jobs.iter().map(JobView::from).collect(),
        }
    }
}

/// One label of an agent, with where it came from.
#[derive(Debug, Serialize)]
pub struct LabelView {
    pub key: String,
    pub value: String,
    pub source: String,
    pub targeting: bool,
}

/// An agent for printing.
#[derive(Debug, Serialize)]
pub struct AgentView {
    pub id: String,
    pub name: String,
    pub hostname: String,
    pub state: String,
    pub labels: BTreeMap<String, String>,
    /// Every label with its source (`agent`, `join-token`, `admin`) and whether targeting uses it.
    pub label_sources: Vec<LabelView>,
    pub version: String,
    pub docker_reachable: bool,
    pub nvml_available: bool,
    pub gpu_count: u32,
    pub driver_version: String,
    pub last_seen_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub replica: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub cert_serial: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert_expires_at: Option<DateTime<Utc>>,
}

impl From<&pb::Agent> for AgentView {
    fn from(a: &pb::Agent) -> Self {
        let caps = a.capabilities.clone().unwrap_or_default();
        AgentView {
            id: a.id.clone(),
            name: a.name.clone(),
            hostname: a.hostname.clone(),
            state: agent_state(a.state),
            labels: a.labels.clone().into_iter().collect(),
            label_sources: a
                .label_sources
                .iter()
                .map(|l| LabelView {
                    key: l.key.clone(),
                    value: l.value.clone(),
                    source: l.source.clone(),
                    targeting: l.targeting,
                })
                .collect(),
            version: a.version.clone(),
            docker_reachable: caps.docker_reachable,
            nvml_available: caps.nvml_available,
            gpu_count: caps.gpu_count,
            driver_version: caps.driver_version,
            last_seen_at: time(&a.last_seen_at),
            replica: a.replica.clone(),
            cert_serial: a.cert_serial.clone(),
            cert_expires_at: time(&a.cert_expires_at),
        }
    }
}

/// An allowlist entry for printing.
#[derive(Debug, Serialize)]
pub struct AllowlistEntryView {
    pub id: String,
    pub kind: String,
    pub pattern: String,
    pub description: String,
    pub active: bool,
    pub created_at: Option<DateTime<Utc>>,
    pub send_to_llm: bool,
}

impl From<&pb::AllowlistEntry> for AllowlistEntryView {
    fn from(e: &pb::AllowlistEntry) -> Self {
        AllowlistEntryView {
            id: e.id.clone(),
            kind: match_kind(e.kind),
            pattern: e.pattern.clone(),
            description: e.description.clone(),
            active: e.active,
            created_at: time(&e.created_at),
            send_to_llm: e.send_to_llm,
        }
    }
}

/// Labels as `k=v,k=v`.
pub fn labels(map: &BTreeMap<String, String>) -> String {
    map.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// Role name.
pub fn role(value: i32) -> String {
    match pb::Role::try_from(value) {
        Ok(pb::Role::Viewer) => "viewer".into(),
        Ok(pb::Role::Operator) => "operator".into(),
        Ok(pb::Role::Admin) => "admin".into(),
        _ => "unspecified".into(),
    }
}
