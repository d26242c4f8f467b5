//! Agents.

use std::collections::BTreeMap;
use std::time::Duration;

use tokio_postgres::Row;
use uuid::Uuid;

use super::CachedQueries;
use super::audit::record;
use super::{Store, from_json, to_json};
use crate::error::{Error, Result};
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::fleet::{Agent, AgentHello, AgentState, LabelSource};

/// The heartbeat interval assumed for an agent that has not said hello since intervals were
/// recorded (the flag's default).
const DEFAULT_HEARTBEAT_SECONDS: i32 = 10;

/// An agent's state as every replica computes it, from the row of `agents a`, on the database's
/// clock: a connected agent is `stale` once two heartbeat intervals (and the one-second batching
/// of heartbeats) have passed without one, and `offline` after its lease (three intervals), even
/// before the reaper marks it so.
pub(super) const STATE_SQL: &str = "CASE WHEN a.state = 'revoked' THEN 'revoked' \
     WHEN a.state <> 'online' THEN 'offline' \
     WHEN a.last_seen_at < now() - make_interval(secs => 3 * COALESCE(a.heartbeat_seconds, 10) + 1) \
         THEN 'offline' \
     WHEN a.last_seen_at < now() - make_interval(secs => 2 * COALESCE(a.heartbeat_seconds, 10) + 1) \
         THEN 'stale' \
     ELSE 'online' END";

/// The columns an [`Agent`] is read from, for `agents a`.
pub(super) fn columns() -> String {
    format!(
        "a.id, a.name, a.hostname, a.labels, a.enrolled_labels, a.admin_labels, a.reported_labels, \
         a.version, a.capabilities, {STATE_SQL} AS state, a.first_seen_at, a.last_seen_at, \
         a.replica, a.cert_serial, a.cert_expires_at"
    )
}

/// Notification channel: "an agent's stream was replaced", payload `agent_id:old_session`: the
/// replica holding that older session closes its stream (the newer stream wins).
pub const AGENT_REPLACED_CHANNEL: &str = "cyberbrain_agent_replaced";

/// What an attach found and did: the agent, and the session it replaced, if any.
#[derive(Debug, Clone)]
pub struct Attached {
    /// The agent, as recorded.
    pub agent: Agent,
    /// The session (`replica/connection`) that was the agent's current one, on any replica, and
    /// still alive by its heartbeats (`online` or `stale`): its stream is told to close, and the
    /// jobs leased to it are not the new stream's to requeue.
    pub replaced: Option<String>,
}

impl Store {
    /// Records that an agent connected to `session` (replica name and connection id), told to
    /// heartbeat every `heartbeat`. A revoked agent stays revoked and is refused, and so is a
    /// revoked certificate. The labels it reports are kept apart from the admin-set ones that
    /// targeting uses. (See [`Store::agent_attached`], which also says what it replaced.)
    pub async fn agent_connected(
        &self,
        hello: &AgentHello,
        session: &str,
        heartbeat: Duration,
    ) -> Result<Agent> {
        Ok(self.agent_attached(hello, session, heartbeat).await?.agent)
    }

