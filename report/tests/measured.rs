//! Issue #16's "What was measured", one test per item: each builds a report model (or runs the
//! log miner) and asserts the behaviour the issue asked to be fixed.

mod fixture;

use cyberbrain_logmine::{Miner, MinerConfig, Severity};
use cyberbrain_model::baseline::{Baseline, BaselineUpdate};
use cyberbrain_model::runs::{JobStatus, RunWithJobs};
use cyberbrain_report::{Report, build_finished, build_with_baseline, render_report};
use cyberbrain_tasks::{
    ContainerCondition, ContainerInfo, ContainerLogDigest, GpuReportResult, GpuStats,
    LogTriageResult, SampleStats, ServiceMapResult, TaskResult, TaskType,
};
use serde_json::Value;

fn render(report: &Report) -> (String, Value) {
    render_report(report).expect("renders")
}

/// The fixed run with `host-a`'s log digests replaced by `digests`.
fn with_digests(digests: Vec<ContainerLogDigest>) -> RunWithJobs {
    let mut snapshot = fixture::snapshot();
    snapshot.jobs[0].result = Some(TaskResult::LogTriage(LogTriageResult {
        containers: digests,
        skipped_containers: 0,
    }));
    snapshot
}

/// The attention items of `kind`.
fn attention_of<'a>(json: &'a Value, kind: &str) -> Vec<&'a Value> {
    json["attention"]
        .as_array()
        .expect("attention")
        .iter()
        .filter(|a| a["kind"] == kind)
        .collect()
}

fn mine(lines: &[&str]) -> Miner {
    let mut miner = Miner::new(MinerConfig::default());
    for line in lines {
        miner.add_line(line.as_bytes(), None);
    }
    miner
}

