//! Template text from the values seen in each slot.
//!
//! The masker decides grouping from the shape of one line; it cannot know whether `uid=0` is a
//! value or a constant, nor which part of `/10.0.0.1:50010` varies. [`SlotText`] keeps, for each
//! template, one reference line's whitespace tokens and, for every position, whether the lines of
//! the template differ there and by how many bytes they agree at its start and end. The text is
//! written from that:
//!
//! - a position where every line agrees is its literal (`uid=0`), unless the template has too
//!   few lines to tell ([`MIN_LINES_FOR_LITERAL`]) and the token holds a digit;
//! - a position that varies keeps what its values share at the edges when it is structure, not
//!   part of a value: opening punctuation (`(<*>)`, `/<*>`), a key (`method=<*>`, `pod="<*>"`,
//!   `hdfs://<*>`), an id kind (`blk_<*>`), a unit after a number (`<*>ms`) and closing
//!   punctuation (`<*>,`); a value made of numbers joined by `:` or `/` keeps those separators
//!   (`<*>:<*>`), the way Loghub's ground truth writes addresses;
//! - one `<*>` per variable token (`<*> <*> <*>`), as Loghub's ground truth does.
//!
//! Lines whose token count differs from the reference's (a list of variable length) do not feed
//! the statistics; their template still reads well from the others.

use crate::mask::{WILDCARD, brackets_balance};

/// A template with fewer lines than this writes a constant token holding a digit as `<*>`: one
/// or two lines cannot tell a constant from a value that happened to repeat.
pub(crate) const MIN_LINES_FOR_LITERAL: u64 = 2;

/// What the lines of one template hold in each whitespace-separated position.
#[derive(Debug, Clone)]
pub(crate) struct SlotText {
    /// The reference line's tokens, back to back.
    reference: Box<[u8]>,
    /// `(start, end)` of each token in `reference`.
    spans: Box<[(u32, u32)]>,
    /// Per position: bytes every value seen shares with the reference at its start.
    prefix: Box<[u16]>,
    /// Per position: bytes every value seen shares with the reference at its end.
    suffix: Box<[u16]>,
    /// Per position: whether two lines differed there.
    varies: Box<[bool]>,
    /// Lines compared (the reference's included).
    lines: u64,
    /// Whether a free-text tail of any length follows the positions (a clause after a colon,
    /// see `crate::clause`): written as one `<*>`.
    tail: bool,
    /// Per token of the template, the position it starts at (a template token may stand for
    /// several of the line's: a quoted string, a run of variables), so that a span of the
    /// template can be collapsed here too. Empty once unknown.
    origin: Box<[u32]>,
}

impl SlotText {
    /// Statistics of one line: `tokens` are `(start, end)` spans into `body`; `origin` maps each
    /// template token to the first of `tokens` it stands for (empty when unknown).
    pub(crate) fn new(body: &[u8], tokens: &[(usize, usize)], origin: &[u32]) -> Self {
        let mut reference = Vec::with_capacity(tokens.iter().map(|(s, e)| e - s).sum());
        let mut spans = Vec::with_capacity(tokens.len());
        for &(start, end) in tokens {
            let at = reference.len() as u32;
            // A token is at most `max_line_bytes` long; u16 holds the edges of any sane one.
            let token = &body[start..end.min(start + usize::from(u16::MAX))];
            reference.extend_from_slice(token);
            spans.push((at, reference.len() as u32));
        }
        let lengths: Vec<u16> = spans.iter().map(|&(s, e)| (e - s) as u16).collect();
        Self {
            reference: reference.into_boxed_slice(),
            prefix: lengths.clone().into_boxed_slice(),
            suffix: lengths.into_boxed_slice(),
            varies: vec![false; spans.len()].into_boxed_slice(),
            spans: spans.into_boxed_slice(),
            lines: 1,
            tail: false,
            origin: origin.into(),
        }
    }

