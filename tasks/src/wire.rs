//! Conversions between the task catalogue and its wire types. Incoming conversions validate and
//! name the field at fault; outgoing ones cannot fail.

use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::v1 as pb;

use crate::{
    AllowRule, Allowlist, CommandParams, CommandResult, ContainerCondition, ContainerExit,
    ContainerInfo, ContainerLink, ContainerLogDigest, ContainerParams, EdgeKind, EnvReference,
    GpuProcess, GpuProcessKind, GpuReportParams, GpuReportResult, GpuStats, InvalidField,
    JobLimits, LogTriageParams, LogTriageResult, MatchKind, NetworkInfo, PlannedTask, PortMapping,
    ProcessOwner, SampleStats, ServiceEdge, ServiceMapParams, ServiceMapResult, Severity,
    TaskResult, TaskSpec, TemplateCount,
};

impl TryFrom<pb::TaskSpec> for TaskSpec {
    type Error = InvalidField;

    fn try_from(spec: pb::TaskSpec) -> Result<Self, InvalidField> {
        use pb::task_spec::Task;
        let task = match spec.task {
            Some(Task::LogTriage(t)) => TaskSpec::LogTriage(LogTriageParams {
                tail_lines: if t.tail_lines == 0 {
                    LogTriageParams::DEFAULT_TAIL_LINES
                } else {
                    t.tail_lines
                },
                since_seconds: t.since_seconds,
                top_messages: if t.top_messages == 0 {
                    LogTriageParams::DEFAULT_TOP_MESSAGES
                } else {
                    t.top_messages
                },
            }),
            Some(Task::GpuReport(t)) => TaskSpec::GpuReport(GpuReportParams {
                sample_window_ms: if t.sample_window_ms == 0 {
                    GpuReportParams::DEFAULT_SAMPLE_WINDOW_MS
                } else {
                    t.sample_window_ms
                },
            }),
            Some(Task::ServiceMap(pb::ServiceMapTask {})) => {
                TaskSpec::ServiceMap(ServiceMapParams::default())
            }
            Some(Task::Command(t)) => TaskSpec::Command(CommandParams {
                name: t.name,
                args: t.args,
            }),
            Some(Task::Container(t)) => TaskSpec::Container(ContainerParams {
                image: t.image,
                args: t.args,
                env: t.env,
                gpus: t.gpus,
                network: t.network,
            }),
            None => {
                return Err(InvalidField::new(
                    "task",
                    "one of log_triage, gpu_report, service_map, command or container must be set",
                ));
            }
        };
        task.validate()?;
        Ok(task)
    }
}

impl TryFrom<pb::TaskSpec> for PlannedTask {
    type Error = InvalidField;

    /// The task and its limits (0 on the wire means unset).
    fn try_from(spec: pb::TaskSpec) -> Result<Self, InvalidField> {
        let limits = JobLimits {
            max_attempts: (spec.max_attempts != 0).then_some(spec.max_attempts),
            deadline_seconds: (spec.deadline_seconds != 0).then_some(spec.deadline_seconds),
        };
        limits.validate()?;
        Ok(PlannedTask {
            spec: TaskSpec::try_from(spec)?,
            limits,
        })
    }
}

/// Converts a list of wire task specs, naming `tasks[i]` in errors; an empty list is refused.
pub fn task_specs_from_wire(specs: Vec<pb::TaskSpec>) -> Result<Vec<PlannedTask>, InvalidField> {
    if specs.is_empty() {
        return Err(InvalidField::new("tasks", "at least one task is required"));
    }
    specs
        .into_iter()
        .enumerate()
        .map(|(i, s)| PlannedTask::try_from(s).map_err(|e| e.within(&format!("tasks[{i}]"))))
        .collect()
}

impl From<&TaskSpec> for pb::TaskSpec {
    fn from(spec: &TaskSpec) -> Self {
        use pb::task_spec::Task;
        let task = match spec {
            TaskSpec::LogTriage(p) => Task::LogTriage(pb::LogTriageTask {
                tail_lines: p.tail_lines,
                since_seconds: p.since_seconds,
                top_messages: p.top_messages,
            }),
            TaskSpec::GpuReport(p) => Task::GpuReport(pb::GpuReportTask {
                sample_window_ms: p.sample_window_ms,
            }),
            TaskSpec::ServiceMap(_) => Task::ServiceMap(pb::ServiceMapTask {}),
            TaskSpec::Command(p) => Task::Command(pb::CommandTask {
                name: p.name.clone(),
                args: p.args.clone(),
            }),
            TaskSpec::Container(p) => Task::Container(pb::ContainerTask {
                image: p.image.clone(),
                args: p.args.clone(),
                env: p.env.clone(),
                gpus: p.gpus,
                network: p.network.clone(),
            }),
        };
        pb::TaskSpec {
            task: Some(task),
            ..Default::default()
        }
    }
}

