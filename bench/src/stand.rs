//! The test stand: a working directory, a throwaway PKI, a private PostgreSQL cluster (the
//! controller's own `EmbeddedPostgres`) and the real `cyberbrain-controller` binary as a child
//! process. The bench owns the cluster, so that it can count PostgreSQL's CPU and so that the
//! cluster is stopped even if the controller has to be killed.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use clap::Args;
use cyberbrain_store::pg_cluster::EmbeddedPostgres;

use crate::pki::Pki;

/// How long the controller has to start listening (migrations on a fresh cluster included).
const START_DEADLINE: Duration = Duration::from_secs(60);
/// How long the controller has to exit after SIGTERM (it says goodbye to every agent and drains).
const STOP_GRACE: Duration = Duration::from_secs(60);

/// Options shared by every command: what to run against and how.
#[derive(Debug, Clone, Args)]
pub struct StandArgs {
    /// The controller binary [default: `cyberbrain-controller` beside this binary].
    #[arg(long)]
    pub controller_binary: Option<PathBuf>,

    /// Use this PostgreSQL database (it must be empty or hold only Cyberbrain's schema from an
    /// earlier bench) instead of starting a private cluster. PostgreSQL CPU is then not reported.
    #[arg(long)]
    pub database_url: Option<String>,

    /// Seconds between agent heartbeats (the controller's `--heartbeat-seconds`).
    #[arg(long, default_value_t = 10)]
    pub heartbeat_seconds: u32,

    /// `RUST_LOG` for the controller. `info` (its default) logs a line per job dispatched and
    /// stored, which is part of what it costs in production.
    #[arg(long, default_value = "info")]
    pub controller_log: String,

    /// Agents handshaking at once while the fleet connects.
    #[arg(long, default_value_t = 64)]
    pub connect_concurrency: usize,

    /// Keep the working directory (controller log, PostgreSQL log) and print its path on stderr.
    #[arg(long)]
    pub keep: bool,
}

/// Everything under test, stopped on drop (controller first, then PostgreSQL).
pub struct Stand {
    /// The controller process.
    pub controller: Controller,
    /// The PKI the controller and the agents use.
    pub pki: Pki,
    /// The private cluster, if the bench started one.
    postgres: Option<EmbeddedPostgres>,
    /// The database the controller uses (the `web` command seeds it).
    pub database_url: String,
    /// Removed on drop unless `--keep`.
    dir: tempfile::TempDir,
}

impl Stand {
    /// The controller's state directory (its bootstrap admin token is there).
    pub fn state_dir(&self) -> std::path::PathBuf {
        self.dir.path().join("controller")
    }

    /// Creates the PKI, starts PostgreSQL (unless `--database-url`) and the controller.
    pub async fn start(args: &StandArgs) -> anyhow::Result<Stand> {
        let mut dir = tempfile::Builder::new().prefix("cb-bench-").tempdir()?;
        // The embedded cluster runs as `postgres` when we are root: it must reach its directory.
        std::fs::set_permissions(
            dir.path(),
            std::os::unix::fs::PermissionsExt::from_mode(0o755),
        )?;
        if args.keep {
            dir.disable_cleanup(true);
            eprintln!("keeping {}", dir.path().display());
        }
        let pki = Pki::create(&dir.path().join("pki"))?;
        let (postgres, database_url) = match &args.database_url {
            Some(url) => (None, url.clone()),
            None => {
                let cluster = EmbeddedPostgres::start(&dir.path().join("postgres"), None)
                    .await
                    .context(
                        "starting a private PostgreSQL cluster (are its binaries installed?)",
                    )?;
                let url = cluster.database_url();
                (Some(cluster), url)
            }
        };
        let controller = Controller::start(dir.path(), &pki, &database_url, args).await?;
        Ok(Stand {
            controller,
            pki,
            postgres,
            database_url,
            dir,
        })
    }

    /// The postmaster's pid, when the bench runs the cluster.
    pub fn postgres_pid(&self) -> Option<u32> {
        self.postgres.as_ref()?;
        let pid_file = self.dir.path().join("postgres/data/postmaster.pid");
        std::fs::read_to_string(pid_file)
            .ok()?
            .lines()
            .next()?
            .trim()
            .parse()
            .ok()
    }

    /// Stops the controller, then the cluster.
    pub async fn stop(mut self) {
        self.controller.stop();
        if let Some(cluster) = self.postgres.take()
            && let Err(e) = cluster.stop().await
        {
            eprintln!("warning: could not stop the private PostgreSQL cluster: {e}");
        }
    }
}

