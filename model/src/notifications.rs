//! Notification rules: which run events go to which sink (Slack, a signed webhook, GitHub
//! issues). A rule's target URL and secret are secrets: the listing type [`NotificationRule`]
//! carries only what may be shown; [`DeliveryTarget`] (the full target) is for the sender alone.

use chrono::{DateTime, Utc};

use crate::InvalidField;

/// An event a rule can be told about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    /// A run ended `failed`.
    RunFailed,
    /// A run ended `partially_failed`.
    RunPartiallyFailed,
    /// A run's report has an error template not seen before.
    FindingNewError,
}

impl EventKind {
    /// Every kind, in the order they are documented.
    pub const ALL: [EventKind; 3] = [
        EventKind::RunFailed,
        EventKind::RunPartiallyFailed,
        EventKind::FindingNewError,
    ];

    /// The wire and database name.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::RunFailed => "run.failed",
            EventKind::RunPartiallyFailed => "run.partially_failed",
            EventKind::FindingNewError => "finding.new_error",
        }
    }

    /// The kind named `s`, if any.
    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// Where a rule's messages go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SinkKind {
    /// A Slack incoming webhook.
    Slack,
    /// Any HTTPS endpoint, JSON signed with the Standard Webhooks headers.
    Webhook,
    /// Issues in a GitHub repository, through its REST API.
    Github,
}

impl SinkKind {
    /// The wire and database name.
    pub fn as_str(self) -> &'static str {
        match self {
            SinkKind::Slack => "slack",
            SinkKind::Webhook => "webhook",
            SinkKind::Github => "github",
        }
    }

    /// The kind named `s`, if any.
    pub fn parse(s: &str) -> Option<SinkKind> {
        [SinkKind::Slack, SinkKind::Webhook, SinkKind::Github]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// Which runs a rule watches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleScope {
    /// Every run, ad-hoc ones included.
    All,
    /// Runs of this directive.
    Directive(String),
}

/// A rule to create, validated by [`NewNotificationRule::validate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNotificationRule {
    /// Unique name.
    pub name: String,
    /// Events it sends (at least one, no repeats).
    pub events: Vec<EventKind>,
    /// Which runs.
    pub scope: RuleScope,
    /// The sink and its target.
    pub target: DeliveryTarget,
}

/// A sink with everything the sender needs: secrets included. Never logged, never shown.
#[derive(Clone, PartialEq, Eq)]
pub struct DeliveryTarget {
    /// The sink.
    pub sink: SinkKind,
    /// The webhook URL, or `owner/repo` for GitHub.
    pub target: String,
    /// The `whsec_…` signing secret (webhook) or the token (GitHub); empty for Slack.
    pub secret: String,
    /// GitHub's REST API root; `None` for the other sinks.
    pub api_url: Option<String>,
}

impl std::fmt::Debug for DeliveryTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeliveryTarget")
            .field("sink", &self.sink)
            .field("target", &self.shown())
            .field("secret", &"<redacted>")
            .finish()
    }
}

impl DeliveryTarget {
    /// What may be shown of the target: a URL's scheme and host (its path holds the secret), a
    /// GitHub repository in full.
    pub fn shown(&self) -> String {
        match self.sink {
            SinkKind::Github => self.target.clone(),
            SinkKind::Slack | SinkKind::Webhook => shown_url(&self.target),
        }
    }
}

/// `scheme://host[:port]/…` of a URL as the HTTP client reads it (WHATWG rules): the path,
/// query and credentials are cut (Slack's secret is its path). Text that is no URL shows as `…`.
pub fn shown_url(url: &str) -> String {
    let Ok(parsed) = url::Url::parse(url) else {
        return "…".into();
    };
    let Some(host) = parsed.host() else {
        return "…".into();
    };
    match parsed.port() {
        Some(port) => format!("{}://{host}:{port}/…", parsed.scheme()),
        None => format!("{}://{host}/…", parsed.scheme()),
    }
}

/// Longest rule name.
pub const MAX_RULE_NAME: usize = 63;

