//! `cbctl schedule` and the scheduler end to end: real controllers (two replicas on one
//! PostgreSQL), a real agent, the database clock. The scheduler's races, policies and
//! daylight-saving behaviour under a manual clock are in `schedules.rs`.

use std::process::Output;

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::schedule_service_client::ScheduleServiceClient;
use cyberbrain_testkit::api::admin_channel;
use cyberbrain_testkit::checks::{count, json, wait_agents_online};
use cyberbrain_testkit::http::metrics;
use cyberbrain_testkit::pg::PgCluster;
use cyberbrain_testkit::process::{AgentProcess, ControllerProcess, Pki, cbctl, cbctl_ok};
use cyberbrain_testkit::{temp_dir, wait_for_or};

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

/// A failed call (INVALID_ARGUMENT) whose one-line message names the request's `field`, and does
/// not echo the value.
fn assert_refused(output: &Output, field: &str, not_echoed: &str) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(
        err.contains(&format!("invalid {field}:")),
        "names {field}: {err}"
    );
    assert!(!err.contains(not_echoed), "echoes the value: {err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_directive_runs_by_itself_once_per_fire_time_across_two_replicas() {
    let dir = temp_dir("schedules-e2e");
    let pki = Pki::init(&dir.path().join("certs"), &["alpha"]);
    let pg = PgCluster::start().await;
    let url = pg.database_url();
    let (one, two) = ControllerProcess::start_two_replicas(dir.path(), &pki, &url);
    let _alpha = AgentProcess::start(
        dir.path(),
        &pki,
        "alpha",
        &one,
        &["--nvml-library", "/nonexistent/libnvidia-ml.so"],
    );
    wait_agents_online(&pki, &one, &["alpha"], || one.process.log_text());
    cbctl_ok(
        &pki,
        &one,
        &[
            "directive",
            "create",
            "nightly",
            "--task",
            "gpu_report:window_ms=100",
            "--all",
        ],
    );
    let created = json(&cbctl_ok(
        &pki,
        &two,
        &[
            "schedule",
            "create",
            "every-second",
            "--directive",
            "nightly",
            "--cron",
            "* * * * * *",
            "-o",
            "json",
        ],
    ));
    assert_eq!(created["name"], "every-second");
    assert_eq!(created["concurrency"], "allow");
    assert_eq!(created["time_zone"], "UTC");
    let scheduled = "SELECT count(*) FROM runs WHERE origin = 'schedule:every-second'";
    let succeeded = "SELECT count(*) FROM runs WHERE origin = 'schedule:every-second'
                     AND status = 'succeeded'";
    let mut checked = 0;
    wait_for_or(
        "three scheduled runs that succeeded",
        || {
            checked += 1;
            futures_block(count(&url, succeeded)) >= 3
        },
        || format!("{}\n{}", one.process.log_text(), two.process.log_text()),
    );
    assert!(checked > 0);
    cbctl_ok(&pki, &one, &["schedule", "pause", "every-second"]);
    let paused = json(&cbctl_ok(
        &pki,
        &two,
        &["schedule", "get", "every-second", "-o", "json"],
    ));
    assert_eq!(paused["paused"], true);
    assert!(paused["next_fire_at"].is_null(), "{paused}");
    // Each fire time has one run, and the runs of both replicas together are every fire.
    let runs = futures_block(count(&url, scheduled));
    let distinct = futures_block(count(
        &url,
        "SELECT count(DISTINCT scheduled_at) FROM runs WHERE origin = 'schedule:every-second'",
    ));
    assert_eq!(runs, distinct);
    let fires = |c: &ControllerProcess| {
        metrics(c.http.expect("metrics endpoint")).sum("cyberbrain_schedule_fires_total", &[])
    };
    wait_for_or(
        "the replicas' fire counters to add up to the runs",
        || {
            let runs = futures_block(count(&url, scheduled));
            (fires(&one) + fires(&two)) as i64 == runs
        },
        || format!("one {} two {}", fires(&one), fires(&two)),
    );
    // The lag from fire time to launch, over both replicas: within the poll interval (500 ms)
    // and a launch (3 s leaves room for a loaded test machine).
    let lag = |name: &str| {
        metrics(one.http.expect("metrics")).sum(name, &[])
            + metrics(two.http.expect("metrics")).sum(name, &[])
    };
    let (lag_sum, lag_count) = (
        lag("cyberbrain_schedule_fire_lag_seconds_sum"),
        lag("cyberbrain_schedule_fire_lag_seconds_count"),
    );
    assert!(lag_count >= 3.0, "{lag_count}");
    let mean = lag_sum / lag_count;
    eprintln!("schedule fire lag: mean {mean:.3} s over {lag_count} fires");
    assert!(mean < 3.0, "mean lag {mean} s");
    // A scheduled run says where it came from, in the API and in the audit log.
    let listed = json(&cbctl_ok(&pki, &one, &["run", "list", "-o", "json"]));
    let run = listed
        .as_array()
        .and_then(|runs| runs.iter().find(|r| r["origin"] == "schedule:every-second"))
        .expect("a scheduled run listed")
        .clone();
    assert!(run["scheduled_at"].is_string(), "{run}");
    let audit = json(&cbctl_ok(
        &pki,
        &one,
        &["audit", "list", "--action", "run.launch", "-o", "json"],
    ));
    assert!(
        audit
            .as_array()
            .is_some_and(|events| events.iter().any(|e| e["actor"] == "schedule:every-second")),
        "{audit}"
    );
}

