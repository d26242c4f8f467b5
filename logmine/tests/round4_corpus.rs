//! Regression floors on the round-4 corpus (`logmine/testdata/round4`: Jupyter, Supervisord,
//! Prometheus, kube-scheduler, Ollama, torchrun, written blind by `generate.py`), raw lines and
//! the `Content` column. Its first, blind score is in its README; the floors sit just under the
//! figures measured since.

#[macro_use]
mod support;

use support::Floors;

/// (system, grouping accuracy floor): the lower of the raw and `Content` figures minus 0.01.
const FLOORS: &[(&str, f64)] = &[
    ("Jupyter", 0.99),
    ("KubeScheduler", 0.99),
    ("Ollama", 0.99),
    ("Prometheus", 0.99),
    ("Supervisord", 0.66),
    ("Torchrun", 0.87),
];
/// Mean grouping accuracy: measured 0.9250 (`Content` and raw) after session 14 read its errors
/// (blind: 0.7833), minus 0.01.
const MEAN_FLOOR: f64 = 0.91;

const CORPUS: Floors = Floors {
    corpus: "round4",
    systems: FLOORS,
    mean: MEAN_FLOOR,
    mean_pa: None,
};

floor_tests!(CORPUS);
