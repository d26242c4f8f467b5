//! What backup and restore ask of the database: one exported snapshot that `pg_dump` and our own
//! reads share (so the manifest and the artifact list describe exactly the dumped rows), whether
//! a database is empty, and what the restored one says about itself.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use super::Store;
use crate::error::Result;

/// A read-only, repeatable-read transaction whose snapshot is exported: `pg_dump --snapshot`
/// sees the same rows as the reads made through it. Keep it alive until `pg_dump` has started
/// (PostgreSQL forgets an exported snapshot when its transaction ends).
pub struct BackupSnapshot {
    client: deadpool_postgres::Object,
    /// The id to hand to `pg_dump --snapshot`.
    pub id: String,
}

/// What the database says about itself, as of the snapshot.
#[derive(Debug, Clone)]
pub struct DatabaseFacts {
    /// The highest applied migration.
    pub schema_version: i32,
    /// The server's `server_version` (for people).
    pub server_version: String,
    /// The server's `server_version_num` (`170004`): its major version is this ÷ 10000.
    pub server_version_num: i32,
}

/// An artifact row: the file it names and the checksum it should have.
#[derive(Debug, Clone)]
pub struct ArtifactRecord {
    /// The artifact's run.
    pub run_id: Uuid,
    /// `report_markdown`, `report_json`, …
    pub kind: String,
    /// Below the artifact root.
    pub relative_path: String,
    /// Hex SHA-256.
    pub sha256: String,
}

/// A revocation recorded in the audit log.
#[derive(Debug, Clone)]
pub struct RecordedRevocation {
    /// When.
    pub at: DateTime<Utc>,
    /// `agent.revoke`, `token.revoke` or `join_token.revoke`.
    pub action: String,
    /// The agent, token or join token.
    pub object: String,
}

/// The audit actions that revoke something, which a restore cannot bring back if they were made
/// after the backup.
pub const REVOKING_ACTIONS: &[&str] = &["agent.revoke", "token.revoke", "join_token.revoke"];

/// libpq's environment variables for `database_url` (`PGHOST`, `PGPORT`, `PGUSER`,
/// `PGPASSWORD`, `PGDATABASE`, `PGSSLMODE`, `PGSSLROOTCERT`), and the database name: how
/// `pg_dump` and `pg_restore` are pointed at the database without a password on their command
/// line. TLS is verified as the store verifies it: against `ca`, or the system's roots when the
/// URL asks for TLS without one.
pub fn libpq_environment(
    database_url: &str,
    ca: Option<&std::path::Path>,
) -> Result<(Vec<(&'static str, String)>, String)> {
    use tokio_postgres::config::{Host, SslMode};
    let parsed: tokio_postgres::Config = database_url.parse().map_err(|e| {
        crate::error::Error::invalid("database_url", format!("not a PostgreSQL URL: {e}"))
    })?;
    let mut env = Vec::new();
    let hosts: Vec<String> = parsed
        .get_hosts()
        .iter()
        .map(|h| match h {
            Host::Tcp(name) => name.clone(),
            Host::Unix(path) => path.display().to_string(),
        })
        .collect();
    if !hosts.is_empty() {
        env.push(("PGHOST", hosts.join(",")));
    }
    let ports: Vec<String> = parsed.get_ports().iter().map(u16::to_string).collect();
    if !ports.is_empty() {
        env.push(("PGPORT", ports.join(",")));
    }
    if let Some(user) = parsed.get_user() {
        env.push(("PGUSER", user.to_string()));
    }
    if let Some(password) = parsed.get_password() {
        env.push(("PGPASSWORD", String::from_utf8_lossy(password).into_owned()));
    }
    let dbname = parsed.get_dbname().unwrap_or("cyberbrain").to_string();
    env.push(("PGDATABASE", dbname.clone()));
    match (ca, parsed.get_ssl_mode()) {
        (Some(ca), _) => {
            env.push(("PGSSLMODE", "verify-full".into()));
            env.push(("PGSSLROOTCERT", ca.display().to_string()));
        }
        // Verified against the system's roots, as the store verifies against the web roots
        // (libpq 16 and later understand `system`).
        (None, SslMode::Require) => {
            env.push(("PGSSLMODE", "verify-full".into()));
            env.push(("PGSSLROOTCERT", "system".into()));
        }
        (None, _) => env.push(("PGSSLMODE", "prefer".into())),
    }
    Ok((env, dbname))
}

impl Store {
    /// Opens a read-only snapshot and exports it for `pg_dump`.
    pub async fn begin_backup_snapshot(&self) -> Result<BackupSnapshot> {
        let client = self.client().await?;
        client
            .batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .await?;
        let row = client.query_one("SELECT pg_export_snapshot()", &[]).await?;
        Ok(BackupSnapshot {
            id: row.try_get(0)?,
            client,
        })
    }

    /// Whether the database holds no table, view or sequence outside the system schemas: the only
    /// kind a restore goes into.
    pub async fn is_empty(&self) -> Result<bool> {
        let client = self.client().await?;
        let row = client
            .query_one(
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
                   AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'",
                &[],
            )
            .await?;
        Ok(row.try_get::<_, i64>(0)? == 0)
    }

    /// The server's `server_version_num`.
    pub async fn server_version_num(&self) -> Result<i32> {
        let client = self.client().await?;
        server_version_num(&client).await
    }

    /// Every artifact row (what a restore checks the files against).
    pub async fn artifact_records(&self) -> Result<Vec<ArtifactRecord>> {
        let client = self.client().await?;
        artifact_records(&client).await
    }

    /// The runs whose final report is stored, so their files can be written again.
    pub async fn runs_with_reports(&self) -> Result<Vec<Uuid>> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT id FROM runs WHERE report_markdown IS NOT NULL
                 AND report_json IS NOT NULL ORDER BY id",
                &[],
            )
            .await?;
        rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
    }

    /// The newest `limit` revocations in the audit log, newest first.
    pub async fn recorded_revocations(&self, limit: i64) -> Result<Vec<RecordedRevocation>> {
        let client = self.client().await?;
        let actions: Vec<String> = REVOKING_ACTIONS.iter().map(|a| a.to_string()).collect();
        let rows = client
            .query(
                "SELECT at, action, object FROM audit_events WHERE action = ANY($1)
                 ORDER BY id DESC LIMIT $2",
                &[&actions, &limit],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(RecordedRevocation {
                    at: r.try_get(0)?,
                    action: r.try_get(1)?,
                    object: r.try_get(2)?,
                })
            })
            .collect()
    }
}

