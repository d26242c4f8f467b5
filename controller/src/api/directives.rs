//! `DirectiveService`.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::directive_service_server::DirectiveService;
use cyberbrain_tasks::wire::task_specs_from_wire;
use tonic::{Request, Response, Status};

use super::convert::{directive_to_wire, selector_from_wire};
use super::{audit_entry, page_size, paging};
use crate::app::App;
use crate::error::Error;
use cyberbrain_model::directives::{DirectiveSpec, validate_name};
use cyberbrain_model::fleet::TargetSelector;

/// Serves directives.
#[derive(Debug, Clone)]
pub struct DirectiveApi {
    app: App,
}

impl DirectiveApi {
    /// A handler over the shared state.
    pub fn new(app: App) -> Self {
        DirectiveApi { app }
    }
}

/// The longest description accepted.
const MAX_DESCRIPTION_LEN: usize = 4096;

/// Checks a `CreateDirective` request and makes the domain spec: the name, the description's
/// length, every task and its parameters, the target. Pure: the fuzz target `directive` and its
/// corpus test call it too.
pub fn check_create_request(r: pb::CreateDirectiveRequest) -> Result<DirectiveSpec, Error> {
    spec_from_wire(
        r.name,
        r.description,
        r.tasks,
        r.default_target,
        r.llm,
        r.queue_timeout_seconds,
    )
}

fn spec_from_wire(
    name: String,
    description: String,
    tasks: Vec<pb::TaskSpec>,
    target: Option<pb::TargetSelector>,
    llm: Option<bool>,
    queue_timeout_seconds: Option<u32>,
) -> Result<DirectiveSpec, Error> {
    validate_name(&name)?;
    // 0 means the controller's default (stored as none); unset keeps an update's previous value.
    let queue_timeout = match queue_timeout_seconds {
        None => None,
        Some(0) => Some(std::time::Duration::ZERO),
        Some(n) if n > super::MAX_QUEUE_TIMEOUT_SECONDS => {
            return Err(Error::invalid(
                "queue_timeout_seconds",
                format!(
                    "must be at most {} seconds (7 days)",
                    super::MAX_QUEUE_TIMEOUT_SECONDS
                ),
            ));
        }
        Some(n) => Some(std::time::Duration::from_secs(u64::from(n))),
    };
    if description.len() > MAX_DESCRIPTION_LEN {
        return Err(Error::invalid(
            "description",
            format!("must be at most {MAX_DESCRIPTION_LEN} bytes"),
        ));
    }
    Ok(DirectiveSpec {
        name,
        description,
        tasks: task_specs_from_wire(tasks)?,
        default_target: selector_from_wire(target, "default_target")?
            .unwrap_or(TargetSelector::All),
        llm_enabled: llm,
        queue_timeout,
    })
}

#[tonic::async_trait]
impl DirectiveService for DirectiveApi {
    async fn create_directive(
        &self,
        request: Request<pb::CreateDirectiveRequest>,
    ) -> Result<Response<pb::Directive>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "directive.create")?;
        let r = request.into_inner();
        let spec = check_create_request(r)?;
        let directive = self
            .app
            .store
            .create_directive(&spec, &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(directive = %directive.name, "directive created");
        Ok(Response::new(directive_to_wire(&directive)))
    }

    async fn get_directive(
        &self,
        request: Request<pb::GetDirectiveRequest>,
    ) -> Result<Response<pb::Directive>, Status> {
        super::input::check(request.get_ref())?;
        let r = request.into_inner();
        validate_name(&r.name).map_err(Error::from)?;
        let version = (r.version > 0).then_some(r.version);
        let directive = self
            .app
            .store
            .get_directive(&r.name, version)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(directive_to_wire(&directive)))
    }

    async fn list_directives(
        &self,
        request: Request<pb::ListDirectivesRequest>,
    ) -> Result<Response<pb::ListDirectivesResponse>, Status> {
        super::input::check(request.get_ref())?;
        let r = request.into_inner();
        let limit = page_size(r.page_size);
        let after = if r.page_token.is_empty() {
            String::new()
        } else {
            // A token holds the last directive name of a page; any other text is refused.
            let name = paging::page_token_text(&r.page_token)?;
            validate_name(&name)
                .map_err(|_| Error::invalid("page_token", "not a token this server issued"))?;
            name
        };
        let directives = self
            .app
            .store
            .list_directives(&after, limit + 1)
            .await
            .map_err(Error::from)?;
        let more = directives.len() > limit as usize;
        let directives: Vec<_> = directives.into_iter().take(limit as usize).collect();
        let next_page_token = match directives.last() {
            Some(last) if more => paging::page_token(&last.name),
            _ => String::new(),
        };
        Ok(Response::new(pb::ListDirectivesResponse {
            directives: directives.iter().map(directive_to_wire).collect(),
            next_page_token,
        }))
    }

    async fn update_directive(
        &self,
        request: Request<pb::UpdateDirectiveRequest>,
    ) -> Result<Response<pb::Directive>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "directive.update")?;
        let r = request.into_inner();
        let spec = spec_from_wire(
            r.name,
            r.description,
            r.tasks,
            r.default_target,
            r.llm,
            r.queue_timeout_seconds,
        )?;
        let directive = self
            .app
            .store
            .update_directive(&spec, &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(directive = %directive.name, version = directive.version, "directive updated");
        Ok(Response::new(directive_to_wire(&directive)))
    }

    async fn delete_directive(
        &self,
        request: Request<pb::DeleteDirectiveRequest>,
    ) -> Result<Response<pb::DeleteDirectiveResponse>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "directive.delete")?;
        let r = request.into_inner();
        validate_name(&r.name).map_err(Error::from)?;
        let versions_deleted = self
            .app
            .store
            .delete_directive(&r.name, &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(directive = %r.name, versions_deleted, "directive deleted");
        Ok(Response::new(pb::DeleteDirectiveResponse {
            versions_deleted,
        }))
    }
}
