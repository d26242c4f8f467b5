//! The controller's shared state and the domain operations that span the store, the connected
//! agents and run events: launching, finishing and cancelling runs.

use std::sync::Arc;
use std::time::Duration;

use cyberbrain_tasks::Allowlist;
use cyberbrain_telemetry::traces;
use tracing::Instrument;
use uuid::Uuid;

use crate::artifacts::ArtifactRoot;
use crate::connected::Claimed;
use crate::connected::MAX_IN_FLIGHT_PER_AGENT;
use crate::connected::{ConnectedAgents, ConnectionHandle};
use crate::error::{Error, Result};
use crate::events::RunEvents;
use crate::pki::CertificateAuthority;
use crate::triage::Triage;
use cyberbrain_llm;
use cyberbrain_model::allowlist::active_rules;
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::fleet::Agent;
use cyberbrain_model::runs::TokenIdentity;
use cyberbrain_model::runs::{JobStatus, LaunchRequest, RunOrigin, RunWithJobs};
use cyberbrain_report as report;
use cyberbrain_store::{
    ClaimedJob, DirectDispatch, JobDefaults, NewRun, NotOnline, Store, StoredReport, short_list,
};

/// Settings the running controller needs at hand.
#[derive(Debug, Clone)]
pub struct Settings {
    /// This replica's name.
    pub replica: String,
    /// Agent heartbeat interval.
    pub heartbeat_interval: Duration,
    /// Attempts and deadline of jobs whose task sets none (`--max-attempts`,
    /// `--job-deadline-seconds`).
    pub job_defaults: JobDefaults,
    /// Triage prompt sizing.
    pub llm: cyberbrain_llm::TriageSettings,
    /// How long a finished run is kept; `None` keeps every run.
    pub run_retention: Option<Duration>,
    /// How long the agent certificates this controller issues live.
    pub agent_cert_lifetime: Duration,
    /// Rate limits and connection lifetimes.
    pub limits: Limits,
    /// How long a job may wait queued when neither the launch nor its directive says
    /// (`--queue-timeout-seconds`).
    pub queue_timeout: Duration,
    /// Whether label selectors also match the labels agents report about themselves
    /// (`--trust-agent-labels`).
    pub trust_agent_labels: bool,
    /// The web console's base URL (`https://host:port`), for sign-in links; `None` when the
    /// console is off (`--web-listen off`).
    pub web_url: Option<String>,
    /// How often the scheduler looks for due schedules (`--schedule-poll-ms`); `None`: it does
    /// not run on this replica.
    pub schedule_poll: Option<Duration>,
    /// How notifications are delivered (`--allow-private-targets`, `--notify-*`).
    pub notify: crate::notify::NotifySettings,
    /// Whether calls of MCP tools may launch and cancel runs (`--mcp-allow-write`).
    pub mcp_allow_write: bool,
}

/// Rate limits and connection lifetimes (`--api-rate-limit`, `--enroll-rate-limit*`,
/// `--max-connection-age-seconds`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// API calls per token.
    pub api_per_token: crate::ratelimit::Rate,
    /// `Enroll` calls from everyone together.
    pub enroll_total: crate::ratelimit::Rate,
    /// `Enroll` calls per source address.
    pub enroll_per_source: crate::ratelimit::Rate,
    /// API calls per source address whose token needs a database lookup.
    pub unauthenticated_per_source: crate::ratelimit::Rate,
    /// How long an agent stream or API connection lives (agent streams get up to 10 % less).
    pub max_connection_age: Duration,
    /// How long an agent connection may outlive its age before it is cut.
    pub max_connection_age_grace: Duration,
    /// Timeouts and caps of both gRPC listeners' connections.
    pub connections: crate::incoming::ConnectionLimits,
}

impl Settings {
    /// How long a dispatched job's lease lasts without a heartbeat naming it: three heartbeats, so
    /// one late or lost heartbeat does not cost a redispatch.
    pub fn lease(&self) -> Duration {
        self.heartbeat_interval * 3
    }
}

/// A final report as the finishing transaction built and stored it.
struct FinalReport {
    report: report::Report,
    markdown: String,
    json: serde_json::Value,
    llm_step: bool,
}

