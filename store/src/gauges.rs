//! Reads for metrics and readiness: counts by status, whether the schema is current, and the
//! pool's occupancy. Nothing here writes.

use std::time::Duration;

use super::Store;
use super::migrate::MIGRATIONS;
use crate::error::Result;

/// How many runs, jobs and agents are in each status (agents: state), as stored now.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusCounts {
    /// `(status, count)` of runs; statuses without runs are absent.
    pub runs: Vec<(String, i64)>,
    /// `(status, count)` of jobs.
    pub jobs: Vec<(String, i64)>,
    /// `(state, count)` of agents.
    pub agents: Vec<(String, i64)>,
    /// Whether finished runs and jobs were counted; when not, only unfinished ones are listed.
    pub finished_counted: bool,
}

/// The connection pool right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolOccupancy {
    /// Connections handed out.
    pub busy: usize,
    /// Connections open and waiting in the pool.
    pub idle: usize,
    /// The most the pool opens.
    pub max: usize,
}

impl Store {
    /// Counts runs and jobs by status and agents by state. Unfinished runs and jobs are few and
    /// indexed, so they are always counted; finished ones fill whole tables and are counted only
    /// when `finished` is set, and left out (`finished_counted` false) if the server has not
    /// counted them within `finished_timeout`, which it then stops trying.
    pub async fn status_counts(
        &self,
        finished: bool,
        finished_timeout: Duration,
    ) -> Result<StatusCounts> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let mut counts = StatusCounts::default();
        let unfinished = tx
            .query(
                &format!(
                    "SELECT 'run', status, count(*) FROM runs
                     WHERE status IN ('pending', 'running') GROUP BY status
                     UNION ALL SELECT 'job', status, count(*) FROM jobs
                     WHERE status IN ('queued', 'dispatched', 'running') GROUP BY status
                     UNION ALL SELECT 'agent', {}, count(*) FROM agents a GROUP BY 2",
                    super::agents::STATE_SQL
                ),
                &[],
            )
            .await?;
        add_rows(&mut counts, &unfinished)?;
        if !finished {
            return Ok(counts);
        }
        let millis = finished_timeout.as_millis().clamp(1, i32::MAX as u128);
        tx.batch_execute(&format!("SET LOCAL statement_timeout = {millis}"))
            .await?;
        let finished = tx
            .query(
                "SELECT 'run', status, count(*) FROM runs
                 WHERE status NOT IN ('pending', 'running') GROUP BY status
                 UNION ALL SELECT 'job', status, count(*) FROM jobs
                 WHERE status NOT IN ('queued', 'dispatched', 'running') GROUP BY status",
                &[],
            )
            .await;
        match finished {
            Ok(rows) => {
                add_rows(&mut counts, &rows)?;
                counts.finished_counted = true;
            }
            Err(e) if e.code() == Some(&tokio_postgres::error::SqlState::QUERY_CANCELED) => {}
            Err(e) => return Err(e.into()),
        }
        Ok(counts)
    }

    /// Whether the database answers and every migration this binary knows is applied: `Ok(None)`
    /// when ready, `Ok(Some(reason))` when it answers but is behind.
    pub async fn schema_status(&self) -> Result<Option<String>> {
        let client = self.client().await?;
        let row = client
            .query_one("SELECT max(version) FROM schema_migrations", &[])
            .await?;
        let applied: Option<i32> = row.try_get(0)?;
        let wanted = MIGRATIONS.last().map_or(0, |m| m.version);
        Ok(match applied {
            Some(version) if version >= wanted => None,
            Some(version) => Some(format!(
                "database schema is at migration {version}, this controller needs {wanted}"
            )),
            None => Some("no migration is applied".to_string()),
        })
    }

    /// How many pooled connections are in use and idle.
    pub fn pool_occupancy(&self) -> PoolOccupancy {
        let status = self.pool.status();
        PoolOccupancy {
            busy: status.size.saturating_sub(status.available),
            idle: status.available,
            max: status.max_size,
        }
    }
}

fn add_rows(counts: &mut StatusCounts, rows: &[tokio_postgres::Row]) -> Result<()> {
    for row in rows {
        let kind: &str = row.try_get(0)?;
        let entry = (row.try_get::<_, String>(1)?, row.try_get::<_, i64>(2)?);
        match kind {
            "run" => counts.runs.push(entry),
            "job" => counts.jobs.push(entry),
            _ => counts.agents.push(entry),
        }
    }
    Ok(())
}
