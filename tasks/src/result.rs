//! Task results: what one task produced on one host. The controller stores them as JSON and builds
//! reports from them.

use serde::{Deserialize, Serialize};

use crate::TaskType;

/// The result of one job.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum TaskResult {
    /// See [`LogTriageResult`].
    LogTriage(LogTriageResult),
    /// See [`GpuReportResult`].
    GpuReport(GpuReportResult),
    /// See [`ServiceMapResult`].
    ServiceMap(ServiceMapResult),
}

impl TaskResult {
    /// The type of the task that produced it.
    pub fn task_type(&self) -> TaskType {
        match self {
            TaskResult::LogTriage(_) => TaskType::LogTriage,
            TaskResult::GpuReport(_) => TaskType::GpuReport,
            TaskResult::ServiceMap(_) => TaskType::ServiceMap,
        }
    }
}

/// How bad a log line or template is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Errors, failures, panics.
    Error,
    /// Warnings.
    Warn,
    /// Ordinary information.
    Info,
    /// Debug and trace output.
    Debug,
    /// No level could be told.
    Unknown,
}

impl Severity {
    /// Lowercase name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warn => "warn",
            Severity::Info => "info",
            Severity::Debug => "debug",
            Severity::Unknown => "unknown",
        }
    }
}

/// `log_triage` on one host.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LogTriageResult {
    /// One digest per allowlisted container.
    pub containers: Vec<ContainerLogDigest>,
    /// Containers the allowlist kept the agent from reading.
    pub skipped_containers: u32,
}

/// The digest of one container's logs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerLogDigest {
    /// Docker's full container id.
    pub container_id: String,
    /// The container's name, without Docker's leading `/`.
    pub name: String,
    /// The image reference.
    pub image: String,
    /// Lines read.
    pub lines: u64,
    /// Lines whose severity is error.
    pub error_lines: u64,
    /// Lines whose severity is warn.
    pub warning_lines: u64,
    /// Bytes of log read.
    pub bytes_read: u64,
    /// The most significant templates, most frequent first within each severity.
    pub templates: Vec<TemplateCount>,
    /// Distinct templates seen, including those cut from `templates`.
    pub distinct_templates: u64,
}

/// One message template with its count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TemplateCount {
    /// The message, variables shown as `<*>`.
    pub template: String,
    /// Lines that matched it.
    pub count: u64,
    /// Its severity.
    pub severity: Severity,
    /// A few example lines, secrets redacted.
    pub examples: Vec<String>,
    /// First line's time (Unix ms), 0 when unknown.
    pub first_seen_unix_ms: i64,
    /// Last line's time (Unix ms), 0 when unknown.
    pub last_seen_unix_ms: i64,
    /// First seen late in the window read.
    pub novel: bool,
    /// Its lines came in a burst.
    pub burst: bool,
}

/// `gpu_report` on one host.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GpuReportResult {
    /// Whether NVML could be loaded and initialised.
    pub available: bool,
    /// Why not, when it could not.
    pub unavailable_reason: String,
    /// NVIDIA driver version.
    pub driver_version: String,
    /// CUDA driver API version, e.g. `12.4`.
    pub cuda_version: String,
    /// One entry per GPU.
    pub gpus: Vec<GpuStats>,
}

/// One GPU's state. `None` means the device does not support the query.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GpuStats {
    /// NVML index.
    pub index: u32,
    /// Product name.
    pub name: String,
    /// `GPU-…` UUID.
    pub uuid: String,
    /// GPU utilisation, percent.
    pub utilization_gpu_percent: Option<u32>,
    /// Memory controller utilisation, percent.
    pub utilization_memory_percent: Option<u32>,
    /// Framebuffer memory in use.
    pub memory_used_bytes: Option<u64>,
    /// Framebuffer memory in all.
    pub memory_total_bytes: Option<u64>,
    /// Core temperature.
    pub temperature_celsius: Option<u32>,
    /// Power draw.
    pub power_draw_milliwatts: Option<u32>,
    /// Power limit.
    pub power_limit_milliwatts: Option<u32>,
    /// Processes using the GPU.
    pub processes: Vec<GpuProcess>,
}

/// A process on a GPU.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GpuProcess {
    /// Host PID.
    pub pid: u32,
    /// GPU memory it uses.
    pub used_memory_bytes: Option<u64>,
    /// Its container, empty for host processes.
    pub container_id: String,
    /// Its container's name, empty when unknown or not allowlisted.
    pub container_name: String,
}

/// `service_map` on one host.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ServiceMapResult {
    /// Allowlisted containers.
    pub containers: Vec<ContainerInfo>,
    /// The host's Docker networks.
    pub networks: Vec<NetworkInfo>,
    /// Containers outside the allowlist: counted, not described.
    pub hidden_containers: u32,
}

/// One container.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ContainerInfo {
    /// Docker's full id.
    pub id: String,
    /// Name without the leading `/`.
    pub name: String,
    /// Image reference.
    pub image: String,
    /// `running`, `exited`, …
    pub state: String,
    /// `healthy`, `unhealthy`, `starting`, or empty without a health check.
    pub health: String,
    /// Restarts by the engine.
    pub restart_count: u32,
    /// `com.docker.compose.project` label.
    pub compose_project: String,
    /// `com.docker.compose.service` label.
    pub compose_service: String,
    /// Names of the networks it is attached to.
    pub networks: Vec<String>,
    /// Published and exposed ports.
    pub ports: Vec<PortMapping>,
}

/// A container port, published on the host or not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortMapping {
    /// Port inside the container.
    pub container_port: u32,
    /// `tcp` or `udp`.
    pub protocol: String,
    /// Host address it is published on, empty when not published.
    pub host_ip: String,
    /// Host port, 0 when not published.
    pub host_port: u32,
}

/// A Docker network.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkInfo {
    /// Docker's id.
    pub id: String,
    /// Name.
    pub name: String,
    /// `bridge`, `overlay`, …
    pub driver: String,
    /// IPAM subnets.
    pub subnets: Vec<String>,
}
