//! Triggers (inbound webhooks) and their deliveries. De-duplication lives here: an accepted
//! delivery is a row keyed by (trigger, key), inserted first in the transaction that creates its
//! run ([`claim_delivery`]), so a second delivery with the same key waits for the first and then
//! finds the key taken, unless it has expired.

use deadpool_postgres::Transaction;
use tokio_postgres::Row;
use tokio_postgres::error::SqlState;
use uuid::Uuid;

use super::CachedQueries;
use super::Store;
use super::audit::record;
use crate::error::{Error, Result};
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::triggers::{Filters, NewTrigger, Trigger, TriggerDelivery, TriggerKind};

const COLUMNS: &str = "id, name, kind, directive_name, filters, created_by, created_at";

/// Claims `delivery` inside a launch's transaction. `true`: go on and create the run; `false`: the
/// key is remembered (a duplicate), roll back.
pub(super) async fn claim_delivery(
    tx: &Transaction<'_>,
    delivery: &TriggerDelivery,
) -> Result<bool> {
    let claimed = tx
        .execute_cached(
            "INSERT INTO trigger_deliveries (trigger_id, dedupe_key, expires_at)
             VALUES ($1, $2, now() + make_interval(secs => $3::float8))
             ON CONFLICT (trigger_id, dedupe_key) DO UPDATE
                 SET received_at = now(), expires_at = EXCLUDED.expires_at
                 WHERE trigger_deliveries.expires_at <= now()",
            &[
                &delivery.trigger_id,
                &delivery.dedupe_key,
                &delivery.remember_for.as_secs_f64(),
            ],
        )
        .await
        .map_err(|e| match e.code() {
            Some(c) if *c == SqlState::FOREIGN_KEY_VIOLATION => Error::NotFound {
                what: "trigger",
                name: delivery.trigger_name.clone(),
            },
            _ => Error::from(e),
        })?;
    Ok(claimed > 0)
}

impl Store {
    /// Stores a new trigger with its audit entry (which never holds the secret). The directive must
    /// exist (else `InvalidArgument` on `directive_name`); the name must be free (else
    /// `AlreadyExists`).
    pub async fn create_trigger(
        &self,
        new: &NewTrigger,
        created_by: &str,
        audit: &AuditEntry,
    ) -> Result<Trigger> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let directive = tx
            .query_opt(
                "SELECT 1 FROM directives WHERE name = $1 LIMIT 1",
                &[&new.directive_name],
            )
            .await?;
        if directive.is_none() {
            return Err(Error::invalid(
                "directive_name",
                "no directive has that name",
            ));
        }
        let filters = serde_json::to_value(&new.filters).map_err(|e| Error::Corrupt {
            what: "trigger filters",
            reason: e.to_string(),
        })?;
        let row = tx
            .query_one(
                &format!(
                    "INSERT INTO triggers (id, name, kind, directive_name, filters, secret, created_by)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)
                     RETURNING {COLUMNS}"
                ),
                &[
                    &Uuid::new_v4(),
                    &new.name,
                    &new.kind.as_str(),
                    &new.directive_name,
                    &filters,
                    &new.secret,
                    &created_by,
                ],
            )
            .await
            .map_err(|e| match e.code() {
                Some(c) if *c == SqlState::UNIQUE_VIOLATION => Error::AlreadyExists {
                    what: "trigger",
                    name: new.name.clone(),
                },
                _ => Error::from(e),
            })?;
        let trigger = trigger_from_row(&row)?;
        let audit = audit.clone().on(&new.name).with(serde_json::json!({
            "id": trigger.id,
            "kind": new.kind.as_str(),
            "directive": new.directive_name,
            "filters": filters,
        }));
        record(&tx, &audit).await?;
        tx.commit().await?;
        Ok(trigger)
    }

    /// Every trigger, by name.
    pub async fn list_triggers(&self) -> Result<Vec<Trigger>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                &format!("SELECT {COLUMNS} FROM triggers ORDER BY name"),
                &[],
            )
            .await?;
        rows.iter().map(trigger_from_row).collect()
    }

    /// One trigger by name.
    pub async fn get_trigger(&self, name: &str) -> Result<Trigger> {
        let client = self.client().await?;
        let row = client
            .query_opt_cached(
                &format!("SELECT {COLUMNS} FROM triggers WHERE name = $1"),
                &[&name],
            )
            .await?
            .ok_or_else(|| not_found(name))?;
        trigger_from_row(&row)
    }

    /// The trigger a delivery is addressed to, with its secret (for verifying the delivery only).
    /// `None` when no trigger has that id.
    pub async fn trigger_for_delivery(&self, id: Uuid) -> Result<Option<(Trigger, String)>> {
        let client = self.client().await?;
        let row = client
            .query_opt_cached(
                &format!("SELECT {COLUMNS}, secret FROM triggers WHERE id = $1"),
                &[&id],
            )
            .await?;
        match row {
            Some(row) => Ok(Some((trigger_from_row(&row)?, row.try_get("secret")?))),
            None => Ok(None),
        }
    }

    /// Deletes a trigger and its delivery records, with its audit entry. Its runs stay.
    pub async fn delete_trigger(&self, name: &str, audit: &AuditEntry) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let deleted = tx
            .execute("DELETE FROM triggers WHERE name = $1", &[&name])
            .await?;
        if deleted == 0 {
            return Err(not_found(name));
        }
        record(&tx, &audit.clone().on(name)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// How many deliveries of a trigger are remembered (accepted and not yet expired).
    pub async fn count_trigger_deliveries(&self, trigger_id: Uuid) -> Result<u64> {
        let client = self.client().await?;
        let n: i64 = client
            .query_one_cached(
                "SELECT count(*) FROM trigger_deliveries WHERE trigger_id = $1",
                &[&trigger_id],
            )
            .await?
            .try_get(0)?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// Deletes up to `batch` expired delivery records; returns how many.
    pub async fn delete_expired_trigger_deliveries(&self, batch: u32) -> Result<u64> {
        let client = self.client().await?;
        Ok(client
            .execute_cached(
                "DELETE FROM trigger_deliveries WHERE ctid IN (
                     SELECT ctid FROM trigger_deliveries WHERE expires_at <= now() LIMIT $1)",
                &[&i64::from(batch)],
            )
            .await?)
    }
}

fn not_found(name: &str) -> Error {
    Error::NotFound {
        what: "trigger",
        name: name.to_string(),
    }
}

fn trigger_from_row(row: &Row) -> Result<Trigger> {
    let kind: String = row.try_get("kind")?;
    let filters: serde_json::Value = row.try_get("filters")?;
    Ok(Trigger {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        kind: TriggerKind::parse(&kind).ok_or(Error::Corrupt {
            what: "trigger kind",
            reason: kind,
        })?,
        directive_name: row.try_get("directive_name")?,
        filters: serde_json::from_value::<Filters>(filters).map_err(|e| Error::Corrupt {
            what: "trigger filters",
            reason: e.to_string(),
        })?,
        created_by: row.try_get("created_by")?,
        created_at: row.try_get("created_at")?,
    })
}
