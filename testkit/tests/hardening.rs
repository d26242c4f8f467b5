//! Hardening against an outside attacker (issue #22): streams that must end, listeners that must
//! shed idle and excess connections, one live stream per agent identity, unauthenticated floods
//! kept away from the database (`auth_flood.rs`, alone in its binary so that its latency figures
//! are not another test's load), and an embedded PostgreSQL that does not outlive a crash.

use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::agent::v1::agent_link_client::AgentLinkClient;
use cyberbrain_proto::agent::v1::enrollment_client::EnrollmentClient;
use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::fleet_service_client::FleetServiceClient;
use cyberbrain_proto::v1::run_service_client::RunServiceClient;
use cyberbrain_testkit::api::{admin_channel, agent_channel};
use cyberbrain_testkit::checks::{agents_online, json, launch_and_watch, wait_for_run_status};
use cyberbrain_testkit::process::{
    AgentProcess, ChildGuard, ControllerOptions, ControllerProcess, Pki, binary, cbctl_ok,
};
use cyberbrain_testkit::{temp_dir, wait_for, wait_for_async, wait_for_or};
use futures_util::future::join_all;
use tokio::io::AsyncReadExt;
use tokio::net::{TcpSocket, TcpStream};
use tonic::transport::{Certificate, ClientTlsConfig, Endpoint};

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

/// Connections per kind and listener in the flood test (`CYBERBRAIN_FLOOD_CONNECTIONS` for more,
/// when measuring).
fn flood_size() -> usize {
    std::env::var("CYBERBRAIN_FLOOD_CONNECTIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(150)
}

/// A TCP connection to `addr` from `source`.
async fn tcp_from(source: IpAddr, addr: SocketAddr) -> std::io::Result<TcpStream> {
    let socket = TcpSocket::new_v4()?;
    socket.bind(SocketAddr::new(source, 0))?;
    socket.connect(addr).await
}

/// A TLS client that trusts `ca` and offers ALPN h2, as a gRPC client does.
fn tls_connector(ca: &Path) -> tokio_rustls::TlsConnector {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(ca).expect("CA file") {
        roots.add(cert.expect("CA certificate")).expect("a root");
    }
    let mut config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("TLS versions")
    .with_root_certificates(roots)
    .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec()];
    tokio_rustls::TlsConnector::from(Arc::new(config))
}

/// A connection that did its TLS handshake (ALPN h2) and then says nothing.
async fn idle_tls(
    connector: &tokio_rustls::TlsConnector,
    addr: SocketAddr,
) -> tokio_rustls::client::TlsStream<TcpStream> {
    let tcp = tcp_from(IpAddr::from([127, 0, 0, 1]), addr)
        .await
        .expect("TCP connect");
    let name = rustls::pki_types::ServerName::try_from("localhost").expect("a name");
    let tls = connector.connect(name, tcp).await.expect("TLS handshake");
    assert_eq!(tls.get_ref().1.alpn_protocol(), Some(&b"h2"[..]));
    tls
}

/// Whether the server closed the connection within `within`: a read ends (EOF or error).
async fn closed_within<S: tokio::io::AsyncRead + Unpin>(mut stream: S, within: Duration) -> bool {
    let mut buf = [0u8; 4096];
    let deadline = Instant::now() + within;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, stream.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0) | Err(_)) => return true,
            // The server's TLS session tickets and HTTP/2 settings: keep reading.
            Ok(Ok(_)) => continue,
        }
    }
}

/// The controller's resident memory (KiB) and open descriptors, from `/proc`.
fn rss_and_fds(pid: u32) -> (u64, usize) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let rss = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0);
    let fds = std::fs::read_dir(format!("/proc/{pid}/fd")).map_or(0, Iterator::count);
    (rss, fds)
}