    /// [`Store::agent_connected`], which also makes `session` the agent's one current session:
    /// in the same transaction, an older session recorded on the row (on any replica) is
    /// announced on [`AGENT_REPLACED_CHANNEL`], so its replica closes that stream, and claims
    /// lease jobs only to the current session. Returns the replaced session if it was alive.
    pub async fn agent_attached(
        &self,
        hello: &AgentHello,
        session: &str,
        heartbeat: Duration,
    ) -> Result<Attached> {
        let heartbeat_seconds =
            i32::try_from(heartbeat.as_secs().max(1)).unwrap_or(DEFAULT_HEARTBEAT_SECONDS);
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        // Under the agent's name lock (as `delete_agent` takes it), the revoked-serial check and
        // the upsert see the same world: a hello racing a delete either comes first (and the
        // delete refuses an online agent) or sees the serial revoked; it never re-inserts the row.
        lock_agent_name(&tx, &hello.name).await?;
        // The session this one replaces: read under the name lock, so two attaches in turn
        // each see the other's. One marked offline for silence (a frozen agent) keeps its
        // session and is told to close too, but its jobs are not spared.
        let previous = tx
            .query_opt_cached(
                &format!(
                    "SELECT a.id, a.replica, {STATE_SQL} AS state FROM agents a
                     WHERE a.name = $1 AND a.state <> 'revoked' AND a.replica IS NOT NULL"
                ),
                &[&hello.name],
            )
            .await?;
        if let Some(serial) = &hello.cert_serial
            && tx
                .query_opt_cached("SELECT 1 FROM revoked_serials WHERE serial = $1", &[serial])
                .await?
                .is_some()
        {
            return Err(Error::PermissionDenied(format!(
                "the certificate of agent {:?} (serial {serial}) is revoked",
                hello.name
            )));
        }
        let row = tx
            .query_one_cached(
                &format!(
                    "INSERT INTO agents AS a (id, name, hostname, reported_labels, version, capabilities,
                                              state, replica, cert_serial, cert_expires_at,
                                              heartbeat_seconds, connected_at)
                     VALUES ($1, $2, $3, $4, $5, $6, 'online', $7, $8, $9, $10, now())
                     ON CONFLICT (name) DO UPDATE SET
                         hostname = EXCLUDED.hostname,
                         reported_labels = EXCLUDED.reported_labels,
                         cert_serial = CASE WHEN a.state = 'revoked' THEN a.cert_serial ELSE EXCLUDED.cert_serial END,
                         cert_expires_at = CASE WHEN a.state = 'revoked' THEN a.cert_expires_at ELSE EXCLUDED.cert_expires_at END,
                         version = EXCLUDED.version,
                         capabilities = EXCLUDED.capabilities,
                         state = CASE WHEN a.state = 'revoked' THEN 'revoked' ELSE 'online' END,
                         replica = CASE WHEN a.state = 'revoked' THEN a.replica ELSE EXCLUDED.replica END,
                         heartbeat_seconds = EXCLUDED.heartbeat_seconds,
                         connected_at = CASE WHEN a.state = 'revoked' THEN a.connected_at ELSE now() END,
                         last_seen_at = now()
                     RETURNING {}",
                    columns()
                ),
                &[
                    &Uuid::new_v4(),
                    &hello.name,
                    &hello.hostname,
                    &to_json("agent labels", &hello.labels)?,
                    &hello.version,
                    &to_json("agent capabilities", &hello.capabilities)?,
                    &session,
                    &hello.cert_serial,
                    &hello.cert_expires_at,
                    &heartbeat_seconds,
                ],
            )
            .await?;
        let agent = agent_from_row(&row)?;
        if agent.state == AgentState::Revoked {
            tx.commit().await?;
            return Err(Error::PermissionDenied(format!(
                "agent {:?} is revoked",
                agent.name
            )));
        }
        let mut replaced = None;
        if let Some(previous) = previous {
            let (id, old, state): (Uuid, String, String) = (
                previous.try_get(0)?,
                previous.try_get(1)?,
                previous.try_get(2)?,
            );
            if old != session {
                super::events::notify(&tx, AGENT_REPLACED_CHANNEL, &format!("{id}:{old}")).await?;
                replaced = (state != AgentState::Offline.as_str()).then_some(old);
            }
        }
        tx.commit().await?;
        Ok(Attached { agent, replaced })
    }

    /// Records signs of life, each `(agent, session)` on that connection, in one statement; an
    /// agent marked offline for silence comes back online. Returns the pairs whose session is
    /// no longer the agent's current one (another stream replaced it, or it was marked
    /// disconnected): those streams are stale and should close.
    pub async fn agents_seen(&self, seen: &[(Uuid, String)]) -> Result<Vec<(Uuid, String)>> {
        if seen.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<Uuid> = seen.iter().map(|(id, _)| *id).collect();
        let sessions: Vec<&str> = seen.iter().map(|(_, s)| s.as_str()).collect();
        let client = self.client().await?;
        let rows = client
            .query_cached(
                "WITH s AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS s(id, session)),
                 seen AS (
                     UPDATE agents a SET last_seen_at = now(),
                         state = CASE WHEN a.state = 'revoked' THEN a.state ELSE 'online' END
                     FROM s WHERE a.id = s.id AND a.replica = s.session
                     RETURNING a.id)
                 SELECT s.id, s.session FROM s WHERE s.id NOT IN (SELECT id FROM seen)",
                &[&ids, &sessions],
            )
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
            .collect()
    }

    /// Marks offline the agents silent for longer than `ttl` (their connection is gone without a
    /// goodbye, or their replica died). Returns their names.
    pub async fn mark_silent_agents_offline(
        &self,
        ttl: std::time::Duration,
    ) -> Result<Vec<String>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                "UPDATE agents SET state = 'offline'
                 WHERE state = 'online' AND last_seen_at < now() - make_interval(secs => $1)
                 RETURNING name",
                &[&ttl.as_secs_f64()],
            )
            .await?;
        rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
    }

    /// Marks the agent offline if `session` is still its current connection.
    pub async fn agent_disconnected(&self, agent_id: Uuid, session: &str) -> Result<()> {
        let client = self.client().await?;
        client
            .execute_cached(
                "UPDATE agents SET state = 'offline', replica = NULL, last_seen_at = now()
                 WHERE id = $1 AND replica = $2 AND state = 'online'",
                &[&agent_id, &session],
            )
            .await?;
        Ok(())
    }

    /// Marks every agent of this replica offline (at start: connections from a previous life are gone).
    pub async fn replica_agents_offline(&self, replica_prefix: &str) -> Result<u64> {
        let client = self.client().await?;
        Ok(client
            .execute_cached(
                "UPDATE agents SET state = 'offline', replica = NULL
                 WHERE state = 'online' AND split_part(replica, '/', 1) = $1",
                &[&replica_prefix],
            )
            .await?)
    }

    /// Every agent, by name.
    pub async fn list_agents(&self) -> Result<Vec<Agent>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                &format!("SELECT {} FROM agents a ORDER BY a.name", columns()),
                &[],
            )
            .await?;
        rows.iter().map(agent_from_row).collect()
    }

    /// Up to `limit` agents whose names sort after `after_name`, by name (keyset paging: one
    /// indexed query whatever the page).
    pub async fn list_agents_page(&self, after_name: &str, limit: u32) -> Result<Vec<Agent>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                &format!(
                    "SELECT {} FROM agents a WHERE a.name > $1 ORDER BY a.name LIMIT $2",
                    columns()
                ),
                &[&after_name, &i64::from(limit)],
            )
            .await?;
        rows.iter().map(agent_from_row).collect()
    }

    /// One agent by name.
    pub async fn get_agent(&self, name: &str) -> Result<Agent> {
        let client = self.client().await?;
        let row = client
            .query_opt_cached(
                &format!("SELECT {} FROM agents a WHERE a.name = $1", columns()),
                &[&name],
            )
            .await?;
        match row {
            Some(row) => agent_from_row(&row),
            None => Err(Error::NotFound {
                what: "agent",
                name: name.to_string(),
            }),
        }
    }

    /// Sets the admin labels in `set` and removes the keys in `remove` (from the admin's labels and
    /// the join token's), with an audit entry; targeting uses the result at once.
    pub async fn set_agent_labels(
        &self,
        name: &str,
        set: &BTreeMap<String, String>,
        remove: &[String],
        audit: &AuditEntry,
    ) -> Result<Agent> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let row = tx
            .query_opt(
                &format!(
                    "UPDATE agents a SET
                         enrolled_labels = a.enrolled_labels - $2::text[],
                         admin_labels = (a.admin_labels - $2::text[]) || $3,
                         labels = (COALESCE(a.enrolled_labels, '{{}}') - $2::text[])
                                  || ((a.admin_labels - $2::text[]) || $3)
                     WHERE a.name = $1
                     RETURNING {}",
                    columns()
                ),
                &[&name, &remove, &to_json("agent labels", set)?],
            )
            .await?
            .ok_or_else(|| Error::NotFound {
                what: "agent",
                name: name.to_string(),
            })?;
        let audit = audit.clone().on(name).with(serde_json::json!({
            "set": set,
            "removed": remove,
        }));
        record(&tx, &audit).await?;
        tx.commit().await?;
        agent_from_row(&row)
    }

    /// Deletes agent `name`, which must be revoked or offline and have no unfinished job: its row
    /// moves to `deleted_agents` (so its jobs' history keeps its name), every certificate it had is
    /// refused from now on, and the audit entry is written in the same transaction.
    pub async fn delete_agent(&self, name: &str, audit: &AuditEntry) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        lock_agent_name(&tx, name).await?;
        let row = tx
            .query_opt(
                &format!("SELECT a.id, {STATE_SQL} FROM agents a WHERE a.name = $1 FOR UPDATE"),
                &[&name],
            )
            .await?
            .ok_or_else(|| Error::NotFound {
                what: "agent",
                name: name.to_string(),
            })?;
        let agent_id: Uuid = row.try_get(0)?;
        let state: String = row.try_get(1)?;
        if state == AgentState::Online.as_str() || state == AgentState::Stale.as_str() {
            return Err(Error::FailedPrecondition {
                field: "name".into(),
                reason: format!(
                    "agent {name:?} is {state}; revoke it first, or wait until it is offline"
                ),
            });
        }
        let unfinished: i64 = tx
            .query_one(
                "SELECT count(*) FROM jobs
                 WHERE agent_id = $1 AND status IN ('queued', 'dispatched', 'running')",
                &[&agent_id],
            )
            .await?
            .try_get(0)?;
        if unfinished > 0 {
            return Err(Error::FailedPrecondition {
                field: "name".into(),
                reason: format!(
                    "agent {name:?} has {unfinished} unfinished job(s); cancel their runs or \
                     wait for them to end"
                ),
            });
        }
        tx.execute(
            "INSERT INTO revoked_serials (serial, agent_id)
             SELECT serial, agent_id FROM agent_certificates WHERE agent_id = $1
             UNION SELECT cert_serial, id FROM agents WHERE id = $1 AND cert_serial IS NOT NULL
             ON CONFLICT (serial) DO NOTHING",
            &[&agent_id],
        )
        .await?;
        tx.execute(
            "INSERT INTO deleted_agents (id, name, hostname)
             SELECT id, name, hostname FROM agents WHERE id = $1",
            &[&agent_id],
        )
        .await?;
        tx.execute(
            "DELETE FROM agent_certificates WHERE agent_id = $1",
            &[&agent_id],
        )
        .await?;
        tx.execute("DELETE FROM agents WHERE id = $1", &[&agent_id])
            .await?;
        let audit = audit.clone().on(name).with(serde_json::json!({
            "agent_id": agent_id.to_string(),
            "state": state,
        }));
        record(&tx, &audit).await?;
        // Every replica closes the agent's stream (as for a revoke): a frozen agent whose
        // connection is still attached must not heartbeat on into a missing row.
        super::events::notify(&tx, super::events::REVOKE_CHANNEL, &agent_id.to_string()).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// Takes the transaction-scoped lock on agent name `name`, which a hello and a delete of the same
