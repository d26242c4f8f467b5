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
use std::path::Path;

use cyberbrain_tasks::{GpuProcess, GpuReportResult, GpuStats};
use nvml_wrapper::enum_wrappers::device::TemperatureSensor;
use nvml_wrapper::enums::device::UsedGpuMemory;
use nvml_wrapper::error::NvmlError;
use nvml_wrapper::{Device, Nvml};
use tracing::{debug, warn};

/// The library NVML is loaded from when no path is given; the dynamic loader resolves it the usual
/// way (`LD_LIBRARY_PATH`, ld.so cache), as nvml-wrapper does.
pub const DEFAULT_NVML_LIBRARY: &str = "libnvidia-ml.so.1";

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
/// Blocking FFI: run it in `spawn_blocking`. A field the GPU does not support, or whose query
/// fails, is `None`; a failed process listing leaves `processes` empty. Process container
/// attribution (`container_id`, `container_name`) is left empty until issue #7 adds it.
pub fn collect_gpu_report(library: Option<&Path>) -> GpuReportResult {
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
    let gpus = (0..gpu_count).map(|index| read_gpu(&nvml, index)).collect();
    shutdown(nvml);
    GpuReportResult {
        available: true,
        unavailable_reason: String::new(),
        driver_version,
        cuda_version,
        gpus,
    }
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
                library,
                cause: cause.to_string(),
            },
            // A library without `nvmlInit_v2` is not NVML, or is one too old for nvml-wrapper.
            NvmlError::FailedToLoadSymbol(cause) => Unavailable::SymbolMissing { library, cause },
            NvmlError::DriverNotLoaded => Unavailable::DriverNotLoaded { library },
            NvmlError::NoPermission => Unavailable::NoPermission { library },
            source => Unavailable::Init { library, source },
        }
    })
}

/// Shuts NVML down explicitly: nvml-wrapper's `Drop` would too, but silently.
fn shutdown(nvml: Nvml) {
    if let Err(error) = nvml.shutdown() {
        debug!(%error, "nvml shutdown failed");
    }
}

fn unavailable_report(unavailable: Unavailable, driver_version: String) -> GpuReportResult {
    debug!(reason = %unavailable, "nvml unavailable");
    GpuReportResult {
        available: false,
        unavailable_reason: unavailable.to_string(),
        driver_version,
        ..GpuReportResult::default()
    }
}

fn unavailable_probe(unavailable: Unavailable, driver_version: String) -> GpuProbe {
    debug!(reason = %unavailable, "nvml unavailable");
    GpuProbe {
        available: false,
        gpu_count: 0,
        driver_version,
        reason: unavailable.to_string(),
    }
}

/// Reads one GPU. A GPU whose handle cannot be had (fallen off the bus, no permission) is still
/// listed, by index with every field empty, so the report shows it is there but unreadable.
fn read_gpu(nvml: &Nvml, index: u32) -> GpuStats {
    let device = match nvml.device_by_index(index) {
        Ok(device) => device,
        Err(error) => {
            warn!(gpu_index = index, %error, "gpu handle unavailable");
            return GpuStats {
                index,
                ..GpuStats::default()
            };
        }
    };
    let utilization = gpu_field(device.utilization_rates(), index, "utilization");
    let memory = gpu_field(device.memory_info(), index, "memory");
    GpuStats {
        index,
        name: gpu_field(device.name(), index, "name").unwrap_or_default(),
        uuid: gpu_field(device.uuid(), index, "uuid").unwrap_or_default(),
        utilization_gpu_percent: utilization.as_ref().map(|rates| rates.gpu),
        utilization_memory_percent: utilization.as_ref().map(|rates| rates.memory),
        memory_used_bytes: memory.as_ref().map(|info| info.used),
        memory_total_bytes: memory.as_ref().map(|info| info.total),
        temperature_celsius: gpu_field(
            device.temperature(TemperatureSensor::Gpu),
            index,
            "temperature",
        ),
        power_draw_milliwatts: gpu_field(device.power_usage(), index, "power_draw"),
        power_limit_milliwatts: gpu_field(device.enforced_power_limit(), index, "power_limit"),
        processes: read_processes(&device, index),
    }
}

fn read_processes(device: &Device<'_>, index: u32) -> Vec<GpuProcess> {
    gpu_field(device.running_compute_processes(), index, "processes")
        .unwrap_or_default()
        .into_iter()
        .map(|process| GpuProcess {
            pid: process.pid,
            used_memory_bytes: match process.used_gpu_memory {
                UsedGpuMemory::Used(bytes) => Some(bytes),
                // Windows WDDM reports no per-process figure; keep the process, drop the number.
                UsedGpuMemory::Unavailable => None,
            },
            // Attribution to containers needs Docker, which this module does not know.
            container_id: String::new(),
            container_name: String::new(),
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
            warn!(gpu_index, field, %error, "gpu query failed");
            None
        }
    }
}

/// A system-wide query's value, or `None` when it failed: the report is still worth sending.
fn system_field<T>(result: Result<T, NvmlError>, field: &'static str) -> Option<T> {
    result
        .inspect_err(|error| warn!(field, %error, "nvml system query failed"))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuda_version_is_major_dot_minor() {
        assert_eq!(format_cuda_version(12040), "12.4");
        assert_eq!(format_cuda_version(11080), "11.8");
        assert_eq!(format_cuda_version(12000), "12.0");
    }
}
