//! The tools' way into the controller: a gRPC channel and the caller's token, with every request
//! marked as coming from an MCP tool.

use std::time::Duration;

use cyberbrain_proto::auth::MCP_TOOL_HEADER;
use cyberbrain_proto::v1::directive_service_client::DirectiveServiceClient;
use cyberbrain_proto::v1::fleet_service_client::FleetServiceClient;
use cyberbrain_proto::v1::run_service_client::RunServiceClient;
use tonic::metadata::{Ascii, MetadataValue};
use tonic::transport::Channel;

use crate::error::{Error, Result};

/// How long one API call of a tool may take: an assistant waits for the answer.
const CALL_TIMEOUT: Duration = Duration::from_secs(30);

/// Reports can be large; the API's own cap on a message applies on the controller's side.
const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

/// A channel to the public API and the bearer token every call carries.
#[derive(Clone)]
pub struct Api {
    channel: Channel,
    /// `Bearer <token>`, checked once for header characters.
    authorization: MetadataValue<Ascii>,
}

impl std::fmt::Debug for Api {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token.
        f.debug_struct("Api").finish_non_exhaustive()
    }
}

impl Api {
    /// Calls over `channel` (TLS to the API listener) as the holder of `token`.
    pub fn new(channel: Channel, token: &str) -> Result<Api> {
        let authorization = format!("Bearer {token}")
            .parse::<MetadataValue<Ascii>>()
            .map_err(|_| Error::InvalidToken)?;
        Ok(Api {
            channel,
            authorization,
        })
    }

    /// `message` as a request of `tool`: the token, the MCP marker and a deadline.
    pub(crate) fn request<T>(&self, tool: &'static str, message: T) -> tonic::Request<T> {
        let mut request = tonic::Request::new(message);
        request.set_timeout(CALL_TIMEOUT);
        let metadata = request.metadata_mut();
        metadata.insert("authorization", self.authorization.clone());
        metadata.insert(MCP_TOOL_HEADER, MetadataValue::from_static(tool));
        request
    }

    pub(crate) fn runs(&self) -> RunServiceClient<Channel> {
        RunServiceClient::new(self.channel.clone()).max_decoding_message_size(MAX_MESSAGE_BYTES)
    }

    pub(crate) fn fleet(&self) -> FleetServiceClient<Channel> {
        FleetServiceClient::new(self.channel.clone()).max_decoding_message_size(MAX_MESSAGE_BYTES)
    }

    pub(crate) fn directives(&self) -> DirectiveServiceClient<Channel> {
        DirectiveServiceClient::new(self.channel.clone())
            .max_decoding_message_size(MAX_MESSAGE_BYTES)
    }
}
