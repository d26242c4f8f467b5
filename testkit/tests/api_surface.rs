//! What generic gRPC tooling relies on: server reflection (grpcurl) and the health service.

use cyberbrain_testkit::api::api_channel;
use cyberbrain_testkit::process::{ControllerProcess, Pki};
use cyberbrain_testkit::temp_dir;
use tonic_health::pb::HealthCheckRequest;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_reflection::pb::v1::ServerReflectionRequest;
use tonic_reflection::pb::v1::server_reflection_client::ServerReflectionClient;
use tonic_reflection::pb::v1::server_reflection_request::MessageRequest;
use tonic_reflection::pb::v1::server_reflection_response::MessageResponse;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reflection_lists_the_services_and_health_reports_serving() {
    let dir = temp_dir("api-surface");
    let pki = Pki::init(&dir.path().join("certs"), &["x"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let channel = api_channel(controller.api, &pki.ca()).await;

    let request = ServerReflectionRequest {
        host: String::new(),
        message_request: Some(MessageRequest::ListServices(String::new())),
    };
    let mut responses = ServerReflectionClient::new(channel.clone())
        .server_reflection_info(tokio_stream::once(request))
        .await
        .expect("reflection answers")
        .into_inner();
    let response = responses
        .message()
        .await
        .expect("a response")
        .expect("not empty");
    let Some(MessageResponse::ListServicesResponse(list)) = response.message_response else {
        panic!("unexpected reflection response: {response:?}");
    };
    let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
    for service in [
        "cyberbrain.v1.DirectiveService",
        "cyberbrain.v1.RunService",
        "cyberbrain.v1.FleetService",
        "cyberbrain.v1.AllowlistService",
        "cyberbrain.v1.TriggerService",
        "grpc.health.v1.Health",
    ] {
        assert!(
            names.iter().any(|n| n == service),
            "{service} missing from {names:?}"
        );
    }
    assert!(
        !names.iter().any(|n| n.contains("AgentLink")),
        "the agent link is not served on the API listener: {names:?}"
    );

    let health = HealthClient::new(channel)
        .check(HealthCheckRequest {
            service: String::new(),
        })
        .await
        .expect("health answers")
        .into_inner();
    assert_eq!(health.status(), ServingStatus::Serving);
}
