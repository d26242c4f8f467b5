//! Fast non-cryptographic fingerprints of token sequences.
//!
//! The miner looks every line up by the fingerprint of its masked token sequence, so hashing sits on
//! the hot path. SipHash (the `std` default) costs several times more than this multiply-rotate mix
//! and its DoS resistance buys nothing here: the worst an adversarial log can do is make two shapes
//! share a template, and the template cap bounds memory either way.

use std::hash::{BuildHasherDefault, Hasher};

const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

/// Mixes `bytes` into `state`, eight bytes at a time.
pub(crate) fn mix_bytes(mut state: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        state = mix_word(state, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        state = mix_word(state, u64::from_le_bytes(word));
    }
    // The length is mixed in so that `ab`,`c` and `a`,`bc` differ when callers chain tokens.
    mix_word(state, bytes.len() as u64)
}

/// Mixes one 64-bit word into `state`.
pub(crate) fn mix_word(state: u64, word: u64) -> u64 {
    (state.rotate_left(5) ^ word).wrapping_mul(MULTIPLIER)
}

/// Final avalanche so that nearby states spread over all bits (HashMap uses the top bits).
pub(crate) fn finish(state: u64) -> u64 {
    let mut x = state;
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// Hasher for maps keyed by values that are already good fingerprints (`u64`).
#[derive(Default, Clone, Copy)]
pub(crate) struct PrehashedHasher(u64);

impl Hasher for PrehashedHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        self.0 = finish(mix_bytes(self.0, bytes));
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = finish(self.0 ^ value);
    }
}

/// `BuildHasher` for [`PrehashedHasher`].
pub(crate) type BuildPrehashed = BuildHasherDefault<PrehashedHasher>;

/// A `HashMap` keyed by fingerprints.
pub(crate) type FingerprintMap<K, V> = std::collections::HashMap<K, V, BuildPrehashed>;

/// Folds of a sequence of hashes from both ends: `prefix[i]` folds `hashes[..i]` left to right
/// from `prefix_seed`, `suffix[i]` folds `hashes[i..]` right to left from `suffix_seed`. So "all
/// but position p" is `prefix[p]` with `suffix[p + 1]`, O(1) a position.
pub(crate) fn folds(hashes: &[u64], prefix_seed: u64, suffix_seed: u64) -> (Vec<u64>, Vec<u64>) {
    let mut prefix = Vec::with_capacity(hashes.len() + 1);
    let mut state = prefix_seed;
    prefix.push(state);
    for &h in hashes {
        state = mix_word(state, h);
        prefix.push(state);
    }
    let mut suffix = vec![0u64; hashes.len() + 1];
    let mut state = suffix_seed;
    suffix[hashes.len()] = state;
    for i in (0..hashes.len()).rev() {
        state = mix_word(state, hashes[i]);
        suffix[i] = state;
    }
    (prefix, suffix)
}
