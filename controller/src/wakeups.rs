//! Wake-ups across replicas: every replica listens to the database's notifications and turns them
//! into doorbells for its connected agents, cancels for their jobs, notices for its watchers, and
//! revocations for its cache of verified API tokens.
//! The database is the only channel, so a launch through replica A reaches an agent on replica B at
//! once, and a replica's own changes arrive the same way as everyone else's.

use std::time::Duration;

use tokio::sync::watch;
use uuid::Uuid;

use crate::connected::ConnectedAgents;
use crate::events::RunEvents;
use cyberbrain_store::{
    AGENT_REPLACED_CHANNEL, CANCEL_CHANNEL, DISPATCH_CHANNEL, Notification, REVOKE_CHANNEL,
    RUN_CHANNEL, Store, TOKEN_CHANNEL,
};

const RECONNECT_MIN: Duration = Duration::from_millis(100);
const RECONNECT_MAX: Duration = Duration::from_secs(5);

/// Listens until `shutdown` turns true, reconnecting when the connection breaks. After every
/// (re)connection all doorbells ring, all watchers re-read and the token cache starts empty, since
/// notifications sent while we were not listening are lost; the cache serves nothing meanwhile.
pub async fn listen(
    store: Store,
    connected: ConnectedAgents,
    events: RunEvents,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut backoff = RECONNECT_MIN;
    loop {
        match store
            .listen(&[
                RUN_CHANNEL,
                DISPATCH_CHANNEL,
                CANCEL_CHANNEL,
                REVOKE_CHANNEL,
                TOKEN_CHANNEL,
                AGENT_REPLACED_CHANNEL,
            ])
            .await
        {
            Ok(mut notifications) => {
                backoff = RECONNECT_MIN;
                store.reset_token_cache(true);
                connected.wake_all();
                events.publish_all();
                loop {
                    tokio::select! {
                        notification = notifications.recv() => match notification {
                            Some(n) => deliver(&n, &store, &connected, &events),
                            None => break,
                        },
                        () = cyberbrain_telemetry::shutdown::requested(&mut shutdown) => return,
                    }
                }
                store.reset_token_cache(false);
                tracing::warn!("lost the notification connection; reconnecting");
            }
            Err(e) => tracing::warn!(error = %e, "cannot listen for notifications; retrying"),
        }
        tokio::select! {
            () = tokio::time::sleep(backoff) => {}
            () = cyberbrain_telemetry::shutdown::requested(&mut shutdown) => return,
        }
        backoff = (backoff * 2).min(RECONNECT_MAX);
    }
}

fn deliver(n: &Notification, store: &Store, connected: &ConnectedAgents, events: &RunEvents) {
    match n.channel.as_str() {
        RUN_CHANNEL => {
            if let Ok(run_id) = Uuid::parse_str(&n.payload) {
                events.publish(run_id);
            }
        }
        DISPATCH_CHANNEL => {
            if let Ok(agent_id) = Uuid::parse_str(&n.payload) {
                connected.wake([agent_id]);
            }
        }
        CANCEL_CHANNEL => {
            if let Some((agent_id, job_id, attempt)) = parse_cancel(&n.payload) {
                connected.cancel(agent_id, job_id, attempt);
            }
        }
        REVOKE_CHANNEL => {
            if let Ok(agent_id) = Uuid::parse_str(&n.payload) {
                connected.revoke(agent_id);
            }
        }
        AGENT_REPLACED_CHANNEL => {
            if let Some((agent_id, session)) = parse_replaced(&n.payload) {
                connected.close_replaced(agent_id, session);
            }
        }
        TOKEN_CHANNEL => {
            if let Ok(token_id) = Uuid::parse_str(&n.payload) {
                store.forget_api_token(token_id);
            }
        }
        other => tracing::debug!(channel = other, "ignored notification"),
    }
}

/// `agent_id:session` (a session holds no constraint on `:`; the id never has one).
fn parse_replaced(payload: &str) -> Option<(Uuid, &str)> {
    let (agent, session) = payload.split_once(':')?;
    Some((Uuid::parse_str(agent).ok()?, session)).filter(|(_, s)| !s.is_empty())
}

/// `agent_id:job_id:attempt`.
fn parse_cancel(payload: &str) -> Option<(Uuid, Uuid, u32)> {
    let mut parts = payload.split(':');
    let agent = Uuid::parse_str(parts.next()?).ok()?;
    let job = Uuid::parse_str(parts.next()?).ok()?;
    let attempt = parts.next()?.parse().ok()?;
    parts.next().is_none().then_some((agent, job, attempt))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cancel_payloads_parse_strictly() {
        let (a, j) = (Uuid::new_v4(), Uuid::new_v4());
        assert_eq!(parse_cancel(&format!("{a}:{j}:2")), Some((a, j, 2)));
        assert_eq!(parse_cancel(&format!("{a}:{j}")), None);
        assert_eq!(parse_cancel(&format!("{a}:{j}:2:x")), None);
        assert_eq!(parse_cancel("x:y:1"), None);
    }

    #[test]
    fn replaced_payloads_keep_the_whole_session() {
        let a = Uuid::new_v4();
        assert_eq!(
            parse_replaced(&format!("{a}:one/x:y")),
            Some((a, "one/x:y"))
        );
        assert_eq!(parse_replaced(&format!("{a}:")), None);
        assert_eq!(parse_replaced("x:one/1"), None);
    }
}
