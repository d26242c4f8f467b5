//! Header layouts learned per source.
//!
//! [`crate::header::detect`] knows header fields by their shape. A source whose header it does not
//! know (`1:M 02 May 2024 10:00:00.123 * msg`, `- app.db - WARNING - msg`, `ledger.api [req-…] msg`)
//! leaves fields in the body that vary apart from the event and split it. The learner watches a
//! source's first lines (after shape detection) and infers the rest of its header from them: the
//! leading token positions whose *class* (number-like, punctuation, `[bracketed]`, level word,
//! `name:`, other word) is the same on nearly every line, ending at a separator, a level word or a
//! bracketed group (what ends a header in every common format). Message words are not stable in
//! class across a source's events, so they are not taken; a position of words followed by
//! numbers (`onExtend 42`) has no separator after it, so it is not taken either.
//!
//! A header with an optional field (`[pid] user@db LOG:` beside `[pid] LOG:`) has no stable
//! class at that position; when nearly every line has a level word among its first tokens
//! there instead, the header is learned as "up to the first level word" (the level anchors it).
//!
//! A name closed by a colon right after the stable prefix (`WARN worker-2: msg`) ends it too when
//! its values vary apart from the message, as a thread's do (see [`named_by_colon`]; messages
//! open alike word for word, or by the keys of their `key=value` fields); the message
//! keeps it as a value, `<*>: msg`, as ground truths write a varying name there (unless the
//! message is quoted, structured or an access log's line, or the source writes a field between
//! dashes: the name is then cut with the header).
//!
//! More columns right after it (or right after the time or level found by shape, when
//! nothing is learned before them) are header though no separator closes them: a few names
//! holding digits (or any names, `-` on some lines: a user; `main` beside `worker-1`: threads)
//! that take turns there whatever the message (`| node-07 msg`, a pool of hosts or threads, or
//! two pools in a row, `main jdoe msg`; the messages compared without their digits: see
//! [`with_name_column`]), a number
//! written alike on every line while the messages after it differ (a record's flag: see
//! [`with_constant_flag`]), and numbers growing from line to line (a sequence number: see
//! [`with_counter_column`]). Last, ids that open every line whatever the message (a process's
//! and a thread's, `1037:2004`, or in two columns, `<1037> 1037:2004`; a request's, `ac4aecf6`;
//! a pool of pids: see [`PositionLearner::with_id_column`]), except after a syslog program or a
//! name closed by a colon, where the message has begun. A column of names is judged against the
//! message after such ids, not against the ids. A field whose class
//! varies (a thread `main` or `worker-2`) is taken before fields and a separator that close it
//! (`INFO worker-2 [jdoe] node-07 | msg`).
//!
//! A bare name closed by a colon right after the time (`10:00:00 imapd: …`) is a syslog
//! program when most of the source's lines without a level have one; on a few lines only it is
//! the message's own word (`Done: Copying …`, Go's `log` before a message that opens so) and
//! stays in the message, as it is without the time.
//!
//! When the layout learned from the first window may be short (it ends before the longest header
//! the tokens read could hold), a second window of lines is sampled: a longer layout found there,
//! or columns that the two windows together show (one window may hold too few messages that
//! open alike to judge a column), replaces it, and the lines of both windows are placed again.
//!
//! The layout is kept per source and applied to every line whose leading classes match it; when
//! most recent lines stop matching (the source changed format), it is learned anew, and the
//! lines it did not fit meanwhile are placed again with the new one.

use std::ops::Range;

use crate::TemplateId;
use crate::header;

/// Leading tokens considered: seven fields and their separators, and the message's first word.
const MAX_POSITIONS: usize = 15;
/// Fields a learned header may hold: one fewer than the tokens read, so that the token after
/// the longest header shows a message follows it.
const MAX_LAYOUT: usize = MAX_POSITIONS - 1;
/// Tabs in a line that make it a record of tab-separated columns rather than a header and a
/// message (`ts\tlevel\tthread\tlogger\tmessage` has four).
const MIN_RECORD_TABS: usize = 5;

/// A record of tab-separated columns (see [`MIN_RECORD_TABS`]).
fn is_tab_record(body: &[u8]) -> bool {
    body.iter().filter(|&&b| b == b'\t').count() >= MIN_RECORD_TABS
}

/// Lines sampled before the layout is fixed.
const SAMPLES: usize = 24;
/// Lines sampled before a tentative layout is applied at all.
const MIN_SAMPLES: usize = 4;
/// A position is stable when at least this share of samples (per mille) has its class.
const STABLE_PER_MILLE: usize = 900;
/// Recent lines watched for mismatches once learned.
const WATCH: u32 = 32;

/// Token classes.
const NONE: u8 = 0;
const DIGIT: u8 = 1;
const PUNCT: u8 = 2;
const BRACKET: u8 = 3;
const LEVEL: u8 = 4;
const COLON: u8 = 5;
const WORD: u8 = 6;
/// Not a token class: the layout "up to the first level word" (see [`ANCHOR_WITHIN`]).
const ANCHOR: u8 = 7;
/// Text no header holds: a URL or the opening of a quoted string (an access log's request
/// line). The header ends before it, whatever follows.
const MESSAGE: u8 = 8;
/// Not a token class: a layout position whose class varies (a thread named `Worker9` or
/// `TimerWork`), taken when a stable separator follows it (see [`MAX_VARYING`]).
const ANY: u8 = 9;
/// A field closed by `;` (`<287b15>;`, `lua;`: Rspamd's task id and module) or a number closed by
/// `:` (Bacula's `JobId 18231:`): whatever it holds, its `;` or `:` ends it as a separator would.
const FIELD: u8 = 10;
/// A word of the letters `a` to `f` only (`bb`, `e`, `ecbbfc`; `1f` holds a digit, a number
/// already): a counter or an id in a column of numbers (`ipmitool sel elist`'s record ids, a
/// session's hex id), a word in a column of words (`added`).
const HEX: u8 = 11;
/// A group in parentheses closed by a colon and holding a number (ProFTPD's
/// `(client[10.0.0.7]):`): it ends a header of fields, none of them a plain word (`Query failed
/// on (20,10.0.0.1):` is a message).
const PAREN: u8 = 12;
/// A Unix time after three fields or more, one a number (`134681 node-246 unix.hw state_change
/// 1077804742 1 msg`, a record's id, host and component first): a record's fields end with their
/// time, as a header of fields ends at a separator (`Sent 1700000000 bytes` is a message).
const TIME: u8 = 13;
/// A lone `-`: a separator where nearly every line has one, else an empty field of its column
/// (`admin` or `-`, a user; `req-4f2a` or `-`, a request): see [`infer_all`].
const DASH: u8 = 14;
/// A field named by its key (`req=4f2a…`, `req=-`, `tid=worker-2`): a column whose values vary in
/// class (a hex id or `-`, a thread `main` or `worker-2`) is stable in its key. Where a header's
/// number counts (a record's fields ending at a time, a longer layout's added fields), it counts
/// as one.
const KEYED: u8 = 15;
/// Token classes, [`NONE`] to [`KEYED`].
const CLASSES: usize = KEYED as usize + 1;
/// Plain words that make a layout a message's rather than a header (see [`infer_all`]).
const MAX_HEADER_WORDS: usize = 4;
/// Positions of varying class a layout may hold before its separator.
const MAX_VARYING: usize = 1;
/// A level word anchoring the header is among this many leading tokens.
const ANCHOR_WITHIN: usize = 4;

/// Share of level lines (per mille) whose first group must be one name before such groups are
/// header (see [`AfterLevelRule::decide`]).
const CONTEXT_PER_MILLE: usize = 333;

/// Level lines seen before the fields after the level are judged.
const MIN_LEVEL_LINES: u32 = 8;

/// A line's fields after its level word, as offsets into the body handed to the learner (which
/// starts where those fields begin): see [`header::AfterLevel`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct AfterLevel {
    /// Where the groups begin (0 when the body starts there, as after a level `detect` knows).
    pub(crate) groups: usize,
    /// Where the logger token begins (`groups`: no groups).
    pub(crate) logger: usize,
    /// Where the logger token ends (`logger`: none).
    pub(crate) logger_end: usize,
    /// Where the fields set apart by a dash begin (`message`: none; see
    /// [`header::AfterLevel::dashes`]).
    pub(crate) dashes: usize,
    /// Where the message starts when all are header.
    pub(crate) message: usize,
    /// See [`header::AfterLevel::shape`].
    pub(crate) shape: u32,
    /// Where what follows the first group starts (0: no group), and whether that group holds
    /// words (`[GroupCoordinator 3]`) rather than one name (`[orders|task-0]`, `(sessions)`):
    /// see [`AfterLevel::with_first_group`].
    pub(crate) first_end: usize,
    pub(crate) first_spaced: bool,
}

impl AfterLevel {
    /// The fields of `header`, relative to where they begin, and that offset in the line.
    pub(crate) fn of(header: &header::Header) -> Option<(usize, AfterLevel)> {
        let after = header.after_level?;
        Some((
            after.groups,
            AfterLevel {
                groups: 0,
                logger: after.logger - after.groups,
                logger_end: after.logger_end - after.groups,
                dashes: after.dashes.max(after.groups) - after.groups,
                message: header.body_start.max(after.groups) - after.groups,
                shape: after.shape,
                first_end: 0,
                first_spaced: false,
            },
        ))
    }

    /// The same with its first group read from `body` (which starts where the fields begin):
    /// where what follows it starts, and whether it holds a space.
    fn with_first_group(self, body: &[u8]) -> AfterLevel {
        let groups = body.get(self.groups..self.logger).unwrap_or_default();
        let Some(close) = groups.iter().position(|&b| b == b']' || b == b')') else {
            return self;
        };
        let mut end = self.groups + close + 1;
        while body.get(end).is_some_and(|b| matches!(b, b' ' | b'\t')) {
            end += 1;
        }
        // One word (`[sshd]`, a jail the message acts on) is the message's subject, not a context:
        // a context is compound (`[orders|task-0]`, `(analytics-staging)`).
        let inner = groups[..close].trim_ascii();
        let compound = inner
            .iter()
            .skip(1)
            .any(|&b| matches!(b, b'|' | b'-' | b'_' | b'.' | b':' | b'/') || b.is_ascii_digit());
        // A node's kind and name (`[mqtt-broker:Plant floor]`, `[http request: Fetch forecast]`)
        // is one context whatever its name holds: a colon inside, before more text, and no
        // `key=` (`[Consumer clientId=c-1]` is the message's words).
        let typed = || {
            inner
                .iter()
                .position(|&b| b == b':')
                .is_some_and(|colon| colon > 0 && colon + 1 < inner.len())
                && !inner.contains(&b'=')
        };
        AfterLevel {
            first_end: end.min(self.logger.max(end)),
            first_spaced: (inner.contains(&b' ') && !typed()) || !compound,
            ..self
        }
    }
}

/// Header shapes judged apart in one source, at most (a stream mixing more formats than this
/// keeps taking the fields of the others as header).
const MAX_SHAPES: usize = 16;

/// The source's rules, one per header shape.
#[derive(Debug, Default)]
struct AfterLevelRules(Vec<(u32, AfterLevelRule)>);

impl AfterLevelRules {
    /// Counts the line with its shape's rule (until that rule is decided) and returns where its
    /// message starts.
    fn count_and_skip(&mut self, after: AfterLevel) -> usize {
        if let Some((_, rule)) = self.0.iter_mut().find(|(shape, _)| *shape == after.shape) {
            if rule.decided.is_none() {
                rule.count(after);
            }
            rule.skip(after)
        } else {
            if self.0.len() < MAX_SHAPES {
                let mut rule = AfterLevelRule::default();
                rule.count(after);
                self.0.push((after.shape, rule));
            }
            after.message
        }
    }

    /// Judges every shape seen often enough (when the layout is learned).
    fn decide(&mut self) {
        for (_, rule) in &mut self.0 {
            if rule.decided.is_none() {
                rule.decide();
            }
        }
    }

    fn skip(&self, after: Option<AfterLevel>) -> usize {
        let Some(after) = after else {
            return 0;
        };
        self.0
            .iter()
            .find(|(shape, _)| *shape == after.shape)
            .map_or(after.message, |(_, rule)| rule.skip(after))
    }
}

/// How often a source's level lines of one header shape carry the fields after the level, and
/// what was decided: when the layout is learned, or later once [`SAMPLES`] such lines came.
#[derive(Debug, Default)]
struct AfterLevelRule {
    lines: u32,
    with_groups: u32,
    /// Lines whose first group is one name (`[orders|task-0]`, `(sessions)`): a context.
    with_context: u32,
    with_logger: u32,
    /// Lines with fields set apart by a dash after the logger (see [`AfterLevel::dashes`]).
    with_dashes: u32,
    /// (groups are header, logger is header, a first group of one name is header), once judged.
    decided: Option<(bool, bool, bool)>,
    /// Whether the fields set apart by a dash are header, once judged: when nearly every line
    /// has them. On fewer, a dash there opens a field that is empty on those lines (`INF - - --
    /// msg` beside `INF - admin -- msg`, a user), which the learner's columns take with the
    /// other lines' values.
    dashes_header: bool,
}

impl AfterLevelRule {
    fn count(&mut self, after: AfterLevel) {
        if self.decided.is_none() {
            self.lines += 1;
            self.with_groups += u32::from(after.logger > after.groups);
            self.with_context += u32::from(is_context(after));
            self.with_logger += u32::from(after.logger_end > after.logger);
            self.with_dashes += u32::from(after.dashes < after.message);
            if self.lines as usize >= SAMPLES {
                self.decide();
            }
        }
    }

    fn decide(&mut self) {
        let stable = |n: u32| n as usize * 1000 >= STABLE_PER_MILLE * self.lines as usize;
        // A first group of one name (`[connector-7|task-0]`, `(sessions)`, a request's or a
        // bucket's context) is header on a third of the level lines already: a context is set on
        // some lines only. One word (`[sshd]`) is the subject the message acts on. Groups of words (`[Partition orders-3 broker=1]`, `[Worker clientId=…]`)
        // stay the message's unless nearly every line has groups.
        let contexts = self.with_context as usize * 1000 >= CONTEXT_PER_MILLE * self.lines as usize;
        self.decided = (self.lines >= MIN_LEVEL_LINES)
            .then(|| (stable(self.with_groups), stable(self.with_logger), contexts));
        self.dashes_header = stable(self.with_dashes);
    }

    /// Whether the fields set apart by a dash are header: as judged, or until then as the lines
    /// so far say (so that the learner's samples of a source that keeps them line up).
    fn dashes_header(&self) -> bool {
        match self.decided {
            Some(_) => self.dashes_header,
            None => self.with_dashes as usize * 1000 >= STABLE_PER_MILLE * self.lines as usize,
        }
    }

    /// Whether fewer than half the lines counted so far have a field `lines` of them have.
    fn few(&self, lines: u32) -> bool {
        lines * 2 < self.lines
    }

    /// Whether the lines counted so far make the groups of a line `after` header: groups on
    /// half of them, or a context (see [`is_context`]) on as many as [`AfterLevelRule::decide`]
    /// asks.
    fn groups_so_far(&self, after: AfterLevel) -> bool {
        !self.few(self.with_groups)
            || (is_context(after)
                && self.with_context as usize * 1000 >= CONTEXT_PER_MILLE * self.lines as usize)
    }

    /// Where the message starts in a body beginning at the fields after the level.
    fn skip(&self, after: AfterLevel) -> usize {
        match self.decided {
            // The context only: groups after it are the message's.
            Some((false, _, true)) if is_context(after) && after.first_end < after.logger => {
                after.first_end
            }
            Some((false, logger, true)) if is_context(after) => {
                if !logger && after.logger_end > after.logger {
                    after.logger
                } else {
                    after.message
                }
            }
            Some((false, _, _)) if after.logger > after.groups => after.groups,
            Some((_, false, _)) if after.logger_end > after.logger => after.logger,
            // Until judged, as most lines so far say: fields that only a few lines have are kept
            // in the body, so that the learner's samples line up with the other lines' (`Info
            // gw01 build-win2: Loading …`, a host and a message's client read as a context
            // and a logger, beside `Info node-12 Starting …`).
            None if after.logger > after.groups && !self.groups_so_far(after) => after.groups,
            None if after.logger_end > after.logger && self.few(self.with_logger) => after.logger,
            _ if !self.dashes_header() => after.dashes,
            _ => after.message,
        }
    }
}

/// A line whose first group after the level is one name (see [`AfterLevel::with_first_group`]).
fn is_context(after: AfterLevel) -> bool {
    after.logger > after.groups && after.first_end > after.groups && !after.first_spaced
}

/// A word without the structured text glued to it (`assignments","Trial":{…}` is `assignments`):
/// what follows varies from line to line as values do.
fn without_glued_text(token: &[u8]) -> &[u8] {
    token
        .iter()
        .position(|&b| matches!(b, b'"' | b'{'))
        .filter(|&at| at > 0)
        .map_or(token, |at| &token[..at])
}

/// FNV-1a over `bytes`: a token's hash, `0` kept for no token.
fn fnv1a(bytes: impl Iterator<Item = u8>) -> u32 {
    bytes.fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// Which of a sample's leading tokens are written as names (see [`Leading::names`]), which of
/// those are dotted (`sched.planner`, a module's or a logger's path), and which are written as
/// ids, composite or bare numbers (see [`id_form`]), a bit per token.
#[derive(Debug, Clone, Copy, Default)]
struct NameBits {
    names: u16,
    dotted: u16,
    ids: u16,
    numbers: u16,
}

/// One line's leading token classes and token ends.
#[derive(Debug, Clone, Copy, Default)]
struct Leading {
    classes: [u8; MAX_POSITIONS],
    ends: [u16; MAX_POSITIONS],
    count: usize,
}

impl Leading {
    /// The leading tokens' text in `body` (the line they were read from), spaces before each cut.
    fn tokens<'a>(&self, body: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + use<'a, '_> {
        let mut start = 0;
        self.ends[..self.count].iter().map(move |&end| {
            let end = usize::from(end).min(body.len());
            let token = body[start.min(end)..end].trim_ascii_start();
            start = end;
            token
        })
    }

    /// The leading tokens' hashes (FNV-1a; `0` where no token stands), for tests of how a
    /// position's values vary.
    fn values(&self, body: &[u8]) -> [u32; MAX_POSITIONS] {
        let mut out = [0; MAX_POSITIONS];
        for (slot, token) in out.iter_mut().zip(self.tokens(body)) {
            *slot = fnv1a(without_glued_text(token).iter().copied());
        }
        out
    }

    /// The leading tokens' hashes with their digits left out (`[C430077]` is `[C]`), for tests
    /// of whether two messages open alike: an event's ids and counts vary from line to line.
    fn shapes(&self, body: &[u8]) -> [u32; MAX_POSITIONS] {
        let mut out = [0; MAX_POSITIONS];
        for (slot, token) in out.iter_mut().zip(self.tokens(body)) {
            let word = without_glued_text(token);
            *slot = if word.iter().any(u8::is_ascii_alphabetic) {
                fnv1a(word.iter().copied().filter(|b| !b.is_ascii_digit()))
            } else {
                fnv1a(word.iter().copied())
            };
        }
        out
    }

    /// The keys of the leading tokens that are `key=value` fields, hashed (`0` elsewhere): an
    /// event's fields open its messages alike where their values rarely do (`arch=c000003e
    /// syscall=82`, an audit record's; `relay=mx.example.org [192.0.2.9]`, sendmail's).
    fn keys(&self, body: &[u8]) -> [u32; MAX_POSITIONS] {
        let mut out = [0; MAX_POSITIONS];
        for (slot, token) in out.iter_mut().zip(self.tokens(body)) {
            if is_keyed_field(token)
                && let Some(eq) = token.iter().position(|&b| b == b'=')
            {
                *slot = fnv1a(token[..=eq].iter().copied());
            }
        }
        out
    }

    /// The leading tokens that are whole numbers (`500003`; not `10.0.0.5`, `1037:2000`), read.
    fn numbers(&self, body: &[u8]) -> [Option<u64>; MAX_POSITIONS] {
        let mut out = [None; MAX_POSITIONS];
        for (slot, token) in out.iter_mut().zip(self.tokens(body)) {
            if (1..=19).contains(&token.len()) && token.iter().all(u8::is_ascii_digit) {
                *slot = std::str::from_utf8(token).ok().and_then(|t| t.parse().ok());
            }
        }
        out
    }

    /// A bit per leading token written as a name: a letter, then letters, digits, `-`, `_`, `.`,
    /// `[`, `]` or a Rust path's `::` (`node-07`, `worker-2`, `burp[22337]`, `acme::net`; not
    /// `conn=41873`, `10.0.0.5`, `[x]`, `main:`), and a bit per name dotted as a module's or a
    /// logger's is (`sched.planner`, `acme::net`).
    fn names(&self, body: &[u8]) -> NameBits {
        let mut out = NameBits::default();
        for (i, token) in self.tokens(body).enumerate() {
            match id_form(token) {
                Some(IdForm::Composite) => out.ids |= 1 << i,
                Some(IdForm::Number) => out.numbers |= 1 << i,
                None => {}
            }
            if token.first().is_some_and(u8::is_ascii_alphabetic)
                && token
                    .split(|&b| b == b':')
                    .enumerate()
                    .all(|(at, part)| at % 2 == 0 || part.is_empty())
                && !token.ends_with(b":")
                && token.iter().all(|&b| {
                    b.is_ascii_alphanumeric()
                        || matches!(b, b'-' | b'_' | b'.' | b'[' | b']' | b':')
                })
            {
                out.names |= 1 << i;
                if token.windows(3).any(|w| {
                    w[0].is_ascii_alphabetic()
                        && matches!(w[1], b'.' | b':')
                        && (w[2].is_ascii_alphabetic() || w[2] == b':')
                }) {
                    out.dotted |= 1 << i;
                }
            }
        }
        out
    }
}

