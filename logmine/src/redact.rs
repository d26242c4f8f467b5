//! Secret redaction for example lines and template texts.
//!
//! Examples are the only place where raw line text leaves the miner, so they pass through
//! [`redact`] first; template texts pass [`redact_template`], the same check plus what redaction
//! took from the template's first lines (a template is split from its header and cut into masked
//! tokens, so its text may have lost the key that gave a secret away). Redaction is best effort,
//! general rather than a list of spellings, and errs towards removing too much:
//!
//! - key–value pairs whose key names a secret, in every common spelling: `key=value`,
//!   `key: value`, `Header-Name: value`, `"key": "value"` (JSON, escaped JSON, single quotes),
//!   `key => value`, URL-encoded `key%3Dvalue`, and command-line flags `--key value` / `-p value`.
//!   A key is read by its last word ([`key_kind`]): `password`, `pass`, `pwd`, `secret`, `token`,
//!   `api_key`, `client_secret`, `aws_secret_access_key`, `Authorization`, `Cookie`… name a
//!   secret; `token_count`, `secret_name`, `session_id`, `SessionTracker` do not. `auth`,
//!   `session` and `signature` may hold one: their value goes when it looks like a credential.
//!   Quotes and brackets around a value stay, and so does a template's `<*>`;
//! - the credential after `Bearer` / `Basic`, and a random-looking word after a word that names a
//!   secret (`api key 9f8e7d…`);
//! - provider key shapes: AWS access key ids and secret keys, JWTs, tokens with a well-known
//!   prefix (ours, GitHub, GitLab, Slack, Stripe, Google, Hugging Face, …), the password in URL
//!   user info, PEM private keys (on one line, or across lines with [`PrivateKeyBlocks`]);
//! - any long random-looking word ([`looks_random`]: entropy, character-class changes, few
//!   word-like runs, not base64 of text), so that a standalone secret key of a shape no list
//!   knows goes too, while hex ids and hashes, UUIDs, ULIDs and identifiers stay.
//!
//! `logmine/tests/redaction_corpus/` holds the cases, near misses included, run by
//! `logmine/tests/redaction.rs`, which also counts redactions on the Loghub samples (none).

/// Placeholder written in place of a secret.
pub const REDACTED: &str = "[REDACTED]";

/// The placeholder without its brackets, which value and word boundaries may cut off.
const PLACEHOLDER_WORD: &str = "REDACTED";

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

/// How sure a key's name is that its value is a secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyKind {
    /// The name says so (`password`, `api_key`, `client_secret`, `X-Auth-Token`, `PGPASSWORD`):
    /// any value but a boolean, a placeholder or an empty one goes.
    Secret,
    /// The name often holds one (`auth`, `session`, `signature`): the value goes when it looks
    /// like a credential (a digit or a symbol in six or more characters), not when it is a plain
    /// word (`auth:SIMPLE`) or a number.
    Maybe,
}

/// Last parts of a key that name a secret; a longer last part that ends with one names one too
/// (`PGPASSWORD`, `accesstoken`, `xsrftoken`).
const SECRET_HEADS: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "secret",
    "token",
    "apikey",
    "credential",
    "credentials",
    "cookie",
    "authorization",
    "privatekey",
    "secretkey",
    "accesskey",
];

/// Short last parts that name a secret only whole (`pass`, never `bypass` or `compass`).
const SECRET_HEADS_WHOLE: &[&str] = &["pass", "pwd", "pw", "psw", "passwd"];

/// Words before a last part `key` that make it a secret (`api_key`, `aws_secret_access_key`,
/// `X-Api-Key`); a bare `key` is a cache or map key.
const KEY_QUALIFIERS: &[&str] = &[
    "api",
    "access",
    "secret",
    "private",
    "signing",
    "encryption",
    "master",
    "client",
    "auth",
    "session",
    "license",
    "account",
    "subscription",
    "shared",
    "app",
    "webhook",
    "hmac",
];

