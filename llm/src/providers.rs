//! The configured LLM providers and how a call picks among them: `failover` (in order) or
//! `round_robin`, retries with backoff on 429 and 5xx honouring `Retry-After`, and a circuit
//! breaker per provider that a health probe closes again.
//!
//! Every HTTP call made, successful or not, comes back as an [`Attempt`] so that the caller can
//! account for it; attempts carry names, counts and an outcome, never text.

use std::collections::VecDeque;
use std::str::FromStr;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use reqwest::Url;
use tracing::Instrument;

use super::client::{ApiKey, CallError, ChatClient, ChatRequest, Completion, Endpoint};
pub use cyberbrain_model::llm_calls::{Attempt, Outcome};

/// How calls are spread over the providers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Strategy {
    /// The first healthy provider in configuration order; the next only when it fails.
    Failover,
    /// Each call starts at the next provider in turn; a failing one passes to the one after.
    RoundRobin,
}

/// Prices per million tokens, for cost reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prices {
    /// Per million prompt tokens.
    pub prompt_per_million: f64,
    /// Per million completion tokens.
    pub completion_per_million: f64,
}

/// One provider as written on the command line, before its key is read. Parsed from
/// `name=NAME,url=URL,model=MODEL[,api_key_env=VAR|api_key_file=PATH][,price_prompt=P,price_completion=C][,json_mode=false]`.
#[derive(Debug, Clone, PartialEq)]
pub struct ProviderSpec {
    /// A short name for reports and `cbctl llm providers`.
    pub name: String,
    /// The API base URL, e.g. `http://127.0.0.1:8000/v1`.
    pub url: Url,
    /// The model to ask for.
    pub model: String,
    /// Where the API key comes from, if one is needed.
    pub api_key: Option<KeySource>,
    /// Prices per million tokens, if known.
    pub prices: Option<Prices>,
    /// Whether to ask for JSON mode (`response_format`).
    pub json_mode: bool,
}

/// Where a provider's API key is read from. The key itself is never part of the configuration
/// text, so `--help`, `--dump-config` and logs cannot show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// The named environment variable.
    Env(String),
    /// The file at this path.
    File(std::path::PathBuf),
}

impl FromStr for ProviderSpec {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut name = None;
        let mut url = None;
        let mut model = None;
        let mut api_key = None;
        let mut price_prompt = None;
        let mut price_completion = None;
        let mut json_mode = true;
        for pair in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (key, value) = pair
                .split_once('=')
                .ok_or_else(|| format!("{pair:?} is not key=value"))?;
            let value = value.trim();
            match key.trim() {
                "name" => name = Some(value.to_string()),
                "url" => {
                    let parsed = Url::parse(value).map_err(|e| format!("url: not a URL ({e})"))?;
                    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
                        return Err("url: must be an http or https URL with a host".into());
                    }
                    if !parsed.username().is_empty() || parsed.password().is_some() {
                        return Err(
                            "url: must not hold credentials; use api_key_env or api_key_file"
                                .into(),
                        );
                    }
                    url = Some(parsed);
                }
                "model" => model = Some(value.to_string()),
                "api_key_env" => api_key = Some(KeySource::Env(value.to_string())),
                "api_key_file" => api_key = Some(KeySource::File(value.into())),
                "price_prompt" => price_prompt = Some(parse_price("price_prompt", value)?),
                "price_completion" => {
                    price_completion = Some(parse_price("price_completion", value)?)
                }
                "json_mode" => {
                    json_mode = value
                        .parse()
                        .map_err(|_| "json_mode: must be true or false".to_string())?
                }
                other => {
                    return Err(format!(
                        "unknown key {other:?}; expected name, url, model, api_key_env, \
                         api_key_file, price_prompt, price_completion or json_mode"
                    ));
                }
            }
        }
        let name = name.ok_or("name: missing")?;
        if name.is_empty()
            || name.len() > 64
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        {
            return Err("name: must be 1-64 characters of a-z, A-Z, 0-9, '-', '_' or '.'".into());
        }
        let model = model.ok_or("model: missing")?;
        if model.is_empty() || model.len() > 128 {
            return Err("model: must be 1-128 characters".into());
        }
        let prices = match (price_prompt, price_completion) {
            (None, None) => None,
            (Some(p), Some(c)) => Some(Prices {
                prompt_per_million: p,
                completion_per_million: c,
            }),
            _ => return Err("price_prompt and price_completion: give both or neither".into()),
        };
        Ok(ProviderSpec {
            name,
            url: url.ok_or("url: missing")?,
            model,
            api_key,
            prices,
            json_mode,
        })
    }
}

