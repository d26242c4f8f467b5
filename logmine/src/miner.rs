//! The miner: shape cache, template store, position-variability merging and eviction.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::Severity;
use crate::clause;
use crate::closed::closed_set;
use crate::columns;
use crate::few::Few;
use crate::fingerprint::{BuildPrehashed, FingerprintMap, finish, folds, mix_bytes, mix_word};
use crate::gap;
use crate::header;
use crate::header_cache::HeaderCache;
use crate::learn::{AfterLevel, HeaderLearner, keeps_name, with_name_as_value};
use crate::mask::{self, MaskedLine, WILDCARD};
use crate::mask_cache::MaskCache;
use crate::redact::{KeyBlockPart, PrivateKeyBlocks, REDACTED, redact_part, removed_parts};
use crate::runs;
use crate::slots::SlotText;
use crate::span;
use crate::structured;
use crate::template::{Phrase, Template, TemplateId, keyword_severity};

/// Miner settings. [`MinerConfig::default`] is the configuration that is measured (see
/// `BENCHMARKS.md`) and shipped; nothing in it is tuned per log source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MinerConfig {
    /// Most templates alive at once; beyond it an approximately least-frequently-used template is
    /// evicted. Default 5000.
    pub max_templates: usize,
    /// Example lines kept per template. Default 3.
    pub max_examples: usize,
    /// Example lines are cut to this many bytes (before redaction). Default 512.
    pub max_example_bytes: usize,
    /// Only the first this-many bytes of a line are used for matching. Default 4096.
    pub max_line_bytes: usize,
    /// Only the first this-many tokens of a line are used for matching. Default 256.
    pub max_tokens: usize,
    /// Split a header (timestamp, level, pid, logger) off each line before masking. Default true.
    pub detect_headers: bool,
    /// Distinct tokens needed in one position of otherwise identical templates before that
    /// position is treated as a variable. Default 3.
    pub variable_min_distinct: usize,
    /// Exact shapes cached per template; further shapes are matched by scanning. Default 64.
    pub max_shapes_per_template: usize,
    /// A template seen at most this many times is flagged `rare` in the digest. Default 3.
    pub rare_max_count: u64,
    /// A template first seen within this trailing fraction of the stream is flagged `novel`.
    /// Default 0.1.
    pub novel_fraction: f64,
    /// Burst window when callers supply timestamps, in milliseconds. Default 60 000.
    pub burst_window_ms: i64,
    /// Burst window in lines when they don't. Default 1000.
    pub burst_window_lines: i64,
    /// A template needs at least this many lines to be flagged `burst`. Default 20.
    pub burst_min_count: u64,
    /// ...and at least this fraction of them in one window. Default 0.8.
    pub burst_min_fraction: f64,
}

impl Default for MinerConfig {
    fn default() -> Self {
        Self {
            max_templates: 5000,
            max_examples: 3,
            max_example_bytes: 512,
            max_line_bytes: 4096,
            max_tokens: 256,
            detect_headers: true,
            variable_min_distinct: 3,
            max_shapes_per_template: 64,
            rare_max_count: 3,
            novel_fraction: 0.1,
            burst_window_ms: 60_000,
            burst_window_lines: 1000,
            burst_min_count: 20,
            burst_min_fraction: 0.8,
        }
    }
}

/// Evidence that one position of otherwise identical templates varies.
#[derive(Debug, Default)]
struct VariantSet {
    /// `(fingerprint of the token at the position, template)`, distinct tokens only.
    values: Vec<(u64, TemplateId)>,
    /// Fingerprint of each value's word without its punctuation (`(root)` → `root`), in the
    /// order of `values`: compared with the stream's known values.
    words: Vec<u64>,
    /// Once merged, later templates with this key join the survivor directly.
    merged_into: Option<TemplateId>,
}

/// What [`Miner::follow_merge`] did with a new template.
enum Followed {
    /// The evidence never merged: gather it.
    Unmerged,
    /// The new template joined the survivor.
    Joined(TemplateId),
    /// The new template is the survivor.
    Itself,
    /// The survivor was evicted: the evidence starts anew.
    Gone,
}

/// Templates sharing a clause head (see [`crate::clause`]).
#[derive(Debug, Default)]
struct ClauseSet {
    /// `(tail fingerprint, template)`, distinct tails only.
    tails: Vec<(u64, TemplateId)>,
    /// Once merged, later templates with this head join the survivor directly.
    merged_into: Option<TemplateId>,
    /// Templates that join the survivor when the set merges but are no evidence for it (a name
    /// after the head's preposition that holds a colon of its own, see [`Miner::join_clause`]).
    followers: Vec<TemplateId>,
}

/// Templates whose lines open with one token of a slot: one value the masker dropped, or a name it
/// kept (see [`Miner::join_lead`]).
#[derive(Debug, Default)]
struct LeadSet {
    /// The template whose lines opened with a dropped value.
    dropped: Option<TemplateId>,
    /// Templates whose lines open with a name in the same place.
    named: Vec<TemplateId>,
}

/// Named templates remembered per lead key (see [`LeadSet`]).
const MAX_NAMED_PER_LEAD: usize = 16;

/// Templates equal outside a short undelimited stretch (see [`crate::gap`]).
#[derive(Debug, Default)]
struct GapSet {
    /// Distinct phrases seen in the stretch, with their templates.
    phrases: Few<gap::PhraseSeen>,
    /// Once merged, later templates with this key join the survivor directly.
    merged_into: Option<TemplateId>,
}

/// Templates equal once every `key=value` token is cut to its key (see [`Miner::join_key_family`]).
#[derive(Debug, Default)]
struct KeyFamily {
    /// Members, oldest first (at most [`MAX_TAILS_PER_HEAD`]).
    members: Vec<TemplateId>,
    /// Per position: fingerprints of the distinct values its `key=` held.
    values: Vec<Vec<u64>>,
}

/// Evidence that two positions of otherwise identical templates vary together.
#[derive(Debug, Default)]
struct PairSet {
    /// `(token at the first position, token at the second, template)`, distinct pairs only.
    values: Few<(u64, u64, TemplateId)>,
}

/// Online template miner. See the crate documentation for the algorithm.
#[derive(Debug)]
pub struct Miner {
    config: MinerConfig,
    /// Template storage; `None` marks a free slot.
    slots: Vec<Option<Template>>,
    free_slots: Vec<usize>,
    /// Live template id → slot.
    slot_of: FingerprintMap<u64, usize>,
    /// Exact shape fingerprint → template (the hot path).
    shapes: FingerprintMap<u64, TemplateId>,
    /// (token count, first token) → templates, for matching shapes against generalised templates.
    buckets: FingerprintMap<u64, Vec<TemplateId>>,
    /// "All tokens but position p" → the distinct tokens seen at p.
    variants: FingerprintMap<u64, VariantSet>,
    /// Merged-away id → the id it merged into.
    redirects: FingerprintMap<u64, TemplateId>,
    /// Ids given to single lines mined while their source's header was being learned → their
    /// template, so that each can move to the template the learned header gives it, apart from
    /// the other lines of its early template (see [`Miner::correct_early_lines`]).
    line_ids: FingerprintMap<u64, TemplateId>,
    /// Clause head → the templates with that head and their tails.
    clauses: FingerprintMap<u64, ClauseSet>,
    /// Everything outside a delimited span (see [`crate::span`]) → the templates sharing it.
    span_sets: FingerprintMap<u64, ClauseSet>,
    /// Everything outside an undelimited stretch (see [`crate::gap`]) → the phrases it held.
    gap_sets: FingerprintMap<u64, GapSet>,
    /// "All tokens but positions p and q" → the pairs of tokens seen there.
    pair_variants: FingerprintMap<u64, PairSet>,
    /// The tokens after a line's first (and the punctuation closing it) → the templates whose
    /// first token was a dropped value or a name there.
    leads: FingerprintMap<u64, LeadSet>,
    /// Tokens with each `key=value` cut to `key=` → the templates of that family.
    key_families: FingerprintMap<u64, KeyFamily>,
    /// Words (without punctuation) this stream has used as values: the tokens of a position that
    /// became a variable on [`MinerConfig::variable_min_distinct`] distinct words. A word known
    /// as a value is one elsewhere too, so two of them in one slot are enough.
    value_words: std::collections::HashSet<u64, BuildPrehashed>,
    /// Variant keys holding two words not yet both known as values, checked again when
    /// `value_words` grows (oldest dropped past a cap).
    waiting_pairs: std::collections::VecDeque<u64>,
    /// Set when `value_words` grew since `waiting_pairs` were last checked.
    value_words_grew: bool,
    /// Two quoted words alternating at one position → the variant keys (contexts) where they
    /// did (see [`RECURRING_PAIR_CONTEXTS`]).
    quoted_pairs: FingerprintMap<u64, Vec<u64>>,
    /// Templates whose tail after a clause's head became one value (see [`Miner::join_clause`]).
    clause_survivors: std::collections::HashSet<u64>,
    next_id: u64,
    lines: u64,
    first_timestamp_ms: Option<i64>,
    last_timestamp_ms: Option<i64>,
    evicted_templates: u64,
    evicted_lines: u64,
    /// Fingerprints of the texts of evicted templates (at most [`MAX_EVICTED_TEXTS`]), so that a
    /// template evicted and created again is counted once in [`Miner::distinct_templates`].
    evicted_texts: std::collections::HashSet<u64, BuildPrehashed>,
    /// Evicted templates whose text did not fit in `evicted_texts`.
    evicted_uncounted: u64,
    /// State of the xorshift generator that picks eviction samples; seeded constant so runs repeat.
    sample_state: u64,
    /// Scratch buffer reused for every line.
    masked: MaskedLine,
    /// Masked forms of the bodies seen last, for the lines that repeat one.
    mask_cache: MaskCache,
    /// Headers of recent line shapes (see `header_cache.rs`).
    header_cache: HeaderCache,
    /// Where each stream stands in a multi-line PEM private key (see [`Miner::add_stream_line`]):
    /// its body lines are mined and kept as `[REDACTED]`, never as text.
    key_blocks: Vec<PrivateKeyBlocks>,
    /// Each stream's learned header layout (see [`crate::learn`]).
    learners: Vec<HeaderLearner>,
    /// Survivors of merges made while placing a line, whose clause and lead are tried again
    /// once it is placed (see [`Miner::settle_merged`]).
    unsettled: Vec<TemplateId>,
    /// Whether the line being placed came before its source's header was learned (see
    /// [`HeaderLearner::placed_blind`]) behind one found by shape: a colon in it may end a
    /// header field (`17-Dec 23:05 bacula-dir JobId 7: …`), not a clause head.
    placing_blind: bool,
}

/// The level word within a learned header (`- app - WARNING -`), if any.
fn learned_level(header: &[u8]) -> Option<Severity> {
    header
        .split(|b| b.is_ascii_whitespace())
        .map(|t| t.strip_suffix(b":").unwrap_or(t))
        .map(|t| {
            t.strip_prefix(b"[")
                .and_then(|t| t.strip_suffix(b"]"))
                .unwrap_or(t)
        })
        .find_map(header::level_word)
}

/// Evicted template texts remembered for the distinct count: 8 bytes each and the set's overhead,
/// about 16 MiB at most. Beyond it, evicted templates are counted as distinct.
const MAX_EVICTED_TEXTS: usize = 1 << 20;

/// Secrets remembered per template (see [`Template`]'s `secrets`); a line rarely holds more.
const MAX_SECRETS_PER_TEMPLATE: usize = 16;

/// Merge survivors settled after one line at most (see [`Miner::unsettled`]).
const MAX_UNSETTLED: usize = 8;

/// Distinct tails remembered per clause head (see [`Miner::join_clause`]).
const MAX_TAILS_PER_HEAD: usize = 64;
/// Leading values the masker dropped that the text writes as one (three or more: what is left of
/// a header; one or two, `1234#0: *5`, keep their own structure).
const MIN_LEADING_RUN: usize = 3;

/// Lines of a template whose slots are all compared (see [`Miner::observe_slots`]); after them,
/// one line in [`SLOT_SAMPLE_EVERY`].
const SLOT_FULL_LINES: u64 = 256;
const SLOT_SAMPLE_EVERY: u64 = 8;

/// Fingerprint seed for a bucket key, so bucket keys and shape keys never collide by construction.
const BUCKET_SEED: u64 = 0x6275_636b_6574;
const SHAPE_SEED: u64 = 0x0073_6861_7065;
const TOKEN_SEED: u64 = 0x0074_6f6b_656e;
const TEXT_SEED: u64 = 0x0074_6578_7473;
const LEAD_SEED: u64 = 0x006c_6561_6473;

impl Miner {
    /// Creates a miner. A `max_templates` of 0 is treated as 1.
    pub fn new(mut config: MinerConfig) -> Self {
        config.max_templates = config.max_templates.max(1);
        config.variable_min_distinct = config.variable_min_distinct.max(2);
        Self {
            config,
            slots: Vec::new(),
            free_slots: Vec::new(),
            slot_of: FingerprintMap::default(),
            shapes: FingerprintMap::default(),
            buckets: FingerprintMap::default(),
            variants: FingerprintMap::default(),
            redirects: FingerprintMap::default(),
            line_ids: FingerprintMap::default(),
            clauses: FingerprintMap::default(),
            span_sets: FingerprintMap::default(),
            gap_sets: FingerprintMap::default(),
            key_families: FingerprintMap::default(),
            leads: FingerprintMap::default(),
            pair_variants: FingerprintMap::default(),
            value_words: std::collections::HashSet::default(),
            waiting_pairs: std::collections::VecDeque::new(),
            value_words_grew: false,
            quoted_pairs: FingerprintMap::default(),
            clause_survivors: std::collections::HashSet::default(),
            next_id: 1,
            lines: 0,
            first_timestamp_ms: None,
            last_timestamp_ms: None,
            evicted_templates: 0,
            evicted_lines: 0,
            evicted_texts: std::collections::HashSet::default(),
            evicted_uncounted: 0,
            sample_state: 0x2545_f491_4f6c_dd1d,
            masked: MaskedLine::new(),
            mask_cache: MaskCache::default(),
            header_cache: HeaderCache::default(),
            key_blocks: Vec::new(),
            learners: Vec::new(),
            unsettled: Vec::new(),
            placing_blind: false,
        }
    }

    /// The configuration in use.
    pub fn config(&self) -> &MinerConfig {
        &self.config
    }

    /// Adds one raw line (header included; trailing newline optional) with an optional caller
    /// timestamp in unix milliseconds, and returns an id for the line: the template it joined,
    /// or, for a line mined while its source's header was being learned, an id of its own that
    /// follows it to the template the learned header gives it.
    ///
    /// The returned id stays valid: [`Miner::resolve`] maps it to the live template, after merges
    /// too. Compare resolved ids, not returned ones.
    pub fn add_line(&mut self, line: &[u8], timestamp_ms: Option<i64>) -> TemplateId {
        self.add_stream_line(0, line, timestamp_ms)
    }

    /// Like [`Miner::add_line`], for a line of one of several streams mined together (a
    /// container's standard output and error, say): a private key block that begins on a stream
    /// is followed on that stream only, so a line written meanwhile on another is not taken for
    /// key material, whatever order the streams' lines arrive in.
    pub fn add_stream_line(
        &mut self,
        stream: u8,
        line: &[u8],
        timestamp_ms: Option<i64>,
    ) -> TemplateId {
        let line = without_escapes(line);
        self.add(stream, &line, None, timestamp_ms)
    }

    /// Adds a message whose fields were already read (a journal export record, say): only its
    /// first line is mined, with no header detection, at `level` when known. Examples show it.
    pub fn add_stream_message(
        &mut self,
        stream: u8,
        message: &[u8],
        level: Option<Severity>,
        timestamp_ms: Option<i64>,
    ) -> TemplateId {
        let first_line = message.split(|&b| b == b'\n').next().unwrap_or_default();
        let first_line = &without_escapes(first_line)[..];
        let fields = structured::Fields {
            body: first_line[..first_line.len().min(self.config.max_line_bytes)].to_vec(),
            level,
        };
        self.add(stream, first_line, Some(fields), timestamp_ms)
    }

    fn add(
        &mut self,
        stream: u8,
        line: &[u8],
        read: Option<structured::Fields>,
        timestamp_ms: Option<i64>,
    ) -> TemplateId {
        let line_index = self.lines;
        self.lines += 1;
        if let Some(ts) = timestamp_ms {
            self.first_timestamp_ms = Some(self.first_timestamp_ms.map_or(ts, |f| f.min(ts)));
            self.last_timestamp_ms = Some(self.last_timestamp_ms.map_or(ts, |l| l.max(ts)));
        }
        let line = &line[..line.len().min(self.config.max_line_bytes)];
        let stream = usize::from(stream);
        if self.key_blocks.len() <= stream {
            self.key_blocks
                .resize_with(stream + 1, PrivateKeyBlocks::default);
        }
        if self.learners.len() <= stream {
            self.learners
                .resize_with(stream + 1, HeaderLearner::default);
        }
        let key_part = self.key_blocks[stream].observe(line);
        // Key material is never mined: a body line becomes the placeholder, and the end line loses
        // what precedes its marker (rare, so the allocation does not matter).
        let end_line;
        let line = match key_part {
            KeyBlockPart::Body => REDACTED.as_bytes(),
            KeyBlockPart::Ends => {
                end_line = redact_part(line, key_part);
                end_line.as_bytes()
            }
            KeyBlockPart::Outside | KeyBlockPart::Begins => line,
        };
        let structured = match read {
            // Key material is never mined, even from a message read by its fields: around a
            // key block, the line (already cut) takes the text path.
            Some(fields) if key_part == KeyBlockPart::Outside => Some(fields),
            _ if self.config.detect_headers => structured::parse(line),
            _ => None,
        };
        let mut learning = None;
        // A message whose header ends with a name the source's layout makes a value (`<*>: msg`).
        let named_message: Box<[u8]>;
        self.placing_blind = false;
        // The body behind a cut header, before the learner took fields of it as header too.
        let mut unlearned: &[u8] = &[];
        let (body, level) = match &structured {
            Some(fields) => (&fields.body[..], fields.level),
            None if self.config.detect_headers => {
                let header = self.header_cache.detect(line);
                // The fields after the level go to the learner with the body: whether they are
                // header is the source's to say.
                // So does a bare program's name after the time (`10:00:00 Done: Copying …`).
                let (body, after, program) =
                    match (AfterLevel::of(&header), header.bare_program(line)) {
                        (Some((from, after)), _) => {
                            (line.get(from..).unwrap_or_default(), Some(after), None)
                        }
                        (None, Some(program)) => (
                            line.get(program.start..).unwrap_or_default(),
                            None,
                            header.body_start.checked_sub(program.start),
                        ),
                        (None, None) => (header.body(line), None, None),
                    };
                let learned = self.learners[stream].strip(
                    body,
                    after,
                    header.level_slot,
                    header.level.is_some(),
                    program,
                    header.timestamp.as_ref().map(|_| header.program.is_some()),
                );
                // A line with no header found (a bare message) is no header's remnant either.
                self.placing_blind =
                    body.len() < line.len() && self.learners[stream].placed_blind();
                learning = Some((body, after, learned, program));
                unlearned = body;
                let level = header.level.or_else(|| learned_level(&body[..learned]));
                let end = self.learners[stream].end(body).max(learned);
                let message = match self.learners[stream].named() {
                    Some(name) if name.end < learned && keeps_name(&body[learned..end]) => {
                        named_message = with_name_as_value(body, name.end, end);
                        &named_message[..]
                    }
                    _ => &body[learned..end],
                };
                // An access log behind the header: its request is the message, as on a line
                // of its own.
                let request = header::request_of_access_log(message).unwrap_or(0);
                (&message[request..], level)
            }
            None => (line, None),
        };
        // A structured message after a header (`I1203 10:00:00 6878 kubelet.go:12] "msg" k=v`,
        // a JSON object behind a timestamp): its fields, as when it opens the line.
        let behind_header = match body.first() {
            Some(b'"' | b'{') if structured.is_none() && self.config.detect_headers => {
                structured::parse(body)
            }
            // logfmt behind a syslog header (`crio[811]: time="…" level=info msg="…"`): read
            // whole, before the learner took its first pairs (always there) as header.
            _ if structured.is_none() && structured::opens_with_key(unlearned) => {
                structured::parse(unlearned)
                    .or_else(|| structured::logfmt_record(body))
                    .or_else(|| structured::behind_fields(body))
            }
            // A logfmt record with a message the learned header opened (`[pid.tid] msg="…"`
            // once the learner took `[pid.tid]`): read as on a line of its own.
            _ if structured.is_none()
                && self.config.detect_headers
                && let Some(fields) = structured::logfmt_record(body) =>
            {
                Some(fields)
            }
            // The same after what is left of a header the learner has not taken: a separator on
            // a source's first lines (`INFO | "msg":"…",…`; read as the learned lines will be,
            // the early lines of two events do not meet as text), or fields it leaves to the
            // message (`I acme::ingest "msg":"…",…`, a logger that varies by event).
            _ if structured.is_none() && self.config.detect_headers => {
                structured::behind_fields(body)
            }
            _ => None,
        };
        let hash_values = match behind_header {
            None if structured.is_none() => with_object_values(body),
            _ => None,
        };
        let (body, level) = match (&behind_header, &hash_values) {
            (Some(fields), _) => (&fields.body[..], level.or(fields.level)),
            (None, Some(text)) => (&text[..], level),
            (None, None) => (body, level),
        };
        let mut masked = std::mem::take(&mut self.masked);
        self.mask_cache.mask(
            body,
            self.config.max_line_bytes,
            self.config.max_tokens,
            &mut masked,
        );
        let fingerprint = shape_fingerprint(&masked);
        let id = match self.shapes.get(&fingerprint) {
            Some(&id) => self.mark_dropped_lead(id, &masked, body),
            None => {
                let lead = dropped_lead(&masked, body);
                let placed = self.place_new_shape(&masked, fingerprint, lead);
                // Other templates that merged on the way: their heads and leads may now meet
                // others'. The line's own template was settled already.
                for survivor in std::mem::take(&mut self.unsettled) {
                    if let Some(survivor) = self.resolve(survivor)
                        && survivor != placed
                    {
                        self.settle_merged(survivor);
                    }
                }
                // Merges made while settling are not settled in turn: one round per line
                // keeps the work bounded.
                self.unsettled.clear();
                self.resolve(placed).unwrap_or(placed)
            }
        };
        self.masked = masked;
        // Before the corrections below, which mask other lines into the same buffer.
        self.observe_slots(id, body);
        let mut id = id;
        // The id the caller gets: the template's, or the line's own while it waits to be placed
        // again under the learned header.
        let mut line_id = None;
        if let Some((body, after, start, program)) = learning {
            let own = TemplateId(self.next_id);
            let learner = &mut self.learners[stream];
            if learner.record(own, body, after, start, program) {
                self.next_id += 1;
                if self.line_ids.len() >= self.config.max_templates.saturating_mul(4) {
                    // Lines placed long ago stop resolving; the cap keeps memory bounded.
                    self.line_ids.clear();
                }
                self.line_ids.insert(own.0, id);
                line_id = Some(own);
            }
            let learner = &mut self.learners[stream];
            if let Some(corrections) = learner.take_corrections() {
                if !corrections.moved.is_empty() {
                    self.correct_early_lines(corrections.moved, id);
                }
                self.settle_blind(corrections.blind);
                // They may have merged this line's template into another, or evicted it (the
                // line is then counted with the evicted ones, as its template's lines were).
                match self.resolve(id) {
                    Some(survivor) => id = survivor,
                    None => {
                        self.evicted_lines += 1;
                        return line_id.unwrap_or(id);
                    }
                }
            }
        }

        let config = &self.config;
        // Fields borrowed apart: the configuration is read while the template is written.
        let Some(template) = self
            .slot_of
            .get(&id.0)
            .and_then(|&slot| self.slots[slot].as_mut())
        else {
            // Evicted while the line was placed (or its merges no longer resolve, the redirects'
            // cap having cleared them meanwhile): counted with the evicted lines.
            self.evicted_lines += 1;
            return line_id.unwrap_or(id);
        };
        template.count += 1;
        if template.count == 1 {
            template.first_line = line_index;
        }
        template.last_line = line_index;
        if let Some(ts) = timestamp_ms {
            template.first_timestamp_ms =
                Some(template.first_timestamp_ms.map_or(ts, |f| f.min(ts)));
            template.last_timestamp_ms = Some(template.last_timestamp_ms.map_or(ts, |l| l.max(ts)));
        }
        if let Some(level) = level {
            template.level = Some(template.level.map_or(level, |l| l.more_severe(level)));
        }
        let (now, window) = match timestamp_ms {
            Some(ts) => (ts, config.burst_window_ms.max(1)),
            None => (line_index as i64, config.burst_window_lines.max(1)),
        };
        if template.window_count == 0
            || now < template.window_start
            || now - template.window_start >= window
        {
            template.window_start = now;
            template.window_count = 0;
        }
        template.window_count += 1;
        template.peak_window_count = template.peak_window_count.max(template.window_count);
        let first_line = template.count == 1;
        if template.examples.len() < config.max_examples || first_line {
            let cut = &line[..line.len().min(config.max_example_bytes)];
            let cut = cut.strip_suffix(b"\n").unwrap_or(cut);
            let cut = cut.strip_suffix(b"\r").unwrap_or(cut);
            let example = redact_part(cut, key_part);
            // The template's words come from its first line, whole (not cut): what redaction
            // takes from that line, the template's text must not show.
            let whole = if cut.len() < line.len() && first_line {
                Some((line, redact_part(line, key_part)))
            } else {
                None
            };
            let (original, redacted) = whole
                .as_ref()
                .map_or((cut, example.as_str()), |(l, r)| (*l, r.as_str()));
            if redacted.contains(REDACTED) {
                let original = String::from_utf8_lossy(original);
                for part in removed_parts(&original, redacted) {
                    if template.secrets.len() < MAX_SECRETS_PER_TEMPLATE
                        && !template.secrets.iter().any(|s| s.as_ref() == part)
                    {
                        template.secrets.push(part.into_boxed_str());
                    }
                }
            }
            if template.examples.len() < config.max_examples {
                template.examples.push(example);
            }
        }
        line_id.unwrap_or(id)
    }

    /// Records what the line just masked (`body`) holds in each position of its template.
    fn observe_slots(&mut self, id: TemplateId, body: &[u8]) {
        let raw_tokens = self.masked.raw_tokens();
        let raw_tokens = &raw_tokens[..raw_tokens.len().min(self.config.max_tokens)];
        // Fields borrowed apart: the masked line is read while the template is written.
        let Some(template) = self
            .slot_of
            .get(&id.0)
            .and_then(|&slot| self.slots[slot].as_mut())
        else {
            return;
        };
        // Past its first lines, a template's slots are sampled: the text is settled by then, and
        // comparing every line would cost about a tenth of the miner's time.
        let sampled = template.count < SLOT_FULL_LINES || template.count % SLOT_SAMPLE_EVERY == 0;
        if !sampled && template.slots.is_some() {
            return;
        }
        let origins = self.masked.origins();
        // The masker dropped a leading run of values (what is left of a header): the text writes
        // the run as one value, as it writes any run of values. Only without an
        // aligned phrase, whose positions are counted from the line's start.
        let skipped = match (template.phrase, origins.first()) {
            (Phrase::None, Some(&first)) if first > 0 => first as usize,
            _ => 0,
        };
        let (joined, shifted): (Vec<(usize, usize)>, Vec<u32>);
        let (raw_tokens, origins) = if skipped >= MIN_LEADING_RUN && skipped <= raw_tokens.len() {
            joined = std::iter::once((raw_tokens[0].0, raw_tokens[skipped - 1].1))
                .chain(raw_tokens[skipped..].iter().copied())
                .collect();
            shifted = origins.iter().map(|&o| o + 1 - skipped as u32).collect();
            (&joined[..], &shifted[..])
        } else {
            (raw_tokens, origins)
        };
        let Some(tokens) = template
            .phrase
            .align(raw_tokens, origins, template.tokens.len())
        else {
            return;
        };
        match &mut template.slots {
            Some(slots) => slots.observe(body, &tokens),
            None => {
                // Template positions map onto the line's only where no phrase was aligned.
                let origin =
                    if template.phrase == Phrase::None && origins.len() == template.tokens.len() {
                        origins
                    } else {
                        &[]
                    };
                template.slots = Some(SlotText::new(body, &tokens, origin));
            }
        }
    }

    /// Maps an id returned by [`Miner::add_line`] to the live template it now belongs to, following
    /// merges. `None` when the template was evicted (or the id is unknown, or a line's own id long
    /// forgotten: their map is capped as the redirects are).
    pub fn resolve(&self, id: TemplateId) -> Option<TemplateId> {
        let mut current = self.line_ids.get(&id.0).copied().unwrap_or(id);
        // Redirect chains are short (each merge adds one hop); the bound guards against a cycle
        // that would only come from a bug.
        for _ in 0..64 {
            if self.slot_of.contains_key(&current.0) {
                return Some(current);
            }
            current = *self.redirects.get(&current.0)?;
        }
        None
    }

    /// The live template with this id (after [`Miner::resolve`]).
    pub fn template(&self, id: TemplateId) -> Option<&Template> {
        let id = self.resolve(id)?;
        self.slot_of
            .get(&id.0)
            .and_then(|&slot| self.slots[slot].as_ref())
    }

