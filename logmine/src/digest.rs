//! Bounded, serialisable summaries of a miner's templates.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::fingerprint::{finish, folds, mix_bytes, mix_word};
use crate::miner::{is_value_shaped_word, max_option, min_option, variable_kind};
use crate::{Miner, Severity, Template, TemplateId};

/// Longest template text carried in a digest, in bytes; longer ones are cut at a char boundary.
const MAX_TEMPLATE_TEXT: usize = 1024;

/// A summary of everything a miner has seen, bounded by the `limit` given to [`Miner::digest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Digest {
    /// Lines given to the miner.
    pub lines: u64,
    /// Live templates (the digest may show fewer).
    pub templates_total: usize,
    /// Distinct templates in the whole stream, evicted ones included (see
    /// [`Miner::distinct_templates`]).
    #[serde(default)]
    pub distinct_templates: u64,
    /// Whether `distinct_templates` is an estimate (templates were evicted past the cap).
    #[serde(default)]
    pub distinct_templates_estimated: bool,
    /// Templates evicted because the cap was reached.
    pub evicted_templates: u64,
    /// Lines that belonged to evicted templates (they are not in `templates`).
    pub evicted_lines: u64,
    /// Earliest caller-supplied timestamp, unix millis.
    pub first_timestamp_ms: Option<i64>,
    /// Latest caller-supplied timestamp, unix millis.
    pub last_timestamp_ms: Option<i64>,
    /// Templates, most severe first, then most frequent.
    pub templates: Vec<DigestTemplate>,
}

/// One template in a [`Digest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DigestTemplate {
    /// Stable id.
    pub id: TemplateId,
    /// Template text with `<*>` for variables.
    pub template: String,
    /// Lines matched.
    pub count: u64,
    /// Level from headers, else from keywords.
    pub severity: Severity,
    /// Index of the first matching line in the stream.
    pub first_line: u64,
    /// Index of the last matching line.
    pub last_line: u64,
    /// Earliest caller-supplied timestamp among its lines.
    pub first_timestamp_ms: Option<i64>,
    /// Latest caller-supplied timestamp among its lines.
    pub last_timestamp_ms: Option<i64>,
    /// First seen in the trailing `novel_fraction` of the stream.
    pub novel: bool,
    /// Seen at most `rare_max_count` times.
    pub rare: bool,
    /// At least `burst_min_fraction` of its (at least `burst_min_count`) lines fell within one
    /// burst window, in a stream that spans several windows.
    pub burst: bool,
    /// Redacted examples.
    pub examples: Vec<String>,
}

// The digest reads the miner, never the reverse: the methods live here.
impl Miner {
    /// A bounded, serialisable summary: at most `limit` templates, most severe first, then most
    /// frequent, each flagged `novel` / `rare` / `burst`. Templates a reader cannot tell apart
    /// (see [`Miner::templates_by_text`]) are one entry.
    pub fn digest(&self, limit: usize) -> Digest {
        Digest::build(self, limit)
    }

    /// The live templates grouped by what a reader sees as one event. First the same severity
    /// and the same text: two templates can end up so when they were made apart (their token
    /// structure differed, say a brace holding one value or three) and their text, written later
    /// from the values their lines hold, came out the same. Then a template that another with
    /// more lines stretches over (a reason after a colon, a delimited value, or for a line or
    /// two a bare variable, taking several of its tokens) joins that one's group; templates of
    /// one length that differ only in columns of enough distinct words join, and templates
    /// whose reasons stand between the same two-word head and trailer join, and so do records
    /// of ` | ` fields whose first fields differ before one trailer (see the crate
    /// documentation). Last, templates that differ only inside values, or in one word written
    /// as a value, join. Severities must agree unless one is unknown. A report, a baseline and the
    /// grouping score must count each group once. Each group starts with the template that names
    /// it (the oldest of the same text); groups come in the order of their first members.
    pub fn templates_by_text(&self) -> Vec<Vec<&Template>> {
        let mut templates: Vec<&Template> = self.templates().collect();
        templates.sort_by_key(|t| t.id());
        let mut index: HashMap<(u8, String), usize> = HashMap::with_capacity(templates.len());
        let mut groups: Vec<Vec<&Template>> = Vec::with_capacity(templates.len());
        for template in templates {
            let key = (template.severity().rank(), template.text());
            match index.get(&key) {
                Some(&at) => groups[at].push(template),
                None => {
                    index.insert(key, groups.len());
                    groups.push(vec![template]);
                }
            }
        }
        let joined = self.stretched_groups(&groups);
        let mut kept: Vec<Vec<&Template>> = Vec::with_capacity(groups.len());
        let mut slot_of: Vec<usize> = vec![usize::MAX; groups.len()];
        for (g, group) in groups.iter().enumerate() {
            if joined[g] == g {
                slot_of[g] = kept.len();
                kept.push(group.clone());
            }
        }
        for (g, group) in groups.iter().enumerate() {
            if joined[g] != g {
                kept[slot_of[joined[g]]].extend(group.iter().copied());
            }
        }
        join_by_kind(kept)
    }
}

