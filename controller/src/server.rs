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
use cyberbrain_proto::v1::run_service_server::RunServiceServer;
use cyberbrain_proto::v1::usage_service_server::UsageServiceServer;
use tokio::net::TcpListener;
use tokio_stream::wrappers::TcpListenerStream;
use tonic::transport::Server;

use crate::api::agent_link::AgentLinkApi;
use crate::api::allowlist::AllowlistApi;
use crate::api::audit::AuditApi;
use crate::api::auth::AuthApi;
use crate::api::directives::DirectiveApi;
use crate::api::enrollment::EnrollmentApi;
use crate::api::fleet::FleetApi;
use crate::api::runs::RunApi;
use crate::api::usage::UsageApi;
use crate::app::{App, Settings};
use crate::artifacts::ArtifactRoot;
use crate::auth::rbac::AuthLayer;
use crate::auth::throttle::TokenRateLimitLayer;
use crate::auth::{TokenKind, new_token};
use crate::events::RunEvents;
use crate::fleet::ConnectedAgents;
use crate::pki::{CertificateAuthority, write_private};
use crate::store::Store;
use crate::tls::TlsMaterial;
use crate::{heartbeats, reaper, wakeups};

/// The largest message an agent may send (results are digests, not raw logs).
const MAX_AGENT_MESSAGE_BYTES: usize = 16 * 1024 * 1024;
/// The largest enrollment or renewal request (a CSR and a few names).
const MAX_ENROLL_MESSAGE_BYTES: usize = 64 * 1024;
/// The largest API request or response.
const MAX_API_MESSAGE_BYTES: usize = 8 * 1024 * 1024;

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
    pub llm: Option<Arc<crate::llm::Llm>>,
    /// The CA that issues agent certificates, if this controller has its key.
    pub ca: Option<Arc<CertificateAuthority>>,
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
    let app = App {
        store: parts.store,
        events: RunEvents::default(),
        connected: ConnectedAgents::default(),
        artifacts: parts.artifacts,
        settings: Arc::new(parts.settings),
        shutdown: stop_rx.clone(),
        heartbeats: Default::default(),
        llm: parts.llm,
        ca: parts.ca,
    };

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
    health_reporter
        .set_serving::<RunServiceServer<RunApi>>()
        .await;
    // Only the services this listener serves are listed: the agent link lives on the other one.
    let reflection = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(cyberbrain_proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .with_service_name("cyberbrain.v1.DirectiveService")
        .with_service_name("cyberbrain.v1.RunService")
        .with_service_name("cyberbrain.v1.FleetService")
        .with_service_name("cyberbrain.v1.AllowlistService")
        .with_service_name("cyberbrain.v1.UsageService")
        .with_service_name("cyberbrain.v1.AuthService")
        .with_service_name("cyberbrain.v1.AuditService")
        .with_service_name("grpc.health.v1.Health")
        .build_v1()?;

    let listener = tokio::spawn(wakeups::listen(
        app.store.clone(),
        app.connected.clone(),
        app.events.clone(),
        stop_rx.clone(),
    ));
    let reaper = tokio::spawn(reaper::run(app.clone(), stop_rx.clone()));
    let heartbeat_writer = tokio::spawn(heartbeats::flush_loop(
        app.heartbeats.clone(),
        app.store.clone(),
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
    let api = Server::builder()
        .tls_config(parts.tls.api())?
        // Every call passes the access table first; health and reflection are public in it.
        .layer(AuthLayer::new(app.store.clone()))
        // Inside the access check, so it counts each authenticated token's calls.
        .layer(TokenRateLimitLayer::new(limits.api_per_token))
        // Graceful only: the connection takes no new calls after its age and closes when its
        // calls (a `WatchRun` included) have ended; clients open a new one.
        .max_connection_age(limits.max_connection_age)
        // Finds clients that vanished without closing (a `WatchRun` from a dead laptop).
        .http2_keepalive_interval(Some(std::time::Duration::from_secs(30)))
        .http2_keepalive_timeout(Some(std::time::Duration::from_secs(10)))
        .add_service(health_service)
        .add_service(reflection)
        .add_service(
            DirectiveServiceServer::new(DirectiveApi::new(app.clone()))
                .max_decoding_message_size(MAX_API_MESSAGE_BYTES),
        )
        .add_service(
            RunServiceServer::new(RunApi::new(app.clone()))
                .max_decoding_message_size(MAX_API_MESSAGE_BYTES)
                .max_encoding_message_size(MAX_API_MESSAGE_BYTES),
        )
        .add_service(FleetServiceServer::new(FleetApi::new(app.clone())))
        .add_service(AllowlistServiceServer::new(AllowlistApi::new(app.clone())))
        .add_service(UsageServiceServer::new(UsageApi::new(app.clone())))
        .add_service(AuthServiceServer::new(AuthApi::new(app.clone())))
        .add_service(AuditServiceServer::new(AuditApi::new(app.clone())))
        .serve_with_incoming_shutdown(
            TcpListenerStream::new(api_listener),
            wait_stop(stop_rx.clone()),
        );

    let agents = Server::builder()
        .tls_config(parts.tls.agent_link())?
        .http2_keepalive_interval(Some(std::time::Duration::from_secs(30)))
        .http2_keepalive_timeout(Some(std::time::Duration::from_secs(10)))
        // A backstop: each stream says `Goodbye` at its own (jittered) age first, see
        // `agent_link`; a connection still open past the longest age and the grace is cut.
        .max_connection_age(limits.max_connection_age)
        .max_connection_age_grace(limits.max_connection_age_grace)
        .add_service(
            AgentLinkServer::new(AgentLinkApi::new(app.clone()))
                .max_decoding_message_size(MAX_AGENT_MESSAGE_BYTES),
        )
        .add_service(
            EnrollmentServer::new(EnrollmentApi::new(app.clone()))
                .max_decoding_message_size(MAX_ENROLL_MESSAGE_BYTES),
        )
        .serve_with_incoming_shutdown(TcpListenerStream::new(agent_listener), wait_stop(stop_rx));

    tokio::spawn(async move {
        shutdown.await;
        tracing::info!("shutting down");
        let _ = stop_tx.send(true);
    });
    let (api_result, agent_result) = tokio::join!(api, agents);
    let _ = tokio::join!(listener, reaper, heartbeat_writer);
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
            tracing::info!(path = %path.display(), token = crate::store::BOOTSTRAP_TOKEN_NAME,
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
