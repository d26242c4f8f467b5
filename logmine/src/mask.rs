//! Tokenisation and variable masking.
//!
//! A message body is split on ASCII whitespace and every token is rewritten so that the parts that
//! vary between lines of one template become the placeholder `<*>`. The rules are deliberately
//! generic (no per-system patterns):
//!
//! - whole-token classes: URLs, filesystem paths, host names with a known top-level domain,
//!   month/weekday names that start a date, empty bracket pairs (`()`), and units (`B`, `KB`, `ms`,
//!   `sec`...) right after a masked number, which fold into that number (`12 KB` → `<*>`);
//! - otherwise the token is cut at punctuation (`=:,;()[]{}<>"'|@#/\&?`) and every piece holding a
//!   digit is masked. A piece such as `blk_-42` or `job_1445_0020` keeps its alphabetic prefix
//!   (`blk_<*>`, `job_<*>`) because the prefix names the kind of id, which is part of the template;
//! - runs of consecutive `<*>` tokens collapse into one, so lists of variable length (`delete blk_1
//!   blk_2 ...`, `[1, 2, 3]`, `worker_1, beat_2`) and multi-token values (`Sun Jul 10 03:55:21
//!   2005`) give one shape;
//! - values written in several tokens or without digits: quoted strings (double or single quotes)
//!   after `key=`, holding a digit or after the line's first token (`Monitor #3 'Home Assistant':`;
//!   a line quoted whole is its own message), a quoted word (`'mqtt'`; a double-quoted one
//!   only without a digit), an unquoted error after `error=` up to the next key, an HTTP reason phrase after its
//!   status code, e-mail addresses, `[host]:port`, colon-joined hex pairs (MACs, fingerprints), a
//!   path, URL or host name after `key=`, a bracketed list after `key=` (`paths=["/a", "/b"]`),
//!   an SQL statement up to its `;` (any statement after `statement:`, `query:`, `SQL:`), an
//!   Elixir map (`%{…}`), absent values (`-`, `"-"`, `key=None`, a tagged `USER[-]`).
//!
//! Everything works on bytes; invalid UTF-8 is carried through untouched and never inspected as
//! text. Work per line is bounded by `max_bytes` and `max_tokens`.
//!
//! Rules read whether a byte is a digit, never which digit, with one exception: the first digit
//! of a three-digit status code (1 to 5). The mask cache (`mask_cache.rs`) serves bodies that
//! differ only in their digits from one entry on that promise; a rule that read a digit's value
//! elsewhere must be taught to it too (its corpus test would fail).

/// The placeholder that stands for a variable part of a line.
pub const WILDCARD: &[u8] = b"<*>";

/// A masked line: tokens stored back to back in one buffer so that masking allocates nothing once
/// the buffers have grown to the longest line seen.
#[derive(Debug, Default, Clone)]
pub struct MaskedLine {
    /// Token bytes, concatenated.
    buf: Vec<u8>,
    /// `(start, end)` of each token in `buf`.
    spans: Vec<(u32, u32)>,
    /// Scratch: `(start, end)` of each raw whitespace-separated token of the input.
    raw: Vec<(usize, usize)>,
    /// Scratch: the OR of the byte classes of each raw token, read while splitting.
    raw_classes: Vec<u16>,
    /// Per token: the index of the raw token it starts at (a token may stand for several:
    /// a quoted string, a run of variables).
    origin: Vec<u32>,
    /// The raw token being masked.
    current_raw: u32,
}

impl MaskedLine {
    /// Creates an empty masked line.
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes this line a copy of `other`, in the buffers it already has (the derived
    /// `clone_from` allocates new ones: this runs for every line the mask cache serves).
    pub(crate) fn copy_from(&mut self, other: &MaskedLine) {
        self.buf.clear();
        self.buf.extend_from_slice(&other.buf);
        self.spans.clear();
        self.spans.extend_from_slice(&other.spans);
        self.raw.clear();
        self.raw.extend_from_slice(&other.raw);
        self.raw_classes.clear();
        self.raw_classes.extend_from_slice(&other.raw_classes);
        self.origin.clear();
        self.origin.extend_from_slice(&other.origin);
        self.current_raw = other.current_raw;
    }

    /// Whether a token kept a digit of the input (`HTTP/1.1`, `sha256`): such a masked line
    /// is the input's alone.
    pub(crate) fn holds_digit(&self) -> bool {
        self.buf.iter().any(u8::is_ascii_digit)
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// True when the line has no tokens (empty or all-whitespace body).
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The `index`-th token.
    ///
    /// # Panics
    /// Panics when `index >= self.len()`.
    pub fn token(&self, index: usize) -> &[u8] {
        let (start, end) = self.spans[index];
        &self.buf[start as usize..end as usize]
    }

    /// The tokens in order.
    pub fn tokens(&self) -> impl Iterator<Item = &[u8]> + '_ {
        self.spans
            .iter()
            .map(|&(start, end)| &self.buf[start as usize..end as usize])
    }

    /// `(start, end)` of each whitespace-separated token of the body last masked, before masking:
    /// what the template's text is written from (see `crate::slots`).
    pub(crate) fn raw_tokens(&self) -> &[(usize, usize)] {
        &self.raw
    }

    /// Per token, the index in [`MaskedLine::raw_tokens`] of the raw token it starts at.
    pub(crate) fn origins(&self) -> &[u32] {
        &self.origin
    }

    /// The tokens joined by single spaces, invalid UTF-8 replaced by U+FFFD.
    pub fn text(&self) -> String {
        let mut joined = Vec::with_capacity(self.buf.len() + self.spans.len());
        for (i, token) in self.tokens().enumerate() {
            if i > 0 {
                joined.push(b' ');
            }
            joined.extend_from_slice(token);
        }
        String::from_utf8_lossy(&joined).into_owned()
    }

    fn clear(&mut self) {
        self.buf.clear();
        self.spans.clear();
        self.raw.clear();
        self.raw_classes.clear();
        self.origin.clear();
        self.current_raw = 0;
    }

    /// The last token (empty when none).
    fn last_token(&self) -> &[u8] {
        self.spans.last().map_or(&[][..], |&(start, end)| {
            &self.buf[start as usize..end as usize]
        })
    }

    /// Whether the last token is a value or a time of day masked (`<*>`, `<*>:<*>:<*>`): a
    /// date's run collapses into one placeholder.
    fn last_is_a_masked_time(&self) -> bool {
        let token = self.last_token();
        !token.is_empty() && token.split(|&b| b == b':').all(|part| part == WILDCARD)
    }

    /// When the last token is a wildcard after opening brackets or quotes only (`<*>`, `(<*>`),
    /// those openings.
    #[inline]
    fn last_opening_of_a_wildcard(&self) -> Option<&[u8]> {
        let &(start, end) = self.spans.last()?;
        // Most tokens follow a word: one byte says so.
        if end
            .checked_sub(1)
            .and_then(|last| self.buf.get(last as usize))
            != Some(&b'>')
        {
            return None;
        }
        let token = &self.buf[start as usize..end as usize];
        let opening = token.strip_suffix(WILDCARD)?;
        opening
            .iter()
            .all(|b| matches!(b, b'(' | b'[' | b'{' | b'"' | b'\''))
            .then_some(opening)
    }

    /// Closes the token that started at `start`, collapsing a wildcard that follows a wildcard.
    /// `verbatim` says the token was copied unchanged from a line without `<`, so it holds no
    /// placeholder and the placeholder checks can be skipped (the common plain word).
    #[inline(always)]
    fn finish_token(&mut self, start: usize, verbatim: bool) {
        let end = self.buf.len();
        if end == start {
            return;
        }
        if verbatim {
            self.spans.push((start as u32, end as u32));
            self.origin.push(self.current_raw);
            return;
        }
        self.finish_masked_token(start, end);
    }

    /// Closes a record's fields (`<*>;<*>;<*>`) as one token as written: how many fields it
    /// has tells records apart, so it is not collapsed to one variable as a token made only of
    /// variables and punctuation is.
    fn finish_record(&mut self, start: usize) {
        self.spans.push((start as u32, self.buf.len() as u32));
        self.origin.push(self.current_raw);
    }

    /// [`MaskedLine::finish_token`] for a token that may hold a placeholder.
    fn finish_masked_token(&mut self, start: usize, end: usize) {
        let token = &self.buf[start..end];
        let exact = token == WILDCARD;
        let pure = exact || (contains_wildcard(token) && !has_constant_content(token));
        if pure && !exact {
            // A token made only of variables and punctuation (`<*>:<*>`, `<*>.<*>`) is one
            // variable: `10.0.0.1:80` and `host.example.org` must give the same shape. Its
            // opening and closing punctuation stay (`(<*>)`, `<*>,`): brackets keep balancing.
            let (lead, trail) = outer_punctuation(token);
            let mut collapsed = [0u8; 2 * MAX_OUTER + 3];
            let mut len = lead.len() + WILDCARD.len() + trail.len();
            collapsed[..lead.len()].copy_from_slice(lead);
            collapsed[lead.len()..lead.len() + WILDCARD.len()].copy_from_slice(WILDCARD);
            collapsed[lead.len() + WILDCARD.len()..len].copy_from_slice(trail);
            if brackets_balance(token) && !brackets_balance(&collapsed[..len]) {
                // A bracket closed inside the value (`[::]:443`, `[<*>]:<*>`): the opening
                // punctuation goes, or `[<*>` would open a bracket the line never opened; the
                // closing punctuation stays if it balances (`[::]:443:` → `<*>:`).
                collapsed[..WILDCARD.len()].copy_from_slice(WILDCARD);
                collapsed[WILDCARD.len()..WILDCARD.len() + trail.len()].copy_from_slice(trail);
                len = WILDCARD.len() + trail.len();
                if !brackets_balance(&collapsed[..len]) {
                    len = WILDCARD.len();
                }
            }
            self.buf.truncate(start);
            self.buf.extend_from_slice(&collapsed[..len]);
        }
        if self.spans.is_empty() && pure && self.buf[start..].starts_with(WILDCARD) {
            // A leading variable (a count, a leftover header field such as `7#7:`) says nothing
            // about the event, and with it dropped, the same message parses alike with or without
            // a header. A quoted or bracketed one (`"GET / HTTP/1.1"`, `[<*>]`) stays.
            self.buf.truncate(start);
            return;
        }
        let repeats_previous = self.spans.last().is_some_and(|&(s, e)| {
            let previous = &self.buf[s as usize..e as usize];
            previous.len() == self.buf.len() - start
                && previous == &self.buf[start..]
                && contains_wildcard(previous)
                && brackets_balance(previous)
                && !matches!(previous.first(), Some(b'"' | b'\''))
        });
        let continues_a_list = !repeats_previous
            && self.spans.last().is_some_and(|&(s, e)| {
                let previous = &self.buf[s as usize..e as usize];
                previous.ends_with(b",") && is_list_item(previous)
            })
            && is_list_item(&self.buf[start..]);
        if continues_a_list {
            // `worker_1, worker_2, beat_3` is a list of variable length whose items may be of
            // several kinds: one value, its opening bracket and the last item's closing kept.
            let (s, e) = self.spans.pop().unwrap_or_default();
            let previous = &self.buf[s as usize..e as usize];
            let (lead, _) = outer_punctuation(previous);
            let lead = lead.len();
            let (_, trail) = outer_punctuation(&self.buf[start..]);
            let mut merged = Vec::with_capacity(lead + WILDCARD.len() + trail.len());
            merged.extend_from_slice(&self.buf[s as usize..s as usize + lead]);
            merged.extend_from_slice(WILDCARD);
            merged.extend_from_slice(trail);
            self.buf.truncate(s as usize);
            self.buf.extend_from_slice(&merged);
            self.spans.push((s, self.buf.len() as u32));
            return;
        }
        if repeats_previous {
            // `blk_<*> blk_<*> blk_<*>` is a list of variable length: one shape for any length.
            // Quoted values side by side (`"<*>" "<*>"`, an access log's referer and user agent)
            // are fields, not a list: a line with one of them empty must keep its shape.
            self.buf.truncate(start);
            return;
        }
        if pure
            && self.buf[start..].starts_with(WILDCARD)
            && let Some(&(s, e)) = self.spans.last()
        {
            let previous = &self.buf[s as usize..e as usize];
            if previous.ends_with(WILDCARD) && !has_constant_content(previous) {
                // `<*> <*>)` (a date, then its closing bracket) is one variable: `<*>)`.
                // `previous` ends the buffer right before this token: drop this token's `<*>`.
                let tail_start = start + WILDCARD.len();
                let tail_len = self.buf.len() - tail_start;
                self.buf.copy_within(tail_start.., e as usize);
                self.buf.truncate(e as usize + tail_len);
                self.spans.pop();
                self.spans.push((s, self.buf.len() as u32));
                return;
            }
        }
        self.spans.push((start as u32, self.buf.len() as u32));
        self.origin.push(self.current_raw);
    }

    /// Pushes one token: `before`, a variable, then `after` (`key=<*>`, `"<*>",`).
    fn push_value(&mut self, before: &[u8], after: &[u8]) {
        let start = self.buf.len();
        self.buf.extend_from_slice(before);
        self.buf.extend_from_slice(WILDCARD);
        self.buf.extend_from_slice(after);
        self.finish_token(start, false);
    }

    fn pop_token(&mut self) {
        if let Some((start, _)) = self.spans.pop() {
            self.buf.truncate(start as usize);
            self.origin.pop();
        }
    }
}

/// Masks `body` into `out` (cleared first), reading at most `max_bytes` bytes and producing at most
/// `max_tokens` tokens.
pub fn mask_into(body: &[u8], max_bytes: usize, max_tokens: usize, out: &mut MaskedLine) {
    out.clear();
    let body = &body[..body.len().min(max_bytes)];
    let mut i = 0;
    while i < body.len() {
        if is_space(body[i]) {
            i += 1;
            continue;
        }
        let start = i;
        // The token's byte classes are collected on the way, so that later tests need no scan.
        let mut classes = 0;
        while i < body.len() {
            let class = class_of(body[i]);
            if class & SPACE != 0 {
                break;
            }
            classes |= class;
            i += 1;
        }
        if classes & COLON != 0
            && let Some(colon) = glued_key(&body[start..i])
        {
            // `status:The stream closed …`: a key written against its value's first word is a
            // key and a word, as `status: The stream closed …` would be.
            let cut = start + colon + 1;
            out.raw.push((start, cut));
            out.raw_classes.push(classes_of(&body[start..cut]));
            out.raw.push((cut, i));
            out.raw_classes.push(classes_of(&body[cut..i]));
            continue;
        }
        if classes & (EQUALS | QUOTE) == EQUALS | QUOTE
            && out.raw.is_empty()
            && let Some(equals) = key_before_object(&body[start..i])
        {
            // `JSON={"ID":"<*>",…}` (an object [`crate::inline_json`] rewrote) opening the
            // message: the key, then the object as a token of its own, which the miner keeps
            // whole as it keeps one opening a token. Later in a message such an object is one
            // value (`saved data={…}`), as a `key=value` token is.
            let cut = start + equals + 1;
            out.raw.push((start, cut));
            out.raw_classes.push(classes_of(&body[start..cut]));
            out.raw.push((cut, i));
            out.raw_classes.push(classes_of(&body[cut..i]));
            continue;
        }
        out.raw.push((start, i));
        out.raw_classes.push(classes);
    }

    let raw = std::mem::take(&mut out.raw);
    let raw_classes = std::mem::take(&mut out.raw_classes);
    // ` fields=error,pct` ending a structured line's body: the names of its fields, the event's
    // own words whatever they look like (`a0,a1,a2`), taken as they are after the others.
    let field_list = raw
        .last()
        .is_some_and(|&(s, e)| raw.len() > 1 && is_field_list(&body[s..e]));
    let end = raw.len() - usize::from(field_list);
    // A record of `key:value` fields (Teleport's, Go's `%+v`): a bracketed value holding spaces
    // is one value. Judged once, at the first such value.
    let mut colon_record: Option<bool> = None;
    // Keys of a `key: value,` list in the line, counted once when first asked.
    let mut listed: Option<usize> = None;
    let mut record_tried = false;
    let mut k = 0;
    while k < end {
        if out.spans.len() >= max_tokens {
            break;
        }
        let (s, e) = raw[k];
        let token = &body[s..e];
        out.current_raw = k as u32;
        // A statement's verb: four or six letters, or any after a key (`statement: BEGIN`,
        // `stmt=SELECT`, the key glued to it).
        let glued = glued_sql_key(token);
        let verb_len = token.len() - glued;
        let after_key = glued > 0 || (k > 0 && body[raw[k - 1].1 - 1] == b':');
        if (matches!(verb_len, 4 | 6) || (after_key && matches!(verb_len, 3..=9)))
            && token.get(glued).is_some_and(u8::is_ascii_alphabetic)
            && let Some((last, trail)) = sql_statement_end(body, &raw[..end], k, glued)
        {
            // `SELECT "id" FROM "orders" WHERE …;`: a statement is one value (its words are
            // the query's, not the event's), up to its `;` or the end of the line.
            let start = out.buf.len();
            out.buf.extend_from_slice(&token[..glued]);
            out.buf.extend_from_slice(WILDCARD);
            out.buf.extend_from_slice(trail);
            out.finish_token(start, false);
            k = last + 1;
            continue;
        }
        if token.first() == Some(&b'%')
            && let Some((open, last, trail)) = object_literal_end(body, &raw, k)
        {
            // Elixir's `%{"page" => "2"}`: a map written into the message is one value, whatever
            // its fields.
            // Pushed as it is: the token's `%` is no bracket, so the collapse of a token of
            // punctuation around a placeholder would drop it.
            let start = out.buf.len();
            out.buf.extend_from_slice(&token[..open]);
            out.buf.extend_from_slice(WILDCARD);
            out.buf.extend_from_slice(trail);
            out.spans.push((start as u32, out.buf.len() as u32));
            out.origin.push(out.current_raw);
            k = last + 1;
            continue;
        }
        if raw_classes[k] & EQUALS != 0
            && let Some((opening, last, trail)) = keyed_list_end(body, &raw, k)
        {
            // `paths=["/etc/a.yaml", "/etc/b.yaml"]`: an attribute's list is one value, however
            // many items it has and whatever they hold; so is a Go map (`req=map[host:… ]`).
            let start = out.buf.len();
            out.buf.extend_from_slice(&token[..opening]);
            out.buf.extend_from_slice(WILDCARD);
            out.buf.extend_from_slice(trail);
            out.finish_token(start, false);
            k = last + 1;
            continue;
        }
        if raw_classes[k] & QUOTE != 0
            && let Some((last, quote)) = quoted_value_end(body, &raw, k)
        {
            // A quoted string of several words holding a number (`"GET /x HTTP/1.1"`, a user
            // agent, Python's `b'{"Time": 12}'`) is one value: its word count varies with it.
            let open = token.iter().position(|&b| b == quote).unwrap_or(0);
            let closing = &body[raw[last].0..raw[last].1];
            let close = closing.iter().rposition(|&b| b == quote).unwrap_or(0);
            let start = out.buf.len();
            out.buf.extend_from_slice(&token[..open + 1]);
            out.buf.extend_from_slice(WILDCARD);
            out.buf.extend_from_slice(&closing[close..]);
            out.finish_token(start, false);
            k = last + 1;
            continue;
        }
        if raw_classes[k] & (COLON | LEAD) == COLON | LEAD
            && let Some(key) = colon_key_length(token)
            && !matches!(&token[..key], b"msg" | b"message")
            && *colon_record.get_or_insert_with(|| is_colon_record(body, &raw, &raw_classes))
            && let Some(last) = colon_value_end(body, &raw[..end], k)
        {
            // `identity:map[logins:[root] roles:[access]]`: a bracketed value is one, spaces
            // and keys inside it too (a message key's words are the event's).
            out.push_value(&token[..=key], b"");
            k = last + 1;
            continue;
        }
        if raw_classes[k] & EQUALS != 0
            && matches!(
                token.first(),
                Some(
                    b'e' | b'E'
                        | b'r'
                        | b'R'
                        | b'c'
                        | b'C'
                        | b't'
                        | b'T'
                        | b'd'
                        | b'D'
                        | b'm'
                        | b'M'
                )
            )
            && let Some(last) = unquoted_error_end(body, &raw, k)
        {
            // `error=connection reset by peer (os error 104) client.addr=…`: an error's text
            // written without quotes (Rust `tracing`, many `key=value` loggers) runs to the next
            // `key=`; it is one value, however many words it has.
            let eq = token.iter().position(|&b| b == b'=').unwrap_or(0);
            out.push_value(&token[..=eq], b"");
            k = last + 1;
            continue;
        }
        if raw_classes[k] & DELIMITER != 0
            && k > 0
            && let Some(last) = comma_closed_value_end(body, &raw, k)
        {
            // `host=10.0.0.7, agent=python-keystoneclient/4.1 CPython/3.10, target=…`: in a list
            // of `key=value,` pairs, an unquoted value of several words runs to its comma.
            let eq = token.iter().position(|&b| b == b'=').unwrap_or(0);
            out.push_value(&token[..=eq], b",");
            k = last + 1;
            continue;
        }
        if raw_classes[k] & LEAD != 0
            && let Some(open) =
                java_frame_location(token, raw.get(k + 1).map(|&(s, e)| &body[s..e]))
        {
            // `at …Unsafe.park(Native Method)`: a stack frame's location is a value, whether a
            // file and line (`(Unsafe.java:211)`, masked in the token) or words in its place.
            let (ns, ne) = raw[k + 1];
            let next = &body[ns..ne];
            let close = next.iter().position(|&b| b == b')').unwrap_or(0);
            // The frame's method is masked as any token (`GeneratedMethodAccessor123`, a
            // lambda's address), its location written as a value.
            let mut frame = Vec::with_capacity(open + 1 + WILDCARD.len() + next.len() - close);
            frame.extend_from_slice(&token[..=open]);
            frame.extend_from_slice(WILDCARD);
            frame.extend_from_slice(&next[close..]);
            let after = raw.get(k + 2).map(|&(s, e)| &body[s..e]);
            mask_rare_token(&frame, after, out);
            k += 2;
            continue;
        }
        if raw_classes[k] & LEAD != 0
            && token.len() > 3
            && token.starts_with(b"~[")
            && token.ends_with(b"]")
        {
            // log4j2's `~[ignite-core-2.16.0.jar:2.16.0]` / `~[?:?]` after a frame: the jar and
            // its version, known or not, are a value.
            out.push_value(b"~[", b"]");
            k += 1;
            continue;
        }
        if raw_classes[k] & COLON != 0
            && token.last() == Some(&b':')
            && k > 0
            && out.spans.len() + 2 <= max_tokens
            && let Some(last) = spaced_value_end(body, &raw, k, &mut listed)
        {
            // `is DOWN, reason: Layer4 connection problem, info: …`: in a list of `key: value,`
            // fields, a value of several words runs to its comma (one word too, in a long list).
            // The key is a plain word and its colon: copied as it is.
            let start = out.buf.len();
            out.buf.extend_from_slice(token);
            out.finish_token(start, true);
            out.current_raw = (k + 1) as u32;
            out.push_value(b"", b",");
            k = last + 1;
            continue;
        }
        if k + 1 < end
            && !record_tried
            && (k == 0 || body[raw[k - 1].1 - 1] == b':')
            && token.contains(&b';')
            && {
                // Tried once a line: a record runs to the line's end, so a second start inside
                // the first's text would only scan it again.
                record_tried = true;
                true
            }
            && let Some(fields) = semicolon_record(&body[s..raw[end - 1].1])
        {
            // `SERVICE ALERT: web-01;Disk /var;CRITICAL;SOFT;3;DISK CRITICAL - free space …`:
            // a record of fields set apart by `;` (Nagios', Icinga's and Checkmk's state logs),
            // each one value whatever spaces it holds; a command's name opening it stays
            // (`SCHEDULE_FORCED_SVC_CHECK;…`).
            let start = out.buf.len();
            for (i, field) in fields.iter().enumerate() {
                if i > 0 {
                    out.buf.push(b';');
                }
                if i == 0 && is_command_name(field) {
                    out.buf.extend_from_slice(field);
                } else if !field.is_empty() {
                    out.buf.extend_from_slice(WILDCARD);
                }
            }
            out.finish_record(start);
            break;
        }
        if raw_classes[k] & (DIGIT | LEAD) == DIGIT | LEAD
            && let Some(last) = coded_text_end(body, &raw[..end], k)
        {
            // `111(Connection refused)`: an error's number and its text, one value.
            let closing = &body[raw[last].0..raw[last].1];
            let close = closing.iter().rposition(|&b| b == b')').unwrap_or(0);
            out.push_value(b"", &closing[close + 1..]);
            k = last + 1;
            continue;
        }
        if token == b"/"
            && k > 0
            && crate::closed::is_http_method(&body[raw[k - 1].0..raw[k - 1].1])
        {
            // `GET / 200 15ms`: the root is a request's target as any path is.
            out.push_value(b"", b"");
            k += 1;
            continue;
        }
        let next = raw.get(k + 1).map(|&(ns, ne)| &body[ns..ne]);
        mask_token(token, raw_classes[k], next, out);
        k += 1;
        if is_status_code(token)
            && let Some((words, trail)) = reason_phrase(body, &raw[k..])
        {
            // `404 Not Found`: the phrase goes with its code, a value like it (one variable
            // beside the code's, so the line's shape is one for every status).
            out.current_raw = k as u32;
            let start = out.buf.len();
            out.buf.extend_from_slice(WILDCARD);
            out.buf.extend_from_slice(trail);
            out.spans.push((start as u32, out.buf.len() as u32));
            out.origin.push(out.current_raw);
            k += words;
        }
    }
    if field_list && k == end && out.spans.len() < max_tokens {
        let (s, e) = raw[end];
        out.current_raw = end as u32;
        let start = out.buf.len();
        out.buf.extend_from_slice(&body[s..e]);
        out.finish_token(start, false);
    }
    out.raw = raw;
    out.raw_classes = raw_classes;
}

/// Where a `key=value` token's `=` stands: a key of letters, digits, `_`, `-`, `.` and `@`
/// (hclog's `@module`) holding a letter, after an optional `[` (TiDB's and TiKV's bracketed
/// fields). The one reading of a field's key for the miner's read-time joins and its phrases.
pub(crate) fn field_key_end(token: &[u8]) -> Option<usize> {
    let eq = token.iter().position(|&b| b == b'=')?;
    let key = token[..eq].strip_prefix(b"[").unwrap_or(&token[..eq]);
    (key.iter().any(u8::is_ascii_alphabetic)
        && key
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'@')))
    .then_some(eq)
}

