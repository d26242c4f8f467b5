//! Inbound webhooks: a delivery to `/hooks/{id}` (see `web::hooks`) is authenticated with its
//! trigger's secret (`verify`), read by kind (GitHub event and ref, Alertmanager and Grafana alert
//! groups in `alerts`, Standard Webhooks message ids), filtered, and launches the trigger's
//! directive. The run and the delivery's de-duplication row are committed in one transaction
//! (`store::triggers::claim_delivery`), so a repeat launches nothing, whichever replica gets it.

pub mod alerts;
pub mod verify;

use http::HeaderMap;
use uuid::Uuid;

use crate::app::App;
use crate::error::Error;
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::fleet::TargetSelector;
use cyberbrain_model::runs::{LaunchRequest, LaunchSource};
use cyberbrain_model::triggers::{
    GITHUB_DELIVERY_MEMORY, SIGNED_MESSAGE_MEMORY, Trigger, TriggerDelivery, TriggerKind,
};
use cyberbrain_store::error::{Error as StoreError, FireRefused};

use self::alerts::AlertNotification;
use self::verify::Refusal;

/// What became of a genuine delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accepted {
    /// A run was launched (and the delivery recorded with it).
    Launched(Uuid),
    /// The same delivery was accepted before and is remembered: nothing launched.
    Duplicate,
    /// The trigger's filters do not admit it (the reason is a fixed word): nothing launched.
    Ignored(&'static str),
}

impl Accepted {
    /// The metric's reason label.
    pub fn as_str(&self) -> &'static str {
        match self {
            Accepted::Launched(_) => "launched",
            Accepted::Duplicate => "duplicate",
            Accepted::Ignored(_) => "filtered",
        }
    }
}

/// Why a delivery was not accepted.
#[derive(Debug)]
pub enum NotAccepted {
    /// Not genuine, or too old: 401, nothing recorded.
    Refused(Refusal),
    /// Genuine but not readable (the reason is a fixed text, never the sender's): 400.
    Invalid(&'static str),
    /// Genuine, but the launch failed (no such directive any more, no agent matches): 422.
    LaunchFailed(Error),
}

/// What was read from a genuine delivery: its de-duplication key and target, or why it is ignored.
struct Reading {
    dedupe_key: String,
    remember_for: std::time::Duration,
    target: Option<TargetSelector>,
}

/// Authenticates, reads, filters and (when admitted) launches. `source` is the sender's address,
/// for the audit entry; `now` the controller's clock in Unix seconds.
pub async fn accept(
    app: &App,
    trigger: &Trigger,
    secret: &str,
    headers: &HeaderMap,
    body: &[u8],
    source: &str,
    now: i64,
) -> Result<Accepted, NotAccepted> {
    let reading = match read(trigger, secret, headers, body, now)? {
        Ok(reading) => reading,
        Err(ignored) => {
            let audit = AuditEntry::new(trigger.origin(), "trigger.ignored")
                .on(&trigger.name)
                .with(serde_json::json!({ "source": source, "reason": ignored }));
            if let Err(e) = app.store.record_audit(&audit).await {
                tracing::warn!(trigger = %trigger.name, error = %e, "could not audit an ignored delivery");
            }
            return Ok(Accepted::Ignored(ignored));
        }
    };
    let origin = trigger.origin();
    let request = LaunchRequest {
        source: LaunchSource::Directive {
            name: trigger.directive_name.clone(),
            version: None,
        },
        target: reading.target,
        launched_by: format!("{origin} from {source}"),
        queue_timeout: None,
        require_online: false,
        schedule: None,
        // A trigger is a deferred launch: its tasks are checked as an operator's would be.
        acting_role: Some(cyberbrain_model::tokens::Role::Operator),
        delivery: Some(TriggerDelivery {
            trigger_id: trigger.id,
            trigger_name: trigger.name.clone(),
            dedupe_key: reading.dedupe_key,
            remember_for: reading.remember_for,
        }),
    };
    let audit = AuditEntry::new(origin, "run.launch");
    match app.launch_run(request, None, &audit).await {
        Ok(launched) => Ok(Accepted::Launched(launched.run.run.id)),
        Err(Error::Store(StoreError::NotFired(FireRefused::DuplicateDelivery))) => {
            Ok(Accepted::Duplicate)
        }
        Err(e) => Err(NotAccepted::LaunchFailed(e)),
    }
}

/// The genuine delivery's reading (`Ok(Ok)`), or why its content is ignored (`Ok(Err)`).
fn read(
    trigger: &Trigger,
    secret: &str,
    headers: &HeaderMap,
    body: &[u8],
    now: i64,
) -> Result<Result<Reading, &'static str>, NotAccepted> {
    match trigger.kind {
        TriggerKind::Github => {
            verify::github(secret, headers, body).map_err(NotAccepted::Refused)?;
            read_github(trigger, headers, body)
        }
        TriggerKind::Generic => {
            let id = verify::standard(secret, headers, body, now).map_err(NotAccepted::Refused)?;
            Ok(Ok(Reading {
                dedupe_key: bounded_key("generic", &id)?,
                remember_for: SIGNED_MESSAGE_MEMORY,
                target: None,
            }))
        }
        TriggerKind::Alertmanager => {
            verify::bearer(secret, headers).map_err(NotAccepted::Refused)?;
            read_alerts(trigger, body)
        }
        TriggerKind::Grafana => {
            verify::grafana(secret, headers, body, now).map_err(NotAccepted::Refused)?;
            read_alerts(trigger, body)
        }
    }
}

