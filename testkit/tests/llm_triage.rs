//! LLM triage end to end: the real controller, a real agent and real containers, against a REAL
//! llama.cpp OpenAI-compatible server (`llama-cpp-python[server]`) serving a tiny random-weight
//! GGUF model written by the test. The model's prose is gibberish, so the tests assert on the flow
//! (what was sent, what was recorded, which fallback) and on the token counts the server reported,
//! read off the wire by a tap between the controller and the server.

#[path = "support/otlp.rs"]
mod otlp;

use std::path::Path;

use cyberbrain_testkit::checks::{agents_online, json, query};
use cyberbrain_testkit::docker::{Sandbox, wait_for_log_lines};
use cyberbrain_testkit::llama::{LlamaServer, UsageTap};
use cyberbrain_testkit::process::{
    AgentProcess, ControllerOptions, ControllerProcess, Pki, cbctl, cbctl_ok,
};
use cyberbrain_testkit::{temp_dir, wait_for, wait_for_async};
use serde_json::Value;

/// Every text of every table, with the columns that may quote log digests (the run's report and
/// the jobs' results) left out.
async fn database_text_outside_reports(database_url: &str) -> String {
    let mut text = String::new();
    for (table, select) in [
        ("directives", "t::text"),
        ("agents", "t::text"),
        (
            "runs",
            "(t.id, t.status, t.tasks, t.target, t.launched_by)::text",
        ),
        (
            "jobs",
            "(t.id, t.run_id, t.task, t.status, t.error, t.allowlist)::text",
        ),
        ("allowlist_entries", "t::text"),
        ("artifacts", "t::text"),
        ("llm_calls", "t::text"),
        ("run_events", "t::text"),
    ] {
        for row in query(database_url, &format!("SELECT {select} FROM {table} t")).await {
            text.push_str(&row.get::<_, String>(0));
            text.push('\n');
        }
    }
    text
}

/// Every text of every table, reports and results included.
async fn database_text_everywhere(database_url: &str) -> String {
    let mut text = database_text_outside_reports(database_url).await;
    for row in query(
        database_url,
        "SELECT COALESCE(report_markdown, '') || COALESCE(report_json::text, '') FROM runs",
    )
    .await
    {
        text.push_str(&row.get::<_, String>(0));
    }
    for row in query(database_url, "SELECT COALESCE(result::text, '') FROM jobs").await {
        text.push_str(&row.get::<_, String>(0));
    }
    text
}

fn files_text(dir: &Path) -> String {
    let mut text = String::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            text.push_str(&files_text(&path));
        } else if path.extension().is_some_and(|e| e == "md" || e == "json") {
            text.push_str(&String::from_utf8_lossy(
                &std::fs::read(&path).unwrap_or_default(),
            ));
        }
    }
    text
}

