//! The gpu module against the stand-in NVML library in `testkit/nvml/fake_nvml.c`: real dlopen,
//! real NVML ABI, fixed values, no GPU needed. Needs a C compiler (`cc`).

use std::process::Command;

use cyberbrain_agent::gpu::{collect_gpu_report, probe};
use cyberbrain_tasks::{GpuProcess, GpuReportResult};

/// Read by the stand-in on every process query: the PID of its one compute process.
const PROCESS_PID_VARIABLE: &str = "FAKE_NVML_PROCESS_PID";

const GIB: u64 = 1024 * 1024 * 1024;

/// The PID the stand-in will report, by the same rule as its C parser: a plain decimal in
/// 1..=u32::MAX, anything else meaning no process.
fn stub_process_pid() -> Option<u32> {
    let text = std::env::var(PROCESS_PID_VARIABLE).ok()?;
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse::<u32>().ok().filter(|pid| *pid != 0)
}

/// Every value the stand-in reports. Runs as is, and again in a child process with
/// `FAKE_NVML_PROCESS_PID` set by `report_lists_the_process_named_by_the_environment`.
#[test]
fn report_reads_every_value_from_the_stub() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = cyberbrain_testkit::nvml::build(dir.path());

    let report = collect_gpu_report(Some(&library));

    let expected_processes: Vec<GpuProcess> = stub_process_pid()
        .map(|pid| GpuProcess {
            pid,
            used_memory_bytes: Some(GIB),
            container_id: String::new(),
            container_name: String::new(),
        })
        .into_iter()
        .collect();
    assert!(
        report.available,
        "unavailable: {}",
        report.unavailable_reason
    );
    assert_eq!(report.unavailable_reason, "");
    assert_eq!(report.driver_version, "555.42.06");
    assert_eq!(report.cuda_version, "12.4");
    assert_eq!(report.gpus.len(), 1, "{report:#?}");
    let gpu = &report.gpus[0];
    assert_eq!(gpu.index, 0);
    assert_eq!(gpu.name, "Cyberbrain Stand-in GPU");
    assert_eq!(gpu.uuid, "GPU-00000000-0000-0000-0000-00000000c0de");
    assert_eq!(gpu.utilization_gpu_percent, Some(37));
    assert_eq!(gpu.utilization_memory_percent, Some(21));
    assert_eq!(gpu.memory_used_bytes, Some(5 * GIB));
    assert_eq!(gpu.memory_total_bytes, Some(16 * GIB));
    assert_eq!(gpu.temperature_celsius, Some(61));
    assert_eq!(gpu.power_draw_milliwatts, Some(123_456));
    assert_eq!(gpu.power_limit_milliwatts, Some(300_000));
    assert_eq!(gpu.processes, expected_processes);
}

/// The stand-in reads its process from the environment, and changing this process's environment
/// needs `unsafe` (`std::env::set_var`), so the test above is rerun in a child with it set.
#[test]
fn report_lists_the_process_named_by_the_environment() {
    let child_pid = std::process::id().to_string();
    for pid_variable in [child_pid.as_str(), "not-a-pid"] {
        let test_name = "report_reads_every_value_from_the_stub";
        let output = Command::new(std::env::current_exe().expect("test binary path"))
            .args([test_name, "--exact", "--test-threads=1", "--nocapture"])
            .env(PROCESS_PID_VARIABLE, pid_variable)
            .output()
            .expect("rerun the test binary");
        let stdout = String::from_utf8_lossy(&output.stdout);
        // libtest exits 0 when the filter matches nothing, so check the test did run.
        assert!(
            output.status.success() && stdout.contains(&format!("test {test_name} ... ok")),
            "{test_name} with {PROCESS_PID_VARIABLE}={pid_variable} failed ({}):\n{stdout}\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn probe_counts_the_stub_gpu() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = cyberbrain_testkit::nvml::build(dir.path());

    let probe = probe(Some(&library));

    assert!(probe.available, "unavailable: {}", probe.reason);
    assert_eq!(probe.gpu_count, 1);
    assert_eq!(probe.driver_version, "555.42.06");
    assert_eq!(probe.reason, "");
}

#[test]
fn missing_library_is_unavailable_with_a_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("no-such-libnvidia-ml.so");

    let report = collect_gpu_report(Some(&missing));
    let probe = probe(Some(&missing));

    let library = missing.display().to_string();
    assert_eq!(
        report,
        GpuReportResult {
            available: false,
            unavailable_reason: report.unavailable_reason.clone(),
            ..GpuReportResult::default()
        }
    );
    assert!(
        report.unavailable_reason.contains(&library) && !report.unavailable_reason.contains('\n'),
        "reason should name the library on one line: {:?}",
        report.unavailable_reason
    );
    assert!(!probe.available);
    assert_eq!(probe.gpu_count, 0);
    assert!(probe.reason.contains(&library), "{:?}", probe.reason);
}