    /// Makes the template's tokens `start..=end` one position holding a phrase of any length
    /// (see `crate::span` and `crate::gap`): it varies, and keeps `open` bytes of its first token
    /// and `close` bytes of its last (`(`, `)`), as far as the lines agreed on them. False when
    /// the positions of those tokens are unknown: the statistics must then start anew.
    pub(crate) fn collapse(&mut self, start: usize, end: usize, open: usize, close: usize) -> bool {
        let Some(&first) = self.origin.get(start) else {
            return false;
        };
        let last = match self.origin.get(end + 1) {
            Some(&next) => next as usize,
            None if end < self.origin.len() => self.spans.len(),
            None => return false,
        };
        let (start, end) = (first as usize, last.saturating_sub(1));
        if start > end || end >= self.spans.len() || self.tail {
            return false;
        }
        // Positions after the span shift: a second span could not be mapped.
        self.origin = Box::default();
        let span = (self.spans[start].0, self.spans[end].1);
        let prefix = self.prefix[start].min(open as u16);
        let suffix = self.suffix[end].min(close as u16);
        let splice = |v: &[u16], x: u16| -> Box<[u16]> {
            let mut out = v[..start].to_vec();
            out.push(x);
            out.extend_from_slice(&v[end + 1..]);
            out.into_boxed_slice()
        };
        self.prefix = splice(&self.prefix, prefix);
        self.suffix = splice(&self.suffix, suffix);
        let mut varies = self.varies[..start].to_vec();
        varies.push(true);
        varies.extend_from_slice(&self.varies[end + 1..]);
        self.varies = varies.into_boxed_slice();
        let mut spans = self.spans[..start].to_vec();
        spans.push(span);
        spans.extend_from_slice(&self.spans[end + 1..]);
        self.spans = spans.into_boxed_slice();
        true
    }

    /// Whether the positions on both sides of `i` vary (or the line ends there).
    fn between_values(&self, i: usize) -> bool {
        let before = i == 0 || self.varies[i - 1];
        let after = i + 1 >= self.varies.len() || self.varies[i + 1];
        before && after
    }

    /// Keeps the positions of the template's tokens up to `end` (a clause's head) and makes the
    /// rest one variable tail of any length. A line's positions may start before the template's
    /// first token (a value the masker dropped): they are mapped where known.
    pub(crate) fn set_tail_after(&mut self, end: usize) {
        let positions = match (self.origin.get(end + 1), self.origin.first()) {
            (Some(&next), _) => next as usize,
            (None, Some(&first)) => first as usize + end + 1,
            (None, None) => end + 1,
        };
        self.set_tail(positions);
    }

    /// These statistics without their first position (a leading value the masker dropped from
    /// the lines seen so far), when what is left agrees with `tokens` (the template's) token for
    /// token: the same count (or each token's first position known), a first token that is a
    /// word, and every constant token of the template seen constant, as it is, in its position.
    /// `None` when the lines seen may have laid the message out otherwise (a header's remnant of
    /// several tokens on some of them).
    pub(crate) fn without_leading_position(&self, tokens: &[Box<[u8]>]) -> Option<SlotText> {
        // The message must open with a word: a variable there may stand for what is left of a
        // header on some lines and for the message's first word on others.
        let opens_with_word = tokens
            .first()
            .is_some_and(|t| !crate::mask::contains_wildcard(t));
        // Where each template token starts among the positions: known (a value may stand for
        // several of them, `11 ms`), or one for one after the dropped value.
        let mapped = self.origin.len() == tokens.len() && self.origin.first() == Some(&1);
        let position = |i: usize| {
            if mapped {
                self.origin[i] as usize
            } else {
                i + 1
            }
        };
        if self.tail || !opens_with_word || (!mapped && self.spans.len() != tokens.len() + 1) {
            return None;
        }
        let agrees = tokens.iter().enumerate().all(|(i, token)| {
            let at = position(i);
            crate::mask::contains_wildcard(token)
                || (at < self.spans.len() && !self.varies[at] && self.token(at) == &token[..])
        });
        if !agrees {
            return None;
        }
        let mut out = self.clone();
        out.spans = out.spans[1..].into();
        out.prefix = out.prefix[1..].into();
        out.suffix = out.suffix[1..].into();
        out.varies = out.varies[1..].into();
        out.origin = if out.origin.iter().all(|&o| o >= 1) {
            out.origin.iter().map(|&o| o - 1).collect()
        } else {
            Box::new([])
        };
        Some(out)
    }

