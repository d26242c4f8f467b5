//! A finished run's report, as JSON (for programs) and Markdown (for people), built from the final
//! snapshot of the run and its jobs' results. Pure: no IO here.
//!
//! Below the report live the parts it is built from: the fleet's service graph, the GPU fleet
//! summary, and the triage section (the LLM's findings or the deterministic summary). Every text in
//! it that an agent, a container or an LLM wrote is escaped before it reaches the Markdown.

pub mod attention;
pub mod controls;
pub mod exits;
pub mod gpu_fleet;
pub mod service_graph;
pub mod triage;

use chrono::{DateTime, Utc};
use cyberbrain_tasks::{
    CommandResult, ContainerCondition, ContainerInfo, ContainerLogDigest, GpuReportResult,
    NetworkInfo, SampleStats, ServiceEdge, ServiceMapResult, TaskResult,
};
use serde::Serialize;
use std::fmt::Write as _;

use crate::attention::{Attention, ContainerIncident, Overview, anchor};
use crate::gpu_fleet::GpuFleet;
use crate::service_graph::FleetGraph;
use crate::triage::{TemplateRef, TriageSection, WrittenBy};
use cyberbrain_model::baseline::{Baseline, BaselineUpdate};
use cyberbrain_model::runs::{JobStatus, RunWithJobs};

/// The report's JSON document.
#[derive(Debug, Serialize)]
pub struct Report {
    /// What needs attention, critical first; each item's `ref` is the id of its section.
    pub attention: Vec<Attention>,
    /// Hosts and jobs by status.
    pub overview: Overview,
    /// What the templates' `novel` and `burst` were judged against.
    pub baseline: BaselineInfo,
    /// Run id.
    pub run_id: String,
    /// Final status (the current one in a partial report).
    pub status: String,
    /// The run has not ended: this is the report so far, and `pending_jobs` lists what it waits
    /// for. The final report replaces it.
    pub partial: bool,
    /// Directive launched, if any.
    pub directive: Option<String>,
    /// Its version.
    pub directive_version: Option<u32>,
    /// The client's free-text note about who launched it, as given (unverified).
    pub launched_by: String,
    /// The API token that launched it, as the controller verified it.
    pub launched_by_token: Option<String>,
    /// That token's role at launch.
    pub launched_by_role: Option<String>,
    /// Target, in short form.
    pub target: String,
    /// Launch time.
    pub created_at: DateTime<Utc>,
    /// End time.
    pub finished_at: Option<DateTime<Utc>>,
    /// Every job, by agent.
    pub jobs: Vec<JobLine>,
    /// Jobs that have not ended (a partial report's only).
    pub pending_jobs: Vec<JobLine>,
    /// Jobs that no agent took within the queue timeout, with the reason.
    pub unreachable_jobs: Vec<JobLine>,
    /// `service_map` results by agent.
    pub service_map: Vec<HostServiceMap>,
    /// The hosts' service maps joined into one graph (nodes, edges, Mermaid and DOT).
    pub service_graph: FleetGraph,
    /// `gpu_report` results by agent.
    pub gpu: Vec<HostGpu>,
    /// The fleet's GPUs at a glance: top consumers, idle, hot, throttling, memory nearly full.
    pub gpu_fleet: GpuFleet,
    /// `log_triage` results by agent.
    pub log_triage: Vec<HostLogTriage>,
    /// Containers in trouble (restarting, OOM-killed, unhealthy, exited non-zero), ids `c1`, ….
    pub incidents: Vec<ContainerIncident>,
    /// Every template of the log digests, ids `t1`, `t2`, … by severity then count.
    pub templates: Vec<TemplateRef>,
    /// `command` results by agent: how each ended and its output.
    pub commands: Vec<HostCommand>,
    /// The triage of the log digests: an LLM's findings or the deterministic summary.
    pub triage: TriageSection,
}

/// The baseline a report's templates were compared with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BaselineInfo {
    /// `compared`, `none_yet` (the scope's first run with log digests) or `not_compared` (a
    /// partial report).
    pub status: BaselineStatus,
    /// `directive:<name>` or `target:<target>`, when compared.
    pub scope: Option<String>,
    /// Earlier runs that fed it.
    pub runs: u32,
    /// This run's templates could not be merged into the baseline (it stays as it was).
    pub update_failed: bool,
}

/// See [`BaselineInfo::status`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BaselineStatus {
    /// Compared with earlier runs.
    Compared,
    /// No earlier run: nothing is flagged new.
    NoneYet,
    /// Not compared (the report so far of a running run).
    NotCompared,
    /// The baseline could not be read: "new" cannot be judged, and nothing is flagged new.
    Unavailable,
}

/// One job's outcome.
#[derive(Debug, Serialize)]
pub struct JobLine {
    /// Agent name.
    pub agent: String,
    /// Task type.
    pub task_type: String,
    /// Final status.
    pub status: String,
    /// Attempts made.
    pub attempt: u32,
    /// Error, for failed jobs.
    pub error: Option<String>,
}

/// One host's containers and networks.
#[derive(Debug, Serialize)]
pub struct HostServiceMap {
    /// Agent name.
    pub agent: String,
    /// The host's name, as the agent reports it.
    pub hostname: String,
    /// The host's own addresses, as the agent reports them.
    pub addresses: Vec<String>,
    /// Allowlisted containers.
    pub containers: Vec<ContainerInfo>,
    /// Networks.
    pub networks: Vec<NetworkInfo>,
    /// Containers outside the allowlist (counted only).
    pub hidden_containers: u32,
    /// Edges among the allowlisted containers.
    pub edges: Vec<ServiceEdge>,
}

/// One host's GPUs.
#[derive(Debug, Serialize)]
pub struct HostGpu {
    /// Agent name.
    pub agent: String,
    /// What NVML said.
    #[serde(flatten)]
    pub report: GpuReportResult,
}

/// One host's run of a command.
#[derive(Debug, Serialize)]
pub struct HostCommand {
    /// Agent name.
    pub agent: String,
    /// How it ended and what it printed (redacted on the agent).
    #[serde(flatten)]
    pub result: CommandResult,
}

/// One host's log digests.
#[derive(Debug, Serialize)]
pub struct HostLogTriage {
    /// Agent name.
    pub agent: String,
    /// Per container.
    pub containers: Vec<ContainerLogDigest>,
    /// Containers the allowlist kept from being read.
    pub skipped_containers: u32,
}

/// Builds the report of a finished run as (Markdown, JSON).
pub fn render(snapshot: &RunWithJobs) -> Result<(String, serde_json::Value), serde_json::Error> {
    render_report(&build(snapshot))
}

