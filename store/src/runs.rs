//! Runs: launch, listing, cancel, and the exactly-once finish.

use chrono::{DateTime, Utc};
use std::time::Duration;

use cyberbrain_model::baseline::{self, BaselineUpdate};
use cyberbrain_tasks::{ContainerLogDigest, JobLimits, PlannedTask, TaskResult};
use deadpool_postgres::GenericClient;
use tokio_postgres::Row;
use uuid::Uuid;

use super::CachedQueries;
use super::events::{self, Change, DISPATCH_CHANNEL};
use super::jobs::ClaimedJob;
use super::{Store, from_json, to_json, to_u32};
use crate::error::{Error, FireRefused, Result};
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::fleet::TargetSelector;
use cyberbrain_model::runs::{
    Job, JobStatus, Run, RunOrigin, RunStatus, RunWithJobs, TokenIdentity, final_run_status,
};

const RUN_COLUMNS: &str = "id, directive_name, directive_version, tasks, target, launched_by, status, \
                           created_at, started_at, finished_at, traceparent, launched_by_token, \
                           launched_by_role, queue_timeout_seconds, origin, scheduled_at";

/// One task's jobs of a launch: queued, or dispatched when an owner (a connection) took them.
///
/// A dispatched job's `deadline_at`, when the controller fails it itself, is one lease after the
/// deadline the agent is told (here and in claims): a live agent reports its own timeout first,
/// and a dead agent's job is requeued when its lease runs out instead of failed for its deadline.
///
/// A queued job gets its queue expiry: when no agent has taken it by then, the reaper ends it
/// `unreachable`.
const INSERT_JOBS: &str =
    "INSERT INTO jobs (id, run_id, agent_id, task_index, task_type, task, max_attempts,
                       deadline_seconds, queue_timeout_seconds, queue_expires_at, status, attempt,
                       lease_owner, dispatched_at, lease_expires_at, deadline_at, allowlist)
     SELECT job_id, $4, agent_id, $5, $6, $7, $8, $10::int4, $12::int4,
            CASE WHEN owner IS NULL THEN now() + make_interval(secs => $12::int4) END,
            CASE WHEN owner IS NULL THEN 'queued' ELSE 'dispatched' END,
            CASE WHEN owner IS NULL THEN 0 ELSE 1 END,
            owner,
            CASE WHEN owner IS NOT NULL THEN now() END,
            CASE WHEN owner IS NOT NULL THEN now() + make_interval(secs => $9) END,
            CASE WHEN owner IS NOT NULL
                 THEN now() + make_interval(secs => $10::int4 + $9::float8) END,
            CASE WHEN owner IS NOT NULL THEN $11::jsonb END
     FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS t(job_id, agent_id, owner)";

/// The limits a launch gives the jobs of tasks that set none: the launching controller's
/// `--max-attempts` and `--job-deadline-seconds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JobDefaults {
    /// Dispatches of one job at the most.
    pub max_attempts: u32,
    /// Time one attempt may take.
    pub deadline: Duration,
}

impl Default for JobDefaults {
    /// The flags' defaults: three attempts of five minutes.
    fn default() -> Self {
        JobDefaults {
            max_attempts: 3,
            deadline: Duration::from_secs(300),
        }
    }
}

impl JobDefaults {
    /// The attempts and the deadline (whole seconds, at least one) of a task's jobs.
    pub fn apply(&self, limits: &JobLimits) -> (u32, Duration) {
        let attempts = limits.max_attempts.unwrap_or(self.max_attempts).max(1);
        let deadline = limits
            .deadline_seconds
            .map_or(self.deadline, |s| Duration::from_secs(u64::from(s)))
            .max(Duration::from_secs(1));
        (attempts, deadline)
    }
}

/// What to launch: see [`Store::launch_run`].
#[derive(Debug, Clone, Copy)]
pub struct NewRun<'a> {
    /// The directive and version the tasks come from; `None` for an ad-hoc run.
    pub directive: Option<(&'a str, u32)>,
    /// The tasks: each becomes one job per selected agent.
    pub tasks: &'a [PlannedTask],
    /// Which agents.
    pub target: &'a TargetSelector,
    /// Who launched it, and the launch's trace.
    pub origin: &'a RunOrigin,
    /// The limits of jobs whose task sets none.
    pub defaults: JobDefaults,
    /// How long each job may wait queued before it ends `unreachable`.
    pub queue_timeout: Duration,
    /// Refuse the launch, naming them, when selected agents are not online.
    pub require_online: bool,
    /// Whether label selectors also match the labels agents report about themselves (beneath
    /// the admin-set ones); otherwise only admin-set labels count.
    pub trust_agent_labels: bool,
}

/// A selected agent that is not online at launch: its jobs wait for it, up to the queue timeout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotOnline {
    /// Its name.
    pub name: String,
    /// `stale` or `offline` (see `agents::STATE_SQL`).
    pub state: cyberbrain_model::fleet::AgentState,
    /// Its last sign of life; `None` when it never connected.
    pub last_seen_at: Option<DateTime<Utc>>,
}

