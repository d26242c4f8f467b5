//! The store against a real PostgreSQL cluster started by the harness.

use std::collections::BTreeMap;

use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::directives::DirectiveSpec;
use cyberbrain_model::fleet::{AgentHello, Capabilities, TargetSelector};
use cyberbrain_model::runs::{RunOrigin, RunStatus};
use cyberbrain_store::Error;
use cyberbrain_store::{MIGRATIONS, RunFilter, Store};
use cyberbrain_tasks::{LogTriageParams, PlannedTask, TaskSpec, TaskType};
use cyberbrain_testkit::pg::PgCluster;

fn spec(name: &str, tail: u32) -> DirectiveSpec {
    DirectiveSpec {
        name: name.into(),
        description: format!("tail {tail}"),
        tasks: vec![
            TaskSpec::LogTriage(LogTriageParams {
                tail_lines: tail,
                ..Default::default()
            })
            .into(),
        ],
        default_target: TargetSelector::All,
        llm_enabled: None,
        queue_timeout: None,
    }
}

fn audit() -> AuditEntry {
    AuditEntry::new("token:test", "test.change")
}

/// The session the test agents are connected on: claims lease only to an agent's current one.
const SESSION: &str = "r/1";

async fn agent(store: &Store, name: &str, labels: &[(&str, &str)]) {
    let hello = AgentHello {
        name: name.into(),
        hostname: format!("host-{name}"),
        labels: labels
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect::<BTreeMap<_, _>>(),
        version: "test".into(),
        capabilities: Capabilities::default(),
        cert_serial: None,
        cert_expires_at: None,
    };
    store
        .agent_connected(&hello, SESSION, std::time::Duration::from_secs(10))
        .await
        .expect("agent stored");
}

/// `count` new agents `a00`, `a01`, … and one queued `gpu_report` run over all of them.
async fn gpu_run_over_new_agents(
    store: &Store,
    count: usize,
) -> (
    Vec<cyberbrain_model::fleet::Agent>,
    cyberbrain_model::runs::Run,
) {
    for i in 0..count {
        agent(store, &format!("a{i:02}"), &[]).await;
    }
    let agents = store.list_agents().await.expect("agents");
    (agents, gpu_run(store).await)
}

/// A queued ad-hoc `gpu_report` run over every agent.
async fn gpu_run(store: &Store) -> cyberbrain_model::runs::Run {
    queued_run(store, &[PlannedTask::with_defaults(TaskType::GpuReport)]).await
}

/// A queued ad-hoc run of `tasks` over every agent.
async fn queued_run(store: &Store, tasks: &[PlannedTask]) -> cyberbrain_model::runs::Run {
    let (run, _) = store
        .create_run(
            None,
            tasks,
            &TargetSelector::All,
            &RunOrigin::untraced("t"),
            &audit(),
        )
        .await
        .expect("run");
    run
}

/// A `gpu_report` task with its own attempts and deadline.
fn gpu_task_limited(max_attempts: u32, deadline_seconds: u32) -> PlannedTask {
    PlannedTask {
        limits: cyberbrain_tasks::JobLimits {
            max_attempts: Some(max_attempts),
            deadline_seconds: Some(deadline_seconds),
        },
        ..PlannedTask::with_defaults(TaskType::GpuReport)
    }
}

/// A store on a new cluster with one agent, `a`, and that agent's id.
async fn store_with_one_agent() -> (PgCluster, Store, uuid::Uuid) {
    let pg = PgCluster::start().await;
    let store = pg.store().await;
    agent(&store, "a", &[]).await;
    let a = store.list_agents().await.expect("agents")[0].id;
    (pg, store, a)
}

#[tokio::test]
async fn migrations_apply_once() {
    let pg = PgCluster::start().await;
    let store = Store::connect(&pg.database_url()).await.expect("connect");
    assert_eq!(store.migrate().await.expect("first"), MIGRATIONS.len());
    assert_eq!(
        store.migrate().await.expect("second"),
        0,
        "a second start applies nothing"
    );
}

#[tokio::test]
async fn directive_updates_make_versions_and_old_ones_stay_readable() {
    let pg = PgCluster::start().await;
    let store = pg.store().await;
    let v1 = store
        .create_directive(&spec("triage", 10), &audit())
        .await
        .expect("create");
    assert_eq!(v1.version, 1);
    assert!(matches!(
        store.create_directive(&spec("triage", 11), &audit()).await,
        Err(Error::AlreadyExists { .. })
    ));
    let v2 = store
        .update_directive(&spec("triage", 20), &audit())
        .await
        .expect("update");
    assert_eq!(v2.version, 2);
    assert_eq!(
        store
            .get_directive("triage", None)
            .await
            .expect("latest")
            .version,
        2
    );
    let old = store.get_directive("triage", Some(1)).await.expect("v1");
    assert_eq!(old.description, "tail 10");
    assert!(matches!(
        store.update_directive(&spec("absent", 1), &audit()).await,
        Err(Error::NotFound { .. })
    ));
    assert!(matches!(
        store.get_directive("triage", Some(9)).await,
        Err(Error::NotFound { .. })
    ));

    store
        .create_directive(&spec("alpha", 1), &audit())
        .await
        .expect("alpha");
    let first = store.list_directives("", 1).await.expect("page 1");
    assert_eq!(
        first.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(),
        ["alpha"]
    );
    let second = store.list_directives("alpha", 10).await.expect("page 2");
    assert_eq!(second.len(), 1);
    assert_eq!(
        (second[0].name.as_str(), second[0].version),
        ("triage", 2),
        "lists the latest version"
    );

    assert_eq!(
        store
            .delete_directive("triage", &audit())
            .await
            .expect("delete"),
        2
    );
    assert!(matches!(
        store.get_directive("triage", None).await,
        Err(Error::NotFound { .. })
    ));
}

