//! `/allowlist`: which containers agents may read (any role reads it); admins add and remove
//! entries.

use axum::extract::{Form, Path};
use axum::http::StatusCode;
use axum::response::Response;
use maud::html;
use uuid::Uuid;

use super::super::Shared;
use super::super::layout::page;
use super::super::render::{error_page, store_error, when};
use super::super::session::Signed;
use super::login::see_other;
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_tasks::{AllowRule, MatchKind};

/// `GET /allowlist`.
pub async fn list(state: Shared, signed: Signed) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.AllowlistService/ListAllowlistEntries") {
        return refused;
    }
    let entries = match state.app.store.list_allowlist_entries().await {
        Ok(entries) => entries,
        Err(e) => return store_error(e),
    };
    let may_edit = signed.allowed("/cyberbrain.v1.AllowlistService/AddAllowlistEntry");
    let body = html! {
        p.muted { "Agents read only containers an active entry admits (and their own local limit allows)." }
        div.table-wrap { table {
            thead { tr {
                th scope="col" { "Kind" } th scope="col" { "Pattern" } th scope="col" { "Active" }
                th scope="col" { "To the LLM" } th scope="col" { "Description" } th scope="col" { "Added" }
                @if may_edit { th scope="col" { span.muted { "Remove" } } }
            } }
            tbody {
                @for entry in &entries {
                    tr {
                        td { (entry.rule.kind.as_str()) }
                        td { code { (entry.rule.pattern) } }
                        td { @if entry.active { "yes" } @else { "no" } }
                        td { @if entry.send_to_llm { "yes" } @else { "no" } }
                        td { (entry.description) }
                        td { (when(entry.created_at)) }
                        @if may_edit {
                            td { form.inline method="post" action={"/allowlist/" (entry.id) "/remove"} {
                                button.danger type="submit" aria-label={"Remove " (entry.rule.pattern)} { "Remove" }
                            } }
                        }
                    }
                }
            }
        } }
        @if entries.is_empty() { p.muted { "The allowlist is empty: agents read no container." } }
        @if may_edit {
            h2 { "Add an entry" }
            form.filters method="post" action="/allowlist" {
                div { label for="kind" { "Kind" } select #kind name="kind" {
                    option value="name" { "name" } option value="name_glob" { "name_glob" } option value="image_glob" { "image_glob" }
                } }
                div { label for="pattern" { "Pattern" } input #pattern type="text" name="pattern" required maxlength="256"; }
                div { label for="description" { "Description" } input #description type="text" name="description" maxlength="200"; }
                div { button type="submit" { "Add" } }
            }
        }
    };
    page(StatusCode::OK, "Allowlist", &signed, body)
}

/// The add form.
#[derive(Debug, serde::Deserialize)]
pub struct AddForm {
    kind: String,
    pattern: String,
    #[serde(default)]
    description: String,
}

/// `POST /allowlist` (admin).
pub async fn add(state: Shared, signed: Signed, Form(form): Form<AddForm>) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.AllowlistService/AddAllowlistEntry") {
        return refused;
    }
    let Some(kind) = MatchKind::parse(&form.kind) else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Bad request",
            "kind: one of name, name_glob, image_glob",
        );
    };
    if form.description.chars().count() > 200 || form.description.chars().any(char::is_control) {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Bad request",
            "description: at most 200 characters, no control characters",
        );
    }
    let rule = AllowRule {
        kind,
        pattern: form.pattern.trim().to_string(),
    };
    if let Err(e) = rule.validate() {
        return error_page(StatusCode::BAD_REQUEST, "Bad request", &e.to_string());
    }
    let audit = AuditEntry::new(signed.actor(), "allowlist.add");
    match state
        .app
        .store
        .add_allowlist_entry(&rule, form.description.trim(), true, &audit)
        .await
    {
        Ok(_) => see_other("/allowlist"),
        Err(e) => store_error(e),
    }
}

/// `POST /allowlist/{id}/remove` (admin).
pub async fn remove(state: Shared, signed: Signed, Path(id): Path<String>) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.AllowlistService/RemoveAllowlistEntry") {
        return refused;
    }
    let Ok(id) = Uuid::try_parse(&id) else {
        return error_page(
            StatusCode::NOT_FOUND,
            "Not found",
            "There is no allowlist entry with that id.",
        );
    };
    let audit = AuditEntry::new(signed.actor(), "allowlist.remove");
    match state.app.store.remove_allowlist_entry(id, &audit).await {
        Ok(()) => see_other("/allowlist"),
        Err(e) => store_error(e),
    }
}