fn parse_price(field: &str, value: &str) -> Result<f64, String> {
    value
        .parse::<f64>()
        .ok()
        .filter(|p| p.is_finite() && *p >= 0.0)
        .ok_or_else(|| format!("{field}: must be a non-negative number (per million tokens)"))
}

/// The provider settings `Llm` runs with.
#[derive(Debug, Clone)]
pub struct LlmSettings {
    /// Providers in configuration order.
    pub providers: Vec<ProviderSpec>,
    /// How calls are spread.
    pub strategy: Strategy,
    /// Limit on one HTTP call, body included.
    pub call_timeout: Duration,
    /// Extra attempts on one provider after a 429 or 5xx.
    pub retries: u32,
    /// The first backoff; it doubles per retry, unless the server's `Retry-After` asks for longer.
    pub backoff: Duration,
    /// The longest pause honoured (a `Retry-After` beyond it moves on to the next provider).
    pub max_backoff: Duration,
    /// Consecutive failures that open a provider's circuit.
    pub breaker_failures: u32,
    /// How long an open circuit waits before the health probe tries the provider again.
    pub breaker_cooldown: Duration,
    /// Whether calls stream (server-sent events) or not.
    pub stream: bool,
}

/// How a failed call ends up in `llm_calls.outcome`.
fn outcome_of(error: &CallError) -> Outcome {
    match error {
        CallError::Timeout => Outcome::Timeout,
        CallError::Connect => Outcome::ConnectError,
        CallError::RateLimited { .. } => Outcome::RateLimited,
        CallError::Server { .. } => Outcome::ServerError,
        CallError::Client { .. } => Outcome::ClientError,
        CallError::Protocol(_) => Outcome::ProtocolError,
    }
}

/// A provider's circuit, as `cbctl llm providers` shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CircuitState {
    /// Healthy: calls go through.
    Closed,
    /// Failing: calls skip it until the probe succeeds.
    Open,
}

impl CircuitState {
    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            CircuitState::Closed => "closed",
            CircuitState::Open => "open",
        }
    }
}

/// A provider's health right now, on this replica.
#[derive(Debug, Clone)]
pub struct ProviderHealth {
    /// Configured name.
    pub name: String,
    /// Model.
    pub model: String,
    /// Endpoint host.
    pub endpoint_host: String,
    /// Circuit state.
    pub circuit: CircuitState,
    /// Calls among the last [`RECENT_CALLS`] on this replica.
    pub recent_calls: u32,
    /// Of those, the failed ones.
    pub recent_errors: u32,
    /// The last failure's outcome, if any.
    pub last_error: Option<&'static str>,
}

/// How many of a provider's latest calls the error rate is computed over.
pub const RECENT_CALLS: usize = 50;

#[derive(Debug, Default)]
struct Health {
    consecutive_failures: u32,
    open_until: Option<Instant>,
    recent: VecDeque<bool>,
    last_error: Option<&'static str>,
}

impl Health {
    fn record(&mut self, ok: bool, outcome: Outcome, settings: &LlmSettings) {
        if self.recent.len() == RECENT_CALLS {
            self.recent.pop_front();
        }
        self.recent.push_back(ok);
        if ok {
            self.consecutive_failures = 0;
            self.open_until = None;
        } else {
            self.last_error = Some(outcome.as_str());
            self.consecutive_failures += 1;
            if self.consecutive_failures >= settings.breaker_failures {
                self.open_until = Some(Instant::now() + settings.breaker_cooldown);
            }
        }
    }

    fn is_open(&self) -> bool {
        self.open_until.is_some()
    }
}

struct Provider {
    spec: ProviderSpec,
    endpoint: Endpoint,
    health: Mutex<Health>,
}

/// Why no answer came back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LlmFailure {
    /// Every provider failed or was skipped with an open circuit.
    #[error("every LLM provider failed ({0})")]
    AllFailed(String),
}

/// The providers and the client: everything a triage call needs. Shared by the replica.
pub struct Llm {
    settings: LlmSettings,
    providers: Vec<Provider>,
    client: ChatClient,
    next: AtomicUsize,
    /// Characters per token for prompt estimates, calibrated from servers' `prompt_tokens`.
    chars_per_token: Mutex<f64>,
}

