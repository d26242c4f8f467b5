//! A delimited phrase inside a message: `(Got timeout reading communication packets)`,
//! `"No route to host"`, `reason: Layer4 connection problem,`.
//!
//! Brackets, quotes and the stretch from a `key:` to the next `,` or `;` (or the end) mark where a
//! value begins and ends; when that value is free text its words vary as a whole and its length
//! varies too, so the position-by-position evidence of the miner never sees it as one value (the
//! same reason as [`crate::clause`], which needs a head of constant words and a tail to the end).
//! Two templates equal outside one such span, whose spans are different phrases (lengths differ,
//! or no position alike), are one event with the span as one variable. A span differing in one
//! word only (`(draining)` / `(stopping)`) is left to that evidence. A key anchors whatever its
//! value (`delay=<*>,`); a span with one anchor word only is weak and asks for three phrases; a
//! span never opens the message (a message quoted whole is the event's name). Nothing here knows
//! a format.

use crate::clause::{ends_inside_a_quote, opens_a_phrase};
use crate::fingerprint::{finish, mix_bytes, mix_word};
use crate::mask::{WILDCARD, contains_wildcard, is_field_list};

const SPAN_SEED: u64 = 0x0073_7061_6e73;

/// Longest span considered, in tokens: beyond it a "phrase" is more likely the rest of a line
/// than one value.
const MAX_SPAN_TOKENS: usize = 24;

/// One delimited span `tokens[start..=end]`: its value lies between `open` bytes of the first
/// token and `close` bytes at the end of the last.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Bytes of `tokens[start]` before the value (`(`, `"`, or none after a `key:`).
    pub(crate) open: usize,
    /// Bytes of `tokens[end]` after the value (`)`, `").`, `,`).
    pub(crate) close: usize,
    /// After a `key:` rather than in brackets or quotes: a weaker delimiter, held to the
    /// clause rule's conditions (see [`different_phrases`]).
    pub(crate) keyed: bool,
    /// One constant word outside it only (`exited: <*> (exit status 1; expected)`): a weaker
    /// anchor, which asks for [`MIN_WEAK_PHRASES`] different phrases before the span is a value.
    pub(crate) weak: bool,
}

/// A token outside a span as its key sees it: any token holding a variable is one, but for a
/// call's name (`writev(<*>,` beside `shutdown(<*>,`: what failed names the event).
fn outside(token: &[u8]) -> &[u8] {
    if !contains_wildcard(token) {
        return token;
    }
    let name = token
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
        .count();
    if name >= 2 && token[0].is_ascii_alphabetic() && token.get(name) == Some(&b'(') {
        &token[..=name]
    } else {
        WILDCARD
    }
}

/// Templates a span anchored by one word needs before it is one value.
pub(crate) const MIN_WEAK_PHRASES: usize = 3;

impl Span {
    /// Fingerprint of everything outside the span: what two templates must share to merge. A
    /// token holding a variable counts as one whatever its kind (`"db-pg-<*>"`, `"<*>"`), as in
    /// a clause's head: templates that generalised apart still meet. A call's name stays
    /// (`writev(<*>,` is not `shutdown(<*>,`): see [`outside`].
    pub(crate) fn key(&self, tokens: &[Box<[u8]>]) -> u64 {
        let mut state = mix_word(SPAN_SEED, self.start as u64);
        for t in &tokens[..self.start] {
            state = mix_bytes(state, outside(t));
        }
        state = mix_bytes(state, &tokens[self.start][..self.open]);
        let last = &tokens[self.end];
        state = mix_bytes(state, &last[last.len() - self.close..]);
        state = mix_word(state, (tokens.len() - self.end) as u64);
        for t in &tokens[self.end + 1..] {
            state = mix_bytes(state, outside(t));
        }
        finish(state)
    }

    /// The span written as one token: its delimiters around `<*>`.
    pub(crate) fn merged_token(&self, tokens: &[Box<[u8]>], wildcard: &[u8]) -> Box<[u8]> {
        let first = &tokens[self.start];
        let last = &tokens[self.end];
        let mut out = Vec::with_capacity(self.open + wildcard.len() + self.close);
        out.extend_from_slice(&first[..self.open]);
        out.extend_from_slice(wildcard);
        out.extend_from_slice(&last[last.len() - self.close..]);
        out.into_boxed_slice()
    }

