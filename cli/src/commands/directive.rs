//! `cbctl directive create|list|get|update|delete`.

use anyhow::Context as _;
use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::directive_service_client::DirectiveServiceClient;

use clap_complete::engine::ArgValueCandidates;

use super::Context;
use crate::output::{self, DirectiveView};
use crate::selectors::{TargetArgs, parse_task};

#[derive(Debug, clap::Args)]
pub struct DirectiveSpec {
    /// Directive name (a-z, 0-9, '-', '_', '.').
    #[arg(add = ArgValueCandidates::new(crate::complete::directives))]
    name: String,
    /// A task: log_triage[:tail=N,since=DURATION,top=N], gpu_report[:window_ms=N], service_map;
    /// any type also takes attempts=N (dispatches per job at most) and deadline=DURATION (per
    /// attempt), durations like 90s, 15m, 1h (repeatable).
    #[arg(long = "task", required = true, value_name = "TASK",
          add = ArgValueCandidates::new(crate::complete::task_kinds))]
    tasks: Vec<String>,
    /// What the directive is for.
    #[arg(long, default_value = "")]
    description: String,
    #[command(flatten)]
    target: TargetArgs,
    /// Whether runs may send their log digests to the controller's LLM for triage [default: on
    /// for a new directive, unchanged for a new version].
    #[arg(long, value_parser = ["on", "off"])]
    llm: Option<String>,
    /// How long its runs' jobs may wait for their agents before they end unreachable, e.g. 2m
    /// [default: the controller's for a new directive, unchanged for a new version].
    #[arg(long, value_name = "DURATION", value_parser = crate::durations::parse_queue_timeout_secs)]
    queue_timeout: Option<u64>,
}

impl DirectiveSpec {
    fn tasks(&self) -> anyhow::Result<Vec<pb::TaskSpec>> {
        self.tasks.iter().map(|t| parse_task(t)).collect()
    }

    fn llm(&self) -> Option<bool> {
        self.llm.as_deref().map(|v| v == "on")
    }

    fn queue_timeout_seconds(&self) -> anyhow::Result<Option<u32>> {
        queue_timeout_seconds(self.queue_timeout)
    }
}

/// `--queue-timeout` in the API's seconds.
fn queue_timeout_seconds(given: Option<u64>) -> anyhow::Result<Option<u32>> {
    given
        .map(|s| u32::try_from(s).map_err(|_| anyhow::anyhow!("--queue-timeout: at most 7d")))
        .transpose()
}

/// `directive update`: only what is given changes.
#[derive(Debug, clap::Args)]
pub struct UpdateSpec {
    /// Directive name.
    #[arg(add = ArgValueCandidates::new(crate::complete::directives))]
    name: String,
    /// A task to set: it replaces the directive's task of the same type, or is added (repeatable;
    /// syntax as for create). With --replace-tasks, the given tasks are the whole new list.
    #[arg(long = "task", value_name = "TASK",
          add = ArgValueCandidates::new(crate::complete::task_kinds))]
    tasks: Vec<String>,
    /// Make the --task flags the whole task list instead of changing tasks one by one.
    #[arg(long, requires = "tasks")]
    replace_tasks: bool,
    /// A new description [default: unchanged].
    #[arg(long)]
    description: Option<String>,
    #[command(flatten)]
    target: TargetArgs,
    /// LLM triage on or off [default: unchanged].
    #[arg(long, value_parser = ["on", "off"])]
    llm: Option<String>,
    /// How long its runs' jobs may wait for their agents before they end unreachable, e.g. 2m;
    /// 0s for the controller's default [default: unchanged].
    #[arg(long, value_name = "DURATION", value_parser = crate::durations::parse_queue_timeout_or_default)]
    queue_timeout: Option<u64>,
    /// Print the version that would be written, and write nothing.
    #[arg(long)]
    dry_run: bool,
}

impl UpdateSpec {
    /// The request for a new version: the latest version with the given changes.
    fn merged(self, latest: pb::Directive) -> anyhow::Result<pb::UpdateDirectiveRequest> {
        let given: Vec<pb::TaskSpec> = self
            .tasks
            .iter()
            .map(|t| parse_task(t))
            .collect::<anyhow::Result<_>>()?;
        let tasks = if self.replace_tasks {
            given
        } else {
            merge_tasks(latest.tasks, given)
        };
        Ok(pb::UpdateDirectiveRequest {
            queue_timeout_seconds: queue_timeout_seconds(self.queue_timeout)?,
            llm: self.llm.as_deref().map(|v| v == "on"),
            tasks,
            default_target: self.target.selector()?.or(latest.default_target),
            description: self.description.unwrap_or(latest.description),
            name: self.name,
        })
    }
}

/// `current` with each of `given` replacing the task of its type, or appended.
fn merge_tasks(mut current: Vec<pb::TaskSpec>, given: Vec<pb::TaskSpec>) -> Vec<pb::TaskSpec> {
    let kind = |t: &pb::TaskSpec| t.task.as_ref().map(std::mem::discriminant);
    for task in given {
        match current.iter_mut().find(|t| kind(t) == kind(&task)) {
            Some(slot) => *slot = task,
            None => current.push(task),
        }
    }
    current
}

