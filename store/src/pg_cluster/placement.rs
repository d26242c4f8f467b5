//! Where the embedded cluster lives. Its user (`postgres` when the controller is root) must reach
//! the cluster's directory. When it cannot reach `<state-dir>/postgres` (the
//! state directory sits below a directory of mode 0700, such as root's home), the cluster gets a
//! directory of its own under `/var/lib/cyberbrain-embedded-postgres/`, named for the state
//! directory's path, and that directory is recorded in `<state-dir>/postgres/cluster-location`.
//! Every later start uses the recorded cluster, wherever the state directory is then. Deleting the
//! state directory forgets its cluster, as it would delete one kept in place: the next start makes a
//! new, empty one and never adopts a directory it did not record; the old files stay until removed
//! by hand (that start logs where they are, and each relocated cluster names its state directory in
//! its `state-dir` file).
//!
//! Root acts on what the record names (it creates the directory and hands it over with `chown -R`),
//! so a record is trusted only when root alone can have written it: the record and its directory
//! belong to the controller's user and nobody else may write to them (a cluster kept in place hands
//! `<state-dir>/postgres` to the cluster's user, who could otherwise plant one), and it names a
//! directory of the relocation root's own shape. Directories the cluster's user owns are never
//! followed through a symbolic link by root.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use tokio::process::Command;

use crate::error::{Error, Result};

/// Where a cluster goes when its user cannot reach the state directory: a persistent place that
/// only root may write to, and not a usual state directory (`/var/lib/cyberbrain` is the images'
/// one), so a cluster never lands inside one. (No `/tmp` fallback: anyone may create names there,
/// and a reboot may empty it.)
const RELOCATION_ROOT: &str = "/var/lib/cyberbrain-embedded-postgres";
/// In `<state-dir>/postgres`: the absolute path of the cluster's directory when it is elsewhere.
pub const LOCATION_FILE: &str = "cluster-location";
/// In a relocated cluster's directory: the state directory it was made for, for whoever cleans up.
const OWNER_FILE: &str = "state-dir";
/// Names tried under one relocation root (`<hash>`, `<hash>-2`, …) before giving up on it.
const MAX_NAME_ATTEMPTS: u32 = 100;

/// Where the cluster for `dir` lives when it runs as `user`, made ready for `hand_over_to`.
pub(super) async fn place_cluster(user: &str, dir: &Path) -> Result<PathBuf> {
    let user_uid = user_uid(user).await?;
    let recorded = recorded_location(dir)?;
    // `dir` itself is handed over to `user`; what matters is whether its parents let `user` in.
    let reachable = match dir.parent() {
        Some(parent) => can_search(user, parent).await?,
        None => true,
    };
    let cluster_in_place = dir.join("data").join("PG_VERSION").exists();
    match placement(recorded, reachable, cluster_in_place) {
        Placement::InPlace => Ok(dir.to_path_buf()),
        Placement::Recorded(location) => {
            tracing::info!(location = %location.display(), record = %dir.join(LOCATION_FILE).display(),
                "the embedded postgresql cluster lives outside the state directory");
            if !location.join("data").join("PG_VERSION").exists() {
                tracing::warn!(location = %location.display(),
                    "no cluster at the recorded location (removed since); creating a new, empty one there");
            }
            let root = Path::new(RELOCATION_ROOT);
            prepare_relocation_root(root)
                .map_err(|e| Error::io(format!("preparing {}", root.display()), e))?;
            match std::fs::symlink_metadata(&location) {
                Ok(meta) if meta.is_dir() && (meta.uid() == 0 || meta.uid() == user_uid) => {}
                Ok(_) => {
                    return Err(Error::invalid(
                        "state_dir",
                        format!(
                            "{} is not a directory of root's or {user}'s; refusing to use it for \
                             the embedded PostgreSQL",
                            location.display()
                        ),
                    ));
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    create_private_dir(&location)
                        .map_err(|e| Error::io(format!("creating {}", location.display()), e))?;
                }
                Err(e) => return Err(Error::io(format!("inspecting {}", location.display()), e)),
            }
            Ok(location)
        }
        Placement::Relocate => relocate(user, dir).await,
        Placement::Stranded => Err(Error::invalid(
            "state_dir",
            format!(
                "the embedded PostgreSQL runs as user {user}, who cannot reach the existing \
                 cluster in {}; make its parent directories searchable again (chmod o+x)",
                dir.display()
            ),
        )),
    }
}