/// A line mined while sampling: its id (it resolves to its template), body, fields after the
/// level, message start, whether it was placed blind (see [`HeaderLearner::placed_blind`]) and
/// where a bare program's name it opens with ends (see [`HeaderLearner::strip`]).
type PendingLine = (
    TemplateId,
    Box<[u8]>,
    Option<AfterLevel>,
    usize,
    bool,
    Option<usize>,
);

/// What a source's lines mined while its layout was learned need once it is: see
/// [`HeaderLearner::take_corrections`].
#[derive(Debug, Default)]
pub(crate) struct Corrections {
    /// The lines whose message starts or ends elsewhere under the layout: their id (it resolves
    /// to their template), body and the message's range.
    pub(crate) moved: Vec<(TemplateId, Box<[u8]>, Range<usize>)>,
    /// The ids of lines placed blind (they resolve to their templates), in line order.
    pub(crate) blind: Vec<TemplateId>,
}

/// The positional layout of one population of a source's lines (see [`HeaderLearner::layouts`]).
#[derive(Debug, Default)]
struct PositionLearner {
    samples: Vec<[u8; MAX_POSITIONS]>,
    /// The samples' leading tokens, hashed (see [`named_by_colon`]).
    values: Vec<[u32; MAX_POSITIONS]>,
    /// The same tokens' hashes with their digits left out (see [`Leading::shapes`]).
    shapes: Vec<[u32; MAX_POSITIONS]>,
    /// The keys of the same tokens that are `key=value` fields (see [`Leading::keys`]).
    keys: Vec<[u32; MAX_POSITIONS]>,
    /// Which of the samples' leading tokens are written as names (see [`Leading::names`]).
    names: Vec<NameBits>,
    /// The samples' leading tokens read as whole numbers (see [`Leading::numbers`]).
    numbers: Vec<[Option<u64>; MAX_POSITIONS]>,
    /// The name the layout applied to the last line ends with, when it ends with one (see
    /// [`named_by_colon`]).
    named: Option<Range<usize>>,
    /// Samples that were records of tab-separated columns (see [`is_tab_record`]).
    tab_records: usize,
    /// Samples whose line had a level word before the body (see [`infer_all`]).
    leveled: usize,
    /// Samples whose line had a time before the body, found by its shape.
    timed: usize,
    /// Samples whose line had a syslog program after its time.
    programmed: usize,
    /// Learned classes of the header positions (empty: no extra header).
    layout: Vec<u8>,
    learned: bool,
    seen: u32,
    misses: u32,
    /// Lines mined while sampling: their template, body, fields after the level and the
    /// message start used then.
    pending: Vec<PendingLine>,
    /// Whether the learned layout did not fit the last line (see [`PositionLearner::missed`]).
    last_missed: bool,
    /// The lines of the current [`WATCH`] window the learned layout did not fit: if most do not,
    /// the source changed format and they wait, as the first lines did, for the layout learned
    /// anew (mined with their header as message, they would keep it in their templates).
    missed: Vec<PendingLine>,
    /// Once the layout is learned, a second window of [`SAMPLES`] lines' classes (`None` when
    /// it was taken): a source's first lines may be a startup's, written with fewer header
    /// fields than the lines after them (a banner, `Pre-Init` where a date stands), so that the
    /// first window found fewer stable positions than the source's header has.
    second_look: Option<Vec<[u8; MAX_POSITIONS]>>,
    /// The first window's classes, kept for the second look's judgement.
    first_window: Vec<[u8; MAX_POSITIONS]>,
    /// The lines mined during both windows, placed again if the second finds a longer layout.
    second_look_lines: Vec<PendingLine>,
}

/// What the learner holds for one source.
#[derive(Debug, Default)]
pub(crate) struct HeaderLearner {
    /// The positions after a level [`header::detect`] found (`[0]`), and those of lines where it
    /// found none (`[1]`), learned apart: a header with an optional field before its level
    /// (PostgreSQL's `[pid] user@db LOG:` beside `[pid] LOG:`) has its level found on some lines
    /// only, and the two kinds of body, mixed, would leave no position stable.
    layouts: [PositionLearner; 2],
    /// Whether a layout was learned since the source began (or changed format).
    learned: bool,
    /// Whether the fields after the level are header in this source.
    after_level: AfterLevelRules,
    /// Lines sampled, and how many ended in a `(logger.name)` (see [`trailer_start`]).
    trailer_counts: (u32, u32),
    /// Whether the source ends its lines with its logger's name (log4j's `%m (%c)%n`).
    logger_trailer: bool,
    /// Lines sampled, and how many opened with a field set apart by dashes (see
    /// [`dashed_field_end`]).
    dashed_counts: (u32, u32),
    /// Whether the source writes a field between dashes before every message (Kettle's and
    /// Hop's `- Table output.0 - `, a step's name of several words).
    dashed_field: bool,
    /// Lines sampled without a level, and how many opened with a syslog program after the time
    /// (see [`header::Header::program`]).
    program_counts: (u32, u32),
    /// Whether a bare name where a program stands is the message's own words (`Done: Copying
    /// …`): the source writes a program on few of its lines without a level, where a syslog
    /// file writes one on each. Until those lines are judged, the name is cut as a program (the
    /// lines placed then move if the source says otherwise).
    programs_kept: bool,
    /// Where the source's bracketed level words stand, in tokens after the timestamp (see
    /// [`header::Header::level_slot`]): a `[Word]` there is a level word too.
    level_slot: Option<(usize, u32)>,
    /// The name closed by a colon opening the last line's message, in its body, when the source's
    /// layout ends with one (see [`named_by_colon`]).
    named: Option<Range<usize>>,
    /// Whether the last line was placed with no layout at all, learned or tentative (one of a
    /// source's first [`MIN_SAMPLES`] lines of its kind): its leading fields may be header.
    blind: bool,
}

impl HeaderLearner {
    /// Whether the line just stripped was placed with no layout, learned or tentative: its
    /// leading fields may still hold header the learner has not seen enough lines to tell.
    #[inline]
    pub(crate) fn placed_blind(&self) -> bool {
        self.blind
    }

    /// The name closed by a colon that ends the last line's header (its colon excluded), in the
    /// body passed to [`HeaderLearner::strip`]: a thread's or a module's name the message keeps
    /// as a value (`<*>: msg`), as a source's own `eth0:` is one, when [`keeps_name`] says so.
    #[inline]
    pub(crate) fn named(&self) -> Option<Range<usize>> {
        self.named.clone()
    }

    /// Offset in `body` where the message starts once the learned header is skipped. `after`:
    /// the fields after the level word `body` starts with, if any; `leveled`: the header cut
    /// before `body` held a level word.
    pub(crate) fn strip(
        &mut self,
        body: &[u8],
        after: Option<AfterLevel>,
        level_slot: Option<usize>,
        leveled: bool,
        program: Option<usize>,
        syslog: Option<bool>,
    ) -> usize {
        if self.level_slot.is_none() {
            self.level_slot = level_slot.zip(after.map(|a| a.shape));
        }
        let after = after
            .or_else(|| self.unknown_level(body))
            .map(|after| after.with_first_group(body));
        if !self.learned {
            self.trailer_counts.0 += 1;
            self.trailer_counts.1 += u32::from(trailer_start(body).is_some());
            self.dashed_counts.0 += 1;
            self.dashed_counts.1 += u32::from(dashed_field_end(body).is_some());
        }
        // Lines with a time and no level only may have a program (a level is found before one;
        // a continuation line has no time): counted while their layout is learned, and judged
        // with it.
        if let Some(has_program) = syslog
            && after.is_none()
            && !self.layouts[1].learned
        {
            self.program_counts.0 += 1;
            self.program_counts.1 += u32::from(has_program);
        }
        let which = usize::from(after.is_none());
        let learned = self.layouts[which].learned;
        let skip = match after {
            Some(after) => self.after_level.count_and_skip(after).min(body.len()),
            None => program.unwrap_or(0).min(body.len()),
        };
        let (start, changed_format) =
            self.layouts[which].strip_layout(&body[skip..], leveled || which == 0, syslog);
        self.named = self.layouts[which]
            .named
            .take()
            .filter(|_| !self.dashed_field)
            .map(|r| r.start + skip..r.end + skip);
        self.blind =
            !self.layouts[which].learned && self.layouts[which].samples.len() < MIN_SAMPLES;
        if changed_format {
            // Most recent lines of this kind no longer match: the source changed format, learn
            // that layout anew (and what follows the level, if it is the level lines'); the lines
            // it did not fit are placed again with the new one.
            let missed = std::mem::take(&mut self.layouts[which].missed);
            self.layouts[which] = PositionLearner {
                pending: missed,
                ..PositionLearner::default()
            };
            self.learned = self.layouts.iter().any(|l| l.learned);
            if which == 0 {
                self.after_level = AfterLevelRules::default();
                self.level_slot = None;
            }
            if !self.learned {
                self.trailer_counts = (0, 0);
                self.logger_trailer = false;
                self.dashed_counts = (0, 0);
                self.dashed_field = false;
            }
            if which == 1 {
                self.program_counts = (0, 0);
                self.programs_kept = false;
            }
        }
        if !learned && self.layouts[which].learned {
            if !self.learned {
                self.learned = true;
                self.after_level.decide();
                let (lines, with_trailer) = self.trailer_counts;
                self.logger_trailer =
                    with_trailer as usize * 1000 >= STABLE_PER_MILLE * lines as usize;
                let (lines, dashed) = self.dashed_counts;
                self.dashed_field = dashed as usize * 1000 >= STABLE_PER_MILLE * lines as usize;
            }
            if which == 1 {
                let (lines, programs) = self.program_counts;
                self.programs_kept = programs > 0 && (programs as usize * 2) < lines as usize;
            }
            // The lines up to this one are placed again (`take_corrections`); this one now.
            if self.keeps_program(after, program) {
                self.named = None;
                return 0;
            }
            let skip = Self::message_skip(&self.after_level, after, program).min(body.len());
            let rest = &body[skip..];
            let layout = &self.layouts[which].layout;
            let leading = leading(rest, MAX_POSITIONS);
            let start = apply(layout, &leading, rest);
            self.named = named_span(layout, &leading, rest, start)
                .filter(|_| !self.dashed_field)
                .map(|r| r.start + skip..r.end + skip);
            return self.past_dashed_field(body, skip + start);
        }
        if self.keeps_program(after, program) {
            self.named = None;
            return 0;
        }
        self.past_dashed_field(body, skip + start)
    }

    /// Where a line's fields end in its body: after those after the level the source writes as
    /// header (`after`), else after the bare program's name it opens with (`program`, its end).
    fn message_skip(
        rule: &AfterLevelRules,
        after: Option<AfterLevel>,
        program: Option<usize>,
    ) -> usize {
        match after {
            Some(_) => rule.skip(after),
            None => program.unwrap_or(0),
        }
    }

    /// Whether a line whose body opens with a bare program's name ending at `program` (see
    /// [`header::Header::program`]) keeps it in its message: see [`HeaderLearner::programs_kept`].
    fn keeps_program(&self, after: Option<AfterLevel>, program: Option<usize>) -> bool {
        after.is_none() && program.is_some() && self.programs_kept
    }

    /// `start`, or where the message starts after the source's field between dashes when the
    /// source writes one (see [`HeaderLearner::dashed_field`]) and `body` opens with it.
    fn past_dashed_field(&self, body: &[u8], start: usize) -> usize {
        if !self.dashed_field {
            return start;
        }
        dashed_field_end(body).map_or(start, |end| end.max(start))
    }

    /// Where the message ends in `body`: before the logger's name when the source writes it
    /// after every message (`… in 35 ms. (kafka.log.LocalLog$)`), else at the end.
    #[inline]
    pub(crate) fn end(&self, body: &[u8]) -> usize {
        if self.logger_trailer {
            trailer_start(body).unwrap_or(body.len())
        } else {
            body.len()
        }
    }

    /// The fields after a `[Word]` standing where the source's bracketed levels stand, in a
    /// body that starts right after the timestamp (no level was recognised in it).
    fn unknown_level(&self, body: &[u8]) -> Option<AfterLevel> {
        let (slot, shape) = self.level_slot?;
        // Walks `slot` tokens without classing them: this runs on every line without a level.
        let scan = &body[..body.len().min(512)];
        let (mut start, mut end) = (0, 0);
        for _ in 0..=slot {
            start = end;
            while start < scan.len() && matches!(scan[start], b' ' | b'\t') {
                start += 1;
            }
            end = header::token_end(scan, start).filter(|&e| e > start)?;
        }
        if !header::is_bracketed_word(&body[start..end]) {
            return None;
        }
        let (after, message) = header::fields_after(body, end);
        Some(AfterLevel {
            groups: after.groups,
            logger: after.logger,
            logger_end: after.logger_end,
            dashes: after.dashes,
            message,
            shape,
            first_end: 0,
            first_spaced: false,
        })
    }
}

impl PositionLearner {
    /// Whether most samples so far were records of tab-separated columns.
    /// Whether nearly every sample came after a level word (found by shape, before the body).
    fn mostly_leveled(&self) -> bool {
        self.leveled * 1000 >= self.samples.len() * STABLE_PER_MILLE
    }

    /// Whether nearly every sample came after a time (found by shape, before the body).
    fn mostly_timed(&self) -> bool {
        self.timed * 1000 >= self.samples.len() * STABLE_PER_MILLE
    }

    /// Whether most samples came after a syslog program (`sendmail[24832]:`), which ends a
    /// header: what follows is the message (RFC 3164's), a queue's id included.
    fn mostly_programmed(&self) -> bool {
        self.programmed * 2 > self.samples.len()
    }

    fn mostly_tab_records(&self) -> bool {
        self.tab_records * 2 > self.samples.len()
    }

    /// Where the message starts in `body` under the layout (sampling `body` while learning),
    /// and whether most recent lines stopped matching it (the source changed format).
    /// `after_level`: the line had a level word before `body`.
    fn strip_layout(
        &mut self,
        body: &[u8],
        after_level: bool,
        syslog: Option<bool>,
    ) -> (usize, bool) {
        self.named = None;
        if self.learned {
            self.look_again(body, after_level, syslog);
        }
        if self.learned && self.layout.is_empty() {
            // Nothing to skip: the source's header, if any, was fully known by shape.
            return (0, false);
        }
        let wanted = if self.learned && self.layout.last() != Some(&ANCHOR) {
            self.layout.len() + 1
        } else {
            MAX_POSITIONS
        };
        let leading = leading(body, wanted);
        if !self.learned {
            self.sample(&leading, body, after_level, syslog);
            self.tab_records += usize::from(is_tab_record(body));
            if self.samples.len() >= SAMPLES {
                // Records of tab-separated columns (Zeek's): every column is the record's, each
                // stable in class, none a header.
                self.layout = if self.mostly_tab_records() {
                    Vec::new()
                } else {
                    self.infer_layout()
                };
                let open_ended = self.layout.len() < MAX_LAYOUT
                    && self.layout.last() != Some(&ANCHOR)
                    && !self.mostly_tab_records();
                self.second_look = open_ended.then(Vec::new);
                if open_ended {
                    // The first window's lines too: their templates hold what a longer header
                    // would take, and events seen only then would keep it. Its samples stay,
                    // for the columns judged over both windows.
                    self.second_look_lines = self.pending.clone();
                    self.first_window = self.samples.clone();
                } else {
                    self.forget_samples();
                }
                self.tab_records = 0;
                self.learned = true;
                self.seen = 0;
                self.misses = 0;
            } else if self.samples.len() >= MIN_SAMPLES {
                if self.mostly_tab_records() {
                    return (0, false);
                }
                let tentative = self.infer_layout();
                let start = apply(&tentative, &leading, body);
                self.named = named_span(&tentative, &leading, body, start);
                return (start, false);
            } else {
                return (0, false);
            }
        }
        if self.layout.is_empty() {
            return (0, false);
        }
        let start = apply(&self.layout, &leading, body);
        self.named = named_span(&self.layout, &leading, body, start);
        self.seen += 1;
        self.last_missed = start == 0;
        if start == 0 {
            self.misses += 1;
        }
        let mut changed_format = false;
        if self.seen >= WATCH {
            changed_format = self.misses * 2 > self.seen;
            self.seen = 0;
            self.misses = 0;
            if !changed_format {
                self.missed.clear();
            }
        }
        (start, changed_format)
    }
}

impl PositionLearner {
    /// The layout the samples show (see [`infer`]), with the columns right after it that no
    /// separator closes (a record's flag, a name closed by a colon, a pool of names).
    fn infer_layout(&self) -> Vec<u8> {
        let layout = infer(&self.samples, self.mostly_leveled());
        let layout = with_constant_flag(layout, &self.samples, &self.values);
        let layout = named_by_colon(layout, &self.samples, &self.values, &self.keys);
        let after_level = self.mostly_leveled();
        // A counter and a pool of names right before the message, in either order.
        let layout = with_counter_column(after_level, layout, &self.samples, &self.numbers);
        let counter_follows = counts_at(&self.samples, &self.numbers, layout.len() + 1);
        let layout = self.with_name_columns(after_level, layout, counter_follows);
        let layout = with_counter_column(after_level, layout, &self.samples, &self.numbers);
        let before_ids = layout.len();
        let mut layout = self.with_id_column(after_level, layout);
        if layout.len() == before_ids {
            return layout;
        }
        // A process's id and its thread's in two columns (`<1148> 1148:2013 msg`).
        let mut taken = layout.len();
        while taken < MAX_LAYOUT {
            layout = self.with_id_column(after_level, layout);
            if layout.len() == taken {
                break;
            }
            taken = layout.len();
        }
        // A pool of names may follow the ids (`1148 jdoe msg`, a pid and a user).
        self.with_name_columns(after_level, layout, false)
    }

