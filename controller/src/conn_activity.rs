//! Which served connections have calls open, so that one with none for `idle_timeout` can be
//! closed. HTTP/2 keepalive only finds peers that stopped answering pings; a client that answers
//! them and never opens a stream would otherwise hold its slot until the maximum connection age.
//!
//! The accept loop registers each connection under its peer address (unique on one listener);
//! a tower layer finds the connection of each call through the call's `ConnectInfo` and counts
//! the call open until its response body is dropped (a stream's end, too); the connection's
//! read side (`incoming::Guarded`) closes it once no call has been open for the limit.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use futures_util::future::BoxFuture;
use tokio::time::Instant;
use tonic::transport::server::{TcpConnectInfo, TlsConnectInfo};

/// One connection's open calls, and when the last one ended.
#[derive(Debug)]
pub struct Activity {
    open_calls: AtomicUsize,
    last_end: Mutex<Instant>,
}

impl Activity {
    fn new() -> Self {
        Activity {
            open_calls: AtomicUsize::new(0),
            last_end: Mutex::new(Instant::now()),
        }
    }

    /// When the connection may be closed as idle, or `None` while a call is open.
    pub fn idle_deadline(&self, limit: Duration) -> Option<Instant> {
        if self.open_calls.load(Ordering::Acquire) > 0 {
            return None;
        }
        Some(*self.last_end.lock().unwrap_or_else(|e| e.into_inner()) + limit)
    }
}

/// A call counted open on its connection until dropped.
#[derive(Debug)]
struct OpenCall(Arc<Activity>);

impl OpenCall {
    fn new(activity: Arc<Activity>) -> Self {
        activity.open_calls.fetch_add(1, Ordering::AcqRel);
        OpenCall(activity)
    }
}

impl Drop for OpenCall {
    fn drop(&mut self) {
        // The time first, so a reader that sees no open call sees this end.
        *self.0.last_end.lock().unwrap_or_else(|e| e.into_inner()) = Instant::now();
        self.0.open_calls.fetch_sub(1, Ordering::AcqRel);
    }
}

/// The served connections of one listener, by peer address.
#[derive(Debug, Clone, Default)]
pub struct ActivityMap {
    inner: Arc<Mutex<HashMap<SocketAddr, Arc<Activity>>>>,
}

impl ActivityMap {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<SocketAddr, Arc<Activity>>> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Registers the connection from `peer`; it stays registered while the result lives.
    pub fn register(&self, peer: SocketAddr) -> Registration {
        let activity = Arc::new(Activity::new());
        self.lock().insert(peer, activity.clone());
        Registration {
            map: self.clone(),
            peer,
            activity,
        }
    }

    fn get(&self, peer: SocketAddr) -> Option<Arc<Activity>> {
        self.lock().get(&peer).cloned()
    }
}

/// A connection's entry in its [`ActivityMap`], removed on drop.
#[derive(Debug)]
pub struct Registration {
    map: ActivityMap,
    peer: SocketAddr,
    /// The connection's calls.
    pub activity: Arc<Activity>,
}

impl Drop for Registration {
    fn drop(&mut self) {
        let mut map = self.map.lock();
        if map
            .get(&self.peer)
            .is_some_and(|a| Arc::ptr_eq(a, &self.activity))
        {
            map.remove(&self.peer);
        }
    }
}

/// The tower layer that counts each call open on its connection.
#[derive(Debug, Clone)]
pub struct ActivityLayer {
    map: ActivityMap,
}

impl ActivityLayer {
    /// Counts calls in the connections of `map`.
    pub fn new(map: ActivityMap) -> Self {
        ActivityLayer { map }
    }
}

impl<S> tower::Layer<S> for ActivityLayer {
    type Service = ActivityService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        ActivityService {
            inner,
            map: self.map.clone(),
        }
    }
}

/// [`ActivityLayer`]'s service.
#[derive(Debug, Clone)]
pub struct ActivityService<S> {
    inner: S,
    map: ActivityMap,
}

impl<S, ReqBody, ResBody> tower::Service<http::Request<ReqBody>> for ActivityService<S>
where
    S: tower::Service<http::Request<ReqBody>, Response = http::Response<ResBody>>,
    S::Future: Send + 'static,
{
    type Response = http::Response<CountedBody<ResBody>>;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<Self::Response, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<ReqBody>) -> Self::Future {
        let open = request
            .extensions()
            .get::<TlsConnectInfo<TcpConnectInfo>>()
            .and_then(|info| info.get_ref().remote_addr())
            .and_then(|peer| self.map.get(peer))
            .map(OpenCall::new);
        let response = self.inner.call(request);
        Box::pin(async move {
            let response = response.await?;
            Ok(response.map(|body| CountedBody { body, _open: open }))
        })
    }
}

/// A response body that keeps its call counted open until it is dropped.
#[derive(Debug)]
pub struct CountedBody<B> {
    body: B,
    _open: Option<OpenCall>,
}

impl<B: http_body::Body + Unpin> http_body::Body for CountedBody<B> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        Pin::new(&mut self.get_mut().body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.body.size_hint()
    }
}
