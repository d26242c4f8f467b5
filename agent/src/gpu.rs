//! NVIDIA GPUs, read through NVML. The only module of the agent that knows NVML.
//!
//! **Blocking:** every function here loads a shared library and makes synchronous FFI calls into
//! the driver, which can take tens of milliseconds per GPU. Async callers must run them in
//! `tokio::task::spawn_blocking`, never on a runtime worker.
//!
//! Nothing here fails: a host without NVIDIA drivers is an ordinary host, so a missing library or
//! an unloaded driver becomes `available: false` with a reason, and a query a GPU does not support
//! becomes `None` for that one field.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use cyberbrain_tasks::{
    GpuProcess, GpuProcessKind, GpuReportParams, GpuReportResult, GpuStats, ProcessOwner,
    SampleStats,
};
use nvml_wrapper::bitmasks::device::ThrottleReasons;
use nvml_wrapper::enum_wrappers::device::{
    Clock, EccCounter, MemoryError, TemperatureSensor, TemperatureThreshold,
};
use nvml_wrapper::enums::device::UsedGpuMemory;
use nvml_wrapper::error::NvmlError;
use nvml_wrapper::struct_wrappers::device::ProcessInfo;
use nvml_wrapper::{Device, Nvml};
use prometheus_client::metrics::counter::Counter;
use tracing::{debug, warn};

/// The pause between samples. NVML's utilisation figures are averages over 1/6 s to 1 s, so
/// sampling faster would only repeat them.
const SAMPLE_INTERVAL: Duration = Duration::from_millis(200);

/// Throttle reason bits and the stable names reports use for them.
const THROTTLE_REASON_NAMES: [(ThrottleReasons, &str); 9] = [
    (ThrottleReasons::GPU_IDLE, "gpu_idle"),
    (
        ThrottleReasons::APPLICATIONS_CLOCKS_SETTING,
        "applications_clocks_setting",
    ),
    (ThrottleReasons::SW_POWER_CAP, "sw_power_cap"),
    (ThrottleReasons::HW_SLOWDOWN, "hw_slowdown"),
    (ThrottleReasons::SYNC_BOOST, "sync_boost"),
    (ThrottleReasons::SW_THERMAL_SLOWDOWN, "sw_thermal_slowdown"),
    (ThrottleReasons::HW_THERMAL_SLOWDOWN, "hw_thermal_slowdown"),
    (
        ThrottleReasons::HW_POWER_BRAKE_SLOWDOWN,
        "hw_power_brake_slowdown",
    ),
    (
        ThrottleReasons::DISPLAY_CLOCK_SETTING,
        "display_clock_setting",
    ),
];

/// The library NVML is loaded from when no path is given; the dynamic loader resolves it the usual
/// way (`LD_LIBRARY_PATH`, ld.so cache), as nvml-wrapper does.
pub const DEFAULT_NVML_LIBRARY: &str = "libnvidia-ml.so.1";

/// NVML calls that failed, for `cyberbrain_agent_nvml_errors_total`: a query that errs (not one
/// the GPU does not support), an unreadable GPU handle, and an NVML that loads but does not
/// initialise. A host without the library at all is not an error. Process-wide because NVML is
/// called from blocking code with no context to carry a handle.
pub static NVML_ERRORS: LazyLock<Counter> = LazyLock::new(Counter::default);

/// What the agent tells the controller about its GPUs when it says hello.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GpuProbe {
    /// Whether NVML loaded, initialised and could count the GPUs; shown in `cbctl agent list`.
    pub available: bool,
    /// GPUs NVML sees, 0 when unavailable.
    pub gpu_count: u32,
    /// NVIDIA driver version, empty when unavailable or unreadable.
    pub driver_version: String,
    /// Why NVML is unavailable, one line; empty when available.
    pub reason: String,
}

