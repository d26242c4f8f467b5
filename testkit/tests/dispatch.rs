//! Dispatch under stress and on purpose: cancellation reaching the agent, a frozen agent's job given
//! up, a task's own limits reaching the agent, graceful shutdown of controllers and agents, a partitioned agent whose late result
//! is fenced off, and a thousand concurrent launches recorded exactly once.

use std::process::Command;
use std::time::Duration;

use cyberbrain_proto::v1::run_service_client::RunServiceClient;
use cyberbrain_testkit::api::{admin_channel, gpu_launch_request};
use cyberbrain_testkit::checks::{
    count, json, launch_gpu_run, query, wait_agents_online, wait_for_job, wait_for_run_status,
};
use cyberbrain_testkit::fixtures::{SLOW_GPU, SlowGpuFleet};
use cyberbrain_testkit::nvml;
use cyberbrain_testkit::pg::PgCluster;
use cyberbrain_testkit::process::{
    AgentProcess, ControllerOptions, ControllerProcess, Pki, cbctl_ok,
};
use cyberbrain_testkit::proxy::Proxy;
use cyberbrain_testkit::{temp_dir, wait_for_async_within, wait_for_or};

fn signal(pid: u32, name: &str) {
    let status = Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status();
    assert!(status.is_ok_and(|s| s.success()), "kill -{name} {pid}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_a_run_stops_the_job_on_the_agent() {
    let fleet = SlowGpuFleet::start("cancel", "a", ControllerOptions::default());
    let (pki, controller) = (&fleet.pki, &fleet.controller);
    let run_id = fleet.launch_running_job().await;

    let run = json(&cbctl_ok(
        pki,
        controller,
        &["run", "cancel", &run_id, "--yes", "-o", "json"],
    ));
    assert_eq!(run["status"], "cancelled", "{run}");
    // The cancel's answer leaves the jobs out (its size must not grow with the run's); the run
    // lists them.
    let run = json(&cbctl_ok(
        pki,
        controller,
        &["run", "get", &run_id, "-o", "json"],
    ));
    assert_eq!(run["jobs"][0]["status"], "cancelled", "{run}");
    wait_for_or(
        "the agent to stop the job",
        || fleet.agent.process.log_text().contains("job cancelled"),
        || fleet.agent.process.log_text(),
    );
    let results = count(
        &fleet.db,
        "SELECT count(*) FROM jobs WHERE result IS NOT NULL",
    )
    .await;
    assert_eq!(results, 0, "a cancelled job stores no result");
    let again =
        cyberbrain_testkit::process::cbctl(pki, controller, &["run", "cancel", &run_id, "--yes"]);
    assert!(
        !again.status.success(),
        "cancelling an ended run is refused"
    );
}

/// A frozen agent enforces nothing and renews no lease: the controller gives its job up when the
/// lease runs out (here the only attempt: `lost`), not for the deadline, which it keeps one lease
/// longer than the agent's so that a dead agent's job is retried rather than failed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_controller_gives_up_a_frozen_agents_job_when_its_lease_runs_out() {
    let options = ControllerOptions {
        extra: vec![
            "--job-deadline-seconds".into(),
            "2".into(),
            "--max-attempts".into(),
            "1".into(),
        ],
        ..Default::default()
    };
    let mut fleet = SlowGpuFleet::start("frozen", "a", options);
    fleet.launch_running_job().await;
    let pid = fleet.agent.process.id();
    signal(pid, "STOP");
    wait_for_job(&fleet.db, "the job given up", |s, _| s == "lost").await;
    signal(pid, "CONT");
    let error: String = query(&fleet.db, "SELECT error FROM jobs").await[0].get(0);
    assert_eq!(error, "lease expired on attempt 1 of 1");
    let run_id: uuid::Uuid = query(&fleet.db, "SELECT id FROM runs").await[0].get(0);
    wait_for_run_status(&fleet.pki, &fleet.controller, &run_id.to_string(), "failed");
    let _ = fleet.agent.process.terminate(Duration::from_secs(5));
}