impl From<&PlannedTask> for pb::TaskSpec {
    fn from(planned: &PlannedTask) -> Self {
        pb::TaskSpec {
            max_attempts: planned.limits.max_attempts.unwrap_or(0),
            deadline_seconds: planned.limits.deadline_seconds.unwrap_or(0),
            ..pb::TaskSpec::from(&planned.spec)
        }
    }
}

impl From<MatchKind> for pb::MatchKind {
    fn from(kind: MatchKind) -> Self {
        match kind {
            MatchKind::Name => pb::MatchKind::Name,
            MatchKind::NameGlob => pb::MatchKind::NameGlob,
            MatchKind::ImageGlob => pb::MatchKind::ImageGlob,
            MatchKind::WorkerImage => pb::MatchKind::WorkerImage,
        }
    }
}

/// Converts a wire match kind (an `i32` on the wire), refusing unset and unknown values.
pub fn match_kind_from_wire(value: i32) -> Result<MatchKind, InvalidField> {
    match pb::MatchKind::try_from(value) {
        Ok(pb::MatchKind::Name) => Ok(MatchKind::Name),
        Ok(pb::MatchKind::NameGlob) => Ok(MatchKind::NameGlob),
        Ok(pb::MatchKind::ImageGlob) => Ok(MatchKind::ImageGlob),
        Ok(pb::MatchKind::WorkerImage) => Ok(MatchKind::WorkerImage),
        Ok(pb::MatchKind::Unspecified) | Err(_) => Err(InvalidField::new(
            "kind",
            "must be MATCH_KIND_NAME, MATCH_KIND_NAME_GLOB, MATCH_KIND_IMAGE_GLOB or MATCH_KIND_WORKER_IMAGE",
        )),
    }
}

impl From<&AllowRule> for link::AllowRule {
    fn from(rule: &AllowRule) -> Self {
        link::AllowRule {
            kind: pb::MatchKind::from(rule.kind) as i32,
            pattern: rule.pattern.clone(),
        }
    }
}

/// Converts the allowlist the controller sent. A rule the agent cannot understand is dropped
/// (it can only narrow what is read, never widen it).
pub fn allowlist_from_wire(rules: &[link::AllowRule]) -> Allowlist {
    Allowlist {
        rules: rules
            .iter()
            .filter_map(|r| {
                let kind = match_kind_from_wire(r.kind).ok()?;
                let rule = AllowRule {
                    kind,
                    pattern: r.pattern.clone(),
                };
                rule.validate().ok().map(|()| rule)
            })
            .collect(),
        local_limit: None,
    }
}

/// Converts an allowlist to the wire.
pub fn allowlist_to_wire(allowlist: &Allowlist) -> Vec<link::AllowRule> {
    allowlist.rules.iter().map(link::AllowRule::from).collect()
}

/// A function, not a `From`: `Severity` is the log miner's, `link::Severity` proto's.
fn severity_to_wire(s: Severity) -> link::Severity {
    match s {
        Severity::Fatal => link::Severity::Fatal,
        Severity::Error => link::Severity::Error,
        Severity::Warn => link::Severity::Warn,
        Severity::Info => link::Severity::Info,
        Severity::Debug => link::Severity::Debug,
        Severity::Unknown => link::Severity::Unspecified,
    }
}

fn severity_from_wire(value: i32) -> Severity {
    match link::Severity::try_from(value) {
        Ok(link::Severity::Fatal) => Severity::Fatal,
        Ok(link::Severity::Error) => Severity::Error,
        Ok(link::Severity::Warn) => Severity::Warn,
        Ok(link::Severity::Info) => Severity::Info,
        Ok(link::Severity::Debug) => Severity::Debug,
        Ok(link::Severity::Unspecified) | Err(_) => Severity::Unknown,
    }
}

impl TryFrom<link::TaskResult> for TaskResult {
    type Error = InvalidField;

    fn try_from(result: link::TaskResult) -> Result<Self, InvalidField> {
        use link::task_result::Result as R;
        match result.result {
            Some(R::LogTriage(r)) => Ok(TaskResult::LogTriage(log_triage_from_wire(r))),
            Some(R::GpuReport(r)) => Ok(TaskResult::GpuReport(gpu_report_from_wire(r))),
            Some(R::ServiceMap(r)) => Ok(TaskResult::ServiceMap(service_map_from_wire(r))),
            Some(R::Command(r)) => Ok(TaskResult::Command(command_from_wire(r))),
            Some(R::Container(r)) => Ok(TaskResult::Container(command_from_wire(r))),
            None => Err(InvalidField::new("result", "a task result must be set")),
        }
    }
}

