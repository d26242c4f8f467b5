//! One live stream per agent across controller replicas (issue #22): a second `Attach` with an
//! agent's certificate on another replica becomes the agent's current stream, the older one is
//! told to close wherever it is, jobs go only to the current stream, and the agent is never left
//! connected but offline with jobs waiting. A replacing hello does not requeue the jobs of the
//! stream it replaces. Two real controller replicas on one real PostgreSQL, a real agent, and a
//! second client holding the agent's certificate, over real mutual TLS.

use std::net::SocketAddr;
use std::time::Duration;

use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::agent::v1::agent_link_client::AgentLinkClient;
use cyberbrain_testkit::api::agent_channel;
use cyberbrain_testkit::checks::{
    agents_online, json, launch_and_watch, query, wait_for_run_status,
};
use cyberbrain_testkit::nvml;
use cyberbrain_testkit::pg::PgCluster;
use cyberbrain_testkit::process::{AgentProcess, ControllerProcess, Pki, cbctl_ok};
use cyberbrain_testkit::{temp_dir, wait_for, wait_for_async, wait_for_or};

/// Flags for an agent that needs neither Docker containers nor a GPU.
const NO_GPU: [&str; 2] = ["--nvml-library", "/nonexistent.so"];

type Impostor = (
    tokio::sync::mpsc::Sender<link::AgentMessage>,
    tonic::Streaming<link::ControllerMessage>,
);

/// Attaches to the agent link at `agents` with `name`'s certificate, saying a hello that lists
/// no job, and waits for the welcome; the sender keeps the stream open.
async fn attach_as(pki: &Pki, agents: SocketAddr, name: &str) -> Impostor {
    let (cert, key) = pki.agent(name);
    let channel = agent_channel(agents, &pki.ca(), &cert, &key)
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
    let mut stream = AgentLinkClient::new(channel)
        .attach(tokio_stream::wrappers::ReceiverStream::new(receiver))
        .await
        .expect("the second stream attaches")
        .into_inner();
    let first = stream
        .message()
        .await
        .expect("a message")
        .and_then(|m| m.message);
    assert!(
        matches!(first, Some(link::controller_message::Message::Welcome(_))),
        "{first:?}"
    );
    (sender, stream)
}

/// What the impostor's stream said before it ended or `within` passed: the jobs assigned to it
/// and whether it was told goodbye.
async fn read_impostor(
    stream: &mut tonic::Streaming<link::ControllerMessage>,
    within: Duration,
    stop_at_assign: bool,
) -> (Vec<String>, Option<String>) {
    let mut assigned = Vec::new();
    let read = async {
        loop {
            match stream.message().await {
                Ok(Some(link::ControllerMessage {
                    message: Some(link::controller_message::Message::Goodbye(goodbye)),
                })) => return Some(goodbye.reason),
                Ok(Some(link::ControllerMessage {
                    message: Some(link::controller_message::Message::Assign(assign)),
                })) => {
                    assigned.push(assign.job_id);
                    if stop_at_assign {
                        return None;
                    }
                }
                Ok(Some(_)) => continue,
                Ok(None) | Err(_) => return None,
            }
        }
    };
    let goodbye = tokio::time::timeout(within, read).await.ok().flatten();
    (assigned, goodbye)
}

/// The agent's current session as the database records it.
async fn current_session(database_url: &str, name: &str) -> Option<String> {
    query(
        database_url,
        &format!("SELECT replica FROM agents WHERE name = '{name}'"),
    )
    .await
    .first()
    .and_then(|row| row.get::<_, Option<String>>(0))
}

