//! A small migration runner: the SQL files in `migrations/`, applied in order, each once, each in its
//! own transaction, under an advisory lock so that replicas starting together do not race.
//!
//! Why not refinery: this is a few dozen lines, adds no dependencies, and takes the advisory lock that
//! several replicas starting at once need; checksums catch an edited, already-applied file.

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// One migration file.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// Applied in ascending order.
    pub version: i32,
    /// File name, for messages.
    pub name: &'static str,
    /// The SQL.
    pub sql: &'static str,
}

/// Every migration, in order. Add new files at the end.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        name: "0001_initial.sql",
        sql: include_str!("../../migrations/0001_initial.sql"),
    },
    Migration {
        version: 2,
        name: "0002_leases_and_run_events.sql",
        sql: include_str!("../../migrations/0002_leases_and_run_events.sql"),
    },
    Migration {
        version: 3,
        name: "0003_llm_calls.sql",
        sql: include_str!("../../migrations/0003_llm_calls.sql"),
    },
    Migration {
        version: 4,
        name: "0004_identity.sql",
        sql: include_str!("../../migrations/0004_identity.sql"),
    },
    Migration {
        version: 5,
        name: "0005_unfinished_jobs_index.sql",
        sql: include_str!("../../migrations/0005_unfinished_jobs_index.sql"),
    },
    Migration {
        version: 6,
        name: "0006_event_numbering_off_the_hot_path.sql",
        sql: include_str!("../../migrations/0006_event_numbering_off_the_hot_path.sql"),
    },
    Migration {
        version: 7,
        name: "0007_run_traceparent.sql",
        sql: include_str!("../../migrations/0007_run_traceparent.sql"),
    },
    Migration {
        version: 8,
        name: "0008_events_numbered_at_commit.sql",
        sql: include_str!("../../migrations/0008_events_numbered_at_commit.sql"),
    },
    Migration {
        version: 9,
        name: "0009_run_retention.sql",
        sql: include_str!("../../migrations/0009_run_retention.sql"),
    },
    Migration {
        version: 10,
        name: "0010_job_deadlines.sql",
        sql: include_str!("../../migrations/0010_job_deadlines.sql"),
    },
    Migration {
        version: 11,
        name: "0011_runs_end_and_agent_lifecycle.sql",
        sql: include_str!("../../migrations/0011_runs_end_and_agent_lifecycle.sql"),
    },
    Migration {
        version: 12,
        name: "0012_web_sessions.sql",
        sql: include_str!("../../migrations/0012_web_sessions.sql"),
    },
    Migration {
        version: 13,
        name: "0013_job_output.sql",
        sql: include_str!("../../migrations/0013_job_output.sql"),
    },
    Migration {
        version: 14,
        name: "0014_schedules.sql",
        sql: include_str!("../../migrations/0014_schedules.sql"),
    },
    Migration {
        version: 15,
        name: "0015_notifications.sql",
        sql: include_str!("../../migrations/0015_notifications.sql"),
    },
    Migration {
        version: 16,
        name: "0016_triggers.sql",
        sql: include_str!("../../migrations/0016_triggers.sql"),
    },
    Migration {
        version: 17,
        name: "0017_worker_images.sql",
        sql: include_str!("../../migrations/0017_worker_images.sql"),
    },
    Migration {
        version: 18,
        name: "0018_schedule_creator_role.sql",
        sql: include_str!("../../migrations/0018_schedule_creator_role.sql"),
    },
    Migration {
        version: 19,
        name: "0019_template_baselines.sql",
        sql: include_str!("../../migrations/0019_template_baselines.sql"),
    },
    Migration {
        version: 20,
        name: "0020_template_refinements.sql",
        sql: include_str!("../../migrations/0020_template_refinements.sql"),
    },
];

/// Arbitrary, fixed key for `pg_advisory_lock`: "cybr" in ASCII.
const MIGRATION_LOCK_KEY: i64 = 0x6379_6272;

