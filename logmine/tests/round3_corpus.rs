//! Regression floors on the round-3 corpus (`logmine/testdata/round3`: vLLM, Triton, Slurm,
//! Postfix, Mosquitto, Spring Boot, written blind by `generate.py`), raw lines and the `Content`
//! column. Its first, blind score is in its README; the floors sit just under the figures
//! measured since.

#[macro_use]
mod support;

use support::Floors;

/// (system, grouping accuracy floor): the lower of the raw and `Content` figures minus 0.01.
const FLOORS: &[(&str, f64)] = &[
    ("Mosquitto", 0.99),
    ("Postfix", 0.97),
    ("Slurm", 0.98),
    ("SpringBoot", 0.90),
    ("Triton", 0.93),
    ("VLLM", 0.90),
];
/// Mean grouping accuracy: measured 0.9572 (`Content` and raw) after session 14 read its errors
/// (blind: 0.7633), minus 0.01.
const MEAN_FLOOR: f64 = 0.94;

const CORPUS: Floors = Floors {
    corpus: "round3",
    systems: FLOORS,
    mean: MEAN_FLOOR,
    mean_pa: None,
};

floor_tests!(CORPUS);
