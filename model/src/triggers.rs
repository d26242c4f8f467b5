//! Triggers: inbound webhooks that launch a directive (`/hooks/{id}` on the web listener).
//!
//! A trigger has a kind (which sender and which signature scheme), a directive, filters that
//! decide which deliveries launch a run, and a secret the sender signs with. Accepted deliveries are
//! de-duplicated by a key kept for a while ([`TriggerDelivery`]), claimed in the launch's
//! transaction.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::InvalidField;

/// How long a GitHub delivery id is remembered (GitHub redelivers by hand or on retry; the issue
/// asks for at least three days).
pub const GITHUB_DELIVERY_MEMORY: Duration = Duration::from_secs(4 * 24 * 3600);

/// How long an identical Alertmanager notification (status, group, fingerprints) is ignored when
/// the trigger sets no cool-down of its own.
pub const ALERT_COOL_DOWN: Duration = Duration::from_secs(3600);

/// The shortest cool-down a trigger may set (Alertmanager's `group_interval` defaults to five
/// minutes; shorter would let its re-sends launch again).
pub const MIN_COOL_DOWN: Duration = Duration::from_secs(60);

/// The longest cool-down a trigger may set.
pub const MAX_COOL_DOWN: Duration = Duration::from_secs(7 * 24 * 3600);

/// How long a Standard Webhooks / Grafana message id is remembered: beyond the ±5 minute
/// timestamp window, so a replay inside the window is caught.
pub const SIGNED_MESSAGE_MEMORY: Duration = Duration::from_secs(3600);

/// How far a signed timestamp may be from the controller's clock.
pub const TIMESTAMP_TOLERANCE: Duration = Duration::from_secs(5 * 60);

/// The largest delivery body accepted.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// Who sends to a trigger, which fixes how deliveries are authenticated and read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerKind {
    /// GitHub webhooks: `X-Hub-Signature-256`, `X-GitHub-Event`, `X-GitHub-Delivery`.
    Github,
    /// Prometheus Alertmanager webhook (payload v4), `Authorization: Bearer <secret>`.
    Alertmanager,
    /// Grafana alerting contact point with HMAC signing and timestamp.
    Grafana,
    /// Anything that signs with Standard Webhooks (`webhook-id`, `-timestamp`, `-signature`).
    Generic,
}

impl TriggerKind {
    /// Every kind, for messages.
    pub const ALL: [TriggerKind; 4] = [
        TriggerKind::Github,
        TriggerKind::Alertmanager,
        TriggerKind::Grafana,
        TriggerKind::Generic,
    ];

