//! The gpu module against the stand-in NVML library in `testkit/nvml/fake_nvml.c`: real dlopen,
//! real NVML ABI, fixed values, no GPU needed. Needs a C compiler (`cc`).

use std::process::Command;

use cyberbrain_agent::gpu::{collect_gpu_report, probe};
use cyberbrain_tasks::{GpuProcess, GpuProcessKind, GpuReportParams, GpuReportResult, SampleStats};
use cyberbrain_testkit::nvml::{env, values};

/// Read by the stand-in on every process query: the PID of its one compute process.
const PROCESS_PID_VARIABLE: &str = env::PROCESS_PID;

/// A short window keeps the tests quick and still takes more than one sample.
const WINDOW: GpuReportParams = GpuReportParams {
    sample_window_ms: 250,
};

/// The same value at min, mean and max: the stand-in's readings do not change.
fn steady(value: f64) -> Option<SampleStats> {
    Some(SampleStats {
        min: value,
        mean: value,
        max: value,
    })
}

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

/// Every value the stand-in reports. Runs as is, and again in child processes with the stand-in's
/// environment switches set (changing this process's environment would need `unsafe`
/// `std::env::set_var`): `FAKE_NVML_PROCESS_PID` by
/// `report_lists_the_process_named_by_the_environment`, `FAKE_NVML_NOT_SUPPORTED` by
/// `unsupported_queries_become_none_and_the_report_succeeds`.
#[test]
fn report_reads_every_value_from_the_stub() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = cyberbrain_testkit::nvml::build(dir.path());

    let report = collect_gpu_report(Some(&library), &WINDOW);

    if std::env::var(env::NOT_SUPPORTED).is_ok_and(|v| v == "1") {
        check_unsupported_fields_are_none(&report);
        return;
    }
    let expected_processes: Vec<GpuProcess> = stub_process_pid()
        .map(|pid| GpuProcess {
            pid,
            used_memory_bytes: Some(GIB),
            ..GpuProcess::default()
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
    assert_eq!(gpu.pci_bus_id.as_deref(), Some(values::PCI_BUS_ID));
    assert_eq!(
        gpu.temperature_slowdown_celsius,
        Some(values::TEMPERATURE_SLOWDOWN)
    );
    assert_eq!(gpu.clock_sm_mhz, Some(values::CLOCK_SM_MHZ));
    assert_eq!(gpu.clock_memory_mhz, Some(values::CLOCK_MEMORY_MHZ));
    assert_eq!(gpu.fan_speed_percent, Some(values::FAN_SPEED_PERCENT));
    assert_eq!(gpu.ecc_enabled, Some(true));
    assert_eq!(gpu.ecc_errors_corrected, Some(values::ECC_CORRECTED));
    assert_eq!(gpu.ecc_errors_uncorrected, Some(values::ECC_UNCORRECTED));
    assert_eq!(
        gpu.throttle_reasons,
        Some(vec![values::THROTTLE_REASON.to_string()])
    );
    assert!(gpu.is_throttled());
    assert_eq!(gpu.mig_enabled, Some(values::MIG_ENABLED));
    assert_eq!(report.sample_window_ms, WINDOW.sample_window_ms);
    assert!(report.samples >= 2, "{} samples", report.samples);
    assert_eq!(gpu.utilization_gpu_sampled, steady(37.0));
    assert_eq!(gpu.memory_used_bytes_sampled, steady((5 * GIB) as f64));
    assert_eq!(gpu.temperature_celsius_sampled, steady(61.0));
    assert_eq!(gpu.power_draw_milliwatts_sampled, steady(123_456.0));
    assert_eq!(gpu.processes, expected_processes);
}

/// With `FAKE_NVML_NOT_SUPPORTED=1` the optional queries fail with NOT_SUPPORTED: those fields
/// are `None`, the rest are read, and the report is still available.
fn check_unsupported_fields_are_none(report: &GpuReportResult) {
    assert!(report.available, "{}", report.unavailable_reason);
    let gpu = &report.gpus[0];
    assert_eq!(gpu.name, values::NAME);
    assert_eq!(gpu.memory_used_bytes, Some(values::MEMORY_USED));
    assert_eq!(gpu.temperature_celsius, Some(values::TEMPERATURE));
    assert_eq!(gpu.pci_bus_id.as_deref(), Some(values::PCI_BUS_ID));
    assert_eq!(gpu.power_draw_milliwatts, None);
    assert_eq!(gpu.power_draw_milliwatts_sampled, None);
    assert_eq!(gpu.temperature_slowdown_celsius, None);
    assert_eq!(gpu.clock_sm_mhz, None);
    assert_eq!(gpu.clock_memory_mhz, None);
    assert_eq!(gpu.fan_speed_percent, None);
    assert_eq!(gpu.ecc_enabled, None);
    assert_eq!(gpu.ecc_errors_corrected, None);
    assert_eq!(gpu.ecc_errors_uncorrected, None);
    assert_eq!(gpu.throttle_reasons, None);
    assert!(!gpu.is_throttled());
    assert_eq!(gpu.mig_enabled, None);
    assert_eq!(gpu.utilization_gpu_sampled, steady(37.0));
}

/// Reruns `report_reads_every_value_from_the_stub` in a child process with `variables` set.
fn rerun_report_test_with(variables: &[(&str, &str)]) {
    let test_name = "report_reads_every_value_from_the_stub";
    let output = Command::new(std::env::current_exe().expect("test binary path"))
        .args([test_name, "--exact", "--test-threads=1", "--nocapture"])
        .envs(variables.iter().copied())
        .output()
        .expect("rerun the test binary");
    let stdout = String::from_utf8_lossy(&output.stdout);
    // libtest exits 0 when the filter matches nothing, so check the test did run.
    assert!(
        output.status.success() && stdout.contains(&format!("test {test_name} ... ok")),
        "{test_name} with {variables:?} failed ({}):\n{stdout}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn unsupported_queries_become_none_and_the_report_succeeds() {
    rerun_report_test_with(&[(env::NOT_SUPPORTED, "1")]);
}

#[test]
fn graphics_processes_are_listed_after_compute_ones() {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = cyberbrain_testkit::nvml::build(dir.path());
    // The stand-in reads its environment; this test binary's own environment is left alone, so
    // the list is checked through a child that prints nothing but the test outcome.
    if std::env::var(env::GRAPHICS_PID).is_err() {
        let output = Command::new(std::env::current_exe().expect("test binary path"))
            .args([
                "graphics_processes_are_listed_after_compute_ones",
                "--exact",
                "--test-threads=1",
            ])
            .env(env::PROCESS_PID, "11,12")
            .env(env::GRAPHICS_PID, "13")
            .output()
            .expect("rerun the test binary");
        assert!(
            output.status.success()
                && String::from_utf8_lossy(&output.stdout)
                    .contains("graphics_processes_are_listed_after_compute_ones ... ok"),
            "{}",
            String::from_utf8_lossy(&output.stdout)
        );
        return;
    }
    let report = collect_gpu_report(Some(&library), &WINDOW);
    let listed: Vec<_> = report.gpus[0]
        .processes
        .iter()
        .map(|p| (p.pid, p.used_memory_bytes, p.kind))
        .collect();
    assert_eq!(
        listed,
        vec![
            (11, Some(values::process_memory(0)), GpuProcessKind::Compute),
            (12, Some(values::process_memory(1)), GpuProcessKind::Compute),
            (
                13,
                Some(values::process_memory(0)),
                GpuProcessKind::Graphics
            ),
        ]
    );
}

#[test]
fn report_lists_the_process_named_by_the_environment() {
    let child_pid = std::process::id().to_string();
    for pid_variable in [child_pid.as_str(), "not-a-pid"] {
        rerun_report_test_with(&[(PROCESS_PID_VARIABLE, pid_variable)]);
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

    let report = collect_gpu_report(Some(&missing), &WINDOW);
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