/// Item 1: the Markdown says which time range was read, how much, and that the tail limit was
/// hit ("the counts are a lower bound"); it shows first and last seen and an example per error
/// template, which only the JSON had.
#[test]
fn the_markdown_says_what_was_read_and_that_the_limit_was_hit() {
    let (markdown, _) = render(&build_with_baseline(
        &fixture::snapshot(),
        Some(&fixture::baseline()),
    ));
    assert!(
        markdown.contains(
            "Read: 1000 lines from 2026-12-03T03:00:00Z to 2026-12-03T03:10:00Z (tail 1000). \
             **The limit was hit: the counts are a lower bound** (the tail limit was reached)."
        ),
        "{markdown}"
    );
    // A reading the limit did not cut says so by saying nothing more.
    assert!(
        markdown.contains(
            "Read: 52 lines from 2026-12-03T03:00:00Z to 2026-12-03T03:10:00Z (tail 1000).\n"
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains("| 120 | error | 2026-12-03T03:01:00Z | 2026-12-03T03:10:00Z |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- t1: `connection refused to x password=[REDACTED]`"),
        "{markdown}"
    );
}

/// Item 2: a crash-looping container known only from the service map is in the summary with its
/// restarts; an OOM-killed one shows exit code 137 and the OOM flag, in the summary, in its
/// triage section and in the JSON.
#[test]
fn a_crash_loop_and_an_oom_kill_are_in_the_triage_with_their_exit_code() {
    let mut snapshot = fixture::snapshot();
    snapshot.jobs.push(fixture::job(
        "host-d",
        TaskType::ServiceMap,
        JobStatus::Succeeded,
        Some(TaskResult::ServiceMap(ServiceMapResult {
            containers: vec![ContainerInfo {
                name: "billing".into(),
                image: "shop/billing:3".into(),
                state: "restarting".into(),
                restart_count: 8,
                ..Default::default()
            }],
            ..Default::default()
        })),
        None,
    ));
    let (markdown, json) = render(&build_with_baseline(&snapshot, Some(&fixture::baseline())));
    let restarting = attention_of(&json, "container_restarting");
    let billing = restarting
        .iter()
        .find(|a| a["container"] == "billing")
        .expect("the service map's crash loop is in the summary");
    assert_eq!(billing["severity"], "critical", "{billing}");
    assert!(
        billing["text"]
            .as_str()
            .unwrap_or_default()
            .contains("restarting (8 restarts)"),
        "{billing}"
    );
    let reference = billing["ref"].as_str().expect("ref");
    assert!(
        markdown.contains(&format!("<a id=\"{reference}\"></a>billing")),
        "{markdown}"
    );
    let oom = &attention_of(&json, "container_oom_killed")[0];
    assert!(
        oom["text"]
            .as_str()
            .unwrap_or_default()
            .contains("OOM-killed, exited, last exit code 137"),
        "{oom}"
    );
    assert!(
        markdown.contains("**In trouble**: OOM-killed, exited, last exit code 137"),
        "{markdown}"
    );
    let incident = json["incidents"]
        .as_array()
        .expect("incidents")
        .iter()
        .find(|i| i["container"] == "cache")
        .expect("the OOM kill's incident");
    assert_eq!(incident["exit_code"], 137);
    assert_eq!(incident["oom_killed"], true);
}

/// Item 3: templates are ordered by severity, then count; their ids follow that order; the
/// summary's top errors are in id order and every template the summary or the attention list
/// names exists, with its anchor.
#[test]
fn templates_are_ordered_by_severity_then_count_and_their_ids_are_referenced() {
    let mut digests = fixture::digests();
    digests[1]
        .templates
        .push(fixture::template("panic: <*>", Severity::Fatal, 1, 20, 20));
    let report = build_with_baseline(&with_digests(digests), Some(&fixture::baseline()));
    let (markdown, json) = render(&report);
    let templates = json["templates"].as_array().expect("templates");
    let keys: Vec<(u8, std::cmp::Reverse<u64>)> = report
        .templates
        .iter()
        .map(|t| (t.severity.rank(), std::cmp::Reverse(t.count)))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "severity, then count");
    assert_eq!(report.templates[0].severity, Severity::Fatal);
    for (i, t) in templates.iter().enumerate() {
        assert_eq!(t["id"], format!("t{}", i + 1), "{t}");
    }
    let top: Vec<&str> = json["triage"]["summary"]["top_errors"]
        .as_array()
        .expect("top errors")
        .iter()
        .map(|t| t["id"].as_str().expect("id"))
        .collect();
    assert_eq!(top, ["t1", "t2", "t3", "t4"]);
    let ids: Vec<&str> = templates
        .iter()
        .map(|t| t["id"].as_str().expect("id"))
        .collect();
    for reference in json["attention"]
        .as_array()
        .expect("attention")
        .iter()
        .map(|a| a["ref"].as_str().expect("ref"))
        .filter(|r| r.starts_with('t'))
    {
        assert!(ids.contains(&reference), "{reference} in {ids:?}");
    }
    for id in top {
        assert!(
            markdown.contains(&format!("| [{id}](#{id}) |")),
            "{markdown}"
        );
        assert_eq!(markdown.matches(&format!("<a id=\"{id}\"></a>")).count(), 1);
    }
}

/// Item 4: "new" means new since the baseline, not within the window read: the agent's in-window
/// flag does not make a known template new, the first run says "no baseline yet" and flags
/// nothing, and a container the baseline never saw has its error flagged new.
#[test]
fn new_means_new_since_the_baseline_and_a_new_containers_error_is_flagged() {
    let mut digests = fixture::digests();
    // The agent thought the known `connection refused` new (first seen late in its window).
    digests[0].templates[1].novel = true;
    let newcomer = ContainerLogDigest {
        name: "ledger".into(),
        image: "shop/ledger:1".into(),
        lines: 3,
        error_lines: 3,
        templates: vec![fixture::template(
            "ledger out of balance by <*>",
            Severity::Error,
            3,
            300,
            400,
        )],
        distinct_templates: 1,
        first_line_unix_ms: fixture::ms(300),
        last_line_unix_ms: fixture::ms(400),
        ..Default::default()
    };
    digests.push(newcomer);
    let snapshot = with_digests(digests);

    let report = build_with_baseline(&snapshot, Some(&fixture::baseline()));
    let refused = report
        .templates
        .iter()
        .find(|t| t.template == "connection refused to <*>")
        .expect("the known template");
    assert!(!refused.novel, "known to the baseline, whatever the window");
    let (_, json) = render(&report);
    let new = attention_of(&json, "template_new");
    assert!(
        new.iter().any(|a| a["container"] == "ledger"
            && a["text"]
                .as_str()
                .unwrap_or_default()
                .starts_with("new error in ledger on host-a: ledger out of balance by <*>")),
        "{new:?}"
    );

    let first = Baseline {
        scope: "directive:nightly".into(),
        ..Default::default()
    };
    let report = build_with_baseline(&snapshot, Some(&first));
    assert!(report.templates.iter().all(|t| !t.novel));
    let (markdown, json) = render(&report);
    assert_eq!(json["baseline"]["status"], "none_yet");
    assert!(markdown.contains("no baseline yet"), "{markdown}");
    assert!(attention_of(&json, "template_new").is_empty());
}