impl NewNotificationRule {
    /// Checks the name, events, directive and target's shape (not its address: the controller
    /// checks that against its private-range policy).
    pub fn validate(&self) -> Result<(), InvalidField> {
        let name_ok = !self.name.is_empty()
            && self.name.len() <= MAX_RULE_NAME
            && self
                .name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !name_ok {
            return Err(InvalidField::new(
                "name",
                format!("must be 1 to {MAX_RULE_NAME} characters of a-z, A-Z, 0-9, '-', '_', '.'"),
            ));
        }
        if self.events.is_empty() {
            return Err(InvalidField::new(
                "events",
                "name at least one of run.failed, run.partially_failed, finding.new_error",
            ));
        }
        let mut sorted = self.events.clone();
        sorted.sort();
        sorted.dedup();
        if sorted.len() != self.events.len() {
            return Err(InvalidField::new("events", "an event is named twice"));
        }
        if let RuleScope::Directive(d) = &self.scope
            && (d.is_empty() || d.len() > 128)
        {
            return Err(InvalidField::new(
                "directive",
                "must be 1 to 128 characters (or choose every run)",
            ));
        }
        let t = &self.target;
        match t.sink {
            SinkKind::Slack | SinkKind::Webhook => check_url("target", &t.target)?,
            SinkKind::Github => {
                let ok = t.target.split_once('/').is_some_and(|(owner, repo)| {
                    let part = |s: &str| {
                        !s.is_empty()
                            && s.len() <= 100
                            && s.chars()
                                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                    };
                    part(owner) && part(repo)
                });
                if !ok {
                    return Err(InvalidField::new(
                        "target",
                        "a GitHub repository is OWNER/REPO (letters, digits, '-', '_', '.')",
                    ));
                }
                if t.secret.is_empty() || t.secret.len() > 512 {
                    return Err(InvalidField::new(
                        "github_token",
                        "the GitHub sink needs a token (at most 512 characters)",
                    ));
                }
                if let Some(api) = &t.api_url {
                    check_url("github_api_url", api)?;
                }
            }
        }
        Ok(())
    }
}

/// An `http` or `https` URL with a host, at most 1024 bytes (the API's limit for a plain field),
/// as the HTTP client parses it (WHATWG rules, the `url` crate).
fn check_url(field: &str, url: &str) -> Result<(), InvalidField> {
    let parsed = url::Url::parse(url).ok();
    let ok = url.len() <= 1024
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
        && parsed.is_some_and(|u| {
            matches!(u.scheme(), "http" | "https") && u.host().is_some() && !u.cannot_be_a_base()
        });
    if !ok {
        return Err(InvalidField::new(
            field,
            "must be an http:// or https:// URL with a host (at most 1024 bytes)",
        ));
    }
    Ok(())
}

/// A stored rule, as listings show it: no secret, the target cut to what may be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct NotificationRule {
    /// Id.
    pub id: uuid::Uuid,
    /// Name.
    pub name: String,
    /// Events.
    pub events: Vec<EventKind>,
    /// Which runs.
    pub scope: RuleScope,
    /// The sink.
    pub sink: SinkKind,
    /// The target as it may be shown.
    pub target_shown: String,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Who created it.
    pub created_by: String,
    /// First failed delivery since the last success.
    pub failing_since: Option<DateTime<Utc>>,
    /// Last successful delivery.
    pub last_success_at: Option<DateTime<Utc>>,
    /// Last delivery error (status and a fixed phrase, never a response body).
    pub last_error: Option<String>,
    /// When it was disabled for failing too long.
    pub disabled_at: Option<DateTime<Utc>>,
    /// Messages waiting.
    pub pending: i64,
    /// Messages delivered.
    pub delivered: i64,
    /// Messages given up on after the last retry.
    pub failed: i64,
}

impl NotificationRule {
    /// `active`, `failing` or `disabled`.
    pub fn state(&self) -> &'static str {
        if self.disabled_at.is_some() {
            "disabled"
        } else if self.failing_since.is_some() {
            "failing"
        } else {
            "active"
        }
    }
}

/// One message claimed for sending: references only, rendered by the sender from the stored
/// report.
#[derive(Debug, Clone)]
pub struct ClaimedMessage {
    /// Outbox row.
    pub id: i64,
    /// `webhook-id`, the same for every attempt.
    pub message_id: uuid::Uuid,
    /// The rule.
    pub rule_id: uuid::Uuid,
    /// Its name, for logs.
    pub rule_name: String,
    /// The run.
    pub run_id: uuid::Uuid,
    /// The event.
    pub event: EventKind,
    /// This attempt's number (1 for the first).
    pub attempt: u32,
    /// When the message was written (at the run's finish).
    pub created_at: DateTime<Utc>,
    /// Where to send it.
    pub target: DeliveryTarget,
}

