//! `FleetService`.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::fleet_service_server::FleetService;
use tonic::{Request, Response, Status};

use super::convert::{agent_to_wire, join_token_to_wire, timestamp};
use super::{audit_entry, parse_id};
use crate::app::App;
use crate::error::Error;
use cyberbrain_model::tokens::{TokenKind, new_token, validate_name};

/// Join tokens live 15 minutes unless asked otherwise, and a week at the most.
const DEFAULT_JOIN_TTL_SECONDS: u64 = 15 * 60;
const MAX_JOIN_TTL_SECONDS: u64 = 7 * 86_400;
/// Limits on admin-set labels, as on the labels agents report.
const MAX_LABELS: usize = 64;

/// Join tokens listed at the most (newest first).
const MAX_JOIN_TOKENS_LISTED: u32 = 500;

/// Checks admin-set labels: how many, and each key's and value's size.
fn check_labels(
    field: &str,
    labels: &std::collections::HashMap<String, String>,
) -> Result<(), Status> {
    if labels.len() > MAX_LABELS {
        return Err(Status::from(Error::invalid(
            field,
            format!("at most {MAX_LABELS}"),
        )));
    }
    for (k, v) in labels {
        check_label_key(field, k)?;
        if v.len() > 255 || v.chars().any(char::is_control) {
            return Err(Status::from(Error::invalid(
                field,
                "label values must be at most 255 bytes, without control characters",
            )));
        }
    }
    Ok(())
}

/// A label key: 1-63 bytes, no control characters. Never echoed whole.
fn check_label_key(field: &str, key: &str) -> Result<(), Status> {
    if key.is_empty() || key.len() > 63 || key.chars().any(char::is_control) {
        let shown: String = key.chars().take(20).filter(|c| !c.is_control()).collect();
        return Err(Status::from(Error::invalid(
            field,
            format!("key {shown:?}… must be 1-63 bytes without control characters"),
        )));
    }
    Ok(())
}

/// Serves the fleet's agents.
#[derive(Debug, Clone)]
pub struct FleetApi {
    app: App,
}

impl FleetApi {
    /// A handler over the shared state.
    pub fn new(app: App) -> Self {
        FleetApi { app }
    }

    /// Whether targeting uses the labels agents report about themselves.
    fn trust(&self) -> bool {
        self.app.settings.trust_agent_labels
    }
}

#[tonic::async_trait]
impl FleetService for FleetApi {
    async fn list_agents(
        &self,
        request: Request<pb::ListAgentsRequest>,
    ) -> Result<Response<pb::ListAgentsResponse>, Status> {
        super::input::check(request.get_ref())?;
        let agents = self.app.store.list_agents().await.map_err(Error::from)?;
        Ok(Response::new(pb::ListAgentsResponse {
            agents: agents
                .iter()
                .map(|a| agent_to_wire(a, self.trust()))
                .collect(),
        }))
    }

    async fn get_agent(
        &self,
        request: Request<pb::GetAgentRequest>,
    ) -> Result<Response<pb::Agent>, Status> {
        super::input::check(request.get_ref())?;
        let name = request.into_inner().name;
        if name.trim().is_empty() {
            return Err(Status::from(Error::invalid("name", "must not be empty")));
        }
        let agent = self.app.store.get_agent(&name).await.map_err(Error::from)?;
        Ok(Response::new(agent_to_wire(&agent, self.trust())))
    }