    /// All live templates, in no particular order.
    pub fn templates(&self) -> impl Iterator<Item = &Template> + '_ {
        self.slots.iter().filter_map(Option::as_ref)
    }

    /// Number of live templates (never more than `max_templates`).
    pub fn template_count(&self) -> usize {
        self.slot_of.len()
    }

    /// Lines added so far.
    pub fn lines(&self) -> u64 {
        self.lines
    }

    /// How many distinct templates the stream held, counting those evicted past the cap, and
    /// whether that is an estimate. It is exact while nothing was evicted (the live templates).
    /// Past the cap, evicted templates are counted by their text, once however often they came
    /// back: an estimate, since a template evicted before it had merged with its variants may be
    /// counted again in its more general form.
    pub fn distinct_templates(&self) -> (u64, bool) {
        if self.evicted_templates == 0 {
            return (self.template_count() as u64, false);
        }
        let live_not_evicted = self
            .templates()
            .filter(|t| !self.evicted_texts.contains(&text_fingerprint(t)))
            .count();
        let count =
            self.evicted_texts.len() as u64 + live_not_evicted as u64 + self.evicted_uncounted;
        (count, true)
    }

    pub(crate) fn stream_bounds(&self) -> (Option<i64>, Option<i64>) {
        (self.first_timestamp_ms, self.last_timestamp_ms)
    }

    pub(crate) fn eviction_stats(&self) -> (u64, u64) {
        (self.evicted_templates, self.evicted_lines)
    }

    /// The live template with this id, to change (no redirect followed; see [`Miner::get`]).
    fn get_mut(&mut self, id: TemplateId) -> Option<&mut Template> {
        self.slot_of
            .get(&id.0)
            .and_then(|&slot| self.slots[slot].as_mut())
    }

    /// The live template with this id (no redirect followed).
    fn get(&self, id: TemplateId) -> Option<&Template> {
        self.slot_of
            .get(&id.0)
            .and_then(|&slot| self.slots[slot].as_ref())
    }

    /// A line of a known shape whose first value the masker dropped, in a template made from
    /// lines that had none there (a source's first lines, whose leading name was taken as
    /// header until the source showed it was not): the template learns the mark, and names
    /// that open other lines of it join it as they would have (see [`Miner::join_lead`]).
    /// Returns the live template.
    #[inline]
    fn mark_dropped_lead(
        &mut self,
        id: TemplateId,
        masked: &MaskedLine,
        body: &[u8],
    ) -> TemplateId {
        // Most lines drop no value: that is known before the template is looked up.
        let Some(mark) = dropped_lead(masked, body) else {
            return id;
        };
        if self.get(id).is_none_or(|t| t.dropped_lead.is_some()) {
            return id;
        }
        if let Some(template) = self.get_mut(id) {
            template.dropped_lead = Some(mark);
        }
        self.join_lead(id, Some(mark)).unwrap_or(id)
    }

    /// Lines mined before their source's header was learned kept header fields in their
    /// templates: each line moves to the template it gets under the learned header (it has an id
    /// of its own, see [`Miner::line_ids`]), and each early template joins the one most of its
    /// lines went to.
    /// `current` is the template of the line being added, not counted yet.
    fn correct_early_lines(
        &mut self,
        corrections: Vec<(TemplateId, Box<[u8]>, Range<usize>)>,
        current: TemplateId,
    ) {
        let mut masked = std::mem::take(&mut self.masked);
        let mut moves: Vec<(TemplateId, TemplateId)> = Vec::new();
        let mut placed = Vec::new();
        // Templates a corrected line went to with a leading value the masker still dropped.
        let mut leads_dropped: Vec<TemplateId> = Vec::new();
        for (old, body, range) in corrections {
            let body = body.get(range).unwrap_or_default();
            let body = &body[header::request_of_access_log(body).unwrap_or(0)..];
            // Read much as the later lines' messages are: a structured message behind the header
            // by its fields, a hash's or an object's values as values (not logfmt behind a
            // syslog program, which needs the unlearned body).
            let rewritten = match body.first() {
                Some(b'"' | b'{') => structured::parse(body),
                _ => structured::logfmt_record(body).or_else(|| structured::behind_fields(body)),
            }
            .map(|fields| fields.body)
            .or_else(|| with_object_values(body));
            let body = rewritten.as_deref().unwrap_or(body);
            mask::mask_into(
                body,
                self.config.max_line_bytes,
                self.config.max_tokens,
                &mut masked,
            );
            let fingerprint = shape_fingerprint(&masked);
            let lead = dropped_lead(&masked, body);
            let new = match self.shapes.get(&fingerprint) {
                Some(&id) => id,
                None => self.place_new_shape(&masked, fingerprint, lead),
            };
            placed.push(new);
            if lead.is_some() {
                leads_dropped.extend(self.resolve(new));
            }
            if let (Some(from), Some(to)) = (self.resolve(old), self.resolve(new)) {
                moves.push((from, to));
                // A line with an id of its own moves alone, whatever the other lines of its
                // early template do (two events a header hid in one template part again).
                if from != to && self.line_ids.contains_key(&old.0) {
                    self.move_line(from, to);
                    self.line_ids.insert(old.0, to);
                }
            }
        }
        self.masked = masked;
        // An early template whose lines now go to different templates (the same event seen with
        // different values before they merged, or two events a header hid) joins the one most of
        // its lines go to: left alone, it would keep the header in its text and split its event.
        let mut chosen: Vec<(TemplateId, TemplateId, usize)> = Vec::new();
        for &(old, new) in &moves {
            let lines = moves.iter().filter(|&&m| m == (old, new)).count();
            match chosen.iter_mut().find(|c| c.0 == old) {
                Some(c) if c.2 < lines => *c = (old, new, lines),
                Some(_) => {}
                None => chosen.push((old, new, lines)),
            }
        }
        for &(old, new, _) in &chosen {
            // An early template whose lines come back to it without the leading value the
            // masker dropped from them: a header field the learned layout now takes (hosts of
            // several kinds, `db-3` beside `gw01`, written `<*>`; a thread's id that a layout
            // tried on the first lines left, `1037:2008`, whether or not the template marked
            // the drop). Its text loses that position where the rest reads as its tokens do.
            if old == new
                && let Some(kept) = self.resolve(old)
                && !leads_dropped.contains(&kept)
                && let Some(template) = self.get_mut(kept)
                && let Some(slots) = template
                    .slots
                    .as_ref()
                    .and_then(|slots| slots.without_leading_position(&template.tokens))
            {
                template.slots = Some(slots);
                template.dropped_lead = None;
            }
            if old != new
                && let (Some(old), Some(new)) = (self.resolve(old), self.resolve(new))
                && old != new
            {
                // Its lines' tokens still held header fields: they say nothing of the text.
                if let Some(template) = self.get_mut(old) {
                    template.slots = None;
                }
                self.absorb(new, old);
            }
        }
        // A template made for a minority of an early template's lines (which stayed where the
        // majority went), or for the lines of an evicted one, holds no line: it goes (its shape
        // makes it again when a line has it).
        let current = self.resolve(current);
        for new in placed {
            if let Some(new) = self.resolve(new)
                && Some(new) != current
                && self.get(new).is_some_and(|t| t.count == 0)
            {
                self.drop_empty(new);
            }
        }
    }

    /// Counts one line of template `from` with template `to` instead.
    fn move_line(&mut self, from: TemplateId, to: TemplateId) {
        if let Some(template) = self.get_mut(from) {
            template.count = template.count.saturating_sub(1);
        }
        if let Some(template) = self.get_mut(to) {
            template.count += 1;
        }
    }

    /// Templates of lines placed before their source's header was known joined no clause then
    /// (see [`Miner::placing_blind`]): now that it is, they may.
    fn settle_blind(&mut self, blind: Vec<TemplateId>) {
        self.placing_blind = false;
        for id in blind {
            if let Some(id) = self.resolve(id) {
                self.settle_merged(id);
            }
        }
    }

    /// Removes a live template that holds no line (not an eviction: nothing is lost).
    fn drop_empty(&mut self, id: TemplateId) {
        let Some(slot) = self.slot_of.remove(&id.0) else {
            return;
        };
        let Some(template) = self.slots[slot].take() else {
            return;
        };
        self.free_slots.push(slot);
        for fingerprint in &template.shapes {
            if self.shapes.get(fingerprint) == Some(&template.id) {
                self.shapes.remove(fingerprint);
            }
        }
        self.remove_from_bucket(template_bucket_key(&template), template.id);
    }

    /// A shape not in the cache: match it against generalised templates, else create a template.
    /// `dropped` is the closing mark of the one leading value the masker dropped from the line
    /// (see [`dropped_lead`]).
    fn place_new_shape(
        &mut self,
        masked: &MaskedLine,
        fingerprint: u64,
        dropped: Option<u8>,
    ) -> TemplateId {
        if let Some(id) = self.find_matching_template(masked) {
            self.cache_shape(fingerprint, id);
            return id;
        }
        let tokens: Vec<Box<[u8]>> = masked.tokens().map(Box::from).collect();
        let id = self.create_template(tokens);
        if let Some(template) = self.get_mut(id) {
            template.dropped_lead = dropped;
        }
        self.cache_shape(fingerprint, id);
        // Joined another template: placed. Took names in: placed like any new template.
        if let Some(survivor) = self.join_lead(id, dropped)
            && survivor != id
        {
            return survivor;
        }
        if let Some(survivor) = self.join_clause(id) {
            // Its head's words vary like any template's (`Rejected REGISTER|INVITE from …: <*>`).
            self.record_variants(survivor);
            let survivor = self.resolve(survivor).unwrap_or(survivor);
            return self.rejoin_lead(survivor);
        }
        if let Some(survivor) = self.join_spans(id).or_else(|| self.join_gaps(id)) {
            // Its positions are new: their variability is recorded as any new template's.
            self.record_variants(survivor);
            let survivor = self.resolve(survivor).unwrap_or(survivor);
            // And with its pairs: two slots of it may vary together, as in any template.
            let survivor = self.record_pair_variants(survivor).unwrap_or(survivor);
            return self.settle_merged(survivor);
        }
        self.absorb_covered(id);
        self.record_variants(id);
        let id = self.resolve(id).unwrap_or(id);
        let id = self.join_key_family(id).unwrap_or(id);
        let id = self.record_pair_variants(id).unwrap_or(id);
        let id = self.settle_merged(id);
        // A merge may have made its text equal to another's outside a span.
        match self.join_spans(id) {
            Some(survivor) => {
                self.record_variants(survivor);
                self.resolve(survivor).unwrap_or(survivor)
            }
            None => id,
        }
    }

    /// The masker drops a value opening a line (`php8.3-fpm.service: Main process exited`, a
    /// `10.0.0.7:443` before the message) but keeps a name that holds no digit
    /// (`node-exporter.service: …`, `localhost:<*> …`): the same event then has two templates, one
    /// a token longer. A template whose lines opened with one dropped value and a template whose
    /// first token is a name (see [`is_name_lead`]) closed by the same mark, equal after it, are
    /// one event: the name joins the template of the dropped values, whose lead the masker has
    /// already judged a value. Returns the survivor when `id` joined or was joined.
    fn join_lead(&mut self, id: TemplateId, dropped: Option<u8>) -> Option<TemplateId> {
        if self.leads.len() > self.config.max_templates.saturating_mul(8) {
            // Evidence, like the variant sets: forgetting it only delays merges.
            self.leads.clear();
        }
        let template = self.get(id)?;
        let (rest, mark) = match dropped {
            Some(mark) => (&template.tokens[..], mark),
            None => {
                let first = template.tokens.first()?;
                if template.tokens.len() < 2 || !may_lead_for_a_value(first) {
                    return None;
                }
                (&template.tokens[1..], closing_mark(first))
            }
        };
        let rest_len = rest.len();
        let key = rest
            .iter()
            .fold(mix_word(LEAD_SEED, u64::from(mark)), |state, token| {
                mix_word(state, mix_bytes(TOKEN_SEED, &variable_kind(token)))
            });
        let key = finish(mix_word(key, rest_len as u64));
        let known = self.leads.get(&key).and_then(|entry| entry.dropped);
        let known = known.and_then(|d| self.resolve(d)).or_else(|| {
            dropped
                .is_none()
                .then(|| self.covering_dropped(rest, mark))
                .flatten()
        });
        let entry = self.leads.entry(key).or_default();
        if dropped.is_none() && entry.named.len() < MAX_NAMED_PER_LEAD {
            entry.named.push(id);
        }
        let target = match (dropped, known) {
            (_, Some(target)) => target,
            (Some(_), None) => {
                entry.dropped = Some(id);
                id
            }
            (None, None) => return None,
        };
        let mut joined = Vec::new();
        for other in std::mem::take(&mut entry.named) {
            if let Some(other) = self.resolve(other)
                && other != target
                && !joined.contains(&other)
                && self
                    .get(other)
                    .is_some_and(|t| t.tokens.len() == rest_len + 1)
            {
                self.absorb(target, other);
                joined.push(other);
            }
        }
        // `id` joined, or took others in.
        (joined.contains(&id) || (target == id && !joined.is_empty())).then_some(target)
    }

    /// A template whose lines opened with a dropped value closed by `mark` and that covers
    /// `rest` (its dropped-value lines joined others and generalised before this name came).
    fn covering_dropped(&self, rest: &[Box<[u8]>], mark: u8) -> Option<TemplateId> {
        let first = rest.first().map(|t| &t[..]).unwrap_or(&[]);
        [
            bucket_key(rest.len(), first),
            bucket_key(rest.len(), WILDCARD),
        ]
        .iter()
        .filter_map(|k| self.buckets.get(k))
        .flatten()
        .copied()
        .find(|&id| {
            self.get(id)
                .is_some_and(|t| t.dropped_lead == Some(mark) && covers(&t.tokens, rest))
        })
    }

    /// A merge may have made a template's head one whose tail is already a value (`<*> lost
    /// connection: <*>` once `oakheart` and `Quartzfox` became `<*>`), or one that other
    /// templates share with other tails (`Servlet [<*>] in context [<*>] threw …`), and its
    /// first token a variable where other lines of the event opened with a value the masker
    /// dropped. Returns the live template.
    fn settle_merged(&mut self, id: TemplateId) -> TemplateId {
        let id = match self.join_clause(id) {
            Some(survivor) => {
                self.record_variants(survivor);
                self.resolve(survivor).unwrap_or(survivor)
            }
            None => id,
        };
        self.rejoin_lead(id)
    }

    /// [`Miner::join_lead`] for a template that merged: its tokens changed, and with them the key
    /// its lead is known by. Returns the live template.
    fn rejoin_lead(&mut self, id: TemplateId) -> TemplateId {
        let dropped = self.get(id).and_then(|t| t.dropped_lead);
        self.join_lead(id, dropped).unwrap_or(id)
    }

    /// Two value words of one message often vary together (`db: 'shop' user: 'ivan'`, `group
    /// billing in state Stable`), so few templates are equal but for one of them and the
    /// evidence of [`Miner::record_variants`] never builds up. This keys "all tokens but p and
    /// q" for each pair of word positions: when the templates sharing that key hold enough
    /// distinct words at p *and* at q (the same thresholds as for one position), or every
    /// combination of two or more values at each (they vary independently, which two events'
    /// words never do), both are variables and the templates merge. Returns the survivor when
    /// `id` merged.
    fn record_pair_variants(&mut self, id: TemplateId) -> Option<TemplateId> {
        /// Word positions paired, at most: the pairs grow with its square.
        const MAX_PAIRED: usize = 16;
        let template = self.get(id)?;
        let len = template.tokens.len();
        let token_hashes: Vec<u64> = template
            .tokens
            .iter()
            .map(|t| mix_bytes(TOKEN_SEED, t))
            .collect();
        // A first token in brackets or quotes (`[Front Door: <*> - …]`) opens a name, as it
        // does for one position (see `Miner::record_variants_once`).
        let opens_quoted_or_bracketed = template
            .tokens
            .first()
            .and_then(|t| t.first())
            .is_some_and(|&b| matches!(b, b'"' | b'(' | b'['));
        // Three constant tokens besides the pair anchor the template, or two around it.
        let constants: Vec<bool> = (0..len).map(|i| !template.is_wildcard(i)).collect();
        let constant_count = constants.iter().filter(|&&c| c).count();
        if constant_count < 4 {
            return None;
        }
        // Words, `key=value` tokens and the first token among them: those only by the
        // independence rule below (by count, their values tell events apart more often than not).
        let positions: Vec<usize> = (0..len)
            .filter(|&i| {
                let token = &template.tokens[i];
                !template.is_wildcard(i) && has_letters(token) && !mask::is_field_list(token)
            })
            .take(MAX_PAIRED)
            .collect();
        let free: Vec<bool> = template.tokens.iter().map(|t| is_free_word(t)).collect();
        let closed: Vec<bool> = template
            .tokens
            .iter()
            .map(|t| closed_set(t).is_some())
            .collect();
        if positions.len() < 2 {
            return None;
        }
        let past_tense: Vec<bool> = template
            .tokens
            .iter()
            .map(|t| is_past_tense_verb(t))
            .collect();
        let needed = self.config.variable_min_distinct;
        // suffix[i] folds the tokens from i on, right to left.
        let (prefix, suffix) = folds(&token_hashes, SHAPE_SEED ^ 0x7061, SHAPE_SEED ^ 0x7173);
        if self.pair_variants.len() > self.config.max_templates.saturating_mul(16) {
            self.pair_variants.clear();
        }
        let mut keys = Vec::with_capacity(positions.len() * (positions.len() - 1) / 2);
        for (a, &p) in positions.iter().enumerate() {
            // Tokens before p, then those between p and q as q moves right, then those after
            // q, with the two positions marked: O(1) a pair.
            let mut between = mix_word(prefix[p], ((len as u64) << 20) | p as u64);
            let mut next = p + 1;
            for &q in &positions[a + 1..] {
                for &h in &token_hashes[next..q] {
                    between = mix_word(between, h);
                }
                next = q;
                let state = mix_word(mix_word(between, 0x7171 ^ q as u64), suffix[q + 1]);
                keys.push((p, q, finish(state)));
            }
        }
        // With one anchor besides the pair it must stand on both sides: words that end the line
        // after a single anchor name the event (`program interrupt: illegal instruction`).
        let framed = |p: usize, q: usize| {
            constant_count >= 5
                || ((0..p).any(|i| constants[i]) && (q + 1..len).any(|i| constants[i]))
        };
        for (p, q, key) in keys {
            if !framed(p, q) {
                continue;
            }
            {
                let set = self.pair_variants.entry(key).or_default();
                let (hp, hq) = (token_hashes[p], token_hashes[q]);
                if set.values.iter().any(|&(x, y, _)| x == hp && y == hq) {
                    continue;
                }
                if set.values.len() >= 64 {
                    continue;
                }
                set.values.push((hp, hq, id));
                let mut firsts: Vec<u64> = set.values.iter().map(|v| v.0).collect();
                let mut seconds: Vec<u64> = set.values.iter().map(|v| v.1).collect();
                firsts.sort_unstable();
                firsts.dedup();
                seconds.sort_unstable();
                seconds.dedup();
                // Or both vary, each independently of the other: two values each, in all four
                // pairs (`from [RED] to [GREEN]`, `from [YELLOW] to [YELLOW]`, …).
                // Every pair seen: nested values (`frontend fe_main`, `backend be_api`) are not.
                // A verb in the past tense (`added`, `deleted`) says what happened: the event's
                // word, however the other position's values combine with it.
                let independent = firsts.len() >= 2
                    && seconds.len() >= 2
                    && set.values.len() == firsts.len() * seconds.len()
                    && !past_tense[p]
                    && !past_tense[q];
                // The first token names the event more often: only by independence.
                // A closed set's words are values at two (`GET`/`POST` beside two handlers).
                let enough = |i: usize, held: usize| held >= if closed[i] { 2 } else { needed };
                let by_count = (p > 0 || closed[p] || opens_quoted_or_bracketed)
                    && free[p]
                    && free[q]
                    && enough(p, firsts.len())
                    && enough(q, seconds.len());
                if by_count || independent {
                    let members: Vec<TemplateId> = set.values.iter().map(|v| v.2).collect();
                    set.values.clear();
                    return self.merge_group(&members);
                }
            }
        }
        None
    }

    /// Several `key=value` tokens of one message often vary together (`user=… database=…
    /// application_name=…`), so few templates are equal but for one of them and the evidence of
    /// [`Miner::record_variants`] never builds up. Templates equal once each `key=value` is cut
    /// to its key form a family; a key whose values in the family reach the enum-like threshold
    /// ([`MinerConfig::variable_min_distinct`] + 1) is a variable, and members equal but for
    /// such keys merge. Returns the survivor when `id` merged.
    fn join_key_family(&mut self, id: TemplateId) -> Option<TemplateId> {
        let template = self.get(id)?;
        let tokens = template.tokens.clone();
        let key_of = |t: &[u8]| -> Option<usize> {
            let at = t.iter().position(|&b| b == b'=')?;
            let key_ok = at > 0
                && t[..at]
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
                && t[..at].iter().any(u8::is_ascii_alphabetic);
            (key_ok && at + 1 < t.len() && !mask::is_field_list(t)).then_some(at + 1)
        };
        let cuts: Vec<Option<usize>> = tokens.iter().map(|t| key_of(t)).collect();
        if cuts.iter().filter(|c| c.is_some()).count() < 2 {
            return None;
        }
        let family_key = finish(tokens.iter().zip(&cuts).fold(
            mix_word(SHAPE_SEED ^ 0x6b76, tokens.len() as u64),
            |state, (t, cut)| mix_bytes(state, &t[..cut.unwrap_or(t.len())]),
        ));
        if self.key_families.len() > self.config.max_templates.saturating_mul(4) {
            self.key_families.clear();
        }
        let needed = self.config.variable_min_distinct + 1;
        let family = self.key_families.entry(family_key).or_default();
        if family.values.len() != tokens.len() {
            family.values = vec![Vec::new(); tokens.len()];
        }
        for (p, cut) in cuts.iter().enumerate() {
            if let Some(cut) = *cut
                && !mask::contains_wildcard(&tokens[p][cut..])
            {
                let value = mix_bytes(TOKEN_SEED, &tokens[p][cut..]);
                let seen = &mut family.values[p];
                if !seen.contains(&value) && seen.len() < 64 {
                    seen.push(value);
                }
            }
        }
        if !family.members.contains(&id) {
            if family.members.len() >= MAX_TAILS_PER_HEAD {
                family.members.remove(0);
            }
            family.members.push(id);
        }
        let variable: Vec<bool> = (0..tokens.len())
            .map(|p| cuts[p].is_some() && family.values[p].len() >= needed)
            .collect();
        if !variable.iter().any(|&v| v) {
            return None;
        }
        let members = family.members.clone();
        let mut group = vec![id];
        for other in members {
            let Some(other) = self.resolve(other) else {
                continue;
            };
            if group.contains(&other) {
                continue;
            }
            let Some(o) = self.get(other) else { continue };
            let same = o.tokens.len() == tokens.len()
                && o.tokens
                    .iter()
                    .zip(&tokens)
                    .enumerate()
                    .all(|(p, (a, b))| a == b || variable[p]);
            if same {
                group.push(other);
            }
        }
        if group.len() < 2 {
            return None;
        }
        let survivor = self.merge_group(&group)?;
        let family = self.key_families.entry(family_key).or_default();
        family.members.retain(|&m| m != id || survivor == id);
        if !family.members.contains(&survivor) {
            family.members.push(survivor);
        }
        Some(survivor)
    }

    /// Records a new template's clause tail (see [`crate::clause`]); when another template has
    /// the same head and a different phrase as tail, the tail becomes one variable: the older
    /// template keeps the head and a `<*>`, and the others join it. Returns the survivor when
    /// `id` merged.
    fn join_clause(&mut self, id: TemplateId) -> Option<TemplateId> {
        if self.placing_blind {
            return None;
        }
        let template = self.get(id)?;
        let primary = clause::head(&template.tokens, template.dropped_lead.is_some());
        // A name after a preposition may hold a colon of its own (`Updating info for Star Trek:
        // Strange New Worlds`): once the preposition's tails are one value, the line joins them
        // whatever its colon says.
        if let Some(weak) = clause::preposition_head(&template.tokens)
            && primary.is_some_and(|h| h.end > weak.end)
        {
            let key = clause::head_key(&template.tokens, weak.end);
            let merged_into = self.clauses.get(&key).and_then(|set| set.merged_into);
            if merged_into.is_some() {
                if let Followed::Joined(target) = self.follow_merge(merged_into, id) {
                    return Some(target);
                }
            } else {
                let set = self.clauses.entry(key).or_default();
                if set.followers.len() < MAX_TAILS_PER_HEAD && !set.followers.contains(&id) {
                    set.followers.push(id);
                }
            }
        }
        let template = self.get(id)?;
        let clause::Head { end, variable } = primary?;
        // A component's name opens events of its own, not a reason's clause.
        if clause::names_a_component(&template.tokens[..=end]) {
            return None;
        }
        let head = clause::head_key(&template.tokens, end);
        let tail_key = clause::tail_key(&template.tokens[end + 1..]);
        if self.clauses.len() > self.config.max_templates.saturating_mul(4) {
            // Evidence, like the variant sets: forgetting it only delays merges.
            self.clauses.clear();
        }
        let merged_into = self.clauses.entry(head).or_default().merged_into;
        match self.follow_merge(merged_into, id) {
            Followed::Joined(target) => return Some(target),
            Followed::Itself => return None,
            Followed::Gone => {
                let set = self.clauses.entry(head).or_default();
                set.merged_into = None;
                set.tails.clear();
            }
            Followed::Unmerged => {}
        }
        // A template whose tail after the head is one value (`Reason : <*>`: reasons joined
        // under a head written otherwise before a merge made a word of it a variable, `[ __TimerPool
        // ]` then `[ <*> ]`; or a value merged there) says what the head's slot holds: it is the
        // survivor the head's other reasons join, those seen and those to come. A tail holding an
        // id of a kind (`for container container_<*>`) is an event's own words, not a reason.
        let single_tail = self
            .get(id)
            .is_some_and(|t| t.tokens.len() == end + 2 && t.tokens[end + 1][..] == *WILDCARD);
        if single_tail || self.clause_survivors.contains(&id.0) {
            let set = self.clauses.entry(head).or_default();
            set.merged_into = Some(id);
            let tails = std::mem::take(&mut set.tails);
            let mut kept = Vec::new();
            for (key, other) in tails {
                let Some(other) = self.resolve(other).filter(|&o| o != id) else {
                    continue;
                };
                let reason = self.get(other).is_some_and(|o| {
                    clause::head(&o.tokens, o.dropped_lead.is_some()).map(|h| h.end) == Some(end)
                        && clause::head_key(&o.tokens, end) == head
                        && !o.tokens[end + 1..]
                            .iter()
                            .any(|t| mask::contains_wildcard(t) && has_letters(t))
                });
                if reason {
                    self.absorb(id, other);
                } else {
                    kept.push((key, other));
                }
            }
            self.clauses.entry(head).or_default().tails = kept;
            return None;
        }
        let set = self.clauses.entry(head).or_default();
        if set.tails.iter().any(|&(t, _)| t == tail_key) {
            // The same tail as a template already here, its head written otherwise
            // (`{instance="<*>"}` beside `{instance="<*>:<*>"}`): no new evidence, but it joins
            // whatever the head's tails become.
            if set.tails.len() < MAX_TAILS_PER_HEAD && !set.tails.iter().any(|&(_, t)| t == id) {
                set.tails.push((tail_key, id));
            }
            return None;
        }
        let others: Vec<TemplateId> = set.tails.iter().map(|&(_, t)| t).collect();
        let template = self.get(id)?;
        let mut partners = Vec::new();
        // Templates of this head whose tails are not different enough from this one's to be
        // evidence: they join too once the tail is one value, as later ones do.
        let mut alike = Vec::new();
        for other in others {
            let Some(other) = self.resolve(other) else {
                continue;
            };
            let Some(o) = self.get(other) else { continue };
            // Still the same head (a later merge may have made a head word a variable).
            if other == id
                || clause::head(&o.tokens, o.dropped_lead.is_some()).map(|h| h.end) != Some(end)
                || clause::head_key(&o.tokens, end) != head
            {
                continue;
            }
            let (theirs, ours) = (&o.tokens[end + 1..], &template.tokens[end + 1..]);
            let different = if variable {
                clause::different_tails(theirs, ours)
            } else {
                clause::different_phrases(theirs, ours)
            };
            if different {
                partners.push(other);
            } else if !alike.contains(&other) {
                alike.push(other);
            }
        }
        let set = self.clauses.entry(head).or_default();
        if set.tails.len() >= MAX_TAILS_PER_HEAD {
            // Tails that never merged (each new one is compared with all): the oldest go.
            set.tails.remove(0);
        }
        set.tails.push((tail_key, id));
        if variable {
            let template = self.get(id)?;
            // The words every tail opens with alike are the reasons' shared subject (`The
            // stream closed …`): what follows them tells the reasons apart.
            let ours = &template.tokens[end + 1..];
            let tails: Vec<&[Box<[u8]>]> = std::iter::once(ours)
                .chain(
                    partners
                        .iter()
                        .filter_map(|&p| self.get(p))
                        .map(|o| &o.tokens[end + 1..]),
                )
                .collect();
            let mut shared = tails
                .iter()
                .map(|t| clause::shared_opening_words(ours, t))
                .min()
                .unwrap_or(0);
            // And a context every tail closes alike after it (`Error response from daemon:
            // toomanyrequests: …`, Docker's wrapped errors): the reason follows it.
            while ours
                .get(shared)
                .is_some_and(|t| clause::closes_a_context(t))
                && tails
                    .iter()
                    .all(|t| t.len() > shared + 1 && t[shared] == ours[shared])
            {
                shared += 1;
            }
            let mut openers: Vec<&[u8]> = Vec::new();
            for tail in &tails {
                if let Some(opener) = clause::opener(&tail[shared.min(tail.len())..])
                    && !openers.contains(&opener)
                {
                    openers.push(opener);
                }
            }
            // The C library's texts for errors after the value they concern (`Can't change
            // directory to <*>: Permission denied`) are reasons whatever their number: two do.
            // Counted whole, not by their first words (`Connection refused` beside `Connection
            // reset by peer`). So are they after an exception's type, carried by exceptions of
            // their own (`ClientDisconnectException: java.io.IOException: Broken pipe`), and
            // after the call `perror` names (`server recv: Connection timed out`).
            let error_texts = self.get(id).is_some_and(|t| {
                clause::ends_before_a_reason(&t.tokens[end])
                    || clause::is_perror_head(&t.tokens[..=end])
            }) && tails
                .iter()
                .all(|t| clause::is_wrapped_error_reason(&t[shared.min(t.len())..]))
                && (1..tails.len()).any(|i| tails[i] != tails[0]);
            if openers.len() < clause::MIN_TAILS_AFTER_A_VARIABLE && !error_texts {
                return None;
            }
        }
        // A trailer every partner's tail ends with like this one's stays the template's.
        let template = self.get(id)?;
        let ours = &template.tokens[end + 1..];
        let trailer = partners
            .iter()
            .filter_map(|&p| self.get(p))
            .map(|o| clause::shared_trailer(&o.tokens[end + 1..], ours))
            .min()
            .unwrap_or(0);
        let mut trailer_tokens: Vec<Box<[u8]>> = ours[ours.len() - trailer..].to_vec();
        // The punctuation every reason ends with before the trailer (`…, retrying`) stays too.
        if trailer > 0 {
            let last = &ours[ours.len() - trailer - 1];
            let punctuation = last
                .iter()
                .rev()
                .take_while(|b| matches!(b, b',' | b';' | b'.' | b')'))
                .count();
            let closing = &last[last.len() - punctuation..];
            let shared = partners.iter().filter_map(|&p| self.get(p)).all(|o| {
                let theirs = &o.tokens[end + 1..];
                theirs.len() > trailer && theirs[theirs.len() - trailer - 1].ends_with(closing)
            });
            if punctuation > 0 && shared {
                let mut value = WILDCARD.to_vec();
                value.extend_from_slice(closing);
                trailer_tokens.insert(0, value.into_boxed_slice());
            }
        }
        let survivor = *partners
            .iter()
            .max_by_key(|&&p| self.get(p).map(|t| (t.count, std::cmp::Reverse(t.id))))?;
        self.cut_to_clause_head(survivor, end, trailer_tokens);
        if self.clause_survivors.len() > self.config.max_templates.saturating_mul(4) {
            self.clause_survivors.clear();
        }
        self.clause_survivors.insert(survivor.0);
        alike.retain(|a| !partners.contains(a));
        for other in partners.into_iter().chain(alike).chain([id]) {
            if other != survivor {
                self.absorb(survivor, other);
            }
        }
        let set = self.clauses.entry(head).or_default();
        set.tails.clear();
        set.merged_into = Some(survivor);
        let followers = std::mem::take(&mut set.followers);
        for follower in followers {
            // Still a line of this head (a later merge may have made its words variables).
            let still = |o: &Template| {
                clause::preposition_head(&o.tokens).map(|h| h.end) == Some(end)
                    && clause::head_key(&o.tokens, end) == head
            };
            if let Some(follower) = self.resolve(follower)
                && follower != survivor
                && self.get(follower).is_some_and(still)
            {
                self.absorb(survivor, follower);
            }
        }
        Some(survivor)
    }

    /// Where evidence that already merged (its survivor `merged_into`) sends template `id`: into
    /// the survivor when it lives (absorbed here), nowhere when `id` is it, and back to
    /// gathering evidence when it was evicted.
    fn follow_merge(&mut self, merged_into: Option<TemplateId>, id: TemplateId) -> Followed {
        let Some(target) = merged_into else {
            return Followed::Unmerged;
        };
        match self.resolve(target) {
            Some(target) if target != id => {
                self.absorb(target, id);
                Followed::Joined(target)
            }
            Some(_) => Followed::Itself,
            None => Followed::Gone,
        }
    }

    /// Records a new template's delimited spans (see [`crate::span`]); when another template
    /// equal outside a span holds a different phrase in it, the span becomes one variable. The
    /// survivor's spans are recorded in turn (another span of it may now match). Returns the
    /// survivor when `id` merged.
    fn join_spans(&mut self, id: TemplateId) -> Option<TemplateId> {
        let mut current = id;
        let mut merged = false;
        for _ in 0..8 {
            match self.join_span_once(current) {
                Some(survivor) => {
                    merged = true;
                    current = survivor;
                }
                None => break,
            }
        }
        merged.then_some(current)
    }

    fn join_span_once(&mut self, id: TemplateId) -> Option<TemplateId> {
        let template = self.get(id)?;
        let tokens = template.tokens.clone();
        if self.span_sets.len() > self.config.max_templates.saturating_mul(8) {
            // Evidence, like the variant sets: forgetting it only delays merges.
            self.span_sets.clear();
        }
        for span in span::spans(&tokens) {
            let key = span.key(&tokens);
            let merged_into = self.span_sets.entry(key).or_default().merged_into;
            match self.follow_merge(merged_into, id) {
                Followed::Joined(target) => return Some(target),
                Followed::Itself => continue,
                Followed::Gone => {
                    let set = self.span_sets.entry(key).or_default();
                    set.merged_into = None;
                    set.tails.clear();
                }
                Followed::Unmerged => {}
            }
            let set = self.span_sets.entry(key).or_default();
            if set.tails.iter().any(|&(_, t)| t == id) {
                continue;
            }
            let others: Vec<TemplateId> = set.tails.iter().map(|&(_, t)| t).collect();
            let mut partners = Vec::new();
            for other in others {
                let Some(other) = self.resolve(other) else {
                    continue;
                };
                let Some(o) = self.get(other) else { continue };
                if other == id {
                    continue;
                }
                // Still equal outside a span of its own (a later merge may have changed it).
                let Some(theirs) = span::spans(&o.tokens)
                    .into_iter()
                    .find(|s| s.start == span.start && s.key(&o.tokens) == key)
                else {
                    continue;
                };
                if span::different_phrases(&o.tokens, &theirs, &tokens, &span) {
                    partners.push((other, theirs));
                }
            }
            let set = self.span_sets.entry(key).or_default();
            if set.tails.len() >= MAX_TAILS_PER_HEAD {
                set.tails.remove(0);
            }
            set.tails.push((0, id));
            if span.weak && partners.len() + 1 < span::MIN_WEAK_PHRASES {
                continue;
            }
            let Some(&(survivor, survivor_span)) = partners
                .iter()
                .max_by_key(|&&(p, _)| self.get(p).map(|t| (t.count, std::cmp::Reverse(t.id))))
            else {
                continue;
            };
            self.collapse_span(survivor, survivor_span);
            for (other, theirs) in partners {
                if other != survivor {
                    self.collapse_member_slots(other, theirs);
                    self.absorb(survivor, other);
                }
            }
            self.collapse_member_slots(id, span);
            self.absorb(survivor, id);
            let set = self.span_sets.entry(key).or_default();
            set.tails.clear();
            set.merged_into = Some(survivor);
            return Some(survivor);
        }
        None
    }

    /// Records a new template's undelimited stretches (see [`crate::gap`]); when the templates
    /// equal outside one hold enough distinct phrases of different lengths, the stretch becomes
    /// one variable and they merge. Two phrases that each hold [`ESTABLISHED_PHRASE_LINES`]
    /// already name events (`Worker started execution` / `Worker finished execution`): a third,
    /// rarer phrase does not make them values, [`ESTABLISHED_PHRASES_NEEDED`] phrases do (a
    /// value's phrases are many, each of few lines). Returns the survivor when `id` merged.
    fn join_gaps(&mut self, id: TemplateId) -> Option<TemplateId> {
        let stretches = gap::stretches(&self.get(id)?.tokens);
        if self.gap_sets.len() > self.config.max_templates.saturating_mul(8) {
            // Evidence, like the variant sets: forgetting it only delays merges.
            self.gap_sets.clear();
        }
        for found in stretches {
            let key = found.key;
            let merged_into = self.gap_sets.get(&key).and_then(|set| set.merged_into);
            match self.follow_merge(merged_into, id) {
                Followed::Joined(target) => return Some(target),
                Followed::Itself => continue,
                Followed::Gone => {
                    if let Some(set) = self.gap_sets.get_mut(&key) {
                        set.merged_into = None;
                        set.phrases.clear();
                    }
                }
                Followed::Unmerged => {}
            }
            let set = self.gap_sets.entry(key).or_default();
            if set.phrases.iter().any(|p| p.phrase == found.phrase) {
                continue;
            }
            if set.phrases.len() >= MAX_TAILS_PER_HEAD {
                set.phrases.remove_oldest();
            }
            set.phrases.push(gap::PhraseSeen {
                phrase: found.phrase,
                opener: found.opener,
                len: found.gap.len,
                template: id,
                evidence: found.evidence,
            });
            // Cheap tests first: three first words, two lengths.
            if !gap::enough_phrases(&set.phrases, found.gap.start == 0) {
                continue;
            }
            let members: Vec<(usize, TemplateId)> =
                set.phrases.iter().map(|p| (p.len, p.template)).collect();
            // Members still equal outside a stretch of their own (a later merge may have
            // changed them), with the stretch's start and length.
            let mut live: Vec<(TemplateId, gap::Gap)> = Vec::new();
            for (len, member) in members {
                let Some(member) = self.resolve(member) else {
                    continue;
                };
                let Some(t) = self.get(member) else { continue };
                let theirs = gap::Gap {
                    start: found.gap.start,
                    len,
                };
                if theirs.start + len <= t.tokens.len()
                    && theirs.key(&t.tokens) == key
                    && !live.iter().any(|&(m, _)| m == member)
                {
                    live.push((member, theirs));
                }
            }
            let mut lengths: Vec<usize> = live.iter().map(|&(_, g)| g.len).collect();
            lengths.sort_unstable();
            lengths.dedup();
            if live.len() < 2 || lengths.len() < 2 {
                continue;
            }
            let established = live
                .iter()
                .filter(|&&(m, _)| {
                    self.get(m)
                        .is_some_and(|t| t.count >= ESTABLISHED_PHRASE_LINES)
                })
                .count();
            if established >= 2 && live.len() < ESTABLISHED_PHRASES_NEEDED {
                continue;
            }
            let Some(&(survivor, survivor_gap)) = live
                .iter()
                .max_by_key(|&&(m, _)| self.get(m).map(|t| (t.count, std::cmp::Reverse(t.id))))
            else {
                continue;
            };
            self.collapse_span(survivor, survivor_gap.as_span());
            for &(member, theirs) in &live {
                if member != survivor {
                    self.collapse_member_slots(member, theirs.as_span());
                    self.absorb(survivor, member);
                }
            }
            let set = self.gap_sets.entry(key).or_default();
            set.phrases.clear();
            set.merged_into = Some(survivor);
            return self.resolve(survivor);
        }
        None
    }

    /// Makes the span of template `id`'s text statistics one position, before it merges into a
    /// template whose tokens were collapsed the same way.
    fn collapse_member_slots(&mut self, id: TemplateId, span: span::Span) {
        if let Some(template) = self.get_mut(id) {
            collapse_slots(template, span);
        }
    }

    /// Makes the span of template `id` one variable token, in its text statistics too.
    fn collapse_span(&mut self, id: TemplateId, span: span::Span) {
        let Some(&slot) = self.slot_of.get(&id.0) else {
            return;
        };
        let Some(template) = self.slots[slot].as_mut() else {
            return;
        };
        let old_key = template_bucket_key(template);
        let mut tokens = template.tokens[..span.start].to_vec();
        tokens.push(span.merged_token(&template.tokens, WILDCARD));
        tokens.extend_from_slice(&template.tokens[span.end + 1..]);
        template.tokens = tokens;
        collapse_slots(template, span);
        template.phrase = template.phrase.collapsed_at(span.start);
        let new_key = template_bucket_key(template);
        if new_key != old_key {
            self.remove_from_bucket(old_key, id);
            self.add_to_bucket(new_key, id);
        }
    }

    /// Makes template `id` its head `tokens[..=end]` and one `<*>` for the tail.
    fn cut_to_clause_head(&mut self, id: TemplateId, end: usize, trailer: Vec<Box<[u8]>>) {
        let Some(&slot) = self.slot_of.get(&id.0) else {
            return;
        };
        let Some(template) = self.slots[slot].as_mut() else {
            return;
        };
        let old_key = template_bucket_key(template);
        let mut tokens = template.tokens[..=end].to_vec();
        // The tail's value, unless the trailer opens with it holding its closing punctuation.
        let closing = match trailer.first() {
            Some(value) if value.starts_with(WILDCARD) => value.len() - WILDCARD.len(),
            _ => {
                tokens.push(Box::from(WILDCARD));
                0
            }
        };
        if trailer.is_empty() {
            if let Some(slots) = template.slots.as_mut() {
                slots.set_tail_after(end);
            }
        } else {
            // The reason's tokens, between the head and the trailer, are one value.
            let after = trailer.len() - usize::from(closing > 0);
            let reason_end = template.tokens.len().saturating_sub(after + 1);
            collapse_slots(
                template,
                span::Span {
                    start: end + 1,
                    end: reason_end.max(end + 1),
                    open: 0,
                    close: closing,
                    keyed: false,
                    weak: false,
                },
            );
            tokens.extend(trailer);
        }
        template.tokens = tokens;
        // A tail's length varies too: where a phrase before it ends is unknown.
        if template.phrase != Phrase::None {
            template.phrase = Phrase::Several;
        }
        let new_key = template_bucket_key(template);
        if new_key != old_key {
            self.remove_from_bucket(old_key, id);
            self.add_to_bucket(new_key, id);
        }
    }

    /// A new template with a variable where older ones of its length and first token hold a
    /// word, and equal elsewhere, covers them: the masker saw a value in that slot
    /// (`connection: web-1` → `<*>`), so `connection: cache-a` was a value too. They merge into
    /// it, as lines that come after it would have matched it.
    fn absorb_covered(&mut self, id: TemplateId) {
        for other in self.covered_by(id) {
            self.absorb(id, other);
        }
    }

    /// The templates, other than `id`, that `id` covers: equal to it where it holds no variable.
    fn covered_by(&self, id: TemplateId) -> Vec<TemplateId> {
        let Some(template) = self.get(id) else {
            return Vec::new();
        };
        if !template.tokens.iter().any(|t| mask::contains_wildcard(t)) {
            return Vec::new();
        }
        self.same_shape_buckets(template)
            .into_iter()
            .filter(|&other| other != id)
            .filter(|&other| {
                self.get(other)
                    .is_some_and(|o| covers(&template.tokens, &o.tokens))
            })
            .collect()
    }

    /// Templates that may cover `template` or be covered by it: those of its length with its
    /// first token or a variable there; every template of its length when its first token is
    /// made of variables (`<*>` covers `frank.home/<*>:<*>`). Such a first token only comes of
    /// a merge (the masker drops a leading value), so the scan over all templates is rare.
    fn same_shape_buckets(&self, template: &Template) -> Vec<TemplateId> {
        let len = template.tokens.len();
        let first = template.tokens.first().map(|t| &t[..]).unwrap_or(&[]);
        if mask::contains_wildcard(first) && !mask::has_constant_content(first) {
            return self
                .slots
                .iter()
                .flatten()
                .filter(|t| t.tokens.len() == len)
                .map(|t| t.id)
                .collect();
        }
        [bucket_key(len, first), bucket_key(len, WILDCARD)]
            .iter()
            .filter_map(|k| self.buckets.get(k))
            .flatten()
            .copied()
            .collect()
    }

    fn cache_shape(&mut self, fingerprint: u64, id: TemplateId) {
        let max_shapes = self.config.max_shapes_per_template;
        let Some(template) = self.get_mut(id) else {
            return;
        };
        if template.shapes.len() < max_shapes {
            template.shapes.push(fingerprint);
            self.shapes.insert(fingerprint, id);
        }
    }

    /// The most specific live template (most constant tokens) that matches the shape.
    fn find_matching_template(&self, masked: &MaskedLine) -> Option<TemplateId> {
        let len = masked.len();
        let first = if len > 0 { masked.token(0) } else { &[][..] };
        let mut best: Option<(usize, u64, TemplateId)> = None;
        let mut keys = vec![bucket_key(len, first)];
        if first != WILDCARD {
            keys.push(bucket_key(len, WILDCARD));
            // A first word in punctuation (`"GET`, `[main]`) may have become `"<*>`, `[<*>]`.
        }
        for key in &keys {
            let Some(candidates) = self.buckets.get(key) else {
                continue;
            };
            for &id in candidates {
                let Some(template) = self.get(id) else {
                    continue;
                };
                if template.tokens.len() != len {
                    continue;
                }
                let mut constants = 0;
                let matches = template.tokens.iter().zip(masked.tokens()).all(|(t, s)| {
                    if &t[..] == WILDCARD {
                        true
                    } else {
                        constants += 1;
                        &t[..] == s || token_matches(t, s)
                    }
                });
                // A template of variables only (`<*> <*>`, a request line whose method was a
                // closed set) takes lines of values only, not every line of its length.
                let matches =
                    matches && (constants > 0 || masked.tokens().all(is_value_or_closed_set_word));
                if matches {
                    let better = match best {
                        None => true,
                        Some((c, n, _)) => (constants, template.count) > (c, n),
                    };
                    if better {
                        best = Some((constants, template.count, id));
                    }
                }
            }
        }
        best.map(|(_, _, id)| id)
    }

    fn create_template(&mut self, tokens: Vec<Box<[u8]>>) -> TemplateId {
        if self.slot_of.len() >= self.config.max_templates {
            self.evict_one();
        }
        let id = TemplateId(self.next_id);
        self.next_id += 1;
        let template = Template {
            id,
            keyword_severity: keyword_severity(&tokens),
            tokens,
            count: 0,
            first_line: 0,
            last_line: 0,
            first_timestamp_ms: None,
            last_timestamp_ms: None,
            level: None,
            examples: Vec::new(),
            secrets: Vec::new(),
            window_start: 0,
            window_count: 0,
            peak_window_count: 0,
            shapes: Vec::new(),
            slots: None,
            phrase: Phrase::None,
            dropped_lead: None,
        };
        let key = template_bucket_key(&template);
        let slot = match self.free_slots.pop() {
            Some(slot) => {
                self.slots[slot] = Some(template);
                slot
            }
            None => {
                self.slots.push(Some(template));
                self.slots.len() - 1
            }
        };
        self.slot_of.insert(id.0, slot);
        self.add_to_bucket(key, id);
        id
    }

    /// Removes a template that is unlikely to matter: the fewest lines among eight sampled
    /// templates, ties going to the least recently seen. Sampling keeps eviction O(1) even when
    /// every line creates a template.
    fn evict_one(&mut self) {
        if self.slots.is_empty() {
            return;
        }
        let mut victim: Option<(u64, u64, usize)> = None;
        for _ in 0..8 {
            let mut x = self.sample_state;
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            self.sample_state = x;
            let start = (x % self.slots.len() as u64) as usize;
            // Walk forward to the next occupied slot so that sparse slot vectors still yield a sample.
            let found = (0..self.slots.len())
                .map(|i| (start + i) % self.slots.len())
                .take(64)
                .find_map(|slot| {
                    self.slots[slot]
                        .as_ref()
                        .map(|t| (t.count, t.last_line, slot))
                });
            if let Some(candidate) = found
                && victim.is_none_or(|v| (candidate.0, candidate.1) < (v.0, v.1))
            {
                victim = Some(candidate);
            }
        }
        let victim_slot = match victim {
            Some((_, _, slot)) => slot,
            None => match self.slots.iter().position(Option::is_some) {
                Some(slot) => slot,
                None => return,
            },
        };
        let Some(template) = self.slots[victim_slot].take() else {
            return;
        };
        self.free_slots.push(victim_slot);
        self.slot_of.remove(&template.id.0);
        for fingerprint in &template.shapes {
            if self.shapes.get(fingerprint) == Some(&template.id) {
                self.shapes.remove(fingerprint);
            }
        }
        self.remove_from_bucket(template_bucket_key(&template), template.id);
        self.evicted_templates += 1;
        self.evicted_lines += template.count;
        let text = text_fingerprint(&template);
        if self.evicted_texts.len() < MAX_EVICTED_TEXTS {
            self.evicted_texts.insert(text);
        } else if !self.evicted_texts.contains(&text) {
            self.evicted_uncounted += 1;
        }
    }

    fn remove_from_bucket(&mut self, key: u64, id: TemplateId) {
        if let Some(bucket) = self.buckets.get_mut(&key) {
            bucket.retain(|&other| other != id);
            if bucket.is_empty() {
                self.buckets.remove(&key);
            }
        }
    }

    fn add_to_bucket(&mut self, key: u64, id: TemplateId) {
        self.buckets.entry(key).or_default().push(id);
    }

    /// Records, for every constant position of template `id`, the key "all other tokens" and the
    /// token at that position; merges when a position reaches `variable_min_distinct` values.
    fn record_variants(&mut self, id: TemplateId) {
        let mut pending = vec![id];
        let mut rounds = 0;
        loop {
            while let Some(next) = pending.pop() {
                rounds += 1;
                if rounds > 64 {
                    break;
                }
                let Some(id) = self.resolve(next) else {
                    continue;
                };
                if let Some(survivor) = self.record_variants_once(id) {
                    pending.push(survivor);
                }
            }
            if !self.value_words_grew || rounds > 64 {
                break;
            }
            // The survivors' new positions are recorded in turn, as after any merge.
            self.value_words_grew = false;
            pending = self.merge_known_pairs();
        }
        if self.variants.len() > self.config.max_templates.saturating_mul(16) {
            // Merge evidence is a cache: forgetting it only delays future merges.
            self.variants.clear();
            self.waiting_pairs.clear();
        }
        if self.value_words.len() > self.config.max_templates.saturating_mul(16) {
            self.value_words.clear();
        }
        if self.redirects.len() > self.config.max_templates.saturating_mul(4) {
            // Ids that merged long ago stop resolving; the cap keeps memory bounded.
            self.redirects.clear();
        }
    }

    /// One pass of [`Miner::record_variants`]; returns the survivor when a merge happened, so its
    /// new positions can be recorded in turn.
    fn record_variants_once(&mut self, id: TemplateId) -> Option<TemplateId> {
        let template = self.get(id)?;
        let len = template.tokens.len();
        let token_hashes: Vec<u64> = template
            .tokens
            .iter()
            .map(|t| mix_bytes(TOKEN_SEED, t))
            .collect();
        let word_hashes: Vec<u64> = template
            .tokens
            .iter()
            .map(|t| word_fingerprint(t))
            .collect();
        let constant: Vec<bool> = (0..len).map(|i| !template.is_wildcard(i)).collect();
        let sets: Vec<Option<usize>> = template.tokens.iter().map(|t| closed_set(t)).collect();
        let keyed: Vec<bool> = template.tokens.iter().map(|t| is_key_and_word(t)).collect();
        let nouns: Vec<bool> = template
            .tokens
            .iter()
            .map(|t| is_attribute_noun(t) && !mask::contains_wildcard(t) && !t.contains(&b'='))
            .collect();
        // Words written as values (capitals, `a/b` names), which two values make a variable: not
        // a bare one beside a bare variable, which merged would make two values side by side
        // where lines write one run (`504 URX 1947` beside `503 - 0`).
        let value_shaped: Vec<bool> = (0..len)
            .map(|i| {
                let token = &template.tokens[i];
                let bare = token
                    .iter()
                    .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'));
                let beside_a_value = (i > 0 && template.tokens[i - 1][..] == *WILDCARD)
                    || template
                        .tokens
                        .get(i + 1)
                        .is_some_and(|t| t[..] == *WILDCARD);
                is_value_shaped_word(token) && !(bare && beside_a_value)
            })
            .collect();
        let keyed_bare: Vec<bool> = template
            .tokens
            .iter()
            .map(|t| is_key_and_bare_word(t))
            .collect();
        // A structured line's field names (`fields=data`) anchor nothing: a message of one word
        // beside them (`atc.scanner.tick.start`, lager's event names) is the event itself.
        let one_word = one_word_event(&template.tokens);
        let constant_count = (0..len)
            .filter(|&i| constant[i] && !(one_word && mask::is_field_list(&template.tokens[i])))
            .count();
        // Positions that may become variables: constant words, only when another constant token
        // remains to anchor the template (the first token and `key=value` tokens need one more
        // value, below).
        let eligible: Vec<bool> = (0..len)
            .map(|i| {
                let token = &template.tokens[i];
                // A lone `-` (an absent value) is masked: it never reaches here. A closed set's
                // value needs no anchor (`GET <*>` beside `POST <*>` is one request line).
                constant[i]
                    && (constant_count >= 2 || sets[i].is_some())
                    && has_letters(token)
                    && !mask::is_field_list(token)
                    && !(i == 0 && is_signed_name(token))
                    && !is_keyed_object(&template.tokens, i)
            })
            .collect();
        // Enum-like tokens (`key=value`) need one more distinct value, but a key's word in
        // quotes (`state="up"`) one fewer, as ids with a kind before them (`chatcmpl-<*>`,
        // `cmpl-<*>`, `gpu[<*>]`): two kinds of id in one slot are already one value, as a slot
        // of ids holds nothing else, and a quoted word is written as a value is.
        let needed: Vec<usize> = (0..len)
            .map(|i| {
                let token = &template.tokens[i];
                let words = self.config.variable_min_distinct;
                // The first token names the event more often than other words (`cupsd startup
                // succeeded`, `sdpd startup succeeded`) unless it is quoted or bracketed, of a
                // closed set, a compound name or a command word (`RETR`); but it may be a value
                // (`Bramble_King joined the game`): one more.
                let names_the_event = i == 0
                    && sets[i].is_none()
                    && !token
                        .first()
                        .is_some_and(|b| matches!(b, b'"' | b'(' | b'['))
                    && !is_compound_name(token)
                    && !is_command_word(token);
                // So does the word opening the message behind a bracketed tag (`[sshd] Ban <*>`
                // beside `[sshd] Unban <*>` and `[sshd] Found <*>`): the tag is the line's
                // subject, the word what happened to it.
                let opens_after_tag = i == 1
                    && template.tokens[0].starts_with(b"[")
                    && template.tokens[0].ends_with(b"]")
                    && sets[i].is_none()
                    && !token
                        .first()
                        .is_some_and(|b| matches!(b, b'"' | b'(' | b'['))
                    && !is_compound_name(token)
                    && !is_command_word(token);
                if eligible[i] && names_an_attribute(&template.tokens, &nouns, i) {
                    2
                } else if (names_the_event || opens_after_tag) && is_opening_verb(token) {
                    words + 2
                } else if names_the_event || opens_after_tag {
                    words + 1
                // A past tense ending the line after a name and its colon (`<pppoe-anna>:
                // connected` beside `disconnected`, `authenticated`) is what happened to it.
                } else if i + 1 == len
                    && i > 0
                    && template.tokens[i - 1].ends_with(b":")
                    && is_past_tense_verb(token)
                {
                    words + 2
                } else if is_kind_of_id(token)
                    || is_bracketed_name(token)
                    || is_quoted_key_word(token)
                {
                    words.saturating_sub(1).max(2)
                // A field's word (`queue=batch`, `reason=quit`) is a value as a free word is,
                // unless its key names what happened or who did it (`status=sent`, `user=root`).
                } else if is_field_of_a_word(token) && !names_the_event_or_actor(token) {
                    words
                } else {
                    words + usize::from(!is_free_word(token))
                }
            })
            .collect();
        // prefix[p] covers tokens before p, suffix[p] tokens from p on, so "all but p" is O(1).
        // The other positions as evidence sees them: a variable's value bytes around its
        // placeholder count as the placeholder (`"db-pg-<*>"` is `"<*>"`), its kind stays
        // (`blk_<*>`), so templates that generalised apart still meet (see `variable_kind`).
        let context: Vec<u64> = template
            .tokens
            .iter()
            .zip(&token_hashes)
            .map(|(t, &h)| {
                if mask::contains_wildcard(t) {
                    mix_bytes(TOKEN_SEED, &variable_kind(t))
                } else {
                    h
                }
            })
            .collect();
        let (prefix, suffix) = folds(&context, SHAPE_SEED, SHAPE_SEED ^ 0x5a5a);
        let threshold = self.config.variable_min_distinct;
        for p in 0..len {
            if !eligible[p] {
                continue;
            }
            let key = finish(mix_word(
                mix_word(prefix[p], suffix[p + 1]),
                ((len as u64) << 20) | p as u64,
            ));
            let token_hash = token_hashes[p];
            let entry = self.variants.entry(key).or_default();
            if let Some(target) = entry.merged_into {
                if let Some(target) = self.resolve(target) {
                    if target != id {
                        return self.merge_group(&[target, id]);
                    }
                    continue;
                }
                let entry = self.variants.entry(key).or_default();
                entry.merged_into = None;
                entry.values.clear();
                entry.words.clear();
            }
            let entry = self.variants.entry(key).or_default();
            if !entry.values.iter().any(|&(h, _)| h == token_hash) {
                entry.values.push((token_hash, id));
                entry.words.push(word_hashes[p]);
            }
            // Only free words: an enum-like token's values tell events apart more often.
            let free = needed[p] <= threshold;
            // A key's value is a variable at the same count as a word's when no value holds
            // nearly all the lines: a dominant one (`user=root` beside rare `user=guest`) is
            // more often an event of its own.
            let held = entry.values.len();
            let spread = |miner: &Self| {
                let Some(entry) = miner.variants.get(&key) else {
                    return false;
                };
                let counts: Vec<u64> = entry
                    .values
                    .iter()
                    .map(|&(_, t)| {
                        miner
                            .resolve(t)
                            .and_then(|t| miner.get(t))
                            .map_or(0, |t| t.count.max(1))
                    })
                    .collect();
                let total: u64 = counts.iter().sum();
                let most = counts.iter().copied().max().unwrap_or(0);
                most * 10 < total * 8
            };
            let spread_key =
                !free && held >= threshold && held < needed[p] && keyed[p] && spread(self);
            let entry = self.variants.entry(key).or_default();
            let enough = held >= needed[p] || spread_key;
            let known_pair = !enough
                && free
                && entry.values.len() == 2
                && entry.words.iter().all(|w| self.value_words.contains(w));
            // Two words written as values are values (states, codes, `a/b` names), and so are a
            // key's two bare words (`mech=LOGIN` / `mech=PLAIN`) when neither holds nearly all
            // the lines seen so far, as above (`status=sent` beside a first `status=deferred`
            // after many sent lines stays two events; the test is made when the pair meets).
            let shaped_pair =
                !enough && !known_pair && entry.values.len() == 2 && value_shaped[p] && {
                    let holders = [entry.values[0].1, entry.values[1].1];
                    (free || (keyed_bare[p] && spread(self)))
                        && holders.iter().all(|&h| {
                            self.resolve(h)
                                .and_then(|h| self.get(h))
                                .and_then(|t| t.tokens.get(p))
                                .is_some_and(|t| is_value_shaped_word(t))
                        })
                };
            let known_pair = known_pair || shaped_pair;
            let entry = self.variants.entry(key).or_default();
            let pair: Vec<TemplateId> = if entry.values.len() == 2 && sets[p].is_some() {
                entry.values.iter().map(|&(_, t)| t).collect()
            } else {
                Vec::new()
            };
            let closed_pair = !enough
                && !pair.is_empty()
                && pair.iter().all(|&other| {
                    // The template that held the value may since have joined another.
                    self.resolve(other)
                        .and_then(|o| self.get(o))
                        .and_then(|o| o.tokens.get(p))
                        .is_some_and(|t| closed_set(t) == sets[p])
                });
            let entry = self.variants.entry(key).or_default();
            if enough || known_pair || closed_pair {
                if enough && free {
                    let words = std::mem::take(&mut entry.words);
                    for word in words {
                        self.value_words_grew |= self.value_words.insert(word);
                    }
                }
                if let Some(survivor) = self.merge_variant_set(key) {
                    return Some(survivor);
                }
            } else if free && entry.values.len() == 2 {
                let words = [entry.words[0], entry.words[1]];
                if self.waiting_pairs.len() >= self.config.max_templates.max(64) {
                    self.waiting_pairs.pop_front();
                }
                self.waiting_pairs.push_back(key);
                let quoted = self
                    .get(id)
                    .and_then(|t| t.tokens.get(p))
                    .is_some_and(|t| is_quoted_value(t));
                if quoted {
                    self.count_quoted_pair(words, key);
                }
            }
        }
        None
    }

    /// Two quoted words alternating at one position in [`RECURRING_PAIR_CONTEXTS`] different
    /// contexts (`"roadwarrior"[<*>] …` beside `"rw-contractors"[<*>] …` in event after event,
    /// Libreswan's connections) are two values of one slot, not two events each time: both
    /// become value words, which merges every waiting pair of them.
    fn count_quoted_pair(&mut self, words: [u64; 2], context: u64) {
        let pair = finish(mix_word(
            mix_word(TOKEN_SEED, words[0].min(words[1])),
            words[0].max(words[1]),
        ));
        if self.quoted_pairs.len() > self.config.max_templates.saturating_mul(4) {
            self.quoted_pairs.clear();
        }
        let contexts = self.quoted_pairs.entry(pair).or_default();
        if contexts.len() >= RECURRING_PAIR_CONTEXTS || contexts.contains(&context) {
            return;
        }
        contexts.push(context);
        if contexts.len() == RECURRING_PAIR_CONTEXTS {
            for word in words {
                self.value_words_grew |= self.value_words.insert(word);
            }
        }
    }

    /// Merges the templates of a variant set and marks it merged; returns the survivor.
    fn merge_variant_set(&mut self, key: u64) -> Option<TemplateId> {
        let entry = self.variants.get(&key)?;
        let live: Vec<TemplateId> = entry
            .values
            .iter()
            .filter_map(|&(_, t)| self.resolve(t))
            .collect();
        let survivor = self.merge_group(&live);
        let entry = self.variants.entry(key).or_default();
        entry.values.clear();
        entry.words.clear();
        entry.merged_into = survivor;
        survivor
    }

    /// Merges the waiting pairs whose two words are now both known as values; returns the
    /// survivors.
    fn merge_known_pairs(&mut self) -> Vec<TemplateId> {
        let mut survivors = Vec::new();
        let waiting = std::mem::take(&mut self.waiting_pairs);
        for key in waiting {
            let Some(entry) = self.variants.get(&key) else {
                continue;
            };
            if entry.merged_into.is_some() || entry.values.len() != 2 {
                continue;
            }
            if entry.words.iter().all(|w| self.value_words.contains(w)) {
                survivors.extend(self.merge_variant_set(key));
            } else {
                self.waiting_pairs.push_back(key);
            }
        }
        survivors
    }

    /// Merges templates of equal length into the one with the most lines; positions where they
    /// differ become `<*>`. Then absorbs any template of the same length that the generalised
    /// survivor now covers. Returns the survivor.
    fn merge_group(&mut self, ids: &[TemplateId]) -> Option<TemplateId> {
        let mut live: Vec<TemplateId> = Vec::with_capacity(ids.len());
        for &id in ids {
            if let Some(id) = self.resolve(id)
                && !live.contains(&id)
            {
                live.push(id);
            }
        }
        let survivor = *live
            .iter()
            .max_by_key(|&&id| self.get(id).map(|t| (t.count, std::cmp::Reverse(t.id))))?;
        for &other in &live {
            if other != survivor {
                self.absorb(survivor, other);
            }
        }
        // Templates already covered by the generalised survivor would otherwise never be matched.
        let covered = self.covered_by(survivor);
        for other in covered {
            self.absorb(survivor, other);
        }
        if self.unsettled.len() < MAX_UNSETTLED && !self.unsettled.contains(&survivor) {
            self.unsettled.push(survivor);
        }
        Some(survivor)
    }

    /// Moves everything of `other` into `survivor` and redirects `other`'s id.
    fn absorb(&mut self, survivor: TemplateId, other: TemplateId) {
        let (Some(&survivor_slot), Some(&other_slot)) =
            (self.slot_of.get(&survivor.0), self.slot_of.get(&other.0))
        else {
            return;
        };
        let Some(absorbed) = self.slots[other_slot].take() else {
            return;
        };
        self.free_slots.push(other_slot);
        self.slot_of.remove(&other.0);
        self.remove_from_bucket(template_bucket_key(&absorbed), other);
        self.redirects.insert(other.0, survivor);

        let Some(mut target) = self.slots[survivor_slot].take() else {
            return;
        };
        let old_key = template_bucket_key(&target);
        if target.tokens.len() == absorbed.tokens.len() {
            for (t, a) in target.tokens.iter_mut().zip(&absorbed.tokens) {
                if t != a {
                    *t = generalise(t, a);
                }
            }
        }
        if absorbed.count > 0 {
            if target.count == 0 {
                target.first_line = absorbed.first_line;
                target.last_line = absorbed.last_line;
            } else {
                target.first_line = target.first_line.min(absorbed.first_line);
                target.last_line = target.last_line.max(absorbed.last_line);
            }
        }
        target.count += absorbed.count;
        target.first_timestamp_ms =
            min_option(target.first_timestamp_ms, absorbed.first_timestamp_ms);
        target.last_timestamp_ms = max_option(target.last_timestamp_ms, absorbed.last_timestamp_ms);
        target.level = match (target.level, absorbed.level) {
            (Some(a), Some(b)) => Some(a.more_severe(b)),
            (a, b) => a.or(b),
        };
        target.keyword_severity =
            keyword_severity(&target.tokens).more_severe(absorbed.keyword_severity);
        for example in absorbed.examples {
            if target.examples.len() < self.config.max_examples {
                target.examples.push(example);
            }
        }
        for secret in absorbed.secrets {
            if target.secrets.len() < MAX_SECRETS_PER_TEMPLATE && !target.secrets.contains(&secret)
            {
                target.secrets.push(secret);
            }
        }
        target.peak_window_count = target.peak_window_count.max(absorbed.peak_window_count);
        match (&mut target.slots, absorbed.slots) {
            (Some(mine), Some(theirs)) => mine.absorb(&theirs),
            (slots @ None, theirs) => *slots = theirs,
            (Some(_), None) => {}
        }
        for fingerprint in absorbed.shapes {
            if target.shapes.len() < self.config.max_shapes_per_template {
                self.shapes.insert(fingerprint, survivor);
                target.shapes.push(fingerprint);
            } else if self.shapes.get(&fingerprint) == Some(&other) {
                self.shapes.remove(&fingerprint);
            }
        }
        let new_key = template_bucket_key(&target);
        self.slots[survivor_slot] = Some(target);
        if new_key != old_key {
            self.remove_from_bucket(old_key, survivor);
            self.add_to_bucket(new_key, survivor);
        }
    }
}