    /// The span's value tokens, with the delimiters cut off the first and last.
    fn value<'a>(&self, tokens: &'a [Box<[u8]>]) -> Vec<&'a [u8]> {
        let mut out: Vec<&[u8]> = tokens[self.start..=self.end]
            .iter()
            .map(|t| &t[..])
            .collect();
        let n = out.len();
        if n == 1 {
            let t = out[0];
            out[0] = &t[self.open..t.len() - self.close];
        } else {
            out[0] = &out[0][self.open..];
            let t = out[n - 1];
            out[n - 1] = &t[..t.len() - self.close];
        }
        out.retain(|t| !t.is_empty());
        out
    }
}

fn closer_of(b: u8) -> Option<u8> {
    match b {
        b'(' => Some(b')'),
        b'[' => Some(b']'),
        b'{' => Some(b'}'),
        b'"' => Some(b'"'),
        b'\'' => Some(b'\''),
        // Markdown's and Cargo's code quotes (`` Running `rustc …` ``).
        b'`' => Some(b'`'),
        _ => None,
    }
}

/// Punctuation that may follow a closing delimiter within its token.
fn is_trailing(b: u8) -> bool {
    matches!(
        b,
        b'.' | b',' | b';' | b':' | b')' | b']' | b'}' | b'"' | b'\'' | b'`'
    )
}

/// The delimited spans of a template's tokens, outermost first, at most one starting per token.
/// A span's value holds a word, and at least two constant words stay outside it.
pub(crate) fn spans(tokens: &[Box<[u8]>]) -> Vec<Span> {
    let mut out = Vec::new();
    // From the second token: a message quoted whole (`"Add event for pod" pod="…"`, klog's
    // structured lines) is the event's name, not a value in it.
    for start in 1..tokens.len() {
        let token = &tokens[start];
        let at = glued_key_len(token);
        // A JSON object (`{"NumberUnavailable": <*>}`): its keys say what it carries, as a
        // structured line's fields do; never one free-text value.
        if is_json_object_opening(&token[at..]) {
            continue;
        }
        let found = match token.get(at).copied().and_then(closer_of) {
            Some(closer) => bracketed(tokens, start, at, closer),
            None => {
                // After a `key:` (a word ending in a colon) with two tokens before it, as for a
                // clause head: the value runs to a `,`/`;` or the end of the line.
                let after_key = start > 2
                    && tokens[start - 1].len() > 2
                    && tokens[start - 1].ends_with(b":")
                    && !contains_wildcard(&tokens[start - 1])
                    && !ends_inside_a_quote(&tokens[..start]);
                if after_key {
                    keyed(tokens, start)
                } else {
                    last_key_value(tokens, start)
                }
            }
        };
        if let Some(mut span) = found {
            match anchor_words(tokens, &span) {
                0 => {}
                1 if span.keyed => {}
                1 => {
                    span.weak = true;
                    out.push(span);
                }
                _ => out.push(span),
            }
        }
    }
    out
}

/// `{"key":`: a JSON object's opening, its first key closed by a colon (a Ruby hash's
/// `{"key"=>…}`, Rails's parameters, is a value written whole).
fn is_json_object_opening(token: &[u8]) -> bool {
    token.strip_prefix(b"{\"").is_some_and(|rest| {
        rest.iter()
            .position(|&b| b == b'"')
            .is_some_and(|close| rest.get(close + 1) == Some(&b':'))
    })
}

/// The value of the line's last `key=value`, words to the end of the line
/// (`CN=Example Corp VPN CA`, `CN=gw-lyon`): written without quotes, it runs to the end, as no
/// other `key=` follows.
fn last_key_value(tokens: &[Box<[u8]>], start: usize) -> Option<Span> {
    let token = &tokens[start];
    let eq = token.iter().position(|&b| b == b'=')?;
    let key = &token[..eq];
    let opens_word = token.get(eq + 1).is_some_and(u8::is_ascii_alphabetic);
    let plain_key = key.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
        && key
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    let last = tokens.len() - 1;
    let rest_plain = tokens[start + 1..]
        .iter()
        .all(|t| !t.contains(&b'=') && !contains_wildcard(t));
    (opens_word && plain_key && rest_plain && last - start < MAX_SPAN_TOKENS).then_some(Span {
        start,
        end: last,
        open: eq + 1,
        close: 0,
        keyed: true,
        weak: false,
    })
}

