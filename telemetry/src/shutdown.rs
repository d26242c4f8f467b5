//! Shutdown, as both binaries see it: the process signal that starts it, and the watch every worker
//! waits on.

/// Resolves once `shutdown` turns true (or its sender is gone). Holds no lock across an await, so
/// it can sit in a `select!` of a `Send` future.
pub async fn requested(shutdown: &mut tokio::sync::watch::Receiver<bool>) {
    let _ = shutdown.wait_for(|stop| *stop).await;
}
