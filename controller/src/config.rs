//! The controller's configuration: one struct, built once from flags with `CYBERBRAIN_*` environment
//! fallbacks and an optional TOML file (`cyberbrain_telemetry::config_file`), passed down. Nothing
//! else reads the environment.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
pub use cyberbrain_telemetry::{HttpListen, LogFormat};

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
    /// Back up the database, the PKI, the configuration and the artifacts into a new directory
    /// (safe while the controller runs).
    Backup(BackupArgs),
    /// Restore a backup into an empty state directory (and, with --database-url, an empty
    /// database), checking every file's checksum first.
    Restore(RestoreArgs),
}

/// `cyberbrain-controller backup`.
#[derive(Debug, Clone, Args)]
pub struct BackupArgs {
    /// The directory to write; it must not exist, or be empty.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Encrypt the PKI files (the CA's and the server's private keys) with the passphrase in this
    /// file (its first line).
    #[arg(
        long,
        env = "CYBERBRAIN_BACKUP_PASSPHRASE_FILE",
        value_name = "FILE",
        conflicts_with = "age_recipient"
    )]
    pub passphrase_file: Option<PathBuf>,
    /// Encrypt the PKI files to this age recipient (`age1…`; repeatable): only the holder of the
    /// matching identity can restore them.
    #[arg(
        long,
        env = "CYBERBRAIN_BACKUP_AGE_RECIPIENTS",
        value_delimiter = ',',
        value_name = "RECIPIENT"
    )]
    pub age_recipient: Vec<String>,
    /// The PostgreSQL client programs to use (`pg_dump`) [default: the newest on PATH, in
    /// --postgres-bin-dir or under /usr/lib/postgresql that is at least as new as the server].
    #[arg(long, env = "CYBERBRAIN_PG_CLIENT_BIN_DIR", value_name = "DIR")]
    pub pg_client_bin_dir: Option<PathBuf>,
}

/// `cyberbrain-controller restore`.
#[derive(Debug, Clone, Args)]
pub struct RestoreArgs {
    /// The backup directory (made by `backup`).
    #[arg(long, value_name = "DIR")]
    pub from: PathBuf,
    /// The passphrase file, for a backup whose PKI was encrypted with one.
    #[arg(
        long,
        env = "CYBERBRAIN_BACKUP_PASSPHRASE_FILE",
        value_name = "FILE",
        conflicts_with = "age_identity"
    )]
    pub passphrase_file: Option<PathBuf>,
    /// An age identity file (`AGE-SECRET-KEY-1…` lines), for a backup encrypted to a recipient.
    #[arg(long, env = "CYBERBRAIN_BACKUP_AGE_IDENTITY", value_name = "FILE")]
    pub age_identity: Option<PathBuf>,
    /// The PostgreSQL client programs to use (`pg_restore`) [default: found as for `backup`].
    #[arg(long, env = "CYBERBRAIN_PG_CLIENT_BIN_DIR", value_name = "DIR")]
    pub pg_client_bin_dir: Option<PathBuf>,
    /// Only check the backup (every checksum, the schema version, the keys decrypt) and change
    /// nothing.
    #[arg(long)]
    pub verify_only: bool,
}

/// Every setting of the controller.
#[derive(Debug, Clone, Args)]
pub struct Config {
    /// A TOML file of settings: keys are the long flag names (`heartbeat-seconds = 10`); flags
    /// and `CYBERBRAIN_*` variables win over it.
    #[arg(long = "config", env = "CYBERBRAIN_CONFIG_FILE", value_name = "FILE")]
    pub config_file: Option<PathBuf>,

    /// Print the settings in effect, as a configuration file saying where each came from
    /// (secrets left out), and exit.
    #[arg(long)]
    pub dump_config: bool,

    /// Address of the public gRPC API (TLS; cbctl and gRPC clients).
    #[arg(long, env = "CYBERBRAIN_API_LISTEN", default_value = "127.0.0.1:7070")]
    pub api_listen: SocketAddr,

    /// Address of the agent link (mutual TLS).
    #[arg(long, env = "CYBERBRAIN_AGENT_LISTEN", default_value = "0.0.0.0:7071")]
    pub agent_listen: SocketAddr,

