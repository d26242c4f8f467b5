//! What agents report about their jobs — accepted, finished with a result or an error — stored in
//! batches: one transaction and a handful of set-based statements for any number of reports, from
//! any number of agents. The agent link's writer (`crate::job_writer`) gathers the batches.

use std::collections::{HashMap, HashSet};

use cyberbrain_tasks::{Allowlist, TaskResult};
use uuid::Uuid;

use super::CachedQueries;
use super::events::{self, share_runs};
use super::jobs::{ResultOutcome, attempt_to_sql, lock_jobs};
use super::{Store, from_json, storable_json, storable_text};
use crate::error::Result;
use cyberbrain_model::runs::JobStatus;

/// An agent says it started a job it was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobAccepted {
    /// The reporting agent (from its certificate).
    pub agent_id: Uuid,
    /// The job.
    pub job_id: Uuid,
    /// The attempt it started.
    pub attempt: u32,
}

/// An agent reports how a job ended: its result, or an error.
#[derive(Debug, Clone)]
pub struct JobOutcome {
    /// The reporting agent (from its certificate).
    pub agent_id: Uuid,
    /// The job.
    pub job_id: Uuid,
    /// The attempt that ended.
    pub attempt: u32,
    /// The result, or why there is none.
    pub outcome: std::result::Result<TaskResult, String>,
}

impl Store {
    /// Marks a dispatched job running, if it is this agent's current attempt. (A batch of one:
    /// see [`Store::record_job_updates`].)
    pub async fn job_accepted(&self, agent_id: Uuid, job_id: Uuid, attempt: u32) -> Result<()> {
        let accepted = JobAccepted {
            agent_id,
            job_id,
            attempt,
        };
        self.record_job_updates(&[accepted], Vec::new(), |_, _, _| {})
            .await?;
        Ok(())
    }

    /// Stores the outcome of `(job_id, attempt)` reported by `agent_id`: a result or an error. Only
    /// the agent that owns the job, for its current attempt, can store anything; a repeat of a stored
    /// outcome is recognised as a duplicate. (A batch of one: see [`Store::record_job_updates`].)
    ///
    /// `enforce` sees a result and the allowlist the job was dispatched with before it is stored, so
    /// that nothing outside that allowlist is ever written.
    #[tracing::instrument(name = "db.record_job_outcome", level = "info", skip_all)]
    pub async fn record_job_outcome(
        &self,
        agent_id: Uuid,
        job_id: Uuid,
        attempt: u32,
        outcome: std::result::Result<TaskResult, String>,
        enforce: impl FnOnce(&mut TaskResult, &Allowlist),
    ) -> Result<ResultOutcome> {
        let report = JobOutcome {
            agent_id,
            job_id,
            attempt,
            outcome,
        };
        let mut enforce = Some(enforce);
        let mut verdicts = self
            .record_job_updates(&[], vec![report], |_, result, allowlist| {
                if let Some(enforce) = enforce.take() {
                    enforce(result, allowlist);
                }
            })
            .await?;
        Ok(verdicts.pop().unwrap_or(ResultOutcome::Refused {
            reason: "not stored".into(),
        }))
    }

