//! `AgentLink.Attach`: one long-lived stream per connected agent.
//!
//! The agent's name comes from its client certificate (verified by the TLS layer against the agent
//! CA), never from a message. Each stream gets a task that relays the agent's messages to the store
//! and dispatches the agent's queued jobs whenever its doorbell rings (a launch for it) and on a slow
//! safety sweep.

use std::collections::BTreeMap;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::agent::v1::agent_link_server::AgentLink;
use cyberbrain_proto::v1 as pb;
use cyberbrain_tasks::wire::allowlist_to_wire;
use cyberbrain_tasks::{Allowlist, TaskResult};
use cyberbrain_telemetry::traces;
use futures_util::Stream;
use tokio::sync::{Notify, mpsc};
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status, Streaming};
use tracing::Instrument;
use uuid::Uuid;

use super::parse_id;
use crate::app::App;
use crate::audit::AuditEntry;
use crate::fleet::{Agent, AgentHello, AgentState, Capabilities, ConnectionHandle};
use crate::store::ResultOutcome;

/// How long an agent has to say `Hello` after the stream opens.
const HELLO_TIMEOUT: Duration = Duration::from_secs(10);
/// Safety sweep for queued jobs, in case a notification was lost: slow, since notifications are
/// the mechanism and every stream sweeps (10,000 agents make 330 sweeps a second at this pace).
const DISPATCH_SWEEP: Duration = Duration::from_secs(30);
/// Jobs sent to one agent and not yet answered, at the most.
const MAX_IN_FLIGHT_PER_AGENT: u32 = 64;
/// Limits on what an agent may say about itself.
const MAX_LABELS: usize = 64;
const MAX_LABEL_KEY_LEN: usize = 63;
const MAX_LABEL_VALUE_LEN: usize = 255;
const MAX_TEXT_LEN: usize = 255;

/// Serves the agent link.
#[derive(Debug, Clone)]
pub struct AgentLinkApi {
    app: App,
}

impl AgentLinkApi {
    /// A handler over the shared state.
    pub fn new(app: App) -> Self {
        AgentLinkApi { app }
    }
}

type OutboundStream = Pin<Box<dyn Stream<Item = Result<link::ControllerMessage, Status>> + Send>>;
type Outbound = mpsc::Sender<Result<link::ControllerMessage, Status>>;

#[tonic::async_trait]
impl AgentLink for AgentLinkApi {
    type AttachStream = OutboundStream;

    async fn attach(
        &self,
        request: Request<Streaming<link::AgentMessage>>,
    ) -> Result<Response<Self::AttachStream>, Status> {
        let peer = peer_identity(&request)?;
        let mut inbound = request.into_inner();
        let first = tokio::time::timeout(HELLO_TIMEOUT, inbound.message())
            .await
            .map_err(|_| Status::deadline_exceeded("no hello within 10 seconds"))??;
        let hello = match first.and_then(|m| m.message) {
            Some(link::agent_message::Message::Hello(hello)) => hello,
            _ => {
                return Err(Status::failed_precondition(
                    "the first message on the stream must be hello",
                ));
            }
        };
        let in_flight: Vec<Uuid> = hello
            .in_flight
            .iter()
            .filter_map(|j| Uuid::parse_str(&j.job_id).ok())
            .collect();
        let hello = hello_from_wire(peer, hello)?;
        let session = format!("{}/{}", self.app.settings.replica, Uuid::new_v4());
        let agent = self.app.store.agent_connected(&hello, &session).await?;
        let requeued = self
            .app
            .store
            .requeue_jobs_lost_by_agent(agent.id, &in_flight)
            .await?;
        if requeued > 0 {
            tracing::warn!(agent = %agent.name, jobs = requeued, "requeued jobs the agent lost");
        }
        let allowlist = self.app.current_allowlist().await?;
        let (outbound, receiver) = mpsc::channel(64);
        let welcome = link::ControllerMessage {
            message: Some(link::controller_message::Message::Welcome(link::Welcome {
                agent_id: agent.id.to_string(),
                agent_name: agent.name.clone(),
                heartbeat_interval_seconds: u32::try_from(
                    self.app.settings.heartbeat_interval.as_secs(),
                )
                .unwrap_or(u32::MAX),
                allowlist: allowlist_to_wire(&allowlist),
            })),
        };
        outbound
            .send(Ok(welcome))
            .await
            .map_err(|_| Status::cancelled("agent went away"))?;
        tracing::info!(agent_id = %agent.id, agent = %agent.name, hostname = %agent.hostname, "agent connected");
        let doorbell = Arc::new(Notify::new());
        let (cancels, cancel_receiver) = mpsc::channel(256);
        let revoked = Arc::new(Notify::new());
        self.app.connected.register(
            agent.id,
            ConnectionHandle {
                doorbell: doorbell.clone(),
                cancels,
                revoked: revoked.clone(),
            },
        );
        // A revocation that committed after `agent_connected` read the row, and whose notification
        // came before this registration, would miss this stream: look once more now.
        if self.app.store.get_agent(&agent.name).await?.state == AgentState::Revoked {
            self.app.connected.unregister(agent.id, &doorbell);
            return Err(Status::permission_denied(format!(
                "agent {:?} is revoked",
                agent.name
            )));
        }
        // Jobs may have been queued before this connection registered its doorbell.
        doorbell.notify_one();
        let connection = Connection {
            app: self.app.clone(),
            agent,
            session,
            outbound,
            doorbell,
            revoked,
            in_flight: AtomicU32::new(0),
        };
        tokio::spawn(connection.serve(inbound, cancel_receiver));
        Ok(Response::new(Box::pin(ReceiverStream::new(receiver))))
    }
}

