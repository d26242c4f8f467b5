//! The controller's Prometheus metrics. Counters and the dispatch histogram are updated where the
//! events happen; the gauges of runs, jobs and agents by status are counted from the database
//! when scraped (one grouped query, cached for a second), so every replica reports the same
//! fleet-wide numbers and nothing has to be reconciled after a restart.
//!
//! Label values come from fixed sets (statuses, outcomes, configured provider names): no run,
//! job or agent id is ever a label.

use std::time::{Duration, Instant};

use cyberbrain_telemetry::metrics::{register_build_info, render};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use cyberbrain_llm::providers::Attempt;
use cyberbrain_model::runs::{JobStatus, RunStatus};
use cyberbrain_store::{StatusCounts, Store};

/// How long counts of unfinished runs and jobs (and of agents) are reused before a scrape reads
/// them again.
const COUNTS_MAX_AGE: Duration = Duration::from_secs(1);
/// The same for finished runs and jobs, which take a scan of both tables to count.
const FINISHED_COUNTS_MAX_AGE: Duration = Duration::from_secs(5);
/// The database gives up counting finished runs and jobs after this (they keep their last
/// counts): a scan of a large table must not outlast the scrape that asked for it.
const FINISHED_COUNTS_TIMEOUT: Duration = Duration::from_millis(1500);
/// A scrape waits this long for the counts; after it, the last counts are shown.
const COUNTS_TIMEOUT: Duration = Duration::from_secs(2);

/// A `status` label.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct StatusLabel {
    status: String,
}

/// A `reason` label.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ReasonLabel {
    reason: String,
}

/// A `stage` label: `read` or `update` (of a template baseline).
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct StageLabel {
    stage: String,
}

/// Labels of LLM calls.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct LlmCallLabels {
    provider: String,
    outcome: String,
}

/// Labels of LLM tokens: `kind` is `prompt` or `completion`.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct LlmTokenLabels {
    provider: String,
    kind: String,
}

/// Which listener, as metrics and logs name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listener {
    /// The public API (:7070).
    Api,
    /// The agent link (:7071).
    AgentLink,
}

impl Listener {
    /// The name in metrics and logs.
    pub fn as_str(self) -> &'static str {
        match self {
            Listener::Api => "api",
            Listener::AgentLink => "agent_link",
        }
    }
}

/// Why a connection was closed before tonic served it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The listener had `max_connections` open.
    ListenerFull,
    /// The source had `max_connections_per_source` open.
    SourceFull,
    /// The TLS handshake did not end in time.
    HandshakeTimeout,
    /// The TLS handshake failed (bad certificate, not TLS, reset).
    HandshakeFailed,
    /// The HTTP/2 preface did not arrive in time.
    PrefaceTimeout,
    /// A served connection had no call open for the idle limit.
    Idle,
    /// The agent link had `max_certless_connections` open without a client certificate.
    CertlessFull,
}

impl Refusal {
    /// Every reason, for metrics shown at 0 before the first.
    pub const ALL: [Refusal; 7] = [
        Refusal::ListenerFull,
        Refusal::SourceFull,
        Refusal::HandshakeTimeout,
        Refusal::HandshakeFailed,
        Refusal::PrefaceTimeout,
        Refusal::Idle,
        Refusal::CertlessFull,
    ];

    /// The `reason` label.
    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::ListenerFull => "listener_full",
            Refusal::SourceFull => "source_full",
            Refusal::HandshakeTimeout => "handshake_timeout",
            Refusal::HandshakeFailed => "handshake_failed",
            Refusal::PrefaceTimeout => "preface_timeout",
            Refusal::Idle => "idle",
            Refusal::CertlessFull => "certless_full",
        }
    }
}

/// A `listener`: `api` or `agent_link`.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct ListenerLabel {
    listener: String,
}

/// A connection closed before it was served: `listener`, and why (`reason`).
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RefusalLabels {
    listener: String,
    reason: String,
}

/// A pool connection `state`: `busy` or `idle`.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct PoolStateLabel {
    state: String,
}

/// A notification delivery attempt: its `sink` and `outcome` (`delivered`, `retry`, `failed`).
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct DeliveryLabels {
    sink: String,
    outcome: String,
}

