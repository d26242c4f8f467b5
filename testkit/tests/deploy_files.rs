//! The deploy files are checked, not just written: the compose file through `docker-compose
//! config`, every Kubernetes manifest parsed (and built with `kubectl kustomize` when kubectl is
//! installed) with the kinds and settings the deployment relies on, the Dockerfiles' final stages
//! run as a non-root user, and the systemd units pass `systemd-analyze verify` and `security`
//! (when systemd is installed). The images themselves are exercised by `fleet_containers.rs`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use cyberbrain_testkit::images::CYBERBRAIN_UID;
use cyberbrain_testkit::process::binary;
use cyberbrain_testkit::{temp_dir, workspace_root};
use serde::Deserialize as _;
use serde_yaml::Value;

fn deploy_dir() -> PathBuf {
    workspace_root().join("deploy")
}

/// Files the compose file mounts that the repository does not hold, and why they may be missing.
/// Any other missing file fails the test.
const MAY_BE_MISSING: &[(&str, &str)] = &[(
    "tls/",
    "made by the operator with `cbctl certs init` (deploy/README.md)",
)];

/// Whether a program can be started.
fn available(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `docker-compose`, or the `docker compose` plugin.
fn compose_command() -> Command {
    if available("docker-compose", &["version"]) {
        Command::new("docker-compose")
    } else {
        assert!(
            available("docker", &["compose", "version"]),
            "neither docker-compose nor the docker compose plugin is installed"
        );
        let mut command = Command::new("docker");
        command.arg("compose");
        command
    }
}

fn run_ok(command: &mut Command) -> String {
    let output = command.output().expect("the command runs");
    assert!(
        output.status.success(),
        "{command:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The string at `path` (keys, or indices for sequences) in a YAML value.
fn at<'a>(value: &'a Value, path: &[&str]) -> &'a Value {
    path.iter()
        .fold(value, |v, key| match key.parse::<usize>() {
            Ok(i) if v.is_sequence() => &v[i],
            _ => &v[*key],
        })
}

fn seq(value: &Value) -> &[Value] {
    value.as_sequence().map(Vec::as_slice).unwrap_or_default()
}

#[test]
fn the_compose_file_is_valid_and_wires_the_services() {
    let compose = deploy_dir().join("compose.yaml");
    let config = run_ok(
        compose_command()
            .arg("-f")
            .arg(&compose)
            .args(["--profile", "monitoring", "config"])
            .env("CYBERBRAIN_DB_PASSWORD", "test-password")
            .env("DOCKER_GID", "999")
            .env("AGENT_NAME", "test-host"),
    );
    let config: Value = serde_yaml::from_str(&config).expect("compose config prints YAML");
    let services = &config["services"];
    for service in ["postgres", "controller", "agent", "prometheus", "grafana"] {
        assert!(
            services[service].is_mapping(),
            "service {service} missing: {config:?}"
        );
    }
    for service in ["prometheus", "grafana"] {
        let profiles: Vec<&str> = seq(&services[service]["profiles"])
            .iter()
            .filter_map(Value::as_str)
            .collect();
        assert_eq!(profiles, ["monitoring"], "{service} is optional");
    }
    let controller_env = format!("{:?}", services["controller"]["environment"]);
    assert!(
        controller_env.contains("CYBERBRAIN_DATABASE_URL")
            && controller_env.contains("host=postgres"),
        "the controller uses the postgres service: {controller_env}"
    );

    // Every bind mount's source exists, or is one of the documented exceptions.
    let mut docker_socket_read_only = false;
    for (name, service) in services.as_mapping().into_iter().flatten() {
        for volume in seq(&service["volumes"]) {
            let (source, target, read_only) = bind_mount(volume);
            if target == "/var/run/docker.sock" {
                assert_eq!(name.as_str(), Some("agent"), "only the agent sees Docker");
                docker_socket_read_only = read_only;
            }
            let Some(source) = source.filter(|s| s.starts_with('/')) else {
                continue; // a named volume
            };
            let source = PathBuf::from(source);
            let Ok(relative) = source.strip_prefix(deploy_dir()) else {
                continue; // a host path such as the Docker socket
            };
            let relative = relative.display().to_string();
            let excused = MAY_BE_MISSING
                .iter()
                .any(|(prefix, _)| relative.starts_with(prefix));
            assert!(
                source.exists() || excused,
                "{name:?} mounts deploy/{relative}, which does not exist"
            );
        }
    }
    assert!(
        docker_socket_read_only,
        "the agent mounts the Docker socket read-only"
    );

    // A required variable left unset is an error, not an empty password.
    let output = compose_command()
        .arg("-f")
        .arg(&compose)
        .args(["config", "-q"])
        .env_remove("CYBERBRAIN_DB_PASSWORD")
        .env("DOCKER_GID", "999")
        .env("AGENT_NAME", "test-host")
        .output()
        .expect("compose runs");
    assert!(
        !output.status.success(),
        "compose config without CYBERBRAIN_DB_PASSWORD must fail"
    );
}

/// Every Grafana dashboard in `deploy/grafana/` is JSON Grafana can load: a unique uid and title,
/// panels with unique ids, a place on the grid, the dashboard's data source and at least one query
/// each; and the compose file mounts it where the provisioning looks.
#[test]
fn the_grafana_dashboards_are_valid_and_mounted() {
    let grafana = deploy_dir().join("grafana");
    let compose = std::fs::read_to_string(deploy_dir().join("compose.yaml")).expect("compose");
    let mut dashboards: Vec<PathBuf> = std::fs::read_dir(&grafana)
        .expect("deploy/grafana")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    dashboards.sort();
    let names: Vec<String> = dashboards
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    assert!(
        names.contains(&"cyberbrain-dashboard.json".to_string())
            && names.contains(&"cyberbrain-gpu.json".to_string()),
        "{names:?}"
    );
    let mut uids = BTreeSet::new();
    for (path, name) in dashboards.iter().zip(&names) {
        let text = std::fs::read_to_string(path).expect("the dashboard file");
        let dashboard: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"));
        let uid = dashboard["uid"].as_str().expect("a uid");
        assert!(uids.insert(uid.to_string()), "{name}: uid {uid} twice");
        assert!(dashboard["title"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(
            dashboard["templating"]["list"]
                .as_array()
                .is_some_and(|vars| vars.iter().any(|v| v["name"] == "datasource")),
            "{name}: a data source variable"
        );
        let panels = dashboard["panels"].as_array().expect("panels");
        assert!(!panels.is_empty(), "{name} has panels");
        let mut ids = BTreeSet::new();
        for panel in panels {
            let title = panel["title"].as_str().unwrap_or_default();
            assert!(
                ids.insert(panel["id"].as_u64().expect("a numeric panel id")),
                "{name}: panel id twice ({title})"
            );
            assert_eq!(
                panel["datasource"]["uid"], "${datasource}",
                "{name}: {title}"
            );
            for key in ["x", "y", "w", "h"] {
                assert!(
                    panel["gridPos"][key].is_u64(),
                    "{name}: {title} gridPos.{key}"
                );
            }
            let targets = panel["targets"].as_array().expect("targets");
            assert!(!targets.is_empty(), "{name}: {title} has a query");
            for target in targets {
                assert!(
                    target["expr"]
                        .as_str()
                        .is_some_and(|e| !e.trim().is_empty()),
                    "{name}: {title} has an empty query"
                );
            }
        }
        assert!(
            compose.contains(&format!(
                "./grafana/{name}:/var/lib/grafana/dashboards/{name}:ro"
            )),
            "compose.yaml mounts {name} for the provisioning"
        );
    }
}

/// (source, target, read-only) of a compose volume, in short (`src:dst:ro`) or long syntax.
fn bind_mount(volume: &Value) -> (Option<String>, String, bool) {
    match volume {
        Value::String(short) => {
            let parts: Vec<&str> = short.split(':').collect();
            match parts.as_slice() {
                [target] => (None, target.to_string(), false),
                [source, target] => (Some(source.to_string()), target.to_string(), false),
                [source, target, mode, ..] => (
                    Some(source.to_string()),
                    target.to_string(),
                    mode.split(',').any(|m| m == "ro"),
                ),
                [] => (None, String::new(), false),
            }
        }
        long => (
            long["source"].as_str().map(str::to_string),
            long["target"].as_str().unwrap_or_default().to_string(),
            long["read_only"].as_bool().unwrap_or(false),
        ),
    }
}

/// Every YAML document under deploy/kubernetes, with its file.
fn kubernetes_documents() -> Vec<(PathBuf, Value)> {
    let mut documents = Vec::new();
    for file in yaml_files(&deploy_dir().join("kubernetes")) {
        let text = std::fs::read_to_string(&file).expect("a readable manifest");
        for document in serde_yaml::Deserializer::from_str(&text) {
            let value = Value::deserialize(document)
                .unwrap_or_else(|e| panic!("{} is not valid YAML: {e}", file.display()));
            if !value.is_null() {
                documents.push((file.clone(), value));
            }
        }
    }
    documents
}

fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("a readable directory") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The single document of `kind` named `name`.
fn find<'a>(documents: &'a [(PathBuf, Value)], kind: &str, name: &str) -> &'a Value {
    let found: Vec<&Value> = documents
        .iter()
        .map(|(_, d)| d)
        .filter(|d| d["kind"] == kind && d["metadata"]["name"] == name)
        .collect();
    assert_eq!(found.len(), 1, "one {kind} named {name}");
    found[0]
}

#[test]
fn the_kubernetes_manifests_parse_and_hold_what_the_deployment_needs() {
    let documents = kubernetes_documents();
    let base: Vec<(PathBuf, Value)> = documents
        .iter()
        .filter(|(file, _)| file.parent().is_some_and(|d| d.ends_with("base")))
        .cloned()
        .collect();

    let controller = find(&base, "Deployment", "cyberbrain-controller");
    assert_eq!(controller["spec"]["replicas"], 2, "two controller replicas");
    let pod = &controller["spec"]["template"]["spec"];
    let container = at(pod, &["containers", "0"]);
    assert_eq!(
        at(container, &["livenessProbe", "httpGet", "path"]),
        "/healthz"
    );
    assert_eq!(
        at(container, &["readinessProbe", "httpGet", "path"]),
        "/readyz"
    );
    let labels = &controller["spec"]["selector"]["matchLabels"];

    let service = find(&base, "Service", "cyberbrain-controller");
    assert_eq!(
        &service["spec"]["selector"], labels,
        "the Service selects it"
    );
    let ports: BTreeSet<i64> = seq(&service["spec"]["ports"])
        .iter()
        .filter_map(|p| p["port"].as_i64())
        .collect();
    assert!(ports.contains(&7070) && ports.contains(&7071), "{ports:?}");
    let pdb = find(&base, "PodDisruptionBudget", "cyberbrain-controller");
    assert_eq!(
        &pdb["spec"]["selector"]["matchLabels"], labels,
        "the PodDisruptionBudget covers the controller"
    );
    let policy = find(&base, "NetworkPolicy", "cyberbrain-controller");
    assert_eq!(&policy["spec"]["podSelector"]["matchLabels"], labels);

    // The database: a CloudNativePG Cluster, whose app Secret the controller reads.
    let clusters: Vec<&Value> = base
        .iter()
        .map(|(_, d)| d)
        .filter(|d| {
            d["kind"] == "Cluster"
                && d["apiVersion"]
                    .as_str()
                    .is_some_and(|v| v.starts_with("postgresql.cnpg.io/"))
        })
        .collect();
    assert_eq!(clusters.len(), 1, "one CloudNativePG Cluster");
    let cluster_name = clusters[0]["metadata"]["name"].as_str().expect("a name");
    let database_secret = seq(&container["env"])
        .iter()
        .find(|e| e["name"] == "CYBERBRAIN_DATABASE_URL")
        .map(|e| at(e, &["valueFrom", "secretKeyRef", "name"]))
        .and_then(Value::as_str)
        .expect("CYBERBRAIN_DATABASE_URL from a Secret");
    assert_eq!(database_secret, format!("{cluster_name}-app"));

    // The agent: host PID namespace, the Docker socket read-only.
    let agent = find(&base, "DaemonSet", "cyberbrain-agent");
    let pod = &agent["spec"]["template"]["spec"];
    assert_eq!(pod["hostPID"], true, "GPU attribution needs host PIDs");
    let socket_volume = seq(&pod["volumes"])
        .iter()
        .find(|v| v["hostPath"]["path"] == "/var/run/docker.sock")
        .and_then(|v| v["name"].as_str())
        .expect("a hostPath volume for the Docker socket");
    let agent_container = at(pod, &["containers", "0"]);
    let mount = seq(&agent_container["volumeMounts"])
        .iter()
        .find(|m| m["name"] == socket_volume)
        .expect("the socket is mounted");
    assert_eq!(mount["mountPath"], "/var/run/docker.sock");
    assert_eq!(mount["readOnly"], true, "the socket is mounted read-only");

    // TLS material is referenced, never embedded.
    for (file, document) in &documents {
        assert_ne!(
            document["kind"],
            "Secret",
            "{} embeds a Secret",
            file.display()
        );
    }

    // The NVIDIA overlay sets the runtime class on the agent.
    let nvidia = documents
        .iter()
        .find(|(file, d)| {
            file.ends_with("overlays/nvidia/agent-nvidia.yaml") && d["kind"] == "DaemonSet"
        })
        .map(|(_, d)| d)
        .expect("the NVIDIA patch");
    assert_eq!(
        nvidia["spec"]["template"]["spec"]["runtimeClassName"],
        "nvidia"
    );

    check_kustomizations(&documents);
}

/// Every kustomization lists every other YAML file of its directory, and only files that exist;
/// with kubectl installed, each also builds.
fn check_kustomizations(documents: &[(PathBuf, Value)]) {
    let kustomizations: Vec<&(PathBuf, Value)> = documents
        .iter()
        .filter(|(_, d)| d["kind"] == "Kustomization")
        .collect();
    assert!(kustomizations.len() >= 2, "base and overlay");
    let kubectl = available("kubectl", &["version", "--client"]);
    if !kubectl {
        eprintln!("kubectl is not installed: kustomize builds not checked");
    }
    for (file, kustomization) in kustomizations {
        let dir = file.parent().expect("a directory");
        let listed: BTreeSet<String> = seq(&kustomization["resources"])
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .chain(
                seq(&kustomization["patches"])
                    .iter()
                    .filter_map(|p| p["path"].as_str())
                    .map(str::to_string),
            )
            .collect();
        for entry in &listed {
            assert!(
                dir.join(entry).exists(),
                "{} lists {entry}, which does not exist",
                file.display()
            );
        }
        for other in yaml_files(dir) {
            if other == *file || other.parent() != Some(dir) {
                continue;
            }
            let name = other
                .file_name()
                .and_then(|n| n.to_str())
                .expect("a file name");
            assert!(
                listed.contains(name),
                "{} does not list {name}",
                file.display()
            );
        }
        if kubectl {
            let built = run_ok(Command::new("kubectl").arg("kustomize").arg(dir));
            let kinds: Vec<String> = serde_yaml::Deserializer::from_str(&built)
                .filter_map(|d| Value::deserialize(d).ok())
                .filter_map(|d| d["kind"].as_str().map(str::to_string))
                .collect();
            for kind in ["Deployment", "DaemonSet", "Cluster", "PodDisruptionBudget"] {
                assert!(
                    kinds.iter().any(|k| k == kind),
                    "kubectl kustomize {} has no {kind}",
                    dir.display()
                );
            }
        }
    }
}

#[test]
fn the_dockerfiles_run_as_a_non_root_user_in_their_final_stage() {
    for name in ["Dockerfile.controller", "Dockerfile.agent"] {
        let path = deploy_dir().join("docker").join(name);
        let text = std::fs::read_to_string(&path).expect("a readable Dockerfile");
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with('#'))
            .collect();
        let stages = lines.iter().filter(|l| l.starts_with("FROM ")).count();
        assert!(stages >= 2, "{name} is multi-stage");
        let last_from = lines
            .iter()
            .rposition(|l| l.starts_with("FROM "))
            .expect("a FROM");
        let final_stage = &lines[last_from..];
        let user = final_stage
            .iter()
            .rev()
            .find_map(|l| l.strip_prefix("USER "))
            .unwrap_or_else(|| panic!("{name}: no USER in the final stage"))
            .trim();
        assert!(
            user != "root" && !user.starts_with("0"),
            "{name} runs as {user}"
        );
        // The same uid as the test images, so that what the fleet test proves carries over.
        assert!(
            text.contains(&format!("--uid {CYBERBRAIN_UID}")),
            "{name} makes its user with uid {CYBERBRAIN_UID}"
        );
        assert!(
            final_stage.iter().any(|l| l.starts_with("HEALTHCHECK")),
            "{name} has a health check"
        );
    }
}

