//! The reaper: a periodic sweep on every replica that requeues jobs whose lease expired (their agent
//! died or was cut off), gives up on jobs after their last attempt (`lost`) or past their deadline
//! (`failed`), ends the jobs that a launch gave an agent as it was being revoked (`lost`), ends
//! queued jobs that no agent took within their run's queue timeout (`unreachable`),
//! finishes the runs that this completes, marks silent agents offline, and rings the
//! doorbells of the agents connected here that have queued jobs (in case a notification was lost).
//! Replicas sweep side by side safely: each job is re-checked under its run's lock.

use tokio::sync::watch;

use crate::app::App;
use cyberbrain_model::runs::JobStatus;

/// Jobs handled per sweep transaction; a sweep repeats while batches come back full.
const BATCH: u32 = 500;

/// Sweeps every heartbeat interval until `shutdown` turns true.
pub async fn run(app: App, mut shutdown: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(app.settings.heartbeat_interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            () = cyberbrain_telemetry::shutdown::requested(&mut shutdown) => return,
        }
        if let Err(e) = sweep(&app).await {
            tracing::warn!(error = %e, "reaper sweep failed; retrying next interval");
        }
    }
}

/// One sweep: each step runs whatever the others did, so an error in one (logged) does not
/// skip marking agents offline or the wake-ups. Returns the first error, for the log line.
pub async fn sweep(app: &App) -> crate::error::Result<()> {
    let steps = [
        ("jobs of revoked agents", revoked_agents_jobs(app).await),
        ("expired jobs", expired_jobs(app).await),
        ("unreachable jobs", unreachable_jobs(app).await),
        ("runs left unfinished", runs_left_unfinished(app).await),
        ("silent agents", silent_agents(app).await),
        ("wake-ups", wake_ups(app).await),
    ];
    let mut first = None;
    for (step, result) in steps {
        if let Err(e) = result {
            tracing::warn!(step, error = %e, "reaper step failed; the other steps ran");
            first.get_or_insert(e);
        }
    }
    first.map_or(Ok(()), Err)
}

async fn revoked_agents_jobs(app: &App) -> crate::error::Result<()> {
    loop {
        let reaped = app.store.reap_jobs_of_revoked_agents(BATCH).await?;
        app.metrics.jobs_finished(JobStatus::Lost, reaped.lost);
        if reaped.ended > 0 {
            tracing::info!(
                ended = reaped.ended,
                "ended jobs of revoked agents launched as they were revoked"
            );
        }
        app.finish_runs_if_done(&reaped.runs_to_finish).await;
        if reaped.ended < BATCH as usize {
            return Ok(());
        }
    }
}

async fn expired_jobs(app: &App) -> crate::error::Result<()> {
    loop {
        let reaped = app.store.reap_expired_jobs(BATCH).await?;
        app.metrics.jobs_finished(JobStatus::Lost, reaped.lost);
        app.metrics
            .jobs_finished(JobStatus::Failed, reaped.ended - reaped.lost);
        if reaped.requeued + reaped.ended > 0 {
            tracing::info!(
                requeued = reaped.requeued,
                ended = reaped.ended,
                "reaped expired jobs"
            );
        }
        app.finish_runs_if_done(&reaped.runs_to_finish).await;
        if reaped.requeued + reaped.ended < BATCH as usize {
            return Ok(());
        }
    }
}

async fn unreachable_jobs(app: &App) -> crate::error::Result<()> {
    loop {
        let ended = app.reap_unreachable_jobs(BATCH).await?;
        if ended > 0 {
            tracing::info!(
                ended,
                "ended jobs that no agent took within their queue timeout (unreachable)"
            );
        }
        if ended < BATCH as usize {
            return Ok(());
        }
    }
}

/// The safety net for finishes that failed after their jobs' commit: one batch a sweep.
async fn runs_left_unfinished(app: &App) -> crate::error::Result<()> {
    let runs = app.store.runs_left_unfinished(BATCH).await?;
    if !runs.is_empty() {
        tracing::info!(
            runs = runs.len(),
            "finishing runs whose jobs have all ended"
        );
    }
    app.finish_runs_if_done(&runs).await;
    Ok(())
}

async fn silent_agents(app: &App) -> crate::error::Result<()> {
    let silent = app
        .store
        .mark_silent_agents_offline(app.settings.lease())
        .await?;
    if !silent.is_empty() {
        tracing::info!(agents = ?silent, "marked silent agents offline");
    }
    Ok(())
}

/// Notifications are the mechanism; this is the safety net, one query for the whole replica.
async fn wake_ups(app: &App) -> crate::error::Result<()> {
    let connected = app.connected.ids();
    if !connected.is_empty() {
        let waiting = app.store.agents_with_queued_jobs(&connected).await?;
        app.connected.wake(waiting);
    }
    Ok(())
}
