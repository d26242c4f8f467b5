//! `FleetService`.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::fleet_service_server::FleetService;
use tonic::{Request, Response, Status};

use super::convert::agent_to_wire;
use crate::app::App;

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
        _request: Request<pb::ListAgentsRequest>,
    ) -> Result<Response<pb::ListAgentsResponse>, Status> {
        let agents = self.app.store.list_agents().await?;
        Ok(Response::new(pb::ListAgentsResponse {
            agents: agents.iter().map(agent_to_wire).collect(),
        }))
    }

    async fn get_agent(
        &self,
        request: Request<pb::GetAgentRequest>,
    ) -> Result<Response<pb::Agent>, Status> {
        let name = request.into_inner().name;
        if name.trim().is_empty() {
            return Err(Status::invalid_argument("invalid name: must not be empty"));
        }
        let agent = self.app.store.get_agent(&name).await?;
        Ok(Response::new(agent_to_wire(&agent)))
    }
}
