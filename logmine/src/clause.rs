//! The clause after a colon: `Error accepting a client connection: Too many open files`.
//!
//! A message often states what happened, a colon, then why: the reason is free text (an error
//! string, a panic value) whose words vary as a whole and whose length varies too, so the
//! position-by-position evidence of the miner never sees it as one value. Two templates that
//! share a head of constant words up to a token ending in `:`, and whose tails are different
//! phrases (no position alike), are one event with the tail as one variable. A tail differing in
//! one word only (`connection refused` / `connection reset`) is left to that evidence.
//!
//! A head holding a variable (`Error in preprocessing inputs for request <*>: …`) is weaker
//! evidence: it asks for three different reasons, one of which may start with a value, and for
//! words in lower or mixed case around the variable (upper-case constants there are more often
//! what is left of a header). Ids of any kind count as one in a head.
//!
//! An error's type opening the line (`RequestError: connect ETIMEDOUT …`) is a weak head of its
//! own: its message is the reason. Further on, an exception's type opens the tail, not the head
//! (`… the request. System.TimeoutException: …`, `… threw java.io.IOException: …`): it varies
//! with the message after it. Marks opening both tails (`** (KeyError) …`) are not compared.

use crate::fingerprint::{finish, mix_bytes, mix_word};
use crate::mask::{WILDCARD, contains_wildcard};

/// A template's token.
type Token = Box<[u8]>;

const HEAD_SEED: u64 = 0x0068_6561_6473;
const TAIL_SEED: u64 = 0x0074_6169_6c73;

/// The head of a clause: the index of its last token, and whether it is weak evidence (a head
/// token holds a variable, `for request <*>:`, or a preposition ends it), which asks for more
/// different tails before the tail is one value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Head {
    pub(crate) end: usize,
    pub(crate) variable: bool,
}

/// Distinct tails a head holding a variable needs before its tail is one value: a variable in
/// the head makes two templates sharing it a weaker sign than two sharing constant words.
pub(crate) const MIN_TAILS_AFTER_A_VARIABLE: usize = 3;

/// The head ending at the first token from the line's third on that ends in `:` (not a colon set
/// apart inside a bracket the head opened, nor one inside a quote the line opened, nor a key whose
/// value closes with `;`, where that `;` ends it) or says a reason follows, and has a tail after it, when at least two head tokens are
/// constant words (else at the next such token that can end a head: `perfmgr_query_counters:
/// ERR <*>:` is a function and an error code); where none does, a weak head ending at a preposition
/// ([`preposition_head`]). `lead_dropped`: the line opened with a value the masker dropped
/// (`10.0.0.7 lost connection: Timed out`), so the tokens start at the line's second.
pub(crate) fn head(tokens: &[Box<[u8]>], lead_dropped: bool) -> Option<Head> {
    // `word:`, or a colon set apart (`Got async event : port error`), or the words that say a
    // reason follows (`caused by`, `because`, `due to`).
    // A colon set apart inside a bracket the head opened (`TASK [nginx : reload nginx]`) joins
    // the parts of a bracketed name, not the message's clauses.
    // `remoteAddr: "<*>"; requestURI: <*>; cannot parse …`: a `;` closing a key's value ends
    // a head of fields.
    let ends_fields = |i: usize| {
        tokens[i].ends_with(b";")
            && i > 0
            && tokens[i - 1].ends_with(b":")
            && tokens[i - 1].len() > 1
    };
    let key_of_field = |i: usize| tokens.get(i + 1).is_some_and(|t| t.ends_with(b";"));
    // A message quoted whole (`"Failed to collect metrics; err: …"`, logfmt's `msg` as a
    // collector cut it): its quote is the line's, not a quoted name's.
    let quoted_whole = tokens.len() > 2
        && tokens[0].starts_with(b"\"")
        && tokens[tokens.len() - 1].ends_with(b"\"")
        && tokens[1..tokens.len() - 1]
            .iter()
            .all(|t| !t.contains(&b'"'));
    // `Poll UPS [ups1] failed - Data stale`: a dash after a word naming a failure says the
    // reason follows, as a colon does.
    let dash_after_failure = |i: usize| {
        &tokens[i][..] == b"-" && i > 0 && crate::closed::names_a_failure(&tokens[i - 1])
    };
    let ends_a_head = |i: usize| {
        ((tokens[i].ends_with(b":") && !key_of_field(i))
            || introduces_a_reason(&tokens[..=i])
            || dash_after_failure(i)
            || ends_fields(i))
            && !(&tokens[i][..] == b":" && opens_unclosed_bracket(&tokens[..=i]))
            && (quoted_whole || !ends_inside_a_quote(&tokens[..=i]))
    };
    // A two-token head after a dropped value is a phrase of plain words (`lost connection:`),
    // not what is left of a header (`[lua] healthcheck.lua:<*>:`).
    let phrase =
        |t: &[u8]| opens_a_phrase(t) && t.iter().all(|b| b.is_ascii_alphabetic() || *b == b':');
    // An error's type opening the line (`RequestError: connect ETIMEDOUT …`, `TypeError: …`):
    // the message after it is the reason, held to a weak head's count of tails.
    // A tag of that shape before a value (`LustreError: <*>:0:(ldlm_lib.c:…) …`) is a
    // component's: what follows names the event.
    if !lead_dropped
        && tokens.len() > 1
        && is_error_type(&tokens[0])
        && !contains_wildcard(&tokens[1])
    {
        return Some(Head {
            end: 0,
            variable: true,
        });
    }
    // `sendmsg: Network is down`, `authentication error: Permission denied`: a call's name or
    // two lower-case words, and the C library's text for the error, as `perror` writes them.
    // So short a head is weak; the text says a reason follows (and two different texts are
    // enough, as after a value: see [`is_perror_head`]).
    let short_error_head = |end: usize| {
        tokens.len() > end + 2
            && is_call_name(&tokens[end])
            && tokens[..end]
                .iter()
                .all(|t| t.len() >= 2 && t.iter().all(u8::is_ascii_lowercase))
            && crate::closed::is_error_text(&tokens[end + 1..])
    };
    if let Some(end) = (0..2).find(|&end| short_error_head(end)) {
        return Some(Head {
            end,
            variable: true,
        });
    }
    let short =
        lead_dropped && tokens.len() > 1 && ends_a_head(1) && tokens[..2].iter().all(|t| phrase(t));
    let end = if short {
        1
    } else if let Some(end) = (2..tokens.len()).find(|&i| ends_a_head(i)) {
        end
    } else {
        return preposition_head(tokens);
    };
    if end + 1 >= tokens.len() {
        return None;
    }
    // A prefix that cannot be a head (`perfmgr_query_counters: ERR <*>:`, a function and an
    // error code) leaves the next colon to end one.
    let head = head_ending_at(tokens, end);
    if head.is_some() || short {
        return head;
    }
    (end + 1..tokens.len())
        .filter(|&i| ends_a_head(i))
        .find_map(|i| head_ending_at(tokens, i))
}

