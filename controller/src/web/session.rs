//! Console sessions: the cookie, the signed-in caller of a request, and the access check.
//!
//! The cookie holds a `cbs_<id>_<secret>` string; the database keeps the secret's SHA-256 and the
//! API token it belongs to. Every request reads the session joined with its token (one indexed
//! query, no cache), so a revoked token's session is refused on its next request on any replica.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;

use super::WebState;
use super::render;
use crate::auth::rbac::{Access, access_for};
use cyberbrain_model::tokens::{Caller, TokenKind, parse_token};

/// The session cookie's name. `__Host-`: only set over HTTPS, for the whole host, no `Domain`.
pub const COOKIE_NAME: &str = "__Host-cyberbrain-session";

/// A request from a signed-in caller. Extracting it sends anyone else to `/login` (303).
#[derive(Debug, Clone)]
pub struct Signed {
    /// Who, with the token's role now.
    pub caller: Caller,
    /// The session row, for sign-out.
    pub session_id: Uuid,
}

impl Signed {
    /// `None` when the access table lets this caller call `method` (a gRPC path), else the 403
    /// page to answer with.
    pub fn refusal(&self, method: &str) -> Option<Response> {
        if self.allowed(method) {
            return None;
        }
        let needed = match access_for(method) {
            Some(Access::AtLeast(role)) => role.as_str(),
            _ => "another",
        };
        Some(render::error_page(
            StatusCode::FORBIDDEN,
            "Not allowed",
            &format!(
                "This needs the {needed} role; your token {:?} has the {} role.",
                self.caller.name,
                self.caller.role.as_str()
            ),
        ))
    }

    /// Whether the access table lets this caller call `method`.
    pub fn allowed(&self, method: &str) -> bool {
        match access_for(method) {
            Some(Access::Public) => true,
            Some(Access::AtLeast(role)) => self.caller.role >= role,
            None => false,
        }
    }

    /// How the audit log names the caller.
    pub fn actor(&self) -> String {
        self.caller.actor()
    }
}

impl FromRequestParts<Arc<WebState>> for Signed {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<WebState>,
    ) -> Result<Self, Self::Rejection> {
        let to_login = || Redirect::to("/login").into_response();
        let Some(value) = cookie_value(&parts.headers) else {
            return Err(to_login());
        };
        // A malformed cookie is the same as none: sign in again.
        let Ok(presented) = parse_token(TokenKind::WebSession, &value) else {
            return Err(to_login());
        };
        match state.app.store.web_session_caller(&presented).await {
            Ok(Some(caller)) => Ok(Signed {
                caller,
                session_id: presented.id,
            }),
            Ok(None) => Err(to_login()),
            Err(e) => Err(render::store_error(e)),
        }
    }
}

/// The caller of the request's live session, if it has one: for pages that also serve people who
/// are not signed in, so nothing redirects.
pub async fn current_caller(state: &WebState, headers: &axum::http::HeaderMap) -> Option<Caller> {
    let value = cookie_value(headers)?;
    let presented = parse_token(TokenKind::WebSession, &value).ok()?;
    state
        .app
        .store
        .web_session_caller(&presented)
        .await
        .ok()
        .flatten()
}

/// The session cookie's value, if the request carries one.
fn cookie_value(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|line| line.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .map(|(_, value)| value.trim().to_string())
}

/// The `Set-Cookie` value that stores `secret` for the session's lifetime.
pub fn set_cookie(secret: &str) -> HeaderValue {
    let max_age = super::SESSION_LIFETIME.num_seconds();
    HeaderValue::from_str(&format!(
        "{COOKIE_NAME}={secret}; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age={max_age}"
    ))
    .unwrap_or_else(|_| clear_cookie())
}

/// The `Set-Cookie` value that removes the cookie.
pub fn clear_cookie() -> HeaderValue {
    HeaderValue::from_static(
        "__Host-cyberbrain-session=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_found_among_others() {
        let mut headers = axum::http::HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=b; __Host-cyberbrain-session=cbs_x_y ; c=d"),
        );
        assert_eq!(cookie_value(&headers).as_deref(), Some("cbs_x_y"));
        headers.insert(header::COOKIE, HeaderValue::from_static("garbage;;=;"));
        assert_eq!(cookie_value(&headers), None);
    }

    #[test]
    fn the_cookie_is_host_only_and_strict() {
        let value = set_cookie("cbs_1_2");
        let text = value.to_str().expect("ascii");
        assert!(text.starts_with("__Host-"));
        for attribute in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] {
            assert!(text.contains(attribute), "{text}");
        }
        assert!(!text.contains("Domain"));
    }
}