impl NotOnline {
    /// One line: `alpha (offline since 2026-…Z)`, `beta (never connected)`, `gamma (stale, last
    /// heartbeat …)`.
    pub fn describe(&self) -> String {
        use cyberbrain_model::fleet::AgentState;
        let since = |t: &DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        match (self.state, &self.last_seen_at) {
            (_, None) => format!("{} (never connected)", self.name),
            (AgentState::Stale, Some(t)) => {
                format!("{} (stale: last heartbeat {})", self.name, since(t))
            }
            (_, Some(t)) => format!("{} (offline since {})", self.name, since(t)),
        }
    }
}

/// Names at most `limit` agents, then how many more: `a, b, c and 4 more`.
pub fn short_list(items: &[String], limit: usize) -> String {
    let shown = items
        .iter()
        .take(limit)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    match items.len().saturating_sub(limit) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

/// Offers a directly dispatched launch's jobs to an agent's connection: `(agent id, its current
/// session, its job ids)`, answered with the lease owner when taken (see [`DirectDispatch`]).
pub type PlaceJobs<'a> = dyn FnMut(Uuid, Option<&str>, &[Uuid]) -> Option<String> + Send + 'a;

/// How a launch hands jobs straight to agents connected to this replica.
pub struct DirectDispatch<'a> {
    /// Offered each selected agent's id, its current session as the launch's transaction reads
    /// it (`None` when disconnected) and its job ids (one per task); returns the lease owner
    /// (the agent's connection here) if that connection is the current session and takes them
    /// all now, having reserved room.
    pub place: &'a mut PlaceJobs<'a>,
    /// The leases of jobs dispatched directly.
    pub lease: Duration,
}

/// A launched run.
#[derive(Debug)]
pub struct LaunchedRun {
    /// The run and its jobs, as committed.
    pub run: RunWithJobs,
    /// Jobs dispatched directly, with their agents: to send now.
    pub dispatched: Vec<(Uuid, ClaimedJob)>,
    /// The allowlist they were dispatched with (empty when none were).
    pub allowlist: cyberbrain_tasks::Allowlist,
    /// Selected agents that were not online, by name.
    pub not_online: Vec<NotOnline>,
}

/// A run's report as [`Store::run_report`] finds it.
#[derive(Debug)]
pub enum StoredReport {
    /// The run has ended: its final report as (Markdown, JSON).
    Final(String, serde_json::Value),
    /// The run has not ended: the snapshot to build the report so far from.
    Partial(Box<RunWithJobs>),
}

impl LaunchedRun {
    /// The agents that got work, by name.
    pub fn agent_ids(&self) -> Vec<Uuid> {
        let mut ids: Vec<Uuid> = self.run.jobs.iter().map(|j| j.agent_id).collect();
        ids.dedup();
        ids
    }
}

/// Which runs to list.
#[derive(Debug, Clone, Default)]
pub struct RunFilter {
    /// Only these statuses; empty = all.
    pub statuses: Vec<RunStatus>,
    /// Only this directive's runs.
    pub directive_name: Option<String>,
    /// Keyset cursor: runs strictly older than this (created_at, id).
    pub before: Option<(DateTime<Utc>, Uuid)>,
    /// Only runs whose id as text starts with this. The caller keeps it to hex digits and
    /// dashes, so it holds no LIKE wildcard.
    pub id_prefix: Option<String>,
    /// Only runs with a job on this agent (by name).
    pub agent_name: Option<String>,
    /// Page size.
    pub limit: u32,
}

/// One page of runs, newest first.
#[derive(Debug, Clone)]
pub struct RunPage {
    /// The runs.
    pub runs: Vec<Run>,
    /// Cursor for the next page, when there may be one.
    pub next: Option<(DateTime<Utc>, Uuid)>,
}

impl Store {
    /// Creates a run and one queued job per (task, selected agent), in one transaction with its
    /// audit entry (whose object becomes the run's id). Returns the run and the ids of the agents
    /// that got work. A selector that picks no agent is refused. Tasks without limits get the
    /// flags' defaults. (A launch with no direct dispatch: see [`Store::launch_run`].)
    pub async fn create_run(
        &self,
        directive: Option<(&str, u32)>,
        tasks: &[PlannedTask],
        target: &TargetSelector,
        origin: &RunOrigin,
        audit: &AuditEntry,
    ) -> Result<(Run, Vec<Uuid>)> {
        let launch = NewRun {
            directive,
            tasks,
            target,
            origin,
            defaults: JobDefaults::default(),
            queue_timeout: Duration::from_secs(300),
            require_online: false,
            trust_agent_labels: false,
        };
        let launched = self.launch_run(&launch, None, audit).await?;
        let agent_ids = launched.agent_ids();
        Ok((launched.run.run, agent_ids))
    }

