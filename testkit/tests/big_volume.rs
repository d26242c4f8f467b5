//! Big log volumes (issue #22): a container that logs more than `log_triage` can read before the
//! job's deadline yields the digest of what was read, marked partial, not a failed job; and the
//! benchmark of 1,000,000 lines of 200,000 distinct messages through the agent (ignored by
//! default, run against the release binaries: see BENCHMARKS.md, "Big log volumes").

use std::process::Command;
use std::time::{Duration, Instant};

use cyberbrain_testkit::checks::{json, launch_and_watch, wait_agents_online};
use cyberbrain_testkit::docker::Sandbox;
use cyberbrain_testkit::process::{AgentProcess, ControllerProcess, Pki, cbctl_ok};
use cyberbrain_testkit::temp_dir;
use serde_json::Value;

/// Waits until the container's last log line is `DONE` (it prints it after its flood), for up to
/// `within`: writing a million lines takes the engine a while.
fn wait_until_done(container: &str, within: Duration) {
    let started = Instant::now();
    loop {
        let output = Command::new("docker")
            .args(["logs", "--tail", "1", container])
            .output()
            .expect("the docker CLI runs");
        if String::from_utf8_lossy(&output.stdout).trim() == "DONE" {
            return;
        }
        assert!(
            started.elapsed() < within,
            "{container} did not finish writing within {within:?}"
        );
        std::thread::sleep(Duration::from_millis(250));
    }
}

/// The log_triage digest of `container` in the JSON report of `run_id`.
fn digest_of(pki: &Pki, controller: &ControllerProcess, run_id: &str, container: &str) -> Value {
    let report = json(&cbctl_ok(
        pki,
        controller,
        &["run", "report", run_id, "--format", "json"],
    ));
    report["log_triage"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|host| host["containers"].as_array().cloned().unwrap_or_default())
        .find(|c| c["name"] == container)
        .unwrap_or_else(|| panic!("no digest of {container} in {report}"))
}

/// Peak resident set size (VmHWM) of process `pid`, in KiB.
fn peak_rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_log_too_big_for_the_deadline_gives_a_partial_digest() {
    let dir = temp_dir("big-volume");
    let pki = Pki::init(&dir.path().join("certs"), &["flood"]);
    let mut docker = Sandbox::default();
    let noisy = docker.run(
        "noisy",
        &["--log-driver", "json-file", "--log-opt", "max-size=1g"],
        "yes 'ERROR upstream timed out' | head -n 1000000; echo DONE; sleep 3600",
    );
    wait_until_done(&noisy, Duration::from_secs(120));

    let controller = ControllerProcess::start(dir.path(), &pki);
    let agent = AgentProcess::start(
        dir.path(),
        &pki,
        "flood",
        &controller,
        &["--nvml-library", "/nonexistent/libnvidia-ml.so"],
    );
    wait_agents_online(&pki, &controller, &["flood"], || agent.process.log_text());
    cbctl_ok(&pki, &controller, &["allowlist", "add", &noisy]);
    // One second is far too short for a million lines: the job must still succeed, with what it
    // read.
    let run_id = launch_and_watch(
        &pki,
        &controller,
        &[
            "--task",
            "log_triage:tail=1000000,deadline=1,attempts=1",
            "--all",
        ],
    );
    let digest = digest_of(&pki, &controller, &run_id, &noisy);
    assert_eq!(digest["partial"], true, "{digest}");
    let lines = digest["lines"].as_u64().expect("lines");
    assert!(lines > 0 && lines < 1_000_001, "{digest}");
    assert_eq!(digest["error_lines"].as_u64(), Some(lines), "{digest}");
    let millis = digest["read_millis"].as_u64().expect("read_millis");
    assert!(millis < 1000, "{digest}");

    let markdown = cbctl_ok(&pki, &controller, &["run", "report", &run_id]);
    let seconds = format!("{:.1}s", millis as f64 / 1000.0);
    assert!(
        markdown.contains(&format!("partial: {lines} lines read in {seconds}")),
        "{markdown}"
    );
}

