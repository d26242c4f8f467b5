//! A template baseline that cannot be read or updated does not stop a run's finish (issue #16):
//! on real PostgreSQL (the controller's embedded cluster), real Docker and the real binaries.
//! With the baseline table renamed away the run still finishes, its report says the baseline is
//! `unavailable` and was not updated, and `cyberbrain_baseline_errors_total` counts both stages;
//! with the table back, the next run's finish updates the baseline and audits it.

use cyberbrain_testkit::checks::{json, launch_and_watch, query, wait_agents_online};
use cyberbrain_testkit::docker::{Sandbox, wait_for_output};
use cyberbrain_testkit::http::metrics;
use cyberbrain_testkit::process::{AgentProcess, ControllerProcess, Pki, cbctl_ok};
use cyberbrain_testkit::temp_dir;
use serde_json::Value;

/// `cyberbrain_baseline_errors_total{stage}` on the controller's `/metrics`.
fn baseline_errors(controller: &ControllerProcess, stage: &str) -> f64 {
    let http = controller.http.expect("the controller's metrics endpoint");
    metrics(http)
        .value("cyberbrain_baseline_errors_total", &[("stage", stage)])
        .unwrap_or_else(|| panic!("cyberbrain_baseline_errors_total{{stage={stage}}} is exposed"))
}

/// The `baseline.update` audit entries, oldest first, as (object, details).
async fn baseline_audits(database_url: &str) -> Vec<(String, Value)> {
    query(
        database_url,
        "SELECT object, details FROM audit_events WHERE action = 'baseline.update' ORDER BY id",
    )
    .await
    .iter()
    .map(|row| (row.get(0), row.get(1)))
    .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_baseline_that_cannot_be_read_or_updated_leaves_the_run_finished_and_says_so() {
    let dir = temp_dir("baseline-failures");
    let pki = Pki::init(&dir.path().join("certs"), &["steady"]);
    let mut docker = Sandbox::default();
    let logger = docker.run(
        "logger",
        &[],
        "echo 'INFO worker ready'; echo 'ERROR payment-gw: connection refused to 10.0.0.1:6379'; \
         sleep 3600",
    );
    wait_for_output(&logger, |stdout, _| {
        String::from_utf8_lossy(stdout).contains("connection refused")
    });
    let controller = ControllerProcess::start(dir.path(), &pki);
    let agent = AgentProcess::start(
        dir.path(),
        &pki,
        "steady",
        &controller,
        &["--nvml-library", "/nonexistent/libnvidia-ml.so"],
    );
    wait_agents_online(&pki, &controller, &["steady"], || agent.process.log_text());
    cbctl_ok(&pki, &controller, &["allowlist", "add", &logger]);
    let database_url = controller.database_url();
    let run = |pki: &Pki, controller: &ControllerProcess| {
        let run_id = launch_and_watch(pki, controller, &["--task", "log_triage:tail=100", "--all"]);
        let markdown = cbctl_ok(pki, controller, &["run", "report", &run_id]);
        let report = json(&cbctl_ok(
            pki,
            controller,
            &["run", "report", &run_id, "--format", "json"],
        ));
        (run_id, markdown, report)
    };
    assert_eq!(baseline_errors(&controller, "read"), 0.0);
    assert_eq!(baseline_errors(&controller, "update"), 0.0);

    // Both the read and the merge need this table.
    query(
        &database_url,
        "ALTER TABLE template_baselines RENAME TO template_baselines_away",
    )
    .await;
    let (_, markdown, report) = run(&pki, &controller);
    assert_eq!(report["status"], "succeeded", "{report}");
    assert_eq!(report["baseline"]["status"], "unavailable", "{report}");
    assert_eq!(report["baseline"]["update_failed"], true, "{report}");
    assert!(
        markdown.contains("could not be read, so \"new\" can't be judged"),
        "{markdown}"
    );
    assert!(markdown.contains("**Baseline not updated**"), "{markdown}");
    // The digest is all there: the run's results were not lost with the baseline.
    assert!(
        report["templates"]
            .to_string()
            .contains("connection refused"),
        "{report}"
    );
    assert_eq!(baseline_errors(&controller, "read"), 1.0);
    assert_eq!(baseline_errors(&controller, "update"), 1.0);
    assert!(baseline_audits(&database_url).await.is_empty());

    query(
        &database_url,
        "ALTER TABLE template_baselines_away RENAME TO template_baselines",
    )
    .await;
    let (run_id, markdown, report) = run(&pki, &controller);
    assert_eq!(report["baseline"]["status"], "none_yet", "{report}");
    assert_eq!(report["baseline"]["update_failed"], false, "{report}");
    assert!(markdown.contains("no baseline yet"), "{markdown}");
    assert!(!markdown.contains("Baseline not updated"), "{markdown}");
    assert_eq!(baseline_errors(&controller, "read"), 1.0);
    assert_eq!(baseline_errors(&controller, "update"), 1.0);
    let audits = baseline_audits(&database_url).await;
    assert_eq!(audits.len(), 1, "{audits:?}");
    let (scope, details) = &audits[0];
    assert_eq!(scope, "target:all", "{audits:?}");
    assert_eq!(details["run_id"], run_id.as_str(), "{details}");
    assert_eq!(details["runs"], 1, "{details}");
    let seen = details["templates_seen"].as_u64().expect("templates_seen");
    assert!(seen >= 2, "{details}");
    assert_eq!(details["templates_added"].as_u64(), Some(seen), "{details}");
    assert_eq!(details["templates_forgotten"], 0, "{details}");
    let actor = query(
        &database_url,
        "SELECT actor FROM audit_events WHERE action = 'baseline.update'",
    )
    .await;
    assert_eq!(actor[0].get::<_, String>(0), "controller");
}
