//! Printing: tables for people, JSON and YAML for programs. Wire types are turned into plain views
//! here so that JSON and YAML show readable enums and times.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use cyberbrain_proto::v1 as pb;
use serde::Serialize;

pub mod sink;
pub mod words;

/// Output format. Which ones a command takes is its own: reads take table, wide, json and yaml;
/// `run report` takes md and json; `run report --section service-map` mermaid, dot and json.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns, relative times.
    Table,
    /// Aligned columns with more of them, absolute times with their zone.
    Wide,
    /// JSON (pretty; one object a line for event streams).
    Json,
    /// YAML.
    Yaml,
    /// Markdown (`run report`).
    #[value(alias = "markdown")]
    Md,
    /// A Mermaid flowchart (`run report --section service-map`).
    Mermaid,
    /// Graphviz DOT (`run report --section service-map`).
    Dot,
}

impl Format {
    /// The name as typed on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Wide => "wide",
            Format::Json => "json",
            Format::Yaml => "yaml",
            Format::Md => "md",
            Format::Mermaid => "mermaid",
            Format::Dot => "dot",
        }
    }

    /// Whether the output is for people (columns) rather than for programs.
    pub fn is_table(self) -> bool {
        matches!(self, Format::Table | Format::Wide)
    }
}

/// The formats a read command takes; the first is its default.
pub const READ_FORMATS: &[Format] = &[Format::Table, Format::Wide, Format::Json, Format::Yaml];

/// `given` if it is one of `allowed`, else the first of `allowed` when none was given. Any other
/// value is a usage error naming the flag and the choices.
pub fn choose(given: Option<Format>, allowed: &[Format]) -> anyhow::Result<Format> {
    match given {
        None => Ok(allowed.first().copied().unwrap_or(Format::Table)),
        Some(f) if allowed.contains(&f) => Ok(f),
        Some(f) => Err(crate::exit::UsageError(format!(
            "invalid value '{}' for '-o, --output': this command takes {}",
            f.name(),
            allowed
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .into()),
    }
}

/// Serialises `items` as JSON or YAML and writes them exactly; false for the table formats.
pub fn print_data<T: Serialize>(format: Format, items: &T) -> anyhow::Result<bool> {
    match format {
        Format::Json => sink::out_exact(&format!("{}\n", serde_json::to_string_pretty(items)?)),
        Format::Yaml => sink::out_exact(&serde_yaml::to_string(items)?),
        _ => return Ok(false),
    }
    Ok(true)
}

/// Prints views as a table (with `columns` taken from each row) or as JSON / YAML.
pub fn print<T: Serialize>(
    format: Format,
    items: &T,
    header: &[&str],
    rows: Vec<Vec<String>>,
) -> anyhow::Result<()> {
    if !print_data(format, items)? {
        print_table(header, &rows);
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

/// Prints aligned columns. Cells are neutralised before they are measured, so that an escaped
/// control character does not break the alignment.
pub fn print_table(header: &[&str], rows: &[Vec<String>]) {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| sink::neutralise(c).into_owned()).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.len()).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    let mut text = String::new();
    let mut line = |cells: &[String]| {
        let parts: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, c)| format!("{:<width$}", c, width = widths.get(i).copied().unwrap_or(0)))
            .collect();
        text.push_str(parts.join("  ").trim_end());
        text.push('\n');
    };
    line(&header.iter().map(|h| h.to_string()).collect::<Vec<_>>());
    for row in &rows {
        line(row);
    }
    sink::out(&text);
}

/// One line for an error, in words: the server's message without the gRPC code name, what a
/// code means when the message alone would not say it, and no cause repeated.
pub fn error_line(error: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in error.chain() {
        let text = match cause.downcast_ref::<tonic::Status>() {
            Some(status) => status_words(status),
            None => cause.to_string(),
        };
        let text = text.trim().to_string();
        // Transport errors wrap their source and also print it: keep each text once.
        if text.is_empty() || parts.iter().any(|p| p.contains(&text)) {
            continue;
        }
        let is_status = cause.downcast_ref::<tonic::Status>().is_some();
        parts.push(text);
        if is_status {
            // Below a status is the transport's own chain; its root says what happened
            // (`Connection refused`), the links between repeat the status's message.
            if let Some(root) = cause.source().map(|_| error.root_cause().to_string())
                && !parts.iter().any(|p| p.contains(&root))
            {
                parts.push(root);
            }
            break;
        }
    }
    parts.join(": ")
}

