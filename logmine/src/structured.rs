//! Structured log lines: JSON objects (pino, bunyan, zap, zerolog, slog, logrus, journald's
//! `-o json`, Docker's own), the same object's members without braces (what is left once a
//! collector cut the first members into a header), logfmt (`time=… level=info msg="…" key=value`)
//! and klog's structured form (`"msg" key="value" key=value`), at the start of a line or behind a
//! header, also behind what is left of one (a separator, a few fields: see [`behind_fields`]).
//!
//! The template is made from the message (`msg`, `message`, `MESSAGE`, `@message`, `log`…; in
//! JSON found up to three objects down when the top holds none, as in CloudEvents' `data`, and
//! else the `error`'s text) and the names of the line's other fields, as ` fields=error,pct`:
//! their values (an error's text, a pod, a count) are values of the event, kept in the line's
//! examples, while which fields a line holds tells its call site, so a line with an extra field
//! is an event of its own. Not the time, level or message, nor what a logger adds from its
//! context (correlation ids such as `reqId` or `trace_id`, the host, the pid), which some lines
//! of an event carry and others do not. The level comes from `level`, `severity`, `lvl`,
//! `levelname` or `PRIORITY` (words or the pino/bunyan and syslog numbers). klog's form keeps
//! its text, each value a variable (`pod="<*>"`). A record of pairs and nothing else, without a
//! message (an audit record, a query's statistics), is its keys, each value a variable
//! (`arch=<*> comm="<*>"`). A line that is not one of these, or a JSON object or logfmt line
//! without a message field, is left to the text path.

use crate::Severity;
use crate::quoted::{bracketed_end, read_quoted};

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

/// Time keys: the line's time, never part of an event.
const TIME_KEYS: &[&str] = &[
    "time",
    "ts",
    "timestamp",
    "@timestamp",
    "t",
    "date",
    "datetime",
];

/// What a structured line holds for the miner.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Fields {
    /// The text to mine: the message, then ` fields=` and the names of the line's other fields.
    pub body: Vec<u8>,
    /// Severity of the level field.
    pub level: Option<Severity>,
}

/// Reads `line` as JSON, logfmt or a record of pairs. `None` when it is none of them, or a JSON
/// object or logfmt line has no message.
pub(crate) fn parse(line: &[u8]) -> Option<Fields> {
    let trimmed = line.trim_ascii();
    match trimmed.first()? {
        b'{' if trimmed.last() == Some(&b'}') => parse_json(trimmed),
        b'"' if !is_member_list(trimmed) => parse_quoted_message(trimmed),
        b'"' => {
            // An object's members without its braces: what is left of a JSON line once a
            // collector cut its first members (level, time) into a header of its own; its
            // closing brace may have stayed (`"service":"envoy",…,"message":"ok"}`).
            let mut object = Vec::with_capacity(trimmed.len() + 2);
            object.push(b'{');
            object.extend_from_slice(trimmed);
            object.push(b'}');
            parse_json(&object).or_else(|| {
                object.pop();
                (trimmed.last() == Some(&b'}'))
                    .then(|| parse_json(&object))
                    .flatten()
            })
        }
        _ if !opens_with_key(trimmed) => None,
        _ if looks_like_logfmt(trimmed) => parse_logfmt(trimmed),
        _ => parse_pair_record(trimmed),
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
    let mut found = JsonFields::default();
    read_object(&object, 0, &mut found);
    let message = found.message.or(found.error)?;
    Some(fields(message.as_bytes(), &found.keys, found.level))
}

/// How deep [`read_object`] looks for a message inside objects: CloudEvents put an event's
/// message in `data` (HashiCorp Boundary: `data.data.msg`), Google Cloud's export in
/// `jsonPayload`, OpenTelemetry's JSON in `body`.
const MAX_NESTING: usize = 3;

/// Error keys: a JSON line with no message at any depth is mined by its error's text (an error
/// event that carries nothing else).
const ERROR_KEYS: &[&str] = &["error", "err"];

/// What [`read_object`] found in a JSON line.
#[derive(Default)]
struct JsonFields<'a> {
    message: Option<&'a str>,
    error: Option<&'a str>,
    level: Option<Severity>,
    keys: Vec<&'a str>,
}

