//! `idle --agents N`: what N attached agents cost the controller when nothing is dispatched, in
//! memory (RSS per agent over the controller's RSS before any agent attached) and CPU (heartbeats,
//! keep-alives, the safety sweep).

use std::sync::atomic::Ordering;
use std::time::Duration;

use clap::Args;
use serde_json::{Value, json};

use crate::fleet::Fleet;
use crate::machine::{self, CpuWindow};
use crate::stand::{Stand, StandArgs};

/// Arguments of `idle`.
#[derive(Debug, Args)]
pub struct IdleArgs {
    /// Simulated agents to attach.
    #[arg(long)]
    pub agents: usize,

    /// Seconds to let heartbeats settle after every agent is attached before measuring, and the
    /// length of the CPU window [default: three heartbeat intervals].
    #[arg(long)]
    pub settle_seconds: Option<u64>,

    #[command(flatten)]
    pub stand: StandArgs,
}

/// Runs the command and returns its report.
pub async fn run(args: IdleArgs) -> anyhow::Result<Value> {
    check_open_files(args.agents)?;
    let load_before = machine::load_average();
    let stand = Stand::start(&args.stand).await?;
    let pid = stand.controller.pid;
    // Let the controller finish starting (migrations, listeners) before the baseline.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let baseline_rss = machine::rss_bytes(pid).unwrap_or(0);
    let fleet = Fleet::connect(
        stand.controller.agents,
        &stand.pki,
        args.agents,
        args.stand.connect_concurrency,
    )
    .await?;
    let settle = Duration::from_secs(
        args.settle_seconds
            .unwrap_or(3 * u64::from(args.stand.heartbeat_seconds)),
    );
    // Half the settle time lets the connection burst's work drain; the CPU window is the other
    // half plus one full settle period, so it spans several heartbeats of every agent.
    tokio::time::sleep(settle / 2).await;
    let heartbeats_before = fleet.stats.heartbeats.load(Ordering::Relaxed);
    let window = CpuWindow::start(pid, stand.postgres_pid());
    tokio::time::sleep(settle).await;
    let cpu = window.finish();
    let heartbeats = fleet.stats.heartbeats.load(Ordering::Relaxed) - heartbeats_before;
    let rss = machine::rss_bytes(pid).unwrap_or(0);
    let attached = fleet.stats.attached.load(Ordering::Relaxed);
    let dropped = fleet.stats.dropped.load(Ordering::Relaxed);
    let first_error = fleet.stats.first_error();
    let report = json!({
        "command": "idle",
        "agents": args.agents,
        "attached_at_end": attached,
        "dropped_streams": dropped,
        "first_error": first_error,
        "heartbeat_seconds": args.stand.heartbeat_seconds,
        "controller_log": args.stand.controller_log,
        "certificates_seconds": machine::round3(fleet.certificate_time.as_secs_f64()),
        "connect_seconds": machine::round3(fleet.connect_time.as_secs_f64()),
        "connects_per_second": machine::round3(args.agents as f64 / fleet.connect_time.as_secs_f64().max(1e-9)),
        "controller_rss_bytes": rss,
        "controller_baseline_rss_bytes": baseline_rss,
        "controller_rss_per_agent_bytes": rss.saturating_sub(baseline_rss) / args.agents.max(1) as u64,
        "heartbeats_in_window": heartbeats,
        "cpu": cpu,
        "bench_rss_bytes": machine::rss_bytes(std::process::id()),
        "machine": machine::describe(),
        "load_average_before": load_before,
        "load_average_after": machine::load_average(),
    });
    fleet.disconnect().await;
    stand.stop().await;
    Ok(report)
}

/// This process holds one socket per agent; fail early, with the fix, if the limit is too low.
pub fn check_open_files(agents: usize) -> anyhow::Result<()> {
    let needed = agents as u64 + 256;
    match machine::open_files_limit() {
        Some(limit) if limit < needed => anyhow::bail!(
            "{agents} agents need about {needed} open files but the limit is {limit}: raise it (ulimit -n {needed}) and run again"
        ),
        _ => Ok(()),
    }
}
