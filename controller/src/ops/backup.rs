//! `cyberbrain-controller backup --out DIR`.
//!
//! Consistency while the controller runs: one read-only snapshot is exported and shared by
//! `pg_dump --snapshot` and our reads of the schema version and the artifact rows. The artifact
//! files are copied after that snapshot. The controller writes a file (through a rename) before
//! it records its row, so every row in the dump names a file that existed when the snapshot was
//! taken; files written later are extra and harmless. A file deleted (retention) or rewritten (the
//! LLM step) between the snapshot and the copy is listed in the manifest, and restore writes
//! report files again from the restored rows, so no restored row names a missing file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use cyberbrain_controller::config::{BackupArgs, Cli, Config};

use super::crypt::{self, Keys};
use super::database::Database;
use super::files::{copy_file, is_missing_or_empty, list_files, make_dir, write_new};
use super::manifest::{self, FileEntry, ImportedFile, Manifest};
use super::{layout, pg_tools, progress};

/// Takes a backup into `args.out`.
pub async fn run(config: &Config, args: &BackupArgs) -> anyhow::Result<()> {
    let out = &args.out;
    if !is_missing_or_empty(out)? {
        bail!(
            "{} is not empty: give a new directory to --out",
            out.display()
        );
    }
    let keys = Keys::for_backup(args.passphrase_file.as_deref(), &args.age_recipient)?;
    let settings = cyberbrain_telemetry::config_file::dump_current::<Cli>()
        .context("reading the configuration to keep")?;
    let database = Database::existing(config).await?;
    let outcome = match make_private_dir(out) {
        Ok(()) => take(config, args, &database, &keys, &settings).await,
        Err(e) => Err(e),
    };
    database.close().await?;
    let manifest = outcome?;
    progress::done(&format!(
        "backup written to {} ({} files, schema {}, PostgreSQL {}, PKI {})",
        out.display(),
        manifest.files.len() + 1,
        manifest.schema_version,
        manifest.postgres_version,
        match manifest.pki_encryption {
            manifest::PkiEncryption::None => "not encrypted",
            manifest::PkiEncryption::Passphrase => "encrypted with a passphrase",
            manifest::PkiEncryption::AgeRecipients => "encrypted to age recipients",
        }
    ));
    if !manifest.artifacts_out_of_step.is_empty() {
        progress::step(&format!(
            "note: {} artifact files changed after the database snapshot (listed in the \
             manifest); restore writes report files again from the database",
            manifest.artifacts_out_of_step.len()
        ));
    }
    Ok(())
}

fn make_private_dir(dir: &Path) -> anyhow::Result<()> {
    make_dir(dir, 0o700)?;
    std::fs::set_permissions(dir, std::os::unix::fs::PermissionsExt::from_mode(0o700))
        .with_context(|| format!("securing {}", dir.display()))
}

async fn take(
    config: &Config,
    args: &BackupArgs,
    database: &Database,
    keys: &Keys,
    settings: &str,
) -> anyhow::Result<Manifest> {
    let out = &args.out;
    let snapshot = database
        .store
        .begin_backup_snapshot()
        .await
        .context("opening a database snapshot")?;
    let created_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let facts = snapshot.facts().await?;
    let records = snapshot.artifact_records().await?;
    let server_major = u32::try_from(facts.server_version_num / 10_000).unwrap_or(0);
    let pg_dump = pg_tools::find(
        "pg_dump",
        server_major,
        args.pg_client_bin_dir.as_deref(),
        config.postgres_bin_dir.as_deref(),
    )?;
    progress::step(&format!(
        "dumping the {} database (PostgreSQL {}, schema {}) with {}",
        database.kind,
        facts.server_version,
        facts.schema_version,
        pg_dump.path.display()
    ));
    let (env, _) = database.libpq_env()?;
    let mut command = std::process::Command::new(&pg_dump.path);
    command
        .args(["--format=custom", "--no-password"])
        .arg(format!("--snapshot={}", snapshot.id))
        .envs(env);
    let dump_path = out.join(layout::DATABASE_DUMP);
    tokio::task::spawn_blocking(move || pg_tools::run_to_file(command, &dump_path))
        .await
        .context("the dump task")??;
    snapshot.finish().await?;

    let imported_pki = back_up_pki(config, out, keys)?;
    back_up_configuration(config, out, settings)?;
    let out_of_step = back_up_artifacts(config, out, &records)?;

    progress::step("writing the manifest");
    let mut files = BTreeMap::new();
    for name in list_files(out)? {
        let entry: FileEntry = manifest::hash_file(&out.join(&name))?;
        files.insert(name, entry);
    }
    let manifest = Manifest {
        format: manifest::FORMAT,
        cyberbrain_version: env!("CARGO_PKG_VERSION").to_string(),
        schema_version: facts.schema_version,
        postgres_version: facts.server_version,
        postgres_version_num: facts.server_version_num,
        pg_dump_major: pg_dump.major,
        database: database.kind.to_string(),
        created_at,
        pki_encryption: keys.encryption(),
        imported_pki,
        artifacts_out_of_step: out_of_step,
        files,
    };
    let text = serde_json::to_string_pretty(&manifest)?;
    write_new(&out.join(manifest::FILE_NAME), text.as_bytes(), 0o600)?;
    Ok(manifest)
}