/// `fields=error,pct`: the field names a structured line's body ends with (see
/// `structured::parse`).
pub(crate) fn is_field_list(token: &[u8]) -> bool {
    token.strip_prefix(b"fields=").is_some_and(|names| {
        !names.is_empty()
            && names.iter().all(|&b| {
                b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b'@' | b'/' | b',')
            })
    })
}

/// When raw token `k` opens an SQL statement (`SELECT`, `INSERT`, `UPDATE`, `DELETE`, `WITH` in
/// capitals, or in lower case after `SQL:`, and a `FROM`, `INTO` or `SET` within the next few
/// tokens), the index of its last raw
/// token (the one ending in `;` or holding a `)` it did not open, else the line's last) and what
/// of that token is not the statement's (the `;`, the `)` and what follows it).
fn sql_statement_end<'a>(
    body: &'a [u8],
    raw: &[(usize, usize)],
    k: usize,
    glued_key: usize,
) -> Option<(usize, &'a [u8])> {
    const OPENERS: [&[u8]; 5] = [b"SELECT", b"INSERT", b"UPDATE", b"DELETE", b"WITH"];
    // After a key that says a statement follows, any statement's verb opens one, clause or none
    // (`statement: SET extra_float_digits = 3`, `statement: BEGIN`, `statement: SELECT 1`).
    const KEYED_OPENERS: [&[u8]; 19] = [
        b"SELECT",
        b"INSERT",
        b"UPDATE",
        b"DELETE",
        b"WITH",
        b"SET",
        b"BEGIN",
        b"COMMIT",
        b"ROLLBACK",
        b"SHOW",
        b"CREATE",
        b"ALTER",
        b"DROP",
        b"TRUNCATE",
        b"VACUUM",
        b"ANALYZE",
        b"EXPLAIN",
        b"CALL",
        b"GRANT",
    ];
    const CLAUSES: [&[u8]; 3] = [b"FROM", b"INTO", b"SET"];
    let (s, e) = raw[k];
    let s = s + glued_key;
    // In capitals anywhere; in lower case (`select * from …`) only after a key that says a query
    // follows (`SQL:`, `query:`, `statement:`, `stmt=`), as `select … from` is English too.
    let capitals = body[s].is_ascii_uppercase();
    let keyed = glued_key > 0
        || k > 0
            && [&b"sql:"[..], b"query:", b"statement:"].iter().any(|key| {
                let (ps, pe) = raw[k - 1];
                body[ps..pe].len() >= key.len()
                    && body[pe - key.len()..pe].eq_ignore_ascii_case(key)
            });
    let word = &body[s..e];
    let is_one_of = |words: &[&[u8]], w: &[u8]| {
        words.iter().any(|x| {
            if capitals {
                *x == w
            } else {
                x.eq_ignore_ascii_case(w)
            }
        })
    };
    // A verb in capitals, a `;` after it aside (`statement: COMMIT;`), or any after a key glued
    // to it (`stmt=select 1`); in lower case after `query:` a statement needs its clause, as
    // English does not (`Search query: show hidden files`).
    let verb = word.strip_suffix(b";").unwrap_or(word);
    let any_statement = (glued_key > 0 || (keyed && capitals))
        && KEYED_OPENERS.iter().any(|x| x.eq_ignore_ascii_case(verb));
    if !any_statement {
        if !(capitals || keyed) || !is_one_of(&OPENERS, word) {
            return None;
        }
        raw.iter()
            .skip(k + 1)
            .take(MAX_SQL_OPENING_TOKENS)
            .find(|&&(ns, ne)| is_one_of(&CLAUSES, &body[ns..ne]))?;
    }
    // Parentheses inside the statement balance; one that closes what was open before it
    // (`(in query: SELECT 1), Stack trace`) ends it, and stays the line's.
    let mut depth = 0usize;
    for (j, &(ns, ne)) in raw.iter().enumerate().skip(k + 1) {
        for (i, &b) in body[ns..ne].iter().enumerate() {
            match b {
                b'(' => depth += 1,
                b')' if depth == 0 => {
                    return (i > 0)
                        .then(|| (j, &body[ns + i..ne]))
                        .or(Some((j - 1, b"")));
                }
                b')' => depth -= 1,
                _ => {}
            }
        }
        if body[ns..ne].ends_with(b";") {
            return Some((j, b";"));
        }
    }
    Some((raw.len() - 1, b""))
}

/// The length of a key that says a statement follows, glued to it (`stmt=`, `sql=`, `query=`,
/// `statement=`, any case), else 0.
fn glued_sql_key(token: &[u8]) -> usize {
    // Most tokens open with another letter: one comparison turns them away.
    if token.len() < 6 || !matches!(token[0] | 0x20, b's' | b'q') {
        return 0;
    }
    [&b"stmt="[..], b"sql=", b"query=", b"statement="]
        .iter()
        .find(|key| token.len() > key.len() && token[..key.len()].eq_ignore_ascii_case(key))
        .map_or(0, |key| key.len())
}

/// Tokens between an SQL statement's verb and its `FROM`, `INTO` or `SET`, at most (a column
/// list may be long; a sentence that merely starts with `SELECT` rarely has one of them).
const MAX_SQL_OPENING_TOKENS: usize = 24;

/// When raw token `k` opens a bracketed list after a key (`key=[…`, `key=(…`, `key={…`, Go's
/// `key=map[…`, the token perhaps opening a bracket itself: `[Parameters=[…`), the length of the
/// opening up to its bracket, the index of the raw token that closes the list and the bytes from
/// its closing bracket on (`None` for an empty list, an unclosed one, or one closed before more
/// than punctuation).
fn keyed_list_end<'a>(
    body: &'a [u8],
    raw: &[(usize, usize)],
    k: usize,
) -> Option<(usize, usize, &'a [u8])> {
    let (s, e) = raw[k];
    let token = &body[s..e];
    let lead = token
        .iter()
        .take_while(|&&b| matches!(b, b'[' | b'('))
        .count();
    let key = key_length(&token[lead..]);
    let eq = lead + key;
    let go_map = token.get(eq..eq + 5) == Some(b"=map[");
    let bracket = if go_map { eq + 4 } else { eq + 1 };
    let (open, close) = match token.get(bracket) {
        Some(b'[') => (b'[', b']'),
        Some(b'(') => (b'(', b')'),
        Some(b'{') => (b'{', b'}'),
        _ => return None,
    };
    if key == 0 || token.get(eq) != Some(&b'=') || token.get(bracket + 1) == Some(&close) {
        return None;
    }
    let (last, trail) = bracket_end(body, raw, k, s + bracket, (open, close))?;
    Some((bracket + 1, last, trail))
}

