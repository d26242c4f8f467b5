//! Runs and their jobs: statuses, and how a run's status follows from its jobs'.

use chrono::{DateTime, Utc};
use cyberbrain_tasks::{PlannedTask, TaskResult, TaskSpec, TaskType};
use uuid::Uuid;

use crate::fleet::TargetSelector;

/// A run's lifecycle: `pending → running → succeeded | partially_failed | failed | cancelled`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RunStatus {
    /// Launched, no job dispatched yet.
    Pending,
    /// At least one job dispatched.
    Running,
    /// Every job succeeded.
    Succeeded,
    /// Some jobs succeeded, some did not.
    PartiallyFailed,
    /// No job succeeded.
    Failed,
    /// Cancelled by a user.
    Cancelled,
}

impl RunStatus {
    /// Every status.
    pub const ALL: [RunStatus; 6] = [
        RunStatus::Pending,
        RunStatus::Running,
        RunStatus::Succeeded,
        RunStatus::PartiallyFailed,
        RunStatus::Failed,
        RunStatus::Cancelled,
    ];

    /// Stable name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            RunStatus::Pending => "pending",
            RunStatus::Running => "running",
            RunStatus::Succeeded => "succeeded",
            RunStatus::PartiallyFailed => "partially_failed",
            RunStatus::Failed => "failed",
            RunStatus::Cancelled => "cancelled",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<RunStatus> {
        RunStatus::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether the run has ended.
    pub fn is_terminal(self) -> bool {
        !matches!(self, RunStatus::Pending | RunStatus::Running)
    }
}

/// A job's lifecycle: `queued → dispatched → running → succeeded | failed | cancelled | lost`, or
/// `queued → unreachable` when no agent takes it within the queue timeout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobStatus {
    /// Waiting for its agent.
    Queued,
    /// Sent to its agent.
    Dispatched,
    /// The agent accepted it.
    Running,
    /// Result stored.
    Succeeded,
    /// The task reported an error.
    Failed,
    /// Cancelled with its run.
    Cancelled,
    /// Given up after its lease expired too often.
    Lost,
    /// No agent took it within its run's queue timeout (its agent offline, never connected or
    /// revoked); `error` says which.
    Unreachable,
}

impl JobStatus {
    /// Every status.
    pub const ALL: [JobStatus; 8] = [
        JobStatus::Queued,
        JobStatus::Dispatched,
        JobStatus::Running,
        JobStatus::Succeeded,
        JobStatus::Failed,
        JobStatus::Cancelled,
        JobStatus::Lost,
        JobStatus::Unreachable,
    ];

    /// Stable name, as stored.
    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::Queued => "queued",
            JobStatus::Dispatched => "dispatched",
            JobStatus::Running => "running",
            JobStatus::Succeeded => "succeeded",
            JobStatus::Failed => "failed",
            JobStatus::Cancelled => "cancelled",
            JobStatus::Lost => "lost",
            JobStatus::Unreachable => "unreachable",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<JobStatus> {
        JobStatus::ALL.into_iter().find(|j| j.as_str() == s)
    }

    /// Whether the job has ended.
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            JobStatus::Succeeded
                | JobStatus::Failed
                | JobStatus::Cancelled
                | JobStatus::Lost
                | JobStatus::Unreachable
        )
    }
}

/// A run as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Id.
    pub id: Uuid,
    /// The directive launched, if any.
    pub directive_name: Option<String>,
    /// Its version.
    pub directive_version: Option<u32>,
    /// Snapshot of the tasks launched, with their limits.
    pub tasks: Vec<PlannedTask>,
    /// Agents targeted.
    pub target: TargetSelector,
    /// A free-text note from the client about who launched it; unverified, never an identity.
    pub launched_by: String,
    /// The API token that launched it, and its role then (`None` for runs from before #15).
    pub launched_by_token: Option<TokenIdentity>,
    /// How long its jobs may wait queued before they end `unreachable`.
    pub queue_timeout: Option<std::time::Duration>,
    /// Status.
    pub status: RunStatus,
    /// Launch time.
    pub created_at: DateTime<Utc>,
    /// First dispatch.
    pub started_at: Option<DateTime<Utc>>,
    /// End.
    pub finished_at: Option<DateTime<Utc>>,
    /// The W3C traceparent of the launch, so that any replica can continue the run's trace.
    /// `None` when the launching controller did not export traces.
    pub traceparent: Option<String>,
    /// Where it came from: empty for a manual launch, `schedule:<name>` for a scheduled one.
    pub origin: String,
    /// The fire time a scheduled run was launched for.
    pub scheduled_at: Option<DateTime<Utc>>,
}

