//! `/agents` and `/agents/{name}`: the fleet's hosts; revoke (admin).

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use maud::html;

use super::super::Shared;
use super::super::layout::page;
use super::super::render::{badge, error_page, store_error, when};
use super::super::session::Signed;
use super::login::see_other;
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::fleet::Agent;
use cyberbrain_model::tokens::validate_name;

/// Agents per page.
const PAGE_SIZE: u32 = 100;

/// `?after=NAME`: the page after that agent.
#[derive(Debug, serde::Deserialize)]
pub struct Page {
    after: Option<String>,
}

/// `GET /agents`.
pub async fn list(state: Shared, signed: Signed, Query(page_query): Query<Page>) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.FleetService/ListAgents") {
        return refused;
    }
    let after = page_query.after.unwrap_or_default();
    if !after.is_empty() && validate_name("after", &after).is_err() {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Bad request",
            "after: not an agent name",
        );
    }
    // One more than shown tells whether a next page exists.
    let mut agents = match state
        .app
        .store
        .list_agents_page(&after, PAGE_SIZE + 1)
        .await
    {
        Ok(agents) => agents,
        Err(e) => return store_error(e),
    };
    let more = agents.len() > PAGE_SIZE as usize;
    agents.truncate(PAGE_SIZE as usize);
    let body = html! {
        div.table-wrap { table {
            thead { tr {
                th scope="col" { "Name" } th scope="col" { "State" } th scope="col" { "Labels" }
                th scope="col" { "Docker" } th scope="col" { "GPUs" } th scope="col" { "Last seen" }
            } }
            tbody {
                @for agent in &agents {
                    tr {
                        td { a href={"/agents/" (agent.name)} { (agent.name) } }
                        td { (badge(agent.state.as_str())) }
                        td { (labels(agent)) }
                        td { (yes_no(agent.capabilities.docker_reachable)) }
                        td { (gpus(agent)) }
                        td { (when(agent.last_seen_at)) }
                    }
                }
            }
        } }
        @if agents.is_empty() { p.muted { "No agent here." } }
        nav.pager aria-label="Pages" {
            @if !after.is_empty() { a href="/agents" { "First" } }
            @if more { @if let Some(last) = agents.last() {
                a href={"/agents?after=" (last.name)} rel="next" { "Next agents" }
            } }
        }
    };
    page(StatusCode::OK, "Agents", &signed, body)
}

/// `GET /agents/{name}`.
pub async fn show(state: Shared, signed: Signed, Path(name): Path<String>) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.FleetService/GetAgent") {
        return refused;
    }
    if validate_name("name", &name).is_err() {
        return error_page(
            StatusCode::NOT_FOUND,
            "Not found",
            "There is no agent by that name.",
        );
    }
    let agent = match state.app.store.get_agent(&name).await {
        Ok(agent) => agent,
        Err(e) => return store_error(e),
    };
    let jobs = match state.app.store.agent_recent_jobs(agent.id, 20).await {
        Ok(jobs) => jobs,
        Err(e) => return store_error(e),
    };
    let may_revoke = signed.allowed("/cyberbrain.v1.FleetService/RevokeAgent");
    let body = html! {
        dl.facts {
            dt { "State" } dd { (badge(agent.state.as_str())) }
            dt { "Host name" } dd { (agent.hostname) }
            dt { "Labels" } dd { (labels(&agent)) }
            dt { "Version" } dd { (agent.version) }
            dt { "Docker" } dd { (yes_no(agent.capabilities.docker_reachable)) }
            dt { "NVML" } dd { (yes_no(agent.capabilities.nvml_available)) }
            dt { "GPUs" } dd { (gpus(&agent)) }
            dt { "First seen" } dd { (when(agent.first_seen_at)) }
            dt { "Last seen" } dd { (when(agent.last_seen_at)) }
            dt { "Replica" } dd { (agent.replica.as_deref().unwrap_or("—")) }
            dt { "Certificate" } dd {
                (agent.cert_serial.as_deref().unwrap_or("—"))
                @if let Some(expires) = agent.cert_expires_at { ", expires " (when(expires)) }
            }
        }
        h2 { "Recent jobs" }
        div.table-wrap { table {
            thead { tr { th scope="col" { "Run" } th scope="col" { "Task" } th scope="col" { "Status" } th scope="col" { "Created" } } }
            tbody {
                @for job in &jobs {
                    tr {
                        td { a href={"/runs/" (job.run_id)} { code { (short(&job.run_id.to_string())) } } }
                        td { (job.task_type) }
                        td { (badge(&job.status)) }
                        td { (when(job.created_at)) }
                    }
                }
            }
        } }
        @if jobs.is_empty() { p.muted { "No job yet." } }
        @if may_revoke && agent.state.as_str() != "revoked" {
            h2 { "Revoke" }
            form method="post" action={"/agents/" (agent.name) "/revoke"} {
                p.muted { "Revoking closes its stream, refuses its certificate and ends its unfinished jobs as lost." }
                button.danger type="submit" { "Revoke " (agent.name) }
            }
        }
    };
    page(
        StatusCode::OK,
        &format!("Agent {}", agent.name),
        &signed,
        body,
    )
}

/// `POST /agents/{name}/revoke` (admin).
pub async fn revoke(state: Shared, signed: Signed, Path(name): Path<String>) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.FleetService/RevokeAgent") {
        return refused;
    }
    if validate_name("name", &name).is_err() {
        return error_page(
            StatusCode::NOT_FOUND,
            "Not found",
            "There is no agent by that name.",
        );
    }
    let audit = AuditEntry::new(signed.actor(), "agent.revoke")
        .on(&name)
        .with(serde_json::json!({"via": "web"}));
    match state.app.revoke_agent(&name, &audit).await {
        Ok(_) => see_other("/agents"),
        Err(e) => store_error(e),
    }
}

fn labels(agent: &Agent) -> maud::Markup {
    html! {
        @for (key, value) in &agent.labels { code { (key) "=" (value) } " " }
    }
}

fn gpus(agent: &Agent) -> String {
    if agent.capabilities.nvml_available {
        format!(
            "{} (driver {})",
            agent.capabilities.gpu_count, agent.capabilities.driver_version
        )
    } else {
        "none".into()
    }
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}

/// The first eight characters of an id.
pub fn short(id: &str) -> &str {
    id.get(..8).unwrap_or(id)
}
