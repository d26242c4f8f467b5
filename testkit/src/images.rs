//! Container images made from local files, for engines that cannot pull: a root file system
//! staged from the host (binaries with exactly the shared libraries `ldd` lists, data trees,
//! small text files), packed with `tar` and loaded with `docker import`.
//!
//! An image is tagged with a hash of everything that goes into it (file contents, paths, modes,
//! owners, image settings), so a re-run whose inputs did not change finds the image and builds
//! nothing. Images are left in place for the next run; building a new one removes the same
//! recipe's unused images older than two hours.
//!
//! The recipes below mirror `deploy/docker/Dockerfile.{controller,agent}` (same paths, same
//! non-root user) and take whatever binaries they are given: the debug build in the tests, a
//! release build just as well.

use std::fmt::Write as _;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The label naming the recipe an image was built from, for clean-up.
const RECIPE_LABEL: &str = "cyberbrain.test.recipe";

/// The uid and gid of the controller's and the agent's user, as in the Dockerfiles.
pub const CYBERBRAIN_UID: u32 = 10001;
/// The uid and gid of the PostgreSQL server's user.
pub const POSTGRES_UID: u32 = 999;

/// One thing placed in the image.
#[derive(Debug, Clone)]
enum Entry {
    /// A host file copied to a path in the image, with a mode.
    File {
        host: PathBuf,
        path: String,
        mode: u32,
    },
    /// A file written from text.
    Text {
        path: String,
        text: String,
        mode: u32,
    },
    /// A directory with a mode and an owner (uid = gid).
    Dir { path: String, mode: u32, owner: u32 },
    /// A symbolic link.
    Symlink { path: String, target: String },
}

/// What goes into one image, and how it runs.
#[derive(Debug, Clone)]
pub struct ImageRecipe {
    /// The repository part of the tag (`cyberbrain-test/<name>`).
    name: String,
    entries: Vec<Entry>,
    /// Dockerfile instructions for `docker import --change` (`USER`, `ENV`, `ENTRYPOINT`, …).
    changes: Vec<String>,
}

impl ImageRecipe {
    /// An empty image named `cyberbrain-test/<name>`, with `/tmp` (mode 1777).
    pub fn new(name: &str) -> ImageRecipe {
        ImageRecipe {
            name: name.to_string(),
            entries: vec![Entry::Dir {
                path: "/tmp".into(),
                mode: 0o1777,
                owner: 0,
            }],
            changes: Vec::new(),
        }
    }

    /// A dynamically linked program at `path`, plus every shared library `ldd` lists for it, at
    /// the paths `ldd` names.
    pub fn binary(mut self, host: &Path, path: &str) -> ImageRecipe {
        self = self.file(host, path, 0o755);
        for library in shared_libraries(host) {
            let path = library.display().to_string();
            self = self.file(&library, &path, 0o755);
        }
        self
    }

    /// A host file at `path` (symbolic links followed).
    pub fn file(mut self, host: &Path, path: &str, mode: u32) -> ImageRecipe {
        let duplicate = self
            .entries
            .iter()
            .any(|e| matches!(e, Entry::File { path: p, .. } if p == path));
        if !duplicate {
            self.entries.push(Entry::File {
                host: host.to_path_buf(),
                path: path.to_string(),
                mode,
            });
        }
        self
    }

    /// Every regular file under the host directory `host`, at the same relative paths under
    /// `path`, keeping their modes; symbolic links inside are kept as links.
    pub fn tree(mut self, host: &Path, path: &str) -> ImageRecipe {
        let mut stack = vec![(host.to_path_buf(), path.trim_end_matches('/').to_string())];
        while let Some((dir, into)) = stack.pop() {
            let mut children: Vec<_> = std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
                .filter_map(Result::ok)
                .map(|e| e.path())
                .collect();
            children.sort();
            for child in children {
                let Some(file_name) = child.file_name().and_then(|n| n.to_str()) else {
                    continue;
                };
                let target = format!("{into}/{file_name}");
                let meta = std::fs::symlink_metadata(&child)
                    .unwrap_or_else(|e| panic!("cannot stat {}: {e}", child.display()));
                if meta.file_type().is_symlink() {
                    let link = std::fs::read_link(&child).expect("a readable link");
                    self.entries.push(Entry::Symlink {
                        path: target,
                        target: link.display().to_string(),
                    });
                } else if meta.is_dir() {
                    stack.push((child, target));
                } else if meta.is_file() {
                    let mode = meta.permissions().mode() & 0o7777;
                    self = self.file(&child, &target, mode);
                }
            }
        }
        self
    }

