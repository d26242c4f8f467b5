//! The agent's side of the link: connect over mutual TLS, say hello, run what is assigned, deliver
//! every result until it is acknowledged, and reconnect with backoff when the stream breaks.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context;
use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::agent::v1::agent_link_client::AgentLinkClient;
use cyberbrain_tasks::TaskSpec;
use cyberbrain_tasks::wire::allowlist_from_wire;
use tokio::sync::{Semaphore, mpsc, watch};
use tokio::task::AbortHandle;
use tokio_stream::wrappers::ReceiverStream;
use tonic::transport::Endpoint;
use tracing::Instrument;

use cyberbrain_telemetry::{shutdown, traces};

use crate::config::Config;
use crate::docker::DockerHost;
use crate::gpu;
use crate::identity::{self, SharedIdentity};
use crate::metrics::AgentMetrics;
use crate::runner::TaskContext;

/// The largest message either side sends on the link.
const MAX_MESSAGE_BYTES: usize = 16 * 1024 * 1024;
/// First and largest pause between connection attempts.
const BACKOFF_MIN: Duration = Duration::from_millis(250);
const BACKOFF_MAX: Duration = Duration::from_secs(30);
/// The longest Docker error the hello carries: enough to diagnose, far under the controller's
/// limit, however long the text a daemon or a proxy in front of it returns.
const MAX_DOCKER_ERROR_BYTES: usize = 1024;
/// The longest driver version the hello carries (the controller keeps at most 255 bytes).
const MAX_DRIVER_VERSION_BYTES: usize = 255;
/// Heartbeat intervals without a `HeartbeatAck` after which the stream counts as dead: the
/// controller renews leases for three intervals, so after two the jobs are not yet lost.
const MISSED_ACKS: u32 = 2;
/// How long a stream must have lived for the backoff to start again from [`BACKOFF_MIN`]: a
/// stream that is welcomed and then cut at once (another holder of this certificate replacing
/// it, say) must not turn into a reconnect loop.
const STABLE_STREAM: Duration = Duration::from_secs(60);
/// The controller's `Goodbye` reason when another stream of this agent replaced ours.
const REPLACED_REASON: &str = "another stream of this agent attached";

/// A job on this agent: `(job id, attempt)`.
type JobKey = (String, u32);

/// Why a session ended without an error.
enum SessionEnd {
    /// The controller closed the stream.
    Closed,
    /// The controller is shutting down and asked us to move on.
    Goodbye,
    /// Another stream of this agent's identity replaced ours.
    Replaced,
    /// We were shutting down and finished (or gave up) draining.
    Drained,
}

/// Locks a mutex whose data stays consistent even if a holder panicked.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

/// What running jobs tell the link.
enum JobEvent {
    Accepted(JobKey),
    /// The result is in `unacked`.
    Finished(JobKey),
    /// A piece of a command's output, kept in `outputs` too.
    Output(link::JobOutput),
}

/// How long a finished job waits for the last pieces of its output to be queued.
const OUTPUT_FLUSH: Duration = Duration::from_secs(5);

/// The agent: configuration plus what survives reconnects (results not yet acknowledged).
pub struct Agent {
    config: Config,
    /// The certificate for the next connection; the renewer replaces it.
    identity: SharedIdentity,
    tasks: TaskContext,
    slots: Arc<Semaphore>,
    events_tx: mpsc::Sender<JobEvent>,
    events_rx: mpsc::Receiver<JobEvent>,
    /// Results sent but not acknowledged: resent after every reconnect.
    /// Shared with the job tasks, which put their result here before they leave `running`, so that
    /// a job is always in one of the two when a hello lists what is in flight.
    unacked: Arc<Mutex<HashMap<JobKey, link::JobResult>>>,
    /// Jobs being worked on now, with the handle that cancels each.
    running: Arc<Mutex<HashMap<JobKey, AbortHandle>>>,
    /// The numbered output pieces of command jobs, kept until the job's result is acknowledged
    /// and sent again, before the results, after every reconnect (the controller stores each
    /// number once). Bounded by each command's output cap.
    outputs: Arc<Mutex<HashMap<JobKey, Vec<link::JobOutput>>>>,
    /// Prometheus metrics, shared with the HTTP endpoint.
    metrics: Arc<AgentMetrics>,
    /// The id the controller's welcome gave us, for the `agent_id` field of job spans (empty
    /// before the first welcome).
    agent_id: String,
}

