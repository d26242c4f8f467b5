//! The function the `log_lines` fuzz target in `fuzz/` calls: untrusted bytes as a container's log
//! stream, through header detection, redaction and the miner. It panics only on a broken
//! invariant, which is a bug. The corpus in `fuzz/corpus/log_lines/` runs through it under plain
//! `cargo test` (`logmine/tests/fuzz_corpus.rs`).

use crate::redact::{PrivateKeyBlocks, REDACTED, redact, redact_part};
use crate::{Miner, MinerConfig, header};

/// Feeds `data`, split into lines, to a small miner (so eviction and merging happen early), with
/// timestamps taken from the line lengths when the first byte is odd (so bursts are tracked).
pub fn log_lines(data: &[u8]) {
    let config = MinerConfig {
        max_templates: 8,
        max_example_bytes: 64,
        ..MinerConfig::default()
    };
    let max_examples = config.max_examples;
    let mut miner = Miner::new(config);
    let timed = data.first().is_some_and(|b| b % 2 == 1);
    let mut blocks = PrivateKeyBlocks::default();
    let mut lines = 0u64;
    for (index, line) in data.split(|&b| b == b'\n').enumerate() {
        let _ = header::detect(line);
        let part = blocks.observe(line);
        let redacted = redact_part(line, part);
        // Redacting what is already redacted changes nothing.
        assert_eq!(
            redact(redacted.as_bytes()),
            redacted,
            "redaction is idempotent"
        );
        let once = redact(line);
        assert!(
            once.len() <= line.len() * 3 + REDACTED.len() * (line.len() / 2 + 1),
            "redaction stays in proportion to its input"
        );
        let timestamp = timed.then(|| i64::try_from(index * 7 + line.len()).unwrap_or(0));
        miner.add_line(line, timestamp);
        lines += 1;
    }
    assert_eq!(miner.lines(), lines);
    let live: u64 = miner.templates().map(|t| t.count()).sum();
    let digest = miner.digest(usize::MAX);
    assert_eq!(
        live + digest.evicted_lines,
        lines,
        "every line is in a live template or counted as evicted"
    );
    assert!(miner.template_count() <= 8);
    for template in &digest.templates {
        assert!(template.examples.len() <= max_examples);
        assert!(template.count >= 1);
        assert!(template.first_line <= template.last_line);
    }
}