/// Last parts that often, not always, hold a credential.
const MAYBE_HEADS: &[&str] = &[
    "auth",
    "session",
    "sig",
    "signature",
    "jwt",
    "bearer",
    "otp",
];

/// What a key's name says about its value. The key is split into words (`_`, `-`, `.` and
/// camelCase boundaries); its last word is what the value is (`token_count` is a count,
/// `SessionTracker` a tracker, `session_id` an id), and only a last word of the secret family
/// makes the value a secret.
fn key_kind(key: &str) -> Option<KeyKind> {
    let key = key.trim_start_matches('-');
    if !key.is_ascii() {
        return None;
    }
    // Only the last two words matter, and a long key is not worth splitting in full.
    let key = &key[key.len().saturating_sub(64)..];
    let mut words: [&str; 2] = ["", ""];
    let bytes = key.as_bytes();
    let mut end = bytes.len();
    let mut i = bytes.len();
    let mut found = 0;
    while i > 0 && found < 2 {
        i -= 1;
        let b = bytes[i];
        let boundary_here = matches!(b, b'_' | b'-' | b'.');
        // `apiKey`: a word starts at an upper-case letter after a lower-case one or a digit;
        // `XApiKey`: or at one followed by a lower-case letter after another upper-case one.
        let camel_start = b.is_ascii_uppercase()
            && i > 0
            && (bytes[i - 1].is_ascii_lowercase()
                || bytes[i - 1].is_ascii_digit()
                || (bytes[i - 1].is_ascii_uppercase()
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase)));
        if boundary_here {
            if i + 1 < end {
                words[found] = &key[i + 1..end];
                found += 1;
            }
            end = i;
        } else if camel_start {
            words[found] = &key[i..end];
            found += 1;
            end = i;
        } else if i == 0 {
            words[found] = &key[..end];
            found += 1;
        }
    }
    let (head, before) = (words[0], words[1]);
    // The shortest secret word is `pw`.
    if head.len() < 2 {
        return None;
    }
    let ends_with = |word: &str, tail: &str| {
        word.len() >= tail.len() && word[word.len() - tail.len()..].eq_ignore_ascii_case(tail)
    };
    let is = |word: &str, list: &[&str]| list.iter().any(|w| word.eq_ignore_ascii_case(w));
    let is_qualified_key = |word: &str| {
        KEY_QUALIFIERS.iter().any(|q| {
            word.len() == q.len() + 3
                && word[..q.len()].eq_ignore_ascii_case(q)
                && ends_with(word, "key")
        })
    };
    if is(head, SECRET_HEADS_WHOLE)
        || SECRET_HEADS.iter().any(|w| ends_with(head, w))
        || (head.eq_ignore_ascii_case("key") && is(before, KEY_QUALIFIERS))
        || is_qualified_key(head)
    {
        Some(KeyKind::Secret)
    } else if is(head, MAYBE_HEADS) {
        Some(KeyKind::Maybe)
    } else {
        None
    }
}

fn is_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')
}

/// Values that hold no secret whatever their key: booleans, nothing, a mask, the placeholder.
fn is_harmless_value(value: &str) -> bool {
    value.is_empty()
        || value.contains(PLACEHOLDER_WORD)
        || value.bytes().all(|b| b == b'*' || b == b'x' || b == b'X')
        || matches!(
            value.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "none" | "nil" | "undefined" | "yes" | "no" | "<*>"
        )
}

/// A credential, as opposed to a word or a number: six or more characters with a digit or a
/// symbol among letters (`hunter2`, `abc.def`), not a plain number (`0x14ed93`, `42`).
fn looks_like_credential_value(value: &str) -> bool {
    let b = value.as_bytes();
    let hex_number = b.len() > 2
        && (b.starts_with(b"0x") || b.starts_with(b"0X"))
        && b[2..].iter().all(u8::is_ascii_hexdigit);
    b.len() >= 6
        && !hex_number
        && b.iter().any(u8::is_ascii_alphabetic)
        && b.iter().any(|c| !c.is_ascii_alphabetic())
}