/// Where the bracket `pair.0` at `from` (a byte offset within raw token `k`) closes, within
/// [`MAX_KEYED_QUOTED_TOKENS`] tokens: the index of the raw token holding its closer and the
/// bytes from the closer on, when only closing punctuation follows it.
fn bracket_end<'a>(
    body: &'a [u8],
    raw: &[(usize, usize)],
    k: usize,
    from: usize,
    (open, close): (u8, u8),
) -> Option<(usize, &'a [u8])> {
    let mut depth = 0usize;
    for (j, &(ns, ne)) in raw.iter().enumerate().skip(k).take(MAX_KEYED_QUOTED_TOKENS) {
        let from = if j == k { from } else { ns };
        for (i, &b) in body[from..ne].iter().enumerate() {
            if b == open {
                depth += 1;
            } else if b == close {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let trail = &body[from + i..ne];
                    return trail[1..]
                        .iter()
                        .all(|b| {
                            matches!(b, b',' | b';' | b')' | b']' | b'}' | b'.' | b':' | b'\'')
                        })
                        .then_some((j, trail));
                }
            }
        }
    }
    None
}

/// When raw token `k` opens an Elixir map literal (`%{"page" => "2"}`, `%{id: 7}`), the length of
/// its opening (`%{`), the index of the raw token holding its closing brace and the bytes from
/// that brace on (`None` when it does not close within [`MAX_KEYED_QUOTED_TOKENS`] tokens or is
/// followed by more than punctuation). A JSON object (`{"queue":"mail","job_id":"7"}`) is left to
/// the pieces: its keys are most often the event's own, written by one call site; an Elixir map
/// in a message is data (a request's parameters), its keys as variable as its values.
fn object_literal_end<'a>(
    body: &'a [u8],
    raw: &[(usize, usize)],
    k: usize,
) -> Option<(usize, usize, &'a [u8])> {
    let (s, e) = raw[k];
    let token = &body[s..e];
    let open = 2;
    if !token.starts_with(b"%{") || token.get(open) == Some(&b'}') {
        return None;
    }
    let (last, trail) = bracket_end(body, raw, k, s + open - 1, (b'{', b'}'))?;
    Some((open, last, trail))
}

/// When raw token `k` is `error=…` (or `err=`, `reason=`, `cause=`, `exception=`) unquoted and
/// the next tokens carry on its text up to a `key=` token or the end, the index of the last of
/// them (`None` for a one-token value, which masks as usual).
fn unquoted_error_end(body: &[u8], raw: &[(usize, usize)], k: usize) -> Option<usize> {
    let (s, e) = raw[k];
    let token = &body[s..e];
    let eq = token.iter().position(|&b| b == b'=')?;
    let key = &token[..eq];
    let erring = [&b"error"[..], b"err", b"reason", b"cause", b"exception"]
        .iter()
        .any(|w| key.eq_ignore_ascii_case(w));
    // A text or detail key ends the line's pairs with free text (slapd's `… etime=0.000121
    // text=Password fails quality checking policy`); one before other pairs names something. A
    // message key is one too after the line's own words (`Failed to send webhook 'x' | url=…
    // | message=Connection refused`); in a record of pairs alone its words are the event's.
    let message_key = key.eq_ignore_ascii_case(b"msg") || key.eq_ignore_ascii_case(b"message");
    let texting = [&b"text"[..], b"detail", b"details", b"description"]
        .iter()
        .any(|w| key.eq_ignore_ascii_case(w))
        || (message_key
            && raw[..k].iter().any(|&(ps, pe)| {
                let before = &body[ps..pe];
                !is_key_token(before) && before.iter().any(u8::is_ascii_alphabetic)
            }));
    if !(erring || texting) || matches!(token.get(eq + 1), None | Some(b'"' | b'\'' | b'[' | b'{'))
    {
        return None;
    }
    let mut last = k;
    for (j, &(ns, ne)) in raw
        .iter()
        .enumerate()
        .skip(k + 1)
        .take(MAX_KEYED_QUOTED_TOKENS)
    {
        if is_key_token(&body[ns..ne]) {
            if texting && !erring {
                return None;
            }
            break;
        }
        last = j;
    }
    (last > k && (erring || last + 1 == raw.len())).then_some(last)
}

/// Tokens after its first that a comma-closed value may hold (see [`comma_closed_value_end`]).
const MAX_COMMA_CLOSED_TOKENS: usize = 8;

/// Whether `token` is `key=…` with a key of letters, digits, `_`, `.` or `-`.
fn is_key_token(token: &[u8]) -> bool {
    token.iter().position(|&b| b == b'=').is_some_and(|at| {
        at > 0
            && token[..at]
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
    })
}

/// `key:value` tokens a line needs to be a record of them (see [`colon_value_end`]).
const MIN_COLON_FIELDS: usize = 4;

/// Whether the line is a record of at least [`MIN_COLON_FIELDS`] `key:value` tokens.
fn is_colon_record(body: &[u8], raw: &[(usize, usize)], classes: &[u16]) -> bool {
    raw.iter()
        .zip(classes)
        .filter(|&(&(s, e), &c)| c & COLON != 0 && colon_key_length(&body[s..e]).is_some())
        .count()
        >= MIN_COLON_FIELDS
}

/// The length of `key` in a `key:value` token: a lower-case name (letters, digits, `_`, `.`)
/// glued to a value that opens with neither `/` (a URL's `//`, a path) nor `:` (IPv6).
fn colon_key_length(token: &[u8]) -> Option<usize> {
    let colon = token.iter().position(|&b| b == b':')?;
    let key = &token[..colon];
    let value = &token[colon + 1..];
    (key.first().is_some_and(u8::is_ascii_lowercase)
        && key
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'_' | b'.'))
        && !value.is_empty()
        && !value.starts_with(b"/")
        && !value.starts_with(b":"))
    .then_some(colon)
}

/// In a record of `key:value` fields, when the value of raw token `k` opens a bracket that
/// closes in a later token (`identity:map[logins:[root] roles:[access] user:bob]`): the index of
/// that token.
fn colon_value_end(body: &[u8], raw: &[(usize, usize)], k: usize) -> Option<usize> {
    let depth_change = |t: &[u8]| -> i32 {
        t.iter()
            .map(|&b| match b {
                b'[' | b'(' | b'{' => 1,
                b']' | b')' | b'}' => -1,
                _ => 0,
            })
            .sum()
    };
    let (s, e) = raw[k];
    let mut depth = depth_change(&body[s..e]);
    if depth <= 0 {
        return None;
    }
    for (j, &(ns, ne)) in raw
        .iter()
        .enumerate()
        .skip(k + 1)
        .take(MAX_KEYED_QUOTED_TOKENS)
    {
        depth += depth_change(&body[ns..ne]);
        if depth <= 0 {
            return Some(j);
        }
    }
    None
}

/// When raw token `k` is an unquoted `key=…` without a closing comma, after a token that ends in
/// one (a list of `key=value,` pairs), and the next tokens carry on its value up to one ending in
/// `,` before another `key=`: the index of that one.
fn comma_closed_value_end(body: &[u8], raw: &[(usize, usize)], k: usize) -> Option<usize> {
    let (s, e) = raw[k];
    let token = &body[s..e];
    let (ps, pe) = raw[k - 1];
    if !body[ps..pe].ends_with(b",") || token.ends_with(b",") || !is_key_token(token) {
        return None;
    }
    let eq = token.iter().position(|&b| b == b'=')?;
    if matches!(
        token.get(eq + 1),
        None | Some(b'"' | b'\'' | b'[' | b'{' | b'(')
    ) {
        return None;
    }
    for j in k + 1..raw.len().min(k + 1 + MAX_COMMA_CLOSED_TOKENS) {
        let (ns, ne) = raw[j];
        let next = &body[ns..ne];
        if next.contains(&b'=') {
            return None;
        }
        if next.ends_with(b",") {
            let (ks, ke) = *raw.get(j + 1)?;
            return is_key_token(&body[ks..ke]).then_some(j);
        }
    }
    None
}

/// A word that is a key set apart by `: ` (`reason:`, `info:`).
fn is_word_key(token: &[u8]) -> bool {
    token.len() >= 3
        && token.ends_with(b":")
        && token[..token.len() - 1].iter().all(u8::is_ascii_alphabetic)
}

/// Whether raw token `k` (at least the second) is a key set apart by `: ` after a token ending
/// in `,`: one field of a list of them.
fn listed_key(body: &[u8], raw: &[(usize, usize)], k: usize) -> bool {
    let (s, e) = raw[k];
    let (ps, pe) = raw[k - 1];
    is_word_key(&body[s..e]) && body[ps..pe].ends_with(b",")
}

/// Keys of a `key: value,` list a line needs before a one-word value in it is a value.
const MIN_LISTED_KEYS: usize = 3;

/// How many keys set apart by `: ` follow a token ending in `,` in the line.
fn listed_keys(body: &[u8], raw: &[(usize, usize)]) -> usize {
    (1..raw.len()).filter(|&k| listed_key(body, raw, k)).count()
}

/// When raw token `k` is a key set apart by `: ` (`reason:`) after a token ending in `,` (a list
/// of fields), and two or more words after it run to one ending in `,` before another key
/// (`info:`, or two words, the second one `duration:`): the index of that one. One word is
/// enough in a list of [`MIN_LISTED_KEYS`] keys or more (`listed` caches the line's count), but
/// for the message's key (`msg:`, `message:`, `event:`).
#[inline(never)]
fn spaced_value_end(
    body: &[u8],
    raw: &[(usize, usize)],
    k: usize,
    listed: &mut Option<usize>,
) -> Option<usize> {
    let word_key = is_word_key;
    if !listed_key(body, raw, k) {
        return None;
    }
    // A quoted or bracketed value has rules of its own.
    let (vs, _) = *raw.get(k + 1)?;
    if matches!(body[vs], b'"' | b'\'' | b'(' | b'[' | b'{' | b'<') {
        return None;
    }
    for j in k + 1..raw.len().min(k + 1 + MAX_COMMA_CLOSED_TOKENS) {
        let next = &body[raw[j].0..raw[j].1];
        if next.ends_with(b":") || next.contains(&b'=') {
            return None;
        }
        if next.ends_with(b",") {
            let key_at = |i: usize| raw.get(i).is_some_and(|&(s, e)| word_key(&body[s..e]));
            let plain_word = |i: usize| {
                raw.get(i)
                    .is_some_and(|&(s, e)| body[s..e].iter().all(u8::is_ascii_alphabetic))
            };
            let next_key = key_at(j + 1) || (plain_word(j + 1) && key_at(j + 2));
            // One word is left to the miner, unless the list is long (`…, call: emqx_cm:init/1,
            // status: waiting`, Erlang's logger; nginx's `client: …, server: …`): there every
            // field's value is one, the message's key (`msg:`, `message:`, `event:`) aside.
            let key = &body[raw[k].0..raw[k].1 - 1];
            let names_the_message = [&b"msg"[..], b"message", b"event"]
                .iter()
                .any(|m| key.eq_ignore_ascii_case(m));
            let one_word_value = j == k + 1
                && !names_the_message
                && *listed.get_or_insert_with(|| listed_keys(body, raw)) >= MIN_LISTED_KEYS;
            return ((j > k + 1 || one_word_value) && next_key).then_some(j);
        }
    }
    None
}

/// [`mask_token`] for a token built by a rare rule (a Java frame with its location made a
/// value): out of line, so that the hot call site keeps it inlined.
#[cold]
#[inline(never)]
fn mask_rare_token(token: &[u8], next: Option<&[u8]>, out: &mut MaskedLine) {
    mask_token(token, classes_of(token), next, out);
}

/// A Java stack frame whose location is words (`park(Native` then `Method)`, `invoke(Unknown`
/// then `Source)`): the offset of the `(` in `token`.
fn java_frame_location(token: &[u8], next: Option<&[u8]>) -> Option<usize> {
    // Most tokens end otherwise: the end decides before anything is scanned.
    let (open, closing): (usize, &[u8]) = if token.ends_with(b"(Native") {
        (token.len() - 7, b"Method)")
    } else if token.ends_with(b"(Unknown") {
        (token.len() - 8, b"Source)")
    } else {
        return None;
    };
    (open > 0 && next?.starts_with(closing)).then_some(open)
}

/// An HTTP status code: three digits, 100 to 599.
fn is_status_code(token: &[u8]) -> bool {
    token.len() == 3 && (b'1'..=b'5').contains(&token[0]) && token.iter().all(u8::is_ascii_digit)
}

/// The reason phrases of HTTP's status codes (RFC 9110 and the IANA registry), as words.
const REASON_PHRASES: &[&str] = &[
    "Continue",
    "Switching Protocols",
    "OK",
    "Created",
    "Accepted",
    "Non-Authoritative Information",
    "No Content",
    "Reset Content",
    "Partial Content",
    "Multiple Choices",
    "Moved Permanently",
    "Found",
    "See Other",
    "Not Modified",
    "Temporary Redirect",
    "Permanent Redirect",
    "Bad Request",
    "Unauthorized",
    "Payment Required",
    "Forbidden",
    "Not Found",
    "Method Not Allowed",
    "Not Acceptable",
    "Proxy Authentication Required",
    "Request Timeout",
    "Conflict",
    "Gone",
    "Length Required",
    "Precondition Failed",
    "Payload Too Large",
    "Content Too Large",
    "URI Too Long",
    "Unsupported Media Type",
    "Range Not Satisfiable",
    "Expectation Failed",
    "Misdirected Request",
    "Unprocessable Entity",
    "Unprocessable Content",
    "Locked",
    "Failed Dependency",
    "Too Early",
    "Upgrade Required",
    "Precondition Required",
    "Too Many Requests",
    "Request Header Fields Too Large",
    "Unavailable For Legal Reasons",
    "Internal Server Error",
    "Not Implemented",
    "Bad Gateway",
    "Service Unavailable",
    "Gateway Timeout",
    "HTTP Version Not Supported",
    "Insufficient Storage",
    "Loop Detected",
    "Network Authentication Required",
];

/// When the raw tokens `next` (of `body`) begin with an HTTP reason phrase (any case; closing
/// punctuation after its last word is kept), how many tokens it spans and that punctuation.
fn reason_phrase<'a>(body: &'a [u8], next: &[(usize, usize)]) -> Option<(usize, &'a [u8])> {
    let first = next.first().map(|&(s, e)| &body[s..e])?;
    if !first.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let without_trail = |token: &'a [u8]| {
        let cut = token.len()
            - token
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_punctuation())
                .count();
        (&token[..cut], &token[cut..])
    };
    REASON_PHRASES.iter().find_map(|phrase| {
        // Cheap first: most numbers are followed by no phrase's first word.
        let opener = phrase.split(' ').next()?.as_bytes();
        if !first.eq_ignore_ascii_case(opener)
            && !without_trail(first).0.eq_ignore_ascii_case(opener)
        {
            return None;
        }
        let count = phrase.split(' ').count();
        let tokens = next.get(..count)?;
        let mut trail: &[u8] = &[];
        for (i, (word, &(s, e))) in phrase.split(' ').zip(tokens).enumerate() {
            let token = &body[s..e];
            let text = if i + 1 == count {
                let (text, rest) = without_trail(token);
                trail = rest;
                text
            } else {
                token
            };
            if !text.eq_ignore_ascii_case(word.as_bytes()) {
                return None;
            }
        }
        Some((count, trail))
    })
}

/// The placeholder of an absent value (`-`, `"-"`) written as the variable it stands for.
fn absent_value(token: &[u8]) -> Option<&'static [u8]> {
    match token {
        b"-" => Some(WILDCARD),
        b"\"-\"" => Some(b"\"<*>\""),
        _ => None,
    }
}

/// Where the bracket of a tagged field without a value opens (`USER[-]`, `TOKEN[]`: a name in
/// capitals, then `[-]` or `[]`).
fn tagged_absent_value(token: &[u8]) -> Option<usize> {
    let tag = token.iter().take_while(|b| b.is_ascii_uppercase()).count();
    (tag >= 2 && matches!(&token[tag..], b"[-]" | b"[]")).then_some(tag)
}

/// Where the colon of `key:Word…` is: a key of lower-case letters and `_` (two or more) against
/// a capitalised word of letters only (`status:The`, `reason:Timeout,`), which opens a phrase.
fn glued_key(token: &[u8]) -> Option<usize> {
    let colon = token.iter().position(|&b| b == b':')?;
    let (key, rest) = (&token[..colon], &token[colon + 1..]);
    let word_len = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let word = &rest[..word_len];
    let tail_ok = rest[word_len..]
        .iter()
        .all(|b| matches!(b, b',' | b'.' | b';'));
    (key.len() >= 2
        && key.iter().all(|&b| b.is_ascii_lowercase() || b == b'_')
        && word.len() >= 2
        && word[0].is_ascii_uppercase()
        && word[1..].iter().all(u8::is_ascii_lowercase)
        && tail_ok)
        .then_some(colon)
}

