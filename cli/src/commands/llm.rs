//! `cbctl llm providers`: the controller's LLM providers and their health.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::usage_service_client::UsageServiceClient;
use serde::Serialize;

use super::Context;
use crate::output;

#[derive(Debug, clap::Subcommand)]
pub enum Verb {
    /// Each provider's circuit state and recent error rate, as the answering replica sees them.
    Providers,
}

#[derive(Serialize)]
struct ProviderView {
    name: String,
    model: String,
    endpoint_host: String,
    circuit: String,
    recent_calls: u32,
    recent_errors: u32,
    recent_error_rate: f64,
    last_error: String,
    strategy: String,
}

pub async fn run(ctx: &Context, verb: Verb) -> anyhow::Result<()> {
    let format = ctx.read_format()?;
    let mut client = UsageServiceClient::new(ctx.server.connect().await?);
    match verb {
        Verb::Providers => {
            let response = client
                .list_llm_providers(pb::ListLlmProvidersRequest {})
                .await?
                .into_inner();
            if response.providers.is_empty() && format.is_table() {
                crate::outln!(
                    "no LLM provider is configured (reports use the deterministic triage)"
                );
                return Ok(());
            }
            let views: Vec<ProviderView> = response
                .providers
                .into_iter()
                .map(|p| ProviderView {
                    name: p.name,
                    model: p.model,
                    endpoint_host: p.endpoint_host,
                    circuit: p.circuit,
                    recent_calls: p.recent_calls,
                    recent_errors: p.recent_errors,
                    recent_error_rate: p.recent_error_rate,
                    last_error: p.last_error,
                    strategy: response.strategy.clone(),
                })
                .collect();
            let rows = views
                .iter()
                .map(|v| {
                    vec![
                        v.name.clone(),
                        v.model.clone(),
                        v.endpoint_host.clone(),
                        if v.circuit == "closed" {
                            "healthy".into()
                        } else {
                            "circuit open".into()
                        },
                        format!("{:.0}% of {}", v.recent_error_rate * 100.0, v.recent_calls),
                        v.last_error.clone(),
                    ]
                })
                .collect();
            output::print(
                format,
                &views,
                &[
                    "NAME",
                    "MODEL",
                    "ENDPOINT",
                    "HEALTH",
                    "RECENT ERRORS",
                    "LAST ERROR",
                ],
                rows,
            )
        }
    }
}
