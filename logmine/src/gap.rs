//! An undelimited phrase between constant words: `Completed 404 Not Found in 3ms`,
//! `Completed 200 OK in 5ms`, `Completed 500 Internal Server Error in 9ms`.
//!
//! Nothing marks where such a value begins or ends, and its length varies, so neither the
//! position-by-position evidence of the miner nor [`crate::span`] sees it as one value. What
//! does: templates equal before and after a short stretch of words, which holds phrases of
//! different lengths. One differing phrase is not enough (`connection closed` and `connection
//! closed by peer` are two events), nor are phrases that differ past their first word (`on signal
//! 9 (SIGKILL)`, `on signal 11 (SIGSEGV)`); three phrases with different first words, not all of
//! one length, between the same words on both sides are one event with the stretch as one
//! variable. A stretch may end the line after a `key:` (`checkpoint starting: wal`); a key
//! anchors whatever its value (`in=<*>`). Nothing here knows a format.

use crate::few::Few;
use crate::fingerprint::{finish, mix_bytes, mix_word};
use crate::mask::{contains_wildcard, is_field_list};

const GAP_SEED: u64 = 0x0067_6170_7321;

/// Longest stretch considered, in tokens: longer phrases between equal words are rarer than two
/// events sharing their first and last words.
const MAX_GAP_TOKENS: usize = 4;

/// Longest stretch that joins a stretch already found to be a variable: once three phrases made
/// it one, a longer phrase between the same words (`Disconnected: Server shutting down for
/// maintenance in=<*>`) is its value too, though it would not be evidence.
const MAX_JOIN_TOKENS: usize = 8;

/// Distinct phrases a stretch must hold before it is one variable.
const MIN_PHRASES: usize = 3;

/// Constant words (two letters or more) outside the stretch that anchor the template.
const MIN_ANCHOR_WORDS: usize = 2;

/// The stretch `tokens[start..start + len]` of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Gap {
    pub(crate) start: usize,
    pub(crate) len: usize,
}

/// A candidate stretch of a template with what the miner compares: the fingerprint of
/// everything outside it (`key`), of its phrase, and of the phrase's first word.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Stretch {
    pub(crate) gap: Gap,
    pub(crate) key: u64,
    pub(crate) phrase: u64,
    pub(crate) opener: u64,
    /// Whether the stretch is short enough to be evidence (see [`MAX_GAP_TOKENS`]); a longer one
    /// only joins a stretch already merged.
    pub(crate) evidence: bool,
}

/// One phrase seen in a stretch, and the template it came from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PhraseSeen {
    pub(crate) phrase: u64,
    /// Fingerprint of the phrase's first word: phrases that differ past it only (`on signal 9
    /// (SIGKILL)`, `on signal 11 (SIGSEGV)`) count once.
    pub(crate) opener: u64,
    pub(crate) len: usize,
    pub(crate) template: crate::template::TemplateId,
    /// Whether the phrase counts as evidence (see [`Stretch`]'s); a longer one only joins.
    pub(crate) evidence: bool,
}

/// Fingerprints of every prefix (`tokens[..i]`, from the left) and suffix (`tokens[i..]`, from
/// the right) of a template, so that "all but a stretch" costs O(1) per stretch.
struct Folds {
    prefix: Vec<u64>,
    suffix: Vec<u64>,
}

impl Folds {
    fn of(tokens: &[Box<[u8]>]) -> Self {
        let mut prefix = Vec::with_capacity(tokens.len() + 1);
        let mut state = GAP_SEED;
        prefix.push(state);
        for t in tokens {
            state = mix_bytes(state, t);
            prefix.push(state);
        }
        let mut suffix = vec![0; tokens.len() + 1];
        let mut state = GAP_SEED ^ SUFFIX_SEED;
        suffix[tokens.len()] = state;
        for (i, t) in tokens.iter().enumerate().rev() {
            state = mix_bytes(state, t);
            suffix[i] = state;
        }
        Self { prefix, suffix }
    }

    fn key(&self, start: usize, after: usize) -> u64 {
        let tail = (self.suffix.len() - 1 - after) as u64;
        let state = mix_word(mix_word(self.prefix[start], start as u64), tail);
        finish(mix_word(state, self.suffix[after]))
    }
}

const SUFFIX_SEED: u64 = 0x7375_6666_6978;

impl Gap {
    /// Fingerprint of everything outside the stretch: what templates must share to merge.
    pub(crate) fn key(&self, tokens: &[Box<[u8]>]) -> u64 {
        Folds::of(tokens).key(self.start, self.start + self.len)
    }

    /// The stretch as an undelimited span, which the miner collapses as it does delimited ones.
    pub(crate) fn as_span(&self) -> crate::span::Span {
        crate::span::Span {
            start: self.start,
            end: self.start + self.len - 1,
            open: 0,
            close: 0,
            keyed: false,
            weak: false,
        }
    }

