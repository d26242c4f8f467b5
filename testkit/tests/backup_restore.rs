//! `cyberbrain-controller backup` and `restore`, end to end with the real binaries, the embedded
//! PostgreSQL and `pg_dump`/`pg_restore`: a running controller with runs, reports, tokens and an
//! enrolled agent is backed up (its PKI encrypted with a passphrase), stopped, and restored into a
//! new state directory; the restored controller serves the same runs, reports, files and tokens,
//! and the same agent process reconnects with its certificate. A tampered file, a newer schema, a
//! missing passphrase and a non-empty target are refused before anything is written; a backup
//! taken while runs are being written restores with every report row matching its files; and a
//! controller refuses a database migrated by a newer version.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use cyberbrain_store::Store;
use cyberbrain_testkit::checks::{json, launch_gpu_run, wait_agents_online, wait_for_run_status};
use cyberbrain_testkit::nvml;
use cyberbrain_testkit::pg::PgCluster;
use cyberbrain_testkit::process::{
    AgentProcess, ChildGuard, ControllerOptions, ControllerProcess, Pki, binary, cbctl, cbctl_ok,
    cbctl_with_token_file, free_port,
};
use cyberbrain_testkit::{temp_dir, wait_for_or};
use sha2::Digest;

const PASSPHRASE: &str = "correct horse battery staple";

