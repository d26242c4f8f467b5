//! Dynamic shell completion: run ids, agent and directive names come from the controller as
//! the user types, through clap_complete's engine (`main` answers the shell's requests;
//! `cbctl completion bash`, like `COMPLETE=bash cbctl`, prints the registration).
//!
//! Each completer connects with the flags already typed on the line (`--server`, `--context`,
//! …) and the `CYBERBRAIN_*` variables, and gives up after two seconds: a completion that
//! hangs the shell is worse than none.

use std::time::Duration;

use std::path::PathBuf;

use clap_complete::engine::CompletionCandidate;
use cyberbrain_proto::v1 as pb;

use crate::client::{Api, ServerArgs};
use crate::output::sink;

/// How long a completer waits for the controller.
const PATIENCE: Duration = Duration::from_secs(2);

/// The registration script for `shell`, as `COMPLETE=<shell> cbctl` prints it.
pub fn registration(shell: clap_complete::Shell) -> anyhow::Result<String> {
    let name = shell.to_string();
    let shells = clap_complete::env::Shells::builtins();
    let completer = shells
        .completer(&name)
        .ok_or_else(|| anyhow::anyhow!("no dynamic completion for {name}"))?;
    let mut script = Vec::new();
    completer.write_registration("COMPLETE", "cbctl", "cbctl", "cbctl", &mut script)?;
    Ok(String::from_utf8_lossy(&script).into_owned())
}

/// Task kinds, for `--task`.
pub fn task_kinds() -> Vec<CompletionCandidate> {
    ["log_triage", "gpu_report", "service_map"]
        .into_iter()
        .map(CompletionCandidate::new)
        .collect()
}

/// Run ids, newest first.
pub fn runs() -> Vec<CompletionCandidate> {
    ask(|api| async move {
        let runs = pb::run_service_client::RunServiceClient::new(api)
            .list_runs(pb::ListRunsRequest {
                page_size: 50,
                ..Default::default()
            })
            .await?
            .into_inner()
            .runs;
        Ok(runs
            .into_iter()
            .map(|r| {
                let what = match r.directive_name.as_str() {
                    "" => "ad-hoc".to_string(),
                    name => name.to_string(),
                };
                (
                    r.id,
                    format!("{what}, {}", crate::output::run_status(r.status)),
                )
            })
            .collect())
    })
}

/// Agent names.
pub fn agents() -> Vec<CompletionCandidate> {
    ask(|api| async move {
        let agents = pb::fleet_service_client::FleetServiceClient::new(api)
            .list_agents(pb::ListAgentsRequest {})
            .await?
            .into_inner()
            .agents;
        Ok(agents.into_iter().map(|a| (a.name, a.hostname)).collect())
    })
}

/// Directive names.
pub fn directives() -> Vec<CompletionCandidate> {
    ask(|api| async move {
        let directives = pb::directive_service_client::DirectiveServiceClient::new(api)
            .list_directives(pb::ListDirectivesRequest {
                page_size: 200,
                page_token: String::new(),
            })
            .await?
            .into_inner()
            .directives;
        Ok(directives
            .into_iter()
            .map(|d| (d.name, d.description))
            .collect())
    })
}

/// Runs `query` against the controller the command line points at; (value, help) pairs become
/// candidates. Values with control characters are left out; help is neutralised.
fn ask<F, Fut>(query: F) -> Vec<CompletionCandidate>
where
    F: FnOnce(Api) -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<Vec<(String, String)>>>,
{
    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    else {
        return Vec::new();
    };
    // The connection is inside the limit too: a controller that does not answer the handshake
    // must not hang the shell's completion.
    let pairs = runtime.block_on(async {
        tokio::time::timeout(PATIENCE, async {
            let api = server_args().connect().await?;
            query(api).await
        })
        .await
        .map_err(|_| anyhow::anyhow!("the controller did not answer in time"))?
    });
    pairs
        .unwrap_or_default()
        .into_iter()
        .filter(|(value, _)| !value.chars().any(sink::is_unsafe))
        .map(|(value, help)| {
            let help = sink::neutralise(&help).into_owned();
            CompletionCandidate::new(value).help((!help.is_empty()).then(|| help.into()))
        })
        .collect()
}

/// The connection flags typed so far on the line being completed, and the environment.
fn server_args() -> ServerArgs {
    // The shell passes `cbctl -- cbctl <words…>`: the words after `--` are the line.
    let words: Vec<String> = std::env::args().skip_while(|a| a != "--").skip(1).collect();
    let mut args = ServerArgs::none();
    args.server = flag_value(&words, "--server");
    args.ca_cert = flag_value(&words, "--ca-cert").map(PathBuf::from);
    args.tls_server_name = flag_value(&words, "--tls-server-name");
    args.token_file = flag_value(&words, "--token-file").map(PathBuf::from);
    args.context = flag_value(&words, "--context");
    args.config = flag_value(&words, "--config").map(PathBuf::from);
    args.fill_from_env();
    args
}

/// The value of `flag` in `words` (`--flag value` or `--flag=value`), the last one given.
fn flag_value(words: &[String], flag: &str) -> Option<String> {
    let mut found = None;
    let mut iter = words.iter();
    while let Some(word) = iter.next() {
        if word == flag {
            found = iter.next().cloned();
        } else if let Some(value) = word.strip_prefix(flag).and_then(|v| v.strip_prefix('=')) {
            found = Some(value.to_string());
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_flags_are_read_from_the_line() {
        let words: Vec<String> = [
            "cbctl",
            "--server",
            "https://a:1",
            "run",
            "get",
            "--context=b",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            flag_value(&words, "--server").as_deref(),
            Some("https://a:1")
        );
        assert_eq!(flag_value(&words, "--context").as_deref(), Some("b"));
        assert_eq!(flag_value(&words, "--config"), None);
    }
}