/// How a launch treats agents that are not online.
#[derive(Debug, Clone, Copy)]
struct LaunchOptions {
    queue_timeout: Duration,
    require_online: bool,
}

/// A launched run, and what its caller should be told.
#[derive(Debug)]
pub struct Launched {
    /// The run and its jobs, as committed.
    pub run: RunWithJobs,
    /// Warnings, such as targets that are not online.
    pub warnings: Vec<String>,
}

/// One warning naming the targets that are not online (a few, then how many more).
pub(crate) fn offline_warnings(not_online: &[NotOnline], queue_timeout: Duration) -> Vec<String> {
    if not_online.is_empty() {
        return Vec::new();
    }
    let described: Vec<String> = not_online.iter().map(NotOnline::describe).collect();
    vec![format!(
        "{} {} not online: {}; {} jobs wait for {}s, then end unreachable",
        not_online.len(),
        if not_online.len() == 1 {
            "target is"
        } else {
            "targets are"
        },
        short_list(&described, 5),
        if not_online.len() == 1 {
            "its"
        } else {
            "their"
        },
        queue_timeout.as_secs()
    )]
}

/// Everything the API handlers share. Cheap to clone.
#[derive(Debug, Clone)]
pub struct App {
    /// The database.
    pub store: Store,
    /// Run change notices.
    pub events: RunEvents,
    /// Agents connected to this replica.
    pub connected: ConnectedAgents,
    /// Artifact files.
    pub artifacts: ArtifactRoot,
    /// Settings.
    pub settings: Arc<Settings>,
    /// Turns true when the replica starts shutting down.
    pub shutdown: tokio::sync::watch::Receiver<bool>,
    /// The LLM providers, when any are configured.
    pub llm: Option<Arc<cyberbrain_llm::Llm>>,
    /// The CA that signs agent certificates, when this controller has its key.
    pub ca: Option<Arc<CertificateAuthority>>,
    /// Prometheus metrics.
    pub metrics: Arc<crate::metrics::Metrics>,
}

impl App {
    /// Launches a run: resolves the directive, creates the jobs, wakes the agents concerned. The
    /// audit entry is written with the run.
    ///
    /// The launch span is the root of the run's trace; its traceparent is stored on the run, so
    /// whichever replica dispatches, records or finishes the run continues that trace.
    #[tracing::instrument(name = "launch_run", skip_all, fields(run_id = tracing::field::Empty))]
    pub async fn launch_run(
        &self,
        request: LaunchRequest,
        token: Option<TokenIdentity>,
        audit: &AuditEntry,
    ) -> Result<Launched> {
        let resolved = self
            .resolve_launch(request.source, request.target, request.queue_timeout)
            .await?;
        // A directive's tasks are known only now. A launch without a token acts with the role
        // it names (a schedule's creator's) or is the controller's own; a token whose role does
        // not parse can launch nothing.
        let role = match &token {
            Some(token) => Some(
                cyberbrain_model::tokens::Role::parse(&token.role)
                    .ok_or_else(|| Error::permission_denied("the caller's role is not known"))?,
            ),
            None => request.acting_role,
        };
        if let Some(role) = role {
            crate::auth::rbac::check_task_roles(role, &resolved.tasks)?;
        }
        self.check_worker_images(&resolved.tasks).await?;
        let origin = RunOrigin {
            launched_by: request.launched_by,
            token,
            traceparent: traces::traceparent(&tracing::Span::current()),
            schedule: request.schedule,
            delivery: request.delivery,
        };
        let options = LaunchOptions {
            queue_timeout: resolved.queue_timeout,
            require_online: request.require_online,
        };
        let (directive, tasks, target) = (resolved.directive, resolved.tasks, resolved.target);
        // The launch and the hand-over of its directly dispatched jobs run in a task of their
        // own: a caller that goes away mid-call (the handler's future is dropped) must not leave
        // jobs committed as dispatched but never sent, nor room reserved on a connection.
        let app = self.clone();
        let audit = audit.clone();
        let launch = async move {
            app.create_and_hand_over(directive, tasks, target, origin, options, &audit)
                .await
        };
        tokio::spawn(launch.in_current_span())
            .await
            .map_err(|e| Error::unavailable(format!("the launch task failed: {e}")))?
    }

