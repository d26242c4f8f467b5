//! The real binaries as child processes: a dev PKI made by `cbctl certs init`, a controller on its
//! embedded PostgreSQL, agents, and `cbctl` itself. Children are stopped (SIGTERM, then SIGKILL)
//! when their guard drops.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::{wait_for, workspace_root};

/// Path of a workspace binary in the target directory the tests were built into. The README's
/// test command builds them first (`cargo build --workspace --bins`).
pub fn binary(name: &str) -> PathBuf {
    // Test executables live in target/<profile>/deps; binaries one level up.
    let from_exe = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent()?.parent().map(|dir| dir.join(name)));
    let candidate = from_exe.unwrap_or_else(|| workspace_root().join("target/debug").join(name));
    assert!(
        candidate.is_file(),
        "{} is missing: build the binaries first (cargo build --workspace --bins)",
        candidate.display()
    );
    candidate
}

/// A development PKI in a directory of its own.
pub struct Pki {
    /// Where the PEM files are.
    pub dir: PathBuf,
}

impl Pki {
    /// Makes a CA, a controller certificate and one certificate per agent name under `dir`.
    pub fn init(dir: &Path, agents: &[&str]) -> Pki {
        let mut command = Command::new(binary("cbctl"));
        command.args(["certs", "init", "--dir"]).arg(dir);
        for agent in agents {
            command.args(["--agent", agent]);
        }
        let output = command.output().expect("cbctl runs");
        assert!(
            output.status.success(),
            "cbctl certs init failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        Pki {
            dir: dir.to_path_buf(),
        }
    }

    /// The CA certificate.
    pub fn ca(&self) -> PathBuf {
        self.dir.join("ca.pem")
    }

    /// An agent's (certificate, key).
    pub fn agent(&self, name: &str) -> (PathBuf, PathBuf) {
        (
            self.dir.join(format!("agent-{name}.pem")),
            self.dir.join(format!("agent-{name}.key")),
        )
    }
}

/// A child process stopped on drop. Its output goes to a log file kept for failure messages.
pub struct ChildGuard {
    child: Child,
    /// Where stdout and stderr go.
    pub log: PathBuf,
}

impl ChildGuard {
    /// Spawns `command`, sending its output to `log`.
    pub fn spawn(mut command: Command, log: PathBuf) -> ChildGuard {
        let file = std::fs::File::create(&log).expect("log file");
        let err = file.try_clone().expect("log file");
        command
            .stdout(Stdio::from(file))
            .stderr(Stdio::from(err))
            .stdin(Stdio::null());
        let child = command.spawn().expect("the binary starts");
        ChildGuard { child, log }
    }

    /// The log so far.
    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Sends SIGTERM and waits up to `grace` for the exit, then kills. Returns whether it exited by
    /// itself.
    pub fn terminate(&mut self, grace: Duration) -> bool {
        if matches!(self.child.try_wait(), Ok(Some(_))) {
            return true;
        }
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let started = Instant::now();
        while started.elapsed() < grace {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        false
    }
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        self.terminate(Duration::from_secs(15));
    }
}

/// A controller on its embedded PostgreSQL, listening on ports the OS chose.
pub struct ControllerProcess {
    /// The process.
    pub process: ChildGuard,
    /// Its state directory.
    pub state_dir: PathBuf,
    /// The API address.
    pub api: SocketAddr,
    /// The agent-link address.
    pub agents: SocketAddr,
}

impl ControllerProcess {
    /// Starts the controller with `pki` and waits until it listens.
    pub fn start(dir: &Path, pki: &Pki) -> ControllerProcess {
        let state_dir = dir.join("controller");
        let mut command = Command::new(binary("cyberbrain-controller"));
        command
            .arg("--state-dir")
            .arg(&state_dir)
            .args([
                "--api-listen",
                "127.0.0.1:0",
                "--agent-listen",
                "127.0.0.1:0",
                "--log-format",
                "json",
            ])
            .args(["--heartbeat-seconds", "2"])
            .arg("--tls-cert")
            .arg(pki.dir.join("controller.pem"))
            .arg("--tls-key")
            .arg(pki.dir.join("controller.key"))
            .arg("--ca-cert")
            .arg(pki.ca())
            .env("RUST_LOG", "info");
        let process = ChildGuard::spawn(command, dir.join("controller.log"));
        let endpoints = state_dir.join("endpoints.json");
        wait_for("the controller's endpoints file", || endpoints.is_file());
        let text = std::fs::read_to_string(&endpoints).expect("endpoints file");
        let json: serde_json::Value = serde_json::from_str(&text).expect("endpoints json");
        let addr = |key: &str| -> SocketAddr {
            json[key]
                .as_str()
                .and_then(|s| s.parse().ok())
                .expect("an address in endpoints.json")
        };
        ControllerProcess {
            api: addr("api"),
            agents: addr("agents"),
            process,
            state_dir,
        }
    }

    /// The embedded cluster's connection string (root may use its owner-only socket directory).
    pub fn database_url(&self) -> String {
        format!(
            "host={} port=5432 user=cyberbrain dbname=cyberbrain",
            self.state_dir.join("postgres/run").display()
        )
    }
}

/// An agent process.
pub struct AgentProcess {
    /// The process.
    pub process: ChildGuard,
}

impl AgentProcess {
    /// Starts agent `name` (its certificate from `pki`) against `controller`, with extra flags.
    pub fn start(
        dir: &Path,
        pki: &Pki,
        name: &str,
        controller: &ControllerProcess,
        extra: &[&str],
    ) -> AgentProcess {
        Self::start_with_env(dir, pki, name, controller, extra, &[])
    }

    /// Like [`AgentProcess::start`], with extra environment variables (the stand-in NVML's
    /// switches, say).
    pub fn start_with_env(
        dir: &Path,
        pki: &Pki,
        name: &str,
        controller: &ControllerProcess,
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> AgentProcess {
        let (cert, key) = pki.agent(name);
        let mut command = Command::new(binary("cyberbrain-agent"));
        command
            .arg("--controller")
            .arg(format!("https://{}", controller.agents))
            .arg("--cert")
            .arg(cert)
            .arg("--key")
            .arg(key)
            .arg("--ca-cert")
            .arg(pki.ca())
            .args([
                "--hostname",
                &format!("host-{name}"),
                "--log-format",
                "json",
            ])
            .args(extra)
            .envs(env.iter().copied())
            .env("RUST_LOG", "info");
        AgentProcess {
            process: ChildGuard::spawn(command, dir.join(format!("agent-{name}.log"))),
        }
    }
}

/// Runs `cbctl` against `controller` with `args`; returns its output.
pub fn cbctl(pki: &Pki, controller: &ControllerProcess, args: &[&str]) -> Output {
    Command::new(binary("cbctl"))
        .arg("--server")
        .arg(format!("https://{}", controller.api))
        .arg("--ca-cert")
        .arg(pki.ca())
        .args(args)
        .env_remove("USER")
        .output()
        .expect("cbctl runs")
}

/// Runs `cbctl` and returns its stdout, failing the test when it fails.
pub fn cbctl_ok(pki: &Pki, controller: &ControllerProcess, args: &[&str]) -> String {
    let output = cbctl(pki, controller, args);
    assert!(
        output.status.success(),
        "cbctl {args:?} failed ({}): {}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).to_string()
}