/// Where a cluster goes, decided from what is on disk.
#[derive(Debug, PartialEq)]
enum Placement {
    /// In `<state-dir>/postgres`, as always when its user can reach it.
    InPlace,
    /// In the directory the location file names: it was placed there by an earlier start.
    Recorded(PathBuf),
    /// In a new directory under `RELOCATION_ROOT`, then recorded.
    Relocate,
    /// Nowhere: a cluster exists in place but its user can no longer reach it (parents made
    /// private since), and an empty one elsewhere would hide its data.
    Stranded,
}

/// A record always wins (the cluster must not change under a state directory); without one, the
/// cluster stays in place when its user can reach it or when one is already there.
fn placement(recorded: Option<PathBuf>, reachable: bool, cluster_in_place: bool) -> Placement {
    match (recorded, reachable, cluster_in_place) {
        (Some(location), _, _) => Placement::Recorded(location),
        (None, true, _) => Placement::InPlace,
        (None, false, true) => Placement::Stranded,
        (None, false, false) => Placement::Relocate,
    }
}

/// Makes a directory for the cluster of `dir` under the relocation root and records it in `dir`.
async fn relocate(user: &str, dir: &Path) -> Result<PathBuf> {
    let root = Path::new(RELOCATION_ROOT);
    let refused = |reason: String| {
        Error::invalid(
            "state_dir",
            format!(
                "the embedded PostgreSQL runs as user {user}, who cannot reach {}, and no other \
                 place for its cluster could be made ({}: {reason}); make the state directory's \
                 parents searchable (chmod o+x), choose another --state-dir, or give \
                 --database-url",
                dir.display(),
                root.display()
            ),
        )
    };
    prepare_relocation_root(root).map_err(|e| refused(e.to_string()))?;
    if !can_search(user, root).await? {
        return Err(refused(format!("user {user} cannot reach it")));
    }
    // The record is trusted later only in a directory that root alone may write to.
    check_private_to_self(dir)
        .map_err(|reason| Error::invalid("state_dir", format!("{}: {reason}", dir.display())))?;
    let location = claim_cluster_dir(root, dir)?;
    let owner = location.join(OWNER_FILE);
    write_line(&owner, dir.as_os_str())
        .map_err(|e| Error::io(format!("writing {}", owner.display()), e))?;
    let record = dir.join(LOCATION_FILE);
    write_line(&record, location.as_os_str())
        .map_err(|e| Error::io(format!("writing {}", record.display()), e))?;
    tracing::warn!(location = %location.display(), record = %record.display(), user,
        "the postgres user cannot reach the state directory: the embedded postgresql cluster is made outside it");
    Ok(location)
}

/// Fails unless `path` is a directory or a file (not a link) of this process's user that nobody
/// else may write to.
fn check_private_to_self(path: &Path) -> std::result::Result<(), String> {
    let own_uid = std::fs::metadata("/proc/self")
        .map(|m| m.uid())
        .map_err(|e| format!("cannot tell which user this process is: {e}"))?;
    let meta = std::fs::symlink_metadata(path).map_err(|e| e.to_string())?;
    if meta.file_type().is_symlink() {
        return Err("a symbolic link, not trusted".into());
    }
    if meta.uid() != own_uid {
        return Err(format!(
            "belongs to uid {}, not to this process's user ({own_uid}), so it is not trusted",
            meta.uid()
        ));
    }
    if meta.mode() & 0o022 != 0 {
        return Err("others than its owner may write to it, so it is not trusted".into());
    }
    Ok(())
}

/// Fails unless nobody but root can move or replace any directory on the way to `path` (absolute):
/// every directory that holds one of its components belongs to root and only root may write to it,
/// or it is sticky (`/tmp`) and the component belongs to root. A symbolic link on the way is
/// followed only when root made it there. Components that do not exist yet are fine: root makes
/// them. The last component itself may belong to anyone (the cluster's user, once handed over) but
/// must not be a link.
pub(super) fn check_only_root_can_change(path: &Path) -> std::result::Result<(), String> {
    check_path_below(Path::new("/"), path, 0)
}