/// The awk program that prints `LINES` lines cycling over `DISTINCT` messages that are each their
/// own template (the same as `logmine-bench --distinct`, see `distinct_message` there).
fn distinct_messages_script(lines: u64, distinct: u64) -> String {
    format!(
        "busybox awk 'function w(j,s){{s=\"\";j+=676;while(j>0){{s=s sprintf(\"%c\",97+j%26);j=int(j/26)}};return s}} \
         BEGIN{{split(\"15013 15017 15031 15053 15061 15073 15077\",P,\" \");\
         for(n=0;n<{lines};n++){{i=n%{distinct};m=\"INFO\";for(p=0;p<3+i%5;p++)m=m\" \"w((i*(p*7+3))%P[p+1]);print m}}}}'; \
         echo DONE; sleep 3600"
    )
}

/// 1,000,000 lines of 200,000 distinct messages from a real container through the agent, timed
/// from the job's `read_millis`, against reading the same log with `docker logs` in this process.
/// Prints one JSON object. Run it against release binaries (BENCHMARKS.md says how).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a benchmark: minutes of CPU; run with --ignored against release binaries"]
async fn benchmark_a_million_lines_of_distinct_messages() {
    const LINES: u64 = 1_000_000;
    const DISTINCT: u64 = 200_000;
    let dir = temp_dir("big-volume-bench");
    let pki = Pki::init(&dir.path().join("certs"), &["bench"]);
    let mut docker = Sandbox::default();
    // The engine may rotate logs at a few megabytes (this one keeps 3 × 10 MB): the million
    // lines (about 100 MB as JSON) must all stay readable.
    let chatty = docker.run(
        "distinct",
        &["--log-driver", "json-file", "--log-opt", "max-size=1g"],
        &distinct_messages_script(LINES, DISTINCT),
    );
    wait_until_done(&chatty, Duration::from_secs(600));

    // The baseline: the same log read whole by the docker CLI, lines counted.
    let started = Instant::now();
    let output = Command::new("docker")
        .args([
            "logs",
            "--timestamps",
            "--tail",
            &LINES.to_string(),
            &chatty,
        ])
        .output()
        .expect("the docker CLI runs");
    let baseline_seconds = started.elapsed().as_secs_f64();
    let baseline_lines = output.stdout.iter().filter(|&&b| b == b'\n').count() as u64;
    drop(output);

    let controller = ControllerProcess::start(dir.path(), &pki);
    let agent = AgentProcess::start(
        dir.path(),
        &pki,
        "bench",
        &controller,
        &["--nvml-library", "/nonexistent/libnvidia-ml.so"],
    );
    wait_agents_online(&pki, &controller, &["bench"], || agent.process.log_text());
    cbctl_ok(&pki, &controller, &["allowlist", "add", &chatty]);
    let rss_before = peak_rss_kib(agent.process.id());
    let started = Instant::now();
    let run_id = launch_and_watch(
        &pki,
        &controller,
        &[
            "--task",
            "log_triage:tail=1000000,deadline=3600,attempts=1,top=20",
            "--all",
        ],
    );
    let run_seconds = started.elapsed().as_secs_f64();
    let rss_after = peak_rss_kib(agent.process.id());
    let digest = digest_of(&pki, &controller, &run_id, &chatty);
    let lines = digest["lines"].as_u64().expect("lines");
    let read_seconds = digest["read_millis"].as_u64().expect("read_millis") as f64 / 1000.0;
    let agent_rate = lines as f64 / read_seconds;
    let baseline_rate = baseline_lines as f64 / baseline_seconds;
    let result = serde_json::json!({
        "lines": lines,
        "partial": digest["partial"],
        "distinct_templates": digest["distinct_templates"],
        "distinct_templates_estimated": digest["distinct_templates_estimated"],
        "agent_read_seconds": read_seconds,
        "agent_lines_per_sec": agent_rate,
        "run_seconds_launch_to_done": run_seconds,
        "agent_peak_rss_kib_before": rss_before,
        "agent_peak_rss_kib_after": rss_after,
        "baseline_docker_logs_lines": baseline_lines,
        "baseline_docker_logs_seconds": baseline_seconds,
        "baseline_docker_logs_lines_per_sec": baseline_rate,
        "agent_vs_docker_logs": agent_rate / baseline_rate,
    });
    println!("{result}");
    // The last million lines: the messages but the first, and the container's `DONE`.
    assert_eq!(lines, LINES, "{result}");
    assert_eq!(digest["partial"], false, "{result}");
}
