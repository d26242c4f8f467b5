//! `cyberbrain-bench`: the dispatch load harness (and the web console's page timings). Starts a private PostgreSQL and the real
//! `cyberbrain-controller` binary, connects simulated agents over real mutual-TLS `AgentLink.Attach`
//! streams, and prints one JSON object per command. A benchmark, not a test: the figures go into
//! `BENCHMARKS.md`.

mod dispatch;
mod fleet;
mod idle;
mod machine;
mod pki;
mod stand;
mod web;

use clap::{Parser, Subcommand};

/// Load harness for the controller's agent link and dispatch path.
#[derive(Debug, Parser)]
#[command(name = "cyberbrain-bench", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Connect N agents, let heartbeats settle, report the controller's memory and CPU.
    Idle(idle::IdleArgs),
    /// Launch runs over connected agents; report dispatch and completion latency and throughput.
    Dispatch(dispatch::DispatchArgs),
    /// Seed N agents and M runs, then time the web console's pages (p50/p95 per page).
    Web(web::WebArgs),
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let report = match cli.command {
        Command::Idle(args) => idle::run(args).await?,
        Command::Dispatch(args) => dispatch::run(args).await?,
        Command::Web(args) => web::run(args).await?,
    };
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}
