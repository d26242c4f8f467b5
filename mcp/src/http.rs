//! The tools over Streamable HTTP, for a controller to mount on its HTTPS listener (`/mcp`).
//!
//! Stateless: no session table, every POST is answered on its own (JSON when it can be), so any
//! replica answers any request and nothing lives in process memory between requests. The caller
//! decides who the request is from (its bearer token) and builds the [`Api`] it runs with; this
//! mount checks `Host` and `Origin` against allowlists (DNS rebinding, cross-site pages) and
//! speaks the protocol.

use std::convert::Infallible;
use std::sync::Arc;

use bytes::Bytes;
use http::{Request, Response, StatusCode, header};
use http_body::Body;
use rmcp::transport::streamable_http_server::session::never::NeverSessionManager;
use rmcp::transport::{StreamableHttpServerConfig, StreamableHttpService};

use crate::api::Api;
use crate::tools::{FleetTools, Options};

/// The largest JSON-RPC request body accepted: tool arguments are small.
pub const MAX_REQUEST_BYTES: usize = 256 * 1024;

/// The body of an answer.
pub type HttpBody = http_body_util::combinators::BoxBody<Bytes, Infallible>;

/// Which requests the mount accepts.
#[derive(Debug, Clone, Default)]
pub struct HttpPolicy {
    /// `Host` values (`name` or `name:port`) accepted. Empty: none (every request is refused).
    pub allowed_hosts: Vec<String>,
    /// `Origin` values (`scheme://host[:port]`) accepted. Empty: a request carrying any `Origin`
    /// header is refused (browsers send one; assistants and tools do not).
    pub allowed_origins: Vec<String>,
    /// Which tools to offer.
    pub options: Options,
}

/// The `/mcp` endpoint. Cheap to clone.
#[derive(Clone)]
pub struct HttpMount {
    policy: Arc<HttpPolicy>,
    config: StreamableHttpServerConfig,
    sessions: Arc<NeverSessionManager>,
}

impl std::fmt::Debug for HttpMount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HttpMount")
            .field("policy", &self.policy)
            .finish_non_exhaustive()
    }
}

impl HttpMount {
    /// A mount accepting what `policy` allows.
    pub fn new(policy: HttpPolicy) -> HttpMount {
        let config = StreamableHttpServerConfig::default()
            .with_legacy_session_mode(false)
            .with_json_response(true)
            .with_sse_keep_alive(None)
            .with_sse_retry(None)
            .with_max_request_body_bytes(MAX_REQUEST_BYTES)
            // rmcp's own checks too; an empty host list would mean "any" there, so an empty one
            // is refused before (`host_refused`).
            .with_allowed_hosts(policy.allowed_hosts.clone())
            .with_allowed_origins(policy.allowed_origins.clone())
            .enforce_origin_validation();
        HttpMount {
            policy: Arc::new(policy),
            config,
            sessions: Arc::new(NeverSessionManager::default()),
        }
    }

    /// Answers one HTTP request with the tools over `api` (the caller's token).
    pub async fn handle<B>(&self, api: Api, request: Request<B>) -> Response<HttpBody>
    where
        B: Body + Send + 'static,
        B::Error: std::fmt::Display,
    {
        if self.policy.allowed_hosts.is_empty() {
            return refusal(
                StatusCode::FORBIDDEN,
                "Forbidden: Host header is not allowed",
            );
        }
        // rmcp refuses a present Origin against an empty list too (`enforce_origin_validation`);
        // checked here as well so that no configuration of the SDK can turn it into "any".
        if self.policy.allowed_origins.is_empty() && request.headers().contains_key(header::ORIGIN)
        {
            return refusal(
                StatusCode::FORBIDDEN,
                "Forbidden: Origin header is not allowed (no origins are configured)",
            );
        }
        let options = self.policy.options;
        let service = StreamableHttpService::new(
            move || Ok(FleetTools::new(api.clone(), options)),
            self.sessions.clone(),
            self.config.clone(),
        );
        service.handle(request).await
    }
}

/// A plain-text refusal.
fn refusal(status: StatusCode, message: &'static str) -> Response<HttpBody> {
    use http_body_util::BodyExt;
    let body = http_body_util::Full::new(Bytes::from_static(message.as_bytes()))
        .map_err(|never| match never {})
        .boxed();
    let mut response = Response::new(body);
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        http::HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}
