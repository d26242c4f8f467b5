//! Task specifications: a task type and its parameters, validated.

use serde::{Deserialize, Serialize};

use crate::InvalidField;

/// The kinds of work an agent can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskType {
    /// Read allowlisted containers' logs and summarise them.
    LogTriage,
    /// Report NVIDIA GPUs through NVML.
    GpuReport,
    /// Describe containers, networks and ports.
    ServiceMap,
    /// Run one of the commands the host declares (`[exec]`, `--allow-command`).
    Command,
    /// Run a worker container from a digest-pinned image both sides allow.
    Container,
}

impl TaskType {
    /// Every task type, in report order.
    pub const ALL: [TaskType; 5] = [
        TaskType::ServiceMap,
        TaskType::GpuReport,
        TaskType::LogTriage,
        TaskType::Command,
        TaskType::Container,
    ];

    /// The stable name used in the database, the API and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskType::LogTriage => "log_triage",
            TaskType::GpuReport => "gpu_report",
            TaskType::ServiceMap => "service_map",
            TaskType::Command => "command",
            TaskType::Container => "container",
        }
    }

    /// Parses a stable name.
    pub fn parse(name: &str) -> Option<TaskType> {
        TaskType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

impl std::fmt::Display for TaskType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One task with its parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TaskSpec {
    /// See [`LogTriageParams`].
    LogTriage(LogTriageParams),
    /// See [`GpuReportParams`].
    GpuReport(GpuReportParams),
    /// See [`ServiceMapParams`].
    ServiceMap(ServiceMapParams),
    /// See [`CommandParams`].
    Command(CommandParams),
    /// See [`ContainerParams`].
    Container(ContainerParams),
}

impl TaskSpec {
    /// The task's type.
    pub fn task_type(&self) -> TaskType {
        match self {
            TaskSpec::LogTriage(_) => TaskType::LogTriage,
            TaskSpec::GpuReport(_) => TaskType::GpuReport,
            TaskSpec::ServiceMap(_) => TaskType::ServiceMap,
            TaskSpec::Command(_) => TaskType::Command,
            TaskSpec::Container(_) => TaskType::Container,
        }
    }

    /// The task with default parameters.
    pub fn with_defaults(task_type: TaskType) -> TaskSpec {
        match task_type {
            TaskType::LogTriage => TaskSpec::LogTriage(LogTriageParams::default()),
            TaskType::GpuReport => TaskSpec::GpuReport(GpuReportParams::default()),
            TaskType::ServiceMap => TaskSpec::ServiceMap(ServiceMapParams::default()),
            // No command is a default: this one fails validation until it is named.
            TaskType::Command => TaskSpec::Command(CommandParams::default()),
            // Nor is any image.
            TaskType::Container => TaskSpec::Container(ContainerParams::default()),
        }
    }

    /// Checks the parameters' ranges; field paths are relative to the task.
    pub fn validate(&self) -> Result<(), InvalidField> {
        match self {
            TaskSpec::LogTriage(params) => params.validate().map_err(|e| e.within("log_triage")),
            TaskSpec::GpuReport(params) => params.validate().map_err(|e| e.within("gpu_report")),
            TaskSpec::ServiceMap(_) => Ok(()),
            TaskSpec::Command(params) => params.validate().map_err(|e| e.within("command")),
            TaskSpec::Container(params) => params.validate().map_err(|e| e.within("container")),
        }
    }
}

/// Parameters of `log_triage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LogTriageParams {
    /// Read at most this many of the most recent lines per container.
    pub tail_lines: u32,
    /// Only lines newer than this many seconds; 0 means no limit.
    pub since_seconds: u64,
    /// How many of the most frequent message templates to keep per container.
    pub top_messages: u32,
}

impl LogTriageParams {
    /// Lines read per container when the caller does not say.
    pub const DEFAULT_TAIL_LINES: u32 = 1000;
    /// The most lines a caller may ask for per container.
    pub const MAX_TAIL_LINES: u32 = 1_000_000;
    /// Templates kept per container when the caller does not say.
    pub const DEFAULT_TOP_MESSAGES: u32 = 10;
    /// The most templates a caller may ask for per container.
    pub const MAX_TOP_MESSAGES: u32 = 500;

