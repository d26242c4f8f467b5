//! Requests from many agent streams, served a batch at a time: the shape shared by the job writer
//! and the dispatcher. Streams queue a request with a reply channel and wait; a few workers take
//! whatever has gathered (up to a maximum) and serve it in one database transaction. Under load a
//! batch holds hundreds of requests; when the fleet is quiet it holds one and is served at once —
//! nothing waits on a timer.

use std::future::Future;
use std::sync::Arc;

use tokio::sync::{Mutex, mpsc, oneshot};

use cyberbrain_telemetry::shutdown::requested;

/// Why a request got no answer: the replica is shutting down.
#[derive(Debug, Clone, thiserror::Error)]
#[error("the controller is shutting down")]
pub struct ShuttingDown;

/// A request and where its answer goes.
#[derive(Debug)]
pub struct Pending<Q, A> {
    /// The request.
    pub request: Q,
    /// Its answer.
    pub reply: oneshot::Sender<A>,
}

/// The streams' side of a batched service. Cheap to clone.
#[derive(Debug)]
pub struct Submitter<Q, A> {
    sender: mpsc::Sender<Pending<Q, A>>,
}

impl<Q, A> Clone for Submitter<Q, A> {
    fn clone(&self) -> Self {
        Submitter {
            sender: self.sender.clone(),
        }
    }
}

/// The workers' side: hand it to [`serve`].
#[derive(Debug)]
pub struct Queue<Q, A> {
    receiver: mpsc::Receiver<Pending<Q, A>>,
}

/// A submitter and the queue its workers drain; `capacity` requests wait at the most before
/// submitters wait too.
pub fn channel<Q, A>(capacity: usize) -> (Submitter<Q, A>, Queue<Q, A>) {
    let (sender, receiver) = mpsc::channel(capacity);
    (Submitter { sender }, Queue { receiver })
}

impl<Q, A> Submitter<Q, A> {
    /// Queues a request and waits for its answer.
    pub async fn call(&self, request: Q) -> Result<A, ShuttingDown> {
        let (reply, answer) = oneshot::channel();
        self.sender
            .send(Pending { request, reply })
            .await
            .map_err(|_| ShuttingDown)?;
        answer.await.map_err(|_| ShuttingDown)
    }

    /// Queues a request without waiting for its answer (which is dropped); waits only while the
    /// queue is full.
    pub async fn submit(&self, request: Q) -> Result<(), ShuttingDown> {
        let (reply, _) = oneshot::channel();
        self.sender
            .send(Pending { request, reply })
            .await
            .map_err(|_| ShuttingDown)
    }
}

/// Runs `workers` workers over the queue, each serving up to `max_batch` requests at a time with
/// `serve_batch`, until `shutdown` turns true; then refuses new requests and serves the ones
/// already queued.
pub async fn serve<Q, A, F, Fut>(
    queue: Queue<Q, A>,
    workers: usize,
    max_batch: usize,
    shutdown: tokio::sync::watch::Receiver<bool>,
    serve_batch: F,
) where
    Q: Send + 'static,
    A: Send + 'static,
    F: Fn(Vec<Pending<Q, A>>) -> Fut + Clone + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let queue = Arc::new(Mutex::new(queue.receiver));
    let handles: Vec<_> = (0..workers.max(1))
        .map(|_| {
            tokio::spawn(work(
                queue.clone(),
                max_batch,
                shutdown.clone(),
                serve_batch.clone(),
            ))
        })
        .collect();
    for handle in handles {
        let _ = handle.await;
    }
}

async fn work<Q, A, F, Fut>(
    queue: Arc<Mutex<mpsc::Receiver<Pending<Q, A>>>>,
    max_batch: usize,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
    serve_batch: F,
) where
    F: Fn(Vec<Pending<Q, A>>) -> Fut,
    Fut: Future<Output = ()>,
{
    let mut batch = Vec::with_capacity(max_batch);
    loop {
        let stopping = {
            let mut queue = queue.lock().await;
            tokio::select! {
                received = queue.recv_many(&mut batch, max_batch) => {
                    if received == 0 {
                        return;
                    }
                    false
                }
                () = requested(&mut shutdown) => {
                    queue.close();
                    true
                }
            }
        };
        if stopping {
            // Closed: what is still queued drains, then `recv_many` returns 0.
            let mut queue = queue.lock().await;
            while queue.recv_many(&mut batch, max_batch).await > 0 {
                serve_batch(std::mem::take(&mut batch)).await;
            }
            return;
        }
        serve_batch(std::mem::take(&mut batch)).await;
    }
}
