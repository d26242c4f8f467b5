//! Allowlist rules: which containers an agent may read. Both the controller and the agent evaluate
//! them, so that neither alone decides (DESIGN §5, invariant 5).

use serde::{Deserialize, Serialize};

use crate::{InvalidField, TaskResult};

/// How a rule's pattern is compared with a container.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The container's name equals the pattern.
    Name,
    /// The container's name matches the glob (`*` any run of characters, `?` one character).
    NameGlob,
    /// The container's image reference (as Docker reports it, e.g. `redis:7`) matches the glob.
    ImageGlob,
    /// Not a container to read: a worker image `container` tasks may run, `NAME@sha256:<digest>`
    /// or `NAME@sha256:*` (any digest of NAME). Never admits reading a container.
    WorkerImage,
}

impl MatchKind {
    /// The stable name used in the database and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchKind::Name => "name",
            MatchKind::NameGlob => "name_glob",
            MatchKind::ImageGlob => "image_glob",
            MatchKind::WorkerImage => "worker_image",
        }
    }

    /// Parses a stable name.
    pub fn parse(name: &str) -> Option<MatchKind> {
        [
            MatchKind::Name,
            MatchKind::NameGlob,
            MatchKind::ImageGlob,
            MatchKind::WorkerImage,
        ]
        .into_iter()
        .find(|k| k.as_str() == name)
    }
}

/// One rule of the allowlist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllowRule {
    /// How `pattern` is compared.
    pub kind: MatchKind,
    /// A name or a glob.
    pub pattern: String,
}

impl AllowRule {
    /// The longest pattern accepted.
    pub const MAX_PATTERN_LEN: usize = 256;

    /// Checks that the pattern is usable: not empty, not too long, printable.
    pub fn validate(&self) -> Result<(), InvalidField> {
        if self.pattern.trim().is_empty() {
            return Err(InvalidField::new("pattern", "must not be empty"));
        }
        if self.pattern.len() > Self::MAX_PATTERN_LEN {
            return Err(InvalidField::new(
                "pattern",
                format!("must be at most {} bytes", Self::MAX_PATTERN_LEN),
            ));
        }
        if self.pattern.chars().any(char::is_control) {
            return Err(InvalidField::new(
                "pattern",
                "must not contain control characters",
            ));
        }
        if self.kind == MatchKind::Name && self.pattern.contains(['*', '?']) {
            return Err(InvalidField::new(
                "pattern",
                "an exact name cannot contain `*` or `?`; use the name_glob kind",
            ));
        }
        if self.kind == MatchKind::WorkerImage && !is_worker_image_pattern(&self.pattern) {
            return Err(InvalidField::new(
                "pattern",
                "a worker image must be NAME@sha256:<64 lowercase hex digits> or NAME@sha256:*",
            ));
        }
        Ok(())
    }

    /// Whether this rule is a worker-image entry admitting the pinned reference `image`.
    pub fn admits_worker_image(&self, image: &str) -> bool {
        if self.kind != MatchKind::WorkerImage {
            return false;
        }
        match self.pattern.strip_suffix("@sha256:*") {
            Some(name) => image
                .rsplit_once("@sha256:")
                .is_some_and(|(task_name, _)| task_name == name),
            None => self.pattern == image,
        }
    }

    /// Whether this rule admits the container. Docker's leading `/` on names is ignored.
    pub fn permits(&self, container_name: &str, image: &str) -> bool {
        let name = container_name.strip_prefix('/').unwrap_or(container_name);
        match self.kind {
            MatchKind::Name => name == self.pattern,
            MatchKind::NameGlob => glob_matches(&self.pattern, name),
            MatchKind::ImageGlob => glob_matches(&self.pattern, image),
            // A worker image says what may run, never what may be read.
            MatchKind::WorkerImage => false,
        }
    }
}

/// The rules in force for one job. An empty allowlist admits nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Allowlist {
    /// The active rules.
    pub rules: Vec<AllowRule>,
    /// The host's own limit, which the agent adds to every job's allowlist; never sent or stored.
    #[serde(skip)]
    pub local_limit: Option<LocalLimit>,
}

