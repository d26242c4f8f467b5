//! GPU processes attributed to containers on the real kernel: the stand-in NVML reports the host
//! PIDs of real containers (and of this test), the real agent reads their `/proc/<pid>/cgroup` and
//! asks the real Docker engine, and the real controller stores the report.

use cyberbrain_testkit::checks::launch_and_watch;
use cyberbrain_testkit::docker::{Sandbox, docker_cli, test_image};
use cyberbrain_testkit::nvml::{self, env};
use cyberbrain_testkit::process::{AgentProcess, ControllerProcess, Pki, cbctl_ok};
use cyberbrain_testkit::{temp_dir, wait_for};
use serde_json::Value;

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

fn agents_online(pki: &Pki, controller: &ControllerProcess, names: &[&str]) -> bool {
    let listed = json(&cbctl_ok(pki, controller, &["agent", "list", "-o", "json"]));
    names.iter().all(|name| {
        listed.as_array().is_some_and(|agents| {
            agents
                .iter()
                .any(|a| a["name"] == *name && a["state"] == "online")
        })
    })
}

fn gpu_of<'a>(report: &'a Value, agent: &str) -> &'a Value {
    report["gpu"]
        .as_array()
        .and_then(|hosts| hosts.iter().find(|h| h["agent"] == agent))
        .map(|host| &host["gpus"][0])
        .unwrap_or_else(|| panic!("no gpu entry for {agent} in {report}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn gpu_processes_are_attributed_to_containers_within_the_allowlist() {
    let dir = temp_dir("gpu-attr");
    let pki = Pki::init(&dir.path().join("certs"), &["gpu-a", "gpu-b"]);
    let nvml_library = nvml::build(dir.path());
    let nvml_flag = nvml_library.display().to_string();

    let mut docker = Sandbox::default();
    let trainer = docker.run("trainer", &[], "sleep 3600");
    let private = docker.run("private", &[], "sleep 3600");
    let host_pid = |name: &str| docker_cli(&["inspect", "-f", "{{.State.Pid}}", name]);
    let full_id = |name: &str| docker_cli(&["inspect", "-f", "{{.Id}}", name]);
    let (trainer_pid, private_pid) = (host_pid(&trainer), host_pid(&private));
    let test_pid = std::process::id().to_string();
    let pids = format!("{trainer_pid},{private_pid},{test_pid}");

    let controller = ControllerProcess::start(dir.path(), &pki);
    let _a = AgentProcess::start_with_env(
        dir.path(),
        &pki,
        "gpu-a",
        &controller,
        &["--nvml-library", &nvml_flag],
        &[(env::PROCESS_PID, &pids)],
    );
    let _b = AgentProcess::start_with_env(
        dir.path(),
        &pki,
        "gpu-b",
        &controller,
        &["--nvml-library", &nvml_flag],
        &[(env::NOT_SUPPORTED, "1")],
    );
    wait_for("both agents online", || {
        agents_online(&pki, &controller, &["gpu-a", "gpu-b"])
    });
    cbctl_ok(&pki, &controller, &["allowlist", "add", &trainer]);

    let run_id = launch_and_watch(
        &pki,
        &controller,
        &["--task", "gpu_report:window_ms=200", "--all"],
    );
    let report = json(&cbctl_ok(
        &pki,
        &controller,
        &["run", "report", &run_id, "--format", "json"],
    ));
    assert_eq!(report["status"], "succeeded", "{report}");

    // gpu-a: the allowlisted container by name and image, the other by short id only, and this
    // test's own process as a host process.
    let processes = gpu_of(&report, "gpu-a")["processes"]
        .as_array()
        .cloned()
        .expect("processes");
    assert_eq!(processes.len(), 3, "{processes:#?}");
    let trainer_process = &processes[0];
    assert_eq!(trainer_process["pid"].to_string(), trainer_pid);
    assert_eq!(trainer_process["owner"], "container");
    assert_eq!(trainer_process["container_name"], trainer.as_str());
    assert_eq!(trainer_process["container_image"], test_image());
    assert_eq!(trainer_process["container_id"], full_id(&trainer).as_str());
    assert_eq!(
        trainer_process["used_memory_bytes"],
        nvml::values::process_memory(0)
    );

    let private_process = &processes[1];
    assert_eq!(private_process["owner"], "container");
    assert_eq!(
        private_process["container_id"],
        &full_id(&private)[..12],
        "only the short id of a container outside the allowlist"
    );
    assert_eq!(private_process["container_name"], "");
    assert_eq!(private_process["container_image"], "");
    assert_eq!(
        private_process["used_memory_bytes"],
        nvml::values::process_memory(1)
    );

    let host_process = &processes[2];
    assert_eq!(host_process["pid"].to_string(), test_pid);
    assert_eq!(host_process["owner"], "host");
    assert_eq!(host_process["container_id"], "");

    let report_text = report.to_string();
    assert!(
        !report_text.contains(&private),
        "the name of a container outside the allowlist leaked: {report_text}"
    );

    // gpu-b: the stand-in says NOT_SUPPORTED for the optional queries; the job still succeeds and
    // the fields are null in JSON and n/a in Markdown.
    let gpu_b = gpu_of(&report, "gpu-b");
    for field in [
        "power_draw_milliwatts",
        "temperature_slowdown_celsius",
        "clock_sm_mhz",
        "fan_speed_percent",
        "ecc_enabled",
        "throttle_reasons",
        "mig_enabled",
        "power_draw_milliwatts_sampled",
    ] {
        assert!(gpu_b[field].is_null(), "{field} should be null: {gpu_b}");
    }
    assert_eq!(gpu_b["name"], nvml::values::NAME);
    assert_eq!(gpu_b["utilization_gpu_sampled"]["max"], 37.0);
    let markdown = cbctl_ok(&pki, &controller, &["run", "report", &run_id]);
    assert!(markdown.contains("| n/a | n/a | n/a | n/a |"), "{markdown}");
    assert!(
        markdown.contains("sw_power_cap"),
        "gpu-a's throttle reason: {markdown}"
    );
}