/// Makes the span of a template's text statistics one position, as its tokens were (or are
/// about to be); the statistics start anew when the span's positions there are unknown.
fn collapse_slots(template: &mut Template, span: span::Span) {
    if let Some(slots) = template.slots.as_mut()
        && !slots.collapse(span.start, span.end, span.open, span.close)
    {
        template.slots = None;
    }
}

/// Punctuation kept around a variable when two tokens differ (`"GET` and `"POST` → `"<*>`).
fn is_outer_punctuation(b: u8) -> bool {
    matches!(
        b,
        b'(' | b'[' | b'{' | b'"' | b'\'' | b')' | b']' | b'}' | b',' | b';' | b':' | b'.'
    )
}

/// The token that stands for both `a` and `b`: their shared outer punctuation and `key=` around
/// `<*>`.
fn generalise(a: &[u8], b: &[u8]) -> Box<[u8]> {
    let mut lead = a
        .iter()
        .zip(b)
        .take_while(|(x, y)| x == y && is_outer_punctuation(**x))
        .count();
    // A key both share stays: `NodeList=cpu[<*>]` and `NodeList=<*>` are `NodeList=<*>`.
    let key = a[lead..]
        .iter()
        .take_while(|&&x| x.is_ascii_alphanumeric() || matches!(x, b'_' | b'-' | b'.'))
        .count();
    if key > 0
        && a.get(lead + key) == Some(&b'=')
        && b.len() > lead + key
        && a[lead..=lead + key] == b[lead..=lead + key]
    {
        lead += key + 1;
    }
    let trail = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y && is_outer_punctuation(**x))
        .count();
    if lead + trail >= a.len().min(b.len()) {
        return Box::from(WILDCARD);
    }
    let mut out = Vec::with_capacity(lead + WILDCARD.len() + trail);
    out.extend_from_slice(&a[..lead]);
    out.extend_from_slice(WILDCARD);
    out.extend_from_slice(&a[a.len() - trail..]);
    out.into_boxed_slice()
}

