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
    #[arg(long, value_name = "NAME",
          add = clap_complete::engine::ArgValueCandidates::new(crate::complete::agents))]
    pub agent: Vec<String>,
    /// Target agents carrying a label, KEY=VALUE (repeatable, or comma-separated; all must
    /// match).
    #[arg(
        long,
        alias = "labels",
        value_name = "KEY=VALUE",
        value_delimiter = ',',
        conflicts_with = "agent"
    )]
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
/// `gpu_report` takes `window_ms` (the sampling window). Every type takes `attempts` (dispatches
/// of each job at most) and `deadline` (seconds one attempt may take); without them the
/// controller's defaults apply.
pub fn parse_task(text: &str) -> anyhow::Result<pb::TaskSpec> {
    use pb::task_spec::Task;
    let (kind, params) = match text.split_once(':') {
        Some((k, p)) => (k, p),
        None => (text, ""),
    };
    let number = |key: &str, value: &str| -> anyhow::Result<u32> {
        value.parse::<u32>().with_context(|| {
            format!("--task {text:?}: {key} must be a whole number below 2^32, not {value:?}")
        })
    };
    let mut spec = pb::TaskSpec::default();
    let mut own = Vec::new();
    for pair in params.split(',').filter(|p| !p.is_empty()) {
        let (k, v) = pair
            .split_once('=')
            .with_context(|| format!("--task {text:?}: parameter {pair:?} must be key=value"))?;
        let (k, v) = (k.trim(), v.trim());
        let at_least_one = |value: u32| {
            if value == 0 {
                bail!(
                    "--task {text:?}: {k} must be at least 1 (leave it out for the controller's default)"
                )
            }
            Ok(value)
        };
        match k {
            "attempts" | "max_attempts" => spec.max_attempts = at_least_one(number(k, v)?)?,
            "deadline" | "deadline_seconds" => {
                spec.deadline_seconds = at_least_one(seconds(text, k, v)?)?
            }
            _ => own.push((k, v)),
        }
    }
    let task = match kind {
        "log_triage" => {
            let mut t = pb::LogTriageTask::default();
            for (k, v) in own {
                match k {
                    "tail" => t.tail_lines = number(k, v)?,
                    "since" => t.since_seconds = u64::from(seconds(text, k, v)?),
                    "top" => t.top_messages = number(k, v)?,
                    other => bail!(
                        "--task {text:?}: log_triage has no parameter {other:?} (tail, since, top, attempts, deadline)"
                    ),
                }
            }
            Task::LogTriage(t)
        }
        "gpu_report" => {
            let mut t = pb::GpuReportTask::default();
            for (k, v) in own {
                match k {
                    "window_ms" | "sample_window_ms" => t.sample_window_ms = number(k, v)?,
                    other => bail!(
                        "--task {text:?}: gpu_report has no parameter {other:?} (window_ms, attempts, deadline)"
                    ),
                }
            }
            Task::GpuReport(t)
        }
        "service_map" => {
            if let Some((other, _)) = own.first() {
                bail!(
                    "--task {text:?}: service_map has no parameter {other:?} (attempts, deadline)"
                )
            }
            Task::ServiceMap(pb::ServiceMapTask {})
        }
        "command" => {
            let mut t = pb::CommandTask::default();
            for (k, v) in own {
                match k {
                    "name" => t.name = v.to_string(),
                    "arg" => t.args.push(v.to_string()),
                    other => bail!(
                        "--task {text:?}: command has no parameter {other:?} (name, arg (repeatable), attempts, deadline)"
                    ),
                }
            }
            if t.name.is_empty() {
                bail!("--task {text:?}: command needs name=NAME (cbctl exec is the shorter way)")
            }
            Task::Command(t)
        }
        "container" => Task::Container(container_task(text, own)?),
        other => {
            bail!(
                "unknown task type {other:?}: expected log_triage, gpu_report, service_map, command or container"
            )
        }
    };
    spec.task = Some(task);
    Ok(spec)
}

/// `container:image=NAME@sha256:…,args=A B C,arg=D,env=K=V,network=NAME,gpus=true`: `args`
/// splits on spaces, `arg` and `env` repeat.
fn container_task(text: &str, own: Vec<(&str, &str)>) -> anyhow::Result<pb::ContainerTask> {
    let mut t = pb::ContainerTask::default();
    for (k, v) in own {
        match k {
            "image" => t.image = v.to_string(),
            "args" => t.args.extend(v.split_whitespace().map(str::to_string)),
            "arg" => t.args.push(v.to_string()),
            "env" => t.env.push(v.to_string()),
            "network" => t.network = v.to_string(),
            "gpus" => {
                t.gpus = v.parse().with_context(|| {
                    format!("--task {text:?}: gpus must be true or false, not {v:?}")
                })?
            }
            other => bail!(
                "--task {text:?}: container has no parameter {other:?} (image, args, arg, env, network, gpus, attempts, deadline)"
            ),
        }
    }
    if t.image.is_empty() {
        bail!("--task {text:?}: container needs image=NAME@sha256:DIGEST")
    }
    if !cyberbrain_tasks::ContainerParams::is_pinned(&t.image) {
        bail!("--task {text:?}: the image must be pinned by digest (NAME@sha256:<64 hex digits>)")
    }
    Ok(t)
}

