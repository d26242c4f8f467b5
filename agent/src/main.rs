//! `cyberbrain-agent`: load the configuration, set up logs and traces, serve metrics and probes,
//! stay linked to the controller until SIGINT or SIGTERM.

use std::sync::Arc;

use anyhow::Context;
use cyberbrain_agent::config::Config;
use cyberbrain_agent::gpu_metrics::{self, SamplerSettings};
use cyberbrain_agent::link::Agent;
use cyberbrain_agent::metrics::AgentMetrics;
use cyberbrain_telemetry::{logs, shutdown};
use tokio::net::TcpListener;

#[tokio::main]
async fn main() {
    let config: Config = cyberbrain_telemetry::config_file::parse_with_sections(&[
        cyberbrain_agent::config::EXEC_SECTION,
        cyberbrain_agent::config::WORKER_SECTION,
    ]);
    let telemetry = logs::init(config.log_format, "cyberbrain-agent");
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown::signal().await;
        tracing::info!("shutting down");
        let _ = stop_tx.send(true);
    });
    let outcome = run(config, stop_rx).await;
    if let Err(e) = &outcome {
        tracing::error!(error = format!("{e:#}"), "agent failed");
    }
    // After the last results were delivered, so the spans of their tasks are sent too.
    telemetry.shutdown().await;
    if let Err(e) = outcome {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

async fn run(config: Config, stop: tokio::sync::watch::Receiver<bool>) -> anyhow::Result<()> {
    let metrics = Arc::new(AgentMetrics::new());
    // Before the identity: probes answer during a slow enrollment too.
    if let Some(addr) = config.http_listen.0 {
        let listener = TcpListener::bind(addr)
            .await
            .with_context(|| format!("binding the HTTP listener on {addr}"))?;
        let bound = listener.local_addr()?;
        write_endpoints(&config, bound)?;
        tracing::info!(http = %bound, "serving metrics and probes");
        let mut http_stop = stop.clone();
        tokio::spawn(cyberbrain_telemetry::http::serve(
            listener,
            metrics.clone(),
            async move { shutdown::requested(&mut http_stop).await },
        ));
    }
    if let Some(interval) = config.gpu_metrics_interval.0 {
        let settings = SamplerSettings {
            interval,
            nvml_library: config.nvml_library.clone(),
            docker_host: config.docker_host.clone(),
            local_limit: config.local_limit(),
            hostname: config.hostname(),
        };
        let counted = metrics.clone();
        tokio::spawn(gpu_metrics::run(
            settings,
            metrics.gpu().clone(),
            move || counted.docker_error(),
            stop.clone(),
        ));
    }
    Agent::new(config, metrics).await?.run(stop).await
}

/// Writes `<state-dir>/endpoints.json` with the HTTP endpoint's bound address (the port may be
/// chosen by the OS), through a rename so a reader never sees half of it.
fn write_endpoints(config: &Config, http: std::net::SocketAddr) -> anyhow::Result<()> {
    std::fs::create_dir_all(&config.state_dir)
        .with_context(|| format!("creating {}", config.state_dir.display()))?;
    let path = config.state_dir.join("endpoints.json");
    let pending = config.state_dir.join("endpoints.json.pending");
    let text = serde_json::json!({ "http": http.to_string() }).to_string();
    std::fs::write(&pending, text).with_context(|| format!("writing {}", pending.display()))?;
    std::fs::rename(&pending, &path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