/// Item 5a: the top of the report sums up hosts and jobs, and names the host of each item.
#[test]
fn the_top_of_the_report_sums_up_each_host() {
    let (markdown, json) = render(&build_with_baseline(
        &fixture::snapshot(),
        Some(&fixture::baseline()),
    ));
    assert!(
        markdown.lines().nth(2).unwrap_or_default().starts_with(
            "**At a glance**: 3 hosts, 2 with a failed or unreachable job; 4 jobs: 1 failed, \
             2 succeeded, 1 unreachable."
        ),
        "{markdown}"
    );
    assert_eq!(json["overview"]["hosts"], 3);
    assert_eq!(json["overview"]["hosts_with_problems"], 2);
    let hosts: Vec<&str> = json["attention"]
        .as_array()
        .expect("attention")
        .iter()
        .filter_map(|a| a["host"].as_str())
        .collect();
    for host in ["host-a", "host-b", "host-c"] {
        assert!(hosts.contains(&host), "{host} in {hosts:?}");
    }
}

/// Item 5b: a GPU process in a container links to that container's log section (Markdown link
/// to an anchor that exists, `log_ref` in the JSON).
#[test]
fn a_gpu_process_links_to_its_containers_logs() {
    let report = build_with_baseline(&fixture::snapshot(), Some(&fixture::baseline()));
    let (markdown, json) = render(&report);
    let consumers = json["gpu_fleet"]["consumers"]
        .as_array()
        .expect("consumers");
    let linked: Vec<(&str, &str)> = consumers
        .iter()
        .flat_map(|host| host["top"].as_array().into_iter().flatten())
        .filter_map(|c| Some((c["consumer"].as_str()?, c["log_ref"].as_str()?)))
        .collect();
    assert!(
        !linked.is_empty(),
        "no GPU consumer links to its logs: {consumers:?}"
    );
    for (consumer, log_ref) in linked {
        assert!(
            markdown.contains(&format!("[{consumer}](#{log_ref})")),
            "{markdown}"
        );
        assert!(
            markdown.contains(&format!("<a id=\"{log_ref}\"></a>")),
            "{markdown}"
        );
    }
}

/// Item 6a: a service name at the start of the message and a closing bracket after a masked
/// value are kept.
#[test]
fn a_template_keeps_its_service_name_and_closing_bracket() {
    let miner = mine(&["ERROR payment-gw: connection refused to 10.0.0.1:6379 (attempt 1)"]);
    let templates: Vec<_> = miner.templates().collect();
    assert_eq!(templates.len(), 1);
    let text = templates[0].text();
    assert!(
        text.starts_with("payment-gw: connection refused to "),
        "{text}"
    );
    assert!(text.ends_with(')'), "{text}");
    assert_eq!(templates[0].severity(), Severity::Error);
}

/// Item 6b: `FATAL panic: …` is fatal (above error), its `panic:` kept, and it leads the report.
#[test]
fn a_fatal_panic_is_fatal_and_keeps_its_words() {
    let miner = mine(&["FATAL panic: nil pointer dereference"]);
    let t = miner.templates().next().expect("a template");
    assert_eq!(t.severity(), Severity::Fatal);
    assert!(t.text().starts_with("panic: nil pointer"), "{}", t.text());
    assert_eq!(Severity::Fatal.as_str(), "fatal");
    assert!(Severity::Fatal.rank() < Severity::Error.rank());
}

