//! Notifications out: the delivery worker that every replica runs.
//!
//! Messages are written to the outbox by the transaction that finishes a run (see the store).
//! This worker claims due ones (`FOR UPDATE SKIP LOCKED`, one lease ahead, so two replicas never
//! hold one message at once), renders each from the run's stored report, sends it and records
//! the outcome: delivered; or a retry on the Svix schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h,
//! 10 h after the first attempt's failure, or later when the receiver's `Retry-After` says so);
//! or failed after the last. An endpoint failing for longer than `disable_after` (5 days) is
//! disabled, and `cbctl notify list` says so.

pub mod render;
pub mod sinks;
pub mod targets;

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use tokio::sync::watch;

use crate::metrics::Metrics;
use cyberbrain_model::notifications::{ClaimedMessage, DeliveryOutcome, SinkKind};
use cyberbrain_store::Store;
use cyberbrain_store::{AttemptRecord, FailurePolicy};

/// Messages claimed per round.
const BATCH: u32 = 16;

/// How notifications are delivered (`--allow-private-targets`, `--notify-*`).
#[derive(Debug, Clone, PartialEq)]
pub struct NotifySettings {
    /// Whether targets in private address ranges are allowed.
    pub allow_private_targets: bool,
    /// Waits before each retry after the first attempt failed; its length is the number of
    /// retries.
    pub retry_schedule: Vec<Duration>,
    /// An endpoint failing this long without a success is disabled.
    pub disable_after: Duration,
    /// How often each replica looks for due messages.
    pub poll_interval: Duration,
    /// One HTTP request's timeout.
    pub request_timeout: Duration,
}

impl NotifySettings {
    /// The Svix retry schedule after the immediate first attempt.
    pub fn svix_schedule() -> Vec<Duration> {
        [5, 300, 1800, 7200, 18_000, 36_000, 36_000]
            .into_iter()
            .map(Duration::from_secs)
            .collect()
    }

    /// How long a claimed message stays with its sender: a GitHub delivery makes two requests;
    /// the margin covers the database round trips. Messages sent one after another (GitHub)
    /// renew it each before it is sent, so a batch's length does not matter.
    fn lease(&self) -> Duration {
        self.request_timeout * 3 + Duration::from_secs(30)
    }

    /// When attempt `attempt` (1-based) failed: the wait before the next, or `None` when it was
    /// the last. A receiver's `Retry-After` longer than the schedule's wait wins.
    pub fn next_wait(&self, attempt: u32, retry_after: Option<Duration>) -> Option<Duration> {
        let index = usize::try_from(attempt).ok()?.checked_sub(1)?;
        let scheduled = *self.retry_schedule.get(index)?;
        Some(retry_after.map_or(scheduled, |asked| asked.max(scheduled)))
    }
}

impl Default for NotifySettings {
    fn default() -> Self {
        NotifySettings {
            allow_private_targets: false,
            retry_schedule: NotifySettings::svix_schedule(),
            disable_after: Duration::from_secs(5 * 86_400),
            poll_interval: Duration::from_secs(1),
            request_timeout: Duration::from_secs(15),
        }
    }
}

/// What the worker uses: it sits below `App` (which holds its settings), so it takes the parts.
struct Worker {
    store: Store,
    metrics: Arc<Metrics>,
}

/// Delivers until `shutdown` turns true.
pub async fn run(
    store: Store,
    metrics: Arc<Metrics>,
    settings: NotifySettings,
    mut shutdown: watch::Receiver<bool>,
) {
    let app = Worker { store, metrics };
    let client = match sinks::client(settings.allow_private_targets, settings.request_timeout) {
        Ok(client) => client,
        Err(e) => {
            tracing::error!(error = %e, "notifications are off: the HTTP client could not be built");
            return;
        }
    };
    let mut tick = tokio::time::interval(settings.poll_interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            () = cyberbrain_telemetry::shutdown::requested(&mut shutdown) => return,
        }
        loop {
            let claimed = match app.store.claim_notifications(BATCH, settings.lease()).await {
                Ok(claimed) => claimed,
                Err(e) => {
                    tracing::warn!(error = %e, "claiming notifications failed; retrying next tick");
                    break;
                }
            };
            let full = claimed.len() == BATCH as usize;
            // GitHub messages go one after another: each looks up the open issue of its
            // fingerprint first, so a repeat in the same batch comments on the issue the one
            // before it opened. The others go at once.
            let (github, others): (Vec<_>, Vec<_>) = claimed
                .into_iter()
                .partition(|m| m.target.sink == SinkKind::Github);
            // A batch of them can outlast the claim's lease, so each renews its own lease just
            // before it is sent (fenced on its claim: one re-claimed meanwhile is skipped).
            let github = async {
                for message in github {
                    match app
                        .store
                        .renew_notification_lease(&message, settings.lease())
                        .await
                    {
                        Ok(true) => deliver(&app, &client, &settings, message).await,
                        Ok(false) => tracing::info!(rule = %message.rule_name,
                            run_id = %message.run_id,
                            "notification skipped: its lease ran out and it was claimed again"),
                        Err(e) => tracing::warn!(error = %e,
                            "renewing a notification's lease failed; it is retried after the lease"),
                    }
                }
            };
            let others = futures_util::future::join_all(
                others
                    .into_iter()
                    .map(|message| deliver(&app, &client, &settings, message)),
            );
            tokio::join!(github, others);
            if !full || *shutdown.borrow() {
                break;
            }
        }
    }
}

