//! `/directives` and `/directives/{name}`: directives with their versions, and the difference
//! between two versions (`?from=1&to=3`), as a line diff of their specs.

use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use maud::{Markup, html};

use super::super::Shared;
use super::super::layout::page;
use super::super::render::{error_page, store_error, when};
use super::super::session::Signed;
use cyberbrain_model::directives::Directive;
use cyberbrain_model::tokens::validate_name;

/// Directives per page.
const PAGE_SIZE: u32 = 100;
/// Lines beyond which a diff is not computed (specs are small; this bounds the work).
const MAX_DIFF_LINES: usize = 2000;

/// `?after=NAME`.
#[derive(Debug, serde::Deserialize)]
pub struct ListQuery {
    after: Option<String>,
}

/// `GET /directives`.
pub async fn list(state: Shared, signed: Signed, Query(query): Query<ListQuery>) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.DirectiveService/ListDirectives") {
        return refused;
    }
    let after = query.after.unwrap_or_default();
    if !after.is_empty() && validate_name("after", &after).is_err() {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Bad request",
            "after: not a directive name",
        );
    }
    let directives = match state.app.store.list_directives(&after, PAGE_SIZE).await {
        Ok(directives) => directives,
        Err(e) => return store_error(e),
    };
    let may_launch = signed.allowed("/cyberbrain.v1.RunService/LaunchRun");
    let body = html! {
        @if may_launch { p { a href="/launch" { "Launch an ad-hoc run" } " (a task list of your own, with a preview of its targets)." } }
        div.table-wrap { table {
            thead { tr { th scope="col" { "Name" } th scope="col" { "Version" } th scope="col" { "Tasks" } th scope="col" { "Target" } th scope="col" { "Updated" } } }
            tbody {
                @for directive in &directives {
                    tr {
                        td { a href={"/directives/" (directive.name)} { (directive.name) } }
                        td { (directive.version) }
                        td { (task_names(directive)) }
                        td { (directive.default_target.describe()) }
                        td { (when(directive.created_at)) }
                    }
                }
            }
        } }
        @if directives.is_empty() { p.muted { "No directive yet (cbctl directive create)." } }
        @if directives.len() == PAGE_SIZE as usize { @if let Some(last) = directives.last() {
            nav.pager aria-label="Pages" { a rel="next" href={"/directives?after=" (last.name)} { "More directives" } }
        } }
    };
    page(StatusCode::OK, "Directives", &signed, body)
}

/// `?version=N`, or `?from=A&to=B` for a diff.
#[derive(Debug, serde::Deserialize)]
pub struct ShowQuery {
    version: Option<u32>,
    from: Option<u32>,
    to: Option<u32>,
}

