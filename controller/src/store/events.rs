//! The per-run event log behind `WatchRun`, and the notifications that wake other replicas.
//!
//! Lock order, everywhere: the rows of the runs concerned (sorted by id), then their jobs' rows.
//! Changes to single jobs (dispatch, results, requeues) take the run rows in a shared mode
//! (`share_runs`), so the jobs of one run change in parallel; changes to a whole run (cancel,
//! finish) take them exclusively (`lock_runs`) and so wait for, and hold off, job changes.
//!
//! A change appends an unnumbered event. Numbering happens later, in one pass over all committed
//! unnumbered events of a run under its exclusive row lock (`number_pending`): by `WatchRun`
//! before it reads and by the run's finish. Readers see only numbered events and every pass numbers
//! after the previous one, so a reader that has seen event N has seen every event before it, and
//! no job change waits for another job's change to number its event.

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

/// Locks the rows of `run_ids` exclusively, in a fixed order: for changes to whole runs.
pub(super) async fn lock_runs(tx: &Transaction<'_>, run_ids: &[Uuid]) -> Result<()> {
    lock_runs_in(tx, run_ids, "FOR UPDATE").await
}

/// Locks the rows of `run_ids` in a shared mode, in a fixed order: for changes to single jobs,
/// which may run side by side but not beside a change to their whole run.
pub(super) async fn share_runs(tx: &Transaction<'_>, run_ids: &[Uuid]) -> Result<()> {
    lock_runs_in(tx, run_ids, "FOR KEY SHARE").await
}

async fn lock_runs_in(tx: &Transaction<'_>, run_ids: &[Uuid], mode: &str) -> Result<()> {
    let mut ids = run_ids.to_vec();
    ids.sort();
    ids.dedup();
    if ids.is_empty() {
        return Ok(());
    }
    let sql = format!("SELECT id FROM runs WHERE id = ANY($1) ORDER BY id {mode}");
    tx.query_cached(&sql, &[&ids]).await?;
    Ok(())
}

/// Appends an unnumbered event to a run whose row this transaction has locked (in either mode),
/// and notifies every replica when the transaction commits.
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
    // Record and announce in one statement: appends sit on the hottest paths.
    tx.query_cached(
        "WITH event AS (
             INSERT INTO run_events (run_id, kind, job_id, status, attempt, error)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING 1)
         SELECT pg_notify($7, $1::text) FROM event",
        &[
            &run_id,
            &kind,
            &job_id,
            &status,
            &attempt,
            &error,
            &RUN_CHANNEL,
        ],
    )
    .await?;
    Ok(())
}

/// Job events gathered from a batch of changes, appended with one statement.
#[derive(Debug, Default)]
pub(super) struct Batch {
    run_ids: Vec<Uuid>,
    job_ids: Vec<Uuid>,
    statuses: Vec<&'static str>,
    attempts: Vec<i32>,
    errors: Vec<Option<String>>,
}

impl Batch {
    /// Notes that a job of `run_id` changed.
    pub(super) fn job(
        &mut self,
        run_id: Uuid,
        job_id: Uuid,
        status: JobStatus,
        attempt: i32,
        error: Option<String>,
    ) {
        self.run_ids.push(run_id);
        self.job_ids.push(job_id);
        self.statuses.push(status.as_str());
        self.attempts.push(attempt);
        self.errors.push(error);
    }

    /// Appends the noted events (the runs' rows must be locked by this transaction) and notifies
    /// every replica once per run when the transaction commits.
    pub(super) async fn append(self, tx: &Transaction<'_>) -> Result<()> {
        if self.run_ids.is_empty() {
            return Ok(());
        }
        tx.execute_cached(
            "INSERT INTO run_events (run_id, kind, job_id, status, attempt, error)
             SELECT run_id, 'job', job_id, status, attempt, error
             FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int4[], $5::text[])
                 WITH ORDINALITY AS e(run_id, job_id, status, attempt, error, n)
             ORDER BY n",
            &[
                &self.run_ids,
                &self.job_ids,
                &self.statuses,
                &self.attempts,
                &self.errors,
            ],
        )
        .await?;
        let mut runs = self.run_ids;
        runs.sort();
        runs.dedup();
        tx.execute_cached(
            "SELECT pg_notify($1, r::text) FROM unnest($2::uuid[]) AS r",
            &[&RUN_CHANNEL, &runs],
        )
        .await?;
        Ok(())
    }
}

/// Numbers the run's committed unnumbered events after its last numbered one, in the order they
/// were appended. The caller's transaction must hold the run's row exclusively (`lock_runs`) or
/// take it here (`take_lock`); either way passes over one run follow each other.
pub(super) async fn number_pending(
    tx: &Transaction<'_>,
    run_id: Uuid,
    take_lock: bool,
) -> Result<()> {
    let lock = if take_lock {
        "SELECT last_event_seq FROM runs WHERE id = $1 FOR NO KEY UPDATE"
    } else {
        "SELECT last_event_seq FROM runs WHERE id = $1"
    };
    let Some(row) = tx.query_opt_cached(lock, &[&run_id]).await? else {
        return Ok(());
    };
    let last: i64 = row.try_get(0)?;
    // A statement of its own, after the lock: its snapshot sees every event committed before the
    // lock was granted, including those of a pass that held it just before.
    let row = tx
        .query_one_cached(
            "WITH pending AS (
                 SELECT id, row_number() OVER (ORDER BY id) AS n FROM run_events
                 WHERE run_id = $1 AND seq IS NULL),
             numbered AS (
                 UPDATE run_events e SET seq = $2 + p.n FROM pending p WHERE e.id = p.id
                 RETURNING e.seq)
             SELECT max(seq) FROM numbered",
            &[&run_id, &last],
        )
        .await?;
    if let Some(new_last) = row.try_get::<_, Option<i64>>(0)? {
        tx.execute_cached(
            "UPDATE runs SET last_event_seq = $2 WHERE id = $1",
            &[&run_id, &new_last],
        )
        .await?;
    }
    Ok(())
}

/// Sends a notification when the transaction commits (and not at all if it rolls back).
pub(super) async fn notify(tx: &Transaction<'_>, channel: &str, payload: &str) -> Result<()> {
    tx.execute_cached("SELECT pg_notify($1, $2)", &[&channel, &payload])
        .await?;
    Ok(())
}

impl Store {
    /// A run's events after `after_seq`, oldest first, at most `limit`. Numbers the events that
    /// committed since the last pass first.
    pub async fn run_events_after(
        &self,
        run_id: Uuid,
        after_seq: u64,
        limit: u32,
    ) -> Result<Vec<RunEvent>> {
        let mut client = self.client().await?;
        let pending = client
            .query_one_cached(
                "SELECT EXISTS (SELECT 1 FROM run_events WHERE run_id = $1 AND seq IS NULL)",
                &[&run_id],
            )
            .await?;
        if pending.try_get::<_, bool>(0)? {
            let tx = client.transaction().await?;
            number_pending(&tx, run_id, true).await?;
            tx.commit().await?;
        }
        let after = i64::try_from(after_seq).unwrap_or(i64::MAX);
        let rows = client
            .query_cached(
                "SELECT e.seq, e.kind, e.job_id, e.status, e.attempt, e.error, j.task_type, a.name AS agent_name
                 FROM run_events e
                 LEFT JOIN jobs j ON j.id = e.job_id
                 LEFT JOIN agents a ON a.id = j.agent_id
                 WHERE e.run_id = $1 AND e.seq > $2 AND e.seq IS NOT NULL
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
