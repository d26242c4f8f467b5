//! The floor check shared by the corpus tests: each system's grouping accuracy, and the means of
//! grouping and (where a floor is set) parsing accuracy, must stay at or above their floors.

use std::path::PathBuf;

use cyberbrain_logmine::MinerConfig;
use cyberbrain_logmine::eval::{evaluate, load_dataset};

/// What one corpus must keep.
pub struct Floors {
    /// The corpus directory under `logmine/testdata`.
    pub corpus: &'static str,
    /// (system, grouping accuracy floor).
    pub systems: &'static [(&'static str, f64)],
    /// Floor of the mean grouping accuracy.
    pub mean: f64,
    /// Floors of the mean parsing accuracy (exact template text), `Content` and raw, if the
    /// corpus has them.
    pub mean_pa: Option<(f64, f64)>,
}

/// Scores every system of `floors.corpus` (raw lines or the `Content` column) and fails with
/// every figure below its floor.
pub fn check(floors: &Floors, raw: bool) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(floors.corpus);
    let config = MinerConfig::default();
    let (mut total, mut total_pa) = (0.0, 0.0);
    let mut failures = Vec::new();
    for &(name, floor) in floors.systems {
        let dataset =
            load_dataset(&root.join(name)).unwrap_or_else(|e| panic!("loading {name}: {e}"));
        let score = evaluate(&dataset, raw, &config).unwrap_or_else(|e| panic!("{e}"));
        if score.grouping_accuracy < floor {
            failures.push(format!(
                "{name}: {:.4} below {floor}",
                score.grouping_accuracy
            ));
        }
        total += score.grouping_accuracy;
        total_pa += score.parsing_accuracy.unwrap_or(0.0);
    }
    let systems = floors.systems.len() as f64;
    let mean = total / systems;
    if mean < floors.mean {
        failures.push(format!("mean {mean:.4} below {}", floors.mean));
    }
    if let Some((content, raw_floor)) = floors.mean_pa {
        let floor = if raw { raw_floor } else { content };
        let mean_pa = total_pa / systems;
        if mean_pa < floor {
            failures.push(format!("mean parsing accuracy {mean_pa:.4} below {floor}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} raw={raw}: {failures:#?}",
        floors.corpus
    );
}

/// The two floor tests of a corpus, `Content` and raw lines, for a `Floors` constant.
#[macro_export]
macro_rules! floor_tests {
    ($corpus:expr) => {
        #[test]
        fn content_grouping_accuracy_holds() {
            support::check(&$corpus, false);
        }

        #[test]
        fn raw_grouping_accuracy_holds() {
            support::check(&$corpus, true);
        }
    };
}
