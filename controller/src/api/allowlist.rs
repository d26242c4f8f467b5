//! `AllowlistService`.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::allowlist_service_server::AllowlistService;
use cyberbrain_tasks::AllowRule;
use tonic::{Request, Response, Status};

use super::convert::{allowlist_entry_to_wire, match_kind};
use super::{audit_entry, parse_id};
use crate::app::App;
use crate::error::Error;
use cyberbrain_model::allowlist::AllowlistPatch;

/// Serves the allowlist.
#[derive(Debug, Clone)]
pub struct AllowlistApi {
    app: App,
}

impl AllowlistApi {
    /// A handler over the shared state.
    pub fn new(app: App) -> Self {
        AllowlistApi { app }
    }
}

#[tonic::async_trait]
impl AllowlistService for AllowlistApi {
    async fn add_allowlist_entry(
        &self,
        request: Request<pb::AddAllowlistEntryRequest>,
    ) -> Result<Response<pb::AllowlistEntry>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "allowlist.add")?;
        let r = request.into_inner();
        let rule = AllowRule {
            kind: match_kind(r.kind)?,
            pattern: r.pattern,
        };
        rule.validate().map_err(crate::error::Error::from)?;
        let entry = self
            .app
            .store
            .add_allowlist_entry(&rule, &r.description, r.send_to_llm.unwrap_or(true), &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(kind = rule.kind.as_str(), pattern = %rule.pattern, "allowlist entry added");
        Ok(Response::new(allowlist_entry_to_wire(&entry)))
    }

    async fn list_allowlist_entries(
        &self,
        request: Request<pb::ListAllowlistEntriesRequest>,
    ) -> Result<Response<pb::ListAllowlistEntriesResponse>, Status> {
        super::input::check(request.get_ref())?;
        let entries = self
            .app
            .store
            .list_allowlist_entries()
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::ListAllowlistEntriesResponse {
            entries: entries.iter().map(allowlist_entry_to_wire).collect(),
        }))
    }

    async fn update_allowlist_entry(
        &self,
        request: Request<pb::UpdateAllowlistEntryRequest>,
    ) -> Result<Response<pb::AllowlistEntry>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "allowlist.update")?;
        let r = request.into_inner();
        let id = parse_id("id", &r.id)?;
        if let Some(pattern) = &r.pattern {
            // The kind is unchanged; check the new pattern against the stored kind.
            let entries = self
                .app
                .store
                .list_allowlist_entries()
                .await
                .map_err(Error::from)?;
            let kind = entries
                .iter()
                .find(|e| e.id == id)
                .map(|e| e.rule.kind)
                .ok_or_else(|| Status::from(Error::not_found("allowlist entry", id.to_string())))?;
            AllowRule {
                kind,
                pattern: pattern.clone(),
            }
            .validate()
            .map_err(crate::error::Error::from)?;
        }
        let patch = AllowlistPatch {
            pattern: r.pattern,
            description: r.description,
            active: r.active,
            send_to_llm: r.send_to_llm,
        };
        let entry = self
            .app
            .store
            .update_allowlist_entry(id, &patch, &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(id = %id, "allowlist entry updated");
        Ok(Response::new(allowlist_entry_to_wire(&entry)))
    }

    async fn remove_allowlist_entry(
        &self,
        request: Request<pb::RemoveAllowlistEntryRequest>,
    ) -> Result<Response<pb::RemoveAllowlistEntryResponse>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "allowlist.remove")?;
        let id = parse_id("id", &request.into_inner().id)?;
        self.app
            .store
            .remove_allowlist_entry(id, &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(id = %id, "allowlist entry removed");
        Ok(Response::new(pb::RemoveAllowlistEntryResponse {}))
    }
}
