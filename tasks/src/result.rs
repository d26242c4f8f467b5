//! Task results: what one task produced on one host. The controller stores them as JSON and builds
//! reports from them.

use serde::{Deserialize, Serialize};

/// How bad a log line or template is: the log miner's severity, stored as it serialises.
pub use cyberbrain_logmine::Severity;

use crate::TaskType;

/// How one run of a declared command ended on a host, with its output (redacted on the agent,
/// head and tail kept within the host's cap).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CommandResult {
    /// The command's name.
    pub name: String,
    /// The exit code, when the process exited.
    pub exit_code: Option<i32>,
    /// The signal that ended the process, when one did.
    pub signal: Option<i32>,
    /// The command ran past its timeout and was killed.
    pub timed_out: bool,
    /// How long it ran, in milliseconds.
    pub duration_ms: u64,
    /// Bytes written to stdout and stderr together, kept or not.
    pub output_bytes: u64,
    /// Output beyond the cap was dropped; `output` holds the head and the tail.
    pub truncated: bool,
    /// stdout and stderr interleaved as written, secrets redacted.
    pub output: String,
}

impl CommandResult {
    /// Whether the command succeeded: it exited with status 0.
    pub fn succeeded(&self) -> bool {
        self.exit_code == Some(0) && !self.timed_out
    }

    /// How it ended, in a few words: `exit 0`, `exit 2`, `killed by signal 9`, `timed out`.
    pub fn outcome(&self) -> String {
        match (self.timed_out, self.exit_code, self.signal) {
            (true, _, _) => "timed out".to_string(),
            (false, Some(code), _) => format!("exit {code}"),
            (false, None, Some(signal)) => format!("killed by signal {signal}"),
            (false, None, None) => "unknown".to_string(),
        }
    }
}

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
    /// See [`CommandResult`].
    Command(CommandResult),
    /// A worker container ends like a command; `name` is its image.
    Container(CommandResult),
}

impl TaskResult {
    /// The process-like outcome of a command or a worker container.
    pub fn as_command(&self) -> Option<&CommandResult> {
        match self {
            TaskResult::Command(r) | TaskResult::Container(r) => Some(r),
            _ => None,
        }
    }

    /// The type of the task that produced it.
    pub fn task_type(&self) -> TaskType {
        match self {
            TaskResult::LogTriage(_) => TaskType::LogTriage,
            TaskResult::GpuReport(_) => TaskType::GpuReport,
            TaskResult::ServiceMap(_) => TaskType::ServiceMap,
            TaskResult::Command(_) => TaskType::Command,
            TaskResult::Container(_) => TaskType::Container,
        }
    }

