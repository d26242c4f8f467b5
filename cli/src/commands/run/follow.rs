//! Following a run: `run watch`, `run wait` and `run launch --watch`.
//!
//! For people, each job change is a line on stderr with its time, a terminal gets a live summary
//! line (done, running, queued and failed jobs, elapsed time), and the end is a per-status
//! summary. With `-o json`, each event is one JSON object a line on stdout. The exit code says how
//! it ended: 0 succeeded, 3 ended otherwise, 4 `--timeout` passed first.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::run_service_client::RunServiceClient;
use serde::Serialize;

use crate::client::Api;
use crate::exit;
use crate::output::{self, JobView, RunView, sink, words};

/// How to follow.
pub struct Follow {
    /// Print each event (watch) or only the outcome (wait).
    pub events: bool,
    /// JSON lines on stdout instead of lines for people.
    pub json: bool,
    /// Give up after this long, with exit code 4.
    pub timeout: Option<Duration>,
}

/// How long `watch` keeps trying to get the stream back after the controller went away.
const RECONNECT_FOR: Duration = Duration::from_secs(300);

/// One line of `-o json` output.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum JsonLine<'a> {
    Run {
        at: chrono::DateTime<chrono::Utc>,
        sequence: u64,
        run: &'a RunView,
    },
    Job {
        at: chrono::DateTime<chrono::Utc>,
        sequence: u64,
        job: &'a JobView,
    },
    End {
        at: chrono::DateTime<chrono::Utc>,
        run_id: &'a str,
        status: &'a str,
        timed_out: bool,
        elapsed_seconds: u64,
        jobs: &'a BTreeMap<String, usize>,
    },
}

/// Writes one JSON line on stdout.
pub fn json_line<T: Serialize>(value: &T) -> anyhow::Result<()> {
    sink::out_exact(&format!("{}\n", serde_json::to_string(value)?));
    Ok(())
}

/// What the follower knows of the run.
struct State {
    status: i32,
    jobs: BTreeMap<String, i32>,
    started: Instant,
    live: bool,
}

impl State {
    fn counts(&self) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for status in self.jobs.values() {
            *counts.entry(output::job_status(*status)).or_insert(0) += 1;
        }
        counts
    }

    /// `3/9 done, 2 running, 4 queued, 1 failed, 0:42`.
    fn summary(&self) -> String {
        use pb::JobStatus as J;
        let mut done = 0;
        let (mut running, mut queued, mut failed) = (0, 0, 0);
        for status in self.jobs.values() {
            match J::try_from(*status) {
                Ok(J::Queued | J::Unspecified) => queued += 1,
                Ok(J::Dispatched | J::Running) => running += 1,
                Ok(J::Succeeded) => done += 1,
                // Failed, cancelled, lost, and statuses newer than this client: ended, not well.
                _ => {
                    done += 1;
                    failed += 1;
                }
            }
        }
        format!(
            "{done}/{} done, {running} running, {queued} queued, {failed} failed, {}",
            self.jobs.len(),
            words::clock(self.started.elapsed().as_secs())
        )
    }

    fn show_live(&self) {
        if self.live {
            sink::live(&self.summary());
        }
    }
}

/// Follows run `id` until it ends or the timeout passes. When the stream breaks (a controller
/// restart, a load balancer moving us), it resumes after the last event received, so nothing is
/// lost or printed twice.
pub async fn follow(
    client: &mut RunServiceClient<Api>,
    id: String,
    how: Follow,
) -> anyhow::Result<ExitCode> {
    let mut state = State {
        status: pb::RunStatus::Unspecified as i32,
        jobs: BTreeMap::new(),
        started: Instant::now(),
        live: !how.json && std::io::stderr().is_terminal(),
    };
    let deadline = how.timeout.map(|t| tokio::time::Instant::now() + t);
    let stream = stream_events(client, &id, &how, &mut state);
    let timed_out = match deadline {
        Some(deadline) => match tokio::time::timeout_at(deadline, stream).await {
            Ok(result) => {
                result?;
                false
            }
            Err(_) => true,
        },
        None => {
            stream.await?;
            false
        }
    };
    finish(&id, &how, &state, timed_out)
}

