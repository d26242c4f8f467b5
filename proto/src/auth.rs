//! How a client authenticates to the public API: every call carries `authorization: Bearer
//! <token>`, the metadata the controller's authentication reads.

use tonic::metadata::errors::InvalidMetadataValue;
use tonic::metadata::{Ascii, MetadataValue};
use tonic::service::Interceptor;

/// The metadata key that marks a call as made by an MCP tool, holding the tool's name
/// (`list_runs`). The controller then audits the call as `mcp:<token name>`, admits only the
/// methods its MCP table lists, and refuses writes unless it runs with `--mcp-allow-write`. A
/// client can leave it out, so it narrows what a token may do and never widens it.
pub const MCP_TOOL_HEADER: &str = "x-cyberbrain-mcp-tool";

/// Adds `authorization: Bearer <token>` to every call, or nothing when made without a token.
#[derive(Debug, Clone)]
pub struct Bearer(Option<MetadataValue<Ascii>>);

impl Bearer {
    /// Sends `token` with every call (`None`: calls go unauthenticated). Fails when the token
    /// has characters a header cannot carry.
    pub fn new(token: Option<&str>) -> Result<Bearer, InvalidMetadataValue> {
        token
            .map(|token| format!("Bearer {token}").parse::<MetadataValue<Ascii>>())
            .transpose()
            .map(Bearer)
    }
}

impl Interceptor for Bearer {
    fn call(
        &mut self,
        mut request: tonic::Request<()>,
    ) -> Result<tonic::Request<()>, tonic::Status> {
        if let Some(value) = &self.0 {
            request
                .metadata_mut()
                .insert("authorization", value.clone());
        }
        Ok(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authorization(mut bearer: Bearer) -> Option<String> {
        let request = bearer
            .call(tonic::Request::new(()))
            .expect("the interceptor never refuses");
        request
            .metadata()
            .get("authorization")
            .map(|value| value.to_str().expect("ascii").to_string())
    }

    #[test]
    fn calls_carry_the_token_when_there_is_one() {
        let with = Bearer::new(Some("cb_secret")).expect("a token fits in a header");
        assert_eq!(authorization(with).as_deref(), Some("Bearer cb_secret"));
        let without = Bearer::new(None).expect("no token is fine");
        assert_eq!(authorization(without), None);
        assert!(Bearer::new(Some("line\nbreak")).is_err());
    }
}