    /// `layout`, extended by a column of ids right before the message on every sample, where
    /// no separator closes it: a process's and a thread's (`1037:2004`, `{1074/2002}`,
    /// `<1000.2005>`), a request's (`ac4aecf6`; `-` where a line has none), or a pool of a few
    /// pids (`1148`: bare numbers repeat only so when they are a few processes', a message's
    /// counts and sizes do not), whose values vary apart from the message (see
    /// [`varies_apart`]): `INFO <main> 414c343c msg`. A message's own leading number (`2877:
    /// Closing connection`) opens only some of its source's events; an id no other rule takes
    /// opens every one, which is what makes it the header's. Not after a syslog program or a
    /// name closed by a colon (`sendmail[24832]: 6BHE2crl024832: from=…`, `mpatha: 8:16 tur
    /// checker …`): the message begins there, a queue's or a device's id included.
    fn with_id_column(&self, after_level: bool, mut layout: Vec<u8>) -> Vec<u8> {
        let (names, samples, values) = (&self.names, &self.samples, &self.values);
        let anchored = |at: usize| at > 0 || after_level || self.mostly_timed();
        let Some(at) = column_after(&layout, samples, values)
            .filter(|&at| anchored(at) && samples.len() == names.len())
            .filter(|_| !self.mostly_programmed() && layout.last() != Some(&COLON))
        else {
            return layout;
        };
        let bit = 1 << at;
        let composite = |i: usize| samples[i][at] == DIGIT && names[i].ids & bit != 0;
        let number = |i: usize| samples[i][at] == DIGIT && names[i].numbers & bit != 0;
        let takes = |i: usize| samples[i][at] == DASH || composite(i) || number(i);
        // Every sample: a header's field is on every line, and a message's leading value on
        // most lines of a source is not one.
        if !(0..samples.len()).all(takes) {
            return layout;
        }
        let Some((column, named)) = column_values(samples, values, &self.shapes, at, takes) else {
            return layout;
        };
        let dashes = (0..samples.len())
            .filter(|&i| samples[i][at] == DASH)
            .count();
        let numbers: Vec<u32> = (0..samples.len())
            .filter(|&i| number(i))
            .map(|i| values[i][at])
            .collect();
        let mut distinct = numbers.clone();
        distinct.sort_unstable();
        distinct.dedup();
        // Bare numbers are ids only as a pool: a few values, each on several lines.
        let pooled = numbers.is_empty() || distinct.len() * 3 <= numbers.len();
        // The message opens after any ids that follow (a pid's column, then a thread's).
        let mut message = at + 1;
        while message + 1 < MAX_LAYOUT && self.ids_at(message) {
            message += 1;
        }
        if dashes * 2 < column.len() && pooled && varies_apart_from(&named, at, message) {
            layout.push(DIGIT);
        }
        layout
    }

    /// Whether every sample holds an id written as one (see [`id_form`]) or `-` at `at`.
    fn ids_at(&self, at: usize) -> bool {
        let bit = 1 << at;
        (0..self.samples.len()).all(|i| {
            self.samples[i][at] == DASH
                || (self.samples[i][at] == DIGIT && self.names[i].ids & bit != 0)
        })
    }

    /// `layout`, extended by up to two pools of names right before the message (see
    /// [`PositionLearner::with_name_column`]): a thread and a user (`main jdoe msg`) as well as
    /// one alone. The first is judged against the message, or, where that fails, against the
    /// message after the second, and then taken only with the second.
    fn with_name_columns(
        &self,
        after_level: bool,
        layout: Vec<u8>,
        counter_follows: bool,
    ) -> Vec<u8> {
        let named =
            self.with_name_column(after_level, layout.clone(), usize::from(counter_follows));
        if counter_follows {
            return named;
        }
        if named.len() > layout.len() {
            return self.with_name_column(after_level, named, 0);
        }
        let first = self.with_name_column(after_level, layout.clone(), 1);
        if first.len() == layout.len() {
            return layout;
        }
        let both = self.with_name_column(after_level, first, 0);
        if both.len() == layout.len() + 2 {
            both
        } else {
            layout
        }
    }

    /// Samples `body` in the second look (see [`PositionLearner::second_look`]); at its end, a
    /// longer layout that the learned one opens is taken, and the lines mined in both windows
    /// wait to be placed again (see [`HeaderLearner::take_corrections`]).
    fn look_again(&mut self, body: &[u8], after_level: bool, syslog: Option<bool>) {
        let Some(samples) = self.second_look.as_mut() else {
            return;
        };
        let leading = leading(body, MAX_POSITIONS);
        samples.push(leading.classes);
        self.sample(&leading, body, after_level, syslog);
        if self.second_look.as_ref().is_some_and(|s| s.len() < SAMPLES) {
            return;
        }
        let samples = self.second_look.take().unwrap_or_default();
        let longer = infer(&samples, false);
        // The columns after the layout that no separator closes (a name closed by a colon, a
        // pool of names), judged over both windows: one window may hold too few messages that
        // open alike to tell a column's names from a message's words.
        let columns = self.infer_layout();
        self.forget_samples();
        let lines = std::mem::take(&mut self.second_look_lines);
        let first_window = std::mem::take(&mut self.first_window);
        // The fields it adds hold a number or a time, as a header's do (words stable in class
        // over one window may be one busy event's), or end with a column the judgement over
        // both windows took, and the first window's lines it does not fit are its first ones, a
        // startup's: where they are spread over the window the longer layout is no header the
        // source always writes.
        let extends = |longer: &[u8], columns: bool| {
            longer.len() > self.layout.len()
                && longer.starts_with(&self.layout)
                && longer.last() != Some(&ANCHOR)
                && (longer[self.layout.len()..]
                    .iter()
                    .any(|&class| matches!(class, DIGIT | TIME | KEYED))
                    || columns && longer.last() == Some(&COLON))
                && first_window
                    .iter()
                    .skip_while(|classes| !fits(longer, classes))
                    .all(|classes| fits(longer, classes))
        };
        let found = match (extends(&longer, false), extends(&columns, true)) {
            (true, true) if columns.len() > longer.len() => Some(columns),
            (true, _) => Some(longer),
            (false, true) => Some(columns),
            (false, false) => None,
        };
        if let Some(layout) = found {
            self.layout = layout;
            self.pending = lines;
        }
    }

    /// Samples one line's leading tokens (see [`PositionLearner::infer_layout`]).
    /// `syslog`: whether the line had a time (found by shape), and then a syslog program.
    fn sample(&mut self, leading: &Leading, body: &[u8], after_level: bool, syslog: Option<bool>) {
        self.samples.push(leading.classes);
        self.values.push(leading.values(body));
        self.shapes.push(leading.shapes(body));
        self.keys.push(leading.keys(body));
        self.names.push(leading.names(body));
        self.numbers.push(leading.numbers(body));
        self.leveled += usize::from(after_level);
        self.timed += usize::from(syslog.is_some());
        self.programmed += usize::from(syslog == Some(true));
    }

    /// Drops the samples once the layout is judged.
    fn forget_samples(&mut self) {
        self.leveled = 0;
        self.timed = 0;
        self.programmed = 0;
        self.samples = Vec::new();
        self.values = Vec::new();
        self.shapes = Vec::new();
        self.keys = Vec::new();
        self.names = Vec::new();
        self.numbers = Vec::new();
    }
}

impl HeaderLearner {
    /// Notes a line mined while the layout was still being learned, so that it can be placed
    /// again once the layout is known (see [`HeaderLearner::take_corrections`]); `id` names the
    /// line (it resolves to its template). Whether the line was noted.
    pub(crate) fn record(
        &mut self,
        id: TemplateId,
        body: &[u8],
        after: Option<AfterLevel>,
        start: usize,
        program: Option<usize>,
    ) -> bool {
        let looking = |l: &PositionLearner| !l.learned || l.second_look.is_some() || l.last_missed;
        if !self.layouts.iter().any(looking) {
            return false;
        }
        let which = usize::from(after.or_else(|| self.unknown_level(body)).is_none());
        let blind = self.blind;
        let layout = &mut self.layouts[which];
        if layout.learned && layout.last_missed {
            if layout.missed.len() >= WATCH as usize {
                return false;
            }
            layout
                .missed
                .push((id, body.into(), after, start, blind, program));
            true
        } else if !layout.learned && layout.pending.len() < SAMPLES + WATCH as usize {
            layout
                .pending
                .push((id, body.into(), after, start, blind, program));
            true
        } else if layout.second_look.is_some() && layout.second_look_lines.len() < 2 * SAMPLES {
            layout
                .second_look_lines
                .push((id, body.into(), after, start, blind, program));
            true
        } else {
            false
        }
    }

    /// Once a layout is learned, what the lines mined before it need (once: `None` after that,
    /// and before).
    #[inline]
    pub(crate) fn take_corrections(&mut self) -> Option<Corrections> {
        let ready = |l: &PositionLearner| l.learned && !l.pending.is_empty();
        if !self.layouts.iter().any(ready) {
            return None;
        }
        Some(self.corrections())
    }

    fn corrections(&mut self) -> Corrections {
        let mut out = Vec::new();
        let mut blind = Vec::new();
        // A line recorded before the source's unfamiliar level was known (`[LIFECYCLE]` where
        // `[INFO]` stands, Gradle's) waits with the lines without a level: it belongs with the
        // level lines now, and is placed again with them.
        if self.layouts[0].learned && !self.layouts[1].learned {
            let waiting = std::mem::take(&mut self.layouts[1].pending);
            for line in waiting {
                if line.2.is_none() && self.unknown_level(&line.1).is_some() {
                    self.layouts[0].pending.push(line);
                } else {
                    self.layouts[1].pending.push(line);
                }
            }
        }
        for which in 0..self.layouts.len() {
            if !self.layouts[which].learned {
                continue;
            }
            let pending = std::mem::take(&mut self.layouts[which].pending);
            let layout = &self.layouts[which].layout;
            let rule = &self.after_level;
            blind.extend(pending.iter().filter(|p| p.4).map(|p| p.0));
            out.extend(
                pending
                    .into_iter()
                    .filter_map(|(id, body, after, old, _, program)| {
                        let after = after
                            .or_else(|| self.unknown_level(&body))
                            .map(|after| after.with_first_group(&body));
                        if self.keeps_program(after, program) {
                            let end = self.end(&body);
                            return (old != 0 || end != body.len()).then_some((id, body, 0..end));
                        }
                        let skip = Self::message_skip(rule, after, program).min(body.len());
                        let rest = &body[skip..];
                        let leading = leading(rest, MAX_POSITIONS);
                        let applied = apply(layout, &leading, rest);
                        let named = named_span(layout, &leading, rest, applied)
                            .filter(|_| !self.dashed_field);
                        let new = self.past_dashed_field(&body, skip + applied);
                        let end = self.end(&body).max(new);
                        if let Some(name) = named.filter(|_| keeps_name(&body[new..end])) {
                            let body = with_name_as_value(&body, skip + name.end, end);
                            let len = body.len();
                            return Some((id, body, 0..len));
                        }
                        (new != old || end != body.len()).then_some((id, body, new..end))
                    }),
            );
        }
        Corrections { moved: out, blind }
    }
}

/// Longest field between dashes (bytes): a step's or a job's name.
const MAX_DASHED_FIELD: usize = 64;

/// Where the message starts when `body` opens with a field set apart by dashes, `- name - `
/// (the name may hold spaces: Kettle's `- Table output.0 - `, Python's `%(asctime)s -
/// %(name)s - %(message)s`), after the spaces following the second dash.
fn dashed_field_end(body: &[u8]) -> Option<usize> {
    let rest = body.strip_prefix(b"- ")?;
    let window = &rest[..rest.len().min(MAX_DASHED_FIELD + 3)];
    let close = memchr::memmem::find(window, b" - ")?;
    let field = &rest[..close];
    if field.is_empty() || field[0] == b' ' || field.len() > MAX_DASHED_FIELD {
        return None;
    }
    let mut end = 2 + close + 3;
    while body.get(end).is_some_and(|b| matches!(b, b' ' | b'\t')) {
        end += 1;
    }
    (end < body.len()).then_some(end)
}

/// Where a closing `(logger.name)` token begins, spaces before it included: a dotted name of
/// letters, digits, `_`, `$` and `-` in parentheses, after the message.
fn trailer_start(body: &[u8]) -> Option<usize> {
    let trimmed = body.trim_ascii_end();
    let open = trimmed.iter().rposition(|&b| b == b' ')? + 1;
    let name = trimmed[open..].strip_prefix(b"(")?.strip_suffix(b")")?;
    let named = name.first().is_some_and(u8::is_ascii_alphabetic)
        && name.contains(&b'.')
        && name
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'$' | b'-'));
    let before = trimmed[..open].trim_ascii_end().len();
    (named && before > 0).then_some(before)
}

/// The body offset after `layout`'s positions when `leading` matches it, else 0.
fn apply(layout: &[u8], leading: &Leading, body: &[u8]) -> usize {
    let (fixed, anchored) = match layout.split_last() {
        Some((&ANCHOR, fixed)) => (fixed, true),
        _ => (layout, false),
    };
    let f = fixed.len();
    if leading.count < f || !fills(fixed, &leading.classes[..f]) {
        return 0;
    }
    let h = if anchored {
        match anchor(&leading.classes[f..leading.count]) {
            Some(level) => f + level + 1,
            None => return 0,
        }
    } else {
        f
    };
    if h == 0 || leading.count <= h {
        return 0;
    }
    let end = usize::from(leading.ends[h - 1]);
    let mut start = end;
    while start < body.len() && matches!(body[start], b' ' | b'\t') {
        start += 1;
    }
    start
}

/// Whether tokens of `classes` fill the positions of `layout` (see [`holds`]), a word and a
/// number taking each other's place once (`ecbbfc` in a column of hex ids, `main` in one of
/// `worker-2`s: a column's odd value) when the layout is three positions or more and its last
/// holds as learned.
fn fills(layout: &[u8], classes: &[u8]) -> bool {
    let mut odd = 0;
    for (&want, &got) in layout.iter().zip(classes) {
        if holds(want, got) {
            continue;
        }
        if matches!(want, DIGIT | WORD) && matches!(got, DIGIT | WORD) {
            odd += 1;
            continue;
        }
        return false;
    }
    odd == 0
        || (odd == 1
            && layout.len() >= 3
            && layout
                .last()
                .zip(classes.get(layout.len() - 1))
                .is_some_and(|(&want, &got)| holds(want, got)))
}

/// Whether a token of class `got` fills a layout position of class `want`: a hex word fills a
/// column of numbers or words, a dash any field (its empty value), and any token a position of
/// varying class.
fn holds(want: u8, got: u8) -> bool {
    want == got
        || (want == ANY && got != NONE)
        || (got == HEX && matches!(want, DIGIT | WORD))
        || (got == DASH && !matches!(want, NONE | MESSAGE))
}

/// Whether a line of leading `classes` has the header of `layout` (not anchored) and a message
/// after it, as [`apply`] would find.
fn fits(layout: &[u8], classes: &[u8; MAX_POSITIONS]) -> bool {
    layout.len() < MAX_POSITIONS
        && classes[layout.len()] != NONE
        && layout
            .iter()
            .zip(classes)
            .all(|(&want, &got)| holds(want, got))
}

/// `layout`, extended by a number written alike on nearly every sample right after it, when
/// the samples' messages differ after it, in their first two words (`134681 node-246 unix.hw state.info 1077804742 1
/// Component …`, a record's flag): a constant column says nothing of the event, and left in
/// the message it hides how the message opens (an access log's client). A message that opens
/// with one number on every sample of one event is not taken: its next word is alike too.
fn with_constant_flag(
    mut layout: Vec<u8>,
    samples: &[[u8; MAX_POSITIONS]],
    values: &[[u32; MAX_POSITIONS]],
) -> Vec<u8> {
    let Some(at) = column_after(&layout, samples, values).filter(|&at| at > 0) else {
        return layout;
    };
    // The samples that hold the most common values at `positions`.
    let most = |positions: &[usize]| {
        let mut seen: Vec<(Vec<u32>, usize)> = Vec::new();
        for v in values {
            let key: Vec<u32> = positions
                .iter()
                .map(|&p| v.get(p).copied().unwrap_or(0))
                .collect();
            match seen.iter_mut().find(|(h, _)| *h == key) {
                Some((_, n)) => *n += 1,
                None => seen.push((key, 1)),
            }
        }
        seen.iter().map(|(_, n)| *n).max().unwrap_or(0)
    };
    let numbers = samples
        .iter()
        .filter(|s| s[at] == DIGIT && s[at + 1] != NONE)
        .count();
    let stable = |n: usize| n * 1000 >= samples.len() * STABLE_PER_MILLE;
    // The messages differ in their first two words (a bullet or a word many events open with,
    // `* Version: 1.81.4` beside `* Concurrency: 10`, says nothing by itself).
    let opening = [at + 1, at + 2];
    if stable(numbers) && stable(most(&[at])) && most(&opening) * 2 < samples.len() {
        layout.push(DIGIT);
    }
    layout
}

/// `layout`, extended by the name closed by a colon that follows it on nearly every sample when
/// that name varies apart from the message (`WARN worker-2: cache flushed` beside `WARN main:
/// cache flushed`: a thread's or a module's name): pairs of samples whose message opens with the
/// same three words hold different names there more than twice as often as the same, as the
/// names of a pool of threads do and an event's own word (`srs_forward:`, `panic:`; Tasmota's
/// `MQT: Connected` beside `WIF: Connected`, two tags taking turns) does not.
fn named_by_colon(
    mut layout: Vec<u8>,
    samples: &[[u8; MAX_POSITIONS]],
    values: &[[u32; MAX_POSITIONS]],
    keys: &[[u32; MAX_POSITIONS]],
) -> Vec<u8> {
    let Some(first) = column_after(&layout, samples, values) else {
        return layout;
    };
    let keyed = keyed_openings(samples, values, keys);
    // The name may stand after fields of one class on nearly every line (`[1037.5037] <2> bpbrm
    // main: msg`, NetBackup's level and process): they are the header's too.
    let mut between = Vec::new();
    for at in first..(first + 1 + MAX_FIELDS_BEFORE_NAME).min(MAX_LAYOUT - 1) {
        // `-:` where a line has no name (see [`class`]).
        let takes = |i: usize| matches!(samples[i][at], COLON | DASH);
        // Messages that open alike word for word, digits included: digits aside, chance
        // agreements of a pool of hosts over more pairs tipped the 2:1 rule (two random
        // grammars' `host:` lost, none gained). Or alike by their keys, for messages that open
        // with pairs (see [`keyed_openings`]).
        let varies = |openings: &[[u32; MAX_POSITIONS]]| {
            column_values(samples, values, openings, at, takes)
                .is_some_and(|(_, named)| varies_apart(&named, at))
        };
        if varies(values) || varies(&keyed) {
            layout.extend(between);
            layout.push(COLON);
            return layout;
        }
        match stable_field_class(samples, at) {
            Some(class) => between.push(class),
            None => break,
        }
    }
    layout
}

/// The samples' tokens as messages' openings are compared by their keys: each token's hash in
/// `words`, but a `key=value` field's key's (see [`Leading::keys`]).
fn keyed_openings(
    samples: &[[u8; MAX_POSITIONS]],
    words: &[[u32; MAX_POSITIONS]],
    keys: &[[u32; MAX_POSITIONS]],
) -> Vec<[u32; MAX_POSITIONS]> {
    samples
        .iter()
        .zip(words.iter().zip(keys))
        .map(|(classes, (words, keys))| {
            std::array::from_fn(|p| {
                if classes[p] == KEYED && keys[p] != 0 {
                    keys[p]
                } else {
                    words[p]
                }
            })
        })
        .collect()
}

/// Fields of one class each that may stand between a layout and the name closed by a colon
/// ending it (see [`named_by_colon`]).
const MAX_FIELDS_BEFORE_NAME: usize = 2;

/// The class nearly every sample holds at `at`, when it is a field's (a number, a word, a
/// bracketed group) rather than a separator's or a message's.
fn stable_field_class(samples: &[[u8; MAX_POSITIONS]], at: usize) -> Option<u8> {
    let mut counts = [0usize; CLASSES];
    for sample in samples {
        counts[usize::from(sample[at])] += 1;
    }
    let (class, &same) = counts.iter().enumerate().max_by_key(|&(_, n)| *n)?;
    let class = class as u8;
    (matches!(class, DIGIT | WORD | BRACKET | HEX)
        && same * 1000 >= samples.len() * STABLE_PER_MILLE)
        .then_some(class)
}

/// The position right after `layout` when a column may follow it there: not past the leading
/// tokens read, nor after a level anchor.
fn column_after<T>(layout: &[u8], samples: &[[u8; MAX_POSITIONS]], values: &[T]) -> Option<usize> {
    let at = layout.len();
    (at + 1 < MAX_LAYOUT && layout.last() != Some(&ANCHOR) && samples.len() == values.len())
        .then_some(at)
}