impl Allowlist {
    /// Whether any rule admits the container, and the host's local limit (if any) does too.
    pub fn permits(&self, container_name: &str, image: &str) -> bool {
        self.rules.iter().any(|r| r.permits(container_name, image))
            && self
                .local_limit
                .as_ref()
                .is_none_or(|limit| limit.permits(container_name, image))
    }

    /// This allowlist narrowed further by the host's `limit`.
    pub fn narrowed_by(mut self, limit: Option<LocalLimit>) -> Allowlist {
        self.local_limit = limit;
        self
    }
}

/// A host's own limit on what its agent may read (the agent's `--allow-container` and
/// `--deny-container`): it narrows every job's allowlist and can never widen it (DESIGN §5,
/// invariant 5).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocalLimit {
    /// When not empty, a container must also match one of these.
    pub allow: Vec<AllowRule>,
    /// A container matching any of these is refused, whatever else admits it.
    pub deny: Vec<AllowRule>,
}

impl LocalLimit {
    /// Whether the limit lets the container through.
    pub fn permits(&self, container_name: &str, image: &str) -> bool {
        (self.allow.is_empty() || self.allow.iter().any(|r| r.permits(container_name, image)))
            && !self.deny.iter().any(|r| r.permits(container_name, image))
    }

    /// Whether the limit narrows anything at all.
    pub fn is_empty(&self) -> bool {
        self.allow.is_empty() && self.deny.is_empty()
    }

    /// Parses one `--allow-container` / `--deny-container` pattern: `image:GLOB` compares the
    /// image reference, anything else (`NAME` or `GLOB`, optionally `name:`) the container's name.
    pub fn parse_pattern(text: &str) -> Result<AllowRule, InvalidField> {
        let (kind, pattern) = match text.split_once(':') {
            Some(("image", glob)) => (MatchKind::ImageGlob, glob),
            Some(("name", glob)) => (MatchKind::NameGlob, glob),
            _ => (MatchKind::NameGlob, text),
        };
        let rule = AllowRule {
            kind,
            pattern: pattern.trim().to_string(),
        };
        rule.validate()?;
        Ok(rule)
    }
}

/// Glob match with `*` (any run, possibly empty) and `?` (one character); everything else literal.
/// Iterative with one backtrack point, so it is linear-ish and cannot blow up on hostile patterns.
/// `NAME@sha256:<64 hex>` or `NAME@sha256:*`.
pub fn is_worker_image_pattern(pattern: &str) -> bool {
    let any_digest = pattern
        .strip_suffix("@sha256:*")
        .map(|name| format!("{name}@sha256:{}", "0".repeat(64)));
    crate::ContainerParams::is_pinned(any_digest.as_deref().unwrap_or(pattern))
}

