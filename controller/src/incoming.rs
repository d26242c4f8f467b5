//! The connections both gRPC listeners serve: accepted here, capped, TLS-handshaken under a
//! timeout, and made to send the HTTP/2 preface in time, before tonic sees them.
//!
//! Why our own accept loop rather than tonic's `tls_config`: tonic handshakes under a timeout
//! but then waits for the HTTP/2 preface forever, and caps nothing, so TLS connections that go
//! silent after the handshake pile up until the process runs out of file descriptors (issue #22).
//! Here every accepted socket first takes a slot (one per listener, one per source address; an
//! IPv6 /64 counts as one source) or is closed at once; the slot is held by the connection and
//! given back when it is dropped, whatever ends it. The handshake runs in its own task under
//! `handshake_timeout`, so a slow one never holds up the accept loop. The stream handed to tonic
//! fails its reads if the 24-byte HTTP/2 preface has not arrived `preface_timeout` after the
//! handshake. From then on hyper's HTTP/2 keepalive pings close connections whose peer stopped
//! answering, and the maximum connection age closes live ones that stay open.

use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, watch};
use tokio::time::Sleep;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::server::TlsStream;
use tokio_stream::wrappers::ReceiverStream;
use tonic::transport::server::{Connected, TcpConnectInfo, TlsConnectInfo};

use crate::conn_activity::{ActivityMap, Registration};
use crate::log_sample::LogSampler;
use crate::metrics::{Listener, Metrics, Refusal};
use crate::ratelimit::source_key;

/// The HTTP/2 connection preface every client sends first (RFC 9113, 3.4).
const PREFACE_LEN: usize = 24;
/// The idle limit of a connection without a client certificate on the agent link: all it may do
/// there is enroll, one short call.
const CERTLESS_AGENT_LINK_IDLE: Duration = Duration::from_secs(30);
/// After a failed `accept` (out of file descriptors, say), wait this long before the next, so the
/// loop does not spin.
const ACCEPT_ERROR_PAUSE: Duration = Duration::from_millis(50);

/// How a listener treats its connections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectionLimits {
    /// A TLS handshake must end within this time.
    pub handshake_timeout: Duration,
    /// The HTTP/2 preface must arrive within this time of the handshake's end.
    pub preface_timeout: Duration,
    /// HTTP/2 keepalive: a ping after this long without a frame from the peer...
    pub keepalive_interval: Duration,
    /// ...and the connection is closed if the ping is not answered within this.
    pub keepalive_timeout: Duration,
    /// Connections open (handshaking or served) at once on one listener.
    pub max_connections: usize,
    /// Connections open at once from one source address (an IPv6 /64 is one source).
    pub max_connections_per_source: usize,
    /// Connections served at once without a client certificate on the agent link (they can
    /// only enroll), a part of `max_connections` kept from enrolled agents.
    pub max_certless_connections: usize,
    /// A served connection with no call open for this long is closed.
    pub idle_timeout: Duration,
}

/// The open connections of one listener, in total and per source.
#[derive(Debug)]
struct Slots {
    max_total: usize,
    max_per_source: usize,
    max_certless: usize,
    open: Mutex<OpenCounts>,
}

#[derive(Debug, Default)]
struct OpenCounts {
    total: usize,
    per_source: HashMap<IpAddr, usize>,
    /// Handshaken connections without a client certificate (agent link only).
    certless: usize,
}

impl Slots {
    fn counts(&self) -> std::sync::MutexGuard<'_, OpenCounts> {
        // Counters only: a panic elsewhere mid-update cannot leave them unusable.
        self.open.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes a slot for a connection from `source`, or says why not.
    fn admit(
        self: &Arc<Self>,
        source: IpAddr,
        tag: Listener,
        metrics: &Arc<Metrics>,
    ) -> Result<Slot, Refusal> {
        let key = source_key(source);
        let mut open = self.counts();
        if open.total >= self.max_total {
            return Err(Refusal::ListenerFull);
        }
        let from_source = open.per_source.entry(key).or_default();
        if *from_source >= self.max_per_source {
            return Err(Refusal::SourceFull);
        }
        *from_source += 1;
        open.total += 1;
        metrics.connection_opened(tag);
        Ok(Slot {
            slots: self.clone(),
            key,
            counted_in_source: true,
            certless: false,
            tag,
            metrics: metrics.clone(),
        })
    }
}

