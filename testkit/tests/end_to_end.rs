//! End to end: the real controller (on its embedded PostgreSQL), two real agents, real containers on
//! the local Docker engine, and `cbctl`, all over real TLS on loopback.

use std::path::Path;
use std::time::Duration;

use cyberbrain_testkit::checks::{agents_online, client_connections, json};
use cyberbrain_testkit::docker::{Sandbox, wait_for_log_lines};
use cyberbrain_testkit::nvml;
use cyberbrain_testkit::pg::PgCluster;
use cyberbrain_testkit::process::{
    AgentProcess, ControllerOptions, ControllerProcess, Pki, binary, cbctl, cbctl_ok,
};
use cyberbrain_testkit::{temp_dir, wait_for, wait_for_or};
use serde_json::Value;

/// Lines of the allowlisted `web` container: 7 lines, 2 errors, 1 warning; the most repeated
/// message is "request N served" (3 times).
const WEB_SCRIPT: &str = "echo 'INFO server listening on port 8080'; \
    for i in 1 2 3; do echo \"INFO request $i served\"; done; \
    echo 'ERROR upstream timeout after 30s' >&2; echo 'ERROR upstream timeout after 31s' >&2; \
    echo 'WARN cache nearly full'; sleep 3600";
/// Lines of the allowlisted `worker` container (matched by a name glob): 6 lines, 2 errors.
const WORKER_SCRIPT: &str = "for i in 1 2 3 4; do echo \"INFO job $i done\"; done; \
    echo 'ERROR job 5 failed: disk full' >&2; echo 'ERROR job 6 failed: disk full' >&2; sleep 3600";

/// Every text column of every table, as one string.
async fn database_text(database_url: &str) -> String {
    let (client, connection) = tokio_postgres::connect(database_url, tokio_postgres::NoTls)
        .await
        .expect("the embedded database accepts the test");
    tokio::spawn(connection);
    let mut text = String::new();
    for table in [
        "directives",
        "agents",
        "runs",
        "jobs",
        "allowlist_entries",
        "artifacts",
    ] {
        let rows = client
            .query(&format!("SELECT t::text FROM {table} t"), &[])
            .await
            .expect("table dump");
        for row in rows {
            text.push_str(&row.get::<_, String>(0));
            text.push('\n');
        }
    }
    text
}

fn files_text(dir: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            text.push_str(&files_text(&path));
        } else {
            text.push_str(&String::from_utf8_lossy(
                &std::fs::read(&path).unwrap_or_default(),
            ));
        }
    }
    text
}

fn host<'a>(section: &'a Value, agent: &str) -> &'a Value {
    section
        .as_array()
        .and_then(|hosts| hosts.iter().find(|h| h["agent"] == agent))
        .unwrap_or_else(|| panic!("no entry for agent {agent} in {section}"))
}