/// Where the `=` is in a token that is a key (letters, digits, `_`) glued to a JSON object with
/// its values as placeholders (`JSON={"ID":"<*>"}`), as [`crate::inline_json`] writes one.
fn key_before_object(token: &[u8]) -> Option<usize> {
    let equals = token.iter().position(|&b| b == b'=')?;
    let key = &token[..equals];
    (!key.is_empty()
        && key.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'_')
        && token[equals + 1..].starts_with(b"{\"")
        && contains_wildcard(&token[equals + 1..]))
    .then_some(equals)
}

/// `None`, `null`, `nil`: Python's, JavaScript's and Go's names for no value.
pub(crate) fn is_no_value_word(word: &[u8]) -> bool {
    matches!(word, b"None" | b"null" | b"nil")
}

/// Where `None`, `null` or `nil` ends in `token` when it is the whole token but for closing
/// punctuation (`None,`, `null)`), and not a bare one before a word (`nil map`, `null pointer`
/// name a kind of thing).
fn no_value_word(token: &[u8], next: Option<&[u8]>) -> Option<usize> {
    if !matches!(token.first(), Some(b'N' | b'n')) {
        return None;
    }
    let end = token.len()
        - token
            .iter()
            .rev()
            .take_while(|b| matches!(b, b',' | b'.' | b';' | b':' | b')' | b']' | b'}'))
            .count();
    if !is_no_value_word(&token[..end]) {
        return None;
    }
    let names_a_kind =
        end == token.len() && next.is_some_and(|n| n.first().is_some_and(u8::is_ascii_lowercase));
    (!names_a_kind).then_some(end)
}

/// A text's whitespace-separated tokens as a template holds them (for tests of the rules that
/// read templates).
#[cfg(test)]
pub(crate) fn whitespace_tokens(text: &str) -> Vec<Box<[u8]>> {
    text.split_whitespace()
        .map(|t| Box::from(t.as_bytes()))
        .collect()
}

/// Most tokens one quoted value may span.
const MAX_QUOTED_TOKENS: usize = 16;
/// Most tokens a quoted value after `key=` may span.
const MAX_KEYED_QUOTED_TOKENS: usize = 64;

/// When token `k` opens a quoted string (`"GET`, `request="GET`, `b'{"a":`) that closes in a later
/// token within [`MAX_QUOTED_TOKENS`] and holds a digit, follows a `key=` or opens a token after
/// the first (a name the line quotes, `'Home Assistant':`), the index of the closing token and the
/// quote.
fn quoted_value_end(body: &[u8], raw: &[(usize, usize)], k: usize) -> Option<(usize, u8)> {
    let (s, e) = raw[k];
    let token = &body[s..e];
    let open = token.iter().position(|&b| b == b'"' || b == b'\'')?;
    let quote = token[open];
    // A single quote after letters is an apostrophe (`don't`), unless it opens a bytes literal
    // (`b'…'`) or a key's value.
    let apostrophe = quote == b'\'' && !matches!(token[..open], [] | [b'b'] | [.., b'=' | b':']);
    if apostrophe
        || (token[open + 1..].contains(&quote)
            && token[open + 1..]
                .iter()
                .enumerate()
                .any(|(at, &b)| b == quote && (at == 0 || token[open + at] != b'\\')))
        || !token[..open]
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'=' | b':'))
    {
        return None;
    }
    // A line quoted whole is its own message (`"Unable to map device nvidia5 to a pod: …"`, a
    // logger's `msg` value cut out whole), digits or not; a request line opening an access
    // record (`"GET /x HTTP/1.1" 200 …`) is a value.
    if k == 0 && open == 0 && raw.len() > 1 && closes_at_the_end(body[s..].trim_ascii_end(), quote)
    {
        return None;
    }
    // After `key=`, a quoted string is an attribute's value whatever it holds (`scope="openid
    // email"`), unless the key names the message (`msg="Health check failed."`).
    // `key:"…"` too: Go's `%+v` and protobuf's text write their fields so.
    // A logfmt `msg="…"` is the message itself, not an attribute; a struct's `Message:"…"` is.
    let after_key = open > 0
        && match token[open - 1] {
            b'=' => {
                let key = &token[..open - 1];
                !(key.eq_ignore_ascii_case(b"msg") || key.eq_ignore_ascii_case(b"message"))
            }
            b':' => open > 1,
            _ => false,
        };
    // `…, info: "No route to host", check duration: …`: a key set apart in a list of fields.
    let after_key = after_key || (open == 0 && k >= 2 && listed_key(body, raw, k - 1));
    let mut digit = after_key || (open == 0 && k > 0) || token.iter().any(u8::is_ascii_digit);
    // An attribute's value may be a long error (`err="0/5 nodes are available: …"`).
    let most = if after_key {
        MAX_KEYED_QUOTED_TOKENS
    } else {
        MAX_QUOTED_TOKENS
    };
    // A quote opened inside the value after `:`, `=` or `(` (`"alert tcp (msg:"SSH banner";
    // sid:7;)"`) is closed inside it too: the value's own, as an escaped one is.
    let mut inner = false;
    let mut nested = false;
    for (j, &(ns, ne)) in raw.iter().enumerate().skip(k + 1) {
        if j > k + if nested {
            MAX_KEYED_QUOTED_TOKENS
        } else {
            most
        } {
            break;
        }
        let next = &body[ns..ne];
        digit |= next.iter().any(u8::is_ascii_digit);
        for (at, &b) in next.iter().enumerate() {
            // An escaped quote (`\"DefaultBinder\"`) is the value's own.
            if b != quote || (at > 0 && next[at - 1] == b'\\') {
                continue;
            }
            if inner {
                inner = false;
                continue;
            }
            // Or one that opens a word (`"/music/Live at "The Basement": part 2.flac"`).
            let opens_inner = (at > 0
                && matches!(next[at - 1], b':' | b'=' | b'(')
                && next
                    .get(at + 1)
                    .is_some_and(|&c| c != quote && !c.is_ascii_whitespace()))
                || (at == 0 && next.get(1).is_some_and(u8::is_ascii_alphanumeric));
            if opens_inner {
                inner = true;
                nested = true;
                continue;
            }
            let rest_is_punctuation = next[at + 1..]
                .iter()
                .all(|b| matches!(b, b',' | b';' | b')' | b']' | b'}' | b'.' | b':'));
            return (digit && rest_is_punctuation).then_some((j, quote));
        }
    }
    None
}

/// Byte classes, one bit each. A token's classes are the OR of its bytes' entries in
/// [`BYTE_CLASSES`], so one pass over a token answers "has a digit?", "could be a host name?" and
/// "has a delimiter?" instead of one scan per question.
const SPACE: u16 = 1;
/// Opening punctuation stripped before the token's core: `( [ { " ' <`.
const LEAD: u16 = 1 << 1;
/// Closing punctuation stripped after the token's core: `, ; . : ) ] } " ' > ! ?`.
const TRAIL: u16 = 1 << 2;
/// Bytes at which a token is cut into pieces for digit masking: `= : , ; ( ) [ ] { } < > " ' | @ #
/// / \ & ?`.
const DELIMITER: u16 = 1 << 3;
const DIGIT: u16 = 1 << 4;
const DOT: u16 = 1 << 5;
/// Anything but an ASCII letter, digit, `.` or `-`: one such byte rules out a host name.
const NOT_HOSTNAME: u16 = 1 << 6;
/// The `<` that opens a placeholder; a token without it cannot hold a `<*>` from the input.
const ANGLE: u16 = 1 << 7;
/// `:` and `/`, which a URL's `://` needs both of.
const COLON: u16 = 1 << 8;
const SLASH: u16 = 1 << 9;
/// Whether the quote opening `text` closes at its last byte and nowhere before (escaped quotes
/// aside): the text is quoted whole, not a quoted value followed by more
/// (`"GET /x HTTP/1.1" 200 512 "-" "curl/8.0"`).
fn closes_at_the_end(text: &[u8], quote: u8) -> bool {
    let mut i = 1;
    while i < text.len() {
        match text[i] {
            b'\\' => i += 2,
            b if b == quote => return i == text.len() - 1,
            _ => i += 1,
        }
    }
    false
}

/// `"` and `'`, which open a quoted value (see [`quoted_value_end`]).
const QUOTE: u16 = 1 << 10;
/// `=`, which a `key=value` token needs.
const EQUALS: u16 = 1 << 11;

static BYTE_CLASSES: [u16; 256] = byte_class_table();

const fn byte_class_table() -> [u16; 256] {
    let mut table = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        let mut class = 0;
        if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
            class |= SPACE;
        }
        if matches!(b, b'(' | b'[' | b'{' | b'"' | b'\'' | b'<') {
            class |= LEAD;
        }
        if matches!(
            b,
            b',' | b';' | b'.' | b':' | b')' | b']' | b'}' | b'"' | b'\'' | b'>' | b'!' | b'?'
        ) {
            class |= TRAIL;
        }
        if matches!(
            b,
            b'=' | b':'
                | b','
                | b';'
                | b'('
                | b')'
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'<'
                | b'>'
                | b'"'
                | b'\''
                | b'|'
                | b'@'
                | b'#'
                | b'/'
                | b'\\'
                | b'&'
                | b'?'
        ) {
            class |= DELIMITER;
        }
        if b.is_ascii_digit() {
            class |= DIGIT;
        }
        if b == b'.' {
            class |= DOT;
        }
        if !(b.is_ascii_alphanumeric() || b == b'.' || b == b'-') {
            class |= NOT_HOSTNAME;
        }
        if b == b'<' {
            class |= ANGLE;
        }
        if b == b':' {
            class |= COLON;
        }
        if b == b'/' {
            class |= SLASH;
        }
        if b == b'=' {
            class |= EQUALS;
        }
        if b == b'"' || b == b'\'' {
            class |= QUOTE;
        }
        table[i] = class;
        i += 1;
    }
    table
}

fn class_of(b: u8) -> u16 {
    BYTE_CLASSES[b as usize]
}

/// The OR of the classes of every byte.
fn classes_of(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0, |classes, &b| classes | class_of(b))
}

/// Whether the masker splits tokens at `b` (ASCII whitespace).
pub(crate) fn is_space(b: u8) -> bool {
    class_of(b) & SPACE != 0
}

/// Necessary (not sufficient) for [`is_hostname`]: a dot, and only letters, digits, dots, dashes.
fn could_be_hostname(classes: u16) -> bool {
    classes & DOT != 0 && classes & NOT_HOSTNAME == 0
}

/// Masks one whitespace-separated token whose bytes' classes OR to `token_classes`.
// Inlined into the masking loop, its one hot caller: out of line it costs 4 % more instructions
// per line (calls and lost constant folding), measured with callgrind.
#[inline(always)]
fn mask_token(token: &[u8], token_classes: u16, next: Option<&[u8]>, out: &mut MaskedLine) {
    if next.is_none() && !out.is_empty() && is_padding_rule(token) {
        // `*****…` filling a line to a column (Ansible's `TASK [name] ***`): its length is the
        // name's complement, a value of the line, so one event's lines agree on its slot.
        out.push_value(b"", b"");
        return;
    }
    if token.starts_with(b"..")
        && let Some(dots) = dot_leader_len(token)
    {
        // `....0`: dots leading a table's value from its name are the line's, as the name's
        // own glued leader is (`instruction......0` → `instruction......<*>`).
        out.push_value(&token[..dots], b"");
        return;
    }
    if let Some(word_end) = no_value_word(token, next) {
        // Python's, JavaScript's and Go's names for no value, in a slot other lines fill
        // (`host IP None,` beside `host IP 10.0.0.7,`), as an absent `-` is.
        let start = out.buf.len();
        out.buf.extend_from_slice(WILDCARD);
        out.buf.extend_from_slice(&token[word_end..]);
        out.finish_token(start, false);
        return;
    }
    if let Some(open) = tagged_absent_value(token) {
        // `USER[-]`, `TOKEN[]` (Oozie's context): a tagged field without its value, the same slot
        // as `USER[alice]`.
        let start = out.buf.len();
        out.buf.extend_from_slice(&token[..=open]);
        out.buf.extend_from_slice(WILDCARD);
        out.buf.push(b']');
        out.finish_token(start, false);
        return;
    }
    if token == b"-" && crate::closed::names_a_failure(out.last_token()) {
        // `Poll UPS [ups1] failed - Data stale`: after a failure, a dash introduces its reason.
        let start = out.buf.len();
        out.buf.push(b'-');
        out.finish_token(start, true);
        return;
    }
    if let Some(absent) = absent_value(token) {
        // `-` and `"-"` stand for a value the line does not have (an access log's bytes,
        // referer or user, a syslog NILVALUE): the same slot as a present one, so a line with it
        // has the same shape. Beside another variable it joins that run like any value.
        let start = out.buf.len();
        out.buf.extend_from_slice(absent);
        out.finish_token(start, false);
        return;
    }
    if token_classes & QUOTE != 0
        && let Some(inner) = quoted_word(token)
    {
        // `'mqtt'`, `"proxy-dmz"`: a quoted word is a name the line quotes, a value.
        let start = out.buf.len();
        out.buf.extend_from_slice(&token[..inner.start]);
        out.buf.extend_from_slice(WILDCARD);
        out.buf.extend_from_slice(&token[inner.end..]);
        out.finish_token(start, false);
        return;
    }
    let lead_len = token
        .iter()
        .take_while(|&&b| class_of(b) & LEAD != 0)
        .count();
    let rest = &token[lead_len..];
    let trail_len = rest
        .iter()
        .rev()
        .take_while(|&&b| class_of(b) & TRAIL != 0)
        .count();
    let core = &rest[..rest.len() - trail_len];
    let lead = &token[..lead_len];
    let trail = &rest[rest.len() - trail_len..];

    let start = out.buf.len();
    if core.is_empty() {
        let pair_end = token.len() - token.iter().rev().take_while(|&&b| is_separator(b)).count();
        if is_empty_bracket_pair(&token[..pair_end]) {
            // `()` and `(host.name)` are the same slot with and without a value, and `[],`
            // and `[metrics],` too.
            out.buf.push(token[0]);
            out.buf.extend_from_slice(WILDCARD);
            out.buf.extend_from_slice(&token[1..]);
        } else {
            out.buf.extend_from_slice(token);
        }
        out.finish_token(start, false);
        return;
    }

    if lead.is_empty()
        && matches!(core, b"AM" | b"PM" | b"am" | b"pm")
        && out.last_is_a_masked_time()
    {
        // `09:12:04 AM`: the half of the day goes with the time, one value (`09:12:04 PM`).
        let previous = out.last_token().to_vec();
        out.pop_token();
        let start = out.buf.len();
        out.buf.extend_from_slice(&previous);
        out.buf.extend_from_slice(trail);
        out.finish_token(start, false);
        return;
    }
    if lead.is_empty() {
        // `12 KB,` becomes `<*>,`: the unit varies with the magnitude of the number. So does
        // one after a number opening a bracket (`(4.1 kB at 120 kB/s)` is `(<*> at <*>)`).
        // The cheap test first: most tokens follow no placeholder.
        if let Some(opening) = out.last_opening_of_a_wildcard()
            && is_unit(core)
        {
            let opening = opening.to_vec();
            out.pop_token();
            let start = out.buf.len();
            out.buf.extend_from_slice(&opening);
            out.buf.extend_from_slice(WILDCARD);
            out.buf.extend_from_slice(trail);
            out.finish_token(start, false);
            return;
        }
    }

    let core_classes = classes_of(core);
    // The cheap class tests go first.
    let bracketed_address = core_classes & (COLON | DIGIT) == COLON | DIGIT
        && lead.ends_with(b"[")
        && is_bracketed_address(&token[lead.len() - 1..token.len() - trail.len()]);
    // The address's own bracket is not the line's.
    let lead = if bracketed_address {
        &lead[..lead.len() - 1]
    } else {
        lead
    };
    let whole_variable = (core_classes & (COLON | SLASH) == COLON | SLASH && is_url(core))
        || bracketed_address
        || is_path(core)
        || (core_classes & COLON != 0
            && (is_hex_pairs(core) || is_urn(core) || is_ipv6(core) || is_pci_address(core)))
        || (core_classes & DELIMITER != 0 && is_distinguished_name(core))
        || (core_classes & EQUALS != 0 && is_query_string(core))
        || (lead.ends_with(b"{") && trail.starts_with(b"}") && is_term_items(core))
        || (core_classes & (COLON | DIGIT) == COLON | DIGIT && is_localhost_port(core))
        || (could_be_hostname(core_classes) && is_hostname(core))
        || (core[0].is_ascii_uppercase()
            && is_calendar_word(core)
            && next
                .is_some_and(|n| n.first().is_some_and(u8::is_ascii_digit) || is_calendar_word(n)));
    // A `key=` before a URL, a path or a host name stays (`referer=https://…`,
    // `file=/var/log/app.log` → `file=<*>`): the key is the line's, and the value is one whatever
    // its pieces (a path without a digit is as variable as one with).
    if core_classes & EQUALS != 0
        && (core_classes & (SLASH | DOT | COLON) != 0 || core.contains(&b','))
        && let Some(kept) = key_before_whole_value(core)
    {
        out.buf.extend_from_slice(lead);
        out.buf.extend_from_slice(&core[..kept]);
        out.buf.extend_from_slice(WILDCARD);
        out.buf.extend_from_slice(trail);
        out.finish_token(start, false);
        return;
    }
    if core_classes & COLON != 0
        && !whole_variable
        && let Some(at) = hex_after_key(core)
    {
        // `mac:"5d:96:ca:ea:5b:35"`, `bus=0000:db:00.0`: a MAC or PCI address after its key is
        // one value, whatever letters its hex holds (`ca` alone reads as a word).
        out.buf.extend_from_slice(lead);
        out.buf.extend_from_slice(&core[..at]);
        out.buf.extend_from_slice(WILDCARD);
        out.buf.extend_from_slice(trail);
        out.finish_token(start, false);
        return;
    }
    if whole_variable {
        if lead.is_empty() && trail.is_empty() {
            out.buf.extend_from_slice(WILDCARD);
        } else {
            out.buf.extend_from_slice(lead);
            out.buf.extend_from_slice(WILDCARD);
            out.buf.extend_from_slice(trail);
        }
        out.finish_token(start, false);
        return;
    }

    if token_classes & DELIMITER == 0 {
        // One piece, the common case: no second pass over the bytes.
        let verbatim = push_piece(token, token_classes, &mut out.buf);
        out.finish_token(start, verbatim);
        return;
    }
    // Cut at delimiters, collecting each piece's classes on the way.
    let slashed = token_classes & SLASH != 0 && token.len() >= MIN_BASE64_RUN;
    let mut verbatim = true;
    let mut piece_start = 0;
    let mut piece_classes = 0;
    let mut i = 0;
    while i < token.len() {
        let b = token[i];
        let class = class_of(b);
        if class & DELIMITER != 0 {
            // A value the delimiter does not cut: `user@mail.example.com` is one address, the
            // user's part too; `LhI1csNhN/qq/kgL`, `SHA256:Xk2/Lp+…` are random base64, not
            // pieces of a path, whatever its `/` cut off.
            // `upsmon@127.0.0.1`, `beegfs-meta@10.3.0.12:8005`: a user at an address is one
            // value too; the user varies with the address.
            let whole_value_end = match b {
                b'@' => email_domain_end(token, piece_start, i)
                    .or_else(|| user_at_address_end(token, piece_start, i)),
                b'/' if slashed => base64_run_end(token, piece_start),
                _ => None,
            };
            if let Some(end) = whole_value_end {
                out.buf.extend_from_slice(WILDCARD);
                verbatim = false;
                piece_start = end;
                piece_classes = 0;
                i = end;
                continue;
            }
            verbatim &= push_keyed_piece(token, piece_start, i, piece_classes, &mut out.buf);
            out.buf.push(b);
            verbatim &= class & ANGLE == 0;
            piece_start = i + 1;
            piece_classes = 0;
            if b == b'@'
                && let Some(end) = ipv6_host_end(token, i)
            {
                // `monuser@::1`, `admin@fe80::1`: the host is one address, as `user@10.0.0.7`'s
                // is one number run, not pieces its colons cut.
                out.buf.extend_from_slice(WILDCARD);
                verbatim = false;
                piece_start = end;
                i = end;
                continue;
            }
        } else {
            piece_classes |= class;
        }
        i += 1;
    }
    verbatim &= push_keyed_piece(token, piece_start, token.len(), piece_classes, &mut out.buf);
    out.finish_token(start, verbatim);
}