    /// A file written from `text`.
    pub fn text(mut self, path: &str, text: &str, mode: u32) -> ImageRecipe {
        self.entries.push(Entry::Text {
            path: path.to_string(),
            text: text.to_string(),
            mode,
        });
        self
    }

    /// An empty directory with `mode`, owned by `owner` (uid and gid). Nothing else may be
    /// placed inside a directory owned by someone other than root.
    pub fn dir(mut self, path: &str, mode: u32, owner: u32) -> ImageRecipe {
        self.entries.push(Entry::Dir {
            path: path.to_string(),
            mode,
            owner,
        });
        self
    }

    /// A symbolic link at `path` pointing to `target`.
    pub fn symlink(mut self, path: &str, target: &str) -> ImageRecipe {
        self.entries.push(Entry::Symlink {
            path: path.to_string(),
            target: target.to_string(),
        });
        self
    }

    /// `/etc/passwd` and `/etc/group` with root and the given (name, uid) users, each with a
    /// group of the same name and id and no login shell.
    pub fn users(self, users: &[(&str, u32, &str)]) -> ImageRecipe {
        let mut passwd = String::from("root:x:0:0:root:/root:/sbin/nologin\n");
        let mut group = String::from("root:x:0:\n");
        for (name, uid, home) in users {
            let _ = writeln!(passwd, "{name}:x:{uid}:{uid}::{home}:/sbin/nologin");
            let _ = writeln!(group, "{name}:x:{uid}:");
        }
        self.text("/etc/passwd", &passwd, 0o644)
            .text("/etc/group", &group, 0o644)
    }

    /// The host's static busybox as `/bin/busybox`, with `/bin/sh` and the given applets.
    pub fn busybox(mut self, applets: &[&str]) -> ImageRecipe {
        let busybox = Path::new("/bin/busybox");
        assert!(
            busybox.is_file(),
            "/bin/busybox is missing: install Debian's busybox-static"
        );
        self = self.file(busybox, "/bin/busybox", 0o755);
        for applet in std::iter::once(&"sh").chain(applets) {
            self = self.symlink(&format!("/bin/{applet}"), "busybox");
        }
        self
    }

    /// A Dockerfile instruction applied at import (`USER x`, `ENV K=V`, `ENTRYPOINT [...]`, …).
    pub fn change(mut self, instruction: &str) -> ImageRecipe {
        self.changes.push(instruction.to_string());
        self
    }

    /// The image's tag: `cyberbrain-test/<name>:<first 16 hex digits of the input hash>`.
    pub fn tag(&self) -> String {
        format!("cyberbrain-test/{}:{}", self.name, &self.input_hash()[..16])
    }

