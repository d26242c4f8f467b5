//! `cyberbrain-controller restore --from DIR`: checks the whole backup first (its schema is one
//! this binary knows, every checksum, the PKI decrypts, the targets are empty), and only then
//! fills an empty state directory and an empty database.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, bail};
use cyberbrain_controller::artifacts::ArtifactRoot;
use cyberbrain_controller::config::{Config, RestoreArgs};
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_store::migrate;

use super::crypt::{self, Keys};
use super::database::Database;
use super::files::{copy_file, is_missing_or_empty, list_files, make_dir, write_new};
use super::manifest::{self, Manifest, PkiEncryption};
use super::{layout, pg_tools, progress};

/// Where restored imported PKI files go, inside the state directory.
const IMPORTED_PKI_TARGET: &str = "pki-imported";
/// Where the backed-up configuration goes, inside the state directory.
const CONFIG_TARGET: &str = "restored-config";
/// Revocations listed in the next steps at most.
const REVOCATIONS_SHOWN: i64 = 20;

/// Restores `args.from`.
pub async fn run(config: &Config, args: &RestoreArgs) -> anyhow::Result<()> {
    let from = &args.from;
    let manifest = Manifest::read(from)?;
    let known = migrate::latest_version();
    if manifest.schema_version > known {
        bail!(
            "the backup's database schema is version {} (made by cyberbrain-controller {}), newer \
             than this controller knows ({known}): restore it with that version or a newer one",
            manifest.schema_version,
            manifest.cyberbrain_version
        );
    }
    progress::step(&format!(
        "checking {} files of the backup made {} by cyberbrain-controller {}",
        manifest.files.len(),
        manifest.created_at,
        manifest.cyberbrain_version
    ));
    let problems = manifest.verify(from, &mut |done, total| {
        if done % 500 == 0 && done > 0 {
            progress::step(&format!("checked {done} of {total} files"));
        }
    });
    if !problems.is_empty() {
        let shown: Vec<&str> = problems.iter().take(20).map(String::as_str).collect();
        bail!(
            "the backup fails its checksums, nothing was restored ({} problems):\n  {}",
            problems.len(),
            shown.join("\n  ")
        );
    }
    let keys = Keys::for_restore(
        args.passphrase_file.as_deref(),
        args.age_identity.as_deref(),
    )?;
    let pki = read_pki(from, &manifest, &keys)?;
    if !from.join(layout::DATABASE_DUMP).is_file() {
        bail!("the backup has no {}", layout::DATABASE_DUMP);
    }
    if args.verify_only {
        progress::done(&format!(
            "the backup in {} is complete: every checksum matches, schema {} (this controller \
             knows up to {known}), {} PKI files readable",
            from.display(),
            manifest.schema_version,
            pki.len()
        ));
        return Ok(());
    }
    for (dir, what) in [
        (config.state_dir.clone(), "--state-dir"),
        (config.artifact_root(), "the artifact directory"),
    ] {
        if !is_missing_or_empty(&dir)? {
            bail!(
                "{what} {} is not empty: restore only goes into an empty one (move it aside \
                 or choose another)",
                dir.display()
            );
        }
    }

    let database = match &config.database_url {
        Some(url) => Database::external(config, url).await?,
        None => {
            make_dir(&config.state_dir, 0o750)?;
            Database::embedded(config).await?
        }
    };
    if !database.store.is_empty().await? {
        database.close().await?;
        bail!(
            "the database is not empty: restore only goes into a new, empty database (create \
             one, e.g. `createdb --owner <controller's user> cyberbrain`, and give its URL)"
        );
    }
    let outcome = fill(config, args, &manifest, &pki, &database).await;
    database.close().await?;
    outcome.with_context(|| {
        format!(
            "the restore stopped half way: empty {} (and the database) before trying again",
            config.state_dir.display()
        )
    })
}