    /// Fingerprint of the phrase in the stretch.
    fn phrase(&self, tokens: &[Box<[u8]>]) -> u64 {
        let state = tokens[self.start..self.start + self.len]
            .iter()
            .fold(mix_word(GAP_SEED, self.len as u64), |s, t| mix_bytes(s, t));
        finish(state)
    }
}

/// Whether the phrases seen in one stretch make it a variable: [`MIN_PHRASES`] different first
/// words, and not all of one length (one length is the position-by-position evidence's case).
/// A stretch opening the line (see [`stretches`]) asks for one more: nothing before it says where
/// the event's name ends.
pub(crate) fn enough_phrases(phrases: &Few<PhraseSeen>, opens_the_line: bool) -> bool {
    let needed = MIN_PHRASES + usize::from(opens_the_line);
    let mut evidence = phrases.iter().filter(|p| p.evidence);
    let Some(first) = evidence.next() else {
        return false;
    };
    // Distinct first words, counted up to what is needed, and whether the lengths differ:
    // one pass, no allocation (this runs for every stretch of every new template).
    let mut openers = [first.opener; MIN_PHRASES + 1];
    let mut distinct = 1;
    let mut count = 1;
    let mut lengths_differ = false;
    for phrase in evidence {
        count += 1;
        lengths_differ |= phrase.len != first.len;
        if distinct < needed && !openers[..distinct].contains(&phrase.opener) {
            openers[distinct] = phrase.opener;
            distinct += 1;
        }
    }
    count >= needed && lengths_differ && distinct >= needed
}

/// The `key=` of a `key=value` token (see [`crate::mask::field_key_end`]).
fn key_of_field(token: &[u8]) -> Option<&[u8]> {
    crate::mask::field_key_end(token).map(|eq| &token[..=eq])
}

fn is_word(token: &[u8]) -> bool {
    token.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
}