/// A real `Enroll` call on a fresh connection from `source`: a made-up token gets a gRPC status
/// (the listener served it), not a transport error.
async fn enroll_answers(agents: SocketAddr, ca: &Path, source: IpAddr) -> tonic::Code {
    let tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(std::fs::read(ca).expect("CA")))
        .domain_name("localhost");
    let channel = Endpoint::from_shared(format!("https://{agents}"))
        .expect("endpoint")
        .local_address(Some(source))
        .tls_config(tls)
        .expect("tls config")
        .connect()
        .await
        .expect("the agent listener accepts a connection");
    EnrollmentClient::new(channel)
        .enroll(link::EnrollRequest {
            join_token: "cbj_guess".into(),
            csr_pem: "not a csr".into(),
            name: "guesser".into(),
            hostname: "guesser".into(),
        })
        .await
        .expect_err("a made-up token never enrolls")
        .code()
}

/// `ListAgents` on a fresh API connection from `source`, as the bootstrap admin.
async fn list_agents_from(
    controller: &ControllerProcess,
    ca: &Path,
    source: IpAddr,
) -> Result<usize, String> {
    let tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(std::fs::read(ca).expect("CA")))
        .domain_name("localhost");
    let channel = Endpoint::from_shared(format!("https://{}", controller.api))
        .expect("endpoint")
        .local_address(Some(source))
        .tls_config(tls)
        .expect("tls config")
        .connect()
        .await
        .map_err(|e| format!("connect: {e}"))?;
    let bearer = cyberbrain_proto::auth::Bearer::new(Some(&controller.admin_token()))
        .expect("a token fits in a header");
    let mut client = FleetServiceClient::with_interceptor(channel, bearer);
    client
        .list_agents(pb::ListAgentsRequest::default())
        .await
        .map(|r| r.into_inner().agents.len())
        .map_err(|e| format!("{e:?}"))
}

fn refused(controller: &ControllerProcess, listener: &str, reason: &str) -> f64 {
    let http = controller.http.expect("the metrics endpoint");
    cyberbrain_testkit::http::metrics(http)
        .value(
            "cyberbrain_connections_refused_total",
            &[("listener", listener), ("reason", reason)],
        )
        .unwrap_or(0.0)
}

