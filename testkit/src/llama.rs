//! A real llama.cpp OpenAI-compatible server (`llama-cpp-python[server]`) serving a tiny GGUF
//! model with random weights that the test writes with the `gguf` package, plus a tap that
//! records the `usage` objects the server sends, so tests compare stored counts with what the
//! server reported.
//!
//! The Python environment is the one `scripts/prereqs.sh` builds under
//! `~/.cache/cyberbrain/venv` (or `CYBERBRAIN_LLAMA_PYTHON`, a Python with both packages).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::process::{ChildGuard, free_port};
use crate::workspace_root;

/// The Python that has `llama_cpp` and `gguf`.
pub fn python() -> PathBuf {
    if let Some(p) = std::env::var_os("CYBERBRAIN_LLAMA_PYTHON") {
        return PathBuf::from(p);
    }
    let home = std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_default();
    let venv = home.join(".cache/cyberbrain/venv/bin/python");
    assert!(
        venv.is_file(),
        "{} is missing: run scripts/prereqs.sh (it builds llama-cpp-python[server] and gguf)",
        venv.display()
    );
    venv
}

/// A llama.cpp server on loopback, stopped on drop.
pub struct LlamaServer {
    /// The process.
    pub process: ChildGuard,
    /// `http://127.0.0.1:PORT/v1`.
    pub base_url: String,
    /// Its address.
    pub addr: SocketAddr,
    /// The model name it serves.
    pub model: String,
}

impl LlamaServer {
    /// Writes the tiny model under `dir`, starts the server and waits until it answers.
    pub fn start(dir: &Path) -> LlamaServer {
        let python = python();
        let model_path = dir.join("tiny.gguf");
        let output = Command::new(&python)
            .arg(workspace_root().join("testkit/llm/tiny_gguf.py"))
            .arg(&model_path)
            .output()
            .expect("python runs");
        assert!(
            output.status.success(),
            "writing the GGUF model failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let port = free_port();
        let mut command = Command::new(&python);
        command
            .args(["-m", "llama_cpp.server", "--model"])
            .arg(&model_path)
            .args([
                "--model_alias",
                "tiny",
                "--host",
                "127.0.0.1",
                "--n_ctx",
                "8192",
            ])
            .args(["--port", &port.to_string()]);
        let process = ChildGuard::spawn(command, dir.join("llama-server.log"));
        let addr: SocketAddr = ([127, 0, 0, 1], port).into();
        crate::wait_for_or(
            "the llama.cpp server",
            || models_answer(addr),
            || process.log_text(),
        );
        LlamaServer {
            process,
            base_url: format!("http://{addr}/v1"),
            addr,
            model: "tiny".into(),
        }
    }
}

fn models_answer(addr: SocketAddr) -> bool {
    use std::io::{Read, Write};
    let Ok(mut s) = std::net::TcpStream::connect(addr) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(std::time::Duration::from_secs(2)));
    if s.write_all(b"GET /v1/models HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        .is_err()
    {
        return false;
    }
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    answer.starts_with("HTTP/1.1 200")
}

/// A TCP tap in front of a server: forwards both ways and keeps every byte of both directions.
pub struct UsageTap {
    /// Where clients connect.
    pub addr: SocketAddr,
    received: Arc<Mutex<Vec<u8>>>,
    sent: Arc<Mutex<Vec<u8>>>,
}

impl UsageTap {
    /// Starts forwarding to `target`.
    pub async fn start(target: SocketAddr) -> UsageTap {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("tap bind");
        let addr = listener.local_addr().expect("tap address");
        let received = Arc::new(Mutex::new(Vec::new()));
        let sent = Arc::new(Mutex::new(Vec::new()));
        let (sink, sent_sink) = (received.clone(), sent.clone());
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let sink = sink.clone();
                let sent_sink = sent_sink.clone();
                tokio::spawn(async move {
                    let Ok(server) = TcpStream::connect(target).await else {
                        return;
                    };
                    let (mut client_read, mut client_write) = client.into_split();
                    let (mut server_read, mut server_write) = server.into_split();
                    let upstream = async {
                        let mut buf = [0u8; 8192];
                        loop {
                            let n = match client_read.read(&mut buf).await {
                                Ok(0) | Err(_) => break,
                                Ok(n) => n,
                            };
                            if let Ok(mut all) = sent_sink.lock() {
                                all.extend_from_slice(&buf[..n]);
                            }
                            if server_write.write_all(&buf[..n]).await.is_err() {
                                break;
                            }
                        }
                        let _ = server_write.shutdown().await;
                    };
                    let downstream = async {
                        let mut buf = [0u8; 8192];
                        loop {
                            let n = match server_read.read(&mut buf).await {
                                Ok(0) | Err(_) => break,
                                Ok(n) => n,
                            };
                            if let Ok(mut all) = sink.lock() {
                                all.extend_from_slice(&buf[..n]);
                            }
                            if client_write.write_all(&buf[..n]).await.is_err() {
                                break;
                            }
                        }
                        let _ = client_write.shutdown().await;
                    };
                    tokio::join!(upstream, downstream);
                });
            }
        });
        UsageTap {
            addr,
            received,
            sent,
        }
    }

    /// Everything clients sent (the prompts), as text.
    pub fn sent_text(&self) -> String {
        let bytes = self.sent.lock().map(|b| b.clone()).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// The `usage` objects in everything the server sent so far, in order.
    pub fn usages(&self) -> Vec<serde_json::Value> {
        let bytes = self.received.lock().map(|b| b.clone()).unwrap_or_default();
        let needle = b"\"usage\":";
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(pos) = bytes[i..].windows(needle.len()).position(|w| w == needle) {
            let start = i + pos + needle.len();
            let mut values = serde_json::Deserializer::from_slice(&bytes[start..])
                .into_iter::<serde_json::Value>();
            if let Some(Ok(value)) = values.next()
                && value.is_object()
            {
                out.push(value);
            }
            i = start;
        }
        out
    }
}
