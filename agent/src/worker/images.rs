//! The worker images this host admits (`--allow-image`, the `[worker]` section of --config):
//! the agent's half of the two-sided image allowlist. An entry names one pinned image
//! (`NAME@sha256:<digest>`) or every digest of one name (`NAME@sha256:*`), and may allow a named
//! network and the host's GPUs; without them a worker container has no network and no GPU.

use std::collections::BTreeMap;

use cyberbrain_tasks::ContainerParams;
use serde::Deserialize;

/// One admitted image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageEntry {
    /// `NAME@sha256:<64 hex>`, or `NAME@sha256:*` for any digest of NAME.
    pub image: String,
    /// The Docker network a task may ask for; `None`: only `none`.
    pub network: Option<String>,
    /// Whether a task may ask for the host's GPUs.
    pub gpus: bool,
}

impl ImageEntry {
    /// Whether this entry admits the pinned reference `image`.
    fn admits(&self, image: &str) -> bool {
        match self.image.strip_suffix("@sha256:*") {
            Some(name) => image
                .rsplit_once("@sha256:")
                .is_some_and(|(task_name, _)| task_name == name),
            None => self.image == image,
        }
    }
}

/// Why a worker container was refused, in a sentence for the job's record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The image is not in this host's list.
    #[error("image {0:?} is not allowed on this host (--allow-image)")]
    NotListed(String),
    /// A network the entry does not allow.
    #[error("network {network:?} is not allowed for image {image:?} on this host")]
    Network {
        /// The image.
        image: String,
        /// The network asked for.
        network: String,
    },
    /// GPUs the entry does not allow.
    #[error("GPUs are not allowed for image {0:?} on this host")]
    Gpus(String),
}

/// A malformed entry, naming it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("worker image {image:?}: {reason}")]
pub struct InvalidImageEntry {
    image: String,
    reason: String,
}

/// Every image this host admits; empty (the default) refuses every worker container.
#[derive(Debug, Clone, Default)]
pub struct WorkerImages {
    entries: BTreeMap<String, ImageEntry>,
}

/// An entry as the configuration file writes it: `[[worker.images]]` tables.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEntry {
    image: String,
    #[serde(default)]
    network: Option<String>,
    #[serde(default)]
    gpus: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSection {
    #[serde(default)]
    images: Vec<FileEntry>,
}

impl WorkerImages {
    /// The `[worker]` section's `images`, then the flags (a flag replaces the file's entry for
    /// the same image).
    pub fn new(
        section: Option<&toml::Table>,
        flags: &[ImageEntry],
    ) -> Result<WorkerImages, InvalidImageEntry> {
        let mut entries = BTreeMap::new();
        if let Some(section) = section {
            let file: FileSection =
                toml::Value::Table(section.clone())
                    .try_into()
                    .map_err(|e: toml::de::Error| InvalidImageEntry {
                        image: "[worker]".into(),
                        reason: e.message().to_string(),
                    })?;
            for entry in file.images {
                let entry = checked(ImageEntry {
                    image: entry.image,
                    network: entry.network,
                    gpus: entry.gpus,
                })?;
                entries.insert(entry.image.clone(), entry);
            }
        }
        for flag in flags {
            let entry = checked(flag.clone())?;
            entries.insert(entry.image.clone(), entry);
        }
        Ok(WorkerImages { entries })
    }

    /// The admitted images, for the hello.
    pub fn names(&self) -> Vec<String> {
        self.entries.keys().cloned().collect()
    }

    /// Whether no image is admitted (the default).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry admitting `task`'s image, network and GPUs.
    pub fn admit(&self, task: &ContainerParams) -> Result<&ImageEntry, Refusal> {
        let entry = self
            .entries
            .values()
            .find(|entry| entry.admits(&task.image))
            .ok_or_else(|| Refusal::NotListed(task.image.clone()))?;
        if !task.network.is_empty() && entry.network.as_deref() != Some(task.network.as_str()) {
            return Err(Refusal::Network {
                image: task.image.clone(),
                network: task.network.clone(),
            });
        }
        if task.gpus && !entry.gpus {
            return Err(Refusal::Gpus(task.image.clone()));
        }
        Ok(entry)
    }
}

