//! Inbound webhooks over real HTTPS on a real controller with a real agent and PostgreSQL:
//! `cbctl trigger create … -o json` gives a URL on the web listener and a secret; a GitHub push
//! signed with it launches a run with origin `trigger:<name>`; a wrong signature, a replayed
//! delivery id, an oversized body and a non-matching ref start nothing; an Alertmanager group sent
//! three times starts one run; a Grafana payload outside the time window is refused; the secret is
//! never shown again; expired delivery records are swept, unexpired ones kept.

use sha2::{Digest, Sha256};

use cyberbrain_store::Store;
use cyberbrain_testkit::checks::{count, json, query, wait_agents_online};
use cyberbrain_testkit::process::{AgentProcess, ControllerProcess, Pki, cbctl, cbctl_ok};
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

/// A trigger made with `cbctl trigger create NAME --kind KIND --directive probe EXTRA… -o json`:
/// its path on the web listener (checked to be the listener's URL) and its secret.
struct Created {
    path: String,
    secret: String,
}

fn create(
    pki: &Pki,
    controller: &ControllerProcess,
    name: &str,
    kind: &str,
    extra: &[&str],
) -> Created {
    let mut args = vec![
        "trigger",
        "create",
        name,
        "--kind",
        kind,
        "--directive",
        "probe",
    ];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["-o", "json"]);
    let out = json(&cbctl_ok(pki, controller, &args));
    let object = out.as_object().expect("an object");
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["secret", "url"], "{out}");
    let url = reqwest::Url::parse(out["url"].as_str().expect("a URL")).expect("a URL");
    let web = controller.web.expect("the web listener");
    assert_eq!(url.scheme(), "https");
    assert_eq!(
        url.port(),
        Some(web.port()),
        "the URL is the web listener's"
    );
    assert!(url.path().starts_with("/hooks/"), "{url}");
    let secret = out["secret"].as_str().expect("a secret").to_string();
    assert!(secret.len() >= 32, "a long random secret");
    Created {
        path: url.path().to_string(),
        secret,
    }
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
    let gh = create(
        &pki,
        &controller,
        "gh",
        "github",
        &["--event", "push", "--ref", "refs/heads/main"],
    );
    let path = gh.path.clone();
    let secret = gh.secret.as_bytes();
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
    // The run is the directive's, and it runs to the end on the agent.
    let run_id = json(&page.body)["run_id"]
        .as_str()
        .expect("the run's id")
        .to_string();
    cbctl_ok(
        &pki,
        &controller,
        &["run", "wait", &run_id, "--timeout", "60s"],
    );
    let finished = format!(
        "SELECT count(*) FROM runs WHERE id = '{run_id}' AND directive_name = 'probe'
           AND status = 'succeeded' AND origin = 'trigger:gh'"
    );
    assert_eq!(count(&db, &finished).await, 1);
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
    let gh_id = path.trim_start_matches("/hooks/");
    let deliveries =
        format!("SELECT count(*) FROM trigger_deliveries WHERE trigger_id = '{gh_id}'");
    assert_eq!(
        count(&db, &deliveries).await,
        1,
        "only the launched delivery is recorded"
    );
    let audit_rows = "SELECT count(*) FROM audit_events WHERE actor = 'trigger:gh'";
    assert_eq!(
        count(&db, audit_rows).await,
        2,
        "the launch and the ignored ref: nothing for the bad signature, the replay or the 413"
    );

    // The secret is never shown again: not by list or get, not in the audit log.
    let listed = cbctl_ok(&pki, &controller, &["trigger", "list", "-o", "json"]);
    let got = cbctl_ok(&pki, &controller, &["trigger", "get", "gh", "-o", "json"]);
    let table = cbctl_ok(&pki, &controller, &["trigger", "list", "-o", "wide"]);
    let audit = cbctl_ok(&pki, &controller, &["audit", "list", "-o", "json"]);
    for text in [&listed, &got, &table, &audit] {
        assert!(!text.contains(&gh.secret), "the secret leaked: {text}");
    }
    let got = json(&got);
    assert_eq!(got["kind"], "github");
    assert_eq!(got["refs"][0], "refs/heads/main");
    assert_eq!(got["remembered_deliveries"], 1);
    assert!(table.contains("ref=refs/heads/main"), "{table}");
    assert!(
        json(&listed).as_array().is_some_and(|a| a.len() == 1),
        "{listed}"
    );

    // The delivery id is remembered for more than three days; the sweep forgets only expired
    // records (an expired one planted beside it goes).
    let kept = format!(
        "SELECT count(*) FROM trigger_deliveries
          WHERE trigger_id = '{gh_id}' AND expires_at > now() + interval '3 days'"
    );
    assert_eq!(count(&db, &kept).await, 1);
    query(
        &db,
        &format!(
            "INSERT INTO trigger_deliveries (trigger_id, dedupe_key, expires_at)
             VALUES ('{gh_id}', 'github:old', now() - interval '1 second')"
        ),
    )
    .await;
    let swept = cyberbrain_controller::retention::expire_deliveries(&store)
        .await
        .expect("the sweep");
    assert_eq!(swept, 1);
    assert_eq!(count(&db, &kept).await, 1);
    assert_eq!(count(&db, &deliveries).await, 1);
    let page = github(&web, &path, secret, "d-1", push_main).await;
    assert!(page.body.contains("duplicate"), "{}", page.body);

    // In a table the secret goes alone to stdout, the URL to stderr.
    let made = cbctl(
        &pki,
        &controller,
        &[
            "trigger",
            "create",
            "ci",
            "--kind",
            "generic",
            "--directive",
            "probe",
        ],
    );
    assert!(made.status.success());
    let stdout = String::from_utf8_lossy(&made.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.starts_with("whsec_"), "{stdout}");
    let stderr = String::from_utf8_lossy(&made.stderr);
    assert!(
        stderr.contains("/hooks/") && stderr.contains("shown once"),
        "{stderr}"
    );

    // Bad filters and kinds are refused, naming the flag.
    let refused = cbctl(
        &pki,
        &controller,
        &[
            "trigger",
            "create",
            "bad",
            "--kind",
            "generic",
            "--directive",
            "probe",
            "--ref",
            "refs/heads/main",
        ],
    );
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("--ref") || stderr.contains("filters"),
        "{stderr}"
    );

    // Alertmanager: the same group sent three times launches one run; a wrong bearer nothing.
    let am = create(
        &pki,
        &controller,
        "am",
        "alertmanager",
        &["--cool-down", "10m"],
    );
    let bearer = format!("Bearer {}", am.secret);
    let alert = r#"{"version":"4","status":"firing","groupKey":"{}:{alertname=\"Disk\"}",
        "commonLabels":{"alertname":"Disk"},"alerts":[{"fingerprint":"f1"},{"fingerprint":"f2"}]}"#;
    for _ in 0..3 {
        let page = web
            .post_body_with(
                &am.path,
                alert.as_bytes().to_vec(),
                &[
                    ("content-type", "application/json"),
                    ("authorization", &bearer),
                ],
            )
            .await;
        assert_eq!(page.status, 202, "{}", page.body);
    }
    let page = web
        .post_body_with(
            &am.path,
            alert.as_bytes().to_vec(),
            &[("authorization", "Bearer nope")],
        )
        .await;
    assert_eq!(page.status, 401);
    assert_eq!(runs_of(&db, "am").await, 1);

    // Grafana: a signature over a timestamp ten minutes old is refused; a fresh one launches.
    let gf = create(&pki, &controller, "gf", "grafana", &[]);
    let grafana = |at: i64| {
        let signed = format!("{at}:{alert}");
        (
            at.to_string(),
            hex(&hmac_sha256(gf.secret.as_bytes(), signed.as_bytes())),
        )
    };
    let now = chrono::Utc::now().timestamp();
    for (at, expected) in [(now - 600, 401), (now, 202)] {
        let (timestamp, signature) = grafana(at);
        let page = web
            .post_body_with(
                &gf.path,
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

    // Deleted: its URL is gone, its runs stay.
    cbctl_ok(&pki, &controller, &["trigger", "delete", "gh", "--yes"]);
    let page = github(&web, &path, secret, "d-9", push_main).await;
    assert_eq!(page.status, 404);
    assert_eq!(runs_of(&db, "gh").await, 1);
}