/// The PKI: the managed directory's files, and the imported files the flags name. Plain files
/// 0600 under `pki/`, or all of them in one age file.
fn back_up_pki(config: &Config, out: &Path, keys: &Keys) -> anyhow::Result<Vec<ImportedFile>> {
    progress::step("copying the PKI");
    let pki_dir = config.pki_dir();
    let mut bundle: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    if pki_dir.is_dir() {
        for name in list_files(&pki_dir)? {
            if layout::is_transient_pki_file(&name) {
                continue;
            }
            let content = std::fs::read(pki_dir.join(&name))
                .with_context(|| format!("reading {}", pki_dir.join(&name).display()))?;
            bundle.insert(name, content);
        }
    }
    let mut imported = Vec::new();
    for (flag, path) in imported_pki_files(config) {
        let Some(file_name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if path.starts_with(&pki_dir) || !path.is_file() {
            continue;
        }
        let stored_as = format!("{}/{flag}-{file_name}", layout::IMPORTED_PKI);
        let content =
            std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        bundle.insert(stored_as.clone(), content);
        imported.push(ImportedFile {
            flag: flag.to_string(),
            original_path: path.display().to_string(),
            stored_as,
        });
    }
    if bundle.is_empty() {
        progress::step("note: no PKI found (no managed CA and no --ca-cert)");
        return Ok(imported);
    }
    match keys {
        Keys::None => {
            for (name, content) in &bundle {
                let target = out.join(layout::PKI_DIR).join(name);
                if let Some(parent) = target.parent() {
                    make_dir(parent, 0o700)?;
                }
                write_new(&target, content, 0o600)?;
            }
        }
        _ => {
            let sealed = crypt::seal(keys, &bundle)?;
            write_new(&out.join(layout::PKI_SEALED), &sealed, 0o600)?;
        }
    }
    Ok(imported)
}

/// The files named by `--ca-cert`, `--ca-key` (or `ca.key` beside the certificate), `--tls-cert`
/// and `--tls-key`.
fn imported_pki_files(config: &Config) -> Vec<(&'static str, PathBuf)> {
    let mut files = Vec::new();
    if let Some(cert) = &config.ca_cert {
        files.push(("ca-cert", cert.clone()));
        let key = config
            .ca_key
            .clone()
            .unwrap_or_else(|| cert.with_file_name("ca.key"));
        files.push(("ca-key", key));
    }
    if let Some(cert) = &config.tls_cert {
        files.push(("tls-cert", cert.clone()));
    }
    if let Some(key) = &config.tls_key {
        files.push(("tls-key", key.clone()));
    }
    files
}

/// The settings in effect (secrets left out) and the configuration file, if any.
fn back_up_configuration(config: &Config, out: &Path, settings: &str) -> anyhow::Result<()> {
    progress::step("copying the configuration");
    let dir = out.join(layout::CONFIG_DIR);
    make_dir(&dir, 0o700)?;
    write_new(&dir.join(layout::SETTINGS_FILE), settings.as_bytes(), 0o600)?;
    if let Some(file) = &config.config_file {
        copy_file(file, &dir.join(layout::CONFIG_FILE), 0o600, 0o700)?;
    }
    Ok(())
}

/// Copies the artifact tree (after the snapshot), then checks each row of the snapshot against
/// its copied file: the paths that differ.
fn back_up_artifacts(
    config: &Config,
    out: &Path,
    records: &[cyberbrain_store::ArtifactRecord],
) -> anyhow::Result<Vec<String>> {
    let root = config.artifact_root();
    let target = out.join(layout::ARTIFACTS_DIR);
    make_dir(&target, 0o700)?;
    let names = if root.is_dir() {
        list_files(&root)?
    } else {
        Vec::new()
    };
    let names: Vec<String> = names
        .into_iter()
        .filter(|n| !layout::is_transient_artifact(n))
        .collect();
    let total = names.len();
    for (done, name) in names.iter().enumerate() {
        if done % 500 == 0 {
            progress::step(&format!("copying artifacts: {done} of {total} files"));
        }
        match copy_file(&root.join(name), &target.join(name), 0o600, 0o700) {
            Ok(()) => {}
            // Deleted by retention since the listing: the check below notes it if a row names it.
            Err(e)
                if e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    progress::step(&format!("copied {total} artifact files"));
    let mut out_of_step = Vec::new();
    for record in records {
        let copied = manifest::safe_join(&target, &record.relative_path)
            .and_then(|path| manifest::hash_file(&path).ok());
        if copied.is_none_or(|entry| entry.sha256 != record.sha256) {
            out_of_step.push(record.relative_path.clone());
        }
    }
    Ok(out_of_step)
}