    /// Creates a run and its jobs, one per (task, selected agent), in one transaction with its
    /// audit entry (whose object becomes the run's id). A selector that picks no agent is refused.
    ///
    /// With `direct`, each selected agent's jobs are offered to it: those it takes (its connection
    /// is on this replica and has room) are created dispatched — first attempt, leased, with the
    /// allowlist — and returned for sending; the others are queued and their agents notified, for
    /// whichever replica holds their connections to claim.
    #[tracing::instrument(name = "db.create_run", level = "info", skip_all)]
    pub async fn launch_run(
        &self,
        launch: &NewRun<'_>,
        mut direct: Option<DirectDispatch<'_>>,
        audit: &AuditEntry,
    ) -> Result<LaunchedRun> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        if let Some(fire) = &launch.origin.schedule {
            // First, so that a second replica firing the same time waits here for this
            // transaction and then finds the row taken.
            if let Some(refused) = super::schedules::claim_fire(&tx, fire).await? {
                if refused == FireRefused::Busy {
                    tx.commit().await?;
                }
                return Err(Error::NotFired(refused));
            }
        }
        if let Some(delivery) = &launch.origin.delivery {
            // Also first: a second delivery with the same key waits here, then finds it taken.
            if !super::triggers::claim_delivery(&tx, delivery).await? {
                return Err(Error::NotFired(FireRefused::DuplicateDelivery));
            }
        }
        let target = launch.target;
        // The allowlist is read beside the agents (pipelined) whenever jobs may be dispatched
        // here: one round trip, whether or not any turns out to be.
        let read_allowlist = direct.is_some();
        let (selected, allowlist) = tokio::try_join!(
            select_agents(&tx, target, launch.trust_agent_labels),
            async {
                match read_allowlist {
                    true => super::allowlist::active(&tx).await.map(Some),
                    false => Ok(None),
                }
            }
        )?;
        if selected.is_empty() {
            return Err(Error::FailedPrecondition {
                field: "target".into(),
                reason: format!("selector {} matches no agent", target.describe()),
            });
        }
        cyberbrain_model::runs::check_job_count(launch.tasks.len(), selected.len()).map_err(
            |reason| Error::FailedPrecondition {
                field: "target".into(),
                reason,
            },
        )?;
        let not_online: Vec<NotOnline> = selected
            .iter()
            .filter_map(|agent| agent.not_online.clone())
            .collect();
        if launch.require_online {
            refuse_not_online(&not_online, selected.len())?;
        }
        let sessions: Vec<Option<String>> = selected.iter().map(|a| a.session.clone()).collect();
        let (agent_ids, agent_names): (Vec<Uuid>, Vec<String>) =
            selected.into_iter().map(|a| (a.id, a.name)).unzip();
        let run_id = Uuid::new_v4();
        let tasks = launch.tasks;
        // job_ids[task][agent]
        let job_ids: Vec<Vec<Uuid>> = tasks
            .iter()
            .map(|_| agent_ids.iter().map(|_| Uuid::new_v4()).collect())
            .collect();
        let mut owners: Vec<Option<String>> = vec![None; agent_ids.len()];
        if let Some(direct) = direct.as_mut() {
            for (i, agent_id) in agent_ids.iter().enumerate() {
                let jobs: Vec<Uuid> = job_ids.iter().map(|per_task| per_task[i]).collect();
                owners[i] = (direct.place)(*agent_id, sessions[i].as_deref(), &jobs);
            }
        }
        let any_placed = owners.iter().any(Option::is_some);
        let allowlist = allowlist.filter(|_| any_placed);
        let (directive_name, directive_version) = match launch.directive {
            Some((name, version)) => (Some(name), Some(i32::try_from(version).unwrap_or(i32::MAX))),
            None => (None, None),
        };
        let origin = launch.origin;
        let mut log = events::Batch::default();
        log.push(run_id, Change::Run(RunStatus::Pending));
        if any_placed {
            log.push(run_id, Change::Run(RunStatus::Running));
        }
        // Per task: (max attempts, deadline in whole seconds), as stored on its jobs.
        let limits: Vec<(i32, i32)> = tasks
            .iter()
            .map(|task| {
                let (attempts, deadline) = launch.defaults.apply(&task.limits);
                (
                    i32::try_from(attempts).unwrap_or(i32::MAX),
                    i32::try_from(deadline.as_secs()).unwrap_or(i32::MAX),
                )
            })
            .collect();
        let mut dispatched = Vec::new();
        for (index, task) in tasks.iter().enumerate() {
            let deadline = Duration::from_secs(u64::try_from(limits[index].1).unwrap_or(1));
            for (i, owner) in owners.iter().enumerate() {
                if owner.is_some() {
                    let job_id = job_ids[index][i];
                    log.job(run_id, job_id, JobStatus::Dispatched, 1, None);
                    dispatched.push((
                        agent_ids[i],
                        ClaimedJob {
                            job_id,
                            run_id,
                            attempt: 1,
                            task: task.spec.clone(),
                            deadline,
                            since_launch: Duration::ZERO,
                            run_traceparent: origin.traceparent.clone(),
                        },
                    ));
                }
            }
        }
        let event_count = log.count_for(run_id);
        let queue_timeout_seconds =
            i32::try_from(launch.queue_timeout.as_secs().max(1)).unwrap_or(i32::MAX);
        let lease = direct.as_ref().map_or(0.0, |d| d.lease.as_secs_f64());
        let allowlist_json = allowlist
            .as_ref()
            .map(|a| to_json("job allowlist", a))
            .transpose()?;
        let tasks_json = to_json("run tasks", &tasks)?;
        let target_json = to_json("run target", target)?;
        let task_jsons = tasks
            .iter()
            .map(|task| to_json("job task", &task.spec))
            .collect::<Result<Vec<_>>>()?;
        let task_indexes = (0..tasks.len())
            .map(|index| {
                i32::try_from(index).map_err(|_| Error::invalid("tasks", "too many tasks"))
            })
            .collect::<Result<Vec<_>>>()?;
        let queued_for: Vec<Uuid> = agent_ids
            .iter()
            .zip(&owners)
            .filter(|(_, owner)| owner.is_none())
            .map(|(id, _)| *id)
            .collect();
        let audit = audit
            .clone()
            .on(run_id.to_string())
            .with(serde_json::json!({
                "directive": directive_name,
                "directive_version": directive_version,
                "target": target.describe(),
                "jobs": tasks.len() * agent_ids.len(),
                "launched_by_token": origin.token.as_ref().map(|t| &t.name),
                "launched_by_role": origin.token.as_ref().map(|t| &t.role),
                "launched_by_note": origin.launched_by,
                "queue_timeout_seconds": queue_timeout_seconds,
                "origin": origin.schedule.as_ref().map(|f| cyberbrain_model::schedules::origin_of(&f.schedule_name))
                    .or_else(|| origin.delivery.as_ref().map(|d| cyberbrain_model::triggers::origin_of(&d.trigger_name))),
                "scheduled_at": origin.schedule.as_ref().map(|f| f.scheduled_at.to_rfc3339()),
                "delivery": origin.delivery.as_ref().map(|d| &d.dedupe_key),
                "commands": tasks
                    .iter()
                    .filter_map(|t| match &t.spec {
                        cyberbrain_tasks::TaskSpec::Command(c) => Some(c),
                        _ => None,
                    })
                    .collect::<Vec<_>>(),
                "containers": tasks
                    .iter()
                    .filter_map(|t| match &t.spec {
                        // Environment values may be secrets: the audit keeps their names.
                        cyberbrain_tasks::TaskSpec::Container(c) => Some(serde_json::json!({
                            "image": c.image,
                            "args": c.args,
                            "env": c.env.iter()
                                .map(|e| e.split_once('=').map_or(e.as_str(), |(k, _)| k))
                                .collect::<Vec<_>>(),
                            "network": c.network,
                            "gpus": c.gpus,
                        })),
                        _ => None,
                    })
                    .collect::<Vec<_>>(),
            }));
        // The run, one statement per task for all its jobs, the run's events, the notifications
        // and the audit entry do not depend on one another: they are sent together (pipelined)
        // and cost one round trip, whatever the fleet's size.
        let run_sql = format!(
            "INSERT INTO runs (id, directive_name, directive_version, tasks, target, launched_by,
                               traceparent, status, started_at, last_event_seq,
                               launched_by_token, launched_by_role, queue_timeout_seconds,
                               origin, scheduled_at, schedule_id, trigger_id)
             VALUES ($1, $2, $3, $4, $5, $6, $7,
                     CASE WHEN $8 THEN 'running' ELSE 'pending' END,
                     CASE WHEN $8 THEN now() END, $9, $10, $11, $12, $13, $14, $15, $16)
             RETURNING {RUN_COLUMNS}"
        );
        let (token_name, token_role) = match &origin.token {
            Some(token) => (Some(token.name.as_str()), Some(token.role.as_str())),
            None => (None, None),
        };
        let (origin_text, scheduled_at, schedule_id) = match &origin.schedule {
            Some(fire) => (
                cyberbrain_model::schedules::origin_of(&fire.schedule_name),
                Some(fire.scheduled_at),
                Some(fire.schedule_id),
            ),
            None => (
                origin
                    .delivery
                    .as_ref()
                    .map(|d| cyberbrain_model::triggers::origin_of(&d.trigger_name))
                    .unwrap_or_default(),
                None,
                None,
            ),
        };
        let trigger_id = origin.delivery.as_ref().map(|d| d.trigger_id);
        let insert_run = async {
            let params: [&(dyn tokio_postgres::types::ToSql + Sync); 16] = [
                &run_id,
                &directive_name,
                &directive_version,
                &tasks_json,
                &target_json,
                &origin.launched_by,
                &origin.traceparent,
                &any_placed,
                &event_count,
                &token_name,
                &token_role,
                &queue_timeout_seconds,
                &origin_text,
                &scheduled_at,
                &schedule_id,
                &trigger_id,
            ];
            Ok::<_, Error>(tx.query_one_cached(&run_sql, &params).await?)
        };
        let (job_ids_ref, agent_ids_ref, owners_ref) = (&job_ids, &agent_ids, &owners);
        let (task_jsons, task_indexes, allowlist_json, limits, tx_ref) =
            (&task_jsons, &task_indexes, &allowlist_json, &limits, &tx);
        let queue_timeout_ref = &queue_timeout_seconds;
        let insert_jobs = futures_util::future::try_join_all(tasks.iter().enumerate().map(
            |(index, task)| async move {
                let task_type = task.task_type().as_str();
                let params: [&(dyn tokio_postgres::types::ToSql + Sync); 12] = [
                    &job_ids_ref[index],
                    agent_ids_ref,
                    owners_ref,
                    &run_id,
                    &task_indexes[index],
                    &task_type,
                    &task_jsons[index],
                    &limits[index].0,
                    &lease,
                    &limits[index].1,
                    allowlist_json,
                    queue_timeout_ref,
                ];
                Ok::<_, Error>(tx_ref.execute_cached(INSERT_JOBS, &params).await?)
            },
        ));
        let notify = async {
            if !queued_for.is_empty() {
                tx.execute_cached(
                    "SELECT pg_notify($1, agent_id::text) FROM unnest($2::uuid[]) AS agent_id",
                    &[&DISPATCH_CHANNEL, &queued_for],
                )
                .await?;
            }
            Ok::<_, Error>(())
        };
        let (row, _, (), (), ()) = tokio::try_join!(
            insert_run,
            insert_jobs,
            log.insert_for_new_runs(&tx),
            notify,
            super::audit::record(&tx, &audit)
        )?;
        let run = run_from_row(&row)?;
        tx.commit().await?;
        // The jobs as stored, by agent name then task index, without reading them back.
        let mut jobs = Vec::with_capacity(tasks.len() * agent_ids.len());
        for (i, (agent_id, agent_name)) in agent_ids.iter().zip(agent_names).enumerate() {
            let placed = owners[i].is_some();
            for (index, task) in tasks.iter().enumerate() {
                jobs.push(Job {
                    id: job_ids[index][i],
                    run_id,
                    agent_id: *agent_id,
                    agent_name: agent_name.clone(),
                    task_index: u32::try_from(index).unwrap_or(u32::MAX),
                    task: task.spec.clone(),
                    status: if placed {
                        JobStatus::Dispatched
                    } else {
                        JobStatus::Queued
                    },
                    attempt: u32::from(placed),
                    max_attempts: u32::try_from(limits[index].0).unwrap_or(1),
                    result: None,
                    error: None,
                    created_at: run.created_at,
                    dispatched_at: placed.then_some(run.created_at),
                    finished_at: None,
                });
            }
        }
        Ok(LaunchedRun {
            run: RunWithJobs { run, jobs },
            dispatched,
            allowlist: allowlist.unwrap_or_default(),
            not_online,
        })
    }

    /// A run without its jobs.
    pub async fn get_run_header(&self, run_id: Uuid) -> Result<Run> {
        let client = self.client().await?;
        load_run(&client, run_id).await
    }

    /// A run with its jobs.
    pub async fn get_run(&self, run_id: Uuid) -> Result<RunWithJobs> {
        let client = self.client().await?;
        load_run_with_jobs(&client, run_id).await
    }

    /// A run with its jobs and the number of its last event, read in one snapshot: a watcher sends
    /// this, then every event after that number.
    pub async fn run_snapshot(&self, run_id: Uuid) -> Result<(RunWithJobs, u64)> {
        let mut client = self.client().await?;
        let tx = client
            .build_transaction()
            .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await?;
        let snapshot = load_run_with_jobs(&tx, run_id).await?;
        let seq: i64 = tx
            .query_one_cached("SELECT last_event_seq FROM runs WHERE id = $1", &[&run_id])
            .await?
            .try_get(0)?;
        tx.commit().await?;
        Ok((snapshot, u64::try_from(seq).unwrap_or(0)))
    }

    /// The run's status.
    pub async fn run_status(&self, run_id: Uuid) -> Result<RunStatus> {
        let client = self.client().await?;
        let row = client
            .query_opt_cached("SELECT status FROM runs WHERE id = $1", &[&run_id])
            .await?
            .ok_or_else(|| Error::NotFound {
                what: "run",
                name: run_id.to_string(),
            })?;
        parse_run_status(row.try_get(0)?)
    }

    /// Runs newest first, filtered, one page.
    pub async fn list_runs(&self, filter: &RunFilter) -> Result<RunPage> {
        let client = self.client().await?;
        let statuses: Vec<&str> = filter.statuses.iter().map(|s| s.as_str()).collect();
        let (before_at, before_id) = match filter.before {
            Some((at, id)) => (Some(at), Some(id)),
            None => (None, None),
        };
        // One row more than asked tells whether another page exists.
        let limit = i64::from(filter.limit) + 1;
        // The agent filter is its own statement: driven from that agent's jobs (an index on
        // jobs (agent_id, created_at)), not checked run by run down the whole table.
        let by_agent = if filter.agent_name.is_some() {
            "AND id IN (SELECT j.run_id FROM jobs j
                        WHERE j.agent_id = (SELECT a.id FROM agents a WHERE a.name = $7))"
        } else {
            "AND $7::text IS NULL"
        };
        let rows = client
            .query_cached(
                &format!(
                    "SELECT {RUN_COLUMNS} FROM runs
                     WHERE (cardinality($1::text[]) = 0 OR status = ANY($1))
                       AND ($2::text IS NULL OR directive_name = $2)
                       AND ($3::timestamptz IS NULL OR (created_at, id) < ($3, $4::uuid))
                       AND ($6::text IS NULL OR id::text LIKE $6 || '%')
                       {by_agent}
                     ORDER BY created_at DESC, id DESC
                     LIMIT $5"
                ),
                &[
                    &statuses,
                    &filter.directive_name,
                    &before_at,
                    &before_id,
                    &limit,
                    &filter.id_prefix,
                    &filter.agent_name,
                ],
            )
            .await?;
        let mut runs = rows.iter().map(run_from_row).collect::<Result<Vec<_>>>()?;
        let next = if runs.len() > filter.limit as usize {
            runs.truncate(filter.limit as usize);
            runs.last().map(|r| (r.created_at, r.id))
        } else {
            None
        };
        Ok(RunPage { runs, next })
    }

    /// Finishes the run if every job has ended and it has not finished yet: sets its final status
    /// and stores the report that `build_report` makes from the final snapshot, in one transaction
    /// under the run's row lock. Exactly one caller ever gets `Some`: that is the run's single
    /// finish, however many replicas race for it.
    pub async fn finish_run_if_done<F>(
        &self,
        run_id: Uuid,
        build_report: F,
    ) -> Result<Option<RunWithJobs>>
    where
        F: FnOnce(&RunWithJobs) -> Result<(String, serde_json::Value)>,
    {
        self.finish_run_with_baseline(run_id, |snapshot, _| build_report(snapshot))
            .await
    }

    /// [`Store::finish_run_if_done`], with the run's template baseline (its directive's, or its
    /// ad-hoc target's) given to `build_report` as it was before this run, the run's templates
    /// merged into it in the same transaction (with a `baseline.update` audit entry). A baseline
    /// that cannot be read or updated does not stop the finish: `build_report` is told.
    #[tracing::instrument(name = "db.finish_run_if_done", level = "info", skip_all)]
    pub async fn finish_run_with_baseline<F>(
        &self,
        run_id: Uuid,
        build_report: F,
    ) -> Result<Option<RunWithJobs>>
    where
        F: FnOnce(&RunWithJobs, &BaselineUpdate) -> Result<(String, serde_json::Value)>,
    {
        let mut client = self.client().await?;
        // Most results leave other jobs unfinished: find that out with one indexed lookup, without
        // the run's lock, instead of loading the whole run under it (which made a run's results
        // cost O(jobs²) and serialised them behind that lock).
        let unfinished = client
            .query_one_cached(
                "SELECT EXISTS (SELECT 1 FROM jobs WHERE run_id = $1
                                  AND status IN ('queued', 'dispatched', 'running'))",
                &[&run_id],
            )
            .await?;
        if unfinished.try_get::<_, bool>(0)? {
            return Ok(None);
        }
        let tx = client.transaction().await?;
        if lock_run_status(&tx, run_id).await?.is_terminal() {
            return Ok(None);
        }
        let finished = finish_locked(&tx, run_id, build_report).await?;
        if finished.is_some() {
            tx.commit().await?;
        }
        Ok(finished)
    }

    /// The stored report of a finished run as (Markdown, JSON).
    #[tracing::instrument(name = "db.get_report", level = "info", skip_all)]
    pub async fn get_report(&self, run_id: Uuid) -> Result<(String, serde_json::Value)> {
        match self.run_report(run_id).await? {
            StoredReport::Final(markdown, json) => Ok((markdown, json)),
            StoredReport::Partial(snapshot) => Err(Error::FailedPrecondition {
                field: "run_id".into(),
                reason: format!(
                    "run {run_id} has no report yet (status {})",
                    snapshot.run.status.as_str()
                ),
            }),
        }
    }

    /// A run's stored report, or, while it has none (it has not ended), the snapshot to build the
    /// report so far from: one consistent read either way.
    #[tracing::instrument(name = "db.run_report", level = "info", skip_all)]
    pub async fn run_report(&self, run_id: Uuid) -> Result<StoredReport> {
        let mut client = self.client().await?;
        let tx = client
            .build_transaction()
            .isolation_level(tokio_postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .await?;
        let row = tx
            .query_opt_cached(
                "SELECT report_markdown, report_json FROM runs WHERE id = $1",
                &[&run_id],
            )
            .await?
            .ok_or_else(|| Error::NotFound {
                what: "run",
                name: run_id.to_string(),
            })?;
        let markdown: Option<String> = row.try_get(0)?;
        let json: Option<serde_json::Value> = row.try_get(1)?;
        let report = match (markdown, json) {
            (Some(markdown), Some(json)) => StoredReport::Final(markdown, json),
            _ => StoredReport::Partial(Box::new(load_run_with_jobs(&tx, run_id).await?)),
        };
        tx.commit().await?;
        Ok(report)
    }
}

