//! Claims of queued jobs for every agent stream of this replica, made in batches (see
//! `batching`): when a launch rings a thousand doorbells at once, one transaction claims the jobs
//! of all thousand agents, with one read of the allowlist, instead of a thousand transactions.
//!
//! A stream asks only for itself and waits for the answer before it asks again, so two batches
//! never hold the same agent; the claim's `status = 'queued'` check fences the rare overlap of an
//! agent's old and new connection (on another replica, say).

use std::sync::Arc;

use crate::app::App;
use crate::batching::{self, Pending, Submitter};
use cyberbrain_store::ClaimRequest;

use crate::connected::Claimed;

/// Agents one transaction claims for at the most.
const MAX_BATCH: usize = 512;
/// Batches claimed side by side.
const CLAIMERS: usize = 2;
/// Requests waiting at the most, before streams wait to hand theirs over.
const QUEUE: usize = 4096;

type Answer = Result<Claimed, String>;

/// The streams' side of the dispatcher. Cheap to clone.
#[derive(Debug, Clone)]
pub struct Dispatcher {
    submitter: Submitter<ClaimRequest, Answer>,
}

/// The claimers' side: hand it to [`run`].
pub type DispatcherQueue = batching::Queue<ClaimRequest, Answer>;

/// A dispatcher handle and the queue its claimers drain.
pub fn channel() -> (Dispatcher, DispatcherQueue) {
    let (submitter, queue) = batching::channel(QUEUE);
    (Dispatcher { submitter }, queue)
}

impl Dispatcher {
    /// Claims up to `request.limit` of the agent's queued jobs; returns them once committed.
    pub async fn claim(&self, request: ClaimRequest) -> crate::error::Result<Claimed> {
        let answer = self
            .submitter
            .call(request)
            .await
            .map_err(|_| crate::error::Error::ShuttingDown)?;
        answer.map_err(crate::error::Error::unavailable)
    }
}

/// Runs the claimers until the replica shuts down.
pub async fn run(app: App, queue: DispatcherQueue) {
    let shutdown = app.shutdown.clone();
    batching::serve(queue, CLAIMERS, MAX_BATCH, shutdown, move |batch| {
        let app = app.clone();
        async move { claim(&app, batch).await }
    })
    .await;
}

async fn claim(app: &App, batch: Vec<Pending<ClaimRequest, Answer>>) {
    let (requests, replies): (Vec<_>, Vec<_>) =
        batch.into_iter().map(|p| (p.request, p.reply)).unzip();
    let claimed: crate::error::Result<_> = async {
        let allowlist = Arc::new(app.current_allowlist().await?);
        let settings = &app.settings;
        let jobs = app
            .store
            .claim_queued_jobs(
                &requests,
                settings.lease(),
                settings.job_defaults.deadline,
                &allowlist,
            )
            .await?;
        Ok((jobs, allowlist))
    }
    .await;
    match claimed {
        Ok((jobs, allowlist)) => {
            for (reply, jobs) in replies.into_iter().zip(jobs) {
                let allowlist = allowlist.clone();
                let _ = reply.send(Ok(Claimed { jobs, allowlist }));
            }
        }
        Err(e) => {
            let reason = e.to_string();
            for reply in replies {
                let _ = reply.send(Err(reason.clone()));
            }
        }
    }
}
