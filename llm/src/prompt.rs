//! The triage prompt: every template of every host's digest gets a stable id (`t1`, `t2`, …), is
//! redacted again, and is ranked so that every error template comes before any warning, every
//! warning before any info line; the ranked lines are then cut to a token budget.
//!
//! Token counts are estimated as characters divided by a characters-per-token ratio that the
//! caller calibrates from the server's reported `prompt_tokens` (see `Llm::calibrate`), because
//! the OpenAI API has no standard tokenizer endpoint. Pure: no IO.

use std::collections::BTreeSet;

use cyberbrain_report::triage::TemplateRef;
use cyberbrain_tasks::Severity;

/// How a severity ranks in the prompt: lower first.
fn rank(severity: Severity) -> u8 {
    match severity {
        Severity::Fatal => 0,
        Severity::Error => 1,
        Severity::Warn => 2,
        Severity::Unknown => 3,
        Severity::Info => 4,
        Severity::Debug => 5,
    }
}

/// Orders templates for the prompt: by severity, then new or bursting ones, then by count.
pub fn prioritized(templates: &[TemplateRef]) -> Vec<&TemplateRef> {
    let mut ranked: Vec<&TemplateRef> = templates.iter().collect();
    ranked.sort_by(|a, b| {
        rank(a.severity)
            .cmp(&rank(b.severity))
            .then((b.novel || b.burst).cmp(&(a.novel || a.burst)))
            .then(b.count.cmp(&a.count))
    });
    ranked
}

/// A prompt ready to send, with what the answer may refer to.
#[derive(Debug, Clone)]
pub struct Prompt {
    /// The system message: instructions and the answer's schema.
    pub system: String,
    /// The user message: the ranked template lines.
    pub user: String,
    /// Ids of the templates included; evidence must cite these.
    pub template_ids: BTreeSet<String>,
    /// Hosts of the templates included.
    pub hosts: BTreeSet<String>,
    /// Containers of the templates included.
    pub containers: BTreeSet<String>,
    /// Templates included.
    pub included: usize,
    /// Templates cut for the budget.
    pub omitted: usize,
    /// The estimate of the whole prompt's tokens.
    pub estimated_tokens: u32,
}

impl Prompt {
    /// Characters in both messages, for calibrating the token estimate.
    pub fn chars(&self) -> usize {
        self.system.chars().count() + self.user.chars().count()
    }
}

/// The instructions. The schema is spelled out because JSON mode alone only promises JSON.
pub const SYSTEM_PROMPT: &str = "You triage container logs for an operator. You get message \
templates mined from the logs of several hosts, most severe first. Each line is: id [severity] \
container@host xCOUNT flags: template | e.g. example. Answer with one JSON object and nothing \
else: {\"findings\": [{\"title\": string, \"severity\": \"critical\"|\"high\"|\"medium\"|\"low\", \
\"hosts\": [host], \"containers\": [container], \"evidence\": [template id], \"next_steps\": \
[string]}]}. Cite only ids, hosts and containers that appear in the input. At most 10 findings, \
most important first. An empty list is a valid answer when nothing is wrong.";

/// Tokens added per message by chat templates (role markers), counted as overhead.
const PER_MESSAGE_OVERHEAD_TOKENS: u32 = 8;

/// Estimated tokens of `chars` characters.
pub fn estimate_tokens(chars: usize, chars_per_token: f64) -> u32 {
    (chars as f64 / chars_per_token.max(0.1)).ceil() as u32
}

/// Builds the prompt from `templates` (already filtered to those that may leave), keeping the
/// highest-ranked lines that fit `budget_tokens` in total. Lines are taken strictly in rank order:
/// once one does not fit, no lower-ranked line is added, so an info line never displaces an error.
pub fn build(templates: &[TemplateRef], budget_tokens: u32, chars_per_token: f64) -> Prompt {
    let ranked = prioritized(templates);
    let hosts_total: BTreeSet<&str> = templates.iter().map(|t| t.agent.as_str()).collect();
    let header = format!(
        "Log digests from {} host(s), {} template(s), most severe first:\n",
        hosts_total.len(),
        templates.len()
    );
    // Room for the "omitted" footer, so adding it never breaks the budget.
    let footer_reserve = 80;
    let fixed = SYSTEM_PROMPT.chars().count() + header.chars().count() + footer_reserve;
    let mut used_tokens = estimate_tokens(fixed, chars_per_token) + 2 * PER_MESSAGE_OVERHEAD_TOKENS;
    let mut user = header;
    let mut prompt_ids = BTreeSet::new();
    let mut hosts = BTreeSet::new();
    let mut containers = BTreeSet::new();
    let mut included = 0;
    for t in &ranked {
        let line = line_for(t);
        let cost = estimate_tokens(line.chars().count(), chars_per_token);
        if used_tokens + cost > budget_tokens {
            break;
        }
        used_tokens += cost;
        user.push_str(&line);
        prompt_ids.insert(t.id.clone());
        hosts.insert(t.agent.clone());
        containers.insert(t.container.clone());
        included += 1;
    }
    let omitted = ranked.len() - included;
    if omitted > 0 {
        user.push_str(&format!(
            "({omitted} lower-ranked template(s) omitted to fit the token budget)\n"
        ));
    }
    let mut prompt = Prompt {
        system: SYSTEM_PROMPT.to_string(),
        user,
        template_ids: prompt_ids,
        hosts,
        containers,
        included,
        omitted,
        estimated_tokens: 0,
    };
    prompt.estimated_tokens =
        estimate_tokens(prompt.chars(), chars_per_token) + 2 * PER_MESSAGE_OVERHEAD_TOKENS;
    prompt
}

