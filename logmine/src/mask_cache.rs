//! Masked messages remembered for the lines that repeat them.
//!
//! A source writes the same message again and again once its header is cut (`Connection closed
//! by peer`, `session opened for user root`, a health check every ten seconds): masking such a
//! body anew costs half a line's mining and gives the same tokens every time, for
//! [`crate::mask::mask_into`] is a function of the body alone. The cache keeps the masked form
//! of the last bodies seen, in a small table indexed by the body's fingerprint: a body seen
//! again while its entry stands is copied, not masked. Entries are checked byte for byte, so a
//! collision costs a masking, never a wrong template.
//!
//! The table is small on purpose (see [`SLOTS`], [`MAX_CACHED_BYTES`]): it keeps what repeats
//! within moments, which is what logs repeat, in a few hundred KiB (under 2 MiB at worst, every
//! entry a body of the longest length cut into one-byte tokens).

use crate::fingerprint::{finish, mix_bytes};
use crate::mask::{MaskedLine, mask_into};

/// Entries in the table (a power of two): a body repeated within a few hundred other bodies
/// is found while its entry stands.
const SLOTS: usize = 256;

/// Longest body cached, in bytes: longer ones are masked every time (they seldom repeat, and
/// the table stays small: at most `SLOTS` times this and its tokens).
const MAX_CACHED_BYTES: usize = 512;

const BODY_SEED: u64 = 0x626f_6479_6d61_736b;

/// One remembered body and its masked form.
#[derive(Debug, Default)]
struct Entry {
    body: Vec<u8>,
    masked: MaskedLine,
    filled: bool,
}

/// The masked forms of recently seen bodies (see the module's documentation).
#[derive(Debug, Default)]
pub(crate) struct MaskCache {
    entries: Vec<Entry>,
    /// The limits the entries were masked with (`mask_into`'s `max_bytes`, `max_tokens`).
    limits: (usize, usize),
}

impl MaskCache {
    /// Masks `body` into `out` as [`mask_into`] does, from the table when `body` was masked
    /// with the same limits before and its entry stands.
    pub(crate) fn mask(
        &mut self,
        body: &[u8],
        max_bytes: usize,
        max_tokens: usize,
        out: &mut MaskedLine,
    ) {
        if body.len() > MAX_CACHED_BYTES {
            mask_into(body, max_bytes, max_tokens, out);
            return;
        }
        if self.entries.is_empty() || self.limits != (max_bytes, max_tokens) {
            // Other limits mask otherwise: what was kept under the old ones is dropped.
            self.entries.clear();
            self.entries.resize_with(SLOTS, Entry::default);
            self.limits = (max_bytes, max_tokens);
        }
        let slot = finish(mix_bytes(BODY_SEED, body)) as usize & (SLOTS - 1);
        let entry = &mut self.entries[slot];
        if entry.filled && entry.body == body {
            out.copy_from(&entry.masked);
            return;
        }
        mask_into(body, max_bytes, max_tokens, out);
        entry.body.clear();
        entry.body.extend_from_slice(body);
        entry.masked.copy_from(out);
        entry.filled = true;
    }
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
        let bodies: Vec<Vec<u8>> = (0..3 * SLOTS)
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
        assert!(
            cache
                .entries
                .iter()
                .any(|e| e.body == b"Connection closed by peer")
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
        let long = format!("request {} failed: {}", 42, "x".repeat(MAX_CACHED_BYTES));
        for _ in 0..2 {
            cache.mask(long.as_bytes(), 4096, 64, &mut out);
            assert!(same(&out, &direct(long.as_bytes())));
        }
        assert!(cache.entries.iter().all(|e| !e.filled));
    }
}
