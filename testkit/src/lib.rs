//! The test harness shared by every crate's component and end-to-end tests: real PostgreSQL
//! clusters, a development PKI, Docker fixtures built without a registry, the stand-in NVML library,
//! and control of the real binaries. Nothing here is a fake of our own code.

pub mod api;
pub mod checks;
pub mod docker;
pub mod fixtures;
pub mod http;
pub mod images;
pub mod llama;
pub mod nvml;
pub mod pg;
pub mod process;
pub mod prom;
pub mod proxy;
pub mod receiver;
pub mod web;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The workspace's root directory.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// A deadline generous enough for a loaded two-core machine; polls return as soon as they can.
pub const DEADLINE: Duration = Duration::from_secs(30);
const POLL_INTERVAL: Duration = Duration::from_millis(50);

/// Polls `condition` until it holds, panicking with `what` after [`DEADLINE`].
pub fn wait_for(what: &str, condition: impl FnMut() -> bool) {
    wait_for_or(what, condition, String::new);
}

/// Like [`wait_for`], adding `context()` (say, a process's log) to the panic message.
pub fn wait_for_or(what: &str, mut condition: impl FnMut() -> bool, context: impl Fn() -> String) {
    let started = Instant::now();
    while !condition() {
        if started.elapsed() >= DEADLINE {
            panic!(
                "timed out after {DEADLINE:?} waiting for {what}\n{}",
                context()
            );
        }
        std::thread::sleep(POLL_INTERVAL);
    }
}

/// Async form of [`wait_for`]: polls `probe` until it yields `Some`.
pub async fn wait_for_async<T, F, Fut>(what: &str, probe: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    wait_for_async_within(DEADLINE, what, probe).await
}

/// [`wait_for_async`] with its own deadline, for bulk work whose duration scales with the load.
pub async fn wait_for_async_within<T, F, Fut>(deadline: Duration, what: &str, mut probe: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let started = Instant::now();
    loop {
        if let Some(value) = probe().await {
            return value;
        }
        assert!(
            started.elapsed() < deadline,
            "timed out after {deadline:?} waiting for {what}"
        );
        tokio::time::sleep(POLL_INTERVAL).await;
    }
}

/// A temporary directory that other local users can traverse: the embedded PostgreSQL runs as the
/// `postgres` user when tests run as root.
pub fn temp_dir(tag: &str) -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix(&format!("cb-{tag}-"))
        .tempdir()
        .expect("a temporary directory");
    std::fs::set_permissions(
        dir.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )
    .expect("temporary directory permissions");
    let mut dir = dir;
    if std::env::var_os("CYBERBRAIN_KEEP_TEST_DIRS").is_some() {
        eprintln!("keeping {}", dir.path().display());
        dir.disable_cleanup(true);
    }
    dir
}

/// A name unique across this run and concurrent ones.
pub fn unique_name(tag: &str) -> String {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("cb-test-{}-{n}-{tag}", std::process::id())
}
