//! Structured log lines: JSON objects (pino, bunyan, zap, zerolog, slog, logrus, journald's
//! `-o json`, Docker's own) and logfmt (`time=… level=info msg="…" key=value`).
//!
//! The template is made from the message alone (`msg`, `message`, `MESSAGE`, `@message`, `log`…),
//! with `error=<*>` appended when an error field (`error`, `err`, `exception`, `stack`…) is
//! present: its text is a value of the event, seen in the line's examples; the level comes from `level`, `severity`, `lvl`, `levelname` or `PRIORITY`
//! (words or the pino/bunyan and syslog numbers). Every other field is an attribute of the line
//! (time, host, pid, request id…) and stays out of the template, so it cannot split events.
//! A line that is not one of these, or has no message field, is left to the text path.

use crate::Severity;

/// Message keys, most specific first (compared without case).
const MESSAGE_KEYS: &[&str] = &["msg", "message", "@message", "log", "text", "event"];
/// Level keys.
const LEVEL_KEYS: &[&str] = &[
    "level",
    "severity",
    "lvl",
    "levelname",
    "@level",
    "log.level",
    "priority",
    "loglevel",
];
/// Error keys.
const ERROR_KEYS: &[&str] = &[
    "error",
    "err",
    "exception",
    "exc_info",
    "stack",
    "stacktrace",
    "stack_trace",
    "error.message",
];

/// What a structured line holds for the miner.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Fields {
    /// The text to mine: the message, then ` error=<*>` when an error field is present.
    pub body: Vec<u8>,
    /// Severity of the level field.
    pub level: Option<Severity>,
}

/// Reads `line` as JSON or logfmt. `None` when it is neither, or has no message.
pub(crate) fn parse(line: &[u8]) -> Option<Fields> {
    let trimmed = line.trim_ascii();
    match trimmed.first()? {
        b'{' if trimmed.last() == Some(&b'}') => parse_json(trimmed),
        b'"' if is_member_list(trimmed) => {
            // An object's members without its braces: what is left of a JSON line once a
            // collector cut its first members (level, time) into a header of its own.
            let mut object = Vec::with_capacity(trimmed.len() + 2);
            object.push(b'{');
            object.extend_from_slice(trimmed);
            object.push(b'}');
            parse_json(&object)
        }
        _ if looks_like_logfmt(trimmed) => parse_logfmt(trimmed),
        _ => None,
    }
}

/// `"key":` opening the text: it may be the members of a JSON object without its braces.
fn is_member_list(text: &[u8]) -> bool {
    let Some(close) = text[1..].iter().position(|&b| b == b'"') else {
        return false;
    };
    close > 0 && text.get(close + 2) == Some(&b':')
}

fn key_in(key: &str, keys: &[&str]) -> Option<usize> {
    keys.iter().position(|k| k.eq_ignore_ascii_case(key))
}

fn parse_json(line: &[u8]) -> Option<Fields> {
    let object: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(line).ok()?;
    let mut message: Option<(usize, String)> = None;
    let mut error: Option<(usize, String)> = None;
    let mut level = None;
    for (key, value) in &object {
        if let Some(rank) = key_in(key, MESSAGE_KEYS) {
            if let Some(text) = value.as_str()
                && message.as_ref().is_none_or(|(r, _)| rank < *r)
            {
                message = Some((rank, text.to_string()));
            }
        } else if let Some(rank) = key_in(key, ERROR_KEYS) {
            let text = match value {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => continue,
                serde_json::Value::Object(inner) => match inner.get("message") {
                    Some(serde_json::Value::String(s)) => s.clone(),
                    _ => value.to_string(),
                },
                other => other.to_string(),
            };
            if error.as_ref().is_none_or(|(r, _)| rank < *r) {
                error = Some((rank, text));
            }
        } else if key_in(key, LEVEL_KEYS).is_some() && level.is_none() {
            level = match value {
                serde_json::Value::String(s) => level_word(s.as_bytes()),
                serde_json::Value::Number(n) => n
                    .as_u64()
                    .and_then(|n| numeric_level(n, key.eq_ignore_ascii_case("priority"))),
                _ => None,
            };
        }
    }
    let (_, message) = message?;
    Some(fields(
        message.as_bytes(),
        error.as_ref().map(|(_, e)| e.as_bytes()),
        level,
    ))
}

fn fields(message: &[u8], error: Option<&[u8]>, level: Option<Severity>) -> Fields {
    let mut body = message.to_vec();
    if error.is_some_and(|e| !e.trim_ascii().is_empty()) {
        // The error is a value of the event (`PullImage failed` with `not found`, `context
        // deadline exceeded`, …): free text of any length, so one variable. The line's example
        // keeps it.
        body.extend_from_slice(b" error=");
        body.extend_from_slice(crate::mask::WILDCARD);
    }
    // A multi-line message is mined by its first line, as the text path would see it.
    if let Some(end) = body.iter().position(|&b| b == b'\n') {
        body.truncate(end);
    }
    Fields { body, level }
}

/// pino and bunyan: 10 trace … 60 fatal; syslog `PRIORITY`: 0 emerg … 7 debug.
fn numeric_level(n: u64, syslog: bool) -> Option<Severity> {
    if syslog {
        return Some(match n {
            0..=2 => Severity::Fatal,
            3 => Severity::Error,
            4 => Severity::Warn,
            5 | 6 => Severity::Info,
            _ => Severity::Debug,
        });
    }
    Some(match n {
        0..=29 => Severity::Debug,
        30..=39 => Severity::Info,
        40..=49 => Severity::Warn,
        50..=59 => Severity::Error,
        _ => Severity::Fatal,
    })
}

