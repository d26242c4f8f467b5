//! `loghub-eval [--raw] [--explain] [--per-line FILE] DIR...`: scores the default miner on
//! Loghub-2k style dataset folders and prints one JSON object per dataset, then the means.
//! `loghub-eval --score-per-line FILE DIR...` scores another parser's per-line templates (the
//! format `--per-line` writes) with the same formulas.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use cyberbrain_logmine::MinerConfig;
use cyberbrain_logmine::eval::{
    DatasetScore, evaluate, explain, line_templates, load_dataset, mine, read_per_line,
    score_parsed,
};

const USAGE: &str = "usage: loghub-eval [--raw] [--explain] [--per-line FILE] DIR...\n\
  \x20      loghub-eval --score-per-line FILE DIR...\n\
  DIR is a folder holding <System>_2k.log_structured.csv (and <System>_2k.log for --raw)\n\
  --explain prints the grouping errors of each dataset to stderr\n\
  --per-line FILE writes one JSON object per line: dataset, line (1-based), template, group\n\
  --score-per-line FILE scores those rows (from any parser) instead of mining: lines with the\n\
  \x20 same group (else the same template text) form one found group";

fn main() -> ExitCode {
    let mut raw = false;
    let mut explain_errors = false;
    let mut per_line: Option<PathBuf> = None;
    let mut score_file: Option<PathBuf> = None;
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
            Some("--score-per-line") => match args.next() {
                Some(path) => score_file = Some(PathBuf::from(path)),
                None => {
                    eprintln!("loghub-eval: --score-per-line needs a file\n{USAGE}");
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

    if let Some(file) = score_file {
        if raw || explain_errors || per_line.is_some() {
            eprintln!("loghub-eval: --score-per-line mines nothing: no other flag\n{USAGE}");
            return ExitCode::from(2);
        }
        return score_per_line(&file, &dirs);
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
                let texts = line_templates(&miner, &groups);
                for (i, (template, group)) in texts.iter().zip(&groups).enumerate() {
                    let row = serde_json::json!({
                        "dataset": dataset.name,
                        "line": i + 1,
                        "template": template,
                        "group": group,
                    });
                    if let Err(error) = writeln!(out, "{row}") {
                        eprintln!("loghub-eval: cannot write the --per-line file: {error}");
                        return ExitCode::FAILURE;
                    }
                }
            }
        }
        match serde_json::to_string(&score) {
            Ok(json) => emit(&json),
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
    print_means(total, total_pa, total_fga, total_fta, dirs.len());
    ExitCode::SUCCESS
}

/// Prints the closing line: the means over `n` datasets.
fn print_means(total: f64, total_pa: f64, total_fga: f64, total_fta: f64, datasets: usize) {
    let n = datasets as f64;
    emit(&serde_json::json!({
        "mean_grouping_accuracy": total / n,
        "mean_parsing_accuracy": total_pa / n,
        "mean_f1_grouping_accuracy": total_fga / n,
        "mean_f1_template_accuracy": total_fta / n,
        "datasets": datasets,
    }));
}

/// Writes one row to stdout. A reader that stopped reading (`loghub-eval … | head -1`) ends the
/// run quietly, as `cat` would, rather than with a panic; another write error fails it.
fn emit(row: &dyn std::fmt::Display) {
    use std::io::Write as _;
    if let Err(error) = writeln!(std::io::stdout().lock(), "{row}") {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("loghub-eval: cannot write to stdout: {error}");
        std::process::exit(1);
    }
}

/// `--score-per-line`: scores each folder's dataset from the rows of `file` named after it.
fn score_per_line(file: &std::path::Path, dirs: &[PathBuf]) -> ExitCode {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("loghub-eval: cannot read {}: {error}", file.display());
            return ExitCode::FAILURE;
        }
    };
    let parsed = match read_per_line(&text) {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("loghub-eval: {}: {error}", file.display());
            return ExitCode::FAILURE;
        }
    };
    let mut scores: Vec<DatasetScore> = Vec::new();
    for dir in dirs {
        let dataset = match load_dataset(dir) {
            Ok(dataset) => dataset,
            Err(error) => {
                eprintln!("loghub-eval: {error}");
                return ExitCode::FAILURE;
            }
        };
        let Some(lines) = parsed.get(&dataset.name) else {
            eprintln!(
                "loghub-eval: {} has no rows for dataset {}",
                file.display(),
                dataset.name
            );
            return ExitCode::FAILURE;
        };
        match score_parsed(&dataset, lines) {
            Ok(score) => scores.push(score),
            Err(error) => {
                eprintln!("loghub-eval: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    for score in &scores {
        match serde_json::to_string(score) {
            Ok(json) => emit(&json),
            Err(error) => {
                eprintln!("loghub-eval: cannot encode result: {error}");
                return ExitCode::FAILURE;
            }
        }
    }
    let sum = |f: &dyn Fn(&DatasetScore) -> f64| scores.iter().map(f).sum::<f64>();
    print_means(
        sum(&|s| s.grouping_accuracy),
        sum(&|s| s.parsing_accuracy.unwrap_or(0.0)),
        sum(&|s| s.f1_grouping_accuracy),
        sum(&|s| s.f1_template_accuracy.unwrap_or(0.0)),
        scores.len(),
    );
    ExitCode::SUCCESS
}
