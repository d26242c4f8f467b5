//! Calls made by MCP tools: requests carrying [`MCP_TOOL_HEADER`] (set by `cbctl mcp` and any
//! mount of `cyberbrain_mcp`). Such a call is admitted only to the methods of [`MCP_TABLE`];
//! writes there need `--mcp-allow-write` on top of the token's role; and every call, admitted or
//! refused, is audited as `mcp:<token name>` with the tool and method.
//!
//! The header narrows what a token may do and never widens it: the role check of the access table
//! runs first, for every call. A client that leaves the header out is an ordinary API client
//! and is audited as such when it changes something.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::tokens::Caller;
use cyberbrain_proto::auth::MCP_TOOL_HEADER;
use cyberbrain_store::Store;
use tonic::Status;
use tonic::body::Body;

use crate::error::Error;

/// What an MCP tool does with a method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum McpUse {
    /// Reads; open to every MCP call the role allows.
    Read,
    /// Changes something; only with `--mcp-allow-write`.
    Write,
}

/// The API methods MCP tools may call. Tokens, join tokens, the allowlist, the audit log, agent
/// labels and revocation are deliberately absent: an assistant cannot reach them, whatever its
/// token's role.
pub const MCP_TABLE: &[(&str, McpUse)] = &[
    ("/cyberbrain.v1.FleetService/ListAgents", McpUse::Read),
    ("/cyberbrain.v1.FleetService/GetAgent", McpUse::Read),
    (
        "/cyberbrain.v1.DirectiveService/ListDirectives",
        McpUse::Read,
    ),
    ("/cyberbrain.v1.DirectiveService/GetDirective", McpUse::Read),
    ("/cyberbrain.v1.RunService/ListRuns", McpUse::Read),
    ("/cyberbrain.v1.RunService/GetRun", McpUse::Read),
    ("/cyberbrain.v1.RunService/GetRunReport", McpUse::Read),
    ("/cyberbrain.v1.RunService/LaunchRun", McpUse::Write),
    ("/cyberbrain.v1.RunService/CancelRun", McpUse::Write),
];

/// The longest tool name the header may carry.
const MAX_TOOL_NAME: usize = 64;

/// The MCP tool a request names, `None` for an ordinary API call. A header that is not a tool
/// name (1 to 64 lowercase ASCII letters, digits and underscores) is refused, without echoing it.
pub fn tool_of(headers: &http::HeaderMap) -> Result<Option<String>, Status> {
    let Some(value) = headers.get(MCP_TOOL_HEADER) else {
        return Ok(None);
    };
    let name = value.to_str().unwrap_or_default();
    let valid = !name.is_empty()
        && name.len() <= MAX_TOOL_NAME
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !valid {
        return Err(Status::from(Error::invalid(
            MCP_TOOL_HEADER,
            format!(
                "must be a tool name: 1 to {MAX_TOOL_NAME} lowercase letters, digits or underscores"
            ),
        )));
    }
    Ok(Some(name.to_string()))
}

/// Whether an MCP tool may call `path`: listed in [`MCP_TABLE`], and a write only when
/// `allow_write`.
pub fn admit(path: &str, allow_write: bool) -> Result<(), Error> {
    match MCP_TABLE.iter().find(|(method, _)| *method == path) {
        None => Err(Error::permission_denied(format!(
            "{path} is not open to MCP tools"
        ))),
        Some((_, McpUse::Write)) if !allow_write => Err(Error::permission_denied(
            "MCP write tools are off: the controller runs without --mcp-allow-write",
        )),
        Some(_) => Ok(()),
    }
}

/// The audit row of an MCP call by `caller` to `path`, admitted (`refusal` `None`) or refused.
pub fn audit_entry(caller: &Caller, path: &str, refusal: Option<&Status>) -> AuditEntry {
    let tool = caller.mcp_tool.clone().unwrap_or_default();
    match refusal {
        None => AuditEntry::new(caller.actor(), "mcp.call")
            .on(tool)
            .with(serde_json::json!({ "method": path, "role": caller.role.as_str() })),
        Some(status) => AuditEntry::new(caller.actor(), "mcp.refused")
            .on(tool)
            .with(serde_json::json!({
                "method": path,
                "role": caller.role.as_str(),
                "code": format!("{:?}", status.code()),
                "reason": status.message(),
            })),
    }
}

/// Records `entry`; a failure is logged (the call it describes is refused by the caller).
pub async fn record(store: &Store, entry: &AuditEntry) -> Result<(), Status> {
    store.record_audit(entry).await.map_err(|e| {
        tracing::warn!(action = entry.action, "mcp audit row not written");
        Status::from(Error::from(e))
    })
}

/// The layer, inside the per-token rate limit (so a flood is refused before it writes rows),
/// that admits or refuses each MCP call and audits it.
#[derive(Debug, Clone)]
pub struct McpGateLayer {
    store: Store,
    allow_write: bool,
}

