//! Worker containers: images this host admits (`--allow-image`, `[worker]`), run hardened with
//! bollard, labelled with their job so that a restarted agent removes what a crashed one left.
//!
//! Architecture invariants: the image must be pinned by digest, present locally (never pulled)
//! and listed by this host; the container gets a read-only root, no capabilities, no new
//! privileges, pids/memory/CPU limits, a tmpfs `/tmp`, a non-root user, no host mounts, network
//! `none` and no GPU unless the host's entry allows them. This is the only module that creates
//! containers; `docker.rs` stays read-only.

pub mod images;
pub mod run;

use bollard::Docker;
use cyberbrain_tasks::{CommandResult, ContainerParams};

pub use images::{ImageEntry, WorkerImages};

/// Admits and runs one worker container. The error is one line for the job's record.
pub async fn run_admitted(
    images: &WorkerImages,
    docker: &Docker,
    task: &ContainerParams,
    job_id: &str,
    sink: Option<crate::exec::output::OutputSink>,
) -> Result<CommandResult, String> {
    let entry = match images.admit(task) {
        Ok(entry) => entry,
        Err(refusal) => {
            tracing::warn!(image = %task.image, reason = %refusal, "worker container refused");
            return Err(format!("refused by the agent: {refusal}"));
        }
    };
    tracing::info!(image = %task.image, job = %job_id, args = ?task.args,
        network = if task.network.is_empty() { "none" } else { task.network.as_str() },
        gpus = task.gpus, "running a worker container");
    let result = run::run(docker, task, entry, job_id, sink).await;
    match &result {
        Ok(r) => tracing::info!(image = %task.image, job = %job_id, outcome = %r.outcome(),
            duration_ms = r.duration_ms, output_bytes = r.output_bytes, "worker container ended"),
        Err(error) => tracing::warn!(image = %task.image, %error, "worker container did not run"),
    }
    result
}
