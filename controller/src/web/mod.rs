//! The web console: server-rendered pages on the controller's own HTTPS listener (`--web-listen`).
//!
//! Every replica serves it and keeps nothing in memory another replica would need: sessions and
//! one-time sign-in links are rows in PostgreSQL tied to the API token that opened them, live
//! progress reads the run's event log. Every page and action is decided by the gRPC API's access
//! table (`auth::rbac::ACCESS_TABLE`) through the method it corresponds to. Changes are POSTs,
//! checked for cross-site origin (`guard`); responses carry a strict Content-Security-Policy.
//!
//! Module map: `listener` (TLS and HTTP/1.1), `guard` (headers, CSRF, body limit), `session`
//! (cookie, sign-in, access), `render` (helpers, errors), `layout` (signed-in pages), `markdown` (reports),
//! `live` (server-sent events), `mcp` (`/mcp` for assistants), `hooks` (webhook deliveries),
//! `assets` (the stylesheet and the one script), `pages/*`.

mod assets;
mod guard;
mod hooks;
mod layout;
mod listener;
mod live;
pub mod markdown;
pub mod mcp;
mod pages;
mod render;
mod service_map;
mod session;

use std::net::IpAddr;
use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};

use crate::app::App;
use crate::auth::sources::LookupGate;
use crate::ratelimit::{KeyedLimiter, Rate};

pub use listener::serve;

/// How long a one-time sign-in link (`cbctl ui`) stays valid.
pub const SIGN_IN_LINK_LIFETIME: chrono::TimeDelta = chrono::TimeDelta::seconds(60);

/// How long a console session lasts (it also ends with its token).
pub const SESSION_LIFETIME: chrono::TimeDelta = chrono::TimeDelta::hours(12);

/// The largest request body the console accepts (forms are small; a token is 80 bytes).
pub const MAX_FORM_BYTES: usize = 16 * 1024;

/// Failed sign-ins (a token or a link) one source may make: ten at once, then one a minute. A
/// person mistyping is not hindered; a guesser is, and so is the audit log it would fill.
pub const SIGN_IN_FAILURES_PER_SOURCE: Rate = Rate {
    per_second: 1.0 / 60.0,
    burst: 10,
};

/// Live event streams (pages following a run) one session may hold open on a replica at once.
pub const MAX_STREAMS_PER_SESSION: usize = 8;

/// What every handler needs. Cheap to clone.
#[derive(Clone)]
pub struct WebState {
    /// The controller's shared state.
    pub app: App,
    /// Limits token lookups per source, as on the API.
    pub gate: LookupGate,
    /// `/mcp`; `None` when the controller serves no MCP over HTTP (`--mcp-allowed-hosts off`).
    pub mcp: Option<mcp::McpEndpoint>,
    /// Failed sign-ins per source ([`SIGN_IN_FAILURES_PER_SOURCE`]).
    pub sign_in_failures: Arc<KeyedLimiter<IpAddr>>,
    /// Live streams per session ([`MAX_STREAMS_PER_SESSION`]).
    pub streams: live::StreamSlots,
    /// The fleet's GPU counts, read at most every [`GPU_COUNTS_MAX_AGE`] by this replica.
    pub gpu_counts:
        Arc<std::sync::Mutex<Option<(std::time::Instant, cyberbrain_store::GpuCounts)>>>,
}

/// How old the GPU counts on `/` and `/gpus` may be when counting them is slow: counting every
/// agent's latest report takes a few hundred milliseconds at 10,000 agents, and reports come
/// minutes apart. A per-replica cache of a figure any replica can count again, not state.
pub const GPU_COUNTS_MAX_AGE: std::time::Duration = std::time::Duration::from_secs(30);

/// Counts that took at least this long are kept for [`GPU_COUNTS_MAX_AGE`]; faster ones are not.
pub const GPU_COUNTS_KEPT_WHEN_SLOWER: std::time::Duration = std::time::Duration::from_millis(50);

