//! A tiny HTTP/1.1 GET over a std `TcpStream`, for `/metrics`, `/healthz` and `/readyz`.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// `GET path` on `addr`: the status code and the body. `None` when the connection fails.
pub fn get(addr: SocketAddr, path: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    let (head, body) = response.split_once("\r\n\r\n")?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    Some((status, body.to_string()))
}

/// The status code of `GET path`, or 0 when the connection fails.
pub fn status(addr: SocketAddr, path: &str) -> u16 {
    get(addr, path).map_or(0, |(status, _)| status)
}

/// `GET /metrics`, parsed strictly; panics with the text when it does not parse.
pub fn metrics(addr: SocketAddr) -> crate::prom::Exposition {
    let (status, body) = get(addr, "/metrics").expect("the metrics endpoint answers");
    assert_eq!(status, 200, "GET /metrics: {body}");
    crate::prom::parse(&body)
        .unwrap_or_else(|e| panic!("/metrics is not Prometheus text: {e}\n{body}"))
}
