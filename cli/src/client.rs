//! Connecting to the controller's public API: where (flags, environment, or the current context of
//! the config file), how to trust it (a CA), and as whom (a bearer token).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use cyberbrain_proto::auth::Bearer;
use serde::{Deserialize, Serialize};
use tonic::service::interceptor::InterceptedService;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint};

const DEFAULT_SERVER: &str = "https://127.0.0.1:7070";
const DEFAULT_CA_CERT: &str = "certs/dev/ca.pem";

/// The help heading of the flags every command takes, so that a command's own come first.
pub const GLOBAL: &str = "Global options";

/// Where and how to reach the controller. Each setting comes from its flag (or environment
/// variable), else from the current context of the config file, else its default.
#[derive(Debug, Clone, clap::Args)]
pub struct ServerArgs {
    /// The controller's API address [default: the context's, else https://127.0.0.1:7070] (env CYBERBRAIN_SERVER).
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub server: Option<String>,

    /// CA certificate that signed the controller's certificate (PEM) [default: the context's, else
    /// certs/dev/ca.pem] (env CYBERBRAIN_CA_CERT).
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub ca_cert: Option<PathBuf>,

    /// Name to verify in the controller's certificate [default: the server address's host] (env CYBERBRAIN_TLS_SERVER_NAME).
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub tls_server_name: Option<String>,

    /// A file holding the API token [default: CYBERBRAIN_TOKEN, else the context's token] (env CYBERBRAIN_TOKEN_FILE).
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub token_file: Option<PathBuf>,

    /// Which context of the config file to use [default: its current context] (env CYBERBRAIN_CONTEXT).
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub context: Option<String>,

    /// The config file [default: $XDG_CONFIG_HOME/cyberbrain/config.toml, else
    /// ~/.config/cyberbrain/config.toml] (env CYBERBRAIN_CONFIG).
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub config: Option<PathBuf>,
}

/// The config file: named contexts, kubectl-style.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct ConfigFile {
    /// The context used when `--context` is not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_context: Option<String>,
    /// Contexts by name.
    #[serde(default)]
    pub contexts: BTreeMap<String, ContextEntry>,
}

/// One controller and the credentials for it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct ContextEntry {
    /// API address.
    pub server: String,
    /// CA certificate (absolute path).
    pub ca_cert: PathBuf,
    /// Name to verify in the controller's certificate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_server_name: Option<String>,
    /// The API token. The file is written mode 0600 for this reason.
    pub token: String,
}

/// A channel to the API that authenticates every call.
pub type Api = InterceptedService<Channel, Bearer>;

/// Settings after resolution.
struct Resolved {
    server: String,
    ca_cert: PathBuf,
    tls_server_name: Option<String>,
    token: Option<String>,
}

impl ServerArgs {
    /// No flag given.
    pub fn none() -> ServerArgs {
        ServerArgs {
            server: None,
            ca_cert: None,
            tls_server_name: None,
            token_file: None,
            context: None,
            config: None,
        }
    }

    /// Takes each setting not given as a flag from its `CYBERBRAIN_*` variable. Done here rather
    /// than by clap's `env`, which would print the variables' values in help and usage lines.
    pub fn fill_from_env(&mut self) {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        if self.server.is_none() {
            self.server = var("CYBERBRAIN_SERVER").map(|v| v.to_string_lossy().into_owned());
        }
        if self.ca_cert.is_none() {
            self.ca_cert = var("CYBERBRAIN_CA_CERT").map(PathBuf::from);
        }
        if self.tls_server_name.is_none() {
            self.tls_server_name =
                var("CYBERBRAIN_TLS_SERVER_NAME").map(|v| v.to_string_lossy().into_owned());
        }
        if self.token_file.is_none() {
            self.token_file = var("CYBERBRAIN_TOKEN_FILE").map(PathBuf::from);
        }
        if self.context.is_none() {
            self.context = var("CYBERBRAIN_CONTEXT").map(|v| v.to_string_lossy().into_owned());
        }
        if self.config.is_none() {
            self.config = var("CYBERBRAIN_CONFIG").map(PathBuf::from);
        }
    }

    /// The config file's path.
    pub fn config_path(&self) -> anyhow::Result<PathBuf> {
        if let Some(path) = &self.config {
            return Ok(path.clone());
        }
        let base = match std::env::var_os("XDG_CONFIG_HOME") {
            Some(dir) if !dir.is_empty() => PathBuf::from(dir),
            _ => {
                let home = std::env::var_os("HOME")
                    .context("HOME is not set; pass --config or set CYBERBRAIN_CONFIG")?;
                PathBuf::from(home).join(".config")
            }
        };
        Ok(base.join("cyberbrain").join("config.toml"))
    }