/// How one attempt went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeliveryOutcome {
    /// The receiver answered 2xx.
    Delivered {
        /// HTTP status.
        status: u16,
    },
    /// It did not: try again at `retry_at`, or give up when `None`.
    Failed {
        /// HTTP status, if an answer came.
        status: Option<u16>,
        /// A short fixed phrase (no response body).
        error: String,
        /// The next attempt; `None`: the last attempt failed.
        retry_at: Option<DateTime<Utc>>,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(target: DeliveryTarget) -> NewNotificationRule {
        NewNotificationRule {
            name: "ops".into(),
            events: vec![EventKind::RunFailed],
            scope: RuleScope::All,
            target,
        }
    }

    #[test]
    fn urls_are_shown_without_path_query_or_credentials() {
        assert_eq!(
            shown_url("https://hooks.slack.com/services/T0/B0/secret"),
            "https://hooks.slack.com/…"
        );
        assert_eq!(
            shown_url("https://user:pw@example.com:8443/x?token=y"),
            "https://example.com:8443/…"
        );
        // The host shown is the one the client connects to, not what a naive split reads.
        assert_eq!(
            shown_url("http://169.254.169.254\\@hooks.example.com/x"),
            "http://169.254.169.254/…"
        );
        assert_eq!(shown_url("http://0x7f000001/"), "http://127.0.0.1/…");
        assert_eq!(shown_url("https://[::1]:8443/p"), "https://[::1]:8443/…");
        assert_eq!(shown_url("not a url"), "…");
        let t = DeliveryTarget {
            sink: SinkKind::Webhook,
            target: "https://e.com/hook/secret-path".into(),
            secret: "whsec_abc".into(),
            api_url: None,
        };
        let debug = format!("{t:?}");
        assert!(
            !debug.contains("secret-path") && !debug.contains("whsec_abc"),
            "{debug}"
        );
    }

    #[test]
    fn validation_names_the_field() {
        let slack = |url: &str| DeliveryTarget {
            sink: SinkKind::Slack,
            target: url.into(),
            secret: String::new(),
            api_url: None,
        };
        assert!(
            rule(slack("https://hooks.slack.com/services/x"))
                .validate()
                .is_ok()
        );
        assert_eq!(
            rule(slack("ftp://x/y")).validate().unwrap_err().field,
            "target"
        );
        let mut r = rule(slack("https://h/x"));
        r.events = vec![EventKind::RunFailed, EventKind::RunFailed];
        assert_eq!(r.validate().unwrap_err().field, "events");
        r.events.clear();
        assert_eq!(r.validate().unwrap_err().field, "events");
        let mut r = rule(slack("https://h/x"));
        r.name = "bad name".into();
        assert_eq!(r.validate().unwrap_err().field, "name");
        let github = |repo: &str, token: &str| DeliveryTarget {
            sink: SinkKind::Github,
            target: repo.into(),
            secret: token.into(),
            api_url: None,
        };
        assert!(rule(github("acme/infra", "ghp_x")).validate().is_ok());
        assert_eq!(
            rule(github("acme", "ghp_x")).validate().unwrap_err().field,
            "target"
        );
        assert_eq!(
            rule(github("acme/infra", "")).validate().unwrap_err().field,
            "github_token"
        );
    }

    #[test]
    fn event_names_round_trip() {
        for kind in EventKind::ALL {
            assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(EventKind::parse("run.succeeded"), None);
    }

    #[test]
    fn target_urls_are_parsed_as_the_http_client_parses_them() {
        for good in [
            "https://hooks.slack.com/services/x",
            "http://127.1/",
            "http://[fd00::1]:8080/x",
            "https://user:pw@example.com/x",
        ] {
            assert!(check_url("target", good).is_ok(), "{good}");
        }
        for bad in [
            "ftp://example.com/x",
            "http://",
            "mailto:ops@example.com",
            "https://exa mple.com/x",
            "https://example.com/\u{7}x",
            "example.com/x",
        ] {
            let err = check_url("target", bad).expect_err(bad);
            assert_eq!(err.field, "target");
        }
        assert!(check_url("target", &format!("https://e.com/{}", "a".repeat(1024))).is_err());
    }
}
