//! Jobs: dispatch claims, leases, results, and the reaper's sweep.
//!
//! Every statement that changes a job first locks its run's row (see `events`: shared for a job,
//! exclusive for a whole run), then the job, and appends to the run's event log in the same
//! transaction.

use std::time::Duration;

use cyberbrain_tasks::{Allowlist, TaskSpec};
use deadpool_postgres::Transaction;
use uuid::Uuid;

use super::CachedQueries;
use super::events::{self, CANCEL_CHANNEL, Change, DISPATCH_CHANNEL, lock_runs, share_runs};
use super::{Store, from_json, to_json, to_u32};
use crate::error::{Error, Result};
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::runs::{JobStatus, RunStatus};

/// A job this replica claimed for one of its agents.
#[derive(Debug, Clone)]
pub struct ClaimedJob {
    /// Id.
    pub job_id: Uuid,
    /// Its run.
    pub run_id: Uuid,
    /// The attempt this dispatch is.
    pub attempt: u32,
    /// The task.
    pub task: TaskSpec,
    /// Time this attempt may take (the agent is told; the controller fails the job after it).
    pub deadline: Duration,
    /// Time from the job's launch to this claim, on the database's clock.
    pub since_launch: Duration,
    /// The W3C traceparent of the run's launch, the parent of the dispatch span.
    pub run_traceparent: Option<String>,
}

/// One agent's share of a batched claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRequest {
    /// The agent.
    pub agent_id: Uuid,
    /// Its connection, which will hold the leases.
    pub lease_owner: String,
    /// Jobs to claim at the most.
    pub limit: u32,
}

/// What became of a result an agent delivered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResultOutcome {
    /// Stored now; the run may have finished.
    Recorded {
        /// The job's run.
        run_id: Uuid,
    },
    /// Stored before (a resend after a reconnect): acknowledge again, change nothing.
    Duplicate,
    /// Another agent's job: refused, not stored, and the caller must treat it as a violation.
    ForeignJob,
    /// No such job, or an attempt that is no longer current: refused, not stored.
    Refused {
        /// Why, for the log.
        reason: String,
    },
}

/// A job the controller cancelled, for telling its agent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CancelledJob {
    /// The agent working on it.
    pub agent_id: Uuid,
    /// The job.
    pub job_id: Uuid,
    /// The attempt to stop.
    pub attempt: u32,
}

/// What a cancellation did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cancellation {
    /// Jobs that were on an agent, which must be told to stop.
    pub on_agents: Vec<CancelledJob>,
    /// Jobs cancelled, queued ones included.
    pub jobs_cancelled: usize,
}

/// What one sweep of the reaper did.
#[derive(Debug, Clone, Default)]
pub struct Reaped {
    /// Jobs queued again for another attempt.
    pub requeued: usize,
    /// Jobs given up as `lost` or failed for their deadline.
    pub ended: usize,
    /// Of `ended`, those given up as `lost` (the others failed).
    pub lost: usize,
    /// Runs with a job that ended: they may be finished now.
    pub runs_to_finish: Vec<Uuid>,
}

/// Chooses jobs without locks (`sql` selects job id, run id pairs), then locks their runs shared
/// and the jobs (see `events`); the caller's change re-checks each job's state. Returns the job
/// ids and their runs' ids, none when nothing matched.
async fn lock_candidates(
    tx: &Transaction<'_>,
    sql: &str,
    params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
) -> Result<(Vec<Uuid>, Vec<Uuid>)> {
    let rows = tx.query_cached(sql, params).await?;
    let mut jobs = Vec::with_capacity(rows.len());
    let mut runs = Vec::with_capacity(rows.len());
    for row in rows {
        jobs.push(row.try_get(0)?);
        runs.push(row.try_get(1)?);
    }
    if !jobs.is_empty() {
        share_runs(tx, &runs).await?;
        lock_jobs(tx, &jobs).await?;
    }
    Ok((jobs, runs))
}

