//! The controller's certificate authority: made on first start under the state directory (or
//! imported from files), it issues the controller's server certificate and signs agents' certificate
//! requests at enrollment and renewal.
//!
//! Architecture invariant: agents' private keys never come here; only their CSRs do. The CA's key is
//! written once, mode 0600, and never leaves this module.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rcgen::{
    BasicConstraints, CertificateParams, CertificateSigningRequestParams, DnType,
    ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair, KeyUsagePurpose, SanType, SerialNumber,
};
use ring::rand::{SecureRandom, SystemRandom};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use cyberbrain_model::fleet::IssuedCert;

// The PKI's failures are the domain's (bad input, files): enrollment signs inside a store
// transaction, which takes the store's error.
use cyberbrain_store::{Error, Result};

/// Server and CA certificates start this long before they are made, so that a host whose clock
/// is a little behind still accepts them.
const CLOCK_SKEW: Duration = Duration::from_secs(5 * 60);
/// A managed CA lives ten years.
const CA_LIFETIME: Duration = Duration::from_secs(10 * 365 * 86_400);
/// The controller's own certificate is reissued at every start, and lives a year.
const SERVER_LIFETIME: Duration = Duration::from_secs(365 * 86_400);

/// The CA, able to sign.
pub struct CertificateAuthority {
    issuer: Issuer<'static, KeyPair>,
    /// The CA certificate, PEM, as handed to agents.
    pub ca_pem: String,
}

impl std::fmt::Debug for CertificateAuthority {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CertificateAuthority")
            .finish_non_exhaustive()
    }
}

fn pki_error(context: &str, e: impl std::fmt::Display) -> Error {
    Error::io(context.to_string(), std::io::Error::other(e.to_string()))
}

impl CertificateAuthority {
    /// Reads a CA certificate and its key (PEM).
    pub fn load(cert: &Path, key: &Path) -> Result<CertificateAuthority> {
        let ca_pem = read_text(cert, "CA certificate")?;
        let key_pem = read_text(key, "CA key")?;
        let key = KeyPair::from_pem(&key_pem)
            .map_err(|e| pki_error(&format!("parsing the CA key {}", key.display()), e))?;
        let issuer = Issuer::from_ca_cert_pem(&ca_pem, key)
            .map_err(|e| pki_error(&format!("parsing the CA certificate {}", cert.display()), e))?;
        Ok(CertificateAuthority { issuer, ca_pem })
    }

