//! Notification rules and their outbox.
//!
//! The outbox is written by the transaction that finishes a run ([`enqueue_for_finished_run`],
//! called from `runs::finish_locked`), so a finished run and its messages commit together. Rows
//! hold references only (rule, run, event); the sender renders the message from the run's stored
//! report. `UNIQUE (rule_id, run_id, event)` makes a second enqueue a no-op. Any replica claims
//! due rows with `FOR UPDATE SKIP LOCKED`, moving them one lease ahead in the claim's own commit,
//! so that a claimed row is not sent by another replica while its sender waits on the network.

use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio_postgres::Row;
use tokio_postgres::error::SqlState;
use uuid::Uuid;

use super::audit::record;
use super::{CachedQueries, Store};
use crate::error::{Error, Result};
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::notifications::{
    ClaimedMessage, DeliveryOutcome, DeliveryTarget, EventKind, NewNotificationRule,
    NotificationRule, RuleScope, SinkKind,
};
use cyberbrain_model::runs::RunStatus;

const RULE_COLUMNS: &str = "r.id, r.name, r.events, r.directive_name, r.sink, r.target_shown,
    r.created_at, r.created_by, r.failing_since, r.last_success_at, r.last_error, r.disabled_at,
    (SELECT count(*) FROM notification_outbox o WHERE o.rule_id = r.id AND o.status = 'pending'),
    (SELECT count(*) FROM notification_outbox o WHERE o.rule_id = r.id AND o.status = 'delivered'),
    (SELECT count(*) FROM notification_outbox o WHERE o.rule_id = r.id AND o.status = 'failed')";

/// The events a finished run raises: its status's, and `finding.new_error` when its report lists
/// a new error template.
pub fn events_of_finish(status: RunStatus, report_json: &serde_json::Value) -> Vec<EventKind> {
    let mut events = Vec::new();
    match status {
        RunStatus::Failed => events.push(EventKind::RunFailed),
        RunStatus::PartiallyFailed => events.push(EventKind::RunPartiallyFailed),
        _ => {}
    }
    let new_error = report_json
        .pointer("/triage/summary/new_templates")
        .and_then(|t| t.as_array())
        .is_some_and(|templates| {
            templates
                .iter()
                .any(|t| t["severity"] == "error" || t["severity"] == "fatal")
        });
    if new_error {
        events.push(EventKind::FindingNewError);
    }
    events
}

/// Writes one outbox row per matching active rule and event, in the finishing transaction.
pub(super) async fn enqueue_for_finished_run(
    tx: &deadpool_postgres::Transaction<'_>,
    run_id: Uuid,
    directive: Option<&str>,
    events: &[EventKind],
) -> Result<u64> {
    if events.is_empty() {
        return Ok(0);
    }
    let names: Vec<&str> = events.iter().map(|e| e.as_str()).collect();
    let written = tx
        .execute_cached(
            "INSERT INTO notification_outbox (message_id, rule_id, run_id, event)
             SELECT gen_random_uuid(), r.id, $1, e.event
             FROM notification_rules r CROSS JOIN unnest($2::text[]) AS e(event)
             WHERE r.disabled_at IS NULL AND e.event = ANY (r.events)
               AND (r.directive_name IS NULL OR r.directive_name = $3)
             ON CONFLICT (rule_id, run_id, event) DO NOTHING",
            &[&run_id, &names, &directive],
        )
        .await?;
    Ok(written)
}

fn rule_from_row(row: &Row) -> Result<NotificationRule> {
    let events: Vec<String> = row.try_get(2)?;
    let events = events
        .iter()
        .map(|e| {
            EventKind::parse(e).ok_or_else(|| Error::Corrupt {
                what: "notification rule",
                reason: format!("unknown event {e:?}"),
            })
        })
        .collect::<Result<_>>()?;
    let directive: Option<String> = row.try_get(3)?;
    let sink: String = row.try_get(4)?;
    Ok(NotificationRule {
        id: row.try_get(0)?,
        name: row.try_get(1)?,
        events,
        scope: directive.map_or(RuleScope::All, RuleScope::Directive),
        sink: parse_sink(&sink)?,
        target_shown: row.try_get(5)?,
        created_at: row.try_get(6)?,
        created_by: row.try_get(7)?,
        failing_since: row.try_get(8)?,
        last_success_at: row.try_get(9)?,
        last_error: row.try_get(10)?,
        disabled_at: row.try_get(11)?,
        pending: row.try_get(12)?,
        delivered: row.try_get(13)?,
        failed: row.try_get(14)?,
    })
}

