//! TLS to PostgreSQL on rustls (ring), like every other TLS connection of Cyberbrain: no OpenSSL.
//!
//! When TLS is used the server's certificate and host name are always verified, against the CA
//! of `--database-ca-cert` or else the public web roots: `sslmode=require` here means what libpq
//! calls `verify-full`. Without a CA file and without `sslmode=require` connections stay plain,
//! as before TLS was supported (libpq's default `prefer` would accept any certificate, which
//! protects against nothing). Unix-socket connections (the embedded cluster) never use TLS.

use std::future::Future;
use std::io;
use std::path::Path;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio_postgres::config::SslMode;
use tokio_postgres::tls::{ChannelBinding, MakeTlsConnect, TlsConnect, TlsStream};

use crate::error::{Error, Result};

/// Makes verified TLS sessions to PostgreSQL. Cheap to clone.
#[derive(Clone)]
pub struct PgTls {
    config: Arc<rustls::ClientConfig>,
}

impl std::fmt::Debug for PgTls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgTls").finish_non_exhaustive()
    }
}

impl PgTls {
    /// Trusts the certificates of the PEM file `ca`, or the public web roots when `None`.
    pub fn new(ca: Option<&Path>) -> Result<PgTls> {
        let mut roots = rustls::RootCertStore::empty();
        match ca {
            Some(path) => {
                let certificates = CertificateDer::pem_file_iter(path)
                    .and_then(|certs| certs.collect::<std::result::Result<Vec<_>, _>>())
                    .map_err(|e| {
                        Error::invalid(
                            "database_ca_cert",
                            format!("cannot read PEM certificates from {}: {e}", path.display()),
                        )
                    })?;
                let (added, _) = roots.add_parsable_certificates(certificates);
                if added == 0 {
                    return Err(Error::invalid(
                        "database_ca_cert",
                        format!("{} holds no usable CA certificate", path.display()),
                    ));
                }
            }
            None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
        }
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::invalid("database_ca_cert", e.to_string()))?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Ok(PgTls {
            config: Arc::new(config),
        })
    }
}

/// Whether connections with `config` use TLS: when asked for (`sslmode=require`) or when a CA
/// was given, in which case TLS is required. Otherwise plain, never "TLS if offered". A CA with
/// `sslmode=disable` is refused rather than silently unused; so is one for a server reached
/// only through a Unix socket, where PostgreSQL offers no TLS.
pub fn decide(config: &mut tokio_postgres::Config, ca_given: bool) -> Result<bool> {
    let over_tcp = config
        .get_hosts()
        .iter()
        .any(|host| matches!(host, tokio_postgres::config::Host::Tcp(_)));
    match (config.get_ssl_mode(), ca_given) {
        (SslMode::Require, _) => Ok(true),
        (SslMode::Disable, true) => Err(Error::invalid(
            "database_ca_cert",
            "given with sslmode=disable in the database URL: remove one of them",
        )),
        (_, true) if !over_tcp => Err(Error::invalid(
            "database_ca_cert",
            "the database URL names no TCP host (PostgreSQL offers no TLS over a Unix socket)",
        )),
        (_, true) => {
            config.ssl_mode(SslMode::Require);
            Ok(true)
        }
        (_, false) => {
            config.ssl_mode(SslMode::Disable);
            Ok(false)
        }
    }
}

impl<S> MakeTlsConnect<S> for PgTls
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    type Stream = PgTlsStream<S>;
    type TlsConnect = PgTlsConnect;
    type Error = rustls::pki_types::InvalidDnsNameError;

    fn make_tls_connect(&mut self, host: &str) -> std::result::Result<PgTlsConnect, Self::Error> {
        Ok(PgTlsConnect {
            connector: tokio_rustls::TlsConnector::from(self.config.clone()),
            server: ServerName::try_from(host.to_string())?,
        })
    }
}

/// One handshake with one server.
pub struct PgTlsConnect {
    connector: tokio_rustls::TlsConnector,
    server: ServerName<'static>,
}

impl<S> TlsConnect<S> for PgTlsConnect
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    type Stream = PgTlsStream<S>;
    type Error = io::Error;
    type Future = Pin<Box<dyn Future<Output = io::Result<PgTlsStream<S>>> + Send>>;

    fn connect(self, stream: S) -> Self::Future {
        Box::pin(async move {
            let session = self.connector.connect(self.server, stream).await?;
            Ok(PgTlsStream(session))
        })
    }
}

/// A TLS session to PostgreSQL.
pub struct PgTlsStream<S>(tokio_rustls::client::TlsStream<S>);

impl<S> TlsStream for PgTlsStream<S>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    /// No channel binding: SCRAM authenticates over the verified session without it.
    fn channel_binding(&self) -> ChannelBinding {
        ChannelBinding::none()
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncRead for PgTlsStream<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncWrite for PgTlsStream<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(url: &str, ca_given: bool) -> Result<(bool, SslMode)> {
        let mut config: tokio_postgres::Config = url.parse().expect("url");
        let tls = decide(&mut config, ca_given)?;
        Ok((tls, config.get_ssl_mode()))
    }

    #[test]
    fn tls_is_used_when_asked_for_or_when_a_ca_is_given_and_then_required() {
        let ok = |url, ca| mode(url, ca).expect("accepted");
        assert_eq!(
            ok("host=db sslmode=require", false),
            (true, SslMode::Require)
        );
        assert_eq!(ok("host=db", true), (true, SslMode::Require));
        assert_eq!(ok("host=db sslmode=prefer", true), (true, SslMode::Require));
        assert_eq!(ok("host=db", false), (false, SslMode::Disable));
        assert_eq!(ok("host=/run/postgresql", false), (false, SslMode::Disable));
        for refused in ["host=db sslmode=disable", "host=/run/postgresql"] {
            let error = mode(refused, true).expect_err(refused).to_string();
            assert!(error.contains("database_ca_cert"), "{error}");
        }
    }

    #[test]
    fn a_ca_file_without_certificates_is_refused_by_name() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("ca.pem");
        std::fs::write(&path, "not a certificate").expect("file");
        let error = PgTls::new(Some(&path)).expect_err("refused").to_string();
        assert!(error.contains("database_ca_cert"), "{error}");
        assert!(PgTls::new(Some(&dir.path().join("missing.pem"))).is_err());
        assert!(PgTls::new(None).is_ok(), "the public roots");
    }
}