/// The head `tokens[..=end]`, when it can be one: a tail after it, two constant words in it, and
/// words in lower or mixed case around any variable.
fn head_ending_at(tokens: &[Box<[u8]>], end: usize) -> Option<Head> {
    if end + 1 >= tokens.len() {
        return None;
    }
    // `… the request. System.TimeoutException: The operation …`: after a sentence, an
    // exception's type and its message are the reason together (the type varies with it).
    let after_sentence = tokens[end - 1].ends_with(b".");
    // `Job failed: java.sql.SQLException: …`: a short head closed by its colon before the type;
    // not a stack trace's `Caused by:`, whose exception names the line.
    let after_short_head = end == 2
        && tokens[1].ends_with(b":")
        && &tokens[1][..] != b"by:"
        && is_exception_type(&tokens[end]);
    let end = if (end >= 3 || after_short_head)
        && (after_sentence || is_exception_type(&tokens[end]))
        && is_type_name(&tokens[end])
    {
        end - 1
    } else {
        end
    };
    let head = &tokens[..=end];
    let words: Vec<&[u8]> = head
        .iter()
        .map(|t| &t[..])
        .filter(|t| {
            !contains_wildcard(t) && t.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
        })
        .collect();
    let variable = head.iter().any(|t| contains_wildcard(t));
    // A head holding a variable speaks in words (two in lower or mixed case): upper-case
    // constants around a variable (`UTC [<*>] LOG C-<*>:`) are more often what is left of a
    // header than a message's head.
    let speaks = words.iter().filter(|w| opens_a_phrase(w)).count() >= 2;
    (words.len() >= 2 && (speaks || !variable)).then_some(Head { end, variable })
}

/// `sendmsg:`, `nut_libusb_get_interrupt:`: a function's name closed by a colon (lower case,
/// digits and `_`, three characters or more).
fn is_call_name(token: &[u8]) -> bool {
    token.strip_suffix(b":").is_some_and(|name| {
        name.len() >= 3
            && name.first().is_some_and(u8::is_ascii_lowercase)
            && name
                .iter()
                .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    })
}

/// Prepositions that may end a head where no colon does: what follows names a thing
/// (`Completed scanning disk for Slow Horses`).
const HEAD_PREPOSITIONS: &[&[u8]] = &[b"for", b"to", b"from", b"of", b"on", b"with", b"into"];

/// A head of constant words ending in a preposition, from the line's third token on, when no
/// colon ends one: weaker evidence than a colon, held to a head holding a variable's
/// conditions ([`MIN_TAILS_AFTER_A_VARIABLE`] different tails).
pub(crate) fn preposition_head(tokens: &[Token]) -> Option<Head> {
    let end = (2..tokens.len().saturating_sub(1))
        .find(|&i| HEAD_PREPOSITIONS.contains(&&tokens[i][..]))?;
    let plain = |t: &Token| t.iter().all(u8::is_ascii_alphabetic);
    (tokens[..=end].iter().all(plain) && opens_a_phrase(&tokens[0])).then_some(Head {
        end,
        variable: true,
    })
}

