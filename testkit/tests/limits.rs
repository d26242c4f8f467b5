//! Limits end to end, over real TLS and real gRPC: rate limits on `Enroll` (per source address
//! and overall) and per API token; agent streams recycled at their maximum age while a job runs
//! across the recycling; and an agent's local container limit narrowing the controller's
//! allowlist in all three tasks, with real containers on the real Docker engine.

use std::net::IpAddr;
use std::path::Path;

use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::agent::v1::enrollment_client::EnrollmentClient;
use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::auth_service_client::AuthServiceClient;
use cyberbrain_proto::v1::fleet_service_client::FleetServiceClient;
use cyberbrain_testkit::api::{admin_channel, token_channel};
use cyberbrain_testkit::checks::{
    json, launch_and_watch, launch_gpu_run, wait_agents_online, wait_for_run_status,
};
use cyberbrain_testkit::docker::{Sandbox, docker_cli, wait_for_log_lines};
use cyberbrain_testkit::fixtures::SlowGpuFleet;
use cyberbrain_testkit::nvml;
use cyberbrain_testkit::process::{
    AgentProcess, ControllerOptions, ControllerProcess, Pki, cbctl_ok,
};
use cyberbrain_testkit::{temp_dir, wait_for_or};
use serde_json::Value;
use tonic::Code;
use tonic::transport::{Certificate, ClientTlsConfig, Endpoint};

/// One `Enroll` with a made-up join token, from `source`: without a limit it is refused as
/// `UNAUTHENTICATED`.
async fn enroll_from(controller: &ControllerProcess, ca: &Path, source: IpAddr) -> tonic::Status {
    enroll_as(controller, ca, source, "guesser").await
}

/// [`enroll_from`] with the request's `hostname`.
async fn enroll_as(
    controller: &ControllerProcess,
    ca: &Path,
    source: IpAddr,
    hostname: &str,
) -> tonic::Status {
    let tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(std::fs::read(ca).expect("CA")))
        .domain_name("localhost");
    let channel = Endpoint::from_shared(format!("https://{}", controller.agents))
        .expect("endpoint")
        .local_address(Some(source))
        .tls_config(tls)
        .expect("tls config")
        .connect()
        .await
        .expect("the agent listener accepts TLS without a client certificate");
    EnrollmentClient::new(channel)
        .enroll(link::EnrollRequest {
            join_token: "cbj_guess".into(),
            csr_pem: "not a csr".into(),
            name: "guesser".into(),
            hostname: hostname.into(),
        })
        .await
        .expect_err("a made-up token never enrolls")
}

fn retry_after_ms(status: &tonic::Status) -> u64 {
    status
        .metadata()
        .get("retry-after-ms")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no retry-after-ms in {status:?}"))
}