/// The hardening every unit must keep.
const HARDENING: &[&str] = &[
    "NoNewPrivileges=yes",
    "ProtectSystem=strict",
    "ProtectHome=yes",
    "PrivateTmp=yes",
    "CapabilityBoundingSet=",
    "RestrictAddressFamilies=",
    "SystemCallFilter=@system-service",
    "ReadWritePaths=",
];

#[test]
fn the_systemd_units_are_hardened_and_verify() {
    let units = [
        ("cyberbrain-controller.service", "cyberbrain-controller"),
        ("cyberbrain-agent.service", "cyberbrain-agent"),
    ];
    let dir = temp_dir("units");
    let analyze = available("systemd-analyze", &["--version"]);
    for (unit, program) in units {
        let text = std::fs::read_to_string(deploy_dir().join("systemd").join(unit))
            .expect("a readable unit");
        for setting in HARDENING {
            assert!(
                text.lines().any(|l| l.starts_with(setting)),
                "{unit} lacks {setting}"
            );
        }
        if !analyze {
            continue;
        }
        // verify wants ExecStart to exist: point it at the binary the tests built.
        let local = text.replace(
            &format!("/usr/local/bin/{program}"),
            &binary(program).display().to_string(),
        );
        let copy = dir.path().join(unit);
        std::fs::write(&copy, local).expect("unit copy");
        run_ok(Command::new("systemd-analyze").arg("verify").arg(&copy));
        // Exposure 0 (locked down) to 10 (unprotected); both units are about 2.
        run_ok(
            Command::new("systemd-analyze")
                .args(["security", "--offline=true", "--threshold=30", "--no-pager"])
                .arg(&copy),
        );
    }
    if !analyze {
        eprintln!("systemd-analyze is not installed: units not verified");
    }
}