fn check_path_below(start: &Path, path: &Path, links: u32) -> std::result::Result<(), String> {
    use std::path::Component;
    if links > 16 {
        return Err(format!("{}: too many symbolic links", path.display()));
    }
    let mut current = start.to_path_buf();
    let components: Vec<Component> = path.components().collect();
    for (i, component) in components.iter().enumerate() {
        let name = match component {
            Component::RootDir => {
                current = PathBuf::from("/");
                continue;
            }
            Component::CurDir | Component::Prefix(_) => continue,
            Component::ParentDir => {
                current.pop();
                continue;
            }
            Component::Normal(name) => name,
        };
        let holder = std::fs::symlink_metadata(&current)
            .map_err(|e| format!("{}: {e}", current.display()))?;
        let next = current.join(name);
        let sticky = holder.uid() == 0 && holder.mode() & 0o1000 != 0;
        let holder_private = holder.uid() == 0 && holder.mode() & 0o022 == 0;
        let meta = match std::fs::symlink_metadata(&next) {
            Ok(meta) => meta,
            // Root makes the rest; in a sticky directory, the check after making it sees whose it
            // is.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && (holder_private || sticky) => {
                return Ok(());
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(format!(
                    "{} can be changed by uid {} or others, so {} could be made or replaced by them",
                    current.display(),
                    holder.uid(),
                    next.display()
                ));
            }
            Err(e) => return Err(format!("{}: {e}", next.display())),
        };
        if !(holder_private || sticky && meta.uid() == 0) {
            return Err(format!(
                "{} can be changed by uid {} or others, so {} could be moved or replaced",
                current.display(),
                holder.uid(),
                next.display()
            ));
        }
        let last = i + 1 == components.len();
        if meta.file_type().is_symlink() {
            if last || meta.uid() != 0 {
                return Err(format!("{} is a symbolic link", next.display()));
            }
            let target =
                std::fs::read_link(&next).map_err(|e| format!("{}: {e}", next.display()))?;
            check_path_below(&current, &target, links + 1)?;
            current = current.join(target);
            current = current
                .canonicalize()
                .map_err(|e| format!("{}: {e}", next.display()))?;
        } else if !meta.is_dir() {
            return Err(format!("{} is not a directory", next.display()));
        } else {
            current = next;
        }
    }
    Ok(())
}

/// A short note from a directory the cluster's user owns, read as root: a regular file only (not
/// a link, a pipe or a device), at most 4 KiB, so that user cannot make root read elsewhere, hang
/// or fill its memory.
fn read_note(path: &Path) -> std::io::Result<String> {
    use std::io::Read as _;
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut text = String::new();
    file.take(4096).read_to_string(&mut text)?;
    Ok(text.trim().to_string())
}

/// Gives `path` (a directory) to `uid` without following a symbolic link there.
pub(super) fn chown_no_follow(path: &Path, uid: u32) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let directory = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_DIRECTORY)
        .open(path)?;
    std::os::unix::fs::fchown(&directory, Some(uid), None)
}

/// Sets `path`'s mode without following a symbolic link there (the directory is opened with
/// `O_NOFOLLOW` and changed through the open descriptor).
pub(super) fn chmod_no_follow(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let directory = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_DIRECTORY)
        .open(path)?;
    directory.set_permissions(PermissionsExt::from_mode(mode))
}

/// Creates `root` if needed (root-owned, mode 0755) and checks that only root can write to it, since
/// root creates and hands over directories in it.
fn prepare_relocation_root(root: &Path) -> std::io::Result<()> {
    match std::fs::DirBuilder::new().mode(0o755).create(root) {
        // Set again: the umask (0077 under systemd, say) would keep the postgres user out.
        Ok(()) => std::fs::set_permissions(root, PermissionsExt::from_mode(0o755))?,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    let metadata = std::fs::symlink_metadata(root)?;
    if !metadata.is_dir() {
        return Err(std::io::Error::other("not a directory"));
    }
    if metadata.uid() != 0 || metadata.mode() & 0o022 != 0 {
        return Err(std::io::Error::other(
            "others than root may write to it, so no cluster is made in it",
        ));
    }
    Ok(())
}

/// Creates the first free directory `<root>/<name>` for the cluster of `dir` and returns it. A
/// directory already there is never adopted: no state directory records it any more (or another
/// one does, after a move), so it is someone else's data.
fn claim_cluster_dir(root: &Path, dir: &Path) -> Result<PathBuf> {
    for attempt in 1..=MAX_NAME_ATTEMPTS {
        let location = root.join(cluster_dir_name(dir, attempt));
        match create_private_dir(&location) {
            Ok(()) => return Ok(location),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let made_for = read_note(&location.join(OWNER_FILE)).unwrap_or_default();
                tracing::warn!(path = %location.display(), made_for,
                    "kept but not reused: a cluster directory this state directory does not record (left by a state directory deleted or moved since); remove it once no cluster-location file names it");
            }
            Err(e) => return Err(Error::io(format!("creating {}", location.display()), e)),
        }
    }
    Err(Error::io(
        format!("choosing a directory under {}", root.display()),
        std::io::Error::other(format!("{MAX_NAME_ATTEMPTS} names are taken")),
    ))
}

