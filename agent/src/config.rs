//! The agent's configuration: one struct from flags with `CYBERBRAIN_*` environment fallbacks and an
//! optional TOML file (`cyberbrain_telemetry::config_file`).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use cyberbrain_tasks::{AllowRule, LocalLimit, parse_label};

use crate::exec::{Catalog, CommandEntry};
pub use cyberbrain_telemetry::{HttpListen, LogFormat};

/// `cyberbrain-agent`: the per-host Cyberbrain daemon.
#[derive(Debug, Clone, Parser)]
#[command(name = "cyberbrain-agent", version, about)]
pub struct Config {
    /// A TOML file of settings: keys are the long flag names (`name = "gpu-17"`); flags and
    /// `CYBERBRAIN_*` variables win over it.
    #[arg(long = "config", env = "CYBERBRAIN_CONFIG_FILE", value_name = "FILE")]
    pub config_file: Option<PathBuf>,

    /// Print the settings in effect, as a configuration file saying where each came from
    /// (secrets left out), and exit.
    #[arg(long)]
    pub dump_config: bool,

    /// The controller's agent-link address; several, comma-separated, are tried in turn.
    #[arg(
        long,
        env = "CYBERBRAIN_CONTROLLER",
        default_value = "https://127.0.0.1:7071",
        value_delimiter = ','
    )]
    pub controller: Vec<String>,

    /// This agent's certificate (PEM), e.g. from `cbctl certs init`; its common name is the
    /// agent's name. Without it (and --key) the agent uses the certificate it enrolled for, kept
    /// and renewed in --state-dir.
    #[arg(long, env = "CYBERBRAIN_AGENT_CERT", requires = "key")]
    pub cert: Option<PathBuf>,

    /// This agent's private key (PEM), with --cert.
    #[arg(long, env = "CYBERBRAIN_AGENT_KEY", requires = "cert")]
    pub key: Option<PathBuf>,

    /// The CA that signed the controller's certificate (PEM) [default: ca.pem in --state-dir
    /// after enrollment, else certs/dev/ca.pem].
    #[arg(long, env = "CYBERBRAIN_CA_CERT")]
    pub ca_cert: Option<PathBuf>,

    /// The SHA-256 fingerprint of the controller's CA, `sha256:<hex>` (the controller logs it at
    /// start), instead of --ca-cert for enrollment: the CA is read from the controller's TLS chain
    /// and trusted only if it matches.
    #[arg(long, env = "CYBERBRAIN_CA_FINGERPRINT", conflicts_with = "ca_cert")]
    pub ca_fingerprint: Option<String>,

    /// Where the enrolled certificate, its key (both mode 0600) and the CA are kept.
    #[arg(
        long,
        env = "CYBERBRAIN_AGENT_STATE_DIR",
        default_value = ".state/agent"
    )]
    pub state_dir: PathBuf,

    /// A one-time join token (`cbctl agent join-token create`): enrolls the agent when --state-dir
    /// holds no certificate yet. Ignored afterwards.
    #[arg(long, env = "CYBERBRAIN_JOIN_TOKEN", hide_env_values = true)]
    pub join_token: Option<String>,

    /// The name to enroll under [default: the host name].
    #[arg(long, env = "CYBERBRAIN_AGENT_NAME")]
    pub name: Option<String>,

    /// Name to verify in the controller's certificate [default: the address's host].
    #[arg(long, env = "CYBERBRAIN_TLS_SERVER_NAME")]
    pub tls_server_name: Option<String>,

    /// A label, KEY=VALUE (repeatable, or comma-separated in the environment).
    #[arg(long = "label", env = "CYBERBRAIN_AGENT_LABELS", value_delimiter = ',', value_parser = parse_label)]
    pub labels: Vec<(String, String)>,

    /// Host name reported to the controller and with service maps, where other hosts' containers
    /// that name this host by it (or by its first label) join its containers [default: the
    /// kernel's host name].
    #[arg(long, env = "CYBERBRAIN_HOSTNAME")]
    pub hostname: Option<String>,

    /// Docker endpoint: a unix socket path, unix://, tcp:// or http:// URL [default: DOCKER_HOST or
    /// the default socket].
    #[arg(long, env = "CYBERBRAIN_DOCKER_HOST")]
    pub docker_host: Option<String>,

    /// Path of libnvidia-ml [default: the system's libnvidia-ml.so.1].
    #[arg(long, env = "CYBERBRAIN_NVML_LIBRARY")]
    pub nvml_library: Option<PathBuf>,

    /// How often the GPUs are read for the `DCGM_FI_DEV_*` and `cyberbrain_gpu_*` gauges on
    /// `/metrics`: `15s`, `1m`, … (1 s to 1 h); `0` or `off` turns the reading off.
    #[arg(
        long,
        env = "CYBERBRAIN_GPU_METRICS_INTERVAL",
        default_value = "15s",
        value_name = "DURATION"
    )]
    pub gpu_metrics_interval: GpuMetricsInterval,

    /// Jobs run at the same time at most.
    #[arg(long, env = "CYBERBRAIN_MAX_CONCURRENT_JOBS", default_value_t = 4, value_parser = clap::value_parser!(u32).range(1..=64))]
    pub max_concurrent_jobs: u32,

    /// On SIGTERM, seconds to let running jobs finish and deliver their results before exiting.
    #[arg(long, env = "CYBERBRAIN_DRAIN_SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u32).range(0..=3600))]
    pub drain_seconds: u32,

    /// Address of the plain-HTTP endpoint for Prometheus and probes (`/metrics`, `/healthz`,
    /// `/readyz`); empty or `off` turns it off. The bound address is written to
    /// <state-dir>/endpoints.json.
    #[arg(
        long,
        env = "CYBERBRAIN_AGENT_HTTP_LISTEN",
        default_value = "127.0.0.1:9465"
    )]
    pub http_listen: HttpListen,

    /// Narrows every job's allowlist on this host (repeatable, or comma-separated in the
    /// environment): only containers matching one of these may be read, even when the controller's
    /// allowlist admits more. `NAME_GLOB` (or `name:NAME_GLOB`) compares the container's name,
    /// `image:GLOB` its image reference [default: no local allow list].
    #[arg(long = "allow-container", env = "CYBERBRAIN_ALLOW_CONTAINERS", value_delimiter = ',', value_name = "PATTERN", value_parser = parse_container_pattern)]
    pub allow_containers: Vec<AllowRule>,

    /// Containers this host's agent never reads, whatever any allowlist says (repeatable, or
    /// comma-separated in the environment); same patterns as --allow-container.
    #[arg(long = "deny-container", env = "CYBERBRAIN_DENY_CONTAINERS", value_delimiter = ',', value_name = "PATTERN", value_parser = parse_container_pattern)]
    pub deny_containers: Vec<AllowRule>,

    /// A command the controller may run on this host (`cbctl exec`), `NAME=/abs/path [fixed
    /// args…]` (repeatable, or `;`-separated): fixed arguments split on spaces, no argument slots,
    /// the agent's user, a 60 s timeout and a 1 MiB output cap. The `[exec]` section of --config
    /// declares commands with argument patterns, a user, a timeout, a cap and environment; a flag
    /// replaces the file's entry of the same name [default: no command].
    #[arg(long = "allow-command", env = "CYBERBRAIN_ALLOW_COMMANDS", value_delimiter = ';', value_name = "NAME=/PATH [ARGS]", value_parser = crate::exec::catalog::parse_flag)]
    pub allow_commands: Vec<CommandEntry>,

    /// A worker image the controller may run on this host (`container` tasks),
    /// `NAME@sha256:DIGEST` or `NAME@sha256:*` (any digest of NAME), optionally followed by
    /// `network=NAME` (the one Docker network a task may ask for) and `gpus` (repeatable, or
    /// `;`-separated). The `[worker]` section of --config (`images = [{ image, network, gpus }]`)
    /// lists more [default: no image].
    #[arg(long = "allow-image", env = "CYBERBRAIN_ALLOW_IMAGES", value_delimiter = ';', value_name = "NAME@sha256:DIGEST [network=NAME] [gpus]", value_parser = crate::worker::images::parse_flag)]
    pub allow_images: Vec<crate::worker::ImageEntry>,

    /// Log format.
    #[arg(long, env = "CYBERBRAIN_LOG_FORMAT", value_enum, default_value_t = LogFormat::Auto)]
    pub log_format: LogFormat,
}

