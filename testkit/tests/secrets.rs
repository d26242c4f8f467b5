//! Canary secrets end to end: a real container prints one secret of every kind the redactor knows
//! (a bearer token, AWS keys, a JWT, a multi-line private key, a password pair, a URL with
//! credentials, a Cyberbrain API token, and the spellings issue #22 found leaking: a header value,
//! a key with slashes, a standalone AWS secret key, `pass=`, `--password value`, URL-encoded);
//! a real agent triages its logs and the real controller stores the run. No secret may reach the
//! database, the artifacts or either process's log unredacted, while the lines around them still
//! arrive.

use std::path::Path;

use cyberbrain_testkit::checks::{launch_and_watch, query, wait_agents_online};
use cyberbrain_testkit::docker::{Sandbox, wait_for_log_lines};
use cyberbrain_testkit::process::{AgentProcess, ControllerProcess, Pki, cbctl_ok};
use cyberbrain_testkit::temp_dir;
use uuid::Uuid;

fn hex() -> String {
    Uuid::new_v4().simple().to_string()
}

/// Every row of every table of the public schema, as text.
async fn whole_database(database_url: &str) -> String {
    let tables = query(
        database_url,
        "SELECT table_name::text FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    )
    .await;
    let mut text = String::new();
    for table in tables {
        let name: String = table.get(0);
        for row in query(database_url, &format!("SELECT t::text FROM \"{name}\" t")).await {
            text.push_str(&row.get::<_, String>(0));
            text.push('\n');
        }
    }
    text
}

/// `length` random characters of the base64 alphabet, as a provider's secret key is made.
fn random_key(length: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut key = String::new();
    while key.len() < length {
        for byte in Uuid::new_v4().as_bytes() {
            if key.len() < length {
                key.push(char::from(ALPHABET[usize::from(byte % 64)]));
            }
        }
    }
    key
}

fn files_text(dir: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            text.push_str(&files_text(&path));
        } else {
            text.push_str(&String::from_utf8_lossy(
                &std::fs::read(&path).unwrap_or_default(),
            ));
        }
    }
    text
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn canary_secrets_printed_by_a_container_never_leave_the_agent_unredacted() {
    let dir = temp_dir("secrets");
    let pki = Pki::init(&dir.path().join("certs"), &["keeper"]);

    let bearer = format!("cbcanary{}", hex());
    let aws_key_id = format!("AKIA{}", &hex().to_uppercase()[..16]);
    let aws_secret = format!("{}AbCd/EfG", hex());
    let jwt = format!("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ{}.{}", hex(), hex());
    let key_lines = [
        format!("MIIEpAIB{}{}", hex(), hex()),
        format!("{}Zm9v", hex()),
    ];
    let password = format!("hunter{}", hex());
    let url_password = format!("pw{}", hex());
    let api_token = format!("cbt_{}_{}ABCDEFGHIJK", hex(), hex());
    // The shapes issue #22 found leaking (a letters-only value stays literal in a template).
    let header_key: String = random_key(200)
        .chars()
        .filter(char::is_ascii_alphabetic)
        .take(24)
        .collect();
    let aws_slashed = format!("{}/{}/{}", random_key(13), random_key(7), random_key(18));
    let aws_standalone = random_key(40);
    let pass_value = format!("Pa{}", random_key(14).replace(['/', '+'], "x"));
    let argv_password = format!("Ar{}", random_key(14).replace(['/', '+'], "y"));
    let encoded_password = format!("Ue{}", random_key(14).replace(['/', '+'], "z"));
    let secrets: Vec<(&str, &str)> = vec![
        ("X-Api-Key header value", &header_key),
        ("aws_secret_access_key with slashes", &aws_slashed),
        ("standalone aws secret key", &aws_standalone),
        ("pass= value", &pass_value),
        ("--password argument", &argv_password),
        ("URL-encoded password", &encoded_password),
        ("bearer token", &bearer),
        ("aws access key id", &aws_key_id),
        ("aws secret access key", &aws_secret),
        ("jwt", &jwt),
        ("private key line 1", &key_lines[0]),
        ("private key line 2", &key_lines[1]),
        ("password", &password),
        ("url password", &url_password),
        ("api token", &api_token),
    ];
    let script = [
        format!("echo 'ERROR upstream refused Authorization: Bearer {bearer}'"),
        format!("echo 'INFO loaded aws credentials {aws_key_id} {aws_secret}'"),
        format!("echo 'WARN session jwt {jwt} expired'"),
        "echo 'INFO loading tls key -----BEGIN RSA PRIVATE KEY-----'".to_string(),
        format!("echo '{}'", key_lines[0]),
        format!("echo '{}'", key_lines[1]),
        "echo '-----END RSA PRIVATE KEY-----'".to_string(),
        format!("echo 'ERROR login failed for admin password={password}' >&2"),
        format!("echo 'ERROR cannot connect to postgres://app:{url_password}@db:5432/shop' >&2"),
        format!("echo 'INFO cbctl called with {api_token}'"),
        format!("echo 'WARN X-Api-Key: {header_key}'"),
        format!("echo 'INFO settings aws_secret_access_key={aws_slashed}'"),
        format!("echo 'INFO chunk {aws_standalone} stored'"),
        format!("echo 'ERROR login pass={pass_value} rejected' >&2"),
        format!("echo 'INFO exec mysql --password {argv_password} --host db'"),
        format!("echo 'WARN POST body=user%3Dbob%26password%3D{encoded_password}%26x%3D1'"),
        "sleep 3600".to_string(),
    ]
    .join("; ");
    let mut docker = Sandbox::default();
    let leaky = docker.run("leaky", &[], &script);
    wait_for_log_lines(&leaky, 16);

    let controller = ControllerProcess::start(dir.path(), &pki);
    let agent = AgentProcess::start(
        dir.path(),
        &pki,
        "keeper",
        &controller,
        &["--nvml-library", "/nonexistent/libnvidia-ml.so"],
    );
    wait_agents_online(&pki, &controller, &["keeper"], || agent.process.log_text());
    cbctl_ok(&pki, &controller, &["allowlist", "add", &leaky]);
    let run_id = launch_and_watch(
        &pki,
        &controller,
        &["--task", "log_triage:tail=100,top=50", "--all"],
    );
    let report = cbctl_ok(
        &pki,
        &controller,
        &["run", "report", &run_id, "--format", "json"],
    );

    // The lines arrived, with their secrets cut out.
    for kept in [
        "upstream refused Authorization: Bearer [REDACTED]",
        "login failed for admin password=[REDACTED]",
        "postgres://app:[REDACTED]@db:5432/shop",
        "-----BEGIN RSA PRIVATE KEY-----[REDACTED]",
        "mysql --password [REDACTED] --host db",
        "password%3D[REDACTED]%26x%3D1",
    ] {
        assert!(
            report.contains(kept),
            "{kept:?} is not in the report: {report}"
        );
    }

    let database = whole_database(&controller.database_url()).await;
    let artifacts = files_text(&controller.state_dir.join("artifacts"));
    assert!(!artifacts.is_empty(), "the run wrote no artifacts");
    let controller_log = controller.process.log_text();
    let agent_log = agent.process.log_text();
    for (what, secret) in &secrets {
        for (place, text) in [
            ("the database", &database),
            ("the artifacts", &artifacts),
            ("the controller's log", &controller_log),
            ("the agent's log", &agent_log),
            ("the report", &report),
        ] {
            assert!(
                !text.contains(secret),
                "the {what} reached {place} unredacted"
            );
        }
    }
}
