//! The controller's error type and its one mapping to gRPC status codes.
//!
//! Domain and store failures are [`cyberbrain_store::Error`]; the controller wraps them so that
//! `?` turns them into a [`Status`] through the one table below. Internal causes (database text,
//! file paths) are logged here and never sent to an API caller or an agent.

use tonic::{Code, Status};

pub use cyberbrain_store::Error as StoreError;

/// What can go wrong in the controller: a domain or store failure, or one that only a gRPC caller
/// or stream can meet.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A domain or store failure.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A rate limit refused the call; `retry_after` goes out as `retry-after-ms` metadata.
    #[error("rate limit exceeded for {what}: retry after {} ms", millis(*.retry_after))]
    RateLimited {
        /// What was limited, e.g. `token "ci"`.
        what: String,
        /// How long until a call can pass.
        retry_after: std::time::Duration,
    },
    /// The peer did not say what it had to in time.
    #[error("{0}")]
    DeadlineExceeded(&'static str),
    /// The peer went away before the call could finish.
    #[error("{0}")]
    Cancelled(&'static str),
    /// A message is larger than the service accepts.
    #[error("{0}")]
    TooLarge(String),
    /// This replica is shutting down; the caller should go to another.
    #[error("this controller is shutting down; try another")]
    ShuttingDown,
    /// A fault of the controller itself (the built-in descriptor set does not decode, say): the
    /// cause is logged, the caller told only that it was internal.
    #[error("internal error: {0}")]
    Internal(String),
}

/// A wait in whole milliseconds, at least one.
fn millis(wait: std::time::Duration) -> u64 {
    u64::try_from(wait.as_millis()).unwrap_or(u64::MAX).max(1)
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

    /// The named object does not exist.
    pub fn not_found(what: &'static str, name: impl Into<String>) -> Self {
        StoreError::NotFound {
            what,
            name: name.into(),
        }
        .into()
    }

    /// Whether the transaction lost a deadlock or a serialization conflict.
    pub fn is_transient_conflict(&self) -> bool {
        matches!(self, Error::Store(e) if e.is_transient_conflict())
    }

    /// The gRPC code this error maps to: the one table, with no catch-all arm.
    pub fn code(&self) -> Code {
        let store = match self {
            Error::Store(store) => store,
            Error::RateLimited { .. } | Error::TooLarge(_) => return Code::ResourceExhausted,
            Error::DeadlineExceeded(_) => return Code::DeadlineExceeded,
            Error::Cancelled(_) => return Code::Cancelled,
            Error::ShuttingDown => return Code::Unavailable,
            Error::Internal(_) => return Code::Internal,
        };
        match store {
            StoreError::NotFound { .. } => Code::NotFound,
            StoreError::AlreadyExists { .. } => Code::AlreadyExists,
            StoreError::InvalidArgument { .. } => Code::InvalidArgument,
            StoreError::FailedPrecondition { .. } | StoreError::NotFired(_) => {
                Code::FailedPrecondition
            }
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
        let internal_cause = matches!(
            &error,
            Error::Internal(_)
                | Error::Store(
                    StoreError::Database(_)
                        | StoreError::Pool(_)
                        | StoreError::Unavailable(_)
                        | StoreError::Corrupt { .. }
                        | StoreError::Io { .. }
                )
        );
        if internal_cause {
            tracing::error!(error = %error, "request failed");
            let message = if code == Code::Unavailable {
                "the database is unavailable; try again"
            } else {
                "internal error; see the controller's log"
            };
            return Status::new(code, message);
        }
        let mut status = Status::new(code, error.to_string());
        if let Error::RateLimited { retry_after, .. } = &error
            && let Ok(value) = millis(*retry_after).to_string().parse()
        {
            status.metadata_mut().insert("retry-after-ms", value);
        }
        status
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_causes_never_reach_the_caller() {
        let status = Status::from(Error::unavailable(
            "connection to 10.0.0.5 refused: password authentication failed",
        ));
        assert_eq!(status.code(), Code::Unavailable);
        assert!(!status.message().contains("10.0.0.5"), "{status:?}");
        let status = Status::from(Error::io(
            "writing /var/lib/private/report.md",
            std::io::Error::other("disk full"),
        ));
        assert_eq!(status.code(), Code::Internal);
        assert!(!status.message().contains("/var/lib"), "{status:?}");
    }

    #[test]
    fn caller_errors_keep_their_code_and_message() {
        let status = Status::from(Error::invalid(
            "page_token",
            "not a token this server issued",
        ));
        assert_eq!(status.code(), Code::InvalidArgument);
        assert_eq!(
            status.message(),
            "invalid page_token: not a token this server issued"
        );
        let status = Status::from(Error::not_found("allowlist entry", "42"));
        assert_eq!(status.code(), Code::NotFound);
        let status = Status::from(Error::ShuttingDown);
        assert_eq!(status.code(), Code::Unavailable);
        assert!(status.message().contains("shutting down"), "{status:?}");
        assert_eq!(
            Status::from(Error::DeadlineExceeded("no hello within 10 seconds")).code(),
            Code::DeadlineExceeded
        );
        assert_eq!(
            Status::from(Error::permission_denied("the agent was revoked")).code(),
            Code::PermissionDenied
        );
    }

    #[test]
    fn a_rate_limit_carries_its_wait() {
        let status = Status::from(Error::RateLimited {
            what: "token \"ci\"".into(),
            retry_after: std::time::Duration::from_millis(1500),
        });
        assert_eq!(status.code(), Code::ResourceExhausted);
        assert!(
            status.message().contains("retry after 1500 ms"),
            "{status:?}"
        );
        let wait = status
            .metadata()
            .get("retry-after-ms")
            .and_then(|v| v.to_str().ok());
        assert_eq!(wait, Some("1500"));
    }
}
