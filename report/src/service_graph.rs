//! The fleet's service graph: every host's service map joined into one graph, rendered as Mermaid
//! (for the Markdown report and `cbctl … -o mermaid`) and DOT (`-o dot`). Pure.
//!
//! Nodes are `host/container`, plus a node per host that is the target of a cross-host reference
//! naming no published port, and one per target outside the fleet. Edges within a host come from
//! the agents (networks, links, `depends_on`, environment). Across hosts, an environment reference
//! the agent could not resolve locally is matched here: its host part against the fleet's agent
//! names, the addresses ports are published on, and the host names and own addresses the agents
//! report (each only when one host claims it), its port against the published host ports.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use cyberbrain_tasks::{EdgeKind, ServiceMapResult};
use serde::Serialize;

/// A node of the fleet graph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GraphNode {
    /// `host/container`, `host`, or `external:target`.
    pub id: String,
    /// The agent it is on; empty for external targets.
    pub host: String,
    /// Container name; empty for host and external nodes.
    pub container: String,
    /// Image; empty for host and external nodes.
    pub image: String,
    /// `project/service` for compose containers.
    pub compose: String,
    /// `container`, `host` or `external`.
    pub kind: &'static str,
}

/// An edge of the fleet graph.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct GraphEdge {
    /// Node id.
    pub from: String,
    /// Node id.
    pub to: String,
    /// Why: network, link, depends_on or env.
    pub kind: EdgeKind,
    /// Network, link alias or environment variable name.
    pub via: String,
    /// Port named, if any.
    pub port: Option<u32>,
    /// Whether it joins two hosts.
    pub cross_host: bool,
}

/// The merged graph, with its renderings.
#[derive(Debug, Default, Serialize)]
pub struct FleetGraph {
    /// Every node, sorted by id.
    pub nodes: Vec<GraphNode>,
    /// Every edge, sorted.
    pub edges: Vec<GraphEdge>,
    /// The graph as a Mermaid flowchart.
    pub mermaid: String,
    /// The graph in Graphviz DOT.
    pub dot: String,
}

/// Joins the hosts' maps (agent name, result) into one graph.
pub fn merge<'a>(hosts: impl IntoIterator<Item = (&'a str, &'a ServiceMapResult)>) -> FleetGraph {
    let hosts: Vec<(&str, &ServiceMapResult)> = hosts.into_iter().collect();
    let mut nodes: BTreeMap<String, GraphNode> = BTreeMap::new();
    let mut edges: BTreeSet<GraphEdge> = BTreeSet::new();
    for (host, map) in &hosts {
        for container in &map.containers {
            let compose = if container.compose_project.is_empty() {
                String::new()
            } else {
                format!(
                    "{}/{}",
                    container.compose_project, container.compose_service
                )
            };
            let id = container_id(host, &container.name);
            nodes.insert(
                id.clone(),
                GraphNode {
                    id,
                    host: host.to_string(),
                    container: container.name.clone(),
                    image: container.image.clone(),
                    compose,
                    kind: "container",
                },
            );
        }
    }
    for (host, map) in &hosts {
        for edge in &map.edges {
            let (from, to) = (container_id(host, &edge.from), container_id(host, &edge.to));
            // Only between described containers: an edge naming anything else is dropped.
            if nodes.contains_key(&from) && nodes.contains_key(&to) {
                edges.insert(GraphEdge {
                    from,
                    to,
                    kind: edge.kind,
                    via: edge.via.clone(),
                    port: edge.port,
                    cross_host: false,
                });
            }
        }
        for container in &map.containers {
            let from = container_id(host, &container.name);
            for reference in container
                .env_references
                .iter()
                .filter(|r| r.local_target.is_empty())
            {
                let (to, cross_host) = resolve(&hosts, host, &reference.host, reference.port)
                    .unwrap_or_else(|| {
                        let target = match reference.port {
                            Some(port) => format!("{}:{port}", reference.host),
                            None => reference.host.clone(),
                        };
                        let id = format!("external:{target}");
                        nodes.entry(id.clone()).or_insert_with(|| GraphNode {
                            id: id.clone(),
                            host: String::new(),
                            container: target,
                            image: String::new(),
                            compose: String::new(),
                            kind: "external",
                        });
                        (id, false)
                    });
                if to != from {
                    if !nodes.contains_key(&to) {
                        nodes.insert(
                            to.clone(),
                            GraphNode {
                                id: to.clone(),
                                host: to.clone(),
                                container: String::new(),
                                image: String::new(),
                                compose: String::new(),
                                kind: "host",
                            },
                        );
                    }
                    edges.insert(GraphEdge {
                        from: from.clone(),
                        to,
                        kind: EdgeKind::Env,
                        via: reference.variable.clone(),
                        port: reference.port,
                        cross_host,
                    });
                }
            }
        }
    }
    let nodes: Vec<GraphNode> = nodes.into_values().collect();
    let edges: Vec<GraphEdge> = edges.into_iter().collect();
    FleetGraph {
        mermaid: mermaid(&nodes, &edges),
        dot: dot(&nodes, &edges),
        nodes,
        edges,
    }
}

