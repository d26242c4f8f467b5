//! `manifest.json`: what a backup holds and the SHA-256 of every file in it, written last, so a
//! backup without one is incomplete.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The manifest's file name in the backup directory.
pub const FILE_NAME: &str = "manifest.json";
/// The layout this binary writes and reads.
pub const FORMAT: u32 = 1;

/// How the PKI files are stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PkiEncryption {
    /// Plain PEM, mode 0600.
    None,
    /// age, with a passphrase (scrypt).
    Passphrase,
    /// age, to one or more X25519 recipients.
    AgeRecipients,
}

/// One file of the backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Hex SHA-256 of the file as stored (encrypted files: of the ciphertext).
    pub sha256: String,
    /// Its size in bytes.
    pub size: u64,
}

/// An imported PKI file (outside the state directory) kept in the backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedFile {
    /// The flag that named it (`ca-cert`, `ca-key`, `tls-cert`, `tls-key`).
    pub flag: String,
    /// Where it was.
    pub original_path: String,
    /// Where it is in the backup.
    pub stored_as: String,
}

/// The manifest.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    /// [`FORMAT`] of the writer.
    pub format: u32,
    /// The cyberbrain-controller version that made it.
    pub cyberbrain_version: String,
    /// The highest migration applied to the dumped database.
    pub schema_version: i32,
    /// The PostgreSQL server's version.
    pub postgres_version: String,
    /// The server's `server_version_num`.
    pub postgres_version_num: i32,
    /// The `pg_dump` major version that made `database.dump` (`pg_restore` must be as new).
    pub pg_dump_major: u32,
    /// `embedded` or `external`.
    pub database: String,
    /// When the database snapshot was taken (RFC 3339).
    pub created_at: String,
    /// How the PKI files are stored.
    pub pki_encryption: PkiEncryption,
    /// PKI files from outside the state directory.
    #[serde(default)]
    pub imported_pki: Vec<ImportedFile>,
    /// Artifact rows whose file could not be copied as the snapshot knew it (deleted by retention
    /// or rewritten after the snapshot); restore writes report files again from the database.
    #[serde(default)]
    pub artifacts_out_of_step: Vec<String>,
    /// Every other file of the backup, by `/`-separated path.
    pub files: BTreeMap<String, FileEntry>,
}

/// SHA-256 and size of a file, read in pieces.
pub fn hash_file(path: &Path) -> anyhow::Result<FileEntry> {
    let mut file =
        std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = file
            .read(&mut buffer)
            .with_context(|| format!("reading {}", path.display()))?;
        if n == 0 {
            break;
        }
        size += n as u64;
        hasher.update(&buffer[..n]);
    }
    Ok(FileEntry {
        sha256: format!("{:x}", hasher.finalize()),
        size,
    })
}

impl Manifest {
    /// Reads `dir/manifest.json`.
    pub fn read(dir: &Path) -> anyhow::Result<Manifest> {
        let path = dir.join(FILE_NAME);
        let text = std::fs::read_to_string(&path).with_context(|| {
            format!(
                "reading {} (a backup without a manifest is incomplete)",
                path.display()
            )
        })?;
        let manifest: Manifest = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a backup manifest", path.display()))?;
        if manifest.format != FORMAT {
            bail!(
                "{} has layout {}, this controller reads layout {FORMAT}",
                path.display(),
                manifest.format
            );
        }
        Ok(manifest)
    }

    /// Checks every file against its checksum, and that the backup holds no file the manifest
    /// does not name: the problems, one line each, or nothing.
    pub fn verify(&self, dir: &Path, progress: &mut dyn FnMut(usize, usize)) -> Vec<String> {
        let mut problems = Vec::new();
        let total = self.files.len();
        for (done, (name, expected)) in self.files.iter().enumerate() {
            progress(done, total);
            let Some(path) = safe_join(dir, name) else {
                problems.push(format!("{name}: not a path inside the backup"));
                continue;
            };
            match hash_file(&path) {
                Ok(found) if found == *expected => {}
                Ok(found) if found.size != expected.size => problems.push(format!(
                    "{name}: {} bytes, the manifest says {}",
                    found.size, expected.size
                )),
                Ok(_) => problems.push(format!("{name}: checksum differs from the manifest")),
                Err(e) => problems.push(format!("{name}: {e:#}")),
            }
        }
        progress(total, total);
        match super::files::list_files(dir) {
            Ok(present) => problems.extend(
                present
                    .into_iter()
                    .filter(|name| name != FILE_NAME && !self.files.contains_key(name))
                    .map(|name| format!("{name}: not in the manifest")),
            ),
            Err(e) => problems.push(format!("listing the backup: {e:#}")),
        }
        problems
    }
}

/// `dir/name` when `name` is a relative path of normal components only.
pub fn safe_join(dir: &Path, name: &str) -> Option<std::path::PathBuf> {
    let relative = Path::new(name);
    let normal = !name.is_empty()
        && relative
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    normal.then(|| dir.join(relative))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest_of(dir: &Path) -> Manifest {
        let mut files = BTreeMap::new();
        for name in super::super::files::list_files(dir).expect("listing") {
            files.insert(name.clone(), hash_file(&dir.join(&name)).expect("hash"));
        }
        Manifest {
            format: FORMAT,
            cyberbrain_version: "0.1.0".into(),
            schema_version: 11,
            postgres_version: "17.4".into(),
            postgres_version_num: 170004,
            pg_dump_major: 17,
            database: "embedded".into(),
            created_at: "2026-01-01T00:00:00Z".into(),
            pki_encryption: PkiEncryption::None,
            imported_pki: Vec::new(),
            artifacts_out_of_step: Vec::new(),
            files,
        }
    }

    #[test]
    fn a_changed_missing_or_extra_file_is_named() {
        let dir = tempfile::tempdir().expect("dir");
        std::fs::create_dir_all(dir.path().join("pki")).expect("pki");
        std::fs::write(dir.path().join("pki/ca.pem"), "certificate").expect("write");
        std::fs::write(dir.path().join("database.dump"), "dump").expect("write");
        let manifest = manifest_of(dir.path());
        assert!(manifest.verify(dir.path(), &mut |_, _| {}).is_empty());

        std::fs::write(dir.path().join("pki/ca.pem"), "certificatE").expect("tamper");
        std::fs::remove_file(dir.path().join("database.dump")).expect("remove");
        std::fs::write(dir.path().join("stray"), "x").expect("extra");
        let problems = manifest.verify(dir.path(), &mut |_, _| {});
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].starts_with("database.dump:"), "{problems:?}");
        assert_eq!(
            problems[1],
            "pki/ca.pem: checksum differs from the manifest"
        );
        assert_eq!(problems[2], "stray: not in the manifest");
    }

    #[test]
    fn names_cannot_leave_the_backup() {
        let dir = Path::new("/backup");
        assert!(safe_join(dir, "pki/ca.pem").is_some());
        assert!(safe_join(dir, "../etc/passwd").is_none());
        assert!(safe_join(dir, "/etc/passwd").is_none());
        assert!(safe_join(dir, "").is_none());
    }
}