#[tokio::test]
async fn runs_list_newest_first_in_pages_and_filter_by_status_and_directive() {
    let pg = PgCluster::start().await;
    let store = pg.store().await;
    agent(&store, "a", &[("gpu", "true")]).await;
    agent(&store, "b", &[]).await;
    let tasks = vec![PlannedTask::with_defaults(TaskType::GpuReport)];

    let mut launched = Vec::new();
    for i in 0..5 {
        let directive = (i % 2 == 0).then_some(("even", 1));
        let (run, agents) = store
            .create_run(
                directive,
                &tasks,
                &TargetSelector::All,
                &RunOrigin::untraced("tester"),
                &audit(),
            )
            .await
            .expect("run");
        assert_eq!(agents.len(), 2, "one job per agent");
        launched.push(run.id);
    }
    // Agent a says gpu=true about itself: not enough to be selected by it (#22).
    let gpu = TargetSelector::Labels([("gpu".into(), "true".into())].into());
    let unlabelled = store
        .create_run(None, &tasks, &gpu, &RunOrigin::untraced("t"), &audit())
        .await;
    assert!(
        matches!(unlabelled, Err(Error::FailedPrecondition { ref field, .. }) if field == "target"),
        "an agent's own label does not select it: {unlabelled:?}"
    );
    store
        .set_agent_labels("a", &[("gpu".into(), "true".into())].into(), &[], &audit())
        .await
        .expect("admin label");
    let (gpu_run, gpu_agents) = store
        .create_run(None, &tasks, &gpu, &RunOrigin::untraced("tester"), &audit())
        .await
        .expect("label run");
    assert_eq!(gpu_agents.len(), 1, "the label selector picks agent a only");
    launched.push(gpu_run.id);
    store
        .cancel_jobs_of_run(launched[0], &audit())
        .await
        .expect("cancel");
    store
        .finish_run_if_done(launched[0], |_| Ok((String::new(), serde_json::json!({}))))
        .await
        .expect("finish");

    let mut seen = Vec::new();
    let mut filter = RunFilter {
        limit: 4,
        ..Default::default()
    };
    loop {
        let page = store.list_runs(&filter).await.expect("page");
        assert!(page.runs.len() <= 4);
        seen.extend(page.runs.iter().map(|r| r.id));
        match page.next {
            Some(cursor) => filter.before = Some(cursor),
            None => break,
        }
    }
    let newest_first: Vec<_> = launched.iter().rev().copied().collect();
    assert_eq!(
        seen, newest_first,
        "every run once, newest first, across pages"
    );

    let cancelled = store
        .list_runs(&RunFilter {
            statuses: vec![RunStatus::Cancelled],
            limit: 10,
            ..Default::default()
        })
        .await
        .expect("status filter");
    assert_eq!(
        cancelled.runs.iter().map(|r| r.id).collect::<Vec<_>>(),
        [launched[0]]
    );

    let even = store
        .list_runs(&RunFilter {
            directive_name: Some("even".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .expect("directive filter");
    assert_eq!(even.runs.len(), 3);

    // A short id finds its run; LIKE's wildcards never get that far (the API refuses them).
    let first = launched[0].to_string();
    let by_prefix = store
        .list_runs(&RunFilter {
            id_prefix: Some(first[..8].to_string()),
            limit: 10,
            ..Default::default()
        })
        .await
        .expect("prefix filter");
    assert_eq!(
        by_prefix.runs.iter().map(|r| r.id).collect::<Vec<_>>(),
        [launched[0]]
    );

    let none = store
        .create_run(
            None,
            &tasks,
            &TargetSelector::Labels([("zone".into(), "mars".into())].into()),
            &RunOrigin::untraced("t"),
            &audit(),
        )
        .await;
    assert!(matches!(none, Err(Error::FailedPrecondition { ref field, .. }) if field == "target"));
}

/// Each task's limits are fixed on its jobs at launch: a claim gives the job its own deadline (a
/// job from before jobs had one gets the claimer's), and the reaper gives up a job allowed one
/// attempt while requeueing its neighbour allowed the default three; so does an agent's
/// reconnection without the job.
#[tokio::test]
async fn a_tasks_limits_are_fixed_on_its_jobs_and_honoured_by_claims_the_reaper_and_reconnects() {
    use cyberbrain_tasks::Allowlist;
    use std::time::Duration;

    let (pg, store, a) = store_with_one_agent().await;
    let strict = gpu_task_limited(1, 7);
    let tasks = vec![strict, PlannedTask::with_defaults(TaskType::ServiceMap)];
    let run = queued_run(&store, &tasks).await;
    assert_eq!(
        store.get_run(run.id).await.expect("run").run.tasks,
        tasks,
        "the run keeps its tasks' limits"
    );
    let claimer_default = Duration::from_secs(60);
    // A lease that has run out by the time the reaper looks.
    let expired = Duration::ZERO;
    let claimed = store
        .claim_queued_jobs_for_agent(
            a,
            SESSION,
            expired,
            claimer_default,
            &Allowlist::default(),
            10,
        )
        .await
        .expect("claim");
    let deadlines: Vec<u64> = claimed.iter().map(|j| j.deadline.as_secs()).collect();
    assert_eq!(
        deadlines,
        [7, 300],
        "the task's own deadline, else the launch default"
    );
    let url = pg.database_url();
    let stored = cyberbrain_testkit::checks::query(
        &url,
        "SELECT max_attempts, EXTRACT(EPOCH FROM deadline_at - dispatched_at)::int4
         FROM jobs ORDER BY task_index",
    )
    .await;
    let stored: Vec<(i32, i32)> = stored.iter().map(|r| (r.get(0), r.get(1))).collect();
    assert_eq!(stored, [(1, 7), (3, 300)]);

    let reaped = store.reap_expired_jobs(100).await.expect("reap");
    assert_eq!((reaped.requeued, reaped.lost), (1, 1), "{reaped:?}");
    let jobs = store.get_run(run.id).await.expect("run").jobs;
    let states: Vec<(&str, u32, u32)> = jobs
        .iter()
        .map(|j| (j.status.as_str(), j.attempt, j.max_attempts))
        .collect();
    assert_eq!(states, [("lost", 1, 1), ("queued", 1, 3)]);

    // A claim by a replica whose default deadline is a minute, on a lease of a minute.
    let claim_with_defaults = || async {
        store
            .claim_queued_jobs_for_agent(
                a,
                SESSION,
                claimer_default,
                claimer_default,
                &Allowlist::default(),
                10,
            )
            .await
            .expect("claim")
    };
    // A job launched before jobs stored their deadline takes the claiming replica's.
    cyberbrain_testkit::checks::query(&url, "UPDATE jobs SET deadline_seconds = NULL").await;
    let again = claim_with_defaults().await;
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].deadline, claimer_default);
    // The controller itself gives up one lease later than the agent is told.
    let controller_deadline = cyberbrain_testkit::checks::query(
        &url,
        &format!(
            "SELECT EXTRACT(EPOCH FROM deadline_at - dispatched_at)::int4 FROM jobs WHERE id = '{}'",
            again[0].job_id
        ),
    )
    .await;
    assert_eq!(controller_deadline[0].get::<_, i32>(0), 60 + 60);

    // An agent that comes back without a job on its last attempt loses it for good; one with
    // attempts left gets it again.
    let lost = store
        .requeue_jobs_lost_by_agent(a, &[], None)
        .await
        .expect("requeue");
    assert_eq!((lost.requeued, lost.ended), (1, 0), "{lost:?}");
    let strict_only = vec![tasks[0].clone()];
    let strict_run = queued_run(&store, &strict_only).await;
    // Both queued jobs go out: the older run's (its third attempt) and the new run's (its only).
    let claimed = claim_with_defaults().await;
    let held: Vec<uuid::Uuid> = claimed
        .iter()
        .filter(|job| job.run_id == run.id)
        .map(|job| job.job_id)
        .collect();
    assert_eq!((claimed.len(), held.len()), (2, 1));
    // The agent comes back holding the older run's job only.
    let lost = store
        .requeue_jobs_lost_by_agent(a, &held, None)
        .await
        .expect("requeue");
    assert_eq!((lost.requeued, lost.lost), (0, 1), "{lost:?}");
    assert_eq!(lost.runs_to_finish, [strict_run.id]);
    let job = &store.get_run(strict_run.id).await.expect("run").jobs[0];
    assert_eq!(job.status.as_str(), "lost");
    assert_eq!(
        job.error.as_deref(),
        Some("the agent lost it on attempt 1 of 1")
    );
}

/// An agent that keeps renewing a job's lease but never ends it (stuck, or too old to enforce its
/// deadline) still loses the job: the reaper fails it one lease after the deadline the agent
/// was told.
#[tokio::test]
async fn the_reaper_fails_a_job_past_its_deadline_even_while_its_lease_is_renewed() {
    use cyberbrain_tasks::Allowlist;
    use std::time::Duration;

    let (pg, store, a) = store_with_one_agent().await;
    let task = gpu_task_limited(3, 1);
    let run = queued_run(&store, std::slice::from_ref(&task)).await;
    let lease = Duration::from_secs(1);
    let claimed = store
        .claim_queued_jobs_for_agent(a, SESSION, lease, lease, &Allowlist::default(), 1)
        .await
        .expect("claim");
    let job = claimed[0].job_id;
    let store = &store;
    let reaped =
        cyberbrain_testkit::wait_for_async("the job failed for its deadline", || async move {
            // A heartbeat naming the job: its lease never runs out.
            store
                .renew_leases(a, SESSION, &[job], Duration::from_secs(60))
                .await
                .expect("renew");
            let reaped = store.reap_expired_jobs(10).await.expect("reap");
            (reaped.ended > 0).then_some(reaped)
        })
        .await;
    assert_eq!((reaped.ended, reaped.lost, reaped.requeued), (1, 0, 0));
    let job = &store.get_run(run.id).await.expect("run").jobs[0];
    assert_eq!(job.status.as_str(), "failed");
    assert_eq!(job.error.as_deref(), Some("deadline exceeded"));
    assert_eq!(job.attempt, 1, "a deadline is not retried");

    // A job whose lease ran out before its deadline (a dead agent) is retried, even when the
    // reaper only looks after both have passed.
    let run = queued_run(store, &[task]).await;
    let claimed = store
        .claim_queued_jobs_for_agent(a, SESSION, Duration::ZERO, lease, &Allowlist::default(), 1)
        .await
        .expect("claim");
    let url = pg.database_url();
    let both_past = format!(
        "SELECT count(*) FROM jobs WHERE id = '{}' AND deadline_at < now()",
        claimed[0].job_id
    );
    cyberbrain_testkit::wait_for_async("the deadline to pass too", || {
        let (url, both_past) = (url.clone(), both_past.clone());
        async move { (cyberbrain_testkit::checks::count(&url, &both_past).await == 1).then_some(()) }
    })
    .await;
    let reaped = store.reap_expired_jobs(10).await.expect("reap");
    assert_eq!((reaped.requeued, reaped.ended), (1, 0), "{reaped:?}");
    let job = &store.get_run(run.id).await.expect("run").jobs[0];
    assert_eq!((job.status.as_str(), job.attempt), ("queued", 1));
}

#[tokio::test]
async fn results_are_fenced_by_attempt_and_recorded_once() {
    use cyberbrain_store::ResultOutcome;
    use cyberbrain_tasks::{Allowlist, GpuReportResult, TaskResult};
    use std::time::Duration;

    let pg = PgCluster::start().await;
    let store = pg.store().await;
    agent(&store, "a", &[]).await;
    agent(&store, "b", &[]).await;
    let agents = store.list_agents().await.expect("agents");
    let (a, b) = (agents[0].id, agents[1].id);
    let tasks = vec![PlannedTask::with_defaults(TaskType::GpuReport)];
    let (run, _) = store
        .create_run(
            None,
            &tasks,
            &TargetSelector::Agents(vec!["a".into()]),
            &RunOrigin::untraced("t"),
            &audit(),
        )
        .await
        .expect("run");
    let lease = Duration::from_secs(60);
    let first = store
        .claim_queued_jobs_for_agent(a, SESSION, lease, lease, &Allowlist::default(), 10)
        .await
        .expect("claim");
    assert_eq!(first.len(), 1);
    assert_eq!(first[0].attempt, 1);
    assert!(
        store
            .claim_queued_jobs_for_agent(a, SESSION, lease, lease, &Allowlist::default(), 10)
            .await
            .expect("claim")
            .is_empty(),
        "a dispatched job is not claimed twice"
    );
    assert_eq!(
        store.get_run(run.id).await.expect("run").run.status,
        RunStatus::Running
    );

    // The agent restarted without the job: it is queued again and dispatched as attempt 2.
    assert_eq!(
        store
            .requeue_jobs_lost_by_agent(a, &[], None)
            .await
            .expect("requeue")
            .requeued,
        1
    );
    let second = store
        .claim_queued_jobs_for_agent(a, SESSION, lease, lease, &Allowlist::default(), 10)
        .await
        .expect("claim");
    assert_eq!(second[0].attempt, 2);

    let job = second[0].job_id;
    let result = TaskResult::GpuReport(GpuReportResult::default());
    let stale = store
        .record_job_outcome(a, job, 1, Ok(result.clone()), |_, _| {})
        .await
        .expect("stale");
    assert!(
        matches!(stale, ResultOutcome::Refused { .. }),
        "attempt 1 is superseded: {stale:?}"
    );
    let foreign = store
        .record_job_outcome(b, job, 2, Ok(result.clone()), |_, _| {})
        .await
        .expect("foreign");
    assert!(
        matches!(foreign, ResultOutcome::ForeignJob),
        "another agent cannot report: {foreign:?}"
    );
    assert_eq!(
        store
            .record_job_outcome(a, job, 2, Ok(result.clone()), |_, _| {})
            .await
            .expect("record"),
        ResultOutcome::Recorded { run_id: run.id }
    );
    assert_eq!(
        store
            .record_job_outcome(a, job, 2, Ok(result.clone()), |_, _| {})
            .await
            .expect("resend"),
        ResultOutcome::Duplicate,
        "a resend after a reconnect is recognised"
    );

    let finished = store
        .finish_run_if_done(run.id, |_| {
            Ok(("report".into(), serde_json::json!({"ok": true})))
        })
        .await
        .expect("finish");
    assert_eq!(finished.map(|s| s.run.status), Some(RunStatus::Succeeded));
    let again = store
        .finish_run_if_done(run.id, |_| panic!("a finished run is never finished twice"))
        .await
        .expect("second finish");
    assert!(again.is_none());
    assert_eq!(store.get_report(run.id).await.expect("report").0, "report");
}

/// Job changes of one run commit side by side (no run-wide lock), while a reader pages through the
/// run's events with a resume cursor: every event it sees is numbered one after the last, none is
/// seen twice or skipped, and each job's events come in the order they happened.
#[tokio::test]
async fn concurrent_job_changes_of_one_run_reach_a_resuming_reader_in_order_without_gaps() {
    use cyberbrain_model::runs::{JobStatus, RunChange};
    use cyberbrain_store::ResultOutcome;
    use cyberbrain_tasks::{Allowlist, GpuReportResult, TaskResult};
    use std::time::Duration;

    const AGENTS: usize = 24;
    let pg = PgCluster::start().await;
    let store = pg.store().await;
    let (agents, run) = gpu_run_over_new_agents(&store, AGENTS).await;

    let writers = agents.iter().map(|agent| {
        let store = store.clone();
        let agent_id = agent.id;
        tokio::spawn(async move {
            let lease = Duration::from_secs(60);
            let claimed = store
                .claim_queued_jobs_for_agent(
                    agent_id,
                    SESSION,
                    lease,
                    lease,
                    &Allowlist::default(),
                    10,
                )
                .await
                .expect("claim");
            let job = &claimed[0];
            store
                .job_accepted(agent_id, job.job_id, job.attempt)
                .await
                .expect("accepted");
            let result = TaskResult::GpuReport(GpuReportResult::default());
            let outcome = store
                .record_job_outcome(agent_id, job.job_id, job.attempt, Ok(result), |_, _| {})
                .await
                .expect("record");
            assert!(matches!(outcome, ResultOutcome::Recorded { .. }));
        })
    });
    let writers: Vec<_> = writers.collect();

    // pending + running + (dispatched, running, succeeded) per job, read while they are written.
    let expected = 2 + 3 * AGENTS;
    let mut seen = Vec::new();
    let mut labels = cyberbrain_store::JobLabels::default();
    let deadline = std::time::Instant::now() + Duration::from_secs(60);
    while seen.len() < expected {
        assert!(
            std::time::Instant::now() < deadline,
            "saw {} of {expected}",
            seen.len()
        );
        let after = seen.len() as u64;
        let page = store
            .run_events_after(run.id, after, 7, &mut labels)
            .await
            .expect("read");
        for (i, event) in page.into_iter().enumerate() {
            assert_eq!(event.seq, after + 1 + i as u64, "no gap, no repeat");
            seen.push(event.change);
        }
    }
    for writer in writers {
        writer.await.expect("writer");
    }
    assert!(
        store
            .run_events_after(run.id, expected as u64, 10, &mut labels)
            .await
            .expect("tail")
            .is_empty(),
        "nothing after the last event"
    );
    let mut per_job: BTreeMap<uuid::Uuid, Vec<JobStatus>> = BTreeMap::new();
    for change in &seen {
        if let RunChange::Job {
            job_id,
            status,
            agent_name,
            task_type,
            ..
        } = change
        {
            assert!(
                agent_name.starts_with('a'),
                "{agent_name:?} names the agent"
            );
            assert_eq!(task_type, "gpu_report");
            per_job.entry(*job_id).or_default().push(*status);
        }
    }
    assert_eq!(per_job.len(), AGENTS);
    for statuses in per_job.values() {
        assert_eq!(
            statuses,
            &[
                JobStatus::Dispatched,
                JobStatus::Running,
                JobStatus::Succeeded
            ]
        );
    }
}

/// One batched claim serves many agents: each gets at most its own limit of its own queued jobs,
/// and what one claim took the next does not take again.
#[tokio::test]
async fn a_batched_claim_gives_each_agent_up_to_its_limit_of_its_own_jobs() {
    use cyberbrain_store::ClaimRequest;
    use cyberbrain_tasks::Allowlist;
    use std::time::Duration;

    let pg = PgCluster::start().await;
    let store = pg.store().await;
    for name in ["a", "b", "c"] {
        agent(&store, name, &[]).await;
    }
    let agents = store.list_agents().await.expect("agents");
    let ids: Vec<_> = agents.iter().map(|a| a.id).collect();
    let tasks = vec![
        PlannedTask::with_defaults(TaskType::GpuReport),
        PlannedTask::with_defaults(TaskType::ServiceMap),
    ];
    let run = queued_run(&store, &tasks).await;
    let requests = |limits: [u32; 3]| -> Vec<ClaimRequest> {
        ids.iter()
            .zip(limits)
            .map(|(id, limit)| ClaimRequest {
                agent_id: *id,
                lease_owner: SESSION.to_string(),
                limit,
            })
            .collect()
    };
    let lease = Duration::from_secs(60);
    let first = store
        .claim_queued_jobs(&requests([1, 2, 0]), lease, lease, &Allowlist::default())
        .await
        .expect("claim");
    assert_eq!(first.iter().map(Vec::len).collect::<Vec<_>>(), [1, 2, 0]);
    let second = store
        .claim_queued_jobs(&requests([5, 5, 5]), lease, lease, &Allowlist::default())
        .await
        .expect("claim");
    assert_eq!(second.iter().map(Vec::len).collect::<Vec<_>>(), [1, 0, 2]);

    // Every job went to its own agent, once.
    let jobs = store.get_run(run.id).await.expect("run").jobs;
    for (i, agent_id) in ids.iter().enumerate() {
        let mine: std::collections::BTreeSet<_> = jobs
            .iter()
            .filter(|j| j.agent_id == *agent_id)
            .map(|j| j.id)
            .collect();
        let claimed: std::collections::BTreeSet<_> = first[i]
            .iter()
            .chain(&second[i])
            .map(|j| j.job_id)
            .collect();
        assert_eq!(claimed, mine, "agent {i} got exactly its own two jobs");
    }
    assert_eq!(
        store.get_run(run.id).await.expect("run").run.status,
        RunStatus::Running
    );
}

/// A launch hands the jobs of the agents it is offered (those connected to this replica, with
/// room) straight to them: created dispatched, first attempt, leased, in the launch's transaction,
/// with the run running; the other agents' jobs are queued for a claim. What the launch returns is
/// what it stored. An acceptance and a result in one batch write the job once, and the log still
/// shows `running` before the end. Deleting the run deletes its jobs and events.
#[tokio::test]
async fn a_launch_dispatches_to_agents_it_is_offered_and_queues_the_rest() {
    use cyberbrain_model::runs::{JobStatus, RunChange};
    use cyberbrain_store::{
        DirectDispatch, JobAccepted, JobDefaults, JobLabels, JobOutcome, NewRun, ResultOutcome,
    };
    use cyberbrain_tasks::{Allowlist, GpuReportResult, TaskResult};
    use std::time::Duration;

    let pg = PgCluster::start().await;
    let store = pg.store().await;
    for name in ["a", "b", "c"] {
        agent(&store, name, &[]).await;
    }
    let agents = store.list_agents().await.expect("agents");
    let id_of = |name: &str| agents.iter().find(|a| a.name == name).expect("agent").id;
    let (a, b, c) = (id_of("a"), id_of("b"), id_of("c"));
    let tasks = vec![PlannedTask::with_defaults(TaskType::GpuReport)];
    let origin = RunOrigin::untraced("t");
    let launch = NewRun {
        directive: None,
        tasks: &tasks,
        target: &TargetSelector::All,
        origin: &origin,
        defaults: JobDefaults::default(),
        queue_timeout: Duration::from_secs(300),
        require_online: false,
        trust_agent_labels: false,
    };
    let mut offered = Vec::new();
    let mut place = |agent_id: uuid::Uuid, _session: Option<&str>, jobs: &[uuid::Uuid]| {
        offered.push((agent_id, jobs.len()));
        (agent_id != c).then(|| format!("replica/{agent_id}"))
    };
    let direct = DirectDispatch {
        place: &mut place,
        lease: Duration::from_secs(60),
    };
    let launched = store
        .launch_run(&launch, Some(direct), &audit())
        .await
        .expect("launch");
    assert_eq!(offered.len(), 3, "every selected agent is offered its jobs");
    assert!(offered.iter().all(|(_, jobs)| *jobs == 1));
    let run_id = launched.run.run.id;
    assert_eq!(launched.run.run.status, RunStatus::Running);
    let sent: Vec<_> = launched
        .dispatched
        .iter()
        .map(|(agent, _)| *agent)
        .collect();
    assert_eq!(sent, vec![a, b]);
    assert!(launched.dispatched.iter().all(|(_, job)| job.attempt == 1));

    let stored = store.get_run(run_id).await.expect("run");
    assert_eq!(stored, launched.run, "the launch returns what it stored");
    let status_of = |agent: uuid::Uuid| {
        stored
            .jobs
            .iter()
            .find(|j| j.agent_id == agent)
            .map(|j| j.status)
    };
    assert_eq!(status_of(a), Some(JobStatus::Dispatched));
    assert_eq!(status_of(c), Some(JobStatus::Queued));
    let lease = Duration::from_secs(60);
    let none = store
        .claim_queued_jobs_for_agent(a, SESSION, lease, lease, &Allowlist::default(), 10)
        .await
        .expect("claim a");
    assert!(
        none.is_empty(),
        "a job dispatched at launch is not claimed again"
    );
    let claimed = store
        .claim_queued_jobs_for_agent(c, SESSION, lease, lease, &Allowlist::default(), 10)
        .await
        .expect("claim c");
    assert_eq!(claimed.len(), 1);

    // a's acceptance and result arrive in one batch.
    let job_a = launched.dispatched[0].1.job_id;
    let accepted = JobAccepted {
        agent_id: a,
        job_id: job_a,
        attempt: 1,
    };
    let outcome = JobOutcome {
        agent_id: a,
        job_id: job_a,
        attempt: 1,
        outcome: Ok(TaskResult::GpuReport(GpuReportResult::default())),
    };
    let verdicts = store
        .record_job_updates(&[accepted], vec![outcome], |_, _, _| {})
        .await
        .expect("batch");
    assert!(matches!(verdicts[..], [ResultOutcome::Recorded { .. }]));

    let mut labels = JobLabels::default();
    let log: Vec<RunChange> = store
        .run_events_after(run_id, 0, 100, &mut labels)
        .await
        .expect("events")
        .into_iter()
        .map(|e| e.change)
        .collect();
    let job_statuses = |job: uuid::Uuid| -> Vec<JobStatus> {
        log.iter()
            .filter_map(|change| match change {
                RunChange::Job { job_id, status, .. } if *job_id == job => Some(*status),
                _ => None,
            })
            .collect()
    };
    assert_eq!(log[0], RunChange::Run(RunStatus::Pending));
    assert_eq!(log[1], RunChange::Run(RunStatus::Running));
    assert_eq!(
        log.iter()
            .filter(|change| matches!(change, RunChange::Run(_)))
            .count(),
        2,
        "the claim of a running run adds no run event"
    );
    assert_eq!(
        job_statuses(job_a),
        vec![
            JobStatus::Dispatched,
            JobStatus::Running,
            JobStatus::Succeeded
        ]
    );
    assert_eq!(job_statuses(claimed[0].job_id), vec![JobStatus::Dispatched]);

    let url = pg.database_url();
    cyberbrain_testkit::checks::query(&url, &format!("DELETE FROM runs WHERE id = '{run_id}'"))
        .await;
    let left = cyberbrain_testkit::checks::count(
        &url,
        &format!(
            "SELECT (SELECT count(*) FROM run_events WHERE run_id = '{run_id}')
                  + (SELECT count(*) FROM jobs WHERE run_id = '{run_id}')"
        ),
    )
    .await;
    assert_eq!(left, 0, "the run's jobs and events go with it");
}

/// Acceptances go to the writer without waiting, so a job's acceptance and its result can be in two
/// batches written at once, each naming the jobs in its own order. Both batches commit: jobs are
/// locked in id order, so they wait for each other instead of deadlocking. (The test holds the
/// middle job until both batches wait, the interleaving in which two batches that lock in their
/// own orders deadlock every time.)
#[tokio::test]
async fn batches_over_the_same_jobs_in_opposite_orders_do_not_deadlock() {
    use cyberbrain_store::{JobAccepted, JobOutcome, ResultOutcome};
    use cyberbrain_tasks::{Allowlist, GpuReportResult, TaskResult};
    use std::time::{Duration, Instant};

    const AGENTS: usize = 40;
    let pg = PgCluster::start().await;
    let store = pg.store().await;
    let (agents, _) = gpu_run_over_new_agents(&store, AGENTS).await;
    let lease = Duration::from_secs(60);
    let mut jobs = Vec::new();
    for agent in &agents {
        let claimed = store
            .claim_queued_jobs_for_agent(agent.id, SESSION, lease, lease, &Allowlist::default(), 1)
            .await
            .expect("claim");
        jobs.push((agent.id, claimed[0].job_id));
    }
    let accepted: Vec<JobAccepted> = jobs
        .iter()
        .map(|(agent_id, job_id)| JobAccepted {
            agent_id: *agent_id,
            job_id: *job_id,
            attempt: 1,
        })
        .collect();
    let outcomes: Vec<JobOutcome> = jobs
        .iter()
        .rev()
        .map(|(agent_id, job_id)| JobOutcome {
            agent_id: *agent_id,
            job_id: *job_id,
            attempt: 1,
            outcome: Ok(TaskResult::GpuReport(GpuReportResult::default())),
        })
        .collect();

    let (holder, connection) = tokio_postgres::connect(&pg.database_url(), tokio_postgres::NoTls)
        .await
        .expect("connect");
    tokio::spawn(connection);
    holder.batch_execute("BEGIN").await.expect("begin");
    let middle = jobs[AGENTS / 2].1;
    holder
        .execute("SELECT 1 FROM jobs WHERE id = $1 FOR UPDATE", &[&middle])
        .await
        .expect("hold the middle job");

    let acceptances = {
        let store = store.clone();
        tokio::spawn(async move {
            store
                .record_job_updates(&accepted, Vec::new(), |_, _, _| {})
                .await
        })
    };
    let results = {
        let store = store.clone();
        tokio::spawn(async move { store.record_job_updates(&[], outcomes, |_, _, _| {}).await })
    };
    // Another session: one in a transaction keeps seeing the activity it first read.
    let url = pg.database_url();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let waiting = cyberbrain_testkit::checks::count(
            &url,
            "SELECT count(*) FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
        .await;
        if waiting >= 2 {
            break;
        }
        assert!(Instant::now() < deadline, "both batches wait for a lock");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    holder.batch_execute("COMMIT").await.expect("release");

    acceptances
        .await
        .expect("task")
        .unwrap_or_else(|e| panic!("acceptances: {e}"));
    let verdicts = results
        .await
        .expect("task")
        .unwrap_or_else(|e| panic!("results: {e}"));
    assert!(
        verdicts
            .iter()
            .all(|v| matches!(v, ResultOutcome::Recorded { .. })),
        "every result is stored: {verdicts:?}"
    );
}

#[tokio::test]
async fn queued_jobs_of_an_agent_revoked_during_their_launch_end_lost_in_a_sweep() {
    use cyberbrain_model::runs::JobStatus;
    use cyberbrain_testkit::checks::query;

    let pg = PgCluster::start().await;
    let store = pg.store().await;
    let (_, run) = gpu_run_over_new_agents(&store, 2).await;
    // The launch read a01 before its revocation, which committed first and so found no job of
    // a01 to end: a01 is revoked and its job queued.
    query(
        &pg.database_url(),
        "UPDATE agents SET state = 'revoked' WHERE name = 'a01'",
    )
    .await;
    let swept = store.reap_jobs_of_revoked_agents(500).await.expect("sweep");
    assert_eq!((swept.ended, swept.runs_to_finish), (1, vec![run.id]));
    let reaped = store.get_run(run.id).await.expect("run");
    let status_of = |name: &str| {
        let job = reaped
            .jobs
            .iter()
            .find(|j| j.agent_name == name)
            .expect("job");
        (job.status, job.error.clone())
    };
    assert_eq!(
        status_of("a01"),
        (JobStatus::Lost, Some("the agent was revoked".into()))
    );
    assert_eq!(
        status_of("a00").0,
        JobStatus::Queued,
        "others wait as before"
    );
    let again = store.reap_jobs_of_revoked_agents(500).await.expect("sweep");
    assert_eq!((again.ended, again.runs_to_finish.len()), (0, 0));
}

#[tokio::test]
async fn finished_runs_past_the_retention_period_go_with_their_rows_and_token_records_stay() {
    use cyberbrain_store::NewArtifact;
    use cyberbrain_testkit::checks::{count, query};
    use std::time::Duration;

    let pg = PgCluster::start().await;
    let store = pg.store().await;
    let url = pg.database_url();
    let (_, old) = gpu_run_over_new_agents(&store, 2).await;
    let (recent, running) = (gpu_run(&store).await.id, gpu_run(&store).await.id);
    for (run_id, ago) in [(old.id, "2 hours"), (recent, "10 minutes")] {
        query(
            &url,
            &format!(
                "UPDATE runs SET status = 'succeeded', finished_at = now() - interval '{ago}'
                 WHERE id = '{run_id}'"
            ),
        )
        .await;
    }
    query(
        &url,
        &format!(
            "INSERT INTO llm_calls (id, run_id, provider, model, endpoint_host, streamed,
                                    latency_ms, outcome)
             VALUES (gen_random_uuid(), '{}', 'local', 'tiny', 'localhost', false, 5, 'ok')",
            old.id
        ),
    )
    .await;
    store
        .record_artifacts(&[NewArtifact {
            run_id: old.id,
            job_id: None,
            kind: "report_json".into(),
            relative_path: format!("runs/{}/report.json", old.id),
            size_bytes: 2,
            sha256: "00".into(),
        }])
        .await
        .expect("artifact");

    let hour = Duration::from_secs(3600);
    let deleted = store.delete_expired_runs(hour, 20).await.expect("delete");
    assert_eq!(
        deleted,
        vec![old.id],
        "only the run finished before the cutoff"
    );
    for table in ["jobs", "run_events", "artifacts"] {
        let left = count(
            &url,
            &format!("SELECT count(*) FROM {table} WHERE run_id = '{}'", old.id),
        )
        .await;
        assert_eq!(left, 0, "{table} rows of the deleted run");
    }
    assert!(count(&url, "SELECT count(*) FROM jobs").await > 0);
    assert_eq!(
        count(&url, "SELECT count(*) FROM llm_calls WHERE run_id IS NULL").await,
        1,
        "token records outlive their run"
    );
    let existing = store
        .existing_runs(&[old.id, recent, running])
        .await
        .expect("existing");
    assert_eq!(
        existing,
        [recent, running].into_iter().collect(),
        "the recent and the unfinished run stay"
    );
    assert!(
        store
            .delete_expired_runs(hour, 20)
            .await
            .expect("again")
            .is_empty()
    );
}

#[tokio::test]
async fn the_store_reaches_postgresql_over_verified_tls_only() {
    use cyberbrain_testkit::checks::client_connections;
    use cyberbrain_testkit::process::Pki;

    let dir = cyberbrain_testkit::temp_dir("pg-tls");
    let pki = Pki::init(&dir.path().join("certs"), &[]);
    let other = Pki::init(&dir.path().join("other"), &[]);
    let (cert, key) = (
        pki.dir.join("controller.pem"),
        pki.dir.join("controller.key"),
    );
    let (_pg, url) = PgCluster::start_with_tls(&cert, &key).await;

    let store = Store::connect_with_ca(&url, Some(&pki.ca()))
        .await
        .expect("TLS verified against the server's CA");
    store.migrate().await.expect("migrations over TLS");
    let _notifications = store.listen(&["cyberbrain_test"]).await.expect("listen");
    assert!(
        client_connections(&url, true).await >= 2,
        "pooled and LISTEN connections"
    );
    assert_eq!(
        client_connections(&url, false).await,
        0,
        "no connection without TLS"
    );

    for (what, attempt) in [
        (
            "another CA",
            Store::connect_with_ca(&url, Some(&other.ca())).await,
        ),
        (
            "sslmode=require and the public roots",
            Store::connect(&format!("{url} sslmode=require")).await,
        ),
    ] {
        let error = attempt.expect_err(what).to_string();
        assert!(error.contains("certificate"), "{what}: {error}");
    }
}

/// PostgreSQL refuses NUL in `jsonb` and `text`; a container may print one and a hostile agent may
/// send one. Stored in one batch with another agent's result, it must neither fail the batch nor be
/// lost: it becomes U+FFFD.
#[tokio::test]
async fn a_nul_in_a_result_or_an_error_is_stored_as_a_replacement_character_in_its_batch() {
    use cyberbrain_store::{JobOutcome, ResultOutcome};
    use cyberbrain_tasks::{Allowlist, ContainerLogDigest, LogTriageResult, TaskResult};
    use std::time::Duration;

    let pg = PgCluster::start().await;
    let store = pg.store().await;
    agent(&store, "a", &[]).await;
    agent(&store, "b", &[]).await;
    let agents = store.list_agents().await.expect("agents");
    let tasks = vec![PlannedTask::with_defaults(TaskType::LogTriage)];
    let (run, _) = store
        .create_run(
            None,
            &tasks,
            &TargetSelector::All,
            &RunOrigin::untraced("t"),
            &audit(),
        )
        .await
        .expect("run");
    let lease = Duration::from_secs(60);
    let mut outcomes = Vec::new();
    for (agent, outcome) in agents.iter().zip([
        Ok(TaskResult::LogTriage(LogTriageResult {
            containers: vec![ContainerLogDigest {
                name: "web\0x".into(),
                ..Default::default()
            }],
            skipped_containers: 0,
        })),
        Err("crashed\0 here".to_string()),
    ]) {
        let claimed = store
            .claim_queued_jobs_for_agent(agent.id, SESSION, lease, lease, &Allowlist::default(), 10)
            .await
            .expect("claim");
        outcomes.push(JobOutcome {
            agent_id: agent.id,
            job_id: claimed[0].job_id,
            attempt: claimed[0].attempt,
            outcome,
        });
    }
    let verdicts = store
        .record_job_updates(&[], outcomes, |_, _, _| {})
        .await
        .expect("the batch is stored");
    assert!(
        verdicts
            .iter()
            .all(|v| matches!(v, ResultOutcome::Recorded { .. })),
        "{verdicts:?}"
    );
    let stored = store.get_run(run.id).await.expect("run");
    let mut names = Vec::new();
    let mut errors = Vec::new();
    for job in &stored.jobs {
        if let Some(TaskResult::LogTriage(r)) = &job.result {
            names.extend(r.containers.iter().map(|c| c.name.clone()));
        }
        errors.extend(job.error.clone());
    }
    assert_eq!(names, vec!["web\u{fffd}x".to_string()]);
    assert_eq!(errors, vec!["crashed\u{fffd} here".to_string()]);
}

#[tokio::test]
async fn a_nul_the_database_cannot_store_is_invalid_input_not_an_outage() {
    use cyberbrain_tasks::{AllowRule, MatchKind};
    let pg = PgCluster::start().await;
    let store = pg.store().await;
    let rule = AllowRule {
        kind: MatchKind::Name,
        pattern: "web".into(),
    };
    let refused = store
        .add_allowlist_entry(&rule, "a\0b", true, &audit())
        .await
        .expect_err("PostgreSQL cannot store a NUL in text");
    assert!(
        matches!(&refused, Error::InvalidArgument { .. }),
        "SQLSTATE 22P05 must be the caller's fault, not the database's: {refused:?}"
    );
    // The mistake did not break the store: the same entry without the NUL is added.
    store
        .add_allowlist_entry(&rule, "ab", true, &audit())
        .await
        .expect("a clean entry");
}

/// Replicas sweep for unreachable jobs side by side: each expired job ends `unreachable` once,
/// with its reason, and each run finishes once, after the sweep's commit; a job whose expiry has
/// not come stays queued.
#[tokio::test]
async fn unreachable_jobs_end_once_and_their_runs_finish_once_however_many_sweep() {
    let pg = PgCluster::start().await;
    let store = pg.store().await;
    for i in 0..4 {
        agent(&store, &format!("u{i}"), &[]).await;
    }
    // u0 never connected: enrolled only. The others went offline.
    for sql in [
        "UPDATE agents SET state = 'offline', replica = NULL",
        "UPDATE agents SET connected_at = NULL WHERE name = 'u0'",
    ] {
        cyberbrain_testkit::checks::query(&pg.database_url(), sql).await;
    }
    let mut runs = Vec::new();
    for _ in 0..20 {
        runs.push(gpu_run(&store).await.id);
    }
    let waiting = gpu_run(&store).await.id;
    // Their queue timeout has passed (the launch gave 300 s; move the clock, not the test).
    cyberbrain_testkit::checks::query(
        &pg.database_url(),
        &format!(
            "UPDATE jobs SET queue_expires_at = now() - interval '1 second' WHERE run_id <> '{waiting}'"
        ),
    )
    .await;
    let built = std::sync::atomic::AtomicUsize::new(0);
    let sweep = || async {
        let mut ended = 0;
        let mut touched = Vec::new();
        loop {
            let reaped = store.reap_unreachable_jobs(7).await.expect("sweep");
            ended += reaped.ended;
            touched.extend(reaped.runs_to_finish);
            if reaped.ended == 0 {
                break;
            }
        }
        // Each replica finishes the runs its sweeps touched; a run touched by both finishes once.
        let mut finished = Vec::new();
        for run_id in touched {
            let done = store
                .finish_run_if_done(run_id, |snapshot| {
                    built.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    Ok((format!("report {}", snapshot.run.id), serde_json::json!({})))
                })
                .await
                .expect("finish");
            finished.extend(done.map(|s| s.run.id));
        }
        (ended, finished)
    };
    let ((ended_a, mut finished_a), (ended_b, finished_b)) = tokio::join!(sweep(), sweep());
    assert_eq!(ended_a + ended_b, 80, "every expired job ends once");
    finished_a.extend(finished_b);
    finished_a.sort();
    runs.sort();
    assert_eq!(finished_a, runs, "every run finishes once");
    assert_eq!(built.load(std::sync::atomic::Ordering::SeqCst), 20);
    for run_id in &runs {
        let run = store.get_run(*run_id).await.expect("run");
        assert_eq!(run.run.status, RunStatus::Failed);
        for job in &run.jobs {
            let reason = job.error.as_deref().unwrap_or_default();
            assert!(
                reason.starts_with("no agent took the job within its queue timeout (300s): "),
                "{reason}"
            );
            let expected = if job.agent_name == "u0" {
                "the agent never connected"
            } else {
                "the agent has been offline since "
            };
            assert!(reason.contains(expected), "{}: {reason}", job.agent_name);
        }
        let (markdown, _) = store.get_report(*run_id).await.expect("stored report");
        assert_eq!(markdown, format!("report {run_id}"));
    }
    let events = cyberbrain_testkit::checks::count(
        &pg.database_url(),
        "SELECT count(*) FROM run_events WHERE status = 'unreachable'",
    )
    .await;
    assert_eq!(events, 80, "one event per job");
    let still = store.get_run(waiting).await.expect("run");
    assert!(
        still
            .jobs
            .iter()
            .all(|j| j.status == cyberbrain_model::runs::JobStatus::Queued)
    );
    assert!(!still.run.status.is_terminal());
}

/// A run may have at most 10,000 jobs (tasks × selected agents): one over is refused with the
/// count before anything is written, so `GetRun` and the report always fit a client's limits.
#[tokio::test]
async fn a_launch_of_more_jobs_than_a_run_may_have_is_refused_with_the_count() {
    let pg = PgCluster::start().await;
    let store = pg.store().await;
    for i in 0..40 {
        agent(&store, &format!("a{i:02}"), &[]).await;
    }
    let tasks = vec![PlannedTask::with_defaults(TaskType::GpuReport); 251];
    let refused = store
        .create_run(
            None,
            &tasks,
            &TargetSelector::All,
            &RunOrigin::untraced("t"),
            &audit(),
        )
        .await
        .expect_err("10,040 jobs");
    let Error::FailedPrecondition { field, reason } = &refused else {
        panic!("not a failed precondition: {refused:?}");
    };
    assert_eq!(field, "target");
    assert!(
        reason.contains("10040 jobs (251 tasks × 40 agents); at most 10000"),
        "{reason}"
    );
    let page = store
        .list_runs(&RunFilter {
            statuses: Vec::new(),
            directive_name: None,
            before: None,
            id_prefix: None,
            agent_name: None,
            limit: 10,
        })
        .await
        .expect("runs");
    assert!(page.runs.is_empty(), "nothing was written");
    // Exactly at the cap is a run.
    let (run, agents) = store
        .create_run(
            None,
            &tasks[..250],
            &TargetSelector::All,
            &RunOrigin::untraced("t"),
            &audit(),
        )
        .await
        .expect("10,000 jobs");
    assert_eq!(agents.len(), 40);
    assert_eq!(store.get_run(run.id).await.expect("run").jobs.len(), 10_000);
}

/// A job waits as long as its agent is online: past its queue expiry, a job queued for a live
/// (busy) agent stays queued; once the agent goes offline, the next sweep ends it `unreachable`.
#[tokio::test]
async fn a_job_past_its_queue_expiry_waits_while_its_agent_is_online() {
    let (pg, store, _) = store_with_one_agent().await;
    let run = gpu_run(&store).await.id;
    let expire = "UPDATE jobs SET queue_expires_at = now() - interval '1 second'";
    cyberbrain_testkit::checks::query(&pg.database_url(), expire).await;
    let sweep = || store.reap_unreachable_jobs(10);
    let reaped = sweep().await.expect("sweep");
    assert_eq!(reaped.ended, 0, "the agent is online: its job waits");
    let still = store.get_run(run).await.expect("run");
    assert_eq!(
        still.jobs[0].status,
        cyberbrain_model::runs::JobStatus::Queued
    );
    assert!(!still.run.status.is_terminal());

    cyberbrain_testkit::checks::query(
        &pg.database_url(),
        "UPDATE agents SET state = 'offline', replica = NULL",
    )
    .await;
    let reaped = sweep().await.expect("sweep");
    assert_eq!(reaped.ended, 1, "the agent is offline: its job ends");
    assert_eq!(reaped.runs_to_finish, vec![run]);
    let ended = store.get_run(run).await.expect("run");
    assert_eq!(
        ended.jobs[0].status,
        cyberbrain_model::runs::JobStatus::Unreachable
    );
    // Its finish is separate: a finish that failed leaves the run for the reaper's safety net.
    assert!(!ended.run.status.is_terminal());
    assert_eq!(
        store.runs_left_unfinished(10).await.expect("left"),
        vec![run]
    );
    store
        .finish_run_if_done(run, |snapshot| {
            Ok((format!("report {}", snapshot.run.id), serde_json::json!({})))
        })
        .await
        .expect("finish")
        .expect("finished now");
    assert_eq!(
        store.get_run(run).await.expect("run").run.status,
        RunStatus::Failed
    );
    assert!(
        store
            .runs_left_unfinished(10)
            .await
            .expect("left")
            .is_empty()
    );
}

/// Deleting an agent tells every replica to close its stream (the revoke channel), and a hello
/// with its certificate afterwards is refused without bringing the row back.
#[tokio::test]
async fn deleting_an_agent_closes_its_stream_and_its_hello_cannot_bring_it_back() {
    let pg = PgCluster::start().await;
    let store = pg.store().await;
    let hello = AgentHello {
        name: "gone".into(),
        hostname: "host-gone".into(),
        labels: BTreeMap::new(),
        version: "test".into(),
        capabilities: Capabilities::default(),
        cert_serial: Some("0badcafe".into()),
        cert_expires_at: None,
    };
    let ten = std::time::Duration::from_secs(10);
    let agent = store
        .agent_connected(&hello, "replica/session", ten)
        .await
        .expect("connected");
    cyberbrain_testkit::checks::query(&pg.database_url(), "UPDATE agents SET state = 'offline'")
        .await;
    let mut notices = store
        .listen(&[cyberbrain_store::REVOKE_CHANNEL])
        .await
        .expect("listen");
    store.delete_agent("gone", &audit()).await.expect("deleted");
    let notice = tokio::time::timeout(std::time::Duration::from_secs(10), notices.recv())
        .await
        .expect("a notice in time")
        .expect("a notice");
    assert_eq!(notice.payload, agent.id.to_string());

    let refused = store
        .agent_connected(&hello, "replica/session", ten)
        .await
        .expect_err("its certificate is revoked");
    assert!(matches!(refused, Error::PermissionDenied(_)), "{refused:?}");
    assert!(store.list_agents().await.expect("agents").is_empty());
}

/// Output is stored only for a running `command` job, and only up to the per-attempt cap: a
/// compromised agent cannot send without end.
#[tokio::test]
async fn job_output_is_capped_per_attempt_and_only_for_command_jobs() {
    use cyberbrain_store::{MAX_OUTPUT_PIECES, MAX_STORED_OUTPUT_BYTES, OutputPiece};
    use cyberbrain_tasks::{Allowlist, CommandParams};
    use std::time::Duration;

    let (_pg, store, a) = store_with_one_agent().await;
    let command = PlannedTask {
        spec: TaskSpec::Command(CommandParams {
            name: "whoami".into(),
            args: Vec::new(),
        }),
        ..PlannedTask::with_defaults(TaskType::GpuReport)
    };
    queued_run(
        &store,
        &[command, PlannedTask::with_defaults(TaskType::GpuReport)],
    )
    .await;
    let claimed = store
        .claim_queued_jobs_for_agent(
            a,
            SESSION,
            Duration::from_secs(60),
            Duration::from_secs(60),
            &Allowlist::default(),
            10,
        )
        .await
        .expect("claim");
    let job = |command: bool| {
        claimed
            .iter()
            .find(|j| matches!(j.task, TaskSpec::Command(_)) == command)
            .expect("job")
    };
    let (cmd, gpu) = (job(true), job(false));
    let piece = "x".repeat(60 * 1024);
    let record = |job_id, sequence: u64, text: String| {
        let store = store.clone();
        let attempt = if job_id == cmd.job_id {
            cmd.attempt
        } else {
            gpu.attempt
        };
        async move {
            store
                .record_job_output(a, job_id, attempt, sequence, &text)
                .await
                .expect("record")
        }
    };
    assert_eq!(
        record(gpu.job_id, 1, "hi\n".into()).await,
        OutputPiece::Ignored,
        "not a command job"
    );
    assert_eq!(
        record(cmd.job_id, MAX_OUTPUT_PIECES + 1, "hi\n".into()).await,
        OutputPiece::OverCap
    );
    let fits = u64::try_from(MAX_STORED_OUTPUT_BYTES).unwrap() / piece.len() as u64;
    for sequence in 1..=fits {
        assert_eq!(
            record(cmd.job_id, sequence, piece.clone()).await,
            OutputPiece::Stored,
            "piece {sequence}"
        );
    }
    assert_eq!(
        record(cmd.job_id, 1, piece.clone()).await,
        OutputPiece::Ignored,
        "a repeat"
    );
    assert_eq!(
        record(cmd.job_id, fits + 1, piece.clone()).await,
        OutputPiece::OverCap,
        "past the byte cap"
    );
    let mut stored = 0u64;
    let mut after = 0;
    loop {
        let pieces = store.job_output(cmd.job_id, after).await.expect("read");
        let Some((last, _)) = pieces.last() else {
            break;
        };
        after = *last;
        stored += pieces.iter().map(|(_, t)| t.len() as u64).sum::<u64>();
    }
    assert_eq!(stored, fits * piece.len() as u64);
    assert!(stored <= u64::try_from(MAX_STORED_OUTPUT_BYTES).unwrap());
}

/// One current session per agent (issue #22): an attach on another session replaces the older
/// one (announced on its channel), claims lease only to the current session, a replacing hello
/// leaves the replaced session's leased jobs alone, and heartbeats of a replaced session are
/// reported stale.
#[tokio::test]
async fn a_newer_session_replaces_the_older_for_claims_requeues_and_heartbeats() {
    use cyberbrain_store::AGENT_REPLACED_CHANNEL;
    use cyberbrain_tasks::Allowlist;
    use std::time::Duration;

    let (_pg, store, a) = store_with_one_agent().await;
    let mut notices = store
        .listen(&[AGENT_REPLACED_CHANNEL])
        .await
        .expect("listen");
    gpu_run(&store).await;
    let lease = Duration::from_secs(60);
    let first = store
        .claim_queued_jobs_for_agent(a, SESSION, lease, lease, &Allowlist::default(), 10)
        .await
        .expect("claim");
    assert_eq!(first.len(), 1);

    // Another stream of `a` attaches on another replica.
    let hello = AgentHello {
        name: "a".into(),
        hostname: "host-a".into(),
        labels: BTreeMap::new(),
        version: "test".into(),
        capabilities: Capabilities::default(),
        cert_serial: None,
        cert_expires_at: None,
    };
    let attached = store
        .agent_attached(&hello, "r2/1", Duration::from_secs(10))
        .await
        .expect("attached");
    assert_eq!(attached.replaced.as_deref(), Some(SESSION));
    let notice = tokio::time::timeout(Duration::from_secs(10), notices.recv())
        .await
        .expect("a notice in time")
        .expect("a notice");
    assert_eq!(notice.payload, format!("{a}:{SESSION}"));

    // Its hello lists nothing: the job leased to the live session it replaced stays.
    let spared = store
        .requeue_jobs_lost_by_agent(a, &[], attached.replaced.as_deref())
        .await
        .expect("requeue");
    assert_eq!((spared.requeued, spared.ended), (0, 0), "{spared:?}");

    // A new job goes only to the current session.
    gpu_run(&store).await;
    let stale = store
        .claim_queued_jobs_for_agent(a, SESSION, lease, lease, &Allowlist::default(), 10)
        .await
        .expect("claim");
    assert!(stale.is_empty(), "a replaced session claims nothing");
    let current = store
        .claim_queued_jobs_for_agent(a, "r2/1", lease, lease, &Allowlist::default(), 10)
        .await
        .expect("claim");
    assert_eq!(current.len(), 1);

    // Heartbeats: the older session's are stale, the current one's are not.
    let seen = vec![(a, SESSION.to_string())];
    assert_eq!(store.agents_seen(&seen).await.expect("seen"), seen);
    let seen = vec![(a, "r2/1".to_string())];
    assert!(store.agents_seen(&seen).await.expect("seen").is_empty());

    // A hello of the same session again, or after the current one ended, replaces nothing.
    store.agent_disconnected(a, "r2/1").await.expect("gone");
    let back = store
        .agent_attached(&hello, "r3/1", Duration::from_secs(10))
        .await
        .expect("attached");
    assert_eq!(back.replaced, None);
    let requeued = store
        .requeue_jobs_lost_by_agent(a, &[], back.replaced.as_deref())
        .await
        .expect("requeue");
    assert_eq!(requeued.requeued, 2, "{requeued:?}");
}

#[tokio::test]
async fn template_refinements_are_cached_once_per_fingerprint_with_their_calls() {
    use cyberbrain_model::baseline::fingerprint;
    use cyberbrain_model::llm_calls::{
        Attempt, Outcome, RefinementOutcome, TemplateRefinement, Usage,
    };
    use cyberbrain_testkit::checks::{count, query};

    let pg = PgCluster::start().await;
    let store = pg.store().await;
    let url = pg.database_url();
    let (_, run) = gpu_run_over_new_agents(&store, 1).await;
    let call = |outcome| Attempt {
        provider: "local".into(),
        model: "tiny".into(),
        endpoint_host: "127.0.0.1:1".into(),
        streamed: false,
        usage: Some(Usage {
            prompt_tokens: Some(90),
            completion_tokens: Some(12),
            total_tokens: Some(102),
        }),
        latency: std::time::Duration::from_millis(7),
        outcome,
    };
    let refined = fingerprint("shard <*> of user alice failed");
    let rejected = fingerprint("disk <*> full");
    let unknown = fingerprint("never asked");
    let entry = |fingerprint: &str, outcome| TemplateRefinement {
        fingerprint: fingerprint.into(),
        outcome,
        provider: "local".into(),
        model: "tiny".into(),
    };
    store
        .record_template_refinement(
            Some(run.id),
            &[call(Outcome::Ok)],
            Some(&entry(
                &refined,
                RefinementOutcome::Refined("shard <*> of user <*> failed".into()),
            )),
        )
        .await
        .expect("refined");
    store
        .record_template_refinement(
            Some(run.id),
            &[call(Outcome::InvalidAnswer)],
            Some(&entry(&rejected, RefinementOutcome::Rejected)),
        )
        .await
        .expect("rejected");
    // A failed call caches nothing; a later answer for a cached fingerprint changes nothing.
    store
        .record_template_refinement(Some(run.id), &[call(Outcome::Timeout)], None)
        .await
        .expect("failed call");
    store
        .record_template_refinement(
            None,
            &[],
            Some(&entry(&refined, RefinementOutcome::Unchanged)),
        )
        .await
        .expect("a second answer");

    let cached = store
        .template_refinements(&[refined.clone(), rejected.clone(), unknown.clone()])
        .await
        .expect("cached");
    assert_eq!(cached.len(), 2, "{cached:?}");
    assert_eq!(
        cached[&refined],
        RefinementOutcome::Refined("shard <*> of user <*> failed".into())
    );
    assert_eq!(cached[&rejected], RefinementOutcome::Rejected);
    assert!(!cached.contains_key(&unknown));

    let purposes = query(
        &url,
        "SELECT purpose, outcome, prompt_tokens FROM llm_calls ORDER BY created_at, outcome",
    )
    .await;
    let purposes: Vec<(String, String, Option<i32>)> = purposes
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    assert_eq!(purposes.len(), 3, "{purposes:?}");
    assert!(
        purposes
            .iter()
            .all(|(p, _, t)| p == "refine" && *t == Some(90))
    );
    // Triage calls keep their purpose.
    store
        .record_llm_calls(Some(run.id), None, &[call(Outcome::Ok)])
        .await
        .expect("triage call");
    assert_eq!(
        count(
            &url,
            "SELECT count(*) FROM llm_calls WHERE purpose = 'triage'"
        )
        .await,
        1
    );
    // The table holds no text but a validated refinement: the checks refuse anything else.
    for bad in [
        "INSERT INTO template_refinements (fingerprint, outcome, refined_template, provider, model)
         VALUES ('00000000000000000000000000000000', 'rejected', 'text', 'p', 'm')",
        "INSERT INTO template_refinements (fingerprint, outcome, provider, model)
         VALUES ('not a fingerprint', 'rejected', 'p', 'm')",
        "INSERT INTO llm_calls (id, provider, model, endpoint_host, streamed, latency_ms, outcome,
                                purpose)
         VALUES (gen_random_uuid(), 'p', 'm', 'h', false, 1, 'ok', 'chat')",
    ] {
        let client = store_client(&url).await;
        assert!(client.batch_execute(bad).await.is_err(), "{bad}");
    }
}

async fn store_client(url: &str) -> tokio_postgres::Client {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .expect("connects");
    tokio::spawn(connection);
    client
}