/// Runs a future to completion from a synchronous closure (the harness's wait loops are sync).
fn futures_block<F: std::future::Future>(future: F) -> F::Output {
    tokio::task::block_in_place(|| tokio::runtime::Handle::current().block_on(future))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn schedule_commands_preview_pause_resume_delete_and_refuse_bad_input() {
    let dir = temp_dir("schedules-cli");
    let pki = Pki::init(&dir.path().join("certs"), &["x"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    cbctl_ok(
        &pki,
        &controller,
        &[
            "directive",
            "create",
            "triage",
            "--task",
            "gpu_report",
            "--all",
        ],
    );
    let created = json(&cbctl_ok(
        &pki,
        &controller,
        &[
            "schedule",
            "create",
            "nightly",
            "--directive",
            "triage",
            "--cron",
            "30 2 * * *",
            "--tz",
            "Europe/Berlin",
            "--concurrency",
            "forbid",
            "--starting-deadline",
            "10m",
            "-o",
            "json",
        ],
    ));
    assert_eq!(created["concurrency"], "forbid");
    assert_eq!(created["starting_deadline_seconds"], 600);
    assert_eq!(created["time_zone"], "Europe/Berlin");
    assert_eq!(created["dst_policy"], "vixie");
    assert!(created["next_fire_at"].is_string());

    // The preview: five times, a day apart, each 02:30 in Berlin (03:00 on a spring-forward day).
    let next = json(&cbctl_ok(
        &pki,
        &controller,
        &["schedule", "next", "nightly", "--count", "5", "-o", "json"],
    ));
    let times = next.as_array().expect("an array");
    assert_eq!(times.len(), 5);
    assert_eq!(times[0]["at"], created["next_fire_at"]);
    for t in times {
        let local = t["local"].as_str().expect("local time");
        assert!(
            local.contains(" 02:30:00 CE") || local.contains(" 03:00:00 CEST"),
            "{local}"
        );
    }
    let table = cbctl_ok(&pki, &controller, &["schedule", "list"]);
    assert!(
        table.contains("NEXT FIRE") && table.contains("nightly"),
        "{table}"
    );
    assert!(table.contains("Europe/Berlin"), "{table}");

    // Every read command parses under -o json and -o yaml; the wide table has the counts.
    for args in [
        &["schedule", "list"][..],
        &["schedule", "get", "nightly"],
        &["schedule", "next", "nightly"],
    ] {
        for format in ["json", "yaml"] {
            let mut with = args.to_vec();
            with.extend(["-o", format]);
            let text = cbctl_ok(&pki, &controller, &with);
            if format == "json" {
                serde_json::from_str::<serde_json::Value>(&text)
                    .unwrap_or_else(|e| panic!("{with:?} is not JSON ({e}): {text}"));
            } else {
                serde_yaml::from_str::<serde_yaml::Value>(&text)
                    .unwrap_or_else(|e| panic!("{with:?} is not YAML ({e}): {text}"));
            }
        }
    }
    let wide = cbctl_ok(&pki, &controller, &["schedule", "list", "-o", "wide"]);
    assert!(wide.contains("DEADLINE") && wide.contains("10m"), "{wide}");

    // Pause, resume.
    let paused = json(&cbctl_ok(
        &pki,
        &controller,
        &["schedule", "pause", "nightly", "-o", "json"],
    ));
    assert_eq!(paused["paused"], true);
    let resumed = json(&cbctl_ok(
        &pki,
        &controller,
        &["schedule", "resume", "nightly", "-o", "json"],
    ));
    assert_eq!(resumed["paused"], false);
    assert_eq!(resumed["next_fire_at"], created["next_fire_at"]);
    let got = json(&cbctl_ok(
        &pki,
        &controller,
        &["schedule", "get", "nightly", "-o", "json"],
    ));
    assert_eq!(got["fires"], 0);

    // Bad input: each refused naming its flag, nothing stored.
    let long = "1,".repeat(200);
    let create = |extra: &[&str]| {
        let mut args = vec!["schedule", "create", "bad", "--directive", "triage"];
        args.extend_from_slice(extra);
        cbctl(&pki, &controller, &args)
    };
    assert_refused(&create(&["--cron", "61 * * * *"]), "cron", "61 * * * *");
    assert_refused(&create(&["--cron", &long]), "cron", &long);
    assert_refused(
        &create(&["--cron", "0 3 * * *", "--tz", "Mars/Olympus_Mons"]),
        "time_zone",
        "Olympus",
    );
    assert_refused(
        &cbctl(
            &pki,
            &controller,
            &[
                "schedule",
                "create",
                "bad",
                "--directive",
                "nonexistent",
                "--cron",
                "0 3 * * *",
            ],
        ),
        "directive_name",
        "nonexistent",
    );
    assert_refused(
        &create(&["--cron", "0 3 * * *", "--starting-deadline", "30d"]),
        "starting_deadline_seconds",
        "2592000",
    );
    let duplicate = cbctl(
        &pki,
        &controller,
        &[
            "schedule",
            "create",
            "nightly",
            "--directive",
            "triage",
            "--cron",
            "@hourly",
        ],
    );
    assert_eq!(duplicate.status.code(), Some(1), "{}", stderr(&duplicate));
    assert!(stderr(&duplicate).contains("already exists"));
    let listed = json(&cbctl_ok(
        &pki,
        &controller,
        &["schedule", "list", "-o", "json"],
    ));
    assert_eq!(listed.as_array().map(Vec::len), Some(1), "{listed}");

    // Every change is audited.
    let audit = json(&cbctl_ok(
        &pki,
        &controller,
        &["audit", "list", "-o", "json"],
    ));
    for action in ["schedule.create", "schedule.pause", "schedule.resume"] {
        assert!(
            audit
                .as_array()
                .is_some_and(|events| events.iter().any(|e| e["action"] == action)),
            "{action} audited"
        );
    }

    // The same over gRPC: INVALID_ARGUMENT, the field first.
    let mut grpc = ScheduleServiceClient::new(admin_channel(&controller, &pki.ca()).await);
    for (request, field) in [
        (
            pb::CreateScheduleRequest {
                name: "bad".into(),
                directive_name: "triage".into(),
                cron: "* * *".into(),
                ..Default::default()
            },
            "cron",
        ),
        (
            pb::CreateScheduleRequest {
                name: "bad".into(),
                directive_name: "triage".into(),
                cron: "@daily".into(),
                time_zone: "Europe/Atlantis".into(),
                ..Default::default()
            },
            "time_zone",
        ),
        (
            pb::CreateScheduleRequest {
                name: "bad".into(),
                directive_name: "gone".into(),
                cron: "@daily".into(),
                ..Default::default()
            },
            "directive_name",
        ),
        (
            pb::CreateScheduleRequest {
                name: "Bad Name".into(),
                directive_name: "triage".into(),
                cron: "@daily".into(),
                ..Default::default()
            },
            "name",
        ),
        (
            pb::CreateScheduleRequest {
                name: "bad".into(),
                directive_name: "triage".into(),
                cron: "@daily".into(),
                concurrency: 42,
                ..Default::default()
            },
            "concurrency",
        ),
    ] {
        let status = grpc.create_schedule(request).await.expect_err("refused");
        assert_eq!(status.code(), tonic::Code::InvalidArgument, "{status:?}");
        assert!(
            status.message().starts_with(&format!("invalid {field}:")),
            "{field}: {}",
            status.message()
        );
    }
    let status = grpc
        .preview_schedule(pb::PreviewScheduleRequest {
            name: "nightly".into(),
            count: 1000,
        })
        .await
        .expect_err("refused");
    assert_eq!(status.code(), tonic::Code::InvalidArgument);
    assert!(status.message().contains("count"), "{}", status.message());

    // Delete; then it is gone.
    cbctl_ok(
        &pki,
        &controller,
        &["schedule", "delete", "nightly", "--yes"],
    );
    let gone = cbctl(&pki, &controller, &["schedule", "get", "nightly"]);
    assert_eq!(gone.status.code(), Some(1));
    assert!(stderr(&gone).contains("not found"), "{}", stderr(&gone));
}
