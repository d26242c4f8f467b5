//! The embedded default: a private PostgreSQL cluster, made from the system's binaries under the
//! state directory and started and stopped with the controller, so one command runs everything.
//!
//! The cluster listens on a Unix socket only (no TCP port to collide with or to expose) and trusts
//! local connections: its socket directory is private to the cluster's owner. `initdb` refuses to run
//! as root, so when the controller is root the cluster belongs to the `postgres` system user and every
//! PostgreSQL binary runs through `runuser`.
//!
//! Where the cluster lives when that user cannot reach the state directory, and which records
//! root may trust, is `placement`'s business.

mod placement;

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use tokio::process::Command;

use crate::error::{Error, Result};
use placement::{
    can_search, check_only_root_can_change, chmod_no_follow, chown_no_follow, place_cluster,
    recorded_location, user_uid,
};

pub use placement::LOCATION_FILE;

/// The database and role the controller uses inside its private cluster.
const DATABASE: &str = "cyberbrain";
/// The system user that owns the cluster when the controller runs as root.
const ROOT_FALLBACK_USER: &str = "postgres";
/// The lock file, in `<state-dir>/postgres`, that the process using the cluster holds while it
/// lives. The kernel drops the lock when the process dies, however it dies.
pub const OWNER_LOCK_FILE: &str = "controller.lock";
/// Unix socket paths are limited to 107 bytes; leave room for `/.s.PGSQL.5432`.
const MAX_SOCKET_DIR_LEN: usize = 90;

/// A running private cluster.
#[derive(Debug)]
pub struct EmbeddedPostgres {
    bin_dir: PathBuf,
    data_dir: PathBuf,
    socket_dir: PathBuf,
    /// `Some(user)` when the binaries run as another user (the controller is root).
    run_as: Option<String>,
    /// Whether this process started the cluster, or took it over, and so stops it.
    started_here: bool,
    /// The lock on [`OWNER_LOCK_FILE`], held from start until [`EmbeddedPostgres::stop`].
    owner: std::sync::Mutex<Option<std::fs::File>>,
}

impl EmbeddedPostgres {
    /// Creates the cluster for `dir` (`<state-dir>/postgres`) on first use, under `dir` or where
    /// `dir` records (see the module's documentation), starts it unless it is already running, and
    /// makes sure the `cyberbrain` database exists.
    pub async fn start(dir: &Path, bin_dir: Option<&Path>) -> Result<EmbeddedPostgres> {
        let bin_dir = match bin_dir {
            Some(d) => d.to_path_buf(),
            None => find_bin_dir()?,
        };
        let run_as = running_as_root().then(|| ROOT_FALLBACK_USER.to_string());
        let absolute = std::path::absolute(dir)
            .map_err(|e| Error::io(format!("resolving {}", dir.display()), e))?;
        // Root makes, hands over and trusts what is in the state directory: nobody else may be
        // able to move or replace any directory on the way to it, before or after it is made.
        let refuse = |reason: String| {
            Error::invalid(
                "state_dir",
                format!(
                    "{reason}; as root, the embedded PostgreSQL needs a state directory that only \
                     root can change (choose another --state-dir, or give --database-url)"
                ),
            )
        };
        if run_as.is_some() {
            check_only_root_can_change(&absolute).map_err(refuse)?;
        }
        std::fs::create_dir_all(&absolute)
            .map_err(|e| Error::io(format!("creating {}", absolute.display()), e))?;
        if run_as.is_some() {
            check_only_root_can_change(&absolute).map_err(refuse)?;
        }
        let dir = absolute
            .canonicalize()
            .map_err(|e| Error::io(format!("resolving {}", absolute.display()), e))?;
        let owner = take_owner_lock(&dir)?;
        let cluster_dir = match &run_as {
            Some(user) => place_cluster(user, &dir).await?,
            None => recorded_location(&dir)?.unwrap_or_else(|| dir.clone()),
        };
        let data_dir = cluster_dir.join("data");
        let socket_dir = cluster_dir.join("run");
        if socket_dir.as_os_str().len() > MAX_SOCKET_DIR_LEN {
            return Err(Error::invalid(
                "state_dir",
                format!(
                    "{} is too long for a Unix socket path; choose a shorter --state-dir",
                    socket_dir.display()
                ),
            ));
        }
        std::fs::create_dir_all(&socket_dir)
            .map_err(|e| Error::io(format!("creating {}", socket_dir.display()), e))?;
        // Local connections are trusted, so the socket's directory must admit the owner alone. Its
        // parent may belong to the cluster's user: change the directory itself, never a link's
        // target.
        chmod_no_follow(&socket_dir, 0o700)
            .map_err(|e| Error::io(format!("securing {}", socket_dir.display()), e))?;
        let mut cluster = EmbeddedPostgres {
            bin_dir,
            data_dir,
            socket_dir,
            run_as,
            started_here: false,
            owner: std::sync::Mutex::new(Some(owner)),
        };
        if let Some(user) = &cluster.run_as {
            cluster.hand_over_to(user, &cluster_dir).await?;
        }
        if !cluster.data_dir.join("PG_VERSION").exists() {
            cluster.initdb().await?;
        }
        // This process holds the lock (or it would have refused above), so it alone uses the
        // cluster: it stops what it started and what it took over.
        if !cluster.is_running().await {
            cluster
                .pg_ctl_start(&cluster_dir.join("postgres.log"))
                .await?;
            cluster.started_here = true;
        } else {
            // Running, yet no live process holds the lock: whoever started it died without
            // stopping it (a kill -9). It is ours now, to stop on exit.
            tracing::warn!(data_dir = %cluster.data_dir.display(),
                "took over an embedded PostgreSQL left running by a process that died");
            cluster.started_here = true;
        }
        cluster.ensure_database().await?;
        Ok(cluster)
    }

