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
}

impl TaskType {
    /// Every task type, in report order.
    pub const ALL: [TaskType; 3] = [
        TaskType::ServiceMap,
        TaskType::GpuReport,
        TaskType::LogTriage,
    ];

    /// The stable name used in the database, the API and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            TaskType::LogTriage => "log_triage",
            TaskType::GpuReport => "gpu_report",
            TaskType::ServiceMap => "service_map",
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
}

impl TaskSpec {
    /// The task's type.
    pub fn task_type(&self) -> TaskType {
        match self {
            TaskSpec::LogTriage(_) => TaskType::LogTriage,
            TaskSpec::GpuReport(_) => TaskType::GpuReport,
            TaskSpec::ServiceMap(_) => TaskType::ServiceMap,
        }
    }

    /// The task with default parameters.
    pub fn with_defaults(task_type: TaskType) -> TaskSpec {
        match task_type {
            TaskType::LogTriage => TaskSpec::LogTriage(LogTriageParams::default()),
            TaskType::GpuReport => TaskSpec::GpuReport(GpuReportParams::default()),
            TaskType::ServiceMap => TaskSpec::ServiceMap(ServiceMapParams::default()),
        }
    }

    /// Checks the parameters' ranges; field paths are relative to the task.
    pub fn validate(&self) -> Result<(), InvalidField> {
        match self {
            TaskSpec::LogTriage(params) => params.validate().map_err(|e| e.within("log_triage")),
            TaskSpec::GpuReport(_) | TaskSpec::ServiceMap(_) => Ok(()),
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

/// Parameters of `gpu_report` (none yet; the sampling window comes later).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GpuReportParams {}

/// Parameters of `service_map` (none yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ServiceMapParams {}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn task_type_names_parse_back() {
        for t in TaskType::ALL {
            assert_eq!(TaskType::parse(t.as_str()), Some(t));
        }
        assert_eq!(TaskType::parse("nope"), None);
    }
}
