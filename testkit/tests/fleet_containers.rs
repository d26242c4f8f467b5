//! A fleet of containers under test: PostgreSQL, the controller and three agents, each in its own
//! container on a private Docker network, from images built out of the local binaries
//! (`testkit::images`, no registry). One agent is cut off the network mid-run and connected back,
//! the controller's container is stopped and started, and the run must still finish with every
//! job's result recorded exactly once.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output};

use cyberbrain_testkit::checks::{count, json, query};
use cyberbrain_testkit::docker::{Sandbox, docker_cli};
use cyberbrain_testkit::process::{Pki, binary};
use cyberbrain_testkit::{images, nvml, temp_dir, unique_name, wait_for_async, wait_for_or};

const AGENTS: [&str; 3] = ["fleet-a", "fleet-b", "fleet-c"];
/// The agent cut off the network.
const CUT: &str = "fleet-b";
/// Each `gpu_report` sample waits this long in the stand-in NVML: long enough to cut an agent
/// (or stop the controller) while its job runs.
const SLOW_SAMPLE_MS: &str = "3000";

/// The containers of one fleet, by role.
struct Fleet {
    network: String,
    postgres: String,
    controller: String,
    /// (agent name, container name, fixed address on the network).
    agents: Vec<(String, String, String)>,
    /// The database as seen from the host, through the port published on 127.0.0.1.
    database_url: String,
}

impl Fleet {
    /// Every container's log, for failure messages.
    fn logs(&self) -> String {
        let mut containers = vec![self.postgres.clone(), self.controller.clone()];
        containers.extend(self.agents.iter().map(|(_, c, _)| c.clone()));
        containers
            .iter()
            .map(|c| {
                let out = Command::new("docker")
                    .args(["logs", "--tail", "40", c])
                    .output();
                let text = out
                    .map(|o| {
                        format!(
                            "{}{}",
                            String::from_utf8_lossy(&o.stdout),
                            String::from_utf8_lossy(&o.stderr)
                        )
                    })
                    .unwrap_or_default();
                format!("--- {c}\n{text}")
            })
            .collect()
    }

    /// `cbctl` inside the controller's container, as its bootstrap admin: the way
    /// deploy/README.md tells operators to use the image.
    fn cbctl(&self, args: &[&str]) -> Output {
        Command::new("docker")
            .args(["exec", &self.controller, "cbctl"])
            .args(["--server", "https://127.0.0.1:7070"])
            .args(["--token-file", "/var/lib/cyberbrain/admin.token"])
            .args(args)
            .output()
            .expect("the docker CLI runs")
    }