impl Digest {
    fn build(miner: &Miner, limit: usize) -> Digest {
        let config = miner.config();
        let lines = miner.lines();
        let (first_ts, last_ts) = miner.stream_bounds();
        let (evicted_templates, evicted_lines) = miner.eviction_stats();
        let (distinct_templates, distinct_templates_estimated) = miner.distinct_templates();

        let mut templates: Vec<Entry> = miner
            .templates_by_text()
            .iter()
            .map(|group| Entry::of(group))
            .collect();
        templates.sort_by(|a, b| {
            (a.severity.rank(), std::cmp::Reverse(a.count), a.id).cmp(&(
                b.severity.rank(),
                std::cmp::Reverse(b.count),
                b.id,
            ))
        });

        let novel_from_line = lines as f64 * (1.0 - config.novel_fraction.clamp(0.0, 1.0));
        // A burst only means something when the stream is much longer than one window.
        let (stream_span, window) = match (first_ts, last_ts) {
            (Some(first), Some(last)) => (last.saturating_sub(first), config.burst_window_ms),
            _ => (lines as i64, config.burst_window_lines),
        };
        let stream_spans_windows = stream_span >= window.saturating_mul(4);

        let shown = templates
            .iter()
            .take(limit)
            .map(|t| DigestTemplate {
                id: t.id,
                template: truncate(t.text.clone(), MAX_TEMPLATE_TEXT),
                count: t.count,
                severity: t.severity,
                first_line: t.first_line,
                last_line: t.last_line,
                first_timestamp_ms: t.first_timestamp_ms,
                last_timestamp_ms: t.last_timestamp_ms,
                novel: lines > 0 && t.first_line as f64 >= novel_from_line,
                rare: t.count <= config.rare_max_count,
                burst: stream_spans_windows
                    && t.count >= config.burst_min_count
                    && t.peak_window_count as f64 >= t.count as f64 * config.burst_min_fraction,
                examples: t
                    .examples
                    .iter()
                    .take(config.max_examples)
                    .cloned()
                    .collect(),
            })
            .collect();

        Digest {
            lines,
            templates_total: templates.len(),
            distinct_templates,
            distinct_templates_estimated,
            evicted_templates,
            evicted_lines,
            first_timestamp_ms: first_ts,
            last_timestamp_ms: last_ts,
            templates: shown,
        }
    }
}

/// One digest entry before it is flagged: a group of templates a reader cannot tell apart, summed.
struct Entry {
    id: TemplateId,
    text: String,
    severity: Severity,
    count: u64,
    first_line: u64,
    last_line: u64,
    first_timestamp_ms: Option<i64>,
    last_timestamp_ms: Option<i64>,
    /// The busiest burst window of any member: a lower bound of the group's, as members' windows
    /// may or may not be the same one.
    peak_window_count: u64,
    examples: Vec<String>,
}

impl Entry {
    /// Sums `group` (never empty, oldest first), named after its oldest member.
    fn of(group: &[&Template]) -> Entry {
        let first = group[0];
        let mut entry = Entry {
            id: first.id(),
            // A word without digits stays literal in a template, so templates are redacted too,
            // with what redaction took from the template's first lines.
            text: group_text(group.iter().map(|t| t.redacted_text())),
            severity: first.severity(),
            count: 0,
            first_line: u64::MAX,
            last_line: 0,
            first_timestamp_ms: None,
            last_timestamp_ms: None,
            peak_window_count: 0,
            examples: Vec::new(),
        };
        for t in group {
            entry.count += t.count();
            entry.first_line = entry.first_line.min(t.first_line());
            entry.last_line = entry.last_line.max(t.last_line());
            entry.first_timestamp_ms = min_option(entry.first_timestamp_ms, t.first_timestamp_ms());
            entry.last_timestamp_ms = max_option(entry.last_timestamp_ms, t.last_timestamp_ms());
            entry.peak_window_count = entry.peak_window_count.max(t.peak_window_count());
            // A member without a level may have joined one that guessed its own from words.
            entry.severity = entry.severity.more_severe(t.severity());
            entry.examples.extend(t.examples().iter().cloned());
        }
        entry
    }
}

/// The text of a group of templates read as one event: the first's, with `<*>` where members of
/// its length write other words (`UPS [eaton5p]` beside `UPS [rackapc]` is `UPS [<*>]`), the
/// marks around the value kept. A member of another length (a value that took several tokens)
/// says nothing of the first's positions.
pub(crate) fn group_text(mut texts: impl Iterator<Item = String>) -> String {
    let Some(first) = texts.next() else {
        return String::new();
    };
    let mut tokens: Vec<String> = first.split(' ').map(str::to_owned).collect();
    let mut changed = false;
    for other in texts {
        if other == first || other.split(' ').count() != tokens.len() {
            continue;
        }
        for (token, theirs) in tokens.iter_mut().zip(other.split(' ')) {
            // Values with other units (`<*>ms` beside `<*>s`) keep the first's: its lines'.
            let units_only = match (token.rfind("<*>"), theirs.rfind("<*>")) {
                (Some(a), Some(b)) => token[..a] == theirs[..b],
                _ => false,
            };
            if token != theirs && !units_only {
                *token = generalised(token, theirs);
                changed = true;
            }
        }
    }
    if changed { tokens.join(" ") } else { first }
}

/// One token for two that differ: `<*>` with the marks both open and close with (`[<*>]`,
/// `user=<*>`), never a part of a `<*>` or of a word.
fn generalised(a: &str, b: &str) -> String {
    let is_mark = |c: u8| c.is_ascii_punctuation() && !matches!(c, b'<' | b'*' | b'>');
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while head > 0
        && !a[..head]
            .iter()
            .all(|&c| is_mark(c) || c.is_ascii_alphabetic())
    {
        head -= 1;
    }
    while head > 0 && !is_mark(a[head - 1]) {
        head -= 1;
    }
    let room = a.len().min(b.len()) - head;
    let mut tail = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    while tail > 0 && !a[a.len() - tail..].iter().all(|&c| is_mark(c)) {
        tail -= 1;
    }
    let mut out = String::from_utf8_lossy(&a[..head]).into_owned();
    out.push_str("<*>");
    out.push_str(&String::from_utf8_lossy(&a[a.len() - tail..]));
    out
}

