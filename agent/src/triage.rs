//! `log_triage` for one container: feed its log lines through the template miner and keep a
//! bounded digest. The raw lines never leave this module; only templates, counts and a few redacted
//! examples do.

use cyberbrain_logmine::{Miner, MinerConfig};
use cyberbrain_tasks::{ContainerLogDigest, Severity, TemplateCount};

use crate::docker::LogStream;

/// Accumulates one container's lines.
pub struct ContainerTriage {
    miner: Miner,
    bytes_read: u64,
}

impl Default for ContainerTriage {
    fn default() -> Self {
        ContainerTriage {
            miner: Miner::new(MinerConfig::default()),
            bytes_read: 0,
        }
    }
}

impl ContainerTriage {
    /// Adds one line (without its newline; possibly cut short of its `full_len` bytes) of
    /// `stream` and its time, when known.
    pub fn add_line(
        &mut self,
        stream: LogStream,
        line: &[u8],
        full_len: usize,
        timestamp_unix_ms: Option<i64>,
    ) {
        self.bytes_read += full_len as u64 + 1;
        let stream = match stream {
            LogStream::Stdout => 0,
            LogStream::Stderr => 1,
        };
        self.miner.add_stream_line(stream, line, timestamp_unix_ms);
    }

    /// The digest, keeping the `top` most significant templates (errors first, then by count).
    pub fn finish(
        self,
        container_id: &str,
        name: &str,
        image: &str,
        top: usize,
    ) -> ContainerLogDigest {
        let mut error_lines = 0;
        let mut warning_lines = 0;
        for template in self.miner.templates() {
            match template.severity() {
                Severity::Error => error_lines += template.count(),
                Severity::Warn => warning_lines += template.count(),
                _ => {}
            }
        }
        let digest = self.miner.digest(top);
        ContainerLogDigest {
            container_id: container_id.to_string(),
            name: name.to_string(),
            image: image.to_string(),
            lines: self.miner.lines(),
            error_lines,
            warning_lines,
            bytes_read: self.bytes_read,
            distinct_templates: digest.templates_total as u64,
            templates: digest
                .templates
                .into_iter()
                .map(|t| TemplateCount {
                    template: t.template,
                    count: t.count,
                    severity: t.severity,
                    examples: t.examples,
                    first_seen_unix_ms: t.first_timestamp_ms.unwrap_or(0),
                    last_seen_unix_ms: t.last_timestamp_ms.unwrap_or(0),
                    novel: t.novel,
                    burst: t.burst,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_errors_and_ranks_templates() {
        let mut t = ContainerTriage::default();
        for i in 0..5 {
            let line = format!("INFO request {i} served in 5ms");
            t.add_line(LogStream::Stdout, line.as_bytes(), line.len(), None);
        }
        t.add_line(
            LogStream::Stderr,
            b"ERROR database connection refused",
            33,
            None,
        );
        t.add_line(LogStream::Stdout, b"WARN disk almost full", 21, None);
        let d = t.finish("id", "web", "img", 10);
        assert_eq!(d.lines, 7);
        assert_eq!(d.error_lines, 1);
        assert_eq!(d.warning_lines, 1);
        assert_eq!(d.templates[0].severity, Severity::Error);
        let info = d
            .templates
            .iter()
            .find(|t| t.severity == Severity::Info)
            .unwrap();
        assert_eq!(info.count, 5);
    }
}