/// One connection's place in its listener's counts, given back on drop.
#[derive(Debug)]
struct Slot {
    slots: Arc<Slots>,
    key: IpAddr,
    /// Whether the connection still counts against its source's cap.
    counted_in_source: bool,
    /// Whether the connection counts against the cap of connections without a certificate.
    certless: bool,
    tag: Listener,
    metrics: Arc<Metrics>,
}

impl Slot {
    /// The peer proved who it is (a client certificate the CA signed): it leaves its source's
    /// count, which is there against anonymous floods, so a fleet behind one NAT address is not
    /// capped by it. It still counts toward the listener's total.
    fn authenticated(&mut self) {
        if std::mem::take(&mut self.counted_in_source) {
            leave_source(&mut self.slots.counts(), self.key);
        }
    }
}

impl Slot {
    /// The peer showed no client certificate on the agent link: it takes one of the places for
    /// such connections, or is refused (false), so that they never fill the listener.
    fn certless(&mut self) -> bool {
        let mut open = self.slots.counts();
        if open.certless >= self.slots.max_certless {
            return false;
        }
        open.certless += 1;
        self.certless = true;
        true
    }
}

fn leave_source(open: &mut OpenCounts, key: IpAddr) {
    if let Some(count) = open.per_source.get_mut(&key) {
        *count = count.saturating_sub(1);
        if *count == 0 {
            open.per_source.remove(&key);
        }
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.slots.counts();
        open.total = open.total.saturating_sub(1);
        if self.certless {
            open.certless = open.certless.saturating_sub(1);
        }
        if self.counted_in_source {
            leave_source(&mut open, self.key);
        }
        self.metrics.connection_closed(self.tag);
    }
}

/// Refusals are logged at most this often per listener (with how many were not), since an
/// attacker chooses how many there are.
static REFUSAL_LOGS: [LogSampler; 2] = [
    LogSampler::new(5, Duration::from_secs(10)),
    LogSampler::new(5, Duration::from_secs(10)),
];

/// Accept failures, logged like refusals.
static ACCEPT_ERROR_LOGS: [LogSampler; 2] = [
    LogSampler::new(5, Duration::from_secs(10)),
    LogSampler::new(5, Duration::from_secs(10)),
];

fn refused(tag: Listener, reason: Refusal, source: IpAddr, metrics: &Metrics) {
    metrics.connection_refused(tag, reason);
    let sampler = &REFUSAL_LOGS[tag as usize];
    if let Some(left_out) = sampler.sample() {
        tracing::warn!(
            listener = tag.as_str(),
            reason = reason.as_str(),
            source = %source,
            left_out,
            "closed a connection before serving it"
        );
    }
}