/// Finishes the run, whose row the caller's transaction has locked `FOR UPDATE`, if it has not
/// ended and every job has: reads the run's template baseline and merges the run's templates
/// into it (each under a savepoint, see `baselines`), stores the final status and the report
/// `build_report` makes from the final snapshot and what became of the baseline, and appends the
/// run's last event. Returns that snapshot, or `None` (nothing changed).
pub(super) async fn finish_locked<F>(
    tx: &deadpool_postgres::Transaction<'_>,
    run_id: Uuid,
    build_report: F,
) -> Result<Option<RunWithJobs>>
where
    F: FnOnce(&RunWithJobs, &BaselineUpdate) -> Result<(String, serde_json::Value)>,
{
    let mut snapshot = load_run_with_jobs(tx, run_id).await?;
    if snapshot.run.status.is_terminal() {
        return Ok(None);
    }
    let job_statuses: Vec<JobStatus> = snapshot.jobs.iter().map(|j| j.status).collect();
    if job_statuses.iter().any(|s| !s.is_terminal()) {
        return Ok(None);
    }
    let final_status = final_run_status(&job_statuses);
    let finished_at = Utc::now();
    snapshot.run.status = final_status;
    snapshot.run.finished_at = Some(finished_at);
    let scope = baseline::scope_of(&snapshot.run);
    let digests: Vec<&ContainerLogDigest> = snapshot
        .jobs
        .iter()
        .filter(|job| job.status == JobStatus::Succeeded)
        .filter_map(|job| match &job.result {
            Some(TaskResult::LogTriage(r)) => Some(r),
            _ => None,
        })
        .flat_map(|r| &r.containers)
        .collect();
    let observed = (!digests.is_empty()).then(|| baseline::observations(digests));
    // Read as it was before this run (the report judges against that), then merged; neither
    // can stop the finish (see `baselines`).
    let known =
        super::baselines::read_and_update(tx, run_id, &scope, observed.as_deref(), finished_at)
            .await?;
    let (markdown, json) = build_report(&snapshot, &known)?;
    tx.execute_cached(
        "UPDATE runs SET status = $2, finished_at = $3, started_at = COALESCE(started_at, $3),
             report_markdown = $4, report_json = $5
         WHERE id = $1",
        &[
            &run_id,
            &final_status.as_str(),
            &finished_at,
            &markdown,
            &json,
        ],
    )
    .await?;
    // The run's notifications commit with its finish: references only, rendered when sent.
    super::notifications::enqueue_for_finished_run(
        tx,
        run_id,
        snapshot.run.directive_name.as_deref(),
        &super::notifications::events_of_finish(final_status, &json),
    )
    .await?;
    let mut log = events::Batch::default();
    log.push(run_id, Change::Run(final_status));
    log.append(tx).await?;
    Ok(Some(snapshot))
}