/// Renders a built report as (Markdown, JSON).
pub fn render_report(report: &Report) -> Result<(String, serde_json::Value), serde_json::Error> {
    let json = serde_json::to_value(report)?;
    Ok((markdown(report), json))
}

/// Builds the report's document, without a baseline (the report so far of a running run).
pub fn build(snapshot: &RunWithJobs) -> Report {
    build_with_baseline(snapshot, None)
}

/// Builds a finished run's document from what its finish could do with the baseline: judged
/// against it when it was read, `unavailable` when it could not be, and `update_failed` when this
/// run's templates could not be merged into it.
pub fn build_finished(snapshot: &RunWithJobs, baseline: &BaselineUpdate) -> Report {
    let mut report = build_with_baseline(snapshot, baseline.before.as_ref());
    if baseline.before.is_none() {
        report.baseline.status = BaselineStatus::Unavailable;
        report.baseline.scope = Some(baseline.scope.clone());
    }
    report.baseline.update_failed = baseline.update_failed;
    report
}

/// Builds the report's document, judging new templates and bursts against `baseline` (the run's
/// scope's, as it was before this run).
pub fn build_with_baseline(snapshot: &RunWithJobs, baseline: Option<&Baseline>) -> Report {
    let run = &snapshot.run;
    let mut report = Report {
        attention: Vec::new(),
        overview: Overview::default(),
        baseline: BaselineInfo {
            status: match baseline {
                None => BaselineStatus::NotCompared,
                Some(b) if b.runs == 0 => BaselineStatus::NoneYet,
                Some(_) => BaselineStatus::Compared,
            },
            scope: baseline.map(|b| b.scope.clone()),
            runs: baseline.map_or(0, |b| b.runs),
            update_failed: false,
        },
        run_id: run.id.to_string(),
        status: run.status.as_str().to_string(),
        partial: !run.status.is_terminal(),
        directive: run.directive_name.clone(),
        directive_version: run.directive_version,
        launched_by: run.launched_by.clone(),
        launched_by_token: run.launched_by_token.as_ref().map(|t| t.name.clone()),
        launched_by_role: run.launched_by_token.as_ref().map(|t| t.role.clone()),
        target: run.target.describe(),
        created_at: run.created_at,
        finished_at: run.finished_at,
        jobs: Vec::new(),
        pending_jobs: Vec::new(),
        unreachable_jobs: Vec::new(),
        service_map: Vec::new(),
        service_graph: FleetGraph::default(),
        gpu: Vec::new(),
        gpu_fleet: GpuFleet::default(),
        log_triage: Vec::new(),
        incidents: Vec::new(),
        templates: Vec::new(),
        commands: Vec::new(),
        triage: triage::deterministic(&[], triage::notes::NO_LLM),
    };
    for job in &snapshot.jobs {
        let line = || JobLine {
            agent: job.agent_name.clone(),
            task_type: job.task_type().as_str().to_string(),
            status: job.status.as_str().to_string(),
            attempt: job.attempt,
            error: job.error.clone(),
        };
        report.jobs.push(line());
        if !job.status.is_terminal() {
            report.pending_jobs.push(line());
        }
        if job.status == JobStatus::Unreachable {
            report.unreachable_jobs.push(line());
        }
        if job.status != JobStatus::Succeeded {
            continue;
        }
        let agent = job.agent_name.clone();
        match &job.result {
            Some(TaskResult::ServiceMap(r)) => report.service_map.push(HostServiceMap {
                agent,
                hostname: r.hostname.clone(),
                addresses: r.addresses.clone(),
                containers: r.containers.clone(),
                networks: r.networks.clone(),
                hidden_containers: r.hidden_containers,
                edges: r.edges.clone(),
            }),
            Some(TaskResult::GpuReport(r)) => report.gpu.push(HostGpu {
                agent,
                report: r.clone(),
            }),
            Some(TaskResult::LogTriage(r)) => report.log_triage.push(HostLogTriage {
                agent,
                containers: r
                    .containers
                    .iter()
                    .cloned()
                    .map(exits::bounded_digest)
                    .collect(),
                skipped_containers: r.skipped_containers,
            }),
            Some(TaskResult::Command(r) | TaskResult::Container(r)) => {
                report.commands.push(HostCommand {
                    agent,
                    result: r.clone(),
                })
            }
            None => {}
        }
    }
    let maps: Vec<(&str, &ServiceMapResult)> = snapshot
        .jobs
        .iter()
        .filter(|job| job.status == JobStatus::Succeeded)
        .filter_map(|job| match &job.result {
            Some(TaskResult::ServiceMap(map)) => Some((job.agent_name.as_str(), map)),
            _ => None,
        })
        .collect();
    report.service_graph = service_graph::merge(maps);
    report.templates = triage::catalogue(&report.log_triage, baseline);
    report.triage = triage::deterministic(&report.templates, triage::notes::NO_LLM);
    report.gpu_fleet = gpu_fleet::summarize(
        report
            .gpu
            .iter()
            .map(|host| (host.agent.as_str(), &host.report)),
    );
    report.incidents = incidents(&report);
    link_gpu_consumers_to_logs(&mut report);
    report.overview = attention::overview(&report.jobs);
    report.attention = attention::collect(&report);
    report
}

/// The id of a container's log section: `l<n>`, the digests numbered from 1 across hosts in
/// report order; `None` when no digest covers the container.
pub fn log_ref(report: &Report, agent: &str, container_id: &str) -> Option<String> {
    if container_id.is_empty() {
        return None;
    }
    report
        .log_triage
        .iter()
        .flat_map(|host| host.containers.iter().map(move |c| (host, c)))
        .position(|(host, c)| host.agent == agent && c.container_id == container_id)
        .map(attention::log_section_ref)
}

/// Gives each GPU consumer that is a container with a log section its `log_ref`.
fn link_gpu_consumers_to_logs(report: &mut Report) {
    let mut consumers = std::mem::take(&mut report.gpu_fleet.consumers);
    for gpu in &mut consumers {
        for consumer in &mut gpu.top {
            consumer.log_ref = log_ref(report, &gpu.agent, &consumer.container_id);
        }
    }
    report.gpu_fleet.consumers = consumers;
}