fn glob_matches(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    let (mut p, mut t) = (0, 0);
    let mut backtrack: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some('*') => {
                backtrack = Some((p, t));
                p += 1;
            }
            Some(&c) if c == '?' || c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match backtrack {
                Some((star_p, star_t)) => {
                    p = star_p + 1;
                    t = star_t + 1;
                    backtrack = Some((star_p, star_t + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '*')
}

/// Removes from a result every container `allowlist` does not admit: the controller's half of the
/// two-sided enforcement (the agent's half is not reading them). Returns how many were removed.
pub fn enforce_allowlist(result: &mut TaskResult, allowlist: &Allowlist) -> usize {
    match result {
        // A command reads no container: the host's own declaration is its allowlist.
        TaskResult::Command(_) | TaskResult::Container(_) => 0,
        TaskResult::LogTriage(r) => {
            let before = r.containers.len();
            r.containers
                .retain(|c| allowlist.permits(&c.name, &c.image));
            let dropped = before - r.containers.len();
            r.skipped_containers = r
                .skipped_containers
                .saturating_add(u32::try_from(dropped).unwrap_or(u32::MAX));
            dropped
        }
        TaskResult::ServiceMap(r) => {
            let before = r.containers.len();
            r.containers
                .retain(|c| allowlist.permits(&c.name, &c.image));
            let dropped = before - r.containers.len();
            r.hidden_containers = r
                .hidden_containers
                .saturating_add(u32::try_from(dropped).unwrap_or(u32::MAX));
            // Edges and references must not name what was removed either.
            let kept: std::collections::HashSet<String> =
                r.containers.iter().map(|c| c.name.clone()).collect();
            r.edges
                .retain(|e| kept.contains(&e.from) && kept.contains(&e.to));
            for c in &mut r.containers {
                for reference in &mut c.env_references {
                    if !kept.contains(&reference.local_target) {
                        reference.local_target.clear();
                    }
                }
            }
            dropped
        }
        TaskResult::GpuReport(r) => {
            let mut dropped = 0;
            for gpu in &mut r.gpus {
                for p in &mut gpu.processes {
                    let described = !p.container_name.is_empty()
                        || !p.container_image.is_empty()
                        || !p.compose_service.is_empty();
                    if described && !allowlist.permits(&p.container_name, &p.container_image) {
                        p.container_name.clear();
                        p.container_image.clear();
                        p.compose_service.clear();
                        p.container_id = crate::short_container_id(&p.container_id).to_string();
                        dropped += 1;
                    }
                }
            }
            dropped
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ContainerLogDigest, LogTriageResult};

    fn rule(kind: MatchKind, pattern: &str) -> AllowRule {
        AllowRule {
            kind,
            pattern: pattern.to_string(),
        }
    }

    #[test]
    fn worker_images_are_pinned_and_never_admit_reading() {
        let pinned = format!("w@sha256:{}", "d".repeat(64));
        let exact = rule(MatchKind::WorkerImage, &pinned);
        assert!(exact.validate().is_ok());
        assert!(exact.admits_worker_image(&pinned));
        assert!(!exact.admits_worker_image(&format!("w@sha256:{}", "e".repeat(64))));
        assert!(
            !exact.permits("w", &pinned),
            "a worker image admits no reading"
        );
        let any = rule(MatchKind::WorkerImage, "w@sha256:*");
        assert!(any.validate().is_ok() && any.admits_worker_image(&pinned));
        assert!(!any.admits_worker_image(&format!("x@sha256:{}", "d".repeat(64))));
        assert!(rule(MatchKind::WorkerImage, "w:latest").validate().is_err());
        assert!(!rule(MatchKind::ImageGlob, "*").admits_worker_image(&pinned));
    }

    #[test]
    fn globs_match_like_a_shell() {
        assert!(glob_matches("web-*", "web-1"));
        assert!(glob_matches("web-*", "web-"));
        assert!(!glob_matches("web-*", "api-1"));
        assert!(glob_matches("w?b", "web"));
        assert!(glob_matches("*", ""));
        assert!(glob_matches("a*b*c", "aXXbYYc"));
        assert!(!glob_matches("a*b*c", "aXXbYY"));
        assert!(glob_matches("redis:*", "redis:7"));
    }

    #[test]
    fn hostile_globs_stay_fast_and_correct() {
        let text = "a".repeat(200);
        assert!(!glob_matches(&format!("{}b", "*a".repeat(50)), &text));
    }

    #[test]
    fn rules_compare_names_without_dockers_slash() {
        assert!(rule(MatchKind::Name, "web").permits("/web", "nginx"));
        assert!(!rule(MatchKind::Name, "web").permits("/web2", "nginx"));
        assert!(rule(MatchKind::ImageGlob, "nginx*").permits("/x", "nginx:1.25"));
        assert!(!rule(MatchKind::ImageGlob, "nginx*").permits("/nginx", "redis"));
    }

    #[test]
    fn a_local_limit_narrows_and_never_widens() {
        let everything = Allowlist {
            rules: vec![rule(MatchKind::NameGlob, "*")],
            local_limit: None,
        };
        let limit = LocalLimit {
            allow: vec![
                LocalLimit::parse_pattern("web-*").unwrap(),
                LocalLimit::parse_pattern("image:redis:*").unwrap(),
            ],
            deny: vec![LocalLimit::parse_pattern("name:web-secret*").unwrap()],
        };
        let narrowed = everything.narrowed_by(Some(limit.clone()));
        assert!(narrowed.permits("/web-1", "nginx"));
        assert!(narrowed.permits("cache", "redis:7"));
        assert!(
            !narrowed.permits("db", "postgres:16"),
            "not in the local allow list"
        );
        assert!(!narrowed.permits("web-secrets", "nginx"), "denied locally");
        // A job allowlist that admits nothing still admits nothing.
        let nothing = Allowlist::default().narrowed_by(Some(limit));
        assert!(!nothing.permits("web-1", "nginx"));
        // Deny alone narrows an allowlist without an allow list of its own.
        let deny_only = Allowlist {
            rules: vec![rule(MatchKind::NameGlob, "*")],
            local_limit: Some(LocalLimit {
                allow: vec![],
                deny: vec![LocalLimit::parse_pattern("db*").unwrap()],
            }),
        };
        assert!(deny_only.permits("web", "x") && !deny_only.permits("db-1", "x"));
        assert!(LocalLimit::parse_pattern("image:").is_err());
        assert!(LocalLimit::parse_pattern(" ").is_err());
    }

    #[test]
    fn empty_allowlist_admits_nothing() {
        assert!(!Allowlist::default().permits("web", "nginx"));
    }

    #[test]
    fn bad_patterns_name_the_field() {
        assert_eq!(
            rule(MatchKind::Name, " ").validate().unwrap_err().field,
            "pattern"
        );
        assert!(rule(MatchKind::Name, "a*").validate().is_err());
        assert!(rule(MatchKind::NameGlob, "a*").validate().is_ok());
    }

    #[test]
    fn results_lose_containers_outside_the_allowlist() {
        let allowlist = Allowlist {
            rules: vec![AllowRule {
                kind: MatchKind::Name,
                pattern: "web".into(),
            }],
            local_limit: None,
        };
        let mut result = TaskResult::LogTriage(LogTriageResult {
            containers: vec![
                ContainerLogDigest {
                    name: "web".into(),
                    ..Default::default()
                },
                ContainerLogDigest {
                    name: "secret-db".into(),
                    ..Default::default()
                },
            ],
            skipped_containers: 0,
        });
        assert_eq!(enforce_allowlist(&mut result, &allowlist), 1);
        let TaskResult::LogTriage(r) = result else {
            unreachable!()
        };
        assert_eq!(r.containers.len(), 1);
        assert_eq!(r.skipped_containers, 1);
    }

    #[test]
    fn gpu_processes_keep_only_the_short_id_of_containers_outside_the_allowlist() {
        use crate::{GpuProcess, GpuReportResult, GpuStats, ProcessOwner};
        let allowlist = Allowlist {
            rules: vec![rule(MatchKind::Name, "trainer")],
            local_limit: None,
        };
        let process = |name: &str, service: &str| GpuProcess {
            container_id: "0123456789abcdef".into(),
            container_name: name.into(),
            container_image: "cuda:12".into(),
            compose_service: service.into(),
            owner: ProcessOwner::Container,
            ..Default::default()
        };
        let mut result = TaskResult::GpuReport(GpuReportResult {
            gpus: vec![GpuStats {
                processes: vec![process("trainer", "train"), process("secret", "vault")],
                ..Default::default()
            }],
            ..Default::default()
        });
        assert_eq!(enforce_allowlist(&mut result, &allowlist), 1);
        let TaskResult::GpuReport(r) = result else {
            unreachable!()
        };
        let [kept, cleared] = &r.gpus[0].processes[..] else {
            panic!("two processes")
        };
        assert_eq!(kept.compose_service, "train");
        assert_eq!(kept.container_id, "0123456789abcdef");
        assert_eq!(cleared.container_id, "0123456789ab");
        assert!(cleared.container_name.is_empty() && cleared.compose_service.is_empty());
    }
}