/// Shortest word of letters only that may be a random id (see [`is_random_letters`]).
const MIN_RANDOM_LETTERS: usize = 12;

/// A random id that happens to hold no digit (`JijMVMHzpFwmZeVC`; one base62 id of 16 in 16 has
/// none): letters only (and base64's `+`), both cases mixed as chance mixes them (the case changes at least every
/// third letter), fewer vowels than words have (under a quarter: chance gives a fifth, words
/// nearer two fifths), and at most 45 % of it in runs that read like words (four lower-case
/// letters or more, after an optional capital), so `HttpServerErrorHandler`, `XMLHttpRequest` and
/// `getUserByIdAndName` stay words.
fn is_random_letters(piece: &[u8]) -> bool {
    // One pass first: most long words have fewer than three capitals. Base64 has `+` too
    // (`pV+IcLAYtwLrBE+k`).
    let (mut upper, mut lower) = (0usize, 0usize);
    for &b in piece {
        if b.is_ascii_uppercase() {
            upper += 1;
        } else if b.is_ascii_lowercase() {
            lower += 1;
        } else if b != b'+' {
            return false;
        }
    }
    if upper < 3 || lower < 3 || piece.first() == Some(&b'+') {
        return false;
    }
    let changes = piece
        .windows(2)
        .filter(|w| w[0].is_ascii_uppercase() != w[1].is_ascii_uppercase())
        .count();
    if changes * 10 < (piece.len() - 1) * 3 {
        return false;
    }
    let vowels = piece
        .iter()
        .filter(|b| matches!(b.to_ascii_lowercase(), b'a' | b'e' | b'i' | b'o' | b'u'))
        .count();
    if vowels * 4 >= piece.len() {
        return false;
    }
    let mut in_words = 0;
    let mut i = 0;
    while i < piece.len() {
        let run = piece[i..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase())
            .count();
        if run >= 4 {
            in_words += run + usize::from(i > 0);
        }
        i += run.max(1);
    }
    in_words * 100 <= piece.len() * 45
}

/// Shortest run of base64 taken for one random value.
const MIN_BASE64_RUN: usize = 16;

/// The end of a random base64 value starting at `start` (see [`MIN_BASE64_RUN`]): letters,
/// digits, `+` and `/`, holding a `/`, a digit and letters of both cases, with a piece between
/// slashes that mixes letters and digits, ending at the token's end or a delimiter.
fn base64_run_end(token: &[u8], start: usize) -> Option<usize> {
    let len = token[start..]
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
        .count();
    let end = start + len;
    let run = &token[start..end];
    let ends_at_delimiter = token
        .get(end)
        .is_none_or(|&b| class_of(b) & DELIMITER != 0 && b != b'/');
    if len < MIN_BASE64_RUN
        || !ends_at_delimiter
        || !run.contains(&b'/')
        || !run.iter().any(u8::is_ascii_uppercase)
        || !run.iter().any(u8::is_ascii_lowercase)
    {
        return None;
    }
    let mixed = run.split(|&b| b == b'/').any(|piece| {
        piece.iter().any(u8::is_ascii_digit) && piece.iter().any(u8::is_ascii_alphabetic)
    });
    mixed.then_some(end)
}

/// [`push_piece`] for `token[start..end]`, which after a `key=` may be a null: `seed=None`,
/// `parent=null` and `err=nil` are the slot of a present value (`seed=42`), as `-` is.
#[inline(always)]
fn push_keyed_piece(
    token: &[u8],
    start: usize,
    end: usize,
    classes: u16,
    buf: &mut Vec<u8>,
) -> bool {
    let piece = &token[start..end];
    if start == 0 || token[start - 1] != b'=' {
        return push_piece(piece, classes, buf);
    }
    let null = start > 0
        && token[start - 1] == b'='
        && [&b"none"[..], b"null", b"nil", b"undefined"]
            .iter()
            .any(|w| piece.eq_ignore_ascii_case(w));
    if null {
        buf.extend_from_slice(WILDCARD);
        return false;
    }
    push_piece(piece, classes, buf)
}

/// When `token[local..at]` and what follows the `@` at `at` read as an e-mail address (a local
/// part of letters, digits and `._%+-`; a domain of two or more dot-separated labels, the last
/// of letters), the index where the domain ends.
fn email_domain_end(token: &[u8], local: usize, at: usize) -> Option<usize> {
    let user = &token[local..at];
    let user_ok = !user.is_empty()
        && user
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-'));
    if !user_ok {
        return None;
    }
    let domain_len = token[at + 1..]
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
        .count();
    let domain = &token[at + 1..at + 1 + domain_len];
    // A sentence's full stop after the address is not the domain's.
    let domain = domain.strip_suffix(b".").unwrap_or(domain);
    let mut labels = domain.split(|&b| b == b'.');
    let last = labels.next_back()?;
    let labels_ok = domain.contains(&b'.')
        && domain.split(|&b| b == b'.').all(|l| !l.is_empty())
        && last.len() >= 2
        && last.iter().all(u8::is_ascii_alphabetic);
    labels_ok.then_some(at + 1 + domain.len())
}

/// The end of an IPv6 address that follows the `@` at `at` (`user@::1`, `user@fe80::1`).
/// Where the address ends when `token[start..at]` is a user's name (a letter first, then
/// letters, digits, `.`, `_` or `-`) and the `@` at `at` is followed by an IP address
/// (`10.3.0.12`, `::1`) and a port, if any, then closing punctuation or the token's end.
fn user_at_address_end(token: &[u8], start: usize, at: usize) -> Option<usize> {
    let user = &token[start..at];
    let named = user.first().is_some_and(u8::is_ascii_alphabetic)
        && user
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if !named {
        return None;
    }
    let host_end = ipv6_host_end(token, at).or_else(|| {
        let rest = &token[at + 1..];
        let len = rest
            .iter()
            .take_while(|&&b| b.is_ascii_digit() || b == b'.')
            .count();
        let host = &rest[..len];
        let groups = host.split(|&b| b == b'.');
        (host.iter().filter(|&&b| b == b'.').count() == 3
            && groups.into_iter().all(|g| (1..=3).contains(&g.len())))
        .then_some(at + 1 + len)
    })?;
    let port = token[host_end..].strip_prefix(b":").map_or(0, |p| {
        1 + p.iter().take_while(|b| b.is_ascii_digit()).count()
    });
    let end = host_end + port;
    token[end..]
        .iter()
        .all(u8::is_ascii_punctuation)
        .then_some(end)
}

fn ipv6_host_end(token: &[u8], at: usize) -> Option<usize> {
    let rest = &token[at + 1..];
    let len = rest
        .iter()
        .take_while(|&&b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        .count();
    let host = &rest[..len];
    let host = host.strip_suffix(b".").unwrap_or(host);
    is_ipv6(host).then_some(at + 1 + host.len())
}

/// An item of a list: a variable with punctuation around it (`<*>,`, `[<*>,`), or an id with
/// its kind (`worker_<*>,`); not a `key=<*>` or `key:<*>` field.
fn is_list_item(token: &[u8]) -> bool {
    let Some(at) = token.windows(WILDCARD.len()).position(|w| w == WILDCARD) else {
        return false;
    };
    let before = &token[..at];
    let kind = before
        .iter()
        .skip_while(|b| matches!(b, b'(' | b'[' | b'{' | b'"' | b'\''))
        .count();
    let kind_ok = kind == 0
        || (kind >= 3
            && matches!(before[before.len() - 1], b'_' | b'-')
            && before[before.len() - kind..before.len() - 1]
                .iter()
                .all(|b| b.is_ascii_alphabetic() || matches!(b, b'_' | b'-')));
    let after = &token[at + WILDCARD.len()..];
    kind_ok
        && after
            .iter()
            .all(|b| matches!(b, b',' | b')' | b']' | b'}' | b'"' | b'\'' | b'.' | b';'))
}

/// Most opening (or closing) punctuation bytes kept around a collapsed variable.
const MAX_OUTER: usize = 4;

/// The opening brackets and quotes before a token's first `<*>` and the closing punctuation after
/// its last one, at most [`MAX_OUTER`] bytes each.
fn outer_punctuation(token: &[u8]) -> (&[u8], &[u8]) {
    let lead = token
        .iter()
        .take(MAX_OUTER)
        .take_while(|&&b| matches!(b, b'(' | b'[' | b'{' | b'"' | b'\''))
        .count();
    let trail = token
        .iter()
        .rev()
        .take(MAX_OUTER)
        .take_while(|&&b| {
            matches!(
                b,
                b')' | b']' | b'}' | b'"' | b'\'' | b',' | b';' | b':' | b'.' | b'!' | b'?'
            )
        })
        .count();
    (&token[..lead], &token[token.len() - trail..])
}

/// True when the brackets and double quotes of `token` pair up within it.
pub(crate) fn brackets_balance(token: &[u8]) -> bool {
    let mut stack = [0u8; 16];
    let mut depth = 0usize;
    let mut quotes = 0usize;
    let mut i = 0;
    while i < token.len() {
        if wildcard_at(token, i) {
            i += WILDCARD.len();
            continue;
        }
        match token[i] {
            b'"' => quotes += 1,
            open @ (b'(' | b'[' | b'{') => {
                if depth == stack.len() {
                    return false;
                }
                stack[depth] = open;
                depth += 1;
            }
            close @ (b')' | b']' | b'}') => {
                let open = match close {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                if depth == 0 || stack[depth - 1] != open {
                    return false;
                }
                depth -= 1;
            }
            _ => {}
        }
        i += 1;
    }
    depth == 0 && quotes.is_multiple_of(2)
}

/// True when `token` holds a letter, digit or non-ASCII byte outside its `<*>` placeholders.
pub(crate) fn has_constant_content(token: &[u8]) -> bool {
    // A dot leader before the value (`....<*>`) is the line's, as a word is.
    if token.starts_with(b"..") {
        let dots = token.iter().take_while(|&&b| b == b'.').count();
        if wildcard_at(token, dots) {
            return true;
        }
    }
    let mut i = 0;
    while i < token.len() {
        if wildcard_at(token, i) {
            i += WILDCARD.len();
            continue;
        }
        let b = token[i];
        if b.is_ascii_alphanumeric() || b >= 0x80 {
            return true;
        }
        i += 1;
    }
    false
}

pub(crate) fn contains_wildcard(token: &[u8]) -> bool {
    token.windows(WILDCARD.len()).any(is_wildcard)
}

/// True when `bytes` is exactly [`WILDCARD`]: three byte compares, where a slice comparison
/// calls `memcmp` (this runs for every token).
#[inline]
fn is_wildcard(bytes: &[u8]) -> bool {
    matches!(bytes, [b'<', b'*', b'>'])
}

/// True when a [`WILDCARD`] starts at `bytes[i]`.
#[inline]
pub(crate) fn wildcard_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i..i + WILDCARD.len()).is_some_and(is_wildcard)
}

/// A run of one punctuation byte (`*`, `=`, `-`, `#`, `~`, `_`, `.`) of at least
/// [`MIN_PADDING_RULE`] bytes: padding to a column when it ends the line, not a word.
pub(crate) fn is_padding_rule(token: &[u8]) -> bool {
    token.len() >= MIN_PADDING_RULE
        && matches!(token[0], b'*' | b'=' | b'-' | b'#' | b'~' | b'_' | b'.')
        && token.iter().all(|&b| b == token[0])
}

/// Shortest run taken for padding (`----` is HAProxy's termination state, `********` a fixed
/// decoration; a column's padding is mostly longer, and a short one rarely decides an event).
const MIN_PADDING_RULE: usize = 10;

/// Punctuation that ends a token after its value: `,`, `;`, `:` and `.`.
fn is_separator(b: u8) -> bool {
    matches!(b, b',' | b';' | b':' | b'.')
}

fn is_empty_bracket_pair(token: &[u8]) -> bool {
    matches!(token, b"()" | b"[]" | b"{}" | b"\"\"" | b"''" | b"<>")
}

const KEEP_ID_PREFIX: bool = true;

/// Writes one punctuation-free piece whose byte classes are `classes`, masking it when it holds a
/// digit or is a host name. Returns true when the piece was copied unchanged.
#[inline(always)]
fn push_piece(piece: &[u8], classes: u16, buf: &mut Vec<u8>) -> bool {
    if piece.len() >= MIN_RANDOM_LETTERS && classes & DIGIT == 0 && is_random_letters(piece) {
        buf.extend_from_slice(WILDCARD);
        return false;
    }
    if classes & (DIGIT | DOT) == 0 {
        // Neither a number nor a host name: the common plain word, copied without a call.
        buf.extend_from_slice(piece);
        return true;
    }
    push_value_piece(piece, classes, buf)
}

