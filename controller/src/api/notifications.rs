//! `NotificationService`: rules that send run events out. Targets are secrets: a created rule's
//! URL is never returned, only its scheme and host; a webhook's signing secret is returned once,
//! by the create call.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::notification_service_server::NotificationService;
use tonic::{Request, Response, Status};

use super::audit_entry;
use super::convert::{opt_timestamp, timestamp};
use crate::app::App;
use crate::error::Error;
use crate::notify::{sinks, targets};
use cyberbrain_model::notifications::{
    DeliveryTarget, EventKind, NewNotificationRule, NotificationRule, RuleScope, SinkKind,
};

/// Serves notification rules.
#[derive(Debug, Clone)]
pub struct NotificationApi {
    app: App,
}

impl NotificationApi {
    /// A handler over the shared state.
    pub fn new(app: App) -> Self {
        NotificationApi { app }
    }
}

fn sink_from_wire(value: i32) -> Result<SinkKind, Status> {
    match pb::NotificationSink::try_from(value) {
        Ok(pb::NotificationSink::Slack) => Ok(SinkKind::Slack),
        Ok(pb::NotificationSink::Webhook) => Ok(SinkKind::Webhook),
        Ok(pb::NotificationSink::Github) => Ok(SinkKind::Github),
        _ => Err(Status::from(Error::invalid(
            "sink",
            "must be slack, webhook or github",
        ))),
    }
}

fn sink_to_wire(sink: SinkKind) -> pb::NotificationSink {
    match sink {
        SinkKind::Slack => pb::NotificationSink::Slack,
        SinkKind::Webhook => pb::NotificationSink::Webhook,
        SinkKind::Github => pb::NotificationSink::Github,
    }
}

fn rule_to_wire(rule: &NotificationRule) -> pb::NotificationRule {
    let (directive, all_directives) = match &rule.scope {
        RuleScope::All => (String::new(), true),
        RuleScope::Directive(d) => (d.clone(), false),
    };
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    pb::NotificationRule {
        id: rule.id.to_string(),
        name: rule.name.clone(),
        events: rule.events.iter().map(|e| e.as_str().to_string()).collect(),
        directive,
        all_directives,
        sink: sink_to_wire(rule.sink) as i32,
        target: rule.target_shown.clone(),
        created_at: Some(timestamp(rule.created_at)),
        created_by: rule.created_by.clone(),
        state: rule.state().to_string(),
        failing_since: opt_timestamp(rule.failing_since),
        disabled_at: opt_timestamp(rule.disabled_at),
        last_success_at: opt_timestamp(rule.last_success_at),
        last_error: rule.last_error.clone().unwrap_or_default(),
        pending: count(rule.pending),
        delivered: count(rule.delivered),
        failed: count(rule.failed),
    }
}

