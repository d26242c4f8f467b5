//! `/`: the fleet at a glance: agents, runs and failing directives of the last day, GPUs busy
//! and hot, the latest reports' "needs attention" lines, the latest runs.

use axum::http::StatusCode;
use axum::response::Response;
use maud::html;

use super::super::Shared;
use super::super::layout::page;
use super::super::render::{badge, store_error, when};
use super::super::session::Signed;
use cyberbrain_store::RunFilter;

/// The latest finished runs whose reports' "needs attention" lines are shown.
const ATTENTION_RUNS: u32 = 10;

/// `GET /`.
pub async fn show(state: Shared, signed: Signed) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.RunService/ListRuns") {
        return refused;
    }
    let overview = match state.app.store.fleet_overview().await {
        Ok(overview) => overview,
        Err(e) => return store_error(e),
    };
    let latest = match state
        .app
        .store
        .list_runs(&RunFilter {
            limit: 10,
            ..Default::default()
        })
        .await
    {
        Ok(page) => page.runs,
        Err(e) => return store_error(e),
    };
    let gpus = if signed.allowed("/cyberbrain.v1.RunService/GetRunReport") {
        let counts = match state.gpu_counts().await {
            Ok(counts) => counts,
            Err(e) => return store_error(e),
        };
        let attention = match state.app.store.latest_attention(ATTENTION_RUNS).await {
            Ok(runs) => runs,
            Err(e) => return store_error(e),
        };
        Some((counts, attention))
    } else {
        None
    };
    let agents_total: i64 = overview.agents_by_state.iter().map(|(_, n)| n).sum();
    let body = html! {
        div.cards {
            section.card aria-labelledby="agents-h" {
                h2 #agents-h { a href="/agents" { "Agents" } " (" (agents_total) ")" }
                ul {
                    @for (state, count) in &overview.agents_by_state {
                        li { (badge(state)) " " (count) }
                    }
                    @if overview.agents_by_state.is_empty() { li.muted { "No agent has enrolled yet." } }
                }
            }
            section.card aria-labelledby="runs-h" {
                h2 #runs-h { a href="/runs" { "Runs" } ", last 24 h" }
                ul {
                    @for (status, count) in &overview.runs_last_day {
                        li { a href={"/runs?status=" (status)} { (badge(status)) } " " (count) }
                    }
                    @if overview.runs_last_day.is_empty() { li.muted { "No run in the last 24 hours." } }
                }
            }
            section.card aria-labelledby="failing-h" {
                h2 #failing-h { "Failing directives, last 24 h" }
                ul {
                    @for (directive, count) in &overview.failing_directives {
                        li { a href={"/runs?directive=" (directive)} { (directive) } ": " (count) " failed" }
                    }
                    @if overview.failing_directives.is_empty() { li.muted { "None." } }
                }
            }
            @if let Some((counts, _)) = &gpus {
                section.card aria-labelledby="gpus-h" {
                    h2 #gpus-h { a href="/gpus" { "GPUs" } " (" (counts.gpus) ")" }
                    ul {
                        li { span.badge.busy { "busy" } " " (counts.busy) }
                        li { span.badge.bad { "hot" } " " (counts.hot) }
                        li.muted { "latest reports of " (counts.agents) " agents" }
                    }
                }
            }
        }
        @if let Some((_, attention)) = &gpus { (super::attention::section(attention)) }
        h2 { "Latest runs" }
        (super::runs::table(&latest))
        p.muted { "Updated " (when(chrono::Utc::now())) "." }
    };
    page(StatusCode::OK, "Fleet overview", &signed, body)
}
