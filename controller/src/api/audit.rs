//! `AuditService`.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::audit_service_server::AuditService;
use tonic::{Request, Response, Status};

use super::convert::audit_event_to_wire;
use crate::app::App;
use crate::error::Error;
use cyberbrain_model::audit::AuditFilter;

/// Serves the audit log.
#[derive(Debug, Clone)]
pub struct AuditApi {
    app: App,
}

impl AuditApi {
    /// A handler over the shared state.
    pub fn new(app: App) -> Self {
        AuditApi { app }
    }
}

#[tonic::async_trait]
impl AuditService for AuditApi {
    async fn list_audit_events(
        &self,
        request: Request<pb::ListAuditEventsRequest>,
    ) -> Result<Response<pb::ListAuditEventsResponse>, Status> {
        super::input::check(request.get_ref())?;
        let r = request.into_inner();
        let since = super::paging::since("since", r.since)?;
        let filter = AuditFilter {
            actor: (!r.actor.is_empty()).then_some(r.actor),
            action: (!r.action.is_empty()).then_some(r.action),
            since,
            before_id: (r.before_id > 0).then(|| i64::try_from(r.before_id).unwrap_or(i64::MAX)),
            limit: match r.limit {
                0 => 100,
                n => n.min(1000),
            },
        };
        let events = self
            .app
            .store
            .list_audit_events(&filter)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::ListAuditEventsResponse {
            events: events.iter().map(audit_event_to_wire).collect(),
        }))
    }
}
