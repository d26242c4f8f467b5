//! Retention: finished runs older than `--run-retention-seconds` are deleted with what they own in
//! the database (jobs, events, artifact records), and their report directories under the artifact
//! root with them. Every replica sweeps: the database part is shared (replicas skip each other's
//! rows), and each replica then removes the directories of runs that no longer exist from its own
//! artifact root, whichever replica deleted them.

use std::collections::HashSet;
use std::time::{Duration, SystemTime};

use tokio::sync::watch;
use uuid::Uuid;

use crate::app::App;
use crate::artifacts::ArtifactRoot;
use crate::error::{Error, Result};
use cyberbrain_store::Store;

/// Runs deleted per transaction: each takes its jobs and events along.
const BATCH: u32 = 20;
/// Transactions per sweep at the most, so that a backlog (retention just turned on, or shortened)
/// is worked off over several sweeps rather than in one long one.
const MAX_BATCHES: usize = 50;
/// Schedule fire records deleted per statement (small rows; an every-second schedule makes
/// 86,400 a day).
const FIRE_BATCH: u32 = 5_000;
/// Expired webhook delivery records deleted per statement.
const DELIVERY_BATCH: u32 = 5_000;
/// Sweeps come this often, or as often as the retention period when it is shorter.
const MAX_INTERVAL: Duration = Duration::from_secs(60);
/// Directories looked up in the database per query.
const LOOKUP_CHUNK: usize = 1_000;

/// What one sweep removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Swept {
    /// Runs deleted from the database.
    pub runs: usize,
    /// Run directories removed from this replica's artifact root.
    pub directories: usize,
}

/// Sweeps until `shutdown` turns true: expired webhook deliveries always, runs when `retention`
/// is set (`--run-retention-seconds` above 0).
pub async fn run(app: App, retention: Option<Duration>, mut shutdown: watch::Receiver<bool>) {
    let period = retention.map_or(MAX_INTERVAL, |r| {
        r.clamp(Duration::from_secs(1), MAX_INTERVAL)
    });
    let mut tick = tokio::time::interval(period);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            () = cyberbrain_telemetry::shutdown::requested(&mut shutdown) => return,
        }
        match expire_deliveries(&app.store).await {
            Ok(0) => {}
            Ok(n) => tracing::debug!(deliveries = n, "forgot expired webhook deliveries"),
            Err(e) => {
                tracing::warn!(error = %e, "expiring webhook deliveries failed; retrying next interval")
            }
        }
        let Some(retention) = retention else {
            continue;
        };
        match sweep(&app.store, &app.artifacts, retention).await {
            Ok(swept) => {
                app.metrics.runs_deleted(swept.runs);
                if swept != Swept::default() {
                    tracing::info!(
                        runs = swept.runs,
                        directories = swept.directories,
                        retention_seconds = retention.as_secs(),
                        "deleted finished runs past the retention period"
                    );
                }
            }
            Err(e) => tracing::warn!(error = %e, "retention sweep failed; retrying next interval"),
        }
    }
}

/// One sweep: deletes runs that finished more than `retention` ago, then removes the artifact
/// directories of runs that no longer exist, then schedule fire records older than `retention`.
pub async fn sweep(store: &Store, artifacts: &ArtifactRoot, retention: Duration) -> Result<Swept> {
    let mut swept = Swept::default();
    for _ in 0..MAX_BATCHES {
        let deleted = store.delete_expired_runs(retention, BATCH).await?;
        swept.runs += deleted.len();
        if deleted.len() < BATCH as usize {
            break;
        }
    }
    swept.directories = remove_orphan_directories(store, artifacts, retention).await?;
    // The record of how each fire time was decided is needed only while a replica may still
    // try that time (seconds); it is kept as long as runs are, for `cbctl schedule get`.
    for _ in 0..MAX_BATCHES {
        if store
            .delete_old_schedule_fires(retention, FIRE_BATCH)
            .await?
            < u64::from(FIRE_BATCH)
        {
            break;
        }
    }
    Ok(swept)
}

/// Deletes the webhook delivery records whose de-duplication window has passed (each row carries
/// its own expiry, set when accepted: four days for a GitHub delivery id, the trigger's cool-down
/// for an alert group). Returns how many.
pub async fn expire_deliveries(store: &Store) -> Result<u64> {
    let mut total = 0;
    for _ in 0..MAX_BATCHES {
        let deleted = store
            .delete_expired_trigger_deliveries(DELIVERY_BATCH)
            .await?;
        total += deleted;
        if deleted < u64::from(DELIVERY_BATCH) {
            break;
        }
    }
    Ok(total)
}

/// Removes `runs/<id>` directories whose run no longer exists. Only directories untouched for the
/// retention period are looked at: report files are written when a run finishes, so a younger
/// directory belongs to a run that is still kept.
async fn remove_orphan_directories(
    store: &Store,
    artifacts: &ArtifactRoot,
    retention: Duration,
) -> Result<usize> {
    let runs_dir = artifacts.path().join("runs");
    let cutoff = SystemTime::now()
        .checked_sub(retention)
        .unwrap_or(SystemTime::UNIX_EPOCH);
    let mut entries = match tokio::fs::read_dir(&runs_dir).await {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(Error::io(format!("listing {}", runs_dir.display()), e)),
    };
    let mut old = Vec::new();
    while let Some(entry) = entries
        .next_entry()
        .await
        .map_err(|e| Error::io(format!("listing {}", runs_dir.display()), e))?
    {
        let Some(run_id) = entry
            .file_name()
            .to_str()
            .and_then(|n| Uuid::parse_str(n).ok())
        else {
            continue;
        };
        let modified = entry.metadata().await.and_then(|m| m.modified());
        if modified.is_ok_and(|at| at < cutoff) {
            old.push(run_id);
        }
    }
    let mut removed = 0;
    for chunk in old.chunks(LOOKUP_CHUNK) {
        let existing: HashSet<Uuid> = store.existing_runs(chunk).await?;
        for run_id in chunk.iter().filter(|id| !existing.contains(id)) {
            let dir = artifacts.resolve(&format!("runs/{run_id}"))?;
            match tokio::fs::remove_dir_all(&dir).await {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    tracing::warn!(error = %e, dir = %dir.display(), "cannot remove a deleted run's files");
                }
            }
        }
    }
    Ok(removed)
}
