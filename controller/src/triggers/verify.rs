//! Authenticating inbound deliveries: each check compares in constant time (`ring::hmac::verify`)
//! and says only whether the delivery is genuine, never why a signature differs.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use http::HeaderMap;
use ring::hmac;

use cyberbrain_model::triggers::TIMESTAMP_TOLERANCE;

/// Why a delivery is not accepted as genuine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A header is missing, malformed, or the signature does not match.
    BadSignature,
    /// The signed timestamp is more than five minutes from the controller's clock.
    Stale,
}

impl Refusal {
    /// The metric's reason label.
    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::BadSignature => "bad_signature",
            Refusal::Stale => "stale",
        }
    }
}

fn header<'a>(headers: &'a HeaderMap, name: &str) -> Result<&'a str, Refusal> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .ok_or(Refusal::BadSignature)
}

/// GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>`, keyed with the secret.
pub fn github(secret: &str, headers: &HeaderMap, body: &[u8]) -> Result<(), Refusal> {
    let value = header(headers, "x-hub-signature-256")?;
    let tag = value
        .strip_prefix("sha256=")
        .and_then(decode_hex)
        .ok_or(Refusal::BadSignature)?;
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
    hmac::verify(&key, body, &tag).map_err(|_| Refusal::BadSignature)
}

/// Standard Webhooks: `webhook-id`, `webhook-timestamp` (seconds, within ±5 minutes of `now`) and
/// `webhook-signature` (space-separated `v1,<base64>`; any one matching is enough, for key
/// rotation). Returns the message id, the de-duplication key.
pub fn standard(
    secret: &str,
    headers: &HeaderMap,
    body: &[u8],
    now: i64,
) -> Result<String, Refusal> {
    let id = header(headers, "webhook-id")?;
    let timestamp = parse_timestamp(header(headers, "webhook-timestamp")?)?;
    let signatures = header(headers, "webhook-signature")?;
    let key = crate::notify::sinks::standard_webhooks_key(secret).ok_or(Refusal::BadSignature)?;
    let content = crate::notify::sinks::standard_webhooks_content(id, timestamp, body);
    let genuine = signatures
        .split_ascii_whitespace()
        .filter_map(|s| s.strip_prefix("v1,"))
        .filter_map(|s| BASE64.decode(s).ok())
        .any(|tag| hmac::verify(&key, &content, &tag).is_ok());
    if !genuine {
        return Err(Refusal::BadSignature);
    }
    // Checked after the signature, so an unsigned request learns nothing about the window.
    check_window(timestamp, now)?;
    Ok(id.to_string())
}

/// Grafana alerting's webhook contact point with HMAC signing and a timestamp header:
/// `X-Grafana-Alerting-Signature: <hex HMAC-SHA256 of "{timestamp}:{body}">` and
/// `X-Grafana-Alerting-Signature-Timestamp: <unix seconds>`, required and within ±5 minutes.
pub fn grafana(secret: &str, headers: &HeaderMap, body: &[u8], now: i64) -> Result<(), Refusal> {
    let tag = decode_hex(header(headers, "x-grafana-alerting-signature")?)
        .ok_or(Refusal::BadSignature)?;
    let raw_timestamp = header(headers, "x-grafana-alerting-signature-timestamp")?;
    let timestamp = parse_timestamp(raw_timestamp)?;
    let mut content = Vec::with_capacity(raw_timestamp.len() + 1 + body.len());
    content.extend_from_slice(raw_timestamp.as_bytes());
    content.push(b':');
    content.extend_from_slice(body);
    let key = hmac::Key::new(hmac::HMAC_SHA256, secret.as_bytes());
    hmac::verify(&key, &content, &tag).map_err(|_| Refusal::BadSignature)?;
    check_window(timestamp, now)
}

/// Alertmanager: `Authorization: Bearer <secret>` (its `http_config.authorization.credentials`).
/// Compared as HMACs of both values, so the comparison is constant-time whatever their lengths.
pub fn bearer(secret: &str, headers: &HeaderMap) -> Result<(), Refusal> {
    let value = header(headers, "authorization")?;
    let given = value
        .split_once(' ')
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim())
        .ok_or(Refusal::BadSignature)?;
    let key = hmac::Key::new(hmac::HMAC_SHA256, b"cyberbrain trigger bearer comparison");
    let expected = hmac::sign(&key, secret.as_bytes());
    hmac::verify(&key, given.as_bytes(), expected.as_ref()).map_err(|_| Refusal::BadSignature)
}

