//! TLS material for the two listeners: the API (server-authenticated TLS) and the agent link
//! (mutual TLS against the agent CA). The handshakes themselves happen in `incoming`, under its
//! timeout, so that a connection is counted and capped from its first byte.

use std::path::Path;
use std::sync::Arc;

use rustls::ServerConfig;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::server::WebPkiClientVerifier;

use crate::error::{Error, Result};

/// The ALPN protocol both listeners speak: gRPC is HTTP/2 only.
const ALPN_H2: &[u8] = b"h2";

/// The server configurations of both listeners, built once at start from the PEM files.
#[derive(Debug, Clone)]
pub struct TlsMaterial {
    api: Arc<ServerConfig>,
    agent_link: Arc<ServerConfig>,
}

impl TlsMaterial {
    /// Reads the PEM files and builds both server configurations.
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
        Self::from_pem(&cert, &key, &ca)
    }

    fn from_pem(cert: &[u8], key: &[u8], ca: &[u8]) -> Result<TlsMaterial> {
        let bad = |what: &str, e: &dyn std::fmt::Display| {
            Error::io(
                format!("reading the {what}"),
                std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()),
            )
        };
        let chain = CertificateDer::pem_slice_iter(cert)
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| bad("controller certificate", &e))?;
        let key = PrivateKeyDer::from_pem_slice(key).map_err(|e| bad("controller key", &e))?;
        let mut roots = rustls::RootCertStore::empty();
        for root in CertificateDer::pem_slice_iter(ca) {
            roots
                .add(root.map_err(|e| bad("CA certificate", &e))?)
                .map_err(|e| bad("CA certificate", &e))?;
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = || {
            ServerConfig::builder_with_provider(provider.clone())
                .with_safe_default_protocol_versions()
                .map_err(|e| bad("TLS settings", &e))
        };

        // The API: the server proves itself; clients authenticate at the application layer.
        let mut api = builder()?
            .with_no_client_auth()
            .with_single_cert(chain.clone(), key.clone_key())
            .map_err(|e| bad("controller certificate and key", &e))?;
        api.alpn_protocols = vec![ALPN_H2.to_vec()];

        // The agent link: a client certificate is asked for and, when presented, must chain to
        // the agent CA, be within its validity period and allow client authentication, or the
        // handshake fails. It is optional only so that `Enroll` (an agent without a certificate
        // yet) can reach the same port; `Attach` and `Renew` refuse a connection without one.
        let verifier =
            WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider.clone())
                .allow_unauthenticated()
                .build()
                .map_err(|e| bad("CA certificate", &e))?;
        let mut agent_link = builder()?
            .with_client_cert_verifier(verifier)
            .with_single_cert(chain, key)
            .map_err(|e| bad("controller certificate and key", &e))?;
        agent_link.alpn_protocols = vec![ALPN_H2.to_vec()];

        Ok(TlsMaterial {
            api: Arc::new(api),
            agent_link: Arc::new(agent_link),
        })
    }

    /// The web console's server configuration (HTTP/1.1) from a certificate chain and key in
    /// PEM files: the controller's own, or `--web-tls-cert`/`--web-tls-key`.
    pub fn web(cert: &Path, key: &Path) -> Result<Arc<ServerConfig>> {
        let read = |path: &Path, what: &str| {
            std::fs::read(path)
                .map_err(|e| Error::io(format!("reading the {what} {}", path.display()), e))
        };
        let cert = read(cert, "web console certificate")?;
        let key = read(key, "web console key")?;
        let bad = |what: &str, e: &dyn std::fmt::Display| {
            Error::io(
                format!("reading the {what}"),
                std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string()),
            )
        };
        let chain = CertificateDer::pem_slice_iter(&cert)
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| bad("web console certificate", &e))?;
        let key = PrivateKeyDer::from_pem_slice(&key).map_err(|e| bad("web console key", &e))?;
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| bad("TLS settings", &e))?
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .map_err(|e| bad("web console certificate and key", &e))?;
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Arc::new(config))
    }

    /// The API listener's server configuration.
    pub fn api(&self) -> Arc<ServerConfig> {
        self.api.clone()
    }

    /// The agent listener's server configuration.
    pub fn agent_link(&self) -> Arc<ServerConfig> {
        self.agent_link.clone()
    }
}