    fn cbctl_ok(&self, args: &[&str]) -> String {
        let output = self.cbctl(args);
        assert!(
            output.status.success(),
            "cbctl {args:?} in the controller's container failed: {}{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
            self.logs()
        );
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn agents_online(&self) -> bool {
        let output = self.cbctl(&["agent", "list", "-o", "json"]);
        if !output.status.success() {
            return false;
        }
        let listed: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap_or_default();
        AGENTS.iter().all(|name| {
            listed.as_array().is_some_and(|agents| {
                agents
                    .iter()
                    .any(|a| a["name"] == *name && a["state"] == "online")
            })
        })
    }

    /// The cut agent's job, as (status, attempt).
    async fn cut_job(&self) -> (String, i32) {
        let rows = query(
            &self.database_url,
            &format!(
                "SELECT j.status, j.attempt FROM jobs j JOIN agents a ON a.id = j.agent_id
                 WHERE a.name = '{CUT}'"
            ),
        )
        .await;
        assert_eq!(rows.len(), 1, "one job for {CUT}");
        (rows[0].get(0), rows[0].get(1))
    }

    async fn wait_for_cut_job(&self, what: &str, wanted: impl Fn(&str, i32) -> bool) {
        let wanted = &wanted;
        wait_for_async(what, || async move {
            let (status, attempt) = self.cut_job().await;
            wanted(&status, attempt).then_some(())
        })
        .await;
    }
}

/// Makes a file readable by the containers' non-root users. Test material only: a real
/// deployment gives the key to the service's user (deploy/README.md).
fn readable(path: &Path) {
    std::fs::set_permissions(path, PermissionsExt::from_mode(0o644)).expect("chmod");
}

/// Whether the database answers on `url`.
async fn database_answers(url: &str) -> bool {
    match tokio_postgres::connect(url, tokio_postgres::NoTls).await {
        Ok((client, connection)) => {
            tokio::spawn(connection);
            client.simple_query("SELECT 1").await.is_ok()
        }
        Err(_) => false,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_containerised_fleet_survives_a_network_cut_and_a_controller_restart() {
    let dir = temp_dir("fleet-containers");
    let postgres_image = images::postgres_image();
    let controller_image =
        images::controller_image(&binary("cyberbrain-controller"), &binary("cbctl"));
    let agent_image = images::agent_image(&binary("cyberbrain-agent"));

    let mut sandbox = Sandbox::default();
    let (network, subnet) = sandbox.network();
    let prefix = subnet.trim_end_matches(".0/24").to_string();
    let postgres = unique_name("postgres");
    let controller = unique_name("controller");

    // The controller's certificate names its container, which is how the agents reach it.
    let pki = Pki::init_for_hosts(&dir.path().join("certs"), &AGENTS, &[&controller]);
    std::fs::set_permissions(&pki.dir, PermissionsExt::from_mode(0o755)).expect("chmod");
    for entry in std::fs::read_dir(&pki.dir).expect("the PKI directory") {
        readable(&entry.expect("an entry").path());
    }
    let nvml_library = nvml::build(dir.path());
    readable(&nvml_library);
    let docker_group = std::fs::metadata("/var/run/docker.sock")
        .expect("the Docker socket")
        .gid()
        .to_string();
    let mount = |host: &Path, inside: &str| format!("{}:{inside}:ro", host.display());

    sandbox.run_image(
        &postgres,
        &["--network", &network, "-p", "127.0.0.1::5432"],
        &postgres_image,
        &[],
    );
    let published = docker_cli(&["port", &postgres, "5432/tcp"]);
    let published = published.lines().next().unwrap_or_default().to_string();
    let (host, port) = published
        .rsplit_once(':')
        .expect("a published address host:port");
    let database_url = format!("host={host} port={port} user=cyberbrain dbname=cyberbrain");

    let mut fleet = Fleet {
        network: network.clone(),
        postgres: postgres.clone(),
        controller: controller.clone(),
        agents: Vec::new(),
        database_url: database_url.clone(),
    };
    wait_for_async("the PostgreSQL container to answer", || {
        let url = database_url.clone();
        async move { database_answers(&url).await.then_some(()) }
    })
    .await;

    let in_network_url = format!("host={postgres} port=5432 user=cyberbrain dbname=cyberbrain");
    sandbox.run_image(
        &controller,
        &[
            "--network",
            &network,
            "--hostname",
            "controller",
            "-v",
            &mount(&pki.ca(), "/etc/cyberbrain/tls/ca.pem"),
            "-v",
            &mount(
                &pki.dir.join("controller.pem"),
                "/etc/cyberbrain/tls/controller.pem",
            ),
            "-v",
            &mount(
                &pki.dir.join("controller.key"),
                "/etc/cyberbrain/tls/controller.key",
            ),
            "-e",
            "CYBERBRAIN_CA_CERT=/etc/cyberbrain/tls/ca.pem",
            "-e",
            "CYBERBRAIN_TLS_CERT=/etc/cyberbrain/tls/controller.pem",
            "-e",
            "CYBERBRAIN_TLS_KEY=/etc/cyberbrain/tls/controller.key",
            "-e",
            &format!("CYBERBRAIN_DATABASE_URL={in_network_url}"),
            "-e",
            "CYBERBRAIN_REPLICA_NAME=controller",
            "-e",
            "CYBERBRAIN_HEARTBEAT_SECONDS=1",
            // The cut agent's job may be handed out again more than once while its address
            // is gone; the test is about exactly-once results, not about the attempt limit.
            "-e",
            "CYBERBRAIN_MAX_ATTEMPTS=10",
            "-e",
            "RUST_LOG=info",
        ],
        &controller_image,
        &["serve"],
    );

    for (n, name) in AGENTS.iter().enumerate() {
        let container = unique_name(name);
        // A fixed address, so that the agent comes back on the same one after the cut and its
        // TCP connection may resume, as it would after a real network partition.
        let address = format!("{prefix}.{}", 11 + n);
        let (cert, key) = pki.agent(name);
        sandbox.run_image(
            &container,
            &[
                "--network",
                &network,
                "--ip",
                &address,
                "--group-add",
                &docker_group,
                "-v",
                "/var/run/docker.sock:/var/run/docker.sock:ro",
                "-v",
                &mount(&pki.ca(), "/etc/cyberbrain/tls/ca.pem"),
                "-v",
                &mount(&cert, "/etc/cyberbrain/tls/agent.pem"),
                "-v",
                &mount(&key, "/etc/cyberbrain/tls/agent.key"),
                "-v",
                &mount(&nvml_library, "/opt/nvidia/libnvidia-ml.so.1"),
                "-e",
                "CYBERBRAIN_CA_CERT=/etc/cyberbrain/tls/ca.pem",
                "-e",
                "CYBERBRAIN_AGENT_CERT=/etc/cyberbrain/tls/agent.pem",
                "-e",
                "CYBERBRAIN_AGENT_KEY=/etc/cyberbrain/tls/agent.key",
                "-e",
                &format!("CYBERBRAIN_CONTROLLER=https://{controller}:7071"),
                "-e",
                &format!("CYBERBRAIN_HOSTNAME=host-{name}"),
                "-e",
                "CYBERBRAIN_NVML_LIBRARY=/opt/nvidia/libnvidia-ml.so.1",
                "-e",
                &format!("FAKE_NVML_UTILIZATION_DELAY_MS={SLOW_SAMPLE_MS}"),
                "-e",
                "RUST_LOG=info",
            ],
            &agent_image,
            &[],
        );
        fleet
            .agents
            .push((name.to_string(), container, address.clone()));
    }

    wait_for_or(
        "the three agent containers online",
        || fleet.agents_online(),
        || fleet.logs(),
    );
    // As uid 10001, each agent reaches the host's Docker through the socket's group and loads
    // NVML from its mount.
    let listed = json(&fleet.cbctl_ok(&["agent", "list", "-o", "json"]));
    for agent in listed.as_array().into_iter().flatten() {
        assert_eq!(agent["docker_reachable"], true, "{agent}");
        assert_eq!(agent["nvml_available"], true, "{agent}");
    }
    // No process of the fleet runs as root.
    let mut containers = vec![fleet.postgres.clone(), fleet.controller.clone()];
    containers.extend(fleet.agents.iter().map(|(_, c, _)| c.clone()));
    for container in &containers {
        let top = docker_cli(&["top", container, "-o", "pid,uid"]);
        let uids: Vec<&str> = top
            .lines()
            .skip(1)
            .filter_map(|line| line.split_whitespace().nth(1))
            .collect();
        assert!(
            !uids.is_empty() && uids.iter().all(|uid| *uid != "0" && *uid != "root"),
            "{container} runs as {uids:?}"
        );
    }

    let run = json(&fleet.cbctl_ok(&[
        "run",
        "launch",
        "--task",
        "gpu_report:window_ms=100",
        "--all",
        "-o",
        "json",
    ]));
    let run_id = run["id"].as_str().expect("a run id").to_string();
    wait_for_async("the three jobs running", || {
        let url = fleet.database_url.clone();
        async move {
            let running = count(&url, "SELECT count(*) FROM jobs WHERE status = 'running'").await;
            (running == 3).then_some(())
        }
    })
    .await;

    // Cut one agent off mid-job: its lease runs out and the job is handed out again.
    let (_, cut_container, cut_address) = fleet
        .agents
        .iter()
        .find(|(name, _, _)| name == CUT)
        .cloned()
        .expect("the agent to cut");
    docker_cli(&["network", "disconnect", &fleet.network, &cut_container]);
    fleet
        .wait_for_cut_job("the cut agent's lease to expire", |status, attempt| {
            status == "queued" || attempt > 1
        })
        .await;
    docker_cli(&[
        "network",
        "connect",
        "--ip",
        &cut_address,
        &fleet.network,
        &cut_container,
    ]);
    fleet
        .wait_for_cut_job("the cut agent to run its job again", |status, attempt| {
            attempt > 1 && (status == "dispatched" || status == "running")
        })
        .await;

    // The controller's container stops (SIGTERM) and starts again while that job is out again
    // (a sample takes 3 s), so its result can only be recorded by the restarted controller.
    docker_cli(&["stop", "--time", "20", &fleet.controller]);
    docker_cli(&["start", &fleet.controller]);

    let url = fleet.database_url.clone();
    let run_sql = format!("SELECT status FROM runs WHERE id = '{run_id}'");
    let status: String = {
        let (url, sql) = (&url, &run_sql);
        wait_for_async("the run to finish", || async move {
            let status: String = query(url, sql).await[0].get(0);
            (status != "pending" && status != "running").then_some(status)
        })
        .await
    };
    assert_eq!(status, "succeeded", "{}", fleet.logs());

    // Exactly one stored result per job: one `succeeded` event each, three jobs in all.
    let per_job = query(
        &url,
        &format!(
            "SELECT j.id::text, j.status, j.attempt,
                    (SELECT count(*) FROM run_events e
                      WHERE e.job_id = j.id AND e.kind = 'job' AND e.status = 'succeeded')
               FROM jobs j WHERE j.run_id = '{run_id}'"
        ),
    )
    .await;
    assert_eq!(per_job.len(), 3, "one job per agent");
    for row in &per_job {
        let (job, status, results): (String, String, i64) = (row.get(0), row.get(1), row.get(3));
        assert_eq!(status, "succeeded", "job {job}");
        assert_eq!(results, 1, "job {job}: its result is recorded once");
    }
    let (_, cut_attempt) = fleet.cut_job().await;
    eprintln!("the cut agent's job succeeded on attempt {cut_attempt}");
    assert!(
        cut_attempt > 1,
        "the cut agent's job was handed out again (attempt {cut_attempt})"
    );

    // The restarted controller serves the finished run and its report.
    let report = fleet.cbctl_ok(&["run", "report", &run_id]);
    for name in AGENTS {
        assert!(report.contains(name), "the report names {name}:\n{report}");
    }
}
