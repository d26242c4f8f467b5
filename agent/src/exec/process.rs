//! Runs one admitted command: no shell, a cleared environment, `/` as working directory, stdin
//! closed, its own process group, the entry's user. When it ends, times out or is cancelled
//! (its future dropped), the whole group is stopped: SIGTERM, then SIGKILL, before the leader is
//! reaped.

use std::os::unix::process::ExitStatusExt;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cyberbrain_tasks::CommandResult;
use rustix::process::{Pid, Signal, WaitId, WaitIdOptions, kill_process_group, waitid};
use tokio::io::{AsyncRead, AsyncReadExt};
use tokio::sync::watch;

use super::catalog::{CommandEntry, DEFAULT_PATH};
use super::output::{CappedOutput, LineStream, OutputSink, PipeLines};

/// What both pipes' readers write into.
struct Shared {
    output: CappedOutput,
    stream: Option<LineStream>,
}

/// How long a process group has between SIGTERM and SIGKILL.
pub const TERM_GRACE: Duration = Duration::from_secs(2);
/// How long the pipes are read after the command exited and its group was killed: a process
/// that left the group (`setsid`) may hold them open. Then the readers are stopped and the pipes
/// closed; such a process is not contained (a per-job cgroup would be).
const DRAIN_AFTER_EXIT: Duration = Duration::from_secs(2);
/// How often the leader's exit is checked if no thread could be started to wait for it.
const EXIT_POLL: Duration = Duration::from_millis(50);

/// The command's first process, watched without being reaped: while it is an unreaped zombie its
/// process group id cannot be reused, so signalling the group cannot hit an unrelated process.
struct Leader {
    pid: Pid,
    /// Turns true once the process exited; `None` if no waiting thread could be started.
    exited: Option<watch::Receiver<bool>>,
}

impl Leader {
    /// Watches `pid` from a thread blocked in `waitid(WNOWAIT)`. A plain thread, not the runtime's
    /// blocking pool: it must not hold up the runtime's shutdown, and it ends when the process
    /// does (which the group guard sees to).
    fn new(pid: Pid) -> Leader {
        let (exited_tx, exited) = watch::channel(false);
        let started = std::thread::Builder::new()
            .name("command-leader".into())
            .spawn(move || {
                let _ = waitid(
                    WaitId::Pid(pid),
                    WaitIdOptions::EXITED | WaitIdOptions::NOWAIT,
                );
                let _ = exited_tx.send(true);
            })
            .is_ok();
        Leader {
            pid,
            exited: started.then_some(exited),
        }
    }

    /// Returns once the leader exited, leaving it unreaped.
    async fn exited(&self) {
        if let Some(exited) = &self.exited {
            let _ = exited.clone().wait_for(|done| *done).await;
            return;
        }
        loop {
            match waitid(
                WaitId::Pid(self.pid),
                WaitIdOptions::EXITED | WaitIdOptions::NOWAIT | WaitIdOptions::NOHANG,
            ) {
                Ok(None) => tokio::time::sleep(EXIT_POLL).await,
                // Exited, or not ours to wait for any more.
                Ok(Some(_)) | Err(_) => return,
            }
        }
    }

    /// SIGTERM to the group, SIGKILL after [`TERM_GRACE`] unless the leader exited; then SIGKILL
    /// to whatever is left of the group, still before the leader is reaped.
    async fn stop_group(&self) {
        let _ = kill_process_group(self.pid, Signal::TERM);
        let _ = tokio::time::timeout(TERM_GRACE, self.exited()).await;
        self.kill_group();
    }

    fn kill_group(&self) {
        // ESRCH: the group is gone already.
        let _ = kill_process_group(self.pid, Signal::KILL);
    }
}

/// Stops the process group when dropped (a cancel, the job's deadline): it owns the unreaped
/// child and reaps it only after the group was killed.
struct GroupGuard {
    running: Option<(Leader, tokio::process::Child)>,
}

impl Drop for GroupGuard {
    fn drop(&mut self) {
        let Some((leader, mut child)) = self.running.take() else {
            return;
        };
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(async move {
                    leader.stop_group().await;
                    let _ = child.wait().await;
                });
            }
            Err(_) => {
                // No runtime to wait in: kill at once; the child's kill-on-drop reaps it later.
                leader.kill_group();
            }
        }
    }
}

/// The pipe readers' tasks, aborted when dropped: a cancelled or finished command's pipes are
/// not read on (a daemonised process may hold them open for ever).
struct Readers(Vec<tokio::task::JoinHandle<()>>);

