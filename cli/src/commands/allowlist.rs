//! `cbctl allowlist add|list|update|remove`.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::allowlist_service_client::AllowlistServiceClient;

use super::Context;
use crate::output::{self, AllowlistEntryView};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Kind {
    /// Exact container name.
    Name,
    /// Container name glob (`*`, `?`).
    #[value(alias = "name_glob")]
    NameGlob,
    /// Image reference glob.
    #[value(alias = "image_glob")]
    ImageGlob,
    /// A worker image `container` tasks may run (`NAME@sha256:DIGEST` or `NAME@sha256:*`);
    /// admits no container to read.
    #[value(alias = "worker_image")]
    WorkerImage,
}

#[derive(Debug, clap::Subcommand)]
pub enum Verb {
    /// Allow containers matching a pattern.
    Add {
        /// A container name, or a glob with --kind name-glob / image-glob.
        pattern: String,
        /// How the pattern is matched.
        #[arg(long, value_enum, default_value_t = Kind::Name)]
        kind: Kind,
        /// Why the entry exists.
        #[arg(long, default_value = "")]
        description: String,
        /// Whether the digests of containers it admits may go to an LLM (false: triaged
        /// locally only).
        #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
        send_to_llm: bool,
    },
    /// List entries.
    List,
    /// Change an entry.
    Update {
        /// Entry id.
        id: String,
        /// New pattern.
        #[arg(long)]
        pattern: Option<String>,
        /// New description.
        #[arg(long)]
        description: Option<String>,
        /// Activate or deactivate.
        #[arg(long)]
        active: Option<bool>,
        /// Let the digests of its containers go to an LLM, or not.
        #[arg(long)]
        send_to_llm: Option<bool>,
    },
    /// Remove an entry.
    Remove {
        /// Entry id.
        id: String,
        #[command(flatten)]
        yes: crate::confirm::Yes,
    },
}

pub async fn run(ctx: &Context, verb: Verb) -> anyhow::Result<()> {
    let format = ctx.read_format()?;
    let mut client = AllowlistServiceClient::new(ctx.server.connect().await?);
    let single = !matches!(verb, Verb::List);
    let entries = match verb {
        Verb::Add {
            pattern,
            kind,
            description,
            send_to_llm,
        } => {
            let kind = match kind {
                Kind::Name => pb::MatchKind::Name,
                Kind::NameGlob => pb::MatchKind::NameGlob,
                Kind::ImageGlob => pb::MatchKind::ImageGlob,
                Kind::WorkerImage => pb::MatchKind::WorkerImage,
            };
            let request = pb::AddAllowlistEntryRequest {
                kind: kind as i32,
                pattern,
                description,
                send_to_llm: Some(send_to_llm),
            };
            vec![client.add_allowlist_entry(request).await?.into_inner()]
        }
        Verb::List => {
            client
                .list_allowlist_entries(pb::ListAllowlistEntriesRequest {})
                .await?
                .into_inner()
                .entries
        }
        Verb::Update {
            id,
            pattern,
            description,
            active,
            send_to_llm,
        } => {
            let request = pb::UpdateAllowlistEntryRequest {
                id,
                pattern,
                description,
                active,
                send_to_llm,
            };
            vec![client.update_allowlist_entry(request).await?.into_inner()]
        }
        Verb::Remove { id, yes } => {
            crate::confirm::confirm(yes, &format!("Remove allowlist entry {id}?"))?;
            client
                .remove_allowlist_entry(pb::RemoveAllowlistEntryRequest { id: id.clone() })
                .await?;
            crate::noteln!("removed allowlist entry {id}");
            return Ok(());
        }
    };
    let views: Vec<AllowlistEntryView> = entries.iter().map(AllowlistEntryView::from).collect();
    let rows = views
        .iter()
        .map(|e| {
            vec![
                e.id.clone(),
                output::words::as_typed(&e.kind),
                e.pattern.clone(),
                e.active.to_string(),
                e.send_to_llm.to_string(),
                e.description.clone(),
            ]
        })
        .collect();
    output::print_views(
        format,
        &views,
        single,
        &["ID", "KIND", "PATTERN", "ACTIVE", "TO LLM", "DESCRIPTION"],
        rows,
    )
}
