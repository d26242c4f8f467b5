//! Read-time joins of templates equal but for one run of tokens that holds a value of many words.
//!
//! A title, a name or a user agent written with spaces (`Document 2025-10-27 Stadtwerke
//! Nordhafen Electricity bill consumption finished`) takes as many tokens as it has words, so
//! the miner, which compares lines of one length, makes a template for each length, and for each
//! title whose words it saw too few times to generalise. Read as a whole, those templates share
//! everything outside one run: a prefix that ends in a constant token, a suffix that opens with
//! one. When the runs of one prefix and suffix come in [`MIN_RUN_LENGTHS`] lengths or more and
//! each is mostly values, the run is one value of many words, and the templates are one event.
//!
//! After a colon, a run of words is a reason whatever it holds (`performance warning: max
//! outstanding disk writes reached. More info: <*>`), and may be longer. A reason that ends the
//! line (`Unable to map device <*> to a pod: no pod is using this device`) has no suffix to
//! frame it, so it is counted differently: [`MIN_TAIL_REASONS`] distinct reasons after one
//! prefix, phrases among them, are one event. A level in capitals before the colon (`LOG:`), or
//! a component's name (`DISM Provider Store:`), opens the message, not a reason.
//!
//! Two shapes stay apart: a phrase that names an event holds more words than values (`User <*>
//! logged in from` beside `User <*> locked out from`), and an optional field (`charset=<*>`, or
//! `invalid user <*>` beside `<*>`) comes in two lengths, not three.

use crate::fingerprint::{finish, mix_bytes, mix_word};
use crate::mask::{WILDCARD, contains_wildcard, field_key_end};

/// Most tokens a run may take.
const MAX_RUN_TOKENS: usize = 8;

/// Most tokens a run of words after a colon may take.
const MAX_REASON_TOKENS: usize = 12;

/// Distinct run lengths, at least, among the templates of one prefix and suffix: a value of
/// words comes in many, an optional field in two.
pub(crate) const MIN_RUN_LENGTHS: usize = 3;

/// Distinct reasons, at least, that end the rows of one prefix after a colon.
const MIN_TAIL_REASONS: usize = 3;

/// Of those, reasons of two words or more, at least.
const MIN_TAIL_PHRASES: usize = 2;

/// Constant words (tokens with letters) the prefix and suffix must hold together.
const MIN_RUN_ANCHORS: usize = 3;

/// Most tokens of a template looked at: the work of a read stays linear in the templates.
const MAX_TEMPLATE_TOKENS: usize = 64;

/// Runs of one template looked at, at most: bounds a read's memory whatever the templates.
const MAX_RUNS_PER_TEMPLATE: usize = 64;

const RUN_SEED: u64 = 0x0072_756e_7321;
const SUFFIX_SEED: u64 = 0x7375_6666_6978;