/// Length of a key glued before an opening bracket or quote (`error:[EOF]`, `reason="…"`,
/// `filter:{…}`): a word of two letters or more and its `:` or `=`; 0 when the token opens
/// with the bracket itself or holds no such key. The key stays outside the value, as a key
/// before a space would.
fn glued_key_len(token: &[u8]) -> usize {
    // Python's string prefixes (`b'…'`, `u"…"`, `rb'…'`): the literal's kind, outside its value.
    let prefix = token
        .iter()
        .take(3)
        .take_while(|b| matches!(b, b'b' | b'u' | b'r' | b'f' | b'B' | b'U' | b'R' | b'F'))
        .count();
    if (1..=2).contains(&prefix) && matches!(token.get(prefix), Some(b'\'' | b'"')) {
        return prefix;
    }
    let word = token
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        .count();
    if !token.get(word).is_some_and(|&b| b == b':' || b == b'=')
        || token[..word]
            .iter()
            .filter(|b| b.is_ascii_alphabetic())
            .count()
            < 2
    {
        return 0;
    }
    // A type name may stand between the key and the bracket (Go's `identity:map[…]`).
    let type_name = token[word + 1..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let at = word + 1 + type_name;
    if token.get(at).copied().and_then(closer_of).is_some() {
        at
    } else {
        0
    }
}

fn bracketed(tokens: &[Box<[u8]>], start: usize, at: usize, closer: u8) -> Option<Span> {
    let last = (start + MAX_SPAN_TOKENS).min(tokens.len());
    let opener = tokens[start][at];
    let open = at + 1;
    if opener == closer {
        // Quotes: the first token from `start` on ending in the quote (punctuation after it
        // allowed); a one-token span needs its own opening quote too.
        for (end, t) in tokens.iter().enumerate().take(last).skip(start) {
            let kept = t.len()
                - t.iter()
                    .rev()
                    .take_while(|&&b| is_trailing(b) && b != closer)
                    .count();
            let min_len = if end == start { open + 1 } else { 1 };
            if kept >= min_len && t[kept - 1] == closer {
                return Some(Span {
                    start,
                    end,
                    open,
                    close: t.len() - kept + 1,
                    keyed: false,
                    weak: false,
                });
            }
        }
        return None;
    }
    let mut depth = 0i32;
    for (end, t) in tokens.iter().enumerate().take(last).skip(start) {
        let from = if end == start { at } else { 0 };
        for (i, &b) in t.iter().enumerate().skip(from) {
            if b == opener {
                depth += 1;
            } else if b == closer {
                depth -= 1;
                if depth == 0 {
                    // The closer must end the token, give or take trailing punctuation.
                    if !t[i + 1..].iter().all(|&b| is_trailing(b)) {
                        return None;
                    }
                    return Some(Span {
                        start,
                        end,
                        open,
                        close: t.len() - i,
                        keyed: false,
                        weak: false,
                    });
                }
            }
        }
    }
    None
}

fn keyed(tokens: &[Box<[u8]>], start: usize) -> Option<Span> {
    let last = (start + MAX_SPAN_TOKENS).min(tokens.len());
    // Another `key:` before any `,` may be a second key (`db: shop user: ivan`) or the error's
    // own (`failed: read() failed: reset by peer, retrying`): a `,` or `;` still closes the
    // value across it, the end of the line does not.
    let mut crossed_a_key = false;
    for (end, t) in tokens.iter().enumerate().take(last).skip(start) {
        if t.ends_with(b",") || t.ends_with(b";") {
            return (t.len() > 1).then_some(Span {
                start,
                end,
                open: 0,
                close: 1,
                keyed: true,
                weak: false,
            });
        }
        if end > start && t.len() > 1 && t.ends_with(b":") {
            crossed_a_key = true;
        }
    }
    (last == tokens.len() && !crossed_a_key).then_some(Span {
        start,
        end: tokens.len() - 1,
        open: 0,
        close: 0,
        keyed: true,
        weak: false,
    })
}

/// The constant words outside the span, which anchor the template (two, or one for a weak
/// span); a key is one (`delay=<*>,`), whatever its value, and so is a call's name.
fn anchor_words(tokens: &[Box<[u8]>], span: &Span) -> usize {
    tokens
        .iter()
        .enumerate()
        .filter(|&(i, _)| i < span.start || i > span.end)
        // A structured line's field names (`fields=a,b`) anchor nothing (see `crate::gap`).
        .filter(|(_, t)| !is_field_list(t))
        .filter(|(_, t)| {
            let constant = match t.iter().position(|&b| b == b'=') {
                Some(at) if at > 0 => &t[..at],
                _ => outside(t),
            };
            !contains_wildcard(constant)
                && constant.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
        })
        .count()
}

/// True when two spans with the same key hold different phrases: a word in one of them, and
/// their lengths differ or no position holds the same token in both.
pub(crate) fn different_phrases(
    a_tokens: &[Box<[u8]>],
    a: &Span,
    b_tokens: &[Box<[u8]>],
    b: &Span,
) -> bool {
    let (x, y) = (a.value(a_tokens), b.value(b_tokens));
    let wordy = |v: &[&[u8]]| {
        v.iter()
            .any(|t| t.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2)
    };
    if x.is_empty() || y.is_empty() || !(wordy(&x) || wordy(&y)) {
        return false;
    }
    // After a `key:`, as for a clause: both values start with a word in lower or mixed case (an
    // upper-case `TASK_ABORT` names an event kind).
    let starts_with_word = |v: &[&[u8]]| opens_a_phrase(v[0]);
    if (a.keyed || b.keyed) && !(starts_with_word(&x) && starts_with_word(&y)) {
        return false;
    }
    if x.len() != y.len() {
        return true;
    }
    x.len() >= 2 && x.iter().zip(&y).all(|(p, q)| p != q)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mask::whitespace_tokens as tokens;

    fn first_span(text: &str, start: usize) -> Option<Span> {
        spans(&tokens(text)).into_iter().find(|s| s.start == start)
    }

    #[test]
    fn a_key_counts_any_token_holding_a_variable_as_one() {
        let key = |text: &str| {
            let t = tokens(text);
            spans(&t)
                .into_iter()
                .find(|s| s.start == 4)
                .map(|s| s.key(&t))
        };
        let generalised = key("check on \"<*>\" failed (timed out) now");
        assert!(generalised.is_some());
        assert_eq!(
            key("check on \"db-pg-<*>\" failed (connection refused by peer) now"),
            generalised
        );
        assert_ne!(key("check on \"web\" failed (timed out) now"), generalised);
        // But for a call's name: what failed names the event, and anchors the span.
        let call = |text: &str| {
            let t = tokens(text);
            spans(&t)
                .into_iter()
                .find(|s| s.start == 5)
                .map(|s| (s.key(&t), s.weak))
        };
        let writev = call("<*> <*> writev(<*>, <*>) failed (<*>: Broken pipe)");
        let shutdown = call("<*> <*> shutdown(<*>, <*>) failed (<*>: Connection reset)");
        assert!(writev.is_some_and(|(_, weak)| !weak));
        assert_ne!(writev.map(|(k, _)| k), shutdown.map(|(k, _)| k));
    }

    #[test]
    fn a_python_string_literal_s_prefix_stays_outside_its_value() {
        // Zuul's `Ansible output: b'TASK [tox : Run tox testenv] ****'`.
        let span = first_span("Ansible output: b'TASK [tox : Run tox] ****'", 2);
        assert!(span.is_some_and(|s| s.open == 2 && s.end == 7), "{span:?}");
        assert_eq!(glued_key_len(b"rb\"x"), 2);
        // Backticks quote too (Cargo's `` Running `rustc --crate-name quill` ``).
        let span = first_span("Compiling quill now: `rustc --crate-name quill` done", 3);
        assert!(span.is_some_and(|s| s.open == 1 && s.end == 5), "{span:?}");
        // A word before a quote is no prefix.
        assert_eq!(glued_key_len(b"bar'x"), 0);
    }

    #[test]
    fn a_json_object_is_no_span_and_a_ruby_hash_is_one() {
        // zap's context: its keys tell events apart (`{"NumberUnavailable": <*>}` beside
        // `{"LabelSelector": "<*>"}`).
        assert_eq!(
            first_span("DEBUG: DaemonSet {\"NumberUnavailable\": <*>}", 2),
            None
        );
        assert_eq!(
            first_span("DaemonSet identical {\"DaemonSet\": \"<*>\"}", 2),
            None
        );
        // Rails's parameters, a Ruby hash written whole: one value.
        assert!(
            first_span(
                "Processing by X as HTML Parameters: {\"user\"=>{\"id\"=>\"<*>\"}}",
                6
            )
            .is_some()
        );
    }

    #[test]
    fn brackets_quotes_and_keyed_values_are_spans() {
        let t = "Aborted connection <*> to db (Got timeout reading packets).";
        let span = first_span(t, 5).expect("a parenthesised span");
        assert_eq!((span.end, span.open, span.close), (8, 1, 2));
        let t = "check for server failed, info: \"No route to host\", check duration: <*>ms";
        let span = first_span(t, 5).expect("a quoted span");
        assert_eq!((span.end, span.close), (8, 2));
        let t = "Server is DOWN, reason: Layer4 connection problem, check passed";
        let span = first_span(t, 4).expect("a keyed span");
        assert_eq!((span.end, span.open, span.close), (6, 0, 1));
        // An error's own `key:` does not end a value a `,` closes; the end of the line does not
        // close one across it.
        let t = "agent check on host failed: read() failed: reset by peer, retrying soon";
        let span = first_span(t, 5).expect("a keyed span across a colon");
        assert_eq!(span.end, 9);
        assert!(first_span("agent check on host failed: db: shop user: ivan", 5).is_none());
        // The line's last `key=value` runs to its end, words and all.
        let t = "203.0.113.9 VERIFY OK: depth=1, CN=Example Corp VPN CA";
        let span = first_span(t, 4).expect("a last key=value");
        assert_eq!((span.end, span.open, span.close), (7, 3, 0));
        assert!(first_span("VERIFY OK: depth=1, CN=Example Corp key=v", 3).is_none());
        // A bracket or quote glued to its key opens a span after the key, a Go type name too.
        let t = "Failed to handle client connection. error:[read tcp <*> i/o timeout] src:<*>";
        let span = first_span(t, 5).expect("a bracket after a glued key");
        assert_eq!((span.end, span.open, span.close), (9, 7, 1));
        let t = "cert created identity:map[logins:[a b] user:c] time:<*>";
        let span = first_span(t, 2).expect("a map after a glued key");
        assert_eq!((span.end, span.open), (4, 13));
        let t = "task ended reason=\"exit status 1\" code:<*>";
        assert_eq!(first_span(t, 2).map(|s| (s.end, s.open)), Some((4, 8)));
        assert!(first_span("task ended x:[a b] code:<*>", 2).is_none());
        // Nested brackets end at the matching closer.
        let t = "health changed (reason: [shards started [[a][0], [b][1]]]).";
        let span = first_span(t, 2).expect("nested");
        assert_eq!(span.end, 6);
        // One constant word outside: a weak span; none: no span.
        assert!(first_span("failed (no such file)", 1).is_some_and(|s| s.weak));
        assert!(first_span("<*> (no such file)", 1).is_none());
        assert!(first_span("copy failed (disk full)", 2).is_some_and(|s| !s.weak));
        // The message itself quoted is no span.
        assert!(first_span("\"Add event for pod\" pod=\"a\" node=\"b\"", 0).is_none());
        // Keys anchor whatever their values: `delay=<*>,` and `status=sent` are two.
        assert!(first_span("delay=<*>, status=sent (<*> Message accepted)", 2).is_some());
        assert!(first_span("<*> status=sent (<*> Message accepted)", 2).is_some_and(|s| s.weak));
    }

    #[test]
    fn phrases_differ_by_length_or_in_every_position() {
        let a = tokens("child exited on signal (SIGKILL) after start");
        let b = tokens("child exited on signal (SIGSEGV) after start");
        let (sa, sb) = (
            first_span("child exited on signal (SIGKILL) after start", 4).unwrap(),
            first_span("child exited on signal (SIGSEGV) after start", 4).unwrap(),
        );
        assert_eq!(sa.key(&a), sb.key(&b));
        assert!(!different_phrases(&a, &sa, &b, &sb));
        let a = tokens("could not resolve host (Name or service not known) now");
        let b = tokens("could not resolve host (Temporary failure) now");
        let sa = spans(&a)[0];
        let sb = spans(&b)[0];
        assert_eq!(sa.key(&a), sb.key(&b));
        assert!(different_phrases(&a, &sa, &b, &sb));
        assert_eq!(&*sa.merged_token(&a, b"<*>"), b"(<*>)");
    }
}