async fn stream_events(
    client: &mut RunServiceClient<Api>,
    id: &str,
    how: &Follow,
    state: &mut State,
) -> anyhow::Result<()> {
    use pb::run_event::Event;
    let mut after_sequence = 0;
    let mut broken_since: Option<Instant> = None;
    let mut pause = Duration::from_millis(200);
    let mut ticker = tokio::time::interval(Duration::from_secs(1));
    loop {
        let request = pb::WatchRunRequest {
            run_id: id.to_string(),
            after_sequence,
        };
        let outcome = match client.watch_run(request).await {
            Ok(response) => {
                let mut stream = response.into_inner();
                loop {
                    let message = tokio::select! {
                        message = stream.message() => message,
                        _ = ticker.tick() => {
                            state.show_live();
                            continue;
                        }
                    };
                    match message {
                        Ok(Some(event)) => {
                            broken_since = None;
                            pause = Duration::from_millis(200);
                            after_sequence = event.sequence;
                            let at = chrono::Utc::now();
                            match event.event {
                                Some(Event::Run(run)) => {
                                    let first = state.status == pb::RunStatus::Unspecified as i32;
                                    for job in &run.jobs {
                                        state.jobs.insert(job.id.clone(), job.status);
                                    }
                                    state.status = run.status;
                                    if how.json && how.events {
                                        json_line(&JsonLine::Run {
                                            at,
                                            sequence: event.sequence,
                                            run: &RunView::from(&run),
                                        })?;
                                    } else if how.events && first {
                                        for job in &run.jobs {
                                            job_line(at, &JobView::from(job));
                                        }
                                    }
                                }
                                Some(Event::Job(job)) => {
                                    state.jobs.insert(job.id.clone(), job.status);
                                    let view = JobView::from(&job);
                                    if how.json && how.events {
                                        json_line(&JsonLine::Job {
                                            at,
                                            sequence: event.sequence,
                                            job: &view,
                                        })?;
                                    } else if how.events {
                                        job_line(at, &view);
                                    }
                                }
                                None => {}
                            }
                            state.show_live();
                        }
                        Ok(None) => break Ok(()),
                        Err(status) => break Err(status),
                    }
                }
            }
            Err(status) => Err(status),
        };
        // A stream that ends cleanly before the run's final status (a controller shutting down
        // without saying so, a proxy closing it) is resumed like a broken one.
        let outcome = match outcome {
            Ok(()) if !is_terminal(state.status) => Err(tonic::Status::unavailable(
                "the stream ended before the run did",
            )),
            other => other,
        };
        match outcome {
            Ok(()) => return Ok(()),
            Err(status) if is_transient(&status) => {
                let since = *broken_since.get_or_insert_with(Instant::now);
                if since.elapsed() > RECONNECT_FOR {
                    return Err(status.into());
                }
                if !how.json {
                    sink::note(&format!(
                        "(stream interrupted: {}; resuming)",
                        status.message()
                    ));
                }
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(5));
            }
            Err(status) => return Err(status.into()),
        }
    }
}

/// The summary and the exit code.
fn finish(id: &str, how: &Follow, state: &State, timed_out: bool) -> anyhow::Result<ExitCode> {
    let status = output::run_status(state.status);
    let elapsed = state.started.elapsed().as_secs();
    let counts = state.counts();
    if how.json {
        json_line(&JsonLine::End {
            at: chrono::Utc::now(),
            run_id: id,
            status: &status,
            timed_out,
            elapsed_seconds: elapsed,
            jobs: &counts,
        })?;
    } else {
        if state.live {
            sink::live("");
        }
        let per_status = counts
            .iter()
            .map(|(s, n)| format!("{n} {s}"))
            .collect::<Vec<_>>()
            .join(", ");
        let jobs = words::count(state.jobs.len(), "job");
        let took = words::clock(elapsed);
        if timed_out {
            sink::note(&format!(
                "timed out after {took}: run {id} is still {status} ({jobs}: {per_status})"
            ));
        } else {
            sink::note(&format!(
                "run {id} {status} after {took} ({jobs}: {per_status})"
            ));
        }
    }
    Ok(ExitCode::from(if timed_out {
        exit::TIMEOUT
    } else if state.status == pb::RunStatus::Succeeded as i32 {
        exit::OK
    } else {
        exit::RUN_NOT_SUCCEEDED
    }))
}

/// Whether a run status (as on the wire) is final. Statuses newer than this client count as
/// final, as the summary does.
fn is_terminal(status: i32) -> bool {
    !matches!(
        pb::RunStatus::try_from(status),
        Ok(pb::RunStatus::Unspecified | pb::RunStatus::Pending | pb::RunStatus::Running)
    )
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

fn job_line(at: chrono::DateTime<chrono::Utc>, job: &JobView) {
    let error = if job.error.is_empty() {
        String::new()
    } else {
        format!("  {}", job.error)
    };
    sink::note(&format!(
        "{}  {:<20} {:<12} {}{}",
        at.with_timezone(&chrono::Local).format("%H:%M:%S"),
        job.agent,
        job.task_type,
        job.status,
        error
    ));
}