    fn validate(&self) -> Result<(), InvalidField> {
        if self.tail_lines == 0 || self.tail_lines > Self::MAX_TAIL_LINES {
            return Err(InvalidField::new(
                "tail_lines",
                format!("must be between 1 and {}", Self::MAX_TAIL_LINES),
            ));
        }
        if self.top_messages == 0 || self.top_messages > Self::MAX_TOP_MESSAGES {
            return Err(InvalidField::new(
                "top_messages",
                format!("must be between 1 and {}", Self::MAX_TOP_MESSAGES),
            ));
        }
        Ok(())
    }
}

impl Default for LogTriageParams {
    fn default() -> Self {
        Self {
            tail_lines: Self::DEFAULT_TAIL_LINES,
            since_seconds: 0,
            top_messages: Self::DEFAULT_TOP_MESSAGES,
        }
    }
}

/// Parameters of `gpu_report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GpuReportParams {
    /// How long to sample utilisation, memory, temperature and power, in milliseconds.
    pub sample_window_ms: u32,
}

impl GpuReportParams {
    /// The window when the caller does not say: long enough to see a busy GPU's ups and downs.
    pub const DEFAULT_SAMPLE_WINDOW_MS: u32 = 5000;
    /// The shortest window: NVML's own utilisation figures cover 1/6 s to 1 s.
    pub const MIN_SAMPLE_WINDOW_MS: u32 = 100;
    /// The longest window, so that a report cannot hold a job for long.
    pub const MAX_SAMPLE_WINDOW_MS: u32 = 60_000;

    fn validate(&self) -> Result<(), InvalidField> {
        if !(Self::MIN_SAMPLE_WINDOW_MS..=Self::MAX_SAMPLE_WINDOW_MS)
            .contains(&self.sample_window_ms)
        {
            return Err(InvalidField::new(
                "sample_window_ms",
                format!(
                    "must be between {} and {}",
                    Self::MIN_SAMPLE_WINDOW_MS,
                    Self::MAX_SAMPLE_WINDOW_MS
                ),
            ));
        }
        Ok(())
    }
}

impl Default for GpuReportParams {
    fn default() -> Self {
        Self {
            sample_window_ms: Self::DEFAULT_SAMPLE_WINDOW_MS,
        }
    }
}

/// Parameters of `service_map` (none yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ServiceMapParams {}

/// Parameters of `command`: which of the host's declared commands, with which arguments. The
/// path, fixed arguments, argument patterns, user, timeout and output cap are the host's own.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CommandParams {
    /// The command's name on the agent.
    pub name: String,
    /// Arguments for the entry's argument slots, in order.
    pub args: Vec<String>,
}

impl CommandParams {
    /// The longest command name.
    pub const MAX_NAME_BYTES: usize = 64;
    /// The most arguments a task may pass.
    pub const MAX_ARGS: usize = 32;
    /// The longest argument.
    pub const MAX_ARG_BYTES: usize = 1024;

    /// Whether `name` can name a command: 1-64 ASCII letters, digits, `-`, `_` or `.`, not
    /// starting with `.` or `-` (so it never reads as a path or a flag).
    pub fn is_valid_name(name: &str) -> bool {
        !name.is_empty()
            && name.len() <= Self::MAX_NAME_BYTES
            && !name.starts_with(['.', '-'])
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    }

    fn validate(&self) -> Result<(), InvalidField> {
        if !Self::is_valid_name(&self.name) {
            return Err(InvalidField::new(
                "name",
                format!(
                    "must be 1-{} letters, digits, '-', '_' or '.', not starting with '.' or '-'",
                    Self::MAX_NAME_BYTES
                ),
            ));
        }
        if self.args.len() > Self::MAX_ARGS {
            return Err(InvalidField::new(
                "args",
                format!("at most {} arguments", Self::MAX_ARGS),
            ));
        }
        for (i, arg) in self.args.iter().enumerate() {
            if arg.len() > Self::MAX_ARG_BYTES || arg.contains('\0') {
                return Err(InvalidField::new(
                    format!("args[{i}]"),
                    format!("at most {} bytes, without NUL", Self::MAX_ARG_BYTES),
                ));
            }
        }
        Ok(())
    }
}