/// A level word in any case (`info`, `WARNING`, `fatal`, `dpanic`), or a syslog priority digit.
pub(crate) fn level_word(word: &[u8]) -> Option<Severity> {
    if word.len() == 1 && word[0].is_ascii_digit() {
        return numeric_level(u64::from(word[0] - b'0'), true);
    }
    let word = word
        .strip_prefix(b"d")
        .filter(|w| w.eq_ignore_ascii_case(b"panic"))
        .unwrap_or(word);
    crate::header::level_word(word)
}

/// `key=value` at the start, and a message key somewhere.
fn looks_like_logfmt(line: &[u8]) -> bool {
    // The first token must be `key=…`: scanning stops at the first byte that is not a key's.
    let key_len = line.iter().take_while(|&&b| is_key_byte(b)).count();
    let first_key = key_len > 0 && line.get(key_len) == Some(&b'=');
    first_key
        && MESSAGE_KEYS.iter().any(|k| {
            let needle = [k.as_bytes(), b"="].concat();
            line.starts_with(&needle)
                || line
                    .windows(needle.len() + 1)
                    .any(|w| w[0] == b' ' && w[1..].eq_ignore_ascii_case(&needle))
        })
}

fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b'@' | b'/')
}

fn parse_logfmt(line: &[u8]) -> Option<Fields> {
    let mut message: Option<(usize, Vec<u8>)> = None;
    let mut error: Option<(usize, Vec<u8>)> = None;
    let mut level = None;
    let mut i = 0;
    while i < line.len() {
        while line.get(i) == Some(&b' ') || line.get(i) == Some(&b'\t') {
            i += 1;
        }
        if i >= line.len() {
            break;
        }
        let key_start = i;
        while i < line.len() && is_key_byte(line[i]) {
            i += 1;
        }
        if i == key_start || line.get(i) != Some(&b'=') {
            // Free text among the pairs: not logfmt.
            return None;
        }
        let key = std::str::from_utf8(&line[key_start..i]).ok()?;
        i += 1;
        let mut value = Vec::new();
        if line.get(i) == Some(&b'"') {
            i += 1;
            loop {
                match line.get(i) {
                    None => return None,
                    Some(b'"') => {
                        i += 1;
                        break;
                    }
                    Some(b'\\') if i + 1 < line.len() => {
                        let escaped = line[i + 1];
                        value.push(match escaped {
                            b'n' => b'\n',
                            b't' => b'\t',
                            other => other,
                        });
                        i += 2;
                    }
                    Some(&b) => {
                        value.push(b);
                        i += 1;
                    }
                }
            }
        } else {
            while i < line.len() && !matches!(line[i], b' ' | b'\t') {
                value.push(line[i]);
                i += 1;
            }
        }
        if let Some(rank) = key_in(key, MESSAGE_KEYS) {
            if message.as_ref().is_none_or(|(r, _)| rank < *r) {
                message = Some((rank, value));
            }
        } else if let Some(rank) = key_in(key, ERROR_KEYS) {
            if error.as_ref().is_none_or(|(r, _)| rank < *r) {
                error = Some((rank, value));
            }
        } else if key_in(key, LEVEL_KEYS).is_some() && level.is_none() {
            level = level_word(&value);
        }
    }
    let (_, message) = message?;
    Some(fields(
        &message,
        error.as_ref().map(|(_, e)| e.as_slice()),
        level,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(line: &str) -> Option<(String, Option<Severity>)> {
        parse(line.as_bytes()).map(|f| (String::from_utf8_lossy(&f.body).into_owned(), f.level))
    }

    #[test]
    fn json_message_level_and_error() {
        assert_eq!(
            body(
                r#"{"level":"error","ts":1714557600.1,"logger":"api.db","caller":"db/pool.go:42","msg":"query failed","error":"connection reset\nstack"}"#
            ),
            Some(("query failed error=<*>".into(), Some(Severity::Error)))
        );
        // pino/bunyan numbers, journald's upper-case keys and syslog priority.
        assert_eq!(
            body(r#"{"level":60,"time":1,"pid":7,"hostname":"h","msg":"boom"}"#),
            Some(("boom".into(), Some(Severity::Fatal)))
        );
        assert_eq!(
            body(r#"{"MESSAGE":"Started Session 4.","PRIORITY":"6","_PID":"1"}"#),
            Some(("Started Session 4.".into(), Some(Severity::Info)))
        );
        // The members without their braces, as a collector leaves them after cutting a header.
        assert_eq!(
            body(r#""msg":"Queue processor started","shard-id":7,"logging-call-at":"q.go:9""#),
            Some(("Queue processor started".into(), None))
        );
        assert_eq!(body(r#""quoted" text: not members"#), None);
        assert_eq!(body(r#""msg":"open"#), None);
        assert_eq!(body(r#"{"a":1}"#), None);
        assert_eq!(body(r#"{"msg": 1, broken"#), None);
    }

    #[test]
    fn logfmt_message_level_and_error() {
        assert_eq!(
            body(
                r#"time=2024-05-01T10:00:00Z level=WARN msg="disk \"data\" at 91%" dev=/dev/sda1 err="io timeout""#
            ),
            Some((
                "disk \"data\" at 91% error=<*>".into(),
                Some(Severity::Warn)
            ))
        );
        assert_eq!(
            body("ts=1 lvl=dpanic message=stop"),
            Some(("stop".into(), Some(Severity::Fatal)))
        );
        // Text that merely holds pairs is not logfmt.
        assert_eq!(body("user=alice logged in msg=x"), None);
        assert_eq!(body("session opened for user=alice"), None);
    }
}