/// The rule a create request describes, with a fresh signing secret for webhooks.
fn new_rule(r: pb::CreateNotificationRuleRequest) -> Result<NewNotificationRule, Status> {
    let sink = sink_from_wire(r.sink)?;
    let events = r
        .events
        .iter()
        .map(|e| {
            EventKind::parse(e.trim()).ok_or_else(|| {
                Status::from(Error::invalid(
                    "events",
                    "each must be run.failed, run.partially_failed or finding.new_error",
                ))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let scope = match (r.directive.trim().is_empty(), r.all_directives) {
        (false, false) => RuleScope::Directive(r.directive.trim().to_string()),
        (true, true) => RuleScope::All,
        _ => {
            return Err(Status::from(Error::invalid(
                "directive",
                "name a directive or choose all_directives, not both or neither",
            )));
        }
    };
    let secret = match sink {
        SinkKind::Webhook => sinks::new_signing_secret()
            .map_err(|_| Status::from(Error::invalid("sink", "no randomness for a secret")))?,
        SinkKind::Github => r.github_token.trim().to_string(),
        SinkKind::Slack => String::new(),
    };
    if sink != SinkKind::Github && !(r.github_token.is_empty() && r.github_api_url.is_empty()) {
        return Err(Status::from(Error::invalid(
            "github_token",
            "only the github sink takes a token and an API URL",
        )));
    }
    let api_url = (sink == SinkKind::Github).then(|| {
        let url = r.github_api_url.trim();
        if url.is_empty() {
            sinks::GITHUB_API.to_string()
        } else {
            url.trim_end_matches('/').to_string()
        }
    });
    Ok(NewNotificationRule {
        name: r.name.trim().to_string(),
        events,
        scope,
        target: DeliveryTarget {
            sink,
            target: r.target.trim().to_string(),
            secret,
            api_url,
        },
    })
}

#[tonic::async_trait]
impl NotificationService for NotificationApi {
    async fn create_notification_rule(
        &self,
        request: Request<pb::CreateNotificationRuleRequest>,
    ) -> Result<Response<pb::CreateNotificationRuleResponse>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "notify.create")?;
        let rule = new_rule(request.into_inner())?;
        rule.validate().map_err(Error::from)?;
        let allow_private = self.app.settings.notify.allow_private_targets;
        let (field, url) = match rule.target.sink {
            SinkKind::Github => ("github_api_url", rule.target.api_url.as_deref()),
            _ => ("target", Some(rule.target.target.as_str())),
        };
        if let Some(url) = url {
            targets::check_literal_host(url, allow_private)
                .map_err(|reason| Status::from(Error::invalid(field, reason)))?;
        }
        let created = self
            .app
            .store
            .create_notification_rule(&rule, &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(rule = %created.name, sink = created.sink.as_str(), "notification rule created");
        let signing_secret = match rule.target.sink {
            SinkKind::Webhook => rule.target.secret.clone(),
            _ => String::new(),
        };
        Ok(Response::new(pb::CreateNotificationRuleResponse {
            rule: Some(rule_to_wire(&created)),
            signing_secret,
        }))
    }

    async fn list_notification_rules(
        &self,
        request: Request<pb::ListNotificationRulesRequest>,
    ) -> Result<Response<pb::ListNotificationRulesResponse>, Status> {
        super::input::check(request.get_ref())?;
        let rules = self
            .app
            .store
            .list_notification_rules()
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::ListNotificationRulesResponse {
            rules: rules.iter().map(rule_to_wire).collect(),
        }))
    }

    async fn get_notification_rule(
        &self,
        request: Request<pb::GetNotificationRuleRequest>,
    ) -> Result<Response<pb::NotificationRule>, Status> {
        super::input::check(request.get_ref())?;
        let name = request.into_inner().name;
        let rule = self
            .app
            .store
            .get_notification_rule(name.trim())
            .await
            .map_err(Error::from)?;
        Ok(Response::new(rule_to_wire(&rule)))
    }

    async fn delete_notification_rule(
        &self,
        request: Request<pb::DeleteNotificationRuleRequest>,
    ) -> Result<Response<pb::DeleteNotificationRuleResponse>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "notify.delete")?;
        let name = request.into_inner().name;
        self.app
            .store
            .delete_notification_rule(name.trim(), &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(rule = %name.trim(), "notification rule deleted");
        Ok(Response::new(pb::DeleteNotificationRuleResponse {}))
    }

    async fn test_notification_rule(
        &self,
        request: Request<pb::TestNotificationRuleRequest>,
    ) -> Result<Response<pb::TestNotificationRuleResponse>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "notify.test")?;
        let name = request.into_inner().name;
        let target = self
            .app
            .store
            .notification_target_for_test(name.trim(), &audit)
            .await
            .map_err(Error::from)?;
        let settings = &self.app.settings.notify;
        let client = sinks::client(settings.allow_private_targets, settings.request_timeout)
            .map_err(|_| Status::from(Error::invalid("name", "no HTTP client could be built")))?;
        let attempt = sinks::send(
            &client,
            settings.allow_private_targets,
            &target,
            uuid::Uuid::new_v4(),
            &crate::notify::render::Message::test(),
        )
        .await;
        tracing::info!(rule = %name.trim(), status = attempt.status, delivered = attempt.delivered,
            "notification test sent");
        Ok(Response::new(pb::TestNotificationRuleResponse {
            delivered: attempt.delivered,
            status: attempt.status.map_or(0, u32::from),
            error: attempt.error,
        }))
    }

    async fn enable_notification_rule(
        &self,
        request: Request<pb::EnableNotificationRuleRequest>,
    ) -> Result<Response<pb::NotificationRule>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "notify.enable")?;
        let name = request.into_inner().name;
        let rule = self
            .app
            .store
            .enable_notification_rule(name.trim(), &audit)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(rule_to_wire(&rule)))
    }
}
