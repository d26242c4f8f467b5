//! Conversions between domain types and wire types, for the public API.

use chrono::{DateTime, Utc};
use cyberbrain_proto::v1 as pb;
use cyberbrain_tasks::wire::match_kind_from_wire;

use crate::error::{Error, Result};
use cyberbrain_model::allowlist::AllowlistEntry;
use cyberbrain_model::directives::Directive;
use cyberbrain_model::fleet::{Agent, AgentState, TargetSelector};
use cyberbrain_model::runs::{Job, JobStatus, Run, RunStatus, RunWithJobs};

pub fn timestamp(t: DateTime<Utc>) -> prost_types::Timestamp {
    prost_types::Timestamp {
        seconds: t.timestamp(),
        nanos: i32::try_from(t.timestamp_subsec_nanos()).unwrap_or(0),
    }
}

/// An optional time on the wire.
pub fn opt_timestamp(t: Option<DateTime<Utc>>) -> Option<prost_types::Timestamp> {
    t.map(timestamp)
}

/// A selector from the wire; `None` when the field is absent. `field` is its path.
pub fn selector_from_wire(
    selector: Option<pb::TargetSelector>,
    field: &str,
) -> Result<Option<TargetSelector>> {
    use pb::target_selector::Selector;
    let Some(selector) = selector else {
        return Ok(None);
    };
    let domain = match selector.selector {
        Some(Selector::All(true)) => TargetSelector::All,
        Some(Selector::All(false)) => {
            return Err(Error::invalid(
                format!("{field}.all"),
                "must be true when set",
            ));
        }
        Some(Selector::Agents(a)) => TargetSelector::Agents(a.names),
        Some(Selector::Labels(l)) => TargetSelector::Labels(l.match_labels.into_iter().collect()),
        None => {
            return Err(Error::invalid(
                field.to_string(),
                "one of all, agents or labels must be set",
            ));
        }
    };
    domain.validate(field)?;
    Ok(Some(domain))
}

pub fn selector_to_wire(selector: &TargetSelector) -> pb::TargetSelector {
    use pb::target_selector::Selector;
    let selector = match selector {
        TargetSelector::All => Selector::All(true),
        TargetSelector::Agents(names) => Selector::Agents(pb::AgentNames {
            names: names.clone(),
        }),
        TargetSelector::Labels(labels) => Selector::Labels(pb::LabelSelector {
            match_labels: labels.clone().into_iter().collect(),
        }),
    };
    pb::TargetSelector {
        selector: Some(selector),
    }
}

pub fn directive_to_wire(d: &Directive) -> pb::Directive {
    pb::Directive {
        name: d.name.clone(),
        version: d.version,
        description: d.description.clone(),
        tasks: d.tasks.iter().map(pb::TaskSpec::from).collect(),
        default_target: Some(selector_to_wire(&d.default_target)),
        created_at: Some(timestamp(d.created_at)),
        llm: d.llm_enabled,
        queue_timeout_seconds: d.queue_timeout.map_or(0, seconds),
    }
}

pub fn run_status_to_wire(s: RunStatus) -> pb::RunStatus {
    match s {
        RunStatus::Pending => pb::RunStatus::Pending,
        RunStatus::Running => pb::RunStatus::Running,
        RunStatus::Succeeded => pb::RunStatus::Succeeded,
        RunStatus::PartiallyFailed => pb::RunStatus::PartiallyFailed,
        RunStatus::Failed => pb::RunStatus::Failed,
        RunStatus::Cancelled => pb::RunStatus::Cancelled,
    }
}

pub fn run_status_from_wire(value: i32, field: &str) -> Result<RunStatus> {
    match pb::RunStatus::try_from(value) {
        Ok(pb::RunStatus::Pending) => Ok(RunStatus::Pending),
        Ok(pb::RunStatus::Running) => Ok(RunStatus::Running),
        Ok(pb::RunStatus::Succeeded) => Ok(RunStatus::Succeeded),
        Ok(pb::RunStatus::PartiallyFailed) => Ok(RunStatus::PartiallyFailed),
        Ok(pb::RunStatus::Failed) => Ok(RunStatus::Failed),
        Ok(pb::RunStatus::Cancelled) => Ok(RunStatus::Cancelled),
        Ok(pb::RunStatus::Unspecified) | Err(_) => Err(Error::invalid(
            field.to_string(),
            format!("{value} is not a run status"),
        )),
    }
}

