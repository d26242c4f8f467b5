//! A span for every API call: `rpc.<Method>` (for example `rpc.GetRun`) with the OpenTelemetry
//! RPC attributes, the child of the caller's W3C trace context when the request carries
//! `traceparent` metadata. It wraps the access check too, so a refused call is traced as well. A
//! streaming call's span covers the call up to its first response, not the whole stream.

use std::collections::HashMap;
use std::task::{Context, Poll};

use cyberbrain_telemetry::traces;
use tracing::Instrument;
use tracing::instrument::Instrumented;

/// The tower layer: see the module's comment.
#[derive(Debug, Clone, Copy, Default)]
pub struct RpcSpanLayer;

impl<S> tower::Layer<S> for RpcSpanLayer {
    type Service = RpcSpan<S>;

    fn layer(&self, inner: S) -> Self::Service {
        RpcSpan { inner }
    }
}

/// [`RpcSpanLayer`]'s service.
#[derive(Debug, Clone)]
pub struct RpcSpan<S> {
    inner: S,
}

impl<S, B> tower::Service<http::Request<B>> for RpcSpan<S>
where
    S: tower::Service<http::Request<B>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Instrumented<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        let span = span_for(request.uri().path(), request.headers());
        self.inner.call(request).instrument(span)
    }
}

/// The span of a call to `path` (`/package.Service/Method`) with `headers`.
fn span_for(path: &str, headers: &http::HeaderMap) -> tracing::Span {
    let (service, method) = path
        .trim_start_matches('/')
        .split_once('/')
        .unwrap_or(("", path));
    let span = tracing::info_span!(
        "rpc",
        otel.name = %format!("rpc.{method}"),
        otel.kind = "server",
        rpc.system = "grpc",
        rpc.service = %service,
        rpc.method = %method,
    );
    traces::set_parent(&span, &trace_context(headers));
    span
}

/// The W3C trace context headers of a request.
fn trace_context(headers: &http::HeaderMap) -> HashMap<String, String> {
    [traces::TRACEPARENT, traces::TRACESTATE]
        .into_iter()
        .filter_map(|key| {
            let value = headers.get(key)?.to_str().ok()?;
            Some((key.to_string(), value.to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_trace_context_headers_are_read() {
        let mut headers = http::HeaderMap::new();
        headers.insert(
            "traceparent",
            http::HeaderValue::from_static(
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            ),
        );
        headers.insert("authorization", http::HeaderValue::from_static("Bearer x"));
        let context = trace_context(&headers);
        assert_eq!(context.len(), 1);
        assert!(context.contains_key("traceparent"));
    }
}
