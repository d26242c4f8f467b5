//! The scheduler: on every replica, a loop that looks for due schedules and fires them.
//!
//! Every replica may fire the same fire time; the store makes the second one a no-op (the fire
//! row keyed by (schedule, time) is inserted in the run's own transaction), so there is one run
//! per fire time whatever the number of replicas, and no lock is held in memory. Time comes from
//! the database's clock ([`Clock::Database`]), so replicas with skewed clocks agree; tests
//! inject a [`Clock::Manual`].
//!
//! For a due schedule a tick decides the **latest** fire time at or before now (catch-up after
//! downtime is one run, never a flood; the earlier times count as skipped `missed`), skips it when
//! it is older than the starting deadline (`deadline`), applies the concurrency policy (`forbid`
//! skips while a run of the schedule is unfinished, `replace` cancels such runs first), launches,
//! and moves the schedule's next fire time forward.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use tokio::sync::watch;

use crate::app::App;
use crate::error::{Error, Result};
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::runs::{LaunchRequest, LaunchSource};
use cyberbrain_model::schedules::{
    Concurrency, CronSchedule, Schedule, ScheduledFire, SkipReason, origin_of,
};
use cyberbrain_store::{Error as StoreError, FireRefused};

/// Schedules handled per batch; a tick takes further batches while they come back full, up to
/// [`MAX_BATCHES`] (the next tick goes on, so schedules that keep failing cannot hold it).
const BATCH: u32 = 200;
/// Batches per tick at the most.
const MAX_BATCHES: usize = 10;

/// Fire times walked forward to find the latest due one before searching backwards.
const WALK_LIMIT: u32 = 10_000;

/// A schedule whose next fire time passed this long ago is overdue (the metric and alert).
const OVERDUE_GRACE: Duration = Duration::from_secs(120);

/// Where the scheduler reads the time.
#[derive(Debug, Clone)]
pub enum Clock {
    /// `now()` in the database: one clock for every replica.
    Database,
    /// A time the caller sets (tests).
    Manual(Arc<Mutex<DateTime<Utc>>>),
}

impl Clock {
    /// A manual clock showing `at`.
    pub fn manual(at: DateTime<Utc>) -> Clock {
        Clock::Manual(Arc::new(Mutex::new(at)))
    }

    /// Sets a manual clock (no effect on the database clock).
    pub fn set(&self, at: DateTime<Utc>) {
        if let Clock::Manual(time) = self {
            match time.lock() {
                Ok(mut t) => *t = at,
                Err(poisoned) => *poisoned.into_inner() = at,
            }
        }
    }

    /// The time now.
    pub async fn now(&self, app: &App) -> Result<DateTime<Utc>> {
        match self {
            Clock::Database => Ok(app.store.database_now().await?),
            Clock::Manual(time) => Ok(match time.lock() {
                Ok(t) => *t,
                Err(poisoned) => *poisoned.into_inner(),
            }),
        }
    }
}

/// A stored schedule's cron pattern in its zone. Both were checked when it was created, so a
/// failure is a corrupt row.
pub fn stored_cron(schedule: &Schedule) -> Result<CronSchedule> {
    CronSchedule::parse(&schedule.cron, &schedule.time_zone).map_err(|e| {
        StoreError::Corrupt {
            what: "schedule cron pattern",
            reason: e.to_string(),
        }
        .into()
    })
}

/// What one tick did on this replica.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TickReport {
    /// Fire times that launched a run here.
    pub fired: u64,
    /// Fire times another replica had decided already.
    pub already_decided: u64,
    /// Fire times skipped (recorded here), any reason.
    pub skipped: u64,
}

/// Ticks every `poll` until `shutdown` turns true.
pub async fn run(app: App, clock: Clock, poll: Duration, mut shutdown: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(poll);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            () = cyberbrain_telemetry::shutdown::requested(&mut shutdown) => return,
        }
        if let Err(e) = self::tick(&app, &clock).await {
            tracing::warn!(error = %e, "scheduler tick failed; retrying next interval");
        }
    }
}

/// One look at the due schedules: fires each (see the module documentation).
pub async fn tick(app: &App, clock: &Clock) -> Result<TickReport> {
    let started = std::time::Instant::now();
    let now = clock.now(app).await?;
    let mut report = TickReport::default();
    for _ in 0..MAX_BATCHES {
        let due = app.store.due_schedules(now, BATCH).await?;
        let full = due.len() == BATCH as usize;
        for schedule in due {
            match fire(app, &schedule, now, started).await {
                Ok(done) => {
                    report.fired += done.fired;
                    report.already_decided += done.already_decided;
                    report.skipped += done.skipped;
                }
                Err(e) => {
                    tracing::warn!(schedule = %schedule.name, error = %e, "schedule fire failed; retried next tick");
                }
            }
        }
        if !full {
            break;
        }
    }
    let overdue = app
        .store
        .count_overdue_schedules(now, OVERDUE_GRACE)
        .await?;
    app.metrics.set_schedules_overdue(overdue);
    Ok(report)
}