/// The samples whose token at `at` is the column's (`takes`, by sample index) with a message
/// after it, when nearly every sample has one: the column's values on all of them, and the
/// leading values of those whose message is not quoted or structured (`"msg":…`, an access
/// log's request opens apart from its event's words: those say nothing of how the column
/// varies).
fn column_values<'a>(
    samples: &[[u8; MAX_POSITIONS]],
    values: &'a [[u32; MAX_POSITIONS]],
    shapes: &'a [[u32; MAX_POSITIONS]],
    at: usize,
    takes: impl Fn(usize) -> bool,
) -> Option<(Vec<u32>, Vec<Sampled<'a>>)> {
    let holders: Vec<usize> = (0..samples.len())
        .filter(|&i| takes(i) && samples[i][at + 1] != NONE)
        .collect();
    if holders.len() * 1000 < samples.len() * STABLE_PER_MILLE {
        return None;
    }
    let column = holders.iter().map(|&i| values[i][at]).collect();
    let opened = holders
        .iter()
        .filter(|&&i| samples[i][at + 1] != MESSAGE)
        .filter_map(|&i| Some((values.get(i)?, shapes.get(i)?)))
        .collect();
    Some((column, opened))
}

/// A sample's leading tokens: their hashes, and their hashes without digits (see
/// [`Leading::shapes`]).
type Sampled<'a> = (&'a [u32; MAX_POSITIONS], &'a [u32; MAX_POSITIONS]);

/// Whether the values at `at` vary apart from the message after them: pairs of samples whose
/// message opens with the same three words, digits aside (one may be an event's shared verb;
/// `[C430077] new stream` opens as `[C19002] new stream` does), or holds the same words after
/// its first (a value: `mpatha: 8:16 tur checker …`; two of them at least),
/// hold different values there more than twice as often as the same (half again as often, when
/// [`MANY_NAME_PAIRS`] differ).
fn varies_apart(values: &[Sampled], at: usize) -> bool {
    varies_apart_from(values, at, at + 1)
}

/// [`varies_apart`], the message opening at `message` (after a counter right after the column:
/// see [`with_counter_column`]).
fn varies_apart_from(values: &[Sampled], at: usize, message: usize) -> bool {
    let (differ, same) = opening_pairs(values, at, message);
    // A pool of a few names drawn at random holds the same name on a pair now and then (one in
    // four with four names): with many pairs, half again as many differing pairs suffice.
    differ >= MIN_NAME_PAIRS
        && (differ > 2 * same || (differ >= MANY_NAME_PAIRS && 2 * differ > 3 * same))
}

/// Pairs of samples whose message (at `message`) opens alike (see [`varies_apart`]): how many
/// hold different values at `at`, and how many the same.
fn opening_pairs(values: &[Sampled], at: usize, message: usize) -> (usize, usize) {
    let opening = message..(message + 3).min(MAX_POSITIONS);
    // Or its three words after the first, which may be a value (`*11252 upstream timed out`).
    let after_value = message + 1..(message + 4).min(MAX_POSITIONS);
    let (mut differ, mut same) = (0usize, 0usize);
    for (i, &(a, a_shape)) in values.iter().enumerate() {
        for &(b, b_shape) in &values[i + 1..] {
            if a_shape[opening.clone()] == b_shape[opening.clone()]
                || (after_value.len() == 3
                    && a[after_value.start..after_value.start + 2]
                        .iter()
                        .all(|&h| h != 0)
                    && a_shape[after_value.clone()] == b_shape[after_value.clone()])
            {
                if a[at] == b[at] {
                    same += 1;
                } else {
                    differ += 1;
                }
            }
        }
    }
    (differ, same)
}

/// Whether a pool's values (`column`, one per sample) agree on pairs of messages that open alike
/// (`differ`, `same`: see [`opening_pairs`]) about as often as on any pair: at most twice as
/// often, and on fewer than half. A pool drawn whatever the message agrees by chance only (a
/// quarter of the pairs with four names, and a few pairs vary widely from that); an event's own
/// word agrees on nearly every pair of its event.
fn agrees_by_chance(column: &[u32], differ: usize, same: usize) -> bool {
    let n = column.len();
    if differ < MIN_NAME_PAIRS || same >= differ || n < 2 {
        return false;
    }
    let mut sorted = column.to_vec();
    sorted.sort_unstable();
    let agreeing: usize = sorted
        .chunk_by(|a, b| a == b)
        .map(|run| run.len() * (run.len() - 1) / 2)
        .sum();
    // same / (same + differ) <= 2 * agreeing / all pairs.
    same * n * (n - 1) <= 4 * agreeing * (same + differ)
}

impl PositionLearner {
    /// `layout`, extended by a column of names holding digits (`node-07`, `worker-2`) right
    /// before the message on nearly every sample, when few names take turns there (a pool of
    /// hosts or threads, not a message's ids) and they vary apart from the message (see
    /// [`varies_apart`]; by their keys, where they are records of pairs): `[time] | INF |
    /// node-07 msg`, where no separator closes the name. Names without digits (`jdoe`, a user)
    /// only where the column is empty (`-`) on some lines, or where most of its names hold
    /// digits (`main` beside `worker-1`, a pool of threads); the column then holds any name.
    /// `columns_follow`: how many columns lie between this one and the message it is judged
    /// against (a counter, another pool).
    fn with_name_column(
        &self,
        after_level: bool,
        mut layout: Vec<u8>,
        columns_follow: usize,
    ) -> Vec<u8> {
        let (names, samples, values) = (&self.names, &self.samples, &self.values);
        let (shapes, keys) = (&self.shapes, &self.keys);
        // Right after a header: one learned, or a level or a time found by shape.
        let anchored = |at: usize| at > 0 || after_level || self.mostly_timed();
        let Some(at) = column_after(&layout, samples, values)
            .filter(|&at| anchored(at) && samples.len() == names.len())
        else {
            return layout;
        };
        // Names marked as a column's are: holding digits (`node-07`) or dotted (`sched.planner`).
        let dotted = |i: usize| names[i].dotted & (1 << at) != 0;
        let digits = (0..samples.len())
            .filter(|&i| samples[i][at] == DIGIT || dotted(i))
            .count();
        // Names without digits (`jdoe`, `admin`) are a column's only where it is empty on some
        // lines (`-`): a message's first words vary apart from the rest too (`Unit state changed`
        // beside `Component state changed`).
        let empty = (0..samples.len())
            .filter(|&i| samples[i][at] == DASH)
            .count();
        // Or where most of its names hold digits: a pool of threads (`worker-1`, `main`).
        let words_join = empty > 0 || digits * 2 >= samples.len();
        let takes = |i: usize| match samples[i][at] {
            DASH => true,
            DIGIT => names[i].names & (1 << at) != 0,
            WORD | HEX => (words_join || dotted(i)) && names[i].names & (1 << at) != 0,
            _ => false,
        };
        let Some((mut distinct, named)) = column_values(samples, values, shapes, at, takes) else {
            return layout;
        };
        let holders = distinct.len();
        // Ids on every line after the names (`node-07 <1148> 1148:2013 msg`, a host, a pid and a
        // thread) vary as the names do: the message opens after them.
        let mut message = at + 1 + columns_follow;
        while message + 1 < MAX_LAYOUT && self.ids_at(message) {
            message += 1;
        }
        let (differ, same) = opening_pairs(&named, at, message);
        let by_chance = agrees_by_chance(&distinct, differ, same);
        distinct.sort_unstable();
        distinct.dedup();
        let pool = distinct.len() >= 3 && distinct.len() * 3 <= holders;
        // Messages of `key=value` fields open alike by their keys (see [`keyed_openings`]).
        let by_keys = || {
            let keyed = keyed_openings(samples, shapes, keys);
            column_values(samples, values, &keyed, at, takes)
                .is_some_and(|(_, named)| varies_apart_from(&named, at, message))
        };
        if pool && (varies_apart_from(&named, at, message) || by_chance || by_keys()) {
            let words = (0..samples.len())
                .filter(|&i| matches!(samples[i][at], WORD | HEX) && takes(i))
                .count();
            layout.push(if digits * 2 >= holders && words == 0 {
                DIGIT
            } else {
                ANY
            });
        }
        layout
    }
}

/// `layout`, extended by a column of whole numbers right before the message on nearly every
/// sample that grow from each sample to the next (a record's sequence number, a clock's ticks:
/// `[time] INFO node-12 500003 msg`), where no separator closes the number. A message's own
/// leading numbers (sizes, counts, codes) do not grow line after line across its events.
fn with_counter_column(
    after_level: bool,
    mut layout: Vec<u8>,
    samples: &[[u8; MAX_POSITIONS]],
    numbers: &[[Option<u64>; MAX_POSITIONS]],
) -> Vec<u8> {
    if column_after(&layout, samples, numbers)
        .is_some_and(|at| (at > 0 || after_level) && counts_at(samples, numbers, at))
    {
        layout.push(DIGIT);
    }
    layout
}

/// Whether nearly every sample holds a whole number at `at`, a message after it, and the
/// numbers grow from each sample to the next (see [`with_counter_column`]).
fn counts_at(
    samples: &[[u8; MAX_POSITIONS]],
    numbers: &[[Option<u64>; MAX_POSITIONS]],
    at: usize,
) -> bool {
    if at + 1 >= MAX_POSITIONS || samples.len() != numbers.len() {
        return false;
    }
    let column: Vec<u64> = samples
        .iter()
        .zip(numbers)
        .filter(|(sample, _)| sample[at + 1] != NONE)
        .filter_map(|(_, n)| n[at])
        .collect();
    let grows = column.windows(2).filter(|w| w[1] > w[0]).count();
    column.len() * 1000 >= samples.len() * STABLE_PER_MILLE
        && (grows + 1) * 1000 >= column.len() * STABLE_PER_MILLE
}

/// The name a layout ending with [`named_by_colon`]'s position takes from a line the layout was
/// applied to (`start`: where the message starts after it, `0` when the layout did not fit),
/// its colon excluded.
fn named_span(layout: &[u8], leading: &Leading, body: &[u8], start: usize) -> Option<Range<usize>> {
    if layout.last() != Some(&COLON) || start == 0 {
        return None;
    }
    let f = layout.len();
    let from = if f >= 2 {
        usize::from(leading.ends[f - 2])
    } else {
        0
    };
    let end = usize::from(leading.ends[f - 1]).checked_sub(1)?;
    let from = from
        + body
            .get(from..end)?
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
    (from < end && body.get(end) == Some(&b':')).then_some(from..end)
}

/// Whether the message after a name [`named_by_colon`] took keeps the name as a value: not
/// when it is quoted or structured (`"msg":…`, `{…}`, `key=value` pairs: an audit record's
/// `arch=c000003e syscall=82 …`) or an access log's line, which are read as messages of their
/// own.
pub(crate) fn keeps_name(message: &[u8]) -> bool {
    !matches!(message.first(), Some(b'"' | b'{'))
        && !crate::structured::opens_with_key(message)
        && header::access_log_request(message).is_none()
}

/// The message of `body` that opens with a name closed by a colon (`name_end`: the name's end,
/// the colon's offset), up to `end`, with `<*>` standing for the name.
pub(crate) fn with_name_as_value(body: &[u8], name_end: usize, end: usize) -> Box<[u8]> {
    let rest = body.get(name_end..end).unwrap_or_default();
    let mut out = Vec::with_capacity(3 + rest.len());
    out.extend_from_slice(b"<*>");
    out.extend_from_slice(rest);
    out.into_boxed_slice()
}

/// Pairs of samples that show a name closed by a colon varying apart from the message (see
/// [`named_by_colon`]).
const MIN_NAME_PAIRS: usize = 3;
/// Pairs of differing names that make a weaker majority of them enough (see [`varies_apart`]).
const MANY_NAME_PAIRS: usize = 12;

/// The header positions: the longest stable prefix that ends at a separator, level or bracket;
/// failing that, the layout of most lines when the others are bare messages (see
/// [`infer_most`]).
fn infer(samples: &[[u8; MAX_POSITIONS]], after_level: bool) -> Vec<u8> {
    let layout = infer_all(samples, after_level);
    if layout.is_empty() {
        return infer_most(samples);
    }
    layout
}

/// Share of samples (per mille) that must open with one class for their layout to be learned
/// without the others (Windows Installer's `MSI (s) (A4:B8) [11:47:03:811]:` on four lines of
/// five, `Action start 11:47:04: …` bare on the fifth).
const MOST_PER_MILLE: usize = 700;

/// The layout of the samples that share the most common class at the first position where
/// classes differ, when they are [`MOST_PER_MILLE`] of all, and it holds three fields or more,
/// that position among them, one a number, and ends at a bracket: a header that strong is the
/// source's, the other lines bare messages it leaves alone (a level word ending it may be a
/// message's own `Corrected error:`, and words before a bracket a message's `alpha SENT
/// CONTROL [peer]:`).
fn infer_most(samples: &[[u8; MAX_POSITIONS]]) -> Vec<u8> {
    for position in 0..MAX_LAYOUT {
        let mut counts = [0usize; CLASSES];
        for sample in samples {
            counts[usize::from(sample[position])] += 1;
        }
        let Some((class, &n)) = counts.iter().enumerate().max_by_key(|&(_, n)| *n) else {
            return Vec::new();
        };
        if n == samples.len() {
            continue;
        }
        if class as u8 == NONE || n * 1000 < samples.len() * MOST_PER_MILLE {
            return Vec::new();
        }
        let most: Vec<[u8; MAX_POSITIONS]> = samples
            .iter()
            .filter(|s| usize::from(s[position]) == class)
            .copied()
            .collect();
        let layout = infer_all(&most, false);
        return match layout.last() {
            Some(&BRACKET)
                if layout.len() >= 3
                    && layout.len() > position
                    && layout.iter().any(|&c| matches!(c, DIGIT | TIME | KEYED)) =>
            {
                layout
            }
            _ => Vec::new(),
        };
    }
    Vec::new()
}

/// [`infer`] over all samples alike; `after_level`: nearly every sample's line had a level word
/// before the samples' tokens.
fn infer_all(samples: &[[u8; MAX_POSITIONS]], after_level: bool) -> Vec<u8> {
    let mut layout = Vec::new();
    let mut best = 0;
    let mut varying = 0;
    // Where a field of varying class was taken before a later separator only (see below).
    let mut closed_later: Option<usize> = None;
    for position in 0..MAX_LAYOUT {
        let mut counts = [0usize; CLASSES];
        for sample in samples {
            counts[usize::from(sample[position])] += 1;
        }
        // Hex words count with the numbers of their column, or with its words.
        let hex = std::mem::take(&mut counts[usize::from(HEX)]);
        if counts[usize::from(DIGIT)] >= counts[usize::from(WORD)] {
            counts[usize::from(DIGIT)] += hex;
        } else {
            counts[usize::from(WORD)] += hex;
        }
        // Dashes are the column's separator where they outnumber every field class there, else
        // its empty values; right before a separator, they are empty values however many (`- ;
        // notice:` beside `admin ; notice:`).
        let dash = std::mem::take(&mut counts[usize::from(DASH)]);
        let before_separator = separator_at(samples, position + 1);
        let field = (0..CLASSES)
            .filter(|&c| !matches!(c as u8, NONE | MESSAGE | PUNCT))
            .max_by_key(|&c| counts[c])
            .filter(|&c| counts[c] > dash || (before_separator && counts[c] > 0));
        counts[field.unwrap_or(usize::from(PUNCT))] += dash;
        let (class, &n) = counts
            .iter()
            .enumerate()
            .max_by_key(|&(_, n)| *n)
            .unwrap_or((0, &0));
        let present = samples.len() - counts[usize::from(NONE)];
        let stable = n * 1000 >= samples.len() * STABLE_PER_MILLE;
        let later_separator = best > 0
            && !separator_at(samples, position + 1)
            && (position + 2..position + 4).any(|p| separator_at(samples, p));
        if !stable
            && varying < MAX_VARYING
            && (best == 0 || separator_at(samples, position + 1) || later_separator)
            && present * 1000 >= samples.len() * STABLE_PER_MILLE
            && counts[usize::from(MESSAGE)] == 0
        {
            if later_separator {
                closed_later = Some(layout.len());
            }
            // A field whose class varies before the header's first separator (a thread name, a
            // daemon named with or without digits, first or later): kept only if a separator
            // follows (the layout is cut at the last one). After the first separator, only
            // right before another (`time - level - thread | msg`), or before fields that one
            // closes (`INFO worker-2 [jdoe] node-07 | msg`, see `closed_later`): a message's
            // first word varies in class too, and a bracket after it may be the message's
            // (`TASK [x]`).
            varying += 1;
            layout.push(ANY);
            continue;
        }
        if matches!(class as u8, NONE | MESSAGE) || !stable {
            break;
        }
        layout.push(class as u8);
        // Past a field of varying class taken for the separator after the fields that follow
        // it (`time level thread [user] host | msg`), only that separator ends the header: a
        // bracket or a level there may be the message's (`TASK [x]`).
        if closed_later.is_some_and(|at| at >= best) && class as u8 != PUNCT {
            continue;
        }
        if matches!(class as u8, PUNCT | LEVEL | BRACKET | FIELD)
            || (class as u8 == PAREN && !layout.contains(&WORD))
            || (class as u8 == TIME
                && position >= 3
                && layout.iter().any(|&c| matches!(c, DIGIT | KEYED)))
        {
            best = layout.len();
        }
    }
    // The message must follow the header on stable lines.
    let followed = samples
        .iter()
        .filter(|s| best < MAX_POSITIONS && s[best] != NONE)
        .count();
    if best == 0 || followed * 1000 < samples.len() * STABLE_PER_MILLE {
        return infer_anchor(samples, 0);
    }
    layout.truncate(best);
    // A header as long as any may be holds a number or a level among its fields: eight words
    // and brackets alike on every line are a message's (`cluster health status changed from
    // [RED] to [GREEN] by …`, one event seen again and again).
    if best == MAX_LAYOUT
        && !layout
            .iter()
            .any(|&c| matches!(c, DIGIT | TIME | LEVEL | KEYED))
    {
        return infer_anchor(samples, 0);
    }
    // Four plain words are a message's (`can't find resource with ClaimId (…) -- perhaps …`,
    // one event's lines alone in a population): header words are a host, a program, a logger,
    // a user, seldom more.
    if layout.iter().filter(|&&c| c == WORD).count() >= MAX_HEADER_WORDS {
        return infer_anchor(samples, 0);
    }
    // A first field of varying class is taken before a field separator only (`web-1-fd JobId
    // 18231:`), or after a level or before a level column, and before a separator (`admin auth
    // [INF] : msg`, a user or `-`): before a bracket or a dash alone, it is as often a
    // message's subject.
    let closed_by_level =
        (after_level || layout[..best].contains(&LEVEL)) && layout[best - 1] == PUNCT;
    // Fields set apart by separators again and again (`worker-1 | 500000 | [I] | msg`) are a
    // header's, whatever the first holds: a message's subject is followed by one at most.
    let separated = layout[..best].iter().filter(|&&c| c == PUNCT).count() >= 2;
    if layout[0] == ANY && layout[best - 1] != FIELD && !closed_by_level && !separated {
        return infer_anchor(samples, 0);
    }
    // An optional field may follow the stable prefix, before a level word.
    if infer_anchor(samples, best) == [ANCHOR] {
        layout.push(ANCHOR);
    }
    layout
}

/// Whether nearly every sample holds a separator (a lone punctuation mark) at `position`.
fn separator_at(samples: &[[u8; MAX_POSITIONS]], position: usize) -> bool {
    position < MAX_LAYOUT
        && samples
            .iter()
            .filter(|s| matches!(s[position], PUNCT | DASH))
            .count()
            * 1000
            >= samples.len() * STABLE_PER_MILLE
}

/// Position of the first level word among the leading tokens, with a message after it.
fn anchor(classes: &[u8]) -> Option<usize> {
    let level = classes
        .iter()
        .take(ANCHOR_WITHIN)
        .position(|&c| c == LEVEL)?;
    classes
        .get(level + 1)
        .is_some_and(|&c| c != NONE)
        .then_some(level)
}

