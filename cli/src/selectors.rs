//! Flag syntax for task lists and target selectors.

use std::collections::HashMap;

use anyhow::{Context, bail};
use cyberbrain_proto::v1 as pb;

/// Target flags shared by `directive create|update` and `run launch`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct TargetArgs {
    /// Target every agent.
    #[arg(long, conflicts_with_all = ["agent", "label"])]
    pub all: bool,
    /// Target an agent by name (repeatable).
    #[arg(long, value_name = "NAME")]
    pub agent: Vec<String>,
    /// Target agents carrying a label, KEY=VALUE (repeatable; all must match).
    #[arg(long, value_name = "KEY=VALUE", conflicts_with = "agent")]
    pub label: Vec<String>,
}

impl TargetArgs {
    /// The selector, or `None` when no target flag was given.
    pub fn selector(&self) -> anyhow::Result<Option<pb::TargetSelector>> {
        use pb::target_selector::Selector;
        let selector = if self.all {
            Selector::All(true)
        } else if !self.agent.is_empty() {
            Selector::Agents(pb::AgentNames {
                names: self.agent.clone(),
            })
        } else if !self.label.is_empty() {
            let mut labels = HashMap::new();
            for l in &self.label {
                let (k, v) = l
                    .split_once('=')
                    .with_context(|| format!("--label {l:?} must be KEY=VALUE"))?;
                labels.insert(k.to_string(), v.to_string());
            }
            Selector::Labels(pb::LabelSelector {
                match_labels: labels,
            })
        } else {
            return Ok(None);
        };
        Ok(Some(pb::TargetSelector {
            selector: Some(selector),
        }))
    }
}

/// Parses `--task` values: `TYPE` or `TYPE:key=value,key=value`.
///
/// `log_triage` takes `tail` (lines per container), `since` (seconds) and `top` (templates kept);
/// `gpu_report` takes `window_ms` (the sampling window).
pub fn parse_task(text: &str) -> anyhow::Result<pb::TaskSpec> {
    use pb::task_spec::Task;
    let (kind, params) = match text.split_once(':') {
        Some((k, p)) => (k, p),
        None => (text, ""),
    };
    let mut pairs = Vec::new();
    for pair in params.split(',').filter(|p| !p.is_empty()) {
        let (k, v) = pair
            .split_once('=')
            .with_context(|| format!("--task {text:?}: parameter {pair:?} must be key=value"))?;
        pairs.push((k.trim(), v.trim()));
    }
    let number = |key: &str, value: &str| -> anyhow::Result<u64> {
        value.parse::<u64>().with_context(|| {
            format!("--task {text:?}: {key} must be a whole number, not {value:?}")
        })
    };
    let task = match kind {
        "log_triage" => {
            let mut t = pb::LogTriageTask::default();
            for (k, v) in pairs {
                match k {
                    "tail" => {
                        t.tail_lines = u32::try_from(number(k, v)?).context("tail is too large")?
                    }
                    "since" => t.since_seconds = number(k, v)?,
                    "top" => {
                        t.top_messages = u32::try_from(number(k, v)?).context("top is too large")?
                    }
                    other => bail!(
                        "--task {text:?}: log_triage has no parameter {other:?} (tail, since, top)"
                    ),
                }
            }
            Task::LogTriage(t)
        }
        "gpu_report" => {
            let mut t = pb::GpuReportTask::default();
            for (k, v) in pairs {
                match k {
                    "window_ms" | "sample_window_ms" => {
                        t.sample_window_ms =
                            u32::try_from(number(k, v)?).context("window_ms is too large")?
                    }
                    other => {
                        bail!("--task {text:?}: gpu_report has no parameter {other:?} (window_ms)")
                    }
                }
            }
            Task::GpuReport(t)
        }
        "service_map" if !pairs.is_empty() => {
            bail!("--task {text:?}: {kind} takes no parameters")
        }
        "service_map" => Task::ServiceMap(pb::ServiceMapTask {}),
        other => {
            bail!("unknown task type {other:?}: expected log_triage, gpu_report or service_map")
        }
    };
    Ok(pb::TaskSpec { task: Some(task) })
}

/// The three tasks with default parameters, for runs launched without `--task`.
pub fn all_tasks() -> Vec<pb::TaskSpec> {
    ["service_map", "gpu_report", "log_triage"]
        .iter()
        .filter_map(|t| parse_task(t).ok())
        .collect()
}

/// Parses one `KEY=VALUE` label for flags that take labels.
pub fn parse_label_pair(text: &str) -> Result<(String, String), String> {
    let (k, v) = text
        .split_once('=')
        .ok_or_else(|| format!("label {text:?} must be KEY=VALUE"))?;
    if k.trim().is_empty() {
        return Err(format!("label {text:?} has an empty key"));
    }
    Ok((k.trim().to_string(), v.trim().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_flags_parse() {
        let t = parse_task("log_triage:tail=50,top=3").unwrap();
        let Some(pb::task_spec::Task::LogTriage(l)) = t.task else {
            panic!()
        };
        assert_eq!((l.tail_lines, l.top_messages), (50, 3));
        assert!(parse_task("log_triage:bogus=1").is_err());
        assert!(parse_task("gpu_report:x=1").is_err());
        let Some(pb::task_spec::Task::GpuReport(g)) =
            parse_task("gpu_report:window_ms=250").unwrap().task
        else {
            panic!()
        };
        assert_eq!(g.sample_window_ms, 250);
        assert!(parse_task("nope").is_err());
        assert_eq!(all_tasks().len(), 3);
    }

    #[test]
    fn labels_need_equals() {
        let args = TargetArgs {
            label: vec!["gpu".into()],
            ..Default::default()
        };
        assert!(args.selector().is_err());
    }
}
