//! Cyberbrain's Model Context Protocol tools: what an AI assistant may read of the fleet (agents,
//! directives, runs, reports, GPUs, the service map) and, when the controller allows it, launch
//! and cancel runs.
//!
//! Every tool is implemented over the public gRPC API with the caller's own bearer token, and
//! every call carries [`cyberbrain_proto::auth::MCP_TOOL_HEADER`], so the controller applies the
//! same access table, rate limits and audit as to any API call, audits it as `mcp:<token name>`,
//! and refuses writes unless it runs with `--mcp-allow-write`. Nothing here decides who may do
//! what: the controller does, where the action happens.
//!
//! `cbctl mcp` serves [`FleetTools`] over stdio ([`serve_stdio`]). The controller mounts the same
//! tool set on its web listener (`/mcp`, [`HttpMount`]): stateless Streamable HTTP, one
//! [`FleetTools`] per request over a channel to its own API and the caller's token.
//!
//! Text in the answers comes from agents and containers. It is returned as JSON, with control and
//! invisible characters made visible ([`views::neutralise_json`]); report sections quote container
//! logs, which anyone who can write a log line controls, and the tool descriptions say so.

mod api;
mod error;
mod http;
mod report;
mod tools;
pub mod views;

pub use api::Api;
pub use error::{Error, Result};
pub use http::{HttpBody, HttpMount, HttpPolicy, MAX_REQUEST_BYTES};
pub use tools::{FleetTools, Options, READ_TOOLS, WRITE_TOOLS};

/// Serves `tools` over stdin and stdout until the client closes stdin or `shutdown` resolves.
/// Logs must go to stderr: stdout carries only protocol messages.
pub async fn serve_stdio(
    tools: FleetTools,
    shutdown: impl std::future::Future<Output = ()>,
) -> Result<()> {
    use rmcp::ServiceExt;
    let running = tools
        .serve(rmcp::transport::stdio())
        .await
        .map_err(|e| Error::Protocol(e.to_string()))?;
    let cancel = running.cancellation_token();
    tokio::select! {
        outcome = running.waiting() => {
            outcome.map_err(|e| Error::Protocol(e.to_string()))?;
        }
        () = shutdown => cancel.cancel(),
    }
    Ok(())
}
