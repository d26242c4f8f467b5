//! Token statistics of LLM calls, as the usage API reports them.

/// One group's totals.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenTotals {
    /// The group: `provider/model`, a run id, or a `YYYY-MM-DD` day.
    pub key: String,
    /// For model groups, the provider and the model.
    pub provider_model: Option<(String, String)>,
    /// HTTP calls made.
    pub calls: i64,
    /// Calls whose server reported usage.
    pub calls_with_usage: i64,
    /// Calls that failed (any outcome but `ok`).
    pub failed_calls: i64,
    /// Sum of reported prompt tokens.
    pub prompt_tokens: i64,
    /// Sum of reported completion tokens.
    pub completion_tokens: i64,
    /// Sum of reported total tokens.
    pub total_tokens: i64,
}
