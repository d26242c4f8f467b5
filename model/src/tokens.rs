//! API and join tokens, and the roles callers hold.
//!
//! API callers present a bearer token: `cbt_<id>_<secret>`. The id finds the row; the secret's
//! SHA-256 is compared in constant time with the stored hash. Join tokens (`cbj_<id>_<secret>`)
//! work the same way for enrollment. The secret is 32 random bytes from the operating system, so a
//! hash without salt or stretching is enough: there is nothing to guess.
//!
//! Architecture invariant: a secret is never logged, stored or put in an error message; only ids
//! and names are.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ring::rand::{SecureRandom, SystemRandom};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::InvalidField;

/// What a token may do. Each role includes the ones below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Reads directives, runs, reports, agents and the allowlist.
    Viewer,
    /// A viewer that may change directives and launch and cancel runs.
    Operator,
    /// Everything: tokens, the allowlist, the fleet, the audit log.
    Admin,
}

impl Role {
    /// Stable name, as stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Viewer => "viewer",
            Role::Operator => "operator",
            Role::Admin => "admin",
        }
    }

    /// Parses a stored or typed name.
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "viewer" => Some(Role::Viewer),
            "operator" => Some(Role::Operator),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Every role, lowest first.
    pub const ALL: [Role; 3] = [Role::Viewer, Role::Operator, Role::Admin];
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The authenticated caller of an API request, put in the request's extensions by the
/// [`rbac::AuthLayer`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    /// The token's id.
    pub token_id: Uuid,
    /// The token's name.
    pub name: String,
    /// The token's role.
    pub role: Role,
    /// The MCP tool that made the call, when the request says it came from one (`list_runs`).
    pub mcp_tool: Option<String>,
}

impl Caller {
    /// How the audit log names this caller: `token:<name>`, or `mcp:<name>` for a call an MCP
    /// tool made with the token.
    pub fn actor(&self) -> String {
        match self.mcp_tool {
            Some(_) => format!("mcp:{}", self.name),
            None => format!("token:{}", self.name),
        }
    }
}

/// Which kind of secret a token string is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// An API bearer token.
    Api,
    /// A one-time agent join token.
    Join,
    /// A web console session (the cookie's value).
    WebSession,
    /// A one-time web console sign-in link (`cbctl ui`).
    SignInLink,
}

impl TokenKind {
    fn prefix(self) -> &'static str {
        match self {
            TokenKind::Api => "cbt",
            TokenKind::Join => "cbj",
            TokenKind::WebSession => "cbs",
            TokenKind::SignInLink => "cbl",
        }
    }
}

/// A freshly made token: the string to hand out once, and what is stored.
pub struct NewToken {
    /// The row id (also inside the string).
    pub id: Uuid,
    /// The whole token, secret included. Shown once, never stored or logged.
    pub secret_text: String,
    /// SHA-256 of the secret part.
    pub secret_sha256: [u8; 32],
}

impl fmt::Debug for NewToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The secret stays out of debug output.
        f.debug_struct("NewToken").field("id", &self.id).finish()
    }
}

/// Makes a token of `kind` with 32 random bytes of secret.
pub fn new_token(kind: TokenKind) -> std::io::Result<NewToken> {
    let mut secret = [0u8; 32];
    SystemRandom::new()
        .fill(&mut secret)
        .map_err(|_| std::io::Error::other("reading random bytes: no randomness"))?;
    let secret_b64 = URL_SAFE_NO_PAD.encode(secret);
    let id = Uuid::new_v4();
    Ok(NewToken {
        id,
        secret_sha256: hash_secret(&secret_b64),
        secret_text: format!("{}_{}_{}", kind.prefix(), id.simple(), secret_b64),
    })
}

/// A token string split into its id and the hash of its secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PresentedToken {
    /// The row to look up.
    pub id: Uuid,
    /// SHA-256 of the presented secret, to compare with the stored one.
    pub secret_sha256: [u8; 32],
}

