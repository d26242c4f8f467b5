//! Messages rendered at send time from the run's stored report: the outbox holds references only.
//!
//! Everything taken from the report was written by agents, containers or an LLM, so it is
//! hostile: redacted and cut again (`report::triage::clean`, which also drops control
//! characters), then escaped for the sink's markup (Slack mrkdwn, GitHub Markdown).

use chrono::{DateTime, Utc};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use cyberbrain_model::notifications::EventKind;
use cyberbrain_report::triage::clean;

/// The most failed jobs and new error templates a message lists.
const MAX_ITEMS: usize = 10;
/// Longest single text taken from the report (an error, a template).
const MAX_TEXT: usize = 300;

/// The parts of a stored report a message uses; the rest is ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct StoredReport {
    target: String,
    jobs: Vec<StoredJob>,
    triage: StoredTriage,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct StoredJob {
    agent: String,
    task_type: String,
    status: String,
    error: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct StoredTriage {
    summary: StoredSummary,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct StoredSummary {
    new_templates: Vec<StoredTemplate>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct StoredTemplate {
    id: String,
    agent: String,
    container: String,
    severity: String,
    count: u64,
    template: String,
}

/// A failed job, cleaned.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FailedJob {
    /// Agent name.
    pub agent: String,
    /// Task type.
    pub task: String,
    /// Final status.
    pub status: String,
    /// Its error, redacted and cut.
    pub error: String,
}

/// A new error template, cleaned.
#[derive(Debug, Clone, serde::Serialize)]
pub struct NewError {
    /// The template's id within its run's report (`t1`, …).
    pub id: String,
    /// Agent name.
    pub agent: String,
    /// Container.
    pub container: String,
    /// Lines it matched.
    pub count: u64,
    /// The template, redacted and cut.
    pub template: String,
}

/// One message, whatever the sink.
#[derive(Debug, Clone)]
pub struct Message {
    /// The event.
    pub event: EventKind,
    /// The run.
    pub run_id: uuid::Uuid,
    /// Its directive, if any.
    pub directive: Option<String>,
    /// Final status.
    pub status: String,
    /// End time.
    pub finished_at: Option<DateTime<Utc>>,
    /// When the event was recorded (the message written): the same for every attempt.
    pub occurred_at: DateTime<Utc>,
    /// Target in short form.
    pub target: String,
    /// Jobs in the run.
    pub jobs_total: usize,
    /// Failed jobs (at most [`MAX_ITEMS`]).
    pub failed_jobs: Vec<FailedJob>,
    /// New error templates (at most [`MAX_ITEMS`]).
    pub new_errors: Vec<NewError>,
    /// What makes repeats of the same problem one GitHub issue: the directive for run events,
    /// the first new error template for `finding.new_error`.
    pub fingerprint: String,
}

/// Builds the message for `event` from the run's stored report.
pub fn message(
    event: EventKind,
    run_id: uuid::Uuid,
    directive: Option<String>,
    status: String,
    finished_at: Option<DateTime<Utc>>,
    occurred_at: DateTime<Utc>,
    report_json: &serde_json::Value,
) -> Message {
    let stored: StoredReport = serde_json::from_value(report_json.clone()).unwrap_or_default();
    let failed_jobs = stored
        .jobs
        .iter()
        .filter(|j| j.status != "succeeded")
        .take(MAX_ITEMS)
        .map(|j| FailedJob {
            agent: clean(&j.agent, 64),
            task: clean(&j.task_type, 32),
            status: clean(&j.status, 16),
            error: clean(j.error.as_deref().unwrap_or_default(), MAX_TEXT),
        })
        .collect();
    let new_errors: Vec<NewError> = stored
        .triage
        .summary
        .new_templates
        .iter()
        .filter(|t| matches!(t.severity.as_str(), "fatal" | "error"))
        .take(MAX_ITEMS)
        .map(|t| NewError {
            id: clean(&t.id, 64),
            agent: clean(&t.agent, 64),
            container: clean(&t.container, 128),
            count: t.count,
            template: clean(&t.template, MAX_TEXT),
        })
        .collect();
    let fingerprint_source = match event {
        EventKind::FindingNewError => match new_errors.first() {
            // Template ids are per run (`t1`, `t2`, …): the container and the template's text
            // name the same problem across runs and hosts.
            Some(t) => format!("template:{}:{}", t.container, t.template),
            None => format!("run:{run_id}"),
        },
        EventKind::RunFailed | EventKind::RunPartiallyFailed => match &directive {
            Some(d) => format!("directive:{d}"),
            None => "directive:(ad hoc)".to_string(),
        },
    };
    let digest = Sha256::digest(fingerprint_source.as_bytes());
    let fingerprint = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
    Message {
        event,
        run_id,
        directive: directive.map(|d| clean(&d, 128)),
        status,
        finished_at,
        occurred_at,
        target: clean(&stored.target, 200),
        jobs_total: stored.jobs.len(),
        failed_jobs,
        new_errors,
        fingerprint,
    }
}

impl Message {
    /// A test message (`cbctl notify test`): a made-up failed run, nil id, fingerprint `test`.
    pub fn test() -> Message {
        let now = Utc::now();
        Message {
            event: EventKind::RunFailed,
            run_id: uuid::Uuid::nil(),
            directive: Some("cyberbrain-test".into()),
            status: "failed".into(),
            finished_at: Some(now),
            occurred_at: now,
            target: "test message from cbctl notify test".into(),
            jobs_total: 0,
            failed_jobs: Vec::new(),
            new_errors: Vec::new(),
            fingerprint: "test".into(),
        }
    }

    /// A one-line headline, plain text.
    pub fn headline(&self) -> String {
        let what = self.directive.as_deref().unwrap_or("ad-hoc run");
        match self.event {
            EventKind::RunFailed => format!("Run of {what} failed"),
            EventKind::RunPartiallyFailed => format!("Run of {what} partially failed"),
            EventKind::FindingNewError => match self.new_errors.first() {
                Some(t) => format!("New error in {} on {} ({what})", t.container, t.agent),
                None => format!("New error in a run of {what}"),
            },
        }
    }

    /// The generic webhook's JSON body: the Standard Webhooks payload shape (`type`,
    /// `timestamp` of the event, `data`), the same bytes on every attempt.
    pub fn webhook_json(&self) -> serde_json::Value {
        serde_json::json!({
            "type": self.event.as_str(),
            "timestamp": self.occurred_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            "data": {
                "run_id": self.run_id,
                "directive": self.directive,
                "status": self.status,
                "finished_at": self.finished_at,
                "target": self.target,
                "jobs_total": self.jobs_total,
                "failed_jobs": self.failed_jobs,
                "new_errors": self.new_errors,
                "fingerprint": self.fingerprint,
            }
        })
    }

    /// The Slack incoming-webhook body: `text` (the fallback and notification line) and blocks,
    /// within Slack's limits (header 150 characters, section text 3000, 50 blocks).
    pub fn slack_json(&self) -> serde_json::Value {
        let headline = cut(&self.headline(), 150);
        let mut blocks = vec![
            serde_json::json!({"type": "header", "text": {"type": "plain_text", "text": headline}}),
            serde_json::json!({"type": "section", "text": {"type": "mrkdwn", "text": cut(&format!(
                "*Run* `{}` · *status* {} · *target* {} · {} job(s)",
                self.run_id,
                slack_escape(&self.status),
                slack_escape(&self.target),
                self.jobs_total
            ), 3000)}}),
        ];
        let mut lines = Vec::new();
        for j in &self.failed_jobs {
            lines.push(format!(
                "• {} / {}: {} {}",
                slack_escape(&j.agent),
                slack_escape(&j.task),
                slack_escape(&j.status),
                slack_code(&j.error)
            ));
        }
        for t in &self.new_errors {
            lines.push(format!(
                "• new error ×{} in {} on {}: {}",
                t.count,
                slack_escape(&t.container),
                slack_escape(&t.agent),
                slack_code(&t.template)
            ));
        }
        if !lines.is_empty() {
            blocks.push(
                serde_json::json!({"type": "section", "text": {"type": "mrkdwn",
                "text": cut(&lines.join("\n"), 3000)}}),
            );
        }
        serde_json::json!({"text": slack_escape(&headline), "blocks": blocks})
    }

    /// The GitHub issue's title (at most 256 characters) and the Markdown body of the issue or
    /// the comment.
    pub fn github_issue(&self) -> (String, String) {
        let title = cut(&format!("[cyberbrain] {}", self.headline()), 256);
        let mut body = format!(
            "**{}** · run `{}` · status {} · target {} · {} job(s)\n",
            self.event.as_str(),
            self.run_id,
            md_escape(&self.status),
            md_escape(&self.target),
            self.jobs_total
        );
        if let Some(at) = self.finished_at {
            body.push_str(&format!(
                "\nFinished {}.\n",
                at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            ));
        }
        if !self.failed_jobs.is_empty() {
            body.push_str("\n| agent | task | status | error |\n|---|---|---|---|\n");
            for j in &self.failed_jobs {
                body.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    md_escape(&j.agent),
                    md_escape(&j.task),
                    md_escape(&j.status),
                    md_code(&j.error)
                ));
            }
        }
        if !self.new_errors.is_empty() {
            body.push_str("\n| agent | container | count | template |\n|---|---|---|---|\n");
            for t in &self.new_errors {
                body.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    md_escape(&t.agent),
                    md_escape(&t.container),
                    t.count,
                    md_code(&t.template)
                ));
            }
        }
        body.push_str(&format!(
            "\n`cbctl run report {}` has the full report.\n",
            self.run_id
        ));
        (title, cut(&body, 60_000))
    }
}

