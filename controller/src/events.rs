//! In-process notices that a run changed, for `WatchRun` streams.
//!
//! A notice carries only the run id: watchers re-read the run from the store and send what changed,
//! so a watcher that lags and misses notices still converges on the truth.

use tokio::sync::broadcast;
use uuid::Uuid;

/// Notices of run changes. Cheap to clone.
#[derive(Debug, Clone)]
pub struct RunEvents {
    sender: broadcast::Sender<Uuid>,
}

impl Default for RunEvents {
    fn default() -> Self {
        // Watchers re-read on lag, so a modest buffer is enough.
        let (sender, _) = broadcast::channel(1024);
        RunEvents { sender }
    }
}

impl RunEvents {
    /// Says that `run_id` changed.
    pub fn publish(&self, run_id: Uuid) {
        // No receivers is normal: nobody is watching.
        let _ = self.sender.send(run_id);
    }

    /// Says that any run may have changed (notifications may have been missed).
    pub fn publish_all(&self) {
        let _ = self.sender.send(Uuid::nil());
    }

    /// Listens for changes from now on. The nil id means "any run".
    pub fn subscribe(&self) -> broadcast::Receiver<Uuid> {
        self.sender.subscribe()
    }
}
