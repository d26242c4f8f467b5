//! The task catalogue shared by the controller and the agents: what each task type takes as
//! parameters, what it returns, and which containers it may touch; and the `KEY=VALUE` syntax of
//! agent labels, shared with the CLI.
//!
//! API boundary: domain types with serde (stored as JSON by the controller), plus `TryFrom`/`From`
//! conversions to the wire types in [`wire`]. Nothing here does IO.

pub mod allowlist;
pub mod labels;
pub mod result;
pub mod spec;
pub mod wire;

pub use allowlist::{AllowRule, Allowlist, LocalLimit, MatchKind, enforce_allowlist};
pub use labels::{InvalidLabel, MAX_LABEL_KEY_BYTES, is_label_key, parse_label};
pub use result::{
    CommandResult, ContainerCondition, ContainerExit, ContainerInfo, ContainerLink,
    ContainerLogDigest, EdgeKind, EnvReference, GpuProcess, GpuProcessKind, GpuReportResult,
    GpuStats, LogTriageResult, NetworkInfo, PortMapping, ProcessOwner, SampleStats, ServiceEdge,
    ServiceMapResult, Severity, THROTTLE_REASONS_THAT_HURT, TaskResult, TemplateCount,
    short_container_id,
};
pub use spec::{
    CommandParams, ContainerParams, GpuReportParams, JobLimits, LogTriageParams, PlannedTask,
    ServiceMapParams, TaskSpec, TaskType,
};

/// A value that does not fit the task catalogue, naming the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {field}: {reason}")]
pub struct InvalidField {
    /// The field's path, e.g. `tasks[0].log_triage.tail_lines`.
    pub field: String,
    /// What was expected, in a phrase.
    pub reason: String,
}

impl InvalidField {
    /// A new error for `field`.
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The same error with `prefix.` put before the field path.
    pub fn within(mut self, prefix: &str) -> Self {
        self.field = format!("{prefix}.{}", self.field);
        self
    }
}