/// For each row (a template's tokens, `<*>` for a variable), the sets of rows to join: rows
/// equal outside one run of values, whose runs come in [`MIN_RUN_LENGTHS`] lengths or more, or,
/// for a reason that ends the rows, in [`MIN_TAIL_REASONS`] distinct runs of which
/// [`MIN_TAIL_PHRASES`] are phrases. Each set is listed once, as row indices; a row may be in
/// several.
pub(crate) fn run_sets(rows: &[&[Box<[u8]>]]) -> Vec<Vec<usize>> {
    // (frame, row, the run's length, whether it ends the row), sorted by frame: one
    // allocation, whatever the rows.
    let mut frames: Vec<(u64, usize, usize, bool)> = Vec::new();
    for (r, tokens) in rows.iter().enumerate() {
        if tokens.len() < 3 || tokens.len() > MAX_TEMPLATE_TOKENS {
            continue;
        }
        // prefix[p]: the fingerprint of tokens[..p]; suffix[p]: of tokens[p..]. A run's frame
        // costs O(1) then.
        let mut prefix = Vec::with_capacity(tokens.len() + 1);
        prefix.push(RUN_SEED);
        for t in tokens.iter() {
            let last = prefix[prefix.len() - 1];
            prefix.push(mix_bytes(mix_word(last, 1), t));
        }
        let mut suffix = vec![RUN_SEED ^ SUFFIX_SEED; tokens.len() + 1];
        for (p, t) in tokens.iter().enumerate().rev() {
            suffix[p] = mix_bytes(mix_word(suffix[p + 1], 3), t);
        }
        for (start, len) in runs(tokens).into_iter().take(MAX_RUNS_PER_TEMPLATE) {
            let frame = finish(mix_word(prefix[start], suffix[start + len]));
            frames.push((frame, r, len, start + len == tokens.len()));
        }
    }
    frames.sort_unstable();
    let mut sets = Vec::new();
    for members in frames.chunk_by(|a, b| a.0 == b.0) {
        let mut lengths: Vec<usize> = members.iter().map(|m| m.2).collect();
        lengths.sort_unstable();
        lengths.dedup();
        // A reason that ends the line (`Unable to map device <*> to a pod: <reason>`) has no
        // suffix to hold it in place: its frame is its prefix alone, and reasons of one length
        // are as many events' words as of many. Distinct reasons, several of them phrases,
        // tell a free-text value from two words that name events (`state: up`, `state: down`).
        let tail = members[0].3;
        let phrases = members.iter().filter(|m| m.2 >= 2).count();
        if lengths.len() >= MIN_RUN_LENGTHS
            || (tail && members.len() >= MIN_TAIL_REASONS && phrases >= MIN_TAIL_PHRASES)
        {
            // Sorted by row within the frame.
            let mut set: Vec<usize> = members.iter().map(|m| m.1).collect();
            set.dedup();
            sets.push(set);
        }
    }
    sets.sort_unstable();
    sets.dedup();
    sets
}

/// The runs of `tokens` that may hold a value of words, as (start, length): between a constant
/// token before (or an error code, `system:<*>`) and one after, at most [`MAX_RUN_TOKENS`] long,
/// at least half values (or any words after a colon or an error code, up to
/// [`MAX_REASON_TOKENS`], which may also run to the row's end) and none closed in marks of its
/// own unless alone, and [`MIN_RUN_ANCHORS`] constant words outside.
fn runs(tokens: &[Box<[u8]>]) -> Vec<(usize, usize)> {
    let n = tokens.len();
    if n < 3 {
        return Vec::new();
    }
    let is_value = |t: &[u8]| contains_wildcard(t) && field_key_end(t).is_none();
    let is_anchor = |t: &[u8]| {
        !contains_wildcard(t) && t.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
    };
    let boundary = |t: &[u8]| !contains_wildcard(t);
    // anchors_before[p]: constant words among tokens[..p].
    let mut anchors_before = vec![0usize; n + 1];
    for (p, t) in tokens.iter().enumerate() {
        anchors_before[p + 1] = anchors_before[p] + usize::from(is_anchor(t));
    }
    let mut out = Vec::new();
    for start in 1..n {
        // An error's code glued to its kind (`system:<*> Connection reset by peer`) opens its
        // text as a colon does.
        let coded = is_coded_kind(&tokens[start - 1]);
        if !boundary(&tokens[start - 1]) && !coded {
            continue;
        }
        // After a colon, a run of words is a reason (`performance warning: max outstanding
        // disk writes reached. More info: <*>`), values or not.
        // A level in capitals before the colon (`LOG:`, `ERROR:`) opens the whole message.
        // So does a component's name (`DISM Provider Store:`): what follows it are events.
        let reason = coded
            || (tokens[start - 1]
                .strip_suffix(b":")
                .is_some_and(|word| !word.is_empty() && !is_level_in_capitals(word))
                && !crate::clause::names_a_component(&tokens[..start]));
        let longest = if reason {
            MAX_REASON_TOKENS
        } else {
            MAX_RUN_TOKENS
        };
        let (mut values, mut closed) = (0usize, 0usize);
        for len in 1..=longest.min(n - start) {
            let end = start + len;
            values += usize::from(is_value(&tokens[end - 1]));
            closed += usize::from(is_closed_value(&tokens[end - 1]));
            // A value closed in its own marks (`'<*>'`) inside a longer run is a field of its
            // own: the run holds fields and words (`'<*>' as user '<*>'`), not one value.
            let valued = values > 0 && values * 2 >= len;
            // A reason may end the row; any other run closes on a constant.
            let bounded = if end == n {
                reason
            } else {
                boundary(&tokens[end])
            };
            if !bounded || !(valued || reason) || (len > 1 && closed > 0) {
                continue;
            }
            let outside = anchors_before[start] + anchors_before[n] - anchors_before[end];
            if outside >= MIN_RUN_ANCHORS {
                out.push((start, len));
            }
        }
    }
    out
}