    /// The connection string for the controller's database.
    pub fn database_url(&self) -> String {
        format!(
            "host={} port=5432 user={DATABASE} dbname={DATABASE}",
            self.socket_dir.display()
        )
    }

    /// Stops the cluster if this process started it, then gives up the lock, so that another
    /// start (in this process or another) may use the state directory.
    pub async fn stop(&self) -> Result<()> {
        if self.started_here {
            let data = self.data_dir.display().to_string();
            self.run_checked("pg_ctl", &["stop", "-D", &data, "-m", "fast", "-w"])
                .await?;
        }
        // Closing the file drops the lock.
        if let Ok(mut owner) = self.owner.lock() {
            owner.take();
        }
        Ok(())
    }

    async fn hand_over_to(&self, user: &str, cluster_dir: &Path) -> Result<()> {
        // Give the cluster's directory and its socket directory (the two root made) to its user,
        // and make sure that user can reach them. Not recursively: everything else in it is the
        // user's own making (`initdb`, `pg_ctl`), and a recursive chown would hand over whatever
        // that user had hard-linked in.
        let uid = user_uid(user).await?;
        for path in [cluster_dir.to_path_buf(), self.socket_dir.clone()] {
            chown_no_follow(&path, uid)
                .map_err(|e| Error::io(format!("handing {} to {user}", path.display()), e))?;
        }
        if !can_search(user, cluster_dir).await? {
            return Err(Error::invalid(
                "state_dir",
                format!(
                    "the embedded PostgreSQL runs as user {user}, who cannot reach {}; \
                     make its parent directories searchable (chmod o+x)",
                    cluster_dir.display()
                ),
            ));
        }
        Ok(())
    }

    async fn initdb(&self) -> Result<()> {
        tracing::info!(data_dir = %self.data_dir.display(), "creating private postgresql cluster");
        let data = self.data_dir.display().to_string();
        self.run_checked(
            "initdb",
            &[
                "-D",
                &data,
                "-U",
                DATABASE,
                "--auth=trust",
                "--encoding=UTF8",
                "--no-locale",
            ],
        )
        .await
        .map(|_| ())
    }

    async fn is_running(&self) -> bool {
        let data = self.data_dir.display().to_string();
        self.run("pg_ctl", &["status", "-D", &data])
            .await
            .is_ok_and(|o| o.status.success())
    }

    async fn pg_ctl_start(&self, log: &Path) -> Result<()> {
        let data = self.data_dir.display().to_string();
        let options = format!(
            "-c listen_addresses='' -c unix_socket_directories='{}' -c unix_socket_permissions=0700 -p 5432",
            self.socket_dir.display()
        );
        tracing::info!(socket_dir = %self.socket_dir.display(), "starting private postgresql cluster");
        self.run_checked(
            "pg_ctl",
            &[
                "start",
                "-D",
                &data,
                "-w",
                "-t",
                "60",
                "-l",
                &log.display().to_string(),
                "-o",
                &options,
            ],
        )
        .await
        .map(|_| ())
    }

    async fn ensure_database(&self) -> Result<()> {
        let admin_url = format!(
            "host={} port=5432 user={DATABASE} dbname=postgres",
            self.socket_dir.display()
        );
        let (client, connection) =
            tokio_postgres::connect(&admin_url, tokio_postgres::NoTls).await?;
        let connection = tokio::spawn(connection);
        let exists = client
            .query_opt("SELECT 1 FROM pg_database WHERE datname = $1", &[&DATABASE])
            .await?
            .is_some();
        if !exists {
            client
                .batch_execute(&format!("CREATE DATABASE {DATABASE}"))
                .await?;
        }
        drop(client);
        let _ = connection.await;
        Ok(())
    }

    /// The command line for one PostgreSQL binary, as the cluster's owner.
    fn command(&self, program: &str, args: &[&str]) -> std::process::Command {
        let binary = self.bin_dir.join(program);
        let mut command = match &self.run_as {
            Some(user) => {
                let mut c = std::process::Command::new("runuser");
                c.args(["-u", user, "--"]).arg(&binary);
                c
            }
            None => std::process::Command::new(&binary),
        };
        command.args(args);
        command
    }

