//! Regression floors on the held-out corpus (`logmine/testdata/heldout`, eight systems written by
//! `generate.py` in formats neither in the dev corpus nor among the tuned eight), raw lines and
//! the `Content` column. The floors sit just under the figures after branch `heldout`
//! (docs/parsing_accuracy.md); since that branch read their errors, the corpus is no longer held
//! out, and these floors only keep what was gained.

#[macro_use]
mod support;

use support::Floors;

/// (system, grouping accuracy floor): the lower of the raw and `Content` figures minus 0.01.
const FLOORS: &[(&str, f64)] = &[
    ("Elasticsearch", 0.99),
    ("Envoy", 0.95),
    ("HAProxy", 0.85),
    ("Kafka", 0.88),
    ("MySQL", 0.94),
    ("PhpFpm", 0.86),
    ("Postgres", 0.95),
    ("Rails", 0.86),
];
/// Mean grouping accuracy: measured 0.9240 (`Content` and raw, session 14), minus 0.01.
const MEAN_FLOOR: f64 = 0.91;
/// Mean parsing accuracy, `Content` and raw: measured 0.4118 (session 13; 0.4285 in session 14),
/// minus 0.01.
const MEAN_PA_FLOOR: (f64, f64) = (0.40, 0.40);

const CORPUS: Floors = Floors {
    corpus: "heldout",
    systems: FLOORS,
    mean: MEAN_FLOOR,
    mean_pa: Some(MEAN_PA_FLOOR),
};

floor_tests!(CORPUS);
