//! One host's service graph: which allowlisted containers talk to which, from shared networks,
//! legacy links, compose `depends_on` labels and environment values. Pure: built from the
//! containers the docker module described and their environments, which stay on the agent.

use std::collections::{BTreeMap, BTreeSet};

use cyberbrain_tasks::{ContainerInfo, EdgeKind, EnvReference, ServiceEdge};

use crate::env_targets::env_targets;

/// Networks that say nothing about who talks to whom: containers on the default bridge cannot
/// resolve each other by name, and `host` and `none` are not networks between containers.
const NETWORKS_WITHOUT_EDGES: [&str; 3] = ["bridge", "host", "none"];

/// Every name a container answers to on this host (lowercased) → the container's name.
fn name_index(containers: &[ContainerInfo]) -> BTreeMap<String, String> {
    let mut index = BTreeMap::new();
    // Own names first, so that another container's alias cannot shadow a container's name.
    for container in containers {
        index.insert(container.name.to_ascii_lowercase(), container.name.clone());
    }
    for container in containers {
        let other_names = container
            .aliases
            .iter()
            .chain([&container.hostname, &container.compose_service]);
        for name in other_names.filter(|name| !name.is_empty()) {
            index
                .entry(name.to_ascii_lowercase())
                .or_insert_with(|| container.name.clone());
        }
    }
    index
}

/// Fills each container's `env_references` from its environment (`environments[i]` holds the
/// (name, value) pairs of `containers[i]`). Only variable names and targets are kept.
pub fn resolve_env_references(
    containers: &mut [ContainerInfo],
    environments: &[Vec<(String, String)>],
) {
    let index = name_index(containers);
    for (container, environment) in containers.iter_mut().zip(environments) {
        let mut references = Vec::new();
        for (variable, value) in environment {
            for target in env_targets(value, |name| index.contains_key(name)) {
                let local_target = index
                    .get(&target.host)
                    .filter(|name| **name != container.name)
                    .cloned()
                    .unwrap_or_default();
                // A variable naming the container itself (its own hostname) is not an edge.
                if local_target.is_empty() && index.get(&target.host) == Some(&container.name) {
                    continue;
                }
                references.push(EnvReference {
                    variable: variable.clone(),
                    host: target.host,
                    port: target.port,
                    local_target,
                });
            }
        }
        container.env_references = references;
    }
}

/// The edges between `containers`, sorted and without repeats.
pub fn edges(containers: &[ContainerInfo]) -> Vec<ServiceEdge> {
    let mut edges = BTreeSet::new();
    let names: BTreeSet<&str> = containers.iter().map(|c| c.name.as_str()).collect();

    let mut by_network: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for container in containers {
        for network in &container.networks {
            if !NETWORKS_WITHOUT_EDGES.contains(&network.as_str()) {
                by_network
                    .entry(network)
                    .or_default()
                    .insert(&container.name);
            }
        }
    }
    for (network, members) in &by_network {
        let members: Vec<&str> = members.iter().copied().collect();
        for (i, from) in members.iter().enumerate() {
            for to in &members[i + 1..] {
                edges.insert(edge(from, to, EdgeKind::Network, network, None));
            }
        }
    }

    for container in containers {
        for link in &container.links {
            if names.contains(link.target.as_str()) && link.target != container.name {
                edges.insert(edge(
                    &container.name,
                    &link.target,
                    EdgeKind::Link,
                    &link.alias,
                    None,
                ));
            }
        }
        for service in &container.depends_on {
            let dependency = containers.iter().find(|other| {
                other.compose_project == container.compose_project
                    && other.compose_service == *service
                    && other.name != container.name
            });
            if let Some(dependency) = dependency {
                edges.insert(edge(
                    &container.name,
                    &dependency.name,
                    EdgeKind::DependsOn,
                    "",
                    None,
                ));
            }
        }
        for reference in &container.env_references {
            if !reference.local_target.is_empty() {
                edges.insert(edge(
                    &container.name,
                    &reference.local_target,
                    EdgeKind::Env,
                    &reference.variable,
                    reference.port,
                ));
            }
        }
    }
    edges.into_iter().collect()
}

fn edge(from: &str, to: &str, kind: EdgeKind, via: &str, port: Option<u32>) -> ServiceEdge {
    ServiceEdge {
        from: from.to_string(),
        to: to.to_string(),
        kind,
        via: via.to_string(),
        port,
    }
}

