//! Loghub-style evaluation: dataset loading, a small CSV reader and grouping accuracy.
//!
//! Shared by the `loghub-eval` binary and the regression test, so both score the same way.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use crate::{Miner, MinerConfig};

/// Why a dataset could not be loaded.
#[derive(Debug)]
pub enum EvalError {
    /// A file or folder could not be read.
    Io {
        /// The path being read.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The folder has no `*_structured.csv` file (or more than one).
    NoStructuredCsv {
        /// The folder.
        dir: PathBuf,
        /// What was found instead.
        detail: String,
    },
    /// The CSV is malformed or lacks a needed column.
    Csv {
        /// The file.
        path: PathBuf,
        /// 1-based line where the problem is.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The raw log and the structured CSV disagree.
    Mismatch {
        /// The raw log file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
            EvalError::NoStructuredCsv { dir, detail } => {
                write!(
                    f,
                    "no single *_structured.csv in {}: {detail}",
                    dir.display()
                )
            }
            EvalError::Csv {
                path,
                line,
                message,
            } => {
                write!(f, "{}:{line}: {message}", path.display())
            }
            EvalError::Mismatch { path, message } => write!(f, "{}: {message}", path.display()),
        }
    }
}

impl std::error::Error for EvalError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EvalError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// A labelled dataset in the Loghub-2k layout.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// Dataset name: the file prefix (`HDFS` for `HDFS_2k.log_structured.csv`).
    pub name: String,
    /// The `Content` column, one entry per line.
    pub contents: Vec<Vec<u8>>,
    /// The raw `.log` lines, when the `.log` file was present.
    pub raw_lines: Option<Vec<Vec<u8>>>,
    /// The true event of each line (index into the distinct `EventId`s).
    pub events: Vec<u32>,
    /// Number of distinct true events.
    pub event_count: usize,
    /// The `EventTemplate` text of each event index (empty when the column is absent).
    pub event_templates: Vec<String>,
}

/// The score of one dataset, as printed by `loghub-eval`.
#[derive(Debug, Clone, Serialize)]
pub struct DatasetScore {
    /// Dataset name.
    pub dataset: String,
    /// Lines scored.
    pub lines: usize,
    /// Distinct true events.
    pub templates_true: usize,
    /// Templates the miner ended with.
    pub templates_found: usize,
    /// Grouping accuracy in `[0, 1]`.
    pub grouping_accuracy: f64,
    /// Parsing accuracy: the fraction of lines whose template text equals the true template
    /// (whitespace runs compared as one space). `None` without an `EventTemplate` column.
    pub parsing_accuracy: Option<f64>,
    /// F1 of grouping over templates (Loghub-2.0 FGA): a found group is correct when its lines
    /// are exactly one true event's lines.
    pub f1_grouping_accuracy: f64,
    /// F1 of templates (Loghub-2.0 FTA): a found group is correct when it is a correct group and
    /// its text equals the true template. `None` without an `EventTemplate` column.
    pub f1_template_accuracy: Option<f64>,
    /// Mining throughput (lines / wall second), parsing excluded; absent when another parser's
    /// templates were scored (`--score-per-line`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lines_per_sec: Option<f64>,
}

