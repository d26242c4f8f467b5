//! Headers remembered for the lines that repeat their shape.
//!
//! A source writes its header the same way on every line, and most of its messages many times
//! with other numbers (`2026-03-14 10:00:07,311 INFO worker 17 done in 250ms`): detecting the
//! header anew costs a third of a line's mining and takes the same path every time. Detection
//! reads whether a byte is a digit, and the value of a number only where a rule tests it (a
//! minute below 60, a month from 1 to 12, a syslog priority's severity: see
//! [`header::detect_recording`]). So the cache keys a line by its bytes with every digit written
//! `0` (as the mask cache keys a body), and keeps with each entry the numbers detection read and
//! their answers: a line of the same key whose numbers give the same answers is served the
//! entry's header. Keys are compared byte for byte; a test detects every corpus line of the
//! repository with its digits changed, through the cache and directly, to hold detection to this.
//!
//! Like the mask cache, the table is small (see [`SLOTS`], [`MAX_CACHED_BYTES`]) and its sets
//! have two ways.

use crate::fingerprint::{finish, mix_bytes};
use crate::header::{self, DigitRead, Header};
use crate::mask_cache::digit_blind_key;

/// Entries in the table (a power of two).
const SLOTS: usize = 256;

/// Longest line cached, in bytes: longer ones are detected every time.
const MAX_CACHED_BYTES: usize = 512;

const LINE_SEED: u64 = 0x6865_6164_6572_7321;

/// One remembered line shape and its header.
#[derive(Debug, Default)]
struct Entry {
    /// The line's digit-blind key.
    key: Vec<u8>,
    /// The numbers detection read, and their answers.
    reads: Vec<DigitRead>,
    header: Header,
    filled: bool,
    /// On the first way of a set: whether it was used last.
    recent: bool,
}

/// The headers of recently seen line shapes (see the module's documentation).
#[derive(Debug, Default)]
pub(crate) struct HeaderCache {
    entries: Vec<Entry>,
    /// Scratch: the key of the line being detected.
    key: Vec<u8>,
}

impl HeaderCache {
    /// The header of `line`, as [`header::detect`] finds it.
    pub(crate) fn detect(&mut self, line: &[u8]) -> Header {
        if line.len() > MAX_CACHED_BYTES {
            return header::detect(line);
        }
        if self.entries.is_empty() {
            self.entries.resize_with(SLOTS, Entry::default);
        }
        digit_blind_key(line, &mut self.key);
        let set = finish(mix_bytes(LINE_SEED, &self.key)) as usize & (SLOTS - 2);
        for way in set..set + 2 {
            let entry = &self.entries[way];
            if entry.filled
                && entry.key == self.key
                && entry.reads.iter().all(|read| read.holds_for(line))
            {
                let header = entry.header.clone();
                self.entries[set].recent = way == set;
                return header;
            }
        }
        let (header, reads) = header::detect_recording(line);
        // Detection read digits outside the line: what they said is not known here.
        let Some(reads) = reads else {
            return header;
        };
        let way = if self.entries[set].recent {
            set + 1
        } else {
            set
        };
        self.entries[set].recent = way == set;
        let entry = &mut self.entries[way];
        std::mem::swap(&mut entry.key, &mut self.key);
        entry.reads = reads;
        entry.header = header.clone();
        entry.filled = true;
        header
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Detects `lines` in order through one cache, checking each against detecting it directly;
    /// returns how many were served from the table.
    fn through_cache(lines: &[Vec<u8>]) -> usize {
        let mut cache = HeaderCache::default();
        let mut served = 0;
        for line in lines {
            let mut key = Vec::new();
            digit_blind_key(line, &mut key);
            let stored = cache.entries.iter().any(|e| {
                e.filled && e.key == key && e.reads.iter().all(|read| read.holds_for(line))
            });
            served += usize::from(stored);
            let header = cache.detect(line);
            assert_eq!(
                header,
                header::detect(line),
                "{:?}",
                String::from_utf8_lossy(line)
            );
        }
        served
    }

    fn lines(texts: &[String]) -> Vec<Vec<u8>> {
        texts.iter().map(|t| t.clone().into_bytes()).collect()
    }

    #[test]
    fn lines_that_differ_only_in_digits_share_an_entry() {
        let texts: Vec<String> = (0..30)
            .map(|i| {
                format!(
                    "2026-03-14 10:{:02}:{:02},311 INFO worker {} done",
                    10 + i,
                    59 - i,
                    100 + i
                )
            })
            .collect();
        assert_eq!(through_cache(&lines(&texts)), 29);
    }

    #[test]
    fn a_number_a_rule_tests_tells_lines_apart() {
        // Minute 61 is no clock: the same shape is then no timestamp.
        let texts: Vec<String> = ["10:15:00", "10:61:00", "10:16:00", "10:75:00"]
            .iter()
            .map(|time| format!("{time} ERROR disk full"))
            .collect();
        through_cache(&lines(&texts));
        assert_ne!(
            header::detect(texts[0].as_bytes()),
            header::detect(texts[1].as_bytes()),
            "the test needs detection to read the minutes"
        );
        // A syslog priority's severity is read from its number.
        let texts: Vec<String> = [11, 14, 13, 10]
            .iter()
            .map(|p| format!("<{p}>Mar 14 10:00:00 host app: started"))
            .collect();
        through_cache(&lines(&texts));
        assert_ne!(
            header::detect(texts[0].as_bytes()).level,
            header::detect(texts[1].as_bytes()).level
        );
    }

    /// Every fourth line of the corpora in the repository (not the sealed ones), then each again
    /// with its digits changed, some into impossible times and dates: the table serves what
    /// detection gives. A rule that read a digit's value without [`header::DigitTest`] would
    /// fail here.
    #[test]
    fn corpora_lines_with_their_digits_changed_get_the_header_they_would() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata");
        let mut all = Vec::new();
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
                    for (n, line) in bytes.split(|&b| b == b'\n').step_by(4).enumerate() {
                        // Shifted by 3, or by 7 (minutes and months out of range).
                        let by = if n % 2 == 0 { 3 } else { 7 };
                        let shifted: Vec<u8> = line
                            .iter()
                            .map(|&b| {
                                if b.is_ascii_digit() {
                                    b'0' + (b - b'0' + by) % 10
                                } else {
                                    b
                                }
                            })
                            .collect();
                        all.push(line.to_vec());
                        all.push(shifted);
                    }
                }
            }
        }
        assert!(all.len() > 10_000, "corpora found: {}", all.len());
        let served = through_cache(&all);
        assert!(served * 4 > all.len(), "served {served} of {}", all.len());
    }
}