    /// The first number JSON cannot hold (NaN, an infinity), by its path: stored, it would read
    /// back as `null` and break the run's report. Only GPU samples are floating point.
    pub fn non_finite_field(&self) -> Option<String> {
        let TaskResult::GpuReport(report) = self else {
            return None;
        };
        report.gpus.iter().enumerate().find_map(|(i, gpu)| {
            [
                ("utilization_gpu_sampled", gpu.utilization_gpu_sampled),
                ("memory_used_bytes_sampled", gpu.memory_used_bytes_sampled),
                (
                    "temperature_celsius_sampled",
                    gpu.temperature_celsius_sampled,
                ),
                (
                    "power_draw_milliwatts_sampled",
                    gpu.power_draw_milliwatts_sampled,
                ),
            ]
            .into_iter()
            .find_map(|(name, stats)| {
                let stats = stats?;
                [("min", stats.min), ("mean", stats.mean), ("max", stats.max)]
                    .into_iter()
                    .find(|(_, value)| !value.is_finite())
                    .map(|(part, _)| format!("gpus[{i}].{name}.{part}"))
            })
        })
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
    /// Distinct templates seen, including those cut from `templates` and, past the miner's
    /// template cap, those it evicted.
    pub distinct_templates: u64,
    /// `distinct_templates` is an estimate (templates were evicted past the miner's cap).
    #[serde(default)]
    pub distinct_templates_estimated: bool,
    /// The task's deadline stopped the reading before the end of the logs: the digest covers the
    /// first `lines` lines only (none when the container was not reached).
    #[serde(default)]
    pub partial: bool,
    /// How long reading and mining took, in milliseconds.
    #[serde(default)]
    pub read_millis: u64,
    /// The time of the first line read (Unix ms), 0 when unknown or no line was read.
    #[serde(default)]
    pub first_line_unix_ms: i64,
    /// The time of the last line read (Unix ms), 0 when unknown or no line was read.
    #[serde(default)]
    pub last_line_unix_ms: i64,
    /// The `tail` limit the reading asked Docker for (0 when unknown: an older agent).
    #[serde(default)]
    pub tail_lines: u32,
    /// As many lines were read as `tail_lines` allows: older lines were left unread.
    #[serde(default)]
    pub tail_reached: bool,
    /// The `since` limit of the reading (Unix seconds), 0 for none.
    #[serde(default)]
    pub since_unix_seconds: u64,
    /// The container started before `since_unix_seconds`: older lines may have been left unread.
    #[serde(default)]
    pub since_cut: bool,
    /// What Docker's inspect said about the container when its logs were read (absent from
    /// older agents' digests).
    #[serde(default)]
    pub condition: Option<ContainerCondition>,
}

impl ContainerLogDigest {
    /// A limit (`tail`, `since` or the task's deadline) cut the reading short: the counts are a
    /// lower bound.
    pub fn limited(&self) -> bool {
        self.partial || self.tail_reached || self.since_cut
    }
}

/// A container's state from Docker's inspect, for the report's incidents: restarts, exit code,
/// the OOM killer, health. Texts from the container (the health check's output) are redacted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContainerCondition {
    /// `running`, `restarting`, `exited`, `paused`, `created`, `dead`.
    pub status: String,
    /// Restarts by the engine.
    pub restart_count: u32,
    /// The last exit's code, when the container has exited at least once.
    pub exit_code: Option<i64>,
    /// The kernel's OOM killer ended its last run.
    pub oom_killed: bool,
    /// `healthy`, `unhealthy`, `starting`, or empty without a health check.
    pub health: String,
    /// Consecutive failed health checks.
    pub health_failing_streak: u32,
    /// The last health check's output, redacted and cut.
    pub health_output: String,
    /// The last health check's exit code.
    pub health_exit_code: Option<i64>,
    /// When its current (or last) run started (Unix ms), 0 when unknown.
    pub started_at_unix_ms: i64,
    /// When its last run ended (Unix ms), 0 when it never ended.
    pub finished_at_unix_ms: i64,
    /// The restart policy's name (`no`, `always`, `on-failure`, `unless-stopped`).
    pub restart_policy: String,
    /// `com.docker.compose.project` label.
    pub compose_project: String,
    /// `com.docker.compose.service` label.
    pub compose_service: String,
    /// The templates of the last lines logged before its last exit, oldest first.
    pub last_lines_before_exit: Vec<String>,
    /// Its recent exits, oldest first, at most [`ContainerCondition::MAX_EXITS`]: from the
    /// engine's events, or the inspect's last exit when the events were unavailable.
    pub exits: Vec<ContainerExit>,
}

impl ContainerCondition {
    /// The most lines kept in [`ContainerCondition::last_lines_before_exit`].
    pub const MAX_LAST_LINES: usize = 8;
    /// The most characters kept of a health check's output.
    pub const MAX_HEALTH_OUTPUT_CHARS: usize = 300;
    /// The most exits kept in [`ContainerCondition::exits`] (the most recent ones).
    pub const MAX_EXITS: usize = 5;

    /// Restarting now, or restarted by the engine since it was created.
    pub fn restarted(&self) -> bool {
        self.status == "restarting" || self.restart_count > 0
    }

    /// Stopped (`exited` or `dead`) with a non-zero exit code.
    pub fn exited_non_zero(&self) -> bool {
        matches!(self.status.as_str(), "exited" | "dead")
            && self.exit_code.is_some_and(|code| code != 0)
    }

    /// Whether its exits tell something: it restarted, the OOM killer ended it, or it exited
    /// non-zero. The agent reads the exits (and the lines before them) of these containers only;
    /// the report names the same ones as in trouble (with an unhealthy one, which has no exit).
    pub fn exits_matter(&self) -> bool {
        self.restarted() || self.oom_killed || self.exited_non_zero()
    }

    /// Enforces the bounds an agent is held to (it may not have kept them): the most recent
    /// [`ContainerCondition::MAX_EXITS`] exits, oldest first, each within
    /// [`ContainerExit::bound`]; and at most [`ContainerCondition::MAX_LAST_LINES`] lines of
    /// `last_lines_before_exit`, the last ones.
    pub fn bound(&mut self) {
        self.exits.sort_by_key(|e| e.at_unix_ms);
        let extra = self.exits.len().saturating_sub(Self::MAX_EXITS);
        self.exits.drain(..extra);
        for exit in &mut self.exits {
            exit.bound();
        }
        let extra = self
            .last_lines_before_exit
            .len()
            .saturating_sub(Self::MAX_LAST_LINES);
        self.last_lines_before_exit.drain(..extra);
    }
}

/// One exit of a container and what it logged just before.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContainerExit {
    /// When it exited (Unix ms).
    pub at_unix_ms: i64,
    /// Its exit code, when known.
    pub exit_code: Option<i64>,
    /// The kernel's OOM killer ended it.
    pub oom_killed: bool,
    /// The templates (redacted on the agent) of the last lines logged up to the exit, oldest
    /// first, at most [`ContainerExit::MAX_LINES`].
    pub last_templates: Vec<String>,
}