/// Whether `tokens` leave a `[`, `(` or `{` open.
fn opens_unclosed_bracket(tokens: &[Token]) -> bool {
    let mut depth = 0i32;
    for &b in tokens.iter().flat_map(|t| t.iter()) {
        match b {
            b'[' | b'(' | b'{' => depth += 1,
            b']' | b')' | b'}' => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// Whether the last of `tokens` stands inside a quote one of them opened (`Cron job 'Snailmail:
/// process letters queue' (33) started`): its colon is the quoted name's, not the message's. A
/// token opens a quote when, past any opening brackets, it begins with one that it does not
/// close itself; a later token holding the same quote closes it.
pub(crate) fn ends_inside_a_quote(tokens: &[Token]) -> bool {
    let mut open: Option<u8> = None;
    for token in tokens {
        match open {
            None => {
                let lead = token
                    .iter()
                    .position(|b| !matches!(b, b'(' | b'[' | b'{'))
                    .unwrap_or(token.len());
                if let Some(&q @ (b'\'' | b'"')) = token.get(lead)
                    && !token[lead + 1..].contains(&q)
                {
                    open = Some(q);
                }
            }
            Some(q) => {
                if token.contains(&q) {
                    open = None;
                }
            }
        }
    }
    open.is_some()
}

/// Whether the last of `tokens` ends an English phrase that introduces a reason: `because`,
/// `caused by`, `due to`.
fn introduces_a_reason(tokens: &[Token]) -> bool {
    let word = |back: usize| {
        tokens
            .len()
            .checked_sub(back + 1)
            .map(|i| &tokens[i][..])
            .unwrap_or_default()
    };
    word(0) == b"because"
        || (word(0) == b"by" && word(1) == b"caused")
        || (word(0) == b"to" && word(1) == b"due")
}

/// `Namespace.TypeName:` or `SomethingError:` / `SomethingException:`: an exception's type
/// before its message.
fn is_type_name(token: &[u8]) -> bool {
    let Some(name) = token.strip_suffix(b":") else {
        return false;
    };
    let last = name.rsplit(|&b| b == b'.').next().unwrap_or(name);
    let qualified = name.contains(&b'.');
    name.first().is_some_and(u8::is_ascii_alphabetic)
        && name
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'$'))
        && last.first().is_some_and(u8::is_ascii_uppercase)
        && last.iter().any(u8::is_ascii_lowercase)
        && (qualified || last.ends_with(b"Exception") || last.ends_with(b"Error"))
}

/// `RequestError:`, `java.net.ConnectException:`: a type name (see [`is_type_name`]) that names an
/// error or an exception, not a logger (`org.eclipse.jetty.server.Server:`).
fn is_error_type(token: &[u8]) -> bool {
    let name = token.strip_suffix(b":").unwrap_or(token);
    is_type_name(token) && (name.ends_with(b"Exception") || name.ends_with(b"Error"))
}

/// `java.io.IOException:`: a qualified name of an exception or error type, which is the reason's
/// first word wherever it stands (`… threw java.io.IOException: Broken pipe`).
fn is_exception_type(token: &[u8]) -> bool {
    let name = token.strip_suffix(b":").unwrap_or(token);
    name.contains(&b'.') && (name.ends_with(b"Exception") || name.ends_with(b"Error"))
}

/// Fingerprint of the head `tokens[..=end]`.
/// Every token holding a variable counts as one (`request chatcmpl-<*>:`, `request cmpl-<*>:`
/// and `request <*>:` are one head): ids of several kinds in one place are one value, and the
/// tails decide. So does a word of a closed set (`Request GET … failed:`, `Request PUT …
/// failed:`): a value whatever else; and a tag in marks ([`is_tag_in_marks`]).
pub(crate) fn head_key(tokens: &[Box<[u8]>], end: usize) -> u64 {
    let state =
        tokens[..=end]
            .iter()
            .enumerate()
            .fold(mix_word(HEAD_SEED, end as u64), |s, (i, t)| {
                if contains_wildcard(t)
                    || crate::closed::closed_set(t).is_some()
                    || is_tag_in_marks(t)
                    || (i > 0 && (is_dotted_name(t) || is_transition(t)))
                {
                    mix_bytes(s, WILDCARD)
                } else {
                    mix_bytes(s, t)
                }
            });
    finish(state)
}

/// `docker.cpu`, `mysql.status:`: lower-case parts joined by dots, a colon after it aside: a
/// module's or a metric's name, which a head written after the event's words names as a value
/// (`Error fetching data for metricset docker.cpu: …`).
fn is_dotted_name(token: &[u8]) -> bool {
    let token = token.strip_suffix(b":").unwrap_or(token);
    token.contains(&b'.')
        && token.first().is_some_and(u8::is_ascii_lowercase)
        && token.last().is_some_and(u8::is_ascii_lowercase)
        && !token.windows(2).any(|w| w == b"..")
        && token
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_'))
}

/// `(STARTING->HEALTHY):`, `up->down`: a change from one state to another, in brackets or
/// not, a colon after it aside: the states are the line's values.
fn is_transition(token: &[u8]) -> bool {
    let token = token.strip_suffix(b":").unwrap_or(token);
    let inner = match (token.first(), token.last()) {
        (Some(b'('), Some(b')')) | (Some(b'['), Some(b']')) => &token[1..token.len() - 1],
        _ => token,
    };
    let Some(arrow) = inner.windows(2).position(|w| w == b"->") else {
        return false;
    };
    let (from, to) = (&inner[..arrow], &inner[arrow + 2..]);
    let state = |s: &[u8]| !s.is_empty() && s.iter().all(|&b| b.is_ascii_alphabetic() || b == b'_');
    state(from) && state(to)
}

/// A snake-case tag in brackets or parentheses, a colon after it aside (`(conn_done):`,
/// `[ap_handshake]`): a phase or a component a program names in its own words, a value in a
/// head as an id is. A plain word there (`(main)`, `(handshake)`) is as often the event's.
fn is_tag_in_marks(token: &[u8]) -> bool {
    let token = token.strip_suffix(b":").unwrap_or(token);
    let inner = match (token.first(), token.last()) {
        (Some(b'('), Some(b')')) | (Some(b'['), Some(b']')) => &token[1..token.len() - 1],
        _ => return false,
    };
    inner.contains(&b'_')
        && inner.first().is_some_and(u8::is_ascii_lowercase)
        && inner
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Fingerprint of a tail.
pub(crate) fn tail_key(tail: &[Box<[u8]>]) -> u64 {
    finish(
        tail.iter()
            .fold(mix_word(TAIL_SEED, tail.len() as u64), |s, t| {
                mix_bytes(s, t)
            }),
    )
}

/// Whether `token` can open a free-text phrase: a word of two letters or more in lower or mixed
/// case. An upper-case constant such as `TASK_ABORT` names an event kind, not a reason.
pub(crate) fn opens_a_phrase(token: &[u8]) -> bool {
    token.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
        && token.iter().any(u8::is_ascii_lowercase)
}

/// True when two tails are different phrases: both start with a word in lower or mixed case (an
/// upper-case constant such as `TASK_ABORT` names an event kind, not a reason), one has two
/// tokens or more, and no position holds the same token in both.
pub(crate) fn different_phrases(a: &[Box<[u8]>], b: &[Box<[u8]>]) -> bool {
    let (a, b) = before_shared_trailer(a, b);
    if different_error_texts(a, b) {
        return true;
    }
    let (a, b) = after_shared_marks(a, b);
    let (a, b) = after_shared_heads(a, b);
    let (a, b) = after_shared_words(a, b);
    if different_exceptions(a, b) {
        return true;
    }
    let starts_with_word = |tail: &[Box<[u8]>]| tail.first().is_some_and(|t| opens_a_phrase(t));
    starts_with_word(a)
        && starts_with_word(b)
        && a.len().max(b.len()) >= 2
        && a.iter().zip(b).all(|(x, y)| x != y)
}

/// [`different_phrases`] for a head holding a variable, which needs
/// [`MIN_TAILS_AFTER_A_VARIABLE`] tails: one of the two may start with a value (`<*> Service
/// Unavailable` beside `Read timed out`).
pub(crate) fn different_tails(a: &[Box<[u8]>], b: &[Box<[u8]>]) -> bool {
    let (a, b) = before_shared_trailer(a, b);
    if different_error_texts(a, b) {
        return true;
    }
    let (a, b) = after_shared_marks(a, b);
    let (a, b) = after_shared_heads(a, b);
    let (a, b) = after_shared_words(a, b);
    if different_exceptions(a, b) {
        return true;
    }
    // A sentence in capitals (`SELECT * FROM t`) opens a phrase too; a lone `TASK_ABORT` not.
    let starts_with_word = |tail: &[Box<[u8]>]| {
        tail.first().is_some_and(|t| {
            opens_a_phrase(t)
                || (tail.len() >= 3 && t.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2)
        })
    };
    (starts_with_word(a) || starts_with_word(b))
        && a.len().max(b.len()) >= 2
        && a.iter().zip(b).all(|(x, y)| x != y)
}

/// A head of capitalised words only, two or more, none naming a failure (`DISM Provider
/// Store:`, `Session Manager:`): a component's name, after which each message is an event of
/// its own, not a reason (`Connection Error:` and `Fatal Error:` name what failed).
pub(crate) fn names_a_component(head: &[Token]) -> bool {
    head.len() >= 2
        && head.iter().all(|t| {
            let word = t.strip_suffix(b":").unwrap_or(t);
            word.first().is_some_and(u8::is_ascii_uppercase)
                && word
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
                && !crate::closed::names_a_failure(word)
        })
}

/// Two of the C library's texts for an error (`Connection reset by peer`, `Connection timed
/// out`), different ones: different reasons of one slot, whatever words they share.
fn different_error_texts(a: &[Token], b: &[Token]) -> bool {
    a != b && is_error_reason(a) && is_error_reason(b)
}

/// A tail that is one of the C library's texts for an error, or after the qualified type of the
/// exception that carries it one of the JVM's too (`java.io.IOException: Broken pipe`,
/// `java.net.SocketException: Connection reset`).
pub(crate) fn is_wrapped_error_reason(tail: &[Token]) -> bool {
    let start = tail
        .iter()
        .take_while(|t| t.ends_with(b":") && is_exception_type(t))
        .count();
    let text = &tail[start..];
    is_error_reason(text) || (start > 0 && crate::closed::is_jvm_error_text(text))
}

/// A head whose last token says a reason follows it: a value closed by its colon (`Can't change
/// directory to <*>:`) or the qualified type of an exception (`com.example.ClientDisconnectException:`).
pub(crate) fn ends_before_a_reason(token: &[u8]) -> bool {
    token == b"<*>:" || is_exception_type(token)
}

/// A head that is a call's name, maybe after one lower-case word, as `perror` writes it before
/// the C library's text for the error (`getaddrinfo:`, `server recv:`).
pub(crate) fn is_perror_head(head: &[Token]) -> bool {
    match head {
        [call] => is_call_name(call),
        [word, call] => {
            word.len() >= 2 && word.iter().all(u8::is_ascii_lowercase) && is_call_name(call)
        }
        _ => false,
    }
}

/// A tail that is one of the C library's texts for an error, maybe with its number after it in
/// brackets (`Connection refused (111)`), masked.
pub(crate) fn is_error_reason(tail: &[Token]) -> bool {
    let numbered = tail
        .split_last()
        .is_some_and(|(last, _)| matches!(&last[..], b"(<*>)" | b"[<*>]" | b"(<*>)." | b"(<*>),"));
    crate::closed::is_error_text(tail)
        || (numbered && crate::closed::is_error_text(&tail[..tail.len() - 1]))
}

/// Two tails opening with exception types, different ones (`java.io.IOException: Broken pipe`,
/// `java.lang.IllegalStateException: Cannot create …`): different reasons, whatever words their
/// messages happen to share (`Cannot invoke …` beside `Cannot create …`).
fn different_exceptions(a: &[Token], b: &[Token]) -> bool {
    match (a.first(), b.first()) {
        (Some(x), Some(y)) => x != y && is_exception_type(x) && is_exception_type(y),
        _ => false,
    }
}

/// Both tails without the marks they open with alike (`** (KeyError) …` beside `** (RuntimeError)
/// …`, Elixir's and Erlang's way to write an exception): tokens of punctuation only, which say
/// that a reason follows rather than what it is.
fn after_shared_marks<'a>(a: &'a [Token], b: &'a [Token]) -> (&'a [Token], &'a [Token]) {
    let mut shared = 0;
    loop {
        let (x, y) = (&a[shared..], &b[shared..]);
        let step = match (x.first(), y.first()) {
            (Some(p), Some(q)) if p == q && is_mark(p) => 1,
            _ if x.len() >= 2 && y.len() >= 2 && x[..2] == y[..2] && is_code_label(&x[..2]) => 2,
            _ => break,
        };
        shared += step;
    }
    (&a[shared..], &b[shared..])
}

/// `[Errno <*>]`, `(code <*>)`: a word and a value in brackets that say which error the reason
/// is (Python's `OSError`), as a mark says that one follows: not the reason's own words.
fn is_code_label(tokens: &[Token]) -> bool {
    let (label, value) = (&tokens[0][..], &tokens[1][..]);
    let closes = |open: u8| match open {
        b'[' => b"<*>]".as_slice(),
        _ => b"<*>)".as_slice(),
    };
    matches!(label.first(), Some(b'[' | b'('))
        && label.len() > 2
        && label[1..].iter().all(u8::is_ascii_alphabetic)
        && value == closes(label[0])
}

/// Both tails without the heads they open with alike (`error requesting remote resource: …`,
/// Go's wrapped errors): a chain of contexts, each up to a token ending in `:`, that say where
/// the reason arose; what differs after them is the reason.
fn after_shared_heads<'a>(a: &'a [Token], b: &'a [Token]) -> (&'a [Token], &'a [Token]) {
    let shared = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    // The last shared token ending a head, with a reason left on both sides.
    let cut = (0..shared)
        .rev()
        .find(|&i| a[i].ends_with(b":") && a[i].len() > 1 && i + 1 < a.len() && i + 1 < b.len())
        .map_or(0, |i| i + 1);
    (&a[cut..], &b[cut..])
}

