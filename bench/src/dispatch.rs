//! `dispatch --agents N --runs M`: launches M ad-hoc `gpu_report` runs through the public API and
//! measures, on one clock, launch → each agent's receipt of its `Assign`, launch → the run seen
//! finished through `WatchRun`, and jobs per second through the whole lifecycle (launch, claim,
//! assign, accept, result, ack, run finish with its report).

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use cyberbrain_proto::auth::Bearer;
use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::run_service_client::RunServiceClient;
use serde_json::{Value, json};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint};

use crate::fleet::{Fleet, agent_name};
use crate::idle::check_open_files;
use crate::machine::{self, CpuWindow, round3};
use crate::stand::{Stand, StandArgs};

/// The largest reply accepted from the API (a run with 10,000 jobs is about 1.5 MB).
const MAX_REPLY_BYTES: usize = 64 * 1024 * 1024;

/// Which agents each run targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Target {
    /// Every agent (`--all`): one job per agent per run.
    All,
    /// One agent per run, in turn: the latency of a single dispatch with the fleet attached.
    One,
}

/// Arguments of `dispatch`.
#[derive(Debug, Args)]
pub struct DispatchArgs {
    /// Simulated agents to attach.
    #[arg(long)]
    pub agents: usize,

    /// Runs to launch (not counting warm-up runs).
    #[arg(long)]
    pub runs: usize,

    /// What each run targets.
    #[arg(long, value_enum, default_value_t = Target::All)]
    pub target: Target,

    /// Runs in flight at once: 1 measures latency without queueing behind other runs; more
    /// measures throughput.
    #[arg(long, default_value_t = 1)]
    pub concurrency: usize,

    /// Runs launched and finished before measuring (connection pools, prepared plans, caches).
    #[arg(long, default_value_t = 1)]
    pub warmup: usize,

    /// Give up on a run that has not finished this long after its launch (simulated agents whose
    /// streams closed do not reconnect, so their jobs would wait for ever).
    #[arg(long, default_value_t = 120)]
    pub run_timeout_seconds: u64,

    #[command(flatten)]
    pub stand: StandArgs,
}

/// One measured run.
struct RunTiming {
    run_id: String,
    /// When the bench called `LaunchRun`.
    launched: Instant,
    /// How long `LaunchRun` took to answer.
    launch_rpc: Duration,
    /// When `WatchRun` showed the run ended.
    finished: Instant,
    /// The final status.
    status: pb::RunStatus,
    /// Jobs in the run.
    jobs: usize,
}