impl BackupSnapshot {
    /// The schema version and server version, as of the snapshot.
    pub async fn facts(&self) -> Result<DatabaseFacts> {
        let schema = self
            .client
            .query_one(
                "SELECT coalesce(max(version), 0) FROM schema_migrations",
                &[],
            )
            .await?;
        let version = self
            .client
            .query_one("SELECT current_setting('server_version')", &[])
            .await?;
        Ok(DatabaseFacts {
            schema_version: schema.try_get(0)?,
            server_version: version.try_get(0)?,
            server_version_num: server_version_num(&self.client).await?,
        })
    }

    /// The artifact rows, as of the snapshot.
    pub async fn artifact_records(&self) -> Result<Vec<ArtifactRecord>> {
        artifact_records(&self.client).await
    }

    /// Ends the transaction (and with it the exported snapshot).
    pub async fn finish(self) -> Result<()> {
        self.client.batch_execute("COMMIT").await?;
        Ok(())
    }
}

async fn server_version_num(client: &tokio_postgres::Client) -> Result<i32> {
    let row = client
        .query_one("SELECT current_setting('server_version_num')::int", &[])
        .await?;
    Ok(row.try_get(0)?)
}

async fn artifact_records(client: &tokio_postgres::Client) -> Result<Vec<ArtifactRecord>> {
    let rows = client
        .query(
            "SELECT run_id, kind, relative_path, sha256 FROM artifacts ORDER BY relative_path",
            &[],
        )
        .await?;
    rows.iter()
        .map(|r| {
            Ok(ArtifactRecord {
                run_id: r.try_get(0)?,
                kind: r.try_get(1)?,
                relative_path: r.try_get(2)?,
                sha256: r.try_get(3)?,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_becomes_libpq_variables_with_the_password_off_the_command_line() {
        let (env, dbname) = libpq_environment(
            "postgres://ops:s3cret@db.example:5433/fleet?sslmode=require",
            None,
        )
        .expect("parsed");
        assert_eq!(dbname, "fleet");
        let get = |k: &str| {
            env.iter()
                .find(|(key, _)| *key == k)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(get("PGHOST"), Some("db.example"));
        assert_eq!(get("PGPORT"), Some("5433"));
        assert_eq!(get("PGUSER"), Some("ops"));
        assert_eq!(get("PGPASSWORD"), Some("s3cret"));
        assert_eq!(get("PGSSLMODE"), Some("verify-full"), "always verified");
        assert_eq!(get("PGSSLROOTCERT"), Some("system"));
        let (env, _) = libpq_environment(
            "host=/run/pg port=5432 user=cyberbrain dbname=cyberbrain",
            Some(std::path::Path::new("/etc/pg-ca.pem")),
        )
        .expect("parsed");
        assert!(env.contains(&("PGSSLMODE", "verify-full".into())));
        assert!(env.contains(&("PGSSLROOTCERT", "/etc/pg-ca.pem".into())));
        assert!(libpq_environment("postgres://[", None).is_err());
    }
}