    /// Creates the run; the jobs of agents connected here are dispatched in its transaction and
    /// handed to their connections after its commit; the others' are queued, and their replicas
    /// are woken by notifications.
    async fn create_and_hand_over(
        &self,
        directive: Option<(String, u32)>,
        tasks: Vec<cyberbrain_tasks::PlannedTask>,
        target: cyberbrain_model::fleet::TargetSelector,
        origin: RunOrigin,
        options: LaunchOptions,
        audit: &AuditEntry,
    ) -> Result<Launched> {
        let launch = NewRun {
            directive: directive.as_ref().map(|(n, v)| (n.as_str(), *v)),
            tasks: &tasks,
            target: &target,
            origin: &origin,
            defaults: self.settings.job_defaults,
            queue_timeout: options.queue_timeout,
            require_online: options.require_online,
            trust_agent_labels: self.settings.trust_agent_labels,
        };
        let started = std::time::Instant::now();
        let mut reserved: Vec<(ConnectionHandle, Vec<Uuid>)> = Vec::new();
        let mut place = |agent_id: Uuid, current: Option<&str>, jobs: &[Uuid]| {
            // Only to the agent's current stream: one that another replaced is closing.
            let handle =
                self.connected
                    .reserve(agent_id, current?, jobs, MAX_IN_FLIGHT_PER_AGENT)?;
            let owner = handle.session.clone();
            reserved.push((handle, jobs.to_vec()));
            Some(owner)
        };
        let direct = DirectDispatch {
            place: &mut place,
            lease: self.settings.lease(),
        };
        let launched = match self.store.launch_run(&launch, Some(direct), audit).await {
            Ok(launched) => launched,
            Err(e) => {
                for (handle, jobs) in &reserved {
                    handle.in_flight.release(jobs);
                }
                return Err(e.into());
            }
        };
        let run = launched.run;
        let warnings = offline_warnings(&launched.not_online, options.queue_timeout);
        tracing::Span::current().record("run_id", tracing::field::display(run.run.id));
        tracing::info!(run_id = %run.run.id, jobs = run.jobs.len(),
            dispatched_here = launched.dispatched.len(), target = %target.describe(), "run launched");
        self.metrics.run_launched();
        hand_over(
            reserved,
            launched.dispatched,
            launched.allowlist,
            started.elapsed(),
        );
        Ok(Launched { run, warnings })
    }

    /// Finishes the run if all its jobs have ended: stores the report, writes its artifact files.
    ///
    /// Two steps, so that no database transaction waits on the network: the finishing
    /// transaction stores the final status and a report with the deterministic triage section;
    /// then, when an LLM is configured and the run has log digests, a task asks the LLM and
    /// rewrites the report ([`Triage::run`]). The status is final at the first step.
    ///
    /// The check is a span under the caller's; once the run has finished, the report's span
    /// continues the run's own trace (from the traceparent stored at launch), whichever replica
    /// and whichever caller (a result, the reaper, a cancel) finished it.
    #[tracing::instrument(name = "finish_run", skip(self), fields(run_id = %run_id))]
    pub async fn finish_run_if_done(&self, run_id: Uuid) -> Result<()> {
        let mut built = None;
        let Some(snapshot) = self
            .store
            .finish_run_with_baseline(run_id, |snapshot, baseline| {
                let report = self.build_final_report(snapshot, baseline)?;
                let stored = (report.markdown.clone(), report.json.clone());
                built = Some(report);
                Ok(stored)
            })
            .await?
        else {
            return Ok(());
        };
        self.after_finish(snapshot, built).await;
        Ok(())
    }

    /// Ends the queued jobs past their queue timeout whose agent is not online `unreachable`
    /// (one transaction per batch, see [`Store::reap_unreachable_jobs`]), then finishes the runs
    /// this completes, each on its own: a run that cannot be finished is logged and left for the
    /// next sweep, and the others still finish. Returns the jobs ended.
    pub async fn reap_unreachable_jobs(&self, batch: u32) -> Result<usize> {
        let reaped = self.store.reap_unreachable_jobs(batch).await?;
        self.metrics
            .jobs_finished(JobStatus::Unreachable, reaped.ended);
        self.finish_runs_if_done(&reaped.runs_to_finish).await;
        Ok(reaped.ended)
    }