/// Both tails without the words they open with alike (`The stream closed as part of a rollback`
/// beside `The stream closed due to a close stream message`): a reason's subject shared by
/// several reasons. Each keeps two tokens at least, so two reasons differing in one word
/// (`connection refused` / `connection reset`) stay apart.
fn after_shared_words<'a>(a: &'a [Token], b: &'a [Token]) -> (&'a [Token], &'a [Token]) {
    let shared = shared_opening_words(a, b);
    (&a[shared..], &b[shared..])
}

/// How many opening words two tails share, leaving two tokens of each at least: two words or
/// more (a subject, `The stream`), else none (`Cannot invoke …` beside `Cannot read …` share a
/// verb, not a subject).
pub(crate) fn shared_opening_words(a: &[Token], b: &[Token]) -> usize {
    let limit = a.len().min(b.len()).saturating_sub(2);
    let shared = a
        .iter()
        .zip(b)
        .take(limit)
        .take_while(|(x, y)| x == y && is_plain_word(x))
        .count();
    if shared >= 2 { shared } else { 0 }
}

/// A plain word (letters only): a punctuated one (`image,`) ends a clause of its own, and
/// reasons after a shared clause are different events (`…program image, Permission denied`).
fn is_plain_word(token: &[u8]) -> bool {
    token.len() >= 2 && token.iter().all(u8::is_ascii_alphabetic)
}