fn job_status_to_wire(s: JobStatus) -> pb::JobStatus {
    match s {
        JobStatus::Queued => pb::JobStatus::Queued,
        JobStatus::Dispatched => pb::JobStatus::Dispatched,
        JobStatus::Running => pb::JobStatus::Running,
        JobStatus::Succeeded => pb::JobStatus::Succeeded,
        JobStatus::Failed => pb::JobStatus::Failed,
        JobStatus::Cancelled => pb::JobStatus::Cancelled,
        JobStatus::Lost => pb::JobStatus::Lost,
        JobStatus::Unreachable => pb::JobStatus::Unreachable,
    }
}

pub fn job_to_wire(j: &Job) -> pb::Job {
    pb::Job {
        id: j.id.to_string(),
        run_id: j.run_id.to_string(),
        agent_name: j.agent_name.clone(),
        task_type: j.task_type().as_str().to_string(),
        status: job_status_to_wire(j.status) as i32,
        attempt: j.attempt,
        max_attempts: j.max_attempts,
        error: j.error.clone().unwrap_or_default(),
        created_at: Some(timestamp(j.created_at)),
        started_at: opt_timestamp(j.dispatched_at),
        finished_at: opt_timestamp(j.finished_at),
    }
}

/// A job event from the run's log (no timestamps: the log records changes, not the whole job).
pub fn job_event_to_wire(
    run_id: uuid::Uuid,
    job_id: uuid::Uuid,
    agent_name: String,
    task_type: String,
    status: JobStatus,
    attempt: u32,
    error: Option<String>,
) -> pb::Job {
    pb::Job {
        id: job_id.to_string(),
        run_id: run_id.to_string(),
        agent_name,
        task_type,
        status: job_status_to_wire(status) as i32,
        attempt,
        max_attempts: 0,
        error: error.unwrap_or_default(),
        created_at: None,
        started_at: None,
        finished_at: None,
    }
}

pub fn run_to_wire(run: &Run, jobs: &[Job]) -> pb::Run {
    pb::Run {
        id: run.id.to_string(),
        directive_name: run.directive_name.clone().unwrap_or_default(),
        directive_version: run.directive_version.unwrap_or(0),
        tasks: run.tasks.iter().map(pb::TaskSpec::from).collect(),
        target: Some(selector_to_wire(&run.target)),
        launched_by: run.launched_by.clone(),
        launched_by_token: run
            .launched_by_token
            .as_ref()
            .map(|t| t.name.clone())
            .unwrap_or_default(),
        launched_by_role: run
            .launched_by_token
            .as_ref()
            .map(|t| t.role.clone())
            .unwrap_or_default(),
        queue_timeout_seconds: run.queue_timeout.map_or(0, seconds),
        warnings: Vec::new(),
        status: run_status_to_wire(run.status) as i32,
        created_at: Some(timestamp(run.created_at)),
        started_at: opt_timestamp(run.started_at),
        finished_at: opt_timestamp(run.finished_at),
        jobs: jobs.iter().map(job_to_wire).collect(),
        origin: run.origin.clone(),
        scheduled_at: opt_timestamp(run.scheduled_at),
    }
}

pub fn run_with_jobs_to_wire(r: &RunWithJobs) -> pb::Run {
    run_to_wire(&r.run, &r.jobs)
}

/// Whole seconds, as the wire carries durations.
fn seconds(d: std::time::Duration) -> u32 {
    u32::try_from(d.as_secs()).unwrap_or(u32::MAX)
}