fn signal(pid: u32, signal: &str) {
    let status = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{signal} {pid}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_stream_on_another_replica_closes_the_first_and_strands_nothing() {
    let dir = temp_dir("streams-replicas");
    let pki = Pki::init(&dir.path().join("certs"), &["hotel"]);
    let pg = PgCluster::start().await;
    let db = pg.database_url();
    let (one, two) = ControllerProcess::start_two_replicas(dir.path(), &pki, &db);
    let one_link = format!("https://{}", one.agents);
    let agent = AgentProcess::start_with(dir.path(), &pki, "hotel", &[&one_link], &NO_GPU, &[]);
    wait_for_or(
        "the agent online on replica one",
        || agents_online(&pki, &one, &["hotel"]),
        || agent.process.log_text(),
    );
    let one_prefix = format!(":{}/", one.agents.port());
    let real_session = current_session(&db, "hotel").await.expect("a session");
    assert!(real_session.contains(&one_prefix), "{real_session}");

    // The real agent is frozen (its socket stays open), and a second client attaches with its
    // certificate on replica two: that stream is now the agent's current one.
    let pid = agent.process.id();
    signal(pid, "STOP");
    let (sender, mut impostor) = attach_as(&pki, two.agents, "hotel").await;
    let impostor_session = current_session(&db, "hotel").await.expect("a session");
    assert!(
        impostor_session.contains(&format!(":{}/", two.agents.port())),
        "{impostor_session}"
    );

    // A run launched through replica one, where the older stream was: the job goes to the
    // current stream, on two, not to the frozen agent's stream that one still held.
    let launched = json(&cbctl_ok(
        &pki,
        &one,
        &[
            "run",
            "launch",
            "--task",
            "gpu_report",
            "--agent",
            "hotel",
            "-o",
            "json",
        ],
    ));
    let run_id = launched["id"].as_str().expect("run id").to_string();
    let (assigned, _) = read_impostor(&mut impostor, Duration::from_secs(30), true).await;
    assert_eq!(
        assigned.len(),
        1,
        "the job was sent to the current stream, on replica two"
    );
    // The second client goes away without answering.
    drop(sender);
    drop(impostor);

    // The real agent wakes: it was told goodbye on one, reconnects, and gets the requeued job.
    signal(pid, "CONT");
    let run = wait_for_run_status(&pki, &one, &run_id, "succeeded");
    assert_eq!(run["jobs"][0]["status"], "succeeded", "{run}");
    wait_for_or(
        "the agent online",
        || agents_online(&pki, &two, &["hotel"]),
        || agent.process.log_text(),
    );
    let session = current_session(&db, "hotel").await.expect("a session");
    assert!(
        session.contains(&one_prefix) && session != real_session,
        "a new stream of the real agent on one: {session}"
    );
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
    // And it stays online with its heartbeats counted: a run through the other replica is done.
    launch_and_watch(&pki, &two, &["--task", "gpu_report", "--agent", "hotel"]);
    assert!(agents_online(&pki, &one, &["hotel"]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_replacing_hello_does_not_requeue_the_jobs_of_the_live_stream_it_replaces() {
    let dir = temp_dir("streams-requeue");
    let pki = Pki::init(&dir.path().join("certs"), &["india"]);
    let library = nvml::build(dir.path());
    let library = library.display().to_string();
    let pg = PgCluster::start().await;
    let db = pg.database_url();
    let (one, two) = ControllerProcess::start_two_replicas(dir.path(), &pki, &db);
    let one_link = format!("https://{}", one.agents);
    // A `gpu_report` that takes four seconds.
    let agent = AgentProcess::start_with(
        dir.path(),
        &pki,
        "india",
        &[&one_link],
        &["--nvml-library", library.as_str()],
        &[("FAKE_NVML_UTILIZATION_DELAY_MS", "4000")],
    );
    wait_for_or(
        "the agent online",
        || agents_online(&pki, &one, &["india"]),
        || agent.process.log_text(),
    );
    let launched = json(&cbctl_ok(
        &pki,
        &one,
        &[
            "run",
            "launch",
            "--task",
            "gpu_report",
            "--agent",
            "india",
            "-o",
            "json",
        ],
    ));
    let run_id = launched["id"].as_str().expect("run id").to_string();
    wait_for_async("the job running on the real agent", || {
        let db = db.clone();
        async move {
            let rows = query(&db, "SELECT status FROM jobs").await;
            (rows.len() == 1 && rows[0].get::<_, String>(0) == "running").then_some(())
        }
    })
    .await;

    // Another holder of the certificate attaches on replica two with a hello that lists no
    // job. Its stream becomes current; the real agent's is told to close, the real agent
    // reconnects (listing its job) and takes the stream back; the job is never requeued.
    let (_sender, mut impostor) = attach_as(&pki, two.agents, "india").await;
    let (assigned, goodbye) = read_impostor(&mut impostor, Duration::from_secs(30), false).await;
    assert!(
        goodbye.is_some(),
        "the real agent's reconnection replaced the second stream"
    );
    assert!(
        assigned.is_empty(),
        "the second stream was sent the real agent's job: {assigned:?}"
    );

    let run = wait_for_run_status(&pki, &two, &run_id, "succeeded");
    assert_eq!(run["jobs"][0]["status"], "succeeded", "{run}");
    let rows = query(&db, "SELECT attempt FROM jobs").await;
    assert_eq!(
        rows[0].get::<_, i32>(0),
        1,
        "done on its first attempt: the replacing hello requeued nothing"
    );
    assert!(
        agent
            .process
            .log_text()
            .contains("another stream of this agent attached"),
        "the real agent's first stream was told why it closed"
    );
    wait_for("the agent online", || agents_online(&pki, &one, &["india"]));
}