    /// Builds the image unless an image with the same inputs exists; returns its tag.
    pub fn build(&self) -> String {
        let tag = self.tag();
        let exists = Command::new("docker")
            .args(["image", "inspect", "--format", "{{.Id}}", &tag])
            .output()
            .is_ok_and(|o| o.status.success());
        if exists {
            return tag;
        }
        let staging = crate::temp_dir("image");
        let root = staging.path().join("root");
        std::fs::create_dir(&root).expect("staging root");
        self.stage(&root);
        let archive = staging.path().join("rootfs.tar");
        self.pack(&root, &archive);
        let mut import = Command::new("docker");
        import.arg("import");
        for change in &self.changes {
            import.args(["--change", change]);
        }
        import.args(["--change", &format!("LABEL {RECIPE_LABEL}={}", self.name)]);
        import.arg(&archive).arg(&tag);
        let output = import.output().expect("the docker CLI runs");
        assert!(
            output.status.success(),
            "docker import {tag} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        self.remove_older_builds();
        tag
    }

    /// Removes this recipe's images made more than two hours ago (from older binaries) that no
    /// container uses, so that rebuilds do not pile up. Recent ones are kept: another checkout
    /// sharing this Docker engine may be about to start one.
    fn remove_older_builds(&self) {
        let _ = Command::new("docker")
            .args(["image", "prune", "--all", "--force"])
            .args(["--filter", &format!("label={RECIPE_LABEL}={}", self.name)])
            .args(["--filter", "until=2h"])
            .output();
    }

    /// SHA-256 over a manifest of the recipe and the contents of every host file
    /// (`sha256sum`, much faster than hashing in an unoptimised test build).
    fn input_hash(&self) -> String {
        let mut manifest = format!("name {}\nlabel {RECIPE_LABEL}\n", self.name);
        let hosts: Vec<&PathBuf> = self
            .entries
            .iter()
            .filter_map(|e| match e {
                Entry::File { host, .. } => Some(host),
                _ => None,
            })
            .collect();
        let sums = if hosts.is_empty() {
            String::new()
        } else {
            let output = Command::new("sha256sum")
                .args(&hosts)
                .output()
                .expect("sha256sum runs");
            assert!(
                output.status.success(),
                "sha256sum failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            String::from_utf8_lossy(&output.stdout).into_owned()
        };
        let mut sums = sums
            .lines()
            .map(|l| l.split_whitespace().next().unwrap_or(""));
        for entry in &self.entries {
            match entry {
                Entry::File { path, mode, .. } => {
                    let sum = sums.next().unwrap_or_default();
                    let _ = writeln!(manifest, "file {path} {mode:o} {sum}");
                }
                Entry::Text { path, text, mode } => {
                    let _ = writeln!(manifest, "text {path} {mode:o} {text:?}");
                }
                Entry::Dir { path, mode, owner } => {
                    let _ = writeln!(manifest, "dir {path} {mode:o} {owner}");
                }
                Entry::Symlink { path, target } => {
                    let _ = writeln!(manifest, "link {path} {target}");
                }
            }
        }
        for change in &self.changes {
            let _ = writeln!(manifest, "change {change}");
        }
        let mut hasher = Command::new("sha256sum")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("sha256sum runs");
        if let Some(mut stdin) = hasher.stdin.take() {
            std::io::Write::write_all(&mut stdin, manifest.as_bytes()).expect("manifest hashed");
        }
        let output = hasher.wait_with_output().expect("sha256sum finishes");
        String::from_utf8_lossy(&output.stdout)
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string()
    }

    /// Lays the entries out under `root`.
    fn stage(&self, root: &Path) {
        let place = |path: &str| -> PathBuf {
            let target = root.join(path.trim_start_matches('/'));
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).expect("staging directories");
            }
            target
        };
        for entry in &self.entries {
            match entry {
                Entry::File { host, path, mode } => {
                    let target = place(path);
                    std::fs::copy(host, &target)
                        .unwrap_or_else(|e| panic!("cannot copy {}: {e}", host.display()));
                    std::fs::set_permissions(&target, PermissionsExt::from_mode(*mode))
                        .expect("file mode");
                }
                Entry::Text { path, text, mode } => {
                    let target = place(path);
                    std::fs::write(&target, text).expect("text file written");
                    std::fs::set_permissions(&target, PermissionsExt::from_mode(*mode))
                        .expect("file mode");
                }
                Entry::Dir { path, mode, .. } => {
                    let target = place(path);
                    std::fs::create_dir_all(&target).expect("directory");
                    std::fs::set_permissions(&target, PermissionsExt::from_mode(*mode))
                        .expect("directory mode");
                }
                Entry::Symlink { path, target } => {
                    let link = place(path);
                    let _ = std::fs::remove_file(&link);
                    std::os::unix::fs::symlink(target, &link).expect("symlink");
                }
            }
        }
    }

