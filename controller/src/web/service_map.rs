//! The fleet's service map drawn as SVG on the server, from the report's JSON (`service_graph`):
//! one column per host, a box per container, a line per edge (dashed across hosts). No Mermaid
//! runtime in the browser; every name is escaped by maud.

use maud::{Markup, html};
use serde_json::Value;

/// More nodes than this are not drawn (the report's DOT and Mermaid have them all).
const MAX_NODES: usize = 300;
const COLUMN_WIDTH: i64 = 280;
const BOX_WIDTH: i64 = 230;
const BOX_HEIGHT: i64 = 34;
const ROW_HEIGHT: i64 = 50;
const TOP: i64 = 40;

/// The SVG of the report JSON's service graph, or `None` when it has no node.
pub fn svg(report_json: &Value) -> Option<Markup> {
    let graph = report_json.get("service_graph")?;
    let nodes = graph.get("nodes")?.as_array()?;
    if nodes.is_empty() {
        return None;
    }
    if nodes.len() > MAX_NODES {
        return Some(
            html! { p.muted { "The service map has " (nodes.len()) " containers: too many to draw here; see the report's DOT or Mermaid." } },
        );
    }
    let text = |node: &Value, key: &str| {
        node.get(key)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let mut hosts: Vec<String> = Vec::new();
    // (id, host column, row, container, image)
    let mut placed: Vec<(String, i64, i64, String, String)> = Vec::new();
    let mut rows_per_host: Vec<i64> = Vec::new();
    for node in nodes {
        let host = text(node, "host");
        let column = match hosts.iter().position(|h| *h == host) {
            Some(column) => column,
            None => {
                hosts.push(host);
                rows_per_host.push(0);
                hosts.len() - 1
            }
        };
        let row = rows_per_host[column];
        rows_per_host[column] += 1;
        let label = match text(node, "container") {
            name if name.is_empty() => text(node, "id"),
            name => name,
        };
        placed.push((
            text(node, "id"),
            column as i64,
            row,
            label,
            text(node, "image"),
        ));
    }
    let position = |id: &str| placed.iter().find(|p| p.0 == id).map(|p| (p.1, p.2));
    let centre = |(column, row): (i64, i64)| {
        (
            20 + column * COLUMN_WIDTH + BOX_WIDTH / 2,
            TOP + row * ROW_HEIGHT + BOX_HEIGHT / 2,
        )
    };
    let width = 40 + hosts.len() as i64 * COLUMN_WIDTH;
    let height = TOP + rows_per_host.iter().copied().max().unwrap_or(1) * ROW_HEIGHT + 20;
    let edges: Vec<(i64, i64, i64, i64, bool, String)> = graph
        .get("edges")
        .and_then(Value::as_array)
        .map(|edges| {
            edges
                .iter()
                .filter_map(|edge| {
                    let from = position(edge.get("from")?.as_str()?)?;
                    let to = position(edge.get("to")?.as_str()?)?;
                    let ((x1, y1), (x2, y2)) = (centre(from), centre(to));
                    let cross = edge
                        .get("cross_host")
                        .and_then(Value::as_bool)
                        .unwrap_or(false);
                    let kind = edge.get("kind").map(|k| k.to_string()).unwrap_or_default();
                    Some((x1, y1, x2, y2, cross, kind))
                })
                .collect()
        })
        .unwrap_or_default();
    Some(html! {
        figure.service-map {
            svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="service-map-title"
                viewBox={"0 0 " (width) " " (height)} width=(width) height=(height) {
                title #service-map-title { "Service map: " (placed.len()) " containers on " (hosts.len()) " hosts, " (edges.len()) " edges" }
                @for (column, host) in hosts.iter().enumerate() {
                    text.host x=(20 + column as i64 * COLUMN_WIDTH) y="22" { (host) }
                }
                @for (x1, y1, x2, y2, cross, kind) in &edges {
                    line.edge.cross[*cross] x1=(x1) y1=(y1) x2=(x2) y2=(y2) { title { (kind.trim_matches('"')) } }
                }
                @for (_, column, row, label, image) in &placed {
                    g {
                        title { (label) " · " (image) }
                        rect.node x=(20 + column * COLUMN_WIDTH) y=(TOP + row * ROW_HEIGHT) width=(BOX_WIDTH) height=(BOX_HEIGHT) rx="4" {}
                        text.label x=(30 + column * COLUMN_WIDTH) y=(TOP + row * ROW_HEIGHT + 22) { (cut(label, 30)) }
                    }
                }
            }
            figcaption.muted { "Containers by host; lines are edges (dashed: across hosts). Hover for images and edge kinds." }
        }
    })
}

fn cut(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(chars - 1).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_graph_is_drawn_with_its_names_escaped() {
        let report = serde_json::json!({"service_graph": {
            "nodes": [
                {"id": "a", "host": "h1", "container": "<script>x</script>", "image": "i"},
                {"id": "b", "host": "h2", "container": "db", "image": "postgres"}
            ],
            "edges": [{"from": "a", "to": "b", "kind": "network", "cross_host": true}]
        }});
        let svg = svg(&report).expect("drawn").into_string();
        assert!(svg.starts_with("<figure"), "{svg}");
        assert_eq!(svg.matches("<rect").count(), 2);
        assert_eq!(svg.matches("<line").count(), 1);
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"), "{svg}");
        assert!(svg::is_none(
            &serde_json::json!({"service_graph": {"nodes": []}})
        ));
    }

    mod svg {
        pub fn is_none(report: &serde_json::Value) -> bool {
            super::super::svg(report).is_none()
        }
    }
}
