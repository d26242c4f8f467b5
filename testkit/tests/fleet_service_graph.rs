//! The fleet service graph end to end: two real agents, real containers, the controller's merge
//! and `cbctl run report --section service-map -o json|mermaid|dot`.

use cyberbrain_testkit::docker::{Sandbox, docker_cli};
use cyberbrain_testkit::process::{AgentProcess, ControllerProcess, Pki, cbctl, cbctl_ok};
use cyberbrain_testkit::{temp_dir, wait_for};
use serde_json::Value;

/// Planted in an environment value: it must reach neither the report nor the database.
const CANARY: &str = "canary-fleet-4b1d";

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// Whether `address` is an IPv4 address inside `cidr` (`a.b.c.d/n`).
fn in_ipv4_subnet(address: &str, cidr: &str) -> bool {
    let Some((network, prefix)) = cidr.split_once('/') else {
        return false;
    };
    let (Ok(address), Ok(network), Ok(prefix)) = (
        address.parse::<std::net::Ipv4Addr>(),
        network.parse::<std::net::Ipv4Addr>(),
        prefix.parse::<u32>(),
    ) else {
        return false;
    };
    let mask = u32::MAX.checked_shl(32 - prefix.min(32)).unwrap_or(0);
    u32::from(address) & mask == u32::from(network) & mask
}

fn agents_online(pki: &Pki, controller: &ControllerProcess, names: &[&str]) -> bool {
    let listed = json(&cbctl_ok(pki, controller, &["agent", "list", "-o", "json"]));
    names.iter().all(|name| {
        listed.as_array().is_some_and(|agents| {
            agents
                .iter()
                .any(|a| a["name"] == *name && a["state"] == "online")
        })
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_agents_merge_into_one_graph_with_a_cross_host_edge() {
    let dir = temp_dir("fleet-graph");
    let pki = Pki::init(&dir.path().join("certs"), &["svc-a", "svc-b"]);

    let mut docker = Sandbox::default();
    let web = docker.run("web", &["-p", "127.0.0.1::80"], "sleep 3600");
    let published = docker_cli(&["port", &web, "80/tcp"]);
    let host_port = published
        .lines()
        .next()
        .and_then(|line| line.rsplit(':').next())
        .expect("a published port")
        .to_string();
    // Names the other agent by its name and the published port, and by the short form of the
    // host name it reports, plus a secret beside them.
    let client = docker.run(
        "client",
        &[
            "-e",
            &format!("UPSTREAM=http://svc-a:{host_port}/api"),
            "-e",
            &format!("MODEL=http://gpu-node-7:{host_port}/api"),
            "-e",
            &format!("API_KEY={CANARY}"),
        ],
        "sleep 3600",
    );

    let controller = ControllerProcess::start(dir.path(), &pki);
    let flags = ["--nvml-library", "/nonexistent/libnvidia-ml.so"];
    let flags_a = [&flags[..], &["--hostname", "gpu-node-7.lab.example"]].concat();
    let _a = AgentProcess::start(dir.path(), &pki, "svc-a", &controller, &flags_a);
    let _b = AgentProcess::start(dir.path(), &pki, "svc-b", &controller, &flags);
    wait_for("both agents online", || {
        agents_online(&pki, &controller, &["svc-a", "svc-b"])
    });
    let glob = format!("cb-test-{}-*", std::process::id());
    cbctl_ok(
        &pki,
        &controller,
        &["allowlist", "add", &glob, "--kind", "name-glob"],
    );

    let launch = cbctl(
        &pki,
        &controller,
        &["run", "launch", "--task", "service_map", "--all", "--watch"],
    );
    assert!(
        launch.status.success(),
        "the run did not succeed: {}{}",
        String::from_utf8_lossy(&launch.stdout),
        String::from_utf8_lossy(&launch.stderr)
    );
    let runs = json(&cbctl_ok(&pki, &controller, &["run", "list", "-o", "json"]));
    let run_id = runs[0]["id"].as_str().expect("a run id").to_string();

    let graph = json(&cbctl_ok(
        &pki,
        &controller,
        &[
            "run",
            "report",
            &run_id,
            "--section",
            "service-map",
            "-o",
            "json",
        ],
    ));
    let node_ids: Vec<&str> = graph["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .filter_map(|n| n["id"].as_str())
        .collect();
    for host in ["svc-a", "svc-b"] {
        for container in [&web, &client] {
            let id = format!("{host}/{container}");
            assert!(
                node_ids.contains(&id.as_str()),
                "{id} missing: {node_ids:?}"
            );
        }
    }
    let from_client_via = |variable: &str| {
        graph["edges"]
            .as_array()
            .expect("edges")
            .iter()
            .find(|e| e["from"] == format!("svc-b/{client}") && e["via"] == variable)
            .unwrap_or_else(|| panic!("no edge for {variable}: {graph:#}"))
    };
    let cross_host = from_client_via("UPSTREAM");
    assert_eq!(cross_host["to"], format!("svc-a/{web}"), "{graph:#}");
    assert_eq!(cross_host["cross_host"], true);
    assert_eq!(cross_host["kind"], "env");
    assert_eq!(cross_host["port"].to_string(), host_port);
    let by_host_name = from_client_via("MODEL");
    assert_eq!(by_host_name["to"], format!("svc-a/{web}"), "{graph:#}");
    assert_eq!(by_host_name["cross_host"], true);

    let mermaid = cbctl_ok(
        &pki,
        &controller,
        &[
            "run",
            "report",
            &run_id,
            "--section",
            "service-map",
            "-o",
            "mermaid",
        ],
    );
    assert!(mermaid.starts_with("flowchart LR"), "{mermaid}");
    assert!(mermaid.contains("==>|\"UPSTREAM"), "{mermaid}");
    let dot = cbctl_ok(
        &pki,
        &controller,
        &[
            "run",
            "report",
            &run_id,
            "--section",
            "service-map",
            "-o",
            "dot",
        ],
    );
    assert!(dot.starts_with("digraph fleet {"), "{dot}");
    let markdown = cbctl_ok(&pki, &controller, &["run", "report", &run_id]);
    assert!(markdown.contains("```mermaid\nflowchart LR"), "{markdown}");

    assert!(
        markdown.contains("Host: gpu-node-7.lab.example"),
        "{markdown}"
    );

    let report_json = cbctl_ok(
        &pki,
        &controller,
        &["run", "report", &run_id, "--format", "json"],
    );
    // Each host's own addresses leave out loopback and the Docker networks' (every Docker host
    // has the default bridge's gateway alike), which this machine has.
    let report = json(&report_json);
    let bridge = docker_cli(&[
        "network",
        "inspect",
        "bridge",
        "--format",
        "{{range .IPAM.Config}}{{.Subnet}}{{end}}",
    ]);
    let fib_trie = std::fs::read_to_string("/proc/net/fib_trie").unwrap_or_default();
    assert!(
        fib_trie
            .split_whitespace()
            .any(|word| in_ipv4_subnet(word, bridge.trim())),
        "this machine has no address on the Docker bridge {bridge}"
    );
    for host in report["service_map"].as_array().expect("service maps") {
        let addresses: Vec<&str> = host["addresses"]
            .as_array()
            .expect("addresses")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert!(
            !addresses
                .iter()
                .any(|a| in_ipv4_subnet(a, bridge.trim()) || a.starts_with("127.") || *a == "::1"),
            "{addresses:?} (Docker bridge {bridge})"
        );
    }
    for text in [&report_json, &markdown] {
        assert!(
            !text.contains(CANARY) && !text.contains("/api"),
            "an environment value reached the report"
        );
    }
}
