//! gRPC handlers. Each one is thin: validate and convert at the edge, call the domain, map the error.
//! No `pb` type travels below this module.

pub mod agent_link;
pub mod allowlist;
pub mod audit;
pub mod auth;
mod convert;
pub mod directives;
pub mod enrollment;
pub mod fleet;
pub mod input;
pub mod notifications;
pub mod paging;
pub mod rpc_span;
pub mod runs;
pub mod schedules;
pub mod triggers;
pub mod usage;
pub mod wire_codes;

use tonic::{Request, Status};
use uuid::Uuid;

use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::tokens::Caller;

use crate::error::Error;

/// The authenticated caller, put there by the auth layer. Its absence means the layer is missing:
/// refuse rather than act for nobody.
fn caller<T>(request: &Request<T>) -> Result<Caller, Status> {
    request
        .extensions()
        .get::<Caller>()
        .cloned()
        .ok_or_else(|| Status::from(Error::unauthenticated("no authenticated caller")))
}

/// An audit entry for `action` by the request's caller.
fn audit_entry<T>(request: &Request<T>, action: &'static str) -> Result<AuditEntry, Status> {
    Ok(AuditEntry::new(caller(request)?.actor(), action))
}

/// Parses a UUID field, naming it when it is not one.
fn parse_id(field: &str, value: &str) -> Result<Uuid, Status> {
    Uuid::parse_str(value.trim()).map_err(|_| {
        // The value is echoed to help the caller, but cut: it travels in a header.
        Status::from(Error::invalid(
            field,
            format!("{} is not a UUID", input::shown(value)),
        ))
    })
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

/// The longest queue timeout a launch or a directive may set: a week.
const MAX_QUEUE_TIMEOUT_SECONDS: u32 = 7 * 86_400;

/// A queue timeout from the wire (whole seconds, 1 to a week), naming `field` when out of range.
fn queue_timeout_from_wire(seconds: u32, field: &str) -> Result<std::time::Duration, Status> {
    if seconds == 0 || seconds > MAX_QUEUE_TIMEOUT_SECONDS {
        return Err(Status::from(Error::invalid(
            field,
            format!("must be 1 to {MAX_QUEUE_TIMEOUT_SECONDS} seconds (7 days)"),
        )));
    }
    Ok(std::time::Duration::from_secs(u64::from(seconds)))
}