    /// Finishes each of `run_ids` whose jobs have all ended; a failure is logged and does not stop
    /// the others (the run stays unfinished, and the next sweep that touches it tries again).
    pub async fn finish_runs_if_done(&self, run_ids: &[Uuid]) {
        for run_id in run_ids {
            if let Err(e) = self.finish_run_if_done(*run_id).await {
                tracing::warn!(run_id = %run_id, error = %e, "could not finish a run; skipped");
            }
        }
    }

    /// The final report of a run whose snapshot is final: the deterministic report, marked
    /// `llm_pending` when an LLM step will follow.
    fn build_final_report(
        &self,
        snapshot: &RunWithJobs,
        baseline: &cyberbrain_model::baseline::BaselineUpdate,
    ) -> cyberbrain_store::Result<FinalReport> {
        let mut report = report::build_finished(snapshot, baseline);
        let llm_step = self.llm.is_some() && crate::triage::wants_llm(&report);
        if llm_step {
            report.triage.note = cyberbrain_report::triage::notes::PENDING.into();
            report.triage.llm_pending = true;
        }
        let (markdown, json) =
            report::render_report(&report).map_err(crate::error::unrenderable_report)?;
        Ok(FinalReport {
            report,
            markdown,
            json,
            llm_step,
        })
    }

    /// What follows a run's finish, once committed: the log line and metric, the report files,
    /// and the LLM step when one is due. The report's span continues the run's own trace (from
    /// the traceparent stored at launch), whichever replica and whichever caller (a result, the
    /// reaper, a cancel) finished it.
    async fn after_finish(&self, snapshot: RunWithJobs, built: Option<FinalReport>) {
        let run_id = snapshot.run.id;
        let llm_step = built.as_ref().is_some_and(|b| b.llm_step);
        let report_span = tracing::info_span!("report", run_id = %run_id,
            status = snapshot.run.status.as_str(), llm_step);
        traces::set_parent_from_traceparent(&report_span, snapshot.run.traceparent.as_deref());
        async {
            tracing::info!(run_id = %run_id, status = snapshot.run.status.as_str(), "run finished");
            self.metrics.run_finished(snapshot.run.status);
            if let Some(b) = &built {
                // Counted once the finish has committed (the store logged the cause).
                if b.report.baseline.status == report::BaselineStatus::Unavailable {
                    self.metrics.baseline_error("read");
                }
                if b.report.baseline.update_failed {
                    self.metrics.baseline_error("update");
                }
            }
            let written = match &built {
                Some(b) => {
                    self.artifacts
                        .write_report(&self.store, run_id, &b.markdown, &b.json)
                        .await
                }
                None => self.write_report_artifacts(run_id).await,
            };
            if let Err(e) = written {
                // The report is in the database already; the files are a convenience copy.
                tracing::error!(run_id = %run_id, error = %e, "could not write report artifacts");
            }
            if let Err(e) = self.artifacts.write_command_outputs(&self.store, &snapshot).await {
                // The output is in the jobs' results already.
                tracing::error!(run_id = %run_id, error = %e, "could not write command output artifacts");
            }
            // The LLM step starts from the report just built: no second read, no rebuild.
            if let Some(FinalReport {
                report,
                llm_step: true,
                ..
            }) = built
            {
                let triage = self.llm.clone().map(|llm| Triage {
                    store: self.store.clone(),
                    llm,
                    settings: self.settings.llm,
                    metrics: self.metrics.clone(),
                    artifacts: self.artifacts.clone(),
                });
                tokio::spawn(
                    async move {
                        let Some(triage) = triage else { return };
                        if let Err(e) = triage.run(run_id, report).await {
                            tracing::error!(run_id = %run_id, error = %e, "llm triage step failed");
                        }
                    }
                    .in_current_span(),
                );
            }
        }
        .instrument(report_span)
        .await;
    }

