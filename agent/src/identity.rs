//! The agent's identity: its certificate and key. Either given as files (`--cert`, `--key`: a
//! development PKI), or enrolled with a one-time join token and kept in the state directory, where
//! it is renewed at half of its lifetime with a new key.
//!
//! Architecture invariant: the private key is made here and never leaves the host; the controller
//! sees only certificate requests. Key and certificate files are mode 0600.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use anyhow::Context;
use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::agent::v1::enrollment_client::EnrollmentClient;
use rcgen::{CertificateParams, KeyPair};
use tokio::sync::watch;
use tonic::transport::{Certificate, ClientTlsConfig, Endpoint, Identity};

use crate::config::Config;

/// The certificate and key in use, and where they came from.
#[derive(Clone)]
pub struct CurrentIdentity {
    /// Certificate, PEM.
    pub cert_pem: Vec<u8>,
    /// Key, PEM.
    pub key_pem: Vec<u8>,
    /// Validity of the certificate.
    pub not_before: SystemTime,
    /// Validity of the certificate.
    pub not_after: SystemTime,
}

impl std::fmt::Debug for CurrentIdentity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The key stays out of debug output.
        f.debug_struct("CurrentIdentity")
            .field("not_after", &self.not_after)
            .finish_non_exhaustive()
    }
}

/// The identity shared by the link (which builds each new connection from it) and the renewer
/// (which replaces it).
#[derive(Clone, Debug)]
pub struct SharedIdentity {
    current: Arc<Mutex<CurrentIdentity>>,
    ca_pem: Vec<u8>,
    tls_server_name: Option<String>,
    /// Where renewed files go; `None` for files given on the command line (not renewed).
    managed_dir: Option<PathBuf>,
}

impl SharedIdentity {
    /// TLS settings for the next connection, with the current certificate.
    pub fn client_tls(&self) -> ClientTlsConfig {
        let current = self.current();
        let mut tls = ClientTlsConfig::new()
            .ca_certificate(Certificate::from_pem(self.ca_pem.clone()))
            .identity(Identity::from_pem(current.cert_pem, current.key_pem));
        if let Some(name) = &self.tls_server_name {
            tls = tls.domain_name(name.clone());
        }
        tls
    }

    /// The fleet's CA certificate, PEM.
    pub fn ca_pem(&self) -> &[u8] {
        &self.ca_pem
    }

    /// The identity in use.
    pub fn current(&self) -> CurrentIdentity {
        self.current
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn replace(&self, next: CurrentIdentity) {
        *self.current.lock().unwrap_or_else(|e| e.into_inner()) = next;
    }
}

fn read(path: &Path, what: &str) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("reading the {what} {}", path.display()))
}

/// Sets up the identity: the given files, or the enrolled identity in the state directory, or a
/// new enrollment with `--join-token`.
pub async fn load_or_enroll(config: &Config) -> anyhow::Result<SharedIdentity> {
    let state = &config.state_dir;
    let kept_ca = state.join("ca.pem");
    let ca_pem = match (&config.ca_cert, &config.ca_fingerprint) {
        (Some(path), _) => read(path, "CA certificate (--ca-cert)")?,
        (None, _) if kept_ca.exists() => read(&kept_ca, "CA certificate")?,
        (None, Some(fingerprint)) => {
            let address = config
                .controller
                .first()
                .context("no controller address given (--controller)")?;
            fetch_pinned_ca(address, fingerprint).await?
        }
        (None, None) => read(Path::new("certs/dev/ca.pem"), "CA certificate (--ca-cert)")?,
    };
    let (cert_pem, key_pem, managed_dir) = match (&config.cert, &config.key) {
        (Some(cert), Some(key)) => (
            read(cert, "agent certificate")?,
            read(key, "agent key")?,
            None,
        ),
        (None, None) => {
            let cert = state.join("agent.pem");
            let key = state.join("agent.key");
            if !cert.exists() {
                let token = config.join_token.as_deref().context(
                    "no agent certificate: give --join-token to enroll, or --cert and --key",
                )?;
                enroll(config, &ca_pem, token).await?;
            }
            (
                read(&cert, "agent certificate")?,
                read(&key, "agent key")?,
                Some(state.clone()),
            )
        }
        _ => anyhow::bail!("give both --cert and --key, or neither (to use the state directory)"),
    };
    let (not_before, not_after) = validity(&cert_pem)?;
    Ok(SharedIdentity {
        current: Arc::new(Mutex::new(CurrentIdentity {
            cert_pem,
            key_pem,
            not_before,
            not_after,
        })),
        ca_pem,
        tls_server_name: config.tls_server_name.clone(),
        managed_dir,
    })
}

