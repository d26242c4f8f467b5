//! deploy/compose.yaml brought up, not only validated: a copy of it whose three images are the
//! test images built from the local binaries (`testkit::images`; the real ones need a registry),
//! with its `build` sections and published ports removed, and everything else (networks,
//! environment, volumes, `pid: host`, `group_add`, health checks, `depends_on`) as written. The
//! agent must come online over mutual TLS by the controller's service name and finish a
//! `service_map` run through the Docker socket it mounts read-only.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cyberbrain_testkit::checks::json;
use cyberbrain_testkit::process::{Pki, binary};
use cyberbrain_testkit::{images, temp_dir, unique_name, wait_for_or, workspace_root};
use serde_yaml::Value;

const AGENT: &str = "compose-host";

/// A compose project, taken down with its volumes on drop, even when the test fails.
struct Project {
    name: String,
    file: PathBuf,
    docker_gid: String,
}

impl Project {
    fn compose(&self, args: &[&str]) -> Output {
        let mut command = if has_compose_v1() {
            Command::new("docker-compose")
        } else {
            let mut c = Command::new("docker");
            c.arg("compose");
            c
        };
        command
            .args(["-p", &self.name, "-f"])
            .arg(&self.file)
            .args(args)
            .env("CYBERBRAIN_DB_PASSWORD", "compose-test-password")
            .env("DOCKER_GID", &self.docker_gid)
            .env("AGENT_NAME", AGENT)
            .output()
            .expect("compose runs")
    }

    fn compose_ok(&self, args: &[&str]) -> String {
        let output = self.compose(args);
        assert!(
            output.status.success(),
            "compose {args:?} failed: {}{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
            self.logs()
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn logs(&self) -> String {
        let output = self.compose(&["logs", "--no-color", "--tail", "30"]);
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    /// `cbctl` inside the controller's service, as the README shows.
    fn cbctl(&self, args: &[&str]) -> Output {
        let mut all = vec![
            "exec",
            "-T",
            "controller",
            "cbctl",
            "--token-file",
            "/var/lib/cyberbrain/admin.token",
        ];
        all.extend_from_slice(args);
        self.compose(&all)
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = self.compose(&["down", "--volumes", "--remove-orphans", "--timeout", "10"]);
    }
}

fn has_compose_v1() -> bool {
    Command::new("docker-compose")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The compose file with the test images and without `build` and published ports.
fn test_copy(images: &[(&str, &str)]) -> String {
    let text = std::fs::read_to_string(workspace_root().join("deploy/compose.yaml"))
        .expect("deploy/compose.yaml");
    let mut compose: Value = serde_yaml::from_str(&text).expect("compose YAML");
    let services = compose["services"]
        .as_mapping_mut()
        .expect("a services mapping");
    for (service, image) in images {
        let service = services
            .get_mut(*service)
            .and_then(Value::as_mapping_mut)
            .unwrap_or_else(|| panic!("service {service}"));
        service.insert("image".into(), (*image).into());
        service.remove("build");
    }
    for (_, service) in services.iter_mut() {
        if let Some(service) = service.as_mapping_mut() {
            // Other tests and developers may hold 7070/7071 on this machine.
            service.remove("ports");
        }
    }
    serde_yaml::to_string(&compose).expect("compose YAML")
}

fn readable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, PermissionsExt::from_mode(0o755)).expect("chmod");
}

#[test]
fn the_compose_file_runs_a_controller_and_an_agent_that_finish_a_run() {
    use std::os::unix::fs::MetadataExt;

    let dir = temp_dir("compose");
    let postgres_image = images::postgres_image();
    let controller_image =
        images::controller_image(&binary("cyberbrain-controller"), &binary("cbctl"));
    let agent_image = images::agent_image(&binary("cyberbrain-agent"));

    // The README's first step: a PKI in ./tls beside the compose file, readable by uid 10001.
    let tls = dir.path().join("tls");
    Pki::init_for_hosts(&tls, &[AGENT], &["controller"]);
    readable(&tls);
    for entry in std::fs::read_dir(&tls).expect("tls") {
        readable(&entry.expect("an entry").path());
    }
    let file = dir.path().join("compose.yaml");
    std::fs::write(
        &file,
        test_copy(&[
            ("postgres", &postgres_image),
            ("controller", &controller_image),
            ("agent", &agent_image),
        ]),
    )
    .expect("compose copy");
    let docker_gid = std::fs::metadata("/var/run/docker.sock")
        .expect("the Docker socket")
        .gid()
        .to_string();
    let project = Project {
        name: unique_name("compose").replace('-', ""),
        file,
        docker_gid,
    };

    // Without --build the images given are used; the controller waits for PostgreSQL's health.
    project.compose_ok(&["up", "-d", "--no-build"]);
    wait_for_or(
        "the compose agent online",
        || {
            let output = project.cbctl(&["agent", "list", "-o", "json"]);
            output.status.success()
                && serde_json::from_slice::<serde_json::Value>(&output.stdout)
                    .ok()
                    .and_then(|agents| {
                        agents.as_array().map(|agents| {
                            agents.iter().any(|a| {
                                a["name"] == AGENT
                                    && a["state"] == "online"
                                    && a["docker_reachable"] == true
                            })
                        })
                    })
                    .unwrap_or(false)
        },
        || project.logs(),
    );

    let run = project.cbctl(&[
        "run",
        "launch",
        "--task",
        "service_map",
        "--all",
        "--watch",
        "-o",
        "json",
    ]);
    assert!(
        run.status.success(),
        "the run succeeds: {}{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr),
        project.logs()
    );
    let runs = project.cbctl(&["run", "list", "-o", "json"]);
    let runs = json(&String::from_utf8_lossy(&runs.stdout));
    assert_eq!(runs[0]["status"], "succeeded", "{runs}");
}
