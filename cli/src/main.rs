//! `cbctl`: the Cyberbrain command-line client. Thin: parse flags, call gRPC, print.
//!
//! Everything it prints goes through `output::sink`, which neutralises control characters and
//! ends quietly on a closed pipe; the print macros are denied so that nothing bypasses it.
#![deny(clippy::print_stdout, clippy::print_stderr)]

mod client;
mod commands;
mod complete;
mod confirm;
mod durations;
mod exit;
mod output;
mod resolve;
mod selectors;

use std::process::ExitCode;

use clap::Parser;

use crate::commands::Cli;

fn main() -> ExitCode {
    // Before anything is printed: a shell asking for completions gets them and nothing else.
    clap_complete::CompleteEnv::with_factory(<Cli as clap::CommandFactory>::command).complete();
    match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime.block_on(run()),
        Err(e) => {
            noteln!("error: cannot start: {e}");
            ExitCode::from(exit::ERROR)
        }
    }
}

async fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return commands::clap_exit(&e),
    };
    match commands::run(cli).await {
        Ok(code) => code,
        Err(e) => {
            noteln!("error: {}", output::error_line(&e));
            exit::code_for(&e)
        }
    }
}
