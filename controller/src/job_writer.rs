//! Job reports from every agent stream of this replica, written to the database in batches.
//!
//! Each stream hands its agent's reports (accepted, result) to the writer and waits for the
//! verdict before it acknowledges anything, so the exactly-once contract holds: a result is acked
//! only after its commit. Meanwhile the reports of other streams gather, and the next transaction
//! takes them all. Under load one commit carries hundreds of reports instead of one; when the
//! fleet is quiet a batch is a single report, written at once — nothing waits on a timer.
//!
//! A few writers work side by side so that one batch's commit overlaps the next batch's
//! statements. Two batches never hold the same job: a stream sends its next report only after the
//! verdict on the last one.

use std::collections::BTreeSet;
use std::sync::Arc;

use tokio::sync::{Mutex, mpsc, oneshot};
use uuid::Uuid;

use crate::api::agent_link::enforce_allowlist;
use crate::app::App;
use crate::store::{JobAccepted, JobOutcome, ResultOutcome};

/// Reports one transaction takes at the most.
const MAX_BATCH: usize = 512;
/// Batches written side by side.
const WRITERS: usize = 2;
/// Reports waiting for a writer at the most, before streams wait to hand theirs over.
const QUEUE: usize = 4096;

/// Why a report could not be written (the database failed): the stream closes and the agent,
/// which still holds the report, sends it again after it reconnects.
#[derive(Debug, Clone, thiserror::Error)]
#[error("could not store the report: {0}")]
pub struct WriteFailed(String);

enum Report {
    Accepted(JobAccepted, oneshot::Sender<Result<(), WriteFailed>>),
    Outcome(
        JobOutcome,
        oneshot::Sender<Result<ResultOutcome, WriteFailed>>,
    ),
}

/// The streams' side of the writer. Cheap to clone.
#[derive(Debug, Clone)]
pub struct JobWriter {
    sender: mpsc::Sender<Report>,
}

/// The writers' side: hand it to [`run`].
#[derive(Debug)]
pub struct JobWriterQueue {
    receiver: mpsc::Receiver<Report>,
}

impl std::fmt::Debug for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Report::Accepted(a, _) => write!(f, "Accepted({})", a.job_id),
            Report::Outcome(o, _) => write!(f, "Outcome({})", o.job_id),
        }
    }
}

/// A writer handle and the queue its writers drain.
pub fn channel() -> (JobWriter, JobWriterQueue) {
    let (sender, receiver) = mpsc::channel(QUEUE);
    (JobWriter { sender }, JobWriterQueue { receiver })
}

impl JobWriter {
    /// Records that the agent started a job; returns once it is committed.
    pub async fn accepted(&self, report: JobAccepted) -> Result<(), WriteFailed> {
        let (reply, verdict) = oneshot::channel();
        self.submit(Report::Accepted(report, reply)).await?;
        verdict.await.map_err(|_| gone())?
    }

    /// Stores a job's outcome; returns its verdict once it is committed (or refused).
    pub async fn outcome(&self, report: JobOutcome) -> Result<ResultOutcome, WriteFailed> {
        let (reply, verdict) = oneshot::channel();
        self.submit(Report::Outcome(report, reply)).await?;
        verdict.await.map_err(|_| gone())?
    }

    async fn submit(&self, report: Report) -> Result<(), WriteFailed> {
        self.sender.send(report).await.map_err(|_| gone())
    }
}

fn gone() -> WriteFailed {
    WriteFailed("the controller is shutting down".into())
}

/// Runs the writers until the replica shuts down; then refuses new reports (their streams close
/// and the agents send them again elsewhere) and writes the ones already queued.
pub async fn run(app: App, queue: JobWriterQueue) {
    let queue = Arc::new(Mutex::new(queue.receiver));
    let writers: Vec<_> = (0..WRITERS)
        .map(|_| tokio::spawn(write_batches(app.clone(), queue.clone())))
        .collect();
    for writer in writers {
        let _ = writer.await;
    }
}

async fn write_batches(app: App, queue: Arc<Mutex<mpsc::Receiver<Report>>>) {
    let mut shutdown = app.shutdown.clone();
    let mut batch = Vec::with_capacity(MAX_BATCH);
    loop {
        let stopping = {
            let mut queue = queue.lock().await;
            tokio::select! {
                received = queue.recv_many(&mut batch, MAX_BATCH) => {
                    if received == 0 {
                        return;
                    }
                    false
                }
                () = crate::app::until_shutdown(&mut shutdown) => {
                    queue.close();
                    true
                }
            }
        };
        if stopping {
            // Closed: what is still queued drains, then `recv_many` returns 0 and the loop ends.
            let mut queue = queue.lock().await;
            while queue.recv_many(&mut batch, MAX_BATCH).await > 0 {
                write(&app, std::mem::take(&mut batch)).await;
            }
            return;
        }
        write(&app, std::mem::take(&mut batch)).await;
    }
}

async fn write(app: &App, batch: Vec<Report>) {
    let mut accepted = Vec::new();
    let mut accepted_replies = Vec::new();
    let mut outcomes = Vec::new();
    let mut outcome_replies = Vec::new();
    for report in batch {
        match report {
            Report::Accepted(report, reply) => {
                accepted.push(report);
                accepted_replies.push(reply);
            }
            Report::Outcome(report, reply) => {
                outcomes.push(report);
                outcome_replies.push(reply);
            }
        }
    }
    let stored = app
        .store
        .record_job_updates(&accepted, outcomes, |job_id, result, allowlist| {
            let dropped = enforce_allowlist(result, allowlist);
            if dropped > 0 {
                tracing::warn!(job_id = %job_id, dropped,
                    "dropped containers outside the allowlist from a result");
            }
        })
        .await;
    match stored {
        Ok(verdicts) => {
            let mut runs = BTreeSet::new();
            for reply in accepted_replies {
                let _ = reply.send(Ok(()));
            }
            for (reply, verdict) in outcome_replies.into_iter().zip(verdicts) {
                if let ResultOutcome::Recorded { run_id } = &verdict {
                    runs.insert(*run_id);
                }
                let _ = reply.send(Ok(verdict));
            }
            // Each run with a new result may be done now: one check per run, not per result, off
            // this writer (a finish builds the report).
            for run_id in runs {
                finish_later(app, run_id);
            }
        }
        Err(e) => {
            tracing::error!(error = %e, "could not store a batch of job reports");
            let failed = WriteFailed(e.to_string());
            for reply in accepted_replies {
                let _ = reply.send(Err(failed.clone()));
            }
            for reply in outcome_replies {
                let _ = reply.send(Err(failed.clone()));
            }
        }
    }
}

fn finish_later(app: &App, run_id: Uuid) {
    let app = app.clone();
    tokio::spawn(async move {
        if let Err(e) = app.finish_run_if_done(run_id).await {
            tracing::error!(run_id = %run_id, error = %e, "could not finish run");
        }
    });
}
