//! Optional encryption of a backup's PKI with age (the `age` crate, the reference
//! implementation's library): a passphrase (scrypt) or X25519 recipients. The PKI files are
//! bundled into one age file, so a passphrase's deliberate slowness is paid once.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;
use std::str::FromStr;

use age::secrecy::SecretString;
use anyhow::{Context, bail};
use base64::Engine;

use super::manifest::PkiEncryption;

/// How a backup's PKI is to be written or read.
pub enum Keys {
    /// Plain files.
    None,
    /// A passphrase.
    Passphrase(SecretString),
    /// Recipients (to encrypt).
    Recipients(Vec<age::x25519::Recipient>),
    /// Identities (to decrypt).
    Identities(Vec<Box<dyn age::Identity + Send + Sync>>),
}

impl Keys {
    /// The keys to encrypt with, from `backup`'s flags.
    pub fn for_backup(
        passphrase_file: Option<&Path>,
        recipients: &[String],
    ) -> anyhow::Result<Keys> {
        if let Some(path) = passphrase_file {
            return Ok(Keys::Passphrase(read_passphrase(path)?));
        }
        if recipients.is_empty() {
            return Ok(Keys::None);
        }
        let parsed = recipients
            .iter()
            .map(|r| {
                age::x25519::Recipient::from_str(r.trim()).map_err(|_| {
                    anyhow::anyhow!("--age-recipient: not an age X25519 recipient (age1…)")
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(Keys::Recipients(parsed))
    }

    /// The keys to decrypt with, from `restore`'s flags.
    pub fn for_restore(
        passphrase_file: Option<&Path>,
        identity_file: Option<&Path>,
    ) -> anyhow::Result<Keys> {
        if let Some(path) = passphrase_file {
            return Ok(Keys::Passphrase(read_passphrase(path)?));
        }
        let Some(path) = identity_file else {
            return Ok(Keys::None);
        };
        let identities = age::IdentityFile::from_file(path.display().to_string())
            .with_context(|| format!("reading the age identity file {}", path.display()))?
            .into_identities()
            .map_err(|e| anyhow::anyhow!("the age identity file {}: {e}", path.display()))?;
        if identities.is_empty() {
            bail!("the age identity file {} holds no identity", path.display());
        }
        Ok(Keys::Identities(identities))
    }

    /// What the manifest says about PKI files written with these keys.
    pub fn encryption(&self) -> PkiEncryption {
        match self {
            Keys::None => PkiEncryption::None,
            Keys::Passphrase(_) => PkiEncryption::Passphrase,
            Keys::Recipients(_) | Keys::Identities(_) => PkiEncryption::AgeRecipients,
        }
    }
}

fn read_passphrase(path: &Path) -> anyhow::Result<SecretString> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("reading the passphrase file {}", path.display()))?;
    let line = text.lines().next().unwrap_or("").to_string();
    if line.chars().count() < 12 {
        bail!(
            "the passphrase in {} is shorter than 12 characters",
            path.display()
        );
    }
    Ok(SecretString::from(line))
}

/// Encrypts the PKI files (name → content) into one age file's bytes.
pub fn seal(keys: &Keys, files: &BTreeMap<String, Vec<u8>>) -> anyhow::Result<Vec<u8>> {
    let engine = base64::engine::general_purpose::STANDARD;
    let bundle: BTreeMap<&str, String> = files
        .iter()
        .map(|(name, content)| (name.as_str(), engine.encode(content)))
        .collect();
    let plain = serde_json::to_vec(&bundle)?;
    let encryptor = match keys {
        Keys::Passphrase(passphrase) => age::Encryptor::with_user_passphrase(passphrase.clone()),
        Keys::Recipients(recipients) => {
            age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
                .context("encrypting the PKI")?
        }
        Keys::None | Keys::Identities(_) => bail!("no key to encrypt the PKI with"),
    };
    let mut sealed = Vec::new();
    let mut writer = encryptor
        .wrap_output(&mut sealed)
        .context("encrypting the PKI")?;
    writer.write_all(&plain).context("encrypting the PKI")?;
    writer.finish().context("encrypting the PKI")?;
    Ok(sealed)
}

/// Decrypts what [`seal`] made.
pub fn open(
    keys: &Keys,
    encryption: PkiEncryption,
    sealed: &[u8],
) -> anyhow::Result<BTreeMap<String, Vec<u8>>> {
    let decryptor = age::Decryptor::new_buffered(sealed).context("reading the encrypted PKI")?;
    let scrypt;
    let identities: Vec<&dyn age::Identity> = match (keys, encryption) {
        (Keys::Passphrase(passphrase), PkiEncryption::Passphrase) => {
            scrypt = age::scrypt::Identity::new(passphrase.clone());
            vec![&scrypt as &dyn age::Identity]
        }
        (Keys::Identities(identities), PkiEncryption::AgeRecipients) => identities
            .iter()
            .map(|i| i.as_ref() as &dyn age::Identity)
            .collect(),
        (_, PkiEncryption::Passphrase) => {
            bail!("the backup's PKI is encrypted with a passphrase: give --passphrase-file")
        }
        (_, _) => bail!(
            "the backup's PKI is encrypted to an age recipient: give --age-identity with its \
             identity"
        ),
    };
    let mut reader = decryptor
        .decrypt(identities.into_iter())
        .map_err(|e| anyhow::anyhow!("the PKI cannot be decrypted with the key given ({e})"))?;
    let mut plain = Vec::new();
    reader
        .read_to_end(&mut plain)
        .context("decrypting the PKI (the file is damaged)")?;
    let bundle: BTreeMap<String, String> =
        serde_json::from_slice(&plain).context("the decrypted PKI bundle is malformed")?;
    let engine = base64::engine::general_purpose::STANDARD;
    bundle
        .into_iter()
        .map(|(name, content)| {
            let bytes = engine
                .decode(content)
                .context("the decrypted PKI bundle is malformed")?;
            Ok((name, bytes))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::secrecy::ExposeSecret;

    fn files() -> BTreeMap<String, Vec<u8>> {
        BTreeMap::from([
            (
                "ca.key".to_string(),
                b"-----BEGIN PRIVATE KEY-----".to_vec(),
            ),
            (
                "ca.pem".to_string(),
                b"-----BEGIN CERTIFICATE-----".to_vec(),
            ),
        ])
    }

    #[test]
    fn a_recipient_seals_and_only_its_identity_opens() {
        let identity = age::x25519::Identity::generate();
        let keys = Keys::Recipients(vec![identity.to_public()]);
        let sealed = seal(&keys, &files()).expect("sealed");
        assert!(!sealed.windows(11).any(|w| w == b"PRIVATE KEY"));
        let opening = Keys::Identities(vec![Box::new(identity)]);
        let opened = open(&opening, PkiEncryption::AgeRecipients, &sealed).expect("opened");
        assert_eq!(opened, files());

        let stranger = Keys::Identities(vec![Box::new(age::x25519::Identity::generate())]);
        let refused = open(&stranger, PkiEncryption::AgeRecipients, &sealed).expect_err("refused");
        assert!(
            refused.to_string().contains("cannot be decrypted"),
            "{refused:#}"
        );
        let without = open(&Keys::None, PkiEncryption::AgeRecipients, &sealed).expect_err("no key");
        assert!(
            without.to_string().contains("--age-identity"),
            "{without:#}"
        );
        let secret = identity_secret_is_not_in(&sealed);
        assert!(secret);
    }

    fn identity_secret_is_not_in(sealed: &[u8]) -> bool {
        !String::from_utf8_lossy(sealed).contains("AGE-SECRET-KEY")
    }

    #[test]
    fn a_short_passphrase_is_refused_and_a_wrong_one_does_not_open() {
        let dir = tempfile::tempdir().expect("dir");
        let short = dir.path().join("short");
        std::fs::write(&short, "hunter2\n").expect("write");
        assert!(Keys::for_backup(Some(&short), &[]).is_err());
        let good = dir.path().join("good");
        std::fs::write(&good, "correct horse battery staple\nignored").expect("write");
        let keys = Keys::for_backup(Some(&good), &[]).expect("keys");
        match &keys {
            Keys::Passphrase(p) => assert_eq!(p.expose_secret(), "correct horse battery staple"),
            _ => panic!("a passphrase"),
        }
        let sealed = seal(&keys, &files()).expect("sealed");
        assert_eq!(
            open(&keys, PkiEncryption::Passphrase, &sealed).expect("opened"),
            files()
        );
        let wrong = Keys::Passphrase(SecretString::from("a different passphrase".to_string()));
        assert!(open(&wrong, PkiEncryption::Passphrase, &sealed).is_err());
        assert!(Keys::for_backup(None, &["not-a-recipient".into()]).is_err());
    }
}