fn container_id(host: &str, container: &str) -> String {
    format!("{host}/{container}")
}

/// The node an environment reference names on some host of the fleet: the container publishing
/// the port on the named host, else that host itself. `None` when it names no host of the fleet,
/// or names several alike.
fn resolve(
    hosts: &[(&str, &ServiceMapResult)],
    source_host: &str,
    target: &str,
    port: Option<u32>,
) -> Option<(String, bool)> {
    let (agent, map) = host_named(hosts, target)?;
    let cross_host = agent != source_host;
    let publisher = port.and_then(|port| {
        map.containers
            .iter()
            .find(|c| c.ports.iter().any(|p| p.host_port == port))
    });
    match publisher {
        Some(container) => Some((container_id(agent, &container.name), cross_host)),
        // The host itself; a reference to its own host without a published port says nothing.
        None if cross_host => Some((agent.to_string(), true)),
        None => None,
    }
}

/// The host a reference's host part names, trying the surest names first: an agent's name, an
/// address a port is published on, the host's name (`node-7` also names `node-7.lab.example`),
/// and the host's own addresses. A host name or an address that several hosts report (agents on
/// one machine, or copies of one image) names none of them.
fn host_named<'a>(
    hosts: &[(&'a str, &'a ServiceMapResult)],
    target: &str,
) -> Option<(&'a str, &'a ServiceMapResult)> {
    let publishes_on_target = |map: &ServiceMapResult| {
        map.containers.iter().any(|c| {
            c.ports
                .iter()
                .any(|p| p.host_port > 0 && p.host_ip.eq_ignore_ascii_case(target))
        })
    };
    if let Some(&found) = hosts
        .iter()
        .find(|(agent, map)| agent.eq_ignore_ascii_case(target) || publishes_on_target(map))
    {
        return Some(found);
    }
    let by_host_name = |map: &ServiceMapResult| names_host(&map.hostname, target);
    // `::ffff:192.0.2.7` is 192.0.2.7.
    let wanted_ip = target
        .trim_matches(['[', ']'])
        .parse::<std::net::IpAddr>()
        .ok()
        .map(|ip| ip.to_canonical());
    let by_own_address = |map: &ServiceMapResult| {
        wanted_ip.is_some_and(|wanted| {
            map.addresses.iter().any(|a| {
                a.parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.to_canonical() == wanted)
            })
        })
    };
    // One host may be here more than once (a run with two `service_map` tasks).
    let only = |matches: &dyn Fn(&ServiceMapResult) -> bool| {
        let mut found = hosts.iter().filter(|(_, map)| matches(map));
        let &first = found.next()?;
        found.all(|(agent, _)| *agent == first.0).then_some(first)
    };
    only(&by_host_name).or_else(|| only(&by_own_address))
}