impl From<&TaskResult> for link::TaskResult {
    fn from(result: &TaskResult) -> Self {
        use link::task_result::Result as R;
        let inner = match result {
            TaskResult::LogTriage(r) => R::LogTriage(log_triage_to_wire(r)),
            TaskResult::GpuReport(r) => R::GpuReport(gpu_report_to_wire(r)),
            TaskResult::ServiceMap(r) => R::ServiceMap(service_map_to_wire(r)),
            TaskResult::Command(r) => R::Command(command_to_wire(r)),
            TaskResult::Container(r) => R::Container(command_to_wire(r)),
        };
        link::TaskResult {
            result: Some(inner),
        }
    }
}

fn command_from_wire(r: link::CommandResult) -> CommandResult {
    CommandResult {
        name: r.name,
        exit_code: r.exit_code,
        signal: r.signal,
        timed_out: r.timed_out,
        duration_ms: r.duration_ms,
        output_bytes: r.output_bytes,
        truncated: r.truncated,
        output: r.output,
    }
}

fn command_to_wire(r: &CommandResult) -> link::CommandResult {
    link::CommandResult {
        name: r.name.clone(),
        exit_code: r.exit_code,
        signal: r.signal,
        timed_out: r.timed_out,
        duration_ms: r.duration_ms,
        output_bytes: r.output_bytes,
        truncated: r.truncated,
        output: r.output.clone(),
    }
}

