//! `cbctl notify create|list|get|delete|enable|test`: notification rules.
//!
//! `create NAME --on EVENTS (--directive D | --all) --to KIND TARGET`. A webhook URL is a secret:
//! give `-` as TARGET to read it from stdin (it then stays out of shell history and `ps`); the
//! controller never shows it again. For the webhook sink the signing secret is printed once.

use std::io::Read as _;
use std::path::PathBuf;

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::notification_service_client::NotificationServiceClient;
use serde::Serialize;

use super::Context;
use crate::output::{self, Format};

#[derive(Debug, clap::Subcommand)]
pub enum Verb {
    /// Send run events to Slack, a signed webhook or GitHub issues.
    #[command(group(clap::ArgGroup::new("scope").required(true).args(["directive", "all"])))]
    Create {
        /// Rule name (unique).
        name: String,
        /// Events, comma-separated: run.failed, run.partially_failed, finding.new_error.
        #[arg(long, value_delimiter = ',', required = true, value_parser = ["run.failed", "run.partially_failed", "finding.new_error"])]
        on: Vec<String>,
        /// Only runs of this directive.
        #[arg(long)]
        directive: Option<String>,
        /// Every run, ad-hoc ones included.
        #[arg(long)]
        all: bool,
        /// The sink and its target: `slack URL`, `webhook URL` or `github OWNER/REPO`; `-` as
        /// the URL reads it from stdin.
        #[arg(long, num_args = 2, value_names = ["KIND", "TARGET"], required = true)]
        to: Vec<String>,
        /// GitHub sink: a file holding a token that may open issues and comment [or
        /// CYBERBRAIN_GITHUB_TOKEN].
        #[arg(long)]
        github_token_file: Option<PathBuf>,
        /// GitHub sink: the REST API root [default: https://api.github.com].
        #[arg(long)]
        github_api_url: Option<String>,
    },
    /// List rules, with their delivery state (active, failing, disabled).
    List,
    /// Show one rule.
    Get {
        /// Rule name.
        name: String,
    },
    /// Delete a rule and its undelivered messages.
    Delete {
        /// Rule name.
        name: String,
        #[command(flatten)]
        yes: crate::confirm::Yes,
    },
    /// Send a test message to a rule's target now and show how it answered (exit 1 if it did
    /// not take it).
    Test {
        /// Rule name.
        name: String,
    },
    /// Enable a rule that was disabled after failing for too long.
    Enable {
        /// Rule name.
        name: String,
    },
}

#[derive(Debug, Serialize)]
struct RuleView {
    name: String,
    events: Vec<String>,
    directive: Option<String>,
    sink: String,
    target: String,
    state: String,
    failing_since: Option<chrono::DateTime<chrono::Utc>>,
    disabled_at: Option<chrono::DateTime<chrono::Utc>>,
    last_success_at: Option<chrono::DateTime<chrono::Utc>>,
    last_error: Option<String>,
    pending: u64,
    delivered: u64,
    failed: u64,
    created_at: Option<chrono::DateTime<chrono::Utc>>,
    created_by: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    signing_secret: Option<String>,
}

impl From<&pb::NotificationRule> for RuleView {
    fn from(r: &pb::NotificationRule) -> Self {
        RuleView {
            name: r.name.clone(),
            events: r.events.clone(),
            directive: (!r.all_directives).then(|| r.directive.clone()),
            sink: match pb::NotificationSink::try_from(r.sink) {
                Ok(pb::NotificationSink::Slack) => "slack",
                Ok(pb::NotificationSink::Webhook) => "webhook",
                Ok(pb::NotificationSink::Github) => "github",
                _ => "unknown",
            }
            .to_string(),
            target: r.target.clone(),
            state: r.state.clone(),
            failing_since: output::time(&r.failing_since),
            disabled_at: output::time(&r.disabled_at),
            last_success_at: output::time(&r.last_success_at),
            last_error: (!r.last_error.is_empty()).then(|| r.last_error.clone()),
            pending: r.pending,
            delivered: r.delivered,
            failed: r.failed,
            created_at: output::time(&r.created_at),
            created_by: r.created_by.clone(),
            signing_secret: None,
        }
    }
}

const HEADER: [&str; 7] = [
    "NAME",
    "EVENTS",
    "RUNS OF",
    "SINK",
    "TARGET",
    "STATE",
    "PENDING/DELIVERED/FAILED",
];
const WIDE_HEADER: [&str; 8] = [
    "NAME",
    "EVENTS",
    "RUNS OF",
    "SINK",
    "TARGET",
    "STATE",
    "PENDING/DELIVERED/FAILED",
    "LAST ERROR",
];

fn state_cell(v: &RuleView) -> String {
    let at = |t: &Option<chrono::DateTime<chrono::Utc>>| {
        t.map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_default()
    };
    match v.state.as_str() {
        "disabled" => format!("disabled since {} (failing)", at(&v.disabled_at)),
        "failing" => format!("failing since {}", at(&v.failing_since)),
        other => other.to_string(),
    }
}

fn row(v: &RuleView, wide: bool) -> Vec<String> {
    let mut cells = vec![
        v.name.clone(),
        v.events.join(","),
        v.directive.clone().unwrap_or_else(|| "(all)".into()),
        v.sink.clone(),
        v.target.clone(),
        state_cell(v),
        format!("{}/{}/{}", v.pending, v.delivered, v.failed),
    ];
    if wide {
        cells.push(v.last_error.clone().unwrap_or_default());
    }
    cells
}