/// The stretches of a template that may hold a phrase: one to [`MAX_GAP_TOKENS`] tokens that
/// begin and end with a constant word, and constant words outside to anchor it; a stretch ends
/// the line only after a `key:`. A variable beside
/// the stretch stays its own (`Completed <*> Not Found in`: the code, then the phrase).
pub(crate) fn stretches(tokens: &[Box<[u8]>]) -> Vec<Stretch> {
    let n = tokens.len();
    // A key anchors whatever its value (`in=<*>`), as in a span's template. A structured line's
    // field names (`fields=a,b`) anchor nothing: they say which fields the line had, not where
    // its message's words stand.
    let anchors: Vec<bool> = tokens
        .iter()
        .map(|t| {
            if is_field_list(t) {
                return false;
            }
            let constant = match t.iter().position(|&b| b == b'=') {
                Some(at) if at > 0 => &t[..at],
                _ => &t[..],
            };
            !contains_wildcard(constant) && is_word(constant)
        })
        .collect();
    let total_anchors = anchors.iter().filter(|&&a| a).count();
    if total_anchors <= MIN_ANCHOR_WORDS {
        return Vec::new();
    }
    let folds = Folds::of(tokens);
    let mut out = Vec::new();
    for start in 0..n {
        if !anchors[start] {
            continue;
        }
        // A key's values open no different phrases (`controller=A action=…` and `controller=B
        // action=…` are one phrase of two values): a `key=value` opener counts by its key and
        // the phrase's length (a value that holds spaces, `groups=Domain Users,media`, makes
        // phrases of other lengths).
        let word_opener = finish(mix_bytes(GAP_SEED, &tokens[start]));
        let key = key_of_field(&tokens[start]);
        // A stretch may end the line after a `key:` (`checkpoint starting: immediate force wait`).
        let may_end = start > 0 && tokens[start - 1].len() > 1 && tokens[start - 1].ends_with(b":");
        // A stretch opening the line (`Source: orders -> Map (<*>) switched from <*> to <*>.`)
        // has words after it only: one more of them anchors it.
        let needed = MIN_ANCHOR_WORDS + usize::from(start == 0);
        for len in 1..=MAX_JOIN_TOKENS {
            let after = start + len;
            if after > n || (after == n && !may_end) {
                break;
            }
            // A phrase of words does not run into the fields that follow a message (`client
            // subscribed to channel channel=a client=<*> user=<*>`): a field is delimited, and
            // which fields a line has says which event it is.
            if key.is_none()
                && key_of_field(&tokens[after - 1]).is_some()
                && tokens.get(after).is_some_and(|t| key_of_field(t).is_some())
            {
                break;
            }
            if !anchors[after - 1] {
                continue;
            }
            let inside = anchors[start..after].iter().filter(|&&a| a).count();
            if total_anchors - inside >= needed {
                let gap = Gap { start, len };
                out.push(Stretch {
                    gap,
                    key: folds.key(start, after),
                    phrase: gap.phrase(tokens),
                    opener: match key {
                        Some(key) => finish(mix_word(mix_bytes(GAP_SEED, key), len as u64)),
                        None => word_opener,
                    },
                    evidence: len <= MAX_GAP_TOKENS,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mask::whitespace_tokens as tokens;

    #[test]
    fn a_stretch_of_words_stops_before_the_fields_that_end_the_line() {
        let t = tokens("client subscribed to channel channel=lobby client=<*> user=<*>");
        let all = stretches(&t);
        assert!(all.iter().any(|s| s.gap == Gap { start: 1, len: 3 }));
        assert!(
            all.iter()
                .all(|s| s.gap.start + s.gap.len <= 4 || s.gap.start >= 4),
            "no stretch opening with a word takes a field"
        );
        // A field at the end of a phrase that no field follows may be the phrase's.
        let t = tokens("client sent reply size=big to the peer");
        assert!(
            stretches(&t)
                .iter()
                .any(|s| s.gap == Gap { start: 1, len: 3 })
        );
    }

    #[test]
    fn stretches_of_different_lengths_share_a_key_when_equal_around_them() {
        let a = tokens("Completed <*> OK in <*>ms");
        let b = tokens("Completed <*> Not Found in <*>ms");
        let find = |tokens: &[Box<[u8]>], start, len| {
            stretches(tokens)
                .into_iter()
                .find(|s| s.gap == Gap { start, len })
        };
        let sa = find(&a, 2, 1).expect("`OK` is a stretch");
        let sb = find(&b, 2, 2).expect("`Not Found` is a stretch");
        assert_eq!(sa.key, sb.key);
        assert_eq!(sa.key, sa.gap.key(&a), "the folded key is the direct one");
        assert_ne!(sa.phrase, sb.phrase);
        assert_ne!(sa.opener, sb.opener);
        // A stretch begins and ends with a word: the variable beside it stays its own.
        assert!(find(&a, 1, 2).is_none());
    }

    #[test]
    fn a_key_s_values_open_one_phrase_of_each_length() {
        // lograge's fields: `controller=A action=index` and `controller=B action=show` are one
        // run of fields with two values each, not two phrases.
        let find = |text: &str| {
            let t = tokens(text);
            stretches(&t)
                .into_iter()
                .find(|s| s.gap == Gap { start: 2, len: 2 })
                .expect("a stretch")
        };
        let a =
            find("method=GET format=json controller=Api::Search action=index status=<*> db=<*>");
        let b = find("method=GET format=json controller=Statuses action=show status=<*> db=<*>");
        assert_eq!(a.opener, b.opener);
        assert_ne!(a.phrase, b.phrase);
        // A value holding spaces makes a phrase of another length, which counts apart.
        let t =
            tokens("method=GET format=json controller=Api::Search Beta action=x status=<*> db=<*>");
        let c = stretches(&t)
            .into_iter()
            .find(|s| s.gap == Gap { start: 2, len: 3 })
            .expect("a longer stretch");
        assert_ne!(a.opener, c.opener);
    }

    #[test]
    fn keys_anchor_a_stretch_whatever_their_values() {
        let t = tokens("<*> Disconnected: Idle timeout reached in=<*> out=<*>");
        assert!(
            stretches(&t)
                .iter()
                .any(|s| s.gap == Gap { start: 2, len: 3 })
        );
    }

    #[test]
    fn a_stretch_may_end_the_line_after_a_key() {
        let t = tokens("checkpoint starting: immediate force wait");
        assert!(
            stretches(&t)
                .iter()
                .any(|s| s.gap == Gap { start: 2, len: 3 })
        );
        // Not after a plain word: `connection closed by peer` ends in words of the event.
        let t = tokens("the connection closed by peer");
        assert!(!stretches(&t).iter().any(|s| s.gap.start + s.gap.len == 5));
    }

    #[test]
    fn a_stretch_may_open_the_line_before_three_words() {
        let t = tokens("Source: orders -> Map (<*>) switched from <*> to <*>.");
        assert!(
            stretches(&t)
                .iter()
                .any(|s| s.gap == Gap { start: 0, len: 4 })
        );
        // Two words after it are not enough without one before.
        let t = tokens("Dentry cache entries: <*>");
        assert!(!stretches(&t).iter().any(|s| s.gap.start == 0));
    }

    #[test]
    fn a_stretch_needs_words_outside_and_inside() {
        assert!(stretches(&tokens("a <*> b")).is_empty());
        assert!(stretches(&tokens("closed by")).is_empty());
        // `failed with` and `retries left` anchor `42`, but a number is no phrase.
        let t = tokens("request failed with 42 retries left");
        assert!(
            !stretches(&t)
                .iter()
                .any(|s| s.gap == Gap { start: 3, len: 1 })
        );
    }
}