impl Agent {
    /// Sets up the agent's identity: the certificate files given, or the enrolled one in the state
    /// directory, or a new enrollment with the join token. The agent records into `metrics`.
    pub async fn new(config: Config, metrics: Arc<AgentMetrics>) -> anyhow::Result<Agent> {
        let identity = identity::load_or_enroll(&config).await?;
        if let Some(limit) = config.local_limit() {
            tracing::info!(
                allow = limit.allow.len(),
                deny = limit.deny.len(),
                "a local container limit narrows every allowlist"
            );
        }
        let commands = config.command_catalog()?;
        if !commands.is_empty() {
            tracing::info!(commands = ?commands.names(), "commands declared for the controller to run");
        }
        let images = config.worker_images()?;
        if !images.is_empty() {
            tracing::info!(images = ?images.names(), "worker images the controller may run");
        }
        let worker_owner = crate::worker::owner_id(identity.ca_pem(), &config.agent_name());
        remove_orphan_workers(config.docker_host.as_deref(), &worker_owner).await;
        let (events_tx, events_rx) = mpsc::channel(256);
        Ok(Agent {
            tasks: TaskContext {
                docker_host: config.docker_host.clone(),
                nvml_library: config.nvml_library.clone(),
                metrics: metrics.clone(),
                local_limit: config.local_limit(),
                hostname: config.hostname(),
                commands: Arc::new(commands),
                images: Arc::new(images),
                worker_owner,
            },
            metrics,
            slots: Arc::new(Semaphore::new(config.max_concurrent_jobs as usize)),
            config,
            identity,
            events_tx,
            events_rx,
            unacked: Arc::default(),
            running: Arc::default(),
            outputs: Arc::default(),
            agent_id: String::new(),
        })
    }

    /// Stays connected (to each controller address in turn) until `shutdown` turns true; then
    /// drains: no new work, running jobs finish and their results are delivered, for at most
    /// `--drain-seconds`.
    pub async fn run(mut self, mut shutdown: watch::Receiver<bool>) -> anyhow::Result<()> {
        let addresses = self.config.controller.clone();
        if addresses.is_empty() {
            anyhow::bail!("no controller address given (--controller)");
        }
        tokio::spawn(identity::renew_forever(
            self.identity.clone(),
            addresses.clone(),
            shutdown.clone(),
        ));
        let mut backoff = BACKOFF_MIN;
        let mut attempt: usize = 0;
        loop {
            let address = &addresses[attempt % addresses.len()];
            attempt += 1;
            let mut welcomed_at = None;
            let outcome = self.session(address, &mut welcomed_at, &mut shutdown).await;
            self.metrics.set_connected(false);
            if welcomed_at.is_some_and(|at: tokio::time::Instant| at.elapsed() >= STABLE_STREAM) {
                backoff = BACKOFF_MIN;
            }
            match outcome {
                Ok(SessionEnd::Drained) => return Ok(()),
                Ok(SessionEnd::Goodbye) => {
                    tracing::info!(controller = %address, "controller said goodbye; moving on");
                    // Straight to the next address: the controller is leaving on purpose.
                    if *shutdown.borrow() {
                        return Ok(());
                    }
                    continue;
                }
                Ok(SessionEnd::Replaced) => {
                    // Through the growing backoff: if another host holds our certificate, an
                    // immediate reconnect would only take the stream back and forth.
                    tracing::warn!(controller = %address,
                        "our stream was replaced by another of this agent; reconnecting after a pause")
                }
                Ok(SessionEnd::Closed) => {
                    tracing::info!(controller = %address, "controller closed the link")
                }
                Err(e) => {
                    tracing::warn!(controller = %address, error = format!("{e:#}"), "link failed")
                }
            }
            if *shutdown.borrow() {
                // Nothing can be delivered without a link; what is unacknowledged is requeued by
                // the controller when the leases expire.
                return Ok(());
            }
            let pause = jitter(backoff);
            backoff = (backoff * 2).min(BACKOFF_MAX);
            tokio::select! {
                () = tokio::time::sleep(pause) => {}
                () = shutdown::requested(&mut shutdown) => return Ok(()),
            }
        }
    }

