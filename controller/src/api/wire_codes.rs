//! The gRPC codes for requests that do not decode, on both listeners. Tonic answers a request
//! that is not valid protobuf with `INTERNAL` and one larger than the service's limit with
//! `OUT_OF_RANGE`. For the size, the gRPC spec gives `RESOURCE_EXHAUSTED`. For a message that
//! does not parse the spec lists `INTERNAL`; we answer `INVALID_ARGUMENT` by choice, because the
//! fault is the caller's and a client should not retry it or page someone for it as for a server
//! fault. This layer rewrites those two statuses, wherever they travel: in the
//! headers of a trailers-only response (a unary call, or a stream refused at its first message) or
//! in the trailers that end a stream. Every other status passes unchanged.

use std::pin::Pin;
use std::task::{Context, Poll, ready};

use futures_util::future::BoxFuture;
use tonic::{Code, Status};

use crate::error::Error;

/// What tonic's codec says when a message does not decode (prost's `DecodeError`).
const NOT_PROTOBUF: &str = "failed to decode Protobuf message";
/// What tonic says when a message is over the service's limit.
const TOO_LARGE: &str = "Error, decoded message length too large";

/// The tower layer: see the module's comment.
#[derive(Debug, Clone, Copy, Default)]
pub struct WireCodesLayer;

impl<S> tower::Layer<S> for WireCodesLayer {
    type Service = WireCodes<S>;

    fn layer(&self, inner: S) -> Self::Service {
        WireCodes { inner }
    }
}

/// [`WireCodesLayer`]'s service.
#[derive(Debug, Clone)]
pub struct WireCodes<S> {
    inner: S,
}

impl<S, ReqBody, ResBody> tower::Service<http::Request<ReqBody>> for WireCodes<S>
where
    S: tower::Service<http::Request<ReqBody>, Response = http::Response<ResBody>>,
    S::Future: Send + 'static,
{
    type Response = http::Response<CodesBody<ResBody>>;
    type Error = S::Error;
    type Future = BoxFuture<'static, Result<Self::Response, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<ReqBody>) -> Self::Future {
        let response = self.inner.call(request);
        Box::pin(async move {
            let mut response = response.await?;
            remap(response.headers_mut());
            Ok(response.map(|body| CodesBody { body }))
        })
    }
}

/// A response body whose trailers pass [`remap`].
#[derive(Debug)]
pub struct CodesBody<B> {
    body: B,
}

impl<B: http_body::Body + Unpin> http_body::Body for CodesBody<B> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        let this = self.get_mut();
        let frame = ready!(Pin::new(&mut this.body).poll_frame(cx));
        Poll::Ready(frame.map(|frame| {
            frame.map(|frame| match frame.into_trailers() {
                Ok(mut trailers) => {
                    remap(&mut trailers);
                    http_body::Frame::trailers(trailers)
                }
                Err(frame) => frame,
            })
        }))
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.body.size_hint()
    }
}

/// Our status for one of tonic's decoding failures (see the module's comment), or `None` to keep
/// it.
fn spec_status(status: &Status) -> Option<Status> {
    let error = match status.code() {
        Code::Internal if status.message().starts_with(NOT_PROTOBUF) => Error::invalid(
            "request",
            "not a valid protobuf message of the method's type",
        ),
        Code::OutOfRange if status.message().starts_with(TOO_LARGE) => {
            // Tonic's text says the size and the limit, and nothing the caller did not send.
            let detail = status.message().trim_start_matches(TOO_LARGE);
            Error::TooLarge(format!(
                "the message is larger than this service accepts{detail}"
            ))
        }
        _ => return None,
    };
    Some(Status::from(error))
}

/// Rewrites the status in `headers` (response headers or trailers), if it is one to rewrite.
fn remap(headers: &mut http::HeaderMap) {
    let Some(replacement) = Status::from_header_map(headers)
        .as_ref()
        .and_then(spec_status)
    else {
        return;
    };
    headers.remove("grpc-status");
    headers.remove("grpc-message");
    headers.remove("grpc-status-details-bin");
    // A status built from our own text always fits in a header.
    let _ = replacement.add_header(headers);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers_of(status: Status) -> http::HeaderMap {
        let mut headers = http::HeaderMap::new();
        status.add_header(&mut headers).expect("a header");
        headers
    }

    fn code_after_remap(status: Status) -> (Code, String) {
        let mut headers = headers_of(status);
        remap(&mut headers);
        let status = Status::from_header_map(&headers).expect("a status");
        (status.code(), status.message().to_string())
    }

    #[test]
    fn decode_failures_get_the_codes_the_spec_gives() {
        let (code, message) = code_after_remap(Status::internal(
            "failed to decode Protobuf message: invalid wire type value: 7",
        ));
        assert_eq!(code, Code::InvalidArgument, "{message}");
        let (code, message) = code_after_remap(Status::out_of_range(
            "Error, decoded message length too large: found 5000000 bytes, the limit is: 4194304 bytes",
        ));
        assert_eq!(code, Code::ResourceExhausted);
        assert!(message.contains("found 5000000 bytes"), "{message}");
    }

    #[test]
    fn other_statuses_pass_unchanged() {
        for status in [
            Status::internal("internal error; see the controller's log"),
            Status::out_of_range("page 9 of 3"),
            Status::not_found("run"),
        ] {
            let code = status.code();
            assert_eq!(code_after_remap(status).0, code);
        }
    }
}
