//! Bad input gets the right gRPC code and names the field at fault; an agent whose certificate
//! comes from another CA is refused at the TLS handshake.

use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::agent::v1::agent_link_client::AgentLinkClient;
use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::directive_service_client::DirectiveServiceClient;
use cyberbrain_proto::v1::run_service_client::RunServiceClient;
use cyberbrain_testkit::api::{admin_channel, agent_channel};
use cyberbrain_testkit::process::{ControllerProcess, Pki, cbctl};
use cyberbrain_testkit::temp_dir;
use tonic::Code;

fn log_triage(tail_lines: u32) -> pb::TaskSpec {
    pb::TaskSpec {
        task: Some(pb::task_spec::Task::LogTriage(pb::LogTriageTask {
            tail_lines,
            ..Default::default()
        })),
        ..Default::default()
    }
}

fn adhoc(tasks: Vec<pb::TaskSpec>, target: pb::target_selector::Selector) -> pb::LaunchRunRequest {
    pb::LaunchRunRequest {
        source: Some(pb::launch_run_request::Source::Tasks(pb::TaskList {
            tasks,
        })),
        target: Some(pb::TargetSelector {
            selector: Some(target),
        }),
        ..Default::default()
    }
}

#[track_caller]
fn assert_status(result: Result<impl std::fmt::Debug, tonic::Status>, code: Code, mentions: &str) {
    let status = result.expect_err("the call must fail");
    assert_eq!(status.code(), code, "{status:?}");
    assert!(
        status.message().contains(mentions),
        "{:?} should mention {mentions:?}",
        status.message()
    );
}

/// Opens the agent stream with the given identity and says hello; returns the first answer.
async fn attach(
    channel: tonic::transport::Channel,
) -> Result<link::ControllerMessage, tonic::Status> {
    let hello = link::AgentMessage {
        message: Some(link::agent_message::Message::Hello(link::Hello {
            hostname: "h".into(),
            ..Default::default()
        })),
    };
    let mut inbound = AgentLinkClient::new(channel)
        .attach(tokio_stream::once(hello))
        .await?
        .into_inner();
    inbound
        .message()
        .await?
        .ok_or_else(|| tonic::Status::aborted("stream ended"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_requests_get_precise_errors_and_foreign_agents_are_refused() {
    let dir = temp_dir("bad-input");
    let pki = Pki::init(&dir.path().join("certs"), &["good"]);
    let foreign = Pki::init(&dir.path().join("foreign"), &["intruder"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let channel = admin_channel(&controller, &pki.ca()).await;
    let mut runs = RunServiceClient::new(channel.clone());
    let mut directives = DirectiveServiceClient::new(channel);

    // An unknown directive.
    let unknown = pb::LaunchRunRequest {
        source: Some(pb::launch_run_request::Source::DirectiveName(
            "no-such-directive".into(),
        )),
        ..Default::default()
    };
    assert_status(
        runs.launch_run(unknown).await,
        Code::NotFound,
        "no-such-directive",
    );
    assert_status(
        directives
            .get_directive(pb::GetDirectiveRequest {
                name: "Bad Name".into(),
                version: 0,
            })
            .await,
        Code::InvalidArgument,
        "name",
    );

    // An invalid task parameter names the field.
    let too_many_lines = adhoc(
        vec![log_triage(5_000_000)],
        pb::target_selector::Selector::All(true),
    );
    assert_status(
        runs.launch_run(too_many_lines).await,
        Code::InvalidArgument,
        "tasks.tasks[0].log_triage.tail_lines",
    );
    let no_task = adhoc(
        vec![pb::TaskSpec::default()],
        pb::target_selector::Selector::All(true),
    );
    assert_status(
        runs.launch_run(no_task).await,
        Code::InvalidArgument,
        "tasks.tasks[0].task",
    );
    let too_many_attempts = pb::CreateDirectiveRequest {
        name: "persistent".into(),
        tasks: vec![pb::TaskSpec {
            max_attempts: 101,
            ..log_triage(10)
        }],
        ..Default::default()
    };
    assert_status(
        directives.create_directive(too_many_attempts).await,
        Code::InvalidArgument,
        "tasks[0].max_attempts",
    );
    let create_empty = pb::CreateDirectiveRequest {
        name: "empty".into(),
        ..Default::default()
    };
    assert_status(
        directives.create_directive(create_empty).await,
        Code::InvalidArgument,
        "tasks",
    );

    // A selector that matches no agent.
    let labels = pb::target_selector::Selector::Labels(pb::LabelSelector {
        match_labels: [("zone".to_string(), "mars".to_string())].into(),
    });
    assert_status(
        runs.launch_run(adhoc(vec![log_triage(10)], labels)).await,
        Code::FailedPrecondition,
        "target",
    );
    let names = pb::target_selector::Selector::Agents(pb::AgentNames {
        names: vec!["ghost".into()],
    });
    assert_status(
        runs.launch_run(adhoc(vec![log_triage(10)], names)).await,
        Code::FailedPrecondition,
        "ghost",
    );
    assert_status(
        runs.get_run(pb::GetRunRequest {
            id: "not-a-uuid".into(),
        })
        .await,
        Code::InvalidArgument,
        "id",
    );
    assert_status(
        runs.list_runs(pb::ListRunsRequest {
            page_token: "forged".into(),
            ..Default::default()
        })
        .await,
        Code::InvalidArgument,
        "page_token",
    );

    // cbctl shows such errors as one line.
    let output = cbctl(&pki, &controller, &["run", "launch", "no-such-directive"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "one clear line: {stderr}");
    assert!(stderr.contains("not found"), "{stderr}");

    // The agent link: our agent's certificate is welcomed; another CA's is refused at the handshake.
    let (cert, key) = pki.agent("good");
    let ours = agent_channel(controller.agents, &pki.ca(), &cert, &key)
        .await
        .expect("our agent connects");
    let welcome = attach(ours).await.expect("our agent is welcomed");
    assert!(matches!(
        welcome.message,
        Some(link::controller_message::Message::Welcome(_))
    ));

    let (cert, key) = foreign.agent("intruder");
    let refused = match agent_channel(controller.agents, &pki.ca(), &cert, &key).await {
        // TLS 1.3 finishes the client's side of the handshake before the server checks the client
        // certificate, so the refusal may surface on the first call instead.
        Ok(channel) => attach(channel).await.err(),
        Err(e) => Some(tonic::Status::unavailable(e.to_string())),
    };
    let refused = refused.expect("a certificate from another CA must be refused");
    assert!(
        matches!(
            refused.code(),
            Code::Unavailable | Code::Unknown | Code::Internal | Code::Cancelled
        ),
        "{refused:?}"
    );
    assert!(
        !controller.process.log_text().contains("intruder"),
        "no stream was opened for it"
    );

    let agents = cbctl(&pki, &controller, &["agent", "list", "-o", "json"]);
    let listed = String::from_utf8_lossy(&agents.stdout);
    assert!(listed.contains("\"good\""), "{listed}");
    assert!(
        !listed.contains("intruder"),
        "the foreign agent never got in: {listed}"
    );
}