    /// The stored and CLI spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            TriggerKind::Github => "github",
            TriggerKind::Alertmanager => "alertmanager",
            TriggerKind::Grafana => "grafana",
            TriggerKind::Generic => "generic",
        }
    }

    /// Parses the stored and CLI spelling.
    pub fn parse(s: &str) -> Option<TriggerKind> {
        TriggerKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Which deliveries launch a run. Empty lists admit everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filters {
    /// GitHub: the `X-GitHub-Event` values admitted (e.g. `push`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<String>,
    /// GitHub: the `ref` values admitted (e.g. `refs/heads/main`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<String>,
    /// Alertmanager: alert label name → agent label name. Only these alert labels select agents;
    /// with none, the directive's own target is used.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub label_map: BTreeMap<String, String>,
    /// Alertmanager and Grafana: how long a repeat of the same notification launches nothing, in
    /// seconds; `None` is [`ALERT_COOL_DOWN`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cool_down_seconds: Option<u32>,
}

impl Filters {
    /// Whether a GitHub event and ref pass. A delivery without a ref (e.g. `ping`) passes the ref
    /// filter only when there is none.
    pub fn admits_github(&self, event: &str, git_ref: Option<&str>) -> bool {
        let event_ok = self.events.is_empty() || self.events.iter().any(|e| e == event);
        let ref_ok =
            self.refs.is_empty() || git_ref.is_some_and(|r| self.refs.iter().any(|x| x == r));
        event_ok && ref_ok
    }

    /// How long a repeat of an alert notification launches nothing.
    pub fn cool_down(&self) -> Duration {
        self.cool_down_seconds
            .map_or(ALERT_COOL_DOWN, |s| Duration::from_secs(u64::from(s)))
    }

    /// Checks the filters against the kind: GitHub filters only on GitHub triggers, the label
    /// mapping only on Alertmanager ones, a cool-down only on alert kinds and within bounds, names
    /// kept short and printable.
    pub fn validate(&self, kind: TriggerKind) -> Result<(), InvalidField> {
        if let Some(seconds) = self.cool_down_seconds {
            if !matches!(kind, TriggerKind::Alertmanager | TriggerKind::Grafana) {
                return Err(InvalidField::new(
                    "filters.cool_down_seconds",
                    "a cool-down applies to alertmanager and grafana triggers only",
                ));
            }
            let range = MIN_COOL_DOWN.as_secs()..=MAX_COOL_DOWN.as_secs();
            if !range.contains(&u64::from(seconds)) {
                return Err(InvalidField::new(
                    "filters.cool_down_seconds",
                    format!(
                        "must be {} to {} seconds (7 days)",
                        range.start(),
                        range.end()
                    ),
                ));
            }
        }
        if kind != TriggerKind::Github && !(self.events.is_empty() && self.refs.is_empty()) {
            return Err(InvalidField::new(
                "filters",
                "event and ref filters apply to github triggers only",
            ));
        }
        if kind != TriggerKind::Alertmanager && !self.label_map.is_empty() {
            return Err(InvalidField::new(
                "filters.label_map",
                "a label mapping applies to alertmanager triggers only",
            ));
        }
        for (field, values) in [
            ("filters.events", &self.events),
            ("filters.refs", &self.refs),
        ] {
            if values.len() > 32 {
                return Err(InvalidField::new(field, "at most 32 values"));
            }
            if values.iter().any(|v| !plain_value(v)) {
                return Err(InvalidField::new(
                    field,
                    "values must be 1 to 255 printable characters without spaces",
                ));
            }
        }
        if self.label_map.len() > 16 {
            return Err(InvalidField::new("filters.label_map", "at most 16 labels"));
        }
        let label_ok = |s: &str| {
            !s.is_empty()
                && s.len() <= 63
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
        };
        if self
            .label_map
            .iter()
            .any(|(a, b)| !label_ok(a) || !label_ok(b))
        {
            return Err(InvalidField::new(
                "filters.label_map",
                "label names must be 1 to 63 characters of a-z, A-Z, 0-9, '_', '-' and '.'",
            ));
        }
        Ok(())
    }
}

fn plain_value(v: &str) -> bool {
    !v.is_empty() && v.len() <= 255 && v.chars().all(|c| c.is_ascii_graphic())
}

/// A stored trigger (without its secret, which is shown once at creation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trigger {
    /// The id in its URL.
    pub id: Uuid,
    /// Unique name.
    pub name: String,
    /// Who sends to it.
    pub kind: TriggerKind,
    /// The directive it launches.
    pub directive_name: String,
    /// Which deliveries launch a run.
    pub filters: Filters,
    /// Who created it (the token's name).
    pub created_by: String,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

impl Trigger {
    /// The origin its runs record: `trigger:<name>`.
    pub fn origin(&self) -> String {
        origin_of(&self.name)
    }

    /// The path deliveries are posted to on the web listener.
    pub fn path(&self) -> String {
        format!("/hooks/{}", self.id)
    }
}

/// The origin a trigger's runs record: `trigger:<name>`.
pub fn origin_of(name: &str) -> String {
    format!("trigger:{name}")
}

/// A new trigger, validated by the caller with [`validate_name`] and [`Filters::validate`].
#[derive(Debug, Clone)]
pub struct NewTrigger {
    /// Unique name.
    pub name: String,
    /// Who sends to it.
    pub kind: TriggerKind,
    /// The directive.
    pub directive_name: String,
    /// Which deliveries launch a run.
    pub filters: Filters,
    /// The secret the sender signs (or authenticates) with.
    pub secret: String,
}

/// A trigger's name: as a schedule's.
pub fn validate_name(name: &str) -> Result<(), InvalidField> {
    crate::schedules::validate_name(name)
}

/// The accepted delivery a launch claims, in its transaction: a second delivery with the same key
/// while the first is remembered launches nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TriggerDelivery {
    /// The trigger.
    pub trigger_id: Uuid,
    /// Its name (for the run's origin and the audit row).
    pub trigger_name: String,
    /// The de-duplication key.
    pub dedupe_key: String,
    /// How long the key is remembered.
    pub remember_for: Duration,
}