    /// Reads the config file; a missing file is an empty one.
    pub fn load_config(&self) -> anyhow::Result<ConfigFile> {
        let path = self.config_path()?;
        match std::fs::read_to_string(&path) {
            Ok(text) => toml::from_str(&text)
                .with_context(|| format!("reading the config file {}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ConfigFile::default()),
            Err(e) => Err(e).with_context(|| format!("reading the config file {}", path.display())),
        }
    }

    /// The token from `--token-file` or `CYBERBRAIN_TOKEN`, if either is given.
    pub fn explicit_token(&self) -> anyhow::Result<Option<String>> {
        if let Some(path) = &self.token_file {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading the token file {}", path.display()))?;
            let token = text.trim().to_string();
            anyhow::ensure!(
                !token.is_empty(),
                "the token file {} is empty",
                path.display()
            );
            return Ok(Some(token));
        }
        Ok(std::env::var("CYBERBRAIN_TOKEN")
            .ok()
            .map(|t| t.trim().to_string())
            .filter(|t| !t.is_empty()))
    }

    fn resolve(&self) -> anyhow::Result<Resolved> {
        let config = self.load_config()?;
        let context = match self.context.as_ref().or(config.current_context.as_ref()) {
            Some(name) => match config.contexts.get(name) {
                Some(entry) => Some(entry.clone()),
                None if self.context.is_some() => anyhow::bail!(
                    "no context {name:?} in {} (make it with cbctl login --context {name})",
                    self.config_path()?.display()
                ),
                None => None,
            },
            None => None,
        };
        let context = context.unwrap_or_default();
        Ok(Resolved {
            server: self
                .server
                .clone()
                .or_else(|| (!context.server.is_empty()).then(|| context.server.clone()))
                .unwrap_or_else(|| DEFAULT_SERVER.to_string()),
            ca_cert: self
                .ca_cert
                .clone()
                .or_else(|| {
                    (!context.ca_cert.as_os_str().is_empty()).then(|| context.ca_cert.clone())
                })
                .unwrap_or_else(|| PathBuf::from(DEFAULT_CA_CERT)),
            tls_server_name: self.tls_server_name.clone().or(context.tls_server_name),
            token: match self.explicit_token()? {
                Some(token) => Some(token),
                None => (!context.token.is_empty()).then_some(context.token),
            },
        })
    }

    /// Opens a channel. `http://` addresses are refused: the API is TLS only.
    pub async fn connect(&self) -> anyhow::Result<Api> {
        let (endpoint, url, bearer) = self.endpoint()?;
        let channel = endpoint
            .connect()
            .await
            .with_context(|| format!("cannot reach the controller at {url}"))?;
        Ok(InterceptedService::new(channel, bearer))
    }

    /// A channel that connects on first use and reconnects after failures: for long watches that
    /// must ride through a controller restart.
    pub fn connect_lazy(&self) -> anyhow::Result<Api> {
        let (endpoint, _, bearer) = self.endpoint()?;
        Ok(InterceptedService::new(endpoint.connect_lazy(), bearer))
    }

    /// Connects with explicit settings (for `login`, before a context exists).
    pub async fn connect_with(
        server: &str,
        ca_cert: &Path,
        tls_server_name: Option<&str>,
        token: &str,
    ) -> anyhow::Result<Api> {
        let resolved = Resolved {
            server: server.to_string(),
            ca_cert: ca_cert.to_path_buf(),
            tls_server_name: tls_server_name.map(str::to_string),
            token: Some(token.to_string()),
        };
        let (endpoint, url, bearer) = endpoint_for(&resolved)?;
        let channel = endpoint
            .connect()
            .await
            .with_context(|| format!("cannot reach the controller at {url}"))?;
        Ok(InterceptedService::new(channel, bearer))
    }

    /// A channel that connects on first use, and the token, for clients that add their own
    /// metadata to each call (`cbctl mcp`). Without a token it fails: nothing would be allowed.
    pub fn lazy_channel_and_token(&self) -> anyhow::Result<(Channel, String)> {
        let resolved = self.resolve()?;
        let Some(token) = resolved.token.clone() else {
            anyhow::bail!(
                "no API token: run cbctl login, or pass --token-file (or set CYBERBRAIN_TOKEN)"
            );
        };
        let (endpoint, _, _) = endpoint_for(&resolved)?;
        Ok((endpoint.connect_lazy(), token))
    }

    fn endpoint(&self) -> anyhow::Result<(Endpoint, String, Bearer)> {
        endpoint_for(&self.resolve()?)
    }
}

fn endpoint_for(resolved: &Resolved) -> anyhow::Result<(Endpoint, String, Bearer)> {
    let url = if resolved.server.contains("://") {
        resolved.server.clone()
    } else {
        format!("https://{}", resolved.server)
    };
    if !url.starts_with("https://") {
        anyhow::bail!("--server must be an https:// address (the API is served over TLS only)");
    }
    let ca = std::fs::read(&resolved.ca_cert).with_context(|| {
        format!(
            "reading CA certificate {} (pass --ca-cert, or cbctl login)",
            resolved.ca_cert.display()
        )
    })?;
    let mut tls = ClientTlsConfig::new().ca_certificate(Certificate::from_pem(ca));
    if let Some(name) = &resolved.tls_server_name {
        tls = tls.domain_name(name.clone());
    }
    let endpoint = Endpoint::from_shared(url.clone())
        .with_context(|| format!("invalid --server {url:?}"))?
        .tls_config(tls)?
        .connect_timeout(std::time::Duration::from_secs(5));
    let bearer = Bearer::new(resolved.token.as_deref())
        .context("the API token has characters a header cannot carry")?;
    Ok((endpoint, url, bearer))
}