fn line_for(t: &TemplateRef) -> String {
    let mut flags = Vec::new();
    if t.novel {
        flags.push("new");
    }
    if t.burst {
        flags.push("burst");
    }
    let mut line = format!(
        "{} [{}] {}@{} x{}{}{}: {}",
        t.id,
        t.severity.as_str(),
        t.container,
        t.agent,
        t.count,
        if flags.is_empty() { "" } else { " " },
        flags.join(" "),
        t.template
    );
    if let Some(example) = &t.example {
        line.push_str(" | e.g. ");
        line.push_str(example);
    }
    line.push('\n');
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use cyberbrain_report::triage::{MAX_TEMPLATE_CHARS, clean};

    fn template(id: usize, severity: Severity, count: u64, text: &str) -> TemplateRef {
        TemplateRef {
            id: format!("t{id}"),
            agent: "host-a".into(),
            container: "web".into(),
            image: "busybox".into(),
            severity,
            count,
            template: clean(text, MAX_TEMPLATE_CHARS),
            example: None,
            first_seen_unix_ms: 0,
            last_seen_unix_ms: 0,
            novel: false,
            burst: false,
            fingerprint: String::new(),
            refined_template: None,
        }
    }

    #[test]
    fn every_error_fits_before_any_info_line() {
        let mut templates = Vec::new();
        for i in 0..40 {
            // Info lines are far more frequent: frequency must not beat severity.
            templates.push(template(
                i,
                Severity::Info,
                10_000 + i as u64,
                "GET /health 200 in <*> ms",
            ));
        }
        for i in 40..50 {
            templates.push(template(
                i,
                Severity::Error,
                3,
                "connection to <*> refused after <*> retries",
            ));
        }
        // Enough for the errors and a few info lines, not all of them.
        let prompt = build(&templates, 700, 3.0);
        assert!(prompt.omitted > 0, "the budget must cut something");
        for i in 40..50 {
            assert!(
                prompt.template_ids.contains(&format!("t{i}")),
                "error t{i} missing"
            );
        }
        assert!(
            prompt.estimated_tokens <= 700,
            "{}",
            prompt.estimated_tokens
        );
        let first_info = prompt.user.find("[info]").unwrap_or(usize::MAX);
        let last_error = prompt.user.rfind("[error]").unwrap_or(0);
        assert!(last_error < first_info);
        assert!(prompt.user.contains("omitted to fit the token budget"));
    }

    #[test]
    fn the_budget_holds_for_any_ratio() {
        let templates: Vec<TemplateRef> = (0..200)
            .map(|i| {
                template(
                    i,
                    Severity::Warn,
                    i as u64,
                    "slow query on table <*> took <*> ms",
                )
            })
            .collect();
        for ratio in [1.0, 2.5, 4.0] {
            for budget in [300, 1000, 5000] {
                let p = build(&templates, budget, ratio);
                // A budget smaller than the instructions admits no template; the caller skips
                // the call then.
                if p.included > 0 {
                    assert!(
                        p.estimated_tokens <= budget,
                        "ratio {ratio} budget {budget}: {}",
                        p.estimated_tokens
                    );
                }
                assert!(
                    budget < 5000 || p.included > 0,
                    "ratio {ratio} budget {budget}"
                );
            }
        }
    }

    #[test]
    fn secrets_are_redacted_before_the_prompt() {
        let t = template(
            1,
            Severity::Error,
            1,
            "login failed password=hunter2hunter2 for admin",
        );
        let p = build(&[t], 1000, 3.0);
        assert!(!p.user.contains("hunter2hunter2"), "{}", p.user);
    }

    #[test]
    fn new_and_bursting_templates_lead_within_a_severity() {
        let mut a = template(1, Severity::Error, 100, "a");
        let mut b = template(2, Severity::Error, 1, "b");
        b.novel = true;
        a.burst = false;
        let both = [a, b];
        let ranked = prioritized(&both);
        assert_eq!(ranked[0].id, "t2");
    }
}
