//! `AgentLink.Attach`: one long-lived stream per connected agent.
//!
//! The agent's name comes from its client certificate (verified by the TLS layer against the agent
//! CA), never from a message. Each stream gets a task that relays the agent's messages to the store
//! and dispatches the agent's queued jobs whenever its doorbell rings (a launch or a requeue for it,
//! or the reaper's safety sweep).

use std::collections::{BTreeMap, HashMap};
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::agent::v1::agent_link_server::AgentLink;
use cyberbrain_proto::v1 as pb;
use cyberbrain_tasks::TaskResult;
use cyberbrain_tasks::wire::allowlist_to_wire;
use cyberbrain_telemetry::traces;
use futures_util::Stream;
use tokio::sync::{Notify, mpsc};
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status, Streaming};
use tracing::Instrument;
use uuid::Uuid;

use super::parse_id;
use crate::app::App;
use crate::connected::ConnectionHandle;
use crate::connected::{Claimed, MAX_IN_FLIGHT_PER_AGENT};
use crate::dispatcher::Dispatcher;
use crate::error::Error;
use crate::heartbeats::Heartbeats;
use crate::in_flight::InFlight;
use crate::job_writer::JobWriter;
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::fleet::{Agent, AgentHello, AgentState, Capabilities};
use cyberbrain_model::runs::JobStatus;
use cyberbrain_store::{ClaimRequest, JobAccepted, JobOutcome, ResultOutcome};

/// How long an agent has to say `Hello` after the stream opens.
const HELLO_TIMEOUT: Duration = Duration::from_secs(10);
/// Limits on what an agent may say about itself.
const MAX_LABELS: usize = 64;
const MAX_LABEL_KEY_LEN: usize = 63;
const MAX_LABEL_VALUE_LEN: usize = 255;
const MAX_TEXT_LEN: usize = 255;

/// Serves the agent link.
#[derive(Debug, Clone)]
pub struct AgentLinkApi {
    app: App,
    workers: LinkWorkers,
}

/// The batching workers an agent stream hands its reports to. They sit above [`App`] (each runs
/// with a clone of it), so the stream holds their handles, not the `App`.
#[derive(Debug, Clone)]
pub struct LinkWorkers {
    /// Heartbeats waiting to be written.
    pub heartbeats: Heartbeats,
    /// Claims of queued jobs for this replica's agents, made in batches.
    pub dispatcher: Dispatcher,
    /// Agents' job reports, written in batches.
    pub job_writer: JobWriter,
}