/// Whether `value` may be replaced, given what its key says.
fn value_goes(kind: KeyKind, value: &str) -> bool {
    !is_harmless_value(value)
        && match kind {
            KeyKind::Secret => true,
            KeyKind::Maybe => looks_like_credential_value(value),
        }
}

/// The separator at `i`: `=`, `=>`, `:`, or URL-encoded `%3D` / `%3A`; its length.
fn separator_at(bytes: &[u8], i: usize) -> Option<usize> {
    match bytes[i] {
        b'=' if bytes.get(i + 1) == Some(&b'>') => Some(2),
        // `==` compares; `:=` and `::` are code.
        b'=' if bytes.get(i + 1) == Some(&b'=') || (i > 0 && bytes[i - 1] == b'=') => None,
        b'=' => Some(1),
        b':' if bytes.get(i + 1) == Some(&b':') || (i > 0 && bytes[i - 1] == b':') => None,
        b':' => Some(1),
        b'%' if bytes.len() > i + 2
            && bytes[i + 1] == b'3'
            && matches!(bytes[i + 2], b'D' | b'd' | b'A' | b'a') =>
        {
            Some(3)
        }
        _ => None,
    }
}

/// URL-encoded bytes that end a value: `&`, space, `"`, `,`, `;`, `}`.
fn encoded_value_end(rest: &[u8]) -> bool {
    rest.len() >= 3
        && rest[0] == b'%'
        && matches!(
            (rest[1], rest[2].to_ascii_uppercase()),
            (b'2', b'6' | b'0' | b'2' | b'C') | (b'3', b'B') | (b'7', b'D')
        )
}

/// Where an unquoted value that starts at `from` ends. A template's `<*>` is part of the value;
/// a value in angle brackets (`<hunter2>`) ends at its `>`, which stays.
fn unquoted_value_end(bytes: &[u8], from: usize) -> usize {
    let mut p = from;
    while p < bytes.len() {
        let b = bytes[p];
        if bytes[p..].starts_with(WILDCARD_TEXT) {
            p += WILDCARD_TEXT.len();
            continue;
        }
        if b.is_ascii_whitespace()
            || matches!(
                b,
                b'"' | b'\'' | b',' | b';' | b'&' | b')' | b']' | b'}' | b'>' | b'<'
            )
            || encoded_value_end(&bytes[p..])
            || (b == b'\\' && bytes.get(p + 1) == Some(&b'"'))
        {
            break;
        }
        p += 1;
    }
    p
}

/// The `<*>` of template texts.
const WILDCARD_TEXT: &[u8] = b"<*>";