/// `[ANCHOR]` when nearly every sample has a level word among its first tokens from `skip` on,
/// not always at the same position (else the positional layout would have held), else no
/// layout.
fn infer_anchor(samples: &[[u8; MAX_POSITIONS]], skip: usize) -> Vec<u8> {
    let positions: Vec<Option<usize>> = samples.iter().map(|s| anchor(&s[skip..])).collect();
    let anchored = positions.iter().filter(|p| p.is_some()).count();
    let first = positions.iter().flatten().next();
    let moves = positions.iter().flatten().any(|p| Some(p) != first);
    if moves && anchored * 1000 >= samples.len() * STABLE_PER_MILLE {
        vec![ANCHOR]
    } else {
        Vec::new()
    }
}

/// The classes of the first `wanted` tokens (at most [`MAX_POSITIONS`]).
fn leading(body: &[u8], wanted: usize) -> Leading {
    let scan = &body[..body.len().min(512)];
    let mut out = Leading::default();
    let mut pos = 0;
    let mut previous: &[u8] = &[];
    while out.count < wanted.min(MAX_POSITIONS) {
        while pos < scan.len() && matches!(scan[pos], b' ' | b'\t') {
            pos += 1;
        }
        let Some(end) = header::field_end(scan, pos) else {
            break;
        };
        if end == pos {
            break;
        }
        let token = &scan[pos..end];
        let mut class = class(token);
        // An access log's host (an address or a name), ident (`-`, nearly always), user and
        // date open a message (the request's): no header of another runs into them.
        if matches!(class, DIGIT | WORD)
            && scan[end..].starts_with(b" - ")
            && (header::access_log_request(&scan[pos..]).is_some()
                || opens_a_request(&scan[end + 3..]))
        {
            class = MESSAGE;
        }
        // The last word of a phrase in capitals (`SERVICE ALERT:`, `EXTERNAL COMMAND:`, Nagios'
        // event names) opens the message (see [`header::ends_a_capitals_phrase`]).
        if class == LEVEL && header::ends_a_capitals_phrase(previous, token) {
            class = COLON;
        }
        // A name padded to a column's width after a first field (`10:26:23:0244 FuEngine
        // msg`): the padding ends it as a separator would. Not the first token (a logger
        // padded before its context, `org.apache.flink.….ExecutionGraph      [] - msg`, ends
        // at the context's dash), nor later ones (a message padded before its fields, as
        // logrus writes it).
        if out.count == 1
            && matches!(class, DIGIT | WORD | HEX | COLON)
            && scan[end..].starts_with(b"  ")
        {
            class = FIELD;
        }
        // A word of letters closed by `;` after a word or first is a message's clause (`RPC
        // queue; jobName = lint`, Laminar's); after a field, a field (Rspamd's `<287b15>; lua;`).
        if class == FIELD
            && token.ends_with(b";")
            && token[..token.len() - 1].iter().all(u8::is_ascii_alphabetic)
            && (out.count == 0 || out.classes[out.count - 1] == WORD)
        {
            class = WORD;
        }
        // A call site (`worker.rs:30`) after other fields ends them as a separator would; after
        // a preposition it is a message's (`ERROR in dir_authenticate.cc:327 Unable to …`). First,
        // it is the level's logger (see `header::skip_after_level`), which the source's lines
        // vote on.
        if class == DIGIT
            && out.count > 0
            && header::is_code_location(token)
            && !matches!(previous, b"in" | b"at" | b"from" | b"on" | b"of" | b"by")
        {
            class = FIELD;
        }
        previous = token;
        out.classes[out.count] = class;
        out.ends[out.count] = end as u16;
        out.count += 1;
        pos = end;
    }
    out
}

/// `10:00:08:`, `10:00:08.123:`: a clock (hours, minutes, seconds, a fraction or none) and a
/// colon.
fn is_clock_closed_by_colon(token: &[u8]) -> bool {
    let Some(clock) = token.strip_suffix(b":") else {
        return false;
    };
    let (whole, fraction) = match clock.iter().position(|&b| matches!(b, b'.' | b',')) {
        Some(dot) => (&clock[..dot], &clock[dot + 1..]),
        None => (clock, &b"0"[..]),
    };
    whole.len() == 8
        && whole.iter().enumerate().all(|(i, &b)| {
            if i % 3 == 2 {
                b == b':'
            } else {
                b.is_ascii_digit()
            }
        })
        && !fraction.is_empty()
        && fraction.iter().all(u8::is_ascii_digit)
}

/// A name closed by a colon that holds a number (`worker-1:`, `pool-3-thread-7:`): a thread's
/// or a module's name as `main:` is, whatever digits it holds. It opens with a letter and holds
/// only a name's characters (`10.0.0.5:`, `12:` are values).
fn is_name_with_colon(token: &[u8]) -> bool {
    let Some(name) = token.strip_suffix(b":") else {
        return false;
    };
    name.len() >= 2
        && name[0].is_ascii_alphabetic()
        && name.iter().any(u8::is_ascii_digit)
        && name
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
}

/// `SERVER[node-12]`, `USER[etl]`, `TOKEN[]`: a name in capitals with its value in brackets, a
/// field that says what it holds (Oozie's context); or a capitalised name before fields set apart
/// by commas (`Thread[DRDAConnThread_3,5,main]`, a Java thread as `toString` writes it).
fn is_keyed_group(token: &[u8]) -> bool {
    let Some(open) = token.iter().position(|&b| b == b'[') else {
        return false;
    };
    let name = &token[..open];
    name.len() >= 2
        && (name.iter().all(|&b| b.is_ascii_uppercase() || b == b'_')
            || (name[0].is_ascii_uppercase()
                && name[1..].iter().all(u8::is_ascii_lowercase)
                && token[open..].contains(&b',')))
        && token.ends_with(b"]")
        && !token[open + 1..token.len() - 1].contains(&b'[')
}

/// Whether `text` opens with a quoted HTTP request line (`"GET /path HTTP/1.1"`): the client
/// before it and its dash are the message's (uvicorn's `10.0.0.5:43966 - "GET / HTTP/1.1" 200`).
fn opens_a_request(text: &[u8]) -> bool {
    let Some(request) = text.strip_prefix(b"\"") else {
        return false;
    };
    let method = request.iter().position(|&b| b == b' ').unwrap_or(0);
    method > 0 && crate::closed::is_http_method(&request[..method])
}

/// A level name that loggers rarely write in lower case and that messages use as a word
/// (`Dropped 534 log messages`, `a critical section`): no level to the learner, which would cut
/// a stream of one event at it (a source writing `verbose:` has its other levels to learn from).
fn is_lower_case_english_word(word: &[u8]) -> bool {
    matches!(
        word,
        b"log"
            | b"fine"
            | b"finer"
            | b"finest"
            | b"verbose"
            | b"severe"
            | b"failure"
            | b"alert"
            | b"critical"
            | b"emergency"
    )
}

fn class(token: &[u8]) -> u8 {
    // A quote opening a bracket is a message's too (`["new connection"] [conn=7]`, TiDB's and
    // TiKV's unified format): a header's group holds a name, not a quoted text.
    if token.first() == Some(&b'"')
        || token.starts_with(b"[\"")
        || token.windows(3).any(|w| w == b"://")
    {
        return MESSAGE;
    }
    // `key = value`: a lone `=` is a message's (no header's separator), and so is what
    // comes before it.
    if token == b"=" {
        return MESSAGE;
    }
    // Or closed by a colon, where a column of names or ids closed by one has none (`-:`).
    if token == b"-" || token == b"-:" {
        return DASH;
    }
    // `-`, `|`, `>>`, `--`: a separator (`->`, `=>` are a message's arrows).
    if (token.len() == 1 && token[0].is_ascii_punctuation()) || token == b">>" || token == b"--" {
        return PUNCT;
    }
    // A level in brackets, braces or angle brackets (`[INFO]`, `{WARN }`, `<ERROR>`), padded to
    // a column or not, anchors a header wherever it stands, as a bare one does.
    let grouped = token.strip_suffix(b":").unwrap_or(token);
    if let [b'[', inner @ .., b']'] | [b'{', inner @ .., b'}'] | [b'<', inner @ .., b'>'] = grouped
    {
        let inner = inner.trim_ascii();
        if inner.len() >= 3
            && inner.iter().all(u8::is_ascii_uppercase)
            && header::level_word(inner).is_some()
        {
            return LEVEL;
        }
    }
    if token.first() == Some(&b'[') && matches!(token.last(), Some(b']' | b':')) {
        return BRACKET;
    }
    // A thread's number glued to its subsystem in capitals (`06[IKE]`, strongSwan's charon): a
    // bracketed group, the number the line's.
    if is_numbered_group(token) {
        return BRACKET;
    }
    // A name in capitals with its value in brackets (`SERVER[node-12]`, Oozie's context) is a
    // bracketed group: the name says what the field holds, as a bracket says it is one.
    if is_keyed_group(token) {
        return BRACKET;
    }
    // A name in braces (`{main}`, `{resin-port-8080-63}`: Resin's thread) is a bracketed
    // group; braces holding quotes, keys or values (`{"a":1}`, `{id=7}`) are a message's object.
    if grouped.len() >= 3
        && grouped.starts_with(b"{")
        && grouped.ends_with(b"}")
        && grouped[1..grouped.len() - 1]
            .trim_ascii()
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'#'))
    {
        return BRACKET;
    }
    // A name in parentheses (`(main)`, `(worker-2)`, `(MainThread)`: a thread's; `(-)`, none),
    // as in braces; closed by a colon, it is as often a message's reason (`Login aborted
    // (timeout):`).
    if token.len() >= 3 && token.starts_with(b"(") && token.ends_with(b")") {
        let inner = &token[1..token.len() - 1];
        if inner == b"-"
            || inner[0].is_ascii_alphabetic()
                && inner
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'#'))
        {
            return BRACKET;
        }
    }
    // A group in parentheses closed by a colon and holding a number (see [`PAREN`]); one of
    // words (`(--auth-user-pass-verify):`) is a message's.
    if token.len() >= 4
        && (token.first() == Some(&b'(') && token.ends_with(b"):")
            || token.first() == Some(&b'{') && token.ends_with(b"}:"))
        && token.iter().any(u8::is_ascii_digit)
    {
        return PAREN;
    }
    // A name in angle brackets (`<ndebug>:`, conmon's levels; `<info>`; a thread `<worker-2>`; a
    // module `<acme::net>`) is a bracketed group; a short number there (`Job <1234> is
    // submitted`) is a message's value. So is a request's id in hex (`<86ad9bfe9e99951a>`) or
    // its empty field (`<->`): a column of ids.
    if grouped.len() >= 3 && grouped.starts_with(b"<") && grouped.ends_with(b">") {
        let inner = grouped[1..grouped.len() - 1].trim_ascii();
        let name = inner.len() >= 2
            && inner[0].is_ascii_alphabetic()
            && inner.iter().all(|b| {
                b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.' | b'#' | b'@' | b':')
            });
        // Eight hex digits or more, a letter among them or not (an id's digits may all be
        // decimal); shorter numbers stay values.
        // A UUID's dashes too (`<5c0e8229-db1d-8fdb-f41c-94204e50abd9>`, a request's id).
        let id = inner == b"-"
            || (inner.len() >= 8
                && inner.iter().all(|&b| b.is_ascii_hexdigit() || b == b'-')
                && inner.iter().filter(|b| b.is_ascii_hexdigit()).count() >= 8);
        if name || id {
            return BRACKET;
        }
    }
    // A `debug` namespace (`mediasoup:Channel`, Node's `DEBUG=…` without a terminal: `time
    // namespace message`) ends a header as a separator would.
    if header::is_debug_namespace(token) {
        return FIELD;
    }
    // A clock closed by `:` (`Zigbee2MQTT:info  2026-03-14 10:00:08: msg`) ends the header's
    // time and the header with it.
    if is_clock_closed_by_colon(token) {
        return FIELD;
    }
    // A number closed by `:` (`JobId 18231:`, Bacula's; `conn 7:`; a pid and a thread's id,
    // `1037:2004:`) ends a field as `;` does; so do a request's id (`5f29ca26d6b40a0f:`) and a
    // keyed field (`pid=1037:`, `user=admin:`).
    if token.len() >= 2 && token.ends_with(b";")
        || is_number_closed_by_colon(token)
        || is_id_closed_by_colon(token)
        || is_keyed_field_closed_by_colon(token)
    {
        return FIELD;
    }
    let word = token.strip_suffix(b":").unwrap_or(token);
    if header::level_word(word).is_some() && !is_lower_case_english_word(word) {
        return LEVEL;
    }
    // A level's letter closed by a colon (`node-07 I: msg`, `W:`), as glog's and logcat's letters
    // stand for theirs; not `A:`, `F:`, `V:` (answers, drives, versions are written so).
    if matches!(token, b"I:" | b"W:" | b"E:" | b"D:") {
        return LEVEL;
    }
    // An upper-case tag and a colon (`LOG:`, `DETAIL:`) ends a header as a level word does; a
    // three-letter one (`MQT:`, `WIF:`, Tasmota's components) opens the message (`LOG:` and
    // `ERR:` are level words).
    if word.len() >= 4 && word.len() < token.len() && word.iter().all(u8::is_ascii_uppercase) {
        return LEVEL;
    }
    if is_name_with_colon(token) {
        return COLON;
    }
    // A program and its pid closed by a colon (`acmed[1185]:`, syslog's tag), or a program's
    // name in lower case and its pid without one (`burp[1185]`), ends a header's fields as a
    // separator would; a name in capitals and a number in brackets without a colon is as often
    // the message's (`Microsoft.Hosting.Lifetime[14] Now listening`, .NET's category and event).
    if header::is_program_tag(token) || is_lower_case_program_and_pid(token) {
        return FIELD;
    }
    if is_keyed_field(token) {
        return KEYED;
    }
    if token.iter().any(u8::is_ascii_digit) {
        return if header::is_epoch(token) { TIME } else { DIGIT };
    }
    if token.len() >= 2 && token.ends_with(b":") {
        return COLON;
    }
    if token.iter().all(|b| matches!(b, b'a'..=b'f' | b'A'..=b'F')) {
        return HEX;
    }
    WORD
}

/// How a token is written as an id (see [`id_form`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IdForm {
    /// Digits alone (`1148`): a pid, as often a message's count or size.
    Number,
    /// Two numbers joined (`1037:2004`, `1074/2002`, `1000.2005`), a number in brackets
    /// (`<1148>`, `{1037/2004}`), or eight hex digits or more with a decimal one among them
    /// (`ac4aecf6`, `(7fb1d539e700)`): a process's and a thread's ids, a request's.
    Composite,
}

/// How `token` is written as an id, if it is one. Not `pass(1):`, `node-07` (words holding a
/// number), `10.0.0.5` or `10:00:08` (an address, a clock: more than two numbers).
fn id_form(token: &[u8]) -> Option<IdForm> {
    let token = token.strip_suffix(b":").unwrap_or(token);
    let (inner, bracketed) = match token {
        [b'[', inner @ .., b']'] | [b'{', inner @ .., b'}'] | [b'<', inner @ .., b'>'] => {
            (inner, true)
        }
        // `(23686) Login OK`: a number in parentheses is as often a message's own (a request's
        // number, `(1/3)`); a thread's hex id there (`(7fb1d539e700)`) is an id.
        [b'(', inner @ .., b')'] if inner.len() >= 8 => (inner, true),
        _ => (token, false),
    };
    if !inner.iter().any(u8::is_ascii_digit) {
        return None;
    }
    if inner.len() >= 8 && inner.iter().all(u8::is_ascii_hexdigit) {
        return Some(if inner.iter().all(u8::is_ascii_digit) && !bracketed {
            IdForm::Number
        } else {
            IdForm::Composite
        });
    }
    let mut parts = inner.split(|&b| matches!(b, b':' | b'/' | b'.'));
    let number = |part: &[u8]| !part.is_empty() && part.iter().all(u8::is_ascii_digit);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(a), None, None) if number(a) => Some(if bracketed {
            IdForm::Composite
        } else {
            IdForm::Number
        }),
        (Some(a), Some(b), None) if number(a) && number(b) => Some(IdForm::Composite),
        _ => None,
    }
}

/// `18231:`, or a process's and a thread's ids joined (`1037:2004:`, `1037/2004:`, `1037.2004:`):
/// one number or two, closed by a colon. An address (`10.0.0.5:`) or a clock (`10:00:08:`) holds
/// more.
fn is_number_closed_by_colon(token: &[u8]) -> bool {
    let Some(number) = token.strip_suffix(b":") else {
        return false;
    };
    let mut parts = number.splitn(3, |&b| matches!(b, b':' | b'/' | b'.'));
    let digits = |part: &[u8]| !part.is_empty() && part.iter().all(u8::is_ascii_digit);
    parts.next().is_some_and(digits) && parts.next().is_none_or(digits) && parts.next().is_none()
}

/// A request's id closed by a colon (`5f29ca26d6b40a0f:`): eight hex digits or more, a decimal
/// one among them.
fn is_id_closed_by_colon(token: &[u8]) -> bool {
    token.strip_suffix(b":").is_some_and(|id| {
        id.len() >= 8 && id.iter().all(u8::is_ascii_hexdigit) && id.iter().any(u8::is_ascii_digit)
    })
}

/// `06[IKE]`, `12[CFG]`: digits, then two to eight capitals in brackets.
fn is_numbered_group(token: &[u8]) -> bool {
    let digits = token.iter().take_while(|b| b.is_ascii_digit()).count();
    let Some(inner) = token[digits..]
        .strip_prefix(b"[")
        .and_then(|rest| rest.strip_suffix(b"]"))
    else {
        return false;
    };
    (1..=4).contains(&digits)
        && (2..=8).contains(&inner.len())
        && inner.iter().all(u8::is_ascii_uppercase)
}

/// `burp[1185]`: [`header::is_program_and_pid`], the name in lower case and without dots.
fn is_lower_case_program_and_pid(token: &[u8]) -> bool {
    header::is_program_and_pid(token)
        && token
            .iter()
            .take_while(|&&b| b != b'[')
            .all(|b| !b.is_ascii_uppercase() && *b != b'.')
}

/// Longest key of a [`KEYED`] field.
const MAX_KEY: usize = 16;

/// `req=4f2a…`, `tid=main`, `user=-`: a short lower-case key, `=` and a value without quotes.
fn is_keyed_field(token: &[u8]) -> bool {
    let Some(eq) = token.iter().position(|&b| b == b'=') else {
        return false;
    };
    let (key, value) = (&token[..eq], &token[eq + 1..]);
    (1..=MAX_KEY).contains(&key.len())
        && key.iter().all(|&b| b.is_ascii_lowercase() || b == b'_')
        && !value.is_empty()
        && !value.iter().any(|&b| matches!(b, b'"' | b'\'' | b'='))
}