/// Parameters of `container`: a worker container from an image the host already has.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ContainerParams {
    /// `NAME@sha256:<64 hex>`.
    pub image: String,
    /// Arguments for the image's entrypoint.
    pub args: Vec<String>,
    /// Environment, `KEY=VALUE`.
    pub env: Vec<String>,
    /// Ask for the host's GPUs.
    pub gpus: bool,
    /// A named Docker network; empty means `none`.
    pub network: String,
}

impl ContainerParams {
    /// The longest image reference.
    pub const MAX_IMAGE_BYTES: usize = 512;
    /// The longest network name.
    pub const MAX_NETWORK_BYTES: usize = 128;

    /// Whether `image` is pinned: `NAME@sha256:` and 64 lowercase hex digits, the name made of
    /// the characters Docker allows in references.
    pub fn is_pinned(image: &str) -> bool {
        let Some((name, digest)) = image.rsplit_once("@sha256:") else {
            return false;
        };
        !name.is_empty()
            && image.len() <= Self::MAX_IMAGE_BYTES
            && name.bytes().all(|b| {
                b.is_ascii_lowercase()
                    || b.is_ascii_digit()
                    || matches!(b, b'.' | b'_' | b'-' | b'/' | b':')
            })
            && digest.len() == 64
            && digest
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    }

    fn validate(&self) -> Result<(), InvalidField> {
        if !Self::is_pinned(&self.image) {
            return Err(InvalidField::new(
                "image",
                "must be pinned by digest: NAME@sha256:<64 lowercase hex digits>",
            ));
        }
        check_strings("args", &self.args)?;
        check_strings("env", &self.env)?;
        for (i, pair) in self.env.iter().enumerate() {
            let key = pair.split_once('=').map(|(k, _)| k).unwrap_or("");
            let valid_key = !key.is_empty()
                && !key.starts_with(|c: char| c.is_ascii_digit())
                && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
            if !valid_key {
                return Err(InvalidField::new(
                    format!("env[{i}]"),
                    "must be KEY=VALUE, KEY letters, digits and '_'",
                ));
            }
        }
        if self.network.len() > Self::MAX_NETWORK_BYTES
            || !self
                .network
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        {
            return Err(InvalidField::new(
                "network",
                format!(
                    "at most {} letters, digits, '-', '_' or '.'",
                    Self::MAX_NETWORK_BYTES
                ),
            ));
        }
        Ok(())
    }
}

/// Checks a list of container arguments or environment pairs against the command limits.
fn check_strings(field: &str, values: &[String]) -> Result<(), InvalidField> {
    if values.len() > CommandParams::MAX_ARGS {
        return Err(InvalidField::new(
            field,
            format!("at most {} entries", CommandParams::MAX_ARGS),
        ));
    }
    for (i, value) in values.iter().enumerate() {
        if value.len() > CommandParams::MAX_ARG_BYTES || value.contains('\0') {
            return Err(InvalidField::new(
                format!("{field}[{i}]"),
                format!(
                    "at most {} bytes, without NUL",
                    CommandParams::MAX_ARG_BYTES
                ),
            ));
        }
    }
    Ok(())
}

/// How persistently one task's jobs are pursued. Unset limits take the launching controller's
/// settings (`--max-attempts`, `--job-deadline-seconds`); either way the numbers are fixed on
/// each job when its run is launched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct JobLimits {
    /// Dispatches of each job at most, counting the redispatches after a lease ran out; after
    /// the last one the job ends `lost`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<u32>,
    /// Seconds one attempt may take, enforced by the agent and the controller.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline_seconds: Option<u32>,
}

impl JobLimits {
    /// The most attempts a task may ask for (the same bound as `--max-attempts`).
    pub const MAX_ATTEMPTS: u32 = 100;
    /// The longest deadline a task may ask for, a day (the same bound as
    /// `--job-deadline-seconds`).
    pub const MAX_DEADLINE_SECONDS: u32 = 86_400;

