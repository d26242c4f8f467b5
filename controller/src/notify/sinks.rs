//! Sending one message to its sink over HTTP: Slack's incoming webhook, a generic webhook signed
//! with the Standard Webhooks headers, or GitHub's REST API (an issue per fingerprint, comments on
//! repeats).
//!
//! Only 2xx counts as delivered (redirects are not followed, so 3xx fails). Errors carry a status
//! and a fixed phrase, never a response body or the URL (the URL is a secret).

use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use chrono::{DateTime, Utc};
use ring::hmac;

use super::render::Message;
use super::targets::{GuardedResolver, check_literal_host};
use cyberbrain_model::notifications::{DeliveryTarget, SinkKind};

/// The longest `Retry-After` honoured: a day.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(86_400);
/// GitHub's REST API root when a rule names none.
pub const GITHUB_API: &str = "https://api.github.com";

/// How one attempt went on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// The final HTTP status, if an answer came.
    pub status: Option<u16>,
    /// 2xx.
    pub delivered: bool,
    /// What the receiver asked us to wait (`Retry-After`, or GitHub's rate-limit reset).
    pub retry_after: Option<Duration>,
    /// A fixed phrase for failures.
    pub error: String,
}

impl Attempt {
    fn refused(error: &str) -> Attempt {
        Attempt {
            status: None,
            delivered: false,
            retry_after: None,
            error: error.to_string(),
        }
    }

    fn from_response(response: &reqwest::Response) -> Attempt {
        let status = response.status();
        let delivered = status.is_success();
        Attempt {
            status: Some(status.as_u16()),
            delivered,
            retry_after: retry_after(response.headers(), Utc::now()),
            error: if delivered {
                String::new()
            } else {
                format!("the receiver answered {}", status.as_u16())
            },
        }
    }
}

/// The HTTP client for every sink: the private-range resolver, no redirects, a timeout.
pub fn client(allow_private: bool, timeout: Duration) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .dns_resolver(GuardedResolver::new(allow_private))
        .redirect(reqwest::redirect::Policy::none())
        .timeout(timeout)
        .user_agent(concat!("cyberbrain/", env!("CARGO_PKG_VERSION")))
        .build()
}

/// A phrase for a transport error: no URL (a secret), no body.
fn transport_error(error: &reqwest::Error) -> Attempt {
    let mut source: Option<&dyn std::error::Error> = Some(error);
    while let Some(e) = source {
        if e.is::<super::targets::PrivateTarget>() {
            return Attempt::refused(
                "the target resolves only to private addresses (refused without --allow-private-targets)",
            );
        }
        source = e.source();
    }
    let phrase = if error.is_timeout() {
        "the request timed out"
    } else if error.is_connect() {
        "could not connect"
    } else {
        "the request failed"
    };
    Attempt::refused(phrase)
}

/// `Retry-After` as seconds or an HTTP date, or GitHub's `x-ratelimit-reset` when
/// `x-ratelimit-remaining` is 0; capped at a day.
pub fn retry_after(headers: &reqwest::header::HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    let text = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
    };
    let wait = if let Some(value) = text("retry-after") {
        if let Ok(seconds) = value.parse::<u64>() {
            Some(Duration::from_secs(seconds))
        } else {
            let at = DateTime::parse_from_rfc2822(value).ok()?;
            Some(
                (at.with_timezone(&Utc) - now)
                    .to_std()
                    .unwrap_or(Duration::ZERO),
            )
        }
    } else if text("x-ratelimit-remaining") == Some("0") {
        let reset: i64 = text("x-ratelimit-reset")?.parse().ok()?;
        let at = DateTime::from_timestamp(reset, 0)?;
        Some((at - now).to_std().unwrap_or(Duration::ZERO))
    } else {
        None
    };
    wait.map(|w| w.min(MAX_RETRY_AFTER))
}

/// A new Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64.
pub fn new_signing_secret() -> Result<String, ring::error::Unspecified> {
    let mut key = [0u8; 32];
    ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut key)?;
    Ok(format!("whsec_{}", BASE64.encode(key)))
}

/// The `webhook-signature` value: `v1,` and the base64 HMAC-SHA256, keyed with the secret's
/// base64-decoded part after `whsec_`, over `{id}.{timestamp}.{body}`.
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &[u8]) -> Option<String> {
    let key = standard_webhooks_key(secret)?;
    let tag = hmac::sign(&key, &standard_webhooks_content(id, timestamp, body));
    Some(format!("v1,{}", BASE64.encode(tag.as_ref())))
}

/// The HMAC-SHA256 key of a Standard Webhooks secret (`whsec_` and base64); `None` when the
/// secret is not base64. Shared with inbound verification (`hooks::verify`).
pub fn standard_webhooks_key(secret: &str) -> Option<hmac::Key> {
    let key = BASE64
        .decode(secret.strip_prefix("whsec_").unwrap_or(secret))
        .ok()?;
    Some(hmac::Key::new(hmac::HMAC_SHA256, &key))
}

/// What a Standard Webhooks signature covers: `{id}.{timestamp}.{body}`.
pub fn standard_webhooks_content(id: &str, timestamp: i64, body: &[u8]) -> Vec<u8> {
    let mut content = Vec::with_capacity(id.len() + body.len() + 24);
    content.extend_from_slice(id.as_bytes());
    content.push(b'.');
    content.extend_from_slice(timestamp.to_string().as_bytes());
    content.push(b'.');
    content.extend_from_slice(body);
    content
}

