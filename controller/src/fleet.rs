//! Agents and the selectors that pick them, plus the registry of agents connected to this replica.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tokio::sync::{Notify, mpsc};
use uuid::Uuid;

use crate::error::{Error, Result};

/// Whether an agent is connected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgentState {
    /// Connected to a replica.
    Online,
    /// Not connected.
    Offline,
    /// Its certificate is no longer accepted.
    Revoked,
}

impl AgentState {
    /// Stable name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            AgentState::Online => "online",
            AgentState::Offline => "offline",
            AgentState::Revoked => "revoked",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<AgentState> {
        match s {
            "online" => Some(AgentState::Online),
            "offline" => Some(AgentState::Offline),
            "revoked" => Some(AgentState::Revoked),
            _ => None,
        }
    }
}

/// What an agent said it can do, in its `Hello`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capabilities {
    /// The agent could reach its Docker engine.
    pub docker_reachable: bool,
    /// NVML loaded.
    pub nvml_available: bool,
    /// GPUs NVML reported.
    pub gpu_count: u32,
    /// NVIDIA driver version.
    pub driver_version: String,
}

/// An agent as the controller knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Agent {
    /// Stable id, assigned on first contact.
    pub id: Uuid,
    /// Unique name: the common name of its certificate.
    pub name: String,
    /// Host name it reported.
    pub hostname: String,
    /// Labels it reported (later: stamped at enrollment).
    pub labels: BTreeMap<String, String>,
    /// Agent software version.
    pub version: String,
    /// What it can do.
    pub capabilities: Capabilities,
    /// Connected or not.
    pub state: AgentState,
    /// First contact.
    pub first_seen_at: DateTime<Utc>,
    /// Last message.
    pub last_seen_at: DateTime<Utc>,
    /// The replica it is connected to, while online.
    pub replica: Option<String>,
    /// Serial (hex) of the certificate it last connected with.
    pub cert_serial: Option<String>,
    /// Expiry of that certificate.
    pub cert_expires_at: Option<DateTime<Utc>>,
}

/// What an agent says about itself when it connects.
#[derive(Debug, Clone)]
pub struct AgentHello {
    /// Name from its certificate.
    pub name: String,
    /// Reported host name.
    pub hostname: String,
    /// Reported labels.
    pub labels: BTreeMap<String, String>,
    /// Reported version.
    pub version: String,
    /// Reported capabilities.
    pub capabilities: Capabilities,
    /// Serial (hex) of the client certificate of this connection; a revoked serial is refused.
    pub cert_serial: Option<String>,
    /// Its expiry.
    pub cert_expires_at: Option<DateTime<Utc>>,
}

/// Which agents a run targets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetSelector {
    /// Every agent.
    All,
    /// Agents by name.
    Agents(Vec<String>),
    /// Agents carrying all these labels.
    Labels(BTreeMap<String, String>),
}

impl TargetSelector {
    /// Whether the selector picks this agent. Revoked agents are never picked.
    pub fn matches(&self, agent: &Agent) -> bool {
        if agent.state == AgentState::Revoked {
            return false;
        }
        match self {
            TargetSelector::All => true,
            TargetSelector::Agents(names) => names.iter().any(|n| n == &agent.name),
            TargetSelector::Labels(wanted) => wanted
                .iter()
                .all(|(k, v)| agent.labels.get(k).is_some_and(|have| have == v)),
        }
    }

    /// Checks the selector's shape; `field` is its path in the request.
    pub fn validate(&self, field: &str) -> Result<()> {
        match self {
            TargetSelector::All => Ok(()),
            TargetSelector::Agents(names) if names.is_empty() => Err(Error::invalid(
                format!("{field}.agents.names"),
                "at least one agent name is required",
            )),
            TargetSelector::Agents(names) => match names.iter().find(|n| n.trim().is_empty()) {
                Some(_) => Err(Error::invalid(
                    format!("{field}.agents.names"),
                    "agent names must not be empty",
                )),
                None => Ok(()),
            },
            TargetSelector::Labels(labels) if labels.is_empty() => Err(Error::invalid(
                format!("{field}.labels.match_labels"),
                "at least one label is required",
            )),
            TargetSelector::Labels(_) => Ok(()),
        }
    }