/// [`push_piece`] for a piece holding a digit or a dot.
#[inline(never)]
fn push_value_piece(piece: &[u8], classes: u16, buf: &mut Vec<u8>) -> bool {
    if could_be_hostname(classes) && (is_hostname(piece) || is_file_name(piece)) {
        buf.extend_from_slice(WILDCARD);
        return false;
    }
    let Some(first_digit) = piece.iter().position(u8::is_ascii_digit) else {
        buf.extend_from_slice(piece);
        return true;
    };
    // The prefix ends at the last separator before the first digit, so that `job-5a04c` and
    // `job-a5b04` are the same kind of id.
    let prefix_end = piece[..first_digit]
        .iter()
        .rposition(|b| matches!(b, b'_' | b'-' | b'.' | b'#'))
        .map_or(first_digit, |at| at + 1);
    let prefix = &piece[..prefix_end];
    let letters = prefix.iter().filter(|b| b.is_ascii_alphabetic()).count();
    // Only an id made of digits (and hex) after its prefix keeps the prefix: `adsl-70-1.dsl.net`
    // style names carry words after the digits and are values as a whole.
    let id_like_rest = piece[prefix_end..]
        .iter()
        .all(|b| !b.is_ascii_alphabetic() || b.is_ascii_hexdigit());
    let ends_with_separator = prefix
        .last()
        .is_some_and(|b| matches!(b, b'_' | b'-' | b'.' | b'#'));
    if KEEP_ID_PREFIX && letters >= 2 && ends_with_separator && id_like_rest {
        // `blk_-42` and `blk_42` are one kind of id: the sign belongs to the number.
        let prefix = match prefix {
            [head @ .., b'_' | b'.', b'-'] => &prefix[..head.len() + 1],
            _ => prefix,
        };
        buf.extend_from_slice(prefix);
    }
    buf.extend_from_slice(WILDCARD);
    false
}

/// The length of the key a token opens with: letters, digits, `_`, `-`, `.`.
fn key_length(token: &[u8]) -> usize {
    token
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        .count()
}

/// The bytes to keep before the value in `key=value` (`key=`, or `key="` before a quoted
/// distinguished name) when the value is one whole value (a URL, a path, a host name, a
/// distinguished name).
fn key_before_whole_value(core: &[u8]) -> Option<usize> {
    let key = key_length(core);
    if key == 0 || core.get(key) != Some(&b'=') {
        return None;
    }
    let value = &core[key + 1..];
    // `base="ou=people,dc=corp,dc=example`: a quoted distinguished name, its closing quote in
    // the token's trail.
    let listed = value.contains(&b',');
    let quoted_name = listed && value.strip_prefix(b"\"").is_some_and(is_distinguished_name);
    if quoted_name {
        return Some(key + 2);
    }
    (is_url(value)
        || is_path(value)
        || is_hex_pairs(value)
        || (listed && is_distinguished_name(value))
        || (could_be_hostname(classes_of(value)) && is_hostname(value)))
    .then_some(key + 1)
}

/// The range of the word inside a whole-token quotation (`'mqtt'`, `"proxy-dmz",`): quote, one or
/// more bytes without quotes, the same quote, then closing punctuation only. A double-quoted word
/// holding a digit is left to the pieces (`"curl/8.1"` → `"curl/<*>"`): in an access log such
/// product tokens are the few constant words a line of values has, which anchor its event.
fn quoted_word(token: &[u8]) -> Option<std::ops::Range<usize>> {
    // A bytes literal's `b` prefix (`b'online'`) is the quotation's.
    let open = usize::from(token.starts_with(b"b'"));
    let quote = *token.get(open)?;
    if quote != b'\'' && quote != b'"' {
        return None;
    }
    let close = open + 1 + token[open + 1..].iter().position(|&b| b == quote)?;
    (close > open + 1
        && !token[open + 1..close].iter().any(|&b| {
            b == b'"' || b == b'\'' || b == b'<' || (quote == b'"' && b.is_ascii_digit())
        })
        && token[close + 1..]
            .iter()
            .all(|b| matches!(b, b',' | b';' | b')' | b']' | b'}' | b'.' | b':')))
    .then_some(open + 1..close)
}

/// An Amazon resource name or a URN (`arn:aws:sqs:eu-west-1:42:jobs`, `urn:isbn:0451450523`):
/// one id whatever its parts.
fn is_urn(core: &[u8]) -> bool {
    (core.starts_with(b"arn:") || core.starts_with(b"urn:"))
        && core.iter().filter(|&&b| b == b':').count() >= 2
}

/// Hex byte pairs joined by colons (`3c:a1:9f:0e:…`): a MAC address, a key or certificate
/// fingerprint. One value, though pieces such as `ab` hold no digit.
/// Where a MAC or PCI address (see [`is_hex_pairs`], [`is_pci_address`]) that ends `core` starts,
/// after a key, its `:` or `=` and an optional quote (`mac:"5d:96:ca:ea:5b:35`,
/// `PCI:0000:db:00.0`).
fn hex_after_key(core: &[u8]) -> Option<usize> {
    // A key is a word: most tokens holding a colon are addresses (`10.0.0.7:8080`).
    if !core.first().is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let key = key_length(core);
    if key == 0 || !matches!(core.get(key), Some(b':' | b'=')) {
        return None;
    }
    let at = key + 1 + usize::from(matches!(core.get(key + 1), Some(b'"' | b'\'')));
    let address = &core[at..];
    (address.len() >= 7
        && address[0].is_ascii_hexdigit()
        && (is_hex_pairs(address) || is_pci_address(address)))
    .then_some(at)
}

/// A PCI address, `domain:bus:device.function` in hex with the domain optional
/// (`00000000:db:00.0`, `0000:3b:00.0`, `3b:00.0`), or with the domain and without the function
/// (`0000:db:00`, as NVIDIA's Xid lines write it): one value, whatever letters its hex holds.
fn is_pci_address(core: &[u8]) -> bool {
    // `3b:00.0` is the shortest, `00000000:db:00.0` the longest; `.function` or `:device` ends it.
    let len = core.len();
    if !(7..=16).contains(&len) || (core[len - 2] != b'.' && core[len - 3] != b':') {
        return false;
    }
    let hex = |part: &[u8], lens: &[usize]| {
        lens.contains(&part.len()) && part.iter().all(u8::is_ascii_hexdigit)
    };
    let (rest, function) = match core.iter().rposition(|&b| b == b'.') {
        Some(dot) => (&core[..dot], Some(&core[dot + 1..])),
        None => (core, None),
    };
    let mut parts = rest.rsplit(|&b| b == b':');
    let (Some(device), Some(bus)) = (parts.next(), parts.next()) else {
        return false;
    };
    let domain_ok = match (parts.next(), parts.next()) {
        (None, _) => function.is_some(),
        (Some(domain), None) => hex(domain, &[4, 8]),
        _ => false,
    };
    domain_ok && hex(bus, &[2]) && hex(device, &[2]) && function.is_none_or(|f| hex(f, &[1]))
}

fn is_hex_pairs(core: &[u8]) -> bool {
    core.len() >= 11
        && core.len() % 3 == 2
        && core.chunks(3).all(|pair| {
            pair[0].is_ascii_hexdigit()
                && pair[1].is_ascii_hexdigit()
                && pair.get(2).is_none_or(|&b| b == b':')
        })
}

/// An IPv6 address: groups of one to four hex digits joined by `:`, shortened by one `::`
/// (`2001:db8:2f::ffaa`, `fe80::1`, `::1`) or written in full (eight groups), an IPv4 address
/// allowed last (`::ffff:10.0.0.1`). One value, though groups such as `db` hold no digit.
fn is_ipv6(core: &[u8]) -> bool {
    // One pass: the colons, and how many of them follow another (`::`).
    let (mut colons, mut shortened, mut previous) = (0, 0, 0u8);
    for &b in core {
        if b == b':' {
            colons += 1;
            shortened += usize::from(previous == b':');
        }
        previous = b;
    }
    // `::` once, or eight groups in full; most tokens with a colon (`key:`, `10:30:45`) stop here.
    if !(shortened == 1 && colons >= 2 || shortened == 0 && colons == 7) || core.len() < 3 {
        return false;
    }
    let groups = colons + 1;
    core.split(|&b| b == b':').enumerate().all(|(i, g)| {
        (g.len() <= 4 && g.iter().all(u8::is_ascii_hexdigit))
            || (i + 1 == groups
                && g.iter().filter(|&&b| b == b'.').count() == 3
                && g.iter().all(|&b| b.is_ascii_digit() || b == b'.'))
    }) && core.iter().any(u8::is_ascii_digit)
}

/// An LDAP distinguished name: three or more `attribute=value` parts joined by commas
/// (`cn=keystone,ou=services,dc=corp,dc=example`), one value as a path is.
fn is_distinguished_name(core: &[u8]) -> bool {
    if !core.contains(&b',') {
        return false;
    }
    let mut parts = 0;
    for part in core.split(|&b| b == b',') {
        let Some(eq) = part.iter().position(|&b| b == b'=') else {
            return false;
        };
        // One `attribute=value` each: `base="ou=people` is a key before a quoted name.
        if eq == 0
            || eq + 1 == part.len()
            || !part[..eq].iter().all(u8::is_ascii_alphabetic)
            || part[eq + 1..].iter().any(|&b| matches!(b, b'=' | b'"'))
        {
            return false;
        }
        parts += 1;
    }
    parts >= 3
}

/// The fields of a record set apart by `;` that runs to the end of the line: at least
/// [`MIN_RECORD_FIELDS`] of them, the first glued to the second (`web-01;Disk /var;…`), no
/// field opening or ending with a space (`a; b` is prose), the first a name without `/`, `=`,
/// quotes or brackets (a URL's `;jsessionid=` or a list of paths is one token's business).
fn semicolon_record(text: &[u8]) -> Option<Vec<&[u8]>> {
    let first_end = text.iter().position(|&b| b == b';')?;
    let first = &text[..first_end];
    if first.is_empty()
        || first.iter().any(|b| {
            b.is_ascii_whitespace()
                || matches!(
                    b,
                    b'/' | b'\\' | b':' | b'=' | b'"' | b'\'' | b'(' | b'[' | b'{'
                )
        })
    {
        return None;
    }
    // Fields up to the first `;` that a space follows: from there on, the last field's free
    // text (`…;CRITICAL - Replica IO thread not running; last error: …`).
    let mut fields: Vec<&[u8]> = Vec::new();
    let mut start = 0;
    for (at, _) in text.iter().enumerate().filter(|&(_, &b)| b == b';') {
        if text.get(at + 1).is_some_and(u8::is_ascii_whitespace) {
            break;
        }
        fields.push(&text[start..at]);
        start = at + 1;
    }
    fields.push(&text[start..]);
    let spaced = fields.iter().any(|f| {
        f.first().is_some_and(u8::is_ascii_whitespace)
            || f.last().is_some_and(u8::is_ascii_whitespace)
    });
    // Four fields whose last holds a space are a list the message goes on after (`rw;nosuid;
    // nodev;noexec applied to /home`); a record's free-text field comes after five or more.
    let free_text_last = fields.last().is_some_and(|f| f.contains(&b' '));
    let least = if free_text_last {
        MIN_RECORD_FIELDS + 1
    } else {
        MIN_RECORD_FIELDS
    };
    (fields.len() >= least && !spaced).then_some(fields)
}

/// Fields a record set apart by `;` holds at least (see [`semicolon_record`]).
const MIN_RECORD_FIELDS: usize = 4;

/// `SCHEDULE_FORCED_SVC_CHECK`: a command's name in capitals and `_`.
fn is_command_name(field: &[u8]) -> bool {
    field.len() >= 3
        && field.contains(&b'_')
        && field
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'_')
}

/// Where the text of an error's number glued to it in parentheses ends (`113(No route to
/// host)`, `111(Connection refused),`): the index of the raw token that closes it, at most
/// [`MAX_CODED_TEXT_TOKENS`] on, holding no bracket or quote of its own.
fn coded_text_end(body: &[u8], raw: &[(usize, usize)], k: usize) -> Option<usize> {
    let token = &body[raw[k].0..raw[k].1];
    let digits = token.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || token.get(digits) != Some(&b'(') || token[digits + 1..].contains(&b')') {
        return None;
    }
    let opens = |t: &[u8]| t.iter().any(|b| matches!(b, b'(' | b'[' | b'{' | b'"'));
    if opens(&token[digits + 1..]) {
        return None;
    }
    for (j, &(s, e)) in raw
        .iter()
        .enumerate()
        .skip(k + 1)
        .take(MAX_CODED_TEXT_TOKENS)
    {
        let t = &body[s..e];
        if opens(t) {
            return None;
        }
        if let Some(close) = t.iter().position(|&b| b == b')') {
            let trail_ok = t[close + 1..]
                .iter()
                .all(|b| matches!(b, b',' | b'.' | b';' | b':'));
            return trail_ok.then_some(j);
        }
    }
    None
}

/// Most tokens an error's text in parentheses after its number may take.
const MAX_CODED_TEXT_TOKENS: usize = 8;

/// The length of the dots opening `....0`, a number led to by dots; `None` for anything else.
#[inline(never)]
fn dot_leader_len(token: &[u8]) -> Option<usize> {
    let dots = token.iter().take_while(|&&b| b == b'.').count();
    (dots < token.len()
        && token[dots..]
            .iter()
            .all(|b| b.is_ascii_digit() || *b == b'.'))
    .then_some(dots)
}

/// `error,timeout` inside `{…}`: an Erlang tuple's items (`{error,econnrefused}`), the value
/// of the reason a line gives, whatever its atoms: lower-case atoms, numbers and quoted words
/// joined by commas.
fn is_term_items(core: &[u8]) -> bool {
    core.contains(&b',')
        && core[0].is_ascii_lowercase()
        && core.iter().all(|&b| {
            b.is_ascii_alphanumeric()
                || matches!(b, b'_' | b',' | b'.' | b'\'' | b'@' | b':' | b'-')
        })
}

/// `?module=API&idSite=3&period=day`: a URL's query written without its path, one value
/// whatever its pairs hold. (Pairs without the `?` may be a record's fields, whose keys stay.)
fn is_query_string(core: &[u8]) -> bool {
    let Some(query) = core.strip_prefix(b"?") else {
        return false;
    };
    let is_key =
        |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-' | b'[' | b']');
    query.split(|&b| b == b'&').all(|pair| {
        let key = pair
            .iter()
            .position(|&b| b == b'=')
            .map_or(pair, |eq| &pair[..eq]);
        !key.is_empty() && key.len() < pair.len() && key.iter().all(is_key)
    })
}

fn is_url(core: &[u8]) -> bool {
    core.iter()
        .enumerate()
        .any(|(i, &b)| b == b':' && core[i + 1..].starts_with(b"//"))
}

/// `[host]:port`: a host in brackets, a colon, a port (`[localhost]:29500`, `[fe80::1]:80`,
/// `[gpu-node-07]:29500`), one address whatever the host.
fn is_bracketed_address(core: &[u8]) -> bool {
    let Some(rest) = core.strip_prefix(b"[") else {
        return false;
    };
    let Some(close) = rest.iter().position(|&b| b == b']') else {
        return false;
    };
    let host = &rest[..close];
    let port = &rest[close + 1..];
    !host.is_empty()
        && host
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'%' | b'_'))
        && port.len() > 1
        && port[0] == b':'
        && port[1..].iter().all(u8::is_ascii_digit)
}

fn is_path(core: &[u8]) -> bool {
    match core {
        [b'/', _, ..] => true,
        [b'.', b'/', ..] | [b'.', b'.', b'/', ..] | [b'~', b'/', ..] => true,
        [drive, b':', b'\\', ..] => drive.is_ascii_alphabetic(),
        _ => false,
    }
}

const TOP_LEVEL_DOMAINS: &[&[u8]] = &[
    b"com",
    b"net",
    b"org",
    b"edu",
    b"gov",
    b"mil",
    b"int",
    b"io",
    b"co",
    b"uk",
    b"de",
    b"fr",
    b"jp",
    b"cn",
    b"ru",
    b"pl",
    b"nl",
    b"it",
    b"es",
    b"br",
    b"au",
    b"ca",
    b"ch",
    b"se",
    b"no",
    b"fi",
    b"dk",
    b"be",
    b"at",
    b"cz",
    b"in",
    b"kr",
    b"tw",
    b"hk",
    b"us",
    b"eu",
    b"info",
    b"biz",
    b"local",
    b"lan",
    b"internal",
    b"localdomain",
    b"arpa",
    b"me",
    b"tv",
    b"cc",
    b"dev",
    b"cloud",
    b"ai",
    // Reserved for documentation and tests (RFC 2606, RFC 6761), and so in test fleets' logs.
    b"example",
    b"test",
    b"invalid",
    b"localhost",
];

