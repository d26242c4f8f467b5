//! `/audit` (admin): the audit log, newest first, filtered by actor and action, paged by id.

use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use maud::html;

use super::super::Shared;
use super::super::layout::page;
use super::super::render::{error_page, store_error, when};
use super::super::session::Signed;
use cyberbrain_model::audit::AuditFilter;

/// Events per page.
const PAGE_SIZE: u32 = 100;

/// The filters and the cursor.
#[derive(Debug, serde::Deserialize)]
pub struct Filters {
    actor: Option<String>,
    action: Option<String>,
    before: Option<String>,
}

/// `GET /audit`.
pub async fn list(state: Shared, signed: Signed, Query(filters): Query<Filters>) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.AuditService/ListAuditEvents") {
        return refused;
    }
    let text = |value: &Option<String>| {
        value
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let (actor, action) = (text(&filters.actor), text(&filters.action));
    if actor.iter().chain(action.iter()).any(|v| v.len() > 200) {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Bad request",
            "actor, action: at most 200 characters",
        );
    }
    let before_id = match text(&filters.before) {
        Some(value) => match value.parse::<i64>() {
            Ok(id) if id > 0 => Some(id),
            _ => {
                return error_page(
                    StatusCode::BAD_REQUEST,
                    "Bad request",
                    "before: not an event id",
                );
            }
        },
        None => None,
    };
    let events = match state
        .app
        .store
        .list_audit_events(&AuditFilter {
            actor: actor.clone(),
            action: action.clone(),
            since: None,
            before_id,
            limit: PAGE_SIZE,
        })
        .await
    {
        Ok(events) => events,
        Err(e) => return store_error(e),
    };
    let body = html! {
        form.filters method="get" action="/audit" role="search" {
            div { label for="actor" { "Actor" } input #actor type="text" name="actor" value=(actor.as_deref().unwrap_or("")) placeholder="token:ops"; }
            div { label for="action" { "Action" } input #action type="text" name="action" value=(action.as_deref().unwrap_or("")) placeholder="run.launch"; }
            div { button type="submit" { "Filter" } }
        }
        div.table-wrap { table {
            thead { tr { th scope="col" { "#" } th scope="col" { "When" } th scope="col" { "Actor" } th scope="col" { "Action" } th scope="col" { "Object" } th.hide-narrow scope="col" { "Details" } } }
            tbody {
                @for event in &events {
                    tr {
                        td { (event.id) }
                        td { (when(event.at)) }
                        td { (event.actor) }
                        td { code { (event.action) } }
                        td { (event.object) }
                        td.hide-narrow { code { (event.details.to_string()) } }
                    }
                }
            }
        } }
        @if events.is_empty() { p.muted { "No event matches." } }
        @if events.len() == PAGE_SIZE as usize { @if let Some(last) = events.last() {
            nav.pager aria-label="Pages" { a rel="next" href={"/audit?before=" (last.id)} { "Older events" } }
        } }
    };
    page(StatusCode::OK, "Audit log", &signed, body)
}