/// `GET /directives/{name}`.
pub async fn show(
    state: Shared,
    signed: Signed,
    Path(name): Path<String>,
    Query(query): Query<ShowQuery>,
) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.DirectiveService/GetDirective") {
        return refused;
    }
    if validate_name("name", &name).is_err() {
        return error_page(
            StatusCode::NOT_FOUND,
            "Not found",
            "There is no directive by that name.",
        );
    }
    let store = &state.app.store;
    let latest = match store.get_directive(&name, None).await {
        Ok(directive) => directive,
        Err(e) => return store_error(e),
    };
    let shown = match query.version {
        Some(version) if version != latest.version => {
            match store.get_directive(&name, Some(version)).await {
                Ok(directive) => directive,
                Err(e) => return store_error(e),
            }
        }
        _ => latest.clone(),
    };
    let diff = match (query.from, query.to) {
        (Some(from), Some(to)) => {
            let (a, b) = match (
                store.get_directive(&name, Some(from)).await,
                store.get_directive(&name, Some(to)).await,
            ) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(e), _) | (_, Err(e)) => return store_error(e),
            };
            Some((from, to, line_diff(&spec_text(&a), &spec_text(&b))))
        }
        _ => None,
    };
    let versions: Vec<u32> = (1..=latest.version).rev().collect();
    let may_launch = signed.allowed("/cyberbrain.v1.RunService/LaunchRun");
    let body = html! {
        dl.facts {
            dt { "Version" } dd { (shown.version) " of " (latest.version) }
            dt { "Description" } dd { (shown.description) }
            dt { "Default target" } dd { (shown.default_target.describe()) }
            dt { "LLM triage" } dd { @if shown.llm_enabled { "on" } @else { "off" } }
            dt { "Created" } dd { (when(shown.created_at)) }
        }
        p { a href={"/runs?directive=" (latest.name)} { "Runs of this directive" } }
        @if may_launch {
            h2 { "Launch" }
            form.filters method="get" action={"/directives/" (latest.name) "/launch"} {
                div {
                    label for="target" { "Target (empty: " (latest.default_target.describe()) ")" }
                    input #target type="text" name="target" placeholder="all, agents=a,b or labels=gpu=true";
                }
                div { button type="submit" { "Preview targets" } }
            }
        }
        h2 { "Versions" }
        ul {
            @for version in &versions {
                li {
                    a href={"/directives/" (latest.name) "?version=" (version)} { "v" (version) }
                    @if *version > 1 {
                        " · " a href={"/directives/" (latest.name) "?from=" (version - 1) "&to=" (version)} { "changes from v" (version - 1) }
                    }
                }
            }
        }
        @if let Some((from, to, lines)) = &diff {
            h2 { "Changes from v" (from) " to v" (to) }
            (render_diff(lines))
        }
        h2 { "Spec of v" (shown.version) }
        pre { code { (spec_text(&shown)) } }
    };
    page(
        StatusCode::OK,
        &format!("Directive {}", latest.name),
        &signed,
        body,
    )
}

fn task_names(directive: &Directive) -> String {
    directive
        .tasks
        .iter()
        .map(|t| t.spec.task_type().as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A version's spec as the text a diff compares: description, target, tasks with their limits.
fn spec_text(directive: &Directive) -> String {
    let value = serde_json::json!({
        "description": directive.description,
        "default_target": directive.default_target.describe(),
        "llm_enabled": directive.llm_enabled,
        "queue_timeout_seconds": directive.queue_timeout.map(|t| t.as_secs()),
        "tasks": directive.tasks,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// One line of a diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffLine {
    /// In both.
    Same(String),
    /// Only in the old version.
    Removed(String),
    /// Only in the new version.
    Added(String),
}

/// A line diff by longest common subsequence (quadratic, bounded by [`MAX_DIFF_LINES`]).
pub fn line_diff(old: &str, new: &str) -> Vec<DiffLine> {
    let a: Vec<&str> = old.lines().take(MAX_DIFF_LINES).collect();
    let b: Vec<&str> = new.lines().take(MAX_DIFF_LINES).collect();
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            out.push(DiffLine::Same(a[i].to_string()));
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push(DiffLine::Added(b[j].to_string()));
            j += 1;
        } else {
            out.push(DiffLine::Removed(a[i].to_string()));
            i += 1;
        }
    }
    out
}

fn render_diff(lines: &[DiffLine]) -> Markup {
    html! {
        pre.diff { code {
            @for line in lines {
                @match line {
                    DiffLine::Same(text) => { "  " (text) "\n" }
                    DiffLine::Removed(text) => { del { "- " (text) } "\n" }
                    DiffLine::Added(text) => { ins { "+ " (text) } "\n" }
                }
            }
        } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diff_keeps_common_lines_and_marks_the_rest() {
        let diff = line_diff("a\nb\nc\n", "a\nx\nc\nd\n");
        assert_eq!(
            diff,
            vec![
                DiffLine::Same("a".into()),
                DiffLine::Added("x".into()),
                DiffLine::Removed("b".into()),
                DiffLine::Same("c".into()),
                DiffLine::Added("d".into()),
            ]
        );
        assert!(line_diff("", "").is_empty());
    }
}
