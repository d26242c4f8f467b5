//! Masked messages remembered for the lines that repeat them.
//!
//! A source writes the same message again and again once its header is cut (`Connection closed
//! by peer`, `session opened for user root`, a health check every ten seconds), most often with
//! other numbers in it (`worker 17 done in 250ms`): masking such a body anew costs half a line's
//! mining and gives the same tokens every time, for [`crate::mask::mask_into`] is a function of
//! the body alone, and it reads whether a byte is a digit, not which digit, with one exception:
//! a token of three digits opening with 1 to 5 may be an HTTP status code, whose reason phrase
//! goes with it. So the cache keeps masked forms in a [`DigitBlindTable`], each with the first
//! digits of its body's tokens of three digits: a body of the same key whose such digits fall
//! on the same side of 6 is served the entry's masked form (three digits inside a token, as in
//! `10.0.0.104` or `850ms`, are never tested). A masked form that kept a digit
//! (`--pg1-path=<*>`) is the body's own and is not kept. A test masks every fourth corpus line
//! of the repository with its digits changed, through the cache and directly, to hold the
//! masker to this.

use crate::digit_blind::{DigitBlindTable, MAX_KEYED_BYTES};
use crate::mask::{MaskedLine, is_space, mask_into};

/// A masked form and where its body's digits were read.
#[derive(Debug, Default)]
struct Masked {
    /// The body's tokens of three digits (see [`status_runs`]).
    status_runs: Vec<(u16, bool)>,
    masked: MaskedLine,
}

impl Masked {
    /// Whether `body`, of this entry's key, holds status digits where its body did.
    fn same_status_digits(&self, body: &[u8]) -> bool {
        self.status_runs.iter().all(|&(at, status)| {
            body.get(usize::from(at))
                .is_some_and(|&b| is_status_digit(b) == status)
        })
    }
}

/// The masked forms of recently seen bodies (see the module's documentation).
#[derive(Debug, Default)]
pub(crate) struct MaskCache {
    table: DigitBlindTable<Masked>,
    /// The limits the entries were masked with (`mask_into`'s `max_bytes`, `max_tokens`).
    limits: (usize, usize),
}

impl MaskCache {
    /// Masks `body` into `out` as [`mask_into`] does, from the table when a body of its key and
    /// status digits was masked with the same limits and its entry stands.
    pub(crate) fn mask(
        &mut self,
        body: &[u8],
        max_bytes: usize,
        max_tokens: usize,
        out: &mut MaskedLine,
    ) {
        if body.len() > MAX_KEYED_BYTES {
            mask_into(body, max_bytes, max_tokens, out);
            return;
        }
        if self.limits != (max_bytes, max_tokens) {
            // Other limits mask otherwise: what was kept under the old ones is dropped.
            self.table.clear();
            self.limits = (max_bytes, max_tokens);
        }
        if let Some(kept) = self.table.get(body, |kept| kept.same_status_digits(body)) {
            out.copy_from(&kept.masked);
            return;
        }
        mask_into(body, max_bytes, max_tokens, out);
        // A masked line that kept a digit (`HTTP/1.1`, `sha256`) holds this body's own: only
        // this body may have it again, and its key does not say which body it was.
        if !out.holds_digit() {
            self.table.put(|kept| {
                status_runs(body, max_bytes, &mut kept.status_runs);
                kept.masked.copy_from(out);
            });
        }
    }
}

/// Where masking reads a digit's value: the first digit of a token of exactly three digits,
/// which may be an HTTP status code (`404 Not Found`: 1 to 5, see `mask::is_status_code`). For
/// each such token of the body as the masker reads it (its first `max_bytes`), its position and
/// whether that digit is from 1 to 5. Three digits inside a token (`10.251.42.191`,
/// `blk_-160`) are never tested, so they do not tell bodies apart. Bodies of one key hold these
/// tokens at the same positions, so comparing these digits is enough.
fn status_runs(body: &[u8], max_bytes: usize, runs: &mut Vec<(u16, bool)>) {
    runs.clear();
    let body = &body[..body.len().min(max_bytes)];
    let mut token_start = 0usize;
    for i in 0..=body.len() {
        if body.get(i).is_some_and(|&b| !is_space(b)) {
            continue;
        }
        let token = &body[token_start..i];
        if token.len() == 3 && token.iter().all(u8::is_ascii_digit) {
            runs.push((token_start as u16, is_status_digit(token[0])));
        }
        token_start = i + 1;
    }
}

