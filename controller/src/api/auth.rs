//! `AuthService`: API tokens.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::auth_service_server::AuthService;
use tonic::{Request, Response, Status};

use super::convert::{api_token_to_wire, role_from_wire, role_to_wire};
use super::{audit_entry, caller};
use crate::app::App;
use crate::error::Error;
use cyberbrain_model::tokens::{TokenKind, new_token, validate_name};

/// The longest token lifetime accepted: ten years.
const MAX_TOKEN_TTL_SECONDS: u64 = 10 * 365 * 86_400;

/// Serves API tokens.
#[derive(Debug, Clone)]
pub struct AuthApi {
    app: App,
}

impl AuthApi {
    /// A handler over the shared state.
    pub fn new(app: App) -> Self {
        AuthApi { app }
    }
}

#[tonic::async_trait]
impl AuthService for AuthApi {
    async fn create_api_token(
        &self,
        request: Request<pb::CreateApiTokenRequest>,
    ) -> Result<Response<pb::CreateApiTokenResponse>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "token.create")?;
        let r = request.into_inner();
        validate_name("name", &r.name).map_err(Error::from)?;
        let role = role_from_wire(r.role, "role")?;
        if r.ttl_seconds > MAX_TOKEN_TTL_SECONDS {
            return Err(Status::from(Error::invalid(
                "ttl_seconds",
                format!("at most {MAX_TOKEN_TTL_SECONDS} (ten years); 0 for no expiry"),
            )));
        }
        let expires_at = (r.ttl_seconds > 0).then(|| {
            chrono::Utc::now()
                + chrono::Duration::seconds(i64::try_from(r.ttl_seconds).unwrap_or(i64::MAX))
        });
        let token = new_token(TokenKind::Api)
            .map_err(|e| Status::from(Error::io("generating a token", e)))?;
        let audit = audit.on(&r.name).with(serde_json::json!({
            "role": role.as_str(),
            "expires_at": expires_at,
        }));
        let stored = self
            .app
            .store
            .create_api_token(&r.name, role, expires_at, &token, &audit)
            .await
            .map_err(Error::from)?;
        tracing::info!(token = %stored.name, role = role.as_str(), "api token created");
        Ok(Response::new(pb::CreateApiTokenResponse {
            token: Some(api_token_to_wire(&stored)),
            secret: token.secret_text,
        }))
    }

    async fn list_api_tokens(
        &self,
        request: Request<pb::ListApiTokensRequest>,
    ) -> Result<Response<pb::ListApiTokensResponse>, Status> {
        super::input::check(request.get_ref())?;
        let tokens = self
            .app
            .store
            .list_api_tokens()
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::ListApiTokensResponse {
            tokens: tokens.iter().map(api_token_to_wire).collect(),
        }))
    }

    async fn revoke_api_token(
        &self,
        request: Request<pb::RevokeApiTokenRequest>,
    ) -> Result<Response<pb::ApiToken>, Status> {
        super::input::check(request.get_ref())?;
        let audit = audit_entry(&request, "token.revoke")?;
        let r = request.into_inner();
        validate_name("name", &r.name).map_err(Error::from)?;
        let token = self
            .app
            .store
            .revoke_api_token(&r.name, &audit.on(&r.name))
            .await
            .map_err(Error::from)?;
        tracing::info!(token = %token.name, "api token revoked");
        Ok(Response::new(api_token_to_wire(&token)))
    }

    async fn who_am_i(
        &self,
        request: Request<pb::WhoAmIRequest>,
    ) -> Result<Response<pb::WhoAmIResponse>, Status> {
        super::input::check(request.get_ref())?;
        let caller = caller(&request)?;
        Ok(Response::new(pb::WhoAmIResponse {
            name: caller.name,
            role: role_to_wire(caller.role) as i32,
        }))
    }

    async fn create_web_sign_in_link(
        &self,
        request: Request<pb::CreateWebSignInLinkRequest>,
    ) -> Result<Response<pb::CreateWebSignInLinkResponse>, Status> {
        super::input::check(request.get_ref())?;
        let caller = caller(&request)?;
        let Some(base) = self.app.settings.web_url.as_deref() else {
            return Err(Status::from(Error::precondition(
                "web_listen",
                "the web console is off on this controller (--web-listen)",
            )));
        };
        let link = new_token(TokenKind::SignInLink)
            .map_err(|e| Status::from(Error::io("generating a sign-in link", e)))?;
        let expires_at = chrono::Utc::now() + crate::web::SIGN_IN_LINK_LIFETIME;
        let audit = audit_entry(&request, "web.sign_in_link")?.on(&caller.name);
        self.app
            .store
            .create_sign_in_link(&link, caller.token_id, expires_at, &audit)
            .await
            .map_err(Error::from)?;
        Ok(Response::new(pb::CreateWebSignInLinkResponse {
            url: format!("{base}/login/link?code={}", link.secret_text),
            expires_at: Some(super::convert::timestamp(expires_at)),
        }))
    }
}