/// Why NVML cannot be used on this host. Private: callers see only its one-line message.
#[derive(Debug, thiserror::Error)]
enum Unavailable {
    // Causes are kept as text: nvml-wrapper's wrappers only prefix them with "a libloading error
    // occurred", and the reason must stay one short line.
    #[error("could not load nvml library {library}: {cause}")]
    LibraryNotLoaded { library: String, cause: String },
    #[error("{library} is not a usable nvml library: {cause}")]
    SymbolMissing { library: String, cause: String },
    #[error("nvidia driver is not loaded (nvml library {library})")]
    DriverNotLoaded { library: String },
    #[error("no permission to talk to the nvidia driver (nvml library {library})")]
    NoPermission { library: String },
    #[error("nvml library {library} failed to initialise: {source}")]
    Init { library: String, source: NvmlError },
    #[error("nvml could not count the gpus: {0}")]
    DeviceCount(NvmlError),
}

/// Loads NVML from `library` (None = the system's default `libnvidia-ml.so.1` resolution) and reads
/// every GPU. Never fails: a host without NVIDIA drivers (library missing, init error, driver not
/// loaded) returns `GpuReportResult { available: false, unavailable_reason: "<one clear line>", .. }`.
///
/// Utilisation, memory in use, temperature and power draw are sampled every 200 ms over
/// `params.sample_window_ms` (min / mean / max); the other fields and the processes are read once.
///
/// Blocking FFI, and it sleeps through the window: run it in `spawn_blocking`. A field the GPU
/// does not support, or whose query fails, is `None`; a failed process listing leaves that list
/// empty. Processes come back with `owner: Unknown`: attributing them to containers needs /proc
/// and Docker, which this module does not know (see `attribution`).
pub fn collect_gpu_report(library: Option<&Path>, params: &GpuReportParams) -> GpuReportResult {
    let nvml = match init(library) {
        Ok(nvml) => nvml,
        Err(unavailable) => return unavailable_report(unavailable, String::new()),
    };
    let driver_version =
        system_field(nvml.sys_driver_version(), "driver_version").unwrap_or_default();
    let cuda_version = system_field(nvml.sys_cuda_driver_version(), "cuda_version")
        .map(format_cuda_version)
        .unwrap_or_default();
    let gpu_count = match nvml.device_count() {
        Ok(count) => count,
        Err(error) => return unavailable_report(Unavailable::DeviceCount(error), driver_version),
    };
    let window = Duration::from_millis(u64::from(params.sample_window_ms));
    let devices: Vec<Option<Device<'_>>> = (0..gpu_count)
        .map(|index| {
            nvml.device_by_index(index)
                .inspect_err(|error| {
                    NVML_ERRORS.inc();
                    warn!(gpu_index = index, %error, "gpu handle unavailable");
                })
                .ok()
        })
        .collect();
    let mut gpus: Vec<GpuStats> = devices
        .iter()
        .zip(0..)
        .map(|(device, index)| match device {
            Some(device) => read_gpu(device, index),
            // Listed by index with every field empty, so the report shows it is there but
            // unreadable (fallen off the bus, no permission).
            None => GpuStats {
                index,
                ..GpuStats::default()
            },
        })
        .collect();
    let samples = sample(&devices, &mut gpus, window);
    drop(devices);
    shutdown(nvml);
    GpuReportResult {
        available: true,
        unavailable_reason: String::new(),
        driver_version,
        cuda_version,
        gpus,
        sample_window_ms: params.sample_window_ms,
        samples,
    }
}

/// One reading of every GPU, for the agent's `/metrics` ([`crate::gpu_metrics`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GpuReading {
    /// Whether NVML is available and why not, the driver, and each GPU's single readings with
    /// its processes (`owner: Unknown` until attributed); nothing sampled over a window.
    pub report: GpuReportResult,
    /// What the report has no field for, one entry per GPU in the same order.
    pub extras: Vec<GpuExtras>,
}

/// A GPU's figures that only the metrics use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GpuExtras {
    /// Framebuffer memory NVML counts as free (the total less used and reserved).
    pub memory_free_bytes: Option<u64>,
    /// NVML's throttle reason bits (`DCGM_FI_DEV_CLOCK_THROTTLE_REASONS`).
    pub throttle_reasons_bitmask: Option<u64>,
}

