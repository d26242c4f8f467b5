//! Secret redaction for example lines and template texts.
//!
//! Examples are the only place where raw line text leaves the miner, so they pass through
//! [`redact`] first; template texts are redacted too, since a word without digits stays literal
//! in a template. Redaction is best effort and errs towards removing too much:
//!
//! - the value after a key-like name (`password`, `passwd`, `pwd`, `secret`, `token`, `api_key`,
//!   `apikey`, `access_key`, `private_key`, `credential`, `auth`, `session`, `cookie`) followed by
//!   `=` or `:` (JSON-quoted or not), except keys that only describe a secret (`token_count`,
//!   `auth_type`, `secret_name`, `author`, …) and the values `true`, `false` and `null`;
//! - the credential after `Bearer` / `Basic` (a plain lower-case word after "bearer" is prose);
//! - AWS access key ids (`AKIA`/`ASIA` + 16 upper-case letters or digits), AWS secret access keys
//!   (40 characters of base64 with upper, lower case and digits, on a line that names AWS or
//!   holds a key id), JWTs (`eyJ…` with two dots), and tokens with a well-known prefix (ours,
//!   `cbt_` and `cbj_`; GitHub, GitLab, Slack, Stripe, npm, Google API keys);
//! - the password in URL user info (`scheme://user:pass@host`);
//! - PEM private keys: on one line (escaped newlines) everything between the `BEGIN … PRIVATE
//!   KEY` and `END` markers; across lines, [`PrivateKeyBlocks`] follows the block so that every
//!   line of its body is replaced whole (the miner keeps one per stream).
//!
//! `logmine/tests/redaction_corpus/` holds the cases, near misses included, run by
//! `logmine/tests/redaction.rs`.

/// Placeholder written in place of a secret.
pub const REDACTED: &str = "[REDACTED]";

/// The placeholder without its brackets, which value and word boundaries may cut off.
const PLACEHOLDER_WORD: &str = "REDACTED";

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

/// Returns `line` as text (invalid UTF-8 replaced) with secrets replaced by [`REDACTED`]. A
/// private key that begins on this line and does not end on it is cut from its marker on.
pub fn redact(line: &[u8]) -> String {
    let mut fresh = PrivateKeyBlocks::default();
    let part = fresh.observe(line);
    redact_part(line, part)
}

/// Like [`redact`], for a line whose place in a private key block [`PrivateKeyBlocks::observe`]
/// has told.
pub fn redact_part(line: &[u8], part: KeyBlockPart) -> String {
    let text = String::from_utf8_lossy(line);
    match part {
        KeyBlockPart::Outside => redact_text(&text),
        KeyBlockPart::Body => REDACTED.to_string(),
        // Positions are found again in the text, where invalid bytes may have changed width.
        KeyBlockPart::Begins => match private_key_begin(text.as_bytes(), 0) {
            Some((_, marker_end)) => format!("{}{REDACTED}", redact_text(&text[..marker_end])),
            None => REDACTED.to_string(),
        },
        // What follows the end marker may open another block: `redact` tells.
        KeyBlockPart::Ends => match find(text.as_bytes(), PEM_END, 0) {
            Some(0) => redact(text.as_bytes()),
            Some(start) => format!("{REDACTED}{}", redact(&text.as_bytes()[start..])),
            None => REDACTED.to_string(),
        },
    }
}

fn redact_text(text: &str) -> String {
    let text = redact_inline_private_keys(text);
    let text = redact_url_userinfo(&text);
    let text = redact_key_values(&text);
    redact_standalone(&text)
}

/// Where a line stands relative to a multi-line PEM private key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyBlockPart {
    /// Not in a private key (or one that begins and ends on this line).
    Outside,
    /// Holds a `BEGIN … PRIVATE KEY-----` marker and no end marker: what follows the marker is
    /// key material.
    Begins,
    /// A line between the markers: all key material.
    Body,
    /// Holds the `-----END` marker: what precedes it is key material.
    Ends,
}

/// Follows PEM private key blocks through a stream of lines, so that the lines between the
/// markers, which look like any base64, are known to be key material.
#[derive(Debug, Clone, Default)]
pub struct PrivateKeyBlocks {
    inside: bool,
}

