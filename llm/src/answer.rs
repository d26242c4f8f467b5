//! The LLM's answer: parsed and validated against the prompt it answers, so that only findings
//! that cite templates, hosts and containers the prompt contained reach the report.

use cyberbrain_report::triage::{Finding, clean};
use serde::Deserialize;

use crate::prompt::Prompt;

#[derive(Deserialize)]
struct Answer {
    findings: Vec<Finding>,
}

/// Findings in an answer at the most.
const MAX_FINDINGS: usize = 20;
/// The longest title or next step kept.
const MAX_FINDING_TEXT: usize = 300;

/// Parses and validates the LLM's answer against what the prompt contained. The error names the
/// field at fault and never quotes the answer.
pub fn validate(answer: &str, prompt: &Prompt) -> Result<Vec<Finding>, String> {
    let text = strip_code_fence(answer.trim());
    let parsed: Answer = serde_json::from_str(text).map_err(|e| {
        format!(
            "answer: not the expected JSON object ({})",
            e.classify_name()
        )
    })?;
    if parsed.findings.len() > MAX_FINDINGS {
        return Err(format!("findings: more than {MAX_FINDINGS}"));
    }
    let mut findings = Vec::with_capacity(parsed.findings.len());
    for (i, mut f) in parsed.findings.into_iter().enumerate() {
        let field = |name: &str| format!("findings[{i}].{name}");
        if f.title.trim().is_empty() {
            return Err(format!("{}: empty", field("title")));
        }
        f.severity = f.severity.trim().to_ascii_lowercase();
        if !matches!(f.severity.as_str(), "critical" | "high" | "medium" | "low") {
            return Err(format!(
                "{}: not critical, high, medium or low",
                field("severity")
            ));
        }
        if f.evidence.is_empty() {
            return Err(format!("{}: empty", field("evidence")));
        }
        if let Some(bad) = f
            .evidence
            .iter()
            .position(|id| !prompt.template_ids.contains(id))
        {
            return Err(format!(
                "{}[{bad}]: not a template id of the prompt",
                field("evidence")
            ));
        }
        if let Some(bad) = f.hosts.iter().position(|h| !prompt.hosts.contains(h)) {
            return Err(format!(
                "{}[{bad}]: not a host of the prompt",
                field("hosts")
            ));
        }
        if let Some(bad) = f
            .containers
            .iter()
            .position(|c| !prompt.containers.contains(c))
        {
            return Err(format!(
                "{}[{bad}]: not a container of the prompt",
                field("containers")
            ));
        }
        // What goes into the report is redacted and bounded like every other quoted text.
        f.title = clean(&f.title, MAX_FINDING_TEXT);
        f.next_steps = f
            .next_steps
            .iter()
            .take(10)
            .map(|s| clean(s, MAX_FINDING_TEXT))
            .collect();
        findings.push(f);
    }
    Ok(findings)
}

trait ClassifyName {
    fn classify_name(&self) -> &'static str;
}

impl ClassifyName for serde_json::Error {
    fn classify_name(&self) -> &'static str {
        match self.classify() {
            serde_json::error::Category::Io => "io",
            serde_json::error::Category::Syntax => "syntax error",
            serde_json::error::Category::Data => "wrong shape",
            serde_json::error::Category::Eof => "cut short",
        }
    }
}

/// Models often wrap JSON in a Markdown code fence despite being told not to: the text inside
/// one, else the text as it is.
pub(crate) fn strip_code_fence(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("```") else {
        return text;
    };
    let rest = rest.strip_prefix("json").unwrap_or(rest);
    rest.strip_suffix("```").unwrap_or(rest).trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prompt::build;
    use cyberbrain_report::HostLogTriage;
    use cyberbrain_report::triage::catalogue;
    use cyberbrain_tasks::{ContainerLogDigest, Severity, TemplateCount};

    /// One host, one container, one error template (`t1`) whose example carries a secret.
    fn one_template() -> Vec<HostLogTriage> {
        let template = TemplateCount {
            template: "upstream <*> timed out".into(),
            count: 50,
            severity: Severity::Error,
            examples: vec!["upstream 10.0.0.7 timed out token=abcdefabcdefabcdef".into()],
            first_seen_unix_ms: 0,
            last_seen_unix_ms: 0,
            novel: false,
            burst: true,
        };
        let container = ContainerLogDigest {
            name: "web".into(),
            templates: vec![template],
            ..Default::default()
        };
        vec![HostLogTriage {
            agent: "host-a".into(),
            containers: vec![container],
            skipped_containers: 0,
        }]
    }

    #[test]
    fn answers_are_validated_against_the_prompt() {
        let prompt = build(&catalogue(&one_template(), None), 2000, 3.0);
        assert!(
            !prompt.user.contains("abcdefabcdefabcdef"),
            "examples are redacted"
        );
        let good = r#"```json
        {"findings":[{"title":"Upstream timeouts","severity":"High","hosts":["host-a"],
          "containers":["web"],"evidence":["t1"],"next_steps":["check upstream"]}]}
        ```"#;
        let findings = validate(good, &prompt).expect("valid");
        assert_eq!(findings[0].severity, "high");
        for (bad, field) in [
            ("not json", "answer"),
            (
                r#"{"findings":[{"title":"","severity":"high","evidence":["t1"]}]}"#,
                "findings[0].title",
            ),
            (
                r#"{"findings":[{"title":"x","severity":"meh","evidence":["t1"]}]}"#,
                "findings[0].severity",
            ),
            (
                r#"{"findings":[{"title":"x","severity":"low","evidence":["t99"]}]}"#,
                "findings[0].evidence[0]",
            ),
            (
                r#"{"findings":[{"title":"x","severity":"low","evidence":["t1"],"hosts":["nope"]}]}"#,
                "findings[0].hosts[0]",
            ),
        ] {
            let e = validate(bad, &prompt).expect_err(bad);
            assert!(e.starts_with(field), "{bad}: {e}");
            assert!(
                !e.contains("nope") && !e.contains("meh"),
                "errors never quote the answer: {e}"
            );
        }
        assert_eq!(validate(r#"{"findings":[]}"#, &prompt), Ok(vec![]));
    }
}
