//! A span for every API call: `rpc.<Method>` (for example `rpc.GetRun`) with the OpenTelemetry
//! RPC attributes, the child of the caller's W3C trace context when the request carries
//! `traceparent` metadata. It wraps the access check too, so a refused call is traced as well.
//! The response body holds the span, so a streaming call's (`WatchRun`) lasts until its stream
//! ends or the client goes away.

use std::collections::HashMap;
use std::pin::Pin;
use std::task::{Context, Poll};

use cyberbrain_telemetry::traces;
use futures_util::future::BoxFuture;
use tracing::Instrument;

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

impl<S, ReqBody, ResBody> tower::Service<http::Request<ReqBody>> for RpcSpan<S>
where
    S: tower::Service<http::Request<ReqBody>, Response = http::Response<ResBody>>,
    S::Future: Send + 'static,
{
    type Response = http::Response<SpanBody<ResBody>>;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<Self::Response, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<ReqBody>) -> Self::Future {
        let span = span_for(request.uri().path(), request.headers());
        let response = self.inner.call(request).instrument(span.clone());
        Box::pin(async move {
            let response = response.await?;
            Ok(response.map(|body| SpanBody { body, span }))
        })
    }
}

/// A response body that keeps its call's span open until the body is done with (sent to the
/// end, or dropped when the client goes away). The span is entered while the body is polled:
/// OpenTelemetry's end time is the span's last exit.
#[derive(Debug)]
pub struct SpanBody<B> {
    body: B,
    span: tracing::Span,
}

impl<B: http_body::Body + Unpin> http_body::Body for SpanBody<B> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        let this = self.get_mut();
        let _entered = this.span.enter();
        Pin::new(&mut this.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.body.size_hint()
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
