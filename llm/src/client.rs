//! An OpenAI-compatible chat-completions client (vLLM, llama.cpp's server, Ollama's `/v1`, hosted
//! APIs): one call, plain or streamed (server-sent events), bounded in time and size.
//!
//! Token counts come only from the server's `usage` object (asked for in streams with
//! `stream_options.include_usage`); a call whose server reports none has `usage: None`, never an
//! estimate. Errors never carry response text: a misbehaving server could echo the prompt back.

use std::time::Duration;

use reqwest::Url;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use serde::Deserialize;

pub use cyberbrain_model::llm_calls::Usage;

/// The largest response body read, plain or streamed: triage answers are a few kilobytes.
const MAX_RESPONSE_BYTES: usize = 1024 * 1024;

/// An API key, kept out of `Debug` output so it cannot reach a log line by accident.
#[derive(Clone)]
pub struct ApiKey(String);

impl ApiKey {
    /// Wraps a key read from the environment or a file (surrounding whitespace dropped).
    pub fn new(key: &str) -> ApiKey {
        ApiKey(key.trim().to_string())
    }
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

/// Where one provider's chat completions are served.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// The API base, e.g. `http://127.0.0.1:8000/v1`; `chat/completions` and `models` are
    /// appended to it.
    pub base_url: Url,
    /// The model name sent in each request.
    pub model: String,
    /// Sent as a bearer token when set.
    pub api_key: Option<ApiKey>,
    /// Whether to ask for `response_format: {"type": "json_object"}`; some servers refuse it.
    pub json_mode: bool,
}

impl Endpoint {
    /// The endpoint's host (and port, when explicit) for accounting: never a path or credentials.
    pub fn host(&self) -> String {
        let host = self.base_url.host_str().unwrap_or("unknown");
        match self.base_url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_string(),
        }
    }

    fn url(&self, path: &str) -> Url {
        // `join` would drop the base's last segment without a trailing slash (`/v1` + `models`
        // gives `/models`), so the path is appended by hand.
        let mut url = self.base_url.clone();
        let base = url.path().trim_end_matches('/').to_string();
        url.set_path(&format!("{base}/{path}"));
        url
    }
}

/// What to ask.
#[derive(Debug, Clone)]
pub struct ChatRequest {
    /// The system message.
    pub system: String,
    /// The user message.
    pub user: String,
    /// Upper bound on the answer's tokens.
    pub max_tokens: u32,
}

/// A finished call.
#[derive(Debug, Clone)]
pub struct Completion {
    /// The answer's text. Callers must not log or store it.
    pub content: String,
    /// Token counts, when the server reported them.
    pub usage: Option<Usage>,
}

/// Why a call failed. Messages are fixed phrases plus status codes: no response text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    /// The per-call timeout passed.
    #[error("timed out")]
    Timeout,
    /// No connection could be made.
    #[error("could not connect")]
    Connect,
    /// HTTP 429.
    #[error("rate limited (HTTP 429)")]
    RateLimited {
        /// The server's `Retry-After`, when it gave one.
        retry_after: Option<Duration>,
    },
    /// HTTP 5xx.
    #[error("server error (HTTP {status})")]
    Server {
        /// The status code.
        status: u16,
        /// The server's `Retry-After`, when it gave one.
        retry_after: Option<Duration>,
    },
    /// Any other non-success status (bad key, unknown model, refused parameter).
    #[error("request refused (HTTP {status})")]
    Client {
        /// The status code.
        status: u16,
    },
    /// The response was not an OpenAI-shaped answer.
    #[error("malformed response: {0}")]
    Protocol(&'static str),
}

impl CallError {
    /// Whether the same provider may be asked again after a pause.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            CallError::RateLimited { .. } | CallError::Server { .. }
        )
    }

    /// The server's requested pause, if any.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            CallError::RateLimited { retry_after } | CallError::Server { retry_after, .. } => {
                *retry_after
            }
            _ => None,
        }
    }
}

/// A reusable HTTP client for chat completions.
#[derive(Debug, Clone)]
pub struct ChatClient {
    http: reqwest::Client,
}

