//! The agent's side of the link: connect over mutual TLS, say hello, run what is assigned, deliver
//! every result until it is acknowledged, and reconnect with backoff when the stream breaks.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context;
use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::agent::v1::agent_link_client::AgentLinkClient;
use cyberbrain_tasks::TaskSpec;
use cyberbrain_tasks::wire::allowlist_from_wire;
use tokio::sync::{Semaphore, mpsc, watch};
use tokio_stream::wrappers::ReceiverStream;
use tonic::transport::{Certificate, ClientTlsConfig, Endpoint, Identity};
use tracing::Instrument;

use crate::config::Config;
use crate::docker::DockerHost;
use crate::gpu;
use crate::runner::TaskContext;

/// The largest message either side sends on the link.
const MAX_MESSAGE_BYTES: usize = 16 * 1024 * 1024;
/// First and largest pause between connection attempts.
const BACKOFF_MIN: Duration = Duration::from_millis(250);
const BACKOFF_MAX: Duration = Duration::from_secs(30);

/// A job on this agent: `(job id, attempt)`.
type JobKey = (String, u32);

/// What running jobs tell the link.
enum JobEvent {
    Accepted(JobKey),
    Finished(link::JobResult),
}

/// The agent: configuration plus what survives reconnects (results not yet acknowledged).
pub struct Agent {
    config: Config,
    tls: ClientTlsConfig,
    tasks: TaskContext,
    slots: Arc<Semaphore>,
    events_tx: mpsc::Sender<JobEvent>,
    events_rx: mpsc::Receiver<JobEvent>,
    /// Results sent but not acknowledged: resent after every reconnect.
    unacked: HashMap<JobKey, link::JobResult>,
    /// Jobs being worked on now.
    running: Arc<Mutex<HashSet<JobKey>>>,
}

impl Agent {
    /// Reads the TLS material named in `config`.
    pub fn new(config: Config) -> anyhow::Result<Agent> {
        let read = |path: &std::path::Path, what: &str| {
            std::fs::read(path).with_context(|| {
                format!(
                    "reading the {what} {} (make dev certificates with `cbctl certs init`)",
                    path.display()
                )
            })
        };
        let identity = Identity::from_pem(
            read(&config.cert, "agent certificate")?,
            read(&config.key, "agent key")?,
        );
        let mut tls = ClientTlsConfig::new()
            .ca_certificate(Certificate::from_pem(read(
                &config.ca_cert,
                "CA certificate",
            )?))
            .identity(identity);
        if let Some(name) = &config.tls_server_name {
            tls = tls.domain_name(name.clone());
        }
        let (events_tx, events_rx) = mpsc::channel(256);
        Ok(Agent {
            tasks: TaskContext {
                docker_host: config.docker_host.clone(),
                nvml_library: config.nvml_library.clone(),
            },
            slots: Arc::new(Semaphore::new(config.max_concurrent_jobs as usize)),
            config,
            tls,
            events_tx,
            events_rx,
            unacked: HashMap::new(),
            running: Arc::default(),
        })
    }

    /// Stays connected (to each controller address in turn) until `shutdown` turns true.
    pub async fn run(mut self, mut shutdown: watch::Receiver<bool>) -> anyhow::Result<()> {
        let addresses = self.config.controller.clone();
        if addresses.is_empty() {
            anyhow::bail!("no controller address given (--controller)");
        }
        let mut backoff = BACKOFF_MIN;
        let mut attempt: usize = 0;
        loop {
            let address = &addresses[attempt % addresses.len()];
            attempt += 1;
            let outcome = tokio::select! {
                outcome = self.session(address, &mut backoff) => outcome,
                _ = shutdown.wait_for(|stop| *stop) => return Ok(()),
            };
            match outcome {
                Ok(()) => tracing::info!(controller = %address, "controller closed the link"),
                Err(e) => {
                    tracing::warn!(controller = %address, error = format!("{e:#}"), "link failed")
                }
            }
            let pause = jitter(backoff);
            backoff = (backoff * 2).min(BACKOFF_MAX);
            tokio::select! {
                () = tokio::time::sleep(pause) => {}
                _ = shutdown.wait_for(|stop| *stop) => return Ok(()),
            }
        }
    }

