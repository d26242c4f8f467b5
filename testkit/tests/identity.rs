//! Agent identity end to end, over real TLS: enrollment with one-time join tokens (50 at once with
//! one token), the rejection matrix at the agent listener, revocation during an open stream, and
//! certificate rotation under running work.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::agent::v1::agent_link_client::AgentLinkClient;
use cyberbrain_proto::agent::v1::enrollment_client::EnrollmentClient;
use cyberbrain_testkit::api::{agent_channel, api_channel};
use cyberbrain_testkit::checks::{count, json, launch_gpu_run, query, wait_agents_online};
use cyberbrain_testkit::process::{
    AgentProcess, ControllerOptions, ControllerProcess, Pki, cbctl, cbctl_ok,
};
use cyberbrain_testkit::{temp_dir, wait_for_async, wait_for_or};
use rcgen::{CertificateParams, DnType, ExtendedKeyUsagePurpose, Issuer, KeyPair, SanType};
use tonic::Code;

fn join_token(pki: &Pki, controller: &ControllerProcess, args: &[&str]) -> String {
    let mut all = vec!["agent", "join-token", "create"];
    all.extend_from_slice(args);
    cbctl_ok(pki, controller, &all).trim().to_string()
}

fn csr() -> String {
    let key = KeyPair::generate().expect("key");
    CertificateParams::default()
        .serialize_request(&key)
        .expect("csr")
        .pem()
        .expect("pem")
}

async fn enroll(
    controller: &ControllerProcess,
    ca: &Path,
    token: &str,
    name: &str,
) -> Result<link::EnrollResponse, tonic::Status> {
    // Server-authenticated TLS only: the agent has no certificate yet.
    let channel = api_channel(controller.agents, ca).await;
    EnrollmentClient::new(channel)
        .enroll(link::EnrollRequest {
            join_token: token.to_string(),
            csr_pem: csr(),
            name: name.to_string(),
            hostname: format!("host-{name}"),
        })
        .await
        .map(tonic::Response::into_inner)
}

/// Opens the agent stream with a client identity and says hello; returns the stream after the
/// welcome.
async fn attach(
    controller: &ControllerProcess,
    ca: &Path,
    cert: &Path,
    key: &Path,
) -> Result<tonic::Streaming<link::ControllerMessage>, tonic::Status> {
    attach_with_sender(controller, ca, cert, key)
        .await
        .map(|(sender, inbound)| {
            // Keep the request stream open: a closed one would end the session at once.
            std::mem::forget(sender);
            inbound
        })
}

/// Like [`attach`], keeping the sender to say more.
async fn attach_with_sender(
    controller: &ControllerProcess,
    ca: &Path,
    cert: &Path,
    key: &Path,
) -> Result<
    (
        tokio::sync::mpsc::Sender<link::AgentMessage>,
        tonic::Streaming<link::ControllerMessage>,
    ),
    tonic::Status,
> {
    let channel = agent_channel(controller.agents, ca, cert, key)
        .await
        .map_err(|e| tonic::Status::unavailable(format!("handshake: {e}")))?;
    let hello = link::AgentMessage {
        message: Some(link::agent_message::Message::Hello(link::Hello {
            hostname: "h".into(),
            ..Default::default()
        })),
    };
    let (sender, receiver) = tokio::sync::mpsc::channel(4);
    sender.send(hello).await.expect("hello queued");
    let mut inbound = AgentLinkClient::new(channel)
        .attach(tokio_stream::wrappers::ReceiverStream::new(receiver))
        .await?
        .into_inner();
    match inbound.message().await?.and_then(|m| m.message) {
        Some(link::controller_message::Message::Welcome(_)) => Ok((sender, inbound)),
        other => Err(tonic::Status::aborted(format!("no welcome: {other:?}"))),
    }
}

/// A certificate signed by the PKI's CA (or `self_signed`), written next to the PKI.
struct Crafted {
    name: &'static str,
    cert: PathBuf,
    key: PathBuf,
}

