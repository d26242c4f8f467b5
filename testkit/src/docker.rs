//! Docker fixtures: the busybox test image (built with `docker import`, no registry) and a sandbox
//! of containers and networks that is removed on drop, even when the test fails.

use std::process::Command;
use std::sync::OnceLock;

use crate::unique_name;

/// The fixture script that builds the test image.
pub const IMAGE_SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docker/build-test-image.sh");

/// Runs the docker CLI and returns its stdout, failing the test with its stderr.
pub fn docker_cli(args: &[&str]) -> String {
    let output = Command::new("docker")
        .args(args)
        .output()
        .expect("the docker CLI runs");
    assert!(
        output.status.success(),
        "docker {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// Builds the test image once per test binary and returns its name; the script is idempotent.
pub fn test_image() -> &'static str {
    static IMAGE: OnceLock<String> = OnceLock::new();
    IMAGE.get_or_init(|| {
        let output = Command::new("bash")
            .arg(IMAGE_SCRIPT)
            .output()
            .expect("the fixture script runs");
        assert!(
            output.status.success(),
            "{IMAGE_SCRIPT} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout).trim().to_string()
    })
}

/// Containers and networks made by one test, removed on drop.
#[derive(Default)]
pub struct Sandbox {
    containers: Vec<String>,
    networks: Vec<String>,
}

impl Sandbox {
    /// Starts a labelled busybox container running `script` and returns its name.
    pub fn run(&mut self, tag: &str, docker_args: &[&str], script: &str) -> String {
        let name = unique_name(tag);
        let image = test_image();
        let mut args = vec!["run", "-d", "--name", &name, "--label", "cyberbrain.test=1"];
        args.extend_from_slice(docker_args);
        args.extend_from_slice(&[image, "sh", "-c", script]);
        // Registered before it starts so that a half-started container is still removed.
        self.containers.push(name.clone());
        docker_cli(&args);
        name
    }

    /// Starts a labelled container `name` (from [`unique_name`]) from any image, with
    /// `docker_args` before the image and `command` after it. It is removed on drop like the rest.
    pub fn run_image(&mut self, name: &str, docker_args: &[&str], image: &str, command: &[&str]) {
        let mut args = vec!["run", "-d", "--name", name, "--label", "cyberbrain.test=1"];
        args.extend_from_slice(docker_args);
        args.push(image);
        args.extend_from_slice(command);
        // Registered before it starts so that a half-started container is still removed.
        self.containers.push(name.to_string());
        docker_cli(&args);
    }

    /// Creates a bridge network on a free 10.213.x.0/24 subnet; returns (name, subnet).
    pub fn network(&mut self) -> (String, String) {
        let name = unique_name("net");
        let first = std::process::id() % 250;
        for attempt in 0..250 {
            let subnet = format!("10.213.{}.0/24", (first + attempt) % 250);
            let output = Command::new("docker")
                .args(["network", "create", "--label", "cyberbrain.test=1"])
                .args(["--subnet", &subnet, &name])
                .output()
                .expect("the docker CLI runs");
            if output.status.success() {
                self.networks.push(name.clone());
                return (name, subnet);
            }
            // Another run may hold this subnet; anything else is a real failure.
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(
                stderr.contains("overlap"),
                "docker network create failed: {stderr}"
            );
        }
        panic!("no free subnet in 10.213.0.0/16");
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        // Best effort: a failed removal must not hide the test's own failure.
        for container in &self.containers {
            let _ = Command::new("docker")
                .args(["rm", "-f", container])
                .output();
        }
        for network in &self.networks {
            let _ = Command::new("docker")
                .args(["network", "rm", network])
                .output();
        }
    }
}

/// Waits until `docker logs` shows output for which `done(stdout, stderr)` holds.
pub fn wait_for_output(container: &str, mut done: impl FnMut(&[u8], &[u8]) -> bool) {
    crate::wait_for(&format!("the output of {container}"), || {
        let output = Command::new("docker")
            .args(["logs", container])
            .output()
            .expect("the docker CLI runs");
        done(&output.stdout, &output.stderr)
    });
}

/// Waits until the container has written `lines` lines to stdout and stderr together.
pub fn wait_for_log_lines(container: &str, lines: usize) {
    wait_for_output(container, |stdout, stderr| {
        let written = stdout.iter().chain(stderr);
        written.filter(|&&b| b == b'\n').count() >= lines
    });
}