    /// One connection, from hello until the stream ends.
    async fn session(&mut self, address: &str, backoff: &mut Duration) -> anyhow::Result<()> {
        let channel = Endpoint::from_shared(address.to_string())
            .with_context(|| format!("invalid controller address {address:?}"))?
            .tls_config(self.tls.clone())?
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
        *backoff = BACKOFF_MIN;
        tracing::info!(controller = %address, agent = %welcome.agent_name, agent_id = %welcome.agent_id, "connected");
        for result in self.unacked.values() {
            outbound
                .send(message(link::agent_message::Message::JobResult(
                    result.clone(),
                )))
                .await?;
        }
        let mut heartbeat = tokio::time::interval(Duration::from_secs(u64::from(
            welcome.heartbeat_interval_seconds.max(1),
        )));
        loop {
            tokio::select! {
                incoming = inbound.message() => match incoming? {
                    Some(m) => self.handle(m),
                    None => return Ok(()),
                },
                _ = heartbeat.tick() => {
                    let running = self.running_refs();
                    outbound.send(message(link::agent_message::Message::Heartbeat(link::Heartbeat { running }))).await?;
                }
                Some(event) = self.events_rx.recv() => match event {
                    JobEvent::Accepted((job_id, attempt)) => {
                        let accepted = link::JobAccepted { job_id, attempt };
                        outbound.send(message(link::agent_message::Message::JobAccepted(accepted))).await?;
                    }
                    JobEvent::Finished(result) => {
                        self.unacked.insert((result.job_id.clone(), result.attempt), result.clone());
                        outbound.send(message(link::agent_message::Message::JobResult(result))).await?;
                    }
                },
            }
        }
    }

    fn handle(&mut self, incoming: link::ControllerMessage) {
        use link::controller_message::Message;
        match incoming.message {
            Some(Message::Assign(assign)) => self.start(assign),
            Some(Message::Ack(ack)) => {
                self.unacked.remove(&(ack.job_id, ack.attempt));
            }
            // The allowlist that counts is the one each assignment carries.
            Some(Message::AllowlistUpdate(_)) | Some(Message::Welcome(_)) | None => {}
        }
    }

    /// Starts an assigned job in its own task, unless it is running or done already.
    fn start(&mut self, assign: link::Assign) {
        let key: JobKey = (assign.job_id.clone(), assign.attempt);
        {
            let mut running = self.running.lock().unwrap_or_else(|e| e.into_inner());
            if running.contains(&key) || self.unacked.contains_key(&key) {
                return;
            }
            running.insert(key.clone());
        }
        let span = tracing::info_span!("job", run_id = %assign.run_id, job_id = %assign.job_id, attempt = assign.attempt);
        let tasks = self.tasks.clone();
        let slots = self.slots.clone();
        let events = self.events_tx.clone();
        let running = self.running.clone();
        tokio::spawn(
            async move {
                let Ok(_permit) = slots.acquire_owned().await else {
                    return;
                };
                let _ = events.send(JobEvent::Accepted(key.clone())).await;
                let outcome = run_assigned(&tasks, &assign).await;
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
                    job_id: key.0.clone(),
                    attempt: key.1,
                    outcome: Some(outcome),
                };
                let _ = events.send(JobEvent::Finished(result)).await;
                running
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .remove(&key);
            }
            .instrument(span),
        );
    }

    fn running_refs(&self) -> Vec<link::JobRef> {
        let running = self.running.lock().unwrap_or_else(|e| e.into_inner());
        running
            .iter()
            .map(|(job_id, attempt)| link::JobRef {
                job_id: job_id.clone(),
                attempt: *attempt,
            })
            .collect()
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
        let mut in_flight = self.running_refs();
        in_flight.extend(self.unacked.keys().map(|(job_id, attempt)| link::JobRef {
            job_id: job_id.clone(),
            attempt: *attempt,
        }));
        message(link::agent_message::Message::Hello(link::Hello {
            version: env!("CARGO_PKG_VERSION").to_string(),
            hostname: self.config.hostname(),
            labels: self.config.label_map().into_iter().collect(),
            capabilities: Some(link::Capabilities {
                docker_reachable: docker.is_ok(),
                docker_error: docker.err().unwrap_or_default(),
                nvml_available: probe.available,
                gpu_count: probe.gpu_count,
                driver_version: probe.driver_version,
            }),
            in_flight,
        }))
    }
}

/// Validates and runs one assignment within its deadline.
async fn run_assigned(
    tasks: &TaskContext,
    assign: &link::Assign,
) -> Result<cyberbrain_tasks::TaskResult, String> {
    let spec = assign
        .task
        .ok_or_else(|| "the assignment has no task".to_string())
        .and_then(|t| TaskSpec::try_from(t).map_err(|e| format!("refused task: {e}")))?;
    let allowlist = allowlist_from_wire(&assign.allowlist);
    let deadline = Duration::from_secs(u64::from(assign.deadline_seconds.max(1)));
    tokio::time::timeout(deadline, tasks.run(&spec, &allowlist))
        .await
        .map_err(|_| format!("deadline of {}s exceeded", deadline.as_secs()))?
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
