//! The `since` filters and page tokens of list calls, strictly parsed: a filter bounded to the
//! years PostgreSQL and every client can hold, a page token well-formed (canonical, bounded,
//! clean text) or refused.

use chrono::{DateTime, Utc};

use crate::error::Error;

/// The earliest `since` a filter accepts: the Unix epoch (nothing is older).
const EARLIEST_SINCE_SECONDS: i64 = 0;
/// The latest: the end of year 9999 (PostgreSQL and every client can hold it).
const LATEST_SINCE_SECONDS: i64 = 253_402_300_799;

/// A `since` filter from the wire, bounded to 1970 to 9999 with valid nanoseconds.
pub fn since(
    field: &str,
    since: Option<prost_types::Timestamp>,
) -> Result<Option<DateTime<Utc>>, Error> {
    let Some(t) = since else {
        return Ok(None);
    };
    let out_of_range = || Error::invalid(field, "must be a time between 1970 and 9999");
    if !(EARLIEST_SINCE_SECONDS..=LATEST_SINCE_SECONDS).contains(&t.seconds) {
        return Err(out_of_range());
    }
    let nanos = u32::try_from(t.nanos)
        .ok()
        .filter(|n| *n < 1_000_000_000)
        .ok_or_else(|| Error::invalid(field, "nanos must be 0 to 999999999"))?;
    DateTime::<Utc>::from_timestamp(t.seconds, nanos)
        .map(Some)
        .ok_or_else(out_of_range)
}

/// The longest page token accepted (the server's own are far shorter).
const MAX_PAGE_TOKEN_BYTES: usize = 256;

/// The text inside a well-formed page token ([`page_token`]), strictly: bounded, canonical
/// base64 (so no two tokens name the same page), UTF-8 without control characters. Anything else
/// is refused; the caller then parses the text strictly. Tokens are not signed: a client may
/// make one, which names a page as any filter would.
pub fn page_token_text(token: &str) -> Result<String, Error> {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let invalid = || Error::invalid("page_token", "not a well-formed page token");
    if token.len() > MAX_PAGE_TOKEN_BYTES {
        return Err(invalid());
    }
    let bytes = URL_SAFE_NO_PAD.decode(token).map_err(|_| invalid())?;
    if URL_SAFE_NO_PAD.encode(&bytes) != token {
        return Err(invalid());
    }
    let text = String::from_utf8(bytes).map_err(|_| invalid())?;
    if text.chars().any(char::is_control) {
        return Err(invalid());
    }
    Ok(text)
}

/// A page token holding `text`.
pub fn page_token(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(error: Error) -> String {
        tonic::Status::from(error).message().to_string()
    }

    #[test]
    fn since_is_bounded() {
        let at = |seconds, nanos| Some(prost_types::Timestamp { seconds, nanos });
        assert!(since("since", at(1_700_000_000, 5)).unwrap().is_some());
        assert!(since("since", None).unwrap().is_none());
        for bad in [
            at(-1, 0),
            at(i64::MAX, 0),
            at(300_000_000_000, 0),
            at(0, -1),
        ] {
            let refused = message(since("since", bad).unwrap_err());
            assert!(refused.starts_with("invalid since"), "{refused}");
        }
    }

    #[test]
    fn page_tokens_are_strict() {
        assert_eq!(page_token_text(&page_token("abc")).unwrap(), "abc");
        assert!(page_token_text("not base64!").is_err());
        assert!(page_token_text(&"A".repeat(1000)).is_err());
        // Non-canonical: trailing bits set.
        assert!(page_token_text("YWJj").is_ok());
        assert!(page_token_text("YWJk0").is_err());
        assert!(page_token_text(&page_token("a\0b")).is_err());
    }
}
