//! The controller's domain types: what a run, a job, a directive, an agent, an audit entry, an
//! allowlist entry and an API token are, with their validation. Pure data and rules: no IO, no SQL,
//! no wire types. The store persists these types, the report reads them, the API converts them at
//! its edge.
//!
//! A value that does not fit the model is an [`InvalidField`] naming the field at fault, the same
//! error the task catalogue uses.

pub mod allowlist;
pub mod audit;
pub mod baseline;
pub mod directives;
pub mod fleet;
pub mod llm_calls;
pub mod notifications;
pub mod runs;
pub mod schedules;
pub mod tokens;
pub mod triggers;
pub mod usage;

pub use cyberbrain_tasks::InvalidField;
