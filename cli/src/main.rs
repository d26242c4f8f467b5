//! `cbctl`: the Cyberbrain command-line client. Thin: parse flags, call gRPC, print.

mod client;
mod commands;
mod output;
mod selectors;

use std::process::ExitCode;

use clap::Parser;

use crate::commands::Cli;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match commands::run(cli).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", output::error_line(&e));
            ExitCode::FAILURE
        }
    }
}