    /// Address of the plain-HTTP endpoint for Prometheus and probes (`/metrics`, `/healthz`,
    /// `/readyz`); empty or `off` turns it off.
    #[arg(long, env = "CYBERBRAIN_HTTP_LISTEN", default_value = "127.0.0.1:9464")]
    pub http_listen: HttpListen,

    /// Address of the web console (HTTPS, with the controller's certificate unless
    /// --web-tls-cert is given); empty or `off` turns it off.
    #[arg(long, env = "CYBERBRAIN_WEB_LISTEN", default_value = "127.0.0.1:8443")]
    pub web_listen: HttpListen,

    /// The web console's certificate chain (PEM) [default: the controller's certificate].
    #[arg(long, env = "CYBERBRAIN_WEB_TLS_CERT", requires = "web_tls_key")]
    pub web_tls_cert: Option<PathBuf>,

    /// The web console's private key (PEM) [default: the controller's key].
    #[arg(long, env = "CYBERBRAIN_WEB_TLS_KEY", requires = "web_tls_cert")]
    pub web_tls_key: Option<PathBuf>,

    /// PostgreSQL connection string. Without it the controller starts a private cluster under the
    /// state directory from the system's PostgreSQL binaries.
    #[arg(long, env = "CYBERBRAIN_DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,

    /// CA certificate (PEM) of the PostgreSQL server: TLS is then required and the server's
    /// certificate and host name are verified. Without it TLS is used only with
    /// `sslmode=require` in the URL, verified against the public web roots.
    #[arg(long, env = "CYBERBRAIN_DATABASE_CA_CERT", value_name = "FILE")]
    pub database_ca_cert: Option<PathBuf>,

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

    /// Seconds an agent has for one attempt of a job whose task sets no `deadline_seconds`; the
    /// controller fails the job itself one lease (three heartbeats) later.
    #[arg(long, env = "CYBERBRAIN_JOB_DEADLINE_SECONDS", default_value_t = 300, value_parser = clap::value_parser!(u32).range(1..=86400))]
    pub job_deadline_seconds: u32,

    /// Dispatches of one job at the most, for tasks that set no `max_attempts`: after the last
    /// attempt is lost the job ends `lost`.
    #[arg(long, env = "CYBERBRAIN_MAX_ATTEMPTS", default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub max_attempts: u32,

    /// Seconds a job may wait for its agent to take it, for launches and directives that set no
    /// queue timeout: then it ends `unreachable` (the agent offline, never connected or revoked),
    /// so that every run ends.
    #[arg(long, env = "CYBERBRAIN_QUEUE_TIMEOUT_SECONDS", default_value_t = 300, value_parser = clap::value_parser!(u32).range(1..=7 * 86_400))]
    pub queue_timeout_seconds: u32,

    /// Let label selectors match the labels agents report about themselves (`--label` on the
    /// agent), beneath the admin-set ones. Off: only labels an admin set (join token, `cbctl agent
    /// label`) select an agent, so a host cannot attract jobs meant for others.
    #[arg(long, env = "CYBERBRAIN_TRUST_AGENT_LABELS", default_value_t = false)]
    pub trust_agent_labels: bool,

    /// Milliseconds between two looks of the scheduler for due schedules (every replica looks;
    /// each fire time launches one run whichever replica fires it). 0 turns this replica's
    /// scheduler off.
    #[arg(long, env = "CYBERBRAIN_SCHEDULE_POLL_MS", default_value_t = 500, value_parser = clap::value_parser!(u64).range(0..=60_000))]
    pub schedule_poll_ms: u64,

    /// Let MCP tools (`cbctl mcp`, calls marked with the MCP header) launch and cancel runs; the
    /// token still needs the operator role. Off: MCP tools only read.
    #[arg(long, env = "CYBERBRAIN_MCP_ALLOW_WRITE", default_value_t = false)]
    pub mcp_allow_write: bool,

