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

/// How many GPUs the fleet's latest `gpu_report`s show, and how many of them are busy or hot.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GpuCounts {
    /// Agents with a report.
    pub agents: i64,
    /// GPUs in those reports.
    pub gpus: i64,
    /// GPUs at least the busy threshold's percent in use.
    pub busy: i64,
    /// GPUs at most the margin below their slowdown temperature (or at the fixed temperature
    /// when they report no slowdown point).
    pub hot: i64,
}

/// When GPUs count as busy or hot (the console decides; the query only applies it).
#[derive(Debug, Clone, Copy)]
pub struct GpuThresholds {
    /// Busy at this utilisation percent or more.
    pub busy_percent: u32,
    /// Hot within this many degrees of the slowdown temperature.
    pub hot_margin_celsius: u32,
    /// Hot at this temperature when no slowdown temperature is known.
    pub hot_without_slowdown_celsius: u32,
}

/// A finished run's report's `attention` value (absent in reports written before it existed).
#[derive(Debug, Clone)]
pub struct RunAttention {
    /// The run.
    pub run_id: Uuid,
    /// Its directive, if any.
    pub directive_name: Option<String>,
    /// When it finished.
    pub finished_at: DateTime<Utc>,
    /// `report_json -> 'attention'`, as stored (the caller reads it tolerantly).
    pub attention: Option<serde_json::Value>,
}

impl Store {
    /// The GPUs of each agent's latest successful `gpu_report`, counted by `thresholds`, in one
    /// query over the index the `/gpus` page uses (only the counts leave the database).
    pub async fn gpu_counts(&self, thresholds: GpuThresholds) -> Result<GpuCounts> {
        let client = self.client().await?;
        let row = client
            .query_one_cached(
                "SELECT count(DISTINCT j.agent_id), count(g.value),
                   count(*) FILTER (WHERE (g.value->>'utilization_gpu_percent')::bigint >= $1),
                   count(*) FILTER (WHERE CASE
                     WHEN g.value->>'temperature_slowdown_celsius' IS NOT NULL
                       THEN (g.value->>'temperature_celsius')::bigint + $2
                            >= (g.value->>'temperature_slowdown_celsius')::bigint
                     ELSE (g.value->>'temperature_celsius')::bigint >= $3 END)
                 FROM (SELECT DISTINCT ON (agent_id) agent_id, result FROM jobs
                       WHERE task_type = 'gpu_report' AND status = 'succeeded'
                         AND result IS NOT NULL
                       ORDER BY agent_id, finished_at DESC) j
                 LEFT JOIN LATERAL jsonb_array_elements(
                   CASE WHEN jsonb_typeof(j.result->'gpus') = 'array' THEN j.result->'gpus'
                        ELSE '[]'::jsonb END) g ON true",
                &[
                    &i64::from(thresholds.busy_percent),
                    &i64::from(thresholds.hot_margin_celsius),
                    &i64::from(thresholds.hot_without_slowdown_celsius),
                ],
            )
            .await?;
        Ok(GpuCounts {
            agents: row.try_get(0)?,
            gpus: row.try_get(1)?,
            busy: row.try_get(2)?,
            hot: row.try_get(3)?,
        })
    }

    /// The `limit` runs that finished last, newest first, with their reports' `attention`
    /// values (one indexed query; only that part of each report is read).
    pub async fn latest_attention(&self, limit: u32) -> Result<Vec<RunAttention>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                "SELECT id, directive_name, finished_at, report_json -> 'attention' FROM runs
                 WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT $1",
                &[&i64::from(limit)],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(RunAttention {
                    run_id: r.try_get(0)?,
                    directive_name: r.try_get(1)?,
                    finished_at: r.try_get(2)?,
                    attention: r.try_get(3)?,
                })
            })
            .collect()
    }

    /// The latest successful `gpu_report` of each agent named after `after`, by name, at most
    /// `limit` agents (one query: agents by their name index, each one's latest report by the
    /// index on (task type, agent, finish time)). Agents without a report are skipped.
    pub async fn latest_gpu_reports(
        &self,
        after: &str,
        limit: u32,
    ) -> Result<Vec<LatestGpuReport>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                "SELECT a.name, j.finished_at, j.run_id, j.result FROM agents a
                 CROSS JOIN LATERAL (
                   SELECT finished_at, run_id, result FROM jobs
                   WHERE task_type = 'gpu_report' AND status = 'succeeded' AND agent_id = a.id
                     AND result IS NOT NULL
                   ORDER BY finished_at DESC LIMIT 1) j
                 WHERE a.name > $1 ORDER BY a.name LIMIT $2",
                &[&after, &i64::from(limit)],
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
