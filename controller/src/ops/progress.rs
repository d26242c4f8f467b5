//! What backup and restore tell the operator: progress on stderr (stdout stays for the result),
//! the result and next steps on stdout.

use std::io::Write;

/// One progress line on stderr.
pub fn step(message: &str) {
    let _ = writeln!(std::io::stderr(), "{message}");
}

/// The result, on stdout.
pub fn done(message: &str) {
    let _ = writeln!(std::io::stdout(), "{message}");
}