fn craft(
    pki: &Pki,
    name: &'static str,
    shape: impl FnOnce(&mut CertificateParams),
    self_signed: bool,
) -> Crafted {
    let ca_pem = std::fs::read_to_string(pki.ca()).expect("ca");
    let ca_key =
        KeyPair::from_pem(&std::fs::read_to_string(pki.dir.join("ca.key")).expect("ca key"))
            .expect("ca key");
    let issuer = Issuer::from_ca_cert_pem(&ca_pem, ca_key).expect("issuer");
    let key = KeyPair::generate().expect("key");
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
    params.distinguished_name.push(DnType::CommonName, name);
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    params.not_before = rcgen::date_time_ymd(2024, 1, 1);
    params.not_after = rcgen::date_time_ymd(2080, 1, 1);
    shape(&mut params);
    let cert = if self_signed {
        params.self_signed(&key).expect("self-signed")
    } else {
        params.signed_by(&key, &issuer).expect("signed")
    };
    let cert_path = pki.dir.join(format!("crafted-{name}.pem"));
    let key_path = pki.dir.join(format!("crafted-{name}.key"));
    std::fs::write(&cert_path, cert.pem()).expect("write cert");
    std::fs::write(&key_path, key.serialize_pem()).expect("write key");
    Crafted {
        name,
        cert: cert_path,
        key: key_path,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_join_token_enrolls_exactly_one_agent_and_is_refused_after_use_or_expiry() {
    let dir = temp_dir("enroll");
    let pki = Pki::init(&dir.path().join("certs"), &["x"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let db = controller.database_url();
    let ca = pki.ca();

    // Fifty agents race for one token: exactly one certificate is issued.
    let token = join_token(
        &pki,
        &controller,
        &["--ttl", "10m", "--labels", "gpu=true,zone=a"],
    );
    let attempts = (0..50).map(|i| {
        let (controller, ca, token) = (&controller, &ca, &token);
        async move { enroll(controller, ca, token, &format!("racer-{i}")).await }
    });
    let results = futures_util::future::join_all(attempts).await;
    let winners: Vec<_> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(winners.len(), 1, "exactly one enrollment wins");
    for refused in results.iter().filter_map(|r| r.as_ref().err()) {
        assert_eq!(refused.code(), Code::Unauthenticated, "{refused:?}");
        assert!(refused.message().contains("used already"), "{refused:?}");
    }
    assert_eq!(
        count(&db, "SELECT count(*) FROM agent_certificates").await,
        1
    );
    assert_eq!(count(&db, "SELECT count(*) FROM agents").await, 1);
    // The winner's certificate names it by id (URI SAN), for client authentication only.
    let winner = winners[0];
    let (_, pem) =
        x509_parser::pem::parse_x509_pem(winner.certificate_pem.as_bytes()).expect("pem");
    let cert = pem.parse_x509().expect("certificate");
    let sans = format!("{:?}", cert.subject_alternative_name().expect("san"));
    assert!(
        sans.contains(&format!("spiffe://cyberbrain/agent/{}", winner.agent_id)),
        "{sans}"
    );

    // A replay is refused, and so is an expired token.
    let replay = enroll(&controller, &ca, &token, "late")
        .await
        .expect_err("replay");
    assert_eq!(replay.code(), Code::Unauthenticated);
    let short = join_token(&pki, &controller, &["--ttl", "1s"]);
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let expired = enroll(&controller, &ca, &short, "late")
        .await
        .expect_err("expired");
    assert_eq!(expired.code(), Code::Unauthenticated);
    assert!(expired.message().contains("expired"), "{expired:?}");
    let forged = enroll(
        &controller,
        &ca,
        &format!("{}x", &token[..token.len() - 1]),
        "late",
    )
    .await
    .expect_err("forged");
    assert_eq!(forged.code(), Code::Unauthenticated);
    let audited = count(
        &db,
        "SELECT count(*) FROM audit_events WHERE action = 'agent.enroll'",
    )
    .await;
    assert_eq!(audited, 1);

    // A real agent enrolls with a fresh token, keeps its key 0600, and comes online with the
    // token's labels.
    let token = join_token(&pki, &controller, &["--labels", "gpu=true"]);
    let state = dir.path().join("agent-state");
    let agent = AgentProcess::enroll(
        dir.path(),
        Some(&ca),
        "enrolled-1",
        &controller,
        &token,
        &state,
        &["--nvml-library", "/nonexistent.so", "--label", "gpu=false"],
    );
    wait_agents_online(&pki, &controller, &["enrolled-1"], || {
        agent.process.log_text()
    });
    for file in ["agent.key", "agent.pem"] {
        let meta = std::fs::metadata(state.join(file)).expect("identity file");
        assert_eq!(
            std::os::unix::fs::PermissionsExt::mode(&meta.permissions()) & 0o777,
            0o600
        );
    }
    let shown = json(&cbctl_ok(
        &pki,
        &controller,
        &["agent", "get", "enrolled-1", "-o", "json"],
    ));
    assert_eq!(
        shown["labels"]["gpu"], "true",
        "stamped labels win: {shown}"
    );
    assert!(
        !agent.process.log_text().contains(&token),
        "the token is never logged"
    );
    let run_id = launch_gpu_run(&pki, &controller, "enrolled-1");
    wait_for_or(
        "the enrolled agent's run to succeed",
        || {
            json(&cbctl_ok(
                &pki,
                &controller,
                &["run", "get", &run_id, "-o", "json"],
            ))["status"]
                == "succeeded"
        },
        || agent.process.log_text(),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_certificates_are_refused_and_a_revoked_agent_is_cut_off_within_five_seconds() {
    let dir = temp_dir("revoke");
    let pki = Pki::init(&dir.path().join("certs"), &["good", "victim"]);
    let foreign = Pki::init(&dir.path().join("foreign"), &["intruder"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let db = controller.database_url();
    let ca = pki.ca();

    // The rejection matrix at the agent listener.
    let uri = |p: &mut CertificateParams| {
        p.subject_alt_names = vec![SanType::URI(
            "spiffe://cyberbrain/agent/x".try_into().expect("uri"),
        )];
    };
    let crafted = [
        craft(
            &pki,
            "expired",
            |p| {
                uri(p);
                p.not_before = rcgen::date_time_ymd(2020, 1, 1);
                p.not_after = rcgen::date_time_ymd(2021, 1, 1);
            },
            false,
        ),
        craft(
            &pki,
            "not-yet-valid",
            |p| {
                uri(p);
                p.not_before = rcgen::date_time_ymd(2090, 1, 1);
                p.not_after = rcgen::date_time_ymd(2091, 1, 1);
            },
            false,
        ),
        craft(
            &pki,
            "server-usage",
            |p| {
                uri(p);
                p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
            },
            false,
        ),
        craft(&pki, "self-signed", uri, true),
    ];
    let (good_cert, good_key) = pki.agent("good");
    attach(&controller, &ca, &good_cert, &good_key)
        .await
        .expect("a good certificate is accepted");
    let (intruder_cert, intruder_key) = foreign.agent("intruder");
    assert!(
        attach(&controller, &ca, &intruder_cert, &intruder_key)
            .await
            .is_err(),
        "a certificate from another CA is refused"
    );
    for bad in &crafted {
        let refused = attach(&controller, &ca, &bad.cert, &bad.key).await;
        assert!(refused.is_err(), "{} must be refused", bad.name);
    }
    assert_eq!(
        count(&db, "SELECT count(*) FROM agents WHERE name <> 'good'").await,
        0,
        "no refused certificate registered an agent"
    );

    // An agent certificate presented by a server is refused by clients (wrong key usage), even
    // when it names the host.
    let posing = craft(
        &pki,
        "posing-server",
        |p| {
            p.subject_alt_names = vec![SanType::DnsName("localhost".try_into().expect("dns"))];
            p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        },
        false,
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let identity = tonic::transport::Identity::from_pem(
        std::fs::read(&posing.cert).expect("cert"),
        std::fs::read(&posing.key).expect("key"),
    );
    let (_, health) = tonic_health::server::health_reporter();
    tokio::spawn(
        tonic::transport::Server::builder()
            .tls_config(tonic::transport::ServerTlsConfig::new().identity(identity))
            .expect("tls")
            .add_service(health)
            .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener)),
    );
    let tls = tonic::transport::ClientTlsConfig::new()
        .ca_certificate(tonic::transport::Certificate::from_pem(
            std::fs::read(&ca).expect("ca"),
        ))
        .domain_name("localhost");
    let connected = tonic::transport::Endpoint::from_shared(format!("https://{addr}"))
        .expect("endpoint")
        .tls_config(tls)
        .expect("tls")
        .connect()
        .await;
    let error = format!(
        "{:?}",
        connected.expect_err("a client certificate cannot serve")
    );
    assert!(error.to_lowercase().contains("certificate"), "{error}");

    // Revocation during an open stream, with a job dispatched on it.
    let (victim_cert, victim_key) = pki.agent("victim");
    let mut stream = attach(&controller, &ca, &victim_cert, &victim_key)
        .await
        .expect("victim attaches");
    let run_id = launch_gpu_run(&pki, &controller, "victim");
    let assigned = tokio::time::timeout(Duration::from_secs(20), async {
        loop {
            match stream.message().await {
                Ok(Some(link::ControllerMessage {
                    message: Some(link::controller_message::Message::Assign(assign)),
                })) => return assign,
                Ok(Some(_)) => continue,
                other => panic!("the stream ended before the assignment: {other:?}"),
            }
        }
    })
    .await
    .expect("the job reached the victim");

    // Another agent reporting on the victim's job is refused, audited and cut off.
    let (good_tx, mut good_stream) = attach_with_sender(&controller, &ca, &good_cert, &good_key)
        .await
        .expect("good attaches");
    let forged = link::AgentMessage {
        message: Some(link::agent_message::Message::JobResult(link::JobResult {
            job_id: assigned.job_id.clone(),
            attempt: assigned.attempt,
            outcome: Some(link::job_result::Outcome::Error("forged".into())),
            trace_context: Default::default(),
        })),
    };
    good_tx.send(forged).await.expect("result sent");
    let cut = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            match good_stream.message().await {
                Ok(Some(_)) => continue,
                Ok(None) => return None,
                Err(status) => return Some(status),
            }
        }
    })
    .await
    .expect("the forger's stream ends")
    .expect("with a status");
    assert_eq!(cut.code(), Code::PermissionDenied, "{cut:?}");
    assert!(
        cut.message().contains("belongs to another agent"),
        "{cut:?}"
    );
    let refused_results = count(
        &db,
        "SELECT count(*) FROM audit_events WHERE action = 'job.result_refused' AND actor = 'agent:good'",
    )
    .await;
    assert_eq!(refused_results, 1);
    let status: String = query(&db, "SELECT status FROM jobs").await[0].get(0);
    assert_eq!(status, "dispatched", "the forged result changed nothing");
    let revoked_at = Instant::now();
    let shown = json(&cbctl_ok(
        &pki,
        &controller,
        &["agent", "revoke", "victim", "--yes", "-o", "json"],
    ));
    assert_eq!(shown["state"], "revoked");
    let ended = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            match stream.message().await {
                Ok(Some(_)) => continue,
                Ok(None) => return None,
                Err(status) => return Some(status),
            }
        }
    })
    .await
    .expect("the stream closes within 5 seconds of the revocation");
    eprintln!(
        "stream closed {:?} after the revocation",
        revoked_at.elapsed()
    );
    if let Some(status) = ended {
        assert_eq!(status.code(), Code::PermissionDenied, "{status:?}");
    }
    // Its job ended lost, and the run finished.
    wait_for_async("the run to finish", || {
        let db = db.clone();
        let run_id = run_id.clone();
        async move {
            let rows = query(
                &db,
                &format!("SELECT status FROM runs WHERE id = '{run_id}'"),
            )
            .await;
            (rows[0].get::<_, String>(0) == "failed").then_some(())
        }
    })
    .await;
    let job: String = query(&db, "SELECT status FROM jobs").await[0].get(0);
    assert_eq!(job, "lost");
    // Every later attempt is refused: attaching and renewing.
    let again = attach(&controller, &ca, &victim_cert, &victim_key)
        .await
        .expect_err("refused");
    assert_eq!(again.code(), Code::PermissionDenied, "{again:?}");
    let channel = agent_channel(controller.agents, &ca, &victim_cert, &victim_key)
        .await
        .expect("the handshake itself completes");
    let renew = EnrollmentClient::new(channel)
        .renew(link::RenewRequest { csr_pem: csr() })
        .await
        .expect_err("a revoked agent cannot renew");
    assert_eq!(renew.code(), Code::PermissionDenied);
    assert_eq!(
        count(&db, "SELECT count(*) FROM revoked_serials").await,
        1,
        "the certificate it connected with is on the revoked list"
    );
    // A revoked agent is never targeted.
    let refused = cbctl(
        &pki,
        &controller,
        &["run", "launch", "--task", "gpu_report", "--agent", "victim"],
    );
    assert!(!refused.status.success());
    let audited = count(
        &db,
        "SELECT count(*) FROM audit_events WHERE action = 'agent.revoke' AND object = 'victim'",
    )
    .await;
    assert_eq!(audited, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn short_lived_certificates_rotate_under_running_work() {
    // 20-second certificates for 45 seconds by default (about four renewals); the longer
    // soak is `CYBERBRAIN_SOAK_CERT_SECONDS=60 CYBERBRAIN_SOAK_SECONDS=300`.
    let setting = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(default)
    };
    let cert_seconds = setting("CYBERBRAIN_SOAK_CERT_SECONDS", 20);
    let soak = Duration::from_secs(setting("CYBERBRAIN_SOAK_SECONDS", 45));
    let dir = temp_dir("rotate");
    let pki = Pki::init(&dir.path().join("certs"), &["x"]);
    let options = ControllerOptions {
        extra: vec!["--agent-cert-ttl-seconds".into(), cert_seconds.to_string()],
        ..Default::default()
    };
    let controller = ControllerProcess::start_with(dir.path(), &pki, options);
    let db = controller.database_url();
    let token = join_token(&pki, &controller, &[]);
    let state = dir.path().join("rotating-state");
    let extra = ["--nvml-library", "/nonexistent.so"];
    let mut agent = AgentProcess::enroll(
        dir.path(),
        Some(&pki.ca()),
        "rot",
        &controller,
        &token,
        &state,
        &extra,
    );
    wait_agents_online(&pki, &controller, &["rot"], || agent.process.log_text());

    // Runs back to back for the soak: a renewal every half lifetime happens meanwhile.
    let started = Instant::now();
    let mut runs = 0;
    while started.elapsed() < soak {
        let run_id = launch_gpu_run(&pki, &controller, "rot");
        let status = wait_for_async("the run to end", || {
            let db = db.clone();
            let run_id = run_id.clone();
            async move {
                let rows = query(
                    &db,
                    &format!("SELECT status FROM runs WHERE id = '{run_id}'"),
                )
                .await;
                let status: String = rows[0].get(0);
                matches!(
                    status.as_str(),
                    "succeeded" | "failed" | "partially_failed" | "cancelled"
                )
                .then_some(status)
            }
        })
        .await;
        assert_eq!(
            status,
            "succeeded",
            "run {run_id}: {}",
            agent.process.log_text()
        );
        runs += 1;
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert!(runs >= 5, "{runs} runs");
    let issued = count(&db, "SELECT count(*) FROM agent_certificates").await;
    // A renewal every half lifetime, less one for timing at the edges.
    let renewals = (soak.as_secs() / (cert_seconds / 2).max(1))
        .saturating_sub(1)
        .max(1);
    let distinct = count(&db, "SELECT count(DISTINCT serial) FROM agent_certificates").await;
    assert!(
        issued > i64::try_from(renewals).unwrap_or(i64::MAX),
        "enrollment and at least {renewals} renewals, got {issued}"
    );
    assert_eq!(issued, distinct, "serials are unique");
    assert_eq!(
        count(&db, "SELECT count(*) FROM jobs WHERE status <> 'succeeded'").await,
        0,
        "no job failed"
    );
    // The next connection uses the renewed certificate.
    let _ = agent.process.terminate(Duration::from_secs(10));
    agent = AgentProcess::enroll(
        dir.path(),
        Some(&pki.ca()),
        "rot",
        &controller,
        "unused",
        &state,
        &extra,
    );
    wait_agents_online(&pki, &controller, &["rot"], || agent.process.log_text());
    let latest: String = query(
        &db,
        "SELECT serial FROM agent_certificates ORDER BY issued_at DESC LIMIT 1",
    )
    .await[0]
        .get(0);
    let current: Option<String> =
        query(&db, "SELECT cert_serial FROM agents WHERE name = 'rot'").await[0].get(0);
    assert_eq!(current.as_deref(), Some(latest.as_str()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_controller_makes_its_own_ca_and_agents_enroll_by_its_fingerprint() {
    let dir = temp_dir("managed-pki");
    let unused = Pki::init(&dir.path().join("certs"), &["x"]);
    let options = ControllerOptions {
        managed_pki: true,
        ..Default::default()
    };
    let controller = ControllerProcess::start_with(dir.path(), &unused, options);
    // The CA and the server certificate the controller made on first start.
    let pki = Pki {
        dir: controller.state_dir.join("pki"),
    };
    let key_mode = std::fs::metadata(pki.dir.join("ca.key")).expect("CA key");
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&key_mode.permissions()) & 0o777,
        0o600
    );
    let chain = std::fs::read(pki.dir.join("controller.pem")).expect("server chain");
    let (_, leaf) = x509_parser::pem::parse_x509_pem(&chain).expect("pem");
    let leaf = leaf.parse_x509().expect("server certificate");
    let names = format!("{:?}", leaf.subject_alternative_name().expect("san"));
    assert!(
        names.contains("DNSName(\"localhost\")") && names.contains("IPAddress([127, 0, 0, 1])"),
        "{names}"
    );
    let ca_pem = std::fs::read(pki.ca()).expect("ca");
    let (_, ca) = x509_parser::pem::parse_x509_pem(&ca_pem).expect("pem");
    use sha2::Digest;
    let fingerprint = format!("sha256:{:x}", sha2::Sha256::digest(&ca.contents));
    assert!(
        controller.process.log_text().contains(&fingerprint),
        "the controller logs its CA fingerprint"
    );

    // A wrong fingerprint is refused before anything is sent; the right one enrolls.
    let token = join_token(&pki, &controller, &[]);
    let state = dir.path().join("pinned-state");
    let wrong = format!("sha256:{}", "0".repeat(64));
    let mut refused = AgentProcess::enroll(
        dir.path(),
        None,
        "pinned",
        &controller,
        &token,
        &state,
        &["--ca-fingerprint", &wrong],
    );
    let refused_log = refused.process.log.clone();
    wait_for_or(
        "the agent with a wrong fingerprint to give up",
        || refused.process.exited(),
        || std::fs::read_to_string(&refused_log).unwrap_or_default(),
    );
    assert!(
        refused
            .process
            .log_text()
            .contains("no certificate with fingerprint")
    );
    let agent = AgentProcess::enroll(
        dir.path(),
        None,
        "pinned",
        &controller,
        &token,
        &state,
        &[
            "--ca-fingerprint",
            &fingerprint,
            "--nvml-library",
            "/nonexistent.so",
        ],
    );
    wait_agents_online(&pki, &controller, &["pinned"], || agent.process.log_text());
    assert_eq!(
        std::fs::read(state.join("ca.pem")).expect("kept CA"),
        ca_pem
    );
}
