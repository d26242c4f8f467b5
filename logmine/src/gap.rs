//! An undelimited phrase between constant words: `Completed 404 Not Found in 3ms`,
//! `Completed 200 OK in 5ms`, `Completed 500 Internal Server Error in 9ms`.
//!
//! Nothing marks where such a value begins or ends, and its length varies, so neither the
//! position-by-position evidence of the miner nor [`crate::span`] sees it as one value. What
//! does: templates equal before and after a short stretch of words, which holds phrases of
//! different lengths. One differing phrase is not enough (`connection closed` and `connection
//! closed by peer` are two events); three distinct phrases, not all of one length, between the
//! same words on both sides are one event with the stretch as one variable. Nothing here knows a
//! format.

use crate::fingerprint::{finish, mix_bytes, mix_word};
use crate::mask::contains_wildcard;

const GAP_SEED: u64 = 0x0067_6170_7321;

/// Longest stretch considered, in tokens: longer phrases between equal words are rarer than two
/// events sharing their first and last words.
pub(crate) const MAX_GAP_TOKENS: usize = 4;

/// Distinct phrases a stretch must hold before it is one variable.
pub(crate) const MIN_PHRASES: usize = 3;

/// Constant words (two letters or more) outside the stretch that anchor the template.
const MIN_ANCHOR_WORDS: usize = 2;

/// The stretch `tokens[start..start + len]` of a template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Gap {
    pub(crate) start: usize,
    pub(crate) len: usize,
}

impl Gap {
    /// Fingerprint of everything outside the stretch: what templates must share to merge.
    pub(crate) fn key(&self, tokens: &[Box<[u8]>]) -> u64 {
        let mut state = mix_word(GAP_SEED, self.start as u64);
        for t in &tokens[..self.start] {
            state = mix_bytes(state, t);
        }
        let after = self.start + self.len;
        state = mix_word(state, (tokens.len() - after) as u64);
        for t in &tokens[after..] {
            state = mix_bytes(state, t);
        }
        finish(state)
    }

    /// The phrase's first word: what tells phrases apart, rather than values inside them.
    pub(crate) fn opener<'a>(&self, tokens: &'a [Box<[u8]>]) -> &'a [u8] {
        &tokens[self.start]
    }

    /// The stretch as an undelimited span, which the miner collapses as it does delimited ones.
    pub(crate) fn as_span(&self) -> crate::span::Span {
        crate::span::Span {
            start: self.start,
            end: self.start + self.len - 1,
            open: 0,
            close: 0,
            keyed: false,
        }
    }

    /// Fingerprint of the phrase in the stretch.
    pub(crate) fn phrase(&self, tokens: &[Box<[u8]>]) -> u64 {
        let state = tokens[self.start..self.start + self.len]
            .iter()
            .fold(mix_word(GAP_SEED, self.len as u64), |s, t| mix_bytes(s, t));
        finish(state)
    }
}

fn is_word(token: &[u8]) -> bool {
    token.iter().filter(|b| b.is_ascii_alphabetic()).count() >= 2
}

/// The stretches of a template that may hold a phrase: one to [`MAX_GAP_TOKENS`] tokens that
/// begin and end with a constant word, and constant words outside to anchor it. A variable beside
/// the stretch stays its own (`Completed <*> Not Found in`: the code, then the phrase).
pub(crate) fn gaps(tokens: &[Box<[u8]>]) -> Vec<Gap> {
    let n = tokens.len();
    let anchors: Vec<bool> = tokens
        .iter()
        .map(|t| !contains_wildcard(t) && is_word(t))
        .collect();
    let total_anchors = anchors.iter().filter(|&&a| a).count();
    let mut out = Vec::new();
    for start in 1..n.saturating_sub(1) {
        if !anchors[start] {
            continue;
        }
        for len in 1..=MAX_GAP_TOKENS {
            let after = start + len;
            if after >= n {
                break;
            }
            if !anchors[after - 1] {
                continue;
            }
            let inside = anchors[start..after].iter().filter(|&&a| a).count();
            if total_anchors - inside >= MIN_ANCHOR_WORDS {
                out.push(Gap { start, len });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Box<[u8]>> {
        text.split_whitespace()
            .map(|t| Box::from(t.as_bytes()))
            .collect()
    }

    #[test]
    fn stretches_of_different_lengths_share_a_key_when_equal_around_them() {
        let a = tokens("Completed <*> OK in <*>ms");
        let b = tokens("Completed <*> Not Found in <*>ms");
        let ga = Gap { start: 2, len: 1 };
        let gb = Gap { start: 2, len: 2 };
        assert!(gaps(&a).contains(&ga));
        assert!(gaps(&b).contains(&gb));
        assert_eq!(ga.key(&a), gb.key(&b));
        assert_ne!(ga.phrase(&a), gb.phrase(&b));
        assert_eq!((ga.opener(&a), gb.opener(&b)), (&b"OK"[..], &b"Not"[..]));
        // A stretch begins and ends with a word: the variable beside it stays its own.
        assert!(!gaps(&a).contains(&Gap { start: 1, len: 2 }));
    }

    #[test]
    fn a_stretch_needs_words_outside_and_inside() {
        assert!(gaps(&tokens("a <*> b")).is_empty());
        assert!(gaps(&tokens("closed by")).is_empty());
        // `failed with` and `retries left` anchor `42`, but a number is no phrase.
        let t = tokens("request failed with 42 retries left");
        assert!(!gaps(&t).contains(&Gap { start: 3, len: 1 }));
    }
}