/// `pid=1037:`, `conn=7:`, `user=admin:`: a [`KEYED`] field whose value is a number or a name
/// (not a call's `msg=audit(1796717360.821:73824):`), closed by a colon.
fn is_keyed_field_closed_by_colon(token: &[u8]) -> bool {
    token.strip_suffix(b":").is_some_and(|field| {
        is_keyed_field(field)
            && field.rsplit(|&b| b == b'=').next().is_some_and(|value| {
                value
                    .iter()
                    .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts that each line after the learner's first [`MIN_SAMPLES`] is stripped to its
    /// message, line `i` holding `messages[i % 3]`.
    /// Three events' messages, behind the headers the tests below write.
    const MESSAGES: [&str; 3] = [
        "Connected to storage target 4",
        "Client session removed",
        "Problem encountered during processing of a message",
    ];

    fn assert_stripped_to(lines: &[String], messages: &[&str; 3]) {
        for (body, i) in run(lines).iter().zip(0..).skip(MIN_SAMPLES) {
            assert_eq!(body, messages[i % 3]);
        }
    }

    /// As [`assert_stripped_to`], from the line the layout is learned on (the lines mined
    /// before are placed again then: see `take_corrections`).
    fn assert_learned_to(lines: &[String], messages: &[&str; 3]) {
        for (body, i) in run(lines).iter().zip(0..).skip(SAMPLES) {
            assert_eq!(body, messages[i % 3]);
        }
    }

    fn run(lines: &[String]) -> Vec<String> {
        let mut learner = HeaderLearner::default();
        lines
            .iter()
            .map(|l| {
                String::from_utf8_lossy(
                    &l.as_bytes()[learner.strip(l.as_bytes(), None, None, false, None, None)..],
                )
                .into_owned()
            })
            .collect()
    }

    /// Line `i` behind NetBackup's `[pid.tid] <level> process function: ` header.
    fn netbackup_line(i: usize, function: &str, message: &str) -> String {
        let programs = ["bpbrm", "bptm", "bpcd"];
        format!(
            "[{}.{}] <{}> {} {function}: {message}",
            1000 + i * 37 % 5,
            5000 + i % 7,
            2 + i % 3,
            programs[i % 3],
        )
    }

    #[test]
    fn glued_groups_in_brackets_and_braces_are_one_header_field() {
        // SAP HANA's trace: `[thread]{connection}[transaction/statement] date time level
        // component file(line) : message`.
        let messages = [
            "Session 203670 opened for user BI_REPORTING",
            "Log backup of volume 3 completed",
            "SQL error 131: transaction rolled back by lock wait timeout",
        ];
        let levels = ["i", "w", "e"];
        let lines: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "[{}]{{{}}}[{}/-1] 2026-03-14 06:43:{:02}.928009 {} SQLSession       SessionManager.cpp(00921) : {}",
                    40000 + i,
                    203000 + i,
                    i % 7,
                    i % 60,
                    levels[i % 3],
                    messages[i % 3]
                )
            })
            .collect();
        for (body, i) in run(&lines).iter().zip(0..).skip(SAMPLES) {
            assert_eq!(body, messages[i % 3], "line {i}");
        }
    }

    #[test]
    fn a_thread_in_braces_after_a_time_is_header() {
        // Resin: `[26-03-14 05:01:54.856] {resin-port-8080-63} message`, its time known by
        // shape; the thread's name holds a number on some lines only.
        let messages = [
            "WebApp[production/webapp/default/ROOT] active",
            "http listening to *:8080",
            "com.caucho.vfs.ClientDisconnectException: java.io.IOException: Broken pipe",
        ];
        let threads = [
            "main",
            "resin-36",
            "resin-port-8080-63",
            "resin-health-check",
        ];
        let lines: Vec<String> = (0..40)
            .map(|i| format!("{{{}}} {}", threads[i % 4], messages[i % 3]))
            .collect();
        // Once learned (the miner re-reads the lines before).
        for (body, i) in run(&lines).iter().zip(0..).skip(SAMPLES) {
            assert_eq!(body, messages[i % 3], "line {i}");
        }
        // An object in braces opens the message.
        let lines: Vec<String> = (0..40)
            .map(|i| format!("{{\"id\":{i}}} {}", messages[i % 3]))
            .collect();
        for (body, line) in run(&lines).iter().zip(&lines) {
            assert!(body.starts_with("{\"id\""), "{line} -> {body}");
        }
    }

    #[test]
    fn a_call_site_after_other_fields_ends_the_header() {
        // `(pid) host seq file:line msg`: numbers and names with no separator after them, closed
        // by the call site.
        let messages = MESSAGES;
        let hosts = ["db-3", "node-07", "gw01"];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "({}) {} {} {}.rs:{} {}",
                    1000 + i % 5 * 37,
                    hosts[i % 3],
                    500_000 + i * 3,
                    ["worker", "server", "cache", "main"][i % 4],
                    30 + i % 4 * 7,
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
        // After a preposition, a call site is the message's.
        let lines: Vec<String> = (0..60)
            .map(|i| format!("in dir_authenticate.cc:{} {}", 300 + i % 7, messages[i % 3]))
            .collect();
        assert_eq!(run(&lines), lines);
    }

    #[test]
    fn a_request_id_in_angle_brackets_or_its_empty_field_is_one_column() {
        // `[file:line] time <request> level -- msg`, the id in hex or `<->` where none.
        let messages = MESSAGES;
        let lines: Vec<String> = (0..60)
            .map(|i| {
                let request = if i % 4 == 1 {
                    "-".to_string()
                } else {
                    format!(
                        "{:016x}",
                        0x86ad_9bfe_9e99_951a_u64.wrapping_mul(i as u64 + 1)
                    )
                };
                format!(
                    "[worker.cpp:{}] 14/Mar/2026:10:00:{:02} +0000 <{request}> info -- {}",
                    30 + i % 4,
                    i % 60,
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
    }

    #[test]
    fn a_level_s_letter_closed_by_a_colon_ends_the_header() {
        // `[prog[pid]] logger pid:tid host I: msg`.
        let messages = MESSAGES;
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "[acmed[{}]] {} {}:{} {} {}: {}",
                    1000 + i % 5 * 37,
                    ["main", "ingest.worker", "auth"][i % 3],
                    1037 + i % 2,
                    2000 + i % 40,
                    ["node-07", "gw01", "db-3"][i % 3],
                    ["I", "W", "E", "I", "D"][i % 5],
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
    }

    #[test]
    fn a_quoted_message_in_brackets_is_no_header_field() {
        // TiDB's unified format behind a header of bracketed fields: the quoted group opens the
        // message, however many groups follow it.
        let messages = [
            r#"["new connection"] [conn=7] [remoteAddr=10.0.0.7:3306]"#,
            r#"["connection closed"] [conn=7]"#,
            r#"["diff load InfoSchema success"] [ver=6450] [took=8ms] [tables=3]"#,
        ];
        let threads = ["main", "worker-1", "pool-3-thread-7"];
        let lines: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "SERVER[node-0{}] USER[{}] [{}] {}",
                    i % 4,
                    ["etl", "-", "oozie"][i * 7 % 3],
                    threads[i * 5 % 3],
                    messages[i % 3]
                )
            })
            .collect();
        assert_learned_to(&lines, &messages);
    }

    #[test]
    fn a_name_closed_by_a_colon_after_fields_of_one_class_ends_the_header() {
        // NetBackup's `[pid.tid] <level> process function: msg`: the function varies apart
        // from the message, the process with it.
        let functions = ["main", "read_msg", "send_file", "write_data"];
        let lines: Vec<String> = (0..40)
            .map(|i| netbackup_line(i, functions[i * 7 % 4], MESSAGES[i % 3]))
            .collect();
        assert_learned_to(&lines, &MESSAGES);
    }

    #[test]
    fn a_name_closed_by_a_colon_is_judged_over_two_windows_when_one_is_too_few() {
        // A startup's first lines open each with its own words: no two tell whether the
        // function varies apart from the message; the next window's do.
        let message = |i: usize| {
            if i < SAMPLES {
                format!("step {i} of {} took {}", i + 30, i * 7)
            } else {
                MESSAGES[i % 3].to_string()
            }
        };
        let functions = ["main", "read_msg", "send_file"];
        let lines: Vec<String> = (0..80)
            .map(|i| netbackup_line(i, functions[i / 3 % 3], &message(i)))
            .collect();
        for (i, body) in run(&lines).iter().enumerate().skip(2 * SAMPLES) {
            assert_eq!(*body, message(i));
        }
    }

    #[test]
    fn a_name_closed_by_a_colon_before_records_of_pairs_ends_the_header() {
        // The same header before audit records: their values (digits and hex digits) differ on
        // nearly every line, so the messages open alike by their keys only.
        let functions = ["main", "read_msg", "send_file"];
        let message = |i: usize| match i % 3 {
            0 => format!(
                "arch=c000003e syscall={} success=yes exit={} a0={:x}",
                40 + i * 13 % 30,
                i * 7,
                0x7f00_0000 + i * 977
            ),
            1 => format!(
                "pid={} uid=0 auid={} ses={}",
                3000 + i * 41,
                1000 + i % 4,
                i
            ),
            _ => format!("proctitle={:x}", 0x2f62_696e_u64 * (i as u64 + 3)),
        };
        let lines: Vec<String> = (0..40)
            .map(|i| netbackup_line(i, functions[i / 3 % 3], &message(i)))
            .collect();
        for (i, body) in run(&lines).iter().enumerate().skip(SAMPLES) {
            assert_eq!(*body, message(i));
        }
    }

    #[test]
    fn a_process_s_and_a_thread_s_ids_closed_by_a_colon_end_the_header() {
        let hosts = ["gw01", "node-12", "db-3", "node-07"];
        let parts = ["NET", "CORE", "STORE"];
        let lines: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "{} {} {}:{}: {}",
                    hosts[i * 7 % 4],
                    parts[i % 3],
                    1000 + i * 37 % 5,
                    2000 + i % 9,
                    MESSAGES[i % 3]
                )
            })
            .collect();
        assert_learned_to(&lines, &MESSAGES);
        assert!(is_number_closed_by_colon(b"1037:2004:"));
        assert!(is_number_closed_by_colon(b"1037/2004:"));
        assert!(is_number_closed_by_colon(b"18231:"));
        // An address or a clock holds more numbers.
        assert!(!is_number_closed_by_colon(b"10.0.0.5:"));
        assert!(!is_number_closed_by_colon(b"10:00:08:"));
        assert!(!is_number_closed_by_colon(b"1037:"[..3].as_ref()));
    }

    #[test]
    fn a_program_and_its_pid_closed_by_a_colon_end_the_header() {
        // `time INFO jdoe acmed[1185]: msg`: a user, then syslog's tag.
        let messages = MESSAGES;
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "{} {}[{}]: {}",
                    ["jdoe", "admin", "svc-sync"][i % 3],
                    ["acmed", "storaged", "postfix/smtpd"][i % 4 % 3],
                    1000 + i * 7,
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
        // `ptp4l[1222897.149]: msg`: linuxptp's uptime in the pid's place.
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "ptp4l[{}.{:03}]: {}",
                    1_222_897 + i * 3,
                    i * 7,
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
    }

    #[test]
    fn a_java_thread_as_to_string_writes_it_is_a_bracketed_field() {
        // Derby: `time GMT Thread[DRDAConnThread_3,5,main] msg`.
        let messages = MESSAGES;
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "Thread[DRDAConnThread_{},5,main] {}",
                    2 + i % 7,
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
    }

    #[test]
    fn a_header_of_six_fields_set_apart_by_dashes_is_learned_whole() {
        // `<time> - pid=… - user - level - logger - file:line > msg`: thirteen tokens before the
        // message.
        let messages = MESSAGES;
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "<2026/03/14 10:00:{:02}> - pid={} - {} - info - com.acme.ingest.Worker - worker.java:{} > {}",
                    i % 60,
                    1000 + i % 5 * 37,
                    ["admin", "jdoe", "-"][i % 3],
                    30 + i % 4,
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
    }

    #[test]
    fn a_three_letter_tag_in_capitals_is_the_message_s_component() {
        // Tasmota's `MQT:`, `WIF:`, `SRC:` open its messages: which one says what happened,
        // as `MQT: Connected` beside `WIF: Connected`.
        let messages = [
            "MQT: Connected",
            "WIF: Connected",
            "SRC: Button",
            "MQT: stat/plug/POWER = OFF",
        ];
        let lines: Vec<String> = (0..40).map(|i| messages[i % 4].to_string()).collect();
        for (body, line) in run(&lines).iter().zip(&lines) {
            assert_eq!(body, line);
        }
    }

    #[test]
    fn a_header_on_most_lines_is_learned_and_the_bare_lines_left_alone() {
        // Windows Installer: four lines of five with `MSI (s) (A4:B8) [11:47:03:811]:`, the
        // fifth bare.
        let messages = [
            "Doing action: InstallFiles",
            "Note: 1: 2205 2: 3: Error",
            "Product: Agent",
        ];
        let lines: Vec<String> = (0..40)
            .map(|i| match i % 5 {
                4 => format!("Action start 11:47:{:02}: LaunchConditions.", i % 60),
                _ => format!(
                    "MSI ({}) (A4:{}) [11:47:{:02}:{:03}]: {}",
                    ["s", "c"][i % 2],
                    ["B8", "F0", "1C"][i % 3],
                    i % 60,
                    i * 7,
                    messages[i % 3]
                ),
            })
            .collect();
        let bodies = run(&lines);
        for (i, body) in bodies.iter().enumerate().skip(SAMPLES) {
            let expected = match i % 5 {
                4 => lines[i].as_str(),
                _ => messages[i % 3],
            };
            assert_eq!(body, expected);
        }
    }

    #[test]
    fn words_before_a_lone_equals_sign_are_the_message_s() {
        // Laminar's `RPC queue; jobName = lint`: a key and its value, never a header's end.
        let messages = [
            "RPC queue; jobName",
            "RPC run; jobName",
            "Queued job; run->name",
        ];
        let lines: Vec<String> = (0..40)
            .map(|i| format!("{} = job-{}", messages[i % 3], i % 7))
            .collect();
        for (body, line) in run(&lines).iter().zip(&lines) {
            assert_eq!(body, line);
        }
    }

    #[test]
    fn a_unix_time_early_in_a_message_ends_no_header() {
        let lines: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "{} {} bytes in {} ms",
                    ["Sent", "Received"][i % 2],
                    1_700_000_000 + i * 977,
                    i + 3
                )
            })
            .collect();
        for (body, line) in run(&lines).iter().zip(&lines) {
            assert_eq!(body, line);
        }
    }

    #[test]
    fn a_record_s_fields_end_at_their_unix_time() {
        // A record number, node, component and state, the time, then a flag and the message:
        // no separator, but the time closes the fields, and the flag, alike on every line
        // while the messages differ, is the record's.
        let messages = [
            "Component State Change: Component is in the unavailable state",
            "clusterAddMember (command 1902)",
            "ambient=34 threshold exceeded",
        ];
        let components = ["unix.hw state_change.unavailable", "node.sys action.start"];
        let records = |messages: &[&str; 3]| -> Vec<String> {
            (0..40)
                .map(|i| {
                    format!(
                        "{} node-{} {} {} 1 {}",
                        134_681 + i * 7,
                        200 + i % 9,
                        components[i % 2],
                        1_077_804_742 + i * 13,
                        messages[i % 3]
                    )
                })
                .collect()
        };
        let lines = records(&messages);
        let bodies = run(&lines);
        for (body, i) in bodies.iter().zip(0..).skip(SAMPLES) {
            assert_eq!(body, messages[i % 3]);
        }
        // One event only: the number opening its message is the message's.
        let lines: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "{} node-2 unix.hw state.x {} 1 {}",
                    134_681 + i * 7,
                    1_077_804_742 + i * 13,
                    messages[0]
                )
            })
            .collect();
        for body in run(&lines).iter().skip(SAMPLES) {
            assert_eq!(body, &format!("1 {}", messages[0]));
        }
        // Messages that open with the same bullet differ in their second word: the flag is
        // still the record's.
        let bulleted = [
            "* Version: 1.81.4",
            "* Concurrency: 10",
            "n8n worker is now ready",
        ];
        for (body, i) in run(&records(&bulleted)).iter().zip(0..).skip(SAMPLES) {
            assert_eq!(body, bulleted[i % 3]);
        }
    }

    #[test]
    fn learns_an_unfamiliar_header_and_keeps_messages() {
        let messages = [
            "DB saved on disk",
            "Accepted 10.0.0.1:6379",
            "Background saving started by pid 7",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "{}:M 0{} May 2024 10:00:0{}.12{} * {}",
                    i % 3,
                    i % 9,
                    i % 10,
                    i % 7,
                    messages[i % 3]
                )
            })
            .collect();
        let bodies = run(&lines);
        for (body, i) in bodies.iter().zip(0..).skip(MIN_SAMPLES) {
            assert_eq!(body, messages[i % 3]);
        }
    }

    #[test]
    fn a_name_padded_to_a_column_ends_the_header() {
        // A time of the program's own, then its domain padded to a column's width.
        let messages = [
            "failed to coldplug dock: Permission denied",
            "Emitting PropertyChanged('Status'='idle')",
            "added 173c10bcd970b2bb",
        ];
        let domains = ["FuEngine", "FuDeviceList", "FuPluginLinuxSwap"];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "10:{:02}:{:02}:{:04} {:<20} {}",
                    i % 60,
                    (i * 7) % 60,
                    i * 13,
                    domains[i % 3],
                    messages[(i / 3) % 3]
                )
            })
            .collect();
        let bodies = run(&lines);
        for (body, i) in bodies.iter().zip(0..).skip(MIN_SAMPLES) {
            assert_eq!(body, messages[(i / 3) % 3]);
        }
    }

    #[test]
    fn leaves_messages_without_header_alone() {
        let lines: Vec<String> = (0..60)
            .map(|i| format!("onStandStepChanged {i} steps"))
            .chain((0..60).map(|i| format!("connection from 10.0.0.{i} closed")))
            .collect();
        assert_eq!(run(&lines), lines);
    }

    #[test]
    fn a_message_word_that_names_a_level_in_capitals_is_no_level_in_lower_case() {
        // A stream of one event: every position is stable, and `log` would have ended a header.
        let lines: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "Dropped {} log messages in last {} seconds",
                    100 + i * 7,
                    i % 9 + 2
                )
            })
            .collect();
        assert_eq!(run(&lines), lines);
    }

    #[test]
    fn fields_closed_by_semicolons_are_header() {
        // Rspamd: `#pid(type) <task id>; module; function: message`, task ids with and without
        // digits.
        let messages = [
            "rbl.lua:613: error requesting zen.example: timeout",
            "rspamd_task_write_log: id: <a@b>, ip: 10.0.0.9",
            "rspamd_log_reopen: log file reopened after rotation",
        ];
        let modules = ["lua;", "task;", "main;"];
        let ids = ["<287b15>;", "<eafcde>;", "<0a1b2c>;", "<fdbcae>;"];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "#{}(normal) {} {} {}",
                    2400 + i,
                    ids[i % 4],
                    modules[i % 3],
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
    }

    #[test]
    fn a_number_closed_by_a_colon_ends_a_header_after_a_field_of_any_class() {
        // Bacula: `daemon JobId N: message`, daemons named with and without digits.
        let messages = [
            "Start Backup JobId 18231, Job=ws-ivo-Home.2026-12-17_23.05.00_31",
            "Could not stat \"/home/x\": ERR=No such file or directory",
            "Sending Accurate information to the FD.",
        ];
        let daemons = ["bacula-dir", "web-1-fd", "stor2-sd", "files-fd"];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "{} JobId {}: {}",
                    daemons[i % daemons.len()],
                    18000 + i,
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
    }

    #[test]
    fn names_in_capitals_with_their_values_in_brackets_are_header_fields() {
        // Oozie's context after its logger: `SERVER[host] USER[user] GROUP[-] TOKEN[] APP[app]
        // JOB[id] ACTION[action] message`.
        let messages = [
            "Start action [0000123-260314-oozie-oozi-W@load] with user-retry state",
            "Queue size [12] exceeds the soft limit",
            "ENDED [LoadNode] action with status OK",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "SERVER[{}] USER[{}] GROUP[-] TOKEN[] APP[{}] JOB[{:07}-260314-oozie-oozi-W] \
                     ACTION[{}] {}",
                    ["node-12", "gw01"][i % 2],
                    ["etl", "oozie", "-"][i % 3],
                    ["daily-load", "hourly-agg"][i / 2 % 2],
                    1000 + i * 37,
                    ["-", "load", "sort"][i / 3 % 3],
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
    }

    #[test]
    fn a_field_of_varying_class_between_two_separators_is_header() {
        // `date time AM - level - thread | message`: the thread (`main`, `worker-2`) varies in
        // class after the first separator, and another follows it.
        let messages = [
            "Connected to storage target 4",
            "Client session removed",
            "upstream timed out while reading the response header",
        ];
        let threads = ["main", "worker-2", "pool-3-thread-7", "scheduler"];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "03/14/2026 10:{:02}:00 AM - {} - {} | {}",
                    i % 60,
                    ["info", "warning"][i % 2],
                    threads[i % threads.len()],
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
        // After a separator, a word of varying class and a bracket are a message's (Ansible's
        // `| TASK [name]`, `| ok: [host]`).
        let lines: Vec<String> = (0..60)
            .map(|i| {
                let message = match i % 3 {
                    0 => format!("TASK [role : step {i}] ****"),
                    1 => format!("ok: [web-{i}]"),
                    _ => format!("PLAY [deploy {i}] ****"),
                };
                format!("p={} u=deploy n=ansible | {message}", 4000 + i % 3)
            })
            .collect();
        for (body, line) in run(&lines).iter().zip(&lines).skip(MIN_SAMPLES) {
            assert!(line.ends_with(&format!("| {body}")), "{body}");
        }
    }

    #[test]
    fn a_thread_named_in_angle_brackets_is_a_bracketed_field() {
        // `time level <thread> seq > message`: `<scheduler>` and `<worker-2>` are one class.
        let threads = ["<scheduler>", "<worker-2>", "<pool-3-thread-7>", "<main>"];
        let messages = [
            "worker is now ready",
            "Version: 1.4.2",
            "Pruning old executions",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "10:00:{:02}.000 info {} {} > {}",
                    i % 60,
                    threads[i % 4],
                    500_000 + 3 * i,
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
        // A number in angle brackets is a message's value, not a field (LSF's job ids).
        let lines: Vec<String> = (0..60)
            .map(|i| format!("Job <{}> is submitted to queue <normal>.", 1000 + i))
            .collect();
        assert_eq!(run(&lines), lines);
    }

    #[test]
    fn a_first_field_of_varying_class_before_a_level_and_a_separator_is_header() {
        // `user logger [LVL] : message`, the user a name with digits or without.
        let users = ["admin", "svc-7", "jdoe", "build-2"];
        let messages = [
            "Detecting vulnerabilities...",
            "Scan finished",
            "Skipping 3 files",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| format!("{} acme::ingest [INF] : {}", users[i % 4], messages[i % 3]))
            .collect();
        assert_stripped_to(&lines, &messages);
        // Without the separator, the level may be a message's word after its subject.
        let lines: Vec<String> = (0..60)
            .map(|i| format!("{} acme::ingest [INF] {}", users[i % 4], messages[i % 3]))
            .collect();
        assert_eq!(run(&lines), lines);
    }

    #[test]
    fn a_double_dash_separates_as_a_dash_does() {
        // `time level seq user -- message`, the user a name or `-`.
        let users = ["-", "admin", "jdoe", "-"];
        let messages = [
            "Shard range id renewed",
            "Workflow task timed out",
            "Pruned 4 runs",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "1773482400.000 Info {} {} -- {}",
                    500_000 + 3 * i,
                    users[i % 4],
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
        // One event's words before a double dash stay its own, however often it repeats.
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!("can't find resource with ClaimId (<10.4.0.{i}:9618>) -- perhaps removed?")
            })
            .collect();
        assert_eq!(run(&lines), lines);
    }

    #[test]
    fn a_first_field_of_varying_class_after_a_level_and_before_a_separator_is_header() {
        // `epoch<TAB>Info<TAB>seq<TAB>user -- message`: the header cut by shape held the level;
        // the user (a name with digits or without) before the double dash is header too.
        let users = ["jdoe", "svc-7", "admin", "build-2"];
        let messages = [
            "Detecting vulnerabilities...",
            "Scan finished",
            "Skipping 3 files",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| format!("{} -- {}", users[i % 4], messages[i % 3]))
            .collect();
        let strip = |leveled: bool| {
            let mut learner = HeaderLearner::default();
            lines
                .iter()
                .map(|l| {
                    l[learner.strip(l.as_bytes(), None, None, leveled, None, None)..].to_string()
                })
                .collect::<Vec<_>>()
        };
        for (body, i) in strip(true).iter().zip(0..).skip(MIN_SAMPLES) {
            assert_eq!(body, messages[i % 3]);
        }
        // Without a level before them, such words may be a message's subject.
        assert_eq!(strip(false), lines);
    }

    #[test]
    fn a_name_varies_apart_from_messages_whose_words_carry_glued_structured_text() {
        // `user: Sync assignments","Suggestion":{…}`: a message cut out of a JSON line, its second
        // word glued to values that differ on every line. The word is what the event's lines
        // share; the users, a pool taking turns, vary apart from it.
        let users = ["svc-sync:", "jdoe:", "admin:", "-:"];
        let messages = |i: usize| match i % 3 {
            0 => format!(
                r#"Sync assignments","Suggestion":{{"name":"s{}"}},"count":{}}}"#,
                i,
                i % 7
            ),
            1 => format!(r#"Metrics unavailable","Trial":{{"name":"t{i}"}}}}"#),
            _ => format!(
                r#"Trial succeeded","Trial":{{"name":"t{i}"}},"retry":{}}}"#,
                i % 5
            ),
        };
        let lines: Vec<String> = (0..60)
            .map(|i| format!("{} {}", users[((i * 7919) >> 3) % 4], messages(i)))
            .collect();
        let bodies = run(&lines);
        for (i, body) in bodies.iter().enumerate().skip(SAMPLES) {
            assert_eq!(*body, messages(i), "line {i}");
        }
    }

    #[test]
    fn a_dash_in_a_column_of_names_is_an_empty_field() {
        // `<request> user [level] message`, the user a name or `-` (none logged in).
        let users = ["jdoe", "-", "admin", "svc-sync", "-"];
        let messages = [
            "Detecting vulnerabilities...",
            "Scan finished",
            "Skipping 3 files",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "<req-{:08x}> {} [I] {}",
                    i * 7919,
                    users[i % users.len()],
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
    }

    #[test]
    fn six_fields_and_their_separators_are_learned_whole() {
        // `time | (thread) | LEVEL | [pid:tid] | user | message`: ten tokens of header.
        let threads = ["(main)", "(worker-1)", "(scheduler)"];
        let users = ["admin", "jdoe", "svc-sync"];
        let messages = [
            "Detecting vulnerabilities...",
            "Scan finished",
            "Skipping 3 files",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "10:00:{:02} | {} | INFO | [{}:{}] | {} | {}",
                    i % 60,
                    threads[i % 3],
                    1000 + i % 4,
                    2000 + i % 7,
                    users[i % 3],
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
    }

    #[test]
    fn a_debug_namespace_ends_a_header() {
        let namespaces = [
            "mediasoup:Channel",
            "mediasoup:WARN:Worker",
            "express:router",
        ];
        let messages = [
            "request() [method:worker.createRouter]",
            "close()",
            "dispatching",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| format!("{} {}", namespaces[i % 3], messages[(i / 3) % 3]))
            .collect();
        for (body, i) in run(&lines).iter().zip(0..).skip(MIN_SAMPLES) {
            assert_eq!(body, messages[(i / 3) % 3]);
        }
        // A cache key is a message's value, whatever it is named.
        let lines: Vec<String> = (0..60)
            .map(|i| format!("get cfg:feature_flags user:{i}:profile"))
            .collect();
        assert_eq!(run(&lines), lines);
    }

    #[test]
    fn a_client_before_a_quoted_request_is_the_message_s() {
        // loguru's `time | LEVEL | name:function:line - message`, the messages mostly uvicorn's
        // `client - "GET /path HTTP/1.1" 200`: the client varies in class (an address, a
        // name) and a dash follows it, but it is no header field.
        let clients = [
            "10.0.0.54:45030",
            "web-proxy",
            "172.18.0.1:49419",
            "gateway",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                let message = if i % 10 == 9 {
                    "get_all_models() - {}".to_string()
                } else {
                    format!("{} - \"GET /api/v{i} HTTP/1.1\" 200 - {{}}", clients[i % 4])
                };
                format!(
                    "19:13:{:02}.527 | INFO     | uvicorn.protocols.http:send:476 - {message}",
                    i % 60
                )
            })
            .collect();
        let bodies = run(&lines);
        for (body, line) in bodies.iter().zip(&lines).skip(MIN_SAMPLES) {
            assert!(line.ends_with(&format!(":476 - {body}")), "{body}");
        }
    }

    #[test]
    fn a_field_of_varying_class_before_a_separator_is_header() {
        // BeeGFS: `(level) date time thread [component] >> message`, thread names with and
        // without digits.
        let messages = MESSAGES;
        let threads = ["Worker9", "TimerWork", "DirectWorker1", "XNodeSync"];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "({}) Dec1{} 08:43:{:02} {} [NodeConn (acquire stream)] >> {}",
                    i % 4,
                    i % 9,
                    i % 60,
                    threads[i % threads.len()],
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
        // A message's arrows are no separator: words before them stay the message's (the slot's
        // name before them varies apart from the event: a value, see `named_by_colon`).
        let lines: Vec<String> = (0..60)
            .map(|i| format!("slot1_{i}: Changing activity: {} -> Idle", threads[i % 4]))
            .collect();
        // Once the layout is learned, each message is the line after its slot's name.
        for (i, (body, line)) in run(&lines).iter().zip(&lines).enumerate() {
            let message = &line[line.find(' ').map_or(0, |s| s + 1)..];
            if i >= SAMPLES {
                assert_eq!(body, message);
            } else {
                assert!(body == line || body == message, "{body}");
            }
        }
    }

    #[test]
    fn a_field_of_varying_class_before_fields_and_a_separator_is_header() {
        // `time pid LEVEL thread [user] host | msg`: the thread's class varies (`main`,
        // `worker-2`), and fields stand between it and the separator.
        let threads = ["main", "worker-2", "scheduler", "pool-3-thread-7"];
        let users = ["admin", "jdoe", "svc-sync"];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "10:00:{:02} 5823 INFO {} [{}] node-{} | {}",
                    i % 60,
                    threads[i * 7 % 4],
                    users[i * 5 % 3],
                    i * 3 % 4,
                    MESSAGES[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &MESSAGES);
        // A bracket after such a field is no separator: it may be the message's (`TASK [x]`).
        // (The thread is a column of its own there: half its names hold digits.)
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "10:00:{:02} 5823 INFO {} [{}] {}",
                    i % 60,
                    threads[i * 7 % 4],
                    users[i * 5 % 3],
                    MESSAGES[i % 3]
                )
            })
            .collect();
        for (body, line) in run(&lines).iter().zip(&lines).skip(SAMPLES) {
            assert!(
                line.ends_with(body.as_str()) && body.contains('['),
                "{body}"
            );
        }
    }

    #[test]
    fn a_column_s_odd_value_of_another_class_still_fills_it() {
        // Worker threads named with digits, now and then `main`: its lines have the header too.
        // A bare message among them (a line of a stack trace, say) has none.
        let lines: Vec<String> = (0..60)
            .map(|i| match i % 20 {
                13 => format!("Caused by a worker {i} restart"),
                7 => format!("10:00:{:02} main INFO : {}", i % 60, MESSAGES[i % 3]),
                _ => format!(
                    "10:00:{:02} worker-{} INFO : {}",
                    i % 60,
                    i % 4,
                    MESSAGES[i % 3]
                ),
            })
            .collect();
        for (body, (i, line)) in run(&lines)
            .iter()
            .zip(lines.iter().enumerate())
            .skip(SAMPLES)
        {
            if i % 20 == 13 {
                assert_eq!(body, line);
            } else {
                assert_eq!(body, MESSAGES[i % 3]);
            }
        }
    }

    #[test]
    fn a_clock_closed_by_a_colon_ends_the_header() {
        // Zigbee2MQTT: `Zigbee2MQTT:info  2026-03-14 10:00:08: msg`; CS2's `L 03/14/2026 -
        // 10:00:08: msg`.
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "Zigbee2MQTT:info  2026-03-14 10:00:{:02}: {}",
                    i % 60,
                    MESSAGES[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &MESSAGES);
        let lines: Vec<String> = (0..60)
            .map(|i| format!("L 03/14/2026 - 10:00:{:02}: {}", i % 60, MESSAGES[i % 3]))
            .collect();
        assert_stripped_to(&lines, &MESSAGES);
    }

    #[test]
    fn a_field_of_varying_class_closed_later_ends_the_header_at_that_separator_only() {
        // The thread's class varies, and so does the word after its bracket: the separator
        // after that word is not reached, so the bracket does not end the header either (it
        // may be the message's).
        let threads = ["main", "worker-2", "scheduler", "pool-3-thread-7"];
        let words = ["alpha", "beta7"];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "10:00:{:02} 5823 INFO {} [ctx] {} | {}",
                    i % 60,
                    threads[i * 7 % 4],
                    words[i % 2],
                    MESSAGES[i % 3]
                )
            })
            .collect();
        for (body, line) in run(&lines).iter().zip(&lines).skip(SAMPLES) {
            assert!(
                body.contains("[ctx]") && line.ends_with(body.as_str()),
                "{body}"
            );
        }
    }

    #[test]
    fn a_pool_of_names_right_before_the_message_is_header() {
        // `time pid LEVEL | host msg`: no separator after the host, but a few hosts take turns
        // there whatever the message.
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "10:00:{:02} 5823 INFO | node-{} {}",
                    i % 60,
                    i * 7 % 4,
                    MESSAGES[i % 3]
                )
            })
            .collect();
        assert_learned_to(&lines, &MESSAGES);
        // A message opening with an id (a new one on every line) keeps it.
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "10:00:{:02} 5823 INFO | job-{i} {}",
                    i % 60,
                    MESSAGES[i % 3]
                )
            })
            .collect();
        for (body, i) in run(&lines).iter().zip(0..).skip(SAMPLES) {
            assert_eq!(body, &format!("job-{i} {}", MESSAGES[i % 3]));
        }
        // Nor do two words taking turns (`ipv4`, `ipv6`): they may name the event.
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "10:00:{:02} 5823 INFO | ipv{} {}",
                    i % 60,
                    4 + i * 7 % 2 * 2,
                    MESSAGES[i % 3]
                )
            })
            .collect();
        for (body, line) in run(&lines).iter().zip(&lines).skip(SAMPLES) {
            assert!(body.starts_with("ipv"), "{line}");
        }
    }

    #[test]
    fn a_pool_of_hosts_right_after_a_time_is_header() {
        // `time host msg`: nothing learned before the host and no level, but the time found by
        // its shape anchors the column as a level does.
        let hosts = ["node-12", "db-3", "gw01", "node-07"];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                let (host, message) = (hosts[i * 7 % 4], MESSAGES[i % 3]);
                format!("2026-03-14 10:00:{:02}.{i:06} {host} {message}", i % 60)
            })
            .collect();
        for (body, i) in run_detected(&lines).iter().zip(0..).skip(SAMPLES) {
            assert_eq!(body, MESSAGES[i % 3]);
        }
        // Without a time before them, the names open the messages: nothing anchors a header.
        let bare: Vec<String> = lines.iter().map(|l| l[27..].to_string()).collect();
        for (body, line) in run_detected(&bare).iter().zip(&bare) {
            assert_eq!(body, line);
        }
    }

    #[test]
    fn two_pools_in_a_row_before_the_message_are_header() {
        // `time (INF) thread user msg`: the threads judged against the message after the users.
        let threads = [
            "main",
            "worker-1",
            "pool-3-thread-7",
            "worker-2",
            "scheduler",
        ];
        let users = ["jdoe", "-", "admin", "svc-sync"];
        let line = |i: usize, user: &str| {
            let thread = threads[i * 7 % 5];
            let message = MESSAGES[i % 3];
            format!(
                "2026-03-14 10:00:{:02} (INF) {thread} {user} {message}",
                i % 60
            )
        };
        let lines: Vec<String> = (0..60).map(|i| line(i, users[i * 3 % 4])).collect();
        for (body, i) in run_detected(&lines).iter().zip(0..).skip(SAMPLES) {
            assert_eq!(body, MESSAGES[i % 3]);
        }
        // A new id after the threads is the message's: neither is taken.
        let lines: Vec<String> = (0..60).map(|i| line(i, &format!("job-{i}"))).collect();
        for (body, i) in run_detected(&lines).iter().zip(0..).skip(SAMPLES) {
            assert!(
                body.ends_with(&format!("job-{i} {}", MESSAGES[i % 3])),
                "{body}"
            );
        }
    }

    #[test]
    fn a_pool_of_users_empty_on_some_lines_right_before_the_message_is_header() {
        // `[time] [I] [seq] user msg`, the user `-` when there is none: names without digits are
        // a column when some lines leave it empty.
        let users = ["jdoe", "admin", "-", "svc-sync"];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "[I] [{}] {} {}",
                    500_000 + i * 3,
                    users[i * 7 % 4],
                    MESSAGES[i % 3]
                )
            })
            .collect();
        assert_learned_to(&lines, &MESSAGES);
        // Without an empty value, words taking turns are a message's (`Unit state changed`
        // beside `Component state changed`).
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "[I] [{}] {} {}",
                    500_000 + i * 3,
                    users[i * 7 % 4].replace('-', "guest"),
                    MESSAGES[i % 3]
                )
            })
            .collect();
        for (body, line) in run(&lines).iter().zip(&lines).skip(SAMPLES) {
            assert!(!MESSAGES.contains(&body.as_str()), "{line}");
        }
    }

    #[test]
    fn a_pool_of_threads_most_holding_digits_right_before_the_message_is_header() {
        // `time INFO prog[pid] host <component> thread msg`: Java's and Go's thread names, most
        // with a number (`worker-1`, `pool-3-thread-7`), some without (`main`, `scheduler`),
        // taking turns whatever the message; the names without digits are the column's too.
        let threads = [
            "main",
            "worker-1",
            "pool-3-thread-7",
            "scheduler",
            "http-nio-8080-exec-4",
            "worker-2",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "INFO | {} {}",
                    threads[(i * 5 + i / 4) % threads.len()],
                    MESSAGES[i % 3]
                )
            })
            .collect();
        assert_learned_to(&lines, &MESSAGES);
    }

    #[test]
    fn a_pool_of_dotted_names_right_before_the_message_is_header() {
        // `{INF} sched.planner msg`: modules' paths taking turns whatever the message, some
        // of one word (`main`, `auth`).
        let modules = [
            "main",
            "store.cache",
            "sched.planner",
            "auth",
            "ingest.worker",
            "net.server",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "{{INF}} {} {}",
                    modules[(i * 5 + i / 4) % 6],
                    MESSAGES[i % 3]
                )
            })
            .collect();
        assert_learned_to(&lines, &MESSAGES);
    }

    #[test]
    fn a_pool_of_rust_module_paths_right_before_the_message_is_header() {
        // `time seq notice acme::ingest msg`: Rust's `tracing` targets taking turns, some of
        // one word (`sched`, `acme`); a name closed by a colon (`main:`) is none of them.
        let targets = [
            "acme::ingest",
            "sched",
            "auth::tokens",
            "acme",
            "store::cache",
            "acme::net::server",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "{} notice {} {}",
                    500_000 + i * 3,
                    targets[(i * 5 + i / 4) % 6],
                    MESSAGES[i % 3]
                )
            })
            .collect();
        assert_learned_to(&lines, &MESSAGES);
        let leading = leading(b"acme::net main: a::b: c", MAX_POSITIONS);
        let names = leading.names(b"acme::net main: a::b: c");
        assert_eq!((names.names, names.dotted), (0b1001, 0b0001));
    }

    #[test]
    fn a_pool_of_hosts_before_records_of_pairs_is_header() {
        // `time INF <thread> host msg`, sendmail's records after the host: their values (queue
        // ids, addresses, sizes) differ on every line, so they open alike by their keys only.
        let hosts = ["node-07", "gw01", "db-3", "node-12"];
        let people = [
            "ana", "bogdan", "chen", "dara", "emil", "femi", "gus", "hana", "ivo", "jon", "kai",
        ];
        let who = |i: usize, k: usize| people[(i * i * (k + 3) + k * i + k) % 11];
        let message = |i: usize| match i % 3 {
            0 => format!(
                "from=<{}@example.org>, by={}, via={}",
                who(i, 0),
                who(i, 1),
                who(i, 2)
            ),
            1 => format!(
                "to=<{}@example.net>, ctladdr={}, stat={}",
                who(i, 0),
                who(i, 1),
                who(i, 2)
            ),
            _ => format!(
                "relay={}.example.com, auth={}, mech={}",
                who(i, 0),
                who(i, 1),
                who(i, 2)
            ),
        };
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "10:00:{:02} INF <worker-{}> {} {}",
                    i % 60,
                    i % 5,
                    hosts[i / 3 % 4],
                    message(i)
                )
            })
            .collect();
        for (i, body) in run(&lines).iter().enumerate().skip(SAMPLES) {
            assert_eq!(*body, message(i));
        }
    }

    #[test]
    fn a_pool_of_hosts_agreeing_on_pairs_as_often_as_by_chance_is_header() {
        // `[time] Info host msg`, four hosts drawn at random and eight events: of the pairs of
        // lines of one event in the first window, 14 hold different hosts and 10 the same,
        // short of two to one; but any two lines hold the same host about as often (62 of 276
        // pairs), as a message's own word would not.
        let events = [
            "Deleting file backup of client",
            "Starting scheduled incremental backup",
            "Backing up volume with snapshot",
            "Indexing of volume done",
            "Loading file list for client",
            "Calculating file tree differences",
            "Linking unchanged and loading new files",
            "Error getting complete file from client",
        ];
        let hosts = ["node-12", "db-3", "gw01", "node-07"];
        let lines: Vec<String> = (0..64)
            .map(|i| {
                format!(
                    "INFO | {} {}",
                    hosts[(287 * i * i + 41 * i) % 97 % 4],
                    events[i % 8]
                )
            })
            .collect();
        for ((body, line), i) in run(&lines).iter().zip(&lines).zip(0..).skip(SAMPLES) {
            assert_eq!(body, events[i % 8], "{line}");
        }
    }

    /// Each line's message as the miner reads it: the header [`header::detect`] finds cut, the
    /// fields after its level passed to the learner with the body.
    fn run_detected(lines: &[String]) -> Vec<String> {
        let mut learner = HeaderLearner::default();
        lines
            .iter()
            .map(|l| {
                let line = l.as_bytes();
                let header = header::detect(line);
                let (body, after) = match AfterLevel::of(&header) {
                    Some((from, after)) => (&line[from..], Some(after)),
                    None => (header.body(line), None),
                };
                let timed = header.timestamp.as_ref().map(|_| header.program.is_some());
                let leveled = header.level.is_some();
                let start = learner.strip(body, after, None, leveled, None, timed);
                String::from_utf8_lossy(&body[start..]).into_owned()
            })
            .collect()
    }

    /// Writes 60 lines, line `i` the header `header(i)` then `MESSAGES[i % 3]`, runs them as the
    /// miner does ([`run_detected`]) and asserts each from the line the layout is learned on is
    /// stripped to its message (the lines before are placed again by the miner).
    fn assert_detected_to_messages(header: impl Fn(usize) -> String) {
        let lines: Vec<String> = (0..60)
            .map(|i| format!("{}{}", header(i), MESSAGES[i % 3]))
            .collect();
        for (body, i) in run_detected(&lines).iter().zip(0..).skip(SAMPLES) {
            assert_eq!(body, MESSAGES[i % 3], "{}", lines[i]);
        }
    }

    #[test]
    fn a_keyed_number_closed_by_a_colon_ends_the_header() {
        // `time\tseq\t(acmed[1148])\tinfo\tpid=1037: msg`: the tab-separated fields end where
        // one holds a space, the keyed pid before the message is the learner's to take.
        assert_detected_to_messages(|i| {
            format!(
                "2026-03-14T10:00:{:02}Z\t{}\tinfo\tpid={}: ",
                i % 60,
                500_000 + i * 3,
                1000 + i % 6 * 37
            )
        });
    }

    #[test]
    fn a_keyed_name_closed_by_a_colon_ends_the_header() {
        // `[time] {thread} [info] 1185 user=admin: msg`, a user or `-` taking turns.
        let users = ["admin", "-", "jdoe", "svc-sync"];
        let threads = ["main", "worker-1", "scheduler"];
        assert_detected_to_messages(|i| {
            format!(
                "[Sat Mar 14 10:00:{:02} 2026] {{{}}} [info] {} user={}: ",
                i % 60,
                threads[i * 7 % 3],
                1000 + i % 6 * 37,
                users[i * 5 % 4]
            )
        });
        // A call's value is no name: `msg=audit(…):` stays a field of the message.
        assert!(!is_keyed_field_closed_by_colon(
            b"msg=audit(1796717360.821:73824):"
        ));
        assert!(is_keyed_field_closed_by_colon(b"user=-:"));
    }

    #[test]
    fn a_thread_s_number_glued_to_its_subsystem_is_a_bracketed_field() {
        // strongSwan's charon behind syslog: `… charon[1889]: 06[IKE] msg`.
        let groups = ["IKE", "NET", "ENC", "CFG"];
        assert_detected_to_messages(|i| {
            format!(
                "Dec 17 07:58:{:02} vpn-gw-01 charon[1889]: {:02}[{}] ",
                i % 60,
                i * 7 % 16,
                groups[i % 4]
            )
        });
    }

    #[test]
    fn a_lower_case_program_and_its_pid_without_a_colon_end_the_header() {
        // `2026-03-14 02:00:00 burp[1185] msg`: a program and its pid after the time, no colon.
        assert_detected_to_messages(|i| {
            format!(
                "2026-03-14 02:00:{:02} burp[{}] ",
                i % 60,
                1000 + i % 5 * 37
            )
        });
    }

    #[test]
    fn fields_after_the_level_few_lines_have_stay_in_the_samples_until_judged() {
        // `[time] Info host msg`, a few messages opening with a client's name and a colon: the
        // detector reads `gw01 build-win2:` as a context and a logger after the level. Until the
        // source's lines judge them (not header: few lines have them), the learner samples such
        // a line's body from where the others' start, so that the hosts line up as a column.
        let hosts = ["node-12", "db-3", "gw01", "node-07"];
        let message = |i: usize| match i % 4 {
            0 => format!(
                "{}: Loading file list",
                ["build-win2", "srv-files01"][i % 8 / 4]
            ),
            _ => MESSAGES[i % 3].to_string(),
        };
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "[{}] Info {} {}",
                    1_773_482_400 + i * 7,
                    hosts[(i * i + 3 * i) % 23 % 4],
                    message(i)
                )
            })
            .collect();
        for ((body, line), i) in run_detected(&lines)
            .iter()
            .zip(&lines)
            .zip(0..)
            .skip(SAMPLES)
        {
            if i % 4 != 0 {
                assert_eq!(body, &message(i), "{line}");
            }
        }
    }

    #[test]
    fn a_field_named_by_its_key_before_a_separator_is_header() {
        // `req=ea52d651dc99cd68 | msg` beside `req=- | msg`: the request's id is a number or a
        // word, its key the same on every line.
        let lines: Vec<String> = (0..60)
            .map(|i| {
                let request = match i % 4 {
                    1 => "-".to_string(),
                    _ => format!(
                        "{:016x}",
                        0x9e37_79b9_7f4a_7c15_u64.wrapping_mul(i as u64 + 1)
                    ),
                };
                format!("req={request} | {}", MESSAGES[i % 3])
            })
            .collect();
        assert_learned_to(&lines, &MESSAGES);
    }

    #[test]
    fn a_keyed_number_counts_as_a_record_s_number_before_its_time() {
        // `| pid=1037 | [Info] | {node-12} | main: 1780368673.473 msg`: a record's fields end with
        // its Unix time when one of them holds a number, written `pid=1037` here.
        let hosts = ["node-12", "db-3", "gw01", "node-07"];
        let loggers = ["main:", "store.cache:", "ingest.worker:"];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "| pid={} | [Info] | {{{}}} | {} {}.{:03} {}",
                    1000 + i * 37 % 4,
                    hosts[i * 7 % 4],
                    loggers[i % 3],
                    1_780_368_673 + i * 4,
                    i * 131 % 1000,
                    MESSAGES[i % 3]
                )
            })
            .collect();
        assert_learned_to(&lines, &MESSAGES);
    }

    #[test]
    fn a_pool_of_hosts_varies_apart_from_messages_opening_with_ids() {
        // `[time] Info host [C430077] new stream`: an event's ids and counts differ on each of
        // its lines, so that no two of them open alike, word for word; their words without
        // digits do.
        let hosts = ["node-12", "db-3", "gw01", "node-07"];
        let message = |i: usize| match i % 3 {
            0 => format!(
                "[C{}] closing data_to_write={} type=1",
                4000 + i * 37,
                i * 13
            ),
            1 => format!("conn{} closed after {} bytes", i * 7, 100 + i),
            _ => format!("stream{} reset code={}", i * 3, i % 5),
        };
        let lines: Vec<String> = (0..60)
            .map(|i| format!("INFO | {} {}", hosts[(i * i + i) % 19 % 4], message(i)))
            .collect();
        for ((body, line), i) in run(&lines).iter().zip(&lines).zip(0..).skip(SAMPLES) {
            assert_eq!(body, &message(i), "{line}");
        }
    }

    #[test]
    fn a_counter_right_before_the_message_is_header() {
        // `time pid LEVEL | seq msg` and `… | host seq msg`: a record's sequence number grows
        // from line to line, whatever the message.
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "10:00:{:02} 5823 INFO | {} {}",
                    i % 60,
                    500_000 + i * 3,
                    MESSAGES[i % 3]
                )
            })
            .collect();
        assert_learned_to(&lines, &MESSAGES);
        let hosts = ["node-12", "db-3", "gw01", "node-07"];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "10:00:{:02} 5823 INFO | {} {} {}",
                    i % 60,
                    hosts[i * 7 % 4],
                    500_000 + i * 3,
                    MESSAGES[i % 3]
                )
            })
            .collect();
        assert_learned_to(&lines, &MESSAGES);
        // A message's own leading number (a size, a count) does not grow line after line.
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "10:00:{:02} 5823 INFO | {} {}",
                    i % 60,
                    i * 7919 % 1000,
                    MESSAGES[i % 3]
                )
            })
            .collect();
        for (body, i) in run(&lines).iter().zip(0..).skip(SAMPLES) {
            assert_eq!(body, &format!("{} {}", i * 7919 % 1000, MESSAGES[i % 3]));
        }
    }

    #[test]
    fn dashes_right_before_a_separator_are_a_column_s_empty_values() {
        // `user ; notice: msg`, the user `-` on half the lines: two separators never follow each
        // other, so the dash is the user's empty field.
        let users = ["-", "admin", "-", "jdoe"];
        let lines: Vec<String> = (0..60)
            .map(|i| format!("{} ; notice: {}", users[i % 4], MESSAGES[i % 3]))
            .collect();
        assert_learned_to(&lines, &MESSAGES);
    }

    #[test]
    fn a_pool_of_four_names_at_random_varies_apart_though_pairs_share_some() {
        // `INFO | host: msg`, four hosts drawn at random: a pair of lines of one event holds the
        // same host now and then (55 pairs differ, 29 agree in the first window here), which
        // two tags taking turns (`MQT:`, `WIF:`) do about as often as not.
        let hosts = ["node-12", "db-3", "gw01", "node-07"];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "INFO | {}: {}",
                    hosts[(i * i + i) % 19 % 4],
                    MESSAGES[i % 3]
                )
            })
            .collect();
        assert_learned_to(&lines, &MESSAGES);
    }

    #[test]
    fn a_name_closed_by_a_colon_before_a_value_varies_apart_from_the_message() {
        // multipathd: `mpatha: 8:16 tur checker reports path is down`: the map's name, then the
        // path's device (a value, another on each line), then the event's words.
        let events = [
            "tur checker reports path is down",
            "tur checker reports path is up",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "mpath{}: 8:{} {}",
                    ["a", "b", "c", "d"][i * 7 % 4],
                    i * 16,
                    events[i % 2]
                )
            })
            .collect();
        for (body, line) in run(&lines).iter().zip(&lines).skip(SAMPLES) {
            assert_eq!(body, &line[line.find(' ').map_or(0, |s| s + 1)..]);
        }
    }

    #[test]
    fn a_column_of_hex_counters_is_a_column_of_numbers() {
        // `ipmitool sel elist`: a record id in hex (`a`, `1f`, `bb`), a date and a time, then the
        // sensor and its event, all set apart by ` | `.
        let events = [
            "Fan FAN3 | Lower Critical going low | Asserted",
            "Memory DIMM_B2 | Correctable ECC | Asserted",
            "Power Supply PS1 | AC lost | Deasserted",
        ];
        let lines: Vec<String> = (1..61)
            .map(|i| {
                format!(
                    "{:>4x} | 03/14/2026 | 00:{:02}:{:02} | {}",
                    i * 11 % 256,
                    i % 60,
                    i * 7 % 60,
                    events[i % 3]
                )
            })
            .collect();
        for (body, i) in run(&lines).iter().zip(1..).skip(MIN_SAMPLES) {
            assert_eq!(body, events[i % 3]);
        }
        // A session's id in six hex digits, now and then of letters only (`ecbbfc`), as
        // Atlassian's `%X{jira.request.assession.id}` writes it.
        let lines: Vec<String> = (0..60)
            .map(|i| {
                let id = if i % 20 == 7 {
                    "ecbbfc".to_string()
                } else {
                    format!("{:06x}", 0x5f29ca + i * 0x1f3)
                };
                format!("{id} | {}", MESSAGES[i % 3])
            })
            .collect();
        assert_stripped_to(&lines, &MESSAGES);
    }

    #[test]
    fn a_level_in_angle_brackets_ends_a_header() {
        // conmon under syslog: its name, the container's id, `<ndebug>:` or `<nwarn>:`.
        let messages = [
            "Accepted connection 23",
            "terminal_ctrl_fd: 12",
            "Failed to open cgroups file: /sys/fs/cgroup/memory.events",
        ];
        let levels = ["<ndebug>:", "<ndebug>:", "<nwarn>:"];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "conmon f8ddf578deae76c2ec{:02} {} {}",
                    i,
                    levels[i % 3],
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
    }

    #[test]
    fn a_level_in_braces_after_a_thread_of_varying_class_ends_the_header() {
        // `time thread {INF} -- msg`, the time cut by `header::detect`: the thread `main` or
        // `worker-2`, its class varying, is taken before the level in braces and the dashes
        // after it.
        let threads = [
            "scheduler",
            "worker-1",
            "main",
            "pool-3-thread-7",
            "worker-2",
        ];
        let levels = ["{INF}", "{INF}", "{WRN}"];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "{} {} -- {}",
                    threads[i * 7 % 5],
                    levels[i % 3],
                    MESSAGES[i % 3]
                )
            })
            .collect();
        assert_learned_to(&lines, &MESSAGES);
    }

    #[test]
    fn a_group_in_braces_closed_by_a_colon_after_the_level_is_header() {
        // `time {INFO } {pid/tid}: msg`: the level padded in braces, then the process and
        // thread in braces and a colon.
        let levels = ["{INFO }", "{INFO }", "{ERROR}"];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "14/Mar/2026:10:00:{:02} +0000 {} {{{}/{}}}: {}",
                    i % 60,
                    levels[i % 3],
                    1000 + i * 37 % 4,
                    2000 + i * 13 % 40,
                    MESSAGES[i % 3]
                )
            })
            .collect();
        assert_learned_to(&lines, &MESSAGES);
    }

    #[test]
    fn a_module_path_in_angle_brackets_is_a_bracketed_field() {
        assert_eq!(class(b"<acme::net::server>"), BRACKET);
        assert_eq!(class(b"<acme>"), BRACKET);
    }

    #[test]
    fn a_client_in_parentheses_closed_by_a_colon_ends_a_header() {
        // ProFTPD: host, daemon and pid, server name, then the client and its address.
        let messages = [
            "control connection accepted",
            "USER alice: Login successful.",
            "FTP session closed.",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "ftp01 proftpd[{}] ftp01.example.com (ws-{i}.corp.example.net[10.20.1.{i}]): {}",
                    26000 + i,
                    messages[i % 3]
                )
            })
            .collect();
        assert_stripped_to(&lines, &messages);
    }

    #[test]
    fn a_context_of_one_name_on_a_third_of_the_level_lines_is_header() {
        // `INFO [orders|task-0] Committing …` beside `INFO 3690: HELO …`: a task's context on
        // some lines.
        let body = b"[orders|task-0] Committing offsets";
        let with = AfterLevel {
            groups: 0,
            logger: 16,
            logger_end: 16,
            dashes: 16,
            message: 16,
            shape: 1,
            first_end: 0,
            first_spaced: false,
        }
        .with_first_group(body);
        assert_eq!((with.first_end, with.first_spaced), (16, false));
        let without = AfterLevel {
            logger: 0,
            logger_end: 0,
            dashes: 0,
            message: 0,
            first_end: 0,
            ..with
        };
        let judge = |first: AfterLevel| {
            let mut rule = AfterLevelRule::default();
            for i in 0..SAMPLES {
                rule.count(if i % 5 < 3 { first } else { without });
            }
            rule.skip(first)
        };
        assert_eq!(judge(with), 16);
        // Groups of words on as many lines (`[GroupCoordinator 3]:`) stay the message's.
        let words = AfterLevel {
            logger: 22,
            logger_end: 22,
            dashes: 22,
            message: 22,
            ..with
        }
        .with_first_group(b"[GroupCoordinator 3]: Preparing to rebalance");
        assert!(words.first_spaced);
        assert_eq!(judge(words), 0);
        // One word (`[sshd]`, a jail) is the message's subject.
        let word = AfterLevel {
            logger: 7,
            logger_end: 7,
            dashes: 7,
            message: 7,
            ..with
        }
        .with_first_group(b"[sshd] Ban 10.0.0.7");
        assert!(word.first_spaced);
        assert_eq!(judge(word), 0);
        // A context, then a client's group of words: the context only.
        let both = AfterLevel {
            logger: 40,
            logger_end: 40,
            dashes: 40,
            message: 40,
            ..with
        }
        .with_first_group(b"[orders|task-0] [Consumer clientId=c-1] Resetting offset");
        assert_eq!(judge(both), 16);
    }

    #[test]
    fn an_access_record_with_a_url_has_no_learned_header() {
        // Every field is stable in class up to the ` - ` after the URL; a URL or a quoted
        // request is never header, so the whole record stays the message.
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "{} 10.0.{}.{} TCP_MISS/{} {} GET http://mirror.test/pool/{:x}.deb - HIER_DIRECT/10.1.0.{} text/html",
                    i * 37 % 900 + 1,
                    i % 7,
                    i % 250,
                    200 + i % 5,
                    i * 7919,
                    i * 104_729,
                    i % 9
                )
            })
            .chain((0..60).map(|i| {
                format!("10.0.0.{i} - - \"GET /item/{i} HTTP/1.1\" 200 {} - curl/8.{i}", i * 31)
            }))
            .collect();
        assert_eq!(run(&lines), lines);
    }

    #[test]
    fn a_record_of_tab_separated_columns_has_no_header() {
        let kinds = [
            "dns_unmatched_reply",
            "possible_split_routing",
            "bad_HTTP_request",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "C{i:03}xYz\t10.0.0.{i}\t5{i:03}\t10.0.1.{i}\t53\t{}\t-\tF\tworker-{}\tDNS",
                    kinds[i % 3],
                    i % 4
                )
            })
            .collect();
        assert_eq!(run(&lines), lines);
    }

    #[test]
    fn an_optional_header_field_is_learned_up_to_the_level_word() {
        let messages = [
            "connection received: host=h1",
            "checkpoint starting: time",
            "disk full",
        ];
        let lines: Vec<String> = (0..60)
            .map(|i| {
                let who = if i % 3 == 0 { "" } else { "alice@shop " };
                let level = ["LOG:", "ERROR:", "FATAL:"][i % 3];
                format!("[{}] {who}{level}  {}", 100 + i, messages[i % 3])
            })
            .collect();
        let bodies = run(&lines);
        for (body, i) in bodies.iter().zip(0..).skip(MIN_SAMPLES) {
            assert_eq!(body, messages[i % 3], "line {i}");
        }
    }

    #[test]
    fn relearns_when_the_format_changes() {
        let mut lines: Vec<String> = (0..40)
            .map(|i| format!("app - WARNING - disk {i} full"))
            .collect();
        lines.extend((0..80).map(|i| format!("[worker-{i}] INFO job done")));
        let bodies = run(&lines);
        assert_eq!(bodies[30], "disk 30 full");
        assert_eq!(bodies[119], "job done");
    }
}
