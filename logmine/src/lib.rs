//! Online log template miner.
//!
//! Turns a stream of raw log lines (for example `docker logs` output of unknown format) into a
//! bounded set of templates with counts, severities, first/last seen and redacted examples, in one
//! pass, with no per-source configuration.
//!
//! # Algorithm
//!
//! Each line goes through these steps (4 and 5 only when its shape is new):
//!
//! 1. **Header**: a JSON, logfmt or klog-structured line (at the start or behind a header) is
//!    read by its fields: the message and the names of the other fields are mined (which fields
//!    a line holds tells its call site), the level field gives the severity, the values stay out.
//!    Otherwise ([`header`]) a leading
//!    timestamp, level word, pid, thread and logger name are recognised by shape and split off
//!    (syslog priorities, access logs, glog/klog, tab-separated fields too); then the header
//!    layout learned for the stream from its first lines takes off what shape did not know:
//!    leading positions whose token class is stable on nearly every line and that end at a
//!    separator, level or bracket group. Lines mined before the layout was learned are merged into
//!    their right templates, and the layout is learned anew when most lines stop matching. The
//!    level feeds the template's severity (`FATAL`, `PANIC`, `CRITICAL`, `EMERG` are
//!    [`Severity::Fatal`]); a lower-case one with a colon (`panic: …`) stays in the message.
//! 2. **Masking** ([`mask`]): the body is split on whitespace and every token is rewritten so that
//!    variable parts become `<*>` — anything holding a digit (numbers, hex, IPs, ports, UUIDs, ids
//!    such as `blk_-42` → `blk_<*>`), paths, URLs, host names, dates, numbers with units, quoted
//!    strings of several words holding a number — and runs of `<*>` collapse. Brackets, quotes
//!    and closing punctuation around a value stay (`(attempt <*>)`). A JSON object in the text
//!    (Monolog's context, zap's console fields) keeps its keys with every value a `<*>`
//!    (`inline_json.rs`), as a Ruby hash of fields does. The result is the line's *shape*.
//! 3. **Lookup**: the shape's 64-bit fingerprint is looked up in a hash map of known shapes (the
//!    hot path: one hash, one probe). On a miss, templates with the same token count and the same
//!    first token (or a variable first token) are checked position by position, a `<*>` in the
//!    template matching anything. If none matches, a new template is created.
//! 4. **Position variability** (the step that finds variables the masker cannot see, such as user
//!    names): for each new template and each position `p`, the miner keys "all tokens except `p`".
//!    When at least `variable_min_distinct` (3) templates share that key with different tokens at
//!    `p`, position `p` is a variable: they merge into one template with `<*>` at `p` (bare
//!    upper-case words and `key=value` tokens need one value more; `[YELLOW]` does not). A new template with a variable
//!    also absorbs older ones that hold a word in that slot. Two values
//!    are not enough, because pairs such as `view`/`modify` or `opened`/`closed` are usually
//!    distinct events; three or more words in the same slot of an otherwise identical line are
//!    usually values. This is the online counterpart of Brain's per-column frequency analysis and
//!    of Drain's similarity merge, without a similarity threshold to tune. The words of a slot
//!    that became a variable are remembered as the stream's values: two of them in one slot
//!    (`(root) CMD` / `(www-data) CMD`) are enough, whichever came first.
//! 5. **Reasons** (`clause.rs`): templates sharing a head of constant words up to a `word:` and
//!    ending in different phrases (`…connection: Too many open files` / `…: Connection reset by
//!    peer`, any length) merge into the head and one `<*>`. Likewise a phrase in brackets or
//!    quotes, or after a `key:` up to a `,` (`span.rs`: `(Got timeout reading packets)` /
//!    `(Broken pipe)`), becomes one `<*>` when the templates are equal outside it. Value words
//!    that vary together (`db: 'shop' user: 'ivan'`, `user=… database=…`) are found by keying
//!    pairs of positions, and `key=value` tokens by their family (tokens cut to `key=`), with
//!    the thresholds of step 4.
//! 6. **Text** (`slots.rs`): a template's text is written from what its lines hold in each
//!    position: `<*>` where they differ, keeping keys, id kinds, units and punctuation around
//!    the value (`uid=<*>`, `blk_<*>`, `<*>ms`, `(attempt <*>)`).
//! 7. **Digest** ([`Miner::templates_by_text`]): templates of the same severity whose texts came
//!    out equal (made apart because their shapes differed, `{es-hot-0}{30997…}` against
//!    `{es-warm-0}{77f8…}`) are one entry, counts summed: a reader cannot tell them apart. So is
//!    a template that another with more lines stretches over (a reason after a colon, a
//!    delimited value or, for a line or two, a bare variable taking several of its tokens),
//!    templates of one length that differ only in word columns each holding enough values
//!    (`columns.rs`: three words varying at once never leave two templates equal but for one),
//!    templates whose reasons stand between a two-word head and a shared trailer, records of
//!    ` | ` fields whose first fields are four phrases or more before one trailer, a template
//!    whose first token a frame covers (`DHCPREQUEST(br-lan)` beside `DHCPREQUEST(<*>)`), and
//!    templates that differ only inside values (`{id=pg-cdc-0}` beside `{id=mysql-cdc-0}`, or
//!    `mount <*>` beside `mount <*> <*>` when their lines hold as many words: the masker wrote a
//!    name with digits and the value after it as one), or in one word written as a value
//!    (`routing type ANYCAST` beside `MULTICAST`, templates holding a variable: the pair the
//!    miner joins when the two words meet in one slot, which they may never do). A group's text
//!    is its oldest template's, with `<*>` where members of its length write other words
//!    (`UPS [eaton5p]` beside `UPS [rackapc]` reads `UPS [<*>]`).
//!
//! Merges keep ids stable: the absorbed template's id redirects to the survivor
//! ([`Miner::resolve`]).
//!
//! # Repeated shapes
//!
//! Most lines repeat an earlier line's shape with other numbers in it. Steps 1 and 2 keep their
//! results for the last few hundred shapes (a few thousand for a source that keeps coming back
//! to more), keyed by the line (for masking, the body) with every digit written `0`: header
//! detection and masking read whether a byte is a digit, never which one, save for the numbers
//! a rule tests (a minute below 60, a month, a syslog priority's severity, an HTTP status
//! code's first digit), whose answers each entry keeps and a line must repeat
//! (`header_cache.rs`, `mask_cache.rs`). The results are those of detecting and masking
//! anew; their tests hold the rules to it on every corpus line with its digits changed.
//!
//! # Bounded memory
//!
//! At most [`MinerConfig::max_templates`] templates live at once. When a new template is needed
//! and the cap is reached, the miner evicts an approximately least-frequently-used one: it samples
//! eight templates and drops the one with the fewest lines (ties: least recently seen). Evicted
//! lines are counted in [`Digest::evicted_lines`]. Shape caches, merge evidence and id redirects
//! are capped in proportion to `max_templates`. Each line costs at most
//! [`MinerConfig::max_line_bytes`] bytes of work, whatever its length.
//!
//! # Example
//!
//! ```
//! use cyberbrain_logmine::{Miner, MinerConfig};
//!
//! let mut miner = Miner::new(MinerConfig::default());
//! for (user, uid) in [("alice", 1000), ("bob", 1001), ("carol", 1002)] {
//!     let line = format!("2024-05-01T10:00:00Z INFO session opened for user {user} by (uid={uid})");
//!     miner.add_line(line.as_bytes(), None);
//! }
//! let digest = miner.digest(10);
//! assert_eq!(digest.templates.len(), 1);
//! assert_eq!(digest.templates[0].template, "session opened for user <*> by (uid=<*>)");
//! ```