impl ContainerExit {
    /// The most lines kept before one exit.
    pub const MAX_LINES: usize = 5;
    /// The most characters kept of one template.
    pub const MAX_TEMPLATE_CHARS: usize = 512;

    /// Keeps the last [`ContainerExit::MAX_LINES`] templates, each cut to
    /// [`ContainerExit::MAX_TEMPLATE_CHARS`] characters.
    pub fn bound(&mut self) {
        let extra = self.last_templates.len().saturating_sub(Self::MAX_LINES);
        self.last_templates.drain(..extra);
        for template in &mut self.last_templates {
            if let Some((cut, _)) = template.char_indices().nth(Self::MAX_TEMPLATE_CHARS) {
                template.truncate(cut);
            }
        }
    }
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

/// `gpu_report` on one host. Fields added after the first release default when absent, so stored
/// results of older agents still load.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
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
    /// How long the GPUs were sampled for the `*_sampled` figures, in milliseconds.
    pub sample_window_ms: u32,
    /// Samples taken over the window.
    pub samples: u32,
}

/// Minimum, mean and maximum of a value sampled over the report's window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct SampleStats {
    /// Lowest sample.
    pub min: f64,
    /// Mean of the samples.
    pub mean: f64,
    /// Highest sample.
    pub max: f64,
}

/// One GPU's state. `None` means the device does not support the query (shown as `n/a`).
/// Single readings are the window's first sample; `*_sampled` cover the whole window.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
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
    /// Power limit the driver enforces.
    pub power_limit_milliwatts: Option<u32>,
    /// Processes using the GPU.
    pub processes: Vec<GpuProcess>,
    /// PCI bus id, `00000000:3B:00.0`.
    pub pci_bus_id: Option<String>,
    /// Temperature at which the GPU starts slowing itself down.
    pub temperature_slowdown_celsius: Option<u32>,
    /// Streaming multiprocessor clock.
    pub clock_sm_mhz: Option<u32>,
    /// Memory clock.
    pub clock_memory_mhz: Option<u32>,
    /// First fan's intended speed, percent of its maximum.
    pub fan_speed_percent: Option<u32>,
    /// Whether ECC is on.
    pub ecc_enabled: Option<bool>,
    /// Corrected ECC errors since the driver was loaded.
    pub ecc_errors_corrected: Option<u64>,
    /// Uncorrected ECC errors since the driver was loaded.
    pub ecc_errors_uncorrected: Option<u64>,
    /// Why the clocks are held down (`sw_power_cap`, `hw_thermal_slowdown`, …); empty when they
    /// are not.
    pub throttle_reasons: Option<Vec<String>>,
    /// Whether MIG (multi-instance GPU) mode is on.
    pub mig_enabled: Option<bool>,
    /// GPU utilisation over the window, percent.
    pub utilization_gpu_sampled: Option<SampleStats>,
    /// Memory in use over the window, bytes.
    pub memory_used_bytes_sampled: Option<SampleStats>,
    /// Temperature over the window, °C.
    pub temperature_celsius_sampled: Option<SampleStats>,
    /// Power draw over the window, mW.
    pub power_draw_milliwatts_sampled: Option<SampleStats>,
}

impl GpuStats {
    /// The throttle reasons that mean the GPU is being held back (not just idle or set so by
    /// an administrator).
    pub fn is_throttled(&self) -> bool {
        self.throttle_reasons
            .iter()
            .flatten()
            .any(|reason| THROTTLE_REASONS_THAT_HURT.contains(&reason.as_str()))
    }
}

/// Throttle reasons that mean the GPU runs slower than asked: power and thermal limits.
pub const THROTTLE_REASONS_THAT_HURT: [&str; 5] = [
    "sw_power_cap",
    "hw_slowdown",
    "sw_thermal_slowdown",
    "hw_thermal_slowdown",
    "hw_power_brake_slowdown",
];

/// Who owns a GPU process.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProcessOwner {
    /// Not known: the process ended, or the agent cannot see the host's processes.
    #[default]
    Unknown,
    /// A process on the host, outside any container.
    Host,
    /// A process in a container.
    Container,
}

impl ProcessOwner {
    /// Lowercase name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ProcessOwner::Unknown => "unknown",
            ProcessOwner::Host => "host",
            ProcessOwner::Container => "container",
        }
    }
}

/// Whether a process holds a compute (CUDA) or a graphics context.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GpuProcessKind {
    /// A compute context.
    #[default]
    Compute,
    /// A graphics context.
    Graphics,
}

