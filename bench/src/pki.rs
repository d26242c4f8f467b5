//! A throwaway PKI: a CA, a controller certificate for loopback, and one client certificate per
//! simulated agent. Every agent certificate carries its own common name (the controller's only
//! source of an agent's identity) but all share one key pair, so that 10,000 of them take about a
//! second to make instead of minutes of key generation.

use std::path::{Path, PathBuf};

use anyhow::Context;
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose,
};

/// The CA and what the controller needs on disk.
pub struct Pki {
    /// The CA certificate, PEM: the agents' trust anchor for the controller, and the API client's.
    pub ca_pem: String,
    /// Where `controller.pem`, `controller.key` and `ca.pem` are written.
    pub dir: PathBuf,
    issuer: Issuer<'static, KeyPair>,
    /// The key pair every simulated agent's certificate is issued for.
    agent_key: KeyPair,
}

/// One agent's client identity.
pub struct AgentIdentity {
    /// Certificate, PEM.
    pub cert_pem: String,
    /// Private key, PEM.
    pub key_pem: String,
}

impl Pki {
    /// Makes the CA and the controller's certificate (for `localhost` and `127.0.0.1`) in `dir`.
    pub fn create(dir: &Path) -> anyhow::Result<Pki> {
        let ca_key = KeyPair::generate()?;
        let mut ca_params = CertificateParams::new(Vec::<String>::new())?;
        ca_params
            .distinguished_name
            .push(DnType::CommonName, "cyberbrain-bench CA");
        ca_params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
        ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        let ca_cert = ca_params.self_signed(&ca_key)?;
        let ca_pem = ca_cert.pem();
        let issuer = Issuer::new(ca_params, ca_key);

        let controller_key = KeyPair::generate()?;
        let mut params = CertificateParams::new(vec!["localhost".into(), "127.0.0.1".into()])?;
        params
            .distinguished_name
            .push(DnType::CommonName, "cyberbrain-controller");
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let controller_cert = params.signed_by(&controller_key, &issuer)?;

        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        let write = |name: &str, text: &str| {
            let path = dir.join(name);
            std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))
        };
        write("ca.pem", &ca_pem)?;
        write("controller.pem", &controller_cert.pem())?;
        write("controller.key", &controller_key.serialize_pem())?;
        Ok(Pki {
            ca_pem,
            dir: dir.to_path_buf(),
            issuer,
            agent_key: KeyPair::generate()?,
        })
    }

    /// A client certificate whose common name is `name`.
    pub fn agent(&self, name: &str) -> anyhow::Result<AgentIdentity> {
        let mut params = CertificateParams::new(Vec::<String>::new())?;
        params.distinguished_name.push(DnType::CommonName, name);
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        let cert = params.signed_by(&self.agent_key, &self.issuer)?;
        Ok(AgentIdentity {
            cert_pem: cert.pem(),
            key_pem: self.agent_key.serialize_pem(),
        })
    }

    /// The controller's certificate, key and CA paths.
    pub fn controller_files(&self) -> (PathBuf, PathBuf, PathBuf) {
        (
            self.dir.join("controller.pem"),
            self.dir.join("controller.key"),
            self.dir.join("ca.pem"),
        )
    }
}
