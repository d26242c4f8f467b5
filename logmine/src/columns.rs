//! Read-time joins of templates that differ only in a few word columns.
//!
//! The miner makes a word a variable when templates equal but for that word (or for a pair of
//! words) hold enough distinct values of it. When three or more words of one message vary at once
//! (`<host> (<addr>) connect to service <share> initially as user <user>`), few templates are
//! equal but for one or two of them, and the evidence of each context stays below the threshold
//! though the event holds many values in every column. Read as a whole, the templates of one
//! length show it: they link when they differ in at most [`MAX_MISMATCHES`] plain tokens, and a
//! linked set is one event when every column in which its templates differ holds enough distinct
//! words (the miner's own thresholds) or already a variable. A column that does not (two words:
//! `started` / `stopped`) names events: the set splits by its word and each part is judged again,
//! as Brain's bidirectional tree splits a group by its column of fewest values.
//!
//! Candidates are found without comparing every pair: templates that differ in at most two
//! positions agree on one of three blocks of positions (pigeonhole), so each template is indexed
//! by its blocks and only templates sharing a block are compared.

use std::collections::HashMap;

use crate::Severity;
use crate::fingerprint::{finish, mix_bytes, mix_word};
use crate::mask::{WILDCARD, contains_wildcard};

/// Most positions in which two linked templates differ; the index has one block more.
const MAX_MISMATCHES: usize = 2;

/// Constant words (tokens with letters) two templates must share, at least, and at least this
/// many per position in which they differ: a link needs an established frame around the words.
const MIN_SHARED_WORDS: usize = 3;

/// Template pairs compared at most per read, whatever the templates: past it, the rest stay apart.
const MAX_COMPARISONS: usize = 200_000;

const BLOCK_SEED: u64 = 0x0062_6c6f_636b;

/// One template as the join sees it.
pub(crate) struct Row<'a> {
    /// Its tokens, `<*>` for a variable.
    pub tokens: &'a [Box<[u8]>],
    /// Lines it holds.
    pub count: u64,
    /// Its severity: templates of different known severities never join.
    pub severity: Severity,
}

/// A column's words with the lines of each, sorted by word.
pub(crate) type ColumnWords<'a> = [(&'a [u8], u64)];

/// For each row, the row whose group it joins (itself when none): the row of most lines of each
/// set judged one event. `needed(p, words)` is how many distinct words the column at position
/// `p` must hold to be a variable (the miner's rule for one position).
pub(crate) fn column_groups(
    rows: &[Row<'_>],
    needed: impl Fn(usize, &ColumnWords<'_>) -> usize,
) -> Vec<usize> {
    let mut links = UnionFind::new(rows.len());
    let mut by_block: HashMap<u64, Vec<usize>> = HashMap::new();
    for (r, row) in rows.iter().enumerate() {
        if row.tokens.len() <= MAX_MISMATCHES || shared_words(row.tokens) < MIN_SHARED_WORDS {
            continue;
        }
        for block in 0..=MAX_MISMATCHES {
            by_block
                .entry(block_key(row.tokens, block))
                .or_default()
                .push(r);
        }
    }
    let mut comparisons = 0usize;
    'blocks: for members in by_block.values() {
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                if comparisons >= MAX_COMPARISONS {
                    break 'blocks;
                }
                comparisons += 1;
                if links.root(a) != links.root(b) && linkable(&rows[a], &rows[b]) {
                    links.union(a, b);
                }
            }
        }
    }
    let mut sets: HashMap<usize, Vec<usize>> = HashMap::new();
    for r in 0..rows.len() {
        sets.entry(links.root(r)).or_default().push(r);
    }
    let mut parent: Vec<usize> = (0..rows.len()).collect();
    for members in sets.into_values().filter(|m| m.len() > 1) {
        for part in events_of(rows, members, &needed) {
            let Some(&head) = part
                .iter()
                .max_by_key(|&&r| (rows[r].count, std::cmp::Reverse(r)))
            else {
                continue;
            };
            for r in part {
                parent[r] = head;
            }
        }
    }
    parent
}

/// Tokens with letters and no variable, and keys whatever their value: the words that frame a
/// template.
fn shared_words(tokens: &[Box<[u8]>]) -> usize {
    tokens
        .iter()
        .filter(|t| is_word(t) || key_of(t).is_some())
        .count()
}

fn is_word(token: &[u8]) -> bool {
    !contains_wildcard(token) && token.iter().any(u8::is_ascii_alphabetic)
}

