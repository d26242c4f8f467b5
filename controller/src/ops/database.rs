//! The database a backup reads or a restore fills: the embedded cluster (started here, or the
//! running controller's, reached over its socket) or `--database-url`. Its connection settings go
//! to `pg_dump` and `pg_restore` through libpq's environment variables, never their command
//! lines, so a password does not show in the process list.

use std::path::PathBuf;

use anyhow::{Context, bail};
use cyberbrain_controller::config::Config;
use cyberbrain_store::Store;
use cyberbrain_store::pg_cluster::{self, EmbeddedPostgres};

/// An open database.
pub struct Database {
    /// The store on it.
    pub store: Store,
    /// `embedded` or `external`.
    pub kind: &'static str,
    url: String,
    ca: Option<PathBuf>,
    /// The cluster this process started, stopped by [`Database::close`].
    started: Option<EmbeddedPostgres>,
}

impl Database {
    /// The database of a configured controller, which may be running. Never creates one.
    pub async fn existing(config: &Config) -> anyhow::Result<Database> {
        if let Some(url) = &config.database_url {
            return Database::external(config, url).await;
        }
        let dir = config.state_dir.join("postgres");
        if !pg_cluster::exists(&dir)? {
            bail!(
                "no embedded database under {}: is --state-dir the controller's? (or give \
                 --database-url)",
                dir.display()
            );
        }
        if pg_cluster::in_use(&dir)? {
            // The running controller owns the cluster: use its socket, leave it running.
            let socket = pg_cluster::socket_dir(&dir)?;
            let url = format!(
                "host={} port=5432 user=cyberbrain dbname=cyberbrain",
                socket.display()
            );
            let store = Store::connect(&url)
                .await
                .context("connecting to the running controller's embedded PostgreSQL")?;
            return Ok(Database {
                store,
                kind: "embedded",
                url,
                ca: None,
                started: None,
            });
        }
        Database::embedded(config).await
    }

    /// A new embedded cluster (restore: the state directory was checked to be empty).
    pub async fn embedded(config: &Config) -> anyhow::Result<Database> {
        let cluster = EmbeddedPostgres::start(
            &config.state_dir.join("postgres"),
            config.postgres_bin_dir.as_deref(),
        )
        .await
        .context("starting the embedded PostgreSQL cluster")?;
        let url = cluster.database_url();
        let store = match Store::connect(&url).await {
            Ok(store) => store,
            Err(e) => {
                let _ = cluster.stop().await;
                return Err(e).context("connecting to the embedded PostgreSQL");
            }
        };
        Ok(Database {
            store,
            kind: "embedded",
            url,
            ca: None,
            started: Some(cluster),
        })
    }

    /// `--database-url`.
    pub async fn external(config: &Config, url: &str) -> anyhow::Result<Database> {
        let store = Store::connect_with_ca(url, config.database_ca_cert.as_deref())
            .await
            .context("connecting to PostgreSQL (--database-url)")?;
        Ok(Database {
            store,
            kind: "external",
            url: url.to_string(),
            ca: config.database_ca_cert.clone(),
            started: None,
        })
    }

    /// libpq's environment for this database (`PGHOST`, `PGPASSWORD`, …), and the database name.
    pub fn libpq_env(&self) -> anyhow::Result<(Vec<(&'static str, String)>, String)> {
        Ok(cyberbrain_store::libpq_environment(
            &self.url,
            self.ca.as_deref(),
        )?)
    }

    /// Stops the cluster if this process started it.
    pub async fn close(self) -> anyhow::Result<()> {
        // The pool's connections first, so the cluster's shutdown does not cut them.
        drop(self.store);
        if let Some(cluster) = self.started {
            cluster
                .stop()
                .await
                .context("stopping the embedded PostgreSQL cluster")?;
        }
        Ok(())
    }
}