    /// `Host` values `/mcp` on the web listener accepts (`name` or `name:port`; DNS rebinding
    /// protection); `off` turns `/mcp` off.
    #[arg(
        long,
        env = "CYBERBRAIN_MCP_ALLOWED_HOSTS",
        value_delimiter = ',',
        default_value = "localhost,127.0.0.1,::1"
    )]
    pub mcp_allowed_hosts: Vec<String>,

    /// Browser origins (`https://host:port`) `/mcp` accepts. Empty (the default): a request
    /// carrying any `Origin` header is refused; assistants send none.
    #[arg(long, env = "CYBERBRAIN_MCP_ALLOWED_ORIGINS", value_delimiter = ',')]
    pub mcp_allowed_origins: Vec<String>,

    /// Seconds a finished run is kept: older ones are deleted with their jobs, events and report
    /// files (LLM token records stay). 0 keeps every run for ever [default: 90 days].
    #[arg(long, env = "CYBERBRAIN_RUN_RETENTION_SECONDS", default_value_t = 90 * 86_400, value_parser = clap::value_parser!(u64).range(0..=100 * 366 * 86_400))]
    pub run_retention_seconds: u64,

    /// This replica's name in leases and agent records; keep it stable across restarts so that a
    /// restarted controller can release its old connections, and unique per replica [default: the
    /// host name and the agent listener's port].
    #[arg(long, env = "CYBERBRAIN_REPLICA_NAME")]
    pub replica_name: Option<String>,

    /// Limits on callers and connections.
    #[command(flatten)]
    pub limits: LimitsConfig,

    /// Notification delivery.
    #[command(flatten)]
    pub notify: NotifyConfig,

    /// Log format.
    #[arg(long, env = "CYBERBRAIN_LOG_FORMAT", value_enum, default_value_t = LogFormat::Auto)]
    pub log_format: LogFormat,

    /// LLM settings (triage of log digests).
    #[command(flatten)]
    pub llm: LlmConfig,
}

/// LLM providers and triage prompt sizing. With no `--llm-provider` the controller never calls an
/// LLM and every report's triage section is the deterministic summary.
#[derive(Debug, Clone, Args)]
pub struct LlmConfig {
    /// An OpenAI-compatible provider, repeatable (in failover order):
    /// `name=NAME,url=BASE_URL,model=MODEL[,api_key_env=VAR|api_key_file=PATH]
    /// [,price_prompt=USD,price_completion=USD][,json_mode=false]`. Prices are per million tokens.
    /// The key is read from the variable or file at start and never logged or stored. In the
    /// environment variable, separate providers with `;`.
    #[arg(
        long = "llm-provider",
        env = "CYBERBRAIN_LLM_PROVIDERS",
        value_delimiter = ';',
        value_name = "SPEC"
    )]
    pub providers: Vec<cyberbrain_llm::ProviderSpec>,

    /// How calls are spread over the providers.
    #[arg(long = "llm-strategy", env = "CYBERBRAIN_LLM_STRATEGY", value_enum, default_value_t = cyberbrain_llm::Strategy::Failover)]
    pub strategy: cyberbrain_llm::Strategy,

    /// Seconds one LLM call may take, answer included.
    #[arg(long = "llm-timeout-seconds", env = "CYBERBRAIN_LLM_TIMEOUT_SECONDS", default_value_t = 120, value_parser = clap::value_parser!(u32).range(1..=3600))]
    pub timeout_seconds: u32,

    /// Retries on one provider after HTTP 429 or 5xx, before the next provider.
    #[arg(long = "llm-retries", env = "CYBERBRAIN_LLM_RETRIES", default_value_t = 2, value_parser = clap::value_parser!(u32).range(0..=10))]
    pub retries: u32,

    /// First backoff in milliseconds (doubles per retry; a longer Retry-After wins).
    #[arg(long = "llm-backoff-ms", env = "CYBERBRAIN_LLM_BACKOFF_MS", default_value_t = 500, value_parser = clap::value_parser!(u32).range(1..=60_000))]
    pub backoff_ms: u32,

    /// Longest pause honoured, in seconds; a Retry-After beyond it moves on to the next provider.
    #[arg(long = "llm-max-backoff-seconds", env = "CYBERBRAIN_LLM_MAX_BACKOFF_SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3600))]
    pub max_backoff_seconds: u32,

    /// Consecutive failures that open a provider's circuit.
    #[arg(long = "llm-breaker-failures", env = "CYBERBRAIN_LLM_BREAKER_FAILURES", default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=100))]
    pub breaker_failures: u32,

    /// Seconds an open circuit waits before the health probe (GET <url>/models) tries again.
    #[arg(long = "llm-breaker-cooldown-seconds", env = "CYBERBRAIN_LLM_BREAKER_COOLDOWN_SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3600))]
    pub breaker_cooldown_seconds: u32,

    /// Stream answers (server-sent events, usage asked with stream_options.include_usage).
    #[arg(
        long = "llm-stream",
        env = "CYBERBRAIN_LLM_STREAM",
        default_value_t = false
    )]
    pub stream: bool,

    /// Upper bound on a triage prompt's tokens; lower-ranked templates are cut to fit.
    #[arg(long = "llm-prompt-token-budget", env = "CYBERBRAIN_LLM_PROMPT_TOKEN_BUDGET", default_value_t = 6000, value_parser = clap::value_parser!(u32).range(500..=1_000_000))]
    pub prompt_token_budget: u32,

    /// Upper bound on a triage answer's tokens.
    #[arg(long = "llm-max-completion-tokens", env = "CYBERBRAIN_LLM_MAX_COMPLETION_TOKENS", default_value_t = 1000, value_parser = clap::value_parser!(u32).range(16..=100_000))]
    pub max_completion_tokens: u32,

    /// Template refinements asked of the LLM per run at the most (new error templates whose
    /// variables the LLM names; a cached template costs no call). 0 asks none.
    #[arg(long = "llm-refinements-per-run", env = "CYBERBRAIN_LLM_REFINEMENTS_PER_RUN", default_value_t = 20, value_parser = clap::value_parser!(u32).range(0..=1000))]
    pub refinements_per_run: u32,
}

