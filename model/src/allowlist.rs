//! Allowlist entries as the controller stores them. Matching lives in `cyberbrain_tasks::allowlist`
//! so that the controller and the agents evaluate the same rules the same way.

use chrono::{DateTime, Utc};
use cyberbrain_tasks::{AllowRule, Allowlist};
use uuid::Uuid;

/// One stored allowlist entry.
#[derive(Debug, Clone, PartialEq)]
pub struct AllowlistEntry {
    /// Id.
    pub id: Uuid,
    /// The rule.
    pub rule: AllowRule,
    /// Why it is there.
    pub description: String,
    /// Inactive entries are kept but admit nothing.
    pub active: bool,
    /// When it was added.
    pub created_at: DateTime<Utc>,
    /// Whether the digests of containers it admits may go to an LLM.
    pub send_to_llm: bool,
}

/// The rules of the active entries.
pub fn active_rules(entries: &[AllowlistEntry]) -> Allowlist {
    Allowlist {
        rules: entries
            .iter()
            // Worker images say what may run, not what may be read: they stay on the controller.
            .filter(|e| e.active && e.rule.kind != cyberbrain_tasks::MatchKind::WorkerImage)
            .map(|e| e.rule.clone())
            .collect(),
        local_limit: None,
    }
}

/// A change to an entry; `None` keeps the stored value.
#[derive(Debug, Clone, Default)]
pub struct AllowlistPatch {
    /// New pattern.
    pub pattern: Option<String>,
    /// New description.
    pub description: Option<String>,
    /// New active flag.
    pub active: Option<bool>,
    /// New `send_to_llm` flag.
    pub send_to_llm: Option<bool>,
}