/// Runs `cyberbrain-controller --state-dir STATE ARGS…` to its end.
fn controller_command(state_dir: &Path, args: &[&str]) -> Output {
    Command::new(binary("cyberbrain-controller"))
        .arg("--state-dir")
        .arg(state_dir)
        .args(["--log-format", "json"])
        .args(args)
        .env("RUST_LOG", "warn")
        .output()
        .expect("the controller binary runs")
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn backup(state_dir: &Path, out: &Path, extra: &[&str]) -> Output {
    let out = out.display().to_string();
    let mut args = vec!["backup", "--out", out.as_str()];
    args.extend_from_slice(extra);
    controller_command(state_dir, &args)
}

fn restore(state_dir: &Path, from: &Path, extra: &[&str]) -> Output {
    restore_with(state_dir, &[], from, extra)
}

/// `restore` with controller settings (`--database-url`), which come before the command.
fn restore_with(state_dir: &Path, settings: &[&str], from: &Path, extra: &[&str]) -> Output {
    let from = from.display().to_string();
    let mut args = settings.to_vec();
    args.extend_from_slice(&["restore", "--from", from.as_str()]);
    args.extend_from_slice(extra);
    controller_command(state_dir, &args)
}

/// A copy of a backup directory, to spoil.
fn copy_backup(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("copy dir");
    let status = Command::new("cp")
        .arg("-a")
        .arg(format!("{}/.", from.display()))
        .arg(to)
        .status()
        .expect("cp runs");
    assert!(status.success());
}

/// A managed-PKI controller on its embedded cluster, on fixed ports (so that its agents find
/// the restored one at the same address).
fn managed_controller(dir: &Path, name: &str, ports: (u16, u16)) -> ControllerProcess {
    let unused = Pki {
        dir: dir.join("unused-pki"),
    };
    ControllerProcess::start_with(
        dir,
        &unused,
        ControllerOptions {
            managed_pki: true,
            name: Some(name.into()),
            ports: Some(ports),
            ..Default::default()
        },
    )
}

fn sha256_file(path: &Path) -> String {
    format!(
        "{:x}",
        sha2::Sha256::digest(std::fs::read(path).expect("a readable file"))
    )
}

/// Every artifact row of the database has its file under `artifacts`, with the recorded
/// checksum; every run with a stored report has both report files.
async fn assert_rows_match_files(database_url: &str, artifacts: &Path) -> usize {
    let store = Store::connect(database_url).await.expect("the database");
    let records = store.artifact_records().await.expect("artifact rows");
    for record in &records {
        let path = artifacts.join(&record.relative_path);
        assert!(path.is_file(), "{} is missing", record.relative_path);
        assert_eq!(
            sha256_file(&path),
            record.sha256,
            "{} differs from its row",
            record.relative_path
        );
    }
    let runs = store.runs_with_reports().await.expect("runs");
    for run in &runs {
        for file in ["report.md", "report.json"] {
            let path = artifacts.join(format!("runs/{run}/{file}"));
            assert!(path.is_file(), "{} is missing", path.display());
        }
    }
    runs.len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_of_a_running_controller_restores_runs_reports_tokens_and_the_agent() {
    let dir = temp_dir("backup");
    let ports = (free_port(), free_port());
    let library = nvml::build(dir.path()).display().to_string();
    let passphrase_file = dir.path().join("passphrase");
    std::fs::write(&passphrase_file, format!("{PASSPHRASE}\n")).expect("passphrase");
    let passphrase = passphrase_file.display().to_string();
    let out = dir.path().join("backup");

    let original = managed_controller(dir.path(), "original", ports);
    let pki = Pki {
        dir: original.state_dir.join("pki"),
    };
    let join_token = cbctl_ok(&pki, &original, &["agent", "join-token", "create"])
        .trim()
        .to_string();
    let agent_state = dir.path().join("agent-state");
    let agent = AgentProcess::enroll(
        dir.path(),
        Some(&pki.ca()),
        "keeper",
        &original,
        &join_token,
        &agent_state,
        &["--nvml-library", &library],
    );
    wait_agents_online(&pki, &original, &["keeper"], || agent.process.log_text());
    let run_id = launch_gpu_run(&pki, &original, "keeper");
    wait_for_run_status(&pki, &original, &run_id, "succeeded");
    let report = cbctl_ok(&pki, &original, &["run", "report", &run_id]);
    assert!(report.contains("keeper"), "{report}");
    let viewer_secret = cbctl_ok(
        &pki,
        &original,
        &["token", "create", "auditor", "--role", "viewer"],
    )
    .trim()
    .to_string();
    let viewer_token = dir.path().join("viewer.token");
    std::fs::write(&viewer_token, &viewer_secret).expect("token file");
    let admin_token = original.admin_token();
    // A second run whose report file is lost before the backup (as if retention or a rewrite
    // raced the copy): the backup notes it, the restore writes it again from the row.
    let lost_run = launch_gpu_run(&pki, &original, "keeper");
    wait_for_run_status(&pki, &original, &lost_run, "succeeded");
    let lost_file = format!("runs/{lost_run}/report.md");
    wait_for_or(
        "the second run's report file",
        || {
            original
                .state_dir
                .join("artifacts")
                .join(&lost_file)
                .is_file()
        },
        || original.process.log_text(),
    );
    std::fs::remove_file(original.state_dir.join("artifacts").join(&lost_file)).expect("lost");

    // The backup, while the controller runs.
    let taken = backup(
        &original.state_dir,
        &out,
        &["--passphrase-file", &passphrase],
    );
    assert!(taken.status.success(), "{}", text(&taken));
    let manifest = json(&std::fs::read_to_string(out.join("manifest.json")).expect("manifest"));
    assert_eq!(
        manifest["schema_version"],
        cyberbrain_store::migrate::latest_version(),
        "{manifest}"
    );
    assert_eq!(manifest["pki_encryption"], "passphrase", "{manifest}");
    assert!(
        manifest["postgres_version"]
            .as_str()
            .is_some_and(|v| !v.is_empty())
    );
    let files = manifest["files"].as_object().expect("files");
    assert!(files.contains_key("database.dump"), "{manifest}");
    assert!(files.contains_key("pki.age"), "{manifest}");
    assert!(
        files.contains_key(&format!("artifacts/runs/{run_id}/report.md")),
        "{manifest}"
    );
    assert!(
        !files.keys().any(|f| f.contains("admin.token")),
        "the bootstrap admin token stays out: {manifest}"
    );
    assert_eq!(
        manifest["artifacts_out_of_step"],
        serde_json::json!([lost_file]),
        "{manifest}"
    );
    let sealed = std::fs::read(out.join("pki.age")).expect("sealed pki");
    assert!(
        !String::from_utf8_lossy(&sealed).contains("PRIVATE KEY"),
        "the keys are encrypted"
    );
    for file in files.keys() {
        let mode = std::fs::metadata(out.join(file))
            .expect("file")
            .permissions();
        assert_eq!(
            std::os::unix::fs::PermissionsExt::mode(&mode) & 0o077,
            0,
            "{file} is private"
        );
    }
    assert!(
        String::from_utf8_lossy(&taken.stderr).contains("dumping the embedded database"),
        "progress on stderr: {}",
        text(&taken)
    );

    // Refusals, each before anything is written.
    let restored_state = dir.path().join("restored");
    let into_the_running_one = restore(
        &original.state_dir,
        &out,
        &["--passphrase-file", &passphrase],
    );
    assert!(!into_the_running_one.status.success());
    assert!(
        text(&into_the_running_one).contains("is not empty"),
        "{}",
        text(&into_the_running_one)
    );
    let without_key = restore(&restored_state, &out, &[]);
    assert!(!without_key.status.success());
    assert!(
        text(&without_key).contains("--passphrase-file"),
        "{}",
        text(&without_key)
    );
    let tampered = dir.path().join("tampered");
    copy_backup(&out, &tampered);
    let report_copy = tampered.join(format!("artifacts/runs/{run_id}/report.md"));
    let mut bytes = std::fs::read(&report_copy).expect("report copy");
    bytes[0] ^= 1;
    std::fs::write(&report_copy, bytes).expect("tamper");
    let refused = restore(
        &restored_state,
        &tampered,
        &["--passphrase-file", &passphrase],
    );
    assert!(!refused.status.success());
    assert!(
        text(&refused).contains(&format!(
            "artifacts/runs/{run_id}/report.md: checksum differs"
        )),
        "{}",
        text(&refused)
    );
    let newer = dir.path().join("newer");
    copy_backup(&out, &newer);
    let mut future = manifest.clone();
    future["schema_version"] = 9999.into();
    std::fs::write(newer.join("manifest.json"), future.to_string()).expect("manifest");
    let refused = restore(&restored_state, &newer, &["--passphrase-file", &passphrase]);
    assert!(!refused.status.success());
    assert!(
        text(&refused).contains("newer than this controller knows"),
        "{}",
        text(&refused)
    );
    assert!(
        !restored_state.exists(),
        "nothing was written by a refused restore"
    );

    // The disaster: the controller and its state are gone; the agent keeps trying.
    drop(original);
    let restored = restore(&restored_state, &out, &["--passphrase-file", &passphrase]);
    assert!(restored.status.success(), "{}", text(&restored));
    let steps = String::from_utf8_lossy(&restored.stdout);
    assert!(steps.contains("Next steps"), "{steps}");
    assert!(steps.contains("enroll them again"), "{steps}");
    let key = std::fs::metadata(restored_state.join("pki/ca.key")).expect("restored CA key");
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&key.permissions()) & 0o777,
        0o600
    );
    assert!(!restored_state.join("admin.token").exists());
    // The operator kept the admin token.
    std::fs::write(restored_state.join("admin.token"), &admin_token).expect("kept token");

    let controller = managed_controller(dir.path(), "restored", ports);
    assert_eq!(
        std::fs::read(controller.state_dir.join("pki/ca.pem")).expect("ca"),
        std::fs::read(pki.ca()).expect("original ca"),
        "the same CA"
    );
    // The same agent process reconnects with the certificate the original CA issued.
    wait_agents_online(&pki, &controller, &["keeper"], || agent.process.log_text());
    let run = json(&cbctl_ok(
        &pki,
        &controller,
        &["run", "get", &run_id, "-o", "json"],
    ));
    assert_eq!(run["status"], "succeeded", "{run}");
    assert_eq!(
        cbctl_ok(&pki, &controller, &["run", "report", &run_id]),
        report
    );
    let files_checked = assert_rows_match_files(
        &controller.database_url(),
        &controller.state_dir.join("artifacts"),
    )
    .await;
    assert_eq!(files_checked, 2, "both runs' report files are there");
    assert!(
        steps.contains("report files written again from the database: 1 run(s)"),
        "{steps}"
    );
    let as_viewer = cbctl_with_token_file(&pki, &controller, &viewer_token, &["run", "list"]);
    assert!(as_viewer.status.success(), "{}", text(&as_viewer));
    let third = launch_gpu_run(&pki, &controller, "keeper");
    wait_for_run_status(&pki, &controller, &third, "succeeded");
    let audit = cbctl_ok(&pki, &controller, &["audit", "list", "-o", "json"]);
    assert!(audit.contains("backup.restore"), "{audit}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_runs_are_written_restores_consistently() {
    let dir = temp_dir("backup-busy");
    let ports = (free_port(), free_port());
    let library = nvml::build(dir.path()).display().to_string();
    let original = managed_controller(dir.path(), "busy", ports);
    let pki = Pki {
        dir: original.state_dir.join("pki"),
    };
    let join_token = cbctl_ok(&pki, &original, &["agent", "join-token", "create"])
        .trim()
        .to_string();
    let agent = AgentProcess::enroll(
        dir.path(),
        Some(&pki.ca()),
        "busy",
        &original,
        &join_token,
        &dir.path().join("agent-state"),
        &["--nvml-library", &library],
    );
    wait_agents_online(&pki, &original, &["busy"], || agent.process.log_text());

    // Runs launched one after another while the backup is taken; the backup starts once two
    // are in, so the snapshot holds some and misses others.
    let stop = Arc::new(AtomicBool::new(false));
    let started = Arc::new(AtomicUsize::new(0));
    let launched = std::thread::scope(|scope| {
        let stop_launching = stop.clone();
        let counter = started.clone();
        let original = &original;
        let pki = &pki;
        let launcher = scope.spawn(move || {
            while !stop_launching.load(Ordering::SeqCst) {
                let out = cbctl(
                    pki,
                    original,
                    &[
                        "run",
                        "launch",
                        "--task",
                        "gpu_report:window_ms=100",
                        "--agent",
                        "busy",
                    ],
                );
                assert!(out.status.success(), "{}", text(&out));
                counter.fetch_add(1, Ordering::SeqCst);
            }
        });
        wait_for_or(
            "two runs launched",
            || started.load(Ordering::SeqCst) >= 2,
            String::new,
        );
        let out = dir.path().join("backup");
        let taken = backup(&original.state_dir, &out, &[]);
        stop.store(true, Ordering::SeqCst);
        launcher.join().expect("the launcher");
        assert!(taken.status.success(), "{}", text(&taken));
        started.load(Ordering::SeqCst)
    });
    assert!(launched >= 3, "runs were launched during the backup too");
    drop(agent);
    drop(original);

    // Into an external database this time: the embedded cluster's dump restores anywhere.
    let pg = PgCluster::start().await;
    let url = pg.database_url();
    let restored_state = dir.path().join("busy-restored");
    let restored = restore_with(
        &restored_state,
        &["--database-url", &url],
        &dir.path().join("backup"),
        &[],
    );
    assert!(restored.status.success(), "{}", text(&restored));
    let again = restore_with(
        &dir.path().join("elsewhere"),
        &["--database-url", &url],
        &dir.path().join("backup"),
        &[],
    );
    assert!(!again.status.success());
    assert!(
        text(&again).contains("the database is not empty"),
        "{}",
        text(&again)
    );
    std::fs::copy(
        dir.path().join("busy/admin.token"),
        restored_state.join("admin.token"),
    )
    .expect("kept token");
    let unused = Pki {
        dir: dir.path().join("unused-pki"),
    };
    let controller = ControllerProcess::start_with(
        dir.path(),
        &unused,
        ControllerOptions {
            managed_pki: true,
            name: Some("busy-restored".into()),
            ports: Some(ports),
            database_url: Some(url),
            ..Default::default()
        },
    );
    let runs = json(&cbctl_ok(&pki, &controller, &["run", "list", "-o", "json"]));
    let count = runs.as_array().map(Vec::len).unwrap_or(0);
    assert!(
        count >= 2 && count <= launched,
        "{count} runs restored of {launched}"
    );
    let with_reports = assert_rows_match_files(
        &controller.database_url(),
        &controller.state_dir.join("artifacts"),
    )
    .await;
    assert!(with_reports <= count);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_controller_refuses_a_database_migrated_by_a_newer_version() {
    let dir = temp_dir("newer-schema");
    let pg = PgCluster::start().await;
    let url = pg.database_url();
    let state: PathBuf = dir.path().join("state");
    let migrated = controller_command(&state, &["--database-url", &url, "migrate"]);
    assert!(migrated.status.success(), "{}", text(&migrated));
    cyberbrain_testkit::checks::query(
        &url,
        "INSERT INTO schema_migrations (version, name, checksum)
         VALUES (9999, '9999_from_a_newer_controller.sql', 'x')",
    )
    .await;

    let mut command = Command::new(binary("cyberbrain-controller"));
    command
        .arg("--state-dir")
        .arg(&state)
        .args(["--database-url", &url])
        .args([
            "--api-listen",
            "127.0.0.1:0",
            "--agent-listen",
            "127.0.0.1:0",
        ])
        .args(["--http-listen", "off"]);
    let log_path = dir.path().join("serve.log");
    let mut serve = ChildGuard::spawn(command, log_path.clone());
    wait_for_or(
        "the controller to refuse the database",
        || serve.exited(),
        || std::fs::read_to_string(&log_path).unwrap_or_default(),
    );
    assert_eq!(serve.exit_code(), Some(1));
    let log = serve.log_text();
    assert!(log.contains("9999_from_a_newer_controller.sql"), "{log}");
    assert!(log.contains("does not know"), "{log}");
    assert!(!state.join("endpoints.json").exists(), "it never listened");
}