async fn lock_run_status(
    tx: &deadpool_postgres::Transaction<'_>,
    run_id: Uuid,
) -> Result<RunStatus> {
    let row = tx
        .query_opt_cached(
            "SELECT status FROM runs WHERE id = $1 FOR UPDATE",
            &[&run_id],
        )
        .await?
        .ok_or_else(|| Error::NotFound {
            what: "run",
            name: run_id.to_string(),
        })?;
    parse_run_status(row.try_get(0)?)
}

async fn load_run(client: &impl CachedQueries, run_id: Uuid) -> Result<Run> {
    let row = client
        .query_opt_cached(
            &format!("SELECT {RUN_COLUMNS} FROM runs WHERE id = $1"),
            &[&run_id],
        )
        .await?
        .ok_or_else(|| Error::NotFound {
            what: "run",
            name: run_id.to_string(),
        })?;
    run_from_row(&row)
}

async fn load_run_with_jobs(client: &impl CachedQueries, run_id: Uuid) -> Result<RunWithJobs> {
    let run = load_run(client, run_id).await?;
    let job_rows = client
        .query_cached(
            "SELECT j.id, j.run_id, j.agent_id, a.name AS agent_name, j.task_index, j.task, j.status,
                    j.attempt, j.max_attempts, j.result, j.error, j.created_at, j.dispatched_at,
                    j.finished_at
             FROM jobs j JOIN agent_names a ON a.id = j.agent_id
             WHERE j.run_id = $1 ORDER BY a.name, j.task_index",
            &[&run_id],
        )
        .await?;
    let jobs = job_rows
        .iter()
        .map(job_from_row)
        .collect::<Result<Vec<_>>>()?;
    Ok(RunWithJobs { run, jobs })
}

