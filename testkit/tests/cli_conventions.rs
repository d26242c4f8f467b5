//! `cbctl`'s conventions end to end, against a real controller and real agents: what it prints
//! is safe for a terminal, JSON where asked, quiet on a closed pipe; exit codes say how a run
//! ended; bad flags get one line naming the flag.

use std::io::Read;
use std::process::{Command, Output, Stdio};

use cyberbrain_testkit::checks::{json, launch_gpu_run, wait_agents_online};
use cyberbrain_testkit::docker::{Sandbox, wait_for_log_lines};
use cyberbrain_testkit::fixtures::SlowGpuFleet;
use cyberbrain_testkit::process::{
    AgentProcess, ControllerOptions, ControllerProcess, Pki, binary, cbctl, cbctl_ok,
};
use cyberbrain_testkit::temp_dir;

/// A container that tries to take over the terminal of whoever reads its logs: a full reset
/// (ESC c), cursor home and clear screen (ESC [H ESC [J), an OSC title (ESC ] … BEL), a C1 CSI
/// and a carriage return that would hide the line's start.
const HOSTILE_SCRIPT: &str = "printf 'ERROR boom \\033c reset\\n'; \
    printf 'ERROR clear \\033[H\\033[J screen\\n'; \
    printf 'ERROR title \\033]0;pwned\\007 osc\\n'; \
    printf 'ERROR c1 \\302\\2332J csi\\n'; \
    printf 'ERROR hidden\\rshown\\n'; sleep 3600";

/// Bytes that act on a terminal: every C0 control but tab and newline, DEL, and C1 controls
/// (as UTF-8: 0xC2 0x80..=0x9F).
fn terminal_controls(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.char_indices()
        .filter(|(_, c)| {
            (c.is_control() && *c != '\n' && *c != '\t') || ('\u{80}'..='\u{9f}').contains(c)
        })
        .map(|(i, c)| format!("U+{:04X} at {i}", c as u32))
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).to_string()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).to_string()
}

