//! Every text field of every request, found in the protobuf descriptors rather than listed by
//! hand, is sent with a NUL and, separately, with an ESC, over real gRPC to a live controller (the
//! API as its admin, the agent port with an agent's certificate): each must be refused
//! `INVALID_ARGUMENT` naming the field, but the hello's diagnostic text (Docker's error, the
//! driver's version), which is made safe and kept. Also: over-size selectors and runs are refused with a
//! short error.

use std::collections::BTreeSet;

use bytes::{Buf, BufMut};
use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::run_service_client::RunServiceClient;
use cyberbrain_testkit::api::{admin_channel, agent_channel};
use cyberbrain_testkit::process::{ControllerProcess, Pki};
use cyberbrain_testkit::temp_dir;
use prost::Message;
use prost_reflect::{
    DescriptorPool, DynamicMessage, Kind, MapKey, MessageDescriptor, MethodDescriptor, Value,
};
use tokio_stream::StreamExt;
use tonic::Code;
use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};

/// Messages as bytes, both ways: the requests are `DynamicMessage`s encoded by the test.
#[derive(Debug, Clone, Copy, Default)]
struct RawCodec;

impl Codec for RawCodec {
    type Encode = Vec<u8>;
    type Decode = Vec<u8>;
    type Encoder = RawCodec;
    type Decoder = RawCodec;
    fn encoder(&mut self) -> Self::Encoder {
        RawCodec
    }
    fn decoder(&mut self) -> Self::Decoder {
        RawCodec
    }
}

impl Encoder for RawCodec {
    type Item = Vec<u8>;
    type Error = tonic::Status;
    fn encode(&mut self, item: Vec<u8>, dst: &mut EncodeBuf<'_>) -> Result<(), tonic::Status> {
        dst.put_slice(&item);
        Ok(())
    }
}

impl Decoder for RawCodec {
    type Item = Vec<u8>;
    type Error = tonic::Status;
    fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<Vec<u8>>, tonic::Status> {
        let bytes = src.copy_to_bytes(src.remaining());
        Ok(Some(bytes.to_vec()))
    }
}

/// One request with one bad text: the path the server must name, and the message.
struct Variant {
    path: String,
    message: DynamicMessage,
}