#![forbid(unsafe_code)]

mod clause;
mod closed;
mod columns;
pub mod digest;
mod digit_blind;
pub mod eval;
mod few;
mod fingerprint;
pub mod fuzz;
mod gap;
pub mod header;
mod header_cache;
mod inline_json;
pub mod journal_export;
mod learn;
pub mod mask;
mod mask_cache;
mod miner;
mod quoted;
pub mod redact;
mod runs;
mod slots;
mod span;
mod structured;
mod template;

use serde::{Deserialize, Serialize};

pub use digest::{Digest, DigestTemplate};
pub use journal_export::{ExportAssembler, JournalRecord};
pub use miner::{Miner, MinerConfig};
pub use template::{Template, TemplateId};

/// Severity of a template, from the level in the line header or, without one, from words such as
/// `fatal`, `panic`, `error`, `exception`, `fail` and `warn`.
///
/// Also the severity in task results (`cyberbrain_tasks` re-exports it), which the controller
/// stores as JSON: the serde names (`fatal`, `error`, `warn`, `info`, `debug`, `unknown`) must not
/// change. The order is most severe first, as [`Severity::rank`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The process or system cannot go on: `FATAL`, `PANIC`, `CRITICAL`, `ALERT`, `EMERG`.
    Fatal,
    /// Errors and failures.
    Error,
    /// Warnings.
    Warn,
    /// Informational messages (`INFO`, `NOTICE`).
    Info,
    /// Debug and trace messages.
    Debug,
    /// No level and no telling words.
    Unknown,
}