/// The de-duplication key of an Alertmanager notification: its status, group key and the sorted
/// fingerprints of its alerts, hashed so the key stays short whatever the group's size.
pub fn alert_dedupe_key(status: &str, group_key: &str, fingerprints: &[String]) -> String {
    use sha2::{Digest, Sha256};
    let mut sorted: Vec<&str> = fingerprints.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut hash = Sha256::new();
    for part in [status, group_key].into_iter().chain(sorted) {
        hash.update((part.len() as u64).to_be_bytes());
        hash.update(part.as_bytes());
    }
    let digest = hash.finalize();
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("alertmanager:{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for kind in TriggerKind::ALL {
            assert_eq!(TriggerKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(TriggerKind::parse("gitlab"), None);
    }

    #[test]
    fn github_filters_admit_only_matching_event_and_ref() {
        let f = Filters {
            events: vec!["push".into()],
            refs: vec!["refs/heads/main".into()],
            ..Filters::default()
        };
        assert!(f.admits_github("push", Some("refs/heads/main")));
        assert!(!f.admits_github("push", Some("refs/heads/dev")));
        assert!(!f.admits_github("issues", Some("refs/heads/main")));
        assert!(!f.admits_github("push", None));
        assert!(Filters::default().admits_github("ping", None));
    }

    #[test]
    fn filters_must_fit_the_kind() {
        let f = Filters {
            refs: vec!["refs/heads/main".into()],
            ..Filters::default()
        };
        assert!(f.validate(TriggerKind::Github).is_ok());
        assert!(f.validate(TriggerKind::Generic).is_err());
        let bad = Filters {
            events: vec!["push now".into()],
            ..Filters::default()
        };
        assert!(bad.validate(TriggerKind::Github).is_err());
    }

    #[test]
    fn cool_downs_fit_alert_kinds_and_bounds() {
        let with = |s: u32| Filters {
            cool_down_seconds: Some(s),
            ..Filters::default()
        };
        assert_eq!(Filters::default().cool_down(), ALERT_COOL_DOWN);
        assert_eq!(with(600).cool_down(), Duration::from_secs(600));
        assert!(with(600).validate(TriggerKind::Alertmanager).is_ok());
        assert!(with(600).validate(TriggerKind::Grafana).is_ok());
        assert!(with(600).validate(TriggerKind::Github).is_err());
        assert!(with(59).validate(TriggerKind::Alertmanager).is_err());
        assert!(
            with(8 * 86_400)
                .validate(TriggerKind::Alertmanager)
                .is_err()
        );
    }

    #[test]
    fn alert_keys_ignore_fingerprint_order_but_not_status() {
        let a = alert_dedupe_key("firing", "g", &["b".into(), "a".into()]);
        let b = alert_dedupe_key("firing", "g", &["a".into(), "b".into()]);
        let c = alert_dedupe_key("resolved", "g", &["a".into(), "b".into()]);
        assert_eq!(a, b);
        assert_ne!(a, c);
    }
}