/// How many tokens two tails end with alike (`…, retrying in <*> seconds`), leaving one token of
/// each at least: a trailer the message adds after its reason, which is not the reason.
pub(crate) fn shared_trailer(a: &[Token], b: &[Token]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take(a.len().min(b.len()).saturating_sub(1))
        .take_while(|(x, y)| x == y)
        .count()
}

/// Both tails without the trailer they end with alike (see [`shared_trailer`]).
fn before_shared_trailer<'a>(a: &'a [Token], b: &'a [Token]) -> (&'a [Token], &'a [Token]) {
    let trailer = shared_trailer(a, b);
    (&a[..a.len() - trailer], &b[..b.len() - trailer])
}

/// A token of punctuation only that is not a placeholder (`**`, `-`, `=>`).
fn is_mark(token: &[u8]) -> bool {
    !token.is_empty() && !contains_wildcard(token) && token.iter().all(u8::is_ascii_punctuation)
}

/// A word closing a context the reasons after it share (`daemon:` in `Error response from
/// daemon: toomanyrequests: …`, Docker's wrapped errors): not what tells them apart. A tag in
/// capitals (`LOG:`, `ERROR:`) is a level a header left, not a context.
pub(crate) fn closes_a_context(token: &[u8]) -> bool {
    token.len() > 1 && token.ends_with(b":") && !contains_wildcard(token) && opens_a_phrase(token)
}

