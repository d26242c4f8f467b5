//! The report an on-call engineer reads first (issue #16), on real Docker: a crash-looping
//! container (restart policy, exits 3), one the kernel's OOM killer ends (`--memory 6m` and a
//! shell that doubles a string), one whose health check fails, and one noisier than the tail
//! limit. The summary names each with its reason, the limit note appears, the JSON matches
//! `docs/report.schema.json`; the first run says "no baseline yet" and a second run flags only
//! the template the containers logged between the two.

use std::process::Command;
use std::time::{Duration, Instant};

use cyberbrain_testkit::checks::{json, launch_and_watch, wait_agents_online};
use cyberbrain_testkit::docker::{Sandbox, docker_cli, wait_for_output};
use cyberbrain_testkit::process::{AgentProcess, ControllerProcess, Pki, cbctl_ok};
use cyberbrain_testkit::{temp_dir, wait_for, wait_for_or};
use serde_json::Value;

fn inspect(container: &str, format: &str) -> String {
    let output = Command::new("docker")
        .args(["inspect", "-f", format, container])
        .output()
        .expect("the docker CLI runs");
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

fn schema_errors(report: &Value) -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/report.schema.json");
    let schema: Value = json(&std::fs::read_to_string(path).expect("the schema file"));
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    validator
        .iter_errors(report)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

/// The attention items about `container`.
fn attention_for<'a>(report: &'a Value, container: &str) -> Vec<&'a Value> {
    report["attention"]
        .as_array()
        .expect("attention")
        .iter()
        .filter(|a| a["container"] == container)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_summary_names_each_container_in_trouble_and_new_means_new_since_the_baseline() {
    let dir = temp_dir("report-incidents");
    let pki = Pki::init(&dir.path().join("certs"), &["oncall"]);
    let mut docker = Sandbox::default();
    let crashy = docker.run(
        "crashy",
        &["--restart", "always"],
        // The container's file system outlives its restarts: each attempt has its number.
        "n=$(cat /tmp/attempt 2>/dev/null || echo 0); n=$((n + 1)); echo $n > /tmp/attempt; \
         echo \"starting attempt $n\"; echo 'fatal: config missing'; exit 3",
    );
    let oom = docker.run(
        "oom",
        &["--memory", "6m", "--memory-swap", "6m"],
        "echo 'INFO loading cache'; a=xxxxxxxxxxxxxxxx; while true; do a=\"$a$a\"; done",
    );
    let sick = docker.run(
        "sick",
        &[
            "--health-cmd",
            "echo probe failed token=abcdefabcdefabcdef1234; exit 1",
            "--health-interval",
            "1s",
            "--health-retries",
            "1",
        ],
        "echo 'INFO web up'; sleep 3600",
    );
    let noisy = docker.run(
        "noisy",
        &[],
        "seq 1 3000 | while read i; do echo \"INFO request $i served\"; done; sleep 3600",
    );
    // Logs a new error once the test says so (a file it writes), between the two runs.
    let changer = docker.run(
        "changer",
        &[],
        "echo 'INFO ready'; while [ ! -f /tmp/go ]; do sleep 0.2; done; \
         echo 'ERROR disk quota exceeded on /var/lib/app'; sleep 3600",
    );
    wait_for("the crash loop", || {
        inspect(&crashy, "{{.RestartCount}}")
            .parse::<u32>()
            .is_ok_and(|n| n >= 2)
    });
    // Docker on cgroup v2 now and then misses the kernel's OOM event (moby/moby#38352,
    // hashicorp/nomad#13119): the container exits 137 and stays unmarked. One left so for two
    // seconds is started again; its next kill is the one the report shows.
    let mut unmarked_since = None;
    wait_for_or(
        "the OOM kill",
        || match inspect(&oom, "{{.State.Status}} {{.State.OOMKilled}}").as_str() {
            "exited true" => true,
            "exited false" => {
                let since = *unmarked_since.get_or_insert_with(Instant::now);
                if since.elapsed() >= Duration::from_secs(2) {
                    docker_cli(&["start", &oom]);
                    unmarked_since = None;
                }
                false
            }
            _ => false,
        },
        || {
            inspect(
                &oom,
                "status {{.State.Status}}, exit code {{.State.ExitCode}}, OOM-killed \
                 {{.State.OOMKilled}}, restarts {{.RestartCount}}, error {{.State.Error}}",
            )
        },
    );
    wait_for("the failing health check", || {
        inspect(&sick, "{{.State.Health.Status}}") == "unhealthy"
    });
    wait_for_output(&noisy, |stdout, _| {
        stdout.ends_with(b"INFO request 3000 served\n")
    });
    wait_for_output(&changer, |stdout, _| stdout.starts_with(b"INFO ready"));

    let controller = ControllerProcess::start(dir.path(), &pki);
    let agent = AgentProcess::start(
        dir.path(),
        &pki,
        "oncall",
        &controller,
        &["--nvml-library", "/nonexistent/libnvidia-ml.so"],
    );
    wait_agents_online(&pki, &controller, &["oncall"], || agent.process.log_text());
    for container in [&crashy, &oom, &sick, &noisy, &changer] {
        cbctl_ok(&pki, &controller, &["allowlist", "add", container]);
    }
    let run = |pki: &Pki, controller: &ControllerProcess| {
        let run_id = launch_and_watch(
            pki,
            controller,
            &["--task", "log_triage:tail=1000", "--all"],
        );
        let markdown = cbctl_ok(pki, controller, &["run", "report", &run_id]);
        let report = json(&cbctl_ok(
            pki,
            controller,
            &["run", "report", &run_id, "--format", "json"],
        ));
        assert_eq!(schema_errors(&report), Vec::<String>::new(), "{report}");
        (markdown, report)
    };

    let (markdown, report) = run(&pki, &controller);
    let first_screen: String = markdown.lines().take(25).collect::<Vec<_>>().join("\n");
    for (container, kind, words) in [
        (&crashy, "container_restarting", "restarting ("),
        (&oom, "container_oom_killed", "OOM-killed"),
        (&sick, "container_unhealthy", "unhealthy ("),
    ] {
        let items = attention_for(&report, container);
        assert_eq!(items.len(), 1, "{container}: {items:?}");
        assert_eq!(items[0]["kind"], kind, "{items:?}");
        assert_eq!(items[0]["severity"], "critical", "{items:?}");
        let text = items[0]["text"].as_str().expect("text");
        assert!(text.contains(words), "{text}");
        let reference = items[0]["ref"].as_str().expect("ref");
        assert!(
            first_screen.contains(container.as_str())
                && first_screen.contains(&format!("](#{reference})")),
            "{first_screen}"
        );
        assert!(
            markdown.contains(&format!("<a id=\"{reference}\"></a>{container}")),
            "{markdown}"
        );
    }
    let crash = attention_for(&report, &crashy)[0]["text"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(crash.contains("last exit code 3"), "{crash}");
    let oom_text = attention_for(&report, &oom)[0]["text"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(oom_text.contains("last exit code 137"), "{oom_text}");
    let sick_text = attention_for(&report, &sick)[0]["text"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        sick_text.contains("probe failed token=[REDACTED]"),
        "{sick_text}"
    );
    assert!(!markdown.contains("abcdefabcdefabcdef1234"), "{markdown}");
    // The crash loop's exits from the engine's events, each with the templates of the last
    // lines logged before it; and the last lines before its last exit (the older field).
    let incident = report["incidents"]
        .as_array()
        .expect("incidents")
        .iter()
        .find(|i| i["container"] == crashy.as_str())
        .expect("the crash loop's incident");
    let last_lines = incident["last_lines_before_exit"].to_string();
    assert!(last_lines.contains("config missing"), "{incident}");
    let exits = incident["exits"].as_array().expect("exits");
    assert!(exits.len() >= 2 && exits.len() <= 5, "{incident}");
    for exit in exits {
        assert_eq!(exit["exit_code"], 3, "{incident}");
        assert_eq!(exit["oom_killed"], false, "{incident}");
        assert_eq!(
            exit["last_templates"],
            // `fatal:` gives the line's severity and stays its first word.
            serde_json::json!(["starting attempt <*>", "fatal: config missing"]),
            "{incident}"
        );
    }
    let times: Vec<i64> = exits
        .iter()
        .map(|e| e["at_unix_ms"].as_i64().expect("a time"))
        .collect();
    assert!(times.windows(2).all(|w| w[0] < w[1]), "{times:?}");
    let crash_section = markdown
        .split("\n#### ")
        .find(|s| s.contains(&format!("{crashy} (")))
        .expect("the crash loop's section");
    assert!(
        crash_section.matches("- **exit 3** at ").count() >= 2
            && crash_section.contains(", after:\n  1. `starting attempt <*>`")
            && crash_section.contains("  2. `fatal: config missing`"),
        "{crash_section}"
    );
    // The OOM kill is one of the OOM-killed container's exits.
    let oom_incident = report["incidents"]
        .as_array()
        .expect("incidents")
        .iter()
        .find(|i| i["container"] == oom.as_str())
        .expect("the OOM kill's incident");
    let oom_exits = oom_incident["exits"].as_array().expect("exits");
    assert!(
        oom_exits
            .last()
            .is_some_and(|e| e["oom_killed"] == true && e["exit_code"] == 137),
        "{oom_incident}"
    );
    // Nothing about the noisy container but the limit note.
    assert!(attention_for(&report, &noisy).is_empty(), "{report}");
    let noisy_section = markdown
        .split("\n#### ")
        .find(|s| s.contains(&noisy))
        .expect("the noisy container's section");
    assert!(
        noisy_section.contains("Read: 1000 lines from ")
            && noisy_section.contains("(tail 1000). **The limit was hit: the counts are a lower bound** (the tail limit was reached)"),
        "{noisy_section}"
    );
    // The first run: no baseline yet, nothing new.
    assert_eq!(report["baseline"]["status"], "none_yet", "{report}");
    assert!(markdown.contains("no baseline yet"), "{markdown}");
    assert!(
        report["templates"]
            .as_array()
            .expect("templates")
            .iter()
            .all(|t| t["novel"] == false),
        "{report}"
    );

    // Between the runs: one new error.
    let status = Command::new("docker")
        .args(["exec", &changer, "sh", "-c", "echo > /tmp/go"])
        .status()
        .expect("docker exec runs");
    assert!(status.success());
    wait_for_output(&changer, |stdout, _| {
        String::from_utf8_lossy(stdout).contains("disk quota exceeded")
    });
    let (markdown, report) = run(&pki, &controller);
    assert_eq!(report["baseline"]["status"], "compared", "{report}");
    assert_eq!(report["baseline"]["runs"], 1, "{report}");
    let new: Vec<&Value> = report["templates"]
        .as_array()
        .expect("templates")
        .iter()
        .filter(|t| t["novel"] == true)
        .collect();
    assert_eq!(new.len(), 1, "{new:?}");
    assert!(
        new[0]["template"]
            .as_str()
            .unwrap_or_default()
            .contains("disk quota exceeded"),
        "{new:?}"
    );
    let flagged: Vec<&Value> = report["attention"]
        .as_array()
        .expect("attention")
        .iter()
        .filter(|a| a["kind"] == "template_new")
        .collect();
    assert_eq!(flagged.len(), 1, "{flagged:?}");
    assert_eq!(flagged[0]["container"], changer.as_str());
    assert_eq!(flagged[0]["ref"], new[0]["id"]);
    assert!(
        markdown.contains(&format!(
            "new error in {changer} on oncall: disk quota exceeded"
        )),
        "{markdown}"
    );
}