fn parse_run_status(s: String) -> Result<RunStatus> {
    RunStatus::parse(&s).ok_or(Error::Corrupt {
        what: "run status",
        reason: s,
    })
}

fn run_from_row(row: &Row) -> Result<Run> {
    let version: Option<i32> = row.try_get("directive_version")?;
    Ok(Run {
        id: row.try_get("id")?,
        directive_name: row.try_get("directive_name")?,
        directive_version: version
            .map(|v| to_u32("directive version", v))
            .transpose()?,
        tasks: from_json("run tasks", row.try_get("tasks")?)?,
        target: from_json("run target", row.try_get("target")?)?,
        launched_by: row.try_get("launched_by")?,
        launched_by_token: match (
            row.try_get::<_, Option<String>>("launched_by_token")?,
            row.try_get::<_, Option<String>>("launched_by_role")?,
        ) {
            (Some(name), Some(role)) => Some(TokenIdentity { name, role }),
            _ => None,
        },
        queue_timeout: row
            .try_get::<_, Option<i32>>("queue_timeout_seconds")?
            .and_then(|s| u64::try_from(s).ok())
            .map(Duration::from_secs),
        status: parse_run_status(row.try_get("status")?)?,
        created_at: row.try_get("created_at")?,
        started_at: row.try_get("started_at")?,
        finished_at: row.try_get("finished_at")?,
        traceparent: row.try_get("traceparent")?,
        origin: row.try_get("origin")?,
        scheduled_at: row.try_get("scheduled_at")?,
    })
}