/// A gRPC status as a sentence: field paths become the flags that set them, and the code is
/// said in words where the message needs it.
fn status_words(status: &tonic::Status) -> String {
    use tonic::Code;
    let message = words::flag_for_field(status.message());
    let prefix = match status.code() {
        Code::Unauthenticated => "not authenticated",
        Code::PermissionDenied => "permission denied",
        Code::Unavailable => "the controller is unavailable",
        Code::DeadlineExceeded => "timed out",
        Code::ResourceExhausted => "limit reached",
        Code::Internal | Code::Unknown | Code::DataLoss => "the controller failed",
        Code::Unimplemented => "the controller does not support this",
        _ => "",
    };
    match (prefix, message.is_empty()) {
        ("", true) => "the controller refused the request".to_string(),
        ("", false) => message,
        (p, true) => p.to_string(),
        (p, false) if message.starts_with(p) => message,
        (p, false) => format!("{p}: {message}"),
    }
}

pub fn time(t: &Option<prost_types::Timestamp>) -> Option<DateTime<Utc>> {
    t.as_ref().and_then(|t| {
        DateTime::<Utc>::from_timestamp(t.seconds, u32::try_from(t.nanos).unwrap_or(0))
    })
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
    let (kind, mut params) =
        match &t.task {
            Some(Task::LogTriage(l)) => (
                "log_triage",
                vec![
                    format!("tail={}", l.tail_lines),
                    format!("since={}", words::duration(l.since_seconds)),
                    format!("top={}", l.top_messages),
                ],
            ),
            Some(Task::GpuReport(g)) => (
                "gpu_report",
                vec![format!("window_ms={}", g.sample_window_ms)],
            ),
            Some(Task::ServiceMap(_)) => ("service_map", Vec::new()),
            Some(Task::Command(c)) => (
                "command",
                std::iter::once(format!("name={}", c.name))
                    .chain(c.args.iter().map(|a| format!("arg={a}")))
                    .collect(),
            ),
            Some(Task::Container(c)) => (
                "container",
                std::iter::once(format!("image={}", c.image))
                    .chain(c.args.iter().map(|a| format!("arg={a}")))
                    // Values may be secrets: only the names are shown.
                    .chain(c.env.iter().map(|e| {
                        format!("env={}=…", e.split_once('=').map_or(e.as_str(), |(k, _)| k))
                    }))
                    .chain((!c.network.is_empty()).then(|| format!("network={}", c.network)))
                    .chain(c.gpus.then(|| "gpus=true".to_string()))
                    .collect(),
            ),
            None => ("unknown", Vec::new()),
        };
    if t.max_attempts != 0 {
        params.push(format!("attempts={}", t.max_attempts));
    }
    if t.deadline_seconds != 0 {
        params.push(format!(
            "deadline={}",
            words::duration(u64::from(t.deadline_seconds))
        ));
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
    /// `schedule:<name>` for a scheduled run; absent for a manual launch.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub origin: String,
    /// The fire time a scheduled run was launched for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduled_at: Option<DateTime<Utc>>,
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
            origin: r.origin.clone(),
            scheduled_at: time(&r.scheduled_at),
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
    /// The commands the host lets `cbctl exec` run (names only).
    pub commands: Vec<String>,
    /// The worker images the host offers for `container` tasks.
    pub images: Vec<String>,
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
            commands: caps.commands,
            images: caps.images,
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

#[cfg(test)]
mod tests {
    /// An error that prints its source too, as transport errors do.
    #[derive(Debug)]
    struct Wrapping(std::io::Error);

    impl std::fmt::Display for Wrapping {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "tcp connect error: {}", self.0)
        }
    }

    impl std::error::Error for Wrapping {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
    }

    #[test]
    fn error_lines_say_each_cause_once_in_words() {
        let io = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "refused");
        let error = anyhow::Error::new(Wrapping(io)).context("cannot reach the controller");
        let line = super::error_line(&error);
        assert_eq!(
            line,
            "cannot reach the controller: tcp connect error: refused"
        );
        let status = tonic::Status::failed_precondition("target.agents.names: no agent \"x\"");
        let line = super::error_line(&anyhow::Error::new(status));
        assert_eq!(line, "--agent: no agent \"x\"");
        let status = tonic::Status::permission_denied("needs the operator role");
        let line = super::error_line(&anyhow::Error::new(status));
        assert_eq!(line, "permission denied: needs the operator role");
    }

    #[test]
    fn json_and_yaml_escape_control_characters_themselves() {
        let hostile = vec!["a\u{1b}[2Jb\u{1b}]0;x\u{7}c\u{7f}"];
        let json = serde_json::to_string(&hostile).expect("json");
        let yaml = serde_yaml::to_string(&hostile).expect("yaml");
        for text in [&json, &yaml] {
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{7}'),
                "{text}"
            );
        }
        let back: Vec<String> = serde_yaml::from_str(&yaml).expect("yaml parses back");
        assert_eq!(back, hostile, "exact values");
    }
}