/// True when `pattern`, a token holding `<*>`, matches `token`: the literal parts in order, each
/// `<*>` standing for one or more bytes. A pattern without `<*>` matches only itself.
fn token_matches(pattern: &[u8], token: &[u8]) -> bool {
    if pattern == WILDCARD {
        return true;
    }
    if !mask::contains_wildcard(pattern) || pattern.starts_with(b"{\"") {
        // A JSON object is written with every value a placeholder (`inline_json.rs`): its lines
        // write it alike, and a variable taking `<*>","id":"<*>` would take a key with it.
        return pattern == token;
    }
    let mut parts = split_wildcards(pattern);
    let Some(first) = parts.next() else {
        return false;
    };
    let Some(mut rest) = token.strip_prefix(first) else {
        return false;
    };
    let parts: Vec<&[u8]> = parts.collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        if last {
            return rest.len() > part.len() && rest.ends_with(part);
        }
        // Skip at least one byte for the variable, then find the next literal.
        let Some(at) = rest.get(1..).and_then(|r| {
            r.windows(part.len().max(1))
                .position(|w| w == *part || part.is_empty())
        }) else {
            return false;
        };
        rest = &rest[1 + at + part.len()..];
    }
    true
}

impl Miner {
    /// For each group of [`Miner::templates_by_text`] (by its first template), the group it joins:
    /// the group of most constant words, then most lines, among those of its severity with more
    /// lines whose first template stretches over its own ([`stretch_match`]: a delimited
    /// variable or a free-text tail taking several of its tokens; any variable when it has at
    /// most [`RARE_FOR_BARE_STRETCH`] lines and the other [`ESTABLISHED_FOR_BARE_STRETCH`] or
    /// more, as a rare line's value of a few words is more often a value than a new event). Its
    /// own index when none. Read-time only: the templates stay as mined, so their evidence keeps
    /// building.
    pub(crate) fn stretched_groups(&self, groups: &[Vec<&Template>]) -> Vec<usize> {
        let counts: Vec<u64> = groups
            .iter()
            .map(|g| g.iter().map(|t| t.count).sum())
            .collect();
        // (length, first token, last token when a plain literal): a literal last token must be
        // the line's own, so most candidates are never looked at.
        type ShapeKey<'a> = (usize, &'a [u8], Option<&'a [u8]>);
        let mut by_shape: std::collections::HashMap<ShapeKey, Vec<usize>> =
            std::collections::HashMap::new();
        let mut constants = vec![0usize; groups.len()];
        for (g, group) in groups.iter().enumerate() {
            let tokens = &group[0].tokens;
            constants[g] = tokens
                .iter()
                .filter(|t| !mask::contains_wildcard(t) && has_letters(t))
                .count();
            if constants[g] >= MIN_STRETCH_ANCHORS {
                let first = tokens.first().map_or(&[][..], |t| &t[..]);
                let last = tokens
                    .last()
                    .map(|t| &t[..])
                    .filter(|t| !mask::contains_wildcard(t));
                by_shape
                    .entry((tokens.len(), first, last))
                    .or_default()
                    .push(g);
            }
        }
        let mut parent: Vec<usize> = (0..groups.len()).collect();
        let mut tries = 0usize;
        for (g, group) in groups.iter().enumerate().filter(|_| !by_shape.is_empty()) {
            let template = group[0];
            let line: Vec<&[u8]> = template.tokens.iter().map(|t| &t[..]).collect();
            let (Some(&first), Some(&last)) = (line.first(), line.last()) else {
                continue;
            };
            let mut best: Option<(usize, u64, usize)> = None;
            let shortest = line.len().saturating_sub(MAX_STRETCH_TOKENS).max(1);
            for n in shortest..line.len() {
                let keys = [
                    (n, first, Some(last)),
                    (n, first, None),
                    (n, WILDCARD, Some(last)),
                    (n, WILDCARD, None),
                ];
                for (k, key) in keys.iter().enumerate() {
                    if first == WILDCARD && k >= 2 {
                        break;
                    }
                    for &h in by_shape.get(key).into_iter().flatten() {
                        let other = groups[h][0];
                        if counts[h] <= counts[g]
                            || !other.severity().same_event(template.severity())
                            || best.is_some_and(|(c, n, _)| (constants[h], counts[h]) <= (c, n))
                            || tries >= MAX_STRETCH_TRIES
                            || {
                                tries += 1;
                                false
                            }
                            || stretch_match(
                                &other.tokens,
                                &line,
                                counts[g] <= RARE_FOR_BARE_STRETCH
                                    && counts[h] >= ESTABLISHED_FOR_BARE_STRETCH,
                            )
                            .is_none()
                        {
                            continue;
                        }
                        best = Some((constants[h], counts[h], h));
                    }
                }
            }
            if let Some((_, _, h)) = best {
                parent[g] = h;
            }
        }
        // Chains end: each step goes to a group of more lines.
        let roots: Vec<usize> = (0..groups.len()).map(|g| root_of(&parent, g)).collect();
        let mut parent = roots.clone();
        self.join_covered_heads(groups, &counts, &mut parent);
        self.join_covered_leads(groups, &counts, &mut parent);
        self.join_columns(groups, &counts, &mut parent);
        self.join_short_heads(groups, &counts, &mut parent);
        self.join_leading_fields(groups, &counts, &mut parent);
        self.join_trailing_reasons(groups, &counts, &mut parent);
        self.join_value_runs(groups, &counts, &mut parent);
        self.join_source_names(groups, &counts, &mut parent);
        (0..groups.len()).map(|g| root_of(&parent, g)).collect()
    }

    /// Joins a group (by its root in `parent`) to one whose template covers its own, where the
    /// cover's first token is a variable in a frame (`DHCPREQUEST(<*>)`, made where the masker
    /// judged `vlan30` a value, beside `DHCPREQUEST(br-lan)`): the miner finds templates by their
    /// first token, so a line whose first token kept its value never meets the frame, and the
    /// two stay apart. The most general cover with most lines takes it.
    fn join_covered_heads(&self, groups: &[Vec<&Template>], counts: &[u64], parent: &mut [usize]) {
        // (length, the frame's bytes before its variable) → groups.
        let mut frames: std::collections::HashMap<(usize, &[u8]), Vec<usize>> =
            std::collections::HashMap::new();
        for (g, group) in groups.iter().enumerate() {
            let tokens = &group[0].tokens;
            let Some(first) = tokens.first() else {
                continue;
            };
            let at = first.windows(WILDCARD.len()).position(|w| w == WILDCARD);
            if parent[g] == g
                && let Some(at) = at.filter(|&at| first[..at].iter().any(u8::is_ascii_alphabetic))
            {
                frames
                    .entry((tokens.len(), &first[..at]))
                    .or_default()
                    .push(g);
            }
        }
        if frames.is_empty() {
            return;
        }
        for (g, group) in groups.iter().enumerate() {
            let template = group[0];
            let Some(first) = template.tokens.first() else {
                continue;
            };
            if parent[g] != g || mask::contains_wildcard(first) {
                continue;
            }
            // The frame's opening ends at a mark: `DHCPREQUEST(`, `user=`, `[worker-`.
            let best = (1..first.len())
                .filter(|&i| first[i - 1].is_ascii_punctuation())
                .filter_map(|i| frames.get(&(template.tokens.len(), &first[..i])))
                .flatten()
                .copied()
                .filter(|&h| {
                    groups[h][0].severity().same_event(template.severity())
                        && covers(&groups[h][0].tokens, &template.tokens)
                })
                .max_by_key(|&h| counts[h]);
            if let Some(h) = best {
                parent[g] = h;
            }
        }
    }

    /// Joins a group (by its root in `parent`) whose template opens with a name (`random_id.suffix:
    /// applying the planned Update change`) to one whose lines opened with a value the masker
    /// dropped, closed by the same mark, and whose template covers the rest (`applying the
    /// planned <*> change`, from `aws_s3_bucket.logs:` and kin). The miner joins them when the
    /// name comes (see [`Miner::join_lead`]), but only to a template that covers it then: one
    /// that generalised later (`Create` → `<*>`) never meets it. The cover with most lines
    /// takes it.
    fn join_covered_leads(&self, groups: &[Vec<&Template>], counts: &[u64], parent: &mut [usize]) {
        // (mark, length, first token) of the templates whose lines dropped a value → groups.
        type LeadKey<'a> = (u8, usize, &'a [u8]);
        let mut dropped: std::collections::HashMap<LeadKey, Vec<usize>> =
            std::collections::HashMap::new();
        for (g, group) in groups.iter().enumerate() {
            let tokens = &group[0].tokens;
            if let (Some(mark), Some(first)) = (group[0].dropped_lead, tokens.first())
                && parent[g] == g
            {
                dropped
                    .entry((mark, tokens.len(), &first[..]))
                    .or_default()
                    .push(g);
            }
        }
        if dropped.is_empty() {
            return;
        }
        for (g, group) in groups.iter().enumerate() {
            let template = group[0];
            let tokens = &template.tokens;
            if parent[g] != g || template.dropped_lead.is_some() || tokens.len() < 2 {
                continue;
            }
            let first = &tokens[0];
            if !is_name_lead(first) {
                continue;
            }
            let (mark, rest) = (closing_mark(first), &tokens[1..]);
            let best = [&rest[0][..], WILDCARD]
                .iter()
                .filter_map(|opening| dropped.get(&(mark, rest.len(), opening)))
                .flatten()
                .copied()
                .filter(|&h| {
                    counts[h] > counts[g]
                        && groups[h][0].severity().same_event(template.severity())
                        && covers(&groups[h][0].tokens, rest)
                })
                .max_by_key(|&h| counts[h]);
            if let Some(h) = best {
                parent[g] = h;
            }
        }
    }

    /// Joins the groups (by their roots in `parent`) whose templates differ only in word columns
    /// that each hold enough distinct words or a variable (see [`crate::columns`]).
    fn join_columns(&self, groups: &[Vec<&Template>], counts: &[u64], parent: &mut [usize]) {
        // A message of one word beside a structured line's field names is its event's name.
        let one_word = |g: usize| one_word_event(&groups[g][0].tokens);
        let roots: Vec<usize> = (0..groups.len())
            .filter(|&g| parent[g] == g && !one_word(g))
            .collect();
        let rows: Vec<columns::Row<'_>> = roots
            .iter()
            .map(|&g| columns::Row {
                tokens: &groups[g][0].tokens,
                count: counts[g],
                severity: groups[g][0].severity(),
            })
            .collect();
        let min_distinct = self.config.variable_min_distinct;
        let joined =
            columns::column_groups(&rows, |p, words| column_needed(p, words, min_distinct));
        for (row, &g) in roots.iter().enumerate() {
            parent[g] = roots[joined[row]];
        }
    }

    /// Read-time form of [`crate::clause`] for a head of two plain words (`Authentication
    /// rejected: <reason>`), which the miner does not take as a head (two words before a colon
    /// open many events' own names): the groups (by their roots in `parent`) whose templates
    /// open with the same such head and end with the same two tokens join when their tails open
    /// with [`MIN_SHORT_HEAD_TAILS`] different words or more; the group of most lines names them.
    fn join_short_heads(&self, groups: &[Vec<&Template>], counts: &[u64], parent: &mut [usize]) {
        let plain = |t: &[u8]| {
            clause::opens_a_phrase(t) && t.iter().all(|b| b.is_ascii_alphabetic() || *b == b':')
        };
        type Key<'a> = (&'a [u8], &'a [u8], &'a [u8], &'a [u8]);
        let mut by_head: std::collections::HashMap<Key, Vec<usize>> =
            std::collections::HashMap::new();
        for (g, group) in groups.iter().enumerate() {
            let tokens = &group[0].tokens;
            let n = tokens.len();
            if parent[g] != g || n < 6 {
                continue;
            }
            let (a, b, tail) = (&tokens[0][..], &tokens[1][..], &tokens[2][..]);
            if plain(a) && !a.ends_with(b":") && plain(b) && b.ends_with(b":") && plain(tail) {
                // The reason stands between the head and a trailer of two tokens or more
                // (`(remote address <*>)`): words ending the line after two words and a colon
                // name events of their own (`program interrupt: illegal instruction`).
                by_head
                    .entry((a, b, &tokens[n - 2][..], &tokens[n - 1][..]))
                    .or_default()
                    .push(g);
            }
        }
        for members in by_head.values() {
            let mut openers: Vec<&[u8]> = members
                .iter()
                .map(|&g| &groups[g][0].tokens[2][..])
                .collect();
            openers.sort_unstable();
            openers.dedup();
            if openers.len() < MIN_SHORT_HEAD_TAILS {
                continue;
            }
            join_to_largest(groups, counts, parent, members);
        }
    }

    /// A name that opens the lines of several events (`cust_acme: Sending KEEPALIVE`, `cust_acme:
    /// State changed to up`, `cust_acme: Got OPEN(…)`; a bracketed one of several words too,
    /// `[mqtt-broker:Plant floor] Connected to broker: …`) names their source: a BGP peer, a unit,
    /// a module. The groups (by their roots in `parent`) whose templates are equal after such names
    /// closed by one mark, or after a value the masker dropped there, join: `cust_acme: Sending
    /// KEEPALIVE` and `transit_a: Sending KEEPALIVE` are one event. A name opening one event
    /// only is that event's own word.
    fn join_source_names(&self, groups: &[Vec<&Template>], counts: &[u64], parent: &mut [usize]) {
        let rest_key = |mark: u8, rest: &[Box<[u8]>]| {
            finish(
                rest.iter()
                    .fold(mix_word(LEAD_SEED, u64::from(mark)), |h, t| {
                        mix_bytes(mix_word(h, 1), t)
                    }),
            )
        };
        // The events each leading name opens (by the name's fingerprint), and the groups after
        // each (mark, rest).
        let mut events_of: std::collections::HashMap<u64, Vec<u64>> =
            std::collections::HashMap::new();
        // (mark, rest) → (group, the name opening it; none for a dropped value).
        type Rests = std::collections::HashMap<u64, Vec<(usize, Option<u64>)>>;
        let mut by_rest: Rests = std::collections::HashMap::new();
        for (g, group) in groups.iter().enumerate() {
            let template = group[0];
            let tokens = &template.tokens;
            if parent[g] != g || tokens.len() < 2 {
                continue;
            }
            if let Some(mark) = template.dropped_lead {
                by_rest
                    .entry(rest_key(mark, tokens))
                    .or_default()
                    .push((g, None));
                continue;
            }
            // A value in that place (`ssh://borg@backup01/./nas01: Creating archive`): names
            // and words opening the same rest are values there too (`local:`, `offsite:`).
            if tokens[0].len() == WILDCARD.len() + 1
                && tokens[0].starts_with(WILDCARD)
                && closing_mark(&tokens[0]) == b':'
            {
                by_rest
                    .entry(rest_key(b':', &tokens[1..]))
                    .or_default()
                    .push((g, None));
                continue;
            }
            // A name of one token, or a bracketed one of several (`[mqtt-broker:Home MQTT]`).
            let lead = if is_name_lead(&tokens[0]) || is_word_lead(&tokens[0]) {
                1
            } else if let Some(lead) = bracketed_lead(tokens) {
                lead
            } else {
                continue;
            };
            let key = rest_key(closing_mark(&tokens[lead - 1]), &tokens[lead..]);
            if lead > 1 && tokens[..lead].iter().any(|t| mask::contains_wildcard(t)) {
                // Names that already met in this place: a variable there, as a dropped value.
                by_rest.entry(key).or_default().push((g, None));
                continue;
            }
            let name = tokens[..lead]
                .iter()
                .fold(LEAD_SEED, |h, t| mix_bytes(mix_word(h, 2), t));
            events_of.entry(name).or_default().push(key);
            by_rest.entry(key).or_default().push((g, Some(name)));
        }
        for events in events_of.values_mut() {
            events.sort_unstable();
            events.dedup();
        }
        let is_source = |name: &u64| {
            events_of
                .get(name)
                .is_some_and(|events| events.len() >= MIN_SOURCE_EVENTS)
        };
        for members in by_rest.values() {
            // A plain word (`local:`) is a name only beside a value in its place: else it is as
            // often the message's first word (`Error:`, `warning:`).
            let beside_a_value = members.iter().any(|(_, name)| name.is_none());
            let joined: Vec<usize> = members
                .iter()
                .filter(|&&(g, ref name)| {
                    name.as_ref().is_none_or(is_source)
                        && (beside_a_value || !is_word_lead(&groups[g][0].tokens[0]))
                })
                .map(|&(g, _)| g)
                .collect();
            if joined.len() >= 2 {
                join_to_largest(groups, counts, parent, &joined);
            }
        }
    }

    /// A line that ends in a reason written as words (`%ADJCHANGE: neighbor <*> in vrf default
    /// Down Peer closed the session`, `… Down User reset`, `… Down Interface down`), or after an
    /// error's code (`…: 1213, Deadlock found …`): the groups (by their roots in `parent`) whose
    /// templates open alike, with [`MIN_REASON_OPENING_WORDS`] constant words or more, and end in
    /// tails of at most [`MAX_REASON_TOKENS`] tokens that open with [`MIN_REASON_OPENERS`]
    /// different words or more join; the group of most lines names them. Two events that differ in their last words
    /// (`now online` / `now offline`) differ in one or two; a reason is a phrase of many.
    fn join_trailing_reasons(
        &self,
        groups: &[Vec<&Template>],
        counts: &[u64],
        parent: &mut [usize],
    ) {
        // (the opening's fingerprint, its length) → (group, the word opening its reason).
        type Openings<'a> = std::collections::HashMap<(u64, usize), Vec<(usize, &'a [u8], usize)>>;
        let mut by_opening: Openings = std::collections::HashMap::new();
        for (g, group) in groups.iter().enumerate() {
            if parent[g] != g {
                continue;
            }
            let tokens = &group[0].tokens;
            let n = tokens.len();
            let (mut opening, mut words) = (REASON_SEED, 0usize);
            let plain = |t: &[u8]| t.len() >= 2 && t.iter().all(u8::is_ascii_alphabetic);
            for (p, token) in tokens.iter().enumerate() {
                // The opening ends in a word: after a mark (`…, No such file or directory`,
                // `…: Permission denied`) the reason is a clause's, which asks more of it.
                if words >= MIN_REASON_OPENING_WORDS
                    && n - p <= MAX_REASON_TOKENS
                    && plain(token)
                    && (plain(&tokens[p - 1]) || is_code_before_text(&tokens[p - 1]))
                    // An article opens a noun phrase, never ends an opening (`Session "<*>": The
                    // IP address …`, `… The new session …` are two events).
                    && !is_article(&tokens[p - 1])
                {
                    by_opening.entry((finish(opening), p)).or_default().push((
                        g,
                        &token[..],
                        n - p,
                    ));
                }
                opening = mix_bytes(opening, token);
                words += usize::from(!mask::contains_wildcard(token) && has_letters(token));
            }
        }
        for members in by_opening.values() {
            let mut openers: Vec<&[u8]> = members.iter().map(|&(_, w, _)| w).collect();
            openers.sort_unstable();
            openers.dedup();
            let longest = members.iter().map(|m| m.2).max().unwrap_or(0);
            if openers.len() < MIN_REASON_OPENERS || longest < MIN_LONGEST_REASON_TOKENS {
                continue;
            }
            let mut roots: Vec<usize> = members
                .iter()
                .map(|&(g, _, _)| root_of(parent, g))
                .collect();
            roots.sort_unstable();
            roots.dedup();
            let Some(&target) = roots.iter().max_by_key(|&&g| counts[g]) else {
                continue;
            };
            let severity = groups[target][0].severity();
            for g in roots {
                if g != target && groups[g][0].severity().same_event(severity) {
                    parent[g] = target;
                }
            }
        }
    }

    /// Joins the groups (by their roots in `parent`) whose templates are equal but for one run
    /// holding a value of many words, in three lengths or more (see [`crate::runs`]); the group
    /// of most lines names them.
    fn join_value_runs(&self, groups: &[Vec<&Template>], counts: &[u64], parent: &mut [usize]) {
        let roots: Vec<usize> = (0..groups.len()).filter(|&g| parent[g] == g).collect();
        let rows: Vec<&[Box<[u8]>]> = roots.iter().map(|&g| &groups[g][0].tokens[..]).collect();
        for set in runs::run_sets(&rows) {
            let mut members: Vec<usize> = set.iter().map(|&r| root_of(parent, roots[r])).collect();
            members.sort_unstable();
            members.dedup();
            join_to_largest(groups, counts, parent, &members);
        }
    }

    /// Records of fields set apart by ` | ` whose first field is free text (`Compute duplication
    /// metrics | status=SUCCESS | time=<*>ms`): the groups (by their roots in `parent`) whose
    /// templates end alike from their first bar on join when their first fields are
    /// [`MIN_SHORT_HEAD_TAILS`] different phrases or more; the group of most lines names them.
    fn join_leading_fields(&self, groups: &[Vec<&Template>], counts: &[u64], parent: &mut [usize]) {
        let mut by_trailer: std::collections::HashMap<&[Box<[u8]>], Vec<usize>> =
            std::collections::HashMap::new();
        for (g, group) in groups.iter().enumerate() {
            let tokens = &group[0].tokens;
            if parent[g] != g {
                continue;
            }
            let Some(bar) = tokens.iter().position(|t| &t[..] == b"|") else {
                continue;
            };
            // A field of words (a step's name), then at least one `key=value` field.
            let words = tokens[..bar]
                .iter()
                .all(|t| &t[..] == WILDCARD || t.iter().all(|b| b.is_ascii_alphabetic()));
            if bar >= 1 && words && tokens[bar + 1..].iter().any(|t| t.contains(&b'=')) {
                by_trailer.entry(&tokens[bar..]).or_default().push(g);
            }
        }
        for members in by_trailer.values() {
            if members.len() < MIN_SHORT_HEAD_TAILS {
                continue;
            }
            join_to_largest(groups, counts, parent, members);
        }
    }
}

