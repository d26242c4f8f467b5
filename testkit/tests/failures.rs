//! Dispatch that survives failure: agents and controllers killed mid-run (SIGKILL), two replicas
//! over one database, cancellation reaching the agent. Real processes, real PostgreSQL.

use std::process::Command;

use cyberbrain_testkit::checks::{
    agents_online, count, json, query, wait_for_job, wait_for_run_status,
};
use cyberbrain_testkit::fixtures::SlowGpuFleet;
use cyberbrain_testkit::nvml;
use cyberbrain_testkit::pg::PgCluster;
use cyberbrain_testkit::process::{
    AgentProcess, ChildGuard, ControllerOptions, ControllerProcess, Pki, binary, cbctl_ok,
    free_port,
};
use cyberbrain_testkit::{temp_dir, wait_for_async, wait_for_or};

/// Job results stored for the run's one job: exactly one "succeeded" event in the log.
async fn succeeded_events(database_url: &str) -> i64 {
    count(
        database_url,
        "SELECT count(*) FROM run_events WHERE kind = 'job' AND status = 'succeeded'",
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_killed_mid_job_gets_the_job_again_after_its_lease_expires() {
    let mut fleet = SlowGpuFleet::start("kill-agent", "alpha", ControllerOptions::default());
    let run_id = fleet.launch_running_job().await;

    fleet.agent.process.kill9();
    // No hello comes to requeue it: only the lease's expiry (three 1 s heartbeats) can.
    wait_for_job(
        &fleet.db,
        "the lease to expire and the job to be queued again",
        |s, a| s == "queued" && a == 1,
    )
    .await;

    let _fast = fleet.restart_agent(&[]);
    wait_for_job(&fleet.db, "the second attempt to succeed", |s, a| {
        s == "succeeded" && a == 2
    })
    .await;
    assert_eq!(
        succeeded_events(&fleet.db).await,
        1,
        "the result is recorded once"
    );
    wait_for_run_status(&fleet.pki, &fleet.controller, &run_id, "succeeded");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_job_whose_last_attempt_expires_ends_lost_and_fails_its_run() {
    let options = ControllerOptions {
        extra: vec!["--max-attempts".into(), "1".into()],
        ..Default::default()
    };
    let mut fleet = SlowGpuFleet::start("lost", "beta", options);
    let run_id = fleet.launch_running_job().await;
    fleet.agent.process.kill9();
    wait_for_job(&fleet.db, "the job lost", |s, _| s == "lost").await;
    let run = wait_for_run_status(&fleet.pki, &fleet.controller, &run_id, "failed");
    let error = run["jobs"][0]["error"].as_str().unwrap_or_default();
    assert!(error.contains("attempt 1 of 1"), "{run}");
    wait_for_or(
        "the silent agent marked offline",
        || !agents_online(&fleet.pki, &fleet.controller, &["beta"]),
        || fleet.controller.process.log_text(),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_controller_killed_mid_run_finishes_the_run_after_a_restart_and_watch_resumes() {
    let options = ControllerOptions {
        ports: Some((free_port(), free_port())),
        ..Default::default()
    };
    let mut fleet = SlowGpuFleet::start("kill-controller", "gamma", options);
    let run_id = fleet.launch_running_job().await;

    // A watcher that must ride through the restart.
    let mut watch = Command::new(binary("cbctl"));
    watch
        .arg("--server")
        .arg(format!("https://{}", fleet.controller.api))
        .arg("--ca-cert")
        .arg(fleet.pki.ca())
        .arg("--token-file")
        .arg(fleet.controller.admin_token_path())
        .args(["run", "watch", &run_id]);
    let mut watcher = ChildGuard::spawn(watch, fleet.dir.path().join("watch.log"));
    wait_for_or(
        "the watcher to show the running job",
        || watcher.log_text().contains("gpu_report"),
        || watcher.log_text(),
    );

    fleet.controller.kill9();
    fleet.controller.restart();
    wait_for_job(
        &fleet.db,
        "the job to succeed on its first attempt",
        |s, a| s == "succeeded" && a == 1,
    )
    .await;
    assert_eq!(
        succeeded_events(&fleet.db).await,
        1,
        "delivered once, recorded once"
    );
    let watch_log = watcher.log.clone();
    wait_for_or(
        "the watcher to see the end",
        || watcher.exited(),
        || std::fs::read_to_string(&watch_log).unwrap_or_default(),
    );
    assert_eq!(watcher.exit_code(), Some(0), "{}", watcher.log_text());
    let out = watcher.log_text();
    assert_eq!(
        out.matches(&format!("run {run_id} succeeded after"))
            .count(),
        1,
        "the end is reported once: {out}"
    );
    assert_eq!(
        out.lines()
            .filter(|l| l.contains("gpu_report") && l.trim_end().ends_with("succeeded"))
            .count(),
        1,
        "one job line for the success: {out}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_share_the_work_and_survive_losing_one() {
    let dir = temp_dir("replicas");
    let pki = Pki::init(&dir.path().join("certs"), &["left", "right"]);
    let library = nvml::build(dir.path());
    let library = library.display().to_string();
    let pg = PgCluster::start().await;
    let (one, mut two) =
        ControllerProcess::start_two_replicas(dir.path(), &pki, &pg.database_url());
    let (one_link, two_link) = (
        format!("https://{}", one.agents),
        format!("https://{}", two.agents),
    );
    let env = [("FAKE_NVML_UTILIZATION_DELAY_MS", "1500")];
    let flags = ["--nvml-library", library.as_str()];
    let _left = AgentProcess::start_with(
        dir.path(),
        &pki,
        "left",
        &[&one_link, &two_link],
        &flags,
        &env,
    );
    let right = AgentProcess::start_with(
        dir.path(),
        &pki,
        "right",
        &[&two_link, &one_link],
        &flags,
        &env,
    );
    wait_for_or(
        "both agents online",
        || agents_online(&pki, &one, &["left", "right"]),
        || right.process.log_text(),
    );
    let agents = json(&cbctl_ok(&pki, &one, &["agent", "list", "-o", "json"]));
    let replicas: Vec<&str> = agents
        .as_array()
        .map(|a| a.iter().filter_map(|x| x["replica"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(replicas.len(), 2);
    assert_ne!(
        replicas[0], replicas[1],
        "each agent on its own replica: {agents}"
    );

    // Launched through one; the agent on two gets its job at once (through NOTIFY).
    let first = cbctl_ok(
        &pki,
        &one,
        &[
            "run",
            "launch",
            "--task",
            "gpu_report:window_ms=100",
            "--all",
            "--watch",
            "-o",
            "json",
        ],
    );
    let _ = first;
    let runs = json(&cbctl_ok(&pki, &two, &["run", "list", "-o", "json"]));
    assert_eq!(runs[0]["status"], "succeeded", "{runs}");

    // Replica two dies mid-run: its agent moves to one and the run completes.
    let run = json(&cbctl_ok(
        &pki,
        &one,
        &[
            "run",
            "launch",
            "--task",
            "gpu_report:window_ms=100",
            "--all",
            "-o",
            "json",
        ],
    ));
    let run_id = run["id"].as_str().expect("id").to_string();
    let db = pg.database_url();
    wait_for_async("both jobs running", || {
        let db = db.clone();
        async move {
            let rows = query(&db, "SELECT count(*) FROM jobs WHERE status = 'running'").await;
            (rows[0].get::<_, i64>(0) == 2).then_some(())
        }
    })
    .await;
    two.kill9();
    let watched = Command::new(binary("cbctl"))
        .arg("--server")
        .arg(format!("https://{}", one.api))
        .arg("--ca-cert")
        .arg(pki.ca())
        .arg("--token-file")
        .arg(one.admin_token_path())
        .args(["run", "watch", &run_id])
        .output()
        .expect("cbctl");
    assert!(
        watched.status.success(),
        "{}",
        String::from_utf8_lossy(&watched.stderr)
    );
    let rows = query(
        &db,
        "SELECT count(*) FROM run_events WHERE kind = 'job' AND status = 'succeeded'",
    )
    .await;
    assert_eq!(
        rows[0].get::<_, i64>(0),
        4,
        "two runs of two jobs, each result recorded once"
    );
}
