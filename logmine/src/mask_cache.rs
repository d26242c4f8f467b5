//! Masked messages remembered for the lines that repeat them.
//!
//! A source writes the same message again and again once its header is cut (`Connection closed
//! by peer`, `session opened for user root`, a health check every ten seconds), most often with
//! other numbers in it (`worker 17 done in 250ms`): masking such a body anew costs half a line's
//! mining and gives the same tokens every time, for [`crate::mask::mask_into`] is a function of
//! the body alone, and it reads whether a byte is a digit, not which digit (one exception: a
//! run of three digits opening with 1 to 5 may be an HTTP status code, whose reason phrase goes
//! with it). So the cache keys a body by its bytes with every digit written `0`, and notes for
//! each entry the first digits of its runs of three: a body of the same key whose such digits
//! fall on the same side of 6 is served the entry's masked form. A masked form that kept a digit
//! (`--pg1-path=<*>`) is the body's own and is not kept. Keys are compared byte for byte, so a
//! collision costs a masking, never a wrong template; a test masks every corpus line of the
//! repository with its digits changed, through the cache and directly, to hold the masker to
//! this.
//!
//! The table is small on purpose (see [`SLOTS`], [`MAX_CACHED_BYTES`]): it keeps what repeats
//! within moments, which is what logs repeat, in a few hundred KiB (under 2 MiB at worst, every
//! entry a body of the longest length cut into one-byte tokens). Its sets have two ways, so that
//! `200 OK` and `404 Not Found` of one key do not evict each other.

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
    /// The body's digit-blind key (see [`digit_blind_key`]).
    key: Vec<u8>,
    /// The body's runs of three digits (see [`status_runs`]).
    status_runs: Vec<(u16, bool)>,
    masked: MaskedLine,
    filled: bool,
    /// On the first way of a set: whether it was used last (see [`MaskCache::mask`]).
    recent: bool,
}

/// The masked forms of recently seen bodies (see the module's documentation).
#[derive(Debug, Default)]
pub(crate) struct MaskCache {
    entries: Vec<Entry>,
    /// The limits the entries were masked with (`mask_into`'s `max_bytes`, `max_tokens`).
    limits: (usize, usize),
    /// Scratch: the key of the body being masked.
    key: Vec<u8>,
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
        digit_blind_key(body, &mut self.key);
        // Two ways a set: bodies of one key whose status digits differ (`200 OK` beside
        // `404 Not Found`) take both rather than evict each other.
        let set = finish(mix_bytes(BODY_SEED, &self.key)) as usize & (SLOTS - 2);
        for way in set..set + 2 {
            let entry = &self.entries[way];
            if entry.filled && entry.key == self.key && entry.same_status_digits(body) {
                out.copy_from(&entry.masked);
                self.entries[set].recent = way == set;
                return;
            }
        }
        mask_into(body, max_bytes, max_tokens, out);
        // A masked line that kept a digit (`HTTP/1.1`, `sha256`) holds this body's own: only
        // this body may have it again, and its key does not say which body it was.
        if out.holds_digit() {
            return;
        }
        // The way not used last takes it.
        let way = if self.entries[set].recent {
            set + 1
        } else {
            set
        };
        self.entries[set].recent = way == set;
        let entry = &mut self.entries[way];
        std::mem::swap(&mut entry.key, &mut self.key);
        status_runs(body, &mut entry.status_runs);
        entry.masked.copy_from(out);
        entry.filled = true;
    }
}

impl Entry {
    /// Whether `body`, of this entry's key, holds status digits where its body did.
    fn same_status_digits(&self, body: &[u8]) -> bool {
        self.status_runs.iter().all(|&(at, status)| {
            body.get(usize::from(at))
                .is_some_and(|&b| is_status_digit(b) == status)
        })
    }
}

/// Writes into `key` the body as masking sees it: every digit is `0`, for masking reads whether
/// a byte is a digit, never which one (see [`crate::mask`]), with one exception that
/// [`status_runs`] covers. Digits and other bytes never share a position, so two bodies with
/// one key differ only in which digits they hold.
pub(crate) fn digit_blind_key(body: &[u8], key: &mut Vec<u8>) {
    key.clear();
    key.extend_from_slice(body);
    // Branch-free, so that the compiler does it many bytes at a time.
    for b in key.iter_mut() {
        let digit = b.wrapping_sub(b'0') < 10;
        *b = if digit { b'0' } else { *b };
    }
}

/// Where masking reads a digit's value: the first digit of each run of exactly three, which may
/// open an HTTP status code (`404 Not Found`: 1 to 5, see `mask::is_status_code`). For each
/// such run, its position and whether that digit is from 1 to 5. Bodies of one key hold these
/// runs at the same positions, so comparing these digits is enough.
fn status_runs(body: &[u8], runs: &mut Vec<(u16, bool)>) {
    runs.clear();
    let mut run = 0usize;
    for i in 0..=body.len() {
        if body.get(i).is_some_and(u8::is_ascii_digit) {
            run += 1;
            continue;
        }
        if run == 3 {
            let at = i - 3;
            runs.push((at as u16, is_status_digit(body[at])));
        }
        run = 0;
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
                .any(|e| e.key == b"Connection closed by peer")
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

    /// Masks `bodies` in order through one cache, checking each against masking it directly;
    /// returns how many were served from the table.
    fn through_cache(bodies: &[Vec<u8>]) -> usize {
        let mut cache = MaskCache::default();
        let mut out = MaskedLine::new();
        let mut served = 0;
        for body in bodies {
            let before = cache.entries.iter().filter(|e| e.filled).count();
            let misses_before = count_misses(&cache, body);
            cache.mask(body, 4096, 64, &mut out);
            served += usize::from(misses_before == 0 && before > 0);
            assert!(
                same(&out, &direct(body)),
                "{:?}\n{out:?}\n{:?}",
                String::from_utf8_lossy(body),
                direct(body)
            );
        }
        served
    }

    /// 0 when `cache` would serve `body` from its table, else 1.
    fn count_misses(cache: &MaskCache, body: &[u8]) -> usize {
        let mut key = Vec::new();
        digit_blind_key(body, &mut key);
        let hit = cache
            .entries
            .iter()
            .any(|e| e.filled && e.key == key && e.same_status_digits(body));
        usize::from(!hit)
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
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
        let mut bodies = Vec::new();
        let corpora = std::fs::read_dir(&root).into_iter().flatten().flatten();
        for corpus in corpora {
            if corpus.file_name().to_string_lossy().starts_with("sealed") {
                continue;
            }
            let Ok(systems) = std::fs::read_dir(corpus.path()) else {
                continue;
            };
            for system in systems.flatten() {
                let Ok(files) = std::fs::read_dir(system.path()) else {
                    continue;
                };
                for file in files.flatten() {
                    if file.path().extension().is_some_and(|e| e == "log") {
                        let bytes = std::fs::read(file.path()).unwrap_or_default();
                        for line in bytes.split(|&b| b == b'\n').step_by(4) {
                            let shifted: Vec<u8> = line
                                .iter()
                                .map(|&b| {
                                    if b.is_ascii_digit() {
                                        b'0' + (b - b'0' + 3) % 10
                                    } else {
                                        b
                                    }
                                })
                                .collect();
                            bodies.push(line.to_vec());
                            bodies.push(shifted);
                        }
                    }
                }
            }
        }
        assert!(bodies.len() > 10_000, "corpora found: {}", bodies.len());
        let served = through_cache(&bodies);
        assert!(
            served * 4 > bodies.len(),
            "served {served} of {}",
            bodies.len()
        );
    }
}
