//! The embedded PostgreSQL wherever the state directory is. As root, the controller runs the cluster
//! as the `postgres` user, who cannot reach a state directory below a directory of mode 0700 (a
//! clone in root's home, say): the cluster is made elsewhere and recorded in the state directory.
//! The next start must use the same cluster; a deleted state directory must get a new, empty one and
//! leave the old cluster's files alone.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use cyberbrain_testkit::http::status;
use cyberbrain_testkit::process::{ControllerProcess, Pki, cbctl_ok};
use cyberbrain_testkit::wait_for_or;

/// Removes the relocated cluster directories when the test ends, passed or failed. Declared before
/// the controllers, so it drops after them, once they have stopped their clusters.
struct RemoveOnDrop(Vec<PathBuf>);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        for path in &self.0 {
            if let Err(e) = std::fs::remove_dir_all(path) {
                eprintln!("could not remove {}: {e}", path.display());
            }
        }
    }
}

fn running_as_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

fn postgres_uid() -> u32 {
    let output = std::process::Command::new("id")
        .args(["-u", "postgres"])
        .output()
        .expect("id runs");
    assert!(output.status.success(), "the postgres user exists");
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .expect("a numeric uid")
}

/// The cluster directory that `state_dir` records.
fn recorded_location(state_dir: &Path) -> PathBuf {
    let record = state_dir.join("postgres/cluster-location");
    let text = std::fs::read_to_string(&record)
        .unwrap_or_else(|e| panic!("{} records the cluster: {e}", record.display()));
    PathBuf::from(text.trim_end_matches('\n'))
}

fn wait_ready(controller: &ControllerProcess) {
    let http = controller.http.expect("the probes endpoint is on");
    wait_for_or(
        "the controller to be ready",
        || status(http, "/readyz") == 200,
        || controller.process.log_text(),
    );
}

