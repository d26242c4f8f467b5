//! Runs one worker container with bollard: resolve the pinned image locally (never pull) →
//! create hardened → start → follow its logs into the capped output → wait → remove. A guard
//! removes the container when the job is dropped (cancel, deadline) before it ends.

use std::collections::HashMap;
use std::time::Instant;

use bollard::Docker;
use bollard::errors::Error as BollardError;
use bollard::models::{ContainerCreateBody, DeviceRequest, HostConfig};
use bollard::query_parameters::{
    CreateContainerOptionsBuilder, ListContainersOptionsBuilder, LogsOptionsBuilder,
    RemoveContainerOptionsBuilder,
};
use cyberbrain_tasks::{CommandResult, ContainerParams};
use futures_util::StreamExt;

use super::images::ImageEntry;
use crate::exec::output::{CappedOutput, LineStream, OutputSink};

/// The label every worker container carries, with its job's id.
pub const JOB_LABEL: &str = "cyberbrain.job";
/// The label naming the agent that started a worker (its [`super::owner_id`]), so that a
/// restarted agent removes its own orphans and never another agent's on the same engine.
pub const OWNER_LABEL: &str = "cyberbrain.owner";

/// The user a worker runs as: `nobody`, whatever the image says.
const WORKER_USER: &str = "65534:65534";
/// Processes a worker may have at once.
const PIDS_LIMIT: i64 = 256;
/// Memory a worker may use (no swap beyond it).
const MEMORY_BYTES: i64 = 512 * 1024 * 1024;
/// CPU a worker may use: one core.
const NANO_CPUS: i64 = 1_000_000_000;
/// The writable scratch space.
const TMPFS_OPTIONS: &str = "rw,nosuid,nodev,noexec,size=64m";
/// Output kept per worker, as for a command.
const OUTPUT_CAP: usize = crate::exec::catalog::DEFAULT_OUTPUT_CAP;