pub(super) async fn apply(client: &mut deadpool_postgres::Object) -> Result<usize> {
    client
        .batch_execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 version    INTEGER PRIMARY KEY,
                 name       TEXT NOT NULL,
                 checksum   TEXT NOT NULL,
                 applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
        )
        .await?;
    client
        .execute("SELECT pg_advisory_lock($1)", &[&MIGRATION_LOCK_KEY])
        .await?;
    let outcome = apply_locked(client).await;
    // Unlock even when a migration failed, so a fixed binary can retry without a restart of PostgreSQL.
    client
        .execute("SELECT pg_advisory_unlock($1)", &[&MIGRATION_LOCK_KEY])
        .await?;
    outcome
}

/// The highest migration this binary knows.
pub fn latest_version() -> i32 {
    MIGRATIONS.iter().map(|m| m.version).max().unwrap_or(0)
}

/// Refuses a database carrying migrations this binary does not know: a newer controller migrated
/// it (or a backup from one was restored), and running on a schema we do not understand could
/// corrupt it.
pub fn refuse_unknown(applied: &[(i32, String)]) -> Result<()> {
    let unknown: Vec<String> = applied
        .iter()
        .filter(|(version, _)| !MIGRATIONS.iter().any(|m| m.version == *version))
        .map(|(version, name)| format!("{version} ({name})"))
        .collect();
    if unknown.is_empty() {
        return Ok(());
    }
    Err(Error::FailedPrecondition {
        field: "database".into(),
        reason: format!(
            "the database has migrations this controller does not know: {}; it knows up to {}. \
             A newer cyberbrain-controller migrated it: run that version (or newer), or restore a \
             backup made by this version",
            unknown.join(", "),
            latest_version()
        ),
    })
}

async fn apply_locked(client: &mut deadpool_postgres::Object) -> Result<usize> {
    let applied = client
        .query("SELECT version, checksum, name FROM schema_migrations", &[])
        .await?;
    let known: Vec<(i32, String)> = applied
        .iter()
        .map(|row| Ok((row.try_get(0)?, row.try_get(2)?)))
        .collect::<Result<_>>()?;
    refuse_unknown(&known)?;
    let mut count = 0;
    for migration in MIGRATIONS {
        let checksum = format!("{:x}", Sha256::digest(migration.sql.as_bytes()));
        let stored = applied
            .iter()
            .find(|row| row.try_get::<_, i32>(0).ok() == Some(migration.version));
        if let Some(row) = stored {
            let stored_checksum: String = row.try_get(1)?;
            if stored_checksum != checksum {
                return Err(Error::Corrupt {
                    what: "migration",
                    reason: format!(
                        "{} was edited after it was applied (checksum differs)",
                        migration.name
                    ),
                });
            }
            continue;
        }
        let tx = client.transaction().await?;
        tx.batch_execute(migration.sql).await?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
            &[&migration.version, &migration.name, &checksum],
        )
        .await?;
        tx.commit().await?;
        tracing::info!(
            version = migration.version,
            name = migration.name,
            "applied migration"
        );
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_with_an_unknown_migration_is_refused_by_name() {
        let known: Vec<(i32, String)> = MIGRATIONS
            .iter()
            .map(|m| (m.version, m.name.to_string()))
            .collect();
        assert!(refuse_unknown(&known).is_ok());
        let mut newer = known.clone();
        newer.push((latest_version() + 1, "9999_from_the_future.sql".into()));
        let message = refuse_unknown(&newer).expect_err("refused").to_string();
        assert!(message.contains("9999_from_the_future.sql"), "{message}");
        assert!(message.contains("does not know"), "{message}");
    }

    #[test]
    fn versions_are_unique_and_ascending() {
        let versions: Vec<i32> = MIGRATIONS.iter().map(|m| m.version).collect();
        assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
        assert_eq!(latest_version(), *versions.last().expect("migrations"));
    }
}
