//! Headers remembered for the lines that repeat their shape.
//!
//! A source writes its header the same way on every line, and most of its messages many times
//! with other numbers (`2026-03-14 10:00:07,311 INFO worker 17 done in 250ms`): detecting the
//! header anew costs a third of a line's mining and takes the same path every time. Detection
//! reads whether a byte is a digit, and the value of a number only where a rule tests it (a
//! minute below 60, a month from 1 to 12, a syslog priority's severity: see
//! [`header::detect_recording`]). So the cache keeps headers in a [`DigitBlindTable`], each
//! with the numbers detection read and their answers: a line of the same key whose numbers give
//! the same answers is served the entry's header. A test detects every fourth corpus line of
//! the repository with its digits changed, through the cache and directly, to hold detection to
//! this.

use crate::digit_blind::{DigitBlindTable, MAX_KEYED_BYTES};
use crate::header::{self, DigitRead, Header};

/// A header and the numbers detection read on its line.
#[derive(Debug, Default)]
struct Detected {
    /// The numbers detection read, and their answers.
    reads: Vec<DigitRead>,
    header: Header,
}

impl Detected {
    /// Whether `line`, of this entry's key, answers as its line did.
    fn fits(&self, line: &[u8]) -> bool {
        self.reads.iter().all(|read| read.holds_for(line))
    }
}

/// The headers of recently seen line shapes (see the module's documentation).
#[derive(Debug, Default)]
pub(crate) struct HeaderCache {
    table: DigitBlindTable<Detected>,
}

impl HeaderCache {
    /// The header of `line`, as [`header::detect`] finds it.
    pub(crate) fn detect(&mut self, line: &[u8]) -> Header {
        if line.len() > MAX_KEYED_BYTES {
            return header::detect(line);
        }
        if let Some(kept) = self.table.get(line, |kept| kept.fits(line)) {
            return kept.header.clone();
        }
        let (header, reads) = header::detect_recording(line);
        // Detection read digits outside the line: what they said is not known here.
        if let Some(reads) = reads {
            self.table.put(|kept| {
                kept.reads = reads;
                kept.header = header.clone();
            });
        }
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
            served += usize::from(cache.table.holds(line, |kept| kept.fits(line)));
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
        let all = crate::digit_blind::corpus_lines_with_digits_changed(4);
        assert!(all.len() > 10_000, "corpora found: {}", all.len());
        let served = through_cache(&all);
        assert!(served * 4 > all.len(), "served {served} of {}", all.len());
    }

    /// Pieces of headers whose numbers detection tests (times, dates, epochs, priorities,
    /// sequence numbers), put together at random: with each line, copies whose digits are
    /// random, which puts the numbers in and out of range.
    const PIECES: &[&str] = &[
        "2026-03-14",
        "20260314",
        "081109",
        "203615",
        "10:00:00",
        "10:61:07",
        "23:59:60",
        ",123",
        ".456789",
        "T",
        "Z",
        "+0000",
        "<134>",
        "<13>",
        "1 ",
        "1773482400",
        "03-17",
        "14/Mar/2026:10:00:00",
        "Mar 14",
        "  1217:",
        "000767: *",
        " ",
        " ",
        " ",
        "[",
        "]",
        "INFO",
        "E",
        "I0314",
        "host-7",
        "app[812]:",
        "msg",
        "took 250 ms",
        ":",
        "|",
        "-",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        #[test]
        fn lines_of_header_pieces_get_the_header_they_would(
            picks in proptest::collection::vec(0..PIECES.len(), 1..12),
            digits in proptest::collection::vec(proptest::prelude::any::<u64>(), 4),
        ) {
            let line: String = picks.iter().map(|&p| PIECES[p]).collect();
            let mut lines = vec![line.clone().into_bytes()];
            for seed in digits {
                let mut state = seed | 1;
                lines.push(
                    line.bytes()
                        .map(|b| {
                            if b.is_ascii_digit() {
                                state ^= state << 13;
                                state ^= state >> 7;
                                state ^= state << 17;
                                b'0' + (state % 10) as u8
                            } else {
                                b
                            }
                        })
                        .collect(),
                );
            }
            through_cache(&lines);
        }
    }
}
