//! Hardening against an outside attacker (issue #22): streams that must end, listeners that must
//! shed idle and excess connections, one live stream per agent identity, unauthenticated floods
//! kept away from the database, and an embedded PostgreSQL that does not outlive a crash.

use std::time::Duration;

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::run_service_client::RunServiceClient;
use cyberbrain_testkit::api::admin_channel;
use cyberbrain_testkit::checks::{agents_online, launch_and_watch};
use cyberbrain_testkit::process::{AgentProcess, ControllerProcess, Pki};
use cyberbrain_testkit::{temp_dir, wait_for};

/// Flags for an agent that needs neither Docker containers nor a GPU: `gpu_report` answers
/// "no NVML" at once.
const NO_GPU: [&str; 2] = ["--nvml-library", "/nonexistent.so"];

/// Reads a `WatchRun` stream to its end, failing if it does not end within ten seconds.
async fn watch_to_end(
    client: &mut RunServiceClient<cyberbrain_testkit::api::TokenChannel>,
    run_id: &str,
    after_sequence: u64,
) -> Vec<pb::RunEvent> {
    let request = pb::WatchRunRequest {
        run_id: run_id.to_string(),
        after_sequence,
    };
    let read = async {
        let mut stream = client.watch_run(request).await.expect("watch").into_inner();
        let mut events = Vec::new();
        while let Some(event) = stream.message().await.expect("watch stream") {
            events.push(event);
        }
        events
    };
    tokio::time::timeout(Duration::from_secs(10), read)
        .await
        .unwrap_or_else(|_| panic!("WatchRun after {after_sequence} did not end"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn watch_run_resumed_at_or_past_the_end_of_a_finished_run_ends_at_once() {
    let dir = temp_dir("harden-watch");
    let pki = Pki::init(&dir.path().join("certs"), &["echo"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let _echo = AgentProcess::start(dir.path(), &pki, "echo", &controller, &NO_GPU);
    wait_for("the agent online", || {
        agents_online(&pki, &controller, &["echo"])
    });
    let run_id = launch_and_watch(&pki, &controller, &["--task", "gpu_report"]);

    let mut client = RunServiceClient::new(admin_channel(&controller, &pki.ca()).await);
    let all = watch_to_end(&mut client, &run_id, 0).await;
    let last = all.last().expect("a snapshot").sequence;
    assert!(last > 0, "the run logged events: {all:?}");
    // One before the end: the final event, then the end.
    let tail = watch_to_end(&mut client, &run_id, last - 1).await;
    assert_eq!(tail.iter().map(|e| e.sequence).collect::<Vec<_>>(), [last]);
    // At the end and past it: nothing, and the end.
    for after in [last, last + 1, u64::MAX] {
        let rest = watch_to_end(&mut client, &run_id, after).await;
        assert!(rest.is_empty(), "after {after}: {rest:?}");
    }
}