const PEM_BEGIN: &[u8] = b"-----BEGIN ";
const PEM_END: &[u8] = b"-----END ";
const PEM_DASHES: &[u8] = b"-----";

impl PrivateKeyBlocks {
    /// Tells where `line` stands and moves the state past it. Cheap for lines without `-----`.
    pub fn observe(&mut self, line: &[u8]) -> KeyBlockPart {
        if !self.inside && !has_dash_run(line) {
            return KeyBlockPart::Outside;
        }
        let (ends, from) = if self.inside {
            match find(line, PEM_END, 0) {
                Some(start) => (true, start + PEM_END.len()),
                None => return KeyBlockPart::Body,
            }
        } else {
            (false, 0)
        };
        // A block may begin (again) later on the line and stay open past its end.
        self.inside = leaves_a_block_open(line, from);
        match (ends, self.inside) {
            (true, _) => KeyBlockPart::Ends,
            (false, true) => KeyBlockPart::Begins,
            (false, false) => KeyBlockPart::Outside,
        }
    }

    /// Whether the next line would be inside a block.
    pub fn inside(&self) -> bool {
        self.inside
    }
}

/// Whether `line` holds five dashes in a row, as every PEM marker does. Any such run covers one
/// position in five, so only those are read: most lines cost a fifth of their length.
fn has_dash_run(line: &[u8]) -> bool {
    let mut i = PEM_DASHES.len() - 1;
    while i < line.len() {
        if line[i] != b'-' {
            i += PEM_DASHES.len();
            continue;
        }
        let start = line[..i]
            .iter()
            .rposition(|&b| b != b'-')
            .map_or(0, |p| p + 1);
        let end = line[i..]
            .iter()
            .position(|&b| b != b'-')
            .map_or(line.len(), |p| i + p);
        if end - start >= PEM_DASHES.len() {
            return true;
        }
        // `line[end]` is not a dash: the next run starts after it.
        i = end + PEM_DASHES.len();
    }
    false
}

/// The first `needle` in `haystack` at or after `from`. Scans for the first byte, then compares:
/// every mined line passes through here, and most have no `-----` at all.
fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let (&first, _) = needle.split_first()?;
    let mut at = from;
    loop {
        at += haystack.get(at..)?.iter().position(|&b| b == first)?;
        if haystack[at..].starts_with(needle) {
            return Some(at);
        }
        at += 1;
    }
}

/// Whether, reading from `from`, the line ends inside a private key: its last begin marker has no
/// end marker after it.
fn leaves_a_block_open(line: &[u8], from: usize) -> bool {
    let mut at = from;
    loop {
        let Some((_, marker_end)) = private_key_begin(line, at) else {
            return false;
        };
        match find(line, PEM_END, marker_end) {
            Some(end) => at = end + PEM_END.len(),
            None => return true,
        }
    }
}

/// The start and end of the first `-----BEGIN <label with PRIVATE KEY>-----` from `from`.
fn private_key_begin(line: &[u8], from: usize) -> Option<(usize, usize)> {
    let mut search = from;
    while let Some(start) = find(line, PEM_BEGIN, search) {
        let label_start = start + PEM_BEGIN.len();
        let label_end = find(line, PEM_DASHES, label_start)?;
        let label = &line[label_start..label_end];
        if label.len() <= 64 && find(label, b"PRIVATE KEY", 0).is_some() {
            return Some((start, label_end + PEM_DASHES.len()));
        }
        search = label_start;
    }
    None
}

/// `-----BEGIN RSA PRIVATE KEY-----\nMIIE…\n-----END RSA PRIVATE KEY-----` on one line: the
/// material between the markers goes.
fn redact_inline_private_keys(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    while let Some((_, marker_end)) = private_key_begin(bytes, copied) {
        let Some(end_start) = find(bytes, PEM_END, marker_end) else {
            break;
        };
        out.push_str(&text[copied..marker_end]);
        out.push_str(REDACTED);
        copied = end_start;
        // Skip past this END marker before looking for the next block.
        let after = find(bytes, PEM_DASHES, end_start + PEM_END.len())
            .map_or(bytes.len(), |i| i + PEM_DASHES.len());
        out.push_str(&text[copied..after]);
        copied = after;
    }
    out.push_str(&text[copied..]);
    out
}