/// Sends `message` to `target`. `message_id` is the same for every attempt of one message.
pub async fn send(
    client: &reqwest::Client,
    allow_private: bool,
    target: &DeliveryTarget,
    message_id: uuid::Uuid,
    message: &Message,
) -> Attempt {
    match target.sink {
        SinkKind::Slack => {
            if let Err(e) = check_literal_host(&target.target, allow_private) {
                return Attempt::refused(e);
            }
            post_json(client, &target.target, &message.slack_json(), &[]).await
        }
        SinkKind::Webhook => {
            if let Err(e) = check_literal_host(&target.target, allow_private) {
                return Attempt::refused(e);
            }
            let now = Utc::now();
            let body = message.webhook_json();
            let Ok(bytes) = serde_json::to_vec(&body) else {
                return Attempt::refused("the message could not be encoded");
            };
            let id = format!("msg_{}", message_id.simple());
            let timestamp = now.timestamp();
            let Some(signature) = sign(&target.secret, &id, timestamp, &bytes) else {
                return Attempt::refused("the rule's signing secret is not valid base64");
            };
            let headers = [
                ("webhook-id", id),
                ("webhook-timestamp", timestamp.to_string()),
                ("webhook-signature", signature),
            ];
            let request = client
                .post(&target.target)
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(bytes);
            let request = headers
                .into_iter()
                .fold(request, |r, (name, value)| r.header(name, value));
            match request.send().await {
                Ok(response) => Attempt::from_response(&response),
                Err(e) => transport_error(&e),
            }
        }
        SinkKind::Github => github(client, allow_private, target, message).await,
    }
}

async fn post_json(
    client: &reqwest::Client,
    url: &str,
    body: &serde_json::Value,
    headers: &[(&str, String)],
) -> Attempt {
    let request = headers
        .iter()
        .fold(client.post(url).json(body), |r, (name, value)| {
            r.header(*name, value)
        });
    match request.send().await {
        Ok(response) => Attempt::from_response(&response),
        Err(e) => transport_error(&e),
    }
}

/// GitHub: find the open issue labelled with the message's fingerprint; comment on it, or open
/// one with that label. The lookup comes first on every attempt, so a retry after an issue was
/// opened but not recorded comments instead of opening a second.
async fn github(
    client: &reqwest::Client,
    allow_private: bool,
    target: &DeliveryTarget,
    message: &Message,
) -> Attempt {
    let api = target
        .api_url
        .as_deref()
        .unwrap_or(GITHUB_API)
        .trim_end_matches('/');
    if let Err(e) = check_literal_host(api, allow_private) {
        return Attempt::refused(e);
    }
    let repo = &target.target;
    let label = format!("cyberbrain-{}", message.fingerprint);
    let headers = [
        ("accept", "application/vnd.github+json".to_string()),
        ("authorization", format!("Bearer {}", target.secret)),
        ("x-github-api-version", "2022-11-28".to_string()),
    ];
    let lookup = headers.iter().fold(
        client.get(format!("{api}/repos/{repo}/issues")).query(&[
            ("labels", label.as_str()),
            ("state", "open"),
            ("per_page", "1"),
        ]),
        |r, (name, value)| r.header(*name, value),
    );
    let response = match lookup.send().await {
        Ok(r) => r,
        Err(e) => return transport_error(&e),
    };
    if !response.status().is_success() {
        return Attempt::from_response(&response);
    }
    let Ok(open) = response.json::<Vec<serde_json::Value>>().await else {
        return Attempt::refused("GitHub's issue list could not be read");
    };
    let (title, body) = message.github_issue();
    match open.first().and_then(|issue| issue["number"].as_u64()) {
        Some(number) => {
            post_json(
                client,
                &format!("{api}/repos/{repo}/issues/{number}/comments"),
                &serde_json::json!({ "body": body }),
                &headers,
            )
            .await
        }
        None => {
            post_json(
                client,
                &format!("{api}/repos/{repo}/issues"),
                &serde_json::json!({ "title": title, "body": body, "labels": [label] }),
                &headers,
            )
            .await
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_matches_the_standard_webhooks_example() {
        // The example in the Standard Webhooks specification.
        let signature = sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1614265330,
            br#"{"test": 2432232314}"#,
        );
        assert_eq!(
            signature.as_deref(),
            Some("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        );
    }

    #[test]
    fn retry_after_reads_seconds_dates_and_rate_limits() {
        let now = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut h = reqwest::header::HeaderMap::new();
        h.insert("retry-after", "7".parse().unwrap());
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(7)));
        h.insert(
            "retry-after",
            "Thu, 01 Jan 2026 00:01:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(60)));
        h.insert("retry-after", "999999999".parse().unwrap());
        assert_eq!(retry_after(&h, now), Some(MAX_RETRY_AFTER));
        let mut g = reqwest::header::HeaderMap::new();
        g.insert("x-ratelimit-remaining", "0".parse().unwrap());
        g.insert(
            "x-ratelimit-reset",
            (now.timestamp() + 30).to_string().parse().unwrap(),
        );
        assert_eq!(retry_after(&g, now), Some(Duration::from_secs(30)));
    }

    #[test]
    fn signing_secrets_are_whsec_and_32_bytes() {
        let s = new_signing_secret().unwrap();
        let key = BASE64.decode(s.strip_prefix("whsec_").unwrap()).unwrap();
        assert_eq!(key.len(), 32);
    }
}
