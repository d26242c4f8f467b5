//! Output of running commands, streamed in numbered pieces (`job_output`).

use uuid::Uuid;

use super::Store;
use crate::error::Result;

/// The most pieces one read returns.
pub const MAX_OUTPUT_PIECES_PER_READ: i64 = 256;
/// The most output text stored per (job, attempt): the agent's largest output cap (8 MiB) plus
/// room for redaction markers and the cap notice. A compromised agent cannot fill the database.
pub const MAX_STORED_OUTPUT_BYTES: i64 = 9 * 1024 * 1024;
/// The highest piece number stored per (job, attempt). The agent sends lines as they come, so a
/// command that writes many small lines can reach it; the result still keeps its head and tail.
pub const MAX_OUTPUT_PIECES: u64 = 65_536;

/// What became of a piece of output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputPiece {
    /// Stored.
    Stored,
    /// A repeat, or for a job that is not this agent's running `command` job at this attempt:
    /// dropped, and no error (a resend after a reconnect).
    Ignored,
    /// Past [`MAX_OUTPUT_PIECES`] or [`MAX_STORED_OUTPUT_BYTES`]: refused; the caller logs it.
    OverCap,
}

impl Store {
    /// Stores a piece of a command's output from `agent_id`, once per (job, attempt, sequence):
    /// only for a `command` job of that agent, at its current attempt, still dispatched or
    /// running, and within [`MAX_OUTPUT_PIECES`] and [`MAX_STORED_OUTPUT_BYTES`] for the attempt.
    /// Pieces come in order on one stream per agent, so the byte sum is not raced in practice.
    #[tracing::instrument(name = "db.record_job_output", level = "debug", skip_all)]
    pub async fn record_job_output(
        &self,
        agent_id: Uuid,
        job_id: Uuid,
        attempt: u32,
        sequence: u64,
        text: &str,
    ) -> Result<OutputPiece> {
        if sequence > MAX_OUTPUT_PIECES {
            return Ok(OutputPiece::OverCap);
        }
        let client = self.client().await?;
        let attempt = i32::try_from(attempt).unwrap_or(i32::MAX);
        let sequence = i64::try_from(sequence).unwrap_or(i64::MAX);
        // PostgreSQL cannot store NUL in text.
        let text = text.replace('\0', "\u{fffd}");
        let row = client
            .query_one(
                "WITH job AS (
                     SELECT id FROM jobs
                     WHERE id = $1 AND agent_id = $5 AND attempt = $2 AND task_type = 'command'
                       AND status IN ('dispatched', 'running')
                 ), used AS (
                     SELECT COALESCE(sum(octet_length(text)), 0)::int8 AS bytes FROM job_output
                     WHERE job_id = $1 AND attempt = $2
                 ), stored AS (
                     INSERT INTO job_output (job_id, attempt, sequence, text)
                     SELECT $1, $2, $3, $4 FROM job, used
                     WHERE used.bytes + octet_length($4) <= $6
                     ON CONFLICT DO NOTHING
                     RETURNING 1
                 )
                 SELECT (SELECT count(*) FROM stored)::int8,
                        EXISTS (SELECT 1 FROM job),
                        (SELECT bytes FROM used) + octet_length($4) <= $6
                          OR EXISTS (SELECT 1 FROM job_output
                                     WHERE job_id = $1 AND attempt = $2 AND sequence = $3)",
                &[
                    &job_id,
                    &attempt,
                    &sequence,
                    &text,
                    &agent_id,
                    &MAX_STORED_OUTPUT_BYTES,
                ],
            )
            .await?;
        let stored: i64 = row.try_get(0)?;
        let current: bool = row.try_get(1)?;
        // A repeat of a stored piece is within the cap, whatever was stored since.
        let within: bool = row.try_get(2)?;
        Ok(match (stored, current, within) {
            (1.., _, _) => OutputPiece::Stored,
            (_, true, false) => OutputPiece::OverCap,
            _ => OutputPiece::Ignored,
        })
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