/// Enrolls: a new key, a CSR and the join token to `Enroll` over server-authenticated TLS; the
/// certificate, key and CA go to the state directory.
async fn enroll(config: &Config, ca_pem: &[u8], token: &str) -> anyhow::Result<()> {
    let name = config.agent_name();
    let key = KeyPair::generate().context("making the agent key")?;
    let csr = CertificateParams::default()
        .serialize_request(&key)
        .and_then(|csr| csr.pem())
        .context("making the certificate request")?;
    let mut tls = ClientTlsConfig::new().ca_certificate(Certificate::from_pem(ca_pem));
    if let Some(server_name) = &config.tls_server_name {
        tls = tls.domain_name(server_name.clone());
    }
    let mut last_error = None;
    for address in &config.controller {
        let attempt = async {
            let channel = Endpoint::from_shared(address.clone())
                .with_context(|| format!("invalid controller address {address:?}"))?
                .tls_config(tls.clone())?
                .connect_timeout(Duration::from_secs(5))
                .connect()
                .await
                .with_context(|| format!("connecting to {address}"))?;
            let response = EnrollmentClient::new(channel)
                .enroll(link::EnrollRequest {
                    join_token: token.to_string(),
                    csr_pem: csr.clone(),
                    name: name.clone(),
                    hostname: config.hostname(),
                })
                .await
                .map_err(|s| anyhow::anyhow!("{} ({:?})", s.message(), s.code()))
                .with_context(|| format!("enrolling with {address}"))?;
            anyhow::Ok(response.into_inner())
        };
        match attempt.await {
            Ok(enrolled) => {
                let dir = &config.state_dir;
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("creating {}", dir.display()))?;
                write_private(&dir.join("agent.key"), key.serialize_pem().as_bytes())?;
                write_private(&dir.join("agent.pem"), enrolled.certificate_pem.as_bytes())?;
                write_private(&dir.join("ca.pem"), enrolled.ca_pem.as_bytes())?;
                tracing::info!(agent = %name, agent_id = %enrolled.agent_id, dir = %dir.display(), "enrolled");
                return Ok(());
            }
            Err(e) => last_error = Some(e),
        }
    }
    Err(last_error.unwrap_or_else(|| anyhow::anyhow!("no controller address given (--controller)")))
}

/// Renews the managed certificate at half of its lifetime, for as long as the agent runs. A failed
/// renewal is retried; the link keeps using the current certificate meanwhile, and a renewed one
/// serves from the next connection on (the open stream is not disturbed).
pub async fn renew_forever(
    identity: SharedIdentity,
    controllers: Vec<String>,
    mut shutdown: watch::Receiver<bool>,
) {
    let Some(dir) = identity.managed_dir.clone() else {
        return;
    };
    loop {
        let current = identity.current();
        let lifetime = current
            .not_after
            .duration_since(current.not_before)
            .unwrap_or_default();
        let renew_at = current.not_before + lifetime / 2;
        let wait = renew_at
            .duration_since(SystemTime::now())
            .unwrap_or_default();
        tokio::select! {
            () = tokio::time::sleep(wait) => {}
            _ = shutdown.wait_for(|stop| *stop) => return,
        }
        let mut retry = Duration::from_secs(1);
        loop {
            match renew_once(&identity, &controllers, &dir).await {
                Ok(next) => {
                    tracing::info!(not_after = ?next.not_after, "renewed the agent certificate");
                    identity.replace(next);
                    break;
                }
                Err(e) => {
                    tracing::warn!(
                        error = format!("{e:#}"),
                        "certificate renewal failed; retrying"
                    )
                }
            }
            tokio::select! {
                () = tokio::time::sleep(retry) => {}
                _ = shutdown.wait_for(|stop| *stop) => return,
            }
            retry = (retry * 2).min(Duration::from_secs(60));
        }
    }
}

async fn renew_once(
    identity: &SharedIdentity,
    controllers: &[String],
    dir: &Path,
) -> anyhow::Result<CurrentIdentity> {
    let key = KeyPair::generate().context("making a new agent key")?;
    let csr = CertificateParams::default()
        .serialize_request(&key)
        .and_then(|csr| csr.pem())
        .context("making the certificate request")?;
    let tls = identity.client_tls();
    let mut last_error = None;
    for address in controllers {
        let attempt = async {
            let channel = Endpoint::from_shared(address.clone())?
                .tls_config(tls.clone())?
                .connect_timeout(Duration::from_secs(5))
                .connect()
                .await
                .with_context(|| format!("connecting to {address}"))?;
            let response = EnrollmentClient::new(channel)
                .renew(link::RenewRequest {
                    csr_pem: csr.clone(),
                })
                .await
                .map_err(|s| anyhow::anyhow!("{} ({:?})", s.message(), s.code()))?;
            anyhow::Ok(response.into_inner())
        };
        match attempt.await {
            Ok(renewed) => {
                let cert_pem = renewed.certificate_pem.into_bytes();
                let key_pem = key.serialize_pem().into_bytes();
                let (not_before, not_after) = validity(&cert_pem)?;
                // Key first: a crash between the two leaves the old certificate with a key that
                // does not match, which the next start reports clearly rather than silently.
                write_private(&dir.join("agent.key"), &key_pem)?;
                write_private(&dir.join("agent.pem"), &cert_pem)?;
                return Ok(CurrentIdentity {
                    cert_pem,
                    key_pem,
                    not_before,
                    not_after,
                });
            }
            Err(e) => last_error = Some(e),
        }
    }
    Err(last_error.unwrap_or_else(|| anyhow::anyhow!("no controller address")))
}

