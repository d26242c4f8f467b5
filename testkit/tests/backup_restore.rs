//! Backup and restore as deploy/README.md describes them, tried: a controller on a private cluster
//! finishes a run; the database is dumped with `pg_dump -Fc` and the state directory copied; both
//! are lost; the dump is restored into a fresh cluster with `pg_restore`, the state directory put
//! back, and a new controller on the restored database serves the run, its report and its
//! artifacts, accepts the old admin token, and takes the old agent back for a new run.

use std::path::Path;
use std::process::Command;

use cyberbrain_testkit::checks::{json, launch_gpu_run, wait_agents_online, wait_for_run_status};
use cyberbrain_testkit::images::host_postgres_bin_dir;
use cyberbrain_testkit::nvml;
use cyberbrain_testkit::pg::PgCluster;
use cyberbrain_testkit::process::{
    AgentProcess, ControllerOptions, ControllerProcess, Pki, cbctl_ok,
};
use cyberbrain_testkit::temp_dir;

/// Runs one of the host's PostgreSQL client programs, failing the test with its stderr.
fn pg_tool(program: &str, args: &[&str]) {
    let path = host_postgres_bin_dir().join(program);
    let output = Command::new(&path)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{} runs: {e}", path.display()));
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Copies the controller's state directory as the backup procedure does: everything but the
/// embedded cluster (the dump holds the database) and `endpoints.json` (rewritten at start).
fn copy_state_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("state directory");
    for entry in std::fs::read_dir(from).expect("a readable state directory") {
        let entry = entry.expect("an entry");
        let name = entry.file_name();
        if name == "postgres" || name == "endpoints.json" {
            continue;
        }
        let target = to.join(&name);
        if entry.path().is_dir() {
            copy_state_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("a copied file");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_dump_and_the_state_directory_restore_runs_reports_and_tokens() {
    let dir = temp_dir("backup");
    let pki = Pki::init(&dir.path().join("certs"), &["keeper"]);
    let library = nvml::build(dir.path()).display().to_string();
    let agent_flags = ["--nvml-library", library.as_str()];
    let dump = dir.path().join("cyberbrain.dump");
    let backup_state = dir.path().join("backup-state");

    let (run_id, report) = {
        let pg = PgCluster::start().await;
        let options = ControllerOptions {
            database_url: Some(pg.database_url()),
            name: Some("original".into()),
            ..Default::default()
        };
        let controller = ControllerProcess::start_with(dir.path(), &pki, options);
        let agent = AgentProcess::start(dir.path(), &pki, "keeper", &controller, &agent_flags);
        wait_agents_online(&pki, &controller, &["keeper"], || agent.process.log_text());
        let run_id = launch_gpu_run(&pki, &controller, "keeper");
        wait_for_run_status(&pki, &controller, &run_id, "succeeded");
        let report = cbctl_ok(&pki, &controller, &["run", "report", &run_id]);
        assert!(report.contains("keeper"), "{report}");

        // The backup, taken while the controller runs: pg_dump reads one consistent snapshot.
        let url = pg.database_url();
        pg_tool(
            "pg_dump",
            &[
                "--format=custom",
                "--file",
                &dump.display().to_string(),
                "--dbname",
                &url,
            ],
        );
        copy_state_dir(&controller.state_dir, &backup_state);
        (run_id, report)
        // The controller, the agent and the cluster are gone here: the disaster.
    };

    let pg = PgCluster::start().await;
    let url = pg.database_url();
    pg_tool(
        "pg_restore",
        &[
            "--exit-on-error",
            "--dbname",
            &url,
            &dump.display().to_string(),
        ],
    );
    let restored_state = dir.path().join("restored");
    copy_state_dir(&backup_state, &restored_state);
    let options = ControllerOptions {
        database_url: Some(url),
        name: Some("restored".into()),
        ..Default::default()
    };
    let controller = ControllerProcess::start_with(dir.path(), &pki, options);

    // The restored admin token works (its hash came back with the database) and the controller
    // wrote no new one.
    let restored_token = std::fs::read_to_string(controller.admin_token_path()).expect("token");
    let backed_up_token =
        std::fs::read_to_string(backup_state.join("admin.token")).expect("backed-up token");
    assert_eq!(restored_token, backed_up_token);
    let run = json(&cbctl_ok(
        &pki,
        &controller,
        &["run", "get", &run_id, "-o", "json"],
    ));
    assert_eq!(run["status"], "succeeded", "{run}");
    let restored_report = cbctl_ok(&pki, &controller, &["run", "report", &run_id]);
    assert_eq!(restored_report, report, "the same report");
    let artifacts = restored_state.join("artifacts/runs").join(&run_id);
    assert!(
        artifacts.join("report.md").is_file(),
        "the report's artifact files came back with the state directory"
    );

    // The agent's certificate still chains to the same CA: it rejoins and works.
    let agent = AgentProcess::start(dir.path(), &pki, "keeper", &controller, &agent_flags);
    wait_agents_online(&pki, &controller, &["keeper"], || agent.process.log_text());
    let second = launch_gpu_run(&pki, &controller, "keeper");
    wait_for_run_status(&pki, &controller, &second, "succeeded");
    let runs = json(&cbctl_ok(&pki, &controller, &["run", "list", "-o", "json"]));
    assert_eq!(runs.as_array().map(Vec::len), Some(2), "{runs}");
}