/// Replaces the value of every `key=value`, `key: value`, `"key": "value"`, `key => value` and
/// URL-encoded `key%3Dvalue` whose key names a secret (see [`key_kind`]). Quotes and brackets
/// around the value stay; so does an `Authorization` scheme word (`Bearer`).
fn redact_key_values(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let flag = flag_before(text, i);
        let Some(separator_len) = separator_at(bytes, i).or(flag.map(|_| 1)) else {
            i += 1;
            continue;
        };
        let after_separator = i + separator_len;
        // The key: before spaces, a closing quote (`"key":`, `\"key\":`, `%22key%22%3A`).
        let mut key_end = i;
        while key_end > 0 && bytes[key_end - 1] == b' ' {
            key_end -= 1;
        }
        if text[..key_end].ends_with("%22") {
            key_end -= 3;
        } else if key_end > 0 && matches!(bytes[key_end - 1], b'"' | b'\'') {
            key_end -= 1;
            if key_end > 0 && bytes[key_end - 1] == b'\\' {
                key_end -= 1;
            }
        }
        let mut key_start = key_end;
        while key_start > 0 && is_key_byte(bytes[key_start - 1]) && key_end - key_start < 128 {
            key_start -= 1;
        }
        let Some(kind) = flag.or_else(|| key_kind(&text[key_start..key_end])) else {
            i = after_separator;
            continue;
        };
        let key_lower = text[key_start..key_end].to_ascii_lowercase();
        let mut p = after_separator;
        while p < bytes.len() && bytes[p] == b' ' {
            p += 1;
        }
        // The opening quote, if any, and the text that closes it.
        let closing: Option<&str> = if text[p..].starts_with("\\\"") {
            p += 2;
            Some("\\\"")
        } else if text[p..].starts_with("%22") {
            p += 3;
            Some("%22")
        } else if p < bytes.len() && matches!(bytes[p], b'"' | b'\'') {
            p += 1;
            Some(if bytes[p - 1] == b'"' { "\"" } else { "'" })
        } else {
            None
        };
        // `Authorization: Bearer xyz`: the scheme word stays.
        let rest_lower = text[p..]
            .get(..8)
            .unwrap_or(&text[p..])
            .to_ascii_lowercase();
        for scheme in ["bearer ", "basic ", "token ", "digest ", "bot "] {
            if rest_lower.starts_with(scheme) && text.len() > p + scheme.len() {
                p += scheme.len();
                break;
            }
        }
        // A nested object or list: its own keys say what is secret.
        if p < bytes.len() && matches!(bytes[p], b'{' | b'[') {
            i = p;
            continue;
        }
        // A value in angle brackets or parentheses keeps them (`<*>` is a template's variable,
        // not brackets): `pw: (hunter2),` becomes `pw: ([REDACTED]),`, balanced.
        if p < bytes.len()
            && (bytes[p] == b'(' || (bytes[p] == b'<' && !bytes[p..].starts_with(WILDCARD_TEXT)))
        {
            p += 1;
        }
        let value_end = match closing.and_then(|q| find_closing(text, p, q)) {
            Some(end) => end,
            // A `Cookie:` header holds every cookie up to the end.
            None if bytes[i] == b':'
                && key_lower.ends_with("cookie")
                && !key_lower.ends_with("set-cookie") =>
            {
                text.len()
            }
            None => unquoted_value_end(bytes, p),
        };
        let value = &text[p..value_end];
        // `Token: Token { kind: … }` names a type that a structure follows; `PWD=/home/app` is
        // the working directory.
        let names_a_structure =
            closing.is_none() && text[value_end..].trim_start_matches(' ').starts_with('{');
        let is_working_directory = key_lower == "pwd" && value.starts_with('/');
        // A flag's argument is a word that is not another flag; `-p 8080:80` publishes a port.
        let not_an_argument = flag.is_some()
            && (value.starts_with('-')
                || (key_lower == "-p"
                    && value
                        .bytes()
                        .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b'/' | b'-'))));
        if value_goes(kind, value)
            && !names_a_structure
            && !is_working_directory
            && !not_an_argument
        {
            out.push_str(&text[copied..p]);
            out.push_str(REDACTED);
            copied = value_end;
        }
        i = value_end.max(after_separator);
    }
    out.push_str(&text[copied..]);
    out
}

/// When the space at `i` ends a command-line flag that names a secret (`--password`,
/// `--client-secret`, `-p`, after a space or at the start), what the flag says of its argument.
fn flag_before(text: &str, i: usize) -> Option<KeyKind> {
    let bytes = text.as_bytes();
    if bytes[i] != b' ' || i == 0 || bytes[i - 1] == b' ' {
        return None;
    }
    let mut start = i;
    while start > 0 && is_key_byte(bytes[start - 1]) && i - start < 64 {
        start -= 1;
    }
    if start > 0 && !bytes[start - 1].is_ascii_whitespace() {
        return None;
    }
    let flag = &text[start..i];
    match flag.strip_prefix('-') {
        Some("p") => Some(KeyKind::Secret),
        Some(name) if name.len() > 1 => key_kind(name),
        _ => None,
    }
}

/// The end of a quoted value starting at `from`: its closing `quote`, not one escaped by `\`.
fn find_closing(text: &str, from: usize, quote: &str) -> Option<usize> {
    let mut at = from;
    loop {
        let found = at + text[at..].find(quote)?;
        let escaped = quote.len() == 1 && found > from && text.as_bytes()[found - 1] == b'\\';
        if !escaped {
            return Some(found);
        }
        at = found + 1;
    }
}