/// Parses a presented token of `kind`. The error names what is wrong, never the secret.
pub fn parse_token(kind: TokenKind, text: &str) -> std::result::Result<PresentedToken, String> {
    let text = text.trim();
    let mut parts = text.splitn(3, '_');
    let (Some(prefix), Some(id), Some(secret)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(format!("not a {} token", kind.prefix()));
    };
    if prefix != kind.prefix() {
        return Err(format!(
            "not a {} token (it starts with {prefix:?})",
            kind.prefix()
        ));
    }
    let id = Uuid::try_parse(id).map_err(|_| "the token's id part is malformed".to_string())?;
    if secret.len() != 43 || URL_SAFE_NO_PAD.decode(secret).is_err() {
        return Err("the token's secret part is malformed".to_string());
    }
    Ok(PresentedToken {
        id,
        secret_sha256: hash_secret(secret),
    })
}

fn hash_secret(secret: &str) -> [u8; 32] {
    Sha256::digest(secret.as_bytes()).into()
}

/// Compares two hashes in constant time: the time taken does not depend on where they differ.
pub fn hashes_equal(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let difference = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    std::hint::black_box(difference) == 0
}

/// Token and agent names: 1-63 letters, digits, `-`, `_` or `.`.
pub fn validate_name(field: &str, name: &str) -> Result<(), InvalidField> {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(InvalidField::new(
            field,
            "must be 1-63 letters, digits, '-', '_' or '.'",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_reject_the_other_kind() {
        let token = new_token(TokenKind::Api).unwrap();
        let presented = parse_token(TokenKind::Api, &token.secret_text).unwrap();
        assert_eq!(presented.id, token.id);
        assert!(hashes_equal(&presented.secret_sha256, &token.secret_sha256));
        assert!(parse_token(TokenKind::Join, &token.secret_text).is_err());
        assert!(format!("{token:?}").contains(&token.id.to_string()));
        assert!(!format!("{token:?}").contains(&token.secret_text));
    }

    #[test]
    fn tampered_secrets_do_not_match() {
        let token = new_token(TokenKind::Join).unwrap();
        // Change the secret's first character: every character there carries six whole bits, so
        // the result is still well-formed base64 (the last one carries four, and two of its
        // values would make a non-canonical encoding that parsing refuses: see below).
        // The secret is the last 43 characters (its alphabet has '_' too).
        let secret_start = token.secret_text.len() - 43;
        let mut text = token.secret_text.clone();
        let first = text[secret_start..].chars().next().unwrap();
        let replacement = if first == 'A' { "B" } else { "A" };
        text.replace_range(secret_start..secret_start + 1, replacement);
        let presented = parse_token(TokenKind::Join, &text).unwrap();
        assert_eq!(presented.id, token.id);
        assert!(!hashes_equal(
            &presented.secret_sha256,
            &token.secret_sha256
        ));
        // A last character with stray low bits is refused, not hashed as another secret.
        let canonical = format!("cbt_{}_{}", token.id.simple(), "A".repeat(43));
        assert!(parse_token(TokenKind::Api, &canonical).is_ok());
        let stray_bits = format!("cbt_{}_{}B", token.id.simple(), "A".repeat(42));
        assert_eq!(
            parse_token(TokenKind::Api, &stray_bits).unwrap_err(),
            "the token's secret part is malformed"
        );
        assert!(parse_token(TokenKind::Api, "cbt_nothex_x").is_err());
        assert!(parse_token(TokenKind::Api, "garbage").is_err());
    }
}

/// An API token as listed (never with its secret).
#[derive(Debug, Clone, PartialEq)]
pub struct ApiToken {
    /// Id.
    pub id: Uuid,
    /// Unique name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Who made it.
    pub created_by: String,
    /// When.
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// When it stops working, if ever.
    pub expires_at: Option<chrono::DateTime<chrono::Utc>>,
    /// When it was revoked, if it was.
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// What authentication needs of a stored token.
#[derive(Debug, Clone)]
pub struct StoredTokenAuth {
    /// Name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Stored hash of the secret.
    pub secret_sha256: Vec<u8>,
    /// Neither revoked nor expired.
    pub usable: bool,
}
