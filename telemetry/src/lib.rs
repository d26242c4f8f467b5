//! Telemetry shared by the controller and the agent: one place that sets up logs and traces,
//! serves the HTTP endpoint for metrics and probes, and renders metrics, so both binaries behave
//! the same way; the configuration file, read the same way by both; and when to shut down.

pub mod config_file;
pub mod http;
pub mod logs;
pub mod metrics;
pub mod shutdown;
pub mod traces;

pub use http::HttpListen;
pub use logs::{LogFormat, Telemetry};