impl Drop for Readers {
    fn drop(&mut self) {
        for reader in &self.0 {
            reader.abort();
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
        .and_then(Pid::from_raw)
        .ok_or_else(|| format!("command {:?} started without a process id", entry.name))?;
    let output = Arc::new(Mutex::new(Shared {
        output: CappedOutput::new(entry.output_cap),
        stream: sink.map(|sink| LineStream::new(sink, entry.output_cap)),
    }));
    let mut readers = Readers(Vec::new());
    if let Some(stdout) = child.stdout.take() {
        readers
            .0
            .push(tokio::spawn(read_into(stdout, output.clone())));
    }
    if let Some(stderr) = child.stderr.take() {
        readers
            .0
            .push(tokio::spawn(read_into(stderr, output.clone())));
    }
    let mut guard = GroupGuard {
        running: Some((Leader::new(pid), child)),
    };
    let timed_out = {
        let Some((leader, _)) = guard.running.as_ref() else {
            return Err("internal: the command's guard is empty".into());
        };
        let timed_out = tokio::time::timeout(entry.timeout, leader.exited())
            .await
            .is_err();
        if timed_out {
            tracing::warn!(command = %entry.name, timeout_seconds = entry.timeout.as_secs(),
                "command timed out; stopping its process group");
            leader.stop_group().await;
        } else {
            // Whatever the command left running in its group ends with it.
            leader.kill_group();
        }
        timed_out
    };
    let duration = started.elapsed();
    // The group is killed: only now is the leader reaped.
    let Some((_, mut child)) = guard.running.take() else {
        return Err("internal: the command's guard is empty".into());
    };
    let status = child
        .wait()
        .await
        .map_err(|e| format!("waiting for command {:?}: {e}", entry.name))?;
    let drain = futures_util::future::join_all(readers.0.iter_mut());
    let _ = tokio::time::timeout(DRAIN_AFTER_EXIT, drain).await;
    drop(readers);
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

/// Reads a pipe to its end into the shared output, whole lines at a time.
async fn read_into(mut pipe: impl AsyncRead + Unpin, output: Arc<Mutex<Shared>>) {
    let mut buffer = vec![0u8; 64 * 1024];
    let mut lines = PipeLines::default();
    loop {
        let (bytes, ended) = match pipe.read(&mut buffer).await {
            Ok(0) | Err(_) => (lines.finish(), true),
            Ok(n) => (lines.push(&buffer[..n]), false),
        };
        if !bytes.is_empty() {
            let mut shared = output.lock().unwrap_or_else(|e| e.into_inner());
            shared.output.push(&bytes);
            if let Some(stream) = shared.stream.as_mut() {
                stream.push(&bytes);
            }
        }
        if ended {
            return;
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
            allow_options: false,
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

    /// A command whose daemon leaves the group (`setsid`) holding the pipes and writing on.
    fn daemonising(pid_file: &std::path::Path) -> String {
        format!(
            "setsid sh -c 'echo $$ > {}; while :; do echo tick; sleep 0.1; done' & \
             while [ ! -s {} ]; do sleep 0.05; done; echo started",
            pid_file.display(),
            pid_file.display()
        )
    }

    #[tokio::test]
    async fn pipes_held_by_a_daemon_are_closed_shortly_after_the_command_ends() {
        let dir = tempfile::tempdir().unwrap();
        let pid_file = dir.path().join("pid");
        let e = entry(
            "/bin/sh",
            &["-c", &daemonising(&pid_file)],
            Duration::from_secs(30),
            4096,
        );
        let began = Instant::now();
        let r = run(&e, &[], None).await.unwrap();
        assert!(
            began.elapsed() < Duration::from_secs(10),
            "{:?}",
            began.elapsed()
        );
        assert_eq!(r.exit_code, Some(0));
        assert!(r.output.contains("started\n"), "{}", r.output);
        // The readers are gone, so the daemon's next write meets a closed pipe (SIGPIPE).
        let daemon = std::fs::read_to_string(&pid_file).unwrap();
        assert!(
            gone(daemon.trim()).await,
            "the daemon still has a reader for its output"
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
        // Cut at line breaks: the 10 MiB line is dropped whole.
        assert!(r.output.starts_with("BEGIN\n[… "), "{}", &r.output[..40]);
        assert!(r.output.ends_with("kept …]\nEND\n"));
        assert!(
            r.output.len() < DEFAULT_OUTPUT_CAP + 200,
            "{}",
            r.output.len()
        );
    }
}
