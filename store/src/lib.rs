//! PostgreSQL access: every SQL statement of the controller, the migrations, LISTEN/NOTIFY, the
//! token cache and the embedded cluster. Callers see the domain types of `cyberbrain-model`; nothing
//! here knows gRPC.
//!
//! Architecture invariant: every state change that others rely on is one transaction, so a replica
//! may die between any two statements without leaving half a launch or half a result behind.

mod agents;
mod allowlist;
mod artifacts;
mod audit;
mod backup;
mod baselines;
mod console;
mod directives;
pub mod error;
mod events;
mod gauges;
mod identity;
mod job_output;
mod job_updates;
mod jobs;
mod listen;
mod llm_calls;
pub mod migrate;
mod notifications;
pub mod pg_cluster;
mod pg_tls;
mod retention;
mod runs;
mod schedules;
mod token_cache;
mod tokens;
mod triggers;
mod unreachable;
mod web_sessions;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;

pub use agents::{AGENT_REPLACED_CHANNEL, Attached};
pub use artifacts::{NewArtifact, StoredArtifact};
pub use backup::{
    ArtifactRecord, BackupSnapshot, DatabaseFacts, REVOKING_ACTIONS, RecordedRevocation,
    libpq_environment,
};
pub use console::{
    AgentJob, FleetOverview, GpuCounts, GpuThresholds, LatestGpuReport, RunAttention,
};
pub use events::{CANCEL_CHANNEL, DISPATCH_CHANNEL, JobLabels, RUN_CHANNEL};
pub use gauges::{PoolOccupancy, StatusCounts};
pub use identity::{Enrolled, JoinTokenInfo, REVOKE_CHANNEL, Revoked};
pub use job_output::{MAX_OUTPUT_PIECES, MAX_STORED_OUTPUT_BYTES, OutputPiece};
pub use job_updates::{JobAccepted, JobOutcome};
pub use jobs::{Cancellation, CancelledJob, ClaimRequest, ClaimedJob, Reaped, ResultOutcome};
pub use listen::Notification;
pub use llm_calls::{TokenFilter, TokenGrouping};
pub use migrate::{MIGRATIONS, Migration};
pub use notifications::{AttemptRecord, FailurePolicy, events_of_finish};
pub use pg_tls::PgTls;
pub use runs::{
    DirectDispatch, JobDefaults, LaunchedRun, NewRun, NotOnline, RunFilter, RunPage, StoredReport,
    TargetPreview, short_list,
};
pub use schedules::FireCounts;
pub use tokens::{BOOTSTRAP_TOKEN_NAME, TOKEN_CHANNEL};
pub use unreachable::Unreachable;

pub use error::{Error, FireRefused, Result};

/// A handle on the database: a connection pool. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    pool: Pool,
    /// For connections outside the pool (`LISTEN`).
    config: tokio_postgres::Config,
    /// TLS for those, when the pool's connections use it.
    tls: Option<PgTls>,
    /// Verified API tokens (see [`token_cache`]).
    tokens: std::sync::Arc<token_cache::TokenCache>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("pool_status", &self.pool.status())
            .finish()
    }
}

/// Connections kept by the pool at the most.
const POOL_SIZE: usize = 16;

impl Store {
    /// Connects to `database_url` (a libpq-style URL or key/value string) and checks one connection;
    /// over verified TLS only when the URL says `sslmode=require` (see [`PgTls`]).
    pub async fn connect(database_url: &str) -> Result<Store> {
        Store::connect_with_ca(database_url, None).await
    }

    /// Like [`Store::connect`]; with `ca`, TLS is required and the server's certificate must
    /// chain to that CA (PEM).
    pub async fn connect_with_ca(
        database_url: &str,
        ca: Option<&std::path::Path>,
    ) -> Result<Store> {
        let mut config: tokio_postgres::Config = database_url
            .parse()
            .map_err(|e| Error::invalid("database_url", format!("not a PostgreSQL URL: {e}")))?;
        let tls = match pg_tls::decide(&mut config, ca.is_some())? {
            true => Some(PgTls::new(ca)?),
            false => None,
        };
        let manager_config = ManagerConfig {
            recycling_method: RecyclingMethod::Fast,
        };
        let manager = match &tls {
            Some(tls) => Manager::from_config(config.clone(), tls.clone(), manager_config),
            None => Manager::from_config(config.clone(), NoTls, manager_config),
        };
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .build()
            .map_err(|e| Error::invalid("database_url", e.to_string()))?;
        let store = Store {
            pool,
            config,
            tls,
            tokens: Default::default(),
        };
        store.ping().await?;
        Ok(store)
    }