/// Whether `reference` names the host called `hostname`: the same name (case and a final dot
/// aside), or a bare name that is the first label of the host's full name.
fn names_host(hostname: &str, reference: &str) -> bool {
    let hostname = hostname.trim_end_matches('.');
    let reference = reference.trim_end_matches('.');
    if hostname.is_empty() || reference.is_empty() {
        return false;
    }
    hostname.eq_ignore_ascii_case(reference)
        || (!reference.contains('.')
            && hostname
                .split('.')
                .next()
                .is_some_and(|label| label.eq_ignore_ascii_case(reference)))
}

/// Mermaid text inside a quoted label: quotes, angle brackets, ampersands and hashes as
/// Mermaid's entities (so no `&#x202e;` or `#lt;` written by a container becomes a character),
/// no line breaks (`neutralise` has already made every other control character visible).
fn mermaid_text(text: &str) -> String {
    crate::controls::neutralise(text)
        .replace('#', "#35;")
        .replace('&', "#amp;")
        .replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
        .replace('\n', " ")
}

fn edge_label(edge: &GraphEdge) -> String {
    let mut label = match edge.kind {
        EdgeKind::DependsOn => "depends_on".to_string(),
        _ => edge.via.clone(),
    };
    if let Some(port) = edge.port {
        let _ = write!(label, " :{port}");
    }
    label
}

fn node_label(node: &GraphNode) -> String {
    match node.kind {
        "container" if node.image.is_empty() => node.container.clone(),
        "container" => format!("{} ({})", node.container, node.image),
        "host" => format!("host {}", node.host),
        _ => node.container.clone(),
    }
}

/// A Mermaid flowchart: one subgraph per host, external targets outside them. Node ids are
/// generated (`n0`, `n1`, …) because names may hold characters Mermaid ids cannot.
pub fn mermaid(nodes: &[GraphNode], edges: &[GraphEdge]) -> String {
    let ids: BTreeMap<&str, String> = nodes
        .iter()
        .enumerate()
        .map(|(i, node)| (node.id.as_str(), format!("n{i}")))
        .collect();
    let mut by_host: BTreeMap<&str, Vec<&GraphNode>> = BTreeMap::new();
    for node in nodes {
        by_host.entry(node.host.as_str()).or_default().push(node);
    }
    let mut out = String::from("flowchart LR\n");
    for (index, (host, members)) in by_host.iter().enumerate() {
        let indent = if host.is_empty() {
            "  "
        } else {
            let _ = writeln!(out, "  subgraph h{index}[\"{}\"]", mermaid_text(host));
            "    "
        };
        for node in members {
            let shape = match node.kind {
                "external" => ("([\"", "\"])"),
                "host" => ("[[\"", "\"]]"),
                _ => ("[\"", "\"]"),
            };
            let _ = writeln!(
                out,
                "{indent}{}{}{}{}",
                ids[node.id.as_str()],
                shape.0,
                mermaid_text(&node_label(node)),
                shape.1
            );
        }
        if !host.is_empty() {
            out.push_str("  end\n");
        }
    }
    for edge in edges {
        let (Some(from), Some(to)) = (ids.get(edge.from.as_str()), ids.get(edge.to.as_str()))
        else {
            continue;
        };
        let arrow = match edge.kind {
            EdgeKind::Network => "---",
            EdgeKind::DependsOn => "-.->",
            EdgeKind::Link | EdgeKind::Env if edge.cross_host => "==>",
            EdgeKind::Link | EdgeKind::Env => "-->",
        };
        let _ = writeln!(
            out,
            "  {from} {arrow}|\"{}\"| {to}",
            mermaid_text(&edge_label(edge))
        );
    }
    out
}

/// DOT text inside a quoted string; Graphviz reads entities there, so `&` is one too.
fn dot_text(text: &str) -> String {
    crate::controls::neutralise(text)
        .replace('&', "&amp;")
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', " ")
}

