//! Simulated agents: each one a real agent as far as the controller can tell. Its own TCP
//! connection and HTTP/2 channel, a client certificate with its own common name, `Hello`, heartbeats
//! at the interval `Welcome` gives, and every `Assign` answered at once with `JobAccepted` and a
//! small valid `JobResult`. What a simulated agent does not do is the work: the figures measure the
//! control plane alone.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::agent::v1::agent_link_client::AgentLinkClient;
use tokio::sync::{Semaphore, mpsc, watch};
use tokio::task::JoinSet;
use tokio_stream::wrappers::UnboundedReceiverStream;
use tonic::transport::{Certificate, ClientTlsConfig, Endpoint, Identity};

use crate::pki::Pki;

/// How long one agent may take to connect and be welcomed.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(60);

/// What the fleet saw, shared by every agent task.
#[derive(Default)]
pub struct FleetStats {
    /// Agents welcomed and still attached.
    pub attached: AtomicUsize,
    /// Heartbeats sent.
    pub heartbeats: AtomicU64,
    /// `Assign` messages received.
    pub assigns: AtomicU64,
    /// `Ack` messages received (one per result the controller committed).
    pub acks: AtomicU64,
    /// Streams that ended while the bench was still running.
    pub dropped: AtomicU64,
    /// When each `Assign` arrived, by run id: the receiving end of launch→receipt latency.
    receipts: Mutex<HashMap<String, Vec<Instant>>>,
    /// The first error an agent met, for the report.
    first_error: Mutex<Option<String>>,
}

impl FleetStats {
    /// Receipt times of a run's assignments.
    pub fn receipts(&self, run_id: &str) -> Vec<Instant> {
        self.receipts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(run_id)
            .cloned()
            .unwrap_or_default()
    }

    /// The first error any agent met.
    pub fn first_error(&self) -> Option<String> {
        self.first_error
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn record_error(&self, error: String) {
        let mut first = self.first_error.lock().unwrap_or_else(|e| e.into_inner());
        if first.is_none() {
            *first = Some(error);
        }
    }
}

/// N simulated agents attached to one controller.
pub struct Fleet {
    /// Shared counters and receipts.
    pub stats: Arc<FleetStats>,
    /// How long connecting everyone took.
    pub connect_time: Duration,
    /// How long making the certificates took.
    pub certificate_time: Duration,
    shutdown: watch::Sender<bool>,
    tasks: JoinSet<()>,
}

/// The name of simulated agent `index`.
pub fn agent_name(index: usize) -> String {
    format!("sim-{index:05}")
}

impl Fleet {
    /// Connects `count` agents to `controller`, at most `concurrency` handshaking at once, and returns
    /// when all are welcomed. Fails if any cannot connect.
    pub async fn connect(
        controller: SocketAddr,
        pki: &Pki,
        count: usize,
        concurrency: usize,
    ) -> anyhow::Result<Fleet> {
        let certificates_started = Instant::now();
        let names: Vec<String> = (0..count).map(agent_name).collect();
        let mut identities = Vec::with_capacity(count);
        for name in &names {
            identities.push(pki.agent(name)?);
        }
        let certificate_time = certificates_started.elapsed();

        let started = Instant::now();
        let stats = Arc::new(FleetStats::default());
        let (shutdown, shutdown_rx) = watch::channel(false);
        let handshakes = Arc::new(Semaphore::new(concurrency.max(1)));
        let (welcomed_tx, mut welcomed_rx) = mpsc::unbounded_channel::<anyhow::Result<()>>();
        let ca = Certificate::from_pem(&pki.ca_pem);
        let address = format!("https://{controller}");
        let mut tasks = JoinSet::new();
        for (name, identity) in names.iter().zip(identities) {
            let tls = ClientTlsConfig::new()
                .ca_certificate(ca.clone())
                .identity(Identity::from_pem(identity.cert_pem, identity.key_pem))
                .domain_name("localhost");
            let agent = SimulatedAgent {
                name: name.clone(),
                stats: stats.clone(),
            };
            let endpoint = Endpoint::from_shared(address.clone())?
                .tls_config(tls)?
                .connect_timeout(CONNECT_TIMEOUT)
                // As the real agent does.
                .http2_keep_alive_interval(Duration::from_secs(30))
                .keep_alive_timeout(Duration::from_secs(10));
            let handshakes = handshakes.clone();
            let welcomed = welcomed_tx.clone();
            let shutdown = shutdown_rx.clone();
            tasks.spawn(async move {
                agent.run(endpoint, handshakes, welcomed, shutdown).await;
            });
        }
        drop(welcomed_tx);
        let mut welcomed = 0;
        while welcomed < count {
            match welcomed_rx.recv().await {
                Some(Ok(())) => welcomed += 1,
                Some(Err(e)) => {
                    let _ = shutdown.send(true);
                    return Err(e.context(format!(
                        "an agent could not attach ({welcomed} of {count} had)"
                    )));
                }
                None => bail!("agent tasks ended before all {count} attached"),
            }
        }
        Ok(Fleet {
            stats,
            connect_time: started.elapsed(),
            certificate_time,
            shutdown,
            tasks,
        })
    }