/// Locks the rows of `job_ids` in id order. Every statement that changes several jobs takes them
/// this way first (after their runs: see `events`), so that two transactions over the same jobs —
/// a job's acceptance and its result in two batches, a late result and the reaper — wait for each
/// other instead of deadlocking.
pub(super) async fn lock_jobs(
    tx: &Transaction<'_>,
    job_ids: &[Uuid],
) -> Result<Vec<tokio_postgres::Row>> {
    let mut ids = job_ids.to_vec();
    ids.sort();
    ids.dedup();
    Ok(tx
        .query_cached(
            "SELECT id, run_id, allowlist, status FROM jobs WHERE id = ANY($1) ORDER BY id
             FOR NO KEY UPDATE",
            &[&ids],
        )
        .await?)
}

/// What ends the jobs of a revoked agent.
const REVOKED: &str = "the agent was revoked";

/// Ends the unfinished jobs among `job_ids` (their runs and rows locked by the caller) `lost`
/// because their agent was revoked, noting each change in `log`. Returns how many ended and the
/// runs they belong to (sorted, once each), which may be finished now.
pub(super) async fn end_jobs_of_revoked_agents(
    tx: &Transaction<'_>,
    job_ids: &[Uuid],
    log: &mut events::Batch,
) -> Result<(usize, Vec<Uuid>)> {
    let rows = tx
        .query_cached(
            "UPDATE jobs SET status = 'lost', error = $2, finished_at = now(),
                 lease_owner = NULL, lease_expires_at = NULL
             WHERE id = ANY($1) AND status IN ('queued', 'dispatched', 'running')
             RETURNING id, run_id, attempt",
            &[&job_ids, &REVOKED],
        )
        .await?;
    let mut runs = Vec::with_capacity(rows.len());
    for row in &rows {
        let run_id: Uuid = row.try_get(1)?;
        let change = Change::Job {
            job_id: row.try_get(0)?,
            status: JobStatus::Lost,
            attempt: row.try_get(2)?,
            error: Some(REVOKED),
        };
        log.push(run_id, change);
        runs.push(run_id);
    }
    runs.sort();
    runs.dedup();
    Ok((rows.len(), runs))
}

/// Attempts are small; one beyond `i32` cannot match any stored attempt.
pub(super) fn attempt_to_sql(attempt: u32) -> i32 {
    i32::try_from(attempt).unwrap_or(i32::MAX)
}

impl Store {
    /// Claims up to `limit` of the agent's queued jobs for dispatch by `lease_owner`: each gets the
    /// next attempt number, a lease, a deadline (its own, or `default_deadline` for a job launched
    /// before jobs had one) and the allowlist that goes with it. Runs concerned move from pending
    /// to running. (A batch of one: see [`Store::claim_queued_jobs`].)
    pub async fn claim_queued_jobs_for_agent(
        &self,
        agent_id: Uuid,
        lease_owner: &str,
        lease: Duration,
        default_deadline: Duration,
        allowlist: &Allowlist,
        limit: u32,
    ) -> Result<Vec<ClaimedJob>> {
        let wanted = ClaimRequest {
            agent_id,
            lease_owner: lease_owner.to_string(),
            limit,
        };
        let mut claimed = self
            .claim_queued_jobs(&[wanted], lease, default_deadline, allowlist)
            .await?;
        Ok(claimed.pop().unwrap_or_default())
    }