/// Reads the PKI files, decrypting them if need be: name → content.
fn read_pki(
    from: &Path,
    manifest: &Manifest,
    keys: &Keys,
) -> anyhow::Result<BTreeMap<String, Vec<u8>>> {
    if manifest.pki_encryption != PkiEncryption::None {
        let sealed = std::fs::read(from.join(layout::PKI_SEALED))
            .with_context(|| format!("reading {}", layout::PKI_SEALED))?;
        return crypt::open(keys, manifest.pki_encryption, &sealed);
    }
    let dir = from.join(layout::PKI_DIR);
    let mut files = BTreeMap::new();
    if dir.is_dir() {
        for name in list_files(&dir)? {
            let content = std::fs::read(dir.join(&name))
                .with_context(|| format!("reading {}", dir.join(&name).display()))?;
            files.insert(name, content);
        }
    }
    Ok(files)
}

async fn fill(
    config: &Config,
    args: &RestoreArgs,
    manifest: &Manifest,
    pki: &BTreeMap<String, Vec<u8>>,
    database: &Database,
) -> anyhow::Result<()> {
    let from = args.from.as_path();
    let store = &database.store;
    let server_major = u32::try_from(store.server_version_num().await? / 10_000).unwrap_or(0);
    let pg_restore = pg_tools::find(
        "pg_restore",
        server_major.max(manifest.pg_dump_major),
        args.pg_client_bin_dir.as_deref(),
        config.postgres_bin_dir.as_deref(),
    )?;
    progress::step(&format!(
        "restoring the database into the {} PostgreSQL with {}",
        database.kind,
        pg_restore.path.display()
    ));
    let (env, dbname) = database.libpq_env()?;
    let mut command = std::process::Command::new(&pg_restore.path);
    // Objects owned by the restoring user, whoever owned them before: the backup may come from
    // another kind of database (embedded to external, or back).
    command
        .args([
            "--exit-on-error",
            "--single-transaction",
            "--no-owner",
            "--no-privileges",
            "--no-password",
        ])
        .arg(format!("--dbname={dbname}"))
        .arg(from.join(layout::DATABASE_DUMP))
        .envs(env);
    tokio::task::spawn_blocking(move || pg_tools::run(command))
        .await
        .context("the restore task")??;

    restore_pki(config, pki)?;
    restore_configuration(config, from)?;
    let artifacts = restore_artifacts(config, from)?;
    let rewritten = rewrite_reports(store, &artifacts).await?;
    store
        .record_audit(
            &AuditEntry::new("controller", "backup.restore")
                .on(manifest.created_at.clone())
                .with(serde_json::json!({
                    "backup_version": manifest.cyberbrain_version,
                    "schema_version": manifest.schema_version,
                    "report_files_rewritten": rewritten,
                })),
        )
        .await?;
    print_next_steps(config, manifest, store, rewritten).await
}

fn restore_pki(config: &Config, pki: &BTreeMap<String, Vec<u8>>) -> anyhow::Result<()> {
    progress::step("restoring the PKI");
    let pki_dir = config.pki_dir();
    for (name, content) in pki {
        let target = match name.strip_prefix(&format!("{}/", layout::IMPORTED_PKI)) {
            Some(rest) => manifest::safe_join(&config.state_dir.join(IMPORTED_PKI_TARGET), rest),
            None => manifest::safe_join(&pki_dir, name),
        };
        let Some(target) = target else {
            bail!("the backup's PKI names a file outside its directory");
        };
        if let Some(parent) = target.parent() {
            make_dir(parent, 0o700)?;
        }
        write_new(&target, content, 0o600)?;
    }
    Ok(())
}

fn restore_configuration(config: &Config, from: &Path) -> anyhow::Result<()> {
    let dir = from.join(layout::CONFIG_DIR);
    if !dir.is_dir() {
        return Ok(());
    }
    let target = config.state_dir.join(CONFIG_TARGET);
    for name in list_files(&dir)? {
        copy_file(&dir.join(&name), &target.join(&name), 0o600, 0o700)?;
    }
    Ok(())
}

/// Copies the artifact files back with the modes `ArtifactRoot` gives them.
fn restore_artifacts(config: &Config, from: &Path) -> anyhow::Result<ArtifactRoot> {
    let root = ArtifactRoot::new(config.artifact_root())?;
    let dir = from.join(layout::ARTIFACTS_DIR);
    if dir.is_dir() {
        let names = list_files(&dir)?;
        progress::step(&format!("restoring {} artifact files", names.len()));
        for name in names {
            let target = root.resolve(&name)?;
            copy_file(&dir.join(&name), &target, 0o640, 0o750)?;
        }
    }
    Ok(root)
}

