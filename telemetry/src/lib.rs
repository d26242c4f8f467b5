//! Telemetry shared by the controller and the agent: one place that sets up logs (and, later,
//! traces and metrics) so both binaries behave the same way.

pub mod logs;

pub use logs::LogFormat;
