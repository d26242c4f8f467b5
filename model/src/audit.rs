//! The audit log's domain type. Entries are written by the store in the transaction of the change
//! they record, so a change without its audit row cannot commit.

use chrono::{DateTime, Utc};

/// One audit entry to write.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    /// Who: `token:<name>`, `agent:<name>`, `join-token:<id>` or `controller`.
    pub actor: String,
    /// What, as `noun.verb`: `run.launch`, `token.create`, `agent.revoke`, …
    pub action: &'static str,
    /// Which object: a run id, a directive name, a token name, an agent name.
    pub object: String,
    /// More about the change (never a secret).
    pub details: serde_json::Value,
}

impl AuditEntry {
    /// An entry by `actor` doing `action`, object and details to be filled in.
    pub fn new(actor: impl Into<String>, action: &'static str) -> Self {
        AuditEntry {
            actor: actor.into(),
            action,
            object: String::new(),
            details: serde_json::json!({}),
        }
    }

    /// The same entry about `object`.
    pub fn on(mut self, object: impl Into<String>) -> Self {
        self.object = object.into();
        self
    }

    /// The same entry with `details`.
    pub fn with(mut self, details: serde_json::Value) -> Self {
        self.details = details;
        self
    }
}

/// A stored audit event.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEvent {
    /// Increasing id.
    pub id: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// Who.
    pub actor: String,
    /// What.
    pub action: String,
    /// On what.
    pub object: String,
    /// Details.
    pub details: serde_json::Value,
}

/// Which events to list, newest first.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Only this actor.
    pub actor: Option<String>,
    /// Only this action.
    pub action: Option<String>,
    /// Only at or after this time.
    pub since: Option<DateTime<Utc>>,
    /// Only ids below this one (the previous page's last).
    pub before_id: Option<i64>,
    /// Page size.
    pub limit: u32,
}
