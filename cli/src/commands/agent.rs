//! `cbctl agent list|get`.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::fleet_service_client::FleetServiceClient;

use super::Context;
use crate::output::{self, AgentView};

#[derive(Debug, clap::Subcommand)]
pub enum Verb {
    /// List agents.
    List,
    /// Show one agent.
    Get {
        /// Agent name.
        name: String,
    },
}

pub async fn run(ctx: &Context, verb: Verb) -> anyhow::Result<()> {
    let mut client = FleetServiceClient::new(ctx.server.connect().await?);
    let single = matches!(verb, Verb::Get { .. });
    let agents = match verb {
        Verb::List => {
            client
                .list_agents(pb::ListAgentsRequest {})
                .await?
                .into_inner()
                .agents
        }
        Verb::Get { name } => vec![
            client
                .get_agent(pb::GetAgentRequest { name })
                .await?
                .into_inner(),
        ],
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
                output::short_time(&a.last_seen_at),
                a.replica.clone(),
            ]
        })
        .collect();
    let header = [
        "NAME",
        "STATE",
        "HOSTNAME",
        "LABELS",
        "DOCKER",
        "GPUS",
        "LAST SEEN",
    ];
    output::print_views(ctx.output, &views, single, &header, rows)
}
