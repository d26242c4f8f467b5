//! `cbctl run launch|list|get|watch|wait|cancel|report`.

mod follow;

use std::process::ExitCode;
use std::time::Duration;

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::run_service_client::RunServiceClient;

use clap_complete::engine::ArgValueCandidates;

use super::Context;
use crate::complete;
use crate::output::{self, Format, RunView, sink, words};
use crate::selectors::{TargetArgs, all_tasks, parse_task};
use follow::Follow;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum StatusFilter {
    Pending,
    Running,
    Succeeded,
    #[value(alias = "partially_failed")]
    PartiallyFailed,
    Failed,
    Cancelled,
}

/// `--format`, the old spelling of `-o` for the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    #[value(alias = "md")]
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
        #[arg(add = ArgValueCandidates::new(complete::directives))]
        directive: Option<String>,
        /// Directive version [default: latest].
        #[arg(long, requires = "directive")]
        version: Option<u32>,
        /// Ad-hoc task: log_triage[:tail=N,since=DURATION,top=N], gpu_report[:window_ms=N],
        /// service_map, command:name=NAME[,arg=VALUE…] (see cbctl exec),
        /// container:image=NAME@sha256:DIGEST[,args=A B…,env=K=V,network=NAME,gpus=true]
        /// (admin only); any type also takes
        /// attempts=N and deadline=DURATION (repeatable)
        /// [default without a directive: all three].
        #[arg(long = "task", value_name = "TASK", conflicts_with = "directive",
              add = ArgValueCandidates::new(complete::task_kinds))]
        tasks: Vec<String>,
        #[command(flatten)]
        target: TargetArgs,
        /// A free-text note shown in the report as given; unverified, since the run records the
        /// calling token as its launcher [default: your login name, $USER].
        #[arg(long, value_name = "NAME")]
        launched_by: Option<String>,
        /// How long each job may wait for its agent before it ends unreachable (90s, 2m, 1h)
        /// [default: the directive's, else the controller's, 5m unless configured].
        #[arg(long, value_name = "DURATION", value_parser = crate::durations::parse_queue_timeout)]
        queue_timeout: Option<Duration>,
        /// Refuse to launch when a target is not online, instead of launching with a warning.
        #[arg(long)]
        require_online: bool,
        /// Follow the run until it ends (exit 3 unless it succeeded); with -o json, the run and
        /// then its events as JSON lines.
        #[arg(long)]
        watch: bool,
        /// Print the targets and jobs the launch would make, resolved by the controller, and
        /// change nothing.
        #[arg(long, conflicts_with = "watch")]
        dry_run: bool,
        /// With --watch: give up after this long (90s, 15m, 1h), exit 4.
        #[arg(long, requires = "watch", value_parser = crate::durations::parse_timeout)]
        timeout: Option<Duration>,
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
        /// Run id, or at least 4 characters of it.
        #[arg(add = ArgValueCandidates::new(complete::runs))]
        id: String,
    },
    /// Follow a run until it ends, one line per job change; exit 3 unless it succeeded.
    Watch {
        /// Run id, or at least 4 characters of it.
        #[arg(add = ArgValueCandidates::new(complete::runs))]
        id: String,
        /// Give up after this long (90s, 15m, 1h), exit 4.
        #[arg(long, value_parser = crate::durations::parse_timeout)]
        timeout: Option<Duration>,
    },
    /// Wait quietly until a run ends; exit 0 if it succeeded, 3 if not, 4 on --timeout.
    Wait {
        /// Run id, or at least 4 characters of it.
        #[arg(add = ArgValueCandidates::new(complete::runs))]
        id: String,
        /// Give up after this long (90s, 15m, 1h), exit 4.
        #[arg(long, value_parser = crate::durations::parse_timeout)]
        timeout: Option<Duration>,
    },
    /// Cancel a run (asks first).
    Cancel {
        /// Run id, or at least 4 characters of it.
        #[arg(add = ArgValueCandidates::new(complete::runs))]
        id: String,
        #[command(flatten)]
        yes: crate::confirm::Yes,
    },
    /// Print a run's report (-o md or json): the final one, or a partial one while it runs.
    Report {
        /// Run id, or at least 4 characters of it.
        #[arg(add = ArgValueCandidates::new(complete::runs))]
        id: String,
        /// The old spelling of -o md|json.
        #[arg(long, value_enum, hide = true)]
        format: Option<ReportFormat>,
        /// Print only this section.
        #[arg(long, value_enum)]
        section: Option<ReportSection>,
    },
}

/// The formats of `run launch` and `run get|list|cancel`.
fn run_format(ctx: &Context) -> anyhow::Result<Format> {
    ctx.read_format()
}