/// Renders, sends and records one message.
async fn deliver(
    app: &Worker,
    client: &reqwest::Client,
    settings: &NotifySettings,
    message: ClaimedMessage,
) {
    let sink = message.target.sink.as_str();
    let attempt = match app.store.notification_source(message.run_id).await {
        Ok(Some((directive, status, finished_at, report))) => {
            let rendered = render::message(
                message.event,
                message.run_id,
                directive,
                status,
                finished_at,
                message.created_at,
                &report,
            );
            sinks::send(
                client,
                settings.allow_private_targets,
                &message.target,
                message.message_id,
                &rendered,
            )
            .await
        }
        Ok(None) => sinks::Attempt {
            status: None,
            delivered: false,
            retry_after: None,
            error: "the run was deleted before its notification was sent".into(),
        },
        Err(e) => {
            tracing::warn!(error = %e, "reading a run for its notification failed; retrying after the lease");
            return;
        }
    };
    let now = Utc::now();
    let (outcome, label) = if attempt.delivered {
        (
            DeliveryOutcome::Delivered {
                status: attempt.status.unwrap_or(200),
            },
            "delivered",
        )
    } else {
        let wait = if attempt.error.starts_with("the run was deleted") {
            None
        } else {
            settings.next_wait(message.attempt, attempt.retry_after)
        };
        let retry_at = wait.and_then(|w| chrono::Duration::from_std(w).ok().map(|w| now + w));
        let label = if retry_at.is_some() {
            "retry"
        } else {
            "failed"
        };
        (
            DeliveryOutcome::Failed {
                status: attempt.status,
                error: attempt.error.clone(),
                retry_at,
            },
            label,
        )
    };
    let lag = attempt
        .delivered
        .then(|| (now - message.created_at).to_std().unwrap_or_default());
    app.metrics.notification_attempt(sink, label, lag);
    tracing::info!(rule = %message.rule_name, run_id = %message.run_id,
        event = message.event.as_str(), sink, attempt = message.attempt,
        status = attempt.status, outcome = label, error = %attempt.error,
        "notification attempt");
    let policy = FailurePolicy {
        disable_after: settings.disable_after,
    };
    match app
        .store
        .record_notification_attempt(&message, &outcome, policy)
        .await
    {
        Ok(AttemptRecord::RuleDisabled) => tracing::warn!(rule = %message.rule_name,
            "notification rule disabled: its endpoint failed for longer than the disable-after period"),
        Ok(AttemptRecord::Recorded) => {}
        Ok(AttemptRecord::Stale) => tracing::warn!(rule = %message.rule_name,
            run_id = %message.run_id, attempt = message.attempt,
            "notification attempt not recorded: its lease ran out and another sender claimed it"),
        Err(e) => {
            tracing::warn!(error = %e, "recording a notification attempt failed; it is retried after the lease")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_follow_the_schedule_and_honour_longer_retry_after() {
        let s = NotifySettings::default();
        assert_eq!(s.next_wait(1, None), Some(Duration::from_secs(5)));
        assert_eq!(s.next_wait(2, None), Some(Duration::from_secs(300)));
        assert_eq!(
            s.next_wait(1, Some(Duration::from_secs(60))),
            Some(Duration::from_secs(60))
        );
        assert_eq!(
            s.next_wait(2, Some(Duration::from_secs(60))),
            Some(Duration::from_secs(300))
        );
        assert_eq!(s.next_wait(7, None), Some(Duration::from_secs(36_000)));
        assert_eq!(s.next_wait(8, None), None);
        assert_eq!(s.next_wait(0, None), None);
    }
}