    /// Packs `root` into `archive`: everything owned by root, then the directories that belong
    /// to another user appended with that owner. Fixed
    /// times and order, so the same inputs give the same layer.
    fn pack(&self, root: &Path, archive: &Path) {
        let tar = |extra: &[String]| {
            let output = Command::new("tar")
                .args([
                    "--numeric-owner",
                    "--mtime=2000-01-01 00:00:00Z",
                    "--sort=name",
                ])
                .arg("-C")
                .arg(root)
                .args(extra)
                .output()
                .expect("tar runs");
            assert!(
                output.status.success(),
                "tar failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        };
        let archive = archive.display().to_string();
        // The engine refuses an archive that names a path twice, so the owned directories
        // (always empty) are left out of the first pass.
        let owned: Vec<(&str, u32)> = self
            .entries
            .iter()
            .filter_map(|e| match e {
                Entry::Dir { path, owner, .. } if *owner != 0 => Some((path.as_str(), *owner)),
                _ => None,
            })
            .collect();
        let mut first: Vec<String> = vec!["--owner=0".into(), "--group=0".into()];
        for (path, _) in &owned {
            first.push("--anchored".into());
            first.push(format!("--exclude=.{path}"));
        }
        first.extend(["-cf".into(), archive.clone(), ".".into()]);
        tar(&first);
        for (path, owner) in owned {
            tar(&[
                format!("--owner={owner}"),
                format!("--group={owner}"),
                "--no-recursion".into(),
                "-rf".into(),
                archive.clone(),
                format!(".{path}"),
            ]);
        }
    }
}

/// The shared libraries `ldd` lists for `binary` (the dynamic loader included, the vDSO not).
pub fn shared_libraries(binary: &Path) -> Vec<PathBuf> {
    let output = Command::new("ldd").arg(binary).output().expect("ldd runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "ldd {} failed: {text}{}",
        binary.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        !text.contains("not found"),
        "{} needs libraries that are missing:\n{text}",
        binary.display()
    );
    text.lines()
        .filter_map(|line| {
            // "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x…)" or "/lib64/ld-linux… (0x…)"
            let path = match line.split_once("=>") {
                Some((_, right)) => right.split_whitespace().next()?,
                None => line.split_whitespace().next()?,
            };
            path.starts_with('/').then(|| PathBuf::from(path))
        })
        .collect()
}

/// The controller image: `cyberbrain-controller` and `cbctl` in `/usr/local/bin`, the state
/// directory `/var/lib/cyberbrain` owned by user `cyberbrain` (uid 10001), which it runs as.
/// The same settings as `deploy/docker/Dockerfile.controller`, minus the embedded PostgreSQL's
/// binaries and tini (the fleet uses its own database container, so the controller starts no
/// child to reap) and the health check (which needs bash).
pub fn controller_image(controller: &Path, cbctl: &Path) -> String {
    ImageRecipe::new("controller")
        .binary(controller, "/usr/local/bin/cyberbrain-controller")
        .binary(cbctl, "/usr/local/bin/cbctl")
        .users(&[("cyberbrain", CYBERBRAIN_UID, "/var/lib/cyberbrain")])
        .dir("/var/lib/cyberbrain", 0o700, CYBERBRAIN_UID)
        .change("ENV PATH=/usr/local/bin")
        .change("ENV CYBERBRAIN_STATE_DIR=/var/lib/cyberbrain")
        .change("ENV CYBERBRAIN_LOG_FORMAT=json")
        .change("USER cyberbrain")
        .change("WORKDIR /var/lib/cyberbrain")
        .change(r#"ENTRYPOINT ["/usr/local/bin/cyberbrain-controller"]"#)
        .change(r#"CMD ["serve"]"#)
        .build()
}

/// The agent image: `cyberbrain-agent` in `/usr/local/bin`, run as user `cyberbrain` (uid
/// 10001), as `deploy/docker/Dockerfile.agent` makes it (without bash for its health check).
pub fn agent_image(agent: &Path) -> String {
    ImageRecipe::new("agent")
        .binary(agent, "/usr/local/bin/cyberbrain-agent")
        .users(&[("cyberbrain", CYBERBRAIN_UID, "/var/lib/cyberbrain")])
        .dir("/var/lib/cyberbrain", 0o700, CYBERBRAIN_UID)
        .change("ENV PATH=/usr/local/bin")
        .change("ENV CYBERBRAIN_AGENT_STATE_DIR=/var/lib/cyberbrain")
        .change("ENV CYBERBRAIN_LOG_FORMAT=json")
        .change("USER cyberbrain")
        .change("WORKDIR /var/lib/cyberbrain")
        .change(r#"ENTRYPOINT ["/usr/local/bin/cyberbrain-agent"]"#)
        .build()
}

/// The host's PostgreSQL server binaries: the newest `/usr/lib/postgresql/<major>/bin` that holds
/// `postgres` and `initdb`.
pub fn host_postgres_bin_dir() -> PathBuf {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|dir| {
            dir.filter_map(Result::ok)
                .filter_map(|e| {
                    let major = e.file_name().to_str()?.parse::<u32>().ok()?;
                    let bin = e.path().join("bin");
                    (bin.join("postgres").is_file() && bin.join("initdb").is_file())
                        .then_some((major, bin))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
        .pop()
        .map(|(_, bin)| bin)
        .expect("PostgreSQL server binaries under /usr/lib/postgresql/<major>/bin (apt-get install postgresql)")
}

/// What the PostgreSQL container runs: a cluster made on first start (superuser `cyberbrain`,
/// the `cyberbrain` database, trust authentication from the container network: test only),
/// then the server in the foreground. `--no-sync` because a test cluster need not survive a
/// power cut, and the fsyncs make initdb several times slower.
const POSTGRES_ENTRYPOINT: &str = r#"#!/bin/sh
set -eu
data=/var/lib/postgresql/data
bin="$PG_BIN"
if [ ! -s "$data/PG_VERSION" ]; then
    "$bin/initdb" -D "$data" -U cyberbrain --auth=trust -E UTF8 --no-locale --no-sync >/dev/null
    echo "host all all 0.0.0.0/0 trust" >> "$data/pg_hba.conf"
    echo "CREATE DATABASE cyberbrain" | "$bin/postgres" --single -D "$data" -j postgres >/dev/null
fi
exec "$bin/postgres" -D "$data" -c listen_addresses='*' -c jit=off
"#;

/// A PostgreSQL server image from the host's Debian packages: the server binaries of
/// [`host_postgres_bin_dir`] and its modules with their libraries, `share/postgresql/<major>`,
/// the time zone database, busybox for the entry script, `pg_isready` for health checks, and
/// user `postgres` (uid 999). It listens on 5432 and on the Debian socket directory, and trusts
/// every connection: for tests on a private network only. Like the official `postgres` image it
/// keeps its data in `/var/lib/postgresql/data`, but it ignores `POSTGRES_*` variables: the
/// superuser and the database are always `cyberbrain`.
pub fn postgres_image() -> String {
    let bin = host_postgres_bin_dir();
    let major = bin
        .parent()
        .and_then(|d| d.file_name())
        .and_then(|n| n.to_str())
        .expect("a major version directory")
        .to_string();
    let bin_path = bin.display().to_string();
    let share = format!("/usr/share/postgresql/{major}");
    let mut recipe = ImageRecipe::new("postgres")
        .binary(&bin.join("postgres"), &format!("{bin_path}/postgres"))
        .binary(&bin.join("initdb"), &format!("{bin_path}/initdb"))
        // For health checks, as the official image has it (deploy/compose.yaml uses it).
        .binary(&bin.join("pg_isready"), &format!("{bin_path}/pg_isready"));
    // `$libdir`: the modules initdb loads (snowball dictionaries, PL/pgSQL, encodings). JIT is
    // left out (it needs LLVM) and switched off.
    let lib = bin.with_file_name("lib");
    let mut modules: Vec<PathBuf> = std::fs::read_dir(&lib)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", lib.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "so")
                && p.file_name().is_some_and(|n| n != "llvmjit.so")
        })
        .collect();
    modules.sort();
    for module in modules {
        let path = module.display().to_string();
        recipe = recipe.binary(&module, &path);
    }
    recipe
        .tree(Path::new(&share), &share)
        .tree(Path::new("/usr/share/zoneinfo"), "/usr/share/zoneinfo")
        .busybox(&["echo", "cat", "ls"])
        .users(&[("postgres", POSTGRES_UID, "/var/lib/postgresql")])
        // Empty and owned by postgres, so that a fresh volume mounted on it (compose) is too.
        .dir("/var/lib/postgresql/data", 0o700, POSTGRES_UID)
        .dir("/var/run/postgresql", 0o2775, POSTGRES_UID)
        .text("/usr/local/bin/pg-entrypoint", POSTGRES_ENTRYPOINT, 0o755)
        .change(&format!("ENV PATH=/bin:/usr/local/bin:{bin_path}"))
        .change("ENV TZ=UTC")
        .change(&format!("ENV PG_BIN={bin_path}"))
        .change("USER postgres")
        .change("EXPOSE 5432")
        .change(r#"ENTRYPOINT ["/usr/local/bin/pg-entrypoint"]"#)
        .build()
}
