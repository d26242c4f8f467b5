//! The Cyberbrain controller: the public gRPC API, the agent link, the PostgreSQL store, and run
//! reports. `main.rs` loads the configuration and calls [`server::run`]; tests call it too.

pub mod allowlist;
pub mod api;
pub mod app;
pub mod artifacts;
pub mod audit;
pub mod auth;
pub mod batching;
pub mod config;
pub mod directives;
pub mod dispatcher;
pub mod error;
pub mod events;
pub mod fleet;
pub mod fuzz;
pub mod gpu_fleet;
pub mod health;
pub mod heartbeats;
pub mod job_writer;
pub mod llm;
pub mod metrics;
pub mod pg_cluster;
pub mod pki;
pub mod ratelimit;
pub mod reaper;
pub mod report;
pub mod retention;
pub mod runs;
pub mod server;
pub mod service_graph;
pub mod store;
pub mod tls;
pub mod wakeups;
