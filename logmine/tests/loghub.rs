//! Regression test: grouping accuracy of the default miner on the Loghub-2k samples vendored in
//! `logmine/testdata/loghub_2k` must not fall below the figures in BENCHMARKS.md (minus a small
//! margin). The data set is required: a missing folder fails the test instead of skipping it.

use std::path::PathBuf;

use cyberbrain_logmine::MinerConfig;
use cyberbrain_logmine::eval::{evaluate, load_dataset};

/// (dataset, floor with `Content` input, floor with raw lines): measured value minus 0.01.
const FLOORS: &[(&str, f64, f64)] = &[
    ("Apache", 0.99, 0.99),
    // 0.9885 from session 15 to 21: `ciod: LOGIN chdir(<*>) failed: <reason>`, two events in
    // Loghub's ground truth by reason, was one while span evidence counted any token holding a
    // variable as one; since session 21 a call's name (`chdir(`) counts as itself: 0.9980.
    ("BGL", 0.988, 0.988),
    ("HDFS", 0.99, 0.99),
    ("Hadoop", 0.95, 0.95),
    ("HealthApp", 0.99, 0.99),
    ("Linux", 0.99, 0.99),
    ("Spark", 0.99, 0.99),
    ("Zookeeper", 0.9785, 0.9785),
];
const MEAN_FLOOR_CONTENT: f64 = 0.983;
const MEAN_FLOOR_RAW: f64 = 0.983;
/// Mean parsing accuracy (exact template text, issue #17), `Content` and raw: measured 0.7836
/// and 0.7923 (docs/parsing_accuracy.md) minus 0.01.
const MEAN_PA_FLOOR_CONTENT: f64 = 0.773;
const MEAN_PA_FLOOR_RAW: f64 = 0.782;

fn data_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/loghub_2k")
}

fn check(raw: bool, mean_floor: f64, mean_pa_floor: f64) {
    let root = data_root();
    assert!(
        root.is_dir(),
        "Loghub-2k samples not found at {} (they are part of the repository)",
        root.display()
    );
    let config = MinerConfig::default();
    let mut total = 0.0;
    let mut total_pa = 0.0;
    let mut failures = Vec::new();
    for &(name, content_floor, raw_floor) in FLOORS {
        let dataset =
            load_dataset(&root.join(name)).unwrap_or_else(|e| panic!("loading {name}: {e}"));
        assert_eq!(dataset.name, name);
        let score = evaluate(&dataset, raw, &config).unwrap_or_else(|e| panic!("{e}"));
        let floor = if raw { raw_floor } else { content_floor };
        if score.grouping_accuracy < floor {
            failures.push(format!(
                "{name}: grouping accuracy {:.4} below {floor}",
                score.grouping_accuracy
            ));
        }
        total += score.grouping_accuracy;
        total_pa += score.parsing_accuracy.unwrap_or(0.0);
    }
    let mean_pa = total_pa / FLOORS.len() as f64;
    if mean_pa < mean_pa_floor {
        failures.push(format!(
            "mean parsing accuracy {mean_pa:.4} below {mean_pa_floor}"
        ));
    }
    let mean = total / FLOORS.len() as f64;
    if mean < mean_floor {
        failures.push(format!(
            "mean grouping accuracy {mean:.4} below {mean_floor}"
        ));
    }
    assert!(failures.is_empty(), "raw={raw}: {failures:#?}");
}

#[test]
fn content_grouping_accuracy_holds() {
    check(false, MEAN_FLOOR_CONTENT, MEAN_PA_FLOOR_CONTENT);
}

#[test]
fn raw_grouping_accuracy_holds() {
    check(true, MEAN_FLOOR_RAW, MEAN_PA_FLOOR_RAW);
}
