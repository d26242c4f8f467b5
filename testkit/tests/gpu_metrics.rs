//! The agent's GPU gauges on `/metrics`, end to end: real agents load the stand-in NVML (or fail
//! to), read it in the background every second, attribute its processes to real containers
//! through `/proc` and the real Docker engine, and serve the last reading over HTTP under
//! dcgm-exporter's names. A host without NVML exports `cyberbrain_gpu_available 0`, and its
//! `gpu_report` reads "NVML unavailable" in the run's report.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use cyberbrain_testkit::checks::{json, launch_and_watch, wait_agents_online};
use cyberbrain_testkit::docker::{Sandbox, docker_cli};
use cyberbrain_testkit::http;
use cyberbrain_testkit::nvml::{self, env, values};
use cyberbrain_testkit::process::{AgentProcess, ControllerProcess, Pki, cbctl_ok};
use cyberbrain_testkit::prom::Exposition;
use cyberbrain_testkit::{temp_dir, wait_for_or, workspace_root};

/// The labels dcgm-exporter puts on a GPU's series, for the stand-in's GPU on `hostname`.
fn gpu_labels(hostname: &str) -> [(&'static str, &str); 5] {
    [
        ("gpu", "0"),
        ("UUID", values::UUID),
        ("modelName", values::NAME),
        ("Hostname", hostname),
        ("pci_bus_id", values::PCI_BUS_ID),
    ]
}

/// The `DCGM_FI_*` and `cyberbrain_gpu*` names in `deploy/grafana/cyberbrain-gpu.json`'s queries.
fn dashboard_metric_names() -> BTreeSet<String> {
    let path = workspace_root().join("deploy/grafana/cyberbrain-gpu.json");
    let dashboard: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the GPU dashboard"))
            .expect("the GPU dashboard is JSON");
    let mut names = BTreeSet::new();
    for panel in dashboard["panels"].as_array().expect("panels") {
        for target in panel["targets"].as_array().expect("targets") {
            let expr = target["expr"].as_str().expect("a query");
            let words = expr.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'));
            names.extend(
                words
                    .filter(|w| w.starts_with("DCGM_FI_") || w.starts_with("cyberbrain_gpu"))
                    .map(str::to_string),
            );
        }
    }
    assert!(names.len() >= 10, "{names:?}");
    names
}

#[test]
fn gpu_gauges_follow_nvml_and_name_allowlisted_containers() {
    let dir = temp_dir("gpu-metrics");
    let pki = Pki::init(&dir.path().join("certs"), &["gpu-metrics", "no-nvml"]);
    let library = nvml::build(dir.path());
    let library_flag = library.display().to_string();
    let absent = dir.path().join("absent/libnvidia-ml.so.1");
    let absent_flag = absent.display().to_string();

    let mut docker = Sandbox::default();
    let trainer = docker.run(
        "trainer",
        &["--label", "com.docker.compose.service=trainer-svc"],
        "sleep 3600",
    );
    let private = docker.run(
        "private",
        &["--label", "com.docker.compose.service=private-svc"],
        "sleep 3600",
    );
    let host_pid = |name: &str| docker_cli(&["inspect", "-f", "{{.State.Pid}}", name]);
    let short_id = |name: &str| docker_cli(&["inspect", "-f", "{{.Id}}", name])[..12].to_string();
    let (trainer_pid, private_pid) = (host_pid(&trainer), host_pid(&private));

    let controller = ControllerProcess::start(dir.path(), &pki);
    // Before the agents attach, so their welcome carries it.
    cbctl_ok(&pki, &controller, &["allowlist", "add", &trainer]);
    let pids = format!("{trainer_pid},{private_pid}");
    let agent = AgentProcess::start_with_env(
        dir.path(),
        &pki,
        "gpu-metrics",
        &controller,
        &[
            "--nvml-library",
            &library_flag,
            "--gpu-metrics-interval",
            "1s",
        ],
        &[(env::PROCESS_PID, &pids)],
    );
    let without = AgentProcess::start(
        dir.path(),
        &pki,
        "no-nvml",
        &controller,
        &[
            "--nvml-library",
            &absent_flag,
            "--gpu-metrics-interval",
            "1s",
        ],
    );
    wait_agents_online(&pki, &controller, &["gpu-metrics", "no-nvml"], || {
        format!(
            "{}\n{}",
            agent.process.log_text(),
            without.process.log_text()
        )
    });

    // The trainer's name appears once the welcome's allowlist is in and a reading followed.
    let addr = agent.http();
    let mut metrics = Exposition::default();
    wait_for_or(
        "the trainer's GPU memory under its container name",
        || {
            metrics = http::metrics(addr);
            metrics.sum(
                "cyberbrain_gpu_process_memory_bytes",
                &[("container", trainer.as_str())],
            ) > 0.0
        },
        || agent.process.log_text(),
    );
    let gpu = gpu_labels("host-gpu-metrics");
    assert_eq!(metrics.value("cyberbrain_gpu_available", &[]), Some(1.0));
    for (name, value) in [
        ("DCGM_FI_DEV_GPU_UTIL", f64::from(values::UTILIZATION_GPU)),
        (
            "DCGM_FI_DEV_MEM_COPY_UTIL",
            f64::from(values::UTILIZATION_MEMORY),
        ),
        ("DCGM_FI_DEV_FB_USED", (values::MEMORY_USED >> 20) as f64),
        ("DCGM_FI_DEV_FB_TOTAL", (values::MEMORY_TOTAL >> 20) as f64),
        (
            "DCGM_FI_DEV_FB_FREE",
            ((values::MEMORY_TOTAL - values::MEMORY_USED) >> 20) as f64,
        ),
        ("DCGM_FI_DEV_GPU_TEMP", f64::from(values::TEMPERATURE)),
        (
            "DCGM_FI_DEV_SLOWDOWN_TEMP",
            f64::from(values::TEMPERATURE_SLOWDOWN),
        ),
        ("DCGM_FI_DEV_POWER_USAGE", 123.456),
        ("DCGM_FI_DEV_ENFORCED_POWER_LIMIT", 300.0),
        ("DCGM_FI_DEV_SM_CLOCK", f64::from(values::CLOCK_SM_MHZ)),
        ("DCGM_FI_DEV_MEM_CLOCK", f64::from(values::CLOCK_MEMORY_MHZ)),
        (
            "DCGM_FI_DEV_FAN_SPEED",
            f64::from(values::FAN_SPEED_PERCENT),
        ),
        (
            "DCGM_FI_DEV_ECC_SBE_VOL_TOTAL",
            values::ECC_CORRECTED as f64,
        ),
        (
            "DCGM_FI_DEV_ECC_DBE_VOL_TOTAL",
            values::ECC_UNCORRECTED as f64,
        ),
        // NVML's SW_POWER_CAP bit.
        ("DCGM_FI_DEV_CLOCK_THROTTLE_REASONS", 4.0),
        ("DCGM_FI_DEV_ECC_CURRENT", 1.0),
        ("DCGM_FI_DEV_MIG_MODE", 0.0),
        ("cyberbrain_gpu_processes", 2.0),
    ] {
        assert_eq!(metrics.value(name, &gpu), Some(value), "{name}");
    }
    let mut throttled = gpu.to_vec();
    throttled.push(("reason", values::THROTTLE_REASON));
    assert_eq!(
        metrics.value("cyberbrain_gpu_throttle_reason", &throttled),
        Some(1.0)
    );
    assert_eq!(
        metrics.value(
            "cyberbrain_gpu_driver_info",
            &[
                ("driver_version", values::DRIVER_VERSION),
                ("Hostname", "host-gpu-metrics")
            ]
        ),
        Some(1.0)
    );

    // The allowlisted container by name and Compose service; the other by short id only.
    let process = |pid: &str, name: &str, service: &str, id: &str| {
        metrics.value(
            "cyberbrain_gpu_process_memory_bytes",
            &[
                ("gpu", "0"),
                ("UUID", values::UUID),
                ("Hostname", "host-gpu-metrics"),
                ("pid", pid),
                ("owner", "container"),
                ("container", name),
                ("compose_service", service),
                ("container_id", id),
            ],
        )
    };
    assert_eq!(
        process(&trainer_pid, &trainer, "trainer-svc", &short_id(&trainer)),
        Some(values::process_memory(0) as f64)
    );
    assert_eq!(
        process(&private_pid, "", "", &short_id(&private)),
        Some(values::process_memory(1) as f64)
    );
    // Every metric the GPU dashboard queries is one the agent exports.
    let exported = metrics.names();
    let missing: Vec<String> = dashboard_metric_names()
        .into_iter()
        .filter(|name| !exported.contains(name))
        .collect();
    assert!(missing.is_empty(), "the GPU dashboard queries {missing:?}");
    let text = http::get(addr, "/metrics").expect("metrics").1;
    assert!(
        !text.contains(&private) && !text.contains("private-svc"),
        "a container outside the allowlist is named: {text}"
    );

    // Read over time, not once: the reading's timestamp moves on.
    let first = metrics
        .value("cyberbrain_gpu_sample_timestamp_seconds", &[])
        .expect("a timestamp");
    wait_for_or(
        "a newer reading",
        || {
            http::metrics(addr)
                .value("cyberbrain_gpu_sample_timestamp_seconds", &[])
                .is_some_and(|t| t > first)
        },
        || agent.process.log_text(),
    );

    // No NVML: available 0, no GPU gauge.
    let without_addr = without.http();
    let mut bare = Exposition::default();
    wait_for_or(
        "the host without NVML to report its first reading",
        || {
            bare = http::metrics(without_addr);
            bare.value("cyberbrain_gpu_available", &[]).is_some()
        },
        || without.process.log_text(),
    );
    assert_eq!(bare.value("cyberbrain_gpu_available", &[]), Some(0.0));
    assert!(
        !bare.names().iter().any(|n| n.starts_with("DCGM_")),
        "{:?}",
        bare.names()
    );

    // Its gpu_report says so in the report, in Markdown and JSON.
    let run_id = launch_and_watch(
        &pki,
        &controller,
        &[
            "--task",
            "gpu_report:window_ms=200",
            "--agent",
            "gpu-metrics",
            "--agent",
            "no-nvml",
        ],
    );
    let markdown = cbctl_ok(&pki, &controller, &["run", "report", &run_id]);
    assert!(
        markdown.contains("**NVML unavailable on no-nvml**: could not load nvml library"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- NVML unavailable on no-nvml: "),
        "{markdown}"
    );
    assert!(markdown.contains("123.5 W / 300.0 W"), "{markdown}");
    let report = json(&cbctl_ok(
        &pki,
        &controller,
        &["run", "report", &run_id, "--format", "json"],
    ));
    let unavailable = &report["gpu_fleet"]["unavailable"];
    assert_eq!(unavailable[0]["agent"], "no-nvml", "{report}");
    assert_eq!(unavailable.as_array().map(Vec::len), Some(1), "{report}");
    // The report's processes carry the Compose service too, within the allowlist.
    let processes = report["gpu"]
        .as_array()
        .and_then(|hosts| hosts.iter().find(|h| h["agent"] == "gpu-metrics"))
        .map(|host| host["gpus"][0]["processes"].clone())
        .expect("gpu-metrics' GPU");
    assert_eq!(
        processes[0]["compose_service"], "trainer-svc",
        "{processes}"
    );
    assert_eq!(processes[1]["compose_service"], "", "{processes}");
}

/// A reading that takes seconds (the stand-in sleeps in every utilisation query) holds up no
/// scrape: `/metrics` answers from the last reading while the next one runs.
#[test]
fn a_slow_nvml_never_holds_up_a_scrape() {
    const DELAY: Duration = Duration::from_secs(4);
    let dir = temp_dir("gpu-metrics-slow");
    let pki = Pki::init(&dir.path().join("certs"), &["slow-nvml"]);
    let library = nvml::build(dir.path());
    let library_flag = library.display().to_string();
    let delay_ms = DELAY.as_millis().to_string();
    // No controller: the metrics endpoint serves while the agent is not attached too.
    let agent = AgentProcess::start_with(
        dir.path(),
        &pki,
        "slow-nvml",
        &["https://127.0.0.1:9"],
        &[
            "--nvml-library",
            &library_flag,
            "--gpu-metrics-interval",
            "1s",
        ],
        &[("FAKE_NVML_UTILIZATION_DELAY_MS", &delay_ms)],
    );
    let addr = agent.http();
    let mut slowest = Duration::ZERO;
    let mut readings = 0;
    let started = Instant::now();
    // Scrapes across two readings: the first (no GPU gauge yet) and the second.
    wait_for_or(
        "two slow readings",
        || {
            let asked = Instant::now();
            let metrics = http::metrics(addr);
            slowest = slowest.max(asked.elapsed());
            if let Some(took) = metrics.value("cyberbrain_gpu_sample_duration_seconds", &[]) {
                assert!(took >= DELAY.as_secs_f64(), "{took}");
                assert_eq!(
                    metrics.value("DCGM_FI_DEV_GPU_UTIL", &gpu_labels("host-slow-nvml")),
                    Some(f64::from(values::UTILIZATION_GPU))
                );
                readings += 1;
            }
            // Readings are 4 s apart at least: scraping for 10 s sees one in progress.
            readings > 0 && started.elapsed() >= DELAY * 5 / 2
        },
        || agent.process.log_text(),
    );
    assert!(
        slowest < DELAY / 2,
        "a scrape took {slowest:?} while NVML took {DELAY:?}"
    );
}