fn open_connections(controller: &ControllerProcess, listener: &str) -> f64 {
    let http = controller.http.expect("the metrics endpoint");
    cyberbrain_testkit::http::metrics(http)
        .value("cyberbrain_connections_open", &[("listener", listener)])
        .unwrap_or(-1.0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_tls_and_raw_tcp_floods_are_closed_in_time_while_real_calls_succeed() {
    const TIMEOUT_SECONDS: u64 = 2;
    let dir = temp_dir("harden-flood");
    let pki = Pki::init(&dir.path().join("certs"), &["foxtrot"]);
    let options = ControllerOptions {
        extra: vec![
            "--tls-handshake-timeout-seconds".into(),
            TIMEOUT_SECONDS.to_string(),
            "--http2-preface-timeout-seconds".into(),
            TIMEOUT_SECONDS.to_string(),
        ],
        ..Default::default()
    };
    let controller = ControllerProcess::start_with(dir.path(), &pki, options);
    let _agent = AgentProcess::start(dir.path(), &pki, "foxtrot", &controller, &NO_GPU);
    wait_for("the agent online", || {
        agents_online(&pki, &controller, &["foxtrot"])
    });
    let pid = controller.process.id();
    let before = rss_and_fds(pid);
    let connector = tls_connector(&pki.ca());
    let n = flood_size();
    let loopback = IpAddr::from([127, 0, 0, 1]);

    let mut idle = Vec::new();
    let mut raw = Vec::new();
    for addr in [controller.api, controller.agents] {
        idle.extend(join_all((0..n).map(|_| idle_tls(&connector, addr))).await);
        raw.extend(
            join_all((0..n).map(|_| tcp_from(loopback, addr)))
                .await
                .into_iter()
                .map(|c| c.expect("TCP connect")),
        );
    }
    let flooded_at = Instant::now();
    let during = rss_and_fds(pid);

    // Meanwhile, real calls on fresh connections to both listeners, and a whole run.
    cbctl_ok(&pki, &controller, &["agent", "list"]);
    assert_eq!(
        enroll_answers(controller.agents, &pki.ca(), loopback).await,
        tonic::Code::Unauthenticated
    );
    launch_and_watch(&pki, &controller, &["--task", "gpu_report"]);

    // Every flood connection is closed by the controller within the timeout (plus slack for a
    // loaded machine), counted from when it was opened.
    let within = Duration::from_secs(TIMEOUT_SECONDS + 8).saturating_sub(flooded_at.elapsed());
    let idle_closed = join_all(idle.into_iter().map(|s| closed_within(s, within))).await;
    let raw_closed = join_all(raw.into_iter().map(|s| closed_within(s, within))).await;
    let closed_in = flooded_at.elapsed();
    assert!(
        idle_closed.iter().all(|c| *c),
        "{} of {} idle TLS connections still open after {closed_in:?}",
        idle_closed.iter().filter(|c| !**c).count(),
        idle_closed.len()
    );
    assert!(
        raw_closed.iter().all(|c| *c),
        "{} of {} raw TCP connections still open after {closed_in:?}",
        raw_closed.iter().filter(|c| !**c).count(),
        raw_closed.len()
    );
    for listener in ["api", "agent_link"] {
        assert!(refused(&controller, listener, "preface_timeout") >= n as f64);
        assert!(refused(&controller, listener, "handshake_timeout") >= n as f64);
    }
    wait_for("the flood's slots given back", || {
        open_connections(&controller, "api") <= 2.0
            && open_connections(&controller, "agent_link") <= 2.0
    });
    let after = rss_and_fds(pid);
    eprintln!(
        "flood of {n} idle TLS + {n} raw TCP connections per listener: controller RSS {} / {} / {} KiB \
         and open fds {} / {} / {} (before / during / after); closed within {closed_in:?}",
        before.0, during.0, after.0, before.1, during.1, after.1
    );
    assert!(
        after.1 <= before.1 + 16,
        "descriptors back near the baseline: {before:?} → {after:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_per_source_cap_refuses_at_once_and_counts_it() {
    const CAP: usize = 4;
    let dir = temp_dir("harden-cap");
    let pki = Pki::init(&dir.path().join("certs"), &[]);
    let options = ControllerOptions {
        extra: vec![
            "--max-connections-per-source".into(),
            CAP.to_string(),
            // Long enough that the held connections stay for the whole test.
            "--tls-handshake-timeout-seconds".into(),
            "120".into(),
        ],
        ..Default::default()
    };
    let controller = ControllerProcess::start_with(dir.path(), &pki, options);
    let first = IpAddr::from([127, 0, 0, 1]);
    let second = IpAddr::from([127, 0, 0, 2]);
    for (listener, addr) in [("api", controller.api), ("agent_link", controller.agents)] {
        let before = refused(&controller, listener, "source_full");
        let mut held = Vec::new();
        for _ in 0..CAP {
            held.push(tcp_from(first, addr).await.expect("connect"));
        }
        wait_for("the held connections counted", || {
            open_connections(&controller, listener) >= CAP as f64
        });
        let over = tcp_from(first, addr).await.expect("the kernel accepts");
        assert!(
            closed_within(over, Duration::from_secs(10)).await,
            "the connection over the cap is closed at once"
        );
        assert!(refused(&controller, listener, "source_full") >= before + 1.0);
        // Another source is served meanwhile.
        if listener == "api" {
            assert_eq!(
                list_agents_from(&controller, &pki.ca(), second).await,
                Ok(0)
            );
        } else {
            assert_eq!(
                enroll_answers(addr, &pki.ca(), second).await,
                tonic::Code::Unauthenticated
            );
        }
        // The slots come back when the connections close.
        drop(held);
        if listener == "api" {
            wait_for_async("the first source served again", || async {
                list_agents_from(&controller, &pki.ca(), first).await.ok()
            })
            .await;
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_without_a_certificate_fill_only_their_own_cap_and_an_agent_still_attaches() {
    const TOTAL: usize = 12;
    const CERTLESS: usize = 4;
    let dir = temp_dir("harden-certless");
    let pki = Pki::init(&dir.path().join("certs"), &["juliet"]);
    let options = ControllerOptions {
        extra: vec![
            "--max-connections".into(),
            TOTAL.to_string(),
            "--max-certless-connections".into(),
            CERTLESS.to_string(),
            "--max-connections-per-source".into(),
            "1000".into(),
            // Long enough that the flood's connections are held for the whole test.
            "--http2-preface-timeout-seconds".into(),
            "120".into(),
        ],
        ..Default::default()
    };
    let controller = ControllerProcess::start_with(dir.path(), &pki, options);
    let connector = tls_connector(&pki.ca());

    // As many connections without a client certificate as the whole listener takes: each
    // finishes its handshake, those past the cert-less cap are closed at once.
    let mut flood = join_all((0..TOTAL).map(|_| idle_tls(&connector, controller.agents))).await;
    let closed = join_all(
        flood
            .iter_mut()
            .map(|s| closed_within(s, Duration::from_secs(5))),
    )
    .await;
    assert_eq!(
        closed.iter().filter(|c| **c).count(),
        TOTAL - CERTLESS,
        "those past the cert-less cap closed, the rest held"
    );
    wait_for("the cert-less connections over the cap refused", || {
        refused(&controller, "agent_link", "certless_full") >= (TOTAL - CERTLESS) as f64
    });
    assert_eq!(
        refused(&controller, "agent_link", "certless_full"),
        (TOTAL - CERTLESS) as f64,
        "exactly those over the cap"
    );
    assert_eq!(refused(&controller, "agent_link", "listener_full"), 0.0);

    // An enrolled agent attaches beside the held ones, and does a run.
    let agent = AgentProcess::start(dir.path(), &pki, "juliet", &controller, &NO_GPU);
    wait_for_or(
        "the agent online",
        || agents_online(&pki, &controller, &["juliet"]),
        || agent.process.log_text(),
    );
    launch_and_watch(&pki, &controller, &["--task", "gpu_report"]);
    assert_eq!(refused(&controller, "agent_link", "listener_full"), 0.0);
    drop(flood);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_stream_with_an_agents_certificate_replaces_the_first_and_strands_nothing() {
    let dir = temp_dir("harden-dup");
    let pki = Pki::init(&dir.path().join("certs"), &["golf"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let agent = AgentProcess::start(dir.path(), &pki, "golf", &controller, &NO_GPU);
    wait_for("the agent online", || {
        agents_online(&pki, &controller, &["golf"])
    });

    // A second client attaches with the agent's own certificate.
    let (cert, key) = pki.agent("golf");
    let channel = agent_channel(controller.agents, &pki.ca(), &cert, &key)
        .await
        .expect("the handshake");
    let (sender, receiver) = tokio::sync::mpsc::channel(4);
    let hello = link::AgentMessage {
        message: Some(link::agent_message::Message::Hello(link::Hello {
            hostname: "impostor".into(),
            ..Default::default()
        })),
    };
    sender.send(hello).await.expect("hello queued");
    let mut second = AgentLinkClient::new(channel)
        .attach(tokio_stream::wrappers::ReceiverStream::new(receiver))
        .await
        .expect("the second stream attaches")
        .into_inner();
    let first = second
        .message()
        .await
        .expect("a message")
        .and_then(|m| m.message);
    assert!(
        matches!(first, Some(link::controller_message::Message::Welcome(_))),
        "{first:?}"
    );

    // A run is launched while both are attached.
    let launched = json(&cbctl_ok(
        &pki,
        &controller,
        &[
            "run",
            "launch",
            "--task",
            "gpu_report",
            "--agent",
            "golf",
            "-o",
            "json",
        ],
    ));
    let run_id = launched["id"].as_str().expect("run id").to_string();

    // The first stream was told goodbye; the real agent reconnected and replaced the second
    // stream in turn, which is told goodbye too.
    let told = tokio::time::timeout(Duration::from_secs(30), async {
        loop {
            match second.message().await {
                Ok(Some(link::ControllerMessage {
                    message: Some(link::controller_message::Message::Goodbye(goodbye)),
                })) => return Some(goodbye.reason),
                Ok(Some(_)) => continue,
                Ok(None) | Err(_) => return None,
            }
        }
    })
    .await
    .expect("the second stream was not replaced by the real agent's within 30 s");
    assert!(told.is_some(), "the second stream ended without a goodbye");
    // The second client closes.
    drop(sender);
    drop(second);

    // The job is done by the real agent, which stays online and ready, with no restart.
    let run = wait_for_run_status(&pki, &controller, &run_id, "succeeded");
    assert_eq!(run["jobs"][0]["status"], "succeeded", "{run}");
    wait_for("the agent online", || {
        agents_online(&pki, &controller, &["golf"])
    });
    wait_for("the agent ready", || {
        cyberbrain_testkit::http::status(agent.http(), "/readyz") == 200
    });
    assert!(
        agent
            .process
            .log_text()
            .contains("another stream of this agent attached"),
        "the agent was told why its stream closed"
    );
}

/// Attaches to the agent link with `name`'s certificate and waits for the welcome; the sender
/// keeps the stream open.
async fn attach_as(
    pki: &Pki,
    controller: &ControllerProcess,
    name: &str,
    hostname: &str,
) -> Result<
    (
        tokio::sync::mpsc::Sender<link::AgentMessage>,
        tonic::Streaming<link::ControllerMessage>,
    ),
    tonic::Status,
> {
    let (cert, key) = pki.agent(name);
    let channel = agent_channel(controller.agents, &pki.ca(), &cert, &key)
        .await
        .expect("the handshake");
    let (sender, receiver) = tokio::sync::mpsc::channel(4);
    let hello = link::AgentMessage {
        message: Some(link::agent_message::Message::Hello(link::Hello {
            hostname: hostname.into(),
            ..Default::default()
        })),
    };
    sender.send(hello).await.expect("hello queued");
    let mut stream = AgentLinkClient::new(channel)
        .attach(tokio_stream::wrappers::ReceiverStream::new(receiver))
        .await?
        .into_inner();
    let first = stream.message().await?.and_then(|m| m.message);
    assert!(
        matches!(first, Some(link::controller_message::Message::Welcome(_))),
        "{first:?}"
    );
    Ok((sender, stream))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_holders_of_one_certificate_taking_the_stream_in_turn_are_refused_past_the_limit() {
    let dir = temp_dir("harden-pingpong");
    let pki = Pki::init(&dir.path().join("certs"), &["kilo"]);
    let controller = ControllerProcess::start(dir.path(), &pki);

    // The first attach replaces nothing; the next six each replace the live stream (the
    // controller's limit per minute); the one after is refused.
    let mut streams = Vec::new();
    for turn in 0..7 {
        let host = if turn % 2 == 0 { "real" } else { "impostor" };
        let attached = attach_as(&pki, &controller, "kilo", host)
            .await
            .unwrap_or_else(|e| panic!("attach {turn} is admitted: {e:?}"));
        streams.push(attached);
    }
    let refused = attach_as(&pki, &controller, "kilo", "impostor")
        .await
        .expect_err("the seventh replacement within a minute is refused");
    assert_eq!(
        refused.code(),
        tonic::Code::ResourceExhausted,
        "{refused:?}"
    );
    let retry_after: u64 = refused
        .metadata()
        .get("retry-after-ms")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("a retry-after-ms");
    assert!(retry_after > 0 && retry_after <= 60_000, "{retry_after}");
    assert!(
        refused.message().contains("kilo"),
        "the message names the identity: {}",
        refused.message()
    );
    let http = controller.http.expect("the metrics endpoint");
    assert_eq!(
        cyberbrain_testkit::http::metrics(http)
            .value("cyberbrain_agent_replacements_refused_total", &[]),
        Some(1.0)
    );
    let log = controller.process.log_text();
    assert!(
        log.contains("two hosts may share its certificate"),
        "the refusal is logged with both peers"
    );

    // The live stream is untouched by the refusal: it still gets heartbeat acks.
    let (sender, mut live) = streams.pop().expect("the last admitted stream");
    let heartbeat = link::AgentMessage {
        message: Some(link::agent_message::Message::Heartbeat(
            link::Heartbeat::default(),
        )),
    };
    sender.send(heartbeat).await.expect("heartbeat queued");
    let next = tokio::time::timeout(Duration::from_secs(10), live.message())
        .await
        .expect("an answer within 10 s")
        .expect("the stream is open")
        .and_then(|m| m.message);
    assert!(
        matches!(
            next,
            Some(link::controller_message::Message::HeartbeatAck(_))
        ),
        "{next:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_http2_connection_that_answers_pings_but_makes_no_call_is_closed_when_idle() {
    let dir = temp_dir("harden-idle");
    let pki = Pki::init(&dir.path().join("certs"), &["november"]);
    let idle_limit = Duration::from_secs(2);
    let controller = ControllerProcess::start_with(
        dir.path(),
        &pki,
        ControllerOptions {
            // Pings every second, which the client answers: keepalive alone keeps it open.
            extra: vec![
                "--idle-connection-timeout-seconds".into(),
                idle_limit.as_secs().to_string(),
                "--http2-keepalive-interval-seconds".into(),
                "1".into(),
            ],
            ..Default::default()
        },
    );
    // A real agent's stream is a call that stays open: its connection is never idle.
    let _agent = AgentProcess::start(dir.path(), &pki, "november", &controller, &NO_GPU);
    wait_for("the agent online", || {
        agents_online(&pki, &controller, &["november"])
    });

    let connector = tls_connector(&pki.ca());
    for (addr, listener) in [(controller.api, "api"), (controller.agents, "agent_link")] {
        let tls = idle_tls(&connector, addr).await;
        // Preface and SETTINGS, then pings answered, and no stream ever opened.
        let (_send, connection) = h2::client::handshake(tls).await.expect("h2 handshake");
        let started = Instant::now();
        let ended = tokio::time::timeout(idle_limit * 10, connection).await;
        assert!(
            ended.is_ok(),
            "the idle {listener} connection is still open after {:?}",
            idle_limit * 10
        );
        assert!(
            started.elapsed() >= idle_limit - Duration::from_millis(200),
            "closed before the idle limit: {:?}",
            started.elapsed()
        );
        assert_eq!(refused(&controller, listener, "idle"), 1.0, "{listener}");
    }

    // The agent's connection, open all along, was not taken for idle; calls still work.
    assert!(agents_online(&pki, &controller, &["november"]));
    cbctl_ok(&pki, &controller, &["agent", "list"]);
    assert_eq!(refused(&controller, "agent_link", "idle"), 1.0);
}

/// Sends `signal` (`STOP`, `CONT`) to process `pid` with kill(1).
fn signal(pid: u32, signal: &str) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{signal} {pid}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agents_readiness_follows_heartbeat_acknowledgements_not_the_open_socket() {
    let dir = temp_dir("harden-ready");
    let pki = Pki::init(&dir.path().join("certs"), &["hotel"]);
    // The test controller's heartbeats come every second.
    let controller = ControllerProcess::start(dir.path(), &pki);
    let agent = AgentProcess::start(dir.path(), &pki, "hotel", &controller, &NO_GPU);
    let ready = || cyberbrain_testkit::http::status(agent.http(), "/readyz") == 200;
    wait_for("the agent ready", ready);

    // A frozen controller: the socket stays open (the kernel still answers TCP) but nothing
    // serves the stream. HTTP/2 keepalive would notice after 40 s; the missing acknowledgements
    // of 1-second heartbeats must within a few.
    let pid = controller.process.id();
    signal(pid, "STOP");
    let frozen_at = Instant::now();
    let mut unready_after = None;
    while frozen_at.elapsed() < Duration::from_secs(15) {
        if !ready() {
            unready_after = Some(frozen_at.elapsed());
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    signal(pid, "CONT");
    let unready_after =
        unready_after.expect("the agent was still ready 15 s into a frozen controller");
    // Two missed acks of 1-second heartbeats: due 2 s after the last ack, which came up to a
    // second before the freeze.
    assert!(
        unready_after >= Duration::from_secs(1),
        "not before acks were due: {unready_after:?}"
    );
    // Back: the agent reconnects by itself and is ready again.
    wait_for("the agent ready again", ready);
    wait_for("the agent online", || {
        agents_online(&pki, &controller, &["hotel"])
    });
}

/// A stand-in controller that welcomes every stream, promising heartbeat acknowledgements, and
/// then sends none: a controller stuck right after the welcome. Counts the streams opened.
struct SilentAfterWelcome {
    attaches: tokio::sync::mpsc::UnboundedSender<()>,
}

#[tonic::async_trait]
impl link::agent_link_server::AgentLink for SilentAfterWelcome {
    type AttachStream =
        tokio_stream::wrappers::ReceiverStream<Result<link::ControllerMessage, tonic::Status>>;

    async fn attach(
        &self,
        request: tonic::Request<tonic::Streaming<link::AgentMessage>>,
    ) -> Result<tonic::Response<Self::AttachStream>, tonic::Status> {
        let _ = self.attaches.send(());
        let mut inbound = request.into_inner();
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        let welcome = link::Welcome {
            agent_id: uuid::Uuid::new_v4().to_string(),
            agent_name: "india".into(),
            heartbeat_interval_seconds: 1,
            allowlist: Vec::new(),
            acks_heartbeats: true,
        };
        let message = link::controller_message::Message::Welcome(welcome);
        let _ = tx
            .send(Ok(link::ControllerMessage {
                message: Some(message),
            }))
            .await;
        // Reads (and ignores) heartbeats; the stream stays open as long as the agent keeps it.
        tokio::spawn(async move {
            let _open = tx;
            while let Ok(Some(_)) = inbound.message().await {}
        });
        Ok(tonic::Response::new(
            tokio_stream::wrappers::ReceiverStream::new(rx),
        ))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_welcomed_by_a_controller_that_never_acknowledges_a_heartbeat_reconnects() {
    let dir = temp_dir("harden-first-ack");
    let pki = Pki::init(&dir.path().join("certs"), &["india"]);
    let (attaches_tx, mut attaches) = tokio::sync::mpsc::unbounded_channel();
    let address = cyberbrain_testkit::api::serve_stand_in_link(
        &pki,
        SilentAfterWelcome {
            attaches: attaches_tx,
        },
    )
    .await;
    let agent =
        AgentProcess::start_with(dir.path(), &pki, "india", &[address.as_str()], &NO_GPU, &[]);
    for stream in ["first", "second"] {
        tokio::time::timeout(Duration::from_secs(60), attaches.recv())
            .await
            .unwrap_or_else(|_| {
                panic!(
                    "no {stream} stream from the agent: {}",
                    agent.process.log_text()
                )
            })
            .expect("the stand-in runs");
    }
    // The second stream came because the first was given up for its missing acknowledgements,
    // not because it broke.
    assert!(
        agent
            .process
            .log_text()
            .contains("no heartbeat acknowledged; reconnecting"),
        "{}",
        agent.process.log_text()
    );
}

/// Whether process `pid` is gone (a zombie left for a parent that does not reap counts as gone).
fn process_gone(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/status")) {
        Err(_) => true,
        Ok(status) => status
            .lines()
            .any(|l| l.starts_with("State:") && (l.contains('Z') || l.contains('X'))),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restarted_controller_takes_over_the_cluster_a_killed_one_left_and_stops_it_on_exit() {
    let dir = temp_dir("harden-takeover");
    let pki = Pki::init(&dir.path().join("certs"), &[]);
    let mut controller = ControllerProcess::start(dir.path(), &pki);
    let socket_dir =
        cyberbrain_store::pg_cluster::socket_dir(&controller.state_dir.join("postgres"))
            .expect("the cluster's location");
    let pid_file = socket_dir
        .parent()
        .expect("the cluster directory")
        .join("data/postmaster.pid");
    let postmaster = || -> Option<u32> {
        std::fs::read_to_string(&pid_file)
            .ok()?
            .lines()
            .next()?
            .trim()
            .parse()
            .ok()
    };
    let first = postmaster().expect("the cluster runs");

    controller.kill9();
    assert!(!process_gone(first), "kill -9 leaves the cluster running");
    controller.restart();
    cbctl_ok(&pki, &controller, &["agent", "list"]);
    assert_eq!(
        postmaster(),
        Some(first),
        "the restarted controller reuses it"
    );

    assert!(
        controller.process.terminate(Duration::from_secs(30)),
        "the controller stops on SIGTERM"
    );
    wait_for("the taken-over cluster stopped", || process_gone(first));
    assert_eq!(postmaster(), None, "a clean stop removes postmaster.pid");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_controller_on_a_state_dir_in_use_refuses_to_start_and_leaves_the_cluster_running()
{
    let dir = temp_dir("harden-second");
    let pki = Pki::init(&dir.path().join("certs"), &[]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    cbctl_ok(&pki, &controller, &["agent", "list"]);

    // Before, the second controller served beside the first on the same cluster, and when it
    // found the cluster down it started it and stopped it again on exit, under the first.
    let mut command = std::process::Command::new(binary("cyberbrain-controller"));
    command
        .arg("--state-dir")
        .arg(&controller.state_dir)
        .args([
            "--api-listen",
            "127.0.0.1:0",
            "--agent-listen",
            "127.0.0.1:0",
        ])
        .args(["--http-listen", ""])
        .args(["--web-listen", ""])
        .arg("--tls-cert")
        .arg(pki.dir.join("controller.pem"))
        .arg("--tls-key")
        .arg(pki.dir.join("controller.key"))
        .arg("--ca-cert")
        .arg(pki.ca());
    let second_log = dir.path().join("second.log");
    let mut second = ChildGuard::spawn(command, second_log.clone());
    wait_for_or(
        "the second controller exits",
        || second.exited(),
        || std::fs::read_to_string(&second_log).unwrap_or_default(),
    );
    assert_ne!(second.exit_code(), Some(0), "{}", second.log_text());
    let log = second.log_text();
    assert!(log.contains("controller.lock"), "{log}");
    assert!(
        log.contains(&format!("held by process {}", controller.process.id())),
        "{log}"
    );

    // The first goes on: its database is still there.
    cbctl_ok(&pki, &controller, &["agent", "list"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn report_files_are_0640_in_directories_of_0750() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("harden-modes");
    let pki = Pki::init(&dir.path().join("certs"), &["india"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let _india = AgentProcess::start(dir.path(), &pki, "india", &controller, &NO_GPU);
    wait_for("the agent online", || {
        agents_online(&pki, &controller, &["india"])
    });
    let run_id = launch_and_watch(&pki, &controller, &["--task", "gpu_report"]);
    let root = controller.state_dir.join("artifacts");
    let run_dir = root.join("runs").join(&run_id);
    let mode = |path: &Path| {
        std::fs::metadata(path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
            .permissions()
            .mode()
            & 0o777
    };
    wait_for("the report files", || run_dir.join("report.json").is_file());
    for dir in [&root, &root.join("runs"), &run_dir] {
        assert_eq!(mode(dir), 0o750, "{}", dir.display());
    }
    for file in ["report.md", "report.json"] {
        let path = run_dir.join(file);
        assert_eq!(mode(&path), 0o640, "{}", path.display());
    }
}