/// Loads a dataset folder: finds the `*_structured.csv`, reads `Content` and `EventId`, and the
/// raw `.log` beside it when present.
pub fn load_dataset(dir: &Path) -> Result<Dataset, EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|source| EvalError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut structured = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| EvalError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.ends_with("_structured.csv") {
            structured.push(entry.path());
        }
    }
    if structured.len() != 1 {
        return Err(EvalError::NoStructuredCsv {
            dir: dir.to_path_buf(),
            detail: format!("found {} candidates", structured.len()),
        });
    }
    let csv_path = structured.remove(0);
    let file_name = csv_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let log_name = file_name.trim_end_matches("_structured.csv").to_string();
    let name = dataset_name(&log_name);

    let bytes = std::fs::read(&csv_path).map_err(|source| EvalError::Io {
        path: csv_path.clone(),
        source,
    })?;
    let rows = parse_csv(&bytes).map_err(|(line, message)| EvalError::Csv {
        path: csv_path.clone(),
        line,
        message,
    })?;
    let Some((header, records)) = rows.split_first() else {
        return Err(EvalError::Csv {
            path: csv_path,
            line: 1,
            message: "empty file".into(),
        });
    };
    let column = |wanted: &str| {
        header
            .fields
            .iter()
            .position(|f| f.as_slice() == wanted.as_bytes())
            .ok_or_else(|| EvalError::Csv {
                path: csv_path.clone(),
                line: 1,
                message: format!("no {wanted:?} column in header"),
            })
    };
    let content_col = column("Content")?;
    let event_col = column("EventId")?;
    let template_col = column("EventTemplate").ok();
    let mut event_templates: Vec<String> = Vec::new();

    let mut event_index: HashMap<Vec<u8>, u32> = HashMap::new();
    let mut contents = Vec::with_capacity(records.len());
    let mut events = Vec::with_capacity(records.len());
    for record in records {
        let (Some(content), Some(event)) =
            (record.fields.get(content_col), record.fields.get(event_col))
        else {
            return Err(EvalError::Csv {
                path: csv_path.clone(),
                line: record.line,
                message: format!(
                    "row has {} fields, header has {}",
                    record.fields.len(),
                    header.fields.len()
                ),
            });
        };
        let next = event_index.len() as u32;
        let index = *event_index.entry(event.clone()).or_insert(next);
        if index == next {
            let text = template_col
                .and_then(|c| record.fields.get(c))
                .map(|t| String::from_utf8_lossy(t).into_owned())
                .unwrap_or_default();
            event_templates.push(text);
        }
        events.push(index);
        contents.push(content.clone());
    }

    let log_path = dir.join(&log_name);
    let raw_lines = if log_path.exists() {
        let raw = std::fs::read(&log_path).map_err(|source| EvalError::Io {
            path: log_path.clone(),
            source,
        })?;
        let mut lines: Vec<Vec<u8>> = raw
            .split(|&b| b == b'\n')
            .map(|l| l.strip_suffix(b"\r").unwrap_or(l).to_vec())
            .collect();
        if lines.last().is_some_and(Vec::is_empty) {
            lines.pop();
        }
        if lines.len() != contents.len() {
            return Err(EvalError::Mismatch {
                path: log_path,
                message: format!(
                    "{} raw lines but {} structured rows",
                    lines.len(),
                    contents.len()
                ),
            });
        }
        Some(lines)
    } else {
        None
    };

    Ok(Dataset {
        name,
        contents,
        raw_lines,
        events,
        event_count: event_index.len(),
        event_templates,
    })
}

/// `HDFS_2k.log` → `HDFS`: drops the extension and a `_<n>k` size suffix.
fn dataset_name(log_name: &str) -> String {
    let stem = log_name.strip_suffix(".log").unwrap_or(log_name);
    match stem.rsplit_once('_') {
        Some((system, size))
            if size.ends_with('k')
                && size.len() > 1
                && size[..size.len() - 1].bytes().all(|b| b.is_ascii_digit()) =>
        {
            system.to_string()
        }
        _ => stem.to_string(),
    }
}

/// Streams a dataset through a fresh miner and scores it. With `raw`, the raw `.log` lines are fed
/// (header detection has to find the message); otherwise the `Content` column.
pub fn evaluate(
    dataset: &Dataset,
    raw: bool,
    config: &MinerConfig,
) -> Result<DatasetScore, String> {
    let lines = if raw {
        dataset
            .raw_lines
            .as_ref()
            .ok_or_else(|| format!("dataset {}: no raw .log file for --raw", dataset.name))?
    } else {
        &dataset.contents
    };
    let started = Instant::now();
    let (miner, groups) = mine(lines, config);
    let elapsed = started.elapsed().as_secs_f64();
    let texts = line_templates(&miner, &groups);
    let mut score = score_lines(dataset, &groups, &texts);
    score.templates_found = miner.template_count();
    score.lines_per_sec = Some(if elapsed > 0.0 {
        lines.len() as f64 / elapsed
    } else {
        f64::INFINITY
    });
    Ok(score)
}

