//! `POST /hooks/{id}`: inbound webhook deliveries (see `crate::triggers`). No session and no
//! cross-site check: a delivery is authenticated by its signature alone. Answers are short fixed
//! texts in JSON; nothing from the request is echoed.

use std::sync::Arc;

use axum::Extension;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use super::WebState;
use super::listener::Peer;
use crate::triggers::{Accepted, NotAccepted, accept};

fn answer(status: StatusCode, body: serde_json::Value) -> Response {
    let headers = [(axum::http::header::CONTENT_TYPE, "application/json")];
    (status, headers, body.to_string()).into_response()
}

fn not_found() -> Response {
    answer(
        StatusCode::NOT_FOUND,
        serde_json::json!({ "error": "not found" }),
    )
}

/// Receives one delivery. The body limit (1 MiB, else 413) is the route's layer.
pub async fn receive(
    State(state): State<Arc<WebState>>,
    peer: Option<Extension<Peer>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let metrics = &state.app.metrics;
    let Ok(id) = uuid::Uuid::parse_str(&id) else {
        metrics.webhook_delivery("unknown");
        return not_found();
    };
    let (trigger, secret) = match state.app.store.trigger_for_delivery(id).await {
        Ok(Some(found)) => found,
        Ok(None) => {
            metrics.webhook_delivery("unknown");
            return not_found();
        }
        Err(e) => {
            tracing::warn!(error = %e, "could not read a trigger");
            return answer(
                StatusCode::SERVICE_UNAVAILABLE,
                serde_json::json!({ "error": "unavailable, retry later" }),
            );
        }
    };
    let source = peer
        .map(|Extension(Peer(addr))| addr.ip().to_string())
        .unwrap_or_else(|| "unknown".into());
    let now = chrono::Utc::now().timestamp();
    match accept(&state.app, &trigger, &secret, &headers, &body, &source, now).await {
        Ok(accepted) => {
            metrics.webhook_delivery(accepted.as_str());
            tracing::info!(trigger = %trigger.name, source = %source, outcome = accepted.as_str(), "webhook delivery accepted");
            let body = match accepted {
                Accepted::Launched(run_id) => {
                    serde_json::json!({ "status": "launched", "run_id": run_id })
                }
                Accepted::Duplicate => serde_json::json!({ "status": "duplicate" }),
                Accepted::Ignored(reason) => {
                    serde_json::json!({ "status": "ignored", "reason": reason })
                }
            };
            answer(StatusCode::ACCEPTED, body)
        }
        Err(NotAccepted::Refused(refusal)) => {
            metrics.webhook_delivery(refusal.as_str());
            answer(
                StatusCode::UNAUTHORIZED,
                serde_json::json!({ "error": "signature not valid" }),
            )
        }
        Err(NotAccepted::Invalid(reason)) => {
            metrics.webhook_delivery("invalid");
            answer(
                StatusCode::BAD_REQUEST,
                serde_json::json!({ "error": reason }),
            )
        }
        Err(NotAccepted::LaunchFailed(e)) => {
            metrics.webhook_delivery("launch_failed");
            tracing::warn!(trigger = %trigger.name, error = %e, "a webhook delivery's launch failed");
            answer(
                StatusCode::UNPROCESSABLE_ENTITY,
                serde_json::json!({ "error": "the trigger's directive could not be launched" }),
            )
        }
    }
}