/// A task parameter in seconds: a duration (`90s`, `15m`, `1h`, `7d`) or a whole number of
/// seconds; `0` stays 0 (for `since`, no limit).
fn seconds(text: &str, key: &str, value: &str) -> anyhow::Result<u32> {
    let secs = if value.chars().all(|c| c.is_ascii_digit()) && !value.is_empty() {
        value.parse::<u64>().ok()
    } else {
        crate::durations::parse_duration(value).ok()
    };
    secs.and_then(|s| u32::try_from(s).ok()).with_context(|| {
        format!("--task {text:?}: {key} must be a duration like 90s, 15m, 1h or 7d, or seconds")
    })
}

/// The three tasks with default parameters, for runs launched without `--task`.
pub fn all_tasks() -> Vec<pb::TaskSpec> {
    ["service_map", "gpu_report", "log_triage"]
        .iter()
        .filter_map(|t| parse_task(t).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_tasks_need_a_pinned_image() {
        let digest = "c".repeat(64);
        let spec = parse_task(&format!(
            "container:image=w@sha256:{digest},args=echo hi,env=A=1"
        ))
        .unwrap();
        match spec.task {
            Some(pb::task_spec::Task::Container(c)) => {
                assert_eq!(c.args, ["echo", "hi"]);
                assert_eq!(c.env, ["A=1"]);
                assert!(!c.gpus && c.network.is_empty());
            }
            other => panic!("{other:?}"),
        }
        assert!(parse_task("container:image=w:latest").is_err());
        assert!(parse_task("container").is_err());
        assert!(parse_task(&format!("container:image=w@sha256:{digest},mount=/")).is_err());
    }

    #[test]
    fn command_tasks_take_a_name_and_ordered_arguments() {
        let spec = parse_task("command:name=disk,arg=/var,arg=-h,deadline=2m").unwrap();
        assert_eq!(spec.deadline_seconds, 120);
        match spec.task {
            Some(pb::task_spec::Task::Command(c)) => {
                assert_eq!(c.name, "disk");
                assert_eq!(c.args, ["/var", "-h"]);
            }
            other => panic!("{other:?}"),
        }
        assert!(parse_task("command").is_err());
        assert!(parse_task("command:name=x,path=/bin/sh").is_err());
    }

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
    fn every_task_type_takes_limits_and_prints_them_back() {
        for text in [
            "log_triage:tail=50,since=1h,top=3,attempts=1,deadline=30s",
            "gpu_report:window_ms=250,attempts=5",
            "service_map:deadline=10m",
        ] {
            let spec = parse_task(text).unwrap();
            assert_eq!(crate::output::task(&spec), text, "{text}");
        }
        let spec = parse_task("service_map:attempts=2,deadline=60").unwrap();
        assert_eq!((spec.max_attempts, spec.deadline_seconds), (2, 60));
        let err = parse_task("service_map:tail=5").unwrap_err().to_string();
        assert!(
            err.contains("no parameter \"tail\" (attempts, deadline)"),
            "{err}"
        );
        let err = parse_task("gpu_report:attempts=many")
            .unwrap_err()
            .to_string();
        assert!(err.contains("attempts must be a whole number"), "{err}");
        // 0 means "unset" on the wire: typed here it is a mistake, not a default.
        let err = parse_task("gpu_report:deadline=0").unwrap_err().to_string();
        assert!(err.contains("deadline must be at least 1"), "{err}");
        // Unset limits print nothing: the controller's defaults apply.
        assert_eq!(
            crate::output::task(&parse_task("service_map").unwrap()),
            "service_map"
        );
    }

    #[test]
    fn times_in_task_parameters_take_units() {
        let Some(pb::task_spec::Task::LogTriage(l)) =
            parse_task("log_triage:since=1h,deadline=90s").unwrap().task
        else {
            panic!()
        };
        assert_eq!(l.since_seconds, 3600);
        assert_eq!(
            parse_task("service_map:deadline=2m")
                .unwrap()
                .deadline_seconds,
            120
        );
        assert_eq!(
            parse_task("service_map:deadline=30")
                .unwrap()
                .deadline_seconds,
            30
        );
        assert!(parse_task("log_triage:since=soon").is_err());
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