fn is_value_end(c: char) -> bool {
    c.is_whitespace() || matches!(c, '"' | '\'' | ',' | ';' | '&' | '}' | ')' | ']' | '>')
}

/// `scheme://user:pass@host` → `scheme://user:[REDACTED]@host`.
fn redact_url_userinfo(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // Whether `rest` starts with an authority (the previous one ran into `scheme:` of the next
    // URL, as in `…@db:5432https://user:pw@host`).
    let mut at_authority = false;
    loop {
        let after = if at_authority {
            rest
        } else {
            let Some(i) = rest.find("://") else {
                break;
            };
            let (before, after) = rest.split_at(i + 3);
            out.push_str(before);
            after
        };
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
            // A token as the user name (`https://ghp_…@github.com`); `git@` stays.
            (Some(at), _) if has_token_prefix(&authority[..at]) || is_jwt(&authority[..at]) => {
                out.push_str(REDACTED);
                out.push_str(&authority[at..]);
            }
            _ => out.push_str(authority),
        }
        rest = &after[authority_end..];
        at_authority = authority.ends_with(':') && rest.starts_with("//");
        if at_authority {
            out.push_str("//");
            rest = &rest[2..];
        }
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
        let Some((key_end, offset)) = SECRET_KEY_WORDS
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
        let is_key_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.');
        // The key may start earlier (`db_password`) and continue (`password_hash`, `tokenId"`).
        let mut key_start = search_from + offset;
        while key_start > 0 && is_key_byte(bytes[key_start - 1]) {
            key_start -= 1;
        }
        let mut p = key_end;
        while p < bytes.len() && is_key_byte(bytes[p]) {
            p += 1;
        }
        if describes_a_secret(&lower[key_start..p]) {
            search_from = p.max(key_end);
            continue;
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
        let quote = (p < bytes.len() && matches!(bytes[p], b'"' | b'\'')).then(|| bytes[p] as char);
        if quote.is_some() {
            p += 1;
        }
        // `Authorization: Bearer xyz`: keep the scheme word, redact what follows.
        for scheme in ["Bearer ", "Basic ", "bearer ", "basic "] {
            if text[p..].starts_with(scheme) {
                p += scheme.len();
            }
        }
        if text[p..].starts_with(REDACTED) {
            // Already redacted (by an earlier pass or rule).
            search_from = p + REDACTED.len();
            continue;
        }
        let value_len = if let Some(quote) = quote {
            // A quoted value runs to its closing quote, spaces and all.
            text[p..].find(quote).unwrap_or(text.len() - p)
        } else {
            text[p..].find(is_value_end).unwrap_or(text.len() - p)
        };
        // Booleans are not secrets, and a value holding the placeholder (`[[REDACTED]`, cut
        // short by its bracket) was redacted already: redacting twice changes nothing.
        let harmless = matches!(&lower[p..p + value_len], "true" | "false" | "null")
            || text[p..p + value_len].contains(PLACEHOLDER_WORD);
        if value_len > 0 && !harmless {
            out.push_str(&text[copied..p]);
            out.push_str(REDACTED);
            copied = p + value_len;
        }
        search_from = (p + value_len).max(key_end);
    }
    out.push_str(&text[copied..]);
    out
}

/// Keys that name a secret-like word but hold something else: a count, a kind, a name, a time,
/// or a different word altogether (`author`).
fn describes_a_secret(key: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "count",
        "type",
        "len",
        "length",
        "ttl",
        "expiry",
        "expires",
        "expires_in",
        "_at",
        "tokens",
        "tokens_used",
        "limit",
        "size",
        "name",
        "_id",
        "file",
        "path",
        "method",
        "author",
        "authors",
        "authority",
        "enabled",
        "required",
    ];
    SUFFIXES.iter().any(|s| key.ends_with(s))
}

