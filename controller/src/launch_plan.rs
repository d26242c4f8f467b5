//! Dry runs of launches: what a launch would create, resolved as a launch resolves it, with
//! nothing written.

use cyberbrain_model::directives::validate_name;
use cyberbrain_model::fleet::TargetSelector;
use cyberbrain_model::runs::{LaunchRequest, LaunchSource};
use cyberbrain_tasks::PlannedTask;

use crate::app::App;
use crate::error::{Error, Result};

/// The run a launch would create.
#[derive(Debug, Clone)]
pub struct LaunchPlan {
    /// The directive's name and version, for a directive launch.
    pub directive: Option<(String, u32)>,
    /// The tasks.
    pub tasks: Vec<PlannedTask>,
    /// The target, after the directive's default.
    pub target: TargetSelector,
    /// The agents selected now, by name: one job per task on each.
    pub agents: Vec<String>,
}

impl App {
    /// Resolves `request` as [`App::launch_run`] would (the same directive, default target and
    /// checks) and the agents it would select, without writing anything.
    pub async fn plan_launch(&self, request: LaunchRequest) -> Result<LaunchPlan> {
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
        let agents = self
            .store
            .preview_targets(&target, self.settings.trust_agent_labels)
            .await?;
        Ok(LaunchPlan {
            directive,
            tasks,
            target,
            agents,
        })
    }
}
