//! `/runs`: runs newest first, filtered by status, directive and agent, paged on the server with
//! a keyset cursor (one indexed query per page, whatever the page number).

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{DateTime, Utc};
use maud::{Markup, html};
use uuid::Uuid;

use super::super::Shared;
use super::super::layout::page;
use super::super::render::{badge, error_page, store_error, when};
use super::super::session::Signed;
use super::agents::short;
use cyberbrain_model::runs::{Run, RunStatus};
use cyberbrain_model::tokens::validate_name;
use cyberbrain_store::RunFilter;

/// Runs per page.
const PAGE_SIZE: u32 = 50;

/// The filters and the cursor, from the query string.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Filters {
    status: Option<String>,
    directive: Option<String>,
    agent: Option<String>,
    before: Option<String>,
}

/// `GET /runs`.
pub async fn list(state: Shared, signed: Signed, Query(filters): Query<Filters>) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.RunService/ListRuns") {
        return refused;
    }
    let filter = match to_filter(&filters) {
        Ok(filter) => filter,
        Err(problem) => return error_page(StatusCode::BAD_REQUEST, "Bad request", &problem),
    };
    let runs = match state.app.store.list_runs(&filter).await {
        Ok(runs) => runs,
        Err(e) => return store_error(e),
    };
    let keep = |name: &str, value: &Option<String>| -> String {
        value
            .as_deref()
            .filter(|v| !v.is_empty())
            .map(|v| format!("&{name}={}", encode(v)))
            .unwrap_or_default()
    };
    let kept = format!(
        "{}{}{}",
        keep("status", &filters.status),
        keep("directive", &filters.directive),
        keep("agent", &filters.agent)
    );
    let body = html! {
        form.filters method="get" action="/runs" role="search" {
            div {
                label for="status" { "Status" }
                select #status name="status" {
                    option value="" { "any" }
                    @for status in RunStatus::ALL {
                        option value=(status.as_str()) selected[filters.status.as_deref() == Some(status.as_str())] { (status.as_str()) }
                    }
                }
            }
            div {
                label for="directive" { "Directive" }
                input #directive type="text" name="directive" value=(filters.directive.as_deref().unwrap_or(""));
            }
            div {
                label for="agent" { "Agent" }
                input #agent type="text" name="agent" value=(filters.agent.as_deref().unwrap_or(""));
            }
            div { button type="submit" { "Filter" } }
        }
        (table(&runs.runs))
        @if runs.runs.is_empty() { p.muted { "No run matches." } }
        nav.pager aria-label="Pages" {
            @if filters.before.is_some() { a href={"/runs?" (kept.trim_start_matches('&'))} { "Newest" } }
            @if let Some((at, id)) = runs.next {
                a href={"/runs?before=" (cursor(at, id)) (kept)} rel="next" { "Older runs" }
            }
        }
    };
    page(StatusCode::OK, "Runs", &signed, body)
}

/// The table of runs (also on the overview).
pub fn table(runs: &[Run]) -> Markup {
    html! {
        div.table-wrap { table {
            thead { tr {
                th scope="col" { "Run" } th scope="col" { "Status" } th scope="col" { "Directive" }
                th.hide-narrow scope="col" { "Target" } th scope="col" { "Launched" } th.hide-narrow scope="col" { "By" }
            } }
            tbody {
                @for run in runs {
                    tr {
                        td { a href={"/runs/" (run.id)} { code { (short(&run.id.to_string())) } } }
                        td { (badge(run.status.as_str())) }
                        td { (run.directive_name.as_deref().unwrap_or("ad hoc")) }
                        td.hide-narrow { (run.target.describe()) }
                        td { (when(run.created_at)) }
                        td.hide-narrow { (run.launched_by_token.as_ref().map_or(run.launched_by.as_str(), |t| t.name.as_str())) }
                    }
                }
            }
        } }
    }
}

fn to_filter(filters: &Filters) -> Result<RunFilter, String> {
    let nonempty = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let statuses = match nonempty(&filters.status) {
        Some(status) => vec![RunStatus::parse(&status).ok_or_else(|| {
            "status: not a run status (pending, running, succeeded, partially_failed, failed, cancelled)".to_string()
        })?],
        None => Vec::new(),
    };
    let directive_name = nonempty(&filters.directive);
    if let Some(name) = &directive_name {
        validate_name("directive", name).map_err(|e| e.to_string())?;
    }
    let agent_name = nonempty(&filters.agent);
    if let Some(name) = &agent_name {
        validate_name("agent", name).map_err(|e| e.to_string())?;
    }
    let before = match nonempty(&filters.before) {
        Some(text) => Some(parse_cursor(&text).ok_or("before: not a page cursor")?),
        None => None,
    };
    Ok(RunFilter {
        statuses,
        directive_name,
        before,
        id_prefix: None,
        agent_name,
        limit: PAGE_SIZE,
    })
}

/// A page cursor: the last run's creation time (microseconds) and id.
fn cursor(at: DateTime<Utc>, id: Uuid) -> String {
    format!("{}_{}", at.timestamp_micros(), id.simple())
}

fn parse_cursor(text: &str) -> Option<(DateTime<Utc>, Uuid)> {
    let (micros, id) = text.split_once('_')?;
    Some((
        DateTime::from_timestamp_micros(micros.parse().ok()?)?,
        Uuid::try_parse(id).ok()?,
    ))
}

/// Percent-encodes a query value (names are letters, digits, `-_.`; anything else is encoded).
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip() {
        let at = DateTime::from_timestamp_micros(1_700_000_000_123_456).expect("a time");
        let id = Uuid::new_v4();
        assert_eq!(parse_cursor(&cursor(at, id)), Some((at, id)));
        assert_eq!(parse_cursor("x_y"), None);
    }

    #[test]
    fn bad_filters_name_the_field() {
        let bad = Filters {
            status: Some("exploded".into()),
            ..Default::default()
        };
        assert!(to_filter(&bad).unwrap_err().starts_with("status"));
        let bad = Filters {
            agent: Some("a b<".into()),
            ..Default::default()
        };
        assert!(to_filter(&bad).unwrap_err().contains("agent"));
    }
}
