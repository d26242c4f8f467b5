//! Web console sessions and one-time sign-in links. Both are rows tied to the API token that
//! opened them; a session is usable only while its token is, and that is read on every request
//! (no cache), so revoking the token ends its sessions on every replica at once.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::CachedQueries;
use super::Store;
use super::audit::record;
use crate::error::{Error, Result};
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::tokens::{Caller, NewToken, PresentedToken, Role, hashes_equal};

impl Store {
    /// Opens a session for API token `token_id` until `expires_at`, with its audit entry. Expired
    /// sessions and links are swept in the same transaction (an indexed delete).
    pub async fn create_web_session(
        &self,
        session: &NewToken,
        token_id: Uuid,
        expires_at: DateTime<Utc>,
        audit: &AuditEntry,
    ) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        sweep_expired(&tx).await?;
        tx.execute_cached(
            "INSERT INTO web_sessions (id, secret_sha256, token_id, expires_at) VALUES ($1, $2, $3, $4)",
            &[&session.id, &session.secret_sha256.as_slice(), &token_id, &expires_at],
        )
        .await?;
        record(&tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The caller behind a presented session cookie: `None` when the session does not exist, has
    /// expired, its secret differs, or its token is revoked or expired.
    pub async fn web_session_caller(&self, presented: &PresentedToken) -> Result<Option<Caller>> {
        let client = self.client().await?;
        let row = client
            .query_opt_cached(
                "SELECT s.secret_sha256, t.id, t.name, t.role FROM web_sessions s
                 JOIN api_tokens t ON t.id = s.token_id
                 WHERE s.id = $1 AND s.expires_at > now() AND t.revoked_at IS NULL
                   AND (t.expires_at IS NULL OR t.expires_at > now())",
                &[&presented.id],
            )
            .await?;
        match row {
            Some(row) => matching_caller(&row, presented),
            None => Ok(None),
        }
    }

    /// Whether session `id` is still open: not ended, not expired, its token neither revoked nor
    /// expired. For long requests (a live event stream) that checked the secret when they began.
    pub async fn web_session_active(&self, id: Uuid) -> Result<bool> {
        let client = self.client().await?;
        let row = client
            .query_opt_cached(
                "SELECT 1 FROM web_sessions s JOIN api_tokens t ON t.id = s.token_id
                 WHERE s.id = $1 AND s.expires_at > now() AND t.revoked_at IS NULL
                   AND (t.expires_at IS NULL OR t.expires_at > now())",
                &[&id],
            )
            .await?;
        Ok(row.is_some())
    }

    /// Ends session `id` (sign-out). Ending a session that is gone is not an error.
    pub async fn end_web_session(&self, id: Uuid, audit: &AuditEntry) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let ended = tx
            .execute_cached("DELETE FROM web_sessions WHERE id = $1", &[&id])
            .await?;
        if ended > 0 {
            record(&tx, audit).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Stores a one-time sign-in link for token `token_id`, valid until `expires_at`.
    pub async fn create_sign_in_link(
        &self,
        link: &NewToken,
        token_id: Uuid,
        expires_at: DateTime<Utc>,
        audit: &AuditEntry,
    ) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        sweep_expired(&tx).await?;
        tx.execute_cached(
            "INSERT INTO web_sign_in_links (id, secret_sha256, token_id, expires_at) VALUES ($1, $2, $3, $4)",
            &[&link.id, &link.secret_sha256.as_slice(), &token_id, &expires_at],
        )
        .await?;
        record(&tx, audit).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Redeems a sign-in link: when it exists, has not expired, its secret matches and its token
    /// is usable, the link is deleted (single use) and `session` opened in the same transaction.
    /// Returns the caller, or `None` (nothing changed) when the link is not good.
    pub async fn redeem_sign_in_link(
        &self,
        presented: &PresentedToken,
        session: &NewToken,
        session_expires_at: DateTime<Utc>,
    ) -> Result<Option<Caller>> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let row = tx
            .query_opt_cached(
                "SELECT l.secret_sha256, t.id, t.name, t.role FROM web_sign_in_links l
                 JOIN api_tokens t ON t.id = l.token_id
                 WHERE l.id = $1 AND l.expires_at > now() AND t.revoked_at IS NULL
                   AND (t.expires_at IS NULL OR t.expires_at > now())
                 FOR UPDATE OF l",
                &[&presented.id],
            )
            .await?;
        let Some(row) = row else { return Ok(None) };
        let Some(caller) = matching_caller(&row, presented)? else {
            return Ok(None);
        };
        tx.execute_cached(
            "DELETE FROM web_sign_in_links WHERE id = $1",
            &[&presented.id],
        )
        .await?;
        tx.execute_cached(
            "INSERT INTO web_sessions (id, secret_sha256, token_id, expires_at) VALUES ($1, $2, $3, $4)",
            &[&session.id, &session.secret_sha256.as_slice(), &caller.token_id, &session_expires_at],
        )
        .await?;
        let audit =
            AuditEntry::new(caller.actor(), "web.sign_in").with(serde_json::json!({"via": "link"}));
        record(&tx, &audit).await?;
        tx.commit().await?;
        Ok(Some(caller))
    }
}

async fn sweep_expired(tx: &deadpool_postgres::Transaction<'_>) -> Result<()> {
    tx.execute_cached("DELETE FROM web_sessions WHERE expires_at <= now()", &[])
        .await?;
    tx.execute_cached(
        "DELETE FROM web_sign_in_links WHERE expires_at <= now()",
        &[],
    )
    .await?;
    Ok(())
}

/// The caller of a `(secret_sha256, token id, name, role)` row, or `None` when the presented
/// secret is not the stored one (compared in constant time).
fn matching_caller(
    row: &tokio_postgres::Row,
    presented: &PresentedToken,
) -> Result<Option<Caller>> {
    let stored: Vec<u8> = row.try_get(0)?;
    if !hashes_equal(&stored, &presented.secret_sha256) {
        return Ok(None);
    }
    let role: String = row.try_get(3)?;
    Ok(Some(Caller {
        token_id: row.try_get(1)?,
        name: row.try_get(2)?,
        role: Role::parse(&role).ok_or_else(|| Error::Corrupt {
            what: "token role",
            reason: role.clone(),
        })?,
        mcp_tool: None,
    }))
}