    /// Waits (up to `limit`) until every assignment received so far has been acknowledged.
    pub async fn acks_settled(&self, limit: Duration) {
        let started = Instant::now();
        while self.stats.acks.load(Ordering::Relaxed) < self.stats.assigns.load(Ordering::Relaxed)
            && started.elapsed() < limit
        {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// Closes every stream and waits for the agent tasks to end.
    pub async fn disconnect(mut self) {
        let _ = self.shutdown.send(true);
        while self.tasks.join_next().await.is_some() {}
    }
}

/// One simulated agent.
struct SimulatedAgent {
    name: String,
    stats: Arc<FleetStats>,
}

impl SimulatedAgent {
    /// Attaches, reports the outcome on `welcomed`, then serves the stream until shutdown.
    async fn run(
        self,
        endpoint: Endpoint,
        handshakes: Arc<Semaphore>,
        welcomed: mpsc::UnboundedSender<anyhow::Result<()>>,
        mut shutdown: watch::Receiver<bool>,
    ) {
        let attached = {
            let Ok(_permit) = handshakes.acquire().await else {
                return;
            };
            tokio::time::timeout(CONNECT_TIMEOUT, self.attach(endpoint))
                .await
                .unwrap_or_else(|_| Err(anyhow::anyhow!("no welcome within {CONNECT_TIMEOUT:?}")))
        };
        let (outbound, mut inbound, heartbeat_every) = match attached {
            Ok(parts) => parts,
            Err(e) => {
                let _ = welcomed.send(Err(e.context(format!("agent {}", self.name))));
                return;
            }
        };
        self.stats.attached.fetch_add(1, Ordering::Relaxed);
        let _ = welcomed.send(Ok(()));
        let mut heartbeat = tokio::time::interval(heartbeat_every);
        heartbeat.tick().await;
        let ended = loop {
            tokio::select! {
                message = inbound.message() => match message {
                    Ok(Some(message)) => self.handle(message, &outbound),
                    Ok(None) => break Some("the controller closed the stream".to_string()),
                    Err(status) => break Some(format!("stream error: {status}")),
                },
                _ = heartbeat.tick() => {
                    let beat = link::Heartbeat { running: Vec::new() };
                    if outbound.send(message(link::agent_message::Message::Heartbeat(beat))).is_err() {
                        break Some("outbound stream closed".to_string());
                    }
                    self.stats.heartbeats.fetch_add(1, Ordering::Relaxed);
                }
                _ = shutdown.wait_for(|stop| *stop) => break None,
            }
        };
        self.stats.attached.fetch_sub(1, Ordering::Relaxed);
        if let Some(reason) = ended
            && !*shutdown.borrow()
        {
            self.stats.dropped.fetch_add(1, Ordering::Relaxed);
            self.stats
                .record_error(format!("agent {}: {reason}", self.name));
        }
    }

    /// Connects, says hello, waits for the welcome. Returns the outbound sender, the inbound
    /// stream and the heartbeat interval.
    async fn attach(
        &self,
        endpoint: Endpoint,
    ) -> anyhow::Result<(
        mpsc::UnboundedSender<link::AgentMessage>,
        tonic::Streaming<link::ControllerMessage>,
        Duration,
    )> {
        let channel = endpoint.connect().await.context("connecting")?;
        let mut client = AgentLinkClient::new(channel);
        let (outbound, outbound_rx) = mpsc::unbounded_channel();
        let hello = link::Hello {
            version: "bench".into(),
            hostname: format!("host-{}", self.name),
            labels: [("bench".to_string(), "true".to_string())].into(),
            capabilities: Some(link::Capabilities {
                docker_reachable: false,
                docker_error: "simulated agent".into(),
                ..Default::default()
            }),
            in_flight: Vec::new(),
        };
        outbound
            .send(message(link::agent_message::Message::Hello(hello)))
            .map_err(|_| anyhow::anyhow!("outbound closed"))?;
        let mut inbound = client
            .attach(UnboundedReceiverStream::new(outbound_rx))
            .await
            .context("opening the agent stream")?
            .into_inner();
        let welcome = match inbound.message().await?.and_then(|m| m.message) {
            Some(link::controller_message::Message::Welcome(w)) => w,
            other => bail!("expected welcome, got {other:?}"),
        };
        let every = Duration::from_secs(u64::from(welcome.heartbeat_interval_seconds.max(1)));
        Ok((outbound, inbound, every))
    }

    /// Answers an assignment at once; counts acknowledgements.
    fn handle(
        &self,
        incoming: link::ControllerMessage,
        outbound: &mpsc::UnboundedSender<link::AgentMessage>,
    ) {
        use link::controller_message::Message;
        match incoming.message {
            Some(Message::Assign(assign)) => {
                let received = Instant::now();
                self.stats.assigns.fetch_add(1, Ordering::Relaxed);
                self.stats
                    .receipts
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .entry(assign.run_id.clone())
                    .or_default()
                    .push(received);
                let accepted = link::JobAccepted {
                    job_id: assign.job_id.clone(),
                    attempt: assign.attempt,
                };
                let result = link::JobResult {
                    job_id: assign.job_id,
                    attempt: assign.attempt,
                    outcome: Some(link::job_result::Outcome::Result(link::TaskResult {
                        result: Some(link::task_result::Result::GpuReport(
                            link::GpuReportResult {
                                available: false,
                                unavailable_reason: "simulated agent".into(),
                                ..Default::default()
                            },
                        )),
                    })),
                    trace_context: Default::default(),
                };
                let _ = outbound.send(message(link::agent_message::Message::JobAccepted(accepted)));
                let _ = outbound.send(message(link::agent_message::Message::JobResult(result)));
            }
            Some(Message::Ack(_)) => {
                self.stats.acks.fetch_add(1, Ordering::Relaxed);
            }
            Some(Message::Goodbye(_))
            | Some(Message::HeartbeatAck(_))
            | Some(Message::Cancel(_))
            | Some(Message::AllowlistUpdate(_))
            | Some(Message::Welcome(_))
            | None => {}
        }
    }
}

fn message(message: link::agent_message::Message) -> link::AgentMessage {
    link::AgentMessage {
        message: Some(message),
    }
}