/// The containers in trouble: from the digests' Docker inspect first, then from the service
/// maps for containers no digest covers.
fn incidents(report: &Report) -> Vec<ContainerIncident> {
    let mut out: Vec<ContainerIncident> = Vec::new();
    let mut push = |agent: &str, container: &str, image: &str, condition: ContainerCondition| {
        let reasons = ContainerIncident::reasons_of(&condition);
        if reasons.is_empty() {
            return;
        }
        let id = format!("c{}", out.len() + 1);
        out.push(ContainerIncident {
            id,
            agent: agent.to_string(),
            container: container.to_string(),
            image: image.to_string(),
            reasons,
            condition,
        });
    };
    for host in &report.log_triage {
        for c in &host.containers {
            if let Some(condition) = &c.condition {
                push(&host.agent, &c.name, &c.image, condition.clone());
            }
        }
    }
    let digested = |agent: &str, name: &str| {
        report.log_triage.iter().any(|h| {
            h.agent == agent
                && h.containers
                    .iter()
                    .any(|c| c.name == name && c.condition.is_some())
        })
    };
    for host in &report.service_map {
        for c in &host.containers {
            if digested(&host.agent, &c.name) {
                continue;
            }
            let condition = ContainerCondition {
                status: c.state.clone(),
                restart_count: c.restart_count,
                health: c.health.clone(),
                compose_project: c.compose_project.clone(),
                compose_service: c.compose_service.clone(),
                ..Default::default()
            };
            push(&host.agent, &c.name, &c.image, condition);
        }
    }
    out
}

/// The incident id of a container, if it is in trouble.
fn incident_of<'a>(
    report: &'a Report,
    agent: &str,
    container: &str,
) -> Option<&'a ContainerIncident> {
    report
        .incidents
        .iter()
        .find(|i| i.agent == agent && i.container == container)
}

/// Renders the report for people.
pub fn markdown(report: &Report) -> String {
    let mut md = String::new();
    let title = report
        .directive
        .as_ref()
        .map(|d| format!("{d} v{}", report.directive_version.unwrap_or(0)))
        .unwrap_or_else(|| "ad-hoc run".to_string());
    let _ = writeln!(md, "# Run report: {}\n", cell(&title));
    if report.partial {
        let _ = writeln!(
            md,
            "> **Partial report**: the run is {}; {} of {} jobs have not ended (listed below). \
             The final report replaces this one when the run ends.\n",
            report.status,
            report.pending_jobs.len(),
            report.jobs.len()
        );
    }
    attention_section(&mut md, report);
    let _ = writeln!(md, "- **Run**: `{}`", report.run_id);
    let _ = writeln!(md, "- **Status**: {}", report.status);
    let _ = writeln!(md, "- **Target**: {}", cell(&report.target));
    if let Some(token) = &report.launched_by_token {
        let role = report.launched_by_role.as_deref().unwrap_or("unknown role");
        let _ = writeln!(
            md,
            "- **Launched by**: token {} ({})",
            code_cell(token),
            cell(role)
        );
    }
    if !report.launched_by.is_empty() {
        let _ = writeln!(
            md,
            "- **Launch note** (from the client, unverified): {}",
            cell(&report.launched_by)
        );
    }
    let _ = writeln!(md, "- **Launched**: {}", report.created_at.to_rfc3339());
    if let Some(f) = report.finished_at {
        let _ = writeln!(md, "- **Finished**: {}", f.to_rfc3339());
    }

    let _ = writeln!(
        md,
        "\n## Jobs\n\n| agent | task | status | attempt | error |\n|---|---|---|---|---|"
    );
    for (i, j) in report.jobs.iter().enumerate() {
        let id = attention::job_ref(i);
        let mark = if report.attention.iter().any(|a| a.reference == id) {
            anchor(&id)
        } else {
            String::new()
        };
        // A GPU report without NVML succeeded as a job, but says nothing of the GPUs: the row
        // says so rather than a bare "succeeded".
        let no_nvml = j.task_type == "gpu_report"
            && report
                .gpu
                .iter()
                .any(|g| g.agent == j.agent && !g.report.available);
        let status = if no_nvml {
            format!("{} (NVML unavailable)", j.status)
        } else {
            j.status.clone()
        };
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {mark}{} |",
            cell(&j.agent),
            j.task_type,
            status,
            j.attempt,
            cell(j.error.as_deref().unwrap_or(""))
        );
    }

    job_list(
        &mut md,
        "Pending jobs",
        "These jobs have not ended yet.",
        &report.pending_jobs,
    );
    job_list(
        &mut md,
        "Unreachable",
        "No agent took these jobs within the run's queue timeout.",
        &report.unreachable_jobs,
    );

    if !report.log_triage.is_empty() {
        triage_section(&mut md, &report.triage);
    }

    if !report.service_map.is_empty() {
        let _ = writeln!(md, "\n## Service map");
        if !report.service_graph.nodes.is_empty() {
            let _ = writeln!(md, "\n```mermaid\n{}```", report.service_graph.mermaid);
        }
        for host in &report.service_map {
            let _ = writeln!(md, "\n### {}\n", cell(&host.agent));
            let known_as: Vec<&str> = std::iter::once(host.hostname.as_str())
                .chain(host.addresses.iter().map(String::as_str))
                .filter(|name| !name.is_empty())
                .collect();
            if !known_as.is_empty() {
                let _ = writeln!(md, "Host: {}\n", cell(&known_as.join(", ")));
            }
            let _ = writeln!(
                md,
                "| container | image | state | health | restarts | compose | networks | ports |\n|---|---|---|---|---|---|---|---|"
            );
            for c in &host.containers {
                let compose = if c.compose_project.is_empty() {
                    String::new()
                } else {
                    format!("{}/{}", c.compose_project, c.compose_service)
                };
                let ports: Vec<String> = c
                    .ports
                    .iter()
                    .map(|p| {
                        if p.host_port > 0 {
                            format!(
                                "{}:{}->{}/{}",
                                p.host_ip, p.host_port, p.container_port, p.protocol
                            )
                        } else {
                            format!("{}/{}", p.container_port, p.protocol)
                        }
                    })
                    .collect();
                // Containers in trouble that no digest covers have their anchor here.
                let mark = incident_of(report, &host.agent, &c.name)
                    .filter(|_| !has_digest(report, &host.agent, &c.name))
                    .map(|i| anchor(&i.id))
                    .unwrap_or_default();
                let _ = writeln!(
                    md,
                    "| {mark}{} | {} | {} | {} | {} | {} | {} | {} |",
                    cell(&c.name),
                    cell(&c.image),
                    cell(&c.state),
                    cell(&c.health),
                    c.restart_count,
                    cell(&compose),
                    cell(&c.networks.join(", ")),
                    cell(&ports.join(", "))
                );
            }
            if !host.edges.is_empty() {
                let _ = writeln!(md, "\n| from | to | why | via |\n|---|---|---|---|");
                for e in &host.edges {
                    let via = match e.port {
                        Some(port) => format!("{} :{port}", e.via),
                        None => e.via.clone(),
                    };
                    let _ = writeln!(
                        md,
                        "| {} | {} | {} | {} |",
                        cell(&e.from),
                        cell(&e.to),
                        e.kind.as_str(),
                        cell(&via)
                    );
                }
            }
            if host.hidden_containers > 0 {
                let _ = writeln!(
                    md,
                    "\n{} container(s) outside the allowlist are not shown.",
                    host.hidden_containers
                );
            }
        }
    }

    if !report.gpu.is_empty() {
        fleet_gpu_section(&mut md, report);
        let _ = writeln!(md, "\n## GPUs");
        for (h, host) in report.gpu.iter().enumerate() {
            let _ = writeln!(
                md,
                "\n### {}{}\n",
                anchor(&attention::gpu_host_ref(h)),
                cell(&host.agent)
            );
            let r = &host.report;
            if !r.available {
                let _ = writeln!(
                    md,
                    "**NVML unavailable on {}**: {}. The job ran, but this host reported no GPU figures.",
                    cell(&host.agent),
                    cell(&r.unavailable_reason)
                );
                continue;
            }
            let _ = writeln!(
                md,
                "Driver {}, CUDA {}\n",
                cell(&r.driver_version),
                cell(&r.cuda_version)
            );
            gpu_tables(&mut md, r);
        }
    }

    if !report.log_triage.is_empty() {
        let mut log_sections = 0;
        let _ = writeln!(md, "\n## {}Log triage", anchor(attention::LOG_TRIAGE_REF));
        for host in &report.log_triage {
            let _ = writeln!(md, "\n### {}\n", cell(&host.agent));
            if host.containers.is_empty() {
                let _ = writeln!(md, "No allowlisted containers.");
            }
            for c in &host.containers {
                let log_id = attention::log_section_ref(log_sections);
                log_sections += 1;
                container_digest(&mut md, report, &host.agent, c, &log_id);
            }
            if host.skipped_containers > 0 {
                let _ = writeln!(
                    md,
                    "\n{} container(s) outside the allowlist were not read.",
                    host.skipped_containers
                );
            }
        }
    }
    if !report.commands.is_empty() {
        command_section(&mut md, &report.commands);
    }
    // The last step, whatever wrote the text above: no control character reaches the document.
    controls::neutralise(&md).into_owned()
}