/// Launches `directive`, waits for success, then for the report's LLM step to end; returns
/// (run id, report JSON).
async fn run_and_wait_for_triage(
    pki: &Pki,
    controller: &ControllerProcess,
    directive: &str,
) -> (String, Value) {
    let launch = cbctl(pki, controller, &["run", "launch", directive, "--watch"]);
    assert!(
        launch.status.success(),
        "the run did not succeed: {}\ncontroller log:\n{}",
        String::from_utf8_lossy(&launch.stderr),
        controller.process.log_text()
    );
    let runs = json(&cbctl_ok(pki, controller, &["run", "list", "-o", "json"]));
    let run_id = runs[0]["id"].as_str().expect("a run id").to_string();
    let report = wait_for_async("the LLM triage step to end", || {
        let run_id = run_id.clone();
        async move {
            let report = json(&cbctl_ok(
                pki,
                controller,
                &["run", "report", &run_id, "--format", "json"],
            ));
            (report["triage"]["llm_pending"] == false).then_some(report)
        }
    })
    .await;
    (run_id, report)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_real_llama_cpp_server_triages_and_nothing_but_token_counts_is_kept() {
    let dir = temp_dir("llm");
    let pki = Pki::init(&dir.path().join("certs"), &["alpha"]);
    let llama = LlamaServer::start(dir.path());
    let tap = UsageTap::start(llama.addr).await;
    // Traces are exported too, to prove that no LLM text reaches a span.
    let (collector, collector_addr) = otlp::Collector::start().await;
    let otel_env = otlp::Collector::env(collector_addr, 100);

    let canary = format!("CBCANARY{}", uuid::Uuid::new_v4().simple());
    let secret = format!("S3cr3t{}", uuid::Uuid::new_v4().simple());
    let private_canary = format!("CBPRIVATE{}", uuid::Uuid::new_v4().simple());
    let mut docker = Sandbox::default();
    let web = docker.run(
        "web",
        &[],
        &format!(
            "for i in 1 2 3 4 5; do echo \"ERROR payment $i failed canary {canary}\"; done; \
             echo 'ERROR login failed password={secret}' >&2; \
             echo 'INFO health check ok'; sleep 3600"
        ),
    );
    let private = docker.run(
        "private",
        &[],
        &format!("echo 'ERROR ledger mismatch {private_canary}'; sleep 3600"),
    );
    wait_for_log_lines(&web, 7);
    wait_for_log_lines(&private, 1);

    let provider = format!(
        "name=llama,url=http://{}/v1,model={},price_prompt=1.5,price_completion=2.5",
        tap.addr, llama.model
    );
    let controller = ControllerProcess::start_with(
        dir.path(),
        &pki,
        ControllerOptions {
            extra: vec![
                "--llm-provider".into(),
                provider,
                "--llm-retries".into(),
                "0".into(),
                "--llm-max-completion-tokens".into(),
                "24".into(),
            ],
            // Our debug logs (prompt sizes and hashes) are on; the database driver's are not,
            // since they would quote the stored report.
            rust_log: Some("info,cyberbrain_controller=debug".into()),
            env: otel_env.clone(),
            ..Default::default()
        },
    );
    let agent_env: Vec<(&str, &str)> = otel_env
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let agent =
        AgentProcess::start_with_env(dir.path(), &pki, "alpha", &controller, &[], &agent_env);
    wait_for("the agent online", || {
        agents_online(&pki, &controller, &["alpha"])
    });
    cbctl_ok(&pki, &controller, &["allowlist", "add", &web]);
    cbctl_ok(
        &pki,
        &controller,
        &["allowlist", "add", &private, "--send-to-llm", "false"],
    );
    let entries = json(&cbctl_ok(
        &pki,
        &controller,
        &["allowlist", "list", "-o", "json"],
    ));
    assert_eq!(entries[1]["send_to_llm"], false);
    cbctl_ok(
        &pki,
        &controller,
        &[
            "directive",
            "create",
            "triage",
            "--task",
            "log_triage:tail=100",
            "--all",
        ],
    );

    let (run_id, report) = run_and_wait_for_triage(&pki, &controller, "triage").await;
    let triage = &report["triage"];

    // What went over the wire: the web container's digest, redacted; nothing of the private one.
    let sent = tap.sent_text();
    assert!(
        sent.contains(&canary),
        "the web digest was not sent to the LLM"
    );
    assert!(
        !sent.contains(&secret),
        "the secret reached the LLM unredacted"
    );
    assert!(
        !sent.contains(&private_canary),
        "a send_to_llm=false container reached the LLM"
    );
    assert!(triage["templates_withheld"].as_u64() >= Some(1), "{triage}");
    assert!(triage["templates_sent"].as_u64() >= Some(2), "{triage}");

    // The flow: the random model's answer never validates, so one retry, then the fallback; or,
    // improbably, a valid answer at once.
    let calls = query(
        &controller.database_url(),
        "SELECT outcome, prompt_tokens, completion_tokens, total_tokens, provider, model,
                endpoint_host, streamed, run_id::text
         FROM llm_calls ORDER BY created_at",
    )
    .await;
    let outcomes: Vec<String> = calls.iter().map(|r| r.get::<_, String>(0)).collect();
    match triage["written_by"].as_str() {
        Some("deterministic") => {
            assert_eq!(outcomes, ["invalid_answer", "invalid_answer"], "{triage}");
            assert_eq!(
                triage["note"],
                "not LLM-written: the LLM's answer was invalid twice"
            );
            assert!(
                !triage["summary"]["top_errors"]
                    .as_array()
                    .expect("list")
                    .is_empty()
            );
        }
        Some("llm") => assert_eq!(outcomes, ["ok"]),
        other => panic!("unexpected written_by {other:?}"),
    }

    // Token counts are exactly what the server reported, call by call.
    let usages = tap.usages();
    assert_eq!(usages.len(), calls.len(), "one reported usage per call");
    let (mut prompt_sum, mut completion_sum, mut total_sum) = (0i64, 0i64, 0i64);
    for (row, usage) in calls.iter().zip(&usages) {
        let stored = |i: usize| row.get::<_, Option<i32>>(i).map(i64::from);
        assert_eq!(stored(1), usage["prompt_tokens"].as_i64());
        assert_eq!(stored(2), usage["completion_tokens"].as_i64());
        assert_eq!(stored(3), usage["total_tokens"].as_i64());
        assert_eq!(row.get::<_, String>(4), "llama");
        assert_eq!(row.get::<_, String>(5), "tiny");
        assert_eq!(row.get::<_, String>(6), tap.addr.to_string());
        assert!(!row.get::<_, bool>(7));
        assert_eq!(
            row.get::<_, Option<String>>(8).as_deref(),
            Some(run_id.as_str())
        );
        prompt_sum += stored(1).expect("llama.cpp reports usage");
        completion_sum += stored(2).expect("usage");
        total_sum += stored(3).expect("usage");
    }
    assert!(prompt_sum > 0);

    // TokenStats and CostReport add up to the same counts.
    let by_model = json(&cbctl_ok(
        &pki,
        &controller,
        &["usage", "tokens", "-o", "json"],
    ));
    assert_eq!(by_model[0]["key"], "llama/tiny");
    assert_eq!(by_model[0]["calls"], calls.len() as i64);
    assert_eq!(by_model[0]["prompt_tokens"], prompt_sum);
    assert_eq!(by_model[0]["completion_tokens"], completion_sum);
    assert_eq!(by_model[0]["total_tokens"], total_sum);
    let by_run = json(&cbctl_ok(
        &pki,
        &controller,
        &["usage", "tokens", "--by", "run", "-o", "json"],
    ));
    assert_eq!(by_run[0]["key"], run_id.as_str());
    assert_eq!(by_run[0]["total_tokens"], total_sum);
    let by_day = json(&cbctl_ok(
        &pki,
        &controller,
        &[
            "usage", "tokens", "--by", "day", "--since", "1d", "-o", "json",
        ],
    ));
    assert_eq!(by_day[0]["total_tokens"], total_sum);
    let cost = json(&cbctl_ok(
        &pki,
        &controller,
        &["usage", "cost", "-o", "json"],
    ));
    let expected = prompt_sum as f64 / 1e6 * 1.5 + completion_sum as f64 / 1e6 * 2.5;
    let reported = cost["total_cost"].as_f64().expect("a cost");
    assert!(
        (reported - expected).abs() < 1e-12,
        "{reported} != {expected}"
    );
    assert_eq!(cost["rows"][0]["priced"], true);

    // The provider is healthy and its calls are counted.
    let providers = json(&cbctl_ok(
        &pki,
        &controller,
        &["llm", "providers", "-o", "json"],
    ));
    assert_eq!(providers[0]["name"], "llama");
    assert_eq!(providers[0]["circuit"], "closed");
    assert_eq!(providers[0]["recent_calls"], calls.len() as u64);

    // A directive with LLM triage off makes no call.
    cbctl_ok(
        &pki,
        &controller,
        &[
            "directive",
            "update",
            "triage",
            "--task",
            "log_triage:tail=100",
            "--all",
            "--llm",
            "off",
        ],
    );
    let (_, report_off) = run_and_wait_for_triage(&pki, &controller, "triage").await;
    assert_eq!(
        report_off["triage"]["note"],
        "not LLM-written: LLM triage is off for this directive"
    );
    let calls_after = query(&controller.database_url(), "SELECT count(*) FROM llm_calls").await;
    assert_eq!(calls_after[0].get::<_, i64>(0), calls.len() as i64);

    // Canaries: the non-secret one only in the run's own digest and report; the secret one
    // nowhere unredacted; neither in the logs.
    let outside = database_text_outside_reports(&controller.database_url()).await;
    assert!(
        !outside.contains(&canary),
        "the canary is stored outside the reports"
    );
    let everywhere = database_text_everywhere(&controller.database_url()).await;
    assert!(
        everywhere.contains(&canary),
        "the canary should be in the run's digest"
    );
    assert!(
        !everywhere.contains(&secret),
        "the secret is stored unredacted"
    );
    let artifacts = files_text(&controller.state_dir.join("artifacts"));
    assert!(!artifacts.contains(&secret), "the secret is in an artifact");
    for (who, log) in [
        ("controller", controller.process.log_text()),
        ("agent", agent.process.log_text()),
    ] {
        for (what, needle) in [
            ("canary", &canary),
            ("secret", &secret),
            ("private canary", &private_canary),
        ] {
            assert!(
                !log.contains(needle.as_str()),
                "the {what} is in the {who}'s log"
            );
        }
    }
    assert!(
        controller.process.log_text().contains("prompt_sha256"),
        "debug logging records the prompt's hash"
    );

    // Traces: one span per LLM call with its token counts, and no LLM text in any span.
    let spans =
        wait_for_async("a span for every llm call", || {
            let spans = collector.spans();
            let wanted = calls.len();
            async move {
                (spans.iter().filter(|s| s.name == "llm.call").count() >= wanted).then_some(spans)
            }
        })
        .await;
    let llm_spans: Vec<_> = spans.iter().filter(|s| s.name == "llm.call").collect();
    assert!(
        llm_spans
            .iter()
            .all(|s| s.attributes.contains_key("prompt_tokens")
                && s.attributes.contains_key("outcome")),
        "{llm_spans:#?}"
    );
    for span in &spans {
        let text = format!("{} {:?}", span.name, span.attributes);
        for (what, needle) in [
            ("canary", &canary),
            ("secret", &secret),
            ("private canary", &private_canary),
        ] {
            assert!(
                !text.contains(needle.as_str()),
                "the {what} is in span {span:?}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_provider_failing_falls_back_and_records_calls_without_usage() {
    let dir = temp_dir("llm-down");
    let pki = Pki::init(&dir.path().join("certs"), &["alpha"]);
    let refused = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("binds");
        listener.local_addr().expect("addr")
    };
    let mut docker = Sandbox::default();
    let web = docker.run("web", &[], "echo 'ERROR disk full on /data'; sleep 3600");
    wait_for_log_lines(&web, 1);
    let controller = ControllerProcess::start_with(
        dir.path(),
        &pki,
        ControllerOptions {
            extra: vec![
                "--llm-provider".into(),
                format!("name=down,url=http://{refused}/v1,model=m"),
            ],
            ..Default::default()
        },
    );
    let _agent = AgentProcess::start(dir.path(), &pki, "alpha", &controller, &[]);
    wait_for("the agent online", || {
        agents_online(&pki, &controller, &["alpha"])
    });
    cbctl_ok(&pki, &controller, &["allowlist", "add", &web]);
    cbctl_ok(
        &pki,
        &controller,
        &["directive", "create", "t", "--task", "log_triage", "--all"],
    );
    let (_, report) = run_and_wait_for_triage(&pki, &controller, "t").await;
    assert_eq!(
        report["status"], "succeeded",
        "the LLM never decides the run's status"
    );
    assert_eq!(report["triage"]["written_by"], "deterministic");
    assert_eq!(
        report["triage"]["note"],
        "not LLM-written: every LLM provider failed"
    );
    let markdown = cbctl_ok(
        &pki,
        &controller,
        &["run", "report", report["run_id"].as_str().expect("id")],
    );
    assert!(markdown.contains("## Triage") && markdown.contains("not LLM-written"));
    assert!(
        markdown.contains("disk full on"),
        "the fallback lists the error template"
    );
    let calls = query(
        &controller.database_url(),
        "SELECT outcome, prompt_tokens IS NULL AND completion_tokens IS NULL AND total_tokens IS NULL
         FROM llm_calls",
    )
    .await;
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].get::<_, String>(0), "connect_error");
    assert!(calls[0].get::<_, bool>(1), "no usage reported, none stored");
    let providers = json(&cbctl_ok(
        &pki,
        &controller,
        &["llm", "providers", "-o", "json"],
    ));
    assert_eq!(providers[0]["recent_errors"], 1);
    assert_eq!(providers[0]["last_error"], "connect_error");
}

/// The refinement rows of `llm_calls`, and the cached refinements' outcomes.
async fn refine_calls_and_cache(
    database_url: &str,
) -> (Vec<String>, Vec<(String, Option<String>)>) {
    let calls = query(
        database_url,
        "SELECT outcome FROM llm_calls WHERE purpose = 'refine' ORDER BY created_at",
    )
    .await
    .iter()
    .map(|r| r.get::<_, String>(0))
    .collect();
    let cache = query(
        database_url,
        "SELECT outcome, refined_template FROM template_refinements ORDER BY fingerprint",
    )
    .await
    .iter()
    .map(|r| (r.get::<_, String>(0), r.get::<_, Option<String>>(1)))
    .collect();
    (calls, cache)
}

#[tokio::test(flavor = "multi_thread")]
async fn new_error_templates_are_refined_once_and_then_come_from_the_cache() {
    let dir = temp_dir("llm-refine");
    let pki = Pki::init(&dir.path().join("certs"), &["alpha"]);
    let llama = LlamaServer::start(dir.path());
    let tap = UsageTap::start(llama.addr).await;
    let mut docker = Sandbox::default();
    let steady = docker.run("steady", &[], "echo 'INFO warming up cache'; sleep 3600");
    wait_for_log_lines(&steady, 1);
    let controller = ControllerProcess::start_with(
        dir.path(),
        &pki,
        ControllerOptions {
            extra: vec![
                "--llm-provider".into(),
                format!(
                    "name=llama,url=http://{}/v1,model={}",
                    tap.addr, llama.model
                ),
                "--llm-retries".into(),
                "0".into(),
                "--llm-max-completion-tokens".into(),
                "24".into(),
            ],
            ..Default::default()
        },
    );
    let _agent = AgentProcess::start(dir.path(), &pki, "alpha", &controller, &[]);
    wait_for("the agent online", || {
        agents_online(&pki, &controller, &["alpha"])
    });
    cbctl_ok(&pki, &controller, &["allowlist", "add", &steady]);
    // Two directives, two baselines: the same new templates are new to each.
    for directive in ["first", "second"] {
        cbctl_ok(
            &pki,
            &controller,
            &[
                "directive",
                "create",
                directive,
                "--task",
                "log_triage:tail=100",
                "--all",
            ],
        );
        let (_, report) = run_and_wait_for_triage(&pki, &controller, directive).await;
        assert_eq!(
            report["triage"]["refinement"],
            serde_json::json!({"candidates": 0, "cached": 0, "asked": 0, "refined": 0}),
            "a first run has no baseline, so nothing new"
        );
    }
    let url = controller.database_url();
    assert_eq!(refine_calls_and_cache(&url).await, (vec![], vec![]));

    // The same image starts logging two new error events.
    let failing = docker.run(
        "failing",
        &[],
        "for i in 1 2 3 4 5; do echo \"ERROR shard $i of tenant acme failed checksum\"; \
         echo \"ERROR replica $i lost quorum\"; done; sleep 3600",
    );
    wait_for_log_lines(&failing, 10);
    cbctl_ok(&pki, &controller, &["allowlist", "add", &failing]);

    let (_, report) = run_and_wait_for_triage(&pki, &controller, "first").await;
    let refinement = &report["triage"]["refinement"];
    assert_eq!(refinement["candidates"], 2, "{refinement}");
    assert_eq!(refinement["cached"], 0, "{refinement}");
    assert_eq!(
        refinement["asked"], 2,
        "one call per candidate: {refinement}"
    );
    // The random model's answer is gibberish: rejected, the miner's templates stand.
    assert_eq!(refinement["refined"], 0, "{refinement}");
    let templates = report["templates"].as_array().expect("templates");
    let new_errors: Vec<&Value> = templates
        .iter()
        .filter(|t| t["novel"] == true && t["severity"] == "error")
        .collect();
    assert_eq!(new_errors.len(), 2, "{templates:#?}");
    assert!(
        templates
            .iter()
            .all(|t| t.get("refined_template").is_none()),
        "{templates:#?}"
    );
    let (calls, cache) = refine_calls_and_cache(&url).await;
    assert_eq!(calls, ["invalid_answer", "invalid_answer"]);
    assert_eq!(
        cache,
        [
            ("rejected".to_string(), None),
            ("rejected".to_string(), None)
        ]
    );

    // The other directive's run meets the same new templates: the cache answers, no call.
    let (_, report) = run_and_wait_for_triage(&pki, &controller, "second").await;
    assert_eq!(
        report["triage"]["refinement"],
        serde_json::json!({"candidates": 2, "cached": 2, "asked": 0, "refined": 0})
    );
    let (calls_after, _) = refine_calls_and_cache(&url).await;
    assert_eq!(calls_after.len(), 2, "a cached template cost a call");
    let markdown = cbctl_ok(
        &pki,
        &controller,
        &["run", "report", report["run_id"].as_str().expect("id")],
    );
    assert!(
        markdown
            .contains("2 new error template(s), 2 from the cache, 0 asked of the LLM, 0 refined"),
        "{markdown}"
    );
    // Every call the server answered is accounted, triage and refinement alike.
    let all_calls = query(&url, "SELECT count(*) FROM llm_calls").await[0].get::<_, i64>(0);
    assert_eq!(tap.usages().len() as i64, all_calls);
}