    /// One connection, from hello until the stream ends, the controller says goodbye, or a drain
    /// completes.
    async fn session(
        &mut self,
        address: &str,
        welcomed_at: &mut Option<tokio::time::Instant>,
        shutdown: &mut watch::Receiver<bool>,
    ) -> anyhow::Result<SessionEnd> {
        let channel = Endpoint::from_shared(address.to_string())
            .with_context(|| format!("invalid controller address {address:?}"))?
            .tls_config(self.identity.client_tls())?
            .connect_timeout(Duration::from_secs(5))
            .http2_keep_alive_interval(Duration::from_secs(30))
            .keep_alive_timeout(Duration::from_secs(10))
            .connect()
            .await
            .with_context(|| format!("connecting to {address}"))?;
        let mut client = AgentLinkClient::new(channel)
            .max_decoding_message_size(MAX_MESSAGE_BYTES)
            .max_encoding_message_size(MAX_MESSAGE_BYTES);
        let (outbound, outbound_rx) = mpsc::channel::<link::AgentMessage>(64);
        outbound.send(self.hello().await).await?;
        let mut inbound = client
            .attach(ReceiverStream::new(outbound_rx))
            .await
            .context("opening the agent stream")?
            .into_inner();
        let welcome = match inbound.message().await?.and_then(|m| m.message) {
            Some(link::controller_message::Message::Welcome(w)) => w,
            _ => anyhow::bail!("the controller did not answer hello with welcome"),
        };
        *welcomed_at = Some(tokio::time::Instant::now());
        self.metrics.set_connected(true);
        tracing::info!(controller = %address, agent = %welcome.agent_name, agent_id = %welcome.agent_id, "connected");
        self.agent_id = welcome.agent_id.clone();
        // Names the allowlisted containers of GPU processes in the GPU metrics.
        self.metrics
            .gpu()
            .set_allowlist(allowlist_from_wire(&welcome.allowlist));
        // A result may go out twice (here and from its queued event): the controller
        // recognises the repeat and acknowledges it again.
        let pieces: Vec<link::JobOutput> =
            lock(&self.outputs).values().flatten().cloned().collect();
        for piece in pieces {
            outbound
                .send(message(link::agent_message::Message::JobOutput(piece)))
                .await?;
        }
        let pending: Vec<link::JobResult> = lock(&self.unacked).values().cloned().collect();
        for result in pending {
            outbound
                .send(message(link::agent_message::Message::JobResult(result)))
                .await?;
        }
        let heartbeat_every =
            Duration::from_secs(u64::from(welcome.heartbeat_interval_seconds.max(1)));
        let mut heartbeat = tokio::time::interval(heartbeat_every);
        // A controller that acknowledges heartbeats must do so from the start: one frozen right
        // after the welcome is caught like one frozen later. One that sends none (an older one)
        // is trusted until its first ack; after that, missed acks end the stream either way.
        let mut ack_due: Option<tokio::time::Instant> = welcome
            .acks_heartbeats
            .then(|| tokio::time::Instant::now() + heartbeat_every * (MISSED_ACKS + 1));
        let drain_for = Duration::from_secs(u64::from(self.config.drain_seconds));
        let mut drain_deadline: Option<tokio::time::Instant> = shutdown
            .borrow()
            .then(|| tokio::time::Instant::now() + drain_for);
        loop {
            if drain_deadline.is_some() && self.is_idle() {
                tracing::info!("drained: every job finished and acknowledged");
                return Ok(SessionEnd::Drained);
            }
            let deadline = drain_deadline
                .unwrap_or_else(|| tokio::time::Instant::now() + Duration::from_secs(86_400));
            tokio::select! {
                incoming = inbound.message() => match incoming? {
                    Some(link::ControllerMessage { message: Some(link::controller_message::Message::HeartbeatAck(_)) }) => {
                        ack_due = Some(tokio::time::Instant::now() + heartbeat_every * MISSED_ACKS);
                        self.metrics.set_connected(true);
                    }
                    Some(m) => {
                        if let Some(end) = self.handle(m, drain_deadline.is_some()) {
                            return Ok(end);
                        }
                    }
                    None => return Ok(SessionEnd::Closed),
                },
                _ = heartbeat.tick() => {
                                        // Results not yet acknowledged count as held: their leases must not lapse while
                    // a busy controller works through its queue.
                    let running = self.held_refs();
                    outbound.send(message(link::agent_message::Message::Heartbeat(link::Heartbeat { running }))).await?;
                }
                Some(event) = self.events_rx.recv() => match event {
                    JobEvent::Accepted((job_id, attempt)) => {
                        let accepted = link::JobAccepted { job_id, attempt };
                        outbound.send(message(link::agent_message::Message::JobAccepted(accepted))).await?;
                    }
                    JobEvent::Output(piece) => {
                        outbound.send(message(link::agent_message::Message::JobOutput(piece))).await?;
                    }
                    JobEvent::Finished(key) => {
                        let result = lock(&self.unacked).get(&key).cloned();
                        if let Some(result) = result {
                            outbound.send(message(link::agent_message::Message::JobResult(result))).await?;
                        }
                    }
                },
                () = tokio::time::sleep_until(ack_due.unwrap_or(deadline)), if ack_due.is_some() => {
                    // Not ready from here on, and a new stream: this one is open but unserved
                    // (replaced, or its controller stuck).
                    self.metrics.set_connected(false);
                    tracing::warn!(controller = %address, missed = MISSED_ACKS, "no heartbeat acknowledged; reconnecting");
                    return Ok(SessionEnd::Closed);
                }
                () = shutdown::requested(shutdown), if drain_deadline.is_none() => {
                    tracing::info!(jobs = self.running_refs().len(), "draining before exit");
                    drain_deadline = Some(tokio::time::Instant::now() + drain_for);
                }
                () = tokio::time::sleep_until(deadline), if drain_deadline.is_some() => {
                    tracing::warn!(jobs = self.running_refs().len(), "drain time is up; leaving jobs to be redispatched");
                    return Ok(SessionEnd::Drained);
                }
            }
        }
    }

