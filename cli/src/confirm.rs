//! Asking before destructive commands: on a terminal, a question; elsewhere, `--yes` or a refusal,
//! so that a script never deletes on a guess.

use std::io::{BufRead, IsTerminal};

use crate::exit::UsageError;
use crate::output::sink;

/// `--yes` for commands that delete or revoke.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct Yes {
    /// Do it without asking (needed when stdin is not a terminal).
    #[arg(long, short = 'y')]
    pub yes: bool,
}

/// Goes ahead if `--yes` was given or the user answers yes to `question` (`Delete directive
/// x?`). Without a terminal on stdin and without `--yes`, refuses with a usage error.
pub fn confirm(yes: Yes, question: &str) -> anyhow::Result<()> {
    if yes.yes {
        return Ok(());
    }
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(UsageError(format!(
            "refusing without --yes: {} (stdin is not a terminal, so cbctl cannot ask)",
            lowercase_first(question.trim_end_matches('?'))
        ))
        .into());
    }
    sink::prompt(&format!("{question} [y/N] "));
    let mut answer = String::new();
    stdin.lock().read_line(&mut answer)?;
    match answer.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" => Ok(()),
        _ => anyhow::bail!("not confirmed; nothing was changed"),
    }
}

/// `Delete directive Web-Logs` → `delete directive Web-Logs`: only the first character, so names
/// keep their case.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_character_is_lowercased() {
        assert_eq!(
            lowercase_first("Delete directive Web-Logs"),
            "delete directive Web-Logs"
        );
        assert_eq!(lowercase_first(""), "");
    }
}
