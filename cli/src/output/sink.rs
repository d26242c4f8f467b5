//! The one place cbctl writes to its stdout and stderr.
//!
//! Text that reaches a terminal or a Markdown file passes [`neutralise`] first: names, labels,
//! error messages and container log lines come from agents, containers and servers, and a byte
//! such as ESC would let them reset or rewrite the operator's terminal. JSON and YAML are written
//! as serialised (serde escapes control characters), so programs see the exact values.
//!
//! A closed stdout (`cbctl run list | head -1`) ends the process quietly with status 0, as `ls`
//! does: the reader has all it wanted.

use std::borrow::Cow;
use std::io::{ErrorKind, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether a live status line is on the terminal, to be cleared before the next message.
static LIVE_LINE: AtomicBool = AtomicBool::new(false);

/// Whether a character would act on a terminal instead of being shown: C0 controls except tab and
/// newline (ESC among them), DEL, and C1 controls.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c)
}

/// `text` with every unsafe character replaced by a visible escape (`\x1b`, `\u009b`), so that it
/// is shown instead of obeyed.
pub fn neutralise(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !is_unsafe(c) {
            out.push(c);
        } else if (c as u32) < 0x80 {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push_str(&format!("\\u{:04x}", c as u32));
        }
    }
    Cow::Owned(out)
}

/// Writes text for people (tables, Markdown, diagrams, messages) to stdout, neutralised.
pub fn out(text: &str) {
    write_stdout(neutralise(text).as_bytes());
}

/// Writes serialised data (JSON, YAML) to stdout as it is.
pub fn out_exact(text: &str) {
    write_stdout(text.as_bytes());
}

/// Writes a message to stderr, neutralised. A failing stderr is ignored: there is nowhere left
/// to say so.
pub fn note(text: &str) {
    let mut line = neutralise(text).into_owned();
    if !line.ends_with('\n') {
        line.push('\n');
    }
    if LIVE_LINE.swap(false, Ordering::Relaxed) {
        line.insert_str(0, "\r\x1b[K");
    }
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(line.as_bytes());
    let _ = stderr.flush();
}

/// Writes a question on stderr without a newline, for the answer to follow on the same line.
pub fn prompt(text: &str) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(neutralise(text).as_bytes());
    let _ = stderr.flush();
}

/// Replaces the live status line at the bottom of a terminal's stderr with `text` (empty: clears
/// it). Only cbctl's own carriage return and erase-line reach the terminal; `text` is
/// neutralised like the rest.
pub fn live(text: &str) {
    let line = format!("\r\x1b[K{}", neutralise(text));
    LIVE_LINE.store(!text.is_empty(), Ordering::Relaxed);
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(line.as_bytes());
    let _ = stderr.flush();
}

fn write_stdout(bytes: &[u8]) {
    let mut stdout = std::io::stdout().lock();
    let written = stdout.write_all(bytes).and_then(|()| stdout.flush());
    if let Err(e) = written {
        if e.kind() == ErrorKind::BrokenPipe {
            // The reader went away: nothing is wrong, nothing more to say.
            std::process::exit(0);
        }
        note(&format!("error: cannot write to stdout: {e}"));
        std::process::exit(1);
    }
}

/// `println!` through [`out`].
#[macro_export]
macro_rules! outln {
    () => { $crate::output::sink::out("\n") };
    ($($arg:tt)*) => { $crate::output::sink::out(&format!("{}\n", format_args!($($arg)*))) };
}

/// `eprintln!` through [`note`].
#[macro_export]
macro_rules! noteln {
    ($($arg:tt)*) => { $crate::output::sink::note(&format!($($arg)*)) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        // A reset, a cursor home and screen clear, an OSC title, a C1 CSI and DEL.
        let hostile = "a\u{1b}cb\u{1b}[H\u{1b}[Jc\u{1b}]0;pwned\u{7}d\u{9b}2Je\u{7f}\r\u{0}";
        let shown = neutralise(hostile);
        assert!(!shown.chars().any(is_unsafe), "{shown:?}");
        assert_eq!(
            shown,
            "a\\x1bcb\\x1b[H\\x1b[Jc\\x1b]0;pwned\\x07d\\u009b2Je\\x7f\\x0d\\x00"
        );
    }

    #[test]
    fn tabs_newlines_and_other_text_pass_unchanged() {
        let text = "NAME\tSTATE\nümlaut → 日本 😀 \u{a0}";
        assert!(matches!(neutralise(text), Cow::Borrowed(_)));
    }
}
