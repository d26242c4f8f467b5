//! `cbctl certs init`: a development PKI — a CA, a controller certificate and agent certificates.
//!
//! For tests and demos. Production agents enroll with join tokens (a later issue); this CA layout is
//! the same, so certificates made here work with the real controller.

use std::fs;
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::{Datelike, Utc};
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, SanType,
};

#[derive(Debug, clap::Subcommand)]
pub enum Verb {
    /// Make (or extend) a development PKI.
    Init {
        /// Where to write the files.
        #[arg(long, default_value = "certs/dev")]
        dir: PathBuf,
        /// An agent to make a certificate for (repeatable) [default: one agent named `local`].
        #[arg(long = "agent", value_name = "NAME")]
        agents: Vec<String>,
        /// Extra DNS name or IP address for the controller certificate (repeatable); localhost,
        /// 127.0.0.1 and ::1 are always included.
        #[arg(long = "controller-host", value_name = "HOST")]
        controller_hosts: Vec<String>,
        /// Replace existing files, including the CA.
        #[arg(long)]
        force: bool,
    },
}

pub fn run(verb: Verb) -> anyhow::Result<()> {
    let Verb::Init {
        dir,
        agents,
        controller_hosts,
        force,
    } = verb;
    let agents = if agents.is_empty() {
        vec!["local".to_string()]
    } else {
        agents
    };
    for name in &agents {
        validate_agent_name(name)?;
    }
    fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let issuer = load_or_make_ca(&dir, force)?;

    let controller_cert = dir.join("controller.pem");
    if force || !controller_cert.exists() {
        let mut names = vec!["localhost".to_string(), "127.0.0.1".into(), "::1".into()];
        names.extend(controller_hosts);
        let key = KeyPair::generate()?;
        let mut params = leaf_params("cyberbrain-controller", &names)?;
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let cert = params.signed_by(&key, &issuer)?;
        write_file(&controller_cert, cert.pem().as_bytes(), 0o644)?;
        write_file(
            &dir.join("controller.key"),
            key.serialize_pem().as_bytes(),
            0o600,
        )?;
        crate::outln!("wrote {} ({})", controller_cert.display(), names.join(", "));
    } else {
        crate::outln!(
            "kept {} (pass --force to reissue it, e.g. for new --controller-host names)",
            controller_cert.display()
        );
    }
    for name in &agents {
        let cert_path = dir.join(format!("agent-{name}.pem"));
        if cert_path.exists() && !force {
            crate::outln!("kept {}", cert_path.display());
            continue;
        }
        let key = KeyPair::generate()?;
        let mut params = leaf_params(name, &[])?;
        params.subject_alt_names.push(SanType::URI(
            format!("spiffe://cyberbrain/agent/{name}").try_into()?,
        ));
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
        let cert = params.signed_by(&key, &issuer)?;
        write_file(&cert_path, cert.pem().as_bytes(), 0o644)?;
        write_file(
            &dir.join(format!("agent-{name}.key")),
            key.serialize_pem().as_bytes(),
            0o600,
        )?;
        crate::outln!("wrote {}", cert_path.display());
    }
    Ok(())
}

fn validate_agent_name(name: &str) -> anyhow::Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !ok {
        bail!("agent name {name:?} must be 1-63 characters of letters, digits, '-', '_' or '.'");
    }
    Ok(())
}

/// Validity: from yesterday (clock skew) for `years`.
fn validity(params: &mut CertificateParams, years: i32) {
    let now = Utc::now() - chrono::Duration::days(1);
    // Day 28 at most, so that the same day exists in the end year's month too.
    let day = u8::try_from(now.day().min(28)).unwrap_or(28);
    let month = u8::try_from(now.month()).unwrap_or(1);
    params.not_before = rcgen::date_time_ymd(now.year(), month, day);
    params.not_after = rcgen::date_time_ymd(now.year() + years, month, day);
}

fn leaf_params(common_name: &str, names: &[String]) -> anyhow::Result<CertificateParams> {
    let mut params = CertificateParams::new(names.to_vec())?;
    params
        .distinguished_name
        .push(DnType::CommonName, common_name);
    params.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
    ];
    validity(&mut params, 1);
    Ok(params)
}

fn load_or_make_ca(dir: &Path, force: bool) -> anyhow::Result<Issuer<'static, KeyPair>> {
    let cert_path = dir.join("ca.pem");
    let key_path = dir.join("ca.key");
    if cert_path.exists() && !force {
        let key_pem = fs::read_to_string(&key_path).with_context(|| {
            format!(
                "reading {} (or pass --force for a new CA)",
                key_path.display()
            )
        })?;
        let key = KeyPair::from_pem(&key_pem).context("parsing the CA key")?;
        let cert_pem = fs::read_to_string(&cert_path)?;
        let issuer =
            Issuer::from_ca_cert_pem(&cert_pem, key).context("parsing the CA certificate")?;
        crate::outln!("using the CA in {}", cert_path.display());
        return Ok(issuer);
    }
    let key = KeyPair::generate()?;
    let mut params = CertificateParams::new(Vec::<String>::new())?;
    params
        .distinguished_name
        .push(DnType::CommonName, "Cyberbrain development CA");
    params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    validity(&mut params, 5);
    let cert = params.self_signed(&key)?;
    write_file(&cert_path, cert.pem().as_bytes(), 0o644)?;
    write_file(&key_path, key.serialize_pem().as_bytes(), 0o600)?;
    crate::outln!("wrote {}", cert_path.display());
    Ok(Issuer::new(params, key))
}

fn write_file(path: &Path, content: &[u8], mode: u32) -> anyhow::Result<()> {
    // Remove first: `mode` applies only when the file is created.
    let _ = fs::remove_file(path);
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
        .with_context(|| format!("creating {}", path.display()))?;
    file.write_all(content)
        .with_context(|| format!("writing {}", path.display()))
}
