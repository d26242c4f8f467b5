//! Commands on hosts, end to end: the real controller, real agents declaring commands (a flag on
//! one, the `[exec]` section of a configuration file on the other), `cbctl exec`, real processes.

use std::path::Path;
use std::process::{Command, Stdio};

use cyberbrain_testkit::checks::{json, query, wait_agents_online, wait_for_run_status};
use cyberbrain_testkit::process::{
    AgentProcess, ControllerProcess, Pki, binary, cbctl, cbctl_ok, cbctl_with_token_file,
};
use cyberbrain_testkit::{temp_dir, wait_for, wait_for_async, wait_for_or};
use sha2::{Digest, Sha256};

/// A secret a declared command prints; it must reach neither the report nor the artifact.
const SECRET: &str = "hunter2SuperSecretValue";

/// The `[exec]` configuration of agent `b`: whoami as `nobody`, a command with an argument slot,
/// a 10 MiB flood (2,560 lines of 4 KiB: the cap cuts at line breaks), and sleepers that leave a
/// grandchild behind (its pid in `dir`).
fn exec_config(dir: &Path) -> String {
    let d = dir.display();
    format!(
        r#"
[exec.whoami]
path = "/usr/bin/whoami"
user = "nobody"

[exec.echoarg]
path = "/bin/echo"
slots = ["[a-z]+"]

[exec.flood]
path = "/bin/sh"
args = ["-c", "echo BEGIN; yes $(head -c 4095 /dev/zero | tr '\\000' a) | head -c 10485760; echo END"]

[exec.sleeper]
path = "/bin/sh"
args = ["-c", "sleep 300 & echo $! > {d}/timeout.pid; wait"]
timeout_seconds = 2

[exec.longsleep]
path = "/bin/sh"
args = ["-c", "sleep 300 & echo $! > {d}/cancel.pid; wait"]
timeout_seconds = 600

[exec.slow]
path = "/bin/sh"
args = ["-c", "echo before; while [ ! -e {d}/go ]; do sleep 0.1; done; echo after"]
timeout_seconds = 120
"#
    )
}

/// Whether process `pid` is gone (or a zombie nobody reaps).
fn process_gone(pid: &str) -> bool {
    let status =
        std::fs::read_to_string(format!("/proc/{}/status", pid.trim())).unwrap_or_default();
    status.is_empty() || status.contains("State:\tZ")
}

fn read_pid(path: &Path) -> String {
    wait_for(&format!("{} to be written", path.display()), || {
        std::fs::read_to_string(path).is_ok_and(|p| !p.trim().is_empty())
    });
    std::fs::read_to_string(path)
        .expect("pid file")
        .trim()
        .to_string()
}

fn report_json(pki: &Pki, controller: &ControllerProcess, run_id: &str) -> serde_json::Value {
    json(&cbctl_ok(
        pki,
        controller,
        &["run", "report", run_id, "-o", "json"],
    ))
}

fn last_run_id(pki: &Pki, controller: &ControllerProcess) -> String {
    let runs = json(&cbctl_ok(pki, controller, &["run", "list", "-o", "json"]));
    runs[0]["id"].as_str().expect("a run").to_string()
}

struct Fleet {
    _dir: tempfile::TempDir,
    work: std::path::PathBuf,
    pki: Pki,
    controller: ControllerProcess,
    a: AgentProcess,
    b: AgentProcess,
}

