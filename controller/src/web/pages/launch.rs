//! Launching (operator): a directive (`/directives/{name}/launch`) or an ad-hoc task list
//! (`/launch`). `GET` previews the targets (the API's dry run), `POST` launches and goes to the new
//! run's page. Both share the preview and the launch below; only what is launched differs.

use std::collections::BTreeMap;

use axum::extract::{Form, Path, Query};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use super::super::layout::page;
use super::super::render::{error_page, store_error};
use super::super::session::Signed;
use super::super::{Shared, WebState};
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::fleet::TargetSelector;
use cyberbrain_model::runs::{LaunchRequest, LaunchSource, TokenIdentity};
use cyberbrain_model::tokens::validate_name;
use cyberbrain_tasks::PlannedTask;

/// The API method every launch stands for.
const LAUNCH_METHOD: &str = "/cyberbrain.v1.RunService/LaunchRun";

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

fn request(source: LaunchSource, target: Option<TargetSelector>) -> LaunchRequest {
    LaunchRequest {
        source,
        target,
        launched_by: "web console".into(),
        queue_timeout: None,
        require_online: false,
        schedule: None,
        delivery: None,
        acting_role: None,
    }
}

fn directive(name: &str) -> LaunchSource {
    LaunchSource::Directive {
        name: name.to_string(),
        version: None,
    }
}

fn no_such_directive() -> Response {
    error_page(
        StatusCode::NOT_FOUND,
        "Not found",
        "There is no directive by that name.",
    )
}

/// `GET /directives/{name}/launch?target=…`: the dry run.
pub async fn preview(
    state: Shared,
    signed: Signed,
    Path(name): Path<String>,
    Query(form): Query<TargetForm>,
) -> Response {
    if let Some(refused) = signed.refusal(LAUNCH_METHOD) {
        return refused;
    }
    if validate_name("name", &name).is_err() {
        return no_such_directive();
    }
    let launch = Launch {
        source: directive(&name),
        target_text: form.target.trim().to_string(),
        tasks_text: None,
        action: format!("/directives/{name}/launch"),
        what: html! { a href={"/directives/" (name)} { (name) } },
        button: format!("Launch {name}"),
    };
    match launch.preview(&state, &signed).await {
        Ok(body) => page(StatusCode::OK, &format!("Launch {name}?"), &signed, body),
        Err(response) => *response,
    }
}

/// `POST /directives/{name}/launch`.
pub async fn launch(
    state: Shared,
    signed: Signed,
    Path(name): Path<String>,
    Form(form): Form<TargetForm>,
) -> Response {
    if let Some(refused) = signed.refusal(LAUNCH_METHOD) {
        return refused;
    }
    if validate_name("name", &name).is_err() {
        return no_such_directive();
    }
    launch_now(&state, &signed, directive(&name), &form.target).await
}

/// The ad-hoc form's fields: the task list (JSON, as a directive's spec lists them) and the
/// target.
#[derive(Debug, Default, serde::Deserialize)]
pub struct AdHocForm {
    #[serde(default)]
    tasks: Option<String>,
    #[serde(default)]
    target: String,
}

/// The task list shown in an empty form.
const EXAMPLE_TASKS: &str =
    r#"[{"type": "gpu_report"}, {"type": "log_triage", "tail_lines": 500}]"#;

/// `GET /launch`: the ad-hoc form; with `tasks`, also the dry run of what it would start.
pub async fn ad_hoc_form(state: Shared, signed: Signed, Query(form): Query<AdHocForm>) -> Response {
    if let Some(refused) = signed.refusal(LAUNCH_METHOD) {
        return refused;
    }
    let tasks_text = form.tasks.as_deref().map(str::trim).unwrap_or_default();
    let target_text = form.target.trim();
    let fields = html! {
        form.launch method="get" action="/launch" {
            p {
                label for="tasks" { "Tasks (JSON, as a directive's spec lists them)" }
                textarea #tasks name="tasks" rows="6" required spellcheck="false" {
                    @if tasks_text.is_empty() { (EXAMPLE_TASKS) } @else { (tasks_text) }
                }
            }
            p {
                label for="target" { "Target" }
                input #target type="text" name="target" value=(target_text) required
                    placeholder="all, agents=a,b or labels=gpu=true";
            }
            p { button type="submit" { "Preview targets" } }
        }
    };
    if form.tasks.is_none() {
        return page(StatusCode::OK, "Launch an ad-hoc run", &signed, fields);
    }
    let tasks = match parse_tasks(tasks_text) {
        Ok(tasks) => tasks,
        Err(problem) => {
            let body = html! { p.error role="alert" { (problem) } (fields) };
            return page(
                StatusCode::BAD_REQUEST,
                "Launch an ad-hoc run",
                &signed,
                body,
            );
        }
    };
    let launch = Launch {
        source: LaunchSource::AdHoc(tasks),
        target_text: target_text.to_string(),
        tasks_text: Some(tasks_text.to_string()),
        action: "/launch".into(),
        what: html! { "these tasks" },
        button: "Launch these tasks".into(),
    };
    match launch.preview(&state, &signed).await {
        Ok(preview) => page(
            StatusCode::OK,
            "Launch an ad-hoc run?",
            &signed,
            html! { (preview) h2 { "Change" } (fields) },
        ),
        Err(response) => *response,
    }
}

