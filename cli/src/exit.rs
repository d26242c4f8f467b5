//! cbctl's exit codes and the errors that choose them.

use std::process::ExitCode;

/// Success.
pub const OK: u8 = 0;
/// Any error: the controller refused, could not be reached, a file could not be read.
pub const ERROR: u8 = 1;
/// The command line was wrong: an unknown flag or value, a missing argument.
pub const USAGE: u8 = 2;
/// The command worked but the run it followed did not succeed.
pub const RUN_NOT_SUCCEEDED: u8 = 3;
/// `--timeout` passed before the run ended.
pub const TIMEOUT: u8 = 4;

/// The exit codes, for `cbctl --help`.
pub const HELP: &str = "Exit codes: 0 ok, 1 error, 2 usage (bad flags or arguments), 3 the run did \
not succeed (run watch|wait, launch --watch), 4 timeout (--timeout passed).";

/// A command line that parsed but makes no sense (a format this command does not take, an id
/// prefix too short): exit code 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// The exit code for an error that ended a command.
pub fn code_for(error: &anyhow::Error) -> ExitCode {
    if error
        .chain()
        .any(|c| c.downcast_ref::<UsageError>().is_some())
    {
        ExitCode::from(USAGE)
    } else {
        ExitCode::from(ERROR)
    }
}