/// The API token a call was made with: its name and its role's name, as the auth layer verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenIdentity {
    /// The token's name.
    pub name: String,
    /// Its role (`viewer`, `operator`, `admin`).
    pub role: String,
}

/// Who launched a run, and the trace the launch belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOrigin {
    /// The client's free-text note, as recorded on the run (unverified).
    pub launched_by: String,
    /// The API token that made the call.
    pub token: Option<TokenIdentity>,
    /// The launch span's W3C traceparent, if traces are exported.
    pub traceparent: Option<String>,
    /// The schedule fire this launch claims; `None` for a manual launch.
    pub schedule: Option<crate::schedules::ScheduledFire>,
    /// The webhook delivery this launch claims; `None` unless a trigger launched it.
    pub delivery: Option<crate::triggers::TriggerDelivery>,
}

impl RunOrigin {
    /// A launch by `launched_by` outside any exported trace, with no token.
    pub fn untraced(launched_by: impl Into<String>) -> Self {
        RunOrigin {
            launched_by: launched_by.into(),
            token: None,
            traceparent: None,
            schedule: None,
            delivery: None,
        }
    }
}

/// A job as stored, with its agent's name for display.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// Id.
    pub id: Uuid,
    /// Its run.
    pub run_id: Uuid,
    /// Its agent.
    pub agent_id: Uuid,
    /// Its agent's name.
    pub agent_name: String,
    /// The task's position in the run's task list.
    pub task_index: u32,
    /// The task.
    pub task: TaskSpec,
    /// Status.
    pub status: JobStatus,
    /// Dispatch attempt, 0 before the first.
    pub attempt: u32,
    /// Dispatches at the most before the job is given up as `lost`.
    pub max_attempts: u32,
    /// The result, once succeeded.
    pub result: Option<TaskResult>,
    /// Why it failed.
    pub error: Option<String>,
    /// Created with the run.
    pub created_at: DateTime<Utc>,
    /// Last dispatch.
    pub dispatched_at: Option<DateTime<Utc>>,
    /// End.
    pub finished_at: Option<DateTime<Utc>>,
}

impl Job {
    /// The task's type.
    pub fn task_type(&self) -> TaskType {
        self.task.task_type()
    }
}

/// A run together with its jobs.
#[derive(Debug, Clone, PartialEq)]
pub struct RunWithJobs {
    /// The run.
    pub run: Run,
    /// Its jobs, by agent name then task index.
    pub jobs: Vec<Job>,
}

/// One entry of a run's event log, numbered from 1 in commit order.
#[derive(Debug, Clone, PartialEq)]
pub struct RunEvent {
    /// Position in the run's log.
    pub seq: u64,
    /// What changed.
    pub change: RunChange,
}

/// What an event records.
#[derive(Debug, Clone, PartialEq)]
pub enum RunChange {
    /// The run's status changed.
    Run(RunStatus),
    /// A job's status or attempt changed.
    Job {
        /// The job.
        job_id: Uuid,
        /// Its agent's name.
        agent_name: String,
        /// Its task type's name.
        task_type: String,
        /// New status.
        status: JobStatus,
        /// Attempt.
        attempt: u32,
        /// Error, when it failed.
        error: Option<String>,
    },
}