fn parse_sink(s: &str) -> Result<SinkKind> {
    SinkKind::parse(s).ok_or_else(|| Error::Corrupt {
        what: "notification rule",
        reason: format!("unknown sink {s:?}"),
    })
}

fn not_found(name: &str) -> Error {
    Error::NotFound {
        what: "notification rule",
        name: name.to_string(),
    }
}

/// How a failed attempt is recorded.
#[derive(Debug, Clone, Copy)]
pub struct FailurePolicy {
    /// An endpoint failing this long without a success is disabled.
    pub disable_after: Duration,
}

/// What recording an attempt did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptRecord {
    /// The outcome is stored on the message and its rule.
    Recorded,
    /// Stored, and the rule was disabled by this failure (audited here).
    RuleDisabled,
    /// Nothing stored: the claim is no longer this sender's (its lease ran out and another
    /// replica claimed the message again, or the message was settled meanwhile).
    Stale,
}

impl Store {
    /// Creates a rule, with its audit entry (no secret in it).
    pub async fn create_notification_rule(
        &self,
        rule: &NewNotificationRule,
        audit: &AuditEntry,
    ) -> Result<NotificationRule> {
        rule.validate()?;
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let id = Uuid::new_v4();
        let events: Vec<&str> = rule.events.iter().map(|e| e.as_str()).collect();
        let directive = match &rule.scope {
            RuleScope::All => None,
            RuleScope::Directive(d) => Some(d.as_str()),
        };
        tx.execute(
            "INSERT INTO notification_rules (id, name, events, directive_name, sink, target,
                 target_shown, secret, api_url, created_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            &[
                &id,
                &rule.name,
                &events,
                &directive,
                &rule.target.sink.as_str(),
                &rule.target.target,
                &rule.target.shown(),
                &rule.target.secret,
                &rule.target.api_url,
                &audit.actor,
            ],
        )
        .await
        .map_err(|e| match e.code() {
            Some(c) if *c == SqlState::UNIQUE_VIOLATION => Error::AlreadyExists {
                what: "notification rule",
                name: rule.name.clone(),
            },
            _ => Error::from(e),
        })?;
        let audit = audit.clone().on(rule.name.clone()).with(serde_json::json!({
            "events": events,
            "directive": directive,
            "sink": rule.target.sink.as_str(),
            "target": rule.target.shown(),
        }));
        record(&tx, &audit).await?;
        let row = tx
            .query_one(
                &format!("SELECT {RULE_COLUMNS} FROM notification_rules r WHERE r.id = $1"),
                &[&id],
            )
            .await?;
        let created = rule_from_row(&row)?;
        tx.commit().await?;
        Ok(created)
    }

    /// Every rule, by name.
    pub async fn list_notification_rules(&self) -> Result<Vec<NotificationRule>> {
        let client = self.client().await?;
        let rows = client
            .query(
                &format!("SELECT {RULE_COLUMNS} FROM notification_rules r ORDER BY r.name"),
                &[],
            )
            .await?;
        rows.iter().map(rule_from_row).collect()
    }

    /// One rule by name.
    pub async fn get_notification_rule(&self, name: &str) -> Result<NotificationRule> {
        let client = self.client().await?;
        let row = client
            .query_opt(
                &format!("SELECT {RULE_COLUMNS} FROM notification_rules r WHERE r.name = $1"),
                &[&name],
            )
            .await?
            .ok_or_else(|| not_found(name))?;
        rule_from_row(&row)
    }