    /// Whether no job is running and every result was acknowledged.
    fn is_idle(&self) -> bool {
        lock(&self.unacked).is_empty()
            && self
                .running
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .is_empty()
    }

    /// Acts on one controller message; `Some` ends the session.
    fn handle(&mut self, incoming: link::ControllerMessage, draining: bool) -> Option<SessionEnd> {
        use link::controller_message::Message;
        match incoming.message {
            // While draining, new work is left to its lease: the controller redispatches it.
            Some(Message::Assign(assign)) if !draining => self.start(assign),
            Some(Message::Assign(assign)) => {
                tracing::info!(job_id = %assign.job_id, "draining: assignment left for redispatch")
            }
            Some(Message::Ack(ack)) => {
                let key = (ack.job_id, ack.attempt);
                lock(&self.outputs).remove(&key);
                lock(&self.unacked).remove(&key);
            }
            Some(Message::Cancel(cancel)) => {
                let key = (cancel.job_id, cancel.attempt);
                let handle = self
                    .running
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .remove(&key);
                lock(&self.outputs).remove(&key);
                if let Some(handle) = handle {
                    handle.abort();
                    tracing::info!(job_id = %key.0, attempt = key.1, "job cancelled");
                }
            }
            Some(Message::Goodbye(goodbye)) => {
                tracing::info!(reason = %goodbye.reason, "goodbye from the controller");
                return Some(if goodbye.reason == REPLACED_REASON {
                    SessionEnd::Replaced
                } else {
                    SessionEnd::Goodbye
                });
            }
            // The allowlist that counts is the one each assignment carries.
            Some(Message::AllowlistUpdate(_))
            | Some(Message::Welcome(_))
            | Some(Message::HeartbeatAck(_))
            | None => {}
        }
        None
    }

