//! The template baseline that "new" and "burst" are judged against: for each directive (or
//! ad-hoc target), the template fingerprints seen per container image or compose service, with
//! their usual rate. The store keeps it and updates it when a run finishes; the report compares
//! a run's templates with it. Pure: no IO.

use std::collections::BTreeMap;

use cyberbrain_tasks::ContainerLogDigest;
use sha2::{Digest, Sha256};

use crate::runs::Run;

/// A template is bursting when its rate is at least this many times the baseline's.
pub const BURST_FACTOR: f64 = 4.0;
/// ... and it has at least this many lines in the run.
pub const BURST_MIN_COUNT: u64 = 10;
/// A reading shorter than this is taken as this long when a rate is computed.
const MIN_WINDOW_MS: i64 = 60_000;

/// A scope's baseline as the store holds it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Baseline {
    /// `directive:<name>` or `target:<target>`.
    pub scope: String,
    /// Finished runs that fed it; 0 means there is no baseline yet.
    pub runs: u32,
    /// (subject, fingerprint) → what is known of that template.
    pub templates: BTreeMap<(String, String), BaselineTemplate>,
}

/// What a run's finish could do with its scope's baseline. Reading and updating it are each
/// done apart (a savepoint each), so that a failure of either cannot stop the run's finish: the
/// report then says so.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BaselineUpdate {
    /// The scope (see [`scope_of`]).
    pub scope: String,
    /// The baseline as it was before the run; `None` when it could not be read.
    pub before: Option<Baseline>,
    /// The run's templates could not be merged into it: it stays as it was.
    pub update_failed: bool,
}

/// One template of one subject in a baseline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BaselineTemplate {
    /// Its usual rate, lines per hour of log read.
    pub lines_per_hour: f64,
    /// Runs that saw it.
    pub runs: u32,
}

/// One template as a run saw it, ready to be compared or merged.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// See [`subject_of`].
    pub subject: String,
    /// See [`fingerprint`].
    pub fingerprint: String,
    /// Lines per hour over the time range the container's reading covered.
    pub lines_per_hour: f64,
}

impl Baseline {
    /// What the baseline knows of a template of `subject`.
    pub fn get(&self, subject: &str, fingerprint: &str) -> Option<&BaselineTemplate> {
        self.templates
            .get(&(subject.to_string(), fingerprint.to_string()))
    }

    /// Whether the template is new: not seen before in this scope for this subject. Always
    /// false without a baseline (the first run has nothing to compare with).
    pub fn is_new(&self, subject: &str, fingerprint: &str) -> bool {
        self.runs > 0 && self.get(subject, fingerprint).is_none()
    }

    /// Whether a template seen at `lines_per_hour`, `count` lines, bursts against the baseline.
    pub fn is_burst(
        &self,
        subject: &str,
        fingerprint: &str,
        lines_per_hour: f64,
        count: u64,
    ) -> bool {
        self.get(subject, fingerprint).is_some_and(|known| {
            count >= BURST_MIN_COUNT && lines_per_hour >= known.lines_per_hour * BURST_FACTOR
        })
    }
}

/// The baseline's scope for a run: its directive, or, for an ad-hoc run, its target.
pub fn scope_of(run: &Run) -> String {
    match &run.directive_name {
        Some(name) => format!("directive:{name}"),
        None => format!("target:{}", run.target.describe()),
    }
}

/// What a container is, across runs and restarts: its compose service when it has one, else its
/// image.
pub fn subject_of(digest: &ContainerLogDigest) -> String {
    match &digest.condition {
        Some(c) if !c.compose_service.is_empty() => {
            format!("service:{}/{}", c.compose_project, c.compose_service)
        }
        _ => format!("image:{}", digest.image),
    }
}

/// A template's fingerprint: the first 16 bytes of the SHA-256 of its text, in hex.
pub fn fingerprint(template: &str) -> String {
    let hash = Sha256::digest(template.as_bytes());
    hash[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// The time range a digest covers, in hours (at least a minute's worth).
pub fn covered_hours(digest: &ContainerLogDigest) -> f64 {
    let window = if digest.first_line_unix_ms > 0 && digest.last_line_unix_ms > 0 {
        (digest.last_line_unix_ms - digest.first_line_unix_ms).max(MIN_WINDOW_MS)
    } else {
        MIN_WINDOW_MS
    };
    window as f64 / 3_600_000.0
}

/// Every template of `digests`, as the baseline sees them. A template seen twice for one subject
/// (two containers of one service) is counted once, at the higher rate.
pub fn observations<'a>(
    digests: impl IntoIterator<Item = &'a ContainerLogDigest>,
) -> Vec<Observation> {
    let mut seen: BTreeMap<(String, String), f64> = BTreeMap::new();
    for digest in digests {
        let subject = subject_of(digest);
        let hours = covered_hours(digest);
        for t in &digest.templates {
            let rate = t.count as f64 / hours;
            let entry = seen
                .entry((subject.clone(), fingerprint(&t.template)))
                .or_insert(0.0);
            *entry = entry.max(rate);
        }
    }
    seen.into_iter()
        .map(|((subject, fingerprint), lines_per_hour)| Observation {
            subject,
            fingerprint,
            lines_per_hour,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use cyberbrain_tasks::{ContainerCondition, Severity, TemplateCount};

    fn digest(image: &str, service: &str, templates: &[(&str, u64)]) -> ContainerLogDigest {
        ContainerLogDigest {
            image: image.into(),
            first_line_unix_ms: 0,
            last_line_unix_ms: 0,
            condition: Some(ContainerCondition {
                compose_project: "shop".into(),
                compose_service: service.into(),
                ..Default::default()
            }),
            templates: templates
                .iter()
                .map(|(text, count)| TemplateCount {
                    template: (*text).into(),
                    count: *count,
                    severity: Severity::Error,
                    examples: vec![],
                    first_seen_unix_ms: 0,
                    last_seen_unix_ms: 0,
                    novel: false,
                    burst: false,
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn new_and_burst_compare_with_the_baseline() {
        let first = observations([&digest("api:1", "api", &[("refused <*>", 10)])]);
        assert_eq!(first[0].subject, "service:shop/api");
        let mut baseline = Baseline {
            scope: "directive:nightly".into(),
            ..Default::default()
        };
        // No baseline yet: nothing is new.
        assert!(!baseline.is_new("service:shop/api", &first[0].fingerprint));
        baseline.runs = 1;
        baseline.templates.insert(
            (first[0].subject.clone(), first[0].fingerprint.clone()),
            BaselineTemplate {
                lines_per_hour: first[0].lines_per_hour,
                runs: 1,
            },
        );
        assert!(!baseline.is_new("service:shop/api", &first[0].fingerprint));
        assert!(baseline.is_new("service:shop/api", &fingerprint("disk full")));
        assert!(baseline.is_new("image:other", &first[0].fingerprint));
        let rate = first[0].lines_per_hour;
        assert!(baseline.is_burst("service:shop/api", &first[0].fingerprint, rate * 5.0, 50));
        assert!(!baseline.is_burst("service:shop/api", &first[0].fingerprint, rate * 2.0, 50));
        assert!(!baseline.is_burst("service:shop/api", &first[0].fingerprint, rate * 5.0, 3));
    }

    #[test]
    fn without_a_service_the_image_is_the_subject() {
        let mut d = digest("busybox:1", "", &[]);
        assert_eq!(subject_of(&d), "image:busybox:1");
        d.condition = None;
        assert_eq!(subject_of(&d), "image:busybox:1");
        assert_eq!(fingerprint("a").len(), 32);
    }
}