    /// Keeps the first `positions` and makes the rest one variable tail of any length.
    fn set_tail(&mut self, positions: usize) {
        let positions = positions.min(self.spans.len());
        self.spans = self.spans[..positions].into();
        self.prefix = self.prefix[..positions].into();
        self.suffix = self.suffix[..positions].into();
        self.varies = self.varies[..positions].into();
        self.tail = true;
    }

    /// Whether a line of `tokens` tokens (or a tail marker) fits these statistics.
    fn fits(&self, tokens: usize, tail: bool) -> bool {
        if self.tail {
            tokens > self.spans.len() || (tail && tokens == self.spans.len())
        } else {
            tokens == self.spans.len() && !tail
        }
    }

    fn token(&self, index: usize) -> &[u8] {
        let (start, end) = self.spans[index];
        &self.reference[start as usize..end as usize]
    }

    /// Compares one more line of the template with the reference. Cheap when the line agrees:
    /// one comparison per token, and none for a position already known to share nothing.
    pub(crate) fn observe(&mut self, body: &[u8], tokens: &[(usize, usize)]) {
        if !self.fits(tokens.len(), false) {
            return;
        }
        self.lines += 1;
        for (i, &(start, end)) in tokens.iter().take(self.spans.len()).enumerate() {
            if self.varies[i] && self.prefix[i] == 0 && self.suffix[i] == 0 {
                continue;
            }
            let (rs, re) = self.spans[i];
            let reference = &self.reference[rs as usize..re as usize];
            let value = &body[start..end];
            if value == reference {
                continue;
            }
            self.varies[i] = true;
            let shared_start = reference
                .iter()
                .zip(value)
                .take_while(|(a, b)| a == b)
                .count();
            let shared_end = reference
                .iter()
                .rev()
                .zip(value.iter().rev())
                .take_while(|(a, b)| a == b)
                .count();
            self.prefix[i] = self.prefix[i].min(shared_start as u16);
            self.suffix[i] = self.suffix[i].min(shared_end as u16);
        }
    }

    /// Folds another template's statistics in (the two merged). Statistics of another token
    /// count are dropped unless they cover more lines.
    pub(crate) fn absorb(&mut self, other: &SlotText) {
        if !self.fits(other.spans.len(), other.tail) {
            if other.lines > self.lines && !self.tail {
                *self = other.clone();
            }
            return;
        }
        for i in 0..self.spans.len() {
            let (a, b) = (self.token(i), other.token(i));
            let (mut prefix, mut suffix) = (
                self.prefix[i].min(other.prefix[i]),
                self.suffix[i].min(other.suffix[i]),
            );
            let mut varies = self.varies[i] || other.varies[i];
            if a != b {
                varies = true;
                let shared_start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
                let shared_end = a
                    .iter()
                    .rev()
                    .zip(b.iter().rev())
                    .take_while(|(x, y)| x == y)
                    .count();
                prefix = prefix.min(shared_start as u16);
                suffix = suffix.min(shared_end as u16);
            }
            self.prefix[i] = prefix;
            self.suffix[i] = suffix;
            self.varies[i] = varies;
        }
        self.lines += other.lines;
    }

    /// The template text: tokens joined by single spaces, variables as `<*>`.
    pub(crate) fn render(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.reference.len() + self.spans.len() * 4);
        for i in 0..self.spans.len() {
            if i > 0 {
                out.push(b' ');
            }
            let token = self.token(i);
            if self.varies[i] {
                render_variable(
                    token,
                    usize::from(self.prefix[i]),
                    usize::from(self.suffix[i]),
                    &mut out,
                );
            } else if token == b"-" && self.between_values(i) {
                // An absent value every line lacks (`<*> - <*>`), not a separator.
                out.extend_from_slice(WILDCARD);
            } else {
                render_constant(token, self.lines, &mut out);
            }
        }
        if self.tail {
            if !out.is_empty() {
                out.push(b' ');
            }
            out.extend_from_slice(WILDCARD);
        }
        out
    }
}

