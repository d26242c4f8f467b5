//! Role-based access for the public API: one table from RPC to the role it needs, and the tower
//! layer that enforces it before any handler runs.
//!
//! The table is the whole policy. A method missing from it is refused for every caller, so a new
//! RPC is unreachable until someone decides who may call it (a unit test also checks that every
//! method of the API's descriptor set has a row).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use tonic::Status;
use tonic::body::Body;

use cyberbrain_model::tokens::{Caller, Role, TokenKind, hashes_equal, parse_token};
use cyberbrain_tasks::{PlannedTask, TaskType};
use tonic::transport::server::{TcpConnectInfo, TlsConnectInfo};

use super::mcp;
use super::sources::{LookupGate, REFUSAL_LOG};
use crate::error::Error;

/// Who may call a method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, without a token: health checks and reflection, which tooling needs before it has
    /// credentials and which reveal nothing private.
    Public,
    /// A token with this role or a higher one.
    AtLeast(Role),
}

use Access::{AtLeast, Public};
use Role::{Admin, Operator, Viewer};

/// Every method served on the API listener and who may call it.
pub const ACCESS_TABLE: &[(&str, Access)] = &[
    // Tooling.
    ("/grpc.health.v1.Health/Check", Public),
    ("/grpc.health.v1.Health/Watch", Public),
    (
        "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
        Public,
    ),
    // Directives: reading is for everyone, changing for operators.
    (
        "/cyberbrain.v1.DirectiveService/GetDirective",
        AtLeast(Viewer),
    ),
    (
        "/cyberbrain.v1.DirectiveService/ListDirectives",
        AtLeast(Viewer),
    ),
    (
        "/cyberbrain.v1.DirectiveService/CreateDirective",
        AtLeast(Operator),
    ),
    (
        "/cyberbrain.v1.DirectiveService/UpdateDirective",
        AtLeast(Operator),
    ),
    (
        "/cyberbrain.v1.DirectiveService/DeleteDirective",
        AtLeast(Operator),
    ),
    // Schedules: reading is for everyone, changing for operators.
    (
        "/cyberbrain.v1.ScheduleService/GetSchedule",
        AtLeast(Viewer),
    ),
    (
        "/cyberbrain.v1.ScheduleService/ListSchedules",
        AtLeast(Viewer),
    ),
    (
        "/cyberbrain.v1.ScheduleService/PreviewSchedule",
        AtLeast(Viewer),
    ),
    (
        "/cyberbrain.v1.ScheduleService/CreateSchedule",
        AtLeast(Operator),
    ),
    (
        "/cyberbrain.v1.ScheduleService/PauseSchedule",
        AtLeast(Operator),
    ),
    (
        "/cyberbrain.v1.ScheduleService/ResumeSchedule",
        AtLeast(Operator),
    ),
    (
        "/cyberbrain.v1.ScheduleService/DeleteSchedule",
        AtLeast(Operator),
    ),
    // Triggers launch runs as an operator would: operators make and delete them. Reading shows
    // no secret (it is returned once, by CreateTrigger).
    ("/cyberbrain.v1.TriggerService/GetTrigger", AtLeast(Viewer)),
    (
        "/cyberbrain.v1.TriggerService/ListTriggers",
        AtLeast(Viewer),
    ),
    (
        "/cyberbrain.v1.TriggerService/CreateTrigger",
        AtLeast(Operator),
    ),
    (
        "/cyberbrain.v1.TriggerService/DeleteTrigger",
        AtLeast(Operator),
    ),
    // Runs: operators launch and cancel.
    ("/cyberbrain.v1.RunService/GetRun", AtLeast(Viewer)),
    ("/cyberbrain.v1.RunService/ListRuns", AtLeast(Viewer)),
    ("/cyberbrain.v1.RunService/GetRunReport", AtLeast(Viewer)),
    ("/cyberbrain.v1.RunService/WatchRun", AtLeast(Viewer)),
    // What a command printed, as the report shows it.
    ("/cyberbrain.v1.RunService/GetJobOutput", AtLeast(Viewer)),
    ("/cyberbrain.v1.RunService/LaunchRun", AtLeast(Operator)),
    ("/cyberbrain.v1.RunService/CancelRun", AtLeast(Operator)),
    // The fleet: admins enroll and revoke agents.
    ("/cyberbrain.v1.FleetService/ListAgents", AtLeast(Viewer)),
    // Token counts and costs are read-only figures, no text: any reader may see them.
    ("/cyberbrain.v1.UsageService/TokenStats", AtLeast(Viewer)),
    ("/cyberbrain.v1.UsageService/CostReport", AtLeast(Viewer)),
    (
        "/cyberbrain.v1.UsageService/ListLlmProviders",
        AtLeast(Viewer),
    ),
    ("/cyberbrain.v1.FleetService/GetAgent", AtLeast(Viewer)),
    (
        "/cyberbrain.v1.FleetService/CreateJoinToken",
        AtLeast(Admin),
    ),
    ("/cyberbrain.v1.FleetService/RevokeAgent", AtLeast(Admin)),
    ("/cyberbrain.v1.FleetService/DeleteAgent", AtLeast(Admin)),
    ("/cyberbrain.v1.FleetService/SetAgentLabels", AtLeast(Admin)),
    ("/cyberbrain.v1.FleetService/ListJoinTokens", AtLeast(Admin)),
    (
        "/cyberbrain.v1.FleetService/RevokeJoinToken",
        AtLeast(Admin),
    ),
    // The allowlist decides what agents may read: only admins change it.
    (
        "/cyberbrain.v1.AllowlistService/ListAllowlistEntries",
        AtLeast(Viewer),
    ),
    (
        "/cyberbrain.v1.AllowlistService/AddAllowlistEntry",
        AtLeast(Admin),
    ),
    (
        "/cyberbrain.v1.AllowlistService/UpdateAllowlistEntry",
        AtLeast(Admin),
    ),
    (
        "/cyberbrain.v1.AllowlistService/RemoveAllowlistEntry",
        AtLeast(Admin),
    ),
    // Tokens and the audit log are admin business; anyone may ask who they are.
    ("/cyberbrain.v1.AuthService/WhoAmI", AtLeast(Viewer)),
    // A sign-in link carries the caller's own token's rights, no more: anyone may mint one.
    (
        "/cyberbrain.v1.AuthService/CreateWebSignInLink",
        AtLeast(Viewer),
    ),
    ("/cyberbrain.v1.AuthService/CreateApiToken", AtLeast(Admin)),
    ("/cyberbrain.v1.AuthService/ListApiTokens", AtLeast(Admin)),
    ("/cyberbrain.v1.AuthService/RevokeApiToken", AtLeast(Admin)),
    (
        "/cyberbrain.v1.AuditService/ListAuditEvents",
        AtLeast(Admin),
    ),
    // Notification rules send findings out of the system: only admins change them. Listings
    // show no secret (a URL's scheme and host only).
    (
        "/cyberbrain.v1.NotificationService/ListNotificationRules",
        AtLeast(Viewer),
    ),
    (
        "/cyberbrain.v1.NotificationService/GetNotificationRule",
        AtLeast(Viewer),
    ),
    (
        "/cyberbrain.v1.NotificationService/CreateNotificationRule",
        AtLeast(Admin),
    ),
    (
        "/cyberbrain.v1.NotificationService/DeleteNotificationRule",
        AtLeast(Admin),
    ),
    (
        "/cyberbrain.v1.NotificationService/EnableNotificationRule",
        AtLeast(Admin),
    ),
    (
        "/cyberbrain.v1.NotificationService/TestNotificationRule",
        AtLeast(Admin),
    ),
];

