//! The audit log.

use deadpool_postgres::Transaction;

use super::CachedQueries;
use super::Store;
use crate::error::Result;
use cyberbrain_model::audit::{AuditEntry, AuditEvent, AuditFilter};

/// Writes `entry` in `tx`: if the row cannot be written, the change it records does not commit.
pub(super) async fn record(tx: &Transaction<'_>, entry: &AuditEntry) -> Result<()> {
    tx.execute_cached(
        "INSERT INTO audit_events (actor, action, object, details) VALUES ($1, $2, $3, $4)",
        &[&entry.actor, &entry.action, &entry.object, &entry.details],
    )
    .await?;
    Ok(())
}

impl Store {
    /// Writes one audit entry on its own (for events that change nothing else, such as a refused
    /// result).
    pub async fn record_audit(&self, entry: &AuditEntry) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        record(&tx, entry).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Audit events matching `filter`, newest first.
    pub async fn list_audit_events(&self, filter: &AuditFilter) -> Result<Vec<AuditEvent>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                "SELECT id, at, actor, action, object, details FROM audit_events
                 WHERE ($1::text IS NULL OR actor = $1)
                   AND ($2::text IS NULL OR action = $2)
                   AND ($3::timestamptz IS NULL OR at >= $3)
                   AND ($4::bigint IS NULL OR id < $4)
                 ORDER BY id DESC LIMIT $5",
                &[
                    &filter.actor,
                    &filter.action,
                    &filter.since,
                    &filter.before_id,
                    &i64::from(filter.limit),
                ],
            )
            .await?;
        rows.iter()
            .map(|row| {
                Ok(AuditEvent {
                    id: row.try_get(0)?,
                    at: row.try_get(1)?,
                    actor: row.try_get(2)?,
                    action: row.try_get(3)?,
                    object: row.try_get(4)?,
                    details: row.try_get(5)?,
                })
            })
            .collect()
    }
}
