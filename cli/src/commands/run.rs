//! `cbctl run launch|list|get|watch|cancel|report`.

use std::process::ExitCode;

use crate::client::Api;
use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::run_service_client::RunServiceClient;

use super::Context;
use crate::output::{self, Format, JobView, RunView};
use crate::selectors::{TargetArgs, all_tasks, parse_task};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum StatusFilter {
    Pending,
    Running,
    Succeeded,
    PartiallyFailed,
    Failed,
    Cancelled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Json,
}

/// A part of the report printed on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportSection {
    /// The fleet's service graph: `-o mermaid` (the default), `-o dot` or `-o json`.
    ServiceMap,
}

#[derive(Debug, clap::Subcommand)]
pub enum Verb {
    /// Launch a directive, or an ad-hoc task list with --task.
    Launch {
        /// Directive to launch (omit for an ad-hoc run with --task).
        directive: Option<String>,
        /// Directive version [default: latest].
        #[arg(long, requires = "directive")]
        version: Option<u32>,
        /// Ad-hoc task: log_triage[:tail=N,since=SECONDS,top=N], gpu_report[:window_ms=N],
        /// service_map; any type also takes attempts=N and deadline=SECONDS (repeatable) [default
        /// without a directive: all three].
        #[arg(long = "task", value_name = "TASK", conflicts_with = "directive")]
        tasks: Vec<String>,
        #[command(flatten)]
        target: TargetArgs,
        /// A free-text note shown in the report as given (unverified: the run records the
        /// calling token as its launcher) [default: $USER].
        #[arg(long, env = "USER", default_value = "")]
        launched_by: String,
        /// Follow the run until it ends; exit non-zero unless it succeeded.
        #[arg(long)]
        watch: bool,
        /// How long each job may wait for its agent before it ends unreachable, e.g. 90s, 2m, 1h
        /// [default: the directive's, else the controller's (5m unless configured)].
        #[arg(long, value_name = "DURATION", value_parser = super::parse_duration)]
        queue_timeout: Option<u64>,
        /// Refuse to launch when a target is not online, instead of launching with a warning.
        #[arg(long)]
        require_online: bool,
    },
    /// List runs, newest first.
    List {
        /// Only runs in this status (repeatable).
        #[arg(long, value_enum)]
        status: Vec<StatusFilter>,
        /// Only runs of this directive.
        #[arg(long)]
        directive: Option<String>,
        /// How many runs at most.
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// Show a run and its jobs.
    Get {
        /// Run id.
        id: String,
    },
    /// Follow a run until it ends; exit non-zero unless it succeeded.
    Watch {
        /// Run id.
        id: String,
    },
    /// Cancel a run.
    Cancel {
        /// Run id.
        id: String,
    },
    /// Print a finished run's report.
    Report {
        /// Run id.
        id: String,
        /// Report format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
        format: ReportFormat,
        /// Print only this section.
        #[arg(long, value_enum)]
        section: Option<ReportSection>,
    },
}

pub async fn run(ctx: &Context, verb: Verb) -> anyhow::Result<ExitCode> {
    let channel = match verb {
        // A watch must survive the controller going away, so it does not insist on a first
        // connection either.
        Verb::Watch { .. } => ctx.server.connect_lazy()?,
        _ => ctx.server.connect().await?,
    };
    let mut client = RunServiceClient::new(channel);
    match verb {
        Verb::Launch {
            directive,
            version,
            tasks,
            target,
            launched_by,
            watch,
            queue_timeout,
            require_online,
        } => {
            use pb::launch_run_request::Source;
            let source = match directive {
                Some(name) => Source::DirectiveName(name),
                None => {
                    let tasks = if tasks.is_empty() {
                        all_tasks()
                    } else {
                        tasks
                            .iter()
                            .map(|t| parse_task(t))
                            .collect::<anyhow::Result<_>>()?
                    };
                    Source::Tasks(pb::TaskList { tasks })
                }
            };
            let is_adhoc = matches!(source, Source::Tasks(_));
            let mut target = target.selector()?;
            if target.is_none() && is_adhoc {
                target = Some(pb::TargetSelector {
                    selector: Some(pb::target_selector::Selector::All(true)),
                });
            }
            let run = client
                .launch_run(pb::LaunchRunRequest {
                    source: Some(source),
                    directive_version: version.unwrap_or(0),
                    target,
                    launched_by,
                    queue_timeout_seconds: match queue_timeout {
                        Some(seconds) => u32::try_from(seconds)
                            .map_err(|_| anyhow::anyhow!("--queue-timeout: at most 7d"))?,
                        None => 0,
                    },
                    require_online,
                })
                .await?
                .into_inner();
            for warning in &run.warnings {
                eprintln!("warning: {warning}");
            }
            if watch {
                eprintln!("launched run {} ({} jobs)", run.id, run.jobs.len());
                return watch_run(&mut client, run.id).await;
            }
            print_runs(ctx.output, &[run], true)?;
        }
        Verb::List {
            status,
            directive,
            limit,
        } => {
            let status = status
                .into_iter()
                .map(|s| {
                    (match s {
                        StatusFilter::Pending => pb::RunStatus::Pending,
                        StatusFilter::Running => pb::RunStatus::Running,
                        StatusFilter::Succeeded => pb::RunStatus::Succeeded,
                        StatusFilter::PartiallyFailed => pb::RunStatus::PartiallyFailed,
                        StatusFilter::Failed => pb::RunStatus::Failed,
                        StatusFilter::Cancelled => pb::RunStatus::Cancelled,
                    }) as i32
                })
                .collect::<Vec<_>>();
            let mut runs = Vec::new();
            let mut page_token = String::new();
            while runs.len() < limit as usize {
                let page = client
                    .list_runs(pb::ListRunsRequest {
                        page_size: limit - runs.len() as u32,
                        page_token,
                        status: status.clone(),
                        directive_name: directive.clone().unwrap_or_default(),
                    })
                    .await?
                    .into_inner();
                runs.extend(page.runs);
                if page.next_page_token.is_empty() {
                    break;
                }
                page_token = page.next_page_token;
            }
            print_runs(ctx.output, &runs, false)?;
        }
        Verb::Get { id } => {
            let run = client.get_run(pb::GetRunRequest { id }).await?.into_inner();
            print_runs(ctx.output, &[run], true)?;
        }
        Verb::Watch { id } => return watch_run(&mut client, id).await,
        Verb::Cancel { id } => {
            let run = client
                .cancel_run(pb::CancelRunRequest { id })
                .await?
                .into_inner();
            print_runs(ctx.output, &[run], true)?;
        }
        Verb::Report {
            id,
            format,
            section,
        } => {
            let report = client
                .get_run_report(pb::GetRunReportRequest { run_id: id })
                .await?
                .into_inner();
            if section == Some(ReportSection::ServiceMap) {
                print_service_graph(ctx.output, &report.json)?;
            } else if matches!(ctx.output, Format::Mermaid | Format::Dot) {
                anyhow::bail!("-o mermaid and -o dot need --section service-map");
            } else if format == ReportFormat::Json || ctx.output == Format::Json {
                println!("{}", report.json);
            } else {
                print!("{}", report.markdown);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints the report's fleet service graph. The controller renders Mermaid and DOT into the
/// report's JSON, so that there is one renderer and this client stays thin.
fn print_service_graph(format: Format, report_json: &str) -> anyhow::Result<()> {
    let report: serde_json::Value = serde_json::from_str(report_json)
        .map_err(|e| anyhow::anyhow!("the controller sent a report that is not JSON: {e}"))?;
    let graph = &report["service_graph"];
    if graph.is_null() {
        anyhow::bail!("this report has no service graph (run it with the service_map task)");
    }
    let text = |key: &str| graph[key].as_str().unwrap_or_default().to_string();
    match format {
        Format::Table | Format::Mermaid => print!("{}", text("mermaid")),
        Format::Dot => print!("{}", text("dot")),
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "nodes": graph["nodes"],
                "edges": graph["edges"],
            }))?
        ),
        Format::Yaml => print!(
            "{}",
            serde_yaml::to_string(&serde_json::json!({
                "nodes": graph["nodes"],
                "edges": graph["edges"],
            }))?
        ),
    }
    Ok(())
}

fn print_runs(format: Format, runs: &[pb::Run], with_jobs: bool) -> anyhow::Result<()> {
    let views: Vec<RunView> = runs.iter().map(RunView::from).collect();
    if format != Format::Table {
        return if views.len() == 1 && with_jobs {
            output::print(format, &views[0], &[], vec![])
        } else {
            output::print(format, &views, &[], vec![])
        };
    }
    let rows = views
        .iter()
        .map(|r| {
            vec![
                r.id.clone(),
                if r.directive.is_empty() {
                    "(ad-hoc)".into()
                } else {
                    format!("{} v{}", r.directive, r.directive_version)
                },
                r.status.clone(),
                r.target.clone(),
                output::short_time(&r.created_at),
            ]
        })
        .collect::<Vec<_>>();
    output::print_table(&["ID", "DIRECTIVE", "STATUS", "TARGET", "CREATED"], &rows);
    if with_jobs {
        for r in &views {
            if !r.launched_by_token.is_empty() {
                println!(
                    "\nlaunched by token {} ({})",
                    r.launched_by_token, r.launched_by_role
                );
            }
            if !r.launched_by.is_empty() {
                println!("launch note (unverified): {}", r.launched_by);
            }
            if r.jobs.is_empty() {
                continue;
            }
            println!();
            let rows: Vec<Vec<String>> = r
                .jobs
                .iter()
                .map(|j| {
                    vec![
                        j.agent.clone(),
                        j.task_type.clone(),
                        j.status.clone(),
                        match j.max_attempts {
                            0 => j.attempt.to_string(),
                            most => format!("{}/{most}", j.attempt),
                        },
                        j.error.clone(),
                    ]
                })
                .collect();
            output::print_table(&["AGENT", "TASK", "STATUS", "ATTEMPT", "ERROR"], &rows);
        }
    }
    Ok(())
}

/// How long `watch` keeps trying to get the stream back after the controller went away.
const WATCH_RECONNECT_FOR: std::time::Duration = std::time::Duration::from_secs(300);

/// Prints each job change as it happens, then the outcome. Exit 0 only for a succeeded run. When
/// the stream breaks (a controller restart, a load balancer moving us), it resumes after the last
/// event received, so nothing is lost or printed twice.
async fn watch_run(client: &mut RunServiceClient<Api>, id: String) -> anyhow::Result<ExitCode> {
    use pb::run_event::Event;
    let mut after_sequence = 0;
    let mut last_status = pb::RunStatus::Unspecified as i32;
    let mut broken_since: Option<std::time::Instant> = None;
    let mut pause = std::time::Duration::from_millis(200);
    loop {
        let request = pb::WatchRunRequest {
            run_id: id.clone(),
            after_sequence,
        };
        let outcome = match client.watch_run(request).await {
            Ok(response) => {
                let mut stream = response.into_inner();
                loop {
                    match stream.message().await {
                        Ok(Some(event)) => {
                            broken_since = None;
                            pause = std::time::Duration::from_millis(200);
                            after_sequence = event.sequence;
                            match event.event {
                                Some(Event::Run(run)) => {
                                    if last_status == pb::RunStatus::Unspecified as i32 {
                                        for job in &run.jobs {
                                            print_job(&JobView::from(job));
                                        }
                                    }
                                    last_status = run.status;
                                    eprintln!(
                                        "run {} is {}",
                                        run.id,
                                        output::run_status(run.status)
                                    );
                                }
                                Some(Event::Job(job)) => print_job(&JobView::from(&job)),
                                None => {}
                            }
                        }
                        Ok(None) => break Ok(()),
                        Err(status) => break Err(status),
                    }
                }
            }
            Err(status) => Err(status),
        };
        match outcome {
            Ok(()) => break,
            Err(status) if is_transient(&status) => {
                let since = *broken_since.get_or_insert_with(std::time::Instant::now);
                if since.elapsed() > WATCH_RECONNECT_FOR {
                    return Err(status.into());
                }
                eprintln!("(stream interrupted: {}; resuming)", status.message());
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(std::time::Duration::from_secs(5));
            }
            Err(status) => return Err(status.into()),
        }
    }
    Ok(if last_status == pb::RunStatus::Succeeded as i32 {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "run {id} did not succeed ({})",
            output::run_status(last_status)
        );
        ExitCode::from(2)
    })
}

/// Errors that a retry may cure: the controller went away or is restarting.
fn is_transient(status: &tonic::Status) -> bool {
    matches!(
        status.code(),
        tonic::Code::Unavailable
            | tonic::Code::Unknown
            | tonic::Code::Cancelled
            | tonic::Code::Aborted
    )
}

fn print_job(job: &JobView) {
    let error = if job.error.is_empty() {
        String::new()
    } else {
        format!("  {}", job.error)
    };
    eprintln!(
        "  {:<20} {:<12} {}{}",
        job.agent, job.task_type, job.status, error
    );
}