#[derive(Debug, clap::Subcommand)]
pub enum Verb {
    /// Create a directive (version 1).
    Create(DirectiveSpec),
    /// List directives (latest versions).
    List {
        /// Page size.
        #[arg(long, default_value_t = 100)]
        limit: u32,
    },
    /// Show a directive.
    Get {
        /// Name.
        #[arg(add = ArgValueCandidates::new(crate::complete::directives))]
        name: String,
        /// Version [default: latest].
        #[arg(long)]
        version: Option<u32>,
    },
    /// Write a new version of a directive, changing only what is given.
    Update(UpdateSpec),
    /// Delete a directive and all its versions (asks first).
    Delete {
        /// Name.
        #[arg(add = ArgValueCandidates::new(crate::complete::directives))]
        name: String,
        #[command(flatten)]
        yes: crate::confirm::Yes,
    },
}

pub async fn run(ctx: &Context, verb: Verb) -> anyhow::Result<()> {
    let format = ctx.read_format()?;
    let mut client = DirectiveServiceClient::new(ctx.server.connect().await?);
    let single = !matches!(verb, Verb::List { .. });
    let directives = match verb {
        Verb::Create(spec) => {
            let request = pb::CreateDirectiveRequest {
                llm: spec.llm(),
                queue_timeout_seconds: spec.queue_timeout_seconds()?,
                tasks: spec.tasks()?,
                default_target: spec.target.selector()?,
                name: spec.name,
                description: spec.description,
            };
            vec![client.create_directive(request).await?.into_inner()]
        }
        Verb::Update(spec) => {
            let latest = client
                .get_directive(pb::GetDirectiveRequest {
                    name: spec.name.clone(),
                    version: 0,
                })
                .await?
                .into_inner();
            let dry_run = spec.dry_run;
            let version = latest.version + 1;
            let latest_llm = latest.llm;
            let latest_queue_timeout = latest.queue_timeout_seconds;
            let request = spec.merged(latest)?;
            if dry_run {
                crate::noteln!("dry run: this would be version {version}; nothing was changed");
                vec![pb::Directive {
                    name: request.name,
                    version,
                    description: request.description,
                    tasks: request.tasks,
                    default_target: request.default_target,
                    created_at: None,
                    llm: request.llm.unwrap_or(latest_llm),
                    queue_timeout_seconds: request
                        .queue_timeout_seconds
                        .unwrap_or(latest_queue_timeout),
                }]
            } else {
                vec![client.update_directive(request).await?.into_inner()]
            }
        }
        Verb::Get { name, version } => {
            let request = pb::GetDirectiveRequest {
                name,
                version: version.unwrap_or(0),
            };
            vec![client.get_directive(request).await?.into_inner()]
        }
        Verb::List { limit } => {
            let mut all = Vec::new();
            let mut page_token = String::new();
            loop {
                let page = client
                    .list_directives(pb::ListDirectivesRequest {
                        page_size: limit,
                        page_token,
                    })
                    .await
                    .context("listing directives")?
                    .into_inner();
                all.extend(page.directives);
                if page.next_page_token.is_empty() {
                    break all;
                }
                page_token = page.next_page_token;
            }
        }
        Verb::Delete { name, yes } => {
            crate::confirm::confirm(
                yes,
                &format!("Delete directive {name} and all its versions?"),
            )?;
            let deleted = client
                .delete_directive(pb::DeleteDirectiveRequest { name: name.clone() })
                .await?
                .into_inner();
            crate::noteln!(
                "deleted directive {name} ({})",
                output::words::count(deleted.versions_deleted as usize, "version")
            );
            return Ok(());
        }
    };
    let views: Vec<DirectiveView> = directives.iter().map(DirectiveView::from).collect();
    let rows = views
        .iter()
        .map(|d| {
            vec![
                d.name.clone(),
                d.version.to_string(),
                d.tasks.join(" "),
                d.default_target.clone(),
                if d.llm { "on" } else { "off" }.to_string(),
                d.description.clone(),
            ]
        })
        .collect();
    output::print_views(
        format,
        &views,
        single,
        &["NAME", "VERSION", "TASKS", "TARGET", "LLM", "DESCRIPTION"],
        rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn update_changes_only_the_tasks_given() {
        let current = vec![
            parse_task("log_triage:top=20").unwrap(),
            parse_task("service_map").unwrap(),
        ];
        let merged = merge_tasks(
            current,
            vec![
                parse_task("service_map:deadline=1m").unwrap(),
                parse_task("gpu_report").unwrap(),
            ],
        );
        let shown: Vec<String> = merged.iter().map(crate::output::task).collect();
        assert_eq!(
            shown,
            [
                "log_triage:tail=0,since=0,top=20",
                "service_map:deadline=1m",
                "gpu_report:window_ms=0"
            ]
        );
    }
}