/// The top of the report: the run at a glance, then what needs attention, each line a link to
/// its section.
fn attention_section(md: &mut String, report: &Report) {
    let o = &report.overview;
    let jobs: Vec<String> = o
        .jobs_by_status
        .iter()
        .map(|(status, n)| format!("{n} {status}"))
        .collect();
    let _ = writeln!(
        md,
        "**At a glance**: {}, {} with a failed or unreachable job; {}: {}.",
        count(o.hosts, "host"),
        o.hosts_with_problems,
        count(report.jobs.len() as u64, "job"),
        if jobs.is_empty() {
            "none".to_string()
        } else {
            jobs.join(", ")
        }
    );
    if !report.log_triage.is_empty() {
        let scope = report.baseline.scope.as_deref().unwrap_or("");
        let _ = match report.baseline.status {
            BaselineStatus::Compared => writeln!(
                md,
                "\n**Baseline**: new and bursting templates are judged against {} of {}.",
                count(report.baseline.runs, "earlier run"),
                cell(scope)
            ),
            BaselineStatus::NoneYet => writeln!(
                md,
                "\n**Baseline**: no baseline yet: this is the first run of {} with log digests, so \
                 no template is flagged new; the next runs compare with this one.",
                cell(scope)
            ),
            BaselineStatus::NotCompared => writeln!(
                md,
                "\n**Baseline**: not compared yet (the run has not ended)."
            ),
            BaselineStatus::Unavailable => writeln!(
                md,
                "\n**Baseline**: unavailable: the baseline of {} could not be read, so \"new\" \
                 can't be judged: no template is flagged new, and bursts are the agents' own.",
                cell(scope)
            ),
        };
        if report.baseline.update_failed {
            let _ = writeln!(
                md,
                "\n**Baseline not updated**: this run's templates could not be added to the \
                 baseline; the next run compares with it as it was."
            );
        }
    }
    let _ = writeln!(md, "\n## Needs attention\n");
    if report.attention.is_empty() {
        let _ = writeln!(md, "Nothing needs attention.\n");
        return;
    }
    for a in &report.attention {
        let severity = match a.severity {
            attention::AttentionSeverity::Critical => "**critical**",
            attention::AttentionSeverity::Warning => "warning",
        };
        let _ = writeln!(md, "- {severity}: [{}](#{})", cell(&a.text), a.reference);
    }
    let _ = writeln!(md);
}

/// Whether some digest covers this container.
fn has_digest(report: &Report, agent: &str, container: &str) -> bool {
    report
        .log_triage
        .iter()
        .any(|h| h.agent == agent && h.containers.iter().any(|c| c.name == container))
}

/// One container's part of the log triage: its incident, what was read, its templates (ids,
/// first and last seen) and an example of each error template.
fn container_digest(
    md: &mut String,
    report: &Report,
    agent: &str,
    c: &ContainerLogDigest,
    log_id: &str,
) {
    let incident = incident_of(report, agent, &c.name);
    let mark = incident.map(|i| anchor(&i.id)).unwrap_or_default();
    let _ = writeln!(
        md,
        "\n#### {}{mark}{} ({})\n\n{}\n",
        anchor(log_id),
        cell(&c.name),
        cell(&c.image),
        digest_counts(c)
    );
    if let Some(i) = incident {
        let _ = writeln!(
            md,
            "**In trouble**: {}.\n",
            cell(&triage::clean(&i.describe(), 600))
        );
        if !i.condition.exits.is_empty() {
            exits::markdown(md, report, agent, &c.name, &i.condition.exits);
        } else if !i.condition.last_lines_before_exit.is_empty() {
            let _ = writeln!(
                md,
                "Last lines before the last exit (templates, oldest first):\n"
            );
            for line in &i.condition.last_lines_before_exit {
                let _ = writeln!(md, "1. {}", code_cell(line));
            }
            let _ = writeln!(md);
        }
    }
    let _ = writeln!(md, "{}\n", read_coverage(c));
    let templates: Vec<&TemplateRef> = report
        .templates
        .iter()
        .filter(|t| t.agent == agent && t.container == c.name)
        .collect();
    if templates.is_empty() {
        return;
    }
    let _ = writeln!(
        md,
        "| id | count | severity | first seen | last seen | message |\n|---|---|---|---|---|---|"
    );
    for t in &templates {
        let mut flags = String::new();
        if t.novel {
            flags.push_str(" (new)");
        }
        if t.burst {
            flags.push_str(" (burst)");
        }
        let _ = writeln!(
            md,
            "| {}{}{flags} | {} | {} | {} | {} | {} |",
            anchor(&t.id),
            t.id,
            t.count,
            t.severity.as_str(),
            attention::time(t.first_seen_unix_ms).unwrap_or_default(),
            attention::time(t.last_seen_unix_ms).unwrap_or_default(),
            template_cell(t)
        );
    }
    let examples: Vec<String> = templates
        .iter()
        .filter(|t| t.severity.rank() <= cyberbrain_tasks::Severity::Error.rank())
        .filter_map(|t| {
            t.example
                .as_ref()
                .map(|e| format!("- {}: {}", t.id, code_cell(e)))
        })
        .collect();
    if !examples.is_empty() {
        let _ = writeln!(md, "\nExamples (redacted):\n\n{}", examples.join("\n"));
    }
}

