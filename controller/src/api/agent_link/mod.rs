//! `AgentLink.Attach`: one long-lived stream per connected agent.
//!
//! The agent's name comes from its client certificate (verified by the TLS layer against the agent
//! CA), never from a message. Each stream gets a task that relays the agent's messages to the store
//! and dispatches the agent's queued jobs whenever its doorbell rings (a launch or a requeue for it,
//! or the reaper's safety sweep).

use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::agent::v1::agent_link_server::AgentLink;
use cyberbrain_tasks::wire::allowlist_to_wire;
use futures_util::Stream;
use tokio::sync::{Notify, mpsc};
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status, Streaming};
use tracing::Instrument;
use uuid::Uuid;

use crate::app::App;
use crate::connected::ConnectionHandle;
use crate::dispatcher::Dispatcher;
use crate::error::Error;
use crate::heartbeats::Heartbeats;
use crate::in_flight::InFlight;
use crate::job_writer::JobWriter;
use cyberbrain_model::fleet::AgentState;
use cyberbrain_model::runs::JobStatus;

mod attach_guard;
mod checks;
mod connection;

use attach_guard::AttachGuard;
pub use checks::{
    CheckedHello, CheckedMessage, PeerIdentity, check_agent_message, check_hello, peer_identity,
};
use connection::Connection;

/// How long an agent has to say `Hello` after the stream opens.
const HELLO_TIMEOUT: Duration = Duration::from_secs(10);
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
        let peer_addr = request.remote_addr();
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
        let name = peer.name.clone();
        let CheckedHello {
            agent: hello,
            in_flight,
        } = check_hello(peer, hello)?;
        let turn = self.app.connected.attach_turn(&name).await;
        if let Err(refused) = self.app.connected.admit(&name) {
            self.app.metrics.agent_replacement_refused();
            if refused.log {
                tracing::warn!(agent = %name,
                    live_peer = %refused.live_peer.map_or_else(|| "unknown".into(), |a| a.to_string()),
                    new_peer = %peer_addr.map_or_else(|| "unknown".into(), |a| a.to_string()),
                    "refusing an attach: this agent's stream keeps being replaced, two hosts may share its certificate (sampled)");
            }
            return Err(Status::from(Error::RateLimited {
                what: format!("stream replacements of agent {name:?}"),
                retry_after: refused.retry_after,
            }));
        }
        let session = format!("{}/{}", self.app.settings.replica, Uuid::new_v4());
        // The session becomes the agent's current one; an older one, on any replica, is told
        // to close (through the database's notification) and is not dispatched to any more.
        let cyberbrain_store::Attached { agent, replaced } = self
            .app
            .store
            .agent_attached(&hello, &session, self.app.settings.heartbeat_interval)
            .await
            .map_err(Error::from)?;
        if let Some(replaced) = &replaced {
            tracing::warn!(agent = %agent.name, replaced = %replaced,
                new_peer = %peer_addr.map_or_else(|| "unknown".into(), |a| a.to_string()),
                "another stream of this agent was live; it is told to close");
        }
        let doorbell = Arc::new(Notify::new());
        let guard = AttachGuard::new(
            self.app.clone(),
            agent.id,
            session.clone(),
            doorbell.clone(),
        );
        let lost = self
            .app
            .store
            .requeue_jobs_lost_by_agent(agent.id, &in_flight, replaced.as_deref())
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
                acks_heartbeats: true,
            })),
        };
        outbound
            .send(Ok(welcome))
            .await
            .map_err(|_| Status::from(Error::Cancelled("agent went away")))?;
        tracing::info!(agent_id = %agent.id, agent = %agent.name, hostname = %agent.hostname, "agent connected");
        let (cancels, cancel_receiver) = mpsc::channel(256);
        let (placed, placed_receiver) = mpsc::channel(16);
        let revoked = Arc::new(Notify::new());
        let replaced = Arc::new(Notify::new());
        let in_flight = Arc::new(InFlight::default());
        self.app.connected.register(
            agent.id,
            ConnectionHandle {
                doorbell: doorbell.clone(),
                cancels,
                revoked: revoked.clone(),
                replaced: replaced.clone(),
                session: session.clone(),
                in_flight: in_flight.clone(),
                placed,
                name: agent.name.clone(),
                peer: peer_addr,
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
            return Err(Status::from(Error::permission_denied(format!(
                "agent {:?} is revoked",
                agent.name
            ))));
        }
        drop(turn);
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
            replaced,
            in_flight,
        };
        self.app.metrics.stream_opened();
        guard.disarm();
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

#[cfg(test)]
mod tests {
    use super::*;

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
