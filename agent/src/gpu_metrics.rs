//! GPU gauges on the agent's `/metrics`. A background task ([`run`]) reads every GPU through NVML
//! each `--gpu-metrics-interval`, attributes the GPU processes to their containers, and keeps the
//! reading in [`GpuMetrics`]; a scrape renders the last reading and never waits on NVML or Docker.
//!
//! Names and labels follow NVIDIA's dcgm-exporter where it has the figure (`DCGM_FI_DEV_*`, with
//! the labels `gpu`, `UUID`, `modelName`, `Hostname` and `pci_bus_id`), so its dashboards and
//! alerts work unchanged; what it lacks is `cyberbrain_gpu_*`. A process's container and Compose
//! service are labels only when the allowlist (the controller's latest, narrowed by the host's
//! `--allow-container`/`--deny-container`) admits the container; any other container is its short
//! id. At most [`MAX_EXPORTED_PROCESSES`] processes are exported, the largest first.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use cyberbrain_tasks::{Allowlist, GpuStats, LocalLimit, ProcessOwner, short_container_id};
use prometheus_client::collector::Collector;
use prometheus_client::encoding::{DescriptorEncoder, MetricEncoder};
use prometheus_client::metrics::MetricType;
use tokio::sync::watch;

use crate::attribution;
use crate::docker::DockerHost;
use crate::gpu::{self, GpuReading, GpuSampler};

/// Processes exported at most, over all GPUs, the most memory first; the others are counted in
/// `cyberbrain_gpu_processes_not_exported`. Bounds the series a host's PIDs can make.
pub const MAX_EXPORTED_PROCESSES: usize = 64;

/// Label values are cut to this many bytes (a Compose service label can be anything).
const MAX_LABEL_BYTES: usize = 128;

/// What the sampling task needs.
#[derive(Debug, Clone)]
pub struct SamplerSettings {
    /// Time between readings.
    pub interval: Duration,
    /// NVML library path, `None` for the system's.
    pub nvml_library: Option<PathBuf>,
    /// Docker endpoint, `None` for the default; Docker names the containers of GPU processes.
    pub docker_host: Option<String>,
    /// The host's own limit, narrowing the allowlist.
    pub local_limit: Option<LocalLimit>,
    /// The `Hostname` label.
    pub hostname: String,
}

/// The last reading and the allowlist that names containers, shared by the sampling task, the
/// link (which hands over the controller's allowlist) and the HTTP endpoint (which renders it).
#[derive(Debug, Default)]
pub struct GpuMetrics {
    latest: Mutex<Option<Snapshot>>,
    allowlist: Mutex<Allowlist>,
}

/// One reading with when and where it was taken.
#[derive(Debug, Clone)]
struct Snapshot {
    reading: GpuReading,
    hostname: String,
    taken_at: SystemTime,
    took: Duration,
}

impl GpuMetrics {
    /// The controller's allowlist as the latest `Welcome` or `Assign` carried it; the containers
    /// it admits (and the host's local limit lets through) are named in the process labels.
    pub fn set_allowlist(&self, allowlist: Allowlist) {
        *lock(&self.allowlist) = allowlist;
    }

    fn allowlist(&self) -> Allowlist {
        lock(&self.allowlist).clone()
    }

