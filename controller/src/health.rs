//! Health: whether this replica should get traffic. `/readyz` and the gRPC health service both
//! say no while the database does not answer (or its schema is behind this binary) and once the
//! replica is shutting down, so load balancers and Kubernetes move traffic elsewhere.

use std::sync::Arc;
use std::time::Duration;

use cyberbrain_telemetry::http::Probes;
use tokio::sync::{Notify, watch};
use tonic_health::ServingStatus;
use tonic_health::server::HealthReporter;

use crate::metrics::Metrics;
use cyberbrain_store::Store;

/// How long the database has to answer a readiness check.
const DATABASE_CHECK_TIMEOUT: Duration = Duration::from_secs(1);
/// How often the gRPC health status is brought up to date with the database.
pub const DATABASE_CHECK_PERIOD: Duration = Duration::from_secs(2);

/// `Ok` when this replica can serve: not shutting down, the database answers within a second and
/// has every migration applied. Else the reason, one line.
pub async fn readiness(store: &Store, shutdown: &watch::Receiver<bool>) -> Result<(), String> {
    if *shutdown.borrow() {
        return Err("shutting down".into());
    }
    match tokio::time::timeout(DATABASE_CHECK_TIMEOUT, store.schema_status()).await {
        Ok(Ok(None)) => Ok(()),
        Ok(Ok(Some(behind))) => Err(behind),
        Ok(Err(e)) => Err(format!("database unreachable: {e}")),
        Err(_) => Err(format!(
            "database did not answer within {} ms",
            DATABASE_CHECK_TIMEOUT.as_millis()
        )),
    }
}

/// Keeps the gRPC health of the overall server (`""`) and of each of `services`, and the
/// `cyberbrain_ready` gauge, in step with [`readiness`], checked every [`DATABASE_CHECK_PERIOD`],
/// until `shutdown`; then reports them all `NOT_SERVING`. `recheck` wakes it early (a `/readyz`
/// that found another state than the last one this watcher reported).
pub async fn watch_database(
    store: Store,
    metrics: Arc<Metrics>,
    reporter: HealthReporter,
    services: &'static [&'static str],
    recheck: Arc<Notify>,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut tick = tokio::time::interval(DATABASE_CHECK_PERIOD);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last: Option<bool> = None;
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            () = recheck.notified() => {}
            () = cyberbrain_telemetry::shutdown::requested(&mut shutdown) => {
                metrics.set_ready(false);
                set_all(&reporter, services, ServingStatus::NotServing).await;
                return;
            }
        }
        let outcome = readiness(&store, &shutdown).await;
        let serving = outcome.is_ok();
        metrics.set_ready(serving);
        if last == Some(serving) {
            continue;
        }
        match &outcome {
            Ok(()) => tracing::info!("health: serving"),
            Err(reason) => tracing::warn!(%reason, "health: not serving"),
        }
        let status = if serving {
            ServingStatus::Serving
        } else {
            ServingStatus::NotServing
        };
        set_all(&reporter, services, status).await;
        last = Some(serving);
    }
}

async fn set_all(reporter: &HealthReporter, services: &[&str], status: ServingStatus) {
    reporter.set_service_status("", status).await;
    for service in services {
        reporter.set_service_status(*service, status).await;
    }
}

/// What the HTTP endpoint asks the controller.
pub struct ControllerProbes {
    /// The database, for readiness and the counts in the metrics.
    pub store: Store,
    /// The metrics.
    pub metrics: Arc<Metrics>,
    /// True once the replica is shutting down.
    pub shutdown: watch::Receiver<bool>,
    /// Wakes [`watch_database`] when a probe sees a change first.
    pub recheck: Arc<Notify>,
}

impl Probes for ControllerProbes {
    async fn metrics(&self) -> String {
        self.metrics.render(&self.store).await
    }

    async fn readiness(&self) -> Result<(), String> {
        let outcome = readiness(&self.store, &self.shutdown).await;
        if outcome.is_ok() != self.metrics.is_ready() {
            self.recheck.notify_one();
        }
        outcome
    }
}
