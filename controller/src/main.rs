//! `cyberbrain-controller`: load the configuration, set up logs and traces, open the database (starting the
//! embedded cluster when no URL is given), then serve until SIGINT or SIGTERM.

use anyhow::Context;
use cyberbrain_controller::app::Settings;
use cyberbrain_controller::artifacts::ArtifactRoot;
use cyberbrain_controller::config::{Cli, Command, Config};
use cyberbrain_controller::pki;
use cyberbrain_controller::server::{self, Parts};
use cyberbrain_controller::tls::TlsMaterial;
use cyberbrain_llm::Llm;
use cyberbrain_store::Store;
use cyberbrain_store::pg_cluster::EmbeddedPostgres;
use cyberbrain_telemetry::{logs, shutdown};
use tokio::net::TcpListener;

mod ops;

#[tokio::main]
async fn main() {
    let cli: Cli = cyberbrain_telemetry::config_file::parse();
    let telemetry = logs::init(cli.config.log_format, "cyberbrain-controller");
    let outcome = run(cli).await;
    if let Err(e) = &outcome {
        tracing::error!(error = format!("{e:#}"), "controller failed");
    }
    // After the server has drained, so the spans of its last requests are sent too.
    telemetry.shutdown().await;
    if let Err(e) = outcome {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = cli.config;
    // Backup and restore find (or make) their own database.
    match &cli.command {
        Some(Command::Backup(args)) => return ops::backup::run(&config, args).await,
        Some(Command::Restore(args)) => return ops::restore::run(&config, args).await,
        _ => {}
    }
    cyberbrain_controller::incoming::raise_open_file_limit(&config.limits.settings().connections);
    std::fs::create_dir_all(&config.state_dir)
        .with_context(|| format!("creating state directory {}", config.state_dir.display()))?;
    let embedded = match &config.database_url {
        Some(_) => None,
        None => Some(
            EmbeddedPostgres::start(
                &config.state_dir.join("postgres"),
                config.postgres_bin_dir.as_deref(),
            )
            .await
            .context("starting the embedded PostgreSQL cluster")?,
        ),
    };
    let outcome = serve_or_migrate(
        cli.command.unwrap_or(Command::Serve),
        &config,
        embedded.as_ref(),
    )
    .await;
    if let Some(cluster) = &embedded
        && let Err(e) = cluster.stop().await
    {
        tracing::error!(error = %e, "could not stop the embedded PostgreSQL cluster");
    }
    outcome
}

async fn serve_or_migrate(
    command: Command,
    config: &Config,
    embedded: Option<&EmbeddedPostgres>,
) -> anyhow::Result<()> {
    let database_url = match (&config.database_url, embedded) {
        (Some(url), _) => url.clone(),
        (None, Some(cluster)) => cluster.database_url(),
        (None, None) => anyhow::bail!("no database: give --database-url"),
    };
    // The embedded cluster is reached over its Unix socket, where TLS does not apply.
    let ca = config
        .database_ca_cert
        .as_deref()
        .filter(|_| embedded.is_none());
    let store = Store::connect_with_ca(&database_url, ca)
        .await
        .context("connecting to PostgreSQL")?;
    let applied = store.migrate().await.context("applying migrations")?;
    tracing::info!(applied, "database schema is current");
    if !matches!(command, Command::Serve) {
        return Ok(());
    }

    // Before the endpoints file: whoever sees the controller listening can read the token too.
    server::bootstrap_admin_token(&store, &config.admin_token_path()).await?;
    let artifacts = ArtifactRoot::new(config.artifact_root())?;
    let api_listener = TcpListener::bind(config.api_listen)
        .await
        .with_context(|| format!("binding the API listener on {}", config.api_listen))?;
    let agent_listener = TcpListener::bind(config.agent_listen)
        .await
        .with_context(|| format!("binding the agent listener on {}", config.agent_listen))?;
    let http_listener = match config.http_listen.0 {
        Some(addr) => Some(
            TcpListener::bind(addr)
                .await
                .with_context(|| format!("binding the HTTP listener on {addr}"))?,
        ),
        None => None,
    };
    let web_listener = match config.web_listen.0 {
        Some(addr) => Some(
            TcpListener::bind(addr)
                .await
                .with_context(|| format!("binding the web console listener on {addr}"))?,
        ),
        None => None,
    };
    let web_addr = web_listener
        .as_ref()
        .map(TcpListener::local_addr)
        .transpose()?;
    let api_addr = api_listener.local_addr()?;
    let agent_addr = agent_listener.local_addr()?;
    let http_addr = http_listener
        .as_ref()
        .map(TcpListener::local_addr)
        .transpose()?;
    let pki = pki::prepare(
        &config.pki_dir(),
        config.ca_cert.as_deref(),
        config.ca_key.as_deref(),
        config.tls_cert.as_deref().zip(config.tls_key.as_deref()),
        &server_names(config, &[api_addr, agent_addr]),
    )
    .context("preparing the PKI")?;
    let tls = TlsMaterial::load(&pki.tls_cert, &pki.tls_key, &pki.ca_cert)?;
    if let Some(ca) = &pki.ca {
        tracing::info!(ca = %pki.ca_cert.display(), fingerprint = %ca.fingerprint()?, "agents enroll against this CA");
    }
    // The endpoints file tells scripts and tests where we listen (ports may be chosen by the OS).
    let mut endpoints =
        serde_json::json!({ "api": api_addr.to_string(), "agents": agent_addr.to_string() });
    if let Some(http) = http_addr {
        endpoints["http"] = http.to_string().into();
    }
    if let Some(web) = web_addr {
        endpoints["web"] = web.to_string().into();
    }
    let endpoints_path = config.state_dir.join("endpoints.json");
    // Through a rename, so a reader polling for the file never sees it half written.
    pki::write_private(&endpoints_path, endpoints.to_string().as_bytes(), 0o644)
        .with_context(|| format!("writing {}", endpoints_path.display()))?;
    tracing::info!(api = %api_addr, agents = %agent_addr, http = %cyberbrain_telemetry::HttpListen(http_addr), web = %cyberbrain_telemetry::HttpListen(web_addr), "listening");

    let settings = Settings {
        replica: config.replica(agent_addr.port()),
        heartbeat_interval: config.heartbeat_interval(),
        job_defaults: cyberbrain_store::JobDefaults {
            max_attempts: config.max_attempts,
            deadline: std::time::Duration::from_secs(u64::from(config.job_deadline_seconds)),
        },
        llm: config.llm.triage(),
        agent_cert_lifetime: std::time::Duration::from_secs(config.agent_cert_ttl_seconds),
        run_retention: (config.run_retention_seconds > 0)
            .then(|| std::time::Duration::from_secs(config.run_retention_seconds)),
        limits: config.limits.settings(),
        queue_timeout: std::time::Duration::from_secs(u64::from(config.queue_timeout_seconds)),
        trust_agent_labels: config.trust_agent_labels,
        web_url: web_addr.map(web_url),
        schedule_poll: (config.schedule_poll_ms > 0)
            .then(|| std::time::Duration::from_millis(config.schedule_poll_ms)),
        notify: config.notify.settings(),
        mcp_allow_write: config.mcp_allow_write,
    };
    // Keys are read from the variables or files the provider specs name, here, once.
    let llm = match config.llm.settings() {
        Some(llm_settings) => {
            let llm = Llm::new(llm_settings, |var| std::env::var(var).ok())?;
            tracing::info!(providers = config.llm.providers.len(), strategy = ?config.llm.strategy, "llm triage configured");
            Some(std::sync::Arc::new(llm))
        }
        None => None,
    };
    let web = match web_listener {
        Some(listener) => {
            let (cert, key) = match (&config.web_tls_cert, &config.web_tls_key) {
                (Some(cert), Some(key)) => (cert.clone(), key.clone()),
                _ => (pki.tls_cert.clone(), pki.tls_key.clone()),
            };
            Some((listener, TlsMaterial::web(&cert, &key)?))
        }
        None => None,
    };
    let mcp = mcp_endpoint(config, api_addr, &pki.ca_cert)?;
    let parts = Parts {
        mcp,
        store,
        settings,
        tls,
        artifacts,
        llm,
        ca: pki.ca.map(std::sync::Arc::new),
        http_listener,
        web,
    };
    server::run(parts, api_listener, agent_listener, shutdown::signal()).await
}

/// `/mcp` on the web listener, unless the console is off or `--mcp-allowed-hosts off`.
fn mcp_endpoint(
    config: &Config,
    api_addr: std::net::SocketAddr,
    ca_cert: &std::path::Path,
) -> anyhow::Result<Option<cyberbrain_controller::web::mcp::McpEndpoint>> {
    let hosts: Vec<String> = config
        .mcp_allowed_hosts
        .iter()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .collect();
    if config.web_listen.0.is_none() || hosts.is_empty() || hosts == ["off"] {
        return Ok(None);
    }
    let origins = config
        .mcp_allowed_origins
        .iter()
        .map(|o| o.trim().to_string())
        .filter(|o| !o.is_empty())
        .collect();
    let ca = std::fs::read(ca_cert).with_context(|| format!("reading {}", ca_cert.display()))?;
    let policy = cyberbrain_mcp::HttpPolicy {
        allowed_hosts: hosts,
        allowed_origins: origins,
        options: cyberbrain_mcp::Options::default(),
    };
    Ok(Some(cyberbrain_controller::web::mcp::McpEndpoint::new(
        api_addr, ca, policy,
    )?))
}

/// The console's base URL for sign-in links: the bound address, or `localhost` with its port when
/// bound to every interface.
fn web_url(addr: std::net::SocketAddr) -> String {
    if addr.ip().is_unspecified() {
        format!("https://localhost:{}", addr.port())
    } else {
        format!("https://{addr}")
    }
}

/// The names the issued server certificate carries: loopback, the host name, the listen addresses
/// (when bound to one) and every `--tls-san`.
fn server_names(config: &Config, bound: &[std::net::SocketAddr]) -> Vec<String> {
    let mut names = vec!["localhost".to_string(), "127.0.0.1".into(), "::1".into()];
    if let Ok(host) = std::fs::read_to_string("/proc/sys/kernel/hostname") {
        names.push(host.trim().to_string());
    }
    names.extend(
        bound
            .iter()
            .filter(|a| !a.ip().is_unspecified())
            .map(|a| a.ip().to_string()),
    );
    names.extend(config.tls_sans.iter().cloned());
    names.retain(|n| !n.is_empty());
    names.sort();
    names.dedup();
    names
}