    /// Starts an assigned job in its own task, unless it is running or done already.
    fn start(&mut self, assign: link::Assign) {
        let key: JobKey = (assign.job_id.clone(), assign.attempt);
        // The newest allowlist the controller sent, for the GPU metrics' container names.
        self.metrics
            .gpu()
            .set_allowlist(allowlist_from_wire(&assign.allowlist));
        if lock(&self.unacked).contains_key(&key) {
            return;
        }
        // Held while spawning, so the task cannot remove its entry before it is inserted.
        let mut running = self.running.lock().unwrap_or_else(|e| e.into_inner());
        if running.contains_key(&key) {
            return;
        }
        let span = tracing::info_span!("task", run_id = %assign.run_id, job_id = %assign.job_id,
            agent_id = %self.agent_id, attempt = assign.attempt);
        // The controller's dispatch span is the parent, so the task joins the run's trace.
        traces::set_parent(&span, &assign.trace_context);
        let tasks = self.tasks.clone();
        let slots = self.slots.clone();
        let events = self.events_tx.clone();
        let registry = self.running.clone();
        let unacked = self.unacked.clone();
        let task_key = key.clone();
        let metrics = self.metrics.clone();
        let outputs = self.outputs.clone();
        let task_name = assign
            .task
            .clone()
            .and_then(|t| TaskSpec::try_from(t).ok())
            .map_or("unknown", |spec| spec.task_type().as_str());
        // The deadline counts from receipt, as the controller's counts from dispatch: time spent
        // waiting for a slot is part of it.
        let received = tokio::time::Instant::now();
        let handle = tokio::spawn(
            async move {
                let Ok(_permit) = slots.acquire_owned().await else {
                    return;
                };
                let _ = events.send(JobEvent::Accepted(task_key.clone())).await;
                let started = std::time::Instant::now();
                let (sink, pieces) = mpsc::unbounded_channel();
                // The only place the entry is made: a cancel or an ack removes it for good.
                lock(&outputs).entry(task_key.clone()).or_default();
                // Aborted with this task (a cancel), so nothing keeps reading for a dead job.
                let mut forward = AbortOnDrop(tokio::spawn(forward_output(
                    pieces,
                    task_key.clone(),
                    outputs,
                    events.clone(),
                )));
                let outcome = run_assigned(&tasks, &assign, received, sink).await;
                // Every piece is queued before the result, so the controller stores them while
                // the job still runs.
                let _ = tokio::time::timeout(OUTPUT_FLUSH, &mut forward.0).await;
                drop(forward);
                metrics.task_finished(task_name, outcome.is_ok(), started.elapsed());
                let outcome = match outcome {
                    Ok(result) => {
                        tracing::info!(task = result.task_type().as_str(), "job succeeded");
                        link::job_result::Outcome::Result(link::TaskResult::from(&result))
                    }
                    Err(error) => {
                        tracing::warn!(error = %error, "job failed");
                        link::job_result::Outcome::Error(error)
                    }
                };
                let result = link::JobResult {
                    job_id: task_key.0.clone(),
                    attempt: task_key.1,
                    outcome: Some(outcome),
                    trace_context: traces::inject(&tracing::Span::current()),
                };
                // Kept before leaving `running`: a hello in between still lists the job.
                lock(&unacked).insert(task_key.clone(), result);
                lock(&registry).remove(&task_key);
                let _ = events.send(JobEvent::Finished(task_key)).await;
            }
            .instrument(span),
        );
        running.insert(key, handle.abort_handle());
    }

    fn running_refs(&self) -> Vec<link::JobRef> {
        let running = self.running.lock().unwrap_or_else(|e| e.into_inner());
        running
            .keys()
            .map(|(job_id, attempt)| link::JobRef {
                job_id: job_id.clone(),
                attempt: *attempt,
            })
            .collect()
    }

