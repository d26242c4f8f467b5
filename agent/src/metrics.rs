//! The agent's Prometheus metrics. One [`AgentMetrics`] per process, made in `main` and shared
//! with the HTTP endpoint, the link and the task runner; the NVML error counter lives in [`crate::gpu`]
//! because NVML is called from blocking code that has no context to carry it, and the GPU gauges
//! in [`crate::gpu_metrics`].
//!
//! Labels come from fixed sets (task types, outcomes): no job or run id is a label. The GPU
//! gauges' labels name the host's GPUs and, capped, their processes.

use std::sync::Arc;
use std::time::Duration;

use cyberbrain_telemetry::http::Probes;
use cyberbrain_telemetry::metrics::{register_build_info, render};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::gpu_metrics::GpuMetrics;

/// Labels of a task's duration: the task type (or `unknown` for an assignment that named
/// none) and `succeeded` or `failed`.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct TaskLabels {
    task: String,
    outcome: String,
}

/// Task durations from 50 ms to about 7 minutes.
fn task_duration_histogram() -> Histogram {
    Histogram::new(exponential_buckets(0.05, 2.0, 14))
}

/// Every agent metric.
#[derive(Debug)]
pub struct AgentMetrics {
    registry: Registry,
    task_duration: Family<TaskLabels, Histogram, fn() -> Histogram>,
    /// Docker calls that failed (connect, list, inspect, logs).
    docker_errors: Counter,
    /// Bytes of container log lines read, before any cut.
    log_bytes_read: Counter,
    /// 1 while a stream to a controller is open.
    connected: Gauge,
    /// The GPU gauges: the last reading of `--gpu-metrics-interval`'s task, none before it.
    gpu: Arc<GpuMetrics>,
}

impl Default for AgentMetrics {
    fn default() -> Self {
        AgentMetrics::new()
    }
}

impl AgentMetrics {
    /// Creates and registers every metric.
    pub fn new() -> AgentMetrics {
        let mut registry = Registry::default();
        register_build_info(&mut registry, env!("CARGO_PKG_VERSION"));
        let mut metrics = AgentMetrics {
            // Filled below, once every metric is registered in it.
            registry: Registry::default(),
            task_duration: Family::new_with_constructor(task_duration_histogram),
            docker_errors: Counter::default(),
            log_bytes_read: Counter::default(),
            connected: Gauge::default(),
            gpu: Arc::new(GpuMetrics::default()),
        };
        registry.register(
            "cyberbrain_agent_task_duration_seconds",
            "Seconds each job's task took, by task type and outcome",
            metrics.task_duration.clone(),
        );
        registry.register(
            "cyberbrain_agent_docker_errors",
            "Docker engine calls that failed",
            metrics.docker_errors.clone(),
        );
        registry.register(
            "cyberbrain_agent_nvml_errors",
            "NVML calls that failed (not counting a host without the NVIDIA library)",
            crate::gpu::NVML_ERRORS.clone(),
        );
        registry.register(
            "cyberbrain_agent_log_bytes_read",
            "Bytes of container log lines read",
            metrics.log_bytes_read.clone(),
        );
        registry.register(
            "cyberbrain_agent_connected",
            "1 while the agent has a stream to a controller, else 0",
            metrics.connected.clone(),
        );
        registry.register_collector(Box::new(metrics.gpu.clone()));
        metrics.registry = registry;
        metrics
    }

    /// The GPU gauges, which the sampling task fills and the link hands the allowlist.
    pub fn gpu(&self) -> &Arc<GpuMetrics> {
        &self.gpu
    }

    /// A job's task ended after `elapsed`.
    pub fn task_finished(&self, task: &str, succeeded: bool, elapsed: Duration) {
        let outcome = if succeeded { "succeeded" } else { "failed" };
        self.task_duration
            .get_or_create(&TaskLabels {
                task: task.to_string(),
                outcome: outcome.to_string(),
            })
            .observe(elapsed.as_secs_f64());
    }

    /// A Docker call failed.
    pub fn docker_error(&self) {
        self.docker_errors.inc();
    }

    /// `bytes` of log lines were read.
    pub fn log_bytes_read(&self, bytes: usize) {
        self.log_bytes_read
            .inc_by(u64::try_from(bytes).unwrap_or(u64::MAX));
    }

    /// The stream to a controller opened (`true`) or closed.
    pub fn set_connected(&self, connected: bool) {
        self.connected.set(i64::from(connected));
    }

    /// Whether a stream to a controller is open.
    pub fn is_connected(&self) -> bool {
        self.connected.get() == 1
    }

    /// Every metric in the text exposition format.
    pub fn render(&self) -> String {
        render(&self.registry)
    }
}

/// The HTTP endpoint's view: the metrics, and ready while attached to a controller.
impl Probes for AgentMetrics {
    async fn metrics(&self) -> String {
        self.render()
    }

    async fn readiness(&self) -> Result<(), String> {
        if self.is_connected() {
            Ok(())
        } else {
            Err("not attached to a controller".into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tasks_errors_and_the_link_show_up_under_their_names() {
        let metrics = AgentMetrics::new();
        metrics.task_finished("gpu_report", true, Duration::from_millis(120));
        metrics.task_finished("log_triage", false, Duration::from_secs(1));
        metrics.docker_error();
        metrics.log_bytes_read(42);
        metrics.set_connected(true);
        let text = metrics.render();
        for line in [
            "cyberbrain_agent_task_duration_seconds_count{task=\"gpu_report\",outcome=\"succeeded\"} 1",
            "cyberbrain_agent_task_duration_seconds_bucket{le=\"0.2\",task=\"gpu_report\",outcome=\"succeeded\"} 1",
            "cyberbrain_agent_task_duration_seconds_count{task=\"log_triage\",outcome=\"failed\"} 1",
            "cyberbrain_agent_docker_errors_total 1",
            "cyberbrain_agent_log_bytes_read_total 42",
            "cyberbrain_agent_connected 1",
            "# TYPE cyberbrain_agent_nvml_errors_total counter",
        ] {
            assert!(
                text.lines().any(|l| l == line),
                "{line} missing from\n{text}"
            );
        }
        assert!(metrics.is_connected());
    }
}