    /// Applies the migrations that are not applied yet; returns how many were applied.
    pub async fn migrate(&self) -> Result<usize> {
        let mut client = self.client().await?;
        migrate::apply(&mut client).await
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<()> {
        self.client().await?.simple_query("SELECT 1").await?;
        Ok(())
    }

    async fn client(&self) -> Result<deadpool_postgres::Object> {
        Ok(self.pool.get().await?)
    }
}

/// Reads a JSON column into a domain type, calling a mismatch corruption.
fn from_json<T: serde::de::DeserializeOwned>(
    what: &'static str,
    value: serde_json::Value,
) -> Result<T> {
    serde_json::from_value(value).map_err(|e| Error::Corrupt {
        what,
        reason: e.to_string(),
    })
}

/// Writes agent-supplied data as a `jsonb` value. PostgreSQL refuses the NUL character in `jsonb`
/// (and `text`), and a container may well print one: it becomes U+FFFD, so one hostile string
/// cannot fail a whole batch of results.
pub fn storable_json<T: serde::Serialize>(
    what: &'static str,
    value: &T,
) -> Result<serde_json::Value> {
    let mut json = to_json(what, value)?;
    replace_nul(&mut json);
    Ok(json)
}

/// Replaces every NUL in the strings (keys included) of `value` with U+FFFD.
fn replace_nul(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::String(text) => {
            if text.contains('\0') {
                *text = text.replace('\0', "\u{fffd}");
            }
        }
        Value::Array(items) => items.iter_mut().for_each(replace_nul),
        Value::Object(fields) => {
            if fields.keys().any(|k| k.contains('\0')) {
                let taken = std::mem::take(fields);
                *fields = taken
                    .into_iter()
                    .map(|(k, v)| (k.replace('\0', "\u{fffd}"), v))
                    .collect();
            }
            fields.values_mut().for_each(replace_nul);
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Agent-supplied text for a `text` column: NUL becomes U+FFFD (see [`storable_json`]).
pub fn storable_text(text: String) -> String {
    if text.contains('\0') {
        text.replace('\0', "\u{fffd}")
    } else {
        text
    }
}

/// Writes a domain value as a JSON column value.
fn to_json<T: serde::Serialize>(what: &'static str, value: &T) -> Result<serde_json::Value> {
    serde_json::to_value(value).map_err(|e| Error::Corrupt {
        what,
        reason: e.to_string(),
    })
}

/// Converts a stored non-negative integer.
fn to_u32(what: &'static str, value: i32) -> Result<u32> {
    u32::try_from(value).map_err(|_| Error::Corrupt {
        what,
        reason: format!("negative value {value}"),
    })
}

/// Statements on the hot paths go through the connection's statement cache: a cached statement
/// costs one round trip to run instead of two (prepare, then run).
pub(crate) trait CachedQueries {
    /// `query` with a cached statement.
    async fn query_cached(
        &self,
        sql: &str,
        params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
    ) -> Result<Vec<tokio_postgres::Row>, tokio_postgres::Error>;

    /// `query_one` with a cached statement.
    async fn query_one_cached(
        &self,
        sql: &str,
        params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
    ) -> Result<tokio_postgres::Row, tokio_postgres::Error>;

    /// `query_opt` with a cached statement.
    async fn query_opt_cached(
        &self,
        sql: &str,
        params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
    ) -> Result<Option<tokio_postgres::Row>, tokio_postgres::Error>;

    /// `execute` with a cached statement.
    async fn execute_cached(
        &self,
        sql: &str,
        params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
    ) -> Result<u64, tokio_postgres::Error>;
}

macro_rules! cached_queries_for {
    ($ty:ty) => {
        impl CachedQueries for $ty {
            async fn query_cached(
                &self,
                sql: &str,
                params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
            ) -> Result<Vec<tokio_postgres::Row>, tokio_postgres::Error> {
                let statement = self.prepare_cached(sql).await?;
                self.query(&statement, params).await
            }

            async fn query_one_cached(
                &self,
                sql: &str,
                params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
            ) -> Result<tokio_postgres::Row, tokio_postgres::Error> {
                let statement = self.prepare_cached(sql).await?;
                self.query_one(&statement, params).await
            }

            async fn query_opt_cached(
                &self,
                sql: &str,
                params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
            ) -> Result<Option<tokio_postgres::Row>, tokio_postgres::Error> {
                let statement = self.prepare_cached(sql).await?;
                self.query_opt(&statement, params).await
            }

            async fn execute_cached(
                &self,
                sql: &str,
                params: &[&(dyn tokio_postgres::types::ToSql + Sync)],
            ) -> Result<u64, tokio_postgres::Error> {
                let statement = self.prepare_cached(sql).await?;
                self.execute(&statement, params).await
            }
        }
    };
}

cached_queries_for!(deadpool_postgres::Object);
cached_queries_for!(deadpool_postgres::Transaction<'_>);