/// Accepts connections on `listener` until `stop` turns true, and yields those that took a slot
/// and finished their TLS handshake, ready for tonic's `serve_with_incoming_shutdown`.
pub fn guarded(
    listener: TcpListener,
    tls: Arc<rustls::ServerConfig>,
    tag: Listener,
    limits: ConnectionLimits,
    metrics: Arc<Metrics>,
    activity: ActivityMap,
    mut stop: watch::Receiver<bool>,
) -> ReceiverStream<io::Result<Guarded>> {
    let (sender, receiver) = mpsc::channel(256);
    let slots = Arc::new(Slots {
        max_total: limits.max_connections,
        max_per_source: limits.max_connections_per_source,
        max_certless: limits.max_certless_connections,
        open: Mutex::default(),
    });
    let acceptor = TlsAcceptor::from(tls);
    tokio::spawn(async move {
        loop {
            let (tcp, peer) = tokio::select! {
                accepted = listener.accept() => match accepted {
                    Ok(accepted) => accepted,
                    Err(e) => {
                        // EMFILE and the like: the operator must hear of it, but an attacker
                        // chooses how often.
                        metrics.accept_failed(tag);
                        if let Some(left_out) = ACCEPT_ERROR_LOGS[tag as usize].sample() {
                            tracing::warn!(listener = tag.as_str(), error = %e, left_out, "accept failed");
                        }
                        tokio::time::sleep(ACCEPT_ERROR_PAUSE).await;
                        continue;
                    }
                },
                () = cyberbrain_telemetry::shutdown::requested(&mut stop) => return,
            };
            let slot = match slots.admit(peer.ip(), tag, &metrics) {
                Ok(slot) => slot,
                Err(reason) => {
                    drop(tcp);
                    refused(tag, reason, peer.ip(), &metrics);
                    continue;
                }
            };
            tokio::spawn(handshake(
                tcp,
                peer,
                slot,
                acceptor.clone(),
                limits,
                activity.clone(),
                sender.clone(),
            ));
        }
    });
    ReceiverStream::new(receiver)
}

async fn handshake(
    tcp: TcpStream,
    peer: SocketAddr,
    slot: Slot,
    acceptor: TlsAcceptor,
    limits: ConnectionLimits,
    activity: ActivityMap,
    sender: mpsc::Sender<io::Result<Guarded>>,
) {
    // A gRPC message is written whole; holding its last segment back until the previous one is
    // acknowledged cost a delayed ACK, about 40 ms, on exchanges of small messages.
    if let Err(e) = tcp.set_nodelay(true) {
        tracing::debug!(error = %e, "could not turn off Nagle's algorithm on a connection");
    }
    let tag = slot.tag;
    let metrics = slot.metrics.clone();
    match tokio::time::timeout(limits.handshake_timeout, acceptor.accept(tcp)).await {
        Ok(Ok(tls)) => {
            // rustls hands out peer certificates only once its verifier accepted them.
            let mut slot = slot;
            let mut idle_limit = limits.idle_timeout;
            if tls
                .get_ref()
                .1
                .peer_certificates()
                .is_some_and(|c| !c.is_empty())
            {
                slot.authenticated();
            } else if tag == Listener::AgentLink {
                if !slot.certless() {
                    drop(tls);
                    drop(slot);
                    refused(tag, Refusal::CertlessFull, peer.ip(), &metrics);
                    return;
                }
                idle_limit = idle_limit.min(CERTLESS_AGENT_LINK_IDLE);
            }
            let guarded = Guarded {
                inner: tls,
                preface: Some(PrefaceWait {
                    timeout: limits.preface_timeout,
                    deadline: None,
                    seen: 0,
                }),
                idle: IdleWatch {
                    registration: activity.register(peer),
                    limit: idle_limit,
                    timer: Box::pin(tokio::time::sleep(idle_limit)),
                },
                slot,
            };
            // Fails only when the server has stopped: the connection is dropped with its slot.
            let _ = sender.send(Ok(guarded)).await;
        }
        Ok(Err(e)) => {
            tracing::debug!(listener = tag.as_str(), source = %peer.ip(), error = %e, "tls handshake failed");
            drop(slot);
            refused(tag, Refusal::HandshakeFailed, peer.ip(), &metrics);
        }
        Err(_) => {
            drop(slot);
            refused(tag, Refusal::HandshakeTimeout, peer.ip(), &metrics);
        }
    }
}

/// Until the preface has arrived: when it must have, and how many bytes have.
#[derive(Debug)]
struct PrefaceWait {
    timeout: Duration,
    /// Armed at the first read, so time queued for tonic (behind other handshaken connections)
    /// does not count.
    deadline: Option<Pin<Box<Sleep>>>,
    seen: usize,
}

