//! `cbctl token create|list|revoke`: API tokens.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::auth_service_client::AuthServiceClient;
use serde::Serialize;

use super::Context;
use crate::output::{self, Format};

#[derive(Debug, clap::Subcommand)]
pub enum Verb {
    /// Make a token; its secret is printed once.
    Create {
        /// Token name (unique).
        name: String,
        /// viewer (read), operator (directives, launch, cancel) or admin (everything).
        #[arg(long, value_parser = ["viewer", "operator", "admin"])]
        role: String,
        /// Lifetime, e.g. 30m, 12h, 90d [default: no expiry].
        #[arg(long, value_parser = crate::durations::parse_duration)]
        ttl: Option<u64>,
    },
    /// List tokens (never their secrets).
    List,
    /// Revoke a token by name.
    Revoke {
        /// Token name.
        name: String,
        #[command(flatten)]
        yes: crate::confirm::Yes,
    },
}

#[derive(Debug, Serialize)]
struct TokenView {
    name: String,
    role: String,
    created_by: String,
    created_at: Option<chrono::DateTime<chrono::Utc>>,
    expires_at: Option<chrono::DateTime<chrono::Utc>>,
    revoked_at: Option<chrono::DateTime<chrono::Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    secret: Option<String>,
}

impl From<&pb::ApiToken> for TokenView {
    fn from(t: &pb::ApiToken) -> Self {
        TokenView {
            name: t.name.clone(),
            role: output::role(t.role),
            created_by: t.created_by.clone(),
            created_at: output::time(&t.created_at),
            expires_at: output::time(&t.expires_at),
            revoked_at: output::time(&t.revoked_at),
            secret: None,
        }
    }
}

pub async fn run(ctx: &Context, verb: Verb) -> anyhow::Result<()> {
    let format = ctx.read_format()?;
    let wide = format == Format::Wide;
    let mut client = AuthServiceClient::new(ctx.server.connect().await?);
    match verb {
        Verb::Create { name, role, ttl } => {
            let role = match role.as_str() {
                "viewer" => pb::Role::Viewer,
                "operator" => pb::Role::Operator,
                _ => pb::Role::Admin,
            };
            let created = client
                .create_api_token(pb::CreateApiTokenRequest {
                    name,
                    role: role as i32,
                    ttl_seconds: ttl.unwrap_or(0),
                })
                .await?
                .into_inner();
            let mut view = created
                .token
                .as_ref()
                .map(TokenView::from)
                .ok_or_else(|| anyhow::anyhow!("the controller sent no token"))?;
            if format.is_table() {
                // The secret alone on stdout, so `cbctl token create … > file` keeps just it.
                crate::outln!("{}", created.secret);
                crate::noteln!(
                    "token {:?} ({}) created; the secret above is shown once",
                    view.name,
                    view.role
                );
                return Ok(());
            }
            view.secret = Some(created.secret);
            output::print(format, &view, &[], vec![])
        }
        Verb::List => {
            let tokens = client
                .list_api_tokens(pb::ListApiTokensRequest {})
                .await?
                .into_inner()
                .tokens;
            let views: Vec<TokenView> = tokens.iter().map(TokenView::from).collect();
            let rows = views.iter().map(|v| row(v, wide)).collect();
            output::print_views(format, &views, false, &HEADER, rows)
        }
        Verb::Revoke { name, yes } => {
            crate::confirm::confirm(yes, &format!("Revoke API token {name}?"))?;
            let token = client
                .revoke_api_token(pb::RevokeApiTokenRequest { name })
                .await?
                .into_inner();
            let view = TokenView::from(&token);
            let rows = vec![row(&view, wide)];
            output::print_views(format, &[view], true, &HEADER, rows)
        }
    }
}

const HEADER: [&str; 5] = ["NAME", "ROLE", "CREATED", "EXPIRES", "REVOKED"];

fn row(t: &TokenView, wide: bool) -> Vec<String> {
    vec![
        t.name.clone(),
        t.role.clone(),
        output::words::when(&t.created_at, wide),
        output::words::when(&t.expires_at, wide),
        output::words::when(&t.revoked_at, wide),
    ]
}
