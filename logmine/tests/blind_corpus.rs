//! Regression floors on the blind corpus (`logmine/testdata/blind`, six systems written blind by
//! `generate.py` in formats in no other corpus), raw lines and the `Content` column. Like the
//! validation corpus it is never read: no miner change is made by reading its errors, so a change
//! elsewhere that makes the miner worse on formats nobody tuned for shows here.

#[macro_use]
mod support;

use support::Floors;

/// (system, grouping accuracy floor): the lower of the raw and `Content` figures minus 0.01.
const FLOORS: &[(&str, f64)] = &[
    ("ClickHouse", 0.66),
    ("CoreDNS", 0.85),
    ("Etcd", 0.99),
    ("Express", 0.92),
    ("Jenkins", 0.31),
    ("UWSGI", 0.97),
];
/// Mean grouping accuracy: measured 0.7956 (`Content`) and 0.8744 (raw) at the end of session
/// 14 (0.6494 and 0.6978 at the start of session 13), minus 0.01.
const MEAN_FLOOR: f64 = 0.78;

const CORPUS: Floors = Floors {
    corpus: "blind",
    systems: FLOORS,
    mean: MEAN_FLOOR,
    mean_pa: None,
};

floor_tests!(CORPUS);
