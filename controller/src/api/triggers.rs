//! `TriggerService`: validate, call the store, convert. The secret is generated here, returned
//! once by `CreateTrigger` and never again (the store reads it back only to verify a delivery).

use std::collections::BTreeMap;

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::trigger_service_server::TriggerService;
use tonic::{Request, Response, Status};

use super::audit_entry;
use super::convert::timestamp;
use crate::app::App;
use crate::auth::rbac::check_task_roles;
use crate::error::Error;
use cyberbrain_model::tokens::Role;
use cyberbrain_model::triggers::{Filters, NewTrigger, Trigger, TriggerKind, validate_name};
use cyberbrain_store::Error as StoreError;

/// Serves triggers.
#[derive(Debug, Clone)]
pub struct TriggerApi {
    app: App,
}

impl TriggerApi {
    /// A handler over the shared state.
    pub fn new(app: App) -> Self {
        TriggerApi { app }
    }
}

fn kind_from_wire(value: i32) -> Result<TriggerKind, Error> {
    match pb::TriggerKind::try_from(value) {
        Ok(pb::TriggerKind::Github) => Ok(TriggerKind::Github),
        Ok(pb::TriggerKind::Alertmanager) => Ok(TriggerKind::Alertmanager),
        Ok(pb::TriggerKind::Grafana) => Ok(TriggerKind::Grafana),
        Ok(pb::TriggerKind::Generic) => Ok(TriggerKind::Generic),
        Ok(pb::TriggerKind::Unspecified) | Err(_) => Err(Error::invalid(
            "kind",
            "must be github, alertmanager, grafana or generic",
        )),
    }
}

fn kind_to_wire(kind: TriggerKind) -> pb::TriggerKind {
    match kind {
        TriggerKind::Github => pb::TriggerKind::Github,
        TriggerKind::Alertmanager => pb::TriggerKind::Alertmanager,
        TriggerKind::Grafana => pb::TriggerKind::Grafana,
        TriggerKind::Generic => pb::TriggerKind::Generic,
    }
}

/// The wire form; `web_url` is this controller's web listener (`https://host:port`), if on.
fn trigger_to_wire(t: &Trigger, web_url: Option<&str>, remembered: Option<u64>) -> pb::Trigger {
    let path = t.path();
    let alert_kind = matches!(t.kind, TriggerKind::Alertmanager | TriggerKind::Grafana);
    pb::Trigger {
        id: t.id.to_string(),
        name: t.name.clone(),
        kind: kind_to_wire(t.kind) as i32,
        directive_name: t.directive_name.clone(),
        events: t.filters.events.clone(),
        refs: t.filters.refs.clone(),
        label_map: t.filters.label_map.clone().into_iter().collect(),
        cool_down_seconds: if alert_kind {
            u32::try_from(t.filters.cool_down().as_secs()).unwrap_or(u32::MAX)
        } else {
            0
        },
        url: web_url
            .map(|base| format!("{base}{path}"))
            .unwrap_or_default(),
        path,
        created_by: t.created_by.clone(),
        created_at: Some(timestamp(t.created_at)),
        remembered_deliveries: remembered.unwrap_or(0),
    }
}

/// Checks a `CreateTriggerRequest` and makes the new trigger with `secret`.
fn check_create(r: pb::CreateTriggerRequest, secret: String) -> Result<NewTrigger, Error> {
    validate_name(&r.name)?;
    let kind = kind_from_wire(r.kind)?;
    cyberbrain_model::directives::validate_name(&r.directive_name)
        .map_err(|_| Error::invalid("directive_name", "is not a valid directive name"))?;
    let label_map: BTreeMap<String, String> = r.label_map.into_iter().collect();
    let filters = Filters {
        events: r.events,
        refs: r.refs,
        label_map,
        cool_down_seconds: (r.cool_down_seconds > 0).then_some(r.cool_down_seconds),
    };
    filters.validate(kind)?;
    Ok(NewTrigger {
        name: r.name,
        kind,
        directive_name: r.directive_name,
        filters,
        secret,
    })
}

fn checked_name(name: &str) -> Result<(), Status> {
    validate_name(name).map_err(|e| Status::from(Error::from(e)))
}

