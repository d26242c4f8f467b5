//! Deleting finished runs past the retention period, with their jobs, events and artifact records.

use std::collections::HashSet;
use std::time::Duration;

use uuid::Uuid;

use super::CachedQueries;
use super::Store;
use crate::error::Result;

impl Store {
    /// Deletes up to `batch` runs that finished more than `older_than` ago, oldest first, and
    /// returns their ids. Their jobs and events go with them (trigger `runs_delete_rows`), their
    /// artifact records too; LLM call records stay, without the run. Replicas sweeping at once
    /// skip each other's runs.
    pub async fn delete_expired_runs(&self, older_than: Duration, batch: u32) -> Result<Vec<Uuid>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                "DELETE FROM runs WHERE id IN (
                     SELECT id FROM runs
                     WHERE finished_at < now() - make_interval(secs => $1)
                     ORDER BY finished_at LIMIT $2
                     FOR UPDATE SKIP LOCKED)
                 RETURNING id",
                &[&older_than.as_secs_f64(), &i64::from(batch)],
            )
            .await?;
        rows.iter()
            .map(|row| Ok(row.try_get(0)?))
            .collect::<Result<_>>()
    }

    /// Which of `run_ids` exist.
    pub async fn existing_runs(&self, run_ids: &[Uuid]) -> Result<HashSet<Uuid>> {
        let client = self.client().await?;
        let rows = client
            .query_cached("SELECT id FROM runs WHERE id = ANY($1)", &[&run_ids])
            .await?;
        rows.iter()
            .map(|row| Ok(row.try_get(0)?))
            .collect::<Result<_>>()
    }
}
