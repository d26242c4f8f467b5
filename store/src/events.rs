//! The per-run event log behind `WatchRun`, and the notifications that wake other replicas.
//!
//! Lock order, everywhere: the rows of the runs concerned (sorted by id), then their jobs' rows.
//! Changes to single jobs (dispatch, results, requeues) take the run rows in a shared mode
//! (`share_runs`), so the jobs of one run change in parallel; changes to a whole run (cancel,
//! finish) take them exclusively (`lock_runs`) and so wait for, and hold off, job changes.
//!
//! A transaction gathers its events in a [`Batch`] and appends them as its last statements: it
//! locks the runs' rows (`FOR NO KEY UPDATE`, which the shared locks above do not block), takes the
//! next numbers from `runs.last_event_seq` and inserts the events numbered, then commits. The lock
//! is held only from there to the commit, so job changes of one run overlap in everything but
//! their last few milliseconds, and numbers follow commit order: a reader that has seen event N of
//! a run has seen every event before it. Each event is written once and readers never write.
use deadpool_postgres::Transaction;
use tokio_postgres::Row;
use tokio_postgres::types::ToSql;
use uuid::Uuid;

use super::CachedQueries;
use super::{Store, to_u32};
use crate::error::{Error, Result};
use cyberbrain_model::runs::{JobStatus, RunChange, RunEvent, RunStatus};

/// Notification channel: "an agent was revoked" (or deleted), payload the agent id: every
/// replica closes that agent's stream.
pub const REVOKE_CHANNEL: &str = "cyberbrain_revoke";

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

/// Events gathered from a transaction's changes, appended and numbered with its last statements.
#[derive(Debug, Default)]
pub(super) struct Batch {
    run_ids: Vec<Uuid>,
    kinds: Vec<&'static str>,
    job_ids: Vec<Option<Uuid>>,
    statuses: Vec<&'static str>,
    attempts: Vec<Option<i32>>,
    errors: Vec<Option<String>>,
}

impl Batch {
    /// Notes a change of `run_id`; events keep the order they are noted in.
    pub(super) fn push(&mut self, run_id: Uuid, change: Change<'_>) {
        let (kind, job_id, status, attempt, error) = match change {
            Change::Run(status) => ("run", None, status.as_str(), None, None),
            Change::Job {
                job_id,
                status,
                attempt,
                error,
            } => (
                "job",
                Some(job_id),
                status.as_str(),
                Some(attempt),
                error.map(str::to_string),
            ),
        };
        self.run_ids.push(run_id);
        self.kinds.push(kind);
        self.job_ids.push(job_id);
        self.statuses.push(status);
        self.attempts.push(attempt);
        self.errors.push(error);
    }

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
        self.kinds.push("job");
        self.job_ids.push(Some(job_id));
        self.statuses.push(status.as_str());
        self.attempts.push(Some(attempt));
        self.errors.push(error);
    }

    /// Appends the noted events, numbered after each run's last event, and notifies every replica
    /// once per run when the transaction commits. Call it last before the commit: the runs' rows
    /// stay locked until then (see the module's comment).
    pub(super) async fn append(self, tx: &Transaction<'_>) -> Result<()> {
        if self.run_ids.is_empty() {
            return Ok(());
        }
        let mut runs = self.run_ids.clone();
        runs.sort();
        runs.dedup();
        // Locked in id order, like every run lock, so two batches cannot deadlock here.
        let rows = tx
            .query_cached(
                "SELECT id, last_event_seq FROM runs WHERE id = ANY($1) ORDER BY id
                 FOR NO KEY UPDATE",
                &[&runs],
            )
            .await?;
        let mut next: std::collections::HashMap<Uuid, i64> =
            std::collections::HashMap::with_capacity(rows.len());
        for row in rows {
            next.insert(row.try_get(0)?, row.try_get(1)?);
        }
        let mut seqs = Vec::with_capacity(self.run_ids.len());
        for run_id in &self.run_ids {
            let last = next.get_mut(run_id).ok_or_else(|| Error::NotFound {
                what: "run",
                name: run_id.to_string(),
            })?;
            *last += 1;
            seqs.push(*last);
        }
        let (last_runs, last_seqs): (Vec<Uuid>, Vec<i64>) = next.into_iter().unzip();
        // One round trip: the events, the runs' last numbers, and a notification per run.
        let sql = format!(
            "WITH appended AS ({INSERT_NUMBERED}),
             numbered AS (
                 UPDATE runs SET last_event_seq = l.seq
                 FROM unnest($8::uuid[], $9::int8[]) AS l(id, seq) WHERE runs.id = l.id
                 RETURNING runs.id)
             SELECT pg_notify($10, id::text) FROM numbered"
        );
        let mut params = self.params(&seqs).to_vec();
        params.extend_from_slice(&[&last_runs, &last_seqs, &RUN_CHANNEL]);
        tx.execute_cached(&sql, &params).await?;
        Ok(())
    }

    /// The events, numbered `seqs`, as the parameters $1 to $7 of [`INSERT_NUMBERED`].
    fn params<'a>(&'a self, seqs: &'a Vec<i64>) -> [&'a (dyn ToSql + Sync); 7] {
        [
            &self.run_ids,
            seqs,
            &self.kinds,
            &self.job_ids,
            &self.statuses,
            &self.attempts,
            &self.errors,
        ]
    }

    /// How many events of `run_id` were noted.
    pub(super) fn count_for(&self, run_id: Uuid) -> i64 {
        let count = self.run_ids.iter().filter(|id| **id == run_id).count();
        i64::try_from(count).unwrap_or(i64::MAX)
    }

    /// Inserts the noted events, all of runs that this transaction creates, numbered from 1; the
    /// caller stores each run with `last_event_seq` = [`Batch::count_for`] it. Nobody sees those
    /// runs before the commit, so no lock is needed and the insert may go out beside the runs'
    /// own (pipelined); nobody can be watching them yet, so nobody is notified.
    pub(super) async fn insert_for_new_runs(&self, tx: &Transaction<'_>) -> Result<()> {
        if self.run_ids.is_empty() {
            return Ok(());
        }
        let mut counts: std::collections::HashMap<Uuid, i64> = std::collections::HashMap::new();
        let seqs: Vec<i64> = self
            .run_ids
            .iter()
            .map(|run_id| {
                let last = counts.entry(*run_id).or_insert(0);
                *last += 1;
                *last
            })
            .collect();
        tx.execute_cached(INSERT_NUMBERED, &self.params(&seqs))
            .await?;
        Ok(())
    }
}