impl WebState {
    /// The fleet's GPU counts by `/gpus`' thresholds, at most [`GPU_COUNTS_MAX_AGE`] old.
    pub async fn gpu_counts(&self) -> cyberbrain_store::Result<cyberbrain_store::GpuCounts> {
        let fresh = |slot: &Option<(std::time::Instant, cyberbrain_store::GpuCounts)>| {
            slot.filter(|(at, _)| at.elapsed() < GPU_COUNTS_MAX_AGE)
                .map(|(_, counts)| counts)
        };
        if let Some(counts) = fresh(&self.gpu_counts.lock().unwrap_or_else(|p| p.into_inner())) {
            return Ok(counts);
        }
        let started = std::time::Instant::now();
        let counts = self.app.store.gpu_counts(pages::gpus::THRESHOLDS).await?;
        // A small fleet is counted afresh each time; only a slow count is kept.
        if started.elapsed() >= GPU_COUNTS_KEPT_WHEN_SLOWER {
            *self.gpu_counts.lock().unwrap_or_else(|p| p.into_inner()) =
                Some((std::time::Instant::now(), counts));
        }
        Ok(counts)
    }
}

impl WebState {
    /// The console's state over `app`, with its limits.
    pub fn new(app: App, gate: LookupGate, mcp: Option<mcp::McpEndpoint>) -> WebState {
        WebState {
            app,
            gate,
            mcp,
            sign_in_failures: Arc::new(KeyedLimiter::new(SIGN_IN_FAILURES_PER_SOURCE)),
            streams: live::StreamSlots::new(MAX_STREAMS_PER_SESSION),
            gpu_counts: Arc::default(),
        }
    }
}

/// The console's routes, with its guards.
pub fn router(state: WebState) -> Router {
    let state = Arc::new(state);
    // `/mcp` is outside the console's guard: it takes bearer tokens only (no cookie, so no
    // cross-site forgery) and checks `Host` and `Origin` itself.
    let mcp = Router::new()
        .route("/mcp", axum::routing::any(mcp::serve))
        .layer(axum::middleware::from_fn(guard::data_headers))
        .with_state(state.clone());
    let console = Router::new()
        .route("/", get(pages::overview::show))
        .route(
            "/login",
            get(pages::login::form).post(pages::login::with_token),
        )
        .route(
            "/login/link",
            get(pages::login::link_form).post(pages::login::with_link),
        )
        .route("/logout", post(pages::login::logout))
        .route("/agents", get(pages::agents::list))
        .route("/agents/{name}", get(pages::agents::show))
        .route("/agents/{name}/revoke", post(pages::agents::revoke))
        .route("/runs", get(pages::runs::list))
        .route("/runs/{id}", get(pages::run::show))
        .route("/runs/{id}/events", get(live::events))
        .route("/runs/{id}/cancel", post(pages::run::cancel))
        .route("/runs/{id}/artifacts/{artifact}", get(pages::run::download))
        .route("/directives", get(pages::directives::list))
        .route("/directives/{name}", get(pages::directives::show))
        .route(
            "/directives/{name}/launch",
            get(pages::launch::preview).post(pages::launch::launch),
        )
        .route(
            "/launch",
            get(pages::launch::ad_hoc_form).post(pages::launch::ad_hoc_launch),
        )
        .route(
            "/allowlist",
            get(pages::allowlist::list).post(pages::allowlist::add),
        )
        .route("/allowlist/{id}/remove", post(pages::allowlist::remove))
        .route("/audit", get(pages::audit::list))
        .route("/usage", get(pages::usage::show))
        .route("/gpus", get(pages::gpus::list))
        .route("/assets/style.css", get(assets::stylesheet))
        .route("/assets/app.js", get(assets::script))
        .fallback(render::not_found)
        .layer(axum::middleware::from_fn(guard::check))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_FORM_BYTES));
    // Webhook deliveries: outside the console's guard (no session, no same-origin check), with
    // their own body limit.
    let hooks = Router::new()
        .route("/hooks/{id}", post(hooks::receive))
        .layer(axum::middleware::from_fn(guard::data_headers))
        .layer(axum::extract::DefaultBodyLimit::max(
            cyberbrain_model::triggers::MAX_BODY_BYTES,
        ));
    console.merge(hooks).with_state(state).merge(mcp)
}

/// The state as handlers receive it.
type Shared = axum::extract::State<Arc<WebState>>;
