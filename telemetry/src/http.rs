//! The small plain-HTTP endpoint both binaries serve for Prometheus and Kubernetes probes:
//! `GET /metrics`, `GET /healthz` (200 while the process serves) and `GET /readyz` (200 or 503 with
//! a one-line reason). Anything else is 404, a method other than GET or HEAD 405.
//!
//! The routes are an axum [`Router`] (axum is in the tree already, through tonic), so a caller can
//! merge its own routes into [`router`] and serve the whole with [`serve_router`]. Connections are
//! served by hyper's HTTP/1 connection builder rather than `axum::serve`, which can neither cap
//! the connections served at once nor time out a slow request head.

use std::future::Future;
use std::net::SocketAddr;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// Connections served at once; more wait in the listen backlog.
const MAX_CONNECTIONS: usize = 64;
/// A client must send its request head within this time (slow clients hold a slot).
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// The `Content-Type` of every answer but the metrics.
const PLAIN_TEXT: &str = "text/plain; charset=utf-8";

/// The `--http-listen` value: an address, or nothing (the empty string, `off` or `none`) to turn
/// the endpoint off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HttpListen(pub Option<SocketAddr>);

impl FromStr for HttpListen {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if text.is_empty() || text.eq_ignore_ascii_case("off") || text.eq_ignore_ascii_case("none")
        {
            return Ok(HttpListen(None));
        }
        text.parse::<SocketAddr>()
            .map(|a| HttpListen(Some(a)))
            .map_err(|_| {
                format!("{text:?} is not an address (HOST:PORT), nor empty or `off` to turn it off")
            })
    }
}

impl std::fmt::Display for HttpListen {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            Some(addr) => addr.fmt(f),
            None => f.write_str("off"),
        }
    }
}

/// What the endpoint asks the process.
pub trait Probes: Send + Sync + 'static {
    /// The metrics, in the text exposition format 0.0.4.
    fn metrics(&self) -> impl Future<Output = String> + Send;
    /// `Ok` when the process should receive traffic, else why not, in one line.
    fn readiness(&self) -> impl Future<Output = Result<(), String>> + Send;
}

/// Serves the probe routes on `listener` until `shutdown` resolves.
pub async fn serve<P: Probes>(
    listener: TcpListener,
    probes: Arc<P>,
    shutdown: impl Future<Output = ()> + Send,
) {
    serve_router(listener, router(probes), shutdown).await;
}

/// The probe routes: `/metrics`, `/healthz` and `/readyz` answer GET and HEAD, other methods 405;
/// any other path is 404 (405 for a method other than GET or HEAD).
///
/// Other routes can be merged in ([`Router::merge`]) as long as they bring no fallback of their
/// own: this router's fallback answers the paths nobody routes.
pub fn router<P: Probes>(probes: Arc<P>) -> Router {
    Router::new()
        .route("/metrics", get(metrics::<P>))
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz::<P>))
        .method_not_allowed_fallback(only_get_and_head)
        .fallback(unrouted)
        .with_state(probes)
}

/// Serves `router` on `listener` until `shutdown` resolves: then it accepts no more connections
/// and returns; the connections already open finish on their own.
pub async fn serve_router(
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send,
) {
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    tokio::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            () = &mut shutdown => return,
            permit = slots.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => return,
            },
        };
        let (stream, peer) = tokio::select! {
            () = &mut shutdown => return,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: pause instead of spinning.
                    tracing::warn!(error = %e, "http endpoint could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        let service = TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let _permit = permit;
            let served = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_READ_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service)
                .await;
            if let Err(e) = served {
                tracing::debug!(%peer, error = %e, "http connection ended with an error");
            }
        });
    }
}

async fn metrics<P: Probes>(State(probes): State<Arc<P>>) -> Response {
    (
        [(CONTENT_TYPE, crate::metrics::CONTENT_TYPE)],
        probes.metrics().await,
    )
        .into_response()
}

async fn healthz() -> Response {
    text(StatusCode::OK, "ok\n".into())
}

async fn readyz<P: Probes>(State(probes): State<Arc<P>>) -> Response {
    match probes.readiness().await {
        Ok(()) => text(StatusCode::OK, "ready\n".into()),
        Err(reason) => text(
            StatusCode::SERVICE_UNAVAILABLE,
            format!("not ready: {}\n", one_line(&reason)),
        ),
    }
}

async fn only_get_and_head() -> Response {
    text(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n".into())
}

/// A path no route takes: 405 for a method the endpoint never serves, else 404.
async fn unrouted(method: Method) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return only_get_and_head().await;
    }
    text(StatusCode::NOT_FOUND, "not found\n".into())
}