/// What the word before another says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Previous {
    /// An ordinary word.
    Plain,
    /// `Bearer` / `Basic`: a credential follows.
    Scheme,
    /// A command-line flag that names a secret (`--password`, `-p`): its argument follows.
    Flag(KeyKind),
    /// `-p`, whose argument is a password (`mysql -p secret`) or a port (`docker -p 8080:80`).
    ShortP,
    /// Any other word: if it names a secret (`token`, `api key`), a random-looking word next is
    /// its value.
    Word,
}

impl Previous {
    /// What `word` says of the word after it. Whether it names a secret (`token`, `api key`) is
    /// asked only of a word followed by a random-looking one ([`names_a_secret`]), which is rare.
    fn of(word: &str) -> Previous {
        let core = trim_quotes(word);
        if core.eq_ignore_ascii_case("bearer") || core.eq_ignore_ascii_case("basic") {
            return Previous::Scheme;
        }
        if let Some(flag) = core.strip_prefix('-') {
            if core.contains('=') {
                return Previous::Plain;
            }
            if flag == "p" {
                return Previous::ShortP;
            }
            if flag.len() > 1 {
                return key_kind(flag).map_or(Previous::Plain, Previous::Flag);
            }
            return Previous::Plain;
        }
        Previous::Word
    }
}

/// Whether `word` (after `before`) names a secret, so that a random-looking word after it is its
/// value: `token`, `password:`, `api key` (a bare `key` takes its sense from the word before).
fn names_a_secret(word: &str, before: &str) -> bool {
    let core = trim_quotes(word);
    let name = core.trim_end_matches(':');
    if name.len() == core.len() && core.contains(['=', ':']) {
        return false;
    }
    key_kind(name).is_some()
        || (name.eq_ignore_ascii_case("key")
            && key_kind(&format!("{}_key", trim_quotes(before))).is_some())
}

/// Secrets recognisable by their place or shape rather than a key: the argument of a secret
/// flag (`--password value`, `-p value`), the credential after `Bearer`, a random-looking word
/// after a word that names a secret (`api key 9f8e…`), provider key shapes (AWS, GitHub, Slack,
/// Stripe, Google, JWTs, …) and long random-looking words anywhere (see [`looks_random`]). A word
/// may carry the secret after its last `=` or `:` (`key=AKIA…`).
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
    let mut previous = Previous::Plain;
    let mut previous_word = "";
    let mut before_previous = "";
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end();
        let trailing = &piece[word.len()..];
        let core = trim_quotes(word);
        let value = trim_quotes(core.rsplit(['=', ':']).next().unwrap_or(core));
        let by_place = |candidate: &str| match previous {
            Previous::Plain => false,
            Previous::Scheme => looks_like_credential(candidate),
            Previous::Flag(kind) => !candidate.starts_with('-') && value_goes(kind, candidate),
            Previous::ShortP => {
                !candidate.starts_with('-')
                    && !is_harmless_value(candidate)
                    && !candidate
                        .bytes()
                        .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b'/' | b'-'))
            }
            Previous::Word => {
                looks_random_near_a_secret_word(candidate)
                    && names_a_secret(previous_word, before_previous)
            }
        };
        let secret = |candidate: &str| {
            // Every shape below is at least 19 characters long (`hf_` and 16 more), and most
            // words are shorter.
            candidate.len() >= 19
                && !candidate.contains(PLACEHOLDER_WORD)
                && (is_aws_key_id(candidate)
                    || (is_aws_secret_key(candidate) && aws_context())
                    || is_jwt(candidate)
                    || has_token_prefix(candidate)
                    || looks_random(candidate))
        };
        if !core.is_empty() && (by_place(core) || secret(core)) {
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
            previous = Previous::of(word);
            before_previous = previous_word;
            previous_word = word;
        }
    }
    out
}

