//! `/mcp` on the web listener end to end: rmcp's own Streamable HTTP client, over HTTPS with a
//! bearer API token, lists the tools and calls every read tool against a live controller and
//! agent; a write is refused without `--mcp-allow-write`; every call is audited as
//! `mcp:<token name>`. Without a token (or with only the console's session cookie) the answer is
//! 401 with a JSON-RPC error; a foreign `Origin` (none allowed by default) or `Host` is 403;
//! malformed JSON-RPC gets protocol errors and the endpoint keeps serving.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use cyberbrain_mcp::{READ_TOOLS, WRITE_TOOLS};
use cyberbrain_testkit::checks::{json, launch_and_watch, wait_agents_online};
use cyberbrain_testkit::process::{
    AgentProcess, ControllerOptions, ControllerProcess, Pki, cbctl_ok,
};
use cyberbrain_testkit::temp_dir;
use rmcp::model::{CallToolRequestParams, CallToolResult};
use rmcp::service::RunningService;
use rmcp::transport::StreamableHttpClientTransport;
use rmcp::transport::streamable_http_client::StreamableHttpClientTransportConfig;
use rmcp::{RoleClient, ServiceExt};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use serde_json::{Value, json};

type Client = RunningService<RoleClient, ()>;

/// A token of `role` named `name`.
fn token(pki: &Pki, controller: &ControllerProcess, name: &str, role: &str) -> String {
    cbctl_ok(pki, controller, &["token", "create", name, "--role", role])
        .trim()
        .to_string()
}

/// rmcp's HTTP client (reqwest 0.13) trusting only the test CA, on ring.
fn mcp_http_client(ca: &Path) -> reqwest_mcp::Client {
    let mut roots = rustls::RootCertStore::empty();
    for cert in CertificateDer::pem_file_iter(ca).expect("CA file") {
        roots.add(cert.expect("CA certificate")).expect("a root");
    }
    let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("TLS versions")
    .with_root_certificates(roots)
    .with_no_client_auth();
    reqwest_mcp::Client::builder()
        .tls_backend_preconfigured(tls)
        .build()
        .expect("client")
}

async fn connect(ca: &Path, web: SocketAddr, token: &str) -> Client {
    let config = StreamableHttpClientTransportConfig::with_uri(format!("https://{web}/mcp"))
        .auth_header(token.to_string());
    let transport = StreamableHttpClientTransport::with_client(mcp_http_client(ca), config);
    ().serve(transport)
        .await
        .expect("the MCP handshake over HTTPS")
}

async fn call(client: &Client, tool: &'static str, arguments: Value) -> CallToolResult {
    let Value::Object(arguments) = arguments else {
        panic!("arguments are an object");
    };
    client
        .call_tool(CallToolRequestParams::new(tool).with_arguments(arguments))
        .await
        .unwrap_or_else(|e| panic!("{tool}: {e}"))
}

fn text_of(result: &CallToolResult) -> String {
    result
        .content
        .iter()
        .filter_map(|block| block.as_text().map(|t| t.text.clone()))
        .collect()
}

async fn read(client: &Client, tool: &'static str, arguments: Value) -> Value {
    let result = call(client, tool, arguments).await;
    assert_ne!(
        result.is_error,
        Some(true),
        "{tool} failed: {}",
        text_of(&result)
    );
    json(&text_of(&result))
}