/// Groups holding templates whose tokens differ only inside values are one
/// (`{id=pg-cdc-billing-<*>}` beside `{id=mysql-cdc-inventory-<*>}`, `web-<*>` beside `db-<*>`):
/// a word glued to a number is part of a name, and two such names in one slot are two values.
/// So are templates equal but for runs of variables, when their lines hold as many words: the
/// masker writes a line's adjacent values as one, so a name with digits and the value after it
/// (`mount gpfs01 86295`) made `mount <*>`, where names without digits made `mount <*> <*>`.
/// Lines of different lengths there (`<ip> <mac>` beside `<ip> <mac> <host>`) have an optional
/// field, an event of its own. And so are templates equal but for one word written as a value
/// ([`value_word_keys`]). Last, so that the joins before it still count each template's words
/// as their own.
fn join_by_kind(groups: Vec<Vec<&Template>>) -> Vec<Vec<&Template>> {
    // Union-find over the groups, the smallest index the root: every key a group shares with
    // an earlier one joins their sets, whatever order the groups come in.
    fn root(parent: &mut [usize], mut g: usize) -> usize {
        while parent[g] != g {
            parent[g] = parent[parent[g]];
            g = parent[g];
        }
        g
    }
    let mut first_of_kind: HashMap<u64, usize> = HashMap::with_capacity(groups.len() * 2);
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    for (g, group) in groups.iter().enumerate() {
        for template in group {
            let rank = u64::from(template.severity().rank());
            let (kind, collapsed) = kind_keys(template);
            // Only a template holding a variable token has a run to compare; its lines' words
            // are counted then (its text is written for it).
            let runs = collapsed.map(|collapsed| {
                let words = template.text().split_ascii_whitespace().count() as u64;
                mix_word(mix_word(collapsed, rank), words ^ RUNS_SEED)
            });
            let words = value_word_keys(template)
                .into_iter()
                .map(|k| mix_word(k, rank));
            let record = record_keys(template).map(|k| mix_word(k, rank));
            for key in std::iter::once(mix_word(kind, rank))
                .chain(runs)
                .chain(words)
                .chain(record)
            {
                match first_of_kind.get(&key) {
                    Some(&earlier) => {
                        let (a, b) = (root(&mut parent, earlier), root(&mut parent, g));
                        parent[a.max(b)] = a.min(b);
                    }
                    None => {
                        first_of_kind.insert(key, g);
                    }
                }
            }
        }
    }
    let mut out: Vec<Vec<&Template>> = Vec::with_capacity(groups.len());
    let mut slot_of = vec![usize::MAX; groups.len()];
    for (g, group) in groups.into_iter().enumerate() {
        let r = root(&mut parent, g);
        if r == g {
            slot_of[g] = out.len();
            out.push(group);
        } else {
            out[slot_of[r]].extend(group);
        }
    }
    out
}

/// Seed of the keys of templates compared with their runs of variables written as one.
const RUNS_SEED: u64 = 0x7275_6e73;

/// Seed of the keys of templates compared but for one word written as a value.
const VALUE_WORD_SEED: u64 = 0x7661_6c77;

/// Keys of a template holding a `<*>` token and three constant ones, one for each position
/// holding a word written as a value (`routing type ANYCAST`, `[send]`, `two_factor`: the miner's
/// [`is_value_shaped_word`], not a key's word, not a bare word beside a `<*>`, not the first word
/// nor the word after a leading `[tag]`, which name the event): the fingerprint of the other
/// tokens. Templates sharing one are one event with a value there, as the miner makes them when
/// the two words meet in one slot; they may not have met, the other positions of each having
/// generalised at different times (`Queue <*> created on address <*>` from names that came in
/// pairs). Joins chain, as the miner's merges do.
fn value_word_keys(template: &Template) -> Vec<u64> {
    let tokens: Vec<&[u8]> = template.tokens().collect();
    let is_variable = |t: &[u8]| t == b"<*>";
    let constants = tokens
        .iter()
        .filter(|t| !crate::mask::contains_wildcard(t))
        .count();
    if constants < 3 || !tokens.iter().any(|t| is_variable(t)) {
        return Vec::new();
    }
    let tagged = tokens[0].starts_with(b"[") && tokens[0].ends_with(b"]");
    let candidate = |p: usize| {
        let token = tokens[p];
        let bare = token
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'));
        let beside_a_variable =
            is_variable(tokens[p - 1]) || tokens.get(p + 1).is_some_and(|t| is_variable(t));
        (p != 1 || !tagged)
            && !token.contains(&b'=')
            && is_value_shaped_word(token)
            && !(bare && beside_a_variable)
    };
    let positions: Vec<usize> = (1..tokens.len()).filter(|&p| candidate(p)).collect();
    if positions.is_empty() {
        return Vec::new();
    }
    // "All tokens but p" from a prefix and a suffix, O(1) a position.
    let hashes: Vec<u64> = tokens
        .iter()
        .map(|t| mix_bytes(VALUE_WORD_SEED, t))
        .collect();
    let (prefix, suffix) = folds(&hashes, VALUE_WORD_SEED, VALUE_WORD_SEED ^ 0x5a5a);
    positions
        .into_iter()
        .map(|p| {
            finish(mix_word(
                mix_word(prefix[p], suffix[p + 1]),
                ((tokens.len() as u64) << 20) | p as u64,
            ))
        })
        .collect()
}

/// Seed of the keys of templates compared by their record's keys alone.
const RECORD_SEED: u64 = 0x7265_636b;

/// `key=value` fields a record must hold before its values are read as values whatever they are.
const MIN_RECORD_KEYS: usize = 8;