/// Writes again the report files of every run whose files are missing or differ from their
/// rows (changed between the snapshot and the copy): the rows are the truth. Returns how many
/// runs needed it.
async fn rewrite_reports(
    store: &cyberbrain_store::Store,
    root: &ArtifactRoot,
) -> anyhow::Result<usize> {
    let records = store.artifact_records().await?;
    let mut rewritten = 0;
    for run_id in store.runs_with_reports().await? {
        let of_run: Vec<_> = records.iter().filter(|r| r.run_id == run_id).collect();
        let reports_recorded = of_run
            .iter()
            .filter(|r| r.kind == "report_markdown" || r.kind == "report_json")
            .count();
        let in_step = reports_recorded == 2
            && of_run.iter().all(|record| {
                root.resolve(&record.relative_path)
                    .ok()
                    .and_then(|path| manifest::hash_file(&path).ok())
                    .is_some_and(|found| found.sha256 == record.sha256)
            });
        if in_step {
            continue;
        }
        let (markdown, json) = store.get_report(run_id).await?;
        root.write_report(store, run_id, &markdown, &json).await?;
        rewritten += 1;
    }
    Ok(rewritten)
}

async fn print_next_steps(
    config: &Config,
    manifest: &Manifest,
    store: &cyberbrain_store::Store,
    rewritten: usize,
) -> anyhow::Result<()> {
    let mut text = format!(
        "restored the backup made {} into {} ({} database).\n",
        manifest.created_at,
        config.state_dir.display(),
        if config.database_url.is_some() {
            "external"
        } else {
            "embedded"
        }
    );
    if rewritten > 0 {
        text.push_str(&format!(
            "report files written again from the database: {rewritten} run(s).\n"
        ));
    }
    text.push_str("\nNext steps:\n");
    text.push_str(
        "1. Start the controller with this --state-dir (and --database-url), and the same \
         listen addresses and --tls-san names, so agents find it and trust its certificate.\n",
    );
    // The snapshot's time: the restored audit log ends there.
    let cut = &manifest.created_at;
    text.push_str(&format!(
        "2. Re-apply every revocation made after {cut} (the backup's database snapshot): \
         `cbctl agent revoke NAME`, `cbctl token revoke NAME`. A revoked agent's certificate \
         still chains to the restored CA, so it is trusted again until revoked again.\n"
    ));
    let revocations = store.recorded_revocations(REVOCATIONS_SHOWN).await?;
    if revocations.is_empty() {
        text.push_str("   The restored audit log holds no revocation.\n");
    } else {
        text.push_str(
            "   Revocations the restored audit log holds (newest first; these are in effect):\n",
        );
        for r in &revocations {
            text.push_str(&format!(
                "     {} {} {}\n",
                r.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                r.action,
                cyberbrain_report::controls::neutralise(&r.object)
            ));
        }
    }
    text.push_str(&format!(
        "3. Agents enrolled after {cut} are unknown to the restored database: enroll them again \
         with a new join token (`cbctl agent join-token create`).\n"
    ));
    text.push_str(
        "4. API tokens are restored (as hashes); the bootstrap admin token file is not in a \
         backup: use a token you kept.\n",
    );
    if !manifest.imported_pki.is_empty() {
        text.push_str(&format!(
            "5. The PKI files that lived outside the state directory are in {}: put them back \
             where the flags expect them:\n",
            config.state_dir.join(IMPORTED_PKI_TARGET).display()
        ));
        for file in &manifest.imported_pki {
            text.push_str(&format!(
                "     --{} {}  (now {})\n",
                file.flag,
                file.original_path,
                file.stored_as
                    .strip_prefix(&format!("{}/", layout::IMPORTED_PKI))
                    .unwrap_or(&file.stored_as)
            ));
        }
    }
    text.push_str(&format!(
        "The configuration in effect at the backup is in {}: compare it with yours.\n",
        config.state_dir.join(CONFIG_TARGET).display()
    ));
    progress::done(text.trim_end());
    Ok(())
}
