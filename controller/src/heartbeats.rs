//! Heartbeats, batched: each stream notes its agent's sign of life here, and one statement a
//! second records them all. A fleet of 10,000 agents heartbeating every 10 seconds would otherwise
//! cost the database a thousand committed updates a second.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::watch;
use uuid::Uuid;

use crate::connected::ConnectedAgents;
use cyberbrain_store::Store;

/// How often noted heartbeats are written.
const FLUSH_EVERY: Duration = Duration::from_secs(1);

/// Heartbeats noted since the last flush. Cheap to clone.
#[derive(Debug, Clone, Default)]
pub struct Heartbeats {
    pending: Arc<Mutex<HashMap<Uuid, String>>>,
}

impl Heartbeats {
    /// Notes that `agent_id` spoke on connection `session`.
    pub fn seen(&self, agent_id: Uuid, session: &str) {
        self.lock().insert(agent_id, session.to_string());
    }

    fn take(&self) -> Vec<(Uuid, String)> {
        self.lock().drain().collect()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, String>> {
        // The map holds no invariant a panicking holder could break.
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Writes noted heartbeats every second until `shutdown` turns true, then once more. A stream
/// whose session is no longer its agent's current one (replaced on another replica, and the
/// notification missed) hears it here and closes: a safety net under `wakeups`.
pub async fn flush_loop(
    heartbeats: Heartbeats,
    store: Store,
    connected: ConnectedAgents,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut tick = tokio::time::interval(FLUSH_EVERY);
    loop {
        let stopping = tokio::select! {
            _ = tick.tick() => false,
            () = cyberbrain_telemetry::shutdown::requested(&mut shutdown) => true,
        };
        let seen = heartbeats.take();
        match store.agents_seen(&seen).await {
            Ok(stale) => {
                for (agent, session) in stale {
                    connected.close_replaced(agent, &session);
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, agents = seen.len(), "could not record heartbeats; retrying");
                for (agent, session) in seen {
                    heartbeats.seen(agent, &session);
                }
            }
        }
        if stopping {
            return;
        }
    }
}