/// How notifications are delivered.
#[derive(Debug, Clone, Args)]
pub struct NotifyConfig {
    /// Let notification targets (webhook URLs, a GitHub API root) be in private, loopback or
    /// link-local address ranges. Off: such targets are refused at creation (literal addresses)
    /// and at every send (the addresses a name resolves to).
    #[arg(
        long,
        env = "CYBERBRAIN_ALLOW_PRIVATE_TARGETS",
        default_value_t = false
    )]
    pub allow_private_targets: bool,

    /// Seconds to wait before each retry of a failed notification, comma-separated; a
    /// receiver's longer `Retry-After` wins [default: Svix's schedule].
    #[arg(
        long,
        env = "CYBERBRAIN_NOTIFY_RETRY_SECONDS",
        value_delimiter = ',',
        default_value = "5,300,1800,7200,18000,36000,36000",
        value_parser = clap::value_parser!(u64).range(0..=7 * 86_400)
    )]
    pub notify_retry_seconds: Vec<u64>,

    /// Seconds an endpoint may fail without a success before its rule is disabled.
    #[arg(long, env = "CYBERBRAIN_NOTIFY_DISABLE_AFTER_SECONDS", default_value_t = 5 * 86_400, value_parser = clap::value_parser!(u64).range(1..=366 * 86_400))]
    pub notify_disable_after_seconds: u64,

    /// Milliseconds between each replica's looks for due notifications.
    #[arg(long, env = "CYBERBRAIN_NOTIFY_POLL_MS", default_value_t = 1000, value_parser = clap::value_parser!(u64).range(50..=60_000))]
    pub notify_poll_ms: u64,

    /// Seconds one notification request may take.
    #[arg(long, env = "CYBERBRAIN_NOTIFY_TIMEOUT_SECONDS", default_value_t = 15, value_parser = clap::value_parser!(u64).range(1..=120))]
    pub notify_timeout_seconds: u64,
}

impl NotifyConfig {
    /// The settings the delivery worker uses.
    pub fn settings(&self) -> crate::notify::NotifySettings {
        crate::notify::NotifySettings {
            allow_private_targets: self.allow_private_targets,
            retry_schedule: self
                .notify_retry_seconds
                .iter()
                .map(|s| std::time::Duration::from_secs(*s))
                .collect(),
            disable_after: std::time::Duration::from_secs(self.notify_disable_after_seconds),
            poll_interval: std::time::Duration::from_millis(self.notify_poll_ms),
            request_timeout: std::time::Duration::from_secs(self.notify_timeout_seconds),
        }
    }
}

/// Rate limits and connection lifetimes. The defaults are far above what an operator, a script or
/// a fleet's enrollment needs, so they only stop runaway clients.
#[derive(Debug, Clone, Args)]
pub struct LimitsConfig {
    /// API requests per second one token may make, sustained (health and reflection are not
    /// counted).
    #[arg(long, env = "CYBERBRAIN_API_RATE_LIMIT", default_value_t = 500.0, value_parser = positive_rate)]
    pub api_rate_limit: f64,

