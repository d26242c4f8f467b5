//! Reads for metrics and readiness: counts by status in one grouped query, whether the schema is
//! current, and the pool's occupancy. Nothing here writes.

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
    /// Counts runs and jobs by status and agents by state, in one statement (one snapshot).
    pub async fn status_counts(&self) -> Result<StatusCounts> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT 'run', status, count(*) FROM runs GROUP BY status
                 UNION ALL SELECT 'job', status, count(*) FROM jobs GROUP BY status
                 UNION ALL SELECT 'agent', state, count(*) FROM agents GROUP BY state",
                &[],
            )
            .await?;
        let mut counts = StatusCounts::default();
        for row in rows {
            let kind: &str = row.try_get(0)?;
            let entry = (row.try_get::<_, String>(1)?, row.try_get::<_, i64>(2)?);
            match kind {
                "run" => counts.runs.push(entry),
                "job" => counts.jobs.push(entry),
                _ => counts.agents.push(entry),
            }
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
