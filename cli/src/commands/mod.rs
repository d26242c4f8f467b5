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
        Noun::Agent(verb) => agent::run(&ctx, verb).await?,
        Noun::Allowlist(verb) => allowlist::run(&ctx, verb).await?,
        Noun::Usage(verb) => usage::run(&ctx, verb).await?,
        Noun::Llm(verb) => llm::run(&ctx, verb).await?,
        Noun::Token(verb) => token::run(&ctx, verb).await?,
        Noun::Audit(verb) => audit::run(&ctx, verb).await?,
        Noun::Login(login) => login::run(&ctx, login).await?,
        Noun::Certs(verb) => certs::run(verb)?,
        Noun::Completion { shell } => {
            crate::output::sink::out_exact(&crate::complete::registration(shell)?);
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

/// Parses a timeout: a duration above zero (`90s`, `15m`, `1h`).
pub fn parse_timeout(text: &str) -> Result<std::time::Duration, String> {
    parse_duration(text).map(std::time::Duration::from_secs)
}

/// Parses a `--since`: an RFC 3339 time (`2025-01-31T00:00:00Z`) or an age (`90s`, `15m`, `24h`,
/// `7d`) before now.
pub fn parse_since(text: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text.trim()) {
        return Ok(t.with_timezone(&chrono::Utc));
    }
    let seconds = parse_duration(text).map_err(|_| {
        format!("{text:?} is neither an RFC 3339 time nor an age like 90s, 15m, 24h or 7d")
    })?;
    let age = chrono::Duration::try_seconds(i64::try_from(seconds).unwrap_or(i64::MAX))
        .ok_or_else(|| format!("{text:?} is out of range"))?;
    chrono::Utc::now()
        .checked_sub_signed(age)
        .ok_or_else(|| format!("{text:?} is out of range"))
}

/// A time as the API takes it.
pub fn timestamp(t: chrono::DateTime<chrono::Utc>) -> prost_types::Timestamp {
    prost_types::Timestamp {
        seconds: t.timestamp(),
        nanos: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use clap::CommandFactory;

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
        assert!(parse_duration("-5s").is_err());
    }

    #[test]
    fn since_takes_rfc3339_or_an_age() {
        assert_eq!(
            parse_since("2025-01-31T00:00:00Z").map(|t| t.timestamp()),
            Ok(1_738_281_600)
        );
        let hour_ago = parse_since("1h").expect("an age");
        let drift = (chrono::Utc::now() - hour_ago).num_seconds() - 3600;
        assert!(drift.abs() < 5, "{drift}");
        assert!(parse_since("7w").is_err());
        assert!(parse_since("soon").is_err());
        assert!(parse_since("0s").is_err());
    }
}