impl Drop for Stand {
    fn drop(&mut self) {
        self.controller.stop();
        if let Some(cluster) = self.postgres.take() {
            cluster.stop_blocking();
        }
    }
}

/// The controller as a child process, stopped with SIGTERM (then SIGKILL) on drop.
pub struct Controller {
    child: Child,
    /// Its pid, for `/proc` figures.
    pub pid: u32,
    /// The public API's address.
    pub api: SocketAddr,
    /// The agent link's address.
    pub agents: SocketAddr,
    /// The web console's address.
    pub web: Option<SocketAddr>,
    /// Its stdout and stderr.
    log: PathBuf,
}

impl Controller {
    async fn start(
        dir: &Path,
        pki: &Pki,
        database_url: &str,
        args: &StandArgs,
    ) -> anyhow::Result<Controller> {
        let binary = match &args.controller_binary {
            Some(path) => path.clone(),
            None => sibling_binary("cyberbrain-controller")?,
        };
        let state_dir = dir.join("controller");
        let log = dir.join("controller.log");
        let (cert, key, ca) = pki.controller_files();
        let file = std::fs::File::create(&log)?;
        let child = Command::new(&binary)
            .arg("--state-dir")
            .arg(&state_dir)
            .args(["--database-url", database_url])
            .args([
                "--api-listen",
                "127.0.0.1:0",
                "--agent-listen",
                "127.0.0.1:0",
                // The metrics endpoint on a free port, so a bench never collides with a local
                // controller on the default one.
                "--http-listen",
                "127.0.0.1:0",
                "--web-listen",
                "127.0.0.1:0",
            ])
            .args(["--heartbeat-seconds", &args.heartbeat_seconds.to_string()])
            .args(["--log-format", "json"])
            .arg("--tls-cert")
            .arg(cert)
            .arg("--tls-key")
            .arg(key)
            .arg("--ca-cert")
            .arg(ca)
            .env("RUST_LOG", &args.controller_log)
            .stdin(Stdio::null())
            .stdout(Stdio::from(file.try_clone()?))
            .stderr(Stdio::from(file))
            .spawn()
            .with_context(|| format!("starting {}", binary.display()))?;
        let pid = child.id();
        let mut controller = Controller {
            child,
            pid,
            api: "127.0.0.1:0".parse()?,
            agents: "127.0.0.1:0".parse()?,
            web: None,
            log,
        };
        let endpoints = state_dir.join("endpoints.json");
        let started = Instant::now();
        while !endpoints.is_file() {
            if let Ok(Some(status)) = controller.child.try_wait() {
                bail!(
                    "the controller exited ({status}) before listening:\n{}",
                    controller.log_tail()
                );
            }
            if started.elapsed() > START_DEADLINE {
                bail!(
                    "the controller did not listen within {START_DEADLINE:?}:\n{}",
                    controller.log_tail()
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&endpoints)?)
            .context("reading the controller's endpoints.json")?;
        let address = |key: &str| -> anyhow::Result<SocketAddr> {
            json[key]
                .as_str()
                .and_then(|s| s.parse().ok())
                .with_context(|| format!("no {key} address in endpoints.json"))
        };
        controller.api = address("api")?;
        controller.agents = address("agents")?;
        controller.web = address("web").ok();
        Ok(controller)
    }

    /// The last lines of the controller's log, for error messages.
    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }

    /// Whether the controller is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// SIGTERM, then SIGKILL after the grace period. Idempotent.
    fn stop(&mut self) {
        if !self.is_running() {
            return;
        }
        let _ = Command::new("kill")
            .args(["-TERM", &self.pid.to_string()])
            .status();
        let started = Instant::now();
        while started.elapsed() < STOP_GRACE {
            if !self.is_running() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        eprintln!("warning: the controller ignored SIGTERM for {STOP_GRACE:?}; killing it");
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A workspace binary in the same directory as this one (`target/<profile>/`).
fn sibling_binary(name: &str) -> anyhow::Result<PathBuf> {
    let exe = std::env::current_exe()?;
    let path = exe
        .parent()
        .map(|dir| dir.join(name))
        .context("this binary has no directory")?;
    if !path.is_file() {
        bail!(
            "{} is missing: build it (cargo build --release -p cyberbrain-controller) or pass --controller-binary",
            path.display()
        );
    }
    Ok(path)
}