/// Characters per token assumed before any server reported a prompt's tokens. Log templates are
/// dense in symbols and numbers, which tokenizers split finely, so this is lower than the ~4 of
/// English prose.
pub const DEFAULT_CHARS_PER_TOKEN: f64 = 2.5;

/// Calibrated estimates keep this margin below the measured ratio.
const CALIBRATION_MARGIN: f64 = 0.9;

impl std::fmt::Debug for Llm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Llm")
            .field("providers", &self.providers.len())
            .field("strategy", &self.settings.strategy)
            .finish()
    }
}

/// A problem in the provider configuration, naming the field at fault.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("--llm-provider {provider}: {reason}")]
pub struct ConfigError {
    /// The provider's name.
    pub provider: String,
    /// What is wrong.
    pub reason: String,
}

impl Llm {
    /// Reads each provider's key (from its environment variable or file) and builds the client.
    /// `env` looks an environment variable up, so tests can pass a map.
    pub fn new(
        settings: LlmSettings,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Llm, ConfigError> {
        let mut providers = Vec::with_capacity(settings.providers.len());
        for spec in &settings.providers {
            let error = |reason: String| ConfigError {
                provider: spec.name.clone(),
                reason,
            };
            if providers
                .iter()
                .any(|p: &Provider| p.spec.name == spec.name)
            {
                return Err(error("name: used twice".into()));
            }
            let api_key = match &spec.api_key {
                None => None,
                Some(KeySource::Env(var)) => Some(ApiKey::new(&env(var).ok_or_else(|| {
                    error(format!("api_key_env: the variable {var} is not set"))
                })?)),
                Some(KeySource::File(path)) => {
                    let text = std::fs::read_to_string(path).map_err(|e| {
                        error(format!("api_key_file: cannot read {}: {e}", path.display()))
                    })?;
                    Some(ApiKey::new(&text))
                }
            };
            providers.push(Provider {
                endpoint: Endpoint {
                    base_url: spec.url.clone(),
                    model: spec.model.clone(),
                    api_key,
                    json_mode: spec.json_mode,
                },
                spec: spec.clone(),
                health: Mutex::new(Health::default()),
            });
        }
        let client = ChatClient::new().map_err(|e| ConfigError {
            provider: "*".into(),
            reason: format!("cannot build the HTTP client: {e}"),
        })?;
        Ok(Llm {
            settings,
            providers,
            client,
            next: AtomicUsize::new(0),
            chars_per_token: std::sync::Mutex::new(DEFAULT_CHARS_PER_TOKEN),
        })
    }

    /// The characters-per-token ratio prompts are estimated with now.
    pub fn chars_per_token(&self) -> f64 {
        *self
            .chars_per_token
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Calibrates the estimate from a prompt of `prompt_chars` characters that the server counted
    /// as `prompt_tokens` tokens: the next prompts use the measured ratio less a margin.
    pub fn calibrate(&self, prompt_chars: usize, prompt_tokens: u32) {
        if prompt_tokens == 0 || prompt_chars == 0 {
            return;
        }
        let measured = prompt_chars as f64 / f64::from(prompt_tokens);
        let ratio = (measured * CALIBRATION_MARGIN).clamp(0.5, 8.0);
        *self
            .chars_per_token
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = ratio;
        tracing::debug!(measured, ratio, "calibrated the prompt token estimate");
    }

    /// The settings.
    pub fn settings(&self) -> &LlmSettings {
        &self.settings
    }

    /// Prices per million tokens by (provider, model), for cost reports.
    pub fn prices(&self) -> Vec<(String, String, Option<Prices>)> {
        self.providers
            .iter()
            .map(|p| (p.spec.name.clone(), p.spec.model.clone(), p.spec.prices))
            .collect()
    }

    /// Each provider's health on this replica.
    pub fn health(&self) -> Vec<ProviderHealth> {
        self.providers
            .iter()
            .map(|p| {
                let h = lock(&p.health);
                ProviderHealth {
                    name: p.spec.name.clone(),
                    model: p.spec.model.clone(),
                    endpoint_host: p.endpoint.host(),
                    circuit: if h.is_open() {
                        CircuitState::Open
                    } else {
                        CircuitState::Closed
                    },
                    recent_calls: h.recent.len() as u32,
                    recent_errors: h.recent.iter().filter(|ok| !**ok).count() as u32,
                    last_error: h.last_error,
                }
            })
            .collect()
    }

    /// The order in which this call tries the providers.
    fn order(&self) -> Vec<usize> {
        let n = self.providers.len();
        let start = match self.settings.strategy {
            Strategy::Failover => 0,
            Strategy::RoundRobin => self.next.fetch_add(1, Ordering::Relaxed) % n.max(1),
        };
        (0..n).map(|i| (start + i) % n).collect()
    }

    /// Asks the providers in strategy order until one answers. Every HTTP call made is appended
    /// to `attempts`, including failed ones.
    pub async fn complete(
        &self,
        request: &ChatRequest,
        attempts: &mut Vec<Attempt>,
    ) -> Result<Completion, LlmFailure> {
        let mut reasons = Vec::new();
        for index in self.order() {
            let provider = &self.providers[index];
            if lock(&provider.health).is_open() {
                reasons.push(format!("{}: circuit open", provider.spec.name));
                continue;
            }
            match self.call_with_retries(provider, request, attempts).await {
                Ok(completion) => return Ok(completion),
                Err(e) => reasons.push(format!("{}: {e}", provider.spec.name)),
            }
        }
        if reasons.is_empty() {
            reasons.push("no providers configured".into());
        }
        Err(LlmFailure::AllFailed(reasons.join("; ")))
    }

    async fn call_with_retries(
        &self,
        provider: &Provider,
        request: &ChatRequest,
        attempts: &mut Vec<Attempt>,
    ) -> Result<Completion, CallError> {
        let mut retry = 0;
        loop {
            let started = Instant::now();
            // Names, counts and the outcome only: never prompt or answer text (DESIGN invariant).
            let span = tracing::info_span!(
                "llm.call",
                provider = %provider.spec.name,
                model = %provider.spec.model,
                streamed = self.settings.stream,
                retry,
                outcome = tracing::field::Empty,
                prompt_tokens = tracing::field::Empty,
                completion_tokens = tracing::field::Empty,
            );
            let result = self
                .client
                .complete(
                    &provider.endpoint,
                    request,
                    self.settings.stream,
                    self.settings.call_timeout,
                )
                .instrument(span.clone())
                .await;
            let outcome = match &result {
                Ok(_) => Outcome::Ok,
                Err(e) => outcome_of(e),
            };
            span.record("outcome", outcome.as_str());
            if let Some(usage) = result.as_ref().ok().and_then(|c| c.usage) {
                span.record("prompt_tokens", usage.prompt_tokens);
                span.record("completion_tokens", usage.completion_tokens);
            }
            attempts.push(Attempt {
                provider: provider.spec.name.clone(),
                model: provider.spec.model.clone(),
                endpoint_host: provider.endpoint.host(),
                streamed: self.settings.stream,
                usage: result.as_ref().ok().and_then(|c| c.usage),
                latency: started.elapsed(),
                outcome,
            });
            lock(&provider.health).record(result.is_ok(), outcome, &self.settings);
            let error = match result {
                Ok(completion) => return Ok(completion),
                Err(e) => e,
            };
            tracing::warn!(provider = %provider.spec.name, outcome = outcome.as_str(), retry, "llm call failed");
            if !error.is_retryable() || retry >= self.settings.retries {
                return Err(error);
            }
            let backoff = self.settings.backoff * 2u32.saturating_pow(retry);
            let pause = error
                .retry_after()
                .map_or(backoff, |asked| asked.max(backoff));
            if pause > self.settings.max_backoff {
                // Waiting longer than we are willing to is a failure of this provider.
                return Err(error);
            }
            if lock(&provider.health).is_open() {
                return Err(error);
            }
            tokio::time::sleep(pause).await;
            retry += 1;
        }
    }

    /// Probes every provider whose circuit is open and whose cool-down has passed with
    /// `GET <base>/models`, closing the circuit on success and opening it for another cool-down
    /// on failure.
    pub async fn probe_open_circuits(&self) {
        for provider in &self.providers {
            let due = lock(&provider.health)
                .open_until
                .is_some_and(|until| Instant::now() >= until);
            if !due {
                continue;
            }
            let ok = self
                .client
                .probe(&provider.endpoint, self.settings.call_timeout)
                .await
                .is_ok();
            let mut health = lock(&provider.health);
            if ok {
                health.consecutive_failures = 0;
                health.open_until = None;
                tracing::info!(provider = %provider.spec.name, "llm provider healthy again");
            } else {
                health.open_until = Some(Instant::now() + self.settings.breaker_cooldown);
            }
        }
    }

    /// Runs the health probe every second until `shutdown` turns true.
    pub async fn probe_loop(&self, mut shutdown: tokio::sync::watch::Receiver<bool>) {
        let mut tick = tokio::time::interval(Duration::from_secs(1));
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = tick.tick() => self.probe_open_circuits().await,
                () = cyberbrain_telemetry::shutdown::requested(&mut shutdown) => return,
            }
        }
    }
}