/// Item 6c: a redacted line leaves no stray `>`, neither from the agent's redaction nor from the
/// report's second one.
#[test]
fn a_redacted_line_leaves_no_stray_delimiter() {
    let miner = mine(&[
        "login password=hunter2secret token=abcdef123456 done",
        "login password=s3cr3t-pass token=zyx987654321 done",
    ]);
    let t = miner.templates().next().expect("a template");
    let redacted = t.redacted_text();
    // Angle brackets only as whole `<*>` placeholders, before and after the report's redaction.
    let stray = |text: &str| text.replace("<*>", "").contains(['<', '>']);
    assert!(!stray(&redacted), "{redacted}");
    assert!(!redacted.contains("hunter2secret"), "{redacted}");
    let again = cyberbrain_report::triage::clean(&redacted, 240);
    assert!(!stray(&again), "{again}");
    for example in t.examples() {
        let shown = cyberbrain_report::triage::clean(example, 160);
        assert!(
            !shown.contains("hunter2secret") && !shown.contains("]>"),
            "{shown}"
        );
    }
}

/// Item 7a: a host without NVML is "NVML unavailable" in the summary and its GPU section, not
/// a silent success.
#[test]
fn a_gpu_report_without_nvml_says_nvml_unavailable() {
    let mut snapshot = fixture::snapshot();
    snapshot.jobs[1].result = Some(TaskResult::GpuReport(GpuReportResult {
        available: false,
        unavailable_reason: "libnvidia-ml.so.1: cannot open shared object file".into(),
        ..Default::default()
    }));
    let (markdown, json) = render(&build_with_baseline(&snapshot, Some(&fixture::baseline())));
    let unavailable = attention_of(&json, "gpu_unavailable");
    assert_eq!(unavailable.len(), 1, "{json}");
    assert!(
        unavailable[0]["text"]
            .as_str()
            .unwrap_or_default()
            .starts_with("host-a: NVML unavailable: libnvidia-ml.so.1"),
        "{unavailable:?}"
    );
    assert!(
        markdown.contains("**NVML unavailable on host-a**"),
        "{markdown}"
    );
    assert_eq!(json["gpu"][0]["available"], false);
    // The jobs table does not say a bare "succeeded" for it either.
    assert!(
        markdown.contains("| host-a | gpu_report | succeeded (NVML unavailable) |"),
        "{markdown}"
    );
}

/// Item 7b: GPU power has one decimal everywhere: the minimum and maximum are no longer cut to
/// whole watts.
#[test]
fn gpu_power_has_one_decimal() {
    let mut snapshot = fixture::snapshot();
    snapshot.jobs[1].result = Some(TaskResult::GpuReport(GpuReportResult {
        available: true,
        samples: 5,
        sample_window_ms: 1000,
        gpus: vec![GpuStats {
            power_draw_milliwatts: Some(123_500),
            power_limit_milliwatts: Some(300_000),
            power_draw_milliwatts_sampled: Some(SampleStats {
                min: 123_000.0,
                mean: 123_500.0,
                max: 124_000.0,
            }),
            ..Default::default()
        }],
        ..Default::default()
    }));
    let (markdown, _) = render(&build_with_baseline(&snapshot, Some(&fixture::baseline())));
    assert!(markdown.contains("123.0 / 123.5 / 124.0 W"), "{markdown}");
    assert!(markdown.contains("123.5 W"), "{markdown}");
    assert!(!markdown.contains("123 / 123.5 / 124 W"), "{markdown}");
}

/// Item 8: GPU figures over time on the agent's `/metrics`. That is end to end (the agent with
/// the stand-in NVML): `testkit/tests/gpu_metrics.rs`. Here, only that the test is still there
/// and still checks the DCGM names, the container label and the no-NVML gauge.
#[test]
fn gpu_metrics_on_the_agents_metrics_are_tested_end_to_end() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testkit/tests/gpu_metrics.rs"
    );
    let source = std::fs::read_to_string(path).expect("testkit/tests/gpu_metrics.rs");
    for needle in [
        "DCGM_FI_DEV_GPU_UTIL",
        "cyberbrain_gpu_available",
        "container",
    ] {
        assert!(source.contains(needle), "{needle} in {path}");
    }
}

