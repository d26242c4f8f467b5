//! The docker module against the real engine. Containers come from the busybox test image that
//! `testkit/docker/build-test-image.sh` builds without a registry; every container and network a
//! test makes is removed by a drop guard, even when the test fails.

use std::collections::HashMap;
use std::time::{SystemTime, UNIX_EPOCH};

use cyberbrain_agent::docker::{DockerHost, Error, LogLine, LogStream};
use cyberbrain_tasks::{AllowRule, Allowlist, MatchKind, PortMapping};
use cyberbrain_testkit::docker::{
    Sandbox, docker_cli, test_image, wait_for_log_lines, wait_for_output,
};
use cyberbrain_testkit::{unique_name, wait_for};
use futures_util::TryStreamExt;

const NO_CAP: usize = 1 << 20;

/// The one line longer than Docker's 16 KiB log message limit: `seq -s '' 1 20000`.
fn long_line() -> Vec<u8> {
    (1..=20_000)
        .map(|n| n.to_string())
        .collect::<String>()
        .into_bytes()
}

async fn connect() -> DockerHost {
    DockerHost::connect(None)
        .await
        .expect("docker is reachable")
}

fn allow(kind: MatchKind, pattern: &str) -> Allowlist {
    Allowlist {
        rules: vec![AllowRule {
            kind,
            pattern: pattern.to_string(),
        }],
        local_limit: None,
    }
}

async fn read_logs(
    host: &DockerHost,
    container: &str,
    tail: u32,
    since_unix_seconds: u64,
    max_line_bytes: usize,
) -> Result<Vec<LogLine>, Error> {
    let allowlist = allow(MatchKind::Name, container);
    host.log_lines(
        &allowlist,
        container,
        tail,
        since_unix_seconds,
        max_line_bytes,
    )
    .try_collect()
    .await
}

fn texts(lines: &[LogLine], stream: LogStream) -> Vec<Vec<u8>> {
    lines
        .iter()
        .filter(|line| line.stream == stream)
        .map(|line| line.text.clone())
        .collect()
}

fn now_unix_seconds() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is after 1970")
        .as_secs()
}

#[tokio::test]
async fn log_lines_returns_the_exact_lines_of_both_streams() {
    // json-file keeps logs as JSON strings, so the engine itself replaces invalid UTF-8 with
    // U+FFFD; the local driver keeps bytes, which shows that this module passes them through.
    for (log_driver, invalid_line) in [
        ("json-file", "bad \u{fffd} byte".as_bytes().to_vec()),
        ("local", b"bad \xff byte".to_vec()),
    ] {
        let mut sandbox = Sandbox::default();
        let container = sandbox.run(
            log_driver,
            &["--log-driver", log_driver],
            "echo 'out one'; echo 'err one' >&2; printf 'bad \\377 byte\\n'; \
             seq -s '' 1 20000 >&2; echo 'err two' >&2; echo 'out three'; exec sleep 600",
        );
        wait_for_output(&container, |stdout, stderr| {
            stdout.ends_with(b"out three\n") && stderr.ends_with(b"err two\n")
        });
        let host = connect().await;

        let lines = read_logs(&host, &container, 1000, 0, NO_CAP)
            .await
            .expect("logs read");
        assert_eq!(
            texts(&lines, LogStream::Stdout),
            vec![b"out one".to_vec(), invalid_line, b"out three".to_vec()],
            "{log_driver}"
        );
        assert_eq!(
            texts(&lines, LogStream::Stderr),
            vec![b"err one".to_vec(), long_line(), b"err two".to_vec()],
            "{log_driver}"
        );
        let now_ms = i64::try_from(now_unix_seconds()).expect("fits") * 1000;
        for line in &lines {
            assert!(
                line.timestamp_unix_ms > now_ms - 3_600_000
                    && line.timestamp_unix_ms <= now_ms + 60_000,
                "implausible timestamp {} from {log_driver}",
                line.timestamp_unix_ms
            );
            assert!(!line.is_truncated());
        }

        let capped = read_logs(&host, &container, 1000, 0, 1000)
            .await
            .expect("logs read");
        let long = capped
            .iter()
            .find(|line| line.stream == LogStream::Stderr && line.full_len > 1000)
            .expect("the long line is there");
        assert_eq!(long.text, long_line()[..1000]);
        assert_eq!(long.full_len, long_line().len());
        assert!(long.is_truncated());
    }
}