/// The lowest role that may launch a run with a task of this type: `LaunchRun` needs operator
/// for any run; a task that acts on hosts rather than reading them is listed here so that it
/// can be raised on its own (a worker container needs admin). Checked by
/// the launch itself ([`check_task_roles`]), after a directive's tasks are resolved.
pub fn task_role(task: TaskType) -> Role {
    match task {
        TaskType::LogTriage | TaskType::GpuReport | TaskType::ServiceMap => Operator,
        // Runs only what each host declares, under the host's own limits.
        TaskType::Command => Operator,
        // Runs an image with the host's Docker engine: even hardened, a container is new code on
        // the host, so only an admin may choose one (within both allowlists).
        TaskType::Container => Admin,
    }
}

/// Refuses a launch by `role` of tasks that need a higher role, naming the first such task.
pub fn check_task_roles<'a>(
    role: Role,
    tasks: impl IntoIterator<Item = &'a PlannedTask>,
) -> Result<(), Error> {
    for (i, task) in tasks.into_iter().enumerate() {
        let needed = task_role(task.task_type());
        if role < needed {
            return Err(Error::permission_denied(format!(
                "tasks[{i}] is a {} task, which needs the {} role",
                task.task_type(),
                needed.as_str()
            )));
        }
    }
    Ok(())
}

