//! The registry of agents connected to this replica, and what the rest of the controller can ask of
//! each connection: ring its doorbell, cancel a job, close it, hand it jobs to send.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use cyberbrain_store::ClaimedJob;
use cyberbrain_tasks::Allowlist;
use tokio::sync::{Notify, mpsc};
use uuid::Uuid;

use crate::in_flight::InFlight;

/// Jobs a connection may have sent and not yet seen answered.
pub const MAX_IN_FLIGHT_PER_AGENT: u32 = 64;

/// What one agent got: its jobs and the allowlist they were claimed with.
#[derive(Debug, Clone, Default)]
pub struct Claimed {
    /// The jobs, now dispatched to the agent.
    pub jobs: Vec<ClaimedJob>,
    /// The allowlist copied into them, to send along.
    pub allowlist: Arc<Allowlist>,
}

/// What the rest of the controller can ask of one agent's connection.
#[derive(Debug, Clone)]
pub struct ConnectionHandle {
    /// Rung when the agent has queued jobs; rings coalesce, so a burst of launches costs one claim.
    pub doorbell: Arc<Notify>,
    /// Jobs to cancel on the agent: `(job id, attempt)`.
    pub cancels: mpsc::Sender<(Uuid, u32)>,
    /// Rung when the agent is revoked: the connection closes its stream.
    pub revoked: Arc<Notify>,
    /// Rung when a newer stream of the same agent registers: this one says `Goodbye` and closes.
    pub replaced: Arc<Notify>,
    /// The connection's id, which holds the leases of the jobs sent on it.
    pub session: String,
    /// Jobs sent on the connection and not yet answered.
    pub in_flight: Arc<InFlight>,
    /// Jobs a launch on this replica dispatched to the agent directly, for the connection to send.
    pub placed: mpsc::Sender<Claimed>,
}

impl ConnectionHandle {
    /// Gives the connection jobs dispatched to its agent, to send. Never waits: a connection whose
    /// queue is full gets them from a task of their own. A connection that is gone drops them; their
    /// leases expire and they are dispatched again.
    pub fn hand_over(&self, claimed: Claimed) {
        match self.placed.try_send(claimed) {
            Ok(()) | Err(mpsc::error::TrySendError::Closed(_)) => {}
            Err(mpsc::error::TrySendError::Full(claimed)) => {
                let placed = self.placed.clone();
                tokio::spawn(async move {
                    let _ = placed.send(claimed).await;
                });
            }
        }
    }
}

/// The agents connected to this replica.
///
/// Cheap to clone; shared by the agent link (which registers connections) and by whatever learns
/// that an agent has work or a cancelled job (a launch here, or a notification from another replica).
#[derive(Debug, Clone, Default)]
pub struct ConnectedAgents {
    inner: Arc<Mutex<HashMap<Uuid, ConnectionHandle>>>,
}

impl ConnectedAgents {
    /// Registers a connection. One live stream per agent: a second connection of the same agent
    /// replaces the first, which is told to close (it says `Goodbye`). Its jobs are not stranded:
    /// the new stream's hello requeued those the agent did not list, and the rest are renewed by
    /// the new stream's heartbeats.
    pub fn register(&self, agent_id: Uuid, handle: ConnectionHandle) {
        if let Some(old) = self.lock().insert(agent_id, handle) {
            // notify_one keeps a permit, so a connection busy elsewhere sees it on its next turn.
            old.replaced.notify_one();
        }
    }

    /// Removes a connection, unless a newer one replaced it.
    pub fn unregister(&self, agent_id: Uuid, doorbell: &Arc<Notify>) {
        let mut map = self.lock();
        if map
            .get(&agent_id)
            .is_some_and(|h| Arc::ptr_eq(&h.doorbell, doorbell))
        {
            map.remove(&agent_id);
        }
    }

    /// Wakes the dispatchers of these agents, where connected here.
    pub fn wake(&self, agent_ids: impl IntoIterator<Item = Uuid>) {
        let map = self.lock();
        for id in agent_ids {
            if let Some(handle) = map.get(&id) {
                handle.doorbell.notify_one();
            }
        }
    }

    /// Reserves room for `jobs` on the agent's connection, if it is here and has room for them
    /// all (at most `limit` in flight); returns the connection's handle. The caller hands the jobs
    /// over with [`ConnectionHandle::hand_over`], or releases them.
    pub fn reserve(&self, agent_id: Uuid, jobs: &[Uuid], limit: u32) -> Option<ConnectionHandle> {
        let handle = self.lock().get(&agent_id)?.clone();
        handle.in_flight.reserve(jobs, limit).then_some(handle)
    }

    /// Wakes every dispatcher here (after notifications may have been missed).
    pub fn wake_all(&self) {
        for handle in self.lock().values() {
            handle.doorbell.notify_one();
        }
    }

    /// Asks the agent's connection, if it is here, to cancel a job. Best effort: an agent that
    /// misses it finishes the job and its result is refused.
    pub fn cancel(&self, agent_id: Uuid, job_id: Uuid, attempt: u32) {
        if let Some(handle) = self.lock().get(&agent_id) {
            let _ = handle.cancels.try_send((job_id, attempt));
        }
    }

    /// Closes the agent's stream, if it is connected here, because it was revoked.
    pub fn revoke(&self, agent_id: Uuid) {
        if let Some(handle) = self.lock().get(&agent_id) {
            // notify_one keeps a permit, so a connection busy elsewhere sees it on its next turn.
            handle.revoked.notify_one();
        }
    }

    /// The agents connected here.
    pub fn ids(&self) -> Vec<Uuid> {
        self.lock().keys().copied().collect()
    }

    /// How many agents are connected here.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether no agent is connected here.
    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, ConnectionHandle>> {
        // The map holds no invariant a panicking holder could break, so a poisoned lock is usable.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}