/// Scores one found group key and template text per line of `dataset` (same order) with the
/// formulas [`evaluate`] uses; `templates_found` is the number of distinct groups.
pub fn score_lines<G: Eq + std::hash::Hash + Copy>(
    dataset: &Dataset,
    groups: &[G],
    texts: &[String],
) -> DatasetScore {
    let has_truth = dataset.event_templates.iter().any(|t| !t.is_empty());
    let template_scores = template_scores(groups, texts, dataset);
    let distinct: std::collections::HashSet<G> = groups.iter().copied().collect();
    DatasetScore {
        dataset: dataset.name.clone(),
        lines: groups.len(),
        templates_true: dataset.event_count,
        templates_found: distinct.len(),
        grouping_accuracy: grouping_accuracy(groups, &dataset.events),
        parsing_accuracy: has_truth.then_some(template_scores.parsing_accuracy),
        f1_grouping_accuracy: template_scores.fga,
        f1_template_accuracy: has_truth.then_some(template_scores.fta),
        lines_per_sec: None,
    }
}

/// Another parser's result for one dataset, read from a per-line file (see [`read_per_line`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedLines {
    /// The group of each line: the row's `group` when given, else its template text, as an index
    /// into the distinct keys.
    pub groups: Vec<u32>,
    /// The template text of each line.
    pub texts: Vec<String>,
}

/// Reads the JSON-lines format `loghub-eval --per-line` writes: one object per log line with
/// `dataset` (string), `line` (1-based) and `template` (string), and optionally `group` (string
/// or number; lines with the same `group` are one found group, else lines with the same template
/// text are). Returns each dataset's rows in line order. Every line from 1 to the highest must be
/// present exactly once.
pub fn read_per_line(text: &str) -> Result<HashMap<String, ParsedLines>, String> {
    type Rows = Vec<Option<(String, String)>>;
    let mut rows: HashMap<String, Rows> = HashMap::new();
    for (i, row) in text.lines().enumerate() {
        let at = i + 1;
        if row.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(row).map_err(|e| format!("line {at}: not JSON: {e}"))?;
        let dataset = value
            .get("dataset")
            .and_then(serde_json::Value::as_str)
            .ok_or_else(|| format!("line {at}: no string \"dataset\""))?;
        let line = value
            .get("line")
            .and_then(serde_json::Value::as_u64)
            .filter(|n| (1..=10_000_000).contains(n))
            .ok_or_else(|| format!("line {at}: \"line\" is not a number from 1"))?
            as usize;
        let template = value
            .get("template")
            .and_then(serde_json::Value::as_str)
            .ok_or_else(|| format!("line {at}: no string \"template\""))?;
        let group = match value.get("group") {
            None | Some(serde_json::Value::Null) => format!("t:{template}"),
            Some(serde_json::Value::String(g)) => format!("g:{g}"),
            Some(serde_json::Value::Number(g)) => format!("g:{g}"),
            Some(_) => return Err(format!("line {at}: \"group\" is not a string or number")),
        };
        let slots = rows.entry(dataset.to_string()).or_default();
        if slots.len() < line {
            slots.resize(line, None);
        }
        if slots[line - 1].is_some() {
            return Err(format!("line {at}: {dataset} line {line} given twice"));
        }
        slots[line - 1] = Some((group, template.to_string()));
    }
    let mut parsed = HashMap::new();
    for (dataset, slots) in rows {
        let mut keys: HashMap<String, u32> = HashMap::new();
        let mut groups = Vec::with_capacity(slots.len());
        let mut texts = Vec::with_capacity(slots.len());
        for (i, slot) in slots.into_iter().enumerate() {
            let (group, template) =
                slot.ok_or_else(|| format!("{dataset}: line {} missing", i + 1))?;
            let next = keys.len() as u32;
            groups.push(*keys.entry(group).or_insert(next));
            texts.push(template);
        }
        parsed.insert(dataset, ParsedLines { groups, texts });
    }
    Ok(parsed)
}