    /// Deletes a rule and its outbox rows, with its audit entry.
    pub async fn delete_notification_rule(&self, name: &str, audit: &AuditEntry) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let deleted = tx
            .execute("DELETE FROM notification_rules WHERE name = $1", &[&name])
            .await?;
        if deleted == 0 {
            return Err(not_found(name));
        }
        record(&tx, &audit.clone().on(name.to_string())).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Enables a rule again after it was disabled for failing (its failure clock starts anew),
    /// with its audit entry.
    pub async fn enable_notification_rule(
        &self,
        name: &str,
        audit: &AuditEntry,
    ) -> Result<NotificationRule> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let updated = tx
            .execute(
                "UPDATE notification_rules SET disabled_at = NULL, failing_since = NULL
                 WHERE name = $1",
                &[&name],
            )
            .await?;
        if updated == 0 {
            return Err(not_found(name));
        }
        record(&tx, &audit.clone().on(name.to_string())).await?;
        let row = tx
            .query_one(
                &format!("SELECT {RULE_COLUMNS} FROM notification_rules r WHERE r.name = $1"),
                &[&name],
            )
            .await?;
        let rule = rule_from_row(&row)?;
        tx.commit().await?;
        Ok(rule)
    }

    /// A rule's target with its secrets, for a test message, with the audit entry of the test.
    pub async fn notification_target_for_test(
        &self,
        name: &str,
        audit: &AuditEntry,
    ) -> Result<DeliveryTarget> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let row = tx
            .query_opt(
                "SELECT sink, target, secret, api_url FROM notification_rules WHERE name = $1",
                &[&name],
            )
            .await?
            .ok_or_else(|| not_found(name))?;
        let sink: String = row.try_get(0)?;
        let target = DeliveryTarget {
            sink: parse_sink(&sink)?,
            target: row.try_get(1)?,
            secret: row.try_get(2)?,
            api_url: row.try_get(3)?,
        };
        record(&tx, &audit.clone().on(name.to_string())).await?;
        tx.commit().await?;
        Ok(target)
    }

    /// Claims up to `limit` due messages of enabled rules for this replica: each claimed row's
    /// next due time moves `lease` ahead and its attempt count up, in this commit, so no other
    /// replica takes it while it is being sent.
    pub async fn claim_notifications(
        &self,
        limit: u32,
        lease: Duration,
    ) -> Result<Vec<ClaimedMessage>> {
        let client = self.client().await?;
        let lease_seconds = lease.as_secs_f64();
        let rows = client
            .query_cached(
                "WITH due AS (
                     SELECT o.id FROM notification_outbox o
                     JOIN notification_rules r ON r.id = o.rule_id
                     WHERE o.status = 'pending' AND o.due_at <= now() AND r.disabled_at IS NULL
                     ORDER BY o.due_at LIMIT $1
                     FOR UPDATE OF o SKIP LOCKED)
                 UPDATE notification_outbox o
                 SET due_at = now() + make_interval(secs => $2), attempts = o.attempts + 1
                 FROM due, notification_rules r
                 WHERE o.id = due.id AND r.id = o.rule_id
                 RETURNING o.id, o.message_id, o.rule_id, r.name, o.run_id, o.event, o.attempts,
                           o.created_at, r.sink, r.target, r.secret, r.api_url",
                &[&i64::from(limit), &lease_seconds],
            )
            .await?;
        rows.iter()
            .map(|row| {
                let event: String = row.try_get(5)?;
                let sink: String = row.try_get(8)?;
                let attempt: i32 = row.try_get(6)?;
                Ok(ClaimedMessage {
                    id: row.try_get(0)?,
                    message_id: row.try_get(1)?,
                    rule_id: row.try_get(2)?,
                    rule_name: row.try_get(3)?,
                    run_id: row.try_get(4)?,
                    event: EventKind::parse(&event).ok_or_else(|| Error::Corrupt {
                        what: "notification",
                        reason: format!("unknown event {event:?}"),
                    })?,
                    attempt: u32::try_from(attempt).unwrap_or(0),
                    created_at: row.try_get(7)?,
                    target: DeliveryTarget {
                        sink: parse_sink(&sink)?,
                        target: row.try_get(9)?,
                        secret: row.try_get(10)?,
                        api_url: row.try_get(11)?,
                    },
                })
            })
            .collect()
    }

    /// Moves a claimed message's lease `lease` ahead of now, if the claim is still this
    /// sender's (fenced on the attempt count the claim set). `false`: another replica has
    /// claimed it again or it was settled; do not send it.
    pub async fn renew_notification_lease(
        &self,
        message: &ClaimedMessage,
        lease: Duration,
    ) -> Result<bool> {
        let client = self.client().await?;
        let claimed_attempts = i32::try_from(message.attempt).unwrap_or(i32::MAX);
        let renewed = client
            .execute_cached(
                "UPDATE notification_outbox SET due_at = now() + make_interval(secs => $3)
                 WHERE id = $1 AND attempts = $2 AND status = 'pending'",
                &[&message.id, &claimed_attempts, &lease.as_secs_f64()],
            )
            .await?;
        Ok(renewed == 1)
    }

    /// Records how an attempt went, on the message and on its rule's health, if the claim is
    /// still this sender's: every update is fenced on the attempt count its claim set, so a
    /// sender whose lease ran out cannot overwrite the outcome of the replica that re-claimed
    /// the message. A rule failing for longer than `policy.disable_after` is disabled here
    /// (audited by `controller`).
    pub async fn record_notification_attempt(
        &self,
        message: &ClaimedMessage,
        outcome: &DeliveryOutcome,
        policy: FailurePolicy,
    ) -> Result<AttemptRecord> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let claimed_attempts = i32::try_from(message.attempt).unwrap_or(i32::MAX);
        let mut disabled = false;
        match outcome {
            DeliveryOutcome::Delivered { status } => {
                let updated = tx
                    .execute_cached(
                        "UPDATE notification_outbox SET status = 'delivered', delivered_at = now(),
                             last_status = $2, last_error = NULL
                         WHERE id = $1 AND attempts = $3 AND status = 'pending'",
                        &[&message.id, &i32::from(*status), &claimed_attempts],
                    )
                    .await?;
                if updated == 0 {
                    return Ok(AttemptRecord::Stale);
                }
                tx.execute_cached(
                    "UPDATE notification_rules SET last_success_at = now(), failing_since = NULL,
                         last_error = NULL
                     WHERE id = $1",
                    &[&message.rule_id],
                )
                .await?;
            }
            DeliveryOutcome::Failed {
                status,
                error,
                retry_at,
            } => {
                let last_status = status.map(i32::from);
                let next: Option<DateTime<Utc>> = *retry_at;
                let updated = tx
                    .execute_cached(
                        "UPDATE notification_outbox SET last_status = $2, last_error = $3,
                             status = CASE WHEN $4::timestamptz IS NULL THEN 'failed'
                                           ELSE 'pending' END,
                             due_at = COALESCE($4, due_at)
                         WHERE id = $1 AND attempts = $5 AND status = 'pending'",
                        &[&message.id, &last_status, error, &next, &claimed_attempts],
                    )
                    .await?;
                if updated == 0 {
                    return Ok(AttemptRecord::Stale);
                }
                let disable_seconds = policy.disable_after.as_secs_f64();
                let row = tx
                    .query_one_cached(
                        "UPDATE notification_rules SET
                             failing_since = COALESCE(failing_since, now()),
                             last_error = $2,
                             disabled_at = CASE
                                 WHEN disabled_at IS NULL
                                      AND COALESCE(failing_since, now())
                                          <= now() - make_interval(secs => $3)
                                 THEN now() ELSE disabled_at END
                         WHERE id = $1
                         RETURNING disabled_at IS NOT NULL AND disabled_at = now()",
                        &[&message.rule_id, error, &disable_seconds],
                    )
                    .await?;
                disabled = row.try_get(0)?;
                if disabled {
                    let audit = AuditEntry::new("controller", "notify.disable")
                        .on(message.rule_name.clone())
                        .with(serde_json::json!({ "last_error": error }));
                    record(&tx, &audit).await?;
                }
            }
        }
        tx.commit().await?;
        Ok(if disabled {
            AttemptRecord::RuleDisabled
        } else {
            AttemptRecord::Recorded
        })
    }

    /// A finished run's directive, status, finish time and stored report JSON, for rendering a
    /// message at send time. `None` when the run is gone (retention deleted it).
    pub async fn notification_source(
        &self,
        run_id: Uuid,
    ) -> Result<
        Option<(
            Option<String>,
            String,
            Option<DateTime<Utc>>,
            serde_json::Value,
        )>,
    > {
        let client = self.client().await?;
        let row = client
            .query_opt_cached(
                "SELECT directive_name, status, finished_at, report_json FROM runs WHERE id = $1",
                &[&run_id],
            )
            .await?;
        let Some(row) = row else { return Ok(None) };
        let json: Option<serde_json::Value> = row.try_get(3)?;
        Ok(Some((
            row.try_get(0)?,
            row.try_get(1)?,
            row.try_get(2)?,
            json.unwrap_or(serde_json::Value::Null),
        )))
    }

    /// Outbox messages by status, for metrics: (pending, oldest pending's age in seconds).
    pub async fn notification_backlog(&self) -> Result<(i64, f64)> {
        let client = self.client().await?;
        let row = client
            .query_one_cached(
                "SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at))::float8, 0)
                 FROM notification_outbox WHERE status = 'pending'",
                &[],
            )
            .await?;
        Ok((row.try_get(0)?, row.try_get(1)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finish_raises_its_status_event_and_new_errors() {
        let report = serde_json::json!({"triage": {"summary": {"new_templates": [
            {"severity": "warn"}, {"severity": "error"}]}}});
        assert_eq!(
            events_of_finish(RunStatus::Failed, &report),
            vec![EventKind::RunFailed, EventKind::FindingNewError]
        );
        assert_eq!(
            events_of_finish(RunStatus::Succeeded, &serde_json::json!({})),
            Vec::<EventKind>::new()
        );
        assert_eq!(
            events_of_finish(RunStatus::PartiallyFailed, &serde_json::Value::Null),
            vec![EventKind::RunPartiallyFailed]
        );
    }
}
