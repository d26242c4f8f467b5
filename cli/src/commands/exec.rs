//! `cbctl exec [--agent NAME|--label K=V|--all] -- NAME [ARGS…]`: runs one of the commands the
//! chosen hosts declare, prints each host's output as its job ends (every line prefixed by the
//! host), then a summary. Exit 0 when every host ran the command and it exited 0, 3 when any
//! did not, 4 when --timeout passed first.

use std::collections::BTreeSet;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context as _;
use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::run_service_client::RunServiceClient;
use serde::{Deserialize, Serialize};

use super::Context;
use crate::client::Api;
use crate::exit;
use crate::output::{Format, sink};
use crate::selectors::TargetArgs;

/// `cbctl exec`.
#[derive(Debug, clap::Args)]
pub struct Exec {
    #[command(flatten)]
    target: TargetArgs,
    /// How long each job may wait for its agent before it ends unreachable (90s, 2m, 1h)
    /// [default: the controller's].
    #[arg(long, value_name = "DURATION", value_parser = crate::durations::parse_queue_timeout)]
    queue_timeout: Option<Duration>,
    /// How long each host's job may take (90s, 15m, 1h) before it fails, whatever the host's own
    /// timeout for the command [default: the controller's job deadline, 5m unless configured].
    #[arg(long, value_name = "DURATION", value_parser = crate::durations::parse_timeout)]
    deadline: Option<Duration>,
    /// Give up waiting after this long (90s, 15m, 1h), exit 4; the run goes on.
    #[arg(long, value_parser = crate::durations::parse_timeout)]
    timeout: Option<Duration>,
    /// The command's name, as the hosts declare it (`cbctl agent get NAME` lists them).
    #[arg(value_name = "NAME")]
    command: String,
    /// Arguments for the command's argument slots; each must match its slot's pattern.
    #[arg(
        value_name = "ARGS",
        trailing_var_arg = true,
        allow_hyphen_values = true
    )]
    args: Vec<String>,
}

/// One host's command run, as the report's JSON has it.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
struct HostCommand {
    agent: String,
    exit_code: Option<i32>,
    signal: Option<i32>,
    timed_out: bool,
    duration_ms: u64,
    output_bytes: u64,
    truncated: bool,
    output: String,
}

/// One job, as the report's JSON has it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct JobLine {
    agent: String,
    status: String,
    error: Option<String>,
}

/// The parts of the report `exec` reads.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct ReportParts {
    commands: Vec<HostCommand>,
    jobs: Vec<JobLine>,
}

/// One host's line in the summary and in `-o json`.
#[derive(Debug, Serialize)]
struct HostOutcome {
    agent: String,
    status: String,
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    command: Option<HostCommand>,
}