/// NVML kept initialised from one reading to the next, for the agent's periodic GPU metrics.
/// While NVML is unavailable every reading tries to initialise it again, so a driver loaded after
/// the agent started is found.
///
/// Blocking FFI: call [`GpuSampler::read`] in `spawn_blocking`.
#[derive(Debug)]
pub struct GpuSampler {
    library: Option<PathBuf>,
    nvml: Option<Nvml>,
}

impl GpuSampler {
    /// A sampler for `library` (None = the system's `libnvidia-ml.so.1`); NVML is loaded at the
    /// first reading.
    pub fn new(library: Option<PathBuf>) -> GpuSampler {
        GpuSampler {
            library,
            nvml: None,
        }
    }

    /// Reads every GPU once. Never fails: an unavailable NVML is `report.available: false` with
    /// the reason, as in [`collect_gpu_report`].
    pub fn read(&mut self) -> GpuReading {
        let nvml = match self.nvml.take() {
            Some(nvml) => nvml,
            None => match init(self.library.as_deref()) {
                Ok(nvml) => nvml,
                Err(unavailable) => {
                    return GpuReading {
                        report: unavailable_report(unavailable, String::new()),
                        extras: Vec::new(),
                    };
                }
            },
        };
        let driver_version =
            system_field(nvml.sys_driver_version(), "driver_version").unwrap_or_default();
        let gpu_count = match nvml.device_count() {
            Ok(count) => count,
            Err(error) => {
                // Initialised again at the next reading.
                shutdown(nvml);
                return GpuReading {
                    report: unavailable_report(Unavailable::DeviceCount(error), driver_version),
                    extras: Vec::new(),
                };
            }
        };
        let mut reading = GpuReading {
            report: GpuReportResult {
                available: true,
                driver_version,
                ..GpuReportResult::default()
            },
            extras: Vec::new(),
        };
        for index in 0..gpu_count {
            let (stats, extras) = match nvml.device_by_index(index) {
                Ok(device) => (read_gpu(&device, index), read_extras(&device)),
                Err(error) => {
                    NVML_ERRORS.inc();
                    warn!(gpu_index = index, %error, "gpu handle unavailable");
                    let stats = GpuStats {
                        index,
                        ..GpuStats::default()
                    };
                    (stats, GpuExtras::default())
                }
            };
            reading.report.gpus.push(stats);
            reading.extras.push(extras);
        }
        self.nvml = Some(nvml);
        reading
    }
}

/// The figures [`GpuExtras`] holds. Errors were already counted and logged by [`read_gpu`]'s
/// reading of the same queries, so these stay quiet.
fn read_extras(device: &Device<'_>) -> GpuExtras {
    GpuExtras {
        memory_free_bytes: device.memory_info().ok().map(|info| info.free),
        // The bits nvml-wrapper knows; newer drivers' extra bits are dropped.
        throttle_reasons_bitmask: device
            .current_throttle_reasons()
            .ok()
            .map(|reasons| reasons.bits()),
    }
}

/// The running min / sum / max of one sampled figure.
#[derive(Debug, Default, Clone, Copy)]
struct Accumulator {
    min: f64,
    max: f64,
    sum: f64,
    count: u32,
}

impl Accumulator {
    /// Adds a sample; `None` (query failed or unsupported this time) is skipped.
    fn add(&mut self, value: Option<f64>) {
        let Some(value) = value else { return };
        if self.count == 0 {
            self.min = value;
            self.max = value;
        } else {
            self.min = self.min.min(value);
            self.max = self.max.max(value);
        }
        self.sum += value;
        self.count += 1;
    }

    /// The figures, or `None` when no sample succeeded.
    fn finish(&self) -> Option<SampleStats> {
        (self.count > 0).then(|| SampleStats {
            min: self.min,
            mean: self.sum / f64::from(self.count),
            max: self.max,
        })
    }
}

/// One GPU's accumulators, in the order utilisation, memory used, temperature, power.
type GpuAccumulators = [Accumulator; 4];

