//! `/mcp` on the web listener: the MCP tools (`cyberbrain_mcp`) over stateless Streamable HTTP
//! for assistants holding an API token.
//!
//! Only `Authorization: Bearer cbt_…` is accepted, never the console's session cookie (so a
//! foreign page cannot make a signed-in browser call tools). The token is checked here (401
//! otherwise) and then every tool calls this controller's own API listener over TLS with it, so
//! the API's access table, rate limits, `--mcp-allow-write` and the `mcp:<token>` audit apply
//! unchanged. `Host` and `Origin` are checked against `--mcp-allowed-hosts` and
//! `--mcp-allowed-origins` (empty: no `Origin` header at all is accepted).

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Extension;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use cyberbrain_mcp::{Api, HttpMount, HttpPolicy};
use cyberbrain_model::tokens::{TokenKind, hashes_equal, parse_token};
use tonic::transport::{Certificate, Channel, ClientTlsConfig, Endpoint};

use super::WebState;
use super::listener::Peer;

/// What `/mcp` needs: the protocol mount and a channel to this controller's API.
#[derive(Clone, Debug)]
pub struct McpEndpoint {
    mount: HttpMount,
    api: Channel,
}

impl McpEndpoint {
    /// The endpoint calling the API listener at `api_addr` (verified with the CA in `ca_pem`
    /// under the name `localhost`, which every server certificate carries).
    pub fn new(api_addr: SocketAddr, ca_pem: Vec<u8>, policy: HttpPolicy) -> anyhow::Result<Self> {
        let target = own_address(api_addr);
        let tls = ClientTlsConfig::new()
            .ca_certificate(Certificate::from_pem(ca_pem))
            .domain_name("localhost");
        let api = Endpoint::from_shared(format!("https://{target}"))?
            .tls_config(tls)?
            .connect_timeout(std::time::Duration::from_secs(5))
            .connect_lazy();
        Ok(McpEndpoint {
            mount: HttpMount::new(policy),
            api,
        })
    }
}

/// Where this process reaches its own API: the bound address, or loopback when bound to every
/// interface.
fn own_address(bound: SocketAddr) -> SocketAddr {
    match bound.ip() {
        std::net::IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::from(([127, 0, 0, 1], bound.port()))
        }
        std::net::IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, bound.port()))
        }
        _ => bound,
    }
}

/// Answers one `/mcp` request.
pub async fn serve(
    State(state): State<Arc<WebState>>,
    peer: Option<Extension<Peer>>,
    request: Request,
) -> Response {
    let Some(endpoint) = &state.mcp else {
        return super::render::not_found().await.into_response();
    };
    let Some(token) = bearer(request.headers()) else {
        return unauthorized("an API token is required: Authorization: Bearer cbt_…");
    };
    let Ok(presented) = parse_token(TokenKind::Api, &token) else {
        return unauthorized("the token is malformed, unknown, expired or revoked");
    };
    // The same per-source limit as the API before a lookup a guess could cause.
    if let Err(status) = state
        .gate
        .before_lookup(presented.id, peer.map(|Extension(Peer(addr))| addr.ip()))
    {
        return json_rpc_error(
            StatusCode::TOO_MANY_REQUESTS,
            -32000,
            status.message(),
            None,
        );
    }
    match state.app.store.api_token_for_auth(presented.id).await {
        Ok(Some(stored))
            if stored.usable && hashes_equal(&stored.secret_sha256, &presented.secret_sha256) => {}
        Ok(_) => return unauthorized("the token is malformed, unknown, expired or revoked"),
        Err(e) => {
            tracing::warn!(error = %e, "mcp token lookup failed");
            return json_rpc_error(
                StatusCode::SERVICE_UNAVAILABLE,
                -32603,
                "the database is unavailable",
                None,
            );
        }
    }
    let api = match Api::new(endpoint.api.clone(), &token) {
        Ok(api) => api,
        Err(_) => return unauthorized("the token is malformed, unknown, expired or revoked"),
    };
    endpoint
        .mount
        .handle(api, request)
        .await
        .map(Body::new)
        .into_response()
}

/// The bearer token of `Authorization`, if it has one. Cookies are never read.
fn bearer(headers: &axum::http::HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_string())
}

/// 401 with a JSON-RPC error body and the `WWW-Authenticate` challenge.
fn unauthorized(message: &str) -> Response {
    json_rpc_error(
        StatusCode::UNAUTHORIZED,
        -32001,
        message,
        Some(HeaderValue::from_static("Bearer realm=\"cyberbrain\"")),
    )
}

/// A JSON-RPC error answer not tied to a request id.
fn json_rpc_error(
    status: StatusCode,
    code: i64,
    message: &str,
    challenge: Option<HeaderValue>,
) -> Response {
    let body = serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": { "code": code, "message": message },
    });
    let mut response = (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response();
    if let Some(challenge) = challenge {
        response
            .headers_mut()
            .insert(header::WWW_AUTHENTICATE, challenge);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_authorization_header_carries_a_token() {
        let mut headers = axum::http::HeaderMap::new();
        assert_eq!(bearer(&headers), None);
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("__Host-cyberbrain-session=cbs_a_b"),
        );
        assert_eq!(bearer(&headers), None);
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert_eq!(bearer(&headers), None);
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer cbt_x_y"),
        );
        assert_eq!(bearer(&headers).as_deref(), Some("cbt_x_y"));
    }

    #[test]
    fn the_own_api_is_reached_on_loopback_when_bound_to_all() {
        let bound: SocketAddr = "0.0.0.0:7443".parse().expect("addr");
        assert_eq!(own_address(bound).to_string(), "127.0.0.1:7443");
        let bound: SocketAddr = "[::]:7443".parse().expect("addr");
        assert_eq!(own_address(bound).to_string(), "[::1]:7443");
        let bound: SocketAddr = "10.0.0.2:7443".parse().expect("addr");
        assert_eq!(own_address(bound), bound);
    }
}
