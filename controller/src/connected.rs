//! The registry of agents connected to this replica, and what the rest of the controller can ask of
//! each connection: ring its doorbell, cancel a job, close it, hand it jobs to send.

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cyberbrain_store::ClaimedJob;
use cyberbrain_tasks::Allowlist;
use tokio::sync::{Notify, mpsc};
use uuid::Uuid;

use crate::in_flight::InFlight;

/// Jobs a connection may have sent and not yet seen answered.
pub const MAX_IN_FLIGHT_PER_AGENT: u32 = 64;
/// Replacements of one agent's live stream allowed per [`REPLACEMENT_WINDOW`]. Two holders of
/// the same certificate take the stream from each other in a loop (and each hello requeues the
/// other's jobs); a real agent replaces its own stream only after a network change, rarely.
pub const MAX_REPLACEMENTS_PER_WINDOW: usize = 6;
/// The window [`MAX_REPLACEMENTS_PER_WINDOW`] counts over.
pub const REPLACEMENT_WINDOW: Duration = Duration::from_secs(60);
/// Identities whose replacement history is kept before old entries are swept.
const MAX_TRACKED_IDENTITIES: usize = 4096;

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
    /// The agent's name (its certificate's identity), to find its live stream before its id.
    pub name: String,
    /// The peer address of the stream, for the log when another one replaces it.
    pub peer: Option<SocketAddr>,
}

/// An attach that would replace a live stream, refused: the identity did so too often.
#[derive(Debug, Clone)]
pub struct ReplacementRefused {
    /// When the oldest counted replacement leaves the window.
    pub retry_after: Duration,
    /// The peer address of the live stream.
    pub live_peer: Option<SocketAddr>,
    /// Whether this refusal is one to log (the first, then one in 64).
    pub log: bool,
}

/// Recent replacements per identity.
#[derive(Debug, Default)]
struct ReplacementHistory {
    times: VecDeque<Instant>,
    refused: u64,
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
    replacements: Arc<Mutex<HashMap<String, ReplacementHistory>>>,
    attaching: Arc<Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>>,
}

/// Held by one attach of an agent from `agent_connected` to `register`: see
/// [`ConnectedAgents::attach_turn`].
#[derive(Debug)]
pub struct AttachTurn {
    _turn: tokio::sync::OwnedMutexGuard<()>,
    name: String,
    attaching: Arc<Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>>,
}

impl Drop for AttachTurn {
    fn drop(&mut self) {
        let mut attaching = self.attaching.lock().unwrap_or_else(|e| e.into_inner());
        // Only the map and this turn hold the lock: nobody waits for it, so it can go.
        if attaching
            .get(&self.name)
            .is_some_and(|lock| Arc::strong_count(lock) <= 2)
        {
            attaching.remove(&self.name);
        }
    }
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

    /// Admits an attach of agent `name`: one that would replace a live stream here counts as a
    /// replacement, and past [`MAX_REPLACEMENTS_PER_WINDOW`] in [`REPLACEMENT_WINDOW`] it is
    /// refused (it is counted before `agent_connected`, so a refused one requeues nothing).
    pub fn admit(&self, name: &str) -> Result<(), ReplacementRefused> {
        self.admit_at(name, Instant::now())
    }