/// Every way to put `bad` into one text field of `descriptor`, recursively: plain and repeated
/// strings, map keys and values, nested messages (one item of a repeated one, one entry of a map).
fn variants(descriptor: &MessageDescriptor, bad: &str, depth: usize) -> Vec<Variant> {
    let mut out = Vec::new();
    if depth > 6 {
        return out;
    }
    for field in descriptor.fields() {
        let name = field.name().to_string();
        let mut with = |path: String, value: Value| {
            let mut message = DynamicMessage::new(descriptor.clone());
            message.set_field(&field, value);
            out.push(Variant { path, message });
        };
        if field.is_map() {
            let Kind::Message(entry) = field.kind() else {
                continue;
            };
            let key = entry.map_entry_key_field();
            let value = entry.map_entry_value_field();
            if key.kind() != Kind::String {
                continue;
            }
            let map = |k: &str, v: Value| {
                Value::Map([(MapKey::String(k.to_string()), v)].into_iter().collect())
            };
            with(format!("{name} key"), map(bad, value.default_value()));
            match value.kind() {
                Kind::String => with(
                    format!("{name}[\"k\"]"),
                    map("k", Value::String(bad.into())),
                ),
                Kind::Message(inner) => {
                    for v in variants(&inner, bad, depth + 1) {
                        with(
                            format!("{name}[\"k\"].{}", v.path),
                            map("k", Value::Message(v.message)),
                        );
                    }
                }
                _ => {}
            }
        } else if field.is_list() {
            match field.kind() {
                Kind::String => with(
                    format!("{name}[0]"),
                    Value::List(vec![Value::String(bad.into())]),
                ),
                Kind::Message(inner) => {
                    for v in variants(&inner, bad, depth + 1) {
                        with(
                            format!("{name}[0].{}", v.path),
                            Value::List(vec![Value::Message(v.message)]),
                        );
                    }
                }
                _ => {}
            }
        } else {
            match field.kind() {
                Kind::String => with(name, Value::String(bad.into())),
                Kind::Message(inner) => {
                    for v in variants(&inner, bad, depth + 1) {
                        with(format!("{name}.{}", v.path), Value::Message(v.message));
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// The requests to send to `method`: for the agent stream only its opening `Hello` (what follows
/// is container text, stored safely rather than refused).
fn requests(method: &MethodDescriptor, bad: &str) -> Vec<Variant> {
    let input = method.input();
    if !method.is_client_streaming() {
        return variants(&input, bad, 0);
    }
    let hello = input
        .get_field_by_name("hello")
        .expect("AgentMessage.hello");
    let Kind::Message(hello_type) = hello.kind() else {
        panic!("hello is a message");
    };
    variants(&hello_type, bad, 1)
        .into_iter()
        .map(|v| {
            let mut message = DynamicMessage::new(input.clone());
            message.set_field(&hello, Value::Message(v.message));
            Variant {
                path: format!("hello.{}", v.path),
                message,
            }
        })
        .collect()
}

/// Calls `method` with `body` and returns the status it ends with (OK if it answered).
async fn call<T>(
    grpc: &mut tonic::client::Grpc<T>,
    method: &MethodDescriptor,
    body: Vec<u8>,
) -> tonic::Status
where
    T: tonic::client::GrpcService<tonic::body::Body>,
    T::ResponseBody: http_body::Body<Data = bytes::Bytes> + Send + 'static,
    <T::ResponseBody as http_body::Body>::Error:
        Into<Box<dyn std::error::Error + Send + Sync>> + Send,
    T::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    if let Err(e) = grpc.ready().await {
        panic!("the channel is not ready: {}", e.into());
    }
    let path: http::uri::PathAndQuery =
        format!("/{}/{}", method.parent_service().full_name(), method.name())
            .parse()
            .expect("a path");
    let outcome = match (method.is_client_streaming(), method.is_server_streaming()) {
        (false, false) => grpc
            .unary(tonic::Request::new(body), path, RawCodec)
            .await
            .map(|_| ()),
        (false, true) => match grpc
            .server_streaming(tonic::Request::new(body), path, RawCodec)
            .await
        {
            Ok(response) => response.into_inner().message().await.map(|_| ()),
            Err(status) => Err(status),
        },
        (true, _) => match grpc
            .streaming(
                tonic::Request::new(tokio_stream::once(body).chain(tokio_stream::pending())),
                path,
                RawCodec,
            )
            .await
        {
            Ok(response) => response.into_inner().message().await.map(|_| ()),
            Err(status) => Err(status),
        },
    };
    outcome.err().unwrap_or_else(|| tonic::Status::ok(""))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nul_or_an_escape_in_any_text_field_of_any_request_is_refused_naming_the_field() {
    let dir = temp_dir("input-fields");
    let pki = Pki::init(&dir.path().join("certs"), &["good"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let mut api = tonic::client::Grpc::new(admin_channel(&controller, &pki.ca()).await);
    let (cert, key) = pki.agent("good");
    let mut agents = tonic::client::Grpc::new(
        agent_channel(controller.agents, &pki.ca(), &cert, &key)
            .await
            .expect("the agent port accepts the agent's certificate"),
    );
    let pool = DescriptorPool::decode(cyberbrain_proto::FILE_DESCRIPTOR_SET).expect("descriptors");

    let mut checked = BTreeSet::new();
    let mut failures = Vec::new();
    let mut calls = 0;
    for service in pool.services() {
        let agent_port = service.package_name() == "cyberbrain.agent.v1";
        for method in service.methods() {
            for (bad, what) in [("x\0y", "NUL"), ("x\u{1b}[2Jy", "ESC")] {
                for variant in requests(&method, bad) {
                    let body = variant.message.encode_to_vec();
                    let status = if agent_port {
                        call(&mut agents, &method, body).await
                    } else {
                        call(&mut api, &method, body).await
                    };
                    calls += 1;
                    let named = status.message().contains(&variant.path);
                    let diagnostic = DIAGNOSTIC_FIELDS.contains(&variant.path.as_str());
                    let wrong = if diagnostic {
                        // Made safe and kept: the hello is accepted.
                        status.code() != Code::Ok
                    } else {
                        status.code() != Code::InvalidArgument || !named
                    };
                    if wrong {
                        failures.push(format!(
                            "{}/{} {} with {what}: {:?} {:?}",
                            service.name(),
                            method.name(),
                            variant.path,
                            status.code(),
                            status.message()
                        ));
                    }
                    checked.insert(format!("{}/{}", service.name(), method.name()));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {calls} calls were not refused by field:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The generator reached every kind of field: nested, map keys and values, repeated, both
    // ports and the agent stream's hello.
    for method in [
        "RunService/LaunchRun",
        "RunService/ListRuns",
        "DirectiveService/CreateDirective",
        "AllowlistService/UpdateAllowlistEntry",
        "FleetService/CreateJoinToken",
        "AuditService/ListAuditEvents",
        "Enrollment/Enroll",
        "Enrollment/Renew",
        "AgentLink/Attach",
    ] {
        assert!(
            checked.contains(method),
            "{method} was not exercised: {checked:?}"
        );
    }
    assert!(calls > 80, "only {calls} calls");

    // What a Docker daemon or a proxy in front of it says can be long and hold carriage returns:
    // the agent is still let in.
    let hello = cyberbrain_proto::agent::v1::AgentMessage {
        message: Some(cyberbrain_proto::agent::v1::agent_message::Message::Hello(
            cyberbrain_proto::agent::v1::Hello {
                hostname: "good".into(),
                capabilities: Some(cyberbrain_proto::agent::v1::Capabilities {
                    docker_error: format!("502 Bad Gateway\r\n{}", "<p>proxy</p>\r\n".repeat(800)),
                    ..Default::default()
                }),
                ..Default::default()
            },
        )),
    };
    assert!(hello.encoded_len() > 10_000);
    let attach = pool
        .get_service_by_name("cyberbrain.agent.v1.AgentLink")
        .and_then(|s| s.methods().find(|m| m.name() == "Attach"))
        .expect("Attach");
    let status = call(&mut agents, &attach, hello.encode_to_vec()).await;
    assert_eq!(status.code(), Code::Ok, "{status:?}");
}

/// The hello's diagnostic text, which the controller neutralises and cuts instead of refusing.
const DIAGNOSTIC_FIELDS: &[&str] = &[
    "hello.capabilities.docker_error",
    "hello.capabilities.driver_version",
];

fn labels_launch(labels: Vec<(String, String)>) -> pb::LaunchRunRequest {
    pb::LaunchRunRequest {
        source: Some(pb::launch_run_request::Source::Tasks(pb::TaskList {
            tasks: vec![
                cyberbrain_testkit::api::gpu_launch_request(100)
                    .source
                    .map(|s| match s {
                        pb::launch_run_request::Source::Tasks(t) => t.tasks[0].clone(),
                        pb::launch_run_request::Source::DirectiveName(_) => unreachable!(),
                    })
                    .expect("a task"),
            ],
        })),
        target: Some(pb::TargetSelector {
            selector: Some(pb::target_selector::Selector::Labels(pb::LabelSelector {
                match_labels: labels.into_iter().collect(),
            })),
        }),
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversize_selectors_and_runs_are_refused_with_a_short_error() {
    let dir = temp_dir("input-sizes");
    let pki = Pki::init(&dir.path().join("certs"), &["good"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let mut runs = RunServiceClient::new(admin_channel(&controller, &pki.ca()).await);

    let huge_value = labels_launch(vec![("zone".into(), "v".repeat(512 << 10))]);
    let refused = runs
        .launch_run(huge_value)
        .await
        .expect_err("a 512 KB value");
    assert_eq!(refused.code(), Code::InvalidArgument, "{refused:?}");
    assert!(
        refused.message().contains("target.labels.match_labels"),
        "{refused:?}"
    );
    assert!(
        refused.message().len() < 200,
        "{} bytes",
        refused.message().len()
    );

    let many_keys = labels_launch(
        (0..10_000)
            .map(|i| (format!("key{i}"), "v".into()))
            .collect(),
    );
    let refused = runs.launch_run(many_keys).await.expect_err("10,000 keys");
    assert_eq!(refused.code(), Code::InvalidArgument, "{refused:?}");
    assert!(
        refused.message().contains("at most 64 entries"),
        "{refused:?}"
    );
    assert!(
        refused.message().len() < 200,
        "{} bytes",
        refused.message().len()
    );

    let mut many_tasks = labels_launch(vec![("zone".into(), "a".into())]);
    if let Some(pb::launch_run_request::Source::Tasks(list)) = &mut many_tasks.source {
        list.tasks = vec![list.tasks[0].clone(); 40_000];
    }
    let refused = runs.launch_run(many_tasks).await.expect_err("40,000 tasks");
    assert_eq!(refused.code(), Code::InvalidArgument, "{refused:?}");
    assert!(
        refused.message().contains("at most 256 items"),
        "{refused:?}"
    );

    let listed = runs
        .list_runs(pb::ListRunsRequest::default())
        .await
        .expect("list")
        .into_inner();
    assert!(listed.runs.is_empty(), "nothing was launched: {listed:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn undecodable_and_oversize_messages_get_the_codes_the_grpc_spec_gives_on_both_ports() {
    let dir = temp_dir("input-codes");
    let pki = Pki::init(&dir.path().join("certs"), &["good"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let mut api = tonic::client::Grpc::new(admin_channel(&controller, &pki.ca()).await);
    let (cert, key) = pki.agent("good");
    let mut agents = tonic::client::Grpc::new(
        agent_channel(controller.agents, &pki.ca(), &cert, &key)
            .await
            .expect("the agent port accepts the agent's certificate"),
    );
    let pool = DescriptorPool::decode(cyberbrain_proto::FILE_DESCRIPTOR_SET).expect("descriptors");
    let method = |service: &str, name: &str| {
        pool.get_service_by_name(service)
            .and_then(|s| s.methods().find(|m| m.name() == name))
            .expect("a method")
    };
    // Field 1 with wire type 7, which does not exist.
    let malformed = vec![0x0f, 0x01];
    // Over each service's limit: 256 KiB by default, 1 MiB for runs and directives, 64 KiB for
    // enrollment, 16 MiB for the agent stream.
    let oversize = |bytes: usize| {
        pb::GetAgentRequest {
            name: "a".repeat(bytes),
        }
        .encode_to_vec()
    };
    let cases = [
        (
            method("cyberbrain.v1.FleetService", "GetAgent"),
            false,
            malformed.clone(),
            Code::InvalidArgument,
        ),
        (
            method("cyberbrain.v1.FleetService", "GetAgent"),
            false,
            oversize(5 << 20),
            Code::ResourceExhausted,
        ),
        (
            method("cyberbrain.v1.RunService", "WatchRun"),
            false,
            malformed.clone(),
            Code::InvalidArgument,
        ),
        (
            method("cyberbrain.v1.RunService", "LaunchRun"),
            false,
            oversize(9 << 20),
            Code::ResourceExhausted,
        ),
        (
            method("cyberbrain.agent.v1.Enrollment", "Enroll"),
            true,
            malformed.clone(),
            Code::InvalidArgument,
        ),
        (
            method("cyberbrain.agent.v1.Enrollment", "Enroll"),
            true,
            oversize(100 << 10),
            Code::ResourceExhausted,
        ),
        (
            method("cyberbrain.agent.v1.AgentLink", "Attach"),
            true,
            malformed.clone(),
            Code::InvalidArgument,
        ),
        (
            method("cyberbrain.agent.v1.AgentLink", "Attach"),
            true,
            oversize(17 << 20),
            Code::ResourceExhausted,
        ),
    ];
    for (method, agent_port, body, expected) in cases {
        let size = body.len();
        let status = if agent_port {
            call(&mut agents, &method, body).await
        } else {
            call(&mut api, &method, body).await
        };
        assert_eq!(
            status.code(),
            expected,
            "{} with {size} bytes: {status:?}",
            method.full_name()
        );
        assert!(status.message().len() < 200, "{status:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_list_of_millions_of_statuses_is_refused_before_it_is_decoded_or_checked() {
    let dir = temp_dir("input-counts");
    let pki = Pki::init(&dir.path().join("certs"), &["good"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let mut runs = RunServiceClient::new(admin_channel(&controller, &pki.ca()).await)
        .max_encoding_message_size(usize::MAX);
    // 7 MiB of packed statuses, seven million values: under the old 8 MiB limit, decoded,
    // re-encoded and turned into seven million reflection values before the count refused it.
    let huge = pb::ListRunsRequest {
        status: vec![1; 7 << 20],
        ..Default::default()
    };
    let started = std::time::Instant::now();
    let refused = runs.list_runs(huge).await.expect_err("7 MiB of statuses");
    assert_eq!(refused.code(), Code::ResourceExhausted, "{refused:?}");
    assert!(refused.message().len() < 200, "{refused:?}");
    // Under the limit but over the count: refused by counting, before any value is built.
    let many = pb::ListRunsRequest {
        status: vec![1; 900 << 10],
        ..Default::default()
    };
    let refused = runs.list_runs(many).await.expect_err("921,600 statuses");
    assert_eq!(refused.code(), Code::InvalidArgument, "{refused:?}");
    assert!(
        refused.message().contains("at most 256 items (got 921600)"),
        "{refused:?}"
    );
    let took = started.elapsed();
    assert!(took < std::time::Duration::from_secs(5), "{took:?}");
}

/// The status an agent stream ends with after a good hello and then `later`, once the welcome
/// came.
async fn attach_then<T>(
    grpc: &mut tonic::client::Grpc<T>,
    attach: &MethodDescriptor,
    later: Vec<u8>,
) -> tonic::Status
where
    T: tonic::client::GrpcService<tonic::body::Body>,
    T::ResponseBody: http_body::Body<Data = bytes::Bytes> + Send + 'static,
    <T::ResponseBody as http_body::Body>::Error:
        Into<Box<dyn std::error::Error + Send + Sync>> + Send,
    T::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    use cyberbrain_proto::agent::v1 as link;
    let hello = link::AgentMessage {
        message: Some(link::agent_message::Message::Hello(link::Hello {
            hostname: "good".into(),
            ..Default::default()
        })),
    };
    if let Err(e) = grpc.ready().await {
        panic!("the channel is not ready: {}", e.into());
    }
    let path: http::uri::PathAndQuery =
        format!("/{}/{}", attach.parent_service().full_name(), attach.name())
            .parse()
            .expect("a path");
    // The request stream stays open while `send` lives.
    let (send, outbound) = tokio::sync::mpsc::channel::<Vec<u8>>(2);
    send.send(hello.encode_to_vec()).await.expect("queued");
    let outbound = tokio_stream::wrappers::ReceiverStream::new(outbound);
    let mut inbound = grpc
        .streaming(tonic::Request::new(outbound), path, RawCodec)
        .await
        .expect("the stream opens")
        .into_inner();
    let welcome = inbound
        .message()
        .await
        .expect("a welcome")
        .expect("a message");
    assert!(!welcome.is_empty());
    send.send(later).await.expect("the request stream waits");
    // Whatever else comes first (the agent is told of no jobs here), the stream must end with a
    // status saying what was wrong.
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        match tokio::time::timeout_at(deadline, inbound.message()).await {
            Err(_) => panic!("the stream did not end"),
            Ok(Ok(Some(_))) => continue,
            Ok(Ok(None)) => return tonic::Status::ok(""),
            Ok(Err(status)) => return status,
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_or_oversize_message_after_the_hello_ends_the_agent_stream_with_its_code() {
    let dir = temp_dir("input-later");
    let pki = Pki::init(&dir.path().join("certs"), &["good"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let (cert, key) = pki.agent("good");
    let mut agents = tonic::client::Grpc::new(
        agent_channel(controller.agents, &pki.ca(), &cert, &key)
            .await
            .expect("the agent port accepts the agent's certificate"),
    )
    .max_encoding_message_size(usize::MAX);
    let pool = DescriptorPool::decode(cyberbrain_proto::FILE_DESCRIPTOR_SET).expect("descriptors");
    let attach = pool
        .get_service_by_name("cyberbrain.agent.v1.AgentLink")
        .and_then(|s| s.methods().find(|m| m.name() == "Attach"))
        .expect("Attach");
    // Field 1 with wire type 7, which does not exist.
    let status = attach_then(&mut agents, &attach, vec![0x0f, 0x01]).await;
    assert_eq!(status.code(), Code::InvalidArgument, "{status:?}");
    // Over the stream's 16 MiB.
    let oversize = pb::GetAgentRequest {
        name: "a".repeat(17 << 20),
    }
    .encode_to_vec();
    let status = attach_then(&mut agents, &attach, oversize).await;
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    assert!(status.message().len() < 200, "{status:?}");
}