fn container<'a>(host: &'a Value, name: &str) -> &'a Value {
    host["containers"]
        .as_array()
        .and_then(|cs| cs.iter().find(|c| c["name"] == name))
        .unwrap_or_else(|| panic!("no container {name} in {host}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_of_all_three_tasks_reports_real_data_from_two_agents() {
    let dir = temp_dir("e2e");
    let pki = Pki::init(&dir.path().join("certs"), &["alpha", "beta"]);
    let nvml_library = nvml::build(dir.path());
    let canary = format!("CANARY-{}", uuid::Uuid::new_v4());

    let mut docker = Sandbox::default();
    let web = docker.run(
        "web",
        &["--label", "com.docker.compose.project=shop"],
        WEB_SCRIPT,
    );
    let worker = docker.run("worker", &[], WORKER_SCRIPT);
    let secret = docker.run(
        "secret",
        &[],
        &format!("echo '{canary} password=hunter2'; echo '{canary} again'; sleep 3600"),
    );
    wait_for_log_lines(&web, 7);
    wait_for_log_lines(&worker, 6);
    wait_for_log_lines(&secret, 2);

    let controller = ControllerProcess::start(dir.path(), &pki);
    let nvml_flag = nvml_library.display().to_string();
    let _alpha = AgentProcess::start(
        dir.path(),
        &pki,
        "alpha",
        &controller,
        &["--label", "gpu=true", "--nvml-library", &nvml_flag],
    );
    let _beta = AgentProcess::start(
        dir.path(),
        &pki,
        "beta",
        &controller,
        &[
            "--label",
            "gpu=false",
            "--nvml-library",
            "/nonexistent/libnvidia-ml.so",
        ],
    );
    wait_for("both agents online", || {
        agents_online(&pki, &controller, &["alpha", "beta"])
    });

    cbctl_ok(
        &pki,
        &controller,
        &["allowlist", "add", &web, "--description", "the web tier"],
    );
    let worker_glob = format!("cb-test-{}-*-worker", std::process::id());
    cbctl_ok(
        &pki,
        &controller,
        &["allowlist", "add", &worker_glob, "--kind", "name-glob"],
    );
    cbctl_ok(
        &pki,
        &controller,
        &[
            "directive",
            "create",
            "e2e",
            "--task",
            "service_map",
            "--task",
            // A short sampling window keeps the run quick.
            "gpu_report:window_ms=200",
            "--task",
            "log_triage:tail=100",
            "--all",
        ],
    );
    let launch = cbctl(&pki, &controller, &["run", "launch", "e2e", "--watch"]);
    assert!(
        launch.status.success(),
        "the run did not succeed: {}\ncontroller log:\n{}",
        String::from_utf8_lossy(&launch.stderr),
        controller.process.log_text()
    );

    let runs = json(&cbctl_ok(&pki, &controller, &["run", "list", "-o", "json"]));
    let run_id = runs[0]["id"].as_str().expect("a run id").to_string();
    let run = json(&cbctl_ok(
        &pki,
        &controller,
        &["run", "get", &run_id, "-o", "json"],
    ));
    assert_eq!(run["status"], "succeeded");
    assert_eq!(
        run["jobs"].as_array().map(Vec::len),
        Some(6),
        "three tasks on two agents"
    );

    let report_json = cbctl_ok(
        &pki,
        &controller,
        &["run", "report", &run_id, "--format", "json"],
    );
    let report = json(&report_json);
    let markdown = cbctl_ok(&pki, &controller, &["run", "report", &run_id]);
    assert_eq!(report["status"], "succeeded");
    assert!(
        markdown.contains("alpha") && markdown.contains("beta"),
        "the report names both agents"
    );

    for agent in ["alpha", "beta"] {
        let triage = host(&report["log_triage"], agent);
        let web_digest = container(triage, &web);
        assert_eq!(web_digest["lines"], 7, "{web_digest}");
        assert_eq!(web_digest["error_lines"], 2, "{web_digest}");
        assert_eq!(web_digest["warning_lines"], 1, "{web_digest}");
        let top = web_digest["templates"]
            .as_array()
            .and_then(|ts| ts.iter().max_by_key(|t| t["count"].as_u64()))
            .expect("templates");
        assert_eq!(top["count"], 3, "{web_digest}");
        assert_eq!(top["template"], "request <*> served", "{web_digest}");
        let worker_digest = container(triage, &worker);
        assert_eq!(worker_digest["lines"], 6, "{worker_digest}");
        assert_eq!(worker_digest["error_lines"], 2, "{worker_digest}");
        assert!(
            triage["skipped_containers"].as_u64() >= Some(1),
            "the secret container is skipped"
        );

        let map = host(&report["service_map"], agent);
        let web_info = container(map, &web);
        assert_eq!(web_info["compose_project"], "shop");
        assert_eq!(web_info["state"], "running");
        container(map, &worker);
        assert!(map["hidden_containers"].as_u64() >= Some(1));
    }

    let alpha_gpu = host(&report["gpu"], "alpha");
    assert_eq!(alpha_gpu["available"], true, "{alpha_gpu}");
    assert_eq!(alpha_gpu["driver_version"], nvml::values::DRIVER_VERSION);
    assert_eq!(alpha_gpu["cuda_version"], nvml::values::CUDA_VERSION);
    let gpu = &alpha_gpu["gpus"][0];
    assert_eq!(gpu["name"], nvml::values::NAME);
    assert_eq!(gpu["uuid"], nvml::values::UUID);
    assert_eq!(
        gpu["utilization_gpu_percent"],
        nvml::values::UTILIZATION_GPU
    );
    assert_eq!(gpu["memory_used_bytes"], nvml::values::MEMORY_USED);
    assert_eq!(gpu["memory_total_bytes"], nvml::values::MEMORY_TOTAL);
    assert_eq!(gpu["temperature_celsius"], nvml::values::TEMPERATURE);
    assert_eq!(gpu["power_draw_milliwatts"], nvml::values::POWER_MW);
    let beta_gpu = host(&report["gpu"], "beta");
    assert_eq!(beta_gpu["available"], false);
    assert!(
        beta_gpu["unavailable_reason"]
            .as_str()
            .is_some_and(|r| r.contains("libnvidia-ml")),
        "{beta_gpu}"
    );

    // Nothing of the non-allowlisted container reached the report, the artifacts or the database.
    let artifacts = controller.state_dir.join("artifacts");
    let artifact_text = files_text(&artifacts);
    assert!(
        artifact_text.contains(&web),
        "the artifacts hold the report"
    );
    let database = database_text(&controller.database_url()).await;
    assert!(database.contains(&web), "the database holds the results");
    for (place, text) in [
        ("report", report_json.as_str()),
        ("markdown", &markdown),
        ("artifacts", &artifact_text),
        ("database", &database),
    ] {
        assert!(
            !text.contains(&canary),
            "a line of the non-allowlisted container reached the {place}"
        );
        assert!(
            !text.contains(&secret),
            "the non-allowlisted container is named in the {place}"
        );
    }
    assert!(std::fs::metadata(artifacts.join(format!("runs/{run_id}/report.md"))).is_ok());
    assert!(std::fs::metadata(artifacts.join(format!("runs/{run_id}/report.json"))).is_ok());
}

/// A controller started with `options` and agent `gamma` online, whose Docker is unreachable:
/// `service_map` fails on it at once, and so does a run of it.
fn failing_fleet(
    dir: &Path,
    pki: &Pki,
    options: ControllerOptions,
) -> (ControllerProcess, AgentProcess) {
    let controller = ControllerProcess::start_with(dir, pki, options);
    let gamma = AgentProcess::start(
        dir,
        pki,
        "gamma",
        &controller,
        &[
            "--docker-host",
            "unix:///nonexistent/docker.sock",
            "--nvml-library",
            "/nonexistent.so",
        ],
    );
    wait_for_or(
        "the agent online",
        || agents_online(pki, &controller, &["gamma"]),
        || {
            format!(
                "agent log:\n{}\ncontroller log:\n{}",
                gamma.process.log_text(),
                controller.process.log_text()
            )
        },
    );
    (controller, gamma)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn finished_runs_and_their_report_files_are_deleted_after_the_retention_period() {
    let dir = temp_dir("e2e-retention");
    let pki = Pki::init(&dir.path().join("certs"), &["gamma"]);
    let options = ControllerOptions {
        extra: vec!["--run-retention-seconds".into(), "3".into()],
        ..Default::default()
    };
    let (controller, _gamma) = failing_fleet(dir.path(), &pki, options);
    let launch = cbctl(
        &pki,
        &controller,
        &["run", "launch", "--task", "service_map", "--watch"],
    );
    assert_eq!(launch.status.code(), Some(3), "the run ends failed");
    let runs = json(&cbctl_ok(&pki, &controller, &["run", "list", "-o", "json"]));
    let run_id = runs[0]["id"].as_str().expect("run id").to_string();
    let files = controller.state_dir.join("artifacts/runs").join(&run_id);
    wait_for("the run's report files", || {
        files.join("report.md").is_file()
    });

    wait_for_or(
        "the run and its files to be deleted",
        || {
            let gone = cbctl(&pki, &controller, &["run", "get", &run_id]);
            !gone.status.success() && !files.exists()
        },
        || controller.process.log_text(),
    );
    let gone = cbctl(&pki, &controller, &["run", "get", &run_id]);
    let stderr = String::from_utf8_lossy(&gone.stderr);
    assert!(stderr.contains("not found"), "{stderr}");
    assert!(
        controller
            .process
            .log_text()
            .contains("deleted finished runs past the retention period"),
        "the sweep says what it did"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_binaries_take_settings_from_a_configuration_file_below_flags() {
    let dir = temp_dir("e2e-config-file");
    let pki = Pki::init(&dir.path().join("certs"), &["delta"]);
    let controller_file = dir.path().join("controller.toml");
    std::fs::write(&controller_file, "replica-name = \"replica-from-file\"\n").expect("file");
    let options = ControllerOptions {
        extra: vec!["--config".into(), controller_file.display().to_string()],
        ..Default::default()
    };
    let controller = ControllerProcess::start_with(dir.path(), &pki, options);
    let agent_file = dir.path().join("agent.toml");
    std::fs::write(
        &agent_file,
        "label = [\"zone=from-file\", \"rack=7\"]\nnvml_library = \"/nonexistent.so\"\n\
         max-concurrent-jobs = 0\n",
    )
    .expect("file");
    let agent_file = agent_file.display().to_string();
    // The file's `max-concurrent-jobs = 0` is out of range: the flag given here wins over it.
    let delta = AgentProcess::start(
        dir.path(),
        &pki,
        "delta",
        &controller,
        &["--config", &agent_file, "--max-concurrent-jobs", "2"],
    );
    wait_for_or(
        "the agent online",
        || agents_online(&pki, &controller, &["delta"]),
        || delta.process.log_text(),
    );
    let agents = json(&cbctl_ok(
        &pki,
        &controller,
        &["agent", "list", "-o", "json"],
    ));
    let agent = &agents[0];
    assert_eq!(agent["replica"], "replica-from-file", "{agents}");
    // The agent's own labels, as it reported them (targeting uses them only when trusted).
    let reported = |key: &str| {
        agent["label_sources"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|l| l["key"] == key && l["source"] == "agent")
            .map(|l| l["value"].clone())
    };
    assert_eq!(reported("zone"), Some("from-file".into()), "{agents}");
    assert_eq!(reported("rack"), Some("7".into()), "{agents}");

    let dumped = std::process::Command::new(binary("cyberbrain-agent"))
        .args([
            "--config",
            &agent_file,
            "--max-concurrent-jobs",
            "2",
            "--dump-config",
        ])
        .env("CYBERBRAIN_JOIN_TOKEN", "cbj_secret")
        .output()
        .expect("cyberbrain-agent --dump-config");
    let dumped = String::from_utf8_lossy(&dumped.stdout);
    for line in [
        "label = [\"zone=from-file\", \"rack=7\"]  # configuration file",
        "max-concurrent-jobs = 2  # flag",
        "# join-token: set (environment), not shown",
    ] {
        assert!(dumped.contains(line), "{line:?} in:\n{dumped}");
    }
    assert!(!dumped.contains("cbj_secret"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_controller_uses_verified_tls_to_a_postgresql_server_given_its_ca() {
    let dir = temp_dir("e2e-pg-tls");
    let pki = Pki::init(&dir.path().join("certs"), &[]);
    let (cert, key) = (
        pki.dir.join("controller.pem"),
        pki.dir.join("controller.key"),
    );
    let (_pg, url) = PgCluster::start_with_tls(&cert, &key).await;
    let ca = pki.ca().display().to_string();
    let options = ControllerOptions {
        database_url: Some(url.clone()),
        extra: vec!["--database-ca-cert".into(), ca],
        ..Default::default()
    };
    let controller = ControllerProcess::start_with(dir.path(), &pki, options);
    cbctl_ok(&pki, &controller, &["agent", "list"]);
    assert!(client_connections(&url, true).await >= 1);
    assert_eq!(client_connections(&url, false).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cbctl_run_watch_exits_non_zero_for_a_failed_run() {
    let dir = temp_dir("e2e-fail");
    let pki = Pki::init(&dir.path().join("certs"), &["gamma"]);
    let (controller, _gamma) = failing_fleet(dir.path(), &pki, ControllerOptions::default());
    let launch = cbctl(
        &pki,
        &controller,
        &["run", "launch", "--task", "service_map", "--watch"],
    );
    assert_eq!(
        launch.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&launch.stderr)
    );
    let stderr = String::from_utf8_lossy(&launch.stderr);
    assert!(stderr.contains("docker"), "the failure says why: {stderr}");
    let runs = json(&cbctl_ok(
        &pki,
        &controller,
        &["run", "list", "--status", "failed", "-o", "json"],
    ));
    assert_eq!(runs.as_array().map(Vec::len), Some(1));
    let _ = Duration::ZERO;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jobs_for_an_offline_agent_wait_queued_until_it_connects() {
    let dir = temp_dir("e2e-offline");
    let pki = Pki::init(&dir.path().join("certs"), &["delta"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let flags = ["--nvml-library", "/nonexistent.so"];
    let mut delta = AgentProcess::start(dir.path(), &pki, "delta", &controller, &flags);
    wait_for("the agent online", || {
        agents_online(&pki, &controller, &["delta"])
    });
    assert!(
        delta.process.terminate(Duration::from_secs(10)),
        "the agent stops on SIGTERM"
    );
    wait_for("the agent offline", || {
        !agents_online(&pki, &controller, &["delta"])
    });

    let launched = json(&cbctl_ok(
        &pki,
        &controller,
        &[
            "run",
            "launch",
            "--task",
            "gpu_report",
            "--agent",
            "delta",
            "-o",
            "json",
        ],
    ));
    let run_id = launched["id"].as_str().expect("run id").to_string();
    let run = json(&cbctl_ok(
        &pki,
        &controller,
        &["run", "get", &run_id, "-o", "json"],
    ));
    assert_eq!(run["status"], "pending", "{run}");
    assert_eq!(run["jobs"][0]["status"], "queued", "{run}");

    let _delta = AgentProcess::start(dir.path(), &pki, "delta", &controller, &flags);
    let watch = cbctl(&pki, &controller, &["run", "watch", &run_id]);
    assert!(
        watch.status.success(),
        "{}",
        String::from_utf8_lossy(&watch.stderr)
    );
    let run = json(&cbctl_ok(
        &pki,
        &controller,
        &["run", "get", &run_id, "-o", "json"],
    ));
    assert_eq!(run["status"], "succeeded", "{run}");
}
