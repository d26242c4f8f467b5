//! The controller's error type and its one mapping to gRPC status codes.
//!
//! Domain and store failures are [`cyberbrain_store::Error`]; the controller wraps them so that
//! `?` turns them into a [`Status`] through the one table below. Internal causes (database text,
//! file paths) are logged here and never sent to an API caller or an agent.

use tonic::{Code, Status};

pub use cyberbrain_store::Error as StoreError;

/// What can go wrong in the controller: a domain or store failure.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A domain or store failure.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A report that could not be rendered as JSON (a bug: the report is built from typed data). A
/// store error, because a run's report is rendered inside the transaction that finishes it.
pub fn unrenderable_report(error: serde_json::Error) -> StoreError {
    StoreError::Corrupt {
        what: "report",
        reason: error.to_string(),
    }
}

/// The controller's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An invalid-argument error for `field`.
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        StoreError::invalid(field, reason).into()
    }

    /// An I/O error with what was being done.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        StoreError::io(context, source).into()
    }

    /// A failed-precondition error for `field`.
    pub fn precondition(field: impl Into<String>, reason: impl Into<String>) -> Self {
        StoreError::FailedPrecondition {
            field: field.into(),
            reason: reason.into(),
        }
        .into()
    }

    /// A service of this replica could not answer.
    pub fn unavailable(reason: impl Into<String>) -> Self {
        StoreError::Unavailable(reason.into()).into()
    }

    /// The caller's identity does not allow the action.
    pub fn permission_denied(reason: impl Into<String>) -> Self {
        StoreError::PermissionDenied(reason.into()).into()
    }

    /// The caller did not prove who it is.
    pub fn unauthenticated(reason: impl Into<String>) -> Self {
        StoreError::Unauthenticated(reason.into()).into()
    }

    /// The store's error inside.
    pub fn store(&self) -> &StoreError {
        match self {
            Error::Store(e) => e,
        }
    }

    /// Whether the transaction lost a deadlock or a serialization conflict.
    pub fn is_transient_conflict(&self) -> bool {
        self.store().is_transient_conflict()
    }

    /// The gRPC code this error maps to.
    pub fn code(&self) -> Code {
        match self.store() {
            StoreError::NotFound { .. } => Code::NotFound,
            StoreError::AlreadyExists { .. } => Code::AlreadyExists,
            StoreError::InvalidArgument { .. } => Code::InvalidArgument,
            StoreError::FailedPrecondition { .. } => Code::FailedPrecondition,
            StoreError::Unauthenticated(_) => Code::Unauthenticated,
            StoreError::PermissionDenied(_) => Code::PermissionDenied,
            StoreError::Database(_) | StoreError::Pool(_) | StoreError::Unavailable(_) => {
                Code::Unavailable
            }
            StoreError::Corrupt { .. } | StoreError::Io { .. } => Code::Internal,
        }
    }
}

impl From<cyberbrain_tasks::InvalidField> for Error {
    fn from(e: cyberbrain_tasks::InvalidField) -> Self {
        StoreError::from(e).into()
    }
}

impl From<Error> for Status {
    fn from(error: Error) -> Status {
        // Internal causes are logged here, once, and never sent to the client verbatim.
        let code = error.code();
        match code {
            Code::Unavailable | Code::Internal => {
                tracing::error!(error = %error, "request failed");
                let message = if code == Code::Unavailable {
                    "the database is unavailable; try again"
                } else {
                    "internal error; see the controller's log"
                };
                Status::new(code, message)
            }
            _ => Status::new(code, error.to_string()),
        }
    }
}