/// Checks an entry's image reference and network name.
fn checked(entry: ImageEntry) -> Result<ImageEntry, InvalidImageEntry> {
    let invalid = |reason: &str| InvalidImageEntry {
        image: entry.image.clone(),
        reason: reason.to_string(),
    };
    let any_digest = entry
        .image
        .strip_suffix("@sha256:*")
        .map(|name| format!("{name}@sha256:{}", "0".repeat(64)));
    if !ContainerParams::is_pinned(any_digest.as_deref().unwrap_or(&entry.image)) {
        return Err(invalid(
            "must be NAME@sha256:<64 lowercase hex digits> or NAME@sha256:*",
        ));
    }
    if let Some(network) = &entry.network {
        let params = ContainerParams {
            image: format!("x@sha256:{}", "0".repeat(64)),
            network: network.clone(),
            ..Default::default()
        };
        if network.is_empty()
            || network == "host"
            || cyberbrain_tasks::TaskSpec::Container(params)
                .validate()
                .is_err()
        {
            return Err(invalid(
                "network must be a Docker network's name (never `host`)",
            ));
        }
    }
    Ok(entry)
}

/// Parses `--allow-image "NAME@sha256:DIGEST [network=NAME] [gpus]"`.
pub fn parse_flag(text: &str) -> Result<ImageEntry, String> {
    let mut words = text.split_whitespace();
    let image = words
        .next()
        .ok_or_else(|| "expected NAME@sha256:DIGEST [network=NAME] [gpus]".to_string())?;
    let mut entry = ImageEntry {
        image: image.to_string(),
        network: None,
        gpus: false,
    };
    for word in words {
        match word.split_once('=') {
            Some(("network", name)) => entry.network = Some(name.to_string()),
            None if word == "gpus" => entry.gpus = true,
            _ => return Err(format!("{word:?}: expected network=NAME or gpus")),
        }
    }
    checked(entry).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pinned(name: &str) -> String {
        format!("{name}@sha256:{}", "b".repeat(64))
    }

    fn task(image: &str) -> ContainerParams {
        ContainerParams {
            image: image.into(),
            ..Default::default()
        }
    }

    #[test]
    fn only_listed_images_with_their_network_and_gpus_are_admitted() {
        let images = WorkerImages::new(
            None,
            &[
                parse_flag(&pinned("worker")).expect("flag"),
                parse_flag("gpu-worker@sha256:* network=jobs gpus").expect("flag"),
            ],
        )
        .expect("images");
        assert!(images.admit(&task(&pinned("worker"))).is_ok());
        assert!(matches!(
            images.admit(&task(&format!("worker@sha256:{}", "c".repeat(64)))),
            Err(Refusal::NotListed(_))
        ));
        assert!(matches!(
            images.admit(&task(&pinned("other"))),
            Err(Refusal::NotListed(_))
        ));
        let mut networked = task(&pinned("worker"));
        networked.network = "jobs".into();
        assert!(matches!(
            images.admit(&networked),
            Err(Refusal::Network { .. })
        ));
        let mut gpu = task(&pinned("worker"));
        gpu.gpus = true;
        assert!(matches!(images.admit(&gpu), Err(Refusal::Gpus(_))));
        let mut both = task(&pinned("gpu-worker"));
        both.gpus = true;
        both.network = "jobs".into();
        assert!(images.admit(&both).is_ok());
    }

    #[test]
    fn entries_must_be_pinned_and_never_use_the_host_network() {
        assert!(parse_flag("worker:latest").is_err());
        assert!(parse_flag(&format!("{} network=host", pinned("w"))).is_err());
        assert!(parse_flag(&format!("{} mounts=/", pinned("w"))).is_err());
        let table: toml::Table = toml::from_str(&format!(
            "[worker]\nimages = [{{ image = \"{}\", gpus = true }}]",
            pinned("w")
        ))
        .expect("toml");
        let images =
            WorkerImages::new(table.get("worker").and_then(|v| v.as_table()), &[]).expect("file");
        assert_eq!(images.names(), vec![pinned("w")]);
        assert!(WorkerImages::default().is_empty());
    }
}