/// The most jobs one run may have (its tasks times the agents its target selects). Every job is
/// a row, an event and a line of the run as `GetRun` returns it: at 10,000 that answer is about
/// 2 MB, under every client's 4 MiB limit, and the report stays readable. A launch over it is
/// refused with the count, before anything is written.
pub const MAX_JOBS_PER_RUN: usize = 10_000;

/// Refuses a run of `tasks` over `agents` that would have more than [`MAX_JOBS_PER_RUN`] jobs,
/// with the reason (the count and how to get under it).
pub fn check_job_count(tasks: usize, agents: usize) -> Result<(), String> {
    let jobs = tasks.saturating_mul(agents);
    if jobs > MAX_JOBS_PER_RUN {
        return Err(format!(
            "the run would have {jobs} jobs ({tasks} tasks × {agents} agents); at most \
             {MAX_JOBS_PER_RUN}: narrow the target or split the tasks over several runs"
        ));
    }
    Ok(())
}

/// What a launch asks for, validated.
#[derive(Debug, Clone)]
pub struct LaunchRequest {
    /// Launch a directive (name, version or latest) or an ad-hoc task list.
    pub source: LaunchSource,
    /// Overrides the directive's default target.
    pub target: Option<TargetSelector>,
    /// The client's free-text note about who launched it.
    pub launched_by: String,
    /// How long jobs may wait queued; `None`: the directive's, else the controller's default.
    pub queue_timeout: Option<std::time::Duration>,
    /// Refuse the launch when a selected agent is not online, instead of warning.
    pub require_online: bool,
    /// The schedule fire this launch claims; `None` for a manual launch.
    pub schedule: Option<crate::schedules::ScheduledFire>,
    /// The webhook delivery this launch claims; `None` unless a trigger launched it.
    pub delivery: Option<crate::triggers::TriggerDelivery>,
    /// The role a launch without a token acts with (a schedule's creator's): its tasks are
    /// checked against it as a token's would be. `None` with no token: the controller's own.
    pub acting_role: Option<crate::tokens::Role>,
}

/// Where a run's tasks come from.
#[derive(Debug, Clone)]
pub enum LaunchSource {
    /// A stored directive; `None` = latest version.
    Directive {
        /// Name.
        name: String,
        /// Version, or latest.
        version: Option<u32>,
    },
    /// Tasks given in the request.
    AdHoc(Vec<PlannedTask>),
}

/// The status a run ends in once every job has ended.
pub fn final_run_status(job_statuses: &[JobStatus]) -> RunStatus {
    let succeeded = job_statuses
        .iter()
        .filter(|s| **s == JobStatus::Succeeded)
        .count();
    // Jobs are cancelled only by cancelling their run, so one cancelled job means a cancelled run,
    // whichever finisher gets there first.
    if job_statuses.contains(&JobStatus::Cancelled) {
        RunStatus::Cancelled
    } else if succeeded == job_statuses.len() {
        RunStatus::Succeeded
    } else if succeeded == 0 {
        RunStatus::Failed
    } else {
        RunStatus::PartiallyFailed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_status_follows_jobs() {
        use JobStatus::*;
        assert_eq!(
            final_run_status(&[Succeeded, Succeeded]),
            RunStatus::Succeeded
        );
        assert_eq!(
            final_run_status(&[Succeeded, Failed]),
            RunStatus::PartiallyFailed
        );
        assert_eq!(final_run_status(&[Failed, Lost]), RunStatus::Failed);
        assert_eq!(
            final_run_status(&[Succeeded, Unreachable]),
            RunStatus::PartiallyFailed
        );
        assert_eq!(final_run_status(&[Unreachable]), RunStatus::Failed);
        assert_eq!(final_run_status(&[Cancelled]), RunStatus::Cancelled);
        assert_eq!(
            final_run_status(&[Succeeded, Cancelled]),
            RunStatus::Cancelled
        );
    }

    #[test]
    fn statuses_parse_back() {
        for s in RunStatus::ALL {
            assert_eq!(RunStatus::parse(s.as_str()), Some(s));
        }
        for s in JobStatus::ALL {
            assert_eq!(JobStatus::parse(s.as_str()), Some(s));
        }
    }
}