/// Writes a token every line agrees on: its literal, unless the masker sees a value in it (a
/// number, a path, an address), which stays a variable even when it happens to repeat; a word
/// holding a digit (`ssh2`, `HTTP/1.1`, `uid=0`) is a literal once two lines agree on it.
fn render_constant(token: &[u8], lines: u64, out: &mut Vec<u8>) {
    let word = token
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .map_or(token, |end| &token[..end]);
    if token == b"-"
        || matches!(token, b"[]" | b"{}" | b"()")
        || crate::mask::is_no_value_word(word)
        || crate::mask::is_padding_rule(token)
    {
        // The masker reads a lone `-` as an absent value; one that never varies between words is
        // a separator (`realm ldap1 failed - Password …`). A name for no value that every line
        // writes is the message's word (`panic: nil pointer dereference`). A rule of one
        // character that every line draws alike (`----------`) is the line's decoration, not
        // padding that varies with a value.
        out.extend_from_slice(token);
        return;
    }
    // After a word, so that the masker keeps a leading variable rather than dropping it.
    let mut line = Vec::with_capacity(token.len() + 2);
    line.extend_from_slice(b"x ");
    line.extend_from_slice(token);
    let mut masked = crate::mask::MaskedLine::new();
    crate::mask::mask_into(&line, line.len(), 2, &mut masked);
    let Some(shape) = masked
        .tokens()
        .nth(1)
        .filter(|t| masked.len() == 2 && crate::mask::contains_wildcard(t))
    else {
        out.extend_from_slice(token);
        return;
    };
    if lines >= MIN_LINES_FOR_LITERAL && is_constant_word(token) {
        out.extend_from_slice(token);
        return;
    }
    // The masker copies what it keeps: the shape's edges around its variables are the token's.
    let start = shape
        .windows(WILDCARD.len())
        .position(|w| w == WILDCARD)
        .unwrap_or(0);
    let end = shape
        .windows(WILDCARD.len())
        .rposition(|w| w == WILDCARD)
        .map_or(0, |at| shape.len() - at - WILDCARD.len());
    let (start, end) =
        if token.starts_with(&shape[..start]) && token.ends_with(&shape[shape.len() - end..]) {
            (start, end)
        } else {
            (0, 0)
        };
    render_variable(token, start, end, out);
}

/// A token holding a digit that is a word of the message when all lines agree on it (`ssh2`,
/// `HTTP/1.1`, `IPv4`), not a number, a path or a hex value, which are values even when they
/// happen to repeat.
fn is_constant_word(token: &[u8]) -> bool {
    let letters = token.iter().filter(|b| b.is_ascii_alphabetic()).count();
    let slashes = token.iter().filter(|&&b| b == b'/').count();
    let core = token
        .iter()
        .position(|b| b.is_ascii_alphanumeric())
        .map_or(&token[..0], |at| &token[at..]);
    let hex = core.starts_with(b"0x") || core.starts_with(b"0X");
    // A number of two digits or more (`8030`, `maxRetries=10`, `_1537864556`) is a value; a
    // lone digit is usually part of the word or a fixed setting (`ssh2`, `HTTP/1.1`, `uid=0`).
    let long_number = token
        .split(|b| !b.is_ascii_alphanumeric())
        .any(|piece| piece.len() >= 2 && piece.iter().all(u8::is_ascii_digit));
    letters >= 2 && slashes <= 1 && !token.starts_with(b"/") && !hex && !long_number
}

/// Opening punctuation kept before a value.
fn is_opening(b: u8) -> bool {
    matches!(b, b'(' | b'[' | b'{' | b'"' | b'\'' | b'/' | b'<')
}

/// Punctuation that ends a key and opens its value (`=`, `:`, `="`, `://`).
fn is_key_delimiter(b: u8) -> bool {
    matches!(b, b'=' | b':' | b'"' | b'\'' | b'(' | b'[' | b'{' | b'/')
}

/// Closing punctuation kept after a value.
fn is_closing(b: u8) -> bool {
    matches!(
        b,
        b')' | b']' | b'}' | b'"' | b'\'' | b',' | b';' | b'.' | b':' | b'!' | b'?' | b'>'
    )
}

