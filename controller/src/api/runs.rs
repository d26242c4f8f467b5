//! `RunService`.

use std::pin::Pin;

use chrono::{DateTime, Utc};
use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::run_service_server::RunService;
use cyberbrain_tasks::wire::task_specs_from_wire;
use futures_util::Stream;
use tokio::sync::{broadcast, mpsc};
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status};
use uuid::Uuid;

use super::convert::{
    job_event_to_wire, run_status_from_wire, run_status_to_wire, run_to_wire,
    run_with_jobs_to_wire, selector_from_wire,
};
use super::{audit_entry, caller, page_size, paging, parse_id, queue_timeout_from_wire};
use crate::app::App;
use crate::error::Error;
use cyberbrain_model::directives::validate_name;
use cyberbrain_model::runs::{LaunchRequest, LaunchSource, RunChange, RunEvent, TokenIdentity};
use cyberbrain_store::{JobLabels, RunFilter};

/// Serves runs.
#[derive(Debug, Clone)]
pub struct RunApi {
    app: App,
}

impl RunApi {
    /// A handler over the shared state.
    pub fn new(app: App) -> Self {
        RunApi { app }
    }
}

fn encode_page_token(at: DateTime<Utc>, id: Uuid) -> String {
    paging::page_token(&format!("{}:{id}", at.timestamp_micros()))
}

/// The position a page token names, parsed strictly: `<micros>:<uuid>` exactly as issued.
fn decode_page_token(token: &str) -> Result<(DateTime<Utc>, Uuid), Status> {
    let invalid = || {
        Status::from(Error::invalid(
            "page_token",
            "not a token this server issued",
        ))
    };
    let text = paging::page_token_text(token)?;
    let (micros, id) = text.split_once(':').ok_or_else(invalid)?;
    let micros: i64 = micros.parse().map_err(|_| invalid())?;
    let at = DateTime::<Utc>::from_timestamp_micros(micros).ok_or_else(invalid)?;
    let id = Uuid::try_parse(id).map_err(|_| invalid())?;
    if encode_page_token(at, id) != token {
        return Err(invalid());
    }
    Ok((at, id))
}

type WatchStream = Pin<Box<dyn Stream<Item = Result<pb::RunEvent, Status>> + Send>>;

#[tonic::async_trait]
impl RunService for RunApi {
    async fn launch_run(
        &self,
        request: Request<pb::LaunchRunRequest>,
    ) -> Result<Response<pb::Run>, Status> {
        super::input::check(request.get_ref())?;
        use pb::launch_run_request::Source;
        let audit = audit_entry(&request, "run.launch")?;
        let caller = caller(&request)?;
        let token = TokenIdentity {
            name: caller.name,
            role: caller.role.as_str().to_string(),
        };
        let r = request.into_inner();
        let source = match r.source {
            Some(Source::DirectiveName(name)) => {
                validate_name(&name).map_err(|e| Error::invalid("directive_name", e.reason))?;
                LaunchSource::Directive {
                    name,
                    version: (r.directive_version > 0).then_some(r.directive_version),
                }
            }
            Some(Source::Tasks(list)) => LaunchSource::AdHoc(
                task_specs_from_wire(list.tasks).map_err(|e| Error::from(e.within("tasks")))?,
            ),
            None => {
                return Err(Status::from(Error::invalid(
                    "source",
                    "one of directive_name or tasks must be set",
                )));
            }
        };
        let queue_timeout = match r.queue_timeout_seconds {
            0 => None,
            n => Some(queue_timeout_from_wire(n, "queue_timeout_seconds")?),
        };
        let launch = LaunchRequest {
            source,
            target: selector_from_wire(r.target, "target")?,
            launched_by: r.launched_by,
            queue_timeout,
            require_online: r.require_online,
            schedule: None,
            delivery: None,
            acting_role: None,
        };
        if r.dry_run {
            let plan = self.app.plan_launch(launch).await?;
            return Ok(Response::new(plan_to_wire(
                &plan,
                &self.app.settings.job_defaults,
            )));
        }
        // In the call's span (`api::rpc_span`): a caller's `traceparent` puts the run in its trace.
        let launched = self.app.launch_run(launch, Some(token), &audit).await?;
        let mut run = run_with_jobs_to_wire(&launched.run);
        run.warnings = launched.warnings;
        Ok(Response::new(run))
    }