/// The URL from stdin when it is `-`, else as given.
fn target_value(kind: &str, given: String) -> anyhow::Result<String> {
    if given != "-" || kind == "github" {
        return Ok(given);
    }
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    Ok(text.trim().to_string())
}

fn github_token(file: Option<PathBuf>) -> anyhow::Result<String> {
    match file {
        Some(path) => Ok(std::fs::read_to_string(&path)
            .map_err(|e| anyhow::anyhow!("reading --github-token-file {}: {e}", path.display()))?
            .trim()
            .to_string()),
        None => Ok(std::env::var("CYBERBRAIN_GITHUB_TOKEN").unwrap_or_default()),
    }
}

pub async fn run(ctx: &Context, verb: Verb) -> anyhow::Result<()> {
    let format = ctx.read_format()?;
    let wide = format == Format::Wide;
    let header: &[&str] = if wide { &WIDE_HEADER } else { &HEADER };
    let mut client = NotificationServiceClient::new(ctx.server.connect().await?);
    let rules = match verb {
        Verb::Create {
            name,
            on,
            directive,
            all,
            to,
            github_token_file,
            github_api_url,
        } => {
            let [kind, target] = <[String; 2]>::try_from(to)
                .map_err(|_| anyhow::anyhow!("--to takes a kind and a target"))?;
            let sink = match kind.as_str() {
                "slack" => pb::NotificationSink::Slack,
                "webhook" => pb::NotificationSink::Webhook,
                "github" => pb::NotificationSink::Github,
                _ => {
                    return Err(crate::exit::UsageError(
                        "--to: the kind must be slack, webhook or github".into(),
                    )
                    .into());
                }
            };
            let target = target_value(&kind, target)?;
            let github_token = if sink == pb::NotificationSink::Github {
                let token = github_token(github_token_file)?;
                if token.is_empty() {
                    return Err(crate::exit::UsageError(
                        "the github sink needs --github-token-file or CYBERBRAIN_GITHUB_TOKEN"
                            .into(),
                    )
                    .into());
                }
                token
            } else {
                String::new()
            };
            let created = client
                .create_notification_rule(pb::CreateNotificationRuleRequest {
                    name,
                    events: on,
                    directive: directive.unwrap_or_default(),
                    all_directives: all,
                    sink: sink as i32,
                    target,
                    github_token,
                    github_api_url: github_api_url.unwrap_or_default(),
                })
                .await?
                .into_inner();
            let mut view = created
                .rule
                .as_ref()
                .map(RuleView::from)
                .ok_or_else(|| anyhow::anyhow!("the controller sent no rule"))?;
            if format.is_table() {
                if created.signing_secret.is_empty() {
                    crate::noteln!("notification rule {:?} created", view.name);
                } else {
                    // The secret alone on stdout, so `… > whsec.txt` keeps just it.
                    crate::outln!("{}", created.signing_secret);
                    crate::noteln!(
                        "notification rule {:?} created; the signing secret above is shown once",
                        view.name
                    );
                }
                return Ok(());
            }
            if !created.signing_secret.is_empty() {
                view.signing_secret = Some(created.signing_secret);
            }
            return output::print(format, &view, &[], vec![]);
        }
        Verb::List => {
            let rules = client
                .list_notification_rules(pb::ListNotificationRulesRequest {})
                .await?
                .into_inner()
                .rules;
            let views: Vec<RuleView> = rules.iter().map(RuleView::from).collect();
            let rows = views.iter().map(|v| row(v, wide)).collect();
            return output::print_views(format, &views, false, header, rows);
        }
        Verb::Get { name } => vec![
            client
                .get_notification_rule(pb::GetNotificationRuleRequest { name })
                .await?
                .into_inner(),
        ],
        Verb::Enable { name } => vec![
            client
                .enable_notification_rule(pb::EnableNotificationRuleRequest { name })
                .await?
                .into_inner(),
        ],
        Verb::Test { name } => {
            let answer = client
                .test_notification_rule(pb::TestNotificationRuleRequest { name: name.clone() })
                .await?
                .into_inner();
            if !format.is_table() {
                #[derive(Serialize)]
                struct TestView {
                    delivered: bool,
                    status: u32,
                    error: String,
                }
                output::print(
                    format,
                    &TestView {
                        delivered: answer.delivered,
                        status: answer.status,
                        error: answer.error.clone(),
                    },
                    &[],
                    vec![],
                )?;
            } else if answer.delivered {
                crate::noteln!("test message to {name} delivered (HTTP {})", answer.status);
            }
            if !answer.delivered {
                anyhow::bail!("test message to {name} not delivered: {}", answer.error);
            }
            return Ok(());
        }
        Verb::Delete { name, yes } => {
            crate::confirm::confirm(yes, &format!("Delete notification rule {name}?"))?;
            client
                .delete_notification_rule(pb::DeleteNotificationRuleRequest { name: name.clone() })
                .await?;
            crate::noteln!("deleted notification rule {name}");
            return Ok(());
        }
    };
    let views: Vec<RuleView> = rules.iter().map(RuleView::from).collect();
    let rows = views.iter().map(|v| row(v, wide)).collect();
    output::print_views(format, &views, true, header, rows)
}