impl Config {
    /// Labels as a map.
    pub fn label_map(&self) -> BTreeMap<String, String> {
        self.labels.iter().cloned().collect()
    }

    /// The host's own limit on what may be read, if --allow-container or --deny-container is given.
    pub fn local_limit(&self) -> Option<LocalLimit> {
        let limit = LocalLimit {
            allow: self.allow_containers.clone(),
            deny: self.deny_containers.clone(),
        };
        (!limit.is_empty()).then_some(limit)
    }

    /// The commands this host declares: the `[exec]` section of --config, then the
    /// --allow-command flags.
    pub fn command_catalog(&self) -> anyhow::Result<Catalog> {
        let section = match &self.config_file {
            Some(path) => cyberbrain_telemetry::config_file::read_section(path, EXEC_SECTION)?,
            None => None,
        };
        Ok(Catalog::new(section.as_ref(), &self.allow_commands)?)
    }

    /// The worker images this host admits: the `[worker]` section of --config, then the
    /// --allow-image flags.
    pub fn worker_images(&self) -> anyhow::Result<crate::worker::WorkerImages> {
        let section = match &self.config_file {
            Some(path) => cyberbrain_telemetry::config_file::read_section(path, WORKER_SECTION)?,
            None => None,
        };
        Ok(crate::worker::WorkerImages::new(
            section.as_ref(),
            &self.allow_images,
        )?)
    }

