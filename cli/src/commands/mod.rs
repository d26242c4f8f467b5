//! The command tree, kubectl-style: `cbctl <noun> <verb>`.

mod agent;
mod allowlist;
mod audit;
mod certs;
mod directive;
mod llm;
mod login;
mod run;
mod token;
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
    /// API tokens and their roles.
    #[command(subcommand)]
    Token(token::Verb),
    /// The audit log.
    #[command(subcommand)]
    Audit(audit::Verb),
    /// Check a token against a controller and save it as a context (--server, --ca-cert,
    /// --token-file; --context or --name names it).
    Login(login::Login),
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
        Noun::Token(verb) => token::run(&ctx, verb).await?,
        Noun::Audit(verb) => audit::run(&ctx, verb).await?,
        Noun::Login(login) => login::run(&ctx, login).await?,
        Noun::Certs(verb) => certs::run(verb)?,
        Noun::Completion { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "cbctl", &mut std::io::stdout());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Parses a duration: a number with a unit, `s`, `m`, `h` or `d` (`90s`, `15m`, `12h`, `7d`).
/// Returns seconds.
pub fn parse_duration(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let n: u64 = number
        .parse()
        .map_err(|_| format!("{text:?} is not a duration like 90s, 15m, 12h or 7d"))?;
    let scale = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(format!("{text:?} needs a unit: s, m, h or d")),
    };
    n.checked_mul(scale)
        .filter(|s| *s > 0)
        .ok_or_else(|| format!("{text:?} is out of range"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_tree_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn durations_need_a_unit() {
        assert_eq!(parse_duration("15m"), Ok(900));
        assert_eq!(parse_duration("2d"), Ok(172_800));
        assert!(parse_duration("15").is_err());
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("x1h").is_err());
    }
}