    async fn run(&self, program: &str, args: &[&str]) -> std::io::Result<std::process::Output> {
        let mut command = Command::from(self.command(program, args));
        command.kill_on_drop(true).output().await
    }

    /// Stops the cluster from synchronous code (test guards' `Drop`), whoever started it.
    pub fn stop_blocking(&self) {
        let data = self.data_dir.display().to_string();
        let _ = self
            .command("pg_ctl", &["stop", "-D", &data, "-m", "immediate", "-w"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
    }

    async fn run_checked(&self, program: &str, args: &[&str]) -> Result<std::process::Output> {
        let output = self
            .run(program, args)
            .await
            .map_err(|e| Error::io(format!("running {program}"), e))?;
        if !output.status.success() {
            return Err(Error::io(
                format!("{program} {}", args.first().unwrap_or(&"")),
                std::io::Error::other(format!(
                    "exited with {}: {}",
                    output.status,
                    String::from_utf8_lossy(&output.stderr).trim()
                )),
            ));
        }
        Ok(output)
    }
}

/// Takes the lock that says a live process uses the cluster of `dir`: `None` when another
/// process holds it (it started the cluster and will stop it).
fn take_owner_lock(dir: &Path) -> Result<std::fs::File> {
    use std::io::{Read, Seek, Write};
    use std::os::unix::fs::OpenOptionsExt;
    let path = dir.join(OWNER_LOCK_FILE);
    // O_NOFOLLOW: a link planted in the state directory must not make us create or truncate
    // a file elsewhere.
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW)
        .open(&path)
        .map_err(|e| Error::io(format!("opening {}", path.display()), e))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            // Another live process uses the cluster; starting (or stopping) it here would pull
            // the database from under that process.
            let mut holder = String::new();
            let _ = Read::by_ref(&mut file).take(32).read_to_string(&mut holder);
            let holder = holder.trim();
            let holder = if !holder.is_empty() && holder.chars().all(|c| c.is_ascii_digit()) {
                format!("process {holder}")
            } else {
                "another process".to_string()
            };
            return Err(Error::invalid(
                "state_dir",
                format!(
                    "{} is held by {holder}: another controller uses this state directory \
                     (stop it, or choose another --state-dir)",
                    path.display()
                ),
            ));
        }
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(Error::io(format!("locking {}", path.display()), e));
        }
    }
    // Record who holds the lock, for the message above. Best effort: the lock is what counts.
    let recorded = file
        .set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| writeln!(file, "{}", std::process::id()));
    if let Err(e) = recorded {
        tracing::warn!(error = %e, path = %path.display(), "could not record the lock holder");
    }
    Ok(file)
}

/// Whether a live process (a running controller) holds the cluster of `dir`
/// (`<state-dir>/postgres`): then another process must use its socket, not start it.
pub fn in_use(dir: &Path) -> Result<bool> {
    use std::os::unix::fs::OpenOptionsExt;
    let path = dir.join(OWNER_LOCK_FILE);
    let file = match std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(&path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(Error::io(format!("opening {}", path.display()), e)),
    };
    match file.try_lock_shared() {
        // Closing the file drops the lock we just took.
        Ok(()) => Ok(false),
        Err(std::fs::TryLockError::WouldBlock) => Ok(true),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(Error::io(format!("locking {}", path.display()), e))
        }
    }
}

/// Whether `dir` (`<state-dir>/postgres`) holds a cluster made earlier.
pub fn exists(dir: &Path) -> Result<bool> {
    let cluster = recorded_location(dir)?.unwrap_or_else(|| dir.to_path_buf());
    Ok(cluster.join("data").join("PG_VERSION").is_file())
}

fn running_as_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
}

/// The socket directory of the cluster kept for `dir` (`<state-dir>/postgres`), wherever it lives,
/// for clients that did not start it (tests, a backup taken beside a running controller).
/// Always absolute: the PostgreSQL client reads a relative `host` as a host name.
pub fn socket_dir(dir: &Path) -> Result<PathBuf> {
    let socket = recorded_location(dir)?
        .unwrap_or_else(|| dir.to_path_buf())
        .join("run");
    std::path::absolute(&socket)
        .map_err(|e| Error::io(format!("resolving {}", socket.display()), e))
}

/// Finds the PostgreSQL server binaries: `initdb` on the PATH, else the newest
/// `/usr/lib/postgresql/<version>/bin` (Debian's layout, which keeps them off the PATH).
fn find_bin_dir() -> Result<PathBuf> {
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            if dir.join("initdb").is_file() && dir.join("pg_ctl").is_file() {
                return Ok(dir);
            }
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin).ok_or_else(|| {
        Error::invalid(
            "postgres_bin_dir",
            "no PostgreSQL server binaries found (initdb, pg_ctl); install Debian's postgresql \
             package, pass --postgres-bin-dir, or give --database-url",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_socket_directory_of_a_relative_state_dir_is_absolute() {
        let socket = socket_dir(Path::new("relative/state/postgres")).expect("socket dir");
        assert!(socket.is_absolute(), "{}", socket.display());
        assert!(socket.ends_with("relative/state/postgres/run"));
    }
}