/// A task's own limits beat the controller's: the agent is told the task's one-second deadline
/// (the controller's is five minutes) and stops the slow job after it; the job allows one
/// attempt, and `cbctl` shows both.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tasks_own_deadline_and_attempts_reach_the_agent() {
    let fleet = SlowGpuFleet::start("task-limits", "a", ControllerOptions::default());
    let (pki, controller) = (&fleet.pki, &fleet.controller);
    let task = "gpu_report:window_ms=100,attempts=1,deadline=1";
    let run = json(&cbctl_ok(
        pki,
        controller,
        &[
            "run", "launch", "--task", task, "--agent", "a", "-o", "json",
        ],
    ));
    let run_id = run["id"].as_str().expect("run id").to_string();
    // Shown as a duration, in the spelling `since=` and `deadline=` take.
    assert_eq!(run["tasks"][0], format!("{task}s"), "{run}");
    assert_eq!(run["jobs"][0]["max_attempts"], 1, "{run}");
    let run = wait_for_run_status(pki, controller, &run_id, "failed");
    let error = run["jobs"][0]["error"].as_str().unwrap_or_default();
    assert_eq!(
        error, "deadline of 1s exceeded",
        "the agent's own deadline: {run}"
    );
    let limits = query(
        &fleet.db,
        "SELECT max_attempts, deadline_seconds, attempt FROM jobs",
    )
    .await;
    let (max_attempts, deadline, attempt): (i32, Option<i32>, i32) =
        (limits[0].get(0), limits[0].get(1), limits[0].get(2));
    assert_eq!((max_attempts, deadline, attempt), (1, Some(1), 1));

    // A directive keeps its tasks' limits, and a launch from it fixes them on its jobs.
    cbctl_ok(
        pki,
        controller,
        &[
            "directive",
            "create",
            "quick",
            "--task",
            "service_map:attempts=2,deadline=45",
            "--all",
        ],
    );
    let directive = json(&cbctl_ok(
        pki,
        controller,
        &["directive", "get", "quick", "-o", "json"],
    ));
    assert_eq!(
        directive["tasks"][0], "service_map:attempts=2,deadline=45s",
        "{directive}"
    );
    let run = json(&cbctl_ok(
        pki,
        controller,
        &["run", "launch", "quick", "-o", "json"],
    ));
    assert_eq!(run["jobs"][0]["max_attempts"], 2, "{run}");
    let stored = query(
        &fleet.db,
        &format!(
            "SELECT deadline_seconds FROM jobs WHERE run_id = '{}'",
            run["id"].as_str().expect("run id")
        ),
    )
    .await;
    assert_eq!(stored[0].get::<_, Option<i32>>(0), Some(45));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_controller_stopping_sends_its_agents_to_another_replica_and_a_stopping_agent_drains() {
    let dir = temp_dir("graceful");
    let pki = Pki::init(&dir.path().join("certs"), &["a"]);
    let library = nvml::build(dir.path()).display().to_string();
    let pg = PgCluster::start().await;
    let (one, mut two) =
        ControllerProcess::start_two_replicas(dir.path(), &pki, &pg.database_url());
    let links = [
        format!("https://{}", two.agents),
        format!("https://{}", one.agents),
    ];
    let mut agent = AgentProcess::start_with(
        dir.path(),
        &pki,
        "a",
        &[&links[0], &links[1]],
        &["--nvml-library", &library],
        &[SLOW_GPU],
    );
    wait_agents_online(&pki, &one, &["a"], || agent.process.log_text());

    // SIGTERM: replica two says goodbye, exits cleanly, and the agent moves to one at once.
    assert!(
        two.process.terminate(Duration::from_secs(10)),
        "the replica exits on SIGTERM"
    );
    wait_for_or(
        "the agent on replica one",
        || {
            let listed = json(&cbctl_ok(&pki, &one, &["agent", "get", "a", "-o", "json"]));
            listed["state"] == "online"
                && listed["replica"]
                    .as_str()
                    .is_some_and(|r| r.ends_with(&one.agents.port().to_string()))
        },
        || agent.process.log_text(),
    );
    assert!(
        agent.process.log_text().contains("goodbye"),
        "{}",
        agent.process.log_text()
    );

    // SIGTERM to the agent mid-job: it finishes the job and delivers the result before exiting.
    let db = pg.database_url();
    launch_gpu_run(&pki, &one, "a");
    wait_for_job(&db, "the job running", |s, _| s == "running").await;
    assert!(
        agent.process.terminate(Duration::from_secs(20)),
        "the agent exits after draining"
    );
    let (status, attempt) = cyberbrain_testkit::checks::only_job(&db).await;
    assert_eq!(
        (status.as_str(), attempt),
        ("succeeded", 1),
        "{}",
        agent.process.log_text()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partitioned_agents_late_result_is_refused_and_the_newer_attempt_stands() {
    let dir = temp_dir("partition");
    let pki = Pki::init(&dir.path().join("certs"), &["a"]);
    let library = nvml::build(dir.path()).display().to_string();
    let controller = ControllerProcess::start(dir.path(), &pki);
    let proxy = Proxy::start(controller.agents).await;
    let link = format!("https://{}", proxy.addr);
    let agent = AgentProcess::start_with(
        dir.path(),
        &pki,
        "a",
        &[&link],
        &["--nvml-library", &library],
        &[SLOW_GPU],
    );
    wait_agents_online(&pki, &controller, &["a"], || agent.process.log_text());
    let db = controller.database_url();
    let run_id = launch_gpu_run(&pki, &controller, "a");
    wait_for_job(&db, "the job running", |s, _| s == "running").await;

    proxy.cut();
    wait_for_job(&db, "the lease to expire", |s, a| s == "queued" && a == 1).await;
    proxy.restore();
    wait_for_job(&db, "the second attempt to succeed", |s, a| {
        s == "succeeded" && a == 2
    })
    .await;
    wait_for_or(
        "the late first attempt to be refused",
        || {
            controller
                .process
                .log_text()
                .contains("attempt 1 is superseded by attempt 2")
        },
        || {
            format!(
                "{}\n{}",
                controller.process.log_text(),
                agent.process.log_text()
            )
        },
    );
    let stored = count(
        &db,
        "SELECT count(*) FROM run_events WHERE kind = 'job' AND status = 'succeeded'",
    )
    .await;
    assert_eq!(stored, 1, "only the newer attempt's result stands");
    wait_for_run_status(&pki, &controller, &run_id, "succeeded");
    assert!(
        proxy.accepted() >= 2,
        "the agent reconnected through the proxy"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_launches_record_every_result_exactly_once() {
    const RUNS: usize = 1000;
    let dir = temp_dir("thousand");
    let pki = Pki::init(&dir.path().join("certs"), &["a"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let link = format!("https://{}", controller.agents);
    let agent = AgentProcess::start_with(
        dir.path(),
        &pki,
        "a",
        &[&link],
        &[
            "--nvml-library",
            "/nonexistent.so",
            "--max-concurrent-jobs",
            "16",
        ],
        &[],
    );
    wait_agents_online(&pki, &controller, &["a"], || agent.process.log_text());
    let channel = admin_channel(&controller, &pki.ca()).await;
    let launches = (0..RUNS).map(|_| {
        let mut client = RunServiceClient::new(channel.clone());
        async move {
            let request = gpu_launch_request(100);
            client.launch_run(request).await.map(|_| ())
        }
    });
    let launched = futures_util::future::join_all(launches).await;
    let failures: Vec<_> = launched.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(
        failures.is_empty(),
        "every launch is accepted: {failures:?}"
    );

    let db = controller.database_url();
    wait_for_async_within(Duration::from_secs(180), "every run to finish", || {
        let db = db.clone();
        async move {
            let finished = count(&db, "SELECT count(*) FROM runs WHERE status = 'succeeded'").await;
            (finished == RUNS as i64).then_some(())
        }
    })
    .await;
    let jobs = count(
        &db,
        "SELECT count(*) FROM jobs WHERE status = 'succeeded' AND result IS NOT NULL",
    )
    .await;
    assert_eq!(jobs, RUNS as i64);
    let twice = count(
        &db,
        "SELECT count(*) FROM (SELECT job_id FROM run_events WHERE kind = 'job' AND status = 'succeeded'
         GROUP BY job_id HAVING count(*) <> 1) repeated",
    )
    .await;
    assert_eq!(twice, 0, "no result recorded twice");
    let events = count(
        &db,
        "SELECT count(*) FROM run_events WHERE kind = 'job' AND status = 'succeeded'",
    )
    .await;
    assert_eq!(events, RUNS as i64, "no result lost");
}
