//! The web console's read queries: a few aggregates for the overview and an agent's latest jobs.
//! Each is one indexed query, so the pages stay fast at fleet size.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::CachedQueries;
use super::Store;
use crate::error::Result;

/// What the overview page shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FleetOverview {
    /// `(state, count)` of agents.
    pub agents_by_state: Vec<(String, i64)>,
    /// `(status, count)` of runs launched in the last 24 hours.
    pub runs_last_day: Vec<(String, i64)>,
    /// `(directive, failed or partially failed runs)` in the last 24 hours, worst first.
    pub failing_directives: Vec<(String, i64)>,
}

/// One job of an agent, for its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentJob {
    /// The job.
    pub job_id: Uuid,
    /// Its run.
    pub run_id: Uuid,
    /// Its task type.
    pub task_type: String,
    /// Its status.
    pub status: String,
    /// When it was created.
    pub created_at: DateTime<Utc>,
}

/// An agent's latest successful `gpu_report`.
#[derive(Debug, Clone)]
pub struct LatestGpuReport {
    /// The agent.
    pub agent_name: String,
    /// When the job finished.
    pub finished_at: Option<DateTime<Utc>>,
    /// Its run.
    pub run_id: Uuid,
    /// The result.
    pub result: cyberbrain_tasks::GpuReportResult,
}

impl Store {
    /// Each agent's latest successful `gpu_report`, by agent name (one indexed query).
    pub async fn latest_gpu_reports(&self) -> Result<Vec<LatestGpuReport>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                "SELECT a.name, j.finished_at, j.run_id, j.result FROM (
                   SELECT DISTINCT ON (agent_id) agent_id, finished_at, run_id, result FROM jobs
                   WHERE task_type = 'gpu_report' AND status = 'succeeded' AND result IS NOT NULL
                   ORDER BY agent_id, finished_at DESC) j
                 JOIN agents a ON a.id = j.agent_id ORDER BY a.name",
                &[],
            )
            .await?;
        let mut reports = Vec::with_capacity(rows.len());
        for row in &rows {
            let result: cyberbrain_tasks::TaskResult =
                super::from_json("job result", row.try_get(3)?)?;
            if let cyberbrain_tasks::TaskResult::GpuReport(result) = result {
                reports.push(LatestGpuReport {
                    agent_name: row.try_get(0)?,
                    finished_at: row.try_get(1)?,
                    run_id: row.try_get(2)?,
                    result,
                });
            }
        }
        Ok(reports)
    }

    /// The overview's figures, in three grouped queries on one connection.
    pub async fn fleet_overview(&self) -> Result<FleetOverview> {
        let client = self.client().await?;
        let pairs = |rows: Vec<tokio_postgres::Row>| -> Result<Vec<(String, i64)>> {
            rows.iter()
                .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                .collect()
        };
        let agents_by_state = pairs(
            client
                .query_cached(
                    "SELECT state, count(*) FROM agents GROUP BY state ORDER BY state",
                    &[],
                )
                .await?,
        )?;
        let runs_last_day = pairs(
            client
                .query_cached(
                    "SELECT status, count(*) FROM runs WHERE created_at > now() - interval '24 hours'
                     GROUP BY status ORDER BY status",
                    &[],
                )
                .await?,
        )?;
        let failing_directives = pairs(
            client
                .query_cached(
                    "SELECT directive_name, count(*) FROM runs
                     WHERE created_at > now() - interval '24 hours'
                       AND status IN ('failed', 'partially_failed') AND directive_name IS NOT NULL
                     GROUP BY directive_name ORDER BY count(*) DESC, directive_name LIMIT 10",
                    &[],
                )
                .await?,
        )?;
        Ok(FleetOverview {
            agents_by_state,
            runs_last_day,
            failing_directives,
        })
    }

    /// The latest `limit` jobs of agent `agent_id`, newest first.
    pub async fn agent_recent_jobs(&self, agent_id: Uuid, limit: u32) -> Result<Vec<AgentJob>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                "SELECT id, run_id, task_type, status, created_at FROM jobs
                 WHERE agent_id = $1 ORDER BY created_at DESC LIMIT $2",
                &[&agent_id, &i64::from(limit)],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(AgentJob {
                    job_id: r.try_get(0)?,
                    run_id: r.try_get(1)?,
                    task_type: r.try_get(2)?,
                    status: r.try_get(3)?,
                    created_at: r.try_get(4)?,
                })
            })
            .collect()
    }
}
