//! The fleet's GPUs at a glance, for the report: who uses each GPU (by container), which GPUs sit
//! idle, which run hot or throttled, and which are nearly out of memory. Pure: built from the
//! hosts' `gpu_report` results.

use std::collections::BTreeMap;

use cyberbrain_tasks::{GpuReportResult, GpuStats, ProcessOwner, SampleStats};
use serde::Serialize;

/// Consumers listed per GPU, largest first; the rest are left out.
pub const TOP_CONSUMERS_PER_GPU: usize = 3;
/// A GPU whose mean utilisation over the window is at most this, with no process on it, is idle.
pub const IDLE_UTILIZATION_PERCENT: f64 = 5.0;
/// A GPU this close to its slowdown temperature (or hotter) is hot.
pub const HOT_MARGIN_CELSIUS: u32 = 5;
/// Hot without a slowdown threshold to compare with: most data-centre GPUs slow down near 85 °C.
pub const HOT_CELSIUS_WITHOUT_THRESHOLD: u32 = 83;
/// Memory in use at or above this share of the total is nearly full.
pub const MEMORY_NEARLY_FULL_RATIO: f64 = 0.9;

/// The fleet GPU section of the report's JSON.
#[derive(Debug, Default, Serialize)]
pub struct GpuFleet {
    /// Per host and GPU, the largest consumers by container.
    pub consumers: Vec<GpuConsumers>,
    /// GPUs with no process and (nearly) no utilisation.
    pub idle: Vec<GpuFlag>,
    /// GPUs at or near their slowdown temperature.
    pub hot: Vec<GpuFlag>,
    /// GPUs whose clocks are held down by power or thermal limits.
    pub throttling: Vec<GpuFlag>,
    /// GPUs whose memory is nearly full.
    pub memory_nearly_full: Vec<GpuFlag>,
    /// Hosts whose `gpu_report` ran but could not use NVML: no GPU figures from them.
    pub unavailable: Vec<GpuUnavailable>,
}

/// A host where NVML could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GpuUnavailable {
    /// Agent name.
    pub agent: String,
    /// Why, as the agent said (e.g. `could not load nvml library libnvidia-ml.so.1: …`).
    pub reason: String,
}

/// One GPU's largest consumers.
#[derive(Debug, Serialize)]
pub struct GpuConsumers {
    /// Agent name.
    pub agent: String,
    /// NVML index.
    pub gpu_index: u32,
    /// `GPU-…` UUID.
    pub gpu_uuid: String,
    /// Largest first, at most [`TOP_CONSUMERS_PER_GPU`].
    pub top: Vec<GpuConsumer>,
    /// Consumers left out of `top`.
    pub others: usize,
}

/// A container (or the host) using a GPU.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GpuConsumer {
    /// Container name; the short id for a container outside the allowlist; `host` or `unknown`.
    pub consumer: String,
    /// Container id as the agent reported it (empty for host and unknown processes).
    pub container_id: String,
    /// GPU memory of its processes on this GPU.
    pub memory_bytes: u64,
    /// Its processes on this GPU.
    pub processes: u32,
    /// The id of its container's log section (`l<n>`, also the Markdown anchor), when the
    /// report has one.
    pub log_ref: Option<String>,
}

/// One GPU that needs a look, and why.
#[derive(Debug, Serialize)]
pub struct GpuFlag {
    /// Agent name.
    pub agent: String,
    /// NVML index.
    pub gpu_index: u32,
    /// What was seen, e.g. `88 °C (slows down at 90 °C)`.
    pub detail: String,
}

/// Builds the fleet GPU section from each host's report (agent name, result).
pub fn summarize<'a>(hosts: impl IntoIterator<Item = (&'a str, &'a GpuReportResult)>) -> GpuFleet {
    let mut fleet = GpuFleet::default();
    for (agent, report) in hosts {
        if !report.available {
            fleet.unavailable.push(GpuUnavailable {
                agent: agent.to_string(),
                reason: report.unavailable_reason.clone(),
            });
            continue;
        }
        for gpu in &report.gpus {
            let flag = |detail: String| GpuFlag {
                agent: agent.to_string(),
                gpu_index: gpu.index,
                detail,
            };
            let mut consumers = consumers(gpu);
            if !consumers.is_empty() {
                let others = consumers.len().saturating_sub(TOP_CONSUMERS_PER_GPU);
                consumers.truncate(TOP_CONSUMERS_PER_GPU);
                fleet.consumers.push(GpuConsumers {
                    agent: agent.to_string(),
                    gpu_index: gpu.index,
                    gpu_uuid: gpu.uuid.clone(),
                    top: consumers,
                    others,
                });
            }
            if let Some(detail) = idle(gpu) {
                fleet.idle.push(flag(detail));
            }
            if let Some(detail) = hot(gpu) {
                fleet.hot.push(flag(detail));
            }
            if gpu.is_throttled() {
                let reasons = gpu
                    .throttle_reasons
                    .as_deref()
                    .unwrap_or_default()
                    .join(", ");
                fleet.throttling.push(flag(reasons));
            }
            if let Some(detail) = memory_nearly_full(gpu) {
                fleet.memory_nearly_full.push(flag(detail));
            }
        }
    }
    fleet
}

