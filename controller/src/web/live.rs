//! `GET /runs/{id}/events`: a run's progress as server-sent events, read from its event log.
//!
//! Each event's `id` is its sequence number in the run's log, so a browser that reconnects sends
//! `Last-Event-ID` and gets exactly the events after it: no gap, no repeat, on any replica. A
//! page passes `?after=` (the sequence its snapshot was read at) for the first connection. After
//! the run's final event (or at once, when it has ended and nothing is left) comes `event: end`.
//!
//! A stream lives as long as its session: the session is read again at least every
//! [`SESSION_RECHECK`], and once it has ended (sign-out, its token revoked or expired) the stream
//! sends `event: signed-out` and closes. One session holds at most
//! [`super::MAX_STREAMS_PER_SESSION`] streams on a replica at once (a per-replica resource cap,
//! like the listener's connection cap).

use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

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
/// Read the session again at least this often.
const SESSION_RECHECK: Duration = Duration::from_secs(10);

/// The live streams each session holds on this replica.
#[derive(Debug, Clone, Default)]
pub struct StreamSlots {
    held: Arc<Mutex<HashMap<Uuid, usize>>>,
    max_per_session: usize,
}

impl StreamSlots {
    /// At most `max_per_session` streams per session.
    pub fn new(max_per_session: usize) -> StreamSlots {
        StreamSlots {
            held: Arc::default(),
            max_per_session,
        }
    }

    /// A slot for one more stream of `session`, or `None` when it holds the most already.
    pub fn take(&self, session: Uuid) -> Option<StreamSlot> {
        let mut held = self.held.lock().unwrap_or_else(|p| p.into_inner());
        let count = held.entry(session).or_insert(0);
        if *count >= self.max_per_session {
            return None;
        }
        *count += 1;
        Some(StreamSlot {
            slots: self.clone(),
            session,
        })
    }

    /// How many streams `session` holds now.
    pub fn held(&self, session: Uuid) -> usize {
        let held = self.held.lock().unwrap_or_else(|p| p.into_inner());
        held.get(&session).copied().unwrap_or(0)
    }
}

/// One stream's place; given back when dropped (the stream ended or the client left).
#[derive(Debug)]
pub struct StreamSlot {
    slots: StreamSlots,
    session: Uuid,
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let mut held = self.slots.held.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(count) = held.get_mut(&self.session) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                held.remove(&self.session);
            }
        }
    }
}

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
    let Some(slot) = state.streams.take(signed.session_id) else {
        return render::error_page(
            StatusCode::TOO_MANY_REQUESTS,
            "Too many live pages",
            &format!(
                "This session follows {} runs live already; close a page and reload this one.",
                super::MAX_STREAMS_PER_SESSION
            ),
        );
    };
    // Subscribe before the first read, so no change between the two is missed.
    let notices = state.app.events.subscribe();
    if let Err(e) = state.app.store.run_status(run_id).await {
        return render::store_error(e);
    }
    let (sender, receiver) = mpsc::channel::<Result<Bytes, Infallible>>(16);
    let stream = Stream {
        app: state.app.clone(),
        run_id,
        session_id: signed.session_id,
        _slot: slot,
    };
    tokio::spawn(stream.send_events(after, notices, sender));
    (
        [
            (CONTENT_TYPE, "text/event-stream"),
            (CACHE_CONTROL, "no-store"),
        ],
        Body::from_stream(ReceiverStream::new(receiver)),
    )
        .into_response()
}

/// One live stream: its run, its session, and its slot (held until the stream ends).
struct Stream {
    app: App,
    run_id: Uuid,
    session_id: Uuid,
    _slot: StreamSlot,
}

impl Stream {
    /// Whether the session behind the stream is still open; a database error counts as ended
    /// (the browser reconnects, and its next request decides).
    async fn session_open(&self) -> bool {
        match self.app.store.web_session_active(self.session_id).await {
            Ok(open) => open,
            Err(e) => {
                tracing::debug!(run_id = %self.run_id, error = %e, "live run events stopped");
                false
            }
        }
    }

    /// Sends every event after `after` until the run's final one, the client leaving, the
    /// session ending, or shutdown.
    async fn send_events(
        self,
        mut after: u64,
        mut notices: broadcast::Receiver<Uuid>,
        sender: mpsc::Sender<Result<Bytes, Infallible>>,
    ) {
        let (app, run_id) = (&self.app, self.run_id);
        let mut labels = JobLabels::default();
        let mut shutdown = app.shutdown.clone();
        let mut session_checked = Instant::now();
        // Tell the browser to wait a little before reconnecting after a drop.
        if sender
            .send(Ok(Bytes::from_static(b"retry: 2000\n\n")))
            .await
            .is_err()
        {
            return;
        }
        loop {
            if session_checked.elapsed() >= SESSION_RECHECK {
                if !self.session_open().await {
                    let _ = sender.send(Ok(signed_out_event())).await;
                    return;
                }
                session_checked = Instant::now();
            }
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

/// The last event of a stream whose session has ended: the page stops following and says so.
fn signed_out_event() -> Bytes {
    Bytes::from_static(b"event: signed-out\ndata: {}\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use cyberbrain_model::runs::JobStatus;

    #[test]
    fn a_session_holds_a_bounded_number_of_streams() {
        let slots = StreamSlots::new(2);
        let (one, two) = (Uuid::new_v4(), Uuid::new_v4());
        let first = slots.take(one).expect("a slot");
        let second = slots.take(one).expect("a slot");
        assert!(slots.take(one).is_none(), "the third is refused");
        assert!(slots.take(two).is_some(), "another session has its own");
        drop(first);
        assert_eq!(slots.held(one), 1);
        let third = slots.take(one).expect("a slot once one is given back");
        drop((second, third));
        assert_eq!(slots.held(one), 0);
        assert!(slots.held.lock().unwrap().is_empty(), "nothing kept");
    }

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
