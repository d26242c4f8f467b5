//! `FleetService`.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::fleet_service_server::FleetService;
use tonic::{Request, Response, Status};

use super::audit_entry;
use super::convert::{agent_to_wire, timestamp};
use crate::app::App;
use crate::error::Error;
use cyberbrain_model::tokens::{TokenKind, new_token, validate_name};

/// Join tokens live 15 minutes unless asked otherwise, and a week at the most.
const DEFAULT_JOIN_TTL_SECONDS: u64 = 15 * 60;
const MAX_JOIN_TTL_SECONDS: u64 = 7 * 86_400;

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
            agents: agents.iter().map(agent_to_wire).collect(),
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
        Ok(Response::new(agent_to_wire(&agent)))
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
        Ok(Response::new(agent_to_wire(&agent)))
    }
}
