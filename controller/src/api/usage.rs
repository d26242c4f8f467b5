//! `UsageService`: token statistics, cost reports and provider health.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::usage_service_server::UsageService;
use tonic::{Request, Response, Status};

use super::parse_id;
use crate::app::App;
use crate::error::Error;
use cyberbrain_llm::cost;
use cyberbrain_store::{TokenFilter, TokenGrouping};

/// Serves LLM usage.
#[derive(Debug, Clone)]
pub struct UsageApi {
    app: App,
}

impl UsageApi {
    /// A handler over the shared state.
    pub fn new(app: App) -> Self {
        UsageApi { app }
    }
}

fn filter(since: Option<prost_types::Timestamp>, run_id: &str) -> Result<TokenFilter, Status> {
    let since = super::paging::since("since", since)?;
    let run_id = if run_id.trim().is_empty() {
        None
    } else {
        Some(parse_id("run_id", run_id)?)
    };
    Ok(TokenFilter { since, run_id })
}

#[tonic::async_trait]
impl UsageService for UsageApi {
    async fn token_stats(
        &self,
        request: Request<pb::TokenStatsRequest>,
    ) -> Result<Response<pb::TokenStatsResponse>, Status> {
        super::input::check(request.get_ref())?;
        let request = request.into_inner();
        let grouping = match pb::TokenGrouping::try_from(request.group_by) {
            Ok(pb::TokenGrouping::Unspecified | pb::TokenGrouping::Model) => TokenGrouping::Model,
            Ok(pb::TokenGrouping::Run) => TokenGrouping::Run,
            Ok(pb::TokenGrouping::Day) => TokenGrouping::Day,
            Err(_) => {
                return Err(Status::from(Error::invalid(
                    "group_by",
                    format!("unknown value {}", request.group_by),
                )));
            }
        };
        let filter = filter(request.since, &request.run_id)?;
        let rows = self
            .app
            .store
            .token_stats(grouping, &filter)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::TokenStatsResponse {
            rows: rows
                .into_iter()
                .map(|r| pb::TokenStatsRow {
                    key: r.key,
                    calls: r.calls,
                    calls_with_usage: r.calls_with_usage,
                    failed_calls: r.failed_calls,
                    prompt_tokens: r.prompt_tokens,
                    completion_tokens: r.completion_tokens,
                    total_tokens: r.total_tokens,
                })
                .collect(),
        }))
    }

    async fn cost_report(
        &self,
        request: Request<pb::CostReportRequest>,
    ) -> Result<Response<pb::CostReportResponse>, Status> {
        super::input::check(request.get_ref())?;
        let request = request.into_inner();
        let filter = filter(request.since, &request.run_id)?;
        let totals = self
            .app
            .store
            .token_stats(TokenGrouping::Model, &filter)
            .await
            .map_err(Error::from)?;
        let prices = self
            .app
            .llm
            .as_ref()
            .map(|l| l.prices())
            .unwrap_or_default();
        let (lines, total_cost) = cost::price(totals, &prices);
        Ok(Response::new(pb::CostReportResponse {
            rows: lines
                .into_iter()
                .map(|l| pb::CostRow {
                    provider: l.provider,
                    model: l.model,
                    calls: l.totals.calls,
                    calls_with_usage: l.totals.calls_with_usage,
                    prompt_tokens: l.totals.prompt_tokens,
                    completion_tokens: l.totals.completion_tokens,
                    priced: l.prices.is_some(),
                    prompt_price_per_million: l.prices.map_or(0.0, |p| p.prompt_per_million),
                    completion_price_per_million: l
                        .prices
                        .map_or(0.0, |p| p.completion_per_million),
                    cost: l.cost,
                })
                .collect(),
            total_cost,
        }))
    }

    async fn list_llm_providers(
        &self,
        request: Request<pb::ListLlmProvidersRequest>,
    ) -> Result<Response<pb::ListLlmProvidersResponse>, Status> {
        super::input::check(request.get_ref())?;
        let Some(llm) = &self.app.llm else {
            return Ok(Response::new(pb::ListLlmProvidersResponse::default()));
        };
        let strategy = match llm.settings().strategy {
            cyberbrain_llm::Strategy::Failover => "failover",
            cyberbrain_llm::Strategy::RoundRobin => "round_robin",
        };
        Ok(Response::new(pb::ListLlmProvidersResponse {
            providers: llm
                .health()
                .into_iter()
                .map(|h| pb::LlmProvider {
                    recent_error_rate: if h.recent_calls == 0 {
                        0.0
                    } else {
                        f64::from(h.recent_errors) / f64::from(h.recent_calls)
                    },
                    name: h.name,
                    model: h.model,
                    endpoint_host: h.endpoint_host,
                    circuit: h.circuit.as_str().to_string(),
                    recent_calls: h.recent_calls,
                    recent_errors: h.recent_errors,
                    last_error: h.last_error.unwrap_or_default().to_string(),
                })
                .collect(),
            strategy: strategy.to_string(),
        }))
    }
}