/// The token that opens `tail`'s phrase, after any marks (`**`) before it: what tells the
/// reasons of a head holding a variable apart.
pub(crate) fn opener(tail: &[Box<[u8]>]) -> Option<&[u8]> {
    let mut i = 0;
    while i < tail.len() {
        if is_mark(&tail[i]) {
            i += 1;
        } else if i + 1 < tail.len() && is_code_label(&tail[i..i + 2]) {
            i += 2;
        } else {
            return Some(&tail[i]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mask::whitespace_tokens as tokens;

    #[test]
    fn a_context_is_a_word_in_lower_case_closed_by_a_colon() {
        assert!(closes_a_context(b"daemon:"));
        assert!(closes_a_context(b"toomanyrequests:"));
        // A level a header left (pgpool's `LOG:  statement: …`), a value, a bare word: none.
        assert!(!closes_a_context(b"LOG:"));
        assert!(!closes_a_context(b"<*>:"));
        assert!(!closes_a_context(b"daemon"));
    }

    #[test]
    fn a_snake_case_tag_in_marks_is_a_value_in_a_head() {
        let key = |line: &str| {
            let t = tokens(line);
            head(&t, false).map(|h| head_key(&t, h.end))
        };
        let a = key("Failed to launch kernel <*> (python_kubernetes): pods forbidden");
        let b = key("Failed to launch kernel <*> (scala_kubernetes): timed out");
        assert!(a.is_some());
        assert_eq!(a, b);
        // A plain word there is as often the event's own.
        assert_ne!(
            key("Failed to launch kernel <*> (main): pods forbidden"),
            key("Failed to launch kernel <*> (init): timed out")
        );
    }

    #[test]
    fn a_colon_inside_a_quote_ends_no_head() {
        let end = |line: &str| head(&tokens(line), false).map(|h| h.end);
        // The quoted name's colon is the name's.
        assert_eq!(
            end("Cron job 'Snailmail: process letters queue' (<*>) started"),
            None
        );
        // A quote opened behind a bracket too; one closed before the colon leaves it free.
        assert_eq!(
            end("Cron job (\"Snailmail: process letters\") started"),
            None
        );
        assert_eq!(end("Cron job 'Snailmail'! failed: timeout"), Some(3));
        assert_eq!(
            end("remoteAddr: \"<*>\"; requestURI: <*>; cannot parse query"),
            Some(3)
        );
        assert_eq!(
            end("Cron job 'Snailmail' (<*>) failed: timeout after <*>s"),
            Some(4)
        );
        // A message quoted whole is read inside its quotes.
        assert_eq!(
            end("\"Failed to collect metrics; err: Error watching fields: no module\""),
            Some(4)
        );
    }

    #[test]
    fn the_head_ends_at_the_first_colon_after_two_words() {
        let end = |line: &str| head(&tokens(line), false).map(|h| (h.end, h.variable));
        assert_eq!(
            end("Error accepting a client connection: Too many open files"),
            Some((4, false))
        );
        assert_eq!(
            end("panic: runtime error: index out of range"),
            Some((2, false))
        );
        // A variable in the head is marked: it asks for more tails.
        assert_eq!(end("job <*> failed: disk full"), Some((2, true)));
        // Nothing after the colon, too few words, or too short a head.
        assert_eq!(end("Saving the state of the cache:"), None);
        assert_eq!(end("<*> <*> failed: disk full"), None);
        assert_eq!(end("error: disk full"), None);
    }

    #[test]
    fn after_a_dropped_value_two_plain_words_make_a_head() {
        let end = |line: &str, dropped| head(&tokens(line), dropped).map(|h| h.end);
        assert_eq!(end("lost connection: Timed out", true), Some(1));
        assert_eq!(end("lost connection: Timed out", false), None);
        // Not what is left of a header: the next colon ends the head as usual.
        assert_eq!(
            end(
                "[lua] healthcheck.lua:<*>: target <*> failed probe: timeout",
                true
            ),
            Some(5)
        );
    }

    #[test]
    fn an_error_type_opening_the_line_is_a_weak_head() {
        let head_of = |line: &str| head(&tokens(line), false).map(|h| (h.end, h.variable));
        assert_eq!(
            head_of("RequestError: connect ETIMEDOUT <*>"),
            Some((0, true))
        );
        assert_eq!(
            head_of("java.net.ConnectException: Connection refused"),
            Some((0, true))
        );
        // A component's tag before a value names no reason.
        assert_eq!(
            head_of(
                "LustreError: <*>:0:(ldlm_lib.c:<*>:target_handle_connect()) denying connection"
            ),
            None
        );
        // Nor does a plain word, nor a logger's qualified name.
        assert_eq!(head_of("Warning: disk almost full"), None);
        assert_eq!(
            head_of("org.eclipse.jetty.server.Server: Started ServerConnector on port 8080"),
            None
        );
    }

    #[test]
    fn a_prefix_that_cannot_be_a_head_leaves_the_next_colon_to_end_one() {
        let end = |line: &str| head(&tokens(line), false).map(|h| (h.end, h.variable));
        assert_eq!(
            end(
                "perfmgr_query_counters: ERR <*>: PerfMgr query failed for node <*> port <*>: timeout"
            ),
            Some((10, true))
        );
        // The first colon stands when it can end a head.
        assert_eq!(
            end("Error accepting a client connection: reason: Too many open files"),
            Some((4, false))
        );
    }

    #[test]
    fn tails_opening_with_different_exception_types_are_different_reasons() {
        let npe = tokens("java.lang.NullPointerException: Cannot invoke \"x\" because y is null");
        let ise = tokens("java.lang.IllegalStateException: Cannot create a session");
        assert!(different_tails(&npe, &ise));
        assert!(different_phrases(&npe, &ise));
        // The same type with messages sharing a word is left to the evidence.
        let other = tokens("java.lang.NullPointerException: Cannot read field");
        assert!(!different_tails(&npe, &other));
    }

    #[test]
    fn reasons_sharing_their_subject_differ_after_it_a_shared_clause_keeps_them_apart() {
        let rollback = tokens("The stream closed as part of a rollback");
        let message = tokens("The stream was closed because the vbucket state changed");
        assert!(different_phrases(&rollback, &message));
        assert!(different_tails(&rollback, &message));
        // One word of difference after the subject is left to the evidence.
        let refused = tokens("The connection was refused");
        let reset = tokens("The connection was reset");
        assert!(!different_phrases(&refused, &reset));
        // A punctuated word ends a clause of its own: reasons after it are events of their own.
        let exec = tokens("invalid or missing program image, Exec format error");
        let denied = tokens("invalid or missing program image, Permission denied");
        assert!(!different_phrases(&exec, &denied));
        assert!(!different_tails(&exec, &denied));
    }

    #[test]
    fn a_head_of_capitalised_words_names_a_component_unless_one_names_a_failure() {
        assert!(names_a_component(&tokens("SERVICE FLAPPING ALERT:")));
        assert!(names_a_component(&tokens("DISM Provider Store:")));
        assert!(!names_a_component(&tokens("Connection Error:")));
        assert!(!names_a_component(&tokens("Failed to load:")));
        assert!(!names_a_component(&tokens("Store:")));
    }

    #[test]
    fn a_call_s_name_before_the_c_library_s_error_text_is_a_weak_head() {
        let found = |line: &str| head(&tokens(line), false);
        assert_eq!(
            found("sendmsg: Network is unreachable"),
            Some(Head {
                end: 0,
                variable: true
            })
        );
        assert_eq!(
            found("authentication error: Permission denied"),
            Some(Head {
                end: 1,
                variable: true
            })
        );
        // Not before other words, nor a tag in capitals.
        assert_eq!(found("systemd: Started nginx.service"), None);
        assert_eq!(found("ERROR: Network is down"), None);
    }

    #[test]
    fn an_exception_type_after_a_sentence_opens_the_tail() {
        let end = |line: &str| head(&tokens(line), false).map(|h| h.end);
        assert_eq!(
            end("Failed to validate the token. System.TimeoutException: timed out"),
            Some(4)
        );
        assert_eq!(end("Could not load it. KeyError: 'id'"), Some(3));
        // Not after a sentence, or not a type: the colon ends the head as usual.
        assert_eq!(end("Failed to validate System.Config: x y"), Some(3));
        assert_eq!(end("Failed to read it. config.yaml: missing"), Some(4));
        // A qualified exception type is the reason's wherever it stands.
        assert_eq!(
            end("Servlet [x] in context [y] threw java.io.IOException: Broken pipe"),
            Some(5)
        );
        // After a short head's colon too, but for a stack trace's cause.
        assert_eq!(
            end("Job failed: java.sql.SQLException: Communications link failure"),
            Some(1)
        );
        assert_eq!(
            end("Caused by: java.net.ConnectException: Connection refused"),
            Some(2)
        );
    }

    #[test]
    fn words_that_introduce_a_reason_end_a_head() {
        let end = |line: &str| head(&tokens(line), false).map(|h| h.end);
        assert_eq!(
            end("Marking <*> offline temporarily; caused by context deadline exceeded"),
            Some(5)
        );
        assert_eq!(end("Job failed to start because disk full"), Some(4));
        assert_eq!(end("Backup skipped due to maintenance window"), Some(3));
        assert_eq!(end("Dropped by peer after retries"), None);
    }

    #[test]
    fn a_colon_set_apart_ends_a_head_too() {
        let t = tokens("NET/IB : Got async event : port error");
        assert_eq!(
            head(&t, false).map(|h| (h.end, h.variable)),
            Some((5, false))
        );
        // A `;` closing a key's value ends a head of fields (the key alone does not).
        let t = tokens(r#"remoteAddr: "<*>"; requestURI: <*>; cannot parse query"#);
        assert_eq!(head(&t, false).map(|h| h.end), Some(3));
        // Without a colon, a preposition after two plain words ends a weak head.
        let t = tokens("Completed scanning disk for Star Trek Strange New Worlds");
        assert_eq!(
            head(&t, false).map(|h| (h.end, h.variable)),
            Some((3, true))
        );
        assert_eq!(head(&tokens("Completed <*> scans of files"), false), None);
        assert_eq!(head(&tokens("Waiting for lock"), false), None);
        // Not inside a bracket: it joins the parts of a bracketed name.
        let t = tokens("TASK [nginx : reload nginx] <*>");
        assert_eq!(head(&t, false), None);
        let t = tokens("executeQuery: (from <*> user: <*>) SELECT 1");
        assert_eq!(head(&t, false).map(|h| h.end), Some(3));
    }

    #[test]
    fn after_a_variable_one_tail_may_start_with_a_value() {
        let value = tokens("<*> <*>");
        let words = tokens("Read timed out");
        assert!(different_tails(&value, &words));
        assert!(!different_phrases(&value, &words));
        // Two values, or tails alike somewhere, are not different.
        assert!(!different_tails(&value, &tokens("<*> <*>: no stock")));
        assert!(!different_tails(&tokens("<*> bytes"), &tokens("<*> items")));
        // Marks opening both (`** (KeyError) …`) say a reason follows, not which.
        assert!(different_tails(
            &tokens("** (KeyError) key :sku not found"),
            &tokens("** (RuntimeError) cache table missing")
        ));
        assert!(!different_tails(&tokens("** <*>"), &tokens("** <*>")));
        // So does a wrapped error's shared context (Go's `a: b: reason`).
        assert!(different_phrases(
            &tokens("requesting remote resource: resolution took too long"),
            &tokens("requesting remote resource: failed to clone repository")
        ));
        assert!(!different_phrases(
            &tokens("requesting remote resource: failed to clone"),
            &tokens("requesting remote resource: failed to pull")
        ));
        // So does an error code's label (`[Errno <*>]`, Python's `OSError`).
        let (a, b) = (
            tokens("[Errno <*>] Name or service not known"),
            tokens("[Errno <*>] Temporary failure in name resolution"),
        );
        assert!(different_phrases(&a, &b));
        assert_eq!(opener(&a), Some(&b"Name"[..]));
        assert!(!different_phrases(
            &a,
            &tokens("[Errno <*>] Name or service unknown")
        ));
        // A trailer both end with is not part of the reason.
        let (a, b) = (
            tokens("host name mismatch in agent response, retrying in <*> seconds"),
            tokens("connection refused, retrying in <*> seconds"),
        );
        assert_eq!(shared_trailer(&a, &b), 4);
        assert!(different_phrases(&a, &b));
        assert!(!different_phrases(
            &tokens("connection refused, retrying in <*> seconds"),
            &tokens("connection reset, retrying in <*> seconds")
        ));
        // A placeholder is no mark.
        assert!(!different_phrases(
            &tokens("<*> : point <*>"),
            &tokens("<*> : block_id : location")
        ));
        assert_eq!(
            opener(&tokens("** (KeyError) key")),
            Some(&b"(KeyError)"[..])
        );
        // A statement in capitals is a phrase; a lone upper-case word is an event's name.
        assert!(different_tails(
            &tokens("SELECT * FROM orders"),
            &tokens("DELETE FROM sessions")
        ));
        assert!(!different_tails(
            &tokens("TASK_ABORT"),
            &tokens("NODE_LOST")
        ));
    }

    #[test]
    fn phrases_differ_in_every_position() {
        let a = tokens("Too many open files");
        let b = tokens("Connection reset by peer");
        assert!(different_phrases(&a, &b));
        assert!(different_phrases(
            &tokens("index out of range"),
            &tokens("nil map")
        ));
        assert!(!different_phrases(
            &tokens("connection refused"),
            &tokens("connection reset")
        ));
        assert!(!different_phrases(&tokens("refused"), &tokens("reset")));
        assert!(!different_phrases(
            &tokens("<*> bytes left"),
            &tokens("disk full")
        ));
        assert!(!different_phrases(
            &tokens("TASK_ABORT"),
            &tokens("CONTAINER_REMOTE_<*> for <*>")
        ));
    }
}