#[tokio::test]
async fn tail_and_since_limit_the_lines() {
    let mut sandbox = Sandbox::default();
    let container = sandbox.run("tail", &[], "seq 1 10; exec sleep 600");
    wait_for_log_lines(&container, 10);
    let host = connect().await;

    let last_three = read_logs(&host, &container, 3, 0, NO_CAP)
        .await
        .expect("logs read");
    assert_eq!(
        texts(&last_three, LogStream::Stdout),
        vec![b"8".to_vec(), b"9".to_vec(), b"10".to_vec()]
    );
    let none = read_logs(&host, &container, 0, 0, NO_CAP)
        .await
        .expect("logs read");
    assert!(none.is_empty());

    let an_hour_ago = now_unix_seconds() - 3600;
    let recent = read_logs(&host, &container, 1000, an_hour_ago, NO_CAP)
        .await
        .expect("logs read");
    assert_eq!(recent.len(), 10);
    let in_an_hour = now_unix_seconds() + 3600;
    let future = read_logs(&host, &container, 1000, in_an_hour, NO_CAP)
        .await
        .expect("logs read");
    assert!(future.is_empty());
}

#[tokio::test]
async fn tty_containers_are_read_as_one_stream() {
    let mut sandbox = Sandbox::default();
    let container = sandbox.run(
        "tty",
        &["-t"],
        "echo 'tty one'; echo 'tty two' >&2; exec sleep 600",
    );
    wait_for_log_lines(&container, 2);
    let host = connect().await;

    let lines = read_logs(&host, &container, 1000, 0, NO_CAP)
        .await
        .expect("logs read");
    assert_eq!(
        texts(&lines, LogStream::Stdout),
        vec![b"tty one".to_vec(), b"tty two".to_vec()]
    );
    assert!(lines.iter().all(|line| line.timestamp_unix_ms > 0));
}

#[tokio::test]
async fn log_lines_refuses_containers_outside_the_allowlist() {
    let mut sandbox = Sandbox::default();
    let container = sandbox.run("secret", &[], "echo 'do not read'; exec sleep 600");
    wait_for_log_lines(&container, 1);
    let host = connect().await;

    for allowlist in [
        Allowlist::default(),
        allow(MatchKind::Name, "someone-else"),
        allow(MatchKind::ImageGlob, "nginx*"),
    ] {
        let result: Result<Vec<LogLine>, Error> = host
            .log_lines(&allowlist, &container, 1000, 0, NO_CAP)
            .try_collect()
            .await;
        assert!(
            matches!(&result, Err(Error::NotAllowlisted { container: c }) if *c == container),
            "expected a refusal, got {result:?}"
        );
    }

    // The same container by id, allowed by its image.
    let id = docker_cli(&["inspect", "--format", "{{.Id}}", &container]);
    let by_image = allow(MatchKind::ImageGlob, "cyberbrain-test/*");
    let lines: Vec<LogLine> = host
        .log_lines(&by_image, &id, 1000, 0, NO_CAP)
        .try_collect()
        .await
        .expect("an allowlisted image is read");
    assert_eq!(
        texts(&lines, LogStream::Stdout),
        vec![b"do not read".to_vec()]
    );

    let missing = unique_name("missing");
    let result = read_logs(&host, &missing, 10, 0, NO_CAP).await;
    assert!(
        matches!(result, Err(Error::ContainerNotFound { .. })),
        "got {result:?}"
    );
}

#[tokio::test]
async fn service_map_describes_allowlisted_containers_and_counts_the_rest() {
    let mut sandbox = Sandbox::default();
    let (network, subnet) = sandbox.network();
    let web = sandbox.run(
        "web",
        &[
            "--label",
            "com.docker.compose.project=shop",
            "--label",
            "com.docker.compose.service=web",
            "--network",
            &network,
            "-p",
            "127.0.0.1::8080",
        ],
        "exec sleep 600",
    );
    let _hidden = sandbox.run("hidden", &[], "exec sleep 600");
    let host_port: u32 = docker_cli(&["port", &web, "8080/tcp"])
        .lines()
        .next()
        .and_then(|binding| binding.rsplit(':').next())
        .and_then(|port| port.parse().ok())
        .expect("docker port names the host port");
    let host = connect().await;

    let map = host
        .service_map(&allow(MatchKind::Name, &web))
        .await
        .expect("service map read");
    assert_eq!(
        map.containers.len(),
        1,
        "only the allowlisted container: {map:?}"
    );
    let info = &map.containers[0];
    assert_eq!(
        info.id,
        docker_cli(&["inspect", "--format", "{{.Id}}", &web])
    );
    assert_eq!(info.name, web);
    assert_eq!(info.image, test_image());
    assert_eq!(info.state, "running");
    assert_eq!(info.health, "");
    assert_eq!(info.restart_count, 0);
    assert_eq!(info.compose_project, "shop");
    assert_eq!(info.compose_service, "web");
    assert_eq!(info.networks, vec![network.clone()]);
    assert_eq!(
        info.ports,
        vec![PortMapping {
            container_port: 8080,
            protocol: "tcp".to_string(),
            host_ip: "127.0.0.1".to_string(),
            host_port,
        }]
    );
    assert!(map.hidden_containers >= 1, "the other container is counted");

    let by_name: HashMap<&str, _> = map.networks.iter().map(|n| (n.name.as_str(), n)).collect();
    let ours = by_name
        .get(network.as_str())
        .expect("our network is listed");
    assert_eq!(ours.driver, "bridge");
    assert_eq!(ours.subnets, vec![subnet]);
    assert_eq!(
        ours.id,
        docker_cli(&["network", "inspect", "--format", "{{.Id}}", &network])
    );
    assert!(by_name.contains_key("bridge"));
}

