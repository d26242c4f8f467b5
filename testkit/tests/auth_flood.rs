//! An unauthenticated flood (issue #22): well-formed made-up tokens are limited per source address
//! before any database lookup, and do not slow an authenticated caller. Alone in its file, so that
//! no other test of the same binary loads the machine while latencies are measured.

use std::sync::Arc;
use std::time::{Duration, Instant};

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::fleet_service_client::FleetServiceClient;
use cyberbrain_testkit::api::{admin_channel, token_channel};
use cyberbrain_testkit::process::{ControllerProcess, Pki};
use cyberbrain_testkit::{temp_dir, wait_for_async};

/// The controller's counter `name` (0 before its first increment).
fn counter(controller: &ControllerProcess, name: &str) -> f64 {
    let http = controller.http.expect("the metrics endpoint");
    cyberbrain_testkit::http::metrics(http)
        .value(name, &[])
        .unwrap_or(0.0)
}

/// Latencies of authenticated `ListAgents` calls made one after another: at least `n`, and for
/// at least `during`, added to `latencies`.
async fn list_latencies(
    client: &mut FleetServiceClient<cyberbrain_testkit::api::TokenChannel>,
    n: usize,
    during: Duration,
    latencies: &mut Vec<Duration>,
) {
    let started = Instant::now();
    let mut made = 0;
    while made < n || started.elapsed() < during {
        made += 1;
        let started = Instant::now();
        client
            .list_agents(pb::ListAgentsRequest {})
            .await
            .expect("the authenticated call succeeds");
        latencies.push(started.elapsed());
    }
}

fn median(mut latencies: Vec<Duration>) -> Duration {
    latencies.sort();
    latencies[latencies.len() / 2]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unauthenticated_flood_is_limited_before_any_lookup_and_does_not_slow_a_real_caller() {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    const FLOODERS: usize = 8;
    let dir = temp_dir("harden-unauth");
    let pki = Pki::init(&dir.path().join("certs"), &[]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let ca = pki.ca();
    let mut client = FleetServiceClient::new(admin_channel(&controller, &ca).await);
    // The first call verifies the token against the database; the rest are checked in memory.
    list_latencies(&mut client, 5, Duration::ZERO, &mut Vec::new()).await;
    let lookups_before = counter(&controller, "cyberbrain_auth_token_lookups_total");

    // Well-formed tokens with made-up ids, from many tasks on their own connections, each at
    // 50 calls a second (400 in all, the flood was 820). They run on a runtime of their
    // own, so that the measured caller does not queue behind them inside this test process.
    let stop = Arc::new(AtomicBool::new(false));
    let paused = Arc::new(AtomicBool::new(false));
    let exhausted = Arc::new(AtomicU64::new(0));
    let flood_started = Instant::now();
    let flood = {
        let (stop, paused, exhausted, api, ca) = (
            stop.clone(),
            paused.clone(),
            exhausted.clone(),
            controller.api,
            ca.clone(),
        );
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime for the flood");
            runtime.block_on(async move {
                let mut flooders = Vec::new();
                for _ in 0..FLOODERS {
                    let token = format!("cbt_{}_{}", uuid::Uuid::new_v4(), "A".repeat(43));
                    let channel = token_channel(api, &ca, Some(&token)).await;
                    let (stop, paused, exhausted) =
                        (stop.clone(), paused.clone(), exhausted.clone());
                    flooders.push(tokio::spawn(async move {
                        let mut fleet = FleetServiceClient::new(channel);
                        let mut pace = tokio::time::interval(Duration::from_millis(20));
                        let mut calls = 0u64;
                        let mut other_codes = Vec::new();
                        while !stop.load(Ordering::Relaxed) && calls < 10_000 {
                            pace.tick().await;
                            if paused.load(Ordering::Relaxed) {
                                continue;
                            }
                            calls += 1;
                            match fleet.list_agents(pb::ListAgentsRequest {}).await {
                                Err(status) if status.code() == tonic::Code::ResourceExhausted => {
                                    exhausted.fetch_add(1, Ordering::Relaxed);
                                }
                                Err(status) if status.code() == tonic::Code::Unauthenticated => {}
                                other => other_codes.push(format!("{other:?}")),
                            }
                        }
                        (calls, other_codes)
                    }));
                }
                let mut calls = 0;
                let mut other_codes = Vec::new();
                for flooder in flooders {
                    let (made, other) = flooder.await.expect("flooder");
                    calls += made;
                    other_codes.extend(other);
                }
                (calls, other_codes)
            })
        })
    };
    wait_for_async("the flood limited", || {
        let exhausted = exhausted.clone();
        async move { (exhausted.load(Ordering::Relaxed) > 0).then_some(()) }
    })
    .await;
    // Quiet and flooded spells alternate, so that load from elsewhere on the machine falls on
    // both alike.
    let (mut quiet, mut flooded) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        paused.store(true, Ordering::Relaxed);
        list_latencies(&mut client, 20, Duration::from_secs(1), &mut quiet).await;
        paused.store(false, Ordering::Relaxed);
        list_latencies(&mut client, 20, Duration::from_secs(1), &mut flooded).await;
    }
    let (quiet, flooded) = (median(quiet), median(flooded));
    stop.store(true, Ordering::Relaxed);
    let (calls, other_codes) = flood.join().expect("the flood thread");
    assert!(other_codes.is_empty(), "{other_codes:?}");
    let flood_seconds = flood_started.elapsed().as_secs_f64();
    let lookups = counter(&controller, "cyberbrain_auth_token_lookups_total") - lookups_before;
    let limited = counter(&controller, "cyberbrain_auth_source_limited_total");
    eprintln!(
        "{calls} unauthenticated calls in {flood_seconds:.1} s: {lookups} token lookups, {limited} \
         refused before one; authenticated median latency {quiet:?} quiet, {flooded:?} flooded"
    );
    // The default limit: bursts of 200, then 20 a second per source.
    assert!(
        lookups <= 200.0 + 20.0 * flood_seconds + 20.0,
        "{lookups} lookups for {calls} calls in {flood_seconds:.1} s"
    );
    assert!(limited > 0.0 && limited >= calls as f64 - lookups - 5.0);
    assert!(
        flooded < quiet * 3,
        "the authenticated median went from {quiet:?} to {flooded:?}"
    );
}