/// Who is on the other end of an mTLS connection, from its verified client certificate.
#[derive(Debug, Clone)]
pub struct PeerIdentity {
    /// The agent's name: the certificate's common name.
    pub name: String,
    /// The certificate's serial, lowercase hex.
    pub serial: String,
    /// Its expiry.
    pub expires_at: chrono::DateTime<chrono::Utc>,
}

/// The agent's identity: the name (common name), serial and expiry of the verified client
/// certificate. The TLS layer has checked the chain, the validity period and the key usage.
pub fn peer_identity<T>(request: &Request<T>) -> Result<PeerIdentity, Status> {
    let certs = request
        .peer_certs()
        .ok_or_else(|| Status::unauthenticated("a client certificate is required"))?;
    let leaf = certs
        .first()
        .ok_or_else(|| Status::unauthenticated("a client certificate is required"))?;
    let (_, cert) = x509_parser::parse_x509_certificate(leaf.as_ref())
        .map_err(|_| Status::unauthenticated("the client certificate cannot be parsed"))?;
    let name = cert
        .subject()
        .iter_common_name()
        .next()
        .and_then(|cn| cn.as_str().ok())
        .map(str::to_string)
        .ok_or_else(|| Status::unauthenticated("the client certificate has no common name"))?;
    let valid = !name.is_empty()
        && name.len() <= MAX_LABEL_KEY_LEN
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !valid {
        return Err(Status::unauthenticated(
            "the client certificate's common name is not an agent name",
        ));
    }
    let (serial, expires_at) = crate::pki::serial_and_expiry(leaf.as_ref())
        .ok_or_else(|| Status::unauthenticated("the client certificate cannot be parsed"))?;
    Ok(PeerIdentity {
        name,
        serial,
        expires_at,
    })
}

fn hello_from_wire(peer: PeerIdentity, hello: link::Hello) -> Result<AgentHello, Status> {
    if hello.labels.len() > MAX_LABELS {
        return Err(Status::invalid_argument(format!(
            "invalid hello.labels: at most {MAX_LABELS} labels"
        )));
    }
    for (k, v) in &hello.labels {
        if k.is_empty() || k.len() > MAX_LABEL_KEY_LEN || v.len() > MAX_LABEL_VALUE_LEN {
            return Err(Status::invalid_argument(format!(
                "invalid hello.labels: key {k:?} must be 1-{MAX_LABEL_KEY_LEN} bytes and its value at most {MAX_LABEL_VALUE_LEN}"
            )));
        }
    }
    if hello.hostname.len() > MAX_TEXT_LEN || hello.version.len() > MAX_TEXT_LEN {
        return Err(Status::invalid_argument(format!(
            "invalid hello: hostname and version must be at most {MAX_TEXT_LEN} bytes"
        )));
    }
    let caps = hello.capabilities.unwrap_or_default();
    Ok(AgentHello {
        name: peer.name,
        cert_serial: Some(peer.serial),
        cert_expires_at: Some(peer.expires_at),
        hostname: hello.hostname,
        labels: hello.labels.into_iter().collect::<BTreeMap<_, _>>(),
        version: hello.version,
        capabilities: Capabilities {
            docker_reachable: caps.docker_reachable,
            nvml_available: caps.nvml_available,
            gpu_count: caps.gpu_count,
            driver_version: caps.driver_version.chars().take(MAX_TEXT_LEN).collect(),
        },
    })
}