fn parse_timestamp(value: &str) -> Result<i64, Refusal> {
    value.parse::<i64>().map_err(|_| Refusal::BadSignature)
}

fn check_window(timestamp: i64, now: i64) -> Result<(), Refusal> {
    let tolerance = i64::try_from(TIMESTAMP_TOLERANCE.as_secs()).unwrap_or(300);
    match now.checked_sub(timestamp) {
        Some(skew) if skew.abs() <= tolerance => Ok(()),
        _ => Err(Refusal::Stale),
    }
}

/// Lower- or upper-case hex to bytes; `None` unless every pair is hex.
fn decode_hex(text: &str) -> Option<Vec<u8>> {
    // Written here rather than adding a crate: a dozen lines, one use.
    if !text.len().is_multiple_of(2) {
        return None;
    }
    text.as_bytes()
        .chunks(2)
        .map(|pair| {
            let digit = |b: u8| (b as char).to_digit(16);
            Some((digit(pair[0])? * 16 + digit(pair[1])?) as u8)
        })
        .collect()
}

/// Hex of `bytes` (lower case), for signing in tests and tools.
pub fn encode_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(pairs: &[(&'static str, String)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.insert(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    #[test]
    fn github_signature_is_checked_over_the_raw_body() {
        let key = hmac::Key::new(hmac::HMAC_SHA256, b"s3cret");
        let tag = encode_hex(hmac::sign(&key, b"{\"ref\":1}").as_ref());
        let good = headers(&[("x-hub-signature-256", format!("sha256={tag}"))]);
        assert_eq!(github("s3cret", &good, b"{\"ref\":1}"), Ok(()));
        assert_eq!(
            github("s3cret", &good, b"{\"ref\":2}"),
            Err(Refusal::BadSignature)
        );
        assert_eq!(
            github("other", &good, b"{\"ref\":1}"),
            Err(Refusal::BadSignature)
        );
        let bare = headers(&[("x-hub-signature-256", tag)]);
        assert_eq!(
            github("s3cret", &bare, b"{\"ref\":1}"),
            Err(Refusal::BadSignature)
        );
        assert_eq!(
            github("s3cret", &HeaderMap::new(), b""),
            Err(Refusal::BadSignature)
        );
    }

    #[test]
    fn standard_webhooks_need_a_fresh_timestamp() {
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let sig = crate::notify::sinks::sign(secret, "msg_1", 1000, b"{}").unwrap();
        let h = headers(&[
            ("webhook-id", "msg_1".into()),
            ("webhook-timestamp", "1000".into()),
            ("webhook-signature", format!("v1,bm90IGl0 {sig}")),
        ]);
        assert_eq!(standard(secret, &h, b"{}", 1200).as_deref(), Ok("msg_1"));
        assert_eq!(standard(secret, &h, b"{}", 1400), Err(Refusal::Stale));
        assert_eq!(
            standard(secret, &h, b"{ }", 1000),
            Err(Refusal::BadSignature)
        );
    }

    #[test]
    fn grafana_signs_timestamp_and_body() {
        let key = hmac::Key::new(hmac::HMAC_SHA256, b"g");
        let tag = encode_hex(hmac::sign(&key, b"1000:{}").as_ref());
        let h = headers(&[
            ("x-grafana-alerting-signature", tag.clone()),
            ("x-grafana-alerting-signature-timestamp", "1000".into()),
        ]);
        assert_eq!(grafana("g", &h, b"{}", 1000), Ok(()));
        assert_eq!(grafana("g", &h, b"{}", 1000 + 301), Err(Refusal::Stale));
        let no_time = headers(&[("x-grafana-alerting-signature", tag)]);
        assert_eq!(
            grafana("g", &no_time, b"{}", 1000),
            Err(Refusal::BadSignature)
        );
    }

    #[test]
    fn bearer_must_match_exactly() {
        let h = headers(&[("authorization", "Bearer tok".into())]);
        assert_eq!(bearer("tok", &h), Ok(()));
        assert_eq!(bearer("tok2", &h), Err(Refusal::BadSignature));
        let basic = headers(&[("authorization", "Basic tok".into())]);
        assert_eq!(bearer("tok", &basic), Err(Refusal::BadSignature));
    }
}