/// Samples every readable GPU until `window` has passed (at least twice: at the start and at the
/// end) and fills the `*_sampled` fields. Returns the number of samples.
fn sample(devices: &[Option<Device<'_>>], gpus: &mut [GpuStats], window: Duration) -> u32 {
    let mut accumulators = vec![GpuAccumulators::default(); devices.len()];
    let started = Instant::now();
    let mut samples = 0;
    loop {
        for (device, acc) in devices.iter().zip(accumulators.iter_mut()) {
            let Some(device) = device else { continue };
            // Failures here were already reported by the first reading; stay quiet per sample.
            acc[0].add(device.utilization_rates().ok().map(|u| f64::from(u.gpu)));
            acc[1].add(device.memory_info().ok().map(|m| m.used as f64));
            acc[2].add(
                device
                    .temperature(TemperatureSensor::Gpu)
                    .ok()
                    .map(f64::from),
            );
            acc[3].add(device.power_usage().ok().map(f64::from));
        }
        samples += 1;
        let elapsed = started.elapsed();
        if elapsed >= window {
            break;
        }
        std::thread::sleep(SAMPLE_INTERVAL.min(window - elapsed));
    }
    for (gpu, acc) in gpus.iter_mut().zip(&accumulators) {
        gpu.utilization_gpu_sampled = acc[0].finish();
        gpu.memory_used_bytes_sampled = acc[1].finish();
        gpu.temperature_celsius_sampled = acc[2].finish();
        gpu.power_draw_milliwatts_sampled = acc[3].finish();
    }
    samples
}

/// NVML's throttle reason bits as the report's stable names, in bit order.
fn throttle_reason_names(reasons: ThrottleReasons) -> Vec<String> {
    THROTTLE_REASON_NAMES
        .iter()
        .filter(|(bit, _)| reasons.contains(*bit))
        .map(|(_, name)| (*name).to_string())
        .collect()
}

/// Every throttle reason name a report or a metric can carry, in bit order.
pub fn throttle_reasons() -> impl Iterator<Item = &'static str> {
    THROTTLE_REASON_NAMES.iter().map(|(_, name)| *name)
}

/// Cheap probe for the agent's Hello: (nvml_available, gpu_count, driver_version). Loads and
/// initialises NVML but touches no device.
///
/// Blocking FFI: run it in `spawn_blocking`.
pub fn probe(library: Option<&Path>) -> GpuProbe {
    let nvml = match init(library) {
        Ok(nvml) => nvml,
        Err(unavailable) => return unavailable_probe(unavailable, String::new()),
    };
    let driver_version =
        system_field(nvml.sys_driver_version(), "driver_version").unwrap_or_default();
    let probe = match nvml.device_count() {
        Ok(gpu_count) => GpuProbe {
            available: true,
            gpu_count,
            driver_version,
            reason: String::new(),
        },
        Err(error) => unavailable_probe(Unavailable::DeviceCount(error), driver_version),
    };
    shutdown(nvml);
    probe
}

/// Formats NVML's CUDA driver version (`major * 1000 + minor * 10`) as `major.minor`.
fn format_cuda_version(version: i32) -> String {
    format!(
        "{}.{}",
        nvml_wrapper::cuda_driver_version_major(version),
        nvml_wrapper::cuda_driver_version_minor(version)
    )
}

fn init(library: Option<&Path>) -> Result<Nvml, Unavailable> {
    let library_name = library.map_or_else(
        || DEFAULT_NVML_LIBRARY.to_owned(),
        |path| path.display().to_string(),
    );
    let path = library.map_or(OsStr::new(DEFAULT_NVML_LIBRARY), Path::as_os_str);
    Nvml::builder().lib_path(path).init().map_err(|source| {
        let library = library_name;
        match source {
            NvmlError::LibloadingError(cause) => Unavailable::LibraryNotLoaded {
                cause: loader_cause(&library, &cause.to_string()),
                library,
            },
            // A library without `nvmlInit_v2` is not NVML, or is one too old for nvml-wrapper.
            NvmlError::FailedToLoadSymbol(cause) => Unavailable::SymbolMissing { library, cause },
            NvmlError::DriverNotLoaded => Unavailable::DriverNotLoaded { library },
            NvmlError::NoPermission => Unavailable::NoPermission { library },
            source => Unavailable::Init { library, source },
        }
    })
}