/// Secrets recognisable without a key: the credential after `Bearer`, AWS key ids and secret
/// keys, JWTs, and tokens with a well-known prefix. A word may carry the secret after its last
/// `=` or `:` (`key=AKIA…`).
fn redact_standalone(text: &str) -> String {
    // Only asked when a word has the shape of an AWS secret key, which is rare.
    let aws_context = std::cell::OnceCell::new();
    let aws_context = || {
        *aws_context.get_or_init(|| {
            text.to_ascii_lowercase().contains("aws")
                || text.split_whitespace().any(|w| {
                    w.rsplit(['=', ':'])
                        .next()
                        .is_some_and(|v| is_aws_key_id(trim_quotes(v)))
                })
        })
    };
    let mut out = String::with_capacity(text.len());
    let mut previous_was_bearer = false;
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        let trailing = &piece[word.len()..];
        let core = trim_quotes(word);
        let value = trim_quotes(core.rsplit(['=', ':']).next().unwrap_or(core));
        let secret = |candidate: &str| {
            !candidate.is_empty()
                && !candidate.contains(PLACEHOLDER_WORD)
                && ((previous_was_bearer && looks_like_credential(candidate))
                    || is_aws_key_id(candidate)
                    || (is_aws_secret_key(candidate) && aws_context())
                    || is_jwt(candidate)
                    || has_token_prefix(candidate))
        };
        if secret(core) {
            out.push_str(&word.replacen(core, REDACTED, 1));
        } else if value.len() < core.len() && secret(value) {
            let at = word.rfind(value).unwrap_or(0);
            out.push_str(&word[..at]);
            out.push_str(REDACTED);
            out.push_str(&word[at + value.len()..]);
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

fn trim_quotes(word: &str) -> &str {
    word.trim_matches(|c: char| {
        matches!(
            c,
            '"' | '\'' | ',' | ';' | '(' | ')' | '[' | ']' | '{' | '}'
        )
    })
}

/// After "Bearer": a credential has a digit or a symbol, or is long; a plain short word is prose
/// ("the bearer of bad news").
fn looks_like_credential(word: &str) -> bool {
    word.len() >= 16
        || word
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '_' | '~' | '+' | '/' | '='))
}

fn is_aws_key_id(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 20
        && (b.starts_with(b"AKIA") || b.starts_with(b"ASIA"))
        && b[4..20]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// 40 characters of base64 with upper case, lower case and a digit: an AWS secret access key
/// (a git commit id is lower-case hex, and is kept).
fn is_aws_secret_key(word: &str) -> bool {
    word.len() == 40
        && word
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'/' | b'+'))
        && word.bytes().any(|c| c.is_ascii_uppercase())
        && word.bytes().any(|c| c.is_ascii_lowercase())
        && word.bytes().any(|c| c.is_ascii_digit())
}

fn is_jwt(word: &str) -> bool {
    word.starts_with("eyJ") && word.len() > 20 && word.matches('.').count() == 2
}

/// Tokens whose prefix says what they are: Cyberbrain's own API and join tokens, GitHub, GitLab,
/// Slack, Stripe secret keys, npm, OpenAI-style `sk-` keys and Google API keys.
fn has_token_prefix(word: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "cbt_",
        "cbj_",
        "ghp_",
        "gho_",
        "ghu_",
        "ghs_",
        "ghr_",
        "github_pat_",
        "glpat-",
        "xoxb-",
        "xoxp-",
        "xoxa-",
        "xoxr-",
        "xoxs-",
        "sk_live_",
        "rk_live_",
        "sk_test_",
        "npm_",
        "sk-",
        "AIza",
    ];
    PREFIXES.iter().any(|prefix| {
        word.strip_prefix(prefix).is_some_and(|rest| {
            rest.len() >= 16
                && rest
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(redact(input.as_bytes()), expected, "redacting {input:?}");
    }

    #[test]
    fn dash_runs_are_found_wherever_they_are() {
        for text in [
            "-----",
            "a-----",
            "ab-----c",
            "x - -- ---- -----",
            "--------",
        ] {
            assert!(has_dash_run(text.as_bytes()), "{text:?}");
        }
        for text in ["", "----", "a----b----c", "2024-01-01 12:00 - -- ---"] {
            assert!(!has_dash_run(text.as_bytes()), "{text:?}");
        }
        // Against the plain definition, at every offset and length.
        let line = b"--x-----y----z------";
        for start in 0..line.len() {
            for end in start..=line.len() {
                let part = &line[start..end];
                let plain = part.windows(5).any(|w| w == b"-----");
                assert_eq!(
                    has_dash_run(part),
                    plain,
                    "{:?}",
                    String::from_utf8_lossy(part)
                );
            }
        }
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