/// `<first 16 hex digits of SHA-256 of the state directory's path>`, then `-2`, `-3`, …: stable for
/// one path, so a person can tell which directories came from the same place.
fn cluster_dir_name(dir: &Path, attempt: u32) -> String {
    let digest = Sha256::digest(dir.as_os_str().as_bytes());
    let hash: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
    if attempt > 1 {
        format!("{hash}-{attempt}")
    } else {
        hash
    }
}

/// Creates `path` with mode 0700 (its parent must exist); fails if it exists.
fn create_private_dir(path: &Path) -> std::io::Result<()> {
    std::fs::DirBuilder::new().mode(0o700).create(path)
}

/// The location recorded in `dir`, if any. A record that others than this process's user could have
/// written, or that names anything but a directory of the relocation root's shape, is refused.
pub(super) fn recorded_location(dir: &Path) -> Result<Option<PathBuf>> {
    let record = dir.join(LOCATION_FILE);
    let refused = |reason: String| {
        Error::invalid(
            "state_dir",
            format!(
                "{}: {reason}; remove it if this controller did not write it",
                record.display()
            ),
        )
    };
    match std::fs::symlink_metadata(&record) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(format!("reading {}", record.display()), e)),
        Ok(_) => {}
    }
    check_private_to_self(dir).map_err(|reason| refused(format!("its directory {reason}")))?;
    check_private_to_self(&record).map_err(refused)?;
    let bytes = std::fs::read(&record)
        .map_err(|e| Error::io(format!("reading {}", record.display()), e))?;
    let location = parse_location(&bytes).map_err(refused)?;
    check_relocation_shape(&location).map_err(refused)?;
    Ok(Some(location))
}

/// A recorded location must be `<RELOCATION_ROOT>/<16 hex digits>[-<n>]`: what `relocate` makes, and
/// nothing root should create or hand over on a record's word.
fn check_relocation_shape(location: &Path) -> std::result::Result<(), String> {
    let in_root = location.parent() == Some(Path::new(RELOCATION_ROOT));
    let name = location
        .file_name()
        .and_then(OsStr::to_str)
        .unwrap_or_default();
    let (hash, number) = match name.split_once('-') {
        Some((hash, number)) => (hash, Some(number)),
        None => (name, None),
    };
    let hash_ok = hash.len() == 16 && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    let number_ok = number.is_none_or(|n| {
        n.parse::<u32>()
            .is_ok_and(|n| (2..=MAX_NAME_ATTEMPTS).contains(&n))
    });
    if in_root && hash_ok && number_ok {
        Ok(())
    } else {
        Err(format!(
            "{} is not a cluster directory under {RELOCATION_ROOT}",
            location.display()
        ))
    }
}

/// A location file holds one absolute path and a newline.
fn parse_location(bytes: &[u8]) -> Result<PathBuf, String> {
    let line = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    if line.is_empty() {
        return Err("empty; expected the absolute path of the cluster's directory".into());
    }
    if line.contains(&b'\n') || line.contains(&0) {
        return Err("expected one line: the absolute path of the cluster's directory".into());
    }
    let path = Path::new(OsStr::from_bytes(line));
    if !path.is_absolute() {
        return Err(format!(
            "{} is not an absolute path; expected the cluster's directory",
            path.display()
        ));
    }
    Ok(path.to_path_buf())
}

/// Writes `text` and a newline to `path` through a rename, so a crash leaves the old file or the new.
/// The pending file is made anew (`O_EXCL`), so a link planted in its place is not followed.
fn write_line(path: &Path, text: &OsStr) -> std::io::Result<()> {
    use std::io::Write as _;
    use std::os::unix::fs::OpenOptionsExt;
    let pending = path.with_extension("pending");
    match std::fs::remove_file(&pending) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o644)
        .open(&pending)?;
    file.write_all(text.as_bytes())?;
    file.write_all(b"\n")?;
    file.sync_all()?;
    std::fs::rename(&pending, path)
}