/// Inserts numbered events: run ids, numbers, kinds, job ids, statuses, attempts and errors, as
/// parameters $1 to $7.
const INSERT_NUMBERED: &str =
    "INSERT INTO run_events (run_id, seq, kind, job_id, status, attempt, error)
     SELECT * FROM unnest($1::uuid[], $2::int8[], $3::text[], $4::uuid[], $5::text[],
                          $6::int4[], $7::text[])";

/// Sends a notification when the transaction commits (and not at all if it rolls back).
pub(super) async fn notify(tx: &Transaction<'_>, channel: &str, payload: &str) -> Result<()> {
    tx.execute_cached("SELECT pg_notify($1, $2)", &[&channel, &payload])
        .await?;
    Ok(())
}

impl Store {
    /// A run's events after `after_seq`, oldest first, at most `limit`. Job events name their
    /// agent and task type from `labels`, which learns the jobs it has not seen in one query.
    pub async fn run_events_after(
        &self,
        run_id: Uuid,
        after_seq: u64,
        limit: u32,
        labels: &mut JobLabels,
    ) -> Result<Vec<RunEvent>> {
        let client = self.client().await?;
        let after = i64::try_from(after_seq).unwrap_or(i64::MAX);
        let rows = client
            .query_cached(
                "SELECT seq, kind, job_id, status, attempt, error FROM run_events
                 WHERE run_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                &[&run_id, &after, &i64::from(limit)],
            )
            .await?;
        let mut unknown = std::collections::HashSet::new();
        for row in &rows {
            if let Some(job_id) = row.try_get::<_, Option<Uuid>>("job_id")?
                && !labels.0.contains_key(&job_id)
            {
                unknown.insert(job_id);
            }
        }
        let unknown: Vec<Uuid> = unknown.into_iter().collect();
        if !unknown.is_empty() {
            for row in client
                .query_cached(
                    "SELECT j.id, a.name, j.task_type FROM jobs j JOIN agent_names a ON a.id = j.agent_id
                     WHERE j.id = ANY($1)",
                    &[&unknown],
                )
                .await?
            {
                labels
                    .0
                    .insert(row.try_get(0)?, (row.try_get(1)?, row.try_get(2)?));
            }
        }
        rows.iter().map(|row| event_from_row(row, labels)).collect()
    }
}

/// The agent name and task type of a run's jobs, as a watcher learns them: job events carry only
/// the job's id in the log.
#[derive(Debug, Clone, Default)]
pub struct JobLabels(std::collections::HashMap<Uuid, (String, String)>);

impl JobLabels {
    /// Labels known from a run already read (a watch's snapshot).
    pub fn from_run(run: &cyberbrain_model::runs::RunWithJobs) -> Self {
        JobLabels(
            run.jobs
                .iter()
                .map(|j| {
                    let labels = (j.agent_name.clone(), j.task_type().as_str().to_string());
                    (j.id, labels)
                })
                .collect(),
        )
    }
}

fn event_from_row(row: &Row, labels: &JobLabels) -> Result<RunEvent> {
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
            let job_id = row
                .try_get::<_, Option<Uuid>>("job_id")?
                .ok_or_else(|| corrupt("job event without a job".into()))?;
            let (agent_name, task_type) = labels.0.get(&job_id).cloned().unwrap_or_default();
            RunChange::Job {
                job_id,
                agent_name,
                task_type,
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