/// One agent's stream on this replica.
struct Connection {
    app: App,
    agent: Agent,
    /// This connection's id in the agent's record, so a stale stream cannot mark a newer one offline.
    session: String,
    outbound: Outbound,
    doorbell: Arc<Notify>,
    /// Rung when the agent is revoked (a notification from whichever replica revoked it).
    revoked: Arc<Notify>,
    /// Jobs sent on this connection and not yet answered: dispatch keeps at most
    /// `MAX_IN_FLIGHT_PER_AGENT`, so that a backlog waits in the database (where any replica can
    /// hand it out) rather than in one agent's queue with its leases running.
    in_flight: AtomicU32,
}

impl Connection {
    async fn serve(
        self,
        mut inbound: Streaming<link::AgentMessage>,
        mut cancels: mpsc::Receiver<(Uuid, u32)>,
    ) {
        let mut sweep = tokio::time::interval(DISPATCH_SWEEP);
        let mut shutdown = self.app.shutdown.clone();
        loop {
            tokio::select! {
                message = inbound.message() => match message {
                    Ok(Some(message)) => {
                        if let Err(status) = self.handle(message).await {
                            tracing::warn!(agent = %self.agent.name, error = %status.message(), "closing agent stream");
                            let _ = self.outbound.send(Err(status)).await;
                            break;
                        }
                    }
                    Ok(None) => break,
                    Err(status) => {
                        tracing::info!(agent = %self.agent.name, reason = %status.message(), "agent stream ended");
                        break;
                    }
                },
                                () = self.doorbell.notified() => self.dispatch().await,
                Some((job_id, attempt)) = cancels.recv() => {
                    tracing::info!(agent = %self.agent.name, job_id = %job_id, attempt, "cancelling job on agent");
                    let cancel = link::Cancel { job_id: job_id.to_string(), attempt };
                    let message = link::ControllerMessage { message: Some(link::controller_message::Message::Cancel(cancel)) };
                    if self.outbound.send(Ok(message)).await.is_err() {
                        break;
                    }
                }
                () = self.revoked.notified() => {
                    tracing::warn!(agent = %self.agent.name, "closing the stream of a revoked agent");
                    let _ = self.outbound.send(Err(Status::permission_denied("the agent was revoked"))).await;
                    break;
                }
                () = crate::app::until_shutdown(&mut shutdown) => {
                    // Tell the agent to move on now rather than discover a dead stream later.
                    let goodbye = link::Goodbye { reason: "controller shutting down".into() };
                    let message = link::ControllerMessage { message: Some(link::controller_message::Message::Goodbye(goodbye)) };
                    let _ = self.outbound.send(Ok(message)).await;
                    break;
                }
                _ = sweep.tick() => self.dispatch().await,
                () = self.outbound.closed() => break,
            }
        }
        self.app.connected.unregister(self.agent.id, &self.doorbell);
        if let Err(e) = self
            .app
            .store
            .agent_disconnected(self.agent.id, &self.session)
            .await
        {
            tracing::error!(agent = %self.agent.name, error = %e, "could not mark agent offline");
        }
        tracing::info!(agent_id = %self.agent.id, agent = %self.agent.name, "agent disconnected");
    }

    /// Claims the agent's queued jobs and sends them.
    async fn dispatch(&self) {
        if let Err(e) = self.try_dispatch().await {
            tracing::error!(agent = %self.agent.name, error = %e, "dispatch failed; the sweep will retry");
        }
    }