fn job_from_row(row: &Row) -> Result<Job> {
    let status: String = row.try_get("status")?;
    let result: Option<serde_json::Value> = row.try_get("result")?;
    Ok(Job {
        id: row.try_get("id")?,
        run_id: row.try_get("run_id")?,
        agent_id: row.try_get("agent_id")?,
        agent_name: row.try_get("agent_name")?,
        task_index: to_u32("job task index", row.try_get("task_index")?)?,
        task: from_json("job task", row.try_get("task")?)?,
        status: JobStatus::parse(&status).ok_or_else(|| Error::Corrupt {
            what: "job status",
            reason: status.clone(),
        })?,
        attempt: to_u32("job attempt", row.try_get("attempt")?)?,
        max_attempts: to_u32("job max attempts", row.try_get("max_attempts")?)?,
        result: result.map(|r| from_json("job result", r)).transpose()?,
        error: row.try_get("error")?,
        created_at: row.try_get("created_at")?,
        dispatched_at: row.try_get("dispatched_at")?,
        finished_at: row.try_get("finished_at")?,
    })
}

impl Store {
    /// The names of the agents `target` selects now, as a launch would select them, for a dry
    /// run. Reads only.
    pub async fn preview_targets(
        &self,
        target: &TargetSelector,
        trust_agent_labels: bool,
        require_online: bool,
    ) -> Result<TargetPreview> {
        let mut client = self.client().await?;
        // select_agents runs inside a launch's transaction; this one is dropped (rolled back).
        let tx = client.transaction().await?;
        let selected = select_agents(&tx, target, trust_agent_labels).await?;
        let not_online: Vec<NotOnline> = selected
            .iter()
            .filter_map(|agent| agent.not_online.clone())
            .collect();
        if require_online {
            refuse_not_online(&not_online, selected.len())?;
        }
        Ok(TargetPreview {
            agents: selected.into_iter().map(|s| s.name).collect(),
            not_online,
        })
    }
}

