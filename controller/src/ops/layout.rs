//! The names inside a backup directory.

/// `pg_dump -Fc` of the database.
pub const DATABASE_DUMP: &str = "database.dump";
/// The PKI files, plain (mode 0600).
pub const PKI_DIR: &str = "pki";
/// The PKI files in one age file, when encrypted.
pub const PKI_SEALED: &str = "pki.age";
/// Inside the PKI: files the flags named from outside the state directory.
pub const IMPORTED_PKI: &str = "imported";
/// The configuration.
pub const CONFIG_DIR: &str = "config";
/// The settings in effect, as `--dump-config` prints them.
pub const SETTINGS_FILE: &str = "settings.toml";
/// A copy of `--config`'s file.
pub const CONFIG_FILE: &str = "config-file.toml";
/// The artifact tree.
pub const ARTIFACTS_DIR: &str = "artifacts";

/// Temporary files `pki::write_private` leaves only while it writes.
pub fn is_transient_pki_file(name: &str) -> bool {
    name.contains(".tmp-")
}

/// Files being written (`write_run_file` renames them when done).
pub fn is_transient_artifact(name: &str) -> bool {
    name.ends_with(".partial")
}
