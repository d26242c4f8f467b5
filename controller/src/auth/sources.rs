//! Calls whose token the controller cannot vouch for from memory, limited per source address
//! before any database lookup.
//!
//! A token verified lately is in the store's cache and costs nothing to check again. Any other
//! well-formed token (an unknown id, a guess) would cost a query, so it first takes a token from
//! its source's bucket (an IPv6 /64 counts as one source); an empty bucket answers
//! `RESOURCE_EXHAUSTED` without touching the database. A legitimate caller behind the same address
//! as a flood keeps working once its token is cached. Calls without a token or with a malformed one
//! never reach the database and are not counted.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use tonic::Status;
use uuid::Uuid;

use crate::log_sample::LogSampler;
use crate::metrics::Metrics;
use crate::ratelimit::{KeyedLimiter, Rate, source_key};
use cyberbrain_store::Store;

/// Refusals of unauthenticated callers are logged through this: the first ten, then one every
/// ten seconds with the number left out.
pub static REFUSAL_LOG: LogSampler = LogSampler::new(10, Duration::from_secs(10));

/// The per-source gate in front of token lookups. Cheap to clone.
#[derive(Debug, Clone)]
pub struct LookupGate {
    store: Store,
    metrics: Arc<Metrics>,
    per_source: Arc<KeyedLimiter<IpAddr>>,
}

impl LookupGate {
    /// A gate letting each source cause `rate` token lookups.
    pub fn new(store: Store, metrics: Arc<Metrics>, rate: Rate) -> LookupGate {
        LookupGate {
            store,
            metrics,
            per_source: Arc::new(KeyedLimiter::new(rate)),
        }
    }

    /// The store, for the lookup itself.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Lets the lookup of token `id` from `source` go to the database, or refuses it. A token
    /// verified lately passes for free (it will not be looked up); a call with no known source
    /// (not over TCP) is not limited.
    pub fn before_lookup(&self, id: Uuid, source: Option<IpAddr>) -> Result<(), Status> {
        if self.store.api_token_cached(id) {
            return Ok(());
        }
        if let Some(source) = source
            && let Err(wait) = self.per_source.check(&source_key(source))
        {
            self.metrics.unauthenticated_limited();
            return Err(wait.status(&format!("calls with unverified tokens from {source}")));
        }
        self.metrics.token_lookup();
        Ok(())
    }
}