/// What a container's reading covered: the time range, the limits, and whether one of them cut it
/// short.
fn read_coverage(c: &ContainerLogDigest) -> String {
    let mut text = format!("Read: {}", count(c.lines, "line"));
    if let (Some(first), Some(last)) = (
        attention::time(c.first_line_unix_ms),
        attention::time(c.last_line_unix_ms),
    ) {
        let _ = write!(text, " from {first} to {last}");
    }
    let mut limits = Vec::new();
    if c.tail_lines > 0 {
        limits.push(format!("tail {}", c.tail_lines));
    }
    if let Some(since) = i64::try_from(c.since_unix_seconds)
        .ok()
        .and_then(|s| attention::time(s.saturating_mul(1000)))
    {
        limits.push(format!("since {since}"));
    }
    if !limits.is_empty() {
        let _ = write!(text, " ({})", limits.join(", "));
    }
    text.push('.');
    if c.limited() {
        let mut why = Vec::new();
        if c.tail_reached {
            why.push("the tail limit was reached");
        }
        if c.since_cut {
            why.push("the container is older than the since limit");
        }
        if c.partial {
            why.push("the deadline came first");
        }
        let _ = write!(
            text,
            " **The limit was hit: the counts are a lower bound** ({}).",
            why.join(", ")
        );
    }
    text
}

/// Each host's command outcome and output, under a heading whose anchor is `cmd-<n>`. The output is the host's text: in a fenced block
/// longer than any backtick run in it, so nothing in it is Markdown or HTML or ends the block.
fn command_section(md: &mut String, commands: &[HostCommand]) {
    let _ = writeln!(md, "\n## Commands");
    for (i, host) in commands.iter().enumerate() {
        let r = &host.result;
        let _ = writeln!(
            md,
            "\n### {}{}\n\n`{}`: {}, {} ms, {} byte(s) of output{}\n",
            anchor(&attention::command_ref(i)),
            cell(&host.agent),
            cell(&r.name).replace('`', ""),
            r.outcome(),
            r.duration_ms,
            r.output_bytes,
            if r.truncated {
                " (truncated: head and tail kept)"
            } else {
                ""
            }
        );
        if r.output.is_empty() {
            let _ = writeln!(md, "No output.");
            continue;
        }
        let fence = "`".repeat(longest_backtick_run(&r.output).max(2) + 1);
        let newline = if r.output.ends_with('\n') { "" } else { "\n" };
        let _ = writeln!(md, "{fence}text\n{}{newline}{fence}", r.output);
    }
}

