//! A private PostgreSQL cluster per test, from the same code as the controller's embedded default.

use cyberbrain_controller::pg_cluster::EmbeddedPostgres;
use cyberbrain_controller::store::Store;

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
