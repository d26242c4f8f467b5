//! Agent identity: enrollment with a join token, certificate renewal, revocation.

use uuid::Uuid;

use super::CachedQueries;
use super::agents::{agent_from_row, columns};
use super::audit::record;
use super::events::{self, share_runs};
use super::jobs::end_jobs_of_revoked_agents;
use super::{Store, to_json};
use crate::error::{Error, Result};
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::fleet::IssuedCert;
use cyberbrain_model::fleet::{Agent, Capabilities};
use cyberbrain_model::tokens::{PresentedToken, hashes_equal};

pub use super::events::REVOKE_CHANNEL;

/// What an enrollment produced.
#[derive(Debug, Clone)]
pub struct Enrolled {
    /// The new agent's id.
    pub agent_id: Uuid,
    /// Its first certificate.
    pub certificate: IssuedCert,
}

/// What a revocation did.
#[derive(Debug, Clone)]
pub struct Revoked {
    /// The agent, now revoked.
    pub agent: Agent,
    /// Runs that had unfinished jobs on it (now `lost`): they may be finished.
    pub runs_to_finish: Vec<Uuid>,
    /// Its unfinished jobs, now `lost`.
    pub jobs_lost: usize,
}

fn bad_join_token(reason: &str) -> Error {
    Error::Unauthenticated(format!("invalid join_token: {reason}"))
}

