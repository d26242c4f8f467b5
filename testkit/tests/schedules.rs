//! Schedules: the scheduler of several replicas (each an `App` with its own connection pool) on
//! one real PostgreSQL, driven by a manual clock: exactly one run per fire time, `forbid`,
//! `replace`, catch-up after downtime, the starting deadline and daylight-saving transitions.
//! The API and `cbctl schedule` against the real binaries are in `schedules_cli.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use clap::Parser;
use cyberbrain_controller::app::{App, Settings};
use cyberbrain_controller::scheduler::{self, Clock, TickReport};
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::directives::DirectiveSpec;
use cyberbrain_model::fleet::{AgentHello, Capabilities, TargetSelector};
use cyberbrain_model::runs::{Run, RunStatus};
use cyberbrain_model::schedules::{Concurrency, CronSchedule, NewSchedule, Schedule};
use cyberbrain_store::{RunFilter, Store};
use cyberbrain_tasks::{PlannedTask, TaskType};
use cyberbrain_testkit::pg::PgCluster;

/// One replica: its own pool on the shared database, its own metrics.
struct Replica {
    app: App,
    _shutdown: tokio::sync::watch::Sender<bool>,
}

async fn replica(pg: &PgCluster, dir: &std::path::Path, name: &str) -> Replica {
    let config = cyberbrain_controller::config::Cli::parse_from(["cyberbrain-controller"]).config;
    let settings = Settings {
        replica: name.into(),
        heartbeat_interval: config.heartbeat_interval(),
        job_defaults: cyberbrain_store::JobDefaults::default(),
        llm: config.llm.triage(),
        run_retention: None,
        agent_cert_lifetime: Duration::from_secs(3600),
        limits: config.limits.settings(),
        queue_timeout: Duration::from_secs(3600),
        trust_agent_labels: false,
        schedule_poll: None,
        notify: config.notify.settings(),
        mcp_allow_write: false,
        web_url: None,
    };
    let (tx, rx) = tokio::sync::watch::channel(false);
    let artifacts =
        cyberbrain_controller::artifacts::ArtifactRoot::new(dir.join(name)).expect("artifact root");
    let app = App {
        store: pg.store().await,
        events: Default::default(),
        connected: Default::default(),
        artifacts,
        settings: Arc::new(settings),
        shutdown: rx,
        llm: None,
        ca: None,
        metrics: Arc::new(cyberbrain_controller::metrics::Metrics::new()),
    };
    Replica { app, _shutdown: tx }
}

fn audit() -> AuditEntry {
    AuditEntry::new("token:test", "schedule.create")
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s)
        .expect("a test time")
        .with_timezone(&Utc)
}

/// A database with one agent (never connected: its jobs stay queued, so runs stay unfinished)
/// and a directive `nightly` over every agent.
async fn fleet(store: &Store) {
    let hello = AgentHello {
        name: "a".into(),
        hostname: "host-a".into(),
        labels: BTreeMap::new(),
        version: "test".into(),
        capabilities: Capabilities::default(),
        cert_serial: None,
        cert_expires_at: None,
    };
    store
        .agent_connected(&hello, "elsewhere/session", Duration::from_secs(10))
        .await
        .expect("agent");
    let spec = DirectiveSpec {
        name: "nightly".into(),
        description: "scheduled".into(),
        tasks: vec![PlannedTask::with_defaults(TaskType::GpuReport)],
        default_target: TargetSelector::All,
        llm_enabled: None,
        queue_timeout: None,
    };
    store
        .create_directive(&spec, &audit())
        .await
        .expect("directive");
}

async fn schedule(
    store: &Store,
    name: &str,
    cron: &str,
    tz: &str,
    concurrency: Concurrency,
    deadline: Option<Duration>,
    created_at: DateTime<Utc>,
) -> Schedule {
    let parsed = CronSchedule::parse(cron, tz).expect("valid cron");
    let new = NewSchedule {
        name: name.into(),
        directive_name: "nightly".into(),
        cron: cron.into(),
        time_zone: tz.into(),
        concurrency,
        starting_deadline: deadline,
        next_fire_at: parsed.next_after(created_at),
        creator_role: cyberbrain_model::tokens::Role::Operator,
    };
    store
        .create_schedule(&new, "test", &audit())
        .await
        .expect("schedule")
}

