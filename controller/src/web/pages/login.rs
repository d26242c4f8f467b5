//! Signing in (an API token pasted once, or a one-time link from `cbctl ui`) and out.

use std::net::IpAddr;

use axum::extract::{Extension, Form, Query};
use axum::http::header::{LOCATION, RETRY_AFTER, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use maud::html;
use uuid::Uuid;

use super::super::listener::Peer;
use super::super::render::{bare_page, error_page, status_page, store_error};
use super::super::session::{Signed, clear_cookie, current_caller, set_cookie};
use super::super::{SESSION_LIFETIME, Shared, WebState};
use crate::ratelimit::source_key;
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::tokens::{NewToken, TokenKind, hashes_equal, new_token, parse_token};

/// `GET /login`: the sign-in form.
pub async fn form() -> Response {
    login_page(StatusCode::OK, None)
}

fn login_page(status: StatusCode, problem: Option<&str>) -> Response {
    bare_page(
        status,
        "Sign in",
        html! {
            @if let Some(problem) = problem {
                p.error role="alert" { (problem) }
            }
            form method="post" action="/login" {
                p {
                    label for="token" { "API token" }
                    input #token type="password" name="token" autocomplete="off" required
                        autofocus placeholder="cbt_…";
                }
                p { button type="submit" { "Sign in" } }
            }
            p.muted {
                "The token is checked once and not kept: the console keeps a session tied to it, which ends when the token is revoked. "
                "From a terminal, " code { "cbctl ui" } " opens a one-time sign-in link."
            }
        },
    )
}

/// The login form's fields.
#[derive(Debug, serde::Deserialize)]
pub struct TokenForm {
    token: String,
}

/// `POST /login`: checks the token and opens a session. Each source may fail only so often
/// ([`super::super::SIGN_IN_FAILURES_PER_SOURCE`]); every refusal is audited (never the token's
/// text).
pub async fn with_token(
    state: Shared,
    peer: Option<Extension<Peer>>,
    Form(form): Form<TokenForm>,
) -> Response {
    let source = peer.map(|Extension(Peer(addr))| addr.ip());
    if let Err(limited) = before_attempt(&state, source) {
        return *limited;
    }
    let refused = |reason: &'static str, token_id: Option<Uuid>| {
        let state = state.clone();
        async move {
            audit_refusal(&state, source, "token", reason, token_id).await;
            login_page(
                StatusCode::UNAUTHORIZED,
                Some("That token was not accepted: it is malformed, unknown, expired or revoked."),
            )
        }
    };
    let Ok(presented) = parse_token(TokenKind::Api, &form.token) else {
        return refused("malformed", None).await;
    };
    // The same per-source limit as the API before a lookup a guess could cause.
    if let Err(status) = state.gate.before_lookup(presented.id, source) {
        return super::super::render::status_page(status);
    }
    let stored = match state.app.store.api_token_for_auth(presented.id).await {
        Ok(Some(stored)) => stored,
        Ok(None) => return refused("unknown token", Some(presented.id)).await,
        Err(e) => return store_error(e),
    };
    if !hashes_equal(&stored.secret_sha256, &presented.secret_sha256) {
        return refused("wrong secret", Some(presented.id)).await;
    }
    if !stored.usable {
        return refused("token revoked or expired", Some(presented.id)).await;
    }
    let session = match new_session() {
        Ok(session) => session,
        Err(response) => return *response,
    };
    let audit = AuditEntry::new(format!("token:{}", stored.name), "web.sign_in")
        .with(serde_json::json!({"via": "token"}));
    if let Err(e) = state
        .app
        .store
        .create_web_session(
            &session,
            presented.id,
            chrono::Utc::now() + SESSION_LIFETIME,
            &audit,
        )
        .await
    {
        return store_error(e);
    }
    after_success(&state, source);
    tracing::info!(token = %stored.name, "web console sign-in");
    signed_in(&session)
}

/// Takes one attempt from `source`'s sign-in bucket, or answers 429 with the wait. Attempts with
/// no known source (not over TCP) are not limited.
fn before_attempt(state: &WebState, source: Option<IpAddr>) -> Result<(), Box<Response>> {
    let Some(source) = source else {
        return Ok(());
    };
    let Err(wait) = state.sign_in_failures.check(&source_key(source)) else {
        return Ok(());
    };
    if let Some(left_out) = crate::auth::sources::REFUSAL_LOG.sample() {
        tracing::warn!(%source, left_out, "web console sign-in attempts limited");
    }
    let seconds = wait.0.as_secs().max(1);
    let mut response = status_page(wait.status(&format!("failed sign-ins from {source}")));
    if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
        response.headers_mut().insert(RETRY_AFTER, value);
    }
    Err(Box::new(response))
}

/// A sign-in succeeded: its attempt does not count against the source.
fn after_success(state: &WebState, source: Option<IpAddr>) {
    if let Some(source) = source {
        state.sign_in_failures.refund(&source_key(source));
    }
}