impl ChatClient {
    /// A client with rustls and the bundled web PKI roots.
    pub fn new() -> Result<ChatClient, reqwest::Error> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .user_agent(concat!("cyberbrain-controller/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(ChatClient { http })
    }

    /// One chat completion, plain or streamed, within `timeout` (connection, headers and body).
    pub async fn complete(
        &self,
        endpoint: &Endpoint,
        request: &ChatRequest,
        stream: bool,
        timeout: Duration,
    ) -> Result<Completion, CallError> {
        match tokio::time::timeout(timeout, self.complete_inner(endpoint, request, stream)).await {
            Ok(outcome) => outcome,
            Err(_) => Err(CallError::Timeout),
        }
    }

    async fn complete_inner(
        &self,
        endpoint: &Endpoint,
        request: &ChatRequest,
        stream: bool,
    ) -> Result<Completion, CallError> {
        let mut body = serde_json::json!({
            "model": endpoint.model,
            "messages": [
                {"role": "system", "content": request.system},
                {"role": "user", "content": request.user},
            ],
            "max_tokens": request.max_tokens,
            "temperature": 0,
            "stream": stream,
        });
        if stream {
            body["stream_options"] = serde_json::json!({ "include_usage": true });
        }
        if endpoint.json_mode {
            body["response_format"] = serde_json::json!({ "type": "json_object" });
        }
        let mut builder = self.http.post(endpoint.url("chat/completions")).json(&body);
        if let Some(ApiKey(key)) = &endpoint.api_key {
            builder = builder.bearer_auth(key);
        }
        let response = builder.send().await.map_err(send_error)?;
        check_status(&response)?;
        if stream {
            read_stream(response).await
        } else {
            let bytes = read_body(response).await?;
            parse_plain(&bytes)
        }
    }

    /// The health probe: `GET <base>/models`, which every OpenAI-compatible server answers without
    /// generating anything.
    pub async fn probe(&self, endpoint: &Endpoint, timeout: Duration) -> Result<(), CallError> {
        let mut builder = self.http.get(endpoint.url("models")).timeout(timeout);
        if let Some(ApiKey(key)) = &endpoint.api_key {
            builder = builder.bearer_auth(key);
        }
        let response = builder.send().await.map_err(send_error)?;
        check_status(&response)
    }
}

fn send_error(e: reqwest::Error) -> CallError {
    if e.is_timeout() {
        CallError::Timeout
    } else if e.is_connect() {
        CallError::Connect
    } else {
        CallError::Protocol("the HTTP exchange failed")
    }
}

fn check_status(response: &reqwest::Response) -> Result<(), CallError> {
    let status = response.status();
    if status.is_success() {
        return Ok(());
    }
    let retry_after = retry_after(response.headers());
    Err(match status.as_u16() {
        429 => CallError::RateLimited { retry_after },
        code @ 500..=599 => CallError::Server {
            status: code,
            retry_after,
        },
        code => CallError::Client { status: code },
    })
}

/// `Retry-After` in seconds (the HTTP-date form is rare from APIs and read as absent).
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?.trim();
    value
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s >= 0.0)
        .map(Duration::from_secs_f64)
}