    /// The name to enroll under.
    pub fn agent_name(&self) -> String {
        self.name.clone().unwrap_or_else(|| self.hostname())
    }

    /// The host name to report.
    pub fn hostname(&self) -> String {
        self.hostname.clone().unwrap_or_else(|| {
            std::fs::read_to_string("/proc/sys/kernel/hostname")
                .map(|h| h.trim().to_string())
                .unwrap_or_default()
        })
    }
}

/// `--gpu-metrics-interval`: the time between GPU readings, `None` when off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GpuMetricsInterval(pub Option<Duration>);

impl GpuMetricsInterval {
    /// The shortest interval: NVML's utilisation is an average over up to a second.
    pub const MIN: Duration = Duration::from_secs(1);
    /// The longest interval.
    pub const MAX: Duration = Duration::from_secs(3600);
}

impl std::str::FromStr for GpuMetricsInterval {
    type Err = String;

    /// `0`, `off` or empty: off. Otherwise a whole number with `s`, `m` or `h` (a bare number is
    /// seconds), from 1 s to 1 h.
    fn from_str(text: &str) -> Result<GpuMetricsInterval, String> {
        let text = text.trim();
        if matches!(text, "" | "0" | "off") {
            return Ok(GpuMetricsInterval(None));
        }
        let split = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let scale = match unit {
            "" | "s" => 1,
            "m" => 60,
            "h" => 3600,
            _ => return Err(format!("{text:?}: the unit must be s, m or h (or 0/off)")),
        };
        let seconds = number
            .parse::<u64>()
            .ok()
            .and_then(|n| n.checked_mul(scale))
            .ok_or_else(|| format!("{text:?} is not a duration like 15s or 1m (or 0/off)"))?;
        let interval = Duration::from_secs(seconds);
        if !(GpuMetricsInterval::MIN..=GpuMetricsInterval::MAX).contains(&interval) {
            return Err(format!(
                "{text:?} is outside 1s to 1h (0 or off turns it off)"
            ));
        }
        Ok(GpuMetricsInterval(Some(interval)))
    }
}