/// Audits a refused sign-in: the source, how, why and the token's id when it had one, never the
/// text presented. Refusals are bounded per source by the limit above, so neither can this be
/// flooded.
async fn audit_refusal(
    state: &WebState,
    source: Option<IpAddr>,
    via: &'static str,
    reason: &'static str,
    token_id: Option<Uuid>,
) {
    let source = source.map_or_else(|| "unknown".to_string(), |ip| ip.to_string());
    let mut audit = AuditEntry::new(format!("web:{source}"), "web.sign_in_refused")
        .with(serde_json::json!({"via": via, "reason": reason, "source": source}));
    if let Some(id) = token_id {
        audit = audit.on(id.to_string());
    }
    if let Err(e) = state.app.store.record_audit(&audit).await {
        tracing::warn!(error = %e, "could not audit a refused sign-in");
    }
    tracing::info!(%source, via, reason, "web console sign-in refused");
}

/// The link's query: `?code=cbl_…`.
#[derive(Debug, serde::Deserialize)]
pub struct LinkCode {
    code: Option<String>,
}

/// `GET /login/link?code=…`: a page that posts the code (by itself with the script), so that
/// nothing is used up by a GET (link previews, prefetching) and the session cookie, which is
/// `SameSite=Strict`, is set by a same-site request. A browser already signed in is asked first:
/// a link someone else made must not silently replace its session (login CSRF).
pub async fn link_form(
    state: Shared,
    headers: axum::http::HeaderMap,
    Query(query): Query<LinkCode>,
) -> Response {
    let code = query.code.unwrap_or_default();
    if parse_token(TokenKind::SignInLink, &code).is_err() {
        return error_page(
            StatusCode::BAD_REQUEST,
            "Sign-in link not valid",
            "This sign-in link is malformed. Run `cbctl ui` again for a new one.",
        );
    }
    let signed_in = current_caller(&state.0, &headers).await;
    bare_page(
        StatusCode::OK,
        "Signing in",
        html! {
            @if let Some(caller) = &signed_in {
                form method="post" action="/login/link" {
                    input type="hidden" name="code" value=(code);
                    p {
                        "You are signed in with the token " strong { (caller.name) }
                        " (" (caller.role.as_str()) "). This link signs you in with the token it \
                         was made for instead."
                    }
                    p { "Continue only if you ran " code { "cbctl ui" } " yourself." }
                    p { button type="submit" { "Sign in with the link" } }
                }
            } @else {
                form method="post" action="/login/link" data-autosubmit {
                    input type="hidden" name="code" value=(code);
                    p { "Continue to sign in with your token." }
                    p { button type="submit" { "Sign in" } }
                }
            }
        },
    )
}

/// The link form's fields.
#[derive(Debug, serde::Deserialize)]
pub struct LinkForm {
    code: String,
}

/// `POST /login/link`: redeems the one-time link and opens a session. Limited and audited as
/// sign-ins with a token are.
pub async fn with_link(
    state: Shared,
    peer: Option<Extension<Peer>>,
    Form(form): Form<LinkForm>,
) -> Response {
    let source = peer.map(|Extension(Peer(addr))| addr.ip());
    if let Err(limited) = before_attempt(&state, source) {
        return *limited;
    }
    let refused = |reason: &'static str, link_id: Option<Uuid>| {
        let state = state.clone();
        async move {
            audit_refusal(&state, source, "link", reason, link_id).await;
            error_page(
                StatusCode::UNAUTHORIZED,
                "Sign-in link not valid",
                "This sign-in link is unknown, used or expired (they last 60 seconds). Run `cbctl ui` again.",
            )
        }
    };
    let Ok(presented) = parse_token(TokenKind::SignInLink, &form.code) else {
        return refused("malformed", None).await;
    };
    let session = match new_session() {
        Ok(session) => session,
        Err(response) => return *response,
    };
    match state
        .app
        .store
        .redeem_sign_in_link(&presented, &session, chrono::Utc::now() + SESSION_LIFETIME)
        .await
    {
        Ok(Some(caller)) => {
            after_success(&state, source);
            tracing::info!(token = %caller.name, "web console sign-in with a link");
            signed_in(&session)
        }
        Ok(None) => refused("unknown, used or expired link", Some(presented.id)).await,
        Err(e) => store_error(e),
    }
}

/// `POST /logout`: ends the session and clears the cookie.
pub async fn logout(state: Shared, signed: Signed) -> Response {
    let audit = AuditEntry::new(signed.actor(), "web.sign_out");
    if let Err(e) = state
        .app
        .store
        .end_web_session(signed.session_id, &audit)
        .await
    {
        return store_error(e);
    }
    let mut response = see_other("/login");
    response.headers_mut().insert(SET_COOKIE, clear_cookie());
    response
}

fn new_session() -> Result<NewToken, Box<Response>> {
    new_token(TokenKind::WebSession).map_err(|e| {
        tracing::error!(error = %e, "no randomness for a web session");
        Box::new(error_page(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Error",
            "The session could not be made; try again.",
        ))
    })
}

fn signed_in(session: &NewToken) -> Response {
    let mut response = see_other("/");
    response
        .headers_mut()
        .insert(SET_COOKIE, set_cookie(&session.secret_text));
    response
}

/// A 303 to `path`.
pub fn see_other(path: &'static str) -> Response {
    (
        StatusCode::SEE_OTHER,
        [(LOCATION, HeaderValue::from_static(path))],
    )
        .into_response()
}