impl Store {
    /// Consumes the join token and registers agent `name` with a certificate from `issue`, all in
    /// one transaction: the token's row lock makes concurrent uses queue, and only the first finds
    /// it unused. A token is not consumed when anything else fails (a taken name, a bad CSR).
    pub async fn enroll_agent(
        &self,
        join: &PresentedToken,
        name: &str,
        hostname: &str,
        issue: impl FnOnce(Uuid) -> Result<IssuedCert>,
    ) -> Result<Enrolled> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let row = tx
            .query_opt(
                "SELECT secret_sha256, labels, used_at IS NOT NULL, expires_at <= now(),
                        revoked_at IS NOT NULL
                 FROM join_tokens WHERE id = $1 FOR UPDATE",
                &[&join.id],
            )
            .await?
            .ok_or_else(|| bad_join_token("unknown token"))?;
        let hash: Vec<u8> = row.try_get(0)?;
        if !hashes_equal(&hash, &join.secret_sha256) {
            return Err(bad_join_token("unknown token"));
        }
        if row.try_get::<_, bool>(2)? {
            return Err(bad_join_token("the token was used already"));
        }
        if row.try_get::<_, bool>(3)? {
            return Err(bad_join_token("the token has expired"));
        }
        if row.try_get::<_, bool>(4)? {
            return Err(bad_join_token("the token was revoked"));
        }
        let labels: serde_json::Value = row.try_get(1)?;
        let taken = tx
            .query_opt("SELECT 1 FROM agents WHERE name = $1", &[&name])
            .await?;
        if taken.is_some() {
            return Err(Error::AlreadyExists {
                what: "agent",
                name: name.to_string(),
            });
        }
        let agent_id = Uuid::new_v4();
        let certificate = issue(agent_id)?;
        tx.execute(
            "UPDATE join_tokens SET used_at = now(), used_by_agent = $2 WHERE id = $1",
            &[&join.id, &agent_id],
        )
        .await?;
        tx.execute(
            "INSERT INTO agents (id, name, hostname, labels, enrolled_labels, capabilities, state,
                                 cert_serial, cert_expires_at)
             VALUES ($1, $2, $3, $4, $4, $7, 'offline', $5, $6)",
            &[
                &agent_id,
                &name,
                &hostname,
                &labels,
                &certificate.serial,
                &certificate.not_after,
                // Known once it says hello; until then, nothing.
                &to_json("agent capabilities", &Capabilities::default())?,
            ],
        )
        .await
        .map_err(|e| match e.code() {
            // Another enrollment took the name meanwhile.
            Some(c) if *c == tokio_postgres::error::SqlState::UNIQUE_VIOLATION => {
                Error::AlreadyExists {
                    what: "agent",
                    name: name.to_string(),
                }
            }
            _ => Error::from(e),
        })?;
        insert_certificate(&tx, agent_id, &certificate, "enroll").await?;
        let audit = AuditEntry::new(format!("join-token:{}", join.id), "agent.enroll")
            .on(name)
            .with(serde_json::json!({
                "agent_id": agent_id.to_string(),
                "serial": certificate.serial,
                "labels": labels,
            }));
        record(&tx, &audit).await?;
        tx.commit().await?;
        Ok(Enrolled {
            agent_id,
            certificate,
        })
    }

    /// Issues agent `name` a new certificate through `issue`, if neither the agent nor the serial
    /// it presented is revoked.
    pub async fn renew_agent_certificate(
        &self,
        name: &str,
        presented_serial: &str,
        issue: impl FnOnce(Uuid) -> Result<IssuedCert>,
    ) -> Result<IssuedCert> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let row = tx
            .query_opt(
                "SELECT id, state = 'revoked' FROM agents WHERE name = $1 FOR NO KEY UPDATE",
                &[&name],
            )
            .await?
            .ok_or_else(|| {
                Error::PermissionDenied(format!("agent {name:?} is not registered; enroll it"))
            })?;
        let agent_id: Uuid = row.try_get(0)?;
        if row.try_get::<_, bool>(1)? || serial_revoked(&tx, presented_serial).await? {
            return Err(Error::PermissionDenied(format!(
                "agent {name:?} is revoked"
            )));
        }
        let certificate = issue(agent_id)?;
        insert_certificate(&tx, agent_id, &certificate, "renew").await?;
        let audit = AuditEntry::new(format!("agent:{name}"), "agent.renew")
            .on(name)
            .with(serde_json::json!({
                "serial": certificate.serial,
                "previous_serial": presented_serial,
            }));
        record(&tx, &audit).await?;
        tx.commit().await?;
        Ok(certificate)
    }

    /// Whether `serial` (hex) belongs to a revoked certificate.
    pub async fn is_serial_revoked(&self, serial: &str) -> Result<bool> {
        let client = self.client().await?;
        Ok(client
            .query_opt_cached(
                "SELECT 1 FROM revoked_serials WHERE serial = $1",
                &[&serial],
            )
            .await?
            .is_some())
    }

    /// Revokes agent `name`: every certificate it was issued or connected with is refused from now
    /// on, its unfinished jobs end `lost`, and every replica is told to close its stream.
    pub async fn revoke_agent(&self, name: &str, audit: &AuditEntry) -> Result<Revoked> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let agent_id: Uuid = tx
            .query_opt("SELECT id FROM agents WHERE name = $1 FOR UPDATE", &[&name])
            .await?
            .ok_or_else(|| Error::NotFound {
                what: "agent",
                name: name.to_string(),
            })?
            .try_get(0)?;
        // Jobs first (lock order: runs, then jobs), so no dispatch can hand them out meanwhile.
        let run_ids: Vec<Uuid> = tx
            .query(
                "SELECT DISTINCT run_id FROM jobs
                 WHERE agent_id = $1 AND status IN ('queued', 'dispatched', 'running')",
                &[&agent_id],
            )
            .await?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<_, _>>()?;
        share_runs(&tx, &run_ids).await?;
        // Then the jobs, in id order (see `jobs::lock_jobs`).
        let job_ids: Vec<Uuid> = tx
            .query(
                "SELECT id FROM jobs
                 WHERE agent_id = $1 AND status IN ('queued', 'dispatched', 'running')
                 ORDER BY id FOR NO KEY UPDATE",
                &[&agent_id],
            )
            .await?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<Result<_, _>>()?;
        let mut log = events::Batch::default();
        let (jobs_lost, runs_to_finish) =
            end_jobs_of_revoked_agents(&tx, &job_ids, &mut log).await?;
        tx.execute(
            "INSERT INTO revoked_serials (serial, agent_id)
             SELECT serial, agent_id FROM agent_certificates WHERE agent_id = $1
             UNION SELECT cert_serial, id FROM agents WHERE id = $1 AND cert_serial IS NOT NULL
             ON CONFLICT (serial) DO NOTHING",
            &[&agent_id],
        )
        .await?;
        tx.execute(
            "UPDATE agent_certificates SET revoked_at = now()
             WHERE agent_id = $1 AND revoked_at IS NULL",
            &[&agent_id],
        )
        .await?;
        let row = tx
            .query_one(
                &format!(
                    "UPDATE agents a SET state = 'revoked', replica = NULL WHERE a.id = $1
                     RETURNING {}",
                    columns()
                ),
                &[&agent_id],
            )
            .await?;
        events::notify(&tx, REVOKE_CHANNEL, &agent_id.to_string()).await?;
        let audit = audit.clone().with(serde_json::json!({
            "agent_id": agent_id.to_string(),
            "jobs_lost": jobs_lost,
        }));
        record(&tx, &audit).await?;
        log.append(&tx).await?;
        tx.commit().await?;
        Ok(Revoked {
            agent: agent_from_row(&row)?,
            runs_to_finish,
            jobs_lost,
        })
    }
}