    /// A run's report as (Markdown, JSON, partial): an ended run's stored report, or a running
    /// one's report so far, built from one consistent snapshot and never stored (the final report
    /// replaces it).
    pub async fn run_report(&self, run_id: Uuid) -> Result<(String, serde_json::Value, bool)> {
        match self.store.run_report(run_id).await? {
            StoredReport::Final(markdown, json) => Ok((markdown, json, false)),
            StoredReport::Partial(snapshot) => {
                let (markdown, json) =
                    report::render(&snapshot).map_err(crate::error::unrenderable_report)?;
                Ok((markdown, json, true))
            }
        }
    }

    /// Writes (or rewrites) the stored report's artifact files.
    pub async fn write_report_artifacts(&self, run_id: Uuid) -> Result<()> {
        let (markdown, json) = self.store.get_report(run_id).await?;
        self.artifacts
            .write_report(&self.store, run_id, &markdown, &json)
            .await
    }

    /// Cancels a run's unfinished jobs (their agents are told through a notification, wherever they
    /// are connected) and finishes it as cancelled.
    pub async fn cancel_run(&self, run_id: Uuid, audit: &AuditEntry) -> Result<()> {
        let cancellation = self.store.cancel_jobs_of_run(run_id, audit).await?;
        self.metrics
            .jobs_finished(JobStatus::Cancelled, cancellation.jobs_cancelled);
        tracing::info!(run_id = %run_id, jobs_stopped = cancellation.on_agents.len(), "run cancelled");
        self.finish_run_if_done(run_id).await
    }

    /// Revokes an agent (see [`Store::revoke_agent`]) and finishes the runs whose last unfinished
    /// jobs were on it.
    pub async fn revoke_agent(&self, name: &str, audit: &AuditEntry) -> Result<Agent> {
        let revoked = self.store.revoke_agent(name, audit).await?;
        self.metrics
            .jobs_finished(JobStatus::Lost, revoked.jobs_lost);
        tracing::warn!(agent = %name, agent_id = %revoked.agent.id, runs = revoked.runs_to_finish.len(), "agent revoked");
        for run_id in revoked.runs_to_finish {
            self.finish_run_if_done(run_id).await?;
        }
        Ok(revoked.agent)
    }

    /// Refuses a launch with a `container` task whose image no active worker-image entry of the
    /// allowlist admits: the controller's half of the two-sided image allowlist (each agent
    /// checks its own --allow-image).
    async fn check_worker_images(&self, tasks: &[cyberbrain_tasks::PlannedTask]) -> Result<()> {
        let images: Vec<(usize, &str)> = tasks
            .iter()
            .enumerate()
            .filter_map(|(i, t)| match &t.spec {
                cyberbrain_tasks::TaskSpec::Container(c) => Some((i, c.image.as_str())),
                _ => None,
            })
            .collect();
        if images.is_empty() {
            return Ok(());
        }
        let entries = self.store.list_allowlist_entries().await?;
        for (i, image) in images {
            let admitted = entries
                .iter()
                .any(|e| e.active && e.rule.admits_worker_image(image));
            if !admitted {
                return Err(Error::precondition(
                    format!("tasks[{i}].container.image"),
                    "no active worker_image entry of the allowlist admits this image \
                     (cbctl allowlist add --kind worker-image NAME@sha256:DIGEST)",
                ));
            }
        }
        Ok(())
    }

    /// The allowlist in force now.
    pub async fn current_allowlist(&self) -> Result<Allowlist> {
        Ok(active_rules(&self.store.list_allowlist_entries().await?))
    }
}

/// Gives each connection the jobs a launch dispatched to its agent directly.
fn hand_over(
    reserved: Vec<(ConnectionHandle, Vec<Uuid>)>,
    dispatched: Vec<(Uuid, ClaimedJob)>,
    allowlist: Allowlist,
    since_launch: Duration,
) {
    let allowlist = Arc::new(allowlist);
    let mut by_job: std::collections::HashMap<Uuid, ClaimedJob> = dispatched
        .into_iter()
        .map(|(_, mut job)| {
            job.since_launch = since_launch;
            (job.job_id, job)
        })
        .collect();
    for (handle, job_ids) in reserved {
        let jobs: Vec<ClaimedJob> = job_ids.iter().filter_map(|id| by_job.remove(id)).collect();
        if jobs.is_empty() {
            continue;
        }
        handle.hand_over(Claimed {
            jobs,
            allowlist: allowlist.clone(),
        });
    }
}