/// A word next to one that names a secret (`token 3f9ac0d2e6b1a7c4`): twelve or more characters
/// of key alphabet, letters and digits both, not a hexadecimal number. Ordinary words (`token
/// expired`) stay.
fn looks_random_near_a_secret_word(word: &str) -> bool {
    let b = word.as_bytes();
    // A hexadecimal number (`session 0x14ed93111f20020`) is an id.
    let hex_number =
        (b.starts_with(b"0x") || b.starts_with(b"0X")) && b[2..].iter().all(u8::is_ascii_hexdigit);
    b.len() >= 12
        && !hex_number
        && b.iter().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'=' | b'_' | b'-' | b'.' | b'~')
        })
        && b.iter().any(u8::is_ascii_alphabetic)
        && b.iter().any(u8::is_ascii_digit)
}

/// A long random string that looks like a key on its own (a standalone AWS secret key, an API
/// key): twenty or more characters of the base64 alphabet with upper case, lower case and digits
/// mixed as chance mixes them, as opposed to ids and hashes (hex, one case: UUIDs, git and content
/// hashes, container and request ids, ULIDs), identifiers (`Log4jLoggerFactory`: words), and
/// base64 of text. Three measures, each passed by all but about one random key in a hundred:
/// character entropy, how often the character class changes, and how much of the word is made of
/// word-like runs of letters.
fn looks_random(word: &str) -> bool {
    let body = word.trim_end_matches('=');
    let b = body.as_bytes();
    if b.len() < 20 || b.len() > 1024 || word.len() - body.len() > 2 {
        return false;
    }
    if !b
        .iter()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'_' | b'-'))
    {
        return false;
    }
    let upper = b.iter().filter(|c| c.is_ascii_uppercase()).count();
    let lower = b.iter().filter(|c| c.is_ascii_lowercase()).count();
    let digits = b.iter().filter(|c| c.is_ascii_digit()).count();
    if upper == 0 || lower == 0 || digits == 0 {
        return false;
    }
    let n = b.len() as f64;
    // Entropy of the characters in bits: random keys sit near log2 of their length (for lengths
    // up to the alphabet's size); 0.83 of it is their first percentile.
    let mut counts = [0u32; 128];
    for &c in b {
        counts[usize::from(c & 0x7f)] += 1;
    }
    let entropy: f64 = counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = f64::from(c) / n;
            -p * p.log2()
        })
        .sum();
    if entropy < 0.83 * n.min(64.0).log2() {
        return false;
    }
    let class = |c: u8| match c {
        b'A'..=b'Z' => 0,
        b'a'..=b'z' => 1,
        b'0'..=b'9' => 2,
        _ => 3,
    };
    let changes = b.windows(2).filter(|w| class(w[0]) != class(w[1])).count();
    if (changes as f64) < 0.3 * (n - 1.0) {
        return false;
    }
    if word_like_fraction(b) > 0.45 {
        return false;
    }
    !decodes_to_text(body)
}

/// The share of `b` in runs that read like words: four or more lower-case letters (after an
/// optional capital), or five or more capitals.
fn word_like_fraction(b: &[u8]) -> f64 {
    let run_end = |from: usize, pred: fn(&u8) -> bool| {
        from + b[from..].iter().take_while(|c| pred(c)).count()
    };
    let mut in_words = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_uppercase() {
            let j = run_end(i, u8::is_ascii_uppercase);
            let k = run_end(j, u8::is_ascii_lowercase);
            if j - i >= 5 {
                in_words += j - i;
            } else if k - j >= 4 {
                // The run's last capital leads the word (`Logger`).
                in_words += k - j + 1;
            }
            i = if k - j >= 4 { k } else { j };
        } else if b[i].is_ascii_lowercase() {
            let k = run_end(i, u8::is_ascii_lowercase);
            if k - i >= 4 {
                in_words += k - i;
            }
            i = k;
        } else {
            i += 1;
        }
    }
    in_words as f64 / b.len() as f64
}