    /// Stores a batch of reports in one transaction. Acceptances move dispatched jobs to running;
    /// outcomes are stored only for the agent that owns the job and its current attempt, and each
    /// gets its [`ResultOutcome`] (in the order given). A job accepted and finished within one
    /// batch is written once, to its end state, and its log shows `running` then the end, as it
    /// would have in two batches.
    ///
    /// `enforce` sees each result and the allowlist its job was dispatched with before it is
    /// stored, so that nothing outside that allowlist is ever written.
    pub async fn record_job_updates(
        &self,
        accepted: &[JobAccepted],
        outcomes: Vec<JobOutcome>,
        mut enforce: impl FnMut(Uuid, &mut TaskResult, &Allowlist),
    ) -> Result<Vec<ResultOutcome>> {
        if accepted.is_empty() && outcomes.is_empty() {
            return Ok(Vec::new());
        }
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let mut job_ids: Vec<Uuid> = accepted.iter().map(|a| a.job_id).collect();
        job_ids.extend(outcomes.iter().map(|o| o.job_id));
        // Lock order: the runs (shared), then the jobs in id order (see `jobs::lock_jobs`).
        let run_ids: Vec<Uuid> = tx
            .query_cached(
                "SELECT DISTINCT run_id FROM jobs WHERE id = ANY($1)",
                &[&job_ids],
            )
            .await?
            .iter()
            .map(|row| row.try_get(0))
            .collect::<std::result::Result<_, _>>()?;
        share_runs(&tx, &run_ids).await?;
        let mut jobs: HashMap<Uuid, (Uuid, Option<serde_json::Value>)> = HashMap::new();
        // Jobs not yet running: a folded acceptance (below) gives them their `running` event.
        let mut dispatched = HashSet::new();
        for row in lock_jobs(&tx, &job_ids).await? {
            let id: Uuid = row.try_get(0)?;
            jobs.insert(id, (row.try_get(1)?, row.try_get(2)?));
            if row.try_get::<_, String>(3)? == JobStatus::Dispatched.as_str() {
                dispatched.insert(id);
            }
        }

        let mut log = events::Batch::default();
        // An acceptance whose outcome is in this batch too becomes the outcome's `running` event.
        let finishing: HashSet<(Uuid, u32, Uuid)> = outcomes
            .iter()
            .map(|o| (o.job_id, o.attempt, o.agent_id))
            .collect();
        let (folded, accepted): (Vec<&JobAccepted>, Vec<&JobAccepted>) = accepted
            .iter()
            .partition(|a| finishing.contains(&(a.job_id, a.attempt, a.agent_id)));
        let folded: HashSet<(Uuid, u32)> = folded.iter().map(|a| (a.job_id, a.attempt)).collect();
        if !accepted.is_empty() {
            let ids: Vec<Uuid> = accepted.iter().map(|a| a.job_id).collect();
            let agents: Vec<Uuid> = accepted.iter().map(|a| a.agent_id).collect();
            let attempts: Vec<i32> = accepted.iter().map(|a| attempt_to_sql(a.attempt)).collect();
            let started = tx
                .query_cached(
                    "UPDATE jobs SET status = 'running'
                     FROM unnest($1::uuid[], $2::uuid[], $3::int4[]) AS u(id, agent_id, attempt)
                     WHERE jobs.id = u.id AND jobs.agent_id = u.agent_id
                       AND jobs.attempt = u.attempt AND jobs.status = 'dispatched'
                     RETURNING jobs.id, jobs.run_id, jobs.attempt",
                    &[&ids, &agents, &attempts],
                )
                .await?;
            for row in started {
                log.job(
                    row.try_get(1)?,
                    row.try_get(0)?,
                    JobStatus::Running,
                    row.try_get(2)?,
                    None,
                );
            }
        }

        let mut verdicts: Vec<Option<ResultOutcome>> = vec![None; outcomes.len()];
        if !outcomes.is_empty() {
            let mut ids = Vec::with_capacity(outcomes.len());
            let mut agents = Vec::with_capacity(outcomes.len());
            let mut attempts = Vec::with_capacity(outcomes.len());
            let mut statuses = Vec::with_capacity(outcomes.len());
            let mut results: Vec<Option<serde_json::Value>> = Vec::with_capacity(outcomes.len());
            let mut errors: Vec<Option<String>> = Vec::with_capacity(outcomes.len());
            for (i, report) in outcomes.into_iter().enumerate() {
                let Some((_, allowlist)) = jobs.get(&report.job_id) else {
                    verdicts[i] = Some(ResultOutcome::Refused {
                        reason: "no such job".into(),
                    });
                    continue;
                };
                // A job never dispatched has no allowlist: nothing is admitted.
                let allowlist: Allowlist = match allowlist {
                    Some(value) => from_json("job allowlist", value.clone())?,
                    None => Allowlist::default(),
                };
                let (status, result, error) = match report.outcome {
                    Ok(mut result) => {
                        enforce(report.job_id, &mut result, &allowlist);
                        (
                            JobStatus::Succeeded,
                            Some(storable_json("job result", &result)?),
                            None,
                        )
                    }
                    Err(error) => (JobStatus::Failed, None, Some(storable_text(error))),
                };
                ids.push(report.job_id);
                agents.push(report.agent_id);
                attempts.push(attempt_to_sql(report.attempt));
                statuses.push(status.as_str());
                results.push(result);
                errors.push(error);
            }
            let stored = tx
                .query_cached(
                    "UPDATE jobs SET status = u.status, result = u.result, error = u.error,
                         finished_at = now(), lease_owner = NULL, lease_expires_at = NULL
                     FROM unnest($1::uuid[], $2::uuid[], $3::int4[], $4::text[], $5::jsonb[], $6::text[])
                         AS u(id, agent_id, attempt, status, result, error)
                     WHERE jobs.id = u.id AND jobs.agent_id = u.agent_id AND jobs.attempt = u.attempt
                       AND jobs.status IN ('dispatched', 'running')
                     RETURNING jobs.id, jobs.run_id, jobs.status, jobs.attempt, jobs.error",
                    &[&ids, &agents, &attempts, &statuses, &results, &errors],
                )
                .await?;
            let mut recorded: HashMap<Uuid, Uuid> = HashMap::with_capacity(stored.len());
            for row in stored {
                let job_id: Uuid = row.try_get(0)?;
                let run_id: Uuid = row.try_get(1)?;
                let status: String = row.try_get(2)?;
                let attempt: i32 = row.try_get(3)?;
                let error: Option<String> = row.try_get(4)?;
                let status = JobStatus::parse(&status).unwrap_or(JobStatus::Failed);
                let accepted_in_batch =
                    u32::try_from(attempt).is_ok_and(|a| folded.contains(&(job_id, a)));
                if accepted_in_batch && dispatched.contains(&job_id) {
                    log.job(run_id, job_id, JobStatus::Running, attempt, None);
                }
                log.job(run_id, job_id, status, attempt, error);
                recorded.insert(job_id, run_id);
            }
            // The rest were not stored: say why, from the job as it stands now.
            let mut seen = HashSet::with_capacity(ids.len());
            let unstored: Vec<Uuid> = ids
                .iter()
                .filter(|id| !seen.insert(**id) || !recorded.contains_key(id))
                .copied()
                .collect();
            let mut current: HashMap<Uuid, (Uuid, i32, String)> = HashMap::new();
            if !unstored.is_empty() {
                for row in tx
                    .query_cached(
                        "SELECT id, agent_id, attempt, status FROM jobs WHERE id = ANY($1)",
                        &[&unstored],
                    )
                    .await?
                {
                    current.insert(
                        row.try_get(0)?,
                        (row.try_get(1)?, row.try_get(2)?, row.try_get(3)?),
                    );
                }
            }
            let mut reports = ids.iter().zip(&agents).zip(&attempts).zip(&statuses);
            for verdict in verdicts.iter_mut().filter(|v| v.is_none()) {
                let Some((((job_id, agent_id), attempt), status)) = reports.next() else {
                    break;
                };
                *verdict = Some(match recorded.remove(job_id) {
                    Some(run_id) => ResultOutcome::Recorded { run_id },
                    None => classify(current.get(job_id), *agent_id, *attempt, status),
                });
            }
        }
        log.append(&tx).await?;
        tx.commit().await?;
        Ok(verdicts
            .into_iter()
            .map(|v| {
                v.unwrap_or(ResultOutcome::Refused {
                    reason: "not stored".into(),
                })
            })
            .collect())
    }
}

/// Why an outcome was not stored, given the job as it stands (`None`: it is gone).
fn classify(
    current: Option<&(Uuid, i32, String)>,
    agent_id: Uuid,
    attempt: i32,
    status: &str,
) -> ResultOutcome {
    let Some((owner, current_attempt, current_status)) = current else {
        return ResultOutcome::Refused {
            reason: "no such job".into(),
        };
    };
    if *owner != agent_id {
        ResultOutcome::ForeignJob
    } else if *current_attempt != attempt {
        ResultOutcome::Refused {
            reason: format!("attempt {attempt} is superseded by attempt {current_attempt}"),
        }
    } else if current_status == status {
        ResultOutcome::Duplicate
    } else {
        ResultOutcome::Refused {
            reason: format!("the job is already {current_status}"),
        }
    }
}
