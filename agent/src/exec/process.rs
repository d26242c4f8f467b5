//! Runs one admitted command: no shell, a cleared environment, `/` as working directory, stdin
//! closed, its own process group, the entry's user. When it ends, times out or is cancelled
//! (its future dropped), the whole group is stopped: SIGTERM, then SIGKILL.

use std::os::unix::process::ExitStatusExt;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cyberbrain_tasks::CommandResult;
use rustix::process::{Pid, Signal, kill_process_group};
use tokio::io::{AsyncRead, AsyncReadExt};

use super::catalog::{CommandEntry, DEFAULT_PATH};
use super::output::{CappedOutput, LineStream, OutputSink};

/// What both pipes' readers write into.
struct Shared {
    output: CappedOutput,
    stream: Option<LineStream>,
}

/// How long a process group has between SIGTERM and SIGKILL.
pub const TERM_GRACE: Duration = Duration::from_secs(2);
/// How long the pipes are read after the command exited and its group was killed: a process
/// that left the group (`setsid`) may hold them open.
const DRAIN_AFTER_EXIT: Duration = Duration::from_secs(2);

/// Stops a process group when dropped: SIGTERM at once, SIGKILL after [`TERM_GRACE`]. Dropping the
/// future that runs a command (a cancel, the job's deadline) drops this too.
struct GroupGuard {
    pgid: Option<Pid>,
}

impl GroupGuard {
    fn disarm(&mut self) {
        self.pgid = None;
    }
}

impl Drop for GroupGuard {
    fn drop(&mut self) {
        let Some(pgid) = self.pgid else { return };
        // ESRCH: the group is gone already.
        let _ = kill_process_group(pgid, Signal::TERM);
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(async move {
                    tokio::time::sleep(TERM_GRACE).await;
                    let _ = kill_process_group(pgid, Signal::KILL);
                });
            }
            Err(_) => {
                let _ = kill_process_group(pgid, Signal::KILL);
            }
        }
    }
}

/// Runs `entry` with the caller's `args` (already admitted against its slots), for at most the
/// entry's timeout. The error is one line: the command could not be started.
pub async fn run(
    entry: &CommandEntry,
    args: &[String],
    sink: Option<OutputSink>,
) -> Result<CommandResult, String> {
    let mut command = tokio::process::Command::new(&entry.path);
    command
        .args(&entry.fixed_args)
        .args(args)
        .env_clear()
        .current_dir("/")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .kill_on_drop(true);
    command.env("PATH", DEFAULT_PATH);
    for name in &entry.env {
        if let Some(value) = std::env::var_os(name) {
            command.env(name, value);
        }
    }
    if let Some(run_as) = entry.run_as {
        // As root, the standard library also drops the supplementary groups (setgroups) before
        // changing the user.
        command.uid(run_as.uid).gid(run_as.gid);
    }
    let started = Instant::now();
    let mut child = command.spawn().map_err(|e| {
        format!(
            "command {:?} could not start {}: {e}",
            entry.name,
            entry.path.display()
        )
    })?;
    let pid = child
        .id()
        .and_then(|id| i32::try_from(id).ok())
        .and_then(Pid::from_raw);
    let mut guard = GroupGuard { pgid: pid };
    let output = Arc::new(Mutex::new(Shared {
        output: CappedOutput::new(entry.output_cap),
        stream: sink.map(|sink| LineStream::new(sink, entry.output_cap)),
    }));
    let mut readers = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        readers.push(tokio::spawn(read_into(stdout, output.clone())));
    }
    if let Some(stderr) = child.stderr.take() {
        readers.push(tokio::spawn(read_into(stderr, output.clone())));
    }
    let (status, timed_out) = match tokio::time::timeout(entry.timeout, child.wait()).await {
        Ok(status) => (
            status.map_err(|e| format!("waiting for command {:?}: {e}", entry.name))?,
            false,
        ),
        Err(_) => {
            tracing::warn!(command = %entry.name, timeout_seconds = entry.timeout.as_secs(),
                "command timed out; stopping its process group");
            if let Some(pgid) = pid {
                let _ = kill_process_group(pgid, Signal::TERM);
            }
            let status = match tokio::time::timeout(TERM_GRACE, child.wait()).await {
                Ok(status) => status,
                Err(_) => {
                    if let Some(pgid) = pid {
                        let _ = kill_process_group(pgid, Signal::KILL);
                    }
                    child.wait().await
                }
            }
            .map_err(|e| format!("waiting for command {:?}: {e}", entry.name))?;
            (status, true)
        }
    };
    let duration = started.elapsed();
    // Whatever the command left running in its group ends with it.
    if let Some(pgid) = pid {
        let _ = kill_process_group(pgid, Signal::KILL);
    }
    guard.disarm();
    let drain = futures_util::future::join_all(readers);
    let _ = tokio::time::timeout(DRAIN_AFTER_EXIT, drain).await;
    let output = {
        let mut shared = output.lock().unwrap_or_else(|e| e.into_inner());
        // Dropped here, so the stream's receiver ends even if a reader is still blocked.
        if let Some(mut stream) = shared.stream.take() {
            stream.finish();
        }
        std::mem::replace(&mut shared.output, CappedOutput::new(0))
    };
    Ok(CommandResult {
        name: entry.name.clone(),
        exit_code: status.code(),
        signal: status.signal(),
        timed_out,
        duration_ms: u64::try_from(duration.as_millis()).unwrap_or(u64::MAX),
        output_bytes: output.total(),
        truncated: output.truncated(),
        output: output.into_text(),
    })
}

