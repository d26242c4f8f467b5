//! Agent identity: enrollment with a join token, certificate renewal, revocation.

use uuid::Uuid;

use super::CachedQueries;
use super::agents::agent_from_row;
use super::audit::record;
use super::events::{self, share_runs};
use super::jobs::end_jobs_of_revoked_agents;
use super::{Store, to_json};
use crate::error::{Error, Result};
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::fleet::IssuedCert;
use cyberbrain_model::fleet::{Agent, Capabilities};
use cyberbrain_model::tokens::{PresentedToken, hashes_equal};

/// Notification channel: "an agent was revoked", payload the agent id.
pub const REVOKE_CHANNEL: &str = "cyberbrain_revoke";

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

const AGENT_COLUMNS: &str = "id, name, hostname, labels, version, capabilities, state, first_seen_at, \
                             last_seen_at, replica, cert_serial, cert_expires_at";

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
                "SELECT secret_sha256, labels, used_at IS NOT NULL, expires_at <= now()
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
                    "UPDATE agents SET state = 'revoked', replica = NULL WHERE id = $1
                     RETURNING {AGENT_COLUMNS}"
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
