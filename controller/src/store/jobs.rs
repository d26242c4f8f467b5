//! Jobs: dispatch claims and results.

use std::time::Duration;

use cyberbrain_tasks::{Allowlist, TaskResult, TaskSpec};
use uuid::Uuid;

use super::{Store, from_json, to_json, to_u32};
use crate::error::Result;

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
    /// Not this agent's job, or an attempt that is no longer current: refused, not stored.
    Refused {
        /// Why, for the log.
        reason: String,
    },
}

impl Store {
    /// Claims up to `limit` of the agent's queued jobs for dispatch by `lease_owner`, marking each
    /// dispatched with the next attempt number, a lease, and the allowlist that goes with it. The runs
    /// concerned move from pending to running. `SKIP LOCKED` lets replicas claim side by side.
    pub async fn claim_queued_jobs_for_agent(
        &self,
        agent_id: Uuid,
        lease_owner: &str,
        lease: Duration,
        allowlist: &Allowlist,
        limit: u32,
    ) -> Result<Vec<ClaimedJob>> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let rows = tx
            .query(
                "UPDATE jobs SET status = 'dispatched', attempt = attempt + 1, dispatched_at = now(),
                     lease_owner = $2, lease_expires_at = now() + make_interval(secs => $3),
                     allowlist = $4
                 WHERE id IN (
                     SELECT id FROM jobs WHERE agent_id = $1 AND status = 'queued'
                     ORDER BY created_at, task_index LIMIT $5 FOR UPDATE SKIP LOCKED)
                 RETURNING id, run_id, attempt, task",
                &[
                    &agent_id,
                    &lease_owner,
                    &lease.as_secs_f64(),
                    &to_json("job allowlist", allowlist)?,
                    &i64::from(limit),
                ],
            )
            .await?;
        let claimed = rows
            .iter()
            .map(|r| {
                Ok(ClaimedJob {
                    job_id: r.try_get("id")?,
                    run_id: r.try_get("run_id")?,
                    attempt: to_u32("job attempt", r.try_get("attempt")?)?,
                    task: from_json("job task", r.try_get("task")?)?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let run_ids: Vec<Uuid> = claimed.iter().map(|c| c.run_id).collect();
        if !run_ids.is_empty() {
            tx.execute(
                "UPDATE runs SET status = 'running', started_at = now()
                 WHERE id = ANY($1) AND status = 'pending'",
                &[&run_ids],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(claimed)
    }

    /// Puts back in the queue the agent's dispatched or running jobs that it no longer has (it
    /// restarted and lost them), so that they are dispatched again with the next attempt number.
    /// `in_flight` are the jobs the agent says it still works on or holds a result for.
    pub async fn requeue_jobs_lost_by_agent(
        &self,
        agent_id: Uuid,
        in_flight: &[Uuid],
    ) -> Result<Vec<Uuid>> {
        let client = self.client().await?;
        let rows = client
            .query(
                "UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL
                 WHERE agent_id = $1 AND status IN ('dispatched', 'running') AND NOT (id = ANY($2))
                 RETURNING run_id",
                &[&agent_id, &in_flight],
            )
            .await?;
        rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
    }

    /// Marks a dispatched job running, if it is this agent's current attempt. Returns its run.
    pub async fn job_accepted(
        &self,
        agent_id: Uuid,
        job_id: Uuid,
        attempt: u32,
    ) -> Result<Option<Uuid>> {
        let client = self.client().await?;
        let row = client
            .query_opt(
                "UPDATE jobs SET status = 'running'
                 WHERE id = $1 AND agent_id = $2 AND attempt = $3 AND status = 'dispatched'
                 RETURNING run_id",
                &[&job_id, &agent_id, &attempt_to_sql(attempt)],
            )
            .await?;
        Ok(row.map(|r| r.try_get(0)).transpose()?)
    }

    /// The allowlist a job was dispatched with.
    pub async fn job_allowlist(&self, job_id: Uuid) -> Result<Allowlist> {
        let client = self.client().await?;
        let row = client
            .query_opt("SELECT allowlist FROM jobs WHERE id = $1", &[&job_id])
            .await?;
        let value: Option<serde_json::Value> = match row {
            Some(r) => r.try_get(0)?,
            None => None,
        };
        // A job never dispatched has no allowlist: nothing is admitted.
        value.map_or(Ok(Allowlist::default()), |v| from_json("job allowlist", v))
    }

    /// Stores the outcome of `(job_id, attempt)` reported by `agent_id`: a result or an error. Only
    /// the agent that owns the job, for its current attempt, can store anything; a repeat of a stored
    /// outcome is recognised as a duplicate.
    pub async fn record_job_outcome(
        &self,
        agent_id: Uuid,
        job_id: Uuid,
        attempt: u32,
        outcome: std::result::Result<&TaskResult, &str>,
    ) -> Result<ResultOutcome> {
        let client = self.client().await?;
        let (status, result, error) = match outcome {
            Ok(result) => ("succeeded", Some(to_json("job result", result)?), None),
            Err(error) => ("failed", None, Some(error)),
        };
        let attempt_i = attempt_to_sql(attempt);
        let updated = client
            .query_opt(
                "UPDATE jobs SET status = $4, result = $5, error = $6, finished_at = now(),
                     lease_owner = NULL, lease_expires_at = NULL
                 WHERE id = $1 AND agent_id = $2 AND attempt = $3
                   AND status IN ('dispatched', 'running')
                 RETURNING run_id",
                &[&job_id, &agent_id, &attempt_i, &status, &result, &error],
            )
            .await?;
        if let Some(row) = updated {
            return Ok(ResultOutcome::Recorded {
                run_id: row.try_get(0)?,
            });
        }
        let existing = client
            .query_opt(
                "SELECT agent_id, attempt, status FROM jobs WHERE id = $1",
                &[&job_id],
            )
            .await?;
        let Some(row) = existing else {
            return Ok(ResultOutcome::Refused {
                reason: "no such job".into(),
            });
        };
        let owner: Uuid = row.try_get(0)?;
        let current_attempt: i32 = row.try_get(1)?;
        let current_status: String = row.try_get(2)?;
        Ok(if owner != agent_id {
            ResultOutcome::Refused {
                reason: "the job belongs to another agent".into(),
            }
        } else if current_attempt != attempt_i {
            ResultOutcome::Refused {
                reason: format!("attempt {attempt} is superseded by attempt {current_attempt}"),
            }
        } else if current_status == status {
            ResultOutcome::Duplicate
        } else {
            ResultOutcome::Refused {
                reason: format!("the job is already {current_status}"),
            }
        })
    }
}

/// Attempts are small; one beyond `i32` cannot match any stored attempt.
fn attempt_to_sql(attempt: u32) -> i32 {
    i32::try_from(attempt).unwrap_or(i32::MAX)
}