    /// A short human form: `all`, `agents=a,b`, `labels=gpu=true`.
    pub fn describe(&self) -> String {
        match self {
            TargetSelector::All => "all".to_string(),
            TargetSelector::Agents(names) => format!("agents={}", names.join(",")),
            TargetSelector::Labels(labels) => format!(
                "labels={}",
                labels
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        }
    }
}

/// What the rest of the controller can ask of one agent's connection.
#[derive(Debug, Clone)]
pub struct ConnectionHandle {
    /// Rung when the agent has queued jobs; rings coalesce, so a burst of launches costs one claim.
    pub doorbell: Arc<Notify>,
    /// Jobs to cancel on the agent: `(job id, attempt)`.
    pub cancels: mpsc::Sender<(Uuid, u32)>,
    /// Rung when the agent is revoked: the connection closes its stream.
    pub revoked: Arc<Notify>,
    /// The connection's id, which holds the leases of the jobs sent on it.
    pub session: String,
    /// Jobs sent on the connection and not yet answered.
    pub in_flight: Arc<crate::api::in_flight::InFlight>,
    /// Jobs a launch on this replica dispatched to the agent directly, for the connection to send.
    pub placed: mpsc::Sender<crate::dispatcher::Claimed>,
}

impl ConnectionHandle {
    /// Gives the connection jobs dispatched to its agent, to send. Never waits: a connection whose
    /// queue is full gets them from a task of their own. A connection that is gone drops them; their
    /// leases expire and they are dispatched again.
    pub fn hand_over(&self, claimed: crate::dispatcher::Claimed) {
        match self.placed.try_send(claimed) {
            Ok(()) | Err(mpsc::error::TrySendError::Closed(_)) => {}
            Err(mpsc::error::TrySendError::Full(claimed)) => {
                let placed = self.placed.clone();
                tokio::spawn(async move {
                    let _ = placed.send(claimed).await;
                });
            }
        }
    }
}

/// The agents connected to this replica.
///
/// Cheap to clone; shared by the agent link (which registers connections) and by whatever learns
/// that an agent has work or a cancelled job (a launch here, or a notification from another replica).
#[derive(Debug, Clone, Default)]
pub struct ConnectedAgents {
    inner: Arc<Mutex<HashMap<Uuid, ConnectionHandle>>>,
}

impl ConnectedAgents {
    /// Registers a connection. A second connection of the same agent replaces the first one's
    /// handle; the old stream notices when its sends fail.
    pub fn register(&self, agent_id: Uuid, handle: ConnectionHandle) {
        self.lock().insert(agent_id, handle);
    }

    /// Removes a connection, unless a newer one replaced it.
    pub fn unregister(&self, agent_id: Uuid, doorbell: &Arc<Notify>) {
        let mut map = self.lock();
        if map
            .get(&agent_id)
            .is_some_and(|h| Arc::ptr_eq(&h.doorbell, doorbell))
        {
            map.remove(&agent_id);
        }
    }

    /// Wakes the dispatchers of these agents, where connected here.
    pub fn wake(&self, agent_ids: impl IntoIterator<Item = Uuid>) {
        let map = self.lock();
        for id in agent_ids {
            if let Some(handle) = map.get(&id) {
                handle.doorbell.notify_one();
            }
        }
    }

    /// Reserves room for `jobs` on the agent's connection, if it is here and has room for them
    /// all (at most `limit` in flight); returns the connection's handle. The caller hands the jobs
    /// over with [`ConnectionHandle::hand_over`], or releases them.
    pub fn reserve(&self, agent_id: Uuid, jobs: &[Uuid], limit: u32) -> Option<ConnectionHandle> {
        let handle = self.lock().get(&agent_id)?.clone();
        handle.in_flight.reserve(jobs, limit).then_some(handle)
    }

    /// Wakes every dispatcher here (after notifications may have been missed).
    pub fn wake_all(&self) {
        for handle in self.lock().values() {
            handle.doorbell.notify_one();
        }
    }

    /// Asks the agent's connection, if it is here, to cancel a job. Best effort: an agent that
    /// misses it finishes the job and its result is refused.
    pub fn cancel(&self, agent_id: Uuid, job_id: Uuid, attempt: u32) {
        if let Some(handle) = self.lock().get(&agent_id) {
            let _ = handle.cancels.try_send((job_id, attempt));
        }
    }

    /// Closes the agent's stream, if it is connected here, because it was revoked.
    pub fn revoke(&self, agent_id: Uuid) {
        if let Some(handle) = self.lock().get(&agent_id) {
            // notify_one keeps a permit, so a connection busy elsewhere sees it on its next turn.
            handle.revoked.notify_one();
        }
    }

    /// The agents connected here.
    pub fn ids(&self) -> Vec<Uuid> {
        self.lock().keys().copied().collect()
    }

    /// How many agents are connected here.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether no agent is connected here.
    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, ConnectionHandle>> {
        // The map holds no invariant a panicking holder could break, so a poisoned lock is usable.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agent(name: &str, labels: &[(&str, &str)]) -> Agent {
        Agent {
            id: Uuid::new_v4(),
            name: name.into(),
            hostname: "h".into(),
            labels: labels
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            version: "0".into(),
            capabilities: Capabilities::default(),
            state: AgentState::Online,
            first_seen_at: Utc::now(),
            last_seen_at: Utc::now(),
            replica: None,
            cert_serial: None,
            cert_expires_at: None,
        }
    }

    #[test]
    fn label_selectors_need_every_label() {
        let sel = TargetSelector::Labels(
            [("gpu".to_string(), "true".to_string())]
                .into_iter()
                .collect(),
        );
        assert!(sel.matches(&agent("a", &[("gpu", "true"), ("zone", "a")])));
        assert!(!sel.matches(&agent("b", &[("gpu", "false")])));
        assert!(!sel.matches(&agent("c", &[])));
    }

    #[test]
    fn revoked_agents_are_never_selected() {
        let mut a = agent("a", &[]);
        a.state = AgentState::Revoked;
        assert!(!TargetSelector::All.matches(&a));
    }

    #[test]
    fn empty_name_lists_are_refused_with_the_field() {
        let err = TargetSelector::Agents(vec![])
            .validate("target")
            .unwrap_err();
        assert!(err.to_string().contains("target.agents.names"));
    }
}