    async fn get_job_output(
        &self,
        request: Request<pb::GetJobOutputRequest>,
    ) -> Result<Response<pb::GetJobOutputResponse>, Status> {
        super::input::check(request.get_ref())?;
        let r = request.into_inner();
        let job_id = parse_id("job_id", &r.job_id)?;
        let pieces = self
            .app
            .store
            .job_output(job_id, r.after_sequence)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::GetJobOutputResponse {
            pieces: pieces
                .into_iter()
                .map(|(sequence, text)| pb::JobOutputPiece { sequence, text })
                .collect(),
        }))
    }

    async fn get_run(
        &self,
        request: Request<pb::GetRunRequest>,
    ) -> Result<Response<pb::Run>, Status> {
        super::input::check(request.get_ref())?;
        let id = parse_id("id", &request.into_inner().id)?;
        let run = self.app.store.get_run(id).await.map_err(Error::from)?;
        Ok(Response::new(run_with_jobs_to_wire(&run)))
    }

    async fn list_runs(
        &self,
        request: Request<pb::ListRunsRequest>,
    ) -> Result<Response<pb::ListRunsResponse>, Status> {
        super::input::check(request.get_ref())?;
        let r = request.into_inner();
        let statuses = r
            .status
            .iter()
            .enumerate()
            .map(|(i, s)| run_status_from_wire(*s, &format!("status[{i}]")))
            .collect::<Result<Vec<_>, _>>()?;
        let directive_name = if r.directive_name.is_empty() {
            None
        } else {
            validate_name(&r.directive_name).map_err(|_| {
                Status::from(Error::invalid(
                    "directive_name",
                    "not a valid directive name",
                ))
            })?;
            Some(r.directive_name)
        };
        let id_prefix = id_prefix(&r.id_prefix)?;
        let before = if r.page_token.is_empty() {
            None
        } else {
            Some(decode_page_token(&r.page_token)?)
        };
        let page = self
            .app
            .store
            .list_runs(&RunFilter {
                statuses,
                directive_name,
                before,
                id_prefix,
                agent_name: None,
                limit: page_size(r.page_size),
            })
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::ListRunsResponse {
            runs: page.runs.iter().map(|run| run_to_wire(run, &[])).collect(),
            next_page_token: page
                .next
                .map(|(at, id)| encode_page_token(at, id))
                .unwrap_or_default(),
        }))
    }

    async fn cancel_run(
        &self,
        request: Request<pb::CancelRunRequest>,
    ) -> Result<Response<pb::Run>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "run.cancel")?;
        let id = parse_id("id", &request.into_inner().id)?;
        self.app.cancel_run(id, &audit).await?;
        let run = self.app.store.get_run(id).await.map_err(Error::from)?;
        // Without its jobs: the answer's size does not depend on the run's (GetRun lists them).
        Ok(Response::new(run_to_wire(&run.run, &[])))
    }

    async fn get_run_report(
        &self,
        request: Request<pb::GetRunReportRequest>,
    ) -> Result<Response<pb::RunReport>, Status> {
        super::input::check(request.get_ref())?;
        let id = parse_id("run_id", &request.into_inner().run_id)?;
        let (markdown, json, partial) = self.app.run_report(id).await?;
        let json = cyberbrain_report::controls::json_text(&json)
            .map_err(|e| Status::from(Error::from(crate::error::unrenderable_report(e))))?;
        Ok(Response::new(pb::RunReport {
            run_id: id.to_string(),
            markdown,
            json,
            partial,
        }))
    }

    type WatchRunStream = WatchStream;

    async fn watch_run(
        &self,
        request: Request<pb::WatchRunRequest>,
    ) -> Result<Response<Self::WatchRunStream>, Status> {
        super::input::check(request.get_ref())?;
        let r = request.into_inner();
        let id = parse_id("run_id", &r.run_id)?;
        // Subscribe before the first read, so no change between the two is missed.
        let notices = self.app.events.subscribe();
        let start = if r.after_sequence == 0 {
            let (snapshot, seq) = self.app.store.run_snapshot(id).await.map_err(Error::from)?;
            let event = pb::RunEvent {
                event: Some(pb::run_event::Event::Run(run_with_jobs_to_wire(&snapshot))),
                sequence: seq,
            };
            WatchStart {
                snapshot: Some((event, snapshot.run.status.is_terminal())),
                after: seq,
                labels: JobLabels::from_run(&snapshot),
            }
        } else {
            // Fails with NotFound for an unknown run.
            self.app.store.run_status(id).await.map_err(Error::from)?;
            WatchStart {
                snapshot: None,
                after: r.after_sequence,
                labels: JobLabels::default(),
            }
        };
        let (sender, receiver) = mpsc::channel(64);
        let app = self.app.clone();
        tokio::spawn(async move {
            if let Err(status) = watch(app, id, start, notices, sender.clone()).await {
                let _ = sender.send(Err(status)).await;
            }
        });
        Ok(Response::new(Box::pin(ReceiverStream::new(receiver))))
    }
}