fn audit(pki: &Pki, controller: &ControllerProcess, actor: &str) -> Vec<Value> {
    let events = json(&cbctl_ok(
        pki,
        controller,
        &[
            "audit", "list", "--actor", actor, "--limit", "500", "-o", "json",
        ],
    ));
    events.as_array().cloned().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_assistant_reads_the_fleet_over_https_and_is_refused_writes_without_the_flag() {
    let dir = temp_dir("mcp-http-read");
    let pki = Pki::init(&dir.path().join("certs"), &["mcp-h"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let web = controller.web.expect("the web listener is on");
    let _agent = AgentProcess::start(
        dir.path(),
        &pki,
        "mcp-h",
        &controller,
        &["--nvml-library", "/nonexistent/libnvidia-ml.so"],
    );
    wait_agents_online(&pki, &controller, &["mcp-h"], || {
        controller.process.log_text()
    });
    cbctl_ok(
        &pki,
        &controller,
        &[
            "directive",
            "create",
            "http-look",
            "--task",
            "service_map",
            "--task",
            "gpu_report:window_ms=100",
            "--all",
        ],
    );
    let run_id = launch_and_watch(&pki, &controller, &["http-look"]);
    let viewer = token(&pki, &controller, "http-assistant", "viewer");
    let operator = token(&pki, &controller, "http-operator", "operator");

    let client = connect(&pki.ca(), web, &viewer).await;
    let tools = client.list_all_tools().await.expect("tools/list");
    let mut names: Vec<String> = tools.iter().map(|t| t.name.to_string()).collect();
    names.sort();
    let mut expected: Vec<String> = READ_TOOLS
        .iter()
        .chain(WRITE_TOOLS)
        .map(|s| s.to_string())
        .collect();
    expected.sort();
    assert_eq!(names, expected);

    let agents = read(&client, "list_agents", json!({})).await;
    assert_eq!(agents["count"], 1);
    assert_eq!(agents["agents"][0]["name"], "mcp-h");
    let agent = read(&client, "get_agent", json!({"name": "mcp-h"})).await;
    assert_eq!(agent["name"], "mcp-h");
    let directives = read(&client, "list_directives", json!({})).await;
    assert_eq!(directives["directives"][0]["name"], "http-look");
    let runs = read(&client, "list_runs", json!({})).await;
    assert_eq!(runs["runs"][0]["id"], run_id.as_str());
    let run = read(&client, "get_run", json!({"id": run_id})).await;
    assert_eq!(run["status"], "RUN_STATUS_SUCCEEDED");
    let summary = read(&client, "get_run_report", json!({"run_id": run_id})).await;
    assert_eq!(summary["section"], "summary");
    let gpus = read(&client, "gpu_summary", json!({})).await;
    assert_eq!(gpus["run_id"], run_id.as_str());
    let map = read(&client, "service_map", json!({})).await;
    assert_eq!(map["run_id"], run_id.as_str());
    // The viewer's write is refused by role.
    let by_role = call(&client, "launch_run", json!({"directive": "http-look"})).await;
    assert_eq!(by_role.is_error, Some(true));
    assert!(
        text_of(&by_role).contains("PERMISSION_DENIED"),
        "{by_role:?}"
    );
    client.cancel().await.expect("close");

    // The operator's write is refused by the missing flag.
    let client = connect(&pki.ca(), web, &operator).await;
    let by_flag = call(&client, "launch_run", json!({"directive": "http-look"})).await;
    assert_eq!(by_flag.is_error, Some(true));
    assert!(
        text_of(&by_flag).contains("--mcp-allow-write"),
        "{by_flag:?}"
    );
    client.cancel().await.expect("close");

    // Audited as mcp:<token name>, as over stdio.
    let rows = audit(&pki, &controller, "mcp:http-assistant");
    for tool in READ_TOOLS {
        assert!(
            rows.iter()
                .any(|r| r["action"] == "mcp.call" && r["object"] == *tool),
            "no audit row for {tool}: {rows:?}"
        );
    }
    assert!(
        rows.iter()
            .any(|r| r["action"] == "mcp.refused" && r["object"] == "launch_run"),
        "{rows:?}"
    );
    let rows = audit(&pki, &controller, "mcp:http-operator");
    assert!(
        rows.iter()
            .any(|r| r["action"] == "mcp.refused" && r["object"] == "launch_run"),
        "{rows:?}"
    );
}

/// Plain HTTPS requests to `/mcp` (reqwest 0.12 with the test CA).
struct Raw {
    client: reqwest::Client,
    url: String,
}

const INITIALIZE: &str = r#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"probe","version":"0"}}}"#;

impl Raw {
    fn new(ca: &Path, web: SocketAddr) -> Raw {
        let ca = reqwest::Certificate::from_pem(&std::fs::read(ca).expect("CA")).expect("PEM");
        let client = reqwest::Client::builder()
            .add_root_certificate(ca)
            .build()
            .expect("client");
        Raw {
            client,
            url: format!("https://{web}/mcp"),
        }
    }

    async fn post(&self, body: &str, headers: &[(&str, &str)]) -> (u16, String) {
        let mut request = self
            .client
            .post(&self.url)
            .header("content-type", "application/json")
            .header("accept", "application/json, text/event-stream")
            .header("mcp-protocol-version", "2025-06-18")
            .body(body.to_string());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.expect("an answer");
        let status = response.status().as_u16();
        (status, response.text().await.expect("body"))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mcp_over_http_refuses_strangers_and_answers_malformed_json_rpc_with_errors() {
    let dir = temp_dir("mcp-http-refuse");
    let pki = Pki::init(&dir.path().join("certs"), &["x"]);
    let controller = ControllerProcess::start_with(
        dir.path(),
        &pki,
        ControllerOptions {
            extra: vec!["--mcp-allowed-hosts".into(), "127.0.0.1".into()],
            ..ControllerOptions::default()
        },
    );
    let web = controller.web.expect("the web listener is on");
    let viewer = token(&pki, &controller, "probe", "viewer");
    let bearer = format!("Bearer {viewer}");
    let raw = Raw::new(&pki.ca(), web);

    // No token: 401 with a JSON-RPC error and a challenge. Nor does the console's cookie do.
    let (status, body) = raw.post(INITIALIZE, &[]).await;
    assert_eq!(status, 401, "{body}");
    assert_eq!(json(&body)["error"]["code"], -32001, "{body}");
    let (status, _) = raw
        .post(
            INITIALIZE,
            &[(
                "cookie",
                "__Host-cyberbrain-session=cbs_00000000-0000-0000-0000-000000000000_x",
            )],
        )
        .await;
    assert_eq!(status, 401);
    // A garbage or unknown token: 401 too.
    for token in [
        "Bearer nonsense",
        "Bearer cbt_00000000-0000-0000-0000-000000000000_abc",
    ] {
        let (status, body) = raw.post(INITIALIZE, &[("authorization", token)]).await;
        assert_eq!(status, 401, "{token}: {body}");
    }

    // Any Origin is refused when none is configured (browsers send one; assistants do not).
    let (status, _) = raw
        .post(
            INITIALIZE,
            &[
                ("authorization", &bearer),
                ("origin", "https://evil.example"),
            ],
        )
        .await;
    assert_eq!(status, 403);
    let same_site = format!("https://{web}");
    let (status, _) = raw
        .post(
            INITIALIZE,
            &[("authorization", &bearer), ("origin", &same_site)],
        )
        .await;
    assert_eq!(status, 403, "not even the console's own origin");
    // A Host not in --mcp-allowed-hosts (DNS rebinding): 403.
    let (status, _) = raw
        .post(
            INITIALIZE,
            &[("authorization", &bearer), ("host", "rebound.example")],
        )
        .await;
    assert_eq!(status, 403);

    // Stateless: a tools/call needs no session; answers are JSON.
    let (status, body) = raw.post(INITIALIZE, &[("authorization", &bearer)]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["result"]["serverInfo"]["name"], "cyberbrain");

    // Malformed JSON-RPC: protocol errors, not crashes.
    let (status, body) = raw
        .post("{this is not json", &[("authorization", &bearer)])
        .await;
    assert!((400..500).contains(&status), "{status}: {body}");
    let (status, body) = raw
        .post(r#"{"foo":"bar"}"#, &[("authorization", &bearer)])
        .await;
    assert!((400..500).contains(&status), "{status}: {body}");
    let (status, body) = raw
        .post(
            r#"{"jsonrpc":"2.0","id":2,"method":"no/such/method"}"#,
            &[("authorization", &bearer)],
        )
        .await;
    assert!(
        status == 200 && json(&body)["error"]["code"] == -32601 || (400..500).contains(&status),
        "{status}: {body}"
    );
    let oversized = format!(
        r#"{{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{{"name":"get_agent","arguments":{{"name":"{}"}}}}}}"#,
        "a".repeat(cyberbrain_mcp::MAX_REQUEST_BYTES + 1)
    );
    let (status, _) = raw.post(&oversized, &[("authorization", &bearer)]).await;
    assert_eq!(status, 413);

    // Still serving: a real call after all that.
    let (status, body) = raw
        .post(
            r#"{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"list_agents","arguments":{}}}"#,
            &[("authorization", &bearer)],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let answer = json(&body);
    let text = answer["result"]["content"][0]["text"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"));
    assert_eq!(json(text)["count"], 0);
    let rows = audit(&pki, &controller, "mcp:probe");
    assert!(
        rows.iter()
            .any(|r| r["action"] == "mcp.call" && r["object"] == "list_agents"),
        "{rows:?}"
    );
}