/// The hardened configuration of one worker container.
pub fn container_body(
    image_id: &str,
    task: &ContainerParams,
    entry: &ImageEntry,
    job_id: &str,
    owner: &str,
) -> ContainerCreateBody {
    let network = if task.network.is_empty() {
        "none".to_string()
    } else {
        task.network.clone()
    };
    let device_requests = (task.gpus && entry.gpus).then(|| {
        vec![DeviceRequest {
            driver: Some("nvidia".into()),
            count: Some(-1),
            capabilities: Some(vec![vec!["gpu".into()]]),
            ..Default::default()
        }]
    });
    ContainerCreateBody {
        image: Some(image_id.to_string()),
        cmd: (!task.args.is_empty()).then(|| task.args.clone()),
        env: Some(task.env.clone()),
        user: Some(WORKER_USER.into()),
        working_dir: Some("/tmp".into()),
        labels: Some(HashMap::from([
            (JOB_LABEL.to_string(), job_id.to_string()),
            (OWNER_LABEL.to_string(), owner.to_string()),
            ("cyberbrain.image".to_string(), task.image.clone()),
        ])),
        attach_stdin: Some(false),
        open_stdin: Some(false),
        tty: Some(false),
        host_config: Some(HostConfig {
            readonly_rootfs: Some(true),
            cap_drop: Some(vec!["ALL".into()]),
            security_opt: Some(vec!["no-new-privileges:true".into()]),
            pids_limit: Some(PIDS_LIMIT),
            memory: Some(MEMORY_BYTES),
            memory_swap: Some(MEMORY_BYTES),
            nano_cpus: Some(NANO_CPUS),
            network_mode: Some(network),
            tmpfs: Some(HashMap::from([("/tmp".to_string(), TMPFS_OPTIONS.into())])),
            binds: None,
            mounts: None,
            privileged: Some(false),
            publish_all_ports: Some(false),
            device_requests,
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// The local image's id for a pinned reference: the reference itself when the engine knows its
/// registry digest, else an image whose id is the digest and which carries the name (an image
/// built or imported here has no registry digest). Never pulls.
async fn resolve_image(docker: &Docker, image: &str) -> Result<String, String> {
    let (name, digest) = image
        .rsplit_once("@sha256:")
        .ok_or_else(|| format!("image {image:?} is not pinned by digest"))?;
    if let Ok(found) = docker.inspect_image(image).await
        && let Some(id) = found.id
    {
        return Ok(id);
    }
    let id = format!("sha256:{digest}");
    let found = docker.inspect_image(&id).await.map_err(|e| match e {
        BollardError::DockerResponseServerError {
            status_code: 404, ..
        } => format!("image {image:?} is not present on this host (the agent never pulls)"),
        other => format!("inspecting image {image:?}: {other}"),
    })?;
    let named = found.repo_tags.unwrap_or_default().iter().any(|tag| {
        tag.rsplit_once(':')
            .is_some_and(|(repository, _)| repository == name)
    });
    if found.id.as_deref() != Some(id.as_str()) || !named {
        return Err(format!(
            "image {image:?} is not present on this host (the agent never pulls)"
        ));
    }
    Ok(id)
}

/// Removes the container when dropped before [`ContainerGuard::disarm`].
struct ContainerGuard {
    docker: Docker,
    id: Option<String>,
}

impl ContainerGuard {
    fn disarm(&mut self) {
        self.id = None;
    }
}

impl Drop for ContainerGuard {
    fn drop(&mut self) {
        let Some(id) = self.id.take() else { return };
        let docker = self.docker.clone();
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move {
                remove(&docker, &id).await;
            });
        }
    }
}

/// Force-removes a container, logging a failure.
async fn remove(docker: &Docker, id: &str) {
    let options = RemoveContainerOptionsBuilder::default().force(true).build();
    if let Err(error) = docker.remove_container(id, Some(options)).await {
        tracing::warn!(container = %id, %error, "could not remove a worker container");
    }
}

/// Runs `task` (admitted by `entry`) as job `job_id` of the agent `owner`. The error is one
/// line: the container could not be created or started.
pub async fn run(
    docker: &Docker,
    task: &ContainerParams,
    entry: &ImageEntry,
    job: JobOfOwner<'_>,
    sink: Option<OutputSink>,
) -> Result<CommandResult, String> {
    let job_id = job.job_id;
    let image_id = resolve_image(docker, &task.image).await?;
    let body = container_body(&image_id, task, entry, job_id, job.owner);
    let name = format!("cyberbrain-job-{job_id}");
    let options = CreateContainerOptionsBuilder::default().name(&name).build();
    let created = docker
        .create_container(Some(options), body)
        .await
        .map_err(|e| format!("creating the worker container: {e}"))?;
    let mut guard = ContainerGuard {
        docker: docker.clone(),
        id: Some(created.id.clone()),
    };
    let started = Instant::now();
    docker
        .start_container(&created.id, None)
        .await
        .map_err(|e| format!("starting the worker container: {e}"))?;
    let mut output = CappedOutput::new(OUTPUT_CAP);
    let mut stream = sink.map(|sink| LineStream::new(sink, OUTPUT_CAP));
    let logs = LogsOptionsBuilder::default()
        .follow(true)
        .stdout(true)
        .stderr(true)
        .build();
    let mut logs = docker.logs(&created.id, Some(logs));
    while let Some(piece) = logs.next().await {
        match piece {
            Ok(piece) => {
                let bytes = piece.into_bytes();
                output.push(&bytes);
                if let Some(stream) = stream.as_mut() {
                    stream.push(&bytes);
                }
            }
            Err(error) => {
                tracing::warn!(container = %created.id, %error, "worker logs ended early");
                break;
            }
        }
    }
    let exit_code = wait(docker, &created.id).await;
    let duration = started.elapsed();
    if let Some(mut stream) = stream.take() {
        stream.finish();
    }
    remove(docker, &created.id).await;
    guard.disarm();
    Ok(CommandResult {
        name: task.image.clone(),
        exit_code,
        signal: None,
        timed_out: false,
        duration_ms: u64::try_from(duration.as_millis()).unwrap_or(u64::MAX),
        output_bytes: output.total(),
        truncated: output.truncated(),
        output: output.into_text(),
    })
}

/// The container's exit code, once it has stopped.
async fn wait(docker: &Docker, id: &str) -> Option<i32> {
    let mut waits = docker.wait_container(id, None);
    let code = match waits.next().await {
        Some(Ok(response)) => response.status_code,
        // bollard reports a non-zero exit as this error.
        Some(Err(BollardError::DockerContainerWaitError { code, .. })) => code,
        Some(Err(error)) => {
            tracing::warn!(container = %id, %error, "waiting for a worker container");
            return None;
        }
        None => return None,
    };
    i32::try_from(code).ok()
}

/// A job's id and the agent running it (its [`super::owner_id`]).
#[derive(Debug, Clone, Copy)]
pub struct JobOfOwner<'a> {
    /// The job's id.
    pub job_id: &'a str,
    /// The owner id of the agent running it.
    pub owner: &'a str,
}

/// Whether a worker container with these labels is `owner`'s to remove: it carries `owner` in
/// [`OWNER_LABEL`], or no owner at all (started by an agent from before the label).
fn is_owned_by(labels: Option<&HashMap<String, String>>, owner: &str) -> bool {
    labels
        .and_then(|l| l.get(OWNER_LABEL))
        .is_none_or(|o| o == owner)
}

/// Removes every worker container a previous run of this agent (`owner`) left, labelled
/// [`JOB_LABEL`]: after a crash, nothing of a lost job keeps running. Another agent's workers on
/// the same Docker engine are left alone. Returns how many were removed.
pub async fn remove_orphans(docker: &Docker, owner: &str) -> Result<usize, String> {
    let filters = HashMap::from([("label", vec![JOB_LABEL])]);
    let options = ListContainersOptionsBuilder::default()
        .all(true)
        .filters(&filters)
        .build();
    let orphans = docker
        .list_containers(Some(options))
        .await
        .map_err(|e| format!("listing worker containers: {e}"))?;
    let mut removed = 0;
    for orphan in orphans {
        if !is_owned_by(orphan.labels.as_ref(), owner) {
            continue;
        }
        let Some(id) = orphan.id else { continue };
        let job = orphan
            .labels
            .as_ref()
            .and_then(|l| l.get(JOB_LABEL))
            .cloned()
            .unwrap_or_default();
        tracing::warn!(container = %id, job = %job, "removing a worker container left by a previous agent");
        remove(docker, &id).await;
        removed += 1;
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_is_hardened_by_default() {
        let task = ContainerParams {
            image: format!("w@sha256:{}", "a".repeat(64)),
            args: vec!["echo".into()],
            gpus: true,
            ..Default::default()
        };
        let entry = ImageEntry {
            image: task.image.clone(),
            network: None,
            gpus: false,
        };
        let body = container_body("sha256:x", &task, &entry, "job-1", "owner-1");
        let host = body.host_config.expect("host config");
        assert_eq!(host.readonly_rootfs, Some(true));
        assert_eq!(host.cap_drop, Some(vec!["ALL".to_string()]));
        assert_eq!(host.network_mode.as_deref(), Some("none"));
        assert!(
            host.device_requests.is_none(),
            "GPUs need the entry's consent"
        );
        assert!(host.binds.is_none() && host.mounts.is_none());
        assert_eq!(body.user.as_deref(), Some(WORKER_USER));
        assert_eq!(
            body.labels
                .expect("labels")
                .get(JOB_LABEL)
                .map(String::as_str),
            Some("job-1")
        );
    }

    #[test]
    fn only_the_agents_own_and_unowned_workers_are_its_orphans() {
        let labels = |owner: Option<&str>| {
            let mut labels = HashMap::from([(JOB_LABEL.to_string(), "job-1".to_string())]);
            if let Some(owner) = owner {
                labels.insert(OWNER_LABEL.to_string(), owner.to_string());
            }
            labels
        };
        assert!(is_owned_by(Some(&labels(Some("me"))), "me"));
        assert!(!is_owned_by(Some(&labels(Some("other"))), "me"));
        assert!(is_owned_by(Some(&labels(None)), "me"));
        assert!(is_owned_by(None, "me"));
    }
}
