//! Artifact files under the artifact root. Paths are made here from ids and fixed names only, and
//! every path is checked to stay below the root.
//!
//! Reports name hosts, containers and log templates: files are written 0640 and directories made
//! 0750, so only the controller's user and group read them, whatever the umask.

use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Component, Path, PathBuf};

use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::error::{Error, Result};
use cyberbrain_store::{NewArtifact, Store};

/// The mode of artifact directories: the owner writes, the group reads, nobody else enters.
const DIR_MODE: u32 = 0o750;
/// The mode of artifact files.
const FILE_MODE: u32 = 0o640;

/// Writes `content` to a new or truncated file of mode [`FILE_MODE`] (also when it existed with
/// another mode: a report left by an earlier version, or a partial one).
async fn write_private(path: &Path, content: &[u8]) -> std::io::Result<()> {
    use tokio::io::AsyncWriteExt;
    let mut file = tokio::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(FILE_MODE)
        .open(path)
        .await?;
    file.set_permissions(std::fs::Permissions::from_mode(FILE_MODE))
        .await?;
    file.write_all(content).await?;
    file.flush().await
}

/// The artifact root directory.
#[derive(Debug, Clone)]
pub struct ArtifactRoot {
    root: PathBuf,
}

impl ArtifactRoot {
    /// Uses `root`, creating it when missing; the root and its `runs` directory are made (or
    /// narrowed to) 0750.
    pub fn new(root: PathBuf) -> Result<ArtifactRoot> {
        for dir in [root.clone(), root.join("runs")] {
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(DIR_MODE)
                .create(&dir)
                .map_err(|e| {
                    Error::io(format!("creating artifact directory {}", dir.display()), e)
                })?;
            // Made by an earlier version with the umask's mode, perhaps.
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(DIR_MODE))
                .map_err(|e| Error::io(format!("securing {}", dir.display()), e))?;
        }
        Ok(ArtifactRoot { root })
    }

    /// The root directory.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// Writes a run's report files (`report.md`, `report.json`) from the report as built and records
    /// them in the store.
    pub async fn write_report(
        &self,
        store: &Store,
        run_id: Uuid,
        markdown: &str,
        json: &serde_json::Value,
    ) -> Result<()> {
        // Control characters escaped, so the file is safe to print on a terminal.
        let json_text = cyberbrain_report::controls::json_text(json)
            .map_err(crate::error::unrenderable_report)?;
        let records = vec![
            self.write_run_file(run_id, "report_markdown", "report.md", markdown.as_bytes())
                .await?,
            self.write_run_file(run_id, "report_json", "report.json", json_text.as_bytes())
                .await?,
        ];
        Ok(store.record_artifacts(&records).await?)
    }

    /// Writes each command job's output (as the agent redacted it) to
    /// `runs/<run_id>/commands/<job_id>.txt` and records it, with its SHA-256, for that job.
    pub async fn write_command_outputs(
        &self,
        store: &Store,
        snapshot: &cyberbrain_model::runs::RunWithJobs,
    ) -> Result<()> {
        let mut records = Vec::new();
        for job in &snapshot.jobs {
            let Some(result) = job.result.as_ref().and_then(|r| r.as_command()) else {
                continue;
            };
            let mut record = self
                .write_run_file(
                    snapshot.run.id,
                    "command_output",
                    &format!("commands/{}.txt", job.id),
                    result.output.as_bytes(),
                )
                .await?;
            record.job_id = Some(job.id);
            records.push(record);
        }
        if records.is_empty() {
            return Ok(());
        }
        Ok(store.record_artifacts(&records).await?)
    }

    /// Writes a run-level file `runs/<run_id>/<file_name>` and describes it for the store.
    pub async fn write_run_file(
        &self,
        run_id: Uuid,
        kind: &str,
        file_name: &str,
        content: &[u8],
    ) -> Result<NewArtifact> {
        let relative = format!("runs/{run_id}/{file_name}");
        let path = self.resolve(&relative)?;
        if let Some(parent) = path.parent() {
            tokio::fs::DirBuilder::new()
                .recursive(true)
                .mode(DIR_MODE)
                .create(parent)
                .await
                .map_err(|e| Error::io(format!("creating {}", parent.display()), e))?;
        }
        // Write then rename, so that a reader never sees half a file.
        let partial = path.with_extension("partial");
        write_private(&partial, content)
            .await
            .map_err(|e| Error::io(format!("writing {}", partial.display()), e))?;
        tokio::fs::rename(&partial, &path)
            .await
            .map_err(|e| Error::io(format!("renaming {}", path.display()), e))?;
        Ok(NewArtifact {
            run_id,
            job_id: None,
            kind: kind.to_string(),
            relative_path: relative,
            size_bytes: i64::try_from(content.len()).unwrap_or(i64::MAX),
            sha256: format!("{:x}", Sha256::digest(content)),
        })
    }

    /// The absolute path of a relative artifact path, refusing anything that could leave the root.
    pub fn resolve(&self, relative: &str) -> Result<PathBuf> {
        let rel = Path::new(relative);
        let safe =
            !relative.is_empty() && rel.components().all(|c| matches!(c, Component::Normal(_)));
        if !safe {
            return Err(Error::invalid(
                "path",
                "must be a relative path below the artifact root, without `..`",
            ));
        }
        Ok(self.root.join(rel))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_root() {
        let root = ArtifactRoot {
            root: PathBuf::from("/srv/artifacts"),
        };
        assert!(root.resolve("runs/x/report.md").is_ok());
        assert!(root.resolve("../etc/passwd").is_err());
        assert!(root.resolve("/etc/passwd").is_err());
        assert!(root.resolve("runs/../../x").is_err());
        assert!(root.resolve("").is_err());
    }
}
