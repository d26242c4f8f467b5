//! Artifact records (the files themselves live under the artifact root).

use uuid::Uuid;

use super::CachedQueries;
use super::Store;
use crate::error::Result;

/// A file a run produced, already written under the artifact root.
#[derive(Debug, Clone)]
pub struct NewArtifact {
    /// Its run.
    pub run_id: Uuid,
    /// Its job, for per-job files.
    pub job_id: Option<Uuid>,
    /// `report_markdown`, `report_json`, …
    pub kind: String,
    /// Path below the artifact root, `/`-separated, never absolute, never `..`.
    pub relative_path: String,
    /// Size in bytes.
    pub size_bytes: i64,
    /// Hex SHA-256 of the content.
    pub sha256: String,
}

impl Store {
    /// Records artifacts; a second record of the same path replaces the first.
    #[tracing::instrument(name = "db.record_artifacts", level = "info", skip_all)]
    pub async fn record_artifacts(&self, artifacts: &[NewArtifact]) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        for a in artifacts {
            tx.execute(
                "INSERT INTO artifacts (id, run_id, job_id, kind, relative_path, size_bytes, sha256)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 ON CONFLICT (run_id, relative_path) DO UPDATE SET
                     size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256, created_at = now()",
                &[
                    &Uuid::new_v4(),
                    &a.run_id,
                    &a.job_id,
                    &a.kind,
                    &a.relative_path,
                    &a.size_bytes,
                    &a.sha256,
                ],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// A run's artifacts as (kind, relative path, size).
    pub async fn list_artifacts(&self, run_id: Uuid) -> Result<Vec<(String, String, i64)>> {
        let client = self.client().await?;
        let rows = client
            .query(
                "SELECT kind, relative_path, size_bytes FROM artifacts WHERE run_id = $1
                 ORDER BY relative_path",
                &[&run_id],
            )
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?)))
            .collect()
    }

    /// A run's artifacts with their checksums, by path (for the web console's run page).
    pub async fn run_artifacts(&self, run_id: Uuid) -> Result<Vec<StoredArtifact>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                "SELECT id, kind, relative_path, size_bytes, sha256 FROM artifacts
                 WHERE run_id = $1 ORDER BY relative_path",
                &[&run_id],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(StoredArtifact {
                    id: r.try_get(0)?,
                    kind: r.try_get(1)?,
                    relative_path: r.try_get(2)?,
                    size_bytes: r.try_get(3)?,
                    sha256: r.try_get(4)?,
                })
            })
            .collect()
    }
}

/// An artifact as stored: where it is below the artifact root, its size and SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredArtifact {
    /// Id.
    pub id: Uuid,
    /// What it is (`report_markdown`, `report_json`, ...).
    pub kind: String,
    /// Path below the artifact root.
    pub relative_path: String,
    /// Size in bytes.
    pub size_bytes: i64,
    /// SHA-256, hex.
    pub sha256: String,
}