/// Scores another parser's lines for `dataset` (see [`read_per_line`]); the line counts must
/// agree.
pub fn score_parsed(dataset: &Dataset, parsed: &ParsedLines) -> Result<DatasetScore, String> {
    if parsed.groups.len() != dataset.events.len() {
        return Err(format!(
            "{}: {} lines parsed but the dataset has {}",
            dataset.name,
            parsed.groups.len(),
            dataset.events.len()
        ));
    }
    Ok(score_lines(dataset, &parsed.groups, &parsed.texts))
}

/// Streams `lines` through a fresh miner; returns it and the final group of every line.
pub fn mine(lines: &[Vec<u8>], config: &MinerConfig) -> (Miner, Vec<u64>) {
    let mut miner = Miner::new(config.clone());
    let ids: Vec<_> = lines
        .iter()
        .map(|line| miner.add_line(line, None))
        .collect();
    // Ids are resolved after the stream because later merges regroup earlier lines; an evicted
    // template (impossible at this size) leaves its lines as singletons.
    // Templates a reader cannot tell apart are one group, as in the digest.
    let mut oldest: HashMap<u64, u64> = HashMap::new();
    for group in miner.templates_by_text() {
        for member in &group {
            oldest.insert(member.id().0, group[0].id().0);
        }
    }
    let groups = ids
        .iter()
        .enumerate()
        .map(|(i, &id)| {
            miner
                .resolve(id)
                .and_then(|t| oldest.get(&t.0).copied())
                .unwrap_or(u64::MAX - i as u64)
        })
        .collect();
    (miner, groups)
}

/// The final template text of each line (empty for a line whose template was evicted).
pub fn line_templates(miner: &Miner, groups: &[u64]) -> Vec<String> {
    // Each group's text as the digest writes it (see `digest::group_text`).
    let mut cache: HashMap<u64, String> = miner
        .templates_by_text()
        .iter()
        .map(|group| {
            let text = crate::digest::group_text(group.iter().map(|t| t.text()));
            (group[0].id().0, text)
        })
        .collect();
    groups
        .iter()
        .map(|&g| {
            cache
                .entry(g)
                .or_insert_with(|| {
                    miner
                        .template(crate::TemplateId(g))
                        .map(|t| t.text())
                        .unwrap_or_default()
                })
                .clone()
        })
        .collect()
}

/// Template-level scores of one mined dataset (see [`template_scores`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TemplateScores {
    /// Fraction of lines whose template text is the true one.
    pub parsing_accuracy: f64,
    /// F1 of exactly recovered groups (Loghub-2.0 FGA).
    pub fga: f64,
    /// F1 of exactly recovered groups that also have the true text (Loghub-2.0 FTA).
    pub fta: f64,
}