/// Runs the command and returns its report.
pub async fn run(args: DispatchArgs) -> anyhow::Result<Value> {
    if args.agents == 0 || args.runs == 0 {
        bail!("--agents and --runs must be at least 1");
    }
    check_open_files(args.agents)?;
    let load_before = machine::load_average();
    let stand = Stand::start(&args.stand).await?;
    let fleet = Fleet::connect(
        stand.controller.agents,
        &stand.pki,
        args.agents,
        args.stand.connect_concurrency,
    )
    .await?;
    let client = api_client(&stand).await?;

    for i in 0..args.warmup {
        launch_and_watch(client.clone(), args.target, args.agents, i)
            .await
            .context("warm-up run")?;
    }
    fleet.acks_settled(Duration::from_secs(10)).await;
    let assigns_before = fleet.stats.assigns.load(Ordering::Relaxed);
    let acks_before = fleet.stats.acks.load(Ordering::Relaxed);
    let window = CpuWindow::start(stand.controller.pid, stand.postgres_pid());
    let started = Instant::now();
    let timings = launch_all(&client, &args).await?;
    let wall = started.elapsed();
    let cpu = window.finish();
    // The ack of a run's last result follows the run's finish; give the stragglers a moment.
    fleet.acks_settled(Duration::from_secs(10)).await;
    let assigns = fleet.stats.assigns.load(Ordering::Relaxed) - assigns_before;
    let acks = fleet.stats.acks.load(Ordering::Relaxed) - acks_before;

    let jobs: usize = timings.iter().map(|t| t.jobs).sum();
    let mut to_receipt = Vec::with_capacity(jobs);
    let mut missing_receipts = 0usize;
    let mut extra_receipts = 0usize;
    for timing in &timings {
        let receipts = fleet.stats.receipts(&timing.run_id);
        missing_receipts += timing.jobs.saturating_sub(receipts.len());
        extra_receipts += receipts.len().saturating_sub(timing.jobs);
        to_receipt.extend(
            receipts
                .iter()
                .map(|r| r.saturating_duration_since(timing.launched)),
        );
    }
    let to_finished: Vec<Duration> = timings
        .iter()
        .map(|t| t.finished.saturating_duration_since(t.launched))
        .collect();
    let launch_rpc: Vec<Duration> = timings.iter().map(|t| t.launch_rpc).collect();
    let succeeded = timings
        .iter()
        .filter(|t| t.status == pb::RunStatus::Succeeded)
        .count();
    let controller_cpu = cpu["controller_cpu_seconds"].as_f64().unwrap_or(0.0);
    let postgres_cpu = cpu["postgres_cpu_seconds"].as_f64();
    let bench_cpu = cpu["bench_cpu_seconds"].as_f64().unwrap_or(0.0);
    let report = json!({
        "command": "dispatch",
        "agents": args.agents,
        "runs": args.runs,
        "target": format!("{:?}", args.target).to_lowercase(),
        "concurrency": args.concurrency,
        "warmup_runs": args.warmup,
        "jobs": jobs,
        "succeeded_runs": succeeded,
        "assigns_received": assigns,
        "acks_received": acks,
        "missing_receipts": missing_receipts,
        "extra_receipts": extra_receipts,
        "dropped_streams": fleet.stats.dropped.load(Ordering::Relaxed),
        "first_error": fleet.stats.first_error(),
        "launch_rpc_ms": summary(launch_rpc),
        "launch_to_receipt_ms": summary(to_receipt),
        "launch_to_finished_ms": summary(to_finished),
        "wall_seconds": round3(wall.as_secs_f64()),
        "jobs_per_second": round3(jobs as f64 / wall.as_secs_f64().max(1e-9)),
        "controller_cpu_ms_per_job": round3(1000.0 * controller_cpu / jobs.max(1) as f64),
        "postgres_cpu_ms_per_job": postgres_cpu.map(|p| round3(1000.0 * p / jobs.max(1) as f64)),
        "bench_cpu_ms_per_job": round3(1000.0 * bench_cpu / jobs.max(1) as f64),
        "cpu": cpu,
        "controller_rss_bytes": machine::rss_bytes(stand.controller.pid),
        "heartbeat_seconds": args.stand.heartbeat_seconds,
        "controller_log": args.stand.controller_log,
        "connect_seconds": round3(fleet.connect_time.as_secs_f64()),
        "machine": machine::describe(),
        "load_average_before": load_before,
        "load_average_after": machine::load_average(),
    });
    fleet.disconnect().await;
    stand.stop().await;
    Ok(report)
}

pub(crate) type ApiClient =
    RunServiceClient<tonic::service::interceptor::InterceptedService<Channel, Bearer>>;

/// A TLS client of the public API, authenticated with the bootstrap admin token.
pub(crate) async fn api_client(stand: &Stand) -> anyhow::Result<ApiClient> {
    let token_path = stand.state_dir().join("admin.token");
    let token = std::fs::read_to_string(&token_path)
        .with_context(|| format!("reading {}", token_path.display()))?;
    let bearer =
        Bearer::new(Some(token.trim())).context("the admin token is not a valid header value")?;
    let tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(&stand.pki.ca_pem))
        .domain_name("localhost");
    let channel = Endpoint::from_shared(format!("https://{}", stand.controller.api))?
        .tls_config(tls)?
        .connect()
        .await
        .context("connecting to the controller's API")?;
    Ok(RunServiceClient::with_interceptor(channel, bearer)
        .max_decoding_message_size(MAX_REPLY_BYTES)
        .max_encoding_message_size(MAX_REPLY_BYTES))
}

