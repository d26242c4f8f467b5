//! Small helpers the end-to-end tests share: JSON from `cbctl`, SQL against the controller's
//! database, and fleet state.

use serde_json::Value;

use crate::process::{ControllerProcess, Pki, cbctl, cbctl_ok};

/// Parses JSON, failing the test with the text when it is not.
pub fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// Runs one SQL query on a fresh connection.
pub async fn query(database_url: &str, sql: &str) -> Vec<tokio_postgres::Row> {
    let (client, connection) = tokio_postgres::connect(database_url, tokio_postgres::NoTls)
        .await
        .expect("the test reaches the database");
    tokio::spawn(connection);
    client.query(sql, &[]).await.expect("query")
}

/// The single value of a `SELECT count(*) …`.
pub async fn count(database_url: &str, sql: &str) -> i64 {
    query(database_url, sql).await[0].get(0)
}

/// Client connections to the server at `database_url` (other than this check's own, which is
/// plain) that use TLS (`tls`) or do not.
pub async fn client_connections(database_url: &str, tls: bool) -> i64 {
    let sql = format!(
        "SELECT count(*) FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)
         WHERE a.backend_type = 'client backend' AND a.pid <> pg_backend_pid() AND s.ssl = {tls}"
    );
    count(database_url, &sql).await
}

/// Whether every named agent is listed online.
pub fn agents_online(pki: &Pki, controller: &ControllerProcess, names: &[&str]) -> bool {
    let listed = json(&cbctl_ok(pki, controller, &["agent", "list", "-o", "json"]));
    names.iter().all(|name| {
        listed.as_array().is_some_and(|agents| {
            agents
                .iter()
                .any(|a| a["name"] == *name && a["state"] == "online")
        })
    })
}

/// Waits until the agents are online, showing `log` on failure.
pub fn wait_agents_online(
    pki: &Pki,
    controller: &ControllerProcess,
    names: &[&str],
    log: impl Fn() -> String,
) {
    crate::wait_for_or(
        &format!("agents {names:?} online"),
        || agents_online(pki, controller, names),
        log,
    );
}

/// Launches an ad-hoc `gpu_report` run on one agent and returns the run id.
pub fn launch_gpu_run(pki: &Pki, controller: &ControllerProcess, agent: &str) -> String {
    let run = json(&cbctl_ok(
        pki,
        controller,
        &[
            "run",
            "launch",
            "--task",
            "gpu_report:window_ms=100",
            "--agent",
            agent,
            "-o",
            "json",
        ],
    ));
    run["id"].as_str().expect("run id").to_string()
}

/// Launches a run with `cbctl run launch ARGS… --watch`, asserts that the watch ended in success
/// (with cbctl's output when it did not), and returns the new run's id.
pub fn launch_and_watch(pki: &Pki, controller: &ControllerProcess, args: &[&str]) -> String {
    let mut command = vec!["run", "launch"];
    command.extend_from_slice(args);
    command.push("--watch");
    let launch = cbctl(pki, controller, &command);
    assert!(
        launch.status.success(),
        "the run did not succeed: {}{}",
        String::from_utf8_lossy(&launch.stdout),
        String::from_utf8_lossy(&launch.stderr)
    );
    let runs = json(&cbctl_ok(pki, controller, &["run", "list", "-o", "json"]));
    runs[0]["id"].as_str().expect("a run id").to_string()
}

/// The only job in the database, as (status, attempt).
pub async fn only_job(database_url: &str) -> (String, i32) {
    let rows = query(database_url, "SELECT status, attempt FROM jobs").await;
    assert_eq!(rows.len(), 1, "one job");
    (rows[0].get(0), rows[0].get(1))
}

/// Waits until the only job's (status, attempt) satisfies `wanted`.
pub async fn wait_for_job(database_url: &str, what: &str, wanted: impl Fn(&str, i32) -> bool) {
    let url = database_url.to_string();
    crate::wait_for_async(what, || {
        let url = url.clone();
        let wanted = &wanted;
        async move {
            let (status, attempt) = only_job(&url).await;
            wanted(&status, attempt).then_some(())
        }
    })
    .await;
}

/// Waits until `cbctl run get` shows the run in `status` (a run finishes just after its last job,
/// in a separate step), and returns the run.
pub fn wait_for_run_status(
    pki: &Pki,
    controller: &ControllerProcess,
    run_id: &str,
    status: &str,
) -> Value {
    let get = || {
        json(&cbctl_ok(
            pki,
            controller,
            &["run", "get", run_id, "-o", "json"],
        ))
    };
    crate::wait_for_or(
        &format!("run {run_id} to be {status}"),
        || get()["status"] == status,
        || get().to_string(),
    );
    get()
}