    /// Checks the ranges; field paths are relative to the task.
    pub fn validate(&self) -> Result<(), InvalidField> {
        if let Some(attempts) = self.max_attempts
            && !(1..=Self::MAX_ATTEMPTS).contains(&attempts)
        {
            return Err(InvalidField::new(
                "max_attempts",
                format!("must be between 1 and {}", Self::MAX_ATTEMPTS),
            ));
        }
        if let Some(seconds) = self.deadline_seconds
            && !(1..=Self::MAX_DEADLINE_SECONDS).contains(&seconds)
        {
            return Err(InvalidField::new(
                "deadline_seconds",
                format!("must be between 1 and {}", Self::MAX_DEADLINE_SECONDS),
            ));
        }
        Ok(())
    }
}

/// A task as a directive or a run lists it: what to do, and the limits of its jobs. Stored as
/// the task's JSON with the limits beside its parameters, so that task lists written before
/// there were limits read back with none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedTask {
    /// What to do.
    #[serde(flatten)]
    pub spec: TaskSpec,
    /// How persistently.
    #[serde(flatten)]
    pub limits: JobLimits,
}

impl PlannedTask {
    /// The task with default parameters and the controller's limits.
    pub fn with_defaults(task_type: TaskType) -> PlannedTask {
        TaskSpec::with_defaults(task_type).into()
    }

    /// The task's type.
    pub fn task_type(&self) -> TaskType {
        self.spec.task_type()
    }

    /// Checks the parameters and the limits; field paths are relative to the task.
    pub fn validate(&self) -> Result<(), InvalidField> {
        self.spec.validate()?;
        self.limits.validate()
    }
}

