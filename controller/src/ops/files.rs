//! File work for backup and restore: listing a tree, copying files with a fixed mode, and making
//! private directories. Symbolic links are never followed: a link planted in a state directory
//! must not pull a file from elsewhere into a backup, or put one elsewhere on restore.

use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;

use anyhow::{Context, bail};

/// Every regular file below `dir`, as sorted `/`-separated relative paths.
pub fn list_files(dir: &Path) -> anyhow::Result<Vec<String>> {
    let mut found = Vec::new();
    walk(dir, "", &mut found)?;
    found.sort();
    Ok(found)
}

fn walk(dir: &Path, prefix: &str, found: &mut Vec<String>) -> anyhow::Result<()> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("reading {}", dir.display()))?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            bail!("{}: a file name that is not UTF-8", entry.path().display());
        };
        let relative = if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}/{name}")
        };
        let kind = entry
            .file_type()
            .with_context(|| format!("reading {}", entry.path().display()))?;
        if kind.is_dir() {
            walk(&entry.path(), &relative, found)?;
        } else if kind.is_file() {
            found.push(relative);
        }
        // Links, sockets and the like are left out.
    }
    Ok(())
}

/// Makes `dir` (and its parents) with `mode` for the directories it creates.
pub fn make_dir(dir: &Path, mode: u32) -> anyhow::Result<()> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(mode)
        .create(dir)
        .with_context(|| format!("creating {}", dir.display()))
}

/// Copies the regular file `from` to the new file `to` (never replacing one) with `mode`,
/// making its parent directories with `dir_mode`.
pub fn copy_file(from: &Path, to: &Path, mode: u32, dir_mode: u32) -> anyhow::Result<()> {
    if let Some(parent) = to.parent() {
        make_dir(parent, dir_mode)?;
    }
    let mut source = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(from)
        .with_context(|| format!("opening {}", from.display()))?;
    let mut target = create_new(to, mode)?;
    std::io::copy(&mut source, &mut target)
        .with_context(|| format!("copying {} to {}", from.display(), to.display()))?;
    target
        .sync_all()
        .with_context(|| format!("writing {}", to.display()))
}

/// Writes `content` to the new file `path` with `mode`.
pub fn write_new(path: &Path, content: &[u8], mode: u32) -> anyhow::Result<()> {
    use std::io::Write;
    let mut file = create_new(path, mode)?;
    file.write_all(content)
        .and_then(|()| file.sync_all())
        .with_context(|| format!("writing {}", path.display()))
}

fn create_new(path: &Path, mode: u32) -> anyhow::Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))
}

/// Whether `dir` is missing or holds nothing.
pub fn is_missing_or_empty(dir: &Path) -> anyhow::Result<bool> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => Ok(entries.next().is_none()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(true),
        Err(e) => Err(e).with_context(|| format!("reading {}", dir.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn copies_keep_no_link_and_take_the_given_mode() {
        let dir = tempfile::tempdir().expect("dir");
        let from = dir.path().join("from");
        make_dir(&from.join("runs/a"), 0o750).expect("dirs");
        std::fs::write(from.join("runs/a/report.md"), "# report").expect("write");
        std::os::unix::fs::symlink("/etc/passwd", from.join("runs/a/passwd")).expect("link");
        assert_eq!(list_files(&from).expect("list"), vec!["runs/a/report.md"]);

        let to = dir.path().join("to/runs/a/report.md");
        copy_file(&from.join("runs/a/report.md"), &to, 0o600, 0o700).expect("copy");
        let mode = std::fs::metadata(&to).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert!(copy_file(&from.join("runs/a/report.md"), &to, 0o600, 0o700).is_err());
        assert!(
            copy_file(
                &from.join("runs/a/passwd"),
                &dir.path().join("x"),
                0o600,
                0o700
            )
            .is_err()
        );
        assert!(!is_missing_or_empty(&from).expect("read"));
        assert!(is_missing_or_empty(&dir.path().join("nothing")).expect("read"));
    }
}
