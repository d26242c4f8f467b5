//! `Enrollment`: agents trade a join token and a CSR for a certificate, and renew it over mutual
//! TLS. Served on the agent listener, which asks for a client certificate without requiring one:
//! `Enroll` is the one call that works without (the agent has no certificate yet); `Renew`, like
//! `Attach`, takes the agent's identity from its verified certificate.

use std::net::IpAddr;
use std::sync::Arc;

use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::agent::v1::enrollment_server::Enrollment;
use tonic::{Request, Response, Status};

use super::agent_link::peer_identity;
use crate::app::App;
use crate::error::{Error, StoreError};
use crate::pki::CertificateAuthority;
use crate::ratelimit::{KeyedLimiter, Limiter, source_key};
use cyberbrain_model::tokens::{TokenKind, parse_token, validate_name};

/// Serves enrollment and renewal.
#[derive(Debug, Clone)]
pub struct EnrollmentApi {
    app: App,
    /// `Enroll` takes no credential but a guess at a join token, so it is rate limited per source
    /// address (one host guessing) and overall (many hosts guessing, or a stampede).
    limits: Arc<EnrollLimits>,
}

#[derive(Debug)]
struct EnrollLimits {
    per_source: KeyedLimiter<IpAddr>,
    total: Limiter,
}

impl EnrollmentApi {
    /// A handler over the shared state.
    pub fn new(app: App) -> Self {
        let limits = app.settings.limits;
        EnrollmentApi {
            app,
            limits: Arc::new(EnrollLimits {
                per_source: KeyedLimiter::new(limits.enroll_per_source),
                total: Limiter::new(limits.enroll_total),
            }),
        }
    }

    /// Takes a token from the caller's bucket, then from the shared one, so that one noisy
    /// source cannot use up everyone's allowance.
    fn check_rate<T>(&self, request: &Request<T>) -> Result<(), Status> {
        if let Some(source) = request.remote_addr().map(|a| source_key(a.ip())) {
            self.limits.per_source.check(&source).map_err(|wait| {
                tracing::warn!(source = %source, "enrollment rate limited (source)");
                wait.status(&format!("enrollment from {source}"))
            })?;
        }
        self.limits.total.check().map_err(|wait| {
            tracing::warn!("enrollment rate limited (all sources)");
            wait.status("enrollment")
        })
    }

    fn ca(&self) -> Result<&CertificateAuthority, Status> {
        self.app.ca.as_deref().ok_or_else(|| {
            Status::from(Error::precondition(
                "ca",
                "this controller has no CA key (--ca-key), so it cannot issue certificates",
            ))
        })
    }
}

/// The size is bounded by the input check; an empty request is refused here.
fn check_csr(csr_pem: &str) -> Result<(), Status> {
    if csr_pem.is_empty() {
        return Err(Status::from(Error::invalid(
            "csr_pem",
            "must be a PEM certificate request",
        )));
    }
    Ok(())
}

#[tonic::async_trait]
impl Enrollment for EnrollmentApi {
    async fn enroll(
        &self,
        request: Request<link::EnrollRequest>,
    ) -> Result<Response<link::EnrollResponse>, Status> {
        // The limit first: this call needs no credential, so nothing else may be done for a
        // caller over it, the input check included.
        self.check_rate(&request)?;
        super::input::check(request.get_ref())?;
        let r = request.into_inner();
        let join = parse_token(TokenKind::Join, &r.join_token).map_err(|reason| {
            Status::from(Error::unauthenticated(format!(
                "invalid join_token: {reason}"
            )))
        })?;
        validate_name("name", &r.name).map_err(Error::from)?;
        check_csr(&r.csr_pem)?;
        let ca = self.ca()?;
        let lifetime = self.app.settings.agent_cert_lifetime;
        let enrolled = self
            .app
            .store
            .enroll_agent(&join, &r.name, &r.hostname, |agent_id| {
                ca.sign_agent_csr(&r.csr_pem, agent_id, &r.name, lifetime)
            })
            .await
            .inspect_err(|e| {
                if matches!(e, StoreError::Unauthenticated(_)) {
                    tracing::warn!(join_token_id = %join.id, agent = %r.name, reason = %e, "enrollment refused");
                }
            }).map_err(Error::from)?;
        tracing::info!(agent = %r.name, agent_id = %enrolled.agent_id, serial = %enrolled.certificate.serial, "agent enrolled");
        Ok(Response::new(link::EnrollResponse {
            agent_id: enrolled.agent_id.to_string(),
            certificate_pem: enrolled.certificate.pem,
            ca_pem: ca.ca_pem.clone(),
        }))
    }

    async fn renew(
        &self,
        request: Request<link::RenewRequest>,
    ) -> Result<Response<link::RenewResponse>, Status> {
        super::input::check(request.get_ref())?;
        let peer = peer_identity(&request)?;
        let r = request.into_inner();
        check_csr(&r.csr_pem)?;
        let ca = self.ca()?;
        let lifetime = self.app.settings.agent_cert_lifetime;
        let certificate = self
            .app
            .store
            .renew_agent_certificate(&peer.name, &peer.serial, |agent_id| {
                ca.sign_agent_csr(&r.csr_pem, agent_id, &peer.name, lifetime)
            })
            .await
            .map_err(Error::from)?;
        tracing::info!(agent = %peer.name, serial = %certificate.serial, previous_serial = %peer.serial, "agent certificate renewed");
        Ok(Response::new(link::RenewResponse {
            certificate_pem: certificate.pem,
            ca_pem: ca.ca_pem.clone(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_count_by_host_or_slash_64() {
        let v4: IpAddr = "10.1.2.3".parse().unwrap();
        assert_eq!(source_key(v4), v4);
        let mapped: IpAddr = "::ffff:10.1.2.3".parse().unwrap();
        assert_eq!(source_key(mapped), v4);
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        let other: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(source_key(a), source_key(b));
        assert_ne!(source_key(a), source_key(other));
    }
}