/// How much of the first `shared` bytes of `token` (the start every value agrees on) is
/// structure to keep: opening punctuation, then a key and the delimiters that open its value
/// (`uid=`, `pod="`, `hdfs://`), or an id kind (`blk_`, `core.`, `SKU-`) before a number. A
/// shared start that is part of a word or a number (`al` of `alice` and `alfred`, `10.0.` of two
/// addresses) is not kept, nor the `/` of a path; the `/` before an address is (`/<*>:<*>`).
fn kept_prefix(token: &[u8], shared: usize) -> usize {
    let shared_bytes = &token[..shared];
    let mut lead = shared_bytes
        .iter()
        .take_while(|&&b| is_opening(b) && b != b'/')
        .count();
    if shared_bytes.get(lead) == Some(&b'/') && token.get(lead + 1).is_some_and(u8::is_ascii_digit)
    {
        lead += 1;
    }
    let rest = &shared_bytes[lead..];
    let word = rest
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'*'))
        .count();
    let delimiters = rest[word..]
        .iter()
        .take_while(|&&b| is_key_delimiter(b))
        .count();
    let key_is_word = rest.first().is_some_and(u8::is_ascii_alphabetic)
        && !rest[..word].iter().any(u8::is_ascii_digit);
    let mut run = &rest[word..word + delimiters];
    if !run.ends_with(b"//")
        && !token
            .get(lead + word + run.len())
            .is_some_and(u8::is_ascii_digit)
    {
        // `path=/x`: the `/` begins the value, a path.
        while let [head @ .., b'/'] = run {
            run = head;
        }
    }
    if key_is_word && run.iter().any(|&b| b != b'/') {
        // A key, and the delimiters that open its value: `uid=`, `pod="`, `hdfs://`; and a key
        // nested in the value's opening (`headroom=<memory:`, `Sleep(maxRetries=`).
        let kept = lead + word + run.len();
        return kept + nested_key(&token[kept..], shared - kept);
    }
    // An id kind: letters, then `_`, `.` or `-`, then the number (`blk_`, `core.`, `SKU-`).
    let letters = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let kind = letters >= 2
        && rest
            .get(letters)
            .is_some_and(|b| matches!(b, b'_' | b'.' | b'-'))
        && token
            .get(lead + letters + 1)
            .is_some_and(|&b| b.is_ascii_digit() || b == b'-');
    if kind {
        return lead + letters + 1;
    }
    lead
}

/// The length of a key opening `rest` within its first `shared` bytes: a word and `=`
/// (`maxRetries=`), or `<`, a word and `:` (`<memory:` of `<memory:1024,`), with the value after.
fn nested_key(rest: &[u8], shared: usize) -> usize {
    let shared_bytes = &rest[..shared.min(rest.len())];
    let open = shared_bytes
        .iter()
        .take_while(|&&b| is_opening(b) && b != b'/' && b != b'"' && b != b'\'')
        .count();
    let word = shared_bytes[open..]
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_')
        .count();
    let delimiters = shared_bytes[open + word..]
        .iter()
        .take_while(|&&b| b == b'=' || b == b':')
        .count();
    let key_is_word = shared_bytes.get(open).is_some_and(u8::is_ascii_alphabetic);
    let end = open + word + delimiters;
    // `Sleep(maxRetries=`: a key and `=`; `<memory:`: a key in angle brackets (YARN's
    // resources). Not a word and `:` right after the key (`image=nginx:` is a value's start).
    let nested = (delimiters == 1 && shared_bytes.get(open + word) == Some(&b'='))
        || shared_bytes[..open] == *b"<";
    if nested && key_is_word && delimiters > 0 && end < rest.len() {
        end
    } else {
        0
    }
}

/// How much of the end `shared` (the reference token's last bytes, agreed on by every value) is
/// structure to keep: closing punctuation, and before it a unit right after a number (`ms`,
/// `kB`, `%`).
fn kept_suffix(token: &[u8], shared: usize) -> usize {
    let tail = &token[token.len() - shared..];
    let closing = tail.iter().rev().take_while(|&&b| is_closing(b)).count();
    let before = &tail[..tail.len() - closing];
    let unit = before
        .iter()
        .rev()
        .take_while(|&&b| b.is_ascii_alphabetic() || b == b'%')
        .count();
    // One letter (`5s`, `3m`) is too often part of the value (`1m30s`) to keep.
    let unit_follows_number = (unit >= 2 || before.ends_with(b"%"))
        && unit <= 4
        && token
            .len()
            .checked_sub(closing + unit + 1)
            .is_some_and(|at| token[at].is_ascii_digit());
    if unit_follows_number {
        closing + unit
    } else {
        closing
    }
}

