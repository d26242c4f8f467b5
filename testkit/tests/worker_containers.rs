//! Worker containers, end to end: the real controller and agent, the host's Docker engine, an
//! image built here from the host's static busybox (no pulls), pinned by its digest.

use std::process::Command;

use cyberbrain_testkit::checks::{json, query, wait_agents_online, wait_for_run_status};
use cyberbrain_testkit::docker::Sandbox;
use cyberbrain_testkit::images::ImageRecipe;
use cyberbrain_testkit::process::{
    AgentProcess, ControllerProcess, Pki, cbctl, cbctl_ok, cbctl_with_token_file,
};
use cyberbrain_testkit::{temp_dir, wait_for_or};

/// The worker image, built once, as `NAME@sha256:<id>` and its repository name.
fn worker_image() -> (String, String) {
    let tag = ImageRecipe::new("worker")
        .busybox(&["echo", "id", "sleep"])
        .build();
    let id = docker(&["image", "inspect", "--format", "{{.Id}}", &tag]);
    let name = tag.rsplit_once(':').expect("tag").0.to_string();
    let digest = id.trim().strip_prefix("sha256:").expect("an image id");
    (format!("{name}@sha256:{digest}"), name)
}

fn docker(args: &[&str]) -> String {
    let out = Command::new("docker").args(args).output().expect("docker");
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// The ids of the worker containers of this test's image.
fn workers(image: &str) -> Vec<String> {
    docker(&[
        "ps",
        "-aq",
        "--filter",
        "label=cyberbrain.job",
        "--filter",
        &format!("label=cyberbrain.image={image}"),
    ])
    .split_whitespace()
    .map(str::to_string)
    .collect()
}

fn last_run_id(pki: &Pki, controller: &ControllerProcess) -> String {
    let runs = json(&cbctl_ok(pki, controller, &["run", "list", "-o", "json"]));
    runs[0]["id"].as_str().expect("a run").to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pinned_listed_image_runs_hardened_and_everything_else_is_refused() {
    let (image, name) = worker_image();
    // Dropped last, after the agent has stopped: no worker of this test outlives it, even when
    // it fails (a leftover would count as this run's in the next one).
    let _sweep = WorkerSweep(image.clone());
    let dir = temp_dir("workers");
    let pki = Pki::init(&dir.path().join("certs"), &["a"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let allow = image.clone();
    let start_agent = || {
        AgentProcess::start(
            dir.path(),
            &pki,
            "a",
            &controller,
            &["--allow-image", &allow],
        )
    };
    let mut agent = start_agent();
    wait_agents_online(&pki, &controller, &["a"], || agent.process.log_text());

    // The host offers its image; `cbctl agent get` lists it.
    let shown = json(&cbctl_ok(
        &pki,
        &controller,
        &["agent", "get", "a", "-o", "json"],
    ));
    assert_eq!(shown["images"], serde_json::json!([image]), "{shown}");

    // Unpinned: refused before anything is sent.
    let out = cbctl(
        &pki,
        &controller,
        &[
            "run",
            "launch",
            "--agent",
            "a",
            "--task",
            &format!("container:image={name}:latest"),
        ],
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("pinned by digest"));

    // Not on the controller's worker-image allowlist: refused at launch, naming the field.
    let task = format!("container:image={image},arg=/bin/sh,arg=-c,arg=id -u; echo hello; exit 3");
    let out = cbctl(
        &pki,
        &controller,
        &["run", "launch", "--agent", "a", "--task", &task],
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("container.image"), "{stderr}");

    cbctl_ok(
        &pki,
        &controller,
        &[
            "allowlist",
            "add",
            "--kind",
            "worker-image",
            &format!("{name}@sha256:*"),
        ],
    );

    // An operator may not launch a container; an admin may.
    let operator = cbctl_ok(
        &pki,
        &controller,
        &["token", "create", "o", "--role", "operator"],
    );
    let operator_file = dir.path().join("operator.token");
    std::fs::write(&operator_file, operator.trim()).expect("token file");
    let denied = cbctl_with_token_file(
        &pki,
        &controller,
        &operator_file,
        &["run", "launch", "--agent", "a", "--task", &task],
    );
    assert_eq!(denied.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&denied.stderr).contains("admin"));

    // The admin's run: output and exit code recorded, as for a command.
    cbctl_ok(
        &pki,
        &controller,
        &["run", "launch", "--agent", "a", "--task", &task],
    );
    let run_id = last_run_id(&pki, &controller);
    wait_for_run_status_any(&pki, &controller, &run_id);
    let report = json(&cbctl_ok(
        &pki,
        &controller,
        &["run", "report", &run_id, "-o", "json"],
    ));
    let result = &report["commands"][0];
    assert_eq!(result["exit_code"], 3, "{report}");
    assert_eq!(result["name"], image.as_str());
    assert_eq!(result["output"], "65534\nhello\n", "{report}");
    assert!(
        workers(&image).is_empty(),
        "the container is removed after the run"
    );

    // Audited with the image and the target.
    let audits = query(
        &controller.database_url(),
        &format!("SELECT details::text FROM audit_events WHERE action = 'run.launch' AND object = '{run_id}'"),
    )
    .await;
    let details = json(&audits[0].get::<_, String>(0));
    assert_eq!(
        details["containers"][0]["image"],
        image.as_str(),
        "{details}"
    );
    assert_eq!(details["target"], "agents=a", "{details}");

    // A digest the controller admits (NAME@sha256:*) but the host does not list: the agent refuses.
    let other = format!("container:image={name}@sha256:{}", "f".repeat(64));
    cbctl_ok(
        &pki,
        &controller,
        &["run", "launch", "--agent", "a", "--task", &other],
    );
    let refused_run = last_run_id(&pki, &controller);
    let run = wait_for_run_status(&pki, &controller, &refused_run, "failed");
    assert!(
        run.to_string().contains("not allowed on this host"),
        "{run}"
    );

    // A long-running worker: hardened, as `docker inspect` shows; then the agent is killed, and
    // the worker it left is removed when it comes back.
    let sleeper = format!("container:image={image},args=/bin/sleep 300,deadline=10m");
    cbctl_ok(
        &pki,
        &controller,
        &["run", "launch", "--agent", "a", "--task", &sleeper],
    );
    wait_for_or(
        "the worker container to run",
        || !workers(&image).is_empty(),
        || agent.process.log_text(),
    );
    let id = workers(&image)[0].clone();
    let inspect = json(&docker(&["inspect", &id]));
    let host = &inspect[0]["HostConfig"];
    assert_eq!(host["ReadonlyRootfs"], true, "{host}");
    assert_eq!(host["CapDrop"], serde_json::json!(["ALL"]), "{host}");
    assert_eq!(
        host["SecurityOpt"],
        serde_json::json!(["no-new-privileges:true"])
    );
    assert_eq!(host["NetworkMode"], "none");
    assert_eq!(host["PidsLimit"], 256);
    assert_eq!(host["Memory"], 512 * 1024 * 1024);
    assert_eq!(host["NanoCpus"], 1_000_000_000i64);
    assert_eq!(host["Privileged"], false);
    assert!(host["Tmpfs"]["/tmp"].is_string(), "{host}");
    assert!(host["Binds"].is_null(), "{host}");
    assert_eq!(inspect[0]["Mounts"], serde_json::json!([]));
    assert_eq!(inspect[0]["Config"]["User"], "65534:65534");
    assert!(
        host["DeviceRequests"].is_null(),
        "no GPU unless asked and allowed"
    );

    // Another agent's worker on the same engine (another owner id): never this agent's to remove.
    let mut sandbox = Sandbox::default();
    let neighbour = sandbox.run(
        "neighbour",
        &[
            "--label",
            "cyberbrain.job=a-neighbours-job",
            "--label",
            "cyberbrain.owner=5b0a7c1e-0000-4000-8000-000000000001",
        ],
        "sleep 300",
    );

    agent.process.kill9();
    assert_eq!(
        workers(&image),
        vec![id.clone()],
        "the orphan outlives the agent"
    );
    agent = start_agent();
    // The orphan itself: the controller may already have sent the job's next attempt to the
    // restarted agent, whose new worker is no orphan.
    wait_for_or(
        "the restarted agent to remove the orphan",
        || !workers(&image).contains(&id),
        || agent.process.log_text(),
    );
    assert!(
        agent
            .process
            .log_text()
            .contains("left by a previous agent")
    );
    let running = docker(&["inspect", "--format", "{{.State.Running}}", &neighbour]);
    assert_eq!(running.trim(), "true", "another agent's worker was removed");
    // The job's next attempt may be running on the restarted agent: `_sweep` removes it.
}

/// Removes the worker containers of its image when dropped.
struct WorkerSweep(String);

impl Drop for WorkerSweep {
    fn drop(&mut self) {
        let left = workers(&self.0);
        if !left.is_empty() {
            let mut remove = vec!["rm", "-f"];
            remove.extend(left.iter().map(String::as_str));
            docker(&remove);
        }
    }
}

/// Waits for the run to end, whatever its status.
fn wait_for_run_status_any(pki: &Pki, controller: &ControllerProcess, run_id: &str) {
    let get = || {
        json(&cbctl_ok(
            pki,
            controller,
            &["run", "get", run_id, "-o", "json"],
        ))
    };
    wait_for_or(
        &format!("run {run_id} to end"),
        || {
            matches!(
                get()["status"].as_str(),
                Some("succeeded" | "failed" | "partial")
            )
        },
        || get().to_string(),
    );
}