/// When a served connection with no call open is closed.
#[derive(Debug)]
struct IdleWatch {
    registration: Registration,
    limit: Duration,
    timer: Pin<Box<Sleep>>,
}

impl IdleWatch {
    /// Whether the connection has had no call open for the limit; else arms the timer (and the
    /// task's waker) for the next time it might have.
    fn expired(&mut self, cx: &mut Context<'_>) -> bool {
        while self.timer.as_mut().poll(cx).is_ready() {
            let now = tokio::time::Instant::now();
            match self.registration.activity.idle_deadline(self.limit) {
                Some(deadline) if deadline <= now => return true,
                Some(deadline) => self.timer.as_mut().reset(deadline),
                // A call open now ends some time; look again a whole limit later.
                None => self.timer.as_mut().reset(now + self.limit),
            }
        }
        false
    }
}

/// A served connection: the TLS stream, its slot, the preface deadline and the idle watch.
#[derive(Debug)]
pub struct Guarded {
    inner: TlsStream<TcpStream>,
    preface: Option<PrefaceWait>,
    idle: IdleWatch,
    slot: Slot,
}

impl Guarded {
    fn peer_ip(&self) -> IpAddr {
        self.inner
            .get_ref()
            .0
            .peer_addr()
            .map_or(IpAddr::from([0, 0, 0, 0]), |a| a.ip())
    }
}

impl Connected for Guarded {
    // The same as tonic's own TLS streams, so `Request::peer_certs` and `remote_addr` work.
    type ConnectInfo = TlsConnectInfo<TcpConnectInfo>;

    fn connect_info(&self) -> Self::ConnectInfo {
        self.inner.connect_info()
    }
}

impl AsyncRead for Guarded {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let read = Pin::new(&mut this.inner).poll_read(cx, buf);
        let Some(wait) = &mut this.preface else {
            if read.is_pending() && this.idle.expired(cx) {
                refused(
                    this.slot.tag,
                    Refusal::Idle,
                    this.peer_ip(),
                    &this.slot.metrics,
                );
                return Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "no call on the connection for the idle limit",
                )));
            }
            return read;
        };
        match read {
            Poll::Ready(Ok(())) => {
                wait.seen += buf.filled().len() - before;
                if wait.seen >= PREFACE_LEN {
                    this.preface = None;
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => match wait
                .deadline
                .get_or_insert_with(|| Box::pin(tokio::time::sleep(wait.timeout)))
                .as_mut()
                .poll(cx)
            {
                Poll::Ready(()) => {
                    this.preface = None;
                    refused(
                        this.slot.tag,
                        Refusal::PrefaceTimeout,
                        this.inner
                            .get_ref()
                            .0
                            .peer_addr()
                            .map_or(IpAddr::from([0, 0, 0, 0]), |a| a.ip()),
                        &this.slot.metrics,
                    );
                    Poll::Ready(Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "no HTTP/2 preface in time",
                    )))
                }
                Poll::Pending => Poll::Pending,
            },
        }
    }
}