/// Launches `args.runs` runs, `args.concurrency` at a time, and waits for every one to finish.
async fn launch_all(client: &ApiClient, args: &DispatchArgs) -> anyhow::Result<Vec<RunTiming>> {
    let slots = Arc::new(Semaphore::new(args.concurrency.max(1)));
    let mut runs = JoinSet::new();
    for i in 0..args.runs {
        let permit = slots.clone().acquire_owned().await?;
        let client = client.clone();
        let target = args.target;
        let agents = args.agents;
        // After the warm-up's agents, so that `--target one` spreads over the fleet.
        let index = args.warmup + i;
        let limit = Duration::from_secs(args.run_timeout_seconds);
        runs.spawn(async move {
            let timing = tokio::time::timeout(limit, launch_and_watch(client, target, agents, index))
                .await
                .unwrap_or_else(|_| {
                    Err(anyhow::anyhow!(
                        "run {index} did not finish within {} s (see dropped_streams: an agent whose stream closed does not come back)",
                        limit.as_secs()
                    ))
                });
            drop(permit);
            timing
        });
    }
    let mut timings = Vec::with_capacity(args.runs);
    while let Some(joined) = runs.join_next().await {
        timings.push(joined??);
    }
    Ok(timings)
}

/// Launches one run and follows it with `WatchRun` until it ends.
async fn launch_and_watch(
    mut client: ApiClient,
    target: Target,
    agents: usize,
    index: usize,
) -> anyhow::Result<RunTiming> {
    let selector = match target {
        Target::All => pb::target_selector::Selector::All(true),
        Target::One => pb::target_selector::Selector::Agents(pb::AgentNames {
            names: vec![agent_name(index % agents)],
        }),
    };
    let request = pb::LaunchRunRequest {
        source: Some(pb::launch_run_request::Source::Tasks(pb::TaskList {
            tasks: vec![pb::TaskSpec {
                task: Some(pb::task_spec::Task::GpuReport(pb::GpuReportTask {
                    sample_window_ms: 100,
                })),
                ..Default::default()
            }],
        })),
        directive_version: 0,
        target: Some(pb::TargetSelector {
            selector: Some(selector),
        }),
        launched_by: "cyberbrain-bench".into(),
        ..Default::default()
    };
    let launched = Instant::now();
    let run = client
        .launch_run(request)
        .await
        .context("LaunchRun")?
        .into_inner();
    let launch_rpc = launched.elapsed();
    let jobs = run.jobs.len();
    let mut events = client
        .watch_run(pb::WatchRunRequest {
            run_id: run.id.clone(),
            after_sequence: 0,
        })
        .await
        .context("WatchRun")?
        .into_inner();
    while let Some(event) = events.message().await.context("WatchRun stream")? {
        if let Some(pb::run_event::Event::Run(snapshot)) = event.event {
            let status = pb::RunStatus::try_from(snapshot.status).unwrap_or_default();
            if matches!(
                status,
                pb::RunStatus::Succeeded
                    | pb::RunStatus::PartiallyFailed
                    | pb::RunStatus::Failed
                    | pb::RunStatus::Cancelled
            ) {
                return Ok(RunTiming {
                    run_id: run.id,
                    launched,
                    launch_rpc,
                    finished: Instant::now(),
                    status,
                    jobs,
                });
            }
        }
    }
    bail!("WatchRun ended before run {} finished", run.id)
}

/// p50, p99 and max in milliseconds (nearest rank).
fn summary(mut values: Vec<Duration>) -> Value {
    if values.is_empty() {
        return json!(null);
    }
    values.sort();
    let rank = |p: f64| {
        let index = ((p * values.len() as f64).ceil() as usize).clamp(1, values.len()) - 1;
        round3(values[index].as_secs_f64() * 1000.0)
    };
    json!({
        "count": values.len(),
        "p50": rank(0.50),
        "p99": rank(0.99),
        "max": rank(1.0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        let values: Vec<Duration> = (1..=100).map(Duration::from_millis).collect();
        let s = summary(values);
        assert_eq!(s["p50"], 50.0);
        assert_eq!(s["p99"], 99.0);
        assert_eq!(s["max"], 100.0);
        assert_eq!(summary(vec![Duration::from_millis(7)])["p99"], 7.0);
        assert!(summary(Vec::new()).is_null());
    }
}