/// Graphviz DOT: one cluster per host.
pub fn dot(nodes: &[GraphNode], edges: &[GraphEdge]) -> String {
    let mut by_host: BTreeMap<&str, Vec<&GraphNode>> = BTreeMap::new();
    for node in nodes {
        by_host.entry(node.host.as_str()).or_default().push(node);
    }
    let mut out = String::from("digraph fleet {\n  rankdir=LR;\n");
    for (index, (host, members)) in by_host.iter().enumerate() {
        let indent = if host.is_empty() {
            "  "
        } else {
            let _ = writeln!(
                out,
                "  subgraph cluster_{index} {{\n    label=\"{}\";",
                dot_text(host)
            );
            "    "
        };
        for node in members {
            let shape = match node.kind {
                "external" => "ellipse",
                "host" => "box3d",
                _ => "box",
            };
            let _ = writeln!(
                out,
                "{indent}\"{}\" [label=\"{}\", shape={shape}];",
                dot_text(&node.id),
                dot_text(&node_label(node))
            );
        }
        if !host.is_empty() {
            out.push_str("  }\n");
        }
    }
    for edge in edges {
        let style = match edge.kind {
            EdgeKind::Network => ", dir=none, style=dotted",
            EdgeKind::DependsOn => ", style=dashed",
            _ if edge.cross_host => ", penwidth=2",
            _ => "",
        };
        let _ = writeln!(
            out,
            "  \"{}\" -> \"{}\" [label=\"{}\"{style}];",
            dot_text(&edge.from),
            dot_text(&edge.to),
            dot_text(&edge_label(edge))
        );
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use cyberbrain_tasks::{ContainerInfo, EnvReference, PortMapping, ServiceEdge};

    fn container(name: &str) -> ContainerInfo {
        ContainerInfo {
            name: name.into(),
            image: "img".into(),
            ..Default::default()
        }
    }

    /// A container publishing `container_port` on `host_ip:host_port`.
    fn publishing(name: &str, host_ip: &str, host_port: u32, container_port: u32) -> ContainerInfo {
        let mut published = container(name);
        published.ports = vec![PortMapping {
            container_port,
            protocol: "tcp".into(),
            host_ip: host_ip.into(),
            host_port,
        }];
        published
    }

    /// The graph's edges as `from -> to via cross_host` lines.
    fn edge_lines(graph: &FleetGraph) -> Vec<String> {
        graph
            .edges
            .iter()
            .map(|e| format!("{} -> {} {} {}", e.from, e.to, e.via, e.cross_host))
            .collect()
    }

    fn reference(variable: &str, host: &str, port: Option<u32>) -> EnvReference {
        EnvReference {
            variable: variable.into(),
            host: host.into(),
            port,
            local_target: String::new(),
        }
    }

    #[test]
    fn hosts_join_through_published_ports_and_agent_names() {
        let web = publishing("web", "10.0.0.5", 8080, 80);
        let alpha = ServiceMapResult {
            containers: vec![web, container("db")],
            edges: vec![
                ServiceEdge {
                    from: "web".into(),
                    to: "db".into(),
                    kind: EdgeKind::Env,
                    via: "DB".into(),
                    port: Some(5432),
                },
                // Names a container the map does not describe: dropped.
                ServiceEdge {
                    from: "web".into(),
                    to: "hidden".into(),
                    kind: EdgeKind::Link,
                    via: "x".into(),
                    port: None,
                },
            ],
            ..Default::default()
        };
        let mut api = container("api");
        api.env_references = vec![
            reference("UPSTREAM", "alpha", Some(8080)),
            reference("BY_IP", "10.0.0.5", Some(8080)),
            reference("METRICS", "alpha", Some(9999)),
            reference("PAY", "pay.example", Some(443)),
        ];
        let beta = ServiceMapResult {
            containers: vec![api],
            ..Default::default()
        };
        let graph = merge([("alpha", &alpha), ("beta", &beta)]);
        assert_eq!(
            edge_lines(&graph),
            vec![
                "alpha/web -> alpha/db DB false",
                "beta/api -> alpha METRICS true",
                "beta/api -> alpha/web BY_IP true",
                "beta/api -> alpha/web UPSTREAM true",
                "beta/api -> external:pay.example:443 PAY false",
            ]
        );
        let kinds: Vec<(&str, &str)> = graph
            .nodes
            .iter()
            .map(|n| (n.id.as_str(), n.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("alpha", "host"),
                ("alpha/db", "container"),
                ("alpha/web", "container"),
                ("beta/api", "container"),
                ("external:pay.example:443", "external"),
            ]
        );
        assert!(
            graph.mermaid.starts_with("flowchart LR\n"),
            "{}",
            graph.mermaid
        );
        assert!(
            graph.mermaid.contains("==>|\"UPSTREAM :8080\"|"),
            "{}",
            graph.mermaid
        );
        assert!(
            graph
                .dot
                .contains("\"beta/api\" -> \"alpha/web\" [label=\"UPSTREAM :8080\", penwidth=2];"),
            "{}",
            graph.dot
        );
    }

    #[test]
    fn hosts_join_through_their_reported_names_and_addresses_when_only_one_claims_them() {
        let model = publishing("model", "0.0.0.0", 8000, 8000);
        let gpu = ServiceMapResult {
            containers: vec![model],
            hostname: "gpu-7.lab.example".into(),
            addresses: vec!["192.0.2.7".into(), "2001:db8::7".into()],
            ..Default::default()
        };
        let mut api = container("api");
        api.env_references = vec![
            reference("FULL", "GPU-7.lab.example.", Some(8000)),
            reference("SHORT", "gpu-7", Some(8000)),
            reference("BY_V4", "192.0.2.7", Some(8000)),
            reference("BY_V6", "[2001:db8::7]", None),
            reference("MAPPED", "::ffff:192.0.2.7", None),
            // Another domain's gpu-7 is not this one.
            reference("ELSEWHERE", "gpu-7.other.example", Some(8000)),
            // Both web hosts report this address (one machine): it names neither.
            reference("SHARED", "198.51.100.1", Some(8000)),
        ];
        let web = ServiceMapResult {
            containers: vec![api],
            hostname: "web-1".into(),
            addresses: vec!["198.51.100.1".into()],
            ..Default::default()
        };
        let twin = ServiceMapResult {
            hostname: "web-1".into(),
            addresses: vec!["198.51.100.1".into()],
            ..Default::default()
        };
        // The same host's map twice (two service_map tasks in one run) is still one host.
        let graph = merge([
            ("gpu", &gpu),
            ("web", &web),
            ("web-twin", &twin),
            ("gpu", &gpu),
        ]);
        assert_eq!(
            edge_lines(&graph),
            vec![
                "web/api -> external:198.51.100.1:8000 SHARED false",
                "web/api -> external:gpu-7.other.example:8000 ELSEWHERE false",
                "web/api -> gpu BY_V6 true",
                "web/api -> gpu MAPPED true",
                "web/api -> gpu/model BY_V4 true",
                "web/api -> gpu/model FULL true",
                "web/api -> gpu/model SHORT true",
            ]
        );
    }

    #[test]
    fn host_names_match_whole_or_by_their_first_label() {
        assert!(names_host("node-7.lab", "NODE-7.lab."));
        assert!(names_host("node-7.lab", "node-7"));
        assert!(names_host("node-7", "node-7"));
        assert!(!names_host("node-7", "node-7.lab"));
        assert!(!names_host("node-7.lab", "node-70"));
        assert!(!names_host("", ""));
    }

    #[test]
    fn labels_cannot_break_out_of_mermaid_or_dot() {
        let node = GraphNode {
            id: "h/x".into(),
            host: "h\"]\nend".into(),
            container: "x".into(),
            image: "a<b>\"c".into(),
            compose: String::new(),
            kind: "container",
        };
        let mermaid = mermaid(std::slice::from_ref(&node), &[]);
        assert!(!mermaid.contains("a<b>"), "{mermaid}");
        assert_eq!(mermaid.lines().count(), 4, "{mermaid}");
        let dot = dot(&[node], &[]);
        assert!(dot.contains("a<b>\\\"c"), "{dot}");
    }

    #[test]
    fn entities_written_by_a_container_stay_text() {
        assert_eq!(
            mermaid_text("&#x202e; #lt; a\rb"),
            "#amp;#35;x202e; #35;lt; a␍b"
        );
        assert_eq!(dot_text("&#x1b; &amp;"), "&amp;#x1b; &amp;amp;");
    }
}
