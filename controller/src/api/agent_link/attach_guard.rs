//! Undoes a half-made attach: whatever way `attach` leaves after marking the agent online (an
//! error, a revoked agent, the client going away mid-call), the registration and the `online`
//! row must not outlive it.

use std::sync::Arc;

use tokio::sync::Notify;
use tracing::Instrument;
use uuid::Uuid;

use crate::app::App;

/// Armed from `agent_connected` until the stream's own task takes over its cleanup.
pub(super) struct AttachGuard {
    app: App,
    agent_id: Uuid,
    session: String,
    doorbell: Arc<Notify>,
    armed: bool,
}

impl AttachGuard {
    /// Guards the attach of `agent_id` under `session`, whose registration (if any) carries
    /// `doorbell`.
    pub(super) fn new(app: App, agent_id: Uuid, session: String, doorbell: Arc<Notify>) -> Self {
        AttachGuard {
            app,
            agent_id,
            session,
            doorbell,
            armed: true,
        }
    }

    /// The stream's task owns the cleanup from here.
    pub(super) fn disarm(mut self) {
        self.armed = false;
    }
}

impl Drop for AttachGuard {
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        // A newer stream that replaced this registration keeps its own: unregister checks that.
        self.app.connected.unregister(self.agent_id, &self.doorbell);
        let store = self.app.store.clone();
        let (agent_id, session) = (self.agent_id, std::mem::take(&mut self.session));
        // Drop cannot wait; the row names this session, so a later stream's `online` is kept.
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(
                async move {
                    if let Err(e) = store.agent_disconnected(agent_id, &session).await {
                        tracing::error!(agent_id = %agent_id, error = %e,
                            "could not mark agent offline after a failed attach");
                    }
                }
                .in_current_span(),
            );
        }
    }
}