/// Whether `body` is base64 (standard or URL-safe, padding trimmed) of mostly printable text:
/// an encoded message, not key material (random bytes are printable about one time in three).
fn decodes_to_text(body: &str) -> bool {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        } as u32)
    };
    let mut bits = 0u32;
    let mut held = 0;
    let mut decoded = 0usize;
    let mut printable = 0usize;
    for &c in body.as_bytes() {
        let Some(v) = value(c) else {
            return false;
        };
        bits = (bits << 6) | v;
        held += 6;
        if held >= 8 {
            held -= 8;
            let byte = (bits >> held) & 0xff;
            decoded += 1;
            if (0x20..0x7f).contains(&byte) || matches!(byte, 0x09 | 0x0a | 0x0d) {
                printable += 1;
            }
        }
    }
    decoded > 0 && printable * 10 >= decoded * 8
}

/// The parts of `original` that `redacted`, its redaction, replaced with [`REDACTED`], in order.
/// The text kept around each placeholder is found again in `original`; a part is what lies
/// between.
pub fn removed_parts(original: &str, redacted: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest_in = original;
    let mut rest_out = redacted;
    while let Some(at) = rest_out.find(REDACTED) {
        let before = &rest_out[..at];
        let after_marker = &rest_out[at + REDACTED.len()..];
        let Some(start) = rest_in.find(before).map(|i| i + before.len()) else {
            break;
        };
        let next_kept = after_marker
            .find(REDACTED)
            .map_or(after_marker, |i| &after_marker[..i]);
        let end = if next_kept.is_empty() {
            if after_marker.is_empty() {
                rest_in.len()
            } else {
                start
            }
        } else {
            rest_in[start..]
                .find(next_kept)
                .map_or(rest_in.len(), |i| start + i)
        };
        if end > start {
            parts.push(rest_in[start..end].to_string());
        }
        rest_in = &rest_in[end..];
        rest_out = after_marker;
    }
    parts
}