/// The validity period of the first certificate in `pem`.
fn validity(pem: &[u8]) -> anyhow::Result<(SystemTime, SystemTime)> {
    let (_, parsed) =
        x509_parser::pem::parse_x509_pem(pem).context("the agent certificate is not PEM")?;
    let cert = parsed
        .parse_x509()
        .context("the agent certificate cannot be parsed")?;
    let at = |t: x509_parser::time::ASN1Time| {
        let secs = u64::try_from(t.timestamp()).unwrap_or(0);
        SystemTime::UNIX_EPOCH + Duration::from_secs(secs)
    };
    Ok((
        at(cert.validity().not_before),
        at(cert.validity().not_after),
    ))
}

/// Writes a file mode 0600 through a temporary file and a rename.
fn write_private(path: &Path, content: &[u8]) -> anyhow::Result<()> {
    let tmp = path.with_extension("tmp");
    let _ = std::fs::remove_file(&tmp);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .with_context(|| format!("creating {}", tmp.display()))?;
    file.write_all(content)
        .and_then(|()| file.sync_all())
        .with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("writing {}", path.display()))
}

/// Fetches the controller's CA certificate for `--ca-fingerprint`: a TLS handshake that records
/// the chain the controller presents (nothing is sent over it), then the certificate of that chain
/// whose SHA-256 is `fingerprint`. Only a CA matching the pinned fingerprint is ever trusted, and
/// enrollment then verifies the controller against it as usual.
pub async fn fetch_pinned_ca(address: &str, fingerprint: &str) -> anyhow::Result<Vec<u8>> {
    use sha2::Digest;
    let wanted = fingerprint
        .strip_prefix("sha256:")
        .map(str::to_ascii_lowercase)
        .filter(|hex| hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .context("--ca-fingerprint must be sha256: followed by 64 hex digits")?;
    let uri: tonic::codegen::http::Uri = address
        .parse()
        .with_context(|| format!("invalid controller address {address:?}"))?;
    let host = uri
        .host()
        .context("the controller address has no host")?
        .to_string();
    let port = uri.port_u16().unwrap_or(443);
    let recorder = Arc::new(ChainRecorder::default());
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .context("TLS protocol versions")?
    .dangerous()
    .with_custom_certificate_verifier(recorder.clone())
    .with_no_client_auth();
    let tcp = tokio::net::TcpStream::connect((host.as_str(), port))
        .await
        .with_context(|| format!("connecting to {address}"))?;
    let name = rustls::pki_types::ServerName::try_from(host.clone())
        .with_context(|| format!("{host:?} is not a server name"))?;
    let _ = tokio::time::timeout(
        Duration::from_secs(10),
        tokio_rustls::TlsConnector::from(Arc::new(config)).connect(name, tcp),
    )
    .await
    .with_context(|| format!("TLS handshake with {address} timed out"))?;
    let chain = recorder
        .chain
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let ca = chain
        .iter()
        .find(|der| format!("{:x}", sha2::Sha256::digest(der)) == wanted)
        .with_context(|| {
            format!(
                "{address} presented no certificate with fingerprint {fingerprint} (a controller \
                 with hand-made certificates sends no CA: use --ca-cert)"
            )
        })?;
    use base64::Engine;
    let body = base64::engine::general_purpose::STANDARD.encode(ca);
    let mut pem = String::from("-----BEGIN CERTIFICATE-----\n");
    for line in body.as_bytes().chunks(64) {
        pem.push_str(&String::from_utf8_lossy(line));
        pem.push('\n');
    }
    pem.push_str("-----END CERTIFICATE-----\n");
    Ok(pem.into_bytes())
}

/// A verifier that accepts any chain and remembers it: used only to read the chain, never to trust
/// the connection.
#[derive(Debug, Default)]
struct ChainRecorder {
    chain: Mutex<Vec<Vec<u8>>>,
}

impl rustls::client::danger::ServerCertVerifier for ChainRecorder {
    fn verify_server_cert(
        &self,
        end_entity: &rustls::pki_types::CertificateDer<'_>,
        intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        let mut chain = vec![end_entity.to_vec()];
        chain.extend(intermediates.iter().map(|c| c.to_vec()));
        *self.chain.lock().unwrap_or_else(|e| e.into_inner()) = chain;
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &rustls::crypto::ring::default_provider().signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &rustls::crypto::ring::default_provider().signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        rustls::crypto::ring::default_provider()
            .signature_verification_algorithms
            .supported_schemes()
    }
}
