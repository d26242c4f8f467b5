//! Agents, their certificates and the selectors that pick them.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::InvalidField;

/// Whether an agent is connected. `Stale` is never stored: the store computes it (and `Offline`
/// for a silent agent) from the time of its last heartbeat, on the database's clock, so that every
/// replica says the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgentState {
    /// Connected to a replica, heartbeating.
    Online,
    /// Connected, but silent for two heartbeat intervals.
    Stale,
    /// Not connected, or silent for its lease (three heartbeat intervals).
    Offline,
    /// Its certificate is no longer accepted.
    Revoked,
}

impl AgentState {
    /// Stable name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            AgentState::Online => "online",
            AgentState::Stale => "stale",
            AgentState::Offline => "offline",
            AgentState::Revoked => "revoked",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<AgentState> {
        match s {
            "online" => Some(AgentState::Online),
            "stale" => Some(AgentState::Stale),
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
    /// The commands the host declares for `cbctl exec` (names only). Absent in rows written
    /// before there were commands.
    #[serde(default)]
    pub commands: Vec<String>,
    /// The worker images the host offers (`--allow-image`, `NAME@sha256:…`). Absent in rows
    /// written before there were worker containers.
    #[serde(default)]
    pub images: Vec<String>,
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
    /// The labels targeting uses: those an admin set, the join token's at enrollment overridden
    /// by `cbctl agent label`'s.
    pub labels: BTreeMap<String, String>,
    /// Where each admin-set label came from.
    pub admin_label_sources: BTreeMap<String, LabelSource>,
    /// The labels the agent reports about itself (`--label`), as reported.
    pub reported_labels: BTreeMap<String, String>,
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

/// Where a label came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelSource {
    /// The agent reports it about itself.
    Agent,
    /// The join token it enrolled with.
    JoinToken,
    /// An admin (`cbctl agent label`).
    Admin,
}

impl LabelSource {
    /// Stable name: `agent`, `join-token`, `admin`.
    pub fn as_str(self) -> &'static str {
        match self {
            LabelSource::Agent => "agent",
            LabelSource::JoinToken => "join-token",
            LabelSource::Admin => "admin",
        }
    }
}

/// One label with its source, and whether targeting uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourcedLabel {
    /// Key.
    pub key: String,
    /// Value.
    pub value: String,
    /// Where it came from.
    pub source: LabelSource,
    /// Whether targeting uses it.
    pub targeting: bool,
}

impl Agent {
    /// Every label from every source: admin-set ones first, then the agent's own. An agent's own
    /// label is used for targeting only when `trust_agent_labels` and no admin label has its key.
    pub fn sourced_labels(&self, trust_agent_labels: bool) -> Vec<SourcedLabel> {
        let mut all: Vec<SourcedLabel> = self
            .labels
            .iter()
            .map(|(k, v)| SourcedLabel {
                key: k.clone(),
                value: v.clone(),
                source: self
                    .admin_label_sources
                    .get(k)
                    .copied()
                    .unwrap_or(LabelSource::Admin),
                targeting: true,
            })
            .collect();
        all.extend(self.reported_labels.iter().map(|(k, v)| SourcedLabel {
            key: k.clone(),
            value: v.clone(),
            source: LabelSource::Agent,
            targeting: trust_agent_labels && !self.labels.contains_key(k),
        }));
        all
    }

    /// The labels targeting uses: the admin-set ones, and, with `trust_agent_labels`, the
    /// agent's own beneath them. The agent's own stay visible in [`Agent::sourced_labels`].
    pub fn targeting_labels(&self, trust_agent_labels: bool) -> BTreeMap<String, String> {
        let mut labels = if trust_agent_labels {
            self.reported_labels.clone()
        } else {
            BTreeMap::new()
        };
        labels.extend(self.labels.iter().map(|(k, v)| (k.clone(), v.clone())));
        labels
    }
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
    /// Whether the selector picks this agent by its admin-set labels. Revoked agents are never
    /// picked.
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
    pub fn validate(&self, field: &str) -> Result<(), InvalidField> {
        match self {
            TargetSelector::All => Ok(()),
            TargetSelector::Agents(names) if names.is_empty() => Err(InvalidField::new(
                format!("{field}.agents.names"),
                "at least one agent name is required",
            )),
            TargetSelector::Agents(names) => match names.iter().find(|n| n.trim().is_empty()) {
                Some(_) => Err(InvalidField::new(
                    format!("{field}.agents.names"),
                    "agent names must not be empty",
                )),
                None => Ok(()),
            },
            TargetSelector::Labels(labels) if labels.is_empty() => Err(InvalidField::new(
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

/// A certificate the CA issued to an agent.
#[derive(Debug, Clone)]
pub struct IssuedCert {
    /// The certificate, PEM.
    pub pem: String,
    /// Its serial number, lowercase hex.
    pub serial: String,
    /// Validity.
    pub not_before: DateTime<Utc>,
    /// Validity.
    pub not_after: DateTime<Utc>,
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
            admin_label_sources: BTreeMap::new(),
            reported_labels: BTreeMap::new(),
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

    #[test]
    fn an_agents_own_labels_target_only_when_trusted_and_never_over_an_admin_label() {
        let mut a = agent("a", &[("gpu", "true")]);
        a.admin_label_sources = [("gpu".to_string(), LabelSource::JoinToken)].into();
        a.reported_labels = [
            ("gpu".to_string(), "false".to_string()),
            ("rack".to_string(), "7".to_string()),
        ]
        .into();
        let find = |trust: bool, key: &str, source: LabelSource| {
            a.sourced_labels(trust)
                .into_iter()
                .find(|l| l.key == key && l.source == source)
                .map(|l| (l.value, l.targeting))
        };
        assert_eq!(
            find(false, "gpu", LabelSource::JoinToken),
            Some(("true".into(), true))
        );
        assert_eq!(
            find(false, "rack", LabelSource::Agent),
            Some(("7".into(), false))
        );
        assert_eq!(
            find(true, "rack", LabelSource::Agent),
            Some(("7".into(), true))
        );
        assert_eq!(
            find(true, "gpu", LabelSource::Agent),
            Some(("false".into(), false)),
            "an admin label with the same key wins"
        );
        for trust in [false, true] {
            assert_eq!(
                a.targeting_labels(trust).get("gpu").map(String::as_str),
                Some("true")
            );
        }
        assert_eq!(
            a.targeting_labels(true).get("rack").map(String::as_str),
            Some("7")
        );
        assert_eq!(
            a.targeting_labels(false).get("rack"),
            None,
            "an agent's own label is not shown as targeting when not trusted"
        );
    }
}
