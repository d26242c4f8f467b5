//! The stand-in `libnvidia-ml.so` (see `testkit/nvml/`), compiled for the test that needs it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The C source of the stand-in.
pub const SOURCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/nvml/fake_nvml.c");

/// The values the stand-in reports.
pub mod values {
    /// Product name.
    pub const NAME: &str = "Cyberbrain Stand-in GPU";
    /// UUID.
    pub const UUID: &str = "GPU-00000000-0000-0000-0000-00000000c0de";
    /// Driver version.
    pub const DRIVER_VERSION: &str = "555.42.06";
    /// CUDA version, formatted.
    pub const CUDA_VERSION: &str = "12.4";
    /// GPU utilisation, percent.
    pub const UTILIZATION_GPU: u32 = 37;
    /// Memory utilisation, percent.
    pub const UTILIZATION_MEMORY: u32 = 21;
    /// Memory in all.
    pub const MEMORY_TOTAL: u64 = 16 << 30;
    /// Memory in use.
    pub const MEMORY_USED: u64 = 5 << 30;
    /// Temperature, °C.
    pub const TEMPERATURE: u32 = 61;
    /// Power draw, mW.
    pub const POWER_MW: u32 = 123_456;
    /// Power limit, mW.
    pub const POWER_LIMIT_MW: u32 = 300_000;
    /// PCI bus id.
    pub const PCI_BUS_ID: &str = "00000000:3B:00.0";
    /// Slowdown temperature threshold, °C.
    pub const TEMPERATURE_SLOWDOWN: u32 = 90;
    /// SM clock, MHz.
    pub const CLOCK_SM_MHZ: u32 = 1410;
    /// Memory clock, MHz.
    pub const CLOCK_MEMORY_MHZ: u32 = 1215;
    /// Fan speed, percent.
    pub const FAN_SPEED_PERCENT: u32 = 42;
    /// Corrected ECC errors (ECC is on).
    pub const ECC_CORRECTED: u64 = 3;
    /// Uncorrected ECC errors.
    pub const ECC_UNCORRECTED: u64 = 0;
    /// The one throttle reason reported.
    pub const THROTTLE_REASON: &str = "sw_power_cap";
    /// MIG mode is off.
    pub const MIG_ENABLED: bool = false;
    /// GPU memory of the n-th listed process (0-based): (n + 1) GiB.
    pub const fn process_memory(n: u64) -> u64 {
        (n + 1) << 30
    }
}

/// Environment variables the stand-in reads on every query.
pub mod env {
    /// Comma-separated PIDs (at most eight) to report as compute processes.
    pub const PROCESS_PID: &str = "FAKE_NVML_PROCESS_PID";
    /// The same, as graphics processes.
    pub const GRAPHICS_PID: &str = "FAKE_NVML_GRAPHICS_PID";
    /// `1` makes power draw, thresholds, clocks, fan, ECC, throttle reasons and MIG mode return
    /// `NVML_ERROR_NOT_SUPPORTED`.
    pub const NOT_SUPPORTED: &str = "FAKE_NVML_NOT_SUPPORTED";
}

/// Compiles the stand-in into `dir` and returns the library's path.
pub fn build(dir: &Path) -> PathBuf {
    let library = dir.join("libnvidia-ml.so");
    let output = Command::new("cc")
        .args(["-shared", "-fPIC", "-o"])
        .arg(&library)
        .arg(SOURCE)
        .output();
    let output = match output {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            panic!(
                "`cc` not found: a C compiler is needed to build the stand-in NVML (apt-get install gcc)"
            )
        }
        Err(error) => panic!("could not run `cc` to build the stand-in NVML: {error}"),
    };
    assert!(
        output.status.success(),
        "`cc` failed to build {SOURCE} ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    library
}