/// The agents a launch would select now, as a dry run sees them.
#[derive(Debug, Clone)]
pub struct TargetPreview {
    /// Their names.
    pub agents: Vec<String>,
    /// Those not online, as a launch would warn about them.
    pub not_online: Vec<NotOnline>,
}

/// `--require-online`: refuses, naming a few, when any of the `selected` agents is not online.
fn refuse_not_online(not_online: &[NotOnline], selected: usize) -> Result<()> {
    if not_online.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = not_online.iter().map(|a| a.name.clone()).collect();
    Err(Error::FailedPrecondition {
        field: "require_online".into(),
        reason: format!(
            "{} of the {selected} selected agents not online: {}",
            not_online.len(),
            short_list(&names, 5)
        ),
    })
}

/// An agent a launch selected.
struct Selected {
    id: Uuid,
    name: String,
    /// Why it is not online, when it is not.
    not_online: Option<NotOnline>,
    /// Its current session (`agents.replica`), when connected.
    session: Option<String>,
}

/// The agents a selector picks (never a revoked one), by name, with their state, found by the
/// database rather than by reading every agent: a launch for one agent of ten thousand reads one
/// row. Label selectors match the admin-set labels; with `trust_agent_labels`, also the agents'
/// own beneath them.
async fn select_agents(
    tx: &deadpool_postgres::Transaction<'_>,
    target: &TargetSelector,
    trust_agent_labels: bool,
) -> Result<Vec<Selected>> {
    let columns = format!(
        "a.id, a.name, {} AS state, a.last_seen_at, a.connected_at IS NULL AS never, a.replica",
        super::agents::STATE_SQL
    );
    let rows = match target {
        TargetSelector::All => {
            tx.query_cached(
                &format!(
                    "SELECT {columns} FROM agents a WHERE a.state <> 'revoked' ORDER BY a.name"
                ),
                &[],
            )
            .await?
        }
        TargetSelector::Agents(names) => {
            let rows = tx
                .query_cached(
                    &format!(
                        "SELECT {columns} FROM agents a
                         WHERE a.name = ANY($1) AND a.state <> 'revoked' ORDER BY a.name"
                    ),
                    &[names],
                )
                .await?;
            let found: Vec<String> = rows
                .iter()
                .map(|r| r.try_get(1))
                .collect::<std::result::Result<_, _>>()?;
            if let Some(unknown) = names.iter().find(|n| !found.contains(n)) {
                return Err(Error::FailedPrecondition {
                    field: "target.agents.names".into(),
                    reason: format!("no agent named {unknown:?} is known"),
                });
            }
            rows
        }
        TargetSelector::Labels(wanted) => {
            tx.query_cached(
                &format!(
                    "SELECT {columns} FROM agents a WHERE a.state <> 'revoked'
                       AND (CASE WHEN $2 THEN a.reported_labels || a.labels ELSE a.labels END) @> $1
                     ORDER BY a.name"
                ),
                &[&to_json("target labels", wanted)?, &trust_agent_labels],
            )
            .await?
        }
    };
    rows.iter()
        .map(|r| {
            let name: String = r.try_get(1)?;
            let state: String = r.try_get(2)?;
            let state = cyberbrain_model::fleet::AgentState::parse(&state).ok_or_else(|| {
                Error::Corrupt {
                    what: "agent state",
                    reason: state.clone(),
                }
            })?;
            let never: bool = r.try_get(4)?;
            let not_online =
                (state != cyberbrain_model::fleet::AgentState::Online).then(|| NotOnline {
                    name: name.clone(),
                    state,
                    last_seen_at: if never { None } else { r.try_get(3).ok() },
                });
            Ok(Selected {
                id: r.try_get(0)?,
                name,
                not_online,
                session: r.try_get(5)?,
            })
        })
        .collect()
}