    async fn try_dispatch(&self) -> crate::error::Result<()> {
        let room = MAX_IN_FLIGHT_PER_AGENT.saturating_sub(self.in_flight.load(Ordering::Relaxed));
        if room == 0 {
            return Ok(());
        }
        let allowlist = self.app.current_allowlist().await?;
        let settings = &self.app.settings;
        let claimed = self
            .app
            .store
            .claim_queued_jobs_for_agent(
                self.agent.id,
                &self.session,
                settings.lease(),
                settings.job_deadline,
                &allowlist,
                room,
            )
            .await?;
        self.in_flight.fetch_add(
            u32::try_from(claimed.len()).unwrap_or(u32::MAX),
            Ordering::Relaxed,
        );
        for job in claimed {
            // A child of the run's launch, whichever replica launched it; the agent's task span
            // is in turn a child of this one.
            let span = tracing::info_span!("dispatch", run_id = %job.run_id, job_id = %job.job_id,
                agent_id = %self.agent.id, task = job.task.task_type().as_str(), attempt = job.attempt);
            traces::set_parent_from_traceparent(&span, job.run_traceparent.as_deref());
            span.in_scope(|| tracing::info!("job dispatched"));
            let assign = link::Assign {
                job_id: job.job_id.to_string(),
                run_id: job.run_id.to_string(),
                attempt: job.attempt,
                task: Some(pb::TaskSpec::from(&job.task)),
                allowlist: allowlist_to_wire(&allowlist),
                deadline_seconds: u32::try_from(settings.job_deadline.as_secs())
                    .unwrap_or(u32::MAX),
                trace_context: traces::inject(&span),
            };
            let message = link::ControllerMessage {
                message: Some(link::controller_message::Message::Assign(assign)),
            };
            let sent = self.outbound.send(Ok(message)).instrument(span).await;
            if sent.is_err() {
                // The stream is gone; the agent's next hello, or the lease's expiry, requeues the job.
                return Ok(());
            }
        }
        Ok(())
    }

    async fn handle(&self, message: link::AgentMessage) -> Result<(), Status> {
        use link::agent_message::Message;
        match message.message {
            Some(Message::Heartbeat(heartbeat)) => {
                self.app.heartbeats.seen(self.agent.id, &self.session);
                let running: Vec<Uuid> = heartbeat
                    .running
                    .iter()
                    .filter_map(|j| Uuid::parse_str(&j.job_id).ok())
                    .collect();
                self.app
                    .store
                    .renew_leases(
                        self.agent.id,
                        &self.session,
                        &running,
                        self.app.settings.lease(),
                    )
                    .await?;
            }
            Some(Message::JobAccepted(accepted)) => {
                let job_id = parse_id("job_accepted.job_id", &accepted.job_id)?;
                self.app
                    .store
                    .job_accepted(self.agent.id, job_id, accepted.attempt)
                    .await?;
            }
            Some(Message::JobResult(result)) => {
                // The agent's task span is the parent (when the agent exports traces), so the
                // result joins the run's trace.
                let span = tracing::info_span!("job_result", run_id = tracing::field::Empty,
                    job_id = %result.job_id, agent_id = %self.agent.id, attempt = result.attempt);
                traces::set_parent(&span, &result.trace_context);
                self.job_result(result).instrument(span).await?
            }
            Some(Message::Hello(_)) => {
                return Err(Status::failed_precondition("hello was already received"));
            }
            None => return Err(Status::invalid_argument("empty agent message")),
        }
        Ok(())
    }

    async fn job_result(&self, result: link::JobResult) -> Result<(), Status> {
        use link::job_result::Outcome;
        let job_id = parse_id("job_result.job_id", &result.job_id)?;
        let outcome: Result<TaskResult, String> = match result.outcome {
            Some(Outcome::Result(r)) => TaskResult::try_from(r)
                .map_err(|e| format!("the agent sent a malformed result: {e}")),
            Some(Outcome::Error(e)) => Err(e.chars().take(4096).collect()),
            None => Err("the agent sent neither a result nor an error".to_string()),
        };
        let succeeded = outcome.is_ok();
        let agent_name = self.agent.name.clone();
        let stored = self
            .app
            .store
            .record_job_outcome(
                self.agent.id,
                job_id,
                result.attempt,
                outcome,
                |r, allowlist| {
                    let dropped = enforce_allowlist(r, allowlist);
                    if dropped > 0 {
                        tracing::warn!(job_id = %job_id, agent = %agent_name, dropped,
                        "dropped containers outside the allowlist from a result");
                    }
                },
            )
            .await?;
        match &stored {
            ResultOutcome::Recorded { run_id } => {
                tracing::Span::current().record("run_id", tracing::field::display(run_id));
                tracing::info!(run_id = %run_id, job_id = %job_id, agent_id = %self.agent.id,
                    succeeded, "job result stored");
                self.in_flight.fetch_sub(1, Ordering::Relaxed);
                // The agent has room for more; and the run may be done, which is slower work
                // (the report) that must not hold up this agent's stream.
                self.doorbell.notify_one();
                let app = self.app.clone();
                let run_id = *run_id;
                tokio::spawn(
                    async move {
                        if let Err(e) = app.finish_run_if_done(run_id).await {
                            tracing::error!(run_id = %run_id, error = %e, "could not finish run");
                        }
                    }
                    .in_current_span(),
                );
            }
            ResultOutcome::Duplicate => {
                tracing::info!(job_id = %job_id, "duplicate result acknowledged");
            }
            ResultOutcome::Refused { reason } => {
                tracing::warn!(job_id = %job_id, agent = %self.agent.name, reason = %reason, "result refused");
            }
            ResultOutcome::ForeignJob => {
                // Identity is cryptographic: an agent reports on its own jobs only. This one tried
                // another's; record it and close its stream.
                tracing::warn!(job_id = %job_id, agent = %self.agent.name, "refused a result for another agent's job");
                let audit = AuditEntry::new(format!("agent:{}", self.agent.name), "job.result_refused")
                    .on(job_id.to_string())
                    .with(serde_json::json!({ "reason": "the job belongs to another agent", "attempt": result.attempt }));
                self.app.store.record_audit(&audit).await?;
                return Err(Status::permission_denied(format!(
                    "job {job_id} belongs to another agent; agent {:?} may report only on its own jobs",
                    self.agent.name
                )));
            }
        }
        // Acknowledge after the commit (or for results that can never be stored), so the agent drops it.
        let ack = link::ControllerMessage {
            message: Some(link::controller_message::Message::Ack(link::Ack {
                job_id: job_id.to_string(),
                attempt: result.attempt,
            })),
        };
        let _ = self.outbound.send(Ok(ack)).await;
        Ok(())
    }
}