/// Reads a pipe to its end into the shared output.
async fn read_into(mut pipe: impl AsyncRead + Unpin, output: Arc<Mutex<Shared>>) {
    let mut buffer = vec![0u8; 64 * 1024];
    loop {
        match pipe.read(&mut buffer).await {
            Ok(0) | Err(_) => return,
            Ok(n) => {
                let mut shared = output.lock().unwrap_or_else(|e| e.into_inner());
                shared.output.push(&buffer[..n]);
                if let Some(stream) = shared.stream.as_mut() {
                    stream.push(&buffer[..n]);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::catalog::DEFAULT_OUTPUT_CAP;
    use std::path::PathBuf;

    fn entry(path: &str, args: &[&str], timeout: Duration, cap: usize) -> CommandEntry {
        CommandEntry {
            name: "test".into(),
            path: PathBuf::from(path),
            fixed_args: args.iter().map(|a| a.to_string()).collect(),
            slots: Vec::new(),
            timeout,
            output_cap: cap,
            run_as: None,
            user: None,
            env: Vec::new(),
        }
    }

    /// Polls until the process is gone (or a zombie nobody reaps), for at most ten seconds.
    async fn gone(pid: &str) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
            if status.is_empty() || status.contains("State:\tZ") {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    }

    #[tokio::test]
    async fn a_command_runs_without_a_shell_in_a_cleared_environment() {
        let e = entry(
            "/usr/bin/env",
            &[],
            Duration::from_secs(10),
            DEFAULT_OUTPUT_CAP,
        );
        let r = run(&e, &[], None).await.unwrap();
        assert_eq!(r.exit_code, Some(0));
        assert_eq!(r.output.trim(), format!("PATH={DEFAULT_PATH}"));
        let e = entry(
            "/bin/echo",
            &["$HOME", ";"],
            Duration::from_secs(10),
            DEFAULT_OUTPUT_CAP,
        );
        let r = run(&e, &["`id`".to_string()], None).await.unwrap();
        assert_eq!(
            r.output, "$HOME ; `id`\n",
            "arguments reach the program verbatim"
        );
        let missing = entry("/no/such/program", &[], Duration::from_secs(1), 1024);
        assert!(
            run(&missing, &[], None)
                .await
                .unwrap_err()
                .contains("could not start")
        );
    }

    #[tokio::test]
    async fn exit_codes_and_stderr_are_kept() {
        let e = entry(
            "/bin/sh",
            &["-c", "echo out; echo err >&2; exit 3"],
            Duration::from_secs(10),
            4096,
        );
        let r = run(&e, &[], None).await.unwrap();
        assert_eq!(r.exit_code, Some(3));
        assert!(!r.succeeded());
        assert!(
            r.output.contains("out\n") && r.output.contains("err\n"),
            "{}",
            r.output
        );
    }

    #[tokio::test]
    async fn a_timeout_kills_the_whole_group_grandchildren_included() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        let script = format!("sleep 300 & echo $! > {}; wait", pid_file.display());
        let e = entry("/bin/sh", &["-c", &script], Duration::from_secs(1), 4096);
        let r = run(&e, &[], None).await.unwrap();
        assert!(r.timed_out);
        assert_eq!(r.outcome(), "timed out");
        assert!(r.signal.is_some(), "{r:?}");
        let grandchild = std::fs::read_to_string(&pid_file).unwrap();
        assert!(
            gone(grandchild.trim()).await,
            "the grandchild outlived the timeout"
        );
    }

    #[tokio::test]
    async fn dropping_the_run_stops_the_group() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        let script = format!("sleep 300 & echo $! > {}; wait", pid_file.display());
        let e = entry("/bin/sh", &["-c", &script], Duration::from_secs(300), 4096);
        let running = tokio::spawn(async move { run(&e, &[], None).await });
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::fs::read_to_string(&pid_file).map_or(true, |p| p.trim().is_empty()) {
            assert!(Instant::now() < deadline, "the command never started");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        running.abort();
        let grandchild = std::fs::read_to_string(&pid_file).unwrap();
        assert!(
            gone(grandchild.trim()).await,
            "the grandchild outlived the cancel"
        );
    }

    #[tokio::test]
    async fn a_flood_is_capped_with_head_and_tail() {
        let e = entry(
            "/bin/sh",
            &[
                "-c",
                "echo BEGIN; head -c 10485760 /dev/zero | tr '\\0' a; echo; echo END",
            ],
            Duration::from_secs(60),
            DEFAULT_OUTPUT_CAP,
        );
        let r = run(&e, &[], None).await.unwrap();
        assert_eq!(r.exit_code, Some(0));
        assert!(r.truncated);
        assert_eq!(r.output_bytes, 6 + 10_485_760 + 1 + 4);
        assert!(r.output.starts_with("BEGIN\naaaa"));
        assert!(r.output.ends_with("aaaa\nEND\n"));
        assert!(
            r.output.len() < DEFAULT_OUTPUT_CAP + 200,
            "{}",
            r.output.len()
        );
    }
}
