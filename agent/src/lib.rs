//! The Cyberbrain agent: one daemon per host. It keeps a mutual-TLS stream to the controller, runs
//! the tasks it is assigned against the local Docker engine and NVML, and streams digests back.
//!
//! Architecture invariants: bollard is used only in [`docker`], NVML only in [`gpu`]; no container
//! outside the job's allowlist is read; raw log lines never leave [`triage`].

pub mod attribution;
pub mod cgroup;
pub mod config;
pub mod docker;
pub mod env_targets;
pub mod exec;
pub mod gpu;
pub mod gpu_metrics;
pub mod host_graph;
pub mod host_identity;
pub mod identity;
pub mod link;
pub mod metrics;
pub mod runner;
pub mod triage;
pub mod worker;