fn fleet(tag: &str) -> Fleet {
    let dir = temp_dir(tag);
    let work = dir.path().join("work");
    std::fs::create_dir_all(&work).expect("work dir");
    let pki = Pki::init(&dir.path().join("certs"), &["a", "b"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let config = dir.path().join("agent-b.toml");
    std::fs::write(&config, exec_config(&work)).expect("agent config");
    let leak = format!("leak=/bin/echo password={SECRET}");
    let a = AgentProcess::start(
        dir.path(),
        &pki,
        "a",
        &controller,
        &[
            "--allow-command",
            "whoami=/usr/bin/whoami",
            "--allow-command",
            &leak,
        ],
    );
    let config_flag = format!("--config={}", config.display());
    let b = AgentProcess::start(dir.path(), &pki, "b", &controller, &[&config_flag]);
    wait_agents_online(&pki, &controller, &["a", "b"], || {
        format!("{}\n{}", a.process.log_text(), b.process.log_text())
    });
    Fleet {
        _dir: dir,
        work,
        pki,
        controller,
        a,
        b,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn whoami_runs_on_both_hosts_and_the_agents_refuse_what_they_do_not_declare() {
    let f = fleet("exec");
    let (pki, controller) = (&f.pki, &f.controller);

    // Each host reports its command names, not paths.
    let b = json(&cbctl_ok(
        pki,
        controller,
        &["agent", "get", "b", "-o", "json"],
    ));
    assert_eq!(
        b["commands"],
        serde_json::json!(["echoarg", "flood", "longsleep", "sleeper", "slow", "whoami"]),
        "{b}"
    );
    let a_text = cbctl_ok(pki, controller, &["agent", "get", "a"]);
    assert!(a_text.contains("Commands: leak, whoami"), "{a_text}");
    assert!(!a_text.contains("/usr/bin"), "{a_text}");

    // whoami on both: a runs as the agent's user (root), b as nobody.
    let out = cbctl(pki, controller, &["exec", "--all", "--", "whoami"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("a | root\n"), "{stdout}");
    assert!(stdout.contains("b | nobody\n"), "{stdout}");
    assert!(
        stdout.contains("2 host(s), 2 succeeded, 0 failed"),
        "{stdout}"
    );
    let whoami_run = last_run_id(pki, controller);
    let report = report_json(pki, controller, &whoami_run);
    let commands = report["commands"].as_array().expect("commands");
    assert_eq!(commands.len(), 2, "{report}");
    assert!(
        commands
            .iter()
            .all(|c| c["exit_code"] == 0 && c["truncated"] == false)
    );

    // The launch is audited with the command, its arguments and the target.
    let audits = query(
        &controller.database_url(),
        &format!(
            "SELECT details::text FROM audit_events WHERE action = 'run.launch' AND object = '{whoami_run}'"
        ),
    )
    .await;
    let details: String = audits[0].get(0);
    let details = json(&details);
    assert_eq!(
        details["commands"],
        serde_json::json!([{"name": "whoami", "args": []}])
    );
    assert_eq!(details["target"], "all", "{details}");

    // A command a host does not declare: the controller sends it, the agent refuses it.
    let out = cbctl(pki, controller, &["exec", "--agent", "a", "--", "flood"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{stdout}");
    assert!(stdout.contains("refused by the agent"), "{stdout}");
    assert!(stdout.contains("not declared on this host"), "{stdout}");
    assert!(f.a.process.log_text().contains("command refused"));

    // An argument outside its slot's pattern, and one argument too many.
    let out = cbctl(
        pki,
        controller,
        &["exec", "--agent", "b", "--", "echoarg", "x;id"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{stdout}");
    assert!(stdout.contains("does not match the pattern"), "{stdout}");
    let out = cbctl(
        pki,
        controller,
        &["exec", "--agent", "b", "--", "echoarg", "ok", "more"],
    );
    assert_eq!(out.status.code(), Some(3));
    let ok = cbctl_ok(
        pki,
        controller,
        &["exec", "--agent", "b", "--", "echoarg", "hello"],
    );
    assert!(ok.contains("b | hello\n"), "{ok}");

    // No target: a usage error, nothing launched.
    let out = cbctl(pki, controller, &["exec", "--", "whoami"]);
    assert_eq!(out.status.code(), Some(2));

    // 10 MiB of output: the head and the tail are kept within 1 MiB, `truncated` set.
    let out = cbctl(
        pki,
        controller,
        &["exec", "--agent", "b", "-o", "json", "--", "flood"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let flood = json(&String::from_utf8_lossy(&out.stdout));
    let host = &flood["hosts"][0];
    assert_eq!(host["truncated"], true, "{}", host["output_bytes"]);
    assert_eq!(host["output_bytes"], 6 + 10_485_760 + 4);
    let output = host["output"].as_str().expect("output");
    assert!(output.starts_with("BEGIN\naaaa"));
    assert!(output.ends_with("aaaa\nEND\n"));
    assert!(output.contains("bytes of output dropped"));
    assert!(output.len() < 1024 * 1024 + 200, "{}", output.len());

    // A secret printed by a command: redacted in the report and in the artifact.
    let out = cbctl_ok(pki, controller, &["exec", "--agent", "a", "--", "leak"]);
    assert!(!out.contains(SECRET), "{out}");
    let leak_run = last_run_id(pki, controller);
    let markdown = cbctl_ok(pki, controller, &["run", "report", &leak_run]);
    assert!(markdown.contains("## Commands"), "{markdown}");
    assert!(markdown.contains("password="), "{markdown}");
    assert!(!markdown.contains(SECRET), "{markdown}");
    // The artifact is written once the run has ended, after `exec` has shown the output.
    let sql = format!(
        "SELECT relative_path, sha256, size_bytes FROM artifacts \
         WHERE kind = 'command_output' AND run_id = '{leak_run}'"
    );
    let database_url = controller.database_url();
    let artifacts = wait_for_async("the command output artifact", || async {
        let rows = query(&database_url, &sql).await;
        (!rows.is_empty()).then_some(rows)
    })
    .await;
    assert_eq!(artifacts.len(), 1);
    let relative: String = artifacts[0].get(0);
    let sha: String = artifacts[0].get(1);
    let file = std::fs::read(controller.state_dir.join("artifacts").join(&relative))
        .expect("the artifact file");
    assert_eq!(format!("{:x}", Sha256::digest(&file)), sha);
    let text = String::from_utf8_lossy(&file);
    assert!(
        text.contains("password=") && !text.contains(SECRET),
        "{text}"
    );
    let everything = query(
        &controller.database_url(),
        "SELECT coalesce(string_agg(result::text, ''), '') FROM jobs",
    )
    .await;
    let stored: String = everything[0].get(0);
    assert!(!stored.contains(SECRET));
    let _ = &f.b;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timeouts_and_cancels_kill_the_whole_process_group() {
    let f = fleet("exec-kill");
    let (pki, controller) = (&f.pki, &f.controller);

    // Past its 2 s timeout: the command and the grandchild it left are gone.
    let out = cbctl(
        pki,
        controller,
        &["exec", "--agent", "b", "-o", "json", "--", "sleeper"],
    );
    assert_eq!(out.status.code(), Some(3));
    let result = json(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(result["hosts"][0]["timed_out"], true, "{result}");
    let grandchild = read_pid(&f.work.join("timeout.pid"));
    wait_for("the timed-out command's grandchild to be gone", || {
        process_gone(&grandchild)
    });

    // Cancelled while it runs: the same.
    let mut exec = Command::new(binary("cbctl"))
        .args(["--server", &format!("https://{}", controller.api)])
        .arg("--ca-cert")
        .arg(pki.ca())
        .arg("--token-file")
        .arg(controller.admin_token_path())
        .args(["exec", "--agent", "b", "--", "longsleep"])
        .env(
            "CYBERBRAIN_CONFIG",
            "/nonexistent/cyberbrain-test-config.toml",
        )
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("cbctl exec starts");
    let grandchild = read_pid(&f.work.join("cancel.pid"));
    assert!(!process_gone(&grandchild));
    let run_id = last_run_id(pki, controller);
    cbctl_ok(pki, controller, &["run", "cancel", &run_id, "--yes"]);
    wait_for_or(
        "the cancelled command's grandchild to be gone",
        || process_gone(&grandchild),
        || f.b.process.log_text(),
    );
    wait_for("cbctl exec to end with the run", || {
        exec.try_wait().ok().flatten().is_some()
    });
    assert_eq!(exec.wait().expect("status").code(), Some(3));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn output_survives_a_reconnect_and_only_operators_may_run_commands() {
    let mut f = fleet("exec-reconnect");

    // A viewer may not launch a command; an operator may.
    let viewer = cbctl_ok(
        &f.pki,
        &f.controller,
        &["token", "create", "v", "--role", "viewer"],
    );
    let operator = cbctl_ok(
        &f.pki,
        &f.controller,
        &["token", "create", "o", "--role", "operator"],
    );
    let viewer_file = f.work.join("viewer.token");
    let operator_file = f.work.join("operator.token");
    std::fs::write(&viewer_file, viewer.trim()).expect("token file");
    std::fs::write(&operator_file, operator.trim()).expect("token file");
    let denied = cbctl_with_token_file(
        &f.pki,
        &f.controller,
        &viewer_file,
        &["exec", "--all", "--", "whoami"],
    );
    assert_eq!(denied.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&denied.stderr).contains("permission"),
        "{}",
        String::from_utf8_lossy(&denied.stderr)
    );
    let allowed = cbctl_with_token_file(
        &f.pki,
        &f.controller,
        &operator_file,
        &["exec", "--all", "--", "whoami"],
    );
    assert!(allowed.status.success());

    // The output streams while the command runs; the controller goes away in the middle, and
    // the agent delivers the rest and the result after reconnecting, nothing lost or repeated.
    let streamed = f.work.join("exec-stdout.txt");
    let mut exec = Command::new(binary("cbctl"))
        .args(["--server", &format!("https://{}", f.controller.api)])
        .arg("--ca-cert")
        .arg(f.pki.ca())
        .arg("--token-file")
        .arg(&operator_file)
        .args(["exec", "--agent", "b", "--", "slow"])
        .env(
            "CYBERBRAIN_CONFIG",
            "/nonexistent/cyberbrain-test-config.toml",
        )
        .stdout(std::fs::File::create(&streamed).expect("stdout file"))
        .stderr(Stdio::null())
        .spawn()
        .expect("cbctl exec starts");
    wait_for_or(
        "the first line to stream to cbctl while the command waits",
        || std::fs::read_to_string(&streamed).is_ok_and(|t| t.contains("b | before\n")),
        || f.b.process.log_text(),
    );
    assert!(
        !std::fs::read_to_string(&streamed)
            .unwrap_or_default()
            .contains("after")
    );
    let run_id = last_run_id(&f.pki, &f.controller);
    f.controller.kill9();
    let _ = exec.kill();
    let _ = exec.wait();
    std::fs::write(f.work.join("go"), "").expect("go file");
    f.controller.restart();
    wait_for_run_status(&f.pki, &f.controller, &run_id, "succeeded");
    let report = report_json(&f.pki, &f.controller, &run_id);
    assert_eq!(
        report["commands"][0]["output"], "before\nafter\n",
        "{report}"
    );
    let pieces = query(
        &f.controller.database_url(),
        &format!(
            "SELECT o.sequence, o.text FROM job_output o JOIN jobs j ON j.id = o.job_id \
             WHERE j.run_id = '{run_id}' ORDER BY o.attempt, o.sequence"
        ),
    )
    .await;
    let pieces: Vec<(i64, String)> = pieces.iter().map(|r| (r.get(0), r.get(1))).collect();
    assert_eq!(
        pieces,
        [(1, "before\n".to_string()), (2, "after\n".to_string())],
        "each piece once, in order"
    );
    let _ = &f.a;
}

/// A stand-in controller on the agent link: welcomes the agent, assigns what the test says
/// (whatever it is: no controller-side check stands in between), and hands back the results.
struct StandInLink {
    assign: cyberbrain_proto::agent::v1::Assign,
    results: tokio::sync::mpsc::Sender<cyberbrain_proto::agent::v1::JobResult>,
}

#[tonic::async_trait]
impl cyberbrain_proto::agent::v1::agent_link_server::AgentLink for StandInLink {
    type AttachStream = tokio_stream::wrappers::ReceiverStream<
        Result<cyberbrain_proto::agent::v1::ControllerMessage, tonic::Status>,
    >;

    async fn attach(
        &self,
        request: tonic::Request<tonic::Streaming<cyberbrain_proto::agent::v1::AgentMessage>>,
    ) -> Result<tonic::Response<Self::AttachStream>, tonic::Status> {
        use cyberbrain_proto::agent::v1 as link;
        use link::agent_message::Message as Up;
        use link::controller_message::Message as Down;
        let mut inbound = request.into_inner();
        let (tx, rx) = tokio::sync::mpsc::channel(16);
        let (assign, results) = (self.assign.clone(), self.results.clone());
        tokio::spawn(async move {
            let down = |m| Ok(link::ControllerMessage { message: Some(m) });
            let welcome = link::Welcome {
                agent_id: uuid::Uuid::new_v4().to_string(),
                agent_name: "a".into(),
                heartbeat_interval_seconds: 1,
                allowlist: Vec::new(),
                acks_heartbeats: false,
            };
            let _ = tx.send(down(Down::Welcome(welcome))).await;
            let _ = tx.send(down(Down::Assign(assign))).await;
            while let Ok(Some(message)) = inbound.message().await {
                match message.message {
                    Some(Up::JobResult(result)) => {
                        let ack = link::Ack {
                            job_id: result.job_id.clone(),
                            attempt: result.attempt,
                        };
                        let _ = tx.send(down(Down::Ack(ack))).await;
                        let _ = results.send(result).await;
                    }
                    Some(Up::Heartbeat(_)) => {
                        let _ = tx
                            .send(down(Down::HeartbeatAck(link::HeartbeatAck {})))
                            .await;
                    }
                    _ => {}
                }
            }
        });
        Ok(tonic::Response::new(
            tokio_stream::wrappers::ReceiverStream::new(rx),
        ))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_refuses_an_undeclared_command_sent_to_it_directly() {
    use cyberbrain_proto::agent::v1 as link;
    use cyberbrain_proto::v1 as pb;

    let dir = temp_dir("exec-direct");
    let pki = Pki::init(&dir.path().join("certs"), &["a"]);
    let marker = dir.path().join("should-not-exist");
    // A command the agent does not declare, which would leave a trace if it ran.
    let assign = link::Assign {
        job_id: uuid::Uuid::new_v4().to_string(),
        run_id: uuid::Uuid::new_v4().to_string(),
        attempt: 1,
        task: Some(pb::TaskSpec {
            task: Some(pb::task_spec::Task::Command(pb::CommandTask {
                name: "touch".into(),
                args: vec![marker.display().to_string()],
            })),
            ..Default::default()
        }),
        allowlist: Vec::new(),
        deadline_seconds: 30,
        trace_context: Default::default(),
    };
    let (results_tx, mut results) = tokio::sync::mpsc::channel(4);
    let address = cyberbrain_testkit::api::serve_stand_in_link(
        &pki,
        StandInLink {
            assign,
            results: results_tx,
        },
    )
    .await;
    let agent = AgentProcess::start_with(
        dir.path(),
        &pki,
        "a",
        &[address.as_str()],
        &["--allow-command", "whoami=/usr/bin/whoami"],
        &[],
    );
    let result = tokio::time::timeout(std::time::Duration::from_secs(60), results.recv())
        .await
        .unwrap_or_else(|_| panic!("no result from the agent: {}", agent.process.log_text()))
        .expect("a result");
    match result.outcome {
        Some(link::job_result::Outcome::Error(error)) => {
            assert!(error.contains("refused by the agent"), "{error}");
            assert!(error.contains("\"touch\" is not declared"), "{error}");
        }
        other => panic!("the agent ran an undeclared command: {other:?}"),
    }
    assert!(!marker.exists(), "the undeclared command ran");
    wait_for("the agent to log the refusal", || {
        agent.process.log_text().contains("command refused")
    });
}