fn text(status: StatusCode, body: String) -> Response {
    (status, [(CONTENT_TYPE, PLAIN_TEXT)], body).into_response()
}

/// The first line of `reason`, so a probe's body is always one line.
fn one_line(reason: &str) -> &str {
    reason.lines().next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::*;

    /// Probes whose readiness the test switches.
    struct Switch(AtomicBool);

    impl Probes for Switch {
        async fn metrics(&self) -> String {
            "# TYPE up gauge\nup 1\n".into()
        }

        async fn readiness(&self) -> Result<(), String> {
            if self.0.load(Ordering::SeqCst) {
                Ok(())
            } else {
                Err("database down\nsecond line".into())
            }
        }
    }

    /// One request over a real socket: the status line's code, the headers and the body.
    fn request(addr: SocketAddr, method: &str, path: &str) -> (u16, String, String) {
        let mut stream = std::net::TcpStream::connect(addr).expect("connects");
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"
        )
        .expect("writes");
        let mut text = String::new();
        stream.read_to_string(&mut text).expect("reads");
        let (head, body) = text.split_once("\r\n\r\n").expect("a head");
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status");
        (status, head.to_ascii_lowercase(), body.to_string())
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn routes_answer_over_a_real_socket() {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("binds");
        let addr = listener.local_addr().expect("an address");
        let probes = Arc::new(Switch(AtomicBool::new(true)));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(serve(listener, probes.clone(), async move {
            let _ = stopped.await;
        }));
        let probes_for_check = probes.clone();
        tokio::task::spawn_blocking(move || {
            let (status, head, body) = request(addr, "GET", "/metrics");
            assert_eq!(status, 200);
            assert!(
                head.contains("content-type: text/plain; version=0.0.4"),
                "{head}"
            );
            assert_eq!(body, "# TYPE up gauge\nup 1\n");
            assert_eq!(request(addr, "GET", "/healthz").0, 200);
            let (status, _, body) = request(addr, "GET", "/readyz");
            assert_eq!((status, body.as_str()), (200, "ready\n"));
            probes_for_check.0.store(false, Ordering::SeqCst);
            let (status, _, body) = request(addr, "GET", "/readyz");
            assert_eq!((status, body.as_str()), (503, "not ready: database down\n"));
            assert_eq!(
                request(addr, "GET", "/healthz").0,
                200,
                "alive while not ready"
            );
            let (status, _, body) = request(addr, "HEAD", "/metrics");
            assert_eq!((status, body.as_str()), (200, ""));
            assert_eq!(request(addr, "POST", "/metrics").0, 405);
            assert_eq!(request(addr, "GET", "/metrics/x").0, 404);
        })
        .await
        .expect("the checks pass");
        let _ = stop.send(());
        server.await.expect("the server stops");
    }

    #[tokio::test]
    async fn routes_merged_in_are_served_beside_the_probes() {
        let console = Router::new().route("/console", axum::routing::post(|| async { "posted" }));
        let probes = Arc::new(Switch(AtomicBool::new(true)));
        let service = TowerToHyperService::new(router(probes).merge(console));
        for (method, path, status, body) in [
            ("POST", "/console", 200, "posted"),
            ("GET", "/healthz", 200, "ok\n"),
            ("GET", "/nowhere", 404, "not found\n"),
        ] {
            let request = axum::http::Request::builder()
                .method(method)
                .uri(path)
                .body(axum::body::Body::empty())
                .expect("a request");
            let response = hyper::service::Service::call(&service, request)
                .await
                .expect("routers do not fail");
            assert_eq!(response.status(), status, "{method} {path}");
            let bytes = axum::body::to_bytes(response.into_body(), 1024)
                .await
                .expect("a body");
            assert_eq!(bytes, body.as_bytes(), "{method} {path}");
        }
    }

    #[test]
    fn listen_values_parse() {
        assert_eq!("".parse::<HttpListen>(), Ok(HttpListen(None)));
        assert_eq!("off".parse::<HttpListen>(), Ok(HttpListen(None)));
        assert_eq!(
            "127.0.0.1:0".parse::<HttpListen>(),
            Ok(HttpListen(Some("127.0.0.1:0".parse().unwrap())))
        );
        assert!("localhost".parse::<HttpListen>().is_err());
    }

    #[test]
    fn reasons_are_cut_to_one_line() {
        assert_eq!(one_line("database down\nmore"), "database down");
        assert_eq!(one_line(""), "");
    }
}