/// The key of one of the `MAX_MISMATCHES + 1` blocks of consecutive positions of `tokens`.
fn block_key(tokens: &[Box<[u8]>], block: usize) -> u64 {
    let len = tokens.len();
    let blocks = MAX_MISMATCHES + 1;
    let (start, end) = (block * len / blocks, (block + 1) * len / blocks);
    let state = mix_word(BLOCK_SEED, ((len as u64) << 8) | block as u64);
    finish(tokens[start..end].iter().fold(state, |state, token| {
        mix_word(state, mix_bytes(BLOCK_SEED, key_of(token).unwrap_or(token)))
    }))
}

/// `[BIRCH]`, `[NT_STATUS_OK].`: a whole token in brackets, a delimited value.
fn bracketed(token: &[u8]) -> bool {
    let end = token.len()
        - token
            .iter()
            .rev()
            .take_while(|b| matches!(b, b'.' | b',' | b';' | b':'))
            .count();
    end > 2 && token[0] == b'[' && token[end - 1] == b']' && !token[1..end - 1].contains(&b'[')
}

/// `user=` of `user=root` and of `user=<*>`, `name:"` of `name:"web-7c9d"` (Go's `%+v` and
/// protobuf's text): a key and its `=`, or its `:` and quote, when a value follows.
fn key_of(token: &[u8]) -> Option<&[u8]> {
    let at = token.iter().position(|&b| b == b'=' || b == b':')?;
    let end = match token[at] {
        b'=' => at + 1,
        _ if matches!(token.get(at + 1), Some(b'"' | b'\'')) => at + 2,
        _ => return None,
    };
    let key = &token[..at];
    (at > 0
        && end < token.len()
        && key.iter().any(u8::is_ascii_alphabetic)
        && key
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.')))
    .then_some(&token[..end])
}

/// Whether two templates of one length differ in at most [`MAX_MISMATCHES`] positions besides
/// the values of their keys and their bracketed values, each a plain token against a plain
/// token or a variable covering it, with enough shared words around them.
fn linkable(a: &Row<'_>, b: &Row<'_>) -> bool {
    if a.tokens.len() != b.tokens.len() || !a.severity.same_event(b.severity) {
        return false;
    }
    let mut mismatches = 0;
    let mut plain = 0;
    let mut shared = 0;
    for (x, y) in a.tokens.iter().zip(b.tokens) {
        if x == y {
            // A key is a constant word of the event, whatever its value (`deref=<*>`).
            shared += usize::from(is_word(x) || key_of(x).is_some());
            continue;
        }
        // Values of one key (`user=root`, `user=www-data`, `class=Aws::<*>::Errors::SlowDown`)
        // or in brackets (`workstation [BIRCH]`) differ as values do; what tells two events
        // apart is their words.
        let same_key =
            (key_of(x).is_some() && key_of(x) == key_of(y)) || (bracketed(x) && bracketed(y));
        shared += usize::from(same_key && key_of(x).is_some());
        if !same_key && !exchangeable(x, y) {
            return false;
        }
        if !same_key {
            mismatches += 1;
            if mismatches > MAX_MISMATCHES {
                return false;
            }
            // A variable covering the other's constant is evidence already: only two constants
            // that differ ask for more shared words around them.
            if !(contains_wildcard(x) || contains_wildcard(y)) {
                plain += 1;
            }
        }
    }
    shared >= MIN_SHARED_WORDS.max(plain * MIN_SHARED_WORDS)
}

/// Two tokens that may stand in one column of values: constants with letters or digits (not
/// punctuation alone), or a variable and a constant it covers (`<*>` and `main`, `project=<*>`
/// and `project=billing`); never two variables of different frames.
fn exchangeable(x: &[u8], y: &[u8]) -> bool {
    let plain = |t: &[u8]| !contains_wildcard(t) && t.iter().any(u8::is_ascii_alphanumeric);
    match (contains_wildcard(x), contains_wildcard(y)) {
        (false, false) => plain(x) && plain(y),
        (true, false) => plain(y) && frame_covers(x, y),
        (false, true) => plain(x) && frame_covers(y, x),
        (true, true) => false,
    }
}

/// Whether `pattern`, one variable in a frame (`key=<*>`, `(<*>)`), covers `token`: the token
/// opens with the frame's opening and closes with its closing, with a value between.
fn frame_covers(pattern: &[u8], token: &[u8]) -> bool {
    let Some(at) = pattern.windows(WILDCARD.len()).position(|w| w == WILDCARD) else {
        return false;
    };
    let (open, close) = (&pattern[..at], &pattern[at + WILDCARD.len()..]);
    !contains_wildcard(close)
        && token.len() > open.len() + close.len()
        && token.starts_with(open)
        && token.ends_with(close)
}

/// Splits a linked set into the parts that are one event each: a part whose every differing
/// column holds a variable or enough distinct words is kept; otherwise it splits by the word of
/// its column of fewest words, and each part is judged again.
fn events_of(
    rows: &[Row<'_>],
    members: Vec<usize>,
    needed: &impl Fn(usize, &ColumnWords<'_>) -> usize,
) -> Vec<Vec<usize>> {
    let mut done = Vec::new();
    let mut pending = vec![members];
    while let Some(members) = pending.pop() {
        if members.len() < 2 {
            continue;
        }
        let len = rows[members[0]].tokens.len();
        let mut weakest: Option<(usize, usize)> = None;
        for p in 0..len {
            let mut words: Vec<(&[u8], u64)> = members
                .iter()
                .map(|&r| (&rows[r].tokens[p][..], rows[r].count))
                .collect();
            words.sort_unstable();
            words.dedup_by(|later, kept| {
                let same = later.0 == kept.0;
                if same {
                    kept.1 += later.1;
                }
                same
            });
            // A variable in the column that covers the others (see `exchangeable`).
            let covered = |&(v, _): &(&[u8], u64)| {
                contains_wildcard(v)
                    && words
                        .iter()
                        .all(|&(w, _)| w == v || v == WILDCARD || frame_covers(v, w))
            };
            if words.len() < 2 || words.iter().any(covered) {
                continue;
            }
            let needed = needed(p, &words);
            if words.len() < needed && weakest.is_none_or(|(n, _)| words.len() < n) {
                weakest = Some((words.len(), p));
            }
        }
        let Some((_, p)) = weakest else {
            done.push(members);
            continue;
        };
        let mut parts: HashMap<&[u8], Vec<usize>> = HashMap::new();
        for &r in &members {
            parts.entry(&rows[r].tokens[p][..]).or_default().push(r);
        }
        pending.extend(parts.into_values());
    }
    done
}

/// Disjoint sets over row indexes, with path halving.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    fn root(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.parent[b] = a;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(line: &str) -> Vec<Box<[u8]>> {
        line.split(' ').map(|t| t.as_bytes().into()).collect()
    }

    fn groups(lines: &[&str]) -> Vec<usize> {
        let owned: Vec<Vec<Box<[u8]>>> = lines.iter().map(|l| tokens(l)).collect();
        let rows: Vec<Row<'_>> = owned
            .iter()
            .map(|t| Row {
                tokens: t,
                count: 1,
                severity: Severity::Info,
            })
            .collect();
        column_groups(&rows, rule)
    }

    /// Three words, four for the first token.
    fn rule(p: usize, _: &ColumnWords<'_>) -> usize {
        3 + usize::from(p == 0)
    }

    #[test]
    fn three_word_columns_that_vary_at_once_are_one_event() {
        // No two templates differ in one position only, yet each column holds four values.
        let lines = [
            "maple (<*>) connect to service Scans initially as user ana",
            "otter (<*>) connect to service Public initially as user ana",
            "birch (<*>) connect to service Public initially as user kofi",
            "birch (<*>) connect to service Finance initially as user ruth",
            "lynx (<*>) connect to service homes initially as user ruth",
            "maple (<*>) connect to service homes initially as user ingrid",
        ];
        let parent = groups(&lines);
        assert!(parent.iter().all(|&p| p == parent[0]), "{parent:?}");
    }

    #[test]
    fn a_column_of_two_words_splits_the_set_into_its_events() {
        let lines = [
            "the job alpha was started on the node a1",
            "the job beta was started on the node b2",
            "the job gamma was started on the node c3",
            "the job alpha was stopped on the node b2",
            "the job beta was stopped on the node c3",
            "the job delta was stopped on the node a1",
        ];
        let parent = groups(&lines);
        assert!(parent[..3].iter().all(|&p| p == parent[0]), "{parent:?}");
        assert!(parent[3..].iter().all(|&p| p == parent[3]), "{parent:?}");
        assert_ne!(parent[0], parent[3]);
    }

    #[test]
    fn the_first_word_needs_one_value_more() {
        let three = groups(&[
            "cupsd startup succeeded for unit x",
            "sdpd startup succeeded for unit x",
            "xinetd startup succeeded for unit x",
        ]);
        assert_eq!(three, vec![0, 1, 2]);
        let four = groups(&[
            "cupsd startup succeeded for unit x",
            "sdpd startup succeeded for unit x",
            "xinetd startup succeeded for unit x",
            "named startup succeeded for unit x",
        ]);
        assert!(four.iter().all(|&p| p == four[0]), "{four:?}");
    }

    #[test]
    fn a_keyed_variable_covers_the_keys_constant_values() {
        let lines = [
            "Executed task project=<*> type=REPORT branch=main status=SUCCESS",
            "Executed task project=<*> type=REPORT branch=<*> status=SUCCESS",
            "Executed task project=ledger type=REPORT branch=<*> status=SUCCESS",
        ];
        let parent = groups(&lines);
        assert!(parent.iter().all(|&p| p == parent[0]), "{parent:?}");
        // Values of one key differ as values do, however many keys vary at once.
        let lines = [
            "Log file truncated by program (user=root program=truncate container_id=host)",
            "Log file truncated by program (user=ana program=sh container_id=3f2a)",
            "Log file truncated by program (user=www program=shred container_id=9c1d)",
            "Log file truncated by program (user=root program=dd container_id=host)",
        ];
        let parent = groups(&lines);
        assert!(parent.iter().all(|&p| p == parent[0]), "{parent:?}");
        // And values after `key:"` (Go's `%+v`, protobuf's text).
        let lines = [
            "Received update from graph msg=id:<workload_id:\"<*>\"> profile:\"kns.shop\" policy:\"shop/allow\"",
            "Received update from graph msg=id:<workload_id:\"<*>\"> profile:\"kns.web\" policy:\"web/deny\"",
            "Received update from graph msg=id:<workload_id:\"<*>\"> profile:\"kns.ops\" policy:\"ops/allow\"",
        ];
        let parent = groups(&lines);
        assert!(parent.iter().all(|&p| p == parent[0]), "{parent:?}");
        assert_eq!(key_of(b"name:\"web\""), Some(&b"name:\""[..]));
        assert_eq!(key_of(b"Error:Something"), None);
        // So do values in brackets.
        let lines = [
            "Auth: user [OFFICE] with [NTLMv2] status [NT_STATUS_OK] workstation [BIRCH].",
            "Auth: user [HERON] with [NTLMv2] status [NT_STATUS_NO_SUCH_USER] workstation [MAPLE].",
            "Auth: user [FALCON] with [NTLMv2] status [NT_STATUS_LOCKED] workstation [OTTER].",
        ];
        let parent = groups(&lines);
        assert!(parent.iter().all(|&p| p == parent[0]), "{parent:?}");
        // A key's values may hold variables of their own.
        let lines = [
            "[out_s3] failed to flush the buffer class=Aws::<*>::SlowDown error=\"<*>\"",
            "[<*>] failed to flush the buffer class=Aws::<*>::AccessDenied error=\"<*>\"",
            "[out_es] failed to flush the buffer class=Errno::ECONNREFUSED error=\"<*>\"",
        ];
        let parent = groups(&lines);
        assert!(parent.iter().all(|&p| p == parent[0]), "{parent:?}");
        // A record's keys are its shared words, whatever their values (`conn=<*>`).
        let lines = [
            "conn=<*> op=<*> SRCH base=\"<*>\" scope=<*> deref=<*> <*>",
            "conn=<*> op=<*> SRCH base=\"cn=Subschema\" scope=0 deref=<*> filter=\"(objectClass=*)\"",
        ];
        let (a, b) = (tokens(lines[0]), tokens(lines[1]));
        let row = |t| Row {
            tokens: t,
            count: 1,
            severity: Severity::Unknown,
        };
        assert!(linkable(&row(&a), &row(&b)));
        let parent = groups(&lines);
        assert_eq!(parent[0], parent[1]);
        // Variables of different frames never stand in one column.
        assert!(!exchangeable(b"project=<*>", b"branch=<*>"));
        assert!(!exchangeable(b"project=<*>", b"branch=main"));
        assert!(exchangeable(b"(<*>)", b"(main)") && !exchangeable(b"(<*>)", b"main"));
    }

    #[test]
    fn templates_of_different_known_severities_or_few_shared_words_stay_apart() {
        let owned: Vec<Vec<Box<[u8]>>> = [
            "disk a is full on the host",
            "disk b is full on the host",
            "disk c is full on the host",
        ]
        .iter()
        .map(|l| tokens(l))
        .collect();
        let rows = |severities: [Severity; 3]| -> Vec<Row<'_>> {
            owned
                .iter()
                .zip(severities)
                .map(|(t, severity)| Row {
                    tokens: t,
                    count: 1,
                    severity,
                })
                .collect()
        };
        let info = Severity::Info;
        assert_eq!(column_groups(&rows([info; 3]), rule), vec![0, 0, 0]);
        let mixed = rows([info, Severity::Error, info]);
        assert_eq!(column_groups(&mixed, rule), vec![0, 1, 2]);
        // Two positions differ between any two: six shared words are needed, three are there.
        assert_eq!(
            groups(&["disk a full on b", "disk c full on d", "disk e full on f"]),
            vec![0, 1, 2]
        );
    }
}
