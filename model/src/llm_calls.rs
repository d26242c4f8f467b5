//! LLM calls as they are accounted: provider, model, endpoint, token counts, latency and outcome.
//! Never a prompt or an answer's text.

use std::time::Duration;

use serde::Deserialize;

/// Token counts as the server reported them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct Usage {
    /// Tokens in the prompt.
    #[serde(default)]
    pub prompt_tokens: Option<u32>,
    /// Tokens generated.
    #[serde(default)]
    pub completion_tokens: Option<u32>,
    /// Their total, as the server reported it.
    #[serde(default)]
    pub total_tokens: Option<u32>,
}

/// How one HTTP call to a provider ended, as stored in `llm_calls.outcome`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// An answer arrived (whether it was usable is decided by the caller).
    Ok,
    /// An answer arrived but did not validate.
    InvalidAnswer,
    /// HTTP 429.
    RateLimited,
    /// HTTP 5xx.
    ServerError,
    /// Another refused request.
    ClientError,
    /// The call timed out.
    Timeout,
    /// No connection.
    ConnectError,
    /// A malformed response.
    ProtocolError,
}

impl Outcome {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::InvalidAnswer => "invalid_answer",
            Outcome::RateLimited => "rate_limited",
            Outcome::ServerError => "server_error",
            Outcome::ClientError => "client_error",
            Outcome::Timeout => "timeout",
            Outcome::ConnectError => "connect_error",
            Outcome::ProtocolError => "protocol_error",
        }
    }
}

/// One HTTP call made, for accounting.
#[derive(Debug, Clone)]
pub struct Attempt {
    /// The provider's configured name.
    pub provider: String,
    /// The model asked for.
    pub model: String,
    /// The endpoint's host and port.
    pub endpoint_host: String,
    /// Whether it streamed.
    pub streamed: bool,
    /// Token counts as the server reported them; `None` when it reported none.
    pub usage: Option<Usage>,
    /// Wall time of the call.
    pub latency: Duration,
    /// How it ended.
    pub outcome: Outcome,
}

/// What an LLM call was for, as stored in `llm_calls.purpose`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The run's triage section.
    Triage,
    /// A new template's refinement.
    Refine,
}

impl Purpose {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Purpose::Triage => "triage",
            Purpose::Refine => "refine",
        }
    }
}

/// What the LLM's answer about a template's variables came to, as cached in
/// `template_refinements`. Only a validated refinement holds text, and that text is the miner's
/// template with some words made `<*>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RefinementOutcome {
    /// The validated refined template.
    Refined(String),
    /// The answer was the template as it was.
    Unchanged,
    /// The answer failed the check; the miner's template stands.
    Rejected,
}

impl RefinementOutcome {
    /// The stored name.
    pub fn as_str(&self) -> &'static str {
        match self {
            RefinementOutcome::Refined(_) => "refined",
            RefinementOutcome::Unchanged => "unchanged",
            RefinementOutcome::Rejected => "rejected",
        }
    }
}

/// One cached refinement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateRefinement {
    /// The template's fingerprint (`baseline::fingerprint`).
    pub fingerprint: String,
    /// What the answer came to.
    pub outcome: RefinementOutcome,
    /// The provider that answered.
    pub provider: String,
    /// The model that answered.
    pub model: String,
}