/// A message followed by a record of many `key=value` fields (hclog's `HTTP Response Received:
/// @module=aws aws.operation=RunInstances … tf_rpc=ApplyResourceChange`): the fingerprint of its
/// tokens with each field's value left out. The message names the event; what the record's
/// fields hold are values, even when a few of them vary together (an operation, the resource it
/// acts on and the call that asked for it), which the miner's evidence, one or two positions at
/// a time, does not see. So are a record's alone (lograge's `method=GET path=… controller=…`).
fn record_keys(template: &Template) -> Option<u64> {
    let tokens: Vec<&[u8]> = template.tokens().collect();
    // The end of a field's key (`key=`, or `[key=` in a bracketed field, TiDB's and TiKV's).
    let key_of = |t: &[u8]| -> Option<usize> {
        // A structured line's field names are its event's words, not a field (see
        // `column_needed`): compared whole.
        if crate::mask::is_field_list(t) {
            return None;
        }
        crate::mask::field_key_end(t)
    };
    if tokens.is_empty() {
        return None;
    }
    let fields = tokens.iter().filter(|t| key_of(t).is_some()).count();
    if fields < MIN_RECORD_KEYS {
        return None;
    }
    let mut h = RECORD_SEED;
    for token in &tokens {
        h = match key_of(token) {
            Some(eq) => mix_bytes(mix_word(h, 1), &token[..eq]),
            None => mix_bytes(mix_word(h, 2), token),
        };
    }
    Some(finish(h))
}

/// Fingerprints of a template's tokens with every run of value bytes that holds a variable
/// written as one `<*>` (see [`variable_kind`]); and of the same with runs of `<*>` tokens
/// written as one, when the template holds a `<*>` token.
fn kind_keys(template: &Template) -> (u64, Option<u64>) {
    let (mut kind, mut collapsed) = (KIND_SEED, KIND_SEED);
    let mut last_was_variable = false;
    let mut any_variable = false;
    for token in template.tokens() {
        let token_kind = variable_kind(token);
        let variable = token_kind == b"<*>";
        if !(variable && last_was_variable) {
            collapsed = mix_bytes(collapsed, &token_kind);
        }
        last_was_variable = variable;
        any_variable |= variable;
        kind = mix_bytes(kind, &token_kind);
    }
    (finish(kind), any_variable.then(|| finish(collapsed)))
}

/// Seed of the kind fingerprints.
const KIND_SEED: u64 = 0x6b69_6e64;

