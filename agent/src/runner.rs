//! Runs one task on this host. Each task reads only what the job's allowlist admits.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use cyberbrain_tasks::{
    Allowlist, ContainerCondition, ContainerExit, LocalLimit, LogTriageParams, LogTriageResult,
    TaskResult, TaskSpec,
};
use tracing::Instrument;

use crate::attribution;
use crate::docker::{self, DockerHost, Error as DockerError};
use crate::gpu;
use crate::host_identity;
use crate::metrics::AgentMetrics;
use crate::triage::{ContainerTriage, ReadEnd};

/// The longest log line kept whole; longer lines are cut (and still counted).
const MAX_LOG_LINE_BYTES: usize = 64 * 1024;

/// What tasks need from the host.
#[derive(Debug, Clone)]
pub struct TaskContext {
    /// Docker endpoint, `None` for the default.
    pub docker_host: Option<String>,
    /// NVML library path, `None` for the system's.
    pub nvml_library: Option<PathBuf>,
    /// Where Docker errors and log bytes are counted.
    pub metrics: Arc<AgentMetrics>,
    /// The host's own limit (`--allow-container`, `--deny-container`), added to every job's
    /// allowlist.
    pub local_limit: Option<LocalLimit>,
    /// The host's name (`--hostname`, else the kernel's), reported with service maps.
    pub hostname: String,
    /// The commands this host declares; the only ones a `command` task may run.
    pub commands: Arc<crate::exec::Catalog>,
    /// The worker images this host admits; the only ones a `container` task may run.
    pub images: Arc<crate::worker::WorkerImages>,
    /// This agent's label on its worker containers ([`crate::worker::owner_id`]).
    pub worker_owner: String,
}

impl TaskContext {
    /// Runs `task` under `allowlist`, narrowed by the host's local limit, to finish by `deadline`
    /// (the job's; a task that can return part of its work, `log_triage`, stops a margin before
    /// it). A command streams its output to `output` as it runs. The error is one line for the
    /// job's record.
    pub async fn run(
        &self,
        job_id: &str,
        task: &TaskSpec,
        allowlist: &Allowlist,
        deadline: tokio::time::Instant,
        output: Option<crate::exec::output::OutputSink>,
    ) -> Result<TaskResult, String> {
        let allowlist = &allowlist.clone().narrowed_by(self.local_limit.clone());
        match task {
            TaskSpec::GpuReport(params) => {
                let library = self.nvml_library.clone();
                let params = *params;
                // Entered on the blocking thread, so NVML's time is measured where it is spent.
                let span = tracing::info_span!(
                    "nvml.gpu_report",
                    sample_window_ms = params.sample_window_ms
                );
                let mut report = tokio::task::spawn_blocking(move || {
                    span.in_scope(|| gpu::collect_gpu_report(library.as_deref(), &params))
                })
                .await
                .map_err(|e| format!("gpu report task failed: {e}"))?;
                if report.gpus.iter().any(|gpu| !gpu.processes.is_empty()) {
                    // Docker only names the containers; without it they are still told apart
                    // by id.
                    let docker = match self.docker().await {
                        Ok(docker) => Some(docker),
                        Err(error) => {
                            self.metrics.docker_error();
                            tracing::debug!(%error, "gpu processes attributed without docker");
                            None
                        }
                    };
                    attribution::attribute_processes(
                        &mut report,
                        Path::new(attribution::PROC_ROOT),
                        docker.as_ref(),
                        allowlist,
                    )
                    .await;
                }
                Ok(TaskResult::GpuReport(report))
            }
            TaskSpec::ServiceMap(_) => {
                let docker = self.docker().await?;
                let mut map = docker.service_map(allowlist).await.map_err(|e| {
                    self.metrics.docker_error();
                    format!("service map: {e}")
                })?;
                // Bridge and overlay networks are private to each host; a macvlan or ipvlan
                // network's subnet is the host's own LAN, whose addresses do name hosts.
                let docker_subnets: Vec<String> = map
                    .networks
                    .iter()
                    .filter(|n| !matches!(n.driver.as_str(), "macvlan" | "ipvlan"))
                    .flat_map(|n| n.subnets.iter().cloned())
                    .collect();
                map.hostname = self.hostname.clone();
                // The routing table of a host with full routes is large: read it off the runtime.
                let addresses = tokio::task::spawn_blocking(move || {
                    host_identity::own_addresses(&host_identity::host_proc_net(), &docker_subnets)
                })
                .await
                .unwrap_or_default();
                map.addresses = addresses.iter().map(ToString::to_string).collect();
                Ok(TaskResult::ServiceMap(map))
            }
            TaskSpec::Command(params) => crate::exec::run_declared(&self.commands, params, output)
                .await
                .map(TaskResult::Command),
            TaskSpec::Container(params) => {
                // Refused before Docker is even asked, so an unlisted image costs nothing.
                if let Err(refusal) = self.images.admit(params) {
                    tracing::warn!(image = %params.image, reason = %refusal,
                        "worker container refused");
                    return Err(format!("refused by the agent: {refusal}"));
                }
                let docker = self.docker().await?;
                let job = crate::worker::JobOfOwner {
                    job_id,
                    owner: &self.worker_owner,
                };
                crate::worker::run_admitted(&self.images, docker.client(), params, job, output)
                    .await
                    .map(TaskResult::Container)
            }
            TaskSpec::LogTriage(params) => {
                let docker = self.docker().await?;
                let stop_at = deadline - reply_margin(deadline);
                log_triage(&docker, params, allowlist, &self.metrics, stop_at)
                    .await
                    .map(TaskResult::LogTriage)
            }
        }
    }

