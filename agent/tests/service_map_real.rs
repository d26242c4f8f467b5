//! The service map's edges against the real engine: containers on two user networks with compose
//! labels, a network alias, a legacy link and environment references, and no environment value
//! anywhere in the result.

use cyberbrain_agent::docker::DockerHost;
use cyberbrain_tasks::{AllowRule, Allowlist, EdgeKind, MatchKind};
use cyberbrain_testkit::docker::Sandbox;

/// Planted in an environment value: it must never appear in the result.
const CANARY: &str = "canary-s3cret-7f3a";

#[tokio::test]
async fn edges_come_from_networks_links_depends_on_and_environment_without_values() {
    let mut docker = Sandbox::default();
    let (front, _) = docker.network();
    let (back, _) = docker.network();
    let compose = |service: &str| {
        vec![
            "--label".to_string(),
            "com.docker.compose.project=shop".to_string(),
            "--label".to_string(),
            format!("com.docker.compose.service={service}"),
        ]
    };
    let db_args = [
        compose("db"),
        vec!["--network".into(), back.clone()],
        vec!["--network-alias".into(), "database".into()],
    ]
    .concat();
    let db = docker.run("db", &as_strs(&db_args), "sleep 3600");
    let cache = docker.run("cache", &["--network", &front], "sleep 3600");
    let api_args = [
        compose("api"),
        vec!["--network".into(), back.clone()],
        vec![
            "--label".into(),
            "com.docker.compose.depends_on=db:service_started:false".into(),
        ],
        vec![
            "-e".into(),
            format!("DATABASE_URL=postgres://app:{CANARY}@database:5432/app"),
        ],
        vec!["-e".into(), format!("CACHE_ADDR={cache}:6379")],
        vec!["-e".into(), format!("API_TOKEN={CANARY}")],
        vec!["-e".into(), "PAYMENTS=https://pay.example:443/v1".into()],
    ]
    .concat();
    let api = docker.run("api", &as_strs(&api_args), "sleep 3600");
    // A second network after start, as compose does for multi-network services.
    cyberbrain_testkit::docker::docker_cli(&["network", "connect", &front, &api]);
    // A legacy link works only on the default bridge.
    let legacy = docker.run("legacy", &[], "sleep 3600");
    let linker = docker.run(
        "linker",
        &["--link", &format!("{legacy}:old-api")],
        "sleep 3600",
    );

    let allowlist = Allowlist {
        rules: vec![AllowRule {
            kind: MatchKind::NameGlob,
            pattern: format!("cb-test-{}-*", std::process::id()),
        }],
        local_limit: None,
    };
    let host = DockerHost::connect(None)
        .await
        .expect("docker is reachable");
    let map = host.service_map(&allowlist).await.expect("service map");

    let mine = [&db, &cache, &api, &legacy, &linker];
    let edges: Vec<(String, String, EdgeKind, String, Option<u32>)> = map
        .edges
        .iter()
        .filter(|e| mine.contains(&&e.from) && mine.contains(&&e.to))
        .map(|e| (e.from.clone(), e.to.clone(), e.kind, e.via.clone(), e.port))
        .collect();
    let expected = |from: &str, to: &str, kind, via: &str, port| {
        (
            from.to_string(),
            to.to_string(),
            kind,
            via.to_string(),
            port,
        )
    };
    let mut wanted = vec![
        expected(&api, &db, EdgeKind::DependsOn, "", None),
        expected(&api, &db, EdgeKind::Env, "DATABASE_URL", Some(5432)),
        expected(&api, &cache, EdgeKind::Env, "CACHE_ADDR", Some(6379)),
        expected(&linker, &legacy, EdgeKind::Link, "old-api", None),
    ];
    // Network edges are undirected, from the name that sorts first.
    let pair = |a: &String, b: &String| {
        if a < b {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        }
    };
    let (a, b) = pair(&api, &db);
    wanted.push(expected(&a, &b, EdgeKind::Network, &back, None));
    let (a, b) = pair(&api, &cache);
    wanted.push(expected(&a, &b, EdgeKind::Network, &front, None));
    wanted.sort();
    let mut found = edges.clone();
    found.sort();
    assert_eq!(found, wanted, "{:#?}", map.edges);

    let api_info = map
        .containers
        .iter()
        .find(|c| c.name == api)
        .expect("api is described");
    assert_eq!(api_info.compose_project, "shop");
    assert_eq!(api_info.depends_on, vec!["db"]);
    let mut networks = vec![back.clone(), front.clone()];
    networks.sort();
    assert_eq!(api_info.networks, networks);
    let mut references: Vec<(&str, &str, Option<u32>, &str)> = api_info
        .env_references
        .iter()
        .map(|r| {
            (
                r.variable.as_str(),
                r.host.as_str(),
                r.port,
                r.local_target.as_str(),
            )
        })
        .collect();
    references.sort();
    assert_eq!(
        references,
        vec![
            ("CACHE_ADDR", cache.as_str(), Some(6379), cache.as_str()),
            ("DATABASE_URL", "database", Some(5432), db.as_str()),
            // Names nothing on this host: kept for the controller's fleet merge.
            ("PAYMENTS", "pay.example", Some(443), ""),
        ]
    );
    let db_info = map.containers.iter().find(|c| c.name == db).expect("db");
    assert_eq!(db_info.aliases, vec!["database"]);

    let everything = serde_json::to_string(&map).expect("json");
    assert!(
        !everything.contains(CANARY) && !everything.contains("postgres://"),
        "an environment value left the agent: {everything}"
    );
}

fn as_strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}
