//! gRPC clients over real TLS, for tests that check status codes precisely.

use std::net::SocketAddr;
use std::path::Path;

use cyberbrain_proto::auth::Bearer;
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint, Identity};

use crate::process::ControllerProcess;

/// A channel whose calls carry a bearer token.
pub type TokenChannel = InterceptedService<Channel, Bearer>;

/// A channel to the API whose calls carry `token` (none: unauthenticated).
pub async fn token_channel(addr: SocketAddr, ca: &Path, token: Option<&str>) -> TokenChannel {
    let bearer = Bearer::new(token).expect("a token fits in a header");
    InterceptedService::new(api_channel(addr, ca).await, bearer)
}

/// A channel to the controller's API as its bootstrap admin.
pub async fn admin_channel(controller: &ControllerProcess, ca: &Path) -> TokenChannel {
    let token = controller.admin_token();
    token_channel(controller.api, ca, Some(&token)).await
}

/// A channel to the controller's API, verifying it with `ca`.
pub async fn api_channel(addr: SocketAddr, ca: &Path) -> Channel {
    let ca = std::fs::read(ca).expect("CA certificate");
    let tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(ca))
        .domain_name("localhost");
    Endpoint::from_shared(format!("https://{addr}"))
        .expect("endpoint")
        .tls_config(tls)
        .expect("tls config")
        .connect()
        .await
        .expect("the API accepts a TLS connection")
}

/// Tries a mutual-TLS channel to the agent link with the given client identity.
pub async fn agent_channel(
    addr: SocketAddr,
    ca: &Path,
    cert: &Path,
    key: &Path,
) -> Result<Channel, tonic::transport::Error> {
    let tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(
            std::fs::read(ca).expect("CA certificate"),
        ))
        .identity(Identity::from_pem(
            std::fs::read(cert).expect("client certificate"),
            std::fs::read(key).expect("client key"),
        ))
        .domain_name("localhost");
    Endpoint::from_shared(format!("https://{addr}"))
        .expect("endpoint")
        .tls_config(tls)
        .expect("tls config")
        .connect()
        .await
}

/// An ad-hoc launch of one `gpu_report` task sampling for `window_ms` on every agent.
pub fn gpu_launch_request(window_ms: u32) -> cyberbrain_proto::v1::LaunchRunRequest {
    use cyberbrain_proto::v1 as pb;
    pb::LaunchRunRequest {
        source: Some(pb::launch_run_request::Source::Tasks(pb::TaskList {
            tasks: vec![pb::TaskSpec {
                task: Some(pb::task_spec::Task::GpuReport(pb::GpuReportTask {
                    sample_window_ms: window_ms,
                })),
                ..Default::default()
            }],
        })),
        target: Some(pb::TargetSelector {
            selector: Some(pb::target_selector::Selector::All(true)),
        }),
        ..Default::default()
    }
}

/// Serves `service` as a stand-in controller's agent link on a loopback port, with the
/// controller certificate of `pki` and mutual TLS as the real one; returns its `https://` address
/// for an agent's `--controller`. The server lives as long as the test's runtime.
pub async fn serve_stand_in_link<S>(pki: &crate::process::Pki, service: S) -> String
where
    S: cyberbrain_proto::agent::v1::agent_link_server::AgentLink,
{
    use tonic::transport::{Server, ServerTlsConfig};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    let tls = ServerTlsConfig::new()
        .identity(Identity::from_pem(
            std::fs::read(pki.dir.join("controller.pem")).expect("cert"),
            std::fs::read(pki.dir.join("controller.key")).expect("key"),
        ))
        .client_ca_root(Certificate::from_pem(std::fs::read(pki.ca()).expect("ca")));
    let service = cyberbrain_proto::agent::v1::agent_link_server::AgentLinkServer::new(service);
    tokio::spawn(
        Server::builder()
            .tls_config(tls)
            .expect("tls")
            .add_service(service)
            .serve_with_incoming(tokio_stream::wrappers::TcpListenerStream::new(listener)),
    );
    format!("https://{addr}")
}
