//! A private PostgreSQL cluster per test, from the same code as the controller's embedded default.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use cyberbrain_store::Store;
use cyberbrain_store::pg_cluster::EmbeddedPostgres;

/// A running cluster in a temporary directory, stopped and removed on drop.
pub struct PgCluster {
    cluster: EmbeddedPostgres,
    // Dropped after the cluster is stopped (field order), so the files outlive the server.
    dir: tempfile::TempDir,
}

impl PgCluster {
    /// Starts a fresh cluster.
    pub async fn start() -> PgCluster {
        let dir = crate::temp_dir("pg");
        let cluster = EmbeddedPostgres::start(&dir.path().join("postgres"), None)
            .await
            .expect("a private PostgreSQL cluster starts (are the postgresql binaries installed?)");
        PgCluster { cluster, dir }
    }

    /// Stops the server (fast shutdown: open connections are cut), keeping its files, as an
    /// outage would.
    pub async fn stop(&self) {
        self.cluster.stop().await.expect("the cluster stops");
    }

    /// Starts the stopped server again on the same files and socket, so the same
    /// [`PgCluster::database_url`] reaches it.
    pub async fn start_again(&mut self) {
        self.cluster = EmbeddedPostgres::start(&self.dir.path().join("postgres"), None)
            .await
            .expect("the cluster starts again");
    }

    /// The controller's database in this cluster.
    pub fn database_url(&self) -> String {
        self.cluster.database_url()
    }

    /// Starts a fresh cluster that also listens on `127.0.0.1` with TLS (`cert` and `key` as
    /// its server certificate), and returns it with the TCP connection string (no `sslmode`).
    pub async fn start_with_tls(cert: &Path, key: &Path) -> (PgCluster, String) {
        let cluster = PgCluster::start().await;
        cluster.stop().await;
        let data = cluster.dir.path().join("postgres/data");
        std::fs::copy(cert, data.join("server.crt")).expect("server certificate");
        std::fs::copy(key, data.join("server.key")).expect("server key");
        std::fs::set_permissions(data.join("server.key"), PermissionsExt::from_mode(0o600))
            .expect("key mode");
        let root = std::fs::metadata("/proc/self")
            .map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
            .unwrap_or(false);
        if root {
            // The cluster belongs to `postgres` (initdb refuses root), and so must its key.
            for file in ["server.crt", "server.key"] {
                let status = Command::new("chown")
                    .arg("postgres")
                    .arg(data.join(file))
                    .status()
                    .expect("chown");
                assert!(status.success(), "chown {file}");
            }
        }
        let port = crate::process::free_port();
        let options = format!(
            "-c listen_addresses=127.0.0.1 -c port={port} -c ssl=on -c unix_socket_directories='{}'",
            cluster.dir.path().join("postgres/run").display()
        );
        let pg_ctl = crate::images::host_postgres_bin_dir().join("pg_ctl");
        let log = cluster.dir.path().join("postgres/tls.log");
        let mut command = if root {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&pg_ctl);
            c
        } else {
            Command::new(&pg_ctl)
        };
        let status = command
            .arg("start")
            .arg("-D")
            .arg(&data)
            .args(["-w", "-t", "60", "-o", &options, "-l"])
            .arg(&log)
            .status()
            .expect("pg_ctl");
        assert!(
            status.success(),
            "the TLS cluster starts: {}",
            std::fs::read_to_string(&log).unwrap_or_default()
        );
        let url = format!("host=127.0.0.1 port={port} user=cyberbrain dbname=cyberbrain");
        (cluster, url)
    }

    /// A migrated store on this cluster.
    pub async fn store(&self) -> Store {
        let store = Store::connect(&self.database_url()).await.expect("connect");
        store.migrate().await.expect("migrations apply");
        store
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        self.cluster.stop_blocking();
    }
}
