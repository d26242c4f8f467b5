//! The per-run event log behind `WatchRun`, and the notifications that wake other replicas.
//!
//! Lock order, everywhere: the rows of the runs concerned (sorted by id), then their jobs' rows.
//! Events are numbered under the run's row lock, so numbers follow commit order.

use deadpool_postgres::Transaction;
use tokio_postgres::Row;
use uuid::Uuid;

use super::CachedQueries;
use super::{Store, to_u32};
use crate::error::{Error, Result};
use crate::runs::{JobStatus, RunChange, RunEvent, RunStatus};

/// Notification channel: "a run changed", payload the run id.
pub const RUN_CHANNEL: &str = "cyberbrain_run";
/// Notification channel: "an agent has queued jobs", payload the agent id.
pub const DISPATCH_CHANNEL: &str = "cyberbrain_dispatch";
/// Notification channel: "a job was cancelled", payload `agent_id:job_id:attempt`.
pub const CANCEL_CHANNEL: &str = "cyberbrain_cancel";

/// What changed, as written to the log.
pub(super) enum Change<'a> {
    Run(RunStatus),
    Job {
        job_id: Uuid,
        status: JobStatus,
        attempt: i32,
        error: Option<&'a str>,
    },
}

/// Locks the rows of `run_ids` in a fixed order (the lock order of the whole store).
pub(super) async fn lock_runs(tx: &Transaction<'_>, run_ids: &[Uuid]) -> Result<()> {
    let mut ids = run_ids.to_vec();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        return Ok(());
    }
    tx.query_cached(
        "SELECT id FROM runs WHERE id = ANY($1) ORDER BY id FOR UPDATE",
        &[&ids],
    )
    .await?;
    Ok(())
}

/// Appends an event to a run whose row this transaction has locked, and notifies every replica
/// when the transaction commits.
pub(super) async fn append(tx: &Transaction<'_>, run_id: Uuid, change: Change<'_>) -> Result<()> {
    let (kind, job_id, status, attempt, error) = match change {
        Change::Run(status) => ("run", None, status.as_str(), None, None),
        Change::Job {
            job_id,
            status,
            attempt,
            error,
        } => ("job", Some(job_id), status.as_str(), Some(attempt), error),
    };
    // Number, record and announce in one statement: appends sit on the hottest paths.
    tx.query_cached(
        "WITH seq AS (
             UPDATE runs SET last_event_seq = last_event_seq + 1 WHERE id = $1 RETURNING last_event_seq),
         event AS (
             INSERT INTO run_events (run_id, seq, kind, job_id, status, attempt, error)
             SELECT $1, seq.last_event_seq, $2, $3, $4, $5, $6 FROM seq RETURNING 1)
         SELECT pg_notify($7, $1::text) FROM event",
        &[&run_id, &kind, &job_id, &status, &attempt, &error, &RUN_CHANNEL],
    )
    .await?;
    Ok(())
}

/// Sends a notification when the transaction commits (and not at all if it rolls back).
pub(super) async fn notify(tx: &Transaction<'_>, channel: &str, payload: &str) -> Result<()> {
    tx.execute_cached("SELECT pg_notify($1, $2)", &[&channel, &payload])
        .await?;
    Ok(())
}

impl Store {
    /// A run's events after `after_seq`, oldest first, at most `limit`.
    pub async fn run_events_after(
        &self,
        run_id: Uuid,
        after_seq: u64,
        limit: u32,
    ) -> Result<Vec<RunEvent>> {
        let client = self.client().await?;
        let after = i64::try_from(after_seq).unwrap_or(i64::MAX);
        let rows = client
            .query_cached(
                "SELECT e.seq, e.kind, e.job_id, e.status, e.attempt, e.error, j.task_type, a.name AS agent_name
                 FROM run_events e
                 LEFT JOIN jobs j ON j.id = e.job_id
                 LEFT JOIN agents a ON a.id = j.agent_id
                 WHERE e.run_id = $1 AND e.seq > $2
                 ORDER BY e.seq LIMIT $3",
                &[&run_id, &after, &i64::from(limit)],
            )
            .await?;
        rows.iter().map(event_from_row).collect()
    }
}

fn event_from_row(row: &Row) -> Result<RunEvent> {
    let seq: i64 = row.try_get("seq")?;
    let kind: String = row.try_get("kind")?;
    let status: String = row.try_get("status")?;
    let corrupt = |reason: String| Error::Corrupt {
        what: "run event",
        reason,
    };
    let change = match kind.as_str() {
        "run" => RunChange::Run(RunStatus::parse(&status).ok_or_else(|| corrupt(status.clone()))?),
        "job" => {
            let task_type: Option<String> = row.try_get("task_type")?;
            RunChange::Job {
                job_id: row
                    .try_get::<_, Option<Uuid>>("job_id")?
                    .ok_or_else(|| corrupt("job event without a job".into()))?,
                agent_name: row
                    .try_get::<_, Option<String>>("agent_name")?
                    .unwrap_or_default(),
                task_type: task_type.unwrap_or_default(),
                status: JobStatus::parse(&status).ok_or_else(|| corrupt(status.clone()))?,
                attempt: to_u32(
                    "event attempt",
                    row.try_get::<_, Option<i32>>("attempt")?.unwrap_or(0),
                )?,
                error: row.try_get("error")?,
            }
        }
        other => return Err(corrupt(format!("unknown kind {other}"))),
    };
    Ok(RunEvent {
        seq: u64::try_from(seq).unwrap_or(0),
        change,
    })
}