    /// API requests one token may make at once after a quiet spell (a script launching a
    /// thousand runs together fits).
    #[arg(long, env = "CYBERBRAIN_API_RATE_BURST", default_value_t = 5000, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub api_rate_burst: u32,

    /// `Enroll` calls per second from all sources together, sustained.
    #[arg(long, env = "CYBERBRAIN_ENROLL_RATE_LIMIT", default_value_t = 20.0, value_parser = positive_rate)]
    pub enroll_rate_limit: f64,

    /// `Enroll` calls from all sources together at once.
    #[arg(long, env = "CYBERBRAIN_ENROLL_RATE_BURST", default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub enroll_rate_burst: u32,

    /// `Enroll` calls per second from one source address (an IPv6 /64 counts as one), sustained.
    #[arg(long, env = "CYBERBRAIN_ENROLL_RATE_LIMIT_PER_IP", default_value_t = 1.0, value_parser = positive_rate)]
    pub enroll_rate_limit_per_ip: f64,

    /// `Enroll` calls from one source address at once (hosts behind one NAT enroll together).
    #[arg(long, env = "CYBERBRAIN_ENROLL_RATE_BURST_PER_IP", default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub enroll_rate_burst_per_ip: u32,

    /// API calls per second from one source address whose token this replica has not verified
    /// lately (an unknown or guessed token costs a database lookup), sustained. Calls with a
    /// token verified lately are not counted.
    #[arg(long, env = "CYBERBRAIN_UNAUTHENTICATED_RATE_LIMIT_PER_IP", default_value_t = 20.0, value_parser = positive_rate)]
    pub unauthenticated_rate_limit_per_ip: f64,

    /// Such calls from one source address at once.
    #[arg(long, env = "CYBERBRAIN_UNAUTHENTICATED_RATE_BURST_PER_IP", default_value_t = 200, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub unauthenticated_rate_burst_per_ip: u32,

    /// Seconds an agent stream lives before the controller says `Goodbye` and the agent reconnects
    /// (each stream gets up to 10 % less, so a fleet does not reconnect at once); API connections
    /// stop taking new calls after this age and close when their calls end.
    #[arg(long, env = "CYBERBRAIN_MAX_CONNECTION_AGE_SECONDS", default_value_t = 3600, value_parser = clap::value_parser!(u64).range(1..=30 * 86_400))]
    pub max_connection_age_seconds: u64,

    /// Seconds an agent connection may outlive its maximum age before it is cut (for an agent that
    /// ignores `Goodbye`).
    #[arg(long, env = "CYBERBRAIN_MAX_CONNECTION_AGE_GRACE_SECONDS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub max_connection_age_grace_seconds: u64,

    /// Seconds a client has to finish its TLS handshake on either gRPC listener.
    #[arg(long, env = "CYBERBRAIN_TLS_HANDSHAKE_TIMEOUT_SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=300))]
    pub tls_handshake_timeout_seconds: u64,

    /// Seconds a client has, after its TLS handshake, to send the HTTP/2 preface (gRPC clients
    /// send it at once); a connection that stays silent is closed.
    #[arg(long, env = "CYBERBRAIN_HTTP2_PREFACE_TIMEOUT_SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=300))]
    pub http2_preface_timeout_seconds: u64,

    /// Seconds without a frame from a client before the controller pings it (HTTP/2 keepalive,
    /// both gRPC listeners).
    #[arg(long, env = "CYBERBRAIN_HTTP2_KEEPALIVE_INTERVAL_SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub http2_keepalive_interval_seconds: u64,

    /// Seconds a client has to answer a keepalive ping before its connection is closed.
    #[arg(long, env = "CYBERBRAIN_HTTP2_KEEPALIVE_TIMEOUT_SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub http2_keepalive_timeout_seconds: u64,

    /// Seconds a served connection on either gRPC listener may have no call open before it is
    /// closed (clients reconnect when they next call; an agent's stream is a call that stays
    /// open).
    #[arg(long, env = "CYBERBRAIN_IDLE_CONNECTION_TIMEOUT_SECONDS", default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub idle_connection_timeout_seconds: u64,