/// Every controller metric. One per process, shared through `App`.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    /// Runs this replica launched.
    runs_launched: Counter,
    /// Finished runs this replica deleted past the retention period.
    runs_deleted: Counter,
    /// Runs this replica finished (each run is finished by one replica), by final status.
    runs_finished: Family<StatusLabel, Counter>,
    /// Jobs whose end this replica recorded, by final status.
    jobs_finished: Family<StatusLabel, Counter>,
    /// From a job's launch to its first `Assign` on an agent's stream.
    dispatch_latency: Histogram,
    /// Agent streams open on this replica.
    agent_streams_open: Gauge,
    /// 1 while the replica is ready (the gRPC health is SERVING), else 0.
    ready: Gauge,
    /// Connections open on each gRPC listener (handshaking or served).
    connections_open: Family<ListenerLabel, Gauge>,
    /// Connections closed before they were served, by listener and reason.
    connections_refused: Family<RefusalLabels, Counter>,
    /// API token verifications that went to the database.
    token_lookups: Counter,
    /// API calls refused before a token lookup: too many unverified tokens from their source.
    unauthenticated_limited: Counter,
    /// Agent attaches refused: the identity replaced its own stream too often (an impostor).
    agent_replacements_refused: Counter,
    /// Failed `accept` calls on each gRPC listener (out of file descriptors, say).
    accept_failures: Family<ListenerLabel, Counter>,
    llm_calls: Family<LlmCallLabels, Counter>,
    llm_tokens: Family<LlmTokenLabels, Counter>,
    /// Schedule fire times that launched a run through this replica.
    schedule_fires: Counter,
    /// Schedule fire times skipped (each recorded by one replica), by reason.
    schedule_skips: Family<ReasonLabel, Counter>,
    /// Seconds from a fire time to its run's commit.
    schedule_fire_lag: Histogram,
    /// Unpaused schedules whose next fire time passed over two minutes ago, as the last
    /// scheduler tick of this replica found.
    schedules_overdue: Gauge,
    /// Notification delivery attempts this replica made, by sink and outcome.
    notification_deliveries: Family<DeliveryLabels, Counter>,
    /// From a run's finish (the message's creation) to its delivery.
    notification_lag: Histogram,
    /// Inbound webhook deliveries to `/hooks/{id}`, by outcome.
    webhook_deliveries: Family<ReasonLabel, Counter>,
    /// Run finishes whose template baseline could not be read or updated, by stage.
    baseline_errors: Family<StageLabel, Counter>,
    // Set at scrape time:
    runs: Family<StatusLabel, Gauge>,
    jobs: Family<StatusLabel, Gauge>,
    agents_online: Gauge,
    pool_connections: Family<PoolStateLabel, Gauge>,
    pool_max_connections: Gauge,
    /// When the database counts were last read; the lock also keeps concurrent scrapes from
    /// querying twice.
    counts_read_at: tokio::sync::Mutex<CountsReadAt>,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    /// Creates and registers every metric.
    pub fn new() -> Metrics {
        let mut registry = Registry::default();
        register_build_info(&mut registry, env!("CARGO_PKG_VERSION"));
        let mut metrics = Metrics {
            // Filled below, once every metric is registered in it.
            registry: Registry::default(),
            runs_launched: Counter::default(),
            runs_deleted: Counter::default(),
            runs_finished: Family::default(),
            jobs_finished: Family::default(),
            // 5 ms to ~41 s.
            dispatch_latency: Histogram::new(exponential_buckets(0.005, 2.0, 14)),
            agent_streams_open: Gauge::default(),
            ready: Gauge::default(),
            connections_open: Family::default(),
            connections_refused: Family::default(),
            token_lookups: Counter::default(),
            unauthenticated_limited: Counter::default(),
            agent_replacements_refused: Counter::default(),
            accept_failures: Family::default(),
            llm_calls: Family::default(),
            llm_tokens: Family::default(),
            schedule_fires: Counter::default(),
            schedule_skips: Family::default(),
            // 50 ms to ~7 min.
            schedule_fire_lag: Histogram::new(exponential_buckets(0.05, 2.0, 14)),
            schedules_overdue: Gauge::default(),
            notification_deliveries: Family::default(),
            // 0.1 s to ~2.3 days.
            notification_lag: Histogram::new(exponential_buckets(0.1, 3.0, 16)),
            webhook_deliveries: Family::default(),
            baseline_errors: Family::default(),
            runs: Family::default(),
            jobs: Family::default(),
            agents_online: Gauge::default(),
            pool_connections: Family::default(),
            pool_max_connections: Gauge::default(),
            counts_read_at: tokio::sync::Mutex::new(CountsReadAt::default()),
        };
        registry.register(
            "cyberbrain_notification_deliveries",
            "Notification delivery attempts this replica made, by sink and outcome (delivered, retry, failed)",
            metrics.notification_deliveries.clone(),
        );
        registry.register(
            "cyberbrain_notification_delivery_lag_seconds",
            "Seconds from a run's finish to the delivery of its notification",
            metrics.notification_lag.clone(),
        );
        registry.register(
            "cyberbrain_runs",
            "Runs by status, counted in the database",
            metrics.runs.clone(),
        );
        registry.register(
            "cyberbrain_jobs",
            "Jobs by status, counted in the database",
            metrics.jobs.clone(),
        );
        registry.register(
            "cyberbrain_runs_launched",
            "Runs launched through this replica",
            metrics.runs_launched.clone(),
        );
        registry.register(
            "cyberbrain_runs_finished",
            "Runs this replica finished, by final status (each run is finished by one replica)",
            metrics.runs_finished.clone(),
        );
        registry.register(
            "cyberbrain_runs_deleted",
            "Finished runs this replica deleted past the retention period",
            metrics.runs_deleted.clone(),
        );
        registry.register(
            "cyberbrain_jobs_finished",
            "Jobs whose end this replica recorded, by final status",
            metrics.jobs_finished.clone(),
        );
        registry.register(
            "cyberbrain_dispatch_latency_seconds",
            "Seconds from a job's launch to its first assignment on an agent's stream",
            metrics.dispatch_latency.clone(),
        );
        registry.register(
            "cyberbrain_baseline_errors",
            "Run finishes on this replica whose template baseline could not be read or updated, by stage (read, update)",
            metrics.baseline_errors.clone(),
        );
        registry.register(
            "cyberbrain_webhook_deliveries",
            "Inbound webhook deliveries, by reason: launched, duplicate, filtered, bad_signature, stale, invalid, launch_failed",
            metrics.webhook_deliveries.clone(),
        );
        registry.register(
            "cyberbrain_schedule_fires",
            "Schedule fire times that launched a run through this replica (one replica per fire time)",
            metrics.schedule_fires.clone(),
        );
        registry.register(
            "cyberbrain_schedule_skips",
            "Schedule fire times skipped, by reason: forbid, deadline, missed (catch-up runs only the latest), launch_failed",
            metrics.schedule_skips.clone(),
        );
        for reason in cyberbrain_model::schedules::SkipReason::ALL {
            metrics
                .schedule_skips
                .get_or_create(&ReasonLabel {
                    reason: reason.as_str().to_string(),
                })
                .inc_by(0);
        }
        registry.register(
            "cyberbrain_schedule_fire_lag_seconds",
            "Seconds from a schedule's fire time to the commit of its run",
            metrics.schedule_fire_lag.clone(),
        );
        registry.register(
            "cyberbrain_schedules_overdue",
            "Unpaused schedules whose next fire time passed more than two minutes ago (a schedule that stopped firing)",
            metrics.schedules_overdue.clone(),
        );
        registry.register(
            "cyberbrain_agents_online",
            "Agents online in the fleet, counted in the database",
            metrics.agents_online.clone(),
        );
        registry.register(
            "cyberbrain_agent_streams_open",
            "Agent streams open on this replica",
            metrics.agent_streams_open.clone(),
        );
        registry.register(
            "cyberbrain_ready",
            "1 while this replica is ready: the database answers, the schema is current, not shutting down",
            metrics.ready.clone(),
        );
        registry.register(
            "cyberbrain_connections_open",
            "Connections open on each gRPC listener, handshaking or served",
            metrics.connections_open.clone(),
        );
        registry.register(
            "cyberbrain_connections_refused",
            "Connections closed before they were served (caps reached, TLS handshake or HTTP/2 preface failed or too slow), by listener and reason",
            metrics.connections_refused.clone(),
        );
        registry.register(
            "cyberbrain_auth_token_lookups",
            "API token verifications that queried the database (tokens verified lately are checked in memory)",
            metrics.token_lookups.clone(),
        );
        registry.register(
            "cyberbrain_auth_source_limited",
            "API calls refused before any token lookup: too many unverified tokens from their source address",
            metrics.unauthenticated_limited.clone(),
        );
        registry.register(
            "cyberbrain_agent_replacements_refused",
            "Agent attaches refused because the same identity kept replacing its own stream",
            metrics.agent_replacements_refused.clone(),
        );
        registry.register(
            "cyberbrain_accept_failures",
            "Failed accepts on each gRPC listener (out of file descriptors, say)",
            metrics.accept_failures.clone(),
        );
        for listener in [Listener::Api, Listener::AgentLink] {
            metrics
                .accept_failures
                .get_or_create(&listener_label(listener))
                .inc_by(0);
            metrics
                .connections_open
                .get_or_create(&listener_label(listener))
                .set(0);
            for reason in Refusal::ALL {
                metrics
                    .connections_refused
                    .get_or_create(&refusal_labels(listener, reason))
                    .inc_by(0);
            }
        }
        registry.register(
            "cyberbrain_db_pool_connections",
            "Database pool connections by state",
            metrics.pool_connections.clone(),
        );
        registry.register(
            "cyberbrain_db_pool_max_connections",
            "Database pool size limit",
            metrics.pool_max_connections.clone(),
        );
        registry.register(
            "cyberbrain_llm_calls",
            "HTTP calls to LLM providers by provider and outcome",
            metrics.llm_calls.clone(),
        );
        registry.register(
            "cyberbrain_llm_tokens",
            "LLM tokens the providers reported, by provider and kind",
            metrics.llm_tokens.clone(),
        );
        // Every status is shown, at 0 until counted, so dashboards and alerts see each series.
        for status in RunStatus::ALL {
            metrics
                .runs
                .get_or_create(&status_label(status.as_str()))
                .set(0);
            if status.is_terminal() {
                metrics
                    .runs_finished
                    .get_or_create(&status_label(status.as_str()))
                    .inc_by(0);
            }
        }
        for status in JobStatus::ALL {
            metrics
                .jobs
                .get_or_create(&status_label(status.as_str()))
                .set(0);
            if status.is_terminal() {
                metrics
                    .jobs_finished
                    .get_or_create(&status_label(status.as_str()))
                    .inc_by(0);
            }
        }
        // Every sink and outcome shows from the start, so alerts and dashboards see zeros.
        for sink in ["slack", "webhook", "github"] {
            for outcome in ["delivered", "retry", "failed"] {
                metrics
                    .notification_deliveries
                    .get_or_create(&DeliveryLabels {
                        sink: sink.into(),
                        outcome: outcome.into(),
                    })
                    .inc_by(0);
            }
        }
        for reason in [
            "launched",
            "duplicate",
            "filtered",
            "bad_signature",
            "stale",
            "invalid",
            "unknown",
            "launch_failed",
        ] {
            metrics
                .webhook_deliveries
                .get_or_create(&ReasonLabel {
                    reason: reason.into(),
                })
                .inc_by(0);
        }
        for stage in ["read", "update"] {
            metrics
                .baseline_errors
                .get_or_create(&StageLabel {
                    stage: stage.into(),
                })
                .inc_by(0);
        }
        metrics.registry = registry;
        metrics
    }

    /// A run's finish could not read (`read`) or update (`update`) its template baseline.
    pub fn baseline_error(&self, stage: &'static str) {
        self.baseline_errors
            .get_or_create(&StageLabel {
                stage: stage.to_string(),
            })
            .inc();
    }

    /// An inbound webhook delivery ended in `outcome` (a fixed word, never from the request).
    pub fn webhook_delivery(&self, outcome: &'static str) {
        self.webhook_deliveries
            .get_or_create(&ReasonLabel {
                reason: outcome.to_string(),
            })
            .inc();
    }

    /// A schedule's fire time launched its run `lag` after that time.
    pub fn schedule_fired(&self, lag: Duration) {
        self.schedule_fires.inc();
        self.schedule_fire_lag.observe(lag.as_secs_f64());
    }

    /// `count` fire times of a schedule were skipped for `reason`.
    pub fn schedule_skipped(&self, reason: cyberbrain_model::schedules::SkipReason, count: u64) {
        if count > 0 {
            self.schedule_skips
                .get_or_create(&ReasonLabel {
                    reason: reason.as_str().to_string(),
                })
                .inc_by(count);
        }
    }

    /// Schedules found overdue by the last scheduler tick.
    pub fn set_schedules_overdue(&self, count: u64) {
        self.schedules_overdue
            .set(i64::try_from(count).unwrap_or(i64::MAX));
    }

    /// A notification attempt to a `sink` ended in `outcome` (`delivered`, `retry` or
    /// `failed`); `lag` is the time since the message was written, for delivered ones.
    pub fn notification_attempt(&self, sink: &str, outcome: &str, lag: Option<Duration>) {
        self.notification_deliveries
            .get_or_create(&DeliveryLabels {
                sink: sink.to_string(),
                outcome: outcome.to_string(),
            })
            .inc();
        if let Some(lag) = lag {
            self.notification_lag.observe(lag.as_secs_f64());
        }
    }

    /// A run was launched.
    pub fn run_launched(&self) {
        self.runs_launched.inc();
    }

    /// This replica finished a run in `status`.
    pub fn run_finished(&self, status: RunStatus) {
        self.runs_finished
            .get_or_create(&status_label(status.as_str()))
            .inc();
    }

    /// `count` finished runs were deleted past the retention period.
    pub fn runs_deleted(&self, count: usize) {
        self.runs_deleted
            .inc_by(u64::try_from(count).unwrap_or(u64::MAX));
    }

    /// `count` jobs ended in `status` (recorded by this replica).
    pub fn jobs_finished(&self, status: JobStatus, count: usize) {
        if count > 0 {
            self.jobs_finished
                .get_or_create(&status_label(status.as_str()))
                .inc_by(u64::try_from(count).unwrap_or(u64::MAX));
        }
    }

    /// A job's first `Assign` went out `latency` after its launch.
    pub fn job_dispatched(&self, latency: Duration) {
        self.dispatch_latency.observe(latency.as_secs_f64());
    }

    /// Whether the replica is ready, as the health watcher last found.
    pub fn set_ready(&self, ready: bool) {
        self.ready.set(i64::from(ready));
    }

    /// Whether the health watcher last found the replica ready.
    pub fn is_ready(&self) -> bool {
        self.ready.get() == 1
    }

    /// A connection took a slot on `listener`.
    pub fn connection_opened(&self, listener: Listener) {
        self.connections_open
            .get_or_create(&listener_label(listener))
            .inc();
    }

    /// A connection on `listener` gave its slot back.
    pub fn connection_closed(&self, listener: Listener) {
        self.connections_open
            .get_or_create(&listener_label(listener))
            .dec();
    }

    /// A connection on `listener` was closed before it was served, for `reason`.
    pub fn connection_refused(&self, listener: Listener, reason: Refusal) {
        self.connections_refused
            .get_or_create(&refusal_labels(listener, reason))
            .inc();
    }

    /// An API token verification went to the database.
    pub fn token_lookup(&self) {
        self.token_lookups.inc();
    }

    /// An API call was refused before its token lookup (its source sent too many unverified).
    pub fn unauthenticated_limited(&self) {
        self.unauthenticated_limited.inc();
    }

    /// `accept` failed on a listener.
    pub fn accept_failed(&self, listener: Listener) {
        self.accept_failures
            .get_or_create(&listener_label(listener))
            .inc();
    }

    /// An agent attach was refused: its identity replaced its own stream too often.
    pub fn agent_replacement_refused(&self) {
        self.agent_replacements_refused.inc();
    }

    /// An agent stream opened on this replica.
    pub fn stream_opened(&self) {
        self.agent_streams_open.inc();
    }

    /// An agent stream closed.
    pub fn stream_closed(&self) {
        self.agent_streams_open.dec();
    }

    /// Shows the configured providers' call and token series at 0 before their first call, so
    /// rates and alerts over them start from a known value.
    pub fn llm_providers<'a>(&self, providers: impl IntoIterator<Item = &'a str>) {
        for provider in providers {
            self.llm_calls
                .get_or_create(&LlmCallLabels {
                    provider: provider.to_string(),
                    outcome: "ok".into(),
                })
                .inc_by(0);
            for kind in ["prompt", "completion"] {
                self.llm_tokens
                    .get_or_create(&LlmTokenLabels {
                        provider: provider.to_string(),
                        kind: kind.into(),
                    })
                    .inc_by(0);
            }
        }
    }

    /// HTTP calls to LLM providers, as recorded in `llm_calls`.
    pub fn llm_calls(&self, attempts: &[Attempt]) {
        for attempt in attempts {
            self.llm_calls
                .get_or_create(&LlmCallLabels {
                    provider: attempt.provider.clone(),
                    outcome: attempt.outcome.as_str().to_string(),
                })
                .inc();
            let Some(usage) = &attempt.usage else {
                continue;
            };
            for (kind, tokens) in [
                ("prompt", usage.prompt_tokens),
                ("completion", usage.completion_tokens),
            ] {
                if let Some(tokens) = tokens {
                    self.llm_tokens
                        .get_or_create(&LlmTokenLabels {
                            provider: attempt.provider.clone(),
                            kind: kind.to_string(),
                        })
                        .inc_by(u64::from(tokens));
                }
            }
        }
    }

    /// Every metric in the text exposition format, with the database counts at most a second
    /// old. When the database does not answer in time, the last counts are shown (readiness
    /// reports the outage).
    pub async fn render(&self, store: &Store) -> String {
        self.refresh_counts(store).await;
        let pool = store.pool_occupancy();
        self.pool_connections
            .get_or_create(&PoolStateLabel {
                state: "busy".into(),
            })
            .set(to_i64(pool.busy));
        self.pool_connections
            .get_or_create(&PoolStateLabel {
                state: "idle".into(),
            })
            .set(to_i64(pool.idle));
        self.pool_max_connections.set(to_i64(pool.max));
        self.encode()
    }

    /// Every metric as it stands, without reading the database.
    fn encode(&self) -> String {
        render(&self.registry)
    }

    async fn refresh_counts(&self, store: &Store) {
        let mut read_at = self.counts_read_at.lock().await;
        let fresh = |at: Option<Instant>, max_age| at.is_some_and(|at| at.elapsed() < max_age);
        if fresh(read_at.unfinished, COUNTS_MAX_AGE) {
            return;
        }
        let finished = !fresh(read_at.finished, FINISHED_COUNTS_MAX_AGE);
        let counting = store.status_counts(finished, FINISHED_COUNTS_TIMEOUT);
        match tokio::time::timeout(COUNTS_TIMEOUT, counting).await {
            Ok(Ok(counts)) => {
                self.set_counts(&counts);
                let now = Instant::now();
                read_at.unfinished = Some(now);
                if finished {
                    // Also after a timeout: the next try waits as long as the next count would.
                    read_at.finished = Some(now);
                }
                if finished && !counts.finished_counted {
                    tracing::warn!(
                        timeout_ms = FINISHED_COUNTS_TIMEOUT.as_millis(),
                        "metrics: counting finished runs and jobs took too long; their gauges keep their last values"
                    );
                }
            }
            Ok(Err(e)) => tracing::warn!(error = %e, "metrics: could not count runs and jobs"),
            Err(_) => tracing::warn!("metrics: counting runs and jobs timed out"),
        }
    }

    /// Sets the gauges the counts cover: every status, or only the unfinished ones when finished
    /// runs and jobs were not counted.
    fn set_counts(&self, counts: &StatusCounts) {
        let covered = |terminal: bool| counts.finished_counted || !terminal;
        for (family, rows, all) in [
            (
                &self.runs,
                &counts.runs,
                RunStatus::ALL
                    .iter()
                    .filter(|s| covered(s.is_terminal()))
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>(),
            ),
            (
                &self.jobs,
                &counts.jobs,
                JobStatus::ALL
                    .iter()
                    .filter(|s| covered(s.is_terminal()))
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>(),
            ),
        ] {
            for status in all {
                let count = rows
                    .iter()
                    .find(|(s, _)| s == status)
                    .map_or(0, |(_, n)| *n);
                family.get_or_create(&status_label(status)).set(count);
            }
        }
        let online = counts
            .agents
            .iter()
            .find(|(state, _)| state == "online")
            .map_or(0, |(_, n)| *n);
        self.agents_online.set(online);
    }
}