#[tokio::test]
async fn containers_lists_running_and_stopped_ones() {
    let mut sandbox = Sandbox::default();
    let running = sandbox.run("running", &[], "exec sleep 600");
    let stopped = sandbox.run("stopped", &[], "true");
    wait_for("the short container to exit", || {
        docker_cli(&["inspect", "--format", "{{.State.Status}}", &stopped]) == "exited"
    });
    let host = connect().await;

    let containers = host.containers().await.expect("containers listed");
    for (name, state) in [(&running, "running"), (&stopped, "exited")] {
        let found = containers
            .iter()
            .find(|c| c.name == *name)
            .unwrap_or_else(|| panic!("{name} is listed"));
        assert_eq!(found.state, state);
        assert_eq!(found.image, test_image());
        assert_eq!(
            found.id,
            docker_cli(&["inspect", "--format", "{{.Id}}", name])
        );
    }
}

#[tokio::test]
async fn connect_takes_a_socket_url_or_path_and_names_a_missing_one() {
    for socket in ["unix:///var/run/docker.sock", "/var/run/docker.sock"] {
        let host = DockerHost::connect(Some(socket))
            .await
            .expect("docker is reachable");
        host.ping().await.expect("docker answers");
    }
    let missing = format!("/tmp/{}.sock", unique_name("no-docker"));
    let result = DockerHost::connect(Some(&missing)).await;
    let error = result.expect_err("a missing socket is an error");
    assert!(matches!(error, Error::Connect { .. }));
    assert!(error.to_string().contains(&missing), "{error}");
}

#[tokio::test]
async fn recent_exits_come_from_the_engines_events_with_their_codes() {
    let mut sandbox = Sandbox::default();
    let crashy = sandbox.run(
        "exits",
        &["--restart", "always"],
        "echo starting; echo 'fatal: config missing'; exit 3",
    );
    wait_for("three restarts", || {
        docker_cli(&["inspect", "--format", "{{.RestartCount}}", &crashy])
            .parse::<u32>()
            .is_ok_and(|n| n >= 3)
    });
    let host = connect().await;
    let id = docker_cli(&["inspect", "--format", "{{.Id}}", &crashy]);
    let started = std::time::Instant::now();
    let exits = host
        .recent_exits(&id, 0, std::time::Duration::from_secs(10))
        .await
        .expect("events read");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "the events stream ends by itself: {:?}",
        started.elapsed()
    );
    assert!(exits.len() >= 3, "{exits:?}");
    assert!(exits.len() <= cyberbrain_tasks::ContainerCondition::MAX_EXITS + 1);
    assert!(
        exits.windows(2).all(|w| w[0].at_unix_ms < w[1].at_unix_ms),
        "{exits:?}"
    );
    let now_ms = i64::try_from(now_unix_seconds() * 1000).expect("fits");
    for exit in &exits {
        assert_eq!(exit.exit_code, Some(3), "{exits:?}");
        assert!(!exit.oom_killed);
        assert!(exit.at_unix_ms > now_ms - 600_000 && exit.at_unix_ms <= now_ms + 1000);
    }
    // A `since` after the first exit leaves it out (the loop goes on meanwhile).
    let since = u64::try_from(exits[0].at_unix_ms / 1000 + 1).expect("fits");
    let later = host
        .recent_exits(&id, since, std::time::Duration::from_secs(10))
        .await
        .expect("events read");
    assert!(
        later.iter().all(|e| e.at_unix_ms > exits[0].at_unix_ms),
        "{later:?} after {exits:?}"
    );
}