/// `POST /launch`: launches the ad-hoc task list.
pub async fn ad_hoc_launch(state: Shared, signed: Signed, Form(form): Form<AdHocForm>) -> Response {
    if let Some(refused) = signed.refusal(LAUNCH_METHOD) {
        return refused;
    }
    let tasks = match parse_tasks(form.tasks.as_deref().unwrap_or_default()) {
        Ok(tasks) => tasks,
        Err(problem) => return error_page(StatusCode::BAD_REQUEST, "Bad request", &problem),
    };
    launch_now(&state, &signed, LaunchSource::AdHoc(tasks), &form.target).await
}

/// The most tasks, and bytes of task list, an ad-hoc launch from the console takes.
const MAX_TASKS: usize = 64;
const MAX_TASKS_BYTES: usize = 8 * 1024;

/// Parses and validates the task list; the error names the field (`tasks[1].tail_lines`).
pub fn parse_tasks(text: &str) -> Result<Vec<PlannedTask>, String> {
    if text.len() > MAX_TASKS_BYTES {
        return Err(format!("tasks: at most {MAX_TASKS_BYTES} bytes"));
    }
    let tasks: Vec<PlannedTask> = serde_json::from_str(text).map_err(|e| {
        format!(
            "tasks: a JSON array of tasks such as {EXAMPLE_TASKS} (line {}, column {})",
            e.line(),
            e.column()
        )
    })?;
    if tasks.is_empty() || tasks.len() > MAX_TASKS {
        return Err(format!("tasks: between 1 and {MAX_TASKS} tasks"));
    }
    for (i, task) in tasks.iter().enumerate() {
        task.validate()
            .map_err(|e| e.within(&format!("tasks[{i}]")).to_string())?;
    }
    Ok(tasks)
}

/// A launch being previewed: what, where the form posts, and how it is named.
struct Launch {
    source: LaunchSource,
    target_text: String,
    /// The ad-hoc task list as typed, posted again with the launch.
    tasks_text: Option<String>,
    action: String,
    what: Markup,
    button: String,
}

impl Launch {
    /// The dry run: how many jobs on which agents, warnings, and the form that launches it.
    async fn preview(self, state: &WebState, signed: &Signed) -> Result<Markup, Box<Response>> {
        let target = parse_target(&self.target_text).map_err(|problem| {
            Box::new(error_page(StatusCode::BAD_REQUEST, "Bad request", &problem))
        })?;
        let plan = state
            .app
            .plan_launch(request(self.source, target))
            .await
            .map_err(|e| Box::new(store_error(e)))?;
        // Tasks the caller's role may not launch are refused now rather than at the launch.
        crate::auth::rbac::check_task_roles(signed.caller.role, &plan.resolved.tasks)
            .map_err(|e| Box::new(store_error(e)))?;
        let tasks = plan.resolved.tasks.len();
        Ok(html! {
            p { "A run of " (self.what) " now would start "
                strong { (plan.agents.len() * tasks) " jobs" }
                " (" (tasks) " tasks × " (plan.agents.len()) " agents, target "
                code { (plan.resolved.target.describe()) } ")." }
            @for warning in &plan.warnings { p.error role="alert" { (warning) } }
            h2 { "Agents" }
            ul { @for agent in plan.agents.iter().take(PREVIEW_AGENTS) { li { (agent) } } }
            @if plan.agents.len() > PREVIEW_AGENTS { p.muted { "and " (plan.agents.len() - PREVIEW_AGENTS) " more." } }
            form method="post" action=(self.action) {
                input type="hidden" name="target" value=(self.target_text);
                @if let Some(tasks) = &self.tasks_text { input type="hidden" name="tasks" value=(tasks); }
                button type="submit" { (self.button) }
            }
        })
    }
}

/// Launches and goes to the new run's page.
async fn launch_now(
    state: &WebState,
    signed: &Signed,
    source: LaunchSource,
    target: &str,
) -> Response {
    let target = match parse_target(target) {
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
        .launch_run(request(source, target), Some(token), &audit)
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
    fn task_lists_parse_as_directives_list_them_or_name_the_field() {
        let tasks = parse_tasks(EXAMPLE_TASKS).expect("the example parses");
        assert_eq!(tasks.len(), 2);
        assert_eq!(tasks[0].task_type().as_str(), "gpu_report");
        let problem = parse_tasks(r#"[{"type": "log_triage", "tail_lines": 0}]"#).unwrap_err();
        assert!(
            problem.contains("tasks[0].log_triage.tail_lines"),
            "{problem}"
        );
        for bad in ["", "[]", "{}", "[{\"type\": \"rm -rf\"}]", "<script>"] {
            let problem = parse_tasks(bad).unwrap_err();
            assert!(problem.starts_with("tasks"), "{bad}: {problem}");
            assert!(!problem.contains("<script>"), "{problem}");
        }
        let many = format!(
            "[{}]",
            vec![r#"{"type":"service_map"}"#; MAX_TASKS + 1].join(",")
        );
        assert!(parse_tasks(&many).is_err());
    }

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