/// Power in watts with one decimal, as every power figure of the report prints: `123.5 W`.
pub fn watts(milliwatts: u32) -> String {
    format!("{:.1} W", f64::from(milliwatts) / 1000.0)
}

/// Draw and limit, `123.5 W / 300.0 W`; `n/a` for what the GPU does not report.
pub fn power_draw(draw_milliwatts: Option<u32>, limit_milliwatts: Option<u32>) -> String {
    match (draw_milliwatts, limit_milliwatts) {
        (Some(draw), Some(limit)) => format!("{} / {}", watts(draw), watts(limit)),
        (Some(draw), None) => watts(draw),
        (None, Some(limit)) => format!("n/a / {}", watts(limit)),
        (None, None) => "n/a".to_string(),
    }
}

/// `min / mean / max` of sampled power in watts, one decimal each: `71.0 / 74.2 / 80.0 W`.
pub fn sampled_watts(stats: Option<SampleStats>) -> String {
    stats.map_or_else(
        || "n/a".to_string(),
        |s| {
            format!(
                "{:.1} / {:.1} / {:.1} W",
                s.min / 1000.0,
                s.mean / 1000.0,
                s.max / 1000.0
            )
        },
    )
}

/// The GPU's processes grouped by container, largest memory first.
fn consumers(gpu: &GpuStats) -> Vec<GpuConsumer> {
    let mut by_consumer: BTreeMap<(String, String), GpuConsumer> = BTreeMap::new();
    for process in &gpu.processes {
        let consumer = match process.owner {
            ProcessOwner::Host => "host".to_string(),
            ProcessOwner::Unknown => "unknown".to_string(),
            ProcessOwner::Container if !process.container_name.is_empty() => {
                process.container_name.clone()
            }
            ProcessOwner::Container => {
                cyberbrain_tasks::short_container_id(&process.container_id).to_string()
            }
        };
        let entry = by_consumer
            .entry((consumer.clone(), process.container_id.clone()))
            .or_insert_with(|| GpuConsumer {
                consumer,
                container_id: process.container_id.clone(),
                memory_bytes: 0,
                processes: 0,
                log_ref: None,
            });
        entry.memory_bytes = entry
            .memory_bytes
            .saturating_add(process.used_memory_bytes.unwrap_or(0));
        entry.processes = entry.processes.saturating_add(1);
    }
    let mut consumers: Vec<GpuConsumer> = by_consumer.into_values().collect();
    // Stable order for equal memory: the map's (name, id) order.
    consumers.sort_by_key(|c| std::cmp::Reverse(c.memory_bytes));
    consumers
}

fn idle(gpu: &GpuStats) -> Option<String> {
    if !gpu.processes.is_empty() {
        return None;
    }
    let utilization = gpu
        .utilization_gpu_sampled
        .map(|s| s.mean)
        .or(gpu.utilization_gpu_percent.map(f64::from))?;
    (utilization <= IDLE_UTILIZATION_PERCENT)
        .then(|| format!("{utilization:.0}% utilisation, no processes"))
}

fn hot(gpu: &GpuStats) -> Option<String> {
    let temperature = gpu
        .temperature_celsius_sampled
        // Samples are whole degrees, so the cast loses nothing.
        .map(|s| s.max as u32)
        .or(gpu.temperature_celsius)?;
    match gpu.temperature_slowdown_celsius {
        Some(slowdown) if temperature + HOT_MARGIN_CELSIUS >= slowdown => {
            Some(format!("{temperature} °C (slows down at {slowdown} °C)"))
        }
        Some(_) => None,
        None if temperature >= HOT_CELSIUS_WITHOUT_THRESHOLD => Some(format!("{temperature} °C")),
        None => None,
    }
}

