//! Bounded, serialisable summaries of a miner's templates.

use serde::{Deserialize, Serialize};

use crate::{Miner, Severity, Template, TemplateId};

/// Longest template text carried in a digest, in bytes; longer ones are cut at a char boundary.
const MAX_TEMPLATE_TEXT: usize = 1024;

/// A summary of everything a miner has seen, bounded by the `limit` given to [`Miner::digest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Digest {
    /// Lines given to the miner.
    pub lines: u64,
    /// Live templates (the digest may show fewer).
    pub templates_total: usize,
    /// Distinct templates in the whole stream, evicted ones included (see
    /// [`Miner::distinct_templates`]).
    #[serde(default)]
    pub distinct_templates: u64,
    /// Whether `distinct_templates` is an estimate (templates were evicted past the cap).
    #[serde(default)]
    pub distinct_templates_estimated: bool,
    /// Templates evicted because the cap was reached.
    pub evicted_templates: u64,
    /// Lines that belonged to evicted templates (they are not in `templates`).
    pub evicted_lines: u64,
    /// Earliest caller-supplied timestamp, unix millis.
    pub first_timestamp_ms: Option<i64>,
    /// Latest caller-supplied timestamp, unix millis.
    pub last_timestamp_ms: Option<i64>,
    /// Templates, most severe first, then most frequent.
    pub templates: Vec<DigestTemplate>,
}

/// One template in a [`Digest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DigestTemplate {
    /// Stable id.
    pub id: TemplateId,
    /// Template text with `<*>` for variables.
    pub template: String,
    /// Lines matched.
    pub count: u64,
    /// Level from headers, else from keywords.
    pub severity: Severity,
    /// Index of the first matching line in the stream.
    pub first_line: u64,
    /// Index of the last matching line.
    pub last_line: u64,
    /// Earliest caller-supplied timestamp among its lines.
    pub first_timestamp_ms: Option<i64>,
    /// Latest caller-supplied timestamp among its lines.
    pub last_timestamp_ms: Option<i64>,
    /// First seen in the trailing `novel_fraction` of the stream.
    pub novel: bool,
    /// Seen at most `rare_max_count` times.
    pub rare: bool,
    /// At least `burst_min_fraction` of its (at least `burst_min_count`) lines fell within one
    /// burst window, in a stream that spans several windows.
    pub burst: bool,
    /// Redacted examples.
    pub examples: Vec<String>,
}

// The digest reads the miner, never the reverse: the method lives here.
impl Miner {
    /// A bounded, serialisable summary: at most `limit` templates, most severe first, then most
    /// frequent, each flagged `novel` / `rare` / `burst`.
    pub fn digest(&self, limit: usize) -> Digest {
        Digest::build(self, limit)
    }
}

impl Digest {
    fn build(miner: &Miner, limit: usize) -> Digest {
        let config = miner.config();
        let lines = miner.lines();
        let (first_ts, last_ts) = miner.stream_bounds();
        let (evicted_templates, evicted_lines) = miner.eviction_stats();
        let (distinct_templates, distinct_templates_estimated) = miner.distinct_templates();

        let mut templates: Vec<&Template> = miner.templates().collect();
        templates.sort_by(|a, b| {
            (a.severity().rank(), std::cmp::Reverse(a.count()), a.id()).cmp(&(
                b.severity().rank(),
                std::cmp::Reverse(b.count()),
                b.id(),
            ))
        });

        let novel_from_line = lines as f64 * (1.0 - config.novel_fraction.clamp(0.0, 1.0));
        // A burst only means something when the stream is much longer than one window.
        let (stream_span, window) = match (first_ts, last_ts) {
            (Some(first), Some(last)) => (last.saturating_sub(first), config.burst_window_ms),
            _ => (lines as i64, config.burst_window_lines),
        };
        let stream_spans_windows = stream_span >= window.saturating_mul(4);

        let shown = templates
            .iter()
            .take(limit)
            .map(|t| DigestTemplate {
                id: t.id(),
                // A word without digits stays literal in a template, so templates are redacted too,
                // with what redaction took from the template's first lines.
                template: truncate(t.redacted_text(), MAX_TEMPLATE_TEXT),
                count: t.count(),
                severity: t.severity(),
                first_line: t.first_line(),
                last_line: t.last_line(),
                first_timestamp_ms: t.first_timestamp_ms(),
                last_timestamp_ms: t.last_timestamp_ms(),
                novel: lines > 0 && t.first_line() as f64 >= novel_from_line,
                rare: t.count() <= config.rare_max_count,
                burst: stream_spans_windows
                    && t.count() >= config.burst_min_count
                    && t.peak_window_count() as f64 >= t.count() as f64 * config.burst_min_fraction,
                examples: t.examples().to_vec(),
            })
            .collect();

        Digest {
            lines,
            templates_total: templates.len(),
            distinct_templates,
            distinct_templates_estimated,
            evicted_templates,
            evicted_lines,
            first_timestamp_ms: first_ts,
            last_timestamp_ms: last_ts,
            templates: shown,
        }
    }
}

fn truncate(mut text: String, max: usize) -> String {
    if text.len() > max {
        let mut cut = max;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        text.push('…');
    }
    text
}

#[cfg(test)]
mod tests {
    use crate::{Miner, MinerConfig, Severity};

    #[test]
    fn digest_orders_by_severity_then_count_and_flags() {
        let mut miner = Miner::new(MinerConfig::default());
        for i in 0..5000 {
            miner.add_line(format!("INFO request {i} served").as_bytes(), None);
        }
        for i in 0..30 {
            miner.add_line(format!("ERROR upstream {i} timed out").as_bytes(), None);
        }
        miner.add_line(b"WARN cache cold", None);
        let digest = miner.digest(2);
        assert_eq!(digest.templates.len(), 2);
        assert_eq!(digest.templates_total, 3);
        assert_eq!(digest.templates[0].severity, Severity::Error);
        assert!(digest.templates[0].burst, "30 errors in the last few lines");
        assert!(digest.templates[0].novel);
        assert_eq!(digest.templates[1].severity, Severity::Warn);
        assert!(digest.templates[1].rare);
        let json = serde_json::to_string(&digest).expect("digest serialises");
        assert!(json.contains("\"severity\":\"error\""));
    }
}
