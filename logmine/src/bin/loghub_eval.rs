//! `loghub-eval [--raw] [--explain] [--per-line FILE] DIR...`: scores the default miner on
//! Loghub-2k style dataset folders and prints one JSON object per dataset, then the means.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use cyberbrain_logmine::MinerConfig;
use cyberbrain_logmine::eval::{evaluate, explain, line_templates, load_dataset, mine};

const USAGE: &str = "usage: loghub-eval [--raw] [--explain] [--per-line FILE] DIR...\n\
  DIR is a folder holding <System>_2k.log_structured.csv (and <System>_2k.log for --raw)\n\
  --explain prints the grouping errors of each dataset to stderr\n\
  --per-line FILE writes one JSON object per line: dataset, line (1-based), template";

fn main() -> ExitCode {
    let mut raw = false;
    let mut explain_errors = false;
    let mut per_line: Option<PathBuf> = None;
    let mut dirs = Vec::new();
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--raw") => raw = true,
            Some("--explain") => explain_errors = true,
            Some("--per-line") => match args.next() {
                Some(path) => per_line = Some(PathBuf::from(path)),
                None => {
                    eprintln!("loghub-eval: --per-line needs a file\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
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
    let mut per_line_out = match per_line.as_ref().map(std::fs::File::create).transpose() {
        Ok(file) => file.map(std::io::BufWriter::new),
        Err(error) => {
            eprintln!("loghub-eval: cannot create the --per-line file: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut total = 0.0;
    let (mut total_pa, mut total_fga, mut total_fta) = (0.0, 0.0, 0.0);
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
        total_pa += score.parsing_accuracy.unwrap_or(0.0);
        total_fga += score.f1_grouping_accuracy;
        total_fta += score.f1_template_accuracy.unwrap_or(0.0);
        if explain_errors || per_line_out.is_some() {
            let lines = match (raw, &dataset.raw_lines) {
                (true, Some(raw_lines)) => raw_lines,
                _ => &dataset.contents,
            };
            let (miner, groups) = mine(lines, &config);
            if explain_errors {
                eprintln!(
                    "==== {}\n{}",
                    dataset.name,
                    explain(&dataset, &miner, &groups)
                );
            }
            if let Some(out) = per_line_out.as_mut() {
                for (i, template) in line_templates(&miner, &groups).iter().enumerate() {
                    let row = serde_json::json!({
                        "dataset": dataset.name,
                        "line": i + 1,
                        "template": template,
                    });
                    if let Err(error) = writeln!(out, "{row}") {
                        eprintln!("loghub-eval: cannot write the --per-line file: {error}");
                        return ExitCode::FAILURE;
                    }
                }
            }
        }
        match serde_json::to_string(&score) {
            Ok(json) => println!("{json}"),
            Err(error) => {
                eprintln!("loghub-eval: cannot encode result: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    if let Some(Err(error)) = per_line_out.as_mut().map(std::io::Write::flush) {
        eprintln!("loghub-eval: cannot write the --per-line file: {error}");
        return ExitCode::FAILURE;
    }
    let n = dirs.len() as f64;
    println!(
        "{}",
        serde_json::json!({
            "mean_grouping_accuracy": total / n,
            "mean_parsing_accuracy": total_pa / n,
            "mean_f1_grouping_accuracy": total_fga / n,
            "mean_f1_template_accuracy": total_fta / n,
            "datasets": dirs.len(),
        })
    );
    ExitCode::SUCCESS
}
