//! API tokens and join tokens. Only hashes of secrets are stored.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use tokio_postgres::Row;
use tokio_postgres::error::SqlState;
use uuid::Uuid;

use super::CachedQueries;
use super::Store;
use super::audit::record;
use super::token_cache::Lookup;
use crate::error::{Error, Result};
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::tokens::{ApiToken, NewToken, Role, StoredTokenAuth};

const COLUMNS: &str = "id, name, role, created_by, created_at, expires_at, revoked_at";

/// Notification channel: "an API token was revoked", payload the token's id.
pub const TOKEN_CHANNEL: &str = "cyberbrain_token";

/// The name of the token made on first start.
pub const BOOTSTRAP_TOKEN_NAME: &str = "bootstrap-admin";

/// Arbitrary, fixed advisory lock key for the bootstrap: "cbbt".
const BOOTSTRAP_LOCK_KEY: i64 = 0x6362_6274;

impl Store {
    /// Stores a new API token (its hash) with an audit entry.
    pub async fn create_api_token(
        &self,
        name: &str,
        role: Role,
        expires_at: Option<DateTime<Utc>>,
        token: &NewToken,
        audit: &AuditEntry,
    ) -> Result<ApiToken> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let row = tx
            .query_one(
                &format!(
                    "INSERT INTO api_tokens (id, name, role, secret_sha256, created_by, expires_at)
                     VALUES ($1, $2, $3, $4, $5, $6) RETURNING {COLUMNS}"
                ),
                &[
                    &token.id,
                    &name,
                    &role.as_str(),
                    &token.secret_sha256.as_slice(),
                    &audit.actor,
                    &expires_at,
                ],
            )
            .await
            .map_err(|e| match e.code() {
                Some(c) if *c == SqlState::UNIQUE_VIOLATION => Error::AlreadyExists {
                    what: "token",
                    name: name.to_string(),
                },
                _ => Error::from(e),
            })?;
        record(&tx, audit).await?;
        tx.commit().await?;
        token_from_row(&row)
    }

    /// On first start (no token exists at all), stores `token` as the bootstrap admin token and
    /// returns true. Replicas starting together agree through an advisory lock.
    pub async fn create_bootstrap_token(&self, token: &NewToken) -> Result<bool> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&BOOTSTRAP_LOCK_KEY])
            .await?;
        let existing: i64 = tx
            .query_one("SELECT count(*) FROM api_tokens", &[])
            .await?
            .try_get(0)?;
        if existing > 0 {
            return Ok(false);
        }
        tx.execute(
            "INSERT INTO api_tokens (id, name, role, secret_sha256, created_by)
             VALUES ($1, $2, 'admin', $3, 'controller')",
            &[
                &token.id,
                &BOOTSTRAP_TOKEN_NAME,
                &token.secret_sha256.as_slice(),
            ],
        )
        .await?;
        let audit = AuditEntry::new("controller", "token.create")
            .on(BOOTSTRAP_TOKEN_NAME)
            .with(serde_json::json!({ "role": "admin", "bootstrap": true }));
        record(&tx, &audit).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Every API token, by name.
    pub async fn list_api_tokens(&self) -> Result<Vec<ApiToken>> {
        let client = self.client().await?;
        let rows = client
            .query(
                &format!("SELECT {COLUMNS} FROM api_tokens ORDER BY name"),
                &[],
            )
            .await?;
        rows.iter().map(token_from_row).collect()
    }

    /// Revokes a token by name; revoking a revoked token changes nothing and is not an error.
    pub async fn revoke_api_token(&self, name: &str, audit: &AuditEntry) -> Result<ApiToken> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let row = tx
            .query_opt(
                &format!(
                    "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, now())
                     WHERE name = $1 RETURNING {COLUMNS}"
                ),
                &[&name],
            )
            .await?
            .ok_or_else(|| Error::NotFound {
                what: "token",
                name: name.to_string(),
            })?;
        let token = token_from_row(&row)?;
        record(&tx, audit).await?;
        super::events::notify(&tx, TOKEN_CHANNEL, &token.id.to_string()).await?;
        tx.commit().await?;
        // Other replicas forget it when the notification arrives; this one at once, so that the
        // caller's next request here already fails.
        self.tokens.forget(token.id);
        Ok(token)
    }

    /// Forgets the cached verification of token `id`: it was revoked (a notification said so).
    pub fn forget_api_token(&self, id: Uuid) {
        self.tokens.forget(id);
    }

    /// Empties the cache of verified tokens, and lets it serve from now on only while
    /// `listening` for [`TOKEN_CHANNEL`]: revocations are heard there, and missed while not.
    pub fn reset_token_cache(&self, listening: bool) {
        self.tokens.reset(listening);
    }

    /// Whether token `id` was verified lately, so that [`Store::api_token_for_auth`] answers from
    /// memory without a query.
    pub fn api_token_cached(&self, id: Uuid) -> bool {
        matches!(self.tokens.lookup(id, Instant::now()), Lookup::Hit(_))
    }

    /// What authentication needs to know about token `id`, if it exists: from memory when this
    /// replica verified it lately and has heard of no revocation since (see `token_cache`).
    pub async fn api_token_for_auth(&self, id: Uuid) -> Result<Option<StoredTokenAuth>> {
        let read_at = Instant::now();
        let generation = match self.tokens.lookup(id, read_at) {
            Lookup::Hit(auth) => return Ok(Some(auth)),
            Lookup::Miss { generation } => generation,
        };
        let client = self.client().await?;
        let row = client
            .query_opt_cached(
                "SELECT name, role, secret_sha256,
                        revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now()),
                        extract(epoch FROM expires_at - now())::float8
                 FROM api_tokens WHERE id = $1",
                &[&id],
            )
            .await?;
        let Some(row) = row else { return Ok(None) };
        let role: String = row.try_get(1)?;
        let auth = StoredTokenAuth {
            name: row.try_get(0)?,
            role: Role::parse(&role).ok_or_else(|| Error::Corrupt {
                what: "token role",
                reason: role.clone(),
            })?,
            secret_sha256: row.try_get(2)?,
            usable: row.try_get(3)?,
        };
        let expires_in = row
            .try_get::<_, Option<f64>>(4)?
            .map(|seconds| Duration::try_from_secs_f64(seconds).unwrap_or(Duration::ZERO));
        self.tokens
            .offer(id, &auth, generation, read_at, expires_in);
        Ok(Some(auth))
    }

    /// Stores a join token (its hash) with the labels to stamp, with an audit entry.
    pub async fn create_join_token(
        &self,
        token: &NewToken,
        labels: &std::collections::BTreeMap<String, String>,
        expires_at: DateTime<Utc>,
        audit: &AuditEntry,
    ) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        tx.execute(
            "INSERT INTO join_tokens (id, secret_sha256, labels, created_by, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
            &[
                &token.id,
                &token.secret_sha256.as_slice(),
                &super::to_json("join token labels", labels)?,
                &audit.actor,
                &expires_at,
            ],
        )
        .await?;
        record(&tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }
}

fn token_from_row(row: &Row) -> Result<ApiToken> {
    let role: String = row.try_get("role")?;
    Ok(ApiToken {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        role: Role::parse(&role).ok_or_else(|| Error::Corrupt {
            what: "token role",
            reason: role.clone(),
        })?,
        created_by: row.try_get("created_by")?,
        created_at: row.try_get("created_at")?,
        expires_at: row.try_get("expires_at")?,
        revoked_at: row.try_get("revoked_at")?,
    })
}
