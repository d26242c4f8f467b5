//! The command tree, kubectl-style: `cbctl <noun> <verb>`.

mod agent;
mod allowlist;
mod audit;
mod certs;
mod directive;
mod exec;
mod llm;
mod login;
mod mcp;
mod notify;
mod run;
mod schedule;
mod token;
mod trigger;
mod ui;
mod usage;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::client::{GLOBAL, ServerArgs};
use crate::output::Format;

/// cbctl — the Cyberbrain command-line client.
#[derive(Debug, Parser)]
#[command(name = "cbctl", version, about, after_help = crate::exit::HELP)]
pub struct Cli {
    #[command(flatten)]
    server: ServerArgs,

    /// Output format: table, wide, json or yaml for reads [default: table]; table or json for
    /// `run watch|wait`; md or json for `run report` [default: md]; mermaid, dot or json for `run
    /// report --section service-map`.
    #[arg(short, long, global = true, value_enum, value_name = "FORMAT",
          hide_possible_values = true, help_heading = GLOBAL)]
    output: Option<Format>,

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
    /// Directives launched by themselves on a cron schedule.
    #[command(subcommand)]
    Schedule(schedule::Verb),
    /// Inbound webhooks (GitHub, Alertmanager, Grafana, Standard Webhooks) that launch a
    /// directive.
    #[command(subcommand)]
    Trigger(trigger::Verb),
    /// Run a command the chosen hosts declare and print each host's output:
    /// `cbctl exec --all -- whoami`.
    Exec(exec::Exec),
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
    /// Notification rules: run events to Slack, signed webhooks or GitHub issues.
    #[command(subcommand)]
    Notify(notify::Verb),
    /// Check a token against a controller and save it as a context (--server, --ca-cert,
    /// --token-file; --context or --name names it).
    Login(login::Login),
    /// Open the web console in a browser, signed in with a one-time link (--print: print it).
    Ui(ui::Ui),
    /// Serve the fleet to an AI assistant over the Model Context Protocol (stdio), with this
    /// context's token.
    Mcp(mcp::Mcp),
    /// Development certificates.
    #[command(subcommand)]
    Certs(certs::Verb),
    /// Print a shell's completion script: commands, flags, and run, agent and directive names
    /// from the controller as you type (bash: `source <(cbctl completion bash)`).
    Completion {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// What every command gets.
pub struct Context {
    pub server: ServerArgs,
    /// `-o` as given; each command checks it against the formats it takes.
    pub output: Option<Format>,
}

impl Context {
    /// The output format of a read command (table, wide, json, yaml).
    pub fn read_format(&self) -> anyhow::Result<Format> {
        crate::output::choose(self.output, crate::output::READ_FORMATS)
    }
}

/// Prints a clap error as one line (help and version as they are) and returns its exit code.
pub fn clap_exit(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            crate::output::sink::out(&error.render().to_string());
            ExitCode::from(
                if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                    crate::exit::USAGE
                } else {
                    crate::exit::OK
                },
            )
        }
        _ => {
            crate::output::sink::note(&one_line(&error.render().to_string()));
            ExitCode::from(crate::exit::USAGE)
        }
    }
}

/// Clap's multi-line error as one line: the message and its choices or tip, without the usage
/// and the pointer to --help.
fn one_line(rendered: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for line in rendered.lines().map(str::trim) {
        if line.is_empty() || line.starts_with("For more information") {
            continue;
        }
        if line.starts_with("Usage:") {
            break;
        }
        parts.push(line);
    }
    parts.join(" ")
}

/// Runs the parsed command.
pub async fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let mut server = cli.server;
    server.fill_from_env();
    let ctx = Context {
        server,
        output: cli.output,
    };
    match cli.command {
        Noun::Directive(verb) => directive::run(&ctx, verb).await?,
        Noun::Run(verb) => return run::run(&ctx, verb).await,
        Noun::Schedule(verb) => schedule::run(&ctx, verb).await?,
        Noun::Trigger(verb) => trigger::run(&ctx, verb).await?,
        Noun::Exec(exec) => return exec::run(&ctx, exec).await,
        Noun::Agent(verb) => agent::run(&ctx, verb).await?,
        Noun::Allowlist(verb) => allowlist::run(&ctx, verb).await?,
        Noun::Usage(verb) => usage::run(&ctx, verb).await?,
        Noun::Llm(verb) => llm::run(&ctx, verb).await?,
        Noun::Token(verb) => token::run(&ctx, verb).await?,
        Noun::Audit(verb) => audit::run(&ctx, verb).await?,
        Noun::Notify(verb) => notify::run(&ctx, verb).await?,
        Noun::Login(login) => login::run(&ctx, login).await?,
        Noun::Ui(ui) => ui::run(&ctx, ui).await?,
        Noun::Mcp(mcp) => mcp::run(&ctx, mcp).await?,
        Noun::Certs(verb) => certs::run(verb)?,
        Noun::Completion { shell } => {
            crate::output::sink::out_exact(&crate::complete::registration(shell)?);
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    use clap::CommandFactory;

    #[test]
    fn the_command_tree_is_consistent() {
        Cli::command().debug_assert();
    }
}
