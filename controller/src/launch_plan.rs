//! Dry runs of launches: what a launch would create, resolved as a launch resolves it, with
//! nothing written.

use std::time::Duration;

use cyberbrain_model::directives::validate_name;
use cyberbrain_model::fleet::TargetSelector;
use cyberbrain_model::runs::{LaunchRequest, LaunchSource};
use cyberbrain_tasks::PlannedTask;

use crate::app::App;
use crate::error::{Error, Result};

/// The run a launch would create.
#[derive(Debug, Clone)]
pub struct LaunchPlan {
    /// The directive, tasks, target and queue timeout, resolved as a launch resolves them.
    pub resolved: ResolvedLaunch,
    /// The agents selected now, by name: one job per task on each.
    pub agents: Vec<String>,
    /// What a launch would warn about (targets not online).
    pub warnings: Vec<String>,
}

/// A launch request resolved: its directive (name and version), tasks, target after the
/// directive's default, and the queue timeout (the launch's, else the directive's, else the
/// controller's).
#[derive(Debug, Clone)]
pub struct ResolvedLaunch {
    /// The directive's name and version, for a directive launch.
    pub directive: Option<(String, u32)>,
    /// The tasks.
    pub tasks: Vec<PlannedTask>,
    /// The target, after the directive's default.
    pub target: TargetSelector,
    /// How long each job may wait queued.
    pub queue_timeout: Duration,
}

impl App {
    /// Resolves what a launch (or its dry run) runs and where: one function, so the two agree.
    pub async fn resolve_launch(
        &self,
        source: LaunchSource,
        target: Option<TargetSelector>,
        queue_timeout: Option<Duration>,
    ) -> Result<ResolvedLaunch> {
        let (directive, tasks, default_target, directive_timeout) = match source {
            LaunchSource::Directive { name, version } => {
                validate_name(&name)
                    .map_err(|_| Error::invalid("directive_name", "not a valid directive name"))?;
                let d = self.store.get_directive(&name, version).await?;
                (
                    Some((d.name, d.version)),
                    d.tasks,
                    Some(d.default_target),
                    d.queue_timeout,
                )
            }
            LaunchSource::AdHoc(tasks) => (None, tasks, None, None),
        };
        let target = target
            .or(default_target)
            .ok_or_else(|| Error::invalid("target", "an ad-hoc run needs a target"))?;
        target.validate("target")?;
        Ok(ResolvedLaunch {
            directive,
            tasks,
            target,
            queue_timeout: queue_timeout
                .or(directive_timeout)
                .unwrap_or(self.settings.queue_timeout),
        })
    }

    /// Resolves `request` as [`App::launch_run`] would (the same directive, default target,
    /// queue timeout and `require_online` refusal) and the agents it would select, with the
    /// warnings a launch would give, without writing anything.
    pub async fn plan_launch(&self, request: LaunchRequest) -> Result<LaunchPlan> {
        let resolved = self
            .resolve_launch(request.source, request.target, request.queue_timeout)
            .await?;
        let preview = self
            .store
            .preview_targets(
                &resolved.target,
                self.settings.trust_agent_labels,
                request.require_online,
            )
            .await?;
        let warnings = crate::app::offline_warnings(&preview.not_online, resolved.queue_timeout);
        Ok(LaunchPlan {
            resolved,
            agents: preview.agents,
            warnings,
        })
    }
}