    /// Claims queued jobs for many agents in one transaction: for each request, up to its `limit`
    /// of that agent's queued jobs, oldest first, leased to its `lease_owner`. Returns the claimed
    /// jobs per request, in the order given.
    pub async fn claim_queued_jobs(
        &self,
        requests: &[ClaimRequest],
        lease: Duration,
        default_deadline: Duration,
        allowlist: &Allowlist,
    ) -> Result<Vec<Vec<ClaimedJob>>> {
        let mut claimed: Vec<Vec<ClaimedJob>> = vec![Vec::new(); requests.len()];
        let wanted: Vec<&ClaimRequest> = requests.iter().filter(|r| r.limit > 0).collect();
        if wanted.is_empty() {
            return Ok(claimed);
        }
        let agents: Vec<Uuid> = wanted.iter().map(|r| r.agent_id).collect();
        let limits: Vec<i64> = wanted.iter().map(|r| i64::from(r.limit)).collect();
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let owners: Vec<&str> = wanted.iter().map(|r| r.lease_owner.as_str()).collect();
        // Only for a session that is its agent's current one (`agents.replica`): a stream that
        // another replaced, here or on another replica, is closing and gets nothing more.
        let (job_ids, run_ids) = lock_candidates(
            &tx,
            "SELECT id, run_id FROM (
                 SELECT j.id, j.run_id, w.lim,
                        row_number() OVER (PARTITION BY j.agent_id ORDER BY j.created_at, j.task_index) AS n
                 FROM jobs j JOIN unnest($1::uuid[], $2::int8[], $3::text[]) AS w(agent_id, lim, owner)
                     ON j.agent_id = w.agent_id
                 JOIN agents a ON a.id = w.agent_id AND a.replica = w.owner
                 WHERE j.status = 'queued') c
             WHERE n <= lim",
            &[&agents, &limits, &owners],
        )
        .await?;
        if job_ids.is_empty() {
            return Ok(claimed);
        }
        let rows = tx
            .query_cached(
                "UPDATE jobs SET status = 'dispatched', attempt = attempt + 1, dispatched_at = now(),
                     lease_owner = o.owner, lease_expires_at = now() + make_interval(secs => $4),
                     deadline_at = now() + make_interval(
                         secs => COALESCE(jobs.deadline_seconds, $5::float8) + $4::float8),
                     allowlist = $6
                 FROM unnest($2::uuid[], $3::text[]) AS o(agent_id, owner)
                 WHERE jobs.id = ANY($1) AND jobs.status = 'queued' AND jobs.agent_id = o.agent_id
                 RETURNING jobs.id, jobs.run_id, jobs.agent_id, jobs.attempt, jobs.task,
                     COALESCE(jobs.deadline_seconds, $5::float8) AS deadline_seconds,
                     EXTRACT(EPOCH FROM now() - jobs.created_at)::float8 AS since_launch,
                     (SELECT traceparent FROM runs WHERE runs.id = jobs.run_id) AS run_traceparent",
                &[
                    &job_ids,
                    &agents,
                    &owners,
                    &lease.as_secs_f64(),
                    &default_deadline.as_secs_f64(),
                    &to_json("job allowlist", allowlist)?,
                ],
            )
            .await?;
        let slot: std::collections::HashMap<Uuid, usize> = requests
            .iter()
            .enumerate()
            .map(|(i, r)| (r.agent_id, i))
            .collect();
        let mut log = events::Batch::default();
        let started = tx
            .query_cached(
                "UPDATE runs SET status = 'running', started_at = now()
                 WHERE id = ANY($1) AND status = 'pending' RETURNING id",
                &[&run_ids],
            )
            .await?;
        for row in started {
            log.push(row.try_get(0)?, Change::Run(RunStatus::Running));
        }
        for r in &rows {
            let job = ClaimedJob {
                job_id: r.try_get("id")?,
                run_id: r.try_get("run_id")?,
                attempt: to_u32("job attempt", r.try_get("attempt")?)?,
                task: from_json("job task", r.try_get("task")?)?,
                deadline: Duration::try_from_secs_f64(r.try_get("deadline_seconds")?).map_err(
                    |e| Error::Corrupt {
                        what: "job deadline",
                        reason: e.to_string(),
                    },
                )?,
                since_launch: Duration::try_from_secs_f64(r.try_get("since_launch")?)
                    .unwrap_or_default(),
                run_traceparent: r.try_get("run_traceparent")?,
            };
            let agent_id: Uuid = r.try_get("agent_id")?;
            log.job(
                job.run_id,
                job.job_id,
                JobStatus::Dispatched,
                attempt_to_sql(job.attempt),
                None,
            );
            if let Some(&i) = slot.get(&agent_id) {
                claimed[i].push(job);
            }
        }
        log.append(&tx).await?;
        tx.commit().await?;
        Ok(claimed)
    }

    /// Which of these agents have queued jobs (one index lookup each).
    pub async fn agents_with_queued_jobs(&self, agent_ids: &[Uuid]) -> Result<Vec<Uuid>> {
        let client = self.client().await?;
        client
            .query_cached(
                "SELECT a FROM unnest($1::uuid[]) AS a
                 WHERE EXISTS (SELECT 1 FROM jobs WHERE agent_id = a AND status = 'queued')",
                &[&agent_ids],
            )
            .await?
            .iter()
            .map(|row| Ok(row.try_get(0)?))
            .collect()
    }

    /// Extends the leases of the listed jobs of this agent, which said in a heartbeat that it is still
    /// working on them, and records `lease_owner` (its current connection) as their owner: after a
    /// reconnect, possibly to another replica, the new connection takes them over.
    pub async fn renew_leases(
        &self,
        agent_id: Uuid,
        lease_owner: &str,
        job_ids: &[Uuid],
        lease: Duration,
    ) -> Result<u64> {
        if job_ids.is_empty() {
            return Ok(0);
        }
        let client = self.client().await?;
        Ok(client
            .execute_cached(
                                "UPDATE jobs SET lease_expires_at = now() + make_interval(secs => $4), lease_owner = $2
                 WHERE agent_id = $1 AND id = ANY($3) AND status IN ('dispatched', 'running')",
                &[&agent_id, &lease_owner, &job_ids, &lease.as_secs_f64()],
            )
            .await?)
    }

    /// Puts back in the queue the agent's dispatched or running jobs that it no longer has (it
    /// restarted and lost them), so that they are dispatched again with the next attempt number;
    /// a job that was on its last attempt ends `lost` instead. `in_flight` are the jobs the agent
    /// says it still works on or holds a result for.
    ///
    /// `replaced` is the live session this hello replaces (see [`Store::agent_attached`]): the
    /// jobs leased to it, lease unexpired, are not this hello's to judge. The new stream may be
    /// another holder of the certificate that knows nothing of them, and the older stream's
    /// agent, told to close, lists them in its own next hello. They keep their lease: renewed
    /// by whichever stream's heartbeats list them, or requeued by the reaper when it runs out,
    /// so a job is never run twice at once nor ended `lost` by a stranger's hello.
    pub async fn requeue_jobs_lost_by_agent(
        &self,
        agent_id: Uuid,
        in_flight: &[Uuid],
        replaced: Option<&str>,
    ) -> Result<Reaped> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let (job_ids, _) = lock_candidates(
            &tx,
            "SELECT id, run_id FROM jobs WHERE agent_id = $1 AND status IN ('dispatched', 'running')
             AND NOT (id = ANY($2))
             AND NOT (lease_owner IS NOT DISTINCT FROM $3 AND lease_expires_at > now())",
            &[&agent_id, &in_flight, &replaced],
        )
        .await?;
        if job_ids.is_empty() {
            return Ok(Reaped::default());
        }
        let rows = tx
            .query_cached(
                "UPDATE jobs SET
                     status = CASE WHEN attempt >= max_attempts THEN 'lost' ELSE 'queued' END,
                     error = CASE WHEN attempt >= max_attempts
                                  THEN 'the agent lost it on attempt ' || attempt || ' of ' || max_attempts
                                  ELSE error END,
                     finished_at = CASE WHEN attempt >= max_attempts THEN now() END,
                     queue_expires_at = CASE WHEN attempt < max_attempts
                         THEN now() + make_interval(secs => queue_timeout_seconds) END,
                     lease_owner = NULL, lease_expires_at = NULL
                 WHERE id = ANY($1) AND status IN ('dispatched', 'running')
                 RETURNING id, run_id, attempt, status, error",
                &[&job_ids],
            )
            .await?;
        let mut reaped = Reaped::default();
        let mut log = events::Batch::default();
        for row in &rows {
            let run_id: Uuid = row.try_get(1)?;
            let lost = row.try_get::<_, String>(3)? == JobStatus::Lost.as_str();
            let error: Option<String> = row.try_get(4)?;
            let change = Change::Job {
                job_id: row.try_get(0)?,
                status: if lost {
                    JobStatus::Lost
                } else {
                    JobStatus::Queued
                },
                attempt: row.try_get(2)?,
                error: error.as_deref().filter(|_| lost),
            };
            log.push(run_id, change);
            if lost {
                reaped.ended += 1;
                reaped.lost += 1;
                reaped.runs_to_finish.push(run_id);
            } else {
                reaped.requeued += 1;
            }
        }
        if reaped.requeued > 0 {
            events::notify(&tx, DISPATCH_CHANNEL, &agent_id.to_string()).await?;
        }
        log.append(&tx).await?;
        tx.commit().await?;
        reaped.runs_to_finish.sort();
        reaped.runs_to_finish.dedup();
        Ok(reaped)
    }

    /// Cancels every job of the run that has not ended and tells the agents working on them. The
    /// run then finishes as cancelled.
    #[tracing::instrument(name = "db.cancel_jobs_of_run", level = "info", skip_all)]
    pub async fn cancel_jobs_of_run(
        &self,
        run_id: Uuid,
        audit: &AuditEntry,
    ) -> Result<Cancellation> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        lock_runs(&tx, &[run_id]).await?;
        let status: String = tx
            .query_opt_cached("SELECT status FROM runs WHERE id = $1", &[&run_id])
            .await?
            .ok_or_else(|| Error::NotFound {
                what: "run",
                name: run_id.to_string(),
            })?
            .try_get(0)?;
        if RunStatus::parse(&status).is_none_or(RunStatus::is_terminal) {
            return Err(Error::FailedPrecondition {
                field: "id".into(),
                reason: format!("run {run_id} has already ended ({status})"),
            });
        }
        let rows = tx
            .query_cached(
                "UPDATE jobs SET status = 'cancelled', finished_at = now(),
                     lease_owner = NULL, lease_expires_at = NULL
                 WHERE run_id = $1 AND status IN ('queued', 'dispatched', 'running')
                 RETURNING id, agent_id, attempt, (dispatched_at IS NOT NULL) AS was_dispatched",
                &[&run_id],
            )
            .await?;
        let mut cancelled = Vec::new();
        let mut log = events::Batch::default();
        for row in &rows {
            let job_id: Uuid = row.try_get(0)?;
            let agent_id: Uuid = row.try_get(1)?;
            let attempt: i32 = row.try_get(2)?;
            let change = Change::Job {
                job_id,
                status: JobStatus::Cancelled,
                attempt,
                error: None,
            };
            log.push(run_id, change);
            if row.try_get::<_, bool>(3)? {
                let job = CancelledJob {
                    agent_id,
                    job_id,
                    attempt: to_u32("job attempt", attempt)?,
                };
                let payload = format!("{}:{}:{}", job.agent_id, job.job_id, job.attempt);
                events::notify(&tx, CANCEL_CHANNEL, &payload).await?;
                cancelled.push(job);
            }
        }
        let audit = audit
            .clone()
            .on(run_id.to_string())
            .with(serde_json::json!({ "jobs_cancelled": rows.len() }));
        super::audit::record(&tx, &audit).await?;
        log.append(&tx).await?;
        tx.commit().await?;
        Ok(Cancellation {
            on_agents: cancelled,
            jobs_cancelled: rows.len(),
        })
    }

    /// A sweep of the reaper: queued jobs of revoked agents end `lost`, up to `batch` of them.
    /// Revoking an agent ends its jobs at once; this catches those of a launch that read the agent
    /// before the revocation and committed after it (launches do not lock the agents they read).
    /// Such a job dispatched to the agent's closing stream comes back to the queue when its lease
    /// expires, and ends here then.
    pub async fn reap_jobs_of_revoked_agents(&self, batch: u32) -> Result<Reaped> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let (job_ids, _) = lock_candidates(
            &tx,
            "SELECT j.id, j.run_id FROM agents a JOIN jobs j ON j.agent_id = a.id
             WHERE a.state = 'revoked' AND j.status = 'queued'
             LIMIT $1",
            &[&i64::from(batch)],
        )
        .await?;
        if job_ids.is_empty() {
            return Ok(Reaped::default());
        }
        let mut log = events::Batch::default();
        let (ended, runs_to_finish) = end_jobs_of_revoked_agents(&tx, &job_ids, &mut log).await?;
        log.append(&tx).await?;
        tx.commit().await?;
        Ok(Reaped {
            requeued: 0,
            ended,
            lost: ended,
            runs_to_finish,
        })
    }

    /// One sweep of the reaper: jobs past their deadline fail; jobs whose lease expired go back to
    /// the queue for another attempt, or end `lost` after their last one.
    pub async fn reap_expired_jobs(&self, batch: u32) -> Result<Reaped> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let (job_ids, _) = lock_candidates(
            &tx,
            "SELECT id, run_id FROM jobs WHERE status IN ('dispatched', 'running')
               AND (lease_expires_at < now() OR deadline_at < now())
             ORDER BY lease_expires_at LIMIT $1",
            &[&i64::from(batch)],
        )
        .await?;
        if job_ids.is_empty() {
            return Ok(Reaped::default());
        }
        let rows = tx
            .query_cached(
                // Past its deadline while its lease was still held: failed. A lease that ran out
                // first (a dead agent) means another attempt, even if the deadline has passed
                // since, between two sweeps.
                "UPDATE jobs SET
                     status = CASE WHEN deadline_at < now() AND deadline_at <= lease_expires_at
                                       THEN 'failed'
                                   WHEN attempt >= max_attempts THEN 'lost'
                                   ELSE 'queued' END,
                     error = CASE WHEN deadline_at < now() AND deadline_at <= lease_expires_at
                                      THEN 'deadline exceeded'
                                  WHEN attempt >= max_attempts
                                      THEN 'lease expired on attempt ' || attempt || ' of ' || max_attempts
                                  ELSE error END,
                     finished_at = CASE WHEN (deadline_at < now() AND deadline_at <= lease_expires_at)
                                             OR attempt >= max_attempts
                                        THEN now() END,
                     queue_expires_at = now() + make_interval(secs => queue_timeout_seconds),
                     lease_owner = NULL, lease_expires_at = NULL
                 WHERE id = ANY($1) AND status IN ('dispatched', 'running')
                   AND (lease_expires_at < now() OR deadline_at < now())
                 RETURNING id, run_id, agent_id, status, attempt, error",
                &[&job_ids],
            )
            .await?;
        let mut reaped = Reaped::default();
        let mut log = events::Batch::default();
        for row in &rows {
            let run_id: Uuid = row.try_get(1)?;
            let agent_id: Uuid = row.try_get(2)?;
            let status: String = row.try_get(3)?;
            let status = JobStatus::parse(&status).unwrap_or(JobStatus::Lost);
            let error: Option<String> = row.try_get(5)?;
            let change = Change::Job {
                job_id: row.try_get(0)?,
                status,
                attempt: row.try_get(4)?,
                error: error.as_deref(),
            };
            log.push(run_id, change);
            if status == JobStatus::Queued {
                reaped.requeued += 1;
                events::notify(&tx, DISPATCH_CHANNEL, &agent_id.to_string()).await?;
            } else {
                reaped.ended += 1;
                reaped.lost += usize::from(status == JobStatus::Lost);
                reaped.runs_to_finish.push(run_id);
            }
        }
        log.append(&tx).await?;
        tx.commit().await?;
        reaped.runs_to_finish.sort();
        reaped.runs_to_finish.dedup();
        Ok(reaped)
    }
}
