//! When a binary should stop: on SIGINT or SIGTERM ([`signal`]), and, inside the process, once a
//! `watch` channel that tasks share says so ([`requested`]).

use tokio::sync::watch;

/// Resolves on the first SIGINT (Ctrl-C) or SIGTERM. Should SIGTERM's handler fail to install,
/// only SIGINT stops the process.
pub async fn signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut terminate) => {
                terminate.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
}

/// Resolves once `shutdown` holds `true` (or its sender is gone). Holds no lock across an await,
/// so it can sit in a `select!` of a `Send` future.
pub async fn requested(shutdown: &mut watch::Receiver<bool>) {
    let _ = shutdown.wait_for(|stop| *stop).await;
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[tokio::test]
    async fn requested_waits_for_true() {
        let (stop, mut shutdown) = watch::channel(false);
        let waiting = tokio::spawn(async move { requested(&mut shutdown).await });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!waiting.is_finished(), "false is not a request to stop");
        stop.send(true).expect("the receiver waits");
        tokio::time::timeout(Duration::from_secs(5), waiting)
            .await
            .expect("resolves once true")
            .expect("does not panic");
    }

    #[tokio::test]
    async fn requested_resolves_when_the_sender_is_gone() {
        let (stop, mut shutdown) = watch::channel(false);
        drop(stop);
        tokio::time::timeout(Duration::from_secs(5), requested(&mut shutdown))
            .await
            .expect("resolves without a sender");
    }
}
