//! gRPC handlers. Each one is thin: validate and convert at the edge, call the domain, map the error.
//! No `pb` type travels below this module.

pub mod agent_link;
pub mod allowlist;
mod convert;
pub mod directives;
pub mod fleet;
pub mod runs;
pub mod usage;

use tonic::Status;
use uuid::Uuid;

/// Parses a UUID field, naming it when it is not one.
fn parse_id(field: &str, value: &str) -> Result<Uuid, Status> {
    Uuid::parse_str(value.trim())
        .map_err(|_| Status::invalid_argument(format!("invalid {field}: {value:?} is not a UUID")))
}

/// Page sizes: 0 means the default; larger than the maximum is cut to it.
fn page_size(requested: u32) -> u32 {
    const DEFAULT: u32 = 50;
    const MAX: u32 = 500;
    match requested {
        0 => DEFAULT,
        n => n.min(MAX),
    }
}
