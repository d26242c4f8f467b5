//! The store's error type, which is also the domain's: what a query, a validation or the embedded
//! cluster can report. The controller maps it to gRPC status codes in one table; nothing here knows
//! gRPC.

/// Everything that can go wrong in the controller's domain and store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The named object does not exist.
    #[error("{what} {name:?} not found")]
    NotFound {
        /// The kind of object, e.g. `directive`.
        what: &'static str,
        /// Its name or id.
        name: String,
    },
    /// The named object exists already.
    #[error("{what} {name:?} already exists")]
    AlreadyExists {
        /// The kind of object.
        what: &'static str,
        /// Its name or id.
        name: String,
    },
    /// A request field is malformed or out of range.
    #[error("invalid {field}: {reason}")]
    InvalidArgument {
        /// The field's path in the request.
        field: String,
        /// What was expected.
        reason: String,
    },
    /// The request is well formed but the system's state does not allow it.
    #[error("{field}: {reason}")]
    FailedPrecondition {
        /// The field whose value the state refuses.
        field: String,
        /// Why.
        reason: String,
    },
    /// The caller did not prove who it is (a bad, expired or used token).
    #[error("{0}")]
    Unauthenticated(String),
    /// The caller's identity does not allow the action.
    #[error("permission denied: {0}")]
    PermissionDenied(String),
    /// The database refused or failed a statement.
    #[error("database error: {}", describe_database_error(.0))]
    Database(tokio_postgres::Error),
    /// No database connection could be had.
    #[error("database pool error: {}", with_causes(.0))]
    Pool(#[from] deadpool_postgres::PoolError),
    /// A service of this replica could not answer (it is shutting down, or its batch failed).
    #[error("unavailable: {0}")]
    Unavailable(String),
    /// A stored value could not be read back (a bug or a hand-edited row).
    #[error("corrupt stored {what}: {reason}")]
    Corrupt {
        /// Which value.
        what: &'static str,
        /// What was wrong with it.
        reason: String,
    },
    /// A scheduled launch did not happen: its fire time was decided already, or (`forbid`) an
    /// earlier run of the schedule is unfinished, which was recorded as a skip.
    #[error("schedule fire not launched: {0:?}")]
    NotFired(FireRefused),
    /// Filesystem work (artifacts, the embedded cluster) failed.
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// Why a scheduled launch did not happen (see [`Error::NotFired`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FireRefused {
    /// Another replica (or an earlier tick) decided this fire time already.
    AlreadyDecided,
    /// `forbid`: a run of the schedule is unfinished; the skip is recorded.
    Busy,
    /// A webhook delivery with the same de-duplication key is remembered: nothing launched.
    DuplicateDelivery,
    /// The schedule was paused after the tick read it; nothing is recorded.
    Paused,
}

/// The store's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An invalid-argument error for `field`.
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidArgument {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// An I/O error with what was being done.
    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }
}

impl From<cyberbrain_tasks::InvalidField> for Error {
    fn from(e: cyberbrain_tasks::InvalidField) -> Self {
        Error::InvalidArgument {
            field: e.field,
            reason: e.reason,
        }
    }
}

/// A statement's failure. Text the database cannot hold (a NUL, which PostgreSQL refuses in text,
/// a character its encoding lacks) is the caller's fault, not the database's: it becomes
/// `InvalidArgument`, a backstop behind the API's input check, so that such input never answers
/// "unavailable; try again". It is logged with its SQLSTATE, since it means the input check let
/// something through. Other data errors (a value too long, a time out of range) may come from
/// values the server computed, so they stay database errors.
impl From<tokio_postgres::Error> for Error {
    fn from(error: tokio_postgres::Error) -> Self {
        match error.code() {
            Some(code) if is_invalid_input(code) => {
                tracing::warn!(sqlstate = code.code(), error = %describe_database_error(&error),
                    "the database refused a request's text: answered as invalid input");
                Error::InvalidArgument {
                    field: "request".to_string(),
                    reason: "holds text the database cannot store (a NUL or an invalid character)"
                        .to_string(),
                }
            }
            _ => Error::Database(error),
        }
    }
}

/// The SQLSTATEs that only a request's own text can cause: 22P05 (untranslatable character: a
/// NUL) and 22021 (a byte sequence invalid in the encoding).
fn is_invalid_input(code: &tokio_postgres::error::SqlState) -> bool {
    use tokio_postgres::error::SqlState;
    *code == SqlState::UNTRANSLATABLE_CHARACTER || *code == SqlState::CHARACTER_NOT_IN_REPERTOIRE
}

/// The server's message and SQLSTATE when there is one (tokio-postgres says only "db error").
fn describe_database_error(error: &tokio_postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => format!("{} (SQLSTATE {})", db.message(), db.code().code()),
        None => with_causes(error),
    }
}

/// An error's message followed by its causes' (a failed TLS handshake says why, for one), each
/// once.
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(e) = cause {
        let message = e.to_string();
        if !text.contains(&message) {
            text = format!("{text}: {message}");
        }
        cause = e.source();
    }
    text
}

impl Error {
    /// Whether the transaction lost a deadlock or a serialization conflict: the same work may
    /// succeed when it is simply tried again.
    pub fn is_transient_conflict(&self) -> bool {
        use tokio_postgres::error::SqlState;
        match self {
            Error::Database(e) => e.code().is_some_and(|code| {
                *code == SqlState::T_R_DEADLOCK_DETECTED
                    || *code == SqlState::T_R_SERIALIZATION_FAILURE
            }),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio_postgres::error::SqlState;

    #[test]
    fn only_text_the_database_cannot_hold_is_the_callers_fault() {
        assert_eq!(SqlState::UNTRANSLATABLE_CHARACTER.code(), "22P05");
        assert_eq!(SqlState::CHARACTER_NOT_IN_REPERTOIRE.code(), "22021");
        assert!(is_invalid_input(&SqlState::UNTRANSLATABLE_CHARACTER));
        assert!(is_invalid_input(&SqlState::CHARACTER_NOT_IN_REPERTOIRE));
        // A value too long or a time out of range may be the server's own computation.
        for code in [
            SqlState::STRING_DATA_RIGHT_TRUNCATION,
            SqlState::DATETIME_FIELD_OVERFLOW,
            SqlState::NUMERIC_VALUE_OUT_OF_RANGE,
            SqlState::T_R_DEADLOCK_DETECTED,
        ] {
            assert!(!is_invalid_input(&code), "{}", code.code());
        }
    }
}
