//! The crate's error.

/// What can go wrong setting up or serving the tools. Failures of single tool calls are answered
/// to the client as tool errors instead (see `tools`).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The token has characters an HTTP header cannot carry.
    #[error("the API token has characters a header cannot carry")]
    InvalidToken,
    /// The MCP session failed to start or ended with an error.
    #[error("mcp session: {0}")]
    Protocol(String),
    /// The compiled-in descriptor set does not describe a message we convert (a build fault).
    #[error("no descriptor for {0}")]
    MissingDescriptor(&'static str),
    /// A message could not be converted to JSON.
    #[error("cannot convert {message} to JSON: {reason}")]
    Conversion {
        /// The message's full name.
        message: &'static str,
        /// Why.
        reason: String,
    },
}

/// The crate's result.
pub type Result<T, E = Error> = std::result::Result<T, E>;
