//! The command tree, kubectl-style: `cbctl <noun> <verb>`.

mod agent;
mod allowlist;
mod certs;
mod directive;
mod llm;
mod run;
mod usage;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use crate::client::ServerArgs;
use crate::output::Format;

/// cbctl — the Cyberbrain command-line client.
#[derive(Debug, Parser)]
#[command(name = "cbctl", version, about)]
pub struct Cli {
    #[command(flatten)]
    server: ServerArgs,

    /// Output format.
    #[arg(short, long, global = true, value_enum, default_value_t = Format::Table)]
    output: Format,

    #[command(subcommand)]
    command: Noun,
}

#[derive(Debug, Subcommand)]
enum Noun {
    /// Named, versioned task templates.
    #[command(subcommand)]
    Directive(directive::Verb),
    /// Launches of directives over agents.
    #[command(subcommand)]
    Run(run::Verb),
    /// The fleet's agents.
    #[command(subcommand)]
    Agent(agent::Verb),
    /// Which containers agents may read.
    #[command(subcommand)]
    Allowlist(allowlist::Verb),
    /// LLM token counts and costs.
    #[command(subcommand)]
    Usage(usage::Verb),
    /// The controller's LLM providers.
    #[command(subcommand)]
    Llm(llm::Verb),
    /// Development certificates.
    #[command(subcommand)]
    Certs(certs::Verb),
    /// Print a shell completion script.
    Completion {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// What every command gets.
pub struct Context {
    pub server: ServerArgs,
    pub output: Format,
}

/// Runs the parsed command.
pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let ctx = Context {
        server: cli.server,
        output: cli.output,
    };
    match cli.command {
        Noun::Directive(verb) => directive::run(&ctx, verb).await?,
        Noun::Run(verb) => return run::run(&ctx, verb).await,
        Noun::Agent(verb) => agent::run(&ctx, verb).await?,
        Noun::Allowlist(verb) => allowlist::run(&ctx, verb).await?,
        Noun::Usage(verb) => usage::run(&ctx, verb).await?,
        Noun::Llm(verb) => llm::run(&ctx, verb).await?,
        Noun::Certs(verb) => certs::run(verb)?,
        Noun::Completion { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "cbctl", &mut std::io::stdout());
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_tree_is_consistent() {
        Cli::command().debug_assert();
    }
}