impl Severity {
    /// Whether two templates' severities allow one event: equal, or one unknown (a line without
    /// a level, whose severity the other's words then only guess at: `Login aborted (auth
    /// failed, …)`).
    pub(crate) fn same_event(self, other: Severity) -> bool {
        self == other || self == Severity::Unknown || other == Severity::Unknown
    }

    /// Sort rank, most severe first (`Fatal` = 0).
    pub fn rank(self) -> u8 {
        match self {
            Severity::Fatal => 0,
            Severity::Error => 1,
            Severity::Warn => 2,
            Severity::Info => 3,
            Severity::Debug => 4,
            Severity::Unknown => 5,
        }
    }

    /// True for `Error` and the more severe `Fatal`: what counts as an error line.
    pub fn is_error(self) -> bool {
        matches!(self, Severity::Fatal | Severity::Error)
    }

    /// Lowercase name for reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Fatal => "fatal",
            Severity::Error => "error",
            Severity::Warn => "warn",
            Severity::Info => "info",
            Severity::Debug => "debug",
            Severity::Unknown => "unknown",
        }
    }

    /// The more severe of two severities.
    pub fn more_severe(self, other: Severity) -> Severity {
        if other.rank() < self.rank() {
            other
        } else {
            self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Severity;

    const ALL: [Severity; 6] = [
        Severity::Fatal,
        Severity::Error,
        Severity::Warn,
        Severity::Info,
        Severity::Debug,
        Severity::Unknown,
    ];

    /// Task results holding severities are stored as JSON: these names are a storage format.
    #[test]
    fn severities_serialise_under_their_stored_names() {
        for severity in ALL {
            let json = serde_json::to_string(&severity).expect("serialises");
            assert_eq!(json, format!("\"{}\"", severity.as_str()));
            let back: Severity = serde_json::from_str(&json).expect("deserialises");
            assert_eq!(back, severity);
        }
        let names: Vec<_> = ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            names,
            ["fatal", "error", "warn", "info", "debug", "unknown"]
        );
    }

    #[test]
    fn the_order_is_most_severe_first() {
        for (a, b) in ALL.iter().zip(&ALL[1..]) {
            assert!(a < b && a.rank() < b.rank(), "{a:?} before {b:?}");
            assert_eq!(a.more_severe(*b), *a);
            assert_eq!(b.more_severe(*a), *a);
        }
    }
}
