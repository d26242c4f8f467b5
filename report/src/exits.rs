//! A container's recent exits in the report: each exit's code, time and OOM kill, and the
//! templates of the last lines it logged before, numbered, linked to the container's template
//! rows when they are the same template. The agent is held to the bounds again here: a result
//! is never trusted to keep them.

use std::fmt::Write as _;

use cyberbrain_tasks::{ContainerExit, ContainerLogDigest};

use crate::triage::{MAX_TEMPLATE_CHARS, clean};
use crate::{Report, attention, code_cell};

/// A digest held to the bounds an agent should have kept (a hostile one may not): its
/// condition's exits and lines capped, the exits' templates redacted again and cut.
pub fn bounded_digest(mut digest: ContainerLogDigest) -> ContainerLogDigest {
    if let Some(condition) = &mut digest.condition {
        condition.bound();
        for exit in &mut condition.exits {
            for template in &mut exit.last_templates {
                *template = clean(template, MAX_TEMPLATE_CHARS);
            }
        }
    }
    digest
}

/// Writes a container's recent exits, oldest first, each with the numbered templates of the
/// last lines it logged before (linked to their rows when the container's table has them).
pub fn markdown(
    md: &mut String,
    report: &Report,
    agent: &str,
    container: &str,
    exits: &[ContainerExit],
) {
    let _ = writeln!(
        md,
        "Recent exits (oldest first) and the last lines before each (templates):\n"
    );
    for exit in exits {
        let code = exit
            .exit_code
            .map_or_else(|| "code unknown".to_string(), |code| code.to_string());
        let at = attention::time(exit.at_unix_ms).unwrap_or_else(|| "an unknown time".into());
        let oom = if exit.oom_killed { ", OOM-killed" } else { "" };
        if exit.last_templates.is_empty() {
            let _ = writeln!(
                md,
                "- **exit {code}** at {at}{oom}; no line read was logged before it"
            );
            continue;
        }
        let _ = writeln!(md, "- **exit {code}** at {at}{oom}, after:");
        for (n, template) in exit.last_templates.iter().enumerate() {
            // Ids are ours (`t<n>`), never text from the agent.
            let known = report
                .templates
                .iter()
                .find(|t| t.agent == agent && t.container == container && &t.template == template)
                .map(|t| format!(" ([{}](#{}))", t.id, t.id))
                .unwrap_or_default();
            let _ = writeln!(md, "  {}. {}{known}", n + 1, code_cell(template));
        }
    }
    let _ = writeln!(md);
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use cyberbrain_model::fleet::TargetSelector;
    use cyberbrain_model::runs::{Job, JobStatus, Run, RunStatus, RunWithJobs};
    use cyberbrain_tasks::{
        ContainerCondition, LogTriageResult, Severity, TaskResult, TaskSpec, TaskType,
        TemplateCount,
    };

    use super::*;

    /// 2026-12-03T03:00:00Z plus `seconds`, in Unix ms.
    fn ms(seconds: i64) -> i64 {
        1_796_266_800_000 + seconds * 1000
    }

    /// A finished run of one `log_triage` job on `host-a` with this digest.
    fn run_with(digest: ContainerLogDigest) -> RunWithJobs {
        let run = Run {
            id: uuid::Uuid::from_u128(1),
            directive_name: None,
            directive_version: None,
            tasks: vec![],
            target: TargetSelector::All,
            launched_by: String::new(),
            launched_by_token: None,
            queue_timeout: None,
            status: RunStatus::Succeeded,
            created_at: Utc::now(),
            started_at: None,
            finished_at: None,
            traceparent: None,
            origin: String::new(),
            scheduled_at: None,
        };
        let job = Job {
            id: uuid::Uuid::from_u128(2),
            run_id: run.id,
            agent_id: uuid::Uuid::from_u128(3),
            agent_name: "host-a".into(),
            task_index: 0,
            task: TaskSpec::with_defaults(TaskType::LogTriage),
            status: JobStatus::Succeeded,
            attempt: 1,
            max_attempts: 3,
            result: Some(TaskResult::LogTriage(LogTriageResult {
                containers: vec![digest],
                skipped_containers: 0,
            })),
            error: None,
            created_at: Utc::now(),
            dispatched_at: None,
            finished_at: None,
        };
        RunWithJobs {
            run,
            jobs: vec![job],
        }
    }

    fn crash_loop(exits: Vec<ContainerExit>) -> ContainerLogDigest {
        ContainerLogDigest {
            container_id: "a".repeat(64),
            name: "crashy".into(),
            image: "app:1".into(),
            lines: 4,
            templates: vec![TemplateCount {
                template: "starting attempt <*>".into(),
                count: 2,
                severity: Severity::Info,
                examples: vec![],
                first_seen_unix_ms: ms(0),
                last_seen_unix_ms: ms(10),
                novel: false,
                burst: false,
            }],
            condition: Some(ContainerCondition {
                status: "running".into(),
                restart_count: 7,
                // Inspect read mid-restart: Docker says 0 until the next exit.
                exit_code: Some(0),
                started_at_unix_ms: ms(31),
                finished_at_unix_ms: ms(30),
                restart_policy: "always".into(),
                exits,
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    fn exit(seconds: i64, templates: &[&str]) -> ContainerExit {
        ContainerExit {
            at_unix_ms: ms(seconds),
            exit_code: Some(3),
            oom_killed: false,
            last_templates: templates.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn each_exit_is_listed_with_its_numbered_template_sequence() {
        let exits = vec![
            exit(10, &["starting attempt <*>", "fatal: config missing"]),
            ContainerExit {
                oom_killed: true,
                exit_code: None,
                ..exit(20, &[])
            },
            exit(30, &["starting attempt <*>", "fatal: config missing"]),
        ];
        let report = crate::build(&run_with(crash_loop(exits)));
        let (markdown, json) = crate::render_report(&report).expect("renders");
        let section = markdown
            .split("\n#### ")
            .find(|s| s.contains("crashy (app:1)"))
            .expect("the container's section");
        assert!(
            section.contains(
                "- **exit 3** at 2026-12-03T03:00:10Z, after:\n  \
                 1. `starting attempt <*>` ([t1](#t1))\n  \
                 2. `fatal: config missing`\n"
            ),
            "{section}"
        );
        assert!(
            section.contains(
                "- **exit code unknown** at 2026-12-03T03:00:20Z, OOM-killed; no line read was \
                 logged before it\n"
            ),
            "{section}"
        );
        // The last exit's code is the events', not inspect's "0" read mid-restart.
        assert!(
            section.contains("last exit code 3, last exit at 2026-12-03T03:00:30Z"),
            "{section}"
        );
        let exits = &json["incidents"][0]["exits"];
        assert_eq!(exits.as_array().map(Vec::len), Some(3), "{json}");
        assert_eq!(exits[0]["exit_code"], 3);
        assert_eq!(exits[1]["oom_killed"], true);
        assert_eq!(exits[1]["exit_code"], serde_json::Value::Null);
        assert_eq!(
            exits[2]["last_templates"],
            serde_json::json!(["starting attempt <*>", "fatal: config missing"])
        );
    }

    #[test]
    fn a_hostile_agents_exits_are_capped_redacted_and_cannot_shape_the_markdown() {
        let hostile = [
            "` </a><script>alert(1)</script> [click](https://evil.example) |x|",
            "\u{1b}[31mred\u{1b}[0m\nline two",
            "password=hunter2hunter2 token=abcdefabcdefabcdef0123",
        ];
        let mut lines: Vec<&str> = vec!["filler"; 20];
        lines.extend(hostile);
        let exits: Vec<ContainerExit> = (0..40).map(|i| exit(100 - i, &lines)).collect();
        let report = crate::build(&run_with(crash_loop(exits)));
        let (markdown, json) = crate::render_report(&report).expect("renders");
        for digest_or_incident in [
            &json["log_triage"][0]["containers"][0]["condition"]["exits"],
            &json["incidents"][0]["exits"],
        ] {
            let exits = digest_or_incident.as_array().expect("exits");
            assert_eq!(exits.len(), ContainerCondition::MAX_EXITS);
            let at: Vec<i64> = exits
                .iter()
                .map(|e| e["at_unix_ms"].as_i64().expect("a time"))
                .collect();
            assert_eq!(at, [ms(96), ms(97), ms(98), ms(99), ms(100)]);
            for e in exits {
                let templates = e["last_templates"].as_array().expect("templates");
                assert_eq!(templates.len(), ContainerExit::MAX_LINES);
            }
        }
        assert!(!json.to_string().contains("hunter2hunter2"), "{json}");
        assert!(
            !json.to_string().contains("abcdefabcdefabcdef0123"),
            "{json}"
        );
        assert!(!markdown.contains("hunter2hunter2"), "{markdown}");
        assert!(!markdown.contains('\u{1b}'), "{markdown}");
        let section = markdown
            .split("\n#### ")
            .find(|s| s.contains("crashy (app:1)"))
            .expect("the container's section");
        // Every template line is one list item holding one code span: the backticks fence it,
        // the line break is gone, and the pipe is escaped.
        let items: Vec<&str> = section.lines().filter(|l| l.starts_with("  ")).collect();
        assert_eq!(items.len(), 5 * 5, "{section}");
        for item in &items {
            let body = item.trim_start().split_once(". ").expect("numbered").1;
            assert!(body.starts_with('`') && body.ends_with('`'), "{item}");
        }
        assert!(
            section.contains(
                "  3. `` ` </a><script>alert(1)</script> [click](https://evil.example) \\|x\\| ``\n"
            ),
            "{section}"
        );
    }
}