    async fn create_join_token(
        &self,
        request: Request<pb::CreateJoinTokenRequest>,
    ) -> Result<Response<pb::CreateJoinTokenResponse>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "join_token.create")?;
        let r = request.into_inner();
        let ttl = match r.ttl_seconds {
            0 => DEFAULT_JOIN_TTL_SECONDS,
            n if n > MAX_JOIN_TTL_SECONDS => {
                return Err(Status::from(Error::invalid(
                    "ttl_seconds",
                    format!("at most {MAX_JOIN_TTL_SECONDS} (7 days)"),
                )));
            }
            n => n,
        };
        check_labels("labels", &r.labels)?;
        let labels: std::collections::BTreeMap<String, String> = r.labels.into_iter().collect();
        let expires_at =
            chrono::Utc::now() + chrono::Duration::seconds(i64::try_from(ttl).unwrap_or(i64::MAX));
        let token = new_token(TokenKind::Join)
            .map_err(|e| Status::from(Error::io("generating a join token", e)))?;
        let audit = audit.on(token.id.to_string()).with(serde_json::json!({
            "labels": labels,
            "expires_at": expires_at,
        }));
        self.app
            .store
            .create_join_token(&token, &labels, expires_at, &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(join_token_id = %token.id, ttl_seconds = ttl, "join token created");
        Ok(Response::new(pb::CreateJoinTokenResponse {
            id: token.id.to_string(),
            token: token.secret_text,
            expires_at: Some(timestamp(expires_at)),
        }))
    }

    async fn revoke_agent(
        &self,
        request: Request<pb::RevokeAgentRequest>,
    ) -> Result<Response<pb::Agent>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "agent.revoke")?;
        let name = request.into_inner().name;
        validate_name("name", &name).map_err(Error::from)?;
        let agent = self.app.revoke_agent(&name, &audit.on(&name)).await?;
        Ok(Response::new(agent_to_wire(&agent, self.trust())))
    }

    async fn delete_agent(
        &self,
        request: Request<pb::DeleteAgentRequest>,
    ) -> Result<Response<pb::DeleteAgentResponse>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "agent.delete")?;
        let name = request.into_inner().name;
        validate_name("name", &name).map_err(Error::from)?;
        self.app
            .store
            .delete_agent(&name, &audit)
            .await
            .map_err(Error::from)?;
        tracing::warn!(agent = %name, "agent deleted");
        Ok(Response::new(pb::DeleteAgentResponse {}))
    }

    async fn set_agent_labels(
        &self,
        request: Request<pb::SetAgentLabelsRequest>,
    ) -> Result<Response<pb::Agent>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "agent.label")?;
        let r = request.into_inner();
        validate_name("name", &r.name).map_err(Error::from)?;
        if r.set.is_empty() && r.remove.is_empty() {
            return Err(Status::from(Error::invalid(
                "set",
                "give labels to set or keys to remove",
            )));
        }
        check_labels("set", &r.set)?;
        if r.remove.len() > MAX_LABELS {
            return Err(Status::from(Error::invalid(
                "remove",
                format!("at most {MAX_LABELS} keys"),
            )));
        }
        for key in &r.remove {
            check_label_key("remove", key)?;
        }
        let set: std::collections::BTreeMap<String, String> = r.set.into_iter().collect();
        let agent = self
            .app
            .store
            .set_agent_labels(&r.name, &set, &r.remove, &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(agent = %r.name, set = set.len(), removed = r.remove.len(), "agent labels changed");
        Ok(Response::new(agent_to_wire(&agent, self.trust())))
    }

    async fn list_join_tokens(
        &self,
        request: Request<pb::ListJoinTokensRequest>,
    ) -> Result<Response<pb::ListJoinTokensResponse>, Status> {
        super::input::check(request.get_ref())?;
        let tokens = self
            .app
            .store
            .list_join_tokens(MAX_JOIN_TOKENS_LISTED)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::ListJoinTokensResponse {
            tokens: tokens.iter().map(join_token_to_wire).collect(),
        }))
    }

    async fn revoke_join_token(
        &self,
        request: Request<pb::RevokeJoinTokenRequest>,
    ) -> Result<Response<pb::JoinToken>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "join_token.revoke")?;
        let id = parse_id("id", &request.into_inner().id)?;
        let token = self
            .app
            .store
            .revoke_join_token(id, &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(join_token_id = %id, "join token revoked");
        Ok(Response::new(join_token_to_wire(&token)))
    }
}
