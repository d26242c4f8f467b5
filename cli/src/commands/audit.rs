//! `cbctl audit list`: the audit log, newest first.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::audit_service_client::AuditServiceClient;
use serde::Serialize;

use super::Context;
use crate::output;

#[derive(Debug, clap::Subcommand)]
pub enum Verb {
    /// List audit events, newest first.
    List {
        /// Only this actor, e.g. token:ops or agent:gpu-1.
        #[arg(long)]
        actor: Option<String>,
        /// Only this action, e.g. run.launch, token.create, agent.revoke.
        #[arg(long)]
        action: Option<String>,
        /// Only events since this time: an age (30m, 24h, 7d) or RFC 3339
        /// (2025-01-31T00:00:00Z).
        #[arg(long, value_parser = crate::durations::parse_since)]
        since: Option<chrono::DateTime<chrono::Utc>>,
        /// At most this many events.
        #[arg(long, default_value_t = 100)]
        limit: u32,
    },
}

#[derive(Debug, Serialize)]
struct EventView {
    id: u64,
    at: Option<chrono::DateTime<chrono::Utc>>,
    actor: String,
    action: String,
    object: String,
    details: serde_json::Value,
}

pub async fn run(ctx: &Context, verb: Verb) -> anyhow::Result<()> {
    let Verb::List {
        actor,
        action,
        since,
        limit,
    } = verb;
    let since = since.map(crate::durations::timestamp);
    let format = ctx.read_format()?;
    let events = AuditServiceClient::new(ctx.server.connect().await?)
        .list_audit_events(pb::ListAuditEventsRequest {
            actor: actor.unwrap_or_default(),
            action: action.unwrap_or_default(),
            since,
            limit,
            before_id: 0,
        })
        .await?
        .into_inner()
        .events;
    let views: Vec<EventView> = events
        .iter()
        .map(|e| EventView {
            id: e.id,
            at: output::time(&e.at),
            actor: e.actor.clone(),
            action: e.action.clone(),
            object: e.object.clone(),
            details: serde_json::from_str(&e.details_json).unwrap_or(serde_json::Value::Null),
        })
        .collect();
    let rows = views
        .iter()
        .map(|e| {
            vec![
                e.id.to_string(),
                output::words::when(&e.at, format == output::Format::Wide),
                e.actor.clone(),
                e.action.clone(),
                e.object.clone(),
            ]
        })
        .collect();
    output::print_views(
        format,
        &views,
        false,
        &["ID", "AT", "ACTOR", "ACTION", "OBJECT"],
        rows,
    )
}