/// Reads one object's members into `found`: its message (the most specific message key), level
/// and other keys. An object without a message hands the search to its objects in order, up to
/// [`MAX_NESTING`] deep; the keys met on the way (the envelope's and the message's siblings, or
/// the error's) are the line's fields.
fn read_object<'a>(
    object: &'a serde_json::Map<String, serde_json::Value>,
    depth: usize,
    found: &mut JsonFields<'a>,
) {
    let mut message: Option<(usize, &'a str)> = None;
    let mut inner = Vec::new();
    for (key, value) in object {
        if let Some(rank) = key_in(key, MESSAGE_KEYS) {
            if let Some(text) = value.as_str()
                && message.is_none_or(|(r, _)| rank < r)
            {
                message = Some((rank, text));
            }
        } else if key_in(key, LEVEL_KEYS).is_some() {
            if found.level.is_none() {
                found.level = match value {
                    serde_json::Value::String(s) => level_word(s.as_bytes()),
                    serde_json::Value::Number(n) => n
                        .as_u64()
                        .and_then(|n| numeric_level(n, key.eq_ignore_ascii_case("priority"))),
                    _ => None,
                };
            }
        } else if key_in(key, TIME_KEYS).is_none() {
            if key_in(key, ERROR_KEYS).is_some() && found.error.is_none() {
                found.error = value.as_str();
            }
            if let serde_json::Value::Object(members) = value {
                inner.push(members);
            }
            found.keys.push(key);
        }
    }
    if let Some((_, text)) = message {
        found.message = Some(text);
        return;
    }
    if depth < MAX_NESTING {
        for members in inner {
            let (kept, had_error) = (found.keys.len(), found.error.is_some());
            read_object(members, depth + 1, found);
            if found.message.is_some() {
                return;
            }
            // A branch with neither the message nor the error adds none of its keys.
            if had_error || found.error.is_none() {
                found.keys.truncate(kept);
            }
        }
    }
}

/// The body to mine: the message's first line (a multi-line message is mined by it, as the text
/// path would see it), then ` key=<*>` for each other field in the line's order. The fields' values
/// (an error's text, a pod, a count) are values of the event, seen in the line's examples; which
/// fields a line holds tells its call site, so a line with an extra field (`cached=true`) is an
/// event of its own, as it is where templates are the whole line.
fn fields<K: AsRef<[u8]>>(message: &[u8], keys: &[K], level: Option<Severity>) -> Fields {
    let first_line = message.split(|&b| b == b'\n').next().unwrap_or_default();
    let mut body = first_line.to_vec();
    let mut separator: &[u8] = b" fields=";
    for key in keys
        .iter()
        .map(AsRef::as_ref)
        .filter(|k| !is_context_key(k))
    {
        body.extend_from_slice(separator);
        body.extend_from_slice(key);
        separator = b",";
    }
    Fields { body, level }
}

/// Where a line came from, present on every line of a logger: its name, call site, host, process
/// and thread (bunyan's `v`, zap's `caller`, journald's `_`-fields such as `_PID` and
/// `__CURSOR`). Out of the template they keep it short and change no grouping.
const ORIGIN_KEYS: &[&str] = &[
    "v",
    "name",
    "logger",
    "caller",
    "logging-call-at",
    "source",
    "file",
    "line",
    "func",
    "function",
    "module",
    "hostname",
    "host",
    "pid",
    "tid",
    "thread",
    "goroutine",
];

/// Keys a logger adds from its context or the line's origin rather than its call site's fields:
/// correlation ids (`reqId`, `request_id`, `trace.id`, `podUID`), which some lines of an event
/// carry and others do not, and the [`ORIGIN_KEYS`].
fn is_context_key(key: &[u8]) -> bool {
    let lower = key.to_ascii_lowercase();
    let id_word = lower.ends_with(b"id")
        && (lower.len() == 2 || {
            let before = key[key.len() - 3];
            matches!(before, b'_' | b'.' | b'-') || key.ends_with(b"Id") || key.ends_with(b"ID")
        });
    id_word
        || key.starts_with(b"_")
        || std::str::from_utf8(key).is_ok_and(|k| key_in(k, ORIGIN_KEYS).is_some())
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

/// Whether `line` opens with `key=`: what logfmt and a record of pairs open with.
pub(crate) fn opens_with_key(line: &[u8]) -> bool {
    let key_len = line.iter().take_while(|&&b| is_key_byte(b)).count();
    key_len > 0 && line.get(key_len) == Some(&b'=')
}

/// A logfmt record with a message opening `text` (`msg="…" peer=…`): its fields. A record of
/// pairs without one (`id="0002" severity="info" …`) is left to the callers' other readings.
pub(crate) fn logfmt_record(text: &[u8]) -> Option<Fields> {
    (opens_with_key(text) && looks_like_logfmt(text))
        .then(|| parse_logfmt(text.trim_ascii()))
        .flatten()
}

/// Bytes before a logfmt record's key's `=` that [`logfmt_after_words`] reads: eight fields and
/// the key.
const MAX_BYTES_BEFORE_PAIR: usize = 256;

/// How many header fields may stand before an object's members ([`behind_fields`]).
const FIELDS_BEFORE_MEMBERS: usize = 8;

/// A structured message behind what is left of a header the source's learner has not taken (yet,
/// or at all): after a lone mark of one or two bytes (`| {"msg":…}`, `-- "msg" k=v`); an
/// object's members without braces (`"msg":"…",…`, as a collector leaves a JSON line) after at
/// most [`FIELDS_BEFORE_MEMBERS`] words (`I acme::ingest "msg":"…",…`, a level and a logger that
/// vary by event); a logfmt record after as many (see [`logfmt_after_words`]). Its fields, as
/// when it opens the line; `None` when there is none, or it is no structured message.
pub(crate) fn behind_fields(text: &[u8]) -> Option<Fields> {
    after_separator(text)
        .or_else(|| members_after_words(text))
        .or_else(|| logfmt_after_words(text))
        .and_then(parse)
}

fn after_separator(text: &[u8]) -> Option<&[u8]> {
    let mark = text
        .iter()
        .take_while(|&&b| b.is_ascii_punctuation() && !matches!(b, b'"' | b'{' | b'[' | b'('))
        .count();
    if !(1..=2).contains(&mark) || !matches!(text.get(mark), Some(b' ' | b'\t')) {
        return None;
    }
    let rest = text[mark..].trim_ascii_start();
    matches!(rest.first(), Some(b'"' | b'{')).then_some(rest)
}

/// `"key":` after words that hold no quote or brace of their own (fields, not a message's text
/// quoting something). The first quote is found in one pass; most lines hold none.
fn members_after_words(text: &[u8]) -> Option<&[u8]> {
    let quote = memchr::memchr(b'"', text)?;
    let (words, rest) = text.split_at(quote);
    if !words.last().is_some_and(|&b| b == b' ' || b == b'\t') || !is_member_list(rest) {
        return None;
    }
    header_words(words).then_some(rest)
}

/// Whether `words` may be what is left of a header: at most [`FIELDS_BEFORE_MEMBERS`] of them,
/// none quoting something or holding a brace (a message's text, an object).
fn header_words(words: &[u8]) -> bool {
    let count = words
        .split(|&b| b == b' ' || b == b'\t')
        .filter(|w| !w.is_empty())
        .count();
    count <= FIELDS_BEFORE_MEMBERS && !words.iter().any(|&b| matches!(b, b'"' | b'{' | b'}'))
}

/// A logfmt record after at most [`FIELDS_BEFORE_MEMBERS`] words that hold no quote or brace
/// (`STORE: msg="Job done" queue=q1`, a component before it; `req=… 1037 msg=…`, one pair of the
/// header's own): one of two pairs or more that opens with its message, level or time, as loggers
/// write them, and holds a message. Only the first two `=` of the line are read.
fn logfmt_after_words(text: &[u8]) -> Option<&[u8]> {
    // The record's key is the first pair's or, after one pair of the header's own (`req=… 1037
    // msg=…`), the second's; more pairs before it are the record's own, after its message
    // (hclog's `Task event: alloc_id=… task=api msg=…`).
    let mut equals = memchr::memchr(b'=', text)?;
    for _ in 0..2 {
        if equals > MAX_BYTES_BEFORE_PAIR {
            return None;
        }
        let start = text[..equals]
            .iter()
            .rposition(|&b| b == b' ' || b == b'\t')
            .map_or(0, |space| space + 1);
        // Not `event=` or `text=`, which a message's words write too (`received: event=push`).
        let opens_record = std::str::from_utf8(&text[start..equals]).is_ok_and(|key| {
            key_in(key, &MESSAGE_KEYS[..2]).is_some()
                || key_in(key, LEVEL_KEYS).is_some()
                || key_in(key, TIME_KEYS).is_some()
        });
        if opens_record {
            let (words, rest) = text.split_at(start);
            // Two pairs at least: `failed message=true` is a message's words and a value.
            let pairs = memchr::memchr(b'=', &text[equals + 1..]).is_some();
            return (start > 0
                && pairs
                && header_words(words)
                && opens_with_key(rest)
                && looks_like_logfmt(rest))
            .then_some(rest);
        }
        equals += 1 + memchr::memchr(b'=', &text[equals + 1..])?;
    }
    None
}

/// `key=value` at the start, and a message key somewhere.
fn looks_like_logfmt(line: &[u8]) -> bool {
    // The first token must be `key=…` ([`opens_with_key`], which `parse` asks first).
    MESSAGE_KEYS.iter().any(|k| {
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
    let pairs = read_pairs(line)?;
    let mut message: Option<(usize, &[u8])> = None;
    let mut level = None;
    let mut keys: Vec<&str> = Vec::new();
    for (key, value, _) in &pairs {
        if let Some(rank) = key_in(key, MESSAGE_KEYS) {
            if message.is_none_or(|(r, _)| rank < r) {
                message = Some((rank, value));
            }
        } else if key_in(key, LEVEL_KEYS).is_some() {
            level = level.or_else(|| level_word(value));
        } else if key_in(key, TIME_KEYS).is_none() {
            keys.push(key);
        }
    }
    let (_, message) = message?;
    Some(fields(message, &keys, level))
}

/// A record of `key=value` pairs and nothing else (one or more), without a message key (an
/// audit record, a query's statistics): which keys it holds is the event, every value a value
/// of it, written `key=<*>` (`key="<*>"` when quoted) as ground truths write such records.
fn parse_pair_record(line: &[u8]) -> Option<Fields> {
    // `parse` asked [`opens_with_key`] first; pairs that do not run to the end are no record.
    let pairs = read_pairs(line)?;
    let mut level = None;
    let mut body = Vec::with_capacity(line.len());
    for (key, value, quoted) in &pairs {
        if key_in(key, LEVEL_KEYS).is_some() {
            level = level.or_else(|| level_word(value));
        } else if key_in(key, TIME_KEYS).is_none() && !is_context_key(key.as_bytes()) {
            if !body.is_empty() {
                body.push(b' ');
            }
            body.extend_from_slice(key.as_bytes());
            match crate::inline_json::rewrite_object(value) {
                // A JSON object's keys are the call site's (`JSON={"ID":…,"Endpoint":…}`,
                // Boulder's audit records): kept, as in a message's text.
                Some((object, len)) if !*quoted && len == value.len() => {
                    body.push(b'=');
                    body.extend_from_slice(&object);
                }
                _ => body.extend_from_slice(if *quoted { b"=\"<*>\"" } else { b"=<*>" }),
            }
        }
    }
    // Only context keys, a time or a level: nothing to tell the record by.
    (!body.is_empty()).then_some(Fields { body, level })
}

/// klog's structured form, `"message" key="value" key=value`: a quoted message, then pairs.
fn parse_quoted_message(line: &[u8]) -> Option<Fields> {
    let (_, end) = read_quoted(line, 1)?;
    let rest = line.get(end..)?;
    if !(rest.is_empty() || rest.starts_with(b" ")) {
        return None;
    }
    // The line as written, each value a variable (`pod="<*>"`), as klog's readers know it; the
    // message, quotes and escapes kept, is mined like any text.
    let mut body = line[..end].to_vec();
    for (key, _, quoted) in read_pairs(rest)? {
        body.push(b' ');
        body.extend_from_slice(key.as_bytes());
        body.push(b'=');
        if quoted {
            body.push(b'"');
        }
        body.extend_from_slice(crate::mask::WILDCARD);
        if quoted {
            body.push(b'"');
        }
    }
    Some(Fields { body, level: None })
}

/// `key=value key="quoted value" …` read into `(key, value, quoted)`; `None` when free text stands
/// among them.
fn read_pairs(line: &[u8]) -> Option<Vec<(&str, Vec<u8>, bool)>> {
    let mut pairs = Vec::new();
    let mut i = 0;
    while i < line.len() {
        while matches!(line.get(i), Some(b' ' | b'\t')) {
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
            return None;
        }
        let key = std::str::from_utf8(&line[key_start..i]).ok()?;
        i += 1;
        let quoted = line.get(i) == Some(&b'"');
        let value = if quoted {
            let (value, end) = read_quoted(line, i + 1)?;
            i = end;
            value
        } else {
            let start = i;
            if let Some(end) = bracketed_end(line, i) {
                // `currentValue=[{10.0.0.7 Hostname: Ports:[]}]`: Go's `%+v` of a struct or a
                // list, spaces and all, up to its closing bracket.
                i = end;
            }
            while i < line.len() && !matches!(line[i], b' ' | b'\t') {
                i += 1;
            }
            line[start..i].to_vec()
        };
        pairs.push((key, value, quoted));
    }
    Some(pairs)
}

/// A message ending in a Ruby hash of its fields, as Logstash writes them (`Bulk item rejected
/// {:status=>409, :index=>"logs-2026.12.03"}`): the message, then the hash with each value a
/// variable (`{:status=><*>, :index=>"<*>"}`). `None` when the text ends otherwise.
pub(crate) fn with_ruby_hash_values(text: &[u8]) -> Option<Vec<u8>> {
    if text.last() != Some(&b'}') {
        return None;
    }
    let open = text.windows(3).position(|w| w == b" {:")? + 1;
    let mut out = text[..open].to_vec();
    out.push(b'{');
    let mut i = open + 1;
    loop {
        // `:key=>`
        if text.get(i) != Some(&b':') {
            return None;
        }
        let key_start = i;
        i += 1;
        while text
            .get(i)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'?' | b'!'))
        {
            i += 1;
        }
        if i == key_start + 1 || !text[i..].starts_with(b"=>") {
            return None;
        }
        i += 2;
        out.extend_from_slice(&text[key_start..i]);
        let quoted = text.get(i) == Some(&b'"');
        i = ruby_value_end(text, i)?;
        if quoted {
            out.push(b'"');
        }
        out.extend_from_slice(crate::mask::WILDCARD);
        if quoted {
            out.push(b'"');
        }
        match text.get(i..i + 2) {
            Some(b", ") => {
                out.extend_from_slice(b", ");
                i += 2;
            }
            _ if i + 1 == text.len() => {
                out.push(b'}');
                return Some(out);
            }
            _ => return None,
        }
    }
}

/// Where the Ruby value starting at `start` ends: after its closing quote or bracket, or at the
/// `,` or `}` that follows a bare value (`409`, `nil`, `Java::JavaLang::OutOfMemoryError`).
fn ruby_value_end(text: &[u8], start: usize) -> Option<usize> {
    // The closers still expected, innermost last: `]`, `}`, and `>` of an object's `#<…>`.
    let mut closers: Vec<u8> = Vec::new();
    let mut i = start;
    while i < text.len() {
        let b = text[i];
        if closers.is_empty() && matches!(b, b',' | b'}') && i > start {
            return Some(i);
        }
        match b {
            b'"' => {
                i = read_quoted(text, i + 1)?.1;
                continue;
            }
            b'[' => closers.push(b']'),
            b'{' => closers.push(b'}'),
            b'<' if i > 0 && text[i - 1] == b'#' => closers.push(b'>'),
            _ if closers.last() == Some(&b) => {
                closers.pop();
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(line: &str) -> Option<(String, Option<Severity>)> {
        parse(line.as_bytes()).map(|f| (String::from_utf8_lossy(&f.body).into_owned(), f.level))
    }

    #[test]
    fn behind_fields_reads_members_after_a_mark_or_a_few_plain_words_only() {
        let read = |text: &str| behind_fields(text.as_bytes()).map(|f| f.body);
        let members = r#""msg":"Job done","queue":"q1""#;
        for text in [
            format!("| {members}"),
            format!("-- {{{members}}}"),
            format!("I acme::ingest {members}"),
            format!("worker-1 [main] 4021 node-7 {members}"),
        ] {
            assert_eq!(
                read(&text).as_deref(),
                Some(&b"Job done fields=queue"[..]),
                "{text}"
            );
        }
        // Nine words, a word quoting something, or no message: not a header's remnant.
        for text in [
            format!("a b c d e f g h i {members}"),
            format!(r#"said "hi" {members}"#),
            r#"INFO "queue":"q1""#.to_string(),
            format!("Sent {{{members}}}"),
        ] {
            assert_eq!(read(&text), None, "{text}");
        }
    }

    #[test]
    fn behind_fields_reads_a_logfmt_record_that_opens_as_loggers_write_one() {
        let read = |text: &str| behind_fields(text.as_bytes()).map(|f| f.body);
        for text in [
            r#"STORE: msg="Job done" queue=q1"#,
            r#"node-7 [main] level=info msg="Job done" queue=q1"#,
            r#"<I> req=req-4f2a 1037 node-07 msg="Job done" queue=q1"#,
        ] {
            assert_eq!(
                read(text).as_deref(),
                Some(&b"Job done fields=queue"[..]),
                "{text}"
            );
        }
        // A message's words before a pair (`event=` is one), a lone pair, a record without a
        // message, pairs before the message key (the record's own, after its message): no
        // record behind a header.
        for text in [
            "Webhook received: event=push repo=acme/web msg=x",
            "upload failed message=true",
            "STORE: queue=q1 size=3",
            r#"Task event: alloc_id=7 task=api msg="Exit Code: 137" failed=true"#,
        ] {
            assert_eq!(read(text), None, "{text}");
        }
    }

    #[test]
    fn json_message_level_and_error() {
        assert_eq!(
            body(
                r#"{"level":"error","ts":1714557600.1,"logger":"api.db","caller":"db/pool.go:42","msg":"query failed","error":"connection reset\nstack"}"#
            ),
            Some(("query failed fields=error".into(), Some(Severity::Error)))
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
            body(r#""msg":"Queue processor started","shard":7,"logging-call-at":"q.go:9""#),
            Some(("Queue processor started fields=shard".into(), None))
        );
        // Its closing brace may have stayed.
        assert_eq!(
            body(r#""service":"envoy","duration":8.5,"message":"http-request"}"#),
            Some(("http-request fields=duration,service".into(), None))
        );
        assert_eq!(body(r#""quoted" text: not members"#), None);
        assert_eq!(body(r#""msg":"open"#), None);
        assert_eq!(body(r#"{"a":1}"#), None);
        assert_eq!(body(r#"{"msg": 1, broken"#), None);
    }

    #[test]
    fn json_message_inside_an_envelope() {
        // CloudEvents (HashiCorp Boundary): the message two objects down, the envelope's and the
        // message's sibling keys are the fields (in the order serde_json keeps, sorted), the
        // time is not.
        assert_eq!(
            body(
                r#"{"id":"Ft2y","source":"https://h/b","specversion":"1.0","type":"system","data":{"version":"v0.1","op":"c.Start","data":{"msg":"worker authed","name":"w1"}},"time":"2026-12-17T10:00:00Z"}"#
            ),
            Some((
                "worker authed fields=data,specversion,type,data,op,version".into(),
                None
            ))
        );
        // No message at any depth: the error's text is mined.
        assert_eq!(
            body(
                r#"{"type":"error","data":{"error":"db.Query: timeout","op":"s.List"},"time":"t"}"#
            ),
            Some(("db.Query: timeout fields=data,type,error,op".into(), None))
        );
        // A message at the top wins over one inside; deeper than three objects is not searched.
        assert_eq!(
            body(r#"{"msg":"outer","data":{"msg":"inner"}}"#),
            Some(("outer fields=data".into(), None))
        );
        assert_eq!(body(r#"{"a":{"b":{"c":{"d":{"msg":"deep"}}}}}"#), None);
        assert_eq!(
            body(r#"{"a":{"x":1},"data":{"msg":"m","y":2}}"#),
            Some(("m fields=a,data,y".into(), None))
        );
        assert_eq!(
            body(r#"{"a":{"b":{"c":{"msg":"three down"}}}}"#),
            Some(("three down fields=a,b,c".into(), None))
        );
    }

    #[test]
    fn a_ruby_hash_ending_a_message_holds_variables() {
        let read = |text: &str| {
            with_ruby_hash_values(text.as_bytes()).map(|t| String::from_utf8_lossy(&t).into_owned())
        };
        assert_eq!(
            read(
                r#"Bulk item rejected {:status=>409, :index=>"logs-2026.12.03", :document_id=>nil, :reason=>"[x]: version conflict, {current} exists"}"#
            )
            .as_deref(),
            Some(
                r#"Bulk item rejected {:status=><*>, :index=>"<*>", :document_id=><*>, :reason=>"<*>"}"#
            )
        );
        // Nested values: an object's `#<…>`, a list, a hash whose `=>` closes nothing.
        assert_eq!(
            read(
                r##"Worker died {:exception=>Java::JavaLang::OutOfMemoryError, :thread=>"#<Thread:0x9f sleep>", :backtrace=>["a.rb:1", "b.rb:2"], :opts=>{:a=>1, :b=>"c"}}"##
            )
            .as_deref(),
            Some(r#"Worker died {:exception=><*>, :thread=>"<*>", :backtrace=><*>, :opts=><*>}"#)
        );
        assert_eq!(read("Pipeline started {\"pipeline.id\"=>\"main\"}"), None);
        assert_eq!(read("Reloading {:id=>\"unterminated}"), None);
        assert_eq!(read("Watching {:path=>\"/a\"} now"), None);
    }

    #[test]
    fn klog_values_quoted_or_bracketed_are_variables() {
        assert_eq!(
            body(
                r#""updating Ingress status" namespace="shop" currentValue=[{10.0.0.7 Hostname: Ports:[]}] newValue=[]"#
            ),
            Some((
                r#""updating Ingress status" namespace="<*>" currentValue=<*> newValue=<*>"#.into(),
                None
            ))
        );
        // Free text between the pairs: not this form.
        assert_eq!(body(r#""quoted" then words key=1"#), None);
        assert_eq!(body(r#""unclosed" key=[{a b"#), None);
    }

    #[test]
    fn a_record_of_pairs_without_a_message_is_read_by_its_keys() {
        assert_eq!(
            body("arch=c000003e syscall=59 success=yes exit=0 comm=\"ls\" level=warn"),
            Some((
                "arch=<*> syscall=<*> success=<*> exit=<*> comm=\"<*>\"".into(),
                Some(Severity::Warn)
            ))
        );
        assert_eq!(
            body("cwd=\"/home/ana\""),
            Some(("cwd=\"<*>\"".into(), None))
        );
        // Text after pairs, or before them, is not a record.
        assert_eq!(
            body("user=ana db=shop ok=1 size=3 and then some words"),
            None
        );
        assert_eq!(body("connected user=ana db=shop"), None);
        assert_eq!(body("time=1 level=info"), None);
        assert_eq!(body("pid=7 request_id=abc"), None);
    }

    #[test]
    fn a_record_s_json_object_keeps_its_keys() {
        // Boulder's audit line: one pair, its value an object (strings with spaces and all).
        let fields =
            parse(br#"JSON={"ID":"x1","UserAgent":"lego (linux; amd64)","Code":201}"#).unwrap();
        assert_eq!(
            String::from_utf8(fields.body).unwrap(),
            r#"JSON={"ID":"<*>","UserAgent":"<*>","Code":<*>}"#
        );
        // Other values stay placeholders.
        let fields = parse(br#"user=bob list=[a b] n="x y""#).unwrap();
        assert_eq!(
            String::from_utf8(fields.body).unwrap(),
            r#"user=<*> list=<*> n="<*>""#
        );
    }

    #[test]
    fn logfmt_message_level_and_error() {
        assert_eq!(
            body(
                r#"time=2024-05-01T10:00:00Z level=WARN msg="disk \"data\" at 91%" dev=/dev/sda1 err="io timeout""#
            ),
            Some((
                "disk \"data\" at 91% fields=dev,err".into(),
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