/// Where a watch begins: a snapshot (and whether the run had already ended), or a resume point.
struct WatchStart {
    snapshot: Option<(pb::RunEvent, bool)>,
    after: u64,
    /// Agent names and task types of the run's jobs known so far.
    labels: JobLabels,
}

/// Events read per query while catching up.
const EVENT_PAGE: u32 = 500;
/// Re-read this often even without a notice, in case one was lost.
const WATCH_SAFETY_POLL: std::time::Duration = std::time::Duration::from_secs(10);

/// Sends the snapshot (if any), then every event of the run's log after it, in order, until the
/// run's final event or until the client goes away.
async fn watch(
    app: App,
    run_id: Uuid,
    start: WatchStart,
    mut notices: broadcast::Receiver<Uuid>,
    sender: mpsc::Sender<Result<pb::RunEvent, Status>>,
) -> Result<(), Status> {
    if let Some((event, ended)) = start.snapshot
        && (sender.send(Ok(event)).await.is_err() || ended)
    {
        return Ok(());
    }
    let mut after = start.after;
    let mut labels = start.labels;
    let mut shutdown = app.shutdown.clone();
    loop {
        // Read before the events: a terminal status is committed with the run's last event, so if
        // it shows here, the page below holds everything that remains. A client resuming at or
        // past the end (even `u64::MAX`) is answered by ending the stream, not by silence.
        let ended_before = app
            .store
            .run_status(run_id)
            .await
            .map_err(Error::from)?
            .is_terminal();
        loop {
            let events = app
                .store
                .run_events_after(run_id, after, EVENT_PAGE, &mut labels)
                .await
                .map_err(Error::from)?;
            if events.is_empty() {
                if ended_before {
                    return Ok(());
                }
                break;
            }
            for event in events {
                after = event.seq;
                let ended = matches!(event.change, RunChange::Run(s) if s.is_terminal());
                let wire = event_to_wire(&app, run_id, event).await?;
                if sender.send(Ok(wire)).await.is_err() || ended {
                    return Ok(());
                }
            }
        }
        // Wait for a notice about this run (nil: any run), or the safety poll.
        let wait = async {
            loop {
                match notices.recv().await {
                    Ok(id) if id == run_id || id.is_nil() => return true,
                    Ok(_) => continue,
                    Err(broadcast::error::RecvError::Lagged(_)) => return true,
                    Err(broadcast::error::RecvError::Closed) => return false,
                }
            }
        };
        // On shutdown the run has not ended, so the stream must not end cleanly (a client would
        // take that for the run's end): UNAVAILABLE tells it to resume, here or on another
        // replica. Ending the stream also lets the graceful shutdown finish.
        tokio::select! {
            more = wait => if !more { return Err(Status::from(Error::ShuttingDown)) },
            () = cyberbrain_telemetry::shutdown::requested(&mut shutdown) => {
                return Err(Status::from(Error::ShuttingDown));
            }
            () = tokio::time::sleep(WATCH_SAFETY_POLL) => {}
            () = sender.closed() => return Ok(()),
        }
    }
}

