//! Every run ends (issue #15): a job that no agent takes within its run's queue timeout ends
//! `unreachable` with the reason, and the run finishes with its report whatever the mix of
//! statuses; launch warns about targets that are not online, or refuses with `--require-online`;
//! a running run's report is the report so far, marked partial. Real controller, real agents
//! (one of them killed with SIGKILL), real PostgreSQL, `cbctl` and gRPC over TLS.

use std::time::{Duration, Instant};

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::run_service_client::RunServiceClient;
use cyberbrain_testkit::api::{admin_channel, gpu_launch_request};
use cyberbrain_testkit::checks::{json, wait_agents_online, wait_for_run_status};
use cyberbrain_testkit::fixtures::SlowGpuFleet;
use cyberbrain_testkit::process::{
    AgentProcess, ControllerOptions, ControllerProcess, Pki, cbctl, cbctl_ok,
};
use cyberbrain_testkit::{temp_dir, wait_for_or};

/// The state `cbctl agent list` shows for `name`.
fn agent_state(pki: &Pki, controller: &ControllerProcess, name: &str) -> String {
    let agents = json(&cbctl_ok(pki, controller, &["agent", "list", "-o", "json"]));
    agents
        .as_array()
        .and_then(|all| all.iter().find(|a| a["name"] == name))
        .and_then(|a| a["state"].as_str())
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_over_a_live_and_a_killed_agent_ends_partially_failed_with_the_killed_ones_job_unreachable()
 {
    let dir = temp_dir("runs-end");
    let pki = Pki::init(&dir.path().join("certs"), &["alpha", "beta"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let no_gpu = ["--nvml-library", "/nonexistent/libnvidia-ml.so"];
    let alpha = AgentProcess::start(dir.path(), &pki, "alpha", &controller, &no_gpu);
    let mut beta = AgentProcess::start(dir.path(), &pki, "beta", &controller, &no_gpu);
    wait_agents_online(&pki, &controller, &["alpha", "beta"], || {
        alpha.process.log_text() + &beta.process.log_text()
    });

    beta.process.kill9();
    wait_for_or(
        "the killed agent shown offline",
        || agent_state(&pki, &controller, "beta") == "offline",
        || controller.process.log_text(),
    );

    // --require-online refuses, naming the agent that is not online.
    let mut client = RunServiceClient::new(admin_channel(&controller, &pki.ca()).await);
    let mut strict = gpu_launch_request(100);
    strict.require_online = true;
    let refused = client
        .launch_run(strict)
        .await
        .expect_err("a launch with an offline target and require_online is refused");
    assert_eq!(
        refused.code(),
        tonic::Code::FailedPrecondition,
        "{refused:?}"
    );
    assert!(
        refused.message().contains("require_online") && refused.message().contains("beta"),
        "{refused:?}"
    );
    assert!(!refused.message().contains("alpha"), "{refused:?}");
    // A dry run answers as the launch would: refused with require_online; else the warning and
    // the queue timeout the run would get.
    let mut dry = gpu_launch_request(100);
    dry.dry_run = true;
    dry.require_online = true;
    let refused = client
        .launch_run(dry.clone())
        .await
        .expect_err("a dry run with an offline target and require_online is refused");
    assert_eq!(
        refused.code(),
        tonic::Code::FailedPrecondition,
        "{refused:?}"
    );
    assert!(refused.message().contains("beta"), "{refused:?}");
    dry.require_online = false;
    let plan = client
        .launch_run(dry)
        .await
        .expect("a dry run")
        .into_inner();
    assert_eq!(plan.queue_timeout_seconds, 300, "{plan:?}");
    assert_eq!(plan.warnings.len(), 1, "{plan:?}");
    assert!(plan.warnings[0].contains("beta"), "{plan:?}");
    assert!(!plan.warnings[0].contains("alpha"), "{plan:?}");
    let refused = cbctl(
        &pki,
        &controller,
        &[
            "run",
            "launch",
            "--task",
            "gpu_report",
            "--all",
            "--require-online",
        ],
    );
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("beta"));

    // The queue timeout: the launch's, else the directive's, else the controller's (300 s).
    cbctl_ok(
        &pki,
        &controller,
        &[
            "directive",
            "create",
            "probe",
            "--task",
            "gpu_report:window_ms=100",
            "--all",
            "--queue-timeout",
            "3s",
        ],
    );
    for (args, seconds) in [
        (vec!["probe", "--queue-timeout", "1h"], 3600),
        (vec!["--task", "gpu_report", "--all"], 300),
    ] {
        let mut command = vec!["run", "launch"];
        command.extend(args);
        command.extend(["-o", "json"]);
        let run = json(&cbctl_ok(&pki, &controller, &command));
        assert_eq!(run["queue_timeout_seconds"], seconds, "{command:?}: {run}");
        let id = run["id"].as_str().expect("run id");
        cbctl_ok(&pki, &controller, &["run", "cancel", "--yes", id]);
    }

    // Without --require-online, the launch warns on stderr and the run ends once beta's job has
    // waited the directive's 3 s.
    let started = Instant::now();
    let launch = cbctl(&pki, &controller, &["run", "launch", "probe", "-o", "json"]);
    let stderr = String::from_utf8_lossy(&launch.stderr).to_string();
    assert!(launch.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning: 1 target is not online: beta (offline since"),
        "{stderr}"
    );
    assert!(!stderr.contains("alpha"), "{stderr}");
    let launched = json(&String::from_utf8_lossy(&launch.stdout));
    let run_id = launched["id"].as_str().expect("run id").to_string();
    assert_eq!(launched["queue_timeout_seconds"], 3, "{launched}");

    let run = wait_for_run_status(&pki, &controller, &run_id, "partially_failed");
    let took = started.elapsed();
    eprintln!("the run ended {took:?} after its launch (queue timeout 3 s)");
    assert!(
        took >= Duration::from_secs(3),
        "beta's job waited its queue timeout: {took:?}"
    );
    assert!(
        took < Duration::from_secs(3 + 10),
        "the run ended soon after the queue timeout (the reaper sweeps every heartbeat): {took:?}"
    );
    let job = |agent: &str| {
        run["jobs"]
            .as_array()
            .and_then(|jobs| jobs.iter().find(|j| j["agent"] == agent))
            .cloned()
            .unwrap_or_else(|| panic!("no job of {agent}: {run}"))
    };
    assert_eq!(job("alpha")["status"], "succeeded", "{run}");
    let beta_job = job("beta");
    assert_eq!(beta_job["status"], "unreachable", "{run}");
    let reason = beta_job["error"].as_str().unwrap_or_default();
    assert!(
        reason.contains("within its queue timeout (3s)")
            && reason.contains("the agent has been offline since "),
        "{reason}"
    );

    // The report lists both, the unreachable one with its reason.
    let report = cbctl_ok(&pki, &controller, &["run", "report", &run_id]);
    assert!(!report.contains("Partial report"), "{report}");
    assert!(
        report.contains("| alpha | gpu_report | succeeded (NVML unavailable) |"),
        "{report}"
    );
    assert!(report.contains("## Unreachable"), "{report}");
    assert!(
        report.contains("| beta | gpu_report | unreachable | no agent took the job"),
        "{report}"
    );
    let report_json = json(&cbctl_ok(
        &pki,
        &controller,
        &["run", "report", &run_id, "--format", "json"],
    ));
    assert_eq!(report_json["partial"], false);
    assert_eq!(report_json["status"], "partially_failed");
    assert_eq!(report_json["unreachable_jobs"][0]["agent"], "beta");
    assert_eq!(report_json["jobs"].as_array().map(Vec::len), Some(2));

    // A bad queue timeout is refused with the field named.
    let mut bad = gpu_launch_request(100);
    bad.queue_timeout_seconds = 8 * 86_400;
    let refused = client.launch_run(bad).await.expect_err("too long");
    assert_eq!(refused.code(), tonic::Code::InvalidArgument);
    assert!(
        refused.message().contains("queue_timeout_seconds"),
        "{refused:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_running_runs_report_is_partial_and_the_final_report_replaces_it() {
    let fleet = SlowGpuFleet::start("partial-report", "gamma", ControllerOptions::default());
    let run_id = fleet.launch_running_job().await;

    let mut client = RunServiceClient::new(admin_channel(&fleet.controller, &fleet.pki.ca()).await);
    let partial = client
        .get_run_report(pb::GetRunReportRequest {
            run_id: run_id.clone(),
        })
        .await
        .expect("a running run has a report so far")
        .into_inner();
    assert!(partial.partial);
    assert!(
        partial
            .markdown
            .contains("> **Partial report**: the run is running; 1 of 1 jobs"),
        "{}",
        partial.markdown
    );
    assert!(
        partial.markdown.contains("## Pending jobs"),
        "{}",
        partial.markdown
    );
    assert!(
        partial
            .markdown
            .contains("| gamma | gpu_report | running |"),
        "{}",
        partial.markdown
    );
    let partial_json = json(&partial.json);
    assert_eq!(partial_json["partial"], true);
    assert_eq!(partial_json["pending_jobs"][0]["agent"], "gamma");
    // cbctl prints it as well.
    let shown = cbctl_ok(&fleet.pki, &fleet.controller, &["run", "report", &run_id]);
    assert!(shown.contains("Partial report"), "{shown}");

    wait_for_run_status(&fleet.pki, &fleet.controller, &run_id, "succeeded");
    let last = client
        .get_run_report(pb::GetRunReportRequest { run_id })
        .await
        .expect("the final report")
        .into_inner();
    assert!(!last.partial);
    assert!(
        !last.markdown.contains("Partial report"),
        "{}",
        last.markdown
    );
    assert!(
        !last.markdown.contains("## Pending jobs"),
        "{}",
        last.markdown
    );
    assert_eq!(json(&last.json)["partial"], false);
    assert!(
        last.markdown.contains("| gamma | gpu_report | succeeded |"),
        "{}",
        last.markdown
    );
}
