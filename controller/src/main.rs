//! `cyberbrain-controller`: load the configuration, set up logs, open the database (starting the
//! embedded cluster when no URL is given), then serve until SIGINT or SIGTERM.

use anyhow::Context;
use clap::Parser;
use cyberbrain_controller::app::Settings;
use cyberbrain_controller::artifacts::ArtifactRoot;
use cyberbrain_controller::config::{Cli, Command, Config};
use cyberbrain_controller::llm::Llm;
use cyberbrain_controller::pg_cluster::EmbeddedPostgres;
use cyberbrain_controller::server::{self, Parts};
use cyberbrain_controller::store::Store;
use cyberbrain_controller::telemetry;
use cyberbrain_controller::tls::TlsMaterial;
use tokio::net::TcpListener;

#[tokio::main]
async fn main() {
    let cli = Cli::parse();
    telemetry::init(cli.config.log_format);
    if let Err(e) = run(cli).await {
        tracing::error!(error = format!("{e:#}"), "controller failed");
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = cli.config;
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
    let store = Store::connect(&database_url)
        .await
        .context("connecting to PostgreSQL")?;
    let applied = store.migrate().await.context("applying migrations")?;
    tracing::info!(applied, "database schema is current");
    if matches!(command, Command::Migrate) {
        return Ok(());
    }

    let tls = TlsMaterial::load(&config.tls_cert, &config.tls_key, &config.ca_cert)?;
    let artifacts = ArtifactRoot::new(config.artifact_root())?;
    let api_listener = TcpListener::bind(config.api_listen)
        .await
        .with_context(|| format!("binding the API listener on {}", config.api_listen))?;
    let agent_listener = TcpListener::bind(config.agent_listen)
        .await
        .with_context(|| format!("binding the agent listener on {}", config.agent_listen))?;
    let api_addr = api_listener.local_addr()?;
    let agent_addr = agent_listener.local_addr()?;
    // The endpoints file tells scripts and tests where we listen (ports may be chosen by the OS).
    let endpoints =
        serde_json::json!({ "api": api_addr.to_string(), "agents": agent_addr.to_string() });
    let endpoints_path = config.state_dir.join("endpoints.json");
    std::fs::write(&endpoints_path, endpoints.to_string())
        .with_context(|| format!("writing {}", endpoints_path.display()))?;
    tracing::info!(api = %api_addr, agents = %agent_addr, "listening");

    let settings = Settings {
        replica: config.replica(agent_addr.port()),
        heartbeat_interval: config.heartbeat_interval(),
        job_deadline: std::time::Duration::from_secs(u64::from(config.job_deadline_seconds)),
        max_attempts: config.max_attempts,
        llm: config.llm.triage(),
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
    let parts = Parts {
        store,
        settings,
        tls,
        artifacts,
        llm,
    };
    server::run(parts, api_listener, agent_listener, shutdown_signal()).await
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = ctrl_c => {},
        () = terminate => {},
    }
}