    /// Connections open at once on each gRPC listener; more are closed at once (counted in
    /// `cyberbrain_connections_refused_total`). Keep twice this under the open-file limit.
    #[arg(long, env = "CYBERBRAIN_MAX_CONNECTIONS", default_value_t = 4096, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub max_connections: u64,

    /// Connections open at once from one source address on each gRPC listener (an IPv6 /64 is one
    /// source); agents behind one NAT share it.
    #[arg(long, env = "CYBERBRAIN_MAX_CONNECTIONS_PER_SOURCE", default_value_t = 512, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub max_connections_per_source: u64,

    /// Connections without a client certificate served at once on the agent link (all they can
    /// do is enroll); more are closed after their handshake, so that a flood of them leaves
    /// room under --max-connections for enrolled agents.
    #[arg(long, env = "CYBERBRAIN_MAX_CERTLESS_CONNECTIONS", default_value_t = 256, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub max_certless_connections: u64,
}

fn positive_rate(text: &str) -> Result<f64, String> {
    let rate: f64 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a number"))?;
    if rate.is_finite() && rate > 0.0 && rate <= 1_000_000.0 {
        Ok(rate)
    } else {
        Err(format!("{text:?} must be above 0 and at most 1000000"))
    }
}

impl LimitsConfig {
    /// The limits as the server uses them.
    pub fn settings(&self) -> crate::app::Limits {
        use crate::ratelimit::Rate;
        crate::app::Limits {
            api_per_token: Rate {
                per_second: self.api_rate_limit,
                burst: self.api_rate_burst,
            },
            enroll_total: Rate {
                per_second: self.enroll_rate_limit,
                burst: self.enroll_rate_burst,
            },
            enroll_per_source: Rate {
                per_second: self.enroll_rate_limit_per_ip,
                burst: self.enroll_rate_burst_per_ip,
            },
            unauthenticated_per_source: Rate {
                per_second: self.unauthenticated_rate_limit_per_ip,
                burst: self.unauthenticated_rate_burst_per_ip,
            },
            max_connection_age: Duration::from_secs(self.max_connection_age_seconds),
            max_connection_age_grace: Duration::from_secs(self.max_connection_age_grace_seconds),
            connections: crate::incoming::ConnectionLimits {
                handshake_timeout: Duration::from_secs(self.tls_handshake_timeout_seconds),
                preface_timeout: Duration::from_secs(self.http2_preface_timeout_seconds),
                keepalive_interval: Duration::from_secs(self.http2_keepalive_interval_seconds),
                keepalive_timeout: Duration::from_secs(self.http2_keepalive_timeout_seconds),
                max_connections: usize::try_from(self.max_connections).unwrap_or(usize::MAX),
                max_connections_per_source: usize::try_from(self.max_connections_per_source)
                    .unwrap_or(usize::MAX),
                max_certless_connections: usize::try_from(self.max_certless_connections)
                    .unwrap_or(usize::MAX),
                idle_timeout: Duration::from_secs(self.idle_connection_timeout_seconds),
            },
        }
    }
}

impl LlmConfig {
    /// The provider settings, or `None` when no provider is configured.
    pub fn settings(&self) -> Option<cyberbrain_llm::LlmSettings> {
        if self.providers.is_empty() {
            return None;
        }
        Some(cyberbrain_llm::LlmSettings {
            providers: self.providers.clone(),
            strategy: self.strategy,
            call_timeout: Duration::from_secs(u64::from(self.timeout_seconds)),
            retries: self.retries,
            backoff: Duration::from_millis(u64::from(self.backoff_ms)),
            max_backoff: Duration::from_secs(u64::from(self.max_backoff_seconds)),
            breaker_failures: self.breaker_failures,
            breaker_cooldown: Duration::from_secs(u64::from(self.breaker_cooldown_seconds)),
            stream: self.stream,
        })
    }

    /// The triage prompt sizing.
    pub fn triage(&self) -> cyberbrain_llm::TriageSettings {
        cyberbrain_llm::TriageSettings {
            prompt_token_budget: self.prompt_token_budget,
            max_completion_tokens: self.max_completion_tokens,
            refinements_per_run: self.refinements_per_run,
        }
    }
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
