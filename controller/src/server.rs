//! Serving: both listeners, health and reflection, until shutdown.

use std::future::Future;
use std::path::Path;
use std::sync::Arc;

use cyberbrain_proto::agent::v1::agent_link_server::AgentLinkServer;
use cyberbrain_proto::agent::v1::enrollment_server::EnrollmentServer;
use cyberbrain_proto::v1::allowlist_service_server::AllowlistServiceServer;
use cyberbrain_proto::v1::audit_service_server::AuditServiceServer;
use cyberbrain_proto::v1::auth_service_server::AuthServiceServer;
use cyberbrain_proto::v1::directive_service_server::DirectiveServiceServer;
use cyberbrain_proto::v1::fleet_service_server::FleetServiceServer;
use cyberbrain_proto::v1::notification_service_server::NotificationServiceServer;
use cyberbrain_proto::v1::run_service_server::RunServiceServer;
use cyberbrain_proto::v1::usage_service_server::UsageServiceServer;
use tokio::net::TcpListener;
use tonic::server::NamedService;
use tonic::transport::Server;

use crate::api::agent_link::{AgentLinkApi, LinkWorkers};
use crate::api::allowlist::AllowlistApi;
use crate::api::audit::AuditApi;
use crate::api::auth::AuthApi;
use crate::api::directives::DirectiveApi;
use crate::api::enrollment::EnrollmentApi;
use crate::api::fleet::FleetApi;
use crate::api::notifications::NotificationApi;
use crate::api::rpc_span::RpcSpanLayer;
use crate::api::runs::RunApi;
use crate::api::schedules::ScheduleApi;
use crate::api::triggers::TriggerApi;
use crate::api::usage::UsageApi;
use crate::api::wire_codes::WireCodesLayer;
use crate::app::{App, Settings};
use crate::artifacts::ArtifactRoot;
use crate::auth::mcp::McpGateLayer;
use crate::auth::rbac::AuthLayer;
use crate::auth::sources::LookupGate;
use crate::auth::throttle::TokenRateLimitLayer;
use crate::conn_activity::{ActivityLayer, ActivityMap};
use crate::connected::ConnectedAgents;
use crate::events::RunEvents;
use crate::health::{self, ControllerProbes};
use crate::metrics::{Listener, Metrics};
use crate::pki::{CertificateAuthority, write_private};
use crate::tls::TlsMaterial;
use crate::{dispatcher, heartbeats, incoming, job_writer, reaper, retention, scheduler, wakeups};
use cyberbrain_model::tokens::{TokenKind, new_token};
use cyberbrain_proto::v1::schedule_service_server::ScheduleServiceServer;
use cyberbrain_proto::v1::trigger_service_server::TriggerServiceServer;
use cyberbrain_store::Store;

/// The largest message an agent may send (results are digests, not raw logs).
const MAX_AGENT_MESSAGE_BYTES: usize = 16 * 1024 * 1024;
/// The largest enrollment or renewal request (a CSR and a few names).
const MAX_ENROLL_MESSAGE_BYTES: usize = 64 * 1024;
/// The largest API response (a run with its jobs, a report).
const MAX_API_MESSAGE_BYTES: usize = 8 * 1024 * 1024;
/// The largest API request of the services that take task lists and agent lists (runs,
/// directives), and of every other service: see `api::input`, which measures what they need.
use crate::api::input::{MAX_REQUEST_BYTES, MAX_TASKS_REQUEST_BYTES};

/// The public API's services, as gRPC health and reflection name them.
const API_SERVICES: &[&str] = &[
    <DirectiveServiceServer<DirectiveApi> as NamedService>::NAME,
    <RunServiceServer<RunApi> as NamedService>::NAME,
    <FleetServiceServer<FleetApi> as NamedService>::NAME,
    <AllowlistServiceServer<AllowlistApi> as NamedService>::NAME,
    <UsageServiceServer<UsageApi> as NamedService>::NAME,
    <AuthServiceServer<AuthApi> as NamedService>::NAME,
    <AuditServiceServer<AuditApi> as NamedService>::NAME,
    <ScheduleServiceServer<ScheduleApi> as NamedService>::NAME,
    <NotificationServiceServer<NotificationApi> as NamedService>::NAME,
    <TriggerServiceServer<TriggerApi> as NamedService>::NAME,
];