    /// Loads the CA in `dir` (`ca.pem`, `ca.key`), making a new one when there is none.
    pub fn load_or_create(dir: &Path) -> Result<CertificateAuthority> {
        let cert = dir.join("ca.pem");
        let key = dir.join("ca.key");
        if cert.exists() {
            return CertificateAuthority::load(&cert, &key);
        }
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(format!("creating {}", dir.display()), e))?;
        let key_pair = KeyPair::generate().map_err(|e| pki_error("making the CA key", e))?;
        let mut params = CertificateParams::new(Vec::<String>::new())
            .map_err(|e| pki_error("making the CA", e))?;
        params
            .distinguished_name
            .push(DnType::CommonName, "Cyberbrain CA");
        params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let now = Utc::now();
        params.not_before = to_time(now - skew())?;
        params.not_after = to_time(now + chrono_duration(CA_LIFETIME))?;
        params.serial_number = Some(random_serial()?.0);
        let ca = params
            .self_signed(&key_pair)
            .map_err(|e| pki_error("signing the CA", e))?;
        // The key first: a CA certificate without its key would be taken as imported.
        write_private(&key, key_pair.serialize_pem().as_bytes(), 0o600)?;
        write_private(&cert, ca.pem().as_bytes(), 0o644)?;
        tracing::info!(path = %cert.display(), "made a new certificate authority");
        Ok(CertificateAuthority {
            ca_pem: ca.pem(),
            issuer: Issuer::new(params, key_pair),
        })
    }

    /// SHA-256 of the CA certificate's DER, as `sha256:<hex>`: what `--ca-fingerprint` pins.
    pub fn fingerprint(&self) -> Result<String> {
        fingerprint_of_pem(&self.ca_pem)
    }

    /// Issues the controller's server certificate for `names` (DNS names or IP addresses); writes
    /// the chain (leaf, then CA) and a new key into `dir`. Returns their paths.
    pub fn issue_server_certificate(
        &self,
        dir: &Path,
        names: &[String],
    ) -> Result<(PathBuf, PathBuf)> {
        let key_pair = KeyPair::generate().map_err(|e| pki_error("making the server key", e))?;
        let mut params = CertificateParams::new(names.to_vec())
            .map_err(|e| pki_error("naming the server certificate", e))?;
        params
            .distinguished_name
            .push(DnType::CommonName, "cyberbrain-controller");
        params.key_usages = vec![
            KeyUsagePurpose::DigitalSignature,
            KeyUsagePurpose::KeyEncipherment,
        ];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let now = Utc::now();
        params.not_before = to_time(now - skew())?;
        params.not_after = to_time(now + chrono_duration(SERVER_LIFETIME))?;
        params.serial_number = Some(random_serial()?.0);
        let cert = params
            .signed_by(&key_pair, &self.issuer)
            .map_err(|e| pki_error("signing the server certificate", e))?;
        let cert_path = dir.join("controller.pem");
        let key_path = dir.join("controller.key");
        write_private(&key_path, key_pair.serialize_pem().as_bytes(), 0o600)?;
        let chain = format!("{}{}", cert.pem(), self.ca_pem);
        write_private(&cert_path, chain.as_bytes(), 0o644)?;
        Ok((cert_path, key_path))
    }

    /// Signs an agent's CSR: the certificate names the agent by common name and by the URI SAN
    /// `spiffe://cyberbrain/agent/<id>`, is for client authentication only, and lives `lifetime`.
    /// Everything but the public key comes from here, not from the CSR.
    pub fn sign_agent_csr(
        &self,
        csr_pem: &str,
        agent_id: Uuid,
        name: &str,
        lifetime: Duration,
    ) -> Result<IssuedCert> {
        let csr = CertificateSigningRequestParams::from_pem(csr_pem).map_err(|e| {
            Error::invalid(
                "csr_pem",
                format!("not a valid, self-signed PKCS#10 request: {e}"),
            )
        })?;
        let mut params = CertificateParams::default();
        params.distinguished_name.push(DnType::CommonName, name);
        params.subject_alt_names = vec![SanType::URI(
            format!("spiffe://cyberbrain/agent/{agent_id}")
                .try_into()
                .map_err(|e| pki_error("naming the agent certificate", e))?,
        )];
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        params.is_ca = IsCa::ExplicitNoCa;
        let now = Utc::now();
        // Some skew for hosts whose clock is behind, but at most a tenth of the lifetime, so that
        // short-lived certificates (rotation tests) still renew at about half their real life.
        let skew = chrono_duration(lifetime / 10).min(chrono::Duration::seconds(30));
        let not_before = now - skew;
        let not_after = now + chrono_duration(lifetime);
        params.not_before = to_time(not_before)?;
        params.not_after = to_time(not_after)?;
        let (serial, serial_hex) = random_serial()?;
        params.serial_number = Some(serial);
        let signing = CertificateSigningRequestParams {
            params,
            public_key: csr.public_key,
        };
        let cert = signing
            .signed_by(&self.issuer)
            .map_err(|e| pki_error("signing the agent certificate", e))?;
        Ok(IssuedCert {
            pem: cert.pem(),
            serial: serial_hex,
            not_before,
            not_after,
        })
    }
}

/// A random 128-bit serial (top bit clear, so it stays positive in DER), and its hex form as
/// x509-parser prints it.
fn random_serial() -> Result<(SerialNumber, String)> {
    let mut bytes = [0u8; 16];
    SystemRandom::new()
        .fill(&mut bytes)
        .map_err(|_| pki_error("reading random bytes", "no randomness"))?;
    bytes[0] &= 0x7f;
    // A leading zero byte would be dropped by DER; keep the first byte non-zero.
    bytes[0] |= 0x01;
    let hex = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Ok((SerialNumber::from_slice(&bytes), hex))
}

/// The serial (lowercase hex, no leading zero bytes) and expiry of a DER certificate.
pub fn serial_and_expiry(der: &[u8]) -> Option<(String, DateTime<Utc>)> {
    let (_, cert) = x509_parser::parse_x509_certificate(der).ok()?;
    let serial = cert
        .raw_serial()
        .iter()
        .skip_while(|b| **b == 0)
        .map(|b| format!("{b:02x}"))
        .collect();
    let expires = DateTime::<Utc>::from_timestamp(cert.validity().not_after.timestamp(), 0)?;
    Some((serial, expires))
}

/// `sha256:<hex>` of the first certificate in `pem`.
pub fn fingerprint_of_pem(pem: &str) -> Result<String> {
    let der = pem_to_der(pem).ok_or_else(|| pki_error("reading the CA certificate", "not PEM"))?;
    Ok(format!("sha256:{:x}", Sha256::digest(&der)))
}

fn pem_to_der(pem: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    let body: String = pem
        .lines()
        .skip_while(|l| !l.starts_with("-----BEGIN CERTIFICATE-----"))
        .skip(1)
        .take_while(|l| !l.starts_with("-----END"))
        .collect();
    base64::engine::general_purpose::STANDARD.decode(body).ok()
}

fn skew() -> chrono::Duration {
    chrono_duration(CLOCK_SKEW)
}

