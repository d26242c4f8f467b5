//! An HTTPS client for the web console: verifies the controller with the test CA, follows no
//! redirect (tests check the 303s), keeps the session cookie by hand, and says where it comes
//! from (`Origin`) on POSTs unless told not to.

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use reqwest::header::{HeaderMap, LOCATION, SET_COOKIE};

/// A console answer: status, headers and body text.
#[derive(Debug, Clone)]
pub struct Page {
    /// The HTTP status.
    pub status: u16,
    /// The headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: String,
}

impl Page {
    /// The `Location` header, for redirects.
    pub fn location(&self) -> Option<&str> {
        self.headers.get(LOCATION).and_then(|v| v.to_str().ok())
    }

    /// A header's value as text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// A browser-like client for one console, with at most one session cookie.
#[derive(Debug, Clone)]
pub struct WebClient {
    /// `https://localhost:PORT`.
    pub base: String,
    client: reqwest::Client,
    /// The `name=value` of the session cookie, once signed in.
    pub cookie: Option<String>,
}

impl WebClient {
    /// A client for the console at `addr`, trusting `ca`.
    pub fn new(addr: SocketAddr, ca: &Path) -> WebClient {
        let ca = reqwest::Certificate::from_pem(&std::fs::read(ca).expect("CA certificate"))
            .expect("a CA certificate");
        let client = reqwest::Client::builder()
            .add_root_certificate(ca)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(30))
            .build()
            .expect("an HTTPS client");
        WebClient {
            base: format!("https://localhost:{}", addr.port()),
            client,
            cookie: None,
        }
    }

    /// `GET path`.
    pub async fn get(&self, path: &str) -> Page {
        self.send(self.client.get(format!("{}{path}", self.base)))
            .await
    }

    /// `GET path` with extra headers.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut request = self.client.get(format!("{}{path}", self.base));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request).await
    }

    /// `POST path` with a form, from this origin.
    pub async fn post(&self, path: &str, form: &[(&str, &str)]) -> Page {
        self.post_with(path, form, &[("origin", &self.base)]).await
    }

    /// `POST path` with a form and exactly these extra headers (no `Origin` unless given).
    pub async fn post_with(
        &self,
        path: &str,
        form: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Page {
        let mut request = self.client.post(format!("{}{path}", self.base)).form(form);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request).await
    }

    /// `POST path` with a raw body of `content_type`, from this origin.
    pub async fn post_raw(&self, path: &str, content_type: &str, body: Vec<u8>) -> Page {
        let request = self
            .client
            .post(format!("{}{path}", self.base))
            .header("origin", &self.base)
            .header("content-type", content_type)
            .body(body);
        self.send(request).await
    }

    /// `POST path` with a raw body and exactly these headers (no `Origin`): a webhook sender.
    pub async fn post_body_with(
        &self,
        path: &str,
        body: Vec<u8>,
        headers: &[(&str, &str)],
    ) -> Page {
        let mut request = self.client.post(format!("{}{path}", self.base)).body(body);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request).await
    }

    async fn send(&self, mut request: reqwest::RequestBuilder) -> Page {
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie);
        }
        let response = request.send().await.expect("the console answers");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.text().await.expect("a body");
        Page {
            status,
            headers,
            body,
        }
    }

    /// Signs in with an API token; panics unless the console answers with a session cookie.
    pub async fn sign_in(&mut self, token: &str) {
        let page = self.post("/login", &[("token", token)]).await;
        assert_eq!(page.status, 303, "sign-in: {}", page.body);
        self.keep_cookie(&page);
    }

    /// Keeps the session cookie a response sets.
    pub fn keep_cookie(&mut self, page: &Page) {
        let set = page
            .headers
            .get(SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .expect("a session cookie");
        let pair = set.split(';').next().expect("name=value").trim();
        self.cookie = Some(pair.to_string());
    }

    /// The raw response of `GET path` for streaming (server-sent events).
    pub async fn stream(&self, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
        let mut request = self.client.get(format!("{}{path}", self.base));
        if let Some(cookie) = &self.cookie {
            request = request.header("cookie", cookie);
        }
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send().await.expect("the console answers")
    }
}

/// One server-sent event: its id, event name and data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentEvent {
    /// `id:`, if any.
    pub id: Option<u64>,
    /// `event:`.
    pub event: String,
    /// `data:`.
    pub data: String,
}

/// Reads server-sent events from `response` until `event: end` or the stream's end (at most
/// `limit` events; a test's deadline applies through the client's timeout).
pub async fn read_events(mut response: reqwest::Response, limit: usize) -> Vec<SentEvent> {
    let mut buffer = String::new();
    let mut events = Vec::new();
    while events.len() < limit {
        let Ok(Some(chunk)) = response.chunk().await else {
            break;
        };
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let frame: String = buffer.drain(..end + 2).collect();
            let mut event = SentEvent {
                id: None,
                event: "message".into(),
                data: String::new(),
            };
            let mut any = false;
            for line in frame.lines() {
                if let Some(id) = line.strip_prefix("id: ") {
                    event.id = id.parse().ok();
                    any = true;
                } else if let Some(name) = line.strip_prefix("event: ") {
                    event.event = name.to_string();
                    any = true;
                } else if let Some(data) = line.strip_prefix("data: ") {
                    event.data = data.to_string();
                    any = true;
                }
            }
            if any {
                let ended = event.event == "end";
                events.push(event);
                if ended {
                    return events;
                }
            }
        }
    }
    events
}
