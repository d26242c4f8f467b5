//! Worker containers: images this host admits (`--allow-image`, `[worker]`), run hardened with
//! bollard, labelled with their job and their agent so that a restarted agent removes what it left
//! when it crashed, and never another agent's workers on the same Docker engine.
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
pub use run::JobOfOwner;

/// This agent's owner id, the value of its workers' [`run::OWNER_LABEL`]: a digest of the fleet's
/// CA and the agent's name. The same agent restarted (on any state directory) has the same id and
/// removes what it left; another agent sharing the Docker engine — another name, or a test's
/// agent under another CA — has another and keeps its workers.
pub fn owner_id(ca_pem: &[u8], agent_name: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut digest = Sha256::new();
    digest.update(ca_pem);
    digest.update([0]);
    digest.update(agent_name.as_bytes());
    let mut hex = format!("{:x}", digest.finalize());
    hex.truncate(32);
    hex
}

/// Admits and runs one worker container. The error is one line for the job's record.
pub async fn run_admitted(
    images: &WorkerImages,
    docker: &Docker,
    task: &ContainerParams,
    job: JobOfOwner<'_>,
    sink: Option<crate::exec::output::OutputSink>,
) -> Result<CommandResult, String> {
    let job_id = job.job_id;
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
    let result = run::run(docker, task, entry, job, sink).await;
    match &result {
        Ok(r) => tracing::info!(image = %task.image, job = %job_id, outcome = %r.outcome(),
            duration_ms = r.duration_ms, output_bytes = r.output_bytes, "worker container ended"),
        Err(error) => tracing::warn!(image = %task.image, %error, "worker container did not run"),
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_owner_id_is_the_same_agent_under_the_same_ca() {
        let id = owner_id(b"ca one", "a");
        assert_eq!(id, owner_id(b"ca one", "a"));
        assert_eq!(id.len(), 32);
        assert_ne!(id, owner_id(b"ca two", "a"), "another fleet's agent");
        assert_ne!(id, owner_id(b"ca one", "b"), "another agent");
        assert_ne!(
            owner_id(b"ca", "ab"),
            owner_id(b"caa", "b"),
            "the parts are separated"
        );
    }
}