async fn read_body(mut response: reqwest::Response) -> Result<Vec<u8>, CallError> {
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(body_error)? {
        if body.len() + chunk.len() > MAX_RESPONSE_BYTES {
            return Err(CallError::Protocol("response larger than 1 MiB"));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

fn body_error(e: reqwest::Error) -> CallError {
    if e.is_timeout() {
        CallError::Timeout
    } else {
        CallError::Protocol("the response body broke off")
    }
}

#[derive(Deserialize)]
struct PlainResponse {
    #[serde(default)]
    choices: Vec<PlainChoice>,
    #[serde(default)]
    usage: Option<Usage>,
}

#[derive(Deserialize)]
struct PlainChoice {
    #[serde(default)]
    message: Option<Message>,
}

#[derive(Deserialize)]
struct Message {
    #[serde(default)]
    content: Option<String>,
}

/// Parses a non-streamed answer.
pub fn parse_plain(bytes: &[u8]) -> Result<Completion, CallError> {
    let response: PlainResponse = serde_json::from_slice(bytes)
        .map_err(|_| CallError::Protocol("not a chat completion object"))?;
    let content = response
        .choices
        .into_iter()
        .next()
        .and_then(|c| c.message)
        .and_then(|m| m.content)
        .ok_or(CallError::Protocol("no choices[0].message.content"))?;
    Ok(Completion {
        content,
        usage: response.usage,
    })
}

#[derive(Deserialize)]
struct StreamChunk {
    #[serde(default)]
    choices: Vec<StreamChoice>,
    #[serde(default)]
    usage: Option<Usage>,
}

#[derive(Deserialize)]
struct StreamChoice {
    #[serde(default)]
    delta: Option<Message>,
}

/// Accumulates a server-sent event stream of chat completion chunks.
#[derive(Debug, Default)]
pub struct StreamAssembler {
    pending: Vec<u8>,
    data: String,
    content: String,
    usage: Option<Usage>,
    done: bool,
    received: usize,
}

impl StreamAssembler {
    /// Feeds bytes as they arrive; events may be split anywhere.
    pub fn feed(&mut self, bytes: &[u8]) -> Result<(), CallError> {
        self.received += bytes.len();
        if self.received > MAX_RESPONSE_BYTES {
            return Err(CallError::Protocol("response larger than 1 MiB"));
        }
        self.pending.extend_from_slice(bytes);
        while let Some(newline) = self.pending.iter().position(|b| *b == b'\n') {
            let line: Vec<u8> = self.pending.drain(..=newline).collect();
            let line = String::from_utf8(line)
                .map_err(|_| CallError::Protocol("event stream is not UTF-8"))?;
            self.line(line.trim_end_matches(['\n', '\r']))?;
        }
        Ok(())
    }

    fn line(&mut self, line: &str) -> Result<(), CallError> {
        if line.is_empty() {
            return self.dispatch();
        }
        if let Some(data) = line.strip_prefix("data:") {
            if !self.data.is_empty() {
                self.data.push('\n');
            }
            self.data.push_str(data.strip_prefix(' ').unwrap_or(data));
        }
        // Comments (`:`), `event:`, `id:` and `retry:` lines carry nothing we use.
        Ok(())
    }

    fn dispatch(&mut self) -> Result<(), CallError> {
        let data = std::mem::take(&mut self.data);
        if data.is_empty() || self.done {
            return Ok(());
        }
        if data.trim() == "[DONE]" {
            self.done = true;
            return Ok(());
        }
        let chunk: StreamChunk = serde_json::from_str(&data)
            .map_err(|_| CallError::Protocol("an event is not a chat completion chunk"))?;
        if let Some(usage) = chunk.usage {
            self.usage = Some(usage);
        }
        for choice in chunk.choices {
            if let Some(text) = choice.delta.and_then(|d| d.content) {
                self.content.push_str(&text);
            }
        }
        Ok(())
    }

    /// The answer once the stream ended.
    pub fn finish(mut self) -> Result<Completion, CallError> {
        // A last event without its blank line still counts.
        let rest = std::mem::take(&mut self.pending);
        if !rest.is_empty() {
            let line = String::from_utf8(rest)
                .map_err(|_| CallError::Protocol("event stream is not UTF-8"))?;
            self.line(line.trim_end_matches('\r'))?;
        }
        self.dispatch()?;
        if !self.done {
            return Err(CallError::Protocol("the event stream ended without [DONE]"));
        }
        Ok(Completion {
            content: self.content,
            usage: self.usage,
        })
    }
}

async fn read_stream(mut response: reqwest::Response) -> Result<Completion, CallError> {
    let mut assembler = StreamAssembler::default();
    while let Some(chunk) = response.chunk().await.map_err(body_error)? {
        assembler.feed(&chunk)?;
    }
    assembler.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_answers_keep_the_servers_usage_or_none() {
        let with = br#"{"choices":[{"message":{"role":"assistant","content":"hi"}}],
            "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}"#;
        let c = parse_plain(with).expect("parses");
        assert_eq!(c.content, "hi");
        assert_eq!(
            c.usage,
            Some(Usage {
                prompt_tokens: Some(12),
                completion_tokens: Some(3),
                total_tokens: Some(15)
            })
        );
        let without = br#"{"choices":[{"message":{"content":"hi"}}]}"#;
        assert_eq!(parse_plain(without).expect("parses").usage, None);
        assert!(parse_plain(b"<html>").is_err());
        assert!(parse_plain(br#"{"choices":[]}"#).is_err());
    }

    #[test]
    fn streams_are_assembled_across_arbitrary_splits() {
        let stream = "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\r\n\r\n\
            : keep-alive\n\n\
            data: {\"choices\":[{\"delta\":{\"content\":\"he\"}}]}\n\n\
            data: {\"choices\":[{\"delta\":{\"content\":\"llo\"}}]}\n\n\
            data: {\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":2,\"total_tokens\":9}}\n\n\
            data: [DONE]\n\n";
        for split in [1, 3, 17, stream.len()] {
            let mut a = StreamAssembler::default();
            for piece in stream.as_bytes().chunks(split) {
                a.feed(piece).expect("feeds");
            }
            let c = a.finish().expect("finishes");
            assert_eq!(c.content, "hello");
            assert_eq!(c.usage.and_then(|u| u.total_tokens), Some(9));
        }
    }

    #[test]
    fn a_stream_without_usage_or_done_is_told_apart() {
        let mut a = StreamAssembler::default();
        a.feed(b"data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}\n\ndata: [DONE]\n\n")
            .expect("feeds");
        assert_eq!(a.finish().expect("finishes").usage, None);
        let mut cut = StreamAssembler::default();
        cut.feed(b"data: {\"choices\":[{\"delta\":{\"content\":\"x\"}}]}\n\n")
            .expect("feeds");
        assert!(cut.finish().is_err());
    }

    #[test]
    fn retry_after_reads_seconds() {
        let mut h = HeaderMap::new();
        h.insert(RETRY_AFTER, "2".parse().expect("header"));
        assert_eq!(retry_after(&h), Some(Duration::from_secs(2)));
        h.insert(
            RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().expect("header"),
        );
        assert_eq!(retry_after(&h), None);
    }

    #[test]
    fn endpoint_urls_keep_the_base_path() {
        let e = Endpoint {
            base_url: Url::parse("http://127.0.0.1:8000/v1").expect("url"),
            model: "m".into(),
            api_key: Some(ApiKey::new("sk-secret")),
            json_mode: true,
        };
        assert_eq!(e.url("models").as_str(), "http://127.0.0.1:8000/v1/models");
        assert_eq!(e.host(), "127.0.0.1:8000");
        assert!(!format!("{e:?}").contains("sk-secret"));
    }
}