/// Decides one due schedule's latest fire time, then moves its next fire time past it.
/// `started` is when the tick read `now`: the lag of a launch is from its fire time to `now`,
/// plus the time since.
async fn fire(
    app: &App,
    schedule: &Schedule,
    now: DateTime<Utc>,
    started: std::time::Instant,
) -> Result<TickReport> {
    let mut report = TickReport::default();
    let Some(first) = schedule.next_fire_at else {
        return Ok(report);
    };
    let cron = stored_cron(schedule)?;
    // The stored next fire time is due itself; later ones may be due too after downtime.
    let (latest, missed) = match cron.latest_due(first, now, WALK_LIMIT) {
        Some((latest, missed)) => (latest, missed + 1),
        None => (first, 0),
    };
    let late = (now - latest).to_std().unwrap_or_default();
    let decision = match schedule.starting_deadline {
        Some(deadline) if late > deadline => Decision::Skip(SkipReason::Deadline),
        _ => launch(app, schedule, latest, late, started).await?,
    };
    match decision {
        Decision::Fired => report.fired += 1,
        Decision::AlreadyDecided => report.already_decided += 1,
        Decision::Paused => return Ok(report),
        Decision::Skip(reason) => {
            if reason != SkipReason::Forbid {
                // Forbid skips are recorded in the launch's transaction; the others here.
                if app
                    .store
                    .record_schedule_skip(schedule.id, latest, reason)
                    .await?
                {
                    app.metrics.schedule_skipped(reason, 1);
                    report.skipped += 1;
                }
            } else {
                app.metrics.schedule_skipped(reason, 1);
                report.skipped += 1;
            }
            tracing::info!(schedule = %schedule.name, scheduled_at = %latest, reason = reason.as_str(), "schedule fire skipped");
        }
    }
    if app
        .store
        .advance_schedule(schedule.id, cron.next_after(latest))
        .await?
    {
        app.metrics.schedule_skipped(SkipReason::Missed, missed);
        if missed > 0 {
            tracing::info!(schedule = %schedule.name, missed, "missed fire times skipped; the latest one was taken");
        }
    }
    Ok(report)
}

/// What happened to one fire time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decision {
    Fired,
    AlreadyDecided,
    /// Paused since the tick read the schedule: nothing happens (resuming sets the next time).
    Paused,
    Skip(SkipReason),
}

/// Launches the schedule's directive for `scheduled_at` under its concurrency policy.
async fn launch(
    app: &App,
    schedule: &Schedule,
    scheduled_at: DateTime<Utc>,
    late: Duration,
    started: std::time::Instant,
) -> Result<Decision> {
    let origin = origin_of(&schedule.name);
    if schedule.concurrency == Concurrency::Replace {
        for run_id in app
            .store
            .unfinished_runs_of_schedule(schedule.id, scheduled_at)
            .await?
        {
            let audit = AuditEntry::new(origin.clone(), "run.cancel").with(serde_json::json!({
                "reason": "replaced by the next fire of its schedule",
                "scheduled_at": scheduled_at.to_rfc3339(),
            }));
            match app.cancel_run(run_id, &audit).await {
                Ok(()) => {
                    tracing::info!(schedule = %schedule.name, run_id = %run_id, "unfinished run replaced")
                }
                Err(e) => {
                    tracing::warn!(schedule = %schedule.name, run_id = %run_id, error = %e, "could not cancel the run to replace")
                }
            }
        }
    }
    let request = LaunchRequest {
        source: LaunchSource::Directive {
            name: schedule.directive_name.clone(),
            version: None,
        },
        target: None,
        launched_by: origin.clone(),
        queue_timeout: None,
        require_online: false,
        schedule: Some(ScheduledFire {
            schedule_id: schedule.id,
            schedule_name: schedule.name.clone(),
            scheduled_at,
            skip_if_unfinished: schedule.concurrency == Concurrency::Forbid,
        }),
        delivery: None,
        // Checked at every fire: the directive may have gained tasks its creator may not run.
        acting_role: Some(schedule.creator_role),
    };
    let audit = AuditEntry::new(origin, "run.launch");
    match app.launch_run(request, None, &audit).await {
        Ok(launched) => {
            app.metrics.schedule_fired(late + started.elapsed());
            tracing::info!(schedule = %schedule.name, scheduled_at = %scheduled_at, run_id = %launched.run.run.id, "schedule fired");
            Ok(Decision::Fired)
        }
        Err(Error::Store(StoreError::NotFired(FireRefused::AlreadyDecided))) => {
            Ok(Decision::AlreadyDecided)
        }
        Err(Error::Store(StoreError::NotFired(FireRefused::Busy))) => {
            Ok(Decision::Skip(SkipReason::Forbid))
        }
        Err(Error::Store(StoreError::NotFired(FireRefused::Paused))) => {
            tracing::info!(schedule = %schedule.name, scheduled_at = %scheduled_at, "schedule paused before its fire; not fired");
            Ok(Decision::Paused)
        }
        Err(e) if e.is_transient_conflict() => Err(e),
        Err(Error::Store(StoreError::Database(e))) => Err(StoreError::Database(e).into()),
        Err(Error::Store(StoreError::Pool(e))) => Err(StoreError::Pool(e).into()),
        Err(e) => {
            tracing::warn!(schedule = %schedule.name, scheduled_at = %scheduled_at, error = %e, "scheduled launch failed");
            Ok(Decision::Skip(SkipReason::LaunchFailed))
        }
    }
}
