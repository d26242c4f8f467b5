//! `loghub-eval [--raw] DIR...`: scores the default miner on Loghub-2k style dataset folders and
//! prints one JSON object per dataset, then the mean.

use std::path::PathBuf;
use std::process::ExitCode;

use cyberbrain_logmine::MinerConfig;
use cyberbrain_logmine::eval::{evaluate, explain, load_dataset, mine};

const USAGE: &str = "usage: loghub-eval [--raw] [--explain] DIR...\n\
  DIR is a folder holding <System>_2k.log_structured.csv (and <System>_2k.log for --raw)\n\
  --explain prints the grouping errors of each dataset to stderr";

fn main() -> ExitCode {
    let mut raw = false;
    let mut explain_errors = false;
    let mut dirs = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("--raw") => raw = true,
            Some("--explain") => explain_errors = true,
            Some("-h" | "--help") => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Some(flag) if flag.starts_with('-') => {
                eprintln!("loghub-eval: unknown flag {flag}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => dirs.push(PathBuf::from(arg)),
        }
    }
    if dirs.is_empty() {
        eprintln!("loghub-eval: no dataset folder given\n{USAGE}");
        return ExitCode::from(2);
    }

    let config = MinerConfig::default();
    let mut total = 0.0;
    for dir in &dirs {
        let dataset = match load_dataset(dir) {
            Ok(dataset) => dataset,
            Err(error) => {
                eprintln!("loghub-eval: {error}");
                return ExitCode::FAILURE;
            }
        };
        let score = match evaluate(&dataset, raw, &config) {
            Ok(score) => score,
            Err(error) => {
                eprintln!("loghub-eval: {error}");
                return ExitCode::FAILURE;
            }
        };
        total += score.grouping_accuracy;
        if explain_errors {
            let lines = match (raw, &dataset.raw_lines) {
                (true, Some(raw_lines)) => raw_lines,
                _ => &dataset.contents,
            };
            let (miner, groups) = mine(lines, &config);
            eprintln!(
                "==== {}\n{}",
                dataset.name,
                explain(&dataset, &miner, &groups)
            );
        }
        match serde_json::to_string(&score) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("loghub-eval: cannot encode result: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!(
        "{}",
        serde_json::json!({
            "mean_grouping_accuracy": total / dirs.len() as f64,
            "datasets": dirs.len(),
        })
    );
    ExitCode::SUCCESS
}
