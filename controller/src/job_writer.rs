//! Job reports from every agent stream of this replica, written to the database in batches
//! (see `batching`).
//!
//! Each stream hands its agent's reports (accepted, result) to the writer and waits for the
//! verdict before it acknowledges anything, so the exactly-once contract holds: a result is acked
//! only after its commit. Meanwhile the reports of other streams gather, and the next transaction
//! takes them all: under load one commit carries hundreds of reports instead of one.
//!
//! Two writers work side by side so that one batch's commit overlaps the next batch's statements.
//! Two batches never hold the same job: a stream sends its next report only after the verdict on
//! the last one.

use std::collections::BTreeMap;

use tracing::Instrument;

use uuid::Uuid;

use crate::app::App;
use crate::batching::{self, Pending, Submitter};
use cyberbrain_store::{JobAccepted, JobOutcome, ResultOutcome};
use cyberbrain_tasks::enforce_allowlist;

/// Reports one transaction takes at the most.
const MAX_BATCH: usize = 512;
/// Batches written side by side.
const WRITERS: usize = 2;
/// Reports waiting for a writer at the most, before streams wait to hand theirs over.
const QUEUE: usize = 4096;

/// Why a report could not be written: the stream closes and the agent, which still holds the
/// report, sends it again after it reconnects.
#[derive(Debug, Clone, thiserror::Error)]
pub enum WriteFailed {
    /// The replica is shutting down; the agent goes to another.
    #[error("the controller is shutting down")]
    ShuttingDown,
    /// The batch's transaction failed (the text is the database's: logged, never sent).
    #[error("could not store the report: {0}")]
    Store(String),
}

impl From<WriteFailed> for crate::error::Error {
    fn from(failed: WriteFailed) -> Self {
        match failed {
            WriteFailed::ShuttingDown => crate::error::Error::ShuttingDown,
            WriteFailed::Store(reason) => crate::error::Error::unavailable(reason),
        }
    }
}

/// A report from an agent.
#[derive(Debug)]
pub enum Report {
    /// It started a job.
    Accepted(JobAccepted),
    /// A job ended; the span is the submitter's (the result's), under which the run's finish
    /// check runs, so that it stays in the run's trace.
    Outcome(JobOutcome, tracing::Span),
}

/// The verdict on a report: `None` for an acceptance, the outcome's fate for an outcome.
type Verdict = Result<Option<ResultOutcome>, WriteFailed>;

/// The streams' side of the writer. Cheap to clone.
#[derive(Debug, Clone)]
pub struct JobWriter {
    submitter: Submitter<Report, Verdict>,
}

/// The writers' side: hand it to [`run`].
pub type JobWriterQueue = batching::Queue<Report, Verdict>;

/// A writer handle and the queue its writers drain.
pub fn channel() -> (JobWriter, JobWriterQueue) {
    let (submitter, queue) = batching::channel(QUEUE);
    (JobWriter { submitter }, queue)
}

impl JobWriter {
    /// Queues the news that the agent started a job, without waiting for its commit: nothing is
    /// acknowledged for it, and the stream goes on to the job's result, which often lands in the
    /// same batch (see `Store::record_job_updates`).
    pub async fn accepted(&self, report: JobAccepted) -> Result<(), WriteFailed> {
        self.submitter
            .submit(Report::Accepted(report))
            .await
            .map_err(|_| WriteFailed::ShuttingDown)
    }

    /// Stores a job's outcome; returns its verdict once it is committed (or refused).
    pub async fn outcome(&self, report: JobOutcome) -> Result<ResultOutcome, WriteFailed> {
        self.call(Report::Outcome(report, tracing::Span::current()))
            .await?
            .ok_or_else(|| WriteFailed::Store("no verdict".into()))
    }

    async fn call(&self, report: Report) -> Verdict {
        self.submitter
            .call(report)
            .await
            .map_err(|_| WriteFailed::ShuttingDown)?
    }
}

/// Runs the writers until the replica shuts down; then refuses new reports (their streams close
/// and the agents send them again elsewhere) and writes the ones already queued.
pub async fn run(app: App, queue: JobWriterQueue) {
    let shutdown = app.shutdown.clone();
    batching::serve(queue, WRITERS, MAX_BATCH, shutdown, move |batch| {
        let app = app.clone();
        async move { write(&app, batch).await }
    })
    .await;
}

async fn write(app: &App, batch: Vec<Pending<Report, Verdict>>) {
    let mut accepted = Vec::new();
    let mut outcomes = Vec::new();
    let mut accepted_replies = Vec::new();
    let mut outcome_replies = Vec::new();
    let mut outcome_spans = Vec::new();
    for Pending { request, reply } in batch {
        match request {
            Report::Accepted(report) => {
                accepted.push(report);
                accepted_replies.push(reply);
            }
            Report::Outcome(report, span) => {
                outcomes.push(report);
                outcome_replies.push(reply);
                outcome_spans.push(span);
            }
        }
    }
    let stored = store_with_retries(app, &accepted, outcomes).await;
    match stored {
        Ok(verdicts) => {
            for reply in accepted_replies {
                let _ = reply.send(Ok(None));
            }
            let mut runs = BTreeMap::new();
            for ((reply, verdict), span) in
                outcome_replies.into_iter().zip(verdicts).zip(outcome_spans)
            {
                if let ResultOutcome::Recorded { run_id } = &verdict {
                    runs.insert(*run_id, span);
                }
                let _ = reply.send(Ok(Some(verdict)));
            }
            // Each run with a new result may be done now: one check per run, not per result, off
            // this writer (a finish builds the report), under one of its results' spans.
            for (run_id, span) in runs {
                finish_later(app, run_id, span);
            }
        }
        Err(e) => {
            tracing::error!(error = %e, "could not store a batch of job reports");
            let failed = WriteFailed::Store(e.to_string());
            for reply in accepted_replies.into_iter().chain(outcome_replies) {
                let _ = reply.send(Err(failed.clone()));
            }
        }
    }
}

/// Times a batch is tried when it loses a deadlock or a serialization conflict to another
/// transaction; other errors fail it at once.
const ATTEMPTS: u32 = 3;

/// Stores a batch, trying again when the database chose it as a deadlock's victim: the agents'
/// streams close only when the database is really failing.
async fn store_with_retries(
    app: &App,
    accepted: &[cyberbrain_store::JobAccepted],
    outcomes: Vec<cyberbrain_store::JobOutcome>,
) -> crate::error::Result<Vec<ResultOutcome>> {
    let mut attempt = 1;
    loop {
        let stored = app
            .store
            .record_job_updates(accepted, outcomes.clone(), |job_id, result, allowlist| {
                let dropped = enforce_allowlist(result, allowlist);
                if dropped > 0 {
                    tracing::warn!(job_id = %job_id, dropped,
                        "dropped containers outside the allowlist from a result");
                }
            })
            .await;
        match stored {
            Err(e) if e.is_transient_conflict() && attempt < ATTEMPTS => {
                tracing::warn!(error = %e, attempt, "a batch of job reports lost a conflict; trying again");
                attempt += 1;
            }
            other => return Ok(other?),
        }
    }
}

fn finish_later(app: &App, run_id: Uuid, span: tracing::Span) {
    let app = app.clone();
    tokio::spawn(
        async move {
            if let Err(e) = app.finish_run_if_done(run_id).await {
                tracing::error!(run_id = %run_id, error = %e, "could not finish run");
            }
        }
        .instrument(span),
    );
}