/// agent both hold while they decide, so they never interleave.
async fn lock_agent_name(tx: &deadpool_postgres::Transaction<'_>, name: &str) -> Result<()> {
    tx.execute_cached(
        "SELECT pg_advisory_xact_lock(hashtext('cyberbrain.agent:' || $1::text))",
        &[&name],
    )
    .await?;
    Ok(())
}

pub(super) fn agent_from_row(row: &Row) -> Result<Agent> {
    let state: String = row.try_get("state")?;
    let enrolled: Option<serde_json::Value> = row.try_get("enrolled_labels")?;
    let enrolled: BTreeMap<String, String> = match enrolled {
        Some(value) => from_json("agent enrolled labels", value)?,
        None => BTreeMap::new(),
    };
    let admin: BTreeMap<String, String> =
        from_json("agent admin labels", row.try_get("admin_labels")?)?;
    let labels: BTreeMap<String, String> = from_json("agent labels", row.try_get("labels")?)?;
    let admin_label_sources = labels
        .keys()
        .map(|key| {
            let source = if admin.contains_key(key) || !enrolled.contains_key(key) {
                LabelSource::Admin
            } else {
                LabelSource::JoinToken
            };
            (key.clone(), source)
        })
        .collect();
    Ok(Agent {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        hostname: row.try_get("hostname")?,
        labels,
        admin_label_sources,
        reported_labels: from_json("agent reported labels", row.try_get("reported_labels")?)?,
        version: row.try_get("version")?,
        capabilities: from_json("agent capabilities", row.try_get("capabilities")?)?,
        state: AgentState::parse(&state).ok_or_else(|| Error::Corrupt {
            what: "agent state",
            reason: state.clone(),
        })?,
        first_seen_at: row.try_get("first_seen_at")?,
        last_seen_at: row.try_get("last_seen_at")?,
        replica: row
            .try_get::<_, Option<String>>("replica")?
            .and_then(|r| r.split('/').next().map(str::to_string)),
        cert_serial: row.try_get("cert_serial")?,
        cert_expires_at: row.try_get("cert_expires_at")?,
    })
}
