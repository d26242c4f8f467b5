//! `cbctl agent list|get|revoke|delete|label` and `cbctl agent join-token create|list|revoke`.

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
    /// Remove a revoked or offline agent from the fleet; its jobs' history keeps its name, and
    /// its certificates are refused (it must enroll again).
    Delete {
        /// Agent name, or at least 4 characters of its name or id.
        #[arg(add = ArgValueCandidates::new(crate::complete::agents))]
        name: String,
        #[command(flatten)]
        yes: crate::confirm::Yes,
    },
    /// Set labels targeting uses (KEY=VALUE), or remove them (KEY-).
    Label {
        /// Agent name, or at least 4 characters of its name or id.
        #[arg(add = ArgValueCandidates::new(crate::complete::agents))]
        name: String,
        /// KEY=VALUE to set, KEY- to remove.
        #[arg(required = true, value_name = "KEY=VALUE|KEY-")]
        changes: Vec<String>,
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
    /// List join tokens (never their secrets), newest first.
    List,
    /// Revoke an unused join token.
    Revoke {
        /// Join token id.
        id: String,
        #[command(flatten)]
        yes: crate::confirm::Yes,
    },
}

pub async fn run(ctx: &Context, verb: Verb) -> anyhow::Result<()> {
    let format = ctx.read_format()?;
    let wide = format == Format::Wide;
    let mut client = FleetServiceClient::new(ctx.server.connect().await?);
    let single = matches!(
        verb,
        Verb::Get { .. } | Verb::Revoke { .. } | Verb::Label { .. }
    );
    let agents = match verb {
        Verb::JoinToken(JoinTokenVerb::List) => {
            let tokens = client
                .list_join_tokens(pb::ListJoinTokensRequest {})
                .await?
                .into_inner()
                .tokens;
            return print_join_tokens(format, &tokens);
        }
        Verb::JoinToken(JoinTokenVerb::Revoke { id, yes }) => {
            crate::confirm::confirm(
                yes,
                &format!("Revoke join token {id}? No agent can enroll with it afterwards."),
            )?;
            let token = client
                .revoke_join_token(pb::RevokeJoinTokenRequest { id })
                .await?
                .into_inner();
            return print_join_tokens(format, &[token]);
        }
        Verb::Delete { name, yes } => {
            let name = crate::resolve::agent_name(&mut client, &name).await?;
            crate::confirm::confirm(
                yes,
                &format!("Delete agent {name}? It must enroll again to return."),
            )?;
            client
                .delete_agent(pb::DeleteAgentRequest { name: name.clone() })
                .await?;
            crate::output::sink::note(&format!("agent {name} deleted"));
            return Ok(());
        }
        Verb::Label { name, changes } => {
            // Checked before any call: a malformed change is a usage error (exit 2).
            let mut request = pb::SetAgentLabelsRequest::default();
            for change in changes {
                if let Some(key) = change.strip_suffix('-').filter(|k| !k.contains('=')) {
                    request.remove.push(key.to_string());
                } else {
                    let (key, value) = cyberbrain_tasks::parse_label(&change).map_err(|e| {
                        crate::exit::UsageError(format!("label change: {e} (KEY=VALUE or KEY-)"))
                    })?;
                    request.set.insert(key, value);
                }
            }
            request.name = crate::resolve::agent_name(&mut client, &name).await?;
            vec![client.set_agent_labels(request).await?.into_inner()]
        }
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
    output::print_views(format, &views, single, &header, rows)?;
    if single && matches!(format, Format::Table | Format::Wide) {
        print_label_sources(&views);
        print_commands(&views);
    }
    Ok(())
}

/// The commands one agent declares for `cbctl exec`, under its table.
fn print_commands(views: &[AgentView]) {
    for view in views {
        let line = if view.commands.is_empty() {
            "\nCommands: none declared (the agent's [exec] configuration or --allow-command)\n"
                .to_string()
        } else {
            format!("\nCommands: {}\n", view.commands.join(", "))
        };
        crate::output::sink::out(&line);
        let images = if view.images.is_empty() {
            "Worker images: none (the agent's --allow-image or [worker] configuration)\n"
                .to_string()
        } else {
            format!("Worker images: {}\n", view.images.join(", "))
        };
        crate::output::sink::out(&images);
    }
}

/// Each label of one agent with its source, under its table.
fn print_label_sources(views: &[AgentView]) {
    for view in views.iter().filter(|v| !v.label_sources.is_empty()) {
        crate::output::sink::out("\n");
        let rows: Vec<Vec<String>> = view
            .label_sources
            .iter()
            .map(|l| {
                vec![
                    l.key.clone(),
                    l.value.clone(),
                    l.source.clone(),
                    if l.targeting { "yes" } else { "no" }.into(),
                ]
            })
            .collect();
        output::print_table(&["LABEL", "VALUE", "SOURCE", "TARGETING"], &rows);
    }
}

fn print_join_tokens(format: output::Format, tokens: &[pb::JoinToken]) -> anyhow::Result<()> {
    let views: Vec<serde_json::Value> = tokens
        .iter()
        .map(|t| {
            serde_json::json!({
                "id": t.id,
                "state": t.state,
                "labels": t.labels.iter().collect::<std::collections::BTreeMap<_, _>>(),
                "created_by": t.created_by,
                "created_at": output::time(&t.created_at),
                "expires_at": output::time(&t.expires_at),
                "used_at": output::time(&t.used_at),
                "used_by_agent": t.used_by_agent,
                "revoked_at": output::time(&t.revoked_at),
            })
        })
        .collect();
    if output::print_data(format, &views)? {
        return Ok(());
    }
    let wide = format == Format::Wide;
    let rows = tokens
        .iter()
        .map(|t| {
            vec![
                t.id.clone(),
                t.state.clone(),
                output::labels(&t.labels.clone().into_iter().collect()),
                words::when(&output::time(&t.expires_at), wide),
                t.used_by_agent.clone(),
            ]
        })
        .collect::<Vec<_>>();
    output::print_table(&["ID", "STATE", "LABELS", "EXPIRES", "USED BY"], &rows);
    Ok(())
}