fn read_github(
    trigger: &Trigger,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Result<Reading, &'static str>, NotAccepted> {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let event = text("x-github-event").ok_or(NotAccepted::Invalid("X-GitHub-Event is missing"))?;
    let delivery =
        text("x-github-delivery").ok_or(NotAccepted::Invalid("X-GitHub-Delivery is missing"))?;
    let payload: serde_json::Value = serde_json::from_slice(body).map_err(|_| {
        NotAccepted::Invalid("the body is not JSON (set content type application/json)")
    })?;
    let git_ref = payload.get("ref").and_then(|r| r.as_str());
    if event == "ping" && trigger.filters.events.iter().all(|e| e != "ping") {
        return Ok(Err("ping"));
    }
    if !trigger.filters.admits_github(event, git_ref) {
        return Ok(Err("event or ref not admitted by the trigger's filters"));
    }
    Ok(Ok(Reading {
        dedupe_key: bounded_key("github", delivery)?,
        remember_for: GITHUB_DELIVERY_MEMORY,
        target: None,
    }))
}

fn read_alerts(
    trigger: &Trigger,
    body: &[u8],
) -> Result<Result<Reading, &'static str>, NotAccepted> {
    let notification = AlertNotification::parse(body).ok_or(NotAccepted::Invalid(
        "the body is not an alert notification with a groupKey",
    ))?;
    let target = notification
        .target(&trigger.filters.label_map)
        .map_err(NotAccepted::Invalid)?;
    Ok(Ok(Reading {
        dedupe_key: notification.dedupe_key(),
        remember_for: trigger.filters.cool_down(),
        target,
    }))
}

/// A new secret for a trigger of `kind`: a Standard Webhooks secret (`whsec_` and 32 random
/// bytes in base64) for generic triggers, 32 random bytes in hex for the others (a GitHub webhook
/// secret, Grafana's HMAC secret, Alertmanager's bearer credentials).
pub fn new_secret(kind: TriggerKind) -> Result<String, ring::error::Unspecified> {
    if kind == TriggerKind::Generic {
        return crate::notify::sinks::new_signing_secret();
    }
    let mut key = [0u8; 32];
    ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut key)?;
    Ok(verify::encode_hex(&key))
}

/// A sender's id as a key: printable ASCII, at most 128 bytes.
fn bounded_key(prefix: &str, id: &str) -> Result<String, NotAccepted> {
    if id.is_empty() || id.len() > 128 || !id.chars().all(|c| c.is_ascii_graphic()) {
        return Err(NotAccepted::Invalid(
            "the delivery id must be 1 to 128 printable characters",
        ));
    }
    Ok(format!("{prefix}:{id}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_fresh_and_fit_their_scheme() {
        let a = new_secret(TriggerKind::Github).expect("random");
        let b = new_secret(TriggerKind::Github).expect("random");
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        let generic = new_secret(TriggerKind::Generic).expect("random");
        assert!(generic.starts_with("whsec_"));
        assert!(crate::notify::sinks::sign(&generic, "m", 1, b"{}").is_some());
    }
}