fn flags(pairs: &[(&str, &str)]) -> Vec<String> {
    pairs
        .iter()
        .flat_map(|(k, v)| [(*k).to_string(), (*v).to_string()])
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enrollment_is_rate_limited_per_source_address_and_overall() {
    let dir = temp_dir("enroll-limit");
    let pki = Pki::init(&dir.path().join("certs"), &[]);
    // Buckets that do not refill during the test: two calls per address, three in all.
    let options = ControllerOptions {
        extra: flags(&[
            ("--enroll-rate-limit-per-ip", "0.001"),
            ("--enroll-rate-burst-per-ip", "2"),
            ("--enroll-rate-limit", "0.001"),
            ("--enroll-rate-burst", "3"),
        ]),
        ..Default::default()
    };
    let controller = ControllerProcess::start_with(dir.path(), &pki, options);
    let first: IpAddr = "127.0.0.1".parse().unwrap();
    let second: IpAddr = "127.0.0.2".parse().unwrap();

    for _ in 0..2 {
        let status = enroll_from(&controller, &pki.ca(), first).await;
        assert_eq!(status.code(), Code::Unauthenticated, "{status:?}");
    }
    let limited = enroll_from(&controller, &pki.ca(), first).await;
    assert_eq!(limited.code(), Code::ResourceExhausted, "{limited:?}");
    assert!(
        limited.message().contains("enrollment from 127.0.0.1"),
        "{limited:?}"
    );
    assert!(retry_after_ms(&limited) > 60_000, "{limited:?}");
    // The limit comes before any work on the request, the input check included.
    let limited = enroll_as(&controller, &pki.ca(), first, "bad\0host").await;
    assert_eq!(limited.code(), Code::ResourceExhausted, "{limited:?}");

    // Another address has its own bucket, until the shared one runs dry.
    let status = enroll_from(&controller, &pki.ca(), second).await;
    assert_eq!(status.code(), Code::Unauthenticated, "{status:?}");
    let limited = enroll_from(&controller, &pki.ca(), second).await;
    assert_eq!(limited.code(), Code::ResourceExhausted, "{limited:?}");
    assert!(
        limited
            .message()
            .starts_with("rate limit exceeded for enrollment: retry after"),
        "{limited:?}"
    );
    assert!(retry_after_ms(&limited) > 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_api_token_has_its_own_rate_limit() {
    let dir = temp_dir("api-limit");
    let pki = Pki::init(&dir.path().join("certs"), &[]);
    let options = ControllerOptions {
        extra: flags(&[("--api-rate-limit", "0.001"), ("--api-rate-burst", "4")]),
        ..Default::default()
    };
    let controller = ControllerProcess::start_with(dir.path(), &pki, options);
    let created = AuthServiceClient::new(admin_channel(&controller, &pki.ca()).await)
        .create_api_token(pb::CreateApiTokenRequest {
            name: "script".into(),
            role: pb::Role::Viewer.into(),
            ttl_seconds: 0,
        })
        .await
        .expect("the admin makes a viewer token")
        .into_inner();

    let mut viewer = FleetServiceClient::new(
        token_channel(controller.api, &pki.ca(), Some(&created.secret)).await,
    );
    for _ in 0..4 {
        viewer
            .list_agents(pb::ListAgentsRequest::default())
            .await
            .expect("within the burst");
    }
    let limited = viewer
        .list_agents(pb::ListAgentsRequest::default())
        .await
        .expect_err("past the burst");
    assert_eq!(limited.code(), Code::ResourceExhausted, "{limited:?}");
    assert!(
        limited.message().contains("token \"script\""),
        "{limited:?}"
    );
    assert!(retry_after_ms(&limited) > 60_000, "{limited:?}");

    // The admin's bucket is its own; health checks are not counted at all.
    FleetServiceClient::new(admin_channel(&controller, &pki.ca()).await)
        .list_agents(pb::ListAgentsRequest::default())
        .await
        .expect("another token is not limited by the script's calls");
    let mut health = tonic_health::pb::health_client::HealthClient::new(
        token_channel(controller.api, &pki.ca(), None).await,
    );
    for _ in 0..10 {
        health
            .check(tonic_health::pb::HealthCheckRequest::default())
            .await
            .expect("health is public and unlimited");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agent_streams_are_recycled_at_their_maximum_age_without_losing_a_running_job() {
    // Streams live two seconds at the most; the slow gpu_report takes four.
    let options = ControllerOptions {
        extra: flags(&[("--max-connection-age-seconds", "2")]),
        ..Default::default()
    };
    let fleet = SlowGpuFleet::start("max-age", "aged", options);
    let recycled = |text: &str| text.matches("recycling an agent stream").count();
    let before = recycled(&fleet.controller.process.log_text());

    let run_id = launch_gpu_run(&fleet.pki, &fleet.controller, "aged");
    wait_for_run_status(&fleet.pki, &fleet.controller, &run_id, "succeeded");
    assert_eq!(
        cyberbrain_testkit::checks::only_job(&fleet.db).await,
        ("succeeded".to_string(), 1),
        "the job ran once, across the recycling"
    );
    let during = recycled(&fleet.controller.process.log_text()) - before;
    assert!(
        during >= 1,
        "the stream was not recycled while the job ran: {}",
        fleet.controller.process.log_text()
    );
    let agent_log = fleet.agent.process.log_text();
    assert!(agent_log.contains("controller said goodbye"), "{agent_log}");
    // The agent comes back each time: it is online after yet another recycling.
    let seen = recycled(&fleet.controller.process.log_text());
    wait_for_or(
        "another recycled stream",
        || recycled(&fleet.controller.process.log_text()) > seen,
        || fleet.controller.process.log_text(),
    );
    cyberbrain_testkit::checks::wait_agents_online(
        &fleet.pki,
        &fleet.controller,
        &["aged"],
        || fleet.agent.process.log_text(),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agents_local_limit_narrows_the_controllers_allowlist_in_every_task() {
    let dir = temp_dir("local-limit");
    let pki = Pki::init(&dir.path().join("certs"), &["narrow"]);
    let nvml_library = nvml::build(dir.path()).display().to_string();
    let canary = format!("CBLOCAL{}", uuid::Uuid::new_v4().simple());

    let mut docker = Sandbox::default();
    let script = |tag: &str| format!("echo 'ERROR {tag} failed {canary}'; sleep 3600");
    // web: admitted everywhere; db: denied locally; other: outside the local allow list.
    let web = docker.run("web", &[], &script("web"));
    let db = docker.run("db", &[], &script("db"));
    let other = docker.run("other", &[], &script("other"));
    for name in [&web, &db, &other] {
        wait_for_log_lines(name, 1);
    }
    let host_pid = |name: &str| docker_cli(&["inspect", "-f", "{{.State.Pid}}", name]);
    let pids = [&web, &db, &other].map(|n| host_pid(n)).join(",");

    let controller = ControllerProcess::start(dir.path(), &pki);
    let agent = AgentProcess::start_with_env(
        dir.path(),
        &pki,
        "narrow",
        &controller,
        &[
            "--nvml-library",
            &nvml_library,
            "--allow-container",
            &web,
            "--allow-container",
            &db,
            "--deny-container",
            &format!("name:{db}"),
        ],
        &[(nvml::env::PROCESS_PID, &pids)],
    );
    wait_agents_online(&pki, &controller, &["narrow"], || agent.process.log_text());
    // The controller admits every container of this test.
    let everything = format!("cb-test-{}-*", std::process::id());
    cbctl_ok(
        &pki,
        &controller,
        &["allowlist", "add", &everything, "--kind", "name-glob"],
    );

    let run_id = launch_and_watch(
        &pki,
        &controller,
        &[
            "--task",
            "log_triage:tail=100",
            "--task",
            "service_map",
            "--task",
            "gpu_report:window_ms=100",
            "--all",
        ],
    );
    let report = json(&cbctl_ok(
        &pki,
        &controller,
        &["run", "report", &run_id, "--format", "json"],
    ));
    assert_eq!(report["status"], "succeeded", "{report}");

    let names = |section: &Value| -> Vec<String> {
        section[0]["containers"]
            .as_array()
            .map(|cs| {
                cs.iter()
                    .filter_map(|c| c["name"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(names(&report["log_triage"]), vec![web.clone()], "{report}");
    assert!(
        names(&report["service_map"]).contains(&web),
        "{}",
        report["service_map"]
    );
    let processes = report["gpu"][0]["gpus"][0]["processes"]
        .as_array()
        .cloned()
        .expect("gpu processes");
    assert_eq!(processes.len(), 3, "{processes:#?}");
    assert_eq!(processes[0]["container_name"], web.as_str());
    for hidden in &processes[1..] {
        assert_eq!(hidden["container_name"], "", "{hidden}");
        assert_eq!(hidden["container_id"].as_str().map(str::len), Some(12));
    }
    // Neither the names nor the logs of the narrowed-out containers reached the controller.
    let text = report.to_string();
    for name in [&db, &other] {
        assert!(!text.contains(name.as_str()), "{name} leaked: {text}");
    }
    assert_eq!(
        text.matches(&canary).count(),
        text.matches(&format!("web failed {canary}")).count(),
        "only web's line may carry the canary: {text}"
    );
    assert!(
        agent
            .process
            .log_text()
            .contains("a local container limit narrows every allowlist")
    );
}