    /// Jobs running or holding an unacknowledged result.
    fn held_refs(&self) -> Vec<link::JobRef> {
        let mut held = self.running_refs();
        held.extend(
            lock(&self.unacked)
                .keys()
                .map(|(job_id, attempt)| link::JobRef {
                    job_id: job_id.clone(),
                    attempt: *attempt,
                }),
        );
        held
    }

    async fn hello(&self) -> link::AgentMessage {
        let docker = match DockerHost::connect(self.config.docker_host.as_deref()).await {
            Ok(d) => d.ping().await.map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        let library = self.config.nvml_library.clone();
        let probe = tokio::task::spawn_blocking(move || gpu::probe(library.as_deref()))
            .await
            .unwrap_or_default();
        let in_flight = self.held_refs();
        message(link::agent_message::Message::Hello(link::Hello {
            version: env!("CARGO_PKG_VERSION").to_string(),
            hostname: self.config.hostname(),
            labels: self.config.label_map().into_iter().collect(),
            capabilities: Some(link::Capabilities {
                docker_reachable: docker.is_ok(),
                docker_error: diagnostic(&docker.err().unwrap_or_default(), MAX_DOCKER_ERROR_BYTES),
                nvml_available: probe.available,
                gpu_count: probe.gpu_count,
                driver_version: diagnostic(&probe.driver_version, MAX_DRIVER_VERSION_BYTES),
                commands: self.tasks.commands.names(),
                images: self.tasks.images.names(),
            }),
            in_flight,
        }))
    }
}

/// Numbers a job's output pieces from 1, keeps them in `outputs` and queues them for the link,
/// while the job has its entry there (made when it starts).
async fn forward_output(
    mut pieces: mpsc::UnboundedReceiver<String>,
    key: JobKey,
    outputs: Arc<Mutex<HashMap<JobKey, Vec<link::JobOutput>>>>,
    events: mpsc::Sender<JobEvent>,
) {
    let mut sequence = 0;
    while let Some(text) = pieces.recv().await {
        sequence += 1;
        let piece = link::JobOutput {
            job_id: key.0.clone(),
            attempt: key.1,
            sequence,
            text,
        };
        {
            let mut outputs = lock(&outputs);
            // Cancelled (or acknowledged): the rest of its output is not wanted; stopping here
            // closes the channel, so the command's side stops streaming too.
            let Some(kept) = outputs.get_mut(&key) else {
                return;
            };
            kept.push(piece.clone());
        }
        let _ = events.send(JobEvent::Output(piece)).await;
    }
}

/// Removes the worker containers this agent (`owner`) left in a previous run, after a crash.
/// Without Docker there is nothing to remove; a failure is logged, not fatal.
async fn remove_orphan_workers(docker_host: Option<&str>, owner: &str) {
    let Ok(docker) = crate::docker::DockerHost::connect(docker_host).await else {
        return;
    };
    match crate::worker::run::remove_orphans(docker.client(), owner).await {
        Ok(0) => {}
        Ok(removed) => tracing::warn!(
            removed,
            "removed worker containers left by a previous agent"
        ),
        Err(error) => tracing::warn!(%error, "could not look for orphaned worker containers"),
    }
}

/// A task aborted when its handle is dropped.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Validates and runs one assignment within its deadline, counted from `received`.
async fn run_assigned(
    tasks: &TaskContext,
    assign: &link::Assign,
    received: tokio::time::Instant,
    output: crate::exec::output::OutputSink,
) -> Result<cyberbrain_tasks::TaskResult, String> {
    let spec = assign
        .task
        .clone()
        .ok_or_else(|| "the assignment has no task".to_string())
        .and_then(|t| TaskSpec::try_from(t).map_err(|e| format!("refused task: {e}")))?;
    let allowlist = allowlist_from_wire(&assign.allowlist);
    let deadline = Duration::from_secs(u64::from(assign.deadline_seconds.max(1)));
    let deadline_at = received + deadline;
    tokio::time::timeout_at(
        deadline_at,
        tasks.run(&assign.job_id, &spec, &allowlist, deadline_at, Some(output)),
    )
    .await
    .map_err(|_| format!("deadline of {}s exceeded", deadline.as_secs()))?
}

/// Diagnostic text from outside the agent (a Docker daemon's or a proxy's error, a driver's
/// version) as the hello carries it: control characters (a `\r` in an HTTP error body, an escape)
/// become spaces and the text is cut to `max_bytes` on a character boundary, so that whatever
/// a daemon says cannot keep the agent from attaching.
fn diagnostic(text: &str, max_bytes: usize) -> String {
    let cut = &text[..text.floor_char_boundary(max_bytes)];
    cut.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn message(m: link::agent_message::Message) -> link::AgentMessage {
    link::AgentMessage { message: Some(m) }
}

/// A pause of 50-100 % of `max`, so that agents do not reconnect in lockstep.
fn jitter(max: Duration) -> Duration {
    // The clock's low bits are random enough to spread agents apart; no RNG dependency needed.
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let fraction = f64::from(nanos % 1000) / 1000.0;
    max.mul_f64(0.5 + fraction / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    type Outputs = Arc<Mutex<HashMap<JobKey, Vec<link::JobOutput>>>>;

    /// Polls `condition` for at most ten seconds.
    async fn eventually(mut condition: impl FnMut() -> bool) -> bool {
        let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
        while tokio::time::Instant::now() < deadline {
            if condition() {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        false
    }

    #[tokio::test]
    async fn output_of_a_cancelled_job_is_neither_kept_nor_sent() {
        let key: JobKey = ("job".into(), 1);
        let outputs: Outputs = Arc::default();
        lock(&outputs).insert(key.clone(), Vec::new());
        let (events_tx, mut events) = mpsc::channel(16);
        let (sink, pieces) = mpsc::unbounded_channel();
        let forward = tokio::spawn(forward_output(
            pieces,
            key.clone(),
            outputs.clone(),
            events_tx,
        ));
        sink.send("before\n".into()).unwrap();
        assert!(matches!(events.recv().await, Some(JobEvent::Output(p)) if p.sequence == 1));
        // The cancel removes the entry; a later piece must not bring it back.
        lock(&outputs).remove(&key);
        let _ = sink.send("after\n".into());
        forward.await.unwrap();
        assert!(lock(&outputs).is_empty(), "the entry was re-created");
        assert!(sink.is_closed(), "the command side may stop streaming");
        assert!(
            events.try_recv().is_err(),
            "a piece was sent after the cancel"
        );
    }

    #[tokio::test]
    async fn aborting_a_job_aborts_its_output_forwarder() {
        let outputs: Outputs = Arc::default();
        lock(&outputs).insert(("job".into(), 1), Vec::new());
        let (events_tx, _events) = mpsc::channel(16);
        let (sink, pieces) = mpsc::unbounded_channel::<String>();
        let job = tokio::spawn(async move {
            let _forward = AbortOnDrop(tokio::spawn(forward_output(
                pieces,
                ("job".into(), 1),
                outputs,
                events_tx,
            )));
            std::future::pending::<()>().await;
        });
        assert!(!sink.is_closed());
        job.abort();
        assert!(
            eventually(|| sink.is_closed()).await,
            "the forwarder outlived its job"
        );
    }

    #[test]
    fn diagnostic_text_is_cut_on_a_character_boundary_without_control_characters() {
        let proxy_page = format!("HTTP 502\r\n{}\u{1b}[2J", "é".repeat(10_000));
        let sent = diagnostic(&proxy_page, MAX_DOCKER_ERROR_BYTES);
        assert!(sent.len() <= MAX_DOCKER_ERROR_BYTES, "{}", sent.len());
        assert!(sent.starts_with("HTTP 502  é"), "{sent}");
        assert!(!sent.chars().any(char::is_control), "{sent:?}");
        // 'é' is two bytes: a cut inside one moves back to its start.
        assert_eq!(diagnostic("aé", 2), "a");
        assert_eq!(
            diagnostic("535.104\0", MAX_DRIVER_VERSION_BYTES),
            "535.104 "
        );
        assert_eq!(diagnostic("", 10), "");
    }
}