impl McpGateLayer {
    /// Audits into `store`; writes admitted only when `allow_write`.
    pub fn new(store: Store, allow_write: bool) -> Self {
        McpGateLayer { store, allow_write }
    }
}

impl<S> tower::Layer<S> for McpGateLayer {
    type Service = McpGate<S>;

    fn layer(&self, inner: S) -> Self::Service {
        McpGate {
            inner,
            store: self.store.clone(),
            allow_write: self.allow_write,
        }
    }
}

/// [`McpGateLayer`]'s service.
#[derive(Debug, Clone)]
pub struct McpGate<S> {
    inner: S,
    store: Store,
    allow_write: bool,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<S> tower::Service<http::Request<Body>> for McpGate<S>
where
    S: tower::Service<http::Request<Body>, Response = http::Response<Body>>
        + Clone
        + Send
        + 'static,
    S::Future: Send + 'static,
    S::Error: Send + 'static,
{
    type Response = http::Response<Body>;
    type Error = S::Error;
    type Future = BoxFuture<Result<Self::Response, Self::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        let Some(caller) = request
            .extensions()
            .get::<Caller>()
            .filter(|caller| caller.mcp_tool.is_some())
            .cloned()
        else {
            return Box::pin(self.inner.call(request));
        };
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let (store, allow_write) = (self.store.clone(), self.allow_write);
        Box::pin(async move {
            let path = request.uri().path().to_string();
            let refusal = admit(&path, allow_write).err().map(Status::from);
            let entry = audit_entry(&caller, &path, refusal.as_ref());
            // No row, no call: an MCP call the audit log cannot show does not happen.
            if let Err(status) = record(&store, &entry).await {
                return Ok(status.into_http());
            }
            match refusal {
                Some(status) => {
                    tracing::info!(method = %path, tool = entry.object.as_str(), reason = %status.message(), "mcp call refused");
                    Ok(status.into_http())
                }
                None => inner.call(request).await,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cyberbrain_model::tokens::Role;

    fn headers(value: &str) -> http::HeaderMap {
        let mut headers = http::HeaderMap::new();
        headers.insert(MCP_TOOL_HEADER, value.parse().expect("header value"));
        headers
    }

    #[test]
    fn tool_names_are_read_and_anything_else_is_refused_without_an_echo() {
        assert_eq!(tool_of(&http::HeaderMap::new()).unwrap(), None);
        assert_eq!(
            tool_of(&headers("list_runs")).unwrap().as_deref(),
            Some("list_runs")
        );
        for bad in ["", "List", "a-b", "x y", &"a".repeat(65)] {
            let status = tool_of(&headers(bad)).unwrap_err();
            assert_eq!(status.code(), tonic::Code::InvalidArgument, "{bad:?}");
            assert!(status.message().contains(MCP_TOOL_HEADER));
            assert!(bad.len() < 3 || !status.message().contains(bad));
        }
    }

    #[test]
    fn reads_pass_writes_need_the_flag_and_secrets_are_out_of_reach() {
        assert!(admit("/cyberbrain.v1.RunService/ListRuns", false).is_ok());
        let refused = admit("/cyberbrain.v1.RunService/LaunchRun", false).unwrap_err();
        assert!(
            Status::from(refused)
                .message()
                .contains("--mcp-allow-write")
        );
        assert!(admit("/cyberbrain.v1.RunService/CancelRun", true).is_ok());
        for secret in [
            "/cyberbrain.v1.AuthService/CreateApiToken",
            "/cyberbrain.v1.AuthService/ListApiTokens",
            "/cyberbrain.v1.FleetService/CreateJoinToken",
            "/cyberbrain.v1.FleetService/ListJoinTokens",
            "/cyberbrain.v1.AllowlistService/ListAllowlistEntries",
            "/cyberbrain.v1.AuditService/ListAuditEvents",
            "/cyberbrain.v1.FleetService/RevokeAgent",
        ] {
            assert!(admit(secret, true).is_err(), "{secret}");
        }
    }

    #[test]
    fn every_mcp_method_has_an_access_rule() {
        for (method, _) in MCP_TABLE {
            assert!(super::super::rbac::access_for(method).is_some(), "{method}");
        }
    }

    #[test]
    fn audit_rows_name_the_token_as_mcp_and_the_tool() {
        let caller = Caller {
            token_id: uuid::Uuid::nil(),
            name: "claude".into(),
            role: Role::Viewer,
            mcp_tool: Some("list_runs".into()),
        };
        let entry = audit_entry(&caller, "/cyberbrain.v1.RunService/ListRuns", None);
        assert_eq!(
            (entry.actor.as_str(), entry.action),
            ("mcp:claude", "mcp.call")
        );
        assert_eq!(entry.object, "list_runs");
        let status = Status::permission_denied("no");
        let entry = audit_entry(&caller, "/x", Some(&status));
        assert_eq!(entry.action, "mcp.refused");
        assert_eq!(entry.details["code"], "PermissionDenied");
    }
}
