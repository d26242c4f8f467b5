//! `/runs/{id}`: a run's jobs, its live progress while it runs, then its report and artifacts;
//! cancel (operator) and artifact downloads.

use axum::body::Body;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use maud::{PreEscaped, html};
use uuid::Uuid;

use super::super::Shared;
use super::super::layout::page;
use super::super::markdown::to_safe_html_with;
use super::super::render::{badge, error_page, store_error, when};
use super::super::session::Signed;
use cyberbrain_model::audit::AuditEntry;

fn parse_run_id(id: &str) -> Result<Uuid, Box<Response>> {
    Uuid::try_parse(id).map_err(|_| {
        Box::new(error_page(
            StatusCode::NOT_FOUND,
            "Not found",
            "There is no run with that id (a run id is a UUID).",
        ))
    })
}

/// `GET /runs/{id}`.
pub async fn show(state: Shared, signed: Signed, Path(id): Path<String>) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.RunService/GetRun") {
        return refused;
    }
    let run_id = match parse_run_id(&id) {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let (snapshot, seq) = match state.app.store.run_snapshot(run_id).await {
        Ok(found) => found,
        Err(e) => return store_error(e),
    };
    let run = &snapshot.run;
    let ended = run.status.is_terminal();
    let report = if ended && signed.allowed("/cyberbrain.v1.RunService/GetRunReport") {
        match state.app.run_report(run_id).await {
            Ok((markdown, json, _)) => {
                let diagram = super::super::service_map::svg(&json).map(|svg| svg.into_string());
                Some(to_safe_html_with(&markdown, diagram.as_deref()))
            }
            Err(e) => return store_error(e),
        }
    } else {
        None
    };
    let artifacts = match state.app.store.run_artifacts(run_id).await {
        Ok(artifacts) => artifacts,
        Err(e) => return store_error(e),
    };
    let may_cancel = !ended && signed.allowed("/cyberbrain.v1.RunService/CancelRun");
    let body = html! {
        dl.facts {
            dt { "Status" } dd { span #run-status { (badge(run.status.as_str())) } }
            dt { "Directive" } dd {
                (run.directive_name.as_deref().unwrap_or("ad hoc"))
                @if let Some(version) = run.directive_version { " v" (version) }
            }
            dt { "Target" } dd { (run.target.describe()) }
            dt { "Launched" } dd { (when(run.created_at)) " by " (run.launched_by_token.as_ref().map_or(run.launched_by.as_str(), |t| t.name.as_str())) }
            @if let Some(at) = run.finished_at { dt { "Finished" } dd { (when(at)) } }
            dt { "Id" } dd { code { (run.id) } }
        }
        @if may_cancel {
            form.inline method="post" action={"/runs/" (run.id) "/cancel"} {
                button.danger type="submit" { "Cancel this run" }
            }
        }
        h2 { "Jobs" }
        div.table-wrap { table {
            thead { tr {
                th scope="col" { "Agent" } th scope="col" { "Task" } th scope="col" { "Status" }
                th scope="col" { "Attempt" } th scope="col" { "Error" }
            } }
            tbody {
                @for job in &snapshot.jobs {
                    tr {
                        td { a href={"/agents/" (job.agent_name)} { (job.agent_name) } }
                        td { (job.task_type().as_str()) }
                        td { span data-job=(job.id) { (badge(job.status.as_str())) } }
                        td { (job.attempt) " of " (job.max_attempts) }
                        td { (job.error.as_deref().unwrap_or("")) }
                    }
                }
            }
        } }
        @if !ended {
            section #live data-events={"/runs/" (run.id) "/events?after=" (seq)} aria-live="polite" {
                h2 { "Progress" }
                p #live-state.muted { "This run is in progress. Reload the page to see its latest state (with scripts on, it follows live)." }
                ol #live-log {}
            }
        }
        @if !artifacts.is_empty() {
            h2 { "Artifacts" }
            div.table-wrap { table {
                thead { tr { th scope="col" { "File" } th scope="col" { "Kind" } th scope="col" { "Size" } th scope="col" { "SHA-256" } } }
                tbody {
                    @for artifact in &artifacts {
                        tr {
                            td { a href={"/runs/" (run.id) "/artifacts/" (artifact.id)} download { (file_name(&artifact.relative_path)) } }
                            td { (artifact.kind) }
                            td { (artifact.size_bytes) " bytes" }
                            td { code { (artifact.sha256) } }
                        }
                    }
                }
            } }
        }
        @if let Some(report) = report {
            section.report aria-labelledby="report-h" {
                h2 #report-h { "Report" }
                (PreEscaped(report))
            }
        }
    };
    page(
        StatusCode::OK,
        &format!("Run {}", super::agents::short(&run.id.to_string())),
        &signed,
        body,
    )
}

