//! Directives: named, versioned task templates.

use chrono::{DateTime, Utc};
use cyberbrain_tasks::PlannedTask;

use crate::InvalidField;
use crate::fleet::TargetSelector;

/// One version of a directive.
#[derive(Debug, Clone, PartialEq)]
pub struct Directive {
    /// Unique name across versions.
    pub name: String,
    /// 1 for the first version, then +1 per update.
    pub version: u32,
    /// What it is for.
    pub description: String,
    /// The tasks a launch runs on every targeted agent.
    pub tasks: Vec<PlannedTask>,
    /// Agents targeted when a launch does not say.
    pub default_target: TargetSelector,
    /// When this version was written.
    pub created_at: DateTime<Utc>,
    /// Whether its runs' digests may go to an LLM.
    pub llm_enabled: bool,
    /// How long its runs' jobs may wait queued; `None`: the controller's default.
    pub queue_timeout: Option<std::time::Duration>,
}

/// The content of a new directive or a new version.
#[derive(Debug, Clone, PartialEq)]
pub struct DirectiveSpec {
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// Tasks, already validated.
    pub tasks: Vec<PlannedTask>,
    /// Default target.
    pub default_target: TargetSelector,
    /// LLM triage on or off; `None` = on for a new directive, unchanged for a new version.
    pub llm_enabled: Option<bool>,
    /// Its runs' queue timeout; `None` = the controller's default.
    pub queue_timeout: Option<std::time::Duration>,
}

/// The longest directive name accepted.
pub const MAX_NAME_LEN: usize = 63;

/// Checks a directive name: 1–63 characters of `a-z 0-9 - _ .`, starting with a letter or digit.
pub fn validate_name(name: &str) -> Result<(), InvalidField> {
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'));
    let ok_start = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if name.is_empty() || name.len() > MAX_NAME_LEN || !ok_chars || !ok_start {
        return Err(InvalidField::new(
            "name",
            format!(
                "must be 1-{MAX_NAME_LEN} characters of a-z, 0-9, '-', '_' or '.', starting with a letter or digit"
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked() {
        assert!(validate_name("nightly-triage.v2").is_ok());
        assert!(validate_name("").is_err());
        assert!(validate_name("Bad").is_err());
        assert!(validate_name("-x").is_err());
        assert!(validate_name(&"a".repeat(64)).is_err());
    }
}