/// `localhost:5432`: the local host and a port, an address as `127.0.0.1:5432` is.
fn is_localhost_port(core: &[u8]) -> bool {
    core.strip_prefix(b"localhost:")
        .is_some_and(|port| (1..=5).contains(&port.len()) && port.iter().all(u8::is_ascii_digit))
}

/// A dotted name whose last label is a known top-level domain (`mail.example.org`). Java class
/// names (`org.apache.Foo`) end in a class name, so they are not caught.
fn is_hostname(core: &[u8]) -> bool {
    if core.len() < 4 || core.len() > 253 {
        return false;
    }
    // Cheapest test first: most dotted tokens are numbers or class names, rejected by their tail.
    let Some(last_dot) = core.iter().rposition(|&b| b == b'.') else {
        return false;
    };
    if !is_top_level_domain(&core[last_dot + 1..]) {
        return false;
    }
    last_dot > 0
        && core[last_dot - 1] != b'.'
        && core
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'.' || *b == b'-')
}

/// Extensions of data, configuration and program files (not of source code, whose `file.py:12`
/// names a place in the program, the same on every line of an event).
const FILE_EXTENSIONS: &[&[u8]] = &[
    b"exe", b"dll", b"so", b"log", b"txt", b"json", b"yaml", b"yml", b"xml", b"conf", b"cfg",
    b"ini", b"toml", b"csv", b"gz", b"zip", b"tar", b"tgz", b"pdf", b"png", b"jpg", b"iso", b"img",
    b"db", b"sqlite", b"bin", b"dat", b"bak", b"tmp", b"pid", b"sock", b"crt", b"pem", b"war",
    b"jar", b"parquet",
];

/// `chrome.exe`, `billing.war`, `sources.toml`: a file's name, a value like a path.
fn is_file_name(core: &[u8]) -> bool {
    let Some(dot) = core.iter().rposition(|&b| b == b'.') else {
        return false;
    };
    let (stem, extension) = (&core[..dot], &core[dot + 1..]);
    // Most dotted pieces are numbers (`0.25`) or class names: their last part rules them out
    // before the list is read.
    (2..=7).contains(&extension.len())
        && extension.iter().all(u8::is_ascii_alphabetic)
        && stem.first().is_some_and(u8::is_ascii_alphanumeric)
        && FILE_EXTENSIONS
            .iter()
            .any(|e| extension.eq_ignore_ascii_case(e))
}

fn is_top_level_domain(label: &[u8]) -> bool {
    // Every entry is 2 to 11 letters: numbers (`16.0`, IP addresses) fail here without a search.
    if label.len() < 2 || label.len() > 11 || !label.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    TOP_LEVEL_DOMAINS
        .iter()
        .any(|candidate| candidate.eq_ignore_ascii_case(label))
}

const CALENDAR_WORDS: &[&[u8]] = &[
    b"Jan",
    b"Feb",
    b"Mar",
    b"Apr",
    b"May",
    b"Jun",
    b"Jul",
    b"Aug",
    b"Sep",
    b"Sept",
    b"Oct",
    b"Nov",
    b"Dec",
    b"Mon",
    b"Tue",
    b"Wed",
    b"Thu",
    b"Fri",
    b"Sat",
    b"Sun",
    b"January",
    b"February",
    b"March",
    b"April",
    b"June",
    b"July",
    b"August",
    b"September",
    b"October",
    b"November",
    b"December",
    b"Monday",
    b"Tuesday",
    b"Wednesday",
    b"Thursday",
    b"Friday",
    b"Saturday",
    b"Sunday",
];

/// Length of `September`, the longest entry of [`CALENDAR_WORDS`].
const LONGEST_CALENDAR_WORD: usize = 9;

/// Month and weekday names; they only count as variables when a date follows (checked by caller).
fn is_calendar_word(word: &[u8]) -> bool {
    if word.len() < 3 || !word[0].is_ascii_uppercase() {
        return false;
    }
    if word.len() > LONGEST_CALENDAR_WORD && class_of(word[LONGEST_CALENDAR_WORD]) & TRAIL == 0 {
        // Longer than any month or weekday even with trailing punctuation cut off.
        return false;
    }
    if !starts_with_calendar_abbreviation(word) {
        // Every name in the list starts with its three-letter abbreviation; this test is a byte
        // decision tree, while the list search below compares against every name.
        return false;
    }
    let word = match word.iter().rposition(|&b| class_of(b) & TRAIL == 0) {
        Some(end) => &word[..=end],
        None => return false,
    };
    // Compared byte by byte: `contains` would call `memcmp` for every name of the same length.
    CALENDAR_WORDS
        .iter()
        .any(|name| name.len() == word.len() && name.iter().zip(word).all(|(a, b)| a == b))
}

fn starts_with_calendar_abbreviation(word: &[u8]) -> bool {
    matches!(
        word,
        [b'J', b'a', b'n', ..]
            | [b'F', b'e', b'b', ..]
            | [b'M', b'a', b'r' | b'y', ..]
            | [b'A', b'p', b'r', ..]
            | [b'J', b'u', b'n' | b'l', ..]
            | [b'A', b'u', b'g', ..]
            | [b'S', b'e', b'p', ..]
            | [b'O', b'c', b't', ..]
            | [b'N', b'o', b'v', ..]
            | [b'D', b'e', b'c', ..]
            | [b'M', b'o', b'n', ..]
            | [b'T', b'u', b'e', ..]
            | [b'W', b'e', b'd', ..]
            | [b'T', b'h', b'u', ..]
            | [b'F', b'r', b'i', ..]
            | [b'S', b'a', b't', ..]
            | [b'S', b'u', b'n', ..]
    )
}

const UNITS: &[&[u8]] = &[
    b"B", b"KB", b"kB", b"MB", b"GB", b"TB", b"PB", b"KiB", b"MiB", b"GiB", b"TiB", b"bytes",
    b"ms", b"us", b"ns", b"s", b"sec", b"secs", b"seconds", b"min", b"mins", b"minutes", b"hours",
    b"B/s", b"kB/s", b"KB/s", b"MB/s", b"GB/s", b"KiB/s", b"MiB/s", b"GiB/s", b"bps", b"Kbps",
    b"kbps", b"Mbps", b"Gbps",
];

