//! The LLM client and provider strategies against small in-test HTTP servers that answer the way
//! real ones fail: refused connections, 500s, 429s with `Retry-After`, streams with and without
//! usage. (The real llama.cpp server is exercised in `testkit/tests/llm_triage.rs`.)

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cyberbrain_llm::client::ChatRequest;
use cyberbrain_llm::providers::{Attempt, CircuitState, Outcome};
use cyberbrain_llm::{Llm, LlmSettings, Strategy};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// What the fake server answers to the n-th request (0-based), given the request's text.
type Script = Arc<dyn Fn(usize, &str) -> (u16, Vec<(&'static str, String)>, String) + Send + Sync>;

struct FakeServer {
    url: String,
    /// (path, arrival time) of each request.
    requests: Arc<Mutex<Vec<(String, Instant)>>>,
}

const OK_BODY: &str = r#"{"choices":[{"message":{"role":"assistant","content":"{\"findings\":[]}"}}],"usage":{"prompt_tokens":11,"completion_tokens":4,"total_tokens":15}}"#;

fn ok_answer() -> (u16, Vec<(&'static str, String)>, String) {
    (
        200,
        vec![("content-type", "application/json".into())],
        OK_BODY.into(),
    )
}

async fn fake(script: Script) -> FakeServer {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("binds");
    let addr = listener.local_addr().expect("addr");
    let requests = Arc::new(Mutex::new(Vec::new()));
    let seen = requests.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut socket, _)) = listener.accept().await else {
                return;
            };
            let seen = seen.clone();
            let script = script.clone();
            tokio::spawn(async move {
                // One request per connection is enough: the answer closes it.
                let mut buf = Vec::new();
                let mut chunk = [0u8; 4096];
                let (head_end, content_length) = loop {
                    let Ok(n) = socket.read(&mut chunk).await else {
                        return;
                    };
                    if n == 0 {
                        return;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                    if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                        let head = String::from_utf8_lossy(&buf[..end]).to_ascii_lowercase();
                        let length = head
                            .lines()
                            .find_map(|l| l.strip_prefix("content-length:"))
                            .and_then(|v| v.trim().parse::<usize>().ok())
                            .unwrap_or(0);
                        break (end + 4, length);
                    }
                };
                while buf.len() < head_end + content_length {
                    let Ok(n) = socket.read(&mut chunk).await else {
                        return;
                    };
                    if n == 0 {
                        break;
                    }
                    buf.extend_from_slice(&chunk[..n]);
                }
                let head = String::from_utf8_lossy(&buf[..head_end]).to_string();
                let body = String::from_utf8_lossy(&buf[head_end..]).to_string();
                let path = head.split_whitespace().nth(1).unwrap_or("").to_string();
                let n = {
                    let mut s = seen.lock().expect("lock");
                    s.push((path.clone(), Instant::now()));
                    s.len() - 1
                };
                let (status, headers, answer) = if path.ends_with("/models") {
                    (200, vec![], r#"{"data":[]}"#.to_string())
                } else {
                    script(n, &format!("{head}{body}"))
                };
                let mut response = format!(
                    "HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n",
                    answer.len()
                );
                for (k, v) in headers {
                    response.push_str(&format!("{k}: {v}\r\n"));
                }
                response.push_str("\r\n");
                response.push_str(&answer);
                let _ = socket.write_all(response.as_bytes()).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    FakeServer {
        url: format!("http://{addr}/v1"),
        requests,
    }
}

impl FakeServer {
    fn chat_requests(&self) -> usize {
        self.requests
            .lock()
            .expect("lock")
            .iter()
            .filter(|(p, _)| p.ends_with("/chat/completions"))
            .count()
    }
}

/// An address where nothing listens.
/// A URL whose port refuses connections. The socket stays bound but never listens, so the port
/// cannot be taken by another test's listener meanwhile (a dropped listener's port could be).
async fn refusing_url() -> (tokio::net::TcpSocket, String) {
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket
        .bind("127.0.0.1:0".parse().expect("addr"))
        .expect("binds");
    let addr = socket.local_addr().expect("addr");
    (socket, format!("http://{addr}/v1"))
}

fn settings(urls: &[(&str, &str)], strategy: Strategy, retries: u32) -> LlmSettings {
    LlmSettings {
        providers: urls
            .iter()
            .map(|(name, url)| {
                format!("name={name},url={url},model=tiny,api_key_env=TEST_KEY")
                    .parse()
                    .expect("spec")
            })
            .collect(),
        strategy,
        call_timeout: Duration::from_secs(10),
        retries,
        backoff: Duration::from_millis(10),
        max_backoff: Duration::from_secs(5),
        breaker_failures: 3,
        breaker_cooldown: Duration::from_millis(200),
        stream: false,
    }
}

fn llm(settings: LlmSettings) -> Llm {
    Llm::new(settings, |_| Some("sk-test-key".into())).expect("builds")
}

fn request() -> ChatRequest {
    ChatRequest {
        system: "s".into(),
        user: "u".into(),
        max_tokens: 16,
    }
}

fn outcomes(attempts: &[Attempt]) -> Vec<(String, Outcome)> {
    attempts
        .iter()
        .map(|a| (a.provider.clone(), a.outcome))
        .collect()
}

#[tokio::test]
async fn failover_passes_a_refusing_provider_and_a_failing_one() {
    let (_bound, refusing) = refusing_url().await;
    let failing = fake(Arc::new(|_, _| (500, vec![], "boom".into()))).await;
    let good = fake(Arc::new(|_, _| ok_answer())).await;
    let llm = llm(settings(
        &[
            ("refusing", &refusing),
            ("failing", &failing.url),
            ("good", &good.url),
        ],
        Strategy::Failover,
        1,
    ));
    let mut attempts = Vec::new();
    let completion = llm
        .complete(&request(), &mut attempts)
        .await
        .expect("answers");
    assert_eq!(completion.usage.and_then(|u| u.total_tokens), Some(15));
    assert_eq!(
        outcomes(&attempts),
        vec![
            ("refusing".into(), Outcome::ConnectError),
            ("failing".into(), Outcome::ServerError),
            ("failing".into(), Outcome::ServerError),
            ("good".into(), Outcome::Ok),
        ]
    );
    assert_eq!(failing.chat_requests(), 2, "one retry after a 500");
    assert_eq!(attempts[3].usage.and_then(|u| u.prompt_tokens), Some(11));
}

#[tokio::test]
async fn round_robin_spreads_calls() {
    let a = fake(Arc::new(|_, _| ok_answer())).await;
    let b = fake(Arc::new(|_, _| ok_answer())).await;
    let llm = llm(settings(
        &[("a", &a.url), ("b", &b.url)],
        Strategy::RoundRobin,
        0,
    ));
    let mut attempts = Vec::new();
    for _ in 0..6 {
        llm.complete(&request(), &mut attempts)
            .await
            .expect("answers");
    }
    assert_eq!((a.chat_requests(), b.chat_requests()), (3, 3));
}

#[tokio::test]
async fn a_429_with_retry_after_is_honoured() {
    let server = fake(Arc::new(|n, _| {
        if n == 0 {
            (429, vec![("retry-after", "1".into())], "slow down".into())
        } else {
            ok_answer()
        }
    }))
    .await;
    let llm = llm(settings(&[("only", &server.url)], Strategy::Failover, 2));
    let mut attempts = Vec::new();
    llm.complete(&request(), &mut attempts)
        .await
        .expect("answers");
    let times: Vec<Instant> = server
        .requests
        .lock()
        .expect("lock")
        .iter()
        .map(|r| r.1)
        .collect();
    assert_eq!(times.len(), 2);
    let waited = times[1] - times[0];
    assert!(
        waited >= Duration::from_secs(1),
        "waited only {waited:?} (backoff is 10 ms)"
    );
    assert_eq!(
        outcomes(&attempts),
        vec![
            ("only".into(), Outcome::RateLimited),
            ("only".into(), Outcome::Ok)
        ]
    );
}

#[tokio::test]
async fn the_circuit_opens_then_the_probe_closes_it() {
    let flaky = fake(Arc::new(|n, _| {
        if n < 3 {
            (503, vec![], "down".into())
        } else {
            ok_answer()
        }
    }))
    .await;
    let good = fake(Arc::new(|_, _| ok_answer())).await;
    let llm = llm(settings(
        &[("flaky", &flaky.url), ("good", &good.url)],
        Strategy::Failover,
        0,
    ));
    let mut attempts = Vec::new();
    for _ in 0..3 {
        llm.complete(&request(), &mut attempts)
            .await
            .expect("the second answers");
    }
    let health = llm.health();
    assert_eq!(health[0].circuit, CircuitState::Open);
    assert_eq!((health[0].recent_calls, health[0].recent_errors), (3, 3));
    assert_eq!(health[0].last_error, Some("server_error"));
    // While open, calls skip it.
    llm.complete(&request(), &mut attempts)
        .await
        .expect("answers");
    assert_eq!(flaky.chat_requests(), 3);
    // After the cool-down the probe (GET /models) closes it.
    let deadline = Instant::now() + Duration::from_secs(10);
    while llm.health()[0].circuit == CircuitState::Open {
        assert!(
            Instant::now() < deadline,
            "the probe never closed the circuit"
        );
        llm.probe_open_circuits().await;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    llm.complete(&request(), &mut attempts)
        .await
        .expect("answers");
    assert_eq!(
        flaky.chat_requests(),
        4,
        "healthy again, it is first in failover order"
    );
}

#[tokio::test]
async fn streams_report_usage_when_the_server_sends_it_and_none_otherwise() {
    let with_usage = fake(Arc::new(|_, body| {
        assert!(body.contains("\"include_usage\":true"), "usage must be asked for");
        let sse = "data: {\"choices\":[{\"delta\":{\"content\":\"{\\\"findings\\\"\"}}]}\n\n\
                   data: {\"choices\":[{\"delta\":{\"content\":\":[]}\"}}]}\n\n\
                   data: {\"choices\":[],\"usage\":{\"prompt_tokens\":21,\"completion_tokens\":5,\"total_tokens\":26}}\n\n\
                   data: [DONE]\n\n";
        (200, vec![("content-type", "text/event-stream".into())], sse.into())
    }))
    .await;
    let without = fake(Arc::new(|_, _| {
        let sse = "data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}\n\ndata: [DONE]\n\n";
        (
            200,
            vec![("content-type", "text/event-stream".into())],
            sse.into(),
        )
    }))
    .await;
    for (url, expected) in [(&with_usage.url, Some(26)), (&without.url, None)] {
        let mut s = settings(&[("s", url)], Strategy::Failover, 0);
        s.stream = true;
        let llm = llm(s);
        let mut attempts = Vec::new();
        let c = llm
            .complete(&request(), &mut attempts)
            .await
            .expect("answers");
        assert_eq!(c.usage.and_then(|u| u.total_tokens), expected);
        assert!(attempts[0].streamed);
        assert_eq!(attempts[0].usage.and_then(|u| u.total_tokens), expected);
    }
}

#[tokio::test]
async fn the_api_key_is_sent_as_a_bearer_token() {
    let server = fake(Arc::new(|_, request| {
        if request
            .to_ascii_lowercase()
            .contains("authorization: bearer sk-test-key")
        {
            ok_answer()
        } else {
            (401, vec![], "no key".into())
        }
    }))
    .await;
    let llm = llm(settings(&[("k", &server.url)], Strategy::Failover, 0));
    let mut attempts = Vec::new();
    llm.complete(&request(), &mut attempts)
        .await
        .expect("answers");
    let host = server
        .url
        .trim_start_matches("http://")
        .trim_end_matches("/v1");
    assert_eq!(attempts[0].endpoint_host, host);
}