    fn record(&self, snapshot: Snapshot) {
        *lock(&self.latest) = Some(snapshot);
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// Reads the GPUs every `settings.interval` until `stop`, the first time at once. NVML runs on a
/// blocking thread; a reading that hangs delays the next one, never a scrape. `docker_error` is
/// called when Docker cannot be reached to name the containers.
pub async fn run(
    settings: SamplerSettings,
    metrics: Arc<GpuMetrics>,
    docker_error: impl Fn() + Send + 'static,
    mut stop: watch::Receiver<bool>,
) {
    let mut sampler = Some(GpuSampler::new(settings.nvml_library.clone()));
    let mut ticker = tokio::time::interval(settings.interval);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut was_available: Option<bool> = None;
    loop {
        tokio::select! {
            _ = ticker.tick() => {}
            () = cyberbrain_telemetry::shutdown::requested(&mut stop) => return,
        }
        let mut taken = sampler
            .take()
            .unwrap_or_else(|| GpuSampler::new(settings.nvml_library.clone()));
        let started = Instant::now();
        let taken_at = SystemTime::now();
        let span = tracing::debug_span!("nvml.gpu_metrics");
        let joined = tokio::task::spawn_blocking(move || {
            let reading = span.in_scope(|| taken.read());
            (taken, reading)
        })
        .await;
        let mut reading = match joined {
            Ok((taken, reading)) => {
                sampler = Some(taken);
                reading
            }
            Err(error) => {
                // A panic in NVML's wrapper: start over with a new sampler next time.
                tracing::warn!(%error, "gpu metrics reading failed");
                continue;
            }
        };
        attribute(&mut reading, &settings, &metrics, &docker_error).await;
        let available = reading.report.available;
        if was_available != Some(available) {
            if available {
                tracing::info!(
                    gpus = reading.report.gpus.len(),
                    "gpu metrics: nvml available"
                );
            } else {
                tracing::info!(reason = %reading.report.unavailable_reason,
                    "gpu metrics: nvml unavailable, cyberbrain_gpu_available is 0");
            }
            was_available = Some(available);
        }
        metrics.record(Snapshot {
            reading,
            hostname: settings.hostname.clone(),
            taken_at,
            took: started.elapsed(),
        });
    }
}

/// Names the containers of the reading's processes, as far as the allowlist permits.
async fn attribute(
    reading: &mut GpuReading,
    settings: &SamplerSettings,
    metrics: &GpuMetrics,
    docker_error: &impl Fn(),
) {
    if reading
        .report
        .gpus
        .iter()
        .all(|gpu| gpu.processes.is_empty())
    {
        return;
    }
    let docker = match DockerHost::connect(settings.docker_host.as_deref()).await {
        Ok(docker) => Some(docker),
        Err(error) => {
            docker_error();
            tracing::debug!(%error, "gpu metrics: processes attributed without docker");
            None
        }
    };
    let allowlist = metrics
        .allowlist()
        .narrowed_by(settings.local_limit.clone());
    attribution::attribute_processes(
        &mut reading.report,
        Path::new(attribution::PROC_ROOT),
        docker.as_ref(),
        &allowlist,
    )
    .await;
}

/// A gauge's value: whole numbers print without a fraction.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Value {
    Int(i64),
    Float(f64),
}

impl From<u32> for Value {
    fn from(value: u32) -> Value {
        Value::Int(i64::from(value))
    }
}

impl From<u64> for Value {
    fn from(value: u64) -> Value {
        Value::Int(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Value {
        Value::Int(i64::from(value))
    }
}

/// One series: its labels and value.
type Series = (Vec<(&'static str, String)>, Value);

/// One metric family to render.
#[derive(Debug)]
struct Family {
    name: &'static str,
    help: &'static str,
    series: Vec<Series>,
}

/// A per-GPU gauge: its dcgm-exporter name, help, and how to read it from a GPU.
type GpuGauge = (&'static str, &'static str, fn(&GpuStats) -> Option<Value>);

const MIB: u64 = 1 << 20;

/// The per-GPU gauges with a dcgm-exporter name, in its units (MiB, W, MHz, °C, %).
const GPU_GAUGES: [GpuGauge; 13] = [
    ("DCGM_FI_DEV_GPU_UTIL", "GPU utilization (in %).", |g| {
        g.utilization_gpu_percent.map(Value::from)
    }),
    (
        "DCGM_FI_DEV_MEM_COPY_UTIL",
        "Memory utilization (in %).",
        |g| g.utilization_memory_percent.map(Value::from),
    ),
    (
        "DCGM_FI_DEV_FB_USED",
        "Framebuffer memory used (in MiB).",
        |g| g.memory_used_bytes.map(|b| Value::from(b / MIB)),
    ),
    (
        "DCGM_FI_DEV_FB_TOTAL",
        "Framebuffer memory total (in MiB).",
        |g| g.memory_total_bytes.map(|b| Value::from(b / MIB)),
    ),
    ("DCGM_FI_DEV_GPU_TEMP", "GPU temperature (in C).", |g| {
        g.temperature_celsius.map(Value::from)
    }),
    (
        "DCGM_FI_DEV_SLOWDOWN_TEMP",
        "Slowdown temperature (in C).",
        |g| g.temperature_slowdown_celsius.map(Value::from),
    ),
    ("DCGM_FI_DEV_POWER_USAGE", "Power draw (in W).", |g| {
        g.power_draw_milliwatts
            .map(|mw| Value::Float(f64::from(mw) / 1000.0))
    }),
    (
        "DCGM_FI_DEV_ENFORCED_POWER_LIMIT",
        "Power limit the driver enforces (in W).",
        |g| {
            g.power_limit_milliwatts
                .map(|mw| Value::Float(f64::from(mw) / 1000.0))
        },
    ),
    (
        "DCGM_FI_DEV_SM_CLOCK",
        "SM clock frequency (in MHz).",
        |g| g.clock_sm_mhz.map(Value::from),
    ),
    (
        "DCGM_FI_DEV_MEM_CLOCK",
        "Memory clock frequency (in MHz).",
        |g| g.clock_memory_mhz.map(Value::from),
    ),
    ("DCGM_FI_DEV_FAN_SPEED", "Fan speed (in %).", |g| {
        g.fan_speed_percent.map(Value::from)
    }),
    (
        "DCGM_FI_DEV_ECC_SBE_VOL_TOTAL",
        "Single-bit (corrected) volatile ECC errors since the driver loaded.",
        |g| g.ecc_errors_corrected.map(Value::from),
    ),
    (
        "DCGM_FI_DEV_ECC_DBE_VOL_TOTAL",
        "Double-bit (uncorrected) volatile ECC errors since the driver loaded.",
        |g| g.ecc_errors_uncorrected.map(Value::from),
    ),
];

/// A GPU's labels, as dcgm-exporter names them.
fn gpu_labels(gpu: &GpuStats, hostname: &str) -> Vec<(&'static str, String)> {
    vec![
        ("gpu", gpu.index.to_string()),
        ("UUID", label(&gpu.uuid)),
        ("modelName", label(&gpu.name)),
        ("Hostname", label(hostname)),
        ("pci_bus_id", label(gpu.pci_bus_id.as_deref().unwrap_or(""))),
    ]
}

/// A label value from text the agent does not control: control characters become spaces and it
/// is cut to [`MAX_LABEL_BYTES`] on a character boundary (the encoder escapes quotes and
/// backslashes).
fn label(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_LABEL_BYTES));
    for c in text.chars() {
        if out.len() + c.len_utf8() > MAX_LABEL_BYTES {
            break;
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    out
}

/// Every family of one snapshot, empty ones included (the renderer skips those).
fn families(snapshot: &Snapshot) -> Vec<Family> {
    let report = &snapshot.reading.report;
    let mut families = vec![
        Family {
            name: "cyberbrain_gpu_available",
            help: "1 when NVML loaded and counted the GPUs at the last reading, else 0.",
            series: vec![(Vec::new(), Value::from(report.available))],
        },
        Family {
            name: "cyberbrain_gpu_sample_timestamp_seconds",
            help: "When the GPUs were last read (Unix time).",
            series: vec![(
                Vec::new(),
                Value::Float(
                    snapshot
                        .taken_at
                        .duration_since(UNIX_EPOCH)
                        .map_or(0.0, |d| d.as_secs_f64()),
                ),
            )],
        },
        Family {
            name: "cyberbrain_gpu_sample_duration_seconds",
            help: "How long the last reading took, NVML and Docker together.",
            series: vec![(Vec::new(), Value::Float(snapshot.took.as_secs_f64()))],
        },
    ];
    if !report.available {
        return families;
    }
    families.push(Family {
        name: "cyberbrain_gpu_driver_info",
        help: "The NVIDIA driver version; always 1.",
        series: vec![(
            vec![
                ("driver_version", label(&report.driver_version)),
                ("Hostname", label(&snapshot.hostname)),
            ],
            Value::Int(1),
        )],
    });
    let labelled: Vec<(&GpuStats, Vec<(&'static str, String)>)> = report
        .gpus
        .iter()
        .map(|gpu| (gpu, gpu_labels(gpu, &snapshot.hostname)))
        .collect();
    for (name, help, read) in GPU_GAUGES {
        families.push(Family {
            name,
            help,
            series: labelled
                .iter()
                .filter_map(|(gpu, labels)| read(gpu).map(|value| (labels.clone(), value)))
                .collect(),
        });
    }
    let extras = &snapshot.reading.extras;
    let extra = |index: usize| extras.get(index).copied().unwrap_or_default();
    families.push(Family {
        name: "DCGM_FI_DEV_FB_FREE",
        help: "Framebuffer memory free (in MiB).",
        series: labelled
            .iter()
            .enumerate()
            .filter_map(|(i, (_, labels))| {
                extra(i)
                    .memory_free_bytes
                    .map(|b| (labels.clone(), Value::from(b / MIB)))
            })
            .collect(),
    });
    families.push(Family {
        name: "DCGM_FI_DEV_CLOCK_THROTTLE_REASONS",
        help: "Current clock throttle reasons (bitmask of NVML's nvmlClocksThrottleReason bits).",
        series: labelled
            .iter()
            .enumerate()
            .filter_map(|(i, (_, labels))| {
                extra(i)
                    .throttle_reasons_bitmask
                    .map(|bits| (labels.clone(), Value::from(bits)))
            })
            .collect(),
    });
    families.push(Family {
        name: "DCGM_FI_DEV_ECC_CURRENT",
        help: "ECC mode (1 enabled, 0 disabled).",
        series: gpu_series(&labelled, |g| g.ecc_enabled.map(Value::from)),
    });
    families.push(Family {
        name: "DCGM_FI_DEV_MIG_MODE",
        help: "MIG mode (1 enabled, 0 disabled).",
        series: gpu_series(&labelled, |g| g.mig_enabled.map(Value::from)),
    });
    families.push(Family {
        name: "cyberbrain_gpu_throttle_reason",
        help: "1 while this reason holds the GPU's clocks down, else 0.",
        series: labelled
            .iter()
            .filter_map(|(gpu, labels)| Some((gpu.throttle_reasons.as_ref()?, labels)))
            .flat_map(|(active, labels)| {
                gpu::throttle_reasons().map(move |reason| {
                    let mut labels = labels.clone();
                    labels.push(("reason", reason.to_string()));
                    (labels, Value::from(active.iter().any(|a| a == reason)))
                })
            })
            .collect(),
    });
    families.extend(process_families(&labelled, &snapshot.hostname));
    families
}

fn gpu_series(
    labelled: &[(&GpuStats, Vec<(&'static str, String)>)],
    read: impl Fn(&GpuStats) -> Option<Value>,
) -> Vec<Series> {
    labelled
        .iter()
        .filter_map(|(gpu, labels)| read(gpu).map(|value| (labels.clone(), value)))
        .collect()
}

/// A process on one GPU, once even when NVML lists it as both compute and graphics.
struct ProcessRow<'a> {
    gpu: &'a GpuStats,
    pid: u32,
    memory: u64,
    process: &'a cyberbrain_tasks::GpuProcess,
}

/// Processes per GPU, and the memory of the largest [`MAX_EXPORTED_PROCESSES`].
fn process_families(
    labelled: &[(&GpuStats, Vec<(&'static str, String)>)],
    hostname: &str,
) -> Vec<Family> {
    let mut counts = Vec::new();
    let mut rows: Vec<ProcessRow<'_>> = Vec::new();
    for (gpu, labels) in labelled {
        let mut by_pid: BTreeMap<u32, ProcessRow<'_>> = BTreeMap::new();
        for process in &gpu.processes {
            let memory = process.used_memory_bytes.unwrap_or(0);
            let row = by_pid.entry(process.pid).or_insert(ProcessRow {
                gpu,
                pid: process.pid,
                memory,
                process,
            });
            row.memory = row.memory.max(memory);
        }
        counts.push((labels.clone(), Value::from(by_pid.len() as u64)));
        rows.extend(by_pid.into_values());
    }
    // The most memory first; ties by GPU and PID, so the cut is the same at every scrape.
    rows.sort_by(|a, b| {
        b.memory
            .cmp(&a.memory)
            .then(a.gpu.index.cmp(&b.gpu.index))
            .then(a.pid.cmp(&b.pid))
    });
    let not_exported = rows.len().saturating_sub(MAX_EXPORTED_PROCESSES);
    rows.truncate(MAX_EXPORTED_PROCESSES);
    let memory = rows
        .iter()
        .map(|row| {
            let p = row.process;
            let owner = match p.owner {
                ProcessOwner::Host => "host",
                ProcessOwner::Container => "container",
                ProcessOwner::Unknown => "unknown",
            };
            let labels = vec![
                ("gpu", row.gpu.index.to_string()),
                ("UUID", label(&row.gpu.uuid)),
                ("Hostname", label(hostname)),
                ("pid", row.pid.to_string()),
                ("owner", owner.to_string()),
                ("container", label(&p.container_name)),
                ("compose_service", label(&p.compose_service)),
                (
                    "container_id",
                    short_container_id(&p.container_id).to_string(),
                ),
            ];
            (labels, Value::from(row.memory))
        })
        .collect();
    vec![
        Family {
            name: "cyberbrain_gpu_processes",
            help: "Processes using the GPU.",
            series: counts,
        },
        Family {
            name: "cyberbrain_gpu_process_memory_bytes",
            help: "GPU memory a process uses; container and compose_service are set for allowlisted containers only, container_id (short) for any container.",
            series: memory,
        },
        Family {
            name: "cyberbrain_gpu_processes_not_exported",
            help: "GPU processes left out of cyberbrain_gpu_process_memory_bytes by its cap, the smallest.",
            series: vec![(Vec::new(), Value::from(not_exported as u64))],
        },
    ]
}

impl Collector for GpuMetrics {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), fmt::Error> {
        // Cloned out so the lock is not held while writing.
        let Some(snapshot) = lock(&self.latest).clone() else {
            return Ok(());
        };
        for family in families(&snapshot) {
            if family.series.is_empty() {
                continue;
            }
            let mut metric =
                encoder.encode_descriptor(family.name, family.help, None, MetricType::Gauge)?;
            for (labels, value) in &family.series {
                if labels.is_empty() {
                    encode_value(&mut metric, *value)?;
                } else {
                    let mut series = metric.encode_family(labels)?;
                    encode_value(&mut series, *value)?;
                }
            }
        }
        Ok(())
    }
}

fn encode_value(encoder: &mut MetricEncoder<'_>, value: Value) -> Result<(), fmt::Error> {
    match value {
        Value::Int(v) => encoder.encode_gauge(&v),
        Value::Float(v) => encoder.encode_gauge(&v),
    }
}

#[cfg(test)]
mod tests {
    use cyberbrain_tasks::{GpuProcess, GpuProcessKind, GpuReportResult};
    use cyberbrain_testkit::prom::{Exposition, parse};

    use super::*;
    use crate::gpu::GpuExtras;
    use crate::metrics::AgentMetrics;

    const GIB: u64 = 1 << 30;

    fn render(reading: GpuReading) -> Exposition {
        let metrics = AgentMetrics::new();
        metrics.gpu().record(Snapshot {
            reading,
            hostname: "gpu-host".into(),
            taken_at: UNIX_EPOCH + Duration::from_secs(1_700_000_000),
            took: Duration::from_millis(12),
        });
        let text = metrics.render();
        parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    fn process(pid: u32, gib: u64, name: &str, service: &str) -> GpuProcess {
        GpuProcess {
            pid,
            used_memory_bytes: Some(gib * GIB),
            container_id: "0123456789abcdef0123".into(),
            container_name: name.into(),
            compose_service: service.into(),
            owner: ProcessOwner::Container,
            ..GpuProcess::default()
        }
    }

    fn gpu(index: u32, processes: Vec<GpuProcess>) -> GpuStats {
        GpuStats {
            index,
            name: "Stand-in \"GPU\"\n".into(),
            uuid: format!("GPU-{index}"),
            pci_bus_id: Some("00000000:3B:00.0".into()),
            utilization_gpu_percent: Some(37),
            memory_used_bytes: Some(5 * GIB),
            memory_total_bytes: Some(16 * GIB),
            temperature_celsius: Some(61),
            power_draw_milliwatts: Some(123_456),
            clock_sm_mhz: Some(1410),
            ecc_errors_corrected: Some(3),
            throttle_reasons: Some(vec!["sw_power_cap".into()]),
            processes,
            ..GpuStats::default()
        }
    }

    #[test]
    fn nothing_gpu_is_rendered_before_the_first_reading() {
        let text = AgentMetrics::new().render();
        assert!(!text.contains("gpu_available"), "{text}");
        assert!(!text.contains("DCGM_"), "{text}");
    }

    #[test]
    fn an_unavailable_nvml_is_available_0_and_no_gpu_gauge() {
        let exposition = render(GpuReading {
            report: GpuReportResult {
                available: false,
                unavailable_reason: "could not load nvml library".into(),
                ..GpuReportResult::default()
            },
            extras: Vec::new(),
        });
        assert_eq!(exposition.value("cyberbrain_gpu_available", &[]), Some(0.0));
        assert_eq!(
            exposition.value("cyberbrain_gpu_sample_timestamp_seconds", &[]),
            Some(1_700_000_000.0)
        );
        assert!(
            !exposition.names().iter().any(|n| n.starts_with("DCGM_")),
            "{:?}",
            exposition.names()
        );
    }

    #[test]
    fn gauges_carry_dcgm_names_units_and_labels() {
        let mut graphics_twin = process(10, 2, "trainer", "train");
        graphics_twin.kind = GpuProcessKind::Graphics;
        let host = GpuProcess {
            pid: 11,
            used_memory_bytes: Some(GIB),
            owner: ProcessOwner::Host,
            ..GpuProcess::default()
        };
        let outside = process(12, 3, "", "");
        let exposition = render(GpuReading {
            report: GpuReportResult {
                available: true,
                driver_version: "555.42.06".into(),
                gpus: vec![
                    gpu(
                        0,
                        vec![process(10, 2, "trainer", "train"), graphics_twin, host],
                    ),
                    gpu(1, vec![outside]),
                ],
                ..GpuReportResult::default()
            },
            extras: vec![
                GpuExtras {
                    memory_free_bytes: Some(11 * GIB),
                    throttle_reasons_bitmask: Some(4),
                },
                GpuExtras::default(),
            ],
        });
        let gpu0 = [
            ("gpu", "0"),
            ("UUID", "GPU-0"),
            ("modelName", "Stand-in \"GPU\" "),
            ("Hostname", "gpu-host"),
            ("pci_bus_id", "00000000:3B:00.0"),
        ];
        for (name, value) in [
            ("DCGM_FI_DEV_GPU_UTIL", 37.0),
            ("DCGM_FI_DEV_FB_USED", 5120.0),
            ("DCGM_FI_DEV_FB_TOTAL", 16384.0),
            ("DCGM_FI_DEV_FB_FREE", 11264.0),
            ("DCGM_FI_DEV_GPU_TEMP", 61.0),
            ("DCGM_FI_DEV_POWER_USAGE", 123.456),
            ("DCGM_FI_DEV_SM_CLOCK", 1410.0),
            ("DCGM_FI_DEV_ECC_SBE_VOL_TOTAL", 3.0),
            ("DCGM_FI_DEV_CLOCK_THROTTLE_REASONS", 4.0),
            ("cyberbrain_gpu_processes", 2.0),
        ] {
            assert_eq!(exposition.value(name, &gpu0), Some(value), "{name}");
        }
        assert_eq!(exposition.value("cyberbrain_gpu_available", &[]), Some(1.0));
        let reason = |r: &str| {
            let mut labels = gpu0.to_vec();
            labels.push(("reason", r));
            exposition.value("cyberbrain_gpu_throttle_reason", &labels)
        };
        assert_eq!(reason("sw_power_cap"), Some(1.0));
        assert_eq!(reason("hw_slowdown"), Some(0.0));
        // Not supported: no series rather than a made-up 0.
        assert_eq!(exposition.sum("DCGM_FI_DEV_FAN_SPEED", &[]), 0.0);
        assert!(!exposition.names().contains("DCGM_FI_DEV_FAN_SPEED"));

        let memory = |labels: &[(&str, &str)]| {
            exposition.value("cyberbrain_gpu_process_memory_bytes", labels)
        };
        let container = |gpu: &'static str, pid: &'static str, name, service| {
            [
                ("gpu", gpu),
                ("UUID", if gpu == "0" { "GPU-0" } else { "GPU-1" }),
                ("Hostname", "gpu-host"),
                ("pid", pid),
                ("owner", "container"),
                ("container", name),
                ("compose_service", service),
                ("container_id", "0123456789ab"),
            ]
        };
        // Listed as compute and graphics: one series.
        assert_eq!(
            memory(&container("0", "10", "trainer", "train")),
            Some((2 * GIB) as f64)
        );
        assert_eq!(
            memory(&container("1", "12", "", "")),
            Some((3 * GIB) as f64)
        );
        assert_eq!(
            exposition.sum("cyberbrain_gpu_process_memory_bytes", &[("owner", "host")]),
            GIB as f64
        );
        assert_eq!(
            exposition.value("cyberbrain_gpu_processes_not_exported", &[]),
            Some(0.0)
        );
    }

    #[test]
    fn processes_past_the_cap_are_counted_not_exported() {
        let many = (1..=u32::try_from(MAX_EXPORTED_PROCESSES).unwrap() + 5)
            .map(|pid| process(pid, u64::from(pid), "", ""))
            .collect();
        let exposition = render(GpuReading {
            report: GpuReportResult {
                available: true,
                gpus: vec![gpu(0, many)],
                ..GpuReportResult::default()
            },
            extras: Vec::new(),
        });
        let exported = exposition
            .families
            .get("cyberbrain_gpu_process_memory_bytes")
            .map_or(0, |f| f.samples.len());
        assert_eq!(exported, MAX_EXPORTED_PROCESSES);
        assert_eq!(
            exposition.value("cyberbrain_gpu_processes_not_exported", &[]),
            Some(5.0)
        );
        // The smallest are the ones left out.
        assert_eq!(
            exposition.sum("cyberbrain_gpu_process_memory_bytes", &[("pid", "1")]),
            0.0
        );
    }

    #[test]
    fn label_values_lose_control_characters_and_length() {
        assert_eq!(label("a\u{1b}[31mb\r\n"), "a [31mb  ");
        let long = "é".repeat(100);
        let cut = label(&long);
        assert!(cut.len() <= MAX_LABEL_BYTES && cut.chars().all(|c| c == 'é'));
    }
}