fn is_unit(core: &[u8]) -> bool {
    core.len() <= 7 && UNITS.contains(&core)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        let mut out = MaskedLine::new();
        mask_into(input.as_bytes(), 4096, 512, &mut out);
        assert_eq!(out.text(), expected, "masking {input:?}");
    }

    #[test]
    fn the_root_after_an_http_method_is_a_path() {
        check("GET / 200 15ms", "GET <*>");
        check("GET /api/status 200 15ms", "GET <*>");
        // Elsewhere a lone slash is punctuation.
        check("read 3 / 4 blocks", "read <*> / <*> blocks");
    }

    #[test]
    fn a_dash_after_a_failure_stays_and_an_absent_value_is_masked() {
        check(
            "Poll UPS [ups1@localhost] failed - Data stale",
            "Poll UPS [<*>@localhost] failed - Data stale",
        );
        check("GET /index.html 200 - 0.2", "GET <*>");
    }

    #[test]
    fn a_unit_after_a_number_opening_a_bracket_and_a_rate_fold_into_it() {
        check(
            "Downloaded from central: https://repo.example/a.pom (4.1 kB at 120 kB/s)",
            "Downloaded from central: <*> (<*> at <*>)",
        );
        check(
            "Downloaded from central: https://repo.example/b.jar (1.2 MB at 3.4 MB/s)",
            "Downloaded from central: <*> (<*> at <*>)",
        );
        check(
            "link up at 10 Gbps, full duplex",
            "link up at <*>, full duplex",
        );
    }

    #[test]
    fn numbers_hex_and_ids() {
        check(
            "PacketResponder 1 for block blk_-6952295868487656571 terminating",
            "PacketResponder <*> for block blk_<*> terminating",
        );
        check(
            "PacketResponder 0 for block blk_38865049064139660 terminating",
            "PacketResponder <*> for block blk_<*> terminating",
        );
        check(
            "Created MRAppMaster for application appattempt_1445144423722_0020_000001",
            "Created MRAppMaster for application appattempt_<*>",
        );
        check("job_1445144423722_0020 at 0x0b85eee0", "job_<*> at <*>");
        check("keyId: -127633188)", "keyId: <*>)");
    }

    #[test]
    fn ips_ports_paths_urls() {
        check("connect to 10.251.73.220:50010 now", "connect to <*> now");
        check(
            "src: /10.250.19.102:54106 dest: /10.250.19.102:50010",
            "src: <*> dest: <*>",
        );
        check(
            "loading /etc/httpd/conf/workers2.properties, done",
            "loading <*>, done",
        );
        check("fetch https://user:pw@example.com/a?b=1 ok", "fetch <*> ok");
        check("open ./runtime_malloc: failed", "open <*>: failed");
        check(
            "root=ab:cd:ef:01:23:45:67:89 mac 3c:a1:9f:0e:ab:cd, ok",
            "root=<*> mac <*>, ok",
        );
        check("at 12:30:45 now", "at <*> now");
        check(
            "report{Live:true, Detail:\"felix-startup: not yet ready\"} seen",
            "report{Live:true, Detail:\"<*>\"} seen",
        );
        // A struct's `Message:"…"` is a value; logfmt's `msg="…"` is the message.
        check(
            "&apis.Condition{Reason:\"Running\", Message:\"Not all Steps have finished\"}",
            "&apis.Condition{Reason:\"Running\", Message:\"<*>\"}",
        );
        // An escaped quote opening the value is the value's own.
        check(
            "status Message:\"\\\"step-build\\\" exited with code 1\"} done",
            "status Message:\"<*>\"} done",
        );
        // PCI addresses, and MAC or PCI addresses after a key, whatever letters their hex holds.
        check(
            "GPU (pci bus id 00000000:db:00.0) and 0000:3b:00.0 on 86:00.1",
            "GPU (pci bus id <*>) and <*> on <*>",
        );
        check(
            "endpoint mac:\"5d:96:ca:ea:5b:35\" Xid (PCI:0000:db:00): 79 hwaddr=02:42:ac:ee:00:0f",
            "endpoint mac:\"<*>\" Xid (PCI:<*>): <*> hwaddr=<*>",
        );
        check(
            "from 2001:db8:2f::ffaa to fe80::1 or ::ffff:10.0.0.1 and ::1 via std::vector",
            "from <*> to <*> or <*> and <*> via std::vector",
        );
        check(
            "peer 2001:0db8:0000:0000:0000:ff00:0042:8329 up, cafe::bad none",
            "peer <*> up, cafe::bad none",
        );
        check(
            "by chrome.exe read sources.toml via Foo.java:12",
            "by <*> read <*> via Foo.java:<*>",
        );
        check(
            "target arn:minio:sqs::thumbs:amqp is offline, urn:ietf:rfc:2648 too",
            "target <*> is offline, <*> too",
        );
        check(
            r#"Parameters: %{"id" => "7", "page" => "2"} done"#,
            "Parameters: %{<*>} done",
        );
        check(r#"got %{a: %{b: 1}, c: "x y"}, ok"#, "got %{<*>}, ok");
        check("empty {} and {x} stay", "empty {<*>} and {x} stay");
        check(
            "config for 'mqtt' in x, 'a b' and \"dmz\" \"curl/8.1\" don't",
            "config for '<*>' in x, '<*>' and \"<*>\" \"curl/<*>\" don't",
        );
        // A name of several words the line quotes is one value, quotes inside it too; a line
        // that opens with a quote quotes its message, whose words are the event's.
        check(
            "Monitor #3 'Home Assistant': Failing: timeout",
            "Monitor <*> '<*>': Failing: timeout",
        );
        check(
            r#"Could not stat "/music/Live at "The Basement": part two.flac": ERR=gone"#,
            r#"Could not stat "<*>": ERR=gone"#,
        );
        check(
            r#""Add event for pod" pod=dns"#,
            r#""Add event for pod" pod=dns"#,
        );
    }

    #[test]
    fn uuids_hostnames_and_dates() {
        check(
            "id 123e4567-e89b-12d3-a456-426614174000 done",
            "id <*> done",
        );
        check(
            "rhost=massive.merukuru.org user=root",
            "rhost=<*> user=root",
        );
        check("from host zummit.com", "from host <*>");
        check("at Sun Jul 10 03:55:21 2005 ok", "at <*> ok");
        check(
            "Registering class org.apache.hadoop.mapreduce.EventType",
            "Registering class org.apache.hadoop.mapreduce.EventType",
        );
        check("May I help", "May I help");
    }

    #[test]
    fn a_host_in_brackets_and_its_port_are_one_address() {
        check(
            "connect to [localhost]:29500 (errno: 111)",
            "connect to <*> (errno: <*>)",
        );
        check("to [gpu-node-07]:29500, x", "to <*>, x");
        check("x ([fe80::1%eth0]:80) y", "x (<*>) y");
        // Without a port it is a bracketed word.
        check("in [main] now", "in [main] now");
    }

    #[test]
    fn a_bracketed_value_in_a_record_of_colon_fields_is_one() {
        check(
            "cert.create cert_type:db code:TC000I ei:0 identity:map[logins:[root deploy] roles:[access] user:bob] uid:7",
            "cert.create cert_type:db code:<*> ei:<*> identity:<*> uid:<*>",
        );
        // Not outside such a record.
        check("reason:[a b] done", "reason:[a b] done");
    }

    #[test]
    fn a_user_at_an_address_is_one_value() {
        // The user varies with the address (`upsmon@127.0.0.1`, `hass@192.168.10.21`), IPv6
        // hosts included, a port and closing marks after it.
        check("User monuser@::1 logged in", "User <*> logged in");
        check("User monuser@fe80::1, ok", "User <*>, ok");
        check("User monuser@10.0.0.7 logged in", "User <*> logged in");
        check(
            "Connected: beegfs-meta@10.3.0.12:8005 (protocol: TCP)",
            "Connected: <*> (protocol: TCP)",
        );
        // Not a name at something that is no address.
        check("user postgres@db-primary ok", "user postgres@db-primary ok");
        check("pkg foo@1.2.3 installed", "pkg foo@<*> installed");
    }

    #[test]
    fn a_record_of_semicolon_fields_is_one_value_per_field() {
        check(
            "SERVICE ALERT: web-02;Disk /var;CRITICAL;SOFT;3;DISK CRITICAL - free space: /var 412 MiB;",
            "SERVICE ALERT: <*>;<*>;<*>;<*>;<*>;<*>;",
        );
        check(
            "HOST ALERT: web-02;DOWN;SOFT;5;PING CRITICAL - Packet loss = 100%",
            "HOST ALERT: <*>;<*>;<*>;<*>;<*>",
        );
        // From a `;` and a space on, the last field's free text.
        check(
            "SERVICE ALERT: db;MySQL;CRITICAL;SOFT;3;CRITICAL - IO thread not running; last error: x",
            "SERVICE ALERT: <*>;<*>;<*>;<*>;<*>;<*>",
        );
        // A command's name stays.
        check(
            "EXTERNAL COMMAND: SCHEDULE_FORCED_SVC_CHECK;web-01;Total Processes;1796723324",
            "EXTERNAL COMMAND: SCHEDULE_FORCED_SVC_CHECK;<*>;<*>;<*>",
        );
        // Prose, paths and short lists are not records; four fields are not a record when
        // the message goes on after them.
        check("done: a; b; c; d", "done: a; b; c; d");
        check(
            "mount options: rw;nosuid;nodev;noexec applied to /home",
            "mount options: rw;nosuid;nodev;noexec applied to <*>",
        );
        check("fetch: /x;jsessionid=1;a;b", "fetch: <*>");
        check("modes: rw;sync;noatime now", "modes: rw;sync;noatime now");
    }

    #[test]
    fn an_error_number_and_its_text_are_one_value() {
        check("Connect failed 113(No route to host)", "Connect failed <*>");
        check(
            "Connect failed 111(Connection refused), retry",
            "Connect failed <*>, retry",
        );
        // Not across a bracket of its own.
        check("x 12(a b (c) d) y", "x <*>(a b (c) d) y");
    }

    #[test]
    fn an_erlang_tuple_is_one_value() {
        check("failed due to {error,timeout}", "failed due to {<*>}");
        check(
            "failed due to {error,econnrefused}, retrying",
            "failed due to {<*>}, retrying",
        );
        // A word in braces is no tuple.
        check("x {foo} y", "x {foo} y");
    }

    #[test]
    fn a_dot_leader_before_a_value_stays() {
        check(
            "program interrupt: fp cr field ....0",
            "program interrupt: fp cr field ....<*>",
        );
        check("instruction......0 done", "instruction......<*> done");
        check("version 1.2.3 ...", "version <*> ...");
    }

    #[test]
    fn a_query_without_its_path_is_one_value() {
        check(
            "request: ?module=API&idSite=3&period=day. failed",
            "request: <*>. failed",
        );
        // Pairs without the `?` keep their keys; a lone `?` is punctuation.
        check("args a=1&b=x", "args a=<*>&b=x");
        check("why ? x=y", "why ? x=y");
    }

    #[test]
    fn padding_to_a_column_is_a_value() {
        check(
            "TASK [Gathering Facts] *****************************",
            "TASK [Gathering Facts] <*>",
        );
        // Short runs and runs inside the line are words (HAProxy's termination state).
        check("x - - ---- 39/16 ok", "x <*> ---- <*> ok");
        check("GOODBYE ********", "GOODBYE ********");
        // A rule alone on its line pads nothing: it is the line.
        check(
            "----------------------------------------",
            "----------------------------------------",
        );
    }

    #[test]
    fn an_unquoted_error_runs_to_the_next_key() {
        check(
            "closed error=connection reset by peer (os error 104) client.addr=1.2.3.4:5",
            "closed error=<*> client.addr=<*>:<*>",
        );
        check("x reason=disk full", "x reason=<*>");
        // One word stays a word; other keys are not free text.
        check("failed error=refused", "failed error=refused");
        check("state=up to date", "state=up to date");
        // A message key's too, after the line's own words; in a record of pairs alone its
        // words are the event's.
        check(
            "Failed to send webhook x | url=http://a/b | message=Connection refused by peer",
            "Failed to send webhook x | url=<*> | message=<*>",
        );
        check(
            "level=info msg=Server started on port 8080",
            "level=info msg=Server started on port <*>",
        );
        // A text key's free text runs to the end of the line only.
        check(
            "op=3 RESULT err=19 etime=0.000121 text=Password fails quality checking policy",
            "op=<*> RESULT err=<*> etime=<*> text=<*>",
        );
        check(
            "type=AVC msg=audit(17.2:4): avc: denied for pid=7",
            "type=AVC msg=audit(<*>:<*>): avc: denied for pid=<*>",
        );
    }

    #[test]
    fn localhost_and_a_port_is_an_address() {
        check("connect to localhost:8080 failed", "connect to <*> failed");
        check("serving localhost:443, ok", "serving <*>, ok");
        check("host localhost up", "host localhost up");
    }

    #[test]
    fn a_java_frames_location_is_a_value_words_or_file() {
        check(
            "at java.base/jdk.internal.misc.Unsafe.park(Native Method) ~[?:?]",
            "at java.base/jdk.internal.misc.Unsafe.park(<*>) <*>",
        );
        // The method is masked as any token: a generated class's number varies.
        check(
            "at sun.reflect.GeneratedMethodAccessor5.invoke(Unknown Source)",
            "at <*>",
        );
        check(
            "at sun.reflect.NativeMethodAccessorImpl.invoke0(Native Method)",
            "at <*>",
        );
        check(
            "at org.x.Y.run(Y.java:12) ~[ignite-core-2.16.0.jar:2.16.0]",
            "at org.x.Y.run(Y.java:<*>) <*>",
        );
        // Words in parentheses elsewhere stay.
        check("started (Native Method)", "started (Native Method)");
    }

    #[test]
    fn a_value_of_words_in_a_list_of_spaced_keys_runs_to_its_comma() {
        check(
            "Server be/a is DOWN, reason: Layer4 connection problem, info: \"No route to host\", check duration: 1516ms.",
            "Server be/a is DOWN, reason: <*>, info: \"<*>\", check duration: <*>",
        );
        // In a long list every field's one word is a value too, the message's key aside.
        check(
            "clientid: c1, msg: kicked, pid: <0.1.0>, call: emqx_cm:init/1, module: cm, status: waiting",
            "clientid: <*>, msg: kicked, pid: <*>, call: <*>, module: <*>, status: waiting",
        );
        // One word is left to the miner; outside a list, a key's words are the sentence's.
        check(
            "is DOWN, reason: timeout, info: x",
            "is DOWN, reason: timeout, info: x",
        );
        check(
            "Error: could not open file, retrying: next attempt",
            "Error: could not open file, retrying: next attempt",
        );
    }

    #[test]
    fn a_list_of_values_is_one_value_whatever_its_length() {
        check("ids [1, 2, 3] done", "ids [<*>] done");
        check("ids [1] done", "ids [<*>] done");
        check(
            r#"paths=["/etc/a.yaml", "/etc/b.yaml"] n=2"#,
            "paths=[<*>] n=<*>",
        );
        check(r#"paths=["/etc/a.yaml"], n=2"#, "paths=[<*>], n=<*>");
        check("ids=[] n=2", "ids=[] n=<*>");
        // Go's `%v` of a map, spaces in its values.
        check(
            "msg=done req=map[headers:map[accept:text/plain, */* ua:Mozilla/5.0 (X11)] host:a] n=2",
            "msg=done req=map[<*>] n=<*>",
        );
        check(
            "args=(4, 'SKU-1', 2); alias=default",
            "args=(<*>); alias=default",
        );
        check(
            "[Parameters=[@p0='?' (DbType = Int32)], CommandType='Text']",
            "[Parameters=[<*>], CommandType='Text']",
        );
        check(
            r#"(0.002) SELECT "id", "sku" FROM "orders" WHERE "id" = 4; args=(4,)"#,
            "(<*>) <*>; args=(<*>)",
        );
        check("took 3ms: INSERT INTO t (a) VALUES (1)", "took <*>: <*>");
        check("SELECT a new leader", "SELECT a new leader");
        check(
            "(Connection: mysql, SQL: select * from `users` where `id` = 4 limit 1) at x",
            "(Connection: mysql, SQL: <*>) at x",
        );
        // After a key that says a statement follows, any statement is one, clause or none.
        check(
            "LOG: statement: SET extra_float_digits = 3",
            "LOG: statement: <*>",
        );
        check("pid 7: statement: BEGIN", "pid <*>: statement: <*>");
        check("query: SHOW TABLES", "query: <*>");
        check("statement: COMMIT;", "statement: <*>");
        // A key glued to the statement (Impala's `stmt=`), any case.
        check(
            "Exec() query_id=ab:1 stmt=SELECT count(*) FROM t WHERE x = 1",
            "Exec() query_id=ab:<*> stmt=<*>",
        );
        check("Exec() stmt=select 1", "Exec() stmt=<*>");
        check("lookup query=foo done", "lookup query=foo done");
        // A structured line's field names after it stay the event's words.
        check(
            "statement: BEGIN fields=user,pid",
            "statement: <*> fields=user,pid",
        );
        // In lower case, English after `query:` is no statement without a clause.
        check(
            "Search query: show hidden files",
            "Search query: show hidden files",
        );
        // Elsewhere a verb needs its clause: `SET` alone is a word.
        check("SET option on pool 3", "SET option on pool <*>");
        check(
            "please select a node from the list",
            "please select a node from the list",
        );
        check(
            "(in query: SELECT a FROM t WHERE (b = 1)), Stack trace:",
            "(in query: <*>), Stack trace:",
        );
        check("(in query: SELECT a FROM t ) x", "(in query: <*> ) x");
        check("for worker_01, queue_consumer_2, beat_3 to", "for <*> to");
        // Fields are not list items.
        check("delay=1, delays=2 x", "delay=<*>, delays=<*> x");
    }

    #[test]
    fn a_key_before_a_url_stays() {
        check(
            "took 7.18ms referer=https://hub.example.org/lab",
            "took <*> referer=<*>",
        );
        check("(link=http://a.b/c),", "(link=<*>),");
        check("see https://x.org/y now", "see <*> now");
        // So does one before a distinguished name, quoted or not.
        check(
            r#"SRCH base="ou=people,dc=corp,dc=example" scope=2"#,
            r#"SRCH base="<*>" scope=<*>"#,
        );
        check("BIND dn=uid=ana,ou=people,dc=corp x", "BIND dn=<*> x");
    }

    #[test]
    fn a_null_after_a_key_is_the_slot_of_a_value() {
        check(
            "SamplingParams(seed=None), ok",
            "SamplingParams(seed=<*>), ok",
        );
        check("parent=null err=NIL", "parent=<*> err=<*>");
        // After `key:` too, as anywhere a name for no value stands for one; not other words.
        check("lora_request: None.", "lora_request: <*>.");
        check("mode=nothing", "mode=nothing");
    }

    #[test]
    fn random_ids_are_one_value_without_digits_or_with_slashes() {
        // Base64 cut by `/` is not a path; one without a digit is still random.
        check("session=<LhI1csNhN/qq/kgL>", "session=<<*>>");
        check(
            "RSA SHA256:Xk2/Lp+9aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789a",
            "RSA <*>",
        );
        check("id <JijMVMHzpFwmZeVC> ok", "id <*> ok");
        check("id <pV+IcLAYtwLrBE+k> ok", "id <*> ok");
        // Identifiers and paths are not random.
        check(
            "HttpServerErrorHandler XMLHttpRequest getUserByIdAndName ClassNotFoundException",
            "HttpServerErrorHandler XMLHttpRequest getUserByIdAndName ClassNotFoundException",
        );
        check("at org/apache/Foo/Bar", "at org/apache/Foo/Bar");
    }

    #[test]
    fn a_line_quoted_whole_is_its_own_message() {
        check(
            r#""Unable to map device nvidia5 to a pod: no pod is using this device""#,
            r#""Unable to map device <*> to a pod: no pod is using this device""#,
        );
        // A request line opening an access record is a value, ending quotes or not.
        check(
            r#""GET /api/v1/items?id=7 HTTP/1.1" 200 512"#,
            r#""<*>" <*>"#,
        );
        check(
            r#""GET /api/v1/items?id=7 HTTP/1.1" 200 512 "-" "curl/8.0""#,
            r#""<*>" <*> "<*>" "curl/<*>""#,
        );
    }

    #[test]
    fn a_quoted_value_may_quote_inside() {
        // A rule quoted whole, its options quoting their own values.
        check(
            r#"error parsing signature "alert tcp any -> any 22 (msg:"SSH on odd port"; sid:7;)" from file x"#,
            r#"error parsing signature "<*>" from file x"#,
        );
    }

    #[test]
    fn an_email_address_is_one_value() {
        check(
            "to=<r.chen@gmail.example>, relay=local",
            "to=<<*>>, relay=local",
        );
        check("mail from admin@example.org. Done", "mail from <*>. Done");
        // Not an address: no dot in the domain. A user at an IP address is one value too (see
        // `a_user_at_an_address_is_one_value`).
        check("login root@localhost ok", "login root@localhost ok");
        check("peer user@10.0.0.5:80 up", "peer <*> up");
    }

    #[test]
    fn an_http_reason_phrase_is_a_value_beside_its_code() {
        check("\"GET / HTTP/1.1\" 200 OK", "\"<*>\" <*> <*>");
        check(
            "\"GET / HTTP/1.1\" 503 Service Unavailable",
            "\"<*>\" <*> <*>",
        );
        check(
            "Completed 404 Not Found, in 3ms",
            "Completed <*> <*>, in <*>",
        );
        // Not after a code, or not a phrase of the registry: words as they are.
        check("Not Found again", "Not Found again");
        check("exit 200 Not Good", "exit <*> Not Good");
    }

    #[test]
    fn units_and_runs_collapse() {
        check(
            "(estimated size 16.0 KB, free 317.5 KB)",
            "(estimated size <*>, free <*>)",
        );
        check(
            "(estimated size 384.0 B, free 317.5 KB)",
            "(estimated size <*>, free <*>)",
        );
        check("took 12 ms", "took <*>");
        check("delete blk_1 blk_2 7 8 9", "delete blk_<*> <*>");
        check(
            "connection from 1.2.3.4 () at",
            "connection from <*> (<*>) at",
        );
        check(
            "connection from 1.2.3.4 (host9.example.net) at",
            "connection from <*> (<*>) at",
        );
        // An empty pair followed by a separator is the same slot as a filled one.
        check(
            "creating index, templates [], shards 1",
            "creating index, templates [<*>], shards <*>",
        );
        check(
            "creating index, templates [metrics-v2], shards 1",
            "creating index, templates [<*>], shards <*>",
        );
    }

    #[test]
    fn an_absent_value_is_the_slot_of_a_present_one() {
        // Bytes `-` (a 304) and a count give one shape; so do referers `"-"` and a URL.
        check(
            r#"GET /a 304 - "-" "curl/8.1""#,
            r#"GET <*> "<*>" "curl/<*>""#,
        );
        check(
            r#"GET /a 200 512 "https://x.org/b" "curl/8.1""#,
            r#"GET <*> "<*>" "curl/<*>""#,
        );
        // After `key=`, a quoted phrase is one value even without a digit; not the message's.
        check(
            r#"event scope="openid email groups", msg="Token refreshed ok" done"#,
            r#"event scope="<*>", msg="Token refreshed ok" done"#,
        );
        // Escaped quotes are the value's own; an attribute's value may be long.
        let long = (0..30)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        check(
            &format!(r#"retrying err="running plugin \"Binder\": {long}" pod="a""#),
            r#"retrying err="<*>" pod="a""#,
        );
        // Quoted fields side by side are fields, not a list: they do not collapse.
        check("server: [::]:443 up", "server: <*> up");
        check("server: [2001:db8::1]:8080 up", "server: <*> up");
        check("at [::1] up", "at [<*>] up");
        check("accept tcp [::]:443: closed", "accept tcp <*>: closed");
        check(r#"ref "-" agent "-" end"#, r#"ref "<*>" agent "<*>" end"#);
        check(r#"ref "-" "-" end"#, r#"ref "<*>" "<*>" end"#);
        // A tagged field without its value (Oozie's context) is the slot of one with it.
        check(
            "SERVER[oozie] USER[-] TOKEN[] APP[wf] start",
            "SERVER[oozie] USER[<*>] TOKEN[<*>] APP[wf] start",
        );
        check("a [-] stays", "a [-] stays");
        // A dash inside a word or a longer dash run is no placeholder.
        check("re-run -- done", "re-run -- done");
        // Names for no value are absent values too, not before a word they qualify.
        check(
            "host IP None, pod IP null) set to None. by nil",
            "host IP <*>, pod IP <*>) set to <*>. by <*>",
        );
        check(
            "panic: nil map, null pointer",
            "panic: nil map, null pointer",
        );
    }

    #[test]
    fn a_value_of_several_words_in_a_list_of_pairs_runs_to_its_comma() {
        check(
            "notify: host=10.0.0.7, agent=keystoneauth1/5.0 python-requests/2.28 CPython/3.10, target=user",
            "notify: host=<*>, agent=<*>, target=user",
        );
        // Not outside such a list, nor up to a comma no key follows.
        check(
            "login user=bob logged in, session=42",
            "login user=bob logged in, session=<*>",
        );
        check("a=1, b=two words, and more", "a=<*>, b=two words, and more");
    }

    #[test]
    fn an_ldap_distinguished_name_is_one_value() {
        check(
            "bind as cn=keystone,ou=services,dc=corp,dc=example failed",
            "bind as <*> failed",
        );
        check("set a=b,c=d ok", "set a=b,c=d ok");
    }

    #[test]
    fn a_key_glued_to_a_capitalised_word_is_a_key_and_a_word() {
        check(
            "unAckedBytes 7, status:The stream closed",
            "unAckedBytes <*>, status: The stream closed",
        );
        // Not a Rust path, a time, a key in capitals or one whose value is no capitalised word.
        check(
            "at std::Vec 10:30 XML:Parser sid:none",
            "at std::Vec <*> XML:Parser sid:none",
        );
    }

    #[test]
    fn keys_are_kept_and_values_masked() {
        check(
            "setTodayTotalDetailSteps=7224",
            "setTodayTotalDetailSteps=<*>",
        );
        check("onExtend:1514038530000 14 0 4", "onExtend:<*> <*>");
        check("regs r24=0x00000000 r25=0x1", "regs <*>");
        check(
            "42 double-hummer alignment exceptions",
            "double-hummer alignment exceptions",
        );
    }

    #[test]
    fn invalid_utf8_and_limits() {
        let mut out = MaskedLine::new();
        mask_into(b"\xff\xfe abc 12 \xc3", 4096, 512, &mut out);
        assert_eq!(out.len(), 4);
        let long = "word ".repeat(10_000);
        mask_into(long.as_bytes(), 4096, 512, &mut out);
        assert!(out.len() <= 512);
    }
}
