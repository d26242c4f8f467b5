//! The LLM client for triage of a run's log digests (DESIGN §6 log_triage, §3 "LLM call", §5
//! invariant 7). It reads the report model (the templates to triage) and never the reverse; the
//! controller's `triage` module drives it and stores what it returns.
//!
//! - `client`: one OpenAI-compatible chat completion, plain or streamed.
//! - `providers`: the configured providers, strategy, retries, circuit breakers, health probe.
//! - `prompt`: the ranked, redacted, budgeted prompt (pure).
//! - `answer`: the LLM's answer, validated against its prompt (pure).
//! - `cost`: token totals priced from configuration (pure).
//! - `refine`: the prompt asking which words of a new template are variables, and the strict
//!   check of its answer (pure).
//!
//! Architecture invariant: no prompt or response text is stored, logged or traced. The only
//! things kept are token counts, names from configuration, latencies and outcomes (`llm_calls`),
//! plus the validated, redacted findings in the run's own report. Debug logs carry prompt sizes
//! and SHA-256 hashes.

pub mod answer;
pub mod client;
pub mod cost;
pub mod prompt;
pub mod providers;
pub mod refine;

pub use providers::{Llm, LlmSettings, ProviderSpec, Strategy};

/// How triage prompts are sized, whether or not an LLM is configured.
#[derive(Debug, Clone, Copy)]
pub struct TriageSettings {
    /// Upper bound on a prompt's tokens (system and user messages together).
    pub prompt_token_budget: u32,
    /// Upper bound on an answer's tokens (`max_tokens`).
    pub max_completion_tokens: u32,
    /// Template refinements asked of the LLM per run at the most (cache hits cost none).
    pub refinements_per_run: u32,
}

impl Default for TriageSettings {
    fn default() -> Self {
        TriageSettings {
            prompt_token_budget: 6000,
            max_completion_tokens: 1000,
            refinements_per_run: 20,
        }
    }
}