fn longest_backtick_run(text: &str) -> usize {
    let (mut longest, mut run) = (0, 0);
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// The counts under a container's heading in the log triage section: lines, errors, warnings,
/// distinct messages (an estimate past the miner's template cap), and whether the task's deadline
/// cut the reading short.
fn digest_counts(c: &ContainerLogDigest) -> String {
    let distinct = if c.distinct_templates_estimated {
        format!(
            "about {} (estimated: more than the miner keeps at once)",
            count(c.distinct_templates, "distinct message")
        )
    } else {
        count(c.distinct_templates, "distinct message")
    };
    let mut text = format!(
        "{}, {}, {}, {distinct}",
        count(c.lines, "line"),
        count(c.error_lines, "error"),
        count(c.warning_lines, "warning")
    );
    if c.partial {
        let _ = write!(
            text,
            "\n\n**partial: {} lines read in {:.1}s**: the task's deadline came before the end of \
             the logs, so the counts are a lower bound.",
            c.lines,
            c.read_millis as f64 / 1000.0
        );
    }
    text
}

/// The fleet GPU section: who uses which GPU, and the GPUs that need a look.
fn triage_section(md: &mut String, t: &TriageSection) {
    let _ = writeln!(md, "\n## Triage\n");
    let _ = writeln!(md, "*{}.*", cell(&t.note));
    if t.templates_omitted > 0 || t.templates_withheld > 0 {
        let _ = writeln!(
            md,
            "\n{} template(s) sent to the LLM, {} cut for the token budget, {} withheld by the privacy switches.",
            t.templates_sent, t.templates_omitted, t.templates_withheld
        );
    }
    if let Some(r) = t.refinement.filter(|r| r.candidates > 0) {
        let _ = writeln!(
            md,
            "\nTemplate refinement: {} new error template(s), {} from the cache, {} asked of the LLM, {} refined.",
            r.candidates, r.cached, r.asked, r.refined
        );
    }
    if t.written_by == WrittenBy::Llm {
        if t.findings.is_empty() {
            let _ = writeln!(md, "\nNo findings.");
        }
        for (i, f) in t.findings.iter().enumerate() {
            let _ = writeln!(
                md,
                "\n### {}. {} ({})\n",
                i + 1,
                cell(&f.title),
                cell(&f.severity)
            );
            let _ = writeln!(
                md,
                "- **Hosts**: {}\n- **Containers**: {}\n- **Evidence**: {}",
                cell(&f.hosts.join(", ")),
                cell(&f.containers.join(", ")),
                cell(&f.evidence.join(", "))
            );
            for step in &f.next_steps {
                let _ = writeln!(md, "- Next: {}", cell(step));
            }
        }
    }
    let lists = [
        ("Top error templates per container", &t.summary.top_errors),
        ("New since the baseline", &t.summary.new_templates),
        ("Bursts", &t.summary.bursts),
    ];
    for (title, list) in lists {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(
            md,
            "\n**{title}**\n\n| id | host | container | severity | count | message |\n|---|---|---|---|---|---|"
        );
        for r in list {
            let _ = writeln!(
                md,
                "| [{}](#{}) | {} | {} | {} | {} | {} |",
                r.id,
                r.id,
                cell(&r.agent),
                cell(&r.container),
                r.severity.as_str(),
                r.count,
                template_cell(r)
            );
        }
    }
}

fn fleet_gpu_section(md: &mut String, report: &Report) {
    let fleet = &report.gpu_fleet;
    let mut anchored: Vec<String> = Vec::new();
    let _ = writeln!(md, "\n## Fleet GPUs");
    if fleet.consumers.is_empty() {
        let _ = writeln!(md, "\nNo GPU process was reported.");
    } else {
        let _ = writeln!(
            md,
            "\nTop consumers by container:\n\n| host | gpu | consumer | memory | processes |\n|---|---|---|---|---|"
        );
        for gpu in &fleet.consumers {
            for consumer in &gpu.top {
                // A container with a log section links to it.
                let name = match &consumer.log_ref {
                    Some(id) => format!("[{}](#{id})", cell(&consumer.consumer)),
                    None => cell(&consumer.consumer),
                };
                let _ = writeln!(
                    md,
                    "| {} | {} | {name} | {} MiB | {} |",
                    cell(&gpu.agent),
                    gpu.gpu_index,
                    consumer.memory_bytes >> 20,
                    consumer.processes
                );
            }
            if gpu.others > 0 {
                let _ = writeln!(
                    md,
                    "| {} | {} | {} more | | |",
                    cell(&gpu.agent),
                    gpu.gpu_index,
                    gpu.others
                );
            }
        }
    }
    for (title, flags) in [
        ("Idle", &fleet.idle),
        ("Hot", &fleet.hot),
        ("Throttling", &fleet.throttling),
        ("Memory nearly full", &fleet.memory_nearly_full),
    ] {
        if flags.is_empty() {
            continue;
        }
        let _ = writeln!(md, "\n{title}:\n");
        for flag in flags {
            // The first line about a GPU that the attention list refers to holds its anchor.
            let mark = report
                .gpu
                .iter()
                .position(|g| g.agent == flag.agent)
                .map(|h| attention::gpu_ref(h, flag.gpu_index))
                .filter(|id| report.attention.iter().any(|a| &a.reference == id))
                .filter(|id| !anchored.contains(id))
                .map(|id| {
                    let mark = anchor(&id);
                    anchored.push(id);
                    mark
                })
                .unwrap_or_default();
            let _ = writeln!(
                md,
                "- {mark}{} GPU {}: {}",
                cell(&flag.agent),
                flag.gpu_index,
                cell(&flag.detail)
            );
        }
    }
    if !fleet.unavailable.is_empty() {
        let _ = writeln!(md, "\nNVML unavailable (no GPU figures):\n");
        for host in &fleet.unavailable {
            let _ = writeln!(
                md,
                "- NVML unavailable on {}: {}",
                cell(&host.agent),
                cell(&host.reason)
            );
        }
    }
}

/// One host's GPU tables: current state, the sampled window, and the device's settings and health.
/// Every figure the device does not support reads `n/a`.
fn gpu_tables(md: &mut String, r: &GpuReportResult) {
    let _ = writeln!(
        md,
        "| # | name | uuid | pci | util | mem util | memory | temp | power |\n|---|---|---|---|---|---|---|---|---|"
    );
    for g in &r.gpus {
        let memory = match (g.memory_used_bytes, g.memory_total_bytes) {
            (Some(u), Some(t)) => format!("{} / {} MiB", u >> 20, t >> 20),
            _ => "n/a".to_string(),
        };
        let power = gpu_fleet::power_draw(g.power_draw_milliwatts, g.power_limit_milliwatts);
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            g.index,
            cell(&g.name),
            cell(&g.uuid),
            cell(g.pci_bus_id.as_deref().unwrap_or("n/a")),
            opt(g.utilization_gpu_percent, "%"),
            opt(g.utilization_memory_percent, "%"),
            memory,
            opt(g.temperature_celsius, " °C"),
            power,
        );
    }
    if r.samples > 0 {
        let _ = writeln!(
            md,
            "\nSampled {} times over {} ms (min / mean / max):\n\n| # | util | memory | temp | power |\n|---|---|---|---|---|",
            r.samples, r.sample_window_ms
        );
        for g in &r.gpus {
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {} |",
                g.index,
                sampled(g.utilization_gpu_sampled, 1.0, "%"),
                sampled(g.memory_used_bytes_sampled, f64::from(1u32 << 20), " MiB"),
                sampled(g.temperature_celsius_sampled, 1.0, " °C"),
                gpu_fleet::sampled_watts(g.power_draw_milliwatts_sampled),
            );
        }
    }
    let _ = writeln!(
        md,
        "\n| # | slowdown temp | SM clock | mem clock | fan | ECC | ECC errors (corr / uncorr) | throttle | MIG |\n|---|---|---|---|---|---|---|---|---|"
    );
    for g in &r.gpus {
        let ecc_errors = match (g.ecc_errors_corrected, g.ecc_errors_uncorrected) {
            (None, None) => "n/a".to_string(),
            (corrected, uncorrected) => format!(
                "{} / {}",
                corrected.map_or_else(|| "n/a".to_string(), |n| n.to_string()),
                uncorrected.map_or_else(|| "n/a".to_string(), |n| n.to_string())
            ),
        };
        let throttle = match &g.throttle_reasons {
            None => "n/a".to_string(),
            Some(reasons) if reasons.is_empty() => "none".to_string(),
            Some(reasons) => reasons.join(", "),
        };
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            g.index,
            opt(g.temperature_slowdown_celsius, " °C"),
            opt(g.clock_sm_mhz, " MHz"),
            opt(g.clock_memory_mhz, " MHz"),
            opt(g.fan_speed_percent, "%"),
            on_off(g.ecc_enabled),
            ecc_errors,
            cell(&throttle),
            on_off(g.mig_enabled),
        );
    }
}

/// `1 error`, `2 errors`.
fn count(n: impl Into<u64>, noun: &str) -> String {
    match n.into() {
        1 => format!("1 {noun}"),
        n => format!("{n} {noun}s"),
    }
}

/// `min / mean / max` of a sampled figure, divided by `scale`, or `n/a`.
fn sampled(stats: Option<SampleStats>, scale: f64, unit: &str) -> String {
    stats.map_or_else(
        || "n/a".to_string(),
        |s| {
            format!(
                "{:.0} / {:.1} / {:.0}{unit}",
                s.min / scale,
                s.mean / scale,
                s.max / scale
            )
        },
    )
}

fn on_off(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "on",
        Some(false) => "off",
        None => "n/a",
    }
}

fn opt(value: Option<u32>, unit: &str) -> String {
    value.map_or_else(|| "n/a".to_string(), |v| format!("{v}{unit}"))
}

/// A titled list of jobs, left out when there are none.
fn job_list(md: &mut String, title: &str, intro: &str, jobs: &[JobLine]) {
    if jobs.is_empty() {
        return;
    }
    let _ = writeln!(
        md,
        "\n## {title}\n\n{intro}\n\n| agent | task | status | reason |\n|---|---|---|---|"
    );
    for j in jobs {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} |",
            cell(&j.agent),
            j.task_type,
            j.status,
            cell(j.error.as_deref().unwrap_or(""))
        );
    }
}

