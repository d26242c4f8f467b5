//! `cbctl mcp`: an MCP server over stdin and stdout for a desktop assistant, calling the API with
//! the current context's token. The tools are `cyberbrain_mcp`'s; the controller checks, limits
//! and audits every call (as `mcp:<token name>`) and refuses writes unless it runs with
//! `--mcp-allow-write`.
//!
//! stdout carries only protocol messages, so this command prints nothing there itself; a
//! failure to start is reported on stderr like any other command's.

use cyberbrain_mcp::{Api, FleetTools, Options};

use super::Context;

/// Serve the MCP tools over stdio until the client closes stdin.
#[derive(Debug, clap::Args)]
pub struct Mcp {
    /// Leave `launch_run` and `cancel_run` out of the tool list. (The controller refuses them
    /// anyway unless it runs with --mcp-allow-write and the token is an operator's.)
    #[arg(long)]
    read_only: bool,
}

pub async fn run(ctx: &Context, args: Mcp) -> anyhow::Result<()> {
    // Lazily: an assistant may start this before the controller is up; tools then answer
    // UNAVAILABLE instead of the server failing to start.
    let (channel, token) = ctx.server.lazy_channel_and_token()?;
    let api = Api::new(channel, &token)?;
    let tools = FleetTools::new(
        api,
        Options {
            write_tools: !args.read_only,
        },
    );
    let shutdown = async {
        // Ctrl-C in a terminal; an assistant closes stdin instead.
        let _ = tokio::signal::ctrl_c().await;
    };
    cyberbrain_mcp::serve_stdio(tools, shutdown).await?;
    Ok(())
}