/// The loader's reason without the library name it starts with (`dlerror` says
/// `libnvidia-ml.so.1: cannot open shared object file: …`), which our message already names.
fn loader_cause(library: &str, cause: &str) -> String {
    cause
        .strip_prefix(library)
        .and_then(|rest| rest.strip_prefix(": "))
        .unwrap_or(cause)
        .to_owned()
}

/// Shuts NVML down explicitly: nvml-wrapper's `Drop` would too, but silently.
fn shutdown(nvml: Nvml) {
    if let Err(error) = nvml.shutdown() {
        debug!(%error, "nvml shutdown failed");
    }
}

/// Counts an unavailable NVML as an error unless the library is simply absent.
fn count_unavailable(unavailable: &Unavailable) {
    if !matches!(unavailable, Unavailable::LibraryNotLoaded { .. }) {
        NVML_ERRORS.inc();
    }
}

fn unavailable_report(unavailable: Unavailable, driver_version: String) -> GpuReportResult {
    debug!(reason = %unavailable, "nvml unavailable");
    count_unavailable(&unavailable);
    GpuReportResult {
        available: false,
        unavailable_reason: unavailable.to_string(),
        driver_version,
        ..GpuReportResult::default()
    }
}

fn unavailable_probe(unavailable: Unavailable, driver_version: String) -> GpuProbe {
    debug!(reason = %unavailable, "nvml unavailable");
    count_unavailable(&unavailable);
    GpuProbe {
        available: false,
        gpu_count: 0,
        driver_version,
        reason: unavailable.to_string(),
    }
}

/// Reads one GPU's single-reading fields and its processes.
fn read_gpu(device: &Device<'_>, index: u32) -> GpuStats {
    let utilization = gpu_field(device.utilization_rates(), index, "utilization");
    let memory = gpu_field(device.memory_info(), index, "memory");
    let ecc_mode = gpu_field(device.is_ecc_enabled(), index, "ecc_mode");
    let ecc_errors = |kind: MemoryError, field| {
        gpu_field(
            device.total_ecc_errors(kind, EccCounter::Volatile),
            index,
            field,
        )
    };
    let mut processes = read_processes(
        device.running_compute_processes(),
        GpuProcessKind::Compute,
        index,
    );
    processes.extend(read_processes(
        device.running_graphics_processes(),
        GpuProcessKind::Graphics,
        index,
    ));
    GpuStats {
        index,
        name: gpu_field(device.name(), index, "name").unwrap_or_default(),
        uuid: gpu_field(device.uuid(), index, "uuid").unwrap_or_default(),
        pci_bus_id: gpu_field(device.pci_info(), index, "pci_info").map(|pci| pci.bus_id),
        utilization_gpu_percent: utilization.as_ref().map(|rates| rates.gpu),
        utilization_memory_percent: utilization.as_ref().map(|rates| rates.memory),
        memory_used_bytes: memory.as_ref().map(|info| info.used),
        memory_total_bytes: memory.as_ref().map(|info| info.total),
        temperature_celsius: gpu_field(
            device.temperature(TemperatureSensor::Gpu),
            index,
            "temperature",
        ),
        temperature_slowdown_celsius: gpu_field(
            device.temperature_threshold(TemperatureThreshold::Slowdown),
            index,
            "temperature_slowdown",
        ),
        power_draw_milliwatts: gpu_field(device.power_usage(), index, "power_draw"),
        power_limit_milliwatts: gpu_field(device.enforced_power_limit(), index, "power_limit"),
        clock_sm_mhz: gpu_field(device.clock_info(Clock::SM), index, "clock_sm"),
        clock_memory_mhz: gpu_field(device.clock_info(Clock::Memory), index, "clock_memory"),
        // The first fan stands for the board, as in nvidia-smi's summary.
        fan_speed_percent: gpu_field(device.fan_speed(0), index, "fan_speed"),
        ecc_enabled: ecc_mode.as_ref().map(|mode| mode.currently_enabled),
        ecc_errors_corrected: ecc_errors(MemoryError::Corrected, "ecc_errors_corrected"),
        ecc_errors_uncorrected: ecc_errors(MemoryError::Uncorrected, "ecc_errors_uncorrected"),
        throttle_reasons: gpu_field(device.current_throttle_reasons(), index, "throttle_reasons")
            .map(throttle_reason_names),
        mig_enabled: gpu_field(device.mig_mode(), index, "mig_mode").map(|mode| mode.current != 0),
        processes,
        ..GpuStats::default()
    }
}