pub async fn run(ctx: &Context, exec: Exec) -> anyhow::Result<ExitCode> {
    let format = crate::output::choose(ctx.output, &[Format::Table, Format::Json])?;
    let Some(target) = exec.target.selector()? else {
        return Err(exit::UsageError(
            "choose the hosts: --agent NAME, --label KEY=VALUE or --all".into(),
        )
        .into());
    };
    let mut client = RunServiceClient::new(ctx.server.connect().await?);
    let task = pb::TaskSpec {
        task: Some(pb::task_spec::Task::Command(pb::CommandTask {
            name: exec.command.clone(),
            args: exec.args.clone(),
        })),
        deadline_seconds: match exec.deadline {
            Some(d) => u32::try_from(d.as_secs())
                .ok()
                .filter(|s| (1..=86_400).contains(s))
                .ok_or_else(|| exit::UsageError("--deadline: 1s to 1d".into()))?,
            None => 0,
        },
        ..Default::default()
    };
    let run = client
        .launch_run(pb::LaunchRunRequest {
            source: Some(pb::launch_run_request::Source::Tasks(pb::TaskList {
                tasks: vec![task],
            })),
            target: Some(target),
            launched_by: std::env::var("USER").unwrap_or_default(),
            queue_timeout_seconds: match exec.queue_timeout {
                Some(t) => u32::try_from(t.as_secs())
                    .map_err(|_| anyhow::anyhow!("--queue-timeout: at most 7d"))?,
                None => 0,
            },
            ..Default::default()
        })
        .await?
        .into_inner();
    for warning in &run.warnings {
        sink::note(&format!("warning: {warning}"));
    }
    sink::note(&format!(
        "run {}: {} on {} host(s)",
        run.id,
        exec.command,
        run.jobs.len()
    ));
    let table = format == Format::Table;
    let mut reporter = client.clone();
    let mut watcher = Watcher {
        client: client.clone(),
        run_id: run.id.clone(),
        after_sequence: 0,
        stream: None,
        broken: 0,
    };
    // Streamed while they run: each job's pieces, polled (a few hosts; a large fleet's outputs
    // are printed as each job ends).
    let mut live: Vec<LiveJob> = if table && run.jobs.len() <= MAX_STREAMED_HOSTS {
        run.jobs
            .iter()
            .map(|j| LiveJob {
                job_id: j.id.clone(),
                agent: j.agent_name.clone(),
                after: 0,
                ended: false,
            })
            .collect()
    } else {
        Vec::new()
    };
    let waited = async {
        let mut printed = BTreeSet::new();
        let mut tick = tokio::time::interval(Duration::from_millis(500));
        loop {
            tokio::select! {
                ended = watcher.next_job_end() => {
                    let ended = ended?;
                    if let Some(job_id) = &ended
                        && let Some(job) = live.iter_mut().find(|j| &j.job_id == job_id)
                    {
                        // Its pieces were stored before its result: this read gets the rest.
                        print_pieces(&mut reporter, job).await?;
                        job.ended = true;
                    }
                    if ended.is_none() {
                        break;
                    }
                    if table && live.is_empty() {
                        let parts = report_parts(&mut reporter, &run.id).await?;
                        print_outputs(&parts, &mut printed, &live);
                    }
                }
                _ = tick.tick(), if !live.is_empty() => {
                    for job in live.iter_mut().filter(|j| !j.ended) {
                        print_pieces(&mut reporter, job).await?;
                    }
                }
            }
        }
        let parts = report_parts(&mut reporter, &run.id).await?;
        if table {
            print_outputs(&parts, &mut printed, &live);
        }
        anyhow::Ok(parts)
    };
    let parts = match exec.timeout {
        Some(limit) => match tokio::time::timeout(limit, waited).await {
            Ok(parts) => parts?,
            Err(_) => {
                sink::note(&format!(
                    "timed out waiting; the run goes on (cbctl run watch {})",
                    run.id
                ));
                return Ok(ExitCode::from(exit::TIMEOUT));
            }
        },
        None => waited.await?,
    };
    let outcomes = outcomes(&parts);
    if table {
        print_summary(&outcomes);
    } else {
        let doc = serde_json::json!({ "run_id": run.id, "hosts": outcomes });
        sink::out_exact(&format!("{}\n", serde_json::to_string_pretty(&doc)?));
    }
    Ok(if outcomes.iter().all(|o| o.ok) && !outcomes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(exit::RUN_NOT_SUCCEEDED)
    })
}

/// Follows a run's events, resuming after the last one when the stream breaks (a controller
/// restart), a few times at most.
struct Watcher {
    client: RunServiceClient<Api>,
    run_id: String,
    after_sequence: u64,
    stream: Option<tonic::Streaming<pb::RunEvent>>,
    broken: u32,
}

impl Watcher {
    /// How many broken streams are resumed before giving up.
    const MAX_BROKEN: u32 = 5;

    /// Waits for the next job to end: its id, or `None` when the run has ended.
    async fn next_job_end(&mut self) -> anyhow::Result<Option<String>> {
        loop {
            let stream = match self.stream.as_mut() {
                Some(stream) => stream,
                None => {
                    let opened = self
                        .client
                        .watch_run(pb::WatchRunRequest {
                            run_id: self.run_id.clone(),
                            after_sequence: self.after_sequence,
                        })
                        .await;
                    match opened {
                        Ok(s) => self.stream.insert(s.into_inner()),
                        Err(e)
                            if self.broken < Self::MAX_BROKEN
                                && e.code() == tonic::Code::Unavailable =>
                        {
                            self.broken += 1;
                            // A pause before trying a restarting controller again.
                            tokio::time::sleep(Duration::from_secs(1)).await;
                            continue;
                        }
                        Err(e) => return Err(e).context("watching the run"),
                    }
                }
            };
            match stream.message().await {
                Ok(Some(event)) => {
                    self.after_sequence = self.after_sequence.max(event.sequence);
                    if let Some(pb::run_event::Event::Job(job)) = event.event
                        && is_terminal_job(job.status)
                    {
                        return Ok(Some(job.id));
                    }
                }
                Ok(None) => return Ok(None),
                Err(e) if self.broken < Self::MAX_BROKEN => {
                    self.broken += 1;
                    self.stream = None;
                    sink::note(&format!("the watch broke ({}); resuming", e.code()));
                }
                Err(e) => return Err(e).context("watching the run"),
            }
        }
    }
}