fn log_triage_from_wire(r: link::LogTriageResult) -> LogTriageResult {
    LogTriageResult {
        skipped_containers: r.skipped_containers,
        containers: r
            .containers
            .into_iter()
            .map(|c| ContainerLogDigest {
                container_id: c.container_id,
                name: c.name,
                image: c.image,
                lines: c.lines,
                error_lines: c.error_lines,
                warning_lines: c.warning_lines,
                bytes_read: c.bytes_read,
                distinct_templates: c.distinct_templates,
                distinct_templates_estimated: c.distinct_templates_estimated,
                partial: c.partial,
                read_millis: c.read_millis,
                first_line_unix_ms: c.first_line_unix_ms,
                last_line_unix_ms: c.last_line_unix_ms,
                tail_lines: c.tail_lines,
                tail_reached: c.tail_reached,
                since_unix_seconds: c.since_unix_seconds,
                since_cut: c.since_cut,
                condition: c.condition.map(|k| {
                    let mut condition = ContainerCondition {
                        status: k.status,
                        restart_count: k.restart_count,
                        exit_code: k.exit_code,
                        oom_killed: k.oom_killed,
                        health: k.health,
                        health_failing_streak: k.health_failing_streak,
                        health_output: k.health_output,
                        health_exit_code: k.health_exit_code,
                        started_at_unix_ms: k.started_at_unix_ms,
                        finished_at_unix_ms: k.finished_at_unix_ms,
                        restart_policy: k.restart_policy,
                        compose_project: k.compose_project,
                        compose_service: k.compose_service,
                        last_lines_before_exit: k.last_lines_before_exit,
                        exits: k
                            .exits
                            .into_iter()
                            .map(|e| ContainerExit {
                                at_unix_ms: e.at_unix_ms,
                                exit_code: e.exit_code,
                                oom_killed: e.oom_killed,
                                last_templates: e.last_lines,
                            })
                            .collect(),
                    };
                    // An agent is held to the bounds, not trusted to keep them.
                    condition.bound();
                    condition
                }),
                templates: c
                    .templates
                    .into_iter()
                    .map(|t| TemplateCount {
                        template: t.template,
                        count: t.count,
                        severity: severity_from_wire(t.severity),
                        examples: t.examples,
                        first_seen_unix_ms: t.first_seen_unix_ms,
                        last_seen_unix_ms: t.last_seen_unix_ms,
                        novel: t.novel,
                        burst: t.burst,
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn log_triage_to_wire(r: &LogTriageResult) -> link::LogTriageResult {
    link::LogTriageResult {
        skipped_containers: r.skipped_containers,
        containers: r
            .containers
            .iter()
            .map(|c| link::ContainerLogDigest {
                container_id: c.container_id.clone(),
                name: c.name.clone(),
                image: c.image.clone(),
                lines: c.lines,
                error_lines: c.error_lines,
                warning_lines: c.warning_lines,
                bytes_read: c.bytes_read,
                distinct_templates: c.distinct_templates,
                distinct_templates_estimated: c.distinct_templates_estimated,
                partial: c.partial,
                read_millis: c.read_millis,
                first_line_unix_ms: c.first_line_unix_ms,
                last_line_unix_ms: c.last_line_unix_ms,
                tail_lines: c.tail_lines,
                tail_reached: c.tail_reached,
                since_unix_seconds: c.since_unix_seconds,
                since_cut: c.since_cut,
                condition: c.condition.as_ref().map(|k| link::ContainerCondition {
                    status: k.status.clone(),
                    restart_count: k.restart_count,
                    exit_code: k.exit_code,
                    oom_killed: k.oom_killed,
                    health: k.health.clone(),
                    health_failing_streak: k.health_failing_streak,
                    health_output: k.health_output.clone(),
                    health_exit_code: k.health_exit_code,
                    started_at_unix_ms: k.started_at_unix_ms,
                    finished_at_unix_ms: k.finished_at_unix_ms,
                    restart_policy: k.restart_policy.clone(),
                    compose_project: k.compose_project.clone(),
                    compose_service: k.compose_service.clone(),
                    last_lines_before_exit: k.last_lines_before_exit.clone(),
                    exits: k
                        .exits
                        .iter()
                        .map(|e| link::ContainerExit {
                            at_unix_ms: e.at_unix_ms,
                            exit_code: e.exit_code,
                            oom_killed: e.oom_killed,
                            last_lines: e.last_templates.clone(),
                        })
                        .collect(),
                }),
                templates: c
                    .templates
                    .iter()
                    .map(|t| link::TemplateCount {
                        template: t.template.clone(),
                        count: t.count,
                        severity: severity_to_wire(t.severity) as i32,
                        examples: t.examples.clone(),
                        first_seen_unix_ms: t.first_seen_unix_ms,
                        last_seen_unix_ms: t.last_seen_unix_ms,
                        novel: t.novel,
                        burst: t.burst,
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn gpu_report_from_wire(r: link::GpuReportResult) -> GpuReportResult {
    GpuReportResult {
        available: r.available,
        unavailable_reason: r.unavailable_reason,
        driver_version: r.driver_version,
        cuda_version: r.cuda_version,
        sample_window_ms: r.sample_window_ms,
        samples: r.samples,
        gpus: r
            .gpus
            .into_iter()
            .map(|g| GpuStats {
                index: g.index,
                name: g.name,
                uuid: g.uuid,
                utilization_gpu_percent: g.utilization_gpu_percent,
                utilization_memory_percent: g.utilization_memory_percent,
                memory_used_bytes: g.memory_used_bytes,
                memory_total_bytes: g.memory_total_bytes,
                temperature_celsius: g.temperature_celsius,
                power_draw_milliwatts: g.power_draw_milliwatts,
                power_limit_milliwatts: g.power_limit_milliwatts,
                pci_bus_id: g.pci_bus_id,
                temperature_slowdown_celsius: g.temperature_slowdown_celsius,
                clock_sm_mhz: g.clock_sm_mhz,
                clock_memory_mhz: g.clock_memory_mhz,
                fan_speed_percent: g.fan_speed_percent,
                ecc_enabled: g.ecc_enabled,
                ecc_errors_corrected: g.ecc_errors_corrected,
                ecc_errors_uncorrected: g.ecc_errors_uncorrected,
                throttle_reasons: g.throttle_reasons.map(|t| t.reasons),
                mig_enabled: g.mig_enabled,
                utilization_gpu_sampled: g.utilization_gpu_sampled.map(sample_stats_from_wire),
                memory_used_bytes_sampled: g.memory_used_bytes_sampled.map(sample_stats_from_wire),
                temperature_celsius_sampled: g
                    .temperature_celsius_sampled
                    .map(sample_stats_from_wire),
                power_draw_milliwatts_sampled: g
                    .power_draw_milliwatts_sampled
                    .map(sample_stats_from_wire),
                processes: g
                    .processes
                    .into_iter()
                    .map(|p| GpuProcess {
                        pid: p.pid,
                        used_memory_bytes: p.used_memory_bytes,
                        container_id: p.container_id,
                        container_name: p.container_name,
                        container_image: p.container_image,
                        compose_service: p.compose_service,
                        owner: match link::ProcessOwner::try_from(p.owner) {
                            Ok(link::ProcessOwner::Host) => ProcessOwner::Host,
                            Ok(link::ProcessOwner::Container) => ProcessOwner::Container,
                            Ok(link::ProcessOwner::Unspecified) | Err(_) => ProcessOwner::Unknown,
                        },
                        kind: match link::GpuProcessKind::try_from(p.kind) {
                            Ok(link::GpuProcessKind::Graphics) => GpuProcessKind::Graphics,
                            // Older agents listed compute processes only.
                            Ok(
                                link::GpuProcessKind::Compute | link::GpuProcessKind::Unspecified,
                            )
                            | Err(_) => GpuProcessKind::Compute,
                        },
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn sample_stats_from_wire(s: link::SampleStats) -> SampleStats {
    SampleStats {
        min: s.min,
        mean: s.mean,
        max: s.max,
    }
}

fn sample_stats_to_wire(s: &SampleStats) -> link::SampleStats {
    link::SampleStats {
        min: s.min,
        mean: s.mean,
        max: s.max,
    }
}

fn gpu_report_to_wire(r: &GpuReportResult) -> link::GpuReportResult {
    link::GpuReportResult {
        available: r.available,
        unavailable_reason: r.unavailable_reason.clone(),
        driver_version: r.driver_version.clone(),
        cuda_version: r.cuda_version.clone(),
        sample_window_ms: r.sample_window_ms,
        samples: r.samples,
        gpus: r
            .gpus
            .iter()
            .map(|g| link::GpuStats {
                index: g.index,
                name: g.name.clone(),
                uuid: g.uuid.clone(),
                utilization_gpu_percent: g.utilization_gpu_percent,
                utilization_memory_percent: g.utilization_memory_percent,
                memory_used_bytes: g.memory_used_bytes,
                memory_total_bytes: g.memory_total_bytes,
                temperature_celsius: g.temperature_celsius,
                power_draw_milliwatts: g.power_draw_milliwatts,
                power_limit_milliwatts: g.power_limit_milliwatts,
                pci_bus_id: g.pci_bus_id.clone(),
                temperature_slowdown_celsius: g.temperature_slowdown_celsius,
                clock_sm_mhz: g.clock_sm_mhz,
                clock_memory_mhz: g.clock_memory_mhz,
                fan_speed_percent: g.fan_speed_percent,
                ecc_enabled: g.ecc_enabled,
                ecc_errors_corrected: g.ecc_errors_corrected,
                ecc_errors_uncorrected: g.ecc_errors_uncorrected,
                throttle_reasons: g.throttle_reasons.as_ref().map(|reasons| {
                    link::ThrottleReasons {
                        reasons: reasons.clone(),
                    }
                }),
                mig_enabled: g.mig_enabled,
                utilization_gpu_sampled: g
                    .utilization_gpu_sampled
                    .as_ref()
                    .map(sample_stats_to_wire),
                memory_used_bytes_sampled: g
                    .memory_used_bytes_sampled
                    .as_ref()
                    .map(sample_stats_to_wire),
                temperature_celsius_sampled: g
                    .temperature_celsius_sampled
                    .as_ref()
                    .map(sample_stats_to_wire),
                power_draw_milliwatts_sampled: g
                    .power_draw_milliwatts_sampled
                    .as_ref()
                    .map(sample_stats_to_wire),
                processes: g
                    .processes
                    .iter()
                    .map(|p| link::GpuProcess {
                        pid: p.pid,
                        used_memory_bytes: p.used_memory_bytes,
                        container_id: p.container_id.clone(),
                        container_name: p.container_name.clone(),
                        container_image: p.container_image.clone(),
                        compose_service: p.compose_service.clone(),
                        owner: match p.owner {
                            ProcessOwner::Unknown => link::ProcessOwner::Unspecified,
                            ProcessOwner::Host => link::ProcessOwner::Host,
                            ProcessOwner::Container => link::ProcessOwner::Container,
                        } as i32,
                        kind: match p.kind {
                            GpuProcessKind::Compute => link::GpuProcessKind::Compute,
                            GpuProcessKind::Graphics => link::GpuProcessKind::Graphics,
                        } as i32,
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn service_map_from_wire(r: link::ServiceMapResult) -> ServiceMapResult {
    ServiceMapResult {
        hidden_containers: r.hidden_containers,
        hostname: host_name_from_wire(r.hostname),
        addresses: addresses_from_wire(&r.addresses),
        containers: r
            .containers
            .into_iter()
            .map(|c| ContainerInfo {
                id: c.id,
                name: c.name,
                image: c.image,
                state: c.state,
                health: c.health,
                restart_count: c.restart_count,
                compose_project: c.compose_project,
                compose_service: c.compose_service,
                networks: c.networks,
                ports: c
                    .ports
                    .into_iter()
                    .map(|p| PortMapping {
                        container_port: p.container_port,
                        protocol: p.protocol,
                        host_ip: p.host_ip,
                        host_port: p.host_port,
                    })
                    .collect(),
                aliases: c.aliases,
                hostname: c.hostname,
                links: c
                    .links
                    .into_iter()
                    .map(|l| ContainerLink {
                        target: l.target,
                        alias: l.alias,
                    })
                    .collect(),
                depends_on: c.depends_on,
                env_references: c
                    .env_references
                    .into_iter()
                    .map(|e| EnvReference {
                        variable: e.variable,
                        host: e.host,
                        port: e.port,
                        local_target: e.local_target,
                    })
                    .collect(),
            })
            .collect(),
        networks: r
            .networks
            .into_iter()
            .map(|n| NetworkInfo {
                id: n.id,
                name: n.name,
                driver: n.driver,
                subnets: n.subnets,
            })
            .collect(),
        edges: r
            .edges
            .into_iter()
            .map(|e| ServiceEdge {
                from: e.from,
                to: e.to,
                kind: match link::EdgeKind::try_from(e.kind) {
                    Ok(link::EdgeKind::Link) => EdgeKind::Link,
                    Ok(link::EdgeKind::DependsOn) => EdgeKind::DependsOn,
                    Ok(link::EdgeKind::Env) => EdgeKind::Env,
                    // Unknown kinds from a newer agent are shown as the weakest tie.
                    Ok(link::EdgeKind::Network | link::EdgeKind::Unspecified) | Err(_) => {
                        EdgeKind::Network
                    }
                },
                via: e.via,
                port: e.port,
            })
            .collect(),
    }
}

/// The most host addresses kept from one service map (the agent sends at most as many).
pub const MAX_HOST_ADDRESSES: usize = 64;

/// A reported host name, or none when it cannot be one (longer than DNS allows, or with
/// characters no host name has).
fn host_name_from_wire(name: String) -> String {
    let plausible = name.len() <= 253
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'));
    if plausible { name } else { String::new() }
}

/// The reported addresses that are IP addresses, written canonically, at most
/// [`MAX_HOST_ADDRESSES`].
fn addresses_from_wire(addresses: &[String]) -> Vec<String> {
    addresses
        .iter()
        .filter_map(|a| a.parse::<std::net::IpAddr>().ok())
        .map(|ip| ip.to_string())
        .take(MAX_HOST_ADDRESSES)
        .collect()
}

fn service_map_to_wire(r: &ServiceMapResult) -> link::ServiceMapResult {
    link::ServiceMapResult {
        hidden_containers: r.hidden_containers,
        hostname: r.hostname.clone(),
        addresses: r.addresses.clone(),
        containers: r
            .containers
            .iter()
            .map(|c| link::ContainerInfo {
                id: c.id.clone(),
                name: c.name.clone(),
                image: c.image.clone(),
                state: c.state.clone(),
                health: c.health.clone(),
                restart_count: c.restart_count,
                compose_project: c.compose_project.clone(),
                compose_service: c.compose_service.clone(),
                networks: c.networks.clone(),
                ports: c
                    .ports
                    .iter()
                    .map(|p| link::PortMapping {
                        container_port: p.container_port,
                        protocol: p.protocol.clone(),
                        host_ip: p.host_ip.clone(),
                        host_port: p.host_port,
                    })
                    .collect(),
                aliases: c.aliases.clone(),
                hostname: c.hostname.clone(),
                links: c
                    .links
                    .iter()
                    .map(|l| link::ContainerLink {
                        target: l.target.clone(),
                        alias: l.alias.clone(),
                    })
                    .collect(),
                depends_on: c.depends_on.clone(),
                env_references: c
                    .env_references
                    .iter()
                    .map(|e| link::EnvReference {
                        variable: e.variable.clone(),
                        host: e.host.clone(),
                        port: e.port,
                        local_target: e.local_target.clone(),
                    })
                    .collect(),
            })
            .collect(),
        networks: r
            .networks
            .iter()
            .map(|n| link::NetworkInfo {
                id: n.id.clone(),
                name: n.name.clone(),
                driver: n.driver.clone(),
                subnets: n.subnets.clone(),
            })
            .collect(),
        edges: r
            .edges
            .iter()
            .map(|e| link::ServiceEdge {
                from: e.from.clone(),
                to: e.to.clone(),
                kind: match e.kind {
                    EdgeKind::Network => link::EdgeKind::Network,
                    EdgeKind::Link => link::EdgeKind::Link,
                    EdgeKind::DependsOn => link::EdgeKind::DependsOn,
                    EdgeKind::Env => link::EdgeKind::Env,
                } as i32,
                via: e.via.clone(),
                port: e.port,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_task_is_named() {
        let err = task_specs_from_wire(vec![pb::TaskSpec::default()]).unwrap_err();
        assert_eq!(err.field, "tasks[0].task");
    }

    #[test]
    fn zero_parameters_take_defaults() {
        let spec = TaskSpec::try_from(pb::TaskSpec {
            task: Some(pb::task_spec::Task::LogTriage(pb::LogTriageTask::default())),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(spec, TaskSpec::LogTriage(LogTriageParams::default()));
    }

    #[test]
    fn limits_cross_the_wire_with_zero_as_unset_and_bad_ones_named() {
        let service_map = Some(pb::task_spec::Task::ServiceMap(pb::ServiceMapTask {}));
        let tasks = task_specs_from_wire(vec![
            pb::TaskSpec {
                task: service_map.clone(),
                max_attempts: 1,
                deadline_seconds: 0,
            },
            pb::TaskSpec {
                task: service_map.clone(),
                ..Default::default()
            },
        ])
        .unwrap();
        assert_eq!(tasks[0].limits.max_attempts, Some(1));
        assert_eq!(tasks[0].limits.deadline_seconds, None);
        assert_eq!(tasks[1].limits, JobLimits::default());
        let back = pb::TaskSpec::from(&tasks[0]);
        assert_eq!((back.max_attempts, back.deadline_seconds), (1, 0));
        // The agent's copy of a task carries no limits: its deadline comes with the assignment.
        assert_eq!(pb::TaskSpec::from(&tasks[0].spec).max_attempts, 0);

        let err = task_specs_from_wire(vec![
            pb::TaskSpec {
                task: service_map.clone(),
                ..Default::default()
            },
            pb::TaskSpec {
                task: service_map.clone(),
                deadline_seconds: JobLimits::MAX_DEADLINE_SECONDS + 1,
                ..Default::default()
            },
        ])
        .unwrap_err();
        assert_eq!(err.field, "tasks[1].deadline_seconds");
    }

    #[test]
    fn digests_stored_before_the_partial_fields_still_load() {
        let stored = r#"{"container_id":"c","name":"web","image":"i","lines":3,"error_lines":0,
            "warning_lines":0,"bytes_read":30,"templates":[],"distinct_templates":1}"#;
        let digest: ContainerLogDigest = serde_json::from_str(stored).unwrap();
        assert!(!digest.partial && !digest.distinct_templates_estimated);
        assert_eq!(digest.read_millis, 0);
    }

    #[test]
    fn results_survive_the_wire() {
        let result = TaskResult::LogTriage(LogTriageResult {
            skipped_containers: 2,
            containers: vec![ContainerLogDigest {
                name: "web".into(),
                lines: 10,
                templates: vec![TemplateCount {
                    template: "GET <*>".into(),
                    count: 7,
                    severity: Severity::Warn,
                    examples: vec!["GET /".into()],
                    first_seen_unix_ms: 1,
                    last_seen_unix_ms: 2,
                    novel: true,
                    burst: false,
                }],
                distinct_templates: 200_000,
                distinct_templates_estimated: true,
                partial: true,
                read_millis: 1234,
                first_line_unix_ms: 5,
                last_line_unix_ms: 6,
                tail_lines: 10,
                tail_reached: true,
                since_unix_seconds: 7,
                since_cut: true,
                condition: Some(ContainerCondition {
                    status: "restarting".into(),
                    restart_count: 4,
                    exit_code: Some(3),
                    oom_killed: true,
                    health: "unhealthy".into(),
                    health_failing_streak: 2,
                    health_output: "probe failed".into(),
                    health_exit_code: Some(1),
                    started_at_unix_ms: 8,
                    finished_at_unix_ms: 9,
                    restart_policy: "always".into(),
                    compose_project: "shop".into(),
                    compose_service: "api".into(),
                    last_lines_before_exit: vec!["fatal <*>".into()],
                    exits: vec![ContainerExit {
                        at_unix_ms: 9,
                        exit_code: Some(3),
                        oom_killed: false,
                        last_templates: vec!["starting <*>".into(), "fatal <*>".into()],
                    }],
                }),
                ..Default::default()
            }],
        });
        let back = TaskResult::try_from(link::TaskResult::from(&result)).unwrap();
        assert_eq!(back, result);
    }

    #[test]
    fn an_agent_sending_too_many_exits_or_lines_is_cut_to_the_bounds() {
        let many_lines: Vec<String> = (0..50).map(|i| format!("line {i}")).collect();
        let exit = |at| link::ContainerExit {
            at_unix_ms: at,
            exit_code: Some(1),
            oom_killed: false,
            last_lines: many_lines.clone(),
        };
        let mut exits: Vec<link::ContainerExit> = (0..40).map(exit).collect();
        exits[39].last_lines.push("x".repeat(10_000));
        exits.reverse();
        let wire = link::TaskResult {
            result: Some(link::task_result::Result::LogTriage(
                link::LogTriageResult {
                    containers: vec![link::ContainerLogDigest {
                        name: "crashy".into(),
                        condition: Some(link::ContainerCondition {
                            last_lines_before_exit: many_lines.clone(),
                            exits,
                            ..Default::default()
                        }),
                        ..Default::default()
                    }],
                    ..Default::default()
                },
            )),
        };
        let TaskResult::LogTriage(result) = TaskResult::try_from(wire).unwrap() else {
            panic!("a log triage result");
        };
        let condition = result.containers[0].condition.clone().unwrap();
        let at: Vec<i64> = condition.exits.iter().map(|e| e.at_unix_ms).collect();
        assert_eq!(at, [35, 36, 37, 38, 39], "the most recent, oldest first");
        for exit in &condition.exits {
            assert_eq!(exit.last_templates.len(), ContainerExit::MAX_LINES);
        }
        let last = &condition.exits[4].last_templates;
        assert_eq!(last[3], "line 49");
        assert_eq!(last[4].chars().count(), ContainerExit::MAX_TEMPLATE_CHARS);
        assert_eq!(
            condition.last_lines_before_exit.len(),
            ContainerCondition::MAX_LAST_LINES
        );
    }

    #[test]
    fn gpu_reports_survive_the_wire_with_unsupported_fields_kept_apart() {
        let sampled = SampleStats {
            min: 1.0,
            mean: 2.5,
            max: 4.0,
        };
        let result = TaskResult::GpuReport(GpuReportResult {
            available: true,
            sample_window_ms: 250,
            samples: 3,
            gpus: vec![
                GpuStats {
                    pci_bus_id: Some("00000000:3B:00.0".into()),
                    throttle_reasons: Some(vec!["sw_power_cap".into()]),
                    ecc_enabled: Some(false),
                    utilization_gpu_sampled: Some(sampled),
                    processes: vec![GpuProcess {
                        pid: 7,
                        container_id: "0123456789ab".into(),
                        compose_service: "trainer".into(),
                        owner: ProcessOwner::Container,
                        kind: GpuProcessKind::Graphics,
                        ..Default::default()
                    }],
                    ..Default::default()
                },
                // Supported but empty differs from not supported.
                GpuStats {
                    index: 1,
                    throttle_reasons: Some(Vec::new()),
                    ..Default::default()
                },
            ],
            ..Default::default()
        });
        let back = TaskResult::try_from(link::TaskResult::from(&result)).unwrap();
        assert_eq!(back, result);
    }

    #[test]
    fn reported_host_names_and_addresses_are_checked() {
        let wire = link::ServiceMapResult {
            hostname: "evil|name\n# heading".into(),
            addresses: vec!["not-an-ip".into(), "2001:DB8::7".into(), "192.0.2.7".into()],
            ..Default::default()
        };
        let map = service_map_from_wire(wire);
        assert_eq!(map.hostname, "");
        assert_eq!(map.addresses, ["2001:db8::7", "192.0.2.7"]);
        let many = link::ServiceMapResult {
            hostname: "node-7.lab".into(),
            addresses: (0..100).map(|i| format!("10.0.0.{i}")).collect(),
            ..Default::default()
        };
        let map = service_map_from_wire(many);
        assert_eq!(map.hostname, "node-7.lab");
        assert_eq!(map.addresses.len(), MAX_HOST_ADDRESSES);
    }

    #[test]
    fn service_maps_survive_the_wire() {
        let result = TaskResult::ServiceMap(ServiceMapResult {
            containers: vec![ContainerInfo {
                name: "api".into(),
                aliases: vec!["backend".into()],
                hostname: "api-host".into(),
                links: vec![ContainerLink {
                    target: "db".into(),
                    alias: "database".into(),
                }],
                depends_on: vec!["db".into()],
                env_references: vec![EnvReference {
                    variable: "DATABASE_URL".into(),
                    host: "db".into(),
                    port: Some(5432),
                    local_target: "db".into(),
                }],
                ..Default::default()
            }],
            edges: vec![ServiceEdge {
                from: "api".into(),
                to: "db".into(),
                kind: EdgeKind::Env,
                via: "DATABASE_URL".into(),
                port: Some(5432),
            }],
            hostname: "node-7.lab".into(),
            addresses: vec!["192.0.2.7".into(), "2001:db8::7".into()],
            ..Default::default()
        });
        let back = TaskResult::try_from(link::TaskResult::from(&result)).unwrap();
        assert_eq!(back, result);
    }

    #[test]
    fn gpu_window_zero_means_the_default() {
        let spec = TaskSpec::try_from(pb::TaskSpec {
            task: Some(pb::task_spec::Task::GpuReport(pb::GpuReportTask::default())),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(spec, TaskSpec::GpuReport(GpuReportParams::default()));
        let too_long = pb::TaskSpec {
            task: Some(pb::task_spec::Task::GpuReport(pb::GpuReportTask {
                sample_window_ms: GpuReportParams::MAX_SAMPLE_WINDOW_MS + 1,
            })),
            ..Default::default()
        };
        let err = task_specs_from_wire(vec![too_long]).unwrap_err();
        assert_eq!(err.field, "tasks[0].gpu_report.sample_window_ms");
    }

    #[test]
    fn unknown_allow_rules_are_dropped_not_widened() {
        let rules = vec![
            link::AllowRule {
                kind: 99,
                pattern: "*".into(),
            },
            link::AllowRule {
                kind: pb::MatchKind::Name as i32,
                pattern: "web".into(),
            },
        ];
        let allowlist = allowlist_from_wire(&rules);
        assert_eq!(allowlist.rules.len(), 1);
        assert!(!allowlist.permits("db", "x"));
    }
}