/// Template texts are compared with whitespace runs as one space and ends trimmed.
fn normalise_template(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parsing accuracy, FGA and FTA as defined by the Loghub-2.0 evaluation (Jiang et al., 2024):
/// precision is over the found groups, recall over the true events, F1 their harmonic mean.
pub fn template_scores<G: Eq + std::hash::Hash + Copy>(
    groups: &[G],
    texts: &[String],
    dataset: &Dataset,
) -> TemplateScores {
    let truth = &dataset.events;
    let true_text = |e: u32| {
        normalise_template(
            dataset
                .event_templates
                .get(e as usize)
                .map_or("", String::as_str),
        )
    };
    let mut true_texts: HashMap<u32, String> = HashMap::new();
    let mut text_matches = 0usize;
    for (text, &e) in texts.iter().zip(truth) {
        let expected = true_texts.entry(e).or_insert_with(|| true_text(e));
        if !expected.is_empty() && normalise_template(text) == *expected {
            text_matches += 1;
        }
    }
    let mut truth_sizes: HashMap<u32, usize> = HashMap::new();
    for &t in truth {
        *truth_sizes.entry(t).or_default() += 1;
    }
    // Per found group: size, its one true event (or None once mixed), first line index.
    let mut found: HashMap<G, (usize, Option<u32>, usize)> = HashMap::new();
    for (i, (&g, &t)) in groups.iter().zip(truth).enumerate() {
        let entry = found.entry(g).or_insert((0, Some(t), i));
        entry.0 += 1;
        if entry.1 != Some(t) {
            entry.1 = None;
        }
    }
    let mut correct_groups = 0usize;
    let mut correct_templates = 0usize;
    for &(size, event, first) in found.values() {
        let Some(event) = event else { continue };
        if truth_sizes.get(&event) != Some(&size) {
            continue;
        }
        correct_groups += 1;
        let expected = true_texts.get(&event).map_or("", String::as_str);
        if !expected.is_empty() && normalise_template(&texts[first]) == expected {
            correct_templates += 1;
        }
    }
    let f1 = |correct: usize| {
        if found.is_empty() || truth_sizes.is_empty() || correct == 0 {
            return 0.0;
        }
        let precision = correct as f64 / found.len() as f64;
        let recall = correct as f64 / truth_sizes.len() as f64;
        2.0 * precision * recall / (precision + recall)
    };
    TemplateScores {
        parsing_accuracy: if truth.is_empty() {
            0.0
        } else {
            text_matches as f64 / truth.len() as f64
        },
        fga: f1(correct_groups),
        fta: f1(correct_templates),
    }
}

/// A human-readable account of the grouping errors: true events split over several found
/// templates, and found templates mixing several true events. For tuning the method, not for
/// scoring.
pub fn explain(dataset: &Dataset, miner: &Miner, groups: &[u64]) -> String {
    use std::fmt::Write as _;
    let mut by_event: HashMap<u32, HashMap<u64, usize>> = HashMap::new();
    let mut by_group: HashMap<u64, HashMap<u32, usize>> = HashMap::new();
    for (&g, &e) in groups.iter().zip(&dataset.events) {
        *by_event.entry(e).or_default().entry(g).or_default() += 1;
        *by_group.entry(g).or_default().entry(e).or_default() += 1;
    }
    let text_of = |g: u64| {
        miner
            .template(crate::TemplateId(g))
            .map(|t| t.text())
            .unwrap_or_else(|| "<evicted>".into())
    };
    let event_text = |e: u32| {
        dataset
            .event_templates
            .get(e as usize)
            .cloned()
            .unwrap_or_default()
    };
    let mut out = String::new();
    let mut events: Vec<_> = by_event.iter().filter(|(_, g)| g.len() > 1).collect();
    events.sort_by_key(|(e, _)| **e);
    for (&e, found) in events {
        let _ = writeln!(out, "SPLIT  {}", event_text(e));
        let mut found: Vec<_> = found.iter().collect();
        found.sort_by_key(|(_, n)| std::cmp::Reverse(**n));
        for &(&g, n) in found.iter().take(8) {
            let _ = writeln!(out, "    {n:5}  {}", text_of(g));
        }
    }
    let mut mixed: Vec<_> = by_group.iter().filter(|(_, e)| e.len() > 1).collect();
    mixed.sort_by_key(|(g, _)| **g);
    for (&g, events) in mixed {
        let _ = writeln!(out, "MIXED  {}", text_of(g));
        let mut events: Vec<_> = events.iter().collect();
        events.sort_by_key(|(_, n)| std::cmp::Reverse(**n));
        for &(&e, n) in events.iter().take(8) {
            let _ = writeln!(out, "    {n:5}  {}", event_text(e));
        }
    }
    out
}

/// Grouping accuracy: the fraction of lines whose found group is exactly the set of lines sharing
/// their true event.
pub fn grouping_accuracy<F: Eq + std::hash::Hash + Copy>(found: &[F], truth: &[u32]) -> f64 {
    if found.is_empty() || found.len() != truth.len() {
        return 0.0;
    }
    let mut truth_sizes: HashMap<u32, usize> = HashMap::new();
    for &t in truth {
        *truth_sizes.entry(t).or_default() += 1;
    }
    // For each found group: its size and its single true event (None once two events mix).
    let mut groups: HashMap<F, (usize, Option<u32>, bool)> = HashMap::new();
    for (&f, &t) in found.iter().zip(truth) {
        let entry = groups.entry(f).or_insert((0, Some(t), true));
        entry.0 += 1;
        if entry.1 != Some(t) {
            entry.2 = false;
        }
    }
    let correct: usize = groups
        .values()
        .filter(|(size, event, pure)| {
            *pure && event.is_some_and(|e| truth_sizes.get(&e) == Some(size))
        })
        .map(|(size, _, _)| size)
        .sum();
    correct as f64 / found.len() as f64
}

/// One CSV record and the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvRecord {
    /// Line where the record starts.
    pub line: usize,
    /// Field values, quotes removed and doubled quotes undone.
    pub fields: Vec<Vec<u8>>,
}