/// The access rule of a method path (`/package.Service/Method`), if it has one.
pub fn access_for(path: &str) -> Option<Access> {
    ACCESS_TABLE
        .iter()
        .find(|(method, _)| *method == path)
        .map(|(_, access)| *access)
}

/// Decides one request: `Ok(None)` for a public method, `Ok(Some(caller))` for an allowed one.
/// `mcp_tool` names the MCP tool that made the call, if one did: the caller carries it, and a
/// refusal by role is audited (see [`super::mcp`]).
pub async fn authorize(
    gate: &LookupGate,
    path: &str,
    authorization: Option<&str>,
    source: Option<std::net::IpAddr>,
    mcp_tool: Option<String>,
) -> Result<Option<Caller>, Status> {
    let Some(access) = access_for(path) else {
        return Err(Status::from(Error::permission_denied(format!(
            "{path} has no access rule; nobody may call it"
        ))));
    };
    let needed = match access {
        Public => return Ok(None),
        AtLeast(role) => role,
    };
    let mut caller = authenticate(gate, authorization, source).await?;
    caller.mcp_tool = mcp_tool;
    if caller.role < needed {
        let status = Status::from(Error::permission_denied(format!(
            "{path} needs the {needed} role; token {:?} has {}",
            caller.name, caller.role
        )));
        if caller.mcp_tool.is_some() {
            mcp::record(
                gate.store(),
                &mcp::audit_entry(&caller, path, Some(&status)),
            )
            .await?;
        }
        return Err(status);
    }
    Ok(Some(caller))
}

/// Checks a bearer token against the store.
async fn authenticate(
    gate: &LookupGate,
    authorization: Option<&str>,
    source: Option<std::net::IpAddr>,
) -> Result<Caller, Status> {
    let header = authorization.ok_or_else(|| {
        Status::from(Error::unauthenticated(
            "missing authorization: send `authorization: Bearer <token>` (cbctl login, or --token-file)",
        ))
    })?;
    let token = header
        .strip_prefix("Bearer ")
        .or_else(|| header.strip_prefix("bearer "))
        .ok_or_else(|| {
            Status::from(Error::unauthenticated(
                "invalid authorization: expected `Bearer <token>`",
            ))
        })?;
    let presented = parse_token(TokenKind::Api, token).map_err(|reason| {
        Status::from(Error::unauthenticated(format!(
            "invalid authorization: {reason}"
        )))
    })?;
    let invalid = || {
        Status::from(Error::unauthenticated(
            "invalid authorization: unknown, expired or revoked token",
        ))
    };
    // Before any query: a flood of made-up tokens must not become a flood of lookups.
    gate.before_lookup(presented.id, source)?;
    let stored = gate
        .store()
        .api_token_for_auth(presented.id)
        .await
        .map_err(|e| Status::from(crate::error::Error::from(e)))?
        .ok_or_else(invalid)?;
    if !hashes_equal(&stored.secret_sha256, &presented.secret_sha256) || !stored.usable {
        return Err(invalid());
    }
    Ok(Caller {
        token_id: presented.id,
        name: stored.name,
        role: stored.role,
        mcp_tool: None,
    })
}

/// The tower layer that puts [`authorize`] in front of every API service.
#[derive(Debug, Clone)]
pub struct AuthLayer {
    gate: LookupGate,
}

impl AuthLayer {
    /// A layer checking tokens through `gate` (the store behind a per-source limit).
    pub fn new(gate: LookupGate) -> Self {
        AuthLayer { gate }
    }
}

impl<S> tower::Layer<S> for AuthLayer {
    type Service = AuthService<S>;

    fn layer(&self, inner: S) -> Self::Service {
        AuthService {
            inner,
            gate: self.gate.clone(),
        }
    }
}

/// [`AuthLayer`]'s service.
#[derive(Debug, Clone)]
pub struct AuthService<S> {
    inner: S,
    gate: LookupGate,
}

type BoxFuture<T> = Pin<Box<dyn Future<Output = T> + Send>>;

