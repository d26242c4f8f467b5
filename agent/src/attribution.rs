//! Attributes GPU processes to their containers: the PID's `/proc/<pid>/cgroup` names the container
//! ([`crate::cgroup`]), and Docker names its name and image ([`DockerHost::process_container`]),
//! which only an allowlisted container gets.
//!
//! NVML reports host PIDs, so this works only in the host's PID namespace: an agent in a container
//! needs `--pid=host` (see `deploy/README.md`). When the agent sees another PID namespace (its PID 1
//! is itself in a container) every process stays `unknown` rather than being matched against the
//! wrong processes.

use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use cyberbrain_tasks::{Allowlist, GpuProcess, GpuReportResult, ProcessOwner, short_container_id};

use crate::cgroup;
use crate::docker::{DockerHost, Error as DockerError, ProcessContainer};

/// Whether the warning that the agent sees another PID namespace was given.
static WARNED_PID_NAMESPACE: AtomicBool = AtomicBool::new(false);

/// Where the host's processes are seen.
pub const PROC_ROOT: &str = "/proc";

/// Fills `owner`, `container_id`, `container_name`, `container_image` and `compose_service` of every process in
/// `report`. `docker` is `None` when the engine is unreachable: containers are then known by short
/// id only. Never fails: what cannot be found out stays empty or `unknown`.
pub async fn attribute_processes(
    report: &mut GpuReportResult,
    proc_root: &Path,
    docker: Option<&DockerHost>,
    allowlist: &Allowlist,
) {
    if report.gpus.iter().all(|gpu| gpu.processes.is_empty()) {
        return;
    }
    if !in_host_pid_namespace(proc_root).await {
        // Once per process: the GPU metrics ask again at every sample.
        if !WARNED_PID_NAMESPACE.swap(true, Ordering::Relaxed) {
            tracing::warn!(
                "gpu processes cannot be attributed: the agent is not in the host pid namespace (run its container with --pid=host)"
            );
        }
        return;
    }
    // One Docker lookup per container, however many processes it has on however many GPUs.
    let mut containers: HashMap<String, Option<ProcessContainer>> = HashMap::new();
    for gpu in &mut report.gpus {
        for process in &mut gpu.processes {
            let Some(cgroup_file) = read_cgroup(proc_root, process.pid).await else {
                // Ended since NVML listed it, or not ours to read.
                continue;
            };
            let Some(container_id) = cgroup::container_id(&cgroup_file) else {
                process.owner = ProcessOwner::Host;
                continue;
            };
            let described = match containers.get(&container_id) {
                Some(described) => described.clone(),
                None => {
                    let described = describe(docker, allowlist, &container_id).await;
                    containers.insert(container_id.clone(), described.clone());
                    described
                }
            };
            fill(process, &container_id, described);
        }
    }
}

fn fill(process: &mut GpuProcess, container_id: &str, described: Option<ProcessContainer>) {
    process.owner = ProcessOwner::Container;
    match described {
        Some(container) => {
            process.container_id = container.id;
            process.container_name = container.name;
            process.container_image = container.image;
            process.compose_service = container.compose_service;
        }
        // Not a Docker container (containerd, CRI-O) or Docker is unreachable: the short id is
        // all that can be said, and all that may be said without the allowlist's say-so.
        None => process.container_id = short_container_id(container_id).to_string(),
    }
}

async fn describe(
    docker: Option<&DockerHost>,
    allowlist: &Allowlist,
    container_id: &str,
) -> Option<ProcessContainer> {
    let docker = docker?;
    match docker.process_container(allowlist, container_id).await {
        Ok(container) => Some(container),
        Err(DockerError::ContainerNotFound { .. }) => None,
        Err(error) => {
            tracing::warn!(%error, container_id = short_container_id(container_id), "could not describe the container of a gpu process");
            None
        }
    }
}

async fn read_cgroup(proc_root: &Path, pid: u32) -> Option<String> {
    let path = proc_root.join(pid.to_string()).join("cgroup");
    match tokio::fs::read_to_string(&path).await {
        Ok(text) => Some(text),
        Err(error) => {
            tracing::debug!(pid, %error, "cannot read the cgroup of a gpu process");
            None
        }
    }
}

/// Whether PID 1 as seen here is the host's init rather than a container's entrypoint.
async fn in_host_pid_namespace(proc_root: &Path) -> bool {
    match read_cgroup(proc_root, 1).await {
        Some(cgroup_file) => cgroup::container_id(&cgroup_file).is_none(),
        // Without PID 1's cgroup (hidepid, say) there is no telling; try anyway.
        None => true,
    }
}
