//! `cbctl directive create|list|get|update|delete`.

use anyhow::Context as _;
use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::directive_service_client::DirectiveServiceClient;

use super::Context;
use crate::output::{self, DirectiveView};
use crate::selectors::{TargetArgs, parse_task};

#[derive(Debug, clap::Args)]
pub struct DirectiveSpec {
    /// Directive name (a-z, 0-9, '-', '_', '.').
    name: String,
    /// A task: log_triage[:tail=N,since=SECONDS,top=N], gpu_report[:window_ms=N], service_map;
    /// any type also takes attempts=N (dispatches per job at most) and deadline=SECONDS (per
    /// attempt) (repeatable).
    #[arg(long = "task", required = true, value_name = "TASK")]
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
    #[arg(long, value_name = "DURATION", value_parser = super::parse_duration)]
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
        self.queue_timeout
            .map(|s| u32::try_from(s).map_err(|_| anyhow::anyhow!("--queue-timeout: at most 7d")))
            .transpose()
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
        name: String,
    },
}

pub async fn run(ctx: &Context, verb: Verb) -> anyhow::Result<()> {
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
            let request = pb::UpdateDirectiveRequest {
                llm: spec.llm(),
                queue_timeout_seconds: spec.queue_timeout_seconds()?,
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
            eprintln!(
                "deleted directive {name} ({} versions)",
                deleted.versions_deleted
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
        ctx.output,
        &views,
        single,
        &["NAME", "VERSION", "TASKS", "TARGET", "LLM", "DESCRIPTION"],
        rows,
    )
}
