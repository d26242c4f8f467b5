//! The real binaries as child processes: a dev PKI made by `cbctl certs init`, a controller on its
//! embedded PostgreSQL, agents, and `cbctl` itself. Children are stopped (SIGTERM, then SIGKILL)
//! when their guard drops.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::workspace_root;

/// Path of a workspace binary in the target directory the tests were built into. The README's
/// test command builds them first (`cargo build --workspace --all-targets`). `CYBERBRAIN_TEST_BIN_DIR`
/// names another directory, so that a benchmark can run the release binaries.
pub fn binary(name: &str) -> PathBuf {
    if let Some(dir) = std::env::var_os("CYBERBRAIN_TEST_BIN_DIR") {
        let candidate = PathBuf::from(dir).join(name);
        assert!(candidate.is_file(), "{} is missing", candidate.display());
        return candidate;
    }
    // Test executables live in target/<profile>/deps; binaries one level up.
    let from_exe = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent()?.parent().map(|dir| dir.join(name)));
    let candidate = from_exe.unwrap_or_else(|| workspace_root().join("target/debug").join(name));
    assert!(
        candidate.is_file(),
        "{} is missing: build the binaries first (cargo build --workspace --all-targets)",
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
        Pki::init_for_hosts(dir, agents, &[])
    }

    /// Like [`Pki::init`], with extra names for the controller certificate (a container name,
    /// say) besides localhost and the loopback addresses.
    pub fn init_for_hosts(dir: &Path, agents: &[&str], controller_hosts: &[&str]) -> Pki {
        let mut command = Command::new(binary("cbctl"));
        command.args(["certs", "init", "--dir"]).arg(dir);
        for agent in agents {
            command.args(["--agent", agent]);
        }
        for host in controller_hosts {
            command.args(["--controller-host", host]);
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

    /// The process id.
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Whether the process has exited.
    pub fn exited(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(Some(_)))
    }

    /// The exit code, once exited.
    pub fn exit_code(&mut self) -> Option<i32> {
        self.child.try_wait().ok().flatten().and_then(|s| s.code())
    }

    /// Kills the process with SIGKILL and reaps it.
    pub fn kill9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
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

/// A free port on loopback (bound, then released: good enough for tests that must restart a
/// process on the same address).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// How to start a controller.
#[derive(Debug, Clone, Default)]
pub struct ControllerOptions {
    /// Use this database instead of the embedded one.
    pub database_url: Option<String>,
    /// Fixed ports (API, agents), so that a restart listens where agents expect it; OS-chosen
    /// ports when `None`.
    pub ports: Option<(u16, u16)>,
    /// A name for the log file and state directory, to run several in one test.
    pub name: Option<String>,
    /// More flags.
    pub extra: Vec<String>,
    /// `RUST_LOG` for the controller [default: info].
    pub rust_log: Option<String>,
    /// Let the controller make and manage its own CA and server certificate under its state
    /// directory instead of using the test PKI's files.
    pub managed_pki: bool,
    /// `--http-listen` [default: `127.0.0.1:0`, a port the OS chooses]; `Some("")` turns it off.
    pub http_listen: Option<String>,
    /// More environment variables (for instance `OTEL_EXPORTER_OTLP_ENDPOINT`).
    pub env: Vec<(String, String)>,
    /// `--heartbeat-seconds` [default: 1].
    pub heartbeat_seconds: Option<u32>,
    /// `--web-listen` [default: `127.0.0.1:0`, a port the OS chooses]; `Some("")` turns it off.
    pub web_listen: Option<String>,
}

/// A controller, by default on its embedded PostgreSQL, listening on ports the OS chose.
pub struct ControllerProcess {
    /// The process.
    pub process: ChildGuard,
    /// Its state directory.
    pub state_dir: PathBuf,
    /// The API address.
    pub api: SocketAddr,
    /// The agent-link address.
    pub agents: SocketAddr,
    /// The metrics and probes address, when the endpoint is on.
    pub http: Option<SocketAddr>,
    /// The web console's address, when it is on.
    pub web: Option<SocketAddr>,
    dir: PathBuf,
    pki_dir: PathBuf,
    options: ControllerOptions,
    starts: u32,
    admin_token_file: Option<PathBuf>,
}

impl ControllerProcess {
    /// Starts the controller with `pki` and waits until it listens.
    pub fn start(dir: &Path, pki: &Pki) -> ControllerProcess {
        ControllerProcess::start_with(dir, pki, ControllerOptions::default())
    }

    /// Starts the controller with options and waits until it listens.
    pub fn start_with(dir: &Path, pki: &Pki, options: ControllerOptions) -> ControllerProcess {
        let name = options.name.clone().unwrap_or_else(|| "controller".into());
        let state_dir = dir.join(&name);
        let (process, api, agents, http, web) =
            spawn_controller(dir, &pki.dir, &state_dir, &options, 1);
        ControllerProcess {
            process,
            state_dir,
            api,
            agents,
            http,
            web,
            dir: dir.to_path_buf(),
            pki_dir: pki.dir.clone(),
            options,
            starts: 1,
            admin_token_file: None,
        }
    }

    /// Starts two replicas, `one` and `two`, on the database at `database_url`; `two` uses the
    /// bootstrap admin token that `one` wrote.
    pub fn start_two_replicas(
        dir: &Path,
        pki: &Pki,
        database_url: &str,
    ) -> (ControllerProcess, ControllerProcess) {
        let replica = |name: &str| ControllerOptions {
            database_url: Some(database_url.to_string()),
            name: Some(name.into()),
            ..Default::default()
        };
        let one = ControllerProcess::start_with(dir, pki, replica("one"));
        let mut two = ControllerProcess::start_with(dir, pki, replica("two"));
        two.use_admin_token_of(&one);
        (one, two)
    }

    /// Kills the controller with SIGKILL: no goodbye, no drain, no cleanup (its embedded
    /// PostgreSQL keeps running and is reused by `restart`).
    pub fn kill9(&mut self) {
        self.process.kill9();
    }

    /// Starts the controller again on the same state directory and ports.
    pub fn restart(&mut self) {
        self.starts += 1;
        let mut options = self.options.clone();
        options.ports = Some((self.api.port(), self.agents.port()));
        let (process, api, agents, http, web) = spawn_controller(
            &self.dir,
            &self.pki_dir,
            &self.state_dir,
            &options,
            self.starts,
        );
        // The old process is gone; replacing the guard drops it.
        self.process = process;
        self.api = api;
        self.agents = agents;
        self.http = http;
        self.web = web;
    }

    /// The bootstrap admin token the controller wrote on first start (waits for the file).
    pub fn admin_token(&self) -> String {
        let path = self.admin_token_path();
        crate::wait_for_or(
            "the bootstrap admin token file",
            || path.is_file(),
            || self.process.log_text(),
        );
        std::fs::read_to_string(&path)
            .expect("admin token file")
            .trim()
            .to_string()
    }

    /// Where the controller writes its bootstrap admin token (or another replica's, see
    /// [`ControllerProcess::use_admin_token_of`]).
    pub fn admin_token_path(&self) -> PathBuf {
        self.admin_token_file
            .clone()
            .unwrap_or_else(|| self.state_dir.join("admin.token"))
    }

    /// Uses the bootstrap token of `other`, a replica on the same database: only the first
    /// replica to start writes one.
    pub fn use_admin_token_of(&mut self, other: &ControllerProcess) {
        self.admin_token_file = Some(other.admin_token_path());
    }

    /// The embedded cluster's connection string (root may use its owner-only socket directory),
    /// wherever the cluster lives (see `pg_cluster`: outside the state directory when the
    /// `postgres` user cannot reach it).
    pub fn database_url(&self) -> String {
        self.options.database_url.clone().unwrap_or_else(|| {
            let socket_dir =
                cyberbrain_store::pg_cluster::socket_dir(&self.state_dir.join("postgres"))
                    .expect("a readable cluster location");
            format!(
                "host={} port=5432 user=cyberbrain dbname=cyberbrain",
                socket_dir.display()
            )
        })
    }
}

fn spawn_controller(
    dir: &Path,
    pki_dir: &Path,
    state_dir: &Path,
    options: &ControllerOptions,
    start: u32,
) -> (
    ChildGuard,
    SocketAddr,
    SocketAddr,
    Option<SocketAddr>,
    Option<SocketAddr>,
) {
    let (api, agents) = match options.ports {
        Some((api, agents)) => (format!("127.0.0.1:{api}"), format!("127.0.0.1:{agents}")),
        None => ("127.0.0.1:0".to_string(), "127.0.0.1:0".to_string()),
    };
    let mut command = Command::new(binary("cyberbrain-controller"));
    command
        .arg("--state-dir")
        .arg(state_dir)
        .args([
            "--api-listen",
            &api,
            "--agent-listen",
            &agents,
            "--log-format",
            "json",
        ])
        .args([
            "--heartbeat-seconds",
            &options.heartbeat_seconds.unwrap_or(1).to_string(),
        ])
        .args([
            "--http-listen",
            options.http_listen.as_deref().unwrap_or("127.0.0.1:0"),
        ])
        .args([
            "--web-listen",
            options.web_listen.as_deref().unwrap_or("127.0.0.1:0"),
        ])
        .args(&options.extra)
        .env("RUST_LOG", options.rust_log.as_deref().unwrap_or("info"))
        .envs(options.env.iter().map(|(k, v)| (k, v)));
    if let Some(url) = &options.database_url {
        command.args(["--database-url", url]);
    }
    if !options.managed_pki {
        command
            .arg("--tls-cert")
            .arg(pki_dir.join("controller.pem"))
            .arg("--tls-key")
            .arg(pki_dir.join("controller.key"))
            .arg("--ca-cert")
            .arg(pki_dir.join("ca.pem"));
    }
    let name = options.name.clone().unwrap_or_else(|| "controller".into());
    let endpoints = state_dir.join("endpoints.json");
    let _ = std::fs::remove_file(&endpoints);
    let process = ChildGuard::spawn(command, dir.join(format!("{name}-{start}.log")));
    crate::wait_for_or(
        "the controller's endpoints file",
        || endpoints.is_file(),
        || process.log_text(),
    );
    let text = std::fs::read_to_string(&endpoints).expect("endpoints file");
    let json: serde_json::Value = serde_json::from_str(&text).expect("endpoints json");
    let addr = |key: &str| -> SocketAddr {
        json[key]
            .as_str()
            .and_then(|s| s.parse().ok())
            .expect("an address in endpoints.json")
    };
    let http = json["http"].as_str().and_then(|s| s.parse().ok());
    let web = json["web"].as_str().and_then(|s| s.parse().ok());
    (process, addr("api"), addr("agents"), http, web)
}

/// An agent process.
pub struct AgentProcess {
    /// The process.
    pub process: ChildGuard,
    /// Its state directory, where it writes `endpoints.json`.
    pub state_dir: PathBuf,
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
        let address = format!("https://{}", controller.agents);
        AgentProcess::start_with(dir, pki, name, &[address.as_str()], extra, &[])
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
        let address = format!("https://{}", controller.agents);
        AgentProcess::start_with(dir, pki, name, &[address.as_str()], extra, env)
    }

    /// Starts agent `name` against the given controller addresses (tried in turn), with extra
    /// flags and environment variables.
    pub fn start_with(
        dir: &Path,
        pki: &Pki,
        name: &str,
        controllers: &[&str],
        extra: &[&str],
        env: &[(&str, &str)],
    ) -> AgentProcess {
        let (cert, key) = pki.agent(name);
        let log = unique_log(dir, &format!("agent-{name}"));
        let state_dir = log.with_extension("state");
        let mut command = Command::new(binary("cyberbrain-agent"));
        command
            .arg("--controller")
            .arg(controllers.join(","))
            .arg("--state-dir")
            .arg(&state_dir)
            .args(["--http-listen", "127.0.0.1:0"])
            .arg("--cert")
            .arg(cert)
            .arg("--key")
            .arg(key)
            .arg("--ca-cert")
            .arg(pki.ca())
            .args(["--log-format", "json"])
            .args(extra)
            .env("RUST_LOG", "info");
        if !extra.contains(&"--hostname") {
            command.args(["--hostname", &format!("host-{name}")]);
        }
        for (k, v) in env {
            command.env(k, v);
        }
        AgentProcess {
            process: ChildGuard::spawn(command, log),
            state_dir,
        }
    }
}

