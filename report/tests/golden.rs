//! The Markdown of a fixed report, compared with `tests/golden/report.md` (rewrite it with
//! `UPDATE_GOLDEN=1` and review the diff), and what its first screen must say.

mod fixture;

use std::path::Path;

fn rendered() -> (String, serde_json::Value) {
    let report =
        cyberbrain_report::build_with_baseline(&fixture::snapshot(), Some(&fixture::baseline()));
    cyberbrain_report::render_report(&report).expect("renders")
}

#[test]
fn the_markdown_matches_the_golden_file() {
    let (markdown, _) = rendered();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/report.md");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &markdown).expect("writes the golden file");
    }
    let golden = std::fs::read_to_string(&path).expect("the golden file exists");
    assert_eq!(
        markdown, golden,
        "the Markdown changed: run with UPDATE_GOLDEN=1 and review the diff"
    );
}

#[test]
fn the_first_screen_says_what_is_wrong_where_and_since_when() {
    let (markdown, json) = rendered();
    let first_screen: String = markdown.lines().take(20).collect::<Vec<_>>().join("\n");
    let texts: Vec<&str> = json["attention"]
        .as_array()
        .expect("attention")
        .iter()
        .map(|a| a["text"].as_str().expect("text"))
        .collect();
    for needle in [
        "host-c is unreachable",
        "host-b log_triage failed",
        "cache on host-a: OOM-killed",
        "shop-api-1 on host-a: restarting (6 restarts), last exit code 3, last exit at 2026-12-03T03:10:00Z",
        "web on host-a: unhealthy (4 failed checks",
        "new error in shop-api-1 on host-a: cannot open <*>: permission denied",
        "burst of error in shop-api-1 on host-a: connection refused to <*>",
        "host-a GPU 0: 91 °C",
        "worker on host-a: 12 error lines in 1 template, most: job <*> failed: upstream timeout after <*>s (12 lines), since 2026-12-03T03:02:00Z",
    ] {
        assert!(
            texts.iter().any(|t| t.contains(needle)),
            "{needle:?} not in {texts:#?}"
        );
        let shown = needle.replace('<', "\\<").replace('>', "\\>");
        assert!(
            first_screen.contains(&shown),
            "{shown:?} not in\n{first_screen}"
        );
    }
    // The health check's secret is redacted, its pipe escaped.
    assert!(!markdown.contains("abcdefabcdefabcdef0123"), "{markdown}");
    assert!(
        !json["attention"]
            .to_string()
            .contains("abcdefabcdefabcdef0123")
    );
    let kinds: Vec<&str> = json["attention"]
        .as_array()
        .expect("attention")
        .iter()
        .map(|a| a["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(
        kinds,
        [
            "job_failed",
            "host_unreachable",
            "container_restarting",
            "container_oom_killed",
            "container_unhealthy",
            "template_new",
            "template_burst",
            "container_errors",
            "gpu_hot",
            "gpu_memory_full"
        ]
    );
    assert_eq!(json["attention"][0]["severity"], "critical");
    assert_eq!(json["attention"][6]["severity"], "warning");
    assert_eq!(json["attention"][2]["container"], "shop-api-1");
    assert_eq!(json["attention"][1]["container"], serde_json::Value::Null);
    // Every ref has its anchor, once.
    for a in json["attention"].as_array().expect("attention") {
        let id = a["ref"].as_str().expect("ref");
        let anchor = format!("<a id=\"{id}\"></a>");
        assert_eq!(
            markdown.matches(&anchor).count(),
            1,
            "{anchor} in\n{markdown}"
        );
    }
    assert!(
        markdown.contains(
            "**The limit was hit: the counts are a lower bound** (the tail limit was reached)"
        ),
        "{markdown}"
    );
}

#[test]
fn a_gpu_consumer_with_a_log_section_links_to_it() {
    let (markdown, json) = rendered();
    let top = &json["gpu_fleet"]["consumers"][0]["top"];
    let refs: Vec<&serde_json::Value> = (0..3).map(|i| &top[i]["log_ref"]).collect();
    // shop-api-1 has a digest; a container outside the allowlist and the host have none.
    assert_eq!(
        refs,
        [
            &serde_json::json!("l1"),
            &serde_json::Value::Null,
            &serde_json::Value::Null
        ]
    );
    assert_eq!(top[0]["consumer"], "shop-api-1");
    assert_eq!(json["log_triage"][0]["containers"][0]["name"], "shop-api-1");
    assert!(
        markdown.contains("| host-a | 0 | [shop-api-1](#l1) | 30000 MiB | 1 |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| host-a | 0 | dddddddddddd | 8000 MiB | 1 |"),
        "{markdown}"
    );
    // Every link to a log section has its anchor, once, in that container's heading.
    for id in ["l1", "l2", "l3"] {
        assert_eq!(
            markdown.matches(&format!("<a id=\"{id}\"></a>")).count(),
            1,
            "{id}"
        );
    }
    assert!(
        markdown.contains("#### <a id=\"l1\"></a><a id=\"c1\"></a>shop-api-1"),
        "{markdown}"
    );
}

#[test]
fn a_crash_loops_exits_are_listed_each_with_its_last_lines() {
    let (markdown, json) = rendered();
    let exits = json["incidents"][0]["exits"].as_array().expect("exits");
    assert_eq!(exits.len(), 3);
    assert!(
        exits
            .iter()
            .all(|e| e["exit_code"] == 3 && e["oom_killed"] == false)
    );
    assert_eq!(json["incidents"][1]["exits"][0]["oom_killed"], true);
    assert!(
        markdown.contains("- **exit 137** at 2026-12-03T03:00:25Z, OOM-killed, after:\n  1. `Ready to accept connections` ([t6](#t6))"),
        "{markdown}"
    );
}

#[test]
#[ignore = "prints the fixed report's JSON, for writing the schema"]
fn print_json() {
    let (_, json) = rendered();
    println!("{}", serde_json::to_string_pretty(&json).unwrap());
}