/// When the database counts were last read.
#[derive(Debug, Default)]
struct CountsReadAt {
    unfinished: Option<Instant>,
    finished: Option<Instant>,
}

fn listener_label(listener: Listener) -> ListenerLabel {
    ListenerLabel {
        listener: listener.as_str().to_string(),
    }
}

fn refusal_labels(listener: Listener, reason: Refusal) -> RefusalLabels {
    RefusalLabels {
        listener: listener.as_str().to_string(),
        reason: reason.as_str().to_string(),
    }
}

fn status_label(status: &str) -> StatusLabel {
    StatusLabel {
        status: status.to_string(),
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use cyberbrain_llm::client::Usage;
    use cyberbrain_llm::providers::Outcome;

    use super::*;

    fn attempt(provider: &str, outcome: Outcome, usage: Option<Usage>) -> Attempt {
        Attempt {
            provider: provider.into(),
            model: "m".into(),
            endpoint_host: "h:1".into(),
            streamed: false,
            usage,
            latency: Duration::from_millis(5),
            outcome,
        }
    }

    #[test]
    fn events_and_counts_show_up_under_their_names() {
        let metrics = Metrics::new();
        metrics.llm_providers(["idle"]);
        metrics.run_launched();
        metrics.jobs_finished(JobStatus::Succeeded, 2);
        metrics.jobs_finished(JobStatus::Lost, 0);
        metrics.job_dispatched(Duration::from_millis(30));
        metrics.llm_calls(&[
            attempt(
                "a",
                Outcome::Ok,
                Some(Usage {
                    prompt_tokens: Some(100),
                    completion_tokens: Some(7),
                    total_tokens: Some(107),
                }),
            ),
            attempt("a", Outcome::Timeout, None),
        ]);
        metrics.set_counts(&StatusCounts {
            runs: vec![("succeeded".into(), 4)],
            jobs: vec![("queued".into(), 3), ("succeeded".into(), 9)],
            agents: vec![("online".into(), 5), ("offline".into(), 1)],
            finished_counted: true,
        });
        // A scrape that could count only unfinished work leaves the finished gauges as they were.
        metrics.set_counts(&StatusCounts {
            jobs: vec![("running".into(), 1)],
            ..StatusCounts::default()
        });
        let text = metrics.encode();
        for line in [
            "cyberbrain_runs_launched_total 1",
            "cyberbrain_jobs_finished_total{status=\"succeeded\"} 2",
            "cyberbrain_jobs_finished_total{status=\"lost\"} 0",
            "cyberbrain_dispatch_latency_seconds_count 1",
            "cyberbrain_dispatch_latency_seconds_bucket{le=\"0.04\"} 1",
            "cyberbrain_llm_calls_total{provider=\"a\",outcome=\"ok\"} 1",
            "cyberbrain_llm_calls_total{provider=\"a\",outcome=\"timeout\"} 1",
            "cyberbrain_llm_calls_total{provider=\"idle\",outcome=\"ok\"} 0",
            "cyberbrain_llm_tokens_total{provider=\"a\",kind=\"prompt\"} 100",
            "cyberbrain_llm_tokens_total{provider=\"a\",kind=\"completion\"} 7",
            "cyberbrain_runs{status=\"succeeded\"} 4",
            "cyberbrain_runs{status=\"failed\"} 0",
            "cyberbrain_jobs{status=\"queued\"} 0",
            "cyberbrain_jobs{status=\"running\"} 1",
            "cyberbrain_jobs{status=\"succeeded\"} 9",
            "cyberbrain_agents_online 0",
        ] {
            assert!(
                text.lines().any(|l| l == line),
                "{line} missing from\n{text}"
            );
        }
    }
}
