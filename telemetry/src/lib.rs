//! Telemetry shared by the controller and the agent: one place that sets up logs and traces (and,
//! later, metrics) so both binaries behave the same way.

pub mod logs;
pub mod traces;

pub use logs::{LogFormat, Telemetry};