fn is_terminal_job(status: i32) -> bool {
    use pb::JobStatus as J;
    !matches!(
        J::try_from(status),
        Ok(J::Queued | J::Dispatched | J::Running | J::Unspecified)
    )
}

async fn report_parts(
    client: &mut RunServiceClient<Api>,
    run_id: &str,
) -> anyhow::Result<ReportParts> {
    let report = client
        .get_run_report(pb::GetRunReportRequest {
            run_id: run_id.to_string(),
        })
        .await?
        .into_inner();
    serde_json::from_str(&report.json).context("reading the run's report")
}

/// The most hosts whose output is streamed while it runs.
const MAX_STREAMED_HOSTS: usize = 64;

/// A job whose output is streamed.
struct LiveJob {
    job_id: String,
    agent: String,
    /// The last piece printed.
    after: u64,
    ended: bool,
}

/// Prints the pieces of `job` not printed yet, each line prefixed by the host.
async fn print_pieces(client: &mut RunServiceClient<Api>, job: &mut LiveJob) -> anyhow::Result<()> {
    loop {
        let pieces = client
            .get_job_output(pb::GetJobOutputRequest {
                job_id: job.job_id.clone(),
                after_sequence: job.after,
            })
            .await?
            .into_inner()
            .pieces;
        let Some(last) = pieces.last().map(|p| p.sequence) else {
            return Ok(());
        };
        let text: String = pieces.iter().map(|p| p.text.as_str()).collect();
        sink::out(&prefixed(&job.agent, &text));
        job.after = last;
    }
}

fn prefixed(agent: &str, text: &str) -> String {
    text.lines()
        .map(|line| format!("{agent} | {line}\n"))
        .collect()
}

/// Prints the output of every host not printed yet, each line prefixed by the host: all of it
/// for a host whose output was not streamed, the kept tail for one whose output went past the
/// cap (the stream stopped there).
fn print_outputs(parts: &ReportParts, printed: &mut BTreeSet<String>, live: &[LiveJob]) {
    for host in &parts.commands {
        if !printed.insert(host.agent.clone()) {
            continue;
        }
        let streamed = live.iter().any(|j| j.agent == host.agent && j.after > 0);
        let text = match (streamed, host.truncated) {
            (false, _) => host.output.as_str(),
            (true, false) => continue,
            (true, true) => host
                .output
                .split_once("bytes of output dropped")
                .and_then(|(_, tail)| tail.split_once('\n'))
                .map_or("", |(_, tail)| tail),
        };
        if streamed && !text.is_empty() {
            sink::out(&format!("{} | [… the tail, as kept …]\n", host.agent));
        }
        sink::out(&prefixed(&host.agent, text));
    }
}

fn outcomes(parts: &ReportParts) -> Vec<HostOutcome> {
    parts
        .jobs
        .iter()
        .map(|job| {
            let command = parts
                .commands
                .iter()
                .find(|c| c.agent == job.agent)
                .cloned();
            let ok = job.status == "succeeded"
                && command
                    .as_ref()
                    .is_some_and(|c| c.exit_code == Some(0) && !c.timed_out);
            HostOutcome {
                agent: job.agent.clone(),
                status: job.status.clone(),
                ok,
                error: job.error.clone(),
                command,
            }
        })
        .collect()
}

fn print_summary(outcomes: &[HostOutcome]) {
    let mut text = String::from("\nHOST\tRESULT\tDURATION\tOUTPUT\n");
    for o in outcomes {
        let (result, duration, output) = match &o.command {
            Some(c) => (
                describe(c),
                format!("{} ms", c.duration_ms),
                format!(
                    "{} B{}",
                    c.output_bytes,
                    if c.truncated { " (truncated)" } else { "" }
                ),
            ),
            None => (
                format!(
                    "{}: {}",
                    o.status,
                    o.error.as_deref().unwrap_or("no result")
                ),
                "-".into(),
                "-".into(),
            ),
        };
        text.push_str(&format!("{}\t{result}\t{duration}\t{output}\n", o.agent));
    }
    let failed = outcomes.iter().filter(|o| !o.ok).count();
    text.push_str(&format!(
        "{} host(s), {} succeeded, {failed} failed\n",
        outcomes.len(),
        outcomes.len() - failed
    ));
    sink::out(&text);
}

fn describe(c: &HostCommand) -> String {
    match (c.timed_out, c.exit_code, c.signal) {
        (true, _, _) => "timed out".into(),
        (false, Some(code), _) => format!("exit {code}"),
        (false, None, Some(signal)) => format!("killed by signal {signal}"),
        (false, None, None) => "unknown".into(),
    }
}
