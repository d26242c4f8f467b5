//! Runs the redaction corpus (`tests/redaction_corpus/*.txt`, format in its README): every secret
//! shape is redacted as written there, and every near miss comes out unchanged. The same lines go
//! through the miner, whose templates and examples must hold no line the corpus redacts.

use std::path::Path;

use cyberbrain_logmine::redact::{PrivateKeyBlocks, redact_part};
use cyberbrain_logmine::{Miner, MinerConfig};

/// One case: the input line, what it must become, and where it is written.
struct Case {
    input: String,
    expected: String,
    place: String,
}

/// The corpus as streams of cases (a blank line ends a stream).
fn corpus() -> Vec<Vec<Case>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/redaction_corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the corpus directory")
        .map(|e| e.expect("a corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "the corpus is missing: {files:?}");
    let mut streams = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a UTF-8 corpus file");
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        let mut stream = Vec::new();
        let mut pending: Option<(String, String)> = None;
        for (number, line) in text.lines().enumerate() {
            let place = format!("{name}:{}", number + 1);
            if let Some(expected) = line.strip_prefix("> ") {
                let (input, place) = pending
                    .take()
                    .unwrap_or_else(|| panic!("{place}: `>` without a `<` before it"));
                stream.push(Case {
                    input,
                    expected: expected.to_string(),
                    place,
                });
                continue;
            }
            assert!(
                pending.is_none(),
                "{place}: a `<` line needs a `>` line next"
            );
            if let Some(input) = line.strip_prefix("< ") {
                pending = Some((input.to_string(), place));
            } else if let Some(same) = line.strip_prefix("= ") {
                stream.push(Case {
                    input: same.to_string(),
                    expected: same.to_string(),
                    place,
                });
            } else if line.trim().is_empty() {
                streams.push(std::mem::take(&mut stream));
            } else {
                assert!(line.starts_with('#'), "{place}: unknown line {line:?}");
            }
        }
        assert!(pending.is_none(), "{name}: ends with a `<` line");
        streams.push(stream);
    }
    streams
}

#[test]
fn the_corpus_is_redacted_as_written_and_near_misses_are_kept() {
    let mut failures = Vec::new();
    let mut cases = 0;
    for stream in corpus() {
        let mut blocks = PrivateKeyBlocks::default();
        for case in stream {
            cases += 1;
            let part = blocks.observe(case.input.as_bytes());
            let got = redact_part(case.input.as_bytes(), part);
            if got != case.expected {
                failures.push(format!(
                    "{}\n   input: {}\nexpected: {}\n     got: {}",
                    case.place, case.input, case.expected, got
                ));
            }
        }
    }
    assert!(cases >= 80, "only {cases} cases");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_miner_ships_no_line_the_corpus_redacts() {
    for stream in corpus() {
        let mut miner = Miner::new(MinerConfig::default());
        let redacted: Vec<&Case> = stream.iter().filter(|c| c.input != c.expected).collect();
        // A near miss may hold on purpose what elsewhere is a secret (the AWS secret key shape
        // without a word about AWS): such text ships with it.
        let kept: Vec<&str> = stream
            .iter()
            .filter(|c| c.input == c.expected)
            .map(|c| c.input.as_str())
            .collect();
        for case in &stream {
            miner.add_line(case.input.as_bytes(), None);
        }
        let digest = miner.digest(1000);
        for template in &digest.templates {
            for text in std::iter::once(&template.template).chain(&template.examples) {
                for case in &redacted {
                    // The secret is what the expected output lost: no shipped text may hold the
                    // raw line's part that `[REDACTED]` replaced.
                    for secret in removed_parts(&case.input, &case.expected)
                        .into_iter()
                        .filter(|secret| !kept.iter().any(|k| k.contains(secret.as_str())))
                    {
                        assert!(
                            !text.contains(&secret),
                            "{}: {secret:?} shipped in {text:?}",
                            case.place
                        );
                    }
                }
            }
        }
    }
}

/// The pieces of `input` that `expected` replaced with `[REDACTED]` (at least 6 bytes long, so
/// that short common words are not mistaken for secrets).
fn removed_parts(input: &str, expected: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest_in = input;
    let mut rest_out = expected;
    while let Some(at) = rest_out.find("[REDACTED]") {
        let before = &rest_out[..at];
        let after_marker = &rest_out[at + "[REDACTED]".len()..];
        let Some(start) = rest_in.find(before).map(|i| i + before.len()) else {
            break;
        };
        // The kept text after the marker, up to the next marker, ends the secret.
        let next_kept = after_marker
            .find("[REDACTED]")
            .map_or(after_marker, |i| &after_marker[..i]);
        let end = if next_kept.is_empty() {
            rest_in.len()
        } else {
            rest_in[start..]
                .find(next_kept)
                .map_or(rest_in.len(), |i| start + i)
        };
        let secret = &rest_in[start..end];
        if secret.len() >= 6 {
            parts.push(secret.to_string());
        }
        rest_in = &rest_in[end..];
        rest_out = after_marker;
    }
    parts
}
