//! Notifications out (issue #20, part 3): failed runs reach in-test HTTP receivers on loopback,
//! through the real controller (on `--allow-private-targets`, since the receivers are local),
//! real PostgreSQL and `cbctl`. Signatures are checked with an HMAC-SHA256 written here from
//! the Standard Webhooks specification, not with the controller's code. Failed runs come from an
//! agent killed before the launch: its jobs end `unreachable` after a 1 s queue timeout.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use sha2::{Digest, Sha256};

use cyberbrain_testkit::checks::{count, json, wait_agents_online, wait_for_run_status};
use cyberbrain_testkit::pg::PgCluster;
use cyberbrain_testkit::process::{
    AgentProcess, ControllerOptions, ControllerProcess, Pki, cbctl, cbctl_ok,
};
use cyberbrain_testkit::receiver::{Receiver, Recorded, Reply};
use cyberbrain_testkit::{temp_dir, wait_for_async, wait_for_or};

/// Retries 1 s apart, looked for every 100 ms: the backoff is configured, never slept on.
fn notify_flags() -> Vec<String> {
    [
        "--allow-private-targets",
        "--notify-retry-seconds",
        "1,1,1",
        "--notify-poll-ms",
        "100",
    ]
    .map(String::from)
    .to_vec()
}

/// HMAC-SHA256 (RFC 2104) over SHA-256, written out so the check does not share code with the
/// signer.
fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block.map(|b| b ^ byte);
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

/// Verifies a request's Standard Webhooks headers against `secret` (`whsec_…`).
fn verify_standard_webhook(request: &Recorded, secret: &str) {
    let id = request.header("webhook-id");
    let timestamp = request.header("webhook-timestamp");
    assert!(id.starts_with("msg_"), "webhook-id {id:?}");
    let sent: i64 = timestamp.parse().expect("webhook-timestamp is seconds");
    let now = chrono::Utc::now().timestamp();
    assert!((now - sent).abs() < 300, "timestamp {sent} vs now {now}");
    let key = BASE64
        .decode(secret.strip_prefix("whsec_").expect("whsec_ prefix"))
        .expect("base64 key");
    let mut signed = format!("{id}.{timestamp}.").into_bytes();
    signed.extend_from_slice(&request.body);
    let expected = format!("v1,{}", BASE64.encode(hmac_sha256(&key, &signed)));
    let header = request.header("webhook-signature");
    assert!(
        header.split(' ').any(|s| s == expected),
        "signature {header:?}, expected {expected:?}"
    );
}

/// An agent that enrolled and was then killed, so that runs over it fail.
fn fleet_with_a_dead_agent(dir: &std::path::Path, pki: &Pki, controller: &ControllerProcess) {
    let no_gpu = ["--nvml-library", "/nonexistent/libnvidia-ml.so"];
    let mut agent = AgentProcess::start(dir, pki, "alpha", controller, &no_gpu);
    wait_agents_online(pki, controller, &["alpha"], || agent.process.log_text());
    agent.process.kill9();
    wait_for_or(
        "the killed agent shown offline",
        || {
            let agents = json(&cbctl_ok(pki, controller, &["agent", "list", "-o", "json"]));
            agents[0]["state"] == "offline"
        },
        || controller.process.log_text(),
    );
    cbctl_ok(
        pki,
        controller,
        &[
            "directive",
            "create",
            "probe",
            "--task",
            "gpu_report:window_ms=100",
            "--all",
            "--queue-timeout",
            "1s",
        ],
    );
}

/// Launches `probe` and waits for the run to fail; returns its id.
fn failed_run(pki: &Pki, controller: &ControllerProcess) -> String {
    let run = json(&cbctl_ok(
        pki,
        controller,
        &["run", "launch", "probe", "-o", "json"],
    ));
    let id = run["id"].as_str().expect("run id").to_string();
    wait_for_run_status(pki, controller, &id, "failed");
    id
}