#[tonic::async_trait]
impl TriggerService for TriggerApi {
    async fn create_trigger(
        &self,
        request: Request<pb::CreateTriggerRequest>,
    ) -> Result<Response<pb::CreateTriggerResponse>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "trigger.create")?;
        let created_by = audit.actor.clone();
        let mut new = check_create(request.into_inner(), String::new())?;
        new.secret = crate::triggers::new_secret(new.kind)
            .map_err(|_| Status::from(Error::Internal("no randomness for a secret".into())))?;
        // A delivery launches as an operator: refuse now a directive whose tasks an operator
        // could not launch (each delivery checks again, as the directive may change).
        match self
            .app
            .store
            .get_directive(&new.directive_name, None)
            .await
        {
            Ok(directive) => check_task_roles(Role::Operator, &directive.tasks)?,
            Err(StoreError::NotFound { .. }) => {
                return Err(Status::from(Error::invalid(
                    "directive_name",
                    "no directive has that name",
                )));
            }
            Err(e) => return Err(Status::from(Error::from(e))),
        }
        let trigger = self
            .app
            .store
            .create_trigger(&new, &created_by, &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(trigger = %trigger.name, kind = trigger.kind.as_str(), directive = %trigger.directive_name, "trigger created");
        Ok(Response::new(pb::CreateTriggerResponse {
            trigger: Some(trigger_to_wire(
                &trigger,
                self.app.settings.web_url.as_deref(),
                None,
            )),
            secret: new.secret,
        }))
    }

    async fn get_trigger(
        &self,
        request: Request<pb::GetTriggerRequest>,
    ) -> Result<Response<pb::Trigger>, Status> {
        super::input::check(request.get_ref())?;
        let r = request.into_inner();
        checked_name(&r.name)?;
        let store = &self.app.store;
        let trigger = store.get_trigger(&r.name).await.map_err(Error::from)?;
        let remembered = store
            .count_trigger_deliveries(trigger.id)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(trigger_to_wire(
            &trigger,
            self.app.settings.web_url.as_deref(),
            Some(remembered),
        )))
    }

    async fn list_triggers(
        &self,
        request: Request<pb::ListTriggersRequest>,
    ) -> Result<Response<pb::ListTriggersResponse>, Status> {
        super::input::check(request.get_ref())?;
        let triggers = self.app.store.list_triggers().await.map_err(Error::from)?;
        let web_url = self.app.settings.web_url.as_deref();
        Ok(Response::new(pb::ListTriggersResponse {
            triggers: triggers
                .iter()
                .map(|t| trigger_to_wire(t, web_url, None))
                .collect(),
        }))
    }

    async fn delete_trigger(
        &self,
        request: Request<pb::DeleteTriggerRequest>,
    ) -> Result<Response<pb::DeleteTriggerResponse>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "trigger.delete")?;
        let r = request.into_inner();
        checked_name(&r.name)?;
        self.app
            .store
            .delete_trigger(&r.name, &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(trigger = %r.name, "trigger deleted");
        Ok(Response::new(pb::DeleteTriggerResponse {}))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn request(kind: pb::TriggerKind) -> pb::CreateTriggerRequest {
        pb::CreateTriggerRequest {
            name: "on-push".into(),
            kind: kind as i32,
            directive_name: "triage".into(),
            events: vec!["push".into()],
            refs: vec!["refs/heads/main".into()],
            label_map: HashMap::new(),
            cool_down_seconds: 0,
        }
    }

    fn message_of(e: Error) -> String {
        let status = Status::from(e);
        assert_eq!(status.code(), tonic::Code::InvalidArgument);
        status.message().to_string()
    }

    #[test]
    fn bad_fields_are_named() {
        let Err(e) = check_create(request(pb::TriggerKind::Unspecified), "s".into()) else {
            panic!("accepted no kind");
        };
        assert!(message_of(e).contains("kind"));
        let Err(e) = check_create(request(pb::TriggerKind::Generic), "s".into()) else {
            panic!("accepted a ref filter on a generic trigger");
        };
        assert!(message_of(e).contains("filters"));
        let mut r = request(pb::TriggerKind::Alertmanager);
        r.events.clear();
        r.refs.clear();
        r.label_map = HashMap::from([("instance".into(), "bad label!".into())]);
        let Err(e) = check_create(r, "s".into()) else {
            panic!("accepted a bad label name");
        };
        assert!(message_of(e).contains("filters.label_map"));
        let mut r = request(pb::TriggerKind::Github);
        r.name = "Bad Name".into();
        let Err(e) = check_create(r, "s".into()) else {
            panic!("accepted a bad name");
        };
        assert!(message_of(e).contains("name"));
    }

    #[test]
    fn the_url_is_the_web_listener_and_the_hook_path() {
        let new = check_create(request(pb::TriggerKind::Github), "s".into()).expect("valid");
        let trigger = Trigger {
            id: uuid::Uuid::nil(),
            name: new.name,
            kind: new.kind,
            directive_name: new.directive_name,
            filters: new.filters,
            created_by: "t".into(),
            created_at: chrono::Utc::now(),
        };
        let wire = trigger_to_wire(&trigger, Some("https://cb.example:8443"), None);
        assert_eq!(
            wire.url,
            format!("https://cb.example:8443/hooks/{}", uuid::Uuid::nil())
        );
        assert_eq!(wire.cool_down_seconds, 0);
        assert!(trigger_to_wire(&trigger, None, None).url.is_empty());
    }
}