impl<S> tower::Service<http::Request<Body>> for AuthService<S>
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

    fn call(&mut self, mut request: http::Request<Body>) -> Self::Future {
        // The ready service goes into the future; a fresh clone takes its place (tower's rule).
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let gate = self.gate.clone();
        let source = request
            .extensions()
            .get::<TlsConnectInfo<TcpConnectInfo>>()
            .and_then(|info| info.get_ref().remote_addr())
            .map(|addr| addr.ip());
        let mcp_tool = mcp::tool_of(request.headers());
        Box::pin(async move {
            let path = request.uri().path().to_string();
            let mcp_tool = match mcp_tool {
                Ok(tool) => tool,
                Err(status) => return Ok(status.into_http()),
            };
            let authorization = request
                .headers()
                .get(http::header::AUTHORIZATION)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            match authorize(&gate, &path, authorization.as_deref(), source, mcp_tool).await {
                Ok(caller) => {
                    if let Some(caller) = caller {
                        request.extensions_mut().insert(caller);
                    }
                    inner.call(request).await
                }
                Err(status) => {
                    // Anyone can make these, as fast as they like: sampled. A caller with a
                    // valid token but too low a role is logged each time.
                    let unauthenticated = matches!(
                        status.code(),
                        tonic::Code::Unauthenticated | tonic::Code::ResourceExhausted
                    );
                    if !unauthenticated {
                        tracing::info!(method = %path, code = ?status.code(), reason = %status.message(), "request refused");
                    } else if let Some(left_out) = REFUSAL_LOG.sample() {
                        tracing::info!(method = %path, code = ?status.code(), reason = %status.message(),
                            source = ?source, left_out, "request refused");
                    }
                    Ok(status.into_http())
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use prost::Message;

    /// Every method of every service the API serves has exactly one row, and no row names a
    /// method that does not exist.
    #[test]
    fn the_table_covers_every_api_method_exactly_once() {
        let set = prost_types::FileDescriptorSet::decode(cyberbrain_proto::FILE_DESCRIPTOR_SET)
            .expect("descriptor set");
        let mut methods = Vec::new();
        for file in &set.file {
            let package = file.package();
            if package != "cyberbrain.v1" {
                continue;
            }
            for service in &file.service {
                for method in &service.method {
                    methods.push(format!("/{package}.{}/{}", service.name(), method.name()));
                }
            }
        }
        assert!(methods.len() > 20);
        for method in &methods {
            let rows = ACCESS_TABLE.iter().filter(|(m, _)| m == method).count();
            assert_eq!(rows, 1, "{method} must have exactly one access rule");
        }
        for (row, _) in ACCESS_TABLE {
            assert!(
                methods.contains(&row.to_string()) || !row.starts_with("/cyberbrain."),
                "{row} is not an API method"
            );
        }
    }

    #[test]
    fn commands_need_an_operator_and_the_refusal_names_the_task() {
        use cyberbrain_tasks::{CommandParams, TaskSpec};
        let command = PlannedTask::from(TaskSpec::Command(CommandParams {
            name: "whoami".into(),
            args: vec![],
        }));
        let triage = PlannedTask::with_defaults(TaskType::LogTriage);
        assert_eq!(task_role(TaskType::Command), Operator);
        assert!(check_task_roles(Operator, [&triage, &command]).is_ok());
        assert!(check_task_roles(Admin, [&command]).is_ok());
        let refused = check_task_roles(Viewer, [&triage, &command]).unwrap_err();
        assert_eq!(refused.code(), tonic::Code::PermissionDenied);
        assert!(refused.to_string().contains("tasks[0]"), "{refused}");
    }

    #[test]
    fn worker_containers_need_an_admin() {
        use cyberbrain_tasks::{ContainerParams, TaskSpec};
        let container = PlannedTask::from(TaskSpec::Container(ContainerParams {
            image: format!("worker@sha256:{}", "a".repeat(64)),
            ..Default::default()
        }));
        assert_eq!(task_role(TaskType::Container), Admin);
        let refused = check_task_roles(Operator, [&container]).unwrap_err();
        assert_eq!(refused.code(), tonic::Code::PermissionDenied);
        assert!(check_task_roles(Admin, [&container]).is_ok());
    }

    #[test]
    fn roles_are_ordered() {
        assert!(Role::Viewer < Role::Operator && Role::Operator < Role::Admin);
        assert_eq!(
            access_for("/cyberbrain.v1.RunService/LaunchRun"),
            Some(AtLeast(Operator))
        );
        assert_eq!(access_for("/cyberbrain.v1.AgentLink/Attach"), None);
    }
}