/// The signing secret `cbctl notify create … -o json` printed once.
fn create_webhook_rule(pki: &Pki, controller: &ControllerProcess, name: &str, url: &str) -> String {
    let created = json(&cbctl_ok(
        pki,
        controller,
        &[
            "notify",
            "create",
            name,
            "--on",
            "run.failed",
            "--all",
            "--to",
            "webhook",
            url,
            "-o",
            "json",
        ],
    ));
    created["signing_secret"]
        .as_str()
        .expect("a signing secret")
        .to_string()
}

/// Requests by `webhook-id`.
fn by_message(requests: &[Recorded]) -> BTreeMap<String, Vec<Recorded>> {
    let mut grouped: BTreeMap<String, Vec<Recorded>> = BTreeMap::new();
    for r in requests {
        grouped
            .entry(r.header("webhook-id").to_string())
            .or_default()
            .push(r.clone());
    }
    grouped
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_runs_post_signed_messages_retried_after_backoff_and_retry_after() {
    let dir = temp_dir("notify");
    let pki = Pki::init(&dir.path().join("certs"), &["alpha"]);
    let controller = ControllerProcess::start_with(
        dir.path(),
        &pki,
        ControllerOptions {
            extra: notify_flags(),
            ..Default::default()
        },
    );
    fleet_with_a_dead_agent(dir.path(), &pki, &controller);

    // `hook` fails its first request with 500; `later` its first with 503 and Retry-After: 3
    // (longer than the 1 s schedule); `slack` always answers 200.
    let hook =
        Receiver::start(|_, earlier| Reply::status(if earlier.is_empty() { 500 } else { 200 }))
            .await;
    let later = Receiver::start(|_, earlier| {
        if earlier.is_empty() {
            Reply::status(503).with_header("retry-after", "3")
        } else {
            Reply::status(200)
        }
    })
    .await;
    let slack = Receiver::start(|_, _| Reply::status(200)).await;
    let hook_secret = create_webhook_rule(&pki, &controller, "hook", &hook.url("/in/s3cr3t-path"));
    let later_secret = create_webhook_rule(&pki, &controller, "later", &later.url("/in"));
    cbctl_ok(
        &pki,
        &controller,
        &[
            "notify",
            "create",
            "chat",
            "--on",
            "run.failed,run.partially_failed",
            "--directive",
            "probe",
            "--to",
            "slack",
            &slack.url("/services/T0/B0/slack-secret"),
        ],
    );
    // A rule for another directive hears nothing.
    let other = Receiver::start(|_, _| Reply::status(200)).await;
    create_webhook_rule(&pki, &controller, "other", &other.url("/x"));
    cbctl_ok(&pki, &controller, &["notify", "delete", "other", "--yes"]);

    let runs: BTreeSet<String> =
        [failed_run(&pki, &controller), failed_run(&pki, &controller)].into();

    // Delivered is recorded after the receiver's answer: once the list shows every message
    // delivered, every request has arrived.
    wait_for_or(
        "the list to show every message delivered",
        || {
            let list = json(&cbctl_ok(
                &pki,
                &controller,
                &["notify", "list", "-o", "json"],
            ));
            list.as_array().is_some_and(|rules| {
                rules.len() == 3
                    && rules
                        .iter()
                        .all(|r| r["delivered"] == 2 && r["pending"] == 0)
            })
        },
        || cbctl_ok(&pki, &controller, &["notify", "list", "-o", "json"]),
    );

    // One message per failed run: two ids, each delivered once with 200; the first answered
    // 500 and came again, with the same id, after the backoff.
    let requests = hook.requests();
    assert_eq!(requests.len(), 3, "{requests:?}");
    for request in &requests {
        verify_standard_webhook(request, &hook_secret);
        assert_eq!(request.path, "/in/s3cr3t-path");
        assert_eq!(request.header("content-type"), "application/json");
    }
    let grouped = by_message(&requests);
    let retried: Vec<&Vec<Recorded>> = grouped.values().filter(|a| a.len() == 2).collect();
    assert_eq!(retried.len(), 1, "{grouped:?}");
    let gap = retried[0][1].at - retried[0][0].at;
    assert!(gap >= Duration::from_millis(900), "retried after {gap:?}");
    let mut seen_runs = BTreeSet::new();
    for attempts in grouped.values() {
        let body = attempts[0].json();
        assert_eq!(body["type"], "run.failed", "{body}");
        assert_eq!(body["data"]["directive"], "probe", "{body}");
        assert_eq!(body["data"]["status"], "failed", "{body}");
        assert_eq!(
            body["data"]["failed_jobs"][0]["status"], "unreachable",
            "{body}"
        );
        seen_runs.insert(
            body["data"]["run_id"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        );
        // Every attempt of one message is the same message.
        assert!(attempts.iter().all(|a| a.body == attempts[0].body));
    }
    assert_eq!(seen_runs, runs);

    // Retry-After: 3 wins over the 1 s schedule.
    let requests = later.requests();
    assert_eq!(requests.len(), 3, "{requests:?}");
    for request in &requests {
        verify_standard_webhook(request, &later_secret);
    }
    let grouped = by_message(&requests);
    let retried: Vec<&Vec<Recorded>> = grouped.values().filter(|a| a.len() == 2).collect();
    let gap = retried[0][1].at - retried[0][0].at;
    assert!(
        gap >= Duration::from_millis(2900),
        "Retry-After 3 honoured: {gap:?}"
    );

    // Slack: incoming-webhook JSON, text and blocks, one per run.
    let requests = slack.requests();
    assert_eq!(requests.len(), 2, "{requests:?}");
    for request in &requests {
        let body = request.json();
        assert!(
            body["text"]
                .as_str()
                .is_some_and(|t| t.contains("probe failed")),
            "{body}"
        );
        let blocks = body["blocks"].as_array().expect("blocks");
        assert_eq!(blocks[0]["type"], "header", "{body}");
        assert!(request.header("webhook-signature").is_empty());
    }
    assert!(other.requests().is_empty(), "a deleted rule sends nothing");

    // The list shows the state, and the URLs' paths (their secrets) nowhere.
    let list = cbctl_ok(&pki, &controller, &["notify", "list", "-o", "wide"]);
    assert!(list.contains("active"), "{list}");
    for listing in [
        list,
        cbctl_ok(&pki, &controller, &["notify", "get", "hook", "-o", "yaml"]),
        controller.process.log_text(),
    ] {
        assert!(!listing.contains("s3cr3t-path"), "{listing}");
        assert!(!listing.contains("slack-secret"), "{listing}");
        assert!(!listing.contains(&hook_secret), "{listing}");
    }
    // Outbox rows hold references only; each (rule, run, event) once.
    let db = controller.database_url();
    assert_eq!(
        count(&db, "SELECT count(*) FROM notification_outbox").await,
        6,
        "three rules × two runs"
    );
    // `notify test` sends one made-up message now.
    let tested = cbctl(&pki, &controller, &["notify", "test", "chat"]);
    assert!(tested.status.success(), "{tested:?}");
    let last = slack.requests().pop().expect("the test message");
    assert!(
        last.json()["text"]
            .as_str()
            .is_some_and(|t| t.contains("cyberbrain-test"))
    );
    let audit = cbctl_ok(&pki, &controller, &["audit", "list", "-o", "json"]);
    assert!(
        ["notify.create", "notify.delete", "notify.test"]
            .iter()
            .all(|a| audit.contains(a)),
        "{audit}"
    );
    assert!(!audit.contains("s3cr3t-path"), "{audit}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_github_sink_opens_one_issue_then_comments_on_a_repeat() {
    let dir = temp_dir("notify-github");
    let pki = Pki::init(&dir.path().join("certs"), &["alpha"]);
    let controller = ControllerProcess::start_with(
        dir.path(),
        &pki,
        ControllerOptions {
            extra: notify_flags(),
            ..Default::default()
        },
    );
    fleet_with_a_dead_agent(dir.path(), &pki, &controller);

    // GitHub's REST API as documented: list issues by label, create an issue, comment on one.
    let github = Receiver::start(|request, earlier| {
        let created = earlier
            .iter()
            .any(|r| r.method == "POST" && r.path == "/repos/acme/infra/issues");
        match (request.method.as_str(), request.path.as_str()) {
            ("GET", "/repos/acme/infra/issues") if created => Reply::json(
                200,
                serde_json::json!([{"number": 7, "state": "open", "labels": []}]),
            ),
            ("GET", "/repos/acme/infra/issues") => Reply::json(200, serde_json::json!([])),
            ("POST", "/repos/acme/infra/issues") => {
                Reply::json(201, serde_json::json!({"number": 7}))
            }
            ("POST", "/repos/acme/infra/issues/7/comments") => {
                Reply::json(201, serde_json::json!({"id": 1}))
            }
            _ => Reply::json(404, serde_json::json!({"message": "Not Found"})),
        }
    })
    .await;
    let token_file = dir.path().join("gh-token");
    std::fs::write(&token_file, "ghp_testtoken123\n").expect("token file");
    let api = github.url("");
    cbctl_ok(
        &pki,
        &controller,
        &[
            "notify",
            "create",
            "issues",
            "--on",
            "run.failed",
            "--directive",
            "probe",
            "--to",
            "github",
            "acme/infra",
            "--github-token-file",
            token_file.to_str().expect("path"),
            "--github-api-url",
            &api,
        ],
    );

    let first = failed_run(&pki, &controller);
    wait_for_async("the issue opened", || async {
        let r = github.requests();
        r.iter().any(|r| r.method == "POST").then_some(())
    })
    .await;
    let second = failed_run(&pki, &controller);
    let requests = wait_for_async("the comment posted", || async {
        let r = github.requests();
        r.iter().any(|r| r.path.ends_with("/comments")).then_some(r)
    })
    .await;

    for request in &requests {
        assert_eq!(request.header("accept"), "application/vnd.github+json");
        assert_eq!(request.header("authorization"), "Bearer ghp_testtoken123");
        assert_eq!(request.header("x-github-api-version"), "2022-11-28");
        assert!(
            !request.header("user-agent").is_empty(),
            "GitHub requires a User-Agent"
        );
    }
    let gets: Vec<&Recorded> = requests.iter().filter(|r| r.method == "GET").collect();
    assert_eq!(gets.len(), 2, "{requests:?}");
    let label = gets[0]
        .query
        .split('&')
        .find_map(|p| p.strip_prefix("labels="))
        .expect("a labels filter")
        .to_string();
    assert!(label.starts_with("cyberbrain-"), "{label}");
    assert!(gets.iter().all(|g| g.query.contains("state=open")));
    assert!(
        gets[1].query.contains(&format!("labels={label}")),
        "same fingerprint"
    );

    let issues: Vec<&Recorded> = requests
        .iter()
        .filter(|r| r.method == "POST" && r.path == "/repos/acme/infra/issues")
        .collect();
    assert_eq!(issues.len(), 1, "one issue: {requests:?}");
    let issue = issues[0].json();
    assert!(
        issue["title"]
            .as_str()
            .is_some_and(|t| t.len() <= 256 && t.contains("probe"))
    );
    assert!(
        issue["body"].as_str().is_some_and(|b| b.contains(&first)),
        "{issue}"
    );
    assert_eq!(issue["labels"], serde_json::json!([label]));
    let comments: Vec<&Recorded> = requests
        .iter()
        .filter(|r| r.path == "/repos/acme/infra/issues/7/comments")
        .collect();
    assert_eq!(comments.len(), 1);
    let comment = comments[0].json();
    assert!(
        comment["body"]
            .as_str()
            .is_some_and(|b| b.contains(&second)),
        "{comment}"
    );

    // The token is never shown or logged.
    let shown = cbctl_ok(&pki, &controller, &["notify", "list", "-o", "json"]);
    assert!(shown.contains("acme/infra"), "{shown}");
    assert!(!shown.contains("ghp_testtoken123"));
    assert!(!controller.process.log_text().contains("ghp_testtoken123"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_deliver_each_message_once() {
    let dir = temp_dir("notify-replicas");
    let pki = Pki::init(&dir.path().join("certs"), &["alpha"]);
    let pg = PgCluster::start().await;
    let replica = |name: &str| ControllerOptions {
        database_url: Some(pg.database_url()),
        name: Some(name.into()),
        extra: notify_flags(),
        ..Default::default()
    };
    let one = ControllerProcess::start_with(dir.path(), &pki, replica("one"));
    let mut two = ControllerProcess::start_with(dir.path(), &pki, replica("two"));
    two.use_admin_token_of(&one);
    fleet_with_a_dead_agent(dir.path(), &pki, &one);

    // A slow receiver widens the window in which both replicas could hold a message.
    let hook = Receiver::start(|_, _| Reply::status(204).after(Duration::from_millis(200))).await;
    let secret = create_webhook_rule(&pki, &two, "hook", &hook.url("/in"));
    const RUNS: usize = 6;
    let runs: BTreeSet<String> = (0..RUNS)
        .map(|i| failed_run(&pki, if i % 2 == 0 { &one } else { &two }))
        .collect();

    let db = pg.database_url();
    wait_for_async("every message delivered", || async {
        (count(
            &db,
            "SELECT count(*) FROM notification_outbox WHERE status = 'delivered'",
        )
        .await
            == RUNS as i64)
            .then_some(())
    })
    .await;
    // Delivered is recorded after the answer: no request can still be on its way.
    let requests = hook.requests();
    assert_eq!(requests.len(), RUNS, "each message sent once");
    let mut seen = BTreeSet::new();
    for request in &requests {
        verify_standard_webhook(request, &secret);
        seen.insert(
            request.json()["data"]["run_id"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
        );
    }
    assert_eq!(seen, runs);
    assert_eq!(
        count(
            &db,
            "SELECT count(*) FROM notification_outbox WHERE attempts <> 1"
        )
        .await,
        0
    );
    drop(pg);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn private_targets_are_refused_without_the_flag() {
    let dir = temp_dir("notify-private");
    let pki = Pki::init(&dir.path().join("certs"), &[]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    for url in [
        "http://127.0.0.1:9/hook",
        "http://[::1]:9/hook",
        "https://169.254.169.254/latest",
        "http://localhost/x",
        // Spellings the HTTP client's WHATWG parser reads as private literals.
        "http://127.1/",
        "http://2130706433/",
        "http://0x7f000001/",
        "http://0/",
        "http://2852039166/",
        "http://169.254.169.254\\@hooks.example.com/x",
        "http://[::ffff:169.254.169.254]/",
        "http://[64:ff9b:1::1]/",
        "http://[2002:a9fe:a9fe::1]/",
    ] {
        let out = cbctl(
            &pki,
            &controller,
            &[
                "notify",
                "create",
                "x",
                "--on",
                "run.failed",
                "--all",
                "--to",
                "webhook",
                url,
            ],
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{url}: {stderr}");
        assert!(
            stderr.contains("target") && stderr.contains("private"),
            "{stderr}"
        );
        assert!(!stderr.contains(url), "the URL is not echoed: {stderr}");
    }
    // Bad input names its field.
    let out = cbctl(
        &pki,
        &controller,
        &[
            "notify",
            "create",
            "x",
            "--on",
            "run.failed",
            "--all",
            "--to",
            "webhook",
            "ftp://h/x",
        ],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("target"));
    let out = cbctl(
        &pki,
        &controller,
        &[
            "notify",
            "create",
            "x",
            "--on",
            "run.failed",
            "--all",
            "--to",
            "pager",
            "x",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let list = cbctl_ok(&pki, &controller, &["notify", "list", "-o", "json"]);
    assert_eq!(json(&list), serde_json::json!([]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_endpoint_failing_past_the_limit_is_disabled_listed_so_and_enabled_again() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};

    let dir = temp_dir("notify-disable");
    let pki = Pki::init(&dir.path().join("certs"), &["alpha"]);
    let mut extra = notify_flags();
    extra[2] = "1,1,1,1,1,1,1,1,1,1".into();
    extra.extend(["--notify-disable-after-seconds".into(), "2".into()]);
    let controller = ControllerProcess::start_with(
        dir.path(),
        &pki,
        ControllerOptions {
            extra,
            ..Default::default()
        },
    );
    fleet_with_a_dead_agent(dir.path(), &pki, &controller);
    let healthy = Arc::new(AtomicBool::new(false));
    let hook = Receiver::start({
        let healthy = healthy.clone();
        move |_, _| {
            Reply::status(if healthy.load(Ordering::SeqCst) {
                200
            } else {
                500
            })
        }
    })
    .await;
    create_webhook_rule(&pki, &controller, "flaky", &hook.url("/in"));
    let run = failed_run(&pki, &controller);

    let rule = || {
        json(&cbctl_ok(
            &pki,
            &controller,
            &["notify", "get", "flaky", "-o", "json"],
        ))
    };
    wait_for_or(
        "the rule disabled after failing for 2 s",
        || rule()["state"] == "disabled",
        || rule().to_string(),
    );
    let disabled = rule();
    assert_eq!(disabled["pending"], 1, "the message waits: {disabled}");
    assert_eq!(
        disabled["last_error"], "the receiver answered 500",
        "{disabled}"
    );
    assert!(hook.requests().len() >= 3, "retried before it was disabled");
    let table = cbctl_ok(&pki, &controller, &["notify", "list"]);
    assert!(table.contains("disabled since"), "{table}");
    let audit = cbctl_ok(
        &pki,
        &controller,
        &["audit", "list", "--action", "notify.disable", "-o", "json"],
    );
    assert!(audit.contains("flaky"), "{audit}");

    // A test against the failing receiver says so, with exit code 1.
    let tested = cbctl(&pki, &controller, &["notify", "test", "flaky"]);
    assert_eq!(tested.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&tested.stderr).contains("answered 500"),
        "{tested:?}"
    );

    // Enabled again with a healthy receiver, the waiting message goes out.
    healthy.store(true, Ordering::SeqCst);
    cbctl_ok(&pki, &controller, &["notify", "enable", "flaky"]);
    wait_for_or(
        "the waiting message delivered after enable",
        || rule()["delivered"] == 1,
        || rule().to_string(),
    );
    assert_eq!(rule()["state"], "active");
    let last = hook.requests().pop().expect("a request");
    assert_eq!(last.json()["data"]["run_id"], run.as_str());
}

/// The store's side, on a private cluster: the finish writes the outbox rows of matching rules
/// in its own transaction, once, and a claim leases each row to one caller.
#[tokio::test]
async fn a_finish_writes_each_matching_rule_and_event_once_and_a_claim_leases_and_fences_it() {
    use cyberbrain_model::audit::AuditEntry;
    use cyberbrain_model::fleet::{AgentHello, Capabilities, TargetSelector};
    use cyberbrain_model::notifications::DeliveryOutcome;
    use cyberbrain_model::notifications::{
        DeliveryTarget, EventKind, NewNotificationRule, RuleScope, SinkKind,
    };
    use cyberbrain_model::runs::RunOrigin;
    use cyberbrain_store::AttemptRecord;
    use cyberbrain_tasks::{PlannedTask, TaskType};

    let pg = PgCluster::start().await;
    let store = pg.store().await;
    let audit = AuditEntry::new("token:test", "test.change");
    store
        .agent_connected(
            &AgentHello {
                name: "a".into(),
                hostname: "host-a".into(),
                labels: Default::default(),
                version: "test".into(),
                capabilities: Capabilities::default(),
                cert_serial: None,
                cert_expires_at: None,
            },
            "replica/session",
            Duration::from_secs(10),
        )
        .await
        .expect("agent");
    let rule = |name: &str, events: Vec<EventKind>, scope: RuleScope| NewNotificationRule {
        name: name.into(),
        events,
        scope,
        target: DeliveryTarget {
            sink: SinkKind::Webhook,
            target: "https://example.com/in".into(),
            secret: "whsec_AAAA".into(),
            api_url: None,
        },
    };
    for new in [
        rule(
            "any-new-error",
            vec![EventKind::FindingNewError],
            RuleScope::All,
        ),
        rule(
            "nightly-all",
            vec![EventKind::RunFailed, EventKind::FindingNewError],
            RuleScope::Directive("nightly".into()),
        ),
        rule(
            "other",
            vec![EventKind::FindingNewError],
            RuleScope::Directive("other".into()),
        ),
    ] {
        store
            .create_notification_rule(&new, &audit)
            .await
            .expect("rule");
    }
    let run = |directive| {
        let store = store.clone();
        let audit = audit.clone();
        async move {
            let (run, _) = store
                .create_run(
                    directive,
                    &[PlannedTask::with_defaults(TaskType::GpuReport)],
                    &TargetSelector::All,
                    &RunOrigin::untraced("t"),
                    &audit,
                )
                .await
                .expect("run");
            store
                .cancel_jobs_of_run(run.id, &audit)
                .await
                .expect("cancel");
            run.id
        }
    };
    let new_error = serde_json::json!({"triage": {"summary": {"new_templates": [
        {"id": "t1", "agent": "a", "container": "web", "severity": "error", "count": 2,
         "template": "panic <*>"}]}}});
    let db = pg.database_url();

    // A report that cannot be built finishes nothing and writes nothing.
    let broken = run(Some(("nightly", 1))).await;
    let refused = store
        .finish_run_if_done(broken, |_| {
            Err(cyberbrain_store::Error::Unavailable("no report".into()))
        })
        .await;
    assert!(refused.is_err());
    assert_eq!(
        count(&db, "SELECT count(*) FROM notification_outbox").await,
        0
    );

    // A cancelled run of `nightly` with a new error template: both rules that watch it, for
    // finding.new_error only (cancelled is not failed); `other` watches another directive.
    store
        .finish_run_if_done(broken, |_| Ok((String::new(), new_error.clone())))
        .await
        .expect("finish")
        .expect("finished now");
    let again = store
        .finish_run_if_done(broken, |_| Ok((String::new(), new_error.clone())))
        .await
        .expect("finish again");
    assert!(again.is_none());
    let rows = cyberbrain_testkit::checks::query(
        &db,
        "SELECT r.name, o.event FROM notification_outbox o
         JOIN notification_rules r ON r.id = o.rule_id ORDER BY r.name",
    )
    .await;
    let rows: Vec<(String, String)> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    assert_eq!(
        rows,
        [
            ("any-new-error".to_string(), "finding.new_error".to_string()),
            ("nightly-all".to_string(), "finding.new_error".to_string()),
        ]
    );

    // Two claims at once: each row goes to one of them, and neither again while leased.
    let lease = Duration::from_secs(60);
    let (first, second) = tokio::join!(
        store.claim_notifications(10, lease),
        store.claim_notifications(10, lease)
    );
    let (first, second) = (first.expect("claim"), second.expect("claim"));
    assert_eq!(first.len() + second.len(), 2, "{first:?} {second:?}");
    assert!(first.iter().all(|m| m.attempt == 1));
    assert!(
        store
            .claim_notifications(10, lease)
            .await
            .expect("claim")
            .is_empty()
    );

    // Fencing: a sender whose lease ran out (here: moved into the past) and whose message was
    // claimed again can neither renew nor record; the new claim's outcome stands.
    let late = first.into_iter().chain(second).next().expect("a claim");
    cyberbrain_testkit::checks::query(
        &db,
        &format!(
            "UPDATE notification_outbox SET due_at = now() - interval '1 second' WHERE id = {} RETURNING id",
            late.id
        ),
    )
    .await;
    let reclaimed = store.claim_notifications(10, lease).await.expect("claim");
    assert_eq!(reclaimed.len(), 1, "{reclaimed:?}");
    let current = &reclaimed[0];
    assert_eq!((current.id, current.attempt), (late.id, 2));
    let policy = cyberbrain_store::FailurePolicy {
        disable_after: Duration::from_secs(86_400),
    };
    let delivered = DeliveryOutcome::Delivered { status: 200 };
    let failed = DeliveryOutcome::Failed {
        status: Some(500),
        error: "HTTP 500".into(),
        retry_at: Some(chrono::Utc::now() + chrono::Duration::seconds(300)),
    };
    assert!(
        !store
            .renew_notification_lease(&late, lease)
            .await
            .expect("renew")
    );
    assert!(
        store
            .renew_notification_lease(current, lease)
            .await
            .expect("renew")
    );
    assert_eq!(
        store
            .record_notification_attempt(&late, &delivered, policy)
            .await
            .expect("record"),
        AttemptRecord::Stale
    );
    let state = |db: String, id: i64| async move {
        let rows = cyberbrain_testkit::checks::query(
            &db,
            &format!(
                "SELECT status, attempts, last_status FROM notification_outbox WHERE id = {id}"
            ),
        )
        .await;
        let row = &rows[0];
        (
            row.get::<_, String>(0),
            row.get::<_, i32>(1),
            row.get::<_, Option<i32>>(2),
        )
    };
    assert_eq!(
        state(db.clone(), late.id).await,
        ("pending".into(), 2, None)
    );
    assert_eq!(
        store
            .record_notification_attempt(current, &failed, policy)
            .await
            .expect("record"),
        AttemptRecord::Recorded
    );
    assert_eq!(
        state(db.clone(), late.id).await,
        ("pending".into(), 2, Some(500))
    );
    // The first sender's late success does not overwrite the retry the second one recorded,
    // nor a late failure a delivery.
    assert_eq!(
        store
            .record_notification_attempt(&late, &delivered, policy)
            .await
            .expect("record"),
        AttemptRecord::Stale
    );
    assert_eq!(
        state(db.clone(), late.id).await,
        ("pending".into(), 2, Some(500))
    );
    cyberbrain_testkit::checks::query(
        &db,
        &format!(
            "UPDATE notification_outbox SET due_at = now() - interval '1 second' WHERE id = {} RETURNING id",
            late.id
        ),
    )
    .await;
    let third = store.claim_notifications(10, lease).await.expect("claim");
    assert_eq!(third.len(), 1);
    assert_eq!(
        store
            .record_notification_attempt(&third[0], &delivered, policy)
            .await
            .expect("record"),
        AttemptRecord::Recorded
    );
    assert_eq!(
        store
            .record_notification_attempt(current, &failed, policy)
            .await
            .expect("record"),
        AttemptRecord::Stale
    );
    assert_eq!(
        state(db.clone(), late.id).await,
        ("delivered".into(), 3, Some(200))
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM notification_rules WHERE last_error IS NOT NULL OR disabled_at IS NOT NULL").await,
        0,
        "a stale failure touches no rule's health; the delivery cleared the one before"
    );
    assert_eq!(
        count(&db, "SELECT count(*) FROM audit_events WHERE action = 'test.change' AND details::text LIKE '%whsec%'").await,
        0,
        "no secret in the audit log"
    );
}