/// Locks a health record; a panic while it was held cannot leave it inconsistent (every update is
/// a few assignments), so poisoning is ignored.
fn lock(health: &Mutex<Health>) -> std::sync::MutexGuard<'_, Health> {
    health
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provider_specs_parse_and_name_the_field_at_fault() {
        let spec: ProviderSpec =
            "name=local,url=http://127.0.0.1:8000/v1,model=tiny,api_key_env=KEY,price_prompt=0.5,price_completion=1.5"
                .parse()
                .expect("parses");
        assert_eq!(spec.name, "local");
        assert_eq!(spec.api_key, Some(KeySource::Env("KEY".into())));
        assert_eq!(
            spec.prices,
            Some(Prices {
                prompt_per_million: 0.5,
                completion_per_million: 1.5
            })
        );
        for (bad, field) in [
            ("url=http://x/v1,model=m", "name"),
            ("name=a,model=m", "url"),
            ("name=a,url=ftp://x,model=m", "url"),
            ("name=a,url=http://u:p@x/v1,model=m", "url"),
            ("name=a,url=http://x/v1", "model"),
            (
                "name=a,url=http://x/v1,model=m,price_prompt=1",
                "price_prompt",
            ),
            (
                "name=a,url=http://x/v1,model=m,price_prompt=-1,price_completion=1",
                "price_prompt",
            ),
            ("name=a,url=http://x/v1,model=m,colour=red", "colour"),
        ] {
            let e = bad.parse::<ProviderSpec>().expect_err(bad);
            assert!(e.contains(field), "{bad}: {e}");
        }
    }

    fn settings(names: &[&str], strategy: Strategy) -> LlmSettings {
        LlmSettings {
            providers: names
                .iter()
                .map(|n| {
                    format!("name={n},url=http://127.0.0.1:9/v1,model=m,api_key_env=K")
                        .parse()
                        .expect("spec")
                })
                .collect(),
            strategy,
            call_timeout: Duration::from_secs(1),
            retries: 0,
            backoff: Duration::from_millis(1),
            max_backoff: Duration::from_secs(1),
            breaker_failures: 2,
            breaker_cooldown: Duration::from_secs(60),
            stream: false,
        }
    }

    #[test]
    fn keys_come_from_the_environment_and_a_missing_one_is_named() {
        let e = Llm::new(settings(&["a"], Strategy::Failover), |_| None).expect_err("no key");
        assert_eq!(e.provider, "a");
        assert!(e.reason.contains("api_key_env"), "{e}");
        let llm = Llm::new(settings(&["a"], Strategy::Failover), |_| {
            Some("sk-1".into())
        })
        .expect("builds");
        assert!(!format!("{:?}", llm.providers[0].endpoint).contains("sk-1"));
    }

    #[test]
    fn round_robin_rotates_the_starting_provider() {
        let llm = Llm::new(settings(&["a", "b", "c"], Strategy::RoundRobin), |_| {
            Some("k".into())
        })
        .expect("builds");
        assert_eq!(llm.order(), vec![0, 1, 2]);
        assert_eq!(llm.order(), vec![1, 2, 0]);
        assert_eq!(llm.order(), vec![2, 0, 1]);
        let failover = Llm::new(settings(&["a", "b"], Strategy::Failover), |_| {
            Some("k".into())
        })
        .expect("builds");
        assert_eq!(failover.order(), vec![0, 1]);
        assert_eq!(failover.order(), vec![0, 1]);
    }

    #[test]
    fn the_breaker_opens_after_consecutive_failures_and_success_closes_it() {
        let s = settings(&["a"], Strategy::Failover);
        let mut h = Health::default();
        h.record(false, Outcome::ServerError, &s);
        assert!(!h.is_open());
        h.record(false, Outcome::Timeout, &s);
        assert!(h.is_open());
        assert_eq!(h.last_error, Some("timeout"));
        h.record(true, Outcome::Ok, &s);
        assert!(!h.is_open());
        assert_eq!(h.recent.iter().filter(|ok| !**ok).count(), 2);
    }
}