impl AgentProcess {
    /// Starts agent `name` with no certificate: it enrolls with `join_token`, trusting `ca` (or,
    /// when `None`, what `extra` says, e.g. `--ca-fingerprint`), and keeps its identity in
    /// `state_dir`.
    pub fn enroll(
        dir: &Path,
        ca: Option<&Path>,
        name: &str,
        controller: &ControllerProcess,
        join_token: &str,
        state_dir: &Path,
        extra: &[&str],
    ) -> AgentProcess {
        let mut command = Command::new(binary("cyberbrain-agent"));
        command
            .arg("--controller")
            .arg(format!("https://{}", controller.agents))
            .arg("--state-dir")
            .arg(state_dir)
            .args(["--name", name, "--hostname", &format!("host-{name}")])
            .args(["--log-format", "json", "--http-listen", "127.0.0.1:0"])
            .args(extra)
            // Through the environment, as a deployment would pass it: not on the command line.
            .env("CYBERBRAIN_JOIN_TOKEN", join_token)
            .env("RUST_LOG", "info");
        if let Some(ca) = ca {
            command.arg("--ca-cert").arg(ca);
        }
        let log = unique_log(dir, &format!("agent-{name}"));
        let _ = std::fs::remove_file(state_dir.join("endpoints.json"));
        AgentProcess {
            process: ChildGuard::spawn(command, log),
            state_dir: state_dir.to_path_buf(),
        }
    }

