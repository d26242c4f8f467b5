//! A small table of results for inputs that differ only in which digits they hold.
//!
//! Header detection and masking read whether a byte is a digit, never which one, except where
//! a rule tests a number (a minute below 60, a month, an HTTP status code's first digit). So two
//! inputs equal but for their digits get the same result when those numbers answer alike. The
//! table keys an input by its bytes with every digit written `0` ([`digit_blind_key`]), and its
//! user keeps with each value what the input's numbers answered, for [`DigitBlindTable::get`] to
//! check. Keys are compared byte for byte: a collision costs a recomputation, never a wrong
//! result.
//!
//! The table is small on purpose: [`SLOTS`] entries of inputs up to [`MAX_KEYED_BYTES`], which
//! keeps what repeats within moments (what logs repeat). Its sets have two ways, so that two
//! inputs of one key whose numbers answer otherwise (`200 OK` beside `404 Not Found`) do not
//! evict each other.

use crate::fingerprint::{finish, mix_bytes};

/// Entries in a table (a power of two).
const SLOTS: usize = 256;

/// Longest input kept, in bytes: longer ones are computed every time (they seldom repeat, and
/// the table stays small).
pub(crate) const MAX_KEYED_BYTES: usize = 512;

const KEY_SEED: u64 = 0x6469_6769_7462_6c64;

/// Writes into `key` the input as the rules see it: every digit is `0`. Digits and other bytes
/// never share a position, so two inputs with one key differ only in which digits they hold.
pub(crate) fn digit_blind_key(input: &[u8], key: &mut Vec<u8>) {
    key.clear();
    key.extend_from_slice(input);
    // Branch-free, so that the compiler does it many bytes at a time.
    for b in key.iter_mut() {
        let digit = b.wrapping_sub(b'0') < 10;
        *b = if digit { b'0' } else { *b };
    }
}

/// One remembered key and its value.
#[derive(Debug, Default)]
struct Slot<T> {
    key: Vec<u8>,
    value: T,
    filled: bool,
    /// On the first way of a set: whether it was used last.
    recent: bool,
}

/// Values of recently seen inputs by their digit-blind keys (see the module's documentation).
#[derive(Debug)]
pub(crate) struct DigitBlindTable<T> {
    slots: Vec<Slot<T>>,
    /// The key of the input last looked up, and its set.
    key: Vec<u8>,
    set: usize,
}

impl<T> Default for DigitBlindTable<T> {
    fn default() -> Self {
        Self {
            slots: Vec::new(),
            key: Vec::new(),
            set: 0,
        }
    }
}

impl<T: Default> DigitBlindTable<T> {
    /// The value kept for an input of `input`'s key that `fits` (what its numbers answered
    /// holds for `input`), if any. The key stays for [`DigitBlindTable::put`].
    pub(crate) fn get(&mut self, input: &[u8], fits: impl Fn(&T) -> bool) -> Option<&T> {
        if self.slots.is_empty() {
            self.slots.resize_with(SLOTS, Slot::default);
        }
        digit_blind_key(input, &mut self.key);
        let set = finish(mix_bytes(KEY_SEED, &self.key)) as usize & (SLOTS - 2);
        self.set = set;
        let way = (set..set + 2).find(|&way| {
            let slot = &self.slots[way];
            slot.filled && slot.key == self.key && fits(&slot.value)
        })?;
        self.slots[set].recent = way == set;
        Some(&self.slots[way].value)
    }

    /// Keeps a value for the key of the input last looked up (which [`DigitBlindTable::get`]
    /// did not find), in its set's way not used last: `fill` writes it over that way's old
    /// value, whose buffers it may reuse.
    pub(crate) fn put(&mut self, fill: impl FnOnce(&mut T)) {
        let set = self.set;
        if self.slots.len() < set + 2 {
            return;
        }
        let way = if self.slots[set].recent { set + 1 } else { set };
        self.slots[set].recent = way == set;
        let slot = &mut self.slots[way];
        std::mem::swap(&mut slot.key, &mut self.key);
        fill(&mut slot.value);
        slot.filled = true;
    }

    /// Forgets every value.
    pub(crate) fn clear(&mut self) {
        self.slots.clear();
    }

    /// Whether a value for `input` that `fits` is kept, without marking it used.
    #[cfg(test)]
    pub(crate) fn holds(&self, input: &[u8], fits: impl Fn(&T) -> bool) -> bool {
        let mut key = Vec::new();
        digit_blind_key(input, &mut key);
        self.slots
            .iter()
            .any(|slot| slot.filled && slot.key == key && fits(&slot.value))
    }

    /// How many values are kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.slots.iter().filter(|slot| slot.filled).count()
    }
}

/// Every `every`th line of the corpora in the repository (not the sealed ones, which stay
/// unread), each followed by a copy with its digits changed, by 3 or by 7 in turn (minutes,
/// months and status codes out of range too): the lines the tables' users check twice.
#[cfg(test)]
pub(crate) fn corpus_lines_with_digits_changed(every: usize) -> Vec<Vec<u8>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
    let mut lines = Vec::new();
    let corpora = std::fs::read_dir(&root).into_iter().flatten().flatten();
    for corpus in corpora {
        if corpus.file_name().to_string_lossy().starts_with("sealed") {
            continue;
        }
        let systems = std::fs::read_dir(corpus.path())
            .into_iter()
            .flatten()
            .flatten();
        for system in systems {
            let files = std::fs::read_dir(system.path())
                .into_iter()
                .flatten()
                .flatten();
            for file in files {
                if file.path().extension().is_none_or(|e| e != "log") {
                    continue;
                }
                let bytes = std::fs::read(file.path()).unwrap_or_default();
                for (n, line) in bytes.split(|&b| b == b'\n').step_by(every).enumerate() {
                    let by = if n % 2 == 0 { 3 } else { 7 };
                    let shifted = line
                        .iter()
                        .map(|&b| {
                            if b.is_ascii_digit() {
                                b'0' + (b - b'0' + by) % 10
                            } else {
                                b
                            }
                        })
                        .collect();
                    lines.push(line.to_vec());
                    lines.push(shifted);
                }
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_equal_but_for_their_digits_share_a_key_and_others_do_not() {
        let mut table: DigitBlindTable<u32> = DigitBlindTable::default();
        assert!(table.get(b"took 17 ms", |_| true).is_none());
        table.put(|v| *v = 7);
        assert_eq!(table.get(b"took 93 ms", |_| true), Some(&7));
        // One digit more is another key; so is a letter for a digit.
        assert!(table.get(b"took 930 ms", |_| true).is_none());
        assert!(table.get(b"took 9x ms", |_| true).is_none());
        // What the caller checks of the value decides too.
        assert!(table.get(b"took 55 ms", |&v| v == 8).is_none());
        table.put(|v| *v = 8);
        // Both ways of the set hold one key's values.
        assert_eq!(table.get(b"took 11 ms", |&v| v == 7), Some(&7));
        assert_eq!(table.get(b"took 11 ms", |&v| v == 8), Some(&8));
        assert_eq!(table.len(), 2);
        table.clear();
        assert_eq!(table.len(), 0);
    }
}
