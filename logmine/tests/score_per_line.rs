//! Round trip through the `loghub-eval` binary: the miner's own `--per-line` rows scored with
//! `--score-per-line` give the figures the miner was scored with, so a third-party parser's rows
//! in the same format are scored by the same formulas.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn data(sub: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(sub)
}

/// Runs `loghub-eval` and returns its stdout rows, failing the test on a non-zero exit.
fn run(args: &[&std::ffi::OsStr]) -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_loghub-eval"))
        .args(args)
        .output()
        .expect("loghub-eval runs");
    assert!(
        out.status.success(),
        "loghub-eval {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON row"))
        .collect()
}

/// The scores that must agree, without the throughput.
fn figures(rows: &[Value]) -> Vec<Value> {
    rows.iter()
        .map(|row| {
            let mut row = row.clone();
            if let Some(object) = row.as_object_mut() {
                object.remove("lines_per_sec");
            }
            row
        })
        .collect()
}

#[test]
fn own_per_line_rows_score_the_same() {
    let dir = std::env::temp_dir().join(format!("loghub-eval-roundtrip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("rows.jsonl");
    let dirs = [
        data("loghub_2k/Zookeeper"),
        data("loghub_2k/Hadoop"),
        data("dev_corpus/Syslog"),
        data("dev_corpus/Klog"),
    ];
    for raw in [false, true] {
        let mut mined: Vec<&std::ffi::OsStr> = Vec::new();
        if raw {
            mined.push("--raw".as_ref());
        }
        mined.push("--per-line".as_ref());
        mined.push(file.as_os_str());
        mined.extend(dirs.iter().map(|d| d.as_os_str()));
        let mined = figures(&run(&mined));

        let mut scored: Vec<&std::ffi::OsStr> = vec!["--score-per-line".as_ref(), file.as_os_str()];
        scored.extend(dirs.iter().map(|d| d.as_os_str()));
        let scored = figures(&run(&scored));
        assert_eq!(mined.len(), dirs.len() + 1);
        assert_eq!(mined, scored, "raw={raw}");
        // The figures are not trivially perfect, so agreeing means something.
        assert!(
            mined
                .iter()
                .any(|r| r["grouping_accuracy"].as_f64().is_some_and(|ga| ga < 1.0))
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn rows_for_too_few_lines_are_refused() {
    let dir = std::env::temp_dir().join(format!("loghub-eval-short-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("rows.jsonl");
    std::fs::write(
        &file,
        "{\"dataset\":\"Klog\",\"line\":1,\"template\":\"x\"}\n",
    )
    .expect("write");
    let dataset = data("dev_corpus/Klog");
    let out = Command::new(env!("CARGO_BIN_EXE_loghub-eval"))
        .args([Path::new("--score-per-line"), &file, &dataset])
        .output()
        .expect("loghub-eval runs");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("1 lines parsed but the dataset has 400")
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_reader_that_stops_reading_ends_the_run_quietly() {
    // `loghub-eval … | head -1`: stdout closed before the rows are written.
    let mut child = Command::new(env!("CARGO_BIN_EXE_loghub-eval"))
        .args([
            data("loghub_2k/Zookeeper"),
            data("loghub_2k/Hadoop"),
            data("dev_corpus/Syslog"),
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("loghub-eval runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("loghub-eval ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