fn is_status_digit(b: u8) -> bool {
    (b'1'..=b'5').contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn direct(body: &[u8]) -> MaskedLine {
        let mut out = MaskedLine::new();
        mask_into(body, 4096, 64, &mut out);
        out
    }

    fn same(a: &MaskedLine, b: &MaskedLine) -> bool {
        a.tokens().eq(b.tokens()) && format!("{a:?}") == format!("{b:?}")
    }

    #[test]
    fn a_body_seen_again_masks_as_it_did_and_others_as_they_would() {
        let mut cache = MaskCache::default();
        let mut out = MaskedLine::new();
        let bodies: Vec<Vec<u8>> = (0..3 * 256)
            .map(|i| match i % 3 {
                0 => b"Connection closed by peer".to_vec(),
                1 => format!("worker {i} done in {}ms", i * 7).into_bytes(),
                _ => format!("user u{} logged in from 10.0.{}.{}", i % 17, i % 5, i % 250)
                    .into_bytes(),
            })
            .collect();
        // Twice over, so that the second pass meets entries the first filled, and the many
        // distinct bodies share slots (their entries replaced, or checked and not taken).
        for body in bodies.iter().chain(&bodies) {
            cache.mask(body, 4096, 64, &mut out);
            assert!(
                same(&out, &direct(body)),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
        let body = b"Connection closed by peer";
        assert!(
            cache
                .table
                .holds(body, |kept| kept.same_status_digits(body))
        );
    }

    #[test]
    fn a_body_masked_under_other_limits_is_masked_anew() {
        let mut cache = MaskCache::default();
        let mut out = MaskedLine::new();
        let body = b"job 7 of 9 finished on node-3 after 12 retries";
        cache.mask(body, 4096, 64, &mut out);
        cache.mask(body, 4096, 3, &mut out);
        let mut short = MaskedLine::new();
        mask_into(body, 4096, 3, &mut short);
        assert!(same(&out, &short));
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn a_long_body_is_masked_every_time_and_never_kept() {
        let mut cache = MaskCache::default();
        let mut out = MaskedLine::new();
        let long = format!("request {} failed: {}", 42, "x".repeat(MAX_KEYED_BYTES));
        for _ in 0..2 {
            cache.mask(long.as_bytes(), 4096, 64, &mut out);
            assert!(same(&out, &direct(long.as_bytes())));
        }
        assert_eq!(cache.table.len(), 0);
    }

    /// Masks `bodies` in order through one cache, checking each against masking it directly;
    /// returns how many were served from the table.
    fn through_cache(bodies: &[Vec<u8>]) -> usize {
        let mut cache = MaskCache::default();
        let mut out = MaskedLine::new();
        let mut served = 0;
        for body in bodies {
            served += usize::from(
                cache
                    .table
                    .holds(body, |kept| kept.same_status_digits(body)),
            );
            cache.mask(body, 4096, 64, &mut out);
            assert!(
                same(&out, &direct(body)),
                "{:?}\n{out:?}\n{:?}",
                String::from_utf8_lossy(body),
                direct(body)
            );
        }
        served
    }

    #[test]
    fn bodies_that_differ_only_in_digits_share_an_entry() {
        let bodies: Vec<Vec<u8>> = (0..40)
            .map(|i| {
                format!(
                    "worker {} done in {}ms on node-{}",
                    10 + i,
                    300 + i * 7,
                    i % 9
                )
            })
            .map(String::into_bytes)
            .collect();
        assert_eq!(
            through_cache(&bodies),
            39,
            "all but the first come from the table"
        );
    }

    #[test]
    fn a_status_code_is_told_from_another_number_of_three_digits() {
        // `404 Not Found`: the phrase is the code's value; after `704` it is the event's words.
        let bodies: Vec<Vec<u8>> = [404, 704, 201, 904, 503]
            .iter()
            .map(|code| format!("GET /a/1 {code} Not Found").into_bytes())
            .collect();
        through_cache(&bodies);
        assert_ne!(
            direct(&bodies[0]).tokens().last(),
            direct(&bodies[1]).tokens().last(),
            "the test needs masking to read the code"
        );
    }

    #[test]
    fn three_digits_inside_a_token_do_not_tell_bodies_apart() {
        // Only a whole token of three digits may be a status code: `req-904`, `10.0.0.104` and
        // `850ms` are not tested, whatever their first digit.
        let bodies: Vec<Vec<u8>> = [104, 904, 305, 688, 201, 799]
            .iter()
            .map(|n| format!("req-{n} from 10.0.0.{n} took {n}ms").into_bytes())
            .collect();
        assert_eq!(
            through_cache(&bodies),
            5,
            "all but the first from the table"
        );
    }

    #[test]
    fn a_masked_line_that_kept_a_digit_is_no_other_bodys() {
        let bodies: Vec<Vec<u8>> = (1..4)
            .map(|n| format!("backup begin --pg{n}-path=/var/lib/a --type=full").into_bytes())
            .collect();
        assert_eq!(through_cache(&bodies), 0);
        assert!(
            direct(&bodies[1])
                .tokens()
                .any(|t| t.starts_with(b"--pg2-path="))
        );
    }

    /// Every fourth line of the corpora in the repository (the tuned eight, the development
    /// corpus, the rounds read while developing), then each again with its digits changed (a
    /// status code may stop being one): the table serves what masking gives. A rule of the
    /// masker that read a digit's value elsewhere would fail here.
    #[test]
    fn corpora_lines_with_their_digits_changed_mask_as_they_would() {
        let bodies = crate::digit_blind::corpus_lines_with_digits_changed(4);
        assert!(bodies.len() > 10_000, "corpora found: {}", bodies.len());
        let served = through_cache(&bodies);
        assert!(
            served * 4 > bodies.len(),
            "served {served} of {}",
            bodies.len()
        );
    }
}