/// An agent for the wire; `trust_agent_labels` says whether targeting uses its own labels.
pub fn agent_to_wire(a: &Agent, trust_agent_labels: bool) -> pb::Agent {
    let state = match a.state {
        AgentState::Online => pb::AgentState::Online,
        AgentState::Stale => pb::AgentState::Stale,
        AgentState::Offline => pb::AgentState::Offline,
        AgentState::Revoked => pb::AgentState::Revoked,
    };
    pb::Agent {
        id: a.id.to_string(),
        name: a.name.clone(),
        hostname: a.hostname.clone(),
        // Only what targeting uses; the agent's own labels are in `label_sources` either way.
        labels: a.targeting_labels(trust_agent_labels).into_iter().collect(),
        label_sources: a
            .sourced_labels(trust_agent_labels)
            .into_iter()
            .map(|l| pb::AgentLabel {
                key: l.key,
                value: l.value,
                source: l.source.as_str().to_string(),
                targeting: l.targeting,
            })
            .collect(),
        version: a.version.clone(),
        capabilities: Some(pb::AgentCapabilities {
            docker_reachable: a.capabilities.docker_reachable,
            nvml_available: a.capabilities.nvml_available,
            gpu_count: a.capabilities.gpu_count,
            driver_version: a.capabilities.driver_version.clone(),
            commands: a.capabilities.commands.clone(),
            images: a.capabilities.images.clone(),
        }),
        state: state as i32,
        last_seen_at: Some(timestamp(a.last_seen_at)),
        first_seen_at: Some(timestamp(a.first_seen_at)),
        replica: a.replica.clone().unwrap_or_default(),
        cert_serial: a.cert_serial.clone().unwrap_or_default(),
        cert_expires_at: a.cert_expires_at.map(timestamp),
    }
}

pub fn allowlist_entry_to_wire(e: &AllowlistEntry) -> pb::AllowlistEntry {
    pb::AllowlistEntry {
        id: e.id.to_string(),
        kind: pb::MatchKind::from(e.rule.kind) as i32,
        pattern: e.rule.pattern.clone(),
        description: e.description.clone(),
        active: e.active,
        created_at: Some(timestamp(e.created_at)),
        send_to_llm: e.send_to_llm,
    }
}

pub fn match_kind(value: i32) -> Result<cyberbrain_tasks::MatchKind> {
    Ok(match_kind_from_wire(value)?)
}

pub fn role_to_wire(role: cyberbrain_model::tokens::Role) -> pb::Role {
    match role {
        cyberbrain_model::tokens::Role::Viewer => pb::Role::Viewer,
        cyberbrain_model::tokens::Role::Operator => pb::Role::Operator,
        cyberbrain_model::tokens::Role::Admin => pb::Role::Admin,
    }
}

pub fn role_from_wire(value: i32, field: &str) -> Result<cyberbrain_model::tokens::Role> {
    match pb::Role::try_from(value) {
        Ok(pb::Role::Viewer) => Ok(cyberbrain_model::tokens::Role::Viewer),
        Ok(pb::Role::Operator) => Ok(cyberbrain_model::tokens::Role::Operator),
        Ok(pb::Role::Admin) => Ok(cyberbrain_model::tokens::Role::Admin),
        Ok(pb::Role::Unspecified) | Err(_) => Err(crate::error::Error::invalid(
            field,
            "must be one of viewer, operator, admin",
        )),
    }
}

pub fn api_token_to_wire(t: &cyberbrain_model::tokens::ApiToken) -> pb::ApiToken {
    pb::ApiToken {
        id: t.id.to_string(),
        name: t.name.clone(),
        role: role_to_wire(t.role) as i32,
        created_by: t.created_by.clone(),
        created_at: Some(timestamp(t.created_at)),
        expires_at: t.expires_at.map(timestamp),
        revoked_at: t.revoked_at.map(timestamp),
    }
}

pub fn audit_event_to_wire(e: &cyberbrain_model::audit::AuditEvent) -> pb::AuditEvent {
    pb::AuditEvent {
        id: u64::try_from(e.id).unwrap_or(0),
        at: Some(timestamp(e.at)),
        actor: e.actor.clone(),
        action: e.action.clone(),
        object: e.object.clone(),
        details_json: e.details.to_string(),
    }
}

/// A join token for the wire: never its secret, which the controller does not have.
pub fn join_token_to_wire(t: &cyberbrain_store::JoinTokenInfo) -> pb::JoinToken {
    pb::JoinToken {
        id: t.id.to_string(),
        labels: t.labels.clone().into_iter().collect(),
        created_by: t.created_by.clone(),
        created_at: Some(timestamp(t.created_at)),
        expires_at: Some(timestamp(t.expires_at)),
        used_at: opt_timestamp(t.used_at),
        used_by_agent: t.used_by_agent.clone().unwrap_or_default(),
        revoked_at: opt_timestamp(t.revoked_at),
        state: t.state().to_string(),
    }
}