fn allowlist(pki: &Pki, controller: &ControllerProcess) -> String {
    cbctl_ok(pki, controller, &["allowlist", "list"])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_state_directory_postgres_cannot_reach_keeps_its_cluster_elsewhere_across_restarts() {
    if !running_as_root() {
        eprintln!(
            "skipped: only a controller running as root runs PostgreSQL as another user, \
             the case this test is about"
        );
        return;
    }
    // Private, like root's home (`cyberbrain_testkit::temp_dir` opens its directories up instead).
    let dir = tempfile::Builder::new()
        .prefix("cb-private-")
        .permissions(PermissionsExt::from_mode(0o700))
        .tempdir()
        .expect("a temporary directory");
    let mode = std::fs::metadata(dir.path()).expect("metadata").mode() & 0o777;
    assert_eq!(mode, 0o700);
    let mut cleanup = RemoveOnDrop(Vec::new());
    let pki = Pki::init(&dir.path().join("certs"), &[]);

    let mut controller = ControllerProcess::start(dir.path(), &pki);
    wait_ready(&controller);
    let state_dir = controller.state_dir.clone();
    let location = recorded_location(&state_dir);
    cleanup.0.push(location.clone());
    assert!(
        !location.starts_with(dir.path()),
        "the cluster is outside the private directory: {}",
        location.display()
    );
    let metadata = std::fs::metadata(&location).expect("the cluster directory");
    assert_eq!(metadata.uid(), postgres_uid(), "postgres owns its cluster");
    assert_eq!(metadata.mode() & 0o777, 0o700);
    assert!(location.join("data/PG_VERSION").is_file());
    assert!(
        !state_dir.join("postgres/data").exists(),
        "no cluster in the state directory"
    );
    let owner = std::fs::read_to_string(location.join("state-dir")).expect("the owner file");
    assert_eq!(
        Path::new(owner.trim_end_matches('\n')),
        state_dir
            .join("postgres")
            .canonicalize()
            .expect("a state directory")
    );
    let socket_mode = std::fs::metadata(location.join("run"))
        .expect("the socket directory")
        .permissions()
        .mode();
    assert_eq!(socket_mode & 0o777, 0o700);
    // The harness finds the relocated cluster too.
    let (client, connection) =
        tokio_postgres::connect(&controller.database_url(), tokio_postgres::NoTls)
            .await
            .expect("the harness reaches the relocated cluster");
    let connection = tokio::spawn(connection);
    client.simple_query("SELECT 1").await.expect("a query");
    drop(client);
    let _ = connection.await;

    cbctl_ok(
        &pki,
        &controller,
        &["allowlist", "add", "kept-across-restarts"],
    );
    let token = controller.admin_token();

    // A clean stop (the controller stops the cluster it started), then a second start.
    assert!(
        controller.process.terminate(Duration::from_secs(30)),
        "the controller stops on SIGTERM"
    );
    controller.restart();
    wait_ready(&controller);
    assert_eq!(recorded_location(&state_dir), location);
    assert_eq!(
        controller.admin_token(),
        token,
        "no new bootstrap token: the same database"
    );
    let list = allowlist(&pki, &controller);
    assert!(list.contains("kept-across-restarts"), "{list}");

    // Deleting the state directory forgets the cluster, as it would one kept in place.
    assert!(controller.process.terminate(Duration::from_secs(30)));
    std::fs::remove_dir_all(&state_dir).expect("the state directory is deleted");
    controller.restart();
    wait_ready(&controller);
    let fresh = recorded_location(&state_dir);
    cleanup.0.push(fresh.clone());
    assert_ne!(fresh, location, "a new cluster");
    assert_ne!(controller.admin_token(), token, "a new database");
    let list = allowlist(&pki, &controller);
    assert!(!list.contains("kept-across-restarts"), "{list}");
    assert!(
        location.join("data/PG_VERSION").is_file(),
        "the old cluster's files are left alone"
    );
    let log = controller.process.log_text();
    assert!(
        log.contains("kept but not reused") && log.contains(&location.display().to_string()),
        "the start names the old cluster it skipped:\n{log}"
    );
}

/// Root acts on what a cluster-location record names (creates it, hands it over with `chown -R`).
/// A cluster kept in place hands `<state-dir>/postgres` to the postgres user, who could then plant
/// a record naming any directory: such a record must be refused, and the directory left alone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_record_the_postgres_user_could_have_written_is_refused() {
    if !running_as_root() {
        eprintln!("skipped: only a controller running as root hands directories to postgres");
        return;
    }
    let dir = cyberbrain_testkit::temp_dir("pg-record");
    let cluster_dir = dir.path().join("state/postgres");
    let cluster = cyberbrain_store::pg_cluster::EmbeddedPostgres::start(&cluster_dir, None)
        .await
        .expect("the cluster starts in place");
    cluster.stop().await.expect("the cluster stops");
    let owner = std::fs::metadata(&cluster_dir).expect("metadata").uid();
    assert_eq!(
        owner,
        postgres_uid(),
        "in place, postgres owns the directory"
    );

    let victim = dir.path().join("victim");
    std::fs::create_dir(&victim).expect("a directory root owns");
    let planted = format!(
        "echo {} > {}",
        victim.display(),
        cluster_dir.join("cluster-location").display()
    );
    let status = std::process::Command::new("runuser")
        .args(["-u", "postgres", "--", "sh", "-c", &planted])
        .status()
        .expect("runuser runs");
    assert!(status.success(), "postgres can write in its directory");

    let refused = cyberbrain_store::pg_cluster::EmbeddedPostgres::start(&cluster_dir, None)
        .await
        .expect_err("a planted record is refused");
    let message = refused.to_string();
    assert!(message.contains("not trusted"), "{message}");
    let victim_meta = std::fs::metadata(&victim).expect("the directory is still there");
    assert_eq!(victim_meta.uid(), 0, "nothing was handed over");
    assert!(!victim.join("run").exists(), "nothing was made in it");
}