    /// The address of the agent's metrics and probes endpoint (waits for its endpoints file).
    pub fn http(&self) -> SocketAddr {
        let endpoints = self.state_dir.join("endpoints.json");
        crate::wait_for_or(
            "the agent's endpoints file",
            || endpoints.is_file(),
            || self.process.log_text(),
        );
        let text = std::fs::read_to_string(&endpoints).expect("endpoints file");
        let json: serde_json::Value = serde_json::from_str(&text).expect("endpoints json");
        json["http"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .expect("an http address in the agent's endpoints.json")
    }
}

/// `dir/<stem>.log`, or `<stem>-2.log`, … when a process of that name ran before in this test.
fn unique_log(dir: &Path, stem: &str) -> PathBuf {
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.log")
        } else {
            format!("{stem}-{n}.log")
        };
        let path = dir.join(name);
        if !path.exists() {
            return path;
        }
        n += 1;
    }
}

/// Runs `cbctl` against `controller` with `args`, as the bootstrap admin; returns its output.
pub fn cbctl(pki: &Pki, controller: &ControllerProcess, args: &[&str]) -> Output {
    // Wait for the file the controller writes on first start, so the token flag can read it.
    let _ = controller.admin_token();
    cbctl_with_token_file(pki, controller, &controller.admin_token_path(), args)
}

