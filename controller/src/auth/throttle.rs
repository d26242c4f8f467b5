//! Per-token rate limits on the public API: a tower layer inside the [`super::rbac::AuthLayer`],
//! so it sees the authenticated [`Caller`] and counts each token's calls in its own bucket.
//!
//! Public methods (health, reflection) carry no caller and are not counted; requests refused by
//! the access table never reach this layer. A refusal is `RESOURCE_EXHAUSTED` with the wait in
//! its message and in `retry-after-ms` metadata.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use tonic::body::Body;
use uuid::Uuid;

use crate::ratelimit::{KeyedLimiter, Rate};
use cyberbrain_model::tokens::Caller;

/// The layer: one bucket per API token id, shared by every connection of this replica.
#[derive(Debug, Clone)]
pub struct TokenRateLimitLayer {
    limiter: Arc<KeyedLimiter<Uuid>>,
}

impl TokenRateLimitLayer {
    /// Each token may make `rate` calls.
    pub fn new(rate: Rate) -> Self {
        TokenRateLimitLayer {
            limiter: Arc::new(KeyedLimiter::new(rate)),
        }
    }
}

impl<S> tower::Layer<S> for TokenRateLimitLayer {
    type Service = TokenRateLimit<S>;

    fn layer(&self, inner: S) -> Self::Service {
        TokenRateLimit {
            inner,
            limiter: self.limiter.clone(),
        }
    }
}

/// [`TokenRateLimitLayer`]'s service.
#[derive(Debug, Clone)]
pub struct TokenRateLimit<S> {
    inner: S,
    limiter: Arc<KeyedLimiter<Uuid>>,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<S> tower::Service<http::Request<Body>> for TokenRateLimit<S>
where
    S: tower::Service<http::Request<Body>, Response = http::Response<Body>>,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = http::Response<Body>;
    type Error = S::Error;
    type Future = BoxFuture<Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        if let Some(caller) = request.extensions().get::<Caller>()
            && let Err(wait) = self.limiter.check(&caller.token_id)
        {
            tracing::info!(method = %request.uri().path(), token = %caller.name,
                retry_after_ms = wait.0.as_millis() as u64, "request rate limited");
            let status = wait.status(&format!("token {:?}", caller.name));
            return Box::pin(async move { Ok(status.into_http()) });
        }
        Box::pin(self.inner.call(request))
    }
}