/// The root of group `g` in `parent`: a chain of joins ends at a group that is its own parent.
fn root_of(parent: &[usize], mut g: usize) -> usize {
    while parent[g] != g {
        g = parent[g];
    }
    g
}

/// Joins `members` (groups by their roots in `parent`) to the one of most lines, each whose
/// severity allows it.
fn join_to_largest(
    groups: &[Vec<&Template>],
    counts: &[u64],
    parent: &mut [usize],
    members: &[usize],
) {
    let Some(&target) = members.iter().max_by_key(|&&g| counts[g]) else {
        return;
    };
    let severity = groups[target][0].severity();
    for &g in members {
        if g != target && groups[g][0].severity().same_event(severity) {
            parent[g] = target;
        }
    }
}

/// A value and a comma (`1213,` masked `<*>,`): an error's code before its text (`…: 1213,
/// Deadlock found when trying to get lock`), which the text follows as a reason does a word.
fn is_code_before_text(token: &[u8]) -> bool {
    token.strip_suffix(b",") == Some(WILDCARD)
}

/// Different events a name must open before it is a source's name (see
/// [`Miner::join_source_names`]).
const MIN_SOURCE_EVENTS: usize = 2;

/// Whether `token` is an English article (`The`, `a`, `an`).
fn is_article(token: &[u8]) -> bool {
    token.eq_ignore_ascii_case(b"the")
        || token.eq_ignore_ascii_case(b"a")
        || token.eq_ignore_ascii_case(b"an")
}

/// Tokens a reason ending a line may take (see [`Miner::join_trailing_reasons`]): a database's
/// error text runs to two dozen.
const MAX_REASON_TOKENS: usize = 32;

/// Constant words the opening shared by lines that end in different reasons must hold.
const MIN_REASON_OPENING_WORDS: usize = 3;

/// Different words opening the reasons that end lines of one opening before they are one event.
const MIN_REASON_OPENERS: usize = 3;

/// Tokens the longest of those reasons must hold: a reason is a phrase of many words, what
/// happened is one or two (`will be installed`, `will be upgraded`, `will be an upgrade`, dnf's).
const MIN_LONGEST_REASON_TOKENS: usize = 3;

/// Seed of the fingerprints of the openings of lines that end in a reason.
const REASON_SEED: u64 = 0x7265_6173;

/// Different words opening the tails after a head of two plain words before those groups are one
/// event (see [`Miner::join_short_heads`]).
const MIN_SHORT_HEAD_TAILS: usize = 4;

/// Distinct words a column of templates read as one must hold to be a variable, as
/// [`Miner::record_variants`] asks of one position: two of one closed set or bracketed names
/// ([`is_bracketed_name`]); one more for the first
/// token (unless quoted, bracketed or a compound name; never a signed name) and another when
/// half its words are verbs opening the message ([`is_opening_verb`]); one more for words
/// that are not free (`user=root`), unless they are keys' values and none holds nearly all lines;
/// never for a structured line's field names.
fn column_needed(p: usize, words: &columns::ColumnWords<'_>, min_distinct: usize) -> usize {
    // A structured line's field names (`fields=a,b`) are its event's own words, never a value:
    // lines of one message with other fields are other events (an API's endpoints).
    if words.iter().any(|&(w, _)| mask::is_field_list(w)) {
        return usize::MAX;
    }
    let set = closed_set(words[0].0);
    if set.is_some() && words.iter().all(|&(w, _)| closed_set(w) == set)
        || words.iter().all(|&(w, _)| is_bracketed_name(w))
    {
        return 2;
    }
    if p == 0 && words.iter().any(|&(w, _)| is_signed_name(w)) {
        return usize::MAX;
    }
    let names_the_event = p == 0
        && words.iter().any(|&(w, _)| {
            !w.first().is_some_and(|b| matches!(b, b'"' | b'(' | b'[')) && !is_compound_name(w)
        });
    let total: u64 = words.iter().map(|&(_, n)| n).sum();
    let most = words.iter().map(|&(_, n)| n).max().unwrap_or(0);
    let spread_keys = words.iter().all(|&(w, _)| is_key_and_word(w)) && most * 10 < total * 8;
    let free = words.iter().all(|&(w, _)| is_free_word(w));
    // Verbs opening the message (`Expired`, `Replayed` … `credential for client`) one more.
    let verbs = names_the_event
        && words.iter().filter(|&&(w, _)| is_opening_verb(w)).count() * 2 >= words.len();
    min_distinct
        + usize::from(names_the_event)
        + usize::from(verbs)
        + usize::from(!free && !spread_keys)
}

/// Lines a phrase's template holds when its phrase names an established event.
const ESTABLISHED_PHRASE_LINES: u64 = 10;
/// Phrases a stretch needs when two of them name established events.
const ESTABLISHED_PHRASES_NEEDED: usize = 5;

/// Constant words a template needs before one of its variables may take several tokens of
/// another's (see [`stretch_match`]).
pub(crate) const MIN_STRETCH_ANCHORS: usize = 3;

/// Most tokens a line may have beyond its template's, and most one delimited variable takes.
pub(crate) const MAX_STRETCH_TOKENS: usize = 8;

/// Templates compared by [`stretch_match`] at most per read: bounds the work of a digest over
/// the largest template set whatever its lines (past it, the rest stay apart).
const MAX_STRETCH_TRIES: usize = 200_000;

/// Tokens a bare variable inside the text may take, plus one (see [`stretch_match`]).
const MAX_BARE_STRETCH: usize = 4;

/// Most lines of a template whose bare variables may take runs of another's, and fewest lines of
/// that other: a line or two beside an established event.
const RARE_FOR_BARE_STRETCH: u64 = 2;
const ESTABLISHED_FOR_BARE_STRETCH: u64 = 4;

/// Whether `template` matches `line` when a delimited variable (`<*>:`, `(<*>)`, `'<*>',`:
/// punctuation only around it) takes a run of 2 to [`MAX_STRETCH_TOKENS`] tokens that opens with
/// its opening and ends at the first token closing like it, or a last bare `<*>` after a colon
/// takes the rest, or (with `bare`) any bare `<*>` takes up to three tokens; every other token
/// matches as one. Returns the first position that took a run.
pub(crate) fn stretch_match(template: &[Box<[u8]>], line: &[&[u8]], bare: bool) -> Option<usize> {
    let (n, m) = (template.len(), line.len());
    // reach[i][j]: template[i..] matches line[j..]; `stretched_at` the first position whose
    // variable took a run there (later runs are rare: the text of such a template is then only
    // informed by lines of its own length).
    let width = m + 1;
    let mut reach = vec![false; (n + 1) * width];
    reach[n * width + m] = true;
    let mut stretched_at = vec![usize::MAX; (n + 1) * width];
    for i in (0..n).rev() {
        let pattern = &template[i][..];
        let delimiters = delimited_variable(pattern);
        // A free-text reason after a colon (`failed: <*>`), not a last value that a line may
        // follow with an optional field (`from <*>` beside `from <*> (account locked)`).
        let tail = i + 1 == n && pattern == WILDCARD && i > 0 && template[i - 1].ends_with(b":");
        for j in (0..m).rev() {
            let cell = i * width + j;
            if token_matches(pattern, line[j]) && reach[cell + width + 1] {
                reach[cell] = true;
                stretched_at[cell] = stretched_at[cell + width + 1];
                continue;
            }
            if tail && m - j >= 2 {
                reach[cell] = true;
                stretched_at[cell] = i;
                continue;
            }
            // Inside the text only: a last value a line follows with more is an optional part.
            if bare && pattern == WILDCARD && i + 1 < n {
                for k in j + 1..m.min(j + MAX_BARE_STRETCH) {
                    if reach[(i + 1) * width + k + 1] {
                        reach[cell] = true;
                        stretched_at[cell] = i;
                        break;
                    }
                }
                continue;
            }
            let Some((open, close)) = delimiters else {
                continue;
            };
            if !line[j].starts_with(open) || line[j].len() <= open.len() || line[j].ends_with(close)
            {
                continue;
            }
            // The value runs to the first token closing like the variable.
            for k in j + 1..m.min(j + MAX_STRETCH_TOKENS) {
                if line[k].ends_with(close) {
                    if reach[(i + 1) * width + k + 1] {
                        reach[cell] = true;
                        stretched_at[cell] = i;
                    }
                    break;
                }
            }
        }
    }
    if !reach[0] {
        return None;
    }
    Some(stretched_at[0]).filter(|&at| at != usize::MAX)
}

/// `(<*>):` → `(` and `):`; `<*>,` → `` and `,`: a whole-token variable with punctuation only
/// around it, closed by at least one mark.
fn delimited_variable(pattern: &[u8]) -> Option<(&[u8], &[u8])> {
    let at = pattern
        .windows(WILDCARD.len())
        .position(|w| w == WILDCARD)?;
    let (open, close) = (&pattern[..at], &pattern[at + WILDCARD.len()..]);
    let punctuation = |part: &[u8]| part.iter().all(|b| b.is_ascii_punctuation());
    (!close.is_empty()
        && punctuation(open)
        && punctuation(close)
        && !mask::contains_wildcard(close))
    .then_some((open, close))
}