fn truncate(mut text: String, max: usize) -> String {
    if text.len() > max {
        let mut cut = max;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use crate::{Miner, MinerConfig, Severity};

    #[test]
    fn digest_orders_by_severity_then_count_and_flags() {
        let mut miner = Miner::new(MinerConfig::default());
        for i in 0..5000 {
            miner.add_line(format!("INFO request {i} served").as_bytes(), None);
        }
        for i in 0..30 {
            miner.add_line(format!("ERROR upstream {i} timed out").as_bytes(), None);
        }
        miner.add_line(b"WARN cache cold", None);
        let digest = miner.digest(2);
        assert_eq!(digest.templates.len(), 2);
        assert_eq!(digest.templates_total, 3);
        assert_eq!(digest.templates[0].severity, Severity::Error);
        assert!(digest.templates[0].burst, "30 errors in the last few lines");
        assert!(digest.templates[0].novel);
        assert_eq!(digest.templates[1].severity, Severity::Warn);
        assert!(digest.templates[1].rare);
        let json = serde_json::to_string(&digest).expect("digest serialises");
        assert!(json.contains("\"severity\":\"error\""));
    }

    #[test]
    fn a_group_read_as_one_writes_a_variable_where_its_members_differ() {
        let text = |texts: &[&str]| super::group_text(texts.iter().map(|t| t.to_string()));
        assert_eq!(
            text(&[
                "User <*> logged into UPS [eaton5p]",
                "User <*> logged into UPS [rackapc]"
            ]),
            "User <*> logged into UPS [<*>]"
        );
        assert_eq!(text(&["mech=LOGIN ok", "mech=PLAIN ok"]), "mech=<*> ok");
        // A member of another length, and values differing in their unit only, keep the first's.
        assert_eq!(
            text(&["took <*>ms by alice", "took <*>s by bob"]),
            "took <*>ms by <*>"
        );
        assert_eq!(
            text(&["took <*> in total", "took <*> <*> total"]),
            "took <*> <*> total"
        );
        assert_eq!(text(&["closed by peer", "closed"]), "closed by peer");
        // The lines of one template of several users read as one (the digest's text).
        let mut miner = Miner::new(MinerConfig {
            detect_headers: false,
            ..MinerConfig::default()
        });
        for i in 0..12 {
            let user = ["upsmon", "hass", "observer", "monuser"][i % 4];
            let ups = ["eaton5p", "rackapc"][i % 2];
            miner.add_line(
                format!("User {user} logged into UPS [{ups}]").as_bytes(),
                None,
            );
        }
        let digest = miner.digest(10);
        assert_eq!(digest.templates.len(), 1);
        assert_eq!(
            digest.templates[0].template,
            "User <*> logged into UPS [<*>]"
        );
    }
}

#[cfg(test)]
mod same_text {
    use crate::{Miner, MinerConfig};

    #[test]
    fn templates_a_reader_cannot_tell_apart_are_one_entry() {
        let mut miner = Miner::new(MinerConfig::default());
        // Ids starting with a digit or a letter give the lines different shapes, so the miner
        // makes several templates; written from their values, their texts come out the same.
        let lines = [
            "started {es-hot-0}{30997ee26cff722aed1026}{9d9fd87015985b5e2a3e42}{10.30.23.158:9300}",
            "started {es-hot-1}{e063c304366288e834abb8}{1ecba2b2f4cafb4ce3b9fb}{10.30.72.184:9300}",
            "started {es-hot-1}{1fe006e00d9814a2c34734}{10e7556ea3cf7e6f04b758}{10.30.253.132:9300}",
            "started {es-warm-0}{77f8d8511904a9cbdbcf5b}{17499a2e5fe7813a2f38e2}{10.30.93.162:9300}",
            "started {es-hot-0}{e7bcf682ec58bbb4cacca5}{9c27e30330fbcc08b22ead}{10.30.213.219:9300}",
            "started {es-warm-0}{5c4b2047f6c776d4d40955}{658d807814300f5a2e00a0}{10.30.167.38:9300}",
            "started {es-hot-1}{25ec5024a3341827fbdcfb}{309f1e3e6c7ecf41cf0468}{10.30.92.47:9300}",
            "started {es-warm-0}{dd2b01ddb442d381d066b3}{033b335f56c9e638b522dc}{10.30.69.87:9300}",
        ];
        for (i, line) in lines.iter().enumerate() {
            miner.add_line(line.as_bytes(), Some(1_000 + i as i64));
        }
        miner.add_line(b"ERROR shard failed", Some(2_000));
        let texts: Vec<String> = miner.templates().map(|t| t.text()).collect();
        let started: Vec<&String> = texts.iter().filter(|t| t.starts_with("started")).collect();
        assert!(started.len() > 1, "one template already: {texts:?}");
        assert!(started.iter().all(|t| *t == started[0]), "{texts:?}");

        let groups = miner.templates_by_text();
        assert_eq!(groups.len(), 2, "{texts:?}");
        let digest = miner.digest(10);
        assert_eq!(digest.templates_total, 2);
        let entry = digest
            .templates
            .iter()
            .find(|t| t.template.starts_with("started"))
            .expect("the started entry");
        assert_eq!(entry.count, lines.len() as u64);
        assert_eq!(entry.first_line, 0);
        assert_eq!(entry.last_line, lines.len() as u64 - 1);
        assert_eq!(entry.first_timestamp_ms, Some(1_000));
        assert_eq!(entry.last_timestamp_ms, Some(1_007));
        assert!(entry.examples.len() <= MinerConfig::default().max_examples);
        // Named after the oldest member, which is also the group's first.
        assert_eq!(
            entry.id,
            groups.iter().find(|g| g.len() > 1).expect("the group")[0].id()
        );
        // Severity stays apart: the error is its own entry, first.
        assert_eq!(digest.templates[0].template, "shard failed");
    }
}

#[cfg(test)]
mod stretched {
    use std::collections::HashMap;

    use crate::{Miner, MinerConfig, TemplateId};

    /// The texts of the groups, each with the texts of its templates.
    fn groups(lines: &[String]) -> Vec<(String, usize)> {
        let mut miner = Miner::new(MinerConfig::default());
        for line in lines {
            miner.add_line(line.as_bytes(), None);
        }
        let mut groups: Vec<(String, usize)> = miner
            .templates_by_text()
            .iter()
            .map(|g| (g[0].text(), g.len()))
            .collect();
        groups.sort();
        groups
    }

    #[test]
    fn templates_that_differ_only_inside_named_ids_are_one_event() {
        let tasks = ["pg-cdc-billing-0", "mysql-cdc-inventory-0"];
        let lines: Vec<String> = (0..8)
            .map(|i| {
                format!(
                    "WorkerSourceTask{{id={}}} Committing offsets for {} acknowledged messages",
                    tasks[i % 2],
                    i * 7 + 3
                )
            })
            .collect();
        let found = groups(&lines);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].1, 2,
            "two templates joined at read time: {found:?}"
        );
        // A word outside a value still tells events apart.
        let mut lines = lines;
        lines.extend((0..4).map(|i| {
            format!(
                "WorkerSourceTask{{id={}}} Skipping offsets for {i} acknowledged messages",
                tasks[0]
            )
        }));
        assert_eq!(groups(&lines).len(), 2);
    }

    #[test]
    fn adjacent_variables_are_one_as_the_masker_writes_them() {
        // Names without digits became a variable by their number; a name with digits was masked
        // with the value after it into one `<*>`.
        let names = ["home", "projects", "scratch", "gpfs01", "gpfs01"];
        let lines: Vec<String> = (0..20)
            .map(|i| format!("Command: mount {} {}", names[i % 5], 80000 + i * 37))
            .collect();
        let found = groups(&lines);
        assert_eq!(found, vec![("Command: mount <*> <*>".to_string(), 2)]);
        // Lines one word longer have a field more: an event of their own.
        let hosts = ["laptop-ines", "iPad", "printer", "nas"];
        let mut lines: Vec<String> = (0..12)
            .map(|i| format!("DHCPACK(br-lan) 192.168.40.{i} f0:6b:06:59:12:{:02x}", i))
            .collect();
        lines.extend((0..12).map(|i| {
            format!(
                "DHCPACK(br-lan) 192.168.40.{i} a4:e8:42:80:1f:{:02x} {}",
                i,
                hosts[i % 4]
            )
        }));
        assert_eq!(groups(&lines).len(), 2, "{:?}", groups(&lines));
    }

    #[test]
    fn a_template_whose_first_token_a_frame_covers_joins_the_frame() {
        let interfaces = ["br-lan", "vlan30", "br-guest", "vlan40"];
        let lines: Vec<String> = (0..12)
            .map(|i| {
                format!(
                    "DHCPREQUEST({}) 10.0.0.{i} 3c:a1:9f:0e:ab:{:02x}",
                    interfaces[i % 4],
                    i
                )
            })
            .collect();
        let found = groups(&lines);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "DHCPREQUEST(<*>) <*> <*>");
    }

    #[test]
    fn records_whose_first_fields_are_different_phrases_before_one_trailer_are_one_event() {
        let steps = [
            "Extract report",
            "Load duplications",
            "Compute size measures",
            "Persist live measures",
            "Send issue notifications to subscribers",
        ];
        let lines: Vec<String> = (0..15)
            .map(|i| format!("{} | status=SUCCESS | time={}ms", steps[i % 5], 10 + i))
            .collect();
        let found = groups(&lines);
        assert_eq!(found.len(), 1, "{found:?}");
        // Three phrases are not enough: they may name three events.
        let found = groups(&lines[..3]);
        assert_eq!(found.len(), 3, "{found:?}");
    }

    #[test]
    fn a_rare_template_joins_one_whose_reason_or_delimited_value_stretches_over_it() {
        let users = ["alice", "bob", "carol", "dave", "erin"];
        let reasons = ["expired", "malformed", "revoked", "unknown", "replayed"];
        let mut lines: Vec<String> = (0..10)
            .map(|i| {
                format!(
                    "auth: rejected token for user {}: {}",
                    users[i % 5],
                    reasons[(i * 3) % 5]
                )
            })
            .collect();
        // One line: a name the miner keeps and a reason of three words.
        lines.push("auth: rejected token for user deploy-bot: signature is invalid".into());
        assert_eq!(
            groups(&lines),
            [("auth: rejected token for user <*>: <*>".to_string(), 2)]
        );
        // A delimited value of several words: `(<*>):` takes `(no auth attempts):`.
        let mut lines: Vec<String> = (0..6)
            .map(|i| {
                format!(
                    "imap-login: Login aborted ({}): user=<{}>, rip=10.0.0.{i}",
                    ["timeout", "disconnected", "tls"][i % 3],
                    users[i % 5]
                )
            })
            .collect();
        lines
            .push("imap-login: Login aborted (no auth attempts): user=<root>, rip=10.0.0.9".into());
        // Its words may make a line without a level look like an error: it joins all the same,
        // and the entry says error.
        lines.push(
            "imap-login: Login aborted (auth failed, 3 attempts): user=<root>, rip=10.0.0.8".into(),
        );
        let found = groups(&lines);
        assert_eq!(found.len(), 1, "{found:?}");
        let mut miner = Miner::new(MinerConfig::default());
        for line in &lines {
            miner.add_line(line.as_bytes(), None);
        }
        let digest = miner.digest(10);
        assert_eq!(digest.templates.len(), 1);
        assert_eq!(digest.templates[0].severity, crate::Severity::Error);
        // A last value that a line follows with an optional field is another event.
        let mut lines: Vec<String> = (0..8)
            .map(|i| format!("Login failed for user '{}' from 10.0.0.{i}", users[i % 5]))
            .collect();
        lines
            .push("Login failed for user 'erin' from 10.0.0.9 (account locked until 10:00)".into());
        assert_eq!(groups(&lines).len(), 2);
    }

    #[test]
    fn a_bare_variable_stretches_over_a_line_or_two_beside_an_established_event_only() {
        let names = ["web", "worker", "beat", "flower", "api"];
        let mut lines: Vec<String> = (0..5)
            .map(|i| format!("waiting for {} to die after SIGTERM", names[i]))
            .collect();
        lines.push("waiting for worker_1, redis_exporter to die after SIGTERM".into());
        assert_eq!(groups(&lines).len(), 1, "{:?}", groups(&lines));
        // Not the last variable: a line may follow a last value with an optional part.
        let mut lines: Vec<String> = (0..5)
            .map(|i| format!("Execution 0{i} was canceled by {}", names[i]))
            .collect();
        lines.push("Execution 09 was canceled by api (reason: superseded)".into());
        assert_eq!(groups(&lines).len(), 2, "{:?}", groups(&lines));
        // Two established events stay apart, whatever their lengths.
        let users = ["root", "admin", "oracle", "test", "guest"];
        let lines: Vec<String> = (0..10)
            .map(|i| {
                let who = if i % 3 != 0 {
                    String::new()
                } else {
                    format!("user {} ", users[i % 5])
                };
                format!("Connection closed by {who}10.0.0.{i} port 5{i}022 [preauth]")
            })
            .collect();
        assert_eq!(groups(&lines).len(), 2, "{:?}", groups(&lines));
    }

    #[test]
    fn a_message_before_a_long_record_names_the_event_whatever_the_record_holds() {
        // hclog's provider lines: the operation, the resource type and the RPC vary together,
        // so no position ever varies alone; the record's values are values all the same.
        let calls = [
            ("RunInstances", "aws_instance", "ApplyResourceChange"),
            ("DescribeInstances", "aws_instance", "ReadResource"),
            ("DescribeSubnets", "aws_subnet", "ReadResource"),
            ("GetBucketPolicy", "aws_s3_bucket", "ReadResource"),
        ];
        let record = |i: usize| {
            let (op, kind, rpc) = calls[i % 4];
            format!(
                "HTTP Response Received: @module=aws aws.operation={op} aws.region=eu-west-1 \
                 aws.service=EC2 http.duration={} http.status_code=200 tf_req_id=r-{i:04} \
                 tf_resource_type={kind} tf_rpc={rpc}",
                100 + i * 7
            )
        };
        let lines: Vec<String> = (0..40).map(record).collect();
        assert_eq!(groups(&lines).len(), 1, "{:?}", groups(&lines));
        // Fields in brackets too (TiKV's `["msg"] [key=value] …`).
        let kinds = ["MsgRequestVoteResponse", "MsgRequestPreVoteResponse"];
        let lines: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "[\"received votes response\"] [term={}] [type={}] [approvals={}] \
                     [rejections=0] [from={}] [vote=true] [raft_id={}] [region_id={}]",
                    i % 7,
                    kinds[i / 20],
                    1 + i % 2,
                    i % 5,
                    100 + i,
                    200 + i % 3
                )
            })
            .collect();
        assert_eq!(groups(&lines).len(), 1, "{:?}", groups(&lines));
        // A short record is not one: its words may name events (`status=SUCCESS`).
        let lines: Vec<String> = (0..40)
            .map(|i| {
                let (op, kind, rpc) = calls[i % 4];
                format!("call done: op={op} kind={kind} rpc={rpc} took={i}ms")
            })
            .collect();
        assert!(groups(&lines).len() > 1, "{:?}", groups(&lines));
        // A structured line's field names are no field of the record: lines with other fields
        // stay other events, however many fields the message holds.
        let extra = ["user", "tenant", "region"];
        let lines: Vec<String> = (0..30)
            .map(|i| {
                format!(
                    "{{\"msg\":\"call done a=1 b=2 c=3 d=4 e=5 f=6 g=7\",\"{}\":\"x{i}\"}}",
                    extra[i % 3]
                )
            })
            .collect();
        assert_eq!(groups(&lines).len(), 3, "{:?}", groups(&lines));
    }

    #[test]
    fn a_name_opening_a_line_joins_the_event_whose_lines_opened_with_a_dropped_value() {
        // Terraform's resources: `aws_s3_bucket.logs:` holds a digit, so the masker drops it;
        // `random_id.suffix:` is kept as a name. The action became a variable after the names
        // came. Each pair of digits: a resource, an action, in the order a plan applied them.
        let resources = [
            "aws_iam_role.ci_runner",
            "aws_instance.web",
            "aws_lb.public",
            "aws_s3_bucket.logs",
            "aws_s3_bucket_policy.logs",
            "aws_security_group.web_sg",
            "aws_subnet.main",
            "module.vpc.aws_nat_gateway.this[\"eu-west-1a\"]",
            "module.vpc.aws_route_table.private[0]",
            "random_id.suffix",
        ];
        let actions = ["Create", "Delete", "Update"];
        let plan = "808130007230412050928011300072805130208230415000428021306032";
        let lines: Vec<String> = plan
            .as_bytes()
            .chunks(2)
            .map(|p| {
                format!(
                    "{}: applying the planned {} change",
                    resources[usize::from(p[0] - b'0')],
                    actions[usize::from(p[1] - b'0')]
                )
            })
            .collect();
        assert_eq!(groups(&lines).len(), 1, "{:?}", groups(&lines));
    }

    #[test]
    fn a_bracketed_name_of_several_words_opening_several_events_is_a_source() {
        // Node-RED's nodes: a type and a name the user gave, spaces and all, after the level on
        // some lines only (round26's blind corpus).
        let log = include_str!("../testdata/round26/NodeRed/NodeRed.log");
        let mut miner = Miner::new(MinerConfig::default());
        let ids: Vec<(TemplateId, &str)> = log
            .lines()
            .map(|line| (miner.add_line(line.as_bytes(), None), line))
            .collect();
        let mut group_of = HashMap::new();
        for (g, group) in miner.templates_by_text().iter().enumerate() {
            for t in group {
                group_of.insert(t.id(), g);
            }
        }
        // Past the lines the header was learned from.
        let found: std::collections::HashSet<usize> = ids[30..]
            .iter()
            .filter(|(_, line)| line.contains("] Disconnected from broker:"))
            .filter(|(_, line)| line.contains("Plant floor") || line.contains(":a3f9"))
            .filter_map(|&(id, _)| miner.resolve(id).and_then(|t| group_of.get(&t)))
            .copied()
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_reason_ending_a_line_in_words_is_one_value_once_three_words_open_it() {
        let reasons = [
            "Peer closed the session",
            "User reset",
            "Interface down",
            "BGP Notification received",
            "BGP Notification send",
        ];
        let lines: Vec<String> = (0..20)
            .map(|i| {
                format!(
                    "%ADJCHANGE: neighbor 10.0.0.{i} in vrf default Down {}",
                    reasons[i % 5]
                )
            })
            .collect();
        assert_eq!(groups(&lines).len(), 1, "{:?}", groups(&lines));
        // After an error's code and a comma, its text is such a reason, however long.
        let texts = [
            "Deadlock found when trying to get lock; try restarting transaction",
            "Table 'shop.orders_2019' doesn't exist",
            "You have an error in your SQL syntax; check the manual that corresponds to your \
             MySQL server version for the right syntax to use near 'FORM customers WHERE id'",
        ];
        let lines: Vec<String> = (0..12)
            .map(|i| {
                format!(
                    "Query failed on (20,10.20.0.{i},3306,93000): 1{i:03}, {}",
                    texts[i % 3]
                )
            })
            .collect();
        assert_eq!(groups(&lines).len(), 1, "{:?}", groups(&lines));
        // Three endings of a word or two are three events (dnf's transaction check).
        let endings = ["installed", "upgraded", "an upgrade"];
        let lines: Vec<String> = (0..30)
            .map(|i| {
                format!(
                    "---> Package pkg{i}.x86_64 1.{i}-2.fc39 will be {}",
                    endings[i % 3]
                )
            })
            .collect();
        assert_eq!(groups(&lines).len(), 3, "{:?}", groups(&lines));
        // Two different last words are two events.
        let lines: Vec<String> = (0..20)
            .map(|i| {
                let state = if i % 2 == 0 { "online" } else { "offline" };
                format!("backend be-{i} is now considered {state}")
            })
            .collect();
        assert_eq!(groups(&lines).len(), 2, "{:?}", groups(&lines));
        // After a mark, the reason is a clause's (errno texts in BGL name events).
        let errors = [
            "No such file or directory",
            "Permission denied",
            "Exec format error",
        ];
        let lines: Vec<String> = (0..21)
            .map(|i| {
                format!(
                    "ciod: Error loading /bin/app{i}: invalid or missing program image, {}",
                    errors[i % 3]
                )
            })
            .collect();
        let found = groups(&lines);
        assert!(found.iter().all(|(_, lines)| *lines <= 7), "{found:?}");
        // An article opens a phrase: what follows it is the event's own words (SoftEther's).
        let events = [
            "IP address 10.0.0.1 has been registered on the IP address table.",
            "new session has been created.",
            "session has been terminated.",
            "parameter has been set. Timeout: 20 seconds.",
        ];
        let mut lines = Vec::new();
        for i in 0..24 {
            let hub = ["VPN", "BRANCH-OSAKA"][i % 2];
            let event = events[(i / 2) % 4];
            let sid = 1800 + i * 7;
            lines.push(format!(
                "[HUB \"{hub}\"] Session \"SID-{sid}\": The {event}"
            ));
            // The server's own lines, with no hub, among them.
            if i % 4 == 0 {
                lines.push(format!("Connection \"CID-{i}\": Accepted from 10.0.0.{i}"));
            }
        }
        assert_eq!(groups(&lines).len(), 5, "{:?}", groups(&lines));
    }

    #[test]
    fn one_message_with_other_field_names_is_another_event() {
        // A registry's endpoints all log `response completed`; which fields a line carries
        // (`vars.digest`, `vars.reference`, `vars.uuid`) says which endpoint served it.
        let vars = ["vars.digest", "vars.reference", "vars.uuid", "vars.tag"];
        let lines: Vec<String> = (0..40)
            .map(|i| {
                format!(
                    "time=\"2026-12-26T16:46:{:02}Z\" level=info msg=\"response completed\" \
                     http.request.method=GET http.response.status=200 {}=v{i} vars.name=team/app{i}",
                    i % 60,
                    vars[i % 4]
                )
            })
            .collect();
        assert_eq!(groups(&lines).len(), 4, "{:?}", groups(&lines));
    }
}

