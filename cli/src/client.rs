//! Connecting to the controller's public API.

use std::path::PathBuf;

use anyhow::Context;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint};

/// Where and how to reach the controller.
#[derive(Debug, Clone, clap::Args)]
pub struct ServerArgs {
    /// The controller's API address.
    #[arg(
        long,
        global = true,
        env = "CYBERBRAIN_SERVER",
        default_value = "https://127.0.0.1:7070"
    )]
    pub server: String,

    /// CA certificate that signed the controller's certificate (PEM).
    #[arg(
        long,
        global = true,
        env = "CYBERBRAIN_CA_CERT",
        default_value = "certs/dev/ca.pem"
    )]
    pub ca_cert: PathBuf,

    /// Name to verify in the controller's certificate [default: the server address's host].
    #[arg(long, global = true, env = "CYBERBRAIN_TLS_SERVER_NAME")]
    pub tls_server_name: Option<String>,
}

impl ServerArgs {
    /// Opens a channel. `http://` addresses are refused: the API is TLS only.
    pub async fn connect(&self) -> anyhow::Result<Channel> {
        let (endpoint, url) = self.endpoint()?;
        endpoint
            .connect()
            .await
            .with_context(|| format!("cannot reach the controller at {url}"))
    }

    /// A channel that connects on first use and reconnects after failures: for long watches that
    /// must ride through a controller restart.
    pub fn connect_lazy(&self) -> anyhow::Result<Channel> {
        Ok(self.endpoint()?.0.connect_lazy())
    }

    fn endpoint(&self) -> anyhow::Result<(Endpoint, String)> {
        let url = if self.server.contains("://") {
            self.server.clone()
        } else {
            format!("https://{}", self.server)
        };
        if !url.starts_with("https://") {
            anyhow::bail!("--server must be an https:// address (the API is served over TLS only)");
        }
        let ca = std::fs::read(&self.ca_cert).with_context(|| {
            format!(
                "reading CA certificate {} (pass --ca-cert, or make dev certificates with `cbctl certs init`)",
                self.ca_cert.display()
            )
        })?;
        let mut tls = ClientTlsConfig::new().ca_certificate(Certificate::from_pem(ca));
        if let Some(name) = &self.tls_server_name {
            tls = tls.domain_name(name.clone());
        }
        let endpoint = Endpoint::from_shared(url.clone())
            .with_context(|| format!("invalid --server {url:?}"))?
            .tls_config(tls)?
            .connect_timeout(std::time::Duration::from_secs(5));
        Ok((endpoint, url))
    }
}
