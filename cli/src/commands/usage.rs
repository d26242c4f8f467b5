//! `cbctl usage tokens|cost`: LLM token counts as the providers reported them, and their cost.

use chrono::{DateTime, Utc};
use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::usage_service_client::UsageServiceClient;
use serde::Serialize;

use super::Context;
use crate::output;

/// How `usage tokens` groups.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum GroupBy {
    /// By provider and model.
    Model,
    /// By run.
    Run,
    /// By UTC day.
    Day,
}

#[derive(Debug, clap::Subcommand)]
pub enum Verb {
    /// Token totals by model, run or day.
    Tokens {
        /// Grouping.
        #[arg(long, value_enum, default_value_t = GroupBy::Model)]
        by: GroupBy,
        /// Only calls since this time: an age (30m, 24h, 7d) or RFC 3339 (2025-01-31T00:00:00Z).
        #[arg(long, value_parser = crate::durations::parse_since)]
        since: Option<DateTime<Utc>>,
        /// Only calls of this run.
        #[arg(long)]
        run: Option<String>,
    },
    /// Cost by provider and model, from the controller's configured prices per million tokens.
    Cost {
        /// Only calls since this time: an age (30m, 24h, 7d) or RFC 3339 (2025-01-31T00:00:00Z).
        #[arg(long, value_parser = crate::durations::parse_since)]
        since: Option<DateTime<Utc>>,
        /// Only calls of this run.
        #[arg(long)]
        run: Option<String>,
    },
}

#[derive(Serialize)]
struct TokenView {
    key: String,
    calls: i64,
    calls_with_usage: i64,
    failed_calls: i64,
    prompt_tokens: i64,
    completion_tokens: i64,
    total_tokens: i64,
}

#[derive(Serialize)]
struct CostView {
    provider: String,
    model: String,
    calls: i64,
    calls_with_usage: i64,
    prompt_tokens: i64,
    completion_tokens: i64,
    priced: bool,
    prompt_price_per_million: f64,
    completion_price_per_million: f64,
    cost: f64,
}

#[derive(Serialize)]
struct CostReportView {
    rows: Vec<CostView>,
    total_cost: f64,
}

pub async fn run(ctx: &Context, verb: Verb) -> anyhow::Result<()> {
    let format = ctx.read_format()?;
    let mut client = UsageServiceClient::new(ctx.server.connect().await?);
    match verb {
        Verb::Tokens { by, since: s, run } => {
            let group_by = match by {
                GroupBy::Model => pb::TokenGrouping::Model,
                GroupBy::Run => pb::TokenGrouping::Run,
                GroupBy::Day => pb::TokenGrouping::Day,
            };
            let rows = client
                .token_stats(pb::TokenStatsRequest {
                    group_by: group_by as i32,
                    since: s.map(crate::durations::timestamp),
                    run_id: run.unwrap_or_default(),
                })
                .await?
                .into_inner()
                .rows;
            let views: Vec<TokenView> = rows
                .into_iter()
                .map(|r| TokenView {
                    key: r.key,
                    calls: r.calls,
                    calls_with_usage: r.calls_with_usage,
                    failed_calls: r.failed_calls,
                    prompt_tokens: r.prompt_tokens,
                    completion_tokens: r.completion_tokens,
                    total_tokens: r.total_tokens,
                })
                .collect();
            let table = views
                .iter()
                .map(|v| {
                    vec![
                        v.key.clone(),
                        v.calls.to_string(),
                        v.calls_with_usage.to_string(),
                        v.failed_calls.to_string(),
                        v.prompt_tokens.to_string(),
                        v.completion_tokens.to_string(),
                        v.total_tokens.to_string(),
                    ]
                })
                .collect();
            let key = match by {
                GroupBy::Model => "PROVIDER/MODEL",
                GroupBy::Run => "RUN",
                GroupBy::Day => "DAY",
            };
            output::print(
                format,
                &views,
                &[
                    key,
                    "CALLS",
                    "WITH USAGE",
                    "FAILED",
                    "PROMPT",
                    "COMPLETION",
                    "TOTAL",
                ],
                table,
            )
        }
        Verb::Cost { since: s, run } => {
            let report = client
                .cost_report(pb::CostReportRequest {
                    since: s.map(crate::durations::timestamp),
                    run_id: run.unwrap_or_default(),
                })
                .await?
                .into_inner();
            let view = CostReportView {
                rows: report
                    .rows
                    .into_iter()
                    .map(|r| CostView {
                        provider: r.provider,
                        model: r.model,
                        calls: r.calls,
                        calls_with_usage: r.calls_with_usage,
                        prompt_tokens: r.prompt_tokens,
                        completion_tokens: r.completion_tokens,
                        priced: r.priced,
                        prompt_price_per_million: r.prompt_price_per_million,
                        completion_price_per_million: r.completion_price_per_million,
                        cost: r.cost,
                    })
                    .collect(),
                total_cost: report.total_cost,
            };
            let mut table: Vec<Vec<String>> = view
                .rows
                .iter()
                .map(|r| {
                    vec![
                        r.provider.clone(),
                        r.model.clone(),
                        r.calls.to_string(),
                        r.prompt_tokens.to_string(),
                        r.completion_tokens.to_string(),
                        if r.priced {
                            format!(
                                "{} / {}",
                                r.prompt_price_per_million, r.completion_price_per_million
                            )
                        } else {
                            "unpriced".into()
                        },
                        format!("{:.6}", r.cost),
                    ]
                })
                .collect();
            table.push(vec![
                "total".into(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                format!("{:.6}", view.total_cost),
            ]);
            output::print(
                format,
                &view,
                &[
                    "PROVIDER",
                    "MODEL",
                    "CALLS",
                    "PROMPT",
                    "COMPLETION",
                    "PRICE/M (IN / OUT)",
                    "COST",
                ],
                table,
            )
        }
    }
}
