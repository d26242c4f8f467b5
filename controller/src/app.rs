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
use cyberbrain_model::directives::validate_name;
use cyberbrain_model::fleet::Agent;
use cyberbrain_model::runs::{JobStatus, LaunchRequest, LaunchSource, RunOrigin, RunWithJobs};
use cyberbrain_report as report;
use cyberbrain_store::{ClaimedJob, DirectDispatch, JobDefaults, NewRun, Store};

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
        audit: &AuditEntry,
    ) -> Result<RunWithJobs> {
        let (directive, tasks, default_target) = match request.source {
            LaunchSource::Directive { name, version } => {
                validate_name(&name)
                    .map_err(|_| Error::invalid("directive_name", "not a valid directive name"))?;
                let d = self.store.get_directive(&name, version).await?;
                (Some((d.name, d.version)), d.tasks, Some(d.default_target))
            }
            LaunchSource::AdHoc(tasks) => (None, tasks, None),
        };
        let target = request
            .target
            .or(default_target)
            .ok_or_else(|| Error::invalid("target", "an ad-hoc run needs a target"))?;
        target.validate("target")?;
        let origin = RunOrigin {
            launched_by: request.launched_by,
            traceparent: traces::traceparent(&tracing::Span::current()),
        };
        // The launch and the hand-over of its directly dispatched jobs run in a task of their
        // own: a caller that goes away mid-call (the handler's future is dropped) must not leave
        // jobs committed as dispatched but never sent, nor room reserved on a connection.
        let app = self.clone();
        let audit = audit.clone();
        let launch = async move {
            app.create_and_hand_over(directive, tasks, target, origin, &audit)
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
        audit: &AuditEntry,
    ) -> Result<RunWithJobs> {
        let launch = NewRun {
            directive: directive.as_ref().map(|(n, v)| (n.as_str(), *v)),
            tasks: &tasks,
            target: &target,
            origin: &origin,
            defaults: self.settings.job_defaults,
        };
        let started = std::time::Instant::now();
        let mut reserved: Vec<(ConnectionHandle, Vec<Uuid>)> = Vec::new();
        let mut place = |agent_id: Uuid, jobs: &[Uuid]| {
            let handle = self
                .connected
                .reserve(agent_id, jobs, MAX_IN_FLIGHT_PER_AGENT)?;
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
        Ok(run)
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
        let llm_configured = self.llm.is_some();
        let mut llm_step = false;
        let mut rendered = None;
        let mut built = None;
        let Some(snapshot) = self
            .store
            .finish_run_if_done(run_id, |snapshot| {
                let mut report = report::build(snapshot);
                if llm_configured && crate::triage::wants_llm(&report) {
                    report.triage.note = cyberbrain_report::triage::notes::PENDING.into();
                    report.triage.llm_pending = true;
                    llm_step = true;
                }
                let (markdown, json) =
                    report::render_report(&report).map_err(crate::error::unrenderable_report)?;
                rendered = Some((markdown.clone(), json.clone()));
                built = Some(report);
                Ok((markdown, json))
            })
            .await?
        else {
            return Ok(());
        };
        let report_span = tracing::info_span!("report", run_id = %run_id,
            status = snapshot.run.status.as_str(), llm_step);
        traces::set_parent_from_traceparent(&report_span, snapshot.run.traceparent.as_deref());
        async {
            tracing::info!(run_id = %run_id, status = snapshot.run.status.as_str(), "run finished");
            self.metrics.run_finished(snapshot.run.status);
            let written = match &rendered {
                Some((markdown, json)) => {
                    self.artifacts
                        .write_report(&self.store, run_id, markdown, json)
                        .await
                }
                None => self.write_report_artifacts(run_id).await,
            };
            if let Err(e) = written {
                // The report is in the database already; the files are a convenience copy.
                tracing::error!(run_id = %run_id, error = %e, "could not write report artifacts");
            }
            // The LLM step starts from the report just built: no second read, no rebuild.
            if let (true, Some(report)) = (llm_step, built) {
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
        Ok(())
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
