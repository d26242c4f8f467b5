//! gRPC clients over real TLS, for tests that check status codes precisely.

use std::net::SocketAddr;
use std::path::Path;

use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint, Identity};

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