/// A join token as stored, without its secret.
#[derive(Debug, Clone)]
pub struct JoinTokenInfo {
    /// Id.
    pub id: Uuid,
    /// Labels stamped on the agent that enrolls with it.
    pub labels: std::collections::BTreeMap<String, String>,
    /// Who made it.
    pub created_by: String,
    /// When.
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Until when it may be used.
    pub expires_at: chrono::DateTime<chrono::Utc>,
    /// When an agent enrolled with it.
    pub used_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The agent that enrolled with it (its name, deleted agents included).
    pub used_by_agent: Option<String>,
    /// When it was revoked.
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Whether it has expired (on the database's clock).
    pub expired: bool,
}

impl JoinTokenInfo {
    /// `usable`, `used`, `revoked` or `expired`.
    pub fn state(&self) -> &'static str {
        if self.used_at.is_some() {
            "used"
        } else if self.revoked_at.is_some() {
            "revoked"
        } else if self.expired {
            "expired"
        } else {
            "usable"
        }
    }
}

const JOIN_TOKEN_COLUMNS: &str = "t.id, t.labels, t.created_by, t.created_at, t.expires_at, \
     t.used_at, (SELECT n.name FROM agent_names n WHERE n.id = t.used_by_agent) AS used_by_agent, \
     t.revoked_at, t.expires_at <= now() AS expired";

fn join_token_from_row(row: &tokio_postgres::Row) -> Result<JoinTokenInfo> {
    Ok(JoinTokenInfo {
        id: row.try_get("id")?,
        labels: super::from_json("join token labels", row.try_get("labels")?)?,
        created_by: row.try_get("created_by")?,
        created_at: row.try_get("created_at")?,
        expires_at: row.try_get("expires_at")?,
        used_at: row.try_get("used_at")?,
        used_by_agent: row.try_get("used_by_agent")?,
        revoked_at: row.try_get("revoked_at")?,
        expired: row.try_get("expired")?,
    })
}

impl Store {
    /// Join tokens, newest first, at most `limit`.
    pub async fn list_join_tokens(&self, limit: u32) -> Result<Vec<JoinTokenInfo>> {
        let client = self.client().await?;
        let rows = client
            .query(
                &format!(
                    "SELECT {JOIN_TOKEN_COLUMNS} FROM join_tokens t
                     ORDER BY t.created_at DESC, t.id LIMIT $1"
                ),
                &[&i64::from(limit)],
            )
            .await?;
        rows.iter().map(join_token_from_row).collect()
    }

    /// Revokes an unused join token, with an audit entry: enrollment with it is refused from then
    /// on. A used token cannot be revoked (revoke the agent instead).
    pub async fn revoke_join_token(&self, id: Uuid, audit: &AuditEntry) -> Result<JoinTokenInfo> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let row = tx
            .query_opt(
                &format!(
                    "SELECT {JOIN_TOKEN_COLUMNS} FROM join_tokens t WHERE t.id = $1 FOR UPDATE"
                ),
                &[&id],
            )
            .await?
            .ok_or_else(|| Error::NotFound {
                what: "join token",
                name: id.to_string(),
            })?;
        let token = join_token_from_row(&row)?;
        if token.used_at.is_some() {
            return Err(Error::FailedPrecondition {
                field: "id".into(),
                reason: format!(
                    "join token {id} was used already; revoke the agent that enrolled with it"
                ),
            });
        }
        let row = tx
            .query_one(
                &format!(
                    "UPDATE join_tokens t SET revoked_at = COALESCE(t.revoked_at, now())
                     WHERE t.id = $1 RETURNING {JOIN_TOKEN_COLUMNS}"
                ),
                &[&id],
            )
            .await?;
        record(&tx, &audit.clone().on(id.to_string())).await?;
        tx.commit().await?;
        join_token_from_row(&row)
    }
}

async fn serial_revoked(tx: &deadpool_postgres::Transaction<'_>, serial: &str) -> Result<bool> {
    Ok(tx
        .query_opt_cached(
            "SELECT 1 FROM revoked_serials WHERE serial = $1",
            &[&serial],
        )
        .await?
        .is_some())
}

async fn insert_certificate(
    tx: &deadpool_postgres::Transaction<'_>,
    agent_id: Uuid,
    certificate: &IssuedCert,
    reason: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO agent_certificates (serial, agent_id, not_before, not_after, reason)
         VALUES ($1, $2, $3, $4, $5)",
        &[
            &certificate.serial,
            &agent_id,
            &certificate.not_before,
            &certificate.not_after,
            &reason,
        ],
    )
    .await?;
    Ok(())
}
