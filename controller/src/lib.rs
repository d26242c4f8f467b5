//! The Cyberbrain controller: the public gRPC API, the agent link, dispatch, and the workers that
//! keep runs moving. The store, the report and the LLM client are crates below it. `main.rs` loads
//! the configuration and calls [`server::run`]; tests call it too.

pub mod api;
pub mod app;
pub mod artifacts;
pub mod auth;
pub mod batching;
pub mod config;
pub mod conn_activity;
pub mod connected;
pub mod dispatcher;
pub mod error;
pub mod events;
pub mod fuzz;
pub mod health;
pub mod heartbeats;
pub mod in_flight;
pub mod incoming;
pub mod job_writer;
pub mod launch_plan;
pub mod log_sample;
pub mod metrics;
pub mod notify;
pub mod pki;
pub mod ratelimit;
pub mod reaper;
pub mod retention;
pub mod scheduler;
pub mod server;
pub mod tls;
pub mod triage;
pub mod triggers;
pub mod wakeups;
pub mod web;