/// The configuration file's section of declared commands.
pub const EXEC_SECTION: &str = "exec";

/// The configuration file's section of worker images.
pub const WORKER_SECTION: &str = "worker";

fn parse_container_pattern(text: &str) -> Result<AllowRule, String> {
    LocalLimit::parse_pattern(text).map_err(|e| format!("container pattern {text:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_parse() {
        let c = Config::parse_from(["agent", "--label", "gpu=true", "--label", "zone=a"]);
        assert_eq!(c.label_map().get("gpu").map(String::as_str), Some("true"));
        assert!(Config::try_parse_from(["agent", "--label", "nokey"]).is_err());
    }

    #[test]
    fn the_http_endpoint_has_a_default_and_can_be_turned_off() {
        let default = Config::parse_from(["agent"]);
        assert_eq!(default.http_listen.to_string(), "127.0.0.1:9465");
        let off = Config::parse_from(["agent", "--http-listen", ""]);
        assert_eq!(off.http_listen, HttpListen(None));
        assert!(Config::try_parse_from(["agent", "--http-listen", "nowhere"]).is_err());
    }

    #[test]
    fn commands_come_from_the_exec_section_and_the_flags() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("agent.toml");
        std::fs::write(
            &file,
            "name = \"a\"\n[exec.whoami]\npath = \"/usr/bin/whoami\"\n\
             [exec.id]\npath = \"/usr/bin/id\"\nargs = [\"-u\"]\n",
        )
        .unwrap();
        let args = vec![
            "agent".into(),
            format!("--config={}", file.display()).into(),
            "--allow-command".into(),
            "id=/usr/bin/id -g".into(),
        ];
        let c: Config =
            cyberbrain_telemetry::config_file::parse_from_with_sections(args, &[EXEC_SECTION])
                .unwrap();
        let catalog = c.command_catalog().unwrap();
        assert_eq!(catalog.names(), ["id", "whoami"]);
        let id = cyberbrain_tasks::CommandParams {
            name: "id".into(),
            args: vec![],
        };
        assert_eq!(
            catalog.admit(&id).unwrap().fixed_args,
            ["-g"],
            "the flag wins"
        );
        assert!(
            Config::parse_from(["agent"])
                .command_catalog()
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn the_gpu_metrics_interval_is_a_duration_or_off() {
        let interval = |text: &str| {
            Config::try_parse_from(["agent", "--gpu-metrics-interval", text])
                .map(|c| c.gpu_metrics_interval.0)
        };
        assert_eq!(
            Config::parse_from(["agent"]).gpu_metrics_interval.0,
            Some(Duration::from_secs(15))
        );
        assert_eq!(interval("2m").unwrap(), Some(Duration::from_secs(120)));
        assert_eq!(interval("30").unwrap(), Some(Duration::from_secs(30)));
        for off in ["0", "off", ""] {
            assert_eq!(interval(off).unwrap(), None, "{off:?}");
        }
        for bad in ["0s", "2h", "500ms", "-1s", "fast", "99999999999999999999h"] {
            assert!(interval(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn container_patterns_make_a_local_limit() {
        assert_eq!(Config::parse_from(["agent"]).local_limit(), None);
        let c = Config::parse_from([
            "agent",
            "--allow-container",
            "web-*",
            "--allow-container",
            "image:redis:*",
            "--deny-container",
            "web-secret",
        ]);
        let limit = c.local_limit().expect("a limit");
        assert_eq!(limit.allow.len(), 2);
        assert!(limit.permits("web-1", "nginx") && limit.permits("c", "redis:7"));
        assert!(!limit.permits("web-secret", "nginx"));
        assert!(Config::try_parse_from(["agent", "--deny-container", "image:"]).is_err());
    }
}
