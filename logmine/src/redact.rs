//! Secret redaction for example lines.
//!
//! Examples are the only place where raw line text leaves the miner, so they pass through
//! [`redact`] first. Redaction is best effort and errs towards removing too much:
//!
//! - the value after a key-like name (`password`, `passwd`, `pwd`, `secret`, `token`, `api_key`,
//!   `apikey`, `access_key`, `private_key`, `credential`, `auth`, `session`, `cookie`) followed by
//!   `=` or `:` (JSON-quoted or not);
//! - the credential after `Bearer` / `Basic`;
//! - AWS access key ids (`AKIA` + 16 upper-case letters or digits) and JWTs (`eyJ...`);
//! - the password in URL user info (`scheme://user:pass@host`).

/// Placeholder written in place of a secret.
pub const REDACTED: &str = "[REDACTED]";

const SECRET_KEY_WORDS: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "secret",
    "token",
    "api_key",
    "api-key",
    "apikey",
    "access_key",
    "accesskey",
    "private_key",
    "credential",
    "auth",
    "session",
    "cookie",
];

/// Returns `line` as text (invalid UTF-8 replaced) with secrets replaced by [`REDACTED`].
pub fn redact(line: &[u8]) -> String {
    let text = String::from_utf8_lossy(line);
    let text = redact_url_userinfo(&text);
    let text = redact_key_values(&text);
    redact_standalone(&text)
}

fn is_value_end(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '\'' | ',' | ';' | '&' | '}' | ')' | ']' | '>')
}

/// `scheme://user:pass@host` → `scheme://user:[REDACTED]@host`.
fn redact_url_userinfo(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("://") {
        let (before, after) = rest.split_at(i + 3);
        out.push_str(before);
        let authority_end = after
            .find(|c: char| c == '/' || is_value_end(c))
            .unwrap_or(after.len());
        let authority = &after[..authority_end];
        match (authority.rfind('@'), authority.find(':')) {
            (Some(at), Some(colon)) if colon < at => {
                out.push_str(&authority[..=colon]);
                out.push_str(REDACTED);
                out.push_str(&authority[at..]);
            }
            _ => out.push_str(authority),
        }
        rest = &after[authority_end..];
    }
    out.push_str(rest);
    out
}

/// Replaces the value of every `key=value` / `key: value` / `"key": "value"` whose key contains a
/// secret-like word.
fn redact_key_values(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut search_from = 0;
    while search_from < bytes.len() {
        let Some((key_end, _)) = SECRET_KEY_WORDS
            .iter()
            .filter_map(|w| {
                lower[search_from..]
                    .find(w)
                    .map(|i| (search_from + i + w.len(), i))
            })
            .min_by_key(|&(_, i)| i)
        else {
            break;
        };
        // The key may continue (`password_hash`, `tokenId"`): skip to its end.
        let mut p = key_end;
        while p < bytes.len()
            && (bytes[p].is_ascii_alphanumeric() || matches!(bytes[p], b'_' | b'-'))
        {
            p += 1;
        }
        if p < bytes.len() && matches!(bytes[p], b'"' | b'\'') {
            p += 1;
        }
        while p < bytes.len() && bytes[p] == b' ' {
            p += 1;
        }
        if p >= bytes.len() || !matches!(bytes[p], b'=' | b':') {
            search_from = key_end;
            continue;
        }
        p += 1;
        while p < bytes.len() && bytes[p] == b' ' {
            p += 1;
        }
        let quoted = p < bytes.len() && matches!(bytes[p], b'"' | b'\'');
        if quoted {
            p += 1;
        }
        // `Authorization: Bearer xyz`: keep the scheme word, redact what follows.
        for scheme in ["Bearer ", "Basic ", "bearer ", "basic "] {
            if text[p..].starts_with(scheme) {
                p += scheme.len();
            }
        }
        let value_len = text[p..].find(is_value_end).unwrap_or(text.len() - p);
        if value_len > 0 {
            out.push_str(&text[copied..p]);
            out.push_str(REDACTED);
            copied = p + value_len;
        }
        search_from = (p + value_len).max(key_end);
    }
    out.push_str(&text[copied..]);
    out
}

/// Secrets recognisable without a key: `Bearer xyz`, AWS key ids, JWTs.
fn redact_standalone(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous_was_bearer = false;
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        let trailing = &piece[word.len()..];
        let core = word.trim_matches(|c: char| matches!(c, '"' | '\'' | ',' | ';' | '(' | ')'));
        let secret = !core.is_empty()
            && core != REDACTED
            && (previous_was_bearer || is_aws_key_id(core) || is_jwt(core));
        if secret {
            out.push_str(&word.replace(core, REDACTED));
        } else {
            out.push_str(word);
        }
        out.push_str(trailing);
        if !word.is_empty() {
            previous_was_bearer = word.eq_ignore_ascii_case("bearer");
        }
    }
    out
}

fn is_aws_key_id(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 20
        && (b.starts_with(b"AKIA") || b.starts_with(b"ASIA"))
        && b[4..20]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

fn is_jwt(word: &str) -> bool {
    word.starts_with("eyJ") && word.len() > 20 && word.matches('.').count() == 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(redact(input.as_bytes()), expected, "redacting {input:?}");
    }

    #[test]
    fn key_values() {
        check("login password=hunter2 ok", "login password=[REDACTED] ok");
        check("db_password: s3cr3t, next", "db_password: [REDACTED], next");
        check(
            r#"{"api_key":"abcd1234","user":"bob"}"#,
            r#"{"api_key":"[REDACTED]","user":"bob"}"#,
        );
        check("X-Api-Key: 0123456789abcdef0123", "X-Api-Key: [REDACTED]");
        check(
            "secret_token=deadbeefdeadbeefdeadbeef&x=1",
            "secret_token=[REDACTED]&x=1",
        );
    }

    #[test]
    fn bearer_aws_jwt_url() {
        check(
            "Authorization: Bearer abc.def.ghi",
            "Authorization: Bearer [REDACTED]",
        );
        check(
            "sent Bearer zzz9 to upstream",
            "sent Bearer [REDACTED] to upstream",
        );
        check("key AKIAIOSFODNN7EXAMPLE used", "key [REDACTED] used");
        check(
            "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig done",
            "jwt [REDACTED] done",
        );
        check(
            "connect postgres://app:pa55@db.internal:5432/x",
            "connect postgres://app:[REDACTED]@db.internal:5432/x",
        );
    }

    #[test]
    fn harmless_text_is_kept() {
        check("tokens issued: 5", "tokens issued: 5");
        check(
            "session opened for user root",
            "session opened for user root",
        );
        check("\u{fffd} plain", "\u{fffd} plain");
    }
}
