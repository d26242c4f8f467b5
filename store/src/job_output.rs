//! Output of running commands, streamed in numbered pieces (`job_output`).

use uuid::Uuid;

use super::Store;
use crate::error::Result;

/// The most pieces one read returns.
pub const MAX_OUTPUT_PIECES_PER_READ: i64 = 256;

impl Store {
    /// Stores a piece of a command's output from `agent_id`, once per (job, attempt, sequence):
    /// only for a job of that agent, at its current attempt, still dispatched or running. Returns
    /// whether it was stored (a repeat or a stale piece is not, and is no error).
    #[tracing::instrument(name = "db.record_job_output", level = "debug", skip_all)]
    pub async fn record_job_output(
        &self,
        agent_id: Uuid,
        job_id: Uuid,
        attempt: u32,
        sequence: u64,
        text: &str,
    ) -> Result<bool> {
        let client = self.client().await?;
        let attempt = i32::try_from(attempt).unwrap_or(i32::MAX);
        let sequence = i64::try_from(sequence).unwrap_or(i64::MAX);
        // PostgreSQL cannot store NUL in text.
        let text = text.replace('\0', "\u{fffd}");
        let stored = client
            .execute(
                "INSERT INTO job_output (job_id, attempt, sequence, text)
                 SELECT $1, $2, $3, $4 FROM jobs
                 WHERE id = $1 AND agent_id = $5 AND attempt = $2
                   AND status IN ('dispatched', 'running')
                 ON CONFLICT DO NOTHING",
                &[&job_id, &attempt, &sequence, &text, &agent_id],
            )
            .await?;
        Ok(stored == 1)
    }

    /// The pieces of a job's current attempt numbered after `after_sequence`, in order, at most
    /// [`MAX_OUTPUT_PIECES_PER_READ`]. An unknown job has none.
    pub async fn job_output(
        &self,
        job_id: Uuid,
        after_sequence: u64,
    ) -> Result<Vec<(u64, String)>> {
        let client = self.client().await?;
        let after = i64::try_from(after_sequence).unwrap_or(i64::MAX);
        let rows = client
            .query(
                "SELECT o.sequence, o.text FROM job_output o JOIN jobs j ON j.id = o.job_id
                 WHERE o.job_id = $1 AND o.attempt = j.attempt AND o.sequence > $2
                 ORDER BY o.sequence LIMIT $3",
                &[&job_id, &after, &MAX_OUTPUT_PIECES_PER_READ],
            )
            .await?;
        rows.iter()
            .map(|row| {
                let sequence: i64 = row.try_get(0)?;
                Ok((u64::try_from(sequence).unwrap_or(0), row.try_get(1)?))
            })
            .collect()
    }
}
