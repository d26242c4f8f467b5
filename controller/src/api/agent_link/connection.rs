//! One agent's stream, once attached: relays the agent's messages to the store (through the
//! batching workers), sends the jobs claimed for it, renews its leases with its heartbeats, and
//! closes when the agent is revoked, the stream ages out or the replica shuts down.

use std::sync::Arc;

use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::fleet::Agent;
use cyberbrain_model::runs::JobStatus;
use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::v1 as pb;
use cyberbrain_store::{ClaimRequest, JobAccepted, JobOutcome, OutputPiece, ResultOutcome};
use cyberbrain_tasks::TaskResult;
use cyberbrain_tasks::wire::allowlist_to_wire;
use cyberbrain_telemetry::traces;
use tokio::sync::{Notify, mpsc};
use tonic::{Status, Streaming};
use tracing::Instrument;
use uuid::Uuid;

use super::checks::{CheckedMessage, check_agent_message};
use super::{LinkWorkers, Outbound, stream_age};
use crate::app::App;
use crate::connected::{Claimed, MAX_IN_FLIGHT_PER_AGENT};
use crate::error::Error;
use crate::in_flight::InFlight;

/// One agent's stream on this replica.
pub(super) struct Connection {
    pub(super) app: App,
    pub(super) workers: LinkWorkers,
    pub(super) agent: Agent,
    /// This connection's id in the agent's record, so a stale stream cannot mark a newer one offline.
    pub(super) session: String,
    pub(super) outbound: Outbound,
    pub(super) doorbell: Arc<Notify>,
    /// Rung when the agent is revoked (a notification from whichever replica revoked it).
    pub(super) revoked: Arc<Notify>,
    /// Rung when a newer stream of the same agent registered on this replica.
    pub(super) replaced: Arc<Notify>,
    /// Jobs sent on this connection and not yet answered: dispatch keeps at most
    /// `MAX_IN_FLIGHT_PER_AGENT` (see `in_flight`). Shared with launches on this replica, which
    /// reserve room in it when they dispatch to the agent directly.
    pub(super) in_flight: Arc<InFlight>,
}

impl Connection {
    pub(super) async fn serve(
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
                        // A message that does not decode or is over the limit: the agent hears why
                        // (the wire codes layer gives the status its code), rather than a stream
                        // that ends as if all were well. (If the agent went away, nobody reads it.)
                        tracing::info!(agent = %self.agent.name, reason = %status.message(), "agent stream ended");
                        let _ = self.outbound.send(Err(status)).await;
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
                () = self.replaced.notified() => {
                    // One live stream per agent: the newest wins. The agent behind this one (if
                    // it is the real one) reconnects at once and, in turn, replaces the other.
                    tracing::warn!(agent = %self.agent.name, "another stream of this agent attached; closing this one");
                    let goodbye = link::Goodbye { reason: "another stream of this agent attached".into() };
                    let message = link::ControllerMessage { message: Some(link::controller_message::Message::Goodbye(goodbye)) };
                    let _ = self.outbound.send(Ok(message)).await;
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
                // After the leases are renewed: the agent's proof that this stream is served.
                let ack = link::ControllerMessage {
                    message: Some(link::controller_message::Message::HeartbeatAck(
                        link::HeartbeatAck {},
                    )),
                };
                let _ = self.outbound.send(Ok(ack)).await;
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
                    .map_err(|e| Status::from(Error::from(e)))?;
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
            CheckedMessage::JobOutput {
                job_id,
                attempt,
                sequence,
                text,
            } => {
                // A repeat after a reconnect, or a piece of an attempt that is over, is dropped;
                // a piece past the per-job cap is refused and logged (the stream stays up).
                let piece = self
                    .app
                    .store
                    .record_job_output(self.agent.id, job_id, attempt, sequence, &text)
                    .await
                    .map_err(Error::from)?;
                if piece == OutputPiece::OverCap {
                    tracing::warn!(agent_id = %self.agent.id, job_id = %job_id, attempt, sequence,
                        bytes = text.len(), "job output over the per-job cap refused");
                }
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
            .map_err(|e| Status::from(Error::from(e)))?;
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