/// Parses compose's `com.docker.compose.depends_on` label: `db:service_started:false,redis:…`
/// (older compose versions leave out the last field) → the service names.
pub fn compose_depends_on(label: &str) -> Vec<String> {
    label
        .split(',')
        .filter_map(|entry| entry.split(':').next())
        .map(str::trim)
        .filter(|service| !service.is_empty())
        .map(str::to_string)
        .collect()
}

/// Parses a legacy link as Docker reports it in the host config (`/db:/api/database`) or in
/// network settings (`db:database`) → (target container, alias).
pub fn parse_link(link: &str) -> Option<(String, String)> {
    let (target, alias) = link.split_once(':')?;
    let target = target.trim_start_matches('/');
    // The host config's alias is the full path inside the linking container's namespace.
    let alias = alias.rsplit('/').next().unwrap_or(alias);
    (!target.is_empty() && !alias.is_empty()).then(|| (target.to_string(), alias.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cyberbrain_tasks::ContainerLink;

    fn container(name: &str, networks: &[&str]) -> ContainerInfo {
        ContainerInfo {
            name: name.into(),
            networks: networks.iter().map(|n| n.to_string()).collect(),
            compose_project: "shop".into(),
            compose_service: name.trim_end_matches("-1").into(),
            ..Default::default()
        }
    }

    fn summary(edges: &[ServiceEdge]) -> Vec<String> {
        edges
            .iter()
            .map(|e| {
                let port = e.port.map(|p| format!(":{p}")).unwrap_or_default();
                format!("{} -> {}{port} {} {}", e.from, e.to, e.kind.as_str(), e.via)
            })
            .collect()
    }

    #[test]
    fn edges_from_networks_links_depends_on_and_environment() {
        let mut api = container("api-1", &["front", "back", "bridge"]);
        api.depends_on = compose_depends_on("db:service_started:false,ghost:service_started");
        api.links = vec![ContainerLink {
            target: "cache-1".into(),
            alias: "kv".into(),
        }];
        let mut db = container("db-1", &["back"]);
        db.aliases = vec!["database".into()];
        let web = container("web-1", &["front", "bridge"]);
        let cache = container("cache-1", &["bridge"]);
        let mut containers = vec![api, cache, db, web];
        let environments = vec![
            vec![
                (
                    "DATABASE_URL".to_string(),
                    "postgres://u:secret@database:5432/app".to_string(),
                ),
                ("SELF".to_string(), "http://api:80".to_string()),
                (
                    "EXTERNAL".to_string(),
                    "https://pay.example:443".to_string(),
                ),
            ],
            vec![],
            vec![],
            vec![("UPSTREAM".to_string(), "api".to_string())],
        ];
        resolve_env_references(&mut containers, &environments);

        assert_eq!(
            summary(&edges(&containers)),
            vec![
                "api-1 -> cache-1 link kv",
                "api-1 -> db-1 network back",
                "api-1 -> db-1 depends_on ",
                "api-1 -> db-1:5432 env DATABASE_URL",
                "api-1 -> web-1 network front",
                "web-1 -> api-1 env UPSTREAM",
            ]
        );
        // The unresolved external target stays for the controller; the value does not.
        let external = &containers[0].env_references[1];
        assert_eq!(
            (
                external.variable.as_str(),
                external.host.as_str(),
                external.port
            ),
            ("EXTERNAL", "pay.example", Some(443))
        );
        assert_eq!(external.local_target, "");
        assert_eq!(containers[0].env_references.len(), 2, "SELF is dropped");
        assert!(!format!("{containers:?}").contains("secret"));
    }

    #[test]
    fn links_parse_in_both_shapes() {
        assert_eq!(
            parse_link("/db:/api/database"),
            Some(("db".into(), "database".into()))
        );
        assert_eq!(
            parse_link("db:database"),
            Some(("db".into(), "database".into()))
        );
        assert_eq!(parse_link("nonsense"), None);
    }

    #[test]
    fn depends_on_labels_parse() {
        assert_eq!(
            compose_depends_on("db:service_started:false, redis:service_healthy"),
            vec!["db", "redis"]
        );
        assert!(compose_depends_on("").is_empty());
    }
}