fn split_wildcards(pattern: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = Some(pattern);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.windows(WILDCARD.len()).position(|w| w == WILDCARD) {
            Some(at) => {
                rest = Some(&current[at + WILDCARD.len()..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// A word's fingerprint without the punctuation around it (`(root)`, `root,` → `root`).
fn word_fingerprint(token: &[u8]) -> u64 {
    let start = token.iter().position(u8::is_ascii_alphanumeric);
    let end = token.iter().rposition(u8::is_ascii_alphanumeric);
    let word = match (start, end) {
        (Some(start), Some(end)) => &token[start..=end],
        _ => token,
    };
    finish(mix_bytes(TOKEN_SEED, word))
}

/// Contexts in which the same two quoted words must alternate before they are values.
const RECURRING_PAIR_CONTEXTS: usize = 3;

/// A word opening with a quote (`"roadwarrior"[<*>]`, `'main'`): written as a value is.
fn is_quoted_value(token: &[u8]) -> bool {
    matches!(token.first(), Some(b'"' | b'\''))
}

/// At least two letters: a word that may be a value when it varies.
/// Token `i` is a JSON object written with its values as placeholders (`{"route":"<*>"}`, see
/// [`crate::inline_json`]) and every other token a key or a value (`JSON= {"ID":"<*>",…}`, Boulder's
/// audit records): the object is the whole message, its keys the call site's, so objects of
/// other keys are other events. Beside a message's words an object's keys may be the data's.
fn is_keyed_object(tokens: &[Box<[u8]>], i: usize) -> bool {
    tokens[i].starts_with(b"{\"")
        && mask::contains_wildcard(&tokens[i])
        && tokens
            .iter()
            .enumerate()
            .all(|(j, t)| j == i || t.ends_with(b"=") || t.ends_with(b":") || t[..] == *WILDCARD)
}

fn has_letters(token: &[u8]) -> bool {
    token.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
}

/// True when template tokens `pattern` cover `tokens`: equal, or matched where `pattern` holds
/// a variable.
fn covers(pattern: &[Box<[u8]>], tokens: &[Box<[u8]>]) -> bool {
    pattern.len() == tokens.len()
        && pattern
            .iter()
            .zip(tokens)
            .all(|(p, t)| p == t || token_matches(p, t))
        && (pattern.iter().any(|p| &p[..] != WILDCARD)
            || tokens.iter().all(|t| is_value_or_closed_set_word(t)))
}

/// A token holding a variable, or a word of a closed set: what a template of variables only
/// (see [`Miner::find_matching_template`]) may take at each position.
fn is_value_or_closed_set_word(token: &[u8]) -> bool {
    mask::contains_wildcard(token) || closed_set(token).is_some()
}

/// A token holding a variable with every run of value bytes (letters, digits, `-`, `/`, `:`)
/// that touches a placeholder made the placeholder: `"db-pg-<*>"` → `"<*>"`, `/p/gb<*>/x` →
/// `<*>`, while `blk_<*>`, `core.<*>`, `key=<*>` and `curl/<*>` keep their kind.
pub(crate) fn variable_kind(token: &[u8]) -> Vec<u8> {
    let value_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'/' | b':');
    let mut out = Vec::with_capacity(token.len());
    let mut i = 0;
    while i < token.len() {
        if mask::wildcard_at(token, i) || value_byte(token[i]) {
            // A run of value bytes and placeholders.
            let start = i;
            let mut holds = false;
            while i < token.len() {
                if mask::wildcard_at(token, i) {
                    holds = true;
                    i += WILDCARD.len();
                } else if value_byte(token[i]) {
                    i += 1;
                } else {
                    break;
                }
            }
            let run = &token[start..i];
            // A product and its version (`curl/<*>`) keep the product: in an access log it is
            // one of the few words that anchor the event.
            let product = run.iter().position(|&b| b == b'/').filter(|&slash| {
                slash > 0
                    && run[..slash].iter().all(u8::is_ascii_alphabetic)
                    && run[slash + 1..].starts_with(WILDCARD)
            });
            if let Some(slash) = product {
                out.extend_from_slice(&run[..=slash]);
                out.extend_from_slice(WILDCARD);
            } else if holds {
                out.extend_from_slice(WILDCARD);
            } else {
                out.extend_from_slice(&token[start..i]);
            }
        } else {
            out.push(token[i]);
            i += 1;
        }
    }
    out
}

/// The message with the values of a Ruby hash or of a JSON object inside it (Rails' params,
/// Monolog's context) written as placeholders, keys kept; `None` when it holds neither.
fn with_object_values(body: &[u8]) -> Option<Vec<u8>> {
    structured::with_ruby_hash_values(body).or_else(|| crate::inline_json::with_object_values(body))
}

/// The closing mark of a line's one leading value that the masker dropped (`php8.3-fpm.service:`
/// → `:`, `0` without punctuation), or `None` when it dropped none or several.
fn dropped_lead(masked: &MaskedLine, body: &[u8]) -> Option<u8> {
    if masked.origins().first() != Some(&1) {
        return None;
    }
    let &(start, end) = masked.raw_tokens().first()?;
    body.get(start..end).map(closing_mark)
}

/// A token's last byte when it closes it (`:`, `]`), else 0 (`worker_`); a placeholder's `>` is not.
fn closing_mark(token: &[u8]) -> u8 {
    if token.ends_with(WILDCARD) {
        return 0;
    }
    token
        .last()
        .copied()
        .filter(|b| {
            matches!(
                b,
                b':' | b',' | b';' | b')' | b']' | b'}' | b'>' | b'.' | b'!' | b'?'
            )
        })
        .unwrap_or(0)
}

/// Tokens of a bracketed name opening `tokens` (`[mqtt-broker:Home MQTT]`, `[sshd]`): a `[` and a
/// letter, closed by `]` within [`MAX_BRACKETED_LEAD`] tokens, and something after it.
fn bracketed_lead(tokens: &[Box<[u8]>]) -> Option<usize> {
    let first = tokens.first()?;
    if !(first.starts_with(b"[") && first.get(1).is_some_and(u8::is_ascii_alphabetic)) {
        return None;
    }
    let lead = tokens
        .iter()
        .take(MAX_BRACKETED_LEAD)
        .position(|t| t.ends_with(b"]"))?
        + 1;
    (lead < tokens.len()
        && tokens[..lead].iter().all(|t| {
            t.split_last()
                .is_some_and(|(_, init)| !init.contains(&b']'))
        }))
    .then_some(lead)
}

/// Most tokens of a bracketed name opening a line (see [`bracketed_lead`]).
const MAX_BRACKETED_LEAD: usize = 4;

/// A first token that may stand where other lines opened with a value (see [`Miner::join_lead`]):
/// a variable already (a first token merged from values), or a name ([`is_name_lead`]).
fn may_lead_for_a_value(first: &[u8]) -> bool {
    (mask::contains_wildcard(first) && !mask::has_constant_content(first)) || is_name_lead(first)
}

/// A first token that may stand where other lines hold a value: a name made of several parts
/// (`node-exporter.service:`, `eth0:`, `worker_3`, `localhost:<*>`), not a plain word (`kernel:`,
/// `Started`) nor a quoted or bracketed one, nor a word of a closed set or a signed name.
fn is_name_lead(token: &[u8]) -> bool {
    let core = token
        .iter()
        .rposition(|b| !b.is_ascii_punctuation())
        .map_or(&token[..0], |last| &token[..=last]);
    core.first().is_some_and(u8::is_ascii_alphabetic)
        && core.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
        && core
            .iter()
            .any(|&b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'_' | b'/' | b'<' | b':'))
        && closed_set(token).is_none()
        && !is_signed_name(token)
}

/// A plain word of two letters or more closed by a colon (`local:`, `offsite:`), which names a
/// source only where a value opens the same lines (see [`Miner::join_source_names`]).
fn is_word_lead(token: &[u8]) -> bool {
    token.strip_suffix(b":").is_some_and(|word| {
        word.len() >= 2 && word.iter().all(u8::is_ascii_alphabetic) && closed_set(word).is_none()
    })
}

/// Nouns that name an attribute whose value follows or precedes them (`in state RUN`, `running in
/// USER mode`, `(type ipv4)`): a slot beside one is a value at two values, as a closed set's is.
const ATTRIBUTE_NOUNS: &[&[u8]] = &[
    b"state", b"status", b"mode", b"type", b"level", b"role", b"phase", b"kind", b"policy",
];

/// Whether `token`'s letters, without case, are one of [`ATTRIBUTE_NOUNS`] (`(type`, `STATE`):
/// no allocation, and most tokens are refused by their length.
fn is_attribute_noun(token: &[u8]) -> bool {
    if token.len() > 10 {
        return false;
    }
    let mut letters = [0u8; 10];
    let mut n = 0;
    for &b in token {
        if b.is_ascii_alphabetic() {
            letters[n] = b.to_ascii_lowercase();
            n += 1;
        }
    }
    (4..=6).contains(&n) && ATTRIBUTE_NOUNS.contains(&&letters[..n])
}

/// Prepositions that put an attribute noun before its value (`in state RUN`, `to status done`);
/// after a bare noun a word is more often what happened (`emergency mode entered`).
const ATTRIBUTE_PREPOSITIONS: &[&[u8]] = &[b"in", b"into", b"to", b"from", b"of", b"with"];

/// Whether the word at `i` is an attribute's value by its phrase (see [`ATTRIBUTE_NOUNS`]): before
/// a noun that is no key (`in USER mode`, `Entering BACKUP STATE`), or after a preposition and a noun (`in state
/// RUN`) or a bracketed noun (`(type ipv4)`), not after a bare noun (`emergency mode entered` says
/// what happened); a word itself, not a `key=value`.
fn names_an_attribute(tokens: &[Box<[u8]>], nouns: &[bool], i: usize) -> bool {
    let is_noun = |j: usize| nouns.get(j).copied().unwrap_or(false);
    let is_preposition = |j: usize| ATTRIBUTE_PREPOSITIONS.contains(&&tokens[j][..]);
    if i == 0 || tokens[i].contains(&b'=') {
        return false;
    }
    let after_noun =
        is_noun(i - 1) && (tokens[i - 1].starts_with(b"(") || (i >= 2 && is_preposition(i - 2)));
    // Not before a key (`replication status: …`): the key's value follows its colon, and the
    // word names which of the line's attributes it is.
    let before_noun = is_noun(i + 1) && !tokens[i + 1].ends_with(b":");
    // `(rule expire-tmp)`, `(generation 3)`: a word and its value in brackets of their own.
    let bracketed_pair = tokens[i - 1].len() > 2
        && tokens[i - 1].starts_with(b"(")
        && tokens[i - 1][1..].iter().all(u8::is_ascii_lowercase)
        && tokens[i].ends_with(b")")
        && !tokens[i][..tokens[i].len() - 1].contains(&b'(');
    after_noun || before_noun || bracketed_pair
}

/// A word written as values are: in capitals ([`is_upper_case_word`]), a name of parts joined
/// by `/` (`layouts/admin`, `jdbc/ShopDB`), one word in brackets or quotes
/// ([`is_delimited_word`]), a snake_case name ([`is_snake_case_name`]) or a key's bare word
/// ([`is_key_and_bare_word`]), which two values in one slot make a variable.
pub(crate) fn is_value_shaped_word(token: &[u8]) -> bool {
    is_upper_case_word(token)
        || is_slash_name(token)
        || is_delimited_word(token)
        || is_snake_case_name(token)
        || is_key_and_bare_word(token)
}

/// `mech=LOGIN,`, `folder=Inbox`: a key and one word of letters (a mode, a folder, a mailer),
/// which two values in one slot make a variable unless, when the second value comes, the first
/// holds nearly all the lines seen so far (the test is made then, as for any pair).
fn is_key_and_bare_word(token: &[u8]) -> bool {
    let token = token.strip_suffix(b",").unwrap_or(token);
    is_key_and_word(token)
        && token
            .iter()
            .position(|&b| b == b'=')
            .is_some_and(|eq| token[eq + 1..].iter().all(u8::is_ascii_alphabetic))
}

/// `queue=batch`, `(reason=quit)`, `mode=fast,`: a field whose value is one word of letters
/// (parentheses around it and a comma after it aside).
fn is_field_of_a_word(token: &[u8]) -> bool {
    let token = token.strip_prefix(b"(").unwrap_or(token);
    is_key_and_bare_word(token.strip_suffix(b")").unwrap_or(token))
}

/// Keys whose values say what happened or who acted, as an event's words do (`status=sent`
/// beside `status=deferred` are two events of a mail server, `user=root` beside `user=guest`
/// two of Linux's PAM in Loghub's ground truth): their words need one more value than other
/// fields' before they are one (see [`Miner::record_variants_once`]). The last part of a dotted
/// or joined key counts (`job.status`, `last_state`).
const EVENT_OR_ACTOR_KEYS: &[&[u8]] = &[
    b"status",
    b"state",
    b"result",
    b"outcome",
    b"action",
    b"event",
    b"type",
    b"kind",
    b"op",
    b"operation",
    b"method",
    b"level",
    b"severity",
    b"mode",
    b"code",
    b"verdict",
    b"decision",
    b"user",
    b"username",
];

/// Whether `token`'s key is one of [`EVENT_OR_ACTOR_KEYS`].
fn names_the_event_or_actor(token: &[u8]) -> bool {
    let token = token.strip_prefix(b"(").unwrap_or(token);
    let Some(eq) = mask::field_key_end(token) else {
        return false;
    };
    let key = &token[..eq];
    let last = key
        .rsplit(|&b| matches!(b, b'.' | b'_' | b'-' | b'['))
        .next()
        .unwrap_or(key);
    EVENT_OR_ACTOR_KEYS
        .iter()
        .any(|k| last.eq_ignore_ascii_case(k))
}

/// `two_factor`, `vacuum_stage`: lower-case words joined by `_`, the way a program names its
/// policies, tasks and modes, never the way a sentence speaks. Stricter than the header's
/// logger test (`header::is_snake_case`): letters only, two or more in each part, as a value
/// here must not be an id such as `job_2024`.
fn is_snake_case_name(token: &[u8]) -> bool {
    let parts = token.split(|&b| b == b'_');
    let mut count = 0;
    for part in parts {
        if part.len() < 2 || !part.iter().all(u8::is_ascii_lowercase) {
            return false;
        }
        count += 1;
    }
    count >= 2
}

/// `state="up"`: a key and one word in quotes, set apart as a value is.
fn is_quoted_key_word(token: &[u8]) -> bool {
    token
        .iter()
        .position(|&b| b == b'=')
        .is_some_and(|eq| eq > 0 && is_delimited_word(&token[eq + 1..]))
}

/// `[send]`, `"up"`: one word in brackets or quotes, set apart as a value is (a state, a
/// direction, a mode), where an event's words run bare. Not in parentheses: `(reserved)` /
/// `(usable)`, `(Producer)` / `(Consumer)` name kinds of event as often.
fn is_delimited_word(token: &[u8]) -> bool {
    let inner = match token {
        [b'[', inner @ .., b']'] | [b'"', inner @ .., b'"'] => inner,
        [b'\'', inner @ .., b'\''] => inner,
        _ => return false,
    };
    inner.len() >= 2 && inner.iter().all(|&b| b.is_ascii_alphabetic() || b == b'_')
}

/// `layouts/admin`, `jdbc/ShopDB`: two or more parts of two characters or more (letters, digits,
/// `_`, `-`, `.`) joined by `/`, none empty: a relative path or a namespaced name.
fn is_slash_name(token: &[u8]) -> bool {
    let mut parts = 0;
    for part in token.split(|&b| b == b'/') {
        if part.len() < 2
            || !part
                .iter()
                .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

/// A word in capitals (`FAILED`, `IB`, `RUN`, `E_NOENT`): a state, a code or a constant's name,
/// which events name far less often than they hold it (`Worker group FAILED` / `UNHEALTHY`).
fn is_upper_case_word(token: &[u8]) -> bool {
    // One pass that stops at the first lower-case letter, as most words do at once.
    let (mut capitals, mut seen, mut closed) = (0usize, false, false);
    for &b in token {
        if b.is_ascii_lowercase() {
            return false;
        }
        let inner = b.is_ascii_alphanumeric() || (seen && matches!(b, b'_' | b'-'));
        if inner {
            if closed {
                return false;
            }
            seen = true;
            capitals += usize::from(b.is_ascii_uppercase());
        } else if seen {
            closed = true;
        }
    }
    capitals >= 2
}

/// `status=failed`, `currency=EUR`: a key and a word as its value.
fn is_key_and_word(token: &[u8]) -> bool {
    let Some(eq) = mask::field_key_end(token) else {
        return false;
    };
    let value = &token[eq + 1..];
    value.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2 && !mask::contains_wildcard(value)
}

/// `VRRP_Script(chk_nginx)`, `temporal-sys-tq-scanner-workflow`, `rate_filter`: a name made of
/// parts (joined by `_`, `-` or brackets, a trailing `:` aside), which a program gives to the things
/// it reports on; a bare word (`cupsd`) names an event more often.
fn is_compound_name(token: &[u8]) -> bool {
    let token = token.strip_suffix(b":").unwrap_or(token);
    token.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 4
        && token
            .iter()
            .any(|&b| matches!(b, b'_' | b'-' | b'(' | b'['))
        && token.first().is_some_and(u8::is_ascii_alphabetic)
        && !mask::contains_wildcard(token)
}

/// `[in_tail_containers]`, `[out-s3]`: a name made of parts in brackets, which marks an instance
/// the line is about (a plugin, a worker, a queue) rather than a word of the sentence: two of
/// them in one slot are values, as ids of one kind are.
fn is_bracketed_name(token: &[u8]) -> bool {
    token
        .strip_prefix(b"[")
        .and_then(|t| t.strip_suffix(b"]"))
        .or_else(|| token.strip_prefix(b"<").and_then(|t| t.strip_suffix(b">")))
        .is_some_and(is_compound_name)
}

/// A structured line's message of one word, no `key=value`, beside its field names
/// (`atc.scanner.tick.start fields=data`, lager's event names): the event's own name, never a
/// value, though the field names are constant tokens beside it.
fn one_word_event(tokens: &[Box<[u8]>]) -> bool {
    let mut words = tokens.iter().filter(|t| !mask::is_field_list(t));
    tokens.len() > 1 && words.next().is_some_and(|w| !w.contains(&b'=')) && words.next().is_none()
}

/// `+sdown`, `-odown`, `+switch-master`: a name behind a sign, which opens a line to say what
/// happened (added, removed) and is the event's name, never a value.
fn is_signed_name(token: &[u8]) -> bool {
    matches!(token.first(), Some(b'+' | b'-'))
        && token.get(1).is_some_and(u8::is_ascii_alphabetic)
        && token[1..]
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
}

/// An id with its kind before it: letters, one `-`, `_` or `[`, a variable, then punctuation
/// only (`chatcmpl-<*>`, `blk_<*>`, `gpu[<*>]`). Not `key=<*>` (an enum's key) nor
/// `name.....<*>` (a field and its value).
fn is_kind_of_id(token: &[u8]) -> bool {
    let kind = token.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let Some(rest) = token.get(kind + 1..) else {
        return false;
    };
    kind >= 2
        && matches!(token[kind], b'-' | b'_' | b'[')
        && rest.starts_with(WILDCARD)
        && rest[WILDCARD.len()..].iter().all(u8::is_ascii_punctuation)
}

/// `RETR`, `STOR`, `IXFR,`: a word of two to eight capital letters (and maybe a comma), the way
/// a protocol names its commands and methods (acronyms match too). Opening a message, it asks for
/// no more distinct values than any word does before it is a value: it names no event by its
/// place.
fn is_command_word(token: &[u8]) -> bool {
    let word = token.strip_suffix(b",").unwrap_or(token);
    (2..=8).contains(&word.len()) && word.iter().all(u8::is_ascii_uppercase)
}

/// A lower-case word of five letters or more ending in `ed` (`added`, `deleted`, `stopped`): in
/// a log line, most often the verb that names what happened (states such as `enabled` match
/// too; they only lose the independence rule, not the count of values).
fn is_past_tense_verb(token: &[u8]) -> bool {
    token.len() >= 5 && token.ends_with(b"ed") && token.iter().all(u8::is_ascii_lowercase)
}

/// `Started`, `Expired`, `Stopping`: a word of five letters or more in lower case (capitalised
/// or not) ending in `ed` or `ing`. Opening a message it is the verb that names what happened,
/// which a name (`Quartzfox`, `db-07`) rarely looks like.
fn is_opening_verb(token: &[u8]) -> bool {
    token.len() >= 5
        && (token.ends_with(b"ed") || token.ends_with(b"ing"))
        && token[0].is_ascii_alphabetic()
        && token[1..].iter().all(u8::is_ascii_lowercase)
}

/// Tokens that may be values when they vary: holding at least two letters, and not `key=value`
/// (its non-numeric values are enums such as states and user classes, which tell events apart
/// more often). Upper-case words are values like any other: a state (`LOOKING`, `TURBO_STREAM`)
/// that takes three values in one slot is a variable, as the ground truths of unseen systems
/// write it; the cost is that `Transitioned from NEW to INITED` and its kin become one event.
fn is_free_word(token: &[u8]) -> bool {
    let letters = token.iter().filter(|b| b.is_ascii_alphabetic()).count();
    letters >= 2 && !token.contains(&b'=')
}

/// `line` without terminal escape sequences (`\x1b[32m INFO\x1b[0m`: colour codes that programs
/// write when they think a terminal reads them, and that container logs keep). They would split
/// one event into as many templates as there are colourings, and hide the header from its
/// detection. Borrowed when there is none (nearly always: one byte search). Only the sequences
/// go (see [`escape_end`]): tabs, other controls and bytes that are not UTF-8 stay as they came,
/// which is why this is not the `strip-ansi-escapes` crate (it drops tabs and rewrites invalid
/// UTF-8).
fn without_escapes(line: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let Some(first) = memchr::memchr(0x1b, line) else {
        return std::borrow::Cow::Borrowed(line);
    };
    let mut out = Vec::with_capacity(line.len());
    out.extend_from_slice(&line[..first]);
    let mut i = first;
    while i < line.len() {
        if line[i] == 0x1b {
            i = escape_end(line, i);
        } else {
            let next = memchr::memchr(0x1b, &line[i..]).map_or(line.len(), |at| i + at);
            out.extend_from_slice(&line[i..next]);
            i = next;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Where the escape sequence opening at `line[start]` (an ESC) ends: a CSI (`ESC [`, parameter
/// and intermediate bytes, a final byte), an OSC or other string (`ESC ]`, `ESC P`, `ESC _`,
/// `ESC ^`, `ESC X`, up to BEL or `ESC \`; one never closed loses its two opening bytes only),
/// or `ESC`, intermediate bytes and a final byte (`ESC c`, `ESC (B`). A lone ESC goes alone.
fn escape_end(line: &[u8], start: usize) -> usize {
    let at = |i: usize| line.get(i).copied();
    match at(start + 1) {
        Some(b'[') => {
            let mut i = start + 2;
            while at(i).is_some_and(|b| (0x30..=0x3f).contains(&b)) {
                i += 1;
            }
            while at(i).is_some_and(|b| (0x20..=0x2f).contains(&b)) {
                i += 1;
            }
            if at(i).is_some_and(|b| (0x40..=0x7e).contains(&b)) {
                i + 1
            } else {
                i
            }
        }
        Some(b']' | b'P' | b'_' | b'^' | b'X') => {
            let body = &line[start + 2..];
            for (k, &b) in body.iter().enumerate() {
                if b == 0x07 {
                    return start + 2 + k + 1;
                }
                if b == 0x1b && body.get(k + 1) == Some(&b'\\') {
                    return start + 2 + k + 2;
                }
            }
            start + 2
        }
        Some(_) => {
            let mut i = start + 1;
            while at(i).is_some_and(|b| (0x20..=0x2f).contains(&b)) {
                i += 1;
            }
            if at(i).is_some_and(|b| (0x30..=0x7e).contains(&b)) {
                i + 1
            } else {
                start + 1
            }
        }
        None => start + 1,
    }
}

/// The earlier of two optional times.
pub(crate) fn min_option(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The later of two optional times.
pub(crate) fn max_option(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

/// A fingerprint of a template's text (its tokens, wildcards included).
fn text_fingerprint(template: &Template) -> u64 {
    finish(
        template
            .tokens
            .iter()
            .fold(TEXT_SEED, |state, token| mix_bytes(state, token)),
    )
}

fn shape_fingerprint(masked: &MaskedLine) -> u64 {
    let mut state = mix_word(SHAPE_SEED, masked.len() as u64);
    for token in masked.tokens() {
        state = mix_bytes(state, token);
    }
    finish(state)
}

fn bucket_key(len: usize, first: &[u8]) -> u64 {
    finish(mix_bytes(mix_word(BUCKET_SEED, len as u64), first))
}

fn template_bucket_key(template: &Template) -> u64 {
    let first = template.tokens.first().map(|t| &t[..]).unwrap_or(&[]);
    bucket_key(template.tokens.len(), first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    #[test]
    fn identical_shapes_share_a_template() {
        let mut miner = Miner::new(MinerConfig::default());
        let a = miner.add_line(b"connected to 10.0.0.1:80 in 5 ms", None);
        let b = miner.add_line(b"connected to 10.0.0.2:8080 in 17 ms", None);
        assert_eq!(miner.resolve(a), miner.resolve(b));
        assert_eq!(
            miner.template(a).map(Template::text).as_deref(),
            Some("connected to <*>:<*> in <*> ms")
        );
    }

    #[test]
    fn a_private_key_block_is_followed_on_its_own_stream_only() {
        let mut miner = Miner::new(MinerConfig::default());
        miner.add_stream_line(0, b"loading key -----BEGIN RSA PRIVATE KEY-----", None);
        let body = miner.add_stream_line(0, b"MIIEpAIBAAKCAQEA0aBcDeF", None);
        // Written on the other stream while the block is open on the first.
        let error = miner.add_stream_line(1, b"ERROR login failed for admin", None);
        miner.add_stream_line(0, b"-----END RSA PRIVATE KEY-----", None);
        let after = miner.add_line(b"MIIEpAIBAAKCAQEA0aBcDeF", None);
        let text = |id| miner.template(id).map(Template::text);
        assert_eq!(text(body).as_deref(), Some(REDACTED));
        assert_eq!(text(error).as_deref(), Some("login failed for admin"));
        assert_ne!(
            text(after).as_deref(),
            Some(REDACTED),
            "the block ended on its stream"
        );
    }

    #[test]
    fn a_logfmt_record_behind_a_learned_header_is_read_by_its_fields() {
        let mut miner = Miner::new(MinerConfig::default());
        let ids: Vec<(TemplateId, bool)> = (0..40)
            .map(|i| {
                let header = format!(
                    "[Sat Mar 14 10:{:02}:00 2026][{}.{}]",
                    i,
                    1000 + i % 4 * 37,
                    i % 9
                );
                let ban = i % 3 == 0;
                let message = if ban {
                    format!(r#"msg="Ban on Ip 10.0.{i}.9 for {i}h" peer=10.0.0.{i}"#)
                } else {
                    format!(r#"msg="Ip 10.0.{i}.1 performed 'scan-{i}' ({i} events over {i}s)""#)
                };
                let line = format!("{header} {message}");
                (miner.add_line(line.as_bytes(), None), ban)
            })
            .collect();
        // Every line of an event in one template, the early ones (mined while the header was
        // learned) too, its text the message's as on a line of its own.
        for &(id, ban) in &ids {
            let text = miner.template(id).map(Template::text);
            let want = if ban {
                "Ban on Ip <*> for <*> fields=peer"
            } else {
                "Ip <*> performed 'scan-<*>' (<*> events over <*>)"
            };
            assert_eq!(text.as_deref(), Some(want));
        }
    }

    #[test]
    fn lines_a_layout_stopped_fitting_are_placed_again_once_it_is_learned_anew() {
        // A first window of one event (memcached's slab table at startup) makes its constant
        // words look like header; the lines after it do not fit that layout, and those mined
        // before it is learned anew join their events' templates then.
        let mut miner = Miner::new(MinerConfig::default());
        let hosts = ["node-07", "db-3", "gw01", "node-12"];
        let header = |i: usize| {
            format!(
                "Mar 14 10:{:02}:{:02} {} acmed[{}] (ingest.worker[{}]): ",
                i / 60,
                i % 60,
                hosts[i * 7 % 4],
                1000 + i * 37 % 5,
                1030 + i % 9
            )
        };
        for i in 0..30 {
            let line = format!(
                "{}slab class {}: chunk size {} perslab 10922",
                header(i),
                i + 1,
                96 + 24 * i
            );
            miner.add_line(line.as_bytes(), None);
        }
        let events = [
            "new auto-negotiating client connection",
            "Client using the ascii protocol",
            "connection closed.",
        ];
        let ids: Vec<(TemplateId, usize)> = (30..150)
            .map(|i| {
                let line = format!("{}{}", header(i), events[i % 3]);
                (miner.add_line(line.as_bytes(), None), i % 3)
            })
            .collect();
        for (id, event) in ids {
            assert_eq!(
                miner.template(id).map(Template::text).as_deref(),
                Some(events[event])
            );
        }
    }

    #[test]
    fn a_logfmt_record_behind_a_header_ending_with_a_name_is_read_by_its_fields() {
        // NetBackup's `[pid.tid] <level> process function:` before audit records: the function
        // is the header's, not a value of a message that opens with pairs.
        let mut miner = Miner::new(MinerConfig::default());
        let functions = ["main", "read_msg", "send_file"];
        let ids: Vec<(TemplateId, bool)> = (0..60)
            .map(|i| {
                let login = i % 2 == 0;
                let message = if login {
                    format!(
                        r#"pid={} uid=0 auid={} msg="user login {i} done""#,
                        900 + i,
                        i % 5
                    )
                } else {
                    format!(
                        r#"pid={} uid=0 ses={i} msg="credentials set for u{i}""#,
                        700 + i
                    )
                };
                let line = format!(
                    "10:00:{:02}.000 [{}.{}] <{}> bpbrm {}: {message}",
                    i % 60,
                    1000 + i * 37 % 5,
                    5000 + i % 7,
                    2 + i % 3,
                    functions[i / 2 % 3],
                );
                (miner.add_line(line.as_bytes(), None), login)
            })
            .collect();
        // Every line, the early ones (mined while the header was learned) too.
        for &(id, login) in &ids {
            let text = miner.template(id).map(Template::text);
            let want = if login {
                "user login <*> done fields=uid,auid"
            } else {
                "credentials set for <*> fields=uid,ses"
            };
            assert_eq!(text.as_deref(), Some(want));
        }
    }

    #[test]
    fn a_logfmt_record_behind_a_header_opening_with_a_pair_is_read_by_its_fields() {
        // The header's own first field is a pair (`user=jdoe`): the record is what the learned
        // header leaves, on every line.
        let mut miner = Miner::new(MinerConfig::default());
        let users = ["jdoe", "admin", "svc-sync"];
        let ids: Vec<(TemplateId, bool)> = (0..40)
            .map(|i| {
                let batch = i % 4 == 0;
                let message = if batch {
                    format!(r#"msg="Created a batch of feeds" nb_jobs={i}"#)
                } else {
                    format!(r#"msg="Incoming request" client_ip=10.0.0.{i} execution_time={i}ms"#)
                };
                let line = format!("17734824{i:02}.000 user={} {{I}} - {message}", users[i % 3]);
                (miner.add_line(line.as_bytes(), None), batch)
            })
            .collect();
        for &(id, batch) in &ids {
            let want = if batch {
                "Created a batch of feeds fields=nb_jobs"
            } else {
                "Incoming request fields=client_ip,execution_time"
            };
            assert_eq!(
                miner.template(id).map(Template::text).as_deref(),
                Some(want)
            );
        }
    }

    #[test]
    fn a_delimited_phrase_of_any_length_is_one_variable() {
        let mut miner = Miner::new(MinerConfig::default());
        let a = miner.add_line(
            b"Aborted connection 12 to db shop (Got timeout reading communication packets).",
            None,
        );
        let b = miner.add_line(
            b"Aborted connection 13 to db shop (Got an error reading communication packets).",
            None,
        );
        let c = miner.add_line(b"Aborted connection 14 to db shop (Broken pipe).", None);
        assert_eq!(miner.resolve(a), miner.resolve(b));
        assert_eq!(miner.resolve(a), miner.resolve(c));
        // One word apart in brackets is left to the position evidence: two values stay apart.
        let drain = miner.add_line(b"child 7 exited in state 9 (draining) after 3 s", None);
        let stop = miner.add_line(b"child 8 exited in state 11 (stopping) after 4 s", None);
        assert_ne!(miner.resolve(drain), miner.resolve(stop));
    }

    #[test]
    fn key_values_and_word_pairs_that_vary_together_become_variables() {
        let mut miner = Miner::new(MinerConfig::default());
        let users = ["alice", "bob", "carol", "dave"];
        let dbs = ["shop", "billing", "audit", "crm"];
        let ids: Vec<TemplateId> = (0..4)
            .map(|i| {
                let line = format!(
                    "connection authorized: user={} database={} application_name=psql",
                    users[i],
                    dbs[(i + 1) % 4]
                );
                miner.add_line(line.as_bytes(), None)
            })
            .collect();
        assert!(
            ids.iter()
                .all(|&id| miner.resolve(id) == miner.resolve(ids[0]))
        );
        let ids: Vec<TemplateId> = (0..3)
            .map(|i| {
                let line = format!(
                    "Aborted connection {i} to db: '{}' user: '{}' host: 10.0.0.{i}",
                    dbs[i],
                    users[(i + 2) % 4]
                );
                miner.add_line(line.as_bytes(), None)
            })
            .collect();
        assert!(
            ids.iter()
                .all(|&id| miner.resolve(id) == miner.resolve(ids[0]))
        );
        // Two values each, seen in all four pairs: both vary, independently.
        let mut miner = Miner::new(MinerConfig::default());
        let line = |a: &str, b: &str| {
            format!("cluster health status changed from [{a}] to [{b}] by checks")
        };
        let health: Vec<_> = [("RED", "GREEN"), ("YELLOW", "YELLOW"), ("RED", "YELLOW")]
            .iter()
            .map(|(a, b)| miner.add_line(line(a, b).as_bytes(), None))
            .collect();
        let first = miner.resolve(health[0]);
        assert_ne!(
            first,
            miner.resolve(health[1]),
            "three pairs are not enough"
        );
        let last = miner.add_line(line("YELLOW", "GREEN").as_bytes(), None);
        let first = miner.resolve(last);
        assert!(health.iter().all(|&id| miner.resolve(id) == first));
        // The first token too, by independence only.
        let mut miner = Miner::new(MinerConfig::default());
        let paused: Vec<_> = [
            ("tail.0", "mem"),
            ("systemd.0", "storage"),
            ("tail.0", "storage"),
            ("systemd.0", "mem"),
        ]
        .iter()
        .map(|(input, kind)| {
            let line = format!("{input} paused: {kind} buffer over limit (4096 bytes)");
            miner.add_line(line.as_bytes(), None)
        })
        .collect();
        let first = miner.resolve(paused[3]);
        assert!(paused.iter().all(|&id| miner.resolve(id) == first));
        // A closed set's words count at two, as in one position (`GET`/`POST` and handlers).
        let mut miner = Miner::new(MinerConfig::default());
        let routes: Vec<_> = [
            ("GET", "main.listItems"),
            ("POST", "main.createItem"),
            ("GET", "main.showItem"),
        ]
        .iter()
        .map(|(method, handler)| {
            let line = format!("{method} /api/items --> {handler} (3 handlers)");
            miner.add_line(line.as_bytes(), None)
        })
        .collect();
        let first = miner.resolve(routes[2]);
        assert!(routes.iter().all(|&id| miner.resolve(id) == first));
        // The same for `key=value` tokens, which need four values by count.
        let mut miner = Miner::new(MinerConfig::default());
        let deps: Vec<_> = [("soft", "queued"), ("hard", "running"), ("soft", "running")]
            .iter()
            .chain(&[("hard", "queued")])
            .map(|(kind, state)| {
                let line =
                    format!("all dependencies met for context={kind} task in state={state} now");
                miner.add_line(line.as_bytes(), None)
            })
            .collect();
        let first = miner.resolve(deps[0]);
        assert!(deps.iter().all(|&id| miner.resolve(id) == first));
        // Nested values (each name belongs to one kind) are not independent: they stay apart.
        let stops: Vec<_> = [
            ("frontend", "fe_main"),
            ("frontend", "fe_api"),
            ("backend", "be_api"),
            ("backend", "be_web"),
        ]
        .iter()
        .map(|(kind, name)| {
            let line = format!("Stopping {kind} {name} in 0 ms after drain");
            miner.add_line(line.as_bytes(), None)
        })
        .collect();
        assert_ne!(miner.resolve(stops[0]), miner.resolve(stops[2]));
    }

    #[test]
    fn a_pair_of_words_framed_by_two_anchors_is_two_variables_a_pair_ending_the_line_is_not() {
        let mut miner = Miner::new(MinerConfig::default());
        let runs: Vec<_> = [
            ("BashOperator", "vacuum_stage"),
            ("PythonOperator", "render_pdfs"),
            ("SFTPOperator", "upload_to_sftp"),
        ]
        .iter()
        .enumerate()
        .map(|(i, (kind, name))| {
            let line = format!("Executing <Task({kind}): {name}> on 2026-12-0{i}T10:00:00");
            miner.add_line(line.as_bytes(), None)
        })
        .collect();
        let first = miner.resolve(runs[0]);
        assert!(runs.iter().all(|&id| miner.resolve(id) == first));
        // After one anchor, words ending the line name the event.
        let faults: Vec<_> = [
            ("illegal", "instruction"),
            ("privileged", "operation"),
            ("imprecise", "exception"),
        ]
        .iter()
        .map(|(a, b)| {
            let line = format!("program interrupt: {a} {b}......0");
            miner.add_line(line.as_bytes(), None)
        })
        .collect();
        assert_ne!(miner.resolve(faults[0]), miner.resolve(faults[1]));
        assert_ne!(miner.resolve(faults[1]), miner.resolve(faults[2]));
    }

    #[test]
    fn two_words_the_stream_uses_as_values_make_a_variable() {
        for users_first in [true, false] {
            let mut miner = Miner::new(MinerConfig::default());
            let users = |miner: &mut Miner| {
                for u in ["root", "www-data", "alice"] {
                    miner.add_line(format!("session opened for user {u}").as_bytes(), None);
                }
            };
            if users_first {
                users(&mut miner);
            }
            let root = miner.add_line(b"(root) CMD (run-parts /etc/cron.daily)", None);
            let www = miner.add_line(b"(www-data) CMD (run-parts /etc/cron.daily)", None);
            // Two words not known as values stay apart.
            let view = miner.add_line(b"Changing view acls to: yarn", None);
            let modify = miner.add_line(b"Changing modify acls to: yarn", None);
            if !users_first {
                assert_ne!(miner.resolve(root), miner.resolve(www));
                users(&mut miner);
            }
            assert_eq!(
                miner.resolve(root),
                miner.resolve(www),
                "users first: {users_first}"
            );
            assert_ne!(miner.resolve(view), miner.resolve(modify));
        }
    }

    #[test]
    fn a_leading_run_of_values_is_one_variable_in_the_text() {
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        let ids = placed(
            &mut miner,
            &[
                "- 1131566461 2005.11.09 cn44 12:00:01 sshd[5057]: session closed for user root",
                "- 1131566468 2005.11.09 an754 12:01:01 sshd[2992]: session closed for user root",
            ],
        );
        assert_eq!(ids[0], ids[1]);
        assert_eq!(
            ids[0]
                .and_then(|id| miner.template(id))
                .map(Template::text)
                .as_deref(),
            Some("<*> sshd[<*>]: session closed for user root")
        );
    }

    #[test]
    fn a_trailer_after_the_reason_stays_the_templates() {
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        let ids = placed(
            &mut miner,
            &[
                "agent check failed: host name mismatch in response, retrying in 15 seconds",
                "agent check failed: connection refused, retrying in 60 seconds",
                "agent check failed: read timeout after a while, retrying in 30 seconds",
            ],
        );
        assert_eq!(ids[0], ids[1]);
        assert_eq!(ids[1], ids[2]);
        assert_eq!(
            ids[0]
                .and_then(|id| miner.template(id))
                .map(Template::text)
                .as_deref(),
            Some("agent check failed: <*>, retrying in <*> seconds")
        );
    }

    #[test]
    fn reasons_seen_before_the_clause_became_a_value_join_it_too() {
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        // Two reasons alike in a word are no evidence; a third, different from the first, is,
        // and the second joins with them rather than staying apart for good.
        let ids = placed(
            &mut miner,
            &[
                "Dropped a client connection: connection refused by peer",
                "Dropped a client connection: connection lost after retries",
                "Dropped a client connection: socket lost after timeout",
            ],
        );
        assert_eq!(ids[0], ids[2]);
        assert_eq!(ids[1], ids[2]);
    }

    #[test]
    fn a_reason_seen_under_a_head_written_otherwise_joins_the_clause_too() {
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        // A head whose variables take other forms on some lines (`{instance="<*>"}` beside
        // `{instance="<*>:<*>"}`): a reason already seen under it is no new evidence, but the
        // template still joins what the head's reasons become.
        let ids = placed(
            &mut miner,
            &[
                r#"cannot scrape target "http://10.42.9.8:9187/metrics" ({instance="10.42.9.8:9187",job="pg"}) 1 out of 2 times during -promscrape.suppressScrapeErrorsDelay=5m0s; the last error: unexpected status code returned when scraping "http://10.42.9.8:9187/metrics": 503; expecting 200"#,
                r#"cannot scrape target "https://10.42.0.1:10250/metrics" ({instance="k3s-worker-3",job="kubelet"}) 18 out of 27 times during -promscrape.suppressScrapeErrorsDelay=5m0s; the last error: cannot read data: unexpected EOF"#,
                r#"cannot scrape target "http://10.42.7.31:8080/prometheus" ({instance="10.42.7.31:8080",job="billing"}) 21 out of 26 times during -promscrape.suppressScrapeErrorsDelay=5m0s; the last error: cannot read data: cannot perform request to "http://10.42.7.31:8080/prometheus": dial tcp4 10.42.7.31:8080: connect: connection refused"#,
                r#"cannot scrape target "https://10.42.0.1:10250/metrics" ({instance="k3s-worker-1",job="kubelet"}) 3 out of 9 times during -promscrape.suppressScrapeErrorsDelay=5m0s; the last error: unexpected status code returned when scraping "https://10.42.0.1:10250/metrics": 503; expecting 200"#,
                r#"cannot scrape target "http://10.42.5.4:9100/metrics" ({instance="10.42.5.4:9100",job="node"}) 2 out of 4 times during -promscrape.suppressScrapeErrorsDelay=5m0s; the last error: the response from "http://10.42.5.4:9100/metrics" exceeds -promscrape.maxScrapeSize=16777216"#,
                r#"cannot scrape target "http://10.42.3.17:9100/metrics" ({instance="10.42.3.17:9100",job="node"}) 5 out of 8 times during -promscrape.suppressScrapeErrorsDelay=5m0s; the last error: cannot read data: unexpected EOF"#,
                r#"cannot scrape target "https://10.42.0.9:10250/metrics" ({instance="k3s-worker-2",job="kubelet"}) 7 out of 9 times during -promscrape.suppressScrapeErrorsDelay=5m0s; the last error: the response from "https://10.42.0.9:10250/metrics" exceeds -promscrape.maxScrapeSize=16777216"#,
                r#"cannot scrape target "http://10.42.2.50:9113/metrics" ({instance="10.42.2.50:9113",job="nginx"}) 4 out of 6 times during -promscrape.suppressScrapeErrorsDelay=5m0s; the last error: unexpected status code returned when scraping "http://10.42.2.50:9113/metrics": 503; expecting 200"#,
            ],
        );
        assert!(ids.iter().all(|&id| id == ids[0]), "{ids:?}");
    }

    #[test]
    fn a_name_after_a_preposition_joins_its_clause_whatever_colon_it_holds() {
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        // Before the preposition's tails are one value, and after.
        let early = miner.add_line(
            b"Completed scanning disk for Star Trek: Strange New Worlds",
            None,
        );
        let names = [
            "Slow Horses",
            "The Bear",
            "Only Murders in the Building",
            "Severance",
        ];
        let ids: Vec<TemplateId> = names
            .iter()
            .map(|name| {
                miner.add_line(
                    format!("Completed scanning disk for {name}").as_bytes(),
                    None,
                )
            })
            .collect();
        let late = miner.add_line(
            b"Completed scanning disk for Frieren: Beyond Journey's End",
            None,
        );
        let merged = miner.resolve(ids[0]);
        assert!(merged.is_some());
        for id in ids.iter().chain([&early, &late]) {
            assert_eq!(miner.resolve(*id), merged);
        }
        assert_eq!(
            miner.template(ids[0]).map(Template::text).as_deref(),
            Some("Completed scanning disk for <*>")
        );
        // Without the preposition's clause, the colon's head stands.
        let other = miner.add_line(
            b"Completed scanning share for Star Trek: Strange New Worlds",
            None,
        );
        assert_ne!(miner.resolve(other), merged);
    }

    #[test]
    fn a_verb_in_the_past_tense_names_the_event_whatever_values_it_meets() {
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        let bridges = ["br-int", "br-ex", "br-tun"];
        let mut added = Vec::new();
        let mut deleted = Vec::new();
        for i in 0..12 {
            let verb = if i % 2 == 0 { "added" } else { "deleted" };
            let line = format!(
                "bridge {}: {verb} interface vnet{i} on port {}",
                bridges[i / 2 % 3],
                30 + i
            );
            let id = miner.add_line(line.as_bytes(), None);
            if i % 2 == 0 {
                added.push(id)
            } else {
                deleted.push(id)
            }
        }
        let (a, d) = (miner.resolve(added[0]), miner.resolve(deleted[0]));
        assert!(added.iter().all(|&id| miner.resolve(id) == a));
        assert!(deleted.iter().all(|&id| miner.resolve(id) == d));
        assert_ne!(a, d);
        assert_eq!(
            miner.template(added[0]).map(Template::text).as_deref(),
            Some("bridge <*>: added interface <*> on port <*>")
        );
    }

    #[test]
    fn a_word_in_brackets_or_quotes_or_in_snake_case_is_a_value_at_two_values_in_parentheses_not() {
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        let mut ids = Vec::new();
        for i in 0..8 {
            let direction = ["[send]", "[receive]"][i % 2];
            let line = format!("Channel {i:02}/0 : 3[{i}] -> 5[{i}] {direction} via P2P/IPC");
            ids.push(miner.add_line(line.as_bytes(), None));
        }
        for &id in &ids {
            assert_eq!(miner.resolve(id), miner.resolve(ids[0]));
        }
        // A key's word in quotes too (`state="up"` / `state="down"`).
        let up = miner.add_line(
            b"Linux interface state changed. ifIndex=7 ifaceName=\"cali12ab\" state=\"up\"",
            None,
        );
        let down = miner.add_line(
            b"Linux interface state changed. ifIndex=9 ifaceName=\"cali98fe\" state=\"down\"",
            None,
        );
        assert_eq!(miner.resolve(up), miner.resolve(down));
        // A program's own name in snake case (a policy, a task) too.
        let two = miner.add_line(
            b"Authorization granted on object /a: policy two_factor matched rule 3",
            None,
        );
        let one = miner.add_line(
            b"Authorization granted on object /b: policy one_factor matched rule 5",
            None,
        );
        assert_eq!(miner.resolve(two), miner.resolve(one));
        let reserved = miner.add_line(b"BIOS-e820: 0000000000 - 00009f000 (reserved)", None);
        let usable = miner.add_line(b"BIOS-e820: 0000100000 - 00ffff000 (usable)", None);
        assert_ne!(miner.resolve(reserved), miner.resolve(usable));
    }

    #[test]
    fn a_protocol_command_opening_the_message_is_a_value_at_three() {
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        let mut ids = Vec::new();
        for (i, command) in ["RETR", "STOR", "APPE", "RETR", "STOR", "APPE"]
            .iter()
            .enumerate()
        {
            let line =
                format!("{command} of '/srv/f{i}.bin' complete: {i}00 bytes in 1.{i} seconds");
            ids.push(miner.add_line(line.as_bytes(), None));
        }
        let first = miner.resolve(ids[0]);
        assert!(ids.iter().all(|&id| miner.resolve(id) == first));
        // A lower-case name opening it still names the event (`cupsd startup succeeded`).
        let mut names = Vec::new();
        for daemon in ["cupsd", "sdpd", "xinetd"] {
            names.push(miner.add_line(format!("{daemon} startup succeeded").as_bytes(), None));
        }
        assert_ne!(miner.resolve(names[0]), miner.resolve(names[1]));
    }

    #[test]
    fn a_bracketed_name_of_two_words_opening_the_message_is_one_value() {
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        let ids: Vec<_> = ["[Back Yard:", "[Front Door:", "[Loading Dock:"]
            .iter()
            .cycle()
            .take(12)
            .enumerate()
            .map(|(i, name)| {
                let line = format!("{name} {} - Analysing at {i}.5 fps]", 1000 + i);
                miner.add_line(line.as_bytes(), None)
            })
            .collect();
        let first = miner.resolve(ids[0]);
        assert!(ids.iter().all(|&id| miner.resolve(id) == first));
        // Unbracketed, the first word names the event: it stays.
        let ids: Vec<_> = ["Back Yard:", "Front Door:", "Loading Dock:"]
            .iter()
            .cycle()
            .take(12)
            .enumerate()
            .map(|(i, name)| {
                let line = format!("{name} {} - Analysing at {i}.5 fps", 1000 + i);
                miner.add_line(line.as_bytes(), None)
            })
            .collect();
        assert_ne!(miner.resolve(ids[0]), miner.resolve(ids[1]));
    }

    #[test]
    fn plain_words_naming_a_source_beside_a_value_are_values() {
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        let events = [
            "Creating archive",
            "Pruning archives",
            "Running consistency checks",
        ];
        for i in 0..36 {
            let source = match i % 3 {
                0 => "local:".to_string(),
                1 => "offsite:".to_string(),
                _ => format!("ssh://borg@backup{}.lan/./nas{}:", i % 4, i % 5),
            };
            miner.add_line(format!("{source} {}", events[(i / 3) % 3]).as_bytes(), None);
        }
        // Without a value in their place, words opening the same lines are their own events.
        for i in 0..12 {
            let level = ["Error:", "Warning:"][i % 2];
            let what = ["connection lost", "disk almost full"][(i / 2) % 2];
            miner.add_line(format!("{level} {what}").as_bytes(), None);
        }
        let mut texts: Vec<String> = miner
            .digest(20)
            .templates
            .iter()
            .map(|t| t.template.clone())
            .collect();
        texts.sort();
        assert_eq!(
            texts,
            [
                "<*>: Creating archive",
                "<*>: Pruning archives",
                "<*>: Running consistency checks",
                "Error: connection lost",
                "Error: disk almost full",
                "Warning: connection lost",
                "Warning: disk almost full",
            ]
        );
    }

    #[test]
    fn verbs_opening_the_message_stay_events_whichever_word_comes_last() {
        // The fourth word is no verb: the slot's verbs decide, in the miner and at read time.
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        for i in 0..24 {
            let word = ["Expired", "Rewound", "Replayed", "Unauthorized"][i % 4];
            let line = format!(
                "{word} credential for client UID={} GID={}",
                1000 + i,
                50 + i
            );
            miner.add_line(line.as_bytes(), None);
        }
        let digest = miner.digest(10);
        assert_eq!(digest.templates.len(), 4, "{:?}", digest.templates);
    }

    #[test]
    fn a_verb_opening_the_message_names_the_event_where_names_are_a_value() {
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        let verbs: Vec<_> = ["Started", "Stopped", "Starting", "Stopping"]
            .iter()
            .cycle()
            .take(12)
            .enumerate()
            .map(|(i, verb)| {
                let line = format!("{verb} flows on node 10.0.{i}.7 for tenant t{i}");
                miner.add_line(line.as_bytes(), None)
            })
            .collect();
        let mut distinct: Vec<_> = verbs.iter().map(|&id| miner.resolve(id)).collect();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), 4);
        // Four names in the same place are one slot.
        let names: Vec<_> = ["Quartzfox", "oakheart", "Pixeltortoise", "Zephyrine"]
            .iter()
            .cycle()
            .take(12)
            .enumerate()
            .map(|(i, name)| {
                miner.add_line(
                    format!("{name} left the game after {i} minutes").as_bytes(),
                    None,
                )
            })
            .collect();
        let first = miner.resolve(names[0]);
        assert!(names.iter().all(|&id| miner.resolve(id) == first));
    }

    #[test]
    fn a_keys_two_bare_words_are_a_value_unless_one_holds_nearly_all_lines() {
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        let mut ids = Vec::new();
        for i in 0..6 {
            let mech = ["LOGIN", "PLAIN"][i % 2];
            let line = format!("AUTH=server, relay=h{i}.example.com, mech={mech}, bits=0");
            ids.push(miner.add_line(line.as_bytes(), None));
        }
        assert_eq!(miner.resolve(ids[0]), miner.resolve(ids[1]));
        // Nine lines of one value before the other: two events (`status=sent` / `deferred`).
        let mut sent = Vec::new();
        for i in 0..9 {
            let line = format!("queued mail {i:03}A to=<u{i}@example.org>, status=sent");
            sent.push(miner.add_line(line.as_bytes(), None));
        }
        let deferred = miner.add_line(
            b"queued mail 999A to=<x@example.org>, status=deferred",
            None,
        );
        assert_ne!(miner.resolve(sent[0]), miner.resolve(deferred));
    }

    #[test]
    fn a_reason_after_a_colon_is_one_variable_of_any_length() {
        // Messages only: a stream of nothing but these lines would teach the header learner that
        // `Observed a panic` is a header ending in a level word.
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        let nil = miner.add_line(b"Observed a panic in reconciler: nil map", None);
        let range = miner.add_line(b"Observed a panic in reconciler: index out of range", None);
        assert_eq!(miner.resolve(nil), miner.resolve(range));
        assert_eq!(
            miner.template(nil).map(Template::text).as_deref(),
            Some("Observed a panic in reconciler: <*>")
        );
        for line in [
            "Observed a panic in reconciler: nil map",
            "Observed a panic in reconciler: send on closed channel",
            "Observed a panic in reconciler: deadlock",
        ] {
            let id = miner.add_line(line.as_bytes(), None);
            assert_eq!(miner.resolve(id), miner.resolve(nil), "{line}");
        }
        assert_eq!(miner.template(nil).map(Template::count), Some(5));
        // An event kind in capitals, or one word of difference, keeps events apart.
        let abort = miner.add_line(b"Processing the event EventType: TASK_ABORT", None);
        let setup = miner.add_line(b"Processing the event EventType: JOB_SETUP now", None);
        assert_ne!(miner.resolve(abort), miner.resolve(setup));
        let refused = miner.add_line(b"dial to the backend failed: connection refused", None);
        let reset = miner.add_line(b"dial to the backend failed: connection reset", None);
        assert_ne!(miner.resolve(refused), miner.resolve(reset));
        // A word of a closed set in the head is a value there: one head whichever it holds.
        let get = miner.add_line(
            b"Request GET /a failed with status 504: Request timed out",
            None,
        );
        let put = miner.add_line(
            b"Request PUT /b failed with status 403: Access denied to application shop",
            None,
        );
        let post = miner.add_line(
            b"Request POST /c failed with status 400: Pipeline config is invalid",
            None,
        );
        assert_eq!(miner.resolve(get), miner.resolve(put));
        assert_eq!(miner.resolve(get), miner.resolve(post));
        // A dotted module's name in the head is a value there too (Metricbeat's metricsets,
        // each failing for its own reason).
        let ids: Vec<TemplateId> = [
            "docker.cpu: error getting docker stats: Cannot connect to the Docker daemon",
            "mysql.status: Error 1045: Access denied for user 'metricbeat'",
            "redis.info: failed to fetch INFO: dial tcp 10.0.0.7:6379: i/o timeout",
        ]
        .iter()
        .map(|tail| {
            let line = format!("Error fetching data for metricset {tail}");
            miner.add_line(line.as_bytes(), None)
        })
        .collect();
        assert_eq!(miner.resolve(ids[0]), miner.resolve(ids[1]));
        assert_eq!(miner.resolve(ids[0]), miner.resolve(ids[2]));
        // So is a change of state (Elastic Agent's `(HEALTHY->DEGRADED):`).
        let ids: Vec<TemplateId> = [
            "(STARTING->HEALTHY): Healthy",
            "(HEALTHY->DEGRADED): Degraded: Error fetching data for metricset system.cpu",
            "(DEGRADED->FAILED): Failed: pid '4411' exited with code '2'",
        ]
        .iter()
        .map(|tail| {
            let line = format!("Unit state changed log-default {tail}");
            miner.add_line(line.as_bytes(), None)
        })
        .collect();
        assert_eq!(miner.resolve(ids[0]), miner.resolve(ids[1]));
        assert_eq!(miner.resolve(ids[0]), miner.resolve(ids[2]));
    }

    #[test]
    fn three_distinct_words_make_a_variable_two_do_not() {
        let mut miner = Miner::new(MinerConfig::default());
        let view = miner.add_line(b"Changing view acls to: yarn", None);
        let modify = miner.add_line(b"Changing modify acls to: yarn", None);
        assert_ne!(miner.resolve(view), miner.resolve(modify));

        let ids: Vec<_> = ["cyrus", "news", "test", "root"]
            .iter()
            .map(|u| miner.add_line(format!("session closed for user {u}").as_bytes(), None))
            .collect();
        let first = miner.resolve(ids[0]);
        assert!(ids.iter().all(|&id| miner.resolve(id) == first));
        assert_eq!(
            miner.template(ids[0]).map(Template::text).as_deref(),
            Some("session closed for user <*>")
        );
        assert_eq!(miner.template(ids[0]).map(Template::count), Some(4));
        let later = miner.add_line(b"session closed for user alice", None);
        assert_eq!(miner.resolve(later), first);
    }

    /// The templates `lines` ended in, resolved.
    fn placed(miner: &mut Miner, lines: &[&str]) -> Vec<Option<TemplateId>> {
        let ids: Vec<_> = lines
            .iter()
            .map(|l| miner.add_line(l.as_bytes(), None))
            .collect();
        ids.into_iter().map(|id| miner.resolve(id)).collect()
    }

    #[test]
    fn a_call_and_the_c_library_s_error_texts_are_one_event_at_two_texts() {
        let mut miner = Miner::new(MinerConfig::default());
        let ids = placed(
            &mut miner,
            &[
                "sendmsg: Network is down",
                "sendmsg: No such device",
                "sendmsg: Cannot assign requested address",
            ],
        );
        assert_eq!(ids[0], ids[2]);
        assert_eq!(ids[1], ids[2]);
        // The texts are a closed set of reasons: two do, as two values of a closed set do.
        let mut miner = Miner::new(MinerConfig::default());
        let ids = placed(
            &mut miner,
            &["sendmsg: Network is down", "sendmsg: No such device"],
        );
        assert_eq!(ids[0], ids[1]);
        // Other phrases after so short a head still ask for three.
        let mut miner = Miner::new(MinerConfig::default());
        let ids = placed(
            &mut miner,
            &["sendmsg: queue is full", "sendmsg: peer went away"],
        );
        assert_ne!(ids[0], ids[1], "two phrases are not enough");
    }

    #[test]
    fn a_header_of_eight_fields_after_the_time_is_learned() {
        // Atlassian's (Jira, Bitbucket): time, then thread, level, user, request id, session,
        // address, URL and logger.
        let messages = [
            "Detecting cargo vulnerabilities...",
            "Vulnerability scanning is enabled",
            "Reindexing finished",
        ];
        let threads = [
            "main",
            "http-nio-8080-exec-4",
            "scheduler",
            "pool-3-thread-7",
        ];
        let line = |i: usize| {
            format!(
                "2026-03-14 10:{:02}:{:02},123+0000 {} INFO {} {}x{}x1 {:06x} 10.0.{}.{} /rest/api/2/issue [com.acme.jira.Worker] {}",
                i / 60,
                i % 60,
                threads[i % 4],
                ["admin", "anonymous", "jdoe"][i % 3],
                600 + i,
                1000 + 7 * i,
                0xa0b1c2 + 17 * i,
                i % 9,
                i * 3,
                messages[i % 3]
            )
        };
        let mut miner = Miner::new(MinerConfig::default());
        let ids: Vec<TemplateId> = (0..60)
            .map(|i| miner.add_line(line(i).as_bytes(), None))
            .collect();
        for (i, &id) in ids.iter().enumerate() {
            let text = miner.template(id).map(Template::text).unwrap_or_default();
            assert_eq!(text, messages[i % 3], "line {i}");
        }
    }

    #[test]
    fn early_lines_of_an_unfamiliar_level_are_placed_again_with_the_level_lines() {
        // Gradle's daemon: `[LIFECYCLE]` stands where `[INFO]` and `[DEBUG]` do; the first
        // lines come before any level was seen.
        let line = |i: usize| {
            let (level, logger, message) = match i % 3 {
                0 => (
                    "LIFECYCLE",
                    "class org.gradle.TaskExecutionLogger",
                    "> Task :core:compileJava",
                ),
                1 => (
                    "DEBUG",
                    "org.gradle.cache.DefaultFileLockManager",
                    "Releasing lock on journal cache",
                ),
                _ => (
                    "INFO",
                    "org.gradle.launcher.DefaultIncomingConnectionHandler",
                    "Starting executing command",
                ),
            };
            format!(
                "2026-03-14T09:12:{:02}.129+0000 [{level}] [{logger}] {message}",
                i % 60
            )
        };
        let mut miner = Miner::new(MinerConfig::default());
        let ids: Vec<TemplateId> = (0..60)
            .map(|i| miner.add_line(line(i).as_bytes(), None))
            .collect();
        for (i, &id) in ids.iter().enumerate() {
            let text = miner.template(id).map(Template::text).unwrap_or_default();
            assert!(!text.contains('['), "line {i}: {text}");
            assert_eq!(miner.resolve(id), miner.resolve(ids[i % 3]), "line {i}");
        }
    }

    #[test]
    fn a_header_its_startup_lines_lack_is_learned_from_the_lines_after_them() {
        // A banner first, then `ipmitool sel list`'s record id, date and time before every event.
        let banner = [
            "--------------------------------------------------",
            "o\")~   Sensor log 3.1.78.0",
            "--------------------------------------------------",
            "Using configuration /etc/sel.conf",
        ];
        let events = [
            "Fan FAN<n> | Lower Critical going low | Asserted",
            "Memory DIMM_B<n> | Correctable ECC | Asserted",
            "Power Supply PS<n> Status | Power Supply AC lost | Deasserted",
        ];
        let mut miner = Miner::new(MinerConfig::default());
        for line in banner {
            miner.add_line(line.as_bytes(), None);
        }
        let ids: Vec<(usize, TemplateId)> = (0..60)
            .map(|i| {
                let event = events[i % 3].replace("<n>", &(i % 7).to_string());
                let line = format!(
                    "{:>4x} | 03/{:02}/2026 | 10:{:02}:{:02} | {event}",
                    i + 1,
                    1 + i / 20,
                    i,
                    i % 60
                );
                (i % 3, miner.add_line(line.as_bytes(), None))
            })
            .collect();
        for &(e, id) in &ids {
            assert_eq!(miner.resolve(id), miner.resolve(ids[e].1), "event {e}");
            let text = miner.template(id).map(Template::text).unwrap_or_default();
            assert!(!text.contains('/') && !text.starts_with("<*>"), "{text}");
        }
        // Lines without those fields spread over the first window, not opening it: the fields
        // are no header the source always writes, and the layout learned first stays (the
        // date or `Pre-Init` between two separators is header, the time after them is not).
        let mut miner = Miner::new(MinerConfig::default());
        let mut last = None;
        for i in 0..60 {
            let event = events[i % 3].replace("<n>", &(i % 7).to_string());
            let line = if i < 24 && i % 4 == 1 {
                format!("{:>4x} | Pre-Init | {event}", i + 1)
            } else {
                format!(
                    "{:>4x} | 03/{:02}/2026 | 10:{:02}:{:02} | {event}",
                    i + 1,
                    1 + i / 20,
                    i,
                    i % 60
                )
            };
            last = Some(miner.add_line(line.as_bytes(), None));
        }
        let text = last
            .and_then(|id| miner.template(id))
            .map(Template::text)
            .unwrap_or_default();
        assert!(text.contains(':'), "{text}");
    }

    #[test]
    fn a_dash_logged_for_an_empty_field_before_a_separator_is_header() {
        // `date time LEVEL [component] user | message`, the user `-` on some lines: that dash
        // is the user's empty value, header as the names are.
        let users = ["admin", "jdoe", "-", "svc-sync"];
        let events = [
            "Detecting cargo vulnerabilities...",
            "Scan finished",
            "Cache is ready",
        ];
        let mut miner = Miner::new(MinerConfig::default());
        let ids: Vec<(usize, TemplateId)> = (0..80)
            .map(|i| {
                let line = format!(
                    "14-Mar-2026 10:00:{:02}.000 INFO [NET] {} | {}",
                    i % 60,
                    users[(i * 7) % 4],
                    events[i % 3]
                );
                (i % 3, miner.add_line(line.as_bytes(), None))
            })
            .collect();
        for &(e, id) in &ids {
            let text = miner.template(id).map(Template::text).unwrap_or_default();
            assert_eq!(text, events[e], "event {e}");
        }
    }

    #[test]
    fn a_field_between_dashes_on_every_line_is_header_whatever_spaces_it_holds() {
        // Kettle's and Hop's step names, several words long, between the time and the message.
        let steps = [
            "Table output.0",
            "Sort rows.2",
            "Insert / update.1",
            "jb_import_crm",
        ];
        let events = [
            "Finished processing (I=<n>, O=0, R=<n>, W=<n>, U=0, E=0)",
            "Connected to database [dwh<n>] (commit=1000)",
        ];
        let line = |i: usize| {
            format!(
                "2026/03/14 01:05:{:02} - {} - {}",
                i % 60,
                steps[(i / 2) % steps.len()],
                events[i % 2].replace("<n>", &(i * 37).to_string())
            )
        };
        let mut miner = Miner::new(MinerConfig::default());
        let ids: Vec<TemplateId> = (0..60)
            .map(|i| miner.add_line(line(i).as_bytes(), None))
            .collect();
        for (i, &id) in ids.iter().enumerate() {
            assert_eq!(miner.resolve(id), miner.resolve(ids[i % 2]), "line {i}");
            let text = miner.template(id).map(Template::text).unwrap_or_default();
            assert!(!text.contains(" - "), "{text}");
        }
        // Where few lines have such a field, it is the message's.
        let mut miner = Miner::new(MinerConfig::default());
        let mut dashed = None;
        for i in 0..60 {
            let text = if i % 5 == 0 {
                format!(
                    "2026/03/14 01:05:{:02} - Table output.0 - Finished processing",
                    i % 60
                )
            } else {
                format!(
                    "2026/03/14 01:05:{:02} Connected to database dwh{i}",
                    i % 60
                )
            };
            let id = miner.add_line(text.as_bytes(), None);
            if i % 5 == 0 {
                dashed = Some(id);
            }
        }
        let text = dashed
            .and_then(|id| miner.template(id))
            .map(Template::text)
            .unwrap_or_default();
        assert!(text.contains("Table output"), "{text}");
    }

    #[test]
    fn objects_of_other_keys_after_a_key_alone_are_other_events() {
        // Boulder's audit records: `JSON={…}` and nothing else; its keys tell the endpoint.
        let objects = [
            r#"{"ID":"<id>","Endpoint":"/acme/new-nonce","Code":200}"#,
            r#"{"ID":"<id>","Endpoint":"/acme/authz/","Slug":"<id>","Code":200}"#,
            r#"{"ID":"<id>","Endpoint":"/acme/new-order","Created":"<id>","Code":201}"#,
            r#"{"ID":"<id>","Endpoint":"/acme/chall/","Extra":{"Type":"http-01"},"Code":200}"#,
        ];
        let mut miner = Miner::new(MinerConfig::default());
        let mut ids = Vec::new();
        for round in 0..3 {
            for (o, object) in objects.iter().enumerate() {
                let line = format!("JSON={}", object.replace("<id>", &format!("k{round}{o}x")));
                ids.push((o, miner.add_line(line.as_bytes(), None)));
            }
        }
        for &(o, id) in &ids {
            assert_eq!(miner.resolve(id), miner.resolve(ids[o].1), "object {o}");
            for &(p, other) in &ids {
                if p != o {
                    assert_ne!(miner.resolve(id), miner.resolve(other), "{o} and {p}");
                }
            }
        }
        // Beside a message's words, three objects of other keys are one value.
        let mut miner = Miner::new(MinerConfig::default());
        let ids: Vec<TemplateId> = objects
            .iter()
            .map(|object| {
                let line = format!("Matched the route {}", object.replace("<id>", "z"));
                miner.add_line(line.as_bytes(), None)
            })
            .collect();
        assert_eq!(miner.resolve(ids[0]), miner.resolve(ids[3]));
    }

    #[test]
    fn two_quoted_names_alternating_in_three_events_are_values() {
        // Libreswan: every event written for either connection.
        let events = [
            "#<n>: sent IKE_SA_INIT reply",
            "#<n>: received Delete SA payload: delete IPsec State now",
            "#<n>: liveness action - clearing connection",
        ];
        let line = |conn: &str, event: &str, i: usize| {
            format!(
                "\"{conn}\"[{i}] 203.0.113.{i} {}",
                event.replace("<n>", &i.to_string())
            )
        };
        let mut miner = Miner::new(MinerConfig::default());
        let mut ids = Vec::new();
        for (e, event) in events.iter().enumerate() {
            for (c, conn) in ["roadwarrior", "rw-contractors"].iter().enumerate() {
                let i = 10 * e + c + 1;
                ids.push((e, miner.add_line(line(conn, event, i).as_bytes(), None)));
            }
        }
        for &(e, id) in &ids {
            let first = ids.iter().find(|&&(f, _)| f == e).map(|&(_, id)| id);
            assert_eq!(
                miner.resolve(id),
                first.and_then(|f| miner.resolve(f)),
                "event {e}"
            );
        }
        // Events stay apart.
        assert_ne!(miner.resolve(ids[0].1), miner.resolve(ids[2].1));
        // Two events are not enough.
        let mut miner = Miner::new(MinerConfig::default());
        let mut ids = Vec::new();
        for (e, event) in events.iter().take(2).enumerate() {
            for (c, conn) in ["roadwarrior", "rw-contractors"].iter().enumerate() {
                let i = 10 * e + c + 1;
                ids.push(miner.add_line(line(conn, event, i).as_bytes(), None));
            }
        }
        assert_ne!(miner.resolve(ids[0]), miner.resolve(ids[1]));
    }

    #[test]
    fn a_head_whose_tail_is_a_value_takes_the_reasons_seen_under_it() {
        // Two reasons one word apart are left to the evidence of their words; a third line whose
        // reason is a number says the head's slot holds values: all three are one event.
        let lines = [
            "Export of job 7 failed: connection refused",
            "Export of job 9 failed: connection reset",
            "Export of job 8 failed: 42",
        ];
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        let ids = placed(&mut miner, &lines);
        assert_eq!(ids[0], ids[2]);
        assert_eq!(ids[1], ids[2]);
        assert!(ids[2].is_some());
        // Without the number, the two stay apart.
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        let ids = placed(&mut miner, &lines[..2]);
        assert_ne!(ids[0], ids[1]);
    }

    #[test]
    fn reasons_after_a_failure_and_a_dash_are_one_value_at_three() {
        // upsmon: `Poll UPS [name] failed - reason`.
        let reasons = [
            "Data stale",
            "Driver not connected",
            "Write error: Connection reset by peer",
        ];
        let mut miner = Miner::new(MinerConfig::default());
        let ids = placed(
            &mut miner,
            &reasons
                .iter()
                .enumerate()
                .map(|(i, r)| format!("Poll UPS [ups{i}@localhost] failed - {r}"))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        );
        assert_eq!(ids[0], ids[1]);
        assert_eq!(ids[1], ids[2]);
        assert_eq!(
            ids[0]
                .and_then(|id| miner.template(id))
                .map(Template::text)
                .as_deref(),
            Some("Poll UPS [<*>] failed - <*>")
        );
    }

    #[test]
    fn error_texts_carried_by_exceptions_after_an_exception_s_type_are_one_reason() {
        // Resin's client disconnects: the JVM's texts and the C library's, each under the
        // exception that carries it. Two texts, counted whole, are enough.
        let mut miner = Miner::new(MinerConfig::default());
        let ids = placed(
            &mut miner,
            &[
                "com.caucho.vfs.ClientDisconnectException: java.io.IOException: Broken pipe",
                "com.caucho.vfs.ClientDisconnectException: java.net.SocketException: Connection reset",
                "com.caucho.vfs.ClientDisconnectException: java.io.IOException: Connection timed out",
            ],
        );
        assert_eq!(ids[0], ids[1]);
        assert_eq!(ids[1], ids[2]);
        assert_eq!(
            ids[0]
                .and_then(|id| miner.template(id))
                .map(Template::text)
                .as_deref(),
            Some("com.caucho.vfs.ClientDisconnectException: <*>")
        );
    }

    #[test]
    fn a_name_where_other_lines_open_with_a_dropped_value_is_one() {
        let line =
            |unit: &str| format!("{unit}: Main process exited, code=exited, status=1/FAILURE");
        // Either order: the dropped value first, or the name first.
        for order in [
            ["php8.3-fpm.service", "node-exporter.service"],
            ["backup-sync.service", "php8.3-fpm.service"],
        ] {
            let mut miner = Miner::new(MinerConfig::default());
            let ids = placed(&mut miner, &[&line(order[0]), &line(order[1])]);
            assert_eq!(miner.resolve(ids[0].unwrap()), ids[1], "{order:?}");
            let third = placed(&mut miner, &[&line("nginx.service")]);
            assert_eq!(third[0], ids[1], "{order:?}");
        }
        // A plain word opening the line names the event; a different mark is another slot.
        let mut miner = Miner::new(MinerConfig::default());
        let ids = placed(
            &mut miner,
            &[
                "eth7: link is down",
                "kernel: link is down",
                "eth-uplink link is down",
                "eth-uplink: link is down",
            ],
        );
        assert_ne!(ids[0], ids[1]);
        assert_ne!(ids[0], ids[2]);
        assert_eq!(miner.resolve(ids[0].unwrap()), ids[3]);
    }

    #[test]
    fn a_template_whose_first_token_became_a_variable_covers_older_ones_of_any_first_token() {
        let mut miner = Miner::new(MinerConfig::default());
        let line = |host: &str, mode: &str| {
            format!("{host} SENT CONTROL [peer]: push reply ok mode={mode}")
        };
        // Two positions differ from the later lines' (its first token holds an address, its mode
        // is its own): no one position's evidence takes it in.
        let early = placed(
            &mut miner,
            &[&line("frank.home/198.51.100.218:44834", "turbo")],
        )[0];
        let mut later = Vec::new();
        for host in ["alpha", "bravo", "charlie", "delta"] {
            later.extend(placed(&mut miner, &[&line(host, "fast")]));
        }
        for mode in ["slow", "eco", "max"] {
            later.extend(placed(&mut miner, &[&line("alpha", mode)]));
        }
        let survivor = miner.resolve(later[0].unwrap());
        assert!(
            later
                .iter()
                .all(|&id| miner.resolve(id.unwrap()) == survivor),
            "{later:?}"
        );
        assert_eq!(
            miner
                .template(survivor.unwrap())
                .map(Template::text)
                .as_deref(),
            Some("<*> SENT CONTROL [peer]: push reply ok mode=<*>")
        );
        assert_eq!(miner.resolve(early.unwrap()), survivor);
    }

    #[test]
    fn a_phrase_opening_the_line_is_one_variable_at_four_phrases() {
        let mut miner = Miner::new(MinerConfig::default());
        let line = |name: &str, n: u32| {
            format!("{name} ({n}/4) switched from running to finished after {n} retries")
        };
        let names = [
            "Source: orders-kafka -> Map",
            "KeyedProcess -> Sink",
            "Window aggregate",
            "Filter",
        ];
        let ids: Vec<_> = names
            .iter()
            .enumerate()
            .map(|(i, name)| miner.add_line(line(name, i as u32).as_bytes(), None))
            .collect();
        let first = miner.resolve(ids[0]);
        assert!(ids.iter().all(|&id| miner.resolve(id) == first), "{ids:?}");
        // Three phrases are not enough before the line's own words.
        let mut miner = Miner::new(MinerConfig::default());
        let ids: Vec<_> = names[..3]
            .iter()
            .enumerate()
            .map(|(i, name)| miner.add_line(line(name, i as u32).as_bytes(), None))
            .collect();
        assert_ne!(miner.resolve(ids[0]), miner.resolve(ids[1]));
    }

    #[test]
    fn a_word_beside_an_attribute_noun_is_a_value_at_two_values() {
        let mut miner = Miner::new(MinerConfig::default());
        let pairs = [
            (
                "Suricata running in USER mode",
                "Suricata running in SYSTEM mode",
            ),
            (
                "timeout for TX 42 in state RUN",
                "timeout for TX 43 in state CANCEL",
            ),
            (
                "dataset failed to load (type ipv4)",
                "dataset failed to load (type string)",
            ),
            // A word and its value in brackets of their own.
            (
                "Expired 3 objects from bucket invoices (rule expire-tmp)",
                "Expired 4 objects from bucket invoices (rule cleanup-uploads)",
            ),
            // Go's names of signals are a closed set.
            (
                "received signal interrupt, shutting down",
                "received signal terminated, shutting down",
            ),
        ];
        for (a, b) in pairs {
            let ids = placed(&mut miner, &[a, b]);
            assert_eq!(miner.resolve(ids[0].unwrap()), ids[1], "{a} / {b}");
        }
        // Without such a noun, or after a bare one, or before a key, two words are two events.
        for (a, b) in [
            ("worker pool opened for jobs", "worker pool closed for jobs"),
            (
                "(10.0.0.7:9422) chunk: 3F_7 replication status: No such chunk",
                "(10.0.0.7:9422) chunk: 3F_7 deletion status: No such chunk",
            ),
            (
                "flow emergency mode entered (memcap 9)",
                "flow emergency mode left (memcap 9)",
            ),
        ] {
            let ids = placed(&mut miner, &[a, b]);
            assert_ne!(ids[0], ids[1], "{a} / {b}");
        }
    }

    #[test]
    fn names_and_dropped_values_opening_a_clause_are_one_event() {
        // Player names: some kept as names (`Bramble_King`), some values the masker drops
        // (`nyx404`); the reason after the colon is free text.
        let mut miner = Miner::new(MinerConfig::default());
        let names = [
            "Bramble_King",
            "nyx404",
            "mossy_lantern",
            "copper77",
            "zephy_rine",
            "px42",
        ];
        let reasons = [
            "Timed out",
            "You logged in from another location",
            "Disconnected",
            "Kicked by an operator",
        ];
        let ids: Vec<_> = (0..24)
            .map(|i| {
                let reason = reasons[(i * 7 + i / 6) % reasons.len()];
                let line = format!("{} lost connection: {reason}", names[i % names.len()]);
                miner.add_line(line.as_bytes(), None)
            })
            .collect();
        let first = miner.resolve(ids[0]);
        assert!(
            ids.iter().all(|&id| miner.resolve(id) == first),
            "{:?}",
            miner.templates().map(Template::text).collect::<Vec<_>>()
        );
        assert_eq!(
            miner.template(ids[0]).map(Template::text).as_deref(),
            Some("<*> lost connection: <*>")
        );
    }

    #[test]
    fn two_words_written_as_values_are_values_unless_beside_a_bare_variable() {
        let mut miner = Miner::new(MinerConfig::default());
        let ids = placed(
            &mut miner,
            &[
                "[default] Worker group FAILED. 2/3 attempts left; will restart worker group",
                "[default] Worker group UNHEALTHY. 1/3 attempts left; will restart worker group",
            ],
        );
        assert_eq!(miner.resolve(ids[0].unwrap()), ids[1]);
        // So are names of parts joined by `/`.
        let ids = placed(
            &mut miner,
            &[
                "Rendered orders/index.html.erb within layouts/admin (Duration: 3.1ms)",
                "Rendered orders/index.html.erb within layouts/application (Duration: 2.7ms)",
            ],
        );
        assert_eq!(miner.resolve(ids[0].unwrap()), ids[1]);
        // Between two values a word in capitals stays (merged, the line's run of values would
        // no longer match it), and words in lower case name events.
        for (a, b) in [
            ("request 504 URX 1947 bytes", "request 503 UFX 12 bytes"),
            ("worker pool opened for jobs", "worker pool closed for jobs"),
        ] {
            let ids = placed(&mut miner, &[a, b]);
            assert_ne!(ids[0], ids[1], "{a} / {b}");
        }
    }

    #[test]
    fn the_first_token_is_a_value_at_four_values_not_three() {
        let mut miner = Miner::new(MinerConfig::default());
        let line = |name: &str| format!("{name} joined the game");
        let three = placed(
            &mut miner,
            &[&line("Bramble_King"), &line("oakheart"), &line("nyx")],
        );
        assert_ne!(three[0], three[2]);
        let fourth = placed(&mut miner, &[&line("Quartzfox")]);
        assert_eq!(miner.resolve(three[0].unwrap()), fourth[0]);
        assert_eq!(miner.resolve(three[2].unwrap()), fourth[0]);
        // A name made of parts is a value at three, as anywhere else.
        let mut miner = Miner::new(MinerConfig::default());
        let line = |name: &str| format!("{name} failed (exited with status 1)");
        let three = placed(
            &mut miner,
            &[
                &line("VRRP_Script(chk_nginx)"),
                &line("VRRP_Script(chk_haproxy)"),
                &line("VRRP_Script(chk_pgbouncer)"),
            ],
        );
        assert_eq!(miner.resolve(three[0].unwrap()), three[2]);
        assert!(!is_compound_name(b"cupsd"));
        assert!(is_compound_name(b"temporal-sys-tq-scanner-workflow"));
    }

    #[test]
    fn a_generalised_token_keeps_its_key() {
        let g = |a: &str, b: &str| {
            String::from_utf8_lossy(&generalise(a.as_bytes(), b.as_bytes())).into_owned()
        };
        assert_eq!(g("NodeList=cpu[<*>]", "NodeList=<*>"), "NodeList=<*>");
        assert_eq!(g("(state=RUNNING),", "(state=DONE),"), "(state=<*>),");
        assert_eq!(g("user=root", "uid=0"), "<*>");
        assert_eq!(g("[alpha]", "[beta]"), "[<*>]");
    }

    #[test]
    fn a_slot_of_a_closed_set_is_a_variable_at_two_values_other_words_are_not() {
        let mut miner = Miner::new(MinerConfig::default());
        let ids = placed(
            &mut miner,
            &[
                "Truncating partition p-1 completed=true at offset 5",
                "Truncating partition p-2 completed=false at offset 7",
            ],
        );
        assert_eq!(ids[0], ids[1]);
        let methods = placed(
            &mut miner,
            &[
                "script slow (request: \"GET /a\") executing",
                "script slow (request: \"POST /b\") executing",
            ],
        );
        assert_eq!(methods[0], methods[1]);
        // A closed set's value may open the message (a status code before it went).
        let first = placed(
            &mut miner,
            &["200 GET /api/a (::1) 7ms", "201 PUT /api/b (::1) 9ms"],
        );
        assert_eq!(first[0], first[1]);
        let signals = placed(
            &mut miner,
            &[
                "Sending process 41 closing signal SIGTERM",
                "Sending process 42 closing signal SIGKILL",
            ],
        );
        assert_eq!(signals[0], signals[1]);
        let words = placed(
            &mut miner,
            &["link eth0 went up now", "link eth0 went down now"],
        );
        assert_ne!(words[0], words[1]);
        // A request line of a method and a path is one event; the template of variables only it
        // becomes takes no line with a word of its own.
        let requests = placed(
            &mut miner,
            &[
                "GET /api/a",
                "POST /api/b",
                "Parameters: %{<*>}",
                "Parameters: %{<*>}",
            ],
        );
        assert_eq!(requests[0], requests[1]);
        assert_eq!(requests[2], requests[3]);
        assert_ne!(requests[0], requests[2]);
        assert_eq!(closed_set(b"(YES)"), closed_set(b"enabled:no,"));
        assert!(closed_set(b"nothing").is_none());
        assert_eq!(closed_set(b"retain=False):"), closed_set(b"true"));
        assert!(is_signed_name(b"+sdown") && is_signed_name(b"-convert-to-slave"));
        assert_eq!(variable_kind(b"\"db-pg-<*>\""), b"\"<*>\"");
        assert_eq!(variable_kind(b"blk_<*>"), b"blk_<*>");
        assert_eq!(variable_kind(b"core.<*>"), b"core.<*>");
        assert_eq!(variable_kind(b"\"curl/<*>\""), b"\"curl/<*>\"");
        assert_eq!(variable_kind(b"/p/gb<*>/x"), b"<*>");
        assert_eq!(variable_kind(b"key=<*>ms,"), b"key=<*>,");
        assert!(!is_signed_name(b"-") && !is_signed_name(b"-42") && !is_signed_name(b"sdown"));
        assert_ne!(closed_set(b"\"GET"), closed_set(b"true"));
    }

    #[test]
    fn ids_of_two_kinds_in_one_slot_are_one_value() {
        let mut miner = Miner::new(MinerConfig::default());
        let ids = placed(
            &mut miner,
            &["Added request chatcmpl-8f3a1.", "Added request cmpl-77b2e."],
        );
        assert_eq!(ids[0], ids[1]);
        // A field and its value (`name....value`) is not an id with its kind.
        assert!(is_kind_of_id(b"gpu[<*>]") && is_kind_of_id(b"blk_<*>,"));
        assert!(!is_kind_of_id(b"icbi.....<*>") && !is_kind_of_id(b"seed=<*>"));
    }

    #[test]
    fn structured_lines_of_one_message_and_different_fields_stay_apart() {
        let mut miner = Miner::new(MinerConfig::default());
        let lines = [
            "type=SYSCALL msg=audit(1.1:7): arch=c000003e syscall=59 a0=7f a1=2",
            "type=EXECVE msg=audit(1.2:8): argc=2 a0=\"ls\" a1=\"-la\"",
            "type=PROCTITLE msg=audit(1.3:9): proctitle=2F62696E",
            "type=CWD msg=audit(1.4:10): cwd=\"/root\"",
            "type=PATH msg=audit(1.5:11): item=0 name=\"/etc/shadow\" inode=12",
        ];
        let ids = placed(&mut miner, &lines);
        let mut distinct = ids.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), lines.len(), "{ids:?}");
        let again = placed(
            &mut miner,
            &["type=CWD msg=audit(2.4:12): cwd=\"/home/ana\""],
        );
        assert_eq!(again[0], ids[3]);
    }

    #[test]
    fn the_word_opening_the_message_behind_a_tag_needs_four_values() {
        // Header detection off: a tag on every line of a stream is what a learner may take as
        // header.
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        let ids = placed(
            &mut miner,
            &[
                "[sshd] Ban 192.0.2.7",
                "[sshd] Unban 192.0.2.8",
                "[sshd] Found 192.0.2.9",
            ],
        );
        assert!(
            ids[0] != ids[1] && ids[1] != ids[2] && ids[0] != ids[2],
            "{ids:?}"
        );
        let more = placed(&mut miner, &["[sshd] Restore 192.0.2.10"]);
        let first = ids[0].and_then(|id| miner.resolve(id));
        let texts: Vec<String> = miner.templates().map(|t| t.text()).collect();
        assert_eq!(more[0], first, "{texts:?}");
    }

    #[test]
    fn two_bracketed_names_in_one_slot_are_values_two_plain_words_are_not() {
        let mut miner = Miner::new(MinerConfig::default());
        let ids = placed(
            &mut miner,
            &[
                "[in_tail_containers] following tail of /var/log/a.log",
                "[in_tail_audit] following tail of /var/log/b.log",
                "[main] following tail of /var/log/c.log",
                "[other] following tail of /var/log/d.log",
            ],
        );
        assert_eq!(ids[0], ids[1]);
        assert_ne!(ids[2], ids[3]);
        assert!(is_bracketed_name(b"[out_s3]") && !is_bracketed_name(b"[main]"));
        // In angle brackets too (Cisco ASA's `Group <GP_RemoteStaff>`).
        let mut miner = Miner::new(MinerConfig::default());
        let ids = placed(
            &mut miner,
            &[
                "Group <GP_RemoteStaff> User <jo> IP <10.0.0.7> session started.",
                "Group <GP_Contractors> User <jo> IP <10.0.0.8> session started.",
            ],
        );
        assert_eq!(ids[0], ids[1]);
        assert!(is_bracketed_name(b"<GP_Staff>") && !is_bracketed_name(b"<main>"));
    }

    #[test]
    fn reasons_are_told_apart_after_a_context_they_all_close_alike() {
        let mut miner = Miner::new(MinerConfig::default());
        let reasons = [
            "Get \"https://r.io/v2/\": net/http: request canceled while waiting for connection.",
            "toomanyrequests: You have reached your pull rate limit.",
            "pull access denied for x/y, repository does not exist.",
        ];
        let lines: Vec<String> = (0..6)
            .map(|i| {
                format!(
                    "Unable to update container \"/c{i}\": Error response from daemon: {} Proceeding to next.",
                    reasons[i % 3]
                )
            })
            .collect();
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let ids = placed(&mut miner, &lines);
        let last = miner.resolve(ids[5].expect("placed"));
        assert!(
            ids.iter()
                .all(|&id| id.and_then(|id| miner.resolve(id)) == last)
        );
        // Events that differ in their first word after the head stay apart, whatever their
        // reasons (a status closed by a colon is the event's, not a shared context).
        let mut miner = Miner::new(MinerConfig::default());
        let failing = [
            "timeout of 48000ms exceeded",
            "Request failed with status code 503",
            "connect ECONNREFUSED 10.0.0.5:8123",
        ];
        let mut lines: Vec<String> = (0..6)
            .map(|i| {
                format!(
                    "Monitor #{i} 'Home Assistant': Failing: {} | Interval: 60 seconds",
                    failing[i % 3]
                )
            })
            .collect();
        lines.push(
            "Monitor #7 'Home Assistant': Successful Response: 120 ms | Interval: 60 seconds"
                .into(),
        );
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        let ids = placed(&mut miner, &lines);
        let ok = ids[6].and_then(|id| miner.resolve(id));
        assert!(
            ids[..6]
                .iter()
                .all(|&id| id.and_then(|id| miner.resolve(id)) != ok)
        );
    }

    #[test]
    fn a_clause_after_a_variable_needs_three_different_reasons() {
        let mut miner = Miner::new(MinerConfig::default());
        let two = placed(
            &mut miner,
            &[
                "failed to load model m-1 for request r-1: image inputs are not supported",
                "failed to load model m-2 for request r-2: prompt is empty",
            ],
        );
        assert_ne!(two[0], two[1]);
        let third = placed(
            &mut miner,
            &["failed to load model m-3 for request r-3: token id 7 is outside the vocabulary"],
        );
        assert_eq!(miner.resolve(two[0].unwrap()), third[0]);
        assert_eq!(miner.resolve(two[1].unwrap()), third[0]);
        // Upper-case words around a variable are rather a header's remnants: no clause.
        let header = placed(
            &mut miner,
            &[
                "UTC [12] LOG C-0x1: new connection to server",
                "UTC [13] LOG C-0x2: closing because of idle timeout",
                "UTC [14] LOG C-0x3: login attempt for db app",
            ],
        );
        assert_ne!(header[0], header[1]);
        assert_ne!(header[1], header[2]);
    }

    #[test]
    fn upper_case_words_are_values_at_three_like_any_word_key_values_at_three_spread_or_four() {
        let mut miner = Miner::new(MinerConfig::default());
        for (i, s) in ["[RED]", "LOOKING", "TURBO_STREAM"].iter().enumerate() {
            let states: Vec<_> = ["one", "two", "three"]
                .iter()
                .map(|v| {
                    let word = format!("{s}{v}").to_ascii_uppercase();
                    let line = format!("peer {i} state changed to {word} now");
                    miner.add_line(line.as_bytes(), None)
                })
                .collect();
            let first = miner.resolve(states[0]);
            assert!(states.iter().all(|&id| miner.resolve(id) == first), "{s}");
        }
        // `key=value` names a kind of event more often: three spread values are enough, but
        // not when one of them holds nearly all the lines (`user=root` beside a rare
        // `user=guest`); then four are.
        let mut miner = Miner::new(MinerConfig::default());
        let line = |s: &str| format!("election round state={s} now");
        let ids: Vec<_> = ["LOOKING", "FOLLOWING", "LEADING"]
            .iter()
            .map(|s| miner.add_line(line(s).as_bytes(), None))
            .collect();
        assert_eq!(miner.resolve(ids[0]), miner.resolve(ids[2]));
        let mut miner = Miner::new(MinerConfig::default());
        let line = |s: &str| format!("authentication failure for user={s} from host");
        let root: Vec<_> = (0..20)
            .map(|_| miner.add_line(line("root").as_bytes(), None))
            .collect();
        let guest = miner.add_line(line("guest").as_bytes(), None);
        let test = miner.add_line(line("test").as_bytes(), None);
        assert_ne!(miner.resolve(root[0]), miner.resolve(guest));
        assert_ne!(miner.resolve(guest), miner.resolve(test));
        let fourth = miner.add_line(line("admin").as_bytes(), None);
        assert_eq!(miner.resolve(guest), miner.resolve(fourth));
    }

    #[test]
    fn phrases_of_established_events_need_more_than_three_to_be_a_variable() {
        // A queue worker's lifecycle: two verbs of many lines each, then a rarer phrase.
        let mut miner = Miner::new(MinerConfig::default());
        let line =
            |verb: &str, n: u32| format!("Worker {verb} execution {} (job {})", 7100 + n, 1800 + n);
        let mut started = None;
        let mut finished = None;
        for n in 0..12 {
            started = Some(miner.add_line(line("started", n).as_bytes(), None));
            finished = Some(miner.add_line(line("finished", n).as_bytes(), None));
        }
        let errored = miner.add_line(line("errored while running", 99).as_bytes(), None);
        let ids = [started, finished, Some(errored)].map(|id| id.and_then(|id| miner.resolve(id)));
        assert_ne!(ids[0], ids[1], "started and finished are two events");
        assert_ne!(ids[0], ids[2]);
        assert_ne!(ids[1], ids[2]);
        // Phrases of a few lines each are a value at three, as before.
        let mut miner = Miner::new(MinerConfig::default());
        let first = miner.add_line(line("on time", 1).as_bytes(), None);
        miner.add_line(line("late", 2).as_bytes(), None);
        let third = miner.add_line(line("ahead of schedule", 3).as_bytes(), None);
        assert_eq!(miner.resolve(first), miner.resolve(third));
    }

    #[test]
    fn a_field_s_word_is_a_value_at_three_unless_its_key_names_the_outcome() {
        let mut miner = Miner::new(MinerConfig::default());
        let ids: Vec<_> = (0..18)
            .map(|i| {
                let queue = ["batch", "debug", "gpu"][i % 3];
                let line = format!("alloc success (queue={queue} id={})", 4_348_759 + i * 7919);
                miner.add_line(line.as_bytes(), None)
            })
            .collect();
        let first = miner.resolve(ids[0]);
        assert!(ids.iter().all(|&id| miner.resolve(id) == first));
        // A status says what happened: three of them are three events.
        let mut miner = Miner::new(MinerConfig::default());
        let ids: Vec<_> = (0..18)
            .map(|i| {
                let status = ["sent", "deferred", "bounced"][i % 3];
                let line = format!(
                    "alloc success (status={status} id={})",
                    4_348_759 + i * 7919
                );
                miner.add_line(line.as_bytes(), None)
            })
            .collect();
        let found: std::collections::HashSet<_> = ids.iter().map(|&id| miner.resolve(id)).collect();
        assert_eq!(found.len(), 3);
    }

    #[test]
    fn phrases_with_fields_of_their_own_stay_events_of_their_own() {
        // Centrifugo's: the same fields end each line, and two events add one of their own.
        let mut miner = Miner::new(MinerConfig::default());
        let ids = [
            "client authenticated client=2cd56d25-7b29-4f8a-8a6f-4772d5736205 user=42",
            "client subscribed to channel channel=support:queue-3 \
             client=2cd56d25-7b29-4f8a-8a6f-4772d5736205 user=42",
            "client presence request channel=support:queue-3 \
             client=7c62258b-f7fd-4709-8a69-85f6b1368b7f user=1873",
        ]
        .map(|line| miner.add_line(line.as_bytes(), None));
        let ids = ids.map(|id| miner.resolve(id));
        assert_ne!(ids[0], ids[1]);
        assert_ne!(ids[0], ids[2]);
        assert_ne!(ids[1], ids[2]);
    }

    #[test]
    fn a_phrase_between_equal_words_is_one_variable_at_three_phrases() {
        // Not HTTP reason phrases (the masker knows those): phrases of the message's own.
        let mut miner = Miner::new(MinerConfig::default());
        let line = |code: u32, reason: &str| {
            format!(
                "Completed {code} {reason} in {}ms (Views: {}ms)",
                code % 7,
                code % 5
            )
        };
        let ok = miner.add_line(line(200, "cleanly").as_bytes(), None);
        let missing = miner.add_line(line(404, "with warnings").as_bytes(), None);
        assert_ne!(
            miner.resolve(ok),
            miner.resolve(missing),
            "two phrases are two events"
        );
        let error = miner.add_line(line(500, "after two retries").as_bytes(), None);
        let first = miner.resolve(ok);
        assert!(
            [missing, error]
                .iter()
                .all(|&id| miner.resolve(id) == first)
        );
        // A later phrase of a length not seen yet joins the same template, a long one too; one
        // seen before the merge, too long to be evidence, joined it when it merged.
        let later = miner.add_line(line(422, "by the scheduler now").as_bytes(), None);
        assert_eq!(miner.resolve(later), first);
        let long = miner.add_line(
            line(503, "only after the upstream pool was drained twice").as_bytes(),
            None,
        );
        assert_eq!(miner.resolve(long), first);
        let mut early = Miner::new(MinerConfig::default());
        let long = early.add_line(
            line(503, "only after the upstream pool was drained twice").as_bytes(),
            None,
        );
        for (code, reason) in [
            (200, "cleanly"),
            (404, "with warnings"),
            (500, "after two retries"),
        ] {
            early.add_line(line(code, reason).as_bytes(), None);
        }
        let short = early.add_line(line(201, "cleanly").as_bytes(), None);
        assert_eq!(early.resolve(long), early.resolve(short));
        // Its text is written from the lines of every length, before the merge and after.
        assert_eq!(
            miner.template(ok).map(Template::text).as_deref(),
            Some("Completed <*> <*> in <*>ms (Views: <*>ms)")
        );
        // A run of values before the phrase is one token of the template but three of the line:
        // the text still maps every line's words onto the right positions.
        let mut miner = Miner::new(MinerConfig::default());
        let line = |n: u32, reason: &str| {
            format!("conn {n} {} {} closed ({reason}) by peer", n + 1, n + 2)
        };
        let ids: Vec<_> = [
            (1, "timeout"),
            (4, "Got an error reading"),
            (7, "reset by the kernel"),
        ]
        .iter()
        .map(|(n, reason)| miner.add_line(line(*n, reason).as_bytes(), None))
        .collect();
        let first = miner.resolve(ids[0]);
        assert!(ids.iter().all(|&id| miner.resolve(id) == first));
        miner.add_line(line(9, "no route to host").as_bytes(), None);
        assert_eq!(
            miner.template(ids[0]).map(Template::text).as_deref(),
            Some("conn <*> <*> <*> closed (<*>) by peer")
        );
        // Phrases that differ past their first word only count once: `on signal …` twice and
        // `with code …` are two kinds of exit, not three values.
        let exits: Vec<_> = [
            "on signal 9 (SIGKILL)",
            "on signal 11 (SIGSEGV)",
            "with code 1",
        ]
        .iter()
        .map(|how| {
            let line = format!("child 42 exited {how} after 3 seconds from start");
            miner.add_line(line.as_bytes(), None)
        })
        .collect();
        assert_ne!(miner.resolve(exits[0]), miner.resolve(exits[2]));
    }

    #[test]
    fn escape_sequences_go_and_every_other_byte_stays() {
        let strip = |line: &[u8]| without_escapes(line).into_owned();
        assert_eq!(
            strip(b"\x1b[2m2026\x1b[0m\t\x1b[32mINFO\x1b[0m\tmain.go:12\tstarted"),
            b"2026\tINFO\tmain.go:12\tstarted"
        );
        // An OSC title (BEL or ST), a reset, a charset switch, a lone ESC at the end.
        assert_eq!(
            strip(b"a \x1b]0;pwned\x07b \x1b]2;t\x1b\\c \x1bcd \x1b(Be\x1b"),
            b"a b c d e"
        );
        // Bytes that are not UTF-8 and other controls are the line's, not the sequences'.
        assert_eq!(strip(b"\xff\xfe \x1b[1mx\r\x07"), b"\xff\xfe x\r\x07");
        // An OSC never closed loses its opening only.
        assert_eq!(strip(b"x \x1b]0;title then more"), b"x 0;title then more");
        assert!(matches!(
            without_escapes(b"plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn severity_comes_from_level_then_keywords() {
        let mut miner = Miner::new(MinerConfig::default());
        let a = miner.add_line(b"2024-01-01 00:00:00 WARN disk almost full", None);
        let b = miner.add_line(b"connection failed after 3 retries", None);
        let c = miner.add_line(b"all good here", None);
        assert_eq!(
            miner.template(a).map(Template::severity),
            Some(Severity::Warn)
        );
        assert_eq!(
            miner.template(b).map(Template::severity),
            Some(Severity::Error)
        );
        assert_eq!(
            miner.template(c).map(Template::severity),
            Some(Severity::Unknown)
        );
    }

    #[test]
    fn cap_is_respected_and_evictions_counted() {
        let config = MinerConfig {
            max_templates: 10,
            ..MinerConfig::default()
        };
        let mut miner = Miner::new(config);
        for i in 0..500 {
            let word: String = (0..6)
                .map(|k| (b'a' + ((i * 7 + k * 3) % 26) as u8) as char)
                .collect();
            miner.add_line(format!("{word} {word}x {i}").as_bytes(), None);
            assert!(miner.template_count() <= 10);
        }
        let digest = miner.digest(100);
        assert!(digest.evicted_templates > 0);
        assert_eq!(digest.lines, 500);
    }

    #[test]
    fn lead_evidence_is_bounded() {
        let config = MinerConfig {
            max_templates: 10,
            ..MinerConfig::default()
        };
        let mut miner = Miner::new(config);
        for i in 0..2000u32 {
            // `i` spelled in base 26: a word of its own for every line.
            let word: String = (0..4)
                .map(|k| (b'a' + (i / 26u32.pow(k) % 26) as u8) as char)
                .collect();
            // No constant word: nothing merges, every line is a new template.
            let other: String = word.chars().rev().collect();
            let line = format!("10.0.0.{} {word} {other} q{word} {other}z", i % 250);
            miner.add_line(line.as_bytes(), None);
            assert!(miner.leads.len() <= 10 * 8 + 1, "{}", miner.leads.len());
        }
    }

    #[test]
    fn examples_are_redacted_and_bounded() {
        let mut miner = Miner::new(MinerConfig::default());
        let mut id = TemplateId(0);
        for i in 0..10 {
            id = miner.add_line(format!("login ok password=hunter{i}").as_bytes(), None);
        }
        let template = miner.template(id).expect("template exists");
        assert_eq!(template.examples().len(), 3);
        assert!(template.examples().iter().all(|e| !e.contains("hunter")));
    }

    /// Message `i` of a set whose messages never differ in one word only (each word is `i` modulo
    /// its own prime, spelled in letters), so no two merge: every one is its own template.
    fn distinct_message(i: u64) -> String {
        const PRIMES: [u64; 4] = [1009, 1013, 1019, 1021];
        let word = |mut j: u64| {
            let mut text = String::new();
            j += 676;
            while j > 0 {
                text.push(char::from(b'a' + (j % 26) as u8));
                j /= 26;
            }
            text
        };
        let words: Vec<String> = PRIMES.iter().map(|p| word(i * 7 % p)).collect();
        format!("INFO {}", words.join(" "))
    }

    #[test]
    fn distinct_templates_are_counted_past_the_cap() {
        let mut miner = Miner::new(MinerConfig {
            max_templates: 50,
            ..MinerConfig::default()
        });
        for round in 0..3 {
            for i in 0..400 {
                miner.add_line(distinct_message(i).as_bytes(), None);
            }
            assert_eq!(miner.template_count(), 50, "round {round}");
        }
        let digest = miner.digest(10);
        assert!(digest.evicted_templates > 0);
        assert_eq!(digest.templates_total, 50);
        assert_eq!(
            (
                digest.distinct_templates,
                digest.distinct_templates_estimated
            ),
            (400, true)
        );
    }

    #[test]
    fn distinct_templates_are_exact_under_the_cap() {
        let mut miner = Miner::new(MinerConfig::default());
        for i in 0..400 {
            miner.add_line(distinct_message(i).as_bytes(), None);
        }
        assert_eq!(miner.distinct_templates(), (400, false));
    }
}
