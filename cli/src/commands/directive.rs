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
}

impl DirectiveSpec {
    fn tasks(&self) -> anyhow::Result<Vec<pb::TaskSpec>> {
        self.tasks.iter().map(|t| parse_task(t)).collect()
    }

    fn llm(&self) -> Option<bool> {
        self.llm.as_deref().map(|v| v == "on")
    }
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
    /// Write a new version of a directive.
    Update(DirectiveSpec),
    /// Delete a directive and all its versions.
    Delete {
        /// Name.
        #[arg(add = ArgValueCandidates::new(crate::complete::directives))]
        name: String,
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
                tasks: spec.tasks()?,
                default_target: spec.target.selector()?,
                name: spec.name,
                description: spec.description,
            };
            vec![client.create_directive(request).await?.into_inner()]
        }
        Verb::Update(spec) => {
            let request = pb::UpdateDirectiveRequest {
                llm: spec.llm(),
                tasks: spec.tasks()?,
                default_target: spec.target.selector()?,
                name: spec.name,
                description: spec.description,
            };
            vec![client.update_directive(request).await?.into_inner()]
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
        Verb::Delete { name } => {
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
