//! Prometheus metrics shared by both binaries: the registry's text in the classic exposition
//! format (0.0.4) and the `cyberbrain_build_info` gauge.
//!
//! `prometheus-client` writes OpenMetrics text, whose counter families are named without the
//! `_total` suffix (`# TYPE cyberbrain_runs_launched counter`, then the sample
//! `cyberbrain_runs_launched_total`) and which ends with `# EOF`. Prometheus scrapes the classic
//! format under `text/plain; version=0.0.4` and expects the family to carry the sample's name, so
//! [`render`] rewrites those lines; everything else is the same in both formats.

use std::collections::HashSet;

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::registry::Registry;

/// The `Content-Type` of [`render`]'s text.
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// The label of `cyberbrain_build_info`.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct VersionLabel {
    version: String,
}

/// Registers `cyberbrain_build_info{version}`, always 1, so dashboards can show which version
/// each process runs and alerts can join on it.
pub fn register_build_info(registry: &mut Registry, version: &str) {
    let info = Family::<VersionLabel, Gauge>::default();
    info.get_or_create(&VersionLabel {
        version: version.to_string(),
    })
    .set(1);
    registry.register(
        "cyberbrain_build_info",
        "The running version; always 1",
        info,
    );
}

/// The registry's metrics in the Prometheus text exposition format 0.0.4.
pub fn render(registry: &Registry) -> String {
    let mut open_metrics = String::new();
    // Writing into a String cannot fail; an encoder error would be a bug in a metric type.
    if let Err(e) = prometheus_client::encoding::text::encode(&mut open_metrics, registry) {
        tracing::error!(error = %e, "could not encode metrics");
    }
    to_classic_text(&open_metrics)
}

/// Rewrites OpenMetrics text into the classic format: counter families take their samples'
/// `_total` name, `# UNIT` and `# EOF` lines go.
fn to_classic_text(open_metrics: &str) -> String {
    let counters: HashSet<&str> = open_metrics
        .lines()
        .filter_map(|line| line.strip_prefix("# TYPE "))
        .filter_map(|rest| rest.strip_suffix(" counter"))
        .collect();
    let mut out = String::with_capacity(open_metrics.len() + counters.len() * 16);
    for line in open_metrics.lines() {
        if line == "# EOF" || line.starts_with("# UNIT ") {
            continue;
        }
        let renamed = ["# HELP ", "# TYPE "].iter().find_map(|prefix| {
            let rest = line.strip_prefix(prefix)?;
            let (name, tail) = rest.split_once(' ')?;
            counters
                .contains(name)
                .then(|| format!("{prefix}{name}_total {tail}"))
        });
        match renamed {
            Some(line) => out.push_str(&line),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use prometheus_client::metrics::counter::Counter;

    use super::*;

    #[test]
    fn counters_are_named_for_their_samples_and_eof_goes() {
        let mut registry = Registry::default();
        let launched = Counter::<u64>::default();
        launched.inc_by(3);
        registry.register("cyberbrain_runs_launched", "Runs launched", launched);
        register_build_info(&mut registry, "1.2.3");
        let text = render(&registry);
        assert!(
            text.contains("# HELP cyberbrain_runs_launched_total Runs launched.\n"),
            "{text}"
        );
        assert!(text.contains("# TYPE cyberbrain_runs_launched_total counter\n"));
        assert!(text.contains("cyberbrain_runs_launched_total 3\n"));
        assert!(text.contains("# TYPE cyberbrain_build_info gauge\n"));
        assert!(text.contains("cyberbrain_build_info{version=\"1.2.3\"} 1\n"));
        assert!(!text.contains("# EOF"));
    }
}
