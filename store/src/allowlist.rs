//! Allowlist entries.

use cyberbrain_tasks::{AllowRule, MatchKind};
use tokio_postgres::Row;
use tokio_postgres::error::SqlState;
use uuid::Uuid;

use super::Store;
use super::audit::record;
use crate::error::{Error, Result};
use cyberbrain_model::allowlist::{AllowlistEntry, AllowlistPatch};
use cyberbrain_model::audit::AuditEntry;

const COLUMNS: &str = "id, kind, pattern, description, active, created_at, send_to_llm";

async fn entries(client: &impl deadpool_postgres::GenericClient) -> Result<Vec<AllowlistEntry>> {
    let rows = client
        .query(
            &format!("SELECT {COLUMNS} FROM allowlist_entries ORDER BY created_at, id"),
            &[],
        )
        .await?;
    rows.iter().map(entry_from_row).collect()
}

/// The allowlist in force, read in the caller's transaction.
pub(super) async fn active(
    client: &impl deadpool_postgres::GenericClient,
) -> Result<cyberbrain_tasks::Allowlist> {
    Ok(cyberbrain_model::allowlist::active_rules(
        &entries(client).await?,
    ))
}

impl Store {
    /// Adds an active entry, with its audit entry.
    pub async fn add_allowlist_entry(
        &self,
        rule: &AllowRule,
        description: &str,
        send_to_llm: bool,
        audit: &AuditEntry,
    ) -> Result<AllowlistEntry> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let row = tx
            .query_one(
                &format!(
                    "INSERT INTO allowlist_entries (id, kind, pattern, description, send_to_llm)
                     VALUES ($1, $2, $3, $4, $5) RETURNING {COLUMNS}"
                ),
                &[
                    &Uuid::new_v4(),
                    &rule.kind.as_str(),
                    &rule.pattern,
                    &description,
                    &send_to_llm,
                ],
            )
            .await
            .map_err(|e| match e.code() {
                Some(c) if *c == SqlState::UNIQUE_VIOLATION => Error::AlreadyExists {
                    what: "allowlist entry",
                    name: format!("{}:{}", rule.kind.as_str(), rule.pattern),
                },
                _ => Error::from(e),
            })?;
        let entry = entry_from_row(&row)?;
        let audit = audit
            .clone()
            .on(entry.id.to_string())
            .with(serde_json::json!({
                "kind": rule.kind.as_str(),
                "pattern": rule.pattern,
            }));
        record(&tx, &audit).await?;
        tx.commit().await?;
        Ok(entry)
    }

    /// Every entry, oldest first.
    pub async fn list_allowlist_entries(&self) -> Result<Vec<AllowlistEntry>> {
        let client = self.client().await?;
        entries(&client).await
    }

    /// Changes an entry's pattern, description or active flag, with an audit entry.
    pub async fn update_allowlist_entry(
        &self,
        id: Uuid,
        patch: &AllowlistPatch,
        audit: &AuditEntry,
    ) -> Result<AllowlistEntry> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let row = tx
            .query_opt(
                &format!(
                    "UPDATE allowlist_entries SET
                         pattern = COALESCE($2, pattern),
                         description = COALESCE($3, description),
                         active = COALESCE($4, active),
                         send_to_llm = COALESCE($5, send_to_llm),
                         updated_at = now()
                     WHERE id = $1 RETURNING {COLUMNS}"
                ),
                &[
                    &id,
                    &patch.pattern,
                    &patch.description,
                    &patch.active,
                    &patch.send_to_llm,
                ],
            )
            .await
            .map_err(|e| match e.code() {
                Some(c) if *c == SqlState::UNIQUE_VIOLATION => Error::AlreadyExists {
                    what: "allowlist entry",
                    name: patch.pattern.clone().unwrap_or_default(),
                },
                _ => Error::from(e),
            })?;
        let entry = match row {
            Some(row) => entry_from_row(&row)?,
            None => {
                return Err(Error::NotFound {
                    what: "allowlist entry",
                    name: id.to_string(),
                });
            }
        };
        let audit = audit.clone().on(id.to_string()).with(serde_json::json!({
            "pattern": patch.pattern,
            "description": patch.description,
            "active": patch.active,
        }));
        record(&tx, &audit).await?;
        tx.commit().await?;
        Ok(entry)
    }

    /// Removes an entry, with an audit entry.
    pub async fn remove_allowlist_entry(&self, id: Uuid, audit: &AuditEntry) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let removed = tx
            .execute("DELETE FROM allowlist_entries WHERE id = $1", &[&id])
            .await?;
        if removed == 0 {
            return Err(Error::NotFound {
                what: "allowlist entry",
                name: id.to_string(),
            });
        }
        record(&tx, &audit.clone().on(id.to_string())).await?;
        tx.commit().await?;
        Ok(())
    }
}

fn entry_from_row(row: &Row) -> Result<AllowlistEntry> {
    let kind: String = row.try_get("kind")?;
    let kind = MatchKind::parse(&kind).ok_or_else(|| Error::Corrupt {
        what: "allowlist kind",
        reason: kind.clone(),
    })?;
    Ok(AllowlistEntry {
        id: row.try_get("id")?,
        rule: AllowRule {
            kind,
            pattern: row.try_get("pattern")?,
        },
        description: row.try_get("description")?,
        active: row.try_get("active")?,
        created_at: row.try_get("created_at")?,
        send_to_llm: row.try_get("send_to_llm")?,
    })
}