/// A process on a GPU.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct GpuProcess {
    /// Host PID.
    pub pid: u32,
    /// GPU memory it uses.
    pub used_memory_bytes: Option<u64>,
    /// Its container: the full id of an allowlisted one, only the 12-character short id of any
    /// other; empty for host processes.
    pub container_id: String,
    /// Its container's name, empty when unknown or not allowlisted.
    pub container_name: String,
    /// Its container's image, empty when unknown or not allowlisted.
    pub container_image: String,
    /// Its container's Compose service (the `com.docker.compose.service` label), empty when
    /// there is none, or the container is unknown or not allowlisted.
    pub compose_service: String,
    /// Host, container, or unknown.
    pub owner: ProcessOwner,
    /// Compute or graphics.
    pub kind: GpuProcessKind,
}

/// The short form of a container id that Docker prints: its first 12 characters.
pub fn short_container_id(id: &str) -> &str {
    id.get(..12).unwrap_or(id)
}

/// `service_map` on one host.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceMapResult {
    /// Allowlisted containers.
    pub containers: Vec<ContainerInfo>,
    /// The host's Docker networks.
    pub networks: Vec<NetworkInfo>,
    /// Containers outside the allowlist: counted, not described.
    pub hidden_containers: u32,
    /// Who talks to whom among the allowlisted containers on this host.
    pub edges: Vec<ServiceEdge>,
    /// The host's name, for references to it by name from other hosts.
    pub hostname: String,
    /// The host's own addresses (no loopback, link-local or Docker network addresses), for
    /// references to it by address from other hosts.
    pub addresses: Vec<String>,
}

/// Why two containers are connected.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    /// They share a user-defined network (undirected; `from` sorts before `to`).
    #[default]
    Network,
    /// A legacy Docker link from `from` to `to`.
    Link,
    /// Compose's `depends_on`.
    DependsOn,
    /// An environment variable of `from` names `to`.
    Env,
}

impl EdgeKind {
    /// Lowercase name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Network => "network",
            EdgeKind::Link => "link",
            EdgeKind::DependsOn => "depends_on",
            EdgeKind::Env => "env",
        }
    }
}

/// One edge of a host's service map, between container names.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceEdge {
    /// The container that connects (or the first, for networks).
    pub from: String,
    /// The container connected to.
    pub to: String,
    /// Why.
    pub kind: EdgeKind,
    /// The network, the link alias, or the environment variable's name; empty for `depends_on`.
    pub via: String,
    /// The port named by an environment variable, when it named one.
    pub port: Option<u32>,
}

/// A legacy Docker link.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ContainerLink {
    /// The linked container's name.
    pub target: String,
    /// The name it is known by inside the linking container.
    pub alias: String,
}

/// A host an environment variable names. Only the variable's name and the target leave the agent,
/// never the value (no scheme, credentials, path or query).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EnvReference {
    /// The variable's name, e.g. `DATABASE_URL`.
    pub variable: String,
    /// The host named: a container name, alias, host name or IP address.
    pub host: String,
    /// The port named, if any.
    pub port: Option<u32>,
    /// The container on the same host it resolved to; empty when it names nothing here (the
    /// controller then looks across the fleet).
    pub local_target: String,
}

/// One container.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
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
    /// Other names it answers to on its networks (without its own name and id).
    pub aliases: Vec<String>,
    /// Its host name inside the container.
    pub hostname: String,
    /// Legacy links to other containers.
    pub links: Vec<ContainerLink>,
    /// Compose services it depends on (`com.docker.compose.depends_on`).
    pub depends_on: Vec<String>,
    /// Hosts its environment names.
    pub env_references: Vec<EnvReference>,
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

#[cfg(test)]
mod tests {
    use super::ContainerCondition;

    fn condition(status: &str, restarts: u32, code: Option<i64>, oom: bool) -> ContainerCondition {
        ContainerCondition {
            status: status.into(),
            restart_count: restarts,
            exit_code: code,
            oom_killed: oom,
            ..Default::default()
        }
    }

    #[test]
    fn exits_matter_for_restarts_oom_kills_and_non_zero_exits_only() {
        let running = condition("running", 0, None, false);
        assert!(!running.exits_matter());
        let clean_exit = condition("exited", 0, Some(0), false);
        assert!(!clean_exit.exits_matter());
        // Inspect read mid-restart says exit code 0, but the restart still counts.
        let restarting = condition("restarting", 0, Some(0), false);
        assert!(restarting.restarted() && restarting.exits_matter());
        let restarted = condition("running", 4, Some(3), false);
        assert!(restarted.restarted() && !restarted.exited_non_zero());
        let failed = condition("exited", 0, Some(3), false);
        assert!(failed.exited_non_zero() && failed.exits_matter());
        let dead = condition("dead", 0, Some(137), false);
        assert!(dead.exited_non_zero());
        let oom = condition("running", 0, None, true);
        assert!(oom.exits_matter() && !oom.restarted());
    }
}