/// And the baseline that cannot be read (issue #16's follow-up): "unavailable", said in the
/// Markdown, nothing flagged new; an update that failed is said too.
#[test]
fn a_baseline_that_could_not_be_read_is_unavailable() {
    let mut digests = fixture::digests();
    digests[0].templates[2].novel = true;
    let snapshot = with_digests(digests);
    let report = build_finished(
        &snapshot,
        &BaselineUpdate {
            scope: "directive:nightly".into(),
            before: None,
            update_failed: true,
        },
    );
    assert!(report.templates.iter().all(|t| !t.novel));
    let (markdown, json) = render(&report);
    assert_eq!(json["baseline"]["status"], "unavailable");
    assert_eq!(json["baseline"]["update_failed"], true);
    assert_eq!(json["baseline"]["scope"], "directive:nightly");
    assert!(
        markdown.contains("could not be read, so \"new\" can't be judged"),
        "{markdown}"
    );
    assert!(markdown.contains("**Baseline not updated**"), "{markdown}");
    let read = build_finished(
        &snapshot,
        &BaselineUpdate {
            scope: "directive:nightly".into(),
            before: Some(fixture::baseline()),
            update_failed: false,
        },
    );
    let (markdown, json) = render(&read);
    assert_eq!(json["baseline"]["status"], "compared");
    assert_eq!(json["baseline"]["update_failed"], false);
    assert!(!markdown.contains("Baseline not updated"), "{markdown}");
}

/// The `container_errors` line: a container not in trouble whose errors are known (neither new
/// nor bursting) is still on the first screen, linked to its top template; past five such
/// containers, one line counts the rest.
#[test]
fn known_errors_of_a_container_not_in_trouble_are_summed_up() {
    let mut digests: Vec<ContainerLogDigest> = Vec::new();
    for i in 0..7u64 {
        digests.push(ContainerLogDigest {
            name: format!("job-{i}"),
            image: "shop/job:1".into(),
            lines: 10 + i,
            error_lines: 10 + i,
            templates: vec![
                fixture::template("retrying <*>", Severity::Error, 8 + i, 60, 120),
                fixture::template("gave up on <*>", Severity::Error, 2, 30, 120),
            ],
            condition: Some(ContainerCondition {
                status: "running".into(),
                ..Default::default()
            }),
            ..Default::default()
        });
    }
    // No baseline to compare with: nothing is new, nothing bursts.
    let report = build_with_baseline(&with_digests(digests), None);
    let (markdown, json) = render(&report);
    let lines = attention_of(&json, "container_errors");
    assert_eq!(lines.len(), 6, "{lines:?}");
    assert_eq!(lines[0]["container"], "job-6");
    assert_eq!(lines[0]["severity"], "warning");
    assert_eq!(
        lines[0]["text"],
        "job-6 on host-a: 16 error lines in 2 templates, most: retrying <*> (14 lines), \
         since 2026-12-03T03:00:30Z"
    );
    let top = report
        .templates
        .iter()
        .find(|t| t.container == "job-6" && t.template == "retrying <*>")
        .expect("job-6's top template");
    assert_eq!(lines[0]["ref"], top.id.as_str());
    assert_eq!(lines[5]["text"], "and 2 more containers with error lines");
    assert_eq!(lines[5]["ref"], "log-triage");
    assert!(
        markdown.contains("## <a id=\"log-triage\"></a>Log triage"),
        "{markdown}"
    );
    // Known errors come after what is more urgent: every critical item and the templates'
    // lines before them; only the GPU lines after.
    let items = json["attention"].as_array().expect("attention");
    let first = items
        .iter()
        .position(|a| a["kind"] == "container_errors")
        .expect("container_errors");
    assert!(
        items[first..]
            .iter()
            .all(|a| a["kind"] == "container_errors"
                || a["kind"].as_str().is_some_and(|k| k.starts_with("gpu_"))),
        "{items:?}"
    );
    assert!(
        items[..first]
            .iter()
            .any(|a| a["kind"] == "job_failed" && a["severity"] == "critical")
    );
}