/// `system:<*>`, `generic:<*>`: a C++ `std::error_code` as it prints, its category (one of the
/// standard library's and Boost.Asio's) and its value glued.
fn is_coded_kind(token: &[u8]) -> bool {
    token
        .strip_suffix(WILDCARD)
        .and_then(|kind| kind.strip_suffix(b":"))
        .is_some_and(|kind| {
            matches!(kind, b"system" | b"generic" | b"iostream" | b"future")
                || kind.starts_with(b"asio.")
        })
}

/// `LOG`, `ERROR`, `WARNING`: a level word written in capitals.
fn is_level_in_capitals(word: &[u8]) -> bool {
    word.iter().all(u8::is_ascii_uppercase) && crate::header::level_word(word).is_some()
}

/// `'<*>'`, `"<*>",`, `[<*>]`, `(<*>):`: a variable between an opening mark and its closing one.
fn is_closed_value(token: &[u8]) -> bool {
    let token = token
        .strip_suffix(b",")
        .or_else(|| token.strip_suffix(b":"))
        .unwrap_or(token);
    let (Some(&open), Some(&close)) = (token.first(), token.last()) else {
        return false;
    };
    token.len() > WILDCARD.len() + 1
        && contains_wildcard(&token[1..token.len() - 1])
        && matches!(
            (open, close),
            (b'\'', b'\'')
                | (b'"', b'"')
                | (b'[', b']')
                | (b'(', b')')
                | (b'<', b'>')
                | (b'{', b'}')
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(text: &str) -> Vec<Box<[u8]>> {
        text.split(' ')
            .map(|t| t.as_bytes().to_vec().into_boxed_slice())
            .collect()
    }

    fn sets(texts: &[&str]) -> Vec<Vec<usize>> {
        let rows: Vec<Vec<Box<[u8]>>> = texts.iter().map(|t| row(t)).collect();
        let refs: Vec<&[Box<[u8]>]> = rows.iter().map(|r| &r[..]).collect();
        run_sets(&refs)
    }

    #[test]
    fn titles_of_three_lengths_between_one_prefix_and_suffix_are_one_set() {
        let found = sets(&[
            "Document <*> consumption finished",
            "Document <*> <*> <*> consumption finished",
            "Document <*> <*> <*> Receipt hardware store consumption finished",
            "Document <*> <*> <*> <*> consumption finished",
            "Consuming <*>",
        ]);
        assert_eq!(found, vec![vec![0, 1, 2, 3]]);
    }

    #[test]
    fn two_lengths_are_an_optional_field_not_a_value_of_words() {
        assert!(
            sets(&[
                "Failed password for <*> from <*> port <*> ssh2",
                "Failed password for invalid user <*> from <*> port <*> ssh2",
            ])
            .is_empty()
        );
    }

    #[test]
    fn phrases_of_more_words_than_values_name_events() {
        assert!(
            sets(&[
                "User <*> logged in from <*> port <*>",
                "User <*> was locked out from <*> port <*>",
                "User <*> failed from <*> port <*>",
                "User <*> reset the password from <*> port <*>",
            ])
            .is_empty()
        );
    }

    #[test]
    fn optional_key_value_fields_are_not_values() {
        assert!(
            sets(&[
                "request done method=<*> path=<*>",
                "request done method=<*> charset=<*> path=<*>",
                "request done method=<*> charset=<*> lang=<*> path=<*>",
            ])
            .is_empty()
        );
    }

    #[test]
    fn reasons_after_a_colon_before_one_trailer_are_one_set() {
        let found = sets(&[
            "Performance alert: <*>: performance warning: too many optimistic unchoke slots. More info: <*>",
            "Performance alert: <*>: performance warning: disk queue full. More info: <*>",
            "Performance alert: <*>: performance warning: send buffer watermark too low (upload rate will suffer). More info: <*>",
        ]);
        assert_eq!(found, vec![vec![0, 1, 2]]);
        // Words without a colon before them name events.
        assert!(
            sets(&[
                "Performance alert <*> too many optimistic unchoke slots. More info: <*>",
                "Performance alert <*> disk queue full. More info: <*>",
                "Performance alert <*> send buffer watermark too low (upload rate will suffer). More info: <*>",
            ])
            .is_empty()
        );
    }

    #[test]
    fn reasons_that_end_the_row_after_a_colon_are_one_set() {
        let found = sets(&[
            "Unable to map device <*> to a pod: device belongs to a terminated pod",
            "Unable to map device <*> to a pod: no pod is using this device",
            "Unable to map device <*> to a pod: device not found in pod-resources response",
            "Unable to map device <*> to a pod",
        ]);
        assert_eq!(found, vec![vec![0, 1, 2]]);
        // Two reasons may be an optional clause; words of one token name states.
        assert!(
            sets(&[
                "Unable to map device <*> to a pod: device belongs to a terminated pod",
                "Unable to map device <*> to a pod: no pod is using this device",
            ])
            .is_empty()
        );
        assert!(
            sets(&[
                "Link of port <*> changed state: up",
                "Link of port <*> changed state: down",
                "Link of port <*> changed state: unknown",
            ])
            .is_empty()
        );
    }

    #[test]
    fn an_error_codes_text_is_one_value() {
        let found = sets(&[
            "Socket error system:<*> Connection reset by peer on connection id=<*> addr=<*>",
            "Socket error system:<*> Broken pipe on connection id=<*> addr=<*>",
            "Socket error system:<*> Connection timed out on connection id=<*> addr=<*>",
        ]);
        assert_eq!(found, vec![vec![0, 1, 2]]);
        // Any other `key:<*>` is a field, the words after it the event's.
        assert!(
            sets(&[
                "Socket error node:<*> Connection reset by peer on connection id=<*> addr=<*>",
                "Socket error node:<*> Broken pipe on connection id=<*> addr=<*>",
                "Socket error node:<*> Connection timed out on connection id=<*> addr=<*>",
            ])
            .is_empty()
        );
    }

    #[test]
    fn a_level_before_the_colon_opens_messages_not_reasons() {
        assert!(
            sets(&[
                "main pid <*>: LOG: failover: set new main node: <*>",
                "main pid <*>: LOG: failover: set new primary node: <*>",
                "main pid <*>: LOG: starting degeneration. shutdown host <*>(<*>)",
            ])
            .is_empty()
        );
    }

    #[test]
    fn a_component_s_name_before_the_colon_opens_messages_not_reasons() {
        let rows = [
            "DISM Provider Store: PID=<*> TID=<*> Loading Provider from location C:<*> - Store::Get",
            "DISM Provider Store: PID=<*> TID=<*> Connecting to the provider located at C:<*>.",
            "DISM Provider Store: PID=<*> TID=<*> Failed to load the provider: <*>. - <*>",
        ];
        assert!(sets(&rows).is_empty());
        // After words that say what failed, they are reasons.
        let rows = [
            "Upload of the store failed: PID=<*> TID=<*> Loading Provider from location C:<*>",
            "Upload of the store failed: PID=<*> TID=<*> Connecting to the provider located at",
            "Upload of the store failed: PID=<*> TID=<*> Failed to load the provider: <*>.",
        ];
        assert!(!sets(&rows).is_empty());
    }

    #[test]
    fn a_frame_needs_three_constant_words() {
        assert!(sets(&["a <*> b", "a <*> <*> b", "a <*> <*> <*> b"]).is_empty());
    }
}
