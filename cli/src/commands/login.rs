//! `cbctl login`: checks a token against a controller and saves them as a context of the config
//! file (written mode 0600: it holds the token).

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::PathBuf;

use anyhow::Context as _;
use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::auth_service_client::AuthServiceClient;

use super::Context;
use crate::client::{ContextEntry, ServerArgs};
use crate::output;

/// `cbctl login` flags beyond the global ones.
#[derive(Debug, clap::Args)]
pub struct Login {
    /// The context's name [default: --context, else `default`].
    #[arg(long = "name")]
    pub name: Option<String>,
}

pub async fn run(ctx: &Context, login: Login) -> anyhow::Result<()> {
    let args = &ctx.server;
    let server = args
        .server
        .clone()
        .context("give --server (the controller's API address)")?;
    let ca_cert = args
        .ca_cert
        .clone()
        .context("give --ca-cert (the CA that signed the controller's certificate)")?;
    let ca_cert = std::fs::canonicalize(&ca_cert)
        .with_context(|| format!("reading CA certificate {}", ca_cert.display()))?;
    let token = args
        .explicit_token()?
        .context("give --token-file (or set CYBERBRAIN_TOKEN)")?;
    let channel =
        ServerArgs::connect_with(&server, &ca_cert, args.tls_server_name.as_deref(), &token)
            .await?;
    let me = AuthServiceClient::new(channel)
        .who_am_i(pb::WhoAmIRequest {})
        .await?
        .into_inner();
    let name = login
        .name
        .or_else(|| args.context.clone())
        .unwrap_or_else(|| "default".to_string());
    let mut config = args.load_config()?;
    config.contexts.insert(
        name.clone(),
        ContextEntry {
            server: server.clone(),
            ca_cert,
            tls_server_name: args.tls_server_name.clone(),
            token,
        },
    );
    config.current_context = Some(name.clone());
    let path = args.config_path()?;
    write_config(&path, &toml::to_string_pretty(&config)?)?;
    let role = output::role(me.role);
    crate::outln!(
        "logged in to {server} as {} ({role}); context {name:?} saved in {} and made current",
        me.name,
        path.display()
    );
    Ok(())
}

fn write_config(path: &PathBuf, text: &str) -> anyhow::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    // Through a new file, created 0600, then renamed: the token is never world-readable.
    let tmp = path.with_extension("toml.tmp");
    let _ = std::fs::remove_file(&tmp);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .with_context(|| format!("creating {}", tmp.display()))?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))
}