pub async fn run(ctx: &Context, verb: Verb) -> anyhow::Result<ExitCode> {
    let format = match &verb {
        Verb::Report {
            format, section, ..
        } => report_format(ctx, *format, *section)?,
        Verb::Watch { .. } | Verb::Wait { .. } | Verb::Launch { watch: true, .. } => {
            output::choose(ctx.output, &[Format::Table, Format::Json])?
        }
        _ => run_format(ctx)?,
    };
    let channel = match verb {
        // A watch must survive the controller going away, so it does not insist on a first
        // connection either.
        Verb::Watch { .. } | Verb::Wait { .. } => ctx.server.connect_lazy()?,
        _ => ctx.server.connect().await?,
    };
    let mut client = RunServiceClient::new(channel);
    let verb = with_full_id(&mut client, verb).await?;
    match verb {
        Verb::Launch {
            directive,
            version,
            tasks,
            target,
            launched_by,
            watch,
            timeout,
            dry_run,
            queue_timeout,
            require_online,
        } => {
            use pb::launch_run_request::Source;
            let source = match directive {
                Some(name) => Source::DirectiveName(name),
                None => {
                    let tasks = if tasks.is_empty() {
                        sink::note(
                            "no --task given: launching log_triage, gpu_report and service_map",
                        );
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
                sink::note("no target given: every agent (--agent or --label to narrow it)");
                target = Some(pb::TargetSelector {
                    selector: Some(pb::target_selector::Selector::All(true)),
                });
            }
            let launched_by = launched_by
                .or_else(|| std::env::var("USER").ok())
                .unwrap_or_default();
            let run = client
                .launch_run(pb::LaunchRunRequest {
                    source: Some(source),
                    directive_version: version.unwrap_or(0),
                    target,
                    launched_by,
                    dry_run,
                    queue_timeout_seconds: match queue_timeout {
                        Some(timeout) => u32::try_from(timeout.as_secs())
                            .map_err(|_| anyhow::anyhow!("--queue-timeout: at most 7d"))?,
                        None => 0,
                    },
                    require_online,
                })
                .await?
                .into_inner();
            for warning in &run.warnings {
                sink::note(&format!("warning: {warning}"));
            }
            if dry_run {
                if !print_runs(format, std::slice::from_ref(&run), true)? {
                    let agents: std::collections::BTreeSet<&str> =
                        run.jobs.iter().map(|j| j.agent_name.as_str()).collect();
                    sink::note(&format!(
                        "dry run: would launch {} on {}; nothing was changed",
                        words::count(run.jobs.len(), "job"),
                        words::count(agents.len(), "agent")
                    ));
                }
                return Ok(ExitCode::SUCCESS);
            }
            if watch {
                let json = format == Format::Json;
                // With -o json the watch's first line is the run's snapshot: printing the launched
                // run as well would show it twice.
                if !json {
                    sink::note(&format!(
                        "launched run {} ({})",
                        run.id,
                        words::count(run.jobs.len(), "job")
                    ));
                }
                let how = Follow {
                    events: true,
                    json,
                    timeout,
                };
                return follow::follow(&mut client, run.id, how).await;
            }
            print_runs(format, &[run], true)?;
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
                        id_prefix: String::new(),
                    })
                    .await?
                    .into_inner();
                runs.extend(page.runs);
                if page.next_page_token.is_empty() {
                    break;
                }
                page_token = page.next_page_token;
            }
            print_runs(format, &runs, false)?;
        }
        Verb::Get { id } => {
            let run = client.get_run(pb::GetRunRequest { id }).await?.into_inner();
            print_runs(format, &[run], true)?;
        }
        Verb::Watch { id, timeout } => {
            let how = Follow {
                events: true,
                json: format == Format::Json,
                timeout,
            };
            return follow::follow(&mut client, id, how).await;
        }
        Verb::Wait { id, timeout } => {
            let how = Follow {
                events: false,
                json: format == Format::Json,
                timeout,
            };
            return follow::follow(&mut client, id, how).await;
        }
        Verb::Cancel { id, yes } => {
            crate::confirm::confirm(yes, &format!("Cancel run {id}?"))?;
            let run = client
                .cancel_run(pb::CancelRunRequest { id })
                .await?
                .into_inner();
            print_runs(format, &[run], true)?;
        }
        Verb::Report { id, section, .. } => {
            let report = client
                .get_run_report(pb::GetRunReportRequest { run_id: id })
                .await?
                .into_inner();
            if section == Some(ReportSection::ServiceMap) {
                print_service_graph(format, &report.json)?;
            } else if format == Format::Json {
                sink::out_exact(&format!("{}\n", report.json));
            } else {
                sink::out(&report.markdown);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The verb with its run id resolved from a prefix.
async fn with_full_id(
    client: &mut RunServiceClient<crate::client::Api>,
    verb: Verb,
) -> anyhow::Result<Verb> {
    use crate::resolve::run_id;
    Ok(match verb {
        Verb::Get { id } => Verb::Get {
            id: run_id(client, &id).await?,
        },
        Verb::Watch { id, timeout } => Verb::Watch {
            id: run_id(client, &id).await?,
            timeout,
        },
        Verb::Wait { id, timeout } => Verb::Wait {
            id: run_id(client, &id).await?,
            timeout,
        },
        Verb::Cancel { id, yes } => Verb::Cancel {
            id: run_id(client, &id).await?,
            yes,
        },
        Verb::Report {
            id,
            format,
            section,
        } => Verb::Report {
            id: run_id(client, &id).await?,
            format,
            section,
        },
        other => other,
    })
}

/// The report's format: `-o`, else the hidden `--format`, checked against what the report (or
/// its section) takes.
fn report_format(
    ctx: &Context,
    legacy: Option<ReportFormat>,
    section: Option<ReportSection>,
) -> anyhow::Result<Format> {
    let given = ctx.output.or(legacy.map(|f| match f {
        ReportFormat::Markdown => Format::Md,
        ReportFormat::Json => Format::Json,
    }));
    match section {
        Some(ReportSection::ServiceMap) => {
            output::choose(given, &[Format::Mermaid, Format::Dot, Format::Json])
        }
        None => output::choose(given, &[Format::Md, Format::Json]),
    }
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
        Format::Dot => sink::out(&text("dot")),
        Format::Json => sink::out_exact(&format!(
            "{}\n",
            serde_json::to_string_pretty(&serde_json::json!({
                "nodes": graph["nodes"],
                "edges": graph["edges"],
            }))?
        )),
        _ => sink::out(&text("mermaid")),
    }
    Ok(())
}

/// Prints runs; true when they were printed as data (JSON or YAML), false as tables.
fn print_runs(format: Format, runs: &[pb::Run], with_jobs: bool) -> anyhow::Result<bool> {
    let views: Vec<RunView> = runs.iter().map(RunView::from).collect();
    let printed = if views.len() == 1 && with_jobs {
        output::print_data(format, &views[0])?
    } else {
        output::print_data(format, &views)?
    };
    if printed {
        return Ok(true);
    }
    let wide = format == Format::Wide;
    let rows = views
        .iter()
        .map(|r| {
            let mut row = vec![
                r.id.clone(),
                if r.directive.is_empty() {
                    "(ad-hoc)".into()
                } else {
                    format!("{} v{}", r.directive, r.directive_version)
                },
                words::as_typed(&r.status),
                r.target.clone(),
                words::when(&r.created_at, wide),
            ];
            if wide {
                row.push(words::when(&r.finished_at, true));
                row.push(if r.launched_by_token.is_empty() {
                    "-".into()
                } else {
                    format!("{} ({})", r.launched_by_token, r.launched_by_role)
                });
            }
            row
        })
        .collect::<Vec<_>>();
    let mut header = vec!["ID", "DIRECTIVE", "STATUS", "TARGET", "CREATED"];
    if wide {
        header.extend(["FINISHED", "LAUNCHED BY"]);
    }
    output::print_table(&header, &rows);
    if with_jobs {
        for r in &views {
            if !r.launched_by_token.is_empty() {
                sink::out(&format!(
                    "\nlaunched by token {} ({})\n",
                    r.launched_by_token, r.launched_by_role
                ));
            }
            if !r.launched_by.is_empty() {
                sink::out(&format!("launch note (unverified): {}\n", r.launched_by));
            }
            if r.jobs.is_empty() {
                continue;
            }
            sink::out("\n");
            let rows: Vec<Vec<String>> = r
                .jobs
                .iter()
                .map(|j| {
                    let mut row = vec![
                        j.agent.clone(),
                        j.task_type.clone(),
                        j.status.clone(),
                        match j.max_attempts {
                            0 => j.attempt.to_string(),
                            most => format!("{}/{most}", j.attempt),
                        },
                        j.error.clone(),
                    ];
                    if wide {
                        row.insert(4, words::when(&j.finished_at, true));
                        row.insert(0, j.id.clone());
                    }
                    row
                })
                .collect();
            let mut header = vec!["AGENT", "TASK", "STATUS", "ATTEMPT", "ERROR"];
            if wide {
                header.insert(4, "FINISHED");
                header.insert(0, "JOB");
            }
            output::print_table(&header, &rows);
        }
    }
    Ok(false)
}