/// Runs `cbctl` against `controller` with the token in `token_file`. The user's config file and
/// token variables are kept out, so the test sees only what it passes.
pub fn cbctl_with_token_file(
    pki: &Pki,
    controller: &ControllerProcess,
    token_file: &Path,
    args: &[&str],
) -> Output {
    cbctl_command(pki, controller, token_file, args)
        .output()
        .expect("cbctl runs")
}

/// Runs `cbctl` as [`cbctl`] does, with these environment variables too (`BROWSER`, `TMPDIR`).
pub fn cbctl_with_env(
    pki: &Pki,
    controller: &ControllerProcess,
    args: &[&str],
    env: &[(&str, &Path)],
) -> Output {
    let _ = controller.admin_token();
    let mut command = cbctl_command(pki, controller, &controller.admin_token_path(), args);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("cbctl runs")
}

fn cbctl_command(
    pki: &Pki,
    controller: &ControllerProcess,
    token_file: &Path,
    args: &[&str],
) -> Command {
    let mut command = Command::new(binary("cbctl"));
    command
        .arg("--server")
        .arg(format!("https://{}", controller.api))
        .arg("--ca-cert")
        .arg(pki.ca())
        .arg("--token-file")
        .arg(token_file)
        .args(args)
        .env_remove("USER")
        .env_remove("CYBERBRAIN_TOKEN")
        .env_remove("CYBERBRAIN_CONTEXT")
        .env(
            "CYBERBRAIN_CONFIG",
            "/nonexistent/cyberbrain-test-config.toml",
        );
    command
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
