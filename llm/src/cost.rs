//! Cost reports: token totals by provider and model, priced per million tokens from the
//! controller's configuration. Pure.

use super::providers::Prices;
use cyberbrain_model::usage::TokenTotals;

/// One priced line.
#[derive(Debug, Clone, PartialEq)]
pub struct CostLine {
    /// Provider name.
    pub provider: String,
    /// Model.
    pub model: String,
    /// The token totals.
    pub totals: TokenTotals,
    /// The prices used, when configured for this provider and model.
    pub prices: Option<Prices>,
    /// The cost; 0 when unpriced.
    pub cost: f64,
}

/// Prices `totals` (grouped by model) with `prices` keyed by (provider, model). Calls without
/// reported usage count no tokens, so they cost nothing here: the report shows them apart.
pub fn price(
    totals: Vec<TokenTotals>,
    prices: &[(String, String, Option<Prices>)],
) -> (Vec<CostLine>, f64) {
    let mut lines = Vec::with_capacity(totals.len());
    let mut sum = 0.0;
    for t in totals {
        let (provider, model) = t.provider_model.clone().unwrap_or_default();
        let p = prices
            .iter()
            .find(|(pp, pm, _)| *pp == provider && *pm == model)
            .and_then(|(_, _, p)| *p);
        let cost = p.map_or(0.0, |p| {
            t.prompt_tokens as f64 / 1e6 * p.prompt_per_million
                + t.completion_tokens as f64 / 1e6 * p.completion_per_million
        });
        sum += cost;
        lines.push(CostLine {
            provider,
            model,
            totals: t,
            prices: p,
            cost,
        });
    }
    (lines, sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn costs_are_tokens_times_prices_per_million() {
        let totals = |p: &str, prompt, completion| TokenTotals {
            key: format!("{p}/m"),
            provider_model: Some((p.into(), "m".into())),
            calls: 2,
            calls_with_usage: 2,
            failed_calls: 0,
            prompt_tokens: prompt,
            completion_tokens: completion,
            total_tokens: prompt + completion,
        };
        let prices = vec![
            (
                "a".to_string(),
                "m".to_string(),
                Some(Prices {
                    prompt_per_million: 2.0,
                    completion_per_million: 10.0,
                }),
            ),
            ("b".to_string(), "m".to_string(), None),
        ];
        let (lines, sum) = price(
            vec![totals("a", 1_000_000, 500_000), totals("b", 10, 10)],
            &prices,
        );
        assert!((lines[0].cost - 7.0).abs() < 1e-9);
        assert_eq!(lines[1].prices, None);
        assert!((sum - 7.0).abs() < 1e-9);
    }
}