/// What `run` needs besides its listeners.
pub struct Parts {
    /// The migrated database.
    pub store: Store,
    /// Runtime settings.
    pub settings: Settings,
    /// TLS material.
    pub tls: TlsMaterial,
    /// Artifact root.
    pub artifacts: ArtifactRoot,
    /// LLM providers, when configured.
    pub llm: Option<Arc<cyberbrain_llm::Llm>>,
    /// The CA that issues agent certificates, if this controller has its key.
    pub ca: Option<Arc<CertificateAuthority>>,
    /// The plain-HTTP listener for `/metrics`, `/healthz` and `/readyz`; `None` turns it off.
    pub http_listener: Option<TcpListener>,
    /// The web console's HTTPS listener and its TLS configuration; `None` turns it off.
    pub web: Option<(TcpListener, Arc<rustls::ServerConfig>)>,
    /// `/mcp` on the web listener; `None` turns it off.
    pub mcp: Option<crate::web::mcp::McpEndpoint>,
}

/// Serves the public API on `api_listener` and the agent link on `agent_listener` until `shutdown`
/// resolves. Tests and `main` share this entry point.
pub async fn run(
    parts: Parts,
    api_listener: TcpListener,
    agent_listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let (job_writer, job_queue) = job_writer::channel();
    let (dispatcher, claim_queue) = dispatcher::channel();
    let workers = LinkWorkers {
        dispatcher,
        job_writer,
        heartbeats: Default::default(),
    };
    let app = App {
        store: parts.store,
        events: RunEvents::default(),
        connected: ConnectedAgents::default(),
        artifacts: parts.artifacts,
        settings: Arc::new(parts.settings),
        shutdown: stop_rx.clone(),
        llm: parts.llm,
        ca: parts.ca,
        metrics: Arc::new(Metrics::new()),
    };
    if let Some(llm) = &app.llm {
        app.metrics
            .llm_providers(llm.settings().providers.iter().map(|p| p.name.as_str()));
    }

    let offline = app
        .store
        .replica_agents_offline(&app.settings.replica)
        .await?;
    if offline > 0 {
        tracing::info!(
            agents = offline,
            "marked agents of a previous run of this replica offline"
        );
    }

    let (health_reporter, health_service) = tonic_health::server::health_reporter();
    // The database answered a moment ago (migrations ran); the watcher takes over from here.
    for service in API_SERVICES {
        health_reporter
            .set_service_status(*service, tonic_health::ServingStatus::Serving)
            .await;
    }
    let recheck_health = Arc::new(tokio::sync::Notify::new());
    tokio::spawn(health::watch_database(
        app.store.clone(),
        app.metrics.clone(),
        health_reporter,
        API_SERVICES,
        recheck_health.clone(),
        stop_rx.clone(),
    ));
    // Only the services this listener serves are listed: the agent link lives on the other one.
    let reflection = API_SERVICES
        .iter()
        .fold(
            tonic_reflection::server::Builder::configure()
                .register_encoded_file_descriptor_set(cyberbrain_proto::FILE_DESCRIPTOR_SET)
                .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET),
            |builder, service| builder.with_service_name(*service),
        )
        .with_service_name("grpc.health.v1.Health")
        .build_v1()?;

    // The HTTP endpoint outlives the drain, so `/readyz` can say "shutting down" meanwhile.
    let (http_stop_tx, http_stop_rx) = tokio::sync::oneshot::channel::<()>();
    let http = parts.http_listener.map(|listener| {
        let probes = Arc::new(ControllerProbes {
            store: app.store.clone(),
            metrics: app.metrics.clone(),
            shutdown: stop_rx.clone(),
            recheck: recheck_health,
        });
        tokio::spawn(cyberbrain_telemetry::http::serve(
            listener,
            probes,
            async move {
                let _ = http_stop_rx.await;
            },
        ))
    });

    let mcp = parts.mcp;
    let web = parts.web.map(|(listener, tls)| {
        let state = crate::web::WebState::new(
            app.clone(),
            LookupGate::new(
                app.store.clone(),
                app.metrics.clone(),
                app.settings.limits.unauthenticated_per_source,
            ),
            mcp,
        );
        tokio::spawn(crate::web::serve(
            listener,
            tls,
            crate::web::router(state),
            stop_rx.clone(),
        ))
    });

    let listener = tokio::spawn(wakeups::listen(
        app.store.clone(),
        app.connected.clone(),
        app.events.clone(),
        stop_rx.clone(),
    ));
    let reaper = tokio::spawn(reaper::run(app.clone(), stop_rx.clone()));
    if let Some(poll) = app.settings.schedule_poll {
        tokio::spawn(scheduler::run(
            app.clone(),
            scheduler::Clock::Database,
            poll,
            stop_rx.clone(),
        ));
    }
    tokio::spawn(crate::notify::run(
        app.store.clone(),
        app.metrics.clone(),
        app.settings.notify.clone(),
        stop_rx.clone(),
    ));
    // Always: expired webhook deliveries are forgotten even when runs are kept forever.
    tokio::spawn(retention::run(
        app.clone(),
        app.settings.run_retention,
        stop_rx.clone(),
    ));
    let job_writer = tokio::spawn(job_writer::run(app.clone(), job_queue));
    let dispatcher = tokio::spawn(dispatcher::run(app.clone(), claim_queue));
    let heartbeat_writer = tokio::spawn(heartbeats::flush_loop(
        workers.heartbeats.clone(),
        app.store.clone(),
        app.connected.clone(),
        stop_rx.clone(),
    ));
    if let Some(llm) = app.llm.clone() {
        tokio::spawn({
            let stop = stop_rx.clone();
            async move { llm.probe_loop(stop).await }
        });
    }
    let wait_stop = move |mut rx: tokio::sync::watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|stop| *stop).await;
    };

    let limits = app.settings.limits;
    let connections = limits.connections;
    let (api_activity, agent_activity) = (ActivityMap::default(), ActivityMap::default());
    let api_incoming = incoming::guarded(
        api_listener,
        parts.tls.api(),
        Listener::Api,
        connections,
        app.metrics.clone(),
        api_activity.clone(),
        stop_rx.clone(),
    );
    let agent_incoming = incoming::guarded(
        agent_listener,
        parts.tls.agent_link(),
        Listener::AgentLink,
        connections,
        app.metrics.clone(),
        agent_activity.clone(),
        stop_rx.clone(),
    );
    let api = Server::builder()
        // Outermost: a call is open on its connection from the moment it arrives.
        .layer(ActivityLayer::new(api_activity))
        // Every call runs in its span (in the caller's trace when it sends one), refused or not.
        .layer(RpcSpanLayer)
        // Our codes for requests that do not decode, see `wire_codes` (tonic answers them
        // inside, where each service decodes its messages).
        .layer(WireCodesLayer)
        // Every call passes the access table first; health and reflection are public in it.
        .layer(AuthLayer::new(LookupGate::new(
            app.store.clone(),
            app.metrics.clone(),
            limits.unauthenticated_per_source,
        )))
        // Inside the access check, so it counts each authenticated token's calls.
        .layer(TokenRateLimitLayer::new(limits.api_per_token))
        // Inside the rate limit: admits calls of MCP tools to their table and audits each one.
        .layer(McpGateLayer::new(
            app.store.clone(),
            app.settings.mcp_allow_write,
        ))
        // Graceful only: the connection takes no new calls after its age and closes when its
        // calls (a `WatchRun` included) have ended; clients open a new one.
        .max_connection_age(limits.max_connection_age)
        // Finds clients that vanished without closing (a `WatchRun` from a dead laptop), and
        // silent connections that only ever sent the preface.
        .http2_keepalive_interval(Some(connections.keepalive_interval))
        .http2_keepalive_timeout(Some(connections.keepalive_timeout))
        .add_service(health_service.max_decoding_message_size(MAX_REQUEST_BYTES))
        .add_service(reflection.max_decoding_message_size(MAX_REQUEST_BYTES))
        .add_service(
            DirectiveServiceServer::new(DirectiveApi::new(app.clone()))
                .max_decoding_message_size(MAX_TASKS_REQUEST_BYTES),
        )
        .add_service(
            RunServiceServer::new(RunApi::new(app.clone()))
                .max_decoding_message_size(MAX_TASKS_REQUEST_BYTES)
                .max_encoding_message_size(MAX_API_MESSAGE_BYTES),
        )
        .add_service(
            FleetServiceServer::new(FleetApi::new(app.clone()))
                .max_decoding_message_size(MAX_REQUEST_BYTES),
        )
        .add_service(
            AllowlistServiceServer::new(AllowlistApi::new(app.clone()))
                .max_decoding_message_size(MAX_REQUEST_BYTES),
        )
        .add_service(
            UsageServiceServer::new(UsageApi::new(app.clone()))
                .max_decoding_message_size(MAX_REQUEST_BYTES),
        )
        .add_service(
            AuthServiceServer::new(AuthApi::new(app.clone()))
                .max_decoding_message_size(MAX_REQUEST_BYTES),
        )
        .add_service(
            AuditServiceServer::new(AuditApi::new(app.clone()))
                .max_decoding_message_size(MAX_REQUEST_BYTES),
        )
        .add_service(
            ScheduleServiceServer::new(ScheduleApi::new(app.clone()))
                .max_decoding_message_size(MAX_REQUEST_BYTES),
        )
        .add_service(
            NotificationServiceServer::new(NotificationApi::new(app.clone()))
                .max_decoding_message_size(MAX_REQUEST_BYTES),
        )
        .add_service(
            TriggerServiceServer::new(TriggerApi::new(app.clone()))
                .max_decoding_message_size(MAX_REQUEST_BYTES),
        )
        .serve_with_incoming_shutdown(api_incoming, wait_stop(stop_rx.clone()));

    let agents = Server::builder()
        .layer(ActivityLayer::new(agent_activity))
        .layer(WireCodesLayer)
        .http2_keepalive_interval(Some(connections.keepalive_interval))
        .http2_keepalive_timeout(Some(connections.keepalive_timeout))
        // A backstop: each stream says `Goodbye` at its own (jittered) age first, see
        // `agent_link`; a connection still open past the longest age and the grace is cut.
        .max_connection_age(limits.max_connection_age)
        .max_connection_age_grace(limits.max_connection_age_grace)
        .add_service(
            AgentLinkServer::new(AgentLinkApi::new(app.clone(), workers))
                .max_decoding_message_size(MAX_AGENT_MESSAGE_BYTES),
        )
        .add_service(
            EnrollmentServer::new(EnrollmentApi::new(app.clone()))
                .max_decoding_message_size(MAX_ENROLL_MESSAGE_BYTES),
        )
        .serve_with_incoming_shutdown(agent_incoming, wait_stop(stop_rx));

    tokio::spawn(async move {
        shutdown.await;
        tracing::info!("shutting down");
        let _ = stop_tx.send(true);
    });
    let (api_result, agent_result) = tokio::join!(api, agents);
    let _ = tokio::join!(listener, reaper, heartbeat_writer, job_writer, dispatcher);
    if let Some(web) = web {
        let _ = web.await;
    }
    let _ = http_stop_tx.send(());
    if let Some(http) = http {
        let _ = http.await;
    }
    api_result?;
    agent_result?;
    Ok(())
}

/// On first start (no API token exists), makes an admin token and writes it to `path`, mode 0600.
/// The file is written before the token is stored, and removed if another replica won the race,
/// so a stored bootstrap token always has a file to read it from.
pub async fn bootstrap_admin_token(store: &Store, path: &Path) -> anyhow::Result<()> {
    let token = new_token(TokenKind::Api)?;
    let pending = path.with_extension("token.pending");
    write_private(
        &pending,
        format!("{}\n", token.secret_text).as_bytes(),
        0o600,
    )?;
    match store.create_bootstrap_token(&token).await {
        Ok(true) => {
            std::fs::rename(&pending, path)
                .map_err(|e| anyhow::anyhow!("writing {}: {e}", path.display()))?;
            tracing::info!(path = %path.display(), token = cyberbrain_store::BOOTSTRAP_TOKEN_NAME,
                "wrote the bootstrap admin token (mode 0600); use it with cbctl login --token-file");
            Ok(())
        }
        Ok(false) => {
            let _ = std::fs::remove_file(&pending);
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_file(&pending);
            Err(e.into())
        }
    }
}
