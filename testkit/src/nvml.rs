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
