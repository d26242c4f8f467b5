//! Keeps the load harness working: both commands, a handful of agents, the debug binaries, a few
//! seconds. The figures themselves are measured by hand in release mode (see BENCHMARKS.md).

use std::process::Command;

use cyberbrain_testkit::process::binary;
use serde_json::Value;

/// Runs the bench with `args` against the debug controller and returns its JSON report.
fn bench(args: &[&str]) -> Value {
    let output = Command::new(env!("CARGO_BIN_EXE_cyberbrain-bench"))
        .args(args)
        .arg("--controller-binary")
        .arg(binary("cyberbrain-controller"))
        .args(["--heartbeat-seconds", "1"])
        .output()
        .expect("cyberbrain-bench runs");
    assert!(
        output.status.success(),
        "cyberbrain-bench {args:?} failed ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not one JSON object ({e}): {stdout}"))
}

#[test]
fn idle_reports_memory_and_cpu_of_the_attached_fleet() {
    let report = bench(&["idle", "--agents", "5", "--settle-seconds", "2"]);
    assert_eq!(report["command"], "idle");
    assert_eq!(report["agents"], 5);
    assert_eq!(report["attached_at_end"], 5);
    assert_eq!(report["dropped_streams"], 0);
    assert!(report["controller_rss_bytes"].as_u64().unwrap() > 0);
    assert!(report["controller_rss_per_agent_bytes"].is_u64());
    assert!(report["heartbeats_in_window"].as_u64().unwrap() >= 5);
    assert!(report["cpu"]["controller_cpu_percent"].is_f64());
    assert!(report["cpu"]["postgres_cpu_seconds"].is_f64());
    assert_eq!(report["load_average_before"].as_array().unwrap().len(), 3);
    assert!(report["machine"]["cpus"].as_u64().unwrap() >= 1);
}

#[test]
fn dispatch_reports_latency_and_throughput_of_every_job() {
    let report = bench(&["dispatch", "--agents", "5", "--runs", "3"]);
    assert_eq!(report["command"], "dispatch");
    assert_eq!(report["jobs"], 15);
    assert_eq!(report["succeeded_runs"], 3);
    assert_eq!(report["assigns_received"], 15);
    assert_eq!(report["acks_received"], 15);
    assert_eq!(report["missing_receipts"], 0);
    assert_eq!(report["extra_receipts"], 0);
    assert_eq!(report["launch_to_receipt_ms"]["count"], 15);
    assert_eq!(report["launch_to_finished_ms"]["count"], 3);
    for key in [
        "launch_to_receipt_ms",
        "launch_to_finished_ms",
        "launch_rpc_ms",
    ] {
        let p50 = report[key]["p50"].as_f64().unwrap();
        let p99 = report[key]["p99"].as_f64().unwrap();
        assert!(0.0 < p50 && p50 <= p99, "{key}: {}", report[key]);
    }
    assert!(report["jobs_per_second"].as_f64().unwrap() > 0.0);

    let one = bench(&[
        "dispatch",
        "--agents",
        "5",
        "--runs",
        "4",
        "--target",
        "one",
        "--concurrency",
        "2",
    ]);
    assert_eq!(one["jobs"], 4);
    assert_eq!(one["succeeded_runs"], 4);
    assert_eq!(one["missing_receipts"], 0);
}