/// Whether `user` can reach (search) the directory `path`.
pub(super) async fn can_search(user: &str, path: &Path) -> Result<bool> {
    let status = Command::new("runuser")
        .args(["-u", user, "--", "test", "-x"])
        .arg(path)
        .stderr(std::process::Stdio::null())
        .status()
        .await
        .map_err(|e| Error::io("running runuser", e))?;
    Ok(status.success())
}

/// The uid of `user`, who must exist.
pub(super) async fn user_uid(user: &str) -> Result<u32> {
    let known = Command::new("id")
        .args(["-u", user])
        .stderr(std::process::Stdio::null())
        .output()
        .await
        .map_err(|e| Error::io("running id", e))?;
    if known.status.success()
        && let Ok(uid) = String::from_utf8_lossy(&known.stdout).trim().parse()
    {
        return Ok(uid);
    }
    Err(Error::invalid(
        "database_url",
        format!(
            "not given, so the embedded PostgreSQL is used, which runs as user {user} when the \
             controller is root; that user does not exist (PostgreSQL's server package creates it)"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_placement(
        recorded: Option<&str>,
        reachable: bool,
        cluster_in_place: bool,
        expected: Placement,
    ) {
        let recorded = recorded.map(PathBuf::from);
        assert_eq!(
            placement(recorded.clone(), reachable, cluster_in_place),
            expected,
            "recorded {recorded:?}, reachable {reachable}, cluster in place {cluster_in_place}"
        );
    }

    #[test]
    fn a_record_wins_then_a_reachable_or_existing_cluster_stays_in_place() {
        let elsewhere = "/var/lib/cyberbrain-embedded-postgres/0123456789abcdef";
        for reachable in [false, true] {
            for cluster_in_place in [false, true] {
                check_placement(
                    Some(elsewhere),
                    reachable,
                    cluster_in_place,
                    Placement::Recorded(elsewhere.into()),
                );
            }
        }
        check_placement(None, true, false, Placement::InPlace);
        check_placement(None, true, true, Placement::InPlace);
        check_placement(None, false, true, Placement::Stranded);
        check_placement(None, false, false, Placement::Relocate);
    }

    #[test]
    fn cluster_directory_names_are_stable_per_path_and_numbered_after_the_first() {
        let dir = Path::new("/root/cbtest/repo/.state/controller/postgres");
        let first = cluster_dir_name(dir, 1);
        assert_eq!(first.len(), 16);
        assert!(first.bytes().all(|b| b.is_ascii_hexdigit()), "{first}");
        assert_eq!(first, cluster_dir_name(dir, 1));
        assert_eq!(cluster_dir_name(dir, 2), format!("{first}-2"));
        assert_ne!(
            first,
            cluster_dir_name(Path::new("/root/other/postgres"), 1)
        );
        // SHA-256 of the path, so the name survives toolchain and dependency upgrades.
        assert_eq!(cluster_dir_name(Path::new("/"), 1), "8a5edab282632443");
    }

    #[test]
    fn only_directories_of_the_relocation_roots_shape_are_trusted() {
        for good in [
            "/var/lib/cyberbrain-embedded-postgres/0123456789abcdef",
            "/var/lib/cyberbrain-embedded-postgres/0123456789abcdef-2",
            "/var/lib/cyberbrain-embedded-postgres/0123456789abcdef-100",
        ] {
            assert_eq!(check_relocation_shape(Path::new(good)), Ok(()), "{good}");
        }
        for bad in [
            "/etc",
            "/root",
            "/var/lib/cyberbrain-embedded-postgres",
            "/var/lib/cyberbrain-embedded-postgres/0123456789ABCDEF",
            "/var/lib/cyberbrain-embedded-postgres/0123456789abcde",
            "/var/lib/cyberbrain-embedded-postgres/0123456789abcdef-1",
            "/var/lib/cyberbrain-embedded-postgres/0123456789abcdef-101",
            "/var/lib/cyberbrain-embedded-postgres/0123456789abcdef/..",
            "/var/lib/cyberbrain-embedded-postgres/0123456789abcdef/data",
            "/tmp/cyberbrain-embedded-postgres/0123456789abcdef",
        ] {
            assert!(check_relocation_shape(Path::new(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_what_nobody_else_may_write_is_private() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("record");
        std::fs::write(&file, "x").expect("write");
        std::fs::set_permissions(&file, PermissionsExt::from_mode(0o644)).expect("chmod");
        assert_eq!(check_private_to_self(&file), Ok(()));
        std::fs::set_permissions(&file, PermissionsExt::from_mode(0o666)).expect("chmod");
        assert!(check_private_to_self(&file).is_err());
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&file, &link).expect("symlink");
        assert!(check_private_to_self(&link).is_err());
    }

    #[test]
    fn a_state_directory_others_can_change_is_refused() {
        // Only meaningful where root owns the temporary directory (it does on the test machines).
        let dir = tempfile::tempdir().expect("temp dir");
        let root_owned = std::fs::metadata(dir.path()).expect("metadata").uid() == 0;
        if !root_owned {
            return;
        }
        std::fs::set_permissions(dir.path(), PermissionsExt::from_mode(0o755)).expect("chmod");
        let state = dir.path().join("state");
        std::fs::create_dir(&state).expect("mkdir");
        assert_eq!(check_only_root_can_change(&state.join("postgres")), Ok(()));
        // Not yet made: root makes it inside a directory only root can change.
        assert_eq!(
            check_only_root_can_change(&state.join("a/b/postgres")),
            Ok(())
        );

        // A directory others may write to on the way: they could swap what is inside it.
        std::fs::set_permissions(&state, PermissionsExt::from_mode(0o777)).expect("chmod");
        let refused = check_only_root_can_change(&state.join("postgres")).unwrap_err();
        assert!(refused.contains("could be"), "{refused}");
        std::fs::set_permissions(&state, PermissionsExt::from_mode(0o755)).expect("chmod");

        // The last component must not be a link; a link root made on the way is followed.
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).expect("mkdir");
        let link = state.join("postgres");
        std::os::unix::fs::symlink(&elsewhere, &link).expect("symlink");
        assert!(check_only_root_can_change(&link).is_err());
        assert_eq!(check_only_root_can_change(&link.join("inner")), Ok(()));
    }

    #[test]
    fn notes_are_read_from_regular_files_only_and_bounded() {
        let dir = tempfile::tempdir().expect("temp dir");
        let note = dir.path().join("state-dir");
        std::fs::write(&note, format!("/a/b\n{}", "x".repeat(10_000))).expect("write");
        let text = read_note(&note).expect("a regular file");
        assert!(
            text.starts_with("/a/b") && text.len() <= 4096,
            "{}",
            text.len()
        );
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&note, &link).expect("symlink");
        assert!(read_note(&link).is_err(), "a link is not followed");
        assert!(
            read_note(Path::new("/dev/zero")).is_err(),
            "a device is not read"
        );
    }

    #[test]
    fn a_link_in_place_of_the_socket_directory_is_not_followed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("elsewhere");
        std::fs::create_dir(&target).expect("mkdir");
        std::fs::set_permissions(&target, PermissionsExt::from_mode(0o755)).expect("chmod");
        let link = dir.path().join("run");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        assert!(chmod_no_follow(&link, 0o700).is_err());
        let mode = std::fs::metadata(&target).expect("metadata").mode() & 0o777;
        assert_eq!(mode, 0o755, "the link's target is untouched");
        assert!(chmod_no_follow(&target, 0o700).is_ok());
    }

    fn check_location(file: &[u8], expected: Result<&str, &str>) {
        let parsed = parse_location(file);
        match expected {
            Ok(path) => assert_eq!(parsed, Ok(PathBuf::from(path)), "{file:?}"),
            Err(part) => {
                let reason = parsed.expect_err("a refused location file");
                assert!(reason.contains(part), "{file:?}: {reason}");
            }
        }
    }

    #[test]
    fn location_files_hold_one_absolute_path() {
        check_location(b"/var/lib/x/abc\n", Ok("/var/lib/x/abc"));
        check_location(b"/var/lib/x/abc", Ok("/var/lib/x/abc"));
        check_location(b"/dir with spaces/c\n", Ok("/dir with spaces/c"));
        check_location(b"", Err("empty"));
        check_location(b"\n", Err("empty"));
        check_location(b"relative/dir\n", Err("not an absolute path"));
        check_location(b"/a\n/b\n", Err("one line"));
        check_location(b"/a\0b", Err("one line"));
    }
}