    fn admit_at(&self, name: &str, now: Instant) -> Result<(), ReplacementRefused> {
        let live_peer = match self.lock().values().find(|h| h.name == name) {
            Some(handle) => handle.peer,
            None => return Ok(()),
        };
        let mut all = self.replacements.lock().unwrap_or_else(|e| e.into_inner());
        if all.len() >= MAX_TRACKED_IDENTITIES && !all.contains_key(name) {
            all.retain(|_, h| {
                h.times
                    .back()
                    .is_some_and(|t| now.duration_since(*t) < REPLACEMENT_WINDOW)
            });
        }
        let history = all.entry(name.to_string()).or_default();
        while history
            .times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= REPLACEMENT_WINDOW)
        {
            history.times.pop_front();
        }
        if history.times.len() >= MAX_REPLACEMENTS_PER_WINDOW {
            let oldest = history.times.front().copied().unwrap_or(now);
            let log = history.refused.is_multiple_of(64);
            history.refused += 1;
            return Err(ReplacementRefused {
                retry_after: REPLACEMENT_WINDOW.saturating_sub(now.duration_since(oldest)),
                live_peer,
                log,
            });
        }
        history.times.push_back(now);
        Ok(())
    }

    /// Waits for this agent's turn to attach. Two attaches of one agent that interleave (A marks
    /// the row online, B does, B registers, A registers) would leave A's stream in the map and
    /// B's session in the row, and B's cleanup would mark a connected agent offline; in turns,
    /// the last to mark the row is the last to register.
    pub async fn attach_turn(&self, name: &str) -> AttachTurn {
        let lock = self
            .attaching
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(name.to_string())
            .or_default()
            .clone();
        AttachTurn {
            _turn: lock.lock_owned().await,
            name: name.to_string(),
            attaching: self.attaching.clone(),
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

    /// Reserves room for `jobs` on the agent's connection, if it is here, is the agent's current
    /// `session` and has room for them all (at most `limit` in flight); returns the connection's
    /// handle. The caller hands the jobs over with [`ConnectionHandle::hand_over`], or releases
    /// them.
    pub fn reserve(
        &self,
        agent_id: Uuid,
        session: &str,
        jobs: &[Uuid],
        limit: u32,
    ) -> Option<ConnectionHandle> {
        let handle = self.lock().get(&agent_id)?.clone();
        (handle.session == session && handle.in_flight.reserve(jobs, limit)).then_some(handle)
    }

    /// Closes the agent's stream `session`, if it is the one here: a newer stream of the agent
    /// became its current one (on this replica or another), or the database no longer knows it
    /// as current. It says `Goodbye`; the agent behind it, if it is the real one, reconnects.
    pub fn close_replaced(&self, agent_id: Uuid, session: &str) {
        if let Some(handle) = self.lock().get(&agent_id)
            && handle.session == session
        {
            // notify_one keeps a permit, so a connection busy elsewhere sees it on its next turn.
            handle.replaced.notify_one();
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::FutureExt;

    fn handle(name: &str) -> ConnectionHandle {
        ConnectionHandle {
            doorbell: Arc::default(),
            cancels: mpsc::channel(1).0,
            revoked: Arc::default(),
            replaced: Arc::default(),
            session: "test".into(),
            in_flight: Arc::default(),
            placed: mpsc::channel(1).0,
            name: name.into(),
            peer: None,
        }
    }

    #[test]
    fn replacements_past_the_limit_are_refused_until_the_window_moves_on() {
        let connected = ConnectedAgents::default();
        let start = Instant::now();
        assert!(
            connected.admit_at("oscar", start).is_ok(),
            "nothing to replace"
        );
        connected.register(Uuid::from_u128(1), handle("oscar"));
        for _ in 0..MAX_REPLACEMENTS_PER_WINDOW {
            assert!(connected.admit_at("oscar", start).is_ok());
        }
        let refused = connected
            .admit_at("oscar", start + Duration::from_secs(10))
            .expect_err("one too many");
        assert_eq!(refused.retry_after, Duration::from_secs(50));
        assert!(refused.log, "the first refusal is logged");
        assert!(
            !connected
                .admit_at("oscar", start + Duration::from_secs(11))
                .expect_err("still")
                .log,
            "the next is sampled out"
        );
        assert!(connected.admit_at("papa", start).is_ok(), "per identity");
        assert!(
            connected
                .admit_at("oscar", start + REPLACEMENT_WINDOW)
                .is_ok()
        );
    }

    #[tokio::test]
    async fn attaches_of_one_agent_take_turns_and_leave_nothing_behind() {
        let connected = ConnectedAgents::default();
        let first = connected.attach_turn("lima").await;
        let mut second = Box::pin(connected.attach_turn("lima"));
        assert!(
            (&mut second).now_or_never().is_none(),
            "waits for the first"
        );
        let other = connected.attach_turn("mike").now_or_never();
        assert!(other.is_some(), "another agent does not wait");
        drop(other);
        drop(first);
        let second = second.await;
        drop(second);
        assert!(connected.attaching.lock().expect("lock").is_empty());
    }
}
