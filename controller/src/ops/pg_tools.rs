//! Finding `pg_dump` and `pg_restore`: one at least as new as the server (an older `pg_dump`
//! refuses a newer server; an older `pg_restore` cannot read a newer archive).

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

/// A PostgreSQL client program and its major version.
#[derive(Debug, Clone)]
pub struct Tool {
    /// The program.
    pub path: PathBuf,
    /// Its major version (17 for 17.4).
    pub major: u32,
}

/// The major version in `pg_dump --version`'s answer: `pg_dump (PostgreSQL) 17.4 (Debian 17.4-1)`.
pub fn parse_major(version_line: &str) -> Option<u32> {
    let after = version_line.split(')').nth(1)?.trim_start();
    let number: String = after.chars().take_while(char::is_ascii_digit).collect();
    number.parse().ok()
}

/// Where to look: `explicit` alone when given, else `also` (the embedded cluster's binaries),
/// the `PATH` and `/usr/lib/postgresql/*/bin`.
fn candidate_dirs(explicit: Option<&Path>, also: Option<&Path>) -> Vec<PathBuf> {
    if let Some(dir) = explicit {
        return vec![dir.to_path_buf()];
    }
    let mut dirs: Vec<PathBuf> = also.into_iter().map(Path::to_path_buf).collect();
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    if let Ok(entries) = std::fs::read_dir("/usr/lib/postgresql") {
        dirs.extend(entries.flatten().map(|e| e.path().join("bin")));
    }
    dirs
}

fn version_of(path: &Path) -> Option<u32> {
    let output = std::process::Command::new(path)
        .arg("--version")
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| parse_major(&String::from_utf8_lossy(&output.stdout)))
        .flatten()
}

/// The newest `program` of major version `at_least` or above.
pub fn find(
    program: &str,
    at_least: u32,
    explicit: Option<&Path>,
    also: Option<&Path>,
) -> anyhow::Result<Tool> {
    let mut found: Vec<Tool> = Vec::new();
    for dir in candidate_dirs(explicit, also) {
        let path = dir.join(program);
        if !path.is_file() || found.iter().any(|t| t.path == path) {
            continue;
        }
        if let Some(major) = version_of(&path) {
            found.push(Tool { path, major });
        }
    }
    let seen = found
        .iter()
        .map(|t| format!("{} ({})", t.path.display(), t.major))
        .collect::<Vec<_>>()
        .join(", ");
    found.retain(|t| t.major >= at_least);
    found.sort_by_key(|t| t.major);
    match found.pop() {
        Some(tool) => Ok(tool),
        None if seen.is_empty() => bail!(
            "no {program} found (looked in {}); install the PostgreSQL {at_least} client \
             (postgresql-client-{at_least}) or give --pg-client-bin-dir",
            match explicit {
                Some(dir) => dir.display().to_string(),
                None => "--postgres-bin-dir, PATH and /usr/lib/postgresql/*/bin".to_string(),
            }
        ),
        None => bail!(
            "{program} must be version {at_least} or newer (the server's or the archive's), but \
             only these were found: {seen}; install postgresql-client-{at_least} or give \
             --pg-client-bin-dir"
        ),
    }
}

/// Runs `command` to the end with its stdout into `out` (a new file, 0600) and its stderr
/// captured; fails with the program's message.
pub fn run_to_file(mut command: std::process::Command, out: &Path) -> anyhow::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(out)
        .with_context(|| format!("creating {}", out.display()))?;
    command.stdout(file);
    run(command)
}

/// Runs `command` to the end; fails with the program's message (its last lines).
pub fn run(mut command: std::process::Command) -> anyhow::Result<()> {
    let program = command.get_program().to_string_lossy().into_owned();
    let output = command
        .stderr(std::process::Stdio::piped())
        .output()
        .with_context(|| format!("running {program}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(5).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        bail!(
            "{program} failed ({}): {}",
            output.status,
            cyberbrain_report::controls::neutralise(&tail.join(" / "))
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_major_version_is_read_from_the_version_line() {
        assert_eq!(
            parse_major("pg_dump (PostgreSQL) 17.4 (Debian 17.4-1.pgdg120+2)"),
            Some(17)
        );
        assert_eq!(parse_major("pg_restore (PostgreSQL) 9.6.24"), Some(9));
        assert_eq!(parse_major("pg_dump (PostgreSQL) 18beta1"), Some(18));
        assert_eq!(parse_major("something else"), None);
    }

    #[test]
    fn a_missing_or_too_old_tool_is_named_in_the_error() {
        let dir = tempfile::tempdir().expect("dir");
        let error = find("pg_dump", 17, Some(dir.path()), None).expect_err("none there");
        assert!(error.to_string().contains("no pg_dump found"), "{error:#}");
        let error = find("pg_dump", 999, None, None).expect_err("none that new");
        assert!(error.to_string().contains("999"), "{error:#}");
    }
}
