//! `cyberbrain-agent`: load the configuration, set up logs and traces, stay linked to the controller until
//! SIGINT or SIGTERM.

use clap::Parser;
use cyberbrain_agent::config::Config;
use cyberbrain_agent::link::Agent;
use cyberbrain_telemetry::logs;

#[tokio::main]
async fn main() {
    let config = Config::parse();
    let telemetry = logs::init(config.log_format, "cyberbrain-agent");
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("shutting down");
        let _ = stop_tx.send(true);
    });
    let outcome = match Agent::new(config).await {
        Ok(agent) => agent.run(stop_rx).await,
        Err(e) => Err(e),
    };
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

async fn shutdown_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {},
        () = terminate => {},
    }
}
