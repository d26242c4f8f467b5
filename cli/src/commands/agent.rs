//! `cbctl agent list|get|revoke` and `cbctl agent join-token create`.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::fleet_service_client::FleetServiceClient;

use clap_complete::engine::ArgValueCandidates;

use super::Context;
use crate::output::{self, AgentView, Format, words};

#[derive(Debug, clap::Subcommand)]
pub enum Verb {
    /// List agents.
    List,
    /// Show one agent.
    Get {
        /// Agent name, or at least 4 characters of its name or id.
        #[arg(add = ArgValueCandidates::new(crate::complete::agents))]
        name: String,
    },
    /// Revoke an agent: its stream closes, its certificates are refused, its unfinished jobs end
    /// `lost`.
    Revoke {
        /// Agent name, or at least 4 characters of its name or id.
        #[arg(add = ArgValueCandidates::new(crate::complete::agents))]
        name: String,
        #[command(flatten)]
        yes: crate::confirm::Yes,
    },
    /// One-time tokens agents enroll with.
    #[command(subcommand)]
    JoinToken(JoinTokenVerb),
}

#[derive(Debug, clap::Subcommand)]
pub enum JoinTokenVerb {
    /// Make a one-time join token; it is printed once.
    Create {
        /// How long it may be used, e.g. 15m, 1h [max 7d].
        #[arg(long, default_value = "15m", value_parser = crate::durations::parse_duration)]
        ttl: u64,
        /// A label to stamp on the agent that enrolls, KEY=VALUE (repeatable, or
        /// comma-separated).
        #[arg(long = "label", alias = "labels", value_name = "KEY=VALUE", value_delimiter = ',',
              value_parser = cyberbrain_tasks::parse_label)]
        labels: Vec<(String, String)>,
    },
}

pub async fn run(ctx: &Context, verb: Verb) -> anyhow::Result<()> {
    let format = ctx.read_format()?;
    let wide = format == Format::Wide;
    let mut client = FleetServiceClient::new(ctx.server.connect().await?);
    let single = matches!(verb, Verb::Get { .. } | Verb::Revoke { .. });
    let agents = match verb {
        Verb::JoinToken(JoinTokenVerb::Create { ttl, labels }) => {
            let created = client
                .create_join_token(pb::CreateJoinTokenRequest {
                    ttl_seconds: ttl,
                    labels: labels.into_iter().collect(),
                })
                .await?
                .into_inner();
            if format.is_table() {
                // The token alone on stdout, so scripts can capture it.
                crate::outln!("{}", created.token);
                crate::noteln!(
                    "join token {} expires {}; it works once and is shown only now",
                    created.id,
                    words::when(&output::time(&created.expires_at), true)
                );
                return Ok(());
            }
            let view = serde_json::json!({
                "id": created.id,
                "token": created.token,
                "expires_at": output::time(&created.expires_at),
            });
            return output::print(format, &view, &[], vec![]);
        }
        Verb::Revoke { name, yes } => {
            let name = crate::resolve::agent_name(&mut client, &name).await?;
            crate::confirm::confirm(
                yes,
                &format!("Revoke agent {name}? Its certificates stop working for good."),
            )?;
            vec![
                client
                    .revoke_agent(pb::RevokeAgentRequest { name })
                    .await?
                    .into_inner(),
            ]
        }
        Verb::List => {
            client
                .list_agents(pb::ListAgentsRequest {})
                .await?
                .into_inner()
                .agents
        }
        Verb::Get { name } => {
            let name = crate::resolve::agent_name(&mut client, &name).await?;
            vec![
                client
                    .get_agent(pb::GetAgentRequest { name })
                    .await?
                    .into_inner(),
            ]
        }
    };
    let views: Vec<AgentView> = agents.iter().map(AgentView::from).collect();
    let rows = views
        .iter()
        .map(|a| {
            vec![
                a.name.clone(),
                a.state.clone(),
                a.hostname.clone(),
                output::labels(&a.labels),
                if a.docker_reachable { "yes" } else { "no" }.into(),
                a.gpu_count.to_string(),
                words::when(&a.last_seen_at, wide),
                a.replica.clone(),
            ]
            .into_iter()
            .chain(
                wide.then(|| [a.version.clone(), a.id.clone()])
                    .into_iter()
                    .flatten(),
            )
            .collect()
        })
        .collect();
    let mut header = vec![
        "NAME",
        "STATE",
        "HOSTNAME",
        "LABELS",
        "DOCKER",
        "GPUS",
        "LAST SEEN",
        "REPLICA",
    ];
    if wide {
        header.extend(["VERSION", "ID"]);
    }
    output::print_views(format, &views, single, &header, rows)
}
