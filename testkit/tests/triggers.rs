//! Inbound webhooks over real HTTPS on a real controller with a real agent and PostgreSQL: a signed
//! GitHub push launches a run with origin `trigger:<name>`; a wrong signature, a replayed delivery
//! id, an oversized body and a non-matching ref start nothing; an Alertmanager group sent three
//! times starts one run; a Grafana payload outside the time window is refused.

use sha2::{Digest, Sha256};

use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::triggers::{Filters, NewTrigger, Trigger, TriggerKind};
use cyberbrain_store::Store;
use cyberbrain_testkit::checks::{count, wait_agents_online};
use cyberbrain_testkit::process::{AgentProcess, ControllerProcess, Pki, cbctl_ok};
use cyberbrain_testkit::temp_dir;
use cyberbrain_testkit::web::{Page, WebClient};

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

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

async fn create(store: &Store, name: &str, kind: TriggerKind, filters: Filters) -> Trigger {
    let new = NewTrigger {
        name: name.into(),
        kind,
        directive_name: "probe".into(),
        filters,
        secret: format!("secret-of-{name}"),
    };
    store
        .create_trigger(&new, "test", &AuditEntry::new("test", "trigger.create"))
        .await
        .expect("a trigger")
}

async fn runs_of(db: &str, trigger: &str) -> i64 {
    count(
        db,
        &format!("SELECT count(*) FROM runs WHERE origin = 'trigger:{trigger}'"),
    )
    .await
}

async fn github(client: &WebClient, path: &str, secret: &[u8], delivery: &str, body: &str) -> Page {
    let signature = format!("sha256={}", hex(&hmac_sha256(secret, body.as_bytes())));
    client
        .post_body_with(
            path,
            body.as_bytes().to_vec(),
            &[
                ("content-type", "application/json"),
                ("x-github-event", "push"),
                ("x-github-delivery", delivery),
                ("x-hub-signature-256", &signature),
            ],
        )
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signed_deliveries_launch_once_and_everything_else_starts_nothing() {
    let dir = temp_dir("triggers");
    let pki = Pki::init(&dir.path().join("certs"), &["alpha"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let no_gpu = ["--nvml-library", "/nonexistent/libnvidia-ml.so"];
    let agent = AgentProcess::start(dir.path(), &pki, "alpha", &controller, &no_gpu);
    wait_agents_online(&pki, &controller, &["alpha"], || agent.process.log_text());
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
        ],
    );
    let db = controller.database_url();
    let store = Store::connect(&db).await.expect("the store");
    let web = WebClient::new(controller.web.expect("the web listener"), &pki.ca());

    // GitHub, admitting pushes to main only.
    let filters = Filters {
        events: vec!["push".into()],
        refs: vec!["refs/heads/main".into()],
        ..Filters::default()
    };
    let gh = create(&store, "gh", TriggerKind::Github, filters).await;
    let path = gh.path();
    let secret = b"secret-of-gh";
    let push_main = r#"{"ref":"refs/heads/main","after":"abc"}"#;

    let started = std::time::Instant::now();
    let page = github(&web, &path, secret, "d-1", push_main).await;
    assert_eq!(page.status, 202, "{}", page.body);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    assert!(page.body.contains("\"launched\""), "{}", page.body);
    assert_eq!(runs_of(&db, "gh").await, 1);
    let audited = count(
        &db,
        "SELECT count(*) FROM audit_events WHERE action = 'run.launch'
           AND actor = 'trigger:gh' AND details->>'delivery' = 'github:d-1'",
    )
    .await;
    assert_eq!(audited, 1, "the accepted delivery is audited with its key");

    // Replayed delivery id: accepted as a duplicate, nothing launched.
    let page = github(&web, &path, secret, "d-1", push_main).await;
    assert_eq!(
        (page.status, page.body.contains("duplicate")),
        (202, true),
        "{}",
        page.body
    );
    // Wrong signature: 401, nothing recorded.
    let page = github(&web, &path, b"not-the-secret", "d-2", push_main).await;
    assert_eq!(page.status, 401, "{}", page.body);
    // A non-matching ref: ignored.
    let page = github(&web, &path, secret, "d-3", r#"{"ref":"refs/heads/dev"}"#).await;
    assert_eq!(
        (page.status, page.body.contains("ignored")),
        (202, true),
        "{}",
        page.body
    );
    // Oversized body (over 1 MiB), even if signed.
    let huge = format!(
        r#"{{"ref":"refs/heads/main","pad":"{}"}}"#,
        "x".repeat(1024 * 1024)
    );
    let page = github(&web, &path, secret, "d-4", &huge).await;
    assert_eq!(page.status, 413, "{}", page.body);
    // An unknown id says nothing.
    let page = github(
        &web,
        "/hooks/00000000-0000-4000-8000-000000000000",
        secret,
        "d-5",
        push_main,
    )
    .await;
    assert_eq!(page.status, 404);
    assert!(!page.body.contains("gh"));
    assert_eq!(
        runs_of(&db, "gh").await,
        1,
        "only the first delivery launched"
    );
    assert_eq!(
        count(
            &db,
            &format!(
                "SELECT count(*) FROM trigger_deliveries WHERE trigger_id = '{}'",
                gh.id
            )
        )
        .await,
        1,
        "only the launched delivery is recorded"
    );

    // Alertmanager: the same group sent three times launches one run; a wrong bearer nothing.
    let am = create(&store, "am", TriggerKind::Alertmanager, Filters::default()).await;
    let alert = r#"{"version":"4","status":"firing","groupKey":"{}:{alertname=\"Disk\"}",
        "commonLabels":{"alertname":"Disk"},"alerts":[{"fingerprint":"f1"},{"fingerprint":"f2"}]}"#;
    for _ in 0..3 {
        let page = web
            .post_body_with(
                &am.path(),
                alert.as_bytes().to_vec(),
                &[
                    ("content-type", "application/json"),
                    ("authorization", "Bearer secret-of-am"),
                ],
            )
            .await;
        assert_eq!(page.status, 202, "{}", page.body);
    }
    let page = web
        .post_body_with(
            &am.path(),
            alert.as_bytes().to_vec(),
            &[("authorization", "Bearer nope")],
        )
        .await;
    assert_eq!(page.status, 401);
    assert_eq!(runs_of(&db, "am").await, 1);

    // Grafana: a signature over a timestamp ten minutes old is refused; a fresh one launches.
    let gf = create(&store, "gf", TriggerKind::Grafana, Filters::default()).await;
    let grafana = |at: i64| {
        let signed = format!("{at}:{alert}");
        (
            at.to_string(),
            hex(&hmac_sha256(b"secret-of-gf", signed.as_bytes())),
        )
    };
    let now = chrono::Utc::now().timestamp();
    for (at, expected) in [(now - 600, 401), (now, 202)] {
        let (timestamp, signature) = grafana(at);
        let page = web
            .post_body_with(
                &gf.path(),
                alert.as_bytes().to_vec(),
                &[
                    ("x-grafana-alerting-signature", &signature),
                    ("x-grafana-alerting-signature-timestamp", &timestamp),
                ],
            )
            .await;
        assert_eq!(page.status, expected, "{at}: {}", page.body);
    }
    assert_eq!(runs_of(&db, "gf").await, 1);
}