impl AsyncWrite for Guarded {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

/// Descriptors kept for everything but the two listeners' connections: the database pool, the
/// artifact files, the HTTP endpoint, the logs.
const RESERVED_FDS: u64 = 1024;

/// Raises the open-file soft limit to the hard limit (the default soft limit, often 1024, is what
/// a flood of idle connections exhausted first), and warns when the connection caps of both
/// listeners do not fit under it. Returns the soft limit now in force, if it could be read.
pub fn raise_open_file_limit(limits: &ConnectionLimits) -> Option<u64> {
    let soft = match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(soft) => soft,
        Err(e) => {
            tracing::warn!(error = %e, "could not raise the open-file limit");
            rlimit::getrlimit(rlimit::Resource::NOFILE).ok()?.0
        }
    };
    let needed = u64::try_from(limits.max_connections)
        .unwrap_or(u64::MAX)
        .saturating_mul(2)
        .saturating_add(RESERVED_FDS);
    if needed > soft {
        tracing::warn!(
            open_file_limit = soft,
            max_connections = limits.max_connections,
            "the open-file limit is below twice --max-connections plus {RESERVED_FDS}: \
             a flood can exhaust it; raise the hard limit (LimitNOFILE, ulimit -Hn) or lower --max-connections"
        );
    } else {
        tracing::debug!(open_file_limit = soft, "open-file limit");
    }
    Some(soft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_cap_the_listener_and_each_source_and_come_back_on_drop() {
        let metrics = Arc::new(Metrics::new());
        let slots = Arc::new(Slots {
            max_total: 3,
            max_per_source: 2,
            max_certless: 3,
            open: Mutex::default(),
        });
        let a = IpAddr::from([127, 0, 0, 1]);
        let b = IpAddr::from([127, 0, 0, 2]);
        let first = slots.admit(a, Listener::Api, &metrics).expect("first");
        let _second = slots.admit(a, Listener::Api, &metrics).expect("second");
        assert_eq!(
            slots.admit(a, Listener::Api, &metrics).err(),
            Some(Refusal::SourceFull)
        );
        let _third = slots
            .admit(b, Listener::Api, &metrics)
            .expect("another source");
        assert_eq!(
            slots.admit(b, Listener::Api, &metrics).err(),
            Some(Refusal::ListenerFull)
        );
        drop(first);
        assert!(slots.admit(a, Listener::Api, &metrics).is_ok());
        assert!(slots.counts().per_source.len() <= 2);
    }

    #[test]
    fn an_authenticated_connection_leaves_its_sources_cap_but_not_the_total() {
        let metrics = Arc::new(Metrics::new());
        let slots = Arc::new(Slots {
            max_total: 3,
            max_per_source: 1,
            max_certless: 3,
            open: Mutex::default(),
        });
        let nat = IpAddr::from([10, 0, 0, 1]);
        let mut agent = slots
            .admit(nat, Listener::AgentLink, &metrics)
            .expect("first");
        assert_eq!(
            slots.admit(nat, Listener::AgentLink, &metrics).err(),
            Some(Refusal::SourceFull)
        );
        agent.authenticated();
        agent.authenticated();
        let mut second = slots
            .admit(nat, Listener::AgentLink, &metrics)
            .expect("the source has room again");
        second.authenticated();
        let _anonymous = slots
            .admit(nat, Listener::AgentLink, &metrics)
            .expect("third");
        assert_eq!(
            slots.admit(nat, Listener::AgentLink, &metrics).err(),
            Some(Refusal::ListenerFull)
        );
        drop(agent);
        drop(second);
        assert_eq!(slots.counts().total, 1);
        assert_eq!(slots.counts().per_source.get(&nat), Some(&1));
    }

    #[test]
    fn connections_without_a_certificate_have_their_own_lower_cap() {
        let metrics = Arc::new(Metrics::new());
        let slots = Arc::new(Slots {
            max_total: 4,
            max_per_source: 4,
            max_certless: 2,
            open: Mutex::default(),
        });
        let source = IpAddr::from([10, 0, 0, 2]);
        let admit = || {
            slots
                .admit(source, Listener::AgentLink, &metrics)
                .expect("room")
        };
        let (mut a, mut b, mut c) = (admit(), admit(), admit());
        assert!(a.certless() && b.certless());
        assert!(!c.certless(), "the third without a certificate is over");
        drop(c);
        let mut agent = admit();
        agent.authenticated();
        drop(a);
        let mut d = admit();
        assert!(d.certless(), "a place came back");
        assert_eq!(slots.counts().certless, 2);
        drop((b, d, agent));
        assert_eq!(slots.counts().certless, 0);
        assert_eq!(slots.counts().total, 0);
    }
}