    async fn docker(&self) -> Result<DockerHost, String> {
        DockerHost::connect(self.docker_host.as_deref())
            .await
            .map_err(|e| {
                self.metrics.docker_error();
                format!("docker is not reachable: {e}")
            })
    }
}

/// Time kept before a job's deadline to build the digest and send the result: a tenth of what
/// is left, between 100 ms and 10 s.
fn reply_margin(deadline: tokio::time::Instant) -> std::time::Duration {
    let left = deadline.saturating_duration_since(tokio::time::Instant::now());
    (left / 10).clamp(
        std::time::Duration::from_millis(100),
        std::time::Duration::from_secs(10),
    )
}

/// Digests every allowlisted container's logs, one after the other, until `stop_at`: a container
/// being read then gets the digest of what was read, marked partial, and those not reached yet a
/// partial digest of no lines, so the report tells them from containers that logged nothing.
async fn log_triage(
    docker: &DockerHost,
    params: &LogTriageParams,
    allowlist: &Allowlist,
    metrics: &AgentMetrics,
    stop_at: tokio::time::Instant,
) -> Result<LogTriageResult, String> {
    let containers = docker.containers().await.map_err(|e| {
        metrics.docker_error();
        format!("listing containers: {e}")
    })?;
    let mut result = LogTriageResult::default();
    for container in containers {
        if !allowlist.permits(&container.name, &container.image) {
            result.skipped_containers += 1;
            continue;
        }
        let mut triage = ContainerTriage::default();
        if tokio::time::Instant::now() >= stop_at {
            result.containers.push(triage.finish(
                &container.id,
                &container.name,
                &container.image,
                0,
                true,
            ));
            continue;
        }
        // The container's state for the report's incidents; a failed inspect leaves it out (the
        // log read below says whether the container is still there).
        let mut condition = docker.condition(&container.id).await.ok();
        let since = since_unix_seconds(params.since_seconds);
        if let Some(condition) = &mut condition {
            if condition.exits_matter() {
                condition.exits = recent_exits(docker, &container.id, condition, since, stop_at)
                    .instrument(tracing::info_span!("docker.exits", container = %container.name))
                    .await;
            }
            // The last exit the events saw may be later than inspect's (a restart in between).
            let last_exit = condition.exits.last().map_or(0, |e| e.at_unix_ms);
            triage.watch_exit(condition.finished_at_unix_ms.max(last_exit));
            triage.watch_exits(condition.exits.clone());
        }
        let read_span = tracing::info_span!("docker.logs", container = %container.name);
        let lines = docker.log_lines(
            allowlist,
            &container.id,
            params.tail_lines,
            since,
            MAX_LOG_LINE_BYTES,
        );
        let read = triage
            .read_until(lines, stop_at, |full_len| metrics.log_bytes_read(full_len))
            .instrument(read_span)
            .await;
        let partial = match read {
            Ok(end) => end == ReadEnd::DeadlineReached,
            // Gone since the listing, or its inspected image no longer matches: skip it.
            Err(DockerError::ContainerNotFound { .. } | DockerError::NotAllowlisted { .. }) => {
                result.skipped_containers += 1;
                continue;
            }
            Err(e) => {
                metrics.docker_error();
                return Err(format!("reading logs of {}: {e}", container.name));
            }
        };
        if partial {
            tracing::warn!(
                container = %container.name,
                lines = triage.lines(),
                "log_triage stopped at its deadline; the digest is partial"
            );
        }
        if let Some(condition) = &mut condition {
            condition.last_lines_before_exit = triage.lines_before_exit();
            condition.exits = triage.exits();
        }
        let mut digest = triage.finish(
            &container.id,
            &container.name,
            &container.image,
            params.top_messages as usize,
            partial,
        );
        digest.tail_lines = params.tail_lines;
        // The engine counts the fragments of a long line as lines: at least as many lines as the
        // limit means older ones were left unread.
        digest.tail_reached = digest.lines >= u64::from(params.tail_lines);
        digest.since_unix_seconds = since;
        digest.since_cut = since > 0
            && condition.as_ref().is_some_and(|c| {
                c.started_at_unix_ms > 0
                    && c.started_at_unix_ms
                        < i64::try_from(since)
                            .unwrap_or(i64::MAX)
                            .saturating_mul(1000)
            });
        digest.condition = condition;
        result.containers.push(digest);
    }
    Ok(result)
}

/// The longest wait for the engine's events about one container's exits.
const EXITS_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// A container's recent exits from the engine's events since the log window's start, within
/// [`EXITS_TIMEOUT`] and the task's deadline; inspect's last exit when the events tell none (or
/// cannot be read).
async fn recent_exits(
    docker: &DockerHost,
    container_id: &str,
    condition: &ContainerCondition,
    since_unix_seconds: u64,
    stop_at: tokio::time::Instant,
) -> Vec<ContainerExit> {
    let left = stop_at.saturating_duration_since(tokio::time::Instant::now());
    let mut exits = docker
        .recent_exits(container_id, since_unix_seconds, EXITS_TIMEOUT.min(left))
        .await
        .unwrap_or_else(|e| {
            tracing::warn!(error = %e, "no exits from docker events; inspect's last exit only");
            Vec::new()
        });
    if exits.is_empty() {
        return docker::last_exit_from_inspect(condition)
            .into_iter()
            .collect();
    }
    // Inspect's OOM flag is about its last exit (cleared when it starts again), and an engine
    // may not send the `oom` event.
    if condition.oom_killed
        && let Some(last) = exits.last_mut()
    {
        last.oom_killed = true;
    }
    exits
}

/// The absolute start of a "last N seconds" window; 0 (no limit) stays 0.
fn since_unix_seconds(seconds_ago: u64) -> u64 {
    if seconds_ago == 0 {
        return 0;
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    now.saturating_sub(seconds_ago).max(1)
}