/// Removes from a result every container the job's allowlist does not admit: the controller's half
/// of the two-sided enforcement. Returns how many were removed.
pub fn enforce_allowlist(result: &mut TaskResult, allowlist: &Allowlist) -> usize {
    match result {
        TaskResult::LogTriage(r) => {
            let before = r.containers.len();
            r.containers
                .retain(|c| allowlist.permits(&c.name, &c.image));
            let dropped = before - r.containers.len();
            r.skipped_containers = r
                .skipped_containers
                .saturating_add(u32::try_from(dropped).unwrap_or(u32::MAX));
            dropped
        }
        TaskResult::ServiceMap(r) => {
            let before = r.containers.len();
            r.containers
                .retain(|c| allowlist.permits(&c.name, &c.image));
            let dropped = before - r.containers.len();
            r.hidden_containers = r
                .hidden_containers
                .saturating_add(u32::try_from(dropped).unwrap_or(u32::MAX));
            // Edges and references must not name what was removed either.
            let kept: std::collections::HashSet<String> =
                r.containers.iter().map(|c| c.name.clone()).collect();
            r.edges
                .retain(|e| kept.contains(&e.from) && kept.contains(&e.to));
            for c in &mut r.containers {
                for reference in &mut c.env_references {
                    if !kept.contains(&reference.local_target) {
                        reference.local_target.clear();
                    }
                }
            }
            dropped
        }
        TaskResult::GpuReport(r) => {
            let mut dropped = 0;
            for gpu in &mut r.gpus {
                for p in &mut gpu.processes {
                    let described = !p.container_name.is_empty() || !p.container_image.is_empty();
                    if described && !allowlist.permits(&p.container_name, &p.container_image) {
                        p.container_name.clear();
                        p.container_image.clear();
                        p.container_id =
                            cyberbrain_tasks::short_container_id(&p.container_id).to_string();
                        dropped += 1;
                    }
                }
            }
            dropped
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cyberbrain_tasks::{AllowRule, ContainerLogDigest, LogTriageResult, MatchKind};

    #[test]
    fn results_lose_containers_outside_the_allowlist() {
        let allowlist = Allowlist {
            rules: vec![AllowRule {
                kind: MatchKind::Name,
                pattern: "web".into(),
            }],
        };
        let mut result = TaskResult::LogTriage(LogTriageResult {
            containers: vec![
                ContainerLogDigest {
                    name: "web".into(),
                    ..Default::default()
                },
                ContainerLogDigest {
                    name: "secret-db".into(),
                    ..Default::default()
                },
            ],
            skipped_containers: 0,
        });
        assert_eq!(enforce_allowlist(&mut result, &allowlist), 1);
        let TaskResult::LogTriage(r) = result else {
            unreachable!()
        };
        assert_eq!(r.containers.len(), 1);
        assert_eq!(r.skipped_containers, 1);
    }
}