impl From<TaskSpec> for PlannedTask {
    /// The task with the controller's limits.
    fn from(spec: TaskSpec) -> Self {
        PlannedTask {
            spec,
            limits: JobLimits::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_images_must_be_pinned_by_digest() {
        let digest = "a".repeat(64);
        let pinned = format!("worker@sha256:{digest}");
        assert!(ContainerParams::is_pinned(&pinned));
        assert!(ContainerParams::is_pinned(&format!(
            "registry.local:5000/team/worker@sha256:{digest}"
        )));
        for image in [
            "worker",
            "worker:latest",
            "worker@sha256:abc",
            &format!("@sha256:{digest}"),
            &format!("Worker@sha256:{digest}"),
            &format!("worker@sha256:{}", "A".repeat(64)),
            &format!("worker;rm@sha256:{digest}"),
        ] {
            assert!(!ContainerParams::is_pinned(image), "{image} admitted");
        }
        let task = TaskSpec::Container(ContainerParams {
            image: "worker:latest".into(),
            ..Default::default()
        });
        let error = task.validate().expect_err("unpinned");
        assert_eq!(error.field, "container.image");
        let task = TaskSpec::Container(ContainerParams {
            image: pinned,
            env: vec!["1BAD=x".into()],
            ..Default::default()
        });
        assert_eq!(task.validate().expect_err("env").field, "container.env[0]");
    }

    #[test]
    fn planned_tasks_keep_their_limits_beside_the_parameters() {
        let planned = PlannedTask {
            spec: TaskSpec::LogTriage(LogTriageParams {
                tail_lines: 50,
                since_seconds: 0,
                top_messages: 3,
            }),
            limits: JobLimits {
                max_attempts: Some(1),
                deadline_seconds: Some(30),
            },
        };
        let json = serde_json::to_value(&planned).unwrap();
        assert_eq!(json["type"], "log_triage");
        assert_eq!(json["tail_lines"], 50);
        assert_eq!(json["max_attempts"], 1);
        assert_eq!(json["deadline_seconds"], 30);
        assert_eq!(
            serde_json::from_value::<PlannedTask>(json).unwrap(),
            planned
        );
    }

    #[test]
    fn task_lists_stored_before_limits_read_back_without_them() {
        let stored = serde_json::json!([
            {"type": "gpu_report", "sample_window_ms": 200},
            {"type": "service_map"}
        ]);
        let tasks: Vec<PlannedTask> = serde_json::from_value(stored).unwrap();
        assert_eq!(tasks.len(), 2);
        assert!(tasks.iter().all(|t| t.limits == JobLimits::default()));
        assert_eq!(
            tasks[0].spec,
            TaskSpec::GpuReport(GpuReportParams {
                sample_window_ms: 200
            })
        );
        // Without limits a planned task is stored exactly as a bare task spec was.
        assert_eq!(
            serde_json::to_value(&tasks[1]).unwrap(),
            serde_json::to_value(&tasks[1].spec).unwrap()
        );
    }

    #[test]
    fn out_of_range_limits_name_the_field() {
        let mut limits = JobLimits {
            max_attempts: Some(0),
            deadline_seconds: None,
        };
        assert_eq!(limits.validate().unwrap_err().field, "max_attempts");
        limits.max_attempts = Some(JobLimits::MAX_ATTEMPTS);
        assert!(limits.validate().is_ok());
        limits.deadline_seconds = Some(JobLimits::MAX_DEADLINE_SECONDS + 1);
        assert_eq!(limits.validate().unwrap_err().field, "deadline_seconds");
    }

    #[test]
    fn task_spec_round_trips_through_json_with_a_type_tag() {
        let spec = TaskSpec::LogTriage(LogTriageParams {
            tail_lines: 50,
            since_seconds: 60,
            top_messages: 3,
        });
        let json = serde_json::to_value(&spec).unwrap();
        assert_eq!(json["type"], "log_triage");
        assert_eq!(serde_json::from_value::<TaskSpec>(json).unwrap(), spec);
    }

    #[test]
    fn out_of_range_tail_names_the_field() {
        let spec = TaskSpec::LogTriage(LogTriageParams {
            tail_lines: LogTriageParams::MAX_TAIL_LINES + 1,
            ..Default::default()
        });
        let err = spec.validate().unwrap_err();
        assert_eq!(err.field, "log_triage.tail_lines");
    }

    #[test]
    fn gpu_window_is_bounded_and_defaults_when_absent() {
        let too_short = TaskSpec::GpuReport(GpuReportParams {
            sample_window_ms: GpuReportParams::MIN_SAMPLE_WINDOW_MS - 1,
        });
        assert_eq!(
            too_short.validate().unwrap_err().field,
            "gpu_report.sample_window_ms"
        );
        // Specs stored before the window existed still load, with the default.
        let old: TaskSpec = serde_json::from_str(r#"{"type":"gpu_report"}"#).unwrap();
        assert_eq!(old, TaskSpec::GpuReport(GpuReportParams::default()));
        assert!(old.validate().is_ok());
    }

    #[test]
    fn command_names_and_arguments_are_bounded() {
        let spec = |name: &str, args: Vec<String>| {
            TaskSpec::Command(CommandParams {
                name: name.into(),
                args,
            })
        };
        assert!(spec("whoami", vec![]).validate().is_ok());
        assert!(spec("df.h-1_x", vec!["/".into()]).validate().is_ok());
        for bad in ["", "-rf", ".hidden", "a/b", "a b", &"x".repeat(65)] {
            assert_eq!(
                spec(bad, vec![]).validate().unwrap_err().field,
                "command.name",
                "{bad:?}"
            );
        }
        assert_eq!(
            spec("x", vec![String::new(); 33])
                .validate()
                .unwrap_err()
                .field,
            "command.args"
        );
        assert_eq!(
            spec("x", vec!["ok".into(), "a\0b".into()])
                .validate()
                .unwrap_err()
                .field,
            "command.args[1]"
        );
        let json = serde_json::to_value(spec("id", vec!["-u".into()])).unwrap();
        assert_eq!(json["type"], "command");
        assert_eq!(json["args"][0], "-u");
    }

    #[test]
    fn task_type_names_parse_back() {
        for t in TaskType::ALL {
            assert_eq!(TaskType::parse(t.as_str()), Some(t));
        }
        assert_eq!(TaskType::parse("nope"), None);
    }
}