#[cfg(test)]
mod short_heads {
    use crate::{Miner, MinerConfig};

    fn group_count(lines: &[String]) -> usize {
        let mut miner = Miner::new(MinerConfig::default());
        for line in lines {
            miner.add_line(line.as_bytes(), None);
        }
        miner.templates_by_text().len()
    }

    #[test]
    fn templates_equal_but_for_one_word_written_as_a_value_are_one_event() {
        // Queues named after their address, queues with names of their own on a few addresses
        // and queues with generated names: each kind generalises on its own, so the two routing
        // types never meet in one slot of the miner.
        let queues = [
            ("audit.trail", "audit.trail", "ANYCAST"),
            (
                "32c450c6-c4ec-4967-b6e5-cb817bc714ab",
                "alerts.broadcast",
                "MULTICAST",
            ),
            ("invoices.pending", "invoices.pending", "ANYCAST"),
            ("ops-dashboard.alerts", "alerts.broadcast", "MULTICAST"),
            ("erp-7.warehouse-us", "shipping.events", "MULTICAST"),
            ("pricing-ui.fx-ticker", "prices.eurusd", "MULTICAST"),
            (
                "7942a91b-db28-4a9e-b43d-074216166139",
                "shipping.events",
                "MULTICAST",
            ),
            ("erp-7.warehouse-eu", "shipping.events", "MULTICAST"),
            ("payments.retry", "payments.retry", "ANYCAST"),
            ("ExpiryQueue", "ExpiryQueue", "ANYCAST"),
            ("email.outbound", "email.outbound", "ANYCAST"),
            (
                "a6ffac94-c724-479b-837e-593ba797c8e9",
                "prices.eurusd",
                "MULTICAST",
            ),
            ("orders.incoming", "orders.incoming", "ANYCAST"),
            (
                "4f167bcd-7775-4734-88c4-58ec5ef18f6f",
                "alerts.broadcast",
                "MULTICAST",
            ),
        ];
        let lines: Vec<String> = queues
            .iter()
            .cycle()
            .take(28)
            .map(|(queue, address, routing)| {
                format!("Queue {queue} created on address {address} with routing type {routing}")
            })
            .collect();
        assert_eq!(group_count(&lines), 1);
    }

    #[test]
    fn reasons_between_a_two_word_head_and_a_trailer_are_one_event() {
        let reasons = [
            "Could not find user: alice.",
            "The account is locked.",
            "Invalid username or password.",
            "Additional authentication factor required.",
        ];
        let lines: Vec<String> = (0..8)
            .map(|i| {
                format!(
                    "Authentication rejected: {} (remote address 10.0.0.{i})",
                    reasons[i % 4]
                )
            })
            .collect();
        assert_eq!(group_count(&lines), 1);
        // Three reasons are not enough, nor words ending the line (no trailer).
        assert!(group_count(&lines[..3]) > 1);
        let lines: Vec<String> = [
            "fp cr field",
            "fp cr update",
            "unit busy now",
            "trap taken here",
        ]
        .iter()
        .map(|f| format!("program interrupt: {f} ....0"))
        .collect();
        assert_eq!(group_count(&lines), 4);
    }
}