fn chrono_duration(d: Duration) -> chrono::Duration {
    chrono::Duration::from_std(d).unwrap_or(chrono::Duration::days(365))
}

fn to_time(at: DateTime<Utc>) -> Result<time::OffsetDateTime> {
    time::OffsetDateTime::from_unix_timestamp(at.timestamp())
        .map_err(|e| pki_error("computing a validity date", e))
}

fn read_text(path: &Path, what: &str) -> Result<String> {
    std::fs::read_to_string(path)
        .map_err(|e| Error::io(format!("reading the {what} {}", path.display()), e))
}

/// Writes a file with `mode`, replacing it: through a temporary file and a rename, so a reader
/// never sees half a key, and the mode is set at creation (never world-readable, even briefly).
pub fn write_private(path: &Path, content: &[u8], mode: u32) -> Result<()> {
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(&tmp)
        .map_err(|e| Error::io(format!("creating {}", tmp.display()), e))?;
    file.write_all(content)
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::io(format!("writing {}", tmp.display()), e))?;
    std::fs::rename(&tmp, path).map_err(|e| Error::io(format!("replacing {}", path.display()), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_ca_signs_agent_requests_with_unique_serials() {
        let dir = tempfile::tempdir().unwrap();
        let ca = CertificateAuthority::load_or_create(dir.path()).unwrap();
        let mode = std::fs::metadata(dir.path().join("ca.key")).unwrap();
        assert_eq!(
            std::os::unix::fs::PermissionsExt::mode(&mode.permissions()) & 0o777,
            0o600
        );
        let key = KeyPair::generate().unwrap();
        let csr = CertificateParams::default()
            .serialize_request(&key)
            .unwrap()
            .pem()
            .unwrap();
        let id = Uuid::new_v4();
        let a = ca
            .sign_agent_csr(&csr, id, "gpu-1", Duration::from_secs(60))
            .unwrap();
        let b = ca
            .sign_agent_csr(&csr, id, "gpu-1", Duration::from_secs(60))
            .unwrap();
        assert_ne!(a.serial, b.serial);
        let der = pem_to_der(&a.pem).unwrap();
        assert_eq!(serial_and_expiry(&der).unwrap().0, a.serial);
        let again = CertificateAuthority::load_or_create(dir.path()).unwrap();
        assert_eq!(again.fingerprint().unwrap(), ca.fingerprint().unwrap());
        assert!(
            ca.sign_agent_csr("garbage", id, "x", Duration::from_secs(1))
                .is_err()
        );
    }
}

/// Where the TLS files are, and the CA when this controller can issue certificates.
#[derive(Debug)]
pub struct PkiSetup {
    /// The server certificate chain.
    pub tls_cert: PathBuf,
    /// Its key.
    pub tls_key: PathBuf,
    /// The CA certificate agents must chain to.
    pub ca_cert: PathBuf,
    /// The CA, when its key is at hand.
    pub ca: Option<CertificateAuthority>,
}

/// Resolves the controller's PKI from its configuration: a managed CA under `pki_dir` unless
/// `ca_cert` is given (imported; it issues only if `ca_key`, or `ca.key` beside it, exists), and a
/// server certificate issued for `names` unless `server` (cert, key) is given.
pub fn prepare(
    pki_dir: &Path,
    ca_cert: Option<&Path>,
    ca_key: Option<&Path>,
    server: Option<(&Path, &Path)>,
    names: &[String],
) -> Result<PkiSetup> {
    let (ca_cert, ca) = match ca_cert {
        None => (
            pki_dir.join("ca.pem"),
            Some(CertificateAuthority::load_or_create(pki_dir)?),
        ),
        Some(cert) => {
            let key = ca_key
                .map(Path::to_path_buf)
                .unwrap_or_else(|| cert.with_file_name("ca.key"));
            let ca = if key.exists() {
                Some(CertificateAuthority::load(cert, &key)?)
            } else {
                if ca_key.is_some() {
                    return Err(Error::io(
                        format!("reading the CA key {}", key.display()),
                        std::io::Error::from(std::io::ErrorKind::NotFound),
                    ));
                }
                None
            };
            (cert.to_path_buf(), ca)
        }
    };
    let (tls_cert, tls_key) = match (server, &ca) {
        (Some((cert, key)), _) => (cert.to_path_buf(), key.to_path_buf()),
        (None, Some(ca)) => {
            std::fs::create_dir_all(pki_dir)
                .map_err(|e| Error::io(format!("creating {}", pki_dir.display()), e))?;
            ca.issue_server_certificate(pki_dir, names)?
        }
        (None, None) => {
            return Err(Error::invalid(
                "tls_cert",
                "give --tls-cert and --tls-key, or the CA key (--ca-key) to issue them",
            ));
        }
    };
    Ok(PkiSetup {
        tls_cert,
        tls_key,
        ca_cert,
        ca,
    })
}