/// Every run of schedule `name`, oldest fire time first.
async fn runs_of(store: &Store, name: &str) -> Vec<Run> {
    let page = store
        .list_runs(&RunFilter {
            directive_name: Some("nightly".into()),
            limit: 1000,
            ..Default::default()
        })
        .await
        .expect("runs");
    let origin = format!("schedule:{name}");
    let mut runs: Vec<Run> = page
        .runs
        .into_iter()
        .filter(|r| r.origin == origin)
        .collect();
    runs.sort_by_key(|r| r.scheduled_at);
    runs
}

async fn tick(replica: &Replica, clock: &Clock) -> TickReport {
    scheduler::tick(&replica.app, clock).await.expect("tick")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_replicas_fire_one_run_per_tick() {
    let pg = PgCluster::start().await;
    let dir = cyberbrain_testkit::temp_dir("schedules");
    let replicas = [
        replica(&pg, dir.path(), "r1").await,
        replica(&pg, dir.path(), "r2").await,
        replica(&pg, dir.path(), "r3").await,
    ];
    let store = &replicas[0].app.store;
    fleet(store).await;
    let t0 = at("2026-05-01T00:00:00Z");
    schedule(
        store,
        "every-second",
        "* * * * * *",
        "UTC",
        Concurrency::Allow,
        None,
        t0 - chrono::Duration::seconds(1),
    )
    .await;
    // Each replica has its own clock, all showing the same second; they tick together.
    let clocks = [Clock::manual(t0), Clock::manual(t0), Clock::manual(t0)];
    let seconds = 60;
    let mut raced = 0;
    for i in 0..seconds {
        let now = t0 + chrono::Duration::seconds(i);
        for clock in &clocks {
            clock.set(now);
        }
        let (a, b, c) = tokio::join!(
            tick(&replicas[0], &clocks[0]),
            tick(&replicas[1], &clocks[1]),
            tick(&replicas[2], &clocks[2]),
        );
        assert_eq!(
            a.fired + b.fired + c.fired,
            1,
            "second {i}: {a:?} {b:?} {c:?}"
        );
        raced += a.already_decided + b.already_decided + c.already_decided;
    }
    let runs = runs_of(store, "every-second").await;
    let times: BTreeSet<DateTime<Utc>> = runs.iter().filter_map(|r| r.scheduled_at).collect();
    let expected: BTreeSet<DateTime<Utc>> = (0..seconds)
        .map(|i| t0 + chrono::Duration::seconds(i))
        .collect();
    assert_eq!(runs.len(), seconds as usize, "one run per second");
    assert_eq!(times, expected, "each second once");
    // The replicas did race for the same fire times, and the database turned them away.
    assert!(
        raced > 0,
        "no replica ever lost a race: the test proves nothing"
    );
    // The audit log says where each run came from.
    let events = store
        .list_audit_events(&cyberbrain_model::audit::AuditFilter {
            actor: Some("schedule:every-second".into()),
            action: Some("run.launch".into()),
            limit: 1000,
            ..Default::default()
        })
        .await
        .expect("audit");
    assert_eq!(events.len(), seconds as usize);
    assert!(
        events
            .iter()
            .all(|e| e.details["origin"] == "schedule:every-second"
                && e.details["scheduled_at"].is_string()),
        "{:?}",
        events.first()
    );
}

#[tokio::test]
async fn forbid_skips_while_a_run_is_unfinished() {
    let pg = PgCluster::start().await;
    let dir = cyberbrain_testkit::temp_dir("schedules");
    let r = replica(&pg, dir.path(), "r1").await;
    let store = &r.app.store;
    fleet(store).await;
    let t0 = at("2026-05-01T00:00:00Z");
    let s = schedule(
        store,
        "careful",
        "* * * * * *",
        "UTC",
        Concurrency::Forbid,
        None,
        t0 - chrono::Duration::seconds(1),
    )
    .await;
    let clock = Clock::manual(t0);
    assert_eq!(tick(&r, &clock).await.fired, 1);
    for i in 1..=3 {
        clock.set(t0 + chrono::Duration::seconds(i));
        let report = tick(&r, &clock).await;
        assert_eq!((report.fired, report.skipped), (0, 1), "second {i}");
    }
    let runs = runs_of(store, "careful").await;
    assert_eq!(runs.len(), 1);
    let counts = store.schedule_fire_counts(s.id).await.expect("counts");
    assert_eq!(counts.fired, 1);
    assert_eq!(counts.skipped, vec![("forbid".to_string(), 3)]);
    // Once the run has ended, the next fire launches.
    r.app
        .cancel_run(runs[0].id, &AuditEntry::new("token:test", "run.cancel"))
        .await
        .expect("cancel");
    clock.set(t0 + chrono::Duration::seconds(4));
    assert_eq!(tick(&r, &clock).await.fired, 1);
    assert_eq!(runs_of(store, "careful").await.len(), 2);
}

#[tokio::test]
async fn replace_cancels_the_unfinished_run() {
    let pg = PgCluster::start().await;
    let dir = cyberbrain_testkit::temp_dir("schedules");
    let r = replica(&pg, dir.path(), "r1").await;
    let store = &r.app.store;
    fleet(store).await;
    let t0 = at("2026-05-01T00:00:00Z");
    schedule(
        store,
        "fresh",
        "*/10 * * * * *",
        "UTC",
        Concurrency::Replace,
        None,
        t0 - chrono::Duration::seconds(1),
    )
    .await;
    let clock = Clock::manual(t0);
    assert_eq!(tick(&r, &clock).await.fired, 1);
    clock.set(t0 + chrono::Duration::seconds(10));
    assert_eq!(tick(&r, &clock).await.fired, 1);
    let runs = runs_of(store, "fresh").await;
    assert_eq!(runs.len(), 2);
    let first = store.get_run_header(runs[0].id).await.expect("first run");
    let second = store.get_run_header(runs[1].id).await.expect("second run");
    assert_eq!(
        first.status,
        RunStatus::Cancelled,
        "the older run is replaced"
    );
    assert!(!second.status.is_terminal(), "the new run goes on");
    let cancels = store
        .list_audit_events(&cyberbrain_model::audit::AuditFilter {
            actor: Some("schedule:fresh".into()),
            action: Some("run.cancel".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .expect("audit");
    assert_eq!(cancels.len(), 1, "the replacement is audited");
}

#[tokio::test]
async fn an_hour_down_catches_up_with_one_run_inside_the_deadline() {
    let pg = PgCluster::start().await;
    let dir = cyberbrain_testkit::temp_dir("schedules");
    let r = replica(&pg, dir.path(), "r1").await;
    let store = &r.app.store;
    fleet(store).await;
    let t0 = at("2026-05-01T00:00:00Z");
    let minutely = schedule(
        store,
        "minutely",
        "* * * * *",
        "UTC",
        Concurrency::Allow,
        Some(Duration::from_secs(600)),
        t0 - chrono::Duration::seconds(1),
    )
    .await;
    let strict = schedule(
        store,
        "strict",
        "0 * * * *",
        "UTC",
        Concurrency::Allow,
        Some(Duration::from_secs(30)),
        t0 - chrono::Duration::seconds(1),
    )
    .await;
    let clock = Clock::manual(t0);
    assert_eq!(tick(&r, &clock).await.fired, 2);
    // Down for an hour (and 45 seconds): one run for the latest missed minute, within its
    // ten-minute deadline; the hourly one with a 30-second deadline is skipped.
    clock.set(t0 + chrono::Duration::seconds(3645));
    let report = tick(&r, &clock).await;
    assert_eq!(report.fired, 1, "{report:?}");
    let runs = runs_of(store, "minutely").await;
    assert_eq!(runs.len(), 2);
    assert_eq!(runs[1].scheduled_at, Some(at("2026-05-01T01:00:00Z")));
    assert_eq!(runs_of(store, "strict").await.len(), 1);
    let counts = store.schedule_fire_counts(strict.id).await.expect("counts");
    assert_eq!(counts.skipped, vec![("deadline".to_string(), 1)]);
    // Both moved on past now; nothing more fires until the next minute.
    let after = store.get_schedule("minutely").await.expect("schedule");
    assert_eq!(after.next_fire_at, Some(at("2026-05-01T01:01:00Z")));
    assert_eq!(tick(&r, &clock).await, TickReport::default());
    assert_eq!(
        store
            .get_schedule("strict")
            .await
            .expect("schedule")
            .next_fire_at,
        Some(at("2026-05-01T02:00:00Z"))
    );
    assert_eq!(after.last_fired_at, Some(at("2026-05-01T01:00:00Z")));
    assert_eq!(after.id, minutely.id);
    // Retention removes old fire records (the runs stay until their own retention).
    let deleted = store
        .delete_old_schedule_fires(Duration::from_secs(1), 1)
        .await
        .expect("retention");
    assert_eq!(deleted, 1, "in batches");
    while store
        .delete_old_schedule_fires(Duration::from_secs(1), 100)
        .await
        .expect("retention")
        > 0
    {}
    let counts = store.schedule_fire_counts(strict.id).await.expect("counts");
    assert_eq!(counts, cyberbrain_store::FireCounts::default());
    assert_eq!(runs_of(store, "minutely").await.len(), 2);
    // The missed minutes are counted once, in the metrics.
    let metrics = r.app.metrics.render(&r.app.store).await;
    assert!(
        metrics.contains("cyberbrain_schedule_skips_total{reason=\"missed\"} 59"),
        "{}",
        metrics
            .lines()
            .filter(|l| l.contains("schedule"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[tokio::test]
async fn a_daily_0230_in_berlin_neither_skips_nor_doubles_across_dst() {
    let pg = PgCluster::start().await;
    let dir = cyberbrain_testkit::temp_dir("schedules");
    let r = replica(&pg, dir.path(), "r1").await;
    let store = &r.app.store;
    fleet(store).await;
    let berlin: chrono_tz::Tz = "Europe/Berlin".parse().expect("zone");
    for (name, start) in [
        ("spring", at("2026-03-27T12:00:00Z")),
        ("autumn", at("2026-10-23T12:00:00Z")),
    ] {
        schedule(
            store,
            name,
            "30 2 * * *",
            "Europe/Berlin",
            Concurrency::Allow,
            None,
            start,
        )
        .await;
        // Five days in ten-minute steps.
        let clock = Clock::manual(start);
        for step in 0..(5 * 24 * 6) {
            clock.set(start + chrono::Duration::minutes(10 * step));
            tick(&r, &clock).await;
        }
        let runs = runs_of(store, name).await;
        let days: Vec<String> = runs
            .iter()
            .filter_map(|r| r.scheduled_at)
            .map(|t| t.with_timezone(&berlin).format("%m-%d %H:%M").to_string())
            .collect();
        let expected = match name {
            // 02:30 does not exist on 03-29: it runs once, at 03:00 (the first instant after the gap).
            "spring" => [
                "03-28 02:30",
                "03-29 03:00",
                "03-30 02:30",
                "03-31 02:30",
                "04-01 02:30",
            ],
            // 02:30 happens twice on 10-25: it runs once, at the first.
            _ => [
                "10-24 02:30",
                "10-25 02:30",
                "10-26 02:30",
                "10-27 02:30",
                "10-28 02:30",
            ],
        };
        assert_eq!(days, expected, "{name}");
    }
}

#[tokio::test]
async fn a_paused_schedule_does_not_fire_and_a_failed_launch_is_a_counted_skip() {
    let pg = PgCluster::start().await;
    let dir = cyberbrain_testkit::temp_dir("schedules");
    let r = replica(&pg, dir.path(), "r1").await;
    let store = &r.app.store;
    fleet(store).await;
    let t0 = at("2026-05-01T00:00:00Z");
    schedule(
        store,
        "quiet",
        "* * * * *",
        "UTC",
        Concurrency::Allow,
        None,
        t0 - chrono::Duration::seconds(1),
    )
    .await;
    store
        .set_schedule_paused("quiet", true, None, &audit())
        .await
        .expect("pause");
    let clock = Clock::manual(t0 + chrono::Duration::minutes(5));
    assert_eq!(tick(&r, &clock).await, TickReport::default());
    assert!(runs_of(store, "quiet").await.is_empty());
    // A tick that read the schedule before the pause committed: its launch re-checks the
    // pause under the schedule's row lock and records nothing.
    let quiet = store.get_schedule("quiet").await.expect("schedule");
    let mut origin = cyberbrain_model::runs::RunOrigin::untraced("schedule:quiet");
    origin.schedule = Some(cyberbrain_model::schedules::ScheduledFire {
        schedule_id: quiet.id,
        schedule_name: "quiet".into(),
        scheduled_at: t0,
        skip_if_unfinished: false,
    });
    let tasks = [PlannedTask::with_defaults(TaskType::GpuReport)];
    let late_launch = store
        .launch_run(
            &cyberbrain_store::NewRun {
                directive: Some(("nightly", 1)),
                tasks: &tasks,
                target: &TargetSelector::All,
                origin: &origin,
                defaults: cyberbrain_store::JobDefaults::default(),
                queue_timeout: Duration::from_secs(60),
                require_online: false,
                trust_agent_labels: false,
            },
            None,
            &AuditEntry::new("schedule:quiet", "run.launch"),
        )
        .await;
    assert!(
        matches!(
            late_launch,
            Err(cyberbrain_store::Error::NotFired(
                cyberbrain_store::FireRefused::Paused
            ))
        ),
        "{late_launch:?}"
    );
    let counts = store.schedule_fire_counts(quiet.id).await.expect("counts");
    assert_eq!((counts.fired, counts.skipped.len()), (0, 0), "{counts:?}");
    assert!(runs_of(store, "quiet").await.is_empty());
    // Resumed from the next time after now: the five paused minutes are not caught up.
    let cron = CronSchedule::parse("* * * * *", "UTC").expect("cron");
    let resumed = store
        .set_schedule_paused(
            "quiet",
            false,
            cron.next_after(t0 + chrono::Duration::minutes(5)),
            &audit(),
        )
        .await
        .expect("resume");
    assert_eq!(
        resumed.next_fire_at,
        Some(at("2026-05-01T00:06:00Z")),
        "next minute"
    );
    assert_eq!(tick(&r, &clock).await, TickReport::default());

    // The directive goes away: the fire is skipped as launch_failed, once, and the schedule
    // moves on (no retry storm on every tick).
    store
        .delete_directive("nightly", &audit())
        .await
        .expect("delete directive");
    clock.set(at("2026-05-01T00:06:00Z"));
    let report = tick(&r, &clock).await;
    assert_eq!((report.fired, report.skipped), (0, 1), "{report:?}");
    assert_eq!(tick(&r, &clock).await, TickReport::default());
    let quiet = store.get_schedule("quiet").await.expect("schedule");
    let counts = store.schedule_fire_counts(quiet.id).await.expect("counts");
    assert_eq!(counts.skipped, vec![("launch_failed".to_string(), 1)]);
    assert_eq!(quiet.next_fire_at, Some(at("2026-05-01T00:07:00Z")));
}

#[tokio::test]
async fn a_fire_launches_with_its_creators_role_and_runs_no_task_above_it() {
    let pg = PgCluster::start().await;
    let dir = cyberbrain_testkit::temp_dir("schedules");
    let r = replica(&pg, dir.path(), "r1").await;
    let store = &r.app.store;
    fleet(store).await;
    let t0 = at("2026-05-01T00:00:00Z");
    // `nightly` runs an operator task; schedules created by an operator and (as if the
    // operator's rights had been narrower) by a viewer.
    for (name, role) in [
        ("by-operator", cyberbrain_model::tokens::Role::Operator),
        ("by-viewer", cyberbrain_model::tokens::Role::Viewer),
    ] {
        let cron = CronSchedule::parse("* * * * *", "UTC").expect("cron");
        let new = NewSchedule {
            name: name.into(),
            directive_name: "nightly".into(),
            cron: "* * * * *".into(),
            time_zone: "UTC".into(),
            concurrency: Concurrency::Allow,
            starting_deadline: None,
            next_fire_at: cron.next_after(t0 - chrono::Duration::seconds(1)),
            creator_role: role,
        };
        let created = store
            .create_schedule(&new, "token:someone", &audit())
            .await
            .expect("schedule");
        assert_eq!(created.creator_role, role);
    }
    let stored = store.get_schedule("by-viewer").await.expect("schedule");
    assert_eq!(stored.creator_role, cyberbrain_model::tokens::Role::Viewer);
    let clock = Clock::manual(t0 + chrono::Duration::seconds(10));
    let report = tick(&r, &clock).await;
    assert_eq!((report.fired, report.skipped), (1, 1), "{report:?}");
    assert_eq!(runs_of(store, "by-operator").await.len(), 1);
    assert!(runs_of(store, "by-viewer").await.is_empty());
    let counts = store.schedule_fire_counts(stored.id).await.expect("counts");
    assert_eq!(counts.skipped, vec![("launch_failed".to_string(), 1)]);
}