/// Makes text safe inside a Markdown table cell.
/// Text for a table cell or a line: nothing in it can end the cell or the line, open a link or
/// an image, become HTML or name a character by entity (agents, containers and LLMs write much
/// of it).
fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            // An entity (`&#x1b;`, `&#x202e;`) would become the character it names in a
            // renderer; `&amp;` shows it as written.
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A template's table cell: its text, and the LLM's validated refinement when there is one.
fn template_cell(t: &TemplateRef) -> String {
    match &t.refined_template {
        Some(refined) => format!(
            "{} (refined: {})",
            code_cell(&t.template),
            code_cell(refined)
        ),
        None => code_cell(&t.template),
    }
}

/// Log-derived text (templates) as a code span in a table cell: shown as written, wildcards
/// included, and nothing in it is Markdown or HTML. Only a pipe is escaped, which tables undo
/// inside code spans too.
fn code_cell(text: &str) -> String {
    let text = text.replace(['\n', '\r'], " ").replace('|', "\\|");
    if text.is_empty() {
        return text;
    }
    let mut longest_run = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest_run = longest_run.max(run);
    }
    let fence = "`".repeat(longest_run + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_output_stays_inside_its_block() {
        let hostile = "ok\n```\n# Injected <script>x</script>\n````\n\u{1b}[2J";
        let report_commands = vec![HostCommand {
            agent: "web|1".into(),
            result: CommandResult {
                name: "whoami".into(),
                exit_code: Some(0),
                output: hostile.into(),
                output_bytes: hostile.len() as u64,
                truncated: true,
                ..Default::default()
            },
        }];
        let mut md = String::new();
        command_section(&mut md, &report_commands);
        let md = controls::neutralise(&md).into_owned();
        assert!(md.contains("### <a id=\"cmd-1\"></a>web\\|1"), "{md}");
        assert!(md.contains("`whoami`: exit 0"), "{md}");
        assert!(md.contains("truncated"), "{md}");
        assert!(md.contains("`````text\nok\n```\n# Injected"), "{md}");
        assert!(md.trim_end().ends_with("\n`````"), "{md}");
        assert!(!md.contains('\u{1b}'), "{md}");
    }

    #[test]
    fn no_control_character_from_a_container_or_an_agent_reaches_the_markdown() {
        let hostile = "a\u{1b}c b\u{1b}[H\u{1b}[J c\u{1b}]0;title\u{7} d\0 e\u{9b}2J f\r";
        let log_triage = vec![HostLogTriage {
            agent: hostile.into(),
            containers: vec![ContainerLogDigest {
                name: hostile.into(),
                image: hostile.into(),
                lines: 3,
                error_lines: 3,
                templates: vec![cyberbrain_tasks::TemplateCount {
                    template: format!("error {hostile} <*>"),
                    count: 3,
                    severity: cyberbrain_logmine::Severity::Error,
                    examples: vec![hostile.into()],
                    first_seen_unix_ms: 0,
                    last_seen_unix_ms: 0,
                    novel: true,
                    burst: true,
                }],
                ..Default::default()
            }],
            skipped_containers: 0,
        }];
        let templates = triage::catalogue(&log_triage, None);
        let report = Report {
            attention: Vec::new(),
            overview: Overview::default(),
            baseline: BaselineInfo {
                status: BaselineStatus::NotCompared,
                scope: None,
                runs: 0,
                update_failed: false,
            },
            incidents: Vec::new(),
            triage: triage::deterministic(&templates, triage::notes::NO_LLM),
            templates,
            run_id: "r".into(),
            status: "failed".into(),
            partial: false,
            directive: Some(hostile.into()),
            directive_version: Some(1),
            launched_by: hostile.into(),
            launched_by_token: Some(hostile.into()),
            launched_by_role: None,
            target: hostile.into(),
            created_at: Utc::now(),
            finished_at: None,
            jobs: vec![JobLine {
                agent: hostile.into(),
                task_type: "log_triage".into(),
                status: "failed".into(),
                attempt: 1,
                error: Some(hostile.into()),
            }],
            pending_jobs: Vec::new(),
            unreachable_jobs: Vec::new(),
            service_map: Vec::new(),
            service_graph: FleetGraph::default(),
            gpu: Vec::new(),
            gpu_fleet: GpuFleet::default(),
            log_triage,
            commands: vec![HostCommand {
                agent: hostile.into(),
                result: CommandResult {
                    name: hostile.into(),
                    output: hostile.into(),
                    ..Default::default()
                },
            }],
        };
        let (md, json) = render_report(&report).expect("renders");
        let bad: Vec<char> = md
            .chars()
            .filter(|c| c.is_control() && !matches!(c, '\t' | '\n'))
            .collect();
        assert!(
            bad.is_empty(),
            "control characters in the Markdown: {bad:?}"
        );
        assert!(md.contains("␛]0;title␇"), "shown, not obeyed: {md}");
        // JSON keeps the text as it was, escaped by the encoder.
        let text = serde_json::to_string(&json).expect("json");
        assert!(!text.contains('\u{1b}'), "no raw ESC in the JSON text");
        assert!(text.contains("\\u001b"), "{text}");
    }

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(cell("a|b\nc"), "a\\|b c");
        assert_eq!(
            cell("&#x1b;[2J &#x202e; &amp;"),
            "&amp;#x1b;\\[2J &amp;#x202e; &amp;amp;"
        );
        assert_eq!(
            cell("[x](http://e) <img src=x>"),
            "\\[x\\](http://e) \\<img src=x\\>"
        );
    }

    #[test]
    fn templates_are_code_spans_whatever_they_hold() {
        assert_eq!(code_cell("GET <*> took <*>"), "`GET <*> took <*>`");
        assert_eq!(code_cell("a|b\nc"), "`a\\|b c`");
        assert_eq!(code_cell("run `ls` now"), "``run `ls` now``");
        assert_eq!(code_cell("`edge"), "`` `edge ``");
        assert_eq!(code_cell(""), "");
    }

    #[test]
    fn counts_agree_with_their_number_and_watts_have_one_decimal() {
        assert_eq!(count(1u32, "error"), "1 error");
        assert_eq!(count(2u32, "error"), "2 errors");
        assert_eq!(count(0u32, "distinct message"), "0 distinct messages");
        let power = SampleStats {
            min: 71_000.0,
            mean: 74_250.0,
            max: 80_040.0,
        };
        assert_eq!(
            gpu_fleet::sampled_watts(Some(power)),
            "71.0 / 74.2 / 80.0 W"
        );
        assert_eq!(gpu_fleet::watts(250_500), "250.5 W");
    }

    #[test]
    fn a_partial_digest_says_how_much_was_read() {
        let whole = ContainerLogDigest {
            lines: 12,
            error_lines: 1,
            distinct_templates: 4,
            ..Default::default()
        };
        assert_eq!(
            digest_counts(&whole),
            "12 lines, 1 error, 0 warnings, 4 distinct messages"
        );
        let cut = ContainerLogDigest {
            lines: 734_002,
            distinct_templates: 180_000,
            distinct_templates_estimated: true,
            partial: true,
            read_millis: 289_512,
            ..Default::default()
        };
        let text = digest_counts(&cut);
        assert!(
            text.contains("about 180000 distinct messages (estimated"),
            "{text}"
        );
        assert!(
            text.contains("**partial: 734002 lines read in 289.5s**"),
            "{text}"
        );
    }

    #[test]
    fn unsupported_gpu_fields_read_n_a() {
        let report = GpuReportResult {
            available: true,
            samples: 2,
            sample_window_ms: 100,
            gpus: vec![cyberbrain_tasks::GpuStats {
                throttle_reasons: Some(Vec::new()),
                ..Default::default()
            }],
            ..Default::default()
        };
        let mut md = String::new();
        gpu_tables(&mut md, &report);
        assert!(
            md.contains("| 0 |  |  | n/a | n/a | n/a | n/a | n/a | n/a |"),
            "{md}"
        );
        assert!(md.contains("| 0 | n/a | n/a | n/a | n/a |"), "{md}");
        assert!(md.contains("| n/a | n/a | none | n/a |"), "{md}");
    }

    fn run_of(statuses: &[(&str, JobStatus, Option<&str>)]) -> RunWithJobs {
        use cyberbrain_model::fleet::TargetSelector;
        use cyberbrain_model::runs::{Job, Run, RunStatus, TokenIdentity};
        use cyberbrain_tasks::{TaskSpec, TaskType};
        let done = statuses.iter().all(|(_, s, _)| s.is_terminal());
        let run = Run {
            id: uuid::Uuid::new_v4(),
            directive_name: None,
            directive_version: None,
            tasks: vec![],
            target: TargetSelector::All,
            launched_by: "a note | [x]".into(),
            launched_by_token: Some(TokenIdentity {
                name: "ops-bot".into(),
                role: "operator".into(),
            }),
            queue_timeout: None,
            status: if done {
                RunStatus::PartiallyFailed
            } else {
                RunStatus::Running
            },
            created_at: Utc::now(),
            started_at: None,
            finished_at: None,
            traceparent: None,
            origin: String::new(),
            scheduled_at: None,
        };
        let jobs = statuses
            .iter()
            .map(|(agent, status, error)| Job {
                id: uuid::Uuid::new_v4(),
                run_id: run.id,
                agent_id: uuid::Uuid::new_v4(),
                agent_name: agent.to_string(),
                task_index: 0,
                task: TaskSpec::with_defaults(TaskType::ServiceMap),
                status: *status,
                attempt: 0,
                max_attempts: 3,
                result: None,
                error: error.map(str::to_string),
                created_at: Utc::now(),
                dispatched_at: None,
                finished_at: None,
            })
            .collect();
        RunWithJobs { run, jobs }
    }

    #[test]
    fn a_failed_command_needs_attention_and_links_to_its_section() {
        let mut snapshot = run_of(&[
            ("ok-host", JobStatus::Succeeded, None),
            ("exit-host", JobStatus::Succeeded, None),
            ("slow-host", JobStatus::Succeeded, None),
            ("killed-host", JobStatus::Succeeded, None),
        ]);
        let ended = [
            (Some(0), None, false),
            (Some(2), None, false),
            (None, Some(9), true),
            (None, Some(9), false),
        ];
        for (job, (exit_code, signal, timed_out)) in snapshot.jobs.iter_mut().zip(ended) {
            let result = CommandResult {
                name: "check-disk".into(),
                exit_code,
                signal,
                timed_out,
                ..Default::default()
            };
            job.result = Some(if job.agent_name == "killed-host" {
                TaskResult::Container(result)
            } else {
                TaskResult::Command(result)
            });
        }
        let (md, json) = render(&snapshot).unwrap();
        let failed: Vec<(&str, &str)> = json["attention"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["kind"] == "command_failed")
            .map(|a| (a["text"].as_str().unwrap(), a["ref"].as_str().unwrap()))
            .collect();
        assert_eq!(
            failed,
            [
                ("exit-host command check-disk: exit 2", "cmd-2"),
                ("slow-host command check-disk: timed out", "cmd-3"),
                (
                    "killed-host command check-disk: killed by signal 9",
                    "cmd-4"
                ),
            ]
        );
        assert_eq!(json["attention"][0]["severity"], "critical");
        for id in ["cmd-2", "cmd-3", "cmd-4"] {
            assert!(md.contains(&format!("](#{id})")), "{md}");
            assert_eq!(
                md.matches(&format!("<a id=\"{id}\"></a>")).count(),
                1,
                "{md}"
            );
        }
        assert!(md.contains("### <a id=\"cmd-2\"></a>exit-host"), "{md}");
    }

    #[test]
    fn a_running_runs_report_is_partial_and_lists_its_pending_jobs() {
        let snapshot = run_of(&[
            ("alpha", JobStatus::Failed, Some("boom")),
            ("beta", JobStatus::Queued, None),
        ]);
        let (md, json) = render(&snapshot).unwrap();
        assert_eq!(json["partial"], true);
        assert_eq!(json["pending_jobs"][0]["agent"], "beta");
        assert!(
            md.contains("> **Partial report**: the run is running; 1 of 2 jobs"),
            "{md}"
        );
        assert!(md.contains("## Pending jobs"), "{md}");
        assert!(md.contains("token `ops-bot` (operator)"), "{md}");
        assert!(md.contains("unverified): a note \\| \\[x\\]"), "{md}");
    }

    #[test]
    fn a_finished_report_lists_unreachable_jobs_with_their_reason() {
        let snapshot = run_of(&[
            ("alpha", JobStatus::Succeeded, None),
            (
                "beta",
                JobStatus::Unreachable,
                Some("the agent never connected"),
            ),
        ]);
        let (md, json) = render(&snapshot).unwrap();
        assert_eq!(json["partial"], false);
        assert!(!md.contains("Partial report"), "{md}");
        assert!(!md.contains("## Pending jobs"), "{md}");
        assert_eq!(json["unreachable_jobs"][0]["agent"], "beta");
        assert!(
            md.contains("| beta | service_map | unreachable | the agent never connected |"),
            "{md}"
        );
    }
}
