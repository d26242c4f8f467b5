//! `/usage`: LLM calls and tokens of the last 30 days by model, by run and by day (any role: the
//! figures hold no text).

use axum::http::StatusCode;
use axum::response::Response;
use maud::{Markup, html};

use super::super::Shared;
use super::super::layout::page;
use super::super::render::store_error;
use super::super::session::Signed;
use cyberbrain_model::usage::TokenTotals;
use cyberbrain_store::{TokenFilter, TokenGrouping};

/// Rows shown per table at most.
const MAX_ROWS: usize = 100;

/// `GET /usage`.
pub async fn show(state: Shared, signed: Signed) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.UsageService/TokenStats") {
        return refused;
    }
    let filter = TokenFilter {
        since: Some(chrono::Utc::now() - chrono::TimeDelta::days(30)),
        run_id: None,
    };
    let mut tables = Vec::new();
    for (title, grouping, first) in [
        ("By model", TokenGrouping::Model, "Provider/model"),
        ("By day (UTC)", TokenGrouping::Day, "Day"),
        ("By run", TokenGrouping::Run, "Run"),
    ] {
        match state.app.store.token_stats(grouping, &filter).await {
            Ok(rows) => tables.push((title, first, matches!(grouping, TokenGrouping::Run), rows)),
            Err(e) => return store_error(e),
        }
    }
    let body = html! {
        p.muted { "LLM calls of the last 30 days. Token counts are the providers' own; no prompt or answer is kept." }
        @for (title, first, runs, rows) in &tables {
            h2 { (title) }
            (table(first, *runs, rows))
        }
    };
    page(StatusCode::OK, "LLM usage", &signed, body)
}

fn table(first: &str, runs: bool, rows: &[TokenTotals]) -> Markup {
    html! {
        @if rows.is_empty() { p.muted { "No LLM call." } } @else {
            div.table-wrap { table {
                thead { tr {
                    th scope="col" { (first) } th scope="col" { "Calls" } th scope="col" { "Failed" }
                    th scope="col" { "Prompt tokens" } th scope="col" { "Completion tokens" } th scope="col" { "Total" }
                } }
                tbody {
                    @for row in rows.iter().take(MAX_ROWS) {
                        tr {
                            td { @if runs && row.key != "-" { a href={"/runs/" (row.key)} { code { (row.key) } } } @else { (row.key) } }
                            td { (row.calls) } td { (row.failed_calls) } td { (row.prompt_tokens) }
                            td { (row.completion_tokens) } td { (row.total_tokens) }
                        }
                    }
                }
            } }
        }
    }
}