async fn event_to_wire(app: &App, run_id: Uuid, event: RunEvent) -> Result<pb::RunEvent, Status> {
    use pb::run_event::Event;
    let wire = match event.change {
        RunChange::Run(status) => {
            // Jobs change through job events: after the snapshot, run events carry none.
            let mut run = run_to_wire(
                &app.store
                    .get_run_header(run_id)
                    .await
                    .map_err(Error::from)?,
                &[],
            );
            // The log is the truth for this event, even if the run has moved on since.
            run.status = run_status_to_wire(status) as i32;
            Event::Run(run)
        }
        RunChange::Job {
            job_id,
            agent_name,
            task_type,
            status,
            attempt,
            error,
        } => Event::Job(job_event_to_wire(
            run_id, job_id, agent_name, task_type, status, attempt, error,
        )),
    };
    Ok(pb::RunEvent {
        event: Some(wire),
        sequence: event.seq,
    })
}

/// A dry run's answer: the run without an id, one queued job per task and agent.
fn plan_to_wire(
    plan: &crate::launch_plan::LaunchPlan,
    defaults: &cyberbrain_store::JobDefaults,
) -> pb::Run {
    let resolved = &plan.resolved;
    let jobs = plan
        .agents
        .iter()
        .flat_map(|agent| {
            resolved.tasks.iter().map(move |task| pb::Job {
                agent_name: agent.clone(),
                task_type: task.spec.task_type().as_str().to_string(),
                status: pb::JobStatus::Queued as i32,
                max_attempts: task.limits.max_attempts.unwrap_or(defaults.max_attempts),
                ..Default::default()
            })
        })
        .collect();
    pb::Run {
        directive_name: resolved
            .directive
            .as_ref()
            .map(|(n, _)| n.clone())
            .unwrap_or_default(),
        directive_version: resolved.directive.as_ref().map_or(0, |(_, v)| *v),
        tasks: resolved.tasks.iter().map(pb::TaskSpec::from).collect(),
        target: Some(super::convert::selector_to_wire(&resolved.target)),
        queue_timeout_seconds: u32::try_from(resolved.queue_timeout.as_secs()).unwrap_or(u32::MAX),
        warnings: plan.warnings.clone(),
        status: pb::RunStatus::Pending as i32,
        jobs,
        ..Default::default()
    }
}

/// `ListRunsRequest.id_prefix`: empty for none, else up to 36 lowercase hex digits and dashes
/// (so it carries no LIKE wildcard into the store).
fn id_prefix(prefix: &str) -> Result<Option<String>, Status> {
    if prefix.is_empty() {
        return Ok(None);
    }
    let valid = prefix.len() <= 36
        && prefix
            .chars()
            .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c) || c == '-');
    if !valid {
        return Err(Status::from(Error::invalid(
            "id_prefix",
            "must be at most 36 characters of 0-9, a-f and '-'",
        )));
    }
    Ok(Some(prefix.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_tokens_round_trip_and_reject_garbage() {
        let at = DateTime::<Utc>::from_timestamp_micros(1_700_000_000_123_456).unwrap();
        let id = Uuid::new_v4();
        assert_eq!(
            decode_page_token(&encode_page_token(at, id)).unwrap(),
            (at, id)
        );
        assert!(decode_page_token("garbage!").is_err());
        assert!(decode_page_token(&paging::page_token("1:not-a-uuid")).is_err());
        // Parsed strictly: another spelling of the same position is not a token we issued.
        let padded = paging::page_token(&format!("+{}:{id}", at.timestamp_micros()));
        assert!(decode_page_token(&padded).is_err());
    }
}
