//! TLS material for the two listeners: the API (server-authenticated TLS) and the agent link
//! (mutual TLS against the agent CA).

use std::path::Path;
use std::time::Duration;

use tonic::transport::{Certificate, Identity, ServerTlsConfig};

use crate::error::{Error, Result};

/// A TLS handshake that takes longer than this is dropped, so idle sockets cannot pile up.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// The controller's certificate, key and agent CA, read once at start.
#[derive(Debug, Clone)]
pub struct TlsMaterial {
    identity: Identity,
    agent_ca: Certificate,
}

impl TlsMaterial {
    /// Reads the PEM files.
    pub fn load(cert: &Path, key: &Path, ca: &Path) -> Result<TlsMaterial> {
        let read = |path: &Path, what: &str| {
            std::fs::read(path).map_err(|e| {
                Error::io(
                    format!(
                        "reading the {what} {} (make dev certificates with `cbctl certs init`)",
                        path.display()
                    ),
                    e,
                )
            })
        };
        let cert = read(cert, "controller certificate")?;
        let key = read(key, "controller key")?;
        let ca = read(ca, "CA certificate")?;
        Ok(TlsMaterial {
            identity: Identity::from_pem(cert, key),
            agent_ca: Certificate::from_pem(ca),
        })
    }

    /// The API listener: the server proves itself; clients authenticate at the application layer.
    pub fn api(&self) -> ServerTlsConfig {
        ServerTlsConfig::new()
            .identity(self.identity.clone())
            .timeout(HANDSHAKE_TIMEOUT)
    }

    /// The agent listener: a client certificate is asked for and, when presented, must chain to
    /// the agent CA, be within its validity period and allow client authentication, or the
    /// handshake fails. It is optional only so that `Enroll` (an agent without a certificate yet)
    /// can reach the same port; `Attach` and `Renew` refuse a connection without one.
    pub fn agent_link(&self) -> ServerTlsConfig {
        ServerTlsConfig::new()
            .identity(self.identity.clone())
            .client_ca_root(self.agent_ca.clone())
            .client_auth_optional(true)
            .timeout(HANDSHAKE_TIMEOUT)
    }
}
