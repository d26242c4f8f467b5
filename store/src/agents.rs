//! Agents.

use tokio_postgres::Row;
use uuid::Uuid;

use super::CachedQueries;
use super::{Store, from_json, to_json};
use crate::error::{Error, Result};
use cyberbrain_model::fleet::{Agent, AgentHello, AgentState};

const COLUMNS: &str = "id, name, hostname, labels, version, capabilities, state, first_seen_at, \
                       last_seen_at, replica, cert_serial, cert_expires_at";

impl Store {
    /// Records that an agent connected to `session` (replica name and connection id). A revoked agent
    /// stays revoked and is refused, and so is a revoked certificate. Labels stamped at enrollment
    /// win over the labels the agent reports.
    pub async fn agent_connected(&self, hello: &AgentHello, session: &str) -> Result<Agent> {
        if let Some(serial) = &hello.cert_serial
            && self.is_serial_revoked(serial).await?
        {
            return Err(Error::PermissionDenied(format!(
                "the certificate of agent {:?} (serial {serial}) is revoked",
                hello.name
            )));
        }
        let client = self.client().await?;
        let row = client
            .query_one_cached(
                &format!(
                    "INSERT INTO agents (id, name, hostname, labels, version, capabilities, state, replica,
                                         cert_serial, cert_expires_at)
                     VALUES ($1, $2, $3, $4, $5, $6, 'online', $7, $8, $9)
                     ON CONFLICT (name) DO UPDATE SET
                         hostname = EXCLUDED.hostname,
                         labels = EXCLUDED.labels || COALESCE(agents.enrolled_labels, '{{}}'),
                         cert_serial = CASE WHEN agents.state = 'revoked' THEN agents.cert_serial ELSE EXCLUDED.cert_serial END,
                         cert_expires_at = CASE WHEN agents.state = 'revoked' THEN agents.cert_expires_at ELSE EXCLUDED.cert_expires_at END,
                         version = EXCLUDED.version,
                         capabilities = EXCLUDED.capabilities,
                         state = CASE WHEN agents.state = 'revoked' THEN 'revoked' ELSE 'online' END,
                         replica = CASE WHEN agents.state = 'revoked' THEN agents.replica ELSE EXCLUDED.replica END,
                         last_seen_at = now()
                     RETURNING {COLUMNS}"
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
                ],
            )
            .await?;
        let agent = agent_from_row(&row)?;
        if agent.state == AgentState::Revoked {
            return Err(Error::PermissionDenied(format!(
                "agent {:?} is revoked",
                agent.name
            )));
        }
        Ok(agent)
    }

    /// Records signs of life, each `(agent, session)` on that connection, in one statement; an
    /// agent marked offline for silence comes back online.
    pub async fn agents_seen(&self, seen: &[(Uuid, String)]) -> Result<()> {
        if seen.is_empty() {
            return Ok(());
        }
        let ids: Vec<Uuid> = seen.iter().map(|(id, _)| *id).collect();
        let sessions: Vec<&str> = seen.iter().map(|(_, s)| s.as_str()).collect();
        let client = self.client().await?;
        client
            .execute_cached(
                "UPDATE agents a SET last_seen_at = now(),
                     state = CASE WHEN a.state = 'revoked' THEN a.state ELSE 'online' END
                 FROM unnest($1::uuid[], $2::text[]) AS s(id, session)
                 WHERE a.id = s.id AND a.replica = s.session",
                &[&ids, &sessions],
            )
            .await?;
        Ok(())
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
            .query_cached(&format!("SELECT {COLUMNS} FROM agents ORDER BY name"), &[])
            .await?;
        rows.iter().map(agent_from_row).collect()
    }

    /// One agent by name.
    pub async fn get_agent(&self, name: &str) -> Result<Agent> {
        let client = self.client().await?;
        let row = client
            .query_opt_cached(
                &format!("SELECT {COLUMNS} FROM agents WHERE name = $1"),
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
}

pub(super) fn agent_from_row(row: &Row) -> Result<Agent> {
    let state: String = row.try_get("state")?;
    Ok(Agent {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        hostname: row.try_get("hostname")?,
        labels: from_json("agent labels", row.try_get("labels")?)?,
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
