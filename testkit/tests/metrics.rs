//! Metrics and health over real sockets: the controller's and the agents' `/metrics` parse as
//! Prometheus text and count exactly what the test made; the deploy files reference only metrics
//! that are exposed; `/readyz` and gRPC health follow the database down and back up.

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::Path;

use cyberbrain_testkit::checks::{json, launch_gpu_run, wait_agents_online, wait_for_run_status};
use cyberbrain_testkit::http::{get, metrics, status};
use cyberbrain_testkit::pg::PgCluster;
use cyberbrain_testkit::process::{
    AgentProcess, ControllerOptions, ControllerProcess, Pki, cbctl_ok,
};
use cyberbrain_testkit::prom::{Exposition, metric_names_in};
use cyberbrain_testkit::{nvml, temp_dir, wait_for_async, wait_for_or, workspace_root};
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;

/// An LLM provider nobody listens on: no run here asks it anything, but its series exist.
const DEAD_LLM: &str = "name=local,url=http://127.0.0.1:9/v1,model=tiny";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_count_the_runs_and_jobs_the_test_made() {
    let dir = temp_dir("metrics");
    let pki = Pki::init(&dir.path().join("certs"), &["gpu", "nodocker"]);
    let library = nvml::build(dir.path()).display().to_string();
    let options = ControllerOptions {
        extra: vec!["--llm-provider".into(), DEAD_LLM.into()],
        ..Default::default()
    };
    let mut controller = ControllerProcess::start_with(dir.path(), &pki, options);
    let gpu = AgentProcess::start(
        dir.path(),
        &pki,
        "gpu",
        &controller,
        &["--nvml-library", &library],
    );
    // Its Docker endpoint is a socket that does not exist: every log_triage job fails.
    let missing_socket = dir.path().join("no-docker.sock");
    let nodocker = AgentProcess::start(
        dir.path(),
        &pki,
        "nodocker",
        &controller,
        &["--docker-host", &missing_socket.display().to_string()],
    );
    wait_agents_online(&pki, &controller, &["gpu", "nodocker"], || {
        gpu.process.log_text() + &nodocker.process.log_text()
    });
    let controller_http = controller
        .http
        .expect("the controller's HTTP endpoint is on");

    // Before any run: the series are there at zero.
    let before = metrics(controller_http);
    assert_eq!(
        before.value("cyberbrain_runs_launched_total", &[]),
        Some(0.0)
    );
    assert_eq!(
        before.value("cyberbrain_runs", &[("status", "failed")]),
        Some(0.0)
    );

    let succeeded: Vec<String> = (0..2)
        .map(|_| launch_gpu_run(&pki, &controller, "gpu"))
        .collect();
    let failing = json(&cbctl_ok(
        &pki,
        &controller,
        &[
            "run",
            "launch",
            "--task",
            "log_triage",
            "--agent",
            "nodocker",
            "-o",
            "json",
        ],
    ))["id"]
        .as_str()
        .expect("run id")
        .to_string();
    for run in &succeeded {
        wait_for_run_status(&pki, &controller, run, "succeeded");
    }
    wait_for_run_status(&pki, &controller, &failing, "failed");

    // The gauges are cached for a second: poll until they show the finished runs.
    let exposition = wait_for_async("the run gauges to count the finished runs", || async {
        let e = metrics(controller_http);
        (e.value("cyberbrain_runs", &[("status", "succeeded")]) == Some(2.0)).then_some(e)
    })
    .await;
    let count = |name: &str, labels: &[(&str, &str)]| exposition.value(name, labels);
    assert_eq!(count("cyberbrain_runs_launched_total", &[]), Some(3.0));
    assert_eq!(
        count("cyberbrain_runs_finished_total", &[("status", "succeeded")]),
        Some(2.0)
    );
    assert_eq!(
        count("cyberbrain_runs_finished_total", &[("status", "failed")]),
        Some(1.0)
    );
    assert_eq!(count("cyberbrain_runs", &[("status", "failed")]), Some(1.0));
    assert_eq!(
        count("cyberbrain_runs", &[("status", "running")]),
        Some(0.0)
    );
    assert_eq!(
        count("cyberbrain_jobs", &[("status", "succeeded")]),
        Some(2.0)
    );
    assert_eq!(count("cyberbrain_jobs", &[("status", "failed")]), Some(1.0));
    assert_eq!(
        count("cyberbrain_jobs_finished_total", &[("status", "succeeded")]),
        Some(2.0)
    );
    assert_eq!(
        count("cyberbrain_jobs_finished_total", &[("status", "failed")]),
        Some(1.0)
    );
    assert_eq!(
        count("cyberbrain_jobs_finished_total", &[("status", "lost")]),
        Some(0.0)
    );
    assert_eq!(
        count("cyberbrain_dispatch_latency_seconds_count", &[]),
        Some(3.0)
    );
    assert_eq!(count("cyberbrain_agents_online", &[]), Some(2.0));
    assert_eq!(count("cyberbrain_agent_streams_open", &[]), Some(2.0));
    assert_eq!(count("cyberbrain_db_pool_max_connections", &[]), Some(16.0));
    assert!(
        exposition
            .value("cyberbrain_db_pool_connections", &[("state", "idle")])
            .is_some()
    );
    assert_eq!(
        count(
            "cyberbrain_llm_calls_total",
            &[("provider", "local"), ("outcome", "ok")]
        ),
        Some(0.0),
        "no run had log digests to triage"
    );
    assert_eq!(
        count(
            "cyberbrain_llm_tokens_total",
            &[("provider", "local"), ("kind", "prompt")]
        ),
        Some(0.0)
    );
    assert_eq!(
        count(
            "cyberbrain_build_info",
            &[("version", env!("CARGO_PKG_VERSION"))]
        ),
        Some(1.0)
    );
    assert_eq!(count("cyberbrain_ready", &[]), Some(1.0));
    assert_no_id_labels(&exposition);

    // The agents count the jobs they ran.
    let gpu_metrics = metrics(gpu.http());
    assert_eq!(
        gpu_metrics.value(
            "cyberbrain_agent_task_duration_seconds_count",
            &[("task", "gpu_report"), ("outcome", "succeeded")]
        ),
        Some(2.0),
        "{gpu_metrics:#?}"
    );
    assert_eq!(
        gpu_metrics.value("cyberbrain_agent_connected", &[]),
        Some(1.0)
    );
    assert_eq!(
        gpu_metrics.value("cyberbrain_agent_nvml_errors_total", &[]),
        Some(0.0)
    );
    let nodocker_metrics = metrics(nodocker.http());
    assert_eq!(
        nodocker_metrics.value(
            "cyberbrain_agent_task_duration_seconds_count",
            &[("task", "log_triage"), ("outcome", "failed")]
        ),
        Some(1.0)
    );
    assert!(
        nodocker_metrics
            .value("cyberbrain_agent_docker_errors_total", &[])
            .is_some_and(|n| n >= 1.0)
    );
    assert_eq!(
        nodocker_metrics.value("cyberbrain_agent_log_bytes_read_total", &[]),
        Some(0.0)
    );

    // The deploy files name only metrics that are exposed.
    let mut exposed = exposition.names();
    exposed.extend(gpu_metrics.names());
    exposed.extend(nodocker_metrics.names());
    check_deploy_files(&workspace_root().join("deploy"), &exposed);

    // Probes and routes.
    for addr in [controller_http, gpu.http(), nodocker.http()] {
        assert_eq!(status(addr, "/healthz"), 200);
        assert_eq!(status(addr, "/readyz"), 200);
        assert_eq!(status(addr, "/nowhere"), 404);
    }

    // An agent without its controller is alive but not ready.
    assert!(
        controller
            .process
            .terminate(std::time::Duration::from_secs(20))
    );
    let gpu_http = gpu.http();
    wait_for_or(
        "the agent to report not ready",
        || status(gpu_http, "/readyz") == 503,
        || gpu.process.log_text(),
    );
    assert_eq!(status(gpu_http, "/healthz"), 200);
    assert_eq!(
        metrics(gpu_http).value("cyberbrain_agent_connected", &[]),
        Some(0.0)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readiness_and_grpc_health_follow_the_database() {
    let dir = temp_dir("readiness");
    let pki = Pki::init(&dir.path().join("certs"), &[]);
    let mut cluster = PgCluster::start().await;
    let options = ControllerOptions {
        database_url: Some(cluster.database_url()),
        ..Default::default()
    };
    let controller = ControllerProcess::start_with(dir.path(), &pki, options);
    let http = controller
        .http
        .expect("the controller's HTTP endpoint is on");
    let ca = pki.ca();
    assert_eq!(status(http, "/readyz"), 200);
    wait_for_health(controller.api, &ca, ServingStatus::Serving).await;

    cluster.stop().await;
    wait_for_or(
        "/readyz to answer 503 while the database is down",
        || status(http, "/readyz") == 503,
        || controller.process.log_text(),
    );
    let (_, reason) = get(http, "/readyz").expect("readyz answers");
    assert!(reason.starts_with("not ready: database"), "{reason}");
    assert_eq!(reason.trim_end().lines().count(), 1, "one line: {reason}");
    assert_eq!(status(http, "/healthz"), 200, "alive all the same");
    wait_for_health(controller.api, &ca, ServingStatus::NotServing).await;
    // Metrics still answer, with the last counts.
    assert_eq!(metrics(http).value("cyberbrain_ready", &[]), Some(0.0));

    cluster.start_again().await;
    wait_for_or(
        "/readyz to answer 200 once the database is back",
        || status(http, "/readyz") == 200,
        || controller.process.log_text(),
    );
    wait_for_health(controller.api, &ca, ServingStatus::Serving).await;
}

/// Waits until the overall gRPC health and `RunService`'s both report `wanted`.
async fn wait_for_health(api: SocketAddr, ca: &Path, wanted: ServingStatus) {
    let channel = cyberbrain_testkit::api::api_channel(api, ca).await;
    wait_for_async(&format!("gRPC health {wanted:?}"), || {
        let mut client = HealthClient::new(channel.clone());
        async move {
            for service in ["", "cyberbrain.v1.RunService"] {
                let response = client
                    .check(HealthCheckRequest {
                        service: service.into(),
                    })
                    .await
                    .ok()?;
                if response.into_inner().status() != wanted {
                    return None;
                }
            }
            Some(())
        }
    })
    .await;
}

/// No label is an id: label values of our own metrics come from small fixed sets.
fn assert_no_id_labels(exposition: &Exposition) {
    for (name, family) in &exposition.families {
        for sample in &family.samples {
            for (key, value) in &sample.labels {
                assert!(
                    !["run_id", "job_id", "agent_id", "agent"].contains(&key.as_str()),
                    "{name} has label {key}"
                );
                assert!(
                    uuid::Uuid::parse_str(value).is_err(),
                    "{name} has an id as label value: {key}={value}"
                );
            }
        }
    }
}

/// Every `cyberbrain_…` name in the Grafana dashboard's and the alert rules' expressions is in
/// `exposed`, and Prometheus loads the rules and scrapes both binaries.
fn check_deploy_files(deploy: &Path, exposed: &BTreeSet<String>) {
    let dashboard_path = deploy.join("grafana/cyberbrain-dashboard.json");
    let dashboard: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&dashboard_path).expect("the dashboard file"),
    )
    .expect("the dashboard is JSON");
    let mut expressions = Vec::new();
    collect_exprs(&dashboard, &mut expressions);
    assert!(expressions.len() >= 10, "the dashboard has its queries");

    let alerts: serde_yaml::Value = serde_yaml::from_str(
        &std::fs::read_to_string(deploy.join("prometheus/alerts.yml")).expect("the alerts file"),
    )
    .expect("alerts.yml is YAML");
    let rules = alerts["groups"][0]["rules"]
        .as_sequence()
        .expect("a group of rules");
    for rule in rules {
        assert!(
            rule["alert"].as_str().is_some(),
            "every rule is an alert: {rule:?}"
        );
        expressions.push(
            rule["expr"]
                .as_str()
                .expect("every rule has expr")
                .to_string(),
        );
    }
    let alert_names: Vec<&str> = rules.iter().filter_map(|r| r["alert"].as_str()).collect();
    for wanted in [
        "CyberbrainAgentOffline",
        "CyberbrainAgentsOnlineDropped",
        "CyberbrainRunsFailing",
        "CyberbrainLlmErrors",
        "CyberbrainBaselineErrors",
        "CyberbrainControllerNotReady",
        "CyberbrainControllerDown",
    ] {
        assert!(alert_names.contains(&wanted), "{wanted} in {alert_names:?}");
    }

    let mut referenced = BTreeSet::new();
    for expression in &expressions {
        referenced.extend(metric_names_in(expression));
    }
    let missing: Vec<&String> = referenced.difference(exposed).collect();
    assert!(
        missing.is_empty(),
        "the deploy files use metrics nobody exposes: {missing:?}"
    );
    for family in [
        "cyberbrain_runs",
        "cyberbrain_jobs",
        "cyberbrain_dispatch_latency_seconds_bucket",
        "cyberbrain_agents_online",
        "cyberbrain_llm_tokens_total",
    ] {
        assert!(
            referenced.contains(family),
            "the deploy files show {family}"
        );
    }

    let prometheus: serde_yaml::Value = serde_yaml::from_str(
        &std::fs::read_to_string(deploy.join("prometheus/prometheus.yml"))
            .expect("the prometheus file"),
    )
    .expect("prometheus.yml is YAML");
    assert_eq!(prometheus["rule_files"][0].as_str(), Some("alerts.yml"));
    let jobs: Vec<&str> = prometheus["scrape_configs"]
        .as_sequence()
        .expect("scrape configs")
        .iter()
        .filter_map(|c| c["job_name"].as_str())
        .collect();
    assert_eq!(jobs, ["cyberbrain-controller", "cyberbrain-agent"]);
}

/// Every `expr` string anywhere in a JSON document.
fn collect_exprs(value: &serde_json::Value, into: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("expr", serde_json::Value::String(e)) => into.push(e.clone()),
                    _ => collect_exprs(v, into),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_exprs(v, into)),
        _ => {}
    }
}
