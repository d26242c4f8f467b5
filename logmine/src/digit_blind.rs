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
//! The table is small on purpose: it keeps inputs up to [`MAX_KEYED_BYTES`], in [`FIRST_SLOTS`]
//! entries at first, which keeps what repeats within moments (what logs repeat). It doubles, up
//! to [`MAX_SLOTS`], when at least half the values it was last given (as many as it has room
//! for) were for keys it had held before and let go (known by their hashes alone): a source of
//! more shapes than the table holds, repeating them, gets the room, and a source whose lines
//! are all new (room would serve nothing) never costs it. Its sets have two ways, so that two
//! inputs of one key whose numbers answer otherwise (`200 OK` beside `404 Not Found`) do not
//! evict each other.

use crate::fingerprint::{finish, mix_bytes};

/// Entries in a table when it starts (a power of two).
const FIRST_SLOTS: usize = 256;

/// Entries a table may grow to (a power of two): a few megabytes at most, for one source.
const MAX_SLOTS: usize = 4096;

/// Keys a table remembers having given values (a power of two; 4 bytes each), to tell keys it
/// let go from new ones.
const GIVEN_HASHES: usize = 4 * MAX_SLOTS;

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
    /// The hash of the key of the input last looked up.
    hash: u64,
    /// The high halves of the hashes of keys given values, by the hashes' low bits (room for
    /// more keys than the table may ever hold): a key given a value again was let go in between.
    given: Vec<u32>,
    /// Values put, and how many of them for keys given one before, since the table last judged
    /// its size.
    put: usize,
    put_again: usize,
}

impl<T> Default for DigitBlindTable<T> {
    fn default() -> Self {
        Self {
            slots: Vec::new(),
            key: Vec::new(),
            set: 0,
            hash: 0,
            given: Vec::new(),
            put: 0,
            put_again: 0,
        }
    }
}

impl<T: Default> DigitBlindTable<T> {
    /// The value kept for an input of `input`'s key that `fits` (what its numbers answered
    /// holds for `input`), if any. The key stays for [`DigitBlindTable::put`].
    pub(crate) fn get(&mut self, input: &[u8], fits: impl Fn(&T) -> bool) -> Option<&T> {
        if self.slots.is_empty() {
            self.slots.resize_with(FIRST_SLOTS, Slot::default);
        }
        digit_blind_key(input, &mut self.key);
        self.hash = hash_of(&self.key);
        let set = set_of(self.hash, self.slots.len());
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
        self.put += 1;
        if self.given.is_empty() {
            self.given = vec![0; GIVEN_HASHES];
        }
        let given = &mut self.given[self.hash as usize & (GIVEN_HASHES - 1)];
        let high = (self.hash >> 32) as u32;
        if *given == high {
            self.put_again += 1;
        }
        *given = high;
        if self.put >= self.slots.len() {
            if 2 * self.put_again >= self.put && self.slots.len() < MAX_SLOTS {
                self.grow();
            }
            self.put = 0;
            self.put_again = 0;
        }
    }

    /// Doubles the table, keeping every value: a set's two ways go to the two sets its keys'
    /// next bit of hash tells apart, so none is lost.
    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        self.slots.resize_with(old.len() * 2, Slot::default);
        for mut slot in old.into_iter().filter(|slot| slot.filled) {
            let set = set_of(hash_of(&slot.key), self.slots.len());
            let way = if self.slots[set].filled { set + 1 } else { set };
            slot.recent = false;
            self.slots[way] = slot;
        }
    }

    /// Forgets every value, and the room it grew to.
    pub(crate) fn clear(&mut self) {
        self.slots = Vec::new();
        self.given = Vec::new();
        self.put = 0;
        self.put_again = 0;
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

    /// How many values the table has room for (0 before its first use).
    #[cfg(test)]
    pub(crate) fn room(&self) -> usize {
        self.slots.len()
    }

    /// How many values are kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.slots.iter().filter(|slot| slot.filled).count()
    }
}

fn hash_of(key: &[u8]) -> u64 {
    finish(mix_bytes(KEY_SEED, key))
}

/// The first way of the set of a key of hash `hash` in a table of `slots` entries.
fn set_of(hash: u64, slots: usize) -> usize {
    hash as usize & (slots - 2)
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

    /// Input `i`: a key of its own (letters spell `i`), with digits that vary (as many of them
    /// as `digits` has).
    fn input(i: usize, digits: usize) -> Vec<u8> {
        let word: String = (0..4)
            .map(|p| char::from(b'a' + (i / 26usize.pow(p) % 26) as u8))
            .collect();
        format!("request {word} took {digits} ms").into_bytes()
    }

    /// Looks `i` up, puts it when missed; whether it was served, and with its own value.
    fn look_up(table: &mut DigitBlindTable<usize>, i: usize, digits: usize) -> bool {
        match table.get(&input(i, digits), |_| true) {
            Some(&value) => {
                assert_eq!(value, i, "input {i} served another's value");
                true
            }
            None => {
                table.put(|v| *v = i);
                false
            }
        }
    }

    #[test]
    fn a_table_grows_when_what_it_cannot_hold_comes_back_and_keeps_what_it_held() {
        let mut table: DigitBlindTable<usize> = DigitBlindTable::default();
        // 1,500 keys in turn, each many times over: more than the first room holds, and each
        // comes back (with other digits) within a few thousand inputs.
        let keys = 1_500;
        for pass in 0..8 {
            for i in 0..keys {
                look_up(&mut table, i, 100 + pass * 7 + i % 5);
            }
        }
        assert!(table.room() > FIRST_SLOTS && table.room() <= MAX_SLOTS);
        let served = (0..keys).filter(|&i| look_up(&mut table, i, 999)).count();
        assert!(served * 4 > keys * 3, "served {served} of {keys}");
    }

    #[test]
    fn a_table_of_inputs_that_never_come_back_stays_small() {
        let mut table: DigitBlindTable<usize> = DigitBlindTable::default();
        for i in 0..20_000 {
            assert!(!look_up(&mut table, i, i));
        }
        assert_eq!(table.room(), FIRST_SLOTS);
        table.clear();
        assert_eq!(table.room(), 0);
    }
}