/// Writes a variable token: kept edges around the value, the value as `<*>` (or `<*>:<*>` when
/// it is numbers joined by `:` and `/`). Falls back to a bare `<*>` when the edges would leave
/// brackets unbalanced that the token balanced.
fn render_variable(token: &[u8], shared_start: usize, shared_end: usize, out: &mut Vec<u8>) {
    let shared_start = shared_start.min(token.len());
    let shared_end = shared_end.min(token.len());
    let start = kept_prefix(token, shared_start);
    let end = kept_suffix(token, shared_end).min(token.len() - start);
    let at = out.len();
    out.extend_from_slice(&token[..start]);
    let value = &token[start..token.len() - end];
    let pieces = value.split(|&b| b == b':' || b == b'/');
    let numbers_joined = value.iter().any(|&b| b == b':' || b == b'/')
        && pieces.clone().all(|p| {
            p.first().is_some_and(u8::is_ascii_alphanumeric) && p.iter().any(u8::is_ascii_digit)
        });
    if numbers_joined {
        for &b in value {
            if b == b':' || b == b'/' {
                out.extend_from_slice(WILDCARD);
                out.push(b);
            }
        }
        out.extend_from_slice(WILDCARD);
    } else {
        out.extend_from_slice(WILDCARD);
    }
    out.extend_from_slice(&token[token.len() - end..]);
    if !brackets_balance(&out[at..]) && brackets_balance(token) {
        out.truncate(at);
        out.extend_from_slice(WILDCARD);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(lines: &[&str]) -> String {
        let spans = |line: &str| {
            let mut spans = Vec::new();
            let mut at = 0;
            for word in line.split(' ') {
                spans.push((at, at + word.len()));
                at += word.len() + 1;
            }
            spans
        };
        let mut slots = SlotText::new(lines[0].as_bytes(), &spans(lines[0]), &[]);
        for line in &lines[1..] {
            slots.observe(line.as_bytes(), &spans(line));
        }
        String::from_utf8(slots.render()).expect("utf-8")
    }

    #[test]
    fn constants_stay_and_values_become_variables() {
        assert_eq!(
            text_of(&["login uid=0 user=alice", "login uid=0 user=bob"]),
            "login uid=0 user=<*>"
        );
        assert_eq!(text_of(&["took 5ms", "took 17ms"]), "took <*>ms");
        assert_eq!(
            text_of(&["from /10.0.0.1:50010", "from /10.0.0.2:50010"]),
            "from /<*>:<*>"
        );
        assert_eq!(
            text_of(&["pod=\"default/web-1\"", "pod=\"default/web-2\""]),
            "pod=\"<*>\""
        );
        assert_eq!(
            text_of(&["got blk_-12 ok", "got blk_34 ok"]),
            "got blk_<*> ok"
        );
        assert_eq!(text_of(&["user alice", "user alfred"]), "user <*>");
        assert_eq!(text_of(&["at (9)", "at (10),"]), "at <*>");
        // A key nested in a value's opening stays; a value's own `name:` does not.
        assert_eq!(
            text_of(&["headroom=<memory:1024, x", "headroom=<memory:0, x"]),
            "headroom=<memory:<*>, x"
        );
        assert_eq!(
            text_of(&[
                "policy Sleep(maxRetries=10, x",
                "policy Sleep(maxRetries=45, x"
            ]),
            "policy Sleep(maxRetries=<*>, x"
        );
        assert_eq!(
            text_of(&["image=nginx:1.25 x", "image=nginx:1.27 x"]),
            "image=<*> x"
        );
    }

    #[test]
    fn a_rule_every_line_draws_is_the_lines_decoration() {
        assert_eq!(
            text_of(&["----------------------------------------"]),
            "----------------------------------------"
        );
        assert_eq!(
            text_of(&["TASK [setup] ==========", "TASK [deploy] =========="]),
            "TASK [<*>] =========="
        );
    }

    #[test]
    fn one_line_is_not_enough_to_call_a_number_constant() {
        assert_eq!(
            text_of(&["child 6725 in slot (10) took 5 ms"]),
            "child <*> in slot (<*>) took <*> ms"
        );
    }
}