impl AgentLinkApi {
    /// A handler over the shared state and the workers.
    pub fn new(app: App, workers: LinkWorkers) -> Self {
        AgentLinkApi { app, workers }
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
            .map_err(|_| Status::from(Error::DeadlineExceeded("no hello within 10 seconds")))??;
        let hello = match first.and_then(|m| m.message) {
            Some(link::agent_message::Message::Hello(hello)) => hello,
            _ => {
                return Err(Status::from(Error::precondition(
                    "hello",
                    "the first message on the stream must be hello",
                )));
            }
        };
        let in_flight: Vec<Uuid> = hello
            .in_flight
            .iter()
            .filter_map(|j| Uuid::parse_str(&j.job_id).ok())
            .collect();
        let hello = check_hello(peer, hello)?;
        let session = format!("{}/{}", self.app.settings.replica, Uuid::new_v4());
        let agent = self
            .app
            .store
            .agent_connected(&hello, &session)
            .await
            .map_err(Error::from)?;
        let lost = self
            .app
            .store
            .requeue_jobs_lost_by_agent(agent.id, &in_flight)
            .await
            .map_err(Error::from)?;
        if lost.requeued + lost.ended > 0 {
            tracing::warn!(agent = %agent.name, requeued = lost.requeued, ended = lost.ended,
                "jobs the agent lost: requeued, or ended lost after their last attempt");
            self.app.metrics.jobs_finished(JobStatus::Lost, lost.ended);
            // In the background: a report being written, or failing, must not hold up or refuse
            // the agent's attach.
            let app = self.app.clone();
            tokio::spawn(
                async move {
                    for run_id in lost.runs_to_finish {
                        if let Err(e) = app.finish_run_if_done(run_id).await {
                            tracing::error!(run_id = %run_id, error = %e, "could not finish run");
                        }
                    }
                }
                .in_current_span(),
            );
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
            .map_err(|_| Status::from(Error::Cancelled("agent went away")))?;
        tracing::info!(agent_id = %agent.id, agent = %agent.name, hostname = %agent.hostname, "agent connected");
        let doorbell = Arc::new(Notify::new());
        let (cancels, cancel_receiver) = mpsc::channel(256);
        let (placed, placed_receiver) = mpsc::channel(16);
        let revoked = Arc::new(Notify::new());
        let in_flight = Arc::new(InFlight::default());
        self.app.connected.register(
            agent.id,
            ConnectionHandle {
                doorbell: doorbell.clone(),
                cancels,
                revoked: revoked.clone(),
                session: session.clone(),
                in_flight: in_flight.clone(),
                placed,
            },
        );
        // A revocation that committed after `agent_connected` read the row, and whose notification
        // came before this registration, would miss this stream: look once more now.
        if self
            .app
            .store
            .get_agent(&agent.name)
            .await
            .map_err(Error::from)?
            .state
            == AgentState::Revoked
        {
            self.app.connected.unregister(agent.id, &doorbell);
            return Err(Status::from(Error::permission_denied(format!(
                "agent {:?} is revoked",
                agent.name
            ))));
        }
        // Jobs may have been queued before this connection registered its doorbell.
        doorbell.notify_one();
        let connection = Connection {
            app: self.app.clone(),
            workers: self.workers.clone(),
            agent,
            session,
            outbound,
            doorbell,
            revoked,
            in_flight,
        };
        self.app.metrics.stream_opened();
        tokio::spawn(connection.serve(inbound, cancel_receiver, placed_receiver));
        Ok(Response::new(Box::pin(ReceiverStream::new(receiver))))
    }
}

/// How long one stream lives: `max_age` less up to 10 %, chosen by `random`, so that agents
/// that connected together (after a controller restart) do not all reconnect together.
fn stream_age(max_age: Duration, random: Uuid) -> Duration {
    let per_mille = u32::try_from(random.as_u128() % 1001).unwrap_or(0);
    max_age - max_age * per_mille / 10_000
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
        .ok_or_else(|| Status::from(Error::unauthenticated("a client certificate is required")))?;
    let leaf = certs
        .first()
        .ok_or_else(|| Status::from(Error::unauthenticated("a client certificate is required")))?;
    let (_, cert) = x509_parser::parse_x509_certificate(leaf.as_ref()).map_err(|_| {
        Status::from(Error::unauthenticated(
            "the client certificate cannot be parsed",
        ))
    })?;
    let name = cert
        .subject()
        .iter_common_name()
        .next()
        .and_then(|cn| cn.as_str().ok())
        .map(str::to_string)
        .ok_or_else(|| {
            Status::from(Error::unauthenticated(
                "the client certificate has no common name",
            ))
        })?;
    let valid = !name.is_empty()
        && name.len() <= MAX_LABEL_KEY_LEN
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !valid {
        return Err(Status::from(Error::unauthenticated(
            "the client certificate's common name is not an agent name",
        )));
    }
    let (serial, expires_at) = crate::pki::serial_and_expiry(leaf.as_ref()).ok_or_else(|| {
        Status::from(Error::unauthenticated(
            "the client certificate cannot be parsed",
        ))
    })?;
    Ok(PeerIdentity {
        name,
        serial,
        expires_at,
    })
}

/// An agent message after every check that needs no database: ids parsed, the result converted
/// to the task catalogue's types.
#[derive(Debug)]
pub enum CheckedMessage {
    /// The jobs the agent is running, whose leases it renews (unparseable ids are skipped).
    Heartbeat {
        /// Job ids.
        running: Vec<Uuid>,
    },
    /// The agent took a job.
    JobAccepted {
        /// Job id.
        job_id: Uuid,
        /// Attempt.
        attempt: u32,
    },
    /// A job's outcome: a result, or the one-line reason it failed.
    JobResult {
        /// Job id.
        job_id: Uuid,
        /// Attempt.
        attempt: u32,
        /// What to record; a malformed result is recorded as a failure.
        outcome: Result<TaskResult, String>,
        /// The W3C trace context of the agent's task span (`traceparent`, `tracestate`; anything
        /// else, or anything longer than 512 bytes, is dropped).
        trace_context: HashMap<String, String>,
    },
}

/// The longest error text kept from a failed job.
const MAX_JOB_ERROR_CHARS: usize = 4096;

/// Checks a message that follows hello on the stream. Pure: the fuzz target `agent_message` and
/// its corpus test call it too.
pub fn check_agent_message(message: link::AgentMessage) -> Result<CheckedMessage, Status> {
    use link::agent_message::Message;
    use link::job_result::Outcome;
    match message.message {
        Some(Message::Heartbeat(heartbeat)) => Ok(CheckedMessage::Heartbeat {
            running: heartbeat
                .running
                .iter()
                .filter_map(|j| Uuid::parse_str(&j.job_id).ok())
                .collect(),
        }),
        Some(Message::JobAccepted(accepted)) => Ok(CheckedMessage::JobAccepted {
            job_id: parse_id("job_accepted.job_id", &accepted.job_id)?,
            attempt: accepted.attempt,
        }),
        Some(Message::JobResult(result)) => {
            let job_id = parse_id("job_result.job_id", &result.job_id)?;
            let outcome = match result.outcome {
                Some(Outcome::Result(r)) => TaskResult::try_from(r)
                    .map_err(|e| format!("the agent sent a malformed result: {e}"))
                    .and_then(storable),
                Some(Outcome::Error(e)) => Err(e.chars().take(MAX_JOB_ERROR_CHARS).collect()),
                None => Err("the agent sent neither a result nor an error".to_string()),
            };
            let trace_context = result
                .trace_context
                .into_iter()
                .filter(|(k, v)| (k == "traceparent" || k == "tracestate") && v.len() <= 512)
                .collect();
            Ok(CheckedMessage::JobResult {
                job_id,
                attempt: result.attempt,
                outcome,
                trace_context,
            })
        }
        Some(Message::Hello(_)) => Err(Status::from(Error::precondition(
            "hello",
            "hello was already received",
        ))),
        None => Err(Status::from(Error::invalid(
            "message",
            "an empty agent message",
        ))),
    }
}

/// The result as it will be stored and read back: PostgreSQL's `jsonb` refuses the NUL character
/// (a container may well print one), so it becomes U+FFFD; a number JSON cannot hold (NaN,
/// infinity) would read back as `null` and break the run's report, so such a result is refused.
fn storable(result: TaskResult) -> Result<TaskResult, String> {
    let mut value = serde_json::to_value(&result)
        .map_err(|e| format!("the agent sent a result that cannot be stored: {e}"))?;
    let mut changed = false;
    replace_nul(&mut value, &mut changed);
    // Only GPU reports carry floating point numbers: they are read back to find a NaN or an
    // infinity that became `null` (and they are small).
    if !changed && !matches!(result, TaskResult::GpuReport(_)) {
        return Ok(result);
    }
    serde_json::from_value(value)
        .map_err(|_| "the agent sent a malformed result: a number is not finite".to_string())
}

fn replace_nul(value: &mut serde_json::Value, changed: &mut bool) {
    use serde_json::Value;
    match value {
        Value::String(text) => {
            if text.contains('\0') {
                *text = text.replace('\0', "\u{fffd}");
                *changed = true;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| replace_nul(v, changed)),
        Value::Object(fields) => fields.values_mut().for_each(|v| replace_nul(v, changed)),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Checks the hello that opens a stream, with the identity the TLS layer verified. Pure, like
/// [`check_agent_message`].
pub fn check_hello(peer: PeerIdentity, hello: link::Hello) -> Result<AgentHello, Status> {
    if hello.labels.len() > MAX_LABELS {
        return Err(Status::from(Error::invalid(
            "hello.labels",
            format!("at most {MAX_LABELS} labels"),
        )));
    }
    for (k, v) in &hello.labels {
        if k.is_empty() || k.len() > MAX_LABEL_KEY_LEN || v.len() > MAX_LABEL_VALUE_LEN {
            return Err(Status::from(Error::invalid(
                "hello.labels",
                format!(
                    "key {k:?} must be 1-{MAX_LABEL_KEY_LEN} bytes and its value at most {MAX_LABEL_VALUE_LEN}"
                ),
            )));
        }
    }
    if hello.hostname.len() > MAX_TEXT_LEN || hello.version.len() > MAX_TEXT_LEN {
        return Err(Status::from(Error::invalid(
            "hello",
            format!("hostname and version must be at most {MAX_TEXT_LEN} bytes"),
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
    workers: LinkWorkers,
    agent: Agent,
    /// This connection's id in the agent's record, so a stale stream cannot mark a newer one offline.
    session: String,
    outbound: Outbound,
    doorbell: Arc<Notify>,
    /// Rung when the agent is revoked (a notification from whichever replica revoked it).
    revoked: Arc<Notify>,
    /// Jobs sent on this connection and not yet answered: dispatch keeps at most
    /// `MAX_IN_FLIGHT_PER_AGENT` (see `in_flight`). Shared with launches on this replica, which
    /// reserve room in it when they dispatch to the agent directly.
    in_flight: Arc<InFlight>,
}

impl Connection {
    async fn serve(
        self,
        mut inbound: Streaming<link::AgentMessage>,
        mut cancels: mpsc::Receiver<(Uuid, u32)>,
        mut placed: mpsc::Receiver<Claimed>,
    ) {
        let mut shutdown = self.app.shutdown.clone();
        let max_age = stream_age(self.app.settings.limits.max_connection_age, Uuid::new_v4());
        let recycle = tokio::time::sleep(max_age);
        tokio::pin!(recycle);
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
                Some(claimed) = placed.recv() => {
                    if !self.send_claimed(claimed, std::time::Instant::now()).await {
                        break;
                    }
                }
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
                    let _ = self.outbound.send(Err(Status::from(Error::permission_denied("the agent was revoked")))).await;
                    break;
                }
                () = cyberbrain_telemetry::shutdown::requested(&mut shutdown) => {
                    // Tell the agent to move on now rather than discover a dead stream later.
                    let goodbye = link::Goodbye { reason: "controller shutting down".into() };
                    let message = link::ControllerMessage { message: Some(link::controller_message::Message::Goodbye(goodbye)) };
                    let _ = self.outbound.send(Ok(message)).await;
                    break;
                }
                () = &mut recycle => {
                    // The agent reconnects at once (and may land on another replica); its running
                    // jobs carry on, and their results are delivered on the next stream.
                    tracing::info!(agent = %self.agent.name, age_seconds = max_age.as_secs(), "recycling an agent stream at its maximum age");
                    let goodbye = link::Goodbye { reason: "the connection reached its maximum age".into() };
                    let message = link::ControllerMessage { message: Some(link::controller_message::Message::Goodbye(goodbye)) };
                    let _ = self.outbound.send(Ok(message)).await;
                    break;
                }
                () = self.outbound.closed() => break,
            }
        }
        self.app.connected.unregister(self.agent.id, &self.doorbell);
        self.app.metrics.stream_closed();
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
            tracing::error!(agent = %self.agent.name, error = %e, "dispatch failed; the reaper's sweep will ring again");
        }
    }

    async fn try_dispatch(&self) -> crate::error::Result<()> {
        let room = self.in_flight.room(MAX_IN_FLIGHT_PER_AGENT);
        if room == 0 {
            return Ok(());
        }
        let claimed_at = std::time::Instant::now();
        let request = ClaimRequest {
            agent_id: self.agent.id,
            lease_owner: self.session.clone(),
            limit: room,
        };
        let claimed = self.workers.dispatcher.claim(request).await?;
        self.in_flight
            .sent(claimed.jobs.iter().map(|job| job.job_id));
        self.send_claimed(claimed, claimed_at).await;
        Ok(())
    }

    /// Sends the agent jobs dispatched to it (by a claim here, or directly by a launch here), which
    /// are already counted in flight. False once the stream is gone: the agent's next hello, or
    /// the leases' expiry, requeues the jobs.
    async fn send_claimed(&self, claimed: Claimed, claimed_at: std::time::Instant) -> bool {
        let Claimed {
            jobs: claimed,
            allowlist,
        } = claimed;
        for job in claimed {
            // A child of the run's launch, whichever replica launched it; the agent's task span
            // is in turn a child of this one.
            let span = tracing::info_span!("dispatch", run_id = %job.run_id, job_id = %job.job_id,
                agent_id = %self.agent.id, task = job.task.task_type().as_str(), attempt = job.attempt);
            traces::set_parent_from_traceparent(&span, job.run_traceparent.as_deref());
            span.in_scope(|| tracing::debug!("job dispatched"));
            let assign = link::Assign {
                job_id: job.job_id.to_string(),
                run_id: job.run_id.to_string(),
                attempt: job.attempt,
                task: Some(pb::TaskSpec::from(&job.task)),
                allowlist: allowlist_to_wire(&allowlist),
                deadline_seconds: u32::try_from(job.deadline.as_secs()).unwrap_or(u32::MAX),
                trace_context: traces::inject(&span),
            };
            let message = link::ControllerMessage {
                message: Some(link::controller_message::Message::Assign(assign)),
            };
            let sent = self.outbound.send(Ok(message)).instrument(span).await;
            if sent.is_err() {
                return false;
            }
            // First attempts only: a redispatch would count the lease that ran out before it.
            if job.attempt == 1 {
                self.app
                    .metrics
                    .job_dispatched(job.since_launch + claimed_at.elapsed());
            }
        }
        true
    }

    async fn handle(&self, message: link::AgentMessage) -> Result<(), Status> {
        match check_agent_message(message)? {
            CheckedMessage::Heartbeat { running } => {
                self.workers.heartbeats.seen(self.agent.id, &self.session);
                let grace = self.app.settings.heartbeat_interval * 2;
                self.in_flight.reconcile(&running, grace);
                self.app
                    .store
                    .renew_leases(
                        self.agent.id,
                        &self.session,
                        &running,
                        self.app.settings.lease(),
                    )
                    .await
                    .map_err(Error::from)?;
            }
            CheckedMessage::JobAccepted { job_id, attempt } => {
                let report = JobAccepted {
                    agent_id: self.agent.id,
                    job_id,
                    attempt,
                };
                self.workers
                    .job_writer
                    .accepted(report)
                    .await
                    .map_err(|e| Status::from(Error::unavailable(e.to_string())))?;
            }
            CheckedMessage::JobResult {
                job_id,
                attempt,
                outcome,
                trace_context,
            } => {
                // The agent's task span is the parent (when the agent exports traces), so the
                // result joins the run's trace.
                let span = tracing::info_span!("job_result", run_id = tracing::field::Empty,
                    job_id = %job_id, agent_id = %self.agent.id, attempt);
                traces::set_parent(&span, &trace_context);
                self.job_result(job_id, attempt, outcome)
                    .instrument(span)
                    .await?
            }
        }
        Ok(())
    }

    async fn job_result(
        &self,
        job_id: Uuid,
        attempt: u32,
        outcome: Result<TaskResult, String>,
    ) -> Result<(), Status> {
        let succeeded = outcome.is_ok();
        let report = JobOutcome {
            agent_id: self.agent.id,
            job_id,
            attempt,
            outcome,
        };
        // The span covers the wait for the batch that stores this result (see `job_writer`).
        let stored = self
            .workers
            .job_writer
            .outcome(report)
            .instrument(tracing::info_span!("db.record_job_outcome"))
            .await
            .map_err(|e| Status::from(Error::unavailable(e.to_string())))?;
        // Any answer but a foreign job's frees the job's place; the agent may have room for more.
        // (The writer checks whether the run is done.)
        if stored != ResultOutcome::ForeignJob && self.in_flight.answered(job_id) {
            self.doorbell.notify_one();
        }
        match &stored {
            ResultOutcome::Recorded { run_id } => {
                let status = if succeeded {
                    JobStatus::Succeeded
                } else {
                    JobStatus::Failed
                };
                self.app.metrics.jobs_finished(status, 1);
                tracing::Span::current().record("run_id", tracing::field::display(run_id));
                tracing::debug!(run_id = %run_id, job_id = %job_id, agent_id = %self.agent.id,
                    succeeded, "job result stored");
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
                    .with(serde_json::json!({ "reason": "the job belongs to another agent", "attempt": attempt }));
                self.app
                    .store
                    .record_audit(&audit)
                    .await
                    .map_err(Error::from)?;
                return Err(Status::from(Error::permission_denied(format!(
                    "job {job_id} belongs to another agent; agent {:?} may report only on its own jobs",
                    self.agent.name
                ))));
            }
        }
        // Acknowledge after the commit (or for results that can never be stored), so the agent drops it.
        let ack = link::ControllerMessage {
            message: Some(link::controller_message::Message::Ack(link::Ack {
                job_id: job_id.to_string(),
                attempt,
            })),
        };
        let _ = self.outbound.send(Ok(ack)).await;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cyberbrain_tasks::{ContainerLogDigest, LogTriageResult};

    #[test]
    fn results_are_made_storable() {
        let with_nul = TaskResult::LogTriage(LogTriageResult {
            containers: vec![ContainerLogDigest {
                name: "web\0".into(),
                ..Default::default()
            }],
            skipped_containers: 0,
        });
        let TaskResult::LogTriage(r) = storable(with_nul).unwrap() else {
            unreachable!()
        };
        assert_eq!(r.containers[0].name, "web\u{fffd}");

        let nan = TaskResult::GpuReport(cyberbrain_tasks::GpuReportResult {
            gpus: vec![cyberbrain_tasks::GpuStats {
                utilization_gpu_sampled: Some(cyberbrain_tasks::SampleStats {
                    min: 0.0,
                    mean: f64::NAN,
                    max: 1.0,
                }),
                ..Default::default()
            }],
            ..Default::default()
        });
        assert!(storable(nan).unwrap_err().contains("not finite"));
        let fine = TaskResult::GpuReport(Default::default());
        assert_eq!(storable(fine.clone()).unwrap(), fine);
    }

    #[test]
    fn stream_ages_spread_over_the_last_tenth() {
        let max = Duration::from_secs(3600);
        assert_eq!(stream_age(max, Uuid::from_u128(0)), max);
        assert_eq!(
            stream_age(max, Uuid::from_u128(1000)),
            Duration::from_secs(3240)
        );
        for _ in 0..100 {
            let age = stream_age(max, Uuid::new_v4());
            assert!(age <= max && age >= Duration::from_secs(3240), "{age:?}");
        }
    }
}