fn read_processes(
    listed: Result<Vec<ProcessInfo>, NvmlError>,
    kind: GpuProcessKind,
    index: u32,
) -> Vec<GpuProcess> {
    let field = match kind {
        GpuProcessKind::Compute => "compute_processes",
        GpuProcessKind::Graphics => "graphics_processes",
    };
    gpu_field(listed, index, field)
        .unwrap_or_default()
        .into_iter()
        .map(|process| GpuProcess {
            pid: process.pid,
            used_memory_bytes: match process.used_gpu_memory {
                UsedGpuMemory::Used(bytes) => Some(bytes),
                // Windows WDDM reports no per-process figure; keep the process, drop the number.
                UsedGpuMemory::Unavailable => None,
            },
            // Attribution needs /proc and Docker, which this module does not know.
            owner: ProcessOwner::Unknown,
            kind,
            ..GpuProcess::default()
        })
        .collect()
}

/// One per-GPU query's value, or `None` when it failed. `NotSupported` is routine (consumer cards,
/// passive sensors) so it is only a debug event; anything else is worth a warning.
fn gpu_field<T>(result: Result<T, NvmlError>, gpu_index: u32, field: &'static str) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(NvmlError::NotSupported) => {
            debug!(gpu_index, field, "gpu query not supported");
            None
        }
        Err(error) => {
            NVML_ERRORS.inc();
            warn!(gpu_index, field, %error, "gpu query failed");
            None
        }
    }
}

/// A system-wide query's value, or `None` when it failed: the report is still worth sending.
fn system_field<T>(result: Result<T, NvmlError>, field: &'static str) -> Option<T> {
    result
        .inspect_err(|error| {
            NVML_ERRORS.inc();
            warn!(field, %error, "nvml system query failed");
        })
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loaders_reason_does_not_repeat_the_library_name() {
        let error = Unavailable::LibraryNotLoaded {
            cause: loader_cause(
                "libnvidia-ml.so.1",
                "libnvidia-ml.so.1: cannot open shared object file: No such file or directory",
            ),
            library: "libnvidia-ml.so.1".into(),
        };
        assert_eq!(
            error.to_string(),
            "could not load nvml library libnvidia-ml.so.1: cannot open shared object file: No \
             such file or directory"
        );
        assert_eq!(loader_cause("/x.so", "odd failure"), "odd failure");
    }

    #[test]
    fn samples_give_min_mean_max_and_skip_failures() {
        let mut acc = Accumulator::default();
        assert_eq!(acc.finish(), None);
        for value in [Some(30.0), None, Some(10.0), Some(50.0)] {
            acc.add(value);
        }
        assert_eq!(
            acc.finish(),
            Some(SampleStats {
                min: 10.0,
                mean: 30.0,
                max: 50.0
            })
        );
    }

    #[test]
    fn throttle_bits_get_stable_names() {
        let reasons = ThrottleReasons::SW_POWER_CAP | ThrottleReasons::HW_THERMAL_SLOWDOWN;
        assert_eq!(
            throttle_reason_names(reasons),
            vec!["sw_power_cap", "hw_thermal_slowdown"]
        );
        assert!(throttle_reason_names(ThrottleReasons::NONE).is_empty());
    }

    #[test]
    fn cuda_version_is_major_dot_minor() {
        assert_eq!(format_cuda_version(12040), "12.4");
        assert_eq!(format_cuda_version(11080), "11.8");
        assert_eq!(format_cuda_version(12000), "12.0");
    }
}