fn memory_nearly_full(gpu: &GpuStats) -> Option<String> {
    let total = gpu.memory_total_bytes.filter(|total| *total > 0)?;
    let used = gpu
        .memory_used_bytes_sampled
        .map(|s| s.max as u64)
        .or(gpu.memory_used_bytes)?;
    let ratio = used as f64 / total as f64;
    (ratio >= MEMORY_NEARLY_FULL_RATIO).then(|| {
        format!(
            "{} / {} MiB ({:.0}%)",
            used >> 20,
            total >> 20,
            ratio * 100.0
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use cyberbrain_tasks::GpuProcess;

    const GIB: u64 = 1 << 30;

    fn process(owner: ProcessOwner, id: &str, name: &str, gib: u64) -> GpuProcess {
        GpuProcess {
            pid: 1,
            used_memory_bytes: Some(gib * GIB),
            container_id: id.into(),
            container_name: name.into(),
            owner,
            ..Default::default()
        }
    }

    fn check(gpu: GpuStats) -> GpuFleet {
        let report = GpuReportResult {
            available: true,
            gpus: vec![gpu],
            ..Default::default()
        };
        summarize([("box", &report)])
    }

    #[test]
    fn consumers_are_grouped_by_container_and_ranked_by_memory() {
        let fleet = check(GpuStats {
            processes: vec![
                process(
                    ProcessOwner::Container,
                    "a".repeat(64).as_str(),
                    "trainer",
                    2,
                ),
                process(
                    ProcessOwner::Container,
                    "a".repeat(64).as_str(),
                    "trainer",
                    3,
                ),
                process(ProcessOwner::Container, "b".repeat(12).as_str(), "", 4),
                process(ProcessOwner::Host, "", "", 1),
                process(ProcessOwner::Unknown, "", "", 0),
            ],
            ..Default::default()
        });
        let top: Vec<_> = fleet.consumers[0]
            .top
            .iter()
            .map(|c| (c.consumer.as_str(), c.memory_bytes / GIB, c.processes))
            .collect();
        assert_eq!(
            top,
            vec![("trainer", 5, 2), ("bbbbbbbbbbbb", 4, 1), ("host", 1, 1)]
        );
        assert_eq!(fleet.consumers[0].others, 1);
        assert!(fleet.idle.is_empty());
    }

    #[test]
    fn idle_hot_throttled_and_full_gpus_are_flagged() {
        let fleet = check(GpuStats {
            utilization_gpu_sampled: Some(SampleStats {
                min: 0.0,
                mean: 1.0,
                max: 3.0,
            }),
            temperature_celsius: Some(80),
            temperature_celsius_sampled: Some(SampleStats {
                min: 80.0,
                mean: 84.0,
                max: 86.0,
            }),
            temperature_slowdown_celsius: Some(90),
            throttle_reasons: Some(vec!["gpu_idle".into(), "hw_thermal_slowdown".into()]),
            memory_used_bytes: Some(15 * GIB),
            memory_total_bytes: Some(16 * GIB),
            ..Default::default()
        });
        assert_eq!(fleet.idle.len(), 1);
        assert_eq!(fleet.hot[0].detail, "86 °C (slows down at 90 °C)");
        assert_eq!(fleet.throttling[0].detail, "gpu_idle, hw_thermal_slowdown");
        assert_eq!(
            fleet.memory_nearly_full[0].detail,
            "15360 / 16384 MiB (94%)"
        );
    }

    #[test]
    fn unknown_figures_flag_nothing() {
        let fleet = check(GpuStats {
            throttle_reasons: Some(vec!["gpu_idle".into()]),
            ..Default::default()
        });
        assert!(fleet.idle.is_empty() && fleet.hot.is_empty());
        assert!(fleet.throttling.is_empty() && fleet.memory_nearly_full.is_empty());
    }

    #[test]
    fn a_host_without_nvml_is_listed_as_unavailable() {
        let without = GpuReportResult {
            available: false,
            unavailable_reason: "could not load nvml library libnvidia-ml.so.1".into(),
            ..Default::default()
        };
        let with = GpuReportResult {
            available: true,
            gpus: vec![GpuStats::default()],
            ..Default::default()
        };
        let fleet = summarize([("cpu-box", &without), ("gpu-box", &with)]);
        assert_eq!(
            fleet.unavailable,
            vec![GpuUnavailable {
                agent: "cpu-box".into(),
                reason: "could not load nvml library libnvidia-ml.so.1".into(),
            }]
        );
    }

    #[test]
    fn power_has_one_decimal_everywhere() {
        // The demo's figures: 123 W, 123.5 W and 123.9 W must not print as whole watts, or the
        // mean looks larger than the max.
        let sampled = SampleStats {
            min: 123_000.0,
            mean: 123_456.0,
            max: 123_900.0,
        };
        assert_eq!(sampled_watts(Some(sampled)), "123.0 / 123.5 / 123.9 W");
        assert_eq!(sampled_watts(None), "n/a");
        assert_eq!(watts(123_456), "123.5 W");
        assert_eq!(watts(0), "0.0 W");
        assert_eq!(
            power_draw(Some(123_456), Some(300_000)),
            "123.5 W / 300.0 W"
        );
        assert_eq!(power_draw(Some(250_500), None), "250.5 W");
        assert_eq!(power_draw(None, Some(300_000)), "n/a / 300.0 W");
        assert_eq!(power_draw(None, None), "n/a");
    }
}
