//! Launching a directive (operator): `GET /directives/{name}/launch` previews the targets (the
//! API's dry run), `POST` launches and goes to the new run's page.

use std::collections::BTreeMap;

use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use maud::html;

use super::super::Shared;
use super::super::layout::page;
use super::super::render::{error_page, store_error};
use super::super::session::Signed;
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::fleet::TargetSelector;
use cyberbrain_model::runs::{LaunchRequest, LaunchSource, TokenIdentity};
use cyberbrain_model::tokens::validate_name;

/// Agents listed in a preview at most (the count is always whole).
const PREVIEW_AGENTS: usize = 200;

/// The target field: empty for the directive's default, `all`, `agents=a,b` or `labels=k=v,…`.
#[derive(Debug, Default, serde::Deserialize)]
pub struct TargetForm {
    #[serde(default)]
    target: String,
}

/// Parses the target field; the error names the field and the forms it takes.
pub fn parse_target(text: &str) -> Result<Option<TargetSelector>, String> {
    let text = text.trim();
    let bad = || {
        "target: empty (the directive's default), all, agents=NAME,… or labels=KEY=VALUE,…"
            .to_string()
    };
    if text.is_empty() {
        return Ok(None);
    }
    if text == "all" {
        return Ok(Some(TargetSelector::All));
    }
    if let Some(names) = text.strip_prefix("agents=") {
        let names: Vec<String> = names
            .split(',')
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        if names.is_empty()
            || names.len() > 1000
            || names.iter().any(|n| validate_name("target", n).is_err())
        {
            return Err(bad());
        }
        return Ok(Some(TargetSelector::Agents(names)));
    }
    if let Some(labels) = text.strip_prefix("labels=") {
        let mut map = BTreeMap::new();
        for pair in labels.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (key, value) = cyberbrain_tasks::parse_label(pair).map_err(|_| bad())?;
            map.insert(key, value);
        }
        if map.is_empty() {
            return Err(bad());
        }
        return Ok(Some(TargetSelector::Labels(map)));
    }
    Err(bad())
}

fn request(name: &str, target: Option<TargetSelector>) -> LaunchRequest {
    LaunchRequest {
        source: LaunchSource::Directive {
            name: name.to_string(),
            version: None,
        },
        target,
        launched_by: "web console".into(),
        queue_timeout: None,
        require_online: false,
        schedule: None,
        delivery: None,
        acting_role: None,
    }
}

/// `GET /directives/{name}/launch?target=…`: the dry run.
pub async fn preview(
    state: Shared,
    signed: Signed,
    Path(name): Path<String>,
    Query(form): Query<TargetForm>,
) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.RunService/LaunchRun") {
        return refused;
    }
    if validate_name("name", &name).is_err() {
        return error_page(
            StatusCode::NOT_FOUND,
            "Not found",
            "There is no directive by that name.",
        );
    }
    let target = match parse_target(&form.target) {
        Ok(target) => target,
        Err(problem) => return error_page(StatusCode::BAD_REQUEST, "Bad request", &problem),
    };
    let plan = match state.app.plan_launch(request(&name, target)).await {
        Ok(plan) => plan,
        Err(e) => return store_error(e),
    };
    let body = html! {
        p { "A run of " a href={"/directives/" (name)} { (name) } " now would start "
            strong { (plan.agents.len() * plan.resolved.tasks.len()) " jobs" }
            " (" (plan.resolved.tasks.len()) " tasks × " (plan.agents.len()) " agents, target "
            code { (plan.resolved.target.describe()) } ")." }
        @for warning in &plan.warnings { p.error role="alert" { (warning) } }
        h2 { "Agents" }
        ul { @for agent in plan.agents.iter().take(PREVIEW_AGENTS) { li { (agent) } } }
        @if plan.agents.len() > PREVIEW_AGENTS { p.muted { "and " (plan.agents.len() - PREVIEW_AGENTS) " more." } }
        form method="post" action={"/directives/" (name) "/launch"} {
            input type="hidden" name="target" value=(form.target.trim());
            button type="submit" { "Launch " (name) }
        }
    };
    page(StatusCode::OK, &format!("Launch {name}?"), &signed, body)
}

/// `POST /directives/{name}/launch`.
pub async fn launch(
    state: Shared,
    signed: Signed,
    Path(name): Path<String>,
    Form(form): Form<TargetForm>,
) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.RunService/LaunchRun") {
        return refused;
    }
    if validate_name("name", &name).is_err() {
        return error_page(
            StatusCode::NOT_FOUND,
            "Not found",
            "There is no directive by that name.",
        );
    }
    let target = match parse_target(&form.target) {
        Ok(target) => target,
        Err(problem) => return error_page(StatusCode::BAD_REQUEST, "Bad request", &problem),
    };
    let token = TokenIdentity {
        name: signed.caller.name.clone(),
        role: signed.caller.role.as_str().to_string(),
    };
    let audit =
        AuditEntry::new(signed.actor(), "run.launch").with(serde_json::json!({"via": "web"}));
    match state
        .app
        .launch_run(request(&name, target), Some(token), &audit)
        .await
    {
        Ok(launched) => (
            StatusCode::SEE_OTHER,
            [(LOCATION, format!("/runs/{}", launched.run.run.id))],
        )
            .into_response(),
        Err(e) => store_error(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_parse_or_name_the_field() {
        assert_eq!(parse_target(" "), Ok(None));
        assert_eq!(parse_target("all"), Ok(Some(TargetSelector::All)));
        assert_eq!(
            parse_target("agents=a, b"),
            Ok(Some(TargetSelector::Agents(vec!["a".into(), "b".into()])))
        );
        assert!(matches!(
            parse_target("labels=gpu=true"),
            Ok(Some(TargetSelector::Labels(_)))
        ));
        for bad in ["agents=", "agents=<x>", "labels=", "everything"] {
            assert!(
                parse_target(bad).unwrap_err().starts_with("target"),
                "{bad}"
            );
        }
    }
}