/// `POST /runs/{id}/cancel` (operator).
pub async fn cancel(state: Shared, signed: Signed, Path(id): Path<String>) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.RunService/CancelRun") {
        return refused;
    }
    let run_id = match parse_run_id(&id) {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let audit = AuditEntry::new(signed.actor(), "run.cancel")
        .on(run_id.to_string())
        .with(serde_json::json!({"via": "web"}));
    match state.app.cancel_run(run_id, &audit).await {
        Ok(()) => (
            StatusCode::SEE_OTHER,
            [(axum::http::header::LOCATION, format!("/runs/{run_id}"))],
        )
            .into_response(),
        Err(e) => store_error(e),
    }
}

/// `GET /runs/{id}/artifacts/{artifact}`: the file, as a download (never rendered by the
/// browser: `application/octet-stream`, `attachment`).
pub async fn download(
    state: Shared,
    signed: Signed,
    Path((id, artifact)): Path<(String, String)>,
) -> Response {
    if let Some(refused) = signed.refusal("/cyberbrain.v1.RunService/GetRunReport") {
        return refused;
    }
    let run_id = match parse_run_id(&id) {
        Ok(id) => id,
        Err(response) => return *response,
    };
    let not_found = || {
        error_page(
            StatusCode::NOT_FOUND,
            "Not found",
            "This run has no such artifact.",
        )
    };
    let Ok(artifact_id) = Uuid::try_parse(&artifact) else {
        return not_found();
    };
    let artifacts = match state.app.store.run_artifacts(run_id).await {
        Ok(artifacts) => artifacts,
        Err(e) => return store_error(e),
    };
    let Some(found) = artifacts.into_iter().find(|a| a.id == artifact_id) else {
        return not_found();
    };
    let path = match state.app.artifacts.resolve(&found.relative_path) {
        Ok(path) => path,
        Err(e) => return store_error(e),
    };
    let file = match tokio::fs::File::open(&path).await {
        Ok(file) => file,
        Err(e) => {
            tracing::warn!(path = %path.display(), error = %e, "artifact file missing");
            return error_page(
                StatusCode::NOT_FOUND,
                "Not found",
                "The artifact's file is gone (retention, or a restore without artifacts).",
            );
        }
    };
    let name = file_name(&found.relative_path)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "-_.".contains(*c))
        .collect::<String>();
    (
        [
            (CONTENT_TYPE, "application/octet-stream".to_string()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        Body::from_stream(tokio_util_stream(file)),
    )
        .into_response()
}

fn file_name(relative: &str) -> &str {
    relative.rsplit('/').next().unwrap_or(relative)
}

/// The file as a stream of chunks.
fn tokio_util_stream(
    file: tokio::fs::File,
) -> impl futures_util::Stream<Item = std::io::Result<bytes::Bytes>> {
    use tokio::io::AsyncReadExt;
    futures_util::stream::unfold(Some(file), |file| async move {
        let mut file = file?;
        let mut buffer = vec![0u8; 64 * 1024];
        match file.read(&mut buffer).await {
            Ok(0) => None,
            Ok(n) => {
                buffer.truncate(n);
                Some((Ok(bytes::Bytes::from(buffer)), Some(file)))
            }
            Err(e) => Some((Err(e), None)),
        }
    })
}
