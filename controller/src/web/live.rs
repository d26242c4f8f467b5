//! `GET /runs/{id}/events`: a run's progress as server-sent events, read from its event log.
//!
//! Each event's `id` is its sequence number in the run's log, so a browser that reconnects sends
//! `Last-Event-ID` and gets exactly the events after it: no gap, no repeat, on any replica. A
//! page passes `?after=` (the sequence its snapshot was read at) for the first connection. After
//! the run's final event (or at once, when it has ended and nothing is left) comes `event: end`.

use std::convert::Infallible;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use tokio::sync::{broadcast, mpsc};
use tokio_stream::wrappers::ReceiverStream;
use uuid::Uuid;

use super::Shared;
use super::render;
use super::session::Signed;
use crate::app::App;
use cyberbrain_model::runs::{RunChange, RunEvent};
use cyberbrain_store::JobLabels;

/// Events read per query while catching up.
const EVENT_PAGE: u32 = 500;
/// Re-read this often without a notice, in case one was lost; also a keep-alive comment.
const SAFETY_POLL: Duration = Duration::from_secs(10);

/// Where to resume.
#[derive(Debug, serde::Deserialize)]
pub struct After {
    after: Option<u64>,
}

/// The event stream of run `id`.
pub async fn events(
    state: Shared,
    signed: Signed,
    Path(id): Path<String>,
    Query(query): Query<After>,
    headers: HeaderMap,
) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.RunService/WatchRun") {
        return refused;
    }
    let Ok(run_id) = Uuid::try_parse(&id) else {
        return render::error_page(
            StatusCode::BAD_REQUEST,
            "Bad request",
            "The run id is not a UUID.",
        );
    };
    let last_event_id = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let after = last_event_id.or(query.after).unwrap_or(0);
    // Subscribe before the first read, so no change between the two is missed.
    let notices = state.app.events.subscribe();
    if let Err(e) = state.app.store.run_status(run_id).await {
        return render::store_error(e);
    }
    let (sender, receiver) = mpsc::channel::<Result<Bytes, Infallible>>(16);
    tokio::spawn(stream_events(
        state.app.clone(),
        run_id,
        after,
        notices,
        sender,
    ));
    (
        [
            (CONTENT_TYPE, "text/event-stream"),
            (CACHE_CONTROL, "no-store"),
        ],
        Body::from_stream(ReceiverStream::new(receiver)),
    )
        .into_response()
}

/// Sends every event after `after` until the run's final one, the client leaving, or shutdown.
async fn stream_events(
    app: App,
    run_id: Uuid,
    mut after: u64,
    mut notices: broadcast::Receiver<Uuid>,
    sender: mpsc::Sender<Result<Bytes, Infallible>>,
) {
    let mut labels = JobLabels::default();
    let mut shutdown = app.shutdown.clone();
    // Tell the browser to wait a little before reconnecting after a drop.
    if sender
        .send(Ok(Bytes::from_static(b"retry: 2000\n\n")))
        .await
        .is_err()
    {
        return;
    }
    loop {
        // A terminal status is committed with the run's last event: if it shows here, the pages
        // read below hold everything that remains.
        let ended_before = match app.store.run_status(run_id).await {
            Ok(status) => status.is_terminal(),
            Err(e) => {
                tracing::debug!(%run_id, error = %e, "live run events stopped");
                return;
            }
        };
        loop {
            let events = match app
                .store
                .run_events_after(run_id, after, EVENT_PAGE, &mut labels)
                .await
            {
                Ok(events) => events,
                Err(e) => {
                    tracing::debug!(%run_id, error = %e, "live run events stopped");
                    return;
                }
            };
            if events.is_empty() {
                if ended_before {
                    let _ = sender.send(Ok(end_event())).await;
                    return;
                }
                break;
            }
            for event in events {
                after = event.seq;
                let ended = matches!(event.change, RunChange::Run(s) if s.is_terminal());
                if sender.send(Ok(encode(&event))).await.is_err() {
                    return;
                }
                if ended {
                    let _ = sender.send(Ok(end_event())).await;
                    return;
                }
            }
        }
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
        tokio::select! {
            more = wait => if !more { return },
            () = cyberbrain_telemetry::shutdown::requested(&mut shutdown) => return,
            () = tokio::time::sleep(SAFETY_POLL) => {
                if sender.send(Ok(Bytes::from_static(b": keep-alive\n\n"))).await.is_err() {
                    return;
                }
            }
            () = sender.closed() => return,
        }
    }
}

/// One event in the `text/event-stream` format. The data is one line of JSON (serde escapes the
/// line breaks of any text), so nothing in an error message can end the event early.
fn encode(event: &RunEvent) -> Bytes {
    let (kind, data) = match &event.change {
        RunChange::Run(status) => (
            "run",
            serde_json::json!({"seq": event.seq, "kind": "run", "status": status.as_str()}),
        ),
        RunChange::Job {
            job_id,
            agent_name,
            task_type,
            status,
            attempt,
            error,
        } => (
            "job",
            serde_json::json!({
                "seq": event.seq, "kind": "job", "job_id": job_id, "agent": agent_name,
                "task": task_type, "status": status.as_str(), "attempt": attempt, "error": error,
            }),
        ),
    };
    Bytes::from(format!(
        "id: {}\nevent: {kind}\ndata: {data}\n\n",
        event.seq
    ))
}

fn end_event() -> Bytes {
    Bytes::from_static(b"event: end\ndata: {}\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use cyberbrain_model::runs::JobStatus;

    #[test]
    fn an_event_is_one_frame_whatever_its_text() {
        let event = RunEvent {
            seq: 7,
            change: RunChange::Job {
                job_id: Uuid::nil(),
                agent_name: "a".into(),
                task_type: "log_triage".into(),
                status: JobStatus::Failed,
                attempt: 1,
                error: Some("line one\n\ndata: forged\r\n<script>".into()),
            },
        };
        let text = String::from_utf8(encode(&event).to_vec()).expect("utf-8");
        assert!(text.starts_with("id: 7\nevent: job\ndata: {"), "{text}");
        assert_eq!(text.matches("\n\n").count(), 1, "{text}");
        assert!(text.ends_with("}\n\n"));
    }
}