/// At most `max` characters, with `…` when cut.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Slack mrkdwn: `&`, `<`, `>` are its control characters (links, mentions).
pub fn slack_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Text in a Slack code span (a backtick inside would end it).
fn slack_code(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    format!("`{}`", slack_escape(&text.replace('`', "'")))
}

/// GitHub Markdown: every ASCII punctuation mark that could start markup is backslash-escaped
/// (links, images, emphasis, HTML, tables), and `@` so that no one is mentioned.
pub fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '<' | '>' | '~' | '@' | '&' | ':' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Text in a Markdown code span inside a table cell: no backtick, pipe or line ending (nor
/// other control character) can end it.
fn md_code(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let inner: String = text
        .chars()
        .map(|c| match c {
            '`' => '\'',
            '|' => '¦',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    format!("`{inner}`")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> serde_json::Value {
        serde_json::json!({
            "target": "all",
            "jobs": [
                {"agent": "a1 [x](http://evil) @here", "task_type": "log_triage", "status": "failed",
                 "error": "boom <!channel> [x](http://evil) @here password=hunter2"},
                {"agent": "a2", "task_type": "log_triage", "status": "succeeded"}
            ],
            "triage": {"summary": {"new_templates": [
                {"id": "t1", "agent": "a1", "container": "web", "severity": "error",
                 "count": 3, "template": "panic at `<*>` | x"}]}}
        })
    }

    #[test]
    fn hostile_text_cannot_shape_slack_or_github_markup() {
        let m = message(
            EventKind::RunFailed,
            uuid::Uuid::nil(),
            Some("nightly".into()),
            "failed".into(),
            None,
            Utc::now(),
            &report(),
        );
        assert_eq!(m.failed_jobs.len(), 1);
        let slack = m.slack_json().to_string();
        assert!(!slack.contains("<!channel>"), "{slack}");
        assert!(!slack.contains("hunter2"), "{slack}");
        let (title, body) = m.github_issue();
        assert!(title.starts_with("[cyberbrain] Run of nightly failed"));
        // Plain text is escaped; the error is in a code span, where nothing renders.
        assert!(
            body.contains("a1 \\[x\\]\\(http\\://evil\\) \\@here"),
            "{body}"
        );
        assert!(
            body.contains("`boom <!channel> [x](http://evil) @here password=[REDACTED]`"),
            "{body}"
        );
        assert!(
            body.contains("¦ x"),
            "a pipe cannot end a table cell: {body}"
        );
    }

    #[test]
    fn fingerprints_follow_the_directive_or_the_template() {
        let one = |event, directive: &str| {
            message(
                event,
                uuid::Uuid::new_v4(),
                Some(directive.into()),
                "failed".into(),
                None,
                Utc::now(),
                &report(),
            )
            .fingerprint
        };
        assert_eq!(
            one(EventKind::RunFailed, "a"),
            one(EventKind::RunFailed, "a")
        );
        assert_ne!(
            one(EventKind::RunFailed, "a"),
            one(EventKind::RunFailed, "b")
        );
        assert_eq!(
            one(EventKind::FindingNewError, "a"),
            one(EventKind::FindingNewError, "b")
        );
    }

    #[test]
    fn slack_stays_within_its_limits() {
        let mut big = report();
        big["jobs"][0]["error"] = serde_json::json!("x".repeat(10_000));
        let m = message(
            EventKind::RunFailed,
            uuid::Uuid::nil(),
            Some("d".repeat(400)),
            "failed".into(),
            None,
            Utc::now(),
            &big,
        );
        let slack = m.slack_json();
        let blocks = slack["blocks"].as_array().unwrap();
        assert!(blocks.len() <= 50);
        assert!(blocks[0]["text"]["text"].as_str().unwrap().chars().count() <= 150);
        for b in &blocks[1..] {
            assert!(b["text"]["text"].as_str().unwrap().chars().count() <= 3000);
        }
    }

    #[test]
    fn line_endings_cannot_break_out_of_a_table_cell() {
        let hostile = "boom\r\n\n| x | y |\r![img](https://evil.example/p.png) @org/team\u{0}`";
        let code = md_code(hostile);
        assert!(!code.contains(['\r', '\n', '\u{0}', '|']), "{code:?}");
        assert_eq!(code.matches('`').count(), 2, "{code:?}");
        assert!(
            code.starts_with("`boom ") && code.ends_with("'`"),
            "{code:?}"
        );
        let escaped = md_escape("a\rb\nc");
        assert_eq!(escaped, "a b c");
    }
}
