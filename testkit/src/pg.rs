//! A private PostgreSQL cluster per test, from the same code as the controller's embedded default.

use cyberbrain_controller::pg_cluster::EmbeddedPostgres;
use cyberbrain_controller::store::Store;

/// A running cluster in a temporary directory, stopped and removed on drop.
pub struct PgCluster {
    cluster: EmbeddedPostgres,
    // Dropped after the cluster is stopped (field order), so the files outlive the server.
    _dir: tempfile::TempDir,
}

impl PgCluster {
    /// Starts a fresh cluster.
    pub async fn start() -> PgCluster {
        let dir = crate::temp_dir("pg");
        let cluster = EmbeddedPostgres::start(&dir.path().join("postgres"), None)
            .await
            .expect("a private PostgreSQL cluster starts (are the postgresql binaries installed?)");
        PgCluster { cluster, _dir: dir }
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
