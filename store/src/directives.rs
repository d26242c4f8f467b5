//! Directive versions.

use tokio_postgres::Row;
use tokio_postgres::error::SqlState;

use super::audit::record;
use super::{Store, from_json, to_json, to_u32};
use crate::error::{Error, Result};
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::directives::{Directive, DirectiveSpec};

const COLUMNS: &str = "name, version, description, tasks, default_target, created_at, llm_enabled, queue_timeout_seconds";

/// A directive's queue timeout as stored: whole seconds, 0 meaning none (the controller's default).
fn queue_timeout_to_sql(timeout: Option<std::time::Duration>) -> Option<i32> {
    timeout.map(|t| i32::try_from(t.as_secs()).unwrap_or(i32::MAX))
}

impl Store {
    /// Stores version 1 of a new directive, with its audit entry.
    pub async fn create_directive(
        &self,
        spec: &DirectiveSpec,
        audit: &AuditEntry,
    ) -> Result<Directive> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let row = tx
            .query_one(
                &format!(
                    "INSERT INTO directives (name, version, description, tasks, default_target,
                         llm_enabled, queue_timeout_seconds)
                     VALUES ($1, 1, $2, $3, $4, COALESCE($5, TRUE), NULLIF($6::int4, 0))
                     RETURNING {COLUMNS}"
                ),
                &[
                    &spec.name,
                    &spec.description,
                    &to_json("directive tasks", &spec.tasks)?,
                    &to_json("directive target", &spec.default_target)?,
                    &spec.llm_enabled,
                    &queue_timeout_to_sql(spec.queue_timeout),
                ],
            )
            .await
            .map_err(|e| match e.code() {
                Some(c) if *c == SqlState::UNIQUE_VIOLATION => Error::AlreadyExists {
                    what: "directive",
                    name: spec.name.clone(),
                },
                _ => Error::from(e),
            })?;
        record(&tx, &audit.clone().on(&spec.name)).await?;
        tx.commit().await?;
        directive_from_row(&row)
    }

    /// Stores the next version of an existing directive, with its audit entry.
    pub async fn update_directive(
        &self,
        spec: &DirectiveSpec,
        audit: &AuditEntry,
    ) -> Result<Directive> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        // The advisory lock serialises concurrent updates of one name, so versions never collide.
        tx.execute(
            "SELECT pg_advisory_xact_lock(hashtext('directive:' || $1))",
            &[&spec.name],
        )
        .await?;
        let latest: Option<i32> = tx
            .query_one(
                "SELECT max(version) FROM directives WHERE name = $1",
                &[&spec.name],
            )
            .await?
            .try_get(0)?;
        let Some(latest) = latest else {
            return Err(Error::NotFound {
                what: "directive",
                name: spec.name.clone(),
            });
        };
        let row = tx
            .query_one(
                &format!(
                    "INSERT INTO directives (name, version, description, tasks, default_target,
                         llm_enabled, queue_timeout_seconds)
                     VALUES ($1, $2, $3, $4, $5, COALESCE($6, (SELECT llm_enabled FROM directives
                                                               WHERE name = $1 AND version = $7)),
                             NULLIF(COALESCE($8::int4, (SELECT queue_timeout_seconds FROM directives
                                                        WHERE name = $1 AND version = $7)), 0))
                     RETURNING {COLUMNS}"
                ),
                &[
                    &spec.name,
                    &(latest + 1),
                    &spec.description,
                    &to_json("directive tasks", &spec.tasks)?,
                    &to_json("directive target", &spec.default_target)?,
                    &spec.llm_enabled,
                    &latest,
                    &queue_timeout_to_sql(spec.queue_timeout),
                ],
            )
            .await?;
        let audit = audit
            .clone()
            .on(&spec.name)
            .with(serde_json::json!({ "version": latest + 1 }));
        record(&tx, &audit).await?;
        tx.commit().await?;
        directive_from_row(&row)
    }

    /// One version of a directive, or its latest when `version` is `None`.
    pub async fn get_directive(&self, name: &str, version: Option<u32>) -> Result<Directive> {
        let client = self.client().await?;
        let row = match version {
            Some(v) => {
                let v = i32::try_from(v).map_err(|_| Error::invalid("version", "too large"))?;
                client
                    .query_opt(
                        &format!(
                            "SELECT {COLUMNS} FROM directives WHERE name = $1 AND version = $2"
                        ),
                        &[&name, &v],
                    )
                    .await?
            }
            None => {
                client
                    .query_opt(
                        &format!(
                            "SELECT {COLUMNS} FROM directives WHERE name = $1
                             ORDER BY version DESC LIMIT 1"
                        ),
                        &[&name],
                    )
                    .await?
            }
        };
        match row {
            Some(row) => directive_from_row(&row),
            None => Err(Error::NotFound {
                what: "directive",
                name: match version {
                    Some(v) => format!("{name}@{v}"),
                    None => name.to_string(),
                },
            }),
        }
    }

    /// The latest version of each directive, by name, after `after_name`; at most `limit`.
    pub async fn list_directives(&self, after_name: &str, limit: u32) -> Result<Vec<Directive>> {
        let client = self.client().await?;
        let rows = client
            .query(
                &format!(
                    "SELECT DISTINCT ON (name) {COLUMNS} FROM directives WHERE name > $1
                     ORDER BY name, version DESC LIMIT $2"
                ),
                &[&after_name, &i64::from(limit)],
            )
            .await?;
        rows.iter().map(directive_from_row).collect()
    }

    /// Deletes every version, with an audit entry; returns how many there were.
    pub async fn delete_directive(&self, name: &str, audit: &AuditEntry) -> Result<u32> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let deleted = tx
            .execute("DELETE FROM directives WHERE name = $1", &[&name])
            .await?;
        if deleted == 0 {
            return Err(Error::NotFound {
                what: "directive",
                name: name.to_string(),
            });
        }
        let audit = audit
            .clone()
            .on(name)
            .with(serde_json::json!({ "versions_deleted": deleted }));
        record(&tx, &audit).await?;
        tx.commit().await?;
        Ok(u32::try_from(deleted).unwrap_or(u32::MAX))
    }
}

fn directive_from_row(row: &Row) -> Result<Directive> {
    Ok(Directive {
        name: row.try_get("name")?,
        version: to_u32("directive version", row.try_get("version")?)?,
        description: row.try_get("description")?,
        tasks: from_json("directive tasks", row.try_get("tasks")?)?,
        default_target: from_json("directive target", row.try_get("default_target")?)?,
        created_at: row.try_get("created_at")?,
        llm_enabled: row.try_get("llm_enabled")?,
        queue_timeout: row
            .try_get::<_, Option<i32>>("queue_timeout_seconds")?
            .and_then(|s| u64::try_from(s).ok())
            .map(std::time::Duration::from_secs),
    })
}