/// One line on stderr, exit code 2, naming `flag`.
fn assert_usage_error(output: &Output, flag: &str) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    assert!(err.contains(flag), "names {flag}: {err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn escape_sequences_from_a_container_never_reach_the_terminal() {
    let dir = temp_dir("cli-escapes");
    let pki = Pki::init(&dir.path().join("certs"), &["alpha", "alphabet"]);
    let mut docker = Sandbox::default();
    let hostile = docker.run("hostile", &[], HOSTILE_SCRIPT);
    wait_for_log_lines(&hostile, 5);

    let controller = ControllerProcess::start(dir.path(), &pki);
    let _alpha = AgentProcess::start(
        dir.path(),
        &pki,
        "alpha",
        &controller,
        &["--nvml-library", "/nonexistent/libnvidia-ml.so"],
    );
    let _alphabet = AgentProcess::start(
        dir.path(),
        &pki,
        "alphabet",
        &controller,
        &["--nvml-library", "/nonexistent/libnvidia-ml.so"],
    );
    wait_agents_online(&pki, &controller, &["alpha", "alphabet"], String::new);
    cbctl_ok(&pki, &controller, &["allowlist", "add", &hostile]);
    let launch = cbctl(
        &pki,
        &controller,
        &[
            "run",
            "launch",
            "--task",
            "log_triage:tail=100,since=1h",
            "--all",
            "--watch",
        ],
    );
    assert_eq!(launch.status.code(), Some(0), "{}", stderr(&launch));
    let runs = json(&cbctl_ok(&pki, &controller, &["run", "list", "-o", "json"]));
    let run_id = runs[0]["id"].as_str().expect("a run id").to_string();

    // Escape sequences are removed where lines are mined (a colour code would split an event
    // and hide secrets from redaction); the other controls stay in the JSON report (escaped by
    // JSON itself)…
    let report = json(&cbctl_ok(
        &pki,
        &controller,
        &["run", "report", &run_id, "-o", "json"],
    ));
    let raw = report.to_string();
    assert!(
        !raw.contains("\\u001b") && !raw.contains('\u{1b}'),
        "no escape sequence is kept: {raw}"
    );
    assert!(
        raw.contains("hidden\\rshown"),
        "the JSON report keeps the container's other bytes: {raw}"
    );
    // …while Markdown and every table show them without obeying them.
    let markdown = cbctl(&pki, &controller, &["run", "report", &run_id]);
    assert!(markdown.status.success(), "{}", stderr(&markdown));
    assert_eq!(
        terminal_controls(&markdown.stdout),
        Vec::<String>::new(),
        "{}",
        stdout(&markdown)
    );
    // The report neutralises on the controller (a carriage return as ␍); cbctl's sink would
    // show \r.
    assert!(
        stdout(&markdown).contains('\u{240d}') || stdout(&markdown).contains("\\r"),
        "the carriage return is shown: {}",
        stdout(&markdown)
    );
    for args in [
        &["run", "get", &run_id][..],
        &["run", "watch", &run_id],
        &["run", "list"],
        &["agent", "list"],
        &["run", "get", &run_id, "-o", "wide"],
    ] {
        let out = cbctl(&pki, &controller, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        for stream in [&out.stdout, &out.stderr] {
            assert_eq!(
                terminal_controls(stream),
                Vec::<String>::new(),
                "{args:?}: {}",
                String::from_utf8_lossy(stream)
            );
        }
    }

    // Agents by name or a unique prefix of it: an exact name wins, an ambiguous prefix lists the
    // candidates, a short one is a usage error naming the argument.
    let get = |who: &str| {
        json(&cbctl_ok(
            &pki,
            &controller,
            &["agent", "get", who, "-o", "json"],
        ))
    };
    assert_eq!(get("alpha")["name"], "alpha");
    assert_eq!(get("alphab")["name"], "alphabet");
    let ambiguous = cbctl(&pki, &controller, &["agent", "get", "alph"]);
    assert_eq!(ambiguous.status.code(), Some(1), "{}", stderr(&ambiguous));
    assert!(
        stderr(&ambiguous).contains("alpha, alphabet"),
        "{}",
        stderr(&ambiguous)
    );
    let unknown = cbctl(&pki, &controller, &["agent", "get", "zzzz"]);
    assert_eq!(unknown.status.code(), Some(1), "{}", stderr(&unknown));
    assert_usage_error(
        &cbctl(&pki, &controller, &["agent", "get", "alp"]),
        "<NAME>",
    );

    // Completion candidates come from the controller.
    let complete = |words: &[&str]| -> String {
        let out = Command::new(binary("cbctl"))
            .env("COMPLETE", "bash")
            .env("_CLAP_COMPLETE_INDEX", words.len().to_string())
            .env("CYBERBRAIN_SERVER", format!("https://{}", controller.api))
            .env("CYBERBRAIN_CA_CERT", pki.ca())
            .env("CYBERBRAIN_TOKEN_FILE", controller.admin_token_path())
            .env(
                "CYBERBRAIN_CONFIG",
                "/nonexistent/cyberbrain-test-config.toml",
            )
            .arg("--")
            .arg("cbctl")
            .args(words)
            .output()
            .expect("cbctl completes");
        assert!(out.status.success(), "{words:?}: {}", stderr(&out));
        stdout(&out)
    };
    cbctl_ok(
        &pki,
        &controller,
        &["directive", "create", "d1", "--task", "service_map"],
    );
    let agents = complete(&["agent", "get", "alp"]);
    assert!(agents.lines().any(|l| l == "alphabet"), "{agents}");
    let runs = complete(&["run", "report", ""]);
    assert!(runs.lines().any(|l| l == run_id), "{runs}");
    let directives = complete(&["run", "launch", ""]);
    assert!(directives.lines().any(|l| l == "d1"), "{directives}");
    let kinds = complete(&["run", "launch", "--task", ""]);
    assert!(kinds.lines().any(|l| l == "log_triage"), "{kinds}");

    // directive update changes only what is given.
    cbctl_ok(
        &pki,
        &controller,
        &["directive", "update", "d1", "--task", "log_triage:top=20"],
    );
    cbctl_ok(
        &pki,
        &controller,
        &["directive", "update", "d1", "--description", "the map"],
    );
    let planned = json(&cbctl_ok(
        &pki,
        &controller,
        &[
            "directive",
            "update",
            "d1",
            "--llm",
            "off",
            "--dry-run",
            "-o",
            "json",
        ],
    ));
    assert_eq!(planned["version"], 4, "{planned}");
    assert_eq!(planned["llm"], false, "{planned}");
    let d1 = json(&cbctl_ok(
        &pki,
        &controller,
        &["directive", "get", "d1", "-o", "json"],
    ));
    assert_eq!(d1["version"], 3, "{d1}");
    assert_eq!(d1["description"], "the map", "{d1}");
    let tasks = d1["tasks"].to_string();
    assert!(
        tasks.contains("service_map") && tasks.contains("top=20"),
        "{d1}"
    );

    // Destructive commands refuse without --yes when nobody can be asked.
    for args in [
        &["directive", "delete", "d1"][..],
        &["run", "cancel", &run_id],
        &["agent", "revoke", "alphabet"],
        &["token", "revoke", "nobody"],
    ] {
        assert_usage_error(&cbctl(&pki, &controller, args), "--yes");
    }
    let agent = json(&cbctl_ok(
        &pki,
        &controller,
        &["agent", "get", "alphabet", "-o", "json"],
    ));
    assert_ne!(agent["state"], "revoked", "{agent}");

    // Every read command under -o json parses as JSON, and so does its YAML as YAML.
    cbctl_ok(
        &pki,
        &controller,
        &["token", "create", "t1", "--role", "viewer"],
    );
    for args in [
        &["run", "list"][..],
        &["run", "get", &run_id],
        &["run", "report", &run_id],
        &["agent", "list"],
        &["agent", "get", "alpha"],
        &["directive", "list"],
        &["directive", "get", "d1"],
        &["directive", "get", "d1", "--version", "1"],
        &["allowlist", "list"],
        &["token", "list"],
        &["audit", "list", "--since", "1h"],
        &["usage", "tokens"],
        &["usage", "cost"],
        &["llm", "providers"],
    ] {
        for format in ["json", "yaml"] {
            if format == "yaml" && args[1] == "report" {
                continue;
            }
            let mut with = args.to_vec();
            with.extend(["-o", format]);
            let text = cbctl_ok(&pki, &controller, &with);
            if format == "json" {
                serde_json::from_str::<serde_json::Value>(&text)
                    .unwrap_or_else(|e| panic!("{with:?} is not JSON ({e}): {text}"));
            } else {
                serde_yaml::from_str::<serde_yaml::Value>(&text)
                    .unwrap_or_else(|e| panic!("{with:?} is not YAML ({e}): {text}"));
            }
        }
    }
}

/// `cbctl` with its stdout closed before it writes: as `cbctl run list | head -1` once `head`
/// has its line.
fn with_closed_stdout(pki: &Pki, controller: &ControllerProcess, args: &[&str]) -> Output {
    let mut child = Command::new(binary("cbctl"))
        .arg("--server")
        .arg(format!("https://{}", controller.api))
        .arg("--ca-cert")
        .arg(pki.ca())
        .arg("--token-file")
        .arg(controller.admin_token_path())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cbctl starts");
    // Closing the read end before cbctl has connected makes its first write fail with EPIPE.
    drop(child.stdout.take());
    let mut err = Vec::new();
    if let Some(mut pipe) = child.stderr.take() {
        let _ = pipe.read_to_end(&mut err);
    }
    let status = child.wait().expect("cbctl ends");
    Output {
        status,
        stdout: Vec::new(),
        stderr: err,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn runs_are_followed_with_timeouts_json_lines_and_exit_codes() {
    let fleet = SlowGpuFleet::start("cli-wait", "gamma", ControllerOptions::default());
    let (pki, controller) = (&fleet.pki, &fleet.controller);

    // A gpu_report that takes 4 s: a one-second wait gives up with exit code 4.
    let run_id = launch_gpu_run(pki, controller, "gamma");
    let wait = cbctl(
        pki,
        controller,
        &["run", "wait", &run_id, "--timeout", "1s"],
    );
    assert_eq!(wait.status.code(), Some(4), "{}", stderr(&wait));
    assert!(stderr(&wait).contains("timed out"), "{}", stderr(&wait));
    // Watching it to the end with -o json: one JSON object a line, the last one the outcome.
    let watch = cbctl(pki, controller, &["run", "watch", &run_id, "-o", "json"]);
    assert_eq!(watch.status.code(), Some(0), "{}", stderr(&watch));
    let lines: Vec<serde_json::Value> = stdout(&watch)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert_eq!(lines.first().map(|l| l["kind"].clone()), Some("run".into()));
    let end = lines.last().expect("an end line");
    assert_eq!(
        (&end["kind"], &end["status"]),
        (&"end".into(), &"succeeded".into())
    );
    assert_eq!(end["jobs"]["succeeded"], 1, "{end}");
    // A finished run: wait returns at once, 0.
    let wait = cbctl(
        pki,
        controller,
        &["run", "wait", &run_id, "--timeout", "30s"],
    );
    assert_eq!(wait.status.code(), Some(0), "{}", stderr(&wait));
    assert!(stderr(&wait).contains("1 job"), "{}", stderr(&wait));

    // On a terminal (a pty from `script`), a live summary line counts the jobs as they go.
    let slow = launch_gpu_run(pki, controller, "gamma");
    let line = format!(
        "'{}' --server 'https://{}' --ca-cert '{}' --token-file '{}' run watch {slow}",
        binary("cbctl").display(),
        controller.api,
        pki.ca().display(),
        controller.admin_token_path().display()
    );
    let on_tty = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env(
            "CYBERBRAIN_CONFIG",
            "/nonexistent/cyberbrain-test-config.toml",
        )
        .output()
        .expect("script runs");
    let seen = stdout(&on_tty);
    assert_eq!(on_tty.status.code(), Some(0), "{seen}");
    assert!(
        seen.contains("0/1 done, 1 running"),
        "a live line: {seen:?}"
    );
    assert!(seen.contains("1 job: 1 succeeded"), "the summary: {seen:?}");

    // launch --watch -o json: the run, then its events, on stdout.
    let launch = cbctl(
        pki,
        controller,
        &[
            "run",
            "launch",
            "--task",
            "gpu_report:window_ms=100",
            "--agent",
            "gamma",
            "--watch",
            "--timeout",
            "2m",
            "-o",
            "json",
        ],
    );
    assert_eq!(launch.status.code(), Some(0), "{}", stderr(&launch));
    let lines: Vec<serde_json::Value> = stdout(&launch)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(lines.len() >= 3, "the run, events, the end: {lines:?}");
    assert_eq!(lines[0]["kind"], "run");
    assert!(lines[0]["run"]["id"].is_string(), "{}", lines[0]);
    // Once: the watch's snapshot (a real sequence), not the launch's answer before it as well.
    assert_ne!(lines[0]["sequence"], 0, "{lines:?}");

    // Runs by a unique prefix of their id, found by the controller.
    let short = &run_id[..8];
    let got = json(&cbctl_ok(
        pki,
        controller,
        &["run", "get", short, "-o", "json"],
    ));
    assert_eq!(got["id"], run_id.as_str());
    let upper = run_id[..6].to_uppercase();
    let got = json(&cbctl_ok(
        pki,
        controller,
        &["run", "get", &upper, "-o", "json"],
    ));
    assert_eq!(got["id"], run_id.as_str());
    let unknown_prefix = if run_id.starts_with("0000") {
        "ffff"
    } else {
        "0000"
    };
    let unknown = cbctl(pki, controller, &["run", "get", unknown_prefix]);
    assert_eq!(unknown.status.code(), Some(1), "{}", stderr(&unknown));
    assert!(
        stderr(&unknown).contains("no run matches"),
        "{}",
        stderr(&unknown)
    );
    assert_usage_error(
        &cbctl(pki, controller, &["run", "get", &run_id[..3]]),
        "<ID>",
    );
    assert_usage_error(&cbctl(pki, controller, &["run", "report", "zz%_"]), "<ID>");

    // --dry-run: the controller resolves the targets and jobs and writes nothing.
    let runs_before = json(&cbctl_ok(pki, controller, &["run", "list", "-o", "json"]));
    let plan = json(&cbctl_ok(
        pki,
        controller,
        &[
            "run",
            "launch",
            "--task",
            "service_map",
            "--task",
            "gpu_report",
            "--all",
            "--dry-run",
            "-o",
            "json",
        ],
    ));
    assert_eq!(plan["id"], "", "{plan}");
    assert_eq!(plan["jobs"].as_array().map(Vec::len), Some(2), "{plan}");
    assert_eq!(plan["jobs"][0]["agent"], "gamma", "{plan}");
    let dry = cbctl(
        pki,
        controller,
        &["run", "launch", "--agent", "nobody", "--dry-run"],
    );
    assert_eq!(dry.status.code(), Some(1), "{}", stderr(&dry));
    assert!(
        stderr(&dry).contains("--agent"),
        "the flag in words: {}",
        stderr(&dry)
    );
    let runs_after = json(&cbctl_ok(pki, controller, &["run", "list", "-o", "json"]));
    assert_eq!(runs_before, runs_after, "a dry run writes nothing");

    // A closed pipe ends the command quietly.
    for args in [
        &["run", "list", "--limit", "50"][..],
        &["run", "get", &run_id],
        &["audit", "list"],
        &["run", "report", &run_id, "-o", "json"],
    ] {
        let out = with_closed_stdout(pki, controller, args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}: no message");
    }

    // Bad input: one line, exit 2, naming the flag.
    assert_usage_error(
        &cbctl(pki, controller, &["run", "list", "-o", "xml"]),
        "--output",
    );
    let report_table = cbctl(pki, controller, &["run", "report", &run_id, "-o", "table"]);
    assert_usage_error(&report_table, "--output");
    assert!(
        stderr(&report_table).contains("md, json"),
        "{}",
        stderr(&report_table)
    );
    let map_yaml = cbctl(
        pki,
        controller,
        &[
            "run",
            "report",
            &run_id,
            "--section",
            "service-map",
            "-o",
            "yaml",
        ],
    );
    assert_usage_error(&map_yaml, "--output");
    assert!(
        stderr(&map_yaml).contains("mermaid, dot, json"),
        "{}",
        stderr(&map_yaml)
    );
    for timeout in ["0s", "-5s", "soon"] {
        let flag = format!("--timeout={timeout}");
        let out = cbctl(pki, controller, &["run", "wait", &run_id, &flag]);
        assert_usage_error(&out, "--timeout");
    }
    assert_usage_error(
        &cbctl(pki, controller, &["audit", "list", "--since", "yesterday"]),
        "--since",
    );

    // Errors in words: no gRPC code names.
    let missing = cbctl(pki, controller, &["run", "launch", "no-such-directive"]);
    assert_eq!(missing.status.code(), Some(1));
    let err = stderr(&missing);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        !err.contains("(notfound)") && !err.to_lowercase().contains("notfound"),
        "{err}"
    );
    // The help puts a command's own flags first and documents the exit codes.
    let help = stdout(&cbctl(pki, controller, &["run", "launch", "--help"]));
    let own = help.find("--watch").expect("--watch in help");
    let global = help.find("Global options").expect("a global heading");
    assert!(own < global, "{help}");
    assert!(!help.contains("[env: USER"), "{help}");
    let top = stdout(&cbctl(pki, controller, &["--help"]));
    assert!(top.contains("4 timeout"), "{top}");
}

/// A controller restarted under `run watch` (SIGTERM, so it shuts down cleanly): the watch does not
/// take the end of its stream for the end of the run, but resumes after the last event and exits
/// with the run's real outcome.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_watch_outlives_a_controller_restart_and_reports_the_real_end() {
    let mut fleet = SlowGpuFleet::start("cli-restart", "kappa", ControllerOptions::default());
    let run_id = launch_gpu_run(&fleet.pki, &fleet.controller, "kappa");
    let out_path = fleet.dir.path().join("watch.out");
    let err_path = fleet.dir.path().join("watch.err");
    let mut watch = Command::new(binary("cbctl"))
        .env(
            "CYBERBRAIN_CONFIG",
            "/nonexistent/cyberbrain-test-config.toml",
        )
        .arg("--server")
        .arg(format!("https://{}", fleet.controller.api))
        .arg("--ca-cert")
        .arg(fleet.pki.ca())
        .arg("--token-file")
        .arg(fleet.controller.admin_token_path())
        .args(["run", "watch", &run_id, "-o", "json", "--timeout", "120s"])
        .stdout(std::fs::File::create(&out_path).expect("stdout file"))
        .stderr(std::fs::File::create(&err_path).expect("stderr file"))
        .spawn()
        .expect("cbctl starts");
    let read = |path: &std::path::Path| std::fs::read_to_string(path).unwrap_or_default();
    // The watch has its stream: the snapshot line is out.
    cyberbrain_testkit::wait_for_or(
        "the watch's first line",
        || read(&out_path).contains("\"kind\":\"run\""),
        || read(&err_path),
    );
    assert!(
        fleet
            .controller
            .process
            .terminate(std::time::Duration::from_secs(30)),
        "the controller stops on SIGTERM (a watch does not hold it up): {}",
        fleet.controller.process.log_text()
    );
    assert_eq!(
        watch.try_wait().expect("try_wait"),
        None,
        "the watch is still waiting for the run: {}{}",
        read(&out_path),
        read(&err_path)
    );
    fleet.controller.restart();
    let mut code = None;
    cyberbrain_testkit::wait_for_or(
        "the watch to end",
        || {
            code = watch.try_wait().expect("try_wait").map(|s| s.code());
            code.is_some()
        },
        || read(&err_path),
    );
    let out = read(&out_path);
    assert_eq!(code, Some(Some(0)), "{out}{}", read(&err_path));
    let end: serde_json::Value =
        serde_json::from_str(out.lines().last().expect("an end line")).expect("json");
    assert_eq!(end["kind"], "end", "{out}");
    assert_eq!(end["status"], "succeeded", "{out}");
}

/// Completion asks the controller within its 2 s patience, the connection included: a server
/// that accepts but never answers the TLS handshake does not hang the shell.
#[test]
fn completion_gives_up_on_a_silent_server_within_its_patience() {
    let dir = temp_dir("complete-silent");
    let pki = Pki::init(&dir.path().join("certs"), &[]);
    let token = dir.path().join("token");
    std::fs::write(&token, "cbt_silent\n").expect("token file");
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("listener");
    let address = silent.local_addr().expect("address");
    // Accepts, then says nothing; the connections stay open until the test ends.
    let held = std::thread::spawn(move || {
        let mut open = Vec::new();
        for stream in silent.incoming().take(4).flatten() {
            open.push(stream);
        }
        std::thread::park_timeout(std::time::Duration::from_secs(30));
    });
    let started = std::time::Instant::now();
    let mut child = Command::new(binary("cbctl"))
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "3")
        .env("CYBERBRAIN_SERVER", format!("https://{address}"))
        .env("CYBERBRAIN_CA_CERT", pki.ca())
        .env("CYBERBRAIN_TOKEN_FILE", &token)
        .env(
            "CYBERBRAIN_CONFIG",
            "/nonexistent/cyberbrain-test-config.toml",
        )
        .args(["--", "cbctl", "run", "get", ""])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("cbctl completes");
    let limit = std::time::Duration::from_millis(4500);
    let mut ended = false;
    cyberbrain_testkit::wait_for_or(
        "completion to end or its limit to pass",
        || {
            ended = matches!(child.try_wait(), Ok(Some(_)));
            ended || started.elapsed() > limit
        },
        String::new,
    );
    let _ = child.kill();
    let _ = child.wait();
    assert!(ended, "completion still running after {limit:?}");
    drop(held);
}
