//! Queued jobs that no agent took within their run's queue timeout: the reaper ends them
//! `unreachable`, then finishes the runs this completes, each in its own transaction after the
//! commit (so one run whose report cannot be built does not hold back the others).
//!
//! The rule: a job waits as long as its agent is online (a busy agent takes it when a slot
//! frees, however long that is); once the timeout has passed and its agent is not online
//! (`stale`, `offline`, `revoked`, never connected or deleted, per `agents::STATE_SQL`), it ends
//! `unreachable`.

use uuid::Uuid;

use super::CachedQueries;
use super::Store;
use super::events::{self, Change, lock_runs};
use crate::error::Result;
use cyberbrain_model::runs::JobStatus;

/// What one sweep for unreachable jobs did.
#[derive(Debug, Default)]
pub struct Unreachable {
    /// Jobs ended `unreachable`.
    pub ended: usize,
    /// Runs that had a job ended: the caller finishes each once all its jobs have ended
    /// (`finish_run_if_done`), after this commit.
    pub runs_to_finish: Vec<Uuid>,
}

/// The condition, on a job row `j`, that its agent is not online: only such a job ends
/// `unreachable`, whatever its queue expiry.
fn agent_not_online() -> String {
    format!(
        "NOT EXISTS (SELECT 1 FROM agents a WHERE a.id = j.agent_id AND ({}) = 'online')",
        super::agents::STATE_SQL
    )
}

/// The reason an unreachable job ends with, from its row `j` and its agent's row `a` (absent for
/// a deleted agent), on the database's clock.
const UNREACHABLE_REASON: &str = "'no agent took the job within its queue timeout ('
    || j.queue_timeout_seconds || 's): '
    || COALESCE((SELECT CASE
           WHEN a.state = 'revoked' THEN 'the agent was revoked'
           WHEN a.connected_at IS NULL THEN 'the agent never connected'
           WHEN a.state = 'online'
                AND a.last_seen_at >= now() - make_interval(secs => 3 * COALESCE(a.heartbeat_seconds, 10))
               THEN 'the agent is connected but did not take it'
           ELSE 'the agent has been offline since '
                || to_char(a.last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')
           END
         FROM agents a WHERE a.id = j.agent_id), 'the agent was deleted')";

impl Store {
    /// One sweep for queued jobs past their queue expiry whose agent is not online, up to `batch` runs' worth, in one
    /// transaction: their runs are locked exclusively (as a cancel does), one `UPDATE … WHERE
    /// status = 'queued' AND queue_expires_at < now() RETURNING` ends them `unreachable` with the
    /// reason and logs their events. However many replicas sweep, each job ends once; the runs
    /// touched are returned for the caller to finish (finishing is idempotent under the run's
    /// lock, so each run finishes once).
    pub async fn reap_unreachable_jobs(&self, batch: u32) -> Result<Unreachable> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let run_ids: Vec<Uuid> = tx
            .query_cached(
                &format!(
                    "SELECT DISTINCT run_id FROM (
                         SELECT j.run_id FROM jobs j
                         WHERE j.status = 'queued' AND j.queue_expires_at < now() AND {}
                         ORDER BY j.queue_expires_at LIMIT $1) expired",
                    agent_not_online()
                ),
                &[&i64::from(batch)],
            )
            .await?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<std::result::Result<_, _>>()?;
        if run_ids.is_empty() {
            return Ok(Unreachable::default());
        }
        lock_runs(&tx, &run_ids).await?;
        let rows = tx
            .query_cached(
                &format!(
                    "UPDATE jobs j SET status = 'unreachable', error = {UNREACHABLE_REASON},
                         finished_at = now(), queue_expires_at = NULL
                     WHERE j.run_id = ANY($1) AND j.status = 'queued' AND j.queue_expires_at < now()
                         AND {}
                     RETURNING j.id, j.run_id, j.attempt, j.error",
                    agent_not_online()
                ),
                &[&run_ids],
            )
            .await?;
        let mut log = events::Batch::default();
        let mut touched = Vec::with_capacity(rows.len());
        for row in &rows {
            let run_id: Uuid = row.try_get(1)?;
            let error: Option<String> = row.try_get(3)?;
            log.push(
                run_id,
                Change::Job {
                    job_id: row.try_get(0)?,
                    status: JobStatus::Unreachable,
                    attempt: row.try_get(2)?,
                    error: error.as_deref(),
                },
            );
            touched.push(run_id);
        }
        log.append(&tx).await?;
        touched.sort();
        touched.dedup();
        tx.commit().await?;
        Ok(Unreachable {
            ended: rows.len(),
            runs_to_finish: touched,
        })
    }

    /// Up to `limit` runs still pending or running whose jobs have all ended: runs that a sweep
    /// or a result left unfinished (their finish failed after the jobs' commit). The reaper
    /// finishes them, so every run ends even when one finish attempt did not.
    pub async fn runs_left_unfinished(&self, limit: u32) -> Result<Vec<Uuid>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                "SELECT r.id FROM runs r
                 WHERE r.status IN ('pending', 'running')
                   AND EXISTS (SELECT 1 FROM jobs j WHERE j.run_id = r.id)
                   AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.run_id = r.id
                                   AND j.status IN ('queued', 'dispatched', 'running'))
                 LIMIT $1",
                &[&i64::from(limit)],
            )
            .await?;
        rows.iter()
            .map(|r| r.try_get(0).map_err(Into::into))
            .collect()
    }
}