/// Parses RFC 4180 CSV: comma separated, fields optionally in double quotes, `""` inside quotes is
/// a quote, quoted fields may span lines, CRLF or LF endings. Errors carry the 1-based line.
pub fn parse_csv(bytes: &[u8]) -> Result<Vec<CsvRecord>, (usize, String)> {
    let mut records = Vec::new();
    let mut fields: Vec<Vec<u8>> = Vec::new();
    let mut field = Vec::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut in_quotes = false;
    let mut field_was_quoted = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if in_quotes {
            match b {
                b'"' if bytes.get(i + 1) == Some(&b'"') => {
                    field.push(b'"');
                    i += 1;
                }
                b'"' => in_quotes = false,
                b'\n' => {
                    line += 1;
                    field.push(b);
                }
                _ => field.push(b),
            }
        } else {
            match b {
                b'"' if field.is_empty() && !field_was_quoted => {
                    in_quotes = true;
                    field_was_quoted = true;
                }
                b'"' => {
                    return Err((line, "quote inside an unquoted field".into()));
                }
                b',' => {
                    fields.push(std::mem::take(&mut field));
                    field_was_quoted = false;
                }
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {}
                b'\n' => {
                    fields.push(std::mem::take(&mut field));
                    field_was_quoted = false;
                    records.push(CsvRecord {
                        line: record_line,
                        fields: std::mem::take(&mut fields),
                    });
                    line += 1;
                    record_line = line;
                }
                _ if field_was_quoted => {
                    return Err((line, "text after a closing quote".into()));
                }
                _ => field.push(b),
            }
        }
        i += 1;
    }
    if in_quotes {
        return Err((record_line, "unterminated quoted field".into()));
    }
    if !field.is_empty() || !fields.is_empty() || field_was_quoted {
        fields.push(field);
        records.push(CsvRecord {
            line: record_line,
            fields,
        });
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_commas_and_newlines() {
        let text = b"a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"multi\nline\",\n";
        let rows = parse_csv(text).expect("valid csv");
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[1].fields[1], b"x, y");
        assert_eq!(rows[1].fields[2], b"say \"hi\"");
        assert_eq!(rows[2].fields[1], b"multi\nline");
        assert_eq!(rows[2].fields[2], b"");
        assert_eq!(rows[2].line, 3);
    }

    #[test]
    fn csv_errors_name_the_line() {
        assert_eq!(
            parse_csv(b"a\n\"open").map(|_| ()),
            Err((2, "unterminated quoted field".into()))
        );
        assert!(parse_csv(b"a\nb\"c\n").is_err());
    }

    #[test]
    fn grouping_accuracy_counts_exact_groups_only() {
        // True: {0,1} {2} {3}; found: {0,1} {2,3}.
        assert_eq!(grouping_accuracy(&[7, 7, 8, 8], &[0, 0, 1, 2]), 0.5);
        assert_eq!(grouping_accuracy(&[1, 2, 3], &[0, 1, 2]), 1.0);
        // Split group: {0} {1} vs true {0,1}.
        assert_eq!(grouping_accuracy(&[1, 2, 3], &[0, 0, 2]), 1.0 / 3.0);
    }

    #[test]
    fn template_scores_follow_the_loghub_2_definitions() {
        let dataset = Dataset {
            name: "t".into(),
            contents: vec![Vec::new(); 4],
            raw_lines: None,
            events: vec![0, 0, 1, 2],
            event_count: 3,
            event_templates: vec!["a <*>".into(), "b  c".into(), "d".into()],
        };
        // Groups {0,1} (right text), {2} (right text), {3} (wrong text).
        let texts: Vec<String> = ["a <*>", "a <*>", "b c", "x"].map(String::from).to_vec();
        let scores = template_scores(&[1, 1, 2, 3], &texts, &dataset);
        assert_eq!(scores.parsing_accuracy, 0.75);
        assert_eq!(scores.fga, 1.0);
        // 2 of 3 found correct, 2 of 3 true recovered.
        assert!((scores.fta - 2.0 / 3.0).abs() < 1e-12);
        // Merging events 1 and 2: one correct group of two found, one of three true.
        let scores = template_scores(&[1, 1, 2, 2], &texts, &dataset);
        let (p, r) = (0.5, 1.0 / 3.0);
        assert!((scores.fga - 2.0 * p * r / (p + r)).abs() < 1e-12);
    }

    #[test]
    fn per_line_rows_group_by_group_else_text() {
        let text = concat!(
            "{\"dataset\":\"A\",\"line\":2,\"template\":\"x <*>\"}\n",
            "{\"dataset\":\"A\",\"line\":1,\"template\":\"x <*>\"}\n",
            "{\"dataset\":\"A\",\"line\":3,\"template\":\"y\"}\n",
            "{\"dataset\":\"B\",\"line\":1,\"template\":\"s\",\"group\":7}\n",
            "{\"dataset\":\"B\",\"line\":2,\"template\":\"s\",\"group\":\"8\"}\n",
        );
        let parsed = read_per_line(text).expect("valid rows");
        assert_eq!(parsed["A"].groups, vec![0, 0, 1]);
        assert_eq!(parsed["A"].texts[2], "y");
        // Same text, different groups: two found groups.
        assert_eq!(parsed["B"].groups, vec![0, 1]);
        let dataset = Dataset {
            name: "A".into(),
            contents: vec![Vec::new(); 3],
            raw_lines: None,
            events: vec![0, 0, 1],
            event_count: 2,
            event_templates: vec!["x <*>".into(), "z".into()],
        };
        let score = score_parsed(&dataset, &parsed["A"]).expect("same length");
        assert_eq!(score.grouping_accuracy, 1.0);
        assert!((score.parsing_accuracy.unwrap_or(0.0) - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(score.templates_found, 2);
        assert!(score_parsed(&dataset, &parsed["B"]).is_err());
    }

    #[test]
    fn per_line_errors_name_the_row() {
        let gap = "{\"dataset\":\"A\",\"line\":2,\"template\":\"x\"}";
        assert_eq!(read_per_line(gap), Err("A: line 1 missing".into()));
        let twice = format!("{gap}\n{gap}");
        assert!(read_per_line(&twice).is_err_and(|e| e.starts_with("line 2:")));
        assert!(read_per_line("{\"dataset\":\"A\",\"line\":0,\"template\":\"x\"}").is_err());
        assert!(read_per_line("not json").is_err_and(|e| e.starts_with("line 1:")));
    }

    #[test]
    fn dataset_names() {
        assert_eq!(dataset_name("HDFS_2k.log"), "HDFS");
        assert_eq!(dataset_name("OpenSSH_2k.log"), "OpenSSH");
        assert_eq!(dataset_name("my_system.log"), "my_system");
    }
}
