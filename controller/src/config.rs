//! The controller's configuration: one struct, built once from flags with `CYBERBRAIN_*` environment
//! fallbacks, passed down. Nothing else reads the environment.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// `cyberbrain-controller`: the Cyberbrain control plane.
#[derive(Debug, Parser)]
#[command(name = "cyberbrain-controller", version, about)]
pub struct Cli {
    /// What to do; `serve` when omitted.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Settings shared by every command.
    #[command(flatten)]
    pub config: Config,
}

/// Controller commands.
#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Serve the API and the agent link (the default).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// JSON when stderr is not a terminal, text when it is.
    Auto,
    /// One JSON object per line.
    Json,
    /// Human-readable text.
    Text,
}

/// Every setting of the controller.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// Address of the public gRPC API (TLS; cbctl and gRPC clients).
    #[arg(long, env = "CYBERBRAIN_API_LISTEN", default_value = "127.0.0.1:7070")]
    pub api_listen: SocketAddr,

    /// Address of the agent link (mutual TLS).
    #[arg(long, env = "CYBERBRAIN_AGENT_LISTEN", default_value = "0.0.0.0:7071")]
    pub agent_listen: SocketAddr,

    /// PostgreSQL connection string. Without it the controller starts a private cluster under the
    /// state directory from the system's PostgreSQL binaries.
    #[arg(long, env = "CYBERBRAIN_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,

    /// Directory for the embedded cluster, artifacts and the endpoints file.
    #[arg(
        long,
        env = "CYBERBRAIN_STATE_DIR",
        default_value = ".state/controller"
    )]
    pub state_dir: PathBuf,

    /// Where run artifacts are written [default: <state-dir>/artifacts].
    #[arg(long, env = "CYBERBRAIN_ARTIFACT_DIR")]
    pub artifact_dir: Option<PathBuf>,

    /// Directory holding initdb and pg_ctl for the embedded cluster [default: found on PATH or
    /// under /usr/lib/postgresql].
    #[arg(long, env = "CYBERBRAIN_POSTGRES_BIN_DIR")]
    pub postgres_bin_dir: Option<PathBuf>,

    /// The controller's certificate chain (PEM), for both listeners [default: issued by the CA at
    /// every start into <state-dir>/pki/controller.pem, naming localhost, the loopback addresses,
    /// the host name, the listen addresses and every --tls-san].
    #[arg(long, env = "CYBERBRAIN_TLS_CERT", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,

    /// The controller's private key (PEM) [default: with the issued certificate].
    #[arg(long, env = "CYBERBRAIN_TLS_KEY", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,

    /// The CA that signs agent certificates (PEM) [default: <state-dir>/pki/ca.pem, made with its
    /// key on first start].
    #[arg(long, env = "CYBERBRAIN_CA_CERT")]
    pub ca_cert: Option<PathBuf>,

    /// The CA's private key (PEM), to issue certificates at enrollment and renewal [default:
    /// ca.key beside --ca-cert; without it, enrollment is off].
    #[arg(long, env = "CYBERBRAIN_CA_KEY")]
    pub ca_key: Option<PathBuf>,

    /// An extra DNS name or IP address for the issued server certificate (repeatable, or
    /// comma-separated in the environment).
    #[arg(long = "tls-san", env = "CYBERBRAIN_TLS_SANS", value_delimiter = ',')]
    pub tls_sans: Vec<String>,

    /// Lifetime of the agent certificates this controller issues; agents renew at half of it.
    #[arg(long, env = "CYBERBRAIN_AGENT_CERT_TTL_SECONDS", default_value_t = 7 * 86_400, value_parser = clap::value_parser!(u64).range(10..=366 * 86_400))]
    pub agent_cert_ttl_seconds: u64,

    /// Seconds between agent heartbeats.
    #[arg(long, env = "CYBERBRAIN_HEARTBEAT_SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..=3600))]
    pub heartbeat_seconds: u32,

    /// Seconds an agent has to finish a job.
    #[arg(long, env = "CYBERBRAIN_JOB_DEADLINE_SECONDS", default_value_t = 300, value_parser = clap::value_parser!(u32).range(1..=86400))]
    pub job_deadline_seconds: u32,

    /// Dispatches of one job at the most: after the last lease expires the job ends `lost`.
    #[arg(long, env = "CYBERBRAIN_MAX_ATTEMPTS", default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub max_attempts: u32,

    /// This replica's name in leases and agent records; keep it stable across restarts so that a
    /// restarted controller can release its old connections, and unique per replica [default: the
    /// host name and the agent listener's port].
    #[arg(long, env = "CYBERBRAIN_REPLICA_NAME")]
    pub replica_name: Option<String>,

    /// Log format.
    #[arg(long, env = "CYBERBRAIN_LOG_FORMAT", value_enum, default_value_t = LogFormat::Auto)]
    pub log_format: LogFormat,
}

impl Config {
    /// The artifact root.
    pub fn artifact_root(&self) -> PathBuf {
        self.artifact_dir
            .clone()
            .unwrap_or_else(|| self.state_dir.join("artifacts"))
    }

    /// Where the PKI the controller manages lives.
    pub fn pki_dir(&self) -> PathBuf {
        self.state_dir.join("pki")
    }

    /// Where the bootstrap admin token is written on first start.
    pub fn admin_token_path(&self) -> PathBuf {
        self.state_dir.join("admin.token")
    }

    /// The heartbeat interval.
    pub fn heartbeat_interval(&self) -> Duration {
        Duration::from_secs(u64::from(self.heartbeat_seconds))
    }

    /// This replica's name, given the agent listener's bound port.
    pub fn replica(&self, agent_port: u16) -> String {
        let name = self.replica_name.clone().unwrap_or_else(|| {
            let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
                .map(|h| h.trim().to_string())
                .unwrap_or_else(|_| "controller".to_string());
            format!("{host}:{agent_port}")
        });
        // `/` separates the replica from the connection in agent records.
        name.replace('/', "-")
    }
}