/// Redacts a template's text: [`redact`], and then every run of four or more key characters that
/// is part of a secret redacted from one of the template's lines (`secrets`, from
/// [`removed_parts`]). A template is cut into tokens and masked, and its header split off, so a
/// secret in it may have lost the key or the shape that gave it away in the line
/// (`X-Api-Key: <value>` with `X-Api-Key:` taken for a logger name, `<*>/bPxRf…` of a key cut at
/// its slashes); what the line's redaction removed, the template must not ship either.
pub fn redact_template(text: &str, secrets: &[Box<str>]) -> String {
    let text = redact(text.as_bytes());
    if secrets.is_empty() {
        return text;
    }
    let bytes = text.as_bytes();
    let is_run_byte =
        |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'_' | b'-' | b'.' | b'~');
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if !is_run_byte(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_run_byte(bytes[i]) {
            i += 1;
        }
        let run = &text[start..i];
        if run.len() >= 4 && run != PLACEHOLDER_WORD && secrets.iter().any(|s| s.contains(run)) {
            out.push_str(&text[copied..start]);
            out.push_str(REDACTED);
            copied = i;
        }
    }
    out.push_str(&text[copied..]);
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
/// Slack, Stripe, npm, PyPI, Hugging Face, Shopify, DigitalOcean, SendGrid, Square, Linear,
/// Atlassian, OpenAI-style `sk-` keys, Google API keys and OAuth access tokens.
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
        "glptt-",
        "gldt-",
        "xoxa-",
        "xoxb-",
        "xoxc-",
        "xoxe-",
        "xoxp-",
        "xoxr-",
        "xoxs-",
        "xapp-",
        "sk_live_",
        "rk_live_",
        "sk_test_",
        "rk_test_",
        "whsec_",
        "npm_",
        "pypi-",
        "hf_",
        "shpat_",
        "shpss_",
        "dop_v1_",
        "SG.",
        "sq0atp-",
        "sq0csp-",
        "lin_api_",
        "ATATT",
        "sk-",
        "AIza",
        "ya29.",
    ];
    PREFIXES.iter().any(|prefix| {
        word.strip_prefix(prefix).is_some_and(|rest| {
            rest.len() >= 16
                && rest
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
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
        // A value in parentheses keeps them: the line's brackets stay balanced.
        check("pw: (aa),", "pw: ([REDACTED]),");
        check("password=(hunter2) next", "password=([REDACTED]) next");
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
    fn key_names_are_read_by_their_last_word() {
        for key in [
            "password",
            "PGPASSWORD",
            "db_password",
            "pass",
            "pwd",
            "X-Api-Key",
            "apiKey",
            "XApiKey",
            "aws_secret_access_key",
            "SecretAccessKey",
            "client_secret",
            "GITHUB_TOKEN",
            "x-auth-token",
            "--client-secret",
            "Authorization",
            "private_key",
        ] {
            assert_eq!(key_kind(key), Some(KeyKind::Secret), "{key}");
        }
        for key in ["auth", "session", "signature"] {
            assert_eq!(key_kind(key), Some(KeyKind::Maybe), "{key}");
        }
        for key in [
            "token_count",
            "tokens",
            "max_tokens",
            "SessionTracker",
            "session_id",
            "sessionid",
            "secret_name",
            "auth_method",
            "author",
            "bypass",
            "compass",
            "key",
            "keyspace",
            "monkey",
            "tokenizer",
            "secrets_manager",
            "password_policy",
            "api_key_id",
            "token_file",
        ] {
            assert_eq!(key_kind(key), None, "{key}");
        }
    }

    #[test]
    fn random_words_are_told_from_ids_identifiers_and_encoded_text() {
        for word in [
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "Zq3Lm9Xv2Rt8Wk5Yp1Hs7Nd4Bf6Gc0Jx",
            "4eC39HqLyjWDarjtT1zdp7dcx",
            "Cf1bWNBCZ9P2YdvEq8lMtJ9O6o9R1yA1x5HcGjZp1T3m6qU2uKqBdg==",
        ] {
            assert!(looks_random(word), "{word}");
        }
        for word in [
            "3f9ac0d2e6b1a7c4d5e8f9a0b1c2d3e4f5a6b7c8",
            "123e4567-e89b-12d3-a456-426614174000",
            "01HGW2N7EHJVJ4ZNTH5YVXGQ4K",
            "Log4jLoggerFactory2Impl",
            "AbstractHttp2ConnectionHandlerBuilder",
            "SHA256WithRSAEncryption2",
            "aGVsbG8gd29ybGQgdGhpcyBpcyBhIHRlc3Q=",
            "x86_64-linux-gnu-Python3Module",
            "job_1445144423722_0020",
            "short7Ab",
        ] {
            assert!(!looks_random(word), "{word}");
        }
    }

    #[test]
    fn random_keys_of_every_length_are_found() {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for length in [24, 32, 40, 64] {
            let mut found = 0;
            for _ in 0..1000 {
                let key: String = (0..length)
                    .map(|_| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        char::from(ALPHABET[(state >> 58) as usize])
                    })
                    .collect();
                // Base64 keys with no digit at all (a few per thousand) look like words.
                if looks_random(&key) {
                    found += 1;
                }
            }
            eprintln!("{length}: {found} of 1000");
            assert!(
                found >= 950,
                "{length}-character keys: {found} of 1000 found"
            );
        }
    }

    #[test]
    fn template_texts_lose_what_their_lines_lost() {
        let line = "chunk wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY stored";
        let redacted = redact(line.as_bytes());
        assert_eq!(redacted, "chunk [REDACTED] stored");
        let secrets: Vec<Box<str>> = removed_parts(line, &redacted)
            .into_iter()
            .map(String::into_boxed_str)
            .collect();
        assert_eq!(
            redact_template(
                "chunk wJalrXUtnFEMI/<*>/bPxRfiCYEXAMPLEKEY stored",
                &secrets
            ),
            "chunk [REDACTED]/<*>/[REDACTED] stored"
        );
        assert_eq!(
            redact_template("lemonadeZest", &["lemonadeZest".into()]),
            "[REDACTED]"
        );
        assert_eq!(redact_template("stored ok", &secrets), "stored ok");
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
